//! The highlights file of one article: where it lives, loading, merging and safe saving.
//!
//! A [`Store`] is opened for a [`Document`] and holds its highlights and reading position.
//! Changes are made in memory (every mutation returns the previous value, so undo is
//! `put(previous)`), then [`Store::save`] writes them:
//! - under an advisory lock on a hidden lock file beside the highlights file (std's
//!   `File::lock`, `flock` on Unix), so two hearsay processes never save at the same time;
//!   the lock file exists only while a save runs: its holder removes it before unlocking,
//!   and a process that locked a file since removed tries again on the new one;
//! - after merging by id with what is on disk at that moment, so a highlight another process
//!   saved meanwhile is kept, and one we deleted is not brought back;
//! - atomically: the old file is kept as `.bak` (older ones move to `.bak.2`, `.bak.3`: see
//!   [`Store::set_backups`]), the new one is written to a temporary file in the same folder,
//!   synced, renamed over the old one, and the folder is synced;
//! - only when it can be read back: a file over [`MAX_FILE`] is refused
//!   ([`StoreError::TooLarge`]) and the last readable one stays;
//! - through a symbolic link only to a file of this article: a link to another article's
//!   highlights (its `[article]` differs in both `sha256` and `source`) makes the store
//!   read-only, and a dangling link is kept, its target created.
//!
//! A file that cannot be read or parsed makes the store read-only: the error (with file, line
//! and column) is kept in [`Store::problem`], mutations are refused and the file is never
//! overwritten.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml::value::Datetime;

use super::anchor::{self, Flat, Summary};
use super::correction::Corrections;
use super::highlight::{Anchor, Highlight, Kind, Status, datetime_key, now};
use crate::document::Document;

/// The file format version this build reads and writes.
pub const FILE_VERSION: u32 = 1;

/// Largest highlights file read (bytes); a larger one (or a link to `/dev/zero`) makes the
/// store read-only instead of filling the memory.
pub const MAX_FILE: u64 = 64 * 1024 * 1024;

/// Backup generations kept by default (`.bak`, `.bak.2`, `.bak.3`).
pub const DEFAULT_BACKUPS: usize = 3;

/// Extension of sidecar files: `<article file>.hearsay.toml`.
pub const SIDECAR_SUFFIX: &str = ".hearsay.toml";

/// The highlights file, as serialized.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HighlightsFile {
    /// Format version ([`FILE_VERSION`]).
    pub version: u32,
    /// Which article the highlights belong to.
    pub article: ArticleInfo,
    /// The highlights, in source order.
    #[serde(rename = "highlight", default)]
    pub highlights: Vec<Highlight>,
    /// Where the reader left off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    /// Corrections of the analysis, `[[correction]]` tables (see [`super::correction`]).
    #[serde(
        rename = "correction",
        default,
        skip_serializing_if = "Corrections::is_empty"
    )]
    pub corrections: Corrections,
    /// Top-level keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `[article]` table.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    /// The article as opened: a path, or `-` for standard input.
    #[serde(default)]
    pub source: String,
    /// SHA-256 of the article source, lowercase hex.
    #[serde(default)]
    pub sha256: String,
    /// The headline.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The `[reading]` table: the reading position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    /// Byte offset in the article source of the first line in view.
    pub offset: usize,
    /// The text that starts there (up to 32 characters), to find the place after edits.
    #[serde(default)]
    pub context: String,
    /// When it was saved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<Datetime>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// Errors of the highlights store. Messages are one sentence and say how to fix the problem.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The highlights file is not valid (TOML syntax or schema).
    #[error(
        "highlights file '{path}' is broken at line {line}, column {column}: {message}; fix or move it away (highlights stay read-only and the file is not touched until then)"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column (in characters).
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// The file was written by a newer hearsay.
    #[error(
        "highlights file '{path}' has version {version}, newer than this hearsay reads ({FILE_VERSION}); update hearsay (highlights stay read-only until then)"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version found.
        version: u32,
    },
    /// Reading or writing failed.
    #[error("could not {action} '{path}': {source}")]
    Io {
        /// What was being done (`read`, `write`, `lock`, …).
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A change was refused because the store is read-only.
    #[error("highlights are read-only: {0}")]
    ReadOnly(String),
    /// The file to save would be larger than what hearsay reads back.
    #[error(
        "the highlights would take {} MB, over the {} MB a highlights file may hold; nothing was saved (the file keeps its last state): delete some highlights or long notes",
        .size / (1024 * 1024), MAX_FILE / (1024 * 1024)
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Bytes it would take.
        size: u64,
    },
    /// The highlights file is a link to the highlights of another article.
    #[error(
        "'{path}' is a link to '{target}', which holds the highlights of another article ('{theirs}'); highlights stay read-only: remove the link to keep this article's own"
    )]
    OtherArticle {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
        /// The `[article] source` of the file it points to.
        theirs: String,
    },
    /// The highlights file is a link to a file that cannot be created.
    #[error(
        "'{path}' is a link to '{target}', which does not exist and cannot be created there; highlights stay read-only: fix or remove the link"
    )]
    DanglingLink {
        /// The link.
        path: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// No highlight has this id.
    #[error("no highlight with id '{0}'")]
    UnknownId(String),
    /// The range to highlight holds no visible text.
    #[error("nothing to highlight in bytes {}..{} of the article; select some text", .0.start, .0.end)]
    EmptyRange(Range<usize>),
    /// There is nowhere to keep the highlights of an article without a writable folder.
    #[error("no data folder for highlights ({0}); set a highlights directory in the config")]
    NoDataDir(String),
}

fn io_err<'a>(action: &'static str, path: &'a Path) -> impl FnOnce(io::Error) -> StoreError + 'a {
    move |source| StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// Where the article came from (decides where its highlights are kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A file, as given on the command line.
    File(PathBuf),
    /// Standard input.
    Stdin,
    /// Built into hearsay (the sample article); the name is recorded as the source.
    Named(String),
}

