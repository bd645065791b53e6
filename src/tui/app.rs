//! The reader's state and the one place that changes it: [`App::update`].
//!
//! Input arrives as [`Input`] (keys already in [`crate::keymap`] notation, mouse, resize),
//! is turned into [`Action`]s through the keymap for the focused context, and applied. The
//! reading position is an [`Anchor`] in the text, so a resize keeps the reader's place.
//! Rendering (in `ui.rs`) only reads the state.

use super::page::{Anchor, LineText, Page};
use super::strings;
use super::styles::Styles;
use super::widgets::help;
use crate::config::Config;
use crate::document::{BlockKind, Document};
use crate::keymap::{Action, Context, Key, KeyCode, KeyParseError, parse_keys};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::ops::Range;

/// Input the app reacts to, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key press.
    Key(Key),
    /// Mouse wheel at a cell.
    Wheel {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
        /// Towards the end of the text.
        down: bool,
    },
    /// Left click at a cell.
    Click {
        /// Column of the pointer.
        column: u16,
        /// Row of the pointer.
        row: u16,
    },
    /// The terminal changed size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
}

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The article.
    #[default]
    Article,
}

/// The search prompt being typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    /// What was typed.
    pub text: String,
    /// Where the reader was when the prompt opened (restored on Esc).
    saved: Anchor,
}

/// A search match in a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Block index.
    pub block: usize,
    /// Byte range in the block's text.
    pub range: Range<usize>,
}

/// The active search.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Search {
    /// The query.
    pub query: String,
    /// All matches in reading order.
    pub matches: Vec<Match>,
    /// The match last moved to.
    pub current: Option<usize>,
}

/// How a status message is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessageKind {
    /// Neutral information.
    Info,
    /// Something the reader should know (document warnings, config errors).
    Warning,
}

/// A transient status bar message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// The text.
    pub text: String,
    /// How to show it.
    pub kind: MessageKind,
}

/// Screen areas for the current terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The article pane.
    pub article: Rect,
    /// The text column inside the article pane.
    pub text: Rect,
    /// The status bar.
    pub status: Rect,
    /// False when the terminal is too small to draw the reader.
    pub fits: bool,
}

/// Minimum terminal size the reader draws in.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// The reader.
#[derive(Debug)]
pub struct App {
    /// The article.
    pub doc: Document,
    /// File name shown in the status bar.
    pub name: String,
    /// Resolved configuration.
    pub config: Config,
    /// Styles derived from the theme.
    pub styles: Styles,
    /// The layout at the current width.
    pub page: Page,
    pages: HashMap<usize, Page>,
    /// Terminal size.
    pub size: (u16, u16),
    /// Index of the top visible line in [`App::page`].
    pub top: usize,
    anchor: Anchor,
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// Help overlay scroll, when the help is open.
    pub help: Option<usize>,
    /// The search prompt, when open.
    pub prompt: Option<Prompt>,
    /// The search, when there is one.
    pub search: Option<Search>,
    /// The transient message.
    pub message: Option<Message>,
    /// Set by quit.
    pub should_quit: bool,
    /// Set when something changed since the last draw.
    pub dirty: bool,
}

impl App {
    /// A reader for `doc`, shown as `name`. `notes` are messages to show at start (config
    /// problems); the document's own warnings are added to them.
    pub fn new(doc: Document, name: impl Into<String>, config: Config, notes: &[String]) -> App {
        let styles = Styles::new(&config);
        let mut warnings: Vec<String> = notes.to_vec();
        warnings.extend(doc.warnings.iter().cloned());
        let message = if warnings.is_empty() {
            Some(Message {
                text: strings::START_HINT.to_string(),
                kind: MessageKind::Info,
            })
        } else {
            Some(Message {
                text: warnings.join(" · "),
                kind: MessageKind::Warning,
            })
        };
        let mut app = App {
            // laid out for real by the resize below; building at width 1 first cost as much
            // as a full layout with one word per line
            page: Page {
                width: 0,
                lines: Vec::new(),
                extras: Vec::new(),
            },
            doc,
            name: name.into(),
            config,
            styles,
            pages: HashMap::new(),
            size: (0, 0),
            top: 0,
            anchor: (0, 0),
            focus: Focus::Article,
            help: None,
            prompt: None,
            search: None,
            message,
            should_quit: false,
            dirty: true,
        };
        app.resize(80, 24);
        app
    }

