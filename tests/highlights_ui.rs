//! Highlights in the reader without a terminal: keys driving `App` (`press`) against a real
//! highlights file in a temporary folder, and `TestBackend` snapshots of a highlighted
//! article and of the note editor.

use hearsay::annotations::{Location, LocationKind, Origin, Status, Store};
use hearsay::config::Config;
use hearsay::document::{Document, open};
use hearsay::keymap::Context;
use hearsay::tui::{App, Sources};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use std::path::{Path, PathBuf};

const SAMPLE: &[u8] = include_bytes!("../assets/sample.txt");

/// An original fictional article with quotes and plain sentences.
const STORY: &str = "Ferry fares rise again on the northern route\n\n\
The council approved a third fare increase in two years on Monday. Many commuters \
from the islands were upset. The vote was five to two.\n\n\
\"We cannot keep paying more for a boat that is late,\" said Ines Duarte, who \
crosses every morning. Others agreed with her.\n\n\
The harbour master said the new boats would arrive in spring. \"The schedule \
will be fixed by then,\" he said.\n";

fn doc(text: &[u8]) -> Document {
    open(text, Some("story.txt"), None).expect("the article opens")
}

/// A reader on `text` with its analysis and a highlights file in `dir`.
fn reader(text: &[u8], dir: &Path, w: u16, h: u16) -> App {
    let d = doc(text);
    let store = Store::open_at(&d, &Origin::File("story.txt".into()), location(dir));
    let sources = Sources::analyze(&d);
    let mut app = App::new(d, "story.txt", Config::default(), &[]);
    app.attach_highlights(Ok(store));
    app.set_sources(sources);
    app.resize(w, h);
    app
}

fn location(dir: &Path) -> Location {
    Location {
        path: dir.join("story.txt.hearsay.toml"),
        kind: LocationKind::Sidecar,
    }
}

fn file(dir: &Path) -> PathBuf {
    location(dir).path
}

fn saved(dir: &Path) -> String {
    std::fs::read_to_string(file(dir)).unwrap_or_default()
}

fn press(app: &mut App, keys: &str) {
    app.press(keys).expect("valid key notation");
}

fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(hearsay::tui::app::Input::Key(hearsay::keymap::Key::plain(
            hearsay::keymap::KeyCode::Char(c),
        )));
    }
}

/// Scrolls down until the top line starts with `start`.
fn to_line(app: &mut App, start: &str) {
    while !app.top_text().starts_with(start) {
        let top = app.reader.top;
        press(app, "j");
        assert!(
            app.reader.top > top,
            "no line starting {start:?} reached the top"
        );
    }
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draw");
    t
}

fn text_of(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn status(app: &mut App) -> String {
    let t = draw(app);
    text_of(t.backend().buffer())
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

/// The text drawn with background `bg`, joined.
fn with_bg(buf: &Buffer, bg: Color) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            if buf[(x, y)].bg == bg {
                out.push_str(buf[(x, y)].symbol());
            }
        }
        out.push(' ');
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn h_highlights_the_current_quote_with_its_speaker_and_saves() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "]");
    assert!(
        status(&mut app).contains("Ines Duarte"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "a");
    let store = app.marks.store.as_ref().unwrap();
    assert_eq!(store.highlights().len(), 1);
    let h = &store.highlights()[0];
    assert_eq!(h.kind.as_str(), "quote");
    assert!(h.text.contains("We cannot keep paying more"), "{}", h.text);
    assert_eq!(h.speaker.as_deref(), Some("Ines Duarte"));
    assert_eq!(h.status, Some(Status::Unchecked));
    let file = saved(dir.path());
    assert!(file.contains("We cannot keep paying more"), "{file}");
    assert!(
        status(&mut app).contains("highlighted quote"),
        "{}",
        status(&mut app)
    );
    // the current quote, now highlighted, shows the highlight colour (not reverse video)
    let t = draw(&mut app);
    let buf = t.backend().buffer();
    let marked = with_bg(buf, Color::LightGreen);
    assert!(marked.contains("We cannot keep paying more"), "{marked}");
    let reversed = buf
        .content()
        .iter()
        .filter(|c| c.bg == Color::LightGreen)
        .any(|c| c.modifier.contains(ratatui::style::Modifier::REVERSED));
    assert!(!reversed);
    // again: nothing new
    press(&mut app, "a");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights().len(), 1);
    assert!(status(&mut app).contains("already highlighted"));
}

