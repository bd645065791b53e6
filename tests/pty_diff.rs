//! The diff journeys with the real binary in a pseudo-terminal:
//! - `hearsay diff OLD NEW` opens the diff view; `]` steps to a change; `q` quits and the
//!   terminal is restored;
//! - highlight an article, quit (its text is kept as a snapshot), edit the article, reopen:
//!   the reader says "changed since you highlighted it: …", `D` opens the diff, Esc goes
//!   back to the reader.

mod common;

use common::pty;
use std::path::Path;
use std::time::Duration;

const OLD: &str = "tests/fixtures/diff/lighthouse.txt";
const NEW: &str = "tests/fixtures/diff/lighthouse-v2.txt";

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).expect("fixture")
}

#[test]
fn diff_opens_the_view_steps_through_changes_and_quits() {
    let mut s = pty::hearsay(&["diff", OLD, NEW])
        .size(110, 36)
        .timeout(Duration::from_secs(30))
        .start();
    s.wait_for("the diff view", |t| {
        t.contains("What changed: 1 quote added, 1 reworded, 1 source now named")
    });
    s.wait_for("the change list", |t| {
        t.contains("source now named (An official")
    });
    s.wait_for("the count of changes", |t| t.contains("8 changes"));
    s.send("]");
    s.wait_for("the first change", |t| {
        t.contains("change 1/8: headline changed")
    });
    s.send("]]]");
    s.wait_for("the source named", |t| {
        t.contains("change 4/8: source now named")
    });
    s.send("q");
    assert!(s.wait_exit(), "hearsay exits with success");
    s.assert_restored();
}

#[test]
fn the_reader_says_the_text_changed_since_it_was_highlighted_and_shows_the_diff() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = home.path().join("lighthouse.txt");
    std::fs::write(&article, fixture(OLD)).expect("write the article");
    let start = || {
        pty::hearsay(&[&article])
            .size(110, 36)
            .home(home.path())
            .cwd(home.path())
            .timeout(Duration::from_secs(30))
            .start()
    };

    // first session: highlight the first quote, quit
    let mut s = start();
    s.wait_for("the analysis", pty::analysis_shown);
    s.send("]");
    s.wait_for("the first quote", |t| {
        t.lines().last().unwrap_or("").contains(" 1/")
    });
    s.send("a");
    s.wait_for("the highlight", |t| t.contains("highlighted "));
    s.send("q");
    assert!(s.wait_exit());
    let snapshots: Vec<_> = std::fs::read_dir(home.path().join("data/hearsay/snapshots"))
        .expect("the snapshots folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(snapshots.len(), 1, "{snapshots:?}");
    assert!(snapshots[0].extension().is_some_and(|e| e == "zst"));

    // the article is edited; reopen
    std::fs::write(&article, fixture(NEW)).expect("edit the article");
    let mut s = start();
    s.wait_for("the message", |t| {
        t.contains("changed since you highlighted it: 1 quote added, 1 reworded")
    });
    s.send("D");
    s.wait_for("the diff view", |t| {
        t.contains("What changed:") && t.contains("8 changes")
    });
    s.send("]");
    s.wait_for("the first change", |t| {
        t.contains("change 1/8: headline changed")
    });
    s.send("\x1b");
    s.wait_for("the reader again", |t| {
        !t.contains("What changed:") && t.contains("Keepers go back to the Skarvik Point light")
    });
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}
