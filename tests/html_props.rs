//! Property tests: whatever the bytes, the HTML and Markdown readers return a document
//! that keeps the model's invariants, or a clear error, and never panic.

mod common;

use common::assert_well_formed;
use hearsay::document::{Format, open};
use proptest::prelude::*;

/// Tag soup: fragments of real markup glued in random order, with random text between.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class='story-body'>".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<h2>".to_string()),
        Just("<figure><figcaption>".to_string()),
        Just("<span class=credit>".to_string()),
        Just("</figcaption></figure>".to_string()),
        Just("<ul><li>".to_string()),
        Just("<blockquote>".to_string()),
        Just("<a href='/x'>".to_string()),
        Just("</a>".to_string()),
        Just("<br>".to_string()),
        Just("<script>".to_string()),
        Just("<!--".to_string()),
        Just("<aside class=related>".to_string()),
        Just("<meta name=author content='By Ana Ruiz'>".to_string()),
        Just("<meta property='article:published_time' content='2025-13-45'>".to_string()),
        Just(
            "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"author\":["
                .to_string()
        ),
        Just("&amp;&#x1F600;&#0;&bogus;".to_string()),
        Just("\u{1b}[31m\u{202e}".to_string()),
        Just("<div>".to_string()),
        Just("<cite>".to_string()),
        Just("<li><p>".to_string()),
        Just("</li>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<p class=dek>".to_string()),
        Just("<p>By Ana Ruiz</p>".to_string()),
        Just("ééé “ü” 日本".to_string()),
        "[ a-zA-Z.,“”é]{0,40}",
    ];
    proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|c| c.parse().ok()).unwrap_or(200),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        for f in [Format::Html, Format::Markdown] {
            if let Ok(doc) = open(s.as_bytes(), None, Some(f)) {
                assert_well_formed(&doc);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in proptest::collection::vec(any::<u8>(), 0..400)) {
        let mut page = b"<!doctype html><meta charset=x-unknown><p>".to_vec();
        page.extend_from_slice(&b);
        for bytes in [&b[..], &page[..]] {
            if let Ok(doc) = open(bytes, Some("x.html"), None) {
                assert_well_formed(&doc);
            }
        }
    }

    #[test]
    fn tag_soup_never_panics(s in soup()) {
        let page = format!("<!doctype html><html><body>{s}");
        if let Ok(doc) = open(page.as_bytes(), None, None) {
            assert_well_formed(&doc);
        }
        if let Ok(doc) = open(s.as_bytes(), None, Some(Format::Markdown)) {
            assert_well_formed(&doc);
        }
    }

    #[test]
    fn markdown_soup_never_panics(s in proptest::collection::vec(prop_oneof![
        Just("---\n".to_string()), Just("+++\n".to_string()), Just("# ".to_string()),
        Just("> ".to_string()), Just("- ".to_string()), Just("1. ".to_string()),
        Just("*".to_string()), Just("_".to_string()), Just("![x](y)".to_string()),
        Just("[a](b)".to_string()), Just("\n\n".to_string()), Just("```\n".to_string()),
        Just("title: x\n".to_string()), Just("author:\n  - ".to_string()),
        Just("By Ana Ruiz\n".to_string()), Just("| a | b |\n".to_string()),
        "[ a-zA-Z.,“”é]{0,30}",
    ], 0..30).prop_map(|v| v.concat())) {
        if let Ok(doc) = open(s.as_bytes(), Some("a.md"), None) {
            assert_well_formed(&doc);
        }
    }
}
