//! DK205 number-collision: a record added since the `--changed-since` ref takes a number that
//! another record already has on that ref, as parallel branches in ADR folders often do.

use super::context::{file_name, folder_of};
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::NumberCollision,
    check: Check::Corpus(check),
};

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(base) = &ctx.options.base else {
        return;
    };
    for d in &ctx.corpus.decisions {
        if base.iter().any(|b| b.path == d.path) {
            continue;
        }
        let Some((series, number)) = d.numbering() else {
            continue;
        };
        let folder = folder_of(&d.path);
        if let Some(other) = base.iter().find(|b| {
            folder_of(&b.path) == folder && b.id.series == series && b.id.number == number
        }) {
            out.push(
                rule.report(
                    &d.path,
                    d.title.span,
                    format!("this new record's number `{number}` is already taken by `{}` on the base ref", file_name(&other.path)),
                )
                .with_help("renumber the new record to the next number free on the base branch"),
            );
        }
    }
}
