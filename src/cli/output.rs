//! The only place that prints: stdout for results, stderr for failures, and `--output` files.
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::OnceLock;

use super::args::Color;

/// The global flags: `--color`, `-q`, `-v`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Settings {
    /// When human output is coloured.
    pub(crate) color: Color,
    /// `-q`: no notes on stderr, only results and errors.
    pub(crate) quiet: bool,
    /// `-v`: extra notes (what was read, how long it took).
    pub(crate) verbose: bool,
}

static SETTINGS: OnceLock<Settings> = OnceLock::new();

/// Records the global flags once, at start-up.
pub(crate) fn configure(settings: Settings) {
    let _ = SETTINGS.set(settings);
}

/// The global flags (defaults before [`configure`]).
pub(crate) fn settings() -> Settings {
    SETTINGS.get().copied().unwrap_or(Settings {
        color: Color::Auto,
        quiet: false,
        verbose: false,
    })
}

/// Prints a result to stdout, or writes it to `output` atomically. A closed pipe is not an error.
pub(crate) fn emit(text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    if let Some(path) = output {
        docket_write(path, text)?;
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

fn docket_write(path: &Path, text: &str) -> anyhow::Result<()> {
    use anyhow::Context;
    docket::atomic_write::write_atomic(path, text.as_bytes())
        .with_context(|| format!("writing {}", path.display()))
}

/// Prints a note for the user on stderr (progress, skipped work), never the results.
pub(crate) fn note(text: &str) {
    if !settings().quiet {
        eprintln!("note: {text}");
    }
}

/// Prints a note only with `-v`.
pub(crate) fn verbose(text: &str) {
    if settings().verbose {
        eprintln!("note: {text}");
    }
}

/// Prints a failure on stderr, the whole chain on one line.
pub(crate) fn error(err: &anyhow::Error) {
    eprintln!("error: {err:#}");
}

/// Prints a failure and returns exit code 2.
pub(crate) fn failure(err: &anyhow::Error) -> ExitCode {
    error(err);
    ExitCode::from(2)
}
