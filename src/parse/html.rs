//! A record's markdown as sanitised HTML for the site: GitHub-flavoured markdown rendered by
//! pulldown-cmark, then cleaned by ammonia so HTML written in a record can never run script.
//! Only `docket build` asks for it (`ParseOptions::html`); lint and export skip the work.

// This module renders markdown, so it may run pulldown-cmark (see clippy.toml).
#![allow(clippy::disallowed_types)]

use std::collections::HashSet;

use pulldown_cmark::Parser;

use crate::model::{Html, Span, Title, TitleSource};

/// Renders a record's text after its front matter (at `body_start`), leaving out the title
/// heading when the title came from one.
pub(crate) fn render_record(text: &str, body_start: usize, title: &Title) -> Html {
    let heading = (title.source == TitleSource::Heading).then_some(title.span);
    render_html(&text[body_start..], body_start, heading)
}

/// Renders `text` (a record's body, front matter already cut off) as sanitised HTML, leaving
/// out the line of the title heading at `title` (the page shows the title itself).
pub(crate) fn render_html(text: &str, base: usize, title: Option<Span>) -> Html {
    let source = match title {
        Some(span) if span.start >= base && span.start - base <= text.len() => {
            let at = span.start - base;
            let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
            format!("{}{}", &text[..start], &text[end..])
        }
        _ => text.to_string(),
    };
    let mut raw = String::with_capacity(source.len() * 3 / 2);
    pulldown_cmark::html::push_html(
        &mut raw,
        Parser::new_ext(&source, super::markdown::html_options()),
    );
    Html::from_sanitised(sanitiser().clean(&raw).to_string())
}

/// ammonia's defaults, with link schemes limited to http, https and mailto (relative links
/// pass), task-list checkboxes, code language classes and footnote classes and ids kept.
fn sanitiser() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .add_tags(["input"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("code", ["class"])
        .add_tag_attributes("sup", ["class"])
        .add_tag_attributes("div", ["class", "id"])
        .attribute_filter(|element, attribute, value| {
            let keep = match (element, attribute) {
                ("code", "class") => value.starts_with("language-"),
                ("sup" | "div", "class") => value.starts_with("footnote-"),
                ("input", "type") => value == "checkbox",
                _ => true,
            };
            keep.then(|| value.into())
        });
    builder
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(text: &str) -> String {
        render_html(text, 0, None).as_str().to_string()
    }

    #[test]
    fn renders_and_sanitises() {
        let cases: &[(&str, &str, &[&str], &[&str])] = &[
            (
                "script tag",
                "Hi <script>alert(1)</script>\n",
                &["Hi"],
                &["<script", "alert(1)"],
            ),
            (
                "onerror image",
                "<img src=\"x.png\" onerror=\"alert(1)\">\n",
                &["<img src=\"x.png\""],
                &["onerror"],
            ),
            (
                "javascript link",
                "[x](javascript:alert(1))\n",
                &[">x</a>"],
                &["javascript:"],
            ),
            (
                "code language class",
                "```rust\nfn main() {}\n```\n",
                &["class=\"language-rust\""],
                &[],
            ),
            (
                "other classes dropped",
                "<p class=\"evil\">x</p>\n",
                &["<p>x</p>"],
                &["evil"],
            ),
            (
                "task list",
                "- [x] done\n- [ ] open\n",
                &["type=\"checkbox\"", "checked"],
                &[],
            ),
            (
                "table",
                "| a | b |\n|---|---|\n| 1 | 2 |\n",
                &["<table>", "<td>1</td>"],
                &[],
            ),
            (
                "footnote",
                "Text[^1].\n\n[^1]: Note.\n",
                &["footnote-reference", "footnote-definition"],
                &[],
            ),
            ("strikethrough", "~~gone~~\n", &["<del>gone</del>"], &[]),
            (
                "relative and https links kept",
                "[a](0002-b.md) [c](https://example.org)\n",
                &["href=\"0002-b.md\"", "href=\"https://example.org\""],
                &[],
            ),
        ];
        for (name, text, has, lacks) in cases {
            let out = html(text);
            for want in *has {
                assert!(out.contains(want), "{name}: {want} missing in {out}");
            }
            for bad in *lacks {
                assert!(!out.contains(bad), "{name}: {bad} present in {out}");
            }
        }
    }

    #[test]
    fn leaves_out_the_title_line() {
        let text = "# 1. Use X\n\nBody\n";
        let out = render_html(text, 0, Some(Span::new(2, 10)))
            .as_str()
            .to_string();
        assert!(!out.contains("<h1>"), "{out}");
        assert!(out.contains("Body"), "{out}");
    }
}
