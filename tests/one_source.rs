//! Issue 9 regressions: every fact about records lives in one place, so commands that report
//! on the same records agree. Each test names the disagreement it pins down.

use std::path::Path;

use assert_cmd::Command;
use docket::diagnostics::Code;
use docket::rules::{Check, LintOptions, RULES};
use docket::workspace::{Workspace, WorkspaceOptions};

const TODAY: &str = "2026-06-01";

fn write(root: &Path, name: &str, text: &str) {
    let path = root.join(name);
    std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
    docket::atomic_write::write_atomic(&path, text.as_bytes()).expect("write");
}

/// Runs docket in `cwd`; returns (exit code, stdout).
fn docket(cwd: &Path, args: &[&str]) -> (i32, String) {
    let out = Command::cargo_bin("docket")
        .expect("binary")
        .current_dir(cwd)
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).expect("utf-8"),
    )
}

/// The codes in human output, in order.
fn codes(human: &str) -> Vec<String> {
    human
        .lines()
        .filter_map(|l| {
            let open = l.find("[DK")?;
            let close = l[open..].find(']')?;
            Some(l[open + 1..open + close].to_string())
        })
        .collect()
}

const OLD_ACCEPTED: &str = "# 1. Use a VPS\n\nDate: 2026-01-05\n\n## Status\n\nAccepted\n\n\
    ## Context\n\nWe need hosting.\n\n## Decision\n\nWe will use a VPS.\n\n## Consequences\n\nWe patch it.\n";

fn new_superseding(link: &str) -> String {
    format!(
        "# 2. Use containers\n\nDate: 2026-02-05\n\n## Status\n\nAccepted\n\nSupersedes {link}\n\n\
         ## Context\n\nThe VPS is hard to patch.\n\n## Decision\n\nWe will use containers.\n\n\
         ## Consequences\n\nWe build images.\n"
    )
}

/// issue 9: `Supersedes ADR-1` naming `0001-….md` made DK605 fire while DK509, the rule that
/// can add the missing `Superseded by`, stayed silent: the two used different resolvers.
#[test]
fn issue_9_dk509_and_dk605_agree_on_an_id_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "0001-use-a-vps.md", OLD_ACCEPTED);
    write(
        dir.path(),
        "0002-use-containers.md",
        &new_superseding("ADR-1"),
    );
    let (code, out) = docket(dir.path(), &["lint", "--today", TODAY, "."]);
    assert_eq!(code, 1, "{out}");
    let found = codes(&out);
    assert!(found.contains(&"DK605".to_string()), "{out}");
    assert!(found.contains(&"DK509".to_string()), "{out}");
}

/// issue 9: a link resolved from the working folder, not from its record's file, so
/// `docket graph . --check` inside `dec/` reported DK601 where `docket graph dec --check`
/// from its parent was clean.
#[test]
fn issue_9_same_findings_inside_and_outside_the_parent_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(
        dir.path(),
        "dec/adr/old.md",
        "# Use a VPS\n\n**Status:** Superseded by [Use containers](../../dec/adr/new.md)\n",
    );
    write(
        dir.path(),
        "dec/adr/new.md",
        "# Use containers\n\n**Status:** Accepted\n\n**Supersedes:** [Use a VPS](../../dec/adr/old.md)\n",
    );
    let outside = docket(dir.path(), &["graph", "dec", "--check"]);
    let inside = docket(&dir.path().join("dec"), &["graph", ".", "--check"]);
    assert_eq!(outside.0, 0, "{}", outside.1);
    assert_eq!(
        codes(&outside.1),
        codes(&inside.1),
        "{}\n{}",
        outside.1,
        inside.1
    );
    assert!(!inside.1.contains("DK601"), "{}", inside.1);
    let (code, json) = docket(&dir.path().join("dec"), &["graph", ".", "--format", "json"]);
    assert_eq!(code, 0);
    assert!(json.contains("\"resolved\": 2"), "{json}");
    let lint_outside = docket(dir.path(), &["lint", "--today", TODAY, "dec"]);
    let lint_inside = docket(&dir.path().join("dec"), &["lint", "--today", TODAY, "."]);
    assert_eq!(codes(&lint_outside.1), codes(&lint_inside.1));
}

