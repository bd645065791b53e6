//! The overlay stack (after helix's compositor) and the effects parts ask the app to apply.
//!
//! An overlay — help, a prompt, the note editor, the highlights list, a sentence
//! selection — is a [`Layer`] on the app's [`Layers`] stack. Keys go to the top layer first:
//! it answers [`EventResult::Consumed`] with the [`Effect`]s it wants applied (closing
//! itself is [`Effect::Pop`], opening another layer [`Effect::Push`]) or
//! [`EventResult::Ignored`], and the key goes down to the next layer and finally to the
//! reader underneath. Layers and parts never change each other: they return effects, and
//! [`crate::tui::App`] applies them in one place.

use crate::annotations::{Change, Store};
use crate::config::Config;
use crate::keymap::{Action, Context};
use crate::tui::page::Anchor;
use crate::tui::state::{Areas, Unit};
use crate::tui::styles::Styles;
use ratatui::buffer::Buffer;
use std::ops::Range;

/// What a layer did with an event.
#[derive(Debug)]
pub enum EventResult {
    /// The layer used the event; apply these effects.
    Consumed(Vec<Effect>),
    /// Not for this layer: offer it to the one below.
    Ignored,
}

impl EventResult {
    /// Consumed, with no effect beyond the layer's own state.
    pub fn consumed() -> EventResult {
        EventResult::Consumed(Vec::new())
    }
}

/// A change to the highlights, asked for by a layer or a key (applied by the highlights
/// part, [`crate::tui::highlights::Highlights`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MarkOp {
    /// Highlight the current quote or the sentence at the top.
    Highlight,
    /// Start selecting sentences (opens the selection layer).
    StartSelection,
    /// Open the note editor.
    EditNote,
    /// Open the tags prompt.
    EditTags,
    /// Delete the highlight.
    Delete,
    /// Undo the last change.
    Undo,
    /// Cycle the check status.
    CycleStatus,
    /// Export as Markdown.
    Export,
    /// Open the highlights list.
    List,
    /// Highlight this source byte range as a passage.
    AddPassage(Range<usize>),
    /// Save this note.
    SaveNote(String),
    /// Save these tags (comma separated).
    SetTags(String),
    /// Scroll to the `i`-th highlight and make it the cursor.
    GoTo(usize),
}

/// A correction or a copy, asked for by a key or the correction overlay (applied by the
/// corrections part, [`crate::tui::corrections::Fixes`]).
#[derive(Debug, Clone, PartialEq)]
pub enum FixOp {
    /// `C`: open the correction overlay on the current quote or claim, or on the speaker
    /// selected in the sidebar.
    Open,
    /// `A` in a selection: pick the speaker of an attribution over this source range.
    OpenAdd(Range<usize>),
    /// Record a correction.
    Apply(Change),
    /// Undo the last correction.
    Undo,
    /// `y`: copy the current quote or claim with its source.
    Copy,
    /// `Y`: copy the highlight under the cursor as Markdown.
    CopyHighlight,
    /// Write this text to a file (offered when the clipboard is refused).
    WriteFile(String),
}

/// Something a layer or part asks the app to do.
#[derive(Debug)]
pub enum Effect {
    /// Show a message in the status bar (and keep it in the message log).
    Say(String),
    /// Show a warning in the status bar (and keep it in the message log).
    Warn(String),
    /// Put a layer on top of the stack.
    Push(Box<dyn Layer>),
    /// Remove the layer that returned this effect.
    Pop,
    /// Leave the reader (the reading position is saved).
    Quit,
    /// Carry out an action as the reader does when no overlay takes its key (a command
    /// typed after `:`).
    Run(Action),
    /// Go back to a reading position given as a byte offset in the article's source.
    GoToOffset(usize),
    /// Go to the `i`-th stop (quote or claim): mark it, scroll to it, select it in the
    /// claims list and say where it is.
    GoToStop(usize),
    /// Forget the current quote or claim (the reader moved to a highlight instead).
    LeaveStop,
    /// Scroll so that a byte offset of a block's text is on screen.
    ScrollToText {
        /// Block index.
        block: usize,
        /// Byte offset in its text.
        offset: usize,
    },
    /// The search prompt's text changed: search for it from `from`.
    SearchTyped {
        /// The query typed so far.
        query: String,
        /// Where the prompt was opened.
        from: Anchor,
        /// Searching upwards (`?`).
        backward: bool,
    },
    /// The search prompt was accepted.
    SearchConfirmed,
    /// The search prompt was cancelled: forget the search and go back to `from`.
    SearchCancelled {
        /// Where the prompt was opened.
        from: Anchor,
    },
    /// A correction of the analysis, or a copy to the clipboard.
    Fix(FixOp),
    /// A change to the highlights, on the highlight `on` (by id) or the one under the cursor.
    Mark {
        /// What to do.
        op: MarkOp,
        /// The highlight to act on; `None`: the one under the cursor.
        on: Option<String>,
    },
}

