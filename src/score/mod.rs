//! Scoring criteria tables: weights and rating scales, recomputed totals, the Critical gate,
//! ranking, the computed winner against the declared one, the margin and a sensitivity
//! analysis, plus option costs normalised to a monthly range. It reads the model only
//! (`CriteriaTable`, option costs, the chosen option), so literal tables are enough to test it.
//!
//! ```
//! use docket::config::ScoreConfig;
//! use docket::parse::parse_record;
//!
//! let text = "# Pick a queue\n\n## Decision Criteria\n\n\
//!             | Criterion | Weight | Redis | SQS |\n|---|---|---|---|\n\
//!             | Hosted for us | Critical | ❌ | ✅ |\n| Latency | High | ✅ | ⚠️ |\n\n\
//!             **Winner:** SQS\n";
//! let decision = parse_record(text, "0001-queue.md").decision;
//! let card = docket::score::score_table(&decision.criteria[0], &ScoreConfig::default());
//! assert_eq!(card.winner.as_deref(), Some("SQS"));
//! assert!(card.options[0].eliminated); // Redis is ❌ on a Critical criterion
//! assert_eq!(card.verdict, docket::score::Verdict::Agrees);
//! ```

mod check;
mod claims;
mod costs;
mod matrix;
mod render;
mod scale;
mod sensitivity;
mod table;
mod weights;

pub use check::check;
pub use costs::{CostComparison, MonthlyCost, OptionCosts, PhaseCost};
pub use render::{SCORE_JSON_VERSION, to_human, to_json, to_markdown};
pub use scale::{RatingScale, ScaleKind, ScaleLevel, ValueSource};
pub use sensitivity::{CellChange, RatingFlip, Sensitivity, WeightFlip, WeightSensitivity};
pub use weights::{WeightKind, WeightScale};

use serde::Serialize;

use crate::config::ScoreConfig;
use crate::diagnostics::Diagnostic;
use crate::model::{
    ChosenSource, CriteriaTable, Decision, Span, TableKind, TableLayout, WeightLevel,
};

/// How a criterion's weight was read and what it counted for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightScore {
    /// The cell text (or the `--weight` value).
    pub raw: String,
    /// The named level, if any.
    pub level: Option<WeightLevel>,
    /// What it counted for; `None` when it could not be read, so the criterion was left out.
    pub value: Option<f64>,
    /// True when `--weight` replaced the record's weight.
    pub overridden: bool,
}

/// One option's rating on one criterion, valued.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellScore {
    /// The option.
    pub option: String,
    /// The cell text.
    pub raw: String,
    /// What it is worth on the table's scale; `None` when no scale reads it.
    pub value: Option<f64>,
    /// Where the cell is.
    pub span: Span,
}

/// A criterion with its weight and valued cells.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionScore {
    /// The criterion's name.
    pub name: String,
    /// Its weight; `None` when the table gives none (every criterion then counts 1).
    pub weight: Option<WeightScore>,
    /// The weight used in the totals (0 when left out).
    pub weight_value: f64,
    /// Whether the Critical gate applies to it.
    pub gated: bool,
    /// One cell per option, in option order.
    pub cells: Vec<CellScore>,
}

/// A Critical criterion on which an option is ❌ (eliminated) or ⚠️ (partial).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GateCell {
    /// The criterion.
    pub criterion: String,
    /// The cell text (`⚠️ Manual`).
    pub raw: String,
}

/// A total the record states, checked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedCheck {
    /// The cell text.
    pub raw: String,
    /// The number read, if any.
    pub value: Option<f64>,
    /// Whether it agrees with docket's total (rounded as stated); `None` when not a number.
    pub matches: Option<bool>,
}

/// One option's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionScore {
    /// The option.
    pub name: String,
    /// Σ weight × rating.
    pub total: f64,
    /// `total ÷ best possible total × 100`.
    pub normalised: Option<f64>,
    /// From 1; eliminated options rank after all others; ties share a rank.
    pub rank: usize,
    /// True when the Critical gate eliminated it.
    pub eliminated: bool,
    /// Critical criteria it is ❌ on.
    pub gate_failures: Vec<GateCell>,
    /// Critical criteria it is only ⚠️ (partial) on.
    pub gate_partials: Vec<GateCell>,
    /// Criteria it rates best on (possibly shared), where the options differ.
    pub won: Vec<String>,
    /// Criteria it rates worst on (possibly shared), where the options differ.
    pub lost: Vec<String>,
    /// The total the record states for it, checked.
    pub stated: Option<StatedCheck>,
    /// Cells that no scale could read, left out of its total.
    pub unscored: usize,
    /// True for a Pugh matrix's baseline.
    pub baseline: bool,
}

/// The winner a record declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeclaredWinner {
    /// The name as written.
    pub name: String,
    /// The table option it names, when one matches.
    pub option: Option<String>,
    /// How the record states it.
    pub source: ChosenSource,
    /// Where it is written.
    pub span: Span,
}

/// The computed winner against the declared one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The declared winner is the computed winner.
    Agrees,
    /// The declared winner shares the top total with others.
    AgreesTied,
    /// Another option scores higher than the declared winner.
    Disagrees,
    /// The Critical gate eliminates the declared winner.
    DeclaredEliminated,
    /// The declared winner names no option of the table.
    DeclaredUnknown,
    /// The record declares no winner.
    NoDeclared,
    /// No option is left to win (all eliminated, or no options).
    NoWinner,
}

/// How far the winner is ahead.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Margin {
    /// The next option still in the running.
    pub runner_up: String,
    /// Difference in weighted total.
    pub points: f64,
    /// Difference in normalised score, percentage points.
    pub percent: Option<f64>,
}

