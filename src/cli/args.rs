//! Arguments every command shares: which records to read (paths, `--config`, `--ext`), where
//! to write (`--output`), how the site is built (`build` and `serve`), and how findings are
//! printed and turned into an exit code.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use docket::diagnostics::render::{
    HumanOptions, render_github, render_gitlab, render_human, render_json, render_sarif,
};
use docket::diagnostics::{Diagnostic, Severity, SourceMap, Summary};
use docket::model::Date;
use docket::rules;
use docket::site::SiteOptions;
use docket::workspace::{Workspace, WorkspaceOptions};

/// Which records to read.
#[derive(Debug, Args)]
pub(crate) struct InputArgs {
    /// Record files or folders (default: the current folder).
    pub(crate) paths: Vec<PathBuf>,
    /// The docket.toml to read (default: the nearest one in or above the first path's folder).
    #[arg(long, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,
    /// Also read files with this extension in folders (repeatable): `--ext txt`.
    #[arg(long = "ext", value_name = "EXT")]
    pub(crate) extensions: Vec<String>,
}

impl InputArgs {
    /// The paths given, or the current folder.
    pub(crate) fn paths(&self) -> Vec<PathBuf> {
        if self.paths.is_empty() {
            vec![PathBuf::from(".")]
        } else {
            self.paths.clone()
        }
    }

    /// Loads the workspace: config, records and graph, once. A `[lint]` section naming an
    /// unknown code is an invalid config.
    pub(crate) fn load(&self) -> anyhow::Result<Workspace> {
        self.load_with(false)
    }

    /// Loads the workspace as [`InputArgs::load`] does; with `html`, each record is also
    /// rendered as sanitised HTML for the site.
    pub(crate) fn load_with(&self, html: bool) -> anyhow::Result<Workspace> {
        let progress = std::sync::Arc::new(docket::corpus::Progress::default());
        let options = WorkspaceOptions {
            config: self.config.clone(),
            extra_extensions: self.extensions.clone(),
            html,
            progress: Some(std::sync::Arc::clone(&progress)),
        };
        let bar = super::progress::Bar::start(&progress);
        let workspace = Workspace::load(&self.paths(), &options);
        drop(bar);
        let workspace = workspace?;
        rules::check_config(&workspace.config.lint)?;
        super::output::verbose(&format!(
            "read {} records{}",
            workspace.corpus.decisions.len(),
            workspace
                .config_path
                .as_ref()
                .map_or_else(String::new, |c| format!(" with {}", c.display()))
        ));
        Ok(workspace)
    }
}

/// How the site is built, shared by `docket build` and `docket serve`.
#[derive(Debug, Args)]
pub(crate) struct SiteArgs {
    /// The folder to write the site to.
    #[arg(long, default_value = "site", value_name = "DIR")]
    pub(crate) out: PathBuf,
    /// A folder of templates replacing the built-ins of the same name (default: `[site]
    /// templates` in docket.toml).
    #[arg(long, value_name = "DIR")]
    pub(crate) templates: Option<PathBuf>,
    /// The path the site is served under, such as `/decisions/` (default: relative links).
    #[arg(long, value_name = "PATH")]
    pub(crate) base_path: Option<String>,
    /// Write into a non-empty folder docket did not make.
    #[arg(long)]
    pub(crate) force: bool,
}

impl SiteArgs {
    /// The library's site options; `input`'s paths are the folders the site must stay out of.
    pub(crate) fn options(&self, input: &InputArgs) -> SiteOptions {
        SiteOptions {
            out: self.out.clone(),
            templates: self.templates.clone(),
            base_path: self.base_path.clone(),
            title: None,
            force: self.force,
            protected: input.paths.clone(),
        }
    }
}

/// Where results go.
#[derive(Debug, Args)]
pub(crate) struct OutputArgs {
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
}

/// How findings are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FindingsFormat {
    /// Annotated source snippets, for people.
    Human,
    /// docket's JSON findings document.
    Json,
    /// GitHub Actions workflow commands (annotations on the pull request).
    Github,
    /// GitLab code quality (Code Climate JSON) for a `codequality` report artifact.
    Gitlab,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
}

/// When human output is coloured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Color {
    Auto,
    Always,
    Never,
}

/// Findings in a format, the way `lint`, `graph --check` and `score --check` all print them.
pub(crate) fn render_findings(
    format: FindingsFormat,
    to_file: bool,
    findings: &[Diagnostic],
    sources: &SourceMap,
) -> String {
    match format {
        FindingsFormat::Human => {
            let color = match super::output::settings().color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => {
                    !to_file
                        && std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none()
                }
            };
            render_human(findings, sources, HumanOptions { color })
        }
        FindingsFormat::Json => render_json(findings, sources),
        FindingsFormat::Github => render_github(findings, sources),
        FindingsFormat::Gitlab => render_gitlab(findings, sources),
        FindingsFormat::Sarif => render_sarif(
            findings,
            sources,
            &rules::rule_infos(),
            env!("CARGO_PKG_VERSION"),
        ),
    }
}

/// 1 when a finding is an error, or a warning is denied or over the limit; 0 otherwise.
pub(crate) fn findings_exit_code(
    findings: &[Diagnostic],
    deny_warnings: bool,
    max_warnings: Option<usize>,
) -> ExitCode {
    let s = Summary::of(findings);
    let too_many = max_warnings.is_some_and(|n| s.warnings > n);
    let denied = deny_warnings && findings.iter().any(|d| d.severity == Severity::Warning);
    if s.errors > 0 || too_many || denied {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The date a flag gives as `YYYY-MM-DD`, or today's (UTC) when it is absent.
pub(crate) fn date_arg(flag: &str, given: Option<&str>) -> anyhow::Result<Date> {
    if let Some(text) = given {
        let parts: Vec<&str> = text.split('-').collect();
        let date = match parts.as_slice() {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => Date::from_ymd(
                y.parse().unwrap_or(0),
                m.parse().unwrap_or(0),
                d.parse().unwrap_or(0),
            ),
            _ => None,
        };
        return date.ok_or_else(|| {
            docket::Error::InvalidValue {
                what: flag.into(),
                value: text.into(),
                message: "expected a date as YYYY-MM-DD".into(),
            }
            .into()
        });
    }
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .context("reading the system clock")?
        .as_secs();
    Date::from_days(i64::try_from(secs / 86_400)?).context("the system date is out of range")
}
