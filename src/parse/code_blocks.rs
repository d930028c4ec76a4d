//! Code blocks: language, spans, and for `toml`, `yaml` and `json` whether the content parses.

use super::front_matter::check_yaml;
use super::markdown::{Block, Doc};
use crate::model::{CodeBlock, CodeCheck, Span};

/// Every code block, nested ones included, in document order.
pub(crate) fn find_code_blocks(doc: &Doc, src: &str) -> Vec<CodeBlock> {
    let mut out = Vec::new();
    collect(&doc.blocks, src, &mut out);
    out
}

fn collect(blocks: &[Block], src: &str, out: &mut Vec<CodeBlock>) {
    for block in blocks {
        match block {
            Block::Code {
                lang,
                span,
                content_span,
            } => out.push(CodeBlock {
                lang: lang.clone(),
                span: *span,
                content_span: *content_span,
                check: lang
                    .as_deref()
                    .and_then(|l| check(l, content_span.slice(src), content_span.start)),
            }),
            Block::List { items, .. } => {
                for item in items {
                    collect(&item.blocks, src, out);
                }
            }
            Block::Quote { blocks, .. } => collect(blocks, src, out),
            _ => {}
        }
    }
}

fn check(lang: &str, content: &str, base: usize) -> Option<CodeCheck> {
    let result: Result<(), (String, Option<(usize, usize)>)> = match lang {
        "toml" => content
            .parse::<toml::Table>()
            .map(|_| ())
            .map_err(|e| (e.message().to_string(), e.span().map(|r| (r.start, r.end)))),
        "json" => serde_json::from_str::<serde::de::IgnoredAny>(content)
            .map(|_| ())
            .map_err(|e| {
                let at = offset_of(content, e.line(), e.column());
                (e.to_string(), Some((at, at)))
            }),
        "yaml" | "yml" => check_yaml(content),
        _ => return None,
    };
    Some(match result {
        Ok(()) => CodeCheck {
            ok: true,
            error: None,
            error_span: None,
        },
        Err((message, span)) => CodeCheck {
            ok: false,
            error: Some(message),
            error_span: Some(
                span.map_or(Span::new(base, base + content.len()), |(s, e)| {
                    Span::new(base + s, base + e.max(s))
                }),
            ),
        },
    })
}

/// Byte offset of a 1-based line and column.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            return offset + column.saturating_sub(1).min(l.len());
        }
        offset += l.len();
    }
    text.len()
}
