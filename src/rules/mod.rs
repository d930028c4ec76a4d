//! Lint rules: one rule per file, the [`RULES`] registry (parse-stage codes included), and
//! [`run`], which applies the `[lint]` config, inline suppressions and the sort order after the
//! rules have reported. Rules read the model through [`LintContext`] and never markdown.
//!
//! ```
//! use docket::corpus::Corpus;
//! use docket::rules::{LintOptions, run};
//! use docket::workspace::Workspace;
//!
//! let mut corpus = Corpus::default();
//! let text = "# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAcceptd\n";
//! corpus.decisions.push(docket::parse_record(text, "0001-use-postgres.md").decision);
//! corpus.sources.insert("0001-use-postgres.md", text.to_string());
//! let workspace = Workspace::from_corpus(corpus, Default::default());
//! let findings = run(&workspace, &LintOptions::default());
//! assert!(findings.iter().any(|d| d.code == "DK103"));
//! ```

mod context;
mod fix;
mod graph_checks;
mod score_checks;

mod dk101_missing_status;
mod dk102_unknown_status;
mod dk103_misspelled_status;
mod dk104_missing_section;
mod dk105_empty_section;
mod dk106_template_placeholder;
mod dk201_id_mismatch;
mod dk202_duplicate_number;
mod dk203_numbering_gap;
mod dk204_inconsistent_series_prefix;
mod dk205_number_collision;
mod dk301_too_few_options;
mod dk302_chosen_not_among_options;
mod dk303_option_name_mismatch;
mod dk501_missing_date;
mod dk502_invalid_date;
mod dk503_future_date;
mod dk504_review_date_not_a_date;
mod dk505_superseded_without_replacement;
mod dk506_review_overdue;
mod dk507_stale_proposal;
mod dk508_non_iso_date;
mod dk509_one_sided_supersede;
mod dk701_invalid_embedded_code;

use std::collections::BTreeSet;

use rayon::prelude::*;

pub use context::{BaseRecord, LintContext, LintOptions, refers_to_option};
pub use fix::{apply_edits, edits_by_path, unified_diff};

use crate::config::LintConfig;
use crate::diagnostics::{Code, Diagnostic, Family, RuleInfo, SourceMap, sort_diagnostics};
use crate::error::Result;
use crate::model::{Decision, SuppressionScope};
use crate::workspace::Workspace;

