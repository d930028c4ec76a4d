//! Considered options (the MADR term) with their pros, cons and cost estimates.

use serde::Serialize;

use super::{CostEstimate, Span};

/// One bullet or line of text, with the marker it started with (`✅`, `⚠️`, `Good,`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Plain text, markup and the leading marker removed.
    pub text: String,
    /// The leading marker, if any: an emoji or MADR's `Good`/`Bad`/`Neutral`.
    pub marker: Option<String>,
    /// Where the item is.
    pub span: Span,
}

/// An option the record weighed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsideredOption {
    /// The name, with `Option N:` and markers such as `(SELECTED)` removed.
    pub name: String,
    /// Where the name is written.
    pub span: Span,
    /// True when the record marks this option as the chosen one.
    pub selected: bool,
    /// Prose describing the option.
    pub description: String,
    /// Arguments for.
    pub pros: Vec<Item>,
    /// Arguments against.
    pub cons: Vec<Item>,
    /// Neutral points.
    pub neutral: Vec<Item>,
    /// Cost estimates in the order written.
    pub costs: Vec<CostEstimate>,
    /// A per-option verdict line (`**Decision:** Fly.io simpler and cheaper`).
    pub verdict: Option<Item>,
}
