//! `docket serve` end to end (#11): the real binary on a free port in a temp copy of a fixture
//! folder, asked over plain HTTP. Every wait has a generous deadline and the child is killed
//! on drop, so a broken server fails the test instead of hanging it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use tempfile::TempDir;

/// How long any one thing may take before the test gives up.
const DEADLINE: Duration = Duration::from_secs(60);

/// A running `docket serve`, killed when dropped.
struct Served {
    child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    /// `127.0.0.1:PORT`.
    address: String,
}

impl Served {
    /// Starts `docket serve records --port 0 ARGS…` in `dir` and waits for its URL.
    fn start(dir: &Path, args: &[&str]) -> Served {
        let mut child = Command::new(assert_cmd::cargo::cargo_bin("docket"))
            .current_dir(dir)
            .args(["serve", "records", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("docket starts");
        let stdout = lines(child.stdout.take().expect("piped stdout"));
        let stderr = lines(child.stderr.take().expect("piped stderr"));
        let mut served = Served {
            child,
            stdout,
            stderr,
            address: String::new(),
        };
        let line = served.wait_for_stdout("Serving ");
        assert!(
            line.starts_with("Serving site/ at http://127.0.0.1:")
                && line.ends_with("(Ctrl-C to stop)"),
            "{line}"
        );
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://"))
            .expect("a URL");
        served.address = url
            .trim_start_matches("http://")
            .trim_end_matches('/')
            .to_string();
        served
    }

    fn wait_for_stdout(&self, prefix: &str) -> String {
        wait_for_line(&self.stdout, prefix, "stdout")
    }

    fn wait_for_stderr(&self, text: &str) -> String {
        wait_for_line(&self.stderr, text, "stderr")
    }

    /// The status and body of `GET target`, the target sent exactly as written.
    fn get(&self, target: &str) -> (u16, String) {
        let mut stream = TcpStream::connect(&self.address).expect("server accepts");
        stream
            .set_read_timeout(Some(DEADLINE))
            .expect("read timeout");
        write!(
            stream,
            "GET {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
            self.address
        )
        .expect("request sent");
        let mut response = Vec::new();
        stream.read_to_end(&mut response).expect("response read");
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").expect("a header block");
        let status = head
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("a status code");
        (status, body.to_string())
    }

    /// Polls `target` until its body satisfies `done`; returns that body.
    fn poll(&self, target: &str, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let (status, body) = self.get(target);
            if status == 200 && done(&body) {
                return body;
            }
            assert!(start.elapsed() < DEADLINE, "gave up waiting for {what}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        // Already exited is fine: the point is that nothing outlives the test.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The lines of a child's stream, read on a thread so that waiting can time out.
fn lines(stream: impl Read + Send + 'static) -> Receiver<String> {
    let (send, receive) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    receive
}

fn wait_for_line(lines: &Receiver<String>, text: &str, name: &str) -> String {
    let start = Instant::now();
    loop {
        let left = DEADLINE.saturating_sub(start.elapsed());
        match lines.recv_timeout(left) {
            Ok(line) if line.contains(text) => return line,
            Ok(_) => {}
            Err(err) => panic!("no line with `{text}` on {name}: {err}"),
        }
    }
}

fn write(path: &Path, text: &str) {
    docket::atomic_write::write_atomic(path, text.as_bytes()).expect("test file written");
}

/// A temp folder holding `records/`, a copy of the site fixture corpus.
fn workspace() -> TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/corpora/site");
    std::fs::create_dir(dir.path().join("records")).expect("records folder");
    for entry in std::fs::read_dir(fixtures).expect("fixture folder") {
        let path = entry.expect("fixture entry").path();
        let name = path.file_name().expect("a file name");
        std::fs::copy(&path, dir.path().join("records").join(name)).expect("fixture copied");
    }
    // Something outside the site folder that must never be served.
    write(&dir.path().join("secret.txt"), "do not serve me");
    dir
}

const RECORD: &str = "/records/0002-queue-retention.html";

#[test]
fn issue_11_serve_serves_the_site_and_nothing_outside_it() {
    let dir = workspace();
    let served = Served::start(dir.path(), &[]);

    let (status, index) = served.get("/");
    assert_eq!(status, 200);
    assert!(
        index.contains("Keep queue messages for seven days"),
        "{index}"
    );
    assert!(
        index.contains("/__docket/version"),
        "served pages get the reload script"
    );
    let (status, page) = served.get(RECORD);
    assert_eq!(status, 200);
    assert!(page.contains("Keep messages for seven days."), "{page}");
    let (status, _) = served.get("/assets/style.css");
    assert_eq!(status, 200);

    for target in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/secret.txt",
        "/records/..%2f..%2fsecret.txt",
        "/..\\secret.txt",
        "/nope.html",
    ] {
        let (status, body) = served.get(target);
        assert!(matches!(status, 403 | 404), "{target}: {status}");
        assert!(!body.contains("do not serve me"), "{target} leaked a file");
    }

    let built = std::fs::read_to_string(dir.path().join("site/index.html")).expect("built index");
    assert!(
        !built.contains("__docket"),
        "the reload script is added when serving, never written to the site"
    );
}

#[test]
fn issue_11_serve_rebuilds_on_change_and_keeps_the_last_good_site() {
    let dir = workspace();
    let templates = dir.path().join("templates");
    std::fs::create_dir(&templates).expect("templates folder");
    let served = Served::start(dir.path(), &["--templates", "templates"]);
    let (_, first) = served.get("/__docket/version");

    // An edited record: the version moves on and the page shows the new text.
    let record = dir.path().join("records/0002-queue-retention.md");
    let text = std::fs::read_to_string(&record).expect("record");
    write(
        &record,
        &text.replace(
            "Keep messages for seven days.",
            "Keep messages for thirty days.",
        ),
    );
    served.wait_for_stdout("Rebuilt ");
    let second = served.poll("/__docket/version", "a new version", |v| v != first);
    served.poll(RECORD, "the edited text", |page| {
        page.contains("Keep messages for thirty days.")
    });

    // A template that does not compile: the error is printed and the last good site stays.
    write(&templates.join("record.html"), "{% if %}");
    served.wait_for_stderr("still serving the last good site");
    let (status, page) = served.get(RECORD);
    assert_eq!(status, 200);
    assert!(page.contains("Keep messages for thirty days."), "{page}");
    assert_eq!(served.get("/__docket/version").1, second);

    // Fixed again: the site is rebuilt from the user's template.
    write(
        &templates.join("record.html"),
        "<html><body>custom {{ page.record.title }}</body></html>",
    );
    served.poll(RECORD, "the fixed template", |page| {
        page.contains("custom ")
    });
}
