//! The score and cost checks as coded findings: `DK3xx` for criteria tables, `DK4xx` for costs.
//! `RULES` lists them so the lint registry can register them; `check` runs them on one record.

use crate::config::ScoreConfig;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{Decision, Span};

/// One check `docket score` makes, as the lint registry sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScoreRule {
    /// The stable code.
    pub code: &'static str,
    /// The slug naming the problem.
    pub name: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// One line saying what it finds.
    pub summary: &'static str,
}

const fn rule(
    code: &'static str,
    name: &'static str,
    severity: Severity,
    summary: &'static str,
) -> ScoreRule {
    ScoreRule {
        code,
        name,
        severity,
        summary,
    }
}

/// Every check, by code.
pub const RULES: &[ScoreRule] = &[
    rule(
        "DK310",
        "winner-mismatch",
        Severity::Error,
        "the declared winner is not the option the criteria table scores highest, or the Critical gate eliminates it",
    ),
    rule(
        "DK311",
        "stated-total-mismatch",
        Severity::Error,
        "a total the table states differs from weight × rating summed over the criteria",
    ),
    rule(
        "DK312",
        "unrecognised-rating",
        Severity::Warning,
        "a rating cell fits no scale, or not the scale of the rest of the table",
    ),
    rule(
        "DK313",
        "unrecognised-weight",
        Severity::Warning,
        "a criterion's weight is missing or is not a level, number or percentage",
    ),
    rule(
        "DK314",
        "weights-do-not-sum",
        Severity::Warning,
        "fractional weights do not sum to 1, or percentages to 100%",
    ),
    rule(
        "DK315",
        "missing-winner",
        Severity::Warning,
        "a criteria table has no declared winner or chosen option to compare with",
    ),
    rule(
        "DK316",
        "missing-rating",
        Severity::Warning,
        "an option has an empty cell in a criteria table",
    ),
    rule(
        "DK317",
        "unreadable-stated-total",
        Severity::Info,
        "a stated total is a word rather than a number, so it cannot be checked",
    ),
    rule(
        "DK318",
        "weighted-part-mismatch",
        Severity::Error,
        "a cell such as `7 (28)` states a weighted part that is not weight × rating",
    ),
    rule(
        "DK319",
        "no-eligible-option",
        Severity::Warning,
        "the Critical gate eliminates every option",
    ),
    rule(
        "DK320",
        "unknown-declared-winner",
        Severity::Warning,
        "the declared winner names no option of the criteria table",
    ),
    rule(
        "DK321",
        "tied-winner",
        Severity::Info,
        "the declared winner shares the top total with another option",
    ),
    rule(
        "DK401",
        "cost-total-mismatch",
        Severity::Error,
        "a cost `Total` differs from the sum of the lines above it",
    ),
    rule(
        "DK402",
        "cost-range-inverted",
        Severity::Error,
        "a cost range's low end is above its high end (`$30-15`)",
    ),
    rule(
        "DK403",
        "mixed-cost-periods",
        Severity::Warning,
        "one option's recurring costs mix periods (per month and per year)",
    ),
    rule(
        "DK404",
        "cost-without-period",
        Severity::Info,
        "a non-zero cost has no period, so it cannot be compared per month",
    ),
    rule(
        "DK405",
        "mixed-currencies",
        Severity::Warning,
        "one option's costs mix currencies, so they are not added up",
    ),
];

/// The rule with this code. Every code used in `score` is listed, so this cannot fail.
fn rule_for(code: &str) -> &'static ScoreRule {
    RULES
        .iter()
        .find(|r| r.code == code)
        .expect("every code used by score is in RULES")
}

/// A finding with the rule's name and default severity; the path is filled in later.
pub(crate) fn finding(code: &str, span: Span, message: impl Into<String>) -> Diagnostic {
    let rule = rule_for(code);
    Diagnostic::new(rule.code, rule.name, rule.severity, "", span, message)
}

/// Runs every score and cost check on one record.
///
/// ```
/// use docket::config::ScoreConfig;
/// let text = "# X\n\n## Decision Matrix\n\n| Criterion | Weight | A | B |\n|---|---|---|---|\n\
///             | Speed | High | ✅ | ❌ |\n| Total | | 3 | 1 |\n\n**Winner:** B\n";
/// let decision = docket::parse_record(text, "x.md").decision;
/// let codes: Vec<&str> = docket::score::check(&decision, &ScoreConfig::default())
///     .iter()
///     .map(|d| d.code)
///     .collect();
/// assert_eq!(codes, ["DK311", "DK310"]); // B's stated total is wrong, and B does not win
/// ```
#[must_use]
pub fn check(decision: &Decision, config: &ScoreConfig) -> Vec<Diagnostic> {
    super::score_decision(decision, config).diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_in_their_families() {
        let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for r in RULES {
            assert!(
                r.code.starts_with("DK3") || r.code.starts_with("DK4"),
                "{}",
                r.code
            );
            assert!(r.name.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }
}
