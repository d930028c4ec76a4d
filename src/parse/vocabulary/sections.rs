//! Section headings and the kind each names, in the templates docket reads (Nygard, MADR,
//! log4brains, DR) and the variants found in the wild.

use crate::model::{Format, SectionKind};

/// MADR's name for the context section.
const MADR_CONTEXT: &str = "context and problem statement";
/// MADR's name for the decision section.
const MADR_DECISION: &str = "decision outcome";
/// The status heading; also written with the status in it (`## Status: Accepted`).
const STATUS: &str = "status";
/// The status headings: English, and Chinese simplified and traditional (`## 状态`).
const STATUS_HEADINGS: &[&str] = &[STATUS, "状态", "狀態"];

/// Normalised headings (see [`heading_key`]) and the kind each names. The first heading of a
/// kind is the one lint messages use.
const SECTIONS: &[(SectionKind, &[&str])] = &[
    (
        SectionKind::Context,
        &[
            "context",
            MADR_CONTEXT,
            "problem statement",
            "background",
            "problem",
            "context and problem",
            "the problem",
            "motivation",
            "situation",
            "context and motivation",
        ],
    ),
    (
        SectionKind::Decision,
        &[
            "decision",
            MADR_DECISION,
            "the decision",
            "decision made",
            "our decision",
            "decision and rationale",
            "outcome",
            "decision statement",
            "preferred option",
            "entscheidung",
            // Proposal-style records (a KEP-like "## Proposal" holds what is decided).
            "proposal",
            "proposed decision",
            "recommendation",
            "决定",
            "决策",
        ],
    ),
    (SectionKind::Consequences, &["consequences", "implications"]),
    (
        SectionKind::ConsideredOptions,
        &[
            "considered options",
            "options considered",
            "alternatives considered",
            "considered alternatives",
            "alternatives",
            "options",
            "other options considered",
            "other options",
            "options and analysis",
            "option analysis",
            "evaluated options",
            "possible solutions",
            "solutions considered",
            "候选方案",
            "备选方案",
            "alternativen",
            "betrachtete alternativen",
            "betrachtete optionen",
        ],
    ),
    (
        SectionKind::ProsAndCons,
        &[
            "pros and cons of the options",
            "pros and cons of options",
            "pros and cons",
        ],
    ),
    (SectionKind::Status, STATUS_HEADINGS),
    (
        SectionKind::Date,
        &["date", "date decided", "decision date"],
    ),
    (
        SectionKind::Links,
        &[
            "links",
            "related",
            "related decisions",
            "related adrs",
            "related records",
            "related documents",
            "see also",
            "relations",
        ],
    ),
    (
        SectionKind::Changelog,
        &[
            "changelog",
            "change log",
            "history",
            "revision history",
            "status history",
            "changes",
        ],
    ),
];

/// A heading lower-cased, with numbering (`2.`, `A)`), emoji, a trailing colon and extra
/// spaces removed: the form the tables hold.
#[must_use]
pub fn heading_key(text: &str) -> String {
    let t = text.trim();
    let t = t.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ')');
    let t: String = t
        .chars()
        .filter(|c| {
            c.is_alphanumeric() || c.is_whitespace() || matches!(c, '-' | '/' | '&' | ':' | '\'')
        })
        .collect();
    let t = t.trim().trim_end_matches(':').trim();
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// One-word section names that still name the section at the end of a longer heading
/// (`Module Architecture Options`, `Hosting Alternatives`).
const QUALIFIABLE_WORDS: &[&str] = &["options", "alternatives"];

/// The kind a heading names: one of the table's headings, or a heading that ends in one of
/// several words (`CI Platform Considered Options`). Everything else is `Other`.
#[must_use]
pub fn section_kind(heading: &str) -> SectionKind {
    kind_of_key(&heading_key(heading))
}

/// How many heading kinds each thread remembers before starting over.
const KIND_CACHE_LIMIT: usize = 4096;

