//! Rating scales: what a rating cell is worth. Ratings are ✅ / ⚠️ / ❌ (with quality words),
//! numbers, stars or Pugh marks against a baseline; a record's legend overrides the configured
//! values. Weights are `weights`' job.

use serde::Serialize;

use super::fmt_plain;
use crate::config::ScoreConfig;
use crate::model::{CriteriaTable, RatingMark, WeightLevel};

/// Which kind of rating a table uses, taken from most of its cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ScaleKind {
    /// ✅ / ⚠️ / ❌, Yes / Partial / No and quality words.
    Symbols,
    /// Numbers such as `7`, `7/10` or `7 (28)`.
    Numbers,
    /// Stars such as `★★★☆☆`.
    Stars,
    /// Pugh `+` / `S` / `−` against a baseline option.
    Pugh,
    /// No cell could be read.
    None,
}

/// Where values came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ValueSource {
    /// `docket.toml` or the built-in defaults.
    Config,
    /// The record's legend.
    Legend,
    /// Read from the cells themselves (numbers, stars, Pugh marks).
    Cells,
}

/// One step of a rating scale, best first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScaleLevel {
    /// How it is written (`✅`, `10`, `★★★★★`, `+`).
    pub label: String,
    /// What it is worth.
    pub value: f64,
}

/// The rating scale a table was scored on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RatingScale {
    /// The kind of rating.
    pub kind: ScaleKind,
    /// Where the values came from.
    pub source: ValueSource,
    /// The lowest value a cell can have.
    pub min: f64,
    /// The highest value a cell can have: a criterion's best possible rating.
    pub max: f64,
    /// The named steps, best first.
    pub levels: Vec<ScaleLevel>,
    /// For Pugh tables, the baseline option every other is compared with.
    pub baseline: Option<String>,
}

/// What a legend symbol names.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum LegendKey {
    Good,
    Partial,
    Bad,
    Word(String),
    Level(WeightLevel),
    Other,
}

pub(super) fn legend_key(symbol: &str) -> LegendKey {
    let first = symbol.chars().next().unwrap_or(' ');
    // The same marks as the parser's rating vocabulary; `❓` (unknown) has no value.
    if "✅✔✓☑🟢🆗".contains(first) {
        return LegendKey::Good;
    }
    if "⚠🟡🟠🔶🔄".contains(first) {
        return LegendKey::Partial;
    }
    if "❌✖✗✘🔴⛔🚫".contains(first) {
        return LegendKey::Bad;
    }
    let lower = symbol.to_lowercase();
    match lower.as_str() {
        "yes" | "y" => LegendKey::Good,
        "partial" | "partially" | "partly" | "limited" => LegendKey::Partial,
        "no" | "n" => LegendKey::Bad,
        "critical" | "must" | "essential" | "mandatory" => LegendKey::Level(WeightLevel::Critical),
        "high" | "should" | "important" => LegendKey::Level(WeightLevel::High),
        "medium" | "med" | "moderate" | "could" => LegendKey::Level(WeightLevel::Medium),
        "low" | "minor" | "nice" => LegendKey::Level(WeightLevel::Low),
        w if BUILTIN_WORDS.iter().any(|(b, _)| *b == w) => LegendKey::Word(w.to_string()),
        _ => LegendKey::Other,
    }
}

/// Quality words as a fraction of the way from ❌ to ✅.
const BUILTIN_WORDS: &[(&str, f64)] = &[
    ("excellent", 1.0),
    ("great", 1.0),
    ("good", 0.75),
    ("ok", 0.5),
    ("okay", 0.5),
    ("average", 0.5),
    ("fair", 0.5),
    ("poor", 0.25),
    ("bad", 0.0),
];

/// What one cell is worth on the table's scale.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum CellValue {
    Value(f64),
    /// A recognised mark of another kind than the table's (`7` in a ✅ / ❌ table).
    OffScale,
    Unrecognised,
    /// ❓: the record says the rating is not known yet.
    Unknown,
    Empty,
}

fn kind_of(mark: &RatingMark) -> ScaleKind {
    match mark {
        RatingMark::Good | RatingMark::Partial | RatingMark::Bad | RatingMark::Word { .. } => {
            ScaleKind::Symbols
        }
        RatingMark::Number { .. } => ScaleKind::Numbers,
        RatingMark::Stars { .. } => ScaleKind::Stars,
        RatingMark::Plus { .. } | RatingMark::Minus { .. } | RatingMark::Same => ScaleKind::Pugh,
        RatingMark::Empty | RatingMark::Unrecognised | RatingMark::Unknown => ScaleKind::None,
    }
}

fn is_zero(mark: &RatingMark) -> bool {
    matches!(mark, RatingMark::Number { value, .. } if *value == 0.0)
}

