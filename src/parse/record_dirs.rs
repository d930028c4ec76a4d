//! Where a repository keeps its records, as the files of other ADR tools say: adr-tools'
//! `.adr-dir`, the `adrs` tool's `adrs.toml` and log4brains' `.log4brains.yml`. Finding and
//! reading those files, and walking the folders they name, is `corpus`'s job.

use super::front_matter::read_yaml_map;
use super::vocabulary::{
    ADR_TOOLS_FILE, ADRS_DEFAULT_DIR, ADRS_DIR_KEY, ADRS_FILE, LOG4BRAINS_FILE, LOG4BRAINS_KEYS,
};
use crate::model::FrontMatterValue;

/// The files that name a repository's records folders, in the order they are read.
pub(crate) const RECORD_DIR_MARKERS: &[&str] = &[ADR_TOOLS_FILE, ADRS_FILE, LOG4BRAINS_FILE];

/// The records folders a marker file names (`file_name` is one of [`RECORD_DIR_MARKERS`]),
/// relative to the repository root with `/` separators and no leading `./`. A file that does
/// not parse, or a folder outside the repository, gives nothing.
pub(crate) fn record_dirs_from_marker(file_name: &str, text: &str) -> Vec<String> {
    let named: Vec<String> = match file_name {
        ADR_TOOLS_FILE => text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .map(str::to_string)
            .into_iter()
            .collect(),
        ADRS_FILE => adrs_dir(text).into_iter().collect(),
        LOG4BRAINS_FILE => log4brains_dirs(text),
        _ => Vec::new(),
    };
    let mut out: Vec<String> = named.iter().filter_map(|d| relative_folder(d)).collect();
    out.dedup();
    out
}

/// `adr_dir = "…"` of an `adrs.toml`; the tool's default folder when the key is absent.
fn adrs_dir(text: &str) -> Option<String> {
    let table: toml::Table = toml::from_str(text).ok()?;
    match table.get(ADRS_DIR_KEY) {
        Some(value) => value.as_str().map(str::to_string),
        None => Some(ADRS_DEFAULT_DIR.to_string()),
    }
}

/// `project.adrFolder` and each `project.packages[].adrFolder` of a `.log4brains.yml`.
fn log4brains_dirs(text: &str) -> Vec<String> {
    let (project_key, folder_key, packages_key) = LOG4BRAINS_KEYS;
    let Some(map) = read_yaml_map(text) else {
        return Vec::new();
    };
    let Some(FrontMatterValue::Map(project)) = map.get(project_key) else {
        return Vec::new();
    };
    let folder = |m: &std::collections::BTreeMap<String, FrontMatterValue>| match m.get(folder_key)
    {
        Some(FrontMatterValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let mut out: Vec<String> = folder(project).into_iter().collect();
    if let Some(FrontMatterValue::List(packages)) = project.get(packages_key) {
        out.extend(packages.iter().filter_map(|p| match p {
            FrontMatterValue::Map(m) => folder(m),
            _ => None,
        }));
    }
    out
}

/// A folder written relative to the repository root, normalised; `None` when it is empty,
/// absolute or climbs out of the repository.
fn relative_folder(raw: &str) -> Option<String> {
    let slashed = raw.trim().replace('\\', "/");
    if slashed.starts_with('/') || slashed.contains(':') {
        return None;
    }
    let parts: Vec<&str> = slashed
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    if parts.is_empty() || parts.contains(&"..") {
        return None;
    }
    Some(parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::record_dirs_from_marker;

    #[test]
    fn marker_files_table() {
        let rows: [(&str, &str, &str, &[&str]); 11] = [
            (
                "adr-tools line",
                ".adr-dir",
                "doc/architecture/decisions\n",
                &["doc/architecture/decisions"],
            ),
            (
                "adr-tools blank lines and ./",
                ".adr-dir",
                "\n  ./docs/adr/ \n",
                &["docs/adr"],
            ),
            ("adr-tools empty", ".adr-dir", "\n\n", &[]),
            (
                "adrs key",
                "adrs.toml",
                "adr_dir = \"records/adr\"\nmode = \"nextgen\"\n",
                &["records/adr"],
            ),
            (
                "adrs default",
                "adrs.toml",
                "mode = \"compatible\"\n",
                &["doc/adr"],
            ),
            ("adrs broken toml", "adrs.toml", "adr_dir = [", &[]),
            (
                "log4brains project",
                ".log4brains.yml",
                "project:\n  name: Demo\n  adrFolder: ./docs/adr\n  packages: []\n",
                &["docs/adr"],
            ),
            (
                "log4brains packages",
                ".log4brains.yml",
                "---\nproject:\n  adrFolder: ./docs/adr\n  packages:\n    - name: api\n      path: ./services/api\n      adrFolder: ./services/api/adr\n",
                &["docs/adr", "services/api/adr"],
            ),
            ("log4brains not yaml", ".log4brains.yml", "project: [", &[]),
            ("outside the repository", ".adr-dir", "../elsewhere\n", &[]),
            ("absolute path", ".adr-dir", "/srv/adr\n", &[]),
        ];
        for (name, file, text, want) in rows {
            assert_eq!(record_dirs_from_marker(file, text), want, "{name}");
        }
    }
}