    /// Screen areas for the current size.
    pub fn areas(&self) -> Areas {
        let (w, h) = self.size;
        let fits = w >= MIN_SIZE.0 && h >= MIN_SIZE.1;
        let article = Rect::new(0, 0, w, h.saturating_sub(1));
        let status = Rect::new(0, h.saturating_sub(1), w, h.min(1));
        let avail = article.width.saturating_sub(2).max(1);
        let tw = avail.min(self.config.measure).min(article.width);
        let x = article.x + (article.width - tw) / 2;
        Areas {
            article,
            text: Rect::new(x, article.y, tw, article.height),
            status,
            fits,
        }
    }

    /// Rows of article visible at once.
    pub fn body_height(&self) -> usize {
        usize::from(self.areas().text.height).max(1)
    }

    fn max_top(&self) -> usize {
        self.page.lines.len().saturating_sub(self.body_height())
    }

    /// Adapts to a new terminal size, keeping the reading position.
    pub fn resize(&mut self, width: u16, height: u16) {
        if self.size == (width, height) {
            return;
        }
        self.size = (width, height);
        let tw = usize::from(self.areas().text.width).max(1);
        if self.page.width != tw {
            let new = self
                .pages
                .remove(&tw)
                .unwrap_or_else(|| Page::build(&self.doc, tw));
            let old = std::mem::replace(&mut self.page, new);
            if self.pages.len() > 8 {
                self.pages.clear();
            }
            self.pages.insert(old.width, old);
        }
        self.top = self.page.line_of(self.anchor).min(self.max_top());
        self.dirty = true;
    }

    fn set_top(&mut self, top: usize) {
        let top = top.min(self.max_top());
        if top != self.top {
            self.dirty = true;
        }
        self.top = top;
        if let Some(l) = self.page.lines.get(top) {
            self.anchor = l.key;
        }
    }

    fn scroll_by(&mut self, delta: isize) {
        let t = self.top.saturating_add_signed(delta);
        self.set_top(t);
    }

