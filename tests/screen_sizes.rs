//! Issue 13: the reader at the sizes people use it (80×24, 100×30, 140×40, 200×60), on a
//! fictional article with 22 speakers, long roles, anonymous sources, groups, organisations
//! and a document (`fixtures/tui/ferry.txt`, annotated by hand below so the screens do not
//! move with the attribution engine): every role shown whole, the sourcing summary never
//! broken inside a phrase, the whole help, one colour per speaker, uncertain attributions
//! marked — checked on the screen, with a snapshot of the main screen and the help at each
//! size.

use hearsay::attribution::{ClaimKind, Sourcing, SpeakerKind, SpeakerOut};
use hearsay::config::Config;
use hearsay::document::Document;
use hearsay::tui::App;
use hearsay::tui::sidebar::{NAME_INDENT, speaker_entry};
use hearsay::tui::sources::{QuoteMark, Stop, UNCERTAIN_BELOW, uncertain};
use hearsay::tui::state::inner;
use hearsay::tui::styles::{ColorDepth, Styles};
use hearsay::tui::{Sources, strings};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::collections::HashSet;
use std::ops::Range;

const FERRY: &[u8] = include_bytes!("fixtures/tui/ferry.txt");

/// The four sizes of the issue.
const SIZES: [(u16, u16); 4] = [(80, 24), (100, 30), (140, 40), (200, 60)];

use SpeakerKind::{Anonymous, Document as Doc, Group, Organization as Org, Person};

/// The speakers: name, kind, role.
const SPEAKERS: [(&str, SpeakerKind, Option<&str>); 22] = [
    (
        "two people who attended the closed session",
        Anonymous,
        None,
    ),
    ("Ingrid Solberg", Person, Some("Mayor of Lakeport")),
    (
        "Tomas Reyes",
        Person,
        Some("councillor for the north shore wards, who voted against the closure"),
    ),
    ("Bayline Marine", Org, Some("the ferry's operator")),
    (
        "Harriet Osei",
        Person,
        Some(
            "a night-shift nurse at St. Columba Hospital who has taken the ferry for eleven years",
        ),
    ),
    (
        "Mireille Dufresne",
        Person,
        Some("spokeswoman for the Lakeport Transit Authority"),
    ),
    ("the city's own ridership report", Doc, None),
    (
        "Samuel Achterberg",
        Person,
        Some("transport economist at the University of Lakeport"),
    ),
    (
        "one council member",
        Anonymous,
        Some("speaking on condition of anonymity because the session was closed"),
    ),
    ("Residents of the Marrow Point estate", Group, None),
    (
        "Kwame Boateng",
        Person,
        Some("chair of the Marrow Point residents' association"),
    ),
    (
        "Lucía Prieto",
        Person,
        Some("runs a bakery on Quay Street and employs six people on the night shift"),
    ),
    ("Lakeport Chamber of Commerce", Org, None),
    (
        "Graham Whitlock",
        Person,
        Some("president of the Lakeport Chamber of Commerce"),
    ),
    ("the ferry workers' union", Org, None),
    (
        "Agnieszka Nowak",
        Person,
        Some("regional secretary of the ferry workers' union"),
    ),
    (
        "Pieter van Dam",
        Person,
        Some("councillor who chairs the finance committee"),
    ),
    (
        "Several shift workers waiting for the last crossing",
        Group,
        None,
    ),
    ("Rosalind Akande", Person, Some("Fire Chief")),
    (
        "Elif Demir",
        Person,
        Some(
            "researcher at the Bay Commuters' Alliance who has counted passengers on the night ferry for two years",
        ),
    ),
    (
        "a harbour official who was not authorized to speak publicly",
        Anonymous,
        None,
    ),
    (
        "Benedikt Aurell",
        Person,
        Some("spokesman for the regional ombudsman's office"),
    ),
];

use ClaimKind::{Direct as Q, Indirect as R, Mixed as M};

