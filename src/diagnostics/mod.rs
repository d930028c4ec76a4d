//! Findings about records: the `Diagnostic` data and the `SourceMap` that turns byte spans into
//! lines and columns. Printing them is the CLI's job.

mod codes;
pub mod render;
mod source_map;

pub use codes::{Code, Family};
pub use source_map::{LineCol, SourceMap};

use serde::{Deserialize, Serialize};

use crate::model::Span;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Probably wrong.
    Warning,
    /// Wrong: fails `docket lint`.
    Error,
}

impl Severity {
    /// The lower-case name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// A replacement of one byte range, applied only when it is safe.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    /// The bytes to replace.
    pub span: Span,
    /// What goes there.
    pub replacement: String,
}

/// A secondary location with a note (`superseded here`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    /// The file.
    pub path: String,
    /// Where.
    pub span: Span,
    /// What it shows.
    pub message: String,
}

/// One finding in one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The stable code (`DK001`).
    pub code: &'static str,
    /// The slug naming the problem (`invalid-utf8`).
    pub name: &'static str,
    /// Severity.
    pub severity: Severity,
    /// One sentence, values quoted in backticks.
    pub message: String,
    /// The record's path.
    pub path: String,
    /// Where in the record.
    pub span: Span,
    /// Other places involved.
    pub labels: Vec<Label>,
    /// What to do about it.
    pub help: Option<String>,
    /// Safe edits that fix it.
    pub fix: Vec<Edit>,
}

impl Diagnostic {
    /// A finding of `code` at its registry severity, with no labels, help or fix.
    #[must_use]
    pub fn new(code: Code, path: &str, span: Span, message: impl Into<String>) -> Self {
        let info = code.info();
        Diagnostic {
            code: info.code,
            name: info.name,
            severity: info.severity,
            message: message.into(),
            path: path.to_string(),
            span,
            labels: Vec::new(),
            help: None,
            fix: Vec::new(),
        }
    }

    /// Adds help text.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Adds a secondary location.
    #[must_use]
    pub fn with_label(mut self, label: Label) -> Self {
        self.labels.push(label);
        self
    }

    /// The registry code of this finding.
    #[must_use]
    pub fn kind(&self) -> Option<Code> {
        Code::from_code(self.code)
    }
}

/// A code's registry entry: what renderers, `--explain` and config need to know about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleInfo {
    /// The stable code (`DK102`).
    pub code: &'static str,
    /// The slug naming the problem (`unknown-status`).
    pub name: &'static str,
    /// The default severity.
    pub severity: Severity,
    /// One line saying what the rule finds.
    pub summary: &'static str,
    /// The rule's documentation page (markdown), printed by `docket lint --explain`.
    pub explanation: &'static str,
    /// Whether the rule offers safe fixes.
    pub fixable: bool,
    /// Whether the rule runs without being named in `[lint] enable`.
    pub enabled_by_default: bool,
}

/// How many findings of each severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Info findings.
    pub infos: usize,
    /// Files with at least one finding.
    pub files: usize,
}

impl Summary {
    /// Counts findings.
    #[must_use]
    pub fn of(diagnostics: &[Diagnostic]) -> Summary {
        let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
        let mut paths: Vec<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
        paths.dedup();
        Summary {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            infos: count(Severity::Info),
            files: paths.len(),
        }
    }
}

/// A finding as the JSON outputs of `export` and `score` write it: the code, message and span
/// with 1-based start and end positions.
#[derive(Debug, Clone, Serialize)]
pub struct LocatedDiagnostic<'a> {
    /// The record's path.
    pub path: &'a str,
    /// The stable code.
    pub code: &'a str,
    /// The slug naming the problem.
    pub name: &'a str,
    /// `error`, `warning` or `info`.
    pub severity: &'a str,
    /// One sentence.
    pub message: &'a str,
    /// The byte range.
    pub span: Span,
    /// Where the span starts.
    pub start: LineCol,
    /// Where it ends.
    pub end: LineCol,
    /// What to do about it.
    pub help: Option<&'a str>,
}

impl<'a> LocatedDiagnostic<'a> {
    /// Locates a finding in the texts it points into.
    #[must_use]
    pub fn new(d: &'a Diagnostic, sources: &SourceMap) -> Self {
        let (start, end) = sources.range(&d.path, d.span);
        LocatedDiagnostic {
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
}

/// Sorts findings by (path, span start, code), the order every renderer expects.
pub fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.path.as_str(), a.span.start, a.code).cmp(&(b.path.as_str(), b.span.start, b.code))
    });
}
