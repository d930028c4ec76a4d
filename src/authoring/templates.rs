//! The record templates `docket new` fills: embedded in the binary, one `(name, source)`
//! table, each replaced by a file of the same name in the project's template folder.

use std::path::Path;

use crate::error::{Error, Result};

/// Every built-in record template, by name (`--template dr` reads `dr.md`).
pub const BUILT_IN: &[(&str, &str)] = &[
    ("dr.md", include_str!("../../templates/records/dr.md")),
    ("adr.md", include_str!("../../templates/records/adr.md")),
    ("madr.md", include_str!("../../templates/records/madr.md")),
    (
        "nygard.md",
        include_str!("../../templates/records/nygard.md"),
    ),
    (
        "hosting.md",
        include_str!("../../templates/records/hosting.md"),
    ),
];

/// The names `--template` accepts: the built-ins without `.md`.
#[must_use]
pub fn names() -> Vec<&'static str> {
    BUILT_IN
        .iter()
        .map(|(name, _)| name.trim_end_matches(".md"))
        .collect()
}

/// Every name `--template` accepts with the templates folder `dir`: the built-ins, then the
/// names of the folder's other `.md` files, sorted. An unreadable folder adds none.
#[must_use]
pub fn available(dir: Option<&Path>) -> Vec<String> {
    let mut names: Vec<String> = names().into_iter().map(str::to_string).collect();
    let mut own: Vec<String> = dir
        .and_then(|d| std::fs::read_dir(d).ok())
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".md").map(str::to_string)
        })
        .filter(|name| !name.starts_with('.') && !names.contains(name))
        .collect();
    own.sort();
    names.append(&mut own);
    names
}

/// The source of template `name` (`dr`): the user's `name.md` in `dir` when there is one,
/// else the built-in. A name that is neither is an error.
pub(crate) fn source(name: &str, dir: Option<&Path>) -> Result<String> {
    let file = format!("{name}.md");
    if let Some(path) = dir.map(|d| d.join(&file)).filter(|p| p.is_file()) {
        return std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source });
    }
    BUILT_IN
        .iter()
        .find(|(n, _)| *n == file)
        .map(|(_, s)| (*s).to_string())
        .ok_or_else(|| Error::InvalidValue {
            what: "--template".into(),
            value: name.into(),
            message: format!("expected one of {}", names().join(", ")),
        })
}