/// The claims: text, speaker, kind, confidence (three below [`UNCERTAIN_BELOW`]).
const CLAIMS: [(&str, usize, ClaimKind, f32); 30] = [
    (
        "The Lakeport city council voted late Tuesday to end the night ferry across Corran Bay",
        0,
        R,
        0.8,
    ),
    (
        "the vote was \"the hardest choice this council has made in a decade\"",
        1,
        M,
        0.85,
    ),
    (
        "the decision would fall hardest on nurses, cleaners and bakers who cross after midnight",
        2,
        R,
        0.8,
    ),
    (
        "\"These are the people who keep this city running while the rest of us sleep,\"",
        2,
        Q,
        0.8,
    ),
    (
        "it had offered to run a smaller vessel at a lower cost",
        3,
        M,
        0.85,
    ),
    (
        "the alternative, a bus around the bay, would add ninety minutes to her journey",
        4,
        R,
        0.8,
    ),
    (
        "\"I will be home when my children are leaving for school,\"",
        4,
        Q,
        0.8,
    ),
    (
        "the authority would add two late buses on the bay road from September",
        5,
        R,
        0.8,
    ),
    (
        "the buses would stop at the hospital and at the bakeries on Quay Street",
        5,
        R,
        0.6,
    ),
    (
        "the last three crossings of the night carried an average of eleven passengers each",
        6,
        R,
        0.8,
    ),
    ("the figures were \"not in doubt\"", 7, M, 0.85),
    (
        "\"If you run a boat every ninety minutes, people stop waiting for it,\"",
        7,
        Q,
        0.8,
    ),
    (
        "the vote had been decided before the meeting began",
        8,
        R,
        0.8,
    ),
    (
        "\"The numbers were shown to us as a formality,\"",
        8,
        Q,
        0.55,
    ),
    ("they had not been consulted", 9, R, 0.75),
    (
        "the group would ask the regional ombudsman to review the decision",
        10,
        R,
        0.8,
    ),
    (
        "\"We found out from a notice taped to the ticket office,\"",
        11,
        Q,
        0.9,
    ),
    (
        "two of her bakers had already told her they would look for work on the south shore",
        11,
        R,
        0.7,
    ),
    ("the money saved should go to the bay road", 13, R, 0.8),
    (
        "\"A bus that runs every half hour is worth more than a ferry nobody can plan around,\"",
        13,
        Q,
        0.8,
    ),
    ("the closure would cost fourteen jobs", 14, R, 0.8),
    (
        "the union had not been told of the vote until Wednesday morning",
        15,
        R,
        0.8,
    ),
    (
        "the savings were estimated at 1.4 million a year",
        16,
        R,
        0.8,
    ),
    (
        "the city would keep the ferry terminal and might reopen a summer service for tourists",
        16,
        R,
        0.62,
    ),
    ("\"Nobody asked us anything,\"", 17, Q, 0.7),
    (
        "the department had been consulted about emergency crossings",
        18,
        R,
        0.85,
    ),
    ("her counts were higher than the city's", 19, R, 0.8),
    ("\"On a Friday the last boat is often full,\"", 19, Q, 0.8),
    (
        "the office did not comment on complaints under review",
        21,
        R,
        0.8,
    ),
    (
        "\"We will listen, and we will change what we got wrong,\"",
        1,
        Q,
        0.8,
    ),
];

/// Quoted words inside mixed claims: text, speaker.
const FRAGMENTS: [(&str, usize); 3] = [
    (
        "\"the hardest choice this council has made in a decade\"",
        1,
    ),
    (
        "\"disappointed that the offer was never put to a vote.\"",
        3,
    ),
    ("\"not in doubt\"", 7),
];

fn doc() -> Document {
    hearsay::document::open(FERRY, Some("ferry.txt"), None).expect("the fixture opens")
}

/// Block and byte range of `needle` in the article's text.
fn span(d: &Document, needle: &str) -> (usize, Range<usize>) {
    d.blocks
        .iter()
        .enumerate()
        .find_map(|(i, b)| b.text.find(needle).map(|s| (i, s..s + needle.len())))
        .unwrap_or_else(|| panic!("{needle:?} is in the fixture"))
}

