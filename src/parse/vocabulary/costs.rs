//! Cost words: the periods a price is stated per (`/month`, `a year`, `one-off`), and the
//! phase labels cost lines are grouped by (`MVP:`, `Production:`).

use crate::model::Period;

/// Period phrases after an amount, lower case (`$7/month`, `€20 a month`, `$300 one-off`).
/// The earliest in the text wins. `daily` and `weekly` are left out: `$5 for daily backups`
/// is no daily price.
pub(crate) const PERIOD_PHRASES: &[(&str, Period)] = &[
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

/// Words that name a period after `per` or `/` (`per user per month`, `/user/mo`), and the
/// period adverbs (`monthly`); any other word there names the unit a price is per.
const PERIOD_WORDS: &[&str] = &[
    "month", "months", "mo", "year", "years", "yr", "annum", "hour", "hours", "hr", "day", "days",
    "week", "weeks", "monthly", "yearly", "annually", "hourly", "daily", "weekly",
];

/// Whether a lower-case word names a period rather than a unit.
pub(crate) fn is_period_word(word: &str) -> bool {
    PERIOD_WORDS.contains(&word)
}

/// Labels that name a phase of a cost estimate, as the label's first word (lower case).
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

/// Whether a cost label names a phase (`MVP`, `Production (Phase 12+)`).
pub(crate) fn is_phase_label(label: &str) -> bool {
    let lower = label.to_lowercase();
    let first = lower.split(|c: char| !c.is_alphanumeric()).next();
    PHASE_WORDS.iter().any(|w| first == Some(*w))
}
