//! Exports of articles' highlights and corrected analysis: Markdown notes, W3C Web
//! Annotation JSON, Readwise CSV, the sourcing audit (Markdown and CSV) and normalised TOML.
//!
//! Every export works from an [`Article`]: the document, its highlights [`Store`] and its
//! analysis with the saved corrections applied ([`correction::apply`]), so the speakers,
//! the sourcing counts and the "corrected by hand" marks are the ones the reader shows.
//! [`render_all`] takes many articles (a library-wide export): CSV, JSON and the audit
//! gather them in one output; Markdown notes and TOML are one file per article.
//!
//! - Markdown (Obsidian, Logseq): YAML front matter (title, author, publication, date,
//!   source, tags, `sourcing` counts, corrections), then one section per speaker (in order
//!   of first highlight; passages without a speaker last), each highlight a block quote
//!   followed by a line with its kind, status, tags and a link back to its place
//!   (`hearsay://open?source=…&offset=…`, the byte offset of the TOML file), the note
//!   beneath; then the corrections made by hand.
//! - JSON: an `AnnotationCollection` of the W3C Web Annotation data model; each highlight
//!   targets the article with a `TextQuoteSelector` (exact, prefix, suffix) and a
//!   `TextPositionSelector` in code points of the source (as the model counts); the note,
//!   tags and status are `TextualBody`s with purposes `commenting`, `tagging` and
//!   `assessing`. Each correction is an annotation with motivation `editing`.
//! - CSV: the seven columns Readwise documents (Highlight, Title, Author, URL, Note,
//!   Location, Date); the speaker opens the note, tags close it as `.tag` (Readwise's inline
//!   tag syntax); Author is the byline, or else the publication; Location is the byte
//!   offset of the highlight in the source, the unit of the TOML file's `start`; Date is
//!   when the highlight was made (UTC, `YYYY-MM-DD HH:MM:SS`).
//! - Audit (Markdown or CSV): every speaker with kind and role, each of their claims with
//!   kind (direct, indirect, mixed), cue, check status and note (from a highlight over the
//!   claim), the share of claims on unnamed sources, and which attributions were corrected
//!   by hand — what a fact-checker files.
//! - TOML: the highlights file itself, normalised.

use std::path::{Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::correction::{self, Applied, Correction, targets};
use super::highlight::{Highlight, Kind};
use super::store::{Location, Store};
use crate::attribution::{Analysis, ClaimKind, SpeakerOut};
use crate::document::Document;
use crate::printable::{escaped, printable_text};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown grouped by speaker, with YAML front matter (Obsidian, Logseq).
    Markdown,
    /// The highlights file, normalised.
    Toml,
    /// W3C Web Annotation JSON.
    Json,
    /// Readwise CSV.
    Csv,
    /// The sourcing audit in Markdown.
    Audit,
    /// The sourcing audit in CSV (one row per claim).
    AuditCsv,
}

impl Format {
    /// The usual file extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Toml => "toml",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Audit => "audit.md",
            Format::AuditCsv => "audit.csv",
        }
    }

    /// True for formats that gather many articles in one output ([`render_all`]).
    pub fn takes_many(self) -> bool {
        !matches!(self, Format::Markdown | Format::Toml)
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
    /// A one-article format was asked for several articles.
    #[error("the {0} export holds one article; export each article on its own")]
    OneArticle(&'static str),
}

/// Characters escaped in a link's query value: all but letters, digits and `-._~/` (RFC
/// 3986's unreserved characters, and `/` so a path stays readable).
const QUERY_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~')
    .remove(b'/');

/// One article to export: the document, its highlights, and its analysis with the saved
/// corrections applied.
#[derive(Debug)]
pub struct Article<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its highlights and corrections.
    pub store: &'a Store,
    /// The corrected analysis.
    pub analysis: Analysis,
    /// What the corrections changed.
    pub applied: Applied,
}

