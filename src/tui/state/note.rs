//! The note editor's text and cursor: Unicode-aware (the cursor moves by grapheme cluster
//! and the display wraps by column width).

use crate::printable::printable as sanitize;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// The text being edited and where the cursor is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEditorState {
    /// The highlight whose note this is.
    pub id: String,
    /// A short excerpt of the highlighted text, for the title.
    pub excerpt: String,
    /// The lines of the note (at least one).
    pub lines: Vec<String>,
    /// Cursor line.
    pub row: usize,
    /// Cursor byte offset in its line (always on a grapheme boundary).
    pub col: usize,
}

impl NoteEditorState {
    /// An editor on `note` with the cursor at its end.
    pub fn new(id: impl Into<String>, excerpt: impl Into<String>, note: &str) -> Self {
        let mut lines: Vec<String> = note.split('\n').map(str::to_string).collect();
        if lines.is_empty() {
            lines.push(String::new());
        }
        let row = lines.len() - 1;
        let col = lines[row].len();
        NoteEditorState {
            id: id.into(),
            excerpt: excerpt.into(),
            lines,
            row,
            col,
        }
    }

    /// The note as typed (lines joined with `\n`).
    pub fn text(&self) -> String {
        self.lines.join("\n")
    }

    fn line(&self) -> &str {
        &self.lines[self.row]
    }

    /// Inserts a character at the cursor (control characters and bidi controls, which
    /// would reorder the note on screen, are ignored).
    pub fn insert(&mut self, c: char) {
        if crate::document::text::is_forbidden(c) {
            return;
        }
        let col = self.col;
        self.lines[self.row].insert(col, c);
        self.col += c.len_utf8();
        // a combining mark joins the cluster before it: keep the cursor on a boundary
        self.col = self.next_boundary(self.col - c.len_utf8()).max(self.col);
    }

    /// Splits the line at the cursor.
    pub fn new_line(&mut self) {
        let rest = self.lines[self.row].split_off(self.col);
        self.lines.insert(self.row + 1, rest);
        self.row += 1;
        self.col = 0;
    }

    /// True when the cursor is on an empty last line (Enter there saves).
    pub fn on_empty_last_line(&self) -> bool {
        self.row + 1 == self.lines.len() && self.line().is_empty()
    }

    /// Drops trailing empty lines (before saving on Enter).
    pub fn trim_end(&mut self) {
        while self.lines.len() > 1 && self.lines.last().is_some_and(String::is_empty) {
            self.lines.pop();
        }
        self.row = self.row.min(self.lines.len() - 1);
        self.col = self.col.min(self.line().len());
    }

    fn prev_boundary(&self, at: usize) -> usize {
        self.line()
            .grapheme_indices(true)
            .map(|(i, _)| i)
            .take_while(|&i| i < at)
            .last()
            .unwrap_or(0)
    }

    fn next_boundary(&self, at: usize) -> usize {
        let line = self.line();
        line.grapheme_indices(true)
            .map(|(i, g)| i + g.len())
            .find(|&e| e > at)
            .unwrap_or(line.len())
    }

    /// Deletes the grapheme before the cursor, or joins the line to the one above.
    pub fn delete_back(&mut self) {
        if self.col > 0 {
            let p = self.prev_boundary(self.col);
            self.lines[self.row].replace_range(p..self.col, "");
            self.col = p;
        } else if self.row > 0 {
            let line = self.lines.remove(self.row);
            self.row -= 1;
            self.col = self.lines[self.row].len();
            self.lines[self.row].push_str(&line);
        }
    }

    /// Deletes the grapheme under the cursor, or joins the next line to this one.
    pub fn delete_forward(&mut self) {
        if self.col < self.line().len() {
            let n = self.next_boundary(self.col);
            self.lines[self.row].replace_range(self.col..n, "");
        } else if self.row + 1 < self.lines.len() {
            let next = self.lines.remove(self.row + 1);
            self.lines[self.row].push_str(&next);
        }
    }

    /// Moves one grapheme left (to the end of the line above at the start of a line).
    pub fn left(&mut self) {
        if self.col > 0 {
            self.col = self.prev_boundary(self.col);
        } else if self.row > 0 {
            self.row -= 1;
            self.col = self.line().len();
        }
    }

    /// Moves one grapheme right (to the start of the next line at the end of a line).
    pub fn right(&mut self) {
        if self.col < self.line().len() {
            self.col = self.next_boundary(self.col);
        } else if self.row + 1 < self.lines.len() {
            self.row += 1;
            self.col = 0;
        }
    }

