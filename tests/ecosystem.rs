//! Fitting the ecosystem (issue 15): adr-tools, adrs and log4brains folders read with no
//! configuration; JSON-ADR round trips through the real `adrs`; folders written by the real
//! `adr` and `adrs`; the mdBook preprocessor in a real `mdbook build`; CI recipes; every
//! command and rule documented.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn docket_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("docket")
}

use common::docket;

fn run(program: &Path, dir: &Path, args: &[&str]) -> String {
    let out = Command::new(program)
        .current_dir(dir)
        .args(args)
        .env("EDITOR", "true")
        .env("VISUAL", "true")
        .output()
        .expect("tool runs");
    assert!(
        out.status.success(),
        "{} {args:?} failed:\n{}{}",
        program.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// (title, status, links as `kind target-id`) per record, from `docket export` in `dir`.
fn facts(dir: &Path) -> Vec<(String, String, Vec<String>)> {
    let (code, out, err) = docket(dir, &["export"]);
    assert_eq!(code, 0, "{err}");
    let json: Value = serde_json::from_str(&out).expect("export is JSON");
    json["records"]
        .as_array()
        .expect("records")
        .iter()
        .map(|r| {
            let mut links: Vec<String> = r["links"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|l| l["kind"] != "mention")
                .map(|l| {
                    let target = l["target"]["id"]["number"]
                        .as_u64()
                        .map_or_else(|| l["target"]["text"].to_string(), |n| n.to_string());
                    format!("{} {target}", l["kind"].as_str().unwrap())
                })
                .collect();
            links.sort();
            links.dedup();
            (
                r["title"]["text"].as_str().unwrap().to_string(),
                r["status"]["kind"].as_str().unwrap().to_string(),
                links,
            )
        })
        .collect()
}

fn strings(items: &[(&str, &str, &[&str])]) -> Vec<(String, String, Vec<String>)> {
    items
        .iter()
        .map(|(t, s, l)| {
            (
                (*t).to_string(),
                (*s).to_string(),
                l.iter().map(|x| (*x).to_string()).collect(),
            )
        })
        .collect()
}

#[test]
fn issue_15_tool_layouts_are_read_with_no_configuration() {
    let fixtures = root().join("tests/fixtures/interop");
    assert_eq!(
        facts(&fixtures.join("adr-tools")),
        strings(&[
            ("Record architecture decisions", "accepted", &[]),
            (
                "Send berth reminders by SMS",
                "superseded",
                &["superseded-by 3"]
            ),
            (
                "Send berth reminders by email",
                "accepted",
                &["supersedes 2"]
            ),
        ])
    );
    assert_eq!(
        facts(&fixtures.join("adrs")),
        strings(&[
            ("Keep a decision log", "accepted", &[]),
            (
                "Cache tide tables in Redis",
                "superseded",
                &["superseded-by 3"]
            ),
            ("Cache tide tables in memory", "accepted", &["supersedes 2"]),
        ])
    );
    let log4brains = facts(&fixtures.join("log4brains"));
    let titles: Vec<&str> = log4brains.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Use Markdown decision records",
            "Host the API on Fly.io",
            "Invoice marinas monthly"
        ]
    );
    assert_eq!(log4brains[2].1, "proposed");
    for dir in ["adr-tools", "adrs", "log4brains"] {
        let (code, out, _) = docket(&fixtures.join(dir), &["graph", "--check"]);
        assert_eq!(code, 0, "{dir}: {out}");
    }
}

