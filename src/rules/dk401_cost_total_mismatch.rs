//! DK401 cost-total-mismatch: a `Total` cost line disagrees with the lines it adds up
//! (`$7 + $7` stated as `$15/month`).

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{CostEstimate, Decision, Money};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK401",
        "cost-total-mismatch",
        Warning,
        "A cost total does not equal the sum of its parts.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

/// Every cost line of a record: the decision's and each option's.
pub(crate) fn all_costs(d: &Decision) -> impl Iterator<Item = &CostEstimate> {
    d.costs
        .iter()
        .chain(d.options.iter().flat_map(|o| &o.costs))
}

/// An amount as it would be written (`$14`, `$15-30`).
pub(crate) fn show(m: &Money) -> String {
    let symbol = match m.currency.as_str() {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => "",
    };
    let n = |v: f64| {
        if (v - v.round()).abs() < 1e-9 {
            format!("{v:.0}")
        } else {
            format!("{v:.2}")
        }
    };
    if (m.low - m.high).abs() < 1e-9 {
        format!("{symbol}{}", n(m.low))
    } else {
        format!("{symbol}{}-{}", n(m.low), n(m.high))
    }
}

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for total in all_costs(d).filter(|c| c.is_total && !c.parts.is_empty()) {
        let Some(stated) = &total.amount else {
            continue;
        };
        let amounts: Option<Vec<&Money>> = total.parts.iter().map(|p| p.amount.as_ref()).collect();
        let Some(amounts) = amounts else {
            continue;
        };
        // Parts billed on another period or currency cannot be summed as written.
        let comparable = total.parts.iter().all(|p| p.period == total.period)
            && amounts.iter().all(|m| m.currency == stated.currency);
        if !comparable || stated.approximate || amounts.iter().any(|m| m.approximate) {
            continue;
        }
        let low: f64 = amounts.iter().map(|m| m.low).sum();
        let high: f64 = amounts.iter().map(|m| m.high).sum();
        if (low - stated.low).abs() > 0.005 || (high - stated.high).abs() > 0.005 {
            let sum = Money {
                low,
                high,
                approximate: false,
                currency: stated.currency.clone(),
            };
            let parts: Vec<String> = amounts.iter().map(|m| show(m)).collect();
            out.push(
                rule.report(
                    &d.path,
                    total.span,
                    format!(
                        "the total `{}` does not equal its parts `{}` = `{}`",
                        show(stated),
                        parts.join(" + "),
                        show(&sum)
                    ),
                )
                .with_help("correct the total or the parts"),
            );
        }
    }
}
