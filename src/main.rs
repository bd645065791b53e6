//! The `hearsay` binary: parses the command line and runs a subcommand or the reader.

mod alloc;
mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command};

fn main() -> std::process::ExitCode {
    alloc::tune();
    let _ = color_eyre::install();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Analyze {
            files,
            json,
            explain,
            unordered,
            format,
        }) => commands::analyze::run(
            files,
            format.or(cli.format).map(Into::into),
            *json,
            *explain,
            *unordered,
        ),
        Some(Command::Highlights { file }) => {
            commands::highlights::run(file, cli.config.as_deref())
        }
        Some(Command::Export {
            file,
            format,
            output,
        }) => commands::export::run(file, *format, output.as_deref(), cli.config.as_deref()),
        None => commands::read::run(&cli),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            commands::complain_about(&e);
            std::process::ExitCode::from(1)
        }
    }
}
