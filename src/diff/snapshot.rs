//! Compressed snapshots of the texts an article had when it was highlighted, so that when the
//! text changes the reader can say what changed since.
//!
//! A snapshot is the document's source text (for a web page or Markdown, the extracted text
//! every highlight offset refers to), zstd-compressed, in
//! `$XDG_DATA_HOME/hearsay/snapshots/<sha256>.zst`, keyed by the same content hash as the
//! highlights file's `[article] sha256`. [`remember`] writes one (atomically, once per text)
//! whenever an article with highlights is open; [`since_highlighted`] compares the text the
//! highlights file was made on with the current one.

use super::{Diff, Options, compare_documents};
use crate::annotations::store::{StoreError, content_hash, data_dir, write_atomic};
use crate::document::{Document, decode::MAX_INPUT, ingest};
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// zstd level: a news article compresses to about a third at level 9 in well under a
/// millisecond per 20 KB.
const LEVEL: i32 = 9;

/// Problems with snapshots. They never stop the reader: it says so and goes on.
#[derive(Debug, thiserror::Error)]
pub enum SnapshotError {
    /// No data folder could be found.
    #[error("no data folder for snapshots ({0})")]
    NoDataDir(String),
    /// Reading, writing or decompressing failed.
    #[error("could not {action} snapshot '{path}': {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        source: io::Error,
    },
    /// A snapshot decompresses to more than any article may hold.
    #[error("snapshot '{0}' is larger than any article hearsay reads; delete it")]
    TooLarge(PathBuf),
}

/// `$XDG_DATA_HOME/hearsay/snapshots` (beside the `highlights` folder).
pub fn dir() -> Result<PathBuf, SnapshotError> {
    let highlights = data_dir().map_err(|e| SnapshotError::NoDataDir(e.to_string()))?;
    let base = highlights.parent().unwrap_or(&highlights);
    Ok(base.join("snapshots"))
}

/// The snapshot file of a text with this SHA-256, in `dir`.
pub fn path_in(dir: &Path, sha256: &str) -> PathBuf {
    dir.join(format!("{sha256}.zst"))
}

/// Writes the snapshot of `doc` into `dir` unless it is there already. Returns whether it
/// wrote one. The file is written to a temporary name, synced and renamed, so a reader never
/// sees half a snapshot.
pub fn save_in(dir: &Path, doc: &Document) -> Result<bool, SnapshotError> {
    save_hashed(dir, doc, &content_hash(doc))
}

/// [`save_in`] with the document's hash already computed.
fn save_hashed(dir: &Path, doc: &Document, sha256: &str) -> Result<bool, SnapshotError> {
    let path = path_in(dir, sha256);
    if path.exists() {
        return Ok(false);
    }
    let err = |action| {
        let path = path.clone();
        move |source| SnapshotError::Io {
            action,
            path,
            source,
        }
    };
    fs::create_dir_all(dir).map_err(err("create the folder of"))?;
    let packed = zstd::encode_all(doc.source.as_bytes(), LEVEL).map_err(err("compress"))?;
    // the highlights store's atomic write (temporary file, fsync, rename, folder synced);
    // a snapshot never changes, so no backup
    write_atomic(&path, &packed, None, 0).map_err(|e| match e {
        StoreError::Io { source, .. } => err("write")(source),
        other => err("write")(io::Error::other(other.to_string())),
    })?;
    Ok(true)
}

/// Reads the text of the snapshot with this SHA-256 from `dir`, if there is one.
pub fn load_in(dir: &Path, sha256: &str) -> Result<Option<String>, SnapshotError> {
    let path = path_in(dir, sha256);
    let file = match File::open(&path) {
        Ok(f) => f,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => {
            return Err(SnapshotError::Io {
                action: "read",
                path,
                source,
            });
        }
    };
    let io_err = |source| SnapshotError::Io {
        action: "decompress",
        path: path.clone(),
        source,
    };
    let mut text = Vec::new();
    zstd::stream::read::Decoder::new(file)
        .map_err(io_err)?
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut text)
        .map_err(io_err)?;
    if text.len() > MAX_INPUT {
        return Err(SnapshotError::TooLarge(path));
    }
    // the snapshot is a document source: valid UTF-8 unless the file was damaged
    Ok(Some(String::from_utf8_lossy(&text).into_owned()))
}

/// What the highlights file says about the text it was made on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    /// `[article] sha256`.
    pub sha256: String,
    /// Number of `[[highlight]]` entries.
    pub highlights: usize,
}

