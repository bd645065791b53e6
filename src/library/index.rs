//! Bringing the database up to date with a folder.
//!
//! 1. [`scan`](super::scan) lists the article files with size and modification time;
//! 2. a file whose path, size and time are in the database as they are on disk is skipped
//!    without being opened; a file no longer on disk loses its row;
//! 3. every other file is read and hashed on the rayon pool; content the database already
//!    holds (a moved or copied file, a touched file) only gets its path linked; new content
//!    is opened and analysed there too;
//! 4. this thread writes the results, committing every half second: a run that is
//!    interrupted (the `cancel` flag, Ctrl-C) or killed keeps everything committed, and the
//!    next run starts from there. The full-text index gets a batch's passages in one
//!    statement just before its commit (see `Batch`: row by row, FTS5 made a segment per
//!    passage and spent most of the first index merging them);
//! 5. at the end, analyses no file refers to any more are dropped, and after a large run
//!    the full-text index is merged into one segment (searches look terms up per segment).

use super::scan::{self, FileEntry};
use super::{Result, db_err, path_bounds};
use crate::attribution::{self, Analysis, ClaimKind, SpeakerKind, SpeakerOut};
use crate::document::{self, Document};
use rayon::prelude::*;
use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Version of what the analysis stores; an article analysed by an older version is
/// analysed again. Raise it when the analysis or what is kept of it changes.
pub const ANALYZER_VERSION: i64 = 2;

/// How often the writer commits (and so how much a killed run can lose).
const COMMIT_EVERY: Duration = Duration::from_millis(500);

/// How far indexing has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files to read that are done.
    pub done: usize,
    /// Files to read (the changed and new ones), 0 when there is nothing to do.
    pub total: usize,
}

/// What a run did.
#[derive(Debug, Default)]
pub struct IndexReport {
    /// Article files under the folder.
    pub files: usize,
    /// Files skipped because their size and time had not changed.
    pub unchanged: usize,
    /// Files analysed (new content).
    pub analysed: usize,
    /// Files whose content was already known (moved, copied or touched): only linked.
    pub relinked: usize,
    /// Files gone from the folder, dropped from the index.
    pub removed: usize,
    /// Files that could not be read as articles, with the reason.
    pub failed: Vec<(PathBuf, String)>,
    /// Folders that could not be listed, with the reason.
    pub problems: Vec<(PathBuf, String)>,
    /// True when the run was stopped before the end (run again to finish).
    pub interrupted: bool,
}

/// A speaker of one article, as stored.
struct SpeakerRow {
    name: String,
    kind: &'static str,
    aliases: String,
    role: Option<String>,
    quotes: i64,
    claims: i64,
}

/// A quote or claim, as stored (`speaker`: index into the article's speakers).
struct StatementRow {
    speaker: Option<usize>,
    kind: &'static str,
    start: i64,
    end: i64,
    text: String,
}

/// A block of text with who speaks in it, for the full-text index.
struct PassageRow {
    start: i64,
    body: String,
    speakers: String,
    kinds: String,
}

/// Everything stored about one article's content.
struct Extracted {
    title: String,
    publication: Option<String>,
    date: Option<String>,
    url: Option<String>,
    bytes: i64,
    quotes: i64,
    claims: i64,
    unnamed: i64,
    speakers: Vec<SpeakerRow>,
    statements: Vec<StatementRow>,
    passages: Vec<PassageRow>,
}

/// What a worker made of one file.
enum Outcome {
    /// Content the database holds already.
    Known(FileEntry, String),
    /// New content, analysed.
    New(FileEntry, String, Box<Extracted>),
    /// Not readable as an article.
    Failed(FileEntry, String),
}

/// The word for a speaker's kind in the database and in `kind:` searches. A person
/// without a proper name (`a spokesperson`, `A city official`) is `unnamed`.
pub fn kind_word(s: &SpeakerOut) -> &'static str {
    match s.kind {
        SpeakerKind::Person if is_named(&s.name) => "person",
        SpeakerKind::Person => "unnamed",
        SpeakerKind::Organization => "organization",
        SpeakerKind::Group => "group",
        SpeakerKind::Anonymous => "anonymous",
        SpeakerKind::Document => "document",
    }
}

/// Whether a person's name is a proper name: not a description (`a city official`, `A
/// senior aide`, `the spokesman`), which starts with a determiner or has no capital.
fn is_named(name: &str) -> bool {
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "one", "two", "three", "several", "some", "another", "his", "her",
        "their", "its", "our",
    ];
    let first = name.split_whitespace().next().unwrap_or("");
    let several = name.split_whitespace().nth(1).is_some();
    if several && DETERMINERS.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    name.contains(char::is_uppercase) || !several
}

