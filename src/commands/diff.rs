//! `hearsay diff OLD NEW`: what changed between two versions of an article, by who said
//! what. On a terminal it opens the diff view; `--json` prints the [`Diff`] (schema in the
//! README); into a pipe it prints the summary and the change list as text.

use crate::commands::read_input;
use color_eyre::eyre::{Result, WrapErr};
use hearsay::diff::words::Op;
use hearsay::diff::{Change, Diff, Options, SCHEMA_VERSION, compare_documents};
use hearsay::document::{Document, Format, open};
use hearsay::printable::{escaped, printable_text};
use hearsay::tui::{self, App, Sources};
use serde::Serialize;
use std::io::IsTerminal;
use std::path::Path;

/// The JSON record: the schema version, the two files, the diff.
#[derive(Serialize)]
struct Record<'a> {
    schema: u32,
    old: String,
    new: String,
    #[serde(flatten)]
    diff: &'a Diff,
}

fn open_file(path: &Path, format: Option<Format>) -> Result<Document> {
    let bytes = read_input(path)?;
    open(&bytes, path.to_str(), format)
        .wrap_err_with(|| format!("cannot open '{}'", path.display()))
}

/// Opens both versions (side by side on two threads), analyses and compares them.
/// Returns the diff and the new version.
pub fn diff_files(
    old: &Path,
    new: &Path,
    format: Option<Format>,
    opts: &Options,
) -> Result<(Diff, Document)> {
    if old.as_os_str() == "-" && new.as_os_str() == "-" {
        color_eyre::eyre::bail!("only one of the two versions can be standard input ('-')");
    }
    let (first, second) = rayon::join(|| open_file(old, format), || open_file(new, format));
    let (a, b) = (first?, second?);
    let diff = compare_documents(&a, &b, opts);
    Ok((diff, b))
}

/// Runs `hearsay diff`.
pub fn run(
    old: &Path,
    new: &Path,
    format: Option<Format>,
    json: bool,
    minor: bool,
    config: Option<&Path>,
) -> Result<()> {
    let opts = Options {
        show_minor: minor,
        ..Options::default()
    };
    let (diff, new_doc) = diff_files(old, new, format, &opts)?;
    if json {
        let record = Record {
            schema: SCHEMA_VERSION,
            old: old.display().to_string(),
            new: new.display().to_string(),
            diff: &diff,
        };
        return outln!("{}", escaped(&serde_json::to_string_pretty(&record)?));
    }
    if std::io::stdout().is_terminal() {
        return view(diff, new_doc, new, config);
    }
    print_text(&diff)
}

/// The diff view, over the reader on the new version (Esc goes back to it, `q` quits).
fn view(diff: Diff, doc: Document, new: &Path, config: Option<&Path>) -> Result<()> {
    let (config, notes) = crate::commands::config::load(config)?;
    let shown = new.file_name().map_or_else(
        || new.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let mut app = App::new(doc, shown, config, &notes);
    app.open_diff(diff);
    let for_analysis = std::sync::Arc::clone(&app.doc);
    tui::run(app, move || Sources::analyze(&for_analysis))
}

/// The summary, then the changes by group, one per line.
fn print_text(diff: &Diff) -> Result<()> {
    outln!("{}", printable_text(&diff.summary))?;
    let mut group = None;
    for c in &diff.changes {
        if group != Some(c.group) {
            group = Some(c.group);
            outln!()?;
        }
        outln!("{}", printable_text(&line(c)))?;
    }
    Ok(())
}

/// One change as a line of text: `quote reworded (Ana Ruiz): We will [-rebuild-]{+repair+}`.
pub fn line(c: &Change) -> String {
    let mut s = c.heading();
    let text = if c.words.is_empty() {
        c.new.as_ref().or(c.old.as_ref()).cloned()
    } else {
        Some(
            c.words
                .iter()
                .map(|w| match w.op {
                    Op::Equal => w.text.clone(),
                    Op::Insert => format!("{{+{}+}}", w.text),
                    Op::Delete => format!("[-{}-]", w.text),
                })
                .collect(),
        )
    };
    if let Some(t) = text {
        s.push_str(": ");
        s.push_str(&t);
    }
    s
}
