//! Fenced code blocks, with the syntax check the parser ran on `toml`, `yaml` and `json` blocks.

use serde::Serialize;

use super::Span;

/// A fenced or indented code block.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeBlock {
    /// The info string's first word, lower-cased (`toml`), if any.
    pub lang: Option<String>,
    /// The whole block, fences included.
    pub span: Span,
    /// The block's content.
    pub content_span: Span,
    /// The outcome of parsing the content, for languages docket can check.
    pub check: Option<CodeCheck>,
}

/// Whether a `toml`, `yaml` or `json` block parses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CodeCheck {
    /// True when the content parsed.
    pub ok: bool,
    /// The parser's message when it did not.
    pub error: Option<String>,
    /// Where in the record the error is, when the parser said.
    pub error_span: Option<Span>,
}
