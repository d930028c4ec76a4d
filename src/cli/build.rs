//! `docket build`: the decision site of the records, and `docket templates export`, which
//! writes the built-in site templates out for customising.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use docket::diagnostics::Diagnostic;
use docket::rules::{self, LintOptions};
use docket::site::{BuildReport, LiveSite, build, export_templates};
use docket::workspace::Workspace;

use super::args::{InputArgs, SiteArgs};
use super::output::emit;

/// Arguments of `docket build`.
#[derive(Debug, Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    site: SiteArgs,
}

pub(crate) fn run(args: &BuildArgs) -> anyhow::Result<ExitCode> {
    let built = build_site(&args.input, &args.site)?;
    emit(&built.summary(&args.site.out), None)?;
    Ok(ExitCode::SUCCESS)
}

/// A site written by [`build_site`], with the workspace it was built from.
pub(crate) struct Built {
    pub(crate) workspace: Workspace,
    pub(crate) report: BuildReport,
}

impl Built {
    /// `Built 7 pages for 3 records in site` and where to open it.
    pub(crate) fn summary(&self, out: &Path) -> String {
        summary(&self.report, self.workspace.corpus.decisions.len(), out)
    }
}

/// `Built 7 pages for 3 records in site` and where to open it.
pub(crate) fn summary(report: &BuildReport, records: usize, out: &Path) -> String {
    let removed = if report.removed > 0 {
        format!(", {} stale file(s) removed", report.removed)
    } else {
        String::new()
    };
    format!(
        "Built {} pages for {records} records in {}{removed}\nopen {}\n",
        report.pages,
        out.display(),
        report.index.display()
    )
}

/// The findings the site shows: every rule, as `docket lint` runs them.
pub(crate) fn site_findings(workspace: &Workspace) -> Vec<Diagnostic> {
    rules::run(workspace, &LintOptions::default())
}

/// Loads the records, lints them and writes the site: the one build path of `docket build`.
pub(crate) fn build_site(input: &InputArgs, site: &SiteArgs) -> anyhow::Result<Built> {
    let workspace = input.load_with(true)?;
    let findings = site_findings(&workspace);
    let report = build(&workspace, &findings, &site.options(input))
        .with_context(|| format!("writing the site to {}", site.out.display()))?;
    Ok(Built { workspace, report })
}

/// The same build for `docket serve`, which keeps the site to update it on changes.
pub(crate) fn live_site(
    input: &InputArgs,
    site: &SiteArgs,
) -> anyhow::Result<(LiveSite, BuildReport)> {
    let workspace = input.load_with(true)?;
    let findings = site_findings(&workspace);
    LiveSite::build(workspace, findings, site.options(input))
        .with_context(|| format!("writing the site to {}", site.out.display()))
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
