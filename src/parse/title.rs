//! The title and the id a heading carries: the first level-1 heading, a setext title inside a
//! list, front matter `title:`, another heading, else the file name (with DK004).

use std::collections::BTreeMap;

use super::markdown::{Block, Doc};
use super::sections::Sec;
use super::text;
use super::vocabulary::TITLE_KEY;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{FrontMatterValue, Span, Title, TitleSource};

pub(super) fn find_title(
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
                Code::TitleNotLevel1,
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
            Code::MissingTitle,
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
    if let (Some((id, used)), Some(file)) = (text::id_at_start(t, false), text::file_name_id(path))
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
