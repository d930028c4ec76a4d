//! The JSON report: versioned, with each finding's line and column.

use serde::Serialize;

use crate::diagnostics::{LocatedDiagnostic, SourceMap};
use crate::score::{CostComparison, RecordScore, Scorecard};

/// The version of the JSON output; bumped on any incompatible change.
pub const SCORE_JSON_VERSION: u32 = 1;

#[derive(Serialize)]
struct JsonOut<'a> {
    version: u32,
    records: Vec<JsonRecord<'a>>,
}

#[derive(Serialize)]
struct JsonRecord<'a> {
    path: &'a str,
    label: &'a str,
    title: &'a str,
    tables: &'a [Scorecard],
    costs: &'a CostComparison,
    diagnostics: Vec<LocatedDiagnostic<'a>>,
}

/// The JSON report described in `docs/score.md`, pretty-printed.
pub fn to_json(scores: &[RecordScore], sources: &SourceMap) -> crate::Result<String> {
    let records = scores
        .iter()
        .map(|r| JsonRecord {
            path: &r.path,
            label: &r.label,
            title: &r.title,
            tables: &r.tables,
            costs: &r.costs,
            diagnostics: r
                .diagnostics
                .iter()
                .map(|d| LocatedDiagnostic::new(d, sources))
                .collect(),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&JsonOut {
        version: SCORE_JSON_VERSION,
        records,
    })?;
    out.push('\n');
    Ok(out)
}