/// A table's rating scale and how to value its cells.
#[derive(Debug, Clone)]
pub(crate) struct Valuer {
    pub(crate) scale: RatingScale,
    good: f64,
    partial: f64,
    bad: f64,
    words: Vec<(String, f64)>,
    /// In a ✅ / ❌ table, the small scale its number rows use (`1`–`3`), lowest and highest.
    small_numbers: Option<(f64, f64)>,
    /// Per criterion: whether every rated cell of its row is of another kind than the table's
    /// (a row rated `1`–`3` in a ✅ / ❌ table), so the row is read on its own kind.
    other_kind_rows: Vec<bool>,
    baseline: Option<usize>,
}

impl Valuer {
    /// Detects the table's scale from its cells and legend.
    pub(crate) fn new(table: &CriteriaTable, config: &ScoreConfig) -> Valuer {
        let marks = || {
            table
                .criteria
                .iter()
                .flat_map(|c| c.ratings.iter().map(|r| &r.mark))
        };
        let count = |k: ScaleKind| marks().filter(|m| kind_of(m) == k).count();
        let pugh = count(ScaleKind::Pugh);
        let kinds = [
            (ScaleKind::Symbols, count(ScaleKind::Symbols)),
            (ScaleKind::Numbers, count(ScaleKind::Numbers)),
            (ScaleKind::Stars, count(ScaleKind::Stars)),
            // `0` in a Pugh matrix means "same as the baseline".
            (
                ScaleKind::Pugh,
                pugh + if pugh > 0 {
                    marks().filter(|m| is_zero(m)).count()
                } else {
                    0
                },
            ),
        ];
        let kind = kinds
            .iter()
            .filter(|(_, n)| *n > 0)
            .max_by_key(|(k, n)| (*n, std::cmp::Reverse(*k as u8)))
            .map_or(ScaleKind::None, |(k, _)| *k);
        let mut v = Valuer {
            scale: RatingScale {
                kind,
                source: ValueSource::Cells,
                min: 0.0,
                max: 1.0,
                levels: Vec::new(),
                baseline: None,
            },
            good: config.ratings.good,
            partial: config.ratings.partial,
            bad: config.ratings.bad,
            words: Vec::new(),
            small_numbers: None,
            other_kind_rows: Vec::new(),
            baseline: None,
        };
        v.other_kind_rows = table
            .criteria
            .iter()
            .map(|c| {
                let kinds: Vec<ScaleKind> = c
                    .ratings
                    .iter()
                    .map(|r| kind_of(&r.mark))
                    .filter(|k| *k != ScaleKind::None)
                    .collect();
                let other = if kind == ScaleKind::Symbols {
                    ScaleKind::Numbers
                } else {
                    ScaleKind::Symbols
                };
                !kinds.is_empty() && kinds.iter().all(|k| *k == other)
            })
            .collect();
        match kind {
            ScaleKind::Symbols | ScaleKind::None => v.symbols(table, config),
            ScaleKind::Numbers => v.numbers(table),
            ScaleKind::Stars => v.stars(table),
            ScaleKind::Pugh => v.pugh(table),
        }
        v
    }

    fn symbols(&mut self, table: &CriteriaTable, config: &ScoreConfig) {
        self.scale.source = ValueSource::Config;
        let mut legend_words = Vec::new();
        for entry in &table.legend {
            let slot = match legend_key(&entry.symbol) {
                LegendKey::Good => &mut self.good,
                LegendKey::Partial => &mut self.partial,
                LegendKey::Bad => &mut self.bad,
                LegendKey::Word(w) => {
                    legend_words.push((w, entry.value));
                    self.scale.source = ValueSource::Legend;
                    continue;
                }
                LegendKey::Level(_) | LegendKey::Other => continue,
            };
            *slot = entry.value;
            self.scale.source = ValueSource::Legend;
        }
        let (good, bad) = (self.good, self.bad);
        self.small_numbers = small_number_scale(table, &self.other_kind_rows);
        self.words = BUILTIN_WORDS
            .iter()
            .map(|(w, f)| {
                let fraction = config.words.get(*w).copied().unwrap_or(*f);
                let value = legend_words
                    .iter()
                    .find(|(lw, _)| lw == w)
                    .map_or(bad + fraction * (good - bad), |(_, v)| *v);
                ((*w).to_string(), value)
            })
            .collect();
        let mut levels = vec![
            ScaleLevel {
                label: "✅".into(),
                value: self.good,
            },
            ScaleLevel {
                label: "⚠️".into(),
                value: self.partial,
            },
            ScaleLevel {
                label: "❌".into(),
                value: self.bad,
            },
        ];
        levels.sort_by(|a, b| b.value.total_cmp(&a.value));
        self.scale.max = levels[0].value;
        self.scale.min = levels[levels.len() - 1].value;
        self.scale.levels = levels;
    }

