//! Scoring one table: weights and cells valued, totals, the gate, ranking, margin and
//! sensitivity; unreadable weights and cells reported where they are. Checking what the record
//! claims is `claims`' job.

use super::check::finding;
use super::claims::{agrees, check_stated, verdict};
use super::matrix::{Matrix, Ranking, approx_eq};
use super::scale::{CellValue, Valuer};
use super::weights::{WeightKind, WeightScale, weight_scale};
use super::{
    CellScore, CriterionScore, DeclaredWinner, GateCell, Margin, OptionScore, Scorecard,
    WeightScore, fmt_plain, sensitivity,
};
use crate::config::ScoreConfig;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{
    CriteriaTable, Rating, RatingMark, Span, Weight, WeightLevel, option_key, same_option, word_key,
};

/// The option a declared name means: the one option of the same key ([`option_key`]), else
/// the one option whose name's words start the other's ([`same_option`]).
pub(crate) fn match_option(name: &str, options: &[String]) -> Option<usize> {
    let key = option_key(name);
    if key.is_empty() {
        return None;
    }
    let matching = |same: &dyn Fn(&String) -> bool| -> Vec<usize> {
        (0..options.len()).filter(|&i| same(&options[i])).collect()
    };
    let mut fits = matching(&|o| option_key(o) == key);
    if fits.is_empty() {
        fits = matching(&|o| same_option(o, name));
    }
    (fits.len() == 1).then(|| fits[0])
}

struct Weights {
    scale: WeightScale,
    /// Per criterion: the weight as read (after `--weight`) and whether it was overridden.
    read: Vec<(Option<Weight>, bool)>,
    values: Vec<f64>,
}

fn read_weights(table: &CriteriaTable, config: &ScoreConfig, out: &mut Vec<Diagnostic>) -> Weights {
    let read: Vec<(Option<Weight>, bool)> = table
        .criteria
        .iter()
        .map(|c| {
            let key = word_key(&c.name);
            match config
                .weight_overrides
                .iter()
                .find(|(n, _)| word_key(n) == key)
            {
                Some((_, w)) => (Some(w.clone()), true),
                None => (c.weight.clone(), false),
            }
        })
        .collect();
    let refs: Vec<Option<&Weight>> = read.iter().map(|(w, _)| w.as_ref()).collect();
    let scale = weight_scale(&table.legend, &refs, config);
    let values: Vec<f64> = table
        .criteria
        .iter()
        .zip(&read)
        .map(|(c, (w, _))| {
            if scale.kind == WeightKind::Unweighted {
                return 1.0;
            }
            let value = w.as_ref().and_then(|w| scale.value(w));
            if value.is_none() {
                let (span, what) = match w {
                    Some(w) if !w.raw.is_empty() => (w.span, format!("weight `{}`", w.raw)),
                    _ => (c.span, "no weight".to_string()),
                };
                out.push(
                    finding(Code::UnrecognisedWeight, c.span.cover(span), format!(
                        "criterion `{}` has {what}, which is not a weight, so it is left out of the totals",
                        c.name
                    ))
                    .with_help("write a level (Critical, High, Medium, Low), a number or a percentage"),
                );
            }
            value.unwrap_or(0.0)
        })
        .collect();
    if matches!(scale.kind, WeightKind::Fractions | WeightKind::Percentages) {
        let sum: f64 = values.iter().sum();
        if (sum - 1.0).abs() > 0.005 {
            let (stated, expected) = if scale.kind == WeightKind::Percentages {
                (format!("{}%", fmt_plain(sum * 100.0)), "100%")
            } else {
                (fmt_plain(sum), "1")
            };
            out.push(
                finding(
                    Code::WeightsDoNotSum,
                    table.span,
                    format!("the weights sum to `{stated}`, not {expected}"),
                )
                .with_help("docket scores them as written; adjust them so they add up"),
            );
        }
    }
    Weights {
        scale,
        read,
        values,
    }
}

