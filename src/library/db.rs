//! The library database: opening, pragmas, schema versions and migrations, and what to do
//! with a database that cannot be used.
//!
//! - WAL journal: readers (the library view) never block the writer (indexing), and a
//!   process killed in the middle of a transaction leaves the last committed state.
//! - A busy timeout: a second hearsay on the same library waits for the first one's write
//!   to finish instead of failing; writes start with `BEGIN IMMEDIATE` so that waiting is
//!   done up front (a deferred transaction that upgrades to a write cannot wait).
//! - The schema version is SQLite's `user_version`; [`MIGRATIONS`] takes any older database
//!   to [`SCHEMA_VERSION`] in one transaction. A database from a newer hearsay, or one that
//!   is not a database or is corrupt, is moved aside (with its `-wal` and `-shm` files) and
//!   a new one is made: the index is a cache, rebuilt from the articles.

use super::{LibraryError, Result, db_err};
use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: i64 = 2;

/// How long a process waits for another one's write before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(60);

/// Migrations: `MIGRATIONS[n]` takes a database from version `n` to `n + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// Version 1: articles keyed by content hash, the files that hold them, speakers,
/// statements (quotes and claims), and passages with their full-text index.
const V1: &str = r#"
CREATE TABLE articles(
    id INTEGER PRIMARY KEY,
    hash TEXT NOT NULL UNIQUE,       -- SHA-256 of the file's bytes, lowercase hex
    analyzer INTEGER NOT NULL,       -- version of the analysis that filled the row
    title TEXT NOT NULL,
    publication TEXT,
    date TEXT,                       -- ISO 8601 when it could be read
    bytes INTEGER NOT NULL,          -- length of the decoded source
    quotes INTEGER NOT NULL,
    claims INTEGER NOT NULL,
    speakers INTEGER NOT NULL,
    unnamed INTEGER NOT NULL         -- claims credited to unnamed or anonymous sources
);
CREATE TABLE files(
    path TEXT PRIMARY KEY,           -- absolute path
    article INTEGER NOT NULL REFERENCES articles(id),
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL           -- nanoseconds since the epoch
) WITHOUT ROWID;
CREATE INDEX files_article ON files(article);
CREATE TABLE failures(
    path TEXT PRIMARY KEY,           -- a file that could not be read as an article
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    message TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE speakers(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,              -- person, organization, group, anonymous, document
    aliases TEXT NOT NULL,           -- other names in the article, one per line
    role TEXT,
    quotes INTEGER NOT NULL,
    claims INTEGER NOT NULL
);
CREATE INDEX speakers_article ON speakers(article);
CREATE TABLE statements(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    speaker INTEGER REFERENCES speakers(id),
    kind TEXT NOT NULL,              -- quote, direct, indirect, mixed
    start INTEGER NOT NULL,          -- source byte offsets
    end INTEGER NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX statements_speaker ON statements(speaker);
CREATE INDEX statements_article ON statements(article);
CREATE TABLE passages(
    id INTEGER PRIMARY KEY,
    article INTEGER NOT NULL REFERENCES articles(id),
    start INTEGER NOT NULL,          -- source byte offset of the block
    body TEXT NOT NULL,              -- the block's clean text
    speakers TEXT NOT NULL,          -- names of who speaks in the block
    kinds TEXT NOT NULL              -- their kinds (person unnamed anonymous …)
);
CREATE INDEX passages_article ON passages(article);
CREATE VIRTUAL TABLE passages_fts USING fts5(
    body, speakers, kinds,
    content='passages', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
    INSERT INTO passages_fts(rowid, body, speakers, kinds)
    VALUES (new.id, new.body, new.speakers, new.kinds);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
    INSERT INTO passages_fts(passages_fts, rowid, body, speakers, kinds)
    VALUES ('delete', old.id, old.body, old.speakers, old.kinds);
END;
"#;

/// Version 2:
/// - the article's canonical address, which tells versions of one article apart from other
///   articles (see [`super::versions`]). Rows analysed before it have none: the analyzer
///   version rose with it, so they are analysed again on the next index;
/// - the full-text index is no longer written by triggers, row by row: FTS5 writes its
///   pending terms to disk at every statement savepoint, and a trigger makes every insert
///   a statement with a savepoint, so each passage became a tiny segment to merge (most of
///   the first index's time). The indexer now adds a batch's passages to it in one
///   statement before each commit and removes them in one statement before they are
///   deleted (see [`super::index`]). A larger pending-terms buffer (8 MB) makes fewer,
///   larger segments.
const V2: &str = r#"
ALTER TABLE articles ADD COLUMN url TEXT;
DROP TRIGGER passages_ai;
DROP TRIGGER passages_ad;
INSERT INTO passages_fts(passages_fts, rank) VALUES ('hashsize', 8388608);
"#;

/// Why a database file cannot be used as it is.
enum Unusable {
    /// Not a database, or corrupt.
    Corrupt(String),
    /// Written by a newer hearsay.
    Newer(i64),
}

/// Opens (creating if needed) the database at `path` and brings its schema up to date. A
/// database that cannot be used is moved aside and replaced; the returned notice says so.
pub fn open(path: &Path) -> Result<(Connection, Option<String>)> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|source| LibraryError::Io {
            action: "create the folder",
            path: dir.to_path_buf(),
            source,
        })?;
    }
    match try_open(path)? {
        Ok(conn) => Ok((conn, None)),
        Err(why) => {
            let aside = move_aside(path, &why)?;
            let reason = match why {
                Unusable::Corrupt(e) => format!("could not be read ({e})"),
                Unusable::Newer(v) => format!(
                    "was written by a newer hearsay (schema {v}; this one reads {SCHEMA_VERSION})"
                ),
            };
            let notice = format!(
                "the library database '{}' {reason}; it was moved to '{}' and a new one is \
                 being built from the articles",
                path.display(),
                aside.display()
            );
            match try_open(path)? {
                Ok(conn) => Ok((conn, Some(notice))),
                Err(_) => Err(LibraryError::Io {
                    action: "make a new database at",
                    path: path.to_path_buf(),
                    source: std::io::Error::other(notice),
                }),
            }
        }
    }
}

