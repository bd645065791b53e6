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
        /// Read JSON Lines `{"id", "text"}` (from `-`, standard input, or files) and print
        /// one result line per input line, as each is analysed.
        #[arg(long, conflicts_with = "explain")]
        jsonl: bool,
        /// Ignore the corrections saved with the article (by default they are applied, and
        /// the JSON says how many in `corrections`).
        #[arg(long)]
        raw: bool,
        /// With several files, print each article's line as soon as it is done instead of
        /// in the order of the paths.
        #[arg(long)]
        unordered: bool,
        /// Treat the input as this format instead of guessing from its name and content.
        #[arg(long, value_enum)]
        format: Option<InputFormat>,
    },
    /// Show what changed between two versions of an article: quotes, speakers, claims,
    /// headline and paragraphs.
    Diff {
        /// The earlier version.
        old: PathBuf,
        /// The later version.
        new: PathBuf,
        /// Print the changes as JSON (schema in the README) instead of opening the view.
        #[arg(long)]
        json: bool,
        /// Show minor edits (typos, punctuation, white space) instead of folding them.
        #[arg(long)]
        minor: bool,
        /// Treat both versions as this format instead of guessing from names and content.
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
        /// Write here instead of standard output (`-`: standard output).
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Every article under a folder: open the library view, or index, search and list
    /// speakers across articles (`hearsay DIR` opens the view too).
    #[command(args_conflicts_with_subcommands = true)]
    Library {
        /// The folder of articles (default: `[library] dir` in the config).
        dir: Option<PathBuf>,
        /// What to do; without one, the library view opens.
        #[command(subcommand)]
        action: Option<LibraryCommand>,
    },
    /// Work with the configuration file.
    Config {
        /// What to do.
        #[command(subcommand)]
        action: ConfigCommand,
    },
}

/// What `hearsay library` does; without one, it opens the library view.
#[derive(Debug, Subcommand)]
pub enum LibraryCommand {
    /// Index (or bring up to date) the articles under a folder.
    Index {
        /// The folder of articles.
        dir: PathBuf,
        /// Start the index of every library over (moves the database away first).
        #[arg(long)]
        rebuild: bool,
    },
    /// List the people and organisations who speak across the folder's articles.
    Speakers {
        /// The folder of articles.
        dir: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Search the folder: words, "phrases", speaker:NAME, kind:KIND, publication:"NAME".
    Search {
        /// The folder of articles.
        dir: PathBuf,
        /// The query (several words are one query).
        #[arg(required = true)]
        query: Vec<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Most results to print.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Print what a person said across the folder's articles.
    Quotes {
        /// The folder of articles.
        dir: PathBuf,
        /// The person or organisation, by name or surname.
        #[arg(long)]
        speaker: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the articles that have several versions (same canonical address, or same title
    /// and publication), each with its timeline; compare two with 'hearsay diff OLD NEW'.
    Versions {
        /// The folder of articles.
        dir: PathBuf,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Record that these names are one person (kept in the people corrections file).
    Merge {
        /// The folder of articles (to check the names).
        dir: PathBuf,
        /// Two or more names, as the speakers index shows them.
        #[arg(required = true, num_args = 2..)]
        names: Vec<String>,
    },
    /// Export across the folder: every article's highlights (md, json, csv, toml) or the
    /// sourcing audit of every article (audit, audit-csv: one row per claim).
    Export {
        /// The folder of articles.
        dir: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "md")]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(short, long, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Record that a name, in some articles or all, is a different person.
    Split {
        /// The folder of articles.
        dir: PathBuf,
        /// The name as the articles give it.
        name: String,
        /// An article where the name means the other person (repeat; none: all).
        #[arg(long = "article", value_name = "FILE")]
        articles: Vec<PathBuf>,
    },
}

/// `hearsay config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigCommand {
    /// List every mistake in a config file, each with its file, line and column (exit
    /// status 0: no mistakes, 1: mistakes, 2: the file cannot be read).
    Check {
        /// The file to check. Without it: the file hearsay reads (--config,
        /// $HEARSAY_CONFIG, or $XDG_CONFIG_HOME/hearsay/config.toml).
        path: Option<PathBuf>,
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
    /// The sourcing audit in Markdown: speakers, claims, status, corrections.
    Audit,
    /// The sourcing audit in CSV, one row per claim.
    AuditCsv,
}
