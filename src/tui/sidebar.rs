//! The sidebar's behaviour on the [`SidebarState`] it owns: focus between the article and
//! the two lists, the speaker filter, moving and scrolling the lists, and what Enter does.
//! It changes only its own state and returns [`Effect`]s for the rest (going to a claim,
//! messages).

use crate::config::Config;
use crate::document::reflow::wrap;
use crate::keymap::{Action, Context};
use crate::tui::compositor::Effect;
use crate::tui::layout;
use crate::tui::sources::Sources;
use crate::tui::state::{Areas, Focus, SidebarState, inner};
use crate::tui::strings;
use unicode_width::UnicodeWidthStr;

/// Columns before a speaker's name (and its role) in the list: the filter mark, the kind's
/// mark and a space.
pub const NAME_INDENT: usize = 3;

/// A speaker as the list shows it in a box `width` columns wide. The name and the role are
/// shown whole: wrapped at spaces (a word wider than the box is split), never cut.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpeakerEntry {
    /// The quotes/claims counts, right-aligned on the first line (" 7/3").
    pub counts: String,
    /// Whether a correction by hand changed the speaker ([`strings::CORRECTED_SIGN`]
    /// before the name).
    pub corrected: bool,
    /// The name's lines, the first after the marks and before the counts, the others
    /// under it.
    pub name: Vec<String>,
    /// The role's lines, under the name.
    pub role: Vec<String>,
}

impl SpeakerEntry {
    /// Rows the entry takes.
    pub fn rows(&self) -> usize {
        self.name.len() + self.role.len()
    }

    /// Columns before the name: [`NAME_INDENT`], and the corrected sign when there is one.
    pub fn name_x(&self) -> usize {
        NAME_INDENT
            + if self.corrected {
                strings::CORRECTED_SIGN.width()
            } else {
                0
            }
    }
}

/// Speaker `speaker` of `sources` laid out for a list `width` columns wide (see
/// [`SpeakerEntry`]).
pub fn speaker_entry(sources: &Sources, speaker: usize, width: usize) -> SpeakerEntry {
    let Some(s) = sources.speakers.get(speaker) else {
        return SpeakerEntry::default();
    };
    let lines = |text: &str, w: usize| -> Vec<String> {
        wrap(text, w.max(1))
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    };
    let mut e = SpeakerEntry {
        counts: format!(" {}/{}", s.quotes, s.claims),
        corrected: sources.corrected.speaker(speaker),
        ..SpeakerEntry::default()
    };
    // the name's first line is beside the counts; the lines under it have the width
    // up to a column of padding
    let first_w = width.saturating_sub(e.name_x() + e.counts.width());
    let rest_w = width.saturating_sub(e.name_x() + 1);
    let first = wrap(&s.name, first_w.max(1))
        .into_iter()
        .next()
        .unwrap_or(0..0);
    e.name.push(s.name[first.clone()].to_string());
    let rest = s.name[first.end..].trim_start();
    if !rest.is_empty() {
        e.name.extend(lines(rest, rest_w));
    }
    if let Some(role) = s.role.as_deref().filter(|r| !r.trim().is_empty()) {
        // a column of padding before the border, as the counts have
        e.role = lines(role, width.saturating_sub(NAME_INDENT + 1));
    }
    e
}

/// Rows speaker `speaker` takes in a list `width` columns wide.
pub fn speaker_rows(sources: &Sources, speaker: usize, width: u16) -> usize {
    speaker_entry(sources, speaker, usize::from(width)).rows()
}

impl SidebarState {
    /// The speaker the claims list and `]`/`[` are filtered to, if any.
    pub fn filter(&self) -> Option<usize> {
        self.filter
    }

    /// Stop indices the claims list shows and `]`/`[` visit: the filtered speaker's, or all.
    pub fn claim_list(&self) -> &[usize] {
        &self.shown
    }

    /// Filters the claims list and `]`/`[` to one speaker's stops (`None`: everyone's).
    pub fn set_filter(&mut self, sources: &Sources, filter: Option<usize>) {
        self.filter = filter;
        let stops = &sources.stops;
        self.shown = (0..stops.len())
            .filter(|&i| filter.is_none() || stops[i].speaker == filter)
            .collect();
    }

    /// Starts over with new sources: no filter, first rows selected.
    pub fn reset(&mut self, sources: &Sources) {
        self.set_filter(sources, None);
        self.speaker_sel = 0;
        self.claim_sel = 0;
    }

    /// Speaker indices in list order (first appearance, or claims count).
    pub fn speaker_order(&self, sources: &Sources) -> Vec<usize> {
        let mut order: Vec<usize> = (0..sources.speakers.len()).collect();
        if self.by_count {
            let sp = &sources.speakers;
            order.sort_by_key(|&i| (std::cmp::Reverse((sp[i].claims, sp[i].quotes)), i));
        }
        order
    }

