//! Arbitrary bytes through decoding, structure recovery (every reader: sniffed, text, HTML,
//! Markdown), attribution, and reflow at several widths.
#![no_main]

use hearsay::attribution::analyze;
use hearsay::document::{Format, open, reflow::wrap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // the first byte picks the reader, so one corpus exercises all of them
    let (format, data) = match data.split_first() {
        Some((b, rest)) => (
            match b % 4 {
                0 => None,
                1 => Some(Format::Text),
                2 => Some(Format::Html),
                _ => Some(Format::Markdown),
            },
            rest,
        ),
        None => (None, data),
    };
    let Ok(doc) = open(data, None, format) else {
        return;
    };
    for b in &doc.blocks {
        assert!(doc.source.is_char_boundary(b.range.start));
        assert!(doc.source.is_char_boundary(b.range.end));
        assert!(!b.text.chars().any(char::is_control));
        for width in [1, 7, 80] {
            for r in wrap(&b.text, width) {
                assert!(b.text.is_char_boundary(r.start) && b.text.is_char_boundary(r.end));
            }
        }
    }
    let a = analyze(&doc);
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= doc.source.len());
        assert!(doc.source.is_char_boundary(q.start) && doc.source.is_char_boundary(q.end));
    }
    for c in &a.claims {
        assert!(c.start <= c.end && c.end <= doc.source.len());
        assert!(doc.source.is_char_boundary(c.start) && doc.source.is_char_boundary(c.end));
    }
});
