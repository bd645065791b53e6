//! The reader's state types: plain data, no terminal and no drawing. Each part of the
//! reader owns one of them (the article view a [`ReaderState`], the sidebar a
//! [`SidebarState`], the status bar a [`StatusState`]) and the widgets draw them
//! (`widgets/`, as `StatefulWidget`s given their state and the styles). The behaviour lives
//! beside each part (`reader.rs`, `sidebar.rs`, `highlights.rs`, `layers/`); this module
//! only says what there is.

pub mod note;

pub use note::NoteEditorState;

use crate::tui::page::{Anchor, Page};
use ratatui::layout::Rect;
use std::collections::HashMap;
use std::ops::Range;

/// Input the app reacts to, independent of the terminal library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// A key press.
    Key(crate::keymap::Key),
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

/// Which pane has the keyboard when no overlay is open.
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

/// The status bar's state: the message of the moment and every message said so far (the
/// message log).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StatusState {
    /// The message shown until the next key.
    pub message: Option<Message>,
    /// Every message shown, oldest first (capped at [`StatusState::LOG_CAP`]).
    pub log: Vec<Message>,
}

impl StatusState {
    /// Messages kept in the log.
    pub const LOG_CAP: usize = 200;
}

/// Screen areas for the current terminal size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Areas {
    /// The whole terminal (a full-screen view draws here).
    pub screen: Rect,
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

/// The article pane's state: the layout at the current width and where the reader is.
#[derive(Debug, Default)]
pub struct ReaderState {
    /// The layout at the current width.
    pub page: Page,
    /// Layouts at other widths met before (a resize back is free).
    pub(crate) pages: HashMap<usize, Page>,
    /// Index of the top visible line in [`ReaderState::page`].
    pub top: usize,
    /// The text under the top line; kept across re-layouts.
    pub(crate) anchor: Anchor,
    /// Rows of article visible at once.
    pub height: usize,
    /// The search, when there is one.
    pub search: Option<Search>,
    /// The stop (quote or claim) the reader is on, an index into `sources.stops`.
    pub current: Option<usize>,
}

/// The sidebar's state: which pane has focus, the speaker filter and both lists'
/// selection and scroll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SidebarState {
    /// Which pane has the keyboard.
    pub focus: Focus,
    /// The speaker the claims list and `]`/`[` are filtered to.
    pub(crate) filter: Option<usize>,
    /// Stop indices the claims list shows: the filtered speaker's, or all. Kept, not
    /// computed per frame: a huge article has half a million stops.
    pub(crate) shown: Vec<usize>,
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
}

impl Default for SidebarState {
    fn default() -> Self {
        SidebarState {
            focus: Focus::Article,
            filter: None,
            shown: Vec::new(),
            docked_open: true,
            overlay_open: false,
            by_count: false,
            speaker_sel: 0,
            speaker_offset: 0,
            claim_sel: 0,
            claim_offset: 0,
        }
    }
}

/// A sentence: block index and byte range in the block's text.
pub type Unit = (usize, Range<usize>);

/// Sentences being selected after `v`: from `anchor` to `head` (indices into `units`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Every sentence of the article, in reading order.
    pub units: Vec<Unit>,
    /// Where the selection started.
    pub anchor: usize,
    /// The end that `j`/`k` move.
    pub head: usize,
}

impl Selection {
    /// The selected sentences, first to last.
    pub fn selected(&self) -> &[Unit] {
        let (a, b) = (self.anchor.min(self.head), self.anchor.max(self.head));
        &self.units[a..=b.min(self.units.len() - 1)]
    }
}

/// Rows each highlight takes in the highlights list.
pub const ROWS_PER_ENTRY: usize = 2;

/// Selection and scroll of the highlights list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct HighlightListState {
    /// The selected highlight (index into the store's highlights).
    pub sel: usize,
    /// The first highlight shown.
    pub offset: usize,
}

impl HighlightListState {
    /// Keeps the selection inside `n` entries and visible in `rows` screen rows.
    pub fn fix(&mut self, n: usize, rows: usize) {
        let fit = (rows / ROWS_PER_ENTRY).max(1);
        self.sel = self.sel.min(n.saturating_sub(1));
        if self.sel < self.offset {
            self.offset = self.sel;
        }
        if self.sel >= self.offset + fit {
            self.offset = self.sel + 1 - fit;
        }
    }
}
