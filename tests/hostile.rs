//! Hostile and broken input (issue 14): each case from docs/reliability.md, run as the real
//! binary in a temp folder (or through the library where the binary would only add time). Every
//! case checks that docket finishes with its documented exit code and finding, never a panic,
//! a hang or a lost file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use docket::config::ScoreConfig;

fn write(path: impl AsRef<Path>, bytes: &[u8]) {
    let path = path.as_ref();
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("folder made");
    }
    docket::atomic_write::write_atomic(path, bytes).expect("fixture written");
}

fn docket(dir: &Path, args: &[&str]) -> Output {
    Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(dir)
        .args(args)
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .expect("runs")
}

/// Exit code and stdout + stderr; a panic (101) or a signal fails the test.
fn run(dir: &Path, args: &[&str]) -> (i32, String) {
    let out = docket(dir, args);
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    let code = out.status.code().unwrap_or_else(|| {
        panic!("docket {args:?} was killed: {:?}\n{text}", out.status);
    });
    assert!(
        !text.contains("panicked"),
        "docket {args:?} panicked:\n{text}"
    );
    assert!(code <= 2, "docket {args:?} exited {code}:\n{text}");
    (code, text)
}

const GOOD: &str = "# 1. Use a queue\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n\
                    ## Context\n\nJobs pile up.\n\n## Decision\n\nUse a queue.\n\n\
                    ## Consequences\n\nOne more service.\n";

/// A records folder holding one good record plus `name` with `bytes`.
fn folder_with(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path().join("records/0001-use-a-queue.md"),
        GOOD.as_bytes(),
    );
    write(tmp.path().join("records").join(name), bytes);
    tmp
}

#[test]
fn non_utf8_bytes_are_decoded_lossily_and_reported() {
    let mut bytes = b"# 2. Caf\xe9 menu\n\n## Status\n\nAccepted\n".to_vec();
    bytes.extend([0xff, 0xfe, b'\n']);
    let tmp = folder_with("0002-cafe.md", &bytes);
    let (_, out) = run(tmp.path(), &["lint", "records"]);
    assert!(out.contains("DK001"), "{out}");
    let (code, json) = run(tmp.path(), &["export", "records"]);
    assert_eq!(code, 0);
    assert!(json.contains("Caf\u{fffd} menu"), "{json}");
}

