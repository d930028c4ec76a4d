//! `docket serve`: serves a built site folder over HTTP (loopback unless asked otherwise),
//! watches the records and templates for changes, and tells open pages to reload after a
//! rebuild. Building is the caller's job, and so is printing: this module only reports.

use std::collections::BTreeMap;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, SystemTime};

use percent_encoding::percent_decode_str;
use tiny_http::{Header, Method, Request, Response, Server};
use walkdir::WalkDir;

use crate::error::{Error, Result};

/// The path open pages poll for the site's version, a counter bumped after each rebuild.
pub const VERSION_PATH: &str = "/__docket/version";

/// Added to every HTML page served (never to the built files): polls [`VERSION_PATH`] and
/// reloads the page when the version changes.
const RELOAD_SCRIPT: &str = "<script>/* docket serve: reload after a rebuild */(()=>{let seen=null;\
const poll=()=>fetch('/__docket/version',{cache:'no-store'}).then(r=>r.text()).then(v=>{\
if(seen!==null&&v!==seen){location.reload();}seen=v;}).catch(()=>{})\
.finally(()=>setTimeout(poll,1000));poll();})();</script>\n";

/// Where to listen and what to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The built site folder.
    pub site: PathBuf,
    /// The address to listen on; docket's default is loopback (`127.0.0.1`).
    pub bind: IpAddr,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The sub-path the site was built for (`/decisions/`); requests are served below it.
    pub base_path: Option<String>,
}

/// A server answering requests for one site folder on a thread of its own, until dropped.
pub struct SiteServer {
    server: Arc<Server>,
    version: Arc<AtomicU64>,
    handler: Option<JoinHandle<()>>,
    url: String,
}

impl SiteServer {
    /// Starts listening on `options.bind:options.port` and serving `options.site`, which must
    /// exist. Answers only GET and HEAD, and only with files inside the site folder.
    pub fn start(options: &ServeOptions) -> Result<SiteServer> {
        let address = SocketAddr::new(options.bind, options.port);
        let server = Server::http(address).map_err(|err| Error::Listen {
            address: address.to_string(),
            message: err.to_string(),
        })?;
        // A server started with `http` listens on an IP address: the one asked for, with
        // the port chosen when it was 0.
        let local = server.server_addr().to_ip().unwrap_or(address);
        let root = options.site.canonicalize().map_err(|source| Error::Io {
            path: options.site.clone(),
            source,
        })?;
        let base = super::base_path(options.base_path.as_deref())
            .filter(|b| b.starts_with('/'))
            .unwrap_or_else(|| "/".to_string());
        let url = format!("http://{local}{base}");
        let server = Arc::new(server);
        let version = Arc::new(AtomicU64::new(1));
        let site = ServedSite {
            root,
            base,
            version: Arc::clone(&version),
        };
        let listener = Arc::clone(&server);
        let handler = std::thread::spawn(move || {
            for request in listener.incoming_requests() {
                site.respond(request);
            }
        });
        Ok(SiteServer {
            server,
            version,
            handler: Some(handler),
            url,
        })
    }

    /// The site's address: `http://127.0.0.1:3000/` (with the base path, if any).
    #[must_use]
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The version open pages see at [`VERSION_PATH`].
    #[must_use]
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// Tells open pages to reload by bumping the version they poll.
    pub fn bump_version(&self) {
        self.version.fetch_add(1, Ordering::SeqCst);
    }
}

impl std::fmt::Debug for SiteServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SiteServer")
            .field("url", &self.url)
            .field("version", &self.version())
            .finish_non_exhaustive()
    }
}

impl Drop for SiteServer {
    fn drop(&mut self) {
        self.server.unblock();
        if let Some(handler) = self.handler.take() {
            // A panicked handler thread has nothing left to clean up.
            let _ = handler.join();
        }
    }
}

