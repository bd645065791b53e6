//! A one-line prompt over the status bar: the search (`/`, `?`), the tags of a highlight
//! (`#`) and the command line (`:`). Printable keys are typed into it; Enter accepts, Esc
//! cancels.

use crate::keymap::{Action, Context};
use crate::tui::compositor::{Effect, EventResult, Layer, MarkOp, Scene};
use crate::tui::page::Anchor;
use crate::tui::strings;
use crate::tui::widgets::prompt_bar::PromptBar;
use ratatui::buffer::Buffer;
use ratatui::widgets::Widget;

/// What the prompt is for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Purpose {
    /// Searching, incrementally, from where the prompt was opened.
    Search {
        /// Where the reader was when the prompt opened (restored on Esc).
        from: Anchor,
        /// Upwards (`?`).
        backward: bool,
        /// Earlier searches, oldest first.
        history: Vec<String>,
        /// The history entry shown (Up and Down), if any.
        shown: Option<usize>,
    },
    /// The tags of a highlight, comma separated.
    Tags {
        /// The highlight's id.
        id: String,
    },
    /// A command ([`COMMANDS`]), as less takes `:q` and vim `:messages`.
    Command,
}

/// The commands of the command line (`:`): their names, the first one as the help shows
/// it, and the action each carries out.
pub const COMMANDS: &[(&[&str], Action)] = &[
    (&["messages", "mes"], Action::ShowMessages),
    (&["help", "h"], Action::ToggleHelp),
    (&["q", "quit", "Q"], Action::Quit),
];

/// The action of the command typed after `:` (surrounding spaces ignored), if it is one of
/// [`COMMANDS`].
///
/// ```
/// use hearsay::keymap::Action;
/// use hearsay::tui::layers::prompt::command;
/// assert_eq!(command(" messages "), Some(Action::ShowMessages));
/// assert_eq!(command("q"), Some(Action::Quit));
/// assert_eq!(command("wq"), None);
/// ```
pub fn command(text: &str) -> Option<Action> {
    let name = text.trim();
    COMMANDS
        .iter()
        .find(|(names, _)| names.contains(&name))
        .map(|&(_, action)| action)
}

/// The prompt and what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PromptLayer {
    /// What it is for.
    pub purpose: Purpose,
    /// What was typed.
    pub text: String,
}

impl PromptLayer {
    /// The search prompt, opened at `from`, searching up when `backward`; Up and Down go
    /// through `history` (oldest first).
    pub fn search(from: Anchor, backward: bool, history: Vec<String>) -> PromptLayer {
        PromptLayer {
            purpose: Purpose::Search {
                from,
                backward,
                history,
                shown: None,
            },
            text: String::new(),
        }
    }

    /// The tags prompt for highlight `id`, holding its tags.
    pub fn tags(id: String, text: String) -> PromptLayer {
        PromptLayer {
            purpose: Purpose::Tags { id },
            text,
        }
    }

    /// The command line (`:`).
    pub fn command() -> PromptLayer {
        PromptLayer {
            purpose: Purpose::Command,
            text: String::new(),
        }
    }

    /// The effects of a change to the text.
    fn changed(&self) -> EventResult {
        match &self.purpose {
            Purpose::Search { from, backward, .. } => {
                EventResult::Consumed(vec![Effect::SearchTyped {
                    query: self.text.clone(),
                    from: *from,
                    backward: *backward,
                }])
            }
            Purpose::Tags { .. } | Purpose::Command => EventResult::consumed(),
        }
    }

    /// Adds a character, unless it is a control or bidi character (which would only reorder
    /// or hide the text on screen).
    fn push(&mut self, c: char) -> bool {
        if crate::document::text::is_forbidden(c) || c.is_control() {
            return false;
        }
        self.text.push(c);
        true
    }
}

impl Layer for PromptLayer {
    fn context(&self) -> Context {
        Context::Prompt
    }

    fn handle(&mut self, action: Action, _scene: &Scene) -> EventResult {
        match action {
            Action::Confirm => {
                let done = match &self.purpose {
                    Purpose::Search { .. } => Effect::SearchConfirmed,
                    Purpose::Tags { id } => Effect::Mark {
                        op: MarkOp::SetTags(self.text.clone()),
                        on: Some(id.clone()),
                    },
                    Purpose::Command if self.text.trim().is_empty() => {
                        return EventResult::Consumed(vec![Effect::Pop]);
                    }
                    Purpose::Command => match command(&self.text) {
                        Some(action) => Effect::Run(action),
                        None => Effect::Warn(strings::no_command(self.text.trim())),
                    },
                };
                EventResult::Consumed(vec![Effect::Pop, done])
            }
            Action::Close => {
                let mut out = vec![Effect::Pop];
                if let Purpose::Search { from, .. } = self.purpose {
                    out.push(Effect::SearchCancelled { from });
                }
                EventResult::Consumed(out)
            }
            Action::HistoryPrev | Action::HistoryNext => {
                let Purpose::Search { history, shown, .. } = &mut self.purpose else {
                    return EventResult::consumed();
                };
                let n = history.len();
                *shown = match (action, *shown) {
                    (_, _) if n == 0 => None,
                    (Action::HistoryPrev, None) => Some(n - 1),
                    (Action::HistoryPrev, Some(i)) => Some(i.saturating_sub(1)),
                    (_, Some(i)) if i + 1 < n => Some(i + 1),
                    _ => None,
                };
                self.text = shown.map(|i| history[i].clone()).unwrap_or_default();
                self.changed()
            }
            Action::DeleteBack => {
                self.text.pop();
                self.changed()
            }
            _ => EventResult::Ignored,
        }
    }

    fn typed(&mut self, c: char) -> EventResult {
        if self.push(c) {
            self.changed()
        } else {
            EventResult::consumed()
        }
    }

    fn paste(&mut self, text: &str) -> EventResult {
        for c in text.chars() {
            self.push(if matches!(c, '\n' | '\t') { ' ' } else { c });
        }
        self.changed()
    }

    fn render(&mut self, scene: &Scene, buf: &mut Buffer) {
        let label = match self.purpose {
            Purpose::Search {
                backward: false, ..
            } => strings::SEARCH_PROMPT,
            Purpose::Search { backward: true, .. } => strings::SEARCH_BACK_PROMPT,
            Purpose::Tags { .. } => strings::TAGS_PROMPT,
            Purpose::Command => strings::COMMAND_PROMPT,
        };
        PromptBar {
            label,
            text: &self.text,
            styles: scene.styles,
        }
        .render(scene.areas.status.intersection(buf.area), buf);
    }

    fn text(&self) -> Option<&str> {
        Some(&self.text)
    }

    fn name(&self) -> &'static str {
        match self.purpose {
            Purpose::Search { .. } => "search",
            Purpose::Tags { .. } => "tags",
            Purpose::Command => "command",
        }
    }
}
