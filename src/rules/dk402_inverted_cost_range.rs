//! DK402 inverted-cost-range: a cost range whose low end is above its high end (`$30-15`).

use super::dk401_cost_total_mismatch::{all_costs, show};
use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK402",
        "inverted-cost-range",
        Error,
        "A cost range has its low end above its high end.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let costs = all_costs(d).flat_map(|c| std::iter::once(c).chain(&c.parts));
    for c in costs {
        if let Some(m) = &c.amount
            && m.low > m.high
        {
            out.push(
                rule.report(
                    &d.path,
                    c.span,
                    format!("the cost range `{}` runs from high to low", show(m)),
                )
                .with_help("write the lower amount first"),
            );
        }
    }
}
