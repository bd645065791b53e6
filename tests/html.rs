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
    // forced text keeps the markup as text; a page saved as .txt is still sniffed
    let as_text = open(page, None, Some(Format::Text)).unwrap();
    assert!(as_text.source.contains("<article>"));
    let txt = open(page, Some("saved.txt"), None).unwrap();
    assert_eq!(txt.source, sniffed.source);
    // an .md name is trusted: the page is read as Markdown made of one HTML block
    let md_named = open(page, Some("page.md"), None).unwrap();
    assert_eq!(
        md_named.meta.title, None,
        "no Markdown heading, no front matter"
    );
    assert!(md_named.source.contains("Quiet day"));
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

#[test]
fn old_table_layout_with_br_paragraphs() {
    let doc = open_fixture("valley_echo");
    let score = f1(&expected("valley_echo"), &doc.source);
    assert!(score >= 0.97, "word F1 {score:.3}\n{}", doc.source);
    let m = &doc.meta;
    assert_eq!(m.title.as_deref(), Some("Mill fire: owner vows to rebuild"));
    assert_eq!(m.byline.as_deref(), Some("Dora Kettleby, Staff Reporter"));
    assert_eq!(m.date.as_deref(), Some("2014-05-16"));
    assert_eq!(m.publication.as_deref(), Some("Valley Echo"));
    assert_eq!(doc.paragraphs().count(), 4);
    assert_absent(
        &doc,
        &[
            "Classifieds",
            "Reader comments",
            "grandfather",
            "Advertise",
            "Copyright",
        ],
    );
}

#[test]
fn short_article_beats_long_comment_thread() {
    let article: String = (0..5)
        .map(|i| format!("<p>Paragraph {i}: the bridge reopens on Monday, the mayor said.</p>"))
        .collect();
    let comments: String = (0..15)
        .map(|_| {
            format!(
                "<li class=comment><div class=comment-body><p>{}</p></div></li>",
                "A long reader comment about the bridge, the traffic and the council. ".repeat(4)
            )
        })
        .collect();
    let page = format!(
        "<!doctype html><html><head><title>Bridge reopens - Town Paper</title></head><body>\
         <nav><a href=/>Home</a></nav><article><h1>Bridge reopens</h1>\
         <div class=entry-content>{article}</div></article><div id=comments><h2>15 comments</h2>\
         <ol class=commentlist>{comments}</ol></div><footer>Footer</footer></body></html>"
    );
    let doc = open(page.as_bytes(), Some("bridge.html"), None).unwrap();
    assert_well_formed(&doc);
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(paras.len(), 5, "{paras:?}");
    assert!(paras.iter().all(|p| p.starts_with("Paragraph ")));
    assert_eq!(doc.meta.publication.as_deref(), Some("Town Paper"));
}

#[test]
fn list_items_holding_paragraphs_get_one_bullet() {
    let page = "<!doctype html><article><h1>Steps</h1><p>The council listed its steps for \
        the coming year in a statement released on Friday evening.</p><ul>\
        <li><p>Repair the <em>old</em> quay.</p></li><li><div><p>Dredge the channel.</p></div></li>\
        <li></li></ul><p>The statement did not say how much the work would cost the town.</p>\
        </article>";
    let doc = open(page.as_bytes(), None, None).unwrap();
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert!(paras.contains(&"• Repair the old quay."), "{paras:?}");
    assert!(paras.contains(&"• Dredge the channel."), "{paras:?}");
    assert!(!paras.contains(&"•"));
    assert!(paras.last().is_some_and(|p| p.starts_with("The statement")));
}

#[test]
fn script_rendered_page_falls_back_to_json_ld_article_body() {
    let paras = [
        "The regional orchestra will play its final concert in the old hall on Saturday, \
         ending a residency that began in 1961.",
        "“We have played here for three generations of listeners,” said conductor Amara Diallo.",
        "The hall will close for two years of renovation, and the orchestra will perform in \
         the university's new auditorium while the work goes on, organisers said.",
    ];
    let body = serde_json::to_string(&paras.join("\n\n")).unwrap();
    let page = format!(
        "<!doctype html><html><head><title>Last concert in the old hall | Arts Desk</title>\
         <script type=application/ld+json>{{\"@type\":\"NewsArticle\",\
         \"headline\":\"Last concert in the old hall\",\"articleBody\":{body}}}</script>\
         </head><body><div id=root><p>Loading…</p></div><script src=/app.js></script>\
         </body></html>"
    );
    let doc = open(page.as_bytes(), Some("concert.html"), None).unwrap();
    assert_well_formed(&doc);
    let got: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    let want: Vec<String> = paras
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    assert_eq!(got, want);
    assert!(doc.warnings.iter().any(|w| w.contains("articleBody")));
}

