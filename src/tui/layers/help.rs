//! The help overlay: the live keymap by context, scrolled with the movement keys.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, Scene};
use crate::tui::widgets::help::{Help, rows};
use ratatui::buffer::Buffer;
use ratatui::widgets::StatefulWidget;

/// Lines the wheel scrolls the help per notch.
const WHEEL_LINES: usize = 3;

/// The help, and how far it is scrolled.
#[derive(Debug, Default)]
pub struct HelpLayer {
    scroll: usize,
}

impl HelpLayer {
    fn scroll_to(&mut self, to: usize, scene: &Scene) {
        let visible = usize::from(scene.areas.article.height.saturating_sub(3)).max(1);
        let max = rows(&scene.config.keymap).len().saturating_sub(visible);
        self.scroll = to.min(max);
    }
}

impl Layer for HelpLayer {
    fn context(&self) -> Context {
        Context::Article
    }

    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult {
        let visible = usize::from(scene.areas.article.height.saturating_sub(3)).max(1);
        let s = self.scroll;
        let to = match action {
            Action::ScrollDown => s + 1,
            Action::ScrollUp => s.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => s + visible / 2,
            Action::PageUp | Action::HalfPageUp => s.saturating_sub(visible / 2),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            Action::ToggleHelp | Action::Close => {
                return EventResult::Consumed(vec![Effect::Pop]);
            }
            Action::Quit => return EventResult::Ignored,
            _ => return EventResult::consumed(),
        };
        self.scroll_to(to, scene);
        EventResult::consumed()
    }

    fn wheel(&mut self, down: bool, scene: &Scene) -> EventResult {
        let to = if down {
            self.scroll + WHEEL_LINES
        } else {
            self.scroll.saturating_sub(WHEEL_LINES)
        };
        self.scroll_to(to, scene);
        EventResult::consumed()
    }

    fn click(&mut self) -> EventResult {
        EventResult::consumed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let area = scene.areas.article.intersection(buf.area);
        Help {
            keymap: &scene.config.keymap,
            styles: scene.styles,
        }
        .render(area, buf, &mut self.scroll);
    }

    fn name(&self) -> &'static str {
        "help"
    }
}
