//! `docket build`: the decision site of the records, and `docket templates export`, which
//! writes the built-in site templates out for customising.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use docket::rules::{self, LintOptions};
use docket::site::{SiteOptions, build, export_templates};

use super::args::InputArgs;
use super::output::emit;

/// Arguments of `docket build`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The folder to write the site to.
    #[arg(long, default_value = "site", value_name = "DIR")]
    out: PathBuf,
    /// A folder of templates replacing the built-ins of the same name (default: `[site]
    /// templates` in docket.toml).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// The path the site is served under, such as `/decisions/` (default: relative links).
    #[arg(long, value_name = "PATH")]
    base_path: Option<String>,
    /// Write into a non-empty folder docket did not make.
    #[arg(long)]
    force: bool,
}

pub(crate) fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let workspace = args.input.load_with(true)?;
    let findings = rules::run(&workspace, &LintOptions::default());
    let options = SiteOptions {
        out: args.out.clone(),
        templates: args.templates.clone(),
        base_path: args.base_path.clone(),
        title: None,
        force: args.force,
        protected: args.input.paths.clone(),
    };
    let report = build(&workspace, &findings, &options)
        .with_context(|| format!("writing the site to {}", args.out.display()))?;
    let removed = if report.removed > 0 {
        format!(", {} stale file(s) removed", report.removed)
    } else {
        String::new()
    };
    emit(
        &format!(
            "Built {} pages for {} records in {}{removed}\nopen {}\n",
            report.pages,
            workspace.corpus.decisions.len(),
            args.out.display(),
            report.index.display()
        ),
        None,
    )?;
    Ok(ExitCode::SUCCESS)
}

/// Arguments of `docket templates`.
#[derive(Debug, Args)]
pub(crate) struct TemplatesArgs {
    #[command(subcommand)]
    command: TemplatesCommand,
}

#[derive(Debug, Subcommand)]
enum TemplatesCommand {
    /// Write the built-in site templates and assets into DIR for customising.
    Export {
        /// The folder to write them to.
        dir: PathBuf,
        /// Overwrite files that exist.
        #[arg(long)]
        force: bool,
    },
}

pub(crate) fn run_templates(args: &TemplatesArgs) -> anyhow::Result<ExitCode> {
    let TemplatesCommand::Export { dir, force } = &args.command;
    let written = export_templates(dir, *force)?;
    emit(
        &format!(
            "Wrote {} template files to {}; use them with `docket build --templates {}`\n",
            written.len(),
            dir.display(),
            dir.display()
        ),
        None,
    )?;
    Ok(ExitCode::SUCCESS)
}
