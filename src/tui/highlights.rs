//! Highlights in the reader: the [`Highlights`] state kept in [`App::marks`] and the
//! actions on it (`h` highlight, `v` select sentences, `a` note, `t` tags, `d` delete,
//! `u` undo, `c` check status, `e` export, `H` list), on top of
//! [`crate::annotations::Store`]. Every change is saved at once; the reading position is
//! remembered on scroll and saved with the other changes and on quit.
//!
//! "The highlight under the cursor" is, in order: the one selected in the list; the one over
//! the current quote (after `]`/`[`) when it is on screen; the one last made or visited, when
//! on screen; the first one on screen. It is drawn underlined.

use crate::annotations::{
    Highlight, LocationKind, NewHighlight, Status, Store, StoreError, export,
};
use crate::document::BlockKind;
use crate::keymap::{Action, Context};
use crate::tui::app::{App, Message, MessageKind};
use crate::tui::sources::StopKind;
use crate::tui::strings;
use crate::tui::widgets::highlight_list::HighlightListState;
use crate::tui::widgets::note_editor::NoteEditorState;
use ratatui::style::Style;
use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Characters of highlighted text quoted in status messages.
const EXCERPT: usize = 40;

/// How to undo one change.
#[derive(Debug, Clone)]
enum Undo {
    /// Put this value back (undo of an edit or a delete); the label says what is undone.
    Put(Box<Highlight>, &'static str),
    /// Remove this highlight (undo of an add).
    Remove(String),
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

/// The tags prompt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagsPrompt {
    /// The highlight whose tags these are.
    pub id: String,
    /// What is typed (comma separated).
    pub text: String,
}

/// Highlight state of the reader.
#[derive(Debug, Default)]
pub struct Highlights {
    /// The article's highlights file; `None` when there is nowhere to keep it.
    pub store: Option<Store>,
    /// Why there is no store.
    pub unavailable: Option<String>,
    /// Where the reading position goes while the article has no highlights file of its own
    /// (see [`App::attach_reading_store`]).
    pub reading_store: Option<Store>,
    /// The highlight last made or visited.
    pub cursor: Option<String>,
    undo: Vec<Undo>,
    /// Sentences being selected.
    pub selection: Option<Selection>,
    /// The note editor, when open.
    pub editor: Option<NoteEditorState>,
    /// The tags prompt, when open.
    pub tags: Option<TagsPrompt>,
    /// The highlights list, when open.
    pub list: Option<HighlightListState>,
}

/// Every sentence of the blocks the reader shows as text, in reading order.
pub fn sentences(doc: &crate::document::Document) -> Vec<Unit> {
    let mut out = Vec::new();
    for (bi, b) in doc.blocks.iter().enumerate() {
        if matches!(b.kind, BlockKind::Dateline | BlockKind::Byline) {
            continue;
        }
        for (i, s) in b.text.split_sentence_bound_indices() {
            let lead = s.len() - s.trim_start().len();
            let t = s.trim();
            if !t.is_empty() {
                out.push((bi, i + lead..i + lead + t.len()));
            }
        }
    }
    out
}

/// True when saving may create or change the highlights file: it exists already, there
/// are highlights, or it is kept in hearsay's own folder. Only scrolling an article the
/// reader never highlighted does not leave a `.hearsay.toml` file beside it (the reading
/// position then goes to the reading store, when there is one).
fn worth_a_file(store: &Store) -> bool {
    store.location().kind != LocationKind::Sidecar
        || !store.highlights().is_empty()
        || store.location().path.exists()
}

/// The store for the reading position of an article whose sidecar file does not exist yet:
/// `$XDG_DATA_HOME/hearsay/highlights/<sha256>.toml` (see [`App::attach_reading_store`]).
/// `None` when the highlights are kept elsewhere already or there is no data folder.
pub fn reading_store_for(
    doc: &std::sync::Arc<crate::document::Document>,
    origin: &crate::annotations::Origin,
    store: &Store,
) -> Option<Store> {
    let loc = store.location();
    if loc.kind != LocationKind::Sidecar || loc.path.exists() {
        return None;
    }
    let dir = crate::annotations::store::data_dir().ok()?;
    let location = crate::annotations::Location {
        path: dir.join(format!("{}.toml", store.article().sha256)),
        kind: LocationKind::DataDir,
    };
    Some(Store::open_at(doc, origin, location))
}

/// Where the highlights are, for the status bar: the file name for a sidecar, else the
/// path with the home folder written `~`.
fn place(store: &Store) -> String {
    let loc = store.location();
    let path = &loc.path;
    if loc.kind == LocationKind::Sidecar
        && let Some(name) = path.file_name()
    {
        return format!("'{}'", name.to_string_lossy());
    }
    let shown = match std::env::var_os("HOME").map(std::path::PathBuf::from) {
        Some(home) if !home.as_os_str().is_empty() => match path.strip_prefix(&home) {
            Ok(rest) => format!("~/{}", rest.display()),
            Err(_) => path.display().to_string(),
        },
        _ => path.display().to_string(),
    };
    format!("'{shown}'")
}

impl App {
    /// Gives the reader the article's highlights (from [`Store::open`]): says where they are
    /// saved, what moved or broke, and returns to the saved reading position.
    pub fn attach_highlights(&mut self, store: Result<Store, StoreError>) {
        let store = match store {
            Ok(s) => s,
            Err(e) => {
                let text = format!("{}: {e}", strings::NO_STORE);
                self.marks.unavailable = Some(e.to_string());
                self.message = Some(Message {
                    text,
                    kind: MessageKind::Warning,
                });
                self.dirty = true;
                return;
            }
        };
        let mut parts = Vec::new();
        let mut kind = MessageKind::Info;
        if let Some(p) = store.problem() {
            parts.push(p.to_string());
            kind = MessageKind::Warning;
        } else if !store.summary().is_quiet() {
            parts.push(store.summary().to_string());
            kind = MessageKind::Warning;
        }
        // warnings (a broken config, document problems) first, hints after where we save
        let earlier = self.message.take();
        let warning = earlier
            .as_ref()
            .is_some_and(|m| m.kind == MessageKind::Warning);
        if warning {
            kind = MessageKind::Warning;
            parts.extend(earlier.clone().map(|m| m.text));
        }
        parts.push(strings::saved_in(&place(&store)));
        if !warning {
            parts.extend(earlier.map(|m| m.text));
        }
        self.message = Some(Message {
            text: parts.join(" · "),
            kind,
        });
        if let Some(offset) = store.reading() {
            self.go_to_offset(offset);
        }
        self.marks.store = Some(store);
        self.dirty = true;
    }

