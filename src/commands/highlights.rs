//! `hearsay highlights FILE`: lists the highlights saved for an article.

use crate::commands::read_input;
use color_eyre::eyre::{Result, WrapErr, bail};
use hearsay::annotations::highlight::excerpt;
use hearsay::annotations::{Highlight, Origin, Store};
use hearsay::document::{Document, open};
use hearsay::printable::printable_text;
use std::path::Path;
use std::sync::Arc;

/// Opens an article and its highlights store (read-only use: nothing is written), in the
/// highlights folder of the configuration (`config`: the `--config` file, if given).
/// A broken highlights file is an error here, with its file, line and column.
pub fn open_article(file: &Path, config: Option<&Path>) -> Result<(Arc<Document>, Store)> {
    let dir = crate::commands::config::load(config)?.0.highlights_dir;
    let bytes = read_input(file)?;
    let doc = Arc::new(
        open(&bytes, file.to_str(), None)
            .wrap_err_with(|| format!("cannot open '{}'", file.display()))?,
    );
    let origin = if file.as_os_str() == "-" {
        Origin::Stdin
    } else {
        Origin::File(file.to_path_buf())
    };
    let store = Store::open(&doc, &origin, dir.as_deref())
        .wrap_err_with(|| format!("cannot find the highlights of '{}'", file.display()))?;
    if let Some(problem) = store.problem() {
        bail!("{problem}");
    }
    Ok((doc, store))
}

/// Runs `hearsay highlights`. Everything printed comes from files anyone can write (the
/// file name, the highlights file), so control characters are made visible.
pub fn run(file: &Path, config: Option<&Path>) -> Result<()> {
    let (_doc, store) = open_article(file, config)?;
    out!("{}", printable_text(&listing(file, &store)))
}

fn listing(file: &Path, store: &Store) -> String {
    let n = store.highlights().len();
    if n == 0 {
        return format!(
            "No highlights for '{}' yet (they are saved in {}).\n{}",
            file.display(),
            store.location(),
            corrections(store)
        );
    }
    let mut out = format!(
        "{n} highlight{} for '{}', saved in {}\n",
        if n == 1 { "" } else { "s" },
        file.display(),
        store.location()
    );
    if !store.summary().is_quiet() {
        out.push_str(&format!("{}\n", store.summary()));
    }
    for h in store.highlights() {
        out.push('\n');
        out.push_str(&entry(h));
    }
    out.push_str(&corrections(store));
    out
}

/// The corrections of the analysis, orphaned ones marked (empty when there are none).
fn corrections(store: &Store) -> String {
    let list = store.corrections().list();
    if list.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{} correction{} of the analysis:\n",
        list.len(),
        if list.len() == 1 { "" } else { "s" }
    );
    for c in list {
        out.push_str(&format!("  {}  {}", c.id, c.describe()));
        if c.is_orphaned() {
            out.push_str("  [orphaned: not found in the current article]");
        }
        out.push('\n');
    }
    out
}

/// One highlight as listed: a head line, the excerpt, then the note and tags.
fn entry(h: &Highlight) -> String {
    let mut head = vec![h.kind.as_str().to_string()];
    if let Some(st) = h.status {
        head.push(st.to_string());
    }
    if h.anchor.is_orphaned() {
        head.push("orphaned".into());
    }
    let mut out = format!("{}  [{}]", h.id, head.join(", "));
    if let Some(s) = &h.speaker {
        out.push_str("  ");
        out.push_str(s);
    }
    out.push('\n');
    out.push_str(&format!("  {}\n", h.quoted_excerpt(160)));
    let mut lines = h.note.lines();
    if let Some(first) = lines.next() {
        let more = lines.count();
        out.push_str(&format!("  note: {}", excerpt(first, 120)));
        if more > 0 {
            out.push_str(&format!(
                " (+{more} line{})",
                if more == 1 { "" } else { "s" }
            ));
        }
        out.push('\n');
    }
    if !h.tags.is_empty() {
        out.push_str(&format!("  tags: {}\n", h.tags.join(", ")));
    }
    out
}
