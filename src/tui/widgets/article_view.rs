//! The article pane: the visible lines of the page, styled, with search matches marked.

use crate::tui::app::App;
use crate::tui::page::{LineStyle, LineText};
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
    /// Decorations (search matches) for line `range` of block `block`, relative to the line.
    fn decorations(&self, block: usize, range: &Range<usize>) -> Vec<(Range<usize>, Style)> {
        let app = self.app;
        let mut out = Vec::new();
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
                let a = m.range.start.max(range.start) - range.start;
                let b = m.range.end.min(range.end) - range.start;
                out.push((a..b, style));
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
            let decos = match &line.text {
                LineText::Block { block, range } => self.decorations(*block, range),
                _ => Vec::new(),
            };
            draw_decorated(buf, (x, y), width, text, base, &decos);
        }
    }
}
