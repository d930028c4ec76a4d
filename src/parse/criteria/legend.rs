//! Legends: `✅ = 3 (good), ⚠️ = 2 (acceptable), ❌ = 1 (poor)`, `Legend: ✅ = 3 ⚠️ = 2 ❌ = 1`,
//! weight levels (`Weights: Critical = 5, High = 3`), one `symbol = value` per list item, or
//! one bullet per mark with its points (`* ✅ Fully meets criterion (2 points)`). Each table
//! takes the legend nearest to it.

use super::cells::{is_symbolic, parse_rating, read_weight};
use crate::model::LegendEntry;
use crate::model::Span;
use crate::parse::markdown::{Block, Doc, Line};
use crate::parse::vocabulary::LEGEND_POINT_WORDS;

/// Every `symbol = number (label)` pair in a text, in order.
pub(crate) fn legend_entries(text: &str) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(eq) = text[from..].find('=').map(|i| i + from) {
        let left = &text[from..eq];
        let right = &text[eq + 1..];
        let symbol = left
            .split_whitespace()
            .map(|t| t.trim_matches(|c: char| matches!(c, ',' | ';' | ':' | '|' | '*' | '`')))
            .find(|t| !t.is_empty() && t.chars().count() <= 12 && is_legend_symbol(t));
        let trimmed = right.trim_start();
        let num: String = trimmed
            .char_indices()
            .take_while(|&(i, c)| {
                c.is_ascii_digit() || c == '.' || (i == 0 && matches!(c, '-' | '+' | '−'))
            })
            .map(|(_, c)| if c == '−' { '-' } else { c })
            .collect();
        let used = trimmed
            .char_indices()
            .nth(num.chars().count())
            .map_or(trimmed.len(), |(i, _)| i);
        let mut end = eq + 1 + (right.len() - trimmed.len()) + used;
        let after = &text[end..];
        let label = after
            .trim_start()
            .strip_prefix('(')
            .and_then(|r| r.find(')').map(|c| (r[..c].trim().to_string(), c)))
            .map(|(label, close)| {
                end += (after.len() - after.trim_start().len()) + 1 + close + 1;
                label
            });
        if let (Some(symbol), Some(value)) =
            (symbol, num.parse::<f64>().ok().filter(|v| v.is_finite()))
        {
            out.push(LegendEntry {
                symbol: symbol.to_string(),
                value,
                label: label.filter(|l| !l.is_empty()),
            });
        }
        from = end.max(eq + 1);
    }
    out
}

/// A rating mark, or a weight level named alone (`Critical`, `Must`).
fn is_legend_symbol(token: &str) -> bool {
    is_symbolic(&parse_rating(token).0) || {
        let w = read_weight(token, Span::default());
        w.level.is_some() && w.number.is_none()
    }
}

/// A legend written on one line (at least two entries), or nothing.
#[cfg(test)]
pub(crate) fn parse_legend(text: &str) -> Vec<LegendEntry> {
    let out = legend_entries(text);
    if out.len() >= 2 { out } else { Vec::new() }
}

/// Legends by top-level block index: a paragraph's lines or a list's items taken together,
/// kept when they give at least two entries.
pub(crate) fn find_legends(doc: &Doc) -> Vec<(usize, Vec<LegendEntry>)> {
    let mut out = Vec::new();
    for (i, block) in doc.blocks.iter().enumerate() {
        let mut lines: Vec<&Line> = Vec::new();
        collect_lines(block, &mut lines);
        let entries: Vec<LegendEntry> = lines
            .iter()
            .flat_map(|l| {
                if l.text.contains('=') {
                    legend_entries(&l.text)
                } else {
                    bullet_entry(&l.text).into_iter().collect()
                }
            })
            .collect();
        if entries.len() >= 2 {
            out.push((i, entries));
        }
    }
    out
}

