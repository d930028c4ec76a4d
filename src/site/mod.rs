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
mod live;
mod output;
mod pages;
mod search;
mod serve;
mod svg;
mod templates;
mod view;

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeMap, BTreeSet};
use std::hash::Hasher;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera};

use crate::diagnostics::Diagnostic;
use crate::error::Result;
use crate::score::{RecordScore, score_decision};
use crate::workspace::Workspace;

pub use live::LiveSite;
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
    /// How many pages the site has.
    pub pages: usize,
    /// How many pages were rendered: all of them on a full build, the ones a change touched
    /// when `docket serve` updates the site ([`LiveSite::update`]).
    pub rendered: usize,
    /// How many files were written because their bytes changed; the others were left alone.
    pub written: usize,
    /// How many files of the previous build were removed.
    pub removed: usize,
}

/// Builds the site of `workspace` into `options.out`. The workspace must have been loaded
/// with `html: true` for record pages to show their text. Refuses an output folder that
/// overlaps a records folder, or is not empty and was not made by docket (unless `force`).
/// Pages are rendered in parallel, and a file whose bytes did not change is not written.
pub fn build(
    workspace: &Workspace,
    findings: &[Diagnostic],
    options: &SiteOptions,
) -> Result<BuildReport> {
    check_output(workspace, options)?;
    let scope = Scope {
        records: None,
        previous: None,
        track: false,
    };
    render_site(workspace, findings, options, &scope).map(|(report, _)| report)
}

/// Refuses an output folder inside a records folder or one docket did not make.
fn check_output(workspace: &Workspace, options: &SiteOptions) -> Result<()> {
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
    output::check_output(&options.out, &protected, options.force)
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

    /// What every page of kind `current`, `depth` folders down, knows about the site.
    fn site_view(&self, current: &str, depth: usize) -> SiteView {
        SiteView {
            root: self.root(depth),
            current: current.to_string(),
            ..self.site.clone()
        }
    }

    fn render(&self, template: &str, site: &SiteView, page: &impl Serialize) -> Result<Vec<u8>> {
        let mut context = Context::new();
        context.insert("site", site);
        context.insert("page", page);
        self.tera
            .render(template, &context)
            .map(String::into_bytes)
            .map_err(|err| crate::error::Error::from_template(template, &err))
    }
}

/// Which pages a build renders and what it remembers of the last one.
pub(crate) struct Scope<'a> {
    /// The record pages to render, by record index; `None`: every one.
    pub(crate) records: Option<&'a BTreeSet<usize>>,
    /// The last build's view hashes (`docket serve`): a page whose view hashes the same is
    /// not rendered again.
    pub(crate) previous: Option<&'a SiteState>,
    /// Whether to hash each page's view for the next build.
    pub(crate) track: bool,
}

/// What a build leaves for the next one: each page's view hash, and the local files each
/// record page copied (so an update that skips a page still lists its files).
#[derive(Debug, Clone, Default)]
pub(crate) struct SiteState {
    hashes: BTreeMap<String, u64>,
    copied: BTreeMap<String, Vec<String>>,
    /// Per record, a hash of what the pages listing every record show of it.
    summaries: Vec<Summary>,
    /// A hash of the graph's links.
    edges: Option<u64>,
}

impl SiteState {
    /// Whether the pages listing every record would show the same: the same links, and the
    /// same for each record in `summaries` (the records a change touched).
    fn lists_unchanged(&self, summaries: &[Summary], edges: Option<u64>) -> bool {
        edges.is_some()
            && self.edges == edges
            && summaries.iter().all(|s| {
                self.summaries
                    .get(s.index)
                    .is_some_and(|o| o.lists == s.lists)
            })
    }

    /// Whether the search index would hold the same entries.
    fn search_unchanged(&self, summaries: &[Summary]) -> bool {
        summaries.iter().all(|s| {
            self.summaries
                .get(s.index)
                .is_some_and(|o| o.search == s.search)
        })
    }
}

