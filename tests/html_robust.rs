//! Bad HTML gets a result or a clear error, never a panic or a hang: unclosed tags, no
//! article at all, a page of pure furniture, very deep nesting, a multi-megabyte page.

mod common;

use common::assert_well_formed;
use hearsay::document::{DecodeError, Format, open};

fn open_html(s: &str) -> Result<hearsay::document::Document, DecodeError> {
    open(s.as_bytes(), Some("page.html"), None)
}

#[test]
fn unclosed_tags_still_give_the_text() {
    let page = "<!doctype html><html><head><title>Ferry delays - Gazette</title><body>\
        <div class=story><h1>Ferry delays continue</h1>\
        <p>The morning ferry left two hours late for the third day running, the operator said.\
        <p>“We are waiting on a part,” said captain Ilse Marr.<div><span><b><i>\
        <p>Passengers were offered vouchers for the café on the quay.";
    let doc = open_html(page).expect("a result");
    assert_well_formed(&doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Ferry delays continue"));
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(
        paras,
        [
            "The morning ferry left two hours late for the third day running, the operator said.",
            "“We are waiting on a part,” said captain Ilse Marr.",
            "Passengers were offered vouchers for the café on the quay."
        ]
    );
}

#[test]
fn a_page_with_no_article_gives_its_text_with_a_warning() {
    let mut page = String::from(
        "<!doctype html><html><head><title>Gazette — Home</title></head><body>\
         <header><nav><a href=/>Home</a><a href=/news>News</a></nav></header><main>",
    );
    for i in 0..12 {
        page.push_str(&format!(
            "<div class=teaser><h3><a href=/s{i}>Teaser headline number {i}</a></h3>\
             <span>2 hours ago</span></div>"
        ));
    }
    page.push_str("</main><footer>© Gazette</footer></body></html>");
    let doc = open_html(&page).expect("a result");
    assert_well_formed(&doc);
    assert!(doc.source.contains("Teaser headline number 3"));
    assert!(!doc.source.contains("© Gazette"));
    assert!(!doc.warnings.is_empty(), "says the article was not found");
}

#[test]
fn pages_without_text_are_a_clear_error() {
    for page in [
        "<!doctype html><html><head><script>var a = '<p>x</p>';</script></head><body></body></html>",
        "<html><body><nav><a href=/>Home</a></nav><img src=x.png></body></html>",
        "<!DOCTYPE html>",
    ] {
        let err = open_html(page).expect_err("nothing to read");
        assert_eq!(err, DecodeError::Empty);
        assert!(err.to_string().contains("no article"));
    }
}

#[test]
fn deep_nesting_is_capped_not_fatal() {
    let page = format!(
        "<!doctype html><html><body>{}<p>Deep inside, the text is still found.</p>",
        "<div><span>".repeat(50_000)
    );
    let doc = open_html(&page).expect("a result");
    assert_well_formed(&doc);
    assert_eq!(
        doc.paragraphs().next().map(|(_, b)| b.text.as_str()),
        Some("Deep inside, the text is still found.")
    );
    assert!(doc.warnings.iter().any(|w| w.contains("nests")));
}

/// A news page padded to about `bytes` with body paragraphs and furniture.
fn big_page(bytes: usize) -> String {
    let mut page = String::from(
        "<!doctype html><html><head><title>Long read - Gazette</title>\
         <meta property='og:title' content='Long read'></head><body>\
         <nav><a href=/>Home</a></nav><article><h1>Long read</h1>",
    );
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<div class=chunk><p>Paragraph {i} of the long read, in which the council \
             debates the harbour wall once again and nobody agrees on anything.</p>\
             <p>“Quote number {i},” said <a href=/p{i}>a resident</a>.</p>\
             <aside class=related><a href=/r{i}>Related {i}</a></aside></div>\n"
        ));
        i += 1;
    }
    page.push_str("</article></body></html>");
    page
}

#[test]
fn a_five_megabyte_page_opens() {
    let page = big_page(5 * 1024 * 1024);
    let doc = open(page.as_bytes(), None, None).expect("a result");
    assert_eq!(doc.meta.title.as_deref(), Some("Long read"));
    assert!(doc.paragraphs().count() > 10_000);
    assert!(!doc.source.contains("Related 7"));
    let last = doc.paragraphs().last().map(|(_, b)| b.text.clone());
    assert!(last.is_some_and(|t| t.starts_with("“Quote number")));
}

