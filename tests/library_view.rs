//! The library view drawn into a buffer: columns, the selected row, the status line, and
//! text from files (titles, paths) made printable.

mod common;

use common::corpus;
use hearsay::config::Config;
use hearsay::library::ArticleEntry;
use hearsay::library::{Library, Progress};
use hearsay::tui::library::{LibraryView, Request, Screen, draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;

fn entry(path: &str, title: &str, highlights: usize, read: Option<u8>) -> ArticleEntry {
    ArticleEntry {
        path: PathBuf::from(path),
        hash: String::new(),
        title: title.into(),
        publication: Some("The Harbor Ledger".into()),
        date: Some("2025-03-03".into()),
        url: None,
        mtime: 0,
        bytes: 1000,
        quotes: 4,
        claims: 4,
        speakers: 3,
        unnamed: 1,
        highlights,
        read,
    }
}

fn lines(buf: &Buffer) -> Vec<String> {
    (0..buf.area.height)
        .map(|y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                .trim_end()
                .to_string()
        })
        .collect()
}

#[test]
fn the_article_list_shows_every_column_and_the_progress() {
    let mut v = LibraryView::new(
        PathBuf::from("/news"),
        vec![
            entry("/news/a.txt", "Tide gates fail", 2, Some(40)),
            entry(
                "/news/b.txt",
                "Ferry crews\u{1b}]0;pwned\u{7} refuse",
                0,
                None,
            ),
        ],
    );
    v.progress = Some(Progress { done: 3, total: 10 });
    let area = Rect::new(0, 0, 110, 6);
    let mut buf = Buffer::empty(area);
    draw::draw(&mut v, area, &mut buf);
    let l = lines(&buf);
    assert_eq!(l[0], "Library · /news · 2 of 2 articles");
    for col in [
        "Title",
        "Publication",
        "Date",
        "Quo",
        "Spk",
        "Unnamed",
        "Hl",
        "Read",
    ] {
        assert!(l[1].contains(col), "{col}: {}", l[1]);
    }
    assert!(l[2].starts_with("Tide gates fail"), "{}", l[2]);
    assert!(l[2].contains("The Harbor Ledger") && l[2].contains("2025-03-03"));
    assert!(l[2].contains(" 25%") && l[2].contains(" 40%"), "{}", l[2]);
    // the escape sequence is not drawn as such
    assert!(
        !l[3].contains('\u{1b}') && !l[3].contains('\u{7}'),
        "{:?}",
        l[3]
    );
    assert!(l[3].contains("Ferry crews"), "{}", l[3]);
    assert!(
        l[5].starts_with("indexing 3/10 · sorted by file"),
        "{}",
        l[5]
    );
    // the selected row is drawn reversed
    assert!(
        buf[(0, 2)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
    assert!(
        !buf[(0, 3)]
            .modifier
            .contains(ratatui::style::Modifier::REVERSED)
    );
}

#[test]
fn a_tiny_terminal_gets_a_note_not_a_panic() {
    let mut v = LibraryView::new(PathBuf::from("/news"), vec![entry("/a.txt", "T", 0, None)]);
    for (w, h) in [(1, 1), (9, 2), (10, 3), (200, 3)] {
        let area = Rect::new(0, 0, w, h);
        let mut buf = Buffer::empty(area);
        draw::draw(&mut v, area, &mut buf);
    }
}

fn press(v: &mut LibraryView, keys: &str) -> Request {
    let mut last = Request::None;
    for k in hearsay::keymap::parse_keys(keys).unwrap() {
        last = v.key(k);
    }
    last
}

fn drawn(v: &mut LibraryView) -> Vec<String> {
    let area = Rect::new(0, 0, 120, 12);
    let mut buf = Buffer::empty(area);
    draw::draw(v, area, &mut buf);
    lines(&buf)
}

/// The versions fixtures indexed for real, in a view at the article list.
fn versions_view(home: &std::path::Path) -> LibraryView {
    let news = home.join("news");
    corpus::write_versions(&news);
    let mut lib = Library::open_at(&home.join("library.sqlite"), &news).unwrap();
    lib.index(&AtomicBool::new(false), &|_: Progress| {})
        .unwrap();
    LibraryView::new(
        lib.root().to_path_buf(),
        lib.articles(Some(&home.join("highlights"))).unwrap(),
    )
}

fn file(p: &std::path::Path) -> &str {
    p.file_name().unwrap().to_str().unwrap()
}

#[test]
fn versions_are_one_row_with_a_timeline_and_any_two_are_compared() {
    let home = tempfile::tempdir().unwrap();
    let mut v = versions_view(home.path());
    let l = drawn(&mut v);
    assert!(l[0].ends_with("2 of 2 articles (4 files)"), "{}", l[0]);
    assert!(l[1].contains("Ve"), "{}", l[1]);
    let tide = l
        .iter()
        .find(|r| r.contains("Tide gates fail again"))
        .unwrap();
    assert!(tide.ends_with(" 3"), "three versions: {tide}");
    assert!(
        !l.iter().any(|r| r.starts_with("Tide gates fail on")),
        "{l:#?}"
    );

    // the ferry article has one version
    press(&mut v, "g");
    let first = v.selected_article().unwrap().title.clone();
    if first.starts_with("Ferry") {
        assert_eq!(press(&mut v, "D"), Request::None);
        assert!(v.message.as_deref().unwrap().contains("one version"));
        press(&mut v, "j");
    }
    // D on the article list: its two newest versions
    match press(&mut v, "D") {
        Request::Diff(old, new) => {
            assert_eq!(
                (file(&old), file(&new)),
                ("tide-gates-1400.html", "tide-gates-saved.md")
            );
        }
        other => panic!("{other:?}"),
    }

    // v: the timeline, oldest first, the newest selected
    press(&mut v, "v");
    assert_eq!(v.screen, Screen::Versions);
    let l = drawn(&mut v);
    assert!(
        l[0].starts_with("Versions of 'Tide gates fail again on the east quay' · 3"),
        "{}",
        l[0]
    );
    for col in ["Date", "Saved (UTC)", "Title", "File"] {
        assert!(l[1].contains(col), "{col}: {}", l[1]);
    }
    assert!(l[2].contains("2025-05-02 09:05") && l[2].contains("tide-gates-0900.html"));
    assert!(
        l[2].contains("Tide gates fail on the east quay"),
        "{}",
        l[2]
    );
    assert!(l[3].contains("2025-05-02 14:05"), "{}", l[3]);
    assert!(l[4].contains("2025-05-03 08:05"), "{}", l[4]);
    assert_eq!(v.cursor(), 2);

    // D without a mark: the selected version and the one before it
    press(&mut v, "k");
    match press(&mut v, "D") {
        Request::Diff(old, new) => assert_eq!(
            (file(&old), file(&new)),
            ("tide-gates-0900.html", "tide-gates-1400.html")
        ),
        other => panic!("{other:?}"),
    }
    // m marks; D compares the marked one and the selected one, older first
    press(&mut v, "G m");
    assert!(drawn(&mut v)[4].starts_with('*'));
    match press(&mut v, "g D") {
        Request::Diff(old, new) => assert_eq!(
            (file(&old), file(&new)),
            ("tide-gates-0900.html", "tide-gates-saved.md")
        ),
        other => panic!("{other:?}"),
    }
    // enter opens the version selected; esc goes back to the article list
    match press(&mut v, "enter") {
        Request::Open(path, None) => assert_eq!(file(&path), "tide-gates-0900.html"),
        other => panic!("{other:?}"),
    }
    press(&mut v, "esc");
    assert_eq!(v.screen, Screen::Articles);
    assert_eq!(v.marked, None);
}

#[test]
fn library_keys_come_from_the_config_and_are_in_its_help() {
    let home = tempfile::tempdir().unwrap();
    let checked = Config::check(
        "[keys.library]\n\"V\" = \"show_versions\"\n\"c\" = \"compare_versions\"\n",
        std::path::Path::new("config.toml"),
    );
    assert!(
        checked.found.mistakes.is_empty(),
        "{:?}",
        checked.found.mistakes
    );
    let mut v = versions_view(home.path()).with_config(&checked.config);
    press(&mut v, "G");
    if v.selected_article().unwrap().title.starts_with("Ferry") {
        press(&mut v, "k");
    }
    press(&mut v, "V");
    assert_eq!(v.screen, Screen::Versions, "the new key");
    assert!(matches!(press(&mut v, "c"), Request::Diff(..)));
    let l = drawn(&mut v);
    let status = l.last().unwrap();
    assert!(
        status.contains("c compare"),
        "hints follow the keys: {status}"
    );
    // the help lists the library's keys as bound
    press(&mut v, "h");
    let area = Rect::new(0, 0, 100, 50);
    let mut buf = Buffer::empty(area);
    draw::draw(&mut v, area, &mut buf);
    let l = lines(&buf).join("\n");
    assert!(l.contains("Library"), "{l}");
    assert!(
        l.contains("V, v") && l.contains("versions of the article"),
        "{l}"
    );
    assert!(l.contains("D, c") && l.contains("compare marked"), "{l}");
    assert!(l.contains("open the article, person"), "{l}");
    press(&mut v, "q");
    assert_eq!(v.help, None, "q closes the help, as in less");
    assert_eq!(v.screen, Screen::Versions);
    // a key bound to nothing says so
    press(&mut v, "x");
    assert!(
        v.message
            .as_deref()
            .unwrap()
            .contains("'x' does nothing here")
    );
    // and so does a reader's key that the library does not use (] : M did nothing, silently)
    for key in ["]", ":", "M"] {
        press(&mut v, key);
        let said = v.message.as_deref().unwrap_or_default();
        assert!(
            said.contains(&format!("'{key}' does nothing here")),
            "{key}: {said}"
        );
    }
}
