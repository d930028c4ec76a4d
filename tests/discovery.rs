//! Issue 10, pointed at a repository root: docket reads the records folder an ADR tool names
//! (`.adr-dir`, `adrs.toml`, `.log4brains.yml`) or a usual records folder, and never reads
//! project files or templates as records. Each test runs the binary in a temp repository.

use std::path::Path;

use assert_cmd::Command;

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    docket::atomic_write::write_atomic(&path, text.as_bytes()).expect("write");
}

/// A small Nygard record of our own.
fn record(number: u32, title: &str) -> String {
    format!(
        "# {number}. {title}\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\n\
         The team needs {title}.\n\n## Decision\n\nWe will {title}.\n\n## Consequences\n\n\
         Someone owns it.\n"
    )
}

/// A temp repository: a `.git` folder, a README and the project files that are not records.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).expect("mkdir .git");
    write(root, "README.md", "# Lantern\n\nA lamp controller.\n");
    write(
        root,
        "CHANGELOG.md",
        "# Changelog\n\n## 1.0.0\n\n- First release\n",
    );
    write(
        root,
        "CONTRIBUTING.md",
        "# Contributing\n\nOpen a pull request.\n",
    );
    write(
        root,
        "notes/standup.md",
        "# Standup\n\nNothing to report.\n",
    );
    dir
}

/// The paths `docket export` read in `cwd` (run with `args`), sorted.
fn exported_paths(cwd: &Path, args: &[&str]) -> Vec<String> {
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(cwd)
        .arg("export")
        .args(args)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut paths: Vec<String> = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| r["path"].as_str().expect("path").to_string())
        .collect();
    paths.sort();
    paths
}

/// issue 10: at a repository root docket read every markdown file (README, CHANGELOG, notes);
/// adr-tools' `.adr-dir` names the records folder.
#[test]
fn issue_10_adr_dir_names_the_records_folder() {
    let repo = repository();
    let root = repo.path();
    write(root, ".adr-dir", "doc/architecture/decisions\n");
    write(
        root,
        "doc/architecture/decisions/0001-record-decisions.md",
        &record(1, "record decisions"),
    );
    write(
        root,
        "doc/architecture/decisions/0002-use-a-queue.md",
        &record(2, "use a queue"),
    );
    write(
        root,
        "docs/adr/0001-stale-copy.md",
        &record(1, "stale copy"),
    );
    assert_eq!(
        exported_paths(root, &[]),
        [
            "doc/architecture/decisions/0001-record-decisions.md",
            "doc/architecture/decisions/0002-use-a-queue.md",
        ]
    );
}

/// issue 10: the `adrs` tool's `adrs.toml` (`adr_dir`) names the folder; the file alone marks
/// the root, with no `.git`.
#[test]
fn issue_10_adrs_toml_names_the_records_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    write(
        root,
        "adrs.toml",
        "adr_dir = \"handbook/choices\"\nmode = \"nextgen\"\n",
    );
    write(root, "README.md", "# Handbook\n");
    write(
        root,
        "handbook/choices/0001-pick-a-broker.md",
        &record(1, "pick a broker"),
    );
    write(root, "handbook/onboarding.md", "# Onboarding\n\nWelcome.\n");
    assert_eq!(
        exported_paths(root, &[]),
        ["handbook/choices/0001-pick-a-broker.md"]
    );
}

/// issue 10: log4brains' `.log4brains.yml` names the project's folder and each package's.
#[test]
fn issue_10_log4brains_names_project_and_package_folders() {
    let repo = repository();
    let root = repo.path();
    write(
        root,
        ".log4brains.yml",
        "---\nproject:\n  name: Lantern\n  tz: Europe/Paris\n  adrFolder: ./docs/adr\n  \
         packages:\n    - name: firmware\n      path: ./firmware\n      \
         adrFolder: ./firmware/decisions\n",
    );
    write(
        root,
        "docs/adr/20260105-use-markdown.md",
        &record(1, "use markdown"),
    );
    write(
        root,
        "docs/adr/template.md",
        "# {short title}\n\n## Context\n\n{describe}\n",
    );
    write(
        root,
        "firmware/decisions/20260201-pick-an-rtos.md",
        &record(2, "pick an RTOS"),
    );
    write(root, "firmware/README.md", "# Firmware\n");
    assert_eq!(
        exported_paths(root, &[]),
        [
            "docs/adr/20260105-use-markdown.md",
            "firmware/decisions/20260201-pick-an-rtos.md",
        ]
    );
}

