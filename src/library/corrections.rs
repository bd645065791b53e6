//! The user's corrections to the speakers index: people to merge and name variants to split
//! off, kept in `$XDG_DATA_HOME/hearsay/people.toml`, a file the user owns and may edit.
//!
//! The database never holds them: the speakers index is computed from the articles and then
//! corrected, so a rebuilt database loses nothing. The file is written atomically (temporary
//! file, sync, rename, previous version kept as `.bak`); a broken file is reported with line
//! and column and never overwritten. Keys this version does not know are kept.
//!
//! ```toml
//! version = 1
//!
//! # these names are one person
//! [[merge]]
//! names = ["Derek S. Maltz", "D. Maltz"]
//!
//! # the "Ana Ruiz" of these articles (SHA-256 of the file) is someone else
//! [[split]]
//! name = "Ana Ruiz"
//! articles = ["3f1c…"]
//! ```

use crate::annotations::store::{line_col, write_atomic};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The version of the corrections file this build writes.
pub const CORRECTIONS_VERSION: u32 = 1;

/// Errors of the corrections file.
#[derive(Debug, thiserror::Error)]
pub enum CorrectionsError {
    /// Not valid TOML or not the expected shape.
    #[error(
        "people corrections file '{path}' is broken at line {line}, column {column}: {message}; fix or move it away (it is not changed until then)"
    )]
    Parse {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// Reading or writing failed.
    #[error("could not {action} '{path}': {message}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The cause.
        message: String,
    },
}

/// People the user says are one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Merge {
    /// Names (as the speakers index shows them, or as an article names them).
    pub names: Vec<String>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// A name variant the user says is a different person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Split {
    /// The name as articles give it.
    pub name: String,
    /// SHA-256 of the articles where the name means the other person; empty: all of them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<String>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

/// The corrections file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corrections {
    /// File format version.
    #[serde(default = "version")]
    pub version: u32,
    /// Merges, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub merge: Vec<Merge>,
    /// Splits, in the order they were made.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub split: Vec<Split>,
    /// Keys this version does not know.
    #[serde(flatten)]
    pub extra: toml::Table,
}

fn version() -> u32 {
    CORRECTIONS_VERSION
}

impl Default for Corrections {
    fn default() -> Self {
        Corrections {
            version: CORRECTIONS_VERSION,
            merge: Vec::new(),
            split: Vec::new(),
            extra: toml::Table::new(),
        }
    }
}

/// The default corrections file: `$XDG_DATA_HOME/hearsay/people.toml`.
pub fn default_path() -> super::Result<PathBuf> {
    Ok(super::data_home()?.join("people.toml"))
}

impl Corrections {
    /// Reads the corrections file; a missing file is no corrections.
    pub fn load(path: &Path) -> Result<Corrections, CorrectionsError> {
        let bytes = match std::fs::read(path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Corrections::default());
            }
            Err(e) => {
                return Err(CorrectionsError::Io {
                    action: "read",
                    path: path.to_path_buf(),
                    message: e.to_string(),
                });
            }
        };
        let broken = |at: usize, message: String| {
            let (line, column) = line_col(&bytes, at);
            CorrectionsError::Parse {
                path: path.to_path_buf(),
                line,
                column,
                message,
            }
        };
        let text = std::str::from_utf8(&bytes)
            .map_err(|e| broken(e.valid_up_to(), "not UTF-8 text".into()))?;
        toml::from_str(text).map_err(|e| {
            let at = e.span().map_or(0, |s| s.start);
            broken(at, e.message().to_string())
        })
    }

    /// Writes the corrections atomically, keeping the previous file as `.bak`.
    pub fn save(&self, path: &Path) -> Result<(), CorrectionsError> {
        let io = |action, message: String| CorrectionsError::Io {
            action,
            path: path.to_path_buf(),
            message,
        };
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| io("create the folder of", e.to_string()))?;
        }
        let text = toml::to_string(self).map_err(|e| io("write", e.to_string()))?;
        let old = std::fs::read(path).ok();
        write_atomic(path, text.as_bytes(), old.as_deref(), 1)
            .map_err(|e| io("write", e.to_string()))
    }

    /// Records that these names are one person.
    pub fn add_merge(&mut self, names: Vec<String>) {
        self.merge.push(Merge {
            names,
            extra: toml::Table::new(),
        });
    }

    /// Records that `name` in these articles (all when empty) is a person of their own.
    pub fn add_split(&mut self, name: String, articles: Vec<String>) {
        self.split.push(Split {
            name,
            articles,
            extra: toml::Table::new(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_keeps_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("people.toml");
        std::fs::write(
            &path,
            "version = 1\nowner = \"me\"\n[[merge]]\nnames = [\"A B\", \"A. B\"]\nwhy = \"same\"\n",
        )
        .unwrap();
        let mut c = Corrections::load(&path).unwrap();
        assert_eq!(c.merge[0].names, ["A B", "A. B"]);
        c.add_split("C D".into(), vec!["abc".into()]);
        c.save(&path).unwrap();
        let again = Corrections::load(&path).unwrap();
        assert_eq!(again, c);
        assert_eq!(again.extra["owner"].as_str(), Some("me"));
        assert_eq!(again.merge[0].extra["why"].as_str(), Some("same"));
        assert!(dir.path().join("people.toml.bak").exists());
    }

    #[test]
    fn a_broken_file_says_where() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("people.toml");
        std::fs::write(&path, "version = 1\n[[merge]]\nnames = [\"A B\"\n").unwrap();
        let e = Corrections::load(&path).unwrap_err().to_string();
        assert!(e.contains("line 3") || e.contains("line 4"), "{e}");
        assert!(e.contains("people.toml"), "{e}");
    }

    #[test]
    fn a_missing_file_is_no_corrections() {
        let dir = tempfile::tempdir().unwrap();
        let c = Corrections::load(&dir.path().join("none.toml")).unwrap();
        assert_eq!(c, Corrections::default());
    }
}
