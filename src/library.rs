//! The library: every article under a folder, indexed in an embedded SQLite database so that
//! the articles, the people who speak in them and their words can be listed and searched
//! across the whole folder.
//!
//! - [`scan`]: finds the article files under a folder (with size and modification time);
//! - [`db`]: opens the database (`$XDG_DATA_HOME/hearsay/library.sqlite`): WAL, a busy
//!   timeout so two processes wait for each other, versioned schema with migrations, and a
//!   corrupt or newer-schema file moved aside and rebuilt;
//! - [`index`]: brings the database up to date with the folder on every core, re-reading
//!   only files whose size or modification time changed and re-analysing only content it
//!   has not seen (articles are keyed by their SHA-256, so a moved file keeps its analysis);
//!   interruptible, committed in batches so a killed run resumes;
//! - [`people`]: the speakers index: one row per person or organisation across articles,
//!   however each article names them, never merging two people who share a surname;
//! - [`corrections`]: the user's merges and splits of people, kept in a TOML file they own;
//! - [`search`]: the query language (words, `"phrases"`, `speaker:`, `kind:`,
//!   `publication:"…"`) over SQLite's FTS5;
//! - [`versions`]: files that are versions of one article (same canonical address, or same
//!   title and publication), grouped with their timeline;
//! - [`articles`]: the list of articles with what the user did with them (highlights, how
//!   far they read), read from their highlights files.
//!
//! The database is a cache: everything in it can be rebuilt from the article files. The
//! user's data (highlights, corrections) stays in their own files.

pub mod articles;
pub mod corrections;
pub mod db;
pub mod index;
pub mod people;
pub mod scan;
pub mod search;
pub mod versions;

pub use articles::ArticleEntry;
pub use corrections::Corrections;
pub use index::{IndexReport, Progress};
pub use people::{Person, Statement};
pub use search::{Hit, Query};

use rusqlite::Connection;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

/// Errors of the library. Messages are one sentence and say how to fix the problem.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The database failed.
    #[error("library database '{path}': {source}")]
    Db {
        /// The database file.
        path: PathBuf,
        /// The cause.
        source: rusqlite::Error,
    },
    /// A file or folder could not be read or written.
    #[error("could not {action} '{path}': {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The library folder is not a folder.
    #[error("'{0}' is not a folder; give the folder that holds the articles")]
    NotAFolder(PathBuf),
    /// There is no data folder to keep the database in.
    #[error("no data folder for the library database ({0}); set XDG_DATA_HOME")]
    NoDataDir(String),
    /// A search query could not be read.
    #[error("{0}")]
    Query(String),
    /// The corrections file is broken or could not be saved.
    #[error(transparent)]
    Corrections(#[from] corrections::CorrectionsError),
}

/// Result of library operations.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;

/// `$XDG_DATA_HOME/hearsay` (or the platform's equivalent): where the database and the
/// people corrections live.
pub fn data_home() -> Result<PathBuf> {
    use etcetera::BaseStrategy;
    let base =
        etcetera::choose_base_strategy().map_err(|e| LibraryError::NoDataDir(e.to_string()))?;
    Ok(base.data_dir().join("hearsay"))
}

/// The default database file: `$XDG_DATA_HOME/hearsay/library.sqlite`.
pub fn database_path() -> Result<PathBuf> {
    Ok(data_home()?.join("library.sqlite"))
}

/// An open library: a folder of articles and the database that indexes it.
pub struct Library {
    conn: Connection,
    db_path: PathBuf,
    root: PathBuf,
    notice: Option<String>,
}

impl Library {
    /// Opens the library of the folder `root` in the default database.
    pub fn open(root: &Path) -> Result<Library> {
        Library::open_at(&database_path()?, root)
    }

    /// Opens the library of the folder `root` in the database `db_path` (created if missing;
    /// moved aside and rebuilt if corrupt or written by a newer hearsay: see [`Library::notice`]).
    pub fn open_at(db_path: &Path, root: &Path) -> Result<Library> {
        let root = canonical_root(root)?;
        let (conn, notice) = db::open(db_path)?;
        Ok(Library {
            conn,
            db_path: db_path.to_path_buf(),
            root,
            notice,
        })
    }

    /// Opens the library of `root` in a new, empty default database: the old one is
    /// deleted (the index is a cache; highlights and corrections are in their own files).
    pub fn rebuild(root: &Path) -> Result<Library> {
        let db_path = database_path()?;
        let root = canonical_root(root)?;
        let (conn, notice) = db::rebuild(&db_path)?;
        Ok(Library {
            conn,
            db_path,
            root,
            notice,
        })
    }

    /// The folder, as an absolute path.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The database file.
    pub fn db_path(&self) -> &Path {
        &self.db_path
    }

    /// What happened to a database that could not be used (moved aside), to tell the user.
    pub fn notice(&self) -> Option<&str> {
        self.notice.as_deref()
    }

    /// Brings the index up to date with the folder (see [`index::run`]).
    pub fn index(
        &mut self,
        cancel: &AtomicBool,
        progress: &(dyn Fn(Progress) + Sync),
    ) -> Result<IndexReport> {
        index::run(&mut self.conn, &self.db_path, &self.root, cancel, progress)
    }

    /// The articles under the folder that are in the index, with highlights and reading
    /// progress read from their highlights files (`highlights_dir`: the configured folder).
    pub fn articles(&self, highlights_dir: Option<&Path>) -> Result<Vec<ArticleEntry>> {
        articles::list(&self.conn, &self.db_path, &self.root, highlights_dir)
    }

    /// The articles of the folder that have several versions, each with its timeline.
    pub fn versions(&self) -> Result<Vec<versions::Story>> {
        Ok(versions::stories(&self.articles(None)?))
    }

    /// The speakers index of the folder, with the user's corrections applied.
    pub fn people(&self, corrections: &Corrections) -> Result<Vec<Person>> {
        people::list(&self.conn, &self.db_path, &self.root, corrections)
    }

    /// Everything a person said across the folder, by date then place in the article.
    pub fn statements(&self, person: &Person) -> Result<Vec<Statement>> {
        people::statements(&self.conn, &self.db_path, &self.root, person)
    }

    /// Searches the folder; at most `limit` hits, best first.
    pub fn search(&self, query: &Query, limit: usize) -> Result<Vec<Hit>> {
        search::run(&self.conn, &self.db_path, &self.root, query, limit)
    }
}

/// The folder as an absolute, canonical path (so the same folder is one library however it
/// was named on the command line).
fn canonical_root(root: &Path) -> Result<PathBuf> {
    let canon = std::fs::canonicalize(root).map_err(|source| LibraryError::Io {
        action: "open the folder",
        path: root.to_path_buf(),
        source,
    })?;
    if !canon.is_dir() {
        return Err(LibraryError::NotAFolder(root.to_path_buf()));
    }
    Ok(canon)
}

/// The bounds of the paths under `root` in the `files` table: `root/` ≤ path < `root0`
/// (`0` follows `/`), so the primary key index answers "files under this folder".
pub(crate) fn path_bounds(root: &Path) -> (String, String) {
    let r = root.to_string_lossy();
    let r = r.trim_end_matches('/');
    (format!("{r}/"), format!("{r}0"))
}

/// Wraps a database error with the database path.
pub(crate) fn db_err(path: &Path) -> impl FnOnce(rusqlite::Error) -> LibraryError + '_ {
    move |source| LibraryError::Db {
        path: path.to_path_buf(),
        source,
    }
}
