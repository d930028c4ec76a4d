//! The `Decision`: everything docket understood from one record, each field with its span.

use std::collections::BTreeMap;

use serde::Serialize;

use super::{
    CodeBlock, ConsideredOption, CostEstimate, CriteriaTable, DateField, FileNameId, Html, Item,
    Link, RecordId, Span, Status,
};

/// The record shape the parser recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// `# DR-001: …` with bold metadata, numbered options and a criteria table.
    Dr,
    /// An ADR with `**Status:**`-style bold metadata lines.
    AdrBold,
    /// Michael Nygard's template as written by adr-tools.
    Nygard,
    /// MADR 2: `* Status:` bullets under the title.
    Madr2,
    /// MADR 3/4: YAML front matter.
    Madr,
    /// log4brains: `- Status:` bullets, date-slug file names.
    Log4brains,
    /// Anything else.
    Freeform,
}

impl Format {
    /// The kebab-case name used in output.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Dr => "dr",
            Format::AdrBold => "adr-bold",
            Format::Nygard => "nygard",
            Format::Madr2 => "madr2",
            Format::Madr => "madr",
            Format::Log4brains => "log4brains",
            Format::Freeform => "freeform",
        }
    }
}

/// Where the title came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleSource {
    /// The first level-1 heading.
    Heading,
    /// Front matter `title:`.
    FrontMatter,
    /// The first heading of another level.
    OtherHeading,
    /// Inferred from the file name.
    FileName,
}

/// The record's title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Title {
    /// The heading text with its id prefix stripped (`Backend Hosting Platform`).
    pub text: String,
    /// A `**Title:**` line, kept as the long title.
    pub long: Option<String>,
    /// Where the title came from.
    pub source: TitleSource,
    /// Where it is written (empty for file-name titles).
    pub span: Span,
}

/// A `Key: value` line not modelled elsewhere (`**Context:** AI-driven development`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaField {
    /// The key as written, markup removed.
    pub key: String,
    /// The value as plain text.
    pub value: String,
    /// Where the line is.
    pub span: Span,
}

/// A list of people under one role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeopleField {
    /// The value as written.
    pub raw: String,
    /// The names, split on commas, `;` and `and`.
    pub names: Vec<String>,
    /// Where the value is.
    pub span: Span,
}

/// The people around a decision, by role.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct People {
    /// Owner or author.
    pub owner: Option<PeopleField>,
    /// Deciders.
    pub deciders: Option<PeopleField>,
    /// MADR 4 decision-makers.
    pub decision_makers: Option<PeopleField>,
    /// Consulted.
    pub consulted: Option<PeopleField>,
    /// Informed.
    pub informed: Option<PeopleField>,
    /// Approved by.
    pub approved_by: Option<PeopleField>,
}

impl People {
    /// Every role's field in role order: owner, deciders, decision makers, consulted,
    /// informed, approved by.
    #[must_use]
    pub fn fields(&self) -> [Option<&PeopleField>; 6] {
        [
            self.owner.as_ref(),
            self.deciders.as_ref(),
            self.decision_makers.as_ref(),
            self.consulted.as_ref(),
            self.informed.as_ref(),
            self.approved_by.as_ref(),
        ]
    }
}

/// A section's prose as plain text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextBlock {
    /// Plain text, one line per paragraph line or list item.
    pub text: String,
    /// The section body's span.
    pub span: Span,
}

/// How the chosen option was stated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChosenSource {
    /// MADR's `Chosen option: "…"`.
    ChosenOptionLine,
    /// An option heading marked `(SELECTED)`.
    SelectedMarker,
    /// A `**Selected Platform:**`-style line.
    SelectedLine,
    /// A `**Winner:**` line.
    WinnerLine,
    /// The name emphasised in the Decision section.
    DecisionEmphasis,
    /// The Decision section's first statement naming an option (`We will use X`,
    /// `X is the best option`).
    DecisionStatement,
    /// The title naming an option (`Use X`, `Migrate to X`).
    Title,
}

