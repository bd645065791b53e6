//! Markdown articles: front matter into the header, markup into typed blocks.

mod common;

use common::{assert_well_formed, fixture};
use hearsay::document::{BlockKind, Document, Format, markdown, open};

fn open_md(name: &str) -> Document {
    let bytes = fixture(&format!("md/{name}.md"));
    let doc = open(&bytes, Some(&format!("{name}.md")), None).expect("fixture opens");
    assert_well_formed(&doc);
    doc
}

fn kinds(doc: &Document) -> Vec<BlockKind> {
    doc.blocks.iter().map(|b| b.kind).collect()
}

#[test]
fn front_matter_fills_the_header() {
    let doc = open_md("front_matter");
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Library reopens after a year of repairs")
    );
    assert_eq!(m.date.as_deref(), Some("2025-10-02"));
    assert_eq!(
        m.byline.as_deref(),
        Some("Nadia Ferreira and Owen Blackwood")
    );
    assert_eq!(m.publication.as_deref(), Some("Westmere Weekly"));
    assert_eq!(
        m.dek.as_deref(),
        Some("The Westmere public library is open again, with a new roof and longer hours.")
    );
    assert_eq!(
        m.contributors.as_deref(),
        Some("Reporting by Tilde Marsh contributed to this report.")
    );
    assert_eq!(
        &kinds(&doc)[..5],
        [
            BlockKind::Title,
            BlockKind::Dek,
            BlockKind::Dateline,
            BlockKind::Byline,
            BlockKind::Paragraph
        ]
    );
}

#[test]
fn markup_becomes_blocks() {
    let doc = open_md("front_matter");
    let first = doc.paragraphs().next().map(|(_, b)| b.text.as_str());
    assert_eq!(
        first,
        Some(
            "The Westmere public library reopened on Wednesday after a year-long closure, \
             during which workers replaced a leaking roof and rebuilt the children's room. \
             More than 300 people queued before the doors opened, according to the town's figures."
        )
    );
    let caption = doc
        .blocks
        .iter()
        .find(|b| b.kind == BlockKind::Caption)
        .expect("the emphasised line under the image is a caption");
    assert_eq!(
        caption.text,
        "Readers fill the rebuilt reading room on opening day."
    );
    assert_eq!(
        caption.credit.as_deref(),
        Some("Photo: Joon Park/Westmere Weekly")
    );
    let subs: Vec<&str> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Subheading)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(subs, ["A long closure", "What is new"]);
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    // block quote lines are joined; the author's straight quotes are kept
    assert!(paras.contains(
        &"\"Every time we lifted a board we found another problem. In the end we replaced \
          almost everything above the ceiling.\""
    ));
    assert!(paras.contains(&"• six study booths that can be booked online, and"));
    assert!(!doc.source.contains("reading-room.jpg"));
    assert!(!doc.source.contains("**"));
    assert!(!doc.source.contains("https://"));
    assert!(!doc.source.contains("tags"));
}

#[test]
fn links_keep_their_targets() {
    let text = String::from_utf8(fixture("md/front_matter.md")).unwrap();
    let page = markdown::read_page(&text).unwrap();
    let link = &page.links[0];
    assert_eq!(link.href, "https://example.org/figures");
    assert_eq!(
        &page.document.source[link.range.clone()],
        "the town's figures"
    );
}

#[test]
fn heading_byline_and_date_without_front_matter() {
    let doc = open_md("plain_header");
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("Night buses return to the valley line")
    );
    assert_eq!(m.byline.as_deref(), Some("Rafael Quint"));
    assert_eq!(m.date.as_deref(), Some("2025-03-12"));
    assert_eq!(
        &kinds(&doc)[..4],
        [
            BlockKind::Title,
            BlockKind::Byline,
            BlockKind::Dateline,
            BlockKind::Paragraph
        ]
    );
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(paras.len(), 6);
    assert_eq!(paras[3], "• Drivers will now be paid a night supplement.");
    assert!(paras[5].contains("said Helen Dray, who chairs"));
}

#[test]
fn markdown_is_chosen_by_name_or_force_only() {
    let md = b"# Title here\n\nA *paragraph* of text.\n";
    let by_name = open(md, Some("story.markdown"), None).unwrap();
    assert_eq!(by_name.meta.title.as_deref(), Some("Title here"));
    assert_eq!(
        by_name.paragraphs().next().unwrap().1.text,
        "A paragraph of text."
    );
    let forced = open(md, None, Some(Format::Markdown)).unwrap();
    assert_eq!(forced.source, by_name.source);
    // not sniffed: without a name it is plain text and keeps its marks
    let plain = open(md, None, None).unwrap();
    assert!(plain.source.contains("*paragraph*"));
}

#[test]
fn empty_markdown_is_a_clear_error() {
    assert!(open(b"---\ntitle: x\n---\n\n", Some("a.md"), None).is_ok());
    assert!(open(b"![](x.png)\n\n<!-- nothing -->\n", Some("a.md"), None).is_err());
}

#[test]
fn html_blocks_are_read_like_a_page_fragment() {
    let md = "# Floods recede\n\nThe river fell a metre overnight, the water agency said.\n\n\
        <figure>\n<img src=\"river.jpg\">\n<figcaption>The river at dawn. \
        <span class=\"credit\">Mia Holt/River News</span></figcaption>\n</figure>\n\n\
        <div class=\"note\">\n<p>Roads in the valley stay closed until Monday.</p>\n</div>\n\n\
        Residents began to <em>clear</em> the mud from their homes.\n";
    let doc = open(md.as_bytes(), Some("floods.md"), None).unwrap();
    assert_well_formed(&doc);
    let texts: Vec<(BlockKind, &str)> = doc
        .blocks
        .iter()
        .map(|b| (b.kind, b.text.as_str()))
        .collect();
    assert_eq!(
        texts,
        [
            (BlockKind::Title, "Floods recede"),
            (
                BlockKind::Paragraph,
                "The river fell a metre overnight, the water agency said."
            ),
            (BlockKind::Caption, "The river at dawn."),
            (
                BlockKind::Paragraph,
                "Roads in the valley stay closed until Monday."
            ),
            (
                BlockKind::Paragraph,
                "Residents began to clear the mud from their homes."
            ),
        ]
    );
    assert_eq!(doc.blocks[2].credit.as_deref(), Some("Mia Holt/River News"));
}

#[test]
fn windows_line_endings() {
    let md = "---\r\ntitle: Tide tables\r\nauthor: Bo Lind\r\n---\r\n\r\nThe tide \
        comes\r\nin twice a day.\r\n\r\n## Why\r\n\r\nThe moon.\r\n";
    let doc = open(md.as_bytes(), Some("t.md"), None).unwrap();
    assert_well_formed(&doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Tide tables"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Bo Lind"));
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(paras, ["The tide comes in twice a day.", "The moon."]);
}
