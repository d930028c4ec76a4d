//! Local files a record links to: images are copied into the site under `records/files/`,
//! other files are linked through `[site] repository_url` when it is set (copied otherwise),
//! and anything outside the records' repository root, absolute or missing is made inert.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};

/// Where copied files go, relative to the record pages' folder.
const FILES_DIR: &str = "files";

/// Bytes left alone when a path segment is written into a link.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// What a record's local link or image becomes on its page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Rewrite {
    /// Leave the attribute as it is (not a local path, or a link between records).
    Keep,
    /// Replace the attribute's value (an attribute value, escaped).
    Value(String),
    /// Remove the attribute: the link or image points at nothing.
    Drop,
}

/// The files copied for every record page, and the repository roots found on the way.
#[derive(Debug, Default)]
pub(crate) struct LocalFiles {
    /// `[site] repository_url`: where files other than images are linked, when set.
    pub(crate) repository_url: Option<String>,
    /// Site path → bytes.
    pub(crate) files: BTreeMap<String, Vec<u8>>,
    roots: BTreeMap<PathBuf, Option<PathBuf>>,
}

/// The repository root of a record folder: the nearest folder at or above it holding `.git`,
/// else the record's own folder. Canonical (symlinks resolved); `None` when the folder does
/// not exist.
fn repository_root(dir: &Path) -> Option<PathBuf> {
    let dir = std::fs::canonicalize(dir).ok()?;
    let found = dir.ancestors().find(|d| d.join(".git").exists());
    Some(found.unwrap_or(&dir).to_path_buf())
}

