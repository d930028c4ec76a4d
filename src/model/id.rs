//! Record identifiers such as `DR-001`, `ADR-016` or a bare `0004`.

use serde::Serialize;

/// A record's identity: an optional series prefix and a number.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct RecordId {
    /// The id as written: `DR-001`, `ADR-016`, `0004`.
    pub raw: String,
    /// The series prefix in upper case (`DR`, `ADR`), absent for bare numbers.
    pub series: Option<String>,
    /// The number, compared numerically (`ADR-015` = `ADR-0015`).
    pub number: u32,
}

impl RecordId {
    /// Builds an id from its parts, upper-casing the series.
    #[must_use]
    pub fn new(raw: &str, series: Option<&str>, number: u32) -> Self {
        RecordId {
            raw: raw.to_string(),
            series: series.map(str::to_ascii_uppercase),
            number,
        }
    }

    /// Whether two ids name the same record: same series (case-insensitive) and same number.
    #[must_use]
    pub fn same_record(&self, other: &RecordId) -> bool {
        self.series == other.series && self.number == other.number
    }
}
