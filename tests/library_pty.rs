//! The library view end to end: the real binary in a pseudo-terminal, with its own HOME and
//! XDG folders. Open a folder, sort, open an article and come back; the speakers index → a
//! person's quotes across three articles → the article at the quote; search with a field;
//! killed while indexing, then reopened; an article's versions, their timeline and the diff
//! of two.

mod common;

use common::corpus;
use common::pty::{self, Session};
use std::path::Path;
use std::time::Duration;

fn start(home: &Path, dir: &Path) -> Session {
    pty::hearsay(&[dir.as_os_str()])
        .home(home)
        .size(140, 30)
        .timeout(Duration::from_secs(60))
        .start()
}

/// The row the list has selected (drawn reversed), as text.
fn selected_row(s: &Session) -> String {
    s.with_screen(|screen| {
        let (rows, cols) = screen.size();
        (1..rows)
            .find(|&r| {
                (0..cols.min(20)).all(|c| screen.cell(r, c).is_some_and(|cell| cell.inverse()))
            })
            .map(|r| screen.contents_between(r, 0, r, cols))
            .unwrap_or_default()
    })
}

#[test]
fn open_a_folder_sort_open_an_article_and_come_back() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_small(&news);
    let mut s = start(home.path(), &news);
    s.wait_for("the list", |t| {
        t.contains("Fish prices climb") && t.contains("4 of 4")
    });
    s.wait_for("indexing done", |t| !t.contains("indexing "));
    s.send("s");
    s.wait_for("sorted by date", |t| t.contains("sorted by date"));
    // newest first: the market story (2026-02-02) on top, then the audit (2026-01-20)
    // (rows may be drawn after the status line: wait for them; a timeout fails with the screen)
    s.wait_for("the market story on top", |_| {
        selected_row(&s).contains("Fish prices")
    });
    s.send("j");
    s.wait_for("second row", |_| {
        selected_row(&s).contains("Auditors question")
    });
    s.send("\r");
    s.wait_for("the article", |t| t.contains("The state audit found"));
    s.send("\x1b");
    s.wait_for("back in the list", |t| t.contains("sorted by date"));
    // the status line may be drawn before the rows: wait for the whole list, then ask
    // that the row opened is the one selected (a timeout here fails with the screen)
    s.wait_for("the list drawn again", |t| {
        t.contains("Fish prices climb") && !t.contains("The state audit found")
    });
    s.wait_for("the same place in the list", |_| {
        selected_row(&s).contains("Auditors question")
    });
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}

