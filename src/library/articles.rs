//! The list of articles in a library, with what the user did with each: how many
//! highlights, and how far they read (both read from the article's highlights file, which
//! stays the user's and is never copied into the database).

use super::{Result, db_err, path_bounds};
use crate::annotations::store::{HighlightsFile, sidecar_path};
use rusqlite::Connection;
use serde::Serialize;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// One article file of the library.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ArticleEntry {
    /// The file.
    pub path: PathBuf,
    /// SHA-256 of its bytes.
    pub hash: String,
    /// Headline (the file name when the article has none).
    pub title: String,
    /// Publication, when known.
    pub publication: Option<String>,
    /// Date (ISO 8601), when known.
    pub date: Option<String>,
    /// Canonical address from the page's metadata, when it has one.
    pub url: Option<String>,
    /// The file's modification time, nanoseconds since the epoch.
    pub mtime: i64,
    /// Length of the article's text in bytes.
    pub bytes: usize,
    /// Quotations.
    pub quotes: usize,
    /// Claims.
    pub claims: usize,
    /// Speakers.
    pub speakers: usize,
    /// Claims credited to unnamed or anonymous sources.
    pub unnamed: usize,
    /// Highlights saved for the article.
    pub highlights: usize,
    /// How far it was read, in percent, when it was opened in the reader.
    pub read: Option<u8>,
}

impl ArticleEntry {
    /// Share of the claims credited to unnamed or anonymous sources (0–1), when there are
    /// claims.
    pub fn unnamed_share(&self) -> Option<f64> {
        (self.claims > 0).then(|| self.unnamed as f64 / self.claims as f64)
    }
}

/// The article files under `root` that are indexed, sorted by path.
pub fn list(
    conn: &Connection,
    db_path: &Path,
    root: &Path,
    highlights_dir: Option<&Path>,
) -> Result<Vec<ArticleEntry>> {
    let (lo, hi) = path_bounds(root);
    let err = || db_err(db_path);
    let mut st = conn
        .prepare_cached(
            "SELECT f.path, a.hash, a.title, a.publication, a.date, a.bytes, a.quotes, a.claims,
                    a.speakers, a.unnamed, a.url, f.mtime
             FROM files f JOIN articles a ON a.id = f.article
             WHERE f.path >= ?1 AND f.path < ?2 ORDER BY f.path",
        )
        .map_err(err())?;
    let mut out = st
        .query_map([lo, hi], |r| {
            Ok(ArticleEntry {
                path: PathBuf::from(r.get::<_, String>(0)?),
                hash: r.get(1)?,
                title: r.get(2)?,
                publication: r.get(3)?,
                date: r.get(4)?,
                bytes: r.get::<_, i64>(5)? as usize,
                quotes: r.get::<_, i64>(6)? as usize,
                claims: r.get::<_, i64>(7)? as usize,
                speakers: r.get::<_, i64>(8)? as usize,
                unnamed: r.get::<_, i64>(9)? as usize,
                url: r.get(10)?,
                mtime: r.get(11)?,
                highlights: 0,
                read: None,
            })
        })
        .map_err(err())?
        .collect::<rusqlite::Result<Vec<_>>>()
        .map_err(err())?;
    let data_dir = match highlights_dir {
        Some(_) => None,
        None => crate::annotations::store::data_dir().ok(),
    };
    fill_annotations(&mut out, highlights_dir, data_dir.as_deref());
    Ok(out)
}

/// Fills in highlights and reading progress from the highlights files, looked for where the
/// reader keeps them: the configured folder (`highlights_dir`), else the sidecar beside the
/// article, else `<data_dir>/<sha256>.toml`.
pub fn fill_annotations(
    entries: &mut [ArticleEntry],
    highlights_dir: Option<&Path>,
    data_dir: Option<&Path>,
) {
    let keyed_dir = highlights_dir.or(data_dir).map(Path::to_path_buf);
    // one listing of the keyed folder instead of a look-up per article
    let keyed: HashSet<String> = keyed_dir
        .as_deref()
        .and_then(|d| std::fs::read_dir(d).ok())
        .map(|rd| {
            rd.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    for e in entries.iter_mut() {
        let name = format!("{}.toml", e.hash);
        let file = match (&keyed_dir, highlights_dir) {
            (Some(d), Some(_)) => keyed.contains(&name).then(|| d.join(&name)),
            _ => {
                let side = sidecar_path(&e.path);
                if side.exists() {
                    Some(side)
                } else {
                    keyed_dir
                        .as_ref()
                        .filter(|_| keyed.contains(&name))
                        .map(|d| d.join(&name))
                }
            }
        };
        let Some(file) = file else { continue };
        let Some(h) = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| toml::from_str::<HighlightsFile>(&t).ok())
        else {
            continue;
        };
        e.highlights = h.highlights.len();
        e.read = h
            .reading
            .map(|r| ((r.offset.min(e.bytes) * 100).checked_div(e.bytes)).unwrap_or(0) as u8);
    }
}
