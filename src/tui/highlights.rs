//! Highlights in the reader: the [`Highlights`] part (the article's highlights file, the
//! highlight under the cursor, undo) and the changes keys ask for ([`MarkOp`]): `h`
//! highlight, `v` select sentences, `a` note, `t` tags, `d` delete, `u` undo, `c` check
//! status, `e` export, `H` list, on top of [`crate::annotations::Store`]. Every change is
//! saved at once; the reading position is remembered on scroll and saved with the other
//! changes and on quit. The part changes only its own state; opening an overlay, scrolling
//! and messages are [`Effect`]s the app applies.
//!
//! "The highlight under the cursor" is, in order: the one selected in the list; the one over
//! the current quote (after `]`/`[`) when it is on screen; the one last made or visited, when
//! on screen; the first one on screen. It is drawn underlined.

use crate::annotations::correction::Correction;
use crate::annotations::saver::{Loading, Saver};
use crate::annotations::{
    Highlight, LocationKind, NewHighlight, Origin, Status, Store, StoreError, export,
};
use crate::attribution::ClaimKind;
use crate::diff::snapshot::AtOpen;
use crate::document::{BlockKind, Document};
use crate::keymap::{Action, Context, Keymap};
use crate::tui::compositor::{Effect, MarkOp};
use crate::tui::layers::{EditorLayer, ListLayer, PromptLayer, SelectionLayer};
use crate::tui::sources::Sources;
use crate::tui::state::{Message, MessageKind, ReaderState, Selection, Unit};
use crate::tui::strings;
use crate::tui::styles::Styles;
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

/// The highlights part of the reader.
#[derive(Debug, Default)]
pub struct Highlights {
    /// The article's highlights file; `None` when there is nowhere to keep it.
    pub store: Option<Store>,
    /// Why there is no store.
    pub unavailable: Option<String>,
    /// Where the reading position goes while the article has no highlights file of its own
    /// (see [`Highlights::attach_reading_store`]).
    pub reading_store: Option<Store>,
    /// The highlight last made or visited.
    pub cursor: Option<String>,
    undo: Vec<Undo>,
    /// The store being opened on another thread, and the article's origin (for the
    /// reading store); see [`Highlights::take_loaded`].
    loading: Option<(StoreLoading, Origin)>,
    /// Saves `store`'s changes on its own thread, when the store came from
    /// [`crate::annotations::saver::open_in_background`]; without one, saves are made here.
    saver: Option<Saver>,
    /// A save handed to the saver that creates the file: when it is done, the reader says
    /// where the highlights went.
    first_save: bool,
    /// Where the corrections saved with the highlights go once the store is here (the
    /// analysis waits for them, so its sidebar comes after the highlights).
    corrections_to: Option<std::sync::mpsc::Sender<Vec<Correction>>>,
}

/// The reader's highlights being opened on another thread, with what the snapshots say
/// about the text they were made on (compared there too, before anything is saved).
pub type StoreLoading = Loading<AtOpen>;

/// What [`Highlights::take_loaded`] hands back once the store is open.
#[derive(Debug)]
pub struct Loaded {
    /// The article's store, or why there is none.
    pub store: Result<Store, StoreError>,
    /// The reading store to use beside it (see [`reading_store_for`]).
    pub reading: Option<Store>,
    /// What the snapshots said (nothing when there is no store).
    pub seen: AtOpen,
}

/// What the highlights part reads of the rest of the reader.
#[derive(Clone, Copy)]
pub struct Here<'a> {
    /// The article.
    pub doc: &'a Document,
    /// Speakers, quotes and claims.
    pub sources: &'a Sources,
    /// The article pane: what is on screen and the current stop.
    pub reader: &'a ReaderState,
    /// The keymap, for hints.
    pub keymap: &'a Keymap,
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
/// `$XDG_DATA_HOME/hearsay/highlights/<sha256>.toml` (see [`Highlights::attach_reading_store`]).
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
/// path with the home folder written `~` and a file named by the article's 64-digit hash
/// shortened to its first 8 digits (the status bar would cut it mid-hash; the message log
/// keeps the whole path).
fn place(store: &Store) -> String {
    let whole = full_place(store);
    let hash = &store.article().sha256;
    match whole.find(hash.as_str()) {
        Some(i) if hash.len() > 8 => {
            format!("{}{}…{}", &whole[..i], &hash[..8], &whole[i + hash.len()..])
        }
        _ => whole,
    }
}

