//! Writing a record in a target format for `docket migrate`: MADR (YAML front matter), Nygard
//! (adr-tools: `Date:` line and a Status section) or docket's DR shape (bold metadata lines).
//! The headings each format writes are listed here; a test checks that the parser reads each
//! back as the kind it stands for.

use std::fmt::Write as _;

use super::header::{Field, Header, Relation, Role, capitalised};
use crate::model::{Decision, Section, SectionKind};

/// The format `docket migrate --to` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Target {
    /// MADR 3/4: YAML front matter, `# Title`, MADR section names.
    Madr,
    /// Michael Nygard's template as adr-tools writes it.
    Nygard,
    /// docket's DR shape: `# DR-001: Title` and `**Key:** value` lines.
    Dr,
}

impl Target {
    /// Every target, in the order of the `--to` help.
    pub const ALL: [Target; 3] = [Target::Madr, Target::Nygard, Target::Dr];

    /// The name `--to` takes.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Target::Madr => "madr",
            Target::Nygard => "nygard",
            Target::Dr => "dr",
        }
    }

    /// The heading this format writes for a section kind, when it renames that kind.
    #[must_use]
    pub fn heading(self, kind: SectionKind) -> Option<&'static str> {
        match (kind, self) {
            (SectionKind::Context, Target::Madr) => Some("Context and Problem Statement"),
            (SectionKind::Context, _) => Some("Context"),
            (SectionKind::Decision, Target::Madr) => Some("Decision Outcome"),
            (SectionKind::Decision, _) => Some("Decision"),
            (SectionKind::ConsideredOptions, Target::Madr) => Some("Considered Options"),
            (SectionKind::ConsideredOptions, Target::Dr) => Some("Options Considered"),
            (SectionKind::ProsAndCons, Target::Madr) => Some("Pros and Cons of the Options"),
            (SectionKind::Consequences, _) => Some("Consequences"),
            _ => None,
        }
    }
}

/// A top-level section as written: its kind, level, heading text and body.
#[derive(Debug, Clone)]
pub(super) struct SectionText {
    kind: SectionKind,
    level: u8,
    heading: String,
    body: String,
}

impl SectionText {
    /// The section's heading and body, cut from `text` (line breaks made `\n`).
    pub(super) fn from_section(text: &str, section: &Section) -> SectionText {
        let line = section.span.slice(text).lines().next().unwrap_or("");
        let heading = match line.trim_start().strip_prefix('#') {
            Some(atx) => atx
                .trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim_end(),
            // A setext heading's first line is its text.
            None => line.trim(),
        };
        let body = text
            .get(section.span.end..section.body_span.end)
            .unwrap_or("")
            .replace("\r\n", "\n");
        SectionText {
            kind: section.kind,
            level: section.level,
            heading: heading.to_string(),
            body: trim_blank_lines(&body).to_string(),
        }
    }

    fn write(&self, heading: &str, out: &mut Vec<String>) {
        let marks = "#".repeat(usize::from(self.level.clamp(1, 6)));
        if self.body.is_empty() {
            out.push(format!("{marks} {heading}"));
        } else {
            out.push(format!("{marks} {heading}\n\n{}", self.body));
        }
    }
}

/// The text with its leading and trailing blank lines removed (trailing spaces of the last
/// line kept out too).
fn trim_blank_lines(text: &str) -> &str {
    let start = text
        .char_indices()
        .take_while(|(_, c)| c.is_whitespace())
        .filter(|(_, c)| *c == '\n')
        .last()
        .map_or(0, |(i, _)| i + 1);
    text[start..].trim_end()
}

/// A record ready to write: its model, header and sections.
pub(super) struct Document<'a> {
    pub(super) decision: &'a Decision,
    pub(super) header: &'a Header,
    pub(super) prelude: String,
    pub(super) title_heading: Option<String>,
    pub(super) sections: Vec<SectionText>,
}

