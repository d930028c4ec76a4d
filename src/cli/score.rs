//! `docket score`: recompute every criteria table, compare the winners and costs.

use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use docket::config::ScoreConfig;
use docket::diagnostics::{Family, Summary};
use docket::model::Weight;
use docket::rules::{self, LintOptions};
use docket::score::{RecordScore, score_decision};

use super::args::{FindingsFormat, InputArgs, OutputArgs, findings_exit_code, render_findings};
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
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: ScoreFormat,
    /// What-if weight for a criterion, as `"Name=Critical"`, `"Name=4"` or `"Name=30%"` (repeatable).
    #[arg(long = "weight", value_name = "NAME=WEIGHT")]
    weights: Vec<String>,
    /// Exit 1 when a declared winner disagrees, a stated total is wrong, or any other
    /// error-level option, criteria or cost finding (`DK3xx`, `DK4xx`) remains after the `[lint]`
    /// settings and suppressions.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    out: OutputArgs,
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

pub(crate) fn run(args: &ScoreArgs) -> anyhow::Result<ExitCode> {
    let output = args.out.output.as_deref();
    let mut workspace = args.input.load()?;
    workspace.config.score.weight_overrides = args
        .weights
        .iter()
        .map(|w| parse_override(w))
        .collect::<anyhow::Result<_>>()?;
    let config = &workspace.config.score;
    let mut scores: Vec<RecordScore> = workspace
        .corpus
        .decisions
        .iter()
        .map(|d| score_decision(d, config))
        .filter(|s| !s.is_empty())
        .collect();
    check_overrides_used(&scores, config)?;
    // The findings the report shows are the lint pipeline's, so `[lint]` settings and
    // suppressions apply to them as they do under `docket lint`.
    let options = LintOptions {
        families: vec![Family::Options, Family::Costs],
        ..LintOptions::default()
    };
    let findings = rules::run(&workspace, &options);
    for s in &mut scores {
        s.diagnostics = findings
            .iter()
            .filter(|d| d.path == s.path)
            .cloned()
            .collect();
    }
    let sources = &workspace.corpus.sources;
    let text = match args.format {
        ScoreFormat::Human => {
            let mut text = if scores.is_empty() {
                format!(
                    "No criteria tables or cost estimates in {} record(s).\n",
                    workspace.corpus.decisions.len()
                )
            } else {
                docket::score::to_human(&scores, sources)
            };
            if args.check || !findings.is_empty() {
                text.push('\n');
                text.push_str(&render_findings(
                    FindingsFormat::Human,
                    output.is_some(),
                    &findings,
                    sources,
                ));
            }
            text
        }
        ScoreFormat::Markdown => docket::score::to_markdown(&scores),
        ScoreFormat::Json => docket::score::to_json(&scores, sources)?,
    };
    emit(&text, output).context("writing the score report")?;
    let errors = Summary::of(&findings).errors;
    if matches!(args.format, ScoreFormat::Markdown) && errors > 0 {
        note(&format!(
            "{errors} error-level finding(s); run with --format human to see them"
        ));
    }
    Ok(if args.check {
        findings_exit_code(&findings, false, None)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each `--weight` must name a criterion of some table.
fn check_overrides_used(scores: &[RecordScore], config: &ScoreConfig) -> anyhow::Result<()> {
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
    Ok(())
}
