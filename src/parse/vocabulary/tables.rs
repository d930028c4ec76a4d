//! How records write criteria and comparison tables: the rating words of a cell (`Yes`,
//! `Partial`, `Unknown`), the corner words that name a table's criteria or options axis, `Winner` columns, columns
//! that are no option (`Before`, `After`) and the headings that announce a comparison.

use super::options::{OPTION_PREFIXES, is_winner_key};
use crate::model::RatingMark;

/// Lower-case words that open a rating cell, and the mark each is.
pub(crate) const MARK_WORDS: &[(&str, RatingMark)] = &[
    ("yes", RatingMark::Good),
    ("y", RatingMark::Good),
    ("no", RatingMark::Bad),
    ("n", RatingMark::Bad),
    ("partial", RatingMark::Partial),
    ("partially", RatingMark::Partial),
    ("partly", RatingMark::Partial),
    ("limited", RatingMark::Partial),
    ("unknown", RatingMark::Unknown),
    ("tbd", RatingMark::Unknown),
];

/// Words of a table's corner cell that say its rows are criteria (`Criteria`, `Key factor`,
/// `Aspect`) and its columns therefore options.
const CRITERIA_AXIS_WORDS: &[&str] = &[
    "criteria",
    "criterion",
    "factor",
    "factors",
    "consideration",
    "considerations",
    "dimension",
    "dimensions",
    "aspect",
    "aspects",
];

/// Words of a corner cell that say its rows are options (`Option`, `Candidate`, `Solution`),
/// besides the option prefixes (`Option`, `Alternative`).
const OPTION_AXIS_WORDS: &[&str] = &[
    "options",
    "alternatives",
    "candidate",
    "candidates",
    "approach",
    "approaches",
    "solution",
    "solutions",
    "choice",
    "choices",
    // Chinese: 方案 (scheme, option), 选项 (option), 备选方案 (alternative).
    "方案",
    "选项",
    "备选方案",
];

/// Corner words that may head criteria but also head tables that compare nothing (a feature
/// list, plan tiers): they count only with other evidence.
const FEATURE_AXIS_WORDS: &[&str] = &[
    "feature",
    "features",
    "capability",
    "capabilities",
    "category",
    "characteristic",
    "characteristics",
    "attribute",
    "attributes",
    "requirement",
    "requirements",
    "concern",
    "concerns",
    "quality",
];

/// Normalised column headings naming the best option per criterion, besides the winner keys.
const BEST_COLUMN_KEYS: &[&str] = &[
    "best",
    "best option",
    "best choice",
    "best fit",
    "preferred",
    "better",
    "advantage",
    "edge",
];

/// Column headings that are no option: a table with such a column measures something over
/// time or describes things (before / after metrics, a changelog, a table of links).
const NOT_OPTION_COLUMN_KEYS: &[&str] = &[
    "before",
    "after",
    "delta",
    "change",
    "difference",
    "improvement",
    "target",
    "goal",
    "metric",
    "unit",
    "example",
    "examples",
    "link",
    "links",
    "url",
    "version",
    "purpose",
    "meaning",
    "default",
    "owner",
];

/// Lower-case units after a legend's number (`✅ Fully meets (2 points)`).
pub(crate) const LEGEND_POINT_WORDS: &[&str] = &["point", "points", "pt", "pts"];

/// Fragments of a heading that announce a comparison or a decision matrix.
const MATRIX_HEADING_FRAGMENTS: &[&str] = &[
    "criteria",
    "matrix",
    "comparison",
    "compar",
    "evaluation",
    "scor",
    "assessment",
    // Not `decision`: a `## Decision` section holds many tables that compare nothing
    // (feature lists by phase, rollout plans); `Decision matrix` / `criteria` still count.
    "trade",
    "rating",
    "pugh",
    "versus",
    " vs",
];

/// What a table's corner cell says about its axes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Corner {
    /// Rows are criteria (`Criteria`, `Factor`).
    Criteria,
    /// Rows are options (`Option`, `Solution`).
    Options,
    /// Rows may be criteria (`Feature`): counts only with other evidence.
    Feature,
    /// Anything else.
    Other,
}

/// Reads a normalised corner cell: a word of it names the axis (`Decision criteria`, `Key
/// factor`), for corners of up to three words.
pub(crate) fn corner_of(key: &str) -> Corner {
    let words: Vec<&str> = key.split(' ').filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 3 {
        return Corner::Other;
    }
    let any = |list: &[&str]| words.iter().any(|w| list.contains(w));
    if any(CRITERIA_AXIS_WORDS) {
        Corner::Criteria
    } else if any(OPTION_AXIS_WORDS) || any(OPTION_PREFIXES) {
        Corner::Options
    } else if any(FEATURE_AXIS_WORDS) {
        Corner::Feature
    } else {
        Corner::Other
    }
}

/// Whether a normalised column heading names the best option per criterion (`Winner`, `Best`).
pub(crate) fn is_best_column_key(key: &str) -> bool {
    is_winner_key(key) || BEST_COLUMN_KEYS.contains(&key)
}

/// Whether a normalised column heading is no option (`Before`, `Link`).
pub(crate) fn is_not_option_column_key(key: &str) -> bool {
    NOT_OPTION_COLUMN_KEYS.contains(&key)
}

/// Whether a normalised header cell names an option by position (`Option 2`, `Alternative B`).
pub(crate) fn is_positional_option(key: &str) -> bool {
    let mut words = key.split(' ');
    words.next().is_some_and(|w| OPTION_PREFIXES.contains(&w))
        && words.next().is_some_and(|w| w.chars().count() <= 3)
}

/// Whether a heading announces a comparison or a decision matrix.
pub(crate) fn heading_suggests_matrix(heading: Option<&str>) -> bool {
    let h = heading.unwrap_or("").to_lowercase();
    MATRIX_HEADING_FRAGMENTS.iter().any(|w| h.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corners() {
        let cases = [
            ("criteria", Corner::Criteria),
            ("decision criteria", Corner::Criteria),
            ("key factor", Corner::Criteria),
            ("aspect", Corner::Criteria),
            ("option", Corner::Options),
            ("solution", Corner::Options),
            ("方案", Corner::Options),
            ("feature", Corner::Feature),
            ("provider", Corner::Other),
            ("metric", Corner::Other),
            ("", Corner::Other),
            ("the factor we weighed most of all", Corner::Other),
        ];
        for (key, corner) in cases {
            assert_eq!(corner_of(key), corner, "{key}");
        }
    }

    #[test]
    fn columns() {
        assert!(is_best_column_key("winner"));
        assert!(is_best_column_key("best"));
        assert!(!is_best_column_key("render"));
        assert!(is_not_option_column_key("before"));
        assert!(!is_not_option_column_key("railway"));
        assert!(is_positional_option("option 2"));
        assert!(is_positional_option("alternative b"));
        assert!(!is_positional_option("option"));
        assert!(!is_positional_option("render"));
    }
}
