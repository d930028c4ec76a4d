//! The decision graph: each record a node, each stated relation an edge resolved to a record
//! of the set or kept as absent, and each mention of another record of the set an edge of kind
//! `mention`. Built from the model only; `analysis` checks it and `view`,
//! `dot` and `mermaid` draw it.
//!
//! ```
//! use docket::config::{GraphConfig, TopicsConfig};
//! use docket::graph::{Graph, Target};
//! use docket::parse::parse_record;
//!
//! let old = parse_record("# ADR-001: Old\n\n**Status:** Superseded by ADR-002\n", "adr-001.md");
//! let new = parse_record("# ADR-002: New\n\n**Supersedes:** ADR-001\n", "adr-002.md");
//! let decisions = [old.decision, new.decision];
//! let graph = Graph::build(&decisions, &GraphConfig::default(), &TopicsConfig::default());
//! assert!(matches!(graph.edges[0].target, Target::Record { index: 1 }));
//! assert_eq!(graph.heads(0), [1]);
//! ```

mod analysis;
mod dot;
mod mermaid;
mod resolve;
mod topics;
mod view;

pub use analysis::check;
pub use dot::to_dot;
pub use mermaid::to_mermaid;
pub use view::{Filter, View, ViewEdge, ViewNode};

use std::collections::BTreeSet;

use serde::Serialize;

use crate::config::{GraphConfig, TopicsConfig};
use crate::model::{Decision, LinkKind, RecordId, Span, StatusKind};

use resolve::{Index, Resolution};

/// One record as the graph sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    /// The record's id, or its path when it has none: unique enough for messages.
    pub key: String,
    /// The record's id.
    pub id: Option<RecordId>,
    /// The id the record writes itself, when it is not [`Node::id`] (`# 8. …` in
    /// `0007-x.md`): `show` finds the record by either.
    pub stated_id: Option<RecordId>,
    /// The title text.
    pub title: String,
    /// Where the title is written.
    pub title_span: Span,
    /// The status kind.
    pub status: StatusKind,
    /// Where the status is written.
    pub status_span: Option<Span>,
    /// The record's path.
    pub path: String,
    /// The decision date as written.
    pub date: Option<String>,
    /// The chosen option's name.
    pub chosen: Option<String>,
    /// Where the chosen option is written.
    pub chosen_span: Option<Span>,
    /// Topics (components) the record decides for, lower case, sorted.
    pub topics: Vec<String>,
}

/// How an edge's target was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Evidence {
    /// The link's relative path is the record's file.
    Path,
    /// The id written in the link (`ADR-0015` = `ADR-15`).
    Id,
    /// A bare number in an adr-tools link line (`Superseded by 5`).
    Number,
    /// The text names the record's title.
    Title,
}

/// Where an edge points.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "kebab-case")]
pub enum Target {
    /// A record of the set, by index into [`Graph::nodes`].
    Record {
        /// The node index.
        index: usize,
    },
    /// A record reference with no record behind it.
    Absent {
        /// The reference as shown (`ADR-007`, or the link path).
        label: String,
        /// Records that all match when the reference is ambiguous.
        candidates: Vec<usize>,
    },
    /// A relative link to a file that is not a record.
    File {
        /// The path, joined to the record's folder.
        path: String,
        /// Whether the file exists, once [`Graph::mark_files`] has looked.
        exists: Option<bool>,
    },
}

/// One stated relation, resolved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edge {
    /// The node that states it.
    pub from: usize,
    /// What it points at.
    pub target: Target,
    /// The relation.
    pub kind: LinkKind,
    /// The verb as written (`superceded by`).
    pub verb: String,
    /// The target text as written.
    pub text: String,
    /// The link destination, when there is one.
    pub href: Option<String>,
    /// Where the link is written in the source record.
    pub span: Span,
    /// How the target was found; absent for unresolved targets.
    pub evidence: Option<Evidence>,
    /// True when the record names the target by link or id; false when docket inferred it
    /// from a bare number or a title.
    pub explicit: bool,
}

