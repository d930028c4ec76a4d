//! DK507 stale-proposal: a record still `proposed` long after its date (90 days unless
//! `[lint] proposed_max_age_days` says otherwise).

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, StatusKind};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::StaleProposal,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(today) = ctx.options.today else {
        return;
    };
    if d.status.kind != StatusKind::Proposed {
        return;
    }
    let Some(date) = d.date.as_ref().and_then(|f| f.date) else {
        return;
    };
    let limit = i64::from(ctx.config().proposed_max_age_days.unwrap_or(90));
    let age = today.to_days() - date.to_days();
    if age > limit {
        let span = d.status.span.unwrap_or(d.title.span);
        out.push(
            rule.report(
                &d.path,
                span,
                format!(
                    "the record has been proposed since `{date}` ({age} days, more than {limit})"
                ),
            )
            .with_help(
                "accept, reject or withdraw the proposal, or update its date if it was revised",
            ),
        );
    }
}