/// The option the record chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChosenOption {
    /// The name as written, quotes and markup removed.
    pub name: String,
    /// How it was stated.
    pub source: ChosenSource,
    /// Where it is written.
    pub span: Span,
}

/// Consequences by kind.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Consequences {
    /// Good outcomes.
    pub positive: Vec<Item>,
    /// Bad outcomes.
    pub negative: Vec<Item>,
    /// Neither.
    pub neutral: Vec<Item>,
    /// What will soften the bad ones.
    pub mitigation: Vec<Item>,
}

/// An external reference (a link out of the record set).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reference {
    /// The link text.
    pub text: String,
    /// The destination.
    pub url: String,
    /// Where the link is.
    pub span: Span,
}

/// One heading of the section tree, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Section {
    /// Heading level, 1–6.
    pub level: u8,
    /// Heading text as plain text.
    pub title: String,
    /// The heading line.
    pub span: Span,
    /// From the heading to the next heading of the same or a higher level.
    pub body_span: Span,
    /// Index of the enclosing section in `sections`, if any.
    pub parent: Option<usize>,
    /// What the heading names (`## Problem` is context), read from the parser's vocabulary.
    pub kind: SectionKind,
    /// What the section holds before its first subsection; used by lint, not exported.
    #[serde(skip)]
    pub content: SectionContent,
}

/// What a section is about, as its heading names it in any of the templates docket reads.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// The forces at play: Context, Problem Statement, Background.
    Context,
    /// What was decided: Decision, Decision Outcome.
    Decision,
    /// What follows from the decision.
    Consequences,
    /// The options weighed: Considered Options, Alternatives.
    ConsideredOptions,
    /// MADR's Pros and Cons of the Options.
    ProsAndCons,
    /// The lifecycle status.
    Status,
    /// The decision date.
    Date,
    /// Links to related records.
    Links,
    /// Dated changes to the record.
    Changelog,
    /// Any other heading.
    #[default]
    Other,
}

/// What a section holds before its first subsection.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SectionContent {
    /// Plain text of the section's own blocks (code blocks, inline code spans and HTML left
    /// out), for the placeholder rule.
    pub text: String,
    /// Non-comment blocks of any kind (paragraphs, lists, tables, code, HTML), rules excluded.
    pub blocks: usize,
    /// HTML comment blocks (`<!-- … -->` on their own).
    pub comments: usize,
}

/// A dated changelog entry (`- **2025-01-19:** Split from ADR-007`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangelogEntry {
    /// The date.
    pub date: DateField,
    /// What changed.
    pub text: String,
}

/// What an inline suppression comment covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuppressionScope {
    /// `docket-disable`: the whole file.
    File,
    /// `docket-disable-next-line`: the next line.
    NextLine,
}

/// An inline suppression comment such as `<!-- docket-disable DK612 -->`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The codes named; empty means every code.
    pub codes: Vec<String>,
    /// What it covers.
    pub scope: SuppressionScope,
    /// Where the comment is.
    pub span: Span,
}

/// A front-matter value, kept as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FrontMatterValue {
    /// `~` or empty.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A whole number.
    Integer(i64),
    /// Any other number.
    Number(f64),
    /// A string (dates stay strings).
    String(String),
    /// A sequence.
    List(Vec<FrontMatterValue>),
    /// A mapping, keys sorted.
    Map(BTreeMap<String, FrontMatterValue>),
}