    /// Keeps the reading position of an article that has no highlights file beside it yet in
    /// `store` (a file in hearsay's data folder, keyed by the article's hash), so reading alone
    /// leaves nothing beside the article and is still remembered. Returns to the position
    /// saved there when the article's own file has none.
    pub fn attach_reading_store(&mut self, store: Store) {
        let own = self.marks.store.as_ref().and_then(Store::reading);
        if own.is_none()
            && let Some(offset) = store.reading()
        {
            self.go_to_offset(offset);
        }
        self.marks.reading_store = Some(store);
    }

    fn go_to_offset(&mut self, offset: usize) {
        if let Some(b) = self.doc.block_at(offset) {
            let t = self.doc.blocks[b].to_text(offset);
            if let Some(line) = self.page.line_of_text(b, t) {
                self.restore(self.page.key(line));
            }
        }
    }

    /// The check status of a quote or claim (block index and byte range in its text), when it
    /// is highlighted; for the sidebar.
    pub fn claim_status(&self, block: usize, range: Range<usize>) -> Option<Status> {
        let store = self.marks.store.as_ref()?;
        let b = self.doc.blocks.get(block)?;
        let src = b.map.range_to_source(range);
        store.find_range(src).and_then(|h| h.status)
    }

    /// The keymap context of an open highlights overlay or prompt.
    pub(crate) fn highlights_context(&self) -> Option<Context> {
        let m = &self.marks;
        if m.editor.is_some() {
            Some(Context::Editor)
        } else if m.tags.is_some() {
            Some(Context::Prompt)
        } else if m.list.is_some() {
            Some(Context::Highlights)
        } else if m.selection.is_some() {
            Some(Context::Selection)
        } else {
            None
        }
    }

