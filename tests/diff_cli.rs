//! `hearsay diff OLD NEW` outside the reader: the `--json` schema the README documents, the
//! text list a pipe gets, `--minor`, and one-sentence errors.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_hearsay");
const OLD: &str = "tests/fixtures/diff/lighthouse.txt";
const NEW: &str = "tests/fixtures/diff/lighthouse-v2.txt";

fn hearsay(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("hearsay runs")
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = hearsay(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on standard output")
}

#[test]
fn json_follows_the_documented_schema() {
    let v = json(&["diff", OLD, NEW, "--json"]);
    assert_eq!(v["schema"], 1);
    assert_eq!(v["old"], OLD);
    assert_eq!(v["new"], NEW);
    assert_eq!(
        v["summary"],
        "1 quote added, 1 reworded, 1 source now named, 1 speaker added, headline changed, 2 paragraphs edited, 1 added"
    );
    assert_eq!(v["counts"]["quote_added"], 1);
    assert_eq!(v["counts"]["source_named"], 1);
    assert_eq!(v["minor_folded"], 0);
    let changes = v["changes"].as_array().expect("changes");
    let named = changes
        .iter()
        .find(|c| c["kind"] == "source_named")
        .expect("a source named");
    assert_eq!(named["group"], "speakers");
    assert_eq!(named["minor"], false);
    assert_eq!(named["old_speaker"], "An official involved in the hiring");
    assert_eq!(named["new_speaker"], "Greta Holm");
    let reworded = changes
        .iter()
        .find(|c| c["kind"] == "quote_reworded")
        .expect("a quote reworded");
    let inserted: Vec<&str> = reworded["words"]
        .as_array()
        .expect("words")
        .iter()
        .filter(|w| w["op"] == "insert")
        .map(|w| w["text"].as_str().expect("text"))
        .collect();
    assert_eq!(inserted, ["truly"]);
    // every change's row is a row, and rows carry status, kind, block indexes, segments
    let rows = v["rows"].as_array().expect("rows");
    for c in changes {
        let r = c["row"].as_u64().expect("a row") as usize;
        assert!(r < rows.len());
    }
    let added = rows
        .iter()
        .find(|r| r["status"] == "added")
        .expect("an added row");
    assert_eq!(added["kind"], "paragraph");
    assert!(added["old"].is_null() && added["new"].is_u64());
    assert_eq!(added["segments"][0]["op"], "insert");
}

#[test]
fn a_pipe_gets_the_summary_and_the_list() {
    let out = hearsay(&["diff", OLD, NEW]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("1 quote added, 1 reworded"), "{text}");
    assert!(
        text.contains("source now named (An official involved in the hiring → Greta Holm)"),
        "{text}"
    );
    assert!(
        text.contains(
            "quote reworded (Harald Brenn): A light needs people who {+truly+} know the sea,"
        ),
        "{text}"
    );
}

#[test]
fn minor_edits_show_with_the_flag() {
    let dir = tempfile::tempdir().expect("temp dir");
    let typo = dir.path().join("typo.txt");
    let base = std::fs::read_to_string(OLD).expect("fixture");
    std::fs::write(&typo, base.replacen("cottage", "cotage", 1)).expect("write");
    let typo = typo.to_str().expect("UTF-8 path");
    let folded = json(&["diff", OLD, typo, "--json"]);
    assert_eq!(folded["summary"], "no changes (1 minor edit folded)");
    assert_eq!(folded["changes"].as_array().map(Vec::len), Some(0));
    let shown = json(&["diff", OLD, typo, "--json", "--minor"]);
    assert_eq!(shown["changes"][0]["kind"], "paragraph_edited");
    assert_eq!(shown["changes"][0]["minor"], true);
}

#[test]
fn errors_are_one_sentence() {
    let out = hearsay(&["diff", OLD, "no/such/version.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("hearsay: ") && err.contains("no/such/version.txt"),
        "{err}"
    );
    let out = hearsay(&["diff", "-", "-"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("standard input"));
    let out = hearsay(&["diff", OLD]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a missing version is a usage error"
    );
}
