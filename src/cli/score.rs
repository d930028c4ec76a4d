//! `docket score`: recompute every criteria table, compare the winners and costs.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use docket::config::{Config, ScoreConfig};
use docket::corpus::{Corpus, LoadOptions};
use docket::diagnostics::Severity;
use docket::model::Weight;
use docket::score::{RecordScore, score_decision};

use super::output::{emit, note};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ScoreFormat {
    Human,
    Json,
    Markdown,
}

/// Arguments of `docket score`.
#[derive(Debug, Args)]
pub(crate) struct ScoreArgs {
    /// Record files or folders (default: the current folder).
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ScoreFormat,
    /// What-if weight for a criterion, as `"Name=Critical"`, `"Name=4"` or `"Name=30%"` (repeatable).
    #[arg(long = "weight", value_name = "NAME=WEIGHT")]
    weights: Vec<String>,
    /// Exit 1 when a declared winner disagrees, a stated total is wrong, or any other
    /// error-level finding exists.
    #[arg(long)]
    check: bool,
    /// Also read files with this extension in folders (repeatable): `--ext txt`.
    #[arg(long = "ext", value_name = "EXT")]
    extensions: Vec<String>,
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

/// `"Predictable Pricing=Critical"` → the criterion name and the weight.
fn parse_override(text: &str) -> anyhow::Result<(String, Weight)> {
    let Some((name, value)) = text.rsplit_once('=') else {
        bail!(
            "--weight `{text}` must be `NAME=WEIGHT`, such as `\"Predictable Pricing=Critical\"`"
        );
    };
    let weight = docket::parse::read_weight(value);
    if name.trim().is_empty() || (weight.level.is_none() && weight.number.is_none()) {
        bail!(
            "--weight `{text}`: `{}` is not a level (Critical, High, Medium, Low), number or percentage",
            value.trim()
        );
    }
    Ok((name.trim().to_string(), weight))
}

/// `[score]` from the `docket.toml` of the first folder named, else of the current folder.
fn load_config(paths: &[PathBuf]) -> anyhow::Result<ScoreConfig> {
    let root = paths
        .iter()
        .find(|p| p.is_dir())
        .map_or(Path::new("."), PathBuf::as_path);
    Ok(Config::load(root)?.score)
}

pub(crate) fn run(args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from(".")]
    } else {
        args.paths.clone()
    };
    let mut config = load_config(&paths)?;
    config.weight_overrides = args
        .weights
        .iter()
        .map(|w| parse_override(w))
        .collect::<anyhow::Result<_>>()?;
    let corpus = Corpus::load(
        &paths,
        &LoadOptions {
            extra_extensions: args.extensions.clone(),
        },
    )?;
    let scores: Vec<RecordScore> = corpus
        .decisions
        .iter()
        .map(|d| score_decision(d, &config))
        .filter(|s| !s.is_empty())
        .collect();
    for (name, _) in &config.weight_overrides {
        let used = scores
            .iter()
            .flat_map(|s| &s.tables)
            .flat_map(|t| &t.criteria)
            .any(|c| {
                c.weight.as_ref().is_some_and(|w| w.overridden)
                    && docket::score::same_name(&c.name, name)
            });
        if !used {
            bail!("--weight `{name}`: no criteria table has a criterion of that name");
        }
    }
    let text = match args.format {
        ScoreFormat::Human if scores.is_empty() => {
            format!(
                "No criteria tables or cost estimates in {} record(s).\n",
                corpus.decisions.len()
            )
        }
        ScoreFormat::Human => docket::score::to_human(&scores, &corpus.sources),
        ScoreFormat::Markdown => docket::score::to_markdown(&scores),
        ScoreFormat::Json => docket::score::to_json(&scores, &corpus.sources)?,
    };
    emit(&text, args.output.as_deref()).context("writing the score report")?;
    let findings = scores.iter().flat_map(|s| &s.diagnostics);
    let errors = findings
        .clone()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if matches!(args.format, ScoreFormat::Markdown) && errors > 0 {
        note(&format!(
            "{errors} error-level finding(s); run with --format human to see them"
        ));
    }
    Ok(if args.check && errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
