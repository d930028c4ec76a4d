//! DK501 missing-date: the record states no decision date.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MissingDate,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    if d.date.is_some() || ctx.source(&d.path).trim().is_empty() {
        return;
    }
    out.push(
        rule.report(&d.path, d.title.span, "the record states no decision date")
            .with_help("add `Date: YYYY-MM-DD` (or `date:` in the front matter)"),
    );
}
