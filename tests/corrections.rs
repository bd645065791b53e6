//! Corrections of the analysis: saved in the highlights file, found again after edits,
//! applied by `hearsay analyze` (and not with `--raw`).

mod common;

use hearsay::annotations::correction::Action;
use hearsay::annotations::{Change, Origin, Store};
use hearsay::attribution::{SpeakerKind, analyze};
use hearsay::document::{Document, ingest};
use std::path::Path;
use std::process::Output;

/// A fictional article: two named speakers and a spokesperson.
const STORY: &str = "\
Tram line to reach the harbour by 2029
By Lena Okafor

ODDVIK — The city will extend its tram line to the harbour, the transport board said on
Tuesday, after two years of studies.

\"The harbour has been cut off for too long,\" said Ruth Amsel, who chairs the board.
\"This line changes that.\"

Jakob Frey, a shop owner on the quay, said the works would hurt trade for a summer.
\"We will survive it,\" Frey said.
";

/// Runs the hearsay binary in `dir` (its own HOME, config and data folders).
fn hearsay(args: &[&str], dir: &Path) -> Output {
    common::run_in(dir, args)
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("tram.txt"), STORY).unwrap();
    dir
}

fn open(dir: &Path, text: &str) -> (Document, Store) {
    let doc = ingest(text.to_string());
    let s = Store::open(&doc, &Origin::File(dir.join("tram.txt")), None).unwrap();
    (doc, s)
}

/// Reassigns the first quotation ("The harbour has been cut off…") to a new speaker.
fn reassign_first_quote(dir: &Path) {
    let (doc, mut s) = open(dir, STORY);
    let q = analyze(&doc).quotes[0].clone();
    let (cs, flat) = s.corrections_mut().unwrap();
    cs.add(
        flat,
        Change::Reassign {
            range: q.start..q.end,
            speaker: "Mira Holt".into(),
            kind: SpeakerKind::Person,
        },
    )
    .unwrap();
    s.save().unwrap();
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn quote_speaker(v: &serde_json::Value, i: usize) -> String {
    let id = v["quotes"][i]["speaker"].as_u64().unwrap() as usize;
    v["speakers"][id]["name"].as_str().unwrap().to_string()
}

#[test]
fn corrections_are_saved_reloaded_and_undone() {
    let dir = setup();
    reassign_first_quote(dir.path());
    let file = std::fs::read_to_string(dir.path().join("tram.txt.hearsay.toml")).unwrap();
    assert!(file.contains("[[correction]]"), "{file}");
    assert!(file.contains("speaker = \"Mira Holt\""), "{file}");
    let (_, mut s) = open(dir.path(), STORY);
    assert_eq!(s.corrections().list().len(), 1);
    let c = &s.corrections().list()[0];
    assert_eq!(c.action, Action::Reassign);
    assert!(!c.is_orphaned());
    // undo: remove it, save; the file no longer has it
    let id = c.id.clone();
    let (cs, _) = s.corrections_mut().unwrap();
    assert!(cs.remove(&id).is_some());
    s.save().unwrap();
    let (_, s) = open(dir.path(), STORY);
    assert!(s.corrections().is_empty());
}

#[test]
fn an_edited_article_re_anchors_or_orphans_corrections() {
    let dir = setup();
    reassign_first_quote(dir.path());
    // a paragraph added before: the correction moves with its text
    let moved = STORY.replace(
        "ODDVIK —",
        "An earlier plan was dropped in 2019.\n\nODDVIK —",
    );
    let (doc, s) = open(dir.path(), &moved);
    assert!(!s.corrections().list()[0].is_orphaned());
    let at = s.corrections().list()[0].range();
    assert!(doc.source[at].contains("cut off for too long"));
    // the quotation rewritten: orphaned, kept, listed
    let gone = STORY.replace(
        "\"The harbour has been cut off for too long,\" said Ruth Amsel, who chairs the board.",
        "Ruth Amsel chairs the board.",
    );
    let (_, s) = open(dir.path(), &gone);
    assert_eq!(s.corrections().orphaned().count(), 1);
    assert_eq!(s.corrections().list().len(), 1);
}

#[test]
fn analyze_json_applies_corrections_and_raw_does_not() {
    let dir = setup();
    let raw = json(&hearsay(&["analyze", "tram.txt", "--json"], dir.path()));
    assert_eq!(quote_speaker(&raw, 0), "Ruth Amsel");
    assert!(raw.get("corrections").is_none());
    reassign_first_quote(dir.path());
    let v = json(&hearsay(&["analyze", "tram.txt", "--json"], dir.path()));
    assert_eq!(quote_speaker(&v, 0), "Mira Holt");
    assert_eq!(v["corrections"]["applied"], 1);
    assert_eq!(v["corrections"]["orphaned"], 0);
    assert_eq!(v["quotes"][0]["corrected"], true);
    assert!(v["quotes"][1].get("corrected").is_none());
    let r = json(&hearsay(
        &["analyze", "tram.txt", "--json", "--raw"],
        dir.path(),
    ));
    assert_eq!(quote_speaker(&r, 0), "Ruth Amsel");
    assert!(r.get("corrections").is_none());
    // several files (JSON Lines) apply them too
    std::fs::write(dir.path().join("other.txt"), STORY).unwrap();
    let out = hearsay(&["analyze", "tram.txt", "other.txt", "--json"], dir.path());
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(quote_speaker(&lines[0], 0), "Mira Holt");
    assert_eq!(quote_speaker(&lines[1], 0), "Ruth Amsel");
}

#[test]
fn highlights_lists_corrections_and_orphans() {
    let dir = setup();
    reassign_first_quote(dir.path());
    let out = hearsay(&["highlights", "tram.txt"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("1 correction of the analysis:"), "{text}");
    assert!(text.contains("\u{2192} Mira Holt"), "{text}");
    assert!(!text.contains("orphaned"), "{text}");
    // the article loses the quotation: the correction is kept and listed as orphaned
    let edited = STORY.replace(
        "\"The harbour has been cut off for too long,\" said Ruth Amsel, who chairs the board.",
        "Ruth Amsel chairs the board.",
    );
    std::fs::write(dir.path().join("tram.txt"), edited).unwrap();
    let out = hearsay(&["highlights", "tram.txt"], dir.path());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("[orphaned: not found in the current article]"),
        "{text}"
    );
}
