//! DK508 non-iso-date: the decision date is a real date but not written as ISO 8601
//! (`20220513`, `May 13, 2022`), so it sorts and compares badly as text.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::NonIsoDate,
    check: Check::Record(check),
};

/// Whether a text starts with `YYYY-MM-DD`.
fn starts_iso(raw: &str) -> bool {
    let b = raw
        .trim_start_matches(['*', '_', '`', '"', '\''])
        .as_bytes();
    b.len() >= 10
        && b[..10].iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(field) = d.date.as_ref() else {
        return;
    };
    let Some(date) = field.date else {
        return;
    };
    if starts_iso(field.raw.trim()) {
        return;
    }
    out.push(
        rule.report(
            &d.path,
            field.span,
            format!(
                "date `{}` is not written as ISO 8601 (`{date}`)",
                field.raw.trim()
            ),
        )
        .with_help(format!("write `{date}`")),
    );
}
