//! Parsing one record: `parse_record` turns a text into a best-effort [`Decision`] plus
//! diagnostics. It is total: it never panics and never fails on content. Reading files is
//! `corpus`'s job.

mod code_blocks;
mod consequences;
mod considered_options;
mod costs;
mod criteria;
mod dates;
mod front_matter;
mod links;
mod markdown;
mod metadata;
mod sections;
mod shape;
mod status;
mod text;
mod vocabulary;

use std::collections::BTreeMap;

pub use status::{classify_status, status_misspelling};
pub use vocabulary::{heading_key, section_heading, section_kind};

/// Reads a weight written as text (`Critical`, `3`, `30%`), as a criteria table's weight cell
/// would be read; `docket score --weight` uses it.
#[must_use]
pub fn read_weight(text: &str) -> crate::model::Weight {
    criteria::read_weight(text, crate::model::Span::default())
}

use crate::diagnostics::{Diagnostic, Severity};
use crate::model::{
    ChangelogEntry, Decision, FrontMatterValue, People, PeopleField, SectionKind, Span,
    Suppression, SuppressionScope, TextBlock, Title, TitleSource,
};
use markdown::{Block, Doc, blocks_text};
use metadata::{MetaEntry, find};
use sections::Sec;
use vocabulary::{Field, OPTION_PREFIXES, TITLE_KEY, field_of};

/// The result of parsing one record.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// What docket understood.
    pub decision: Decision,
    /// Problems found while parsing.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses one record's text. `path` names the record in the model and in diagnostics and
/// gives the file-name id and title fallback.
///
/// ```
/// let parsed = docket::parse::parse_record("# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n", "0001-use-postgres.md");
/// assert_eq!(parsed.decision.title.text, "Use Postgres");
/// assert_eq!(parsed.decision.status.kind, docket::model::StatusKind::Accepted);
/// ```
#[must_use]
pub fn parse_record(text: &str, path: &str) -> Parsed {
    let mut diagnostics = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fm = front_matter::read_front_matter(text, path, &mut diagnostics);
    let body_start = fm.as_ref().map_or(0, |f| f.body_start);
    let doc = markdown::parse_markdown(&text[body_start..], body_start);
    let secs = sections::find_sections(&doc);
    let fm_map = fm.as_ref().and_then(|f| f.map.clone());
    let meta = metadata::collect_metadata(
        &doc,
        &secs,
        text,
        fm.as_ref()
            .and_then(|f| f.map.as_ref().map(|m| (m, f.content))),
    );

    let (title, heading_id) =
        find_title(&secs, fm_map.as_ref(), path, text, &doc, &mut diagnostics);
    // `# 1. Title` in `0001-title.md`: the same record number, written as the file name pads it.
    let file_id = text::id_from_file_name(path);
    let heading_id = heading_id.map(|id| match &file_id {
        Some(f) if id.series.is_none() && f.series.is_none() && f.number == id.number => f.clone(),
        _ => id,
    });
    let id = heading_id
        .or_else(|| {
            find(&meta, Field::Id)
                .and_then(|e| text::id_at_start(e.value.trim(), false).map(|(id, _)| id))
        })
        .or(file_id);
    let long = find(&meta, Field::Title)
        .filter(|e| e.line.is_some())
        .map(|e| e.value.clone());
    let title = Title { long, ..title };

    let status = status::find_status(&doc, &secs, &meta, text);
    let date = date_field(&meta, Field::Date, text).or_else(|| date_section(&doc, &secs, text));
    let decision_sec = find_section(&secs, SectionKind::Decision);
    let options = considered_options::find_options(&doc, &secs, text);
    let winner = considered_options::find_winner(&doc, text);
    let chosen =
        considered_options::find_chosen(&doc, &options, decision_sec, winner.as_ref(), text);
    let criteria = find_criteria_tables(&doc, &secs, winner, chosen.as_ref(), text);
    let links = links::find_links(&doc, &secs, &meta);
    let tags = find_tags(&meta);
    let decision = Decision {
        path: path.to_string(),
        format: shape::detect_format(&secs, &meta, fm_map.as_ref(), path, &options),
        id,
        title,
        status,
        date,
        effective_date: date_field(&meta, Field::Effective, text),
        review_date: date_field(&meta, Field::Review, text),
        due_date: date_field(&meta, Field::Due, text),
        people: find_people(&meta, text),
        metadata: other_metadata(&meta),
        context: section_text(&doc, find_section(&secs, SectionKind::Context), text.len()),
        decision: section_text(&doc, decision_sec, text.len()),
        costs: decision_costs(&doc, &secs, text),
        options,
        chosen,
        criteria,
        consequences: consequences::find_consequences(&doc, &secs),
        links,
        references: links::find_references(&doc),
        code_blocks: code_blocks::find_code_blocks(&doc, text),
        sections: sections::to_model(&doc, &secs, text),
        front_matter: fm_map,
        tags,
        changelog: find_changelog(&doc, &secs, text),
        suppressions: find_suppressions(&doc),
    };
    structural_diagnostics(&doc, &secs, text, path, &mut diagnostics);
    crate::diagnostics::sort_diagnostics(&mut diagnostics);
    Parsed {
        decision,
        diagnostics,
    }
}