    /// Applies highlight actions (and every action while a highlights overlay is open).
    /// Returns true when the action was used.
    pub(crate) fn update_highlights(&mut self, action: Action) -> bool {
        if action == Action::Quit {
            self.save_on_quit();
            return false;
        }
        if self.marks.editor.is_some() {
            self.update_editor(action);
            return true;
        }
        if self.marks.tags.is_some() {
            self.update_tags(action);
            return true;
        }
        if self.marks.list.is_some() {
            return self.update_list_overlay(action);
        }
        if self.marks.selection.is_some() {
            return self.update_selection(action);
        }
        match action {
            Action::Highlight => self.highlight_here(),
            Action::StartSelection => self.start_selection(),
            Action::EditNote => self.open_editor(),
            Action::EditTags => self.open_tags(),
            Action::DeleteHighlight => self.delete_highlight(),
            Action::Undo => self.undo(),
            Action::CycleStatus => self.cycle_status(),
            Action::ExportHighlights => self.export(),
            Action::ListHighlights => self.open_list(),
            _ => return false,
        }
        self.dirty = true;
        true
    }

    /// Text the terminal marked as pasted (bracketed paste). It is typed into the note
    /// editor (line breaks included), the tags prompt or the search prompt (on one line),
    /// and never run as commands: without this, a blank line in a pasted note saved it and
    /// the rest ran as keys (`d` deleted the highlight, `q` quit). Anywhere else the paste
    /// is ignored.
    pub fn paste(&mut self, text: &str) {
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        if let Some(e) = &mut self.marks.editor {
            for c in text.chars() {
                match c {
                    '\n' => e.new_line(),
                    '\t' => e.insert(' '),
                    c => e.insert(c),
                }
            }
            self.dirty = true;
        } else if self.marks.tags.is_some() || self.prompt.is_some() {
            for c in text.chars() {
                let c = if matches!(c, '\n' | '\t') { ' ' } else { c };
                if crate::document::text::is_forbidden(c) {
                    continue;
                }
                self.handle(crate::tui::app::Input::Key(crate::keymap::Key::new(
                    crate::keymap::KeyCode::Char(c),
                    crate::keymap::Mods::default(),
                )));
            }
        }
    }

    /// A printable key typed while the note editor or tags prompt is open. Returns true when
    /// it was used.
    pub(crate) fn type_into_highlights(&mut self, c: char) -> bool {
        if let Some(e) = &mut self.marks.editor {
            e.insert(c);
        } else if let Some(t) = &mut self.marks.tags {
            if !crate::document::text::is_forbidden(c) {
                t.text.push(c);
            }
        } else {
            return false;
        }
        self.dirty = true;
        true
    }

    /// Remembers the first line of text on screen as the reading position (cheap; saved
    /// with the next save).
    pub(crate) fn remember_reading(&mut self) {
        let writable = |s: &Option<Store>| s.as_ref().is_some_and(|s| !s.is_read_only());
        if !writable(&self.marks.store) && !writable(&self.marks.reading_store) {
            return;
        }
        let top = self.top;
        let found = self
            .page
            .lines
            .iter()
            .skip(top)
            .find_map(|l| l.block_range().map(|(block, range)| (block, range.start)));
        let Some((b, t)) = found else {
            return;
        };
        let offset = self.doc.blocks[b].to_source(t);
        for s in [&mut self.marks.store, &mut self.marks.reading_store]
            .into_iter()
            .flatten()
        {
            if !s.is_read_only() {
                s.set_reading(offset);
            }
        }
    }

    fn save_on_quit(&mut self) {
        self.remember_reading();
        let own = self.marks.store.as_mut().filter(|s| !s.is_read_only());
        let target = match own {
            Some(s) if worth_a_file(s) => Some(s),
            _ => self
                .marks
                .reading_store
                .as_mut()
                .filter(|s| !s.is_read_only()),
        };
        if let Some(s) = target {
            // nothing else can be done about a failed save while quitting: every change was
            // already saved when it was made, only the reading position is lost
            let _ = s.save();
        }
    }

