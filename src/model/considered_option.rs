//! Considered options (the MADR term) with their pros, cons and cost estimates, and the one
//! key every stage compares option names by.

use serde::Serialize;

use super::{CostEstimate, Span};

/// One bullet or line of text, with the marker it started with (`✅`, `⚠️`, `Good,`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Item {
    /// Plain text, markup and the leading marker removed.
    pub text: String,
    /// The leading marker, if any: an emoji or MADR's `Good`/`Bad`/`Neutral`.
    pub marker: Option<String>,
    /// Where the item is.
    pub span: Span,
}

/// An option the record weighed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsideredOption {
    /// The name, with `Option N:` and markers such as `(SELECTED)` removed.
    pub name: String,
    /// Where the name is written.
    pub span: Span,
    /// True when the record marks this option as the chosen one.
    pub selected: bool,
    /// Prose describing the option.
    pub description: String,
    /// Arguments for.
    pub pros: Vec<Item>,
    /// Arguments against.
    pub cons: Vec<Item>,
    /// Neutral points.
    pub neutral: Vec<Item>,
    /// Cost estimates in the order written.
    pub costs: Vec<CostEstimate>,
    /// A per-option verdict line (`**Decision:** Fly.io simpler and cheaper`).
    pub verdict: Option<Item>,
}

/// The key titles and criterion names are compared by: lower-case words of letters and digits
/// joined by single spaces (`Use PostgreSQL (v16)!` = `use postgresql v16`). Unlike
/// [`option_key`], a parenthesised part is kept: `Cost (monthly)` and `Cost (setup)` are two
/// criteria.
#[must_use]
pub fn word_key(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The key option names are compared by: case-folded, a parenthesised suffix dropped
/// (`AWS (EC2/ECS)` = `AWS`), quotes and apostrophes removed, and words split on markup and
/// punctuation (`**Cloud-Run**` = `cloud run`). Dots and pluses inside a word stay, so
/// `Fly.io` is not `Fly` and `C++` is not `C`.
#[must_use]
pub fn option_key(name: &str) -> String {
    let mut base = name.trim();
    if let Some(open) = base.find(" (")
        && open > 0
    {
        base = &base[..open];
    }
    let unquoted: String = base
        .chars()
        .filter(|c| !matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’'))
        .collect();
    unquoted
        .split(|c: char| !(c.is_alphanumeric() || c == '.' || c == '+'))
        .map(|w| w.trim_matches('.'))
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// [`option_key`] with the spacing and punctuation inside names also ignored, so that names
/// written differently by the same record compare equal: `Wiki.js` = `WikiJS` = `wiki js`,
/// `Cloud-Run` = `CloudRun`. A `+` stays (`C++` is not `C`), and `Fly.io` (`flyio`) is still
/// not `Fly`.
#[must_use]
pub fn loose_option_key(name: &str) -> String {
    option_key(name)
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '+')
        .collect()
}

/// Whether a longer key starts with all the words of a shorter one (`render starter` and
/// `render`).
fn key_starts_with(long: &str, short: &str) -> bool {
    long.strip_prefix(short)
        .is_some_and(|rest| rest.starts_with(' '))
}

/// Whether a name extends an option's name by more words after it: the option's key
/// ([`option_key`], its parenthesised part dropped) is the leading words of the name's key
/// (`FastAPI with Python 3.14+` extends `FastAPI (Python)`).
#[must_use]
pub fn extends_option(name: &str, option: &str) -> bool {
    let option = option_key(option);
    !option.is_empty() && key_starts_with(&option_key(name), &option)
}

/// Whether two option names name the same option: equal keys ([`option_key`]), equal loose
/// keys ([`loose_option_key`]: `Wiki.js` and `WikiJS`), or one key is the other's leading
/// words (`Render` and `Render Starter`).
#[must_use]
pub fn same_option(a: &str, b: &str) -> bool {
    let (a, b) = (option_key(a), option_key(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b
        || key_starts_with(&a, &b)
        || key_starts_with(&b, &a)
        || loose_option_key(&a) == loose_option_key(&b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn option_keys_table() {
        let rows = [
            ("parenthesised suffix", "AWS (EC2/ECS)", "aws"),
            ("bold markup", "**Render**", "render"),
            ("quotes", "\"Use bats\"", "use bats"),
            ("trailing punctuation", "Render.", "render"),
            ("hyphen splits words", "Cloud-Run", "cloud run"),
            ("dot inside a word", "Fly.io", "fly.io"),
            ("plus inside a word", "C++", "c++"),
            ("apostrophe", "Let’s Encrypt", "lets encrypt"),
            ("spaces collapse", "  Render   Starter ", "render starter"),
            ("paren at the start stays", "(none)", "none"),
        ];
        for (name, input, want) in rows {
            assert_eq!(option_key(input), want, "{name}");
        }
    }

    #[test]
    fn loose_option_keys_table() {
        let rows = [
            ("dot dropped", "Wiki.js", "wikijs"),
            ("spaces dropped", "wiki js", "wikijs"),
            ("hyphen dropped", "Cloud-Run", "cloudrun"),
            ("plus kept", "C++", "c++"),
            ("suffix dropped", "Fly.io (Machines)", "flyio"),
        ];
        for (name, input, want) in rows {
            assert_eq!(loose_option_key(input), want, "{name}");
        }
    }

    #[test]
    fn extends_option_table() {
        let rows = [
            (
                "more words",
                "FastAPI with Python 3.14+",
                "FastAPI (Python)",
                true,
            ),
            ("suffix word", "Monorepo structure", "Monorepo", true),
            ("same name", "Monorepo", "Monorepo", false),
            ("part of a word", "Monorepos", "Monorepo", false),
            ("shorter", "MediaPipe", "MediaPipe Pose", false),
        ];
        for (name, long, option, want) in rows {
            assert_eq!(extends_option(long, option), want, "{name}");
        }
    }

    #[test]
    fn same_option_table() {
        let rows = [
            ("suffix dropped", "AWS (EC2/ECS)", "AWS", true),
            ("markup and case", "**Render**", "render", true),
            ("leading words", "Render Starter", "Render", true),
            ("another name", "Railway", "Render", false),
            ("dot keeps the word whole", "Fly.io", "Fly", false),
            ("spelling without the dot", "Wiki.js", "WikiJS", true),
            ("case and spacing", "GitHub Actions", "Github actions", true),
            ("plus is kept loosely too", "C++", "C", false),
            ("empty never matches", "", "", false),
        ];
        for (name, a, b, want) in rows {
            assert_eq!(same_option(a, b), want, "{name}");
        }
    }
}
