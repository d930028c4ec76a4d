//! `docket build`: the decision site. Turns the loaded [`Workspace`] (records with their
//! sanitised HTML, the graph, the scores) and the lint findings into view structs, renders
//! them with Tera templates (built in, or the user's), and writes the output folder.
//! It converts no markdown and runs no rules.
//!
//! ```no_run
//! use docket::site::{SiteOptions, build};
//! use docket::workspace::{Workspace, WorkspaceOptions};
//!
//! let options = WorkspaceOptions { html: true, ..WorkspaceOptions::default() };
//! let ws = Workspace::load(&["records".into()], &options)?;
//! let report = build(&ws, &[], &SiteOptions::new("site"))?;
//! println!("open {}", report.index.display());
//! # Ok::<(), docket::Error>(())
//! ```

mod files;
mod output;
mod pages;
mod search;
mod serve;
mod svg;
mod templates;
mod view;

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::Diagnostic;
use crate::error::Result;
use crate::score::score_decision;
use crate::workspace::Workspace;

pub use output::MARKER;
pub use pages::{
    GraphPage, IndexPage, MonthGroup, PlatformChoice, PlatformUse, PlatformView, PlatformsPage,
    TimelinePage,
};
pub use search::SearchEntry;
pub use serve::{ChangeWatch, ServeOptions, SiteServer, VERSION_PATH, rebuild_on_change};
pub use svg::{Bar, BarChart, EdgeLine, GraphDrawing, NodeBox};
pub use templates::{BUILT_IN, export_templates};
pub use view::{
    CostRow, CostTableView, CriterionRow, FieldView, FindingView, LinkView, RecordPage, RecordRow,
    ScorecardView, SiteView, StatusView, TotalView,
};

/// How to build the site. Fields left `None` fall back to `[site]` in `docket.toml`.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// The output folder.
    pub out: PathBuf,
    /// A folder of templates replacing the built-ins of the same name.
    pub templates: Option<PathBuf>,
    /// The path the site is served under (`/decisions/`); default: relative links.
    pub base_path: Option<String>,
    /// The site's title.
    pub title: Option<String>,
    /// Write into a non-empty folder docket did not make.
    pub force: bool,
    /// Folders the site must stay out of besides the records' own (the paths given).
    pub protected: Vec<PathBuf>,
}

impl SiteOptions {
    /// Options writing to `out`, everything else default.
    #[must_use]
    pub fn new(out: impl Into<PathBuf>) -> SiteOptions {
        SiteOptions {
            out: out.into(),
            ..SiteOptions::default()
        }
    }
}

/// What a build wrote.
#[derive(Debug, Clone)]
pub struct BuildReport {
    /// The index page.
    pub index: PathBuf,
    /// How many pages were written.
    pub pages: usize,
    /// How many files of the previous build were removed.
    pub removed: usize,
}

/// Builds the site of `workspace` into `options.out`. The workspace must have been loaded
/// with `html: true` for record pages to show their text. Refuses an output folder that
/// overlaps a records folder, or is not empty and was not made by docket (unless `force`).
pub fn build(
    workspace: &Workspace,
    findings: &[Diagnostic],
    options: &SiteOptions,
) -> Result<BuildReport> {
    let mut protected = options.protected.clone();
    let record_dirs: BTreeSet<PathBuf> = workspace
        .corpus
        .decisions
        .iter()
        .filter_map(|d| Path::new(&d.path).parent().map(Path::to_path_buf))
        .map(|p| {
            if p.as_os_str().is_empty() {
                PathBuf::from(".")
            } else {
                p
            }
        })
        .collect();
    protected.extend(record_dirs);
    output::check_output(&options.out, &protected, options.force)?;
    let files = render_site(workspace, findings, options)?;
    let pages = files.keys().filter(|k| templates::is_template(k)).count();
    let removed = output::write_site(&options.out, &files)?;
    Ok(BuildReport {
        index: options.out.join("index.html"),
        pages,
        removed,
    })
}

/// `Use Postgres!` → `use-postgres`.
pub(crate) fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_matches('-').to_string();
    if out.is_empty() {
        "record".to_string()
    } else {
        out
    }
}

/// A unique page name per record, from its file name (a folder record's folder name).
fn slugs(workspace: &Workspace) -> Vec<String> {
    let mut taken = BTreeSet::new();
    workspace
        .corpus
        .decisions
        .iter()
        .map(|d| {
            let name = crate::parse::record_file_name(&d.path);
            let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
            let base = slugify(stem);
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            slug
        })
        .collect()
}

