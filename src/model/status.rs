//! A record's lifecycle status, kept as a kind plus the raw text it came from.

use serde::Serialize;

use super::Span;

/// The normalised lifecycle state of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StatusKind {
    /// Under discussion.
    Proposed,
    /// In force.
    Accepted,
    /// Considered and turned down.
    Rejected,
    /// No longer in force, with no replacement.
    Deprecated,
    /// Replaced by another record.
    Superseded,
    /// Still being written.
    Draft,
    /// Absent or not recognised.
    Unknown,
}

impl StatusKind {
    /// Every kind but `Unknown`: the statuses allowed when `[lint] statuses` is not set.
    pub const KNOWN: [StatusKind; 6] = [
        StatusKind::Proposed,
        StatusKind::Accepted,
        StatusKind::Rejected,
        StatusKind::Deprecated,
        StatusKind::Superseded,
        StatusKind::Draft,
    ];

    /// The kebab-case name used in output and configuration.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            StatusKind::Proposed => "proposed",
            StatusKind::Accepted => "accepted",
            StatusKind::Rejected => "rejected",
            StatusKind::Deprecated => "deprecated",
            StatusKind::Superseded => "superseded",
            StatusKind::Draft => "draft",
            StatusKind::Unknown => "unknown",
        }
    }
}

/// A status as the record wrote it and as docket understood it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    /// What the raw text means.
    pub kind: StatusKind,
    /// The source text, markup and emoji included (`✅ **Accepted**`); empty when absent.
    pub raw: String,
    /// Where the raw text is; absent when the record states no status.
    pub span: Option<Span>,
    /// Every line of the status statement: the field's value, or each line of a `Status`
    /// section (`Accepted`, then `Supercedes [1. …](0001-….md)`). Lint checks the spelling of
    /// each; not exported, the source text at each span is the line.
    #[serde(skip)]
    pub lines: Vec<Span>,
}

impl Default for Status {
    fn default() -> Self {
        Status {
            kind: StatusKind::Unknown,
            raw: String::new(),
            span: None,
            lines: Vec::new(),
        }
    }
}
