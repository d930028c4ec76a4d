//! Reading one cell of a criteria table: a weight (`Critical`, `3`, `0.3`, `30%`, `High (4)`) or
//! a rating (`✅ Yes`, `⚠️ Manual`, `7/10`, `7 (28)`, `★★★☆☆`, `+`, `S`, `Good`). What the marks
//! are worth is `score`'s job.

use crate::model::{RatingMark, Span, Weight, WeightLevel};
use crate::parse::vocabulary::MARK_WORDS;

/// Symbols that open a rating cell, longest spelling first where one is the prefix of another.
/// They share glyphs with the pro / con markers of `text.rs`, which read a line's polarity,
/// not a rating, so the two tables stay apart.
const MARK_SYMBOLS: &[(&str, RatingMark)] = &[
    ("✅", RatingMark::Good),
    ("✔️", RatingMark::Good),
    ("✔", RatingMark::Good),
    ("✓", RatingMark::Good),
    ("☑️", RatingMark::Good),
    ("☑", RatingMark::Good),
    ("🟢", RatingMark::Good),
    ("🆗", RatingMark::Good),
    ("⚠️", RatingMark::Partial),
    ("⚠", RatingMark::Partial),
    ("🟡", RatingMark::Partial),
    ("🟠", RatingMark::Partial),
    ("🔶", RatingMark::Partial),
    // `🔄` marks support through a workaround or still in progress: partly there.
    ("🔄", RatingMark::Partial),
    ("❌", RatingMark::Bad),
    ("✖️", RatingMark::Bad),
    ("✖", RatingMark::Bad),
    ("✗", RatingMark::Bad),
    ("✘", RatingMark::Bad),
    ("🔴", RatingMark::Bad),
    ("⛔", RatingMark::Bad),
    ("🚫", RatingMark::Bad),
    // A question mark says the rating is not known: no rating at all.
    ("❓", RatingMark::Unknown),
    ("❔", RatingMark::Unknown),
];

/// Lower-case quality words a cell may rate with when it has no symbol.
const QUALITY_WORDS: &[&str] = &[
    "excellent",
    "good",
    "fair",
    "poor",
    "average",
    "bad",
    "great",
    "ok",
    "okay",
];

/// Reads a weight written as text; `span` is where it is.
pub(crate) fn read_weight(text: &str, span: Span) -> Weight {
    let raw = text.trim().to_string();
    let lower = raw.to_lowercase();
    let word = lower
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .next()
        .unwrap_or("");
    let level = match word {
        "critical" | "must" | "essential" | "mandatory" => Some(WeightLevel::Critical),
        "high" | "should" | "important" => Some(WeightLevel::High),
        "medium" | "med" | "moderate" | "could" => Some(WeightLevel::Medium),
        "low" | "minor" | "nice" => Some(WeightLevel::Low),
        _ => None,
    };
    // `Critical (10)` and `High ×4` give the level's number; a bare number is the weight.
    let number_text = if level.is_some() {
        lower[word.len()..].trim_start_matches(|c: char| c.is_alphabetic() || c == '-')
    } else {
        lower.as_str()
    };
    let trimmed = number_text
        .trim()
        .trim_start_matches(['(', '['])
        .trim_start_matches(['x', '×'])
        .trim();
    let num: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let after = trimmed[num.len()..].trim_start();
    let percent = after.starts_with('%');
    let ends_cleanly = after.is_empty()
        || percent
        || after.starts_with(['x', '×', '/', '(', ')', ']', ' ', '-', '–']);
    let number = if !num.is_empty() && ends_cleanly {
        finite_number(&num)
    } else {
        None
    };
    Weight {
        raw,
        level,
        number,
        percent: percent && number.is_some(),
        span,
    }
}

/// Reads a rating cell into a mark and the words after it.
pub(crate) fn parse_rating(text: &str) -> (RatingMark, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return (RatingMark::Empty, None);
    }
    if t == "?" {
        return (RatingMark::Unknown, None);
    }
    for (sym, mark) in MARK_SYMBOLS {
        if let Some(rest) = t.strip_prefix(sym) {
            let rest = rest
                .trim_start_matches('\u{fe0f}')
                .trim_start_matches([' ', '-', '–', ':', ','])
                .trim();
            return (mark.clone(), (!rest.is_empty()).then(|| rest.to_string()));
        }
    }
    if let Some((stars, note)) = parse_stars(t) {
        return (stars, note);
    }
    if let Some(pugh) = parse_pugh(t) {
        return (pugh, None);
    }
    if let Some((number, note)) = parse_number_rating(t) {
        return (number, note);
    }
    // ASCII lower-casing keeps byte offsets, which index `t` below.
    let lower = t.to_ascii_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let rest = t[first.len().min(t.len())..]
        .trim_start_matches([' ', ',', '-', '–', ':'])
        .trim();
    let note = (!rest.is_empty()).then(|| rest.to_string());
    if first == "same" {
        return (RatingMark::Same, note);
    }
    if let Some((_, mark)) = MARK_WORDS.iter().find(|(w, _)| *w == first) {
        return (mark.clone(), note);
    }
    if QUALITY_WORDS.contains(&first) {
        return (
            RatingMark::Word {
                word: first.to_string(),
            },
            note,
        );
    }
    (RatingMark::Unrecognised, None)
}

