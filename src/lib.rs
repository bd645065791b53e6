//! hearsay: a terminal reader for news articles that shows who said what.
//!
//! The library holds everything that does not touch the terminal:
//! - [`document`]: bytes → [`document::Document`] (typed blocks with clean text and source
//!   offsets), and reflow of block text to a width;
//! - [`attribution`]: quotes, speakers and claims found in a document;
//! - [`annotations`]: highlights anchored to source offsets, their TOML store and exports;
//! - [`config`]: the user's configuration merged over the embedded default;
//! - [`keymap`]: key notation and the action names the keymap binds;
//! - [`report`]: the JSON that `hearsay analyze` prints.
//!
//! The binary (`src/main.rs`, `src/tui/`) is the CLI and the terminal UI on top.

pub mod attribution;
pub mod document;
pub mod report;
