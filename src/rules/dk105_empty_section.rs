//! DK105 empty-section: a heading with nothing under it, not even a subsection.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::EmptySection,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (i, s) in d.sections.iter().enumerate() {
        if s.level < 2 || d.has_subsections(i) || s.content.blocks > 0 || s.content.comments > 0 {
            continue;
        }
        out.push(
            rule.report(&d.path, s.span, format!("section `{}` is empty", s.title))
                .with_help("write the section or remove the heading"),
        );
    }
}
