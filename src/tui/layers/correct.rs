//! The correction overlay (`C` on a quote or claim, `C` on a speaker in the sidebar, `A` in
//! a selection), and the offer to write text the clipboard refused to a file.
//!
//! Steps: a menu (`r` reassign, `n` not an attribution, `m` merge the speaker into another,
//! `R` rename it, `k` change its kind); the speaker picker (type to filter, up/down to
//! choose, Tab to cycle the kind of a new name, Enter to pick); a name prompt; a kind list.
//! Its keys are `[keys.picker]`: typed characters filter, Enter picks, Tab changes the kind
//! of a new speaker, Esc closes. Every choice ends as one [`Change`] handed to the corrections part.

use crate::annotations::Change;
use crate::attribution::SpeakerKind;
use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, FixOp, Layer, Scene};
use crate::tui::picker::{Choice, Picker, Row};
use crate::tui::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget, Wrap};
use std::ops::Range;

/// What picking a speaker does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Purpose {
    /// Credit the passage to the picked speaker.
    Reassign,
    /// Add an attribution of the passage to the picked speaker.
    Add,
    /// Merge the speaker into the picked one.
    Merge,
}

#[derive(Debug)]
enum Step {
    Menu,
    Pick(Purpose, Picker),
    Rename(String),
    Kind(usize),
    Offer { text: String, reason: String },
}

/// The correction overlay.
#[derive(Debug)]
pub struct CorrectLayer {
    /// The passage corrected (source bytes), for passage corrections.
    range: Option<Range<usize>>,
    /// Its text, cut short, for the title.
    excerpt: String,
    /// The speaker it is credited to, or the speaker corrected.
    speaker: Option<String>,
    /// The article's speakers.
    choices: Vec<Choice>,
    step: Step,
}

impl CorrectLayer {
    /// The menu for the quote or claim over `range`, credited to `speaker`.
    pub fn stop(
        range: Range<usize>,
        excerpt: String,
        speaker: Option<String>,
        choices: Vec<Choice>,
    ) -> Self {
        CorrectLayer {
            range: Some(range),
            excerpt,
            speaker,
            choices,
            step: Step::Menu,
        }
    }

    /// The menu for a speaker (merge, rename, kind).
    pub fn speaker(name: String, choices: Vec<Choice>) -> Self {
        CorrectLayer {
            range: None,
            excerpt: String::new(),
            speaker: Some(name),
            choices,
            step: Step::Menu,
        }
    }

    /// The picker for an attribution to add over `range` (from a selection).
    pub fn add(range: Range<usize>, excerpt: String, choices: Vec<Choice>) -> Self {
        let picker = Picker::new(choices.clone(), true);
        CorrectLayer {
            range: Some(range),
            excerpt,
            speaker: None,
            choices,
            step: Step::Pick(Purpose::Add, picker),
        }
    }

    /// The offer to write `text` to a file, after the clipboard refused it for `reason`.
    pub fn offer(text: String, reason: String) -> Self {
        CorrectLayer {
            range: None,
            excerpt: String::new(),
            speaker: None,
            choices: Vec::new(),
            step: Step::Offer { text, reason },
        }
    }

    fn fix(change: Change) -> EventResult {
        EventResult::Consumed(vec![Effect::Pop, Effect::Fix(FixOp::Apply(change))])
    }

    /// A menu letter.
    fn menu(&mut self, c: char) -> EventResult {
        let others: Vec<Choice> = self
            .choices
            .iter()
            .filter(|x| Some(&x.name) != self.speaker.as_ref())
            .cloned()
            .collect();
        match (c, &self.range, &self.speaker) {
            ('r', Some(_), _) => {
                self.step = Step::Pick(Purpose::Reassign, Picker::new(others, true));
            }
            ('n', Some(range), _) => {
                return Self::fix(Change::NotAttribution {
                    range: range.clone(),
                });
            }
            ('m', _, Some(_)) => self.step = Step::Pick(Purpose::Merge, Picker::new(others, false)),
            ('R', _, Some(name)) => self.step = Step::Rename(name.clone()),
            ('k', _, Some(name)) => {
                let now = self
                    .choices
                    .iter()
                    .find(|x| &x.name == name)
                    .map_or(SpeakerKind::Person, |x| x.kind);
                let i = SpeakerKind::ALL.iter().position(|k| *k == now).unwrap_or(0);
                self.step = Step::Kind(i);
            }
            _ => {}
        }
        EventResult::consumed()
    }

