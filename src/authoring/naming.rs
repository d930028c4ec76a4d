//! How a new record is named: numbered in its series (see [`numbering`](super::numbering)),
//! or by its date in folders whose records are date slugs (`2026-03-02-x.md`,
//! `20260302-x.md`), and which names the folder already holds.

use std::collections::BTreeMap;
use std::path::Path;

use super::numbering::{Numbering, next};
use crate::error::{Error, Result};
use crate::model::{Date, Decision};
use crate::parse::{file_name_id, is_date_slug, record_file_name};

/// How a date-slug folder writes the date that starts its file names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum DateStyle {
    /// `2026-03-02-slug.md`, as navapbc and most log4brains folders write it.
    Dashed,
    /// `20260302-slug.md`, as log4brains' own examples write it.
    Compact,
    /// `2026-03-slug.md`: the month only.
    Month,
}

impl DateStyle {
    /// The style a date-slug name uses, `None` for other names.
    #[must_use]
    pub fn of(stem: &str) -> Option<DateStyle> {
        if !is_date_slug(stem) {
            return None;
        }
        let b = stem.as_bytes();
        Some(match (b.get(4), b.get(7)) {
            (Some(b'-'), Some(b'-')) if b.get(8).is_some_and(u8::is_ascii_digit) => {
                DateStyle::Dashed
            }
            (Some(b'-'), _) => DateStyle::Month,
            _ => DateStyle::Compact,
        })
    }

    /// `date` written in this style: `2026-03-02`, `20260302`, `2026-03`.
    #[must_use]
    pub fn write(self, date: Date) -> String {
        match self {
            DateStyle::Dashed => format!("{:04}-{:02}-{:02}", date.year, date.month, date.day),
            DateStyle::Compact => format!("{:04}{:02}{:02}", date.year, date.month, date.day),
            DateStyle::Month => format!("{:04}-{:02}", date.year, date.month),
        }
    }
}

/// How a new record is named: numbered in a series, or by its date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Naming {
    /// `0008-slug.md`, `adr-008-slug.md`; the id goes in the title.
    Numbered(Numbering),
    /// `2026-03-02-slug.md`; no id. `attempt` above 1 adds `-2`, `-3`… to the slug, for a
    /// second record with the same name on the same day.
    Dated {
        /// How the folder writes dates.
        style: DateStyle,
        /// The record's date.
        date: Date,
        /// Which name this is: 1 for the plain one.
        attempt: u32,
    },
}

impl Naming {
    /// The record id (`DR-004`, `0012`); date-slug records have none.
    #[must_use]
    pub fn id(&self) -> Option<String> {
        match self {
            Naming::Numbered(n) => Some(n.id()),
            Naming::Dated { .. } => None,
        }
    }

    /// The file name for a slug.
    #[must_use]
    pub fn file_name(&self, slug: &str) -> String {
        match self {
            Naming::Numbered(n) => n.file_name(slug),
            Naming::Dated {
                style,
                date,
                attempt: 1,
            } => format!("{}-{slug}.md", style.write(*date)),
            Naming::Dated {
                style,
                date,
                attempt,
            } => format!("{}-{slug}-{attempt}.md", style.write(*date)),
        }
    }

    /// The title heading's text: `12. Title` for bare numbers, `DR-004: Title` in a series,
    /// the bare title for date slugs.
    #[must_use]
    pub fn heading(&self, title: &str) -> String {
        match self {
            Naming::Numbered(n) if n.series.is_some() => format!("{}: {title}", n.id()),
            Naming::Numbered(n) => format!("{}. {title}", n.number),
            Naming::Dated { .. } => title.to_string(),
        }
    }

    /// The next name to try after this one was taken: the next number, or the next suffix.
    pub fn bump(&mut self) {
        match self {
            Naming::Numbered(n) => n.number += 1,
            Naming::Dated { attempt, .. } => *attempt += 1,
        }
    }

    /// Moves past every name in `taken` (names in the folder, from [`names_in`]): a number
    /// above every one of the series, a date-slug name no entry has.
    pub fn skip_taken(&mut self, slug: &str, taken: &[String]) {
        match self {
            Naming::Numbered(n) => {
                let series = n.series.clone();
                if let Some(max) = taken
                    .iter()
                    .filter_map(|name| file_name_id(name))
                    .filter(|f| f.series() == series)
                    .map(|f| f.number)
                    .max()
                {
                    n.number = n.number.max(max.saturating_add(1));
                }
            }
            Naming::Dated { .. } => {
                while taken
                    .iter()
                    .any(|name| Some(name.as_str()) == self.file_name(slug).strip_suffix(".md"))
                {
                    self.bump();
                }
            }
        }
    }
}