/// `★★★☆☆`, or `⭐⭐⭐` where only filled stars are written, maybe followed by words
/// (`⭐⭐⭐ Medium`).
fn parse_stars(t: &str) -> Option<(RatingMark, Option<String>)> {
    let is_star = |c: char| matches!(c, '★' | '☆' | '⭐' | '\u{fe0f}');
    let end = t.find(|c: char| !is_star(c)).unwrap_or(t.len());
    let stars = &t[..end];
    let rest = t[end..].trim();
    // `⭐Recommended` glued to a word is a highlight, not a rating.
    if stars.trim_matches('\u{fe0f}').is_empty() || (!rest.is_empty() && !t[end..].starts_with(' '))
    {
        return None;
    }
    let filled = stars.chars().filter(|c| matches!(c, '★' | '⭐')).count() as u32;
    let total = stars.chars().filter(|c| *c != '\u{fe0f}').count() as u32;
    let note = rest
        .trim_start_matches(['-', '–', ':', ','])
        .trim()
        .to_string();
    Some((
        RatingMark::Stars { filled, total },
        (!note.is_empty()).then_some(note),
    ))
}

/// Pugh marks: `+`, `++`, `+2`, `-`, `−`, `--`, `-1`, `S`, `=`.
fn parse_pugh(t: &str) -> Option<RatingMark> {
    if t == "S" || t == "s" || t == "=" {
        return Some(RatingMark::Same);
    }
    let is_minus = |c: char| matches!(c, '-' | '−' | '–');
    if t.chars().all(|c| c == '+') {
        return Some(RatingMark::Plus {
            count: t.len() as u32,
        });
    }
    if t.chars().all(is_minus) {
        return Some(RatingMark::Minus {
            count: t.chars().count() as u32,
        });
    }
    let first = t.chars().next()?;
    let digits = &t[first.len_utf8()..];
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let count: u32 = digits.parse().ok()?;
    if first == '+' {
        Some(RatingMark::Plus { count })
    } else if is_minus(first) {
        Some(RatingMark::Minus { count })
    } else {
        None
    }
}

/// `7`, `7/10`, `4.5`, `80%`, `7 (28)`, `3 (good)`: a number, a bracketed note kept.
fn parse_number_rating(t: &str) -> Option<(RatingMark, Option<String>)> {
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if num.is_empty() || num.starts_with('.') {
        return None;
    }
    let value = finite_number(&num)?;
    let mut rest = t[num.len()..].trim_start();
    let mut out_of = None;
    if let Some(r) = rest.strip_prefix('/') {
        let r = r.trim_start();
        let max: String = r
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.')
            .collect();
        out_of = Some(max.parse::<f64>().ok().filter(|v| v.is_finite())?);
        rest = r[max.len()..].trim_start();
    } else if let Some(r) = rest.strip_prefix('%') {
        out_of = Some(100.0);
        rest = r.trim_start();
    }
    let mut weighted = None;
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.split_once(')'))
        && let Ok(w) = inner.0.trim().trim_start_matches(['=', '→']).trim().parse()
    {
        weighted = Some(w);
        rest = inner.1.trim_start();
    }
    // `3 (good)` is a number with a note; `24/7 uptime`, `2 GB` and `3rd` are not ratings.
    let note = if rest.is_empty() {
        None
    } else if rest.starts_with('(') && rest.ends_with(')') {
        Some(rest.to_string())
    } else {
        return None;
    };
    Some((
        RatingMark::Number {
            value,
            out_of,
            weighted,
        },
        note,
    ))
}

/// The first number in a cell (`**38**`, `38 / 39`, `4.2 (84%)`).
pub(crate) fn number_of(text: &str) -> Option<f64> {
    let t = text.trim().trim_matches('*');
    let num: String = t
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let value = finite_number(&num)?;
    // A minus sign right before the digits (Pugh net scores) makes the total negative.
    let before: String = t.chars().take_while(|c| !c.is_ascii_digit()).collect();
    if before.trim_end().ends_with(['-', '−', '–']) {
        Some(-value)
    } else {
        Some(value)
    }
}

/// Whether a mark says something (not empty, not unrecognised). `❓` says the rating is
/// unknown, which is something a criteria table says.
pub(crate) fn is_symbolic(mark: &RatingMark) -> bool {
    !matches!(mark, RatingMark::Unrecognised | RatingMark::Empty)
}