/// Values every cell: the criteria as shown and the matrix behind the totals.
fn value_cells(
    table: &CriteriaTable,
    config: &ScoreConfig,
    weights: &Weights,
    valuer: &Valuer,
    out: &mut Vec<Diagnostic>,
) -> (Vec<CriterionScore>, Matrix) {
    let n = table.options.len();
    let mut criteria = Vec::new();
    let mut matrix = Matrix {
        weights: weights.values.clone(),
        values: Vec::new(),
        gated: Vec::new(),
        bad: Vec::new(),
        options: n,
    };
    for (ci, c) in table.criteria.iter().enumerate() {
        let (weight, overridden) = &weights.read[ci];
        // A row of prose (`Cost | Free, Pro $7 per user | …`) describes; it rates nothing, so it
        // counts for nothing and its cells are not reported one by one.
        let prose_row = c
            .ratings
            .iter()
            .all(|r| matches!(r.mark, RatingMark::Unrecognised | RatingMark::Empty))
            && c.ratings.iter().any(|r| r.mark == RatingMark::Unrecognised);
        if prose_row {
            matrix.weights[ci] = 0.0;
        }
        let gated = config.critical_gate
            && valuer.has_gate_level()
            && weight
                .as_ref()
                .is_some_and(|w| w.level == Some(WeightLevel::Critical));
        let mut cells = Vec::with_capacity(n);
        let mut row = Vec::with_capacity(n);
        let mut bad = Vec::with_capacity(n);
        for (oi, option) in table.options.iter().enumerate() {
            let rating = c.ratings.get(oi);
            let mark = rating.map_or(&RatingMark::Empty, |r| &r.mark);
            let value = match valuer.value(mark, ci, oi) {
                CellValue::Value(v) => Some(v),
                // A prose row describes, and `❓` says honestly that nobody knows yet: both
                // count nothing and neither is a mistake to report.
                _ if prose_row => None,
                CellValue::Unknown => None,
                other => {
                    out.push(cell_finding(other, rating, &c.name, option, c.span, valuer));
                    None
                }
            };
            if let Some(r) = rating {
                check_weighted(r, weights.values[ci], out);
            }
            bad.push(matches!(mark, RatingMark::Bad));
            row.push(value);
            cells.push(CellScore {
                option: option.clone(),
                raw: rating.map_or_else(String::new, |r| r.raw.clone()),
                value,
                span: rating.map_or(c.span, |r| r.span),
            });
        }
        matrix.values.push(row);
        matrix.gated.push(gated);
        matrix.bad.push(bad);
        criteria.push(CriterionScore {
            name: c.name.clone(),
            weight: weight.as_ref().map(|w| WeightScore {
                raw: w.raw.clone(),
                level: w.level,
                value: weights.scale.value(w),
                overridden: *overridden,
            }),
            weight_value: matrix.weights[ci],
            gated,
            cells,
        });
    }
    (criteria, matrix)
}

/// Each option's total, normalised score, rank and gate cells.
fn option_scores(
    table: &CriteriaTable,
    criteria: &[CriterionScore],
    matrix: &Matrix,
    ranking: &Ranking,
    best_possible: f64,
    valuer: &Valuer,
) -> Vec<OptionScore> {
    let totals = matrix.totals();
    let mut options: Vec<OptionScore> = (0..table.options.len())
        .map(|o| OptionScore {
            name: table.options[o].clone(),
            total: totals[o],
            normalised: normalised(totals[o], best_possible),
            rank: ranking.ranks[o],
            eliminated: matrix.eliminated(o),
            gate_failures: gate_cells(criteria, table, o, |m| matches!(m, RatingMark::Bad)),
            gate_partials: gate_cells(criteria, table, o, |m| matches!(m, RatingMark::Partial)),
            won: Vec::new(),
            lost: Vec::new(),
            stated: None,
            unscored: criteria
                .iter()
                .filter(|c| c.cells[o].value.is_none())
                .count(),
            baseline: valuer.baseline() == Some(o),
        })
        .collect();
    won_and_lost(criteria, &mut options);
    options
}

fn normalised(total: f64, best_possible: f64) -> Option<f64> {
    (best_possible > 0.0).then(|| total / best_possible * 100.0)
}

/// Scores one table; findings carry no path yet.
pub(crate) fn score(
    table: &CriteriaTable,
    config: &ScoreConfig,
    declared: Option<DeclaredWinner>,
) -> (Scorecard, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let weights = read_weights(table, config, &mut out);
    let valuer = Valuer::new(table, config);
    let (criteria, matrix) = value_cells(table, config, &weights, &valuer, &mut out);
    let best_possible: f64 = matrix.weights.iter().map(|w| w * valuer.scale.max).sum();
    let ranking = matrix.ranking();
    let mut options = option_scores(table, &criteria, &matrix, &ranking, best_possible, &valuer);
    check_stated(table, &mut options, &valuer, &weights.scale, &mut out);
    let winner = matrix.winner();
    let tied: Vec<String> = if ranking.leaders.len() > 1 {
        ranking
            .leaders
            .iter()
            .map(|&o| table.options[o].clone())
            .collect()
    } else {
        Vec::new()
    };
    let declared = declared.map(|mut d| {
        d.option = match_option(&d.name, &table.options).map(|i| table.options[i].clone());
        d
    });
    let verdict = verdict(declared.as_ref(), &options, winner, &tied, table, &mut out);
    let margin = winner.and_then(|w| {
        let r = ranking
            .order
            .iter()
            .copied()
            .find(|&o| o != w && !options[o].eliminated)?;
        let points = options[w].total - options[r].total;
        Some(Margin {
            runner_up: table.options[r].clone(),
            points,
            percent: normalised(points, best_possible),
        })
    });
    let sensitivity = winner.map(|w| sensitivity::analyse(&matrix, &valuer, w, table));
    let card = Scorecard {
        heading: table.heading.clone(),
        layout: table.layout,
        span: table.span,
        scale: valuer.scale.clone(),
        weights: weights.scale,
        gate: config.critical_gate,
        criteria,
        options,
        best_possible,
        winner: winner.map(|w| table.options[w].clone()),
        tied,
        declared,
        verdict,
        margin,
        sensitivity,
    };
    (card, out)
}

