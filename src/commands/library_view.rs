//! The library view in the terminal (`hearsay DIR`, `hearsay library [DIR]`): the binary's
//! part is opening an article for the reader as `hearsay FILE` does.

use crate::commands::{read, read_input};
use color_eyre::eyre::{Result, WrapErr, bail};
use hearsay::annotations::Origin;
use hearsay::config::Config;
use hearsay::document::open_owned;
use std::io::IsTerminal;
use std::path::Path;

/// Opens the library view of `dir`.
pub fn run(dir: &Path, config: Config) -> Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "standard output is not a terminal; the library view draws on one (for scripts, \
             use 'hearsay library speakers|search|quotes {}')",
            dir.display()
        );
    }
    let db = hearsay::tui::library::default_db()?;
    let for_reader = config.clone();
    let mut open =
        move |path: &Path| -> Result<(hearsay::tui::App, hearsay::tui::library::Analysis)> {
            let bytes = read_input(path)?;
            let name = path.display().to_string();
            let doc = open_owned(bytes, Some(&name), None)
                .wrap_err_with(|| format!("cannot open '{name}'"))?;
            let shown = path
                .file_name()
                .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
            let origin = Origin::File(path.to_path_buf());
            let opened = read::reader(doc, shown, &origin, for_reader.clone(), &[]);
            Ok((opened.app, opened.analysis))
        };
    hearsay::tui::library::run(dir, &db, config, &mut open)
}
