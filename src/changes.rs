//! Records changed since a git ref, for `docket lint --changed-since`: which files differ
//! from the ref, and the numbered records the ref already has. Runs `git` as a process; the
//! rules only ever see the results.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use crate::corpus::{display_path, is_skipped_name};
use crate::error::{Error, Result};
use crate::parse::file_name_id;
use crate::parse::parse_record;
use crate::rules::BaseRecord;

fn git(args: &[&str]) -> Result<String> {
    let failed = |message: String| Error::Git {
        command: args.join(" "),
        message,
    };
    let output = Command::new("git")
        .args(args)
        .output()
        .map_err(|err| failed(err.to_string()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(failed(
            stderr.lines().next().unwrap_or("").trim().to_string(),
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

/// Paths (relative to the current folder, `/`-separated) changed since `reference`: modified,
/// added or renamed tracked files, and untracked files git does not ignore.
pub fn changed_paths(reference: &str) -> Result<BTreeSet<String>> {
    git(&[
        "rev-parse",
        "--verify",
        "--quiet",
        &format!("{reference}^{{commit}}"),
    ])?;
    let diff = git(&[
        "diff",
        "--name-only",
        "--relative",
        "--no-renames",
        reference,
        "--",
    ])?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard"])?;
    Ok(diff
        .lines()
        .chain(untracked.lines())
        .filter(|l| !l.is_empty())
        .map(|l| display_path(Path::new(l)))
        .collect())
}

/// The numbered records under `folders` as they are on `reference`, with the number from the
/// file name, else from the record's own id.
pub fn records_at(
    reference: &str,
    folders: &[&Path],
    extensions: &[String],
) -> Result<Vec<BaseRecord>> {
    let mut out = Vec::new();
    for folder in folders {
        let folder = display_path(folder);
        let spec = if folder.is_empty() {
            ".".to_string()
        } else {
            folder
        };
        let listing = git(&["ls-tree", "-r", "--name-only", reference, "--", &spec])?;
        for path in listing.lines().filter(|l| !l.is_empty()) {
            let name = path.rsplit('/').next().unwrap_or(path);
            let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
            if is_skipped_name(name) || !extensions.iter().any(|e| e.eq_ignore_ascii_case(ext)) {
                continue;
            }
            let id = if let Some(f) = file_name_id(path) {
                Some(f.to_record_id())
            } else {
                let text = git(&["show", &format!("{reference}:./{path}")])?;
                parse_record(&text, path).decision.id
            };
            if let Some(id) = id {
                out.push(BaseRecord {
                    path: display_path(Path::new(path)),
                    id,
                });
            }
        }
    }
    Ok(out)
}