    /// Moves to the same column (by display width) on the line above or below.
    pub fn vertical(&mut self, down: bool) {
        let target = self.line()[..self.col].width();
        let row = if down {
            self.row + 1
        } else {
            match self.row.checked_sub(1) {
                Some(r) => r,
                None => {
                    self.col = 0;
                    return;
                }
            }
        };
        if row >= self.lines.len() {
            self.col = self.line().len();
            return;
        }
        self.row = row;
        let mut col = 0;
        for (i, g) in self.line().grapheme_indices(true) {
            if self.line()[..i].width() + g.width() > target {
                break;
            }
            col = i + g.len();
        }
        self.col = col;
    }

    /// Moves to the start of the line.
    pub fn home(&mut self) {
        self.col = 0;
    }

    /// Moves to the end of the line.
    pub fn end(&mut self) {
        self.col = self.line().len();
    }

    /// The note wrapped to `width` columns at spaces (long words are split): (line index,
    /// byte range) per screen row. Every byte is on a row (spaces stay at the end of theirs).
    pub fn rows(&self, width: usize) -> Vec<(usize, std::ops::Range<usize>)> {
        let width = width.max(1);
        let mut out = Vec::new();
        for (li, line) in self.lines.iter().enumerate() {
            let mut start = 0;
            // byte offset just after the last space on this row: where to break
            let mut after_space = None;
            for (i, g) in line.grapheme_indices(true) {
                let gw = sanitize(g).width();
                let w = sanitize(&line[start..i]).width();
                if w + gw > width && i > start {
                    let cut = after_space.filter(|&c| c > start).unwrap_or(i);
                    out.push((li, start..cut));
                    start = cut;
                    after_space = None;
                }
                if g == " " {
                    after_space = Some(i + 1);
                }
            }
            out.push((li, start..line.len()));
        }
        out
    }

    /// The screen row (in [`NoteEditorState::rows`]) and column of the cursor.
    pub fn cursor_cell(&self, width: usize) -> (usize, usize) {
        let rows = self.rows(width);
        let mut found = (0, 0);
        for (k, (li, r)) in rows.iter().enumerate() {
            if *li == self.row && r.start <= self.col {
                found = (k, sanitize(&self.lines[*li][r.start..self.col]).width());
            }
        }
        // a full row: the cursor goes to the start of the next one
        if found.1 >= width.max(1) {
            found = (found.0 + 1, 0);
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ed(note: &str) -> NoteEditorState {
        NoteEditorState::new("h1", "x", note)
    }

    #[test]
    fn types_moves_and_deletes_by_grapheme() {
        let mut e = ed("");
        for c in "née 🇫🇷!".chars() {
            e.insert(c);
        }
        assert_eq!(e.text(), "née 🇫🇷!");
        e.left();
        e.left(); // over the flag, one cluster of two code points
        e.delete_back(); // the space
        assert_eq!(e.text(), "née🇫🇷!");
        e.home();
        e.right();
        e.delete_forward();
        assert_eq!(e.text(), "ne🇫🇷!");
        e.end();
        e.new_line();
        e.insert('x');
        assert_eq!(e.lines, vec!["ne🇫🇷!".to_string(), "x".to_string()]);
        e.home();
        e.delete_back();
        assert_eq!(e.text(), "ne🇫🇷!x");
    }

    #[test]
    fn up_and_down_keep_the_column() {
        let mut e = ed("abcdef\nab\nabcdef");
        assert_eq!((e.row, e.col), (2, 6));
        e.vertical(false);
        assert_eq!((e.row, e.col), (1, 2));
        e.vertical(false);
        assert_eq!((e.row, e.col), (0, 2));
        e.vertical(false);
        assert_eq!((e.row, e.col), (0, 0));
        e.vertical(true);
        e.vertical(true);
        e.vertical(true);
        assert_eq!((e.row, e.col), (2, 6));
    }

    #[test]
    fn empty_last_line_and_trim() {
        let mut e = ed("one");
        assert!(!e.on_empty_last_line());
        e.new_line();
        assert!(e.on_empty_last_line());
        e.trim_end();
        assert_eq!(e.text(), "one");
    }

    #[test]
    fn wraps_by_width_and_places_the_cursor() {
        let e = ed("abcdefgh\n日本語");
        assert_eq!(
            e.rows(3),
            vec![
                (0, 0..3),
                (0, 3..6),
                (0, 6..8),
                (1, 0..3),
                (1, 3..6),
                (1, 6..9)
            ]
        );
        assert_eq!(e.cursor_cell(3), (5, 2));
        let e = ed("abc");
        assert_eq!(e.cursor_cell(3), (1, 0));
        let e = ed("ab cd efg");
        assert_eq!(e.rows(5), vec![(0, 0..3), (0, 3..6), (0, 6..9)]);
    }
}
