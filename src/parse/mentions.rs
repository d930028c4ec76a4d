//! Mentions: other records named in prose rather than in a stated relation, by a relative
//! link to a markdown file, a web address of a record-like markdown file, or an id of a record
//! series. The parser keeps each candidate as a `mention` link; the graph keeps those that
//! name a record of the set.

use super::links::{is_external, is_markdown_path, is_markdown_url, same_target, target_id};
use super::markdown::{Block, Doc, Line};
use super::text::{file_name_id, ids_in_text, is_date_slug};
use super::vocabulary::is_series_prefix;
use crate::model::{Link, LinkKind, LinkOrigin, LinkTarget, RecordId, Span};

/// Every mention in the body, in document order. A place that already states a relation
/// (`stated`) is not mentioned again, and the record's own id is no mention.
pub(crate) fn find_mentions(
    doc: &Doc,
    src: &str,
    stated: &[Link],
    own: Option<&RecordId>,
) -> Vec<Link> {
    let mut found = Mentions {
        src,
        stated,
        own,
        out: Vec::new(),
    };
    found.blocks(&doc.blocks);
    found.out
}

struct Mentions<'a> {
    src: &'a str,
    stated: &'a [Link],
    own: Option<&'a RecordId>,
    out: Vec<Link>,
}

impl Mentions<'_> {
    fn blocks(&mut self, blocks: &[Block]) {
        for block in blocks {
            match block {
                // The level-1 heading is the title, which writes the record's own id.
                Block::Heading { level, line, .. } if *level > 1 => self.line(line),
                Block::Paragraph { lines, .. } => lines.iter().for_each(|l| self.line(l)),
                Block::List { items, .. } => {
                    for item in items {
                        self.blocks(&item.blocks);
                    }
                }
                Block::Table { head, rows, .. } => {
                    for line in head.iter().chain(rows.iter().flatten()) {
                        self.line(line);
                    }
                }
                Block::Quote { blocks, .. } => self.blocks(blocks),
                _ => {}
            }
        }
    }

    fn line(&mut self, line: &Line) {
        for l in &line.links {
            if !names_markdown_file(&l.href) {
                continue;
            }
            let href = Some(l.href.as_str());
            // A web address may point at another repository: only its path can name a record
            // of this set, never the number in its text.
            let id = if is_external(&l.href) {
                None
            } else {
                target_id(&l.text, href)
            };
            let target = LinkTarget {
                text: l.text.trim().to_string(),
                href: Some(l.href.clone()),
                id,
            };
            self.push(target, l.span);
        }
        let mut cursor = 0;
        let raw_line = line.span.slice(self.src);
        for (id, at) in ids_in_text(&line.text) {
            let in_link = line
                .links
                .iter()
                .any(|l| at >= l.at && at < l.at + l.text.len());
            if in_link || !self.is_record_series(&id) || self.is_own(&id) {
                continue;
            }
            // The id's own place in the source, so each id of a line has its own span.
            let span = match raw_line.get(cursor..).and_then(|r| r.find(&id.raw)) {
                Some(i) => {
                    let start = cursor + i;
                    cursor = start + id.raw.len();
                    Span::new(line.span.start + start, line.span.start + cursor)
                }
                None => line.span,
            };
            let target = LinkTarget {
                text: id.raw.clone(),
                href: None,
                id: Some(id),
            };
            self.push(target, span);
        }
    }

    /// An id of a record series: a known series word (`ADR`, `DR`) or the record's own.
    fn is_record_series(&self, id: &RecordId) -> bool {
        id.series.as_ref().is_some_and(|s| {
            is_series_prefix(&s.to_ascii_lowercase())
                || self.own.and_then(|o| o.series.as_ref()) == Some(s)
        })
    }

    fn is_own(&self, id: &RecordId) -> bool {
        self.own.is_some_and(|own| {
            own.number == id.number
                && (own.series == id.series
                    || (own.series.is_none() && id.series.as_deref() == Some("ADR")))
        })
    }

    fn push(&mut self, target: LinkTarget, span: Span) {
        let overlaps = |l: &Link| l.span.start < span.end && span.start < l.span.end;
        if self.stated.iter().any(overlaps)
            || self
                .out
                .iter()
                .any(|l| l.span == span && same_target(&l.target, &target))
        {
            return;
        }
        self.out.push(Link {
            kind: LinkKind::Mention,
            verb: String::new(),
            target,
            origin: LinkOrigin::Prose,
            span,
        });
    }
}