/// The record written in `target`, with `\n` line breaks and one at the end.
pub(super) fn render(doc: &Document<'_>, target: Target) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if target == Target::Madr {
        let front_matter = madr_front_matter(doc.header);
        if !front_matter.is_empty() {
            blocks.push(format!("---\n{front_matter}---"));
        }
    }
    let prelude = trim_blank_lines(&doc.prelude);
    if !prelude.is_empty() {
        blocks.push(prelude.to_string());
    }
    let title = match target {
        Target::Madr => madr_title(doc),
        Target::Nygard | Target::Dr => numbered_title(doc),
    };
    blocks.push(format!("# {title}"));
    match target {
        Target::Madr => {
            let lines: Vec<String> = doc
                .header
                .relations
                .iter()
                .filter(|r| !r.fits_front_matter)
                .map(|r| format!("{}: {}", capitalised(&r.verb), relation_target(r)))
                .collect();
            if !lines.is_empty() {
                blocks.push(lines.join("\n"));
            }
            blocks.extend(doc.header.prose.iter().cloned());
            blocks.extend(doc.header.status_prose.iter().cloned());
            write_sections(&doc.sections, target, false, &mut blocks);
        }
        Target::Nygard => {
            let lines: Vec<String> = doc
                .header
                .fields
                .iter()
                .map(|f| format!("{}: {}", plain_key(f), f.value))
                .collect();
            if !lines.is_empty() {
                blocks.push(lines.join("\n"));
            }
            blocks.extend(doc.header.prose.iter().cloned());
            let mut status = Vec::new();
            if let Some(s) = &doc.header.status {
                status.push(s.text_for(false));
            }
            status.extend(doc.header.relations.iter().map(relation_line));
            status.extend(doc.header.status_prose.iter().cloned());
            if !status.is_empty() {
                blocks.push(format!("## Status\n\n{}", status.join("\n\n")));
            }
            write_sections(&doc.sections, target, true, &mut blocks);
        }
        Target::Dr => {
            blocks.push(dr_metadata(doc));
            blocks.extend(doc.header.prose.iter().cloned());
            blocks.extend(doc.header.status_prose.iter().cloned());
            write_sections(&doc.sections, target, false, &mut blocks);
        }
    }
    let mut out = blocks
        .iter()
        .filter(|b| !b.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join("\n\n");
    out.push('\n');
    out
}

/// Writes the sections, renaming the first of each kind the format names; with `nygard_order`,
/// Context, Decision and Consequences come first.
fn write_sections(
    sections: &[SectionText],
    target: Target,
    nygard_order: bool,
    out: &mut Vec<String>,
) {
    let mut order: Vec<usize> = (0..sections.len()).collect();
    if nygard_order {
        let rank = |kind: SectionKind| match kind {
            SectionKind::Context => 0,
            SectionKind::Decision => 1,
            SectionKind::Consequences => 2,
            _ => 3,
        };
        // Only the first section of each of the three kinds moves up.
        let mut firsts = std::collections::BTreeSet::new();
        let ranks: Vec<u8> = sections
            .iter()
            .map(|s| match rank(s.kind) {
                r if r < 3 && firsts.insert(s.kind) => r,
                _ => 3,
            })
            .collect();
        order.sort_by_key(|&i| (ranks[i], i));
    }
    let mut renamed = std::collections::BTreeSet::new();
    for i in order {
        let s = &sections[i];
        let gist = s
            .heading
            .split_once(':')
            .is_some_and(|(_, rest)| !rest.trim().is_empty());
        let heading = match target.heading(s.kind) {
            Some(name) if !gist && renamed.insert(s.kind) => name,
            _ => s.heading.as_str(),
        };
        s.write(heading, out);
    }
}

/// The MADR title: without its number when the file name gives the id back.
fn madr_title(doc: &Document<'_>) -> String {
    let d = doc.decision;
    let Some(heading) = doc.title_heading.as_deref() else {
        return d.title.text.clone();
    };
    let Some(stated) = &d.stated_id else {
        return heading.trim().to_string();
    };
    let recoverable = d
        .file_id
        .as_ref()
        .is_some_and(|f| f.to_record_id().same_record(stated));
    if !recoverable {
        return heading.trim().to_string();
    }
    if !carries_id(heading) {
        return heading.trim().to_string();
    }
    strip_id(heading, &stated.raw).unwrap_or_else(|| d.title.text.clone())
}

