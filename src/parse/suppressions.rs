//! Inline suppression comments (`<!-- docket-disable DK104 -->`) collected into the model;
//! `rules::run` applies them.

use super::markdown::Doc;
use crate::model::{Suppression, SuppressionScope};

pub(super) fn find_suppressions(doc: &Doc) -> Vec<Suppression> {
    let mut out = Vec::new();
    for (comment, span) in &doc.comments {
        let inner = comment
            .trim()
            .trim_start_matches("<!--")
            .trim_end_matches("-->")
            .trim();
        let (scope, rest) = if let Some(r) = inner.strip_prefix("docket-disable-next-line") {
            (SuppressionScope::NextLine, r)
        } else if let Some(r) = inner.strip_prefix("docket-disable") {
            (SuppressionScope::File, r)
        } else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with(char::is_whitespace)) {
            continue;
        }
        let codes = rest
            .split([' ', ',', '\n', '\t'])
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_ascii_uppercase)
            .collect();
        out.push(Suppression {
            codes,
            scope,
            span: *span,
        });
    }
    out
}
