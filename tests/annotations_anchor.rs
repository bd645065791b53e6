//! Re-anchoring saved highlights after the article changed.

use hearsay::annotations::{Anchor, Location, LocationKind, NewHighlight, Origin, Store};
use hearsay::document::{Document, ingest};
use std::path::Path;

const STORY: &str = "\
Ferry operator fined over late sailings
By Pavel Ostrand

LINDHOLM — The regional transport board fined the island ferry operator 180,000 crowns on
Friday after a year in which one sailing in four left late.

\"The timetable is a promise to people who have jobs and hospital appointments,\" said
Greta Sund, who chairs the board. \"It was broken three hundred times.\"

The operator, Nordvik Lines, said a shortage of engineers had kept two of its four boats
in dock for much of the winter. Its chief executive, Arvid Mohn, said the fine was unfair.

\"We did not choose the storms,\" Mohn said. \"We ran every boat we could crew.\"

Passengers on the morning crossing said they had grown used to waiting. \"You bring a
book,\" said Leif Ahl, a nurse who commutes to the mainland.
";

fn loc(dir: &Path) -> Location {
    Location {
        path: dir.join("ferry.txt.hearsay.toml"),
        kind: LocationKind::Sidecar,
    }
}

fn origin() -> Origin {
    Origin::File("ferry.txt".into())
}

fn range_of(doc: &Document, needle: &str) -> std::ops::Range<usize> {
    let s = doc.source.find(needle).expect("needle in fixture");
    s..s + needle.len()
}

/// Saves highlights over `needles` in STORY; returns their ids.
fn highlight(dir: &Path, needles: &[&str]) -> Vec<String> {
    let doc = ingest(STORY.to_string());
    let mut s = Store::open_at(&doc, &origin(), loc(dir));
    let ids = needles
        .iter()
        .map(|n| s.add(NewHighlight::passage(range_of(&doc, n))).unwrap().id)
        .collect();
    s.save().unwrap();
    ids
}

/// Greedy re-wrap of every paragraph of `text` at `width` columns.
fn rewrap(text: &str, width: usize) -> String {
    text.split("\n\n")
        .map(|para| {
            let mut out = String::new();
            let mut line = 0;
            for w in para.split_whitespace() {
                if line > 0 && line + 1 + w.len() > width {
                    out.push('\n');
                    line = 0;
                } else if line > 0 {
                    out.push(' ');
                    line += 1;
                }
                out.push_str(w);
                line += w.len();
            }
            out
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn text_at(doc: &Document, s: &Store, id: &str) -> String {
    let h = s.get(id).unwrap();
    doc.source[h.range()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn unchanged_article_keeps_everything_in_place() {
    let dir = tempfile::tempdir().unwrap();
    highlight(
        dir.path(),
        &[
            "one sailing in four left late",
            "We did not choose the storms,",
        ],
    );
    let doc = ingest(STORY.to_string());
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.summary().is_quiet());
    assert_eq!(s.summary().in_place, 2);
    assert!(!s.is_dirty());
}

#[test]
fn paragraph_inserted_before_moves_the_highlight() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(dir.path(), &["shortage of engineers"]);
    let edited = STORY.replace(
        "\"The timetable",
        "The board met in public for the first time since the spring.\n\n\"The timetable",
    );
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(s.summary().moved, 1, "{:?}", s.summary());
    assert_eq!(s.get(&ids[0]).unwrap().anchor, Anchor::Moved);
    assert_eq!(text_at(&doc, &s, &ids[0]), "shortage of engineers");
    assert_eq!(s.summary().to_string(), "1 highlight re-anchored");
}

#[test]
fn repeated_text_is_told_apart_by_its_context() {
    let dir = tempfile::tempdir().unwrap();
    // "Mohn said" occurs once; "said" many times: highlight the second "said the fine"
    let doc0 = ingest(STORY.to_string());
    let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
    let second_said = doc0.source.find("Mohn said.").unwrap() + 5;
    let id = s
        .add(NewHighlight::passage(second_said..second_said + 4))
        .unwrap()
        .id;
    s.save().unwrap();
    let edited = format!("Update: corrected the fine.\n\n{STORY}");
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&id).unwrap();
    assert_eq!(h.anchor, Anchor::Moved);
    assert_eq!(h.start, doc.source.find("Mohn said.").unwrap() + 5);
}

#[test]
fn words_changed_next_to_the_highlight_do_not_lose_it() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(dir.path(), &["We ran every boat we could crew."]);
    let edited = STORY.replace(
        "\"We did not choose the storms,\" Mohn said.",
        "\"Nobody picks the weather,\" Mohn told reporters.",
    );
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(s.summary().orphaned, 0);
    assert_eq!(
        text_at(&doc, &s, &ids[0]),
        "We ran every boat we could crew."
    );
}

#[test]
fn words_changed_inside_the_highlight_are_matched_approximately() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(
        dir.path(),
        &["a shortage of engineers had kept two of its four boats\nin dock for much of the winter"],
    );
    let edited = STORY.replace(
        "kept two of its four boats",
        "kept three of its four ferries",
    );
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&ids[0]).unwrap();
    assert!(matches!(h.anchor, Anchor::Fuzzy { .. }), "{:?}", h.anchor);
    assert_eq!(
        text_at(&doc, &s, &ids[0]),
        "a shortage of engineers had kept three of its four ferries in dock for much of the winter"
    );
    assert_eq!(
        h.text,
        text_at(&doc, &s, &ids[0]),
        "the saved text follows the article"
    );
    assert!(
        s.is_dirty(),
        "re-anchored highlights are saved with the next save"
    );
}

