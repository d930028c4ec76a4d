//! The three table layouts: criteria as rows with a weight column, options as rows with a
//! `Weight` row, and a weights table followed by a scores table in either orientation.

use super::cells::{is_symbolic, number_of, parse_rating, read_weight};
use super::comparison::{Axis, Setting, axis, is_rating_mark};
use crate::model::{
    CriteriaTable, Criterion, Rating, RatingMark, Span, StatedTotal, TableKind, TableLayout, Weight,
};
use crate::parse::markdown::Line;
use crate::parse::text::normalise_key;
use crate::parse::vocabulary::{heading_suggests_matrix, is_best_column_key};

/// A table as the markdown parser gave it.
pub(super) struct Grid<'a> {
    pub(super) head: &'a [Line],
    pub(super) rows: &'a [Vec<Line>],
    /// The normalised header texts.
    pub(super) keys: &'a [String],
    pub(super) span: Span,
    /// The record's text, to trim cell spans to their content.
    pub(super) src: &'a str,
}

/// A cell's span without the padding around its text.
fn trim_span(span: Span, src: &str) -> Span {
    let text = span.slice(src);
    if text.is_empty() {
        return span;
    }
    let start = span.start + (text.len() - text.trim_start().len());
    let end = span.end - (text.len() - text.trim_end().len());
    Span::new(start, end.max(start))
}

/// What a row (or column) is, from its first cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RowKind {
    Criterion,
    /// The weighted total or overall score the record states.
    Total,
    /// Rank, partial Pugh sums (`Sum of +`) and notes: neither a criterion nor a total.
    Skip,
}

/// Whether a row or column name is a criterion or an option: no total, rank or notes.
pub(super) fn is_row_criterion(raw: &str) -> bool {
    row_kind(raw) == RowKind::Criterion
}

/// Whether a row name or line key names a stated total (`Total`, `Weighted totals`).
pub(super) fn is_total_name(raw: &str) -> bool {
    row_kind(raw) == RowKind::Total
}

fn row_kind(raw: &str) -> RowKind {
    let key = normalise_key(raw);
    let lower = raw.trim().to_lowercase();
    let first = key.split(' ').next().unwrap_or("");
    let sign_token = lower.split_whitespace().any(|t| {
        let t = t.trim_end_matches("'s").trim_end_matches('s');
        !t.is_empty() && t.chars().all(|c| matches!(c, '+' | '-' | '−' | '–'))
    });
    let sign_word = key.split(' ').skip(1).any(|w| {
        matches!(
            w,
            "s" | "positive"
                | "positives"
                | "negative"
                | "negatives"
                | "plus"
                | "pluses"
                | "minus"
                | "minuses"
                | "same"
                | "sames"
        )
    });
    let partial_sum = matches!(first, "sum" | "total" | "count" | "number" | "no" | "of")
        && (sign_token || sign_word);
    if partial_sum {
        return RowKind::Skip;
    }
    if matches!(
        first,
        "rank" | "ranking" | "position" | "place" | "verdict" | "recommendation"
    ) || is_notes_key(&key)
    {
        return RowKind::Skip;
    }
    let total_word = |w: &str| {
        matches!(
            w,
            "score"
                | "scores"
                | "points"
                | "rating"
                | "weighted"
                | "sum"
                | "total"
                | "totals"
                | "value"
                | "result"
                | "results"
        )
    };
    let total_head = matches!(
        first,
        "total" | "totals" | "overall" | "weighted" | "net" | "final" | "grand"
    );
    if (total_head && key.split(' ').skip(1).all(total_word))
        || matches!(
            key.as_str(),
            "score" | "scores" | "sum" | "result" | "results" | "points"
        )
    {
        return RowKind::Total;
    }
    RowKind::Criterion
}

pub(super) fn is_weight_header(key: &str) -> bool {
    matches!(
        key.split(' ').next().unwrap_or(""),
        "weight" | "weighting" | "weights" | "importance" | "priority"
    )
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
        "summary",
        "remarks",
    ]
    .contains(&key)
}

fn is_weight(w: &Weight) -> bool {
    w.level.is_some() || w.number.is_some()
}

