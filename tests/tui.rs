//! The reader without a terminal: key → state tests driving `App`, and `TestBackend`
//! snapshots of the screen with the bundled sample article.

use hearsay::config::Config;
use hearsay::document::{Document, open};
use hearsay::tui::App;
use hearsay::tui::app::Input;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

const SAMPLE: &[u8] = include_bytes!("../assets/sample.txt");

fn sample() -> Document {
    open(SAMPLE, Some("sample.txt"), None).expect("the sample opens")
}

fn app_at(doc: Document, w: u16, h: u16) -> App {
    let mut app = App::new(doc, "sample.txt", Config::default(), &[]);
    app.resize(w, h);
    app
}

fn sample_app(w: u16, h: u16) -> App {
    app_at(sample(), w, h)
}

fn draw(app: &mut App) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draw");
    t
}

fn screen_text(app: &mut App) -> String {
    let t = draw(app);
    buffer_text(t.backend().buffer())
}

fn buffer_text(buf: &Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn press(app: &mut App, keys: &str) {
    app.press(keys).expect("valid key notation");
}

fn status_line(app: &mut App) -> String {
    let text = screen_text(app);
    text.lines().last().unwrap_or_default().to_string()
}

// ---- key → state ----

#[test]
fn j_k_g_and_shift_g_move_through_the_article() {
    let mut app = sample_app(100, 30);
    assert_eq!(app.reader.top, 0);
    press(&mut app, "j j");
    assert_eq!(app.reader.top, 2);
    press(&mut app, "k");
    assert_eq!(app.reader.top, 1);
    press(&mut app, "G");
    assert!(app.reader.top > 20, "top {}", app.reader.top);
    assert_eq!(app.percent(), 100);
    assert!(status_line(&mut app).contains("100%"));
    press(&mut app, "j");
    assert_eq!(app.percent(), 100, "cannot scroll past the end");
    press(&mut app, "g");
    assert_eq!((app.reader.top, app.percent()), (0, 0));
    press(&mut app, "down down up");
    assert_eq!(app.reader.top, 1);
}

#[test]
fn pages_move_by_a_screen_less_two_lines() {
    let mut app = sample_app(100, 30);
    let body = app.body_height();
    press(&mut app, "space");
    assert_eq!(app.reader.top, body - 2);
    press(&mut app, "pagedown");
    assert_eq!(app.reader.top, 2 * (body - 2));
    press(&mut app, "b pageup");
    assert_eq!(app.reader.top, 0);
    press(&mut app, "ctrl-d");
    assert_eq!(app.reader.top, body / 2);
}

#[test]
fn braces_go_to_paragraph_starts() {
    let mut app = sample_app(100, 30);
    let doc = sample();
    press(&mut app, "}");
    let b = app.top_block().expect("a block is on top");
    assert_eq!(app.anchor(), (b, 0), "top line is a block's first line");
    press(&mut app, "}");
    let b2 = app.top_block().unwrap();
    assert!(b2 > b);
    assert!(doc.blocks[b2].text.starts_with(app.top_text()));
    press(&mut app, "{");
    assert_eq!(app.top_block(), Some(b));
    press(&mut app, "{ { { {");
    assert_eq!(app.reader.top, 0);
    assert!(status_line(&mut app).contains("first paragraph"));
}

#[test]
fn search_highlights_every_match_and_n_moves_between_them() {
    let mut app = sample_app(100, 30);
    press(&mut app, "/ b o a r d");
    assert!(app.prompt().is_some());
    assert!(status_line(&mut app).starts_with("/board"));
    press(&mut app, "enter");
    assert!(app.prompt().is_none());
    let s = app.reader.search.clone().expect("a search");
    let n = s.matches.len();
    assert!(n >= 4, "the sample mentions the board often: {n}");
    assert_eq!(s.current, Some(0));
    assert!(status_line(&mut app).contains(&format!("match 1/{n} for 'board'")));
    // every visible match is drawn in the match style, the current one differently
    let t = draw(&mut app);
    let buf = t.backend().buffer();
    let text = buffer_text(buf);
    let styled = |style: ratatui::style::Style| {
        buf.content()
            .iter()
            .filter(|c| Some(c.bg) == style.bg && Some(c.fg) == style.fg)
            .count()
    };
    let body: Vec<&str> = text.lines().collect();
    let body = body[..body.len() - 1].join("\n");
    let visible = body.to_lowercase().matches("board").count();
    assert!(visible >= 2, "{text}");
    assert_eq!(styled(app.styles.current_match), 5);
    assert_eq!(styled(app.styles.search_match), 5 * (visible - 1));
    press(&mut app, "n");
    assert_eq!(app.reader.search.as_ref().unwrap().current, Some(1));
    press(&mut app, "N N");
    assert_eq!(app.reader.search.as_ref().unwrap().current, Some(0));
    assert!(status_line(&mut app).contains("no matches for 'board' above"));
    press(&mut app, "N");
    assert_eq!(app.reader.search.as_ref().unwrap().current, Some(n - 1));
    assert!(status_line(&mut app).contains("continued from the bottom"));
    // the current match is on screen
    let m = &app.reader.search.as_ref().unwrap().matches[n - 1];
    let line = app
        .reader
        .page
        .line_of_text(m.block, m.range.start)
        .unwrap();
    assert!(app.visible().contains(&line));
    press(&mut app, "esc");
    assert!(app.reader.search.is_none());
}

#[test]
fn search_is_smart_case_and_reports_misses() {
    let mut app = sample_app(100, 30);
    press(&mut app, "/ o k a f o r enter");
    let lower = app.reader.search.as_ref().unwrap().matches.len();
    press(&mut app, "/ O k a f o r enter");
    let upper = app.reader.search.as_ref().unwrap().matches.len();
    assert_eq!(lower, upper, "the name is always capitalised");
    press(&mut app, "/ o K A F enter");
    assert_eq!(app.reader.search.as_ref().unwrap().matches.len(), 0);
    assert!(status_line(&mut app).contains("no match for 'oKAF'"));
    press(&mut app, "n");
    assert!(status_line(&mut app).contains("no match"));
}

#[test]
fn esc_in_the_prompt_restores_the_place_and_typing_q_does_not_quit() {
    let mut app = sample_app(100, 30);
    press(&mut app, "j j j");
    let before = app.reader.top;
    press(&mut app, "/ c o n t r i b u t e d");
    assert_ne!(
        app.reader.top, before,
        "incremental search moved to the match"
    );
    press(&mut app, "backspace backspace q");
    assert!(!app.should_quit);
    assert_eq!(app.prompt().unwrap(), "contributq");
    press(&mut app, "esc");
    assert_eq!(app.reader.top, before);
    assert!(app.prompt().is_none() && app.reader.search.is_none());
    press(&mut app, "n");
    assert!(status_line(&mut app).contains("press / to search"));
}

#[test]
fn help_lists_the_live_keymap_and_esc_closes_it() {
    let mut config = Config::default();
    let x = hearsay::keymap::Key::parse("x").unwrap();
    config.keymap.bind(
        hearsay::keymap::Context::Article,
        x,
        hearsay::keymap::Action::Bottom,
    );
    let mut app = App::new(sample(), "sample.txt", config, &[]);
    app.resize(100, 40);
    press(&mut app, "h");
    assert!(app.layers.has("help"));
    let text = screen_text(&mut app);
    assert!(text.contains("g, home"), "{text}");
    assert!(text.contains("G, x, end"), "{text}");
    assert!(text.contains("go to the bottom"));
    press(&mut app, "j");
    assert_eq!(app.reader.top, 0, "keys scroll the help, not the article");
    press(&mut app, "esc");
    assert!(!app.layers.has("help"));
    press(&mut app, "h h");
    assert!(!app.layers.has("help"));
    press(&mut app, "x");
    assert_eq!(app.percent(), 100);
}

/// Issue 13: a message log reached by `M` or `:messages`; less's `:q` and vim's `:help`.
/// The command line is a prompt like the search's: Esc leaves it, an unknown command says
/// which ones there are.
#[test]
fn the_command_line_opens_the_messages_and_help_and_quits() {
    let mut app = sample_app(100, 30);
    press(&mut app, "=");
    press(&mut app, ":");
    assert_eq!(app.prompt(), Some(""));
    assert!(status_line(&mut app).starts_with(':'), "the prompt shows");
    press(&mut app, "m e s s a g e s enter");
    assert!(app.layers.has("messages"), "{:?}", app.layers);
    assert!(!app.layers.has("command"), "the prompt closed");
    assert!(
        screen_text(&mut app).contains("lines 1–"),
        "the log shows what = said"
    );
    press(&mut app, "q");
    assert!(!app.layers.has("messages") && !app.should_quit);
    press(&mut app, ": h e l p enter");
    assert!(app.layers.has("help"));
    press(&mut app, "G");
    let help = screen_text(&mut app);
    assert!(
        help.contains(":messages, :mes") && help.contains(":q, :quit"),
        "the help lists the commands: {help}"
    );
    press(&mut app, "esc");
    // typed letters are text, not keys: j does not scroll, q does not quit
    press(&mut app, ": j q x");
    assert_eq!((app.reader.top, app.should_quit), (0, false));
    assert_eq!(app.prompt(), Some("jqx"));
    press(&mut app, "enter");
    assert!(app.prompt().is_none());
    let said = status_line(&mut app);
    assert!(said.contains("':jqx': no such command"), "{said}");
    press(&mut app, ": w esc");
    assert!(app.prompt().is_none() && app.layers.is_empty());
    press(&mut app, ": enter");
    assert!(
        app.layers.is_empty(),
        "an empty command only closes the prompt"
    );
    press(&mut app, ": q enter");
    assert!(app.should_quit);
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut app = sample_app(80, 24);
    press(&mut app, "q");
    assert!(app.should_quit);
    let mut app = sample_app(80, 24);
    press(&mut app, "h ctrl-c");
    assert!(app.should_quit);
    let mut app = sample_app(80, 24);
    press(&mut app, "/ q");
    assert!(!app.should_quit, "q is typed into the prompt");
    press(&mut app, "ctrl-c");
    assert!(app.should_quit, "ctrl-c quits from the prompt");
}

#[test]
fn resize_keeps_the_place() {
    let mut app = sample_app(100, 30);
    press(&mut app, "} } } } } j");
    let anchor = app.anchor();
    let (block, offset) = anchor;
    let top_text = app.top_text().to_string();
    for (w, h) in [(60, 20), (40, 12), (150, 50), (25, 6)] {
        app.resize(w, h);
        assert_eq!(app.top_block(), Some(block), "at {w}x{h}");
        let line = app.reader.page.line_of_text(block, offset).unwrap();
        assert_eq!(
            line, app.reader.top,
            "the anchored text is on the top line at {w}x{h}"
        );
    }
    app.resize(100, 30);
    assert_eq!(app.top_text(), top_text);
    assert_eq!(app.anchor(), anchor);
}

#[test]
fn mouse_wheel_scrolls() {
    let mut app = sample_app(100, 30);
    app.handle(Input::Wheel {
        column: 50,
        row: 10,
        down: true,
    });
    assert_eq!(app.reader.top, 3);
    app.handle(Input::Wheel {
        column: 50,
        row: 10,
        down: false,
    });
    assert_eq!(app.reader.top, 0);
}

#[test]
fn body_is_capped_at_the_measure_and_centred() {
    let config = Config {
        measure: 40,
        ..Config::default()
    };
    let mut app = App::new(sample(), "s", config, &[]);
    app.resize(100, 30);
    press(&mut app, "S");
    assert!(app.areas().sidebar.is_none(), "S hid the sidebar");
    let text = screen_text(&mut app);
    for line in text.lines().take(28) {
        let t = line.trim_end();
        if t.trim().is_empty() {
            continue;
        }
        let indent = t.len() - t.trim_start().len();
        assert!(indent >= 30, "centred: {line:?}");
        assert!(t.chars().count() <= 30 + 40, "{line:?}");
    }
}

#[test]
fn document_warnings_show_in_the_status_bar() {
    let doc = open(
        b"A title\n\nSome caf\xe9 text that is not UTF-8.\n",
        None,
        None,
    )
    .unwrap();
    let mut app = app_at(doc, 100, 10);
    let status = status_line(&mut app);
    assert!(status.contains("not valid UTF-8"), "{status}");
}

#[test]
fn tiny_terminals_show_a_message_and_never_panic() {
    let mut app = sample_app(80, 24);
    press(&mut app, "/ b o a r d enter h");
    for w in 0..=24 {
        for h in 0..=8 {
            app.resize(w, h);
            if w > 0 && h > 0 {
                let _ = screen_text(&mut app);
            }
            press(&mut app, "j G } {");
        }
    }
    app.resize(12, 3);
    assert!(screen_text(&mut app).contains("Terminal to"));
    app.resize(1, 1);
    assert_eq!(screen_text(&mut app), "T\n");
}

// ---- snapshots ----

#[test]
fn snapshot_sample_100x30() {
    let mut app = sample_app(100, 30);
    insta::assert_snapshot!(draw(&mut app).backend());
}

#[test]
fn snapshot_sample_60x20() {
    let mut app = sample_app(60, 20);
    insta::assert_snapshot!(draw(&mut app).backend());
}

#[test]
fn snapshot_search_60x20() {
    let mut app = sample_app(60, 20);
    press(&mut app, "G / i n t a k e");
    insta::assert_snapshot!(draw(&mut app).backend());
}

#[test]
fn snapshot_help_100x30() {
    let mut app = sample_app(100, 30);
    press(&mut app, "h");
    insta::assert_snapshot!(draw(&mut app).backend());
}

#[test]
fn the_search_prompt_drops_typed_bidi_and_control_characters() {
    use hearsay::keymap::{Key, KeyCode, Mods};
    let mut app = sample_app(100, 30);
    press(&mut app, "/ b");
    for c in ['\u{202e}', '\u{1b}', '\u{9b}', '\u{2066}'] {
        app.handle(Input::Key(Key::new(KeyCode::Char(c), Mods::default())));
    }
    press(&mut app, "o a r d");
    assert_eq!(app.prompt().unwrap(), "board");
}

/// Issue 13: less's movement keys and counts.
#[test]
fn less_movement_keys_and_counts_work() {
    let mut app = sample_app(80, 24);
    let body = app.body_height();
    let page = body - 2;
    for (keys, top) in [
        ("f", page),
        ("b", 0),
        ("ctrl-f", page),
        ("ctrl-b", 0),
        ("space", page),
        ("g d", body / 2),
        ("u", 0),
        ("e e", 2),
        ("y", 1),
        ("ctrl-e", 2),
        ("ctrl-y", 1),
        ("g 5 j", 5),
        ("2 k", 3),
        ("2 0 g", 19),
        ("1 g", 0),
        ("3 f", 3),
        ("3 b", 0),
        ("1 2 d", 12),
        ("4 u", 8),
    ] {
        press(&mut app, keys);
        assert_eq!(app.reader.top, top, "after {keys}");
    }
    let lines = app.reader.page.lines.len();
    press(&mut app, "5 0 %");
    assert_eq!(app.reader.top, (lines / 2).min(app.reader.max_top()), "50%");
    press(&mut app, "g 2 5 p");
    assert_eq!(app.reader.top, lines / 4, "25p");
    press(&mut app, "=");
    let said = status_line(&mut app);
    assert!(
        said.contains(&format!("lines {}–", lines / 4 + 1))
            && said.contains(&format!("of {lines}")),
        "{said}"
    );
    press(&mut app, "G");
    assert_eq!(app.percent(), 100);
    press(&mut app, "1 0 0 j");
    assert_eq!(app.percent(), 100, "a count cannot scroll past the end");
    // a count is for the next key only
    press(&mut app, "g 3 / enter j");
    assert_eq!(app.reader.top, 1);
}

/// Issue 13: `?` searches backwards (n goes up), and Up/Down in the prompt go through the
/// searches made before.
#[test]
fn question_mark_searches_backwards_and_the_prompt_keeps_a_history() {
    let mut app = sample_app(80, 24);
    press(&mut app, "/ b o a r d enter");
    press(&mut app, "G");
    let top = app.anchor();
    press(&mut app, "? b o a r d enter");
    let s = app.reader.search.clone().expect("a search");
    let last = s.current.expect("a match");
    let at = |i: usize| (s.matches[i].block, s.matches[i].range.start);
    assert!(
        at(last) < top,
        "above the top of the screen, as less searches"
    );
    assert!(
        (last + 1..s.matches.len()).all(|i| at(i) >= top),
        "the nearest one"
    );
    press(&mut app, "n");
    assert_eq!(
        app.reader.search.as_ref().unwrap().current,
        Some(last - 1),
        "n goes up"
    );
    press(&mut app, "N");
    assert_eq!(
        app.reader.search.as_ref().unwrap().current,
        Some(last),
        "N goes down"
    );
    press(&mut app, "/ f e r r y enter");
    press(&mut app, "/ up");
    assert_eq!(app.prompt(), Some("ferry"));
    press(&mut app, "up");
    assert_eq!(app.prompt(), Some("board"));
    press(&mut app, "up");
    assert_eq!(app.prompt(), Some("board"), "the oldest stays");
    press(&mut app, "down");
    assert_eq!(app.prompt(), Some("ferry"));
    press(&mut app, "down");
    assert_eq!(app.prompt(), Some(""));
    let said = status_line(&mut app);
    assert!(said.starts_with("/"), "{said}");
}

/// Issue 13: a key bound to nothing says so instead of doing nothing silently.
#[test]
fn an_unbound_key_says_it_does_nothing() {
    let mut app = sample_app(80, 24);
    press(&mut app, "Z");
    assert!(
        status_line(&mut app).contains("Z: no action · h for help"),
        "{}",
        status_line(&mut app)
    );
    press(&mut app, "ctrl-t");
    assert!(status_line(&mut app).contains("ctrl-t: no action"));
}

/// Issue 13: `q` in the help closes the help (as in less); ctrl-c still quits.
#[test]
fn q_in_the_help_closes_the_help() {
    let mut app = sample_app(100, 30);
    press(&mut app, "h");
    assert!(app.layers.has("help"));
    // not clipped at 100 columns: scroll to the global keys and read a long line whole
    press(&mut app, "G");
    let text = screen_text(&mut app);
    assert!(
        text.contains("close overlay, prompt, filter or search"),
        "{text}"
    );
    press(&mut app, "q");
    assert!(!app.layers.has("help"));
    assert!(!app.should_quit);
    press(&mut app, "h ctrl-c");
    assert!(app.should_quit);
}

/// Issue 13: at exactly 100 columns the article keeps its reading measure (it was squeezed
/// to 58 columns beside the sidebar); the sidebar docks where there is room for both, and
/// takes a bounded share of the width.
#[test]
fn the_reading_measure_comes_first_at_100_columns() {
    let app = sample_app(100, 30);
    let a = app.areas();
    assert_eq!(a.text.width, 80, "{a:?}");
    assert!(
        a.sidebar.is_none(),
        "the sidebar is drawn over the article here (S)"
    );
    for (w, docked) in [(120, true), (140, true), (200, true)] {
        let app = sample_app(w, 40);
        let a = app.areas();
        assert_eq!(a.sidebar.is_some(), docked, "at {w}");
        assert_eq!(a.text.width, 80, "the measure at {w}");
        let sw = a.sidebar.unwrap().width;
        assert!((28..=56).contains(&sw), "a bounded share at {w}: {sw}");
        assert!(sw <= w * 3 / 10, "a share of the width at {w}: {sw}");
    }
}

/// Issue 17: an action the config left without a key is not shown with `?` as its key (`?`
/// searches backwards): the start hint and the sidebar's hints leave it out.
#[test]
fn hints_never_show_a_stand_in_for_an_unbound_action() {
    let user = hearsay::config::UserConfig::parse(
        "[keys.global]\n\"h\" = \"next_match\"\n\"f1\" = \"next_match\"\n\"]\" = \"next_match\"\n\
         \"o\" = \"next_match\"\n",
        std::path::Path::new("test.toml"),
    )
    .expect("a valid config");
    let mut app = App::new(sample(), "sample.txt", Config::default().merged(user), &[]);
    app.resize(140, 30);
    let start = status_line(&mut app);
    assert!(start.contains("tab speakers · q quit"), "{start}");
    assert!(!start.contains('?'), "{start}");
    assert!(
        !start.contains("help") && !start.contains("quotes"),
        "{start}"
    );
    press(&mut app, "tab");
    let speakers = status_line(&mut app);
    assert!(speakers.contains("speakers: j/k choose"), "{speakers}");
    assert!(!speakers.contains('?'), "{speakers}");
    assert!(!speakers.contains("sort"), "{speakers}");
}

/// The help's headings and its legend of marks name no key: they said "(after v)" and "(H)"
/// after those overlays moved to `A` and `L`, and a key can be bound elsewhere. The key
/// that opens an overlay is listed with its action.
#[test]
fn help_headings_and_legend_name_no_key() {
    use hearsay::tui::widgets::help::{HelpRow, rows};
    let names_a_key = |h: &str| {
        h.split('(').skip(1).any(|rest| {
            let inside = rest.split(')').next().unwrap_or("");
            let inside = inside.strip_prefix("after ").unwrap_or(inside);
            inside.chars().count() == 1
        })
    };
    for row in rows(&Config::default().keymap) {
        if let HelpRow::Heading(h) = row {
            assert!(!names_a_key(h), "{h}");
        }
    }
    for (mark, what) in hearsay::tui::strings::marks().into_iter().flatten() {
        assert!(!names_a_key(what), "{mark} {what}");
    }
}