/// One file of a build: its site path, its view hash when tracked, and what was done.
struct Emitted {
    path: String,
    hash: Option<u64>,
    rendered: bool,
    written: bool,
}

/// Feeds serialised bytes into a hasher, so a view is hashed without building its JSON.
struct HashWriter(DefaultHasher);

impl std::io::Write for HashWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// A hash of everything a template receives; equal hashes render equal pages.
fn view_hash(site: &SiteView, page: &impl Serialize) -> Option<u64> {
    value_hash(&(site, page))
}

/// A hash of a value's JSON form, written straight into the hasher.
fn value_hash(value: &impl Serialize) -> Option<u64> {
    let mut writer = HashWriter(DefaultHasher::new());
    serde_json::to_writer(&mut writer, value).ok()?;
    Some(writer.0.finish())
}

/// Renders pages and writes files into the output folder, skipping what did not change.
struct Emitter<'a> {
    renderer: &'a Renderer<'a>,
    out: &'a Path,
    previous: Option<&'a SiteState>,
    track: bool,
}

impl Emitter<'_> {
    fn unchanged(&self, path: &str, hash: Option<u64>, target: &Path) -> bool {
        hash.is_some()
            && self.previous.and_then(|p| p.hashes.get(path)).copied() == hash
            && target.is_file()
    }

    /// Renders `page` with `template` at `path` unless its view is what the last build saw.
    fn page(
        &self,
        path: &str,
        template: &str,
        current: &str,
        depth: usize,
        page: &impl Serialize,
    ) -> Result<Emitted> {
        let site = self.renderer.site_view(current, depth);
        let hash = if self.track {
            view_hash(&site, page)
        } else {
            None
        };
        let target = self.out.join(path);
        if self.unchanged(path, hash, &target) {
            return Ok(skipped(path, hash));
        }
        let bytes = self.renderer.render(template, &site, page)?;
        let written = output::write_file(&target, &bytes)?;
        Ok(Emitted {
            path: path.to_string(),
            hash,
            rendered: true,
            written,
        })
    }

    /// Writes `bytes` at `path` unless they are what the last build wrote there.
    fn data(&self, path: &str, bytes: &[u8]) -> Result<Emitted> {
        let hash = self.track.then(|| {
            let mut hasher = DefaultHasher::new();
            hasher.write(bytes);
            hasher.finish()
        });
        let target = self.out.join(path);
        if self.unchanged(path, hash, &target) {
            return Ok(skipped(path, hash));
        }
        let written = output::write_file(&target, bytes)?;
        Ok(Emitted {
            path: path.to_string(),
            hash,
            rendered: false,
            written,
        })
    }
}

fn skipped(path: &str, hash: Option<u64>) -> Emitted {
    Emitted {
        path: path.to_string(),
        hash,
        rendered: false,
        written: false,
    }
}

/// A record page and the local files it copied.
struct RecordEmitted {
    page: Emitted,
    copied: Vec<Emitted>,
}

