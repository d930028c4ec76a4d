//! Cost lines: `MVP: $0/month (free tier)`, `$15-30/month`, `~$5/month`, `**Total:** $14/month`,
//! each read into an amount or range, a period and a note. Totals keep the lines they add up.

use super::markdown::{Line, ListItem};
use super::text::raw;
use crate::model::{CostEstimate, Money, Period};

const PHASE_WORDS: &[&str] = &[
    "mvp",
    "production",
    "prod",
    "pilot",
    "beta",
    "launch",
    "staging",
    "development",
    "dev",
    "phase",
    "year",
    "growth",
    "scale",
    "initial",
    "startup",
    "month",
];

/// Reads one cost line; `phase` is inherited from a parent bullet when the line has none.
pub(crate) fn parse_cost_line(line: &Line, src: &str, phase: Option<&str>) -> CostEstimate {
    let text = line.text.as_str();
    let (label, rest) = match text.split_once(':') {
        Some((l, r)) if !l.contains(['$', '€', '£']) && l.len() <= 60 => {
            (Some(l.trim().to_string()), r.trim())
        }
        _ => (None, text.trim()),
    };
    let is_total = label
        .as_deref()
        .is_some_and(|l| l.to_lowercase().starts_with("total"));
    let (amount, period, note) = parse_amount(rest);
    let own_phase = label.as_deref().filter(|l| is_phase(l)).map(str::to_string);
    CostEstimate {
        raw: raw(src, line.span),
        label,
        amount,
        period,
        note,
        is_total,
        parts: Vec::new(),
        phase: own_phase.or_else(|| phase.map(str::to_string)),
        span: line.span,
    }
}

fn is_phase(label: &str) -> bool {
    let lower = label.to_lowercase();
    PHASE_WORDS
        .iter()
        .any(|w| lower.split(|c: char| !c.is_alphanumeric()).next() == Some(*w))
}

/// Whether a line carries an amount of money.
pub(crate) fn has_amount(text: &str) -> bool {
    parse_amount(text).0.is_some()
}

/// Reads cost lines from list items, nesting phases and attaching parts to totals.
pub(crate) fn costs_from_items(
    items: &[ListItem],
    src: &str,
    phase: Option<&str>,
) -> Vec<CostEstimate> {
    let mut out: Vec<CostEstimate> = Vec::new();
    for item in items {
        let Some(line) = item.lines().first() else {
            continue;
        };
        let cost = parse_cost_line(line, src, phase);
        let child_phase = cost
            .label
            .clone()
            .filter(|_| cost.amount.is_none())
            .or_else(|| cost.phase.clone());
        let children: Vec<CostEstimate> = item
            .sublists()
            .flat_map(|sub| costs_from_items(sub, src, child_phase.as_deref()))
            .collect();
        if cost.amount.is_some() || cost.is_total {
            out.push(cost);
        }
        out.extend(children);
    }
    attach_parts(&mut out);
    out
}

/// Gives each total the lines before it in the same phase that have amounts.
pub(crate) fn attach_parts(lines: &mut [CostEstimate]) {
    for i in 0..lines.len() {
        if !lines[i].is_total || !lines[i].parts.is_empty() {
            continue;
        }
        let phase = lines[i].phase.clone();
        let parts: Vec<CostEstimate> = lines[..i]
            .iter()
            .rev()
            .take_while(|c| !c.is_total && c.phase == phase)
            .filter(|c| c.amount.is_some())
            .cloned()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        if parts.len() >= 2 {
            lines[i].parts = parts;
        }
    }
}

/// The first amount or range in a text, its period and a bracketed note.
pub(crate) fn parse_amount(text: &str) -> (Option<Money>, Option<Period>, Option<String>) {
    let lower = text.to_lowercase();
    let Some((money, end)) = money_at(&lower) else {
        if lower.trim_start().starts_with("free") {
            let period = period_after(&lower);
            return (
                Some(Money {
                    low: 0.0,
                    high: 0.0,
                    approximate: false,
                    currency: "USD".to_string(),
                }),
                period,
                note_in(text),
            );
        }
        return (None, None, None);
    };
    let period = period_after(&lower[end..]);
    (Some(money), period, note_in(text))
}

fn note_in(text: &str) -> Option<String> {
    let open = text.find('(')?;
    let close = text[open..].find(')')? + open;
    let note = text[open + 1..close].trim();
    (!note.is_empty()).then(|| note.to_string())
}

