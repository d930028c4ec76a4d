//! GitLab's code quality report: the Code Climate issue array GitLab reads from a
//! `codequality` artifact (`description`, `check_name`, `fingerprint`, `severity`, `location`).
//! Fingerprints hash the code, path and message, not the line, so a finding keeps its
//! fingerprint when lines above it move.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity, SourceMap};

#[derive(Serialize)]
struct Issue<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    description: String,
    check_name: String,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: usize,
    end: usize,
}

/// 64-bit FNV-1a from a given offset basis.
fn fnv1a(basis: u64, parts: &[&str]) -> u64 {
    let mut hash = basis;
    for part in parts {
        for byte in part.bytes().chain([0]) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Renders findings as a Code Climate JSON array for GitLab.
#[must_use]
pub fn render_gitlab(diagnostics: &[Diagnostic], sources: &SourceMap) -> String {
    let mut seen: BTreeMap<(u64, u64), usize> = BTreeMap::new();
    let issues: Vec<Issue<'_>> = diagnostics
        .iter()
        .map(|d| {
            let (start, end) = sources.range(&d.path, d.span);
            let parts = [d.code, d.path.as_str(), d.message.as_str()];
            let key = (
                fnv1a(0xcbf2_9ce4_8422_2325, &parts),
                fnv1a(0x6c62_272e_07bb_0142, &parts),
            );
            // The same finding twice in one file gets a distinct fingerprint per occurrence.
            let n = seen.entry(key).or_default();
            *n += 1;
            let occurrence = n.to_string();
            let fingerprint = if *n == 1 {
                format!("{:016x}{:016x}", key.0, key.1)
            } else {
                let more = [
                    d.code,
                    d.path.as_str(),
                    d.message.as_str(),
                    occurrence.as_str(),
                ];
                format!(
                    "{:016x}{:016x}",
                    fnv1a(0xcbf2_9ce4_8422_2325, &more),
                    fnv1a(0x6c62_272e_07bb_0142, &more)
                )
            };
            Issue {
                kind: "issue",
                description: format!("{}: {}", d.code, d.message),
                check_name: format!("{}/{}", d.code, d.name),
                fingerprint,
                severity: match d.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                    Severity::Info => "info",
                },
                location: Location {
                    path: &d.path,
                    lines: Lines {
                        begin: start.line,
                        end: end.line.max(start.line),
                    },
                },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;
    use crate::model::Span;

    #[test]
    fn issues_carry_severity_lines_and_stable_distinct_fingerprints() {
        let mut sources = SourceMap::new();
        sources.insert("a.md", "# A\n\nStatus: maybe\n".into());
        let d = Diagnostic::new(
            Code::UnknownStatus,
            "a.md",
            Span::new(13, 18),
            "unknown `maybe`",
        );
        let out = render_gitlab(&[d.clone(), d], &sources);
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let issues = json.as_array().unwrap();
        assert_eq!(issues.len(), 2);
        assert_eq!(issues[0]["location"]["lines"]["begin"], 3);
        assert_eq!(issues[0]["check_name"], "DK102/unknown-status");
        assert_eq!(issues[0]["severity"], "minor");
        assert_ne!(issues[0]["fingerprint"], issues[1]["fingerprint"]);
        assert_eq!(issues[0]["fingerprint"].as_str().unwrap().len(), 32);
        assert_eq!(render_gitlab(&[], &sources), "[]\n");
    }
}
