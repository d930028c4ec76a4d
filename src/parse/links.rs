//! Relations to other records: relation fields (`**Split from:** [ADR-007](…)`) and front matter
//! keys (`superseded_by: 0005-x.md`), status lines (`Superceded by [3. …](0003-….md)`,
//! `Deprecated (Replaced by ADR #0012)`), MADR `Links` sections and related-records lists in
//! several languages, by link or by id. External URLs become references instead, unless they
//! point at a markdown file (a record in the repository). Mentions in prose are `mentions`'s.

use super::markdown::{Block, Doc, InlineLink, Line, ListItem, block_lines};
use super::metadata::MetaEntry;
use super::sections::Sec;
use super::text::{file_name_id, id_at_start, ids_in_text, is_date_slug, normalise_key};
use super::vocabulary::{
    CJK_PASSIVE, CJK_PASSIVE_VERB, LINK_VERBS_WITH_NUMBERS, RECORD_FOLDERS, STATUS_KEY,
    is_known_link_key, is_loose_verb, is_related_list_key, is_status_heading, link_verb,
    link_verb_prefix, other_link_verb, prose_link_verb,
};
use crate::model::{
    Link, LinkKind, LinkOrigin, LinkTarget, RecordId, Reference, SectionKind, Span,
};

/// The relation a verb names, if it names one.
pub(crate) fn kind_of_verb(verb: &str) -> Option<LinkKind> {
    link_verb(&normalise_key(verb))
}

/// Verbs kept as `other` links: they relate records but name no modelled kind.
fn is_other_verb(verb: &str) -> bool {
    other_link_verb(&normalise_key(verb))
}

/// An absolute web address of a markdown file that looks like a record
/// (`https://github.com/o/r/blob/main/docs/adr/0004-x.md`): possibly a record of the same
/// repository, which the graph decides by the path's tail. The file must be numbered or dated,
/// or lie in a records folder (`…/decisions/use-x.md`); another project's design note
/// (`…/doc/design/operatorgroups.md`) is a reference.
pub(crate) fn is_markdown_url(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    let path = lower.split(['#', '?']).next().unwrap_or(&lower);
    (path.starts_with("http://") || path.starts_with("https://"))
        && is_markdown_path(path)
        && path.matches('/').count() > 3
        && is_record_like_path(path)
}

/// Whether a lower-case path names a numbered or dated file, or a file in a records folder.
fn is_record_like_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.split('.').next().unwrap_or(name);
    file_name_id(name).is_some()
        || is_date_slug(stem)
        || RECORD_FOLDERS.iter().any(|f| {
            let last = f.rsplit('/').next().unwrap_or(f);
            path.split('/').any(|segment| segment == last)
        })
}

/// Whether a path (fragment and query removed) names a markdown file.
pub(crate) fn is_markdown_path(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .is_some_and(|(_, ext)| ext.eq_ignore_ascii_case("md"))
}

/// A link that may name a record: relative, or a markdown file's web address.
fn may_name_record(href: &str) -> bool {
    !is_external(href) || is_markdown_url(href)
}

pub(crate) fn is_external(href: &str) -> bool {
    let lower = href.to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with("ftp://")
        || lower.starts_with('#')
}

pub(crate) fn target_id(text: &str, href: Option<&str>) -> Option<RecordId> {
    let t = text.trim();
    id_at_start(t, false)
        .filter(|(id, used)| id.series.is_some() || t[*used..].starts_with(['.', ':', ' ']))
        .map(|(id, _)| id)
        .or_else(|| ids_in_text(t).into_iter().next().map(|(id, _)| id))
        .or_else(|| {
            href.and_then(|h| file_name_id(h.split('#').next().unwrap_or(h)))
                .map(|f| f.to_record_id())
        })
}

fn push_link(
    out: &mut Vec<Link>,
    kind: LinkKind,
    verb: &str,
    target: LinkTarget,
    origin: LinkOrigin,
    span: Span,
) {
    if out
        .iter()
        .any(|l| l.span == span && l.kind == kind && same_target(&l.target, &target))
    {
        return;
    }
    out.push(Link {
        kind,
        verb: normalise_key(verb),
        target,
        origin,
        span,
    });
}

