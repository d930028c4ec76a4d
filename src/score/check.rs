//! The score and cost checks as coded findings: `DK3xx` for criteria tables, `DK4xx` for costs.
//! Their names and severities are the registry's ([`Code`]); `check` runs them on one record.

use crate::config::ScoreConfig;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, Span};

/// A finding of one score or cost code; the path is filled in later.
pub(crate) fn finding(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(code, "", span, message)
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