/// Renders the site into `options.out` (the pages `scope` asks for) and removes what the
/// last build wrote that this one did not. Returns the report and the state for the next
/// build.
pub(crate) fn render_site(
    workspace: &Workspace,
    findings: &[Diagnostic],
    options: &SiteOptions,
    scope: &Scope<'_>,
) -> Result<(BuildReport, SiteState)> {
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
    let previous_list = output::begin(&options.out)?;
    let emitter = Emitter {
        renderer: &renderer,
        out: &options.out,
        previous: scope.previous,
        track: scope.track,
    };
    let slugs = slugs(workspace);
    let rows: Vec<RecordRow> = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| RecordRow::new(d, &workspace.graph, i, &slugs[i]))
        .collect();
    let mut scores: Vec<Option<RecordScore>> = vec![None; decisions.len()];
    score_records(workspace, &mut scores, scope.records);
    let summaries = summaries(workspace, &rows, &scores, scope);
    let edges = scope.track.then(|| edges_hash(&workspace.graph));
    let mut outputs = match scope.previous {
        Some(previous)
            if scope.records.is_some() && previous.lists_unchanged(&summaries, edges) =>
        {
            GLOBAL_PAGES
                .iter()
                .map(|path| skipped(path, previous.hashes.get(*path).copied()))
                .collect()
        }
        _ => {
            score_records(workspace, &mut scores, None);
            global_pages(workspace, &emitter, &rows, &scores)?
        }
    };
    let inputs = pages::RecordInputs {
        workspace,
        adjacency: workspace.graph.adjacency(),
        rows: &rows,
        scores: &scores,
        root: renderer.root(1),
    };
    let records = record_pages(&inputs, findings, scope, &emitter)?;
    match scope.previous {
        Some(previous) if scope.records.is_some() && previous.search_unchanged(&summaries) => {
            for path in SEARCH_FILES {
                outputs.push(skipped(path, previous.hashes.get(path).copied()));
            }
        }
        _ => {
            let (json, script) = search::search_files(&search::search_entries(decisions, &rows))?;
            outputs.push(emitter.data(SEARCH_FILES[0], json.as_bytes())?);
            outputs.push(emitter.data(SEARCH_FILES[1], script.as_bytes())?);
        }
    }
    for (name, text) in sources.iter().filter(|(n, _)| !templates::is_template(n)) {
        outputs.push(emitter.data(name, text.as_bytes())?);
    }
    let (report, mut state) = settle(&options.out, scope, &rows, outputs, records, &previous_list)?;
    state.summaries.resize(rows.len(), Summary::default());
    for summary in summaries {
        state.summaries[summary.index] = summary;
    }
    state.edges = edges;
    Ok((report, state))
}

/// The search index, as JSON and as a script.
const SEARCH_FILES: [&str; 2] = ["search-index.json", "search-index.js"];

/// The pages that list every record.
const GLOBAL_PAGES: [&str; 4] = [
    "index.html",
    "graph.html",
    "timeline.html",
    "platforms.html",
];

/// The index, graph, timeline and platforms pages.
fn global_pages(
    workspace: &Workspace,
    emitter: &Emitter<'_>,
    rows: &[RecordRow],
    scores: &[Option<RecordScore>],
) -> Result<Vec<Emitted>> {
    let decisions = &workspace.corpus.decisions;
    Ok(vec![
        emitter.page(
            "index.html",
            "index.html",
            "index",
            0,
            &pages::index_page(rows),
        )?,
        emitter.page(
            "graph.html",
            "graph.html",
            "graph",
            0,
            &pages::graph_page(workspace, rows),
        )?,
        emitter.page(
            "timeline.html",
            "timeline.html",
            "timeline",
            0,
            &pages::timeline_page(rows),
        )?,
        emitter.page(
            "platforms.html",
            "platforms.html",
            "platforms",
            0,
            &pages::platforms_page(decisions, scores, rows),
        )?,
    ])
}

/// Scores the records in `only` (every record when `None`) that are not scored yet.
fn score_records(
    workspace: &Workspace,
    scores: &mut [Option<RecordScore>],
    only: Option<&BTreeSet<usize>>,
) {
    let decisions = &workspace.corpus.decisions;
    scores.par_iter_mut().enumerate().for_each(|(i, slot)| {
        if slot.is_none() && only.is_none_or(|set| set.contains(&i)) {
            *slot = Some(score_decision(&decisions[i], &workspace.config.score));
        }
    });
}

/// For each record in scope (when tracking), a hash of what the pages listing every record
/// show of it: its row, its graph node and its platform uses.
fn summaries(
    workspace: &Workspace,
    rows: &[RecordRow],
    scores: &[Option<RecordScore>],
    scope: &Scope<'_>,
) -> Vec<Summary> {
    if !scope.track {
        return Vec::new();
    }
    let decisions = &workspace.corpus.decisions;
    let indices: Vec<usize> = match scope.records {
        Some(set) => set.iter().copied().filter(|&i| i < rows.len()).collect(),
        None => (0..rows.len()).collect(),
    };
    indices
        .par_iter()
        .map(|&i| {
            let uses = scores[i]
                .as_ref()
                .map(|score| pages::platform_uses(&decisions[i], score, &rows[i]));
            let node = &workspace.graph.nodes[i];
            let entry = search::search_entry(&decisions[i], &rows[i]);
            Summary {
                index: i,
                lists: value_hash(&(&rows[i], node, uses)).unwrap_or_default(),
                search: value_hash(&entry).unwrap_or_default(),
            }
        })
        .collect()
}

