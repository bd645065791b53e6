//! The status bar: file name, message or search prompt, and the position.

use crate::tui::app::{App, MessageKind};
use crate::tui::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

/// The bottom line of the screen.
pub struct StatusBar<'a> {
    /// The app to describe.
    pub app: &'a App,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let app = self.app;
        let st = &app.styles;
        buf.set_style(area, st.status);
        let (x, y, w) = (area.x, area.y, area.width);
        if let Some(p) = &app.prompt {
            let text = format!("{}{}", strings::SEARCH_PROMPT, p.text);
            // keep the end of a long query visible
            let tw = text.width();
            let shown: &str = if tw + 1 > usize::from(w) {
                let mut start = 0;
                for (i, _) in text.char_indices() {
                    if text[i..].width() < usize::from(w) {
                        start = i;
                        break;
                    }
                }
                &text[start..]
            } else {
                &text
            };
            let (cx, _) = buf.set_stringn(x, y, shown, usize::from(w), st.status);
            if cx < x + w {
                buf.set_string(cx, y, " ", st.status.add_modifier(Modifier::REVERSED));
            }
            return;
        }
        let pos = format!(" {:>3}% ", app.percent());
        let name = format!(" {} ", app.name);
        let pos_w = pos.width() as u16;
        let right = if w > pos_w + 4 { pos_w } else { 0 };
        if right > 0 {
            buf.set_string(x + w - right, y, &pos, st.status);
        }
        let room = w - right;
        let (mut cx, _) = buf.set_stringn(
            x,
            y,
            &name,
            usize::from(room),
            st.status.add_modifier(Modifier::BOLD),
        );
        if cx + 2 >= x + room {
            return;
        }
        cx += 1;
        let room = usize::from(x + room - cx);
        if let Some(m) = &app.message {
            let style = match m.kind {
                MessageKind::Info => st.message,
                MessageKind::Warning => st.warning,
            };
            buf.set_stringn(cx, y, &m.text, room, style);
        } else if let Some(s) = app.filter.and_then(|f| app.sources.speakers.get(f)) {
            // the filter stays in view when the sidebar is closed
            buf.set_stringn(cx, y, strings::filter_status(&s.name), room, st.message);
        }
    }
}
