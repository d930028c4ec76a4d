//! Parsing one record: `parse_record` turns a text into a best-effort [`Decision`] plus
//! diagnostics. It is total: it never panics and never fails on content. Reading files is
//! `corpus`'s job.

mod changelog;
mod chosen;
mod code_blocks;
mod consequences;
mod considered_options;
mod costs;
mod criteria;
mod dates;
mod front_matter;
mod html;
mod links;
mod markdown;
mod mentions;
mod metadata;
mod option_list;
mod option_refs;
mod people;
mod record_dirs;
mod sections;
mod shape;
mod status;
mod structure;
mod suppressions;
mod text;
mod title;
mod vocabulary;

pub use front_matter::YamlBudget;
pub(crate) use option_refs::option_reference;
pub(crate) use record_dirs::{RECORD_DIR_MARKERS, record_dirs_from_marker};
pub use status::{classify_status, status_misspellings, status_word_span};
pub(crate) use text::{
    file_name_id, is_date_slug, is_folder_record_name, is_record_folder_name, record_file_name,
};
/// Words too common to tell option names apart; chosen-option matching in lint reads them.
pub(crate) use vocabulary::OPTION_STOP_WORDS;
pub(crate) use vocabulary::{RECORD_FOLDERS, is_not_record_name};
pub(crate) use vocabulary::{WRITTEN_DATE_KEY, WRITTEN_STATUS_KEY};
pub use vocabulary::{heading_key, section_heading, section_kind, written_verb};

/// The text without a leading byte-order mark. Offsets in the model and in diagnostics are
/// into this text, so every reader of a record strips the mark the same way.
#[must_use]
pub fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a weight written as text (`Critical`, `3`, `30%`), as a criteria table's weight cell
/// would be read; `docket score --weight` uses it.
#[must_use]
pub fn read_weight(text: &str) -> crate::model::Weight {
    criteria::read_weight(text, crate::model::Span::default())
}

use crate::diagnostics::Diagnostic;
use crate::model::{Decision, FileNameId, SectionKind, Span, TextBlock, Title};
use markdown::{Block, Doc, blocks_text};
use metadata::{MetaEntry, find};
use sections::Sec;
use vocabulary::{Field, OPTION_PREFIXES, field_of};

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
    parse_record_with(text, path, ParseOptions::default())
}

/// What [`parse_record_with`] does besides reading the model.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// Also render the record as sanitised HTML into [`Decision::html`] (`docket build`).
    pub html: bool,
    /// How much YAML front matter and `yaml` code blocks may make the parser do.
    pub yaml: YamlBudget,
}

/// Parses one record's text as [`parse_record`] does, and with `parse_options.html` also renders it
/// as sanitised HTML.
///
/// ```
/// use docket::parse::{ParseOptions, parse_record_with};
/// let parsed = parse_record_with("# Use X\n\n<script>x()</script>Body\n", "x.md", ParseOptions { html: true, ..ParseOptions::default() });
/// let html = parsed.decision.html.unwrap();
/// assert!(html.as_str().contains("Body") && !html.as_str().contains("<script"));
/// ```
#[must_use]
pub fn parse_record_with(text: &str, path: &str, parse_options: ParseOptions) -> Parsed {
    let mut diagnostics = Vec::new();
    let text = strip_bom(text);
    let fm = front_matter::read_front_matter(text, path, parse_options.yaml, &mut diagnostics);
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
        title::find_title(&secs, fm_map.as_ref(), path, text, &doc, &mut diagnostics);
    let (file_id, stated_id, id) = record_ids(path, heading_id, &meta);
    let long = find(&meta, Field::Title)
        .filter(|e| e.line.is_some())
        .map(|e| e.value.clone());
    let title = Title { long, ..title };

    let status = status::find_status(&doc, &secs, &meta, text);
    let (status_date, status_updated) = status
        .span
        .filter(|_| !status.raw.contains("!["))
        .map_or((None, None), |span| {
            dates::status_line_dates(span.slice(text), span.start)
        });
    let updated_date = date_field(&meta, Field::Updated, text).or(status_updated);
    // The decision date is preferred; a last-modified date is the fallback.
    let date = date_field(&meta, Field::Date, text)
        .or_else(|| date_section(&doc, &secs, text))
        .or(status_date)
        .or_else(|| updated_date.clone().filter(|f| f.date.is_some()))
        .or_else(|| dates::folder_date(path));
    let decision_sec = find_section(&secs, SectionKind::Decision);
    let mut options = considered_options::find_options(&doc, &secs, text);
    let winner = chosen::find_winner(&doc, text);
    let places = chosen::ChoicePlaces {
        decision: decision_sec,
        title: (&title.text, title.span),
    };
    let mut chosen = chosen::find_chosen(&doc, &options, &places, winner.as_ref(), text);
    let criteria =
        find_criteria_tables(&doc, &secs, &options, winner.clone(), chosen.as_ref(), text);
    // A record that weighs its options only in a comparison table names them as its columns.
    if options.is_empty() && !criteria.is_empty() {
        options = considered_options::options_from_tables(&criteria);
        if chosen.is_none() {
            chosen = chosen::find_chosen(&doc, &options, &places, winner.as_ref(), text);
        }
    }
    let mut links = links::find_links(&doc, &secs, &meta, text);
    links.extend(mentions::find_mentions(&doc, text, &links, id.as_ref()));
    let tags = find_tags(&meta);
    let html = parse_options
        .html
        .then(|| html::render_record(text, body_start, &title));
    let decision = Decision {
        path: path.to_string(),
        format: shape::detect_format(&secs, &meta, fm_map.as_ref(), path, &options),
        id,
        file_id,
        stated_id,
        id_fields: id_fields(&meta, text),
        title,
        status,
        date,
        updated_date,
        effective_date: date_field(&meta, Field::Effective, text),
        review_date: date_field(&meta, Field::Review, text),
        due_date: date_field(&meta, Field::Due, text),
        people: people::find_people(&meta, text),
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
        changelog: changelog::find_changelog(&doc, &secs, text),
        suppressions: suppressions::find_suppressions(&doc),
        html,
    };
    structure::structural_diagnostics(&doc, &secs, text, path, &mut diagnostics);
    crate::diagnostics::sort_diagnostics(&mut diagnostics);
    Parsed {
        decision,
        diagnostics,
    }
}