#[test]
fn h_without_a_quote_highlights_the_sentence_at_the_top() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 8);
    // the first body line is below the headline and the rule: scroll it to the top
    to_line(&mut app, "The council");
    press(&mut app, "a");
    let store = app.marks.store.as_ref().unwrap();
    let h = &store.highlights()[0];
    assert_eq!(h.kind.as_str(), "passage");
    assert_eq!(
        h.text,
        "The council approved a third fare increase in two years on Monday."
    );
    assert_eq!(h.speaker, None);
}

#[test]
fn v_selects_sentences_and_paragraphs_and_esc_cancels() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 8);
    to_line(&mut app, "The council");
    press(&mut app, "A j");
    assert_eq!(app.context(), Context::Selection);
    press(&mut app, "esc");
    assert_eq!(app.context(), Context::Article);
    assert!(app.marks.store.as_ref().unwrap().highlights().is_empty());

    press(&mut app, "A j j k enter");
    let h = app.marks.store.as_ref().unwrap().highlights()[0].clone();
    assert!(h.text.starts_with("The council approved"), "{}", h.text);
    assert!(h.text.ends_with("were upset."), "{}", h.text);

    // } runs to the end of the paragraph, then of the next one
    press(&mut app, "U");
    assert!(app.marks.store.as_ref().unwrap().highlights().is_empty());
    press(&mut app, "A } } a");
    let h = app.marks.store.as_ref().unwrap().highlights()[0].clone();
    assert!(h.text.starts_with("The council approved"), "{}", h.text);
    assert!(h.text.ends_with("Others agreed with her."), "{}", h.text);
    assert!(h.text.contains("\n\n"), "paragraphs split by a blank line");
}

#[test]
fn a_edits_a_multiline_unicode_note_and_esc_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "] a i");
    assert_eq!(app.context(), Context::Editor);
    typ(&mut app, "Vérifier: été 🚢");
    press(&mut app, "enter");
    typ(&mut app, "second lne");
    press(&mut app, "left left");
    typ(&mut app, "i");
    press(&mut app, "end enter enter");
    assert_eq!(
        app.context(),
        Context::Article,
        "enter on an empty line saves"
    );
    let note = app.marks.store.as_ref().unwrap().highlights()[0]
        .note
        .clone();
    assert_eq!(note, "Vérifier: été 🚢\nsecond line");
    assert!(saved(dir.path()).contains("second line"));

    // q typed in the editor is text, not quit; esc cancels
    press(&mut app, "i");
    typ(&mut app, " q");
    assert!(!app.should_quit);
    press(&mut app, "esc");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights()[0].note, note);

    // ctrl-s saves, u undoes
    press(&mut app, "i backspace backspace backspace backspace ctrl-s");
    assert_eq!(
        app.marks.store.as_ref().unwrap().highlights()[0].note,
        "Vérifier: été 🚢\nsecond"
    );
    press(&mut app, "U");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights()[0].note, note);
    assert!(saved(dir.path()).contains("second line"), "undo is saved");
}

#[test]
fn tags_delete_undo_status_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 160, 24);
    press(&mut app, "] a #");
    assert_eq!(app.context(), Context::Prompt);
    typ(&mut app, "fares, commute ,fares,");
    press(&mut app, "enter");
    let h = app.marks.store.as_ref().unwrap().highlights()[0].clone();
    assert_eq!(h.tags, vec!["fares".to_string(), "commute".to_string()]);

    press(&mut app, "c");
    assert!(
        status(&mut app).contains("status: verified"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "c c");
    let stop = app.sources.stops[app.reader.current.unwrap()].clone();
    assert_eq!(
        app.claim_status(stop.block, stop.range.clone()),
        Some(Status::False)
    );
    assert!(saved(dir.path()).contains("status = \"false\""));
    // ] and [ show the status of a checked quote
    press(&mut app, "] [");
    assert!(status(&mut app).contains("· false"), "{}", status(&mut app));

    press(&mut app, "x");
    assert!(app.marks.store.as_ref().unwrap().highlights().is_empty());
    assert!(
        status(&mut app).contains("U to undo"),
        "{}",
        status(&mut app)
    );
    assert!(!saved(dir.path()).contains("We cannot"));
    press(&mut app, "U");
    let back = app.marks.store.as_ref().unwrap().highlights()[0].clone();
    assert_eq!(back.tags, h.tags);
    assert_eq!(back.status, Some(Status::False));
    assert!(saved(dir.path()).contains("We cannot"));

    press(&mut app, "X");
    let md = dir.path().join("story.txt.hearsay.md");
    let text = std::fs::read_to_string(&md).expect("export written");
    assert!(text.contains("We cannot keep paying more"), "{text}");
    assert!(
        status(&mut app).contains("exported 1 highlight"),
        "{}",
        status(&mut app)
    );
}