    /// Decorations for highlighted and selected text on one line of block `block`
    /// (`range` in its text), relative to the line.
    pub(crate) fn highlight_decorations(
        &self,
        block: usize,
        range: &Range<usize>,
    ) -> Vec<(Range<usize>, Style)> {
        let mut out = Vec::new();
        let rel = |r: &Range<usize>| -> Option<Range<usize>> {
            let a = r.start.max(range.start);
            let b = r.end.min(range.end);
            (a < b).then(|| a - range.start..b - range.start)
        };
        if let Some(store) = &self.marks.store
            && let Some(b) = self.doc.blocks.get(block)
        {
            let mut hs = store.overlapping(b.range.clone()).peekable();
            if hs.peek().is_some() {
                let cursor = self.cursor_id();
                for h in hs {
                    if let Some(r) = h.text_range_in(b).and_then(|r| rel(&r)) {
                        let style = if cursor.as_deref() == Some(h.id.as_str()) {
                            self.styles.highlight_cursor
                        } else {
                            self.styles.highlight
                        };
                        out.push((r, style));
                    }
                }
            }
        }
        if let Some(sel) = &self.marks.selection {
            for (bi, r) in sel.selected() {
                if *bi == block
                    && let Some(r) = rel(r)
                {
                    out.push((r, self.styles.selection));
                }
            }
        }
        out
    }

    // ---- where things are ----

    /// Source byte range of the text on screen.
    fn visible_source(&self) -> Option<Range<usize>> {
        let mut first = None;
        let mut last = None;
        for i in self.visible() {
            if let Some((block, range)) = self.page.lines[i].block_range() {
                let b = &self.doc.blocks[block];
                if first.is_none() {
                    first = Some(b.to_source(range.start));
                }
                last = Some(b.to_source(range.end));
            }
        }
        Some(first?..last?)
    }

    /// The current quote or claim when it is on screen: kind, speaker, source range.
    fn current_stop_on_screen(&self) -> Option<(StopKind, Option<String>, Range<usize>)> {
        let stop = self.sources.stops.get(self.current?)?;
        let line = self.page.line_of_text(stop.block, stop.range.start)?;
        if !self.visible().contains(&line) {
            return None;
        }
        let b = self.doc.blocks.get(stop.block)?;
        let speaker = stop
            .speaker
            .and_then(|s| self.sources.speakers.get(s))
            .map(|s| s.name.clone());
        Some((
            stop.kind,
            speaker,
            b.map.range_to_source(stop.range.clone()),
        ))
    }

    /// The id of the highlight under the cursor (see the module docs).
    pub fn cursor_id(&self) -> Option<String> {
        let store = self.marks.store.as_ref()?;
        if let Some(l) = &self.marks.list {
            return store.highlights().get(l.sel).map(|h| h.id.clone());
        }
        if let Some((_, _, r)) = self.current_stop_on_screen() {
            let found = store
                .find_range(r.clone())
                .or_else(|| store.overlapping(r).next());
            if let Some(h) = found {
                return Some(h.id.clone());
            }
        }
        let seen = self.visible_source()?;
        if let Some(id) = &self.marks.cursor
            && store.get(id).is_some_and(|h| h.overlaps(&seen))
        {
            return Some(id.clone());
        }
        store.overlapping(seen).next().map(|h| h.id.clone())
    }

    /// The sentence at the top of the view: index into `units`.
    fn top_sentence(&self, units: &[Unit]) -> Option<usize> {
        let anchor = self.anchor();
        let i = units.partition_point(|(b, r)| (*b, r.end) <= anchor);
        let (b, r) = units.get(i)?;
        let line = self.page.line_of_text(*b, r.start)?;
        (line < self.visible().end).then_some(i)
    }

    fn excerpt_of(&self, id: &str) -> String {
        self.marks
            .store
            .as_ref()
            .and_then(|s| s.get(id))
            .map(|h| h.excerpt(EXCERPT))
            .unwrap_or_default()
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.message = Some(Message {
            text: text.into(),
            kind: MessageKind::Warning,
        });
        self.dirty = true;
    }

