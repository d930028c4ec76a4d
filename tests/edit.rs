//! Edits in place (issue 12): `docket status`, `supersede`, `link`, `rename` and `renumber`,
//! run as the real binary in temp folders, with the whole init → new → edit → lint flow.

use std::path::Path;

use assert_cmd::Command;

fn write(path: impl AsRef<Path>, bytes: &[u8]) {
    let path = path.as_ref();
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder");
    }
    docket::atomic_write::write_atomic(path, bytes).expect("fixture written");
}

fn read(path: impl AsRef<Path>) -> String {
    std::fs::read_to_string(path).expect("readable")
}

/// Runs docket in `dir`; returns (exit code, stdout, stderr).
fn docket(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .env_remove("CI")
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs docket and insists on exit 0.
fn ok(dir: &Path, args: &[&str]) -> String {
    let (code, stdout, stderr) = docket(dir, args);
    assert_eq!(code, 0, "docket {args:?}\n{stdout}\n{stderr}");
    stdout
}

/// Every file under `dir`, path and text, in name order: what the snapshots hold.
fn folder(dir: &Path) -> String {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.path().to_path_buf())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let rel = p
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            format!("=== {rel}\n{}", read(p))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Codes of the findings `docket lint` reports in `dir`.
fn lint_codes(dir: &Path) -> Vec<String> {
    let (code, stdout, stderr) = docket(dir, &["lint", "--format", "json"]);
    assert!(code == 0 || code == 1, "{stderr}");
    let json: serde_json::Value = serde_json::from_str(&stdout).expect("json");
    let mut codes: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    codes.sort();
    codes.dedup();
    codes
}

const BOM: &str = "\u{feff}";

#[test]
fn issue_12_crlf_and_bom_edits_keep_every_untouched_byte() {
    let dir = tempfile::tempdir().unwrap();
    let nygard = format!(
        "{BOM}# 1. Use Postgres\r\n\r\nDate: 2026-01-05\r\n\r\n## Status\r\n\r\nProposed\r\n\r\n\
         ## Context\r\n\r\nWe need a database.\r\n"
    );
    let bold = format!(
        "{BOM}# 2. Use MySQL\r\n\r\n**Status:** Proposed\r\n**Date:** 2026-01-06\r\n\r\n\
         ## Context\r\n\r\nWe need a cheaper database.\r\n"
    );
    let one = dir.path().join("0001-use-postgres.md");
    let two = dir.path().join("0002-use-mysql.md");
    write(&one, nygard.as_bytes());
    write(&two, bold.as_bytes());

    ok(dir.path(), &["status", "1", "accepted"]);
    let accepted = nygard.replacen("Proposed", "Accepted", 1);
    assert_eq!(std::fs::read(&one).unwrap(), accepted.as_bytes());
    assert_eq!(std::fs::read(&two).unwrap(), bold.as_bytes());

    ok(dir.path(), &["supersede", "1", "2"]);
    let superseded = accepted.replacen(
        "Accepted\r\n\r\n",
        "Superseded\r\n\r\nSuperseded by [2. Use MySQL](0002-use-mysql.md)\r\n\r\n",
        1,
    );
    assert_eq!(read(&one), superseded);
    let with_link = bold.replacen(
        "**Date:** 2026-01-06\r\n",
        "**Date:** 2026-01-06\r\n**Supersedes:** [1. Use Postgres](0001-use-postgres.md)\r\n",
        1,
    );
    assert_eq!(read(&two), with_link);
    for path in [&one, &two] {
        let bytes = std::fs::read(path).unwrap();
        assert!(bytes.starts_with(BOM.as_bytes()), "BOM kept");
        let text = String::from_utf8(bytes).unwrap();
        assert_eq!(text.matches('\n').count(), text.matches("\r\n").count());
    }
    // Running it again changes nothing.
    let (_, _, stderr) = docket(dir.path(), &["supersede", "1", "2"]);
    assert!(stderr.contains("nothing to change"), "{stderr}");
    assert_eq!(read(&one), superseded);
}

#[test]
fn issue_12_init_new_edit_lint_flow() {
    let root = tempfile::tempdir().unwrap();
    ok(root.path(), &["init", "proj", "--date", "2026-11-20"]);
    let proj = root.path().join("proj");
    for template in ["dr", "adr", "madr", "nygard"] {
        let title = format!("Queue jobs, {template} style");
        ok(
            &proj,
            &[
                "new",
                "--template",
                template,
                "--date",
                "2026-11-20",
                &title,
            ],
        );
    }
    ok(
        &proj,
        &[
            "new",
            "--template",
            "hosting",
            "--options",
            "Render,Railway,Fly.io",
            "--date",
            "2026-11-20",
            "Host the backend",
        ],
    );
    // Fresh records are clean apart from the placeholders they ask to fill.
    assert_eq!(lint_codes(&proj), ["DK106"]);

    ok(&proj, &["status", "2", "accepted", "--date", "2026-11-25"]);
    ok(&proj, &["supersede", "2", "6"]);
    ok(&proj, &["supersede", "4", "5"]);
    ok(&proj, &["link", "3", "related", "4"]);
    ok(&proj, &["link", "5", "amends", "3"]);
    let renamed = ok(&proj, &["rename", "6", "Host the backend on Fly.io"]);
    assert!(
        renamed.contains("0006-host-the-backend-on-fly-io.md"),
        "{renamed}"
    );
    ok(&proj, &["renumber", "3", "9"]);
    // Every link still resolves, every relation is stated on both sides.
    assert_eq!(lint_codes(&proj), ["DK106"]);
    let (code, stdout, _) = docket(&proj, &["graph", "--check"]);
    assert_eq!(code, 0, "{stdout}");
    insta::assert_snapshot!("edit_flow", folder(&proj));
}

#[test]
fn issue_12_rename_and_renumber_repoint_every_link() {
    let dir = tempfile::tempdir().unwrap();
    let adr = dir.path().join("docs/adr");
    write(
        adr.join("0001-use-postgres.md"),
        b"# 1. Use Postgres\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n## Context\n\nx\n",
    );
    write(
        adr.join("0002-pool-connections.md"),
        b"# 2. Pool connections\n\nDate: 2026-01-06\n\n## Status\n\nAccepted\n\n\
          Amends [1. Use Postgres](0001-use-postgres.md)\n\n## Context\n\n\
          We keep [the database choice][db] and ADR 1 in mind.\n\n[db]: ./0001-use-postgres.md\n",
    );
    write(
        dir.path().join("docs/ops/0003-backups.md"),
        b"# 3. Backups\n\nDate: 2026-01-07\n\n## Status\n\nAccepted\n\n## Context\n\n\
          Backups follow [the database record](../adr/0001-use-postgres.md#context).\n",
    );
    let dirs = ["--dir", "docs/adr", "--dir", "docs/ops"];
    let mut args = vec!["rename", "1", "Use Postgres 16"];
    args.extend(dirs);
    ok(dir.path(), &args);
    let new_name = "0001-use-postgres-16.md";
    assert!(adr.join(new_name).is_file());
    assert!(!adr.join("0001-use-postgres.md").exists());
    let two = read(adr.join("0002-pool-connections.md"));
    assert!(
        two.contains("Amends [1. Use Postgres 16](0001-use-postgres-16.md)"),
        "{two}"
    );
    assert!(two.contains("[db]: ./0001-use-postgres-16.md"), "{two}");
    let three = read(dir.path().join("docs/ops/0003-backups.md"));
    assert!(
        three.contains("(../adr/0001-use-postgres-16.md#context)"),
        "{three}"
    );
    assert!(read(adr.join(new_name)).starts_with("# 1. Use Postgres 16\n"));

    // A number in use is refused and nothing changes.
    let before = folder(dir.path());
    let mut args = vec!["renumber", "1", "2"];
    args.extend(dirs);
    let (code, _, stderr) = docket(dir.path(), &args);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("already has it"), "{stderr}");
    assert_eq!(folder(dir.path()), before);

    let mut args = vec!["renumber", "1", "12"];
    args.extend(dirs);
    ok(dir.path(), &args);
    let moved = adr.join("0012-use-postgres-16.md");
    assert!(read(&moved).starts_with("# 12. Use Postgres 16\n"));
    let two = read(adr.join("0002-pool-connections.md"));
    assert!(
        two.contains("Amends [12. Use Postgres 16](0012-use-postgres-16.md)"),
        "{two}"
    );
    assert!(two.contains("[db]: ./0012-use-postgres-16.md"), "{two}");
    assert!(two.contains("and ADR 12 in mind"), "{two}");
    let three = read(dir.path().join("docs/ops/0003-backups.md"));
    assert!(three.contains("(../adr/0012-use-postgres-16.md#context)"));
}

