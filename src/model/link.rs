//! Relations from one record to another: supersedes, amends, related, split-from and others.

use serde::Serialize;

use super::{RecordId, Span};

/// The kind of relation a link states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkKind {
    /// This record replaces the target.
    Supersedes,
    /// The target replaces this record.
    SupersededBy,
    /// This record changes the target.
    Amends,
    /// The target changes this record.
    AmendedBy,
    /// A loose relation.
    Related,
    /// This record was split out of the target.
    SplitFrom,
    /// This record relies on the target.
    DependsOn,
    /// Another verb, kept in [`Link::verb`].
    Other,
    /// The record names the target in prose (a link to its file, its id) without stating a
    /// relation: drawn in the graph, never required to be reciprocal.
    Mention,
}

impl LinkKind {
    /// Every kind, in declaration order.
    pub const ALL: [LinkKind; 9] = [
        LinkKind::Supersedes,
        LinkKind::SupersededBy,
        LinkKind::Amends,
        LinkKind::AmendedBy,
        LinkKind::Related,
        LinkKind::SplitFrom,
        LinkKind::DependsOn,
        LinkKind::Other,
        LinkKind::Mention,
    ];

    /// The kebab-case name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            LinkKind::Supersedes => "supersedes",
            LinkKind::SupersededBy => "superseded-by",
            LinkKind::Amends => "amends",
            LinkKind::AmendedBy => "amended-by",
            LinkKind::Related => "related",
            LinkKind::SplitFrom => "split-from",
            LinkKind::DependsOn => "depends-on",
            LinkKind::Other => "other",
            LinkKind::Mention => "mention",
        }
    }

    /// Whether the link states a relation (everything but a mention).
    #[must_use]
    pub fn is_relation(self) -> bool {
        self != LinkKind::Mention
    }

    /// The kind a target record states back (`supersedes` ↔ `superseded-by`).
    #[must_use]
    pub fn inverse(self) -> Option<LinkKind> {
        match self {
            LinkKind::Supersedes => Some(LinkKind::SupersededBy),
            LinkKind::SupersededBy => Some(LinkKind::Supersedes),
            LinkKind::Amends => Some(LinkKind::AmendedBy),
            LinkKind::AmendedBy => Some(LinkKind::Amends),
            _ => None,
        }
    }
}

/// Where in the record a link was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LinkOrigin {
    /// A line in a `Status` section (adr-tools).
    StatusSection,
    /// A `Key: value` metadata line or front matter.
    Metadata,
    /// An item of a related-records list or a MADR `Links` section.
    LinkList,
    /// Prose anywhere in the body: where mentions are found.
    Prose,
}

/// What a link points at: a relative file, an id, or both.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LinkTarget {
    /// The text naming the target (`ADR-007: Deployment Strategy`).
    pub text: String,
    /// The link destination when the target is a markdown link.
    pub href: Option<String>,
    /// The record id named by the link text or file name, when one is there.
    pub id: Option<RecordId>,
}

/// One relation to another record, stated or (for [`LinkKind::Mention`]) named in prose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Link {
    /// The relation.
    pub kind: LinkKind,
    /// The verb as written, lower-cased (`superceded by`, `split from`, `refined by`).
    pub verb: String,
    /// The target.
    pub target: LinkTarget,
    /// Where the relation was stated.
    pub origin: LinkOrigin,
    /// Where the target is written.
    pub span: Span,
}
