//! Costs: each option's cost lines normalised to a monthly range per phase (MVP, Production),
//! so options can be compared side by side, and the cost lines checked (DK4xx): totals against
//! their parts, inverted ranges, mixed periods and currencies.

use serde::Serialize;

use super::check::finding;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{CostEstimate, Decision, Money, Period};

/// A monthly amount or range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MonthlyCost {
    /// Lower bound per month.
    pub low: f64,
    /// Upper bound per month.
    pub high: f64,
    /// True when any line it comes from is approximate (`~$5`).
    pub approximate: bool,
    /// `USD`, `EUR`, `GBP`.
    pub currency: String,
}

fn symbol(currency: &str) -> &str {
    match currency {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        other => other,
    }
}

/// A cost line as plain text, markup removed.
fn plain(raw: &str) -> String {
    raw.trim().replace("**", "").replace('`', "")
}

impl MonthlyCost {
    /// `$0`, `~$5`, `$15-30`, `€20`.
    #[must_use]
    pub fn to_text(&self) -> String {
        let symbol = symbol(&self.currency);
        let approx = if self.approximate { "~" } else { "" };
        if (self.high - self.low).abs() < 0.005 {
            format!("{approx}{symbol}{}", fmt_money(self.low))
        } else {
            format!(
                "{approx}{symbol}{}-{}",
                fmt_money(self.low),
                fmt_money(self.high)
            )
        }
    }
}

fn fmt_money(v: f64) -> String {
    if (v - v.round()).abs() < 0.005 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

/// One option's cost in one phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PhaseCost {
    /// The phase (`MVP`, `Production`), or `Cost` when the record names none.
    pub phase: String,
    /// The recurring cost per month, when one could be read.
    pub monthly: Option<MonthlyCost>,
    /// One-off costs in this phase.
    pub one_off: Option<MonthlyCost>,
    /// The cost lines it comes from, as written.
    pub lines: Vec<String>,
}

/// One option's costs by phase.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OptionCosts {
    /// The option.
    pub option: String,
    /// One entry per phase of the comparison, in its order; `None` where the option has none.
    pub phases: Vec<Option<PhaseCost>>,
}

/// Every option's costs, per phase and per month.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct CostComparison {
    /// Phase names, in the order the record first uses them.
    pub phases: Vec<String>,
    /// Options that state any cost, in record order.
    pub options: Vec<OptionCosts>,
}

/// Per-month factor of a period; `None` for one-off costs.
fn per_month(period: Period) -> Option<f64> {
    match period {
        Period::Hour => Some(730.0),
        Period::Day => Some(365.0 / 12.0),
        Period::Week => Some(52.0 / 12.0),
        Period::Month => Some(1.0),
        Period::Year => Some(1.0 / 12.0),
        Period::OneOff => None,
    }
}

/// `Production (Phase 12+)` → (`production`, `Production`).
fn phase_of(line: &CostEstimate) -> (String, String) {
    let Some(phase) = line.phase.as_deref() else {
        return (String::new(), "Cost".to_string());
    };
    let shown = phase
        .split(['(', '[', '—', '–'])
        .next()
        .unwrap_or(phase)
        .trim();
    let key = shown
        .split(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    (key, shown.to_string())
}

fn scaled(money: &Money, factor: f64) -> MonthlyCost {
    MonthlyCost {
        low: money.low * factor,
        high: money.high * factor,
        approximate: money.approximate,
        currency: money.currency.clone(),
    }
}

fn add(a: Option<MonthlyCost>, b: MonthlyCost) -> MonthlyCost {
    match a {
        None => b,
        Some(a) => MonthlyCost {
            low: a.low + b.low,
            high: a.high + b.high,
            approximate: a.approximate || b.approximate,
            currency: a.currency,
        },
    }
}

/// One phase's lines: the last total if there is one, else the sum of the lines.
fn phase_cost(shown: &str, lines: &[&CostEstimate]) -> PhaseCost {
    let chosen: Vec<&CostEstimate> = match lines.iter().rev().find(|l| l.is_total) {
        Some(total) => vec![*total],
        None => lines.to_vec(),
    };
    let mut monthly = None;
    let mut one_off = None;
    for line in chosen {
        let Some(money) = &line.amount else { continue };
        match line.period.map(per_month) {
            Some(Some(f)) => monthly = Some(add(monthly, scaled(money, f))),
            Some(None) => one_off = Some(add(one_off, scaled(money, 1.0))),
            // `$0` is nothing in any period.
            None if money.high == 0.0 => monthly = Some(add(monthly, scaled(money, 1.0))),
            None => {}
        }
    }
    PhaseCost {
        phase: shown.to_string(),
        monthly,
        one_off,
        lines: lines.iter().map(|l| l.raw.trim().to_string()).collect(),
    }
}

/// Compares the options' costs and checks every cost line of the record.
pub(crate) fn compare(decision: &Decision) -> (CostComparison, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let mut phases: Vec<(String, String)> = Vec::new();
    let mut per_option = Vec::new();
    for option in decision.options.iter().filter(|o| !o.costs.is_empty()) {
        check_lines(&option.costs, &option.name, &mut out);
        let mut groups: Vec<(String, Vec<&CostEstimate>)> = Vec::new();
        for line in &option.costs {
            let (key, shown) = phase_of(line);
            if !phases.iter().any(|(k, _)| *k == key) {
                phases.push((key.clone(), shown.clone()));
            }
            match groups.iter_mut().find(|(k, _)| *k == key) {
                Some((_, lines)) => lines.push(line),
                None => groups.push((key, vec![line])),
            }
        }
        per_option.push((option.name.clone(), groups));
    }
    check_lines(&decision.costs, "the decision", &mut out);
    // Phases the record names come first, in order; lines with no phase go last, as `Other`.
    phases.sort_by_key(|(k, _)| k.is_empty());
    if phases.len() > 1 {
        for (key, shown) in &mut phases {
            if key.is_empty() {
                *shown = "Other".to_string();
            }
        }
    }
    let options = per_option
        .into_iter()
        .map(|(name, groups)| OptionCosts {
            option: name,
            phases: phases
                .iter()
                .map(|(key, shown)| {
                    groups
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, lines)| phase_cost(shown, lines))
                })
                .collect(),
        })
        .collect();
    let comparison = CostComparison {
        phases: phases.into_iter().map(|(_, shown)| shown).collect(),
        options,
    };
    (comparison, out)
}