/// What the pages and files listing every record show of one record, hashed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Summary {
    /// The record.
    index: usize,
    /// Its row, graph node and platform uses (index, graph, timeline, platforms pages).
    lists: u64,
    /// Its search index entry.
    search: u64,
}

/// A hash of the graph's links as the graph page draws them (spans left out).
fn edges_hash(graph: &crate::graph::Graph) -> u64 {
    let edges: Vec<_> = graph
        .edges
        .iter()
        .map(|e| (e.from, e.kind, &e.target))
        .collect();
    value_hash(&edges).unwrap_or_default()
}

/// Counts what a build did, removes the stale files of the last one, and keeps what the
/// next build needs.
fn settle(
    out: &Path,
    scope: &Scope<'_>,
    rows: &[RecordRow],
    mut outputs: Vec<Emitted>,
    records: Vec<RecordEmitted>,
    previous_list: &str,
) -> Result<(BuildReport, SiteState)> {
    let mut state = match (scope.records, scope.previous) {
        (Some(_), Some(previous)) => previous.clone(),
        _ => SiteState::default(),
    };
    let pages_rendered = outputs.iter().filter(|e| e.rendered).count()
        + records.iter().filter(|r| r.page.rendered).count();
    let written = outputs.iter().filter(|e| e.written).count()
        + records
            .iter()
            .map(|r| usize::from(r.page.written) + r.copied.iter().filter(|c| c.written).count())
            .sum::<usize>();
    for record in records {
        let copied = record.copied.into_iter().map(|c| c.path).collect();
        state.copied.insert(record.page.path.clone(), copied);
        outputs.push(record.page);
    }
    let mut listed: BTreeSet<String> = rows.iter().map(|r| r.url.clone()).collect();
    listed.extend(state.copied.values().flatten().cloned());
    for e in outputs {
        if let Some(hash) = e.hash {
            state.hashes.insert(e.path.clone(), hash);
        }
        listed.insert(e.path);
    }
    let removed = output::finish(out, previous_list, &listed)?;
    let report = BuildReport {
        index: out.join("index.html"),
        pages: 4 + rows.len(),
        rendered: pages_rendered,
        written,
        removed,
    };
    Ok((report, state))
}

/// The record pages `scope` asks for, rendered in parallel (results in record order).
fn record_pages(
    inputs: &pages::RecordInputs<'_>,
    findings: &[Diagnostic],
    scope: &Scope<'_>,
    emitter: &Emitter<'_>,
) -> Result<Vec<RecordEmitted>> {
    let mut by_path: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in findings {
        by_path.entry(d.path.as_str()).or_default().push(d);
    }
    let decisions = &inputs.workspace.corpus.decisions;
    let repository_url = &inputs.workspace.config.site.repository_url;
    let indices: Vec<usize> = match scope.records {
        Some(set) => set
            .iter()
            .copied()
            .filter(|&i| i < decisions.len())
            .collect(),
        None => (0..decisions.len()).collect(),
    };
    indices
        .par_iter()
        .map(|&i| {
            let mut local = files::LocalFiles::new(repository_url.clone());
            let own = by_path
                .get(decisions[i].path.as_str())
                .map_or(&[][..], Vec::as_slice);
            let page = pages::record_page(inputs, own, i, &mut local);
            let page = emitter.page(&inputs.rows[i].url, "record.html", "record", 1, &page)?;
            let copied = local
                .files
                .iter()
                .map(|(path, bytes)| emitter.data(path, bytes))
                .collect::<Result<Vec<_>>>()?;
            Ok(RecordEmitted { page, copied })
        })
        .collect()
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