    /// Keeps the selected rows of both lists inside the lists and visible in their boxes.
    pub fn fix_offsets(&mut self, sources: &Sources, a: &Areas) {
        let order = self.speaker_order(sources);
        self.speaker_sel = self.speaker_sel.min(order.len().saturating_sub(1));
        let h = usize::from(inner(a.speakers).height).max(1);
        let w = inner(a.speakers).width;
        let rows = |k: usize| speaker_rows(sources, order[k], w);
        if self.speaker_sel < self.speaker_offset {
            self.speaker_offset = self.speaker_sel;
        }
        // the first speaker from which the selected one still fits (walking up from it;
        // entries are measured only as far as the box reaches)
        let mut first = self.speaker_sel;
        let mut used = order.get(first).map_or(0, |_| rows(first));
        while first > self.speaker_offset && used + rows(first - 1) <= h {
            first -= 1;
            used += rows(first);
        }
        self.speaker_offset = first.max(self.speaker_offset).min(self.speaker_sel);
        // no empty rows below the last speaker while earlier ones are scrolled away (a
        // resize that gives the list room brings them back)
        let mut tail = 0;
        for k in self.speaker_offset..order.len() {
            tail += rows(k);
            if tail > h {
                break;
            }
        }
        while self.speaker_offset > 0 && tail + rows(self.speaker_offset - 1) <= h {
            self.speaker_offset -= 1;
            tail += rows(self.speaker_offset);
        }
        let n = self.shown.len();
        self.claim_sel = self.claim_sel.min(n.saturating_sub(1));
        let h = usize::from(inner(a.claims).height).max(1);
        if self.claim_sel < self.claim_offset {
            self.claim_offset = self.claim_sel;
        }
        if self.claim_sel >= self.claim_offset + h {
            self.claim_offset = self.claim_sel + 1 - h;
        }
        self.claim_offset = self.claim_offset.min(n.saturating_sub(h));
    }

    /// Moves the selection of a list by `delta` rows (clamped).
    pub fn move_list(&mut self, sources: &Sources, a: &Areas, list: Focus, delta: isize) {
        match list {
            Focus::Speakers => {
                let n = sources.speakers.len();
                self.speaker_sel = self
                    .speaker_sel
                    .saturating_add_signed(delta)
                    .min(n.saturating_sub(1));
            }
            Focus::Claims => {
                let n = self.shown.len();
                self.claim_sel = self
                    .claim_sel
                    .saturating_add_signed(delta)
                    .min(n.saturating_sub(1));
            }
            Focus::Article => {}
        }
        self.fix_offsets(sources, a);
    }

    /// Movement actions in the focused list. Returns true when the action was used.
    pub fn update_list(&mut self, action: Action, sources: &Sources, a: &Areas) -> bool {
        let list = self.focus;
        let rect = match list {
            Focus::Speakers => a.speakers,
            Focus::Claims => a.claims,
            Focus::Article => return false,
        };
        let page = usize::from(inner(rect).height).max(2) as isize - 1;
        let delta = match action {
            Action::ScrollDown => 1,
            Action::ScrollUp => -1,
            Action::PageDown | Action::HalfPageDown => page,
            Action::PageUp | Action::HalfPageUp => -page,
            Action::Top => isize::MIN / 2,
            Action::Bottom => isize::MAX / 2,
            _ => return false,
        };
        self.move_list(sources, a, list, delta);
        true
    }

    /// Shows or hides the sidebar (docked on wide terminals, over the article otherwise).
    pub fn toggle(&mut self, size: (u16, u16), config: &Config) {
        if layout::docks(size.0, config) {
            self.docked_open = !self.docked_open;
        } else {
            self.overlay_open = !self.overlay_open;
        }
        if layout::panes(size, config, self).sidebar.is_none() {
            self.focus = Focus::Article;
        }
    }

    /// Tab / shift-tab: article → speakers → claims → article, opening the sidebar when
    /// needed.
    pub fn cycle_focus(
        &mut self,
        forward: bool,
        size: (u16, u16),
        config: &Config,
    ) -> Option<Effect> {
        let next = match (self.focus, forward) {
            (Focus::Article, true) | (Focus::Claims, false) => Focus::Speakers,
            (Focus::Speakers, true) | (Focus::Article, false) => Focus::Claims,
            (Focus::Claims, true) | (Focus::Speakers, false) => Focus::Article,
        };
        let wide = layout::docks(size.0, config);
        if next != Focus::Article && layout::panes(size, config, self).sidebar.is_none() {
            if wide {
                self.docked_open = true;
            } else {
                self.overlay_open = true;
            }
        }
        if next == Focus::Article && !wide {
            self.overlay_open = false;
        }
        if layout::panes(size, config, self).sidebar.is_none() {
            self.focus = Focus::Article;
            return Some(Effect::Say(strings::NO_ROOM_FOR_SIDEBAR.into()));
        }
        self.focus = next;
        let km = &config.keymap;
        let key = |a| km.hint(Context::Sidebar, a).map(|k| k.to_string());
        match next {
            Focus::Speakers => Some(Effect::Say(strings::speakers_hint(
                key(Action::Select).as_deref(),
                key(Action::ToggleSort).as_deref(),
                key(Action::FocusNext).as_deref(),
            ))),
            Focus::Claims => Some(Effect::Say(strings::claims_hint(
                key(Action::Select).as_deref(),
                key(Action::FocusNext).as_deref(),
            ))),
            Focus::Article => None,
        }
    }

