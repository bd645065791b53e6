//! The reader: opens the article (or the bundled sample), its highlights and reading
//! position, and runs the terminal interface while the analysis fills the sidebar.

use crate::cli::Cli;
use crate::commands;
use color_eyre::eyre::{Result, WrapErr};
use hearsay::annotations::Origin;
use hearsay::annotations::correction::Correction;
use hearsay::annotations::saver::{Place, open_in_background};
use hearsay::config::Config;
use hearsay::diff::snapshot;
use hearsay::document::open_owned;
use hearsay::tui::{self, App, Sources, strings};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock, mpsc};

/// The bundled sample article, opened when no file is given.
const SAMPLE: &[u8] = include_bytes!("../../assets/sample.txt");

/// An open slower than this says what it is doing instead of leaving the screen blank.
const SLOW_OPEN: std::time::Duration = std::time::Duration::from_millis(200);

/// How long an open may take before the progress line shows: [`SLOW_OPEN`], except in a
/// debug build where `HEARSAY_DEBUG_SLOW_OPEN_MS` sets it (a test hook, so the
/// pseudo-terminal test does not depend on how fast the machine reads a big file).
fn slow_open() -> std::time::Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("HEARSAY_DEBUG_SLOW_OPEN_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return std::time::Duration::from_millis(ms);
    }
    SLOW_OPEN
}

/// Runs `work` (reading and opening the article); when it takes over [`slow_open`] and
/// standard error is a terminal, a line there says what is being opened until it is done
/// (then the line is cleared).
fn with_progress<T: Send>(label: &str, work: impl FnOnce() -> T + Send) -> T {
    use std::io::Write;
    use std::sync::mpsc;
    if !std::io::stderr().is_terminal() {
        return work();
    }
    let (done, wait) = mpsc::channel::<()>();
    let line = format!(
        "hearsay: opening '{}'…",
        hearsay::printable::printable(label)
    );
    std::thread::scope(|s| {
        s.spawn(move || {
            if wait.recv_timeout(slow_open()) == Err(mpsc::RecvTimeoutError::Timeout) {
                let mut err = std::io::stderr().lock();
                let _ = write!(err, "{line}");
                let _ = err.flush();
                drop(err);
                let _ = wait.recv();
                let _ = write!(std::io::stderr().lock(), "\r\x1b[2K");
            }
        });
        let out = work();
        drop(done);
        out
    })
}

/// Opens the article (or the sample) and runs the terminal reader. Problems with the file
/// are reported before the terminal is touched; mistakes in the config are reported and
/// the other settings used.
pub fn run(cli: &Cli) -> Result<()> {
    let (config, notes) = commands::config::load(cli.config.as_deref())?;
    let format = cli.format.map(Into::into);
    let name = cli.file.as_ref().map_or_else(
        || strings::SAMPLE_NAME.to_string(),
        |p| p.display().to_string(),
    );
    let label = if name == "-" { "standard input" } else { &name };
    let doc = with_progress(label, || -> Result<_> {
        let bytes = match &cli.file {
            Some(path) => commands::read_input(path)?,
            None => SAMPLE.to_vec(),
        };
        open_owned(bytes, Some(&name), format).wrap_err_with(|| format!("cannot open '{label}'"))
    })?;
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
    let opened = reader(doc, shown, &origin, config, &notes);
    let for_snapshot = Arc::clone(&opened.app.doc);
    let result = tui::run(opened.app, opened.analysis);
    if let Some(f) = opened.highlights_file.get() {
        // highlights saved for the first time in this session: keep the text they were made on
        if let Err(e) = snapshot::remember(&for_snapshot, f) {
            commands::complain(&e.to_string());
        }
    }
    result
}

/// A reader ready to run: see [`reader`].
pub struct Opened {
    /// The reader, its highlights still opening on their thread.
    pub app: App,
    /// The analysis to run once the first frame is up: with the corrections saved in the
    /// highlights file applied, so no uncorrected sidebar is ever drawn.
    pub analysis: Box<dyn FnOnce() -> Sources + Send>,
    /// The highlights file, once it was found (for the snapshot kept on quit).
    pub highlights_file: Arc<OnceLock<PathBuf>>,
}

/// A reader for a document. Its highlights and reading position are opened on a thread of
/// their own (a file of 180,000 highlights takes seconds; the first frame does not wait for
/// it), and changes are saved on another. The loading thread, before the store is handed
/// over (so before anything is saved), compares the text with the snapshot of the one
/// highlighted (see [`snapshot::at_open`]); the analysis, made meanwhile, waits for the
/// saved corrections, which the reader sends when the highlights arrive.
pub fn reader(
    doc: hearsay::document::Document,
    shown: String,
    origin: &Origin,
    config: Config,
    notes: &[String],
) -> Opened {
    // shared by the reader, the highlights store and the analysis thread, never copied
    let doc = Arc::new(doc);
    let (fixes_tx, fixes_rx) = mpsc::channel::<Vec<Correction>>();
    let highlights_file = Arc::new(OnceLock::new());
    let found = Arc::clone(&highlights_file);
    let for_snapshot = Arc::clone(&doc);
    let loading = open_in_background(
        &doc,
        origin.clone(),
        Place::Resolve {
            configured_dir: config.highlights_dir.clone(),
        },
        config.highlight_backups,
        move |store| {
            let path = store.location().path.clone();
            // snapshots of highlighted texts: compare with the one highlighted, keep this one
            let seen = snapshot::at_open(&for_snapshot, &path);
            let _ = found.set(path);
            seen
        },
    );
    let mut app = App::new(Arc::clone(&doc), shown, config, notes);
    app.attach_loading(loading, origin.clone());
    app.send_corrections_to(fixes_tx);
    let analysis = Box::new(move || {
        let analysis = hearsay::attribution::analyze(&doc);
        // no place for highlights: no corrections either
        let fixes = fixes_rx.recv().unwrap_or_default();
        tui::corrections::corrected_from(&doc, analysis, &fixes)
    });
    Opened {
        app,
        analysis,
        highlights_file,
    }
}
