//! DK701 invalid-embedded-code: a `toml`, `yaml` or `json` code block that does not parse
//! (a broken `fly.toml` example). The parser ran the check; this rule reports it.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::InvalidEmbeddedCode,
    check: Check::Record(check),
};

fn check(rule: &Rule, d: &Decision, _ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for block in &d.code_blocks {
        let Some(check) = block.check.as_ref().filter(|c| !c.ok) else {
            continue;
        };
        let lang = block.lang.as_deref().unwrap_or("code");
        let error = check.error.as_deref().unwrap_or("parse error");
        let error = error.lines().next().unwrap_or(error).trim();
        let span = check.error_span.unwrap_or(block.span);
        out.push(
            rule.report(&d.path, span, format!("the `{lang}` block does not parse: {error}"))
                .with_help(format!("fix the example so it is valid {lang}, or tag the block `text` if it is not meant to be")),
        );
    }
}