/// issue 10: with no marker file, the usual records folders of a repository are read (any
/// case), and project files and templates inside them are skipped.
#[test]
fn issue_10_usual_folders_of_a_repository_root() {
    let repo = repository();
    let root = repo.path();
    write(
        root,
        "docs/ADR/0001-use-a-queue.md",
        &record(1, "use a queue"),
    );
    write(root, "docs/ADR/CHANGELOG.md", "# Changes\n\n- Added 0001\n");
    write(
        root,
        "docs/ADR/EMPTY-ADR.md",
        "# NNNN. Title\n\n## Status\n\n",
    );
    write(
        root,
        "docs/ADR/adr-template-short.md",
        "# Title\n\n## Context\n",
    );
    write(
        root,
        "docs/decisions/0002-pick-a-cache.md",
        &record(2, "pick a cache"),
    );
    write(root, "docs/guide/setup.md", "# Setup\n\nRun it.\n");
    assert_eq!(
        exported_paths(root, &[]),
        [
            "docs/ADR/0001-use-a-queue.md",
            "docs/decisions/0002-pick-a-cache.md",
        ]
    );
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(root)
        .args(["lint", "--format", "json"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    for skipped in [
        "README",
        "CHANGELOG",
        "CONTRIBUTING",
        "standup",
        "setup",
        "EMPTY-ADR",
    ] {
        assert!(!text.contains(skipped), "lint read {skipped}: {text}");
    }
}

/// issue 10: a folder that is itself a records folder, or a repository root with no records
/// folder, is walked whole as before; project files are still skipped.
#[test]
fn issue_10_other_folders_are_walked_whole() {
    let repo = repository();
    let root = repo.path();
    write(
        root,
        "docs/adr/0001-use-a-queue.md",
        &record(1, "use a queue"),
    );
    write(
        root,
        "docs/adr/drafts/0002-pick-a-cache.md",
        &record(2, "pick a cache"),
    );
    write(root, "docs/adr/SECURITY.md", "# Security\n\nMail us.\n");
    assert_eq!(
        exported_paths(root, &["docs/adr"]),
        [
            "docs/adr/0001-use-a-queue.md",
            "docs/adr/drafts/0002-pick-a-cache.md",
        ]
    );
    let bare = repository();
    write(
        bare.path(),
        "0001-use-a-queue.md",
        &record(1, "use a queue"),
    );
    assert_eq!(
        exported_paths(bare.path(), &[]),
        ["0001-use-a-queue.md", "notes/standup.md"]
    );
}

/// issue 10: `[records] dirs` in docket.toml wins over the other tools' files.
#[test]
fn issue_10_docket_toml_dirs_win() {
    let repo = repository();
    let root = repo.path();
    write(root, "docket.toml", "[records]\ndirs = [\"choices\"]\n");
    write(root, ".adr-dir", "doc/adr\n");
    write(root, "doc/adr/0001-old.md", &record(1, "old"));
    write(
        root,
        "choices/0001-use-a-queue.md",
        &record(1, "use a queue"),
    );
    assert_eq!(exported_paths(root, &[]), ["choices/0001-use-a-queue.md"]);
}

/// issue 10: a numbered or dated folder holding a `README.md` or `index.md` is one record;
/// the other markdown files beside it are its attachments, and links to the folder or to its
/// README resolve to the record.
#[test]
fn issue_10_a_folder_with_a_readme_is_one_record() {
    let repo = repository();
    let root = repo.path();
    write(
        root,
        "docs/decisions/2026-03-02-pick-a-broker/README.md",
        "# Pick a broker\n\n## Status\n\nAccepted\n\n## Decision\n\nWe use Ferrymsg.\n\
         See the [benchmark](benchmark.md).\n",
    );
    write(
        root,
        "docs/decisions/2026-03-02-pick-a-broker/benchmark.md",
        "# Benchmark\n\nFerrymsg moved 40k messages a second.\n",
    );
    write(
        root,
        "docs/decisions/0007-split-the-queue/index.md",
        "# Split the queue\n\n## Status\n\nAccepted\n\n## Decision\n\nBuilds on \
         [the broker choice](../2026-03-02-pick-a-broker/).\n\n## Links\n\n\
         - Related: [Pick a broker](../2026-03-02-pick-a-broker/README.md)\n",
    );
    write(
        root,
        "docs/decisions/README.md",
        "# Decisions\n\nThe index.\n",
    );
    assert_eq!(
        exported_paths(root, &[]),
        [
            "docs/decisions/0007-split-the-queue/index.md",
            "docs/decisions/2026-03-02-pick-a-broker/README.md",
        ]
    );
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(root)
        .args(["export"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let split = json["records"]
        .as_array()
        .expect("records")
        .iter()
        .find(|r| r["path"].as_str().is_some_and(|p| p.contains("0007")))
        .expect("the folder record");
    assert_eq!(split["id"]["raw"], "0007", "{split}");
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(root)
        .args(["lint", "--format", "json"])
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        !text.contains("DK601"),
        "a folder link went unresolved: {text}"
    );
}

/// Issue 10: a numbered folder that holds numbered records (`02_decisions/00-hosting.md`) is a
/// records folder: its README is an index, and the records beside it are not attachments.
#[test]
fn issue_10_a_numbered_folder_of_records_keeps_its_records() {
    let repo = repository();
    let root = repo.path();
    write(
        root,
        "docs/02_decisions/readme.md",
        "# Decisions\n\nThe index.\n",
    );
    write(
        root,
        "docs/02_decisions/00-hosting.md",
        &record(0, "Hosting"),
    );
    write(
        root,
        "docs/02_decisions/01-storage.md",
        &record(1, "Storage"),
    );
    assert_eq!(
        exported_paths(root, &["docs/02_decisions"]),
        [
            "docs/02_decisions/00-hosting.md",
            "docs/02_decisions/01-storage.md",
        ]
    );
}