/// Every `interval`, asks `watch` which files changed and, if any did, calls `rebuild`
/// with them; when the rebuild succeeds, bumps the version so open pages reload. A failed
/// rebuild leaves the last good site in place. Runs until the process is stopped (Ctrl-C).
pub fn rebuild_on_change(
    server: &SiteServer,
    watch: &mut ChangeWatch,
    interval: Duration,
    mut rebuild: impl FnMut(&[PathBuf]) -> bool,
) -> ! {
    loop {
        std::thread::sleep(interval);
        let changed = watch.changes();
        if !changed.is_empty() && rebuild(&changed) {
            server.bump_version();
        }
    }
}

/// The files whose changes call for a rebuild (records folders, the templates folder, the
/// config file) and what they looked like when last checked. Hidden folders such as `.git`
/// are not watched.
#[derive(Debug, Clone)]
pub struct ChangeWatch {
    roots: Vec<PathBuf>,
    seen: Fingerprint,
}

/// Each file's modification time and length.
type Fingerprint = BTreeMap<PathBuf, (Option<SystemTime>, u64)>;

impl ChangeWatch {
    /// Watches the files and folders `roots` (missing ones are watched for appearing).
    #[must_use]
    pub fn new(roots: Vec<PathBuf>) -> ChangeWatch {
        let seen = fingerprint(&roots);
        ChangeWatch { roots, seen }
    }

    /// Whether a file was added, removed or changed since the last call (or since `new`).
    pub fn has_changed(&mut self) -> bool {
        !self.changes().is_empty()
    }

    /// The files added, removed or changed since the last call (or since `new`), sorted.
    pub fn changes(&mut self) -> Vec<PathBuf> {
        let now = fingerprint(&self.roots);
        if now == self.seen {
            return Vec::new();
        }
        let mut changed: Vec<PathBuf> = now
            .iter()
            .filter(|(path, seen)| self.seen.get(*path) != Some(seen))
            .map(|(path, _)| path.clone())
            .collect();
        changed.extend(
            self.seen
                .keys()
                .filter(|path| !now.contains_key(*path))
                .cloned(),
        );
        changed.sort();
        self.seen = now;
        changed
    }
}

fn fingerprint(roots: &[PathBuf]) -> Fingerprint {
    let mut files = Fingerprint::new();
    for root in roots {
        let walk = WalkDir::new(root)
            .follow_links(true)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walk.filter_map(std::result::Result::ok) {
            if let Ok(meta) = entry.metadata()
                && meta.is_file()
            {
                files.insert(entry.into_path(), (meta.modified().ok(), meta.len()));
            }
        }
    }
    files
}

/// What the request handler thread knows.
struct ServedSite {
    /// The site folder, canonical, so a resolved file must start with it.
    root: PathBuf,
    /// `/` or the base path (`/decisions/`).
    base: String,
    version: Arc<AtomicU64>,
}

/// The answer to one request.
#[derive(Debug, PartialEq, Eq)]
enum Reply {
    File(PathBuf),
    Redirect(String),
    Version,
    NotFound,
    NotAllowed,
}

impl ServedSite {
    fn respond(&self, request: Request) {
        let reply = match request.method() {
            Method::Get | Method::Head => self.route(request.url()),
            _ => Reply::NotAllowed,
        };
        let response = match reply {
            Reply::File(path) => match std::fs::read(&path) {
                Ok(bytes) => file_response(&path, bytes),
                Err(_) => text_response(404, "not found"),
            },
            Reply::Redirect(to) => text_response(302, "moved").with_header(header("Location", &to)),
            Reply::Version => text_response(200, &self.version.load(Ordering::SeqCst).to_string()),
            Reply::NotFound => text_response(404, "not found"),
            Reply::NotAllowed => text_response(405, "only GET and HEAD are served")
                .with_header(header("Allow", "GET, HEAD")),
        };
        // The browser may have gone away; there is no one left to tell.
        let _ = request.respond(response);
    }

