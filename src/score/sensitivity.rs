//! Sensitivity: how robust the computed winner is. For each criterion, the weight at which
//! another option would overtake it (raising or lowering that one weight, the gate held fixed);
//! and the fewest single-cell rating changes that would make another option win.

use serde::Serialize;

use super::matrix::{Matrix, clearly_greater};
use super::scale::Valuer;
use crate::model::CriteriaTable;

/// A weight at which the winner changes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightFlip {
    /// The weight at which the two options tie; past it the new winner leads.
    pub at: f64,
    /// Who wins past that weight.
    pub new_winner: String,
}

/// What one criterion's weight would have to become to change the winner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightSensitivity {
    /// The criterion.
    pub criterion: String,
    /// Its weight now.
    pub weight: f64,
    /// Raising the weight above `at` changes the winner.
    pub raise: Option<WeightFlip>,
    /// Lowering the weight below `at` (but not below 0) changes the winner.
    pub lower: Option<WeightFlip>,
}

/// One cell changed to another rating.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CellChange {
    /// The option whose cell changes.
    pub option: String,
    /// The criterion.
    pub criterion: String,
    /// The cell as written.
    pub from: String,
    /// The rating it would change to.
    pub to: String,
    /// That rating's value.
    pub to_value: f64,
}

/// A smallest set of cell changes that changes the winner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingFlip {
    /// The changes.
    pub changes: Vec<CellChange>,
    /// Who would win: one option, or several that would tie.
    pub new_winners: Vec<String>,
    /// True when the change works by making the winner ❌ on a Critical criterion.
    pub eliminates_winner: bool,
}

/// How robust the winner is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sensitivity {
    /// One entry per weighted criterion, in table order.
    pub weights: Vec<WeightSensitivity>,
    /// The fewest cell changes that change the winner, if any can.
    pub ratings: Option<RatingFlip>,
    /// When `ratings` works through the gate: the fewest changes that win on points instead.
    pub ratings_on_points: Option<RatingFlip>,
}

impl Sensitivity {
    /// Whether some single weight change flips the winner.
    #[must_use]
    pub fn any_weight_flips(&self) -> bool {
        self.weights
            .iter()
            .any(|w| w.raise.is_some() || w.lower.is_some())
    }
}

/// Analyses a matrix whose single winner is `winner`.
pub(crate) fn analyse(
    m: &Matrix,
    valuer: &Valuer,
    winner: usize,
    table: &CriteriaTable,
) -> Sensitivity {
    // Totals and the gate are worked out once: per criterion they would make this quadratic.
    let totals = m.totals();
    let rivals: Vec<usize> = (0..m.options)
        .filter(|&o| o != winner && !m.eliminated(o))
        .collect();
    let weights = (0..m.weights.len())
        .filter(|&c| m.weights[c] > 0.0)
        .map(|c| weight_flips(m, &totals, &rivals, winner, c, table))
        .collect();
    let by_gate = eliminate_winner(m, valuer, winner, table);
    let on_points = (0..m.options)
        .filter(|&o| o != winner && Some(o) != valuer.baseline())
        .filter_map(|o| overtake(m, valuer, winner, o, table))
        .min_by_key(|f| f.changes.len());
    let (ratings, ratings_on_points) = match (by_gate, on_points) {
        (Some(g), Some(p)) if p.changes.len() <= g.changes.len() => (Some(p), None),
        (Some(g), p) => (Some(g), p),
        (None, p) => (p, None),
    };
    Sensitivity {
        weights,
        ratings,
        ratings_on_points,
    }
}

/// The weights of criterion `c` past which one of `rivals` (the options other than the winner
/// `w` that the gate keeps) overtakes `w`, given every option's `totals`.
fn weight_flips(
    m: &Matrix,
    totals: &[f64],
    rivals: &[usize],
    w: usize,
    c: usize,
    table: &CriteriaTable,
) -> WeightSensitivity {
    let current = m.weights[c];
    let mut raise: Option<(f64, usize)> = None;
    let mut lower: Option<(f64, usize)> = None;
    for &o in rivals {
        let lead = totals[w] - totals[o];
        let delta = m.values[c][o].unwrap_or(0.0) - m.values[c][w].unwrap_or(0.0);
        if clearly_greater(delta, 0.0) {
            let at = current + lead / delta;
            if raise.is_none_or(|(a, _)| at < a) {
                raise = Some((at, o));
            }
        } else if clearly_greater(0.0, delta) {
            let at = current - lead / -delta;
            if clearly_greater(at, 0.0) && lower.is_none_or(|(a, _)| at > a) {
                lower = Some((at, o));
            }
        }
    }
    let flip = |(at, o): (f64, usize)| WeightFlip {
        at,
        new_winner: table.options[o].clone(),
    };
    WeightSensitivity {
        criterion: table.criteria[c].name.clone(),
        weight: current,
        raise: raise.map(flip),
        lower: lower.map(flip),
    }
}

