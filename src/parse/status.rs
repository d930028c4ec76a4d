//! Status: where records write it (a field, a `Status` section, a heading, a table cell, a
//! badge) and what the words mean, in English and the languages common in the wild.

use super::markdown::{Block, Doc, ListItem};
use super::metadata::{MetaEntry, find};
use super::sections::Sec;
use super::text::raw;
use crate::model::{Status, StatusKind};

/// Words that name a status, matched as whole words, earliest in the text wins.
const WORDS: &[(&str, StatusKind)] = &[
    ("superseded", StatusKind::Superseded),
    ("superceded", StatusKind::Superseded),
    ("supersceded", StatusKind::Superseded),
    ("superseeded", StatusKind::Superseded),
    ("replaced", StatusKind::Superseded),
    ("ersetzt", StatusKind::Superseded),
    ("abgelöst", StatusKind::Superseded),
    ("reemplazado", StatusKind::Superseded),
    ("reemplazada", StatusKind::Superseded),
    ("sustituido", StatusKind::Superseded),
    ("substituído", StatusKind::Superseded),
    ("substituido", StatusKind::Superseded),
    ("remplacé", StatusKind::Superseded),
    ("remplacée", StatusKind::Superseded),
    ("sostituito", StatusKind::Superseded),
    ("vervangen", StatusKind::Superseded),
    ("accepted", StatusKind::Accepted),
    ("accept", StatusKind::Accepted),
    ("approved", StatusKind::Accepted),
    ("agreed", StatusKind::Accepted),
    ("adopted", StatusKind::Accepted),
    ("decided", StatusKind::Accepted),
    ("done", StatusKind::Accepted),
    ("implemented", StatusKind::Accepted),
    ("completed", StatusKind::Accepted),
    ("complete", StatusKind::Accepted),
    ("active", StatusKind::Accepted),
    ("akzeptiert", StatusKind::Accepted),
    ("angenommen", StatusKind::Accepted),
    ("genehmigt", StatusKind::Accepted),
    ("aceptado", StatusKind::Accepted),
    ("aceptada", StatusKind::Accepted),
    ("aprobado", StatusKind::Accepted),
    ("aceito", StatusKind::Accepted),
    ("aceita", StatusKind::Accepted),
    ("aprovado", StatusKind::Accepted),
    ("accepté", StatusKind::Accepted),
    ("acceptée", StatusKind::Accepted),
    ("approuvé", StatusKind::Accepted),
    ("accettato", StatusKind::Accepted),
    ("approvato", StatusKind::Accepted),
    ("geaccepteerd", StatusKind::Accepted),
    ("goedgekeurd", StatusKind::Accepted),
    ("zaakceptowany", StatusKind::Accepted),
    ("принято", StatusKind::Accepted),
    ("已接受", StatusKind::Accepted),
    ("proposed", StatusKind::Proposed),
    ("rfc", StatusKind::Proposed),
    ("on hold", StatusKind::Proposed),
    ("deferred", StatusKind::Proposed),
    ("postponed", StatusKind::Proposed),
    ("proposal", StatusKind::Proposed),
    ("pending", StatusKind::Proposed),
    ("open", StatusKind::Proposed),
    ("in progress", StatusKind::Proposed),
    ("in review", StatusKind::Proposed),
    ("under review", StatusKind::Proposed),
    ("under discussion", StatusKind::Proposed),
    ("discussion", StatusKind::Proposed),
    ("suggested", StatusKind::Proposed),
    ("vorgeschlagen", StatusKind::Proposed),
    ("propuesto", StatusKind::Proposed),
    ("propuesta", StatusKind::Proposed),
    ("proposto", StatusKind::Proposed),
    ("proposé", StatusKind::Proposed),
    ("proposée", StatusKind::Proposed),
    ("voorgesteld", StatusKind::Proposed),
    ("deprecated", StatusKind::Deprecated),
    ("obsolete", StatusKind::Deprecated),
    ("retired", StatusKind::Deprecated),
    ("archived", StatusKind::Deprecated),
    ("veraltet", StatusKind::Deprecated),
    ("obsoleto", StatusKind::Deprecated),
    ("obsolète", StatusKind::Deprecated),
    ("rejected", StatusKind::Rejected),
    ("declined", StatusKind::Rejected),
    ("withdrawn", StatusKind::Rejected),
    ("abandoned", StatusKind::Rejected),
    ("abgelehnt", StatusKind::Rejected),
    ("rechazado", StatusKind::Rejected),
    ("rechazada", StatusKind::Rejected),
    ("rejeitado", StatusKind::Rejected),
    ("rejeté", StatusKind::Rejected),
    ("rejetée", StatusKind::Rejected),
    ("rifiutato", StatusKind::Rejected),
    ("afgewezen", StatusKind::Rejected),
    ("draft", StatusKind::Draft),
    ("incomplete", StatusKind::Draft),
    ("wip", StatusKind::Draft),
    ("work in progress", StatusKind::Draft),
    ("entwurf", StatusKind::Draft),
    ("borrador", StatusKind::Draft),
    ("rascunho", StatusKind::Draft),
    ("brouillon", StatusKind::Draft),
    ("bozza", StatusKind::Draft),
];