/// issue 9: suppressions and `[lint]` settings applied under `lint` only; `graph --check`
/// printed a DK605 the record had silenced, through a renderer of its own.
#[test]
fn issue_9_a_suppressed_dk605_is_silent_under_lint_and_graph_check() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old = format!("<!-- docket-disable DK605 -->\n{OLD_ACCEPTED}");
    write(dir.path(), "0001-use-a-vps.md", &old);
    write(
        dir.path(),
        "0002-use-containers.md",
        &new_superseding("[1. Use a VPS](0001-use-a-vps.md)"),
    );
    let (_, lint) = docket(dir.path(), &["lint", "--today", TODAY, "."]);
    let (code, graph) = docket(dir.path(), &["graph", "--check", "."]);
    assert!(!lint.contains("DK605"), "{lint}");
    assert!(!graph.contains("DK605"), "{graph}");
    assert_eq!(code, 0, "{graph}");
    // Without the comment both report it, with the same words and the same summary line.
    write(dir.path(), "0001-use-a-vps.md", OLD_ACCEPTED);
    let (_, lint) = docket(dir.path(), &["lint", "--today", TODAY, "."]);
    let (code, graph) = docket(dir.path(), &["graph", "--check", "."]);
    assert_eq!(code, 1, "{graph}");
    let block = |text: &str| {
        let start = text.find("error[DK605]").expect("DK605 reported");
        text[start..].split("\n\n").next().unwrap_or("").to_string()
    };
    assert_eq!(block(&lint), block(&graph));
    assert!(
        graph.ends_with("1 error, 0 warnings, 0 infos in 1 file\n"),
        "{graph}"
    );
    // `[lint]` settings apply under `graph --check` too.
    write(
        dir.path(),
        "docket.toml",
        "[lint.severity]\nDK605 = \"warning\"\n",
    );
    let (code, graph) = docket(dir.path(), &["graph", "--check", "."]);
    assert_eq!(code, 0, "{graph}");
    assert!(graph.contains("warning[DK605]"), "{graph}");
}

/// issue 9: DK004 was emitted as a warning by the parser while the registry said error.
/// Every code is now emitted at the one severity its registry entry gives.
#[test]
fn issue_9_findings_carry_their_registry_severity() {
    let roots = [
        "tests/fixtures/corpora/lint",
        "tests/fixtures/corpora/graph",
        "tests/fixtures/corpora/score",
        "tests/fixtures/parse",
        "tests/fixtures/rules",
    ];
    let mut seen = std::collections::BTreeSet::new();
    for root in roots {
        let mut workspace =
            Workspace::load(&[root.into()], &WorkspaceOptions::default()).expect("loads");
        // No `[lint]` overrides: what is reported is what the emitters chose.
        workspace.config.lint = docket::config::LintConfig::default();
        for code in Code::ALL {
            workspace.config.lint.enable_code(*code);
        }
        let findings = docket::rules::run(&workspace, &LintOptions::default());
        for d in &findings {
            let kind = d
                .kind()
                .unwrap_or_else(|| panic!("{} is not registered", d.code));
            let info = kind.info();
            assert_eq!(d.severity, info.severity, "{} in {}", d.code, d.path);
            assert_eq!(d.name, info.name, "{}", d.code);
            seen.insert(d.code);
        }
    }
    assert!(seen.contains("DK004") && seen.contains("DK007"), "{seen:?}");
    assert!(seen.len() > 40, "{seen:?}");
}

/// The registry is one table: one rule per code, and every parse-stage code is a `Code`.
#[test]
fn issue_9_every_code_has_exactly_one_rule() {
    let rule_codes: Vec<Code> = RULES.iter().map(|r| r.code).collect();
    assert_eq!(
        rule_codes,
        Code::ALL,
        "RULES lists every code once, in code order"
    );
    for rule in RULES {
        let parse_stage = matches!(rule.check, Check::Parse);
        assert_eq!(
            parse_stage,
            rule.info().code.starts_with("DK00"),
            "{}",
            rule.info().code
        );
    }
}