    /// The store, when it can be changed; otherwise says why not.
    fn writable_store(&mut self) -> Option<&mut Store> {
        let problem = match &self.marks.store {
            None => Some(strings::NO_STORE.to_string()),
            Some(s) => s
                .problem()
                .map(|p| format!("highlights are read-only: {p}")),
        };
        if let Some(p) = problem {
            self.warn(p);
            return None;
        }
        self.marks.store.as_mut()
    }

    /// Saves after a change; a failure is shown (the change stays in memory and the next
    /// save tries again).
    fn save(&mut self) {
        self.remember_reading();
        let Some(s) = &mut self.marks.store else {
            return;
        };
        match s.save() {
            Ok(r) if r.merged_in + r.removed > 0 => {
                let note = strings::merged(r.merged_in, r.removed);
                if let Some(m) = &mut self.message {
                    m.text = format!("{} · {note}", m.text);
                } else {
                    self.say(note);
                }
            }
            Ok(_) => {}
            Err(e) => {
                let msg = strings::save_failed(&e.to_string());
                self.warn(msg);
            }
        }
    }

    // ---- the actions ----

    fn add(&mut self, new: NewHighlight) -> Option<String> {
        let store = self.writable_store()?;
        match store.add(new) {
            Ok(added) => {
                let excerpt = self.excerpt_of(&added.id);
                if added.created {
                    self.marks.undo.push(Undo::Remove(added.id.clone()));
                    let kind = self
                        .marks
                        .store
                        .as_ref()
                        .and_then(|s| s.get(&added.id))
                        .map_or("passage", |h| h.kind.as_str());
                    self.say(strings::highlighted(kind, &excerpt));
                    self.save();
                } else {
                    self.say(strings::already_highlighted(&excerpt));
                }
                self.marks.cursor = Some(added.id.clone());
                Some(added.id)
            }
            Err(e) => {
                self.warn(e.to_string());
                None
            }
        }
    }

    /// The current quote as a new highlight, when it is on screen.
    fn current_quote_highlight(&self) -> Option<NewHighlight> {
        let (kind, speaker, range) = self.current_stop_on_screen()?;
        Some(match kind {
            StopKind::Quote => NewHighlight::quote(range, speaker),
            StopKind::Indirect | StopKind::Mixed => NewHighlight::claim(range, speaker),
        })
    }

    fn highlight_here(&mut self) {
        if let Some(new) = self.current_quote_highlight() {
            self.add(new);
            return;
        }
        let units = sentences(&self.doc);
        match self.top_sentence(&units) {
            Some(i) => {
                let (b, r) = units[i].clone();
                let src = self.doc.blocks[b].map.range_to_source(r);
                self.add(NewHighlight::passage(src));
            }
            None => self.say(strings::NOTHING_TO_HIGHLIGHT),
        }
    }

    fn start_selection(&mut self) {
        let units = sentences(&self.doc);
        match self.top_sentence(&units) {
            Some(i) => {
                self.marks.selection = Some(Selection {
                    units,
                    anchor: i,
                    head: i,
                });
                self.say(strings::SELECTING);
            }
            None => self.say(strings::NOTHING_TO_HIGHLIGHT),
        }
    }