/// Whether a title heading's text starts with an id, as the parser reads it.
fn carries_id(heading: &str) -> bool {
    crate::parse::parse_record(&format!("# {}\n", heading.trim()), "x.md")
        .decision
        .stated_id
        .is_some()
}

/// The heading without its leading id (`3. Use X` → `Use X`, `ADR-016: X` → `X`).
fn strip_id(heading: &str, id: &str) -> Option<String> {
    let t = heading.trim();
    let rest = t
        .get(id.len()..)
        .filter(|_| t[..id.len()].eq_ignore_ascii_case(id))?;
    let rest = rest.trim_start_matches(['.', ':', ' ', '-', '–', '—', '\t']);
    (!rest.is_empty()).then(|| rest.to_string())
}

/// The Nygard and DR title: as written when it carries the id, else with the record's id in
/// front (`3. Title`, `DR-004: Title`).
fn numbered_title(doc: &Document<'_>) -> String {
    let d = doc.decision;
    if let Some(heading) = &doc.title_heading
        && carries_id(heading)
    {
        return heading.trim().to_string();
    }
    let title = doc
        .title_heading
        .as_deref()
        .map_or(d.title.text.as_str(), str::trim);
    match &d.id {
        Some(id) if id.series.is_some() => format!("{}: {title}", id.raw),
        Some(id) => format!("{}. {title}", id.number),
        None => title.to_string(),
    }
}

/// A relation as a status-section line: `Superseded by [4. Use Y](0004-use-y.md)`.
fn relation_line(r: &Relation) -> String {
    format!("{} {}", capitalised(&r.verb), relation_target(r))
}

/// A relation's target as markdown: a link when it has a destination.
fn relation_target(r: &Relation) -> String {
    match &r.href {
        Some(href) => format!("[{}]({href})", r.text),
        None => r.text.clone(),
    }
}

/// A field's key for `Key: value` lines: as written, or for a front matter key
/// (`decision-makers`) in words (`Decision makers`).
fn plain_key(field: &Field) -> String {
    if field.yaml.is_some() {
        capitalised(&field.key.replace(['-', '_'], " "))
    } else {
        field.key.clone()
    }
}

/// The DR metadata lines: id, status, date, the other fields and the relations.
fn dr_metadata(doc: &Document<'_>) -> String {
    let h = doc.header;
    let mut lines = Vec::new();
    let has_id = h.fields.iter().any(|f| f.role == Role::Id);
    if !has_id && let Some(id) = &doc.decision.id {
        lines.push(format!("**Decision ID:** {}", id.raw));
    }
    let (ids, rest): (Vec<&Field>, Vec<&Field>) = h.fields.iter().partition(|f| f.role == Role::Id);
    for f in ids {
        lines.push(format!("**{}:** {}", plain_key(f), f.value));
    }
    if let Some(s) = &h.status {
        lines.push(format!("**Status:** {}", s.text_for(false)));
    }
    for f in rest {
        lines.push(format!("**{}:** {}", plain_key(f), f.value));
    }
    for r in &h.relations {
        lines.push(format!(
            "**{}:** {}",
            capitalised(&r.verb),
            relation_target(r)
        ));
    }
    lines.join("\n")
}

