//! The message log (`M`): every message the status bar showed, whole and wrapped, newest
//! last — for the long ones the status bar cuts (config errors, paths).

use crate::document::reflow::wrap;
use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, Scene};
use crate::tui::state::{Message, MessageKind};
use crate::tui::strings;
use crate::tui::widgets::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

/// The log and how far it is scrolled up from the newest message.
#[derive(Debug)]
pub struct MessagesLayer {
    log: Vec<Message>,
    /// Rows scrolled up from the end.
    back: usize,
}

impl MessagesLayer {
    /// The log as it is now.
    pub fn new(log: Vec<Message>) -> MessagesLayer {
        MessagesLayer { log, back: 0 }
    }

    /// The log wrapped to `width` columns: each row with whether it is a warning.
    fn rows(&self, width: usize) -> Vec<(String, bool)> {
        let mut out = Vec::new();
        for m in &self.log {
            let text = sanitize(&m.text);
            let warn = m.kind == MessageKind::Warning;
            for (k, r) in wrap(&text, width.saturating_sub(2).max(1))
                .into_iter()
                .enumerate()
            {
                let lead = if k == 0 { "• " } else { "  " };
                out.push((format!("{lead}{}", &text[r]), warn));
            }
        }
        out
    }
}

impl Layer for MessagesLayer {
    fn context(&self) -> Context {
        Context::Help
    }

    fn handle(&mut self, action: Action, _scene: &Scene) -> EventResult {
        match action {
            Action::ScrollUp => self.back += 1,
            Action::ScrollDown => self.back = self.back.saturating_sub(1),
            Action::PageUp | Action::HalfPageUp => self.back += 10,
            Action::PageDown | Action::HalfPageDown => self.back = self.back.saturating_sub(10),
            Action::Top => self.back = usize::MAX / 2,
            Action::Bottom => self.back = 0,
            Action::ShowMessages | Action::Close => {
                return EventResult::Consumed(vec![Effect::Pop]);
            }
            Action::ToggleHelp | Action::Quit => return EventResult::Ignored,
            _ => {}
        }
        EventResult::consumed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let area = scene
            .areas
            .article
            .union(scene.areas.sidebar.unwrap_or_default());
        let area = area.intersection(buf.area);
        let w = area.width.min(100);
        if w < 12 || area.height < 4 {
            return;
        }
        let r = Rect::new(area.x + (area.width - w) / 2, area.y, w, area.height);
        Clear.render(r, buf);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(scene.styles.focus)
            .title(strings::MESSAGES_TITLE)
            .title_bottom(strings::MESSAGES_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        let rows = self.rows(usize::from(inner.width));
        if rows.is_empty() {
            let w = usize::from(inner.width);
            buf.set_stringn(inner.x, inner.y, strings::NO_MESSAGES, w, scene.styles.meta);
            return;
        }
        let h = usize::from(inner.height);
        self.back = self.back.min(rows.len().saturating_sub(h));
        let end = rows.len() - self.back;
        let start = end.saturating_sub(h);
        for (k, (text, warn)) in rows[start..end].iter().enumerate() {
            let style = if *warn {
                scene.styles.warning
            } else {
                scene.styles.body
            };
            let y = inner.y + k as u16;
            buf.set_stringn(inner.x, y, text, usize::from(inner.width), style);
        }
    }

    fn name(&self) -> &'static str {
        "messages"
    }
}
