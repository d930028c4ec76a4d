//! Which template a record follows: DR, ADR with bold metadata, Nygard, MADR 2, MADR 3/4,
//! log4brains or freeform. Detection reads structure that the other modules already found.

use std::collections::BTreeMap;

use super::metadata::MetaEntry;
use super::sections::Sec;
use super::text::is_date_slug;
use super::vocabulary::{
    DR_ID_KEY, STATUS_KEY, TAGS_KEY, is_madr_front_matter_key, section_heading,
};
use crate::model::{ConsideredOption, Format, FrontMatterValue, SectionKind};

pub(crate) fn detect_format(
    secs: &[Sec<'_>],
    meta: &[MetaEntry<'_>],
    fm: Option<&BTreeMap<String, FrontMatterValue>>,
    path: &str,
    options: &[ConsideredOption],
) -> Format {
    let keys: Vec<&str> = secs.iter().map(Sec::key).collect();
    let has = |k: &str| keys.contains(&k);
    // MADR's own headings, not their Nygard-style synonyms.
    let madr_body = [
        SectionKind::ConsideredOptions,
        SectionKind::Decision,
        SectionKind::Context,
    ]
    .iter()
    .any(|&kind| has(section_heading(kind, Format::Madr)));
    let nygard = |kind| has(section_heading(kind, Format::Nygard));
    let nygard_body = nygard(SectionKind::Status)
        && nygard(SectionKind::Context)
        && (nygard(SectionKind::Decision) || nygard(SectionKind::Consequences));
    // The body's sections decide first: a Nygard record may carry front matter too (`title:`,
    // `date:`). Front matter tells MADR apart only when the body is MADR-like or ambiguous.
    if let Some(fm) = fm
        && fm.keys().any(|k| is_madr_front_matter_key(k))
        && (madr_body || !nygard_body)
    {
        return Format::Madr;
    }
    let h1 = secs
        .iter()
        .find(|s| s.level == 1)
        .map_or("", |s| s.line.text.as_str());
    let bold_meta = meta.iter().any(|e| {
        e.line
            .is_some_and(|l| l.strong.first().is_some_and(|f| f.at == 0))
            && e.norm == STATUS_KEY
    });
    if h1.trim_start().to_ascii_uppercase().starts_with("DR-")
        || meta.iter().any(|e| e.norm == DR_ID_KEY)
        || (options.iter().any(|o| o.selected) && bold_meta)
    {
        return Format::Dr;
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let bullet_status = meta
        .iter()
        .any(|e| e.norm == STATUS_KEY && e.line.is_some_and(|l| l.strong.is_empty()))
        && !has(STATUS_KEY);
    if bullet_status && madr_body {
        if is_date_slug(name) || meta.iter().any(|e| e.norm == TAGS_KEY) {
            return Format::Log4brains;
        }
        return Format::Madr2;
    }
    if is_date_slug(name) && madr_body {
        return Format::Log4brains;
    }
    if bold_meta {
        return Format::AdrBold;
    }
    if nygard_body {
        return Format::Nygard;
    }
    if madr_body {
        return Format::Madr2;
    }
    Format::Freeform
}
