//! DK307 missing-winner: a criteria table with no `**Winner:**` or `Chosen option` line, so a
//! reader cannot tell which option the table picked.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;
use crate::model::{ChosenSource, Decision};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    info: rule_info!(
        "DK307",
        "missing-winner",
        Warning,
        "A criteria table has no winner line and the record names no chosen option.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let chosen = d
        .chosen
        .as_ref()
        .is_some_and(|c| c.source != ChosenSource::DecisionEmphasis);
    for table in d.criteria.iter().filter(|t| t.winner.is_none()) {
        if chosen {
            continue;
        }
        let span = table.criteria.first().map_or(table.span, |c| c.span);
        out.push(
            rule.report(&d.path, span, format!("the criteria table under `{}` names no winner", table.heading.as_deref().unwrap_or("the record")))
                .with_help("add `**Winner:** <option>` (or MADR's `Chosen option: \"<option>\"`) after the table"),
        );
    }
}
