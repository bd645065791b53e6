//! Corrections and copying in the reader without a terminal: keys driving `App` against a
//! real highlights file in a temporary folder.

use hearsay::annotations::{Location, LocationKind, Origin, Store};
use hearsay::config::Config;
use hearsay::document::{Document, open};
use hearsay::tui::App;
use hearsay::tui::corrections::corrected_sources;
use std::path::Path;

/// A fictional article: a named commuter, a harbour master, a council.
const STORY: &str = "Ferry fares rise again on the northern route\n\n\
The council approved a third fare increase in two years on Monday. Many commuters \
from the islands were upset.\n\n\
\"We cannot keep paying more for a boat that is late,\" said Ines Duarte, who \
crosses every morning. Others agreed with her.\n\n\
The harbour master said the new boats would arrive in spring. \"The schedule \
will be fixed by then,\" he said.\n";

fn doc(text: &str) -> Document {
    open(text.as_bytes(), Some("story.txt"), None).expect("the article opens")
}

fn location(dir: &Path) -> Location {
    Location {
        path: dir.join("story.txt.hearsay.toml"),
        kind: LocationKind::Sidecar,
    }
}

/// A reader on `text` with a highlights file in `dir`, its saved corrections applied as
/// the reader applies them at start.
fn reader(text: &str, dir: &Path) -> App {
    let d = doc(text);
    let store = Store::open_at(&d, &Origin::File("story.txt".into()), location(dir));
    let sources = corrected_sources(&d, store.corrections().list());
    let mut app = App::new(d, "story.txt", Config::default(), &[]);
    app.attach_highlights(Ok(store));
    app.set_sources(sources);
    app.resize(120, 30);
    app
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

/// The speaker of the current stop.
fn current_speaker(app: &App) -> Option<String> {
    let stop = &app.sources.stops[app.reader.current?];
    stop.speaker.map(|s| app.sources.speakers[s].name.clone())
}

fn message(app: &App) -> String {
    app.message().map(|m| m.text.clone()).unwrap_or_default()
}

/// Goes to the stop of Ines Duarte's quotation.
fn to_duarte(app: &mut App) {
    for _ in 0..app.sources.stops.len() {
        press(app, "]");
        if current_speaker(app).as_deref() == Some("Ines Duarte") {
            return;
        }
    }
    panic!("no stop by Ines Duarte");
}

/// Goes to the stop whose text starts with `start`.
fn to_text(app: &mut App, start: &str) {
    for _ in 0..app.sources.stops.len() {
        press(app, "]");
        let stop = &app.sources.stops[app.reader.current.unwrap()];
        let text = &app.doc.blocks[stop.block].text[stop.range.clone()];
        if text.starts_with(start) {
            return;
        }
    }
    panic!("no stop starting {start:?}");
}

#[test]
fn reassign_to_a_new_anonymous_speaker_then_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    let anonymous = app.sources.sourcing.anonymous;
    to_duarte(&mut app);
    press(&mut app, "C");
    assert!(app.layers.has("correct"));
    typ(&mut app, "r");
    typ(&mut app, "a ferry regular");
    // Tab cycles the new speaker's kind: person → organization → group → anonymous
    press(&mut app, "tab tab tab");
    press(&mut app, "enter");
    assert!(!app.layers.has("correct"));
    assert_eq!(current_speaker(&app).as_deref(), Some("a ferry regular"));
    assert!(
        message(&app).starts_with("corrected: "),
        "{}",
        message(&app)
    );
    assert_eq!(app.sources.sourcing.anonymous, anonymous + 1);
    let i = app.reader.current.unwrap();
    assert!(app.sources.corrected.stop(i));
    let saved = std::fs::read_to_string(location(dir.path()).path).unwrap();
    assert!(saved.contains("[[correction]]"), "{saved}");
    assert!(saved.contains("speaker_kind = \"anonymous\""), "{saved}");
    // the sidebar's speakers: the new one is there, Ines Duarte is not (no other claim)
    assert!(
        app.sources
            .speakers
            .iter()
            .any(|s| s.name == "a ferry regular")
    );
    // a fresh reader applies it before anything is drawn
    let again = reader(STORY, dir.path());
    assert!(
        again
            .sources
            .speakers
            .iter()
            .any(|s| s.name == "a ferry regular")
    );
    // undo
    press(&mut app, "U");
    assert!(
        message(&app).starts_with("undone: correction"),
        "{}",
        message(&app)
    );
    assert_eq!(current_speaker(&app).as_deref(), Some("Ines Duarte"));
    assert_eq!(app.sources.sourcing.anonymous, anonymous);
    let saved = std::fs::read_to_string(location(dir.path()).path).unwrap();
    assert!(!saved.contains("[[correction]]"), "{saved}");
}