    fn route(&self, url: &str) -> Reply {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        if path == VERSION_PATH {
            return Reply::Version;
        }
        let Some(rest) = path.strip_prefix(self.base.as_str()) else {
            let is_base_without_slash = self.base.strip_suffix('/') == Some(path);
            return if path == "/" || is_base_without_slash {
                Reply::Redirect(self.base.clone())
            } else {
                Reply::NotFound
            };
        };
        match resolve(&self.root, rest) {
            Resolved::File(file) => Reply::File(file),
            Resolved::Folder => Reply::Redirect(format!("{path}/")),
            Resolved::Missing => Reply::NotFound,
        }
    }
}

/// What a request path names inside the site folder.
#[derive(Debug, PartialEq, Eq)]
enum Resolved {
    /// A file inside the folder (a folder's `index.html` for a path ending in `/`).
    File(PathBuf),
    /// A folder asked for without the trailing `/` its pages' relative links need.
    Folder,
    /// Nothing, or something outside the folder.
    Missing,
}

/// The file the request path `rest` (below the base path, still percent-encoded) names in
/// `root` (canonical). `..` segments, encoded or not, name nothing; so does any path whose
/// canonical form (symlinks resolved) leaves `root`.
fn resolve(root: &Path, rest: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(rest).decode_utf8() else {
        return Resolved::Missing;
    };
    let mut path = root.to_path_buf();
    for part in decoded.split('/') {
        match part {
            "" | "." => {}
            ".." => return Resolved::Missing,
            // Separators and drive prefixes of other systems, and NUL, name nothing here.
            p if p.contains(['\\', ':', '\0']) => return Resolved::Missing,
            p => path.push(p),
        }
    }
    let inside = |p: &Path| p.canonicalize().ok().filter(|c| c.starts_with(root));
    let Some(found) = inside(&path) else {
        return Resolved::Missing;
    };
    if found.is_dir() {
        if !rest.is_empty() && !rest.ends_with('/') {
            return Resolved::Folder;
        }
        return inside(&found.join("index.html"))
            .filter(|p| p.is_file())
            .map_or(Resolved::Missing, Resolved::File);
    }
    if found.is_file() {
        Resolved::File(found)
    } else {
        Resolved::Missing
    }
}

/// The content type of a site file, from its extension.
fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "txt" | "md" => "text/plain; charset=utf-8",
        "pdf" => "application/pdf",
        _ => "application/octet-stream",
    }
}

