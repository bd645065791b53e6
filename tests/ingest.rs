//! Structure recovery on fixture articles in every layout we support, and on the seed
//! article against its hand-made gold (`../shared/gold`, skipped when absent).

use hearsay::document::{BlockKind, Document, ingest_bytes};
use std::path::{Path, PathBuf};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ingest")
}

fn load(name: &str) -> (Document, toml::Table) {
    let dir = fixtures();
    let bytes = std::fs::read(dir.join(format!("{name}.txt"))).unwrap();
    let expect: toml::Table =
        toml::from_str(&std::fs::read_to_string(dir.join(format!("{name}.toml"))).unwrap())
            .unwrap();
    (ingest_bytes(&bytes).unwrap(), expect)
}

fn paragraph_starts(doc: &Document) -> Vec<String> {
    doc.paragraphs().map(|(_, b)| b.text.clone()).collect()
}

fn count(doc: &Document, kind: BlockKind) -> i64 {
    doc.blocks.iter().filter(|b| b.kind == kind).count() as i64
}

/// Checks one fixture against its expectations; returns (boundaries right, boundaries expected).
fn check(name: &str) -> (usize, usize) {
    let (doc, e) = load(name);
    let s = |k: &str| e.get(k).and_then(|v| v.as_str());
    assert_eq!(doc.meta.title.as_deref(), s("title"), "{name}: title");
    if let Some(b) = s("byline") {
        assert_eq!(doc.meta.byline.as_deref(), Some(b), "{name}: byline");
    }
    if let Some(d) = s("date") {
        assert_eq!(doc.meta.date.as_deref(), Some(d), "{name}: date");
    }
    if let Some(p) = s("publication") {
        assert_eq!(
            doc.meta.publication.as_deref(),
            Some(p),
            "{name}: publication"
        );
    }
    if let Some(c) = s("contributors") {
        assert_eq!(
            doc.meta.contributors.as_deref(),
            Some(c),
            "{name}: contributors"
        );
    }
    if let Some(n) = e.get("captions").and_then(|v| v.as_integer()) {
        assert_eq!(count(&doc, BlockKind::Caption), n, "{name}: captions");
    }
    if let Some(n) = e.get("subheadings").and_then(|v| v.as_integer()) {
        assert_eq!(count(&doc, BlockKind::Subheading), n, "{name}: subheadings");
    }
    if let Some(n) = e.get("warnings").and_then(|v| v.as_integer()) {
        assert_eq!(
            doc.warnings.len() as i64,
            n,
            "{name}: warnings {:?}",
            doc.warnings
        );
    }
    if let Some(c) = s("contains") {
        assert!(
            doc.blocks.iter().any(|b| b.text.contains(c)),
            "{name}: text contains {c:?}"
        );
    }
    let got = paragraph_starts(&doc);
    let want: Vec<&str> = e["starts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let right = want
        .iter()
        .filter(|w| got.iter().any(|g| g.starts_with(*w)))
        .count();
    assert_eq!(
        got.len() as i64,
        e["paragraphs"].as_integer().unwrap(),
        "{name}: paragraph count, got {got:#?}"
    );
    for (g, w) in got.iter().zip(&want) {
        assert!(
            g.starts_with(w),
            "{name}: paragraph {g:?} should start with {w:?}"
        );
    }
    (right, want.len())
}

#[test]
fn blank_line_layout() {
    check("blank_lines");
}

#[test]
fn email_layout_with_crlf_tabs_and_hyphen_breaks() {
    check("email72");
}

#[test]
fn one_paragraph_per_line() {
    check("one_per_line");
}

#[test]
fn hard_wrapped_without_blank_lines() {
    check("wrapped_no_blanks");
}

#[test]
fn hostile_bytes_are_cleaned_and_reported() {
    check("hostile");
    let (doc, _) = load("hostile");
    for b in &doc.blocks {
        assert!(
            !b.text.chars().any(|c| c.is_control()),
            "control char in {:?}",
            b.text
        );
    }
    assert!(
        doc.meta
            .title
            .as_deref()
            .is_some_and(|t| !t.contains("pwned"))
    );
}

#[test]
fn no_word_is_lost_or_reordered() {
    for name in [
        "blank_lines",
        "email72",
        "one_per_line",
        "wrapped_no_blanks",
    ] {
        let (doc, _) = load(name);
        let src_words: Vec<String> = doc.source.split_whitespace().map(str::to_string).collect();
        let mut got: Vec<String> = Vec::new();
        for b in &doc.blocks {
            got.extend(b.text.split_whitespace().map(str::to_string));
            if let Some(c) = &b.credit {
                // the credit's words come back after the caption, parentheses aside
                let last = got.len();
                got.extend(c.split_whitespace().map(str::to_string));
                if let Some(first) = got.get_mut(last) {
                    first.insert(0, '(');
                }
                if let Some(l) = got.last_mut() {
                    l.push(')');
                }
            }
        }
        // joined hyphenated breaks are one word in the text, two in the source
        let src_joined: Vec<String> = src_words
            .join(" ")
            .replace("twin- hulled", "twin-hulled")
            .split(' ')
            .map(str::to_string)
            .collect();
        assert_eq!(got, src_joined, "{name}");
    }
}

#[test]
fn bundled_sample_has_its_structure() {
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt")).unwrap();
    let doc = ingest_bytes(&bytes).unwrap();
    assert!(doc.meta.title.is_some() && doc.meta.dek.is_some());
    assert_eq!(doc.meta.date.as_deref(), Some("2026-03-03"));
    assert_eq!(count(&doc, BlockKind::Caption), 2);
    assert_eq!(doc.paragraphs().count(), 24);
    assert!(doc.meta.contributors.is_some());
}

#[test]
fn paragraph_offsets_point_at_the_source() {
    for name in [
        "blank_lines",
        "email72",
        "one_per_line",
        "wrapped_no_blanks",
    ] {
        let (doc, _) = load(name);
        for (_, b) in doc.paragraphs() {
            let src = &doc.source[b.range.clone()];
            let norm: String = src.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(
                norm.replace("twin- hulled", "twin-hulled"),
                b.text,
                "{name}"
            );
        }
    }
}

#[test]
fn boundary_accuracy_over_fixtures() {
    let mut right = 0;
    let mut total = 0;
    for name in [
        "blank_lines",
        "email72",
        "one_per_line",
        "wrapped_no_blanks",
        "hostile",
    ] {
        let (r, t) = check(name);
        right += r;
        total += t;
    }
    println!("paragraph boundaries right on fixtures: {right}/{total}");
    assert_eq!(right, total);
}

/// The seed article's structure must match `[structure]` in the hand-made gold exactly.
#[test]
fn seed_structure_matches_gold() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    let (seed, gold) = (
        root.join("seed/000_ddb59ab6764bed25.txt"),
        root.join("gold/000_ddb59ab6764bed25.toml"),
    );
    if !seed.exists() || !gold.exists() {
        eprintln!("skipping: ../shared/seed or ../shared/gold is not beside the checkout");
        return;
    }
    let doc = ingest_bytes(&std::fs::read(seed).unwrap()).unwrap();
    let g: toml::Table = toml::from_str(&std::fs::read_to_string(gold).unwrap()).unwrap();
    let st = g["structure"].as_table().unwrap();
    let s = |k: &str| st[k].as_str().map(str::to_string);
    assert_eq!(doc.meta.title, s("title"));
    assert_eq!(doc.meta.dek, s("dek"));
    assert_eq!(doc.meta.date, s("date"));
    assert_eq!(doc.meta.publication, s("publication"));
    assert_eq!(doc.meta.contributors, s("contributors"));
    let captions: Vec<String> = doc
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Caption)
        .map(|b| format!("{} ({})", b.text, b.credit.as_deref().unwrap_or_default()))
        .collect();
    let want: Vec<String> = st["captions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(captions, want);
    let got = paragraph_starts(&doc);
    let starts = st["paragraph_starts"].as_array().unwrap();
    assert_eq!(
        got.len() as i64,
        st["body_paragraphs"].as_integer().unwrap()
    );
    for (g, w) in got.iter().zip(starts) {
        assert!(
            g.starts_with(w.as_str().unwrap()),
            "{g:?} should start with {w}"
        );
    }
}
