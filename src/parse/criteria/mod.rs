//! Criteria tables: finds weighted decision matrices in a record (criteria as rows with a weight
//! column, options as rows with a `Weight` row, or a weights table plus a scores table), rated
//! and free-text comparisons of options wherever they stand, and reads weights, rating cells,
//! stated totals and the legend. Scoring them is `score`'s job.

mod cells;
mod comparison;
mod layout;
mod legend;

pub(crate) use cells::read_weight;

use super::markdown::{Block, Doc, Line};
use super::sections::Sec;
use super::text::normalise_key;
use crate::model::{CriteriaTable, SectionKind, Span, StatedTotal, Weight, Winner};

/// Whether a table row's name weighs or totals the other rows (`Weight`, `Total`, `Rank`)
/// rather than naming an option or criterion.
pub(crate) fn is_weight_or_total_row(raw: &str) -> bool {
    layout::is_weight_header(&normalise_key(raw)) || !layout::is_row_criterion(raw)
}

/// Finds criteria tables and comparisons, in document order. `options` are the record's
/// considered option names; `src` is the record's text, for table rows that a stray line cut
/// off from their table.
pub(crate) fn find_criteria(
    doc: &Doc,
    secs: &[Sec<'_>],
    src: &str,
    options: &[String],
    winner: Option<&Winner>,
) -> Vec<CriteriaTable> {
    let legends = legend::find_legends(doc);
    let mut out = Vec::new();
    let mut weights_table: Option<Vec<(String, Weight)>> = None;
    for (i, block) in doc.blocks.iter().enumerate() {
        let Block::Table { head, rows, span } = block else {
            continue;
        };
        let nearest = secs.iter().rposition(|s| s.heading < i);
        let heading = nearest.map(|n| secs[n].line.text.clone());
        let (headings, in_options_section) = enclosing_headings(secs, nearest);
        let (stray, stray_span) = stray_rows(*span, doc.blocks.get(i + 1), src);
        let rows: Vec<Vec<Line>> = rows.iter().cloned().chain(stray).collect();
        let span = stray_span.map_or(*span, |s| span.cover(s));
        let keys: Vec<String> = head.iter().map(|c| normalise_key(&c.text)).collect();
        let grid = layout::Grid {
            head,
            rows: &rows,
            keys: &keys,
            span,
            src,
        };
        let setting = comparison::Setting {
            options,
            headings: &headings,
            in_options_section,
        };
        if let Some(mut table) = grid.read(&setting, &mut weights_table) {
            table.heading = heading;
            table.legend = legend::nearest_legend(&legends, i);
            table.winner = winner.cloned();
            if table.stated_totals.is_empty() {
                table.stated_totals = prose_totals(&doc.blocks[i + 1..], &table.options, src);
            }
            out.push(table);
        }
    }
    out
}

/// The heading texts from the nearest section out to the top, and whether one of those
/// sections is the considered-options section.
fn enclosing_headings(secs: &[Sec<'_>], nearest: Option<usize>) -> (Vec<String>, bool) {
    let mut headings = Vec::new();
    let mut in_options = false;
    let mut at = nearest;
    while let Some(n) = at {
        headings.push(secs[n].line.text.clone());
        in_options |= secs[n].kind == SectionKind::ConsideredOptions;
        at = secs[n].parent;
    }
    (headings, in_options)
}

/// Totals stated in a line after the table, before the next table or heading:
/// `Weighted totals: Render 19, Railway 13.5, Fly.io 13.5 (out of 21).`
fn prose_totals(after: &[Block], options: &[String], src: &str) -> Vec<StatedTotal> {
    let lines = after
        .iter()
        .take_while(|b| !matches!(b, Block::Table { .. } | Block::Heading { .. }))
        .take(4)
        .flat_map(|b| match b {
            Block::Paragraph { lines, .. } => lines.iter().collect::<Vec<_>>(),
            Block::List { items, .. } => items
                .iter()
                .flat_map(super::markdown::ListItem::lines)
                .collect(),
            _ => Vec::new(),
        });
    for line in lines {
        let text = line.span.slice(src);
        let Some(colon) = text.find(':') else {
            continue;
        };
        if !layout::is_total_name(&text[..colon]) {
            continue;
        }
        let totals = totals_in(&text[colon + 1..], line.span.start + colon + 1, options);
        if !totals.is_empty() {
            return totals;
        }
    }
    Vec::new()
}

/// `Render 19, Railway 13.5`: the number after each option's name, with its span.
fn totals_in(value: &str, at: usize, options: &[String]) -> Vec<StatedTotal> {
    // ASCII lower-casing keeps byte offsets, which index `value` below.
    let lower = value.to_ascii_lowercase();
    let mut out = Vec::new();
    for option in options {
        let name = option.to_ascii_lowercase();
        let Some(pos) = lower.match_indices(&name).map(|(p, _)| p).find(|&p| {
            let before = lower[..p].chars().next_back();
            let after = lower[p + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        }) else {
            continue;
        };
        let rest = &value[pos + name.len()..];
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | '*'))
                .len();
        let num: String = rest[skip..]
            .chars()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == '-')
            .collect();
        if let Some(v) = cells::finite_number(&num) {
            let start = at + pos + name.len() + skip;
            out.push(StatedTotal {
                option: option.clone(),
                raw: num.trim_end_matches('.').to_string(),
                value: Some(v),
                span: Span::new(start, start + num.len()),
            });
        }
    }
    out
}

