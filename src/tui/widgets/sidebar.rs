//! The sidebar: sourcing summary, speakers (mark, name, role, counts) and the claims of the
//! filtered speaker (or all), each list scrolled so its selection stays visible. It lays
//! its three boxes out inside the area it is given.

use crate::annotations::Status;
use crate::document::Document;
use crate::tui::layout::{sidebar_boxes, summary_rows, summary_width};
use crate::tui::sidebar::{NAME_INDENT, speaker_entry};
use crate::tui::sources::{KindMark, Sources, StopMark, uncertain};
use crate::tui::state::{Focus, SidebarState, inner};
use crate::tui::strings;
use crate::tui::styles::Styles;
use crate::tui::widgets::put;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, StatefulWidget, Widget};
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// `s` cut to `width` columns, with an ellipsis when cut.
///
/// ```
/// use hearsay::tui::widgets::sidebar::fit;
/// assert_eq!(fit("the ferry", 20), "the ferry");
/// assert_eq!(fit("the ferry", 5), "the …");
/// assert_eq!(fit("日本語", 5), "日本…");
/// ```
pub fn fit(s: &str, width: usize) -> String {
    // one-column characters are as wide as they are many: a long claim is cut after
    // `width` characters, without measuring the rest of it
    let mut end = 0; // where the first `width - 1` characters end
    for (n, (i, c)) in s.char_indices().enumerate() {
        if !crate::tui::widgets::one_column(c) {
            return measured_fit(s, width);
        }
        if n == width {
            return if width == 0 {
                String::new()
            } else {
                format!("{}…", &s[..end])
            };
        }
        if n + 1 < width {
            end = i + c.len_utf8();
        }
    }
    s.to_string()
}

/// [`fit`] for any text: measured as a whole, then cut character by character.
fn measured_fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// Arrows on a box's border when its list continues above or below.
fn more_marks(r: Rect, above: bool, below: bool, style: Style, buf: &mut Buffer) {
    if r.width < 6 || r.height < 2 {
        return;
    }
    let x = r.right() - 3;
    if above {
        buf.set_string(x, r.y, strings::MORE_ABOVE, style);
    }
    if below {
        buf.set_string(x, r.bottom() - 1, strings::MORE_BELOW, style);
    }
}

/// The check status of a quote or claim (block and byte range in its text), when it is
/// highlighted.
pub type StatusOf<'a> = &'a dyn Fn(usize, Range<usize>) -> Option<Status>;

/// The sidebar, drawn into the area it is given.
pub struct Sidebar<'a> {
    /// The article (for the claims' text).
    pub doc: &'a Document,
    /// Speakers, stops and the sourcing counts.
    pub sources: &'a Sources,
    /// False until the analysis has reported: empty lists then say it is still looking.
    pub analysed: bool,
    /// The stop the reader is on.
    pub current: Option<usize>,
    /// Check status of highlighted claims.
    pub status_of: StatusOf<'a>,
    /// Styles to draw with.
    pub styles: &'a Styles,
    /// Drawn over the article (on a narrow terminal): what is under it is cleared first.
    /// A docked sidebar has its own columns, still blank at the start of a frame.
    pub overlay: bool,
}

