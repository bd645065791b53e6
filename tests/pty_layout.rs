//! Issue 13, in the real binary: the screen follows the terminal through resizes between
//! 60×20 and 200×60 — the speakers list re-clamped to its new box (it kept three rows over
//! eleven empty ones), names and roles never cut, the sourcing summary never broken inside
//! a phrase, the help whole and closed by `q` — on a fictional article with 22 speakers.
//! The checks hold whatever the attribution engine finds.

mod common;

use common::pty::{self, Session};
use std::path::Path;
use std::time::{Duration, Instant};

/// The sizes of the issue, with the small one it started from between them.
const SIZES: [(u16, u16); 5] = [(200, 60), (80, 24), (100, 30), (60, 20), (140, 40)];

fn start(cols: u16, rows: u16) -> Session {
    let article = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tui/ferry.txt");
    pty::hearsay(&[article])
        .size(cols, rows)
        .timeout(Duration::from_secs(30))
        .start()
}

/// The screen's rows, each exactly as wide as the screen (vt100 trims the ends).
fn rows(s: &Session) -> Vec<Vec<String>> {
    s.with_screen(|screen| {
        let (h, w) = screen.size();
        (0..h)
            .map(|r| {
                (0..w)
                    .map(|c| match screen.cell(r, c) {
                        Some(cell) if cell.is_wide_continuation() => String::new(),
                        Some(cell) if cell.has_contents() => cell.contents().to_string(),
                        _ => " ".to_string(),
                    })
                    .collect()
            })
            .collect()
    })
}

/// The inside of the box titled `title` (its rows, between the borders), if on screen.
fn boxed(screen: &[Vec<String>], title: &str) -> Option<Vec<String>> {
    let (top, line) = screen
        .iter()
        .enumerate()
        .find(|(_, l)| l.concat().contains(title))?;
    let left = line.iter().position(|c| c == "╭" || c == "┏")?;
    let right = line.iter().rposition(|c| c == "╮" || c == "┓")?;
    let mut out = Vec::new();
    for l in &screen[top + 1..] {
        if l[left] == "╰" || l[left] == "┗" {
            break;
        }
        out.push(l[left + 1..right].concat());
    }
    Some(out)
}

/// Whether `p` is one whole phrase of the sourcing summary ("22 speakers", "3 unnamed",
/// "17% of claims from unnamed sources").
fn whole_phrase(p: &str) -> bool {
    let (n, rest) = p.split_at(p.find(|c: char| !c.is_ascii_digit()).unwrap_or(p.len()));
    !n.is_empty()
        && [
            " quote",
            " quotes",
            " speaker",
            " speakers",
            " named",
            " org",
            " group",
            " unnamed",
            " doc",
            " no source",
            "% of claims unnamed",
            "% of claims from unnamed sources",
        ]
        .contains(&rest)
}

/// The sidebar's right edge is at the screen's: the frame for `cols` columns is drawn.
fn sidebar_at(s: &Session, cols: u16) -> bool {
    s.with_screen(|screen| {
        screen.size().1 == cols
            && screen
                .cell(0, cols - 1)
                .is_some_and(|c| c.contents() == "╮")
    })
}

/// What the screen must show at `cols`×`rows_n`: no name or role cut, the speakers list
/// filling its box, the summary in whole phrases.
fn check_screen(screen: &[Vec<String>], cols: u16, rows_n: u16) -> Result<(), String> {
    let shown = screen
        .iter()
        .map(|r| r.concat())
        .collect::<Vec<_>>()
        .join("\n");
    let at = format!("at {cols}x{rows_n}:\n{shown}");
    let speakers = boxed(screen, "Speakers").ok_or(format!("no speakers box {at}"))?;
    if speakers.concat().contains('…') {
        return Err(format!("a name or role cut {at}"));
    }
    // re-clamped: the list fills its box (at most the rows of one more entry empty)
    let empty_below = speakers
        .iter()
        .rev()
        .take_while(|r| r.trim().is_empty())
        .count();
    if empty_below >= 5 {
        return Err(format!("{empty_below} empty rows {at}"));
    }
    match boxed(screen, "Sourcing") {
        Some(summary) => {
            for line in summary.iter().map(|l| l.trim()).filter(|l| !l.is_empty()) {
                if let Some(part) = line.split(" · ").find(|p| !whole_phrase(p)) {
                    return Err(format!("{part:?} broken {at}"));
                }
            }
        }
        None if rows_n >= 30 => return Err(format!("no summary {at}")),
        None => {}
    }
    Ok(())
}

#[test]
fn the_screen_follows_the_terminal_through_resizes() {
    let mut s = start(60, 20);
    s.wait_for("the article", |t| t.contains("Lakeport votes"));
    // at 60 columns the sidebar is drawn over the article
    s.send("S");
    s.wait_for("the analysis", pty::analysis_shown);
    // the last speaker, filtered: the small list is scrolled to its end
    s.send("\tG\r");
    s.wait_for("the filter", |t| t.contains("claim(s) by"));
    for (cols, rows_n) in SIZES {
        s.resize(cols, rows_n);
        s.wait_for(&format!("the screen at {cols}x{rows_n}"), |_| {
            sidebar_at(&s, cols)
        });
        // the checks, until the frame for the new size is whole on the screen (under load
        // it arrives in pieces): the last failure is shown if it never passes
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            match check_screen(&rows(&s), cols, rows_n) {
                Ok(()) => break,
                Err(e) if Instant::now() >= deadline => panic!("{e}"),
                Err(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
        // the help, whole to its last line, and q closes it (not hearsay)
        s.send("h");
        s.wait_for("the help", |t| {
            t.contains("Keys") && t.contains("down one line")
        });
        s.send("G");
        s.wait_for("the help's end", |t| {
            t.contains("the quote or claim you are on") && t.contains("more below")
        });
        s.send("q");
        s.wait_for("the help closed", |t| !t.contains("down one line"));
    }
    s.send("q");
    assert!(s.wait_exit(), "hearsay exits with success");
    s.assert_restored();
}
