//! Weighted criteria tables as written: criteria, weights, one rating per option, stated totals,
//! the legend and the declared winner. Scoring them is `score`'s job.

use serde::Serialize;

use super::Span;

/// How the table is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableLayout {
    /// Criteria as rows, a weight column, one column per option (seed DR-001).
    CriteriaRows,
    /// Options as rows, a `Weight` row, criteria as columns, maybe an overall column.
    OptionRows,
    /// A weights table followed by a scores table over the same criteria.
    SeparateWeights,
}

/// Whether a table can be scored or only shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TableKind {
    /// Weights or rating marks `docket score` can total.
    Scored,
    /// A factor × option comparison whose cells are mostly free text (`$7/month, flat`): kept
    /// with its raw cells to be shown, never scored.
    Comparison,
}

/// A named weight level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeightLevel {
    /// Critical (or Must).
    Critical,
    /// High (or Should).
    High,
    /// Medium (or Could).
    Medium,
    /// Low.
    Low,
}

/// A criterion's weight as written and as read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Weight {
    /// The cell text.
    pub raw: String,
    /// A named level, when the cell is one.
    pub level: Option<WeightLevel>,
    /// A number, when the cell is one (`30%` is 30 with `percent` set).
    pub number: Option<f64>,
    /// True when written as a percentage.
    pub percent: bool,
    /// Where the cell is.
    pub span: Span,
}

/// What a rating cell says, before any scale gives it a value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum RatingMark {
    /// ✅, ✔, 🟢 or `Yes`.
    Good,
    /// ⚠️, 🟡, 🔄 or `Partial`.
    Partial,
    /// ❌, ✖, 🔴 or `No`.
    Bad,
    /// A number, maybe out of a maximum (`7/10`) or with a stated weighted part (`7 (28)`).
    Number {
        /// The number.
        value: f64,
        /// The maximum, from `7/10`.
        out_of: Option<f64>,
        /// The weighted value in brackets, from `7 (28)`.
        weighted: Option<f64>,
    },
    /// Stars such as `★★★☆☆`.
    Stars {
        /// Filled stars.
        filled: u32,
        /// All stars written.
        total: u32,
    },
    /// Pugh `+` (or `++`): better than the baseline, with the count of pluses.
    Plus {
        /// How many `+`.
        count: u32,
    },
    /// Pugh `S` or `0`: same as the baseline.
    Same,
    /// Pugh `-` (or `--`): worse than the baseline.
    Minus {
        /// How many `-`.
        count: u32,
    },
    /// A quality word when no symbol is given: excellent, good, fair, poor.
    Word {
        /// The word, lower-cased.
        word: String,
    },
    /// ❓ or `Unknown`: the record says the rating is not known yet, which is no rating.
    Unknown,
    /// An empty cell.
    Empty,
    /// Text that fits no known scale.
    Unrecognised,
}

/// One option's rating on one criterion.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rating {
    /// The option (column or row) name.
    pub option: String,
    /// The cell text.
    pub raw: String,
    /// The recognised mark.
    pub mark: RatingMark,
    /// Words after the mark (`Manual` in `⚠️ Manual`).
    pub note: Option<String>,
    /// Where the cell is.
    pub span: Span,
}

/// One criterion: a name, a weight and one rating per option.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Criterion {
    /// The criterion's name.
    pub name: String,
    /// Where the name is.
    pub span: Span,
    /// Its weight, when the table gives one.
    pub weight: Option<Weight>,
    /// Ratings in option order.
    pub ratings: Vec<Rating>,
    /// The option a `Winner` column or row names best on this criterion, as written (`Axum`,
    /// `Tie`).
    pub winner: Option<String>,
}

/// A total the record states for an option (a `Total` row or an `Overall score` column).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatedTotal {
    /// The option.
    pub option: String,
    /// The cell text.
    pub raw: String,
    /// The number read from it.
    pub value: Option<f64>,
    /// Where the cell is.
    pub span: Span,
}

/// A legend entry such as `✅ = 3 (good)`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LegendEntry {
    /// The symbol or word.
    pub symbol: String,
    /// The value it stands for.
    pub value: f64,
    /// The label in brackets, if any.
    pub label: Option<String>,
}

/// A winner the record declares for its table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Winner {
    /// The option named.
    pub name: String,
    /// The whole line's text after the key (`Render (highest score on critical criteria)`).
    pub raw: String,
    /// Where it is written.
    pub span: Span,
}

/// A criteria table (weighted or rated) or a comparison of options.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriteriaTable {
    /// Whether `docket score` scores it.
    pub kind: TableKind,
    /// The layout the parser recognised.
    pub layout: TableLayout,
    /// The heading the table sits under.
    pub heading: Option<String>,
    /// The option names in table order.
    pub options: Vec<String>,
    /// The criteria in table order.
    pub criteria: Vec<Criterion>,
    /// Totals the table states.
    pub stated_totals: Vec<StatedTotal>,
    /// The record's rating legend, if it has one.
    pub legend: Vec<LegendEntry>,
    /// The declared winner (`**Winner:**` or `Chosen option: "…"`).
    pub winner: Option<Winner>,
    /// Where the table is.
    pub span: Span,
}

impl CriteriaTable {
    /// Where an option of the table is first rated, else the table itself.
    #[must_use]
    pub fn option_span(&self, option: &str) -> Span {
        self.criteria
            .iter()
            .flat_map(|c| &c.ratings)
            .find(|r| r.option == option)
            .map_or(self.span, |r| r.span)
    }
}
