//! The highlights list (`H`): every highlight of the article, in reading order, with its
//! excerpt, speaker, check status, tags and the first line of its note; orphaned ones
//! (whose text left the article) are marked. Also the note marks in the article's margin.

use crate::annotations::{Highlight, Store};
use crate::document::Document;
use crate::tui::state::{HighlightListState, ROWS_PER_ENTRY, ReaderState};
use crate::tui::strings;
use crate::tui::styles::Styles;
use crate::tui::widgets::{sanitize, text_rows};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::{Block, BorderType, Clear, StatefulWidget, Widget};
use unicode_width::UnicodeWidthStr;

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

/// Draws the list over the article; the selection is kept inside the list and on screen.
pub struct HighlightList<'a> {
    /// The highlights to list.
    pub store: &'a Store,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl StatefulWidget for HighlightList<'_> {
    type State = HighlightListState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut HighlightListState) {
        let (store, styles) = (self.store, self.styles);
        let r = list_rect(area);
        let n = store.highlights().len();
        state.fix(n, usize::from(r.height.saturating_sub(2)));
        if r.width < 12 || r.height < 4 {
            return;
        }
        Clear.render(r, buf);
        let title = format!("{}({n}) ", strings::LIST_TITLE);
        let block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(styles.focus)
            .title(title)
            .title_bottom(strings::LIST_FOOTER);
        let inner = block.inner(r);
        block.render(r, buf);
        let width = usize::from(inner.width);
        if n == 0 {
            buf.set_stringn(inner.x, inner.y, strings::LIST_EMPTY, width, styles.meta);
            return;
        }
        let mut y = inner.y;
        for (i, h) in store.highlights().iter().enumerate().skip(state.offset) {
            if y + 1 >= inner.bottom() {
                break;
            }
            let (first, second) = entry_lines(h, width);
            let mut style = styles.body;
            if i == state.sel {
                style = styles.focus.add_modifier(Modifier::REVERSED);
                buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            }
            buf.set_stringn(inner.x, y, &first, width, style);
            buf.set_stringn(inner.x, y + 1, &second, width, styles.meta);
            y += ROWS_PER_ENTRY as u16;
        }
    }
}

/// Marks, in the margin left of the text column, the first line of each highlight that has
/// a note. Drawn in the article pane; `text` is the text column inside it.
pub struct NoteMarks<'a> {
    /// The highlights.
    pub store: &'a Store,
    /// The article.
    pub doc: &'a Document,
    /// What the article pane shows.
    pub reader: &'a ReaderState,
    /// The text column.
    pub text: Rect,
    /// Styles to draw with.
    pub styles: &'a Styles,
}

impl Widget for NoteMarks<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (store, text, reader) = (self.store, self.text, self.reader);
        if text.x <= area.x {
            return;
        }
        let x = text.x - 1;
        for (y, block, range) in text_rows(reader, text, area) {
            let Some(b) = self.doc.blocks.get(block) else {
                continue;
            };
            let starts_here = store.overlapping(b.range.clone()).any(|h| {
                !h.note.is_empty()
                    && h.start >= b.range.start
                    && h.text_range_in(b).is_some_and(|r| range.contains(&r.start))
            });
            if starts_here {
                buf.set_string(x, y, strings::NOTE_MARK, self.styles.highlight);
            }
        }
    }
}
