//! Arbitrary bytes through decoding, structure recovery and reflow at several widths.
#![no_main]

use hearsay::document::{open, reflow::wrap};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = open(data, None, None) else {
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
});