impl Origin {
    /// The `[article] source` value.
    pub fn source_name(&self) -> String {
        match self {
            Origin::File(p) => p.display().to_string(),
            Origin::Stdin => "-".to_string(),
            Origin::Named(n) => n.clone(),
        }
    }
}

/// Which rule chose the highlights file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LocationKind {
    /// `<article file>.hearsay.toml` beside the article.
    Sidecar,
    /// `$XDG_DATA_HOME/hearsay/highlights/<sha256>.toml` (stdin, or the article's folder is not
    /// writable).
    DataDir,
    /// `<configured directory>/<sha256>.toml`.
    Configured,
}

/// Where an article's highlights are saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The highlights file.
    pub path: PathBuf,
    /// Why it is there.
    pub kind: LocationKind,
}

impl fmt::Display for Location {
    /// The path, quoted, for the status bar: `'article.txt.hearsay.toml'`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "'{}'", self.path.display())
    }
}

impl Location {
    /// Chooses the highlights file for an article: `<dir>/<sha256>.toml` when a directory is
    /// configured; else the sidecar `<article>.hearsay.toml` when the article is a file and the
    /// sidecar exists or its folder is writable; else
    /// `$XDG_DATA_HOME/hearsay/highlights/<sha256>.toml`.
    pub fn resolve(
        origin: &Origin,
        sha256: &str,
        configured_dir: Option<&Path>,
    ) -> Result<Location, StoreError> {
        let keyed = format!("{sha256}.toml");
        if let Some(dir) = configured_dir {
            return Ok(Location {
                path: dir.join(keyed),
                kind: LocationKind::Configured,
            });
        }
        if let Origin::File(article) = origin {
            let path = sidecar_path(article);
            let dir = parent_dir(&path);
            if path.exists() || dir_is_writable(dir) {
                return Ok(Location {
                    path,
                    kind: LocationKind::Sidecar,
                });
            }
        }
        Ok(Location {
            path: data_dir()?.join(keyed),
            kind: LocationKind::DataDir,
        })
    }
}

/// The sidecar file of an article: `<article file>.hearsay.toml`.
pub fn sidecar_path(article: &Path) -> PathBuf {
    let mut s = article.as_os_str().to_os_string();
    s.push(SIDECAR_SUFFIX);
    PathBuf::from(s)
}

/// `$XDG_DATA_HOME/hearsay/highlights` (or the platform's equivalent).
pub fn data_dir() -> Result<PathBuf, StoreError> {
    use etcetera::BaseStrategy;
    let base =
        etcetera::choose_base_strategy().map_err(|e| StoreError::NoDataDir(e.to_string()))?;
    Ok(base.data_dir().join("hearsay").join("highlights"))
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// True when a file can be created in `dir` (tried with a probe file, removed at once).
fn dir_is_writable(dir: &Path) -> bool {
    let probe = dir.join(format!(
        ".hearsay-probe.{}.{}",
        std::process::id(),
        unique()
    ));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}

fn unique() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    nanos ^ COUNTER.fetch_add(1, Ordering::Relaxed).rotate_left(40)
}

/// SHA-256 of the document source, lowercase hex (the `[article] sha256` value).
pub fn content_hash(doc: &Document) -> String {
    hex(&Sha256::digest(doc.source.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// What to highlight: a source byte range and what it is.
#[derive(Debug, Clone, PartialEq)]
pub struct NewHighlight {
    /// Quote, claim or passage.
    pub kind: Kind,
    /// Byte range in the article source (white space at the ends is trimmed off).
    pub range: Range<usize>,
    /// Who is quoted or makes the claim.
    pub speaker: Option<String>,
}

impl NewHighlight {
    /// A passage the reader selected.
    pub fn passage(range: Range<usize>) -> Self {
        NewHighlight {
            kind: Kind::Passage,
            range,
            speaker: None,
        }
    }

    /// A quote by `speaker`.
    pub fn quote(range: Range<usize>, speaker: Option<String>) -> Self {
        NewHighlight {
            kind: Kind::Quote,
            range,
            speaker,
        }
    }

    /// A claim by `speaker`.
    pub fn claim(range: Range<usize>, speaker: Option<String>) -> Self {
        NewHighlight {
            kind: Kind::Claim,
            range,
            speaker,
        }
    }
}

/// The result of [`Store::add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Added {
    /// The highlight's id.
    pub id: String,
    /// False when a highlight of the same kind over the same text already existed (nothing
    /// was changed and `id` is the existing one).
    pub created: bool,
}

/// What [`Store::save`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaveReport {
    /// False when there was nothing to save.
    pub written: bool,
    /// Highlights another process saved meanwhile that are now in this store (new or changed).
    pub merged_in: usize,
    /// Highlights another process deleted meanwhile that were dropped from this store.
    pub removed: usize,
}

/// A document a [`Store`] keeps, to place highlights in it when they are needed: an `Arc` is
/// shared as it is, a borrowed document is copied (fine for an ordinary article; the reader
/// shares its own).
pub trait SharedDocument {
    /// The document as an `Arc`.
    fn shared(self) -> Arc<Document>;
}

impl SharedDocument for Arc<Document> {
    fn shared(self) -> Arc<Document> {
        self
    }
}

impl SharedDocument for &Arc<Document> {
    fn shared(self) -> Arc<Document> {
        Arc::clone(self)
    }
}

impl SharedDocument for &Document {
    fn shared(self) -> Arc<Document> {
        Arc::new(self.clone())
    }
}

/// The highlights of one article, with their file.
#[derive(Debug)]
pub struct Store {
    location: Location,
    file: HighlightsFile,
    doc: Arc<Document>,
    /// The flat text of `doc`, built the first time a highlight has to be placed: a copy of
    /// the whole text is not worth making for an article that has none.
    flat: OnceLock<Flat>,
    summary: Summary,
    /// Ids present in the file at the last load or save.
    synced: HashSet<String>,
    /// Ids changed or created in memory since then.
    dirty: HashSet<String>,
    /// Ids deleted in memory since then.
    deleted: HashSet<String>,
    reading_dirty: bool,
    problem: Option<StoreError>,
    /// Backup generations kept on save.
    backups: usize,
    /// Ids the last save took from the disk (new or changed by another process) and ids it
    /// dropped (deleted by another process), for [`Store::take_merged`].
    merged: (Vec<String>, Vec<String>),
    /// SHA-256 of the text this store last wrote: a file still holding it was not edited
    /// by hand since, so its layout need not be kept (a cheaper save).
    last_written: Option<[u8; 32]>,
}

/// The unsaved changes of a [`Store`], taken by [`Store::take_changes`] to be saved by a
/// copy of the store on another thread ([`super::saver::Saver`]): only what changed, so
/// taking them costs the reader nothing even with a very large file.
#[derive(Debug, Clone, Default)]
pub struct Changes {
    /// Highlights created or changed, as they are now.
    pub upserts: Vec<Highlight>,
    /// Ids deleted.
    pub deleted: Vec<String>,
    /// The reading position, when it changed.
    pub reading: Option<Reading>,
}

impl Changes {
    /// True when there is nothing to save.
    pub fn is_empty(&self) -> bool {
        self.upserts.is_empty() && self.deleted.is_empty() && self.reading.is_none()
    }
}

/// What a save on another thread brought back from the disk for the reader's store:
/// highlights another process added or changed, and ones it deleted.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    /// Highlights new or changed on disk, as they are there (re-anchored).
    pub incoming: Vec<Highlight>,
    /// Ids another process deleted.
    pub removed: Vec<String>,
}

