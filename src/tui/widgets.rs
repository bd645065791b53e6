//! The reader's widgets, each drawing one part of the screen into the area it is given,
//! from its own state and the styles (never the whole app): `StatefulWidget`s for the parts
//! with state (article, sidebar, status bar, help, highlights list, note editor).

pub mod article_view;
pub mod diff_view;
pub mod help;
pub mod highlight_list;
pub mod note_editor;
pub mod prompt_bar;
pub mod sidebar;
pub mod status_bar;

use crate::tui::state::ReaderState;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use std::ops::Range;

/// The visible article lines that show a block's text, for marks in the margins: each
/// line's screen row (from `text`'s top, above `area`'s bottom), block and byte range.
pub fn text_rows(
    reader: &ReaderState,
    text: Rect,
    area: Rect,
) -> impl Iterator<Item = (u16, usize, Range<usize>)> + '_ {
    reader
        .visible()
        .enumerate()
        .map(move |(row, i)| (text.y + row as u16, i))
        .take_while(move |&(y, _)| y < area.bottom())
        .filter_map(|(y, i)| {
            let (block, range) = reader.page.lines[i].block_range()?;
            Some((y, block, range))
        })
}

/// Whether `c` is a grapheme of one column by itself whatever stands beside it, when all
/// the characters beside it are such too: printable ASCII, Latin-1 and Latin Extended-A
/// and B (no soft hyphen), the dashes, quotation marks, bullets and ellipsis of General
/// Punctuation (no zero-width or bidi characters), mathematical operators, box drawing,
/// block elements and geometric shapes (the sidebar's marks; not the four drawn as emoji).
/// Most of what the reader draws is made of them.
pub fn one_column(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a1}'..='\u{ac}' | '\u{ae}'..='\u{24f}' | '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205e}' | '\u{2200}'..='\u{22ff}' | '\u{2500}'..='\u{25fa}')
}

/// Writes `s` at (`x`, `y`) in at most `width` columns in `style`, exactly as
/// [`Buffer::set_stringn`] does, and returns where it ended. Text made only of
/// [`one_column`] characters (most of an article) is written a character per cell, without
/// the grapheme segmentation `set_stringn` does for any text, which was most of the cost
/// of drawing a frame; other text goes through `set_stringn`.
pub fn put(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    s: &str,
    width: usize,
    style: Style,
) -> (u16, u16) {
    if !s.chars().all(one_column) {
        return buf.set_stringn(x, y, s, width, style);
    }
    let width = u16::try_from(width).unwrap_or(u16::MAX);
    let room = buf.area.right().saturating_sub(x).min(width);
    if room == 0 || s.is_empty() {
        return (x, y);
    }
    let start = buf.index_of(x, y);
    let mut end = x;
    let cells = &mut buf.content[start..start + usize::from(room)];
    for (cell, c) in cells.iter_mut().zip(s.chars()) {
        cell.set_char(c).set_style(style);
        end += 1;
    }
    (end, y)
}

/// Draws `text` at (`x`, `y`) in at most `width` columns, in `base` style patched by each
/// decoration whose byte range (relative to `text`) covers a piece; later decorations win.
pub fn draw_decorated(
    buf: &mut Buffer,
    (x, y): (u16, u16),
    width: u16,
    text: &str,
    base: Style,
    decorations: &[(Range<usize>, Style)],
) {
    if width == 0 {
        return;
    }
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for (r, _) in decorations {
        cuts.push(r.start.min(text.len()));
        cuts.push(r.end.min(text.len()));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let end_x = x.saturating_add(width);
    let mut cx = x;
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let Some(piece) = text.get(a..b) else {
            continue;
        };
        if piece.is_empty() || cx >= end_x {
            continue;
        }
        let mut style = base;
        for (r, s) in decorations {
            if r.start <= a && b <= r.end {
                style = style.patch(*s);
            }
        }
        let (nx, _) = put(buf, (cx, y), piece, usize::from(end_x - cx), style);
        cx = nx;
    }
}

/// `s` with control characters made visible and harmless: C0 controls and DEL become their
/// Unicode control pictures (`␛` for ESC), other controls and bidi controls `�` (see
/// [`crate::printable`]). Notes and tags come from a file anyone can edit; nothing in them
/// may reach the terminal as an escape sequence.
///
/// ```
/// use hearsay::tui::widgets::sanitize;
/// assert_eq!(sanitize("a\u{1b}[2Jb\tc"), "a␛[2Jb␉c");
/// ```
pub fn sanitize(s: &str) -> std::borrow::Cow<'_, str> {
    crate::printable::printable(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Modifier;

    /// `put` draws exactly what `set_stringn` draws, for every character it writes itself
    /// (alone, in runs, cut by the width and by the buffer's edge) and for text it hands on
    /// (wide, combining, emoji, control characters).
    #[test]
    fn put_draws_what_set_stringn_draws() {
        let style = Style::default()
            .fg(ratatui::style::Color::Red)
            .add_modifier(Modifier::BOLD);
        let check = |s: &str, x: u16, width: usize| {
            let area = Rect::new(2, 1, 12, 2);
            let (mut a, mut b) = (Buffer::empty(area), Buffer::empty(area));
            a.set_style(area, Style::default().bg(ratatui::style::Color::Blue));
            b.set_style(area, Style::default().bg(ratatui::style::Color::Blue));
            let ends = (
                put(&mut a, (x, 2), s, width, style),
                b.set_stringn(x, 2, s, width, style),
            );
            assert_eq!(ends.0, ends.1, "{s:?} at {x}, width {width}");
            assert_eq!(a, b, "{s:?} at {x}, width {width}");
        };
        let fast: Vec<char> = (0..=0x2600u32)
            .filter_map(char::from_u32)
            .filter(|&c| one_column(c))
            .collect();
        for &c in &fast {
            check(&c.to_string(), 3, 5);
        }
        // runs of them, picked by a simple generator, cut at every width and place
        let mut seed = 7u32;
        for _ in 0..200 {
            let run: String = (0..9)
                .map(|_| {
                    seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
                    fast[(seed >> 8) as usize % fast.len()]
                })
                .collect();
            for (x, width) in [(2, 20), (5, 4), (12, 9), (13, 3), (14, 5), (4, 0)] {
                check(&run, x, width);
            }
        }
        for s in [
            "",
            "a\u{301}bc",
            "日本語",
            "ab日本",
            "x\u{200d}y",
            "👍🏽 ok",
            "tab\there",
            "soft\u{ad}hyphen",
            "\u{2028}line",
            "flag 🇫🇷",
            "“quoted” — yes…",
        ] {
            for (x, width) in [(2, 20), (5, 4), (12, 9)] {
                check(s, x, width);
            }
        }
    }

    #[test]
    fn decorations_patch_the_base_style() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 12, 1));
        let bold = Style::default().add_modifier(Modifier::BOLD);
        draw_decorated(
            &mut buf,
            (1, 0),
            10,
            "hello world",
            Style::default(),
            &[(6..11, bold)],
        );
        let mut expected = Buffer::with_lines([" hello worl "]);
        expected.set_style(Rect::new(7, 0, 4, 1), bold);
        assert_eq!(buf, expected);
    }
}
