//! The output folder: docket writes only there, only into a folder it made (a `.docket-site`
//! marker lists the files it wrote) unless forced, never in or around a records folder, and
//! a rebuild removes the pages it wrote before that no longer exist.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::atomic_write::write_atomic_if_changed;
use crate::corpus::absolute;
use crate::error::{Error, Result};

/// The file that marks a folder as a docket site and lists the files docket wrote there.
pub const MARKER: &str = ".docket-site";

/// The path with symlinks resolved as far as it exists, the rest joined lexically.
fn resolved(path: &Path) -> PathBuf {
    let abs = absolute(path);
    let mut existing = abs.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return abs,
        }
    }
    let mut out = existing
        .canonicalize()
        .unwrap_or_else(|_| existing.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

/// Refuses an output folder that is, holds or lies inside a records folder, a file, or a
/// non-empty folder docket did not make (unless `force`).
pub(crate) fn check_output(out: &Path, records: &[PathBuf], force: bool) -> Result<()> {
    let refuse = |reason: String| {
        Err(Error::SiteOutput {
            path: out.to_path_buf(),
            reason,
        })
    };
    let target = resolved(out);
    for dir in records {
        let dir_abs = resolved(dir);
        if target == dir_abs || dir_abs.starts_with(&target) || target.starts_with(&dir_abs) {
            return refuse(format!(
                "it overlaps the records folder `{}`; choose a folder outside it",
                dir.display()
            ));
        }
    }
    if out.exists() && !out.is_dir() {
        return refuse("it is a file".to_string());
    }
    let non_empty = std::fs::read_dir(out).is_ok_and(|mut entries| entries.next().is_some());
    if non_empty && !out.join(MARKER).is_file() && !force {
        return refuse(format!(
            "the folder is not empty and has no `{MARKER}` file, so docket did not make it; \
             pass --force to write into it"
        ));
    }
    Ok(())
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A listed path is removed only when it stays inside the folder.
fn is_inside(rel: &str) -> bool {
    !rel.is_empty()
        && Path::new(rel)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

/// Makes the output folder (and its `records/` folder) and returns the list of files the
/// last build wrote, as its marker holds it.
pub(crate) fn begin(out: &Path) -> Result<String> {
    let records = out.join("records");
    std::fs::create_dir_all(&records).map_err(io(&records))?;
    Ok(std::fs::read_to_string(out.join(MARKER)).unwrap_or_default())
}

/// Writes one file of the site (its folder made when missing), atomically and only when
/// its bytes changed; returns whether it wrote.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<bool> {
    if let Some(parent) = path.parent()
        && !parent.is_dir()
    {
        std::fs::create_dir_all(parent).map_err(io(parent))?;
    }
    write_atomic_if_changed(path, bytes)
}

/// Removes the files the last build wrote (`previous`, the marker's text) that this one did
/// not (`listed`, paths relative to `out` with `/`), and records the list in the marker.
/// Returns how many stale files were removed.
pub(crate) fn finish(out: &Path, previous: &str, listed: &BTreeSet<String>) -> Result<usize> {
    let mut removed = 0;
    for rel in previous.lines().skip(1).map(str::trim) {
        if is_inside(rel) && !listed.contains(rel) {
            let path = out.join(rel);
            match std::fs::remove_file(&path) {
                Ok(()) => removed += 1,
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => {}
                Err(err) => return Err(io(&path)(err)),
            }
        }
    }
    let mut list = String::from(
        "# written by docket build; files listed here are replaced or removed on rebuild\n",
    );
    for rel in listed {
        list.push_str(rel);
        list.push('\n');
    }
    write_atomic_if_changed(&out.join(MARKER), list.as_bytes())?;
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_relative_paths_are_removed() {
        for (rel, inside) in [
            ("index.html", true),
            ("records/a.html", true),
            ("../x.html", false),
            ("/etc/passwd", false),
            ("", false),
        ] {
            assert_eq!(is_inside(rel), inside, "{rel}");
        }
    }
}
