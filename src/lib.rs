//! hearsay: a terminal reader for news articles that shows who said what.
//!
//! The library holds everything that does not touch the terminal:
//! - [`document`]: bytes → [`document::Document`] (typed blocks with clean text and source
//!   offsets), and reflow of block text to a width;
//! - [`attribution`]: quotes, speakers and claims found in a document;
//! - [`annotations`]: highlights anchored to source offsets, their TOML store and exports;
//! - [`config`]: the user's configuration merged over the embedded default;
//! - [`keymap`]: key notation and the action names the keymap binds;
//! - [`library`]: every article under a folder in an SQLite index: speakers across articles,
//!   full-text search;
//! - [`report`]: the JSON that `hearsay analyze` prints;
//! - [`printable`]: text made safe to write to a terminal (file names, notes, tags).
//!
//! - [`tui`]: the terminal reader. It is the only module that imports ratatui; it sits in the
//!   library rather than the binary so that integration tests and benches can drive it.
//!
//! The binary (`src/main.rs`) is the CLI on top.

pub mod annotations;
pub mod attribution;
pub mod config;
pub mod diff;
pub mod document;
pub mod keymap;
pub mod library;
pub mod printable;
pub mod report;
pub mod tui;
