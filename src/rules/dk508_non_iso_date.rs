//! DK508 non-iso-date: the decision date is a real date but not written as ISO 8601
//! (`20220513`, `May 13, 2022`, `May 2024`), so it sorts and compares badly as text. A month
//! written `2024-05` is ISO 8601.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{DatePrecision, Decision};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::NonIsoDate,
    check: Check::Record(check),
};

/// Whether a text starts with `YYYY-MM-DD`, or `YYYY-MM` for a month-precision date.
fn starts_iso(raw: &str, precision: DatePrecision) -> bool {
    let b = raw
        .trim_start_matches(['*', '_', '`', '"', '\''])
        .as_bytes();
    let len = match precision {
        DatePrecision::Day => 10,
        DatePrecision::Month => 7,
    };
    b.len() >= len
        && !b.get(len).is_some_and(u8::is_ascii_digit)
        && b[..len].iter().enumerate().all(|(i, c)| {
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
    if starts_iso(field.raw.trim(), date.precision) {
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
