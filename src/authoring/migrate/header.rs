//! Reading a record's header for `docket migrate`: the facts written in its front matter, the
//! lines under its title and its Status and Date sections (status, dates, people, ids, tags,
//! relations, other fields), and the prose left around them. Writing them is `render`'s job.

use crate::model::{Decision, LinkKind, LinkOrigin, Span, StatusKind};
use crate::parse::{classify_status, parse_record, status_misspellings};

/// What a header field is, which decides where each format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// The decision date.
    Date,
    /// Tags, written as a list in front matter.
    Tags,
    /// People, written as a list in front matter (`deciders`, `consulted`, `informed`).
    People,
    /// The record's id line (`**Decision ID:** DR-001`).
    Id,
    /// Any other `Key: value` field, kept under its own key.
    Other,
}

/// One `Key: value` fact of the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Field {
    /// The key as written, markup removed (`Deciders`, `decision-makers`).
    pub(super) key: String,
    /// The value as written.
    pub(super) value: String,
    /// What it is.
    pub(super) role: Role,
    /// The YAML lines it was written as, when it came from front matter.
    pub(super) yaml: Option<String>,
}

/// One relation to another record, stated in the header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Relation {
    /// The verb with `Supercede` spellings fixed, lower case (`superseded by`).
    pub(super) verb: String,
    /// The text naming the target.
    pub(super) text: String,
    /// The link destination, when the target is a link.
    pub(super) href: Option<String>,
    /// Whether front matter can state it: its destination alone names the same record as
    /// its text (`[ADR-32](0032-x.md)` can, `[1. X](0012-x.md)` cannot).
    pub(super) fits_front_matter: bool,
}

/// A record's header, read from its model and text.
#[derive(Debug, Default)]
pub(super) struct Header {
    /// The status to write; `None` when the record states none.
    pub(super) status: Option<Status>,
    /// Fields in the order written.
    pub(super) fields: Vec<Field>,
    /// Relations in the order written.
    pub(super) relations: Vec<Relation>,
    /// Prose under the title and in a Date section that is no fact: kept under the title.
    pub(super) prose: Vec<String>,
    /// Prose in a Status section that is no status and no relation (`Accepted after …`).
    pub(super) status_prose: Vec<String>,
}

/// The status a record states: its words, and whether they are just the status word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Status {
    /// The kind the words mean.
    pub(super) kind: StatusKind,
    /// The words as written, spelling fixed; the kind's name when the record wrote markup
    /// (a badge, a link) around it.
    pub(super) text: String,
}

impl Status {
    /// The words a format writes: MADR writes a plain status word in lower case, the others
    /// capitalised; other words stay as written.
    pub(super) fn text_for(&self, lower: bool) -> String {
        match (self.is_plain_word(), lower) {
            (true, true) => self.kind.as_str().to_string(),
            (true, false) => capitalised(self.kind.as_str()),
            (false, _) => self.text.clone(),
        }
    }

    /// Whether the text is only the status word (`Accepted`), which formats may re-case.
    pub(super) fn is_plain_word(&self) -> bool {
        self.kind != StatusKind::Unknown && self.text.eq_ignore_ascii_case(self.kind.as_str())
    }
}

/// A line of the text: its byte range (without the line break) and its text.
#[derive(Debug, Clone, Copy)]
struct LineAt<'t> {
    start: usize,
    end: usize,
    text: &'t str,
}

/// The lines of `text[range]`, each without its line break (`\n` or `\r\n`).
fn lines_in(text: &str, range: Span) -> Vec<LineAt<'_>> {
    let mut out = Vec::new();
    let mut at = range.start;
    for raw in range.slice(text).split_inclusive('\n') {
        let body = raw.trim_end_matches(['\n', '\r']);
        out.push(LineAt {
            start: at,
            end: at + body.len(),
            text: body,
        });
        at += raw.len();
    }
    out
}

/// Reads the header: `regions` are the preamble and the Status and Date section bodies, in
/// order, each with whether it is a Status section; `front_matter` the YAML block's content,
/// when there is one.
pub(super) fn read_header(
    text: &str,
    decision: &Decision,
    front_matter: Option<Span>,
    regions: &[(Span, bool)],
) -> Result<Header, String> {
    // A status stated in the body (a bold `**Status:**` line in a section) stays there.
    let in_header = decision.status.span.is_some_and(|span| {
        front_matter.is_some_and(|f| contains(f, span.start))
            || regions
                .iter()
                .any(|(r, _)| r.start <= span.start && span.start <= r.end)
    });
    let mut header = Header {
        status: status_of(decision, text).filter(|_| in_header),
        ..Header::default()
    };
    if let Some(content) = front_matter {
        read_front_matter(text, decision, content, &mut header)?;
    }
    for (region, is_status) in regions {
        let mut prose = String::new();
        for line in lines_in(text, *region) {
            if !read_fact_line(decision, line, &mut header) {
                prose.push_str(line.text);
                prose.push('\n');
            }
        }
        if *is_status {
            push_prose(&mut header.status_prose, &prose);
        } else {
            push_prose(&mut header.prose, &prose);
        }
    }
    Ok(header)
}