/// A run of digits read as a finite number, a trailing full stop ignored (`7.` = 7).
pub(super) fn finite_number(digits: &str) -> Option<f64> {
    digits
        .trim_end_matches('.')
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn number(value: f64, out_of: Option<f64>, weighted: Option<f64>) -> RatingMark {
        RatingMark::Number {
            value,
            out_of,
            weighted,
        }
    }

    #[test]
    fn ratings() {
        let cases: &[(&str, RatingMark, Option<&str>)] = &[
            ("✅ Yes", RatingMark::Good, Some("Yes")),
            ("⚠️ Manual", RatingMark::Partial, Some("Manual")),
            ("❌", RatingMark::Bad, None),
            ("✓", RatingMark::Good, None),
            ("Yes", RatingMark::Good, None),
            ("No - not yet", RatingMark::Bad, Some("not yet")),
            ("Partial", RatingMark::Partial, None),
            (
                "★★★☆☆",
                RatingMark::Stars {
                    filled: 3,
                    total: 5,
                },
                None,
            ),
            (
                "⭐⭐⭐",
                RatingMark::Stars {
                    filled: 3,
                    total: 3,
                },
                None,
            ),
            ("+", RatingMark::Plus { count: 1 }, None),
            ("++", RatingMark::Plus { count: 2 }, None),
            ("+2", RatingMark::Plus { count: 2 }, None),
            ("S", RatingMark::Same, None),
            ("Same", RatingMark::Same, None),
            ("--", RatingMark::Minus { count: 2 }, None),
            ("−", RatingMark::Minus { count: 1 }, None),
            ("-1", RatingMark::Minus { count: 1 }, None),
            (
                "Excellent",
                RatingMark::Word {
                    word: "excellent".into(),
                },
                None,
            ),
            ("7", number(7.0, None, None), None),
            ("7/10", number(7.0, Some(10.0), None), None),
            ("7 / 10", number(7.0, Some(10.0), None), None),
            ("7 (28)", number(7.0, None, Some(28.0)), None),
            ("80%", number(80.0, Some(100.0), None), None),
            ("3 (good)", number(3.0, None, None), Some("(good)")),
            ("24/7 uptime", RatingMark::Unrecognised, None),
            ("2 GB", RatingMark::Unrecognised, None),
            ("3rd", RatingMark::Unrecognised, None),
            ("banana", RatingMark::Unrecognised, None),
            ("🟡 Beta", RatingMark::Partial, Some("Beta")),
            ("🔄 via plugin", RatingMark::Partial, Some("via plugin")),
            ("🟢", RatingMark::Good, None),
            ("🔴 No", RatingMark::Bad, Some("No")),
            ("✔️ Yes", RatingMark::Good, Some("Yes")),
            ("✖️", RatingMark::Bad, None),
            ("❓", RatingMark::Unknown, None),
            ("❓ Unverified", RatingMark::Unknown, Some("Unverified")),
            ("?", RatingMark::Unknown, None),
            ("Unknown", RatingMark::Unknown, None),
            ("TBD", RatingMark::Unknown, None),
            ("2", number(2.0, None, None), None),
            (
                "⭐⭐⭐ Medium",
                RatingMark::Stars {
                    filled: 3,
                    total: 3,
                },
                Some("Medium"),
            ),
            (
                "⭐️⭐️",
                RatingMark::Stars {
                    filled: 2,
                    total: 2,
                },
                None,
            ),
            ("⭐Recommended", RatingMark::Unrecognised, None),
            ("", RatingMark::Empty, None),
        ];
        for (text, mark, note) in cases {
            let (m, n) = parse_rating(text);
            assert_eq!(&m, mark, "{text}");
            assert_eq!(n.as_deref(), *note, "{text}");
        }
    }

    #[test]
    fn weights() {
        let cases: &[(&str, Option<WeightLevel>, Option<f64>, bool)] = &[
            ("Critical", Some(WeightLevel::Critical), None, false),
            ("Must", Some(WeightLevel::Critical), None, false),
            ("Should have", Some(WeightLevel::High), None, false),
            ("Could", Some(WeightLevel::Medium), None, false),
            (
                "Critical (10)",
                Some(WeightLevel::Critical),
                Some(10.0),
                false,
            ),
            ("3", None, Some(3.0), false),
            ("x3", None, Some(3.0), false),
            ("3x", None, Some(3.0), false),
            ("0.25", None, Some(0.25), false),
            ("30%", None, Some(30.0), true),
            ("30 %", None, Some(30.0), true),
            ("-", None, None, false),
            ("TBD", None, None, false),
            ("3rd", None, None, false),
        ];
        for (text, level, number, percent) in cases {
            let w = read_weight(text, Span::default());
            assert_eq!(
                (w.level, w.number, w.percent),
                (*level, *number, *percent),
                "{text}"
            );
        }
    }

    #[test]
    fn stated_numbers() {
        assert_eq!(number_of("**38**"), Some(38.0));
        assert_eq!(number_of("4.2 (84%)"), Some(4.2));
        assert_eq!(number_of("-3"), Some(-3.0));
        assert_eq!(number_of("Low"), None);
    }
}
