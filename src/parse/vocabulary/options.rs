//! How records mark considered options and the chosen one: `Option N:` prefixes, `(SELECTED)`
//! markers, `Chosen option:`, `Selected …:` and `Winner:` lines.

/// Words that open an option's heading or name (`Option 2: Render`, `Alternative B`).
pub(crate) const OPTION_PREFIXES: &[&str] = &["option", "alternative"];

/// Lower-case words that refer to an option by its number or letter (`Option 2`, `Opção B`,
/// `Opción 1`, `方案C`).
pub(crate) const OPTION_REFERENCE_WORDS: &[&str] = &[
    "option",
    "alternative",
    "opção",
    "opcao",
    "opción",
    "opcion",
    "方案",
];

/// Lower-case suffixes that mark an option as the chosen one (`### Render (SELECTED)`).
pub(crate) const SELECTED_MARKERS: &[&str] = &[
    "(selected)",
    "(chosen)",
    "(choosen)",
    "(gewählt)",
    "(recommended, selected)",
    "- selected",
    "✅ selected",
    "[selected]",
];

/// Lower-case headings of a table's first column that name the options in its rows
/// (`| Option | Pros | Cons |`, `| 方案 | 做法 |`).
const OPTION_COLUMNS: &[&str] = &[
    "option",
    "options",
    "alternative",
    "alternatives",
    "approach",
    "solution",
    "candidate",
    "name",
    "方案",
    "选项",
];

/// Whether a lower-cased table head cell names the options in the rows below it.
pub(crate) fn is_option_column(head: &str) -> bool {
    OPTION_COLUMNS.contains(&head.trim().trim_matches(['*', '`', ':']).trim())
}

/// Lower-case openings of MADR's chosen-option line (`Chosen option: "Render", because …`).
const CHOSEN_OPTION_LINES: &[&str] = &[
    "chosen option",
    "chosen alternative",
    "choosen option",
    "choosen alternative",
];

/// Normalised keys of a line that declares a criteria table's winner.
const WINNER_KEYS: &[&str] = &["winner", "overall winner"];

/// Normalised keys of a `Selected …:` line: the key itself, or a first word of one.
const SELECTED_KEYS: &[&str] = &["selected", "chosen", "choosen"];

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

