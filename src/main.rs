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
        }) => commands::analyze::run(files, cli.format.map(Into::into), *json, *explain),
        Some(Command::Highlights { .. } | Command::Export { .. }) => Err(color_eyre::eyre::eyre!(
            "highlights are not available in this build yet"
        )),
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
