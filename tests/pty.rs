//! End-to-end: the real `hearsay` binary in a pseudo-terminal (portable-pty), its output
//! parsed with vt100. Also the errors it prints before the terminal UI starts.

mod common;

use common::pty::{self, BIN, Session};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Starts hearsay with `args` in a `cols`x`rows` terminal, with an empty config folder
/// (never the developer's own config).
fn start(args: &[&str], cols: u16, rows: u16) -> Session {
    pty::hearsay(args).size(cols, rows).start()
}

#[test]
fn reads_scrolls_searches_and_restores_the_terminal() {
    let mut s = start(&["assets/sample.txt"], 100, 30);
    s.wait_for("the headline", |t| {
        t.contains("Harbor city weighed shutting")
    });
    assert!(s.alternate_screen());
    s.wait_for("the status bar", |t| {
        let status = t.lines().last().unwrap_or_default();
        status.contains("sample.txt") && status.contains("0%")
    });

    // scroll: three lines down moves the headline off the top
    s.send("jjj");
    s.wait_for("scrolling", |t| {
        !t.lines().next().unwrap_or_default().contains("Harbor city")
    });
    // a page and the end
    s.send("G");
    s.wait_for("the end", |t| {
        t.contains("100%") && t.contains("contributed to this report")
    });

    // search from the top: all matches counted, the status bar says which one we're on
    s.send("g/board\r");
    s.wait_for("the search status", |t| {
        t.contains("match 1/") && t.contains("for 'board'")
    });
    s.send("n");
    s.wait_for("the next match", |t| t.contains("match 2/"));

    // help opens and closes
    s.send("h");
    s.wait_for("the help", |t| t.contains("next paragraph"));
    s.send("\x1b");
    s.wait_for("help closed", |t| !t.contains("next paragraph"));

    s.send("q");
    assert!(s.wait_exit(), "hearsay exits with success");
    assert!(
        !s.alternate_screen(),
        "the terminal left the alternate screen"
    );
}

#[test]
fn ctrl_c_quits_and_the_sample_opens_without_a_file() {
    let mut s = start(&[], 80, 24);
    s.wait_for("the sample", |t| t.contains("sample article"));
    s.send("\x03");
    assert!(s.wait_exit());
    assert!(!s.alternate_screen());
}

#[test]
fn reads_the_article_from_standard_input_and_keys_from_the_terminal() {
    let script = format!("'{BIN}' - < assets/sample.txt");
    let mut s = pty::hearsay(&["-c", &script])
        .program("sh")
        .size(100, 30)
        .start();
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    s.wait_for("the status bar", |t| {
        t.lines()
            .last()
            .unwrap_or_default()
            .contains("standard input")
    });
    s.send("G");
    s.wait_for("the end", |t| t.contains("100%"));
    s.send("q");
    assert!(s.wait_exit());
    assert!(!s.alternate_screen());
}

