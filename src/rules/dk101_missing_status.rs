//! DK101 missing-status: the record states no status at all.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MissingStatus,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    if d.status.span.is_some() || !d.status.raw.is_empty() || ctx.source(&d.path).trim().is_empty()
    {
        return;
    }
    out.push(
        rule.report(&d.path, d.title.span, "the record states no status")
            .with_help("add a status such as `Status: Accepted` (or a `## Status` section)"),
    );
}
