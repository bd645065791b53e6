//! Pathological inputs (issue 7): huge lines, walls of quote marks, 100 000 one-word lines,
//! nested and unbalanced quotes, right-to-left, combining, CJK and emoji text. Each goes
//! through ingestion, attribution and reflow; nothing may panic, offsets stay valid and
//! reflowed lines fit their width in terminal columns.

use hearsay::attribution::analyze;
use hearsay::document::reflow::wrap;
use hearsay::document::{Document, ingest};
use unicode_width::UnicodeWidthStr;

fn check(doc: &Document) {
    let a = analyze(doc);
    for (start, end) in a
        .quotes
        .iter()
        .map(|q| (q.start, q.end))
        .chain(a.claims.iter().map(|c| (c.start, c.end)))
    {
        assert!(start <= end && end <= doc.source.len());
        assert!(doc.source.is_char_boundary(start) && doc.source.is_char_boundary(end));
    }
    for b in &doc.blocks {
        for width in [1usize, 9, 80] {
            for r in wrap(&b.text, width) {
                let w = b.text[r].width();
                assert!(w <= width.max(2), "a {w}-column line at width {width}");
            }
        }
    }
}

#[test]
fn five_megabytes_on_one_line() {
    let line = "The mayor said “we will rebuild” and the council said nothing. ".repeat(80_000);
    assert!(line.len() > 5_000_000);
    let doc = ingest(line.clone());
    // one paragraph no writer made: cut into bounded pieces that hold the whole text
    let max = hearsay::document::ingest::MAX_PARAGRAPH;
    assert!(doc.blocks.len() >= line.len() / max);
    assert!(doc.blocks.iter().all(|b| b.range.len() <= max));
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.join(" "), line.trim_end());
    check(&doc);
}

#[test]
fn a_megabyte_of_only_quote_marks() {
    let doc = ingest("“”\"’’‘'".repeat(75_000));
    check(&doc);
}

#[test]
fn a_hundred_thousand_one_word_lines() {
    let text: String = (0..100_000)
        .map(|i| if i % 7 == 0 { "Word.\n" } else { "word\n" })
        .collect();
    let doc = ingest(text);
    assert!(!doc.blocks.is_empty());
    check(&doc);
}

#[test]
fn a_megabyte_without_a_full_stop_and_quotes_never_closed() {
    let text = "“she said that the ferry would run and ".repeat(25_000);
    let doc = ingest(text);
    check(&doc);
}

#[test]
fn deeply_nested_and_unbalanced_quotes() {
    let nested = format!(
        "Title\n\n{}deep{}, he said.\n\n“Open ‘inner “again ‘and” never, she said.\n\n”Closed first“ backwards.\n",
        "“‘".repeat(2000),
        "’”".repeat(2000)
    );
    let doc = ingest(nested);
    check(&doc);
}

#[test]
fn scripts_and_wide_characters_wrap_by_columns() {
    let text = "Headline\n\n\
        العمدة قال إن العبّارة ستعمل غدا، وفقا لمسؤولين.\n\n\
        Café naïve coöperate e\u{301}e\u{301}e\u{301} “quoted,” said Zoë.\n\n\
        市長は「フェリーは明日運航する」と述べた。東京の港で記者団に語った。\n\n\
        The family 👨‍👩‍👧‍👦 and flags 🇨🇦🇲🇽 said “hello 👋🏽” to the crew.\n";
    let doc = ingest(text.to_string());
    assert_eq!(doc.paragraphs().count(), 4);
    check(&doc);
    // a CJK paragraph at 10 columns: five double-width characters a line at most
    let (_, cjk) = doc.paragraphs().nth(2).expect("cjk paragraph");
    for r in wrap(&cjk.text, 10) {
        assert!(cjk.text[r].width() <= 10);
    }
}

#[test]
fn an_article_on_one_line_is_cut_into_bounded_paragraphs_at_sentence_ends() {
    use hearsay::document::BlockKind;
    use hearsay::document::ingest::MAX_PARAGRAPH;
    let sentence =
        "The ferry crew said “the swell was higher than forecast,” and the pier stayed shut. ";
    let body = sentence.repeat(200_000 / sentence.len() + 1);
    let doc = ingest(format!("Harbour log\n\n{body}\n"));
    let paras: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert!(
        paras.len() >= 200_000 / MAX_PARAGRAPH,
        "{} paragraphs",
        paras.len()
    );
    for (_, b) in doc.paragraphs() {
        assert!(b.range.len() <= MAX_PARAGRAPH);
        assert!(
            b.text.ends_with("shut."),
            "cut mid-sentence: …{}",
            &b.text[b.text.len() - 20..]
        );
        assert_eq!(b.kind, BlockKind::Paragraph);
    }
    // nothing lost or repeated
    assert_eq!(paras.join(" "), body.trim_end());
    // the analysis still finds every quote
    let a = analyze(&doc);
    assert_eq!(a.quotes.len(), body.matches('“').count());
    check(&doc);
}
