//! DK310–DK321 and DK401–DK405: the criteria-table and cost checks of `docket score`, run as
//! rules. The checks live in `score`; each registry entry keeps the findings of its own code
//! from one cached `score::check` run per record, so `[lint]` settings, suppressions and
//! `--explain` treat them like any rule.

use super::{LintContext, Rule};
use crate::diagnostics::Diagnostic;
use crate::model::Decision;

/// The record check of every score and cost code.
pub(crate) fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    out.extend(
        ctx.score_findings(&d.path)
            .iter()
            .filter(|f| f.code == rule.info().code)
            .cloned(),
    );
}