impl Store {
    /// Opens the highlights of `doc`: chooses the file (see [`Location::resolve`]), loads it
    /// and re-anchors every highlight (see [`Store::summary`]).
    ///
    /// Fails only when no location can be found. A file that cannot be read or parsed gives a
    /// read-only store with the error in [`Store::problem`].
    pub fn open(
        doc: impl SharedDocument,
        origin: &Origin,
        configured_dir: Option<&Path>,
    ) -> Result<Store, StoreError> {
        let doc = doc.shared();
        let sha = content_hash(&doc);
        let location = Location::resolve(origin, &sha, configured_dir)?;
        Ok(Store::open_hashed(doc, sha, origin, location))
    }

    /// Opens the highlights of `doc` from a given file.
    pub fn open_at(doc: impl SharedDocument, origin: &Origin, location: Location) -> Store {
        let doc = doc.shared();
        let sha = content_hash(&doc);
        Store::open_hashed(doc, sha, origin, location)
    }

    fn open_hashed(
        doc: Arc<Document>,
        sha256: String,
        origin: &Origin,
        location: Location,
    ) -> Store {
        let article = ArticleInfo {
            source: origin.source_name(),
            sha256,
            title: doc.meta.title.clone().unwrap_or_default(),
            extra: toml::Table::new(),
        };
        let mut store = Store {
            file: HighlightsFile {
                version: FILE_VERSION,
                article,
                highlights: Vec::new(),
                reading: None,
                corrections: Corrections::default(),
                extra: toml::Table::new(),
            },
            location,
            doc,
            flat: OnceLock::new(),
            summary: Summary::default(),
            synced: HashSet::new(),
            dirty: HashSet::new(),
            deleted: HashSet::new(),
            reading_dirty: false,
            problem: None,
            backups: DEFAULT_BACKUPS,
            merged: (Vec::new(), Vec::new()),
            last_written: None,
        };
        let target = match write_target(&store.location.path) {
            Ok(t) => t,
            Err(e) => {
                store.problem = Some(e);
                return store;
            }
        };
        match read_file(&target) {
            Ok(None) => {}
            Ok(Some((_, loaded))) => {
                if let Err(e) = store.owns(&target, &loaded.article) {
                    store.problem = Some(e);
                    return store;
                }
                store.adopt(loaded);
            }
            Err(e) => store.problem = Some(e),
        }
        store
    }

    /// Checks that a file reached through a link holds this article's highlights (see the
    /// module docs); a file that is not behind a link is always ours.
    fn owns(&self, target: &Path, theirs: &ArticleInfo) -> Result<(), StoreError> {
        let link = &self.location.path;
        if target == link.as_path() {
            return Ok(());
        }
        let ours = &self.file.article;
        let other_text = !theirs.sha256.is_empty() && theirs.sha256 != ours.sha256;
        let other_source = !theirs.source.is_empty() && theirs.source != ours.source;
        if other_text && other_source {
            return Err(StoreError::OtherArticle {
                path: link.clone(),
                target: target.to_path_buf(),
                theirs: theirs.source.clone(),
            });
        }
        Ok(())
    }

    /// Sets how many backup generations a save keeps (`.bak`, `.bak.2`, …; 0 keeps none).
    /// The default is [`DEFAULT_BACKUPS`].
    pub fn set_backups(&mut self, generations: usize) {
        self.backups = generations;
    }

    /// A copy of this store, for saving on another thread: the same file, document, state
    /// and unsaved changes. Costs a copy of every highlight (made once, off the reader's
    /// thread, by [`super::saver::open_in_background`]).
    pub fn fork(&self) -> Store {
        Store {
            location: self.location.clone(),
            file: self.file.clone(),
            doc: Arc::clone(&self.doc),
            flat: self.flat.clone(),
            summary: self.summary,
            synced: self.synced.clone(),
            dirty: self.dirty.clone(),
            deleted: self.deleted.clone(),
            reading_dirty: self.reading_dirty,
            // a read-only store's copy never writes either
            problem: self
                .problem
                .as_ref()
                .map(|p| StoreError::ReadOnly(p.to_string())),
            backups: self.backups,
            merged: (Vec::new(), Vec::new()),
            last_written: self.last_written,
        }
    }