#[test]
fn whole_text_rewrapped_finds_everything() {
    let dir = tempfile::tempdir().unwrap();
    let needles = [
        "one sailing in four left late",
        "It was broken three hundred times.",
        "Its chief executive, Arvid Mohn, said the fine was unfair.",
        "a nurse who commutes to the mainland",
    ];
    let ids = highlight(dir.path(), &needles);
    let doc = ingest(rewrap(STORY, 38).replace('\n', "\r\n"));
    assert_ne!(doc.source, STORY);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(s.summary().orphaned, 0, "{:?}", s.summary());
    assert_eq!(s.summary().moved, needles.len(), "{:?}", s.summary());
    assert_eq!(s.summary().fuzzy, 0, "exact text found: {:?}", s.summary());
    for (id, n) in ids.iter().zip(needles) {
        assert_eq!(text_at(&doc, &s, id), n);
    }
}

#[test]
fn deleted_text_is_orphaned_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(
        dir.path(),
        &[
            "Passengers on the morning crossing said they had grown used to waiting.",
            "one sailing in four left late",
        ],
    );
    let cut = STORY.find("Passengers on").unwrap();
    let edited = format!("{}\n", STORY[..cut].trim_end());
    let inserted = edited.replace("LINDHOLM —", "LINDHOLM — (Updated)");
    let doc = ingest(inserted);
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&ids[0]).unwrap();
    assert!(h.anchor.is_orphaned(), "{:?}", h.anchor);
    assert_eq!(
        h.text,
        "Passengers on the morning crossing said they had grown used to waiting."
    );
    assert_eq!(
        s.summary().to_string(),
        "1 highlight re-anchored, 1 orphaned"
    );
    assert!(
        s.at(h.start).is_none_or(|x| x.id != ids[0]),
        "orphans are not drawn"
    );
    // a save keeps the orphan exactly as it was
    s.set_reading(0);
    s.save().unwrap();
    let again = Store::open_at(&ingest(STORY.to_string()), &origin(), loc(dir.path()));
    let back = again.get(&ids[0]).unwrap();
    assert_eq!(
        back.anchor,
        Anchor::InPlace,
        "found again in the original article"
    );
}

#[test]
fn long_passage_with_an_edit_is_found_by_head_and_tail() {
    let dir = tempfile::tempdir().unwrap();
    let long: String = (0..40)
        .map(|i| {
            format!(
                "Sentence {i} of the long report describes crossing number {} in detail.",
                i * 7
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let story = format!("Long report\n\nIntro paragraph here.\n\n{long}\n\nClosing words.\n");
    let doc0 = ingest(story.clone());
    let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
    let id = s
        .add(NewHighlight::passage(range_of(&doc0, &long)))
        .unwrap()
        .id;
    s.save().unwrap();
    let edited = story.replace("crossing number 140", "crossing no. 140");
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&id).unwrap();
    assert!(matches!(h.anchor, Anchor::Fuzzy { .. }), "{:?}", h.anchor);
    assert!(doc.source[h.range()].starts_with("Sentence 0 of"));
    assert!(doc.source[h.range()].ends_with("crossing number 273 in detail."));
}

#[test]
fn short_highlight_whose_word_changed_is_orphaned_not_misplaced() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(dir.path(), &["180,000 crowns"]);
    let doc = ingest(STORY.replace("180,000 crowns", "a record sum"));
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.get(&ids[0]).unwrap().anchor.is_orphaned());
}

