//! `docket build` end to end: the real binary writes a site into a temp folder. The `<main>`
//! of each seed's page is snapshotted (the page chrome is not), output is byte-stable, HTML in
//! records cannot run script, user templates replace built-ins, and the output folder rules
//! (never around the records, never into a folder docket did not make) hold.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use assert_cmd::Command as Cmd;

const FIXTURE: &str = "tests/fixtures/corpora/site";

fn docket() -> Cmd {
    let mut cmd = Cmd::cargo_bin("docket").expect("binary builds");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Runs `docket ARGS` from the crate folder; returns (exit code, stdout, stderr).
fn run(args: &[&str]) -> (i32, String, String) {
    let out = docket().args(args).output().expect("docket runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

/// Every file of a folder by relative path.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(dir).unwrap();
            out.insert(
                rel.to_string_lossy().replace('\\', "/"),
                std::fs::read(entry.path()).unwrap(),
            );
        }
    }
    out
}

/// The `<main>` element of a page.
fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page closes <main>") + "</main>".len();
    &html[start..end]
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn readme_command_builds_the_records_site() {
    // The README's first command, with the output moved into a temp folder.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, stdout, stderr) = run(&["build", "records", "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.contains(&format!("open {}", out.join("index.html").display())),
        "{stdout}"
    );
    for page in [
        "index.html",
        "graph.html",
        "timeline.html",
        "platforms.html",
        "search-index.json",
        "assets/style.css",
        "assets/search.js",
        super_marker(),
    ] {
        assert!(out.join(page).is_file(), "{page} missing");
    }
    let dr1 = read(&out.join("records/dr-001-backend-hosting.html"));
    assert!(
        dr1.contains("<svg role=\"img\" aria-label=\"Computed totals by option\""),
        "criteria chart"
    );
    assert!(dr1.contains("Cost comparison"));
    assert!(
        dr1.contains("href=\"../records/adr-006-backend-on-railway.html\""),
        "record links point at pages"
    );
    let adr6 = read(&out.join("records/adr-006-backend-on-railway.html"));
    assert!(adr6.contains("class=\"banner\""), "superseded banner");
    assert!(
        adr6.contains("adr-007-backend-on-render.html"),
        "banner names the current record"
    );
    let graph = read(&out.join("graph.html"));
    assert!(
        graph.contains("class=\"node status-accepted\"") && graph.contains("· Accepted"),
        "nodes coloured and labelled by status"
    );
    let index = read(&out.join("index.html"));
    assert!(index.contains("id=\"search\"") && index.contains("search-index.js"));
    assert!(
        !index.contains("http://") && !index.contains("https://"),
        "no asset from the network"
    );
}

/// The README's first command, exactly: `build records` with the default output folder. It
/// runs in a temp folder whose `records` links to ours, so `site/` lands there.
#[cfg(unix)]
#[test]
fn the_readme_command_exactly() {
    let tmp = tempfile::tempdir().unwrap();
    let records = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
    std::os::unix::fs::symlink(&records, tmp.path().join("records")).unwrap();
    let out = Cmd::cargo_bin("docket")
        .unwrap()
        .current_dir(tmp.path())
        .args(["build", "records"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("open site/index.html"), "{stdout}");
    assert!(tmp.path().join("site/index.html").is_file());
    assert!(!records.join("site").exists());
}

fn super_marker() -> &'static str {
    docket::site::MARKER
}

