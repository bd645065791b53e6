//! `hearsay export FILE --format md|toml|json|csv|audit|audit-csv [-o PATH]`: exports an
//! article's highlights and its corrected analysis (`-o -` or no `-o`: standard output).

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
    let format = format_of(format);
    // `-` is standard output, as everywhere else
    let output = output.filter(|p| p.as_os_str() != "-");
    match output {
        Some(path) if same_file(path, file) || same_file(path, &store.location().path) => {
            color_eyre::eyre::bail!(
                "'{}' would overwrite the article or its highlights; export to another file",
                path.display()
            )
        }
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

/// The library's export format for a command-line one.
pub fn format_of(format: ExportFormat) -> Format {
    match format {
        ExportFormat::Md => Format::Markdown,
        ExportFormat::Toml => Format::Toml,
        ExportFormat::Json => Format::Json,
        ExportFormat::Csv => Format::Csv,
        ExportFormat::Audit => Format::Audit,
        ExportFormat::AuditCsv => Format::AuditCsv,
    }
}

/// Whether `a` and `b` name the same file (or would, once created): the same folder, after
/// resolving links and `.`/`..`, and the same name; or the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    let place = |p: &Path| -> Option<std::path::PathBuf> {
        let folder = p.parent().filter(|f| !f.as_os_str().is_empty());
        let folder = folder.unwrap_or(Path::new(".")).canonicalize().ok()?;
        Some(folder.join(p.file_name()?))
    };
    let existing = |p: &Path| p.canonicalize().ok();
    matches!((place(a), place(b)), (Some(x), Some(y)) if x == y)
        || matches!((existing(a), existing(b)), (Some(x), Some(y)) if x == y)
}
