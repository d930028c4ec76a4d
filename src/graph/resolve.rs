//! Link resolution: turns one stated [`Link`] into a record of the set, by relative path, by
//! id (numbers compared within a series), by bare number or by title text. Reads only the model.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::GraphConfig;
use crate::model::{Decision, Link, RecordId, word_key};
use crate::parse::{is_folder_record_name, record_file_name};

use super::Evidence;

/// What one link points at, once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolution {
    /// A record of the set.
    Record(usize, Evidence),
    /// A record reference with no record behind it; `candidates` when several match.
    Absent {
        label: String,
        candidates: Vec<usize>,
    },
    /// A relative link to a file that is not a record.
    File(String),
    /// Not a record reference (an unknown id series, a title that names no record).
    Ignored(&'static str),
}

/// Lookup tables over the records, built once per graph.
pub(crate) struct Index<'a> {
    decisions: &'a [Decision],
    /// Each record's path from the origin, folded: what relative links are joined to.
    located: Vec<String>,
    by_path: BTreeMap<String, usize>,
    by_id: BTreeMap<(Option<String>, u32), Vec<usize>>,
    by_title: BTreeMap<String, Vec<usize>>,
    series: BTreeSet<String>,
}

impl<'a> Index<'a> {
    pub(crate) fn new(decisions: &'a [Decision], origin: &str, config: &GraphConfig) -> Self {
        let located: Vec<String> = decisions.iter().map(|d| join(origin, &d.path)).collect();
        let mut index = Index {
            decisions,
            located,
            by_path: BTreeMap::new(),
            by_id: BTreeMap::new(),
            by_title: BTreeMap::new(),
            // `ADR` is the generic name of these records: `ADR 7` means record 7 anywhere.
            series: std::iter::once("ADR".to_string())
                .chain(config.series.iter().map(|s| s.to_ascii_uppercase()))
                .collect(),
        };
        for (i, d) in decisions.iter().enumerate() {
            index.by_path.insert(index.located[i].clone(), i);
            if let Some(id) = &d.id {
                index
                    .by_id
                    .entry((id.series.clone(), id.number))
                    .or_default()
                    .push(i);
                index.series.extend(id.series.clone());
            }
            let title = word_key(&d.title.text);
            if !title.is_empty() {
                index.by_title.entry(title).or_default().push(i);
            }
        }
        index
    }

    /// Whether an id's series names records here (used by a record or configured).
    pub(crate) fn is_record_series(&self, id: &RecordId) -> bool {
        id.series.as_ref().is_none_or(|s| self.series.contains(s))
    }

    pub(crate) fn resolve(&self, from: usize, link: &Link) -> Resolution {
        let target = &link.target;
        let web = target.href.as_deref().filter(|h| is_web_address(h));
        if let Some(url) = web {
            if let Some(found) = self.by_url(url) {
                return Resolution::Record(found, Evidence::Path);
            }
            if target.id.is_none() {
                return Resolution::Ignored("web address names no record of this set");
            }
        }
        if let Some(href) = target.href.as_deref().filter(|_| web.is_none()) {
            let path = strip_fragment(href);
            if !path.is_empty() {
                if let Some(found) = self.by_href(from, &path) {
                    return Resolution::Record(found, Evidence::Path);
                }
                let names_record = target.id.as_ref().is_some_and(|id| {
                    self.is_record_series(id) && (id.series.is_some() || has_number_prefix(&path))
                });
                if !names_record && !self.by_file_name(&path).is_empty() {
                    // The file name of a record, at a path where it is not: a broken record link.
                    return Resolution::Absent {
                        label: href.to_string(),
                        candidates: Vec::new(),
                    };
                }
                if path.starts_with('/') && !names_record {
                    return Resolution::Ignored(
                        "repository-rooted link to a file that is not a record",
                    );
                }
                if !names_record {
                    return Resolution::File(join(folder(&self.decisions[from].path), &path));
                }
            }
        }
        if let Some(id) = &target.id {
            if !self.is_record_series(id) {
                return Resolution::Ignored("id series names no records here");
            }
            let evidence = if id.series.is_some() || target.href.is_some() {
                Evidence::Id
            } else {
                Evidence::Number
            };
            let candidates = self.by_number(from, id.series.as_deref(), id.number);
            let candidates = self.narrow_by_title(candidates, &target.text);
            return match candidates.as_slice() {
                [one] => Resolution::Record(*one, evidence),
                _ => Resolution::Absent {
                    label: absent_label(id, target.href.as_deref()),
                    candidates,
                },
            };
        }
        if target.href.is_some() {
            return Resolution::Ignored("link names no file");
        }
        match self.by_title_text(&target.text).as_slice() {
            [one] => Resolution::Record(*one, Evidence::Title),
            [] => Resolution::Ignored("text matches no record title"),
            _ => Resolution::Ignored("text matches several record titles"),
        }
    }

