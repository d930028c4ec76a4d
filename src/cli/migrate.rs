//! `docket migrate --to madr|nygard|dr`: convert every record in memory, then write them all
//! (or with `--dry-run` print the diff). One record that does not convert stops the command
//! before anything is written (exit 2).

use std::path::Path;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use docket::authoring::migrate::{Target, plan_migration};
use docket::rules::unified_diff;

use super::args::InputArgs;
use super::output::{emit, note};

/// The formats `--to` takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TargetArg {
    /// MADR 3/4: YAML front matter and MADR section names.
    Madr,
    /// adr-tools: `# N. Title`, `Date:` and a Status section.
    Nygard,
    /// docket's DR shape: `# DR-001: Title` and bold metadata lines.
    Dr,
}

impl TargetArg {
    fn target(self) -> Target {
        match self {
            TargetArg::Madr => Target::Madr,
            TargetArg::Nygard => Target::Nygard,
            TargetArg::Dr => Target::Dr,
        }
    }
}

/// Arguments of `docket migrate`.
#[derive(Debug, Args)]
pub(crate) struct MigrateArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    to: TargetArg,
    #[command(flatten)]
    input: InputArgs,
    /// Print the changes as a unified diff instead of writing them.
    #[arg(long)]
    dry_run: bool,
}

pub(crate) fn run(args: &MigrateArgs) -> anyhow::Result<ExitCode> {
    let workspace = args.input.load()?;
    let target = args.to.target();
    let migration = plan_migration(&workspace.corpus, target);
    if !migration.failures.is_empty() {
        for failure in &migration.failures {
            super::output::error(&anyhow::anyhow!(
                "{}: cannot convert: {}",
                failure.path,
                failure.message
            ));
        }
        note(&format!(
            "nothing written: {} of {} records cannot be converted to {}",
            migration.failures.len(),
            migration.failures.len() + migration.converted.len(),
            target.as_str()
        ));
        return Ok(ExitCode::from(2));
    }
    let changed: Vec<_> = migration
        .converted
        .iter()
        .filter(|c| c.is_changed())
        .collect();
    let unchanged = migration.converted.len() - changed.len();
    if args.dry_run {
        let diff: String = changed
            .iter()
            .map(|c| unified_diff(&c.path, &c.before, &c.after))
            .collect();
        emit(&diff, None)?;
        note(&format!(
            "would convert {} records to {} ({unchanged} already are)",
            changed.len(),
            target.as_str()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    for c in &changed {
        docket::atomic_write::write_atomic(Path::new(&c.path), c.after.as_bytes())?;
    }
    note(&format!(
        "converted {} records to {} ({unchanged} already were)",
        changed.len(),
        target.as_str()
    ));
    Ok(ExitCode::SUCCESS)
}
