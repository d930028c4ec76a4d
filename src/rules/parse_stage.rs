//! Registry entries for the findings the loader and parser report (`DK0xx`), so that
//! `--explain`, config severities and suppressions treat them like any rule.

use super::{Check, Rule, rule_info};

/// The file is not valid UTF-8.
pub(crate) static DK001: Rule = Rule {
    info: rule_info!(
        "DK001",
        "invalid-utf8",
        Warning,
        "The file is not valid UTF-8; invalid bytes were replaced.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// The front matter does not parse.
pub(crate) static DK002: Rule = Rule {
    info: rule_info!(
        "DK002",
        "invalid-front-matter",
        Error,
        "The YAML or TOML front matter does not parse.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// The file is empty.
pub(crate) static DK003: Rule = Rule {
    info: rule_info!(
        "DK003",
        "empty-record",
        Error,
        "The record file is empty or only whitespace.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// No level-1 heading.
pub(crate) static DK004: Rule = Rule {
    info: rule_info!(
        "DK004",
        "missing-title",
        Error,
        "The record has no level-1 heading (error when it has no heading at all).",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// More than one level-1 heading.
pub(crate) static DK005: Rule = Rule {
    info: rule_info!(
        "DK005",
        "multiple-titles",
        Warning,
        "The record has more than one level-1 heading.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// The whole record is inside a code fence.
pub(crate) static DK006: Rule = Rule {
    info: rule_info!(
        "DK006",
        "record-in-code-fence",
        Warning,
        "The whole record is inside a code block, so none of it is read.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};

/// The file could not be read.
pub(crate) static DK008: Rule = Rule {
    info: rule_info!(
        "DK008",
        "unreadable-file",
        Error,
        "A record file found in a folder could not be read.",
        fixable = false
    ),
    enabled_by_default: true,
    check: Check::Parse,
};
