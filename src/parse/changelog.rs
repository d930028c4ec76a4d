//! The changelog: dated entries of the section the vocabulary names a changelog.

use super::markdown::{Block, Doc};
use super::sections::Sec;
use super::{dates, find_section, text};
use crate::model::{ChangelogEntry, SectionKind};

pub(super) fn find_changelog(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Vec<ChangelogEntry> {
    let Some(sec) = find_section(secs, SectionKind::Changelog) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for block in &doc.blocks[sec.heading + 1..sec.own_end] {
        let Block::List { items, .. } = block else {
            continue;
        };
        for item in items {
            let Some(line) = item.lines().first() else {
                continue;
            };
            let (date_text, rest) = match text::key_value(line, src) {
                Some(kv) => (kv.key.clone(), kv.value.clone()),
                None => (line.text.clone(), String::new()),
            };
            let field = dates::parse_date_field(&date_text, date_text.clone(), line.span);
            if field.date.is_some() {
                let text = if rest.is_empty() {
                    field.note.clone().unwrap_or_default()
                } else {
                    rest
                };
                out.push(ChangelogEntry { date: field, text });
            }
        }
    }
    out
}