#[test]
fn the_picker_filters_existing_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    // the engine credits "he said" (the harbour master) to Ines Duarte: fix both quotes
    to_duarte(&mut app);
    press(&mut app, "C");
    typ(&mut app, "r");
    typ(&mut app, "Ole Lund");
    press(&mut app, "enter");
    let speakers = app.sources.speakers.len();
    to_text(&mut app, "\"The schedule");
    press(&mut app, "C");
    typ(&mut app, "r");
    typ(&mut app, "lun");
    assert_eq!(app.prompt(), Some("lun"));
    press(&mut app, "enter");
    assert_eq!(current_speaker(&app).as_deref(), Some("Ole Lund"));
    // no new speaker "lun": the existing one was picked
    assert!(app.sources.speakers.len() <= speakers);
    assert!(!app.sources.speakers.iter().any(|s| s.name == "lun"));
    let lund = app
        .sources
        .speakers
        .iter()
        .find(|s| s.name == "Ole Lund")
        .unwrap();
    assert_eq!(lund.quotes, 2);
}

#[test]
fn not_an_attribution_and_undo_in_order_with_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    let stops = app.sources.stops.len();
    to_duarte(&mut app);
    // a highlight, then a correction: U undoes the correction first, then the highlight
    press(&mut app, "a");
    press(&mut app, "C");
    typ(&mut app, "n");
    assert_eq!(app.sources.stops.len(), stops - 1);
    press(&mut app, "U");
    assert_eq!(app.sources.stops.len(), stops);
    let store = app.marks.store.as_ref().unwrap();
    assert_eq!(store.highlights().len(), 1, "the highlight stays");
    press(&mut app, "U");
    assert_eq!(app.marks.store.as_ref().unwrap().highlights().len(), 0);
}

#[test]
fn merge_and_rename_from_the_menu_and_add_from_a_selection() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    to_duarte(&mut app);
    press(&mut app, "C");
    typ(&mut app, "R");
    for _ in 0.."Ines Duarte".len() {
        press(&mut app, "backspace");
    }
    typ(&mut app, "Ines M. Duarte");
    press(&mut app, "enter");
    assert_eq!(current_speaker(&app).as_deref(), Some("Ines M. Duarte"));
    // v then A: an attribution of the sentence at the top, to a picked speaker
    press(&mut app, "g A A");
    assert!(app.layers.has("correct"));
    typ(&mut app, "Ines M");
    press(&mut app, "enter");
    let store = app.marks.store.as_ref().unwrap();
    let actions: Vec<&str> = store
        .corrections()
        .list()
        .iter()
        .map(|c| c.action.as_str())
        .collect();
    assert_eq!(actions, ["rename", "add"]);
    let duarte = app
        .sources
        .speakers
        .iter()
        .find(|s| s.name == "Ines M. Duarte")
        .unwrap();
    assert!(duarte.claims >= 2, "{duarte:?}");
}

#[test]
fn y_asks_the_terminal_for_the_clipboard_with_the_formatted_quote() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    press(&mut app, "Y");
    assert!(app.take_terminal_out().is_empty(), "nothing current yet");
    to_duarte(&mut app);
    press(&mut app, "Y");
    let out = app.take_terminal_out();
    let want = hearsay::annotations::clipboard::osc52(
        "“We cannot keep paying more for a boat that is late,” said Ines Duarte",
        std::env::var("TMUX").is_ok_and(|t| !t.is_empty()),
    )
    .unwrap();
    if std::env::var("TERM").is_ok_and(|t| matches!(t.as_str(), "linux" | "dumb")) {
        eprintln!("skipped: this TERM refuses OSC 52");
        return;
    }
    assert_eq!(out, [want]);
    assert!(
        message(&app).starts_with("copied the quote"),
        "{}",
        message(&app)
    );
}

#[test]
fn the_sidebar_marks_what_was_corrected() {
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    let dir = tempfile::tempdir().unwrap();
    let mut app = reader(STORY, dir.path());
    to_duarte(&mut app);
    let draw = |app: &mut App| {
        let mut t = Terminal::new(TestBackend::new(120, 30)).unwrap();
        t.draw(|f| f.render_widget(&mut *app, f.area())).unwrap();
        format!("{:?}", t.backend().buffer())
    };
    assert!(!draw(&mut app).contains('†'));
    press(&mut app, "C");
    typ(&mut app, "r");
    typ(&mut app, "Ole Lund");
    press(&mut app, "enter");
    let screen = draw(&mut app);
    assert!(screen.contains("†Ole Lund"), "the speaker is marked");
    assert!(screen.contains("“ †"), "the claim is marked");
}

/// `C` with nothing to correct names the keys that select sentences and add an attribution
/// as the config binds them (it said "v then A" after selecting moved to `A`, when `v` did
/// nothing).
#[test]
fn nothing_to_correct_names_the_keys_bound_to_select_and_add() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = reader(STORY, dir.path());
    press(&mut app, "C");
    let said = message(&app);
    assert!(said.contains("A then A adds an attribution"), "{said}");
    let mut config = Config::default();
    config.keymap.bind(
        hearsay::keymap::Context::Article,
        hearsay::keymap::Key::parse("v").expect("a key"),
        hearsay::keymap::Action::StartSelection,
    );
    let mut app = App::new(doc(STORY), "story.txt", config, &[]);
    app.resize(120, 30);
    press(&mut app, "C");
    let said = message(&app);
    assert!(said.contains("v then A adds an attribution"), "{said}");
    // the sentence selected with v takes the attribution with A
    press(&mut app, "v");
    assert!(app.layers.has("selection"), "{:?}", app.layers);
}