/// Extracts what the library keeps of an analysed document.
fn extract(doc: &Document, analysis: &Analysis, fallback_title: &str) -> Extracted {
    let speakers: Vec<SpeakerRow> = analysis
        .speakers
        .iter()
        .map(|sp| SpeakerRow {
            name: sp.name.clone(),
            kind: kind_word(sp),
            aliases: sp.aliases.join("\n"),
            role: sp.role.clone(),
            quotes: sp.quotes as i64,
            claims: sp.claims as i64,
        })
        .collect();
    let mut statements: Vec<StatementRow> = analysis
        .claims
        .iter()
        .map(|c| StatementRow {
            speaker: c.speaker,
            kind: match c.kind {
                ClaimKind::Direct => "direct",
                ClaimKind::Indirect => "indirect",
                ClaimKind::Mixed => "mixed",
            },
            start: c.start as i64,
            end: c.end as i64,
            text: c.text(doc).into_owned(),
        })
        .collect();
    // a quotation already inside a claim of the same speaker is not listed twice
    for q in &analysis.quotes {
        let covered = analysis
            .claims
            .iter()
            .any(|c| c.speaker == q.speaker && c.start <= q.start && q.end <= c.end);
        if !covered {
            statements.push(StatementRow {
                speaker: q.speaker,
                kind: "quote",
                start: q.start as i64,
                end: q.end as i64,
                text: q.text(doc).into_owned(),
            });
        }
    }
    statements.sort_by_key(|s| s.start);
    // who speaks in each block
    let mut by_block: HashMap<usize, Vec<usize>> = HashMap::new();
    let mut unattributed: HashSet<usize> = HashSet::new();
    let spoken = analysis
        .claims
        .iter()
        .map(|c| (c.block, c.speaker))
        .chain(analysis.quotes.iter().map(|q| (q.block, q.speaker)));
    for (block, speaker) in spoken {
        match speaker {
            Some(id) => {
                let ids = by_block.entry(block).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            None => {
                unattributed.insert(block);
            }
        }
    }
    let passages = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| !b.text.trim().is_empty())
        .map(|(i, b)| {
            let mut names = Vec::new();
            let mut kinds: Vec<&str> = Vec::new();
            for &id in by_block.get(&i).map_or(&[][..], |v| v.as_slice()) {
                if let Some(sp) = analysis.speaker(id) {
                    names.push(sp.name.as_str());
                    names.extend(sp.aliases.iter().map(String::as_str));
                    let k = kind_word(sp);
                    if !kinds.contains(&k) {
                        kinds.push(k);
                    }
                }
            }
            if unattributed.contains(&i) {
                kinds.push("unattributed");
            }
            PassageRow {
                start: b.range.start as i64,
                body: b.text.clone(),
                speakers: names.join(" | "),
                kinds: kinds.join(" "),
            }
        })
        .collect();
    Extracted {
        title: doc
            .meta
            .title
            .clone()
            .filter(|t| !t.trim().is_empty())
            .unwrap_or_else(|| fallback_title.to_string()),
        publication: doc.meta.publication.clone(),
        date: doc.meta.date.clone(),
        url: doc.meta.url.clone(),
        bytes: doc.source.len() as i64,
        quotes: analysis.quotes.len() as i64,
        claims: analysis.claims.len() as i64,
        unnamed: analysis
            .claims
            .iter()
            .filter_map(|c| analysis.speaker(c.speaker?))
            .filter(|sp| matches!(kind_word(sp), "unnamed" | "anonymous"))
            .count() as i64,
        speakers,
        statements,
        passages,
    }
}

/// SHA-256 of bytes, lowercase hex.
fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Reads, hashes and (for content not in `known`) analyses one file.
fn process(file: FileEntry, known: &HashSet<String>) -> Outcome {
    let limit = document::decode::MAX_INPUT;
    if file.size > limit as u64 {
        let msg = format!("over the {} MB limit", limit / (1024 * 1024));
        return Outcome::Failed(file, msg);
    }
    let bytes = match std::fs::read(&file.path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(file, e.to_string()),
    };
    let hash = sha256_hex(&bytes);
    if known.contains(&hash) {
        return Outcome::Known(file, hash);
    }
    let name = file.path.to_string_lossy().into_owned();
    match document::open_owned(bytes, Some(&name), None) {
        Ok(doc) => {
            let analysis = attribution::analyze(&doc);
            let stem = file
                .path
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            let stem = crate::printable::printable(&stem).into_owned();
            let extracted = extract(&doc, &analysis, &stem);
            Outcome::New(file, hash, Box::new(extracted))
        }
        Err(e) => Outcome::Failed(file, e.to_string()),
    }
}

