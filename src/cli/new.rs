//! `docket new` and `docket init`: write a record from a template, or set up a project.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use docket::authoring::{self, NewOptions};
use docket::config::Config;
use docket::workspace::{Workspace, WorkspaceOptions, find_config};

use super::args::date_arg;

/// `docket new "Title"`.
#[derive(Debug, Args)]
pub(crate) struct NewArgs {
    /// The record's title.
    pub(crate) title: Option<String>,
    /// The record template: dr, adr, madr, nygard or hosting.
    #[arg(long, short, default_value = "dr")]
    pub(crate) template: String,
    /// The id series (`DR`); default: the one the folder's file names use.
    #[arg(long)]
    pub(crate) series: Option<String>,
    /// The status written.
    #[arg(long, default_value = "proposed")]
    pub(crate) status: String,
    /// The id of a record this one supersedes (repeatable).
    #[arg(long, value_name = "ID")]
    pub(crate) supersedes: Vec<String>,
    /// The id of a related record (repeatable).
    #[arg(long, value_name = "ID")]
    pub(crate) related: Vec<String>,
    /// The options considered, comma-separated: `"Render,Railway,Fly.io"`.
    #[arg(long, value_delimiter = ',')]
    pub(crate) options: Vec<String>,
    /// Decision criteria with weights, comma-separated: `"Worker support=Critical,Pricing=High"`.
    #[arg(long, value_delimiter = ',')]
    pub(crate) criteria: Vec<String>,
    /// A tag (repeatable).
    #[arg(long = "tag")]
    pub(crate) tags: Vec<String>,
    /// The records folder (default: the first of `[records] dirs`, else the current folder).
    #[arg(long, value_name = "DIR")]
    pub(crate) dir: Option<PathBuf>,
    /// The decision date as YYYY-MM-DD (default: today).
    #[arg(long)]
    pub(crate) date: Option<String>,
    /// A folder of record templates replacing the built-ins of the same name (default: `[new]
    /// templates` in docket.toml).
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// The docket.toml to read (default: the nearest one in or above the current folder).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
}

/// `docket init [DIR]`.
#[derive(Debug, Args)]
pub(crate) struct InitArgs {
    /// The project folder (default: the current folder).
    #[arg(default_value = ".")]
    pub(crate) dir: PathBuf,
    /// The records folder, relative to DIR.
    #[arg(long, default_value = "docs/decisions", value_name = "PATH")]
    pub(crate) records: PathBuf,
    /// The first record's date as YYYY-MM-DD (default: today).
    #[arg(long)]
    pub(crate) date: Option<String>,
}

pub(crate) fn run(args: &NewArgs) -> anyhow::Result<ExitCode> {
    let Some(title) = args.title.clone().filter(|t| !t.trim().is_empty()) else {
        let how = if std::io::stdin().is_terminal() {
            "interactive prompting is not available yet"
        } else {
            "stdin is not a terminal"
        };
        anyhow::bail!("a title is required ({how}); usage: docket new \"Title\" [OPTIONS]");
    };
    let config_path = match &args.config {
        Some(file) => Some(file.clone()),
        None => find_config(Path::new(".")),
    };
    let config = match &config_path {
        Some(file) => Config::from_file(file)?,
        None => Config::default(),
    };
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => match (config.records.dirs.first(), &config_path) {
            (Some(first), Some(file)) => file.parent().unwrap_or(Path::new(".")).join(first),
            _ => PathBuf::from("."),
        },
    };
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let options = WorkspaceOptions {
        config: config_path,
        ..WorkspaceOptions::default()
    };
    let workspace = Workspace::load(std::slice::from_ref(&dir), &options)?;
    let criteria = args
        .criteria
        .iter()
        .filter(|c| !c.trim().is_empty())
        .map(|c| match c.split_once('=') {
            Some((name, weight)) => (name.trim().to_string(), weight.trim().to_string()),
            None => (c.trim().to_string(), "Medium".to_string()),
        })
        .collect();
    let new = NewOptions {
        title: title.trim().to_string(),
        template: args.template.clone(),
        series: args.series.clone(),
        status: args.status.clone(),
        date: date_arg("--date", args.date.as_deref())?,
        supersedes: args.supersedes.clone(),
        related: args.related.clone(),
        options: trimmed(&args.options),
        criteria,
        tags: args.tags.clone(),
        templates: args.templates.clone().or(config.new.templates),
    };
    let record = authoring::render_new(&dir, &workspace.corpus.decisions, &new)?;
    authoring::write_new(&record)?;
    super::output::emit(&format!("{}\n", record.path.display()), None)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_init(args: &InitArgs) -> anyhow::Result<ExitCode> {
    let date = date_arg("--date", args.date.as_deref())?;
    let written = authoring::init(&args.dir, &args.records, date)?;
    let list: String = written.iter().fold(String::new(), |acc, p| {
        acc + &p.display().to_string() + "\n"
    });
    super::output::emit(&list, None)?;
    Ok(ExitCode::SUCCESS)
}

fn trimmed(items: &[String]) -> Vec<String> {
    items
        .iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}