fn money_at(lower: &str) -> Option<(Money, usize)> {
    let (sym_at, currency, sym_len) = [
        ("$", "USD"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("usd ", "USD"),
        ("eur ", "EUR"),
    ]
    .iter()
    .filter_map(|(s, c)| lower.find(s).map(|i| (i, *c, s.len())))
    .min_by_key(|(i, _, _)| *i)?;
    let before = lower[..sym_at].trim_end();
    let approximate = before.ends_with('~')
        || before.ends_with('≈')
        || before.ends_with("about")
        || before.ends_with("approx.")
        || before.ends_with("approximately")
        || before.ends_with("around");
    let mut pos = sym_at + sym_len;
    let (low, used) = number_at(&lower[pos..])?;
    pos += used;
    let mut high = low;
    let rest = &lower[pos..];
    let trimmed = rest.trim_start();
    let sep = ["-", "–", "—", "to "]
        .iter()
        .find_map(|s| trimmed.strip_prefix(s).map(|r| (s.len(), r)));
    if let Some((sep_len, after)) = sep {
        let after_trim = after.trim_start();
        let after_sym = after_trim
            .strip_prefix(['$', '€', '£'])
            .or_else(|| after_trim.strip_prefix("€"))
            .unwrap_or(after_trim);
        if let Some((h, used_h)) = number_at(after_sym) {
            let skipped = (rest.len() - trimmed.len()) + sep_len + (after.len() - after_sym.len());
            pos += skipped + used_h;
            high = h;
        }
    }
    Some((
        Money {
            low,
            high,
            approximate,
            currency: currency.to_string(),
        },
        pos,
    ))
}

/// A number with thousands separators and an optional `k` suffix.
fn number_at(s: &str) -> Option<(f64, usize)> {
    let mut digits = String::new();
    let mut used = 0;
    for (i, c) in s.char_indices() {
        if c.is_ascii_digit() || c == '.' {
            digits.push(c);
            used = i + 1;
        } else if c == ',' && s[i + 1..].starts_with(|d: char| d.is_ascii_digit()) {
            used = i + 1;
        } else {
            break;
        }
    }
    let digits = digits.trim_end_matches('.');
    let mut value: f64 = digits.parse().ok().filter(|v: &f64| v.is_finite())?;
    if s[used..].starts_with('k') && !s[used + 1..].starts_with(|c: char| c.is_alphabetic()) {
        value *= 1000.0;
        used += 1;
    }
    Some((value, used))
}

fn period_after(s: &str) -> Option<Period> {
    let window: String = s.chars().take(40).collect();
    let table: &[(&str, Period)] = &[
        ("/month", Period::Month),
        ("/mo", Period::Month),
        ("per month", Period::Month),
        ("a month", Period::Month),
        ("monthly", Period::Month),
        ("/year", Period::Year),
        ("/yr", Period::Year),
        ("per year", Period::Year),
        ("a year", Period::Year),
        ("annually", Period::Year),
        ("yearly", Period::Year),
        ("per annum", Period::Year),
        ("/hour", Period::Hour),
        ("/hr", Period::Hour),
        ("per hour", Period::Hour),
        ("/day", Period::Day),
        ("per day", Period::Day),
        ("/week", Period::Week),
        ("per week", Period::Week),
        ("one-time", Period::OneOff),
        ("one time", Period::OneOff),
        ("one-off", Period::OneOff),
    ];
    table
        .iter()
        .filter_map(|(k, p)| window.find(k).map(|i| (i, *p)))
        .min_by_key(|(i, _)| *i)
        .map(|(_, p)| p)
        .or_else(|| {
            // `$7/service/month`
            window.contains("/month").then_some(Period::Month)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts() {
        let cases = [
            ("$7/month", 7.0, 7.0, false, Some(Period::Month)),
            (
                "$15-30/month (unpredictable)",
                15.0,
                30.0,
                false,
                Some(Period::Month),
            ),
            (
                "~$5/month (usage-based)",
                5.0,
                5.0,
                true,
                Some(Period::Month),
            ),
            ("$0/month (free tier)", 0.0, 0.0, false, Some(Period::Month)),
            ("$1,200/year", 1200.0, 1200.0, false, Some(Period::Year)),
            (
                "$100-$300 per month",
                100.0,
                300.0,
                false,
                Some(Period::Month),
            ),
            ("€20 to €40 a month", 20.0, 40.0, false, Some(Period::Month)),
            ("$7/service/month", 7.0, 7.0, false, Some(Period::Month)),
        ];
        for (text, low, high, approx, period) in cases {
            let (m, p, _) = parse_amount(text);
            let m = m.unwrap_or_else(|| panic!("{text}"));
            assert_eq!(
                (m.low, m.high, m.approximate, p),
                (low, high, approx, period),
                "{text}"
            );
        }
        assert_eq!(
            parse_amount("$0/month (free tier)").2.as_deref(),
            Some("free tier")
        );
        assert!(parse_amount("no cost stated").0.is_none());
    }
}
