//! Criteria tables: finds weighted decision matrices in a record (criteria as rows with a weight
//! column, options as rows with a `Weight` row, or a weights table plus a scores table) and reads
//! weights, rating cells, stated totals and the legend. Scoring them is `score`'s job.

use super::markdown::{Block, Doc, Line};
use super::sections::Sec;
use super::text::normalise_key;
use crate::model::{
    CriteriaTable, Criterion, LegendEntry, Rating, RatingMark, Span, StatedTotal, TableLayout,
    Weight, WeightLevel, Winner,
};

fn is_weight_header(key: &str) -> bool {
    matches!(
        key.split(' ').next().unwrap_or(""),
        "weight" | "weighting" | "weights" | "importance" | "priority"
    )
}

fn is_total_key(key: &str) -> bool {
    let k = key.trim();
    k.starts_with("total")
        || k.starts_with("overall")
        || k.starts_with("weighted")
        || k == "score"
        || k == "scores"
        || k == "sum"
        || k == "result"
}

fn is_notes_key(key: &str) -> bool {
    [
        "note",
        "notes",
        "comment",
        "comments",
        "description",
        "rationale",
        "details",
        "why",
    ]
    .contains(&key)
}

/// Reads a weight cell.
pub(crate) fn parse_weight(cell: &Line) -> Weight {
    let raw = cell.text.trim().to_string();
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
    let trimmed = lower.trim_start_matches(['x', '×']).trim();
    let num: String = trimmed
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let after = trimmed[num.len()..].trim_start();
    let percent = after.starts_with('%');
    let number = if level.is_none()
        && !num.is_empty()
        && (after.is_empty() || percent || after.starts_with(['x', '×', '/', '(', ' ']))
    {
        num.parse().ok().filter(|v: &f64| v.is_finite())
    } else {
        None
    };
    Weight {
        raw,
        level,
        number,
        percent,
        span: cell.span,
    }
}

/// Reads a rating cell into a mark and the words after it.
pub(crate) fn parse_rating(text: &str) -> (RatingMark, Option<String>) {
    let t = text.trim();
    if t.is_empty() {
        return (RatingMark::Empty, None);
    }
    let symbols: &[(&str, RatingMark)] = &[
        ("✅", RatingMark::Good),
        ("✔️", RatingMark::Good),
        ("✔", RatingMark::Good),
        ("☑️", RatingMark::Good),
        ("🟢", RatingMark::Good),
        ("⚠️", RatingMark::Partial),
        ("⚠", RatingMark::Partial),
        ("🟡", RatingMark::Partial),
        ("🟠", RatingMark::Partial),
        ("❌", RatingMark::Bad),
        ("✖️", RatingMark::Bad),
        ("✖", RatingMark::Bad),
        ("✗", RatingMark::Bad),
        ("🔴", RatingMark::Bad),
        ("⛔", RatingMark::Bad),
    ];
    for (sym, mark) in symbols {
        if let Some(rest) = t.strip_prefix(sym) {
            let rest = rest.trim_start_matches('\u{fe0f}').trim();
            return (mark.clone(), (!rest.is_empty()).then(|| rest.to_string()));
        }
    }
    if t.starts_with(['★', '☆']) {
        let filled = t.chars().filter(|c| *c == '★').count() as u32;
        let total = t.chars().filter(|c| matches!(c, '★' | '☆')).count() as u32;
        return (RatingMark::Stars { filled, total }, None);
    }
    if t.chars().all(|c| c == '+') {
        return (
            RatingMark::Plus {
                count: t.len() as u32,
            },
            None,
        );
    }
    if t.chars().all(|c| matches!(c, '-' | '−' | '–')) {
        return (
            RatingMark::Minus {
                count: t.chars().count() as u32,
            },
            None,
        );
    }
    if t == "S" || t == "s" {
        return (RatingMark::Same, None);
    }
    if let Some(number) = parse_number_rating(t) {
        return (number, None);
    }
    let lower = t.to_ascii_lowercase();
    let first = lower
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let rest = t[first.len().min(t.len())..]
        .trim_start_matches([' ', ',', '-', '–', ':'])
        .trim();
    let note = (!rest.is_empty()).then(|| rest.to_string());
    match first {
        "yes" | "y" => (RatingMark::Good, note),
        "no" | "n" => (RatingMark::Bad, note),
        "partial" | "partially" | "partly" | "limited" => (RatingMark::Partial, note),
        "excellent" | "good" | "fair" | "poor" | "average" | "bad" | "great" | "ok" | "okay" => (
            RatingMark::Word {
                word: first.to_string(),
            },
            note,
        ),
        _ => (RatingMark::Unrecognised, None),
    }
}

