//! The article pane's behaviour: scrolling, paragraphs, search and keeping the place across
//! a resize, on the [`ReaderState`] it owns. The reading position is an [`Anchor`] in the
//! text, so a re-layout at another width keeps the reader's place.

use crate::document::{BlockKind, Document};
use crate::keymap::Action;
use crate::tui::compositor::Effect;
use crate::tui::page::{Anchor, Page};
use crate::tui::state::{Match, ReaderState, Search};
use crate::tui::strings;
use std::ops::Range;

impl ReaderState {
    /// The largest top line: the last screen shows the end of the page.
    pub fn max_top(&self) -> usize {
        self.page.lines.len().saturating_sub(self.height.max(1))
    }

    /// Scrolls so that line `top` is at the top (clamped).
    pub fn set_top(&mut self, top: usize) {
        let top = top.min(self.max_top());
        self.top = top;
        if top < self.page.lines.len() {
            self.anchor = self.page.key(top);
        }
    }

    /// Scrolls by `delta` lines.
    pub fn scroll_by(&mut self, delta: isize) {
        let t = self.top.saturating_add_signed(delta);
        self.set_top(t);
    }

    /// Position as a percentage: 0 at the top, 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.top * 100).checked_div(max).unwrap_or(100)
    }

    /// The visible line range of the page.
    pub fn visible(&self) -> Range<usize> {
        let end = (self.top + self.height.max(1)).min(self.page.lines.len());
        self.top.min(end)..end
    }

    /// The text under the top line: block index and byte offset.
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// Goes back to a reading position.
    pub fn restore(&mut self, anchor: Anchor) {
        self.anchor = anchor;
        self.top = self.page.line_of(anchor).min(self.max_top());
    }

    /// Lays the article out for a text column `width` wide showing `height` rows, keeping
    /// the place.
    pub fn relayout(&mut self, doc: &Document, width: usize, height: usize) {
        self.height = height.max(1);
        let width = width.max(1);
        if self.page.width != width {
            // keep other widths only for ordinary articles: a layout of a huge one costs
            // tens of megabytes and is rebuilt in well under a second, so it is dropped
            // before the new one is built rather than held alongside it
            let old = std::mem::take(&mut self.page);
            if self.pages.len() > 8 {
                self.pages.clear();
            }
            if old.width > 0 && old.lines.len() <= 50_000 {
                self.pages.insert(old.width, old);
            }
            self.page = self
                .pages
                .remove(&width)
                .unwrap_or_else(|| Page::build(doc, width));
        }
        self.top = self.page.line_of(self.anchor).min(self.max_top());
    }

    /// Scrolls so that byte `offset` of block `block` is visible; when it is not already,
    /// it is put a third of the way down the screen.
    pub fn scroll_to_text(&mut self, block: usize, offset: usize) {
        let Some(line) = self.page.line_of_text(block, offset) else {
            return;
        };
        let h = self.height.max(1);
        if line < self.top || line >= self.top + h {
            self.set_top(line.saturating_sub(h / 3));
        }
    }

    /// Scrolls a quote or claim starting at byte `start` of block `block` into view, with a
    /// few lines of context above it.
    pub fn show_stop(&mut self, block: usize, start: usize) {
        if let Some(line) = self.page.line_of_text(block, start) {
            let h = self.height.max(1);
            let context = (h / 6).clamp(1, 3);
            if line < self.top + context || line + 2 > self.top + h {
                self.set_top(line.saturating_sub(context));
            }
        }
    }

    /// Goes to a reading position given as a byte offset in the article's source.
    pub fn go_to_offset(&mut self, doc: &Document, offset: usize) {
        if let Some(b) = doc.block_at(offset) {
            let t = doc.blocks[b].to_text(offset);
            if let Some(line) = self.page.line_of_text(b, t) {
                self.restore(self.page.key(line));
            }
        }
    }

    /// The text of the top visible line.
    pub fn top_text<'a>(&'a self, doc: &'a Document) -> &'a str {
        self.page.text(doc, self.top)
    }

    /// The block shown at the top line, if the top line shows block text.
    pub fn top_block(&self) -> Option<usize> {
        self.page
            .lines
            .get(self.top)
            .and_then(|l| l.block_range())
            .map(|(block, _)| block)
    }

    /// Applies a movement or search action. `None` when the action is not the reader's.
    pub fn update(&mut self, action: Action) -> Option<Vec<Effect>> {
        let page = self.height.max(1);
        let mut out = Vec::new();
        match action {
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(2).max(1) as isize),
            Action::PageUp => self.scroll_by(-(page.saturating_sub(2).max(1) as isize)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Action::Top => self.set_top(0),
            Action::Bottom => self.set_top(usize::MAX),
            Action::NextParagraph => {
                let next = self.page.block_starts().find(|&i| i > self.top);
                match next {
                    Some(i) if i <= self.max_top() => self.set_top(i),
                    _ => out.push(Effect::Say(strings::LAST_PARAGRAPH.into())),
                }
            }
            Action::PrevParagraph => {
                let prev = self.page.block_starts().filter(|&i| i < self.top).last();
                match prev {
                    Some(i) => self.set_top(i),
                    None if self.top > 0 => self.set_top(0),
                    None => out.push(Effect::Say(strings::FIRST_PARAGRAPH.into())),
                }
            }
            Action::NextMatch => out.push(self.step_match(true)),
            Action::PrevMatch => out.push(self.step_match(false)),
            _ => return None,
        }
        Some(out)
    }

    /// Searches for what the prompt holds and moves to the first match after `from` (the
    /// place the prompt was opened at).
    pub fn search_typed(&mut self, doc: &Document, query: &str, from: Anchor) {
        if query.is_empty() {
            self.search = None;
            self.restore(from);
            return;
        }
        let matches = find_all(doc, query);
        let first = matches
            .iter()
            .position(|m| (m.block, m.range.start) >= from)
            .or((!matches.is_empty()).then_some(0));
        self.search = Some(Search {
            query: query.to_string(),
            matches,
            current: first,
        });
        match first {
            Some(i) => self.show_match(i),
            None => self.restore(from),
        }
    }

    /// What to say when the search prompt is accepted.
    pub fn search_confirmed(&mut self) -> Option<Effect> {
        let s = self.search.as_ref()?;
        if s.query.is_empty() {
            self.search = None;
            return None;
        }
        Some(Effect::Say(match s.current {
            Some(i) => strings::match_status(i, s.matches.len(), &s.query),
            None => strings::no_match(&s.query),
        }))
    }

    fn step_match(&mut self, forward: bool) -> Effect {
        let Some(s) = &mut self.search else {
            return Effect::Say(strings::NO_SEARCH.into());
        };
        let n = s.matches.len();
        if n == 0 {
            return Effect::Say(strings::no_match(&s.query));
        }
        let (next, wrapped) = match s.current {
            Some(i) if forward => ((i + 1) % n, i + 1 == n),
            Some(i) => ((i + n - 1) % n, i == 0),
            None => (0, false),
        };
        let mut status = strings::match_status(next, n, &s.query);
        if wrapped {
            status = strings::wrapped(status, forward);
        }
        s.current = Some(next);
        self.show_match(next);
        Effect::Say(status)
    }

    /// Scrolls so that match `i` is on screen, with some context above it.
    fn show_match(&mut self, i: usize) {
        let Some(m) = self.search.as_ref().and_then(|s| s.matches.get(i)) else {
            return;
        };
        let (block, start) = (m.block, m.range.start);
        self.scroll_to_text(block, start);
    }
}

/// Every match of `query` in the blocks the reader shows. Case is ignored unless the query
/// has an upper-case letter ("smart case").
pub fn find_all(doc: &Document, query: &str) -> Vec<Match> {
    let fold = !query.chars().any(char::is_uppercase);
    let norm = |c: char| {
        if fold {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    };
    let q: Vec<char> = query.chars().map(norm).collect();
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Dateline | BlockKind::Byline) {
            continue;
        }
        let chars: Vec<(usize, char)> = block
            .text
            .char_indices()
            .map(|(i, c)| (i, norm(c)))
            .collect();
        let mut i = 0;
        while i + q.len() <= chars.len() {
            if chars[i..i + q.len()]
                .iter()
                .zip(&q)
                .all(|((_, a), b)| a == b)
            {
                let start = chars[i].0;
                let end = chars.get(i + q.len()).map_or(block.text.len(), |(o, _)| *o);
                out.push(Match {
                    block: bi,
                    range: start..end,
                });
                i += q.len();
            } else {
                i += 1;
            }
        }
    }
    out
}
