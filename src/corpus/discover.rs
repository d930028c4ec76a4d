//! Finding record files under a root: extensions, ignore globs, README and template skipping.

use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use walkdir::WalkDir;

use crate::config::RecordsConfig;
use crate::error::{Error, Result};

/// Whether a file name is one docket skips by default: `README.md`, `index.md`, and templates
/// (`template*.md`, `adr-template*.md`, `*template.md`), and decision-log indexes.
/// `0007-slim-template-framework.md` is a record.
#[must_use]
pub fn is_skipped_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.rsplit_once('.').map_or(lower.as_str(), |(s, _)| s);
    matches!(stem, "readme" | "index" | "decision-log" | "adr-log")
        || stem.starts_with("template-")
        || stem.starts_with("template_")
        || stem.starts_with("adr-template")
        || stem.starts_with("adr_template")
        || stem.ends_with("template")
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
    let dirs: Vec<PathBuf> = if config.dirs.is_empty() || !is_root {
        vec![dir.to_path_buf()]
    } else {
        config.dirs.iter().map(|d| root.join(d)).collect()
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
            if config.skip_readme_and_templates
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
        ] {
            assert!(is_skipped_name(name), "{name}");
        }
        for name in [
            "0007-slim-template-framework.md",
            "0001-record.md",
            "templates-are-fun.md",
        ] {
            assert!(!is_skipped_name(name), "{name}");
        }
    }
}
