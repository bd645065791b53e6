//! Corrections and copying with the real binary in a pseudo-terminal: reassign a speaker,
//! quit, reopen (the sidebar and the sourcing share show it), edit the article (it
//! re-anchors, or is listed as orphaned), undo; `y` sends OSC 52 with the right base64,
//! and a refusing terminal is reported with a file written instead.

mod common;

use base64::Engine;
use common::pty::{self, Session};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A fictional article. The engine credits both quotations to Ines Duarte; the second is
/// the harbour master's.
const STORY: &str = "Ferry fares rise again on the northern route\n\n\
The council approved a third fare increase in two years on Monday. Many commuters \
from the islands were upset.\n\n\
\"We cannot keep paying more for a boat that is late,\" said Ines Duarte, who \
crosses every morning. Others agreed with her.\n\n\
The harbour master said the new boats would arrive in spring. \"The schedule \
will be fixed by then,\" he said.\n";

fn article(home: &Path, text: &str) -> PathBuf {
    let path = home.join("ferry.txt");
    std::fs::write(&path, text).unwrap();
    path
}

fn start(file: &Path, home: &Path, env: &[(&str, &str)]) -> Session {
    let mut l = pty::hearsay(&[file])
        .size(120, 30)
        .home(home)
        .cwd(home)
        .timeout(Duration::from_secs(30));
    for (k, v) in env {
        l = l.env(k, v);
    }
    let s = l.start();
    // ("1 quote · 1 speaker" once the second quotation is gone)
    s.wait_for("the analysis", |t| {
        pty::analysis_shown(t) || t.contains("1 quote · ")
    });
    s
}

/// `]` to the quote "The schedule will be fixed…", the article's last stop (after Ines
/// Duarte's quote and the harbour master's claim about the boats).
fn to_second_quote(s: &mut Session) {
    for n in 1..=3 {
        s.send("]");
        let at = format!(" {n}/3");
        s.wait_for("the next stop", |t| {
            t.lines().last().unwrap_or_default().contains(&at)
        });
    }
}

/// Reassigns the current quote to a new anonymous speaker, "a deckhand".
fn reassign_to_deckhand(s: &mut Session) {
    s.send("C");
    s.wait_for("the correction menu", |t| {
        t.contains("Correct the analysis")
    });
    s.send("r");
    s.wait_for("the speaker picker", |t| t.contains("Who said"));
    s.send("a deckhand");
    s.wait_for("the new name", |t| t.contains("new: a deckhand (person"));
    s.send("\t\t\t");
    s.wait_for("the anonymous kind", |t| {
        t.contains("new: a deckhand (anonymous")
    });
    s.send("\r");
    s.wait_for("the correction said", |t| t.contains("corrected: "));
}

/// The "NN% of claims unnamed" figure of the sidebar ("… from unnamed sources" where the
/// sidebar is wide enough).
fn unnamed_share(screen: &str) -> usize {
    let at = screen.find("% of claims").expect("the sourcing summary");
    let digits: String = screen[..at]
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .chars()
        .rev()
        .collect::<String>()
        .parse()
        .expect("a percentage")
}

fn quit(s: &mut Session) {
    s.send("q");
    assert!(s.wait_exit(), "hearsay quits");
    s.assert_restored();
}

