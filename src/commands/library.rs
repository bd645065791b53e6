//! `hearsay library …` and `hearsay DIR`: index a folder of articles, then open the library
//! view or answer a script (speakers, search, quotes), and record people corrections.
//!
//! Every command first brings the index up to date (quick when nothing changed), with a
//! progress bar on standard error when it is a terminal. Ctrl-C stops indexing cleanly:
//! what was done is kept and the next run resumes; a second Ctrl-C ends the process.

use crate::cli::{Cli, LibraryCommand};
use crate::commands::highlights::open_article;
use crate::commands::{chain, complain};
use color_eyre::eyre::{Result, WrapErr, bail};
use hearsay::annotations::{Format, export};
use hearsay::library::corrections::{self, Corrections};
use hearsay::library::{IndexReport, Library, Progress, Query, people};
use hearsay::printable::{escaped, printable};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::AtomicBool;

/// Runs `hearsay library [DIR] [ACTION]`.
pub fn run(dir: Option<&Path>, action: Option<&LibraryCommand>, cli: &Cli) -> Result<()> {
    let (config, _) = crate::commands::config::load(cli.config.as_deref())?;
    let Some(action) = action else {
        let dir = match dir {
            Some(d) => d.to_path_buf(),
            None => config.library_dir.clone().ok_or_else(|| {
                color_eyre::eyre::eyre!(
                    "no folder given and none set; run 'hearsay library DIR' or set \
                     [library] dir in the config"
                )
            })?,
        };
        return crate::commands::library_view::run(&dir, config);
    };
    match action {
        LibraryCommand::Index { dir, rebuild } => {
            let (_, report) = indexed(dir, *rebuild)?;
            let mut line = format!(
                "'{}': {} articles ({} analysed, {} moved or copied, {} unchanged, {} removed",
                printable(&dir.display().to_string()),
                report.files,
                report.analysed,
                report.relinked,
                report.unchanged,
                report.removed
            );
            if !report.failed.is_empty() {
                line.push_str(&format!(", {} could not be read", report.failed.len()));
            }
            line.push(')');
            outln!("{line}")?;
            Ok(())
        }
        LibraryCommand::Speakers { dir, json } => {
            let (lib, _) = indexed(dir, false)?;
            let people = lib.people(&load_corrections()?)?;
            if *json {
                return outln!("{}", escaped(&serde_json::to_string_pretty(&people)?));
            }
            outln!(
                "{:>8} {:>6} {:>6}  {:<12} NAME",
                "ARTICLES",
                "QUOTES",
                "CLAIMS",
                "KIND"
            )?;
            for p in &people {
                let others: Vec<&str> = p.variants.iter().skip(1).map(String::as_str).collect();
                let also = if others.is_empty() {
                    String::new()
                } else {
                    format!("  (also {})", others.join("; "))
                };
                outln!(
                    "{:>8} {:>6} {:>6}  {:<12} {}{}",
                    p.articles,
                    p.quotes,
                    p.claims,
                    p.kind,
                    printable(&p.name),
                    printable(&also)
                )?;
            }
            Ok(())
        }
        LibraryCommand::Search {
            dir,
            query,
            json,
            limit,
        } => {
            let query = Query::parse(&query.join(" "))?;
            let (lib, _) = indexed(dir, false)?;
            let hits = lib.search(&query, *limit)?;
            if *json {
                return outln!("{}", escaped(&serde_json::to_string_pretty(&hits)?));
            }
            if hits.is_empty() {
                complain("no matches");
            }
            for h in &hits {
                outln!(
                    "{}:{}  {}{}",
                    printable(&h.path.display().to_string()),
                    h.start,
                    printable(&h.title),
                    dated(h.date.as_deref(), h.publication.as_deref())
                )?;
                outln!("    {}", printable(&h.snippet_bracketed()))?;
            }
            Ok(())
        }
        LibraryCommand::Quotes { dir, speaker, json } => {
            let (lib, _) = indexed(dir, false)?;
            let everyone = lib.people(&load_corrections()?)?;
            let found = people::find(&everyone, speaker);
            let person = match found.as_slice() {
                [one] => *one,
                [] => bail!(
                    "no one called '{}' speaks in '{}'; see 'hearsay library speakers {}'",
                    printable(speaker),
                    printable(&dir.display().to_string()),
                    printable(&dir.display().to_string())
                ),
                several => bail!(
                    "'{}' could be {}; give the full name",
                    printable(speaker),
                    several
                        .iter()
                        .map(|p| format!("'{}'", printable(&p.name)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            let said = lib.statements(person)?;
            if *json {
                return outln!("{}", escaped(&serde_json::to_string_pretty(&said)?));
            }
            for s in &said {
                outln!(
                    "{}:{}  {}{}",
                    printable(&s.path.display().to_string()),
                    s.start,
                    printable(&s.title),
                    dated(s.date.as_deref(), s.publication.as_deref())
                )?;
                outln!(
                    "    {} ({}): {}",
                    printable(&s.speaker),
                    s.kind,
                    printable(&s.text)
                )?;
            }
            Ok(())
        }
        LibraryCommand::Versions { dir, json } => {
            let (lib, _) = indexed(dir, false)?;
            let stories = lib.versions()?;
            if *json {
                return outln!("{}", escaped(&serde_json::to_string_pretty(&stories)?));
            }
            if stories.is_empty() {
                complain("no article has several versions here");
            }
            for (n, s) in stories.iter().enumerate() {
                if n > 0 {
                    outln!()?;
                }
                let url = s
                    .url
                    .as_deref()
                    .map_or_else(String::new, |u| format!("  <{}>", printable(u)));
                outln!(
                    "{}{}{}",
                    printable(&s.title),
                    dated(None, s.publication.as_deref()),
                    url
                )?;
                for v in &s.versions {
                    outln!(
                        "  {}  {}  {:>3} quotes  {}",
                        v.date.as_deref().unwrap_or("----------"),
                        v.modified,
                        v.quotes,
                        printable(&v.path.display().to_string())
                    )?;
                }
            }
            Ok(())
        }
        LibraryCommand::Merge { dir, names } => {
            let (lib, _) = indexed(dir, false)?;
            let mut c = load_corrections()?;
            let everyone = lib.people(&c)?;
            for n in names {
                if people::find(&everyone, n).is_empty() {
                    bail!("no one called '{}' in the speakers index", printable(n));
                }
            }
            c.add_merge(names.clone());
            save_corrections(&c)
        }
        LibraryCommand::Export {
            dir,
            format,
            output,
        } => {
            let (lib, _) = indexed(dir, false)?;
            let format = crate::commands::export::format_of(*format);
            let audit = matches!(format, Format::Audit | Format::AuditCsv);
            let mut opened = Vec::new();
            for a in lib.articles(config.highlights_dir.as_deref())? {
                // highlight exports take the articles with highlights; the audit takes all
                if !audit && a.highlights == 0 {
                    continue;
                }
                match open_article(&a.path, cli.config.as_deref()) {
                    Ok(x) => opened.push(x),
                    Err(e) => complain(&format!("'{}': {}", a.path.display(), chain(&e))),
                }
            }
            let articles: Vec<export::Article> = opened
                .iter()
                .map(|(doc, store)| export::Article::new(doc, store))
                .collect();
            let text = if format.takes_many() {
                export::render_all(&articles, format)?
            } else {
                let mut parts = Vec::new();
                for a in &articles {
                    parts.push(export::render_all(std::slice::from_ref(a), format)?);
                }
                parts.join("\n")
            };
            match output.as_deref().filter(|p| p.as_os_str() != "-") {
                Some(path) => {
                    export::write_text(&text, path)?;
                    complain(&format!(
                        "wrote {} articles to '{}'",
                        articles.len(),
                        path.display()
                    ));
                }
                None => out!("{text}")?,
            }
            Ok(())
        }
        LibraryCommand::Split {
            dir,
            name,
            articles,
        } => {
            let (lib, _) = indexed(dir, false)?;
            let listed = lib.articles(None)?;
            let mut hashes = Vec::new();
            for a in articles {
                let canon = std::fs::canonicalize(a)
                    .wrap_err_with(|| format!("could not find '{}'", a.display()))?;
                let Some(entry) = listed.iter().find(|e| e.path == canon) else {
                    bail!("'{}' is not an article of '{}'", a.display(), dir.display());
                };
                hashes.push(entry.hash.clone());
            }
            let mut c = load_corrections()?;
            c.add_split(name.clone(), hashes);
            save_corrections(&c)
        }
    }
}

/// ` (2026-01-20, The Harbor Ledger)` or nothing.
fn dated(date: Option<&str>, publication: Option<&str>) -> String {
    let parts: Vec<&str> = [date, publication].into_iter().flatten().collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", printable(&parts.join(", ")))
    }
}

fn corrections_path() -> Result<PathBuf> {
    Ok(corrections::default_path()?)
}

/// The user's people corrections (none when the file does not exist).
pub fn load_corrections() -> Result<Corrections> {
    Ok(Corrections::load(&corrections_path()?)?)
}

fn save_corrections(c: &Corrections) -> Result<()> {
    let path = corrections_path()?;
    c.save(&path)?;
    complain(&format!("saved in '{}'", path.display()));
    Ok(())
}

/// Ctrl-C sets the returned flag (indexing stops at the next file, keeping its work); a
/// second Ctrl-C ends the process as usual.
pub fn interrupt_flag() -> Arc<AtomicBool> {
    let flag = Arc::new(AtomicBool::new(false));
    #[cfg(unix)]
    {
        use signal_hook::consts::SIGINT;
        let _ = signal_hook::flag::register_conditional_shutdown(SIGINT, 130, Arc::clone(&flag));
        let _ = signal_hook::flag::register(SIGINT, Arc::clone(&flag));
    }
    flag
}

/// Opens the library of `dir` and brings its index up to date, with a progress bar when
/// standard error is a terminal. An interrupted run is an error that says how to resume.
pub fn indexed(dir: &Path, rebuild: bool) -> Result<(Library, IndexReport)> {
    let mut lib = if rebuild {
        Library::rebuild(dir)?
    } else {
        Library::open(dir)?
    };
    if let Some(n) = lib.notice() {
        complain(n);
    }
    let cancel = interrupt_flag();
    let bar = if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(0);
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "indexing {bar:30} {pos}/{len} articles, {eta} left",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
        );
        bar
    } else {
        indicatif::ProgressBar::hidden()
    };
    let report = lib
        .index(&cancel, &|p: Progress| {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
        })
        .wrap_err_with(|| format!("indexing '{}'", dir.display()))?;
    bar.finish_and_clear();
    for (path, why) in report.problems.iter().chain(&report.failed) {
        complain(&format!("'{}': {why}", path.display()));
    }
    if report.interrupted {
        bail!(
            "indexing '{}' was interrupted after {} of the changed articles; what was done is \
             kept: run the command again to finish",
            dir.display(),
            report.analysed + report.relinked
        );
    }
    Ok((lib, report))
}
