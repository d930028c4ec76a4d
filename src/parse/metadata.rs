//! `Key: value` metadata: front matter keys, the lines, bullets and two-column tables between
//! the title and the first section, and well-known keys (status, dates, approvals, relations)
//! wherever a top-level paragraph states them.

use std::collections::BTreeMap;

use super::markdown::{Block, Doc, Line, ListItem};
use super::sections::Sec;
use super::text::{KeyValue, key_value, normalise_key};
use super::vocabulary::{Field, RELATION_MAP_KEYS, field_of, is_key_column_header, is_known_key};
use crate::model::{FrontMatterValue, SectionKind, Span};

/// One metadata entry, wherever it came from.
#[derive(Debug, Clone)]
pub(crate) struct MetaEntry<'d> {
    pub(crate) key: String,
    pub(crate) norm: String,
    pub(crate) value: String,
    pub(crate) span: Span,
    /// The line it was written on (absent for front matter).
    pub(crate) line: Option<&'d Line>,
    /// The value's plain text starts at this byte of `line.text`.
    pub(crate) value_at: usize,
    /// A list that carries the value: the next block after an empty `**Key:**` line, or the
    /// nested list of a `- **Key:**` bullet.
    pub(crate) list: Option<&'d [ListItem]>,
    /// A front matter list's items as text (`related: [ADR-2, ADR-4]`); empty otherwise.
    pub(crate) items: Vec<String>,
}

/// The `(kind, target)` pairs of a front matter list of relation maps (`- target: 3` /
/// `kind: supersededby`); empty for any other value.
fn relation_maps(value: &FrontMatterValue) -> Vec<(String, String)> {
    let FrontMatterValue::List(items) = value else {
        return Vec::new();
    };
    let field = |map: &BTreeMap<String, FrontMatterValue>, keys: &[&str]| {
        keys.iter()
            .find_map(|k| map.get(*k))
            .map(FrontMatterValue::to_text)
            .filter(|t| !t.trim().is_empty())
    };
    items
        .iter()
        .filter_map(|item| match item {
            FrontMatterValue::Map(map) => Some((
                field(map, RELATION_MAP_KEYS.0)?,
                field(map, RELATION_MAP_KEYS.1)?,
            )),
            _ => None,
        })
        .collect()
}

/// One entry per front matter key, in key order; a list of relation maps gives one entry per
/// relation.
fn front_matter_entries(
    map: &BTreeMap<String, FrontMatterValue>,
    content: Span,
    src: &str,
    out: &mut Vec<MetaEntry<'_>>,
) {
    for (key, value) in map {
        // adrs writes relations as a list of maps: `links: [{target: 3, kind: supersedes}]`;
        // each becomes an entry keyed by its kind, as if written `supersedes: 3`.
        let relations = relation_maps(value);
        if !relations.is_empty() {
            let span = front_matter_key_span(src, content, key);
            for (kind, target) in relations {
                out.push(MetaEntry {
                    norm: normalise_key(&kind),
                    key: kind,
                    value: target,
                    span,
                    line: None,
                    value_at: 0,
                    list: None,
                    items: Vec::new(),
                });
            }
            continue;
        }
        out.push(MetaEntry {
            norm: normalise_key(key),
            key: key.clone(),
            value: value.to_text(),
            span: front_matter_key_span(src, content, key),
            line: None,
            value_at: 0,
            list: None,
            items: match value {
                FrontMatterValue::List(items) => {
                    items.iter().map(FrontMatterValue::to_text).collect()
                }
                _ => Vec::new(),
            },
        });
    }
}