fn rating(option: &str, cell: &Line, src: &str) -> Rating {
    let (mark, note) = parse_rating(&cell.text);
    Rating {
        option: option.to_string(),
        raw: cell.text.trim().to_string(),
        mark,
        note,
        span: trim_span(cell.span, src),
    }
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

fn stated(option: &str, cell: &Line, src: &str) -> StatedTotal {
    StatedTotal {
        option: option.to_string(),
        raw: cell.text.trim().to_string(),
        value: number_of(&cell.text),
        span: trim_span(cell.span, src),
    }
}

/// Whether most of the cells say nothing a scale can read: a description column or row.
fn mostly_text<'r>(ratings: impl Iterator<Item = &'r Rating>) -> bool {
    let (mut text, mut all) = (0, 0);
    for r in ratings {
        all += 1;
        text += usize::from(matches!(r.mark, RatingMark::Unrecognised));
    }
    all > 0 && text * 2 > all
}

impl Grid<'_> {
    /// Reads the table as a criteria table or a comparison, or remembers it as a weights table
    /// for the next.
    pub(super) fn read(
        &self,
        setting: &Setting<'_>,
        weights_table: &mut Option<Vec<(String, Weight)>>,
    ) -> Option<CriteriaTable> {
        let weight_col = self.keys.iter().position(|k| is_weight_header(k));
        if let Some(w) = weight_col {
            if self.head.len() >= 3
                && let Some(table) = self.criteria_rows(Some(w))
            {
                return Some(table);
            }
            if let Some(weights) = self.weights(w) {
                *weights_table = Some(weights);
            }
            return None;
        }
        if self.weight_row().is_some() {
            return self.option_rows(None, false);
        }
        if let Some(weights) = weights_table.as_deref() {
            let known = |k: &str| weights.iter().any(|(n, _)| n == k);
            let in_head = self.keys.iter().skip(1).filter(|k| known(k)).count();
            let in_rows = self
                .rows
                .iter()
                .filter(|r| r.first().is_some_and(|c| known(&normalise_key(&c.text))))
                .count();
            if in_head > in_rows {
                return self.option_rows(Some(weights), false);
            }
            if in_rows > 0 {
                let mut table = self.criteria_rows(None)?;
                for c in &mut table.criteria {
                    let key = normalise_key(&c.name);
                    c.weight = weights
                        .iter()
                        .find(|(n, _)| *n == key)
                        .map(|(_, w)| w.clone());
                }
                table.layout = TableLayout::SeparateWeights;
                return Some(table);
            }
        }
        match axis(self, setting) {
            Some(Axis::Columns) => self.criteria_rows(None).map(with_kind),
            Some(Axis::Rows) => self.option_rows(None, true).map(with_kind),
            None => self.marks_under_matrix_heading(setting),
        }
    }

    /// A table of rating marks under a heading that announces a matrix, though neither axis
    /// names the record's options: scored, unless the record has options the table never names.
    fn marks_under_matrix_heading(&self, setting: &Setting<'_>) -> Option<CriteriaTable> {
        let table = self.criteria_rows(None)?;
        let cells: Vec<&Rating> = table.criteria.iter().flat_map(|c| &c.ratings).collect();
        let symbolic = cells
            .iter()
            .filter(|r| {
                matches!(
                    r.mark,
                    RatingMark::Good
                        | RatingMark::Partial
                        | RatingMark::Bad
                        | RatingMark::Unknown
                        | RatingMark::Stars { .. }
                        | RatingMark::Plus { .. }
                        | RatingMark::Minus { .. }
                        | RatingMark::Same
                )
            })
            .count();
        let foreign = setting.options.len() >= 2
            && !table.options.iter().any(|t| {
                setting
                    .options
                    .iter()
                    .any(|o| crate::model::same_option(o, t))
            });
        (cells.len() >= 4
            && symbolic * 10 >= cells.len() * 8
            && heading_suggests_matrix(setting.headings.first().map(String::as_str))
            && !foreign)
            .then_some(table)
    }

    /// A `Criterion | Weight` table: its weights by normalised criterion name.
    fn weights(&self, weight_col: usize) -> Option<Vec<(String, Weight)>> {
        let name_col = usize::from(weight_col == 0);
        let weights: Vec<(String, Weight)> = self
            .rows
            .iter()
            .filter_map(|r| {
                let name = r.get(name_col)?;
                let cell = r.get(weight_col)?;
                (row_kind(&name.text) == RowKind::Criterion).then(|| {
                    (
                        normalise_key(&name.text),
                        read_weight(&cell.text, trim_span(cell.span, self.src)),
                    )
                })
            })
            .collect();
        let known = weights.iter().filter(|(_, w)| is_weight(w)).count();
        (known > 0 && known * 2 >= weights.len()).then_some(weights)
    }

    fn weight_row(&self) -> Option<&Vec<Line>> {
        self.rows.iter().find(|r| {
            r.first()
                .is_some_and(|c| is_weight_header(&normalise_key(&c.text)))
        })
    }

    /// Criteria as rows: `| Criterion | Weight | A | B |`, maybe with a `Total` row.
    fn criteria_rows(&self, weight_col: Option<usize>) -> Option<CriteriaTable> {
        let (head, keys) = (self.head, self.keys);
        if head.len() < 3 && weight_col.is_some() || head.len() < 2 {
            return None;
        }
        let best_col = (1..head.len()).find(|&c| is_best_column_key(&keys[c]));
        let option_cols: Vec<usize> = (1..head.len())
            .filter(|&c| Some(c) != weight_col && Some(c) != best_col)
            .filter(|&c| row_kind(&head[c].text) == RowKind::Criterion)
            .filter(|&c| !keys[c].is_empty() || !head[c].text.trim().is_empty())
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
        for row in self.rows {
            let Some(name_cell) = row.first() else {
                continue;
            };
            match row_kind(&name_cell.text) {
                RowKind::Skip => continue,
                RowKind::Total => {
                    for (&c, option) in option_cols.iter().zip(&options) {
                        if let Some(cell) = row.get(c) {
                            stated_totals.push(stated(option, cell, self.src));
                        }
                    }
                    continue;
                }
                RowKind::Criterion
                    if name_cell.text.trim().is_empty()
                        || is_best_column_key(&normalise_key(&name_cell.text)) =>
                {
                    continue;
                }
                RowKind::Criterion => {}
            }
            let ratings = option_cols
                .iter()
                .zip(&options)
                .map(|(&c, option)| {
                    row.get(c).map_or_else(
                        || missing_cell(option, name_cell.span),
                        |cell| rating(option, cell, self.src),
                    )
                })
                .collect();
            criteria.push(Criterion {
                name: name_cell.text.trim().to_string(),
                span: trim_span(name_cell.span, self.src),
                weight: weight_col
                    .and_then(|w| row.get(w))
                    .map(|cell| read_weight(&cell.text, trim_span(cell.span, self.src))),
                ratings,
                winner: best_col
                    .and_then(|b| row.get(b))
                    .and_then(|c| best_named(&c.text)),
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
            kind: TableKind::Scored,
            layout: TableLayout::CriteriaRows,
            heading: None,
            options,
            criteria,
            stated_totals,
            legend: Vec::new(),
            winner: None,
            span: self.span,
        })
    }

    /// Options as rows and criteria as columns, weighted by a `Weight` row or by a weights table
    /// given before, maybe with an overall column and a `Winner` row. `keep_text` keeps columns
    /// of prose, which a comparison shows and a scored table leaves out.
    fn option_rows(
        &self,
        weights: Option<&[(String, Weight)]>,
        keep_text: bool,
    ) -> Option<CriteriaTable> {
        let (head, keys) = (self.head, self.keys);
        let weight_row = self.weight_row();
        let best_row = self.rows.iter().find(|r| {
            r.first()
                .is_some_and(|c| is_best_column_key(&normalise_key(&c.text)))
        });
        let total_col = (1..head.len()).find(|&c| row_kind(&head[c].text) == RowKind::Total);
        let mut criteria: Vec<(usize, Criterion)> = (1..head.len())
            .filter(|&c| Some(c) != total_col && row_kind(&head[c].text) == RowKind::Criterion)
            .map(|c| {
                let weight = match weights {
                    Some(ws) => ws
                        .iter()
                        .find(|(n, _)| *n == keys[c])
                        .map(|(_, w)| w.clone()),
                    None => weight_row
                        .and_then(|r| r.get(c))
                        .map(|cell| read_weight(&cell.text, trim_span(cell.span, self.src))),
                };
                let criterion = Criterion {
                    name: head[c].text.trim().to_string(),
                    span: trim_span(head[c].span, self.src),
                    weight,
                    ratings: Vec::new(),
                    winner: best_row
                        .and_then(|r| r.get(c))
                        .and_then(|cell| best_named(&cell.text)),
                };
                (c, criterion)
            })
            .collect();
        let mut options = Vec::new();
        let mut stated_totals = Vec::new();
        for row in self.rows {
            let Some(name) = row.first() else { continue };
            if weight_row.is_some_and(|w| std::ptr::eq(row, w))
                || best_row.is_some_and(|b| std::ptr::eq(row, b))
                || name.text.trim().is_empty()
                || row_kind(&name.text) != RowKind::Criterion
            {
                continue;
            }
            let option = name.text.trim().to_string();
            for (c, crit) in &mut criteria {
                let r = row.get(*c).map_or_else(
                    || missing_cell(&option, name.span),
                    |cell| rating(&option, cell, self.src),
                );
                crit.ratings.push(r);
            }
            if let Some(cell) = total_col.and_then(|t| row.get(t)) {
                stated_totals.push(stated(&option, cell, self.src));
            }
            options.push(option);
        }
        // A column with no weight whose cells are prose (`Description`) is not a criterion.
        criteria.retain(|(_, c)| {
            keep_text || c.weight.as_ref().is_some_and(is_weight) || !mostly_text(c.ratings.iter())
        });
        if options.is_empty() || criteria.is_empty() {
            return None;
        }
        Some(CriteriaTable {
            kind: TableKind::Scored,
            layout: if weights.is_some() {
                TableLayout::SeparateWeights
            } else {
                TableLayout::OptionRows
            },
            heading: None,
            options,
            criteria: criteria.into_iter().map(|(_, c)| c).collect(),
            stated_totals,
            legend: Vec::new(),
            winner: None,
            span: self.span,
        })
    }
}

