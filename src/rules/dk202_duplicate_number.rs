//! DK202 duplicate-number: two records in one folder and series share a number.

use std::collections::BTreeMap;

use super::context::{file_name, folder_of};
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic, Label};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::DuplicateNumber,
    check: Check::Corpus(check),
};

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut groups: BTreeMap<(&str, Option<String>, u32), Vec<&Decision>> = BTreeMap::new();
    for d in &ctx.corpus.decisions {
        if let Some((series, number)) = d.numbering() {
            groups
                .entry((folder_of(&d.path), series, number))
                .or_default()
                .push(d);
        }
    }
    for ((_, _, number), mut records) in groups {
        records.sort_by(|a, b| a.path.cmp(&b.path));
        let Some((first, rest)) = records.split_first() else {
            continue;
        };
        for d in rest {
            let mut diag = rule
                .report(
                    &d.path,
                    d.title.span,
                    format!(
                        "number `{number}` is also used by `{}`",
                        file_name(&first.path)
                    ),
                )
                .with_help("give one of the records the next free number");
            diag.labels.push(Label {
                path: first.path.clone(),
                span: first.title.span,
                message: "first record with this number".to_string(),
            });
            out.push(diag);
        }
    }
}
