//! One fact, one place: every word of the parser's vocabulary tables (`src/parse/vocabulary/`)
//! is written as a string literal there and in no other module, so a second keyword list that
//! could drift from the first fails this test. The model's own enum names (`superseded`),
//! output labels outside parse and rules, and unit tests are left out.

use std::path::{Path, PathBuf};

const VOCABULARY: &str = "src/parse/vocabulary";

/// The layers that read records: the parser and the rules. Output labels (CLI columns, graph
/// classes) may say `status` without reading it.
const READERS: &[&str] = &["src/parse", "src/rules"];

/// Literals that match a vocabulary word but are no copy of a table, each with its reason.
const ALLOWED: &[(&str, &str, &str)] = &[
    (
        "src/rules/dk504_review_date_not_a_date.rs",
        "review date",
        "names the model field in the message",
    ),
    (
        "src/rules/dk504_review_date_not_a_date.rs",
        "due date",
        "names the model field in the message",
    ),
    (
        "src/parse/criteria/layout.rs",
        "decision",
        "a fragment that hints a heading holds a criteria matrix",
    ),
    (
        "src/parse/criteria/layout.rs",
        "verdict",
        "a criteria-table column heading, not an option's verdict key",
    ),
    (
        "src/parse/criteria/layout.rs",
        "result",
        "a criteria-table column heading, not an option's verdict key",
    ),
    (
        "src/parse/criteria/layout.rs",
        "note",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "notes",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "description",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "details",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "summary",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "comparison",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "evaluation",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "recommendation",
        "a criteria table's notes column, not a heading among options",
    ),
    (
        "src/parse/criteria/layout.rs",
        "rating",
        "a stated-total column heading, not a heading that announces a matrix",
    ),
    (
        "src/rules/mod.rs",
        "yes",
        "the rule table's fixable column, not a rating word",
    ),
    (
        "src/parse/criteria/layout.rs",
        "points",
        "a stated-total column heading, not a legend's point unit",
    ),
    (
        "src/rules/context.rs",
        "option",
        "position references and stop words of chosen-option matching",
    ),
    (
        "src/rules/context.rs",
        "alternative",
        "position references of chosen-option matching",
    ),
];

/// The string literals of a Rust source, test modules cut off.
fn literals(source: &str) -> Vec<String> {
    let code = source.split("#[cfg(test)]").next().unwrap_or(source);
    let mut out = Vec::new();
    for line in code.lines() {
        let line = line.trim_start();
        let line = line.split(" // ").next().unwrap_or(line);
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(start) = rest.find('"') {
            let after = &rest[start + 1..];
            let Some(end) = after.find('"') else { break };
            out.push(after[..end].to_string());
            rest = &after[end + 1..];
        }
    }
    out
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable source folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn vocabulary_words() -> Vec<String> {
    let mut files = Vec::new();
    rust_files(Path::new(VOCABULARY), &mut files);
    let mut words: Vec<String> = files
        .iter()
        .flat_map(|f| literals(&std::fs::read_to_string(f).expect("readable")))
        // Words of two letters or less are too common to be a copied table.
        .filter(|w| w.trim().len() > 2)
        .collect();
    words.sort();
    words.dedup();
    words
}

#[test]
fn vocabulary_words_live_only_in_the_vocabulary_module() {
    let words = vocabulary_words();
    assert!(
        words.iter().any(|w| w == "decision outcome"),
        "the vocabulary tables were not found"
    );
    let mut files = Vec::new();
    for dir in READERS {
        rust_files(Path::new(dir), &mut files);
    }
    let mut copies = Vec::new();
    for file in files {
        let shown = file.to_string_lossy().replace('\\', "/");
        if shown.starts_with(VOCABULARY) {
            continue;
        }
        let source = std::fs::read_to_string(&file).expect("readable");
        for literal in literals(&source) {
            let allowed = ALLOWED.iter().any(|(f, w, _)| *f == shown && *w == literal);
            if words.contains(&literal) && !allowed {
                copies.push(format!("{shown}: \"{literal}\""));
            }
        }
    }
    assert!(
        copies.is_empty(),
        "vocabulary words written outside src/parse/vocabulary/ (use the vocabulary instead):\n{}",
        copies.join("\n")
    );
}

#[test]
fn literals_are_found_outside_tests_only() {
    let source = "const A: &[&str] = &[\"decision outcome\", \"x\"]; // \"comment\"\n#[cfg(test)]\nmod tests { \"inside\" }";
    assert_eq!(literals(source), ["decision outcome", "x"]);
}