/// A comparison is scored when most of its cells are rating marks; free text is only shown.
/// Empty cells count against scoring: a sparse matrix (a gap is no `No`) is shown, not scored.
fn with_kind(mut table: CriteriaTable) -> CriteriaTable {
    let marks: Vec<RatingMark> = table
        .criteria
        .iter()
        .flat_map(|c| c.ratings.iter().map(|r| r.mark.clone()))
        .collect();
    let rated = marks.iter().filter(|m| is_rating_mark(m, &marks)).count();
    table.kind = if marks.len() >= 4 && rated * 10 >= marks.len() * 8 {
        TableKind::Scored
    } else {
        TableKind::Comparison
    };
    table
}

/// The option a `Winner` cell names, without a trophy or emphasis (`🏆 Railway` → `Railway`).
fn best_named(cell: &str) -> Option<String> {
    let name = cell
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches(['*', '_', ' '])
        .trim();
    (!name.is_empty()).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_kinds() {
        let cases = [
            ("Cost", RowKind::Criterion),
            ("Total", RowKind::Total),
            ("**Weighted total**", RowKind::Total),
            ("Overall score", RowKind::Total),
            ("Net score", RowKind::Total),
            ("Score", RowKind::Total),
            ("Sum of +", RowKind::Skip),
            ("Total −", RowKind::Skip),
            ("Sum of S", RowKind::Skip),
            ("Number of positives", RowKind::Skip),
            ("Rank", RowKind::Skip),
            ("Notes", RowKind::Skip),
            ("Scalability", RowKind::Criterion),
            ("Numbers of nodes", RowKind::Criterion),
            ("No-code support", RowKind::Criterion),
            ("Total cost of ownership", RowKind::Criterion),
            ("Total weighted score", RowKind::Total),
        ];
        for (text, kind) in cases {
            assert_eq!(row_kind(text), kind, "{text}");
        }
    }
}
