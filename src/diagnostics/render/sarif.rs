//! The SARIF 2.1.0 format for code-scanning uploads: the rule registry with help text, and
//! one result per finding with start and end line and column (columns count code points).

use std::fmt::Write;

use serde_json::{Value, json};

use crate::diagnostics::{Diagnostic, RuleInfo, Severity, SourceMap};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// A path as a URI reference: relative paths stay relative, absolute ones become `file://`.
fn to_uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    if path.starts_with('/') {
        format!("file://{out}")
    } else {
        out
    }
}

fn region(sources: &SourceMap, path: &str, span: crate::model::Span) -> Value {
    let (start, end) = sources.range(path, span);
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

/// Renders findings as a SARIF 2.1.0 log with one run. `rules` is the registry, so that
/// every rule's help text travels with the log.
///
/// # Panics
///
/// Never: the log holds only strings, numbers and lists, which always serialise.
#[must_use]
pub fn render_sarif(
    diagnostics: &[Diagnostic],
    sources: &SourceMap,
    rules: &[RuleInfo],
    version: &str,
) -> String {
    let rule_objects: Vec<Value> = rules
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "name": r.name,
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": r.summary },
                "help": { "text": r.explanation, "markdown": r.explanation },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "tags": [r.name] },
            })
        })
        .collect();
    let results: Vec<Value> = diagnostics
        .iter()
        .map(|d| {
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let mut result = json!({
                "ruleId": d.code,
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": to_uri(&d.path) },
                        "region": region(sources, &d.path, d.span),
                    }
                }],
            });
            if let Some(index) = rules.iter().position(|r| r.code == d.code) {
                result["ruleIndex"] = json!(index);
            }
            if !d.labels.is_empty() {
                result["relatedLocations"] = d
                    .labels
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        json!({
                            "id": i,
                            "message": { "text": l.message },
                            "physicalLocation": {
                                "artifactLocation": { "uri": to_uri(&l.path) },
                                "region": region(sources, &l.path, l.span),
                            }
                        })
                    })
                    .collect();
            }
            result
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "docket",
                    "semanticVersion": version,
                    "rules": rule_objects,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut text =
        serde_json::to_string_pretty(&log).expect("the log holds only strings, numbers and lists");
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::to_uri;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(to_uri("records/a b.md"), "records/a%20b.md");
        assert_eq!(to_uri("/work/x#1.md"), "file:///work/x%231.md");
        assert_eq!(to_uri("décision.md"), "d%C3%A9cision.md");
    }
}