#[test]
fn issue_15_json_adr_export_round_trips_through_adrs() {
    let export = {
        let (code, out, err) = docket(&root(), &["export", "--format", "json-adr", "records"]);
        assert_eq!(code, 0, "{err}");
        out
    };
    let json: Value = serde_json::from_str(&export).unwrap();
    assert_eq!(json["version"], "1.0.0");
    let adrs: &Vec<Value> = json["adrs"].as_array().unwrap();
    let (_, model, _) = docket(&root(), &["export", "records"]);
    let model: Value = serde_json::from_str(&model).unwrap();
    assert_eq!(adrs.len(), model["records"].as_array().unwrap().len());
    let mut numbers: Vec<u64> = adrs.iter().map(|a| a["number"].as_u64().unwrap()).collect();
    numbers.sort_unstable();
    numbers.dedup();
    assert_eq!(numbers.len(), adrs.len(), "numbers are unique");
    // Options with pros and cons, and criteria as decision drivers, are filled in.
    let hosting = adrs
        .iter()
        .find(|a| a["title"] == "Backend Hosting")
        .expect("DR-001 is exported");
    assert!(hosting["considered_options"].as_array().unwrap().len() >= 3);
    assert!(!hosting["decision_drivers"].as_array().unwrap().is_empty());
    assert!(hosting["links"].as_array().is_some_and(|l| !l.is_empty()));

    let Some(adrs_bin) = common::tool("adrs") else {
        return;
    };
    let repo = tempfile::tempdir().unwrap();
    let file = repo.path().join("decisions.json");
    docket::atomic_write::write_atomic(&file, export.as_bytes()).unwrap();
    run(&adrs_bin, repo.path(), &["init"]);
    run(
        &adrs_bin,
        repo.path(),
        &["import", "json", "decisions.json", "--overwrite"],
    );
    let listed = run(&adrs_bin, repo.path(), &["list", "--long"]);
    // `adrs list --long`: number, status, date, title.
    let mut seen: Vec<(u64, String, String)> = listed
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace();
            let number = parts.next()?.parse().ok()?;
            let status = parts.next()?.to_lowercase();
            let _date = parts.next()?;
            Some((number, status, parts.collect::<Vec<_>>().join(" ")))
        })
        .collect();
    seen.sort();
    let mut expected: Vec<(u64, String, String)> = adrs
        .iter()
        .map(|a| {
            (
                a["number"].as_u64().unwrap(),
                a["status"].as_str().unwrap().to_lowercase(),
                a["title"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    expected.sort();
    assert_eq!(seen, expected, "adrs list shows what docket exported");
}

#[test]
fn issue_15_docket_reads_what_adrs_writes() {
    let Some(adrs_bin) = common::tool("adrs") else {
        return;
    };
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    run(&adrs_bin, dir, &["init"]);
    run(&adrs_bin, dir, &["new", "--no-edit", "Use Postgres"]);
    run(
        &adrs_bin,
        dir,
        &["new", "--no-edit", "--supersedes", "2", "Use MySQL"],
    );
    let ng = tempfile::tempdir().unwrap();
    run(&adrs_bin, ng.path(), &["init", "--ng"]);
    run(
        &adrs_bin,
        ng.path(),
        &["new", "--ng", "--no-edit", "Use Redis"],
    );
    run(
        &adrs_bin,
        ng.path(),
        &[
            "new",
            "--ng",
            "--no-edit",
            "--supersedes",
            "2",
            "Use Valkey",
        ],
    );
    for (repo, second, third) in [
        (dir, "Use Postgres", "Use MySQL"),
        (ng.path(), "Use Redis", "Use Valkey"),
    ] {
        let found = facts(repo);
        assert_eq!(found.len(), 3, "{found:?}");
        assert_eq!(found[1].0, second);
        assert_eq!(found[1].1, "superseded");
        assert!(
            found[1].2.contains(&"superseded-by 3".to_string()),
            "{found:?}"
        );
        assert_eq!(found[2].0, third);
        assert!(
            found[2].2.contains(&"supersedes 2".to_string()),
            "{found:?}"
        );
        let (code, out, _) = docket(repo, &["graph", "--check"]);
        assert_eq!(code, 0, "{out}");
    }
}

#[test]
fn issue_15_docket_reads_what_adr_tools_writes() {
    let Some(adr) = common::tool("adr") else {
        return;
    };
    let repo = tempfile::tempdir().unwrap();
    let dir = repo.path();
    run(&adr, dir, &["init", "doc/adr"]);
    run(&adr, dir, &["new", "Use", "Postgres"]);
    run(&adr, dir, &["new", "-s", "2", "Use", "MySQL"]);
    run(
        &adr,
        dir,
        &["new", "-l", "2:Amends:Amended by", "Pool", "connections"],
    );
    let found = facts(dir);
    assert_eq!(
        found,
        strings(&[
            ("Record architecture decisions", "accepted", &[]),
            (
                "Use Postgres",
                "superseded",
                &["amended-by 4", "superseded-by 3"]
            ),
            ("Use MySQL", "accepted", &["supersedes 2"]),
            ("Pool connections", "accepted", &["amends 2"]),
        ])
    );
    let (code, out, _) = docket(dir, &["graph", "--check"]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn issue_15_mdbook_preprocessor_adds_a_chapter_per_record() {
    // The protocol without mdBook: `supports` and a book in, a book out.
    let (code, _, _) = docket(&root(), &["mdbook", "supports", "html"]);
    assert_eq!(code, 0);
    let Some(mdbook) = common::tool("mdbook") else {
        return;
    };
    let book = tempfile::tempdir().unwrap();
    let dir = book.path();
    std::fs::create_dir_all(dir.join("src")).unwrap();
    let records = root().join("records");
    let toml = format!(
        "[book]\ntitle = \"Tidewater\"\n\n[preprocessor.docket]\ncommand = \"{} mdbook\"\n\
         records = [\"{}\"]\n",
        docket_bin().display(),
        records.display()
    );
    let write = |path: &str, text: &str| {
        docket::atomic_write::write_atomic(&dir.join(path), text.as_bytes()).unwrap();
    };
    write("book.toml", &toml);
    write("src/SUMMARY.md", "# Summary\n\n[Introduction](intro.md)\n");
    write("src/intro.md", "# Introduction\n\nOur decisions follow.\n");
    run(&mdbook, dir, &["build"]);
    let (_, export, _) = docket(&root(), &["export", "records"]);
    let export: Value = serde_json::from_str(&export).unwrap();
    let out = dir.join("book/decisions");
    for record in export["records"].as_array().unwrap() {
        let path = record["path"].as_str().unwrap();
        let stem = Path::new(path).file_stem().unwrap().to_string_lossy();
        let page = out.join(format!("{stem}.html"));
        let html = std::fs::read_to_string(&page)
            .unwrap_or_else(|_| panic!("{} has no chapter", page.display()));
        let title = record["title"]["text"].as_str().unwrap();
        assert!(
            html.contains(&title.replace('&', "&amp;")),
            "{title} in {stem}"
        );
        assert!(html.contains(record["status"]["kind"].as_str().unwrap()));
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("Backend Hosting"));
}

#[test]
fn issue_15_gitlab_report_is_code_climate_json() {
    let dir = root().join("tests/fixtures/rules/DK102");
    let (code, out, err) = docket(&dir, &["lint", "--format", "gitlab"]);
    assert!(code == 0 || code == 1, "{err}");
    let issues: Value = serde_json::from_str(&out).expect("JSON");
    let issues = issues.as_array().expect("an array");
    assert!(!issues.is_empty());
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[field].is_string(), "{field} in {issue}");
        }
        assert!(issue["location"]["path"].is_string());
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(
            ["info", "minor", "major", "critical", "blocker"]
                .contains(&issue["severity"].as_str().unwrap())
        );
    }
}

/// The docket command lines of a CI recipe (`run: docket …`, `- docket …`, `entry: docket …`).
fn docket_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|line| {
            let at = line.find("docket ")?;
            let before = line[..at].trim_end();
            let starts_command = before.is_empty()
                || before.ends_with(':')
                || before.ends_with('-')
                || before.ends_with('|');
            starts_command.then(|| line[at..].split(" ||").next().unwrap().trim().to_string())
        })
        .collect()
}