fn change(
    table: &CriteriaTable,
    valuer: &Valuer,
    option: usize,
    criterion: usize,
    to: f64,
) -> CellChange {
    CellChange {
        option: table.options[option].clone(),
        criterion: table.criteria[criterion].name.clone(),
        from: table.criteria[criterion]
            .ratings
            .get(option)
            .map_or_else(String::new, |r| r.raw.clone()),
        to: valuer.label_for(to),
        to_value: to,
    }
}

/// One change that makes the winner ❌ on a Critical criterion, when another option is left.
fn eliminate_winner(
    m: &Matrix,
    valuer: &Valuer,
    w: usize,
    table: &CriteriaTable,
) -> Option<RatingFlip> {
    let c = (0..m.weights.len()).find(|&c| m.gated[c] && !m.bad[c][w])?;
    let mut after = m.clone();
    after.bad[c][w] = true;
    after.values[c][w] = Some(valuer.scale.min);
    Some(RatingFlip {
        changes: vec![change(table, valuer, w, c, valuer.scale.min)],
        new_winners: new_leaders(&after, w, table)?,
        eliminates_winner: true,
    })
}

/// The fewest changes that put option `o` ahead of winner `w`: first lift `o` out of the gate,
/// then take the biggest gains (lowering `w`'s cells, raising `o`'s) until `o` leads.
fn overtake(
    m: &Matrix,
    valuer: &Valuer,
    w: usize,
    o: usize,
    table: &CriteriaTable,
) -> Option<RatingFlip> {
    let (min, max) = (valuer.scale.min, valuer.scale.max);
    let mut after = m.clone();
    let mut changes = Vec::new();
    let mut moves: Vec<(f64, usize, usize, f64)> = Vec::new();
    for c in 0..m.weights.len() {
        let weight = m.weights[c];
        if m.gated[c] && m.bad[c][o] {
            after.bad[c][o] = false;
            after.values[c][o] = Some(max);
            changes.push(change(table, valuer, o, c, max));
            continue;
        }
        if let Some(v) = m.values[c][w] {
            // Lowering the winner to ❌ on a gated criterion is the gate route, not a points one.
            let floor = if m.gated[c] {
                valuer.lowest_passing()
            } else {
                min
            };
            moves.push((weight * (v - floor), w, c, floor));
        }
        let v = m.values[c][o].unwrap_or(0.0);
        moves.push((weight * (max - v), o, c, max));
    }
    moves.retain(|(gain, ..)| clearly_greater(*gain, 0.0));
    moves.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.2.cmp(&b.2)));
    let mut next = moves.into_iter();
    // Every gated ❌ of `o` was lifted above and moves only lift cells, so the gate is checked
    // once; the two totals are kept up to date per move instead of summed again (which made
    // long tables quadratic).
    if after.eliminated(o) {
        return None;
    }
    let (mut total_o, mut total_w) = (after.total(o), after.total(w));
    while !clearly_greater(total_o, total_w) {
        let (_, option, c, to) = next.next()?;
        let gain = m.weights[c] * (to - after.values[c][option].unwrap_or(0.0));
        if option == o {
            total_o += gain;
        } else {
            total_w += gain;
        }
        after.values[c][option] = Some(to);
        after.bad[c][option] = false;
        changes.push(change(table, valuer, option, c, to));
    }
    Some(RatingFlip {
        changes,
        new_winners: new_leaders(&after, w, table)?,
        eliminates_winner: false,
    })
}

/// The options leading once `w` no longer does, if any do.
fn new_leaders(after: &Matrix, w: usize, table: &CriteriaTable) -> Option<Vec<String>> {
    let leaders = after.ranking().leaders;
    (!leaders.is_empty() && !leaders.contains(&w))
        .then(|| leaders.iter().map(|&o| table.options[o].clone()).collect())
}
