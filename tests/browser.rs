//! The issue-11 browser test: the real binary builds the site of `records/` plus one hostile
//! record of ours, docket's own server (`SiteServer`) serves it on 127.0.0.1, and headless Chromium, driven by
//! `tests/browser/site.spec.mjs` (playwright-core), searches, follows links, looks for the chart
//! and the supersede banner, checks that nothing runs or leaves localhost, and takes screenshots.

use std::io::Write;
use std::net::IpAddr;
use std::path::{Path, PathBuf};
use std::process::Command;

use assert_cmd::Command as Cmd;
use docket::site::{ServeOptions, SiteServer};

/// A record of our own with HTML that would run script if the site did not sanitise it.
const HOSTILE: &str = "# 99. Untrusted HTML in a record

Status: Accepted

## Context

A record can hold raw HTML. <script>alert(1)</script> None of it may run on the site.

<img src=x onerror=alert(2)>

## Decision

Sanitise every record; this [click](javascript:alert(3)) link must lead nowhere.
";

/// The hostile record's page, relative to the site root.
const HOSTILE_PAGE: &str = "records/0099-untrusted-html.html";

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true" || v == "1")
}

/// The first thing the browser test needs that this machine lacks, if any.
fn missing_tool(chromium: &Path) -> Option<String> {
    if !chromium.is_file() {
        return Some(format!("{} (Debian package chromium)", chromium.display()));
    }
    let node = Command::new("node").arg("--version").output();
    if !node.is_ok_and(|o| o.status.success()) {
        return Some("node".to_owned());
    }
    let driver = manifest_dir().join("tests/browser/node_modules/playwright-core/package.json");
    if !driver.is_file() {
        return Some("playwright-core (npm ci --prefix tests/browser)".to_owned());
    }
    None
}

/// Copies every file of `from` into `to`, keeping the folder layout.
fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("records are readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside the walk"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("temp folder is writable");
        } else {
            std::fs::copy(entry.path(), &target).expect("temp folder is writable");
        }
    }
}

/// Serves the files under `root` on an ephemeral 127.0.0.1 port until the test process ends;
/// returns the site's URL, ending in `/`.
// The skip note and the script's report on stderr are the point of this test's output.
#[allow(clippy::print_stderr)]
#[test]
fn issue_11_site_in_headless_chromium() {
    let chromium = std::env::var_os("DOCKET_CHROMIUM")
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from);
    if let Some(missing) = missing_tool(&chromium) {
        assert!(
            !in_ci(),
            "the browser test needs {missing} when CI=true (.ci/run installs it)"
        );
        eprintln!("note: skipping the browser test, {missing} is missing");
        return;
    }

    let dir = tempfile::tempdir().expect("temp folder");
    let records = dir.path().join("records");
    copy_tree(&manifest_dir().join("records"), &records);
    let mut hostile = std::fs::File::create(records.join("0099-untrusted-html.md"))
        .expect("temp folder is writable");
    hostile
        .write_all(HOSTILE.as_bytes())
        .expect("temp folder is writable");
    let site = dir.path().join("site");
    Cmd::cargo_bin("docket")
        .expect("binary builds")
        .arg("build")
        .arg(&records)
        .arg("--out")
        .arg(&site)
        .assert()
        .success();
    assert!(
        site.join(HOSTILE_PAGE).is_file(),
        "the hostile record has a page"
    );

    // docket's own server, as `docket serve` runs it (loopback only, files of the site only).
    let server = SiteServer::start(&ServeOptions {
        site,
        bind: IpAddr::from([127, 0, 0, 1]),
        port: 0,
        base_path: None,
    })
    .expect("docket serves the site on a free loopback port");
    let url = server.url().to_string();
    let screenshots = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the temp folder sits in the target folder")
        .join("browser-screenshots");
    let out = Command::new("node")
        .arg(manifest_dir().join("tests/browser/site.spec.mjs"))
        .env("DOCKET_SITE_URL", &url)
        .env("DOCKET_SCREENSHOTS", &screenshots)
        .env("DOCKET_CHROMIUM", &chromium)
        .env("DOCKET_XSS_PAGE", HOSTILE_PAGE)
        .current_dir(manifest_dir().join("tests/browser"))
        .output()
        .expect("node runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    eprintln!("{stdout}{stderr}");
    assert!(
        out.status.success(),
        "the browser checks failed:\n{stdout}{stderr}"
    );
}