/// A row of the `files` table as it was before the run.
struct Known {
    size: i64,
    mtime: i64,
    current: bool,
}

/// Indexes the folder `root` (see the module documentation). `progress` is called as files
/// are done; setting `cancel` stops the run at the next file, keeping what was done.
pub fn run(
    conn: &mut Connection,
    db_path: &Path,
    root: &Path,
    cancel: &AtomicBool,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<IndexReport> {
    let err = || db_err(db_path);
    let found = scan::scan(root);
    let mut report = IndexReport {
        files: found.files.len(),
        problems: found.problems,
        ..IndexReport::default()
    };
    let (lo, hi) = path_bounds(root);
    let mut before: HashMap<String, Known> = HashMap::new();
    {
        let mut st = conn
            .prepare(
                "SELECT f.path, f.size, f.mtime, a.analyzer FROM files f
                 JOIN articles a ON a.id = f.article WHERE f.path >= ?1 AND f.path < ?2
                 UNION ALL
                 SELECT path, size, mtime, ?3 FROM failures WHERE path >= ?1 AND path < ?2",
            )
            .map_err(err())?;
        let rows = st
            .query_map(params![lo, hi, ANALYZER_VERSION], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    Known {
                        size: r.get(1)?,
                        mtime: r.get(2)?,
                        current: r.get::<_, i64>(3)? == ANALYZER_VERSION,
                    },
                ))
            })
            .map_err(err())?;
        for row in rows {
            let (path, k) = row.map_err(err())?;
            before.insert(path, k);
        }
    }
    let mut todo = Vec::new();
    for f in found.files {
        // what is left in `before` afterwards is gone from the disk
        let same = before
            .remove(f.path.to_string_lossy().as_ref())
            .is_some_and(|k| k.current && k.size == f.size as i64 && k.mtime == f.mtime);
        if same {
            report.unchanged += 1;
        } else {
            todo.push(f);
        }
    }
    let gone: Vec<&String> = before.keys().collect();
    if !gone.is_empty() {
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err())?;
        for p in &gone {
            tx.execute("DELETE FROM files WHERE path = ?1", [p])
                .map_err(err())?;
            tx.execute("DELETE FROM failures WHERE path = ?1", [p])
                .map_err(err())?;
        }
        tx.commit().map_err(err())?;
        report.removed = gone.len();
    }
    let total = todo.len();
    progress(Progress { done: 0, total });
    if total > 0 {
        let known = known_hashes(conn, &todo).map_err(err())?;
        write_all(conn, db_path, todo, &known, cancel, progress, &mut report)?;
    }
    report.interrupted = cancel.load(Ordering::Relaxed)
        && report.analysed + report.relinked + report.failed.len() < total;
    if !report.interrupted && (report.removed > 0 || total > 0) {
        drop_orphans(conn).map_err(err())?;
    }
    if !report.interrupted && report.analysed >= OPTIMIZE_AFTER {
        optimize(conn).map_err(err())?;
    }
    Ok(report)
}

/// Up to this many files to read, the database is asked about their hashes one by one
/// instead of listing every hash it holds.
const FEW: usize = 32;

/// The hashes of content analysed by this version that `todo`'s files may have: all of
/// them, or for a few files, those of the files' own contents (read and hashed here, and
/// again by the workers: cheaper than listing every hash of a large library).
fn known_hashes(conn: &Connection, todo: &[FileEntry]) -> rusqlite::Result<HashSet<String>> {
    if todo.len() > FEW {
        let mut st = conn.prepare("SELECT hash FROM articles WHERE analyzer = ?1")?;
        return st.query_map([ANALYZER_VERSION], |r| r.get(0))?.collect();
    }
    let mut st = conn.prepare_cached("SELECT 1 FROM articles WHERE hash = ?1 AND analyzer = ?2")?;
    let mut out = HashSet::new();
    for f in todo {
        if f.size > document::decode::MAX_INPUT as u64 {
            continue;
        }
        let Ok(bytes) = std::fs::read(&f.path) else {
            continue;
        };
        let hash = sha256_hex(&bytes);
        if st.exists(params![hash, ANALYZER_VERSION])? {
            out.insert(hash);
        }
    }
    Ok(out)
}

