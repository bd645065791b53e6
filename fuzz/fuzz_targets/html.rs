//! Arbitrary text through the HTML reader (guard, parsing, article finding, walk): no panic,
//! well-formed blocks, and bounded work — no input takes over 1 s per MB (1 s at least, so a
//! busy machine's pauses on tiny inputs are not reported).
#![no_main]

use hearsay::document::html;
use libfuzzer_sys::fuzz_target;
use std::time::Instant;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let started = Instant::now();
    let page = html::read(&text);
    let took = started.elapsed().as_secs_f64();
    let allowed = (data.len() as f64 / 1_000_000.0).max(1.0);
    assert!(
        took <= allowed,
        "{} bytes took {took:.2} s (over 1 s per MB)",
        data.len()
    );
    let Ok(page) = page else {
        return;
    };
    let doc = &page.document;
    for b in &doc.blocks {
        assert!(doc.source.is_char_boundary(b.range.start));
        assert!(doc.source.is_char_boundary(b.range.end));
        assert!(!b.text.chars().any(char::is_control));
    }
    for l in &page.links {
        assert!(l.range.end <= doc.source.len());
    }
});
