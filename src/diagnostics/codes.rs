//! The registry of finding codes: for every code docket can report, its name, default severity,
//! summary, documentation page, whether it runs by default and whether it offers fixes. This is
//! the only place those facts live; `rules::RULES` says which check reports each code.

use super::{RuleInfo, Severity};

/// Declares [`Code`] and its registry entries from one table.
macro_rules! codes {
    ($(
        $variant:ident = $code:ident $name:literal, $severity:ident, on = $on:literal,
            fixable = $fixable:literal, $summary:literal;
    )*) => {
        /// A kind of finding. Every layer that reports a problem names it by one of these, and
        /// [`Code::info`] supplies its code, name and default severity.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $(
                #[doc = concat!("`", stringify!($code), "` ", $name, ": ", $summary)]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in code order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The registry entry of this code.
            #[must_use]
            pub fn info(self) -> &'static RuleInfo {
                match self {
                    $(Code::$variant => &RuleInfo {
                        code: stringify!($code),
                        name: $name,
                        severity: Severity::$severity,
                        summary: $summary,
                        explanation: include_str!(concat!(
                            "../../docs/rules/", stringify!($code), "-", $name, ".md"
                        )),
                        fixable: $fixable,
                        enabled_by_default: $on,
                    },)*
                }
            }
        }
    };
}

