//! The site's templates and assets: embedded in the binary, one `(name, source)` table, each
//! replaced by a file of the same name in the user's template folder. `docket templates
//! export` writes the built-ins out for customising.

use std::path::{Path, PathBuf};

use tera::Tera;

use crate::atomic_write::write_atomic;
use crate::error::{Error, Result};

/// Every built-in template and asset, by name. Names ending in `.html` are Tera templates;
/// the rest are copied into the site as they are.
pub const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../../templates/site/base.html")),
    (
        "index.html",
        include_str!("../../templates/site/index.html"),
    ),
    (
        "record.html",
        include_str!("../../templates/site/record.html"),
    ),
    (
        "graph.html",
        include_str!("../../templates/site/graph.html"),
    ),
    (
        "timeline.html",
        include_str!("../../templates/site/timeline.html"),
    ),
    (
        "platforms.html",
        include_str!("../../templates/site/platforms.html"),
    ),
    (
        "assets/style.css",
        include_str!("../../templates/site/assets/style.css"),
    ),
    (
        "assets/search.js",
        include_str!("../../templates/site/assets/search.js"),
    ),
];

/// Each built-in's source, or the user's file of the same name in `dir` when there is one.
pub(crate) fn sources(dir: Option<&Path>) -> Result<Vec<(&'static str, String)>> {
    BUILT_IN
        .iter()
        .map(|(name, source)| {
            let user = dir.map(|d| d.join(name)).filter(|p| p.is_file());
            let text = match user {
                Some(path) => {
                    std::fs::read_to_string(&path).map_err(|source| Error::Io { path, source })?
                }
                None => (*source).to_string(),
            };
            Ok((*name, text))
        })
        .collect()
}

/// Whether a built-in is a Tera template (`.html`) rather than an asset copied as it is.
pub(crate) fn is_template(name: &str) -> bool {
    Path::new(name)
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("html"))
}

/// HTML escaping for template output: `&`, `<`, `>`, `"` and `'`. Unlike Tera's default it
/// leaves `/` alone, so URLs stay readable; attributes are always double-quoted.
fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#x27;"),
            c => out.push(c),
        }
    }
    out
}

/// The Tera templates, user overrides applied. A template that does not compile is an error
/// naming it.
pub(crate) fn load_templates(sources: &[(&'static str, String)]) -> Result<Tera> {
    let mut tera = Tera::default();
    tera.set_escape_fn(escape_html);
    let templates: Vec<(&str, &str)> = sources
        .iter()
        .filter(|(name, _)| is_template(name))
        .map(|(name, text)| (*name, text.as_str()))
        .collect();
    tera.add_raw_templates(templates)
        .map_err(|err| Error::from_template("templates", &err))?;
    Ok(tera)
}

/// Writes the built-in templates and assets into `dir` for customising. An existing file is
/// an error unless `force`; returns the files written.
pub fn export_templates(dir: &Path, force: bool) -> Result<Vec<PathBuf>> {
    if !force
        && let Some(path) = BUILT_IN
            .iter()
            .map(|(name, _)| dir.join(name))
            .find(|p| p.exists())
    {
        return Err(Error::SiteOutput {
            path: path.clone(),
            reason: "the file exists; pass --force to overwrite it".to_string(),
        });
    }
    let mut written = Vec::new();
    for (name, source) in BUILT_IN {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|source| Error::Io {
                path: parent.to_path_buf(),
                source,
            })?;
        }
        write_atomic(&path, source.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_ins_compile() {
        let tera = load_templates(&sources(None).unwrap()).unwrap();
        assert!(tera.get_template_names().any(|n| n == "record.html"));
    }

    #[test]
    fn escaping_keeps_slashes() {
        assert_eq!(
            escape_html("<a href=\"x/y\">'&'"),
            "&lt;a href=&quot;x/y&quot;&gt;&#x27;&amp;&#x27;"
        );
    }
}
