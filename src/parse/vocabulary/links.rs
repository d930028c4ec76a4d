//! Relation verbs (`Supersedes`, `Superceded by`, `Split from`) and the link kind each states,
//! misspellings included.

use crate::model::LinkKind;

/// A verb too loose to lead a list item on its own (`- See [x](x.md)` is no relation).
const SEE: &str = "see";

/// Normalised verbs and the kind each states; `known` verbs are metadata keys wherever a bold
/// line writes them. The empty verb is a bare link in a related list.
const VERBS: &[(&str, LinkKind, bool)] = &[
    ("supersedes", LinkKind::Supersedes, true),
    ("supercedes", LinkKind::Supersedes, true),
    ("supersceded", LinkKind::Supersedes, false),
    ("replaces", LinkKind::Supersedes, true),
    ("supersede", LinkKind::Supersedes, false),
    ("supercede", LinkKind::Supersedes, false),
    ("superseded by", LinkKind::SupersededBy, true),
    ("superceded by", LinkKind::SupersededBy, true),
    ("supersceded by", LinkKind::SupersededBy, false),
    ("replaced by", LinkKind::SupersededBy, true),
    ("superseeded by", LinkKind::SupersededBy, false),
    ("superseded", LinkKind::SupersededBy, false),
    ("superceded", LinkKind::SupersededBy, false),
    ("amends", LinkKind::Amends, true),
    ("amend", LinkKind::Amends, false),
    ("amended by", LinkKind::AmendedBy, true),
    // adrs's front matter kinds (`kind: supersededby`), written without spaces.
    ("supersededby", LinkKind::SupersededBy, false),
    ("amendedby", LinkKind::AmendedBy, false),
    ("relatesto", LinkKind::Related, false),
    // A partial supersede replaces part of the target, which stays in force: an amendment
    // (`Partial supersede of [6. …](…)`, `Partially supersedes ADR-0004`).
    ("partial supersede of", LinkKind::Amends, false),
    ("partially supersedes", LinkKind::Amends, true),
    ("partly supersedes", LinkKind::Amends, false),
    ("partially replaces", LinkKind::Amends, false),
    ("partially superseded by", LinkKind::AmendedBy, true),
    ("partly superseded by", LinkKind::AmendedBy, false),
    ("partially replaced by", LinkKind::AmendedBy, false),
    ("split from", LinkKind::SplitFrom, true),
    ("extracted from", LinkKind::SplitFrom, false),
    ("split out of", LinkKind::SplitFrom, false),
    ("depends on", LinkKind::DependsOn, true),
    ("requires", LinkKind::DependsOn, false),
    ("builds on", LinkKind::DependsOn, false),
    ("builds upon", LinkKind::DependsOn, false),
    ("depends upon", LinkKind::DependsOn, false),
    // A record that extends another presupposes it, like one that builds on it.
    ("extends", LinkKind::DependsOn, false),
    // Verbs that tie two records without one replacing, changing or presupposing the other
    // (`Informs [ADR-010](…)`, `Refines`, `Adds further detail to [ADR 0010][]`): the target
    // stays as it was, so they are `related`, never an amendment the target would have to
    // acknowledge.
    ("informs", LinkKind::Related, false),
    ("informed by", LinkKind::Related, false),
    ("refines", LinkKind::Related, false),
    ("refined by", LinkKind::Related, false),
    ("extended by", LinkKind::Related, false),
    ("clarifies", LinkKind::Related, false),
    ("clarified by", LinkKind::Related, false),
    ("adds detail to", LinkKind::Related, false),
    ("adds further detail to", LinkKind::Related, false),
    ("adds more detail to", LinkKind::Related, false),
    // Chinese: `**取代**：[ADR-0002](…)` (supersedes); the passive `被 [ADR-0003](…) 取代` is
    // `CJK_PASSIVE`'s.
    ("取代", LinkKind::Supersedes, true),
    ("替代", LinkKind::Supersedes, false),
    ("related", LinkKind::Related, true),
    ("related to", LinkKind::Related, true),
    ("relates to", LinkKind::Related, true),
    ("see also", LinkKind::Related, true),
    (SEE, LinkKind::Related, false),
    ("related decisions", LinkKind::Related, true),
    ("related decision", LinkKind::Related, false),
    ("related adrs", LinkKind::Related, true),
    ("related adr", LinkKind::Related, true),
    ("related records", LinkKind::Related, true),
    ("related record", LinkKind::Related, false),
    ("", LinkKind::Related, false),
];

/// Related-records lists in other languages (German, Portuguese, Spanish, French, Italian,
/// Dutch), lower case: headings (`## Verwandte Entscheidungen`, which the sections vocabulary
/// files under `Links`) and bold keys (`**Siehe auch:**`), read like `related`.
pub(crate) const RELATED_IN_OTHER_LANGUAGES: &[&str] = &[
    "verwandte entscheidungen",
    "verwandte adrs",
    "siehe auch",
    "decisões relacionadas",
    "adrs relacionados",
    "decisiones relacionadas",
    "relacionado",
    "relacionados",
    "relacionadas",
    "véase también",
    "ver também",
    "décisions liées",
    "adr liés",
    "voir aussi",
    "decisioni correlate",
    "vedi anche",
    "gerelateerde beslissingen",
    "zie ook",
    "相关",
    "相關",
    "相关决策",
    "相关adr",
    "相关 adr",
    "参见",
    "另见",
    "関連",
    "関連adr",
];

