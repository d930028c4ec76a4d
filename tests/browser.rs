//! The issue-11 browser test: the real binary builds the site of `records/` plus one hostile
//! record of ours, a small file server serves it on 127.0.0.1, and headless Chromium, driven by
//! `tests/browser/site.spec.mjs` (playwright-core), searches, follows links, looks for the chart
//! and the supersede banner, checks that nothing runs or leaves localhost, and takes screenshots.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::process::Command;
use std::thread;
use std::time::Duration;

use assert_cmd::Command as Cmd;

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
fn serve(root: PathBuf) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port is free");
    let url = format!("http://{}/", listener.local_addr().expect("bound"));
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let root = root.clone();
            // A connection per thread: Chromium opens idle speculative sockets.
            thread::spawn(move || answer(&root, stream));
        }
    });
    url
}

/// Answers one GET request with the file it names, or 404.
fn answer(root: &Path, mut stream: TcpStream) {
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("socket accepts a timeout");
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Drain the headers; none of them changes the answer.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("/");
    let (status, kind, body) = match file_for(root, target) {
        Some(path) => match std::fs::read(&path) {
            Ok(body) => ("200 OK", content_type(&path), body),
            Err(_) => ("404 Not Found", "text/plain", b"not found".to_vec()),
        },
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    // The browser may have gone away; nothing to do then.
    let _ = stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(&body));
}

/// The file a request target names under `root`: query dropped, `%XX` decoded, a folder's
/// `index.html`; `None` for anything that would step outside `root`.
fn file_for(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let decoded = percent_decode(path)?;
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "md" | "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[test]
fn percent_decode_table() {
    let rows: [(&str, &str, Option<&str>); 4] = [
        ("plain path", "/records/a.html", Some("/records/a.html")),
        ("escaped space", "/a%20b.html", Some("/a b.html")),
        ("escaped UTF-8", "/caf%C3%A9.html", Some("/café.html")),
        ("truncated escape", "/a%2", None),
    ];
    for (name, input, expected) in rows {
        assert_eq!(percent_decode(input).as_deref(), expected, "{name}");
    }
}

#[test]
fn file_for_stays_inside_the_root() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("records")).unwrap();
    std::fs::File::create(dir.path().join("index.html")).unwrap();
    let root = dir.path();
    assert_eq!(file_for(root, "/"), Some(root.join("index.html")));
    assert_eq!(
        file_for(root, "/index.html?q=x"),
        Some(root.join("index.html"))
    );
    assert_eq!(file_for(root, "/../etc/passwd"), None);
    assert_eq!(file_for(root, "/%2e%2e/etc/passwd"), None);
    assert_eq!(file_for(root, "/records/missing.html"), None);
}

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

    let url = serve(site);
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