/// Whether a database error means the file is not a usable database.
fn is_corruption(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
    )
}

/// Opens and migrates; `Ok(Err(_))` when the file has to be moved aside.
fn try_open(path: &Path) -> Result<std::result::Result<Connection, Unusable>> {
    let err = db_err(path);
    let conn = Connection::open(path).map_err(db_err(path))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_err(path))?;
    // The bundled SQLite is built with STAT4, which re-prepares a statement whenever a
    // value bound in a range constraint changes; FTS5 looks every search term up in every
    // segment with such a statement, so a search spent a sixth of its time re-preparing
    // it. The plans here never depend on bound values (no ANALYZE data): keep them.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )
    .map_err(db_err(path))?;
    let setup = || -> rusqlite::Result<i64> {
        // the first statement that reads the file: a non-database fails here
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        conn.pragma_update(None, "cache_size", -32_000)?;
        conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
        conn.pragma_query_value(None, "user_version", |r| r.get(0))
    };
    let version = match retry_busy(setup) {
        Ok(v) => v,
        Err(e) if is_corruption(&e) => return Ok(Err(Unusable::Corrupt(e.to_string()))),
        Err(e) => return Err(err(e)),
    };
    if version > SCHEMA_VERSION {
        return Ok(Err(Unusable::Newer(version)));
    }
    if version < SCHEMA_VERSION {
        let mut conn = conn;
        match retry_busy(|| migrate(&mut conn)) {
            Ok(()) => return Ok(Ok(conn)),
            Err(e) if is_corruption(&e) => return Ok(Err(Unusable::Corrupt(e.to_string()))),
            Err(e) => return Err(db_err(path)(e)),
        }
    }
    Ok(Ok(conn))
}

/// Runs `step` again while SQLite answers "busy" without waiting (two processes switching a
/// new file to WAL at once, or upgrading a read to a write: the busy handler is not called
/// then), for at most [`BUSY_TIMEOUT`].
fn retry_busy<T>(mut step: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    loop {
        match step() {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            other => return other,
        }
    }
}

