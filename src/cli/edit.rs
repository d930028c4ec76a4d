//! `docket status`, `supersede`, `link`, `rename` and `renumber`: edits in place, printed as a
//! diff with `--dry-run`.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use docket::authoring::edit::{self, Plan};
use docket::model::LinkKind;
use docket::parse::classify_status;
use docket::workspace::{Workspace, WorkspaceOptions};

use super::args::date_arg;
use super::output::{emit, note};

/// Where the records are and whether to write.
#[derive(Debug, Args)]
pub(crate) struct EditInput {
    /// A records folder or file to read (repeatable; default: the current folder and the
    /// folders docket.toml names). Links from every record read are kept pointing right.
    #[arg(long, value_name = "PATH")]
    pub(crate) dir: Vec<PathBuf>,
    /// The docket.toml to read (default: the nearest one in or above the first folder).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Also read files with this extension in folders (repeatable): `--ext txt`.
    #[arg(long = "ext", value_name = "EXT")]
    pub(crate) extensions: Vec<String>,
    /// Print the changes as a unified diff and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
}

impl EditInput {
    fn load(&self) -> anyhow::Result<Workspace> {
        let options = WorkspaceOptions {
            config: self.config.clone(),
            extra_extensions: self.extensions.clone(),
            ..WorkspaceOptions::default()
        };
        Ok(Workspace::load(&self.dir, &options)?)
    }
}

/// `docket status ID STATUS`.
#[derive(Debug, Args)]
pub(crate) struct StatusArgs {
    /// The record: an id (`DR-004`, `7`), a path or a file name.
    pub(crate) id: String,
    /// The new status: proposed, accepted, rejected, deprecated, superseded or draft.
    pub(crate) status: String,
    /// Also set the decision date: to DATE (YYYY-MM-DD), or to today when given bare.
    #[arg(long, value_name = "DATE", num_args = 0..=1, default_missing_value = "")]
    pub(crate) date: Option<String>,
    #[command(flatten)]
    pub(crate) input: EditInput,
}

/// `docket supersede OLD NEW`.
#[derive(Debug, Args)]
pub(crate) struct SupersedeArgs {
    /// The record replaced.
    pub(crate) old: String,
    /// The record replacing it.
    pub(crate) new: String,
    #[command(flatten)]
    pub(crate) input: EditInput,
}

/// `docket link A KIND B`.
#[derive(Debug, Args)]
pub(crate) struct LinkArgs {
    /// The record that states the link.
    pub(crate) from: String,
    /// supersedes, superseded-by, amends, amended-by, related, split-from or depends-on.
    pub(crate) kind: String,
    /// The record linked to.
    pub(crate) to: String,
    /// Do not write the reverse link in the target.
    #[arg(long)]
    pub(crate) no_reverse: bool,
    #[command(flatten)]
    pub(crate) input: EditInput,
}

/// `docket rename ID TITLE`.
#[derive(Debug, Args)]
pub(crate) struct RenameArgs {
    /// The record.
    pub(crate) id: String,
    /// Its new title.
    pub(crate) title: String,
    #[command(flatten)]
    pub(crate) input: EditInput,
}

/// `docket renumber ID N`.
#[derive(Debug, Args)]
pub(crate) struct RenumberArgs {
    /// The record.
    pub(crate) id: String,
    /// Its new number.
    pub(crate) number: u32,
    #[command(flatten)]
    pub(crate) input: EditInput,
}

pub(crate) fn run_status(args: &StatusArgs) -> anyhow::Result<ExitCode> {
    let status = classify_status(&args.status);
    if status == docket::model::StatusKind::Unknown {
        anyhow::bail!(
            "invalid status `{}`: use proposed, accepted, rejected, deprecated, superseded or draft",
            args.status
        );
    }
    let date = match args.date.as_deref() {
        None => None,
        Some("") => Some(date_arg("--date", None)?),
        Some(raw) => Some(date_arg("--date", Some(raw))?),
    };
    let ws = args.input.load()?;
    let index = edit::find_record(&ws, &args.id)?;
    finish(&edit::set_status(&ws, index, status, date)?, &args.input)
}

pub(crate) fn run_supersede(args: &SupersedeArgs) -> anyhow::Result<ExitCode> {
    let ws = args.input.load()?;
    let old = edit::find_record(&ws, &args.old)?;
    let new = edit::find_record(&ws, &args.new)?;
    finish(&edit::supersede(&ws, old, new)?, &args.input)
}

pub(crate) fn run_link(args: &LinkArgs) -> anyhow::Result<ExitCode> {
    let Some(kind) = edit::parse_link_kind(&args.kind) else {
        let kinds: Vec<&str> = LinkKind::ALL
            .iter()
            .filter(|k| docket::parse::written_verb(**k).is_some())
            .map(|k| k.as_str())
            .collect();
        anyhow::bail!(
            "invalid link kind `{}`: use {}",
            args.kind,
            kinds.join(", ")
        );
    };
    let ws = args.input.load()?;
    let from = edit::find_record(&ws, &args.from)?;
    let to = edit::find_record(&ws, &args.to)?;
    finish(
        &edit::link(&ws, from, kind, to, !args.no_reverse)?,
        &args.input,
    )
}

pub(crate) fn run_rename(args: &RenameArgs) -> anyhow::Result<ExitCode> {
    let ws = args.input.load()?;
    let index = edit::find_record(&ws, &args.id)?;
    finish(&edit::rename(&ws, index, &args.title)?, &args.input)
}

pub(crate) fn run_renumber(args: &RenumberArgs) -> anyhow::Result<ExitCode> {
    let ws = args.input.load()?;
    let index = edit::find_record(&ws, &args.id)?;
    finish(&edit::renumber(&ws, index, args.number)?, &args.input)
}

/// Prints the diff (`--dry-run`) or writes the plan and prints each file written.
fn finish(plan: &Plan, input: &EditInput) -> anyhow::Result<ExitCode> {
    if plan.is_empty() {
        note("nothing to change");
        return Ok(ExitCode::SUCCESS);
    }
    if input.dry_run {
        emit(&plan.diff()?, None)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for written in plan.apply()? {
        if let Some(from) = &written.renamed_from {
            note(&format!(
                "renamed {} to {}",
                from.display(),
                written.path.display()
            ));
        }
        let _ = writeln!(out, "{}", written.path.display());
    }
    emit(&out, None)?;
    Ok(ExitCode::SUCCESS)
}
