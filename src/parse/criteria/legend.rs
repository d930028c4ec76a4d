//! Legends: `✅ = 3 (good), ⚠️ = 2 (acceptable), ❌ = 1 (poor)`, `Legend: ✅ = 3 ⚠️ = 2 ❌ = 1`,
//! weight levels (`Weights: Critical = 5, High = 3`), or one `symbol = value` per list item.
//! Each table takes the legend nearest to it.

use super::cells::{is_symbolic, parse_rating, read_weight};
use crate::model::LegendEntry;
use crate::model::Span;
use crate::parse::markdown::{Block, Doc, Line};

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
            .filter(|l| l.text.contains('='))
            .flat_map(|l| legend_entries(&l.text))
            .collect();
        if entries.len() >= 2 {
            out.push((i, entries));
        }
    }
    out
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
}