/// Adds a piece of prose, its blank lines at both ends removed and inner runs of blank lines
/// made one; nothing when it is blank.
fn push_prose(out: &mut Vec<String>, prose: &str) {
    let mut kept: Vec<&str> = Vec::new();
    for line in prose.lines() {
        let blank = line.trim().is_empty();
        if blank && kept.last().is_none_or(|l| l.trim().is_empty()) {
            continue;
        }
        kept.push(if blank { "" } else { line });
    }
    while kept.last().is_some_and(|l| l.is_empty()) {
        kept.pop();
    }
    if !kept.is_empty() {
        out.push(kept.join("\n"));
    }
}

/// The status to write, from the model: its own words when they are plain text meaning the
/// same kind, else the kind's name.
fn status_of(decision: &Decision, text: &str) -> Option<Status> {
    let status = &decision.status;
    status.span?;
    let raw = fix_spelling(status.raw.trim());
    let has_markup = raw.contains("](") || raw.contains('\n') || raw.contains('<');
    let in_line_relation = decision
        .links
        .iter()
        .any(|l| l.kind.is_relation() && status.span.is_some_and(|s| contains(s, l.span.start)));
    let text_kept = !raw.is_empty()
        && !has_markup
        && !in_line_relation
        && classify_status(&raw) == status.kind
        && !raw.contains('|');
    let text = if text_kept {
        raw
    } else if status.kind == StatusKind::Unknown {
        // No kind to fall back on: keep the words, markup and all.
        status.span.map(|s| s.slice(text).trim().to_string())?
    } else {
        capitalised(status.kind.as_str())
    };
    Some(Status {
        kind: status.kind,
        text,
    })
}

