//! DK505 superseded-without-replacement: a superseded record that names no replacement, and
//! that no record of the corpus claims to supersede.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, LinkKind, StatusKind};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::SupersededWithoutReplacement,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    if d.status.kind != StatusKind::Superseded
        || d.links.iter().any(|l| l.kind == LinkKind::SupersededBy)
    {
        return;
    }
    // A record that another one supersedes is DK509's case, which can add the link.
    let claimed = ctx.corpus.decisions.iter().any(|other| {
        other.links.iter().any(|l| {
            l.kind == LinkKind::Supersedes
                && ctx.resolve(other, l).is_some_and(|t| t.path == d.path)
        })
    });
    if claimed {
        return;
    }
    let span = d.status.span.unwrap_or(d.title.span);
    out.push(
        rule.report(
            &d.path,
            span,
            "the record is superseded but does not say by which record",
        )
        .with_help("add `Superseded by [N. Title](NNNN-title.md)` next to the status"),
    );
}
