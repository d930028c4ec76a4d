//! `docket export`: the parsed model as JSON, or its JSON Schema.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use docket::corpus::{Corpus, LoadOptions};

use super::output::emit;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    Json,
}

/// Arguments of `docket export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    /// Record files or folders (default: the current folder).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: ExportFormat,
    /// Print the JSON Schema of the export instead.
    #[arg(long)]
    schema: bool,
    /// Also read files with this extension in folders (repeatable): `--ext txt`.
    #[arg(long = "ext", value_name = "EXT")]
    extensions: Vec<String>,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let ExportFormat::Json = args.format;
    if args.schema {
        emit(docket::export::SCHEMA, args.output.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let corpus = Corpus::load(
        &paths,
        &LoadOptions {
            extra_extensions: args.extensions.clone(),
        },
    )?;
    emit(&docket::export::to_json(&corpus)?, args.output.as_deref())?;
    let unreadable = corpus.diagnostics.iter().any(|d| d.code == "DK008");
    Ok(if unreadable {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
