//! Helpers shared by the integration tests: fixtures and checks for the HTML and Markdown
//! tests, and (in `pty`) the pseudo-terminal harness for the end-to-end tests.

#![allow(dead_code)]

pub mod corpus;
pub mod pty;

use hearsay::document::Document;
use hearsay::document::text::clean;
use std::collections::HashMap;

/// Runs the real `hearsay` with `args` in `dir`, with HOME, the config and the data folders
/// there (never the developer's own) and no `$HEARSAY_CONFIG`.
pub fn run_in<S: AsRef<std::ffi::OsStr>>(
    dir: &std::path::Path,
    args: &[S],
) -> std::process::Output {
    std::process::Command::new(pty::BIN)
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("HEARSAY_CONFIG")
        .output()
        .expect("hearsay runs")
}

/// Reads a file under `tests/fixtures/`.
pub fn fixture(rel: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel);
    std::fs::read(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
}

fn bag(s: &str) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *m.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    m
}

/// Word-level F1 (bags of lower-cased words, as reader-view comparisons use).
pub fn f1(expected: &str, got: &str) -> f64 {
    let (e, g) = (bag(expected), bag(got));
    let common: usize = e
        .iter()
        .map(|(w, n)| (*n).min(*g.get(w).unwrap_or(&0)))
        .sum();
    let (ne, ng): (usize, usize) = (e.values().sum(), g.values().sum());
    if ne == 0 || ng == 0 || common == 0 {
        return 0.0;
    }
    let p = common as f64 / ng as f64;
    let r = common as f64 / ne as f64;
    2.0 * p * r / (p + r)
}

/// Model invariants every document must keep, whatever the input.
pub fn assert_well_formed(doc: &Document) {
    let mut last_end = 0;
    for b in &doc.blocks {
        assert!(b.range.start <= b.range.end && b.range.end <= doc.source.len());
        assert!(b.range.start >= last_end, "blocks overlap or go backwards");
        assert!(doc.source.is_char_boundary(b.range.start));
        assert!(doc.source.is_char_boundary(b.range.end));
        last_end = b.range.end;
        assert!(!b.text.is_empty(), "empty block {b:?}");
        assert!(
            !b.text.chars().any(|c| c.is_control()),
            "control character in {:?}",
            b.text
        );
        assert!(!b.text.contains("  "), "double space in {:?}", b.text);
        // the block's text maps back onto the source it was cleaned from
        let r = b.map.range_to_source(0..b.text.len());
        assert!(b.range.start <= r.start && r.end <= b.range.end);
        assert_eq!(b.text, clean(&doc.source, r).text);
    }
}

#[test]
fn f1_counts_words() {
    assert!((f1("a b c d", "a b c d") - 1.0).abs() < 1e-9);
    assert!((f1("a b", "a b c d") - 2.0 / 3.0).abs() < 1e-9);
    assert_eq!(f1("a", ""), 0.0);
}
