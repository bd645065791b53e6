//! The diff view's widget: the new version of the article with insertions and deletions
//! marked word by word (removed paragraphs where they stood, a mark in the margin for each
//! paragraph that changed), the list of changes grouped beside it, the summary above and
//! where we are in the changes below. It draws a [`crate::diff::Diff`]; the comparing was
//! done by the library.

use crate::diff::align::{Row, RowStatus};
use crate::diff::words::{Op, Segment};
use crate::diff::{Change, Diff};
use crate::document::{BlockKind, reflow::wrap};
use crate::tui::strings::{self, DiffKeys};
use crate::tui::styles::Styles;
use crate::tui::widgets::{draw_decorated, sanitize};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::widgets::{Clear, StatefulWidget, Widget};
use std::ops::Range;

/// Columns of the margin where a changed paragraph is marked.
const GUTTER: u16 = 2;
/// Narrowest screen that has room for the change list beside the text.
const LIST_MIN_SCREEN: u16 = 70;

/// How inserted words are drawn (added to the text's own style).
fn inserted() -> Style {
    Style::default()
        .fg(Color::Green)
        .add_modifier(Modifier::UNDERLINED)
}

/// How deleted words are drawn.
fn deleted() -> Style {
    Style::default()
        .fg(Color::Red)
        .add_modifier(Modifier::CROSSED_OUT)
}

fn op_style(op: Op) -> Style {
    match op {
        Op::Equal => Style::default(),
        Op::Insert => inserted(),
        Op::Delete => deleted(),
    }
}

/// The margin mark of a row.
fn gutter(status: RowStatus) -> &'static str {
    match status {
        RowStatus::Unchanged => "",
        RowStatus::Edited => "~",
        RowStatus::Minor => "·",
        RowStatus::Added => "+",
        RowStatus::Removed => "-",
        RowStatus::Moved => "↕",
    }
}

/// Where the parts of the view go inside `area`: title line, text, change list (when the
/// screen is wide enough), footer line.
pub fn panes(area: Rect) -> (Rect, Rect, Option<Rect>, Rect) {
    let title = Rect {
        height: area.height.min(1),
        ..area
    };
    let footer = Rect {
        y: area.bottom().saturating_sub(1),
        height: area.height.saturating_sub(1).min(1),
        ..area
    };
    let body = Rect {
        y: area.y + title.height,
        height: area.height.saturating_sub(title.height + footer.height),
        ..area
    };
    if area.width < LIST_MIN_SCREEN {
        return (title, body, None, footer);
    }
    let list_w = (area.width / 3).clamp(28, 48);
    let text = Rect {
        width: body.width - list_w - 1,
        ..body
    };
    let list = Rect {
        x: body.right() - list_w,
        width: list_w,
        ..body
    };
    (title, text, Some(list), footer)
}

/// Segments as one string with the byte range and op of each piece; a deletion directly
/// followed by an insertion gets a space between them, so they read as two words.
pub fn marked(segments: &[Segment]) -> (String, Vec<(Range<usize>, Op)>) {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut last = Op::Equal;
    for s in segments {
        let piece = sanitize(&s.text);
        if last == Op::Delete && s.op == Op::Insert {
            text.push(' ');
        }
        let start = text.len();
        text.push_str(&piece);
        if s.op != Op::Equal {
            marks.push((start..text.len(), s.op));
        }
        last = s.op;
    }
    (text, marks)
}

/// One screen line of the text pane.
#[derive(Debug, Clone, PartialEq)]
struct TextLine {
    /// The row it belongs to (`None`: the blank line between rows).
    row: Option<usize>,
    /// Whether it is the row's first line (where the margin mark goes).
    first: bool,
    text: String,
    marks: Vec<(Range<usize>, Op)>,
}

/// The view's state: the selected change, the scroll of the text and of the list, and the
/// text laid out at the current width.
#[derive(Debug, Default)]
pub struct DiffViewState {
    /// The change `]`/`[` last went to.
    pub sel: Option<usize>,
    /// First text line on screen.
    pub scroll: usize,
    /// First list line on screen.
    pub list_offset: usize,
    width: usize,
    lines: Vec<TextLine>,
    row_start: Vec<usize>,
}

