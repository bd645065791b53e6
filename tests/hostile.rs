//! Inputs a hostile reviewer throws at hearsay, each one a bug that was found by hand and
//! fixed: escape sequences in file names and in a highlights file that reach the terminal
//! through the command-line output, a closed standard error, a UTF-16 article, a signal
//! while the reader runs, bidi controls typed into a note.

mod common;

use common::pty::{self, BIN};
use std::path::Path;
use std::process::{Command, Output, Stdio};

/// Runs hearsay with `args` in `dir`, with HOME and the config there (never the developer's).
fn run_in(dir: &Path, args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("HOME", dir)
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("HEARSAY_CONFIG")
        .output()
        .expect("hearsay runs")
}

/// What must never reach a terminal: ESC, BEL, the C1 introducers (as UTF-8) and the bidi
/// override that flips the text after it.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for (name, bad) in [
        ("ESC", "\x1b"),
        ("BEL", "\x07"),
        ("C1 CSI", "\u{9b}"),
        ("C1 OSC", "\u{9d}"),
        ("right-to-left override", "\u{202e}"),
    ] {
        assert!(!text.contains(bad), "{name} in {what}: {text:?}");
    }
}

const HOSTILE_NAME: &str = "ferry\x1b]0;pwned\x07\x1b[2J\u{9b}31m\u{202e}txt.txt";

#[test]
fn escape_sequences_in_a_file_name_stay_out_of_error_messages() {
    let dir = tempfile::tempdir().expect("temp dir");
    // missing, empty, and a folder: every error names the file
    let missing = dir.path().join(HOSTILE_NAME);
    let empty = dir.path().join(format!("empty-{HOSTILE_NAME}"));
    std::fs::write(&empty, "\n\n").expect("write");
    let folder = dir.path().join(format!("folder-{HOSTILE_NAME}"));
    std::fs::create_dir(&folder).expect("mkdir");
    for path in [&missing, &empty, &folder] {
        for args in [
            vec![path.as_os_str()],
            vec!["analyze".as_ref(), path.as_os_str()],
            vec!["highlights".as_ref(), path.as_os_str()],
            vec!["export".as_ref(), path.as_os_str()],
        ] {
            let out = run_in(dir.path(), &args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.starts_with("hearsay: "), "{err}");
            assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
            assert!(err.contains("ferry"), "the name is still there: {err:?}");
            assert_inert(&format!("stderr of {args:?}"), &out.stderr);
        }
    }
}

#[test]
fn escape_sequences_in_a_file_name_stay_out_of_analyze_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt"),
        folder.join(HOSTILE_NAME),
    )
    .expect("copy the sample");
    std::fs::write(folder.join(format!("empty-{HOSTILE_NAME}")), " ").expect("write");
    let out = run_in(
        dir.path(),
        &["analyze".as_ref(), "--explain".as_ref(), folder.as_os_str()],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("== "), "a header per file: {stdout}");
    assert!(stdout.contains("ferry"), "{stdout}");
    assert_inert("analyze --explain", &out.stdout);
    assert_inert("analyze --explain errors", &out.stderr);
    // JSON Lines escape the name; the failure of the empty file is one line on stderr
    let out = run_in(dir.path(), &["analyze".as_ref(), folder.as_os_str()]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert("analyze JSON Lines", &out.stdout);
    assert_inert("analyze errors", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("empty-ferry"), "{err}");
}

/// A highlights file for the bundled sample whose speaker, tags, note and article source
/// carry escape sequences (as a file someone else wrote, or edited by hand, can).
fn hostile_sidecar(article: &Path) -> String {
    use sha2::{Digest, Sha256};
    let source = std::fs::read(article).expect("the article");
    let sha: String = Sha256::digest(&source)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let text = std::str::from_utf8(&source).expect("UTF-8");
    let quote = "numbers in front of us";
    let start = text.find(quote).expect("the quote is in the sample");
    format!(
        r#"version = 1

[article]
source = "sample\u001b]0;title\u0007.txt"
sha256 = "{sha}"
title = "Harbor \u001b[2J city"

[[highlight]]
id = "h0000000001"
kind = "quote"
text = "{quote}"
start = {start}
end = {end}
speaker = "Elena \u001b]0;title\u0007Varga"
note = "evil \u001b]52;c;cm0gLXJm\u0007 \u001b[2J \u009b31m \u202egnp.exe\nsecond line"
tags = ["a\u001b[31mred", "plain"]
status = "unchecked"
created = 2026-01-01T00:00:00Z
updated = 2026-01-01T00:00:00Z
"#,
        end = start + quote.len()
    )
}