/// Whether two targets name the same thing: the same link and id, or for targets with
/// neither, the same text.
pub(crate) fn same_target(a: &LinkTarget, b: &LinkTarget) -> bool {
    let raw = |t: &LinkTarget| t.id.as_ref().map(|i| i.raw.clone());
    a.href == b.href && raw(a) == raw(b) && (a.href.is_some() || a.id.is_some() || a.text == b.text)
}

/// Links in one line: each relative link, or, with none, each id in the text.
fn links_in_line(
    line: &Line,
    kind: LinkKind,
    verb: &str,
    origin: LinkOrigin,
    out: &mut Vec<Link>,
    from: usize,
) {
    let relative: Vec<_> = line
        .links
        .iter()
        .filter(|l| l.at >= from && may_name_record(&l.href))
        .collect();
    if relative.is_empty() {
        if line.links.iter().any(|l| l.at >= from) {
            return;
        }
        let rest = line.text.get(from..).unwrap_or("");
        let files = record_file_names(rest);
        if !files.is_empty() {
            for file in files {
                // `docs/adr/0002-x.md` written out names the file from the repository root.
                let href = if file.contains('/') && !file.starts_with(['.', '/']) {
                    format!("/{file}")
                } else {
                    file.to_string()
                };
                let target = LinkTarget {
                    text: file.to_string(),
                    href: Some(href),
                    id: file_name_id(file).map(|f| f.to_record_id()),
                };
                push_link(out, kind, verb, target, origin, line.span);
            }
            return;
        }
        // `Deprecated (Replaced by ADR #0012)`: the bracket closes around the relation.
        let text = match rest.trim() {
            t if !t.contains('(') => t.trim_end_matches(')').trim_end(),
            t => t,
        };
        for (id, _) in ids_in_text(rest) {
            let target = LinkTarget {
                text: text.to_string(),
                href: None,
                id: Some(id),
            };
            push_link(out, kind, verb, target, origin, line.span);
        }
        return;
    }
    for l in relative {
        let target = LinkTarget {
            text: l.text.trim().to_string(),
            href: Some(l.href.clone()),
            id: target_id(&l.text, Some(&l.href)),
        };
        push_link(out, kind, verb, target, origin, l.span);
    }
}

/// Record file names written as text, not linked (`- 0038-dont-ack-action.md`,
/// `` `docs/adr/0002-x.md` ``): words that are markdown paths whose file name is numbered.
fn record_file_names(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '、' | '，'))
        .map(|w| w.trim_matches(|c: char| matches!(c, '`' | '(' | ')' | '"' | '\'')))
        .filter(|w| is_markdown_path(w) && !w.contains("://") && file_name_id(w).is_some())
        .collect()
}

/// Items of a list that carries a relation: each item's lines, and with `titles`, a
/// one-line item naming a record by title only.
fn links_in_items(
    items: &[ListItem],
    kind: LinkKind,
    verb: &str,
    origin: LinkOrigin,
    out: &mut Vec<Link>,
    titles: bool,
) {
    for item in items {
        for line in item.lines() {
            links_in_line(line, kind, verb, origin, out, 0);
        }
        if titles && let [line] = item.lines() {
            title_only(line, kind, verb, origin, out, 0);
        }
    }
}

/// A line that names a record by title only (`- Use PostgreSQL for storage` under Related
/// Decisions): kept with neither id nor link, for the graph to match against titles.
fn title_only(
    line: &Line,
    kind: LinkKind,
    verb: &str,
    origin: LinkOrigin,
    out: &mut Vec<Link>,
    from: usize,
) {
    if !line.links.is_empty() || !line.images.is_empty() || !ids_in_text(&line.text).is_empty() {
        return;
    }
    let text = line.text.get(from..).unwrap_or("").trim();
    let text = text.trim_start_matches([':', '：', '-', '*']).trim();
    let words = text.split_whitespace().count();
    // A file path (`.claude/agents/redline.md`) names a file, not a record's title.
    let is_path = text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.contains('/') && w.contains('.'));
    if words == 0 || words > 12 || text.contains("://") || text.starts_with('<') || is_path {
        return;
    }
    let target = LinkTarget {
        text: text.to_string(),
        href: None,
        id: None,
    };
    push_link(out, kind, verb, target, origin, line.span);
}

