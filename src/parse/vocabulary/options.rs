//! How records mark considered options and the chosen one: `Option N:` prefixes, `(SELECTED)`
//! markers, `Chosen option:`, `Selected …:` and `Winner:` lines.

/// Words that open an option's heading or name (`Option 2: Render`, `Alternative B`).
pub(crate) const OPTION_PREFIXES: &[&str] = &["option", "alternative"];

/// Lower-case suffixes that mark an option as the chosen one (`### Render (SELECTED)`).
pub(crate) const SELECTED_MARKERS: &[&str] = &[
    "(selected)",
    "(chosen)",
    "(recommended, selected)",
    "- selected",
    "✅ selected",
    "[selected]",
];

/// Lower-case openings of MADR's chosen-option line (`Chosen option: "Render", because …`).
const CHOSEN_OPTION_LINES: &[&str] = &["chosen option", "chosen alternative"];

/// Normalised keys of a line that declares a criteria table's winner.
const WINNER_KEYS: &[&str] = &["winner", "overall winner"];

/// Normalised keys of a `Selected …:` line: the key itself, or a first word of one.
const SELECTED_KEYS: &[&str] = &["selected", "chosen"];

/// Normalised keys of an option's verdict line (`**Decision:** rejected, too costly`).
const VERDICT_KEYS: &[&str] = &["decision", "verdict", "outcome", "result"];

/// Whether a normalised key states an option's verdict.
pub(crate) fn is_verdict_key(norm: &str) -> bool {
    VERDICT_KEYS.contains(&norm)
}

/// Whether a lower-cased line opens MADR's chosen-option statement.
pub(crate) fn is_chosen_option_line(lower: &str) -> bool {
    CHOSEN_OPTION_LINES.iter().any(|p| lower.starts_with(p))
}

/// Whether a normalised key declares a winner.
pub(crate) fn is_winner_key(norm: &str) -> bool {
    WINNER_KEYS.contains(&norm)
}

/// Whether a normalised key states the selected option (`Selected`, `Selected option`,
/// `Chosen approach`).
pub(crate) fn is_selected_key(norm: &str) -> bool {
    let first = norm.split(' ').next().unwrap_or("");
    norm == SELECTED_KEYS[0] || (SELECTED_KEYS.contains(&first) && norm.contains(' '))
}