fn cell_finding(
    value: CellValue,
    rating: Option<&Rating>,
    criterion: &str,
    option: &str,
    near: Span,
    valuer: &Valuer,
) -> Diagnostic {
    let span = rating.map_or(near, |r| r.span);
    let raw = rating.map_or("", |r| r.raw.as_str());
    let scale = valuer
        .scale
        .levels
        .iter()
        .map(|l| l.label.as_str())
        .collect::<Vec<_>>()
        .join(" / ");
    match value {
        CellValue::Empty => finding(
            Code::MissingRating,
            span,
            format!("`{option}` has no rating for `{criterion}`, so the cell counts nothing"),
        )
        .with_help(format!("rate it on the table's scale ({scale})")),
        CellValue::OffScale => finding(
            Code::UnrecognisedRating,
            span,
            format!(
                "rating `{raw}` for `{option}` on `{criterion}` is not on the table's {scale} scale, so it counts nothing"
            ),
        )
        .with_help("use one scale for every cell of the table"),
        _ => finding(
            Code::UnrecognisedRating,
            span,
            format!("rating `{raw}` for `{option}` on `{criterion}` fits no scale, so it counts nothing"),
        )
        .with_help(format!("start the cell with a rating on the table's scale ({scale})")),
    }
}

/// `7 (28)`: the weighted part must be the weight times the rating.
fn check_weighted(rating: &Rating, weight: f64, out: &mut Vec<Diagnostic>) {
    let RatingMark::Number {
        value,
        weighted: Some(stated),
        ..
    } = rating.mark
    else {
        return;
    };
    let raw = rating.raw.as_str();
    let inner = raw.split_once('(').map_or(raw, |(_, r)| r);
    let expected = value * weight;
    if weight > 0.0 && !agrees(stated, expected, inner) {
        out.push(
            finding(
                Code::WeightedPartMismatch,
                rating.span,
                format!(
                    "cell `{raw}` states a weighted part of {}, but {} × weight {} is {}",
                    fmt_plain(stated),
                    fmt_plain(value),
                    fmt_plain(weight),
                    fmt_plain(expected)
                ),
            )
            .with_help(format!(
                "write `{} ({})`",
                fmt_plain(value),
                fmt_plain(expected)
            )),
        );
    }
}

fn gate_cells(
    criteria: &[CriterionScore],
    table: &CriteriaTable,
    option: usize,
    which: impl Fn(&RatingMark) -> bool,
) -> Vec<GateCell> {
    criteria
        .iter()
        .zip(&table.criteria)
        .filter(|(c, _)| c.gated)
        .filter_map(|(c, tc)| {
            let r = tc.ratings.get(option)?;
            which(&r.mark).then(|| GateCell {
                criterion: c.name.clone(),
                raw: r.raw.clone(),
            })
        })
        .collect()
}

fn won_and_lost(criteria: &[CriterionScore], options: &mut [OptionScore]) {
    for c in criteria.iter().filter(|c| c.weight_value > 0.0) {
        let values: Vec<f64> = c.cells.iter().filter_map(|cell| cell.value).collect();
        let (Some(max), Some(min)) = (
            values.iter().copied().reduce(f64::max),
            values.iter().copied().reduce(f64::min),
        ) else {
            continue;
        };
        if approx_eq(max, min) {
            continue;
        }
        for (o, cell) in c.cells.iter().enumerate() {
            match cell.value {
                Some(v) if approx_eq(v, max) => options[o].won.push(c.name.clone()),
                Some(v) if approx_eq(v, min) => options[o].lost.push(c.name.clone()),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Why criteria keep their own key: a parenthesised qualifier names another criterion, so
    /// `--weight "Cost (setup)=3"` must not also weigh `Cost (monthly)`.
    #[test]
    fn criteria_keep_the_qualifier_options_drop_it() {
        assert_ne!(word_key("Cost (monthly)"), word_key("Cost (setup)"));
        assert_eq!(word_key("**Cost** (setup)"), word_key("cost setup"));
        assert_eq!(option_key("AWS (EC2)"), option_key("AWS"));
    }

    #[test]
    fn declared_names_find_their_option() {
        let options = |names: &[&str]| names.iter().map(|n| (*n).to_string()).collect::<Vec<_>>();
        let rows = [
            (
                "suffix dropped",
                "AWS",
                options(&["AWS (EC2/ECS)", "Render"]),
                Some(0),
            ),
            (
                "two options fit",
                "AWS",
                options(&["AWS (EC2)", "AWS (Lambda)"]),
                None,
            ),
            (
                "leading words",
                "render",
                options(&["Fly.io", "Render Starter"]),
                Some(1),
            ),
            (
                "leading words of two",
                "Render",
                options(&["Render Starter", "Render Pro"]),
                None,
            ),
            (
                "exact beats leading words",
                "Render",
                options(&["Render Pro", "Render"]),
                Some(1),
            ),
            ("empty name", "", options(&["Render"]), None),
        ];
        for (name, declared, options, want) in rows {
            assert_eq!(match_option(declared, &options), want, "{name}");
        }
    }
}