#[test]
fn reading_position_follows_an_insertion() {
    let dir = tempfile::tempdir().unwrap();
    let doc0 = ingest(STORY.to_string());
    let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
    let at = doc0.source.find("The operator, Nordvik").unwrap();
    s.set_reading(at);
    s.save().unwrap();
    let edited = STORY.replace("LINDHOLM —", "LINDHOLM, Sweden —");
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(s.reading(), doc.source.find("The operator, Nordvik"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const WORDS: &[&str] = &[
        "the",
        "council",
        "said",
        "pier",
        "ferry",
        "«quoted»",
        "Ångström",
        "naïve",
        "über",
        "東京",
        "🚢",
        "crowns",
        "2,300",
        "—",
        "\"We",
        "will\"",
        "storm",
        "late",
        "boats",
        "library",
    ];

    fn article() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            proptest::collection::vec(proptest::sample::select(WORDS), 3..30),
            2..6,
        )
        .prop_map(|paras| {
            paras
                .into_iter()
                .map(|p| p.join(" "))
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    }

    fn norm(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]
        /// Whatever the edit, no highlight is dropped, and every placed one covers text equal
        /// to its saved text.
        #[test]
        fn edits_never_drop_or_misplace(
            text in article(),
            picks in proptest::collection::vec((0.0f64..1.0, 1usize..40), 1..5),
            edit_at in 0.0f64..1.0,
            cut in 0usize..60,
            insert in article(),
        ) {
            let dir = tempfile::tempdir().unwrap();
            let doc0 = ingest(text.clone());
            let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
            for (at, len) in picks {
                let start = doc0.source.floor_char_boundary((at * doc0.source.len() as f64) as usize);
                let end = doc0.source.ceil_char_boundary((start + len).min(doc0.source.len()));
                let _ = s.add(NewHighlight::passage(start..end));
            }
            let n = s.highlights().len();
            s.save().unwrap();
            let at = text.floor_char_boundary((edit_at * text.len() as f64) as usize);
            let to = text.ceil_char_boundary((at + cut).min(text.len()));
            let edited = format!("{}{}{}", &text[..at], insert, &text[to..]);
            let doc = ingest(edited);
            let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
            prop_assert_eq!(s.highlights().len(), n);
            for h in s.highlights() {
                if !h.anchor.is_orphaned() {
                    prop_assert_eq!(norm(&doc.source[h.range()]), norm(&h.text), "{:?}", h.anchor);
                }
            }
            s.set_reading(0);
            s.save().unwrap();
            prop_assert_eq!(Store::open_at(&doc, &origin(), loc(dir.path())).highlights().len(), n);
        }
    }
}

#[test]
fn passage_across_paragraphs_keeps_its_breaks_and_survives_a_rewrap() {
    let dir = tempfile::tempdir().unwrap();
    let doc0 = ingest(STORY.to_string());
    let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
    let start = doc0.source.find("We ran every boat").unwrap();
    let end = doc0.source.find("said Leif Ahl").unwrap();
    let id = s.add(NewHighlight::passage(start..end)).unwrap().id;
    let h = s.get(&id).unwrap();
    assert_eq!(
        h.text,
        "We ran every boat we could crew.\"\n\nPassengers on the morning crossing said they had grown used to waiting. \"You bring a book,\""
    );
    let drawn: Vec<String> = doc0
        .blocks
        .iter()
        .filter_map(|b| h.text_range_in(b).map(|r| b.text[r].to_string()))
        .collect();
    assert_eq!(drawn.len(), 2, "{drawn:?}");
    s.save().unwrap();
    // re-wrapped and saved with Windows line ends: every offset after the first line shifts
    let doc = ingest(rewrap(STORY, 30).replace('\n', "\r\n"));
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&id).unwrap();
    assert_eq!(h.anchor, Anchor::Moved);
    let got: String = doc.source[h.range()]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(got, h.text.split_whitespace().collect::<Vec<_>>().join(" "));
    assert!(got.starts_with("We ran every boat"), "{got}");
    assert!(got.ends_with("\"You bring a book,\""), "{got}");
}

#[test]
fn an_edited_highlight_is_not_moved_onto_an_unedited_restatement() {
    let dir = tempfile::tempdir().unwrap();
    let story = "\
Bridge reopens

\"It was the longest winter of my life,\" said Mira Holt, who runs the cafe by the bridge.

Traffic returned on Monday. Asked about the closure, Holt repeated: \"It was the longest winter of my life,\" and laughed.
";
    let doc0 = ingest(story.to_string());
    let mut s = Store::open_at(&doc0, &origin(), loc(dir.path()));
    let second = doc0.source.rfind("It was the longest").unwrap();
    let id = s
        .add(NewHighlight::passage(
            second..second + "It was the longest winter of my life,".len(),
        ))
        .unwrap()
        .id;
    s.save().unwrap();
    let edited = format!(
        "{}{}",
        &story[..second],
        story[second..].replacen("longest winter", "longest, hardest winter", 1)
    );
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&id).unwrap();
    assert!(matches!(h.anchor, Anchor::Fuzzy { .. }), "{:?}", h.anchor);
    assert_eq!(h.start, doc.source.rfind("It was the longest").unwrap());
    assert_eq!(h.text, "It was the longest, hardest winter of my life,");
}

#[test]
fn an_edited_highlight_far_from_its_old_place_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let ids = highlight(
        dir.path(),
        &["a shortage of engineers had kept two of its four boats"],
    );
    // 20 kB of new paragraphs before it, and a word changed inside it
    let filler: String = (0..200)
        .map(|i| format!("Background paragraph {i} recounts the history of the crossing.\n\n"))
        .collect();
    let edited = STORY
        .replace("LINDHOLM —", &format!("{filler}LINDHOLM —"))
        .replace("kept two of its four boats", "kept two of its five boats");
    let doc = ingest(edited);
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get(&ids[0]).unwrap();
    assert!(matches!(h.anchor, Anchor::Fuzzy { .. }), "{:?}", h.anchor);
    assert_eq!(
        text_at(&doc, &s, &ids[0]),
        "a shortage of engineers had kept two of its five boats"
    );
}
