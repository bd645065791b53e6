//! Property tests: arbitrary input never panics ingestion or reflow, offsets stay on
//! character boundaries, reflow keeps every word in order, and results are deterministic.

use hearsay::document::reflow::wrap;
use hearsay::document::{ingest, ingest_bytes};
use proptest::prelude::*;

/// Text that looks a bit like pasted articles: words, quotes, newlines, controls, escapes.
fn articleish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[A-Za-z]{1,12}",
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just("\r\n".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("’’".to_string()),
        Just(". ".to_string()),
        Just("-\n".to_string()),
        Just("(Ana Ruiz/Wire)".to_string()),
        Just("September 19, 2025 ".to_string()),
        Just("\u{1b}]0;x\u{7}".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{9b}".to_string()),
        Just("\t".to_string()),
        Just("日本語".to_string()),
        Just("👩‍👩‍👧".to_string()),
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..200).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(doc) = ingest_bytes(&bytes) {
            for b in &doc.blocks {
                prop_assert!(doc.source.is_char_boundary(b.range.start));
                prop_assert!(doc.source.is_char_boundary(b.range.end));
            }
        }
    }

    #[test]
    fn offsets_lie_on_char_boundaries_and_map_back(s in articleish()) {
        let doc = ingest(s);
        for b in &doc.blocks {
            prop_assert!(b.range.start <= b.range.end && b.range.end <= doc.source.len());
            prop_assert!(doc.source.is_char_boundary(b.range.start));
            prop_assert!(doc.source.is_char_boundary(b.range.end));
            prop_assert!(!b.text.chars().any(|c| c.is_control()));
            for (i, _) in b.text.char_indices() {
                let src = b.to_source(i);
                prop_assert!(doc.source.is_char_boundary(src), "offset {} -> {}", i, src);
                prop_assert!(b.range.contains(&src) || src == b.range.end);
            }
        }
    }

    #[test]
    fn ingest_is_deterministic(s in articleish()) {
        let a = ingest(s.clone());
        let b = ingest(s);
        prop_assert_eq!(a.blocks, b.blocks);
        prop_assert_eq!(a.meta, b.meta);
    }

    #[test]
    fn reflow_keeps_every_word_in_order(s in articleish(), width in 1usize..120) {
        let doc = ingest(s);
        for b in &doc.blocks {
            let lines = wrap(&b.text, width);
            let rejoined: Vec<&str> = lines.iter().map(|r| &b.text[r.clone()]).collect();
            // concatenation without spaces equals the text without spaces
            let squash = |t: &str| t.chars().filter(|c| *c != ' ').collect::<String>();
            prop_assert_eq!(squash(&rejoined.concat()), squash(&b.text));
            for r in &lines {
                prop_assert!(b.text.is_char_boundary(r.start) && b.text.is_char_boundary(r.end));
                // a line never overflows, except one grapheme wider than a tiny width
                let w = unicode_width::UnicodeWidthStr::width(&b.text[r.clone()]);
                prop_assert!(w <= width.max(2), "line {:?} is {} columns for width {}", &b.text[r.clone()], w, width);
            }
        }
    }
}
