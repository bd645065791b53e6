//! The sidebar and quote navigation without a terminal, on a small hand-annotated article
//! (so these tests pin the reader's behaviour, not the attribution engine's).

use hearsay::attribution::{ClaimKind, Sourcing, SpeakerKind};
use hearsay::config::Config;
use hearsay::document::{Document, ingest};
use hearsay::tui::App;
use hearsay::tui::app::{Focus, Input};
use hearsay::tui::sources::{QuoteMark, Sources, Speaker, Stop};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;
use std::ops::Range;

const ARTICLE: &str = "\
Town to close the old river bridge
By Lea Novak

“The bridge has served us for ninety years, but it is tired,” said Ana Ruiz, the mayor of Millbrook.

Engineers found cracks in two of the piers last spring, according to the town’s own inspection report.

“Nobody wanted to be the one to close it,” one person who attended the meeting said.

Ruiz said the town would open a ferry service within a month. “We will not leave the east bank cut off,” she added.

Shop owners on the east bank said they feared a long winter.

“I have heard promises before,” said Tomas Berg, who runs a hardware store by the bridge.

The council votes on Thursday.
";

fn doc() -> Document {
    ingest(ARTICLE.to_string())
}

/// Byte range of the `n`-th “…” quotation (marks included) in block `b`.
fn quote(d: &Document, b: usize, n: usize) -> Range<usize> {
    let t = &d.blocks[b].text;
    let mut from = 0;
    let mut found = 0..0;
    for _ in 0..=n {
        let s = from + t[from..].find('“').expect("an opening mark");
        let e = s + t[s..].find('”').expect("a closing mark") + '”'.len_utf8();
        found = s..e;
        from = e;
    }
    found
}

/// Byte range of `needle` in block `b`.
fn span(d: &Document, b: usize, needle: &str) -> Range<usize> {
    let s = d.blocks[b].text.find(needle).expect("needle in block");
    s..s + needle.len()
}

fn block_with(d: &Document, needle: &str) -> usize {
    d.blocks
        .iter()
        .position(|b| b.text.contains(needle))
        .expect("a block with the needle")
}

/// The hand annotation: speakers 0 Ruiz, 1 the report, 2 one person, 3 shop owners, 4 Berg.
fn sources(d: &Document) -> Sources {
    let person = |id, name: &str, role: Option<&str>, quotes, claims| Speaker {
        id,
        aliases: Vec::new(),
        name: name.to_string(),
        kind: SpeakerKind::Person,
        role: role.map(str::to_string),
        quotes,
        claims,
    };
    let speakers = vec![
        person(0, "Ana Ruiz", Some("the mayor of Millbrook"), 2, 3),
        Speaker {
            id: 1,
            aliases: Vec::new(),
            name: "the town’s own inspection report".into(),
            kind: SpeakerKind::Document,
            role: None,
            quotes: 0,
            claims: 1,
        },
        Speaker {
            id: 2,
            aliases: Vec::new(),
            name: "one person who attended the meeting".into(),
            kind: SpeakerKind::Anonymous,
            role: None,
            quotes: 1,
            claims: 1,
        },
        Speaker {
            id: 3,
            aliases: Vec::new(),
            name: "Shop owners on the east bank".into(),
            kind: SpeakerKind::Group,
            role: None,
            quotes: 0,
            claims: 1,
        },
        person(
            4,
            "Tomas Berg",
            Some("who runs a hardware store by the bridge"),
            1,
            1,
        ),
    ];
    let b_ruiz1 = block_with(d, "ninety years");
    let b_report = block_with(d, "cracks");
    let b_anon = block_with(d, "Nobody wanted");
    let b_ruiz2 = block_with(d, "ferry service");
    let b_shops = block_with(d, "long winter");
    let b_berg = block_with(d, "promises");
    let q = |b, n, speaker| QuoteMark {
        block: b,
        range: quote(d, b, n),
        speaker,
        confidence: 0.9,
    };
    let quotes = vec![
        q(b_ruiz1, 0, Some(0)),
        q(b_anon, 0, Some(2)),
        q(b_ruiz2, 0, Some(0)),
        q(b_berg, 0, Some(4)),
    ];
    let claim = |b, range, speaker, kind| Stop {
        speaker: Some(speaker),
        kind,
        block: b,
        range,
        confidence: 0.9,
    };
    let claims = vec![
        claim(b_ruiz1, quote(d, b_ruiz1, 0), 0, ClaimKind::Direct),
        claim(
            b_report,
            span(
                d,
                b_report,
                "Engineers found cracks in two of the piers last spring",
            ),
            1,
            ClaimKind::Indirect,
        ),
        claim(b_anon, quote(d, b_anon, 0), 2, ClaimKind::Direct),
        claim(
            b_ruiz2,
            span(
                d,
                b_ruiz2,
                "the town would open a ferry service within a month",
            ),
            0,
            ClaimKind::Indirect,
        ),
        claim(b_ruiz2, quote(d, b_ruiz2, 0), 0, ClaimKind::Direct),
        claim(
            b_shops,
            span(d, b_shops, "they feared a long winter"),
            3,
            ClaimKind::Indirect,
        ),
        claim(b_berg, quote(d, b_berg, 0), 4, ClaimKind::Direct),
    ];
    let sourcing = Sourcing {
        named_person: 4,
        group: 1,
        anonymous: 1,
        document: 1,
        ..Sourcing::default()
    };
    Sources::new(speakers, claims, quotes, sourcing)
}

