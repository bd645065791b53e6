//! The highlights list (`H`): every highlight of the article, in reading order, with its
//! excerpt, speaker, check status, tags and the first line of its note; orphaned ones
//! (whose text left the article) are marked. Also the note marks in the article's margin
//! and the tags prompt in the status bar.

use crate::annotations::Highlight;
use crate::tui::app::App;
use crate::tui::strings;
use crate::tui::widgets::sanitize;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// Rows each highlight takes in the list.
pub const ROWS_PER_ENTRY: usize = 2;

/// Selection and scroll of the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HighlightListState {
    /// The selected highlight (index into the store's highlights).
    pub sel: usize,
    /// The first highlight shown.
    pub offset: usize,
}

impl HighlightListState {
    /// Keeps the selection inside `n` entries and visible in `rows` screen rows.
    pub fn fix(&mut self, n: usize, rows: usize) {
        let fit = (rows / ROWS_PER_ENTRY).max(1);
        self.sel = self.sel.min(n.saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        }
        if self.sel >= self.offset + fit {
            self.offset = self.sel + 1 - fit;
        }
    }
}

/// The two lines of a list entry: the mark and excerpt, then who, status, tags and note.
pub fn entry_lines(h: &Highlight, width: usize) -> (String, String) {
    let mark = if h.note.is_empty() {
        " "
    } else {
        strings::NOTE_MARK
    };
    let mut first = format!("{mark} ");
    if h.anchor.is_orphaned() {
        first.push_str(&format!("[{}] ", strings::ORPHAN_MARK));
    }
    let room = width.saturating_sub(first.width() + 2).max(8);
    first.push_str(&h.quoted_excerpt(room));
    let mut parts: Vec<String> = Vec::new();
    parts.push(
        h.speaker
            .clone()
            .unwrap_or_else(|| h.kind.as_str().to_string()),
    );
    if let Some(s) = h.status {
        parts.push(s.as_str().to_string());
    }
    if !h.tags.is_empty() {
        let tags: Vec<String> = h.tags.iter().map(|t| format!("#{t}")).collect();
        parts.push(tags.join(" "));
    }
    if !h.note.is_empty() {
        parts.push(h.note_first_line().to_string());
    }
    let second = format!("  {}", parts.join(" · "));
    (
        sanitize(&first).into_owned(),
        sanitize(&second).into_owned(),
    )
}

/// The overlay box for the list inside `area`.
pub fn list_rect(area: Rect) -> Rect {
    let w = area.width.min(76);
    let h = area.height;
    Rect::new(area.x + (area.width - w) / 2, area.y, w, h)
}

/// Draws the list over the article.
pub struct HighlightList<'a> {
    /// The app whose highlights to list.
    pub app: &'a App,
}

impl Widget for HighlightList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let (Some(state), Some(store)) = (&app.marks.list, &app.marks.store) else {
            return;
        };
        let r = list_rect(area);
        if r.width < 12 || r.height < 4 {
            return;
        }
        Clear.render(r, buf);
        let n = store.highlights().len();
        let title = format!("{}({n}) ", strings::LIST_TITLE);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(app.styles.focus)
            .title(title)
            .title_bottom(strings::LIST_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        let width = usize::from(inner.width);
        if n == 0 {
            buf.set_stringn(
                inner.x,
                inner.y,
                strings::LIST_EMPTY,
                width,
                app.styles.meta,
            );
            return;
        }
        let mut y = inner.y;
        for (i, h) in store.highlights().iter().enumerate().skip(state.offset) {
            if y + 1 >= inner.bottom() {
                break;
            }
            let (first, second) = entry_lines(h, width);
            let mut style = app.styles.body;
            if i == state.sel {
                style = app.styles.focus.add_modifier(Modifier::REVERSED);
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            }
            buf.set_stringn(inner.x, y, &first, width, style);
            buf.set_stringn(inner.x, y + 1, &second, width, app.styles.meta);
            y += ROWS_PER_ENTRY as u16;
        }
    }
}

/// Marks, in the margin left of the text column, the first line of each highlight that has
/// a note.
pub struct NoteMarks<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for NoteMarks<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(store) = &app.marks.store else {
            return;
        };
        let text = app.areas().text;
        if text.x <= area.x {
            return;
        }
        let x = text.x - 1;
        for (row, i) in app.visible().enumerate() {
            let y = text.y + row as u16;
            if y >= area.bottom() {
                break;
            }
            let Some((block, range)) = app.page.lines[i].block_range() else {
                continue;
            };
            let Some(b) = app.doc.blocks.get(block) else {
                continue;
            };
            let starts_here = store.overlapping(b.range.clone()).any(|h| {
                !h.note.is_empty()
                    && h.start >= b.range.start
                    && h.text_range_in(b).is_some_and(|r| range.contains(&r.start))
            });
            if starts_here {
                buf.set_string(x, y, strings::NOTE_MARK, app.styles.highlight);
            }
        }
    }
}

/// The tags prompt, drawn over the status bar while it is open.
pub struct TagsBar<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Widget for TagsBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let Some(t) = &app.marks.tags else {
            return;
        };
        if area.is_empty() {
            return;
        }
        let st = &app.styles;
        buf.set_style(area, st.status);
        let text = format!("{}{}", strings::TAGS_PROMPT, sanitize(&t.text));
        let w = usize::from(area.width);
        // keep the end visible
        let mut shown: &str = &text;
        while shown.width() + 1 > w && !shown.is_empty() {
            let mut it = shown.char_indices();
            it.next();
            shown = it.next().map_or("", |(i, _)| &shown[i..]);
        }
        let (cx, _) = buf.set_stringn(area.x, area.y, shown, w, st.status);
        if cx < area.right() {
            buf.set_string(cx, area.y, " ", st.status.add_modifier(Modifier::REVERSED));
        }
    }
}
