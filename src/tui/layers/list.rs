//! The highlights list (`H`): every highlight of the article; Enter goes to one, and the
//! highlight keys act on the selected one.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, MarkOp, Scene};
use crate::tui::state::HighlightListState;
use crate::tui::widgets::highlight_list::{HighlightList, list_rect};
use ratatui::buffer::Buffer;
use ratatui::widgets::StatefulWidget;

/// The list's selection and scroll.
#[derive(Debug)]
pub struct ListLayer {
    state: HighlightListState,
}

impl ListLayer {
    /// The list with the `sel`-th highlight selected.
    pub fn new(sel: usize) -> ListLayer {
        ListLayer {
            state: HighlightListState { sel, offset: 0 },
        }
    }
}

impl Layer for ListLayer {
    fn context(&self) -> Context {
        Context::Highlights
    }

    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult {
        let n = scene.store.map_or(0, |s| s.highlights().len());
        let rows = usize::from(list_rect(scene.areas.article).height.saturating_sub(2));
        let on = self.highlight(scene);
        let mark = |op| Effect::Mark { op, on: on.clone() };
        let l = &mut self.state;
        let out = match action {
            Action::ScrollDown => {
                l.sel = (l.sel + 1).min(n.saturating_sub(1));
                vec![]
            }
            Action::ScrollUp => {
                l.sel = l.sel.saturating_sub(1);
                vec![]
            }
            Action::PageDown | Action::HalfPageDown => {
                l.sel += rows / 4;
                vec![]
            }
            Action::PageUp | Action::HalfPageUp => {
                l.sel = l.sel.saturating_sub(rows / 4);
                vec![]
            }
            Action::Top => {
                l.sel = 0;
                vec![]
            }
            Action::Bottom => {
                l.sel = n.saturating_sub(1);
                vec![]
            }
            Action::Select | Action::Confirm => vec![
                Effect::Pop,
                Effect::Mark {
                    op: MarkOp::GoTo(l.sel),
                    on: None,
                },
            ],
            Action::EditNote => vec![mark(MarkOp::EditNote)],
            Action::EditTags => vec![mark(MarkOp::EditTags)],
            Action::DeleteHighlight => vec![mark(MarkOp::Delete)],
            Action::CycleStatus => vec![mark(MarkOp::CycleStatus)],
            Action::Undo => vec![mark(MarkOp::Undo)],
            Action::ListHighlights | Action::Close => vec![Effect::Pop],
            Action::ToggleHelp | Action::Quit => return EventResult::Ignored,
            _ => vec![],
        };
        self.state.fix(n, rows);
        EventResult::Consumed(out)
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let Some(store) = scene.store else {
            return;
        };
        HighlightList {
            store,
            styles: scene.styles,
        }
        .render(
            scene.areas.article.intersection(buf.area),
            buf,
            &mut self.state,
        );
    }

    fn highlight(&self, scene: &Scene) -> Option<String> {
        let store = scene.store?;
        store.highlights().get(self.state.sel).map(|h| h.id.clone())
    }

    fn name(&self) -> &'static str {
        "highlights"
    }
}
