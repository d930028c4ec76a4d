//! `docket lint`: run the rules, print the findings in a format, apply safe fixes, and set the
//! exit code (0 clean, 1 findings, 2 failure).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, ValueEnum};
use docket::corpus::{Corpus, display_path};
use docket::diagnostics::Diagnostic;
use docket::model::Date;
use docket::rules::{self, LintOptions};

use super::args::{FindingsFormat, InputArgs, OutputArgs, findings_exit_code, render_findings};
use super::output::{emit, note};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Deny {
    Warnings,
}

/// Arguments of `docket lint`.
#[derive(Debug, Args)]
pub(crate) struct LintArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    format: FindingsFormat,
    #[command(flatten)]
    out: OutputArgs,
    /// Print the documentation of a rule (`DK103`) and exit.
    #[arg(long, value_name = "CODE")]
    explain: Option<String>,
    /// List every rule with its code, default severity and summary, and exit.
    #[arg(long)]
    list_rules: bool,
    /// The date that date rules compare against (default: today's date, UTC).
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<String>,
    /// Fail (exit 1) when there are more than this many warnings.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Fail (exit 1) on any warning.
    #[arg(long, value_enum)]
    deny: Option<Deny>,
    /// Apply safe fixes to the record files.
    #[arg(long)]
    fix: bool,
    /// With --fix: print the changes as a unified diff instead of writing them.
    #[arg(long, requires = "fix")]
    dry_run: bool,
    /// Lint only records changed since this git ref, and flag new records whose number is taken on it.
    #[arg(long, value_name = "REF")]
    changed_since: Option<String>,
}

pub(crate) fn run(args: &LintArgs) -> anyhow::Result<ExitCode> {
    let output = args.out.output.as_deref();
    if let Some(code) = &args.explain {
        let rule = rules::lookup(code).with_context(|| {
            format!("unknown rule code `{code}`; `docket lint --list-rules` lists them")
        })?;
        emit(rule.info().explanation, output)?;
        return Ok(ExitCode::SUCCESS);
    }
    if args.list_rules {
        emit(&rules::rule_table(), output)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut workspace = args.input.load()?;
    let mut options = LintOptions {
        today: Some(today(args.today.as_deref())?),
        ..LintOptions::default()
    };
    if let Some(reference) = &args.changed_since {
        let (only, base) = changed_since(reference, &args.input.paths(), &workspace.corpus)?;
        options.only_paths = Some(only);
        options.base = Some(base);
    }
    let mut findings = rules::run(&workspace, &options);
    if args.fix {
        let changed = apply_fixes(&findings, &workspace.corpus, args.dry_run)?;
        if args.dry_run {
            emit(&changed, output)?;
            return Ok(ExitCode::from(u8::from(!changed.is_empty())));
        }
        workspace = args.input.load()?;
        findings = rules::run(&workspace, &options);
    }
    let text = render_findings(
        args.format,
        output.is_some(),
        &findings,
        &workspace.corpus.sources,
    );
    emit(&text, output)?;
    Ok(findings_exit_code(
        &findings,
        args.deny == Some(Deny::Warnings),
        args.max_warnings,
    ))
}

fn today(given: Option<&str>) -> anyhow::Result<Date> {
    super::args::date_arg("--today", given)
}

/// The records changed since a ref (as corpus paths) and the numbered records on that ref.
fn changed_since(
    reference: &str,
    paths: &[PathBuf],
    corpus: &Corpus,
) -> anyhow::Result<(BTreeSet<String>, Vec<rules::BaseRecord>)> {
    let cwd = std::env::current_dir().context("reading the current folder")?;
    let relative = |p: &str| {
        Path::new(p)
            .strip_prefix(&cwd)
            .map_or_else(|_| p.to_string(), display_path)
    };
    let changed = docket::changes::changed_paths(reference)?;
    let only: BTreeSet<String> = corpus
        .decisions
        .iter()
        .map(|d| d.path.as_str())
        .chain(corpus.diagnostics.iter().map(|d| d.path.as_str()))
        .filter(|p| changed.contains(&relative(p)))
        .map(str::to_string)
        .collect();
    let folders: Vec<&Path> = paths
        .iter()
        .map(|p| {
            if p.is_dir() {
                p.as_path()
            } else {
                p.parent().unwrap_or(Path::new("."))
            }
        })
        .collect();
    let mut extensions = vec!["md".to_string(), "markdown".to_string()];
    extensions.extend(
        paths
            .iter()
            .filter_map(|p| p.extension())
            .map(|e| e.to_string_lossy().into_owned()),
    );
    let base = docket::changes::records_at(reference, &folders, &extensions)?;
    Ok((only, base))
}

/// Applies the findings' fixes, or with `dry_run` returns their unified diff.
fn apply_fixes(findings: &[Diagnostic], corpus: &Corpus, dry_run: bool) -> anyhow::Result<String> {
    let mut diff = String::new();
    let mut files = 0;
    let mut applied = 0;
    for (path, edits) in rules::edits_by_path(findings) {
        let bytes = std::fs::read(&path).with_context(|| format!("reading {path}"))?;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            note(&format!(
                "skipping fixes in {path}: the file is not valid UTF-8"
            ));
            continue;
        };
        let body = docket::parse::strip_bom(text);
        let bom = &text[..text.len() - body.len()];
        if corpus.sources.text(&path) != Some(body) {
            note(&format!(
                "skipping fixes in {path}: the file changed while docket was reading it"
            ));
            continue;
        }
        let (fixed, n) = rules::apply_edits(body, &edits);
        if n == 0 || fixed == body {
            continue;
        }
        if dry_run {
            diff.push_str(&rules::unified_diff(&path, body, &fixed));
        } else {
            docket::atomic_write::write_atomic(
                Path::new(&path),
                format!("{bom}{fixed}").as_bytes(),
            )?;
        }
        files += 1;
        applied += n;
    }
    if !dry_run {
        note(&format!("applied {applied} fixes in {files} files"));
    }
    Ok(diff)
}
