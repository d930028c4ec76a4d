//! `docket serve`'s incremental path: after a full build, a one-record change parses that
//! record again and renders only the pages it touches, and the site it leaves is byte for
//! byte the one a full build writes. A second `docket build` writes no file at all. These
//! tests count pages and changed files; they never time anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use docket::rules::{self, LintOptions};
use docket::site::{LiveSite, SiteOptions, build};
use docket::workspace::{Workspace, WorkspaceOptions};

const A: &str = "# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe will use Postgres.\n\n## Consequences\n\nBackups are nightly.\n";
const B: &str = "# 2. Use pgBouncer\n\nDate: 2026-01-06\n\n## Status\n\nAccepted\n\n## Context\n\nConnections run out; see [1. Use Postgres](0001-use-postgres.md).\n\n## Decision\n\nWe will pool connections with pgBouncer.\n\n## Consequences\n\nOne more service to run.\n";
const C: &str = "# 3. Ship logs to Loki\n\nDate: 2026-02-01\n\n## Status\n\nProposed\n\n## Context\n\nLogs are lost when a container restarts.\n\n## Decision\n\nWe will ship logs to Loki.\n\n## Consequences\n\nLog queries move to Grafana.\n";

fn write(path: &Path, text: &str) {
    docket::atomic_write::write_atomic(path, text.as_bytes()).expect("file written");
}

/// A temp folder with `records/` holding the three records.
fn corpus() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let records = dir.path().join("records");
    std::fs::create_dir(&records).expect("records folder");
    write(&records.join("0001-use-postgres.md"), A);
    write(&records.join("0002-use-pgbouncer.md"), B);
    write(&records.join("0003-ship-logs-to-loki.md"), C);
    (dir, records)
}

fn load(records: &Path) -> (Workspace, Vec<docket::diagnostics::Diagnostic>) {
    let options = WorkspaceOptions {
        html: true,
        ..WorkspaceOptions::default()
    };
    let ws = Workspace::load(&[records.to_path_buf()], &options).expect("records load");
    let findings = rules::run(&ws, &LintOptions::default());
    (ws, findings)
}

fn lint(ws: &Workspace) -> Vec<docket::diagnostics::Diagnostic> {
    rules::run(ws, &LintOptions::default())
}

/// Every file of a folder by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir) {
        let entry = entry.expect("walk");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).expect("inside");
            out.insert(
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).expect("read"),
            );
        }
    }
    out
}

/// The files whose bytes differ between two snapshots of a folder.
fn changed(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
) -> BTreeSet<String> {
    after
        .iter()
        .filter(|(path, bytes)| before.get(*path) != Some(*bytes))
        .map(|(path, _)| path.clone())
        .chain(before.keys().filter(|p| !after.contains_key(*p)).cloned())
        .collect()
}

/// What a full build of `records` writes, for comparing with an updated site.
fn full_build(records: &Path, out: &Path) -> BTreeMap<String, Vec<u8>> {
    let (ws, findings) = load(records);
    build(&ws, &findings, &SiteOptions::new(out)).expect("site builds");
    files(out)
}

#[test]
fn a_body_edit_renders_only_that_records_page() {
    let (dir, records) = corpus();
    let out = dir.path().join("site");
    let (ws, findings) = load(&records);
    let (mut live, report) =
        LiveSite::build(ws, findings, SiteOptions::new(&out)).expect("site builds");
    assert_eq!((report.pages, report.rendered), (7, 7));
    let before = files(&out);

    let edited = records.join("0003-ship-logs-to-loki.md");
    write(&edited, &C.replace("Log queries move", "Log searches move"));
    let report = live
        .update(&[edited], lint)
        .expect("update runs")
        .expect("a record edit needs no full build");
    assert_eq!(
        report.rendered, 1,
        "only the edited record's page is rendered"
    );
    let after = files(&out);
    assert_eq!(
        changed(&before, &after),
        BTreeSet::from(["records/0003-ship-logs-to-loki.html".to_string()])
    );
    assert_eq!(after, full_build(&records, &dir.path().join("full")));
}

#[test]
fn a_title_edit_renders_the_pages_that_show_it() {
    let (dir, records) = corpus();
    let out = dir.path().join("site");
    let (ws, findings) = load(&records);
    let (mut live, _) = LiveSite::build(ws, findings, SiteOptions::new(&out)).expect("site builds");
    let before = files(&out);

    let edited = records.join("0001-use-postgres.md");
    write(
        &edited,
        &A.replace("# 1. Use Postgres", "# 1. Use PostgreSQL"),
    );
    let report = live
        .update(&[edited], lint)
        .expect("update runs")
        .expect("a record edit needs no full build");
    let after = files(&out);
    let touched = changed(&before, &after);
    // Its page, the page linking to it, the four pages listing every record, the search
    // index; never the unrelated record's page.
    for page in [
        "records/0001-use-postgres.html",
        "records/0002-use-pgbouncer.html",
        "index.html",
        "graph.html",
        "timeline.html",
        "search-index.json",
    ] {
        assert!(touched.contains(page), "{page} should change: {touched:?}");
    }
    assert!(!touched.contains("records/0003-ship-logs-to-loki.html"));
    assert!(report.rendered < report.pages, "{report:?}");
    assert_eq!(after, full_build(&records, &dir.path().join("full")));
}

#[test]
fn a_new_file_asks_for_a_full_build() {
    let (dir, records) = corpus();
    let (ws, findings) = load(&records);
    let (mut live, _) = LiveSite::build(ws, findings, SiteOptions::new(dir.path().join("site")))
        .expect("site builds");
    let added = records.join("0004-new.md");
    write(&added, "# 4. New\n");
    assert!(live.update(&[added], lint).expect("update runs").is_none());
}

#[test]
fn a_rebuild_of_unchanged_records_writes_nothing() {
    let (dir, records) = corpus();
    let out = dir.path().join("site");
    let (ws, findings) = load(&records);
    let first = build(&ws, &findings, &SiteOptions::new(&out)).expect("site builds");
    assert!(first.written > 0);
    let second = build(&ws, &findings, &SiteOptions::new(&out)).expect("site rebuilds");
    assert_eq!((second.written, second.removed), (0, 0), "{second:?}");
}