/// `7`, `7/10`, `4.5`, `7 (28)`.
fn parse_number_rating(t: &str) -> Option<RatingMark> {
    let num: String = t
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    if num.is_empty() {
        return None;
    }
    let value: f64 = num.parse().ok().filter(|v: &f64| v.is_finite())?;
    let rest = t[num.len()..].trim();
    if rest.is_empty() {
        return Some(RatingMark::Number {
            value,
            out_of: None,
            weighted: None,
        });
    }
    if let Some(max) = rest.strip_prefix('/') {
        let max: f64 = max.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        return Some(RatingMark::Number {
            value,
            out_of: Some(max),
            weighted: None,
        });
    }
    if let Some(inner) = rest.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        let weighted: f64 = inner.trim().parse().ok().filter(|v: &f64| v.is_finite())?;
        return Some(RatingMark::Number {
            value,
            out_of: None,
            weighted: Some(weighted),
        });
    }
    None
}

fn rating(option: &str, cell: &Line) -> Rating {
    let (mark, note) = parse_rating(&cell.text);
    Rating {
        option: option.to_string(),
        raw: cell.text.trim().to_string(),
        mark,
        note,
        span: cell.span,
    }
}

fn is_symbolic(mark: &RatingMark) -> bool {
    !matches!(mark, RatingMark::Unrecognised | RatingMark::Empty)
}

