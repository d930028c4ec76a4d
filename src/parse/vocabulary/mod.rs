//! The words docket reads records by: one table per concept (section headings, status words,
//! metadata keys, link verbs, option markers, cost periods, table marks and axes, record file and
//! folder names). Every keyword list of the parser lives here, so the model and lint can never
//! disagree about what a word means; add a word here, nowhere else.

mod costs;
mod dates;
mod fields;
mod links;
mod options;
mod record_files;
mod sections;
mod status;
mod tables;

pub(crate) use costs::{PERIOD_PHRASES, is_period_word, is_phase_label};
pub(crate) use dates::month_of;
pub(crate) use fields::{
    DR_ID_KEY, Field, STATUS_KEY, TAGS_KEY, TITLE_KEY, WRITTEN_DATE_KEY, WRITTEN_STATUS_KEY,
    field_of, is_key_column_header, is_known_key, is_madr_front_matter_key, is_series_prefix,
};
pub use links::written_verb;
pub(crate) use links::{
    CJK_PASSIVE, CJK_PASSIVE_VERB, LINK_VERBS_WITH_NUMBERS, RELATION_MAP_KEYS, is_known_link_key,
    is_loose_verb, is_related_list_key, link_verb, link_verb_prefix, other_link_verb,
    prose_link_verb,
};
pub(crate) use options::{
    BECAUSE, CHOICE_LEADS, CHOICE_OPENINGS, CHOICE_TRAILS, CLAUSE_ENDS, NAME_DASHES, NAME_JOINERS,
    NEGATING_PREFIXES, NEGATIONS, OPTION_PREFIXES, OPTION_REFERENCE_WORDS, OPTION_STOP_WORDS,
    PART_OF, SELECTED_MARKERS, TITLE_CHOICE_LEADS, after_chosen_option_words,
    is_chosen_option_line, is_non_option_heading, is_option_column, is_option_group_name,
    is_selected_key, is_verdict_key, is_winner_key, opens_with_count,
};
pub(crate) use record_files::{
    ADR_TOOLS_FILE, ADRS_DEFAULT_DIR, ADRS_DIR_KEY, ADRS_FILE, FOLDER_RECORD_STEMS,
    LOG4BRAINS_FILE, LOG4BRAINS_KEYS, RECORD_FOLDERS, is_folder_record_name, is_not_record_name,
};
pub use sections::{heading_key, section_heading, section_kind};
pub(crate) use sections::{is_status_heading, kind_of_key, qualified_status_heading};
pub(crate) use status::{
    NOT_STATUS_MISSPELLINGS, SELF_SUBJECTS, SELF_VERBS, SPELLING_TARGETS, STATUS_MISSPELLINGS,
    STATUS_WORDS,
};
pub(crate) use tables::{
    Corner, LEGEND_POINT_WORDS, MARK_WORDS, corner_of, heading_suggests_matrix, is_best_column_key,
    is_not_option_column_key, is_positional_option,
};