/// The MADR front matter's lines: status, then the fields (people, tags and other keys as
/// MADR writes them, front matter keys as they were written), then the relations.
fn madr_front_matter(h: &Header) -> String {
    let mut out = String::new();
    if let Some(s) = &h.status {
        let _ = writeln!(out, "status: {}", yaml_scalar(&s.text_for(true)));
    }
    let (dates, rest): (Vec<&Field>, Vec<&Field>) =
        h.fields.iter().partition(|f| f.role == Role::Date);
    for f in dates.into_iter().chain(rest) {
        if let Some(yaml) = &f.yaml {
            out.push_str(yaml);
            out.push('\n');
            continue;
        }
        let line = match f.role {
            Role::Date => format!("date: {}", yaml_scalar(&f.value)),
            Role::Tags => format!("tags: {}", yaml_list(f.value.split([',', ';']))),
            Role::People => format!("{}: {}", slug(&f.key), yaml_scalar(&f.value)),
            Role::Id | Role::Other => format!("{}: {}", yaml_key(&f.key), yaml_scalar(&f.value)),
        };
        out.push_str(&line);
        out.push('\n');
    }
    let fitting: Vec<&Relation> = h.relations.iter().filter(|r| r.fits_front_matter).collect();
    let mut verbs: Vec<&str> = Vec::new();
    for r in &fitting {
        if !verbs.contains(&r.verb.as_str()) {
            verbs.push(&r.verb);
        }
    }
    for verb in verbs {
        let values: Vec<&str> = fitting
            .iter()
            .filter(|r| r.verb == verb)
            .map(|r| r.href.as_deref().unwrap_or(&r.text))
            .collect();
        let value = match values.as_slice() {
            [one] => yaml_scalar(one),
            many => yaml_list(many.iter().copied()),
        };
        let _ = writeln!(out, "{}: {value}", slug(verb));
    }
    out
}

/// A key in MADR's spelling: lower case, words joined by `-` (`Decision Makers` →
/// `decision-makers`).
fn slug(key: &str) -> String {
    key.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

/// A key as YAML: as written when plain, else quoted.
fn yaml_key(key: &str) -> String {
    if key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
    {
        key.to_string()
    } else {
        quoted(key)
    }
}

/// Values as a YAML flow list, each trimmed, empty ones left out.
fn yaml_list<'v>(values: impl Iterator<Item = &'v str>) -> String {
    let items: Vec<String> = values
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(|v| {
            let plain = yaml_scalar(v);
            if plain.contains([',', '[', ']', '{', '}']) && !plain.starts_with('"') {
                quoted(v)
            } else {
                plain
            }
        })
        .collect();
    format!("[{}]", items.join(", "))
}

/// A value as a YAML scalar: plain when YAML reads it back as the same string, else quoted.
fn yaml_scalar(value: &str) -> String {
    let v = value.trim();
    let special_start = v.starts_with([
        '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@',
        '`',
    ]);
    let reserved = matches!(
        v.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off" | "null" | "~" | ""
    );
    let number = v.parse::<f64>().is_ok();
    if special_start
        || reserved
        || number
        || v.contains(": ")
        || v.contains(" #")
        || v.ends_with(':')
    {
        quoted(v)
    } else {
        v.to_string()
    }
}

/// A double-quoted YAML string.
fn quoted(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::section_kind;

    #[test]
    fn every_heading_written_reads_back_as_its_kind() {
        let kinds = [
            SectionKind::Context,
            SectionKind::Decision,
            SectionKind::ConsideredOptions,
            SectionKind::ProsAndCons,
            SectionKind::Consequences,
        ];
        for target in Target::ALL {
            for kind in kinds {
                if let Some(heading) = target.heading(kind) {
                    assert_eq!(section_kind(heading), kind, "{heading} ({target:?})");
                }
            }
        }
    }

    #[test]
    fn yaml_scalars_quote_what_yaml_would_read_otherwise() {
        let rows = [
            ("plain word", "accepted", "accepted"),
            ("date", "2020-01-02", "2020-01-02"),
            ("colon and space", "a: b", "\"a: b\""),
            ("bool word", "yes", "\"yes\""),
            ("number", "5", "\"5\""),
            ("emoji and bold", "**Accepted**", "\"**Accepted**\""),
            ("quote inside", "say \"hi\"", "say \"hi\""),
        ];
        for (name, value, yaml) in rows {
            assert_eq!(yaml_scalar(value), yaml, "{name}");
        }
    }

    #[test]
    fn ids_come_off_titles() {
        assert_eq!(strip_id("3. Use X", "3").as_deref(), Some("Use X"));
        assert_eq!(
            strip_id("ADR-016: Fly.io", "ADR-016").as_deref(),
            Some("Fly.io")
        );
        assert_eq!(strip_id("3", "3"), None);
    }
}