impl FrontMatterValue {
    /// The value as display text: strings as they are, lists joined with `, `.
    #[must_use]
    pub fn to_text(&self) -> String {
        match self {
            FrontMatterValue::Null | FrontMatterValue::Map(_) => String::new(),
            FrontMatterValue::Bool(b) => b.to_string(),
            FrontMatterValue::Integer(n) => format!("{n}"),
            FrontMatterValue::Number(n) => format!("{n}"),
            FrontMatterValue::String(s) => s.clone(),
            FrontMatterValue::List(items) => items
                .iter()
                .map(FrontMatterValue::to_text)
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Everything docket understood from one record.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Decision {
    /// The path the record was read from, with `/` separators.
    pub path: String,
    /// The shape recognised.
    pub format: Format,
    /// The record's id: the file name's when the record writes another number, else the one
    /// its title heading or an id line writes, else the file name's.
    pub id: Option<RecordId>,
    /// The id the file name starts with, as written; absent for date slugs and unnumbered names.
    pub file_id: Option<FileNameId>,
    /// The id the record writes itself (its title heading's `ADR-016:`, an id line), as
    /// written. When its number disagrees with the file name's, `id` is the file name's.
    pub stated_id: Option<RecordId>,
    /// Where id lines write the record's id (`**Decision ID:** DR-004`), for edits that
    /// renumber it; not part of the export.
    #[serde(skip)]
    pub id_fields: Vec<Span>,
    /// The title.
    pub title: Title,
    /// The status.
    pub status: Status,
    /// The decision date: a decision-date field, the Date section, a date on the status line,
    /// else the last-modified date.
    pub date: Option<DateField>,
    /// When the record was last changed (`Last Modified:`, `Last updated:`, `Updated …` on
    /// the status line).
    pub updated_date: Option<DateField>,
    /// When the decision takes effect.
    pub effective_date: Option<DateField>,
    /// When it should be reviewed.
    pub review_date: Option<DateField>,
    /// When it is due.
    pub due_date: Option<DateField>,
    /// People by role.
    pub people: People,
    /// Other `Key: value` lines, in order.
    pub metadata: Vec<MetaField>,
    /// The context section.
    pub context: Option<TextBlock>,
    /// The decision section.
    pub decision: Option<TextBlock>,
    /// The options weighed, in order.
    pub options: Vec<ConsideredOption>,
    /// The chosen option.
    pub chosen: Option<ChosenOption>,
    /// Cost lines outside the options (a Decision section's `Total:` with its parts).
    pub costs: Vec<CostEstimate>,
    /// Criteria tables.
    pub criteria: Vec<CriteriaTable>,
    /// Consequences.
    pub consequences: Consequences,
    /// Relations to other records.
    pub links: Vec<Link>,
    /// External links.
    pub references: Vec<Reference>,
    /// Code blocks.
    pub code_blocks: Vec<CodeBlock>,
    /// Headings in document order.
    pub sections: Vec<Section>,
    /// Front matter as a raw map.
    pub front_matter: Option<BTreeMap<String, FrontMatterValue>>,
    /// Tags from front matter or a `Tags:` line.
    pub tags: Vec<String>,
    /// Changelog entries.
    pub changelog: Vec<ChangelogEntry>,
    /// Inline suppression comments.
    pub suppressions: Vec<Suppression>,
    /// The record rendered as sanitised HTML (title heading left out), when the load asked for
    /// it (`docket build`); not part of the export.
    #[serde(skip)]
    pub html: Option<Html>,
}

impl Decision {
    /// A short label for messages: the id when known, else the path.
    #[must_use]
    pub fn label(&self) -> &str {
        self.id
            .as_ref()
            .map_or(self.path.as_str(), |id| id.raw.as_str())
    }

    /// The record's place in its series, `(series, number)`: from its file name when that
    /// has an id, else from its own id. Numbering rules group and compare records by it.
    #[must_use]
    pub fn numbering(&self) -> Option<(Option<String>, u32)> {
        self.file_id
            .as_ref()
            .map(|f| (f.series(), f.number))
            .or_else(|| self.id.as_ref().map(|i| (i.series.clone(), i.number)))
    }

    /// Whether the section at `index` of [`Decision::sections`] has subsections.
    #[must_use]
    pub fn has_subsections(&self, index: usize) -> bool {
        // Sections are in document order, so a first subsection comes right after its parent;
        // looking only there keeps rules over thousands of sections linear.
        self.sections
            .get(index + 1)
            .is_some_and(|s| s.parent == Some(index))
    }

    /// The metadata value for a key, compared case-insensitively.
    #[must_use]
    pub fn meta(&self, key: &str) -> Option<&MetaField> {
        self.metadata
            .iter()
            .find(|m| m.key.eq_ignore_ascii_case(key))
    }
}