fn check_lines(lines: &[CostEstimate], owner: &str, out: &mut Vec<Diagnostic>) {
    let mut periods: Vec<Period> = Vec::new();
    let mut currencies: Vec<&str> = Vec::new();
    for line in lines {
        let Some(money) = &line.amount else { continue };
        if money.low > money.high {
            out.push(
                finding(
                    Code::CostRangeInverted,
                    line.span,
                    format!(
                        "the cost range in `{}` runs from {sym}{} down to {sym}{}",
                        plain(&line.raw),
                        fmt_money(money.low),
                        fmt_money(money.high),
                        sym = symbol(&money.currency)
                    ),
                )
                .with_help("write the lower amount first"),
            );
        }
        match line.period {
            Some(p) if per_month(p).is_some() && !periods.contains(&p) => periods.push(p),
            // A unit price (`$0.20 per 1M requests`) is stated per its unit, not per a period.
            None if money.high != 0.0 && !line.is_total && line.unit.is_none() => out.push(
                finding(
                    Code::CostWithoutPeriod,
                    line.span,
                    format!(
                        "the cost `{}` has no period, so it is left out of the monthly comparison",
                        plain(&line.raw)
                    ),
                )
                .with_help("add `/month`, `/year` or `one-off`"),
            ),
            _ => {}
        }
        if !currencies.contains(&money.currency.as_str()) {
            currencies.push(&money.currency);
        }
        if line.is_total && line.parts.len() >= 2 {
            check_total(line, out);
        }
    }
    if periods.len() > 1 {
        let span = lines
            .iter()
            .find(|l| l.amount.is_some())
            .map_or_else(Default::default, |l| l.span);
        let names: Vec<&str> = periods.iter().map(|p| period_word(*p)).collect();
        out.push(
            finding(
                Code::MixedCostPeriods,
                span,
                format!("the costs of {owner} mix periods ({})", names.join(", ")),
            )
            .with_help(
                "state every recurring cost per month; docket converts them for the comparison",
            ),
        );
    }
    if currencies.len() > 1 {
        let span = lines
            .iter()
            .find(|l| l.amount.is_some())
            .map_or_else(Default::default, |l| l.span);
        out.push(
            finding(
                Code::MixedCurrencies,
                span,
                format!(
                    "the costs of {owner} mix currencies ({})",
                    currencies.join(", ")
                ),
            )
            .with_help("state every cost in one currency"),
        );
    }
}

fn period_word(p: Period) -> &'static str {
    match p {
        Period::Hour => "per hour",
        Period::Day => "per day",
        Period::Week => "per week",
        Period::Month => "per month",
        Period::Year => "per year",
        Period::OneOff => "one-off",
    }
}

/// A total against the sum of its parts, both per month when their periods differ.
fn check_total(total: &CostEstimate, out: &mut Vec<Diagnostic>) {
    let Some(amount) = &total.amount else { return };
    let factor = |p: Option<Period>| p.and_then(per_month).unwrap_or(1.0);
    let same_period = total.parts.iter().all(|p| p.period == total.period);
    let mut low = 0.0;
    let mut high = 0.0;
    for part in &total.parts {
        let Some(m) = &part.amount else { continue };
        let f = if same_period {
            1.0
        } else {
            factor(part.period) / factor(total.period)
        };
        low += m.low * f;
        high += m.high * f;
    }
    if (low - amount.low).abs() > 0.005 || (high - amount.high).abs() > 0.005 {
        let sym = symbol(&amount.currency);
        let sum = if (high - low).abs() < 0.005 {
            format!("{sym}{}", fmt_money(low))
        } else {
            format!("{sym}{}-{}", fmt_money(low), fmt_money(high))
        };
        out.push(
            finding(
                Code::CostTotalMismatch,
                total.span,
                format!(
                    "the total `{}` does not match the sum of its {} parts, {sum}",
                    plain(&total.raw),
                    total.parts.len()
                ),
            )
            .with_help("fix the total or the lines above it"),
        );
    }
}
