//! `hearsay analyze`: the document model (and attribution) as JSON or text.

use crate::commands::read_input;
use color_eyre::eyre::{Result, WrapErr};
use hearsay::document::{Format, open};
use hearsay::report::Report;
use std::path::PathBuf;

/// Runs `hearsay analyze`.
pub fn run(files: &[PathBuf], format: Option<Format>, _json: bool, _explain: bool) -> Result<()> {
    for path in files {
        let bytes = read_input(path)?;
        let doc = open(&bytes, path.to_str(), format)
            .wrap_err_with(|| format!("cannot open '{}'", path.display()))?;
        let report = Report::new(&doc);
        println!("{}", serde_json::to_string_pretty(&report)?);
    }
    Ok(())
}