#[test]
fn the_sidebar_shows_the_check_status_beside_the_claim() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 120, 30);
    assert!(app.areas().sidebar.is_some());
    press(&mut app, "] a");
    let row = |app: &mut App| {
        text_of(draw(app).backend().buffer())
            .lines()
            .find(|l| l.contains('▸'))
            .unwrap_or_default()
            .to_string()
    };
    let r = row(&mut app);
    assert!(r.contains("☐ "), "{r}");
    press(&mut app, "c");
    let r = row(&mut app);
    assert!(r.contains("✓ "), "{r}");
    press(&mut app, "c c");
    let r = row(&mut app);
    assert!(r.contains("✗ "), "{r}");
}

#[test]
fn a_and_c_on_a_quote_not_yet_highlighted_highlight_it_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 160, 24);
    press(&mut app, "] i");
    assert_eq!(app.context(), Context::Editor);
    typ(&mut app, "late again");
    press(&mut app, "ctrl-s ] c");
    let hs = app.marks.store.as_ref().unwrap().highlights().to_vec();
    assert_eq!(hs.len(), 2);
    assert_eq!(hs[0].note, "late again");
    assert_eq!(hs[1].status, Some(Status::Verified));
    // undo takes back the status, then the highlight
    press(&mut app, "U U");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights().len(), 1);
}

#[test]
fn two_readers_on_one_article_keep_each_others_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let mut one = reader(STORY.as_bytes(), dir.path(), 160, 24);
    let mut two = reader(STORY.as_bytes(), dir.path(), 160, 24);
    press(&mut one, "] a");
    press(&mut two, "] ] a");
    assert!(
        status(&mut two).contains("from another window: 1"),
        "{}",
        status(&mut two)
    );
    assert_eq!(two.marks.store.as_ref().unwrap().highlights().len(), 2);
    press(&mut one, "q");
    let file = saved(dir.path());
    assert_eq!(file.matches("[[highlight]]").count(), 2, "{file}");
}

#[test]
fn list_jumps_edits_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "] a ] a");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights().len(), 2);
    press(&mut app, "g L");
    assert_eq!(app.context(), Context::Highlights);
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("Highlights (2)"), "{screen}");
    assert!(screen.contains("Ines Duarte"), "{screen}");
    // issue 13: a quote brings its own marks; the list adds no second pair
    assert!(screen.contains("\"We cannot"), "{screen}");
    assert!(
        !screen.contains("\"\"") && !screen.contains("““"),
        "{screen}"
    );
    press(&mut app, "j i");
    typ(&mut app, "spring?");
    press(&mut app, "ctrl-s");
    assert_eq!(app.context(), Context::Highlights, "back in the list");
    let hs = app.marks.store.as_ref().unwrap().highlights().to_vec();
    assert_eq!(hs[1].note, "spring?");
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("spring?"), "{screen}");
    press(&mut app, "k x");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights().len(), 1);
    press(&mut app, "enter");
    assert_eq!(app.context(), Context::Article);
    assert_eq!(app.cursor_id().as_deref(), Some(hs[1].id.as_str()));
}