#[test]
fn escape_sequences_in_a_highlights_file_stay_out_of_listings_and_exports() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(dir.path());
    let sidecar = dir.path().join("sample.txt.hearsay.toml");
    let written = hostile_sidecar(&article);
    std::fs::write(&sidecar, &written).expect("write the sidecar");
    let out = run_in(dir.path(), &["highlights".as_ref(), article.as_os_str()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains("Varga"), "{listing}");
    assert!(listing.contains("evil"), "{listing}");
    assert!(listing.contains("plain"), "{listing}");
    assert_inert("hearsay highlights", &out.stdout);
    let export = |format: &str, to: Option<&Path>| {
        let mut args = vec![
            "export".as_ref(),
            article.as_os_str(),
            "--format".as_ref(),
            format.as_ref(),
        ];
        if let Some(file) = to {
            args.extend(["-o".as_ref(), file.as_os_str()]);
        }
        let out = run_in(dir.path(), &args);
        assert!(out.status.success(), "{format} {to:?}");
        out.stdout
    };
    for format in ["md", "csv", "json", "toml"] {
        let stdout = export(format, None);
        let text = String::from_utf8_lossy(&stdout);
        assert!(text.contains("evil"), "{format}: {text}");
        assert!(text.contains("second line"), "{format}: {text}");
        assert_inert(&format!("export --format {format}"), &stdout);
        if format == "toml" {
            // the note keeps its content, escaped rather than dropped
            assert!(text.contains(r"\u001B]52;c;cm0gLXJm\u0007"), "{text}");
        }
        // to a file, too: `cat`ting the export must be as safe
        let file = dir.path().join(format!("out.{format}"));
        export(format, Some(&file));
        assert_inert(
            &format!("export --format {format} -o"),
            &std::fs::read(&file).expect("the export"),
        );
    }
    // and listing and exporting never touched the file
    assert_eq!(std::fs::read_to_string(&sidecar).expect("sidecar"), written);
}