impl Sidebar<'_> {
    fn frame(&self, r: Rect, title: String, focused: bool, buf: &mut Buffer) -> Rect {
        let st = self.styles;
        let border = if focused { st.focus } else { st.border };
        let block = Block::bordered()
            .border_type(if focused {
                BorderType::Thick
            } else {
                BorderType::Rounded
            })
            .border_style(border)
            .title(fit(&title, usize::from(r.width.saturating_sub(2))));
        block.render(r, buf);
        inner(r)
    }

    /// The line an empty list shows: `none` once the analysis has reported, else that it is
    /// still looking.
    fn empty(&self, inside: Rect, none: &str, buf: &mut Buffer) {
        let text = if self.analysed {
            none
        } else {
            strings::ANALYSING
        };
        let w = usize::from(inside.width.saturating_sub(1));
        put(buf, (inside.x + 1, inside.y), text, w, self.styles.meta);
    }

    fn summary(&self, r: Rect, buf: &mut Buffer) {
        if r.height < 3 {
            return;
        }
        let st = self.styles;
        let inside = self.frame(r, strings::SOURCES_TITLE.to_string(), false, buf);
        let w = summary_width(r);
        if !self.analysed {
            put(
                buf,
                (inside.x + 1, inside.y),
                strings::ANALYSING,
                w,
                st.meta,
            );
            return;
        }
        let bold = st.body.add_modifier(Modifier::BOLD);
        let lines = self.sources.summary_lines(w);
        for (i, line) in lines.iter().take(usize::from(inside.height)).enumerate() {
            let style = if line.strong { bold } else { st.meta };
            put(
                buf,
                (inside.x + 1, inside.y + i as u16),
                &fit(&line.text, w),
                w,
                style,
            );
        }
    }

    fn speakers(&self, r: Rect, buf: &mut Buffer, state: &SidebarState) {
        if r.height < 3 {
            return;
        }
        let st = self.styles;
        let focused = state.focus == Focus::Speakers;
        let inside = self.frame(r, strings::speakers_title(state.by_count), focused, buf);
        let order = state.speaker_order(self.sources);
        if order.is_empty() {
            self.empty(inside, strings::NO_SPEAKERS_LIST, buf);
            return;
        }
        let w = usize::from(inside.width);
        let mut y = inside.y;
        let mut shown_to = state.speaker_offset;
        for (k, &sp) in order.iter().enumerate().skip(state.speaker_offset) {
            let entry = speaker_entry(self.sources, sp, w);
            let rows = entry.rows() as u16;
            // the last entry may be cut by the box's bottom edge (the ↓ says the list goes
            // on); the selected one is always scrolled whole into view
            if y >= inside.bottom() {
                break;
            }
            if y + rows <= inside.bottom() {
                shown_to = k + 1;
            }
            let s = &self.sources.speakers[sp];
            let selected = focused && k == state.speaker_sel;
            let row_style = if selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            let filtered = state.filter == Some(sp);
            let mut name_style = st.speaker(sp).add_modifier(Modifier::BOLD);
            if filtered {
                name_style = name_style.add_modifier(Modifier::UNDERLINED);
            }
            let filter_mark = if filtered { strings::FILTER_MARK } else { " " };
            let fixed = if entry.corrected {
                strings::CORRECTED_SIGN
            } else {
                ""
            };
            let bottom = inside.bottom();
            // every row of the entry, cut only where the box ends (a speaker taller than
            // the whole box)
            let rows_here = rows.min(bottom - y);
            // the plain rows' style is the empty style: nothing to patch
            if selected {
                buf.set_style(Rect::new(inside.x, y, inside.width, rows_here), row_style);
            }
            let head = format!("{filter_mark}{} {fixed}", s.kind.mark());
            put(
                buf,
                (inside.x, y),
                &head,
                w,
                st.speaker(sp).patch(row_style),
            );
            let name_x = inside.x + entry.name_x() as u16;
            let room = usize::from(inside.right().saturating_sub(name_x));
            for (i, line) in entry.name.iter().enumerate() {
                let ly = y + i as u16;
                if ly >= bottom {
                    break;
                }
                put(buf, (name_x, ly), line, room, name_style.patch(row_style));
            }
            let cw = entry.counts.width();
            if cw + entry.name_x() < w {
                put(
                    buf,
                    (inside.right() - cw as u16, y),
                    &entry.counts,
                    cw,
                    st.meta.patch(row_style),
                );
            }
            let role_x = inside.x + NAME_INDENT as u16;
            let role_room = w.saturating_sub(NAME_INDENT);
            let role_style = st.meta.add_modifier(Modifier::ITALIC).patch(row_style);
            for (i, line) in entry.role.iter().enumerate() {
                let ly = y + (entry.name.len() + i) as u16;
                if ly >= bottom {
                    break;
                }
                put(buf, (role_x, ly), line, role_room, role_style);
            }
            y += rows;
        }
        more_marks(
            r,
            state.speaker_offset > 0,
            shown_to < order.len(),
            st.border,
            buf,
        );
    }

    fn claims(&self, r: Rect, buf: &mut Buffer, state: &SidebarState) {
        if r.height < 3 {
            return;
        }
        let st = self.styles;
        let focused = state.focus == Focus::Claims;
        let list = state.claim_list();
        let who = state
            .filter
            .and_then(|f| self.sources.speakers.get(f))
            .map(|s| s.name.as_str());
        let inside = self.frame(r, strings::claims_title(who, list.len()), focused, buf);
        if list.is_empty() {
            self.empty(inside, strings::NO_CLAIMS_LIST, buf);
            return;
        }
        let w = usize::from(inside.width);
        for (row, (k, &stop)) in list
            .iter()
            .enumerate()
            .skip(state.claim_offset)
            .take(usize::from(inside.height))
            .enumerate()
        {
            let y = inside.y + row as u16;
            let s = &self.sources.stops[stop];
            let selected = focused && k == state.claim_sel;
            let row_style = if selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            if selected {
                buf.set_style(Rect::new(inside.x, y, inside.width, 1), row_style);
            }
            let sp_style = match s.speaker {
                Some(i) => st.speaker(i),
                None => st.meta,
            };
            let here = if self.current == Some(stop) {
                strings::CURRENT_MARK
            } else {
                " "
            };
            let (x, _) = put(buf, (inside.x, y), here, w, st.focus.patch(row_style));
            let (x, _) = put(
                buf,
                (x, y),
                strings::SPEAKER_BAR,
                w.saturating_sub(1),
                sp_style.patch(row_style),
            );
            let (x, _) = put(
                buf,
                (x, y),
                s.kind.mark(),
                w.saturating_sub(2),
                st.meta.patch(row_style),
            );
            let text = self
                .doc
                .blocks
                .get(s.block)
                .and_then(|b| b.text.get(s.range.clone()))
                .unwrap_or("");
            // an attribution to check
            let x = if uncertain(s) {
                let room = usize::from(inside.right().saturating_sub(x));
                let mark = format!("{} ", strings::UNCERTAIN_MARK);
                put(buf, (x, y), &mark, room, st.focus.patch(row_style)).0
            } else {
                x
            };
            // the fact-check status of a highlighted claim (issue 6)
            let x = match (self.status_of)(s.block, s.range.clone()) {
                Some(status) => {
                    let room = usize::from(inside.right().saturating_sub(x));
                    let mark = strings::status_mark(status);
                    put(buf, (x, y), mark, room, st.focus.patch(row_style)).0
                }
                None => x,
            };
            // an attribution corrected by hand
            let x = if self.sources.corrected.stop(stop) {
                let room = usize::from(inside.right().saturating_sub(x));
                put(
                    buf,
                    (x, y),
                    strings::CORRECTED_SIGN,
                    room,
                    st.focus.patch(row_style),
                )
                .0
            } else {
                x
            };
            let room = usize::from(inside.right().saturating_sub(x));
            put(
                buf,
                (x, y),
                &fit(text, room),
                room,
                st.body.patch(row_style),
            );
        }
        let below = state.claim_offset + usize::from(inside.height) < list.len();
        more_marks(r, state.claim_offset > 0, below, st.border, buf);
    }
}

impl StatefulWidget for Sidebar<'_> {
    type State = SidebarState;

    fn render(self, area: Rect, buf: &mut Buffer, state: &mut SidebarState) {
        let area = area.intersection(buf.area);
        if area.is_empty() {
            return;
        }
        if self.overlay {
            Clear.render(area, buf);
        }
        let (summary, speakers, claims) = sidebar_boxes(area, summary_rows(self.sources, area));
        self.summary(summary, buf);
        self.speakers(speakers, buf, state);
        self.claims(claims, buf, state);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_cuts_one_column_text_as_measuring_it_does() {
        for s in [
            "",
            "a",
            "the ferry",
            "“quoted,” she said — ≈ ▌● ○ ■ …",
            "Département de l’Équipement",
            "日本語 text",
            "e\u{301}t\u{e9}",
            "abcdef 日本",
            "1\u{fe0f}\u{20e3} keycap",
        ] {
            for width in 0..40 {
                assert_eq!(fit(s, width), measured_fit(s, width), "{s:?} in {width}");
            }
        }
    }
}
