//! DK601–DK608: the checks of the decision graph, run as rules. The checks live in `graph`;
//! each registry entry keeps the findings of its own code from one cached `graph::check` run
//! over the workspace. One-sided supersedes are DK509's (it has a fix), so DK602 reports
//! amends only.

use super::{LintContext, Rule};
use crate::diagnostics::Diagnostic;

/// The corpus check of every graph code.
pub(crate) fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(
        ctx.graph_findings()
            .iter()
            .filter(|f| f.code == rule.info().code)
            .cloned(),
    );
}
