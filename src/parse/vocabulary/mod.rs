//! The words docket reads records by: one table per concept (section headings, status words,
//! metadata keys, link verbs, option markers). Every keyword list of the parser lives here, so
//! the model and lint can never disagree about what a word means; add a word here, nowhere else.

mod fields;
mod links;
mod options;
mod sections;
mod status;

pub(crate) use fields::{
    DR_ID_KEY, Field, STATUS_KEY, TAGS_KEY, TITLE_KEY, field_of, is_known_key,
    is_madr_front_matter_key, is_series_prefix,
};
pub(crate) use links::{
    LINK_VERBS_WITH_NUMBERS, is_loose_verb, link_verb, other_link_verb, prose_link_verb,
};
pub(crate) use options::{
    BECAUSE, CHOICE_LEADS, CHOICE_OPENINGS, CHOICE_TRAILS, CLAUSE_ENDS, NAME_DASHES, NEGATIONS,
    OPTION_PREFIXES, OPTION_STOP_WORDS, PART_OF, SELECTED_MARKERS, TITLE_CHOICE_LEADS,
    is_chosen_option_line, is_non_option_heading, is_selected_key, is_verdict_key, is_winner_key,
};
pub use sections::{heading_key, section_heading, section_kind};
pub(crate) use sections::{is_status_heading, kind_of_key, qualified_status_heading};
pub(crate) use status::{NOT_STATUS_MISSPELLINGS, STATUS_WORDS};
