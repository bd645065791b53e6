//! Command-line interface (clap derive).

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// hearsay: read news articles in the terminal and see who said what.
#[derive(Debug, Parser)]
// (`--config` is global: it may stand before a subcommand, `hearsay --config c.toml
// highlights story.txt`, so the reader's arguments must not conflict with subcommands)
#[command(name = "hearsay", version, about)]
pub struct Cli {
    /// Article to open: a text, HTML or Markdown file, or `-` for standard input.
    /// Without one, hearsay opens its bundled sample article.
    pub file: Option<PathBuf>,

    /// Read the configuration from this file instead of $XDG_CONFIG_HOME/hearsay/config.toml.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Treat the input as this format instead of guessing from its name and content.
    /// (Not global: `hearsay export` uses `--format` for the export format.)
    #[arg(long, value_enum)]
    pub format: Option<InputFormat>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Input formats hearsay can read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// Plain text, as pasted from a browser or an e-mail.
    Text,
    /// A saved web page.
    Html,
    /// A Markdown file.
    Md,
}

impl From<InputFormat> for hearsay::document::Format {
    fn from(f: InputFormat) -> Self {
        match f {
            InputFormat::Text => Self::Text,
            InputFormat::Html => Self::Html,
            InputFormat::Md => Self::Markdown,
        }
    }
}

/// Subcommands that work without the terminal UI.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the analysis of articles (structure, speakers, quotes, claims).
    Analyze {
        /// Article files, folders of articles, or `-` for standard input.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON (one object per line when several files are given).
        #[arg(long)]
        json: bool,
        /// Print each attribution with the rule that made it.
        #[arg(long, conflicts_with = "json")]
        explain: bool,
        /// With several files, print each article's line as soon as it is done instead of
        /// in the order of the paths.
        #[arg(long)]
        unordered: bool,
        /// Treat the input as this format instead of guessing from its name and content.
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
    },
    /// List the highlights saved for an article.
    Highlights {
        /// The article file.
        file: PathBuf,
    },
    /// Export an article's highlights.
    Export {
        /// The article file.
        file: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
}

/// Formats `hearsay export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown, grouped by speaker.
    Md,
    /// The highlights file itself, normalised.
    Toml,
    /// W3C Web Annotation JSON.
    Json,
    /// Readwise CSV.
    Csv,
}
