//! Weights: levels (Critical / High / Medium / Low, or Must / Should / Could), numbers,
//! fractions and percentages, with level values from the config or the record's legend.

use serde::Serialize;

use super::scale::{LegendKey, ValueSource, legend_key};
use crate::config::ScoreConfig;
use crate::model::{LegendEntry, Weight, WeightLevel};

/// How a table writes its weights.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeightKind {
    /// Critical / High / Medium / Low (or Must / Should / Could).
    Levels,
    /// Numbers such as 1–5 or 1–10.
    Numbers,
    /// Fractions that should sum to 1.
    Fractions,
    /// Percentages that should sum to 100%.
    Percentages,
    /// More than one of the above.
    Mixed,
    /// No weights: every criterion counts once.
    Unweighted,
}

/// The weights a table was scored with.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WeightScale {
    /// How the table writes them.
    pub kind: WeightKind,
    /// Where the level values came from.
    pub source: ValueSource,
    /// Value of Critical / Must.
    pub critical: f64,
    /// Value of High / Should.
    pub high: f64,
    /// Value of Medium / Could.
    pub medium: f64,
    /// Value of Low.
    pub low: f64,
}

impl WeightScale {
    /// The value of a weight: its number (a percentage as a fraction), else its level's value.
    #[must_use]
    pub fn value(&self, weight: &Weight) -> Option<f64> {
        if let Some(n) = weight.number {
            return Some(if weight.percent { n / 100.0 } else { n });
        }
        weight.level.map(|level| match level {
            WeightLevel::Critical => self.critical,
            WeightLevel::High => self.high,
            WeightLevel::Medium => self.medium,
            WeightLevel::Low => self.low,
        })
    }
}

/// The weight scale for a table: configured level values, replaced by any the legend gives.
pub(crate) fn weight_scale(
    legend: &[LegendEntry],
    weights: &[Option<&Weight>],
    config: &ScoreConfig,
) -> WeightScale {
    let mut scale = WeightScale {
        kind: weight_kind(weights),
        source: ValueSource::Config,
        critical: config.weights.critical,
        high: config.weights.high,
        medium: config.weights.medium,
        low: config.weights.low,
    };
    for entry in legend {
        if let LegendKey::Level(level) = legend_key(&entry.symbol) {
            scale.source = ValueSource::Legend;
            match level {
                WeightLevel::Critical => scale.critical = entry.value,
                WeightLevel::High => scale.high = entry.value,
                WeightLevel::Medium => scale.medium = entry.value,
                WeightLevel::Low => scale.low = entry.value,
            }
        }
    }
    scale
}

fn weight_kind(weights: &[Option<&Weight>]) -> WeightKind {
    let read: Vec<&Weight> = weights
        .iter()
        .flatten()
        .copied()
        .filter(|w| w.level.is_some() || w.number.is_some())
        .collect();
    if read.is_empty() {
        return WeightKind::Unweighted;
    }
    let levels = read.iter().all(|w| w.number.is_none());
    let numbers = read.iter().all(|w| w.number.is_some() && w.level.is_none());
    if levels {
        WeightKind::Levels
    } else if numbers && read.iter().all(|w| w.percent) {
        WeightKind::Percentages
    } else if numbers && read.iter().all(|w| !w.percent) {
        let n = || read.iter().filter_map(|w| w.number);
        if n().all(|x| x <= 1.0) && n().any(|x| x.fract() != 0.0) {
            WeightKind::Fractions
        } else {
            WeightKind::Numbers
        }
    } else {
        WeightKind::Mixed
    }
}
