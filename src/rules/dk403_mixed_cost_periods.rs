//! DK403 mixed-cost-periods: one option's recurring costs use different periods (`/month`
//! beside `/year`), so its estimates cannot be compared at a glance. One-off costs are exempt.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{Decision, Period};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK403",
        "mixed-cost-periods",
        Warning,
        "One option's recurring cost estimates use different periods.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn period_name(p: Period) -> &'static str {
    match p {
        Period::Hour => "hour",
        Period::Day => "day",
        Period::Week => "week",
        Period::Month => "month",
        Period::Year => "year",
        Period::OneOff => "one-off",
    }
}

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for option in &d.options {
        let mut recurring = option
            .costs
            .iter()
            .filter(|c| c.amount.is_some())
            .filter_map(|c| c.period.filter(|p| *p != Period::OneOff).map(|p| (p, c)));
        let Some((first, _)) = recurring.next() else {
            continue;
        };
        if let Some((other, c)) = recurring.find(|(p, _)| *p != first) {
            out.push(
                rule.report(
                    &d.path,
                    c.span,
                    format!(
                        "option `{}` states costs per `{}` and per `{}`",
                        option.name,
                        period_name(first),
                        period_name(other)
                    ),
                )
                .with_help(format!(
                    "state every recurring cost of the option per {}",
                    period_name(first)
                )),
            );
        }
    }
}