/// `html` with the reload script added before its closing `</body>` (or at its end).
fn with_reload_script(html: &[u8]) -> Vec<u8> {
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + RELOAD_SCRIPT.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(RELOAD_SCRIPT.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

fn file_response(path: &Path, bytes: Vec<u8>) -> Response<std::io::Cursor<Vec<u8>>> {
    let kind = content_type(path);
    let bytes = if kind.starts_with("text/html") {
        with_reload_script(&bytes)
    } else {
        bytes
    };
    Response::from_data(bytes)
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-cache"))
}

fn text_response(status: u16, text: &str) -> Response<std::io::Cursor<Vec<u8>>> {
    Response::from_data(text.as_bytes().to_vec())
        .with_status_code(status)
        .with_header(header("Content-Type", "text/plain; charset=utf-8"))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .expect("header names and values here are ASCII without line breaks")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        crate::atomic_write::write_atomic(path, text.as_bytes()).expect("test file");
    }

    fn site() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("records")).expect("site folders");
        write(&root.join("index.html"), "<html><body>index</body></html>");
        write(&root.join("records/a.html"), "a");
        write(&dir.path().join("secret.txt"), "secret");
        let root = root.canonicalize().expect("canonical root");
        (dir, root)
    }

    #[test]
    fn request_paths_resolve_only_inside_the_site() {
        let (_dir, root) = site();
        let file = |rel: &str| Resolved::File(root.join(rel));
        let rows = [
            ("root is the index", "", file("index.html")),
            ("a page", "records/a.html", file("records/a.html")),
            ("encoded name", "records/%61.html", file("records/a.html")),
            ("folder without slash", "records", Resolved::Folder),
            ("folder without index", "records/", Resolved::Missing),
            ("missing file", "nope.html", Resolved::Missing),
            ("parent", "../secret.txt", Resolved::Missing),
            (
                "parent inside",
                "records/../../secret.txt",
                Resolved::Missing,
            ),
            ("encoded parent", "%2e%2e/secret.txt", Resolved::Missing),
            (
                "encoded parent, upper case",
                "%2E%2E/secret.txt",
                Resolved::Missing,
            ),
            (
                "encoded slash",
                "records%2f..%2f..%2fsecret.txt",
                Resolved::Missing,
            ),
            ("backslash", "..\\secret.txt", Resolved::Missing),
            ("drive prefix", "C:/secret.txt", Resolved::Missing),
            (
                "double slash is not absolute",
                "/records/a.html",
                file("records/a.html"),
            ),
            ("invalid UTF-8", "%ff", Resolved::Missing),
        ];
        for (name, rest, want) in rows {
            assert_eq!(resolve(&root, rest), want, "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_leaving_the_site_name_nothing() {
        let (dir, root) = site();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("link.txt"))
            .expect("symlink");
        std::os::unix::fs::symlink(dir.path(), root.join("up")).expect("symlink");
        assert_eq!(resolve(&root, "link.txt"), Resolved::Missing);
        assert_eq!(resolve(&root, "up/secret.txt"), Resolved::Missing);
    }

    #[test]
    fn routes_under_a_base_path() {
        let (_dir, root) = site();
        let served = ServedSite {
            root: root.clone(),
            base: "/decisions/".to_string(),
            version: Arc::new(AtomicU64::new(1)),
        };
        assert_eq!(
            served.route("/decisions/?q=db"),
            Reply::File(root.join("index.html"))
        );
        assert_eq!(
            served.route("/"),
            Reply::Redirect("/decisions/".to_string())
        );
        assert_eq!(
            served.route("/decisions"),
            Reply::Redirect("/decisions/".to_string())
        );
        assert_eq!(
            served.route("/decisions/records"),
            Reply::Redirect("/decisions/records/".to_string())
        );
        assert_eq!(served.route("/index.html"), Reply::NotFound);
        assert_eq!(served.route(VERSION_PATH), Reply::Version);
    }

    #[test]
    fn the_reload_script_goes_before_the_closing_body() {
        let html = with_reload_script(b"<html><BODY>x</BODY></html>");
        let html = String::from_utf8(html).expect("UTF-8");
        assert!(html.ends_with("</script>\n</BODY></html>"), "{html}");
        assert!(RELOAD_SCRIPT.contains(VERSION_PATH));
        let bare = String::from_utf8(with_reload_script(b"x")).expect("UTF-8");
        assert!(bare.starts_with("x<script>"));
    }

    #[test]
    fn content_types_follow_extensions() {
        let rows = [
            ("a.html", "text/html; charset=utf-8"),
            ("assets/style.CSS", "text/css; charset=utf-8"),
            ("assets/search.js", "text/javascript; charset=utf-8"),
            ("search-index.json", "application/json"),
            ("graph.svg", "image/svg+xml"),
            ("logo.png", "image/png"),
            ("blob", "application/octet-stream"),
        ];
        for (path, want) in rows {
            assert_eq!(content_type(Path::new(path)), want, "{path}");
        }
    }

    #[test]
    fn a_watch_sees_added_changed_and_removed_files() {
        let dir = tempfile::tempdir().expect("temp dir");
        let record = dir.path().join("0001-a.md");
        write(&record, "# A");
        let mut watch = ChangeWatch::new(vec![dir.path().to_path_buf()]);
        assert!(!watch.has_changed());
        write(&record, "# A, longer");
        assert!(watch.has_changed());
        assert!(!watch.has_changed());
        std::fs::create_dir(dir.path().join(".git")).expect("hidden folder");
        write(&dir.path().join(".git/HEAD"), "x");
        assert!(!watch.has_changed(), "hidden folders are not watched");
        std::fs::remove_file(&record).expect("remove");
        assert!(watch.has_changed());
    }
}