fn app(w: u16, h: u16) -> App {
    let d = doc();
    let s = sources(&d);
    let mut app = App::new(d, "bridge.txt", Config::default(), &[]);
    app.set_sources(s);
    app.resize(w, h);
    app
}

fn press(app: &mut App, keys: &str) {
    app.press(keys).expect("valid key notation");
}

fn screen(app: &mut App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&mut *app, f.area())).unwrap();
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..h {
        for x in 0..w {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn status(app: &mut App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

fn current_speaker(app: &App) -> Option<usize> {
    app.reader
        .current
        .and_then(|c| app.sources.stops[c].speaker)
}

#[test]
fn brackets_step_through_stops_in_reading_order_and_go_round_when_pressed_again_at_an_end() {
    let mut a = app(120, 40);
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(0));
    assert!(
        status(&mut a).contains("quote 1/7 · Ana Ruiz, the mayor of Millbrook"),
        "{}",
        status(&mut a)
    );
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(1));
    assert!(status(&mut a).contains("claim 2/7 · the town’s own inspection report"));
    press(&mut a, "[ [");
    assert_eq!(a.reader.current, Some(0), "no stop before the first: stays");
    let said = status(&mut a);
    assert!(
        said.contains("no quotes or claims above · [ again goes round"),
        "{said}"
    );
    press(&mut a, "[");
    assert_eq!(
        a.reader.current,
        Some(6),
        "pressed again: round to the last"
    );
    assert!(status(&mut a).contains("quote 7/7 · Tomas Berg"));
    assert!(status(&mut a).contains("continued from the bottom"));
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(6));
    assert!(status(&mut a).contains("no more quotes or claims below"));
    press(&mut a, "j ]");
    assert_eq!(
        a.reader.current,
        Some(6),
        "another key between: not round yet"
    );
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(0));
    assert!(status(&mut a).contains("continued from the top"));
}

#[test]
fn first_bracket_starts_from_the_screen_not_the_top_of_the_article() {
    let mut a = app(120, 12);
    press(&mut a, "G");
    let top = a.anchor();
    press(&mut a, "]");
    let c = a.reader.current.unwrap();
    let stop = &a.sources.stops[c];
    assert!((stop.block, stop.range.start) >= top, "{top:?} {stop:?}");
}

#[test]
fn the_current_stop_is_scrolled_into_view_with_context_and_marked() {
    let mut a = app(120, 12);
    press(&mut a, "[");
    assert_eq!(
        a.reader.current, None,
        "nothing above the top of the article"
    );
    press(&mut a, "[");
    let c = a.reader.current.unwrap();
    let stop = a.sources.stops[c].clone();
    let line = a
        .reader
        .page
        .line_of_text(stop.block, stop.range.start)
        .unwrap();
    assert!(a.visible().contains(&line));
    assert!(line > a.reader.top, "context above the quote");
    // the quote's cells are drawn with the current-quote background
    let (w, h) = a.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&mut a, f.area())).unwrap();
    let buf = t.backend().buffer();
    let y = (line - a.reader.top) as u16;
    let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
    let x = row.find('“').map(|b| row[..b].chars().count()).unwrap() as u16;
    assert!(
        buf[(x, y)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED),
        "the current quote is in reverse video"
    );
    assert_eq!(
        Some(buf[(x, y)].fg),
        a.styles.speaker(4).fg,
        "in Berg's colour"
    );
}