    fn update_selection(&mut self, action: Action) -> bool {
        let Some(sel) = &mut self.marks.selection else {
            return false;
        };
        let n = sel.units.len();
        let block_of = |i: usize| sel.units[i].0;
        match action {
            Action::ScrollDown => sel.head = (sel.head + 1).min(n - 1),
            Action::ScrollUp => sel.head = sel.head.saturating_sub(1),
            Action::NextParagraph => {
                // to the end of this paragraph, or of the next one when already there
                let mut h = sel.head;
                if h + 1 < n && block_of(h + 1) != block_of(h) {
                    h += 1;
                }
                while h + 1 < n && block_of(h + 1) == block_of(h) {
                    h += 1;
                }
                sel.head = h;
            }
            Action::PrevParagraph => {
                let mut h = sel.head;
                if h > 0 && block_of(h - 1) != block_of(h) {
                    h -= 1;
                }
                while h > 0 && block_of(h - 1) == block_of(h) {
                    h -= 1;
                }
                sel.head = h;
            }
            Action::Highlight | Action::Confirm | Action::Select => {
                let Some(sel) = self.marks.selection.take() else {
                    return true;
                };
                let chosen = sel.selected();
                let (Some((b0, r0)), Some((b1, r1))) = (chosen.first(), chosen.last()) else {
                    return true;
                };
                let start = self.doc.blocks[*b0].map.range_to_source(r0.clone()).start;
                let end = self.doc.blocks[*b1].map.range_to_source(r1.clone()).end;
                self.add(NewHighlight::passage(start..end.max(start)));
                self.dirty = true;
                return true;
            }
            Action::Close => {
                self.marks.selection = None;
                self.say(strings::SELECTION_CANCELLED);
                return true;
            }
            Action::ToggleHelp => return false,
            _ => return true,
        }
        let (b, r) = sel.units[sel.head].clone();
        let at = if sel.head >= sel.anchor {
            r.end
        } else {
            r.start
        };
        self.scroll_to_text(b, at.saturating_sub(1).max(r.start));
        self.dirty = true;
        true
    }

    fn open_editor(&mut self) {
        if !self.highlight_current_if_needed() {
            return;
        }
        let Some(id) = self.cursor_id() else {
            self.say(strings::NO_HIGHLIGHT_HERE);
            return;
        };
        if self.writable_store().is_none() {
            return;
        }
        let Some(h) = self.marks.store.as_ref().and_then(|s| s.get(&id)) else {
            return;
        };
        self.marks.editor = Some(NoteEditorState::new(id.clone(), h.excerpt(24), &h.note));
        self.marks.cursor = Some(id);
    }

    fn update_editor(&mut self, action: Action) {
        let Some(e) = &mut self.marks.editor else {
            return;
        };
        match action {
            Action::SaveNote => self.save_note(),
            Action::NewLine => {
                if e.on_empty_last_line() {
                    e.trim_end();
                    self.save_note();
                } else {
                    e.new_line();
                }
            }
            Action::DeleteBack => e.delete_back(),
            Action::DeleteForward => e.delete_forward(),
            Action::CursorLeft => e.left(),
            Action::CursorRight => e.right(),
            Action::CursorUp => e.vertical(false),
            Action::CursorDown => e.vertical(true),
            Action::LineStart => e.home(),
            Action::LineEnd => e.end(),
            Action::Close => {
                self.marks.editor = None;
                self.say(strings::NOTE_CANCELLED);
            }
            _ => {}
        }
        self.dirty = true;
    }

    fn save_note(&mut self) {
        let Some(e) = self.marks.editor.take() else {
            return;
        };
        let text = e.text();
        let Some(store) = self.writable_store() else {
            return;
        };
        match store.set_note(&e.id, &text) {
            Ok(previous) => {
                let changed = previous.note != text.trim_end();
                let excerpt = self.excerpt_of(&e.id);
                // said before saving, so that a failed save replaces it
                if text.trim().is_empty() {
                    self.say(strings::note_removed(&excerpt));
                } else {
                    self.say(strings::note_saved(&excerpt));
                }
                if changed {
                    self.marks.undo.push(Undo::Put(Box::new(previous), "note"));
                    self.save();
                }
            }
            Err(err) => self.warn(err.to_string()),
        }
    }

    fn open_tags(&mut self) {
        if !self.highlight_current_if_needed() {
            return;
        }
        let Some(id) = self.cursor_id() else {
            self.say(strings::NO_HIGHLIGHT_HERE);
            return;
        };
        if self.writable_store().is_none() {
            return;
        }
        let text = self
            .marks
            .store
            .as_ref()
            .and_then(|s| s.get(&id))
            .map(|h| h.tags.join(", "))
            .unwrap_or_default();
        self.marks.tags = Some(TagsPrompt {
            id: id.clone(),
            text,
        });
        self.marks.cursor = Some(id);
    }

