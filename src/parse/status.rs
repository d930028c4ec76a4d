//! Status: where records write it (a field, a `Status` section, a heading, a table cell, a
//! badge) and what the words mean, in English and the languages common in the wild.

use super::markdown::{Block, Doc, Line, ListItem};
use super::metadata::{MetaEntry, find};
use super::sections::Sec;
use super::text::{key_value, normalise_key, raw};
use super::vocabulary::{
    Field, NEGATING_PREFIXES, NOT_STATUS_MISSPELLINGS, SELF_SUBJECTS, SELF_VERBS, SPELLING_TARGETS,
    STATUS_KEY, STATUS_MISSPELLINGS, STATUS_WORDS, field_of, link_verb, other_link_verb,
    qualified_status_heading,
};
use crate::model::{Span, Status, StatusKind};

/// What a status text means: the status word that appears first, or `Unknown`.
/// Template placeholders such as `{proposed | accepted}` are `Unknown`.
#[must_use]
pub fn classify_status(text: &str) -> StatusKind {
    let lower = text.to_lowercase();
    let trimmed = lower.trim();
    if trimmed.starts_with(['{', '[', '<']) && trimmed.contains('|') {
        return StatusKind::Unknown;
    }
    let lists_choices = trimmed.matches('|').count() >= 2 || trimmed.matches(" or ").count() >= 2;
    let mut best: Option<(usize, StatusKind)> = None;
    let mut kinds_named = std::collections::BTreeSet::new();
    for (word, kind) in STATUS_WORDS {
        let mut from = 0;
        while let Some(pos) = lower[from..].find(word) {
            let at = from + pos;
            let end = at + word.len();
            // Chinese and Japanese write no spaces between words: their words match anywhere,
            // except right after a negation (`未采纳`, not adopted).
            let before_ok = if word.starts_with(is_cjk) {
                !NEGATING_PREFIXES.iter().any(|p| lower[..at].ends_with(p))
            } else {
                lower[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            };
            let after_ok = word.ends_with(is_cjk)
                || lower[end..]
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
    // A template's prompt lists the choices (`proposed, accepted, rejected, …`,
    // `Proposed | Accepted`): not a status. A status line packed with dates
    // (`**Accepted** | 2025-01-10 | Updated …`) names one kind and is a status.
    if kinds_named.len() >= 3 || (lists_choices && kinds_named.len() >= 2) {
        return StatusKind::Unknown;
    }
    // `Deprecated, superseded by ADR-5`: a record replaced by a named successor is superseded,
    // whichever word comes first.
    if kinds_named == [StatusKind::Deprecated, StatusKind::Superseded].into() {
        return StatusKind::Superseded;
    }
    best.map_or(StatusKind::Unknown, |(_, k)| k)
}

/// Where the status word of a status text is: the earliest whole word of the status
/// vocabulary (`Accepted` in `✅ **Accepted** 2024-01-02`), found case-insensitively. Edits
/// replace exactly these bytes.
#[must_use]
pub fn status_word_span(text: &str) -> Option<std::ops::Range<usize>> {
    // ASCII lower-casing keeps byte offsets; words with non-ASCII capitals are not found.
    let lower = text.to_ascii_lowercase();
    STATUS_WORDS
        .iter()
        .filter_map(|(word, _)| {
            lower.match_indices(word).find(|(at, w)| {
                let end = at + w.len();
                lower[..*at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
                    && lower[end..]
                        .chars()
                        .next()
                        .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .map(|(at, w)| at..at + w.len())
        .min_by_key(|r| (r.start, std::cmp::Reverse(r.end)))
}

/// Whether a character is of a script written without spaces between words: CJK ideographs
/// and Japanese kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// The misspelled status words of one status line (adr-tools users often write `Superceded`
/// and `Supercedes`): each word's byte range in `line` and the word it should be, in the same
/// letter case. Only words that open the line or a clause are read, never link text; a fix
/// keeps the word's meaning and inflection (`Supercedes` → `Supersedes`), and a real word of
/// the vocabulary (`Reverted`) is no misspelling.
#[must_use]
pub fn status_misspellings(line: &str) -> Vec<(std::ops::Range<usize>, String)> {
    clause_words(line)
        .into_iter()
        .filter_map(|range| {
            let word = &line[range.clone()];
            correct_spelling(word).map(|fixed| (range, same_case(word, &fixed)))
        })
        .collect()
}

/// The words that open a clause of a status line (after the start, `,`, `;`, `:`, `|`, a
/// bracket or a dash), skipping link text and link destinations.
fn clause_words(line: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut clause_start = true;
    let mut in_link_text = 0usize;
    let mut in_destination = false;
    let mut prev = ' ';
    let mut word: Option<usize> = None;
    for (i, c) in line
        .char_indices()
        .chain(std::iter::once((line.len(), ' ')))
    {
        if c.is_alphabetic() {
            word.get_or_insert(i);
            prev = c;
            continue;
        }
        if let Some(start) = word.take() {
            if clause_start && in_link_text == 0 && !in_destination {
                out.push(start..i);
            }
            clause_start = false;
        }
        match c {
            '[' => in_link_text += 1,
            ']' => in_link_text = in_link_text.saturating_sub(1),
            '(' if prev == ']' => in_destination = true,
            ')' if in_destination => in_destination = false,
            ',' | ';' | ':' | '|' | '(' | ')' | '—' | '–' | '-' | '>' => clause_start = true,
            _ if c.is_ascii_digit() => clause_start = false,
            _ => {}
        }
        prev = c;
    }
    out
}

/// The right spelling of a misspelled status or relation word, lower case.
fn correct_spelling(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if let Some((_, right)) = STATUS_MISSPELLINGS
        .iter()
        .find(|(wrong, _)| *wrong == lower)
    {
        return Some((*right).to_string());
    }
    if !lower.is_ascii() || lower.len() < 5 || is_real_word(&lower) {
        return None;
    }
    // Two edits for long words, one for short ones (`Acepted`, `Propsed`).
    let max = if lower.len() >= 8 { 2 } else { 1 };
    let mut best: Vec<(usize, &str)> = SPELLING_TARGETS
        .iter()
        .filter(|t| inflection(t) == inflection(&lower))
        .map(|t| (distance(&lower, t), *t))
        .filter(|(d, _)| (1..=max).contains(d))
        .collect();
    best.sort_unstable();
    match best.as_slice() {
        [(d, t), rest @ ..] if rest.first().is_none_or(|(d2, _)| d2 > d) => Some((*t).to_string()),
        _ => None,
    }
}

/// Whether a lower-case word is a word the vocabulary knows: a status word, a relation verb
/// or a listed near-miss (`proposal`).
fn is_real_word(lower: &str) -> bool {
    STATUS_WORDS
        .iter()
        .any(|(w, _)| w.split(' ').any(|part| part == lower))
        || NOT_STATUS_MISSPELLINGS.contains(&lower)
        || link_verb(lower).is_some()
        || other_link_verb(lower)
}

/// A word's inflection as its last letter shows it: `-d` participle, `-s` verb, else a base
/// form. A misspelling fix never changes it (`Supercedes` is no `Superseded`).
fn inflection(word: &str) -> u8 {
    match word.as_bytes().last() {
        Some(b'd') => 1,
        Some(b's') => 2,
        _ => 0,
    }
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

fn status_from(text: &str, raw_text: String, span: Span) -> Status {
    Status {
        kind: classify_status(text),
        raw: raw_text,
        span: Some(span),
        lines: vec![span],
    }
}

/// Finds the status: a `Status` field, then a `Status` section or heading, then a table row
/// or column, then a badge.
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
    if let Some(status) = status_in_tables(&doc.blocks, src) {
        return status;
    }
    status_from_badge(doc)
        .or_else(|| status_sentence(doc, secs, src))
        .unwrap_or_default()
}

/// A record with no status field that states its own end in a sentence under the title:
/// the first paragraph, or a note in a block quote (`This decision has been superseded by
/// [12. …](…)`, `> **Note:** This ADR is deprecated`). Only a sentence that opens with the
/// record's own name counts, and only superseded or deprecated, never prose further down.
fn status_sentence(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Option<Status> {
    let start = secs
        .iter()
        .find(|s| s.level == 1)
        .map_or(0, |s| s.heading + 1);
    let end = secs
        .iter()
        .find(|s| s.heading >= start)
        .map_or(doc.blocks.len(), |s| s.heading);
    let mut first_paragraph = true;
    for block in doc.blocks.get(start..end.max(start))? {
        let lines: Vec<&Line> = match block {
            // Metadata lines (`**Date:** 2020-04-01`) may come before the first paragraph.
            Block::Paragraph { lines, .. } if lines.iter().all(|l| is_field_line(l, src)) => {
                continue;
            }
            Block::Paragraph { lines, .. } if first_paragraph => {
                first_paragraph = false;
                lines.iter().take(1).collect()
            }
            Block::Quote { .. } => text_lines(block),
            _ => continue,
        };
        for line in lines {
            if let Some(kind) = own_status(&line.text) {
                return Some(Status {
                    kind,
                    raw: raw(src, line.span),
                    span: Some(line.span),
                    lines: vec![line.span],
                });
            }
        }
    }
    None
}

/// Whether a line is a metadata field docket knows (`**Date:** 2020-04-01`).
fn is_field_line(line: &Line, src: &str) -> bool {
    key_value(line, src).is_some_and(|kv| field_of(&kv.norm).is_some())
}

/// The status a sentence gives its own record: `This ADR is superseded by …` → superseded. A
/// short label before a colon (`Note:`) and a leading emoji are skipped.
fn own_status(text: &str) -> Option<StatusKind> {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let after_label = text
        .split_once([':', '\u{ff1a}'])
        .filter(|(label, _)| label.split_whitespace().count() <= 3)
        .map(|(_, rest)| rest.trim_start());
    [Some(text), after_label]
        .into_iter()
        .flatten()
        .find_map(|t| {
            let lower = t.to_lowercase();
            let rest = SELF_SUBJECTS
                .iter()
                .find_map(|s| lower.strip_prefix(s))?
                .trim_start();
            let rest = SELF_VERBS
                .iter()
                .find_map(|v| rest.strip_prefix(v).filter(|r| r.starts_with(' ')))?
                .trim_start();
            let first_word = rest.split(|c: char| !c.is_alphanumeric()).next()?;
            let kind = classify_status(first_word);
            matches!(kind, StatusKind::Superseded | StatusKind::Deprecated).then_some(kind)
        })
}

/// The first line of a `Status` section that names a status (a paragraph or list line, a
/// table cell, a badge); else its first line. Every text line of the section is kept in
/// `lines`, so lint can check each (`Accepted`, then `Supercedes [1. …](…)`).
fn status_in_section(doc: &Doc, sec: &Sec<'_>, src: &str) -> Option<Status> {
    let blocks = &doc.blocks[sec.heading + 1..sec.own_end];
    let lines: Vec<&Line> = blocks.iter().flat_map(text_lines).collect();
    let spans: Vec<Span> = lines.iter().map(|l| l.span).collect();
    let with_lines = |status: Status| Status {
        lines: spans.clone(),
        ..status
    };
    for line in &lines {
        if classify_status(&line.text) != StatusKind::Unknown {
            return Some(with_lines(status_from(
                &line.text,
                raw(src, line.span),
                line.span,
            )));
        }
        // A badge standing for the status: `![Accepted](…/badge/adr-accepted-green)`.
        if let Some(kind) = line
            .images
            .iter()
            .map(badge_status)
            .find(|k| *k != StatusKind::Unknown)
        {
            return Some(with_lines(Status {
                kind,
                raw: raw(src, line.span),
                span: Some(line.span),
                lines: Vec::new(),
            }));
        }
    }
    // A table under the heading: `| Status | Date |` with one row, or a lone status cell.
    if let Some(status) = status_in_tables(blocks, src).or_else(|| status_cell(blocks, src)) {
        return Some(status);
    }
    lines
        .first()
        .map(|line| with_lines(status_from(&line.text, raw(src, line.span), line.span)))
}

/// The text lines of a block under a `Status` heading: a paragraph's, a list's, or those of a
/// block quote around them (`> Accepted`).
fn text_lines(block: &Block) -> Vec<&Line> {
    match block {
        Block::Paragraph { lines, .. } => lines.iter().collect(),
        Block::List { items, .. } => items.iter().flat_map(ListItem::lines).collect(),
        Block::Quote { blocks, .. } => blocks.iter().flat_map(text_lines).collect(),
        _ => Vec::new(),
    }
}

/// A status in a table: a row whose first cell is Status (`| Status | Accepted |`), or a
/// column headed Status with one data row (`| Status | Date |` over `| Accepted | … |`). When
/// both readings exist, the one whose cell names a status wins.
fn status_in_tables(blocks: &[Block], src: &str) -> Option<Status> {
    for block in blocks {
        let Block::Table { head, rows, .. } = block else {
            continue;
        };
        let is_status = |cell: &Line| normalise_key(&cell.text) == STATUS_KEY;
        let row_cell = std::iter::once(head)
            .chain(rows)
            .find_map(|row| match row.as_slice() {
                [k, v, ..] if is_status(k) && !is_status(v) => Some(v),
                _ => None,
            });
        let column_cell = head
            .iter()
            .position(is_status)
            .filter(|_| rows.len() == 1)
            .and_then(|col| rows[0].get(col));
        let names_status = |cell: &&Line| classify_status(&cell.text) != StatusKind::Unknown;
        let cell = row_cell
            .filter(names_status)
            .or(column_cell.filter(names_status))
            .or(row_cell)
            .or(column_cell);
        if let Some(cell) = cell {
            return Some(status_from(&cell.text, raw(src, cell.span), cell.span));
        }
    }
    None
}

/// The first table cell naming a status, in a table under a `Status` heading.
fn status_cell(blocks: &[Block], src: &str) -> Option<Status> {
    blocks.iter().find_map(|block| match block {
        Block::Table { head, rows, .. } => std::iter::once(head)
            .chain(rows)
            .flatten()
            .find(|cell| classify_status(&cell.text) != StatusKind::Unknown)
            .map(|cell| status_from(&cell.text, raw(src, cell.span), cell.span)),
        _ => None,
    })
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
                            lines: Vec::new(),
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
            // review: a CJK word matches inside a run of text, so `未采纳` (not adopted) and
            // `不承認` (not approved) read as accepted.
            ("未采纳", StatusKind::Unknown),
            ("不承認", StatusKind::Unknown),
            ("不採用", StatusKind::Rejected),
            ("被 ADR-3 取代", StatusKind::Superseded),
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
            (
                "adr-tools verb keeps its inflection",
                "Supercedes [1. Use X](0001-x.md)",
                Some("Supersedes"),
            ),
            ("dropped letter", "Acceptd", Some("Accepted")),
            ("upper case kept", "PROPSED", Some("PROPOSED")),
            ("correct word", "Accepted", None),
            ("other word", "Approved", None),
            ("short word", "Done", None),
            ("a relation, not a status", "Supersedes ADR-3", None),
            ("a noun", "Proposal", None),
            ("a real status word", "Reverted", None),
            ("a real word near accepted", "Expected", None),
            ("emoji first", "✅ **Acepted**", Some("Accepted")),
            (
                "a later clause",
                "Deprecated (Superceded by ADR-12)",
                Some("Superseded"),
            ),
            (
                "link text is not read",
                "Superseded by [3. Acceptd](0003-x.md)",
                None,
            ),
            ("not a word start", "Accepted in part", None),
            ("accented word", "Remplacé", None),
        ];
        for (name, raw, want) in rows {
            let found = status_misspellings(raw);
            assert_eq!(found.first().map(|(_, w)| w.as_str()), want, "{name}");
            assert!(found.len() <= 1, "{name}");
        }
    }

    #[test]
    fn misspelling_ranges_point_at_the_word() {
        let line = "-> Supercedes [5](0005-x.md)";
        let found = status_misspellings(line);
        assert_eq!(found.len(), 1);
        assert_eq!(&line[found[0].0.clone()], "Supercedes");
    }

    #[test]
    fn own_status_sentences() {
        let rows = [
            (
                "superseded sentence",
                "This decision has been superseded by decision: [0022 X](0022-x.md)",
                Some(StatusKind::Superseded),
            ),
            (
                "after a note label",
                "Note: This ADR is superseded by ADR 0003.",
                Some(StatusKind::Superseded),
            ),
            (
                "deprecated record",
                "⚠️ This record is now deprecated.",
                Some(StatusKind::Deprecated),
            ),
            (
                "a condition, not a status",
                "When that happens, this ADR is superseded by a new one.",
                None,
            ),
            (
                "another status word later",
                "This decision is not superseded by ADR-4.",
                None,
            ),
            (
                "accepted is no sentence status",
                "This ADR is accepted.",
                None,
            ),
        ];
        for (name, text, want) in rows {
            assert_eq!(own_status(text), want, "{name}");
        }
    }

    #[test]
    fn cjk_status_words() {
        let rows = [
            ("accepted", "已采纳", StatusKind::Accepted),
            (
                "accepted with a date",
                "已接受（2024-03-01）",
                StatusKind::Accepted,
            ),
            (
                "deprecated and replaced",
                "⛔ 已废弃 —— 被 [ADR-0003](0003-x.md) 取代",
                StatusKind::Superseded,
            ),
            (
                "replaced inside a run",
                "被ADR-0004取代",
                StatusKind::Superseded,
            ),
            ("proposed", "提议", StatusKind::Proposed),
            ("draft", "草案", StatusKind::Draft),
            ("rejected", "已拒绝", StatusKind::Rejected),
            (
                "English deprecated and superseded",
                "Deprecated, superseded by ADR-5",
                StatusKind::Superseded,
            ),
        ];
        for (name, text, want) in rows {
            assert_eq!(classify_status(text), want, "{name}");
        }
    }

    #[test]
    fn new_status_words() {
        let cases = [
            ("Reverted", StatusKind::Deprecated),
            ("Withdrawn", StatusKind::Rejected),
            ("Replaced by ADR-9", StatusKind::Superseded),
            ("Amended", StatusKind::Accepted),
            (
                "Partially superseded by [7](0007-x.md)",
                StatusKind::Accepted,
            ),
            ("Partially accepted", StatusKind::Accepted),
            (
                "**Accepted** | 2025-01-10 | Updated 2026-02-24",
                StatusKind::Accepted,
            ),
            ("Proposed | Accepted | Rejected", StatusKind::Unknown),
        ];
        for (text, kind) in cases {
            assert_eq!(classify_status(text), kind, "{text}");
        }
    }
}
