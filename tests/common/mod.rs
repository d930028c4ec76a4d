//! Helpers shared by the integration tests.
// Each test binary includes this module and uses only some of its helpers.
#![allow(dead_code)]

use std::path::PathBuf;

// The skip note on stderr is the point of this helper.
#[allow(clippy::print_stderr)]
/// `../shared/<sub>` when present. Absent: prints a skip note and returns `None` locally,
/// panics in CI (`CI=true`), where the shared data is required.
pub(crate) fn shared(sub: &str) -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(sub);
    if path.exists() {
        return Some(path);
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !in_ci,
        "{} is required when CI=true but is missing",
        path.display()
    );
    eprintln!("note: skipping, {} is absent", path.display());
    None
}

// The skip note on stderr is the point of this helper.
#[allow(clippy::print_stderr)]
/// An external program the test needs (`mdbook`, `adrs`, `adr`): from `target/tools/bin`
/// (where `.ci/run` installs it) or the `PATH`. Absent: a skip note locally, a panic in CI.
pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    let local = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("target/tools/bin")
        .join(name);
    if local.is_file() {
        return Some(local);
    }
    let on_path = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    });
    if on_path.is_some() {
        return on_path;
    }
    let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
    assert!(
        !in_ci,
        "`{name}` is required when CI=true (.ci/run installs it)"
    );
    eprintln!("note: skipping, `{name}` is not installed (.ci/run installs it)");
    None
}

/// Runs the `docket` binary in `dir`; returns (exit code, stdout, stderr).
pub(crate) fn docket(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("docket"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("docket runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
