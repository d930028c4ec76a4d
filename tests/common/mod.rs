//! Helpers shared by the integration tests.

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
