//! The diff view as a full-screen layer: what changed between two versions of the article
//! (`hearsay diff OLD NEW`, or `D` in the reader when the text changed since it was
//! highlighted). Its keys are `[keys.diff]`: `]`/`[` step from change to change, scrolling
//! the text to it; the movement keys scroll; Esc (or `D`) goes back to the reader; `q` and
//! `h` fall through to the reader.

use crate::diff::Diff;
use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, Scene};
use crate::tui::strings::DiffKeys;
use crate::tui::widgets::diff_view::{DiffView, DiffViewState, panes};
use ratatui::buffer::Buffer;
use ratatui::widgets::StatefulWidget;
use std::sync::Arc;

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;
/// Lines of context kept above a change scrolled to.
const CONTEXT_ABOVE: usize = 2;

/// The diff and where the view is in it.
#[derive(Debug)]
pub struct DiffLayer {
    diff: Arc<Diff>,
    state: DiffViewState,
}

impl DiffLayer {
    /// The view on `diff`, at the top, no change selected.
    pub fn new(diff: Arc<Diff>) -> DiffLayer {
        DiffLayer {
            diff,
            state: DiffViewState::default(),
        }
    }

    /// The selected change (index in [`Diff::changes`]), for tests.
    pub fn selected(&self) -> Option<usize> {
        self.state.sel
    }

    /// Lays the text out for the scene and returns the text pane's height.
    fn fit(&mut self, scene: &Scene) -> usize {
        let (_, text, _, _) = panes(scene.areas.screen);
        self.state
            .lay_out(&self.diff, usize::from(text.width.saturating_sub(2)));
        usize::from(text.height).max(1)
    }

    fn scroll_by(&mut self, d: isize, height: usize) {
        let to = self.state.scroll.saturating_add_signed(d);
        self.state.scroll_to(to, height);
    }

    /// `]`/`[`: the next or previous change (round at the ends), its row scrolled to.
    fn step(&mut self, forward: bool, height: usize) {
        let n = self.diff.changes.len();
        if n == 0 {
            return;
        }
        let sel = match (self.state.sel, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) => (i + 1) % n,
            (Some(i), false) => (i + n - 1) % n,
        };
        self.state.sel = Some(sel);
        if let Some(line) = self.diff.changes[sel]
            .row
            .and_then(|r| self.state.row_line(r))
        {
            self.state
                .scroll_to(line.saturating_sub(CONTEXT_ABOVE), height);
        }
    }
}

impl Layer for DiffLayer {
    fn context(&self) -> Context {
        Context::Diff
    }

    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult {
        let h = self.fit(scene);
        let half = (h / 2).max(1) as isize;
        match action {
            Action::ScrollDown => self.scroll_by(1, h),
            Action::ScrollUp => self.scroll_by(-1, h),
            Action::PageDown => self.scroll_by(h.saturating_sub(1).max(1) as isize, h),
            Action::PageUp => self.scroll_by(-(h.saturating_sub(1).max(1) as isize), h),
            Action::HalfPageDown => self.scroll_by(half, h),
            Action::HalfPageUp => self.scroll_by(-half, h),
            Action::Top => self.state.scroll = 0,
            Action::Bottom => self.state.scroll_to(usize::MAX, h),
            Action::NextChange => self.step(true, h),
            Action::PrevChange => self.step(false, h),
            Action::Close | Action::ShowDiff => return EventResult::Consumed(vec![Effect::Pop]),
            Action::Quit | Action::ToggleHelp => return EventResult::Ignored,
            _ => {}
        }
        EventResult::consumed()
    }

    fn wheel(&mut self, down: bool, scene: &Scene) -> EventResult {
        let h = self.fit(scene);
        let d = WHEEL_LINES as isize;
        self.scroll_by(if down { d } else { -d }, h);
        EventResult::consumed()
    }

    fn click(&mut self) -> EventResult {
        EventResult::consumed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let km = &scene.config.keymap;
        let key = |ctx, a: Action| {
            km.hint(ctx, a)
                .map_or_else(|| a.name().to_string(), |k| k.to_string())
        };
        let keys = DiffKeys {
            next: key(Context::Diff, Action::NextChange),
            prev: key(Context::Diff, Action::PrevChange),
            close: key(Context::Diff, Action::Close),
            quit: key(Context::Diff, Action::Quit),
        };
        DiffView {
            diff: &self.diff,
            styles: scene.styles,
            keys: &keys,
        }
        .render(
            scene.areas.screen.intersection(buf.area),
            buf,
            &mut self.state,
        );
    }

    fn name(&self) -> &'static str {
        "diff"
    }
}
