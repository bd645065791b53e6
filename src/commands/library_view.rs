//! The library view in the terminal (`hearsay DIR`, `hearsay library [DIR]`).

use color_eyre::eyre::{Result, bail};
use hearsay::config::Config;
use std::path::Path;

/// Opens the library view of `dir`.
pub fn run(dir: &Path, _config: Config) -> Result<()> {
    bail!(
        "the library view is not built yet; use 'hearsay library index|speakers|search|quotes {}'",
        dir.display()
    )
}
