//! HTML extraction against fixture pages modelled on large news sites (original fictional
//! text): word-level F1 against the expected extraction, exact header facts, and no page
//! furniture in the text.

mod common;

use common::{assert_well_formed, f1, fixture};
use hearsay::document::{BlockKind, Document, Format, html, open};

fn open_fixture(name: &str) -> Document {
    let bytes = fixture(&format!("html/{name}.html"));
    let doc = open(&bytes, Some(&format!("{name}.html")), None).expect("fixture opens");
    assert_well_formed(&doc);
    doc
}

fn expected(name: &str) -> String {
    String::from_utf8(fixture(&format!("html/{name}.expected.txt"))).expect("utf-8")
}

fn captions(doc: &Document) -> Vec<(&str, Option<&str>)> {
    doc.blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| (b.text.as_str(), b.credit.as_deref()))
        .collect()
}

fn assert_absent(doc: &Document, phrases: &[&str]) {
    for p in phrases {
        assert!(
            !doc.source.contains(p),
            "page furniture {p:?} leaked into the text:\n{}",
            doc.source
        );
    }
}

#[test]
fn courier_article_page() {
    let doc = open_fixture("courier");
    let score = f1(&expected("courier"), &doc.source);
    assert!(score >= 0.97, "word F1 {score:.3}\n{}", doc.source);
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Harbour town votes to raise its sea wall")
    );
    assert_eq!(m.byline.as_deref(), Some("Marta Velasco and Idris Okafor"));
    assert_eq!(m.date.as_deref(), Some("2025-03-04"));
    assert_eq!(m.publication.as_deref(), Some("The Tidewater Courier"));
    assert!(
        m.dek
            .as_deref()
            .is_some_and(|d| d.ends_with("it will be enough."))
    );
    assert_eq!(
        m.contributors.as_deref(),
        Some("Sofia Lindqvist contributed to this report.")
    );
    assert_eq!(
        captions(&doc),
        [(
            "Waves break over the old sea wall in Port Alder during the January storm.",
            Some("Photo: Lena Fischer/Tidewater Courier")
        )]
    );
    let kinds: Vec<BlockKind> = doc.blocks.iter().map(|b| b.kind).take(5).collect();
    assert_eq!(
        kinds,
        [
            BlockKind::Title,
            BlockKind::Dek,
            BlockKind::Dateline,
            BlockKind::Byline,
            BlockKind::Caption
        ]
    );
    assert!(
        doc.blocks
            .iter()
            .any(|b| b.kind == BlockKind::Subheading && b.text == "What happens next")
    );
    // the block quote and list items are paragraphs
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert!(paras.contains(&"“A wall is a promise that the sea will stay where we tell it to. The sea has never kept that promise here.”"));
    assert!(paras.contains(&"• an estimate of the effect on property taxes, and"));
    assert_eq!(paras.len(), 11);
    assert_absent(
        &doc,
        &[
            "Skip to content",
            "Subscribe",
            "Breaking:",
            "Advertisement",
            "Related",
            "salt marsh save a town",
            "seagull77",
            "swimming pool",
            "Most read",
            "All rights reserved",
            "morning briefing",
            "Share",
            "gtag",
            "font-family",
        ],
    );
}

#[test]
fn wire_page_without_article_element() {
    let doc = open_fixture("wire");
    let score = f1(&expected("wire"), &doc.source);
    assert!(score >= 0.97, "word F1 {score:.3}\n{}", doc.source);
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Glacier researchers find ancient forest under retreating ice")
    );
    assert_eq!(m.byline.as_deref(), Some("Tomas Eriksen"));
    assert_eq!(m.date.as_deref(), Some("2024-09-17"));
    assert_eq!(m.publication.as_deref(), Some("Meridian Wire"));
    assert_eq!(
        captions(&doc),
        [(
            "Researchers measure a pine stump exposed by the Varn glacier in August.",
            Some("Kari Nyland/Meridian Wire")
        )]
    );
    // entities decoded
    assert!(
        doc.source
            .contains("VARNDAL, Norway (Meridian) — Scientists")
    );
    assert!(doc.source.contains("“When we first saw them"));
    assert_absent(
        &doc,
        &[
            "cookies",
            "Log in",
            "Read more",
            "Alpine ice",
            "Facebook",
            "More from Meridian",
            "Central bank",
            "Data delayed",
            "&mdash;",
            "_q.push",
        ],
    );
}

#[test]
fn broadcaster_page_with_json_ld_graph() {
    let doc = open_fixture("broadcaster");
    let score = f1(&expected("broadcaster"), &doc.source);
    assert!(score >= 0.97, "word F1 {score:.3}\n{}", doc.source);
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Rail strike: What commuters need to know this week")
    );
    assert_eq!(m.byline.as_deref(), Some("Priya Natarajan"));
    assert_eq!(m.date.as_deref(), Some("2025-06-09"));
    assert_eq!(m.publication.as_deref(), Some("Northbridge News"));
    let subs: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "Which lines are affected?",
            "What do the two sides say?",
            "Can I get a refund?"
        ]
    );
    assert_absent(
        &doc,
        &[
            "Image caption",
            "Watch",
            "Why are train drivers striking again",
            "Industrial action",
            "More on this story",
            "Top stories",
            "Wildfire",
            "Terms of Use",
            "no-js",
        ],
    );
}

#[test]
fn links_are_plain_text_with_targets_kept_aside() {
    let bytes = fixture("html/courier.html");
    let page = html::read(std::str::from_utf8(&bytes).expect("utf-8")).expect("reads");
    let doc = &page.document;
    assert!(
        doc.source
            .contains("according to the council's published minutes.")
    );
    assert!(!doc.source.contains("https://"));
    let link = page
        .links
        .iter()
        .find(|l| l.href == "https://example.org/council-minutes")
        .expect("the minutes link is kept");
    assert_eq!(
        &doc.source[link.range.clone()],
        "council's published minutes"
    );
}

#[test]
fn detection_by_name_sniffing_and_force() {
    let page = b"<!DOCTYPE html><html><body><article><h1>Quiet day</h1>\
        <p>Nothing much happened in the harbour today, the harbour master said.</p>\
        </article></body></html>";
    assert_eq!(
        Format::detect(None, None, std::str::from_utf8(page).unwrap()),
        Format::Html
    );
    let sniffed = open(page, None, None).unwrap();
    assert_eq!(sniffed.meta.title.as_deref(), Some("Quiet day"));
    let named = open(page, Some("page.htm"), None).unwrap();
    assert_eq!(named.source, sniffed.source);
    // forced text keeps the markup as text; a .txt name does too
    let as_text = open(page, None, Some(Format::Text)).unwrap();
    assert!(as_text.source.contains("<article>"));
    let txt = open(page, Some("notes.txt"), None).unwrap();
    assert!(txt.source.contains("<article>"));
    // forced HTML on a fragment without a doctype
    let frag = open(b"<p>One &amp; two.</p>", Some("x.txt"), Some(Format::Html)).unwrap();
    assert_eq!(frag.source, "One & two.");
}

#[test]
fn extracted_text_reads_back_the_same_as_plain_text() {
    // the extracted source is laid out like a pasted article, so the text reader agrees
    let doc = open_fixture("courier");
    let again = open(doc.source.as_bytes(), None, Some(Format::Text)).unwrap();
    assert_eq!(again.meta.title, doc.meta.title);
    assert_eq!(again.meta.date, doc.meta.date);
    assert_eq!(again.meta.byline, doc.meta.byline);
    assert_eq!(again.paragraphs().count(), doc.paragraphs().count());
}