#[test]
fn issue_15_ci_recipes_parse_and_their_commands_run() {
    let recipes = [
        "docs/ci/github-actions.yml",
        "docs/ci/gitlab-ci.yml",
        ".pre-commit-hooks.yaml",
    ];
    let work = tempfile::tempdir().unwrap();
    let records = work.path().join("records");
    std::fs::create_dir_all(&records).unwrap();
    for entry in std::fs::read_dir(root().join("records/hosting")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, records.join(path.file_name().unwrap())).unwrap();
    }
    let mut ran = 0;
    for recipe in recipes {
        let text = std::fs::read_to_string(root().join(recipe)).expect(recipe);
        // The recipes are CI files, not records: the parser's YAML budget does not apply.
        #[allow(clippy::disallowed_methods)]
        let _: serde_json::Value = serde_saphyr::from_str(&text)
            .unwrap_or_else(|e| panic!("{recipe} is not valid YAML: {e}"));
        for line in docket_lines(&text) {
            let args: Vec<&str> = line.split_whitespace().skip(1).collect();
            let (code, _, err) = docket(work.path(), &args);
            assert!(
                code == 0 || code == 1,
                "{recipe}: `{line}` exited {code}: {err}"
            );
            ran += 1;
        }
    }
    assert!(ran >= 4, "the recipes run docket");
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    assert!(hooks.contains("id: docket-lint"));
}