impl<'a> Article<'a> {
    /// Analyses `doc` and applies the corrections saved in `store`.
    pub fn new(doc: &'a Document, store: &'a Store) -> Self {
        let (analysis, applied) = correction::analyze_corrected(doc, store.corrections().list());
        Article {
            doc,
            store,
            analysis,
            applied,
        }
    }

    /// The headline, or the source name when there is none.
    fn title(&self) -> String {
        let a = self.store.article();
        if a.title.is_empty() {
            a.source.clone()
        } else {
            a.title.clone()
        }
    }

    /// The byline, or else the publication.
    fn author(&self) -> String {
        let m = &self.doc.meta;
        m.byline
            .clone()
            .or_else(|| m.publication.clone())
            .unwrap_or_default()
    }

    /// The article as a URI for annotation targets: `file://` and its absolute path, or
    /// `urn:sha256:…` for standard input (the model wants a URI, not a relative path).
    fn source_uri(&self) -> String {
        let a = self.store.article();
        match std::path::absolute(&a.source) {
            Ok(path) if !(a.source.is_empty() || a.source == "-") => {
                let path = path.to_string_lossy();
                format!("file://{}", utf8_percent_encode(&path, QUERY_VALUE))
            }
            _ => format!("urn:sha256:{}", a.sha256),
        }
    }

    /// A link back to a byte offset of the article, for notes.
    fn link(&self, offset: usize) -> String {
        let a = self.store.article();
        format!(
            "hearsay://open?source={}&sha256={}&offset={offset}",
            utf8_percent_encode(&a.source, QUERY_VALUE),
            a.sha256
        )
    }

    /// The speaker of a highlight and whether a correction gave it: a correction of the
    /// quote or claim under a highlight wins over the name saved with the highlight.
    fn speaker_of(&self, h: &Highlight) -> (Option<String>, bool) {
        if h.kind != Kind::Passage && !h.anchor.is_orphaned() {
            let a = &self.analysis;
            let name = |s: Option<usize>| s.and_then(|s| a.speaker(s)).map(|s| s.name.clone());
            let range = h.range();
            for (i, q) in a.quotes.iter().enumerate() {
                if self.applied.quote(i) && targets(&range, q.start..q.end) {
                    return (name(q.speaker), true);
                }
            }
            for (i, c) in a.claims.iter().enumerate() {
                if self.applied.claim(i) && targets(&range, c.start..c.end) {
                    return (name(c.speaker), true);
                }
            }
        }
        (h.speaker.clone(), false)
    }
}

/// Renders the highlights of `store` (opened for `doc`) in `format`, with the corrected
/// analysis (see [`Article::new`]).
///
/// Notes, tags, speakers and the article's name come from a file anyone can write, and an
/// export is often printed to the terminal: no control or bidi control character (see
/// [`crate::printable`]) is written as it is. JSON and TOML escape them (`\u001B`), so
/// nothing is lost; Markdown and CSV show them as `␛`-style pictures.
pub fn render(store: &Store, doc: &Document, format: Format) -> Result<String, ExportError> {
    render_all(&[Article::new(doc, store)], format)
}

