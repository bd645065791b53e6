//! The whole screen: article pane, status bar and overlays, drawn from `&App`.

use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::widgets::article_view::ArticleView;
use crate::tui::widgets::help::Help;
use crate::tui::widgets::highlight_list::{HighlightList, NoteMarks, TagsBar};
use crate::tui::widgets::note_editor::NoteEditor;
use crate::tui::widgets::sidebar::Sidebar;
use crate::tui::widgets::status_bar::StatusBar;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use unicode_width::UnicodeWidthStr;

impl Widget for &App {
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
        ArticleView { app: self }.render(areas.text.intersection(area), buf);
        NoteMarks { app: self }.render(areas.article.intersection(area), buf);
        if areas.sidebar.is_some() {
            Sidebar { app: self }.render(area, buf);
        }
        StatusBar { app: self }.render(areas.status.intersection(area), buf);
        TagsBar { app: self }.render(areas.status.intersection(area), buf);
        HighlightList { app: self }.render(areas.article.intersection(area), buf);
        NoteEditor { app: self }.render(areas.article.intersection(area), buf);
        if self.help.is_some() {
            Help { app: self }.render(areas.article.intersection(area), buf);
        }
    }
}

/// The message shown when the terminal is smaller than [`crate::tui::app::MIN_SIZE`].
fn too_small(area: Rect, buf: &mut Buffer) {
    let msg = strings::TOO_SMALL;
    let w = msg.width().min(usize::from(area.width)) as u16;
    let x = area.x + (area.width - w) / 2;
    let y = area.y + area.height / 2;
    buf.set_stringn(x, y, msg, usize::from(w), ratatui::style::Style::default());
}
