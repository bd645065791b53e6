//! The note editor: a small multi-line text box over the article, for the note of one
//! highlight. [`NoteEditorState`] holds the text and the cursor; [`NoteEditor`] draws it.

use crate::tui::state::NoteEditorState;
use crate::tui::strings;
use crate::tui::styles::Styles;
use crate::tui::widgets::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, StatefulWidget, Widget};

/// Draws the note editor over the article, in the upper middle of its area.
pub struct NoteEditor<'a> {
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl StatefulWidget for NoteEditor<'_> {
    type State = NoteEditorState;

    fn render(self, area: Rect, buf: &mut Buffer, ed: &mut NoteEditorState) {
        let styles = self.styles;
        let w = area.width.min(64);
        let h = area.height.min(12);
        if w < 12 || h < 4 {
            return;
        }
        let r = Rect::new(
            area.x + (area.width - w) / 2,
            area.y + (area.height - h) / 3,
            w,
            h,
        );
        Clear.render(r, buf);
        let title = format!("{}· {} ", strings::NOTE_TITLE, sanitize(&ed.excerpt));
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.focus)
            .title(title)
            .title_bottom(strings::NOTE_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        if inner.is_empty() {
            return;
        }
        let width = usize::from(inner.width);
        let rows = ed.rows(width);
        let (crow, ccol) = ed.cursor_cell(width);
        let visible = usize::from(inner.height);
        let first = (crow + 1).saturating_sub(visible);
        for (k, (li, range)) in rows.iter().enumerate().skip(first).take(visible) {
            let y = inner.y + (k - first) as u16;
            let text = sanitize(&ed.lines[*li][range.clone()]);
            buf.set_stringn(inner.x, y, &text, width, styles.body);
        }
        if crow >= first && crow < first + visible {
            let x = inner.x + (ccol as u16).min(inner.width - 1);
            let y = inner.y + (crow - first) as u16;
            let cell = &mut buf[(x, y)];
            cell.set_style(cell.style().add_modifier(Modifier::REVERSED));
            if cell.symbol().is_empty() {
                cell.set_symbol(" ");
            }
        }
    }
}
