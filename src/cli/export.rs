//! `docket export`: the parsed model as JSON, or its JSON Schema.

use std::process::ExitCode;

use clap::{Args, ValueEnum};
use docket::diagnostics::Code;

use super::args::{InputArgs, OutputArgs};
use super::output::emit;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ExportFormat {
    /// docket's own model, with parse findings (its JSON Schema: `--schema`).
    Json,
    /// JSON-ADR v1, the interchange file `adrs import json` reads.
    JsonAdr,
}

/// Arguments of `docket export`.
#[derive(Debug, Args)]
pub(crate) struct ExportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "json")]
    format: ExportFormat,
    /// Print the JSON Schema of the export instead.
    #[arg(long)]
    schema: bool,
    #[command(flatten)]
    out: OutputArgs,
}

pub(crate) fn run(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let output = args.out.output.as_deref();
    if args.schema {
        emit(docket::export::SCHEMA, output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let workspace = args.input.load()?;
    let corpus = &workspace.corpus;
    let text = match args.format {
        ExportFormat::Json => docket::export::to_json(corpus)?,
        ExportFormat::JsonAdr => {
            let folder = args.input.paths().first().map_or_else(
                || ".".to_string(),
                |p| p.to_string_lossy().replace('\\', "/"),
            );
            docket::interop::json_adr::to_json_adr(&workspace, &folder)?
        }
    };
    emit(&text, output)?;
    let unreadable = corpus
        .diagnostics
        .iter()
        .any(|d| matches!(d.kind(), Some(Code::UnreadableFile | Code::LimitExceeded)));
    Ok(ExitCode::from(u8::from(unreadable)))
}