#[test]
fn issue_12_series_ids_and_id_lines_are_renumbered() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path().join("DR-001-hosting.md"),
        "# DR-001: Hosting\n\n**Decision ID:** DR-001\n**Status:** ✅ **Accepted**\n\
         **Date:** 2026-01-05\n\n## Context\n\nx\n"
            .as_bytes(),
    );
    write(
        dir.path().join("DR-002-workers.md"),
        b"# DR-002: Workers\n\n**Decision ID:** DR-002\n**Status:** Proposed\n\
          **Date:** 2026-01-06\n**Depends on:** [DR-001: Hosting](DR-001-hosting.md)\n\n\
          ## Context\n\nDR-001 fixed the platform.\n",
    );
    ok(dir.path(), &["renumber", "DR-001", "7"]);
    let seven = read(dir.path().join("DR-007-hosting.md"));
    assert!(seven.starts_with("# DR-007: Hosting\n\n**Decision ID:** DR-007\n"));
    let two = read(dir.path().join("DR-002-workers.md"));
    assert!(
        two.contains("**Depends on:** [DR-007: Hosting](DR-007-hosting.md)"),
        "{two}"
    );
    // The status emoji named the old status: it goes with it.
    ok(dir.path(), &["status", "DR-007", "deprecated"]);
    let seven = read(dir.path().join("DR-007-hosting.md"));
    assert!(seven.contains("**Status:** **Deprecated**\n"), "{seven}");
}