    /// Position as a percentage: 0 at the top, 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        let max = self.max_top();
        (self.top * 100).checked_div(max).unwrap_or(100)
    }

    /// The context keys are looked up in.
    pub fn context(&self) -> Context {
        if self.prompt.is_some() {
            Context::Prompt
        } else {
            match self.focus {
                Focus::Article => Context::Article,
            }
        }
    }

    fn say(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Info,
        });
        self.dirty = true;
    }

    /// Reacts to one input.
    pub fn handle(&mut self, input: Input) {
        match input {
            Input::Resize { width, height } => self.resize(width, height),
            Input::Wheel { down, .. } => {
                if let Some(s) = self.help {
                    self.help = Some(if down {
                        s + WHEEL_LINES
                    } else {
                        s.saturating_sub(WHEEL_LINES)
                    });
                    self.dirty = true;
                } else {
                    let d = WHEEL_LINES as isize;
                    self.scroll_by(if down { d } else { -d });
                }
            }
            Input::Click { .. } => {}
            Input::Key(key) => {
                if self.message.take().is_some() {
                    self.dirty = true;
                }
                let ctx = self.context();
                match self.config.keymap.lookup(ctx, key) {
                    Some(action) => self.update(action),
                    None if ctx == Context::Prompt => {
                        if let KeyCode::Char(c) = key.code
                            && !key.mods.ctrl
                            && !key.mods.alt
                        {
                            self.type_char(c);
                        }
                    }
                    None => {}
                }
            }
        }
    }

    /// Presses keys written in keymap notation, e.g. `"j j G"` or `"/ f e r r y enter"`.
    pub fn press(&mut self, keys: &str) -> Result<(), KeyParseError> {
        for k in parse_keys(keys)? {
            self.handle(Input::Key(k));
        }
        Ok(())
    }

    /// Applies an action.
    pub fn update(&mut self, action: Action) {
        if self.help.is_some() && self.update_help(action) {
            return;
        }
        let page = self.body_height();
        match action {
            Action::Quit => self.should_quit = true,
            Action::ToggleHelp => {
                self.help = Some(0);
                self.dirty = true;
            }
            Action::Close => self.close(),
            Action::ScrollDown => self.scroll_by(1),
            Action::ScrollUp => self.scroll_by(-1),
            Action::PageDown => self.scroll_by(page.saturating_sub(2).max(1) as isize),
            Action::PageUp => self.scroll_by(-(page.saturating_sub(2).max(1) as isize)),
            Action::HalfPageDown => self.scroll_by((page / 2).max(1) as isize),
            Action::HalfPageUp => self.scroll_by(-((page / 2).max(1) as isize)),
            Action::Top => self.set_top(0),
            Action::Bottom => self.set_top(usize::MAX),
            Action::NextParagraph => {
                let next = self.page.block_starts().find(|&i| i > self.top);
                match next {
                    Some(i) if i <= self.max_top() => self.set_top(i),
                    _ => self.say(strings::LAST_PARAGRAPH),
                }
            }
            Action::PrevParagraph => {
                let prev = self.page.block_starts().filter(|&i| i < self.top).last();
                match prev {
                    Some(i) => self.set_top(i),
                    None if self.top > 0 => self.set_top(0),
                    None => self.say(strings::FIRST_PARAGRAPH),
                }
            }
            Action::Search => {
                self.prompt = Some(Prompt {
                    text: String::new(),
                    saved: self.anchor,
                });
                self.dirty = true;
            }
            Action::Confirm => self.confirm_search(),
            Action::DeleteBack => {
                if let Some(p) = &mut self.prompt {
                    p.text.pop();
                    self.refresh_search();
                }
            }
            Action::NextMatch => self.step_match(true),
            Action::PrevMatch => self.step_match(false),
            Action::NextQuote
            | Action::PrevQuote
            | Action::NextSameSpeaker
            | Action::ToggleSidebar
            | Action::FocusNext
            | Action::FocusPrev
            | Action::Select
            | Action::ToggleSort => {}
        }
    }

    /// Actions while the help is open. Returns true when the action was used.
    fn update_help(&mut self, action: Action) -> bool {
        let Some(scroll) = self.help else {
            return false;
        };
        let rows = help::rows(&self.config.keymap).len();
        let visible = usize::from(self.size.1.saturating_sub(4)).max(1);
        let max = rows.saturating_sub(visible);
        let new = match action {
            Action::ScrollDown => scroll + 1,
            Action::ScrollUp => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + visible / 2,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(visible / 2),
            Action::Top => 0,
            Action::Bottom => max,
            Action::ToggleHelp | Action::Close => {
                self.help = None;
                self.dirty = true;
                return true;
            }
            Action::Quit => return false,
            _ => return true,
        };
        self.help = Some(new.min(max));
        self.dirty = true;
        true
    }

    fn close(&mut self) {
        if let Some(p) = self.prompt.take() {
            self.search = None;
            self.restore(p.saved);
        } else if self.search.take().is_some() {
            self.say(strings::SEARCH_CLEARED);
        }
        self.dirty = true;
    }

    fn restore(&mut self, anchor: Anchor) {
        self.anchor = anchor;
        self.top = self.page.line_of(anchor).min(self.max_top());
        self.dirty = true;
    }

    fn type_char(&mut self, c: char) {
        if let Some(p) = &mut self.prompt {
            p.text.push(c);
            self.refresh_search();
        }
    }

    /// Recomputes the matches for the prompt's text and moves to the first one after the
    /// place the prompt was opened at.
    fn refresh_search(&mut self) {
        let Some(p) = &self.prompt else { return };
        let (query, saved) = (p.text.clone(), p.saved);
        self.dirty = true;
        if query.is_empty() {
            self.search = None;
            self.restore(saved);
            return;
        }
        let matches = find_all(&self.doc, &query);
        let first = matches
            .iter()
            .position(|m| (m.block, m.range.start) >= saved)
            .or((!matches.is_empty()).then_some(0));
        self.search = Some(Search {
            query,
            matches,
            current: first,
        });
        match first {
            Some(i) => self.show_match(i),
            None => self.restore(saved),
        }
    }

    fn confirm_search(&mut self) {
        let Some(p) = self.prompt.take() else { return };
        self.dirty = true;
        if p.text.is_empty() {
            self.search = None;
            return;
        }
        match &self.search {
            Some(s) => match s.current {
                Some(i) => self.say(strings::match_status(i, s.matches.len(), &s.query)),
                None => self.say(strings::no_match(&s.query)),
            },
            None => self.say(strings::no_match(&p.text)),
        }
    }

    fn step_match(&mut self, forward: bool) {
        let Some(s) = &self.search else {
            self.say(strings::NO_SEARCH);
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            let msg = strings::no_match(&s.query);
            self.say(msg);
            return;
        }
        let (next, wrapped) = match s.current {
            Some(i) if forward => ((i + 1) % n, i + 1 == n),
            Some(i) => ((i + n - 1) % n, i == 0),
            None => (0, false),
        };
        let mut status = strings::match_status(next, n, &s.query);
        if wrapped {
            status = strings::wrapped(status, forward);
        }
        if let Some(s) = &mut self.search {
            s.current = Some(next);
        }
        self.show_match(next);
        self.say(status);
    }

    /// Scrolls so that match `i` is on screen, with some context above it.
    fn show_match(&mut self, i: usize) {
        let Some(m) = self.search.as_ref().and_then(|s| s.matches.get(i)) else {
            return;
        };
        let (block, start) = (m.block, m.range.start);
        self.scroll_to_text(block, start);
        self.dirty = true;
    }

    /// Scrolls so that byte `offset` of block `block` is visible; when it is not already,
    /// it is put a third of the way down the screen.
    pub fn scroll_to_text(&mut self, block: usize, offset: usize) {
        let Some(line) = self.page.line_of_text(block, offset) else {
            return;
        };
        let h = self.body_height();
        if line < self.top || line >= self.top + h {
            self.set_top(line.saturating_sub(h / 3));
        }
    }

    /// The visible line range of the page.
    pub fn visible(&self) -> Range<usize> {
        let end = (self.top + self.body_height()).min(self.page.lines.len());
        self.top.min(end)..end
    }

    /// The text under the top line: block index and byte offset (for tests and resize).
    pub fn anchor(&self) -> Anchor {
        self.anchor
    }

    /// The text of the top visible line.
    pub fn top_text(&self) -> &str {
        self.page.text(&self.doc, self.top)
    }

    /// The block shown at the top line, if the top line shows block text.
    pub fn top_block(&self) -> Option<usize> {
        match self.page.lines.get(self.top).map(|l| &l.text) {
            Some(LineText::Block { block, .. }) => Some(*block),
            _ => None,
        }
    }
}

/// Every match of `query` in the blocks the reader shows. Case is ignored unless the query
/// has an upper-case letter ("smart case").
pub fn find_all(doc: &Document, query: &str) -> Vec<Match> {
    let fold = !query.chars().any(char::is_uppercase);
    let norm = |c: char| {
        if fold {
            c.to_lowercase().next().unwrap_or(c)
        } else {
            c
        }
    };
    let q: Vec<char> = query.chars().map(norm).collect();
    if q.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        if matches!(block.kind, BlockKind::Dateline | BlockKind::Byline) {
            continue;
        }
        let chars: Vec<(usize, char)> = block
            .text
            .char_indices()
            .map(|(i, c)| (i, norm(c)))
            .collect();
        let mut i = 0;
        while i + q.len() <= chars.len() {
            if chars[i..i + q.len()]
                .iter()
                .zip(&q)
                .all(|((_, a), b)| a == b)
            {
                let start = chars[i].0;
                let end = chars.get(i + q.len()).map_or(block.text.len(), |(o, _)| *o);
                out.push(Match {
                    block: bi,
                    range: start..end,
                });
                i += q.len();
            } else {
                i += 1;
            }
        }
    }
    out
}
