//! The stable JSON shape of the model (`docket export`) and its JSON Schema.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::diagnostics::{Diagnostic, LocatedDiagnostic};
use crate::model::Decision;

/// The version of the export format; bumped on any incompatible change.
pub const EXPORT_VERSION: u32 = 1;

/// The JSON Schema of the export, as committed in `docs/schema/`.
pub const SCHEMA: &str = include_str!("../docs/schema/docket-export.schema.json");

#[derive(Serialize)]
struct Export<'a> {
    version: u32,
    records: Vec<RecordExport<'a>>,
    /// Findings for files that produced no record (unreadable files).
    diagnostics: Vec<LocatedDiagnostic<'a>>,
}

#[derive(Serialize)]
struct RecordExport<'a> {
    #[serde(flatten)]
    decision: &'a Decision,
    diagnostics: Vec<LocatedDiagnostic<'a>>,
}

fn diagnostic_export<'a>(d: &'a Diagnostic, corpus: &Corpus) -> LocatedDiagnostic<'a> {
    LocatedDiagnostic::new(d, &corpus.sources)
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