impl DiffViewState {
    /// Lays the rows out at `width` columns of text (once per width).
    pub fn lay_out(&mut self, diff: &Diff, width: usize) {
        let width = width.max(1);
        if self.width == width && !self.lines.is_empty() {
            return;
        }
        self.width = width;
        self.lines.clear();
        self.row_start.clear();
        for (i, row) in diff.rows.iter().enumerate() {
            if i > 0 {
                self.lines.push(TextLine {
                    row: None,
                    first: false,
                    text: String::new(),
                    marks: Vec::new(),
                });
            }
            self.row_start.push(self.lines.len());
            let (text, marks) = marked(&row.segments);
            for (k, r) in wrap(&text, width).into_iter().enumerate() {
                let line_marks = marks
                    .iter()
                    .filter(|(m, _)| m.start < r.end && r.start < m.end)
                    .map(|(m, op)| {
                        (
                            m.start.max(r.start) - r.start..m.end.min(r.end) - r.start,
                            *op,
                        )
                    })
                    .collect();
                self.lines.push(TextLine {
                    row: Some(i),
                    first: k == 0,
                    text: text[r].to_string(),
                    marks: line_marks,
                });
            }
        }
    }

    /// Number of text lines at the laid-out width.
    pub fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// The first line of row `row`.
    pub fn row_line(&self, row: usize) -> Option<usize> {
        self.row_start.get(row).copied()
    }

    /// Scrolls to `line`, kept within the text for a pane `height` lines high.
    pub fn scroll_to(&mut self, line: usize, height: usize) {
        self.scroll = line.min(self.lines.len().saturating_sub(height.max(1)));
    }
}

/// The diff view.
pub struct DiffView<'a> {
    /// What to draw.
    pub diff: &'a Diff,
    /// The reader's styles (the text keeps its look; insertions and deletions are marked
    /// on top).
    pub styles: &'a Styles,
    /// Keys named in the footer.
    pub keys: &'a DiffKeys,
}

impl DiffView<'_> {
    fn text_style(&self, row: &Row) -> Style {
        let s = self.styles;
        match row.kind {
            BlockKind::Title => s.title,
            BlockKind::Dek => s.dek,
            BlockKind::Dateline | BlockKind::Byline => s.meta,
            BlockKind::Subheading => s.subheading,
            BlockKind::Caption => s.caption,
            BlockKind::Contributors => s.contributors,
            BlockKind::Paragraph => s.body,
        }
    }

    fn draw_text(&self, area: Rect, buf: &mut Buffer, state: &DiffViewState) {
        let sel_row = state
            .sel
            .and_then(|i| self.diff.changes.get(i))
            .and_then(|c| c.row);
        for (k, line) in state
            .lines
            .iter()
            .skip(state.scroll)
            .take(usize::from(area.height))
            .enumerate()
        {
            let y = area.y + k as u16;
            let Some(r) = line.row else { continue };
            let row = &self.diff.rows[r];
            if line.first {
                let (mark, style) = if sel_row == Some(r) {
                    ("▶", self.styles.focus)
                } else {
                    (gutter(row.status), op_style(margin_op(row.status)))
                };
                buf.set_stringn(area.x, y, mark, usize::from(GUTTER), style);
            }
            let decorations: Vec<(Range<usize>, Style)> = line
                .marks
                .iter()
                .map(|(r, op)| (r.clone(), op_style(*op)))
                .collect();
            draw_decorated(
                buf,
                (area.x + GUTTER, y),
                area.width.saturating_sub(GUTTER),
                &line.text,
                self.text_style(row),
                &decorations,
            );
        }
    }

    fn draw_list(&self, area: Rect, buf: &mut Buffer, state: &mut DiffViewState) {
        for y in area.top()..area.bottom() {
            buf.set_string(area.x.saturating_sub(1), y, "│", self.styles.border);
        }
        let lines = list_lines(self.diff);
        let h = usize::from(area.height);
        if let Some(pos) = state
            .sel
            .and_then(|s| lines.iter().position(|l| l.change == Some(s)))
        {
            if pos < state.list_offset {
                state.list_offset = pos.saturating_sub(1);
            } else if pos >= state.list_offset + h {
                state.list_offset = pos + 1 - h;
            }
        }
        state.list_offset = state.list_offset.min(lines.len().saturating_sub(h));
        for (k, l) in lines.iter().skip(state.list_offset).take(h).enumerate() {
            let y = area.y + k as u16;
            let selected = l.change.is_some() && l.change == state.sel;
            let base = match (l.change, selected) {
                (None, _) => self.styles.title,
                (Some(_), true) => self.styles.focus,
                (Some(_), false) => self.styles.body,
            };
            let decorations: Vec<(Range<usize>, Style)> = l
                .marks
                .iter()
                .map(|(r, op)| (r.clone(), op_style(*op)))
                .collect();
            draw_decorated(buf, (area.x, y), area.width, &l.text, base, &decorations);
        }
    }
}

