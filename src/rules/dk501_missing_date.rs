//! DK501 missing-date: the record states no date at all. Any date the parser understood
//! counts: the decision date (a field, the Date section, the status line, to the day or the
//! month), a last-modified or effective date, or a dated changelog entry.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{DateField, Decision};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MissingDate,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let dated = |f: &Option<DateField>| f.as_ref().is_some_and(|f| f.date.is_some());
    let has_date = d.date.is_some()
        || dated(&d.updated_date)
        || dated(&d.effective_date)
        || d.changelog.iter().any(|e| e.date.date.is_some());
    if has_date || ctx.source(&d.path).trim().is_empty() {
        return;
    }
    out.push(
        rule.report(&d.path, d.title.span, "the record states no decision date")
            .with_help("add `Date: YYYY-MM-DD` (or `date:` in the front matter)"),
    );
}