/// The Chinese passive of superseding, written around the link: a marker before it and the
/// verb after it (`被 [ADR-0003](…) 取代`, `由 [0005](…) 取代`), read as `superseded by`.
pub(crate) const CJK_PASSIVE: (&[&str], &[&str]) = (&["被", "由"], &["取代", "替代", "所取代"]);

/// The verb a link the Chinese passive wraps is reported with.
pub(crate) const CJK_PASSIVE_VERB: &str = "superseded by";

/// Verbs kept as `other` links: they relate records but name no modelled kind.
const OTHER_VERBS: &[&str] = &[
    "enables",
    "enabled by",
    "conflicts with",
    "reverts",
    "reverted by",
    "implements",
    "implemented by",
];

/// Single words that state a relation inside a sentence (`this ADR supersedes some aspects
/// of`): only verbs that cannot be read loosely. `needs_by` words count only before `by`; the
/// verb is reported in its canonical form.
const PROSE_VERBS: &[(&str, bool, LinkKind, &str)] = &[
    ("supersedes", false, LinkKind::Supersedes, "supersedes"),
    ("supercedes", false, LinkKind::Supersedes, "supersedes"),
    ("replaces", false, LinkKind::Supersedes, "supersedes"),
    ("superseded", true, LinkKind::SupersededBy, "superseded by"),
    ("superceded", true, LinkKind::SupersededBy, "superseded by"),
    ("replaced", true, LinkKind::SupersededBy, "superseded by"),
    ("amends", false, LinkKind::Amends, "amends"),
    ("amended", true, LinkKind::AmendedBy, "amended by"),
];

/// Verbs (lower case, with their trailing space) that may be followed by a bare record number
/// in a status line (`Superseded by 3`).
pub(crate) const LINK_VERBS_WITH_NUMBERS: &[&str] = &[
    "superseded by ",
    "superceded by ",
    "replaced by ",
    "supersedes ",
    "supercedes ",
    "replaces ",
    "amended by ",
    "amends ",
];

/// How docket writes each relation when it adds one to a record (`docket link`, `docket
/// supersede`, `docket migrate`): the verb every reader of records knows, spelt right.
const WRITTEN_VERBS: &[(LinkKind, &str)] = &[
    (LinkKind::Supersedes, "Supersedes"),
    (LinkKind::SupersededBy, "Superseded by"),
    (LinkKind::Amends, "Amends"),
    (LinkKind::AmendedBy, "Amended by"),
    (LinkKind::Related, "Related to"),
    (LinkKind::SplitFrom, "Split from"),
    (LinkKind::DependsOn, "Depends on"),
];

/// The verb docket writes for a relation (`Superseded by`); `None` for mentions and other
/// verbs, which docket never writes.
#[must_use]
pub fn written_verb(kind: LinkKind) -> Option<&'static str> {
    WRITTEN_VERBS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, verb)| *verb)
}

/// The keys of a relation written as a front matter map (adrs: `- target: 3` / `kind:
/// supersedes`): the kind's keys, then the target's.
pub(crate) const RELATION_MAP_KEYS: (&[&str], &[&str]) = (&["kind", "relation"], &["target"]);

/// The relation a normalised verb names.
pub(crate) fn link_verb(norm: &str) -> Option<LinkKind> {
    VERBS
        .iter()
        .find(|(v, _, _)| *v == norm)
        .map(|(_, kind, _)| *kind)
        .or_else(|| {
            RELATED_IN_OTHER_LANGUAGES
                .contains(&norm)
                .then_some(LinkKind::Related)
        })
}

/// The relation named by the verb a longer phrase starts with (`Adds further detail to a
/// specific usecase for`): the longest verb of two words or more that the phrase begins with.
pub(crate) fn link_verb_prefix(norm: &str) -> Option<(LinkKind, &'static str)> {
    VERBS
        .iter()
        .filter(|(v, _, _)| v.contains(' '))
        .filter(|(v, _, _)| {
            norm.strip_prefix(v)
                .is_some_and(|rest| rest.starts_with(' '))
        })
        .max_by_key(|(v, _, _)| v.len())
        .map(|(v, kind, _)| (*kind, *v))
}

/// Whether a normalised verb relates records without naming a modelled kind.
pub(crate) fn other_link_verb(norm: &str) -> bool {
    OTHER_VERBS.contains(&norm)
}

/// The relation a lower-case word states in prose, given whether `by` follows it.
pub(crate) fn prose_link_verb(word: &str, next_is_by: bool) -> Option<(LinkKind, &'static str)> {
    PROSE_VERBS
        .iter()
        .find(|(w, needs_by, _, _)| *w == word && (!needs_by || next_is_by))
        .map(|(_, _, kind, canonical)| (*kind, *canonical))
}

/// Whether a normalised verb is a metadata key wherever a bold line writes it.
pub(crate) fn is_known_link_key(norm: &str) -> bool {
    VERBS.iter().any(|(v, _, known)| *known && *v == norm)
        || RELATED_IN_OTHER_LANGUAGES.contains(&norm)
}

/// Whether a normalised bold key heads a related-records list (`Related ADRs`, `Siehe auch`).
pub(crate) fn is_related_list_key(norm: &str) -> bool {
    norm.starts_with(LinkKind::Related.as_str()) || RELATED_IN_OTHER_LANGUAGES.contains(&norm)
}

/// Whether a normalised verb is too loose to make a list item a relation.
pub(crate) fn is_loose_verb(norm: &str) -> bool {
    norm.is_empty() || norm == SEE
}