/// Collects the entries in document order: front matter first, then the preamble, then known
/// keys anywhere else.
pub(crate) fn collect_metadata<'d>(
    doc: &'d Doc,
    secs: &[Sec<'d>],
    src: &str,
    front_matter: Option<(&BTreeMap<String, FrontMatterValue>, Span)>,
) -> Vec<MetaEntry<'d>> {
    let mut out = Vec::new();
    if let Some((map, content)) = front_matter {
        front_matter_entries(map, content, src, &mut out);
    }
    // The preamble: blocks after the first H1 (or the start) up to the next heading.
    let h1 = secs.iter().find(|s| s.level == 1);
    let mut pre_start = h1.map_or(0, |s| s.heading + 1);
    let first_after = |start: usize| {
        secs.iter()
            .find(|s| s.heading >= start && Some(s.heading) != h1.map(|h| h.heading))
    };
    // `# Title` then `## Title` again: the repeated title opens no section, so the fields
    // under it are still the preamble's.
    if let (Some(h1), Some(next)) = (h1, first_after(pre_start))
        && next.heading == pre_start
        && next.key() == h1.key()
    {
        pre_start = next.heading + 1;
    }
    let pre_end = first_after(pre_start).map_or(doc.blocks.len(), |s| s.heading);
    let preamble = pre_start..pre_end.max(pre_start);
    // A table right under a `Status` heading holds the status and its date, as the preamble's
    // tables do (`| Status | Date |` over `| Accepted | 2024-02-15 |`).
    let status_tables: Vec<std::ops::Range<usize>> = secs
        .iter()
        .filter(|s| s.kind == SectionKind::Status)
        .map(|s| s.heading + 1..s.own_end)
        .collect();
    for (i, block) in doc.blocks.iter().enumerate() {
        let in_preamble = preamble.contains(&i);
        let in_status = status_tables.iter().any(|r| r.contains(&i));
        let next = doc.blocks.get(i + 1);
        match block {
            Block::Paragraph { lines, .. } => {
                for (li, line) in lines.iter().enumerate() {
                    let Some(kv) = key_value(line, src) else {
                        continue;
                    };
                    if !(in_preamble
                        || (kv.bold && is_known_key(&kv.norm, false))
                        || is_known_key_line(&kv, lines.len()))
                    {
                        continue;
                    }
                    let list = (kv.value.is_empty() && li + 1 == lines.len())
                        .then_some(match next {
                            Some(Block::List { items, .. }) => Some(items.as_slice()),
                            _ => None,
                        })
                        .flatten();
                    out.push(entry(kv, line, list));
                }
            }
            Block::List { items, .. } if in_preamble => {
                for item in items {
                    for line in item.lines() {
                        if let Some(kv) = key_value(line, src) {
                            let list = item.sublists().next();
                            out.push(entry(kv, line, list));
                        }
                    }
                }
            }
            Block::Table { head, rows, .. } if in_preamble || in_status => {
                table_entries(head, rows, &mut out);
            }
            // Some templates put the metadata table in a block quote.
            Block::Quote { blocks, .. } if in_preamble => {
                for inner in blocks {
                    if let Block::Table { head, rows, .. } = inner {
                        table_entries(head, rows, &mut out);
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A plain (not bold) known key on a one-line paragraph is a field too (`Date: 2016-02-12`).
fn is_known_key_line(kv: &KeyValue, lines: usize) -> bool {
    !kv.bold && lines <= 3 && is_known_key(&kv.norm, true)
}

fn entry<'d>(kv: KeyValue, line: &'d Line, list: Option<&'d [ListItem]>) -> MetaEntry<'d> {
    MetaEntry {
        key: kv.key,
        norm: kv.norm,
        value: kv.value,
        span: kv.value_span,
        line: Some(line),
        value_at: kv.value_at,
        list,
        items: Vec::new(),
    }
}

/// Two-column tables in the preamble hold `| Status | Accepted |` pairs, header included; a
/// header of known keys over one row (`| Status | Date |` / `| Accepted | 2024-01-02 |`)
/// holds one pair per column.
fn table_entries<'d>(head: &'d [Line], rows: &'d [Vec<Line>], out: &mut Vec<MetaEntry<'d>>) {
    let keyed_columns = head.len() >= 2
        && rows.len() == 1
        && head
            .iter()
            .all(|k| k.text.trim().is_empty() || field_of(&normalise_key(&k.text)).is_some());
    if keyed_columns {
        out.extend(
            head.iter()
                .zip(&rows[0])
                .filter_map(|(k, v)| cell_entry(k, v)),
        );
        return;
    }
    // A `| Field | Value |` header names the columns; `| Status | Accepted |` is itself a pair.
    let header_is_pair = head
        .first()
        .is_none_or(|k| !is_key_column_header(&normalise_key(&k.text)));
    let head = if header_is_pair { head } else { &[] };
    for row in std::iter::once(head).chain(rows.iter().map(Vec::as_slice)) {
        if let [k, v, ..] = row {
            out.extend(cell_entry(k, v));
        }
    }
}

/// A key cell and its value cell as an entry; an empty or over-long key is none.
fn cell_entry<'d>(k: &Line, v: &'d Line) -> Option<MetaEntry<'d>> {
    let key = k.text.trim().trim_end_matches(':').trim();
    (!key.is_empty() && key.len() <= 40).then(|| MetaEntry {
        norm: normalise_key(key),
        key: key.to_string(),
        value: v.text.clone(),
        span: v.span,
        line: Some(v),
        value_at: 0,
        list: None,
        items: Vec::new(),
    })
}

/// The span of a top-level front matter key's value, found by scanning the block's lines.
fn front_matter_key_span(src: &str, content: Span, key: &str) -> Span {
    let block = content.slice(src);
    let mut offset = content.start;
    for line in block.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && let Some(value) = rest.strip_prefix(':')
        {
            let lead = value.len() - value.trim_start().len();
            let start = offset + key.len() + 1 + lead;
            let end = offset + line.trim_end().len();
            return Span::new(start.min(end), end);
        }
        offset += line.len();
    }
    content
}

/// The first entry for a field, front matter and preamble before later lines.
pub(crate) fn find<'a, 'd>(
    entries: &'a [MetaEntry<'d>],
    field: Field,
) -> Option<&'a MetaEntry<'d>> {
    entries
        .iter()
        .find(|e| field_of(&e.norm) == Some(field) && (!e.value.is_empty() || e.list.is_some()))
}
