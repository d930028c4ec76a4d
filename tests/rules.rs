//! Every rule against its fixtures: each `fails_*` case must report the rule (the rendered
//! human output is snapshotted, so spans and wording are tested together) and each `passes_*`
//! case must not. A case is a single `.md` file or a folder of records (for corpus-scope
//! rules); a `base.txt` in a folder lists `file number` pairs on the `--changed-since` ref.

use std::path::{Path, PathBuf};

use docket::config::LintConfig;
use docket::corpus::display_path;
use docket::diagnostics::render::{HumanOptions, render_human};
use docket::model::{Date, RecordId};
use docket::rules::{self, BaseRecord, LintOptions};
use docket::workspace::{Workspace, WorkspaceOptions};

const FIXTURES: &str = "tests/fixtures/rules";

/// Codes no fixture can trigger portably: DK008 needs a file the walk finds but cannot read.
const WITHOUT_FIXTURE: &[&str] = &["DK008"];

fn today() -> Date {
    Date::from_ymd(2026, 6, 1).expect("a real date")
}

fn config_enabling(code: &str) -> LintConfig {
    let text = format!("[lint]\nenable = [\"{code}\"]\n");
    docket::config::Config::from_toml(&text, Path::new("docket.toml"))
        .expect("valid config")
        .lint
}

fn base_records(case: &Path) -> Option<Vec<BaseRecord>> {
    let text = std::fs::read_to_string(case.join("base.txt")).ok()?;
    Some(
        text.lines()
            .filter_map(|l| l.split_once(' '))
            .map(|(file, number)| BaseRecord {
                path: display_path(&case.join(file)),
                id: RecordId::new(number, None, number.trim().parse().expect("a number")),
            })
            .collect(),
    )
}

/// Lints one case and renders only the findings of `code`.
fn lint_case(code: &str, case: &Path) -> (usize, String) {
    let mut workspace = Workspace::load(&[case.to_path_buf()], &WorkspaceOptions::default())
        .expect("fixture loads");
    workspace.config.lint = config_enabling(code);
    let options = LintOptions {
        today: Some(today()),
        base: base_records(case),
        ..LintOptions::default()
    };
    let findings: Vec<_> = rules::run(&workspace, &options)
        .into_iter()
        .filter(|d| d.code == code)
        .collect();
    (
        findings.len(),
        render_human(
            &findings,
            &workspace.corpus.sources,
            HumanOptions::default(),
        ),
    )
}

fn cases(code: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(Path::new(FIXTURES).join(code))
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn every_rule_has_a_failing_and_a_passing_fixture() {
    for rule in rules::RULES {
        let code = rule.info().code;
        if WITHOUT_FIXTURE.contains(&code) {
            continue;
        }
        let names: Vec<String> = cases(code)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("fails_")),
            "{code} has no failing fixture"
        );
        assert!(
            names.iter().any(|n| n.starts_with("passes_")),
            "{code} has no passing fixture"
        );
    }
}

#[test]
fn failing_fixtures_report_their_rule() {
    for rule in rules::RULES {
        let code = rule.info().code;
        for case in cases(code) {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            if !name.starts_with("fails_") {
                continue;
            }
            let (count, rendered) = lint_case(code, &case);
            assert!(count > 0, "{code}/{name} reported nothing");
            let snapshot = format!("{code}__{}", name.trim_end_matches(".md"));
            insta::assert_snapshot!(snapshot, rendered);
        }
    }
}

#[test]
fn passing_fixtures_do_not_report_their_rule() {
    for rule in rules::RULES {
        let code = rule.info().code;
        for case in cases(code) {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with("passes_") {
                let (count, rendered) = lint_case(code, &case);
                assert_eq!(count, 0, "{code}/{name} reported:\n{rendered}");
            }
        }
    }
}

#[test]
fn every_rule_has_an_explanation_page_that_names_it() {
    for rule in rules::RULES {
        let i = rule.info();
        assert!(
            i.explanation
                .starts_with(&format!("# {} {}\n", i.code, i.name)),
            "{} page heading",
            i.code
        );
        assert!(
            i.explanation
                .contains(&format!("**Default severity:** {}", i.severity.as_str())),
            "{} severity",
            i.code
        );
    }
}

#[test]
fn readme_and_guide_list_every_rule_from_the_registry() {
    let readme = std::fs::read_to_string("README.md").expect("README");
    let summary = std::fs::read_to_string("docs/SUMMARY.md").expect("SUMMARY");
    let guide = std::fs::read_to_string("docs/rules.md").expect("docs/rules.md");
    assert!(
        guide.contains(&rules::rule_table()),
        "docs/rules.md's table is not `docket lint --list-rules`"
    );
    assert!(
        readme.contains(&rules::rule_table()),
        "README's rule table is not `docket lint --list-rules`:\n{}",
        rules::rule_table()
    );
    for rule in rules::RULES {
        let i = rule.info();
        let page = format!("rules/{}-{}.md", i.code, i.name);
        assert!(summary.contains(&page), "docs/SUMMARY.md lacks {page}");
    }
}
