//! The decision graph end to end: link forms and checks over small fixture folders, the
//! drawings (Graphviz must accept the DOT; Mermaid labels must not break out), `show` and
//! `list`, both seeds in one folder, our own records, and the corpus's hand-checked links.

// The shared-data helper prints a skip note when ../shared is absent.
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use docket::config::{GraphConfig, TopicsConfig};
use docket::corpus::{Corpus, LoadOptions};
use docket::graph::{Evidence, Graph, Target};
use docket::model::LinkKind;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/corpora/graph")
        .join(name)
}

fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

fn write(path: &Path, text: &str) {
    docket::atomic_write::write_atomic(path, text.as_bytes()).unwrap();
}

use common::docket;

fn graph_of(dir: &Path) -> Graph {
    let corpus = Corpus::load(&[dir.to_path_buf()], &LoadOptions::default()).unwrap();
    Graph::build(
        &corpus.decisions,
        &GraphConfig::default(),
        &TopicsConfig::default(),
    )
}

/// The edge `from` states to `text`, by key and target text.
fn edge<'g>(graph: &'g Graph, from: &str, text: &str) -> &'g docket::graph::Edge {
    graph
        .edges
        .iter()
        .find(|e| graph.nodes[e.from].key == from && e.text.contains(text))
        .unwrap_or_else(|| panic!("no edge {from} → {text}: {:#?}", graph.edges))
}

fn target_key(graph: &Graph, e: &docket::graph::Edge) -> String {
    match &e.target {
        Target::Record { index } => graph.nodes[*index].key.clone(),
        other => format!("{other:?}"),
    }
}

#[test]
fn three_record_chain_resolves_to_its_head() {
    let graph = graph_of(&fixture("chain"));
    let keys: Vec<&str> = graph.nodes.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["0001", "0002", "0003"]);
    assert_eq!(graph.heads(0), [2]);
    assert_eq!(graph.heads(1), [2]);
    assert_eq!(graph.heads(2), [2]);
    assert_eq!(graph.supersessions(), [(1, 0), (2, 1)]);
    let (code, out, _) = docket(&fixture("chain"), &["graph", "--check"]);
    assert_eq!(code, 0, "{out}");
    insta::assert_snapshot!("chain_check", out);
}