/// The margin mark's colour: added green, removed red, the rest plain.
fn margin_op(status: RowStatus) -> Op {
    match status {
        RowStatus::Added => Op::Insert,
        RowStatus::Removed => Op::Delete,
        _ => Op::Equal,
    }
}

/// A line of the change list: a group heading (`change: None`) or a change.
#[derive(Debug, Clone, PartialEq)]
pub struct ListLine {
    /// Index of the change in [`Diff::changes`], or `None` for a heading.
    pub change: Option<usize>,
    /// The text.
    pub text: String,
    /// Inserted and deleted words in it.
    pub marks: Vec<(Range<usize>, Op)>,
}

/// The change list: a heading per group, then one line per change (its heading, then its
/// word diff or its text).
pub fn list_lines(diff: &Diff) -> Vec<ListLine> {
    let mut out = Vec::new();
    let mut group = None;
    for (i, c) in diff.changes.iter().enumerate() {
        if group != Some(c.group) {
            group = Some(c.group);
            if !out.is_empty() {
                out.push(ListLine {
                    change: None,
                    text: String::new(),
                    marks: Vec::new(),
                });
            }
            out.push(ListLine {
                change: None,
                text: strings::diff_group(c.group).to_string(),
                marks: Vec::new(),
            });
        }
        out.push(list_line(i, c));
    }
    out
}

fn list_line(i: usize, c: &Change) -> ListLine {
    let head = format!(" {}", sanitize(&c.heading()));
    let (body, marks) = if c.words.is_empty() || c.group == crate::diff::Group::Text {
        let t = c
            .new
            .as_ref()
            .or(c.old.as_ref())
            .map(|t| sanitize(t).into_owned());
        (t.unwrap_or_default(), Vec::new())
    } else {
        marked(&c.words)
    };
    if body.is_empty() {
        return ListLine {
            change: Some(i),
            text: head,
            marks: Vec::new(),
        };
    }
    let shift = head.len() + 2;
    ListLine {
        change: Some(i),
        text: format!("{head}: {body}"),
        marks: marks
            .into_iter()
            .map(|(r, op)| (r.start + shift..r.end + shift, op))
            .collect(),
    }
}

impl StatefulWidget for DiffView<'_> {
    type State = DiffViewState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut DiffViewState) {
        Clear.render(area, buf);
        let (title, text, list, footer) = panes(area);
        let line = format!("{}{}", strings::DIFF_TITLE, sanitize(&self.diff.summary));
        buf.set_stringn(
            title.x,
            title.y,
            &line,
            usize::from(title.width),
            self.styles.status,
        );
        state.lay_out(self.diff, usize::from(text.width.saturating_sub(GUTTER)));
        state.scroll_to(state.scroll, usize::from(text.height));
        self.draw_text(text, buf, state);
        if let Some(list) = list {
            self.draw_list(list, buf, state);
        }
        let n = self.diff.changes.len();
        let label = state
            .sel
            .and_then(|s| self.diff.changes.get(s))
            .map(|c| sanitize(&c.heading()).into_owned());
        let at = state.sel.zip(label.as_deref());
        let foot = strings::diff_footer(n, at, self.keys);
        buf.set_style(footer, self.styles.status);
        buf.set_stringn(
            footer.x,
            footer.y,
            &foot,
            usize::from(footer.width),
            self.styles.status,
        );
    }
}
