//! Cost estimates: the raw text and the amount, range and period read from it.

use serde::Serialize;

use super::Span;

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Period {
    /// Per hour.
    Hour,
    /// Per day.
    Day,
    /// Per week.
    Week,
    /// Per month.
    Month,
    /// Per year.
    Year,
    /// Paid once.
    OneOff,
}

/// An amount of money or a range of amounts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Money {
    /// The lower bound (equal to `high` for a single amount).
    pub low: f64,
    /// The upper bound.
    pub high: f64,
    /// True for `~$5`, `about $5`, `≈ $5`.
    pub approximate: bool,
    /// ISO-ish currency code: `USD`, `EUR`, `GBP`.
    pub currency: String,
}

/// One cost line such as `MVP: $0/month (free tier)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CostEstimate {
    /// The source text of the line.
    pub raw: String,
    /// The label before the colon (`MVP`, `Production`, `Web Service`), if any.
    pub label: Option<String>,
    /// The amount, when one could be read.
    pub amount: Option<Money>,
    /// The period, when written.
    pub period: Option<Period>,
    /// The unit the amount is per, when written: `user` in `$5 per user per month`,
    /// `1M requests` in `$0.20 per 1M requests`.
    pub unit: Option<String>,
    /// Bracketed text after the amount (`free tier`).
    pub note: Option<String>,
    /// True for a line labelled `Total`.
    pub is_total: bool,
    /// For a total: the sibling lines it adds up.
    pub parts: Vec<CostEstimate>,
    /// The phase the line belongs to, from its own label or a parent bullet (`Production (Phase 12+)`).
    pub phase: Option<String>,
    /// Where the line is.
    pub span: Span,
}
