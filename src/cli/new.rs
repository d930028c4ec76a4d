//! `docket new` and `docket init`: write a record from a template, or set up a project.

mod editor;
mod prompt;

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
    /// The record's title; asked for in a terminal when left out.
    pub(crate) title: Option<String>,
    /// The record template: dr (default), adr, madr, nygard, hosting, or one of your own.
    #[arg(long, short)]
    pub(crate) template: Option<String>,
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
    /// Open the new record in $VISUAL, else $EDITOR, once written.
    #[arg(long)]
    pub(crate) edit: bool,
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
    let config_path = match &args.config {
        Some(file) => Some(file.clone()),
        None => find_config(Path::new(".")),
    };
    let config = match &config_path {
        Some(file) => Config::from_file(file)?,
        None => Config::default(),
    };
    let templates = args.templates.clone().or(config.new.templates);
    let answers = answers(args, templates.as_deref())?;
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
        title: answers.title,
        template: answers.template,
        series: args.series.clone(),
        status: args.status.clone(),
        date: date_arg("--date", args.date.as_deref())?,
        supersedes: args.supersedes.clone(),
        related: args.related.clone(),
        options: answers.options,
        criteria,
        tags: args.tags.clone(),
        templates,
    };
    let record = authoring::create_new(&dir, &workspace.corpus.decisions, &new)?;
    super::output::emit(&format!("{}\n", record.path.display()), None)?;
    if args.edit {
        editor::open(&record.path)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The title, template and options: from the flags, asked for in a terminal when the title
/// is missing, else a usage error (exit 2).
fn answers(args: &NewArgs, templates: Option<&Path>) -> anyhow::Result<prompt::Answers> {
    if let Some(title) = args.title.as_deref().filter(|t| !t.trim().is_empty()) {
        return Ok(prompt::Answers {
            title: title.trim().to_string(),
            template: args
                .template
                .clone()
                .unwrap_or_else(|| prompt::DEFAULT_TEMPLATE.to_string()),
            options: trimmed(&args.options),
        });
    }
    if !prompt::may_prompt() {
        anyhow::bail!(
            "the <TITLE> argument is required: docket new \"Title\" [OPTIONS] (docket asks for \
             it only when stdin and stdout are terminals and CI is not set)"
        );
    }
    let given = prompt::Given {
        template: args.template.as_deref(),
        options: !args.options.is_empty(),
    };
    let mut answers = prompt::ask(
        &mut std::io::stdin().lock(),
        &mut std::io::stderr().lock(),
        &authoring::templates::available(templates),
        &given,
    )?;
    if given.options {
        answers.options = trimmed(&args.options);
    }
    Ok(answers)
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
