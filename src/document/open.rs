//! Choosing a reader for the input: plain text, HTML or Markdown.
//!
//! The format is the one the user forced, else the one the file name says (`.html`, `.md`,
//! …; a `.txt` name is still sniffed), else HTML when the content starts like a web page (`<!doctype html`, `<html`, after
//! any BOM, white space, comments or XML declaration), else plain text. Markdown is never
//! sniffed: plain text articles often look like Markdown by accident.
//!
//! For HTML and Markdown the document's [`Document::source`] is the *extracted* text (title,
//! dek, dateline, byline, then the body blocks separated by blank lines), not the markup:
//! every offset in the model, and so every highlight, refers to that extracted text.

pub(crate) mod build;

use super::{DecodeError, Document, decode, ingest};

pub use build::Link;

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

impl Format {
    /// The format a file name's extension says, if it says one.
    ///
    /// ```
    /// use hearsay::document::Format;
    /// assert_eq!(Format::from_name("Saved Page.HTM"), Some(Format::Html));
    /// assert_eq!(Format::from_name("notes.md"), Some(Format::Markdown));
    /// assert_eq!(Format::from_name("-"), None);
    /// ```
    pub fn from_name(name: &str) -> Option<Format> {
        let (_, ext) = name.rsplit_once('.')?;
        if ext.contains(['/', '\\']) {
            return None;
        }
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" | "xht" | "shtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdwn" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format the content looks like: HTML when it starts like a web page, else text.
    ///
    /// ```
    /// use hearsay::document::Format;
    /// assert_eq!(Format::sniff("\u{feff}<!-- saved -->\n<!DOCTYPE html><p>x"), Format::Html);
    /// assert_eq!(Format::sniff("<html lang=en>"), Format::Html);
    /// assert_eq!(Format::sniff("A headline\n<html> is a tag"), Format::Text);
    /// ```
    pub fn sniff(text: &str) -> Format {
        let mut s = text.trim_start_matches('\u{feff}').trim_start();
        // skip comments and an XML declaration before the doctype
        for _ in 0..16 {
            if let Some(rest) = s.strip_prefix("<!--") {
                match rest.find("-->") {
                    Some(end) => s = rest[end + 3..].trim_start(),
                    None => return Format::Text,
                }
            } else if let Some(rest) = s.strip_prefix("<?") {
                match rest.find("?>") {
                    Some(end) => s = rest[end + 2..].trim_start(),
                    None => return Format::Text,
                }
            } else {
                break;
            }
        }
        let head: String = s.chars().take(16).collect::<String>().to_ascii_lowercase();
        let html = head.starts_with("<!doctype html")
            || head
                .strip_prefix("<html")
                .is_some_and(|r| r.is_empty() || r.starts_with([' ', '>', '\n', '\r', '\t']));
        if html { Format::Html } else { Format::Text }
    }

    /// Chooses the format: forced, else by name, else sniffed from the content. A `.txt`
    /// name is weak evidence (pages get saved or downloaded under any name), so such files
    /// are still sniffed for HTML.
    pub fn detect(forced: Option<Format>, name: Option<&str>, text: &str) -> Format {
        forced
            .or_else(|| {
                name.and_then(Format::from_name)
                    .filter(|f| *f != Format::Text)
            })
            .unwrap_or_else(|| Format::sniff(text))
    }
}

/// Opens article bytes. `name` (a file name, when there is one) and `format` (forced by the
/// user) choose the reader; otherwise the content is sniffed (see [`Format::detect`]).
///
/// For HTML and Markdown, offsets refer to the extracted text in [`Document::source`].
///
/// ```
/// use hearsay::document::{open, BlockKind};
/// let page = b"<!doctype html><title>Tide - Courier</title><article><h1>Tide</h1>\
///     <p>The water rose.</p></article>";
/// let doc = open(page, None, None).unwrap();
/// assert_eq!(doc.meta.title.as_deref(), Some("Tide"));
/// assert_eq!(doc.paragraphs().next().unwrap().1.text, "The water rose.");
/// ```
pub fn open(
    bytes: &[u8],
    name: Option<&str>,
    format: Option<Format>,
) -> Result<Document, DecodeError> {
    let legacy = std::str::from_utf8(bytes).is_err().then_some(bytes);
    read(decode(bytes)?, legacy, name, format)
}

/// [`open`] for bytes the caller gives away: a valid UTF-8 file becomes the document's
/// source without being copied.
pub fn open_owned(
    bytes: Vec<u8>,
    name: Option<&str>,
    format: Option<Format>,
) -> Result<Document, DecodeError> {
    if std::str::from_utf8(&bytes).is_err() {
        return open(&bytes, name, format);
    }
    read(super::decode::decode_owned(bytes)?, None, name, format)
}

/// Builds the document from decoded text; `legacy` holds the raw bytes when they were not
/// UTF-8 (a page may then be re-read in the encoding it declares).
fn read(
    mut decoded: super::decode::Decoded,
    legacy: Option<&[u8]>,
    name: Option<&str>,
    format: Option<Format>,
) -> Result<Document, DecodeError> {
    let format = Format::detect(format, name, &decoded.text);
    // (a byte order mark says the encoding, and `decode` has used it)
    if format == Format::Html
        && let Some(bytes) = legacy
        && encoding_rs::Encoding::for_bom(bytes).is_none()
    {
        // a page saved in its legacy encoding: read it the way a browser would
        let (encoding, declared) = match html_charset(bytes) {
            Some(e) => (e, true),
            None => (encoding_rs::WINDOWS_1252, false),
        };
        if encoding != encoding_rs::UTF_8 {
            let (text, _, errors) = encoding.decode(bytes);
            decoded.text = text.into_owned();
            decoded.warnings = if errors {
                vec![format!(
                    "the page is not valid {}: some characters are shown as �",
                    encoding.name()
                )]
            } else if declared {
                Vec::new()
            } else {
                vec![format!(
                    "the page is not UTF-8 and declares no encoding: read as {}",
                    encoding.name()
                )]
            };
        }
    }
    let mut doc = match format {
        Format::Text => ingest(decoded.text),
        Format::Html => super::html::read(&decoded.text)?.document,
        Format::Markdown => super::markdown::read(&decoded.text)?,
    };
    doc.warnings.splice(0..0, decoded.warnings);
    Ok(doc)
}

/// The encoding a page declares in its first few kilobytes (`<meta charset=…>` or an
/// `http-equiv` content type), if `encoding_rs` knows the label.
fn html_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    let at = head.find("charset=")?;
    let rest = head[at + "charset=".len()..].trim_start_matches(['"', '\'', ' ']);
    let label: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
        .collect();
    encoding_rs::Encoding::for_label(label.as_bytes())
}