/// A line such as `Superceded by [3. Foo](0003-foo.md)`: the verb is the text before the link.
fn verb_line(
    line: &Line,
    origin: LinkOrigin,
    out: &mut Vec<Link>,
    default: Option<LinkKind>,
    from: usize,
) {
    let first_at = line
        .links
        .iter()
        .find(|l| l.at >= from && may_name_record(&l.href))
        .map(|l| l.at)
        .or_else(|| {
            ids_in_text(&line.text[from..])
                .first()
                .map(|(_, at)| from + *at)
        })
        .or_else(|| bare_number_at(&line.text[from..]).map(|at| from + at));
    let Some(at) = first_at else { return };
    if passive_links(line, from, origin, out) {
        return;
    }
    let verb = line
        .text
        .get(from..at)
        .unwrap_or("")
        .trim()
        .trim_end_matches([':', '：'])
        .trim();
    let kind = kind_of_verb(verb).or_else(|| is_other_verb(verb).then_some(LinkKind::Other));
    // `❌ Rejected (see [019](…))`: the relation is named by the words just before the link.
    let (kind, verb) = match (kind, verb_tail(verb)) {
        (None, Some((k, tail))) => (Some(k), tail),
        (k, _) => (k, verb),
    };
    // `Adds further detail to a specific usecase for [ADR 0010][]` in a related list: the
    // phrase starts with a verb of two words or more.
    let (kind, verb) = match kind {
        None if default.is_some() => {
            link_verb_prefix(&normalise_key(verb)).map_or((None, verb), |(k, v)| (Some(k), v))
        }
        k => (k, verb),
    };
    let kind = match (kind, default) {
        (Some(k), _) => k,
        (None, Some(d)) if verb.split_whitespace().count() <= 3 => d,
        _ => return,
    };
    if kind == LinkKind::Related && default.is_none() && normalise_key(verb).is_empty() {
        return;
    }
    if line.links.iter().any(|l| may_name_record(&l.href)) || !ids_in_text(&line.text).is_empty() {
        links_in_line(line, kind, verb, origin, out, at);
    } else if let Some((id, _)) = id_at_start(&line.text[at..], false) {
        // adr-tools' bare number: `Superseded by 5`.
        let target = LinkTarget {
            text: line.text[at..].trim().to_string(),
            href: None,
            id: Some(id),
        };
        push_link(out, kind, verb, target, origin, line.span);
    }
}

/// `被 [ADR-0003](…) 取代`: the Chinese passive of superseding, wrapped around a link that
/// names a record.
fn is_cjk_passive(line: &Line, wrapped: &InlineLink) -> bool {
    let before = line.text.get(..wrapped.at).unwrap_or("").trim_end();
    let after = line
        .text
        .get(wrapped.at + wrapped.text.len()..)
        .unwrap_or("")
        .trim_start();
    let (markers, verbs) = CJK_PASSIVE;
    markers.iter().any(|m| before.ends_with(m))
        && verbs.iter().any(|v| after.starts_with(v))
        && target_id(&wrapped.text, Some(&wrapped.href)).is_some()
}

/// The links from `from` on that a Chinese passive wraps, as `superseded by`; whether any was.
fn passive_links(line: &Line, from: usize, origin: LinkOrigin, out: &mut Vec<Link>) -> bool {
    let mut found = false;
    for l in line
        .links
        .iter()
        .filter(|l| l.at >= from && may_name_record(&l.href) && is_cjk_passive(line, l))
    {
        let target = LinkTarget {
            text: l.text.trim().to_string(),
            href: Some(l.href.clone()),
            id: target_id(&l.text, Some(&l.href)),
        };
        push_link(
            out,
            LinkKind::SupersededBy,
            CJK_PASSIVE_VERB,
            target,
            origin,
            l.span,
        );
        found = true;
    }
    found
}