#[test]
fn enter_on_a_speaker_filters_and_brackets_visit_only_their_claims() {
    let mut a = app(120, 40);
    press(&mut a, "tab");
    assert_eq!(a.sidebar.focus, Focus::Speakers);
    press(&mut a, "enter");
    assert_eq!(a.filter(), Some(0));
    assert_eq!(a.claim_list().len(), 3);
    assert!(screen(&mut a).contains("Claims · Ana Ruiz (3)"));
    press(&mut a, "] ] ]");
    assert_eq!(current_speaker(&a), Some(0));
    assert!(
        status(&mut a).contains("quote 3/3 · Ana Ruiz"),
        "{}",
        status(&mut a)
    );
    press(&mut a, "] ]");
    assert!(status(&mut a).contains("quote 1/3 · Ana Ruiz"));
    assert!(status(&mut a).contains("continued from the top"));
    // other speakers' quotes are dimmed in the article, Ruiz's keep her colour
    let (w, h) = a.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&mut a, f.area())).unwrap();
    let buf = t.backend().buffer();
    let find = |needle: &str| {
        (0..h).find_map(|y| {
            let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
            row.find(needle)
                .map(|b| (row[..b].chars().count() as u16, y))
        })
    };
    let berg = find("“I have heard").unwrap();
    assert_eq!(Some(buf[berg].fg), a.styles.dimmed.fg);
    let ruiz = find("“The bridge").unwrap();
    assert_eq!(Some(buf[ruiz].fg), a.styles.speaker(0).fg);
    press(&mut a, "j");
    assert!(
        status(&mut a).contains("only Ana Ruiz · esc shows everyone"),
        "{}",
        status(&mut a)
    );
    press(&mut a, "esc");
    assert_eq!(a.filter(), None);
    assert_eq!(a.claim_list().len(), 7);
}

#[test]
fn s_jumps_to_the_same_speakers_next_stop_from_any_pane() {
    let mut a = app(120, 40);
    press(&mut a, "s");
    assert!(status(&mut a).contains("press ] to go to one first"));
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(0));
    press(&mut a, "tab tab s");
    assert_eq!(a.sidebar.focus, Focus::Claims);
    assert_eq!(a.reader.current, Some(3), "Ruiz's indirect claim");
    press(&mut a, "s s");
    assert_eq!(a.reader.current, Some(4), "her last");
    assert!(status(&mut a).contains("no more quotes by Ana Ruiz below"));
    press(&mut a, "s");
    assert_eq!(
        a.reader.current,
        Some(0),
        "pressed again: round to her first quote"
    );
}

#[test]
fn enter_on_a_claim_jumps_to_it() {
    let mut a = app(120, 40);
    press(&mut a, "tab tab j j j enter");
    assert_eq!(a.sidebar.focus, Focus::Claims);
    assert_eq!(a.reader.current, Some(3));
    assert!(status(&mut a).contains("claim 4/7 · Ana Ruiz"));
    press(&mut a, "G enter");
    assert_eq!(a.reader.current, Some(6));
    press(&mut a, "g k enter");
    assert_eq!(a.reader.current, Some(0));
}

#[test]
fn speakers_sort_by_appearance_or_count() {
    let mut a = app(120, 40);
    assert_eq!(a.speaker_order(), vec![0, 1, 2, 3, 4]);
    press(&mut a, "tab j j o");
    assert_eq!(a.speaker_order(), vec![0, 2, 4, 1, 3]);
    assert_eq!(
        a.speaker_order()[a.sidebar.speaker_sel],
        2,
        "the selection stays on its speaker"
    );
    assert!(screen(&mut a).contains("by claims"));
    press(&mut a, "o");
    assert_eq!(a.speaker_order(), vec![0, 1, 2, 3, 4]);
}

