//! The `hearsay` binary: parses the command line and runs a subcommand or the reader.

mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Analyze {
            files,
            json,
            explain,
        }) => commands::analyze::run(files, *json, *explain),
        Some(Command::Highlights { file }) => commands::highlights::run(file),
        Some(Command::Export {
            file,
            format,
            output,
        }) => commands::export::run(file, *format, output.as_deref()),
        None => Err(color_eyre::eyre::eyre!(
            "the reader is not available in this build yet"
        )),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            let chain: Vec<String> = e.chain().map(ToString::to_string).collect();
            eprintln!("hearsay: {}", chain.join(": "));
            std::process::ExitCode::from(1)
        }
    }
}
