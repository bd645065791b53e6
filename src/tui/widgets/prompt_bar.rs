//! A prompt drawn over the status bar: its label, what was typed (the end kept in view when
//! it is long) and a block cursor.

use crate::tui::styles::Styles;
use crate::tui::widgets::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// The prompt line.
pub struct PromptBar<'a> {
    /// What the prompt asks (`/`, `tags (comma separated): `).
    pub label: &'a str,
    /// What was typed.
    pub text: &'a str,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl Widget for PromptBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let st = self.styles;
        Clear.render(area, buf);
        buf.set_style(area, st.status);
        let text = format!("{}{}", self.label, sanitize(self.text));
        let w = usize::from(area.width);
        // keep the end visible, with room for the cursor
        let mut shown: &str = &text;
        while shown.width() + 1 > w && !shown.is_empty() {
            let mut it = shown.char_indices();
            it.next();
            shown = it.next().map_or("", |(i, _)| &shown[i..]);
        }
        let (cx, _) = buf.set_stringn(area.x, area.y, shown, w, st.status);
        if cx < area.right() {
            buf.set_string(cx, area.y, " ", st.status.add_modifier(Modifier::REVERSED));
        }
    }
}
