//! `docket new --edit`: opens the record just written in the user's editor, `$VISUAL`, else
//! `$EDITOR`. The record stays written whatever the editor does.

use std::path::Path;
use std::process::Command;

use anyhow::{Context, anyhow, bail};

/// Runs the user's editor on `path` and waits for it. No editor named, one that cannot be
/// started, or one that fails is an error that says the record is still there.
pub(super) fn open(path: &Path) -> anyhow::Result<()> {
    let written = || format!("the record was written to {}", path.display());
    let editor = ["VISUAL", "EDITOR"]
        .into_iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.trim().is_empty()))
        .ok_or_else(|| {
            anyhow!(
                "--edit needs $VISUAL or $EDITOR to name an editor; {}",
                written()
            )
        })?;
    let status = command(&editor, path)
        .status()
        .with_context(|| format!("starting the editor `{editor}`; {}", written()))?;
    if !status.success() {
        // `sh -c` reports a command it cannot find or run as 127 or 126.
        let hint = match status.code() {
            Some(127) => " (command not found)",
            Some(126) => " (not executable)",
            _ => "",
        };
        bail!(
            "the editor `{editor}` failed: {status}{hint}; {}",
            written()
        );
    }
    Ok(())
}

/// The editor command line, run by `sh` so that values such as `code -w` or a quoted path
/// work as they do for git; the record's path is passed as `$1`, never spliced into the text.
#[cfg(unix)]
fn command(editor: &str, path: &Path) -> Command {
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(path);
    command
}

/// Without a POSIX shell the value is split on whitespace: the program, then its arguments.
#[cfg(not(unix))]
fn command(editor: &str, path: &Path) -> Command {
    let mut words = editor.split_whitespace();
    let mut command = Command::new(words.next().unwrap_or(editor));
    command.args(words).arg(path);
    command
}