/// Rows that a stray line (` |` with a leading space) split off the end of a table: GitHub
/// keeps them in the table, while a `CommonMark` table ends there and the rest becomes a
/// paragraph.
pub(crate) fn stray_rows(
    table: Span,
    next: Option<&Block>,
    src: &str,
) -> (Vec<Vec<Line>>, Option<Span>) {
    let Some(Block::Paragraph { lines, span }) = next else {
        return (Vec::new(), None);
    };
    let gap = src.get(table.end..span.start).unwrap_or("\n\n");
    let all_rows = lines
        .iter()
        .all(|l| l.span.slice(src).trim_start().starts_with('|'));
    if gap.matches('\n').count() > 1 || !all_rows {
        return (Vec::new(), None);
    }
    let rows: Vec<Vec<Line>> = lines
        .iter()
        .map(|l| split_row(l.span, src))
        .filter(|cells| cells.len() >= 2 && cells.iter().any(|c| !c.text.is_empty()))
        .collect();
    (rows, Some(*span))
}

/// Splits one source line of a pipe table into cells, with their spans.
fn split_row(line: Span, src: &str) -> Vec<Line> {
    let text = line.slice(src);
    let mut bounds: Vec<usize> = text
        .char_indices()
        .filter(|&(i, c)| c == '|' && !text[..i].ends_with('\\'))
        .map(|(i, _)| i)
        .collect();
    if text.trim_start().starts_with('|') {
        bounds.remove(0);
        bounds.insert(0, text.find('|').unwrap_or(0));
    } else {
        bounds.insert(0, 0);
    }
    if !text.trim_end().ends_with('|') {
        bounds.push(text.len());
    }
    bounds
        .windows(2)
        .map(|w| {
            let start = if text[w[0]..].starts_with('|') {
                w[0] + 1
            } else {
                w[0]
            };
            let cell = &text[start..w[1]];
            let lead = cell.len() - cell.trim_start().len();
            let trimmed = cell.trim();
            let at = line.start + start + lead;
            Line {
                text: trimmed
                    .trim_matches(|c: char| matches!(c, '*' | '_' | '`'))
                    .trim()
                    .to_string(),
                span: Span::new(at, at + trimmed.len()),
                ..Line::default()
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_in_prose() {
        let options = [
            "Render".to_string(),
            "Railway".to_string(),
            "Fly.io".to_string(),
        ];
        let text = " Render 19, Railway 13.5, Fly.io 13.5 (out of 21).";
        let got = totals_in(text, 100, &options);
        let values: Vec<(&str, Option<f64>)> =
            got.iter().map(|t| (t.option.as_str(), t.value)).collect();
        assert_eq!(
            values,
            [
                ("Render", Some(19.0)),
                ("Railway", Some(13.5)),
                ("Fly.io", Some(13.5))
            ]
        );
        assert_eq!(got[1].span, Span::new(100 + 20, 100 + 24));
        assert!(totals_in(" none stated", 0, &options).is_empty());
    }

    #[test]
    fn split_rows_keep_spans() {
        let src = "| **spack** | ❌ | 17 |";
        let cells = split_row(Span::new(0, src.len()), src);
        let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, ["spack", "❌", "17"]);
        assert_eq!(cells[1].span.slice(src), "❌");
        assert_eq!(cells[0].span.slice(src), "**spack**");
    }
}
