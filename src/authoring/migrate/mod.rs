//! `docket migrate`: converts records between MADR, Nygard (adr-tools) and docket's DR shape,
//! keeping their content. It reads each record's model and slices its text by the model's
//! spans; `header` reads the facts around the title, `render` writes a format, and every
//! result is parsed again and compared with the original before anything is written.

mod header;
mod render;

use std::path::Path;

use crate::corpus::Corpus;
use crate::diagnostics::Code;
use crate::model::{Decision, Section, SectionKind, Span, TitleSource};
use crate::parse::{parse_record, strip_bom};

pub use render::Target;

/// One record converted in memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// The record's path, as the model stores it.
    pub path: String,
    /// The file's text before, byte-order mark included.
    pub before: String,
    /// The file's text after, byte-order mark and line endings kept.
    pub after: String,
}

impl Converted {
    /// Whether converting changed the file.
    #[must_use]
    pub fn is_changed(&self) -> bool {
        self.before != self.after
    }
}

/// A record that cannot be converted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrateFailure {
    /// The record's path.
    pub path: String,
    /// Why, as one sentence without a trailing period.
    pub message: String,
}

/// Every record of a load, converted in memory; nothing is written.
#[derive(Debug, Default)]
pub struct Migration {
    /// The records that convert, in load order.
    pub converted: Vec<Converted>,
    /// The records that do not; when there is one, nothing may be written.
    pub failures: Vec<MigrateFailure>,
}

/// Converts every record of `corpus` to `target` in memory. Each file is read again as bytes
/// (to keep its byte-order mark, and to refuse a file that is not UTF-8 or that changed since
/// the load); files the load could not read are failures too.
#[must_use]
pub fn plan_migration(corpus: &Corpus, target: Target) -> Migration {
    let mut migration = Migration::default();
    for d in &corpus.diagnostics {
        if d.code == Code::UnreadableFile.as_str() {
            migration.failures.push(MigrateFailure {
                path: d.path.clone(),
                message: d.message.clone(),
            });
        }
    }
    for decision in &corpus.decisions {
        let path = decision.path.clone();
        let result = std::fs::read(Path::new(&path))
            .map_err(|e| format!("it cannot be read: {e}"))
            .and_then(|bytes| {
                String::from_utf8(bytes).map_err(|e| {
                    format!(
                        "it is not valid UTF-8 (first bad byte at offset {})",
                        e.utf8_error().valid_up_to()
                    )
                })
            })
            .and_then(|before| {
                if corpus.sources.text(&path) != Some(strip_bom(&before)) {
                    return Err("it changed while docket was reading it".into());
                }
                let after = convert_text(&before, decision, target)?;
                Ok(Converted {
                    path: path.clone(),
                    before,
                    after,
                })
            });
        match result {
            Ok(converted) => migration.converted.push(converted),
            Err(message) => migration.failures.push(MigrateFailure { path, message }),
        }
    }
    migration.failures.sort_by(|a, b| a.path.cmp(&b.path));
    migration
}

/// Converts one record's text (byte-order mark and all) whose model is `decision`, then
/// parses the result and checks that the facts survived; the error says which did not.
///
/// ```
/// use docket::authoring::migrate::{Target, convert_text};
/// let text = "# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n";
/// let decision = docket::parse_record(text, "0001-use-postgres.md").decision;
/// let madr = convert_text(text, &decision, Target::Madr).unwrap();
/// assert!(madr.starts_with("---\nstatus: accepted\ndate: 2026-01-05\n---\n\n# Use Postgres\n"));
/// assert!(madr.contains("## Context and Problem Statement\n"));
/// ```
pub fn convert_text(text: &str, decision: &Decision, target: Target) -> Result<String, String> {
    let body = strip_bom(text);
    let bom = &text[..text.len() - body.len()];
    let crlf = body.contains("\r\n");
    let converted = convert_body(body, decision, target)?;
    let after = parse_record(&converted, &decision.path).decision;
    check_same_facts(decision, &after)?;
    let converted = if crlf {
        converted.replace('\n', "\r\n")
    } else {
        converted
    };
    Ok(format!("{bom}{converted}"))
}

/// The record's parts, cut from its text by the model's spans.
#[derive(Debug)]
struct Parts<'t> {
    /// The front matter's content (between the fences), when there is front matter.
    front_matter: Option<Span>,
    /// Text between the front matter and the title heading (comments, badges).
    prelude: &'t str,
    /// The title heading's text, as written (`3. Use X`), when the title is a heading.
    title_heading: Option<&'t str>,
    /// The header regions: the preamble and the Status and Date section bodies, each with
    /// whether it is a Status section.
    header: Vec<(Span, bool)>,
    /// The other top-level sections, in order.
    sections: Vec<&'t Section>,
}

/// Converts a text without byte-order mark to `target`, with `\n` line endings.
fn convert_body(text: &str, decision: &Decision, target: Target) -> Result<String, String> {
    let parts = cut(text, decision);
    let header = header::read_header(text, decision, parts.front_matter, &parts.header)?;
    let sections: Vec<render::SectionText> = parts
        .sections
        .iter()
        .map(|s| render::SectionText::from_section(text, s))
        .collect();
    let doc = render::Document {
        decision,
        header: &header,
        prelude: parts.prelude.replace("\r\n", "\n"),
        title_heading: parts.title_heading.map(|h| h.replace("\r\n", "\n")),
        sections,
    };
    Ok(render::render(&doc, target))
}

