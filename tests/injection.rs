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

/// Escape sequences (7-bit and C1) that every reader must remove whole, wherever they stand:
/// at the start of a line, in the middle, at the end.
const SEQUENCES: &[(&str, &str)] = &[
    ("CSI colour", "\x1b[31m"),
    ("CSI reset", "\x1b[0m"),
    ("OSC title ended by BEL", "\x1b]0;pwned\x07"),
    (
        "OSC hyperlink ended by ST",
        "\x1b]8;;http://x.invalid\x1b\\",
    ),
    ("DCS query", "\x1bP1$qm\x1b\\"),
    ("charset switch", "\x1b(B"),
    ("C1 CSI", "\u{9b}31m"),
    ("C1 OSC ended by C1 ST", "\u{9d}0;pwned\u{9c}"),
    ("C1 DCS", "\u{90}1$qm\u{9c}"),
];

/// What a reader shows, with every header fact: no control character may be left in any.
fn shown(doc: &hearsay::document::Document) -> Vec<String> {
    let m = &doc.meta;
    doc.blocks
        .iter()
        .map(|b| b.text.clone())
        .chain(
            [&m.title, &m.dek, &m.byline, &m.publication, &m.contributors]
                .into_iter()
                .flatten()
                .cloned(),
        )
        .collect()
}

/// Checks what a reader made of the article of the tests below: the title, paragraphs that
/// start as `paragraphs` say, nothing of a sequence left anywhere, and `removed` counted.
fn assert_removed_whole(
    what: &str,
    doc: &hearsay::document::Document,
    paragraphs: &[&str],
    removed: usize,
) {
    common::assert_well_formed(doc);
    assert_eq!(doc.meta.title.as_deref(), Some("Ferry title"), "{what}");
    let body: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
    assert_eq!(body.len(), paragraphs.len(), "{what}: {body:?}");
    for (p, start) in body.iter().zip(paragraphs) {
        assert!(p.starts_with(start), "{what}: {p:?} starts with {start:?}");
    }
    for text in shown(doc) {
        assert!(
            !text.chars().any(hearsay::document::text::is_forbidden),
            "{what}: a control character is left in {text:?}"
        );
        // the parameters of a half-removed sequence would be left behind
        for rest in ["[31m", "[0m", "31m", "0;pwned", "8;;", "1$qm", "(B"] {
            assert!(!text.contains(rest), "{what}: {rest:?} left in {text:?}");
        }
    }
    let said = format!("removed {removed} control character(s) or escape sequence(s)");
    assert!(
        doc.warnings.iter().any(|w| w.contains(&said)),
        "{what}: the count says what was removed ({said}): {:?}",
        doc.warnings
    );
}

#[test]
fn a_sequence_at_the_start_of_a_line_is_removed_whole_in_text() {
    for (what, seq) in SEQUENCES {
        let article = format!(
            "{seq}Ferry title{seq}\n\n{seq}Talks stalled on Monday{seq}, officials said.\n\n\
             A second paragraph ends here.{seq}\n"
        );
        let doc = hearsay::document::ingest(article);
        let paragraphs = [
            "Talks stalled on Monday, officials said.",
            "A second paragraph ends here.",
        ];
        assert_removed_whole(what, &doc, &paragraphs, 5);
    }
}

#[test]
fn a_sequence_at_the_start_of_a_line_is_removed_whole_in_html() {
    for (what, seq) in SEQUENCES {
        let page = format!(
            "<html><head><meta name=\"author\" content=\"{seq}Ana Ruiz\">\
             <meta name=\"description\" content=\"{seq}A dek{seq} here.\"></head><body><article>\
             <h1>{seq}Ferry title{seq}</h1>\
             <p>{seq}Talks stalled on Monday{seq}, officials said, and the harbour waited for \
             news of the crossing.</p><p>A second paragraph ends here, and it is long enough \
             to be kept as article text.{seq}</p></article></body></html>"
        );
        let doc = hearsay::document::open(page.as_bytes(), Some("page.html"), None)
            .expect("the page opens");
        assert_eq!(doc.meta.byline.as_deref(), Some("Ana Ruiz"), "{what}");
        let paragraphs = [
            "Talks stalled on Monday, officials said, and",
            "A second paragraph ends here,",
        ];
        // title 2, dek 2 (the description), byline 1, paragraphs 2 + 1
        assert_removed_whole(what, &doc, &paragraphs, 8);
    }
}

#[test]
fn a_sequence_at_the_start_of_a_line_is_removed_whole_in_markdown() {
    for (what, seq) in SEQUENCES {
        // (not before a comma as in the other readers: in Markdown `\,` is an escaped comma,
        // so an ST written `ESC \` would lose its backslash there)
        let article = format!(
            "# {seq}Ferry title{seq}\n\n{seq}Talks stalled on Monday{seq} and officials said.\n\n\
             A second paragraph ends here.{seq}\n"
        );
        let doc = hearsay::document::open(article.as_bytes(), Some("story.md"), None)
            .expect("the file opens");
        let paragraphs = [
            "Talks stalled on Monday and officials said.",
            "A second paragraph ends here.",
        ];
        assert_removed_whole(what, &doc, &paragraphs, 5);
    }
}

#[test]
fn a_sequence_at_the_start_of_a_line_never_shows_on_screen() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("red.txt");
    std::fs::write(&article, "Title\n\n\x1b[31mRed at start\x1b[0m text.\n").expect("write");
    let script = format!("'{}' - < '{}'", pty::BIN, article.display());
    let mut s = pty::hearsay(&["-c", &script])
        .program("sh")
        .home(dir.path())
        .size(100, 30)
        .start();
    s.wait_for("the paragraph", |t| t.contains("Red at start text."));
    s.wait_for("the count of what was removed", |t| {
        t.contains("removed 2 control character(s)")
    });
    let screen = s.screen();
    assert!(!screen.contains("[31m"), "{screen}");
    s.send("q");
    assert!(s.wait_exit());
}
