//! Dates as written in records: a typed calendar date (or month) when one can be read, and the
//! raw text always.

use std::fmt;

use serde::{Serialize, Serializer};

use super::Span;

/// How much of a date the record wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// A calendar day (`2024-05-13`).
    #[default]
    Day,
    /// A month only (`2024-05`, `May 2024`); the day is taken as the 1st for comparisons.
    Month,
}

/// A calendar date, serialised as `YYYY-MM-DD`, or as `YYYY-MM` when only the month is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year.
    pub year: i32,
    /// Month, 1–12.
    pub month: u32,
    /// Day of month, 1–31 (1 for a month-precision date).
    pub day: u32,
    /// Whether the record wrote the day or only the month.
    pub precision: DatePrecision,
}

impl Date {
    /// A month-precision date (`2024-05`) if the year and month are real.
    #[must_use]
    pub fn from_ym(year: i32, month: u32) -> Option<Date> {
        Date::from_ymd(year, month, 1).map(|d| Date {
            precision: DatePrecision::Month,
            ..d
        })
    }

    /// A date if the parts form a real calendar day.
    #[must_use]
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        ((1..=days).contains(&day) && (1000..=9999).contains(&year)).then_some(Date {
            year,
            month,
            day,
            precision: DatePrecision::Day,
        })
    }

    /// Days since 1970-01-01, for comparing ages.
    #[must_use]
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The last day the date covers: the date itself, or the month's last day for a
    /// month-precision date (a review due `2026-06` is not overdue before July).
    #[must_use]
    pub fn last_day(self) -> Date {
        match self.precision {
            DatePrecision::Day => self,
            DatePrecision::Month => (28..=31)
                .rev()
                .find_map(|day| Date::from_ymd(self.year, self.month, day))
                .unwrap_or(self),
        }
    }

    /// The date `days` after 1970-01-01, the inverse of [`Date::to_days`].
    #[must_use]
    pub fn from_days(days: i64) -> Option<Date> {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::from_ymd(
            i32::try_from(year).ok()?,
            u32::try_from(month).ok()?,
            u32::try_from(day).ok()?,
        )
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.precision {
            DatePrecision::Day => write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day),
            DatePrecision::Month => write!(f, "{:04}-{:02}", self.year, self.month),
        }
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A dated field: `2025-12-22 (Session 2)` is the date 2025-12-22 with the note `Session 2`;
/// `Phase 12 (before production deployment)` has no date and keeps its raw text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateField {
    /// The source text of the value.
    pub raw: String,
    /// The calendar date (or month), when the text starts with one.
    pub date: Option<Date>,
    /// Text after the date, brackets removed (`Session 2`).
    pub note: Option<String>,
    /// Where the value is.
    pub span: Span,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_precision_dates_print_and_end_as_months() {
        let may = Date::from_ym(2024, 5).expect("a month");
        assert_eq!(may.to_string(), "2024-05");
        assert_eq!(may.last_day().to_string(), "2024-05-31");
        let feb = Date::from_ym(2024, 2).expect("a month");
        assert_eq!(feb.last_day().to_string(), "2024-02-29");
        assert_eq!(may.to_days(), Date::from_ymd(2024, 5, 1).unwrap().to_days());
        assert!(Date::from_ym(2024, 13).is_none());
        let day = Date::from_ymd(2024, 5, 13).unwrap();
        assert_eq!(day.last_day(), day);
    }
}
