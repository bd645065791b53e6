//! The reader's state and the one place that changes it: [`App::update`].
//!
//! Input arrives as [`Input`] (keys already in [`crate::keymap`] notation, mouse, resize),
//! is turned into [`Action`]s through the keymap for the focused context, and applied. The
//! reading position is an [`Anchor`] in the text, so a resize keeps the reader's place.
//! Rendering (in `ui.rs`) only reads the state.

use super::highlights::Highlights;
use super::page::{Anchor, Page};
use super::sources::Sources;
use super::strings;
use super::styles::Styles;
use super::widgets::help;
use crate::config::{Config, Side};
use crate::document::{BlockKind, Document};
use crate::keymap::{Action, Context, Key, KeyCode, KeyParseError, parse_keys};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

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
    /// The speakers list.
    Speakers,
    /// The claims list.
    Claims,
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
    /// The sidebar, when shown (docked beside the article or as an overlay over it).
    pub sidebar: Option<Rect>,
    /// Whether the sidebar is drawn over the article (narrow terminals).
    pub overlay: bool,
    /// The sourcing summary box inside the sidebar (may be empty when space is short).
    pub summary: Rect,
    /// The speakers box.
    pub speakers: Rect,
    /// The claims box.
    pub claims: Rect,
}

/// The inside of a bordered box.
pub fn inner(r: Rect) -> Rect {
    Rect::new(
        r.x.saturating_add(1),
        r.y.saturating_add(1),
        r.width.saturating_sub(2),
        r.height.saturating_sub(2),
    )
}

/// Minimum terminal size the reader draws in.
pub const MIN_SIZE: (u16, u16) = (20, 5);

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// The reader.
#[derive(Debug)]
pub struct App {
    /// The article.
    pub doc: Arc<Document>,
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
    /// Speakers, quotes and claims.
    pub sources: Sources,
    /// The stop (quote or claim) the reader is on, an index into `sources.stops`.
    pub current: Option<usize>,
    /// The speaker the reader filtered to (set through [`App::set_filter`], which keeps the
    /// claims list in step).
    pub(crate) filter: Option<usize>,
    /// Stop indices the claims list shows: the filtered speaker's, or all. Kept, not
    /// computed per frame: a huge article has half a million stops.
    shown: Vec<usize>,
    /// True once the analysis has reported (through [`App::set_sources`]): until then an
    /// empty sidebar means "not known yet", not "none".
    analysed: bool,
    /// Whether the docked sidebar is open (wide terminals).
    pub docked_open: bool,
    /// Whether the overlay sidebar is open (narrow terminals).
    pub overlay_open: bool,
    /// Speakers sorted by claim count instead of first appearance.
    pub by_count: bool,
    /// Selected row of the speakers list.
    pub speaker_sel: usize,
    /// First visible row of the speakers list.
    pub speaker_offset: usize,
    /// Selected row of the claims list.
    pub claim_sel: usize,
    /// First visible row of the claims list.
    pub claim_offset: usize,
    /// Highlights and notes (see [`super::highlights`]).
    pub marks: Highlights,
}

