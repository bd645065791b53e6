//! The reader: opens the article (or the bundled sample), its highlights and reading
//! position, and runs the terminal interface while the analysis fills the sidebar.

use crate::cli::Cli;
use crate::commands;
use color_eyre::eyre::{Result, WrapErr};
use hearsay::annotations::Origin;
use hearsay::annotations::saver::{Place, open_in_background};
use hearsay::config::Config;
use hearsay::document::open_owned;
use hearsay::tui::{self, App, Sources, strings};
use std::io::IsTerminal;

/// The bundled sample article, opened when no file is given.
const SAMPLE: &[u8] = include_bytes!("../../assets/sample.txt");

/// An open slower than this says what it is doing instead of leaving the screen blank.
const SLOW_OPEN: std::time::Duration = std::time::Duration::from_millis(200);

/// Runs `work` (reading and opening the article); when it takes over [`SLOW_OPEN`] and
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
            if wait.recv_timeout(SLOW_OPEN) == Err(mpsc::RecvTimeoutError::Timeout) {
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
/// are reported before the terminal is touched; a broken config is reported and the
/// defaults are used.
pub fn run(cli: &Cli) -> Result<()> {
    let (config, notes) = match Config::load(cli.config.as_deref()) {
        Ok((config, _)) => (config, Vec::new()),
        Err(e) => {
            commands::complain(&format!("{e}; using the default configuration"));
            let note = hearsay::printable::printable(&format!("config ignored: {e}")).into_owned();
            (Config::embedded(), vec![note])
        }
    };
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
    // shared by the reader, the highlights store and the analysis thread, never copied
    let doc = std::sync::Arc::new(doc);
    let origin = match &cli.file {
        Some(p) if name != "-" => Origin::File(p.clone()),
        Some(_) => Origin::Stdin,
        None => Origin::Named(strings::SAMPLE_NAME.to_string()),
    };
    // opened (and later saved) on their own threads: a file of 180,000 highlights takes
    // seconds, and the first frame does not wait for it
    let loading = open_in_background(
        &doc,
        origin.clone(),
        Place::Resolve {
            configured_dir: config.highlights_dir.clone(),
        },
        config.highlight_backups,
    );
    let mut app = App::new(doc, shown, config, &notes);
    app.attach_loading(loading, origin);
    let for_analysis = std::sync::Arc::clone(&app.doc);
    tui::run(app, move || Sources::analyze(&for_analysis))
}
