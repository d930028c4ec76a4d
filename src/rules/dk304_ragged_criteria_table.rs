//! DK304 ragged-criteria-table: a criterion row lacks a rating for some option (a short row or
//! an empty cell), so the table cannot be scored.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{Decision, RatingMark};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK304",
        "ragged-criteria-table",
        Warning,
        "A criteria table row has a missing or empty rating cell.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for table in &d.criteria {
        for c in &table.criteria {
            for option in &table.options {
                match c.ratings.iter().find(|r| r.option == *option) {
                    None => out.push(
                        rule.report(
                            &d.path,
                            c.span,
                            format!("criterion `{}` has no rating for `{option}`", c.name),
                        )
                        .with_help("give every option a rating in every row"),
                    ),
                    Some(r) if r.mark == RatingMark::Empty => out.push(
                        rule.report(
                            &d.path,
                            r.span,
                            format!("criterion `{}` has an empty rating for `{option}`", c.name),
                        )
                        .with_help("rate the option, or write `n/a` in words if it does not apply"),
                    ),
                    Some(_) => {}
                }
            }
        }
    }
}
