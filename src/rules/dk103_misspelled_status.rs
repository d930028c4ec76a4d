//! DK103 misspelled-status: the status word is a misspelling of a standard status
//! (adr-tools users often write `Superceded`). The fix rewrites just that word.

use super::{Check, LintContext, Rule};
use crate::diagnostics::{Code, Diagnostic, Edit};
use crate::model::{Decision, Span};

/// The registry entry.
pub(crate) static RULE: Rule = Rule {
    code: Code::MisspelledStatus,
    check: Check::Record(check),
};

const CANONICAL: &[&str] = &[
    "proposed",
    "accepted",
    "rejected",
    "deprecated",
    "superseded",
    "draft",
];

/// Real words close to a status word that records use on purpose.
const NOT_MISSPELLINGS: &[&str] = &[
    "proposal",
    "supersedes",
    "superseding",
    "accepting",
    "rejects",
];

/// The first misspelled status word in a status text: its byte range in `raw` and the word
/// it should be, in the same letter case.
pub(crate) fn misspelling(raw: &str) -> Option<(std::ops::Range<usize>, String)> {
    let mut words = Vec::new();
    let mut start = None;
    for (i, c) in raw.char_indices().chain(std::iter::once((raw.len(), ' '))) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                words.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    let first = words.into_iter().next()?;
    let word = &raw[first.clone()];
    let lower = word.to_ascii_lowercase();
    if CANONICAL.contains(&lower.as_str())
        || NOT_MISSPELLINGS.contains(&lower.as_str())
        || lower.len() < 5
    {
        return None;
    }
    let target = CANONICAL
        .iter()
        .map(|c| (distance(&lower, c), *c))
        .filter(|(dist, _)| (1..=2).contains(dist))
        .min()?
        .1;
    Some((first, same_case(word, target)))
}

fn same_case(model: &str, word: &str) -> String {
    if model.chars().all(|c| c.is_ascii_uppercase()) {
        word.to_ascii_uppercase()
    } else if model.starts_with(|c: char| c.is_ascii_uppercase()) {
        let mut s = word.to_string();
        s[..1].make_ascii_uppercase();
        s
    } else {
        word.to_string()
    }
}

/// Levenshtein distance over bytes (status words are ASCII).
fn distance(a: &str, b: &str) -> usize {
    let b = b.as_bytes();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.bytes().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != *cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}

fn check(rule: &Rule, d: &Decision, ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let Some(span) = d.status.span else {
        return;
    };
    let Some((range, fixed)) = misspelling(&d.status.raw) else {
        return;
    };
    let word = &d.status.raw[range.clone()];
    let mut diag = rule
        .report(
            &d.path,
            Span::new(span.start + range.start, span.start + range.end),
            format!("status `{word}` is a misspelling of `{fixed}`"),
        )
        .with_help(format!("write `{fixed}`"));
    // Only offer the fix when the span still holds exactly the text the parser read.
    if span.slice(ctx.source(&d.path)) == d.status.raw {
        diag.fix.push(Edit {
            span: diag.span,
            replacement: fixed,
        });
    }
    out.push(diag);
}

#[cfg(test)]
mod tests {
    use super::misspelling;

    #[test]
    fn misspellings_table() {
        let rows = [
            (
                "adr-tools spelling",
                "Superceded by [2](0002-x.md)",
                Some("Superseded"),
            ),
            ("dropped letter", "Acceptd", Some("Accepted")),
            ("upper case kept", "PROPSED", Some("PROPOSED")),
            ("correct word", "Accepted", None),
            ("other word", "Approved", None),
            ("short word", "Done", None),
            ("a relation, not a status", "Supersedes ADR-3", None),
            ("a noun", "Proposal", None),
            ("emoji first", "✅ **Acepted**", Some("Accepted")),
        ];
        for (name, raw, want) in rows {
            assert_eq!(misspelling(raw).map(|(_, w)| w).as_deref(), want, "{name}");
        }
    }
}
