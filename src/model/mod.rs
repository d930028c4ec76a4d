//! The decision model: plain data that every later stage reads. It owns no I/O and no
//! parser types; `parse` fills it and `rules`, `graph`, `score` and `export` read it.

mod code_block;
mod considered_option;
mod cost;
mod criteria;
mod date;
mod decision;
mod html;
mod id;
mod link;
mod span;
mod status;

pub use code_block::{CodeBlock, CodeCheck};
pub use considered_option::{
    ConsideredOption, Item, extends_option, loose_option_key, option_key, same_option, word_key,
};
pub use cost::{CostEstimate, Money, Period};
pub use criteria::{
    CriteriaTable, Criterion, LegendEntry, Rating, RatingMark, StatedTotal, TableKind, TableLayout,
    Weight, WeightLevel, Winner,
};
pub use date::{Date, DateField, DatePrecision};
pub use decision::{
    ChangelogEntry, ChosenOption, ChosenSource, Consequences, Decision, Format, FrontMatterValue,
    MetaField, People, PeopleField, Reference, Section, SectionContent, SectionKind, Suppression,
    SuppressionScope, TextBlock, Title, TitleSource,
};
pub use html::Html;
pub use id::{FileNameId, RecordId};
pub use link::{Link, LinkKind, LinkOrigin, LinkTarget};
pub use span::Span;
pub use status::{Status, StatusKind};