/// A list item's plain key (`- Related ADRs:`, `- See also:`, `- 取代：`): the words before the
/// first colon, when they are a relation key that a bold line would be read as. Its kind, the
/// key, and where the value starts.
fn plain_relation_key(line: &Line) -> Option<(LinkKind, &str, usize)> {
    let (i, colon) = line
        .text
        .char_indices()
        .find(|(_, c)| matches!(c, ':' | '：'))?;
    if line.links.iter().any(|l| l.at < i) {
        return None;
    }
    let key = line.text[..i].trim();
    let norm = normalise_key(key);
    if norm.is_empty() || norm.split(' ').count() > 4 || is_loose_verb(&norm) {
        return None;
    }
    if !(is_known_link_key(&norm) || is_related_list_key(&norm)) {
        return None;
    }
    Some((link_verb(&norm)?, key, i + colon.len_utf8()))
}

/// The relation named by the last words of a verb phrase (`Rejected (see`, `Accepted, amends`).
fn verb_tail(verb: &str) -> Option<(LinkKind, &str)> {
    let tail = verb
        .rsplit(['(', ',', ';', '.', '—', '–', '（', '，', '；', '。'])
        .next()
        .unwrap_or(verb)
        .trim();
    if tail.is_empty() || tail.len() == verb.len() {
        return None;
    }
    let kind = kind_of_verb(tail).or_else(|| is_other_verb(tail).then_some(LinkKind::Other))?;
    Some((kind, tail))
}

/// A relation verb inside a sentence (`this ADR supersedes some aspects of`): only the verbs
/// that cannot be read loosely (supersede, amend) count, and the last one wins.
fn verb_in_prose(text: &str) -> Option<(LinkKind, &'static str)> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        let next_by = words.get(i + 1) == Some(&"by");
        found = prose_link_verb(w, next_by).or(found);
    }
    found
}

/// A line whose relative links follow a relation verb in prose, such as the arachne-style
/// `Note: this ADR supersedes some aspects of [ADR-15](…) and [ADR-16](…)` under the title.
fn prose_relation_line(line: &Line, origin: LinkOrigin, out: &mut Vec<Link>) {
    let Some(first) = line.links.iter().find(|l| !is_external(&l.href)) else {
        return;
    };
    let before = line.text.get(..first.at).unwrap_or("");
    if let Some((kind, verb)) = verb_in_prose(before) {
        links_in_line(line, kind, verb, origin, out, first.at);
    }
}

/// A list item that starts with a relation verb and then links (`- Relates to [x](x.md)`),
/// wherever it is. A bare `see` is too loose to count.
fn verb_led_item(line: &Line, out: &mut Vec<Link>) -> bool {
    if passive_links(line, 0, LinkOrigin::LinkList, out) {
        return true;
    }
    let Some(first) = line.links.iter().find(|l| !is_external(&l.href)) else {
        return false;
    };
    let verb = line
        .text
        .get(..first.at)
        .unwrap_or("")
        .trim()
        .trim_end_matches([':', '：'])
        .trim();
    let norm = normalise_key(verb);
    if is_loose_verb(&norm) {
        return false;
    }
    let kind = kind_of_verb(verb).or_else(|| is_other_verb(verb).then_some(LinkKind::Other));
    let Some(kind) = kind else { return false };
    links_in_line(line, kind, verb, LinkOrigin::LinkList, out, first.at);
    true
}

fn bare_number_at(text: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    for verb in LINK_VERBS_WITH_NUMBERS {
        if let Some(i) = lower.find(verb) {
            let at = i + verb.len();
            if text[at..].starts_with(|c: char| c.is_ascii_digit()) {
                return Some(at);
            }
        }
    }
    None
}