#[test]
fn caption_credit_in_cite_or_byline_element() {
    let page = "<!doctype html><article><h1>Dunes</h1><p>The dunes moved forty metres in a \
        single winter, a survey by the coastal agency found this month.</p><figure><img src=x>\
        <figcaption><p>Sand covers the old road.</p><cite>Yusuf Amari/Dune Trust</cite>\
        </figcaption></figure><figure><figcaption>A fence half buried. \
        <span class=caption-byline>Photograph by Lea Brun</span></figcaption></figure>\
        <p>The agency said the road would not be rebuilt and a new one would be laid inland.</p>\
        </article>";
    let doc = open(page.as_bytes(), None, None).unwrap();
    assert_well_formed(&doc);
    assert_eq!(
        captions(&doc),
        [
            ("Sand covers the old road.", Some("Yusuf Amari/Dune Trust")),
            ("A fence half buried.", Some("Photograph by Lea Brun"))
        ]
    );
    assert_eq!(doc.meta.byline, None, "a photo credit is not the byline");
}

#[test]
fn header_lines_under_a_lead_photo_are_not_doubled() {
    let page = "<!doctype html><html><head><meta name=author content='Ines Tamm'>\
        <meta property='article:published_time' content='2025-02-01'></head><body><article>\
        <h1>Ice road opens</h1><figure><img src=x><figcaption>Trucks wait at the shore. \
        (Oskar Lind/Northern Post)</figcaption></figure>\
        <p class=article-dek>The road across the lake is open for light vehicles only.</p>\
        <p>By Ines Tamm</p><p>February 1, 2025</p>\
        <p>The ice road across Lake Vaara opened on Saturday after a week of hard frost, \
        the county said, but only cars and vans may use it until the ice thickens.</p>\
        <p>“Forty centimetres is our limit for trucks,” said road manager Petri Aalto.</p>\
        </article></body></html>";
    let doc = open(page.as_bytes(), None, None).unwrap();
    assert_well_formed(&doc);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Ice road opens",
            "The road across the lake is open for light vehicles only.",
            "February 1, 2025",
            "By Ines Tamm",
            "Trucks wait at the shore.",
            "The ice road across Lake Vaara opened on Saturday after a week of hard frost, \
             the county said, but only cars and vans may use it until the ice thickens.",
            "“Forty centimetres is our limit for trucks,” said road manager Petri Aalto."
        ]
    );
}

#[test]
fn read_more_teasers_inside_the_body_are_dropped() {
    let page = "<!doctype html><article><h1>Dam plan</h1><p>The dam plan was approved by the \
        water board on Thursday after three years of hearings, officials said.</p>\
        <p><strong>READ MORE:</strong> <a href=/other>Water board delays dam vote again</a></p>\
        <p>Read more about the hearings in <a href=/x>our archive</a>, where every session \
        is summarised with the documents the board published at the time.</p>\
        <p>Construction is expected to start next year and take four years.</p></article>";
    let doc = open(page.as_bytes(), None, None).unwrap();
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(paras.len(), 3, "{paras:?}");
    assert!(!doc.source.contains("delays dam vote"));
    assert!(doc.source.contains("Read more about the hearings"));
}

#[test]
fn caption_classes_outside_figcaption() {
    let page = "<!doctype html><article><h1>Harvest</h1><p>Farmers in the valley began the \
        grape harvest two weeks early this year because of the heat, growers said.</p>\
        <div class='wp-caption'><img src=x><p class='wp-caption-text'>Pickers at dawn near \
        Lorn. (Photo: Ada Wren/Valley Wine)</p></div><p>The early start worried some \
        winemakers, who said the grapes had not had time to develop their flavour.</p>\
        <p><span class='image-caption'>Crates stacked in a cellar.</span></p></article>";
    let doc = open(page.as_bytes(), None, None).unwrap();
    assert_well_formed(&doc);
    assert_eq!(
        captions(&doc),
        [
            (
                "Pickers at dawn near Lorn.",
                Some("Photo: Ada Wren/Valley Wine")
            ),
            ("Crates stacked in a cellar.", None)
        ]
    );
    assert_eq!(doc.paragraphs().count(), 2);
}