/// The hand annotation of the fixture.
fn sources(d: &Document) -> Sources {
    let mut speakers: Vec<SpeakerOut> = SPEAKERS
        .iter()
        .enumerate()
        .map(|(id, (name, kind, role))| SpeakerOut {
            id,
            name: name.to_string(),
            kind: *kind,
            aliases: Vec::new(),
            role: role.map(str::to_string),
            quotes: 0,
            claims: 0,
        })
        .collect();
    let mut sourcing = Sourcing::default();
    let mut claims = Vec::new();
    let mut quotes = Vec::new();
    for (text, sp, kind, confidence) in CLAIMS {
        let (block, range) = span(d, text);
        speakers[sp].claims += 1;
        match speakers[sp].kind {
            Person => sourcing.named_person += 1,
            Org => sourcing.organization += 1,
            Group => sourcing.group += 1,
            Anonymous => sourcing.anonymous += 1,
            Doc => sourcing.document += 1,
        }
        if kind == Q {
            speakers[sp].quotes += 1;
            quotes.push(QuoteMark {
                block,
                range: range.clone(),
                speaker: Some(sp),
                confidence,
            });
        }
        claims.push(Stop {
            speaker: Some(sp),
            kind,
            block,
            range,
            confidence,
        });
    }
    for (text, sp) in FRAGMENTS {
        let (block, range) = span(d, text);
        speakers[sp].quotes += 1;
        quotes.push(QuoteMark {
            block,
            range,
            speaker: Some(sp),
            confidence: 0.85,
        });
    }
    Sources::new(speakers, claims, quotes, sourcing)
}

/// The reader on the fixture at `w`×`h`, the sidebar shown (docked, or over the article
/// where the measure leaves it no room).
fn app(w: u16, h: u16) -> App {
    let d = doc();
    let s = sources(&d);
    let mut app = App::new(d, "ferry.txt", Config::default(), &[]);
    app.set_sources(s);
    app.resize(w, h);
    if app.areas().sidebar.is_none() {
        app.press("S").expect("keys");
    }
    assert!(app.areas().sidebar.is_some(), "the sidebar at {w}x{h}");
    app
}

fn press(app: &mut App, keys: &str) {
    app.press(keys).expect("valid key notation");
}

fn draw(app: &mut App) -> Buffer {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("backend");
    t.draw(|f| f.render_widget(&mut *app, f.area()))
        .expect("draw");
    t.backend().buffer().clone()
}

/// The rows of `r` in `buf`, as text.
fn rows(buf: &Buffer, r: Rect) -> Vec<String> {
    (r.y..r.bottom())
        .map(|y| (r.x..r.right()).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

fn screen(app: &mut App) -> String {
    let buf = draw(app);
    rows(&buf, buf.area).join("\n") + "\n"
}

/// White space squashed to single spaces.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn snapshot_main_screen_at_four_sizes() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, "] ]");
        insta::assert_snapshot!(format!("ferry_{w}x{h}"), screen(&mut a));
    }
}

#[test]
fn snapshot_help_at_four_sizes() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, "h");
        insta::assert_snapshot!(format!("ferry_help_{w}x{h}"), screen(&mut a));
    }
}

/// Every speaker's role is shown whole under the name (wrapped, never cut) at every size:
/// walking down the speakers list brings each one into view.
#[test]
fn roles_are_shown_whole_at_every_size() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, "tab");
        let mut whole: HashSet<usize> = HashSet::new();
        for _ in 0..SPEAKERS.len() {
            let buf = draw(&mut a);
            let box_rows = rows(&buf, inner(a.areas().speakers));
            let text = squash(&box_rows.join(" "));
            assert!(!text.contains('…'), "nothing cut at {w}x{h}: {box_rows:#?}");
            for (i, (name, _, role)) in SPEAKERS.iter().enumerate() {
                if let Some(role) = role
                    && text.contains(&squash(name))
                    && text.contains(&squash(role))
                {
                    whole.insert(i);
                }
            }
            press(&mut a, "j");
        }
        let missing: Vec<&str> = SPEAKERS
            .iter()
            .enumerate()
            .filter(|(i, s)| s.2.is_some() && !whole.contains(i))
            .map(|(_, s)| s.0)
            .collect();
        assert_eq!(
            missing,
            Vec::<&str>::new(),
            "roles not seen whole at {w}x{h}"
        );
    }
}

/// The phrases the sourcing summary is made of, for `s`: each line of the summary must be
/// some of them joined by " · ".
fn summary_phrases(s: &Sources) -> HashSet<String> {
    let mut p: HashSet<String> = s.counts().split(" · ").map(String::from).collect();
    p.extend(s.breakdown().split(" · ").map(String::from));
    if let Some(pc) = s.sourcing.unnamed_percent() {
        p.insert(format!("{pc}% of claims from unnamed sources"));
        p.insert(format!("{pc}% of claims unnamed"));
    }
    p
}