/// An attribute value as ammonia wrote it, back to the text it stands for.
fn unescape(value: &str) -> String {
    value
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

/// Whether `value` names a file next to the record: no scheme, not `//host`, not only a
/// fragment or query. Absolute paths count (they are refused later).
fn is_local(value: &str) -> bool {
    if value.is_empty() || value.starts_with(['#', '?']) || value.starts_with("//") {
        return false;
    }
    let scheme = value
        .split_once(':')
        .map(|(s, _)| s)
        .filter(|s| !s.contains(['/', '?', '#']));
    scheme.is_none_or(|s| {
        !(s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    })
}

/// `a/b c.png` → `a/b%20c.png`.
fn encode_path(rel: &str) -> String {
    rel.split('/')
        .map(|s| utf8_percent_encode(s, SEGMENT).to_string())
        .collect::<Vec<_>>()
        .join("/")
}

impl LocalFiles {
    /// No files yet; other files link to `repository_url` when it is set.
    pub(crate) fn new(repository_url: Option<String>) -> LocalFiles {
        LocalFiles {
            repository_url,
            ..LocalFiles::default()
        }
    }

    /// What the `src` (`image`) or `href` of a record at `record_path` becomes.
    pub(crate) fn rewrite(&mut self, record_path: &str, value: &str, image: bool) -> Rewrite {
        let text = unescape(value);
        if !is_local(&text) {
            return Rewrite::Keep;
        }
        let path_part = text.split(['#', '?']).next().unwrap_or_default();
        let fragment = text.find('#').map_or("", |i| &text[i..]);
        let Ok(decoded) = percent_decode_str(path_part).decode_utf8() else {
            return Rewrite::Drop;
        };
        if decoded.is_empty() {
            return Rewrite::Keep;
        }
        let relative = Path::new(decoded.as_ref());
        if relative.is_absolute()
            || decoded.starts_with(['/', '\\'])
            || relative
                .components()
                .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
        {
            return Rewrite::Drop;
        }
        let dir = Path::new(record_path)
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let root = self
            .roots
            .entry(dir.to_path_buf())
            .or_insert_with(|| repository_root(dir))
            .clone();
        let Some(root) = root else {
            return Rewrite::Drop;
        };
        let Ok(target) = std::fs::canonicalize(dir.join(relative)) else {
            return Rewrite::Drop;
        };
        let Some(rel) = target
            .strip_prefix(&root)
            .ok()
            .and_then(Path::to_str)
            .map(|r| r.replace('\\', "/"))
        else {
            return Rewrite::Drop;
        };
        let fragment = attribute(fragment);
        if let (false, Some(url)) = (image, &self.repository_url) {
            let link = format!(
                "{}/{}{fragment}",
                url.trim_end_matches('/'),
                encode_path(&rel)
            );
            return Rewrite::Value(attribute(&link));
        }
        if rel.is_empty() || !target.is_file() {
            return Rewrite::Drop;
        }
        let Ok(bytes) = std::fs::read(&target) else {
            return Rewrite::Drop;
        };
        let site_path = format!("{FILES_DIR}/{rel}");
        self.files.insert(format!("records/{site_path}"), bytes);
        Rewrite::Value(format!("{}{fragment}", encode_path(&site_path)))
    }
}

/// Text as an attribute value.
fn attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Applies `rewrite(value, image)` to every `<a href>` and `<img src>` of sanitised `html`
/// (serialised by ammonia: `<` in text is always `&lt;`, attribute values are double-quoted
/// and hold no `"`).
pub(crate) fn rewrite_links(html: &str, mut rewrite: impl FnMut(&str, bool) -> Rewrite) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let name_len = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(rest.len() - 1);
        let name = rest[1..=name_len].to_ascii_lowercase();
        out.push_str(&rest[..=name_len]);
        rest = &rest[1 + name_len..];
        let wanted = match name.as_str() {
            "a" => Some(("href", false)),
            "img" => Some(("src", true)),
            _ => None,
        };
        // Attributes: ` name="value"` until `>`.
        loop {
            let trimmed = rest.trim_start();
            if trimmed.is_empty() || trimmed.starts_with(['>', '/']) || wanted.is_none() {
                break;
            }
            let space = &rest[..rest.len() - trimmed.len()];
            let attr_len = trimmed
                .find(|c: char| c == '=' || c == '>' || c.is_whitespace())
                .unwrap_or(trimmed.len());
            let attr = &trimmed[..attr_len];
            let after = &trimmed[attr_len..];
            let (value, consumed) = match after.strip_prefix("=\"") {
                Some(v) => match v.find('"') {
                    Some(end) => (Some(&v[..end]), attr_len + 2 + end + 1),
                    None => break,
                },
                None => (None, attr_len),
            };
            let whole = &trimmed[..consumed];
            match (wanted, value) {
                (Some((want, image)), Some(value)) if attr.eq_ignore_ascii_case(want) => {
                    match rewrite(value, image) {
                        Rewrite::Keep => {
                            out.push_str(space);
                            out.push_str(whole);
                        }
                        Rewrite::Value(new) => {
                            out.push_str(space);
                            out.push_str(attr);
                            out.push_str("=\"");
                            out.push_str(&new);
                            out.push('"');
                        }
                        Rewrite::Drop => {}
                    }
                }
                _ => {
                    out.push_str(space);
                    out.push_str(whole);
                }
            }
            rest = &trimmed[consumed..];
            if consumed == 0 {
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_values() {
        let cases = [
            ("diagram.png", true),
            ("../img/a b.png", true),
            ("/etc/passwd", true),
            ("https://example.org/x.png", false),
            ("mailto:a@b.c", false),
            ("#section", false),
            ("//cdn.example.org/x.js", false),
            ("docs/a:b.png", true),
        ];
        for (value, local) in cases {
            assert_eq!(is_local(value), local, "{value}");
        }
    }

    #[test]
    fn rewrites_only_hrefs_and_srcs() {
        let html = "<p>a href=\"x\" <a href=\"x.md\" title=\"t\">x</a> \
                    <img src=\"d.png\" alt=\"d\"> <a href=\"keep\">k</a></p>";
        let out = rewrite_links(html, |value, image| match (value, image) {
            ("x.md", false) => Rewrite::Drop,
            ("d.png", true) => Rewrite::Value("files/d.png".into()),
            _ => Rewrite::Keep,
        });
        assert_eq!(
            out,
            "<p>a href=\"x\" <a title=\"t\">x</a> \
             <img src=\"files/d.png\" alt=\"d\"> <a href=\"keep\">k</a></p>"
        );
    }

    #[test]
    fn files_outside_the_root_are_never_copied() {
        let tmp = tempfile::tempdir().unwrap();
        let repo = tmp.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap();
        std::fs::create_dir_all(repo.join("docs/adr")).unwrap();
        crate::atomic_write::write_atomic(&repo.join("docs/adr/d.png"), b"png").unwrap();
        crate::atomic_write::write_atomic(&repo.join("notes.txt"), b"notes").unwrap();
        crate::atomic_write::write_atomic(&tmp.path().join("secret.txt"), b"secret").unwrap();
        let record = repo.join("docs/adr/0001-x.md");
        let record = record.to_str().unwrap();
        let mut files = LocalFiles::default();
        assert_eq!(
            files.rewrite(record, "d.png", true),
            Rewrite::Value("files/docs/adr/d.png".into())
        );
        assert_eq!(
            files.rewrite(record, "../../notes.txt#top", false),
            Rewrite::Value("files/notes.txt#top".into())
        );
        let mut linked = LocalFiles::new(Some("https://h/o/r/blob/main/".into()));
        assert_eq!(
            linked.rewrite(record, "../../notes.txt", false),
            Rewrite::Value("https://h/o/r/blob/main/notes.txt".into())
        );
        for hostile in [
            "../../../secret.txt",
            "/etc/passwd",
            "missing.png",
            "%2e%2e/%2e%2e/%2e%2e/secret.txt",
        ] {
            assert_eq!(
                files.rewrite(record, hostile, false),
                Rewrite::Drop,
                "{hostile}"
            );
        }
        assert_eq!(files.files.len(), 2);
        assert!(files.files.values().all(|b| b != b"secret"));
    }
}