/// Only the registry spells a code: no `"DKnnn"` literal and no severity is chosen outside
/// `diagnostics/codes.rs` (config overrides apply in `rules::run`).
#[test]
fn issue_9_no_code_literals_outside_the_registry() {
    let mut offenders = Vec::new();
    for entry in walkdir::WalkDir::new("src") {
        let entry = entry.expect("walk src");
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") || path.ends_with("diagnostics/codes.rs") {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("read");
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        for (n, line) in code.lines().enumerate() {
            let doc = line.trim_start().starts_with("//");
            let literal = line.contains("\"DK") && line.contains('"');
            let chosen = line.contains("severity: Severity::") || line.contains("Severity::Error,");
            if !doc && (literal || chosen) {
                offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}

/// issue 9: lint, score and graph each found `docket.toml` their own way. Every command now
/// takes the nearest one in or above the first path's folder, up to the repository root.
#[test]
fn issue_9_one_config_lookup_for_every_command() {
    let dir = tempfile::tempdir().expect("temp dir");
    let repo = dir.path().join("repo");
    std::fs::create_dir_all(repo.join(".git")).expect("mkdir");
    // Outside the repository: never read.
    write(dir.path(), "docket.toml", "[lint]\nenable = [\"DK999\"]\n");
    write(&repo, "docket.toml", "[lint]\ndisable = [\"DK101\"]\n");
    write(
        &repo,
        "docs/adr/0001-no-status.md",
        "# 1. No status\n\nDate: 2026-01-05\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n",
    );
    for (cwd, path) in [(repo.clone(), "docs/adr"), (repo.join("docs/adr"), ".")] {
        let (code, out) = docket(&cwd, &["lint", "--today", TODAY, path]);
        assert_eq!(code, 0, "{out}");
        assert!(!out.contains("DK101"), "{out}");
        let (code, out) = docket(&cwd, &["graph", "--check", path]);
        assert_eq!(code, 0, "{out}");
    }
    // `--config` names another file; a missing one is a failure (exit 2).
    write(&repo, "strict.toml", "[lint.severity]\nDK101 = \"error\"\n");
    let (code, out) = docket(
        &repo,
        &[
            "lint",
            "--config",
            "strict.toml",
            "--today",
            TODAY,
            "docs/adr",
        ],
    );
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[DK101]"), "{out}");
    let (code, _) = docket(&repo, &["export", "--config", "missing.toml", "docs/adr"]);
    assert_eq!(code, 2);
}

/// review: outside a repository the lookup climbed to the file system root, so a
/// `docket.toml` in an unrelated parent folder (`~`, `/tmp`) applied to any records below it.
/// Without `.git` it now climbs no higher than the current folder.
#[test]
fn review_config_lookup_stops_outside_a_repository() {
    let dir = tempfile::tempdir().expect("temp dir");
    let record = "# 1. No status\n\nDate: 2026-01-05\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n";
    write(dir.path(), "docket.toml", "[lint]\ndisable = [\"DK101\"]\n");
    write(dir.path(), "project/docs/adr/0001-no-status.md", record);
    let project = dir.path().join("project");
    // The parent's config is not this project's.
    for (cwd, path) in [
        (project.clone(), "docs/adr"),
        (project.join("docs/adr"), "."),
    ] {
        let (_, out) = docket(&cwd, &["lint", "--today", TODAY, path]);
        assert!(out.contains("DK101"), "{out}");
    }
    // A config in the current folder still applies to a folder below it.
    write(&project, "docket.toml", "[lint]\ndisable = [\"DK101\"]\n");
    let (_, out) = docket(&project, &["lint", "--today", TODAY, "docs/adr"]);
    assert!(!out.contains("DK101"), "{out}");
}

/// The names of `dknnn_…` rule modules a line of code mentions.
fn rule_modules_named(line: &str) -> Vec<&str> {
    let bytes = line.as_bytes();
    let is_ident = |b: &u8| b.is_ascii_alphanumeric() || *b == b'_';
    (0..bytes.len())
        .filter(|&i| {
            bytes[i..].starts_with(b"dk")
                && (i == 0 || !is_ident(&bytes[i - 1]))
                && bytes
                    .get(i + 2..i + 5)
                    .is_some_and(|d| d.iter().all(u8::is_ascii_digit))
                && bytes.get(i + 5) == Some(&b'_')
        })
        .map(|i| {
            let len = bytes[i..].iter().take_while(|b| is_ident(b)).count();
            &line[i..i + len]
        })
        .collect()
}

/// issue 9: rules imported helpers from each other (dk203 and dk205 from dk202, dk106 from
/// dk105), so a change to one rule could silently change another. Shared facts live in the
/// model or in a rules helper module; no rule file names another rule's module.
#[test]
fn issue_9_no_rule_imports_another_rule() {
    let mut offenders = Vec::new();
    let mut rules = 0;
    for entry in std::fs::read_dir("src/rules").expect("read src/rules") {
        let path = entry.expect("entry").path();
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if !stem.starts_with("dk") || path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        rules += 1;
        let text = std::fs::read_to_string(&path).expect("read");
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for module in rule_modules_named(line) {
                if module != stem {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(rules > 20, "found only {rules} rule files under src/rules");
    assert!(offenders.is_empty(), "{}", offenders.join("\n"));
}
