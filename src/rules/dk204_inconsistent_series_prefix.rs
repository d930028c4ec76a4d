//! DK204 inconsistent-series-prefix: one folder writes the same series two ways in its file
//! names (`adr-004-…` beside `ADR-005-…`, or `004` beside `0005`). Folders that mix series
//! on purpose (`DR-` beside `ADR-`) are left alone.

use std::collections::BTreeMap;

use super::context::{file_name, folder_of};
use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{Decision, FileNameId};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::InconsistentSeriesPrefix,
    check: Check::Corpus(check),
};

/// How a file name writes its series: the prefix as written and the padded width.
fn spelling(f: &FileNameId) -> (Option<String>, usize) {
    // Unpadded numbers past the padding width (`1000` in a `0nnn` folder) say nothing.
    let width = if f.digits.starts_with('0') || f.digits.len() == 1 {
        f.digits.len()
    } else {
        0
    };
    (f.prefix.clone(), width)
}

fn check(rule: &Rule, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    type Group<'d> = Vec<(&'d FileNameId, &'d Decision)>;
    let mut groups: BTreeMap<(&str, Option<String>), Group<'_>> = BTreeMap::new();
    for d in &ctx.corpus.decisions {
        if let Some(f) = &d.file_id {
            groups
                .entry((folder_of(&d.path), f.series()))
                .or_default()
                .push((f, d));
        }
    }
    for records in groups.values() {
        let mut counts: BTreeMap<(Option<String>, usize), usize> = BTreeMap::new();
        for (f, _) in records {
            let (prefix, width) = spelling(f);
            *counts.entry((prefix.clone(), 0)).or_default() += 1;
            if width > 0 {
                *counts.entry((None, width)).or_default() += 1;
            }
        }
        let usual_prefix = most_common(
            counts
                .iter()
                .filter(|((_, w), _)| *w == 0)
                .map(|((p, _), n)| (p.clone(), *n)),
        );
        let usual_width = most_common(
            counts
                .iter()
                .filter(|((_, w), _)| *w > 0)
                .map(|((_, w), n)| (*w, *n)),
        );
        for (f, d) in records {
            let (prefix, width) = spelling(f);
            let odd_prefix = usual_prefix.as_ref().is_some_and(|u| *u != prefix);
            let odd_width = width > 0 && usual_width.is_some_and(|u| u != width);
            if !(odd_prefix || odd_width) {
                continue;
            }
            let want = match (&usual_prefix, usual_width) {
                (Some(Some(p)), Some(w)) => format!("`{p}-` and {w}-digit numbers"),
                (Some(Some(p)), None) => format!("`{p}-`"),
                (_, Some(w)) => format!("{w}-digit numbers"),
                _ => "one spelling".to_string(),
            };
            out.push(
                rule.report(
                    &d.path,
                    d.title.span,
                    format!(
                        "file name `{}` does not follow the folder's naming ({want})",
                        file_name(&d.path)
                    ),
                )
                .with_help("rename the file to match the other records in the folder"),
            );
        }
    }
}

/// The value most entries share; `None` on a tie, so that a split folder is not blamed on one side.
fn most_common<T: Ord + Clone>(counts: impl Iterator<Item = (T, usize)>) -> Option<T> {
    let mut all: Vec<(T, usize)> = counts.collect();
    all.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    match all.as_slice() {
        [(v, _)] => Some(v.clone()),
        [(v, a), (_, b), ..] if a > b => Some(v.clone()),
        _ => None,
    }
}
