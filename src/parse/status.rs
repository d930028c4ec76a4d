//! Status: where records write it (a field, a `Status` section, a heading, a table cell, a
//! badge) and what the words mean, in English and the languages common in the wild.

use super::markdown::{Block, Doc, ListItem};
use super::metadata::{MetaEntry, find};
use super::sections::Sec;
use super::text::raw;
use super::vocabulary::{
    Field, NOT_STATUS_MISSPELLINGS, STATUS_KEY, STATUS_WORDS, qualified_status_heading,
};
use crate::model::{Status, StatusKind};

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
    for (word, kind) in STATUS_WORDS {
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

/// The first misspelled status word in a status text (adr-tools users often write
/// `Superceded`): its byte range in `raw` and the word
/// it should be, in the same letter case.
#[must_use]
pub fn status_misspelling(raw: &str) -> Option<(std::ops::Range<usize>, String)> {
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
    let canonical = StatusKind::KNOWN.map(StatusKind::as_str);
    if canonical.contains(&lower.as_str())
        || NOT_STATUS_MISSPELLINGS.contains(&lower.as_str())
        || lower.len() < 5
    {
        return None;
    }
    let target = canonical
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
    if let Some(e) = find(meta, Field::Status)
        && !e.value.is_empty()
    {
        return status_from(&e.value, raw(src, e.span), e.span);
    }
    for sec in secs {
        if let Some(rest) = qualified_status_heading(sec.key()) {
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
                    && super::text::normalise_key(&k.text) == STATUS_KEY
                {
                    return Some(status_from(&v.text, raw(src, v.span), v.span));
                }
            }
            // A column headed Status with one data row.
            if let Some(col) = head
                .iter()
                .position(|c| super::text::normalise_key(&c.text) == STATUS_KEY)
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
                    if !alt.contains(STATUS_KEY)
                        && !image
                            .href
                            .to_lowercase()
                            .contains(&format!("{STATUS_KEY}-"))
                    {
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
    let alt = image.text.to_lowercase().replace(STATUS_KEY, " ");
    let kind = classify_status(&alt);
    if kind != StatusKind::Unknown {
        return kind;
    }
    let href = image.href.to_lowercase();
    href.find("/badge/").map_or(StatusKind::Unknown, |i| {
        classify_status(
            &href[i + 7..]
                .replace(['-', '_', '/', '.'], " ")
                .replace(STATUS_KEY, " "),
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
            assert_eq!(
                status_misspelling(raw).map(|(_, w)| w).as_deref(),
                want,
                "{name}"
            );
        }
    }
}
