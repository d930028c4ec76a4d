//! Finding record files under a root: a repository's records folders, extensions, ignore
//! globs, README, project-file and template skipping.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use walkdir::WalkDir;

use crate::config::RecordsConfig;
use crate::error::{Error, Result};
use crate::parse::{
    RECORD_DIR_MARKERS, RECORD_FOLDERS, is_folder_record_name, is_record_folder_name,
    record_dirs_from_marker,
};

/// Whether a file name is one docket skips by default: `README.md`, `index.md`,
/// decision-log indexes, project files (`CHANGELOG.md`, `CONTRIBUTING.md`,
/// `CODE_OF_CONDUCT.md`, `LICENSE.md`, `SECURITY.md`) and templates (`template*.md`,
/// `adr-template*.md`, `*template.md`, `EMPTY-ADR.md`). `0007-slim-template-framework.md` is a
/// record. The names are the parser's vocabulary.
#[must_use]
pub fn is_skipped_name(name: &str) -> bool {
    crate::parse::is_not_record_name(name)
}

/// The records folders of a repository root: those its ADR tool's files name (`.adr-dir`,
/// `adrs.toml`, `.log4brains.yml`), else the usual record folders that exist (`docs/adr`,
/// `doc/architecture/decisions`, `docs/decisions`, …, matched without regard to case).
/// `None` when `dir` is no repository root (it holds no `.git` and none of those files) or
/// when neither gives a folder that exists; the caller then walks `dir` itself.
#[must_use]
pub fn repository_record_dirs(dir: &Path) -> Option<Vec<PathBuf>> {
    let markers: Vec<(&str, PathBuf)> = RECORD_DIR_MARKERS
        .iter()
        .map(|m| (*m, dir.join(m)))
        .filter(|(_, p)| p.is_file())
        .collect();
    if markers.is_empty() && !dir.join(".git").exists() {
        return None;
    }
    let mut found: Vec<PathBuf> = Vec::new();
    for (name, path) in &markers {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        found.extend(
            record_dirs_from_marker(name, &text)
                .iter()
                .filter_map(|rel| find_folder(dir, rel)),
        );
    }
    if found.is_empty() {
        found.extend(
            RECORD_FOLDERS
                .iter()
                .filter_map(|rel| find_folder(dir, rel)),
        );
    }
    found.sort();
    found.dedup();
    (!found.is_empty()).then_some(found)
}

/// The folder `rel` (with `/` separators) below `root`, each part matched exactly or else
/// without regard to case (`docs/ADR`).
fn find_folder(root: &Path, rel: &str) -> Option<PathBuf> {
    let mut at = root.to_path_buf();
    for part in rel.split('/') {
        let exact = at.join(part);
        at = if exact.is_dir() {
            exact
        } else {
            std::fs::read_dir(&at)
                .ok()?
                .filter_map(std::result::Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .find(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().eq_ignore_ascii_case(part))
                })?
        };
    }
    Some(at)
}

/// The record files found under a root, and the entries that could not be read while walking.
#[derive(Debug, Default)]
pub struct Discovered {
    /// Record files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Entries the walk could not read (a dangling symlink, a symlink loop, no permission).
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Lists the record files under `dir`, sorted by path. Symlinks are followed. `root` is the
/// folder of the config: `dirs` are walked instead of `dir` when `dir` is the root itself, and
/// ignore globs match paths relative to the root (relative to `dir` when it lies outside).
/// Without `dirs`, a repository root is searched in its records folders
/// ([`repository_record_dirs`]); any other folder is walked whole.
pub fn discover_records(
    dir: &Path,
    root: Option<&Path>,
    config: &RecordsConfig,
) -> Result<Discovered> {
    let mut builder = GlobSetBuilder::new();
    for pattern in &config.ignore {
        let glob = Glob::new(pattern).map_err(|source| Error::Glob {
            pattern: pattern.clone(),
            source,
        })?;
        builder.add(glob);
    }
    let ignore = builder.build().map_err(|source| Error::Glob {
        pattern: config.ignore.join(", "),
        source,
    })?;
    let is_root = root.is_none_or(|r| same_folder(r, dir));
    let root = match root {
        Some(r) if dir_is_under(dir, r) => r.to_path_buf(),
        _ => dir.to_path_buf(),
    };
    let dirs: Vec<PathBuf> = if !config.dirs.is_empty() && is_root {
        config.dirs.iter().map(|d| root.join(d)).collect()
    } else if let Some(found) = repository_record_dirs(dir) {
        found
    } else {
        vec![dir.to_path_buf()]
    };
    let mut out = Discovered::default();
    for dir in dirs {
        if !dir.is_dir() {
            return Err(Error::MissingPath { path: dir });
        }
        let walker = WalkDir::new(&dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| {
                // Hidden folders (.git, .github) and build output are never records.
                let name = e.file_name().to_string_lossy();
                e.depth() == 0
                    || !(name.starts_with('.') || name == "node_modules" || name == "target")
            });
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map_or_else(|| dir.clone(), Path::to_path_buf);
                    let message = err
                        .io_error()
                        .map_or_else(|| err.to_string(), ToString::to_string);
                    out.unreadable.push((path, message));
                    continue;
                }
            };
            // A symlink that cannot be followed stays a candidate, so reading it reports it.
            if entry.file_type().is_dir() {
                continue;
            }
            let path = entry.path();
            let rel = strip_root(path, &root);
            if ignore.is_match(&rel) {
                continue;
            }
            let name = entry.file_name().to_string_lossy();
            let ext_ok = path.extension().is_some_and(|e| {
                let e = e.to_string_lossy();
                config
                    .extensions
                    .iter()
                    .any(|x| x.trim_start_matches('.').eq_ignore_ascii_case(&e))
            });
            if !ext_ok {
                continue;
            }
            let folder_record = is_folder_record(path);
            if !folder_record && is_folder_record_attachment(path) {
                continue;
            }
            if config.skip_readme_and_templates
                && !folder_record
                && (is_skipped_name(&name)
                    || rel
                        .components()
                        .any(|c| c.as_os_str().eq_ignore_ascii_case("templates")))
            {
                continue;
            }
            out.files.push(path.to_path_buf());
        }
    }
    out.files.sort();
    out.files.dedup();
    out.unreadable.sort();
    Ok(out)
}