#[test]
fn supersede_cycle_is_an_error() {
    let (code, out, _) = docket(&fixture("cycle"), &["graph", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        out.matches("DK603").count(),
        1,
        "one finding per cycle: {out}"
    );
    insta::assert_snapshot!("cycle_check", out);
}

#[test]
fn one_sided_supersede_of_an_accepted_record() {
    let (code, out, _) = docket(&fixture("one-sided"), &["graph", "--check"]);
    assert_eq!(code, 1, "{out}");
    // One-sided supersedes are lint's DK509 (which can fix them); DK602 reports amends only.
    assert!(!out.contains("DK602") && out.contains("DK605"), "{out}");
    insta::assert_snapshot!("one_sided_check", out);
}

#[test]
fn link_by_title_only_is_inferred() {
    let graph = graph_of(&fixture("title"));
    let e = edge(&graph, "ADR-002", "Use PostgreSQL");
    assert_eq!(target_key(&graph, e), "ADR-001");
    assert_eq!(e.evidence, Some(Evidence::Title));
    assert!(!e.explicit);
    assert_eq!(graph.ignored.len(), 1, "{:?}", graph.ignored);
    assert_eq!(graph.ignored[0].text, "The weather next Tuesday");
}

#[test]
fn each_link_form_resolves() {
    let graph = graph_of(&fixture("forms"));
    let cases = [
        // (from, target text, kind, resolved key, evidence)
        (
            "0004",
            "2. Transport",
            LinkKind::Amends,
            "0002",
            Some(Evidence::Path),
        ),
        (
            "0002",
            "5",
            LinkKind::SupersededBy,
            "0005",
            Some(Evidence::Number),
        ),
        (
            "0005",
            "2",
            LinkKind::Supersedes,
            "0002",
            Some(Evidence::Number),
        ),
        (
            "ADR-15",
            "4. API style",
            LinkKind::DependsOn,
            "0004",
            Some(Evidence::Path),
        ),
        (
            "ADR-15",
            "ADR-0016",
            LinkKind::Related,
            "ADR-016",
            Some(Evidence::Id),
        ),
        (
            "ADR-016",
            "adr-15",
            LinkKind::Related,
            "ADR-15",
            Some(Evidence::Id),
        ),
    ];
    for (from, text, kind, to, evidence) in cases {
        let e = edge(&graph, from, text);
        assert_eq!(e.kind, kind, "{from} → {text}");
        assert_eq!(target_key(&graph, e), to, "{from} → {text}");
        assert_eq!(e.evidence, evidence, "{from} → {text}");
    }
    let absent = edge(&graph, "ADR-15", "ADR-017");
    assert!(matches!(&absent.target, Target::Absent { label, .. } if label == "ADR-017"));
    let file = edge(&graph, "ADR-15", "Design notes");
    assert!(
        matches!(&file.target, Target::File { path, .. } if path.ends_with("sub/design-notes.md"))
    );
    assert!(
        graph.edges.iter().all(|e| !e.text.contains("BR-002")),
        "a business rule is not a record"
    );
    assert!(graph.ignored.iter().any(|i| i.text.contains("BR-002")));
    let (code, out, _) = docket(&fixture("forms"), &["graph", "--check"]);
    assert_eq!(code, 0, "{out}");
    insta::assert_snapshot!("forms_check", out);
}

#[test]
fn conflicting_decisions_by_topic() {
    let (code, out, _) = docket(&fixture("conflict"), &["graph", "--check"]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(out.matches("DK607").count(), 3, "{out}");
    insta::assert_snapshot!("conflict_check", out);
}

#[test]
fn orphans_are_opt_in() {
    let (_, out, _) = docket(&fixture("conflict"), &["graph", "--check"]);
    assert!(!out.contains("DK606"), "{out}");
    let (_, out, _) = docket(&fixture("conflict"), &["graph", "--check", "--orphans"]);
    assert_eq!(out.matches("DK606").count(), 5, "{out}");
}

#[test]
fn mermaid_labels_cannot_break_the_chart() {
    let (code, out, _) = docket(&fixture("mermaid"), &["graph", "--format", "mermaid"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("flowchart LR\n"));
    for line in out.lines().filter(|l| l.contains("[\"")) {
        let inner = line
            .split_once("[\"")
            .and_then(|(_, rest)| rest.strip_suffix("\"]"))
            .unwrap_or_else(|| panic!("node line not closed: {line}"));
        // Entity codes (`#35;`) are the only place `#` and `;` may appear.
        let mut plain = String::new();
        let mut rest = inner.replace("<br/>", " ");
        while let Some(i) = rest.find('#') {
            plain.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let digits = after.chars().take_while(char::is_ascii_digit).count();
            assert!(
                digits > 0 && after[digits..].starts_with(';'),
                "bare # in {line}"
            );
            rest = after[digits + 1..].to_string();
        }
        plain.push_str(&rest);
        for c in [
            '"', '[', ']', '<', '>', '|', '`', '{', '}', '(', ')', ';', '#',
        ] {
            assert!(!plain.contains(c), "unescaped `{c}` in {line}");
        }
    }
    insta::assert_snapshot!("mermaid_escaped", out);
}

// The skip note on stderr is the point when graphviz is missing.
#[allow(clippy::print_stderr)]
#[test]
fn dot_is_accepted_by_graphviz() {
    if Command::new("dot").arg("-V").output().is_err() {
        assert!(!ci(), "graphviz `dot` is required when CI=true");
        eprintln!("skipped: graphviz `dot` is not installed");
        return;
    }
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let dirs = [
        "chain",
        "cycle",
        "one-sided",
        "title",
        "forms",
        "conflict",
        "mermaid",
    ]
    .map(fixture)
    .into_iter()
    .chain([records]);
    for dir in dirs {
        let (code, dot, _) = docket(&dir, &["graph", "--format", "dot"]);
        assert_eq!(code, 0);
        let out = tempfile::NamedTempFile::new().unwrap();
        write(out.path(), &dot);
        let svg = Command::new("dot")
            .args(["-Tsvg"])
            .arg(out.path())
            .output()
            .unwrap();
        assert!(
            svg.status.success(),
            "dot rejected the graph of {}: {}\n{dot}",
            dir.display(),
            String::from_utf8_lossy(&svg.stderr)
        );
        assert!(String::from_utf8_lossy(&svg.stdout).contains("<svg"));
    }
    let (_, dot, _) = docket(&fixture("mermaid"), &["graph", "--format", "dot"]);
    insta::assert_snapshot!("mermaid_fixture_dot", dot);
}

#[test]
fn around_and_filters_pick_the_chain() {
    let (_, out, _) = docket(
        &fixture("forms"),
        &["graph", "--format", "json", "--around", "5"],
    );
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let labels: Vec<&str> = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["label"].as_str().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["0002", "0004", "0005"],
        "5's chain is 2, and 4 amends 2"
    );
    let (_, out, _) = docket(
        &fixture("forms"),
        &["graph", "--format", "dot", "--kind", "supersedes"],
    );
    assert_eq!(out.matches(" -> ").count(), 1, "{out}");
    assert!(out.contains("label=\"supersedes\""), "{out}");
    let (_, out, _) = docket(
        &fixture("chain"),
        &["graph", "--format", "mermaid", "--status", "accepted"],
    );
    assert_eq!(out.matches("[\"").count(), 1, "{out}");
    let (code, _, err) = docket(&fixture("chain"), &["graph", "--around", "ADR-99"]);
    assert_eq!(code, 2);
    assert!(err.contains("no record `ADR-99`"), "{err}");
}

#[test]
fn graph_text_and_json_are_stable() {
    let (code, text, _) = docket(&fixture("forms"), &["graph"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("forms_text", text);
    let (_, again, _) = docket(&fixture("forms"), &["graph"]);
    assert_eq!(text, again);
    let (_, json, _) = docket(&fixture("chain"), &["graph", "--format", "json"]);
    insta::assert_snapshot!("chain_json", json);
}

#[test]
fn show_prints_links_and_head() {
    let (code, out, _) = docket(&fixture("forms"), &["show", "adr-2"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("show_transport", out);
    let (code, out, _) = docket(&fixture("chain"), &["show", "0001-use-a-vps.md"]);
    assert_eq!(code, 0);
    assert!(out.contains("head     0003 Use a PaaS [accepted]"), "{out}");
    let (code, _, err) = docket(&fixture("chain"), &["show", "7"]);
    assert_eq!(code, 2);
    assert!(err.contains("no record `7`"), "{err}");
}

#[test]
fn list_formats() {
    let dir = fixture("chain");
    let (code, table, _) = docket(&dir, &["list"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("list_table", table);
    let (_, csv, _) = docket(&dir, &["list", "--format", "csv", "--sort", "title"]);
    insta::assert_snapshot!("list_csv_by_title", csv);
    let (_, md, _) = docket(
        &dir,
        &["list", ".", "--format", "markdown", "--sort", "date"],
    );
    insta::assert_snapshot!("list_markdown", md);
    let (_, json, _) = docket(&dir, &["list", "--format", "json", "--status", "accepted"]);
    let rows: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["title"], "Use a PaaS");
    let (_, tagged, _) = docket(
        &fixture("conflict"),
        &["list", "--format", "csv", "--tag", "DATABASE"],
    );
    assert_eq!(tagged.lines().count(), 2, "header and ADR-003: {tagged}");
    let (code, _, _) = docket(&dir, &["list", "--status", "maybe"]);
    assert_eq!(code, 2);
}

#[test]
fn missing_path_is_a_failure() {
    for cmd in ["graph", "list"] {
        let (code, _, err) = docket(&fixture("chain"), &[cmd, "no-such-folder"]);
        assert_eq!(code, 2, "{cmd}");
        assert!(err.contains("does not exist"), "{err}");
    }
}

#[test]
fn both_seeds_in_one_folder() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let files: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    assert_eq!(files.len(), 2, "both seeds: {files:?}");
    let tmp = tempfile::tempdir().unwrap();
    for f in &files {
        std::fs::copy(f, tmp.path().join(f.file_name().unwrap())).unwrap();
    }
    let (code, text, _) = docket(tmp.path(), &["graph", "--ext", "txt"]);
    assert_eq!(code, 0, "{text}");
    for want in [
        "split-from    → ADR-007  (absent",
        "related       → ADR-001  (absent",
        "related       → ADR-015  (absent",
        "related       → ADR-018  (absent",
        "related       → DR-002  (absent",
        "5 unresolved (absent)",
    ] {
        assert!(text.contains(want), "missing `{want}` in:\n{text}");
    }
    assert!(!text.contains("BR-"), "{text}");
    let (code, check, _) = docket(tmp.path(), &["graph", "--ext", "txt", "--check"]);
    assert_eq!(code, 0, "{check}");
    assert_eq!(check.matches("warning[DK601]").count(), 5, "{check}");
    assert!(!check.contains("DK607"), "no topic declared yet: {check}");
    write(
        &tmp.path().join("docket.toml"),
        "[topics]\nbackend = [\"DR-001\", \"ADR-016\"]\n",
    );
    let (code, check, _) = docket(tmp.path(), &["graph", "--ext", "txt", "--check"]);
    assert_eq!(code, 1, "{check}");
    assert!(
        check.contains(
            "`DR-001` chooses `Render` for `backend`, but accepted `ADR-016` chooses `Fly.io`"
        ),
        "{check}"
    );
}

#[test]
fn our_records_have_no_graph_errors() {
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    let (code, out, _) = docket(&records, &["graph", "--check"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("error["), "{out}");
    let graph = graph_of(&records);
    let at = |key: &str| graph.find(key)[0];
    assert_eq!(graph.heads(at("ADR-005")), [at("ADR-007")]);
    assert_eq!(graph.summary().unresolved, 0);
}

/// The hand-checked `links` of 40 corpus records (`tests/corpus_expected.toml`) against the parser.
#[test]
fn corpus_links_match_hand_checked() {
    let Some(corpus) = common::shared("corpus") else {
        return;
    };
    let expected = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus_expected.toml"),
    )
    .unwrap();
    let expected: toml::Value = toml::from_str(&expected).unwrap();
    let mut mismatches = Vec::new();
    let records = expected["record"].as_array().unwrap();
    for record in records {
        let path = record["path"].as_str().unwrap();
        let bytes = std::fs::read(corpus.join(path)).unwrap();
        let (text, _) = docket::corpus::decode_source(&bytes, path);
        let decision = docket::parse_record(&text, path).decision;
        // The hand-checked links are stated relations; mentions are tested apart.
        let mut got: Vec<String> = decision
            .links
            .iter()
            .filter(|l| l.kind.is_relation())
            .map(|l| {
                let t = &l.target;
                let target = t
                    .href
                    .clone()
                    .or_else(|| t.id.as_ref().map(|i| i.raw.clone()));
                let kind = match l.kind {
                    LinkKind::Other => format!("other:{}", l.verb.replace(' ', "-")),
                    k => k.as_str().to_string(),
                };
                format!("{kind} {}", target.unwrap_or_else(|| t.text.clone()))
            })
            .collect();
        let mut want: Vec<String> = record["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect();
        got.sort();
        want.sort();
        if got != want {
            mismatches.push(format!("{path}: want {want:?}, got {got:?}"));
        }
    }
    assert_eq!(records.len(), 40);
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

fn nygard_record(heading: &str, status: &str, context: &str) -> String {
    format!(
        "# {heading}\n\nDate: 2026-01-05\n\n## Status\n\n{status}\n\n## Context\n\n{context}\n\n## Decision\n\nWe will do it.\n\n## Consequences\n\nSome.\n"
    )
}

/// Issue 10: a file `0007-…` titled `# 8. …` is record 7 (the file name wins), and `show`
/// finds it by either number.
#[test]
fn issue_10_show_accepts_file_and_heading_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let adr = tmp.path().join("docs/adr");
    std::fs::create_dir_all(&adr).unwrap();
    write(
        &adr.join("0001-record-decisions.md"),
        &nygard_record("1. Record decisions", "Accepted", "We need a log."),
    );
    write(
        &adr.join("0007-use-redis.md"),
        &nygard_record("8. Use Redis", "Accepted", "Sessions are lost."),
    );
    for query in ["7", "8", "0007", "ADR-8"] {
        let (code, out, err) = docket(tmp.path(), &["show", query, "docs/adr"]);
        assert_eq!(code, 0, "show {query}: {out}{err}");
        assert!(out.starts_with("0007: Use Redis"), "show {query}: {out}");
    }
    let (code, out, _) = docket(tmp.path(), &["lint", "docs/adr"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("docket uses `0007`"), "{out}");
}

/// Issue 10: mentions (a relative link, a repository URL of a record, a bare id) are drawn as
/// `mention` edges, resolve the same from any working folder, and never report DK601, DK602 or
/// DK509, even when unresolved or one-sided.
#[test]
fn issue_10_mentions_need_no_reciprocity_from_any_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let adr = tmp.path().join("docs/adr");
    std::fs::create_dir_all(&adr).unwrap();
    write(
        &adr.join("0001-use-postgres.md"),
        &nygard_record(
            "1. Use Postgres",
            "Accepted",
            "Backups follow [ADR 2](0002-nightly-backups.md) and \
             [the backup record](https://github.com/acme/shop/blob/main/docs/adr/0002-nightly-backups.md); \
             ADR-0009 was never written.",
        ),
    );
    write(
        &adr.join("0002-nightly-backups.md"),
        &nygard_record(
            "2. Nightly backups",
            "Accepted",
            "Amends nothing; ADR 3 covers restores.",
        ),
    );
    write(
        &adr.join("0003-restore-drills.md"),
        &nygard_record("3. Restore drills", "Accepted", "Drills quarterly."),
    );
    for args in [
        &["graph", "--check", "docs/adr"][..],
        &["lint", "docs/adr"][..],
    ] {
        let (code, out, err) = docket(tmp.path(), args);
        assert_eq!(code, 0, "{args:?}: {out}{err}");
        for code in ["DK601", "DK602", "DK509", "DK608"] {
            assert!(!out.contains(code), "{args:?}: {out}");
        }
    }
    // The same graph from the repository root, the records' parent and the records' folder.
    let runs = [
        (tmp.path().to_path_buf(), "docs/adr"),
        (tmp.path().join("docs"), "adr"),
        (adr.clone(), "."),
    ];
    let mut seen: Vec<serde_json::Value> = Vec::new();
    for (dir, arg) in &runs {
        let (code, out, err) = docket(dir, &["graph", "--format", "json", arg]);
        assert_eq!(code, 0, "{err}");
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        let links: Vec<serde_json::Value> = json["links"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| serde_json::json!([l["from"], l["kind"], l["to"], l["evidence"], l["text"]]))
            .collect();
        seen.push(serde_json::json!({ "edges": json["edges"], "links": links }));
    }
    assert_eq!(seen[0], seen[1], "from the parent folder");
    assert_eq!(seen[0], seen[2], "from the records' folder");
    let edges = seen[0]["edges"].as_array().unwrap();
    let mentions: Vec<(&str, &str)> = edges
        .iter()
        .filter(|e| e["kind"] == "mention")
        .map(|e| (e["from"].as_str().unwrap(), e["to"].as_str().unwrap()))
        .collect();
    assert_eq!(mentions, [("n0", "n1"), ("n1", "n2")], "{edges:?}");
    let links = seen[0]["links"].as_array().unwrap();
    assert_eq!(
        links.len(),
        3,
        "the link, the URL and `ADR 3`; ADR-0009 names no record: {links:?}"
    );
    assert!(links.iter().all(|l| l[1] == "mention"));
    // Drawings tell mentions apart from relations.
    let (_, dot, _) = docket(tmp.path(), &["graph", "--format", "dot", "docs/adr"]);
    assert!(
        dot.contains("n0 -> n1 [label=\"mention\", style=dotted"),
        "{dot}"
    );
    let (_, mermaid, _) = docket(tmp.path(), &["graph", "--format", "mermaid", "docs/adr"]);
    assert!(mermaid.contains("n0 -.->|mention| n1"), "{mermaid}");
}
