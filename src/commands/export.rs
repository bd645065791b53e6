//! `hearsay export FILE --format md|toml|json|csv [-o PATH]`: exports an article's highlights.

use crate::cli::ExportFormat;
use crate::commands::highlights::open_article;
use color_eyre::eyre::Result;
use hearsay::annotations::{Format, export};
use std::path::Path;

/// Runs `hearsay export`: writes to `output`, or to standard output.
pub fn run(
    file: &Path,
    format: ExportFormat,
    output: Option<&Path>,
    config: Option<&Path>,
) -> Result<()> {
    let (doc, store) = open_article(file, config)?;
    let format = match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Toml => Format::Toml,
        ExportFormat::Json => Format::Json,
        ExportFormat::Csv => Format::Csv,
    };
    match output {
        Some(path) => {
            export::write(&store, &doc, format, path)?;
            let n = store.highlights().len();
            crate::commands::complain(&format!(
                "wrote {n} highlight{} to '{}'",
                if n == 1 { "" } else { "s" },
                path.display()
            ));
        }
        None => {
            let text = export::render(&store, &doc, format)?;
            out!("{text}")?;
        }
    }
    Ok(())
}