/// What follows the words of a chosen-option line (`Chosen Option (3).` → ` (3).`), when
/// the line opens with them; ASCII case is ignored.
pub(crate) fn after_chosen_option_words(text: &str) -> Option<&str> {
    CHOSEN_OPTION_LINES.iter().find_map(|p| {
        text.get(..p.len())
            .filter(|head| head.eq_ignore_ascii_case(p))
            .map(|_| &text[p.len()..])
    })
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

/// Normalised headings that sit among option headings without being options: parts of an
/// option's write-up, and the record's own sections nested one level too deep.
const NON_OPTION_HEADINGS: &[&str] = &[
    "pros and cons",
    "details",
    "description",
    "notes",
    "note",
    "examples",
    "example",
    "links",
    "references",
    "summary",
    "overview",
    "comparison",
    "recommendation",
    "implementation",
    "implementation notes",
    "positive consequences",
    "negative consequences",
    "evaluation",
    "analysis",
];

/// Whether a normalised heading under an options section is one of [`NON_OPTION_HEADINGS`].
pub(crate) fn is_non_option_heading(key: &str) -> bool {
    NON_OPTION_HEADINGS.contains(&key.trim_end_matches(':'))
}

/// Words that make a heading or list item the name of a group of options when they open or
/// close it (`Tech stack options`, `Options for rendering the page`, `Hosting alternatives`).
const OPTION_GROUP_WORDS: &[&str] = &["options", "alternatives"];

/// Whether a normalised heading or lower-cased name names a group of options.
pub(crate) fn is_option_group_name(key: &str) -> bool {
    let words: Vec<&str> = key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    // `Options 2a: Custom script` is one option with a misspelt prefix, not a group.
    let labelled = words.get(1).is_some_and(|w| {
        w.chars().count() == 1 || (w.len() <= 3 && w.starts_with(|c: char| c.is_ascii_digit()))
    });
    words.len() >= 2
        && (OPTION_GROUP_WORDS.contains(&words[words.len() - 1])
            || (OPTION_GROUP_WORDS.contains(&words[0]) && !labelled))
}

/// Words that join two names in one statement (`Hard eviction & priority classes`): a chosen
/// name holding one names more than one option.
pub(crate) const NAME_JOINERS: &[&str] = &["&", "and", "+", "or"];

/// Words joining an option part to the option's name (`Advantages of Acquia`, `Risks for
/// Render`).
pub(crate) const PART_OF: &[&str] = &[" of ", " for "];

/// Dashes that separate a name from what follows it (`Render – managed hosting`).
pub(crate) const NAME_DASHES: &[&str] = &[" - ", " – ", " — "];

/// The word that opens a reason after a name (`Discourse because …`).
pub(crate) const BECAUSE: &str = " because";

/// Lower-case phrases after which a decision statement names its choice (`We will use X`,
/// `It is recommended to use X`, `HHS has selected X`).
pub(crate) const CHOICE_LEADS: &[&str] = &[
    "采用",
    "选用",
    "will use",
    "will adopt",
    "will be using",
    "will go with",
    "will migrate to",
    "will move to",
    "will switch to",
    "will standardize on",
    "will standardise on",
    "will implement",
    "will deploy to",
    "will deploy on",
    "will utilize",
    "decided to use",
    "decided to adopt",
    "decided to go with",
    "decided on",
    "decided for",
    "decide to use",
    "have selected",
    "has selected",
    "have chosen",
    "has chosen",
    "we chose",
    "we choose",
    "we selected",
    "we select",
    "we picked",
    "opted for",
    "opt for",
    "settled on",
    "going with",
    "going to use",
    "go with",
    "recommended to use",
    "recommend using",
    "recommend to use",
    "we recommend",
    "recommendation is to use",
    "planning to use",
    "plan to use",
    "approach is to utilize",
    "approach is to use",
    "to utilize",
    "moving forward with",
    "move forward with",
    "wir wählen",
    "wir waehlen",
    "entscheiden uns für",
    "entscheiden uns fuer",
    "haben uns für",
    "escolhemos",
    "optamos por",
    "elegimos",
    "decidimos por",
];

/// Lower-case phrases before which a decision statement names its choice (`X is the best
/// option`, `X stands out as the optimal choice`, `X was chosen`).
pub(crate) const CHOICE_TRAILS: &[&str] = &[
    "is the best option",
    "is the best choice",
    "is the best fit",
    "is the preferred option",
    "is the preferred choice",
    "is the recommended option",
    "is the clear choice",
    "stands out as",
    "is the chosen one",
    "is the choosen one",
    "was chosen",
    "was choosen",
    "was selected",
    "has been chosen",
    "has been choosen",
    "has been selected",
    "is chosen",
    "is choosen",
    "is selected",
    "is our choice",
    "is preferred",
];

/// Lower-case openings of a sentence that states a choice without naming a verb phrase of
/// [`CHOICE_LEADS`] (`Use **Fluent Bit**`): a bold name in it may be the choice.
pub(crate) const CHOICE_OPENINGS: &[&str] = &[
    "we will",
    "we'll",
    "we have decided",
    "we decided",
    "we chose",
    "we choose",
    "we are going",
    "we use",
    "use ",
    "adopt",
    "choose",
    "go with",
    "we selected",
    "we have chosen",
];

/// Lower-case openings of a title that names its choice (`Use Postgres`, `Migrate to GitHub
/// Actions`, `Deployment on Fly.io`, `Choose Kafka for events`).
pub(crate) const TITLE_CHOICE_LEADS: &[&str] = &[
    "use ",
    "using ",
    "adopt ",
    "adopting ",
    "adoption of ",
    "migrate to ",
    "migrating to ",
    "migration to ",
    "move to ",
    "moving to ",
    "switch to ",
    "switching to ",
    "deployment on ",
    "deployment to ",
    "deploy on ",
    "deploy to ",
    "hosting on ",
    "host on ",
    "choose ",
    "choosing ",
    "select ",
    "selecting ",
    "introduce ",
    "introducing ",
    "standardize on ",
    "standardise on ",
    "go with ",
    "prefer ",
];

/// Lower-case words and marks that end the name in a choice statement (`Discourse because
/// …`, `Render, as our …`, `Kafka for events`, `Postgres over MySQL`). Each starts with the
/// character that separates it from the name; [`NAME_DASHES`] end it too.
pub(crate) const CLAUSE_ENDS: &[&str] = &[
    BECAUSE,
    " due to",
    " since",
    " as ",
    " for ",
    " to ",
    " over ",
    " instead of",
    " rather than",
    " in order",
    " which",
    " that ",
    " so ",
    " when ",
    " if ",
    ", ",
    ". ",
    "; ",
    ": ",
    " (",
];

/// Words that start a statement turned against the choice (`we will not use`, `recommend
/// against X`).
pub(crate) const NEGATIONS: &[&str] = &["not", "against", "never", "no longer", "stop"];

/// Lower-case first words of a phrase that counts things rather than names one (`**four new
/// sample applications**`, `**several small services**`): such a bold phrase is no option's
/// name.
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "several", "multiple",
    "many", "some", "few", "both", "all", "each", "every",
];

/// Whether a phrase opens by counting things (`four new samples`, `3 replicas`).
pub(crate) fn opens_with_count(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    COUNT_WORDS.contains(&first.as_str())
        || (!first.is_empty() && first.chars().all(|c| c.is_ascii_digit()))
}

/// Characters that negate the choice or status word they come right before (`不采用方案 A`,
/// `未采纳`).
pub(crate) const NEGATING_PREFIXES: &[&str] = &["不", "未"];

/// Words too common to tell options apart (`Use bats` and `bats`).
pub(crate) const OPTION_STOP_WORDS: &[&str] = &[
    "a", "an", "the", "use", "using", "to", "of", "for", "on", "in", "and", "or", "with", "we",
    "as", "by", "be", "is", "it", "our", "option",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counted_phrases() {
        let rows = [
            ("number word", "four new sample applications", true),
            ("digits", "3 replicas", true),
            ("quantifier", "Several small services", true),
            ("a name", "Fluent Bit", false),
            ("digits inside a name", "1Password", false),
        ];
        for (name, phrase, want) in rows {
            assert_eq!(opens_with_count(phrase), want, "{name}");
        }
    }

    #[test]
    fn option_columns() {
        for head in ["Option", "**Alternative**", "方案", "name"] {
            assert!(is_option_column(&head.to_lowercase()), "{head}");
        }
        for head in ["Criterion", "Pros", "Weight"] {
            assert!(!is_option_column(&head.to_lowercase()), "{head}");
        }
    }
}
