//! The numbers behind a scorecard: one weight per criterion, one value per cell, and the gate.
//! Totals, ranking and the sensitivity analysis all work on this, never on cells as written.

/// Weights and cell values of one table, with what the Critical gate needs.
#[derive(Debug, Clone)]
pub(crate) struct Matrix {
    /// Per criterion; 0 for a criterion left out of the score.
    pub(crate) weights: Vec<f64>,
    /// `[criterion][option]`; `None` for a cell no scale could read.
    pub(crate) values: Vec<Vec<Option<f64>>>,
    /// Per criterion: whether it is Critical and the gate is on.
    pub(crate) gated: Vec<bool>,
    /// `[criterion][option]`: whether the cell is ❌ (or `No`).
    pub(crate) bad: Vec<Vec<bool>>,
    /// How many options there are.
    pub(crate) options: usize,
}

/// Options in rank order, with each one's rank (ties share one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Ranking {
    /// Option indices, best first; eliminated options after all others.
    pub(crate) order: Vec<usize>,
    /// Rank of each option by index, from 1.
    pub(crate) ranks: Vec<usize>,
    /// The options sharing rank 1 that are not eliminated.
    pub(crate) leaders: Vec<usize>,
}

/// Whether two totals are equal up to floating-point noise.
pub(crate) fn approx_eq(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// Whether `a` is greater than `b` by more than floating-point noise.
pub(crate) fn clearly_greater(a: f64, b: f64) -> bool {
    a > b && !approx_eq(a, b)
}

impl Matrix {
    /// The weighted total of one option.
    pub(crate) fn total(&self, option: usize) -> f64 {
        self.weights
            .iter()
            .zip(&self.values)
            .map(|(w, row)| w * row[option].unwrap_or(0.0))
            .sum()
    }

    /// Every option's weighted total.
    pub(crate) fn totals(&self) -> Vec<f64> {
        (0..self.options).map(|o| self.total(o)).collect()
    }

    /// Whether the Critical gate eliminates an option.
    pub(crate) fn eliminated(&self, option: usize) -> bool {
        self.gated
            .iter()
            .zip(&self.bad)
            .any(|(gated, bad)| *gated && bad[option])
    }

    /// Ranks options by total, eliminated ones last.
    pub(crate) fn ranking(&self) -> Ranking {
        let totals = self.totals();
        let out: Vec<bool> = (0..self.options).map(|o| self.eliminated(o)).collect();
        let mut order: Vec<usize> = (0..self.options).collect();
        order.sort_by(|&a, &b| {
            out[a]
                .cmp(&out[b])
                .then(totals[b].total_cmp(&totals[a]))
                .then(a.cmp(&b))
        });
        let mut ranks = vec![0; self.options];
        for (pos, &o) in order.iter().enumerate() {
            let same_as_previous = pos > 0 && {
                let p = order[pos - 1];
                out[p] == out[o] && approx_eq(totals[p], totals[o])
            };
            ranks[o] = if same_as_previous {
                ranks[order[pos - 1]]
            } else {
                pos + 1
            };
        }
        let leaders = order
            .iter()
            .copied()
            .filter(|&o| ranks[o] == 1 && !out[o])
            .collect();
        Ranking {
            order,
            ranks,
            leaders,
        }
    }

    /// The option that wins alone, if one does.
    pub(crate) fn winner(&self) -> Option<usize> {
        match self.ranking().leaders.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(weights: &[f64], rows: &[&[f64]]) -> Matrix {
        Matrix {
            weights: weights.to_vec(),
            values: rows
                .iter()
                .map(|r| r.iter().map(|v| Some(*v)).collect())
                .collect(),
            gated: vec![false; weights.len()],
            bad: rows.iter().map(|r| vec![false; r.len()]).collect(),
            options: rows[0].len(),
        }
    }

    #[test]
    fn ties_share_a_rank_and_have_no_single_winner() {
        let m = matrix(&[1.0, 1.0], &[&[1.0, 0.0, 1.0], &[0.0, 0.5, 0.0]]);
        let r = m.ranking();
        assert_eq!(r.ranks, [1, 3, 1]);
        assert_eq!(r.leaders, [0, 2]);
        assert_eq!(m.winner(), None);
    }

    #[test]
    fn the_gate_puts_eliminated_options_last() {
        let mut m = matrix(&[5.0, 1.0], &[&[0.0, 1.0], &[1.0, 0.0]]);
        m.gated[0] = true;
        m.bad[0][0] = true;
        let r = m.ranking();
        assert_eq!(r.order, [1, 0]);
        assert_eq!(m.winner(), Some(1));
    }
}