    /// Takes the unsaved changes, to be saved by a [`super::saver::Saver`]: afterwards this
    /// store counts them as saved. Costs the changed highlights, not the whole file.
    pub fn take_changes(&mut self) -> Changes {
        let dirty = std::mem::take(&mut self.dirty);
        let upserts: Vec<Highlight> = if dirty.len() < 64 {
            dirty
                .iter()
                .filter_map(|id| self.get(id))
                .cloned()
                .collect()
        } else {
            self.file
                .highlights
                .iter()
                .filter(|h| dirty.contains(&h.id))
                .cloned()
                .collect()
        };
        self.synced.extend(dirty);
        let deleted: Vec<String> = self.deleted.drain().collect();
        for id in &deleted {
            self.synced.remove(id);
        }
        let reading = match std::mem::take(&mut self.reading_dirty) {
            true => self.file.reading.clone(),
            false => None,
        };
        Changes {
            upserts,
            deleted,
            reading,
        }
    }

    /// Applies changes taken from another copy of this store ([`Store::take_changes`]), to be
    /// written by the next [`Store::save`]. Highlights come as they are (already anchored).
    pub fn apply(&mut self, changes: Changes) {
        if self.is_read_only() {
            return;
        }
        for id in changes.deleted {
            self.file.highlights.retain(|h| h.id != id);
            self.dirty.remove(&id);
            self.deleted.insert(id);
        }
        if !changes.upserts.is_empty() {
            let mut by_id: HashMap<String, Highlight> = changes
                .upserts
                .into_iter()
                .map(|h| (h.id.clone(), h))
                .collect();
            for h in &mut self.file.highlights {
                if let Some(new) = by_id.remove(&h.id) {
                    self.dirty.insert(new.id.clone());
                    *h = new;
                }
            }
            for (id, h) in by_id {
                self.deleted.remove(&id);
                self.dirty.insert(id);
                self.file.highlights.push(h);
            }
            self.sort();
        }
        if let Some(r) = changes.reading {
            self.file.reading = Some(r);
            self.reading_dirty = true;
        }
    }

    /// What the last [`Store::save`] took from the disk, for the reader's copy of the store
    /// ([`Store::absorb`]); taken once.
    pub fn take_merged(&mut self) -> Merged {
        let (taken, removed) = std::mem::take(&mut self.merged);
        Merged {
            incoming: taken
                .iter()
                .filter_map(|id| self.get(id))
                .cloned()
                .collect(),
            removed,
        }
    }

    /// Takes in what a save on another thread found on disk ([`Store::take_merged`]). A
    /// highlight changed here since is left as it is here (the next save merges it).
    pub fn absorb(&mut self, merged: Merged) {
        for h in merged.incoming {
            if self.dirty.contains(&h.id) || self.deleted.contains(&h.id) {
                continue;
            }
            self.synced.insert(h.id.clone());
            match self.file.highlights.iter_mut().find(|x| x.id == h.id) {
                Some(x) => *x = h,
                None => self.file.highlights.push(h),
            }
        }
        for id in &merged.removed {
            if !self.dirty.contains(id) {
                self.file.highlights.retain(|h| &h.id != id);
                self.synced.remove(id);
            }
        }
        self.sort();
    }

    /// Makes the store read-only for `problem` (found by a save on another thread).
    pub fn set_problem(&mut self, problem: StoreError) {
        self.problem = Some(problem);
    }

    /// Takes a freshly loaded file: keeps our article header, re-anchors everything.
    fn adopt(&mut self, loaded: HighlightsFile) {
        let HighlightsFile {
            mut highlights,
            reading,
            extra,
            article,
            mut corrections,
            ..
        } = loaded;
        if !corrections.is_empty() {
            corrections.anchor_all(self.flat());
        }
        self.file.corrections = corrections;
        let mut article_extra = article.extra;
        article_extra.extend(std::mem::take(&mut self.file.article.extra));
        self.file.article.extra = article_extra;
        self.file.extra = extra;
        self.synced = highlights.iter().map(|h| h.id.clone()).collect();
        // hand-edited files may repeat an id: give the later ones a new id, never drop them
        let mut seen = HashSet::new();
        for h in &mut highlights {
            if h.start > h.end {
                std::mem::swap(&mut h.start, &mut h.end);
                self.dirty.insert(h.id.clone());
            }
            if !seen.insert(h.id.clone()) {
                h.id = new_id(&h.text, |id| seen.contains(id));
                seen.insert(h.id.clone());
                self.dirty.insert(h.id.clone());
            }
        }
        let same_text = article.sha256 == self.file.article.sha256;
        if !highlights.is_empty() {
            self.summary = anchor::anchor_all(self.flat(), &mut highlights);
        }
        for h in &highlights {
            if matches!(h.anchor, Anchor::Moved | Anchor::Fuzzy { .. }) {
                self.dirty.insert(h.id.clone());
            }
        }
        self.file.highlights = highlights;
        self.sort();
        self.file.reading = reading.map(|mut r| {
            // the same text: the offset still points where it did (a hand-edited one is
            // clamped, as re-anchoring would)
            r.offset = if same_text {
                r.offset.min(self.doc.source.len())
            } else {
                anchor::anchor_offset(self.flat(), r.offset, &r.context)
            };
            r
        });
    }

    fn flat(&self) -> &Flat {
        self.flat.get_or_init(|| Flat::new(&self.doc))
    }

    fn sort(&mut self) {
        self.file
            .highlights
            .sort_by(|a, b| (a.start, a.end, &a.id).cmp(&(b.start, b.end, &b.id)));
    }

    /// Where the highlights are saved (for the status bar).
    pub fn location(&self) -> &Location {
        &self.location
    }