#[test]
fn issue_12_dry_run_and_refusals_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path().join("0001-a.md"),
        b"# 1. A\n\nDate: 2026-01-05\n\n## Status\n\nProposed\n",
    );
    write(
        dir.path().join("0002-b.md"),
        b"# 2. B\n\nDate: 2026-01-05\n\n## Status\n\nProposed \xff\n",
    );
    let before = std::fs::read(dir.path().join("0001-a.md")).unwrap();
    let diff = ok(dir.path(), &["rename", "1", "Better A", "--dry-run"]);
    assert!(diff.contains("rename from 0001-a.md"), "{diff}");
    assert!(diff.contains("+# 1. Better A"), "{diff}");
    assert_eq!(std::fs::read(dir.path().join("0001-a.md")).unwrap(), before);
    assert!(!dir.path().join("0001-better-a.md").exists());

    // A record that is not valid UTF-8 is never rewritten.
    let (code, _, stderr) = docket(dir.path(), &["status", "2", "accepted"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("not valid UTF-8"), "{stderr}");
    // Unknown ids, statuses and kinds are usage errors.
    for args in [
        &["status", "9", "accepted"][..],
        &["status", "1", "maybe"],
        &["link", "1", "likes", "2"],
        &["supersede", "1", "1"],
    ] {
        let (code, _, stderr) = docket(dir.path(), args);
        assert_eq!(code, 2, "{args:?}: {stderr}");
    }
    assert_eq!(std::fs::read(dir.path().join("0001-a.md")).unwrap(), before);
}

#[test]
fn issue_12_a_missing_status_or_date_is_added_where_the_record_keeps_fields() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "0001-front.md",
            "---\ndeciders: Ops\n---\n\n# Front matter\n\n## Context\n\nx\n",
            "---\ndeciders: Ops\nstatus: Accepted\ndate: 2026-11-30\n---\n",
        ),
        (
            "0002-bold.md",
            "# 2. Bold\n\n**Deciders:** Ops\n\n## Context\n\nx\n",
            "**Deciders:** Ops\n**Status:** Accepted\n**Date:** 2026-11-30\n",
        ),
        (
            "0003-bare.md",
            "# 3. Bare\n\nSome words.\n",
            "# 3. Bare\n\n**Status:** Accepted\n\n**Date:** 2026-11-30\n\nSome words.\n",
        ),
    ];
    for (name, text, _) in &cases {
        write(dir.path().join(name), text.as_bytes());
    }
    for n in ["1", "2", "3"] {
        ok(
            dir.path(),
            &["status", n, "accepted", "--date", "2026-11-30"],
        );
    }
    for (name, _, expected) in &cases {
        let text = read(dir.path().join(name));
        assert!(text.contains(expected), "{name}:\n{text}");
    }
    let export = ok(dir.path(), &["export"]);
    let json: serde_json::Value = serde_json::from_str(&export).unwrap();
    for record in json["records"].as_array().unwrap() {
        assert_eq!(record["status"]["kind"], "accepted", "{}", record["path"]);
        assert_eq!(record["date"]["raw"], "2026-11-30", "{}", record["path"]);
    }
}
