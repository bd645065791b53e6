//! The article pane: the visible lines of the page, styled, with search matches marked.

use crate::tui::app::App;
use crate::tui::page::LineStyle;
use crate::tui::widgets::draw_decorated;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use std::ops::Range;

/// Draws the visible part of the article into the text column.
pub struct ArticleView<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl ArticleView<'_> {
    /// Decorations for line `range` of block `block`, relative to the line: quotes in their
    /// speaker's colour (dimmed when a filter shows another speaker), the current quote or
    /// claim, then search matches on top.
    fn decorations(&self, block: usize, range: &Range<usize>) -> Vec<(Range<usize>, Style)> {
        let app = self.app;
        let mut out = Vec::new();
        let rel = |r: &Range<usize>| {
            let a = r.start.max(range.start) - range.start;
            let b = r.end.min(range.end).max(r.start.max(range.start)) - range.start;
            a..b
        };
        let overlaps = |r: &Range<usize>| r.start < range.end && range.start < r.end;
        let quotes = &app.sources.quotes;
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
            let style = match (q.speaker, app.filter) {
                (Some(s), Some(f)) if s != f => app.styles.dimmed,
                (None, Some(_)) => app.styles.dimmed,
                (Some(s), _) => app.styles.speaker(s),
                (None, None) => continue,
            };
            out.push((rel(&q.range), style));
        }
        if let Some(stop) = app.current.and_then(|c| app.sources.stops.get(c))
            && stop.block == block
            && overlaps(&stop.range)
        {
            out.push((rel(&stop.range), app.styles.current_quote));
        }
        out.extend(app.highlight_decorations(block, range));
        if let Some(s) = &app.search {
            let first = s
                .matches
                .partition_point(|m| (m.block, m.range.end) <= (block, range.start));
            for (i, m) in s.matches.iter().enumerate().skip(first) {
                if m.block != block || m.range.start >= range.end {
                    break;
                }
                let style = if s.current == Some(i) {
                    app.styles.current_match
                } else {
                    app.styles.search_match
                };
                out.push((rel(&m.range), style));
            }
        }
        out
    }
}

impl Widget for ArticleView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let st = &app.styles;
        for (row, i) in app.visible().enumerate() {
            let y = area.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            let line = &app.page.lines[i];
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
            let text = app.page.text(&app.doc, i);
            let decos = match line.block_range() {
                Some((block, range)) => self.decorations(block, &range),
                None => Vec::new(),
            };
            draw_decorated(buf, (x, y), width, text, base, &decos);
        }
    }
}
