//! DK203 numbering-gap (off by default): numbers skipped within a folder's series, which may
//! mean a record was deleted instead of superseded.

use std::collections::BTreeMap;

use super::context::folder_of;
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::Decision;

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::NumberingGap,
    check: Check::Corpus(check),
};

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    type Series<'a> = (&'a str, Option<String>);
    let mut groups: BTreeMap<Series<'_>, Vec<(u32, &Decision)>> = BTreeMap::new();
    for d in &ctx.corpus.decisions {
        if let Some((series, number)) = d.numbering() {
            groups
                .entry((folder_of(&d.path), series))
                .or_default()
                .push((number, d));
        }
    }
    for records in groups.values_mut() {
        records.sort_by_key(|(n, d)| (*n, d.path.clone()));
        for pair in records.windows(2) {
            let ((before, _), (after, d)) = (pair[0], pair[1]);
            if after > before + 1 {
                let missing = if after == before + 2 {
                    format!("number `{}` is", before + 1)
                } else {
                    format!("numbers `{}` to `{}` are", before + 1, after - 1)
                };
                out.push(
                    rule.report(&d.path, d.title.span, format!("{missing} missing before this record"))
                        .with_help("restore the missing records, or mark them superseded or deprecated instead of deleting them"),
                );
            }
        }
    }
}