/// `/docs` → `/docs/`; empty stays empty (relative links).
fn base_path(base: Option<&str>) -> Option<String> {
    let base = base?.trim();
    if base.is_empty() {
        return None;
    }
    let mut b = base.to_string();
    if !b.starts_with('/') && !b.contains("://") {
        b.insert(0, '/');
    }
    if !b.ends_with('/') {
        b.push('/');
    }
    Some(b)
}

struct Renderer<'a> {
    tera: Tera,
    site: SiteView,
    base: Option<&'a str>,
}

impl Renderer<'_> {
    /// The prefix leading from a page `depth` folders down to the site root.
    fn root(&self, depth: usize) -> String {
        self.base
            .map_or_else(|| "../".repeat(depth), ToString::to_string)
    }

    fn render(
        &self,
        template: &str,
        current: &str,
        depth: usize,
        page: &impl Serialize,
    ) -> Result<Vec<u8>> {
        let mut context = Context::new();
        let site = SiteView {
            root: self.root(depth),
            current: current.to_string(),
            ..self.site.clone()
        };
        context.insert("site", &site);
        context.insert("page", page);
        self.tera
            .render(template, &context)
            .map(String::into_bytes)
            .map_err(|err| crate::error::Error::from_template(template, &err))
    }
}

/// Every file of the site, by path relative to the output folder, rendered in memory: what
/// [`build`] writes (the fuzz target `render_site` calls it directly).
pub fn render_site(
    workspace: &Workspace,
    findings: &[Diagnostic],
    options: &SiteOptions,
) -> Result<BTreeMap<String, Vec<u8>>> {
    let config = &workspace.config.site;
    let dir = options.templates.as_deref().or(config.templates.as_deref());
    let sources = templates::sources(dir)?;
    let base = base_path(options.base_path.as_deref().or(config.base_path.as_deref()));
    let decisions = &workspace.corpus.decisions;
    let renderer = Renderer {
        tera: templates::load_templates(&sources)?,
        site: SiteView {
            title: options
                .title
                .clone()
                .or_else(|| config.title.clone())
                .unwrap_or_else(|| "Decisions".to_string()),
            root: String::new(),
            current: String::new(),
            records: decisions.len(),
        },
        base: base.as_deref(),
    };
    let slugs = slugs(workspace);
    let rows: Vec<RecordRow> = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| RecordRow::new(d, &workspace.graph, i, &slugs[i]))
        .collect();
    let scores: Vec<_> = decisions
        .iter()
        .map(|d| score_decision(d, &workspace.config.score))
        .collect();
    let mut files = BTreeMap::new();
    let index = pages::index_page(&rows);
    files.insert(
        "index.html".to_string(),
        renderer.render("index.html", "index", 0, &index)?,
    );
    let graph = pages::graph_page(workspace, &rows);
    files.insert(
        "graph.html".to_string(),
        renderer.render("graph.html", "graph", 0, &graph)?,
    );
    let timeline = pages::timeline_page(&rows);
    files.insert(
        "timeline.html".to_string(),
        renderer.render("timeline.html", "timeline", 0, &timeline)?,
    );
    let platforms = pages::platforms_page(decisions, &scores, &rows);
    files.insert(
        "platforms.html".to_string(),
        renderer.render("platforms.html", "platforms", 0, &platforms)?,
    );
    let record_root = renderer.root(1);
    let mut local = files::LocalFiles::new(config.repository_url.clone());
    for (i, row) in rows.iter().enumerate() {
        let page = pages::record_page(
            workspace,
            findings,
            i,
            &rows,
            &scores[i],
            &record_root,
            &mut local,
        );
        files.insert(
            row.url.clone(),
            renderer.render("record.html", "record", 1, &page)?,
        );
    }
    files.extend(local.files);
    let (json, script) = search::search_files(&search::search_entries(decisions, &rows))?;
    files.insert("search-index.json".to_string(), json.into_bytes());
    files.insert("search-index.js".to_string(), script.into_bytes());
    for (name, text) in sources.iter().filter(|(n, _)| !templates::is_template(n)) {
        files.insert((*name).to_string(), text.clone().into_bytes());
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_base_paths() {
        assert_eq!(slugify("DR-001 Backend Hosting!"), "dr-001-backend-hosting");
        assert_eq!(slugify("***"), "record");
        assert_eq!(base_path(Some("docs")).as_deref(), Some("/docs/"));
        assert_eq!(base_path(Some("/x/")).as_deref(), Some("/x/"));
        assert_eq!(base_path(Some("")), None);
    }
}
