//! `docket new` and `docket init` (issue 12), run as the real binary in temp folders.

use std::path::Path;

use assert_cmd::Command;

fn write(path: impl AsRef<Path>, text: &str) {
    docket::atomic_write::write_atomic(path.as_ref(), text.as_bytes()).expect("fixture written");
}

fn docket(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("docket").expect("binary");
    cmd.current_dir(dir);
    cmd
}

fn new(dir: &Path, args: &[&str]) -> String {
    let out = docket(dir)
        .arg("new")
        .args(args)
        .args(["--date", "2026-03-02"])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .expect("utf-8")
        .trim()
        .to_string()
}

#[test]
fn issue_12_numbering_follows_the_folder() {
    let empty = tempfile::tempdir().unwrap();
    assert_eq!(
        new(empty.path(), &["Use Postgres"]),
        "./0001-use-postgres.md"
    );
    let bare = tempfile::tempdir().unwrap();
    write(bare.path().join("0007-x.md"), "# 7. X\n");
    assert_eq!(new(bare.path(), &["Next"]), "./0008-next.md");
    let text = std::fs::read_to_string(bare.path().join("0008-next.md")).unwrap();
    assert!(text.starts_with("# 8. Next\n"), "{text}");
    let adr = tempfile::tempdir().unwrap();
    write(adr.path().join("adr-007-x.md"), "# ADR-007: X\n");
    assert_eq!(new(adr.path(), &["Next"]), "./adr-008-next.md");
    let dr = tempfile::tempdir().unwrap();
    write(dr.path().join("DR-003-x.md"), "# DR-003: X\n");
    write(dr.path().join("0009-y.md"), "# 9. Y\n");
    assert_eq!(
        new(dr.path(), &["Hosting", "--series", "DR"]),
        "./DR-004-hosting.md"
    );
    let text = std::fs::read_to_string(dr.path().join("DR-004-hosting.md")).unwrap();
    assert!(text.starts_with("# DR-004: Hosting\n"), "{text}");
}

#[test]
fn issue_12_every_template_lints_without_errors() {
    let dir = tempfile::tempdir().unwrap();
    docket(dir.path())
        .args(["init", ".", "--date", "2026-03-01"])
        .assert()
        .success();
    docket(dir.path())
        .args(["lint", "docs/decisions"])
        .assert()
        .code(0);
    for template in ["dr", "adr", "madr", "nygard", "hosting"] {
        let path = new(
            dir.path(),
            &[
                &format!("Choose {template}"),
                "--template",
                template,
                "--options",
                "Render,Railway,Fly.io",
                "--criteria",
                "Worker support=Critical,Pricing=High",
                "--tag",
                "backend",
                "--supersedes",
                "1",
            ],
        );
        let text = std::fs::read_to_string(dir.path().join(&path)).unwrap();
        assert!(
            text.contains("0001-record-architecture-decisions.md"),
            "{template}: {text}"
        );
    }
    let out = docket(dir.path())
        .args([
            "lint",
            "docs/decisions",
            "--format",
            "json",
            "--today",
            "2026-03-02",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = json["diagnostics"].as_array().cloned().unwrap_or_default();
    let allowed = ["DK105", "DK106", "DK509"];
    for f in &findings {
        let code = f["code"].as_str().unwrap_or_default();
        assert!(allowed.contains(&code), "unexpected finding {f}");
    }
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn issue_12_hosting_record_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let path = new(
        dir.path(),
        &[
            "Backend Hosting",
            "--template",
            "hosting",
            "--series",
            "DR",
            "--options",
            "Render,Railway,Fly.io",
            "--criteria",
            "Zero-downtime deploys=Critical",
        ],
    );
    let text = std::fs::read_to_string(dir.path().join(path)).unwrap();
    insta::assert_snapshot!(text);
}

#[test]
fn issue_12_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let records = dir.path().join("records");
    std::fs::create_dir(&records).unwrap();
    write(records.join("0001-x.md"), "# 1. X\n");
    // The config hides 0002-x.md from the walk, so the next number lands on an existing file.
    write(records.join("0002-x.md"), "keep me");
    write(
        records.join("docket.toml"),
        "[records]\nignore = [\"0002-x.md\"]\n",
    );
    docket(&records).args(["new", "x"]).assert().code(2);
    assert_eq!(
        std::fs::read_to_string(records.join("0002-x.md")).unwrap(),
        "keep me"
    );
    docket(dir.path()).args(["init"]).assert().success();
    docket(dir.path()).args(["init"]).assert().code(2);
    let config = docket::config::Config::from_file(&dir.path().join("docket.toml")).unwrap();
    assert_eq!(
        config.records.dirs,
        vec![std::path::PathBuf::from("docs/decisions")]
    );
}

#[test]
fn issue_12_no_title_without_a_terminal_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    docket(dir.path())
        .arg("new")
        .write_stdin("")
        .assert()
        .code(2);
}
