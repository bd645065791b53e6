//! `hearsay analyze`: the document model and its attribution as JSON, JSON Lines or an
//! explanation.
//!
//! One file prints one pretty JSON object (`--json`) or the `--explain` text. Several files
//! or a folder print JSON Lines: one compact object per article with its `path`, analysed
//! on every core with rayon and printed in the order of the paths. With several files, one
//! that cannot be read is one line on standard error, the others are still analysed, and
//! the exit status says that something failed.
//!
//! Corrections saved with an article (in its highlights file) are applied to its analysis,
//! and the JSON's `corrections` says what they did; `--raw` ignores them.

use crate::commands::{chain, complain, read_input};
use color_eyre::eyre::{Result, WrapErr};
use hearsay::annotations::correction::analyze_corrected;
use hearsay::annotations::store::content_hash;
use hearsay::annotations::{Location, Origin, Store};
use hearsay::attribution::{self, explain};
use hearsay::document::{Document, Format, open};
use hearsay::library::scan;
use hearsay::printable::{escaped, printable};
use hearsay::report::Report;
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A report with the path it came from (one JSON Lines record).
#[derive(Serialize)]
struct Record<'a> {
    path: String,
    #[serde(flatten)]
    report: &'a Report,
}

/// Expands folders into the article files they hold (sorted, recursive, hidden ones skipped:
/// the library's scan).
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let found = scan::article_paths(p)?;
            if found.is_empty() {
                color_eyre::eyre::bail!(
                    "'{}' holds no article files ({})",
                    p.display(),
                    scan::ARTICLE_EXTENSIONS
                        .iter()
                        .map(|e| format!(".{e}"))
                        .collect::<Vec<_>>()
                        .join(" ")
                );
            }
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn open_file(path: &Path, format: Option<Format>) -> Result<Document> {
    let bytes = read_input(path)?;
    open(&bytes, path.to_str(), format)
        .wrap_err_with(|| format!("cannot open '{}'", path.display()))
}

/// Where corrections are looked for: `None` for the raw analysis, else the configured
/// highlights folder (`Some(None)`: the default places).
type Fixes = Option<Option<PathBuf>>;

fn report_of(path: &Path, format: Option<Format>, fixes: &Fixes) -> Result<Report> {
    let doc = open_file(path, format)?;
    let Some(dir) = fixes else {
        return Ok(Report::new(&doc));
    };
    let doc = std::sync::Arc::new(doc);
    let store = saved_store(path, &doc, dir.as_deref())
        .wrap_err_with(|| format!("reading the corrections of '{}'", path.display()))?;
    let Some(store) = store.filter(|s| !s.corrections().is_empty()) else {
        return Ok(Report::new(&doc));
    };
    let (analysis, applied) = analyze_corrected(&doc, store.corrections().list());
    Ok(Report::corrected(&doc, analysis, Some(&applied)))
}

/// The highlights store of an article, when it has a highlights file (none is created).
fn saved_store(
    path: &Path,
    doc: &std::sync::Arc<Document>,
    dir: Option<&Path>,
) -> Result<Option<Store>> {
    let origin = if path.as_os_str() == "-" {
        Origin::Stdin
    } else {
        Origin::File(path.to_path_buf())
    };
    let location = Location::resolve(&origin, &content_hash(doc), dir)?;
    if !location.path.exists() {
        return Ok(None);
    }
    let store = Store::open_at(doc, &origin, location);
    if let Some(problem) = store.problem() {
        color_eyre::eyre::bail!("{problem}");
    }
    Ok(Some(store))
}

/// Reports a file that could not be analysed (one line on standard error).
fn failed_file(path: &Path, e: &color_eyre::eyre::Report) {
    complain(&format!("'{}': {}", path.display(), chain(e)));
}

/// Runs `hearsay analyze`.
/// Runs `hearsay analyze`. `fixes`: `None` with `--raw`, else the `--config` file, whose
/// highlights folder holds the corrections.
pub fn run(
    files: &[PathBuf],
    format: Option<Format>,
    _json: bool,
    explain: bool,
    fixes: Option<Option<&Path>>,
) -> Result<()> {
    let fixes: Fixes = fixes.map(|config| match crate::commands::config::load(config) {
        Ok((c, _)) => c.highlights_dir,
        Err(e) => {
            complain(&format!("{}; using the default configuration", chain(&e)));
            None
        }
    });
    let several = files.len() > 1 || files.iter().any(|p| p.is_dir());
    let files = expand(files)?;
    let mut failed = 0;
    if explain {
        for path in &files {
            let doc = match open_file(path, format) {
                Ok(doc) => doc,
                Err(e) if several => {
                    failed += 1;
                    failed_file(path, &e);
                    continue;
                }
                Err(e) => return Err(e),
            };
            let analysis = attribution::analyze(&doc);
            if several {
                outln!("== {}", printable(&path.display().to_string()))?;
            }
            out!("{}", explain::render(&doc, &analysis))?;
        }
        return all_done(failed, files.len());
    }
    if !several {
        for path in &files {
            let report = report_of(path, format, &fixes)?;
            outln!("{}", escaped(&serde_json::to_string_pretty(&report)?))?;
        }
        return Ok(());
    }
    let lines: Vec<Result<String>> = files
        .par_iter()
        .map(|path| {
            let report = report_of(path, format, &fixes)?;
            let record = Record {
                path: path.display().to_string(),
                report: &report,
            };
            Ok(escaped(&serde_json::to_string(&record)?).into_owned())
        })
        .collect();
    for (path, line) in files.iter().zip(lines) {
        match line {
            Ok(l) => outln!("{l}")?,
            Err(e) => {
                failed += 1;
                failed_file(path, &e);
            }
        }
    }
    all_done(failed, files.len())
}

fn all_done(failed: usize, of: usize) -> Result<()> {
    if failed > 0 {
        color_eyre::eyre::bail!("{failed} of {of} files could not be analysed");
    }
    Ok(())
}