    /// Enter in the picker, the name prompt or the kind list.
    fn confirm(&mut self) -> EventResult {
        let range = self.range.clone().unwrap_or_default();
        let speaker = self.speaker.clone().unwrap_or_default();
        match &self.step {
            Step::Menu => EventResult::consumed(),
            Step::Pick(purpose, picker) => {
                let Some((name, kind)) = picker.chosen() else {
                    return EventResult::consumed();
                };
                Self::fix(match purpose {
                    Purpose::Reassign => Change::Reassign {
                        range,
                        speaker: name,
                        kind,
                    },
                    Purpose::Add => Change::Add {
                        range,
                        speaker: name,
                        kind,
                    },
                    Purpose::Merge => Change::Merge {
                        speaker,
                        into: name,
                    },
                })
            }
            Step::Rename(to) => Self::fix(Change::Rename {
                speaker,
                to: to.clone(),
            }),
            Step::Kind(i) => Self::fix(Change::SetKind {
                speaker,
                kind: SpeakerKind::ALL[*i],
            }),
            Step::Offer { text, .. } => EventResult::Consumed(vec![
                Effect::Pop,
                Effect::Fix(FixOp::WriteFile(text.clone())),
            ]),
        }
    }

    fn lines(&self) -> (String, Vec<Line<'static>>) {
        let who = self.speaker.clone().unwrap_or_else(|| "no one".into());
        let mut lines: Vec<Line> = Vec::new();
        let title = match &self.step {
            Step::Menu => {
                if self.range.is_some() {
                    lines.push(Line::from(format!("\u{201c}{}\u{201d}", self.excerpt)));
                    lines.push(Line::from(format!("credited to {who}")));
                    lines.push(Line::from(""));
                    lines.push(Line::from("r  reassign to another speaker…"));
                    lines.push(Line::from("n  not an attribution"));
                }
                if let Some(s) = &self.speaker {
                    lines.push(Line::from(format!("m  merge {s} into…")));
                    lines.push(Line::from(format!("R  rename {s}…")));
                    lines.push(Line::from(format!("k  change the kind of {s}…")));
                }
                lines.push(Line::from(""));
                lines.push(Line::from("Esc  cancel"));
                strings::CORRECT_TITLE.to_string()
            }
            Step::Pick(purpose, p) => {
                lines.push(Line::from(format!("> {}\u{2581}", p.query)));
                let rows = p.rows();
                let at = p.selected.min(rows.len().saturating_sub(1));
                for (i, row) in rows.iter().enumerate().take(12) {
                    let mark = if i == at { "\u{25b6} " } else { "  " };
                    let text = match row {
                        Row::Speaker(j) => {
                            let c = &p.choices[*j];
                            format!("{mark}{} ({})", c.name, c.kind.as_str())
                        }
                        Row::New => format!(
                            "{mark}new: {} ({}, Tab changes)",
                            p.query.trim(),
                            p.new_kind.as_str()
                        ),
                    };
                    lines.push(Line::from(text));
                }
                if rows.is_empty() {
                    lines.push(Line::from("  (no speaker matches)"));
                }
                lines.push(Line::from(""));
                lines.push(Line::from(
                    "type to filter · ↑/↓ choose · Enter pick · Esc cancel",
                ));
                match purpose {
                    Purpose::Reassign => format!("Who said \u{201c}{}\u{201d}?", self.excerpt),
                    Purpose::Add => format!("Who said \u{201c}{}\u{201d}?", self.excerpt),
                    Purpose::Merge => format!("Merge {who} into…"),
                }
            }
            Step::Rename(to) => {
                lines.push(Line::from(format!("> {to}\u{2581}")));
                lines.push(Line::from(""));
                lines.push(Line::from("Enter rename · Esc cancel"));
                format!("Rename {who}")
            }
            Step::Kind(i) => {
                for (j, k) in SpeakerKind::ALL.iter().enumerate() {
                    let mark = if j == *i { "\u{25b6} " } else { "  " };
                    lines.push(Line::from(format!("{mark}{}", k.as_str())));
                }
                lines.push(Line::from(""));
                lines.push(Line::from("↑/↓ choose · Enter set · Esc cancel"));
                format!("{who} is a…")
            }
            Step::Offer { reason, .. } => {
                lines.push(Line::from(format!("Not copied: {reason}.")));
                lines.push(Line::from(""));
                lines.push(Line::from(
                    "w or Enter  write it to a file beside the highlights",
                ));
                lines.push(Line::from("Esc        cancel"));
                strings::CLIPBOARD_REFUSED_TITLE.to_string()
            }
        };
        (title, lines)
    }
}