    fn update_tags(&mut self, action: Action) {
        match action {
            Action::Confirm => {
                let Some(t) = self.marks.tags.take() else {
                    return;
                };
                let tags: Vec<String> = t.text.split(',').map(|s| s.trim().to_string()).collect();
                let Some(store) = self.writable_store() else {
                    return;
                };
                match store.set_tags(&t.id, &tags) {
                    Ok(previous) => {
                        let now = store.get(&t.id).map(|h| h.tags.clone()).unwrap_or_default();
                        // said before saving, so that a failed save replaces it
                        self.say(strings::tags_saved(&now));
                        if previous.tags != now {
                            self.marks.undo.push(Undo::Put(Box::new(previous), "tags"));
                            self.save();
                        }
                    }
                    Err(e) => self.warn(e.to_string()),
                }
            }
            Action::Close => self.marks.tags = None,
            Action::DeleteBack => {
                if let Some(t) = &mut self.marks.tags {
                    t.text.pop();
                }
            }
            _ => {}
        }
        self.dirty = true;
    }

    fn delete_highlight(&mut self) {
        let Some(id) = self.cursor_id() else {
            self.say(strings::NO_HIGHLIGHT_HERE);
            return;
        };
        let Some(store) = self.writable_store() else {
            return;
        };
        match store.delete(&id) {
            Ok(h) => {
                let excerpt = h.excerpt(EXCERPT);
                self.marks.undo.push(Undo::Put(Box::new(h), "delete"));
                let key = self
                    .config
                    .keymap
                    .hint(Context::Article, Action::Undo)
                    .map_or_else(|| "undo".to_string(), |k| k.to_string());
                self.say(strings::deleted(&excerpt, &key));
                self.save();
                if let (Some(l), Some(s)) = (&mut self.marks.list, &self.marks.store) {
                    l.sel = l.sel.min(s.highlights().len().saturating_sub(1));
                }
            }
            Err(e) => self.warn(e.to_string()),
        }
    }

    fn undo(&mut self) {
        let Some(last) = self.marks.undo.pop() else {
            self.say(strings::NOTHING_TO_UNDO);
            return;
        };
        let Some(store) = self.writable_store() else {
            self.marks.undo.push(last);
            return;
        };
        let (result, what) = match last {
            Undo::Put(h, what) => {
                let id = h.id.clone();
                (store.put(*h).map(|()| id), what)
            }
            Undo::Remove(id) => (store.delete(&id).map(|_| id), "highlight"),
        };
        match result {
            Ok(id) => {
                if self
                    .marks
                    .store
                    .as_ref()
                    .is_some_and(|s| s.get(&id).is_some())
                {
                    self.marks.cursor = Some(id);
                }
                self.say(strings::undone(what));
                self.save();
            }
            Err(e) => self.warn(e.to_string()),
        }
    }

    /// `a`, `t` or `c` on the current quote when it is not highlighted yet: highlights it
    /// first. Returns false when that failed (the reason is shown).
    fn highlight_current_if_needed(&mut self) -> bool {
        if self.marks.list.is_some() {
            return true;
        }
        let Some((_, _, r)) = self.current_stop_on_screen() else {
            return true;
        };
        let bare = self
            .marks
            .store
            .as_ref()
            .is_some_and(|s| s.overlapping(r).next().is_none());
        match self.current_quote_highlight() {
            Some(new) if bare => self.add(new).is_some(),
            _ => true,
        }
    }

    fn cycle_status(&mut self) {
        if !self.highlight_current_if_needed() {
            return;
        }
        let Some(id) = self.cursor_id() else {
            self.say(strings::NO_HIGHLIGHT_HERE);
            return;
        };
        let Some(store) = self.writable_store() else {
            return;
        };
        if store.get(&id).is_some_and(|h| !h.kind.is_checkable()) {
            self.say(strings::NOT_CHECKABLE);
            return;
        }
        match store.cycle_status(&id) {
            Ok(previous) => {
                let now = store.get(&id).and_then(|h| h.status).unwrap_or_default();
                self.marks
                    .undo
                    .push(Undo::Put(Box::new(previous), "status"));
                let excerpt = self.excerpt_of(&id);
                self.say(strings::status_is(now.as_str(), &excerpt));
                self.save();
            }
            Err(e) => self.warn(e.to_string()),
        }
    }