/// Criteria tables with their legends and the declared winner (a `Winner:` line, else MADR's
/// `Chosen option`).
fn find_criteria_tables(
    doc: &Doc,
    secs: &[Sec<'_>],
    winner: Option<crate::model::Winner>,
    chosen: Option<&crate::model::ChosenOption>,
    text: &str,
) -> Vec<crate::model::CriteriaTable> {
    let winner = winner.or_else(|| {
        chosen
            .filter(|c| c.source == crate::model::ChosenSource::ChosenOptionLine)
            .map(|c| crate::model::Winner {
                name: c.name.clone(),
                raw: c.name.clone(),
                span: c.span,
            })
    });
    criteria::find_criteria(doc, secs, text, winner.as_ref())
}

fn find_title(
    secs: &[Sec<'_>],
    fm: Option<&BTreeMap<String, FrontMatterValue>>,
    path: &str,
    src: &str,
    doc: &Doc,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Title, Option<crate::model::RecordId>) {
    if let Some(h1) = secs
        .iter()
        .find(|s| s.level == 1 && !s.line.text.trim().is_empty())
    {
        let (id, rest) = match text::split_title_id(&h1.line.text) {
            (None, _) => split_file_number(&h1.line.text, path),
            found => found,
        };
        return (
            Title {
                text: rest.to_string(),
                long: None,
                source: TitleSource::Heading,
                span: h1.line.span,
            },
            id,
        );
    }
    if let Some((title, id)) = title_in_leading_list(doc, src) {
        return (title, id);
    }
    if let Some(FrontMatterValue::String(t)) = fm.and_then(|m| m.get(TITLE_KEY)) {
        let (id, rest) = text::split_title_id(t);
        return (
            Title {
                text: rest.to_string(),
                long: None,
                source: TitleSource::FrontMatter,
                span: Span::default(),
            },
            id,
        );
    }
    if let Some(first) = secs.iter().find(|s| !s.line.text.trim().is_empty()) {
        diagnostics.push(
            Diagnostic::new(
                "DK004",
                "missing-title",
                Severity::Warning,
                path,
                first.span,
                format!(
                    "the record has no level-1 heading; `{}` is used as its title",
                    first.line.text
                ),
            )
            .with_help("start the record with `# Title`"),
        );
        let (id, rest) = text::split_title_id(&first.line.text);
        return (
            Title {
                text: rest.to_string(),
                long: None,
                source: TitleSource::OtherHeading,
                span: first.line.span,
            },
            id,
        );
    }
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    let stem = stem.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '_');
    let words = stem.replace(['-', '_'], " ");
    let text = if words.trim().is_empty() {
        name.to_string()
    } else {
        capitalise(words.trim())
    };
    diagnostics.push(
        Diagnostic::new(
            "DK004",
            "missing-title",
            Severity::Error,
            path,
            Span::new(0, src.find('\n').unwrap_or(src.len()).min(src.len())),
            format!(
                "the record has no heading; the title `{text}` was inferred from the file name"
            ),
        )
        .with_help("start the record with `# Title`"),
    );
    (
        Title {
            text,
            long: None,
            source: TitleSource::FileName,
            span: Span::default(),
        },
        None,
    )
}

/// `# 28 Repo scanning` in `028-repo-scanning.md`: a bare number without a separator is an id
/// only when the file name carries the same number.
fn split_file_number<'t>(
    heading: &'t str,
    path: &str,
) -> (Option<crate::model::RecordId>, &'t str) {
    let t = heading.trim();
    if let (Some((id, used)), Some(file)) =
        (text::id_at_start(t, false), text::id_from_file_name(path))
        && id.series.is_none()
        && file.number == id.number
        && t[used..].starts_with(' ')
        && !t[used..].trim().is_empty()
    {
        return (Some(id), t[used..].trim());
    }
    (None, t)
}