/// Where the highlights are, whole: the file name for a sidecar, else the path with the
/// home folder written `~`.
fn full_place(store: &Store) -> String {
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

/// The effects of one change, with the status message said last easy to amend.
#[derive(Default)]
struct Out(Vec<Effect>);

impl Out {
    fn say(&mut self, text: impl Into<String>) {
        self.0.push(Effect::Say(text.into()));
    }

    fn warn(&mut self, text: impl Into<String>) {
        self.0.push(Effect::Warn(text.into()));
    }
}

impl Here<'_> {
    /// Source byte range of the text on screen.
    fn visible_source(&self) -> Option<Range<usize>> {
        let mut first = None;
        let mut last = None;
        for i in self.reader.visible() {
            if let Some((block, range)) = self.reader.page.lines[i].block_range() {
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
    fn current_stop_on_screen(&self) -> Option<(ClaimKind, Option<String>, Range<usize>)> {
        let stop = self.sources.stops.get(self.reader.current?)?;
        let line = self
            .reader
            .page
            .line_of_text(stop.block, stop.range.start)?;
        if !self.reader.visible().contains(&line) {
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

    /// The sentence at the top of the view: index into `units`.
    fn top_sentence(&self, units: &[Unit]) -> Option<usize> {
        let anchor = self.reader.anchor();
        let i = units.partition_point(|(b, r)| (*b, r.end) <= anchor);
        let (b, r) = units.get(i)?;
        let line = self.reader.page.line_of_text(*b, r.start)?;
        (line < self.reader.visible().end).then_some(i)
    }

    /// The current quote as a new highlight, when it is on screen.
    fn current_quote_highlight(&self) -> Option<NewHighlight> {
        let (kind, speaker, range) = self.current_stop_on_screen()?;
        Some(match kind {
            ClaimKind::Direct => NewHighlight::quote(range, speaker),
            ClaimKind::Indirect | ClaimKind::Mixed => NewHighlight::claim(range, speaker),
        })
    }
}

impl Highlights {
    /// Changes on the undo stack (the corrections part compares it with its own, so `u`
    /// undoes highlights and corrections in the order they were made).
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// Takes the article's highlights (from [`Store::open`]). Returns the message to show —
    /// where they are saved (when the file exists), what moved or broke, after `earlier`
    /// when that is a warning — the saved reading position (a source offset) to go back to,
    /// and the file's whole path for the message log.
    pub fn attach(
        &mut self,
        store: Result<Store, StoreError>,
        earlier: Option<Message>,
    ) -> (Message, Option<usize>, String) {
        let store = match store {
            Ok(s) => s,
            Err(e) => {
                let text = format!("{}: {e}", strings::NO_STORE);
                self.unavailable = Some(e.to_string());
                let kind = MessageKind::Warning;
                return (Message { text, kind }, None, String::new());
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
        let warning = earlier
            .as_ref()
            .is_some_and(|m| m.kind == MessageKind::Warning);
        if warning {
            kind = MessageKind::Warning;
            parts.extend(earlier.clone().map(|m| m.text));
        }
        // say where highlights are kept only when there is a file (before the first
        // highlight there is none, and the first save says where it went) and when they
        // can be saved there
        if !store.is_read_only() && store.location().path.exists() {
            parts.push(strings::saved_in(&place(&store)));
        }
        if !warning {
            parts.extend(earlier.map(|m| m.text));
        }
        let reading = store.reading();
        let whole = strings::highlights_file(&full_place(&store));
        self.store = Some(store);
        let text = parts.join(" · ");
        (Message { text, kind }, reading, whole)
    }

    /// Keeps the reading position of an article that has no highlights file beside it yet in
    /// `store` (a file in hearsay's data folder, keyed by the article's hash), so reading alone
    /// leaves nothing beside the article and is still remembered. Returns the position saved
    /// there when the article's own file has none.
    pub fn attach_reading_store(&mut self, store: Store) -> Option<usize> {
        let own = self.store.as_ref().and_then(Store::reading);
        let back = if own.is_none() { store.reading() } else { None };
        self.reading_store = Some(store);
        back
    }

    /// The check status of a quote or claim (block index and byte range in its text), when it
    /// is highlighted; for the sidebar.
    pub fn claim_status(
        &self,
        doc: &Document,
        block: usize,
        range: Range<usize>,
    ) -> Option<Status> {
        let store = self.store.as_ref()?;
        let b = doc.blocks.get(block)?;
        let src = b.map.range_to_source(range);
        store.find_range(src).and_then(|h| h.status)
    }

    /// Remembers the first line of text on screen as the reading position (cheap; saved
    /// with the next save).
    pub fn remember_reading(&mut self, doc: &Document, reader: &ReaderState) {
        let writable = |s: &Option<Store>| s.as_ref().is_some_and(|s| !s.is_read_only());
        if !writable(&self.store) && !writable(&self.reading_store) {
            return;
        }
        let found = reader
            .page
            .lines
            .iter()
            .skip(reader.top)
            .find_map(|l| l.block_range().map(|(block, range)| (block, range.start)));
        let Some((b, t)) = found else {
            return;
        };
        let offset = doc.blocks[b].to_source(t);
        for s in [&mut self.store, &mut self.reading_store]
            .into_iter()
            .flatten()
        {
            if !s.is_read_only() {
                s.set_reading(offset);
            }
        }
    }

    /// Saves the reading position on quit, in the article's own file when it is worth one,
    /// else in the reading store.
    pub fn save_on_quit(&mut self, doc: &Document, reader: &ReaderState) {
        self.remember_reading(doc, reader);
        let own = self.store.as_mut().filter(|s| !s.is_read_only());
        match own {
            Some(s) if worth_a_file(s) => match &mut self.saver {
                // handed over: `finish_saves` waits for it
                Some(saver) => saver.submit(s.take_changes()),
                // nothing else can be done about a failed save while quitting: every change
                // was already saved when it was made, only the reading position is lost
                None => {
                    let _ = s.save();
                }
            },
            _ => {
                if let Some(s) = self.reading_store.as_mut().filter(|s| !s.is_read_only()) {
                    let _ = s.save();
                }
            }
        }
    }

    /// Starts from a store being opened on another thread ([`Highlights::take_loaded`]
    /// attaches it when it is ready); `origin` is the article's, for the reading store.
    pub fn attach_loading(&mut self, loading: StoreLoading, origin: Origin) {
        self.loading = Some((loading, origin));
    }

    /// Sends the store's corrections to `to` when it arrives (an empty list when there is
    /// no store).
    pub fn send_corrections_to(&mut self, to: std::sync::mpsc::Sender<Vec<Correction>>) {
        self.corrections_to = Some(to);
    }

    /// The store opened on another thread, when it has just become ready (its saver is
    /// kept here), with the reading store to use beside it and what the snapshots said.
    pub fn take_loaded(&mut self, doc: &std::sync::Arc<Document>) -> Option<Loaded> {
        let (loading, origin) = self.loading.as_ref()?;
        let loaded = loading.try_take()?;
        let origin = origin.clone();
        self.loading = None;
        if let Some(to) = self.corrections_to.take() {
            let list = match &loaded {
                Ok((store, ..)) => store.corrections().list().to_vec(),
                Err(_) => Vec::new(),
            };
            let _ = to.send(list);
        }
        Some(match loaded {
            Ok((store, saver, seen)) => {
                self.saver = Some(saver);
                let reading = reading_store_for(doc, &origin, &store);
                Loaded {
                    store: Ok(store),
                    reading,
                    seen,
                }
            }
            Err(e) => Loaded {
                store: Err(e),
                reading: None,
                seen: AtOpen::default(),
            },
        })
    }

    /// True while the store is being opened or a save runs on the saver's thread (the
    /// event loop then looks for their results now and then).
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.saver.as_ref().is_some_and(Saver::is_saving)
    }

    /// True while a save runs on the saver's thread.
    pub fn is_saving(&self) -> bool {
        self.saver.as_ref().is_some_and(Saver::is_saving)
    }

    /// Takes in the saves finished on the saver's thread: what they found on disk goes into
    /// the store; returns what to say (highlights merged from another window, a failure).
    pub fn poll_saves(&mut self) -> Option<(String, MessageKind)> {
        let outcomes = self.saver.as_mut()?.poll();
        self.take_outcomes(outcomes)
    }

    /// Waits for the saves still running (on quit); returns a failure to report.
    pub fn finish_saves(&mut self) -> Option<String> {
        let outcomes = self.saver.take()?.finish();
        self.take_outcomes(outcomes)
            .filter(|(_, kind)| *kind == MessageKind::Warning)
            .map(|(text, _)| text)
    }

    fn take_outcomes(
        &mut self,
        outcomes: Vec<crate::annotations::saver::Outcome>,
    ) -> Option<(String, MessageKind)> {
        let store = self.store.as_mut()?;
        let mut said = None;
        let (mut merged_in, mut removed) = (0, 0);
        let mut first_saved = false;
        for o in outcomes {
            store.absorb(o.merged);
            match o.result {
                Ok(r) => {
                    merged_in += r.merged_in;
                    removed += r.removed;
                    first_saved |= self.first_save && store.location().path.exists();
                }
                Err(e) => {
                    if let StoreError::ReadOnly(why) = &e {
                        store.set_problem(StoreError::ReadOnly(why.clone()));
                    }
                    said = Some((strings::save_failed(&e.to_string()), MessageKind::Warning));
                }
            }
        }
        if said.is_some() {
            return said;
        }
        let mut notes = Vec::new();
        if first_saved {
            self.first_save = false;
            notes.push(strings::saved_in(&place(store)));
        }
        if merged_in + removed > 0 {
            notes.push(strings::merged(merged_in, removed));
        }
        (!notes.is_empty()).then(|| (notes.join(" · "), MessageKind::Info))
    }

    /// Decorations for highlighted and selected text on one line of block `block`
    /// (`range` in its text), relative to the line. `cursor` is the highlight under the
    /// cursor, `selection` the sentences being selected.
    pub fn decorations(
        &self,
        doc: &Document,
        (block, range): (usize, &Range<usize>),
        cursor: Option<&str>,
        selection: Option<&[Unit]>,
        styles: &Styles,
    ) -> Vec<(Range<usize>, Style)> {
        let mut out = Vec::new();
        let rel = |r: &Range<usize>| -> Option<Range<usize>> {
            let a = r.start.max(range.start);
            let b = r.end.min(range.end);
            (a < b).then(|| a - range.start..b - range.start)
        };
        if let Some(store) = &self.store
            && let Some(b) = doc.blocks.get(block)
        {
            for h in store.overlapping(b.range.clone()) {
                if let Some(r) = h.text_range_in(b).and_then(|r| rel(&r)) {
                    let style = if cursor == Some(h.id.as_str()) {
                        styles.highlight_cursor
                    } else {
                        styles.highlight
                    };
                    out.push((r, style));
                }
            }
        }
        for (bi, r) in selection.unwrap_or_default() {
            if *bi == block
                && let Some(r) = rel(r)
            {
                out.push((r, styles.selection));
            }
        }
        out
    }

    /// The id of the highlight under the cursor (see the module docs); `listed` is the one
    /// selected in the highlights list, when it is open.
    pub fn cursor_id(&self, here: &Here, listed: Option<String>) -> Option<String> {
        let store = self.store.as_ref()?;
        if listed.is_some() {
            return listed;
        }
        if let Some((_, _, r)) = here.current_stop_on_screen() {
            let found = store
                .find_range(r.clone())
                .or_else(|| store.overlapping(r).next());
            if let Some(h) = found {
                return Some(h.id.clone());
            }
        }
        let seen = here.visible_source()?;
        if let Some(id) = &self.cursor
            && store.get(id).is_some_and(|h| h.overlaps(&seen))
        {
            return Some(id.clone());
        }
        store.overlapping(seen).next().map(|h| h.id.clone())
    }

    /// The check status of stop `i` as a suffix for the status bar (`· verified`), when the
    /// stop is highlighted.
    pub fn stop_status_suffix(
        &self,
        doc: &Document,
        sources: &Sources,
        i: usize,
    ) -> Option<String> {
        let stop = sources.stops.get(i)?;
        let s = self.claim_status(doc, stop.block, stop.range.clone())?;
        Some(format!(" · {s}"))
    }

    /// Applies a change to the highlights, on the highlight `on` (chosen in the list) or the
    /// one under the cursor.
    pub fn apply(&mut self, op: MarkOp, on: Option<String>, here: &Here) -> Vec<Effect> {
        let mut out = Out::default();
        let listed = on.is_some();
        match op {
            MarkOp::Highlight => self.highlight_here(here, &mut out),
            MarkOp::StartSelection => self.start_selection(here, &mut out),
            MarkOp::EditNote | MarkOp::EditTags | MarkOp::CycleStatus => {
                if listed || self.highlight_current_if_needed(here, &mut out) {
                    match (self.cursor_id(here, on), op) {
                        (None, _) => out.say(strings::NO_HIGHLIGHT_HERE),
                        (Some(id), MarkOp::EditNote) => self.open_editor(id, &mut out),
                        (Some(id), MarkOp::EditTags) => self.open_tags(id, &mut out),
                        (Some(id), _) => self.cycle_status(id, here, &mut out),
                    }
                }
            }
            MarkOp::Delete => match self.cursor_id(here, on) {
                Some(id) => self.delete(&id, here, &mut out),
                None => out.say(strings::NO_HIGHLIGHT_HERE),
            },
            MarkOp::Undo => self.undo(here, &mut out),
            MarkOp::Export => self.export(here.doc, &mut out),
            MarkOp::List => self.open_list(here, &mut out),
            MarkOp::AddPassage(range) => {
                self.add(NewHighlight::passage(range), here, &mut out);
            }
            MarkOp::SaveNote(text) => {
                if let Some(id) = on {
                    self.save_note(&id, &text, here, &mut out);
                }
            }
            MarkOp::SetTags(text) => {
                if let Some(id) = on {
                    self.set_tags(&id, &text, here, &mut out);
                }
            }
            MarkOp::GoTo(i) => self.go_to(i, here, &mut out),
        }
        out.0
    }

    fn excerpt_of(&self, id: &str) -> String {
        self.store
            .as_ref()
            .and_then(|s| s.get(id))
            .map(|h| h.excerpt(EXCERPT))
            .unwrap_or_default()
    }

    /// The store, when it can be changed; otherwise says why not.
    fn writable_store(&mut self, out: &mut Out) -> Option<&mut Store> {
        let problem = match &self.store {
            None if self.loading.is_some() => Some(strings::STILL_LOADING.to_string()),
            None => Some(strings::NO_STORE.to_string()),
            Some(s) => s
                .problem()
                .map(|p| format!("highlights are read-only: {p}")),
        };
        if let Some(p) = problem {
            out.warn(p);
            return None;
        }
        self.store.as_mut()
    }

    /// Saves after a change; a failure is shown (the change stays in memory and the next
    /// save tries again).
    fn save(&mut self, here: &Here, out: &mut Out) {
        self.remember_reading(here.doc, here.reader);
        let Some(s) = &mut self.store else {
            return;
        };
        let first = !s.location().path.exists();
        if let Some(saver) = &mut self.saver {
            // saved on the saver's thread: the key's work ends here (see `poll_saves`,
            // which says where the first save went)
            saver.submit(s.take_changes());
            self.first_save |= first;
            return;
        }
        let result = s.save();
        if first
            && result.is_ok()
            && let Some(Effect::Say(t)) = out.0.last_mut()
        {
            let saved = strings::saved_in(&place(s));
            *t = match t.split_once(" · ") {
                Some((what, keys)) => format!("{what} · {saved} · {keys}"),
                None => format!("{t} · {saved}"),
            };
        }
        match result {
            Ok(r) if r.merged_in + r.removed > 0 => {
                let note = strings::merged(r.merged_in, r.removed);
                match out.0.last_mut() {
                    Some(Effect::Say(t) | Effect::Warn(t)) => *t = format!("{t} · {note}"),
                    _ => out.say(note),
                }
            }
            Ok(_) => {}
            Err(e) => out.warn(strings::save_failed(&e.to_string())),
        }
    }

    fn add(&mut self, new: NewHighlight, here: &Here, out: &mut Out) -> Option<String> {
        let store = self.writable_store(out)?;
        match store.add(new) {
            Ok(added) => {
                let excerpt = self.excerpt_of(&added.id);
                if added.created {
                    self.undo.push(Undo::Remove(added.id.clone()));
                    let kind = self
                        .store
                        .as_ref()
                        .and_then(|s| s.get(&added.id))
                        .map_or("passage", |h| h.kind.as_str());
                    out.say(strings::highlighted(kind, &excerpt));
                    self.save(here, out);
                } else {
                    out.say(strings::already_highlighted(&excerpt));
                }
                self.cursor = Some(added.id.clone());
                Some(added.id)
            }
            Err(e) => {
                out.warn(e.to_string());
                None
            }
        }
    }

    fn highlight_here(&mut self, here: &Here, out: &mut Out) {
        if let Some(new) = here.current_quote_highlight() {
            self.add(new, here, out);
            return;
        }
        let units = sentences(here.doc);
        match here.top_sentence(&units) {
            Some(i) => {
                let (b, r) = units[i].clone();
                let src = here.doc.blocks[b].map.range_to_source(r);
                self.add(NewHighlight::passage(src), here, out);
            }
            None => out.say(strings::NOTHING_TO_HIGHLIGHT),
        }
    }

    fn start_selection(&mut self, here: &Here, out: &mut Out) {
        let units = sentences(here.doc);
        match here.top_sentence(&units) {
            Some(i) => {
                let sel = Selection {
                    units,
                    anchor: i,
                    head: i,
                };
                out.0.push(Effect::Push(Box::new(SelectionLayer::new(sel))));
                out.say(strings::SELECTING);
            }
            None => out.say(strings::NOTHING_TO_HIGHLIGHT),
        }
    }

    /// `a`, `t` or `c` on the current quote when it is not highlighted yet: highlights it
    /// first. Returns false when that failed (the reason is said).
    fn highlight_current_if_needed(&mut self, here: &Here, out: &mut Out) -> bool {
        let Some((_, _, r)) = here.current_stop_on_screen() else {
            return true;
        };
        let bare = self
            .store
            .as_ref()
            .is_some_and(|s| s.overlapping(r).next().is_none());
        match here.current_quote_highlight() {
            Some(new) if bare => self.add(new, here, out).is_some(),
            _ => true,
        }
    }

    fn open_editor(&mut self, id: String, out: &mut Out) {
        if self.writable_store(out).is_none() {
            return;
        }
        let Some(h) = self.store.as_ref().and_then(|s| s.get(&id)) else {
            return;
        };
        let layer = EditorLayer::new(id.clone(), h.excerpt(24), &h.note);
        out.0.push(Effect::Push(Box::new(layer)));
        self.cursor = Some(id);
    }

    fn save_note(&mut self, id: &str, text: &str, here: &Here, out: &mut Out) {
        let Some(store) = self.writable_store(out) else {
            return;
        };
        match store.set_note(id, text) {
            Ok(previous) => {
                let changed = previous.note != text.trim_end();
                let excerpt = self.excerpt_of(id);
                // said before saving, so that a failed save replaces it
                if text.trim().is_empty() {
                    out.say(strings::note_removed(&excerpt));
                } else {
                    out.say(strings::note_saved(&excerpt));
                }
                if changed {
                    self.undo.push(Undo::Put(Box::new(previous), "note"));
                    self.save(here, out);
                }
            }
            Err(err) => out.warn(err.to_string()),
        }
    }

    fn open_tags(&mut self, id: String, out: &mut Out) {
        if self.writable_store(out).is_none() {
            return;
        }
        let text = self
            .store
            .as_ref()
            .and_then(|s| s.get(&id))
            .map(|h| h.tags.join(", "))
            .unwrap_or_default();
        out.0
            .push(Effect::Push(Box::new(PromptLayer::tags(id.clone(), text))));
        self.cursor = Some(id);
    }

    fn set_tags(&mut self, id: &str, text: &str, here: &Here, out: &mut Out) {
        let tags: Vec<String> = text.split(',').map(|s| s.trim().to_string()).collect();
        let Some(store) = self.writable_store(out) else {
            return;
        };
        match store.set_tags(id, &tags) {
            Ok(previous) => {
                let now = store.get(id).map(|h| h.tags.clone()).unwrap_or_default();
                // said before saving, so that a failed save replaces it
                out.say(strings::tags_saved(&now));
                if previous.tags != now {
                    self.undo.push(Undo::Put(Box::new(previous), "tags"));
                    self.save(here, out);
                }
            }
            Err(e) => out.warn(e.to_string()),
        }
    }

    fn delete(&mut self, id: &str, here: &Here, out: &mut Out) {
        let Some(store) = self.writable_store(out) else {
            return;
        };
        match store.delete(id) {
            Ok(h) => {
                let excerpt = h.excerpt(EXCERPT);
                self.undo.push(Undo::Put(Box::new(h), "delete"));
                let key = here
                    .keymap
                    .hint(Context::Article, Action::Undo)
                    .map_or_else(|| "undo".to_string(), |k| k.to_string());
                out.say(strings::deleted(&excerpt, &key));
                self.save(here, out);
            }
            Err(e) => out.warn(e.to_string()),
        }
    }

    fn undo(&mut self, here: &Here, out: &mut Out) {
        let Some(last) = self.undo.pop() else {
            out.say(strings::NOTHING_TO_UNDO);
            return;
        };
        let Some(store) = self.writable_store(out) else {
            self.undo.push(last);
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
                if self.store.as_ref().is_some_and(|s| s.get(&id).is_some()) {
                    self.cursor = Some(id);
                }
                out.say(strings::undone(what));
                self.save(here, out);
            }
            Err(e) => out.warn(e.to_string()),
        }
    }

    fn cycle_status(&mut self, id: String, here: &Here, out: &mut Out) {
        let Some(store) = self.writable_store(out) else {
            return;
        };
        if store.get(&id).is_some_and(|h| !h.kind.is_checkable()) {
            out.say(strings::NOT_CHECKABLE);
            return;
        }
        match store.cycle_status(&id) {
            Ok(previous) => {
                let now = store.get(&id).and_then(|h| h.status).unwrap_or_default();
                self.undo.push(Undo::Put(Box::new(previous), "status"));
                let excerpt = self.excerpt_of(&id);
                out.say(strings::status_is(now.as_str(), &excerpt));
                self.save(here, out);
            }
            Err(e) => out.warn(e.to_string()),
        }
    }

    fn export(&mut self, doc: &Document, out: &mut Out) {
        let Some(store) = &self.store else {
            out.warn(strings::NO_STORE);
            return;
        };
        if let Some(p) = store.problem() {
            // the broken file's highlights were not read: an export would be empty
            out.warn(format!("nothing exported: {p}"));
            return;
        }
        let format = crate::annotations::Format::Markdown;
        let path = export::default_path(store.location(), format);
        let n = store.highlights().len();
        match export::write(store, doc, format, &path) {
            Ok(()) => out.say(strings::exported(n, &path.display().to_string())),
            Err(e) => out.warn(e.to_string()),
        }
    }

    fn open_list(&mut self, here: &Here, out: &mut Out) {
        let Some(store) = &self.store else {
            out.warn(strings::NO_STORE);
            return;
        };
        let cursor = self.cursor_id(here, None);
        let sel = cursor
            .and_then(|id| store.highlights().iter().position(|h| h.id == id))
            .unwrap_or(0);
        out.0.push(Effect::Push(Box::new(ListLayer::new(sel))));
    }

    /// Scrolls to the `i`-th highlight and makes it the cursor.
    fn go_to(&mut self, i: usize, here: &Here, out: &mut Out) {
        let Some(h) = self.store.as_ref().and_then(|s| s.highlights().get(i)) else {
            return;
        };
        if h.anchor.is_orphaned() {
            out.warn(strings::ORPHANED);
            return;
        }
        let (id, start) = (h.id.clone(), h.start);
        let excerpt = h.excerpt(EXCERPT);
        let status = h.status.filter(|_| h.kind.is_checkable());
        if let Some(b) = here.doc.block_at(start) {
            let offset = here.doc.blocks[b].to_text(start);
            out.0.push(Effect::ScrollToText { block: b, offset });
        }
        self.cursor = Some(id);
        out.0.push(Effect::LeaveStop);
        match status {
            Some(s) => out.say(strings::status_is(s.as_str(), &excerpt)),
            None => out.say(format!("'{excerpt}'")),
        }
    }
}