fn number_of(text: &str) -> Option<f64> {
    let t = text.trim().trim_matches('*');
    let num: String = t
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    num.trim_end_matches('.')
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

/// Finds criteria tables, in document order.
pub(crate) fn find_criteria(
    doc: &Doc,
    secs: &[Sec<'_>],
    legend: &[LegendEntry],
    winner: Option<&Winner>,
) -> Vec<CriteriaTable> {
    let mut out = Vec::new();
    let mut weights_table: Option<Vec<(String, Weight)>> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Table { head, rows, span } = block else {
            continue;
        };
        let heading = secs
            .iter()
            .rev()
            .find(|s| s.heading < i)
            .map(|s| s.line.text.clone());
        let keys: Vec<String> = head.iter().map(|c| normalise_key(&c.text)).collect();
        let weight_col = keys.iter().position(|k| is_weight_header(k));
        let table = if let Some(w) = weight_col.filter(|_| head.len() >= 3) {
            criteria_rows(head, rows, &keys, Some(w), *span)
        } else if weight_col == Some(1) && head.len() == 2 {
            weights_table = Some(
                rows.iter()
                    .filter_map(|r| {
                        Some((normalise_key(&r.first()?.text), parse_weight(r.get(1)?)))
                    })
                    .collect(),
            );
            None
        } else if rows.iter().any(|r| {
            r.first()
                .is_some_and(|c| is_weight_header(&normalise_key(&c.text)))
        }) {
            option_rows(head, rows, &keys, *span)
        } else {
            let mut t = criteria_rows(head, rows, &keys, None, *span);
            if let (Some(table), Some(weights)) = (t.as_mut(), weights_table.as_ref()) {
                let mut matched = 0;
                for c in &mut table.criteria {
                    if let Some((_, w)) = weights.iter().find(|(n, _)| *n == normalise_key(&c.name))
                    {
                        c.weight = Some(w.clone());
                        matched += 1;
                    }
                }
                if matched > 0 {
                    table.layout = TableLayout::SeparateWeights;
                }
            }
            t.filter(|t| {
                // Without weights a table is a criteria table only when its cells are ratings.
                let cells: Vec<&Rating> = t.criteria.iter().flat_map(|c| &c.ratings).collect();
                let symbolic = cells
                    .iter()
                    .filter(|r| {
                        matches!(
                            r.mark,
                            RatingMark::Good
                                | RatingMark::Partial
                                | RatingMark::Bad
                                | RatingMark::Stars { .. }
                                | RatingMark::Plus { .. }
                                | RatingMark::Minus { .. }
                                | RatingMark::Same
                        )
                    })
                    .count();
                t.layout == TableLayout::SeparateWeights
                    || (cells.len() >= 4
                        && symbolic * 10 >= cells.len() * 8
                        && heading_suggests_matrix(heading.as_deref()))
            })
        };
        if let Some(mut table) = table {
            table.heading = heading;
            table.legend = legend.to_vec();
            table.winner = winner.cloned();
            out.push(table);
        }
    }
    out
}

fn heading_suggests_matrix(heading: Option<&str>) -> bool {
    let h = heading.unwrap_or("").to_lowercase();
    [
        "criteria",
        "matrix",
        "comparison",
        "evaluation",
        "scor",
        "assessment",
        "decision",
        "trade",
        "compar",
        "rating",
    ]
    .iter()
    .any(|w| h.contains(w))
}

/// Criteria as rows: `| Criterion | Weight | A | B |`.
fn criteria_rows(
    head: &[Line],
    rows: &[Vec<Line>],
    keys: &[String],
    weight_col: Option<usize>,
    span: Span,
) -> Option<CriteriaTable> {
    if head.len() < 3 {
        return None;
    }
    let option_cols: Vec<usize> = (1..head.len())
        .filter(|&c| Some(c) != weight_col && !is_notes_key(&keys[c]) && !is_total_key(&keys[c]))
        .collect();
    if option_cols.is_empty() {
        return None;
    }
    let options: Vec<String> = option_cols
        .iter()
        .map(|&c| head[c].text.trim().to_string())
        .collect();
    let mut criteria = Vec::new();
    let mut stated_totals = Vec::new();
    for row in rows {
        let Some(name_cell) = row.first() else {
            continue;
        };
        let name_key = normalise_key(&name_cell.text);
        if is_total_key(&name_key) {
            for (&c, option) in option_cols.iter().zip(&options) {
                if let Some(cell) = row.get(c) {
                    stated_totals.push(StatedTotal {
                        option: option.clone(),
                        raw: cell.text.trim().to_string(),
                        value: number_of(&cell.text),
                        span: cell.span,
                    });
                }
            }
            continue;
        }
        if name_cell.text.trim().is_empty() {
            continue;
        }
        let ratings = option_cols
            .iter()
            .zip(&options)
            .map(|(&c, option)| {
                row.get(c).map_or_else(
                    || missing_cell(option, name_cell.span),
                    |cell| rating(option, cell),
                )
            })
            .collect();
        criteria.push(Criterion {
            name: name_cell.text.trim().to_string(),
            span: name_cell.span,
            weight: weight_col.and_then(|w| row.get(w)).map(parse_weight),
            ratings,
        });
    }
    if criteria.is_empty() {
        return None;
    }
    if weight_col.is_some() {
        // A weight column alone is not enough: most cells must read as ratings.
        let cells: Vec<&Rating> = criteria.iter().flat_map(|c| &c.ratings).collect();
        let known = cells.iter().filter(|r| is_symbolic(&r.mark)).count();
        if known * 2 < cells.len() {
            return None;
        }
    }
    Some(CriteriaTable {
        layout: TableLayout::CriteriaRows,
        heading: None,
        options,
        criteria,
        stated_totals,
        legend: Vec::new(),
        winner: None,
        span,
    })
}

fn missing_cell(option: &str, near: Span) -> Rating {
    Rating {
        option: option.to_string(),
        raw: String::new(),
        mark: RatingMark::Empty,
        note: None,
        span: Span::new(near.end, near.end),
    }
}

/// Options as rows, criteria as columns, a `Weight` row and maybe an overall column.
fn option_rows(
    head: &[Line],
    rows: &[Vec<Line>],
    keys: &[String],
    span: Span,
) -> Option<CriteriaTable> {
    let total_col = keys
        .iter()
        .skip(1)
        .position(|k| is_total_key(k))
        .map(|p| p + 1);
    let crit_cols: Vec<usize> = (1..head.len())
        .filter(|&c| Some(c) != total_col && !is_notes_key(&keys[c]))
        .collect();
    let weight_row = rows.iter().find(|r| {
        r.first()
            .is_some_and(|c| is_weight_header(&normalise_key(&c.text)))
    })?;
    let mut criteria: Vec<Criterion> = crit_cols
        .iter()
        .map(|&c| Criterion {
            name: head[c].text.trim().to_string(),
            span: head[c].span,
            weight: weight_row.get(c).map(parse_weight),
            ratings: Vec::new(),
        })
        .collect();
    let mut options = Vec::new();
    let mut stated_totals = Vec::new();
    for row in rows {
        let Some(name) = row.first() else { continue };
        if std::ptr::eq(row, weight_row) || name.text.trim().is_empty() {
            continue;
        }
        let option = name.text.trim().to_string();
        for (crit, &c) in criteria.iter_mut().zip(&crit_cols) {
            let r = row.get(c).map_or_else(
                || missing_cell(&option, name.span),
                |cell| rating(&option, cell),
            );
            crit.ratings.push(r);
        }
        if let Some(cell) = total_col.and_then(|t| row.get(t)) {
            stated_totals.push(StatedTotal {
                option: option.clone(),
                raw: cell.text.trim().to_string(),
                value: number_of(&cell.text),
                span: cell.span,
            });
        }
        options.push(option);
    }
    if options.is_empty() || criteria.is_empty() {
        return None;
    }
    Some(CriteriaTable {
        layout: TableLayout::OptionRows,
        heading: None,
        options,
        criteria,
        stated_totals,
        legend: Vec::new(),
        winner: None,
        span,
    })
}

/// A legend line such as `✅ = 3 (good), ⚠️ = 2 (acceptable), ❌ = 1 (poor)`: two or more
/// `symbol = number` pairs on one line.
pub(crate) fn parse_legend(text: &str) -> Vec<LegendEntry> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '|']) {
        let Some((left, right)) = part.split_once('=') else {
            continue;
        };
        let left = left.trim();
        let symbol = left.rsplit(' ').next().unwrap_or(left).trim();
        let (mark, _) = parse_rating(symbol);
        if symbol.is_empty() || symbol.chars().count() > 12 || !is_symbolic(&mark) {
            continue;
        }
        let right = right.trim();
        let num: String = right
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        let Some(value) = num.parse::<f64>().ok().filter(|v| v.is_finite()) else {
            continue;
        };
        let label = right.find('(').and_then(|o| {
            right[o + 1..]
                .find(')')
                .map(|c| right[o + 1..o + 1 + c].trim().to_string())
        });
        out.push(LegendEntry {
            symbol: symbol.to_string(),
            value,
            label,
        });
    }
    if out.len() >= 2 { out } else { Vec::new() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings() {
        let cases: &[(&str, RatingMark, Option<&str>)] = &[
            ("✅ Yes", RatingMark::Good, Some("Yes")),
            ("⚠️ Manual", RatingMark::Partial, Some("Manual")),
            ("❌", RatingMark::Bad, None),
            ("Partial", RatingMark::Partial, None),
            (
                "★★★☆☆",
                RatingMark::Stars {
                    filled: 3,
                    total: 5,
                },
                None,
            ),
            ("+", RatingMark::Plus { count: 1 }, None),
            ("S", RatingMark::Same, None),
            ("--", RatingMark::Minus { count: 2 }, None),
            (
                "Excellent",
                RatingMark::Word {
                    word: "excellent".into(),
                },
                None,
            ),
            ("banana", RatingMark::Unrecognised, None),
        ];
        for (text, mark, note) in cases {
            let (m, n) = parse_rating(text);
            assert_eq!(&m, mark, "{text}");
            assert_eq!(n.as_deref(), *note, "{text}");
        }
        assert_eq!(
            parse_rating("7 (28)").0,
            RatingMark::Number {
                value: 7.0,
                out_of: None,
                weighted: Some(28.0)
            }
        );
        assert_eq!(
            parse_rating("7/10").0,
            RatingMark::Number {
                value: 7.0,
                out_of: Some(10.0),
                weighted: None
            }
        );
    }

    #[test]
    fn legend() {
        let l = parse_legend("Legend: ✅ = 3 (good), ⚠️ = 2 (acceptable), ❌ = 1 (poor)");
        assert_eq!(l.len(), 3);
        assert_eq!(
            (l[0].symbol.as_str(), l[0].value, l[0].label.as_deref()),
            ("✅", 3.0, Some("good"))
        );
        assert!(parse_legend("x = 5").is_empty());
    }
}
