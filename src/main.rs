//! The `hearsay` binary: parses the command line and runs a subcommand or the reader.

mod alloc;
mod cli;
mod commands;

use clap::Parser;
use cli::{Cli, Command, ConfigCommand};

fn main() -> std::process::ExitCode {
    alloc::tune();
    let _ = color_eyre::install();
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Analyze {
            files,
            jsonl: true,
            format,
            ..
        }) => commands::jsonl::run(files, format.or(cli.format).map(Into::into)),
        Some(Command::Analyze {
            files,
            json,
            explain,
            unordered,
            format,
            jsonl: false,
            raw,
        }) => commands::analyze::run(
            files,
            format.or(cli.format).map(Into::into),
            *json,
            *explain,
            (!*raw).then_some(cli.config.as_deref()),
            *unordered,
        ),
        Some(Command::Diff {
            old,
            new,
            json,
            minor,
            format,
        }) => commands::diff::run(
            old,
            new,
            format.or(cli.format).map(Into::into),
            *json,
            *minor,
            cli.config.as_deref(),
        ),
        Some(Command::Highlights { file }) => {
            commands::highlights::run(file, cli.config.as_deref())
        }
        Some(Command::Export {
            file,
            format,
            output,
        }) => commands::export::run(file, *format, output.as_deref(), cli.config.as_deref()),
        Some(Command::Library { dir, action }) => {
            commands::library::run(dir.as_deref(), action.as_ref(), &cli)
        }
        None if cli.file.as_deref().is_some_and(std::path::Path::is_dir) => {
            commands::library::run(cli.file.as_deref(), None, &cli)
        }
        Some(Command::Config {
            action: ConfigCommand::Check { path },
        }) => commands::config::check(path.as_deref().or(cli.config.as_deref())),
        None => commands::read::run(&cli),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            commands::complain_about(&e);
            let usage = e.downcast_ref::<commands::config::UsageError>().is_some();
            std::process::ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}
