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
    // The config hides 0002-x.md from the walk; the names read under the folder lock still
    // count it, so the new record takes 3 and the hidden file is untouched.
    write(records.join("0002-x.md"), "keep me");
    write(
        records.join("docket.toml"),
        "[records]\nignore = [\"0002-x.md\"]\n",
    );
    assert_eq!(new(&records, &["x"]), "./0003-x.md");
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

#[test]
fn issue_12_eight_at_once_get_eight_numbers() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path().join("0001-first.md"), "# 1. First\n");
    let bin = assert_cmd::cargo::cargo_bin("docket");
    // Different titles, so each process would write a different file name: only the folder
    // lock keeps them from taking the same number.
    let children: Vec<_> = (0..8)
        .map(|i| {
            std::process::Command::new(&bin)
                .current_dir(dir.path())
                .args(["new", &format!("Race {i}"), "--date", "2026-03-02"])
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .expect("spawns")
        })
        .collect();
    let mut printed = Vec::new();
    for child in children {
        let out = child.wait_with_output().expect("waits");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{stderr}");
        printed.push(String::from_utf8(out.stdout).unwrap().trim().to_string());
    }
    let mut numbers: Vec<String> = printed.iter().map(|p| p[2..6].to_string()).collect();
    numbers.sort();
    numbers.dedup();
    assert_eq!(numbers.len(), 8, "{printed:?}");
    let mut files: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    let numbers: Vec<&str> = files.iter().map(|f| &f[..4]).collect();
    assert_eq!(
        numbers,
        [
            "0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008", "0009"
        ],
        "{files:?}"
    );
}

#[test]
fn issue_12_date_slug_folders_get_date_slug_names() {
    for (old, first, second) in [
        (
            "2026-01-20-use-x.md",
            "./2026-03-02-use-y.md",
            "./2026-03-02-use-y-2.md",
        ),
        (
            "20260120-use-x.md",
            "./20260302-use-y.md",
            "./20260302-use-y-2.md",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path().join(old), "# Use X\n\n## Status\n\nAccepted\n");
        assert_eq!(new(dir.path(), &["Use Y"]), first, "{old}");
        // A second record with the same title on the same day gets a suffix.
        let path = new(
            dir.path(),
            &["Use Y", "--supersedes", old.trim_end_matches(".md")],
        );
        assert_eq!(path, second, "{old}");
        let text = std::fs::read_to_string(dir.path().join(&path)).unwrap();
        assert!(text.starts_with("# Use Y\n\n**Status:**"), "{text}");
        assert!(!text.contains("Decision ID"), "{text}");
        assert!(text.contains(&format!("]({old})")), "{text}");
        docket(dir.path()).args(["lint", "."]).assert().code(0);
    }
}

/// A script standing in for an editor: appends `line` to the file it is given.
#[cfg(unix)]
fn fake_editor(dir: &Path, name: &str, line: &str) -> String {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join(name);
    // The file is the last argument, after any the variable adds (`editor --wait`).
    write(
        &path,
        &format!("#!/bin/sh\nfor file; do :; done\necho '{line}' >> \"$file\"\n"),
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    path.display().to_string()
}

#[cfg(unix)]
#[test]
fn issue_12_edit_opens_visual_else_editor() {
    let tools = tempfile::tempdir().unwrap();
    let editor = fake_editor(tools.path(), "editor", "from EDITOR");
    let visual = fake_editor(tools.path(), "visual", "from VISUAL");
    let dir = tempfile::tempdir().unwrap();
    docket(dir.path())
        .args(["new", "One", "--edit"])
        .env_remove("VISUAL")
        .env("EDITOR", format!("{editor} --wait"))
        .assert()
        .success()
        .stdout("./0001-one.md\n");
    let text = std::fs::read_to_string(dir.path().join("0001-one.md")).unwrap();
    assert!(text.ends_with("from EDITOR\n"), "{text}");
    docket(dir.path())
        .args(["new", "Two", "--edit"])
        .env("VISUAL", &visual)
        .env("EDITOR", &editor)
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("0002-two.md")).unwrap();
    assert!(text.ends_with("from VISUAL\n"), "{text}");
}

#[test]
fn issue_12_a_missing_or_failing_editor_is_an_error_and_the_record_stays() {
    let dir = tempfile::tempdir().unwrap();
    let out = docket(dir.path())
        .args(["new", "One", "--edit"])
        .env_remove("VISUAL")
        .env_remove("EDITOR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("$VISUAL or $EDITOR"), "{stderr}");
    assert!(stderr.contains("0001-one.md"), "{stderr}");
    assert!(dir.path().join("0001-one.md").is_file());
    let out = docket(dir.path())
        .args(["new", "Two", "--edit"])
        .env_remove("VISUAL")
        .env("EDITOR", "docket-no-such-editor")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("docket-no-such-editor"), "{stderr}");
    assert!(dir.path().join("0002-two.md").is_file());
}

#[test]
fn issue_12_no_title_in_ci_exits_2_without_reading_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let out = docket(dir.path())
        .arg("new")
        .env("CI", "true")
        .timeout(std::time::Duration::from_secs(30))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("<TITLE>"), "{stderr}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

// The skip note on stderr is the point of this helper.
#[allow(clippy::print_stderr)]
/// Whether util-linux `script` can run. Missing: a skip note locally, a failure in CI.
#[cfg(unix)]
fn has_script() -> bool {
    let found = std::process::Command::new("script")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        let in_ci = std::env::var("CI").is_ok_and(|v| v == "true" || v == "1");
        assert!(!in_ci, "util-linux `script` is required when CI=true");
        eprintln!("note: skipping the terminal test: util-linux `script` is not installed");
    }
    found
}

/// Drives `docket new` through a real terminal with util-linux `script`, answering the
/// prompts on its input.
#[cfg(unix)]
#[test]
fn issue_12_prompts_in_a_terminal() {
    if !has_script() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let bin = assert_cmd::cargo::cargo_bin("docket");
    let command = format!("'{}' new --date 2026-03-02", bin.display());
    let out = std::process::Command::new("script")
        .args(["-q", "-e", "-c", &command, "/dev/null"])
        .current_dir(dir.path())
        .env_remove("CI")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            let mut stdin = child.stdin.take().expect("piped");
            stdin.write_all(b"Backend Hosting\nhosting\nRender, Fly.io\n")?;
            drop(stdin);
            child.wait_with_output()
        })
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("Template [dr]"), "{shown}");
    let text = std::fs::read_to_string(dir.path().join("0001-backend-hosting.md"))
        .unwrap_or_else(|e| panic!("{e}: {shown}"));
    assert!(text.starts_with("# 1. Backend Hosting\n"), "{text}");
    assert!(text.contains("Fly.io"), "{text}");
    assert!(text.contains("Decision Criteria"), "{text}");
}