codes! {
    InvalidUtf8 = DK001 "invalid-utf8", Warning, on = true, fixable = false,
        "The file is not valid UTF-8; invalid bytes were replaced.";
    InvalidFrontMatter = DK002 "invalid-front-matter", Error, on = true, fixable = false,
        "The YAML or TOML front matter does not parse.";
    EmptyRecord = DK003 "empty-record", Error, on = true, fixable = false,
        "The record file is empty or only whitespace.";
    MissingTitle = DK004 "missing-title", Error, on = true, fixable = false,
        "The record has no heading at all; its title is inferred from the file name.";
    MultipleTitles = DK005 "multiple-titles", Warning, on = true, fixable = false,
        "The record has more than one level-1 heading.";
    RecordInCodeFence = DK006 "record-in-code-fence", Warning, on = true, fixable = false,
        "The whole record is inside a code block, so none of it is read.";
    TitleNotLevel1 = DK007 "title-not-level-1", Warning, on = true, fixable = false,
        "The record has no level-1 heading; another heading is used as its title.";
    UnreadableFile = DK008 "unreadable-file", Error, on = true, fixable = false,
        "A record file found in a folder could not be read.";
    LimitExceeded = DK009 "limit-exceeded", Error, on = true, fixable = false,
        "A file, the number of records or a front matter's YAML is over a `[limits]` bound; what is over it was not read.";
    MissingStatus = DK101 "missing-status", Warning, on = true, fixable = false,
        "The record states no status.";
    UnknownStatus = DK102 "unknown-status", Warning, on = true, fixable = false,
        "The status is not one of the configured statuses.";
    MisspelledStatus = DK103 "misspelled-status", Warning, on = true, fixable = true,
        "The status word is a misspelling of a standard status; fixable.";
    MissingSection = DK104 "missing-section", Warning, on = true, fixable = false,
        "A section the record's format requires is missing.";
    EmptySection = DK105 "empty-section", Warning, on = true, fixable = false,
        "A section has no content and no subsections.";
    TemplatePlaceholder = DK106 "template-placeholder", Warning, on = true, fixable = false,
        "Template placeholder text (`{…}`, `TODO`, `TBD`, comment-only section) is left in.";
    IdMismatch = DK201 "id-mismatch", Warning, on = true, fixable = false,
        "The file name's number and the record's id disagree.";
    DuplicateNumber = DK202 "duplicate-number", Error, on = true, fixable = false,
        "Two records in the same folder and series have the same number.";
    NumberingGap = DK203 "numbering-gap", Info, on = false, fixable = false,
        "Numbers are skipped within a folder's series (off by default).";
    InconsistentSeriesPrefix = DK204 "inconsistent-series-prefix", Warning, on = true, fixable = false,
        "File names in one folder write the same series with different prefixes or padding.";
    NumberCollision = DK205 "number-collision", Error, on = true, fixable = false,
        "A new record takes a number already used on the `--changed-since` ref.";
    TooFewOptions = DK301 "too-few-options", Warning, on = true, fixable = false,
        "The record lists only one considered option.";
    ChosenNotAmongOptions = DK302 "chosen-not-among-options", Warning, on = true, fixable = false,
        "The chosen option is not one of the considered options.";
    OptionNameMismatch = DK303 "option-name-mismatch", Warning, on = true, fixable = false,
        "Option names differ between the options sections and the criteria table.";
    WinnerMismatch = DK310 "winner-mismatch", Error, on = true, fixable = false,
        "The declared winner is not the option the criteria table scores highest, or the Critical gate eliminates it.";
    StatedTotalMismatch = DK311 "stated-total-mismatch", Error, on = true, fixable = false,
        "A total the criteria table states differs from weight × rating summed over the criteria.";
    UnrecognisedRating = DK312 "unrecognised-rating", Warning, on = true, fixable = false,
        "A rating cell fits no scale, or not the scale of the rest of the table.";
    UnrecognisedWeight = DK313 "unrecognised-weight", Warning, on = true, fixable = false,
        "A criterion's weight is missing or is not a level, number or percentage.";
    WeightsDoNotSum = DK314 "weights-do-not-sum", Warning, on = true, fixable = false,
        "Fractional weights do not sum to 1, or percentages to 100%.";
    MissingWinner = DK315 "missing-winner", Warning, on = true, fixable = false,
        "A criteria table has no declared winner or chosen option to compare with.";
    MissingRating = DK316 "missing-rating", Warning, on = true, fixable = false,
        "An option has an empty cell in a criteria table.";
    UnreadableStatedTotal = DK317 "unreadable-stated-total", Info, on = true, fixable = false,
        "A stated total is a word rather than a number, so it cannot be checked.";
    WeightedPartMismatch = DK318 "weighted-part-mismatch", Error, on = true, fixable = false,
        "A cell such as `7 (28)` states a weighted part that is not weight × rating.";
    NoEligibleOption = DK319 "no-eligible-option", Warning, on = true, fixable = false,
        "The Critical gate eliminates every option of a criteria table.";
    UnknownDeclaredWinner = DK320 "unknown-declared-winner", Warning, on = true, fixable = false,
        "The declared winner names no option of the criteria table.";
    TiedWinner = DK321 "tied-winner", Info, on = true, fixable = false,
        "The declared winner shares the top total with another option.";
    CostTotalMismatch = DK401 "cost-total-mismatch", Error, on = true, fixable = false,
        "A cost `Total` differs from the sum of the lines above it.";
    CostRangeInverted = DK402 "cost-range-inverted", Error, on = true, fixable = false,
        "A cost range's low end is above its high end (`$30-15`).";
    MixedCostPeriods = DK403 "mixed-cost-periods", Warning, on = true, fixable = false,
        "One option's recurring costs mix periods (per month and per year).";
    CostWithoutPeriod = DK404 "cost-without-period", Info, on = true, fixable = false,
        "A non-zero cost has no period, so it cannot be compared per month.";
    MixedCurrencies = DK405 "mixed-currencies", Warning, on = true, fixable = false,
        "One option's costs mix currencies, so they are not added up.";
    MissingDate = DK501 "missing-date", Warning, on = true, fixable = false,
        "The record states no decision date.";
    InvalidDate = DK502 "invalid-date", Warning, on = true, fixable = false,
        "The decision date is not a calendar date.";
    FutureDate = DK503 "future-date", Warning, on = true, fixable = false,
        "The decision date is in the future.";
    ReviewDateNotADate = DK504 "review-date-not-a-date", Info, on = true, fixable = false,
        "A review or due date is not a calendar date.";
    SupersededWithoutReplacement = DK505 "superseded-without-replacement", Warning, on = true, fixable = false,
        "A superseded record does not name its replacement.";
    ReviewOverdue = DK506 "review-overdue", Warning, on = true, fixable = false,
        "An accepted record is past its review date.";
    StaleProposal = DK507 "stale-proposal", Warning, on = true, fixable = false,
        "A record has been `proposed` for longer than the configured age.";
    NonIsoDate = DK508 "non-iso-date", Info, on = true, fixable = false,
        "The decision date is not written as YYYY-MM-DD.";
    OneSidedSupersede = DK509 "one-sided-supersede", Warning, on = true, fixable = true,
        "A supersede link is stated on one side only; fixable.";
    UnresolvedLink = DK601 "unresolved-link", Warning, on = true, fixable = false,
        "A link names a record that is not in the set.";
    OneSidedLink = DK602 "one-sided-link", Warning, on = true, fixable = false,
        "An amends link is stated on one side only (supersedes are DK509's).";
    SupersedeCycle = DK603 "supersede-cycle", Error, on = true, fixable = false,
        "Records supersede each other in a circle.";
    SupersededBySuperseded = DK604 "superseded-by-superseded", Info, on = true, fixable = false,
        "A record's replacement is itself superseded; the message names the current head.";
    AcceptedSupersedesAccepted = DK605 "accepted-supersedes-accepted", Error, on = true, fixable = false,
        "An accepted record supersedes another that is still accepted.";
    OrphanRecord = DK606 "orphan-record", Info, on = false, fixable = false,
        "A record has no resolved link in or out.";
    ConflictingDecisions = DK607 "conflicting-decisions", Error, on = true, fixable = false,
        "Two accepted records on the same topic chose different options.";
    BrokenRelativeLink = DK608 "broken-relative-link", Warning, on = true, fixable = false,
        "A relation link points at a non-record file that does not exist.";
    InvalidEmbeddedCode = DK701 "invalid-embedded-code", Warning, on = true, fixable = false,
        "A `toml`, `yaml` or `json` code block does not parse.";
}