#[test]
fn a_50_mb_record_is_skipped_with_dk009_and_the_rest_is_read() {
    let line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit.\n";
    let big = format!("# 2. Big\n\n{}", line.repeat(50 * 1024 * 1024 / line.len()));
    assert!(big.len() >= 50 * 1024 * 1024 - line.len());
    let tmp = folder_with("0002-big.md", big.as_bytes());
    let (code, out) = run(tmp.path(), &["lint", "records"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("DK009") && out.contains("0002-big.md") && out.contains("not read"),
        "{out}"
    );
    let (code, json) = run(tmp.path(), &["export", "records"]);
    assert_eq!(code, 1, "export reports the skipped file");
    assert!(json.contains("Use a queue"), "the other record is read");
}

#[test]
fn limits_come_from_docket_toml() {
    let tmp = folder_with(
        "0002-long.md",
        format!("# 2. Long\n\n{}", "x".repeat(5000)).as_bytes(),
    );
    write(
        tmp.path().join("docket.toml"),
        b"[limits]\nmax_file_size = 4096\nmax_records = 1\n",
    );
    let (code, out) = run(tmp.path(), &["lint", "records"]);
    assert_eq!(code, 1, "{out}");
    // Two records found, one allowed: the second (in path order) is skipped whatever its size.
    assert!(
        out.contains("2 record files were found, over the limit of 1"),
        "{out}"
    );
    write(
        tmp.path().join("docket.toml"),
        b"[limits]\nmax_file_size = 4096\n",
    );
    let (_, out) = run(tmp.path(), &["lint", "records"]);
    assert!(out.contains("over the limit of 4096 bytes"), "{out}");
}

/// A criteria table of `rows` criteria where `Fly.io` wins every row.
fn long_table(rows: usize) -> String {
    let mut text = String::from(
        "# DR-201: Big table\n\n**Status:** Accepted\n\n## Decision Criteria\n\n\
         | Criterion | Weight | Fly.io | Render |\n|---|---|---|---|\n",
    );
    let weights = ["High", "Medium", "Low"];
    for i in 0..rows {
        writeln!(
            text,
            "| Criterion {i} | {} | ✅ Yes | ⚠️ Partly |",
            weights[i % 3]
        )
        .unwrap();
    }
    text.push_str("\n**Winner:** Fly.io\n");
    text
}

#[test]
fn a_table_with_100000_rows_scores_and_lints() {
    // Issue 14: sensitivity summed every total per criterion, so this was quadratic (100,000
    // rows took over two minutes); it must now finish with the right result.
    let rows = 100_000;
    let text = long_table(rows);
    let parsed = docket::parse_record(&text, "DR-201-big.md");
    let table = &parsed.decision.criteria[0];
    assert_eq!(table.criteria.len(), rows);
    let card = docket::score::score_table(table, &ScoreConfig::default());
    let fly = &card.options[0];
    // High 3, Medium 2, Low 1 in turn: 33,334 × 3 + 33,333 × 2 + 33,333 × 1.
    assert!((fly.total - 200_001.0).abs() < 1e-6, "{}", fly.total);
    assert_eq!(card.winner.as_deref(), Some("Fly.io"));
    let mut corpus = docket::Corpus::default();
    corpus.sources.insert("DR-201-big.md", text.clone());
    corpus.decisions.push(parsed.decision);
    let workspace =
        docket::workspace::Workspace::from_corpus(corpus, docket::config::Config::default());
    let findings = docket::rules::run(&workspace, &docket::rules::LintOptions::default());
    assert!(
        findings.iter().all(|d| !d.code.starts_with("DK3")),
        "{:?}",
        findings.iter().map(|d| d.code).collect::<Vec<_>>()
    );
}

#[test]
fn thousands_of_options_parse_in_one_pass() {
    // Issue 14: every option heading recomputed every earlier option's keys.
    let mut text = String::from("# DR-202: Many options\n\n## Considered Options\n\n");
    for i in 0..5000 {
        write!(text, "### Choice number {i}\n\n- Good, because {i}\n\n").unwrap();
    }
    let parsed = docket::parse_record(&text, "DR-202-many.md");
    assert_eq!(parsed.decision.options.len(), 5000);
    assert_eq!(parsed.decision.options[4999].name, "Choice number 4999");
}

#[test]
fn ten_thousand_deep_lists_and_block_quotes() {
    let mut nested = String::from("# 2. Deep\n\n");
    nested.push_str(&"- ".repeat(10_000));
    nested.push_str("x\n\n");
    nested.push_str(&">".repeat(10_000));
    nested.push_str(" quoted\n\n");
    nested.push_str(&"> - 1. ".repeat(3_000));
    nested.push_str("mixed\n");
    let tmp = folder_with("0002-deep.md", nested.as_bytes());
    let (_, out) = run(tmp.path(), &["lint", "records"]);
    assert!(out.contains("0002-deep.md"), "{out}");
    let (code, out) = run(tmp.path(), &["build", "records", "--out", "site"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn yaml_bombs_and_deep_yaml_in_front_matter_are_bounded() {
    let mut bomb = String::from(
        "---\nstatus: accepted\na: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n",
    );
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h", "i"])
    {
        writeln!(
            bomb,
            "{name}: &{name} [{}]",
            vec![format!("*{prev}"); 9].join(", ")
        )
        .unwrap();
    }
    bomb.push_str("---\n# 2. Bomb\n");
    let flow = format!(
        "---\nx: {}{}\n---\n# 3. Deep flow\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mut block = String::from("---\nx:\n");
    for depth in 1..2_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("- \n");
    }
    block.push_str("---\n# 4. Deep block\n");
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path().join("records/0002-bomb.md"), bomb.as_bytes());
    write(tmp.path().join("records/0003-flow.md"), flow.as_bytes());
    write(tmp.path().join("records/0004-block.md"), block.as_bytes());
    let (code, out) = run(tmp.path(), &["lint", "records"]);
    assert_eq!(code, 1, "{out}");
    for file in ["0002-bomb.md", "0003-flow.md", "0004-block.md"] {
        assert!(
            out.lines().any(|l| l.contains(file) && l.contains("-->"))
                && out.contains("over the YAML budget"),
            "{file}: {out}"
        );
    }
    assert_eq!(out.matches("error[DK009]").count(), 3, "{out}");
}

#[test]
fn an_empty_file_and_a_binary_file_named_md() {
    let binary: Vec<u8> = (0..100_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let tmp = folder_with("0002-empty.md", b"");
    write(tmp.path().join("records/0003-binary.md"), &binary);
    let (code, out) = run(tmp.path(), &["lint", "records"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("DK003") && out.contains("0002-empty.md"),
        "{out}"
    );
    assert!(
        out.contains("DK001") && out.contains("0003-binary.md"),
        "{out}"
    );
    // Excerpts are cut to a window and control bytes shown as `�`: no terminal escapes, and a
    // few findings print a few lines, not the file.
    assert!(
        !out.contains('\u{1b}'),
        "an escape byte reached the terminal"
    );
    assert!(out.len() < 20_000, "{} bytes of output", out.len());
    let (code, _) = run(tmp.path(), &["build", "records", "--out", "site"]);
    assert_eq!(code, 0);
}

#[cfg(unix)]
#[test]
fn symlink_loops_dangling_links_and_fifos_are_reported_and_the_rest_read() {
    use std::os::unix::fs::symlink;
    let tmp = folder_with("sub/0002-b.md", GOOD.replace("1. Use", "2. Use").as_bytes());
    let records = tmp.path().join("records");
    symlink("..", records.join("sub/loop")).unwrap();
    symlink("missing.md", records.join("0003-dangling.md")).unwrap();
    symlink("/dev/zero", records.join("0004-zero.md")).unwrap();
    let fifo = records.join("0005-fifo.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let (code, out) = run(tmp.path(), &["lint", "records"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("`records/0003-dangling.md` cannot be read"),
        "{out}"
    );
    assert!(
        out.contains("`records/0004-zero.md` cannot be read: not a regular file"),
        "{out}"
    );
    if made.is_ok_and(|s| s.success()) {
        assert!(
            out.contains("`records/0005-fifo.md` cannot be read"),
            "{out}"
        );
    }
    let (_, json) = run(tmp.path(), &["export", "records"]);
    assert!(json.matches("\"title\":").count() >= 2, "{json}");
    assert!(
        !json.contains("loop/"),
        "a symlinked folder is not followed: {json}"
    );
}

#[test]
fn paths_with_spaces_hashes_non_ascii_and_dot_dot() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("my records #1/décisions");
    write(
        dir.join("0001 use a queue #1 é.md"),
        GOOD.replace(
            "Use a queue.",
            "Use a queue, see [the next](<0002 drop the cron – ü.md>).",
        )
        .as_bytes(),
    );
    write(
        dir.join("0002 drop the cron – ü.md"),
        GOOD.replace("1. Use a queue", "2. Drop the cron")
            .as_bytes(),
    );
    let via_dot_dot = "my records #1/décisions/../décisions";
    let (code, out) = run(tmp.path(), &["lint", via_dot_dot]);
    assert!(code <= 1, "{out}");
    assert!(
        !out.contains("DK601") && !out.contains("DK608"),
        "links resolve: {out}"
    );
    let (code, out) = run(tmp.path(), &["build", via_dot_dot, "--out", "site out"]);
    assert_eq!(code, 0, "{out}");
    let pages: Vec<PathBuf> = std::fs::read_dir(tmp.path().join("site out/records"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        pages
            .iter()
            .filter(|p| p.extension().is_some_and(|e| e == "html"))
            .count(),
        2
    );
}

#[test]
fn links_and_images_outside_the_repository_are_never_copied() {
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    write(tmp.path().join("secret.png"), b"SECRET-OUTSIDE");
    write(repo.join("docs/inside.png"), b"PNG-INSIDE");
    let record = GOOD.replace(
        "Use a queue.",
        "Use a queue.\n\n![out](../../secret.png) ![abs](/etc/passwd) [up](../../../secret.png) \
         ![in](../inside.png)",
    );
    write(repo.join("docs/adr/0001-use-a-queue.md"), record.as_bytes());
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        tmp.path().join("secret.png"),
        repo.join("docs/adr/linked.png"),
    )
    .unwrap();
    #[cfg(unix)]
    write(
        repo.join("docs/adr/0002-link.md"),
        GOOD.replace("1. Use a queue", "2. Link")
            .replace("Use a queue.", "![l](linked.png)")
            .as_bytes(),
    );
    let (code, out) = run(&repo, &["build", "docs/adr", "--out", "site"]);
    assert_eq!(code, 0, "{out}");
    let mut copied = Vec::new();
    for entry in walk(&repo.join("site")) {
        let bytes = std::fs::read(&entry).unwrap();
        assert!(
            !bytes.windows(14).any(|w| w == b"SECRET-OUTSIDE"),
            "{} holds the outside file",
            entry.display()
        );
        assert!(
            !String::from_utf8_lossy(&bytes).contains("root:x:0"),
            "{}",
            entry.display()
        );
        if bytes == b"PNG-INSIDE" {
            copied.push(entry);
        }
    }
    assert_eq!(copied.len(), 1, "the image inside the repository is copied");
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn script_in_every_field_that_reaches_a_page_is_inert() {
    let x = "<script>alert(1)</script><img src=x onerror=alert(2)>";
    let record = format!(
        "---\ntags: [\"{x}\"]\ndeciders: \"{x}\"\n---\n\
         # 1. Pick {x}\n\n**Status:** Accepted {x}\n**Date:** 2026-01-05 {x}\n\n\
         ## Context\n\n{x} [click](javascript:alert(3)) <a href=\"javascript:alert(4)\">a</a>\n\n\
         ## Considered Options\n\n### Option 1: {x}\n\n- Good, because {x}\n\n### Option 2: Safe\n\n\
         ## Decision Criteria\n\n| Criterion | Weight | {x} | Safe |\n|---|---|---|---|\n\
         | {x} | High {x} | ✅ {x} | ❌ |\n\n**Winner:** {x}\n\n\
         ## Decision\n\nChosen option: \"{x}\", because {x}.\n\n\
         **Cost:** $5/month {x}\n\n## Consequences\n\n- {x}\n\n\
         Superseded by [{x}](0002-{x}.md)\n"
    );
    let tmp = folder_with("0001-pick.md", record.as_bytes());
    std::fs::remove_file(tmp.path().join("records/0001-use-a-queue.md")).unwrap();
    write(
        tmp.path().join("docket.toml"),
        b"[site]\ntitle = \"<script>alert(5)</script>\"\n",
    );
    let (code, out) = run(tmp.path(), &["build", "records", "--out", "site"]);
    assert_eq!(code, 0, "{out}");
    for page in walk(&tmp.path().join("site")) {
        let text = String::from_utf8_lossy(&std::fs::read(&page).unwrap()).to_lowercase();
        let name = page.display();
        // The search index is data that search.js only matches words in, never markup; in the
        // script form `</` is written `<\/`, so it cannot close a script element.
        if page.extension().is_some_and(|e| e == "json") {
            continue;
        }
        if page.extension().is_some_and(|e| e == "js") {
            assert!(!text.contains("</script"), "{name}: closing script tag");
            continue;
        }
        assert!(!text.contains("<script>alert"), "{name}: script tag");
        assert!(
            !text.contains("<img src=x onerror"),
            "{name}: onerror attribute"
        );
        assert!(
            !text.contains("href=\"javascript:"),
            "{name}: javascript: link"
        );
    }
}

// Where each kill landed (files fixed so far) is printed for `--nocapture` runs.
#[allow(clippy::print_stderr)]
#[test]
fn an_interrupted_lint_fix_leaves_every_file_old_or_new() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("records");
    let old = |n: usize| {
        GOOD.replace("1. Use a queue", &format!("{n}. Use queue {n}"))
            .replace("Accepted", "Accpeted")
    };
    let new = |n: usize| old(n).replace("Accpeted", "Accepted");
    let files: Vec<(PathBuf, String, String)> = (1..=1000)
        .map(|n| (dir.join(format!("{n:04}-use-queue-{n}.md")), old(n), new(n)))
        .collect();
    let binary = assert_cmd::cargo::cargo_bin("docket");
    let reset = || {
        for (path, old, _) in &files {
            write(path, old.as_bytes());
        }
    };
    let fix = || {
        std::process::Command::new(&binary)
            .args(["lint", "--fix", "--today", "2026-06-01"])
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawns")
    };
    // One whole run, to know how long a run takes and that it fixes every file.
    reset();
    let started = std::time::Instant::now();
    fix().wait().expect("runs");
    let whole = started.elapsed();
    for (path, _, new) in &files {
        assert_eq!(std::fs::read_to_string(path).unwrap(), *new);
    }
    // Then kills at a fifth, two fifths, … of that: before, during and after the writes.
    for fifths in 1..=4 {
        reset();
        let mut child = fix();
        std::thread::sleep(whole * fifths / 5);
        let _ = child.kill();
        child.wait().expect("reaped");
        let mut fixed = 0;
        for (path, old, new) in &files {
            let now = std::fs::read_to_string(path).expect("the file is still there");
            assert!(
                now == *old || now == *new,
                "{} is neither old nor new after a kill at {fifths}/5 of a run",
                path.display()
            );
            fixed += usize::from(now == *new);
        }
        eprintln!("killed at {fifths}/5 of {whole:?}: {fixed} of 1000 files fixed");
    }
}
