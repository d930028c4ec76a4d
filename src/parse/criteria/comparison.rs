//! Whether an unweighted table compares options, and along which axis. A table is a comparison
//! when its columns name the record's considered options (its rows too, when every row is one
//! and a heading says it compares), or when its corner cell heads criteria
//! or options (`Criteria`, `Factor`, `Option`) with a second sign that it compares them (a
//! `Winner` column, a comparison heading, rating marks, or an option of the record); the other
//! axis then holds the criteria. Tables of links, before / after metrics and rubrics are not.

use super::cells::parse_rating;
use super::layout::{Grid, is_row_criterion};
use crate::model::{RatingMark, same_option};
use crate::parse::text::normalise_key;
use crate::parse::vocabulary::{
    Corner, corner_of, heading_suggests_matrix, is_best_column_key, is_not_option_column_key,
    is_positional_option,
};

/// Where a comparison's options are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Axis {
    /// Options are columns, criteria rows (`| Factor | Render | Railway |`).
    Columns,
    /// Options are rows, criteria columns (`| Option | Cost | Effort |`).
    Rows,
}

/// What a table is read against: the record's options and the headings above it.
pub(super) struct Setting<'a> {
    /// The record's considered option names.
    pub(super) options: &'a [String],
    /// The headings the table sits under, nearest first.
    pub(super) headings: &'a [String],
    /// Whether one of those headings is the considered-options section.
    pub(super) in_options_section: bool,
}

impl Setting<'_> {
    fn names_option(&self, text: &str) -> bool {
        is_positional_option(&normalise_key(text))
            || self.options.iter().any(|o| same_option(o, text))
    }

    fn heading_suggests(&self) -> bool {
        self.in_options_section
            || self
                .headings
                .iter()
                .any(|h| heading_suggests_matrix(Some(h)))
    }
}

/// The axis a table's options lie on, or `None` when the table compares nothing.
pub(super) fn axis(grid: &Grid<'_>, setting: &Setting<'_>) -> Option<Axis> {
    let (head, keys) = (grid.head, grid.keys);
    if head.len() < 3 || grid.rows.len() < 2 || mostly_links(grid) {
        return None;
    }
    let columns: Vec<usize> = (1..head.len())
        .filter(|&c| is_row_criterion(&head[c].text) && !keys[c].is_empty())
        .filter(|&c| !is_best_column_key(&keys[c]))
        .collect();
    let row_names: Vec<&str> = grid
        .rows
        .iter()
        .filter_map(|r| r.first())
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty() && is_row_criterion(t))
        .filter(|t| !is_best_column_key(&normalise_key(t)))
        .collect();
    // A `Before` / `After` column or a rating level (`0 (Absent)`) is no option.
    let columns_can_be_options = columns.len() >= 2
        && columns
            .iter()
            .all(|&c| !is_not_option_column_key(&keys[c]) && !is_rating_level(&head[c].text));
    let rows_can_be_options = row_names.len() >= 2 && columns.len() >= 2;
    let column_hits = columns
        .iter()
        .filter(|&&c| setting.names_option(&head[c].text))
        .count();
    let row_hits = row_names.iter().filter(|t| setting.names_option(t)).count();
    if columns_can_be_options && column_hits >= 2 && column_hits * 2 >= columns.len() {
        return Some(Axis::Columns);
    }
    // Options as rows with attribute columns is also the shape of a provider list (`| Platform |
    // Free tier | Database |`): every row must be an option and a heading must say it compares.
    if rows_can_be_options
        && row_hits >= 2
        && row_hits == row_names.len()
        && setting.heading_suggests()
    {
        return Some(Axis::Rows);
    }
    let has_best = keys.iter().skip(1).any(|k| is_best_column_key(k));
    let corroborated = has_best || setting.heading_suggests() || mostly_marks(grid);
    match corner_of(&keys[0]) {
        Corner::Criteria if columns_can_be_options && (corroborated || column_hits > 0) => {
            Some(Axis::Columns)
        }
        Corner::Options if rows_can_be_options && (corroborated || row_hits > 0) => {
            Some(Axis::Rows)
        }
        Corner::Feature | Corner::Other if has_best && columns_can_be_options => {
            Some(Axis::Columns)
        }
        Corner::Feature
            if setting.options.len() < 2
                && columns_can_be_options
                && setting.heading_suggests()
                && mostly_marks(grid) =>
        {
            Some(Axis::Columns)
        }
        _ => None,
    }
}

/// Whether a column heading is a rating level of a rubric (`0 (Absent)`, `2`), not an option
/// (`2-3 top-level repos` is one).
fn is_rating_level(head: &str) -> bool {
    head.split_whitespace()
        .next()
        .is_some_and(|t| t.chars().all(|c| c.is_ascii_digit()))
}

/// Whether at least half of the body cells hold a link: an index of documents or tools.
fn mostly_links(grid: &Grid<'_>) -> bool {
    let cells = grid.rows.iter().flat_map(|r| r.iter().skip(1));
    let (mut all, mut links) = (0, 0);
    for cell in cells {
        all += 1;
        links += usize::from(!cell.links.is_empty());
    }
    all > 0 && links * 2 >= all
}

/// Whether most body cells are rating marks (✅, ⭐⭐⭐, `+`, `Good`, small numbers).
fn mostly_marks(grid: &Grid<'_>) -> bool {
    let marks: Vec<RatingMark> = grid
        .rows
        .iter()
        .flat_map(|r| r.iter().skip(1))
        .map(|c| parse_rating(&c.text).0)
        .filter(|m| *m != RatingMark::Empty)
        .collect();
    let rated = marks.iter().filter(|m| is_rating_mark(m, &marks)).count();
    marks.len() >= 4 && rated * 10 >= marks.len() * 8
}

/// Whether a mark rates: a symbol, stars, a Pugh mark, a quality word, ❓, or a number when
/// every number of the table sits on a small scale (`1`–`5`, `7/10`), so measurements such as
/// `120` ms are not ratings.
pub(super) fn is_rating_mark(mark: &RatingMark, all: &[RatingMark]) -> bool {
    match mark {
        RatingMark::Number { .. } => all.iter().all(|m| match m {
            RatingMark::Number { value, out_of, .. } => out_of.is_some() || *value <= 10.0,
            _ => true,
        }),
        RatingMark::Empty | RatingMark::Unrecognised => false,
        _ => true,
    }
}