/// Whether a file is a folder's record: `README.md` or `index.md` in a numbered or dated
/// folder (`decision-records/2025-01-17-key-management/README.md`).
fn is_folder_record(path: &Path) -> bool {
    let folder = path.parent();
    path.file_name()
        .is_some_and(|n| is_folder_record_name(&n.to_string_lossy()))
        && folder
            .and_then(Path::file_name)
            .is_some_and(|f| is_record_folder_name(&f.to_string_lossy()))
        && !folder.is_some_and(holds_numbered_records)
}

/// Whether a folder holds records of its own (`02_decisions/00-hosting.md`): then it is a
/// records folder whose `README.md` is an index, not one decision kept as a folder.
fn holds_numbered_records(folder: &Path) -> bool {
    std::fs::read_dir(folder).is_ok_and(|entries| {
        entries.filter_map(std::result::Result::ok).any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let markdown = Path::new(&name).extension().is_some_and(|x| {
                x.eq_ignore_ascii_case("md") || x.eq_ignore_ascii_case("markdown")
            });
            markdown
                && !is_folder_record_name(&name)
                && e.path().is_file()
                && crate::parse::file_name_id(&name).is_some()
        })
    })
}

/// Whether a file lies beside a folder's record, as one of its attachments: another file of a
/// numbered or dated folder that holds a `README.md` or `index.md`.
fn is_folder_record_attachment(path: &Path) -> bool {
    let Some(folder) = path.parent() else {
        return false;
    };
    folder
        .file_name()
        .is_some_and(|f| is_record_folder_name(&f.to_string_lossy()))
        && std::fs::read_dir(folder).is_ok_and(|entries| {
            entries.filter_map(std::result::Result::ok).any(|e| {
                e.path().is_file() && is_folder_record_name(&e.file_name().to_string_lossy())
            })
        })
        && !holds_numbered_records(folder)
}

/// A path made absolute against the current folder, `.` and `..` folded without touching the
/// file system (links in markdown are resolved the same lexical way).
#[must_use]
pub fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().map_or_else(|_| path.to_path_buf(), |cwd| cwd.join(path))
    };
    let mut out = PathBuf::new();
    for part in joined.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// Whether two paths name the same folder (compared as absolute, lexically folded paths).
fn same_folder(a: &Path, b: &Path) -> bool {
    absolute(a) == absolute(b)
}

/// Whether `dir` is `root` or lies below it.
fn dir_is_under(dir: &Path, root: &Path) -> bool {
    absolute(dir).starts_with(absolute(root))
}

/// `path` relative to `root`, comparing absolute forms so `./records` and `records` agree.
fn strip_root(path: &Path, root: &Path) -> PathBuf {
    let abs = absolute(path);
    abs.strip_prefix(absolute(root))
        .map_or_else(|_| path.to_path_buf(), Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_names() {
        for name in [
            "README.md",
            "index.md",
            "template.md",
            "adr-template.md",
            "my_template.md",
            "adr-template-bare-minimal.md",
            "template-lite.md",
            "decision-log.md",
            "CHANGELOG.md",
            "CONTRIBUTING.md",
            "CODE_OF_CONDUCT.md",
            "LICENSE.md",
            "SECURITY.md",
            "EMPTY-ADR.md",
            "TEMPLATE.md",
            "_template.md",
            "ADR-nnn_Any_Decision_Record_Template.md",
        ] {
            assert!(is_skipped_name(name), "{name}");
        }
        for name in [
            "0007-slim-template-framework.md",
            "0001-record.md",
            "templates-are-fun.md",
            "0003-adopt-a-security-policy.md",
            "0012-changelog-format.md",
        ] {
            assert!(!is_skipped_name(name), "{name}");
        }
    }
}
