//! Scorecards as text: a terminal report with bars (`human`), a markdown table ready to paste
//! into the record (`markdown`), and the stable JSON documented in `docs/score.md` (`json`).
//! Printing is the CLI's job.

mod human;
mod json;
mod markdown;

pub use human::to_human;
pub use json::{SCORE_JSON_VERSION, to_json};
pub use markdown::to_markdown;

use std::fmt::Write as _;

use super::scale::{ScaleKind, ValueSource};
use super::weights::WeightKind;
use super::{CostComparison, CriterionScore, Scorecard, fmt_plain};

/// Columns a character takes in a terminal: emoji and East Asian wide characters take two.
pub(super) fn char_width(c: char, next: Option<char>) -> usize {
    let cp = c as u32;
    if matches!(cp, 0xFE00..=0xFE0F | 0x200D | 0x0300..=0x036F) {
        return 0;
    }
    let wide = matches!(cp,
        0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFF00..=0xFF60
        | 0x1F300..=0x1FAFF | 0x2705 | 0x274C | 0x26D4 | 0x2B50 | 0x23F0..=0x23F3);
    if wide || next == Some('\u{fe0f}') {
        2
    } else {
        1
    }
}

pub(super) fn width(s: &str) -> usize {
    let chars: Vec<char> = s.chars().collect();
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| char_width(c, chars.get(i + 1).copied()))
        .sum()
}

/// Pads to a display width.
pub(super) fn pad(s: &str, w: usize) -> String {
    let mut out = s.to_string();
    out.push_str(&" ".repeat(w.saturating_sub(width(s))));
    out
}

/// Cuts a cell to at most `max` columns, ending in `…` when cut.
pub(super) fn clip(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if width(&out) + width(&c.to_string()) + 1 > max {
            break;
        }
        out.push(c);
    }
    out.trim_end().to_string() + "…"
}

pub(super) fn grid(rows: &[Vec<String>], indent: &str) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            rows.iter()
                .filter_map(|r| r.get(c))
                .map(|s| width(s))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for row in rows {
        let line: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, s)| pad(s, widths[c]))
            .collect();
        let _ = writeln!(out, "{indent}{}", line.join("  ").trim_end());
    }
    out
}

pub(super) fn scale_line(card: &Scorecard) -> String {
    let s = &card.scale;
    let ratings = match s.kind {
        ScaleKind::Symbols | ScaleKind::None => s
            .levels
            .iter()
            .map(|l| format!("{} = {}", l.label, fmt_plain(l.value)))
            .collect::<Vec<_>>()
            .join(", "),
        ScaleKind::Numbers => format!("numbers {}–{}", fmt_plain(s.min), fmt_plain(s.max)),
        ScaleKind::Stars => format!("stars 0–{}", fmt_plain(s.max)),
        ScaleKind::Pugh => format!(
            "Pugh +/S/− against {}",
            s.baseline.as_deref().unwrap_or("no baseline found")
        ),
    };
    let source = match s.source {
        ValueSource::Legend => " (from the record's legend)",
        ValueSource::Config => " (docket's scale)",
        ValueSource::Cells => "",
    };
    let w = &card.weights;
    let weights = match w.kind {
        WeightKind::Levels | WeightKind::Mixed => format!(
            "Critical = {}, High = {}, Medium = {}, Low = {}{}",
            fmt_plain(w.critical),
            fmt_plain(w.high),
            fmt_plain(w.medium),
            fmt_plain(w.low),
            if w.source == ValueSource::Legend {
                " (from the legend)"
            } else {
                ""
            }
        ),
        WeightKind::Numbers => "numbers as written".to_string(),
        WeightKind::Fractions => "fractions".to_string(),
        WeightKind::Percentages => "percentages".to_string(),
        WeightKind::Unweighted => "none (each criterion counts 1)".to_string(),
    };
    let gate = if card.gate && card.criteria.iter().any(|c| c.gated) {
        " · Critical gate on"
    } else {
        ""
    };
    format!("Ratings: {ratings}{source} · Weights: {weights}{gate}")
}

pub(super) fn weight_cell(c: &CriterionScore) -> String {
    match &c.weight {
        None => String::new(),
        Some(w) => {
            let value = w.value.map_or_else(|| "?".to_string(), fmt_plain);
            let mut s = if w.level.is_some()
                && w.raw.chars().any(char::is_alphabetic)
                && !w.raw.contains(&value)
            {
                format!("{} ({value})", w.raw)
            } else {
                w.raw.clone()
            };
            if w.overridden {
                s.push_str(" (what-if)");
            }
            s
        }
    }
}

pub(super) fn costs_rows(costs: &CostComparison) -> Vec<Vec<String>> {
    let mut head = vec!["Per month".to_string()];
    head.extend(costs.phases.iter().cloned());
    let mut rows = vec![head];
    for o in &costs.options {
        let mut row = vec![clip(&o.option, 24)];
        row.extend(o.phases.iter().map(|p| {
            let Some(p) = p else { return "–".to_string() };
            let once = p.one_off.as_ref().map(|o| format!("{} once", o.to_text()));
            match (&p.monthly, once) {
                (Some(m), Some(once)) => format!("{} + {once}", m.to_text()),
                (Some(m), None) => m.to_text(),
                (None, Some(once)) => once,
                (None, None) => "?".to_string(),
            }
        }));
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_count_emoji_as_two() {
        let cases = [
            ("abc", 3),
            ("✅", 2),
            ("⚠️", 2),
            ("❌ No", 5),
            ("★★☆", 3),
            ("é", 1),
        ];
        for (s, w) in cases {
            assert_eq!(width(s), w, "{s}");
        }
    }
}
