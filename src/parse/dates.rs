//! Dates as records write them: ISO, slashed, or with month names; a note after the date is kept.

use crate::model::{Date, DateField, Span};

const MONTHS: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// Reads a dated field: the date at the start of the text and the note after it.
pub(crate) fn parse_date_field(value: &str, raw: String, span: Span) -> DateField {
    let (date, used) = match date_at_start(value.trim()) {
        Some((d, used)) => (Some(d), used),
        None => (None, 0),
    };
    let note = date.and_then(|_| {
        let rest = value.trim()[used..]
            .trim()
            .trim_start_matches([',', '-', '–', ':'])
            .trim();
        let rest = rest
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .unwrap_or(rest)
            .trim();
        (!rest.is_empty()).then(|| rest.to_string())
    });
    DateField {
        raw,
        date,
        note,
        span,
    }
}

fn number(s: &str) -> (Option<u32>, usize) {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    (s[..n].parse().ok(), n)
}

/// A date at the start of `s` and the bytes it used.
pub(crate) fn date_at_start(s: &str) -> Option<(Date, usize)> {
    let (first, n1) = number(s);
    if let Some(first) = first {
        if n1 == 8 && !s[n1..].starts_with(|c: char| c.is_alphanumeric()) {
            // `20220513`
            let date = Date::from_ymd(
                i32::try_from(first / 10_000).ok()?,
                first / 100 % 100,
                first % 100,
            )?;
            return Some((date, 8));
        }
        let sep = s[n1..].chars().next()?;
        if !matches!(sep, '-' | '/' | '.') {
            return month_name_date(s);
        }
        let rest = &s[n1 + 1..];
        let (second, n2) = number(rest);
        let second = second?;
        let rest2 = rest.get(n2..)?;
        if !rest2.starts_with(sep) {
            return None;
        }
        let (third, n3) = number(&rest2[1..]);
        let third = third?;
        let used = n1 + 1 + n2 + 1 + n3;
        // A time or more digits must not follow directly.
        if s[used..].starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let date = if n1 == 4 {
            Date::from_ymd(i32::try_from(first).ok()?, second, third)
        } else if n3 == 2 && n1 <= 2 {
            // `10/04/18`: day first, two-digit year in this century.
            Date::from_ymd(2000 + i32::try_from(third).ok()?, second, first)
        } else if n3 == 4 {
            // Day first, as the UK government repositories write it.
            Date::from_ymd(i32::try_from(third).ok()?, second, first)
                .or_else(|| Date::from_ymd(i32::try_from(third).ok()?, first, second))
        } else {
            None
        }?;
        let used = if s[used..].starts_with('T') {
            used + s[used..]
                .find(char::is_whitespace)
                .unwrap_or(s.len() - used)
        } else {
            used
        };
        return Some((date, used));
    }
    month_name_date(s)
}

fn month_of(word: &str) -> Option<u32> {
    let w = word.to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| w.starts_with(m))
        .map(|i| i as u32 + 1)
}

/// `12 March 2019`, `12th March 2019`, `March 12, 2019`.
fn month_name_date(s: &str) -> Option<(Date, usize)> {
    let words: Vec<(usize, &str)> = s
        .split_inclusive([' ', ','])
        .scan(0, |pos, w| {
            let at = *pos;
            *pos += w.len();
            Some((at, w))
        })
        .map(|(at, w)| (at, w.trim_matches([' ', ','])))
        .filter(|(_, w)| !w.is_empty())
        .take(3)
        .collect();
    if words.len() < 3 {
        return None;
    }
    let day_of = |w: &str| -> Option<u32> {
        let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
        let suffix = &w[digits.len()..];
        if !["", "st", "nd", "rd", "th"].contains(&suffix) {
            return None;
        }
        digits.parse().ok()
    };
    let year_of = |w: &str| -> Option<i32> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    let (day, month, year) = if let (Some(d), Some(m)) = (day_of(words[0].1), month_of(words[1].1))
    {
        (d, m, year_of(words[2].1)?)
    } else if let (Some(m), Some(d)) = (month_of(words[0].1), day_of(words[1].1)) {
        (d, m, year_of(words[2].1)?)
    } else {
        return None;
    };
    let date = Date::from_ymd(year, month, day)?;
    Some((date, words[2].0 + words[2].1.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> DateField {
        parse_date_field(text, text.to_string(), Span::default())
    }

    #[test]
    fn dates_with_notes() {
        let f = field("2025-12-22 (Session 2)");
        assert_eq!(f.date.unwrap().to_string(), "2025-12-22");
        assert_eq!(f.note.as_deref(), Some("Session 2"));
        assert!(field("N/A (Decision already made)").date.is_none());
        assert!(
            field("Phase 12 (before production deployment)")
                .date
                .is_none()
        );
        assert_eq!(
            field("12 March 2019").date.unwrap().to_string(),
            "2019-03-12"
        );
        assert_eq!(
            field("March 12, 2019").date.unwrap().to_string(),
            "2019-03-12"
        );
        assert_eq!(field("21/06/2021").date.unwrap().to_string(), "2021-06-21");
        assert_eq!(field("2020/01/31").date.unwrap().to_string(), "2020-01-31");
        assert!(field("2021-02-30").date.is_none());
        assert!(field("2019-03").date.is_none());
        assert_eq!(field("10/04/18").date.unwrap().to_string(), "2018-04-10");
        assert_eq!(field("20220513").date.unwrap().to_string(), "2022-05-13");
    }
}
