//! The article pane: the visible lines of the page, styled, with search matches marked.

use crate::document::Document;
use crate::tui::page::LineStyle;
use crate::tui::sources::{Sources, uncertain};
use crate::tui::state::ReaderState;
use crate::tui::strings;
use crate::tui::styles::Styles;
use crate::tui::widgets::{draw_decorated, text_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{StatefulWidget, Widget};
use std::ops::Range;

/// Decorations another part adds to a line (block index and the line's byte range in the
/// block's text), relative to the line: the highlights.
pub type Decorate<'a> = &'a dyn Fn(usize, &Range<usize>) -> Vec<(Range<usize>, Style)>;

/// Draws the visible part of the article into the text column it is given.
pub struct ArticleView<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Quotes to colour and the stop the reader is on.
    pub sources: &'a Sources,
    /// The speaker the quotes are filtered to (others are dimmed).
    pub filter: Option<usize>,
    /// Highlights and the selection.
    pub marks: Decorate<'a>,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl ArticleView<'_> {
    /// Decorations for line `range` of block `block`, relative to the line: quotes in their
    /// speaker's colour (dimmed when a filter shows another speaker), the current quote or
    /// claim, highlights, then search matches on top.
    fn decorations(
        &self,
        state: &ReaderState,
        block: usize,
        range: &Range<usize>,
    ) -> Vec<(Range<usize>, Style)> {
        let styles = self.styles;
        let mut out = Vec::new();
        let rel = |r: &Range<usize>| {
            let a = r.start.max(range.start) - range.start;
            let b = r.end.min(range.end).max(r.start.max(range.start)) - range.start;
            a..b
        };
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let quotes = &self.sources.quotes;
        // quotes are sorted by start; nested ones may end before their outer quote, so
        // walk the block's quotes from its first rather than bisecting on the end
        let first = quotes.partition_point(|q| q.block < block);
        for q in quotes[first..].iter().take_while(|q| q.block == block) {
            if q.range.start >= range.end {
                break;
            }
            if q.range.end <= range.start {
                continue;
            }
            let style = match (q.speaker, self.filter) {
                (Some(s), Some(f)) if s != f => styles.dimmed,
                (None, Some(_)) => styles.dimmed,
                (Some(s), _) if q.uncertain() => styles.speaker(s).patch(styles.uncertain),
                (Some(s), _) => styles.speaker(s),
                (None, None) => continue,
            };
            out.push((rel(&q.range), style));
        }
        if let Some(stop) = state.current.and_then(|c| self.sources.stops.get(c))
            && stop.block == block
            && overlaps(&stop.range)
        {
            out.push((rel(&stop.range), styles.current_quote));
        }
        out.extend((self.marks)(block, range));
        if let Some(s) = &state.search {
            let first = s
                .matches
                .partition_point(|m| (m.block, m.range.end) <= (block, range.start));
            for (i, m) in s.matches.iter().enumerate().skip(first) {
                if m.block != block || m.range.start >= range.end {
                    break;
                }
                let style = if s.current == Some(i) {
                    styles.current_match
                } else {
                    styles.search_match
                };
                out.push((rel(&m.range), style));
            }
        }
        out
    }
}

impl StatefulWidget for ArticleView<'_> {
    type State = ReaderState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut ReaderState) {
        let st = self.styles;
        for (row, i) in state.visible().enumerate() {
            let y = area.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            let line = &state.page.lines[i];
            let base = match line.style {
                LineStyle::Blank => continue,
                LineStyle::Title => st.title,
                LineStyle::Dek => st.dek,
                LineStyle::Meta => st.meta,
                LineStyle::Rule => st.rule,
                LineStyle::Body => st.body,
                LineStyle::Subheading => st.subheading,
                LineStyle::Caption => st.caption,
                LineStyle::Credit => st.credit,
                LineStyle::Contributors => st.contributors,
            };
            let indent = line.indent.min(area.width);
            let x = area.x + indent;
            let width = area.width - indent;
            let text = state.page.text(self.doc, i);
            let decos = match line.block_range() {
                Some((block, range)) => self.decorations(state, block, &range),
                None => Vec::new(),
            };
            draw_decorated(buf, (x, y), width, text, base, &decos);
        }
    }
}

/// The uncertain attributions' mark ([`strings::UNCERTAIN_MARK`]) in the article's right
/// margin, on the line where each uncertain quote or claim starts (see
/// [`crate::tui::sources::UNCERTAIN_BELOW`]).
pub struct UncertainMarks<'a> {
    /// The stops to mark.
    pub sources: &'a Sources,
    /// What the article pane shows.
    pub reader: &'a ReaderState,
    /// The text column.
    pub text: Rect,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl Widget for UncertainMarks<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (text, reader, stops) = (self.text, self.reader, &self.sources.stops);
        if text.right() >= area.right() || stops.is_empty() {
            return;
        }
        // a column apart from the text where the margin has room for it
        let x = if text.right() + 1 < area.right() {
            text.right() + 1
        } else {
            text.right()
        };
        for (y, block, range) in text_rows(reader, text, area) {
            // stops are sorted by where they start
            let first = stops.partition_point(|s| (s.block, s.range.start) < (block, range.start));
            let starts_here = stops[first..]
                .iter()
                .take_while(|s| s.block == block && s.range.start < range.end.max(range.start + 1))
                .any(uncertain);
            if starts_here {
                buf.set_string(x, y, strings::UNCERTAIN_MARK, self.styles.focus);
            }
        }
    }
}