#[test]
fn seed_pages_snapshot() {
    let Some(seeds) = common::shared("seeds") else {
        return;
    };
    let mut names: Vec<PathBuf> = std::fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name().is_some_and(|n| {
                n.to_string_lossy().starts_with("000_") || n.to_string_lossy().starts_with("003_")
            })
        })
        .collect();
    names.sort();
    assert_eq!(names.len(), 2, "both seeds in {}", seeds.display());
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    // Seeds are named by path relative to the crate, so the snapshot does not depend on where
    // the checkout is.
    let rel: Vec<String> = names
        .iter()
        .map(|p| {
            format!(
                "../shared/seeds/{}",
                p.file_name().unwrap().to_string_lossy()
            )
        })
        .collect();
    let mut args = vec!["build", "--out", path_str(&out)];
    args.extend(rel.iter().map(String::as_str));
    let (code, _, stderr) = run(&args);
    assert_eq!(code, 0, "{stderr}");
    for name in &names {
        let stem = name.file_stem().unwrap().to_string_lossy().to_lowercase();
        let slug: String = stem
            .chars()
            .map(|c| if c.is_alphanumeric() { c } else { '-' })
            .collect();
        let page = read(&out.join(format!("records/{slug}.html")));
        let main = main_of(&page);
        let source = read(name);
        if source.contains("|---") || source.contains("| ---") {
            assert!(main.contains("<table>"), "{slug}: tables intact");
        }
        if source.contains("```") {
            assert!(main.contains("<pre><code"), "{slug}: code blocks intact");
        }
        assert!(main.contains("✅"), "{slug}: emoji intact");
        insta::assert_snapshot!(format!("seed_page_{}", &slug[..3]), main);
    }
}

#[test]
fn the_site_is_byte_for_byte_deterministic() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for out in [&a, &b] {
        let (code, _, stderr) = run(&["build", "records", "--out", path_str(out)]);
        assert_eq!(code, 0, "{stderr}");
    }
    assert_eq!(files(&a), files(&b));
    // A rebuild in place writes the same bytes and removes nothing.
    let (code, stdout, _) = run(&["build", "records", "--out", path_str(&a)]);
    assert_eq!(code, 0);
    assert!(!stdout.contains("stale"), "{stdout}");
    assert_eq!(files(&a), files(&b));
}