#[test]
fn tab_cycles_focus_and_lists_move_with_j_and_k() {
    let mut a = app(120, 40);
    press(&mut a, "tab");
    assert_eq!(a.sidebar.focus, Focus::Speakers);
    press(&mut a, "j j j j j j k");
    assert_eq!(a.sidebar.speaker_sel, 3);
    assert_eq!(a.reader.top, 0, "j moved the list, not the article");
    press(&mut a, "tab");
    assert_eq!(a.sidebar.focus, Focus::Claims);
    press(&mut a, "tab");
    assert_eq!(a.sidebar.focus, Focus::Article);
    press(&mut a, "shift-tab");
    assert_eq!(a.sidebar.focus, Focus::Claims);
}

#[test]
fn narrow_terminals_show_the_sidebar_as_an_overlay() {
    let mut a = app(80, 24);
    assert!(a.areas().sidebar.is_none(), "collapsed below 100 columns");
    press(&mut a, "S");
    assert!(a.areas().overlay);
    assert!(screen(&mut a).contains("Speakers"));
    press(&mut a, "esc");
    assert!(a.areas().sidebar.is_none());
    press(&mut a, "tab");
    assert_eq!(a.sidebar.focus, Focus::Speakers);
    assert!(a.areas().overlay);
    press(&mut a, "enter");
    assert_eq!(a.filter(), Some(0));
    press(&mut a, "tab tab");
    assert_eq!(a.sidebar.focus, Focus::Article);
    assert!(
        a.areas().sidebar.is_none(),
        "the overlay closes when focus leaves it"
    );
    press(&mut a, "]");
    assert_eq!(current_speaker(&a), Some(0), "the filter stays");
    // widening docks it; S hides the docked sidebar and gives the article the room
    a.resize(120, 40);
    assert!(a.areas().sidebar.is_some() && !a.areas().overlay);
    let narrow_article = a.areas().article.width;
    press(&mut a, "S");
    assert!(a.areas().sidebar.is_none());
    assert!(a.areas().article.width > narrow_article);
}

#[test]
fn sidebar_side_and_width_come_from_the_config() {
    let mut config = Config::default();
    config.sidebar.side = hearsay::config::Side::Left;
    config.sidebar.share = 25;
    let mut a = App::new(doc(), "x", config.clone(), &[]);
    a.resize(120, 40);
    let sb = a.areas().sidebar.unwrap();
    assert_eq!((sb.x, sb.width), (0, 30));
    assert_eq!(a.areas().article.x, 30);
    // the share follows the terminal, within the bounds
    config.sidebar.max_width = 40;
    let mut a = App::new(doc(), "x", config, &[]);
    for (w, sw) in [(140, 35), (160, 40), (240, 40)] {
        a.resize(w, 40);
        assert_eq!(a.areas().sidebar.unwrap().width, sw, "at {w}");
    }
}

/// Issue 13: the docked sidebar is a share of the terminal (30 % by default, 28 to 56
/// columns), and never takes the article's measure: where both do not fit, the sidebar is
/// drawn over the article instead.
#[test]
fn the_sidebar_is_a_bounded_share_and_the_measure_comes_first() {
    let measure = Config::default().measure;
    let mut a = app(100, 40);
    for w in [60, 80, 100, 109, 110, 120, 140, 160, 200, 250] {
        a.resize(w, 40);
        let areas = a.areas();
        assert!(
            areas.text.width >= measure.min(w - 2),
            "measure at {w}: {areas:?}"
        );
        match areas.sidebar {
            Some(sb) if !areas.overlay => {
                assert!((28..=56).contains(&sb.width), "{w}: {}", sb.width);
                assert!(sb.width <= (w * 30 / 100).max(28), "{w}: {}", sb.width);
                assert_eq!(areas.text.width, measure, "{w}");
            }
            _ => assert!(w < 110, "docks from 110 columns: {w}"),
        }
    }
}

