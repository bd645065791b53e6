//! End-to-end highlights journey with the real binary in a pseudo-terminal: open a copy of
//! the sample, `]`, `h`, `a`, type a note, save, quit; the sidecar file holds the quote, its
//! speaker and the note; reopen and the highlight is drawn (background colour) with the note
//! mark in the margin, at the saved reading position.

mod common;

use common::pty::{self, Session};
use std::path::Path;
use std::time::Duration;

/// Starts hearsay on `file` in a `cols`x`rows` terminal, with config and data folders
/// under `home` (never the developer's own), working in `home`.
fn start(file: &Path, home: &Path, cols: u16, rows: u16) -> Session {
    pty::hearsay(&[file])
        .size(cols, rows)
        .home(home)
        .cwd(home)
        .timeout(Duration::from_secs(30))
        .start()
}

/// The article-pane cells (columns below `width`) drawn with background `bg`, joined.
fn cells_with_bg(screen: &vt100::Screen, width: u16, bg: vt100::Color) -> String {
    let (rows, _) = screen.size();
    let mut out = String::new();
    for r in 0..rows.saturating_sub(1) {
        for c in 0..width {
            if let Some(cell) = screen.cell(r, c)
                && cell.bgcolor() == bg
            {
                out.push_str(cell.contents());
            }
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn journey_highlight_a_quote_write_a_note_quit_and_reopen() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    let sidecar = home.path().join("sample.txt.hearsay.toml");

    let mut s = start(&article, home.path(), 120, 40);
    // no file yet: the start does not claim highlights are saved in one
    s.wait_for("the start hint", |t| t.contains("h help"));
    assert!(!s.screen().contains("sample.txt.hearsay.toml"));
    s.wait_for("the analysis", pty::analysis_shown);
    s.send("]");
    s.wait_for("the first quote", |t| {
        t.lines().last().unwrap_or_default().contains(" 1/")
    });
    let status = s.status_line();
    s.send("a");
    s.wait_for("the highlight", |t| t.contains("highlighted "));
    s.send("i");
    s.wait_for("the note editor", |t| t.contains("ctrl-s"));
    s.send("Check this against the board minutes — ça va");
    s.wait_for("the typed note", |t| t.contains("board minutes"));
    s.send("\x13"); // ctrl-s
    s.wait_for("the note saved", |t| t.contains("note saved"));
    s.send("q");
    assert!(s.wait_exit(), "hearsay exits with success");
    assert!(!s.alternate_screen());

    let file = std::fs::read_to_string(&sidecar).expect("the sidecar was written");
    let saved: toml::Table = toml::from_str(&file).expect("valid TOML");
    let h = &saved["highlight"].as_array().expect("highlights")[0];
    let text = h["text"].as_str().unwrap();
    let speaker = h["speaker"].as_str().expect("a speaker");
    // `]` stops on quotes and claims; the status bar says which, and so does the file
    let kind = h["kind"].as_str().expect("a kind");
    assert!(
        status.contains(&format!("{kind} 1/")),
        "{kind} in {status:?}"
    );
    assert!(
        status.contains(speaker),
        "the status bar's speaker {status:?} is saved: {speaker}"
    );
    assert_eq!(
        h["note"].as_str(),
        Some("Check this against the board minutes — ça va")
    );
    assert!(saved.contains_key("reading"), "{file}");
    let source = std::fs::read_to_string(&article).unwrap();
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(squash(&source).contains(&squash(text)), "{text}");

    // reopen: the highlight is drawn in the highlight colour, with the note mark
    let mut s = start(&article, home.path(), 120, 40);
    s.wait_for("the article", |t| t.contains("sample.txt.hearsay.toml"));
    s.wait_for("the highlighted quote", |_| !s_parser_bg(&s).is_empty());
    let marked = s_parser_bg(&s);
    let first_words: String = squash(text).chars().take(30).collect();
    assert!(
        marked.contains(first_words.trim()),
        "marked {marked:?}, expected the start of {text:?}"
    );
    assert!(s.screen().contains('✎'), "note mark:\n{}", s.screen());
    s.send("q");
    assert!(s.wait_exit());
}

fn s_parser_bg(s: &Session) -> String {
    s.with_screen(|screen| cells_with_bg(screen, 80, vt100::Color::Idx(10)))
}

#[test]
fn reading_alone_is_remembered_without_a_file_beside_the_article() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    let first_line = |s: &Session| {
        s.screen()
            .lines()
            .next()
            .unwrap_or_default()
            .trim_end()
            .to_string()
    };

    let mut s = start(&article, home.path(), 80, 24);
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    s.send("jjjjjjjjjjjjjjj");
    s.wait_for("scrolling", |t| {
        !t.lines().next().unwrap_or_default().contains("Harbor city")
    });
    std::thread::sleep(Duration::from_millis(200));
    let top = first_line(&s);
    s.send("q");
    assert!(s.wait_exit());
    assert!(!home.path().join("sample.txt.hearsay.toml").exists());
    let kept = pty::kept_reading_files(home.path());
    assert_eq!(kept.len(), 1, "{kept:?}");

    let mut s = start(&article, home.path(), 80, 24);
    s.wait_for("the same place", |t| {
        t.lines().next().unwrap_or_default().trim_end() == top
    });
    s.send("q");
    assert!(s.wait_exit());
}

#[test]
fn a_keypress_never_waits_on_a_save_and_q_waits_for_the_last_one_saying_so() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    let sidecar = home.path().join("sample.txt.hearsay.toml");
    // another window is in the middle of a long save: it holds the save lock
    let lock = std::fs::File::create(home.path().join(".sample.txt.hearsay.toml.lock"))
        .expect("lock file");
    lock.lock().expect("lock");

    let mut s = start(&article, home.path(), 120, 40);
    // the sidebar comes once the highlights are there (it waits for their corrections)
    s.wait_for("the analysis", pty::analysis_shown);
    s.send("a");
    // the screen answers although the save behind it cannot start
    s.wait_for("the highlight", |t| t.contains("highlighted "));
    s.send("j");
    s.wait_for("the next line", |t| !t.contains("highlighted "));
    assert!(!sidecar.exists(), "nothing could be saved yet");
    s.send("q");
    s.wait_for("quitting says it waits for the save", |t| {
        t.contains("saving highlights")
    });
    drop(lock);
    assert!(s.wait_exit(), "hearsay exits with success once saved");
    let file = std::fs::read_to_string(&sidecar).expect("the sidecar was written");
    assert!(file.contains("[[highlight]]"), "{file}");
}

#[test]
fn a_folder_in_place_of_the_highlights_file_is_read_only_and_the_status_bar_says_so() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    std::fs::create_dir(home.path().join("sample.txt.hearsay.toml")).expect("mkdir");
    let mut s = start(&article, home.path(), 120, 40);
    s.wait_for("the read-only warning", |t| {
        let status = t.lines().last().unwrap_or_default();
        status.contains("read-only") || status.contains("could not read")
    });
    let status = s.status_line();
    assert!(!status.contains("saved in"), "{status}");
    s.send("a");
    s.wait_for("the refusal", |t| {
        t.lines().last().unwrap_or_default().contains("read-only")
    });
    s.send("q");
    assert!(s.wait_exit());
}
