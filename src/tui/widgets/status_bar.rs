//! The status bar: file name, the message of the moment (or the speaker filter), and the
//! position.

use crate::tui::state::{MessageKind, StatusState};
use crate::tui::strings;
use crate::tui::styles::Styles;
use crate::tui::widgets::put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::StatefulWidget;
use unicode_width::UnicodeWidthStr;

/// The bottom line of the screen.
pub struct StatusBar<'a> {
    /// The article's name.
    pub name: &'a str,
    /// How far down the article the reader is, in percent.
    pub percent: usize,
    /// The speaker the claims are filtered to, shown when there is no message.
    pub filter: Option<&'a str>,
    /// What the keys do in the open overlay, shown when there is no message.
    pub hint: Option<&'a str>,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl StatefulWidget for StatusBar<'_> {
    type State = StatusState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut StatusState) {
        if area.is_empty() {
            return;
        }
        let st = self.styles;
        buf.set_style(area, st.status);
        let (x, y, w) = (area.x, area.y, area.width);
        let pos = format!(" {:>3}% ", self.percent);
        let name = format!(" {} ", self.name);
        let pos_w = pos.width() as u16;
        let right = if w > pos_w + 4 { pos_w } else { 0 };
        if right > 0 {
            buf.set_string(x + w - right, y, &pos, st.status);
        }
        let room = w - right;
        let (mut cx, _) = put(
            buf,
            (x, y),
            &name,
            usize::from(room),
            st.status.add_modifier(Modifier::BOLD),
        );
        if cx + 2 >= x + room {
            return;
        }
        cx += 1;
        let room = usize::from(x + room - cx);
        if let Some(m) = &state.message {
            let style = match m.kind {
                MessageKind::Info => st.message,
                MessageKind::Warning => st.warning,
            };
            put(buf, (cx, y), &m.text, room, style);
        } else if let Some(hint) = self.hint {
            put(buf, (cx, y), hint, room, st.message);
        } else if let Some(name) = self.filter {
            // the filter stays in view when the sidebar is closed
            put(
                buf,
                (cx, y),
                &strings::filter_status(name),
                room,
                st.message,
            );
        }
    }
}
