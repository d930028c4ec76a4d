//! DK302 chosen-not-among-options: the record names a chosen option that its options list
//! does not contain, by name, by position (`Option 2`) or by its significant words. Records that list only the rejected alternatives and name the choice in
//! prose (seed 003) are not reported.

use super::context::refers_to_option;
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{ChosenSource, Decision};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::ChosenNotAmongOptions,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(chosen) = &d.chosen else {
        return;
    };
    // An emphasised name in prose is too weak a statement to hold the options list to.
    if chosen.source == ChosenSource::DecisionEmphasis || d.options.len() < 2 {
        return;
    }
    let names: Vec<&str> = d.options.iter().map(|o| o.name.as_str()).collect();
    if refers_to_option(&chosen.name, &names) {
        return;
    }
    let names: Vec<String> = d.options.iter().map(|o| format!("`{}`", o.name)).collect();
    out.push(
        rule.report(
            &d.path,
            chosen.span,
            format!(
                "the chosen option `{}` is not among the considered options",
                chosen.name
            ),
        )
        .with_help(format!(
            "name one of {} or add the chosen option to the list",
            names.join(", ")
        )),
    );
}
