//! The JSON format: a stable, versioned document of findings with 1-based positions and the
//! summary counts. Documented in `docs/lint-json.md`.

use serde::Serialize;

use crate::diagnostics::{Diagnostic, LineCol, SourceMap, Summary};
use crate::model::Span;

/// The version of the lint JSON format; bumped on any incompatible change.
pub const JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    diagnostics: Vec<Finding<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Finding<'a> {
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    path: &'a str,
    span: Span,
    start: LineCol,
    end: LineCol,
    labels: Vec<LabelOut<'a>>,
    help: Option<&'a str>,
    fix: Vec<EditOut<'a>>,
}

#[derive(Serialize)]
struct LabelOut<'a> {
    path: &'a str,
    span: Span,
    start: LineCol,
    end: LineCol,
    message: &'a str,
}

#[derive(Serialize)]
struct EditOut<'a> {
    span: Span,
    replacement: &'a str,
}

/// Renders findings as pretty-printed JSON with a trailing newline.
///
/// # Panics
///
/// Never: the document holds only strings, numbers and lists, which always serialise.
#[must_use]
pub fn render_json(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let doc = Document {
        version: JSON_VERSION,
        diagnostics: diagnostics
            .iter()
            .map(|d| {
                let (start, end) = sources.range(&d.path, d.span);
                Finding {
                    code: d.code,
                    name: d.name,
                    severity: d.severity.as_str(),
                    message: &d.message,
                    path: &d.path,
                    span: d.span,
                    start,
                    end,
                    labels: d
                        .labels
                        .iter()
                        .map(|l| {
                            let (start, end) = sources.range(&l.path, l.span);
                            LabelOut {
                                path: &l.path,
                                span: l.span,
                                start,
                                end,
                                message: &l.message,
                            }
                        })
                        .collect(),
                    help: d.help.as_deref(),
                    fix: d
                        .fix
                        .iter()
                        .map(|e| EditOut {
                            span: e.span,
                            replacement: &e.replacement,
                        })
                        .collect(),
                }
            })
            .collect(),
        summary: Summary::of(diagnostics),
    };
    let mut text = serde_json::to_string_pretty(&doc)
        .expect("the document holds only strings, numbers and lists");
    text.push('\n');
    text
}