/// The family of a code, named by its hundreds digit (`DK6xx`: links and graph).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// `DK0xx`: reading and parsing.
    Parse,
    /// `DK1xx`: structure (status, sections, placeholders).
    Structure,
    /// `DK2xx`: identity and numbering.
    Identity,
    /// `DK3xx`: options, criteria and scores.
    Options,
    /// `DK4xx`: costs.
    Costs,
    /// `DK5xx`: lifecycle and dates.
    Lifecycle,
    /// `DK6xx`: links and the graph.
    Links,
    /// `DK7xx`: embedded code.
    EmbeddedCode,
}

impl Code {
    /// The family the code's hundreds digit names.
    #[must_use]
    pub fn family(self) -> Family {
        match self.as_str().as_bytes()[2] {
            b'0' => Family::Parse,
            b'1' => Family::Structure,
            b'2' => Family::Identity,
            b'3' => Family::Options,
            b'4' => Family::Costs,
            b'5' => Family::Lifecycle,
            b'6' => Family::Links,
            _ => Family::EmbeddedCode,
        }
    }

    /// The code a string names (`DK102`, case-insensitive).
    #[must_use]
    pub fn from_code(code: &str) -> Option<Code> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.info().code.eq_ignore_ascii_case(code))
    }

    /// The stable code (`DK102`).
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.info().code
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_sorted_and_named_by_family() {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).collect();
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        for c in Code::ALL {
            let info = c.info();
            assert!(
                info.code.len() == 5 && info.code.starts_with("DK"),
                "{}",
                info.code
            );
            assert!(
                info.name
                    .chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-'),
                "{}",
                info.name
            );
            assert!(info.summary.ends_with('.'), "{}", info.code);
            assert_eq!(Code::from_code(&info.code.to_lowercase()), Some(*c));
        }
    }
}
