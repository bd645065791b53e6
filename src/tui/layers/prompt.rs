//! A one-line prompt over the status bar: the search (`/`) and the tags of a highlight
//! (`t`). Printable keys are typed into it; Enter accepts, Esc cancels.

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
    },
    /// The tags of a highlight, comma separated.
    Tags {
        /// The highlight's id.
        id: String,
    },
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
    /// The search prompt, opened at `from`.
    pub fn search(from: Anchor) -> PromptLayer {
        PromptLayer {
            purpose: Purpose::Search { from },
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

    /// The effects of a change to the text.
    fn changed(&self) -> EventResult {
        match &self.purpose {
            Purpose::Search { from } => EventResult::Consumed(vec![Effect::SearchTyped {
                query: self.text.clone(),
                from: *from,
            }]),
            Purpose::Tags { .. } => EventResult::consumed(),
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
                };
                EventResult::Consumed(vec![Effect::Pop, done])
            }
            Action::Close => {
                let mut out = vec![Effect::Pop];
                if let Purpose::Search { from } = self.purpose {
                    out.push(Effect::SearchCancelled { from });
                }
                EventResult::Consumed(out)
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
            Purpose::Search { .. } => strings::SEARCH_PROMPT,
            Purpose::Tags { .. } => strings::TAGS_PROMPT,
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
        }
    }
}
