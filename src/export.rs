//! The stable JSON shape of the model (`docket export`) and its JSON Schema.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::diagnostics::{Diagnostic, LineCol};
use crate::model::{Decision, Span};

/// The version of the export format; bumped on any incompatible change.
pub const EXPORT_VERSION: u32 = 1;

/// The JSON Schema of the export, as committed in `docs/schema/`.
pub const SCHEMA: &str = include_str!("../docs/schema/docket-export.schema.json");

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    records: Vec<RecordExport<'a>>,
    /// Findings for files that produced no record (unreadable files).
    diagnostics: Vec<DiagnosticExport<'a>>,
}

#[derive(Serialize)]
struct RecordExport<'a> {
    #[serde(flatten)]
    decision: &'a Decision,
    diagnostics: Vec<DiagnosticExport<'a>>,
}

#[derive(Serialize)]
struct DiagnosticExport<'a> {
    path: &'a str,
    code: &'a str,
    name: &'a str,
    severity: &'a str,
    message: &'a str,
    span: Span,
    start: LineCol,
    end: LineCol,
    help: Option<&'a str>,
}

fn diagnostic_export<'a>(d: &'a Diagnostic, corpus: &Corpus) -> DiagnosticExport<'a> {
    let (start, end) = corpus.sources.range(&d.path, d.span);
    DiagnosticExport {
        path: &d.path,
        code: d.code,
        name: d.name,
        severity: d.severity.as_str(),
        message: &d.message,
        span: d.span,
        start,
        end,
        help: d.help.as_deref(),
    }
}

/// Renders the corpus as pretty JSON: records in corpus order, each with its parse findings.
pub fn to_json(corpus: &Corpus) -> crate::Result<String> {
    let records = corpus
        .decisions
        .iter()
        .map(|decision| RecordExport {
            decision,
            diagnostics: corpus
                .diagnostics
                .iter()
                .filter(|d| d.path == decision.path)
                .map(|d| diagnostic_export(d, corpus))
                .collect(),
        })
        .collect();
    let orphan = corpus
        .diagnostics
        .iter()
        .filter(|d| !corpus.decisions.iter().any(|r| r.path == d.path))
        .map(|d| diagnostic_export(d, corpus))
        .collect();
    let export = Export {
        version: EXPORT_VERSION,
        records,
        diagnostics: orphan,
    };
    let mut out = serde_json::to_string_pretty(&export)?;
    out.push('\n');
    Ok(out)
}