/// The sourcing summary on screen, at every size, is whole phrases: never a line broken
/// inside one ("7" / "unnamed"), never cut.
#[test]
fn the_summary_never_breaks_a_phrase_on_screen() {
    for (w, h) in SIZES {
        let mut a = app(w, h);
        let buf = draw(&mut a);
        let summary = a.areas().summary;
        assert!(summary.height >= 3, "the summary is shown at {w}x{h}");
        let phrases = summary_phrases(&a.sources);
        let lines: Vec<String> = rows(&buf, inner(summary))
            .iter()
            .map(|l| l.trim().to_string())
            .filter(|l| !l.is_empty())
            .collect();
        assert!(lines.len() >= 3, "{lines:?}");
        for line in &lines {
            for part in line.split(" · ") {
                assert!(
                    phrases.contains(part),
                    "{part:?} is not a whole phrase at {w}x{h}: {lines:?}"
                );
            }
        }
        // everything is there: the counts, the share, every kind of source
        let shown: HashSet<&str> = lines.iter().flat_map(|l| l.split(" · ")).collect();
        for p in a.sources.breakdown().split(" · ") {
            assert!(shown.contains(p), "{p} at {w}x{h}: {lines:?}");
        }
    }
}

/// At every width from the narrowest sidebar up, the summary's lines fit and break only
/// between phrases, whatever the counts.
#[test]
fn the_summary_packs_whole_phrases_at_every_width() {
    let s = Sources {
        sourcing: Sourcing {
            named_person: 128,
            unnamed_person: 3,
            organization: 15,
            group: 4,
            anonymous: 22,
            document: 2,
            unattributed: 1,
        },
        ..Sources::default()
    };
    let phrases = summary_phrases(&s);
    let longest = phrases
        .iter()
        .filter(|p| !p.contains("from unnamed"))
        .map(|p| p.chars().count())
        .max()
        .unwrap();
    for width in longest..=80 {
        let lines = s.summary_lines(width);
        for l in &lines {
            assert!(l.text.chars().count() <= width, "{width}: {lines:?}");
            for part in l.text.split(" · ") {
                assert!(phrases.contains(part), "{width}: {part:?} in {lines:?}");
            }
        }
    }
}

/// The help shows every line whole at every size: scrolled from top to bottom, each key
/// list and each description appears on the screen whole, as the help lays it out. (That
/// the layout keeps every description whole is checked below.)
#[test]
fn the_help_is_whole_at_every_size() {
    use hearsay::tui::widgets::help::{HelpLine, lines, rows as help_rows};
    for (w, h) in SIZES {
        let mut a = app(w, h);
        press(&mut a, "h");
        let areas = a.areas();
        let area = areas.article.union(areas.sidebar.unwrap_or(areas.article));
        let expected = lines(&help_rows(&a.config.keymap), area);
        let mut seen: Vec<String> = Vec::new();
        for _ in 0..expected.len() {
            let s = screen(&mut a);
            seen.extend(s.lines().map(String::from));
            press(&mut a, "j");
        }
        for line in &expected {
            let parts: Vec<&str> = match line {
                HelpLine::Binding { keys, what } => vec![keys.as_str(), what.as_str()],
                HelpLine::Text(t) => vec![t.as_str()],
                HelpLine::Heading(t) => vec![*t],
                HelpLine::Blank => vec![],
            };
            let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
            assert!(
                seen.iter().any(|row| parts.iter().all(|p| row.contains(p))),
                "{line:?} not shown whole at {w}x{h}"
            );
        }
        press(&mut a, "q");
        assert!(!a.layers.has("help"));
    }
}

