//! The subcommands (each takes parsed arguments and writes to stdout) and the reader.

/// `print!` for command output: a closed pipe (`hearsay analyze … | head`) ends the output
/// quietly instead of panicking. Evaluates to `Result<()>`.
macro_rules! out {
    ($($arg:tt)*) => {
        $crate::commands::write_out(format_args!($($arg)*))
    };
}

/// `println!` counterpart of [`out!`].
macro_rules! outln {
    () => {
        $crate::commands::write_out(format_args!("\n"))
    };
    ($($arg:tt)*) => {
        $crate::commands::write_out(format_args!("{}\n", format_args!($($arg)*)))
    };
}

pub mod analyze;
pub mod config;
pub mod diff;
pub mod export;
pub mod highlights;
pub mod jsonl;
pub mod library;
pub mod library_view;
pub mod read;

use color_eyre::eyre::{Result, WrapErr};
use hearsay::document::decode::MAX_INPUT;
use std::io::Read;
use std::path::Path;

/// Reads an article from a path, or from standard input when the path is `-`, refusing
/// anything over [`MAX_INPUT`] without reading more than that (`/dev/zero`, `yes |`).
pub fn read_input(path: &Path) -> Result<Vec<u8>> {
    if path.as_os_str() == "-" {
        return read_limited(std::io::stdin().lock(), 0, "standard input".into());
    }
    if path.is_dir() {
        color_eyre::eyre::bail!("'{}' is a folder; give an article file", path.display());
    }
    let file = std::fs::File::open(path)
        .wrap_err_with(|| format!("could not read '{}'", path.display()))?;
    // a regular file says its size: one allocation (devices and pipes say 0)
    let size = file.metadata().map_or(0, |m| m.len());
    read_limited(file, size, format!("'{}'", path.display()))
}

/// Reads `input` whole, refusing anything over [`MAX_INPUT`] without reading more than that;
/// `size_hint` (a regular file's size) sizes the buffer, `name` is said in errors.
fn read_limited(input: impl Read, size_hint: u64, name: String) -> Result<Vec<u8>> {
    let cap = usize::try_from(size_hint).map_or(MAX_INPUT, |n| n.min(MAX_INPUT)) + 1;
    let mut buf = Vec::with_capacity(cap);
    input
        .take(MAX_INPUT as u64 + 1)
        .read_to_end(&mut buf)
        .wrap_err_with(|| format!("could not read {name}"))?;
    if buf.len() > MAX_INPUT {
        color_eyre::eyre::bail!(
            "could not read {name}: it is over the {} MB limit",
            MAX_INPUT / (1024 * 1024)
        );
    }
    Ok(buf)
}

/// Prints `hearsay: <message>` on standard error, with control characters (from file names,
/// say) made visible. A closed or full standard error is ignored: `eprintln!` would panic
/// there, and the panic report, with nowhere to go, would abort the process.
pub fn complain(message: &str) {
    use std::io::Write;
    let line = format!("hearsay: {}\n", hearsay::printable::printable(message));
    let _ = std::io::stderr().lock().write_all(line.as_bytes());
}

/// [`complain`] with an error and its causes, `: `-separated.
pub fn complain_about(e: &color_eyre::eyre::Report) {
    complain(&chain(e));
}

/// An error and its causes, `: `-separated; a cause its error already ends with (many
/// errors quote their source) is said once.
pub fn chain(e: &color_eyre::eyre::Report) -> String {
    let mut parts: Vec<String> = Vec::new();
    for m in e.chain().map(ToString::to_string) {
        if !parts.last().is_some_and(|p| p.ends_with(&m)) {
            parts.push(m);
        }
    }
    parts.join(": ")
}

/// Writes to standard output, treating a closed pipe as the reader having seen enough.
pub fn write_out(args: std::fmt::Arguments) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_fmt(args) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r.wrap_err("could not write to standard output"),
    }
}