    /// What re-anchoring at open did (`2 highlights re-anchored, 1 orphaned`).
    pub fn summary(&self) -> Summary {
        self.summary
    }

    /// Why the store is read-only, when it is.
    pub fn problem(&self) -> Option<&StoreError> {
        self.problem.as_ref()
    }

    /// True when the file could not be loaded: nothing will be changed or written.
    pub fn is_read_only(&self) -> bool {
        self.problem.is_some()
    }

    /// True when there are changes not saved yet.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty()
            || !self.deleted.is_empty()
            || self.reading_dirty
            || self.file.corrections.is_dirty()
    }

    /// All highlights, in source order (orphaned ones included; see [`Highlight::anchor`]).
    pub fn highlights(&self) -> &[Highlight] {
        &self.file.highlights
    }

    /// The highlight with this id.
    pub fn get(&self, id: &str) -> Option<&Highlight> {
        self.file.highlights.iter().find(|h| h.id == id)
    }

    /// The innermost placed highlight containing source byte `offset`.
    pub fn at(&self, offset: usize) -> Option<&Highlight> {
        self.file
            .highlights
            .iter()
            .filter(|h| !h.anchor.is_orphaned() && h.start <= offset && offset < h.end)
            .min_by_key(|h| h.end - h.start)
    }

    /// Placed highlights overlapping a source byte range (e.g. a block's `range`), for drawing.
    pub fn overlapping(&self, range: Range<usize>) -> impl Iterator<Item = &Highlight> {
        self.file
            .highlights
            .iter()
            .filter(move |h| h.overlaps(&range))
    }

    /// The article header as it will be saved.
    pub fn article(&self) -> &ArticleInfo {
        &self.file.article
    }

    /// The whole file as it will be saved.
    pub fn file(&self) -> &HighlightsFile {
        &self.file
    }

    /// The file as normalised TOML (what [`Store::save`] writes).
    pub fn to_toml(&self) -> String {
        to_toml_string(&self.file)
    }

    /// The corrections of the analysis (see [`super::correction`]).
    pub fn corrections(&self) -> &Corrections {
        &self.file.corrections
    }

    /// The corrections to change, with the document's flat text to anchor them in; saved by
    /// the next [`Store::save`]. Refused when the store is read-only.
    pub fn corrections_mut(&mut self) -> Result<(&mut Corrections, &Flat), StoreError> {
        self.writable()?;
        let flat = self.flat.get_or_init(|| Flat::new(&self.doc));
        Ok((&mut self.file.corrections, flat))
    }

    /// The saved reading position (a source byte offset, re-found after edits).
    pub fn reading(&self) -> Option<usize> {
        self.file.reading.as_ref().map(|r| r.offset)
    }

    /// Remembers the reading position (a source byte offset). Saved by the next
    /// [`Store::save`]; cheap to call on every scroll.
    pub fn set_reading(&mut self, offset: usize) {
        if self.reading() == Some(offset) {
            return;
        }
        self.file.reading = Some(Reading {
            offset,
            context: anchor::offset_context_in(&self.doc, offset),
            updated: Some(now()),
            extra: self
                .file
                .reading
                .take()
                .map(|r| r.extra)
                .unwrap_or_default(),
        });
        self.reading_dirty = true;
    }

    fn writable(&self) -> Result<(), StoreError> {
        match &self.problem {
            Some(p) => Err(StoreError::ReadOnly(p.to_string())),
            None => Ok(()),
        }
    }

    /// The placed highlight over exactly this source range (after the same trimming as
    /// [`Store::add`]), e.g. to show a claim's status in the sidebar.
    pub fn find_range(&self, range: Range<usize>) -> Option<&Highlight> {
        if self.file.highlights.is_empty() {
            return None;
        }
        let flat = self.flat();
        let r = flat.trim(flat.from_source(range));
        if r.is_empty() {
            return None;
        }
        let src = flat.to_source(r);
        self.file
            .highlights
            .iter()
            .find(|h| !h.anchor.is_orphaned() && h.start == src.start && h.end == src.end)
    }

    /// Highlights a range of the article. The text, its context and tidy offsets are taken
    /// from the document; quotes and claims start `unchecked`. When a highlight of the same
    /// kind already covers exactly that text, nothing changes and its id is returned.
    pub fn add(&mut self, new: NewHighlight) -> Result<Added, StoreError> {
        self.writable()?;
        let flat = self.flat();
        let r = flat.trim(flat.from_source(new.range.clone()));
        if r.is_empty() {
            return Err(StoreError::EmptyRange(new.range));
        }
        let src = flat.to_source(r.clone());
        if let Some(h) = self.file.highlights.iter().find(|h| {
            h.kind == new.kind
                && h.start == src.start
                && h.end == src.end
                && !h.anchor.is_orphaned()
        }) {
            return Ok(Added {
                id: h.id.clone(),
                created: false,
            });
        }
        let text = flat.quote(r.clone());
        let id = new_id(&text, |id| {
            self.get(id).is_some() || self.synced.contains(id) || self.deleted.contains(id)
        });
        let t = now();
        let h = Highlight {
            id: id.clone(),
            kind: new.kind,
            text,
            prefix: flat.prefix(r.start).to_string(),
            suffix: flat.suffix(r.end).to_string(),
            start: src.start,
            end: src.end,
            speaker: new.speaker.filter(|s| !s.trim().is_empty()),
            note: String::new(),
            tags: Vec::new(),
            status: new.kind.is_checkable().then_some(Status::Unchecked),
            created: t,
            updated: t,
            extra: toml::Table::new(),
            anchor: Anchor::InPlace,
        };
        self.file.highlights.push(h);
        self.sort();
        self.dirty.insert(id.clone());
        Ok(Added { id, created: true })
    }

    /// Changes a highlight with `f` (its id is kept) and stamps `updated`. Returns the
    /// previous value, for undo with [`Store::put`].
    pub fn update(
        &mut self,
        id: &str,
        f: impl FnOnce(&mut Highlight),
    ) -> Result<Highlight, StoreError> {
        self.writable()?;
        let h = self
            .file
            .highlights
            .iter_mut()
            .find(|h| h.id == id)
            .ok_or_else(|| StoreError::UnknownId(id.to_string()))?;
        let previous = h.clone();
        f(h);
        h.id = previous.id.clone();
        if *h != previous {
            h.updated = now();
            self.dirty.insert(id.to_string());
        }
        self.sort();
        Ok(previous)
    }

    /// Sets the note (empty removes it). Returns the previous value.
    pub fn set_note(&mut self, id: &str, note: &str) -> Result<Highlight, StoreError> {
        let note = note.trim_end().to_string();
        self.update(id, |h| h.note = note)
    }

    /// Sets the tags (trimmed, empty ones and repeats dropped). Returns the previous value.
    pub fn set_tags(&mut self, id: &str, tags: &[String]) -> Result<Highlight, StoreError> {
        let mut clean: Vec<String> = Vec::new();
        for t in tags {
            let t = t.trim();
            if !t.is_empty() && !clean.iter().any(|c| c == t) {
                clean.push(t.to_string());
            }
        }
        self.update(id, |h| h.tags = clean)
    }

    /// Sets the fact-check status. Returns the previous value.
    pub fn set_status(&mut self, id: &str, status: Status) -> Result<Highlight, StoreError> {
        self.update(id, |h| h.status = Some(status))
    }

    /// Moves the status one step along unchecked → verified → disputed → false → unchecked.
    /// Returns the previous value (the new status is `get(id)`'s).
    pub fn cycle_status(&mut self, id: &str) -> Result<Highlight, StoreError> {
        self.update(id, |h| h.status = Some(h.status.unwrap_or_default().next()))
    }

    /// Deletes a highlight. Returns it, for undo with [`Store::put`].
    pub fn delete(&mut self, id: &str) -> Result<Highlight, StoreError> {
        self.writable()?;
        let i = self
            .file
            .highlights
            .iter()
            .position(|h| h.id == id)
            .ok_or_else(|| StoreError::UnknownId(id.to_string()))?;
        let h = self.file.highlights.remove(i);
        self.dirty.remove(id);
        self.deleted.insert(id.to_string());
        Ok(h)
    }

    /// Inserts a highlight or replaces the one with the same id (undo of a delete or an edit:
    /// pass the value the mutation returned). It is re-anchored and its `updated` stamped.
    pub fn put(&mut self, mut h: Highlight) -> Result<(), StoreError> {
        self.writable()?;
        anchor::anchor(self.flat(), &mut h);
        h.updated = now();
        let id = h.id.clone();
        self.deleted.remove(&id);
        match self.file.highlights.iter_mut().find(|x| x.id == id) {
            Some(x) => *x = h,
            None => self.file.highlights.push(h),
        }
        self.sort();
        self.dirty.insert(id);
        Ok(())
    }

    /// Saves the changes (a no-op when there are none): locks, merges with the file on disk,
    /// writes atomically keeping `.bak`. After it the store also holds what other processes
    /// saved. On a read-only store, returns [`StoreError::ReadOnly`] and writes nothing.
    pub fn save(&mut self) -> Result<SaveReport, StoreError> {
        self.writable()?;
        if !self.is_dirty() {
            return Ok(SaveReport::default());
        }
        // a symlinked highlights file (kept in a synced folder, say) is written through the
        // link, never replaced by a file of ours
        let path = match write_target(&self.location.path) {
            Ok(p) => p,
            Err(e) => return Err(self.become_read_only(e)),
        };
        let linked = path != self.location.path;
        let dir = parent_dir(&path).to_path_buf();
        if !linked {
            fs::create_dir_all(&dir).map_err(io_err("create the folder", &dir))?;
        }
        let _lock = lock(&path)?;
        remove_stale_temps(&path);
        let on_disk = match read_file(&path) {
            Ok(d) => d,
            // never overwrite a file we cannot understand
            Err(e) => return Err(self.become_read_only(e)),
        };
        if let Some((_, f)) = &on_disk
            && let Err(e) = self.owns(&path, &f.article)
        {
            return Err(self.become_read_only(e));
        }
        let report = self.merge(on_disk.as_ref().map(|(_, f)| f));
        let mut text = self.to_toml();
        if let Some((old, _)) = &on_disk
            && self.last_written != Some(Sha256::digest(old).into())
            && let Ok(old) = std::str::from_utf8(old)
        {
            // edited by hand (or never written by this store): keep its comments and layout
            text = super::layout::keep_layout(old, &text);
        }
        if text.len() as u64 > MAX_FILE {
            // what cannot be read back is not written: the changes stay in memory
            return Err(StoreError::TooLarge {
                path,
                size: text.len() as u64,
            });
        }
        write_atomic(
            &path,
            text.as_bytes(),
            on_disk.as_ref().map(|(b, _)| b.as_slice()),
            self.backups,
        )?;
        self.last_written = Some(Sha256::digest(text.as_bytes()).into());
        self.synced = self.file.highlights.iter().map(|h| h.id.clone()).collect();
        self.dirty.clear();
        self.deleted.clear();
        self.reading_dirty = false;
        self.file.corrections.saved();
        Ok(SaveReport {
            written: true,
            ..report
        })
    }

    /// Keeps `e` as the reason the store is read-only and returns the refusal to give out.
    fn become_read_only(&mut self, e: StoreError) -> StoreError {
        let msg = e.to_string();
        self.problem = Some(e);
        StoreError::ReadOnly(msg)
    }

    /// Merges the file on disk into memory, by id (see the module docs).
    fn merge(&mut self, disk: Option<&HighlightsFile>) -> SaveReport {
        let mut report = SaveReport::default();
        self.merged = (Vec::new(), Vec::new());
        let Some(disk) = disk else {
            return report;
        };
        let ours: HashMap<&str, &Highlight> = self
            .file
            .highlights
            .iter()
            .map(|h| (h.id.as_str(), h))
            .collect();
        let mut merged: Vec<Highlight> = Vec::new();
        let mut taken: Vec<String> = Vec::new();
        let mut seen: HashSet<&str> = HashSet::new();
        for d in &disk.highlights {
            // a repeated id (hand-edited file) was given a new id at load: ours holds it
            if self.deleted.contains(&d.id) || !seen.insert(d.id.as_str()) {
                continue;
            }
            // ours when we changed it (unless the disk's is newer) or it is unchanged there
            let keep_ours = ours.get(d.id.as_str()).filter(|o| {
                if self.dirty.contains(&o.id) {
                    datetime_key(&d.updated) <= datetime_key(&o.updated)
                } else {
                    same_content(d, o)
                }
            });
            match keep_ours {
                Some(o) => merged.push((*o).clone()),
                None => {
                    merged.push(d.clone());
                    taken.push(d.id.clone());
                }
            }
        }
        let on_disk: HashSet<&str> = disk.highlights.iter().map(|h| h.id.as_str()).collect();
        for h in &self.file.highlights {
            if on_disk.contains(h.id.as_str()) {
                continue;
            }
            if self.dirty.contains(&h.id) || !self.synced.contains(&h.id) {
                merged.push(h.clone());
            } else {
                // saved before, gone from disk: another process deleted it
                report.removed += 1;
            }
        }
        let taken_set: HashSet<&str> = taken.iter().map(String::as_str).collect();
        for h in merged
            .iter_mut()
            .filter(|h| taken_set.contains(h.id.as_str()))
        {
            anchor::anchor(self.flat(), h);
        }
        report.merged_in = taken.len();
        let removed: Vec<String> = self
            .file
            .highlights
            .iter()
            .filter(|h| {
                !on_disk.contains(h.id.as_str())
                    && !self.dirty.contains(&h.id)
                    && self.synced.contains(&h.id)
            })
            .map(|h| h.id.clone())
            .collect();
        self.merged = (taken, removed);
        if !self.reading_dirty {
            self.file.reading.clone_from(&disk.reading);
        }
        let mut extra = disk.extra.clone();
        for (k, v) in std::mem::take(&mut self.file.extra) {
            extra.entry(k).or_insert(v);
        }
        self.file.extra = extra;
        let flat = self.flat.get_or_init(|| Flat::new(&self.doc));
        self.file.corrections.merge(&disk.corrections, flat);
        self.file.highlights = merged;
        self.sort();
        report
    }
}

