//! Applying safe fixes: each [`Edit`] replaces exactly the bytes it names, and nothing else in
//! the file changes. Writing the result is the caller's job (through `atomic_write`).

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Edit};

/// The fixes of a set of findings, grouped by file, in file order.
#[must_use]
pub fn edits_by_path(diagnostics: &[Diagnostic]) -> BTreeMap<String, Vec<Edit>> {
    let mut out: BTreeMap<String, Vec<Edit>> = BTreeMap::new();
    for d in diagnostics.iter().filter(|d| !d.fix.is_empty()) {
        out.entry(d.path.clone())
            .or_default()
            .extend(d.fix.iter().cloned());
    }
    out
}

/// Applies edits to a text. Edits are taken in span order; one that overlaps an edit already
/// taken, or does not fall on character boundaries, is skipped. Returns the new text and how
/// many edits were applied.
#[must_use]
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, usize) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    sorted.dedup();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    let mut applied = 0;
    for edit in sorted {
        let (start, end) = (edit.span.start, edit.span.end);
        let fits = start >= at
            && end <= text.len()
            && text.is_char_boundary(start)
            && text.is_char_boundary(end);
        if !fits {
            continue;
        }
        out.push_str(&text[at..start]);
        out.push_str(&edit.replacement);
        at = end;
        applied += 1;
    }
    out.push_str(&text[at..]);
    (out, applied)
}

/// A unified diff of one file's fixes, headed `a/PATH` and `b/PATH` as git writes them.
#[must_use]
pub fn unified_diff(path: &str, old: &str, new: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{path}"), &format!("b/{path}"))
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn edit(start: usize, end: usize, with: &str) -> Edit {
        Edit {
            span: Span::new(start, end),
            replacement: with.to_string(),
        }
    }

    #[test]
    fn edits_change_only_their_bytes_and_overlaps_are_skipped() {
        let text = "Status: Superceded\nrest\n";
        let (out, n) = apply_edits(
            text,
            &[
                edit(8, 18, "Superseded"),
                edit(10, 12, "xx"),
                edit(24, 24, "end\n"),
            ],
        );
        assert_eq!(out, "Status: Superseded\nrest\nend\n");
        assert_eq!(n, 2);
    }

    #[test]
    fn edits_off_char_boundaries_are_skipped() {
        let (out, n) = apply_edits("✅ ok", &[edit(1, 2, "x")]);
        assert_eq!((out.as_str(), n), ("✅ ok", 0));
    }
}
