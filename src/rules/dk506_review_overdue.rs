//! DK506 review-overdue: an accepted record whose typed review date has passed.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, StatusKind};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::ReviewOverdue,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(today) = ctx.options.today else {
        return;
    };
    let Some(field) = d.review_date.as_ref() else {
        return;
    };
    let Some(review) = field.date else {
        return;
    };
    // A month-precision review date falls due at the end of its month.
    let due = review.last_day();
    let grace = i64::from(ctx.config().review_grace_days.unwrap_or(0));
    if d.status.kind == StatusKind::Accepted && today.to_days() > due.to_days() + grace {
        let days = today.to_days() - due.to_days();
        out.push(
            rule.report(
                &d.path,
                field.span,
                format!("review date `{review}` passed {days} days ago"),
            )
            .with_help("review the decision, then set the next review date (or supersede it)"),
        );
    }
}
