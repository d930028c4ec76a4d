//! `docket mdbook`: mdBook's preprocessor protocol (`[preprocessor.docket]` in book.toml).

use std::io::Read;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};

use super::output::emit;

/// `docket mdbook [supports RENDERER]`.
#[derive(Debug, Args)]
pub(crate) struct MdbookArgs {
    #[command(subcommand)]
    command: Option<MdbookCommand>,
}

#[derive(Debug, Subcommand)]
enum MdbookCommand {
    /// Tell mdBook whether a renderer is supported (exit 0: yes).
    Supports {
        /// The renderer's name (`html`).
        renderer: String,
    },
}

pub(crate) fn run(args: &MdbookArgs) -> anyhow::Result<ExitCode> {
    if let Some(MdbookCommand::Supports { renderer }) = &args.command {
        return Ok(ExitCode::from(u8::from(
            !docket::interop::mdbook::supports(renderer),
        )));
    }
    let mut input = String::new();
    std::io::stdin()
        .read_to_string(&mut input)
        .context("reading mdBook's input on stdin")?;
    emit(&docket::interop::mdbook::preprocess(&input)?, None)?;
    Ok(ExitCode::SUCCESS)
}
