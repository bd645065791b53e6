//! The configuration for the commands, and `hearsay config check [PATH]`.
//!
//! Every mistake in a config file is said whole, with its file, line and column, and only
//! the settings with mistakes are left out: the others are used. A `--config` file that
//! cannot be read is a usage error (exit status 2), never silently replaced by the defaults.

use crate::commands::complain;
use color_eyre::eyre::{Result, bail};
use hearsay::config::{Checked, Config, MAX_MISTAKES, user_config_path};
use hearsay::printable::printable;
use std::path::Path;

/// A mistake in how hearsay was called: exit status 2, as for the command line's own
/// usage errors.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// The configuration for a command: the valid settings of the config file over the
/// defaults. Each mistake is said on standard error; the returned notes say them again
/// for the reader's status bar. A `--config` file (`explicit`) that cannot be read is a
/// [`UsageError`]; an unreadable `$HEARSAY_CONFIG` or user file is said and the defaults
/// are used.
pub fn load(explicit: Option<&Path>) -> Result<(Config, Vec<String>)> {
    match Config::load(explicit) {
        Ok((checked, path)) => {
            let notes = say_mistakes(&checked, path.as_deref());
            Ok((checked.config, notes))
        }
        Err(e) if explicit.is_some() => Err(UsageError(e.to_string()).into()),
        Err(e) => {
            complain(&format!("{e}; using the default configuration"));
            let note = printable(&format!("config ignored: {e}")).into_owned();
            Ok((Config::default(), vec![note]))
        }
    }
}

/// Says every mistake on standard error and returns them as notes for the reader.
fn say_mistakes(checked: &Checked, path: Option<&Path>) -> Vec<String> {
    let (Some(path), false) = (path, checked.found.mistakes.is_empty()) else {
        return Vec::new();
    };
    let mut notes = Vec::new();
    for m in &checked.found.mistakes {
        complain(&m.to_string());
        notes.push(printable(&format!("config setting ignored: {m}")).into_owned());
    }
    let rest = if checked.found.more {
        format!("over {MAX_MISTAKES} mistakes: none of its settings are used")
    } else {
        "the settings with mistakes are ignored, the others are used".to_string()
    };
    complain(&format!(
        "in '{}': {rest} ('hearsay config check' lists the mistakes)",
        path.display()
    ));
    notes
}

/// Runs `hearsay config check`: lists every mistake and warning in the config file at
/// `path` (or the one hearsay would read), one per line with its file, line and column.
/// Succeeds when there is no mistake; a file that cannot be read is a [`UsageError`].
pub fn check(path: Option<&Path>) -> Result<()> {
    let Some(path) = Config::path(path) else {
        let usual = user_config_path().map_or_else(
            || "the config folder".into(),
            |p| format!("'{}'", p.display()),
        );
        outln!(
            "{}",
            printable(&format!(
                "No config file (none at {usual}, no --config or $HEARSAY_CONFIG): hearsay \
                 uses its built-in defaults."
            ))
        )?;
        return Ok(());
    };
    let checked = Config::from_file(&path).map_err(|e| UsageError(e.to_string()))?;
    for m in &checked.found.mistakes {
        outln!("{}", printable(&m.to_string()))?;
    }
    if checked.found.more {
        outln!(
            "{}",
            printable(&format!(
                "{}: more mistakes follow; only the first {MAX_MISTAKES} are listed, and none \
                 of the file's settings are used until there are fewer",
                path.display()
            ))
        )?;
    }
    for w in &checked.found.warnings {
        let line = format!(
            "{}:{}:{}: warning: {}",
            w.path.display(),
            w.line,
            w.column,
            w.message
        );
        outln!("{}", printable(&line))?;
    }
    let shown = printable(&path.display().to_string()).into_owned();
    match checked.found.mistakes.len() {
        0 => {
            let warnings = match checked.found.warnings.len() {
                0 => String::new(),
                1 => " (1 warning)".into(),
                n => format!(" ({n} warnings)"),
            };
            outln!("{shown}: no mistakes{warnings}")
        }
        1 => bail!("1 mistake in '{shown}'; hearsay ignores that setting and uses the others"),
        n => bail!("{n} mistakes in '{shown}'; hearsay ignores those settings and uses the others"),
    }
}