#[test]
fn forced_html_on_plain_text_and_binary_like_input() {
    let doc = open(b"Just a line of text.", None, Some(Format::Html)).expect("a result");
    assert_eq!(doc.source, "Just a line of text.");
    assert!(open(b"\0\0<html>", None, Some(Format::Html)).is_err());
}

#[test]
fn legacy_encodings_are_decoded_as_declared_or_as_windows_1252() {
    let page: Vec<u8> = b"<!DOCTYPE html><html><head><meta http-equiv='Content-Type' \
        content='text/html; charset=ISO-8859-1'><title>Caf\xe9 closes</title></head><body>\
        <article><h1>Caf\xe9 closes</h1><p>The caf\xe9 on the square served its last \
        cr\xe8me br\xfbl\xe9e on Sunday, its owner said.</p></article></body></html>"
        .to_vec();
    let doc = open(&page, Some("cafe.html"), None).expect("a result");
    assert_eq!(doc.meta.title.as_deref(), Some("Café closes"));
    assert!(doc.source.contains("crème brûlée"));
    assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    // no declaration: windows-1252, as browsers do, and say so
    let raw = b"<html><body><article><h1>Na\x96ve</h1><p>\x93Quoted,\x94 she said, and the \
        na\xefve plan went ahead without any further delay on Monday.</p></article></body></html>";
    let doc = open(raw, None, None).expect("a result");
    assert!(
        doc.source
            .contains("“Quoted,” she said, and the naïve plan")
    );
    assert!(doc.warnings.iter().any(|w| w.contains("windows-1252")));
}

#[test]
fn a_page_wrapped_in_one_form_still_reads() {
    let body: String = (0..6)
        .map(|i| {
            format!(
                "<p>Paragraph {i} of a story on a site that wraps every page in a form element.</p>"
            )
        })
        .collect();
    let page = format!(
        "<!doctype html><html><body><form id=aspnetForm method=post><div class=nav><a href=/>Home</a>\
         </div><h1>Wrapped</h1>{body}<div class=search-box><input name=q><label>Search the site</label>\
         </div></form></body></html>"
    );
    let doc = open_html(&page).expect("a result");
    assert_eq!(doc.paragraphs().count(), 6);
    assert!(!doc.source.contains("Search the site"));
}

#[test]
fn links_spanning_blocks_and_credits_never_split_characters() {
    for page in [
        "<article><div>Start of a paragraph <a href=/x>link text<div>é é é é é</div>ééééééééééééééé</a></div></article>",
        "<figure><figcaption>Caption <a href=/y>ab<span class=credit>ééé Photo</span>cd</a></figcaption></figure>",
        "<p><a href=/z>“quoted<br><br>ééééé more”</a></p>",
    ] {
        let page = format!("<!doctype html><html><body>{page}</body></html>");
        if let Ok(doc) = open_html(&page) {
            assert_well_formed(&doc);
        }
        let _ = hearsay::document::html::read(&page);
    }
}

/// An article paragraph inside an element carrying `attrs` (hostile markup around real text).
fn page_with_attributes(attrs: &str) -> String {
    format!(
        "<!doctype html><html><head><title>Pier works - Gazette</title></head><body><article>\
         <h1>Pier works begin</h1><div {attrs}><p>The contractor fenced off the north end of the \
         pier on Monday, and the café moved its tables to the promenade for the summer.</p>\
         <p>“We expect the first piles by June,” said site manager Oriel Banks.</p></div>\
         </article></body></html>"
    )
}

/// Opens the page with `attrs` on an element: its text is all there, and a warning says
/// `warned`.
fn read_and_warned(attrs: &str, warned: &str) {
    let doc = open_html(&page_with_attributes(attrs)).expect("a result");
    assert_well_formed(&doc);
    assert!(doc.source.contains("the first piles by June"));
    assert!(
        doc.warnings.iter().any(|w| w.contains(warned)),
        "{:?}",
        doc.warnings
    );
}

#[test]
fn an_element_with_many_attributes_keeps_the_first_ones_and_says_so() {
    // the parser compares every attribute with the earlier ones: 50,000 took seconds
    let attrs: String = (0..50_000).map(|i| format!("data-a{i}=x ")).collect();
    read_and_warned(&attrs, "49744 attribute(s) past the first 256");
}

#[test]
fn an_attribute_of_megabytes_is_dropped_and_said() {
    let attrs = format!("class=story title=\"{}\"", "w".repeat(3 * 1024 * 1024));
    read_and_warned(&attrs, "1 attribute(s) longer than 64 KB");
}
