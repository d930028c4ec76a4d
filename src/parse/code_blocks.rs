//! Code blocks: language, spans, and for `toml`, `yaml` and `json` whether the content parses.

use super::front_matter::{YamlBudget, check_yaml};
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

/// A parse error: the parser's message and the byte range it points at, when it says.
type ParseError = (String, Option<(usize, usize)>);

fn check(lang: &str, content: &str, base: usize) -> Option<CodeCheck> {
    let result = parse(lang, content)?.or_else(|_| as_template_example(lang, content));
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

/// A block that does not parse, read as an example with template placeholders
/// (`"Days": <RETENTION_DAYS>`, a `...` standing for more entries): fine when it parses once
/// each `<placeholder>` stands for a value, or when its first error is on a line with an
/// ellipsis. Else the first error that is not a placeholder's.
fn as_template_example(lang: &str, content: &str) -> Result<(), ParseError> {
    let mut filled = fill_placeholders(content);
    if lang == "json" {
        // Docs annotate JSON with `//` comments (JSONC) and quote fragments of a larger
        // document (`"name": {…}`): neither is broken code.
        filled = blank_json_comments(&filled);
        let wrapped = format!("{{{filled}}}");
        if matches!(parse(lang, &wrapped), Some(Ok(()))) {
            return Ok(());
        }
    }
    let Some(Err(error)) = parse(lang, &filled) else {
        return Ok(());
    };
    let at = error
        .1
        .map_or(filled.len(), |(start, _)| start)
        .min(filled.len());
    let line_start = filled[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = filled[at..].find('\n').map_or(filled.len(), |i| at + i);
    let line = &filled[line_start..line_end];
    if line.contains("...") || line.contains('…') {
        Ok(())
    } else {
        Err(error)
    }
}

/// The text with each `<placeholder>` (a letter, then letters, digits, spaces, `_`, `-` or
/// `.`) replaced by `0`, a value every checked language reads, padded with spaces so every
/// later offset stays where it was.
fn fill_placeholders(content: &str) -> String {
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ' ')))
            .unwrap_or(after.len());
        let is_placeholder = after.starts_with(char::is_alphabetic)
            && after[name_len..].starts_with('>')
            && name_len <= 40;
        if is_placeholder {
            out.push('0');
            out.extend(std::iter::repeat_n(' ', name_len + 1));
            rest = &after[name_len + 1..];
        } else {
            out.push('<');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// JSON text with `//` and `/* … */` comments outside strings replaced by spaces, so offsets
/// stay where they were.
fn blank_json_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match (bytes[i], bytes.get(i + 1)) {
            (b'\\', _) if in_string => i += 1,
            (b'"', _) => in_string = !in_string,
            (b'/', Some(b'/')) if !in_string => {
                let end = text[i..].find('\n').map_or(bytes.len(), |n| i + n);
                out[i..end].fill(b' ');
                i = end;
                continue;
            }
            (b'/', Some(b'*')) if !in_string => {
                let end = text[i + 2..].find("*/").map_or(bytes.len(), |n| i + n + 4);
                for b in &mut out[i..end] {
                    if *b != b'\n' {
                        *b = b' ';
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    // Only ASCII bytes were replaced, by ASCII spaces, so the text is still UTF-8.
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Parses a block's content in its language; `None` for a language docket does not check.
fn parse(lang: &str, content: &str) -> Option<Result<(), ParseError>> {
    Some(match lang {
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
        // Examples are only checked, so the default budget bounds them whatever `[limits]` says.
        "yaml" | "yml" => check_yaml(content, YamlBudget::default()),
        _ => return None,
    })
}

/// Byte offset of a 1-based line and column, on a char boundary: `serde_json` may put its
/// column inside a multi-byte char (an unclosed string after `受`).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let mut at = column.saturating_sub(1).min(l.len());
            while !l.is_char_boundary(at) {
                at -= 1;
            }
            return offset + at;
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_examples_table() {
        let rows = [
            ("valid json", "json", "{\"a\": 1}", true),
            (
                "placeholder value",
                "json",
                "{\"Days\": <RETENTION_DAYS>}",
                true,
            ),
            ("placeholder with words", "json", "[<your value>]", true),
            (
                "ellipsis for more entries",
                "json",
                "{\n  \"a\": 1,\n  ...\n}",
                true,
            ),
            ("unicode ellipsis", "json", "[1, 2, …]", true),
            ("trailing comma", "json", "{\"a\": 1,}", false),
            (
                "placeholder and a real error",
                "json",
                "{\"a\": <VALUE>, \"b\": }",
                false,
            ),
            ("not a placeholder", "json", "{\"a\": <= 3}", false),
            (
                "jsonc comment",
                "json",
                "// package.json\n{\"a\": \"http://x\"} /* end */",
                true,
            ),
            (
                "fragment of a document",
                "json",
                "\"a\": {\"b\": 1},\n\"c\": 2",
                true,
            ),
            (
                "comment does not hide an error",
                "json",
                "// x\n{\"a\": }",
                false,
            ),
            // review: serde_json counts columns in chars after a multi-byte char, and the
            // offset landed inside `受`.
            (
                "review: error after cjk text",
                "json",
                "{\n\"状态：已接受\n",
                false,
            ),
            ("broken toml", "toml", "name = ", false),
            ("toml placeholder", "toml", "port = <PORT>", true),
        ];
        for (name, lang, content, ok) in rows {
            assert_eq!(check(lang, content, 0).map(|c| c.ok), Some(ok), "{name}");
        }
    }
}