impl Edge {
    /// The target node, when the edge resolved to a record.
    #[must_use]
    pub fn to(&self) -> Option<usize> {
        match self.target {
            Target::Record { index } => Some(index),
            _ => None,
        }
    }
}

/// A stated link that names no record: an unknown id series, a title matching nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ignored {
    /// The node that states it.
    pub from: usize,
    /// The target text.
    pub text: String,
    /// Why it is not a record reference.
    pub reason: &'static str,
    /// Where it is written.
    pub span: Span,
}

/// Counts over a graph, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Records.
    pub records: usize,
    /// Links stated in the records.
    pub links: usize,
    /// Links that name a record (edges).
    pub edges: usize,
    /// Edges whose record is in the set.
    pub resolved: usize,
    /// Edges whose record is absent.
    pub unresolved: usize,
    /// Links to files that are not records.
    pub files: usize,
    /// Links that name no record.
    pub ignored: usize,
}

/// Records and the relations between them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Graph {
    /// One node per record, in the order given (the corpus order).
    pub nodes: Vec<Node>,
    /// Every link that names a record or a file, in record then document order.
    pub edges: Vec<Edge>,
    /// Links that name no record.
    pub ignored: Vec<Ignored>,
}

impl Graph {
    /// Resolves every link of every record against the set, with record paths taken as
    /// written (see [`Graph::build_from`]).
    #[must_use]
    pub fn build(decisions: &[Decision], config: &GraphConfig, topics: &TopicsConfig) -> Graph {
        Graph::build_from(decisions, "", config, topics)
    }

    /// Resolves every link of every record against the set. Relative record paths are taken
    /// from `origin` (an absolute folder, `/`-separated), so a link resolves against its own
    /// record's file the same way whichever folder the paths were written from.
    #[must_use]
    pub fn build_from(
        decisions: &[Decision],
        origin: &str,
        config: &GraphConfig,
        topics: &TopicsConfig,
    ) -> Graph {
        let index = Index::new(decisions, origin, config);
        let topic_pairs = topics.pairs();
        let mut graph = Graph::default();
        for (from, d) in decisions.iter().enumerate() {
            graph.nodes.push(Node {
                key: d.label().to_string(),
                id: d.id.clone(),
                stated_id: d.stated_id.clone().filter(|s| Some(s) != d.id.as_ref()),
                title: d.title.text.clone(),
                title_span: d.title.span,
                status: d.status.kind,
                status_span: d.status.span,
                path: d.path.clone(),
                date: d.date.as_ref().map(|f| {
                    f.date
                        .map_or_else(|| f.raw.clone(), |date| date.to_string())
                }),
                chosen: d.chosen.as_ref().map(|c| c.name.clone()),
                chosen_span: d.chosen.as_ref().map(|c| c.span),
                topics: topics::topics_of(d, config, &topic_pairs),
            });
            for link in &d.links {
                let explicit_ref = link.target.href.is_some()
                    || link
                        .target
                        .id
                        .as_ref()
                        .is_some_and(|id| id.series.is_some());
                let resolution = index.resolve(from, link);
                if link.kind == LinkKind::Mention
                    && !matches!(resolution, Resolution::Record(to, _) if to != from)
                {
                    // A mention is only a candidate: one that names no other record of the set
                    // (`ISO 8601`, a guide's file, the record itself) is no link at all.
                    continue;
                }
                let (target, evidence) = match resolution {
                    Resolution::Record(index, evidence) => {
                        (Target::Record { index }, Some(evidence))
                    }
                    Resolution::Absent { label, candidates } => {
                        (Target::Absent { label, candidates }, None)
                    }
                    Resolution::File(path) => (Target::File { path, exists: None }, None),
                    Resolution::Ignored(reason) => {
                        graph.ignored.push(Ignored {
                            from,
                            text: link.target.text.clone(),
                            reason,
                            span: link.span,
                        });
                        continue;
                    }
                };
                let explicit = match evidence {
                    Some(e) => matches!(e, Evidence::Path | Evidence::Id),
                    None => explicit_ref,
                };
                graph.edges.push(Edge {
                    from,
                    target,
                    kind: link.kind,
                    verb: link.verb.clone(),
                    text: link.target.text.clone(),
                    href: link.target.href.clone(),
                    span: link.span,
                    evidence,
                    explicit,
                });
            }
        }
        graph
    }

