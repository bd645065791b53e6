//! The reader: parts that own their state, an overlay stack, and the one place that
//! changes them, [`App::on`].
//!
//! Input arrives as [`Input`] (keys already in [`crate::keymap`] notation, mouse, resize),
//! is turned into an [`Action`] through the keymap of the top layer's context (or the
//! focused pane's), and offered to the overlays top first ([`Layers::dispatch`]); what no
//! overlay takes goes to the reader underneath ([`App::base`]). Parts and layers return
//! [`Effect`]s; [`App::apply`] carries them out. Drawing (in `ui.rs`) reads the state.

use crate::config::Config;
use crate::document::Document;
use crate::keymap::{Action, Context, KeyCode, KeyParseError, parse_keys};
use crate::tui::compositor::{Effect, FixOp, Layers, MarkOp, Scene};
use crate::tui::corrections::{FixCtx, Fixes, corrected_sources};
use crate::tui::highlights::{Here, Highlights};
use crate::tui::layers::{DiffLayer, HelpLayer, MessagesLayer, PromptLayer};
use crate::tui::layout;
use crate::tui::sources::{Sources, StopMark, uncertain};
use crate::tui::strings;
use crate::tui::styles::Styles;
use std::collections::VecDeque;
use std::ops::Range;
use std::sync::Arc;

use crate::tui::state::Step;
pub use crate::tui::state::{
    Areas, Focus, Input, MIN_SIZE, Message, MessageKind, ReaderState, SidebarState, StatusState,
    inner,
};

/// Lines the wheel scrolls per notch.
const WHEEL_LINES: usize = 3;

/// What the app reacts to: input, pasted text, and the analysis arriving.
#[derive(Debug)]
enum Event<'a> {
    Input(Input),
    Paste(&'a str),
    Sources(Box<Sources>),
    /// The highlights store was opened or a save finished, on their threads.
    Background,
}

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
    /// Speakers, quotes and claims (empty until the analysis reports).
    pub sources: Sources,
    /// Terminal size.
    pub size: (u16, u16),
    /// The article pane.
    pub reader: ReaderState,
    /// The sidebar.
    pub sidebar: SidebarState,
    /// Highlights and notes.
    pub marks: Highlights,
    /// Corrections of the analysis, and copying.
    pub fixes: Fixes,
    /// Escape sequences to write to the terminal after the next frame (OSC 52 clipboard
    /// writes); [`crate::tui::run`] takes them.
    pub terminal_out: Vec<String>,
    /// The status bar and the message log.
    pub status: StatusState,
    /// The overlays, bottom first.
    pub layers: Layers,
    /// What changed since the text was highlighted, when it changed (see
    /// [`App::offer_diff`]); the diff view shows it.
    pub since: Option<Arc<crate::diff::Diff>>,
    /// True once the analysis has reported: until then an empty sidebar means "not known
    /// yet", not "none".
    analysed: bool,
    /// Set by quit.
    pub should_quit: bool,
    /// Esc with nothing left to close quits: the reader was opened from the library view,
    /// which it goes back to.
    pub back_on_close: bool,
    /// Set when something changed since the last draw (only by [`App::on`]).
    pub dirty: bool,
    /// Set by [`App::place_at`]: the saved reading position is not restored over it.
    placed: bool,
}

