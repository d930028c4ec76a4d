//! DK301 too-few-options: the record lists a single considered option, so nothing was weighed.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::TooFewOptions,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    // An unnamed option is a template's empty heading, not a weighed choice.
    if let [only] = d.options.as_slice()
        && !only.name.trim().is_empty()
    {
        out.push(
            rule.report(
                &d.path,
                only.span,
                format!("`{}` is the only option considered", only.name),
            )
            .with_help(
                "list at least one alternative that was weighed, even if it is doing nothing",
            ),
        );
    }
}
