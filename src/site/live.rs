//! The site `docket serve` keeps up to date: after a full build it remembers each page's
//! view hash, and when records change it parses only those files again and renders only
//! the pages whose views they change (their own, the pages linking to or from them, the
//! index, graph, timeline and platforms pages when what they show changed).

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use crate::diagnostics::Diagnostic;
use crate::error::Result;
use crate::graph::{Graph, Target};
use crate::parse::ParseOptions;
use crate::workspace::Workspace;

use super::{BuildReport, Scope, SiteOptions, SiteState, check_output, render_site};

/// A built site with its workspace and findings, ready to follow changes to its records.
#[derive(Debug)]
pub struct LiveSite {
    workspace: Workspace,
    findings: Vec<Diagnostic>,
    options: SiteOptions,
    state: SiteState,
    refs: Vec<Vec<usize>>,
}

impl LiveSite {
    /// Builds the whole site as [`super::build`] does (the workspace loaded with `html:
    /// true`, `findings` from the rules) and keeps what it needs to update it.
    pub fn build(
        workspace: Workspace,
        findings: Vec<Diagnostic>,
        options: SiteOptions,
    ) -> Result<(LiveSite, BuildReport)> {
        check_output(&workspace, &options)?;
        let scope = Scope {
            records: None,
            previous: None,
            track: true,
        };
        let (report, state) = render_site(&workspace, &findings, &options, &scope)?;
        let refs = page_refs(&workspace.graph);
        let site = LiveSite {
            workspace,
            findings,
            options,
            state,
            refs,
        };
        Ok((site, report))
    }

    /// The records the site shows.
    #[must_use]
    pub fn workspace(&self) -> &Workspace {
        &self.workspace
    }

    /// Follows a change to the files `changed`: parses those records again, runs `lint` for
    /// the findings, and renders the pages whose views changed, writing only files whose
    /// bytes changed. Returns `None`, having written nothing, when the change needs a full
    /// build (a file added, removed or renamed, a record whose id moves it, the config or a
    /// template); the caller then loads and builds again.
    pub fn update(
        &mut self,
        changed: &[PathBuf],
        lint: impl FnOnce(&Workspace) -> Vec<Diagnostic>,
    ) -> Result<Option<BuildReport>> {
        let Some(parsed) = self.workspace.reload_records(
            changed,
            ParseOptions {
                html: true,
                ..ParseOptions::default()
            },
        ) else {
            return Ok(None);
        };
        let findings = lint(&self.workspace);
        let refs = page_refs(&self.workspace.graph);
        let parsed: BTreeSet<usize> = parsed.into_iter().collect();
        let old_findings = by_path(&self.findings);
        let new_findings = by_path(&findings);
        let touched: BTreeSet<usize> = (0..refs.len())
            .filter(|&i| {
                let path = self.workspace.corpus.decisions[i].path.as_str();
                parsed.contains(&i)
                    || self.refs.get(i) != Some(&refs[i])
                    || refs[i].iter().any(|r| parsed.contains(r))
                    || old_findings.get(path) != new_findings.get(path)
            })
            .collect();
        let scope = Scope {
            records: Some(&touched),
            previous: Some(&self.state),
            track: true,
        };
        let (report, state) = render_site(&self.workspace, &findings, &self.options, &scope)?;
        self.state = state;
        self.findings = findings;
        self.refs = refs;
        Ok(Some(report))
    }
}

/// The findings of each file.
fn by_path(findings: &[Diagnostic]) -> BTreeMap<&str, Vec<&Diagnostic>> {
    let mut map: BTreeMap<&str, Vec<&Diagnostic>> = BTreeMap::new();
    for d in findings {
        map.entry(d.path.as_str()).or_default().push(d);
    }
    map
}

/// For each record, the other records its page shows: those it links to, those linking to
/// it, and the heads of its supersede chain.
fn page_refs(graph: &Graph) -> Vec<Vec<usize>> {
    let adjacency = graph.adjacency();
    (0..graph.nodes.len())
        .map(|i| {
            let mut refs: Vec<usize> = graph
                .outgoing(i)
                .filter_map(|e| match e.target {
                    Target::Record { index } => Some(index),
                    _ => None,
                })
                .chain(adjacency.incoming(i).map(|e| e.from))
                .chain(adjacency.heads(i))
                .filter(|&r| r != i)
                .collect();
            refs.sort_unstable();
            refs.dedup();
            refs
        })
        .collect()
}