/// The sidebar drawn over the article (`S` where it does not dock) keeps to the same bounds
/// as the docked one: `[sidebar] max_width` caps it too (at 100 columns it took 60 of the
/// default 56).
#[test]
fn the_overlay_sidebar_keeps_to_max_width() {
    let mut a = app(100, 40);
    for (w, max) in [(100, 56), (109, 56), (80, 56), (60, 56)] {
        a.resize(w, 40);
        if a.areas().sidebar.is_none() {
            press(&mut a, "S");
        }
        let areas = a.areas();
        let sb = areas.sidebar.expect("the overlay is open");
        assert!(areas.overlay, "{w}: drawn over the article");
        assert!(sb.width <= max, "{w}: {} columns", sb.width);
        assert!(sb.width >= 28.min(w), "{w}: at least min_width");
    }
    let mut config = Config::default();
    (config.sidebar.min_width, config.sidebar.max_width) = (30, 40);
    let mut a = App::new(doc(), "x", config, &[]);
    a.resize(100, 40);
    press(&mut a, "S");
    assert_eq!(a.areas().sidebar.map(|s| s.width), Some(40));
    a.resize(40, 30);
    assert_eq!(a.areas().sidebar.map(|s| s.width), Some(30), "min_width");
}

#[test]
fn clicks_select_and_the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(120, 40);
    let sp = a.areas().speakers;
    // the row of the speakers list where "one person" starts (names and roles take the
    // rows they need)
    let shown = screen(&mut a);
    let row = shown
        .lines()
        .position(|l| l.contains("one person"))
        .expect("one person in the list") as u16;
    assert!(row > sp.y + 1, "below the first speaker");
    a.handle(Input::Click {
        column: sp.x + 3,
        row,
    });
    assert_eq!(a.sidebar.focus, Focus::Speakers);
    assert_eq!(a.filter(), Some(2));
    press(&mut a, "esc");
    let cl = a.areas().claims;
    a.handle(Input::Click {
        column: cl.x + 5,
        row: cl.y + 1 + 4,
    });
    assert_eq!(a.sidebar.focus, Focus::Claims);
    assert_eq!(a.reader.current, Some(4));
    a.handle(Input::Wheel {
        column: cl.x + 5,
        row: cl.y + 2,
        down: false,
    });
    assert_eq!(a.sidebar.claim_sel, 1);
    let before = a.reader.top;
    a.handle(Input::Click { column: 5, row: 5 });
    assert_eq!(a.sidebar.focus, Focus::Article);
    a.handle(Input::Wheel {
        column: 5,
        row: 5,
        down: true,
    });
    assert!(a.reader.top >= before);
}

#[test]
fn an_article_without_quotes_says_so_and_never_panics() {
    let mut a = App::new(doc(), "plain.txt", Config::default(), &[]);
    a.resize(120, 40);
    // the analysis has reported and found nothing
    a.set_sources(Sources::default());
    press(&mut a, "]");
    assert!(status(&mut a).contains("no quotes or claims found"));
    press(&mut a, "[ s");
    assert!(status(&mut a).contains("no current quote"));
    press(&mut a, "tab enter");
    assert!(status(&mut a).contains("no speakers"), "{}", status(&mut a));
    press(&mut a, "j k G g o");
    let s = screen(&mut a);
    assert!(
        s.contains("nobody is quoted") && s.contains("no claims"),
        "{s}"
    );
    press(&mut a, "tab enter");
    assert_eq!(a.reader.current, None);
}

#[test]
fn a_filter_on_a_speaker_without_claims_says_so() {
    let d = doc();
    let mut s = sources(&d);
    s.speakers.push(Speaker {
        id: 5,
        aliases: Vec::new(),
        name: "Nobody Special".into(),
        kind: SpeakerKind::Person,
        role: None,
        quotes: 0,
        claims: 0,
    });
    let mut a = App::new(d, "x", Config::default(), &[]);
    a.set_sources(s);
    a.resize(120, 40);
    press(&mut a, "tab G enter ]");
    assert!(
        status(&mut a).contains("no claims by Nobody Special"),
        "{}",
        status(&mut a)
    );
}

#[test]
fn colours_off_uses_no_colour_at_all() {
    let config = Config {
        colors: false,
        ..Config::default()
    };
    let d = doc();
    let s = sources(&d);
    let mut a = App::new(d, "x", config, &[]);
    a.set_sources(s);
    a.resize(120, 40);
    press(&mut a, "] / b r i d g e enter tab");
    let (w, h) = a.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&mut a, f.area())).unwrap();
    for c in t.backend().buffer().content() {
        assert!(
            matches!(c.fg, Color::Reset) && matches!(c.bg, Color::Reset),
            "{c:?}"
        );
    }
}