/// What layers see of the app while handling a key or drawing.
#[derive(Clone, Copy)]
pub struct Scene<'a> {
    /// The article.
    pub doc: &'a crate::document::Document,
    /// The configuration (keymap for the help).
    pub config: &'a Config,
    /// Styles to draw with.
    pub styles: &'a Styles,
    /// Screen areas.
    pub areas: Areas,
    /// The article's highlights, when there is a file for them.
    pub store: Option<&'a Store>,
}

/// An overlay: something drawn over the reader that gets keys before it.
pub trait Layer: std::fmt::Debug {
    /// The keymap context keys are looked up in while this layer is on top.
    fn context(&self) -> Context;

    /// An action bound to a key in [`Layer::context`] (or globally).
    fn handle(&mut self, action: Action, scene: &Scene) -> EventResult;

    /// A printable key bound to nothing: typed into prompts and editors.
    fn typed(&mut self, _c: char) -> EventResult {
        EventResult::Ignored
    }

    /// Text the terminal marked as pasted.
    fn paste(&mut self, _text: &str) -> EventResult {
        EventResult::Ignored
    }

    /// The mouse wheel, anywhere on the screen.
    fn wheel(&mut self, _down: bool, _scene: &Scene) -> EventResult {
        EventResult::Ignored
    }

    /// A click, anywhere on the screen.
    fn click(&mut self) -> EventResult {
        EventResult::Ignored
    }

    /// A hint for the status bar while no message is shown (what the keys do here).
    fn hint(&self) -> Option<&str> {
        None
    }

    /// Draws the layer over what is below it.
    fn render(&mut self, scene: &Scene, buf: &mut Buffer);

    /// The text typed into a prompt, for prompts.
    fn text(&self) -> Option<&str> {
        None
    }

    /// Sentences this layer has selected, to be marked in the article.
    fn selection(&self) -> Option<&[Unit]> {
        None
    }

    /// The highlight this layer has selected (by id), which the highlight keys act on.
    fn highlight(&self, _scene: &Scene) -> Option<String> {
        None
    }

    /// What the layer is, for tests and the status bar (`help`, `search`, …).
    fn name(&self) -> &'static str;
}

/// The overlay stack, bottom first.
#[derive(Debug, Default)]
pub struct Layers {
    stack: Vec<Box<dyn Layer>>,
}

impl Layers {
    /// The layer on top.
    pub fn top(&self) -> Option<&dyn Layer> {
        self.stack.last().map(|l| &**l)
    }

    /// Whether a layer with this name is open.
    pub fn has(&self, name: &str) -> bool {
        self.stack.iter().any(|l| l.name() == name)
    }

    /// Whether no overlay is open.
    pub fn is_empty(&self) -> bool {
        self.stack.is_empty()
    }

    /// Puts a layer on top.
    pub fn push(&mut self, layer: Box<dyn Layer>) {
        self.stack.push(layer);
    }

    /// Removes the top layer.
    pub fn pop(&mut self) -> Option<Box<dyn Layer>> {
        self.stack.pop()
    }

    /// Removes the layer at `index` (bottom first), if there is one.
    pub fn remove(&mut self, index: usize) -> Option<Box<dyn Layer>> {
        (index < self.stack.len()).then(|| self.stack.remove(index))
    }

    /// Offers an event to the layers, top first, until one consumes it: `f` is called on each
    /// in turn. Returns the index of the layer that consumed it and its effects; `None` when
    /// every layer ignored it.
    pub fn dispatch(
        &mut self,
        mut f: impl FnMut(&mut dyn Layer) -> EventResult,
    ) -> Option<(usize, Vec<Effect>)> {
        for (i, layer) in self.stack.iter_mut().enumerate().rev() {
            if let EventResult::Consumed(effects) = f(&mut **layer) {
                return Some((i, effects));
            }
        }
        None
    }

    /// Every layer, bottom first.
    pub fn iter(&self) -> impl Iterator<Item = &dyn Layer> {
        self.stack.iter().map(|l| &**l)
    }

    /// Every layer, bottom first, for drawing.
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Box<dyn Layer>> {
        self.stack.iter_mut()
    }
}