thread_local! {
    /// Headings repeat across records (`context`, `option 1: render`), and a heading no
    /// table names is looked up fuzzily, which is slow: each parsing thread remembers the
    /// kinds it worked out. The lookup is a pure function, so results never depend on it.
    static KIND_CACHE: std::cell::RefCell<std::collections::HashMap<String, SectionKind>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// [`section_kind`] for a heading already normalised by [`heading_key`].
pub(crate) fn kind_of_key(key: &str) -> SectionKind {
    if let Some(kind) = KIND_CACHE.with(|c| c.borrow().get(key).copied()) {
        return kind;
    }
    let kind = look_up_kind(key);
    KIND_CACHE.with(|c| {
        let mut cache = c.borrow_mut();
        if cache.len() >= KIND_CACHE_LIMIT {
            cache.clear();
        }
        cache.insert(key.to_string(), kind);
    });
    kind
}

fn look_up_kind(key: &str) -> SectionKind {
    let exact = SECTIONS
        .iter()
        .find(|(_, names)| names.contains(&key))
        .map(|(kind, _)| *kind)
        .or_else(|| {
            super::links::RELATED_IN_OTHER_LANGUAGES
                .contains(&key)
                .then_some(SectionKind::Links)
        });
    exact
        .or_else(|| {
            // `## Decision: use AWS Lambda for glue code` is the Decision section with its gist.
            let (head, rest) = key.split_once(':')?;
            let named = SECTIONS
                .iter()
                .find(|(_, names)| names.contains(&head.trim()))
                .map(|(kind, _)| *kind);
            named.filter(|_| !rest.trim().is_empty())
        })
        .or_else(|| {
            SECTIONS
                .iter()
                .find(|(_, names)| {
                    names.iter().any(|n| {
                        // `CI Platform Considered Options`, `Module Architecture Options`: a
                        // multi-word name, or the plural that names a list of choices.
                        (n.contains(' ') || QUALIFIABLE_WORDS.contains(n))
                            && key.strip_suffix(n).is_some_and(|head| head.ends_with(' '))
                    })
                })
                .map(|(kind, _)| *kind)
        })
        .or_else(|| misspelt_kind(key))
        .unwrap_or_default()
}

/// The shortest word a misspelling is accepted for; shorter words must be exact.
const MIN_FUZZY_WORD: usize = 6;

/// The kind of a heading that misspells one of the table's multi-word headings: the same
/// words, each exact or, when the table's word has at least [`MIN_FUZZY_WORD`] letters,
/// within one edit of it (`Conidered Options`, `Pros and Cons of the Optons`). One-word
/// headings (`Context`, `Status`) are never matched this way.
fn misspelt_kind(key: &str) -> Option<SectionKind> {
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return None;
    }
    SECTIONS
        .iter()
        .find(|(_, names)| {
            names.iter().any(|name| {
                let known: Vec<&str> = name.split(' ').collect();
                known.len() == words.len()
                    && known.iter().zip(&words).all(|(k, w)| {
                        k == w || (k.chars().count() >= MIN_FUZZY_WORD && within_one_edit(k, w))
                    })
            })
        })
        .map(|(kind, _)| *kind)
}

/// Whether two words differ by at most one inserted, deleted, changed or swapped letter.
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 {
        return false;
    }
    let head = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        let tail_same = |from: usize| short[from..] == long[from..];
        head == short.len()
            || tail_same(head + 1)
            || (head + 1 < short.len()
                && short[head] == long[head + 1]
                && short[head + 1] == long[head]
                && tail_same(head + 2))
    } else {
        short[head..] == long[head + 1..]
    }
}

/// The heading lint messages use for a kind in a format's template (MADR writes `Context and
/// Problem Statement` and `Decision Outcome`).
#[must_use]
pub fn section_heading(kind: SectionKind, format: Format) -> &'static str {
    let madr = matches!(format, Format::Madr | Format::Madr2 | Format::Log4brains);
    match kind {
        SectionKind::Context if madr => MADR_CONTEXT,
        SectionKind::Decision if madr => MADR_DECISION,
        _ => SECTIONS
            .iter()
            .find(|(k, _)| *k == kind)
            .and_then(|(_, names)| names.first())
            .copied()
            .unwrap_or(""),
    }
}

/// Whether a normalised heading is the status section, including `Status …` headings.
pub(crate) fn is_status_heading(key: &str) -> bool {
    key == STATUS
        || key.strip_prefix(STATUS).is_some_and(|r| r.starts_with(' '))
        || STATUS_HEADINGS.contains(&key)
}

/// The status written into a heading (`status: accepted` → `accepted`); `Some("")` for a
/// plain `Status` heading, `None` for other headings.
pub(crate) fn qualified_status_heading(key: &str) -> Option<&str> {
    if STATUS_HEADINGS.contains(&key) {
        return Some("");
    }
    key.strip_prefix(STATUS)
        .map(|rest| rest.trim_start_matches([':', ' ', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_name_kinds() {
        let rows = [
            (
                "nygard decision statement",
                "Decision Statement",
                SectionKind::Decision,
            ),
            ("madr problem", "Problem", SectionKind::Context),
            ("numbered", "2. Context", SectionKind::Context),
            (
                "qualified",
                "CI Platform Considered Options",
                SectionKind::ConsideredOptions,
            ),
            (
                "options of a topic",
                "Module Architecture Options",
                SectionKind::ConsideredOptions,
            ),
            (
                "one word is not qualified",
                "Migration Context",
                SectionKind::Other,
            ),
            ("other", "Security", SectionKind::Other),
            (
                "kind with its gist after a colon",
                "Decision: use AWS Lambda to run glue code",
                SectionKind::Decision,
            ),
            (
                "a colon and nothing after",
                "Decision:",
                SectionKind::Decision,
            ),
            (
                "an option is not a kind",
                "Option 1: Shared VM",
                SectionKind::Other,
            ),
            ("proposal-style record", "Proposal", SectionKind::Decision),
            (
                "misspelt: letter missing",
                "Conidered options",
                SectionKind::ConsideredOptions,
            ),
            (
                "misspelt: letter missing at the end",
                "Considerd Options",
                SectionKind::ConsideredOptions,
            ),
            (
                "misspelt: short word exact",
                "Pros and Cons of the Optons",
                SectionKind::ProsAndCons,
            ),
            (
                "misspelt: letters swapped",
                "Cosnidered Options",
                SectionKind::ConsideredOptions,
            ),
            (
                "a short heading is never fuzzy",
                "Contxt",
                SectionKind::Other,
            ),
            ("nor a one-word heading", "Statuss", SectionKind::Other),
            (
                "two edits in one word",
                "Dcsion Outcome",
                SectionKind::Other,
            ),
            (
                "a short word must be exact",
                "Decision dates",
                SectionKind::Other,
            ),
        ];
        for (name, heading, kind) in rows {
            assert_eq!(section_kind(heading), kind, "{name}");
        }
    }
}