/// Runs the workers and writes what they send, committing every [`COMMIT_EVERY`].
fn write_all(
    conn: &mut Connection,
    db_path: &Path,
    todo: Vec<FileEntry>,
    known: &HashSet<String>,
    cancel: &AtomicBool,
    progress: &(dyn Fn(Progress) + Sync),
    report: &mut IndexReport,
) -> Result<()> {
    let err = || db_err(db_path);
    let total = todo.len();
    // bounded: the workers wait when the writer is behind, so memory stays flat
    let (tx, rx) = std::sync::mpsc::sync_channel::<Outcome>(64);
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            todo.into_par_iter().for_each_with(tx, |tx, f| {
                if cancel.load(Ordering::Relaxed) {
                    return;
                }
                let _ = tx.send(process(f, known));
            });
        });
        let conn: &Connection = conn;
        let mut done = 0;
        let mut since = Instant::now();
        // explicit BEGIN IMMEDIATE / COMMIT: one write transaction per batch
        let (mut batch, mut failure) = match Batch::begin(conn) {
            Ok(b) => (b, None),
            Err(e) => (Batch::default(), Some(e)),
        };
        for outcome in rx.iter() {
            if failure.is_some() {
                continue; // drain so the workers finish
            }
            let step = write_one(conn, &mut batch, outcome, report).and_then(|()| {
                if since.elapsed() >= COMMIT_EVERY {
                    since = Instant::now();
                    batch.commit(conn)?;
                    batch = Batch::begin(conn)?;
                }
                Ok(())
            });
            if let Err(e) = step {
                failure = Some(e);
                cancel.store(true, Ordering::Relaxed);
                continue;
            }
            done += 1;
            progress(Progress { done, total });
        }
        if let Some(e) = failure {
            if !conn.is_autocommit() {
                let _ = conn.execute_batch("ROLLBACK");
            }
            return Err(err()(e));
        }
        batch.commit(conn).map_err(err())?;
        progress(Progress { done, total });
        Ok(())
    })
}

/// The write transaction in progress. The full-text index is not written row by row
/// (FTS5 flushes its pending terms at every statement's savepoint, so each passage would
/// become a segment of its own): the passages a batch adds go into it in one statement
/// before the commit, and the content of the articles it replaces is removed then, in a
/// few statements.
#[derive(Debug, Default)]
struct Batch {
    /// Passages with a greater id are not yet in the full-text index.
    indexed_to: i64,
    /// The id the next passage gets (ids only grow within a batch, so the ones it added
    /// are exactly those above `indexed_to`).
    next_passage: i64,
    /// Articles replaced by a new analysis, whose rows go at commit.
    purge: Vec<i64>,
}

impl Batch {
    /// Starts a write transaction (waiting for another process's to end). Everything
    /// committed is in the full-text index, whoever committed it.
    fn begin(conn: &Connection) -> rusqlite::Result<Batch> {
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let max: i64 = conn
            .prepare_cached("SELECT coalesce(max(id), 0) FROM passages")?
            .query_row([], |r| r.get(0))?;
        Ok(Batch {
            indexed_to: max,
            next_passage: max + 1,
            purge: Vec::new(),
        })
    }

    /// Brings the full-text index up to date with the batch, then commits.
    fn commit(&mut self, conn: &Connection) -> rusqlite::Result<()> {
        purge(conn, &std::mem::take(&mut self.purge), self.indexed_to)?;
        conn.prepare_cached(
            "INSERT INTO passages_fts(rowid, body, speakers, kinds)
             SELECT id, body, speakers, kinds FROM passages WHERE id > ?1",
        )?
        .execute([self.indexed_to])?;
        conn.execute_batch("COMMIT")?;
        self.indexed_to = self.next_passage - 1;
        Ok(())
    }
}

/// Deletes articles and what was derived from them, taking their passages out of the
/// full-text index first (those up to `indexed_to`: the others were never put in).
fn purge(tx: &Connection, ids: &[i64], indexed_to: i64) -> rusqlite::Result<()> {
    for chunk in ids.chunks(500) {
        // ids are integers from the database: listing them in the SQL text is safe
        let list = chunk
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(",");
        tx.execute(
            &format!(
                "INSERT INTO passages_fts(passages_fts, rowid, body, speakers, kinds)
                 SELECT 'delete', id, body, speakers, kinds FROM passages
                 WHERE article IN ({list}) AND id <= ?1"
            ),
            [indexed_to],
        )?;
        tx.execute_batch(&format!(
            "DELETE FROM passages WHERE article IN ({list});
             DELETE FROM statements WHERE article IN ({list});
             DELETE FROM speakers WHERE article IN ({list});
             DELETE FROM articles WHERE id IN ({list});"
        ))?;
    }
    Ok(())
}

