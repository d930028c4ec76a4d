//! The words docket reads records by: one table per concept (section headings, status words,
//! metadata keys, link verbs, option markers, table marks and axes). Every keyword list of the parser lives here, so
//! the model and lint can never disagree about what a word means; add a word here, nowhere else.

mod fields;
mod links;
mod options;
mod sections;
mod status;
mod tables;

pub(crate) use fields::{
    DR_ID_KEY, Field, STATUS_KEY, TAGS_KEY, TITLE_KEY, field_of, is_known_key,
    is_madr_front_matter_key, is_series_prefix,
};
pub(crate) use links::{
    LINK_VERBS_WITH_NUMBERS, is_loose_verb, link_verb, other_link_verb, prose_link_verb,
};
pub(crate) use options::{
    OPTION_PREFIXES, SELECTED_MARKERS, is_chosen_option_line, is_selected_key, is_verdict_key,
    is_winner_key,
};
pub use sections::{heading_key, section_heading, section_kind};
pub(crate) use sections::{is_status_heading, kind_of_key, qualified_status_heading};
pub(crate) use status::{NOT_STATUS_MISSPELLINGS, STATUS_WORDS};
pub(crate) use tables::{
    Corner, LEGEND_POINT_WORDS, MARK_WORDS, corner_of, heading_suggests_matrix, is_best_column_key,
    is_not_option_column_key, is_positional_option,
};
