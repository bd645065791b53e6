//! The non-interactive subcommands: each takes parsed arguments and writes to stdout.

pub mod analyze;
pub mod export;
pub mod highlights;

use color_eyre::eyre::{Result, WrapErr};
use std::io::Read;
use std::path::Path;

/// Reads an article from a path, or from standard input when the path is `-`.
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .wrap_err("could not read standard input")?;
        return Ok(buf);
    }
    if path.is_dir() {
        color_eyre::eyre::bail!("'{}' is a folder; give an article file", path.display());
    }
    std::fs::read(path).wrap_err_with(|| format!("could not read '{}'", path.display()))
}