#[test]
fn reading_position_is_saved_on_quit_and_restored() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(SAMPLE, dir.path(), 80, 24);
    press(&mut app, "] a g j j j j j j j j j j j j");
    let first_text = |app: &App| {
        (app.reader.top..app.reader.page.lines.len())
            .map(|i| app.reader.page.text(&app.doc, i).to_string())
            .find(|t| !t.is_empty() && !t.starts_with("Photo:"))
            .unwrap_or_default()
    };
    let top = first_text(&app);
    assert!(!top.is_empty());
    press(&mut app, "q");
    assert!(app.should_quit);
    assert!(saved(dir.path()).contains("[reading]"));
    let again = reader(SAMPLE, dir.path(), 80, 24);
    assert_eq!(first_text(&again), top);
    assert!(again.reader.top > 0);
}

#[test]
fn an_edited_article_says_what_moved_and_lists_the_orphan() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
        // Ines Duarte's quote, then (past the harbour master's claim about the boats) his
        // quote about the schedule
        press(&mut app, "] a ] ] a");
    }
    // a paragraph inserted before both, and the harbour master's quote cut
    let edited = STORY
        .replace(
            "The council approved",
            "A late correction was added here.\n\nThe council approved",
        )
        .replace(
            " \"The schedule will be fixed by then,\" he said.",
            " He did not say more.",
        );
    let mut app = reader(edited.as_bytes(), dir.path(), 160, 24);
    let line = status(&mut app);
    assert!(line.contains("re-anchored"), "{line}");
    assert!(
        line.contains("highlights saved in 'story.txt.hearsay.toml'"),
        "{line}"
    );
    let store = app.marks.store.as_ref().unwrap();
    let orphans = store
        .highlights()
        .iter()
        .filter(|h| h.anchor.is_orphaned())
        .count();
    assert_eq!((store.highlights().len(), orphans), (2, 1));
    assert!(
        line.contains("1 highlight re-anchored, 1 orphaned"),
        "{line}"
    );
    press(&mut app, "L");
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("[orphaned]"), "{screen}");
    assert!(screen.contains("We cannot keep paying"), "{screen}");
    // enter on the orphan says so instead of jumping
    press(&mut app, "G enter");
    assert!(
        status(&mut app).contains("orphaned"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "L");
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("We cannot keep paying"), "{screen}");
}

#[test]
fn reading_alone_leaves_no_file_beside_the_article_and_is_remembered_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let open_reading = |app: &mut App| {
        let d = doc(SAMPLE);
        let loc = Location {
            path: data.path().join("by-hash.toml"),
            kind: LocationKind::DataDir,
        };
        app.attach_reading_store(Store::open_at(&d, &Origin::File("story.txt".into()), loc));
    };
    let mut app = reader(SAMPLE, dir.path(), 80, 24);
    open_reading(&mut app);
    press(&mut app, "j j j j j j j j j j j j j j j q");
    assert!(app.should_quit);
    let top = app.reader.top;
    assert!(!file(dir.path()).exists(), "nothing beside the article");
    let kept = std::fs::read_to_string(data.path().join("by-hash.toml")).unwrap();
    assert!(kept.contains("[reading]"), "{kept}");
    let mut again = reader(SAMPLE, dir.path(), 80, 24);
    assert_eq!(again.reader.top, 0);
    open_reading(&mut again);
    assert_eq!(again.reader.top, top, "back where the reader left");
}

#[test]
fn a_broken_file_is_read_only_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let broken = "version = 1\n[[highlight]]\nid = \n";
    std::fs::write(file(dir.path()), broken).unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 200, 24);
    assert!(
        status(&mut app).contains("broken at line 3"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "] a");
    assert!(
        status(&mut app).contains("read-only"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "X");
    assert!(
        status(&mut app).contains("nothing exported"),
        "{}",
        status(&mut app)
    );
    assert!(!dir.path().join("story.txt.hearsay.md").exists());
    press(&mut app, "j q");
    assert_eq!(saved(dir.path()), broken);
}

#[test]
fn escape_sequences_in_notes_never_reach_the_screen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
        press(&mut app, "] a");
    }
    let text = saved(dir.path()).replace(
        "status = \"unchecked\"",
        "status = \"unchecked\"\nnote = \"evil \\u001b]52;c;AAAA\\u0007 \\u001b[2J done\"\ntags = [\"\\u001b[31mred\"]",
    );
    std::fs::write(file(dir.path()), text).unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "L");
    let buf = draw(&mut app).backend().buffer().clone();
    let screen = text_of(&buf);
    assert!(screen.contains("evil ␛]52;c;AAAA␇ ␛[2J done"), "{screen}");
    assert!(screen.contains("#␛[31mred"), "{screen}");
    for cell in buf.content() {
        assert!(!cell.symbol().chars().any(char::is_control), "{cell:?}");
    }
    press(&mut app, "i");
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("␛[2J"), "{screen}");
}