impl App {
    /// A reader for `doc`, shown as `name`. `notes` are messages to show at start (config
    /// problems); the document's own warnings are added to them.
    pub fn new(
        doc: impl Into<Arc<Document>>,
        name: impl Into<String>,
        config: Config,
        notes: &[String],
    ) -> App {
        let doc: Arc<Document> = doc.into();
        let styles = Styles::new(&config);
        let mut warnings: Vec<String> = notes.to_vec();
        warnings.extend(doc.warnings.iter().cloned());
        let message = if warnings.is_empty() {
            let km = &config.keymap;
            let key = |ctx, a| {
                km.hint(ctx, a)
                    .map_or_else(|| "?".into(), |k| k.to_string())
            };
            Some(Message {
                text: strings::start_hint(
                    &key(Context::Article, Action::ToggleHelp),
                    &key(Context::Article, Action::NextQuote),
                    &key(Context::Article, Action::FocusNext),
                    &key(Context::Article, Action::Quit),
                ),
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
            page: Page::default(),
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
            sources: Sources::default(),
            current: None,
            filter: None,
            shown: Vec::new(),
            analysed: false,
            docked_open: true,
            overlay_open: false,
            by_count: false,
            speaker_sel: 0,
            speaker_offset: 0,
            claim_sel: 0,
            claim_offset: 0,
            marks: Highlights::default(),
        };
        app.resize(80, 24);
        app
    }

    /// Replaces the sources (speakers, quotes, claims) the sidebar and navigation use.
    pub fn set_sources(&mut self, sources: Sources) {
        self.sources = sources;
        self.analysed = true;
        self.current = None;
        self.set_filter(None);
        self.speaker_sel = 0;
        self.claim_sel = 0;
        self.fix_offsets();
        self.dirty = true;
    }

    /// Screen areas for the current size.
    pub fn areas(&self) -> Areas {
        let (w, h) = self.size;
        let fits = w >= MIN_SIZE.0 && h >= MIN_SIZE.1;
        let body = Rect::new(0, 0, w, h.saturating_sub(1));
        let status = Rect::new(0, h.saturating_sub(1), w, h.min(1));
        let sc = &self.config.sidebar;
        let wide = w >= sc.min_total_width;
        let docked = fits && wide && self.docked_open;
        let overlay = fits && !wide && self.overlay_open;
        let mut article = body;
        let mut sidebar = None;
        if docked {
            let sw = sc.width.min(w / 2);
            article.width = w - sw;
            let sx = match sc.side {
                Side::Left => {
                    article.x = sw;
                    0
                }
                Side::Right => w - sw,
            };
            sidebar = Some(Rect::new(sx, 0, sw, body.height));
        } else if overlay {
            let sw = sc.width.max(w * 3 / 5).min(w);
            let sx = match sc.side {
                Side::Left => 0,
                Side::Right => w - sw,
            };
            sidebar = Some(Rect::new(sx, 0, sw, body.height));
        }
        let (mut summary, mut speakers, mut claims) =
            (Rect::default(), Rect::default(), Rect::default());
        if let Some(sb) = sidebar {
            let mut y = sb.y;
            let mut rest = sb.height;
            if rest >= 18 {
                summary = Rect::new(sb.x, y, sb.width, 6);
                y += 6;
                rest -= 6;
            }
            let sh = (rest * 9 / 20).max(rest.min(3));
            speakers = Rect::new(sb.x, y, sb.width, sh);
            claims = Rect::new(sb.x, y + sh, sb.width, rest - sh);
        }
        let avail = article.width.saturating_sub(2).max(1);
        let tw = avail.min(self.config.measure).min(article.width);
        let x = article.x + (article.width - tw) / 2;
        Areas {
            article,
            text: Rect::new(x, article.y, tw, article.height),
            status,
            fits,
            sidebar,
            overlay,
            summary,
            speakers,
            claims,
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
        self.relayout();
    }

    /// Lays the article out again for the current text column, keeping the place.
    fn relayout(&mut self) {
        let tw = usize::from(self.areas().text.width).max(1);
        if self.page.width != tw {
            // keep other widths only for ordinary articles: a layout of a huge one costs
            // tens of megabytes and is rebuilt in well under a second, so it is dropped
            // before the new one is built rather than held alongside it
            let old = std::mem::take(&mut self.page);
            if self.pages.len() > 8 {
                self.pages.clear();
            }
            if old.width > 0 && old.lines.len() <= 50_000 {
                self.pages.insert(old.width, old);
            }
            self.page = self
                .pages
                .remove(&tw)
                .unwrap_or_else(|| Page::build(&self.doc, tw));
        }
        self.top = self.page.line_of(self.anchor).min(self.max_top());
        if self.focus != Focus::Article && self.areas().sidebar.is_none() {
            self.focus = Focus::Article;
        }
        self.fix_offsets();
        self.dirty = true;
    }

    fn set_top(&mut self, top: usize) {
        let top = top.min(self.max_top());
        if top != self.top {
            self.dirty = true;
        }
        self.top = top;
        if top < self.page.lines.len() {
            self.anchor = self.page.key(top);
        }
        self.remember_reading();
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
        if let Some(c) = self.highlights_context() {
            c
        } else if self.prompt.is_some() {
            Context::Prompt
        } else {
            match self.focus {
                Focus::Article => Context::Article,
                Focus::Speakers | Focus::Claims => Context::Sidebar,
            }
        }
    }

    pub(crate) fn say(&mut self, text: impl Into<String>) {
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
            Input::Wheel { column, row, down } => {
                let d = WHEEL_LINES as isize;
                let d = if down { d } else { -d };
                if let Some(s) = self.help {
                    self.help = Some(s.saturating_add_signed(d));
                    self.dirty = true;
                    return;
                }
                let a = self.areas();
                let at = |r: Rect| r.contains((column, row).into());
                if at(a.speakers) {
                    self.move_list(Focus::Speakers, d);
                } else if at(a.claims) {
                    self.move_list(Focus::Claims, d);
                } else if a.sidebar.is_some_and(at) {
                    // the summary box: nothing to scroll
                } else {
                    self.scroll_by(d);
                }
            }
            Input::Click { column, row } => self.click(column, row),
            Input::Key(key) => {
                if self.message.take().is_some() {
                    self.dirty = true;
                }
                let ctx = self.context();
                match self.config.keymap.lookup(ctx, key) {
                    Some(action) => self.update(action),
                    None if matches!(ctx, Context::Prompt | Context::Editor) => {
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
        if self.update_highlights(action) {
            return;
        }
        if self.focus != Focus::Article && self.prompt.is_none() && self.update_list(action) {
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
            Action::NextQuote => self.step_stop(true),
            Action::PrevQuote => self.step_stop(false),
            Action::NextSameSpeaker => self.next_same_speaker(),
            Action::ToggleSidebar => self.toggle_sidebar(),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::Select => self.select(),
            // highlights: applied by `update_highlights` above (when they apply at all)
            Action::Highlight
            | Action::StartSelection
            | Action::EditNote
            | Action::EditTags
            | Action::DeleteHighlight
            | Action::Undo
            | Action::CycleStatus
            | Action::ExportHighlights
            | Action::ListHighlights
            | Action::SaveNote
            | Action::NewLine
            | Action::DeleteForward
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorUp
            | Action::CursorDown
            | Action::LineStart
            | Action::LineEnd => {}
            Action::ToggleSort => {
                let keep = self.speaker_order().get(self.speaker_sel).copied();
                self.by_count = !self.by_count;
                if let Some(k) = keep {
                    self.speaker_sel = self
                        .speaker_order()
                        .iter()
                        .position(|&s| s == k)
                        .unwrap_or(0);
                }
                self.fix_offsets();
                self.say(if self.by_count {
                    strings::SORTED_BY_COUNT
                } else {
                    strings::SORTED_BY_APPEARANCE
                });
            }
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
        let overlay = self.areas().overlay;
        if let Some(p) = self.prompt.take() {
            self.search = None;
            self.restore(p.saved);
        } else if overlay && self.overlay_open {
            self.overlay_open = false;
            self.focus = Focus::Article;
        } else if self.filter.is_some() {
            self.set_filter(None);
            self.claim_sel = self
                .current
                .and_then(|c| self.claim_list().iter().position(|&i| i == c))
                .unwrap_or(0);
            self.fix_offsets();
            self.say(strings::FILTER_CLEARED);
        } else if self.search.take().is_some() {
            self.say(strings::SEARCH_CLEARED);
        }
        self.dirty = true;
    }

    pub(crate) fn restore(&mut self, anchor: Anchor) {
        self.anchor = anchor;
        self.top = self.page.line_of(anchor).min(self.max_top());
        self.dirty = true;
    }

    fn type_char(&mut self, c: char) {
        if self.type_into_highlights(c) {
            return;
        }
        if let Some(p) = &mut self.prompt {
            // control and bidi characters would only reorder or hide the query on screen
            if crate::document::text::is_forbidden(c) || c.is_control() {
                return;
            }
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
        self.page
            .lines
            .get(self.top)
            .and_then(|l| l.block_range())
            .map(|(block, _)| block)
    }

    // ---- sidebar and quote navigation ----

    /// Speaker indices in list order (first appearance, or claims count).
    pub fn speaker_order(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.sources.speakers.len()).collect();
        if self.by_count {
            let sp = &self.sources.speakers;
            order.sort_by_key(|&i| (std::cmp::Reverse((sp[i].claims, sp[i].quotes)), i));
        }
        order
    }

    /// Stop indices the claims list shows and `]`/`[` visit: the filtered speaker's, or all.
    pub fn claim_list(&self) -> &[usize] {
        &self.shown
    }

    /// True once the speakers, quotes and claims have arrived.
    pub fn analysed(&self) -> bool {
        self.analysed
    }

    /// The speaker the claims list and `]`/`[` are filtered to, if any.
    pub fn filter(&self) -> Option<usize> {
        self.filter
    }

    /// Filters the claims list and `]`/`[` to one speaker's stops (`None`: everyone's).
    pub fn set_filter(&mut self, filter: Option<usize>) {
        self.filter = filter;
        let stops = &self.sources.stops;
        self.shown = (0..stops.len())
            .filter(|&i| filter.is_none() || stops[i].speaker == filter)
            .collect();
    }

    /// Rows a speaker takes in the list (two when it has a role).
    pub fn speaker_rows(&self, speaker: usize) -> usize {
        match self.sources.speakers.get(speaker) {
            Some(s) if s.role.is_some() => 2,
            _ => 1,
        }
    }

    /// Keeps the selected rows of both lists visible.
    fn fix_offsets(&mut self) {
        let a = self.areas();
        let order = self.speaker_order();
        self.speaker_sel = self.speaker_sel.min(order.len().saturating_sub(1));
        let h = usize::from(inner(a.speakers).height).max(1);
        if self.speaker_sel < self.speaker_offset {
            self.speaker_offset = self.speaker_sel;
        }
        while self.speaker_offset < self.speaker_sel
            && order[self.speaker_offset..=self.speaker_sel]
                .iter()
                .map(|&s| self.speaker_rows(s))
                .sum::<usize>()
                > h
        {
            self.speaker_offset += 1;
        }
        let n = self.claim_list().len();
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
    fn move_list(&mut self, list: Focus, delta: isize) {
        match list {
            Focus::Speakers => {
                let n = self.sources.speakers.len();
                self.speaker_sel = self
                    .speaker_sel
                    .saturating_add_signed(delta)
                    .min(n.saturating_sub(1));
            }
            Focus::Claims => {
                let n = self.claim_list().len();
                self.claim_sel = self
                    .claim_sel
                    .saturating_add_signed(delta)
                    .min(n.saturating_sub(1));
            }
            Focus::Article => {}
        }
        self.fix_offsets();
        self.dirty = true;
    }

    /// Movement actions in a focused list. Returns true when the action was used.
    fn update_list(&mut self, action: Action) -> bool {
        let list = self.focus;
        let a = self.areas();
        let rect = if list == Focus::Speakers {
            a.speakers
        } else {
            a.claims
        };
        let page = usize::from(inner(rect).height).max(2) as isize - 1;
        match action {
            Action::ScrollDown => self.move_list(list, 1),
            Action::ScrollUp => self.move_list(list, -1),
            Action::PageDown | Action::HalfPageDown => self.move_list(list, page),
            Action::PageUp | Action::HalfPageUp => self.move_list(list, -page),
            Action::Top => self.move_list(list, isize::MIN / 2),
            Action::Bottom => self.move_list(list, isize::MAX / 2),
            _ => return false,
        }
        true
    }

    fn toggle_sidebar(&mut self) {
        if self.size.0 >= self.config.sidebar.min_total_width {
            self.docked_open = !self.docked_open;
        } else {
            self.overlay_open = !self.overlay_open;
        }
        if self.areas().sidebar.is_none() {
            self.focus = Focus::Article;
        }
        self.relayout();
    }

    fn cycle_focus(&mut self, forward: bool) {
        let next = match (self.focus, forward) {
            (Focus::Article, true) | (Focus::Claims, false) => Focus::Speakers,
            (Focus::Speakers, true) | (Focus::Article, false) => Focus::Claims,
            (Focus::Claims, true) | (Focus::Speakers, false) => Focus::Article,
        };
        let wide = self.size.0 >= self.config.sidebar.min_total_width;
        if next != Focus::Article && self.areas().sidebar.is_none() {
            if wide {
                self.docked_open = true;
            } else {
                self.overlay_open = true;
            }
            self.relayout();
        }
        if next == Focus::Article && !wide {
            self.overlay_open = false;
        }
        if self.areas().sidebar.is_none() {
            self.focus = Focus::Article;
            self.say(strings::NO_ROOM_FOR_SIDEBAR);
            return;
        }
        self.focus = next;
        let km = &self.config.keymap;
        let key = |a| {
            km.hint(Context::Sidebar, a)
                .map_or_else(|| "?".to_string(), |k| k.to_string())
        };
        let hint = match next {
            Focus::Speakers => Some(strings::speakers_hint(
                &key(Action::Select),
                &key(Action::ToggleSort),
                &key(Action::FocusNext),
            )),
            Focus::Claims => Some(strings::claims_hint(
                &key(Action::Select),
                &key(Action::FocusNext),
            )),
            Focus::Article => None,
        };
        if let Some(h) = hint {
            self.say(h);
        }
        self.dirty = true;
    }

    /// Enter: filter to the selected speaker, or jump to the selected claim.
    fn select(&mut self) {
        match self.focus {
            Focus::Speakers => {
                let Some(&sp) = self.speaker_order().get(self.speaker_sel) else {
                    self.say(if self.analysed {
                        strings::NO_SPEAKERS
                    } else {
                        strings::STILL_ANALYSING
                    });
                    return;
                };
                self.set_filter(Some(sp));
                self.claim_sel = 0;
                self.claim_offset = 0;
                self.fix_offsets();
                let n = self.claim_list().len();
                let name = self.sources.speakers[sp].name.clone();
                self.say(strings::filtered(&name, n));
            }
            Focus::Claims => {
                if let Some(&stop) = self.claim_list().get(self.claim_sel) {
                    self.go_to_stop(stop);
                }
            }
            Focus::Article => {}
        }
    }

    /// Moves to stop `i`: marks it, scrolls it into view with context above, selects it in
    /// the claims list, and says where we are in the status bar.
    pub fn go_to_stop(&mut self, i: usize) {
        let Some(stop) = self.sources.stops.get(i) else {
            return;
        };
        let (block, start, speaker, kind) = (stop.block, stop.range.start, stop.speaker, stop.kind);
        self.current = Some(i);
        if let Some(line) = self.page.line_of_text(block, start) {
            let h = self.body_height();
            let context = (h / 6).clamp(1, 3);
            if line < self.top + context || line + 2 > self.top + h {
                self.set_top(line.saturating_sub(context));
            }
        }
        let list = self.claim_list();
        let (pos, shown) = (list.iter().position(|&s| s == i), list.len());
        if let Some(p) = pos {
            self.claim_sel = p;
            self.fix_offsets();
        }
        let (n, k) = match pos {
            Some(p) => (shown, p),
            None => (self.sources.stops.len(), i),
        };
        let label = self.sources.speaker_label(speaker);
        let checked = self.stop_status_suffix(i).unwrap_or_default();
        self.say(strings::stop_status(kind.word(), k, n, &label) + &checked);
        self.dirty = true;
    }

    /// `]`/`[`: the next or previous stop (of the filtered speaker, when filtered), from the
    /// current one or from the top of the screen; wraps around at the ends.
    fn step_stop(&mut self, forward: bool) {
        let list = self.claim_list();
        if list.is_empty() {
            let msg = match self.filter {
                None if !self.analysed => strings::STILL_ANALYSING.to_string(),
                Some(f) => strings::no_claims_by(&self.sources.speakers[f].name),
                None => strings::NO_QUOTES.to_string(),
            };
            self.say(msg);
            return;
        }
        let stops = &self.sources.stops;
        let here = match self.current {
            Some(c) => (stops[c].block, stops[c].range.start),
            None => self.anchor,
        };
        let key = |i: usize| (stops[i].block, stops[i].range.start);
        let found = if forward {
            match self.current {
                Some(_) => list.iter().copied().find(|&i| key(i) > here),
                None => list.iter().copied().find(|&i| key(i) >= here),
            }
        } else {
            list.iter().rev().copied().find(|&i| key(i) < here)
        };
        let (target, wrapped) = match found {
            Some(i) => (i, false),
            None if forward => (list[0], true),
            None => (list[list.len() - 1], true),
        };
        self.go_to_stop(target);
        if wrapped && let Some(m) = &mut self.message {
            m.text = strings::wrapped(std::mem::take(&mut m.text), forward);
        }
    }

    /// `s`: the next stop by the current stop's speaker.
    fn next_same_speaker(&mut self) {
        let Some(c) = self.current else {
            self.say(strings::NO_CURRENT_QUOTE);
            return;
        };
        let stops = &self.sources.stops;
        let Some(sp) = stops[c].speaker else {
            self.say(strings::NO_SPEAKER_HERE);
            return;
        };
        let n = stops.len();
        let next = (1..=n)
            .map(|d| (c + d) % n)
            .find(|&i| stops[i].speaker == Some(sp));
        if let Some(i) = next {
            let wrapped = i <= c;
            self.go_to_stop(i);
            if wrapped && let Some(m) = &mut self.message {
                m.text = strings::wrapped(std::mem::take(&mut m.text), true);
            }
        }
    }

    /// Mouse click: focus and select what is under the pointer.
    fn click(&mut self, column: u16, row: u16) {
        if self.help.is_some() {
            return;
        }
        let a = self.areas();
        let pos = (column, row).into();
        let si = inner(a.speakers);
        let ci = inner(a.claims);
        if si.contains(pos) {
            let order = self.speaker_order();
            let mut y = si.y;
            for (k, &sp) in order.iter().enumerate().skip(self.speaker_offset) {
                let rows = self.speaker_rows(sp) as u16;
                if row < y + rows {
                    self.focus = Focus::Speakers;
                    self.speaker_sel = k;
                    self.select();
                    return;
                }
                y += rows;
            }
        } else if ci.contains(pos) {
            let k = self.claim_offset + usize::from(row - ci.y);
            if k < self.claim_list().len() {
                self.focus = Focus::Claims;
                self.claim_sel = k;
                self.select();
            }
        } else if a.sidebar.is_some_and(|s| s.contains(pos)) {
            // borders and summary
        } else if a.article.contains(pos) {
            if a.overlay {
                self.overlay_open = false;
            }
            self.focus = Focus::Article;
            self.dirty = true;
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
