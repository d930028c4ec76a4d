//! Finding record files under a root: extensions, ignore globs, README and template skipping.

use std::path::{Path, PathBuf};

use globset::{Glob, GlobSetBuilder};
use walkdir::WalkDir;

use crate::config::RecordsConfig;
use crate::error::{Error, Result};

/// Whether a file name is one docket skips by default: `README.md`, `index.md`, and templates
/// (`template.md`, `*-template.md`, `*_template.md`). `0007-slim-template-framework.md` is a record.
#[must_use]
pub fn is_skipped_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    let stem = lower.rsplit_once('.').map_or(lower.as_str(), |(s, _)| s);
    matches!(
        stem,
        "readme" | "index" | "template" | "adr-template" | "_template"
    ) || stem.ends_with("-template")
        || stem.ends_with("_template")
}

/// Lists the record files under `root`, sorted by path.
pub fn discover_records(root: &Path, config: &RecordsConfig) -> Result<Vec<PathBuf>> {
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
    let dirs: Vec<PathBuf> = if config.dirs.is_empty() {
        vec![root.to_path_buf()]
    } else {
        config.dirs.iter().map(|d| root.join(d)).collect()
    };
    let mut out = Vec::new();
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
            let Ok(entry) = entry else { continue };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path();
            let rel = path.strip_prefix(root).unwrap_or(path);
            if ignore.is_match(rel) {
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
            out.push(path.to_path_buf());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
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