    /// Records whose file name is the last segment of `path`.
    pub(crate) fn by_file_name(&self, path: &str) -> Vec<usize> {
        let name = record_file_name(path);
        self.by_path
            .iter()
            .filter(|(p, _)| record_file_name(p) == name)
            .map(|(_, i)| *i)
            .collect()
    }

    /// The record a web address points at (`https://host/org/repo/blob/main/docs/adr/0004-x.md`),
    /// matched by the longest tail of its path, folder and file name at least, that ends
    /// exactly one record's path. Record paths are absolute here, so the match does not
    /// depend on the folder docket runs from.
    fn by_url(&self, url: &str) -> Option<usize> {
        let path = strip_fragment(url);
        let after_host = path.splitn(4, '/').nth(3)?;
        let segments: Vec<&str> = after_host.split('/').filter(|s| !s.is_empty()).collect();
        for start in 0..segments.len().saturating_sub(1) {
            let tail = format!("/{}", segments[start..].join("/"));
            match self.ending_in(&tail).as_slice() {
                [] => {}
                [one] => return Some(*one),
                _ => return None,
            }
        }
        None
    }

    /// Records whose located path ends in `tail` (`/docs/adr/0003-x.md`).
    fn ending_in(&self, tail: &str) -> Vec<usize> {
        self.by_path
            .iter()
            .filter(|(p, _)| p.ends_with(tail))
            .map(|(_, i)| *i)
            .collect()
    }

    fn by_href(&self, from: usize, path: &str) -> Option<usize> {
        if let Some(rooted) = path.strip_prefix('/') {
            // Repository-rooted (`/docs/adr/0003-x.md`): the record whose path ends so.
            let tail = format!("/{}", normalise_path(rooted));
            let found = self.ending_in(&tail);
            return (found.len() == 1).then(|| found[0]);
        }
        let joined = join(folder(&self.located[from]), path);
        if let Some(found) = self.by_path.get(&joined) {
            return Some(*found);
        }
        // A folder record named by its folder (`../2025-05-28-profile/`): its README or index.
        let dir = joined.trim_end_matches('/');
        self.by_path
            .iter()
            .find(|(p, _)| {
                p.strip_prefix(dir)
                    .and_then(|rest| rest.strip_prefix('/'))
                    .is_some_and(is_folder_record_name)
            })
            .map(|(_, i)| *i)
    }

    /// Records with this number: same series first, then (for `ADR`) bare-numbered records;
    /// a bare number matches any series. Several matches are narrowed to `from`'s folder.
    fn by_number(&self, from: usize, series: Option<&str>, number: u32) -> Vec<usize> {
        let key = (series.map(str::to_string), number);
        let mut found = self.by_id.get(&key).cloned().unwrap_or_default();
        if found.is_empty() && series == Some("ADR") {
            found = self.by_id.get(&(None, number)).cloned().unwrap_or_default();
        }
        if found.is_empty() && series.is_none() {
            found = self
                .by_id
                .iter()
                .filter(|((_, n), _)| *n == number)
                .flat_map(|(_, v)| v.iter().copied())
                .collect();
        }
        let here = folder(&self.decisions[from].path);
        let local: Vec<usize> = found
            .iter()
            .copied()
            .filter(|i| folder(&self.decisions[*i].path) == here)
            .collect();
        if local.len() == 1 || (series.is_none() && !found.is_empty()) {
            // A bare number means a record of the same folder and nothing further away.
            return local;
        }
        found
    }