impl Layer for CorrectLayer {
    fn context(&self) -> Context {
        Context::Picker
    }

    fn handle(&mut self, action: Action, _scene: &Scene) -> EventResult {
        match action {
            Action::Close => {
                let said = Effect::Say(strings::CORRECTION_CANCELLED.into());
                return EventResult::Consumed(vec![Effect::Pop, said]);
            }
            Action::Confirm | Action::Select => {
                return self.confirm();
            }
            Action::ToggleHelp | Action::Quit => return EventResult::Ignored,
            _ => {}
        }
        match &mut self.step {
            Step::Pick(_, p) => match action {
                Action::ScrollDown => p.down(),
                Action::ScrollUp => p.up(),
                Action::DeleteBack => p.pop(),
                Action::NextKind => p.next_kind(),
                _ => {}
            },
            Step::Rename(to) => {
                if action == Action::DeleteBack {
                    to.pop();
                }
            }
            Step::Kind(i) => match action {
                Action::ScrollDown => {
                    *i = (*i + 1) % SpeakerKind::ALL.len();
                }
                Action::ScrollUp => {
                    *i = (*i + SpeakerKind::ALL.len() - 1) % SpeakerKind::ALL.len();
                }
                _ => {}
            },
            Step::Menu | Step::Offer { .. } => {}
        }
        EventResult::consumed()
    }

    fn typed(&mut self, c: char) -> EventResult {
        match &mut self.step {
            Step::Menu => return self.menu(c),
            Step::Pick(_, p) => p.push(c),
            Step::Rename(to) => {
                if !c.is_control() {
                    to.push(c);
                }
            }
            Step::Kind(_) => {}
            Step::Offer { .. } => {
                if c == 'w' {
                    return self.confirm();
                }
            }
        }
        EventResult::consumed()
    }

    fn paste(&mut self, text: &str) -> EventResult {
        let one_line: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        for c in one_line.chars() {
            match &mut self.step {
                Step::Pick(_, p) => p.push(c),
                Step::Rename(to) => to.push(c),
                _ => {}
            }
        }
        EventResult::consumed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let (title, lines) = self.lines();
        let area = scene.areas.article.intersection(buf.area);
        let width = area.width.saturating_sub(4).clamp(20, 70);
        let height = (lines.len() as u16 + 2).min(area.height);
        let rect = Rect {
            x: area.x + area.width.saturating_sub(width) / 2,
            y: area.y + area.height.saturating_sub(height) / 3,
            width: width.min(area.width),
            height,
        };
        Clear.render(rect, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .style(scene.styles.body)
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(scene.styles.focus)
                    .title(crate::annotations::highlight::excerpt(&title, 60)),
            )
            .render(rect, buf);
    }

    fn text(&self) -> Option<&str> {
        match &self.step {
            Step::Pick(_, p) => Some(&p.query),
            Step::Rename(to) => Some(to),
            _ => None,
        }
    }

    fn name(&self) -> &'static str {
        match self.step {
            Step::Offer { .. } => "clipboard",
            _ => "correct",
        }
    }
}