/// True when two versions of a highlight carry the same saved data (anchoring aside).
fn same_content(a: &Highlight, b: &Highlight) -> bool {
    a.updated == b.updated
        && a.note == b.note
        && a.tags == b.tags
        && a.status == b.status
        && a.kind == b.kind
        && a.speaker == b.speaker
        && a.extra == b.extra
}

/// A new id: `h` and 12 hex digits, not taken.
fn new_id(text: &str, taken: impl Fn(&str) -> bool) -> String {
    loop {
        let mut hasher = Sha256::new();
        hasher.update(unique().to_le_bytes());
        hasher.update(std::process::id().to_le_bytes());
        hasher.update(text.as_bytes());
        let id = format!("h{}", &hex(&hasher.finalize())[..12]);
        if !taken(&id) {
            return id;
        }
    }
}

fn to_toml_string(file: &HighlightsFile) -> String {
    let mut out = String::from("# hearsay highlights: see the README for the format\n");
    match toml::to_string(file) {
        Ok(s) => out.push_str(&s),
        // serializing plain data cannot fail; keep the invariant visible anyway
        Err(e) => unreachable!("highlights file serializes: {e}"),
    }
    out
}

/// Reads and parses a highlights file; `Ok(None)` when there is none.
fn read_file(path: &Path) -> Result<Option<(Vec<u8>, HighlightsFile)>, StoreError> {
    let read = || -> io::Result<Vec<u8>> {
        use std::io::Read;
        let mut bytes = Vec::new();
        File::open(path)?
            .take(MAX_FILE + 1)
            .read_to_end(&mut bytes)?;
        if bytes.len() as u64 > MAX_FILE {
            return Err(io::Error::other(format!(
                "it is over {} MB, too large for a highlights file",
                MAX_FILE / (1024 * 1024)
            )));
        }
        Ok(bytes)
    };
    let bytes = match read() {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io_err("read", path)(e)),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let (line, column) = line_col(&bytes[..e.valid_up_to()], e.valid_up_to());
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: "the file is not valid UTF-8".into(),
        }
    })?;
    // peek at the version first, so a newer file is not judged by this schema
    if let Ok(table) = text.parse::<toml::Table>()
        && let Some(v) = table.get("version").and_then(toml::Value::as_integer)
        && v > i64::from(FILE_VERSION)
    {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            version: u32::try_from(v).unwrap_or(u32::MAX),
        });
    }
    let file: HighlightsFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let (line, column) = line_col(text.as_bytes(), at);
        StoreError::Parse {
            path: path.to_path_buf(),
            line,
            column,
            message: e.message().trim_end().to_string(),
        }
    })?;
    Ok(Some((bytes, file)))
}