/// A mark, its label and its points on one line: `✅ Fully meets criterion (2 points)`,
/// `⚠️ Partially meets: 1 point`, `❌ Does not meet (0)`. The number must be bracketed alone
/// or carry a point unit, so a pros list (`✅ Fast setup (5 minutes)`) is no legend.
fn bullet_entry(text: &str) -> Option<LegendEntry> {
    let t = text.trim();
    let token = t.split_whitespace().next()?;
    let symbol = token.trim_matches(|c: char| matches!(c, '*' | '`' | ':' | ','));
    let rest = &t[token.len()..];
    // The cheap tests first: most lines have no digit after their first word.
    let at = rest.find(|c: char| c.is_ascii_digit())?;
    if symbol.is_empty() || t.split_whitespace().count() > 12 || !is_legend_symbol(symbol) {
        return None;
    }
    let before = rest[..at].trim_end();
    let unsigned = before
        .strip_suffix(['-', '−'])
        .filter(|b| b.ends_with([' ', '(']));
    let negative = unsigned.is_some();
    let before = unsigned.map_or(before, str::trim_end);
    let num: String = rest[at..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let after = rest[at + num.len()..].trim_start();
    let unit = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let has_unit = LEGEND_POINT_WORDS.contains(&unit.as_str());
    let alone_in_brackets = before.ends_with('(') && after.starts_with(')');
    let after_separator = before.ends_with([':', '–', '—', '→']) && (has_unit || after.is_empty());
    if !(has_unit && before.ends_with('(') || alone_in_brackets || after_separator) {
        return None;
    }
    let value = super::cells::finite_number(&num)?;
    let label = before
        .trim_end_matches(['(', ':', '–', '—', '→', ' '])
        .trim()
        .trim_matches(|c: char| matches!(c, '*' | '_' | '-' | '–' | ' '))
        .to_string();
    Some(LegendEntry {
        symbol: symbol.to_string(),
        value: if negative { -value } else { value },
        label: (!label.is_empty()).then_some(label),
    })
}

fn collect_lines<'d>(block: &'d Block, out: &mut Vec<&'d Line>) {
    match block {
        Block::Paragraph { lines, .. } => out.extend(lines),
        Block::List { items, .. } => {
            for item in items {
                out.extend(item.lines());
            }
        }
        Block::Quote { blocks, .. } => blocks.iter().for_each(|b| collect_lines(b, out)),
        _ => {}
    }
}

/// The legend nearest to the table at block `table`, preferring one that follows it.
pub(crate) fn nearest_legend(
    legends: &[(usize, Vec<LegendEntry>)],
    table: usize,
) -> Vec<LegendEntry> {
    legends
        .iter()
        .min_by_key(|(i, _)| (i.abs_diff(table), *i < table))
        .map(|(_, l)| l.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(String, f64, Option<String>)> {
        parse_legend(text)
            .into_iter()
            .map(|e| (e.symbol, e.value, e.label))
            .collect()
    }

    #[test]
    fn legends() {
        type Entry = (String, f64, Option<String>);
        let good = |v: f64, l: Option<&str>| ("✅".to_string(), v, l.map(str::to_string));
        let cases: &[(&str, usize, Entry)] = &[
            (
                "✅ = 3 (good), ⚠️ = 2 (acceptable), ❌ = 1 (poor)",
                3,
                good(3.0, Some("good")),
            ),
            ("Legend: ✅ = 3 ⚠️ = 2 ❌ = 1", 3, good(3.0, None)),
            ("✅ Good = 2; ⚠️ Partial = 1; ❌ No = 0", 3, good(2.0, None)),
            ("**Legend:** Yes = 1, No = 0", 2, ("Yes".into(), 1.0, None)),
            ("+ = 1, S = 0, - = -1", 3, ("+".into(), 1.0, None)),
        ];
        for (text, len, first) in cases {
            let got = pairs(text);
            assert_eq!(got.len(), *len, "{text}: {got:?}");
            assert_eq!(&got[0], first, "{text}");
        }
        assert!((pairs("+ = 1, S = 0, - = -1")[2].1 + 1.0).abs() < f64::EPSILON);
        assert_eq!(pairs("✅ = 3 (good), ⚠️ = 2 (acceptable)")[1].0, "⚠️");
        let weights = pairs("Weights: Critical = 5, High = 3, Medium = 2, Low = 1.");
        assert_eq!(weights.len(), 4);
        assert_eq!((weights[3].0.as_str(), weights[3].1), ("Low", 1.0));
        assert!(parse_legend("x = 5").is_empty());
        assert!(parse_legend("where a = b and c = d").is_empty());
        assert!(parse_legend("✅ = 3").is_empty());
    }

    #[test]
    fn bullet_legends() {
        let entry = |text: &str| bullet_entry(text).map(|e| (e.symbol, e.value, e.label));
        let some = |s: &str, v: f64, l: &str| Some((s.to_string(), v, Some(l.to_string())));
        let cases = [
            (
                "✅ Fully meets criterion (2 points)",
                some("✅", 2.0, "Fully meets criterion"),
            ),
            (
                "⚠️ Partially meets (1 point)",
                some("⚠️", 1.0, "Partially meets"),
            ),
            ("❌ Does not meet (0)", some("❌", 0.0, "Does not meet")),
            ("**🟡** Partial: 1 pt", some("🟡", 1.0, "Partial")),
            (
                "❌ Blocks the launch (-2 points)",
                some("❌", -2.0, "Blocks the launch"),
            ),
            (
                "❌ Blocks the launch – -2 points",
                some("❌", -2.0, "Blocks the launch"),
            ),
            ("✅ Fast setup (5 minutes)", None),
            ("✅ Supports 3 regions", None),
            ("Render costs 7 dollars (2 points)", None),
        ];
        for (text, want) in cases {
            assert_eq!(entry(text), want, "{text}");
        }
    }
}
