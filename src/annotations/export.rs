//! Exports of an article's highlights: Markdown, W3C Web Annotation JSON, Readwise CSV, TOML.
//!
//! - Markdown: a heading for the article, then one section per speaker (in order of first
//!   highlight; passages without a speaker last), each highlight a block quote followed by a
//!   line with its kind, status and tags, and the note beneath — ready for Obsidian.
//! - JSON: an `AnnotationCollection` of the W3C Web Annotation data model; each highlight
//!   targets the article with a `TextQuoteSelector` (exact, prefix, suffix) and a
//!   `TextPositionSelector` in code points of the source; the note, tags and status are
//!   `TextualBody`s with purposes `commenting`, `tagging` and `assessing`.
//! - CSV: the columns Readwise imports (Highlight, Title, Author, URL, Note, Location); tags are
//!   appended to the note as `.tag`, Readwise's inline tag syntax; Location is the code point
//!   offset of the highlight in the source.
//! - TOML: the highlights file itself, normalised.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::highlight::Highlight;
use super::store::{Location, Store};
use crate::document::Document;
use crate::printable::{escaped, printable_text};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown grouped by speaker.
    Markdown,
    /// The highlights file, normalised.
    Toml,
    /// W3C Web Annotation JSON.
    Json,
    /// Readwise CSV.
    Csv,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Toml => "toml",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

/// Errors while exporting.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The CSV writer failed.
    #[error("could not write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Writing the export file failed.
    #[error("could not write '{path}': {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
}

/// Renders the highlights of `store` (opened for `doc`) in `format`.
///
/// Notes, tags, speakers and the article's name come from a file anyone can write, and an
/// export is often printed to the terminal: no control or bidi control character (see
/// [`crate::printable`]) is written as it is. JSON and TOML escape them (`\u001B`), so
/// nothing is lost; Markdown and CSV show them as `␛`-style pictures.
pub fn render(store: &Store, doc: &Document, format: Format) -> Result<String, ExportError> {
    Ok(match format {
        Format::Markdown => printable_text(&markdown(store, doc)).into_owned(),
        Format::Toml => {
            let toml = store.to_toml();
            let escaped = escaped(&toml).into_owned();
            // a forbidden character in a literal ('…') string cannot be escaped: show it
            if toml::from_str::<toml::Table>(&escaped).ok()
                == toml::from_str::<toml::Table>(&toml).ok()
            {
                escaped
            } else {
                printable_text(&toml).into_owned()
            }
        }
        Format::Json => {
            let mut s = serde_json::to_string_pretty(&web_annotation(store, doc))
                .unwrap_or_else(|e| unreachable!("JSON values serialize: {e}"));
            s.push('\n');
            escaped(&s).into_owned()
        }
        Format::Csv => printable_text(&readwise_csv(store, doc)?).into_owned(),
    })
}

/// Where the reader's `e` key writes an export: beside the highlights file, with the
/// format's extension instead of `.toml` (`story.txt.hearsay.md`).
pub fn default_path(location: &Location, format: Format) -> PathBuf {
    location.path.with_extension(format.extension())
}

/// Renders and writes an export to `path` (atomically: temporary file, then rename).
pub fn write(
    store: &Store,
    doc: &Document,
    format: Format,
    path: &Path,
) -> Result<(), ExportError> {
    let text = render(store, doc, format)?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp.{}", std::process::id()));
    let io = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    std::fs::write(&tmp, text).map_err(io)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(e)
    })
}

fn title(store: &Store) -> String {
    let a = store.article();
    if a.title.is_empty() {
        a.source.clone()
    } else {
        a.title.clone()
    }
}

/// Code point offset of byte `b` in `s` (clamped).
fn code_points(s: &str, b: usize) -> usize {
    let b = s.floor_char_boundary(b.min(s.len()));
    s[..b].chars().count()
}

