//! The whole screen: the article pane, the sidebar, the status bar, then the overlays
//! bottom to top. Each part is drawn by its widget from its own state and the styles.

use crate::tui::app::{App, scene};
use crate::tui::compositor::Scene;
use crate::tui::layout;
use crate::tui::strings;
use crate::tui::widgets::article_view::{ArticleView, UncertainMarks};
use crate::tui::widgets::highlight_list::NoteMarks;
use crate::tui::widgets::sidebar::Sidebar;
use crate::tui::widgets::status_bar::StatusBar;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

impl Widget for &mut App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        let areas = self.areas();
        if !areas.fits {
            too_small(area, buf);
            return;
        }
        // the highlight under the cursor, worked out once per frame
        let has_marks = self
            .marks
            .store
            .as_ref()
            .is_some_and(|s| !s.highlights().is_empty());
        let cursor = if has_marks { self.cursor_id() } else { None };
        let selection = self.layers.iter().find_map(|l| l.selection());
        let (doc, marks, styles) = (&*self.doc, &self.marks, &self.styles);
        let decorate = |block, range: &std::ops::Range<usize>| {
            if !has_marks && selection.is_none() {
                return Vec::new();
            }
            marks.decorations(doc, (block, range), cursor.as_deref(), selection, styles)
        };
        ArticleView {
            doc,
            sources: &self.sources,
            filter: self.sidebar.filter(),
            marks: &decorate,
            styles,
        }
        .render(areas.text.intersection(area), buf, &mut self.reader);
        UncertainMarks {
            sources: &self.sources,
            reader: &self.reader,
            text: areas.text,
            styles,
        }
        .render(areas.article.intersection(area), buf);
        if let Some(store) = &marks.store {
            NoteMarks {
                store,
                doc,
                reader: &self.reader,
                text: areas.text,
                styles,
            }
            .render(areas.article.intersection(area), buf);
        }
        if let Some(sb) = areas.sidebar {
            let status_of = |block, range| marks.claim_status(doc, block, range);
            Sidebar {
                doc,
                sources: &self.sources,
                analysed: self.analysed(),
                current: self.reader.current,
                status_of: &status_of,
                styles,
                overlay: areas.overlay,
            }
            .render(sb.intersection(area), buf, &mut self.sidebar);
        }
        let filter = self
            .sidebar
            .filter()
            .and_then(|f| self.sources.speakers.get(f))
            .map(|s| s.name.as_str());
        StatusBar {
            name: &self.name,
            percent: self.reader.percent(),
            filter,
            hint: self.layers.top().and_then(|l| l.hint()),
            styles,
        }
        .render(areas.status.intersection(area), buf, &mut self.status);
        let scene = scene!(self);
        for layer in self.layers.iter_mut() {
            layer.render(&scene, buf);
        }
    }
}

/// The message shown when the terminal is smaller than [`crate::tui::state::MIN_SIZE`].
fn too_small(area: Rect, buf: &mut Buffer) {
    let msg = strings::TOO_SMALL;
    let w = msg.width().min(usize::from(area.width)) as u16;
    let x = area.x + (area.width - w) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, msg, usize::from(w), ratatui::style::Style::default());
}