/// Writes one worker's result.
fn write_one(
    tx: &Connection,
    batch: &mut Batch,
    outcome: Outcome,
    report: &mut IndexReport,
) -> rusqlite::Result<()> {
    match outcome {
        Outcome::Known(file, hash) => {
            let id: Option<i64> = tx
                .prepare_cached("SELECT id FROM articles WHERE hash = ?1")?
                .query_row([&hash], |r| r.get(0))
                .optional()?;
            if let Some(id) = id {
                link(tx, &file, id)?;
                report.relinked += 1;
            }
        }
        Outcome::New(file, hash, article) => {
            let existing: Option<(i64, i64)> = tx
                .prepare_cached("SELECT id, analyzer FROM articles WHERE hash = ?1")?
                .query_row([&hash], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let id = match existing {
                Some((id, v)) if v == ANALYZER_VERSION => id,
                Some((old, _)) => {
                    // an older analysis: its row gives way (purged at commit) and the
                    // files that show it follow the new one
                    tx.prepare_cached("UPDATE articles SET hash = 'stale:' || id WHERE id = ?1")?
                        .execute([old])?;
                    batch.purge.push(old);
                    let id = insert_article(tx, batch, &hash, &article)?;
                    tx.prepare_cached("UPDATE files SET article = ?1 WHERE article = ?2")?
                        .execute([id, old])?;
                    id
                }
                None => insert_article(tx, batch, &hash, &article)?,
            };
            link(tx, &file, id)?;
            report.analysed += 1;
        }
        Outcome::Failed(file, message) => {
            let path = file.path.to_string_lossy();
            tx.prepare_cached("DELETE FROM files WHERE path = ?1")?
                .execute([&path])?;
            tx.prepare_cached(
                "INSERT OR REPLACE INTO failures(path, size, mtime, message) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![path, file.size as i64, file.mtime, message])?;
            report.failed.push((file.path, message));
        }
    }
    Ok(())
}

fn link(tx: &Connection, file: &FileEntry, article: i64) -> rusqlite::Result<()> {
    let path = file.path.to_string_lossy();
    tx.prepare_cached(
        "INSERT OR REPLACE INTO files(path, article, size, mtime) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![path, article, file.size as i64, file.mtime])?;
    tx.prepare_cached("DELETE FROM failures WHERE path = ?1")?
        .execute([&path])?;
    Ok(())
}

fn insert_article(
    tx: &Connection,
    batch: &mut Batch,
    hash: &str,
    a: &Extracted,
) -> rusqlite::Result<i64> {
    tx.prepare_cached(
        "INSERT INTO articles(hash, analyzer, title, publication, date, bytes, quotes, claims,
         speakers, unnamed, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        hash,
        ANALYZER_VERSION,
        a.title,
        a.publication,
        a.date,
        a.bytes,
        a.quotes,
        a.claims,
        a.speakers.len() as i64,
        a.unnamed,
        a.url
    ])?;
    let id = tx.last_insert_rowid();
    let mut speaker_ids = Vec::with_capacity(a.speakers.len());
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO speakers(article, name, kind, aliases, role, quotes, claims)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for s in &a.speakers {
            st.execute(params![
                id, s.name, s.kind, s.aliases, s.role, s.quotes, s.claims
            ])?;
            speaker_ids.push(tx.last_insert_rowid());
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO statements(article, speaker, kind, start, end, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for s in &a.statements {
            let speaker = s.speaker.and_then(|i| speaker_ids.get(i).copied());
            st.execute(params![id, speaker, s.kind, s.start, s.end, s.text])?;
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO passages(id, article, start, body, speakers, kinds)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for p in &a.passages {
            st.execute(params![
                batch.next_passage,
                id,
                p.start,
                p.body,
                p.speakers,
                p.kinds
            ])?;
            batch.next_passage += 1;
        }
    }
    Ok(id)
}

/// After a run that analysed at least this many articles, the full-text index is merged
/// into one segment.
pub const OPTIMIZE_AFTER: usize = 500;

/// Merges the full-text index into one segment. Batches leave it in many segments (FTS5
/// merges them only partly as it goes), and a search looks every term up in each: on 1000
/// articles, one segment instead of twelve made searches up to twice as fast.
fn optimize(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    tx.execute(
        "INSERT INTO passages_fts(passages_fts) VALUES ('optimize')",
        [],
    )?;
    tx.commit()
}

/// Drops the analyses that no file refers to any more.
fn drop_orphans(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let ids: Vec<i64> = tx
        .prepare(
            "SELECT id FROM articles a WHERE NOT EXISTS (SELECT 1 FROM files f WHERE f.article = a.id)",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    // every committed passage is in the full-text index
    purge(&tx, &ids, i64::MAX)?;
    tx.commit()
}