#[test]
fn speakers_index_to_a_persons_quotes_to_the_article_at_the_quote() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_small(&news);
    let mut s = start(home.path(), &news);
    s.wait_for("the list", |t| t.contains("4 of 4"));
    s.send("p");
    s.wait_for("speakers", |t| t.contains("Speakers across the library"));
    // most articles first: Mara Okonkwo, in three
    s.wait_for("Okonkwo first", |_| selected_row(&s).contains("Okonkwo"));
    s.send("\r");
    s.wait_for("her quotes in three articles", |t| {
        t.contains("quotes and claims")
            && ["Tide gates fail", "Ferry crews refuse", "Auditors question"]
                .iter()
                .all(|title| t.contains(title))
    });
    let screen = s.screen();
    assert!(
        !screen.contains("Nobody should cross"),
        "Jonas is someone else: {screen}"
    );
    // down to the ferry article's quote (oldest first: the tide article's come before)
    for _ in 0..6 {
        let before = selected_row(&s);
        if before.contains("Ferry crews") {
            break;
        }
        s.send("j");
        s.wait_for("the cursor to move", |_| selected_row(&s) != before);
    }
    s.wait_for("the ferry quote", |_| {
        selected_row(&s).contains("Ferry crews")
    });
    s.send("\r");
    // the reader (its status bar names the file) at her words
    s.wait_for("the article at the quote", |t| {
        t.contains("ferry.md") && t.contains("The pier is not safe")
    });
    s.send("\x1b");
    s.wait_for("back to her quotes", |t| t.contains("quotes and claims"));
    s.send("\x1b");
    s.wait_for("back to speakers", |t| t.contains("Speakers across"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn search_with_a_field_and_open_the_match() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_small(&news);
    let mut s = start(home.path(), &news);
    s.wait_for("the list", |t| t.contains("4 of 4"));
    s.wait_for("indexing done", |t| !t.contains("indexing "));
    s.send("/kind:anonymous");
    s.wait_for("typed", |t| t.contains("kind:anonymous"));
    s.send("\r");
    s.wait_for("results", |t| {
        t.contains("Search 'kind:anonymous' · 1 results")
    });
    assert!(s.screen().contains("Auditors question"));
    s.send("\r");
    s.wait_for("the article", |t| {
        t.contains("audit.html") && t.contains("according to a person familiar")
    });
    s.send("q");
    s.wait_for("back", |t| t.contains("Search 'kind:anonymous'"));
    s.send("/speaker:\"Jonas Okonkwo\"\r");
    s.wait_for("results", |t| t.contains("Nobody should cross"));
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn killed_while_indexing_then_reopened_finishes_the_index() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_corpus(&news, 800, 3_000);
    let mut s = start(home.path(), &news);
    s.wait_for("indexing under way", |t| {
        t.lines()
            .any(|l| l.contains("indexing ") && !l.contains(" 0/"))
    });
    s.signal("KILL");
    s.wait_exit();
    let mut s = start(home.path(), &news);
    // the list shows what the killed run committed at once, then the rest comes in
    s.wait_for("all articles", |t| {
        t.contains("800 of 800 articles") && !t.contains("indexing ")
    });
    s.send("q");
    assert!(s.wait_exit());
    let db = home.path().join("data/hearsay/library.sqlite");
    assert!(db.exists());
    // nothing was moved aside: the database was consistent
    let aside = std::fs::read_dir(db.parent().unwrap())
        .unwrap()
        .flatten()
        .any(|e| e.file_name().to_string_lossy().contains(".corrupt-"));
    assert!(!aside);
}

#[test]
fn versions_timeline_and_the_diff_of_two_versions() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_versions(&news);
    let mut s = start(home.path(), &news);
    s.wait_for("the list, versions grouped", |t| {
        t.contains("2 of 2 articles (4 files)")
    });
    s.wait_for("indexing done", |t| !t.contains("indexing "));
    // filter to the tide story, then its versions
    s.send("ftide\r");
    s.wait_for("filtered", |t| t.contains("1 of 2 articles"));
    s.send("v");
    s.wait_for("the timeline", |t| {
        t.contains("Versions of 'Tide gates fail again on the east quay' · 3")
            && t.contains("2025-05-02 09:05")
            && t.contains("2025-05-03 08:05")
    });
    // the middle version against the one before it
    s.send("k");
    s.wait_for("the middle version", |_| {
        selected_row(&s).contains("tide-gates-1400")
    });
    s.send("D");
    s.wait_for("the diff view", |t| {
        t.contains("What changed:")
            && t.contains("1 source now named")
            && t.contains("headline changed")
    });
    s.send("]");
    s.wait_for("the first change", |t| t.contains("change 1/"));
    // esc: the reader on the newer version, esc again: back to the timeline
    s.send("\x1b");
    s.wait_for("the reader", |t| {
        t.contains("Wendell Ashgrove, the county treasurer")
    });
    s.send("\x1b");
    s.wait_for("back to the versions", |t| {
        t.contains("Versions of 'Tide gates")
    });
    // mark the first, compare with the last
    s.send("gm");
    s.wait_for("marked", |t| t.contains("marked;"));
    s.send("GD");
    s.wait_for("the diff of the first and last", |t| {
        t.contains("What changed:") && t.contains("2 quotes added")
    });
    // q leaves the reader for the list, as for any article opened from the library
    s.send("q");
    s.wait_for("back to the versions", |t| {
        t.contains("Versions of 'Tide gates")
    });
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}
