//! The real-world corpus in `../shared/corpus`: every markdown file parses (skipped ones too)
//! with a title, and 40 hand-checked files match values written from reading their source.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use docket::model::{Decision, LinkKind, TitleSource};
use serde::Deserialize;

fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(walkdir::DirEntry::into_path)
        .filter(|p| {
            p.extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
        })
        .collect();
    files.sort();
    files
}

fn parse_file(root: &Path, path: &Path) -> Decision {
    let bytes = std::fs::read(path).unwrap();
    let rel = path
        .strip_prefix(root)
        .unwrap()
        .to_string_lossy()
        .replace('\\', "/");
    let (text, _) = docket::corpus::decode_source(&bytes, &rel);
    docket::parse_record(&text, &rel).decision
}

#[test]
#[allow(clippy::print_stderr)] // The inferred share is reported, as the issue asks.
fn every_corpus_file_parses_with_a_title() {
    let Some(root) = common::shared("corpus") else {
        return;
    };
    let files = markdown_files(&root);
    assert_eq!(files.len(), 567, "the corpus holds 567 markdown files");
    let mut inferred = Vec::new();
    for path in &files {
        let d = parse_file(&root, path);
        assert!(!d.title.text.trim().is_empty(), "{}: empty title", d.path);
        if d.title.source == TitleSource::FileName {
            inferred.push(d.path.clone());
        }
    }
    let share = inferred.len() as f64 * 100.0 / files.len() as f64;
    eprintln!(
        "titles inferred from file names: {} of {} ({share:.2}%): {inferred:?}",
        inferred.len(),
        files.len()
    );
    assert!(share <= 2.0, "{share:.2}% of titles inferred");
}

#[derive(Deserialize)]
struct Expected {
    record: Vec<ExpectedRecord>,
}

#[derive(Deserialize)]
struct ExpectedRecord {
    path: String,
    format: String,
    title: String,
    status: String,
    date: Option<String>,
    links: Vec<String>,
    chosen: Option<String>,
    #[serde(default)]
    title_inferred: bool,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

fn link_key(kind: LinkKind, verb: &str, target: &str) -> String {
    let kind = match kind {
        LinkKind::Other => format!("other:{}", verb.replace(' ', "-")),
        k => k.as_str().to_string(),
    };
    format!("{kind} {target}")
}

/// Names compare case-folded, without quotes or an `Option N —` prefix.
fn fold(s: &str) -> String {
    let s = s.trim().trim_matches(['"', '“', '”']).to_lowercase();
    let rest = s.strip_prefix("option ").map(|r| {
        r.trim_start_matches(|c: char| c.is_ascii_alphanumeric())
            .trim_start()
    });
    match rest.and_then(|r| r.strip_prefix(['—', '–', '-', ':'])) {
        Some(r) => r.trim().to_string(),
        None => s,
    }
}

#[test]
fn hand_checked_files_match() {
    let Some(root) = common::shared("corpus") else {
        return;
    };
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus_expected.toml"),
    )
    .unwrap();
    let expected: Expected = toml::from_str(&text).unwrap();
    assert_eq!(expected.record.len(), 40);
    let mut formats: BTreeMap<&str, usize> = BTreeMap::new();
    let mut failures = Vec::new();
    for e in &expected.record {
        *formats.entry(e.format.as_str()).or_default() += 1;
        let d = parse_file(&root, &root.join(&e.path));
        let mut problems = Vec::new();
        if d.title.text != e.title {
            problems.push(format!("title {:?} != {:?}", d.title.text, e.title));
        }
        if (d.title.source == TitleSource::FileName) != e.title_inferred {
            problems.push(format!("title source {:?}", d.title.source));
        }
        if d.status.kind.as_str() != e.status {
            problems.push(format!(
                "status {} ({:?}) != {}",
                d.status.kind.as_str(),
                d.status.raw,
                e.status
            ));
        }
        let date = d.date.as_ref().and_then(|x| x.date).map(|x| x.to_string());
        if date != e.date {
            problems.push(format!("date {date:?} != {:?}", e.date));
        }
        // The hand-checked links are stated relations; mentions in prose are checked apart.
        let mut links: Vec<String> = d
            .links
            .iter()
            .filter(|l| l.kind.is_relation())
            .map(|l| {
                let target = l.target.href.clone().unwrap_or_else(|| {
                    l.target
                        .id
                        .as_ref()
                        .map_or(l.target.text.clone(), |i| i.raw.clone())
                });
                link_key(l.kind, &l.verb, &target)
            })
            .collect();
        links.sort();
        let mut want = e.links.clone();
        want.sort();
        if links != want {
            problems.push(format!("links {links:?} != {want:?}"));
        }
        let chosen = d.chosen.as_ref().map(|c| fold(&c.name));
        if chosen != e.chosen.as_deref().map(fold) {
            problems.push(format!("chosen {chosen:?} != {:?}", e.chosen));
        }
        if !problems.is_empty() {
            failures.push(format!("{}:\n    {}", e.path, problems.join("\n    ")));
        }
    }
    assert!(
        formats.values().all(|&n| n >= 4),
        "four of each format: {formats:?}"
    );
    assert!(
        failures.is_empty(),
        "{} of 40 differ:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