/// Cuts the record into its parts.
fn cut<'t>(text: &'t str, decision: &'t Decision) -> Parts<'t> {
    let (front_matter, body_start) = match front_matter_block(text) {
        Some((content, end)) => (Some(content), end),
        None => (None, 0),
    };
    let title_index = matches!(
        decision.title.source,
        TitleSource::Heading | TitleSource::OtherHeading
    )
    .then(|| {
        decision.sections.iter().position(|s| {
            s.span.start <= decision.title.span.start && decision.title.span.end <= s.span.end
        })
    })
    .flatten();
    let title = title_index.map(|i| &decision.sections[i]);
    let after_title = title.map_or(body_start, |t| t.span.end.max(body_start));
    let top: Vec<&Section> = decision
        .sections
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            Some(*i) != title_index
                && s.span.start >= after_title
                && (s.parent.is_none() || s.parent == title_index)
        })
        .map(|(_, s)| s)
        .collect();
    let first = top.first().map_or(text.len(), |s| s.span.start);
    let mut header = vec![(Span::new(after_title, first), false)];
    let mut sections = Vec::new();
    for s in top {
        if matches!(s.kind, SectionKind::Status | SectionKind::Date) {
            let body = Span::new(s.span.end, s.body_span.end);
            header.push((body, s.kind == SectionKind::Status));
        } else {
            sections.push(s);
        }
    }
    let prelude = title.map_or("", |t| &text[body_start.min(t.span.start)..t.span.start]);
    let title_heading = title.map(|_| decision.title.span.slice(text));
    Parts {
        front_matter,
        prelude,
        title_heading,
        header,
        sections,
    }
}

/// The front matter's content span and where the body starts, when the text opens with a
/// fenced block (`---` or `+++`) that closes.
fn front_matter_block(text: &str) -> Option<(Span, usize)> {
    let first_end = text.find('\n')?;
    let fence = text[..first_end].trim_end();
    if fence != "---" && fence != "+++" {
        return None;
    }
    let mut at = first_end + 1;
    for raw in text[at..].split_inclusive('\n') {
        let line = raw.trim_end();
        if line == fence || (fence == "---" && line == "...") {
            return Some((Span::new(first_end + 1, at), at + raw.len()));
        }
        at += raw.len();
    }
    None
}

/// Compares the facts `migrate` promises to keep; the error names the first that changed.
fn check_same_facts(before: &Decision, after: &Decision) -> Result<(), String> {
    let changed = |what: &str, a: String, b: String| {
        Err(format!("its {what} would change from `{a}` to `{b}`"))
    };
    if before.title.text != after.title.text {
        return changed("title", before.title.text.clone(), after.title.text.clone());
    }
    if before.status.kind != after.status.kind {
        return changed(
            "status",
            before.status.kind.as_str().into(),
            after.status.kind.as_str().into(),
        );
    }
    let date = |d: &Decision| {
        d.date.as_ref().map_or(String::new(), |f| {
            f.date
                .map_or_else(|| f.raw.trim().to_string(), |x| x.to_string())
        })
    };
    if date(before) != date(after) {
        return changed("date", date(before), date(after));
    }
    let id = |d: &Decision| {
        d.id.as_ref()
            .map_or(String::new(), |i| format!("{:?}-{}", i.series, i.number))
    };
    if id(before) != id(after) {
        return changed("id", id(before), id(after));
    }
    let links = |d: &Decision| format!("{:?}", relation_keys(d));
    if links(before) != links(after) {
        return changed("links", links(before), links(after));
    }
    let people = |d: &Decision| format!("{:?}", people_names(d));
    if people(before) != people(after) {
        return changed("people", people(before), people(after));
    }
    if before.tags != after.tags {
        return changed("tags", before.tags.join(", "), after.tags.join(", "));
    }
    let options = |d: &Decision| {
        d.options
            .iter()
            .map(|o| o.name.clone())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if options(before) != options(after) {
        return changed("options", options(before), options(after));
    }
    if before.criteria.len() != after.criteria.len() {
        return changed(
            "number of criteria tables",
            before.criteria.len().to_string(),
            after.criteria.len().to_string(),
        );
    }
    Ok(())
}

/// A relation as migrate compares it: kind, link destination, and the target's series and
/// number.
pub type RelationKey = (&'static str, Option<String>, Option<String>, Option<u32>);

/// A record's relations as [`RelationKey`]s, sorted, each once.
#[must_use]
pub fn relation_keys(decision: &Decision) -> Vec<RelationKey> {
    let mut keys: Vec<_> = decision
        .links
        .iter()
        .filter(|l| l.kind.is_relation())
        .map(|l| {
            (
                l.kind.as_str(),
                l.target.href.clone(),
                l.target.id.as_ref().and_then(|i| i.series.clone()),
                l.target.id.as_ref().map(|i| i.number),
            )
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// Names by role, in role order.
fn people_names(decision: &Decision) -> Vec<Vec<String>> {
    decision
        .people
        .fields()
        .iter()
        .map(|f| f.map(|f| f.names.clone()).unwrap_or_default())
        .collect()
}