    /// Records whether each linked non-record file exists, using `exists` (the caller's I/O).
    pub fn mark_files(&mut self, exists: impl Fn(&str) -> bool) {
        for edge in &mut self.edges {
            if let Target::File { path, exists: seen } = &mut edge.target {
                *seen = Some(exists(path));
            }
        }
    }

    /// Counts of links, edges, resolved and unresolved.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let count = |f: fn(&Target) -> bool| self.edges.iter().filter(|e| f(&e.target)).count();
        let resolved = count(|t| matches!(t, Target::Record { .. }));
        let unresolved = count(|t| matches!(t, Target::Absent { .. }));
        let files = count(|t| matches!(t, Target::File { .. }));
        Summary {
            records: self.nodes.len(),
            links: self.edges.len() + self.ignored.len(),
            edges: resolved + unresolved,
            resolved,
            unresolved,
            files,
            ignored: self.ignored.len(),
        }
    }

    /// The nodes a query names: an id (`ADR-16`, `adr-0016`, `0004`), a path, a file name or
    /// a file stem. A record whose file name and heading disagree is found by either number.
    #[must_use]
    pub fn find(&self, query: &str) -> Vec<usize> {
        let q = query.trim();
        if let Some((series, number)) = parse_id(q) {
            let ids: [fn(&Node) -> Option<&RecordId>; 2] =
                [|n| n.id.as_ref(), |n| n.stated_id.as_ref()];
            for id_of in ids {
                let by_id: Vec<usize> = self.matching(|n| {
                    id_of(n).is_some_and(|id| id.series == series && id.number == number)
                });
                if !by_id.is_empty() {
                    return by_id;
                }
                if series.as_deref() == Some("ADR") {
                    let bare = self.matching(|n| {
                        id_of(n).is_some_and(|id| id.series.is_none() && id.number == number)
                    });
                    if !bare.is_empty() {
                        return bare;
                    }
                }
            }
        }
        let q = q.replace('\\', "/");
        let q = q.strip_prefix("./").unwrap_or(&q);
        self.matching(|n| {
            let name = n.path.rsplit('/').next().unwrap_or(&n.path);
            let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
            n.path == q || n.path.ends_with(&format!("/{q}")) || name == q || stem == q
        })
    }

    fn matching(&self, f: impl Fn(&Node) -> bool) -> Vec<usize> {
        (0..self.nodes.len())
            .filter(|i| f(&self.nodes[*i]))
            .collect()
    }

    /// Every (newer, older) pair that one side states as supersedes / superseded-by, sorted.
    #[must_use]
    pub fn supersessions(&self) -> Vec<(usize, usize)> {
        self.pairs(LinkKind::Supersedes, LinkKind::SupersededBy)
    }

    /// Every (amending, amended) pair stated by either side, sorted.
    #[must_use]
    pub fn amendments(&self) -> Vec<(usize, usize)> {
        self.pairs(LinkKind::Amends, LinkKind::AmendedBy)
    }

    fn pairs(&self, forward: LinkKind, backward: LinkKind) -> Vec<(usize, usize)> {
        let set: BTreeSet<(usize, usize)> = self
            .edges
            .iter()
            .filter_map(|e| {
                let to = e.to()?;
                if e.kind == forward {
                    Some((e.from, to))
                } else if e.kind == backward {
                    Some((to, e.from))
                } else {
                    None
                }
            })
            .filter(|(a, b)| a != b)
            .collect();
        set.into_iter().collect()
    }

    /// The records that replace `index`, directly.
    #[must_use]
    pub fn replaced_by(&self, index: usize) -> Vec<usize> {
        self.adjacency().replaced_by(index).to_vec()
    }

    /// The current heads of `index`'s supersede chain: the records that replace it, followed
    /// to the end (itself when nothing replaces it). A cycle stops the walk.
    #[must_use]
    pub fn heads(&self, index: usize) -> Vec<usize> {
        self.adjacency().heads(index)
    }

    /// Who links to and replaces whom, indexed once: for code asking about every record.
    #[must_use]
    pub fn adjacency(&self) -> Adjacency<'_> {
        Adjacency::new(self)
    }

    /// Edges stated by `index`. Edges are in record order, so this is a binary search.
    pub fn outgoing(&self, index: usize) -> impl Iterator<Item = &Edge> {
        let start = self.edges.partition_point(|e| e.from < index);
        let end = start + self.edges[start..].partition_point(|e| e.from <= index);
        self.edges[start..end].iter()
    }

    /// Edges from other records that resolve to `index`.
    pub fn incoming(&self, index: usize) -> impl Iterator<Item = &Edge> {
        self.edges
            .iter()
            .filter(move |e| e.to() == Some(index) && e.from != index)
    }
}