#[test]
fn reassign_quit_reopen_edit_and_undo() {
    let home = tempfile::tempdir().unwrap();
    let file = article(home.path(), STORY);
    let mut s = start(&file, home.path(), &[]);
    assert!(!s.screen().contains("a deckhand"));
    let before = unnamed_share(&s.screen());
    to_second_quote(&mut s);
    reassign_to_deckhand(&mut s);
    s.wait_for("the sidebar shows the new speaker", |t| {
        t.contains("a deckhand")
    });
    quit(&mut s);
    let saved = std::fs::read_to_string(home.path().join("ferry.txt.hearsay.toml")).unwrap();
    assert!(saved.contains("[[correction]]"), "{saved}");

    // reopen: applied before anything is drawn; the share of unnamed claims is 1 of the 3
    // (Ines Duarte's quote, the harbour master's claim, the deckhand's quote)
    let mut s = start(&file, home.path(), &[]);
    let screen = s.screen();
    assert!(screen.contains("a deckhand"), "{screen}");
    let after = unnamed_share(&screen);
    assert!(after > before, "{before}% → {after}%: {screen}");
    assert_eq!(after, 33, "{screen}");
    assert!(screen.contains("1 correction applied"), "{screen}");
    to_second_quote(&mut s);
    s.wait_for("the stop is marked corrected", |t| {
        t.lines()
            .last()
            .unwrap_or_default()
            .contains("corrected by hand")
    });
    quit(&mut s);

    // the article gains a paragraph before the quote: the correction follows its text
    let moved = STORY.replace(
        "The harbour master said",
        "Ticket machines will be replaced in May.\n\nThe harbour master said",
    );
    std::fs::write(&file, &moved).unwrap();
    let mut s = start(&file, home.path(), &[]);
    let screen = s.screen();
    assert!(screen.contains("a deckhand"), "{screen}");
    assert!(!screen.contains("orphaned"), "{screen}");

    // undo (the correction was made in another session: nothing to undo here), then make
    // and undo one here
    to_second_quote(&mut s);
    s.send("C");
    s.wait_for("the menu", |t| t.contains("Correct the analysis"));
    s.send("n");
    s.wait_for("not an attribution", |t| t.contains("corrected: "));
    s.send("U");
    s.wait_for("undone", |t| t.contains("undone: correction"));
    quit(&mut s);
    let saved = std::fs::read_to_string(home.path().join("ferry.txt.hearsay.toml")).unwrap();
    assert!(!saved.contains("not_attribution"), "{saved}");
    assert_eq!(saved.matches("[[correction]]").count(), 1, "{saved}");

    // the quotation rewritten: the correction is kept and listed as orphaned
    let gone = moved.replace(
        "\"The schedule will be fixed by then,\" he said.",
        "Nothing was said about the timetable.",
    );
    std::fs::write(&file, gone).unwrap();
    let mut s = start(&file, home.path(), &[]);
    s.wait_for("the orphan listed", |t| {
        t.contains("1 correction orphaned (text not found)")
    });
    // not applied: the sidebar has one speaker again; the status bar lists the orphan
    assert!(s.screen().contains("1 quote · 1 speaker"), "{}", s.screen());
    assert!(
        s.status_line().contains("\u{2192} a deckhand"),
        "{}",
        s.status_line()
    );
    quit(&mut s);
    let saved = std::fs::read_to_string(home.path().join("ferry.txt.hearsay.toml")).unwrap();
    assert!(saved.contains("a deckhand"), "kept: {saved}");
}

#[test]
fn y_sends_the_quote_through_osc_52() {
    let home = tempfile::tempdir().unwrap();
    let file = article(home.path(), STORY);
    let mut s = start(&file, home.path(), &[]);
    s.send("]");
    s.wait_for("the first quote", |t| {
        t.lines().last().unwrap_or_default().contains(" 1/")
    });
    s.send("Y");
    s.wait_for("copied", |t| t.contains("copied the quote"));
    let want = "“We cannot keep paying more for a boat that is late,” said Ines Duarte";
    let b64 = base64::engine::general_purpose::STANDARD.encode(want);
    let seq = format!("\x1b]52;c;{b64}\x07");
    // written right after the frame that says so
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    while !s.bytes().windows(seq.len()).any(|w| w == seq.as_bytes()) {
        assert!(
            std::time::Instant::now() < deadline,
            "no OSC 52 sequence with the quote in the output"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    quit(&mut s);
}

#[test]
fn a_refusing_terminal_is_reported_and_the_text_written_to_a_file() {
    let home = tempfile::tempdir().unwrap();
    let file = article(home.path(), STORY);
    let mut s = start(&file, home.path(), &[("TERM", "linux")]);
    s.send("]");
    s.wait_for("the first quote", |t| {
        t.lines().last().unwrap_or_default().contains(" 1/")
    });
    s.send("Y");
    s.wait_for("the refusal", |t| {
        t.contains("The clipboard refused the text") && t.contains("does not take clipboard")
    });
    assert!(
        !s.bytes().windows(5).any(|w| w == b"\x1b]52;"),
        "no OSC 52 sent to a terminal that refuses it"
    );
    s.send("w");
    s.wait_for("written", |t| t.contains("not copied; written to"));
    quit(&mut s);
    let written = std::fs::read_to_string(home.path().join("ferry.txt.hearsay.clipboard.md"))
        .expect("the text in a file beside the highlights");
    assert_eq!(
        written,
        "“We cannot keep paying more for a boat that is late,” said Ines Duarte"
    );
}