fn run_cli(args: &[&str]) -> (i32, String) {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("HOME", home.path())
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .expect("hearsay runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn unreadable_files_are_one_sentence_on_stderr_before_the_ui() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "  \n\n").unwrap();
    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01").unwrap();
    let missing = dir.path().join("nope.txt");
    for (path, says) in [
        (&missing, "could not read"),
        (&empty, "the input is empty"),
        (&binary, "binary file"),
        // a folder opens the library view, which needs a terminal too
        (&dir.path().to_path_buf(), "the library view draws on one"),
    ] {
        let (code, err) = run_cli(&[path.to_str().unwrap()]);
        assert_eq!(code, 1, "{err}");
        assert!(err.starts_with("hearsay: "), "{err}");
        assert!(err.contains(says), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
        assert!(!err.contains('\x1b'), "no terminal codes: {err:?}");
    }
    assert!(Path::new(BIN).exists());
}

/// The cells of the article pane (left of `width`) drawn in reverse video, row by row,
/// joined with spaces: the text the reader marked as the current quote.
fn marked_text(screen: &vt100::Screen, width: u16) -> String {
    let (rows, _) = screen.size();
    let mut runs = Vec::new();
    for r in 0..rows.saturating_sub(1) {
        let mut run = String::new();
        for c in 0..width {
            if let Some(cell) = screen.cell(r, c)
                && cell.inverse()
            {
                run.push_str(cell.contents());
            }
        }
        if !run.trim().is_empty() {
            runs.push(run.trim().to_string());
        }
    }
    runs.join(" ")
}

#[test]
fn journey_pick_a_speaker_and_step_through_their_quotes() {
    // what the engine finds in the sample, through the library
    let doc = hearsay::document::open(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt")).unwrap(),
        Some("sample.txt"),
        None,
    )
    .unwrap();
    let sources = hearsay::tui::Sources::analyze(&doc);
    let stops_of = |sp: usize| -> Vec<usize> {
        (0..sources.stops.len())
            .filter(|&i| sources.stops[i].speaker == Some(sp))
            .collect()
    };
    // the first speaker (in list order) with at least two stops
    let pick = (0..sources.speakers.len())
        .find(|&sp| stops_of(sp).len() >= 2)
        .expect("the sample has a speaker with two quotes");
    let name = sources.speakers[pick].name.clone();
    let second = &sources.stops[stops_of(pick)[1]];
    let second_text = &doc.blocks[second.block].text[second.range.clone()];

    let mut s = start(&["assets/sample.txt"], 120, 40);
    s.wait_for("the analysis in the sidebar", pty::analysis_shown);
    s.send("\t");
    s.wait_for("focus on the speakers", |t| t.contains("choose"));
    for _ in 0..pick {
        s.send("j");
    }
    s.send("\r");
    let short: String = name.chars().take(12).collect();
    s.wait_for("the filter", |t| t.contains(&format!("Claims · {short}")));
    let n = stops_of(pick).len();
    s.send("]");
    s.wait_for("the first stop", |t| {
        t.lines()
            .last()
            .unwrap_or_default()
            .contains(&format!(" 1/{n} "))
    });
    s.send("]");
    s.wait_for("the second stop", |t| {
        t.lines()
            .last()
            .unwrap_or_default()
            .contains(&format!(" 2/{n} "))
    });
    let status = s.status_line();
    assert!(
        status.contains(&name),
        "status bar names the speaker: {status}"
    );
    assert!(
        status.contains(&format!("2/{}", stops_of(pick).len())),
        "{status}"
    );
    let marked = s.with_screen(|screen| marked_text(screen, 80));
    let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(!marked.is_empty(), "something is marked:\n{}", s.screen());
    assert!(
        squash(second_text).starts_with(&squash(&marked))
            || squash(&marked).starts_with(&squash(second_text)),
        "marked {marked:?}, expected {second_text:?}"
    );
    s.send("q");
    assert!(s.wait_exit());
    assert!(!s.alternate_screen());
}

#[test]
fn resizing_the_terminal_keeps_the_place() {
    let mut s = start(&["assets/sample.txt"], 120, 40);
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    s.send("S}}}}}}");
    let first_line = |t: &str| t.lines().next().unwrap_or_default().trim().to_string();
    s.wait_for("six paragraphs down", |t| {
        !first_line(t).starts_with("Harbor")
    });
    std::thread::sleep(Duration::from_millis(200));
    let top = first_line(&s.screen());
    let first_words: Vec<&str> = top.split_whitespace().take(3).collect();
    let first_words = first_words.join(" ");
    assert!(!first_words.is_empty());
    s.resize(60, 20);
    // the status bar on the new last row shows the redraw happened at the new size
    let redrawn = |s: &Session, rows: u16| {
        s.with_screen(|screen| {
            let last = screen
                .rows(0, 200)
                .nth(usize::from(rows - 1))
                .unwrap_or_default();
            last.contains("sample.txt") && last.contains('%')
        })
    };
    let deadline = Instant::now() + Duration::from_secs(20);
    while !redrawn(&s, 20) {
        assert!(
            Instant::now() < deadline,
            "no redraw at 60x20:\n{}",
            s.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    s.wait_for("the narrow layout", |t| {
        first_line(t).starts_with(&first_words)
    });
    s.resize(120, 40);
    s.wait_for("the wide layout again", |t| first_line(t) == top);
    s.send("q");
    assert!(s.wait_exit());
}

/// Debug builds fail on purpose after the first frame when HEARSAY_DEBUG_FAIL is set.
fn fail_and_check_restored(how: &str, says: &str) {
    let mut s = pty::hearsay(&["assets/sample.txt"])
        .size(100, 30)
        .env("HEARSAY_DEBUG_FAIL", how)
        .env("RUST_BACKTRACE", "0")
        .start();
    assert!(!s.wait_exit(), "hearsay reports failure");
    s.assert_restored();
    let text = s.screen();
    assert!(
        text.contains(says),
        "the report is readable on the main screen:\n{text}"
    );
}

#[test]
fn the_terminal_is_restored_after_a_panic() {
    fail_and_check_restored("panic", "panicking on purpose");
}

#[test]
fn the_terminal_is_restored_after_an_error() {
    fail_and_check_restored(
        "error",
        "hearsay: HEARSAY_DEBUG_FAIL=error: failing on purpose",
    );
}

/// Issue 13: a less user's session, in the real binary — only less's keys, and the screen
/// answers as less's would.
#[test]
fn a_less_users_fingers_work() {
    let mut s = start(&["assets/sample.txt"], 80, 24);
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    let pos = |s: &Session| {
        let status = s.status_line();
        status
            .split_whitespace()
            .find_map(|w| w.strip_suffix('%').and_then(|n| n.parse::<usize>().ok()))
            .unwrap_or(usize::MAX)
    };
    // f, space and ctrl-f: a screen on; b and ctrl-b: back
    s.send("f");
    s.wait_for("a screen down", |t| !t.contains("Harbor city weighed"));
    s.send("b");
    s.wait_for("back at the top", |t| t.contains("Harbor city weighed"));
    s.send(" \x06");
    s.wait_for("two screens down", |t| !t.contains("Harbor city weighed"));
    s.send("\x02\x02");
    s.wait_for("back at the top", |t| t.contains("Harbor city weighed"));
    // d and u, e and y, ctrl-e and ctrl-y, a count, = to ask where we are
    s.send("d");
    s.wait_for("half a screen down", |t| !t.contains("Harbor city weighed"));
    s.send("u");
    s.wait_for("back at the top", |t| t.contains("Harbor city weighed"));
    s.send("5j=");
    s.wait_for("the position", |t| {
        t.lines().last().unwrap_or_default().contains("lines 6–")
    });
    s.send("ey\x05\x19=");
    s.wait_for("the same position", |t| {
        t.lines().last().unwrap_or_default().contains("lines 6–")
    });
    // 50% and 20g, then G
    s.send("50%");
    s.wait_for("half way", |t| {
        let st = t.lines().last().unwrap_or_default();
        (45..=70).any(|p| st.contains(&format!(" {p}% ")))
    });
    s.send("20g=");
    s.wait_for("line 20", |t| {
        t.lines().last().unwrap_or_default().contains("lines 20–")
    });
    s.send("G");
    s.wait_for("the end", |t| t.contains("100%"));
    // ? searches up from the bottom; n goes on up, N back down
    s.send("?board\r");
    s.wait_for("a match above", |t| t.contains("for 'board'"));
    let before = pos(&s);
    s.send("n");
    s.wait_for("the match before", |t| t.contains("for 'board'"));
    assert!(pos(&s) <= before, "n after ? goes up");
    // / with the history: Up brings back 'board'
    s.send("g/\x1b[A\r");
    s.wait_for("the search again", |t| {
        t.lines().last().unwrap_or_default().contains("match 1/")
    });
    // h is the help, q leaves the help, not hearsay
    s.send("h");
    s.wait_for("the help", |t| t.contains("down one screen"));
    s.send("q");
    s.wait_for("the help closed", |t| !t.contains("down one screen"));
    // a key bound to nothing says so
    s.send("Z");
    s.wait_for("no action", |t| t.contains("Z: no action"));
    // the command line: :messages shows what was said, whole; less's :q quits
    s.send(":messages\r");
    s.wait_for("the message log", |t| {
        t.contains("Messages") && t.contains("• Z: no action")
    });
    s.send("q");
    s.wait_for("the log closed", |t| !t.contains("• Z: no action"));
    s.send(":q\r");
    assert!(s.wait_exit(), "hearsay exits with success");
    s.assert_restored();
}

#[test]
fn a_slow_open_says_what_it_is_opening_instead_of_a_blank_screen() {
    // about 8 MB of text, and the progress line asked for after 1 ms (a debug-build hook),
    // so the test does not depend on how fast this machine reads the file
    let dir = tempfile::tempdir().expect("temp dir");
    let big = dir.path().join("big.txt");
    let para = "The harbour board met again on Tuesday and agreed to nothing at all. ".repeat(12);
    let mut text = String::from("Harbour board\n\n");
    while text.len() < 8 << 20 {
        text.push_str(&para);
        text.push_str("\n\n");
    }
    std::fs::write(&big, text).expect("write");
    let mut s = pty::hearsay(&[big.to_str().expect("utf-8")])
        .size(100, 30)
        .env("HEARSAY_DEBUG_SLOW_OPEN_MS", "1")
        .timeout(Duration::from_secs(300))
        .start();
    s.wait_for("the article", |t| t.contains("harbour board met again"));
    // before the reader's screen: the line saying what is being opened, then cleared
    let out = String::from_utf8_lossy(&s.bytes()).into_owned();
    let said = out
        .find("hearsay: opening '")
        .expect("a progress line before the reader");
    assert!(
        out[said..].contains("big.txt'…\r\x1b[2K"),
        "{:?}",
        &out[said..said + 200]
    );
    assert!(
        !s.screen().contains("opening '"),
        "the progress line is gone"
    );
    s.send("q");
    assert!(s.wait_exit());
}