/// Reads `[article] sha256` and the number of highlights from a highlights file; `None` when
/// there is no file or it cannot be read (the store reports a broken file itself).
pub fn recorded(highlights_file: &Path) -> Option<Recorded> {
    let text = fs::read_to_string(highlights_file).ok()?;
    let value: toml::Table = toml::from_str(&text).ok()?;
    let sha256 = value
        .get("article")?
        .get("sha256")?
        .as_str()?
        .to_ascii_lowercase();
    let highlights = value
        .get("highlight")
        .and_then(|h| h.as_array())
        .map_or(0, Vec::len);
    Some(Recorded { sha256, highlights })
}

/// Keeps a snapshot of `doc` in `dir` when its highlights file holds highlights: the first
/// time highlights are saved, and each time the text is seen to have changed. Returns
/// whether a snapshot was written.
pub fn remember_in(
    dir: &Path,
    doc: &Document,
    highlights_file: &Path,
) -> Result<bool, SnapshotError> {
    let sha256 = content_hash(doc);
    // kept already: the highlights file (of 180,000 highlights, say) need not be read
    if path_in(dir, &sha256).exists() {
        return Ok(false);
    }
    match recorded(highlights_file) {
        Some(r) if r.highlights > 0 => save_hashed(dir, doc, &sha256),
        _ => Ok(false),
    }
}

/// [`remember_in`] the data folder's snapshots folder.
pub fn remember(doc: &Document, highlights_file: &Path) -> Result<bool, SnapshotError> {
    remember_in(&dir()?, doc, highlights_file)
}

/// The text the highlights were made on, when it differs from `doc`'s and its snapshot is
/// kept.
pub fn earlier_text_in(
    dir: &Path,
    doc: &Document,
    highlights_file: &Path,
) -> Result<Option<String>, SnapshotError> {
    let Some(r) = recorded(highlights_file) else {
        return Ok(None);
    };
    if r.highlights == 0 || r.sha256 == content_hash(doc) {
        return Ok(None);
    }
    load_in(dir, &r.sha256)
}

/// What changed between the text the highlights were made on (its snapshot in `dir`) and
/// `doc`, or `None` when the text is the same or no snapshot of the earlier one is kept.
/// Both texts are read as plain text (a snapshot is the extracted text), so they are
/// compared alike.
pub fn since_highlighted_in(
    dir: &Path,
    doc: &Document,
    highlights_file: &Path,
    opts: &Options,
) -> Result<Option<Diff>, SnapshotError> {
    let Some(earlier) = earlier_text_in(dir, doc, highlights_file)? else {
        return Ok(None);
    };
    Ok(Some(compare_texts(earlier, doc, opts)))
}

/// Compares an earlier text with `doc`, both read as plain text (a snapshot is the
/// extracted text), so they are compared alike.
fn compare_texts(earlier: String, doc: &Document, opts: &Options) -> Diff {
    let old = ingest(earlier);
    let new = ingest(doc.source.clone());
    compare_documents(&old, &new, opts)
}

/// [`since_highlighted_in`] the data folder's snapshots folder.
pub fn since_highlighted(
    doc: &Document,
    highlights_file: &Path,
    opts: &Options,
) -> Result<Option<Diff>, SnapshotError> {
    since_highlighted_in(&dir()?, doc, highlights_file, opts)
}

/// What the reader learns from the snapshots when it opens an article with highlights.
#[derive(Debug, Default)]
pub struct AtOpen {
    /// What changed since the text the highlights were made on, when it changed and its
    /// snapshot is kept.
    pub since: Option<Diff>,
    /// A snapshot that could not be read or written (the reader says so and goes on).
    pub problem: Option<SnapshotError>,
}

/// The reader's hook when it opens an article whose highlights live in `highlights_file`:
/// compares the text they were made on with `doc` (see [`since_highlighted_in`]), then keeps
/// a snapshot of `doc` (see [`remember_in`]), in that order, since the highlights file still
/// names the earlier text until the store saves.
pub fn at_open_in(dir: &Path, doc: &Document, highlights_file: &Path) -> AtOpen {
    let mut out = AtOpen::default();
    // the highlights file is read once (it may hold 180,000 highlights)
    let Some(r) = recorded(highlights_file).filter(|r| r.highlights > 0) else {
        return out;
    };
    let sha256 = content_hash(doc);
    if r.sha256 != sha256 {
        match load_in(dir, &r.sha256) {
            Ok(Some(earlier)) => out.since = Some(compare_texts(earlier, doc, &Options::default())),
            Ok(None) => {}
            Err(e) => out.problem = Some(e),
        }
    }
    if let Err(e) = save_hashed(dir, doc, &sha256) {
        out.problem.get_or_insert(e);
    }
    out
}

/// [`at_open_in`] the data folder's snapshots folder.
pub fn at_open(doc: &Document, highlights_file: &Path) -> AtOpen {
    match dir() {
        Ok(d) => at_open_in(&d, doc, highlights_file),
        Err(e) => AtOpen {
            since: None,
            problem: Some(e),
        },
    }
}
