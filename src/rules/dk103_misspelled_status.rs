//! DK103 misspelled-status: a word of a status line is a misspelling of a status or of the
//! relation verb beside it (adr-tools users often write `Superceded` and `Supercedes`). Every
//! line of the status is checked; the fix rewrites just the word and keeps its meaning.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic, Edit};
use crate::model::{Decision, Span};
use crate::parse::status_misspellings;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MisspelledStatus,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let source = ctx.source(&d.path);
    for line_span in &d.status.lines {
        let Some(line) = source.get(line_span.start..line_span.end) else {
            continue;
        };
        for (range, fixed) in status_misspellings(line) {
            let word = &line[range.clone()];
            let span = Span::new(line_span.start + range.start, line_span.start + range.end);
            let mut diag = rule
                .report(
                    &d.path,
                    span,
                    format!("status `{word}` is a misspelling of `{fixed}`"),
                )
                .with_help(format!("write `{fixed}`"));
            diag.fix.push(Edit {
                span,
                replacement: fixed,
            });
            out.push(diag);
        }
    }
}