    fn export(&mut self) {
        let Some(store) = &self.marks.store else {
            self.warn(strings::NO_STORE);
            return;
        };
        if let Some(p) = store.problem() {
            // the broken file's highlights were not read: an export would be empty
            let msg = format!("nothing exported: {p}");
            self.warn(msg);
            return;
        }
        let format = crate::annotations::Format::Markdown;
        let path = export::default_path(store.location(), format);
        let n = store.highlights().len();
        match export::write(store, &self.doc, format, &path) {
            Ok(()) => self.say(strings::exported(n, &path.display().to_string())),
            Err(e) => self.warn(e.to_string()),
        }
    }

    fn open_list(&mut self) {
        let Some(store) = &self.marks.store else {
            self.warn(strings::NO_STORE);
            return;
        };
        let cursor = self.cursor_id();
        let sel = cursor
            .and_then(|id| store.highlights().iter().position(|h| h.id == id))
            .unwrap_or(0);
        let mut state = HighlightListState { sel, offset: 0 };
        state.fix(store.highlights().len(), self.list_rows());
        self.marks.list = Some(state);
    }

    fn list_rows(&self) -> usize {
        let a = crate::tui::widgets::highlight_list::list_rect(self.areas().article);
        usize::from(a.height.saturating_sub(2))
    }

    fn update_list_overlay(&mut self, action: Action) -> bool {
        let n = self
            .marks
            .store
            .as_ref()
            .map_or(0, |s| s.highlights().len());
        let rows = self.list_rows();
        let Some(l) = &mut self.marks.list else {
            return false;
        };
        match action {
            Action::ScrollDown => l.sel = (l.sel + 1).min(n.saturating_sub(1)),
            Action::ScrollUp => l.sel = l.sel.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => l.sel += rows / 4,
            Action::PageUp | Action::HalfPageUp => l.sel = l.sel.saturating_sub(rows / 4),
            Action::Top => l.sel = 0,
            Action::Bottom => l.sel = n.saturating_sub(1),
            Action::Select | Action::Confirm => {
                let sel = l.sel;
                self.marks.list = None;
                self.go_to_highlight(sel);
            }
            Action::EditNote => self.open_editor(),
            Action::EditTags => self.open_tags(),
            Action::DeleteHighlight => self.delete_highlight(),
            Action::CycleStatus => self.cycle_status(),
            Action::Undo => self.undo(),
            Action::ListHighlights | Action::Close => self.marks.list = None,
            Action::ToggleHelp => return false,
            _ => {}
        }
        let n = self
            .marks
            .store
            .as_ref()
            .map_or(0, |s| s.highlights().len());
        if let Some(l) = &mut self.marks.list {
            l.fix(n, rows);
        }
        self.dirty = true;
        true
    }

    /// Scrolls to the `i`-th highlight and makes it the cursor.
    fn go_to_highlight(&mut self, i: usize) {
        let Some(h) = self
            .marks
            .store
            .as_ref()
            .and_then(|s| s.highlights().get(i))
        else {
            return;
        };
        if h.anchor.is_orphaned() {
            self.warn(strings::ORPHANED);
            return;
        }
        let (id, start) = (h.id.clone(), h.start);
        let excerpt = h.excerpt(EXCERPT);
        let status = h.status.filter(|_| h.kind.is_checkable());
        if let Some(b) = self.doc.block_at(start) {
            let t = self.doc.blocks[b].to_text(start);
            self.scroll_to_text(b, t);
        }
        self.marks.cursor = Some(id);
        self.current = None;
        match status {
            Some(s) => self.say(strings::status_is(s.as_str(), &excerpt)),
            None => self.say(format!("'{excerpt}'")),
        }
    }

    /// The check status of stop `i` as a suffix for the status bar (`· verified`), when the
    /// stop is highlighted.
    pub(crate) fn stop_status_suffix(&self, i: usize) -> Option<String> {
        let stop = self.sources.stops.get(i)?;
        let s = self.claim_status(stop.block, stop.range.clone())?;
        Some(format!(" · {s}"))
    }
}