    /// Enter: filter to the selected speaker, or go to the selected claim.
    pub fn select(&mut self, sources: &Sources, analysed: bool, a: &Areas) -> Option<Effect> {
        match self.focus {
            Focus::Speakers => {
                let Some(&sp) = self.speaker_order(sources).get(self.speaker_sel) else {
                    return Some(Effect::Say(
                        if analysed {
                            strings::NO_SPEAKERS
                        } else {
                            strings::STILL_ANALYSING
                        }
                        .into(),
                    ));
                };
                self.set_filter(sources, Some(sp));
                self.claim_sel = 0;
                self.claim_offset = 0;
                self.fix_offsets(sources, a);
                let name = &sources.speakers[sp].name;
                Some(Effect::Say(strings::filtered(name, self.shown.len())))
            }
            Focus::Claims => self.shown.get(self.claim_sel).map(|&s| Effect::GoToStop(s)),
            Focus::Article => None,
        }
    }

    /// Esc with a filter on: shows everyone's claims again, keeping `current` selected.
    pub fn clear_filter(&mut self, sources: &Sources, current: Option<usize>, a: &Areas) {
        self.set_filter(sources, None);
        self.claim_sel = current
            .and_then(|c| self.shown.iter().position(|&i| i == c))
            .unwrap_or(0);
        self.fix_offsets(sources, a);
    }

    /// Sorts the speakers by first appearance or by claims, keeping the selected one.
    pub fn toggle_sort(&mut self, sources: &Sources, a: &Areas) -> Effect {
        let keep = self.speaker_order(sources).get(self.speaker_sel).copied();
        self.by_count = !self.by_count;
        if let Some(k) = keep {
            self.speaker_sel = self
                .speaker_order(sources)
                .iter()
                .position(|&s| s == k)
                .unwrap_or(0);
        }
        self.fix_offsets(sources, a);
        Effect::Say(
            if self.by_count {
                strings::SORTED_BY_COUNT
            } else {
                strings::SORTED_BY_APPEARANCE
            }
            .into(),
        )
    }

    /// Mouse click inside the sidebar at (`column`, `row`): selects the row under the
    /// pointer and acts as Enter on it.
    pub fn click(
        &mut self,
        (column, row): (u16, u16),
        sources: &Sources,
        analysed: bool,
        a: &Areas,
    ) -> Option<Effect> {
        let pos = (column, row).into();
        let si = inner(a.speakers);
        let ci = inner(a.claims);
        if si.contains(pos) {
            let order = self.speaker_order(sources);
            let mut y = si.y;
            for (k, &sp) in order.iter().enumerate().skip(self.speaker_offset) {
                let rows = speaker_rows(sources, sp, si.width) as u16;
                if row < y + rows {
                    self.focus = Focus::Speakers;
                    self.speaker_sel = k;
                    return self.select(sources, analysed, a);
                }
                y += rows;
            }
        } else if ci.contains(pos) {
            let k = self.claim_offset + usize::from(row - ci.y);
            if k < self.shown.len() {
                self.focus = Focus::Claims;
                self.claim_sel = k;
                return self.select(sources, analysed, a);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::{Sourcing, SpeakerKind, SpeakerOut};

    fn speaker(name: &str, role: Option<&str>) -> SpeakerOut {
        SpeakerOut {
            id: 0,
            name: name.into(),
            kind: SpeakerKind::Person,
            aliases: Vec::new(),
            role: role.map(String::from),
            quotes: 2,
            claims: 13,
        }
    }

    #[test]
    fn a_speaker_entry_wraps_the_name_beside_the_counts_and_the_role_under_it() {
        let s = Sources::new(
            vec![
                speaker(
                    "Marguerite Okonjo-Ballantyne",
                    Some("deputy director of the regional water board"),
                ),
                speaker("Ana Ruiz", None),
            ],
            Vec::new(),
            Vec::new(),
            Sourcing::default(),
        );
        // 24 columns: 3 for the marks, 5 for " 2/13" beside the first line of the name
        let e = speaker_entry(&s, 0, 24);
        assert_eq!(e.counts, " 2/13");
        assert_eq!(e.name, ["Marguerite", "Okonjo-Ballantyne"]);
        assert_eq!(
            e.role,
            ["deputy director of", "the regional water", "board"]
        );
        assert_eq!(e.rows(), 5);
        assert_eq!(speaker_rows(&s, 1, 24), 1, "no role: one row");
        // wide enough: one row each
        assert_eq!(speaker_entry(&s, 0, 60).rows(), 2);
    }
}