#[test]
fn issue_15_every_command_and_rule_is_documented() {
    let (_, help, _) = docket(&root(), &["--help"]);
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 20, "{commands:?}");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut guide = String::new();
    for entry in walkdir::WalkDir::new(root().join("docs")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_some_and(|e| e == "md") {
            guide.push_str(&std::fs::read_to_string(entry.path()).unwrap());
        }
    }
    for command in &commands {
        let written = format!("docket {command}");
        assert!(readme.contains(&written), "README.md lacks `{written}`");
        assert!(guide.contains(&written), "docs/ lacks `{written}`");
    }
    let summary = std::fs::read_to_string(root().join("docs/SUMMARY.md")).unwrap();
    for line in docket::rules::rule_table().lines().skip(2) {
        let code = line.split('|').nth(1).unwrap().trim();
        let name = line.split('|').nth(2).unwrap().trim().trim_matches('`');
        let page = format!("rules/{code}-{name}.md");
        assert!(
            root().join("docs").join(&page).is_file(),
            "docs/{page} is missing"
        );
        assert!(
            summary.contains(&page),
            "docs/SUMMARY.md does not list {page}"
        );
    }
}

#[test]
fn issue_15_guide_examples_are_clean_and_read_as_their_shape() {
    let (code, out, err) = docket(&root(), &["lint", "docs/examples"]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("no findings"), "{out}");
    let (_, export, _) = docket(&root(), &["export", "docs/examples"]);
    let export: Value = serde_json::from_str(&export).unwrap();
    for record in export["records"].as_array().unwrap() {
        let path = record["path"].as_str().unwrap();
        let folder = path.split('/').nth(2).unwrap();
        assert_eq!(record["format"], folder, "{path}");
    }
}

#[test]
fn issue_15_every_config_key_is_in_the_configuration_reference() {
    let template = std::fs::read_to_string(root().join("templates/init/docket.toml")).unwrap();
    let reference = std::fs::read_to_string(root().join("docs/configuration.md")).unwrap();
    // Tables whose keys are the user's own (codes, formats, records, topics).
    let free_form = [
        "lint.severity",
        "lint.required_sections",
        "topics",
        "score.words",
    ];
    let mut keys = Vec::new();
    let mut table = String::new();
    for line in template.lines() {
        let line = line.trim_start_matches('#').trim();
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            table = name.to_string();
            keys.push(table.clone());
        } else if let Some((key, _)) = line.split_once(" = ")
            && !free_form.contains(&table.as_str())
            && key
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
        {
            keys.push(key.to_string());
        }
    }
    assert!(keys.len() >= 20, "{keys:?}");
    for key in keys {
        assert!(
            reference.contains(&format!("`{key}`"))
                || reference.contains(&format!("[{key}]"))
                || reference.contains(&format!("{key} =")),
            "docs/configuration.md does not document `{key}`"
        );
    }
}