/// The file name's id, the id the record states (its title heading's, else an id line's) and
/// the record's id from the two.
fn record_ids(
    path: &str,
    heading_id: Option<crate::model::RecordId>,
    meta: &[MetaEntry],
) -> (
    Option<FileNameId>,
    Option<crate::model::RecordId>,
    Option<crate::model::RecordId>,
) {
    let file_id = text::file_name_id(path);
    let stated_id = heading_id.or_else(|| {
        find(meta, Field::Id)
            .and_then(|e| text::id_at_start(e.value.trim(), false).map(|(id, _)| id))
    });
    let id = record_id(
        stated_id.as_ref(),
        file_id.as_ref().map(FileNameId::to_record_id),
    );
    (file_id, stated_id, id)
}

/// Where id lines write their value (`**Decision ID:** DR-004`, front matter `id: 7`).
fn id_fields(meta: &[MetaEntry], text: &str) -> Vec<Span> {
    meta.iter()
        .filter(|e| field_of(&e.norm) == Some(Field::Id))
        .filter_map(|e| {
            let value = e.value.trim();
            let at = text.get(e.span.start..e.span.end)?.rfind(value)?;
            let start = e.span.start + at;
            (!value.is_empty()).then(|| Span::new(start, start + value.len()))
        })
        .collect()
}

/// The record's id from the one it states and its file name's. A bare number written in the
/// record, or one of the file name's own series, gives way to the file name's when the numbers
/// disagree: the file name is what links, `show` and numbering see first (`0007-x.md` titled
/// `# 8. X` is record 7; DK201 reports it). An id of a series the file name does not write
/// (`# ADR-016: …` in `003_x.md`) stays the record's own.
fn record_id(
    stated: Option<&crate::model::RecordId>,
    file: Option<crate::model::RecordId>,
) -> Option<crate::model::RecordId> {
    let Some(stated) = stated else {
        return file;
    };
    let Some(file) = file else {
        return Some(stated.clone());
    };
    let bare = stated.series.is_none();
    if (bare || stated.series == file.series) && stated.number != file.number {
        return Some(file);
    }
    // `# 1. Title` in `0001-title.md`: the same number, written as the file name pads it.
    if bare && file.series.is_none() {
        return Some(file);
    }
    Some(stated.clone())
}

/// Criteria tables with their legends and the declared winner (a `Winner:` line, else MADR's
/// `Chosen option`).
fn find_criteria_tables(
    doc: &Doc,
    secs: &[Sec<'_>],
    options: &[crate::model::ConsideredOption],
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
    let names: Vec<String> = options.iter().map(|o| o.name.clone()).collect();
    criteria::find_criteria(doc, secs, text, &names, winner.as_ref())
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

pub(super) fn find_section<'a, 'd>(secs: &'a [Sec<'d>], kind: SectionKind) -> Option<&'a Sec<'d>> {
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
