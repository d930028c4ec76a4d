//! Metadata keys (`**Status:**`, `Date:`, `Deciders:`, front matter keys) and the model field
//! each fills, with where in a record the key counts as metadata.

/// The model field a metadata key fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Field {
    Status,
    Title,
    Date,
    Updated,
    Effective,
    Review,
    Due,
    Owner,
    Deciders,
    DecisionMakers,
    Consulted,
    Informed,
    ApprovedBy,
    Id,
    Tags,
}

/// Where a key counts as metadata, beyond the preamble under the title (where every
/// `Key: value` line does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Reach {
    /// Only in the preamble.
    Preamble,
    /// Also as a bold `**Key:**` line anywhere.
    Bold,
    /// Also as a plain `Key: value` line of a short paragraph anywhere (`Date: 2016-02-12`).
    Plain,
}

/// The status key.
pub(crate) const STATUS_KEY: &str = "status";
/// The keys docket writes when it adds a status or a decision date to a record (`docket
/// status`); front matter gets them in lower case.
pub(crate) const WRITTEN_STATUS_KEY: &str = "Status";
/// See [`WRITTEN_STATUS_KEY`].
pub(crate) const WRITTEN_DATE_KEY: &str = "Date";
/// The DR template's id key, which also tells a DR record apart.
pub(crate) const DR_ID_KEY: &str = "decision id";
/// The tags key log4brains writes.
pub(crate) const TAGS_KEY: &str = "tags";
/// The title key of front matter.
pub(crate) const TITLE_KEY: &str = "title";

/// Normalised keys (lower case, words joined by single spaces), in order of preference.
const KEYS: &[(&str, Field, Reach)] = &[
    (STATUS_KEY, Field::Status, Reach::Plain),
    ("state", Field::Status, Reach::Preamble),
    ("decision status", Field::Status, Reach::Preamble),
    ("adr status", Field::Status, Reach::Preamble),
    // Chinese, simplified and traditional, and Japanese.
    ("状态", Field::Status, Reach::Plain),
    ("狀態", Field::Status, Reach::Plain),
    ("ステータス", Field::Status, Reach::Bold),
    (TITLE_KEY, Field::Title, Reach::Preamble),
    ("date", Field::Date, Reach::Plain),
    ("decision date", Field::Date, Reach::Bold),
    ("date decided", Field::Date, Reach::Bold),
    ("decided", Field::Date, Reach::Bold),
    ("decided on", Field::Date, Reach::Bold),
    ("date of decision", Field::Date, Reach::Plain),
    ("日期", Field::Date, Reach::Plain),
    ("决策日期", Field::Date, Reach::Bold),
    ("決策日期", Field::Date, Reach::Bold),
    ("日付", Field::Date, Reach::Bold),
    ("创建日期", Field::Date, Reach::Bold),
    ("accepted on", Field::Date, Reach::Bold),
    ("date accepted", Field::Date, Reach::Bold),
    ("created", Field::Date, Reach::Bold),
    ("date created", Field::Date, Reach::Bold),
    ("created on", Field::Date, Reach::Bold),
    ("introduced", Field::Date, Reach::Bold),
    // A record's last change: the decision date only when no other date is written.
    ("last modified", Field::Updated, Reach::Plain),
    ("last updated", Field::Updated, Reach::Plain),
    ("date modified", Field::Updated, Reach::Bold),
    ("modified", Field::Updated, Reach::Preamble),
    ("updated", Field::Updated, Reach::Preamble),
    ("amended", Field::Updated, Reach::Preamble),
    ("effective date", Field::Effective, Reach::Bold),
    ("effective", Field::Effective, Reach::Preamble),
    ("review date", Field::Review, Reach::Bold),
    ("next review", Field::Review, Reach::Bold),
    ("review by", Field::Review, Reach::Preamble),
    ("revisit date", Field::Review, Reach::Preamble),
    ("review", Field::Review, Reach::Preamble),
    ("due date", Field::Due, Reach::Bold),
    ("due", Field::Due, Reach::Preamble),
    ("deadline", Field::Due, Reach::Preamble),
    ("owner", Field::Owner, Reach::Bold),
    ("owners", Field::Owner, Reach::Preamble),
    ("author", Field::Owner, Reach::Preamble),
    ("authors", Field::Owner, Reach::Preamble),
    ("decision owner", Field::Owner, Reach::Preamble),
    ("deciders", Field::Deciders, Reach::Bold),
    ("decided by", Field::Deciders, Reach::Preamble),
    ("decision by", Field::Deciders, Reach::Preamble),
    ("决策者", Field::Deciders, Reach::Bold),
    ("決策者", Field::Deciders, Reach::Bold),
    ("决策人", Field::Deciders, Reach::Bold),
    ("decision makers", Field::DecisionMakers, Reach::Bold),
    ("decision maker", Field::DecisionMakers, Reach::Preamble),
    ("consulted", Field::Consulted, Reach::Bold),
    ("informed", Field::Informed, Reach::Bold),
    ("approved by", Field::ApprovedBy, Reach::Bold),
    ("approvers", Field::ApprovedBy, Reach::Preamble),
    ("approver", Field::ApprovedBy, Reach::Preamble),
    (DR_ID_KEY, Field::Id, Reach::Bold),
    ("id", Field::Id, Reach::Preamble),
    ("adr id", Field::Id, Reach::Preamble),
    ("adr", Field::Id, Reach::Preamble),
    ("record id", Field::Id, Reach::Preamble),
    (TAGS_KEY, Field::Tags, Reach::Bold),
    ("tag", Field::Tags, Reach::Preamble),
    ("labels", Field::Tags, Reach::Preamble),
];

/// Front matter keys that only MADR 3/4 writes, as written in the YAML.
const MADR_FRONT_MATTER: &[&str] = &["status", "date", "decision-makers", "deciders", "consulted"];

/// Series prefixes written in lower case that still start an id (`adr-0015`); upper-case
/// prefixes (`DR-`, `BR-`) always do.
const LOWER_CASE_SERIES: &[&str] = &["adr", "dr", "rfc", "adl", "dec"];

/// First header cells of a two-column key / value table (`| Field | Value |`): the row names the
/// columns and holds no pair.
const KEY_COLUMN_HEADERS: &[&str] = &["field", "key", "property", "attribute", "item", "name"];

/// Whether a normalised header cell names a key column rather than a key.
pub(crate) fn is_key_column_header(norm: &str) -> bool {
    KEY_COLUMN_HEADERS.contains(&norm)
}

/// The field a normalised key fills.
pub(crate) fn field_of(norm: &str) -> Option<Field> {
    KEYS.iter().find(|(k, _, _)| *k == norm).map(|(_, f, _)| *f)
}

/// Whether a normalised key is metadata outside the preamble: as a bold line, or (`plain`) as
/// a plain line of a short paragraph.
pub(crate) fn is_known_key(norm: &str, plain: bool) -> bool {
    let wanted = if plain { Reach::Plain } else { Reach::Bold };
    KEYS.iter().any(|(k, _, r)| *k == norm && *r >= wanted)
        || (!plain && super::links::is_known_link_key(norm))
}

/// Whether a front matter key marks a MADR 3/4 record.
pub(crate) fn is_madr_front_matter_key(key: &str) -> bool {
    MADR_FRONT_MATTER.contains(&key)
}

/// Whether a lower-case prefix is a series (`adr`, `rfc`).
pub(crate) fn is_series_prefix(lower: &str) -> bool {
    LOWER_CASE_SERIES.contains(&lower)
}
