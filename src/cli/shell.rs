//! `docket completions SHELL` and `docket man`: shell completions and a man page, both
//! generated from the command-line definition so they never drift from it.

use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use clap::{Args, CommandFactory, ValueEnum};
use clap_complete::Shell as Target;

use super::Cli;
use super::output::emit;

/// The shells completions are written for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

/// `docket completions SHELL`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    shell: Shell,
}

/// `docket man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write `docket.1` and a page per command (`docket-lint.1`, …) into this folder instead
    /// of printing `docket.1`.
    #[arg(long, value_name = "DIR")]
    out: Option<PathBuf>,
}

pub(crate) fn run_completions(args: &CompletionsArgs) -> anyhow::Result<ExitCode> {
    let target = match args.shell {
        Shell::Bash => Target::Bash,
        Shell::Zsh => Target::Zsh,
        Shell::Fish => Target::Fish,
        Shell::Powershell => Target::PowerShell,
        Shell::Elvish => Target::Elvish,
    };
    let mut command = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(target, &mut command, "docket", &mut out);
    emit(&String::from_utf8_lossy(&out), None)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_man(args: &ManArgs) -> anyhow::Result<ExitCode> {
    let command = Cli::command();
    let Some(dir) = &args.out else {
        emit(&page(command)?, None)?;
        return Ok(ExitCode::SUCCESS);
    };
    std::fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
    let mut pages = vec![("docket.1".to_string(), page(command.clone())?)];
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let name = format!("docket-{}", sub.get_name());
        pages.push((format!("{name}.1"), page(sub.clone().name(name))?));
    }
    let mut list = String::new();
    for (name, text) in pages {
        let path = dir.join(name);
        docket::atomic_write::write_atomic(&path, text.as_bytes())?;
        let _ = writeln!(list, "{}", path.display());
    }
    emit(&list, None)?;
    Ok(ExitCode::SUCCESS)
}

/// One man page in roff.
fn page(command: clap::Command) -> anyhow::Result<String> {
    let mut out = Vec::new();
    clap_mangen::Man::new(command).render(&mut out)?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}