    fn numbers(&mut self, table: &CriteriaTable) {
        let mut declared: Option<f64> = None;
        let mut highest: f64 = 0.0;
        let mut any_zero = false;
        for mark in table
            .criteria
            .iter()
            .flat_map(|c| c.ratings.iter().map(|r| &r.mark))
        {
            if let RatingMark::Number { value, out_of, .. } = mark {
                highest = highest.max(*value);
                any_zero |= *value == 0.0;
                if let Some(m) = out_of {
                    declared = Some(declared.map_or(*m, |d| d.max(*m)));
                }
            }
        }
        let max = declared.unwrap_or_else(|| {
            [3.0, 5.0, 10.0, 100.0]
                .into_iter()
                .find(|m| highest <= *m)
                .unwrap_or(highest)
        });
        let min = if any_zero || (max - 100.0).abs() < f64::EPSILON {
            0.0
        } else {
            1.0
        };
        self.scale.max = max;
        self.scale.min = min;
        self.scale.levels = vec![
            ScaleLevel {
                label: fmt_plain(max),
                value: max,
            },
            ScaleLevel {
                label: fmt_plain(min),
                value: min,
            },
        ];
    }

    fn stars(&mut self, table: &CriteriaTable) {
        let max = table
            .criteria
            .iter()
            .flat_map(|c| c.ratings.iter())
            .filter_map(|r| match r.mark {
                RatingMark::Stars { total, .. } => Some(total),
                _ => None,
            })
            .max()
            .unwrap_or(5);
        self.scale.max = f64::from(max);
        self.scale.min = 0.0;
        self.scale.levels = vec![
            ScaleLevel {
                label: "★".repeat(max as usize),
                value: f64::from(max),
            },
            ScaleLevel {
                label: "☆".repeat(max as usize),
                value: 0.0,
            },
        ];
    }

    fn pugh(&mut self, table: &CriteriaTable) {
        let most = table
            .criteria
            .iter()
            .flat_map(|c| c.ratings.iter())
            .filter_map(|r| match r.mark {
                RatingMark::Plus { count } | RatingMark::Minus { count } => Some(count),
                _ => None,
            })
            .max()
            .unwrap_or(1)
            .max(1);
        self.baseline = find_baseline(table);
        self.scale.baseline = self.baseline.map(|i| table.options[i].clone());
        self.scale.max = f64::from(most);
        self.scale.min = -f64::from(most);
        self.scale.levels = vec![
            ScaleLevel {
                label: "+".repeat(most as usize),
                value: f64::from(most),
            },
            ScaleLevel {
                label: "S".into(),
                value: 0.0,
            },
            ScaleLevel {
                label: "−".repeat(most as usize),
                value: -f64::from(most),
            },
        ];
    }

    /// The baseline option's index in a Pugh table.
    pub(crate) fn baseline(&self) -> Option<usize> {
        self.baseline
    }

    /// Whether the scale has a ❌ level, the one the Critical gate acts on.
    pub(crate) fn has_gate_level(&self) -> bool {
        self.scale.kind == ScaleKind::Symbols
    }

    /// The lowest value that is not ❌: where a gated cell can fall without eliminating.
    pub(crate) fn lowest_passing(&self) -> f64 {
        self.scale
            .levels
            .iter()
            .filter(|l| l.label != "❌")
            .map(|l| l.value)
            .fold(f64::INFINITY, f64::min)
    }

    /// The label of the scale level nearest to a value.
    pub(crate) fn label_for(&self, value: f64) -> String {
        self.scale
            .levels
            .iter()
            .min_by(|a, b| (a.value - value).abs().total_cmp(&(b.value - value).abs()))
            .map_or_else(|| fmt_plain(value), |l| l.label.clone())
    }

