//! Dates as records write them: ISO, slashed, or with month names, to the day or to the month
//! (`2024-05`, `May 2024`); a note after the date is kept.

use std::ops::Range;

use super::text::{is_date_slug, normalise_key};
use super::vocabulary::{Field, field_of, is_folder_record_name, month_of};
use crate::model::{Date, DateField, Span};

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

/// The date a record folder's name starts with, for a record kept as the folder's index page
/// (`2025-01-17-key-rotation/README.md`, as eclipse-edc lays records out): `raw` is the folder
/// name, so the date is never mistaken for one written in the record.
pub(crate) fn folder_date(path: &str) -> Option<DateField> {
    let mut parts = path.rsplit(['/', '\\']);
    let name = parts.next()?;
    let folder = parts.next()?;
    if !is_folder_record_name(name) || !is_date_slug(folder) {
        return None;
    }
    let (date, _) = date_at_start(folder)?;
    Some(DateField {
        raw: folder.to_string(),
        date: Some(date),
        note: None,
        span: Span::default(),
    })
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
        if n1 == 4
            && let Some(found) = cjk_date(first, &s[n1..])
        {
            return Some((found.0, n1 + found.1));
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
            return year_month(first, n1, second, n2, sep, rest2);
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

/// The rest of a date as Chinese and Japanese write it after the year: `年7月29日`, or to the
/// month `年7月`; the date and the bytes it used.
fn cjk_date(year: u32, s: &str) -> Option<(Date, usize)> {
    let rest = s.strip_prefix('年')?;
    let (month, n2) = number(rest);
    let after_month = rest[n2..].strip_prefix('月')?;
    let year = i32::try_from(year).ok()?;
    let used = '年'.len_utf8() + n2 + '月'.len_utf8();
    let (day, n3) = number(after_month);
    if let Some(day) = day {
        let used = used
            + n3
            + after_month[n3..]
                .strip_prefix('日')
                .map_or(0, |_| '日'.len_utf8());
        return Some((Date::from_ymd(year, month?, day)?, used));
    }
    Some((Date::from_ym(year, month?)?, used))
}

/// `2024-05` or `2024/05`: a four-digit year and a one- or two-digit month, then no more digits
/// or separators (`2024-05-` is a broken day date, not a month).
fn year_month(
    year: u32,
    n1: usize,
    month: u32,
    n2: usize,
    sep: char,
    after: &str,
) -> Option<(Date, usize)> {
    if n1 != 4 || !(1..=2).contains(&n2) || sep == '.' {
        return None;
    }
    if after.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '/' | '.' | ':'))
        && !after.starts_with(". ")
        && after != "."
    {
        return None;
    }
    Some((
        Date::from_ym(i32::try_from(year).ok()?, month)?,
        n1 + 1 + n2,
    ))
}

/// Every date in a text that starts at a word, with its byte range.
fn dates_in(s: &str) -> Vec<(Date, Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    for (i, c) in s.char_indices() {
        let word_start = c.is_alphanumeric()
            && s[..i]
                .chars()
                .next_back()
                .is_none_or(|p| !p.is_alphanumeric());
        if i < from || !word_start {
            continue;
        }
        if let Some((date, used)) = date_at_start(&s[i..]) {
            out.push((date, i..i + used));
            from = i + used;
        }
    }
    out
}

/// The dates a status line packs in (`**Accepted** | 2025-01-10 | Updated 2026-02-24`,
/// `Accepted (2021-03-04)`, `Accepted on 2020-01-02`): the first date, and the first one its
/// clause marks as a last change (`Updated …`). `offset` is where `line` starts in the record.
pub(crate) fn status_line_dates(
    line: &str,
    offset: usize,
) -> (Option<DateField>, Option<DateField>) {
    let (mut decided, mut updated) = (None, None);
    for (date, range) in dates_in(line) {
        let clause = line[..range.start]
            .rsplit(['|', '(', ',', ';', '—', '–'])
            .next()
            .unwrap_or_default();
        let key = normalise_key(clause);
        let key = key.strip_suffix(" on").unwrap_or(&key);
        let slot = if field_of(key) == Some(Field::Updated) {
            &mut updated
        } else {
            &mut decided
        };
        slot.get_or_insert_with(|| DateField {
            raw: line[range.clone()].to_string(),
            date: Some(date),
            note: None,
            span: Span::new(offset + range.start, offset + range.end),
        });
    }
    (decided, updated)
}

