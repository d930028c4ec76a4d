//! DK502 invalid-date: the decision date is written but is not a calendar date.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::InvalidDate,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(date) = d.date.as_ref().filter(|f| f.date.is_none()) else {
        return;
    };
    out.push(
        rule.report(
            &d.path,
            date.span,
            format!("date `{}` is not a calendar date", date.raw.trim()),
        )
        .with_help("write the date as YYYY-MM-DD"),
    );
}