/// Finds every relation, in document order of discovery.
pub(crate) fn find_links(
    doc: &Doc,
    secs: &[Sec<'_>],
    meta: &[MetaEntry<'_>],
    src: &str,
) -> Vec<Link> {
    let mut out = Vec::new();
    for e in meta {
        if e.line.is_none() {
            front_matter_links(e, src, &mut out);
            continue;
        }
        if e.norm == STATUS_KEY
            && let Some(line) = e.line
        {
            verb_line(line, LinkOrigin::Metadata, &mut out, None, e.value_at);
            continue;
        }
        let kind = kind_of_verb(&e.key).filter(|k| *k != LinkKind::Related || !e.norm.is_empty());
        let Some(kind) = kind.or_else(|| is_other_verb(&e.key).then_some(LinkKind::Other)) else {
            if let Some(line) = e.line {
                prose_relation_line(line, LinkOrigin::Metadata, &mut out);
            }
            continue;
        };
        if e.norm.is_empty() {
            continue;
        }
        if let Some(line) = e.line {
            links_in_line(
                line,
                kind,
                &e.key,
                LinkOrigin::Metadata,
                &mut out,
                e.value_at,
            );
        }
        if let Some(items) = e.list {
            links_in_items(items, kind, &e.key, LinkOrigin::LinkList, &mut out, true);
        }
    }
    for block in &doc.blocks[preamble(doc, secs)] {
        if let Block::Paragraph { lines, .. } = block {
            for line in lines {
                prose_relation_line(line, LinkOrigin::Metadata, &mut out);
            }
        }
    }
    relation_items(&doc.blocks, &mut out);
    for sec in secs {
        let key = sec.key();
        let blocks = &doc.blocks[sec.heading + 1..sec.own_end];
        if is_status_heading(key) {
            for line in lines_of(blocks) {
                verb_line(line, LinkOrigin::StatusSection, &mut out, None, 0);
            }
        } else if sec.level > 1 && sec.kind == SectionKind::Links {
            for line in single_line_items(blocks) {
                title_only(
                    line,
                    LinkKind::Related,
                    "",
                    LinkOrigin::LinkList,
                    &mut out,
                    0,
                );
            }
            for line in lines_of(blocks) {
                verb_line(
                    line,
                    LinkOrigin::LinkList,
                    &mut out,
                    Some(LinkKind::Related),
                    0,
                );
            }
        }
    }
    out
}

/// Front matter: `status: superseded by ADR-0057` is read as a status line; a relation key
/// (`supersedes:`, `superseded-by:`, `superseded_by:`, `amends:`, `related:`) names records by
/// id, number or file name, in one value, a comma-separated value or a list.
fn front_matter_links(e: &MetaEntry<'_>, src: &str, out: &mut Vec<Link>) {
    if e.norm == STATUS_KEY {
        let line = Line {
            text: e.value.clone(),
            span: e.span,
            ..Line::default()
        };
        verb_line(&line, LinkOrigin::Metadata, out, None, 0);
        return;
    }
    let kind = kind_of_verb(&e.key).filter(|_| !e.norm.is_empty());
    let Some(kind) = kind.or_else(|| is_other_verb(&e.key).then_some(LinkKind::Other)) else {
        return;
    };
    let values: Vec<&str> = if e.items.is_empty() {
        vec![e.value.as_str()]
    } else {
        e.items.iter().map(String::as_str).collect()
    };
    // Each value's span is found in the block after the key, so two targets never share one.
    let block_end = src[e.span.start.min(src.len())..]
        .find("\n---")
        .or_else(|| src[e.span.start.min(src.len())..].find("\n+++"))
        .map_or(src.len(), |i| e.span.start + i);
    let mut cursor = e.span.start.min(block_end);
    for part in values.iter().flat_map(|v| v.split([',', ';'])) {
        let part = part.trim();
        let Some(target) = front_matter_target(part) else {
            continue;
        };
        let span = match src[cursor..block_end].find(part) {
            Some(i) => {
                cursor += i + part.len();
                Span::new(cursor - part.len(), cursor)
            }
            None => e.span,
        };
        push_link(out, kind, &e.key, target, LinkOrigin::Metadata, span);
    }
}

/// What one front matter value names: a file (`0005-use-x.md`), an id (`ADR-0005`, `DR 2`)
/// or a bare number (`5`); nothing for `null`, `-` or prose.
fn front_matter_target(value: &str) -> Option<LinkTarget> {
    let path = value.split('#').next().unwrap_or(value);
    if is_markdown_path(path) {
        return Some(LinkTarget {
            text: value.to_string(),
            href: Some(value.to_string()),
            id: file_name_id(path).map(|f| f.to_record_id()),
        });
    }
    let id = id_at_start(value, false)
        .filter(|(_, used)| value[*used..].trim().is_empty())
        .map(|(id, _)| id)
        .or_else(|| ids_in_text(value).into_iter().next().map(|(id, _)| id))?;
    Some(LinkTarget {
        text: value.to_string(),
        href: None,
        id: Some(id),
    })
}

/// The blocks between the first H1 (or the start) and the next heading.
fn preamble(doc: &Doc, secs: &[Sec<'_>]) -> std::ops::Range<usize> {
    let h1 = secs.iter().find(|s| s.level == 1);
    let start = h1.map_or(0, |s| s.heading + 1);
    let end = secs
        .iter()
        .find(|s| s.heading >= start)
        .map_or(doc.blocks.len(), |s| s.heading);
    start..end.max(start)
}

/// `- **Related Decisions:**` bullets anywhere, with a value or a nested list.
fn relation_items(blocks: &[Block], out: &mut Vec<Link>) {
    for block in blocks {
        let Block::List { items, .. } = block else {
            continue;
        };
        for item in items {
            if let Some(line) = item.lines().first()
                && let Some(strong) = line.strong.iter().find(|f| f.at == 0)
            {
                let key = strong.text.trim().trim_end_matches([':', '：']);
                let kind = kind_of_verb(key).filter(|_| !normalise_key(key).is_empty());
                if let Some(kind) = kind
                    .filter(|k| *k != LinkKind::Related || is_related_list_key(&normalise_key(key)))
                {
                    let after = strong.at + strong.text.len();
                    links_in_line(line, kind, key, LinkOrigin::LinkList, out, after);
                    title_only(line, kind, key, LinkOrigin::LinkList, out, after);
                    for sub in item.sublists() {
                        links_in_items(sub, kind, key, LinkOrigin::LinkList, out, true);
                    }
                    continue;
                }
            }
            if let Some(line) = item.lines().first()
                && line.strong.iter().all(|f| f.at != 0)
                && let Some((kind, key, after)) = plain_relation_key(line)
            {
                links_in_line(line, kind, key, LinkOrigin::LinkList, out, after);
                for sub in item.sublists() {
                    links_in_items(sub, kind, key, LinkOrigin::LinkList, out, false);
                }
                continue;
            }
            if item.lines().first().is_some_and(|l| verb_led_item(l, out)) {
                continue;
            }
            relation_items(&item.blocks, out);
        }
    }
}

/// The lines of list items that hold exactly one line.
fn single_line_items(blocks: &[Block]) -> impl Iterator<Item = &Line> {
    blocks.iter().flat_map(|block| match block {
        Block::List { items, .. } => items
            .iter()
            .filter_map(|item| match item.lines() {
                [line] => Some(line),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    })
}

fn lines_of(blocks: &[Block]) -> Vec<&Line> {
    block_lines(blocks, false)
}

/// Every external link in the record, in order.
pub(crate) fn find_references(doc: &Doc) -> Vec<Reference> {
    let mut out = Vec::new();
    collect_references(&doc.blocks, &mut out);
    out
}

fn collect_references(blocks: &[Block], out: &mut Vec<Reference>) {
    let push = |line: &Line, out: &mut Vec<Reference>| {
        for l in &line.links {
            let lower = l.href.to_ascii_lowercase();
            if lower.starts_with("http://")
                || lower.starts_with("https://")
                || lower.starts_with("mailto:")
            {
                out.push(Reference {
                    text: l.text.trim().to_string(),
                    url: l.href.clone(),
                    span: l.span,
                });
            }
        }
    };
    for block in blocks {
        match block {
            Block::Paragraph { lines, .. } => lines.iter().for_each(|l| push(l, out)),
            Block::Heading { line, .. } => push(line, out),
            Block::List { items, .. } => {
                for item in items {
                    collect_references(&item.blocks, out);
                }
            }
            Block::Table { head, rows, .. } => {
                head.iter()
                    .chain(rows.iter().flatten())
                    .for_each(|l| push(l, out));
            }
            Block::Quote { blocks, .. } => collect_references(blocks, out),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::LinkKind;
    use crate::parse::parse_record;

    fn links(text: &str) -> Vec<(LinkKind, String)> {
        parse_record(text, "x.md")
            .decision
            .links
            .into_iter()
            .filter(|l| l.kind.is_relation())
            .map(|l| {
                let target = l.target.href.unwrap_or(l.target.text);
                (l.kind, target)
            })
            .collect()
    }

    /// A case: its name, the record text, and the (kind, href or text) pairs expected.
    type Case<'a> = (&'a str, &'a str, &'a [(LinkKind, &'a str)]);

    #[test]
    fn relation_forms() {
        let cases: &[Case<'_>] = &[
            (
                "verb in a preamble sentence",
                "# Simplify\n\nNote: this ADR supersedes some aspects of [ADR-15](a-15.md) and [ADR-16](a-16.md).\n\n## Context\n\nx\n",
                &[
                    (LinkKind::Supersedes, "a-15.md"),
                    (LinkKind::Supersedes, "a-16.md"),
                ],
            ),
            (
                "see inside a status line",
                "# Dedicated\n\n## Status\n\n❌ Rejected (see [019](019-shared.md))\n",
                &[(LinkKind::Related, "019-shared.md")],
            ),
            (
                "verb-led bullet outside a links section",
                "# Links\n\n## Decision Outcome\n\n- Relates to [links](../adr/links.md)\n",
                &[(LinkKind::Related, "../adr/links.md")],
            ),
            (
                "prose in context is not a relation",
                "# X\n\n## Context\n\nThis ADR in part supersedes [0003](0003-net.md).\n",
                &[],
            ),
            (
                "a record named by title only under Related Decisions",
                "# X\n\n## Related Decisions\n\n- Use PostgreSQL for storage\n- [ADR-2](0002-b.md)\n",
                &[
                    (LinkKind::Related, "Use PostgreSQL for storage"),
                    (LinkKind::Related, "0002-b.md"),
                ],
            ),
            (
                "bare URLs and long prose are not titles",
                "# X\n\n## Links\n\n- https://example.com/a\n- this is a very long line of prose that goes on and on and names nothing at all\n",
                &[],
            ),
            (
                "front matter status names the replacement",
                "---\nstatus: \"superseded by ADR-0057\"\n---\n\n# X\n",
                &[(LinkKind::SupersededBy, "ADR-0057")],
            ),
            (
                "front matter relation keys: file name, number, list",
                "---\nsupersedes: 0003-use-x.md\nsuperseded_by: 9\nrelated:\n  - ADR-0002\n  - ADR-0004\namends: []\n---\n\n# X\n",
                &[
                    (LinkKind::Related, "ADR-0002"),
                    (LinkKind::Related, "ADR-0004"),
                    (LinkKind::SupersededBy, "9"),
                    (LinkKind::Supersedes, "0003-use-x.md"),
                ],
            ),
            (
                "replaced by, in brackets after the status",
                "# X\n\n## Status\n\nDeprecated (Replaced by ADR #0012)\n",
                &[(LinkKind::SupersededBy, "ADR #0012")],
            ),
            (
                "reverted by a discussion is no record",
                "# X\n\n## Status\n\nReverted by [discussion](https://example.org/forum/12)\n",
                &[],
            ),
            (
                "partial supersede is an amendment",
                "# X\n\n## Status\n\nAccepted\n\nPartial supersede of [6. Queue](0006-queue.md)\n\nAmended by [8. Retry](0008-retry.md)\n",
                &[
                    (LinkKind::Amends, "0006-queue.md"),
                    (LinkKind::AmendedBy, "0008-retry.md"),
                ],
            ),
            (
                "related records under a German heading",
                "# X\n\n## Verwandte Entscheidungen\n\n- [ADR-002](0002-katalog.md) — Katalog\n",
                &[(LinkKind::Related, "0002-katalog.md")],
            ),
            (
                "a French bold key",
                "# X\n\n## Décision\n\n- **Voir aussi :** [ADR-3](0003-cache.md)\n",
                &[(LinkKind::Related, "0003-cache.md")],
            ),
            (
                "a relation to a record's web address",
                "# X\n\n## Status\n\nSuperseded by [ADR-9](https://git.example.org/a/b/blob/main/adr/0009-y.md)\n",
                &[(
                    LinkKind::SupersededBy,
                    "https://git.example.org/a/b/blob/main/adr/0009-y.md",
                )],
            ),
            (
                "a bare see bullet is too loose",
                "# X\n\n## Context\n\n- See [the guide](guide.md)\n",
                &[],
            ),
        ];
        check(cases);
    }

    /// Issue 10, round 2: related lists nested in another section, more verbs, Chinese
    /// relations, and web addresses that name no record.
    #[test]
    fn nested_lists_verbs_and_chinese() {
        let cases: &[Case<'_>] = &[
            (
                "a plain related bullet nested in References: links, ids with titles, file names",
                "# X\n\n## References\n\n- Requirements: [spec](../../specs/req.md)\n- Related ADRs:\n  - [0037 - Retry](0037-retry.md)\n  - ADR 0038: Hold Action\n  - 0039-park-lot.md\n  - N/A\n- Existing sample: `samples/queue/`\n",
                &[
                    (LinkKind::Related, "0037-retry.md"),
                    (LinkKind::Related, "ADR 0038: Hold Action"),
                    (LinkKind::Related, "0039-park-lot.md"),
                ],
            ),
            (
                "see also with a value on the bullet",
                "# X\n\n## Notes\n\n- See also: [ADR-4](0004-d.md)\n- Related ADRs: `docs/adr/0005-e.md`\n",
                &[
                    (LinkKind::Related, "0004-d.md"),
                    (LinkKind::Related, "/docs/adr/0005-e.md"),
                ],
            ),
            (
                "informs, refines and extends in a related list",
                "# X\n\n## Related Decisions\n\n* Informs [ADR-010](010-layout.md) - layout\n* Refines [ADR-3](003-c.md)\n* Extends [ADR-2](002-b.md)\n",
                &[
                    (LinkKind::Related, "010-layout.md"),
                    (LinkKind::Related, "003-c.md"),
                    (LinkKind::DependsOn, "002-b.md"),
                ],
            ),
            (
                "a reference-style link after a longer verb phrase",
                "# X\n\n## Links\n\n- Adds further detail to one case of [ADR 0010][]\n\n[adr 0010]: 0010-auth.md\n",
                &[(LinkKind::Related, "0010-auth.md")],
            ),
            (
                "another project's design note is a reference, not a record",
                "# X\n\n## Links\n\n- [design](https://github.com/acme/lib/blob/main/doc/design/groups.md)\n",
                &[],
            ),
            (
                "Chinese: supersedes key, passive superseded-by, related key",
                "# X\n\n- **取代**：[ADR-0002 旧方案](0002-old.md)（已废弃）\n- **状态**：已废弃 —— 被 [ADR-0005](0005-new.md) 取代（2026-07-30）\n- **相关**：`.tools/notes.md`、[ADR-0003](0003-c.md)\n",
                // Fields first, then the relation the status text states.
                &[
                    (LinkKind::Supersedes, "0002-old.md"),
                    (LinkKind::Related, "0003-c.md"),
                    (LinkKind::SupersededBy, "0005-new.md"),
                ],
            ),
        ];
        check(cases);
    }

    fn check(cases: &[Case<'_>]) {
        for (name, text, want) in cases {
            let want: Vec<(LinkKind, String)> =
                want.iter().map(|(k, t)| (*k, (*t).to_string())).collect();
            assert_eq!(links(text), want, "{name}");
        }
    }
}