#[test]
fn html_in_records_cannot_run_script() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, _, stderr) = run(&["build", FIXTURE, "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let pages: Vec<(String, String)> = files(&out)
        .into_iter()
        .filter(|(k, _)| Path::new(k).extension().is_some_and(|e| e == "html"))
        .map(|(k, v)| (k, String::from_utf8(v).unwrap()))
        .collect();
    assert!(pages.len() >= 6);
    for (name, html) in &pages {
        let lower = html.to_lowercase();
        assert!(!lower.contains("<script>alert"), "{name}: script tag");
        assert!(!lower.contains("onerror"), "{name}: onerror attribute");
        assert!(!lower.contains("javascript:"), "{name}: javascript: link");
    }
    let page = &pages
        .iter()
        .find(|(k, _)| k == "records/0001-xss.html")
        .unwrap()
        .1;
    assert!(
        page.contains("<h1>Pick a queue"),
        "the title is shown without its markup"
    );
    assert!(page.contains("href=\"../records/0002-queue-retention.html\""));
    let retention = &pages
        .iter()
        .find(|(k, _)| k == "records/0002-queue-retention.html")
        .unwrap()
        .1;
    assert!(
        retention.contains("class=\"language-toml\""),
        "code keeps its language class"
    );
}

#[test]
fn user_templates_replace_built_ins() {
    let tmp = tempfile::tempdir().unwrap();
    let templates = tmp.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    docket::atomic_write::write_atomic(
        &templates.join("timeline.html"),
        b"{% extends \"base.html\" %}{% block main %}<p>Custom timeline of {{ site.records }}</p>{% endblock main %}",
    )
    .unwrap();
    let out = tmp.path().join("site");
    let (code, _, stderr) = run(&[
        "build",
        FIXTURE,
        "--out",
        path_str(&out),
        "--templates",
        path_str(&templates),
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(read(&out.join("timeline.html")).contains("<p>Custom timeline of 2</p>"));
    assert!(
        read(&out.join("index.html")).contains("0001-xss.html"),
        "other pages keep the built-ins"
    );

    // A template that does not compile is a failure naming it.
    docket::atomic_write::write_atomic(&templates.join("graph.html"), b"{% if %}").unwrap();
    let (code, _, stderr) = run(&[
        "build",
        FIXTURE,
        "--out",
        path_str(&out),
        "--templates",
        path_str(&templates),
    ]);
    assert_eq!(code, 2);
    assert!(stderr.contains("template"), "{stderr}");
}

#[test]
fn the_output_folder_is_never_around_the_records() {
    for out in [
        FIXTURE,
        "tests/fixtures/corpora",
        "tests/fixtures/corpora/site/site",
    ] {
        let (code, _, stderr) = run(&["build", FIXTURE, "--out", out]);
        assert_eq!(code, 2, "--out {out}");
        assert!(stderr.contains("refusing to write the site"), "{stderr}");
    }
    let (code, _, stderr) = run(&["build", "records", "--out", "records"]);
    assert_eq!(code, 2, "{stderr}");
}

#[test]
fn a_folder_docket_did_not_make_needs_force_and_stale_pages_go() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    std::fs::create_dir_all(&out).unwrap();
    docket::atomic_write::write_atomic(&out.join("notes.txt"), b"mine").unwrap();
    let (code, _, stderr) = run(&["build", FIXTURE, "--out", path_str(&out)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    let (code, _, stderr) = run(&["build", FIXTURE, "--out", path_str(&out), "--force"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(out.join("records/0002-queue-retention.html").is_file());

    // Rebuilding from one record removes the other's page but not the user's file.
    let one = format!("{FIXTURE}/0001-xss.md");
    let (code, stdout, stderr) = run(&["build", &one, "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("stale file(s) removed"), "{stdout}");
    assert!(!out.join("records/0002-queue-retention.html").exists());
    assert!(out.join("notes.txt").is_file());
}

#[test]
fn templates_export_writes_the_defaults_once() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("t");
    let (code, stdout, stderr) = run(&["templates", "export", path_str(&dir)]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Wrote"), "{stdout}");
    for (name, source) in docket::site::BUILT_IN {
        assert_eq!(read(&dir.join(name)), *source, "{name}");
    }
    let (code, _, stderr) = run(&["templates", "export", path_str(&dir)]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--force"), "{stderr}");
    let (code, _, _) = run(&["templates", "export", path_str(&dir), "--force"]);
    assert_eq!(code, 0);
}

#[test]
fn issue_11_a_record_mentioned_many_times_is_listed_once() {
    // ADR-007 mentions DR-001 three times; DR-001's "Incoming" listed it three times.
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, _, stderr) = run(&["build", "records", "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let dr1 = read(&out.join("records/dr-001-backend-hosting.html"));
    let incoming = dr1
        .split("<h3>Incoming</h3>")
        .nth(1)
        .and_then(|rest| rest.split("</ul>").next())
        .expect("DR-001 lists incoming links");
    let mentions_by_adr7 = incoming
        .split("<li ")
        .filter(|li| {
            li.starts_with("class=\"mention\"") && li.contains("adr-007-backend-on-render")
        })
        .count();
    assert_eq!(mentions_by_adr7, 1, "{incoming}");
}

/// Writes a test file.
fn put(path: &Path, text: impl AsRef<[u8]>) {
    docket::atomic_write::write_atomic(path, text.as_ref()).unwrap();
}

#[test]
fn issue_11_local_files_are_copied_and_nothing_outside_the_repository() {
    // A repository (a `.git` folder) with records in `docs/adr`, an image beside them, a notes
    // file at the root, and a secret next to the repository that a record tries to reach.
    let tmp = tempfile::tempdir().unwrap();
    let repo = tmp.path().join("repo");
    let adr = repo.join("docs/adr");
    std::fs::create_dir_all(repo.join(".git")).unwrap();
    std::fs::create_dir_all(adr.join("img")).unwrap();
    put(&adr.join("img/flow chart.png"), b"PNG bytes");
    put(&repo.join("NOTES.txt"), b"notes");
    put(&tmp.path().join("secret.txt"), b"top secret");
    put(
        &adr.join("0001-pick-a-broker.md"),
        "# 1. Pick a broker\n\nStatus: Accepted\n\n## Context\n\n\
         ![Flow](img/flow%20chart.png) See [the notes](../../NOTES.txt#queues), \
         [the secret](../../../secret.txt), [passwords](/etc/passwd), \
         ![missing](img/none.png) and [the next one](0002-keep-it.md).\n",
    );
    put(
        &adr.join("0002-keep-it.md"),
        "# 2. Keep it\n\nStatus: Accepted\n\n## Context\n\nNothing.\n",
    );
    let out = tmp.path().join("site");
    let (code, _, stderr) = run(&["build", path_str(&adr), "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let site = files(&out);
    assert_eq!(
        site.get("records/files/docs/adr/img/flow chart.png")
            .map(Vec::as_slice),
        Some(&b"PNG bytes"[..])
    );
    assert_eq!(
        site.get("records/files/NOTES.txt").map(Vec::as_slice),
        Some(&b"notes"[..])
    );
    assert!(
        site.values().all(|bytes| bytes != b"top secret"),
        "nothing outside the repository is copied"
    );
    let page = read(&out.join("records/0001-pick-a-broker.html"));
    let main = main_of(&page);
    assert!(
        main.contains("src=\"files/docs/adr/img/flow%20chart.png\""),
        "{main}"
    );
    assert!(main.contains("href=\"files/NOTES.txt#queues\""), "{main}");
    assert!(
        main.contains("href=\"../records/0002-keep-it.html\""),
        "{main}"
    );
    for gone in ["secret.txt", "/etc/passwd", "none.png"] {
        assert!(!main.contains(gone), "{gone} is still linked: {main}");
    }
    assert!(
        main.contains("<a rel=\"noopener noreferrer\">the secret</a>"),
        "the link text stays, inert: {main}"
    );

    // With a repository URL, other files are linked there; images are still copied.
    let config = tmp.path().join("docket.toml");
    put(
        &config,
        "[site]\nrepository_url = \"https://code.example.org/acme/broker/blob/main\"\n",
    );
    let (code, _, stderr) = run(&[
        "build",
        path_str(&adr),
        "--out",
        path_str(&out),
        "--config",
        path_str(&config),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let page = read(&out.join("records/0001-pick-a-broker.html"));
    assert!(
        page.contains("href=\"https://code.example.org/acme/broker/blob/main/NOTES.txt#queues\""),
        "{page}"
    );
    assert!(page.contains("src=\"files/docs/adr/img/flow%20chart.png\""));
    assert!(
        !out.join("records/files/NOTES.txt").exists(),
        "a stale copy is removed"
    );
}

#[test]
fn issue_11_graph_draws_chains_left_to_right_without_overlaps() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let (code, stdout, stderr) = run(&["build", "records", "--out", path_str(&out)]);
    assert_eq!(code, 0, "{stderr}");
    let graph = read(&out.join("graph.html"));
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).expect("attribute") + name.len() + 3;
        tag[at..tag[at..].find('"').unwrap() + at].parse().unwrap()
    };
    // (key, x, y, w, h) of each node box.
    let boxes: Vec<(String, f64, f64, f64, f64)> = graph
        .split("<g class=\"node ")
        .skip(1)
        .map(|node| {
            let rect = &node[node.find("<rect").unwrap()..];
            let rect = &rect[..rect.find('>').unwrap()];
            let key = node
                .split("<title>")
                .nth(1)
                .unwrap()
                .split(':')
                .next()
                .unwrap();
            (
                key.to_string(),
                attr(rect, "x"),
                attr(rect, "y"),
                attr(rect, "width"),
                attr(rect, "height"),
            )
        })
        .collect();
    let records: usize = stdout
        .split(" for ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the build says how many records");
    assert_eq!(boxes.len(), records, "one node per record");
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let apart =
                a.1 + a.3 <= b.1 || b.1 + b.3 <= a.1 || a.2 + a.4 <= b.2 || b.2 + b.4 <= a.2;
            assert!(apart, "{} and {} overlap", a.0, b.0);
        }
    }
    let x = |key: &str| boxes.iter().find(|b| b.0 == key).unwrap().1;
    assert!(
        x("ADR-005") < x("ADR-006") && x("ADR-006") < x("ADR-007"),
        "older to newer"
    );
    let columns: std::collections::BTreeSet<i64> = boxes.iter().map(|b| b.1 as i64).collect();
    assert!(
        columns.len() >= 3,
        "records spread over columns: {columns:?}"
    );
    // Each node is labelled with its status in words, not colour alone.
    assert!(graph.contains("ADR-005 · Superseded"));
}
