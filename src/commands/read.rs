//! The reader: opens the article (or the bundled sample), its highlights and reading
//! position, and runs the terminal interface while the analysis fills the sidebar.

use crate::cli::Cli;
use crate::commands;
use color_eyre::eyre::{Result, WrapErr};
use hearsay::annotations::{Origin, Store};
use hearsay::config::Config;
use hearsay::diff::snapshot;
use hearsay::document::open_owned;
use hearsay::printable::printable;
use hearsay::tui::{self, App, strings};
use std::io::IsTerminal;

/// The bundled sample article, opened when no file is given.
const SAMPLE: &[u8] = include_bytes!("../../assets/sample.txt");

/// Opens the article (or the sample) and runs the terminal reader. Problems with the file
/// are reported before the terminal is touched; mistakes in the config are reported and
/// the other settings used.
pub fn run(cli: &Cli) -> Result<()> {
    let (config, notes) = commands::config::load(cli.config.as_deref())?;
    let format = cli.format.map(Into::into);
    let (bytes, name) = match &cli.file {
        Some(path) => (commands::read_input(path)?, path.display().to_string()),
        None => (SAMPLE.to_vec(), strings::SAMPLE_NAME.to_string()),
    };
    let label = if name == "-" { "standard input" } else { &name };
    let doc = open_owned(bytes, Some(&name), format)
        .wrap_err_with(|| format!("cannot open '{label}'"))?;
    let shown = match std::path::Path::new(&name).file_name() {
        Some(n) if name != "-" => n.to_string_lossy().into_owned(),
        _ => label.to_string(),
    };
    if !std::io::stdout().is_terminal() {
        // drawing into a pipe or a file would leave the reader running blind
        color_eyre::eyre::bail!(
            "standard output is not a terminal; the reader draws on one (to print the \
             analysis instead, use 'hearsay analyze {}')",
            cli.file
                .as_deref()
                .map_or_else(|| "FILE".into(), |p| p.display().to_string())
        );
    }
    let origin = match &cli.file {
        Some(p) if name != "-" => Origin::File(p.clone()),
        Some(_) => Origin::Stdin,
        None => Origin::Named(strings::SAMPLE_NAME.to_string()),
    };
    let app = reader(doc, shown, &origin, config, &notes);
    let for_analysis = std::sync::Arc::clone(&app.doc);
    let for_snapshot = std::sync::Arc::clone(&app.doc);
    let highlights_file = app.marks.store.as_ref().map(|s| s.location().path.clone());
    // the saved corrections are applied before anything of the analysis is drawn
    let corrections = app
        .marks
        .store
        .as_ref()
        .map(|s| s.corrections().list().to_vec())
        .unwrap_or_default();
    let result = tui::run(app, move || {
        tui::corrections::corrected_sources(&for_analysis, &corrections)
    });
    if let Some(f) = &highlights_file {
        // highlights saved for the first time in this session: keep the text they were made on
        if let Err(e) = snapshot::remember(&for_snapshot, f) {
            commands::complain(&e.to_string());
        }
    }
    result
}

/// A reader for a document: its highlights, and the reading position kept for it.
pub fn reader(
    doc: hearsay::document::Document,
    shown: String,
    origin: &Origin,
    config: Config,
    notes: &[String],
) -> App {
    // shared by the reader, the highlights store and the analysis thread, never copied
    let doc = std::sync::Arc::new(doc);
    let store = Store::open(&doc, origin, config.highlights_dir.as_deref());
    let reading = store
        .as_ref()
        .ok()
        .and_then(|s| tui::highlights::reading_store_for(&doc, origin, s));
    // snapshots of highlighted texts: compare with the one highlighted, keep this one
    let seen = store
        .as_ref()
        .ok()
        .map(|s| snapshot::at_open(&doc, &s.location().path))
        .unwrap_or_default();
    let mut notes = notes.to_vec();
    notes.extend(seen.problem.map(|p| printable(&p.to_string()).into_owned()));
    let mut app = App::new(doc, shown, config, &notes);
    app.attach_highlights(store);
    if let Some(r) = reading {
        app.attach_reading_store(r);
    }
    if let Some(d) = seen.since {
        app.offer_diff(d);
    }
    app
}
