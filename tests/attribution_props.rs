//! Bad input never panics: arbitrary text through ingest and analysis, and a few
//! pathological articles. Every offset lies on a character boundary of the source.

use hearsay::attribution::{self, Analysis};
use hearsay::document::{Document, ingest_bytes};
use proptest::prelude::*;

fn check(doc: &Document, a: &Analysis) {
    let src = &doc.source;
    for q in &a.quotes {
        assert!(q.start <= q.end && q.end <= src.len());
        assert!(src.is_char_boundary(q.start) && src.is_char_boundary(q.end));
        assert!(q.speaker.is_none_or(|s| s < a.speakers.len()));
    }
    for c in &a.claims {
        assert!(c.start <= c.end && c.end <= src.len());
        assert!(src.is_char_boundary(c.start) && src.is_char_boundary(c.end));
        assert!(c.speaker.is_none_or(|s| s < a.speakers.len()));
    }
    for (i, s) in a.speakers.iter().enumerate() {
        assert_eq!(s.id, i);
    }
}

fn run(bytes: &[u8]) {
    if let Ok(doc) = ingest_bytes(bytes) {
        let a = attribution::analyze(&doc);
        check(&doc, &a);
    }
}

/// Text made of the pieces the rules care about, so the generator reaches them often.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("’’".to_string()),
        Just("''".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just(", ".to_string()),
        Just(". ".to_string()),
        Just("\n".to_string()),
        Just("\n\n".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just(" told ".to_string()),
        Just(" saying ".to_string()),
        Just(" he ".to_string()),
        Just(" she added".to_string()),
        Just("Mr. ".to_string()),
        Just("Derek S. Maltz".to_string()),
        Just(" people familiar with the matter".to_string()),
        Just(" the ".to_string()),
        Just("[x]".to_string()),
        Just("\u{1b}[31m".to_string()),
        "[a-zA-Z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,400}") {
        run(s.as_bytes());
    }

    #[test]
    fn newsy_text_never_panics(s in newsy()) {
        run(s.as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        run(&b);
    }
}

#[test]
fn a_long_paragraph_without_a_full_stop() {
    let mut s = String::from("Headline\n\n");
    for i in 0..20_000 {
        s.push_str(if i % 7 == 0 {
            "officials said “ "
        } else {
            "word, "
        });
    }
    run(s.as_bytes());
}

#[test]
fn only_quote_marks() {
    let s = "“”\"‘’''’’«»„".repeat(5_000);
    run(s.as_bytes());
    run(format!("Headline\n\n{s}\n\n{s}\n").as_bytes());
}

#[test]
fn quotes_never_closed_across_many_paragraphs() {
    let s = "“He said it would never end, she added\n\n".repeat(2_000);
    run(format!("Headline\n\n{s}").as_bytes());
}