#[test]
fn a_closed_standard_error_is_not_a_crash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("articles");
    std::fs::create_dir(&folder).expect("mkdir");
    for i in 0..3 {
        std::fs::write(folder.join(format!("empty{i}.txt")), "\n").expect("write");
    }
    let missing = dir.path().join("missing.txt");
    for args in [
        vec!["analyze".as_ref(), folder.as_os_str()],
        vec![missing.as_os_str()],
        vec!["analyze".as_ref(), missing.as_os_str()],
    ] {
        // `hearsay … 2>&1 | head -c 0`: both outputs go to a pipe nobody reads
        let mut child = Command::new(BIN)
            .args(&args)
            .current_dir(dir.path())
            .env("HOME", dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("config"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hearsay starts");
        drop(child.stderr.take());
        drop(child.stdout.take());
        let status = child.wait().expect("hearsay ends");
        assert_eq!(
            status.code(),
            Some(1),
            "{args:?}: a failure exit, not a crash ({status})"
        );
    }
}

#[test]
fn a_utf16_article_with_a_byte_order_mark_is_read() {
    let text = "Ferry talks stall\n\nThe union said on Monday that it was \u{201c}ready to talk\u{201d}.\n";
    for (name, bytes) in [
        (
            "little-endian",
            [0xff, 0xfe]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
                .collect::<Vec<u8>>(),
        ),
        (
            "big-endian",
            [0xfe, 0xff]
                .into_iter()
                .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
                .collect::<Vec<u8>>(),
        ),
    ] {
        let doc = hearsay::document::open(&bytes, Some("notes.txt"), None)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            doc.meta.title.as_deref(),
            Some("Ferry talks stall"),
            "{name}"
        );
        let body: Vec<&str> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
        assert_eq!(
            body,
            ["The union said on Monday that it was \u{201c}ready to talk\u{201d}."],
            "{name}"
        );
        assert!(
            doc.source.starts_with("Ferry"),
            "{name}: no BOM in the text"
        );
    }
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_reading_position() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    let mut s = pty::hearsay(&[&article])
        .size(80, 24)
        .home(home.path())
        .start();
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    s.send("jjjjjjjjjjjj");
    s.wait_for("scrolling", |t| {
        !t.lines().next().unwrap_or_default().contains("Harbor city")
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert!(s.alternate_screen());
    s.signal("TERM");
    s.wait_exit();
    s.assert_restored();
    let kept = pty::kept_reading_files(home.path());
    assert_eq!(kept.len(), 1, "the reading position was saved: {kept:?}");
    let saved = std::fs::read_to_string(&kept[0]).expect("read");
    assert!(saved.contains("[reading]"), "{saved}");
}

/// The reader on a copy of the sample in `dir`, analysed and laid out at 120x40, its
/// highlights in `location` (beside the article when `None`).
fn reader_on_sample(
    dir: &Path,
    location: Option<hearsay::annotations::store::Location>,
) -> hearsay::tui::App {
    use hearsay::annotations::{Origin, Store};
    use hearsay::tui::app::Input;
    let article = pty::copy_sample(dir);
    let bytes = std::fs::read(&article).expect("read");
    let doc = hearsay::document::open(&bytes, Some("sample.txt"), None).expect("open");
    let origin = Origin::File(article);
    let store = match location {
        Some(l) => Ok(Store::open_at(&doc, &origin, l)),
        None => Store::open(&doc, &origin, None),
    };
    let sources = hearsay::tui::Sources::analyze(&doc);
    let config = hearsay::config::Config::embedded();
    let mut app = hearsay::tui::App::new(doc, "sample.txt", config, &[]);
    app.attach_highlights(store);
    app.set_sources(sources);
    app.handle(Input::Resize {
        width: 120,
        height: 40,
    });
    app
}

/// Types `text` into the reader, character by character, as a terminal would send it.
fn type_text(app: &mut hearsay::tui::App, text: &str) {
    use hearsay::keymap::{Key, KeyCode, Mods};
    for c in text.chars() {
        app.handle(hearsay::tui::app::Input::Key(Key::new(
            KeyCode::Char(c),
            Mods::default(),
        )));
    }
}

#[test]
fn bidi_controls_typed_into_a_note_are_not_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = reader_on_sample(dir.path(), None);
    app.press("] h a").expect("keys");
    type_text(&mut app, "pay\u{202e}gnp.exe\u{2066}x\u{2069}");
    app.press("ctrl-s").expect("keys");
    let file = std::fs::read_to_string(dir.path().join("sample.txt.hearsay.toml"))
        .expect("the note was saved");
    let saved: toml::Table = toml::from_str(&file).expect("TOML");
    let note = saved["highlight"][0]["note"].as_str().expect("a note");
    assert_eq!(note, "paygnp.exex");
}

#[test]
fn a_note_or_tags_that_could_not_be_saved_are_not_said_to_be_saved() {
    use hearsay::annotations::store::{Location, LocationKind};
    use hearsay::tui::app::MessageKind;
    // a folder nobody, not even root, can create, and that reads as missing
    let proc = Path::new("/proc/self");
    if !proc.is_dir() {
        eprintln!("skipped: needs /proc for a folder that cannot be created");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let location = Location {
        path: proc.join("hearsay-highlights/sample.toml"),
        kind: LocationKind::Configured,
    };
    let mut app = reader_on_sample(dir.path(), Some(location));
    let failure_shown = |app: &hearsay::tui::App, after: &str| {
        let m = app.message().cloned().expect("a message");
        assert!(m.text.contains("not saved"), "after {after}: {m:?}");
        assert_eq!(m.kind, MessageKind::Warning, "after {after}: {m:?}");
    };
    app.press("] h").expect("keys");
    failure_shown(&app, "the highlight");
    app.press("a").expect("keys");
    type_text(&mut app, "check the minutes");
    app.press("ctrl-s").expect("keys");
    failure_shown(&app, "the note");
    app.press("t").expect("keys");
    type_text(&mut app, "budget");
    app.press("enter").expect("keys");
    failure_shown(&app, "the tags");
}

#[test]
fn an_endless_input_stops_at_the_size_limit() {
    if !Path::new("/dev/zero").exists() {
        eprintln!("skipped: no /dev/zero");
        return;
    }
    let home = tempfile::tempdir().expect("temp dir");
    for args in ["analyze /dev/zero", "analyze - < /dev/zero"] {
        let out = with_memory_cap(home.path(), args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args}: {err}");
        assert!(err.contains("over the 256 MB limit"), "{args}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
}

/// Runs `hearsay ARGS` (a shell command line) with HOME in `home` and at most 3 GB of
/// address space, so that a failure is an error here and not a machine out of memory.
fn with_memory_cap(home: &Path, args: &str) -> Output {
    Command::new("sh")
        .args(["-c", &format!("ulimit -v 3000000; exec '{BIN}' {args}")])
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .output()
        .expect("sh runs")
}

#[test]
fn the_reader_refuses_to_draw_into_a_pipe_or_a_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out.txt");
    // keys from the terminal, the picture into a file: the reader would run blind
    let script = format!("'{BIN}' assets/sample.txt > '{}'", out.display());
    let mut s = pty::hearsay(&["-c", &script])
        .program("sh")
        .timeout(std::time::Duration::from_secs(5))
        .start();
    assert!(!s.wait_exit(), "a failure exit");
    let screen = s.screen();
    assert!(
        screen.contains("hearsay: standard output is not a terminal"),
        "{screen}"
    );
    assert!(
        screen.contains("hearsay analyze"),
        "says what to do: {screen}"
    );
    s.assert_restored();
    let written = std::fs::read(&out).expect("the output file");
    assert!(
        written.is_empty(),
        "{:?}",
        String::from_utf8_lossy(&written)
    );
}

#[test]
fn a_pasted_note_of_several_paragraphs_is_text_not_commands() {
    let home = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(home.path());
    let mut s = pty::hearsay(&[&article])
        .size(120, 40)
        .home(home.path())
        .cwd(home.path())
        .start();
    s.wait_for("the analysis", pty::analysis_shown);
    assert!(
        s.with_screen(|screen| screen.bracketed_paste()),
        "the reader asks the terminal to mark pastes"
    );
    s.send("]");
    s.wait_for("the first quote", |t| {
        t.lines().last().unwrap_or_default().contains(" 1/")
    });
    s.send("h");
    s.wait_for("the highlight", |t| t.contains("highlighted "));
    s.send("a");
    s.wait_for("the note editor", |t| t.contains("ctrl-s"));
    // a blank line would save the note, and the rest would run as commands:
    // S (sidebar), e (export), c (check status), d (delete), q (quit)
    let note = "First paragraph.\n\nSecond: see the exhibit, check dates, quit.\r\n\tend";
    s.send(&format!("\x1b[200~{note}\x1b[201~"));
    s.wait_for("the pasted note", |t| t.contains("quit."));
    s.send("\x13"); // ctrl-s
    s.wait_for("the note saved", |t| t.contains("note saved"));
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
    assert!(!s.with_screen(|screen| screen.bracketed_paste()));
    let file = std::fs::read_to_string(home.path().join("sample.txt.hearsay.toml"))
        .expect("the highlights file");
    let saved: toml::Table = toml::from_str(&file).expect("TOML");
    let h = saved["highlight"].as_array().expect("highlights");
    assert_eq!(h.len(), 1, "{file}");
    assert_eq!(
        h[0]["note"].as_str(),
        Some("First paragraph.\n\nSecond: see the exhibit, check dates, quit.\n end"),
        "{file}"
    );
    assert_eq!(h[0]["status"].as_str(), Some("unchecked"), "{file}");
    assert!(
        !home.path().join("sample.txt.hearsay.md").exists(),
        "nothing was exported"
    );
}

#[test]
fn a_paste_goes_into_the_search_or_tags_prompt_on_one_line_and_nowhere_else() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = reader_on_sample(dir.path(), None);
    // in the article a paste is not a string of commands
    app.paste("G q d");
    assert!(!app.should_quit);
    assert_eq!(app.reader.top, 0, "not scrolled");
    app.press("/").expect("keys");
    app.paste("board\nmembers\u{1b}[2J");
    assert_eq!(app.prompt(), Some("board members[2J"));
    app.press("esc ] h t").expect("keys");
    app.paste("budget,\r\nwater");
    app.press("enter").expect("keys");
    let file = std::fs::read_to_string(dir.path().join("sample.txt.hearsay.toml"))
        .expect("the highlights file");
    let saved: toml::Table = toml::from_str(&file).expect("TOML");
    let tags = saved["highlight"][0]["tags"].as_array().expect("tags");
    let tags: Vec<&str> = tags.iter().filter_map(|t| t.as_str()).collect();
    assert_eq!(tags, ["budget", "water"]);
}

/// `hearsay export ARTICLE -o TARGET` in `dir`.
fn export_to(dir: &Path, article: &Path, target: &Path) -> Output {
    run_in(
        dir,
        &[
            "export".as_ref(),
            article.as_os_str(),
            "-o".as_ref(),
            target.as_os_str(),
        ],
    )
}

#[test]
fn an_export_never_overwrites_the_article_or_its_highlights() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(dir.path());
    let sidecar = dir.path().join("sample.txt.hearsay.toml");
    std::fs::write(&sidecar, hostile_sidecar(&article)).expect("write the sidecar");
    let (before_article, before_sidecar) = (
        std::fs::read(&article).expect("read"),
        std::fs::read(&sidecar).expect("read"),
    );
    // the same files by other names, too
    let other_name = dir.path().join(".").join("sample.txt.hearsay.toml");
    for target in [&sidecar, &article, &other_name] {
        let out = export_to(dir.path(), &article, target);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{target:?}: {err}");
        assert!(err.contains("would overwrite"), "{err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    }
    assert_eq!(std::fs::read(&article).expect("read"), before_article);
    assert_eq!(std::fs::read(&sidecar).expect("read"), before_sidecar);
}

#[test]
fn an_error_and_its_cause_are_said_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(dir.path());
    let target = dir.path().join("no-such-folder/out.md");
    let out = export_to(dir.path(), &article, &target);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("could not write"), "{err}");
    assert_eq!(err.matches("No such file or directory").count(), 1, "{err}");
}

#[test]
fn the_config_option_may_stand_before_a_subcommand() {
    let dir = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(dir.path());
    let config = dir.path().join("c.toml");
    std::fs::write(&config, "measure = 5\n").expect("write");
    for args in [
        vec![
            "--config".as_ref(),
            config.as_os_str(),
            "highlights".as_ref(),
            article.as_os_str(),
        ],
        vec![
            "highlights".as_ref(),
            article.as_os_str(),
            "--config".as_ref(),
            config.as_os_str(),
        ],
    ] {
        let out = run_in(dir.path(), &args);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{args:?}: {err}");
        assert!(err.contains("c.toml:1:11"), "the config was read: {err}");
    }
}

#[test]
fn an_endless_highlights_file_is_refused_and_left_alone() {
    if !Path::new("/dev/zero").exists() {
        eprintln!("skipped: no /dev/zero");
        return;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let article = pty::copy_sample(dir.path());
    let sidecar = dir.path().join("sample.txt.hearsay.toml");
    std::os::unix::fs::symlink("/dev/zero", &sidecar).expect("a link");
    let out = with_memory_cap(dir.path(), &format!("highlights '{}'", article.display()));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("too large for a highlights file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&sidecar)
            .expect("still there")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn next_quote_before_the_analysis_arrives_does_not_say_there_are_none() {
    use hearsay::tui::app::Input;
    let doc = hearsay::document::open(
        &std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt"))
            .expect("the sample"),
        Some("sample.txt"),
        None,
    )
    .expect("open");
    let config = hearsay::config::Config::embedded();
    let mut app = hearsay::tui::App::new(doc, "sample.txt", config, &[]);
    app.handle(Input::Resize {
        width: 120,
        height: 40,
    });
    // the analysis thread has not reported yet
    app.press("]").expect("keys");
    let m = app.message().cloned().expect("a message");
    assert!(
        !m.text.contains("no quotes or claims found"),
        "the sample has 20 quotes: {m:?}"
    );
    assert!(m.text.contains("still finding"), "{m:?}");
    assert!(!app.analysed());
    // once it has, `]` goes to the first quote
    app.set_sources(hearsay::tui::Sources::analyze(&app.doc));
    app.press("]").expect("keys");
    let m = app.message().cloned().expect("a message");
    assert!(m.text.contains("1/"), "{m:?}");
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_takes_it_again() {
    // (here the reader has no job-control shell above it, so the stop is ignored and it
    // carries on at once; in a shell it stops until `fg`, checked by hand in tmux)
    let home = tempfile::tempdir().expect("temp dir");
    let mut s = pty::hearsay(&["assets/sample.txt"])
        .size(100, 30)
        .home(home.path())
        .start();
    s.wait_for("the headline", |t| t.contains("Harbor city weighed"));
    let before = s.bytes().len();
    s.send("\u{1a}");
    s.wait_for("the reader back after the stop", |_| {
        let after = s.bytes()[before..].to_vec();
        let text = String::from_utf8_lossy(&after);
        let left = text.find("\u{1b}[?1049l");
        let back = text.rfind("\u{1b}[?1049h");
        matches!((left, back), (Some(l), Some(b)) if l < b)
    });
    s.wait_for("the article drawn again", |t| {
        t.contains("Harbor city weighed")
    });
    assert!(s.alternate_screen());
    s.send("q");
    assert!(s.wait_exit());
    s.assert_restored();
}