/// What a status text means: the status word that appears first, or `Unknown`.
/// Template placeholders such as `{proposed | accepted}` are `Unknown`.
#[must_use]
pub fn classify_status(text: &str) -> StatusKind {
    let lower = text.to_lowercase();
    let trimmed = lower.trim();
    if trimmed.starts_with(['{', '[', '<']) && trimmed.contains('|') {
        return StatusKind::Unknown;
    }
    if trimmed.matches('|').count() >= 2 || trimmed.matches(" or ").count() >= 2 {
        return StatusKind::Unknown;
    }
    let mut best: Option<(usize, StatusKind)> = None;
    let mut kinds_named = std::collections::BTreeSet::new();
    for (word, kind) in WORDS {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(word) {
            let at = from + pos;
            let end = at + word.len();
            let before_ok = lower[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = lower[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                kinds_named.insert(*kind);
                if best.is_none_or(|(b, _)| at < b) {
                    best = Some((at, *kind));
                }
                break;
            }
            from = end;
        }
    }
    // A template's prompt lists the choices (`proposed, accepted, rejected, …`): not a status.
    if kinds_named.len() >= 3 {
        return StatusKind::Unknown;
    }
    best.map_or(StatusKind::Unknown, |(_, k)| k)
}

fn status_from(text: &str, raw_text: String, span: crate::model::Span) -> Status {
    Status {
        kind: classify_status(text),
        raw: raw_text,
        span: Some(span),
    }
}

/// Finds the status: a `Status` field, then a `Status` section or heading, then a table row,
/// then a badge.
pub(crate) fn find_status(
    doc: &Doc,
    secs: &[Sec<'_>],
    meta: &[MetaEntry<'_>],
    src: &str,
) -> Status {
    if let Some(e) = find(meta, &["status", "state", "decision status", "adr status"])
        && !e.value.is_empty()
    {
        return status_from(&e.value, raw(src, e.span), e.span);
    }
    for sec in secs {
        let key = sec.key();
        if let Some(rest) = key.strip_prefix("status") {
            let rest = rest.trim_start_matches([':', ' ', '-']);
            if !rest.is_empty() {
                // `## Status: **Proposed**`
                let line = sec.line;
                let colon = line.text.find([':', '-']).map_or(0, |i| i + 1);
                let value = line.text[colon..].trim();
                return status_from(value, raw(src, line.span), line.span);
            }
            if let Some(status) = status_in_section(doc, sec, src) {
                return status;
            }
        }
    }
    if let Some(status) = status_in_tables(doc, src) {
        return status;
    }
    status_from_badge(doc).unwrap_or_default()
}

/// The first line of a `Status` section that names a status; else its first line.
fn status_in_section(doc: &Doc, sec: &Sec<'_>, src: &str) -> Option<Status> {
    let mut first = None;
    for block in &doc.blocks[sec.heading + 1..sec.own_end] {
        let lines: Vec<&super::markdown::Line> = match block {
            Block::Paragraph { lines, .. } => lines.iter().collect(),
            Block::List { items, .. } => items.iter().flat_map(ListItem::lines).collect(),
            _ => continue,
        };
        for line in lines {
            let kind = classify_status(&line.text);
            if kind != StatusKind::Unknown {
                return Some(status_from(&line.text, raw(src, line.span), line.span));
            }
            // A badge standing for the status: `![Accepted](…/badge/adr-accepted-green)`.
            if let Some(kind) = line
                .images
                .iter()
                .map(badge_status)
                .find(|k| *k != StatusKind::Unknown)
            {
                return Some(Status {
                    kind,
                    raw: raw(src, line.span),
                    span: Some(line.span),
                });
            }
            first.get_or_insert(line);
        }
    }
    first.map(|line| status_from(&line.text, raw(src, line.span), line.span))
}

fn status_in_tables(doc: &Doc, src: &str) -> Option<Status> {
    for block in &doc.blocks {
        if let Block::Table { head, rows, .. } = block {
            for row in std::iter::once(head).chain(rows) {
                if let [k, v, ..] = row.as_slice()
                    && super::text::normalise_key(&k.text) == "status"
                {
                    return Some(status_from(&v.text, raw(src, v.span), v.span));
                }
            }
            // A column headed Status with one data row.
            if let Some(col) = head
                .iter()
                .position(|c| super::text::normalise_key(&c.text) == "status")
                && rows.len() == 1
                && let Some(cell) = rows[0].get(col)
            {
                return Some(status_from(&cell.text, raw(src, cell.span), cell.span));
            }
        }
    }
    None
}

/// A shields.io-style badge whose alt text or URL names the status.
fn status_from_badge(doc: &Doc) -> Option<Status> {
    for block in doc.blocks.iter().take(12) {
        if let Block::Paragraph { lines, .. } = block {
            for line in lines {
                for image in &line.images {
                    let alt = image.text.to_lowercase();
                    if !alt.contains("status") && !image.href.to_lowercase().contains("status-") {
                        continue;
                    }
                    let kind = badge_status(image);
                    if kind != StatusKind::Unknown {
                        return Some(Status {
                            kind,
                            raw: image.text.clone(),
                            span: Some(image.span),
                        });
                    }
                }
            }
        }
    }
    None
}

/// What a badge image says: its alt text, else the label of a shields.io-style URL.
fn badge_status(image: &super::markdown::InlineLink) -> StatusKind {
    let alt = image.text.to_lowercase().replace("status", " ");
    let kind = classify_status(&alt);
    if kind != StatusKind::Unknown {
        return kind;
    }
    let href = image.href.to_lowercase();
    href.find("/badge/").map_or(StatusKind::Unknown, |i| {
        classify_status(
            &href[i + 7..]
                .replace(['-', '_', '/', '.'], " ")
                .replace("status", " "),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words() {
        let cases = [
            ("✅ **Accepted**", StatusKind::Accepted),
            ("Accepted", StatusKind::Accepted),
            (
                "Superceded by [3. Foo](0003-foo.md)",
                StatusKind::Superseded,
            ),
            ("Accepted, amended by ADR-4", StatusKind::Accepted),
            ("Akzeptiert", StatusKind::Accepted),
            ("Proposed", StatusKind::Proposed),
            (
                "{proposed | rejected | accepted | deprecated}",
                StatusKind::Unknown,
            ),
            ("reopened", StatusKind::Unknown),
            ("Draft", StatusKind::Draft),
            (
                "What is the status, such as proposed, accepted, rejected?",
                StatusKind::Unknown,
            ),
            ("`RFC`", StatusKind::Proposed),
            ("", StatusKind::Unknown),
        ];
        for (text, kind) in cases {
            assert_eq!(classify_status(text), kind, "{text}");
        }
    }
}