/// The Markdown export.
pub fn markdown(store: &Store, doc: &Document) -> String {
    let mut out = format!("# {}\n\n", one_line(&title(store)));
    let a = store.article();
    let mut facts = vec![format!("Source: `{}`", a.source)];
    if let Some(by) = &doc.meta.byline {
        facts.push(format!("By {by}"));
    }
    if let Some(date) = &doc.meta.date {
        facts.push(date.clone());
    }
    let n = store.highlights().len();
    facts.push(format!("{n} highlight{}", if n == 1 { "" } else { "s" }));
    out.push_str(&facts.join(" · "));
    out.push('\n');
    let mut speakers: Vec<Option<&str>> = Vec::new();
    for h in store.highlights() {
        let s = h.speaker.as_deref();
        if s.is_some() && !speakers.contains(&s) {
            speakers.push(s);
        }
    }
    if store.highlights().iter().any(|h| h.speaker.is_none()) {
        speakers.push(None);
    }
    for s in speakers {
        out.push_str(&format!(
            "\n## {}\n",
            s.map_or("Other passages".into(), one_line)
        ));
        for h in store
            .highlights()
            .iter()
            .filter(|h| h.speaker.as_deref() == s)
        {
            out.push('\n');
            markdown_item(&mut out, h);
        }
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn markdown_item(out: &mut String, h: &Highlight) {
    for (i, para) in h.text.split("\n\n").enumerate() {
        if i > 0 {
            out.push_str(">\n");
        }
        out.push_str("> ");
        out.push_str(&one_line(para));
        out.push('\n');
    }
    let mut line = vec![h.kind.as_str().to_string()];
    if let Some(st) = h.status {
        line.push(format!("**{st}**"));
    }
    if h.anchor.is_orphaned() {
        line.push("*orphaned: not found in the current article*".into());
    }
    for t in &h.tags {
        line.push(format!(
            "#{}",
            t.split_whitespace().collect::<Vec<_>>().join("-")
        ));
    }
    out.push_str(">\n> — ");
    out.push_str(&line.join(" · "));
    out.push('\n');
    if !h.note.trim().is_empty() {
        out.push('\n');
        out.push_str(h.note.trim());
        out.push('\n');
    }
}

/// The W3C Web Annotation export (an `AnnotationCollection`).
pub fn web_annotation(store: &Store, doc: &Document) -> Value {
    let a = store.article();
    let source = if a.source.is_empty() || a.source == "-" {
        format!("urn:sha256:{}", a.sha256)
    } else {
        a.source.clone()
    };
    let items: Vec<Value> = store
        .highlights()
        .iter()
        .map(|h| annotation(h, &source, &doc.source))
        .collect();
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationCollection",
        "label": format!("Highlights: {}", title(store)),
        "total": items.len(),
        "first": {
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

fn annotation(h: &Highlight, source: &str, text: &str) -> Value {
    let mut body = Vec::new();
    if !h.note.is_empty() {
        body.push(json!({
            "type": "TextualBody",
            "purpose": "commenting",
            "value": h.note,
            "format": "text/plain",
        }));
    }
    for t in &h.tags {
        body.push(json!({ "type": "TextualBody", "purpose": "tagging", "value": t }));
    }
    if let Some(st) = h.status {
        body.push(json!({ "type": "TextualBody", "purpose": "assessing", "value": st.as_str() }));
    }
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": h.text,
        "prefix": h.prefix,
        "suffix": h.suffix,
    })];
    if !h.anchor.is_orphaned() {
        selector.push(json!({
            "type": "TextPositionSelector",
            "start": code_points(text, h.start),
            "end": code_points(text, h.end),
        }));
    }
    let mut v = json!({
        "id": format!("urn:hearsay:highlight:{}", h.id),
        "type": "Annotation",
        "motivation": if h.note.is_empty() { "highlighting" } else { "commenting" },
        "created": h.created.to_string(),
        "modified": h.updated.to_string(),
        "target": { "source": source, "selector": selector },
        "hearsay:kind": h.kind.as_str(),
    });
    if !body.is_empty() {
        v["body"] = Value::Array(body);
    }
    if let Some(s) = &h.speaker {
        v["hearsay:speaker"] = json!(s);
    }
    v
}

/// The Readwise CSV export.
pub fn readwise_csv(store: &Store, doc: &Document) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(["Highlight", "Title", "Author", "URL", "Note", "Location"])?;
    let title = title(store);
    let author = doc.meta.byline.clone().unwrap_or_default();
    for h in store.highlights() {
        let mut note = h.note.trim().to_string();
        if !h.tags.is_empty() {
            let tags: Vec<String> = h
                .tags
                .iter()
                .map(|t| format!(".{}", t.split_whitespace().collect::<Vec<_>>().join("-")))
                .collect();
            if !note.is_empty() {
                note.push('\n');
            }
            note.push_str(&tags.join(" "));
        }
        let location = code_points(&doc.source, h.start).to_string();
        w.write_record([
            h.text.as_str(),
            title.as_str(),
            author.as_str(),
            "",
            note.as_str(),
            location.as_str(),
        ])?;
    }
    let bytes = w.into_inner().map_err(|e| ExportError::Io {
        path: PathBuf::from("<csv>"),
        source: e.into_error(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
