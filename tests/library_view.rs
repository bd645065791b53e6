//! The library view drawn into a buffer: columns, the selected row, the status line, and
//! text from files (titles, paths) made printable.

use hearsay::library::ArticleEntry;
use hearsay::library::Progress;
use hearsay::tui::library::{LibraryView, draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::path::PathBuf;

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
