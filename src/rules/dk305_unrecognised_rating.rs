//! DK305 unrecognised-rating: a rating cell fits no scale docket knows and no legend entry.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{Decision, RatingMark};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK305",
        "unrecognised-rating",
        Warning,
        "A criteria table rating cell fits no known scale.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for table in &d.criteria {
        for c in &table.criteria {
            for r in c
                .ratings
                .iter()
                .filter(|r| r.mark == RatingMark::Unrecognised)
            {
                let in_legend = table
                    .legend
                    .iter()
                    .any(|l| r.raw.trim().starts_with(l.symbol.as_str()));
                if in_legend {
                    continue;
                }
                out.push(
                    rule.report(&d.path, r.span, format!("rating `{}` for `{}` on `{}` fits no known scale", r.raw.trim(), r.option, c.name))
                        .with_help("use ✅/⚠️/❌, a number such as `4/5`, stars, Pugh `+`/`S`/`-`, or define the symbol in a legend"),
                );
            }
        }
    }
}
