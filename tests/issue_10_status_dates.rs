//! Issue 10 regressions that run the binary: `lint --fix` corrects adr-tools' `Supercedes` /
//! `Superceded by` without turning one into the other (which made a supersede cycle), and
//! dates written on the status line satisfy DK501.

use assert_cmd::Command as Cmd;
use tempfile::TempDir;

fn nygard(number: u32, title: &str, date: &str, status: &str) -> String {
    format!(
        "# {number}. {title}\n\n{date}## Status\n\n{status}\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSo.\n"
    )
}

fn folder(records: &[(&str, String)]) -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in records {
        docket::atomic_write::write_atomic(&dir.path().join(name), text.as_bytes())
            .expect("a written record");
    }
    dir
}

fn docket(dir: &TempDir, args: &[&str]) -> (Option<i32>, String) {
    let out = Cmd::cargo_bin("docket")
        .expect("the binary")
        .current_dir(dir.path())
        .args(args)
        .output()
        .expect("docket runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

// `lint --fix` wrote `Superseded` for `Supercedes`, so 0002 claimed to be superseded by 0001
// while 0001 said the same of 0002: a DK603 cycle. DK103 also read only the first status line.
#[test]
fn issue_10_fix_keeps_the_supersede_direction() {
    let dir = folder(&[
        (
            "0001-keep-uploads-on-disk.md",
            nygard(
                1,
                "Keep uploads on disk",
                "Date: 2026-01-05\n\n",
                "Superceded by [2. Keep uploads in Pebblestore](0002-keep-uploads-in-pebblestore.md)",
            ),
        ),
        (
            "0002-keep-uploads-in-pebblestore.md",
            nygard(
                2,
                "Keep uploads in Pebblestore",
                "Date: 2026-02-05\n\n",
                "Supercedes [1. Keep uploads on disk](0001-keep-uploads-on-disk.md)",
            ),
        ),
        (
            "0003-scan-uploads.md",
            nygard(
                3,
                "Scan uploads",
                "Date: 2026-03-05\n\n",
                "Accepted\n\nSupercedes [1. Keep uploads on disk](0001-keep-uploads-on-disk.md)",
            ),
        ),
    ]);
    let (_, out) = docket(&dir, &["lint", "--today", "2026-06-01", "--fix"]);
    assert!(!out.contains("DK103"), "{out}");
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).expect("readable");
    let first = read("0001-keep-uploads-on-disk.md");
    assert!(
        first.contains("\nSuperseded by [2. Keep uploads in Pebblestore]"),
        "{first}"
    );
    let second = read("0002-keep-uploads-in-pebblestore.md");
    assert!(
        second.contains("\nSupersedes [1. Keep uploads on disk]"),
        "{second}"
    );
    let third = read("0003-scan-uploads.md");
    assert!(
        third.contains("\nAccepted\n\nSupersedes [1. Keep uploads on disk]"),
        "{third}"
    );
    let (code, out) = docket(&dir, &["graph", "--check"]);
    assert!(!out.contains("DK603"), "{out}");
    assert_eq!(code, Some(0), "{out}");
}

// Records that date themselves on the status line or to the month were told they had no date.
#[test]
fn issue_10_any_understood_date_satisfies_dk501() {
    let dir = folder(&[
        (
            "0001-a.md",
            nygard(
                1,
                "Use Alder",
                "",
                "**Accepted** | 2025-01-10 | Updated 2026-02-24",
            ),
        ),
        (
            "0002-b.md",
            nygard(2, "Use Birch", "", "Accepted (2021-03-04)"),
        ),
        (
            "0003-c.md",
            nygard(3, "Use Cedar", "Date: Mai 2024\n\n", "Accepted"),
        ),
        (
            "0004-d.md",
            nygard(
                4,
                "Use Dogwood",
                "Last Modified: 2024-03-02\n\n",
                "Accepted",
            ),
        ),
    ]);
    let (code, out) = docket(&dir, &["lint", "--today", "2026-06-01"]);
    assert!(!out.contains("DK501"), "{out}");
    assert!(!out.contains("DK502"), "{out}");
    assert_eq!(code, Some(0), "{out}");
}