/// Applies the migrations the database lacks, in one write transaction (another process
/// may have migrated it meanwhile: the version is read again inside).
fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let from = usize::try_from(version).unwrap_or(0);
    for step in MIGRATIONS.iter().skip(from) {
        tx.execute_batch(step)?;
    }
    if version < SCHEMA_VERSION {
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    }
    tx.commit()
}

/// Moves the database and its `-wal` and `-shm` files to `<name>.<why>-<seconds>`.
fn move_aside(path: &Path, why: &Unusable) -> Result<PathBuf> {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let tag = match why {
        Unusable::Corrupt(_) => "corrupt",
        Unusable::Newer(_) => "newer",
    };
    let aside = with_suffix(path, &format!(".{tag}-{secs}"));
    std::fs::rename(path, &aside).map_err(|source| LibraryError::Io {
        action: "move aside",
        path: path.to_path_buf(),
        source,
    })?;
    for extra in ["-wal", "-shm"] {
        let from = with_suffix(path, extra);
        if from.exists() {
            let _ = std::fs::rename(&from, with_suffix(&aside, extra));
        }
    }
    Ok(aside)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    PathBuf::from(s)
}

/// Moves the database aside on purpose (`hearsay library index --rebuild`) and opens a
/// new one.
pub fn rebuild(path: &Path) -> Result<(Connection, Option<String>)> {
    if path.exists() {
        let aside = move_aside(path, &Unusable::Corrupt(String::new()))?;
        let _ = std::fs::remove_file(&aside);
        for extra in ["-wal", "-shm"] {
            let _ = std::fs::remove_file(with_suffix(&aside, extra));
        }
    }
    open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_gets_the_current_schema_and_fts5() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub").join("library.sqlite");
        let (conn, notice) = open(&path).unwrap();
        assert!(notice.is_none());
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        conn.execute(
            "INSERT INTO articles(hash, analyzer, title, bytes, quotes, claims, speakers, unnamed)
             VALUES ('h', 1, 't', 1, 0, 0, 0, 0)",
            [],
        )
        .unwrap();
        conn.execute(
            "INSERT INTO passages(article, start, body, speakers, kinds)
             VALUES (1, 0, 'the harbour flooded', 'Ana Ruiz', 'person')",
            [],
        )
        .unwrap();
        // the indexer fills the full-text index from the passages
        conn.execute(
            "INSERT INTO passages_fts(rowid, body, speakers, kinds)
             SELECT id, body, speakers, kinds FROM passages",
            [],
        )
        .unwrap();
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM passages_fts WHERE passages_fts MATCH 'harbour'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1);
        drop(conn);
        // opening again changes nothing
        let (_, notice) = open(&path).unwrap();
        assert!(notice.is_none());
    }

    #[test]
    fn a_version_1_database_is_migrated_keeping_its_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(V1).unwrap();
            conn.execute(
                "INSERT INTO articles(hash, analyzer, title, bytes, quotes, claims, speakers, unnamed)
                 VALUES ('h', 1, 'Tide gates fail', 1, 0, 0, 0, 0)",
                [],
            )
            .unwrap();
            conn.pragma_update(None, "user_version", 1).unwrap();
        }
        let (conn, notice) = open(&path).unwrap();
        assert!(notice.is_none(), "{notice:?}");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let (title, url): (String, Option<String>) = conn
            .query_row("SELECT title, url FROM articles", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap();
        assert_eq!((title.as_str(), url), ("Tide gates fail", None));
    }

    #[test]
    fn garbage_is_moved_aside_and_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        std::fs::write(&path, vec![0x5a; 8192]).unwrap();
        let (conn, notice) = open(&path).unwrap();
        let notice = notice.expect("a notice");
        assert!(notice.contains("moved to"), "{notice}");
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let aside: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().contains(".corrupt-"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert_eq!(std::fs::read(aside[0].path()).unwrap(), vec![0x5a; 8192]);
    }

    #[test]
    fn a_newer_schema_is_moved_aside_not_downgraded() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("library.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.pragma_update(None, "user_version", SCHEMA_VERSION + 5)
                .unwrap();
        }
        let (_, notice) = open(&path).unwrap();
        let notice = notice.expect("a notice");
        assert!(notice.contains("newer hearsay"), "{notice}");
        assert!(
            std::fs::read_dir(dir.path())
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().contains(".newer-"))
        );
    }
}
