//! DK601–DK608: the checks of `docket graph --check`, as registry entries. The checks live in
//! `graph`; each entry keeps the findings of its own code from one cached `graph::check` run
//! over the corpus. One-sided supersedes are DK509's (it has a fix), so DK602 reports amends only.

use super::{Check, LintContext, Rule, rule_info};
use crate::diagnostics::Diagnostic;

/// Declares the registry entry of one graph code.
macro_rules! graph_rule {
    ($id:ident, $code:literal, $name:literal, $severity:ident, $on:literal, $summary:literal) => {
        #[doc = concat!("The registry entry of ", $code, " ", $name, ".")]
        pub(crate) static $id: Rule = Rule {
            info: rule_info!($code, $name, $severity, $summary, fixable = false),
            enabled_by_default: $on,
            check: Check::Corpus(check),
        };
    };
}

graph_rule!(
    DK601,
    "DK601",
    "unresolved-link",
    Warning,
    true,
    "A link names a record that is not in the set."
);
graph_rule!(
    DK602,
    "DK602",
    "one-sided-link",
    Warning,
    true,
    "An amends link is stated on one side only (supersedes are DK509's)."
);
graph_rule!(
    DK603,
    "DK603",
    "supersede-cycle",
    Error,
    true,
    "Records supersede each other in a circle."
);
graph_rule!(
    DK604,
    "DK604",
    "superseded-by-superseded",
    Info,
    true,
    "A record's replacement is itself superseded; the message names the current head."
);
graph_rule!(
    DK605,
    "DK605",
    "accepted-supersedes-accepted",
    Error,
    true,
    "An accepted record supersedes another that is still accepted."
);
graph_rule!(
    DK606,
    "DK606",
    "orphan-record",
    Info,
    false,
    "A record has no resolved link in or out."
);
graph_rule!(
    DK607,
    "DK607",
    "conflicting-decisions",
    Error,
    true,
    "Two accepted records on the same topic chose different options."
);
graph_rule!(
    DK608,
    "DK608",
    "broken-relative-link",
    Warning,
    true,
    "A relation link points at a non-record file that does not exist."
);

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(
        ctx.graph_findings()
            .iter()
            .filter(|f| f.code == rule.info.code)
            .cloned(),
    );
}