#[test]
fn highlight_keys_can_be_remapped() {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(STORY.as_bytes());
    let store = Store::open_at(&d, &Origin::File("story.txt".into()), location(dir.path()));
    let user = hearsay::config::UserConfig::parse(
        "[keys.article]\n\"m\" = \"highlight\"\n[keys.editor]\n\"ctrl-w\" = \"save_note\"\n",
        Path::new("test.toml"),
    )
    .unwrap();
    let config = Config::default().merged(user);
    let sources = Sources::analyze(&d);
    let mut app = App::new(d, "story.txt", config, &[]);
    app.attach_highlights(Ok(store));
    app.set_sources(sources);
    press(&mut app, "] m i");
    typ(&mut app, "ok");
    press(&mut app, "ctrl-w");
    let h = &app.marks.store.as_ref().unwrap().highlights()[0];
    assert_eq!(h.note, "ok");
    let help = hearsay::tui::widgets::help::rows(&app.config.keymap);
    let listed = help.iter().any(|r| {
        matches!(r, hearsay::tui::widgets::help::HelpRow::Binding { keys, what }
            if keys.contains('m') && what.contains("highlight"))
    });
    assert!(listed, "the help lists the new key");
}

// ---- snapshots ----

#[test]
fn snapshot_highlighted_article_with_a_note_mark() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "] a i");
    typ(&mut app, "Ask the council for the timetable data");
    press(&mut app, "ctrl-s ] a");
    // a fresh reader: nothing current, the saved highlights drawn
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    let t = draw(&mut app);
    let buf = t.backend().buffer();
    let marked = with_bg(buf, Color::LightGreen);
    let hs = app.marks.store.as_ref().unwrap().highlights().to_vec();
    assert_eq!(hs.len(), 2);
    assert!(marked.contains("We cannot keep paying more"), "{marked}");
    let second: String = hs[1]
        .text
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(marked.contains(&second), "{marked} / {second}");
    insta::assert_snapshot!(t.backend());
}

#[test]
fn snapshot_note_editor() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 80, 24);
    press(&mut app, "] a i");
    typ(&mut app, "First line of the note");
    press(&mut app, "enter");
    typ(
        &mut app,
        "Zweite Zeile: Grüße 🚢 and a line long enough to wrap inside the box",
    );
    press(&mut app, "home right");
    insta::assert_snapshot!(draw(&mut app).backend());
}

/// Issue 13: the hint of the sentence selection stays while moving (it went after `j`).
#[test]
fn the_selection_hint_stays_while_selecting() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 100, 24);
    press(&mut app, "A");
    assert!(
        status(&mut app).contains("selecting"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "j j");
    assert!(
        status(&mut app).contains("selecting"),
        "{}",
        status(&mut app)
    );
    press(&mut app, "esc");
    assert!(!status(&mut app).contains("selecting: j/k"));
}

/// Issue 13: at start the reader does not say highlights are saved in a file that does not
/// exist; the first save says where they went.
#[test]
fn no_file_no_claim_that_highlights_are_saved_in_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY.as_bytes(), dir.path(), 160, 24);
    let line = status(&mut app);
    assert!(!line.contains("saved in"), "{line}");
    assert!(!file(dir.path()).exists());
    press(&mut app, "] a");
    let line = status(&mut app);
    assert!(file(dir.path()).exists());
    assert!(
        line.contains("saved in 'story.txt.hearsay.toml'"),
        "the first save says where: {line}"
    );
    // once the file exists, the next start says so
    let mut again = reader(STORY.as_bytes(), dir.path(), 100, 24);
    let line = status(&mut again);
    assert!(
        line.contains("highlights saved in 'story.txt.hearsay.toml'"),
        "{line}"
    );
}