    /// Several records with one number (`ADR 0037: Universal Scheduler Delay` where five
    /// records are numbered 0037): the one whose title or file-name slug the link's text
    /// contains, if exactly one does; otherwise all of them.
    fn narrow_by_title(&self, candidates: Vec<usize>, text: &str) -> Vec<usize> {
        if candidates.len() < 2 {
            return candidates;
        }
        let key = format!(" {} ", word_key(text));
        let titled: Vec<usize> = candidates
            .iter()
            .copied()
            .filter(|i| {
                let d = &self.decisions[*i];
                let name = d.path.rsplit('/').next().unwrap_or(&d.path);
                let slug = name.split('.').next().unwrap_or(name);
                let slug = slug.trim_start_matches(|c: char| !c.is_alphabetic());
                [word_key(&d.title.text), word_key(slug)]
                    .iter()
                    .any(|t| !t.is_empty() && key.contains(&format!(" {t} ")))
            })
            .collect();
        if titled.len() == 1 {
            titled
        } else {
            candidates
        }
    }

    fn by_title_text(&self, text: &str) -> Vec<usize> {
        let key = word_key(text);
        if let Some(found) = self.by_title.get(&key) {
            return found.clone();
        }
        // `Use PostgreSQL - for the main store`: a title followed by a note.
        self.by_title
            .iter()
            .filter(|(title, _)| {
                title.split(' ').count() >= 2
                    && key.len() > title.len()
                    && key.starts_with(title.as_str())
                    && key.as_bytes()[title.len()] == b' '
            })
            .flat_map(|(_, v)| v.iter().copied())
            .collect()
    }
}

fn is_web_address(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

fn absent_label(id: &RecordId, href: Option<&str>) -> String {
    match (&id.series, href) {
        (None, Some(href)) => href.to_string(),
        _ => id.raw.clone(),
    }
}

fn has_number_prefix(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.starts_with(|c: char| c.is_ascii_digit())
}

pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    if a == b {
        return false;
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() == b.len() {
        return a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1;
    }
    let (short, long) = if a.len() < b.len() { (a, b) } else { (b, a) };
    if long.len() != short.len() + 1 {
        return false;
    }
    (0..long.len()).any(|skip| {
        long.iter()
            .enumerate()
            .filter(|(i, _)| *i != skip)
            .map(|(_, c)| c)
            .eq(short.iter())
    })
}

/// The folder part of a record path (`a/b/c.md` → `a/b`; a bare `c.md` has none).
pub(crate) fn folder(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

/// A link destination without `#fragment` or `?query`, `%xx` escapes decoded.
fn strip_fragment(href: &str) -> String {
    let end = href.find(['#', '?']).unwrap_or(href.len());
    percent_decode(href[..end].trim())
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `folder` joined with a relative path, `.` and `..` segments folded; an absolute `relative`
/// stays as it is.
pub(crate) fn join(folder: &str, relative: &str) -> String {
    if folder.is_empty() || relative.starts_with('/') {
        normalise_path(relative)
    } else {
        normalise_path(&format!("{folder}/{relative}"))
    }
}

/// Folds `.` and `..` segments and doubled slashes; a leading `/` is kept.
pub(crate) fn normalise_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for seg in path.split(['/', '\\']) {
        match seg {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            _ => parts.push(seg),
        }
    }
    let joined = parts.join("/");
    if path.starts_with('/') {
        format!("/{joined}")
    } else {
        joined
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_fold() {
        let cases = [
            ("a/b", "./c.md", "a/b/c.md"),
            ("a/b", "../d/c.md", "a/d/c.md"),
            ("a", "../../c.md", "../c.md"),
            ("", "c.md", "c.md"),
            ("/r/a", "c%20d.md", "/r/a/c%20d.md"),
        ];
        for (dir, rel, want) in cases {
            assert_eq!(join(dir, rel), want, "{dir} + {rel}");
        }
        assert_eq!(strip_fragment("c%20d.md#x"), "c d.md");
    }

    #[test]
    fn near_numbers() {
        assert!(one_edit_apart("17", "7"));
        assert!(one_edit_apart("16", "15"));
        assert!(!one_edit_apart("16", "61"));
        assert!(!one_edit_apart("7", "7"));
    }

    #[test]
    fn titles_fold() {
        assert_eq!(word_key("Use PostgreSQL (v16)!"), "use postgresql v16");
    }
}
