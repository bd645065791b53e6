//! The sidebar: sourcing summary, speakers (mark, name, role, counts) and the claims of the
//! filtered speaker (or all), each list scrolled so its selection stays visible.

use crate::document::reflow::wrap;
use crate::tui::app::{App, Focus, inner};
use crate::tui::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::{Block, BorderType, Clear, Widget};
use unicode_width::UnicodeWidthStr;

/// `s` cut to `width` columns, with an ellipsis when cut.
pub fn fit(s: &str, width: usize) -> String {
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
        buf.set_string(x, r.y, "↑", style);
    }
    if below {
        buf.set_string(x, r.bottom() - 1, "↓", style);
    }
}

/// The sidebar, drawn into the areas [`App::areas`] gives it.
pub struct Sidebar<'a> {
    /// The app to draw.
    pub app: &'a App,
}

impl Sidebar<'_> {
    fn frame(&self, r: Rect, title: String, focused: bool, buf: &mut Buffer) -> Rect {
        let st = &self.app.styles;
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
        let app = self.app;
        let text = if app.analysed() {
            none
        } else {
            strings::ANALYSING
        };
        let w = usize::from(inside.width.saturating_sub(1));
        buf.set_stringn(inside.x + 1, inside.y, text, w, app.styles.meta);
    }

    fn summary(&self, r: Rect, buf: &mut Buffer) {
        if r.height < 3 {
            return;
        }
        let app = self.app;
        let inside = self.frame(r, strings::SOURCES_TITLE.to_string(), false, buf);
        let w = usize::from(inside.width.saturating_sub(2)).max(1);
        let src = &app.sources;
        let bold = app.styles.body.add_modifier(Modifier::BOLD);
        if !app.analysed() {
            buf.set_stringn(
                inside.x + 1,
                inside.y,
                strings::ANALYSING,
                w,
                app.styles.meta,
            );
            return;
        }
        let mut lines: Vec<(String, Style)> = vec![(src.counts(), bold)];
        if let Some(p) = src.sourcing.unnamed_percent() {
            lines.push((strings::unnamed_share(p), bold));
        }
        let breakdown = src.breakdown();
        lines.extend(
            wrap(&breakdown, w)
                .into_iter()
                .map(|l| (breakdown[l].to_string(), app.styles.meta)),
        );
        for (i, (text, style)) in lines.iter().take(usize::from(inside.height)).enumerate() {
            buf.set_stringn(inside.x + 1, inside.y + i as u16, fit(text, w), w, *style);
        }
    }

    fn speakers(&self, r: Rect, buf: &mut Buffer) {
        if r.height < 3 {
            return;
        }
        let app = self.app;
        let st = &app.styles;
        let focused = app.focus == Focus::Speakers;
        let inside = self.frame(r, strings::speakers_title(app.by_count), focused, buf);
        let order = app.speaker_order();
        if order.is_empty() {
            self.empty(inside, strings::NO_SPEAKERS_LIST, buf);
            return;
        }
        let w = usize::from(inside.width);
        let mut y = inside.y;
        let mut shown_to = app.speaker_offset;
        for (k, &sp) in order.iter().enumerate().skip(app.speaker_offset) {
            let rows = app.speaker_rows(sp) as u16;
            if y + rows > inside.bottom() && y > inside.y {
                break;
            }
            shown_to = k + 1;
            let s = &app.sources.speakers[sp];
            let selected = focused && k == app.speaker_sel;
            let row_style = if selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            let counts = format!(" {}/{}", s.quotes, s.claims);
            let cw = counts.width();
            let mut name_style = st.speaker(sp).add_modifier(Modifier::BOLD);
            if app.filter == Some(sp) {
                name_style = name_style.add_modifier(Modifier::UNDERLINED);
            }
            let filter_mark = if app.filter == Some(sp) { "▸" } else { " " };
            let head = format!("{filter_mark}{} ", s.kind.mark());
            let name_w = w.saturating_sub(head.width() + cw);
            let line_area = Rect::new(inside.x, y, inside.width, 1);
            buf.set_style(line_area, row_style);
            let (x, _) = buf.set_stringn(inside.x, y, &head, w, st.speaker(sp).patch(row_style));
            buf.set_stringn(
                x,
                y,
                fit(&s.name, name_w),
                name_w,
                name_style.patch(row_style),
            );
            if cw < w {
                buf.set_stringn(
                    inside.right() - cw as u16,
                    y,
                    &counts,
                    cw,
                    st.meta.patch(row_style),
                );
            }
            if let Some(role) = &s.role
                && y + 1 < inside.bottom()
            {
                let ra = Rect::new(inside.x, y + 1, inside.width, 1);
                buf.set_style(ra, row_style);
                buf.set_stringn(
                    inside.x + 3,
                    y + 1,
                    fit(role, w.saturating_sub(3)),
                    w.saturating_sub(3),
                    st.meta.add_modifier(Modifier::ITALIC).patch(row_style),
                );
            }
            y += rows;
        }
        more_marks(
            r,
            app.speaker_offset > 0,
            shown_to < order.len(),
            st.border,
            buf,
        );
    }

    fn claims(&self, r: Rect, buf: &mut Buffer) {
        if r.height < 3 {
            return;
        }
        let app = self.app;
        let st = &app.styles;
        let focused = app.focus == Focus::Claims;
        let list = app.claim_list();
        let who = app
            .filter
            .and_then(|f| app.sources.speakers.get(f))
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
            .skip(app.claim_offset)
            .take(usize::from(inside.height))
            .enumerate()
        {
            let y = inside.y + row as u16;
            let s = &app.sources.stops[stop];
            let selected = focused && k == app.claim_sel;
            let row_style = if selected {
                Style::default().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            buf.set_style(Rect::new(inside.x, y, inside.width, 1), row_style);
            let sp_style = match s.speaker {
                Some(i) => st.speaker(i),
                None => st.meta,
            };
            let here = if app.current == Some(stop) {
                "▸"
            } else {
                " "
            };
            let (x, _) = buf.set_stringn(inside.x, y, here, w, st.focus.patch(row_style));
            let (x, _) = buf.set_stringn(x, y, "▌", w.saturating_sub(1), sp_style.patch(row_style));
            let (x, _) = buf.set_stringn(
                x,
                y,
                s.kind.mark(),
                w.saturating_sub(2),
                st.meta.patch(row_style),
            );
            let text = app
                .doc
                .blocks
                .get(s.block)
                .and_then(|b| b.text.get(s.range.clone()))
                .unwrap_or("");
            // the fact-check status of a highlighted claim (issue 6)
            let x = match app.claim_status(s.block, s.range.clone()) {
                Some(status) => {
                    let room = usize::from(inside.right().saturating_sub(x));
                    let mark = strings::status_mark(status);
                    buf.set_stringn(x, y, mark, room, st.focus.patch(row_style))
                        .0
                }
                None => x,
            };
            let room = usize::from(inside.right().saturating_sub(x));
            buf.set_stringn(x, y, fit(text, room), room, st.body.patch(row_style));
        }
        let below = app.claim_offset + usize::from(inside.height) < list.len();
        more_marks(r, app.claim_offset > 0, below, st.border, buf);
    }
}

impl Widget for Sidebar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let a = self.app.areas();
        let Some(sb) = a.sidebar else { return };
        let sb = sb.intersection(area);
        if sb.is_empty() {
            return;
        }
        Clear.render(sb, buf);
        self.summary(a.summary.intersection(area), buf);
        self.speakers(a.speakers.intersection(area), buf);
        self.claims(a.claims.intersection(area), buf);
    }
}