/// 1-based line and column (in characters) of byte `at` in `bytes`.
pub(crate) fn line_col(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at.min(bytes.len())];
    let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count()
        + 1;
    (line, column)
}

fn hidden_sibling(path: &Path, suffix: &str) -> PathBuf {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(path).join(format!(".{name}{suffix}"))
}

/// The file a save of `path` writes: `path` itself, or the file a symbolic link there
/// points to (followed through further links). A link to nothing gives its target when
/// the target's folder exists (the link is kept and the file created through it), else
/// [`StoreError::DanglingLink`].
fn write_target(path: &Path) -> Result<PathBuf, StoreError> {
    let mut at = path.to_path_buf();
    for _ in 0..40 {
        match fs::symlink_metadata(&at) {
            Ok(m) if m.file_type().is_symlink() => {
                let to = fs::read_link(&at).map_err(io_err("read the link", &at))?;
                at = parent_dir(&at).join(to);
            }
            Ok(_) => return Ok(at),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                if at == path || parent_dir(&at).is_dir() {
                    return Ok(at);
                }
                return Err(StoreError::DanglingLink {
                    path: path.to_path_buf(),
                    target: at,
                });
            }
            Err(e) => return Err(io_err("read", &at)(e)),
        }
    }
    Err(StoreError::DanglingLink {
        path: path.to_path_buf(),
        target: at,
    })
}