/// One criteria table, recomputed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    /// The heading the table sits under.
    pub heading: Option<String>,
    /// The layout the parser recognised.
    pub layout: TableLayout,
    /// Where the table is.
    pub span: Span,
    /// The rating scale used.
    pub scale: RatingScale,
    /// The weights used.
    pub weights: WeightScale,
    /// Whether the Critical gate was on.
    pub gate: bool,
    /// Criteria in table order.
    pub criteria: Vec<CriterionScore>,
    /// Options in table order.
    pub options: Vec<OptionScore>,
    /// The total an option rated best on every criterion would get.
    pub best_possible: f64,
    /// The option that wins alone, if one does.
    pub winner: Option<String>,
    /// The options sharing the top total, when several do.
    pub tied: Vec<String>,
    /// The winner the record declares.
    pub declared: Option<DeclaredWinner>,
    /// The two compared.
    pub verdict: Verdict,
    /// How far the winner is ahead of the runner-up.
    pub margin: Option<Margin>,
    /// What would change the winner (only when one option wins alone).
    pub sensitivity: Option<Sensitivity>,
}

impl Scorecard {
    /// The options in rank order.
    #[must_use]
    pub fn ranked(&self) -> Vec<&OptionScore> {
        let mut out: Vec<&OptionScore> = self.options.iter().collect();
        out.sort_by_key(|o| o.rank);
        out
    }
}

/// Everything `docket score` computed for one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RecordScore {
    /// The record's path.
    pub path: String,
    /// Its id or path, for headings.
    pub label: String,
    /// Its title.
    pub title: String,
    /// One scorecard per criteria table.
    pub tables: Vec<Scorecard>,
    /// Option costs per phase, per month.
    pub costs: CostComparison,
    /// Findings (`DK3xx` scores, `DK4xx` costs), sorted.
    pub diagnostics: Vec<Diagnostic>,
}

impl RecordScore {
    /// Whether there is anything to show: a criteria table or compared costs.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.tables.is_empty() && self.costs.options.is_empty()
    }
}

/// Scores one table with its own declared winner (its `Winner:` or `Chosen option:` line).
///
/// ```
/// use docket::config::ScoreConfig;
/// let text = "# X\n\n## Evaluation\n\n| Option | Speed | Cost | Overall |\n|---|---|---|---|\n\
///             | Weight | 2 | 1 | |\n| A | ✅ | ❌ | 2 |\n| B | ⚠️ | ✅ | 2 |\n";
/// let table = &docket::parse_record(text, "x.md").decision.criteria[0];
/// let card = docket::score::score_table(table, &ScoreConfig::default());
/// assert_eq!(card.options[0].total, 2.0);
/// assert_eq!(card.tied, ["A", "B"]);
/// ```
#[must_use]
pub fn score_table(table: &CriteriaTable, config: &ScoreConfig) -> Scorecard {
    let declared = table.winner.as_ref().map(|w| DeclaredWinner {
        name: w.name.clone(),
        option: None,
        source: ChosenSource::WinnerLine,
        span: w.span,
    });
    table::score(table, config, declared).0
}

/// Scores every scored criteria table of a record and compares its options' costs. A table
/// without its own `Winner:` line is compared with the record's chosen option. Comparisons of
/// free text ([`TableKind::Comparison`]) are shown, not scored, so they give no findings.
#[must_use]
pub fn score_decision(decision: &Decision, config: &ScoreConfig) -> RecordScore {
    let mut diagnostics = Vec::new();
    let tables = decision
        .criteria
        .iter()
        .filter(|table| table.kind == TableKind::Scored)
        .map(|table| {
            let declared = declared_winner(decision, table);
            let (card, findings) = table::score(table, config, declared);
            diagnostics.extend(findings);
            card
        })
        .collect();
    let (costs, cost_findings) = costs::compare(decision);
    diagnostics.extend(cost_findings);
    for d in &mut diagnostics {
        d.path.clone_from(&decision.path);
        for label in &mut d.labels {
            label.path.clone_from(&decision.path);
        }
    }
    crate::diagnostics::sort_diagnostics(&mut diagnostics);
    RecordScore {
        path: decision.path.clone(),
        label: decision.label().to_string(),
        title: decision.title.text.clone(),
        tables,
        costs,
        diagnostics,
    }
}

/// A number with up to two decimals and no trailing zeros: `20`, `9.5`, `0.33`.
#[must_use]
pub fn fmt_plain(value: f64) -> String {
    let s = format!("{value:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// Whether two criterion names are the same, ignoring case and punctuation. Option names
/// compare with [`crate::model::same_option`].
#[must_use]
pub fn same_name(a: &str, b: &str) -> bool {
    crate::model::word_key(a) == crate::model::word_key(b)
}

fn declared_winner(decision: &Decision, table: &CriteriaTable) -> Option<DeclaredWinner> {
    let chosen = decision.chosen.as_ref();
    if let Some(w) = &table.winner {
        let source = chosen
            .filter(|c| c.span == w.span)
            .map_or(ChosenSource::WinnerLine, |c| c.source);
        return Some(DeclaredWinner {
            name: w.name.clone(),
            option: None,
            source,
            span: w.span,
        });
    }
    chosen.map(|c| DeclaredWinner {
        name: c.name.clone(),
        option: None,
        source: c.source,
        span: c.span,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_formatted_plainly() {
        let cases = [
            (20.0, "20"),
            (9.5, "9.5"),
            (1.0 / 3.0, "0.33"),
            (-0.0001, "0"),
            (100.0, "100"),
        ];
        for (value, text) in cases {
            assert_eq!(fmt_plain(value), text);
        }
    }
}