/// A graph's edges indexed by record, built in one pass: incoming edges and direct
/// replacements without scanning every edge for each record (the site and DK604 ask about
/// every record, which was quadratic).
#[derive(Debug, Clone)]
pub struct Adjacency<'a> {
    graph: &'a Graph,
    incoming: Vec<Vec<usize>>,
    newer: Vec<Vec<usize>>,
}

impl<'a> Adjacency<'a> {
    fn new(graph: &'a Graph) -> Adjacency<'a> {
        let n = graph.nodes.len();
        let mut incoming = vec![Vec::new(); n];
        for (i, e) in graph.edges.iter().enumerate() {
            if let Some(to) = e.to().filter(|&to| to != e.from && to < n) {
                incoming[to].push(i);
            }
        }
        let mut newer = vec![Vec::new(); n];
        for (new, old) in graph.supersessions() {
            if old < n {
                newer[old].push(new);
            }
        }
        Adjacency {
            graph,
            incoming,
            newer,
        }
    }

    /// Edges from other records that resolve to `index`, in edge order.
    pub fn incoming(&self, index: usize) -> impl Iterator<Item = &'a Edge> + '_ {
        let edges = &self.graph.edges;
        self.incoming
            .get(index)
            .into_iter()
            .flatten()
            .map(move |&i| &edges[i])
    }

    /// The records that replace `index`, directly, sorted.
    #[must_use]
    pub fn replaced_by(&self, index: usize) -> &[usize] {
        self.newer.get(index).map_or(&[], Vec::as_slice)
    }

    /// See [`Graph::heads`].
    #[must_use]
    pub fn heads(&self, index: usize) -> Vec<usize> {
        let mut heads = BTreeSet::new();
        let mut seen = BTreeSet::new();
        let mut stack = vec![index];
        while let Some(n) = stack.pop() {
            if !seen.insert(n) {
                continue;
            }
            match self.newer.get(n).filter(|next| !next.is_empty()) {
                Some(next) => stack.extend(next.iter().copied()),
                None => {
                    heads.insert(n);
                }
            }
        }
        heads.into_iter().collect()
    }
}

/// Reads `ADR-16`, `adr_0016`, `DR 2` or `0004` as (series, number).
pub(crate) fn parse_id(text: &str) -> Option<(Option<String>, u32)> {
    let t = text.trim();
    let letters = t.chars().take_while(char::is_ascii_alphabetic).count();
    let rest = t[letters..].trim_start_matches(['-', '_', ' ', '#']);
    if rest.is_empty() || rest.len() > 9 || !rest.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let series = (letters > 0).then(|| t[..letters].to_ascii_uppercase());
    Some((series, rest.parse().ok()?))
}