/// How a new record in a folder holding `decisions` is named: by date when most of the
/// folder's file names are date slugs and no `series` is asked for, else numbered ([`next`]).
#[must_use]
pub fn naming(decisions: &[Decision], series: Option<&str>, date: Date) -> Naming {
    if series.is_none() {
        let mut dated: BTreeMap<DateStyle, usize> = BTreeMap::new();
        let mut numbered = 0;
        for d in decisions {
            if d.file_id.is_some() {
                numbered += 1;
            } else if let Some(style) = DateStyle::of(stem(&d.path)) {
                *dated.entry(style).or_default() += 1;
            }
        }
        let most = dated
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)));
        if let Some((style, _)) = most.filter(|(_, count)| *count > numbered) {
            return Naming::Dated {
                style,
                date,
                attempt: 1,
            };
        }
    }
    Naming::Numbered(next(decisions, series))
}

/// The name a record is known by, without `.md`: `0004-x` for `adr/0004-x.md` and for
/// `adr/0004-x/README.md`.
fn stem(path: &str) -> &str {
    let name = record_file_name(path);
    name.strip_suffix(".md").unwrap_or(name)
}

/// The names in `dir` a record could be known by: each `.md` file's stem and each folder's
/// name, hidden entries (temp files) left out. Only names are read, no file is opened, so
/// this is cheap to run while the folder is locked.
pub fn names_in(dir: &Path) -> Result<Vec<String>> {
    let io = |source| Error::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let entry = entry.map_err(io)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        if let Some(stem) = name.strip_suffix(".md") {
            names.push(stem.to_string());
        } else if entry.file_type().is_ok_and(|t| t.is_dir()) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

#[cfg(test)]
mod tests {
    use super::{DateStyle, Naming, naming};
    use crate::model::{Date, Decision};

    fn folder(names: &[&str]) -> Vec<Decision> {
        names
            .iter()
            .map(|name| crate::parse_record("# A record\n", name).decision)
            .collect()
    }

    #[test]
    fn date_styles() {
        for (label, stem, want) in [
            (
                "navapbc dashed date",
                "2026-01-20-use-x",
                Some(DateStyle::Dashed),
            ),
            (
                "log4brains compact date",
                "20200925-use-markdown",
                Some(DateStyle::Compact),
            ),
            (
                "month only",
                "2026-01-content-management",
                Some(DateStyle::Month),
            ),
            ("adr-tools number", "0012-10-factor-app", None),
            ("series", "DR-001-x", None),
        ] {
            assert_eq!(DateStyle::of(stem), want, "{label}");
        }
        let date = Date::from_ymd(2026, 3, 2).unwrap();
        assert_eq!(DateStyle::Dashed.write(date), "2026-03-02");
        assert_eq!(DateStyle::Compact.write(date), "20260302");
        assert_eq!(DateStyle::Month.write(date), "2026-03");
    }

    #[test]
    fn the_folder_convention_wins() {
        let date = Date::from_ymd(2026, 3, 2).unwrap();
        for (name, files, series, want) in [
            ("empty folder", &[][..], None, "0001-new-one.md"),
            (
                "dashed dates",
                &["2026-01-20-a.md", "2026-02-01-b.md"][..],
                None,
                "2026-03-02-new-one.md",
            ),
            (
                "compact dates",
                &["20260120-a.md"][..],
                None,
                "20260302-new-one.md",
            ),
            (
                "dates outnumbered",
                &["20260120-a.md", "0001-b.md", "0002-c.md"][..],
                None,
                "0003-new-one.md",
            ),
            (
                "series asked for",
                &["20260120-a.md"][..],
                Some("DR"),
                "DR-001-new-one.md",
            ),
            (
                "folder records",
                &["2025-01-17-a/README.md"][..],
                None,
                "2026-03-02-new-one.md",
            ),
        ] {
            let got = naming(&folder(files), series, date).file_name("new-one");
            assert_eq!(got, want, "{name}");
        }
    }

    #[test]
    fn skip_taken_passes_every_name_in_the_folder() {
        let date = Date::from_ymd(2026, 3, 2).unwrap();
        let taken: Vec<String> = [
            "0004-seen-by-no-one",
            "0009-dir-record",
            "DR-020-other",
            "notes",
        ]
        .map(String::from)
        .to_vec();
        let mut numbered = naming(&folder(&["0001-a.md"]), None, date);
        numbered.skip_taken("x", &taken);
        assert_eq!(numbered.file_name("x"), "0010-x.md");
        let taken: Vec<String> = ["2026-03-02-x", "2026-03-02-x-2"]
            .map(String::from)
            .to_vec();
        let mut dated = naming(&folder(&["2026-01-01-a.md"]), None, date);
        dated.skip_taken("x", &taken);
        assert!(
            matches!(dated, Naming::Dated { attempt: 3, .. }),
            "{dated:?}"
        );
        assert_eq!(dated.file_name("x"), "2026-03-02-x-3.md");
        assert_eq!(dated.heading("X"), "X");
    }
}
