//! DK306 unrecognised-weight: a weight cell is neither a level (Critical, High, Medium, Low,
//! `MoSCoW`) nor a number.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK306",
        "unrecognised-weight",
        Warning,
        "A criteria table weight is neither a known level nor a number.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for table in &d.criteria {
        for c in &table.criteria {
            let Some(w) = &c.weight else {
                continue;
            };
            if w.level.is_none() && w.number.is_none() {
                let message = if w.raw.trim().is_empty() {
                    format!("criterion `{}` has an empty weight", c.name)
                } else {
                    format!(
                        "weight `{}` of criterion `{}` is not a known level or a number",
                        w.raw.trim(),
                        c.name
                    )
                };
                out.push(
                    rule.report(&d.path, w.span, message)
                        .with_help("use Critical, High, Medium or Low (or Must/Should/Could), or a number such as `3` or `30%`"),
                );
            }
        }
    }
}