/// Renders many articles in one output (CSV, JSON and the audit; Markdown and TOML take
/// one article: [`ExportError::OneArticle`] otherwise).
pub fn render_all(articles: &[Article], format: Format) -> Result<String, ExportError> {
    let one = || match articles {
        [a] => Ok(a),
        _ => Err(ExportError::OneArticle(match format {
            Format::Toml => "TOML",
            _ => "Markdown",
        })),
    };
    Ok(match format {
        Format::Markdown => printable_text(&markdown(one()?)).into_owned(),
        Format::Toml => {
            let toml = one()?.store.to_toml();
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
            let mut s = serde_json::to_string_pretty(&web_annotation(articles))
                .unwrap_or_else(|e| unreachable!("JSON values serialize: {e}"));
            s.push('\n');
            escaped(&s).into_owned()
        }
        Format::Csv => printable_text(&readwise_csv(articles)?).into_owned(),
        Format::Audit => {
            let parts: Vec<String> = articles.iter().map(audit_markdown).collect();
            printable_text(&parts.join("\n")).into_owned()
        }
        Format::AuditCsv => printable_text(&audit_csv(articles)?).into_owned(),
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
    write_text(&render(store, doc, format)?, path)
}

/// Writes an export's text to `path` atomically (temporary file in the same folder, then
/// rename).
pub fn write_text(text: &str, path: &Path) -> Result<(), ExportError> {
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

/// Code point offset of byte `b` in `s` (clamped).
fn code_points(s: &str, b: usize) -> usize {
    let b = s.floor_char_boundary(b.min(s.len()));
    s[..b].chars().count()
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A YAML scalar: a JSON string (JSON strings are YAML double-quoted scalars), or `null`.
fn yaml_str(s: Option<&str>) -> String {
    match s {
        Some(s) => serde_json::to_string(&one_line(s)).unwrap_or_else(|_| "null".into()),
        None => "null".into(),
    }
}

/// A tag as Obsidian and Logseq accept it: white space made `-`.
fn tag(t: &str) -> String {
    t.split_whitespace().collect::<Vec<_>>().join("-")
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The share of claims on unnamed sources, as `25%` (empty without claims).
fn unnamed_share(a: &Analysis) -> Option<(usize, usize)> {
    let s = &a.sourcing;
    s.unnamed_percent().map(|p| (s.unnamed(), p))
}

/// The YAML front matter of a Markdown note.
fn front_matter(art: &Article) -> String {
    let m = &art.doc.meta;
    let a = art.store.article();
    let mut tags = vec!["hearsay".to_string()];
    for h in art.store.highlights() {
        for t in &h.tags {
            let t = tag(t);
            if !tags.contains(&t) {
                tags.push(t);
            }
        }
    }
    let s = &art.analysis.sourcing;
    let mut out = String::from("---\n");
    out.push_str(&format!("title: {}\n", yaml_str(Some(&art.title()))));
    out.push_str(&format!("author: {}\n", yaml_str(m.byline.as_deref())));
    out.push_str(&format!(
        "publication: {}\n",
        yaml_str(m.publication.as_deref())
    ));
    out.push_str(&format!("date: {}\n", yaml_str(m.date.as_deref())));
    out.push_str(&format!("source: {}\n", yaml_str(Some(&a.source))));
    out.push_str(&format!("sha256: {}\n", yaml_str(Some(&a.sha256))));
    let tags: Vec<String> = tags.iter().map(|t| yaml_str(Some(t))).collect();
    out.push_str(&format!("tags: [{}]\n", tags.join(", ")));
    out.push_str("sourcing:\n");
    for (k, v) in [
        ("claims", s.total()),
        ("named_person", s.named_person),
        ("unnamed_person", s.unnamed_person),
        ("organization", s.organization),
        ("group", s.group),
        ("anonymous", s.anonymous),
        ("document", s.document),
        ("unattributed", s.unattributed),
    ] {
        out.push_str(&format!("  {k}: {v}\n"));
    }
    if let Some((_, pct)) = unnamed_share(&art.analysis) {
        out.push_str(&format!("  unnamed_percent: {pct}\n"));
    }
    out.push_str(&format!("highlights: {}\n", art.store.highlights().len()));
    out.push_str(&format!(
        "corrections: {}\n",
        art.store.corrections().list().len()
    ));
    out.push_str("---\n");
    out
}

/// The Markdown note of one article.
pub fn markdown(art: &Article) -> String {
    let store = art.store;
    let mut out = front_matter(art);
    out.push_str(&format!("\n# {}\n\n", one_line(&art.title())));
    let a = store.article();
    let mut facts = vec![format!("Source: `{}`", a.source)];
    if let Some(by) = &art.doc.meta.byline {
        facts.push(format!("By {by}"));
    }
    if let Some(date) = &art.doc.meta.date {
        facts.push(date.clone());
    }
    let n = store.highlights().len();
    facts.push(plural(n, "highlight", "highlights"));
    out.push_str(&facts.join(" · "));
    out.push('\n');
    let said: Vec<(Option<String>, bool)> = store
        .highlights()
        .iter()
        .map(|h| art.speaker_of(h))
        .collect();
    let mut speakers: Vec<Option<&str>> = Vec::new();
    for (s, _) in &said {
        let s = s.as_deref();
        if s.is_some() && !speakers.contains(&s) {
            speakers.push(s);
        }
    }
    if said.iter().any(|(s, _)| s.is_none()) {
        speakers.push(None);
    }
    for s in speakers {
        out.push_str(&format!(
            "\n## {}\n",
            s.map_or("Other passages".into(), one_line)
        ));
        for (h, (_, corrected)) in store
            .highlights()
            .iter()
            .zip(&said)
            .filter(|(_, (who, _))| who.as_deref() == s)
        {
            out.push('\n');
            markdown_item(&mut out, art, h, *corrected);
        }
    }
    let corrections = store.corrections().list();
    if !corrections.is_empty() {
        out.push_str("\n## Corrections by hand\n\n");
        if art.applied.applied > 0 || art.applied.orphaned > 0 {
            out.push_str(&format!("{}.\n\n", art.applied.summary()));
        }
        for c in corrections {
            out.push_str(&format!("- {}", one_line(&c.describe())));
            if c.is_orphaned() {
                out.push_str(" *(orphaned: not found in the current article)*");
            } else if c.action.is_anchored() {
                out.push_str(&format!(" [\u{21a9}]({})", art.link(c.range().start)));
            }
            out.push('\n');
        }
    }
    out
}

fn markdown_item(out: &mut String, art: &Article, h: &Highlight, corrected: bool) {
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
    if corrected {
        line.push("*speaker corrected by hand*".into());
    }
    if h.anchor.is_orphaned() {
        line.push("*orphaned: not found in the current article*".into());
    }
    for t in &h.tags {
        line.push(format!("#{}", tag(t)));
    }
    if !h.anchor.is_orphaned() {
        line.push(format!("[\u{21a9} source]({})", art.link(h.start)));
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

/// The W3C Web Annotation export of many articles (one `AnnotationCollection`).
pub fn web_annotation(articles: &[Article]) -> Value {
    let mut items: Vec<Value> = Vec::new();
    for art in articles {
        let source = art.source_uri();
        for h in art.store.highlights() {
            items.push(annotation(art, h, &source));
        }
        for c in art.store.corrections().list() {
            items.push(correction_annotation(c, &source, &art.doc.source));
        }
    }
    let label = match articles {
        [a] => format!("Highlights: {}", a.title()),
        _ => format!("Highlights of {} articles", articles.len()),
    };
    // a stable id: the articles' hashes, hashed
    let mut hasher = Sha256::new();
    for art in articles {
        hasher.update(art.store.article().sha256.as_bytes());
    }
    let id: String = hasher.finalize()[..12]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let id = format!("urn:hearsay:collection:{id}");
    json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": id,
        "type": "AnnotationCollection",
        "label": label,
        "total": items.len(),
        "first": {
            "id": format!("{id}:page:1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

/// The selectors of a passage: its text with context, and its place in code points.
fn selectors(
    exact: &str,
    prefix: &str,
    suffix: &str,
    place: Option<std::ops::Range<usize>>,
    text: &str,
) -> Vec<Value> {
    let mut selector = vec![json!({
        "type": "TextQuoteSelector",
        "exact": exact,
        "prefix": prefix,
        "suffix": suffix,
    })];
    if let Some(r) = place {
        selector.push(json!({
            "type": "TextPositionSelector",
            "start": code_points(text, r.start),
            "end": code_points(text, r.end),
        }));
    }
    selector
}

fn annotation(art: &Article, h: &Highlight, source: &str) -> Value {
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
    let place = (!h.anchor.is_orphaned()).then(|| h.range());
    let selector = selectors(&h.text, &h.prefix, &h.suffix, place, &art.doc.source);
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
    let (speaker, corrected) = art.speaker_of(h);
    if let Some(s) = speaker {
        v["hearsay:speaker"] = json!(s);
    }
    if corrected {
        v["hearsay:speakerCorrected"] = json!(true);
    }
    v
}

/// A correction as an annotation with motivation `editing`: the body says what was
/// corrected; the target is the passage (or the whole article, for a speaker correction).
fn correction_annotation(c: &Correction, source: &str, text: &str) -> Value {
    let target = if c.action.is_anchored() {
        let place = (!c.is_orphaned()).then(|| c.range());
        json!({
            "source": source,
            "selector": selectors(&c.text, &c.prefix, &c.suffix, place, text),
        })
    } else {
        json!(source)
    };
    let mut v = json!({
        "id": format!("urn:hearsay:correction:{}", c.id),
        "type": "Annotation",
        "motivation": "editing",
        "created": c.created.to_string(),
        "body": {
            "type": "TextualBody",
            "purpose": "editing",
            "value": c.describe(),
            "format": "text/plain",
        },
        "target": target,
        "hearsay:action": c.action.as_str(),
    });
    if !c.speaker.is_empty() {
        v["hearsay:speaker"] = json!(c.speaker);
    }
    if let Some(k) = c.speaker_kind {
        v["hearsay:speakerKind"] = json!(k.as_str());
    }
    if !c.into.is_empty() {
        v["hearsay:into"] = json!(c.into);
    }
    if c.is_orphaned() {
        v["hearsay:orphaned"] = json!(true);
    }
    v
}

/// The Readwise CSV export of many articles.
pub fn readwise_csv(articles: &[Article]) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Highlight",
        "Title",
        "Author",
        "URL",
        "Note",
        "Location",
        "Date",
    ])?;
    for art in articles {
        let title = art.title();
        let author = art.author();
        for h in art.store.highlights() {
            let mut lines = Vec::new();
            let (speaker, corrected) = art.speaker_of(h);
            if let Some(s) = speaker {
                lines.push(if corrected {
                    format!("Speaker: {s} (corrected by hand)")
                } else {
                    format!("Speaker: {s}")
                });
            }
            if !h.note.trim().is_empty() {
                lines.push(h.note.trim().to_string());
            }
            if !h.tags.is_empty() {
                let tags: Vec<String> = h.tags.iter().map(|t| format!(".{}", tag(t))).collect();
                lines.push(tags.join(" "));
            }
            let note = lines.join("\n");
            let location = h.start.to_string();
            let date = readwise_date(&h.created);
            w.write_record([
                h.text.as_str(),
                title.as_str(),
                author.as_str(),
                "",
                note.as_str(),
                location.as_str(),
                date.as_str(),
            ])?;
        }
    }
    csv_text(w)
}

/// A TOML datetime as Readwise reads it: `YYYY-MM-DD HH:MM:SS` (UTC when it has an offset).
fn readwise_date(d: &toml::value::Datetime) -> String {
    let (secs, _) = super::highlight::datetime_key(d);
    let t = super::highlight::datetime_from_unix(u64::try_from(secs).unwrap_or(0));
    match (t.date, t.time) {
        (Some(date), Some(time)) => format!(
            "{date} {:02}:{:02}:{:02}",
            time.hour, time.minute, time.second
        ),
        _ => d.to_string(),
    }
}

fn csv_text(w: csv::Writer<Vec<u8>>) -> Result<String, ExportError> {
    let bytes = w.into_inner().map_err(|e| ExportError::Io {
        path: PathBuf::from("<csv>"),
        source: e.into_error(),
    })?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn claim_kind(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Direct => "direct",
        ClaimKind::Indirect => "indirect",
        ClaimKind::Mixed => "mixed",
    }
}

/// One claim of the audit: what it says and what the reader recorded about it.
struct AuditClaim {
    text: String,
    kind: &'static str,
    cue: String,
    status: String,
    note: String,
    corrected: bool,
    start: usize,
    end: usize,
}

/// The claims of speaker `s` (`None`: unattributed), with status and note from a quote or
/// claim highlight over them.
fn audit_claims(art: &Article, s: Option<usize>) -> Vec<AuditClaim> {
    let a = &art.analysis;
    a.claims
        .iter()
        .enumerate()
        .filter(|(_, c)| c.speaker == s)
        .map(|(i, c)| {
            let h = art.store.find_range(c.start..c.end).or_else(|| {
                art.store.highlights().iter().find(|h| {
                    h.kind != Kind::Passage
                        && !h.anchor.is_orphaned()
                        && targets(&h.range(), c.start..c.end)
                })
            });
            AuditClaim {
                text: c.text(art.doc).into_owned(),
                kind: claim_kind(c.kind),
                cue: c.cue.as_deref().unwrap_or("").to_string(),
                status: h
                    .and_then(|h| h.status)
                    .map_or("unchecked", |s| s.as_str())
                    .to_string(),
                note: h.map(|h| one_line(&h.note)).unwrap_or_default(),
                corrected: art.applied.claim(i),
                start: c.start,
                end: c.end,
            }
        })
        .collect()
}

fn speaker_line(s: &SpeakerOut, corrected: bool) -> String {
    let mut out = format!("{} ({}", one_line(&s.name), s.kind.as_str());
    if let Some(r) = &s.role {
        out.push_str(&format!(", {}", one_line(r)));
    }
    out.push(')');
    if corrected {
        out.push_str(" — *corrected by hand*");
    }
    out
}

/// The sourcing audit of one article, in Markdown.
pub fn audit_markdown(art: &Article) -> String {
    let a = &art.analysis;
    let mut out = format!("# Sourcing audit: {}\n\n", one_line(&art.title()));
    let mut facts = vec![format!("Source: `{}`", art.store.article().source)];
    let m = &art.doc.meta;
    if let Some(by) = &m.byline {
        facts.push(format!("By {}", one_line(by)));
    }
    if let Some(p) = &m.publication {
        facts.push(one_line(p));
    }
    if let Some(d) = &m.date {
        facts.push(d.clone());
    }
    out.push_str(&facts.join(" · "));
    out.push_str("\n\n");
    let total = a.sourcing.total();
    out.push_str(&format!(
        "{} · {} · {}",
        plural(a.speakers.len(), "speaker", "speakers"),
        plural(a.quotes.len(), "quotation", "quotations"),
        plural(total, "claim", "claims"),
    ));
    if let Some((n, pct)) = unnamed_share(a) {
        out.push_str(&format!(
            " · {pct}% of claims on unnamed sources ({n} of {total})"
        ));
    }
    out.push('\n');
    let s = &a.sourcing;
    out.push_str(&format!(
        "\nClaims by source: {} named person, {} unnamed person, {} organization, {} group, {} anonymous, {} document, {} unattributed.\n",
        s.named_person, s.unnamed_person, s.organization, s.group, s.anonymous, s.document, s.unattributed
    ));
    let c = &art.applied;
    let made = art.store.corrections().list().len();
    if made > 0 {
        out.push_str(&format!(
            "\nCorrected by hand: {} ({}).\n",
            plural(made, "correction", "corrections"),
            c.summary()
        ));
    } else {
        out.push_str("\nCorrected by hand: none; every attribution is the engine's.\n");
    }
    out.push_str("\n## Speakers\n\n");
    out.push_str("| # | Speaker | Kind | Role | Quotations | Claims | Corrected |\n");
    out.push_str("|---|---|---|---|---|---|---|\n");
    let cell = |s: &str| one_line(s).replace('|', "\\|");
    for sp in &a.speakers {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            sp.id + 1,
            cell(&sp.name),
            sp.kind.as_str(),
            cell(sp.role.as_deref().unwrap_or("")),
            sp.quotes,
            sp.claims,
            if c.speaker(sp.id) { "yes" } else { "" },
        ));
    }
    out.push_str("\n## Claims by speaker\n");
    let mut groups: Vec<(String, Vec<AuditClaim>)> = a
        .speakers
        .iter()
        .map(|sp| {
            (
                speaker_line(sp, c.speaker(sp.id)),
                audit_claims(art, Some(sp.id)),
            )
        })
        .collect();
    let none = audit_claims(art, None);
    if !none.is_empty() {
        groups.push(("No source given".into(), none));
    }
    for (head, claims) in groups {
        out.push_str(&format!("\n### {head}\n\n"));
        if claims.is_empty() {
            out.push_str("No claims (quotations only).\n");
        }
        for (i, cl) in claims.iter().enumerate() {
            out.push_str(&format!("{}. [{}] {}", i + 1, cl.kind, one_line(&cl.text)));
            let mut tail = Vec::new();
            if !cl.cue.is_empty() {
                tail.push(format!("cue *{}*", cl.cue));
            }
            tail.push(format!("status **{}**", cl.status));
            if cl.corrected {
                tail.push("*attribution corrected by hand*".into());
            }
            out.push_str(&format!(" — {}\n", tail.join(" · ")));
            if !cl.note.is_empty() {
                out.push_str(&format!("   Note: {}\n", cl.note));
            }
        }
    }
    let list = art.store.corrections().list();
    if !list.is_empty() {
        out.push_str("\n## Corrections by hand\n\n");
        for c in list {
            out.push_str(&format!("- {}", one_line(&c.describe())));
            if c.is_orphaned() {
                out.push_str(" *(orphaned: not found in the current article)*");
            }
            out.push_str(&format!(" ({})\n", c.created));
        }
    }
    out
}

/// The sourcing audit of many articles, in CSV: one row per claim, and one per speaker with
/// no claim (quotations only).
pub fn audit_csv(articles: &[Article]) -> Result<String, ExportError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "Article",
        "Speaker",
        "Speaker kind",
        "Role",
        "Speaker corrected",
        "Claim",
        "Claim kind",
        "Cue",
        "Status",
        "Note",
        "Attribution corrected",
        "Start",
        "End",
        "Unnamed share",
    ])?;
    for art in articles {
        let title = art.title();
        let share = unnamed_share(&art.analysis).map_or(String::new(), |(_, p)| format!("{p}%"));
        let mut rows = Vec::new();
        for sp in &art.analysis.speakers {
            let claims = audit_claims(art, Some(sp.id));
            let who = [
                sp.name.clone(),
                sp.kind.as_str().to_string(),
                sp.role.clone().unwrap_or_default(),
                yes(art.applied.speaker(sp.id)),
            ];
            if claims.is_empty() {
                rows.push((who.clone(), None));
            }
            rows.extend(claims.into_iter().map(|c| (who.clone(), Some(c))));
        }
        let nobody = [String::new(), String::new(), String::new(), String::new()];
        rows.extend(
            audit_claims(art, None)
                .into_iter()
                .map(|c| (nobody.clone(), Some(c))),
        );
        for (who, claim) in rows {
            let [name, kind, role, sc] = who;
            let (text, ck, cue, status, note, corrected, start, end) = match claim {
                Some(c) => (
                    c.text,
                    c.kind.to_string(),
                    c.cue,
                    c.status,
                    c.note,
                    yes(c.corrected),
                    c.start.to_string(),
                    c.end.to_string(),
                ),
                None => Default::default(),
            };
            w.write_record([
                &title, &name, &kind, &role, &sc, &text, &ck, &cue, &status, &note, &corrected,
                &start, &end, &share,
            ])?;
        }
    }
    csv_text(w)
}

fn yes(b: bool) -> String {
    if b { "yes".into() } else { String::new() }
}