/// The help's layout keeps every description and every legend mark whole, however
/// narrow: wrapped lines put back together give the text.
#[test]
fn the_help_layout_keeps_every_description_whole() {
    use hearsay::keymap::Action;
    use hearsay::tui::widgets::help::{HelpLine, HelpRow, lines, rows};
    let config = Config::default();
    for width in [40u16, 60, 80, 100, 200] {
        let area = Rect::new(0, 0, width, 50);
        let laid = lines(&rows(&config.keymap), area);
        let descriptions: String = laid
            .iter()
            .filter_map(|l| match l {
                HelpLine::Binding { what, .. } => Some(what.as_str()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join(" ");
        let descriptions = squash(&descriptions);
        // … means "cut" in the sidebar: no description says it
        assert!(!descriptions.contains('…'), "{descriptions}");
        for row in rows(&config.keymap) {
            if let HelpRow::Binding { what, .. } = row {
                assert!(descriptions.contains(what), "{what:?} at {width}");
            }
        }
        let legend = squash(
            &laid
                .iter()
                .filter_map(|l| match l {
                    HelpLine::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect::<Vec<_>>()
                .join(" "),
        );
        for (mark, what) in strings::marks().into_iter().flatten() {
            assert!(
                legend.contains(&format!("{mark} {what}")),
                "{mark} {what} at {width}: {legend}"
            );
        }
        let help_action = Action::ToggleHelp;
        assert!(
            descriptions.contains(strings::describe(help_action)),
            "the help names itself at {width}"
        );
    }
}

/// One mark, one meaning: no glyph the reader draws in the sidebar, the margins or the
/// legend stands for two things, and each is drawn where the legend says.
#[test]
fn every_mark_means_one_thing() {
    let marks: Vec<(&str, &str)> = strings::marks().into_iter().flatten().collect();
    let mut seen: HashSet<&str> = HashSet::new();
    for (m, what) in &marks {
        assert!(seen.insert(m), "{m} means two things (the second: {what})");
    }
    // every mark on the main screen's sidebar is in the legend
    let mut a = app(200, 60);
    press(&mut a, "] ] tab enter");
    let buf = draw(&mut a);
    let sb = a.areas().sidebar.unwrap();
    let known: HashSet<char> = marks.iter().flat_map(|(m, _)| m.chars()).collect();
    for row in rows(&buf, inner(a.areas().speakers)) {
        let mark = row.chars().nth(1).unwrap_or(' ');
        assert!(mark == ' ' || known.contains(&mark), "{mark} in {row:?}");
        let filter = row.chars().next().unwrap_or(' ');
        assert!(
            filter == ' ' || known.contains(&filter),
            "{filter} in {row:?}"
        );
    }
    for row in rows(&buf, inner(a.areas().claims)) {
        for c in row.chars().take(4) {
            assert!(
                c == ' ' || known.contains(&c),
                "{c} in {row:?} is not in the legend"
            );
        }
    }
    assert!(sb.width >= 28);
}

/// Speakers are told apart by colour: with 256 colours or true colour, the 22 speakers of
/// the fixture are drawn in 22 different colours; with 16 colours only the 16 are used.
#[test]
fn twenty_speakers_get_twenty_colours() {
    let config = Config::default();
    for depth in [ColorDepth::Indexed256, ColorDepth::TrueColor] {
        let mut a = app(200, 60);
        a.styles = Styles::for_depth(&config, depth);
        let mut colours = HashSet::new();
        // the name's colour on screen, each speaker scrolled into view in turn
        press(&mut a, "tab");
        for (i, (name, _, _)) in SPEAKERS.iter().enumerate() {
            let buf = draw(&mut a);
            let inside = inner(a.areas().speakers);
            let first = speaker_entry(&a.sources, i, usize::from(inside.width)).name[0].clone();
            let cell = (inside.y..inside.bottom()).find_map(|y| {
                let row: String = (inside.x..inside.right())
                    .map(|x| buf[(x, y)].symbol())
                    .collect::<String>();
                let name_col = NAME_INDENT as u16;
                row.chars()
                    .skip(NAME_INDENT)
                    .collect::<String>()
                    .starts_with(&first)
                    .then(|| buf[(inside.x + name_col, y)].fg)
            });
            let fg = cell.unwrap_or_else(|| panic!("{name} on screen ({i})"));
            colours.insert(format!("{fg:?}"));
            press(&mut a, "j");
        }
        assert_eq!(colours.len(), SPEAKERS.len(), "{depth:?}: {colours:?}");
    }
    let plain = Styles::for_depth(&config, ColorDepth::Ansi16);
    for i in 0..SPEAKERS.len() {
        let fg = plain.speaker(i).fg.expect("a colour");
        assert!(
            !matches!(
                fg,
                ratatui::style::Color::Indexed(_) | ratatui::style::Color::Rgb(..)
            ),
            "16 colours only: {fg:?}"
        );
    }
}

/// Uncertain attributions (confidence below [`UNCERTAIN_BELOW`]) are marked where a user
/// looks: `?` beside the claim in the sidebar and in the article's margin, underlined in
/// the text, and said in the status bar; certain ones are not.
#[test]
fn uncertain_attributions_are_marked_in_the_sidebar_the_article_and_the_status_bar() {
    let mut a = app(200, 60);
    let flagged: Vec<usize> = (0..a.sources.stops.len())
        .filter(|&i| uncertain(&a.sources.stops[i]))
        .collect();
    let expected: Vec<&str> = CLAIMS
        .iter()
        .filter(|c| c.3 < UNCERTAIN_BELOW)
        .map(|c| c.0)
        .collect();
    assert_eq!(flagged.len(), expected.len(), "{flagged:?}");
    for &i in &flagged {
        // go to it, as a user does with ]
        press(&mut a, "g");
        for _ in 0..=a.sources.stops.len() {
            if a.reader.current == Some(i) {
                break;
            }
            press(&mut a, "]");
        }
        assert_eq!(a.reader.current, Some(i), "] reaches every stop");
        let buf = draw(&mut a);
        let status = rows(&buf, a.areas().status).join("");
        assert!(status.contains("uncertain"), "{status}");
        // the claims list: `?` after the kind's mark on the row marked current
        let claims = rows(&buf, inner(a.areas().claims));
        let here = claims
            .iter()
            .find(|r| r.starts_with(strings::CURRENT_MARK))
            .expect("the current claim in the list");
        assert!(
            here.chars().skip(4).take(2).collect::<String>() == "? ",
            "{here:?}"
        );
        // the article: `?` in the right margin on the line where it starts
        let stop = &a.sources.stops[i];
        let text = a.areas().text;
        let line = (0..a.reader.height)
            .find(|&r| {
                let i = a.reader.top + r;
                a.reader
                    .page
                    .lines
                    .get(i)
                    .and_then(|l| l.block_range())
                    .is_some_and(|(b, range)| b == stop.block && range.contains(&stop.range.start))
            })
            .expect("the stop is on screen");
        let y = text.y + line as u16;
        assert_eq!(buf[(text.right() + 1, y)].symbol(), strings::UNCERTAIN_MARK);
    }
    // a certain one: no mark in the status bar, nor beside it in the list
    press(&mut a, "g ]");
    let c = a.reader.current.unwrap();
    assert!(!uncertain(&a.sources.stops[c]));
    let buf = draw(&mut a);
    let status = rows(&buf, a.areas().status).join("");
    assert!(!status.contains("uncertain"), "{status}");
    let claims = rows(&buf, inner(a.areas().claims));
    let here = claims
        .iter()
        .find(|r| r.starts_with(strings::CURRENT_MARK))
        .unwrap();
    assert!(!here.contains(strings::UNCERTAIN_MARK), "{here:?}");
    // the quote's text is underlined where it is uncertain
    let q = a
        .sources
        .quotes
        .iter()
        .find(|q| q.uncertain())
        .expect("an uncertain quote")
        .clone();
    a.scroll_to_text(q.block, q.range.start);
    let buf = draw(&mut a);
    let text = a.areas().text;
    let words = &a.doc.blocks[q.block].text[q.range.clone()];
    let underlined = (text.y..text.bottom()).any(|y| {
        let row: String = (text.x..text.right())
            .map(|x| buf[(x, y)].symbol())
            .collect();
        row.find(&words[..12]).is_some_and(|at| {
            let x = text.x + row[..at].chars().count() as u16 + 2;
            buf[(x, y)]
                .modifier
                .contains(ratatui::style::Modifier::UNDERLINED)
        })
    });
    assert!(underlined, "{words}");
}

/// The help scrolls as less does: space a screen on (keeping its last line in view), `d`
/// half a screen, `b` back.
#[test]
fn the_help_pages_like_less() {
    let mut a = app(80, 24);
    press(&mut a, "h");
    let body = |a: &mut App| -> Vec<String> {
        let s = screen(a);
        let lines: Vec<String> = s.lines().map(String::from).collect();
        // inside the help's box: the rows between its top and bottom borders
        lines[1..lines.len() - 2].to_vec()
    };
    let first = body(&mut a);
    press(&mut a, "space");
    let second = body(&mut a);
    assert_eq!(
        second[0],
        first[first.len() - 1],
        "the last line stays in view"
    );
    press(&mut a, "b");
    assert_eq!(body(&mut a), first);
    press(&mut a, "d");
    let half = body(&mut a);
    assert_eq!(half[0], first[first.len() / 2], "half a screen");
}
