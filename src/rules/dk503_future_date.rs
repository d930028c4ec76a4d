//! DK503 future-date: the decision date is after today (`--today`, else the system date).

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::FutureDate,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let (Some(today), Some(field)) = (ctx.options.today, d.date.as_ref()) else {
        return;
    };
    if let Some(date) = field.date.filter(|date| date.to_days() > today.to_days()) {
        out.push(
            rule.report(
                &d.path,
                field.span,
                format!("date `{date}` is after today (`{today}`)"),
            )
            .with_help("use the date the decision was made; put planned dates in `Effective Date`"),
        );
    }
}
