//! The help overlay: the live keymap by context, scrolled with the movement keys.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, Scene};
use crate::tui::widgets::help::{Help, lines, rows};
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
    /// Where the help is drawn: over the article and the sidebar, so that it is not
    /// squeezed into the article pane beside a docked sidebar.
    fn area(scene: &Scene) -> ratatui::layout::Rect {
        let a = scene.areas;
        a.article.union(a.sidebar.unwrap_or(a.article))
    }

    /// Lines of the help in view at once: the help's area inside its border.
    fn visible(scene: &Scene) -> usize {
        usize::from(Self::area(scene).height.saturating_sub(2)).max(1)
    }

    fn scroll_to(&mut self, to: usize, scene: &Scene) {
        let max = lines(&rows(&scene.config.keymap), Self::area(scene))
            .len()
            .saturating_sub(Self::visible(scene));
        self.scroll = to.min(max);
    }
}

impl Layer for HelpLayer {
    fn context(&self) -> Context {
        Context::Help
    }

    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult {
        let visible = Self::visible(scene);
        let s = self.scroll;
        let to = match action {
            Action::ScrollDown => s + 1,
            Action::ScrollUp => s.saturating_sub(1),
            // as in less: a screen (less a line of context), or half of one
            Action::PageDown => s + visible.saturating_sub(1).max(1),
            Action::PageUp => s.saturating_sub(visible.saturating_sub(1).max(1)),
            Action::HalfPageDown => s + (visible / 2).max(1),
            Action::HalfPageUp => s.saturating_sub((visible / 2).max(1)),
            Action::Top => 0,
            Action::Bottom => usize::MAX,
            // q closes the help, as in less ([keys.help]); ctrl-c still quits
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
        let area = Self::area(scene).intersection(buf.area);
        Help {
            rows: &rows(&scene.config.keymap),
            styles: scene.styles,
        }
        .render(area, buf, &mut self.scroll);
    }

    fn name(&self) -> &'static str {
        "help"
    }
}
