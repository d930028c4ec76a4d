//! DK102 unknown-status: the status is not one of the configured values.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, StatusKind};
use crate::parse::status_misspellings;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::UnknownStatus,
    check: Check::Record(check),
};

/// The configured statuses, lower-cased.
pub(crate) fn allowed_statuses(ctx: &LintContext<'_>) -> Vec<String> {
    ctx.config().statuses.as_ref().map_or_else(
        || {
            StatusKind::KNOWN
                .iter()
                .map(|k| k.as_str().to_string())
                .collect()
        },
        |list| list.iter().map(|s| s.trim().to_lowercase()).collect(),
    )
}

/// The status text without markup, emoji or badge punctuation, lower-cased.
pub(crate) fn plain_status(raw: &str) -> String {
    raw.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == ' ' {
                c
            } else {
                ' '
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(span) = d.status.span else {
        return;
    };
    if d.status.raw.trim().is_empty() || !status_misspellings(&d.status.raw).is_empty() {
        return;
    }
    let allowed = allowed_statuses(ctx);
    let plain = plain_status(&d.status.raw);
    let custom = allowed
        .iter()
        .any(|a| plain == *a || plain.starts_with(&format!("{a} ")));
    let known =
        d.status.kind != StatusKind::Unknown && allowed.iter().any(|a| a == d.status.kind.as_str());
    if custom || known {
        return;
    }
    let first_line = d.status.raw.lines().next().unwrap_or("").trim();
    let message = if d.status.kind == StatusKind::Unknown {
        format!("status `{first_line}` is not a known status")
    } else {
        format!(
            "status `{first_line}` means `{}`, which is not one of the configured statuses",
            d.status.kind.as_str()
        )
    };
    out.push(
        rule.report(&d.path, span, message)
            .with_help(format!("use {}", join_or(&allowed))),
    );
}

/// `a, b or c`.
pub(crate) fn join_or(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} or {last}", init.join(", ")),
    }
}
