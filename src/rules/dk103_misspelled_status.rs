//! DK103 misspelled-status: the status word is a misspelling of a standard status
//! (adr-tools users often write `Superceded`). The fix rewrites just that word.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic, Edit};
use crate::model::{Decision, Span};
use crate::parse::status_misspelling;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MisspelledStatus,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(span) = d.status.span else {
        return;
    };
    let Some((range, fixed)) = status_misspelling(&d.status.raw) else {
        return;
    };
    let word = &d.status.raw[range.clone()];
    let mut diag = rule
        .report(
            &d.path,
            Span::new(span.start + range.start, span.start + range.end),
            format!("status `{word}` is a misspelling of `{fixed}`"),
        )
        .with_help(format!("write `{fixed}`"));
    // Only offer the fix when the span still holds exactly the text the parser read.
    if span.slice(ctx.source(&d.path)) == d.status.raw {
        diag.fix.push(Edit {
            span: diag.span,
            replacement: fixed,
        });
    }
    out.push(diag);
}
