//! The next record number in a folder and the file-name convention its records already use
//! (`0007-x.md`, `adr-007-x.md`, `DR-003-x.md`): prefix as written and padding kept.

use std::collections::BTreeMap;

use crate::model::Decision;

/// How a new record is numbered and named.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbering {
    /// The series in upper case (`DR`), absent for bare numbers.
    pub series: Option<String>,
    /// The file-name prefix as the folder writes it (`adr`, `DR`).
    pub prefix: Option<String>,
    /// The number.
    pub number: u32,
    /// Digits in the file name (`4` for `0007`).
    pub width: usize,
}

impl Numbering {
    /// The number padded to the folder's width: `0008`, `008`.
    #[must_use]
    pub fn digits(&self) -> String {
        format!("{:0width$}", self.number, width = self.width)
    }

    /// The record id: `DR-004`, or the padded number for bare numbers.
    #[must_use]
    pub fn id(&self) -> String {
        match &self.series {
            Some(series) => format!("{series}-{}", self.digits()),
            None => self.digits(),
        }
    }

    /// The file name for a slug: `0008-slug.md`, `adr-008-slug.md`.
    #[must_use]
    pub fn file_name(&self, slug: &str) -> String {
        match &self.prefix {
            Some(prefix) => format!("{prefix}-{}-{slug}.md", self.digits()),
            None => format!("{}-{slug}.md", self.digits()),
        }
    }
}

/// The next free number for `series` (the folder's most used series when `None`) among
/// `decisions`, with the prefix spelling and padding its files use. An empty folder gets
/// `0001` for bare numbers and `SERIES-001` for a series.
#[must_use]
pub fn next(decisions: &[Decision], series: Option<&str>) -> Numbering {
    let series = series.map(str::to_ascii_uppercase).or_else(|| {
        // No series asked for: follow the folder's most common file-name series.
        let mut counts: BTreeMap<Option<String>, usize> = BTreeMap::new();
        for d in decisions {
            if let Some(file) = &d.file_id {
                *counts.entry(file.series()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            .and_then(|(s, _)| s)
    });
    let same = |s: &Option<String>| s.as_deref() == series.as_deref();
    let number = decisions
        .iter()
        .filter_map(|d| d.id.as_ref())
        .filter(|id| same(&id.series))
        .map(|id| id.number)
        .chain(
            decisions
                .iter()
                .filter_map(|d| d.file_id.as_ref())
                .filter(|f| same(&f.series()))
                .map(|f| f.number),
        )
        .max()
        .unwrap_or(0)
        + 1;
    // The spelling and width of this series' file names, the most common one winning.
    let mut styles: BTreeMap<(Option<String>, usize), usize> = BTreeMap::new();
    for file in decisions.iter().filter_map(|d| d.file_id.as_ref()) {
        if same(&file.series()) {
            *styles
                .entry((file.prefix.clone(), file.digits.len()))
                .or_default() += 1;
        }
    }
    let (prefix, width) = styles
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
        .map_or_else(
            || (series.clone(), if series.is_some() { 3 } else { 4 }),
            |(style, _)| style,
        );
    Numbering {
        series,
        prefix,
        number,
        width,
    }
}

/// A file-name slug: lower-case letters and digits, words joined by `-`.
#[must_use]
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "record".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs() {
        for (title, expected) in [
            ("Backend Hosting", "backend-hosting"),
            ("Use Fly.io (for now)!", "use-fly-io-for-now"),
            ("  Ünïcode  title ", "ünïcode-title"),
            ("???", "record"),
        ] {
            assert_eq!(slug(title), expected, "{title}");
        }
    }
}