/// `word` with its first letter in upper case.
pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The text with `Supercede`-style misspellings of status words and relation verbs fixed.
pub(super) fn fix_spelling(text: &str) -> String {
    let mut out = text.to_string();
    for (range, fixed) in status_misspellings(text).into_iter().rev() {
        out.replace_range(range, &fixed);
    }
    // Relation verbs written after the first word (`Status: superceded by`) are their own
    // clause words only at the start; fix each word on its own.
    out.split(' ')
        .map(|word| {
            let fixes = status_misspellings(word);
            match fixes.as_slice() {
                [(range, right)] if range.start == 0 && range.end == word.len() => right.clone(),
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn contains(span: Span, at: usize) -> bool {
    span.start <= at && at < span.end.max(span.start + 1)
}

/// Reads one line of the preamble or of a Status or Date section into the header; false
/// when the line states no fact (it is prose, kept as written).
fn read_fact_line(decision: &Decision, line: LineAt<'_>, header: &mut Header) -> bool {
    let in_line = |span: Span| line.start <= span.start && span.start <= line.end;
    let relations: Vec<Relation> = decision
        .links
        .iter()
        .filter(|l| {
            l.kind.is_relation()
                && matches!(l.origin, LinkOrigin::Metadata | LinkOrigin::StatusSection)
                && in_line(l.span)
        })
        .map(relation_of)
        .collect();
    let is_status = decision.status.span.is_some_and(in_line);
    let date = [&decision.date]
        .into_iter()
        .flatten()
        .any(|f| in_line(f.span));
    let other_dates = [
        &decision.updated_date,
        &decision.effective_date,
        &decision.review_date,
        &decision.due_date,
    ]
    .into_iter()
    .flatten()
    .any(|f| in_line(f.span));
    let people = decision
        .people
        .fields()
        .into_iter()
        .flatten()
        .map(|f| f.span)
        .any(in_line);
    let meta = decision.metadata.iter().any(|m| in_line(m.span));
    let spanless = spanless_facts(line.text);
    let is_fact = is_status || !relations.is_empty() || date || other_dates || people || meta;
    // A long title (`**Title:** …`) stays under the title in every format; tables stay whole.
    if !(is_fact || spanless.tags || spanless.id)
        || spanless.long_title
        || line.text.trim_start().starts_with('|')
    {
        return false;
    }
    header.relations.extend(relations.iter().cloned());
    if is_status || !relations.is_empty() {
        // The status and relations are written from the model; a status line's other words
        // (`Accepted on 2020-01-02`) are in the status text.
        return true;
    }
    let (key, value) = match key_value(line.text) {
        Some(kv) => kv,
        // A Date section's bare date.
        None if date => ("Date".to_string(), line.text.trim().to_string()),
        None => return false,
    };
    let role = if date && !other_dates {
        Role::Date
    } else if spanless.tags {
        Role::Tags
    } else if people {
        Role::People
    } else if spanless.id {
        Role::Id
    } else {
        Role::Other
    };
    header.fields.push(Field {
        key,
        value,
        role,
        yaml: None,
    });
    true
}

/// Facts the model keeps without a span, found by parsing a line on its own under a title.
#[derive(Debug, Clone, Copy, Default)]
struct Spanless {
    /// A tags line.
    tags: bool,
    /// An id line (`**Decision ID:** DR-001`).
    id: bool,
    /// A long title line (`**Title:** …`).
    long_title: bool,
}

fn spanless_facts(line: &str) -> Spanless {
    if !line.contains(':') && !line.contains('：') {
        return Spanless::default();
    }
    let alone = parse_record(&format!("# T\n\n{}\n", line.trim()), "x.md").decision;
    Spanless {
        tags: !alone.tags.is_empty(),
        id: alone.stated_id.is_some(),
        long_title: alone.title.long.is_some(),
    }
}

/// A relation as the header keeps it.
fn relation_of(link: &crate::model::Link) -> Relation {
    let verb = if link.kind == LinkKind::Related && link.verb.is_empty() {
        LinkKind::Related.as_str().to_string()
    } else {
        fix_spelling(&link.verb)
    };
    let href = link.target.href.clone();
    let href_id = href.as_deref().and_then(|h| {
        crate::parse::file_name_id(h.split('#').next().unwrap_or(h)).map(|f| f.to_record_id())
    });
    let fits_front_matter = match (&href, &href_id, &link.target.id) {
        (None, _, _) | (Some(_), None, None) => true,
        (Some(_), Some(from_href), Some(id)) => from_href.same_record(id),
        _ => false,
    };
    Relation {
        verb,
        text: link.target.text.clone(),
        href,
        fits_front_matter,
    }
}

/// A `Key: value` line's key (markup removed) and value: `**Status:** Accepted`,
/// `- Deciders: Ann, Bo`, `Date: 2020-01-02`.
pub(super) fn key_value(line: &str) -> Option<(String, String)> {
    let t = line.trim();
    let t = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| t.strip_prefix(m))
        .unwrap_or(t)
        .trim_start();
    let (key, value) = if let Some(rest) = t.strip_prefix("**").or_else(|| t.strip_prefix("__")) {
        let close = rest.find("**").or_else(|| rest.find("__"))?;
        let key = &rest[..close];
        let after = &rest[close + 2..];
        match key.trim_end().strip_suffix([':', '：']) {
            Some(k) => (k, after),
            None => (key, after.trim_start().strip_prefix([':', '：'])?),
        }
    } else {
        let at = t.find([':', '：'])?;
        let colon = t[at..].chars().next().map_or(1, char::len_utf8);
        (&t[..at], &t[at + colon..])
    };
    let key = key.trim();
    (!key.is_empty() && !key.contains("](")).then(|| (key.to_string(), value.trim().to_string()))
}

/// Reads the front matter block key by key: facts the model has read go into the header;
/// every other key is kept as its YAML lines (MADR) and as a field (other formats).
fn read_front_matter(
    text: &str,
    decision: &Decision,
    content: Span,
    header: &mut Header,
) -> Result<(), String> {
    let Some(map) = &decision.front_matter else {
        return Err("its front matter does not parse".into());
    };
    for (key, block) in front_matter_blocks(text, content) {
        let in_block = |span: Span| contains(block, span.start);
        let value = map.get(&key);
        let relations: Vec<Relation> = decision
            .links
            .iter()
            .filter(|l| l.kind.is_relation() && in_block(l.span))
            .map(relation_of)
            .collect();
        let is_status = decision.status.span.is_some_and(in_block);
        header.relations.extend(relations.iter().cloned());
        if is_status || !relations.is_empty() {
            continue;
        }
        let yaml = block.slice(text).trim_end().replace("\r\n", "\n");
        let alone = parse_record(&format!("---\n{yaml}\n---\n"), "x.md").decision;
        if alone.title.source == crate::model::TitleSource::FrontMatter
            && alone.title.text == decision.title.text
        {
            continue;
        }
        let role = if alone.date.is_some() && alone.updated_date.is_none() {
            // `date:` only; a last-modified date keeps its key.
            Role::Date
        } else if !alone.tags.is_empty() {
            Role::Tags
        } else if alone.people.fields().iter().any(Option::is_some) {
            Role::People
        } else if alone.stated_id.is_some() {
            Role::Id
        } else {
            Role::Other
        };
        let value = match value {
            Some(crate::model::FrontMatterValue::Map(_)) => {
                return Err(format!(
                    "front matter key `{key}` holds a mapping, which only front matter can hold"
                ));
            }
            Some(v) => v.to_text(),
            None => String::new(),
        };
        header.fields.push(Field {
            key,
            value,
            role,
            yaml: Some(yaml),
        });
    }
    Ok(())
}

/// The front matter's top-level keys with the span of each key's lines (the key line and the
/// indented or list lines under it).
fn front_matter_blocks(text: &str, content: Span) -> Vec<(String, Span)> {
    let mut out: Vec<(String, Span)> = Vec::new();
    let mut at = content.start;
    for raw in content.slice(text).split_inclusive('\n') {
        let line = raw.trim_end();
        let top =
            !line.is_empty() && !line.starts_with([' ', '\t', '-', '#']) && line.contains(':');
        if top {
            let key = line[..line.find(':').unwrap_or(line.len())].trim();
            let key = key.trim_matches(['"', '\'']).to_string();
            out.push((key, Span::new(at, at + raw.len())));
        } else if let Some((_, span)) = out.last_mut() {
            span.end = at + raw.len();
        }
        at += raw.len();
    }
    out
}
