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
        let (nx, _) = buf.set_stringn(cx, y, piece, usize::from(end_x - cx), style);
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