/// The path of the lock file guarding saves of `path`.
pub fn lock_path(path: &Path) -> PathBuf {
    hidden_sibling(path, ".lock")
}

/// The path of the newest backup kept of `path`: `<path>.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    backup_path_n(path, 1)
}

/// The path of backup generation `n` of `path` (1 is the newest): `<path>.bak`,
/// `<path>.bak.2`, `<path>.bak.3`, …
pub fn backup_path_n(path: &Path, n: usize) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(".bak");
    if n > 1 {
        s.push(format!(".{n}"));
    }
    PathBuf::from(s)
}

/// The advisory lock of a save; its file is removed before the lock is released.
struct SaveLock {
    file: File,
    path: PathBuf,
}

impl Drop for SaveLock {
    fn drop(&mut self) {
        // removed while still locked: a process waiting on this file sees, once it has the
        // lock, that the name no longer leads to it and locks the new one (see `lock`)
        let _ = fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// True when the open `file` is still the one at `path`.
fn is_at(file: &File, path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (file.metadata(), fs::metadata(path)) {
            (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        true
    }
}

/// Takes the advisory lock for saving `path` (released, and its file removed, when the
/// guard is dropped).
fn lock(path: &Path) -> Result<SaveLock, StoreError> {
    let lp = lock_path(path);
    loop {
        let f = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&lp)
            .map_err(io_err("create the lock file", &lp))?;
        match f.lock() {
            // file systems without locks: the merge on save still keeps others' highlights
            Err(e) if e.kind() == io::ErrorKind::Unsupported => {}
            Err(e) => return Err(io_err("lock", &lp)(e)),
            // the holder before us removed the file we waited on: lock the current one
            Ok(()) if !is_at(&f, &lp) => continue,
            Ok(()) => {}
        }
        return Ok(SaveLock { file: f, path: lp });
    }
}

fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!(".{name}.tmp.")
}

/// Removes temporary files left by a save that was killed (only called under the lock).
fn remove_stale_temps(path: &Path) {
    let prefixes = [temp_prefix(path), temp_prefix(&backup_path(path))];
    let Ok(entries) = fs::read_dir(parent_dir(path)) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if prefixes.iter().any(|p| name.starts_with(p.as_str())) {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// Writes `bytes` to a new temporary file beside `path`, synced; returns its path.
fn write_temp(
    path: &Path,
    bytes: &[u8],
    like: Option<&fs::Permissions>,
) -> Result<PathBuf, StoreError> {
    let tmp = parent_dir(path).join(format!(
        "{}{}.{:x}",
        temp_prefix(path),
        std::process::id(),
        unique()
    ));
    let result = (|| {
        let mut f = OpenOptions::new().write(true).create_new(true).open(&tmp)?;
        f.write_all(bytes)?;
        if let Some(p) = like {
            f.set_permissions(p.clone())?;
        }
        f.sync_all()
    })();
    match result {
        Ok(()) => Ok(tmp),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(io_err("write", &tmp)(e))
        }
    }
}

/// Replaces `path` with `bytes` atomically, first keeping `old` (its current content) as
/// `.bak` after moving the older backups one generation down (`backups` generations in
/// all). A crash at any point leaves `path` either old or new, never torn.
pub(crate) fn write_atomic(
    path: &Path,
    bytes: &[u8],
    old: Option<&[u8]>,
    backups: usize,
) -> Result<(), StoreError> {
    let perms = fs::metadata(path).ok().map(|m| m.permissions());
    if let Some(old) = old.filter(|_| backups > 0) {
        for n in (1..backups).rev() {
            let from = backup_path_n(path, n);
            if from.exists() {
                let to = backup_path_n(path, n + 1);
                fs::rename(&from, &to).map_err(io_err("keep an older backup", &to))?;
            }
        }
        let bak = backup_path(path);
        let tmp = write_temp(&bak, old, perms.as_ref())?;
        if let Err(e) = fs::rename(&tmp, &bak) {
            let _ = fs::remove_file(&tmp);
            return Err(io_err("write the backup", &bak)(e));
        }
    }
    let tmp = write_temp(path, bytes, perms.as_ref())?;
    if let Err(e) = fs::rename(&tmp, path) {
        let _ = fs::remove_file(&tmp);
        return Err(io_err("replace", path)(e));
    }
    sync_dir(parent_dir(path));
    Ok(())
}

/// Makes the rename durable (Unix); elsewhere a no-op.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        assert_eq!(line_col("ab\ncdé f".as_bytes(), 8), (2, 5));
        assert_eq!(line_col(b"x", 0), (1, 1));
    }

    #[test]
    fn sidecar_and_backup_names() {
        let p = sidecar_path(Path::new("news/story.txt"));
        assert_eq!(p, Path::new("news/story.txt.hearsay.toml"));
        assert_eq!(
            backup_path(&p),
            Path::new("news/story.txt.hearsay.toml.bak")
        );
        assert_eq!(
            lock_path(&p),
            Path::new("news/.story.txt.hearsay.toml.lock")
        );
    }
}