/// A link to a markdown file: relative (`0004-x.md`, `../adr/use-x.md#why`), or a web address
/// whose file name reads as a record's (numbered or dated), since any site serves `.md` files.
fn names_markdown_file(href: &str) -> bool {
    let path = href.split(['#', '?']).next().unwrap_or(href);
    if is_markdown_url(href) {
        let name = path.rsplit('/').next().unwrap_or(path);
        let stem = name.split('.').next().unwrap_or(name);
        return file_name_id(name).is_some() || is_date_slug(stem);
    }
    !is_external(href) && is_markdown_path(path)
}

#[cfg(test)]
mod tests {
    use crate::model::LinkKind;
    use crate::parse::parse_record;

    /// (target href or text, kind) of every link of a record.
    fn links(text: &str, path: &str) -> Vec<(String, LinkKind)> {
        parse_record(text, path)
            .decision
            .links
            .into_iter()
            .map(|l| (l.target.href.unwrap_or(l.target.text), l.kind))
            .collect()
    }

    /// A case: its name, the record text, and the (target, kind) pairs expected.
    type Case<'a> = (&'a str, &'a str, &'a [(&'a str, LinkKind)]);

    #[test]
    fn mention_forms() {
        use LinkKind::{Mention, SupersededBy};
        let rows: &[Case<'_>] = &[
            (
                "relative link to a record file",
                "# 5. X\n\n## Context\n\nAs [ADR 4](0004-cache.md) decided, we cache.\n",
                &[("0004-cache.md", Mention)],
            ),
            (
                "repository URL of a record file",
                "# 5. X\n\n## Context\n\nSee [the cache record](https://git.example.org/acme/shop/blob/main/docs/adr/0004-cache.md).\n",
                &[(
                    "https://git.example.org/acme/shop/blob/main/docs/adr/0004-cache.md",
                    Mention,
                )],
            ),
            (
                "URL of a file that is no record",
                "# 5. X\n\n## Context\n\nRead [the guide](https://example.org/acme/shop/blob/main/CONTRIBUTING.md).\n",
                &[],
            ),
            (
                "bare ids of record series, each once per place",
                "# 5. X\n\n## Context\n\nADR-014 and ADR 15 and DR-002 apply; ISO 8601 does not.\n",
                &[
                    ("ADR-014", Mention),
                    ("ADR 15", Mention),
                    ("DR-002", Mention),
                ],
            ),
            (
                "own id and images are no mentions",
                "# ADR-005: X\n\n## Context\n\nThis ADR-005 shows ![d](0004-d.md).\n",
                &[],
            ),
            (
                "a stated relation is not mentioned again",
                "# 5. X\n\n## Status\n\nSuperseded by [ADR-6](0006-y.md)\n\n## Context\n\nLater ADR-6 came.\n",
                &[("0006-y.md", SupersededBy), ("ADR-6", Mention)],
            ),
            (
                "code is not prose",
                "# 5. X\n\n## Context\n\n```\nADR-4\n```\n",
                &[],
            ),
        ];
        for (name, text, want) in rows {
            let want: Vec<(String, LinkKind)> =
                want.iter().map(|(t, k)| ((*t).to_string(), *k)).collect();
            assert_eq!(links(text, "0005-x.md"), want, "{name}");
        }
    }
}
