//! Record identifiers such as `DR-001`, `ADR-016` or a bare `0004`, and the id a file name
//! carries. The parser reads both; rules compare them.

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

/// The id a file name starts with (`0004-x.md`, `adr-016-x.md`, `DR-001.md`), with the prefix
/// and digits as written, so that folders can be checked for consistent naming.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct FileNameId {
    /// The prefix as written (`adr`, `ADR`), absent for bare numbers.
    pub prefix: Option<String>,
    /// The digits as written (`004`).
    pub digits: String,
    /// The number.
    pub number: u32,
}

impl FileNameId {
    /// The series in upper case, as `RecordId` stores it.
    #[must_use]
    pub fn series(&self) -> Option<String> {
        self.prefix.as_ref().map(|p| p.to_ascii_uppercase())
    }

    /// The record id the file name gives: `adr-007-x.md` → `ADR-007`, `0001-x.md` → `0001`.
    #[must_use]
    pub fn to_record_id(&self) -> RecordId {
        match self.series() {
            Some(series) => RecordId::new(
                &format!("{series}-{}", self.digits),
                Some(&series),
                self.number,
            ),
            None => RecordId::new(&self.digits, None, self.number),
        }
    }
}