    /// What a cell is worth; `criterion` and `option` are its row and column indices.
    pub(crate) fn value(&self, mark: &RatingMark, criterion: usize, option: usize) -> CellValue {
        let own_row = self
            .other_kind_rows
            .get(criterion)
            .copied()
            .unwrap_or(false);
        if self.baseline == Some(option) {
            return CellValue::Value(0.0);
        }
        match mark {
            RatingMark::Empty => return CellValue::Empty,
            RatingMark::Unrecognised => return CellValue::Unrecognised,
            RatingMark::Unknown => return CellValue::Unknown,
            _ => {}
        }
        let kind = self.scale.kind;
        let value = match (kind, mark) {
            (ScaleKind::Symbols, RatingMark::Good) => self.good,
            (ScaleKind::Symbols, RatingMark::Partial) => self.partial,
            (ScaleKind::Symbols, RatingMark::Bad) => self.bad,
            (ScaleKind::Symbols, RatingMark::Word { word }) => {
                match self.words.iter().find(|(w, _)| w == word) {
                    Some((_, v)) => *v,
                    None => return CellValue::Unrecognised,
                }
            }
            // A row rated `1`–`3` in a ✅ / ❌ table sits between ❌ and ✅ like a quality word;
            // once such rows set the small scale, a number on it counts in a mixed row too.
            (ScaleKind::Symbols, RatingMark::Number { value, out_of, .. })
                if own_row
                    || self
                        .small_numbers
                        .is_some_and(|(low, high)| (low..=high).contains(value)) =>
            {
                let (low, high) = match (out_of, self.small_numbers) {
                    (Some(m), _) if *m > 0.0 => (0.0, *m),
                    (None, Some(range)) => range,
                    _ => return CellValue::OffScale,
                };
                let fraction = ((value - low) / (high - low)).clamp(0.0, 1.0);
                self.bad + fraction * (self.good - self.bad)
            }
            // And ✅ / ❌ in a table rated `1`–`5` take the ends of that scale, in a row of their
            // own or beside numbers.
            (ScaleKind::Numbers, RatingMark::Good | RatingMark::Partial | RatingMark::Bad)
                if self.scale.max <= 10.0 =>
            {
                let (low, high) = (self.scale.min, self.scale.max);
                match mark {
                    RatingMark::Good => high,
                    RatingMark::Bad => low,
                    _ => f64::midpoint(low, high),
                }
            }
            (ScaleKind::Numbers, RatingMark::Number { value, out_of, .. }) => match out_of {
                Some(m) if *m > 0.0 && (*m - self.scale.max).abs() > f64::EPSILON => {
                    value * self.scale.max / m
                }
                _ => *value,
            },
            (ScaleKind::Stars, RatingMark::Stars { filled, .. }) => f64::from(*filled),
            (ScaleKind::Pugh, RatingMark::Plus { count }) => f64::from(*count),
            (ScaleKind::Pugh, RatingMark::Minus { count }) => -f64::from(*count),
            (ScaleKind::Pugh, RatingMark::Same) => 0.0,
            (ScaleKind::Pugh, m) if is_zero(m) => 0.0,
            _ => return CellValue::OffScale,
        };
        CellValue::Value(value)
    }
}

/// The small scale of the bare numbers in a table's number rows (`rows`): up to 3, 5 or 10,
/// from 1 (or 0 when a cell is 0). `None` when a number is larger, so measurements stay off
/// the scale.
fn small_number_scale(table: &CriteriaTable, rows: &[bool]) -> Option<(f64, f64)> {
    let numbers: Vec<f64> = table
        .criteria
        .iter()
        .zip(rows)
        .filter(|(_, own)| **own)
        .flat_map(|(c, _)| &c.ratings)
        .filter_map(|r| match r.mark {
            RatingMark::Number {
                value,
                out_of: None,
                ..
            } => Some(value),
            _ => None,
        })
        .collect();
    let highest = numbers.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    let high = [3.0, 5.0, 10.0].into_iter().find(|m| highest <= *m)?;
    let low = if numbers.contains(&0.0) { 0.0 } else { 1.0 };
    Some((low, high))
}

/// The Pugh baseline: an option named as one (`Baseline`, `Datum`, `Current`), else the one
/// option whose every cell is `S`, `0`, empty or unreadable.
fn find_baseline(table: &CriteriaTable) -> Option<usize> {
    let named = table.options.iter().position(|o| {
        let o = o.to_lowercase();
        [
            "baseline",
            "datum",
            "status quo",
            "(current)",
            "current",
            "reference",
            "as-is",
            "as is",
        ]
        .iter()
        .any(|w| o.contains(w))
    });
    named.or_else(|| {
        let neutral: Vec<usize> = (0..table.options.len())
            .filter(|&i| {
                table.criteria.iter().all(|c| {
                    c.ratings.get(i).is_none_or(|r| {
                        matches!(
                            r.mark,
                            RatingMark::Same
                                | RatingMark::Empty
                                | RatingMark::Unrecognised
                                | RatingMark::Unknown
                        ) || is_zero(&r.mark)
                    })
                })
            })
            .collect();
        (neutral.len() == 1).then(|| neutral[0])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legend_keys() {
        let cases = [
            ("✅", LegendKey::Good),
            ("⚠️", LegendKey::Partial),
            ("❌", LegendKey::Bad),
            ("🟢", LegendKey::Good),
            ("🔄", LegendKey::Partial),
            ("✖️", LegendKey::Bad),
            ("❓", LegendKey::Other),
            ("Yes", LegendKey::Good),
            ("Critical", LegendKey::Level(WeightLevel::Critical)),
            ("Excellent", LegendKey::Word("excellent".into())),
            ("+", LegendKey::Other),
        ];
        for (symbol, key) in cases {
            assert_eq!(legend_key(symbol), key, "{symbol}");
        }
    }
}
