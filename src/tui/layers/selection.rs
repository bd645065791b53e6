//! Selecting sentences to highlight (`v`): `j`/`k` move the end by a sentence, `}`/`{` by a
//! paragraph; `h` or Enter highlights the selection, Esc cancels.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, MarkOp, Scene};
use crate::tui::state::{Selection, Unit};
use crate::tui::strings;
use ratatui::buffer::Buffer;

/// The selection being made.
#[derive(Debug)]
pub struct SelectionLayer {
    sel: Selection,
}

impl SelectionLayer {
    /// A selection starting (and ending) at `sel.anchor`.
    pub fn new(sel: Selection) -> SelectionLayer {
        SelectionLayer { sel }
    }
}

impl Layer for SelectionLayer {
    fn context(&self) -> Context {
        Context::Selection
    }

    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult {
        let sel = &mut self.sel;
        let n = sel.units.len();
        let block_of = |i: usize| sel.units[i].0;
        match action {
            Action::ScrollDown => sel.head = (sel.head + 1).min(n - 1),
            Action::ScrollUp => sel.head = sel.head.saturating_sub(1),
            Action::NextParagraph => {
                // to the end of this paragraph, or of the next one when already there
                let mut h = sel.head;
                if h + 1 < n && block_of(h + 1) != block_of(h) {
                    h += 1;
                }
                while h + 1 < n && block_of(h + 1) == block_of(h) {
                    h += 1;
                }
                sel.head = h;
            }
            Action::PrevParagraph => {
                let mut h = sel.head;
                if h > 0 && block_of(h - 1) != block_of(h) {
                    h -= 1;
                }
                while h > 0 && block_of(h - 1) == block_of(h) {
                    h -= 1;
                }
                sel.head = h;
            }
            Action::Highlight | Action::Confirm | Action::Select => {
                let chosen = sel.selected();
                let (Some((b0, r0)), Some((b1, r1))) = (chosen.first(), chosen.last()) else {
                    return EventResult::Consumed(vec![Effect::Pop]);
                };
                let start = scene.doc.blocks[*b0].map.range_to_source(r0.clone()).start;
                let end = scene.doc.blocks[*b1].map.range_to_source(r1.clone()).end;
                let op = MarkOp::AddPassage(start..end.max(start));
                return EventResult::Consumed(vec![Effect::Pop, Effect::Mark { op, on: None }]);
            }
            Action::Close => {
                let said = Effect::Say(strings::SELECTION_CANCELLED.into());
                return EventResult::Consumed(vec![Effect::Pop, said]);
            }
            Action::ToggleHelp | Action::Quit => return EventResult::Ignored,
            _ => return EventResult::consumed(),
        }
        let (b, r) = sel.units[sel.head].clone();
        let at = if sel.head >= sel.anchor {
            r.end
        } else {
            r.start
        };
        let offset = at.saturating_sub(1).max(r.start);
        EventResult::Consumed(vec![Effect::ScrollToText { block: b, offset }])
    }

    fn render(&mut self, _scene: &Scene, _buf: &mut Buffer) {
        // drawn in the article, as decorations of the selected sentences
    }

    fn selection(&self) -> Option<&[Unit]> {
        Some(self.sel.selected())
    }

    fn name(&self) -> &'static str {
        "selection"
    }
}