/// What layers see of the app, built from its fields (not through `&self`), so that the
/// layers can be borrowed mutably beside it.
macro_rules! scene {
    ($app:expr) => {
        Scene {
            doc: &$app.doc,
            config: &$app.config,
            styles: &$app.styles,
            areas: layout::areas($app.size, &$app.config, &$app.sidebar, &$app.sources),
            store: $app.marks.store.as_ref(),
        }
    };
}
pub(crate) use scene;

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
        let styles = Styles::for_depth(&config, crate::tui::styles::ColorDepth::detect());
        let mut warnings: Vec<String> = notes.to_vec();
        warnings.extend(doc.warnings.iter().cloned());
        let message = if warnings.is_empty() {
            let km = &config.keymap;
            let key = |ctx, a| km.hint(ctx, a).map(|k| k.to_string());
            Message {
                text: strings::start_hint(
                    key(Context::Article, Action::ToggleHelp).as_deref(),
                    key(Context::Article, Action::NextQuote).as_deref(),
                    key(Context::Article, Action::FocusNext).as_deref(),
                    key(Context::Article, Action::Quit).as_deref(),
                ),
                kind: MessageKind::Info,
            }
        } else {
            Message {
                text: warnings.join(" · "),
                kind: MessageKind::Warning,
            }
        };
        let mut app = App {
            doc,
            name: name.into(),
            config,
            styles,
            sources: Sources::default(),
            size: (0, 0),
            // laid out for real by the resize below
            reader: ReaderState::default(),
            sidebar: SidebarState::default(),
            marks: Highlights::default(),
            fixes: Fixes::default(),
            terminal_out: Vec::new(),
            status: StatusState::default(),
            layers: Layers::default(),
            since: None,
            analysed: false,
            should_quit: false,
            back_on_close: false,
            dirty: true,
            placed: false,
        };
        app.show(message);
        app.resize(80, 24);
        app
    }

    // ---- the one entry point ----

    /// Reacts to one event: the only place that changes the state after start-up, and the
    /// only place that marks a frame to be drawn.
    fn on(&mut self, event: Event) {
        match event {
            Event::Input(input) => self.input(input),
            Event::Paste(text) => {
                let text = text.replace("\r\n", "\n").replace('\r', "\n");
                let found = self.layers.dispatch(|l| l.paste(&text));
                if let Some((i, effects)) = found {
                    self.apply(effects, Some(i));
                }
            }
            Event::Sources(sources) => {
                self.sources = *sources;
                self.analysed = true;
                self.reader.current = None;
                self.sidebar.reset(&self.sources);
                // what the saved corrections did, orphaned ones listed
                let c = &self.sources.corrected;
                if !c.summary.is_empty() {
                    let (text, kind) = if c.orphaned.is_empty() {
                        (c.summary.clone(), MessageKind::Info)
                    } else {
                        let list = c.orphaned.join(" · ");
                        (format!("{}: {list}", c.summary), MessageKind::Warning)
                    };
                    self.say(text, kind);
                }
            }
            Event::Background => {
                if let Some(loaded) = self.marks.take_loaded(&self.doc) {
                    self.attach_highlights(loaded.store);
                    if let Some(r) = loaded.reading {
                        self.attach_reading_store(r);
                    }
                    if let Some(p) = loaded.seen.problem {
                        let text = crate::printable::printable(&p.to_string()).into_owned();
                        self.say(text, MessageKind::Warning);
                    }
                    if let Some(d) = loaded.seen.since {
                        self.offer_diff(d);
                    }
                }
                match self.marks.poll_saves() {
                    // where the first save went, highlights merged from another window:
                    // added to what the key that saved said
                    Some((note, MessageKind::Info)) => match &mut self.status.message {
                        Some(m) if m.kind == MessageKind::Info && !m.text.is_empty() => {
                            let text = format!("{} · {note}", m.text);
                            self.say(text, MessageKind::Info);
                        }
                        _ => self.say(note, MessageKind::Info),
                    },
                    Some((text, kind)) => self.say(text, kind),
                    None => {}
                }
            }
        }
        self.fit();
        self.dirty = true;
    }

    /// Reacts to one input.
    pub fn handle(&mut self, input: Input) {
        self.on(Event::Input(input));
    }

    /// Text the terminal marked as pasted (bracketed paste). It is typed into the note
    /// editor (line breaks included), the tags prompt or the search prompt (on one line),
    /// and never run as commands: without this, a blank line in a pasted note saved it and
    /// the rest ran as keys (`d` deleted the highlight, `q` quit). Anywhere else the paste
    /// is ignored.
    pub fn paste(&mut self, text: &str) {
        self.on(Event::Paste(text));
    }

    /// Replaces the sources (speakers, quotes, claims) the sidebar and navigation use.
    pub fn set_sources(&mut self, sources: Sources) {
        self.on(Event::Sources(Box::new(sources)));
    }

    /// Adapts to a new terminal size, keeping the reading position.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.handle(Input::Resize { width, height });
    }

    /// Presses keys written in keymap notation, e.g. `"j j G"` or `"/ f e r r y enter"`.
    pub fn press(&mut self, keys: &str) -> Result<(), KeyParseError> {
        for k in parse_keys(keys)? {
            self.handle(Input::Key(k));
        }
        Ok(())
    }

    /// Gives the reader the article's highlights (from [`crate::annotations::Store::open`]):
    /// says where they are saved, what moved or broke, and returns to the saved reading
    /// position.
    pub fn attach_highlights(
        &mut self,
        store: Result<crate::annotations::Store, crate::annotations::StoreError>,
    ) {
        let (message, reading, whole) = self.marks.attach(store, self.status.message.take());
        if !whole.is_empty() {
            // kept in the message log only: the status bar shows the short form
            self.status.log.push(Message {
                text: whole,
                kind: MessageKind::Info,
            });
        }
        self.show(message);
        if let Some(offset) = reading {
            self.return_to(offset);
        }
    }

    /// Starts with the article's highlights being opened on another thread (see
    /// [`crate::annotations::saver::open_in_background`]): the first frame does not wait for
    /// them; [`App::poll_background`] attaches them when they are ready, and from then on
    /// changes are saved on the saver's thread.
    pub fn attach_loading(
        &mut self,
        loading: crate::tui::highlights::StoreLoading,
        origin: crate::annotations::Origin,
    ) {
        self.marks.attach_loading(loading, origin);
    }

    /// Sends the corrections saved with the highlights to `to` once the highlights are
    /// attached (the analysis thread waits for them: no uncorrected sidebar is drawn, and
    /// none before the highlights are there).
    pub fn send_corrections_to(
        &mut self,
        to: std::sync::mpsc::Sender<Vec<crate::annotations::correction::Correction>>,
    ) {
        self.marks.send_corrections_to(to);
    }

    /// True while the highlights are being opened or saved on their threads: the event loop
    /// then calls [`App::poll_background`] now and then.
    pub fn is_busy(&self) -> bool {
        self.marks.is_busy()
    }

    /// Takes what the highlights' threads finished (the opened store, saves and what they
    /// found on disk); cheap when there is nothing.
    pub fn poll_background(&mut self) {
        if self.marks.is_busy() {
            self.on(Event::Background);
        }
    }

    /// True while quitting must wait for a save still running.
    pub fn is_saving(&self) -> bool {
        self.marks.is_saving()
    }

    /// Says that quitting waits for the last save (drawn before [`App::finish_saves`]).
    pub fn show_saving(&mut self) {
        self.say(strings::SAVING_ON_QUIT.to_string(), MessageKind::Info);
    }

    /// Waits for the last save (on quit); returns a failure to report after the terminal is
    /// restored.
    pub fn finish_saves(&mut self) -> Option<String> {
        self.marks.finish_saves()
    }

    /// Keeps the reading position of an article that has no highlights file beside it yet
    /// in `store` (see [`Highlights::attach_reading_store`]), and returns to the position
    /// saved there when the article's own file has none.
    pub fn attach_reading_store(&mut self, store: crate::annotations::Store) {
        if let Some(offset) = self.marks.attach_reading_store(store) {
            self.return_to(offset);
        }
    }

    /// Shows the article from `offset` (a source offset): where a search hit of the library
    /// is. The reading position saved with the highlights is then not restored when they
    /// arrive.
    pub fn place_at(&mut self, offset: usize) {
        self.placed = true;
        self.reader.go_to_offset(&self.doc, offset);
        self.dirty = true;
    }

    /// Goes back to the saved reading position, unless the reader was already placed or
    /// moved (the highlights, which hold the position, may arrive after the first keys).
    fn return_to(&mut self, offset: usize) {
        if !self.placed && self.reader.top == 0 && self.reader.current.is_none() {
            self.reader.go_to_offset(&self.doc, offset);
        }
    }

    /// Says that the article changed since it was highlighted, with what changed, and
    /// offers the diff view (`D`). Nothing is said when `diff` is empty.
    pub fn offer_diff(&mut self, diff: crate::diff::Diff) {
        if diff.is_empty() {
            return;
        }
        let key = self
            .config
            .keymap
            .hint(Context::Article, Action::ShowDiff)
            .map_or_else(|| Action::ShowDiff.name().to_string(), |k| k.to_string());
        let text = strings::changed_since(&diff.summary, &key);
        self.since = Some(Arc::new(diff));
        self.say(text, MessageKind::Warning);
    }

    /// Opens the diff view on `diff` (for `hearsay diff OLD NEW`: the reader shows the new
    /// version under it).
    pub fn open_diff(&mut self, diff: crate::diff::Diff) {
        let diff = Arc::new(diff);
        self.since = Some(Arc::clone(&diff));
        self.layers.push(Box::new(DiffLayer::new(diff)));
        self.dirty = true;
    }

    // ---- what is where ----

    /// Screen areas for the current size.
    pub fn areas(&self) -> Areas {
        layout::areas(self.size, &self.config, &self.sidebar, &self.sources)
    }

    /// Lays the article out again when the text column changed size, and keeps the
    /// sidebar's focus and lists valid for the current areas.
    fn fit(&mut self) {
        let a = self.areas();
        let (w, h) = (usize::from(a.text.width).max(1), usize::from(a.text.height));
        if self.reader.page.width != w || self.reader.height != h.max(1) {
            self.reader.relayout(&self.doc, w, h);
        }
        if self.sidebar.focus != Focus::Article && a.sidebar.is_none() {
            self.sidebar.focus = Focus::Article;
        }
        self.sidebar.fix_offsets(&self.sources, &a);
    }

    /// The context keys are looked up in: the top overlay's, or the focused pane's.
    pub fn context(&self) -> Context {
        match self.layers.top() {
            Some(l) => l.context(),
            None => match self.sidebar.focus {
                Focus::Article => Context::Article,
                Focus::Speakers | Focus::Claims => Context::Sidebar,
            },
        }
    }

    /// The message in the status bar, if any.
    pub fn message(&self) -> Option<&Message> {
        self.status.message.as_ref()
    }

    /// What is typed into the open prompt (search or tags), if one is on top.
    pub fn prompt(&self) -> Option<&str> {
        self.layers.top().and_then(|l| l.text())
    }

    /// True once the speakers, quotes and claims have arrived.
    pub fn analysed(&self) -> bool {
        self.analysed
    }

    /// Rows of article visible at once.
    pub fn body_height(&self) -> usize {
        self.reader.height.max(1)
    }

    /// Position as a percentage: 0 at the top, 100 when the end is on screen.
    pub fn percent(&self) -> usize {
        self.reader.percent()
    }

    /// The visible line range of the page.
    pub fn visible(&self) -> Range<usize> {
        self.reader.visible()
    }

    /// The text under the top line: block index and byte offset.
    pub fn anchor(&self) -> crate::tui::page::Anchor {
        self.reader.anchor()
    }

    /// The text of the top visible line.
    pub fn top_text(&self) -> &str {
        self.reader.top_text(&self.doc)
    }

    /// The block shown at the top line, if the top line shows block text.
    pub fn top_block(&self) -> Option<usize> {
        self.reader.top_block()
    }

    /// Scrolls so that byte `offset` of block `block` is visible.
    pub fn scroll_to_text(&mut self, block: usize, offset: usize) {
        self.reader.scroll_to_text(block, offset);
    }

    /// Speaker indices in list order (first appearance, or claims count).
    pub fn speaker_order(&self) -> Vec<usize> {
        self.sidebar.speaker_order(&self.sources)
    }

    /// Stop indices the claims list shows and `]`/`[` visit: the filtered speaker's, or all.
    pub fn claim_list(&self) -> &[usize] {
        self.sidebar.claim_list()
    }

    /// The speaker the claims list and `]`/`[` are filtered to, if any.
    pub fn filter(&self) -> Option<usize> {
        self.sidebar.filter()
    }

    /// What the highlights part reads of the rest of the reader.
    fn here(&self) -> Here<'_> {
        Here {
            doc: &self.doc,
            sources: &self.sources,
            reader: &self.reader,
            keymap: &self.config.keymap,
        }
    }

    /// The id of the highlight under the cursor (see [`crate::tui::highlights`]).
    pub fn cursor_id(&self) -> Option<String> {
        let sc = scene!(self);
        let listed = self.layers.iter().find_map(|l| l.highlight(&sc));
        self.marks.cursor_id(&self.here(), listed)
    }

    /// The check status of a quote or claim, when it is highlighted.
    pub fn claim_status(
        &self,
        block: usize,
        range: Range<usize>,
    ) -> Option<crate::annotations::Status> {
        self.marks.claim_status(&self.doc, block, range)
    }

    // ---- input ----

    fn input(&mut self, input: Input) {
        match input {
            Input::Resize { width, height } => self.size = (width, height),
            Input::Wheel { column, row, down } => self.wheel((column, row), down),
            Input::Click { column, row } => self.click(column, row),
            Input::Key(key) => {
                self.status.message = None;
                self.reader.was_at_end = self.reader.at_end.take();
                let ctx = self.context();
                match self.config.keymap.lookup(ctx, key) {
                    Some(action) => {
                        self.update(action);
                        // a count is for the key right after it, used or not
                        self.reader.count = None;
                    }
                    None => self.unbound(key),
                }
            }
        }
    }

    /// A key bound to nothing here: typed into a prompt or editor, a digit of a count
    /// (`5j`), or said to do nothing.
    fn unbound(&mut self, key: crate::keymap::Key) {
        let plain = !key.mods.ctrl && !key.mods.alt;
        if let KeyCode::Char(c) = key.code
            && plain
        {
            if let Some((i, effects)) = self.layers.dispatch(|l| l.typed(c)) {
                self.apply(effects, Some(i));
                return;
            }
            if let Some(d) = c.to_digit(10)
                && self.layers.is_empty()
            {
                let n = self
                    .reader
                    .count
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(d as usize)
                    .min(1_000_000);
                self.reader.count = Some(n);
                // shown, not kept in the message log
                self.status.message = Some(Message {
                    text: strings::count(n),
                    kind: MessageKind::Info,
                });
                return;
            }
        }
        self.reader.count = None;
        let help = self.key_for(Action::ToggleHelp);
        self.say(
            strings::no_action(&key.to_string(), &help),
            MessageKind::Info,
        );
    }

    fn wheel(&mut self, (column, row): (u16, u16), down: bool) {
        let a = self.areas();
        let sc = scene!(self);
        if let Some((i, effects)) = self.layers.dispatch(|l| l.wheel(down, &sc)) {
            self.apply(effects, Some(i));
            return;
        }
        let d = if down {
            WHEEL_LINES as isize
        } else {
            -(WHEEL_LINES as isize)
        };
        let at = |r: ratatui::layout::Rect| r.contains((column, row).into());
        if at(a.speakers) {
            self.sidebar
                .move_list(&self.sources, &a, Focus::Speakers, d);
        } else if at(a.claims) {
            self.sidebar.move_list(&self.sources, &a, Focus::Claims, d);
        } else if a.sidebar.is_some_and(at) {
            // the summary box: nothing to scroll
        } else {
            self.reader.scroll_by(d);
        }
    }

    /// Mouse click: focus and select what is under the pointer.
    fn click(&mut self, column: u16, row: u16) {
        if let Some((i, effects)) = self.layers.dispatch(|l| l.click()) {
            self.apply(effects, Some(i));
            return;
        }
        let a = self.areas();
        let pos = (column, row).into();
        if a.sidebar.is_some_and(|s| s.contains(pos)) {
            let done = self
                .sidebar
                .click((column, row), &self.sources, self.analysed, &a);
            self.apply(done.into_iter().collect(), None);
        } else if a.article.contains(pos) {
            if a.overlay {
                self.sidebar.overlay_open = false;
            }
            self.sidebar.focus = Focus::Article;
        }
    }

    /// Applies an action: the overlays first, top down, then the reader.
    pub fn update(&mut self, action: Action) {
        let sc = scene!(self);
        if let Some((i, effects)) = self.layers.dispatch(|l| l.handle(action, &sc)) {
            self.apply(effects, Some(i));
            return;
        }
        let effects = self.base(action);
        self.apply(effects, None);
    }

    /// An action no overlay took: the article, the sidebar, or opening an overlay.
    fn base(&mut self, action: Action) -> Vec<Effect> {
        let a = self.areas();
        let count = self.reader.count.take();
        // ], [, s, n, N: a count repeats them (5] is the fifth quote on)
        let repeats = count.unwrap_or(1).clamp(1, 10_000);
        let mark = |op| vec![Effect::Mark { op, on: None }];
        if self.sidebar.focus != Focus::Article
            && self.sidebar.update_list(action, &self.sources, &a)
        {
            return Vec::new();
        }
        match action {
            Action::Quit => vec![Effect::Quit],
            Action::ToggleHelp => vec![Effect::Push(Box::<HelpLayer>::default())],
            Action::ShowMessages => {
                let log = self.status.log.clone();
                vec![Effect::Push(Box::new(MessagesLayer::new(log)))]
            }
            Action::Close => self.close(),
            Action::EnterCommand => vec![Effect::Push(Box::new(PromptLayer::command()))],
            Action::Search | Action::SearchBack => {
                let back = action == Action::SearchBack;
                let (from, history) = (self.reader.anchor(), self.reader.history.clone());
                vec![Effect::Push(Box::new(PromptLayer::search(
                    from, back, history,
                )))]
            }
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                let key = self.key_for(action);
                let mut said = Vec::new();
                for _ in 0..repeats {
                    said = vec![self.reader.step_match(forward, &key)];
                }
                said
            }
            Action::NextQuote | Action::PrevQuote | Action::NextSameSpeaker => {
                let mut said = Vec::new();
                for _ in 0..repeats {
                    said = match action {
                        Action::NextQuote => self.step_stop(true),
                        Action::PrevQuote => self.step_stop(false),
                        _ => self.next_same_speaker(),
                    };
                }
                said
            }
            Action::ToggleSidebar => {
                self.sidebar.toggle(self.size, &self.config);
                Vec::new()
            }
            Action::FocusNext | Action::FocusPrev => {
                let forward = action == Action::FocusNext;
                let said = self.sidebar.cycle_focus(forward, self.size, &self.config);
                said.into_iter().collect()
            }
            Action::Select => self
                .sidebar
                .select(&self.sources, self.analysed, &a)
                .into_iter()
                .collect(),
            Action::ToggleSort => vec![self.sidebar.toggle_sort(&self.sources, &a)],
            Action::Highlight => mark(MarkOp::Highlight),
            Action::StartSelection => mark(MarkOp::StartSelection),
            Action::EditNote => mark(MarkOp::EditNote),
            Action::EditTags => mark(MarkOp::EditTags),
            Action::DeleteHighlight => mark(MarkOp::Delete),
            Action::Undo if self.fixes.owns_next_undo(self.marks.undo_depth()) => {
                vec![Effect::Fix(FixOp::Undo)]
            }
            Action::Undo => mark(MarkOp::Undo),
            Action::Correct => vec![Effect::Fix(FixOp::Open)],
            Action::CopyQuote => vec![Effect::Fix(FixOp::Copy)],
            Action::CopyHighlight => vec![Effect::Fix(FixOp::CopyHighlight)],
            Action::CycleStatus => mark(MarkOp::CycleStatus),
            Action::ExportHighlights => mark(MarkOp::Export),
            Action::ListHighlights => mark(MarkOp::List),
            Action::ShowDiff => match &self.since {
                Some(d) => vec![Effect::Push(Box::new(DiffLayer::new(Arc::clone(d))))],
                None => vec![Effect::Say(strings::NO_DIFF.into())],
            },
            // prompt and editor keys mean nothing without a prompt or editor open
            Action::Confirm
            | Action::DeleteBack
            | Action::SaveNote
            | Action::NewLine
            | Action::DeleteForward
            | Action::CursorLeft
            | Action::CursorRight
            | Action::CursorUp
            | Action::CursorDown
            | Action::LineStart
            | Action::LineEnd
            | Action::HistoryPrev
            | Action::HistoryNext
            | Action::AddAttribution
            | Action::NextKind => Vec::new(),
            movement => self.reader.update(movement, count).unwrap_or_default(),
        }
    }

    /// Esc with no overlay open: closes the sidebar drawn over the article, else clears the
    /// filter, else the search.
    fn close(&mut self) -> Vec<Effect> {
        let a = self.areas();
        if a.overlay && self.sidebar.overlay_open {
            self.sidebar.overlay_open = false;
            self.sidebar.focus = Focus::Article;
        } else if self.sidebar.filter().is_some() {
            self.sidebar
                .clear_filter(&self.sources, self.reader.current, &a);
            return vec![Effect::Say(strings::FILTER_CLEARED.into())];
        } else if self.reader.search.take().is_some() {
            return vec![Effect::Say(strings::SEARCH_CLEARED.into())];
        } else if self.back_on_close {
            return vec![Effect::Quit];
        }
        Vec::new()
    }

    // ---- effects ----

    /// Carries out effects, in order; `from` is the layer that returned them (the one
    /// [`Effect::Pop`] removes).
    fn apply(&mut self, effects: Vec<Effect>, from: Option<usize>) {
        let mut from = from;
        let mut queue: VecDeque<Effect> = effects.into();
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Say(text) => self.say(text, MessageKind::Info),
                Effect::Warn(text) => self.say(text, MessageKind::Warning),
                Effect::Push(layer) => self.layers.push(layer),
                Effect::Pop => {
                    if let Some(i) = from.take() {
                        self.layers.remove(i);
                    }
                }
                Effect::Quit => {
                    self.marks.save_on_quit(&self.doc, &self.reader);
                    self.should_quit = true;
                }
                Effect::Run(action) => queue.extend(self.base(action)),
                Effect::GoToOffset(offset) => self.reader.go_to_offset(&self.doc, offset),
                Effect::GoToStop(i) => {
                    if let Some(said) = self.go_to_stop(i) {
                        self.say(said, MessageKind::Info);
                    }
                }
                Effect::LeaveStop => self.reader.current = None,
                Effect::ScrollToText { block, offset } => {
                    self.reader.scroll_to_text(block, offset);
                }
                Effect::SearchTyped {
                    query,
                    from,
                    backward,
                } => {
                    self.reader.search_typed(&self.doc, &query, from, backward);
                }
                Effect::SearchConfirmed => queue.extend(self.reader.search_confirmed()),
                Effect::SearchCancelled { from } => {
                    self.reader.search = None;
                    self.reader.restore(from);
                }
                Effect::Fix(op) => {
                    let cx = FixCtx {
                        here: Here {
                            doc: &self.doc,
                            sources: &self.sources,
                            reader: &self.reader,
                            keymap: &self.config.keymap,
                        },
                        sidebar: &self.sidebar,
                        config: &self.config,
                    };
                    let out = self.fixes.apply(op, &mut self.marks, &cx);
                    if out.reanalyse {
                        self.reanalyse();
                    }
                    self.terminal_out.extend(out.terminal);
                    queue.extend(out.effects);
                }
                Effect::Mark { op, on } => {
                    let here = Here {
                        doc: &self.doc,
                        sources: &self.sources,
                        reader: &self.reader,
                        keymap: &self.config.keymap,
                    };
                    queue.extend(self.marks.apply(op, on, &here));
                }
            }
        }
        self.marks.remember_reading(&self.doc, &self.reader);
    }

    /// Redoes the analysis with the saved corrections applied (after one was made or
    /// undone), keeping the reader on the quote or claim it was on.
    fn reanalyse(&mut self) {
        let here = self
            .reader
            .current
            .and_then(|c| self.sources.stops.get(c))
            .map(|s| (s.block, s.range.start));
        let list = self
            .marks
            .store
            .as_ref()
            .map(|s| s.corrections().list().to_vec())
            .unwrap_or_default();
        self.sources = corrected_sources(&self.doc, &list);
        self.sidebar.reset(&self.sources);
        // the stop that starts where the old one started, else one that covers that place
        self.reader.current = here.and_then(|(b, at)| {
            let stops = &self.sources.stops;
            stops
                .iter()
                .position(|s| s.block == b && s.range.start == at)
                .or_else(|| {
                    stops.iter().position(|s| {
                        s.block == b && s.range.start <= at && at < s.range.end.max(at + 1)
                    })
                })
        });
    }

    /// Takes the escape sequences to write to the terminal (see [`App::terminal_out`]).
    pub fn take_terminal_out(&mut self) -> Vec<String> {
        std::mem::take(&mut self.terminal_out)
    }

    fn say(&mut self, text: String, kind: MessageKind) {
        self.show(Message { text, kind });
    }

    /// Shows a message in the status bar and keeps it in the log.
    fn show(&mut self, message: Message) {
        let log = &mut self.status.log;
        if log.len() >= StatusState::LOG_CAP {
            log.remove(0);
        }
        // the start hint is said again with where highlights are kept: once is enough
        if log.last() != Some(&message) {
            log.push(message.clone());
        }
        self.status.message = Some(message);
    }

    // ---- quotes and claims ----

    /// Moves to stop `i`: marks it, scrolls it into view with context above, selects it in
    /// the claims list. Returns where we are, for the status bar.
    fn go_to_stop(&mut self, i: usize) -> Option<String> {
        let stop = self.sources.stops.get(i)?;
        let (block, start, speaker, kind) = (stop.block, stop.range.start, stop.speaker, stop.kind);
        self.reader.current = Some(i);
        self.reader.show_stop(block, start);
        let list = self.sidebar.claim_list();
        let (pos, shown) = (list.iter().position(|&s| s == i), list.len());
        if let Some(p) = pos {
            self.sidebar.claim_sel = p;
            let a = self.areas();
            self.sidebar.fix_offsets(&self.sources, &a);
        }
        let (n, k) = match pos {
            Some(p) => (shown, p),
            None => (self.sources.stops.len(), i),
        };
        let label = self.sources.speaker_label(speaker);
        let mut checked = self
            .marks
            .stop_status_suffix(&self.doc, &self.sources, i)
            .unwrap_or_default();
        if self.sources.corrected.stop(i) {
            checked.push_str(strings::CORRECTED_MARK);
        }
        if let Some(stop) = self.sources.stops.get(i).filter(|s| uncertain(s)) {
            checked.push_str(&strings::uncertain(stop.confidence));
        }
        Some(strings::stop_status(kind.word(), k, n, &label) + &checked)
    }

    /// The key bound to `action` where the reader is, for hints ("] again …").
    fn key_for(&self, action: Action) -> String {
        self.config
            .keymap
            .hint(self.context(), action)
            .map_or_else(|| action.name().to_string(), |k| k.to_string())
    }

    /// Where stepping starts: the current stop when it is on screen, else the top of the
    /// screen. The second value says whether a stop at that very place counts as next.
    fn step_from(&self) -> ((usize, usize), bool) {
        let stops = &self.sources.stops;
        match self.reader.current.and_then(|c| stops.get(c)) {
            Some(s) if self.reader.on_screen(s.block, s.range.start) => {
                ((s.block, s.range.start), false)
            }
            _ => (self.reader.anchor(), true),
        }
    }

    /// `]`/`[`: the next or previous stop (of the filtered speaker, when filtered) after
    /// the current one when it is on screen, else after the top of the screen (previous:
    /// before it), as less and vim search from what is being read. At the end it says so;
    /// pressed again, it goes round.
    fn step_stop(&mut self, forward: bool) -> Vec<Effect> {
        let list = self.sidebar.claim_list();
        if list.is_empty() {
            let msg = match self.sidebar.filter() {
                None if !self.analysed => strings::STILL_ANALYSING.to_string(),
                Some(f) => strings::no_claims_by(&self.sources.speakers[f].name),
                None => strings::NO_QUOTES.to_string(),
            };
            return vec![Effect::Say(msg)];
        }
        let stops = &self.sources.stops;
        let (here, inclusive) = self.step_from();
        let key = |i: usize| (stops[i].block, stops[i].range.start);
        let found = if forward {
            list.iter()
                .copied()
                .find(|&i| key(i) > here || (inclusive && key(i) == here))
        } else {
            list.iter().rev().copied().find(|&i| key(i) < here)
        };
        let (first, last) = (list[0], list[list.len() - 1]);
        let action = if forward {
            Action::NextQuote
        } else {
            Action::PrevQuote
        };
        match found {
            Some(i) => self.said_at_stop(i, false, forward),
            None if self.reader.go_round(Step::Stop(forward)) => {
                self.said_at_stop(if forward { first } else { last }, true, forward)
            }
            None => {
                let k = self.key_for(action);
                vec![Effect::Say(strings::no_more(
                    "quotes or claims",
                    forward,
                    &k,
                ))]
            }
        }
    }

    /// Goes to stop `i` and says so, adding that the search went round when `wrapped`.
    fn said_at_stop(&mut self, i: usize, wrapped: bool, forward: bool) -> Vec<Effect> {
        match self.go_to_stop(i) {
            Some(said) if wrapped => vec![Effect::Say(strings::wrapped(said, forward))],
            Some(said) => vec![Effect::Say(said)],
            None => Vec::new(),
        }
    }

    /// `s`: the next stop by the current stop's speaker, after the current one when it is
    /// on screen, else after the top of the screen.
    fn next_same_speaker(&mut self) -> Vec<Effect> {
        let Some(c) = self.reader.current else {
            return vec![Effect::Say(strings::NO_CURRENT_QUOTE.into())];
        };
        let stops = &self.sources.stops;
        let Some(sp) = stops[c].speaker else {
            return vec![Effect::Say(strings::NO_SPEAKER_HERE.into())];
        };
        let (here, inclusive) = self.step_from();
        let key = |i: usize| (stops[i].block, stops[i].range.start);
        let theirs = |i: &usize| stops[*i].speaker == Some(sp);
        let found = (0..stops.len())
            .filter(theirs)
            .find(|&i| key(i) > here || (inclusive && key(i) == here));
        match found {
            Some(i) => self.said_at_stop(i, false, true),
            None if self.reader.go_round(Step::SameSpeaker) => {
                match (0..stops.len()).find(theirs) {
                    Some(i) => self.said_at_stop(i, true, true),
                    None => Vec::new(),
                }
            }
            None => {
                let name = &self.sources.speakers[sp].name;
                let what = format!("quotes by {name}");
                let k = self.key_for(Action::NextSameSpeaker);
                vec![Effect::Say(strings::no_more(&what, true, &k))]
            }
        }
    }
}