/// Issue 13: for standard input the highlights file is named by the article's hash; the
/// status bar shows it shortened, not cut mid-hash, and the message log keeps it whole.
#[test]
fn a_hash_named_highlights_file_is_shortened_not_cut() {
    let dir = tempfile::tempdir().unwrap();
    let d = doc(STORY.as_bytes());
    let probe = Store::open_at(&d, &Origin::Stdin, location(dir.path()));
    let sha = probe.article().sha256.clone();
    assert_eq!(sha.len(), 64);
    let at = || Location {
        path: dir.path().join("highlights").join(format!("{sha}.toml")),
        kind: LocationKind::DataDir,
    };
    let open = |w: u16| {
        let d = doc(STORY.as_bytes());
        let store = Store::open_at(&d, &Origin::Stdin, at());
        let sources = Sources::analyze(&d);
        let mut app = App::new(d, "standard input", Config::default(), &[]);
        app.attach_highlights(Ok(store));
        app.set_sources(sources);
        app.resize(w, 24);
        app
    };
    let mut app = open(120);
    press(&mut app, "] a");
    assert!(at().path.exists());
    let mut app = open(120);
    let line = status(&mut app);
    assert!(line.contains(&format!("{}…", &sha[..8])), "{line}");
    assert!(!line.contains(&sha[..9]), "{line}");
    assert!(
        app.status.log.iter().any(|m| m.text.contains(&sha)),
        "the message log has the whole path"
    );
}

#[test]
fn read_only_highlights_never_say_where_they_are_saved() {
    // a folder where the file should be; a file over the read limit; a file of another
    // article behind a link: each is read-only, and the status bar says that, not "saved in"
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("folder");
    std::fs::create_dir_all(folder.join("story.txt.hearsay.toml")).expect("mkdir");
    let big = dir.path().join("big");
    std::fs::create_dir_all(&big).expect("mkdir");
    let f = std::fs::File::create(file(&big)).expect("create");
    f.set_len(hearsay::annotations::store::MAX_FILE + 1)
        .expect("grow");
    for place in [folder, big] {
        let d = doc(STORY.as_bytes());
        let store = Store::open_at(&d, &Origin::File("story.txt".into()), location(&place));
        assert!(store.is_read_only());
        let mut app = App::new(d, "story.txt", Config::default(), &[]);
        app.attach_highlights(Ok(store));
        let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
        assert!(!said.contains("saved in"), "{said}");
        assert!(said.contains("story.txt.hearsay.toml"), "{said}");
        press(&mut app, "a");
        let said = app.message().map(|m| m.text.clone()).unwrap_or_default();
        assert!(said.contains("read-only"), "{said}");
    }
}

/// Issue 17: the reader draws the article and answers keys while its highlights are still
/// being opened (a file of 180,000 takes seconds); highlight keys say so; once the store
/// arrives they work, the change is saved on the saver's thread, and quitting waits for it.
#[test]
fn the_first_frame_and_keys_never_wait_for_the_highlights_to_load() {
    use hearsay::annotations::saver::{Place, open_in_background};
    use hearsay::diff::snapshot::AtOpen;
    let dir = tempfile::tempdir().unwrap();
    let d = std::sync::Arc::new(doc(STORY.as_bytes()));
    // the loading thread stops until the test lets it go on: a store that takes for ever
    let (go_on, gate) = std::sync::mpsc::channel::<()>();
    let origin = Origin::File("story.txt".into());
    let loading = open_in_background(&d, origin.clone(), Place::At(location(dir.path())), 3, {
        move |_| {
            let _ = gate.recv();
            AtOpen::default()
        }
    });
    let mut app = App::new(
        std::sync::Arc::clone(&d),
        "story.txt",
        Config::default(),
        &[],
    );
    app.attach_loading(loading, origin);
    app.resize(100, 30);
    let screen = text_of(draw(&mut app).backend().buffer());
    assert!(screen.contains("Ferry fares rise again"), "{screen}");
    assert!(app.is_busy());
    press(&mut app, "j a");
    let line = status(&mut app);
    assert!(line.contains("still loading"), "{line}");
    go_on.send(()).unwrap();
    for _ in 0..1000 {
        app.poll_background();
        if app.marks.store.is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(app.marks.store.is_some(), "the store never arrived");
    press(&mut app, "a");
    let line = status(&mut app);
    assert!(line.contains("highlighted "), "{line}");
    assert!(app.finish_saves().is_none());
    assert!(saved(dir.path()).contains("[[highlight]]"));
}
