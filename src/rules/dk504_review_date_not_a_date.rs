//! DK504 review-date-not-a-date: a review or due date written as words (`Phase 12 (before
//! production deployment)`), which no tool can remind anyone of. Reported as info.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::ReviewDateNotADate,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let fields = [("review date", &d.review_date), ("due date", &d.due_date)];
    for (what, field) in fields {
        let Some(f) = field
            .as_ref()
            .filter(|f| f.date.is_none() && !f.raw.trim().is_empty())
        else {
            continue;
        };
        out.push(
            rule.report(&d.path, f.span, format!("{what} `{}` is not a calendar date", f.raw.trim()))
                .with_help(format!("write the {what} as YYYY-MM-DD so overdue reviews can be found; keep the event in brackets after it")),
        );
    }
}
