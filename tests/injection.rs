//! Escape sequences hidden in an article's text or its file name never reach the terminal:
//! the real binary runs in a pseudo-terminal and every byte it writes is checked for the
//! payloads (OSC 52 clipboard write, OSC 0 title, CSI cursor moves and queries, C1 controls).

mod common;

use common::pty;
use std::time::Duration;

/// Runs hearsay on `file` in an 80x24 pty, waits for `ready` on screen, sends `keys`, quits,
/// and returns every byte hearsay wrote.
fn run_and_capture(
    dir: &std::path::Path,
    file: &std::path::Path,
    ready: &str,
    keys: &[&str],
) -> Vec<u8> {
    let mut s = pty::hearsay(&[file]).home(dir).start();
    s.wait_for(&format!("{ready:?}"), |t| t.contains(ready));
    for k in keys {
        s.send(k);
        std::thread::sleep(Duration::from_millis(50));
    }
    s.send("q");
    s.wait_exit();
    s.bytes()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

const PAYLOADS: &[(&str, &[u8])] = &[
    ("OSC 52 clipboard write", b"\x1b]52"),
    ("OSC 0 window title", b"\x1b]0;"),
    ("OSC 8 hyperlink", b"\x1b]8;"),
    ("CSI cursor position far off screen", b"\x1b[99;99H"),
    ("CSI cursor up", b"\x1b[7A"),
    ("CSI device status query", b"\x1b[6n"),
    ("DCS string", b"\x1bP"),
    ("C1 CSI", b"\xc2\x9b"),
    ("C1 OSC", b"\xc2\x9d"),
    ("C1 string terminator", b"\xc2\x9c"),
    ("BEL", b"\x07"),
];

#[test]
fn escape_sequences_in_text_and_file_name_never_reach_the_terminal() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = "Ferry talks stall \x1b]0;pwned\x07again\n\
        Harbour officials said on Monday that talks had stalled.\x1b]52;c;cm0gLXJmIH4=\x07 They\n\
        did not say when they would resume.\x1b[99;99H \x1b[7A\x1b[6n The union, in a\n\
        statement, said it was \u{201c}ready to talk\u{201d} \u{9b}31m at any time.\u{9d}0;pwned\u{9c}\n\
        \x1bP1$qm\x1b\\ Marker-of-the-end is here.\x1b]8;;http://x.invalid\x07link\x1b]8;;\x07\n";
    let name = dir.path().join("ferry\x1b]0;pwned\x07.txt");
    std::fs::write(&name, article).expect("write article");
    let out = run_and_capture(
        dir.path(),
        &name,
        "Marker-of-the-end",
        &["j", "/", "ready\r", "n", "?", "\x1b"],
    );
    assert!(
        contains(&out, b"Marker-of-the-end"),
        "the article was drawn"
    );
    for (what, bytes) in PAYLOADS {
        assert!(!contains(&out, bytes), "{what} reached the terminal");
    }
}