/// How a rule finds problems.
#[derive(Clone, Copy)]
pub enum Check {
    /// The loader or the parser reports it; the entry gives it docs and config.
    Parse,
    /// One record at a time.
    Record(fn(&Rule, &Decision, &LintContext<'_>, &mut Vec<Diagnostic>)),
    /// The whole workspace at once (numbering, links between records).
    Corpus(fn(&Rule, &LintContext<'_>, &mut Vec<Diagnostic>)),
}

/// A registry entry: a code and the check that reports it.
pub struct Rule {
    /// The code; its name, severity, summary and docs are [`Code::info`]'s.
    pub code: Code,
    /// What finds the problems.
    pub check: Check,
}

impl Rule {
    /// The code's registry entry.
    #[must_use]
    pub fn info(&self) -> &'static RuleInfo {
        self.code.info()
    }
}

/// A registry entry, for the codes whose check is shared.
const fn rule(code: Code, check: Check) -> Rule {
    Rule { code, check }
}

/// The parse-stage codes: the loader and the parser report them.
const PARSE: Check = Check::Parse;
/// The score and cost codes: one cached `score::check` run per record.
const SCORE: Check = Check::Record(score_checks::check);
/// The graph codes: one cached `graph::check` run over the workspace.
const GRAPH: Check = Check::Corpus(graph_checks::check);

/// Every rule docket knows, in code order: one entry per [`Code`].
pub static RULES: &[&Rule] = &[
    &rule(Code::InvalidUtf8, PARSE),
    &rule(Code::InvalidFrontMatter, PARSE),
    &rule(Code::EmptyRecord, PARSE),
    &rule(Code::MissingTitle, PARSE),
    &rule(Code::MultipleTitles, PARSE),
    &rule(Code::RecordInCodeFence, PARSE),
    &rule(Code::TitleNotLevel1, PARSE),
    &rule(Code::UnreadableFile, PARSE),
    &rule(Code::LimitExceeded, PARSE),
    &dk101_missing_status::RULE,
    &dk102_unknown_status::RULE,
    &dk103_misspelled_status::RULE,
    &dk104_missing_section::RULE,
    &dk105_empty_section::RULE,
    &dk106_template_placeholder::RULE,
    &dk201_id_mismatch::RULE,
    &dk202_duplicate_number::RULE,
    &dk203_numbering_gap::RULE,
    &dk204_inconsistent_series_prefix::RULE,
    &dk205_number_collision::RULE,
    &dk301_too_few_options::RULE,
    &dk302_chosen_not_among_options::RULE,
    &dk303_option_name_mismatch::RULE,
    &rule(Code::WinnerMismatch, SCORE),
    &rule(Code::StatedTotalMismatch, SCORE),
    &rule(Code::UnrecognisedRating, SCORE),
    &rule(Code::UnrecognisedWeight, SCORE),
    &rule(Code::WeightsDoNotSum, SCORE),
    &rule(Code::MissingWinner, SCORE),
    &rule(Code::MissingRating, SCORE),
    &rule(Code::UnreadableStatedTotal, SCORE),
    &rule(Code::WeightedPartMismatch, SCORE),
    &rule(Code::NoEligibleOption, SCORE),
    &rule(Code::UnknownDeclaredWinner, SCORE),
    &rule(Code::TiedWinner, SCORE),
    &rule(Code::CostTotalMismatch, SCORE),
    &rule(Code::CostRangeInverted, SCORE),
    &rule(Code::MixedCostPeriods, SCORE),
    &rule(Code::CostWithoutPeriod, SCORE),
    &rule(Code::MixedCurrencies, SCORE),
    &dk501_missing_date::RULE,
    &dk502_invalid_date::RULE,
    &dk503_future_date::RULE,
    &dk504_review_date_not_a_date::RULE,
    &dk505_superseded_without_replacement::RULE,
    &dk506_review_overdue::RULE,
    &dk507_stale_proposal::RULE,
    &dk508_non_iso_date::RULE,
    &dk509_one_sided_supersede::RULE,
    &rule(Code::UnresolvedLink, GRAPH),
    &rule(Code::OneSidedLink, GRAPH),
    &rule(Code::SupersedeCycle, GRAPH),
    &rule(Code::SupersededBySuperseded, GRAPH),
    &rule(Code::AcceptedSupersedesAccepted, GRAPH),
    &rule(Code::OrphanRecord, GRAPH),
    &rule(Code::ConflictingDecisions, GRAPH),
    &rule(Code::BrokenRelativeLink, GRAPH),
    &dk701_invalid_embedded_code::RULE,
];

/// The registry entry for a code (`DK102`, case-insensitive).
#[must_use]
pub fn lookup(code: &str) -> Option<&'static Rule> {
    RULES
        .iter()
        .copied()
        .find(|r| r.info().code.eq_ignore_ascii_case(code))
}

/// The registry as renderers see it.
#[must_use]
pub fn rule_infos() -> Vec<RuleInfo> {
    RULES.iter().map(|r| *r.info()).collect()
}

/// Checks that every code the `[lint]` section names is a known rule.
pub fn check_config(config: &LintConfig) -> Result<()> {
    for (code, span) in config.named_codes() {
        if lookup(code).is_none() {
            return Err(config.error_at(span.start, format!("unknown rule code `{code}`")));
        }
    }
    Ok(())
}

fn is_enabled(rule: &Rule, config: &LintConfig, families: &[Family]) -> bool {
    let named = |list: &[toml::Spanned<String>]| {
        list.iter()
            .any(|c| c.get_ref().eq_ignore_ascii_case(rule.info().code))
    };
    (rule.info().enabled_by_default || named(&config.enable))
        && !named(&config.disable)
        && (families.is_empty() || families.contains(&rule.code.family()))
}

/// Runs every enabled rule over the workspace and returns the findings (parse-stage ones
/// included) with config severities and suppressions applied, sorted by (path, span, code).
/// `lint`, `graph --check` and `score --check` all report through here.
#[must_use]
pub fn run(workspace: &Workspace, options: &LintOptions) -> Vec<Diagnostic> {
    let ctx = LintContext::new(workspace, options);
    let corpus = &workspace.corpus;
    let config = &workspace.config.lint;
    let enabled = |r: &Rule| is_enabled(r, config, &options.families);
    let mut out: Vec<Diagnostic> = corpus.diagnostics.clone();
    let rules: Vec<&Rule> = RULES.iter().copied().filter(|r| enabled(r)).collect();
    // Record rules run on every record in parallel; each record's findings are kept per rule
    // and gathered below in the serial order (rule, then record), so output never depends on
    // scheduling.
    let mut per_record: Vec<Vec<Vec<Diagnostic>>> = corpus
        .decisions
        .par_iter()
        .map(|decision| {
            rules
                .iter()
                .map(|rule| {
                    let mut found = Vec::new();
                    if let Check::Record(check) = rule.check {
                        check(rule, decision, &ctx, &mut found);
                    }
                    found
                })
                .collect()
        })
        .collect();
    for (k, rule) in rules.iter().enumerate() {
        match rule.check {
            Check::Parse => {}
            Check::Record(_) => {
                for found in &mut per_record {
                    out.append(&mut found[k]);
                }
            }
            Check::Corpus(check) => check(rule, &ctx, &mut out),
        }
    }
    out.retain(|d| lookup(d.code).is_none_or(enabled));
    for d in &mut out {
        if let Some((_, severity)) = config
            .severity
            .iter()
            .find(|(code, _)| code.get_ref().eq_ignore_ascii_case(d.code))
        {
            d.severity = *severity;
        }
    }
    out.retain(|d| !is_suppressed(d, &ctx, &corpus.sources));
    if let Some(only) = &options.only_paths {
        out.retain(|d| only.contains(&d.path));
    }
    sort_diagnostics(&mut out);
    out.dedup();
    out
}

/// Whether an inline `docket-disable` comment covers a finding.
fn is_suppressed(d: &Diagnostic, ctx: &LintContext<'_>, sources: &SourceMap) -> bool {
    let Some(decision) = ctx.decision(&d.path) else {
        return false;
    };
    let line = sources.line_col(&d.path, d.span.start).line;
    decision.suppressions.iter().any(|s| {
        let names = s.codes.is_empty() || s.codes.iter().any(|c| c == d.code);
        names
            && match s.scope {
                SuppressionScope::File => true,
                SuppressionScope::NextLine => {
                    sources.line_col(&d.path, s.span.end.saturating_sub(1)).line + 1 == line
                }
            }
    })
}

/// The rules as a markdown table: code, name, default severity, fixable, summary.
#[must_use]
pub fn rule_table() -> String {
    use std::fmt::Write;
    let mut out = String::from(
        "| Code | Name | Default | Fix | Finds |\n|------|------|---------|-----|-------|\n",
    );
    for rule in RULES {
        let i = rule.info();
        let severity = if i.enabled_by_default {
            i.severity.as_str().to_string()
        } else {
            format!("{} (off)", i.severity.as_str())
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            i.code,
            i.name,
            severity,
            if i.fixable { "yes" } else { "" },
            i.summary
        );
    }
    out
}

/// The codes of every rule, for `--explain` listings and tests.
#[must_use]
pub fn codes() -> BTreeSet<&'static str> {
    RULES.iter().map(|r| r.info().code).collect()
}
