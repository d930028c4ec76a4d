//! `docket export` end to end: exit codes 0 / 1 / 2, file selection, `--schema`, `--output`,
//! and byte-identical output across runs.

use std::path::Path;

use assert_cmd::Command;

fn docket() -> Command {
    Command::cargo_bin("docket").expect("the docket binary is built")
}

#[allow(clippy::disallowed_methods)] // Test set-up writes scratch files directly.
fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

const RECORD: &str = "# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nWe need a database.\n";

fn records_of(stdout: &[u8]) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_slice(stdout).expect("export is JSON");
    json["records"].as_array().unwrap().clone()
}

#[test]
fn bundled_records_export_cleanly_and_deterministically() {
    let first = docket()
        .args(["export", "records"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let second = docket()
        .args(["export", "records"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(first, second, "same input, same bytes");
    let records = records_of(&first);
    assert!(records.len() >= 8, "records/ holds at least 8 records");
    assert!(
        records
            .iter()
            .all(|r| r["path"].as_str().unwrap().starts_with("records/"))
    );
}

#[test]
fn missing_path_is_a_failure() {
    docket()
        .args(["export", "no/such/folder"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error: path `no/such/folder` does not exist",
        ));
}

#[test]
fn invalid_config_is_a_failure_with_its_location() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docket.toml", "[records]\ndirz = [\"x\"]\n");
    write(dir.path(), "0001-use-postgres.md", RECORD);
    docket()
        .arg("export")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("line 2, column 1"));
}

#[test]
fn unreadable_record_in_a_folder_is_a_finding() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "0001-use-postgres.md", RECORD);
    std::os::unix::fs::symlink(
        dir.path().join("missing.md"),
        dir.path().join("0002-broken.md"),
    )
    .unwrap();
    let out = docket()
        .arg("export")
        .arg(dir.path())
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(
        json["records"].as_array().unwrap().len(),
        1,
        "the readable record is still exported"
    );
    assert_eq!(json["diagnostics"][0]["code"], "DK008");
}

#[test]
fn folders_skip_readmes_and_templates_but_named_files_are_read() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "0001-use-postgres.md", RECORD);
    write(dir.path(), "README.md", "# Decisions\n");
    write(dir.path(), "templates/record.md", "# Template\n");
    write(dir.path(), "adr-template.md", "# Template\n");
    write(
        dir.path(),
        "0007-slim-template-framework.md",
        "# 7. Slim template framework\n",
    );
    write(dir.path(), "notes.txt", "# DR-002: Notes\n");
    let out = docket()
        .arg("export")
        .arg(dir.path())
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let names: Vec<String> = records_of(&out)
        .iter()
        .map(|r| {
            r["path"]
                .as_str()
                .unwrap()
                .rsplit('/')
                .next()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(
        names,
        ["0001-use-postgres.md", "0007-slim-template-framework.md"]
    );

    let out = docket()
        .arg("export")
        .arg(dir.path())
        .args(["--ext", "txt"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(records_of(&out).len(), 3, "--ext txt adds notes.txt");

    let out = docket()
        .arg("export")
        .arg(dir.path().join("notes.txt"))
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert_eq!(records_of(&out)[0]["id"]["raw"], "DR-002");
}

#[test]
fn schema_and_output_file() {
    let out = docket()
        .args(["export", "--schema"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let committed = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema/docket-export.schema.json"),
    )
    .unwrap();
    assert_eq!(out, committed);

    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("model.json");
    docket()
        .args(["export", "records", "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout("");
    assert!(records_of(&std::fs::read(&target).unwrap()).len() >= 8);

    docket()
        .args(["export", "records", "-o"])
        .arg(dir.path().join("no/such/dir/model.json"))
        .assert()
        .code(2);
}

#[test]
fn bad_usage_exits_2() {
    docket()
        .args(["export", "--format", "yaml"])
        .assert()
        .code(2);
    docket().arg("frobnicate").assert().code(2);
}