/// `12 March 2019`, `12th March 2019`, `March 12, 2019`, and to the month `May 2024`.
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
    let year_of = |w: &str| -> Option<i32> { (w.len() == 4).then(|| w.parse().ok()).flatten() };
    if let [(_, m), (at, y), ..] = words.as_slice()
        && let (Some(month), Some(year)) = (month_of(m), year_of(y))
    {
        return Some((Date::from_ym(year, month)?, at + y.len()));
    }
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
        assert!(field("2019-13").date.is_none());
        assert!(field("2019-03-").date.is_none());
        assert_eq!(field("10/04/18").date.unwrap().to_string(), "2018-04-10");
        assert_eq!(field("20220513").date.unwrap().to_string(), "2022-05-13");
        assert_eq!(field("15.04.2025").date.unwrap().to_string(), "2025-04-15");
        assert_eq!(
            field("July 25, 2025").date.unwrap().to_string(),
            "2025-07-25"
        );
        assert_eq!(
            field("2026年7月29日").date.unwrap().to_string(),
            "2026-07-29"
        );
        assert_eq!(field("2026年7月").date.unwrap().to_string(), "2026-07");
        assert!(field("2026年13月1日").date.is_none());
    }

    #[test]
    fn dates_of_record_folders() {
        let rows = [
            (
                "dated folder",
                "docs/decision-records/2025-01-17-key-rotation/README.md",
                Some("2025-01-17"),
            ),
            (
                "index page",
                "records/2024-03-02-queues/index.md",
                Some("2024-03-02"),
            ),
            (
                "a record file",
                "docs/2025-01-17-key-rotation/notes.md",
                None,
            ),
            ("undated folder", "docs/key-rotation/README.md", None),
            ("no folder", "README.md", None),
        ];
        for (name, path, want) in rows {
            let got = folder_date(path)
                .and_then(|f| f.date)
                .map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{name}");
        }
    }

    #[test]
    fn month_precision_dates() {
        let rows = [
            ("ISO month", "2024-05", Some("2024-05")),
            ("slashed month", "2024/5", Some("2024-05")),
            ("English month name", "May 2024", Some("2024-05")),
            ("German month name", "Mai 2024", Some("2024-05")),
            ("abbreviated with a dot", "Sept. 2023", Some("2023-09")),
            ("month with a note", "2024-05 (kick-off)", Some("2024-05")),
            ("full date still a day", "May 3, 2024", Some("2024-05-03")),
            ("no such month", "2024-13", None),
            ("a version, not a month", "2024.05", None),
            ("a month without a year", "May", None),
        ];
        for (name, text, want) in rows {
            assert_eq!(
                field(text).date.map(|d| d.to_string()).as_deref(),
                want,
                "{name}"
            );
        }
        assert_eq!(
            field("2024-05 (kick-off)").note.as_deref(),
            Some("kick-off")
        );
    }

    #[test]
    fn dates_inside_status_lines() {
        let rows = [
            (
                "pipes",
                "**Accepted** | 2025-01-10 | Updated 2026-02-24",
                Some("2025-01-10"),
            ),
            ("brackets", "Accepted (2021-03-04)", Some("2021-03-04")),
            ("on", "Accepted on 2020-01-02", Some("2020-01-02")),
            ("dash", "Accepted — 2025-08-31.", Some("2025-08-31")),
            ("month", "Accepted in March 2022", Some("2022-03")),
            ("no date", "Superseded by [3. Foo](0003-foo.md)", None),
            ("only an update", "Accepted, last updated 2024-02-01", None),
        ];
        for (name, text, want) in rows {
            let (decided, _) = status_line_dates(text, 10);
            assert_eq!(
                decided
                    .and_then(|f| f.date)
                    .map(|d| d.to_string())
                    .as_deref(),
                want,
                "{name}"
            );
        }
        let (decided, updated) =
            status_line_dates("**Accepted** | 2025-01-10 | Updated 2026-02-24", 10);
        assert_eq!(decided.map(|f| f.span), Some(Span::new(25, 35)));
        assert_eq!(updated.map(|f| f.raw).as_deref(), Some("2026-02-24"));
    }
}
