//! The diff view without a terminal: `App` driven by keys, drawn to a `TestBackend`
//! (the new version with words marked, the grouped change list, `]`/`[`, Esc back), and the
//! reader's "changed since you highlighted it" message with `D` opening the view.

use hearsay::config::Config;
use hearsay::diff::{Diff, Options, compare_documents};
use hearsay::document::ingest;
use hearsay::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::{Color, Modifier};

const OLD: &str = include_str!("fixtures/diff/lighthouse.txt");
const NEW: &str = include_str!("fixtures/diff/lighthouse-v2.txt");

fn diff() -> Diff {
    compare_documents(
        &ingest(OLD.into()),
        &ingest(NEW.into()),
        &Options::default(),
    )
}

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(
        ingest(NEW.into()),
        "lighthouse-v2.txt",
        Config::default(),
        &[],
    );
    app.resize(w, h);
    app
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draw");
    t
}

fn text(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

/// The cells of the first occurrence of `word` in the text pane (the left 70 columns).
fn cells_of(t: &Terminal<TestBackend>, word: &str) -> Vec<ratatui::buffer::Cell> {
    let buf = t.backend().buffer();
    let w = buf.area.width.min(70);
    for y in 0..buf.area.height {
        let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
        if let Some(at) = line.find(word) {
            let col = line[..at].chars().count() as u16;
            return (col..col + word.chars().count() as u16)
                .map(|x| buf[(x, y)].clone())
                .collect();
        }
    }
    panic!("{word:?} not on screen:\n{}", text(t));
}

#[test]
fn the_view_marks_words_lists_changes_and_steps_through_them() {
    let mut app = app(110, 40);
    app.open_diff(diff());
    assert!(app.layers.has("diff"));
    let t = draw(&mut app);
    let screen = text(&t);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[0].contains("What changed: 1 quote added, 1 reworded, 1 source now named"),
        "{screen}"
    );
    // the change list, grouped
    for heading in [
        "Headline, dek, byline, date",
        "Quotes",
        "Speakers",
        "Paragraphs",
    ] {
        assert!(screen.contains(heading), "{heading}\n{screen}");
    }
    assert!(screen.contains("source now named (An official"), "{screen}");
    assert!(lines[39].contains("8 changes"), "{}", lines[39]);
    // inserted words are underlined green, deleted ones struck out red
    let truly = cells_of(&t, "truly");
    assert!(
        truly
            .iter()
            .all(|c| c.fg == Color::Green && c.modifier.contains(Modifier::UNDERLINED))
    );
    let official = cells_of(&t, "An official involved");
    assert!(
        official
            .iter()
            .all(|c| c.fg == Color::Red && c.modifier.contains(Modifier::CROSSED_OUT))
    );
    let kept = cells_of(&t, "twelve people had applied");
    assert!(
        kept.iter()
            .all(|c| !c.modifier.contains(Modifier::CROSSED_OUT))
    );

    // ] goes to the first change, then on; [ back; round at the ends
    app.press("]").expect("keys");
    let screen = text(&draw(&mut app));
    assert!(
        screen
            .lines()
            .last()
            .unwrap_or("")
            .contains("change 1/8: headline changed"),
        "{screen}"
    );
    app.press("] ] ]").expect("keys");
    let screen = text(&draw(&mut app));
    assert!(
        screen
            .lines()
            .last()
            .unwrap_or("")
            .contains("change 4/8: source now named"),
        "{screen}"
    );
    assert!(
        screen.contains("▶"),
        "the change's paragraph is marked\n{screen}"
    );
    app.press("[ [ [ [").expect("keys");
    let screen = text(&draw(&mut app));
    assert!(
        screen.lines().last().unwrap_or("").contains("change 8/8"),
        "{screen}"
    );

    // Esc goes back to the reader on the new version
    app.press("esc").expect("keys");
    assert!(!app.layers.has("diff"));
    let screen = text(&draw(&mut app));
    assert!(
        screen.contains("Keepers go back to the Skarvik Point light"),
        "{screen}"
    );
    // and D opens it again
    app.press("D").expect("keys");
    assert!(app.layers.has("diff"));
}

#[test]
fn a_narrow_screen_keeps_the_text_and_drops_the_list() {
    let mut app = app(50, 16);
    app.open_diff(diff());
    let screen = text(&draw(&mut app));
    assert!(screen.contains("What changed"), "{screen}");
    assert!(!screen.contains("Paragraphs"), "{screen}");
    app.press("G ]").expect("keys");
    let screen = text(&draw(&mut app));
    assert!(
        screen.lines().last().unwrap_or("").contains("change 1/8"),
        "{screen}"
    );
    // a tiny terminal draws without panicking
    app.resize(3, 2);
    draw(&mut app);
}

#[test]
fn the_reader_says_the_text_changed_and_d_opens_the_diff() {
    let mut app = app(100, 24);
    app.press("D").expect("keys");
    assert!(!app.layers.has("diff"));
    let msg = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert!(msg.starts_with("no earlier version"), "{msg}");

    app.offer_diff(diff());
    let msg = app.message().map(|m| m.text.clone()).unwrap_or_default();
    assert_eq!(
        msg,
        "changed since you highlighted it: 1 quote added, 1 reworded, 1 source now named, \
         1 speaker added, headline changed, 2 paragraphs edited, 1 added · D shows what changed"
    );
    app.press("D").expect("keys");
    assert!(app.layers.has("diff"));
    app.press("D").expect("keys");
    assert!(!app.layers.has("diff"), "D closes it again");
    // q from the view quits
    app.press("D q").expect("keys");
    assert!(app.should_quit);
}