/// `9. Title` underlined with `===` is, to the markdown spec, a list item holding a heading. Such a
/// heading opening the record is its title, with the list number as its id.
fn title_in_leading_list(doc: &Doc, src: &str) -> Option<(Title, Option<crate::model::RecordId>)> {
    let Some(Block::List { items, .. }) = doc.blocks.first() else {
        return None;
    };
    let item = items.first()?;
    let line = match item.blocks.first() {
        Some(Block::Heading { level: 1, line, .. }) => line,
        // The `===` underline is not indented into the item, so it is read as a lazy
        // continuation line of the item's paragraph.
        Some(Block::Paragraph { lines, .. })
            if lines.len() == 2 && lines[1].text.chars().all(|c| c == '=') =>
        {
            &lines[0]
        }
        _ => return None,
    };
    let marker = item.span.slice(src);
    let (id, _) = text::split_title_id(&format!(
        "{} {}",
        marker.split_whitespace().next()?,
        line.text
    ));
    Some((
        Title {
            text: line.text.clone(),
            long: None,
            source: TitleSource::Heading,
            span: line.span,
        },
        id,
    ))
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().collect::<String>() + c.as_str()
    })
}

fn date_field(meta: &[MetaEntry<'_>], field: Field, src: &str) -> Option<crate::model::DateField> {
    let e = find(meta, field)?;
    let raw = if e.line.is_some() {
        text::raw(src, e.span)
    } else {
        e.value.clone()
    };
    Some(dates::parse_date_field(&e.value, raw, e.span))
}

fn date_section(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Option<crate::model::DateField> {
    let sec = find_section(secs, SectionKind::Date)?;
    doc.blocks[sec.heading + 1..sec.own_end]
        .iter()
        .find_map(|b| match b {
            Block::Paragraph { lines, .. } => lines
                .first()
                .map(|l| dates::parse_date_field(&l.text, text::raw(src, l.span), l.span)),
            _ => None,
        })
}

fn find_section<'a, 'd>(secs: &'a [Sec<'d>], kind: SectionKind) -> Option<&'a Sec<'d>> {
    // Prefer the shallowest match: `## Decision` over a `### Decision` inside an option.
    secs.iter()
        .filter(|s| s.kind == kind)
        .min_by_key(|s| (s.level.max(2), s.heading))
}

fn section_text(doc: &Doc, sec: Option<&Sec<'_>>, len: usize) -> Option<TextBlock> {
    let sec = sec?;
    let mut text = String::new();
    blocks_text(&doc.blocks[sec.heading + 1..sec.end], &mut text);
    let end = doc.blocks.get(sec.end).map_or(len, |b| b.span().start);
    Some(TextBlock {
        text,
        span: Span::new(sec.span.end.min(end), end),
    })
}

fn people_field(meta: &[MetaEntry<'_>], field: Field, src: &str) -> Option<PeopleField> {
    let e = find(meta, field)?;
    let mut names: Vec<String> = Vec::new();
    let mut raw = if e.line.is_some() {
        text::raw(src, e.span)
    } else {
        e.value.clone()
    };
    let mut value = e.value.clone();
    if value.is_empty()
        && let Some(items) = e.list
    {
        value = items
            .iter()
            .filter_map(|i| i.lines().first().map(|l| l.text.clone()))
            .collect::<Vec<_>>()
            .join(", ");
        raw.clone_from(&value);
    }
    for part in value.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_start_matches('@').trim();
        if !name.is_empty() {
            names.push(name.to_string());
        }
    }
    Some(PeopleField {
        raw,
        names,
        span: e.span,
    })
}

fn find_people(meta: &[MetaEntry<'_>], src: &str) -> People {
    People {
        owner: people_field(meta, Field::Owner, src),
        deciders: people_field(meta, Field::Deciders, src),
        decision_makers: people_field(meta, Field::DecisionMakers, src),
        consulted: people_field(meta, Field::Consulted, src),
        informed: people_field(meta, Field::Informed, src),
        approved_by: people_field(meta, Field::ApprovedBy, src),
    }
}

fn other_metadata(meta: &[MetaEntry<'_>]) -> Vec<crate::model::MetaField> {
    meta.iter()
        .filter(|e| {
            field_of(&e.norm).is_none()
                && links::kind_of_verb(&e.key).is_none_or(|_| e.norm.is_empty())
        })
        .filter(|e| !e.value.is_empty())
        .map(|e| crate::model::MetaField {
            key: e.key.clone(),
            value: e.value.clone(),
            span: e.span,
        })
        .collect()
}

fn find_tags(meta: &[MetaEntry<'_>]) -> Vec<String> {
    let Some(e) = find(meta, Field::Tags) else {
        return Vec::new();
    };
    let mut tags: Vec<String> = e
        .value
        .split([',', ' ', ';'])
        .map(|t| t.trim().trim_start_matches('#').to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    tags.dedup();
    tags
}

/// Cost totals outside the options, such as a Decision section's `**Total:** $14/month`.
fn decision_costs(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Vec<crate::model::CostEstimate> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::List { items, .. } = block else {
            continue;
        };
        let in_option = secs.iter().rev().find(|s| s.heading < i).is_some_and(|s| {
            OPTION_PREFIXES.iter().any(|p| s.key().starts_with(p))
                || s.parent.is_some_and(|p| {
                    matches!(
                        secs[p].kind,
                        SectionKind::ConsideredOptions | SectionKind::ProsAndCons
                    )
                })
        });
        if in_option {
            continue;
        }
        let costs = costs::costs_from_items(items, src, None);
        if costs.iter().any(|c| c.is_total) {
            out.extend(costs);
        }
    }
    out
}

fn find_changelog(doc: &Doc, secs: &[Sec<'_>], src: &str) -> Vec<ChangelogEntry> {
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

fn find_suppressions(doc: &Doc) -> Vec<Suppression> {
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

fn structural_diagnostics(
    doc: &Doc,
    secs: &[Sec<'_>],
    text: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    if text.trim().is_empty() {
        out.push(
            Diagnostic::new(
                "DK003",
                "empty-record",
                Severity::Error,
                path,
                Span::new(0, text.len()),
                "the record is empty",
            )
            .with_help("write the record or delete the file"),
        );
        return;
    }
    let h1s: Vec<&Sec<'_>> = secs.iter().filter(|s| s.level == 1).collect();
    if let [first, second, ..] = h1s.as_slice() {
        let mut d = Diagnostic::new(
            "DK005",
            "multiple-titles",
            Severity::Warning,
            path,
            second.span,
            format!(
                "the record has {} level-1 headings; `{}` is the title",
                h1s.len(),
                first.line.text
            ),
        )
        .with_help("keep one `# Title` and make the other headings level 2");
        d.labels.push(crate::diagnostics::Label {
            path: path.to_string(),
            span: first.span,
            message: "title taken from here".to_string(),
        });
        out.push(d);
    }
    let code_only = !doc.blocks.is_empty()
        && doc.blocks.iter().all(|b| {
            matches!(
                b,
                Block::Code { .. } | Block::Rule { .. } | Block::Html { .. }
            )
        })
        && doc.blocks.iter().any(|b| matches!(b, Block::Code { .. }));
    if code_only {
        let span = doc
            .blocks
            .iter()
            .find(|b| matches!(b, Block::Code { .. }))
            .map_or(Span::default(), Block::span);
        out.push(
            Diagnostic::new(
                "DK006",
                "record-in-code-fence",
                Severity::Warning,
                path,
                span,
                "the whole record is inside a code block, so none of it is read as markdown",
            )
            .with_help("remove the surrounding ``` fence"),
        );
    }
}