#[test]
fn every_size_with_the_sidebar_open_draws_without_panic() {
    let mut a = app(120, 40);
    press(&mut a, "] tab enter");
    for w in (1..=130).step_by(7) {
        for h in (1..=45).step_by(4) {
            a.resize(w, h);
            let _ = screen(&mut a);
            press(&mut a, "S ] tab j");
            let _ = screen(&mut a);
        }
    }
}

#[test]
fn snapshot_sidebar_120x40() {
    let mut a = app(120, 40);
    press(&mut a, "] ] tab");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn snapshot_sidebar_overlay_80x24() {
    let mut a = app(80, 24);
    press(&mut a, "tab enter ]");
    insta::assert_snapshot!(screen(&mut a));
}

// ---- the bundled sample, through the real attribution engine ----

const SAMPLE: &[u8] = include_bytes!("../assets/sample.txt");

fn sample_app(w: u16, h: u16) -> App {
    let d = hearsay::document::open(SAMPLE, Some("sample.txt"), None).expect("sample opens");
    let s = Sources::analyze(&d);
    let mut app = App::new(d, "sample.txt", Config::default(), &[]);
    app.set_sources(s);
    app.resize(w, h);
    app
}

#[test]
fn on_the_sample_every_speakers_filter_visits_exactly_their_stops_in_order() {
    let mut a = sample_app(120, 40);
    assert!(
        a.sources.stops.len() >= 10,
        "the engine finds the sample's quotes"
    );
    press(&mut a, "tab");
    for k in 0..a.sources.speakers.len() {
        press(&mut a, "g");
        for _ in 0..k {
            press(&mut a, "j");
        }
        press(&mut a, "enter");
        let sp = a.speaker_order()[k];
        assert_eq!(a.filter(), Some(sp));
        let expected: Vec<usize> = (0..a.sources.stops.len())
            .filter(|&i| a.sources.stops[i].speaker == Some(sp))
            .collect();
        let mut seen = Vec::new();
        a.reader.current = None;
        press(&mut a, "g");
        a.sidebar.focus = Focus::Article;
        press(&mut a, "g");
        for _ in 0..expected.len() {
            press(&mut a, "]");
            seen.push(a.reader.current.unwrap());
            assert!(
                status(&mut a).contains(&a.sources.speakers[sp].name),
                "{}",
                status(&mut a)
            );
        }
        assert_eq!(seen, expected, "speaker {}", a.sources.speakers[sp].name);
        if !expected.is_empty() {
            press(&mut a, "] ]");
            assert_eq!(
                a.reader.current,
                Some(expected[0]),
                "goes round to their first"
            );
        }
        press(&mut a, "esc tab");
        assert_eq!(a.sidebar.focus, Focus::Speakers);
    }
}

#[test]
fn focus_hints_say_what_the_keys_do() {
    let mut a = sample_app(120, 40);
    press(&mut a, "tab");
    assert!(status(&mut a).contains("enter"), "{}", status(&mut a));
    press(&mut a, "tab");
    assert!(status(&mut a).contains("enter"), "{}", status(&mut a));
}

#[test]
fn snapshot_sample_sidebar_120x40() {
    let mut a = sample_app(120, 40);
    press(&mut a, "tab j enter tab ] ]");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn snapshot_sample_overlay_80x24() {
    let mut a = sample_app(80, 24);
    press(&mut a, "] ] ] S");
    insta::assert_snapshot!(screen(&mut a));
}

#[test]
fn nested_quotes_are_both_coloured_on_every_line() {
    let d = doc();
    let b = block_with(&d, "ninety years");
    let outer = quote(&d, b, 0);
    let inner = span(&d, b, "The bridge");
    let quotes = vec![
        QuoteMark {
            block: b,
            range: outer,
            speaker: Some(0),
            confidence: 0.9,
        },
        QuoteMark {
            block: b,
            range: inner,
            speaker: Some(1),
            confidence: 0.9,
        },
    ];
    let speakers = sources(&d).speakers;
    let s = Sources::new(speakers, vec![], quotes, Sourcing::default());
    let mut a = App::new(d, "x", Config::default(), &[]);
    a.set_sources(s);
    // narrow, so the outer quote runs over two lines and the inner one ends on the first
    a.resize(40, 40);
    let (w, h) = a.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| f.render_widget(&mut a, f.area())).unwrap();
    let buf = t.backend().buffer();
    let find = |needle: &str| {
        (0..h)
            .find_map(|y| {
                let row: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
                row.find(needle)
                    .map(|b| (row[..b].chars().count() as u16, y))
            })
            .unwrap()
    };
    let (bridge, tired) = (find("bridge has"), find("tired"));
    assert!(tired.1 > bridge.1, "the quote wraps");
    assert_eq!(Some(buf[bridge].fg), a.styles.speaker(1).fg);
    assert_eq!(Some(buf[find("served")].fg), a.styles.speaker(0).fg);
    assert_eq!(Some(buf[tired].fg), a.styles.speaker(0).fg, "second line");
}

#[test]
fn before_the_analysis_reports_the_sidebar_says_it_is_still_looking() {
    let mut a = App::new(doc(), "story.txt", Config::default(), &[]);
    a.resize(120, 40);
    let s = screen(&mut a);
    assert!(s.contains("finding who speaks"), "{s}");
    assert!(
        !s.contains("nobody is quoted") && !s.contains("0 quotes"),
        "{s}"
    );
    let found = sources(&a.doc);
    a.set_sources(found);
    let s = screen(&mut a);
    assert!(!s.contains("finding who speaks"), "{s}");
}

/// Issue 13: `]`, `[`, `n` and `N` step from what is on screen (less, vim), not from the
/// last item visited.
#[test]
fn brackets_and_n_start_from_the_screen_after_scrolling_away() {
    let mut a = sample_app(100, 30);
    let key = |a: &App, i: usize| (a.sources.stops[i].block, a.sources.stops[i].range.start);
    press(&mut a, "] ] ]");
    let visited = a.reader.current.unwrap();
    press(&mut a, "space space");
    let top = a.anchor();
    assert!(
        key(&a, visited) < top,
        "the visited quote is above the screen now"
    );
    press(&mut a, "]");
    let next = a.reader.current.unwrap();
    assert!(key(&a, next) >= top, "] went back up: {top:?} {next}");
    assert!(
        (0..next).all(|i| key(&a, i) < top),
        "the first stop after the top of the screen"
    );
    press(&mut a, "space space");
    let top = a.anchor();
    press(&mut a, "[");
    let prev = a.reader.current.unwrap();
    assert!(
        key(&a, prev) < top,
        "the previous is before the top of the screen"
    );
    assert!(
        (prev + 1..a.sources.stops.len()).all(|i| key(&a, i) >= top),
        "the last stop before the top of the screen"
    );
    // after g, [ has nothing above: it says so and stays
    press(&mut a, "g");
    let before = a.reader.current;
    press(&mut a, "[");
    assert_eq!(a.reader.current, before);
    assert!(status(&mut a).contains("above"), "{}", status(&mut a));
    // search: after G, n looks below the top of the screen, not after the last match seen
    press(&mut a, "g / t h e enter n n");
    press(&mut a, "G");
    let top = a.anchor();
    press(&mut a, "n");
    let s = a.reader.search.clone().expect("a search");
    match s.current {
        Some(c) if (s.matches[c].block, s.matches[c].range.start) >= top => {}
        _ => assert!(
            status(&mut a).contains("no more matches"),
            "{}",
            status(&mut a)
        ),
    }
    press(&mut a, "g N");
    assert!(
        status(&mut a).contains("no matches for 'the' above"),
        "{}",
        status(&mut a)
    );
}

/// Issue 13: `s` (the same speaker's next stop) steps from what is on screen too, not from
/// the stop visited last.
#[test]
fn s_starts_from_the_screen_after_scrolling_away() {
    // one speaker at the start and at the end, a long stretch of other text between
    let filler = "The river rose through the night and the crews worked on the banks until \
        the water stopped climbing, while the town hall stayed open for anyone who needed \
        somewhere dry to wait.\n\n";
    let text = format!(
        "Town waits for the river to fall\n\n\
         \u{201c}We are ready for the worst,\u{201d} said Ana Ruiz, the mayor.\n\n\
         \u{201c}The pumps are running,\u{201d} Ruiz said.\n\n{}\
         \u{201c}The water is going down,\u{201d} Ruiz said on Friday.\n\n\
         \u{201c}We were lucky,\u{201d} Ruiz said.\n",
        filler.repeat(12)
    );
    let d = hearsay::document::open(text.as_bytes(), Some("river.txt"), None).expect("opens");
    let sources = Sources::analyze(&d);
    let mut a = App::new(d, "river.txt", Config::default(), &[]);
    a.set_sources(sources);
    a.resize(100, 30);
    let key = |a: &App, i: usize| (a.sources.stops[i].block, a.sources.stops[i].range.start);
    let sp = a
        .sources
        .speakers
        .iter()
        .position(|s| s.name == "Ana Ruiz")
        .expect("Ruiz is found");
    let theirs: Vec<usize> = (0..a.sources.stops.len())
        .filter(|&i| a.sources.stops[i].speaker == Some(sp))
        .collect();
    assert_eq!(theirs.len(), 4, "{:?}", a.sources.stops);
    press(&mut a, "]");
    assert_eq!(a.reader.current, Some(theirs[0]));
    // read on to the end: her second quote is above the screen now
    a.scroll_to_text(a.sources.stops[theirs[2]].block, 0);
    let top = a.anchor();
    assert!(key(&a, theirs[1]) < top, "{top:?}");
    press(&mut a, "s");
    assert_eq!(
        a.reader.current,
        Some(theirs[2]),
        "her first quote from the top of the screen, not the one after the last visited"
    );
}

/// Issue 13: `o` (listed under the reading keys) sorts the speakers from the article pane
/// too.
#[test]
fn o_sorts_the_speakers_from_the_article_pane() {
    let mut a = app(120, 40);
    assert_eq!(a.sidebar.focus, Focus::Article);
    press(&mut a, "o");
    assert_eq!(a.speaker_order(), vec![0, 2, 4, 1, 3]);
    assert!(status(&mut a).contains("sorted by number of claims"));
}

/// Issue 13: the speakers list is scrolled back when a resize gives it room (it kept three
/// rows over empty ones, with the ↑ mark on).
#[test]
fn the_speakers_list_is_reclamped_after_a_resize() {
    let mut a = sample_app(60, 20);
    let n = a.sources.speakers.len();
    assert!(n >= 8, "the sample has many speakers: {n}");
    press(&mut a, "tab");
    for _ in 0..n {
        press(&mut a, "j");
    }
    press(&mut a, "enter");
    assert!(a.sidebar.speaker_offset > 0, "scrolled in the small list");
    let small = a.sidebar.speaker_offset;
    a.resize(200, 60);
    let off = a.sidebar.speaker_offset;
    assert!(off < small, "scrolled back: {off} of {small}");
    // the list is full: the speaker above the first shown would not fit below
    let inside = hearsay::tui::state::inner(a.areas().speakers);
    let rows = |s: usize| hearsay::tui::sidebar::speaker_rows(&a.sources, s, inside.width);
    let h = usize::from(inside.height);
    let order = a.speaker_order();
    let shown: usize = order[off..].iter().map(|&s| rows(s)).sum();
    assert!(
        off == 0 || shown + rows(order[off - 1]) > h,
        "{off}: {shown} of {h} rows"
    );
    if off == 0 {
        let s = screen(&mut a);
        assert!(!s.contains('↑'), "{s}");
    }
}

/// Issue 13: one symbol, one meaning: `?` marks anonymous speakers only, not also a
/// disputed claim.
#[test]
fn no_mark_means_two_things() {
    use hearsay::annotations::Status;
    use hearsay::tui::sources::{KINDS, KindMark};
    use hearsay::tui::strings::status_mark;
    let kinds: Vec<&str> = KINDS.iter().map(|k| k.mark().trim()).collect();
    for s in [
        Status::Unchecked,
        Status::Verified,
        Status::Disputed,
        Status::False,
    ] {
        let m = status_mark(s).trim();
        assert!(!kinds.contains(&m), "{m} is a speaker kind's mark too");
    }
}

/// Issue 13: the whole screen at the four sizes a reader uses (whole roles, an unwrapped
/// summary, a full help are checked by eye in these snapshots).
#[test]
fn snapshot_sample_at_four_sizes() {
    for (w, h) in [(80, 24), (100, 30), (140, 40), (200, 60)] {
        let mut a = sample_app(w, h);
        press(&mut a, "] ]");
        if a.areas().sidebar.is_none() {
            press(&mut a, "S");
        }
        insta::assert_snapshot!(format!("sample_{w}x{h}"), screen(&mut a));
    }
}
