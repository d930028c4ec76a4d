//! What a drawing shows: the nodes and edges left after filters, with inverse relations drawn
//! one way (`superseded-by` as the newer record's `supersedes`), repeats merged, and mentions
//! kept only between records that state no relation.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::model::{LinkKind, StatusKind};

use super::{Graph, Target};

/// Which part of the graph to show.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Keep only records with one of these statuses (all when empty).
    pub statuses: Vec<StatusKind>,
    /// Keep only edges of these kinds (all when empty); `superseded-by` counts as `supersedes`.
    pub kinds: Vec<LinkKind>,
    /// Keep only the chain around this node: its supersede and amend chain and its neighbours.
    pub around: Option<usize>,
}

/// A node to draw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ViewNode {
    /// The name in the drawing (`n3` for a record, `a0` for an absent one).
    pub name: String,
    /// The id or the file name.
    pub label: String,
    /// The title; absent for absent records.
    pub title: Option<String>,
    /// The status; absent for absent records.
    pub status: Option<StatusKind>,
    /// The record's path; absent for absent records.
    pub path: Option<String>,
    /// True when no record of the set is behind the node.
    pub absent: bool,
}

/// An edge to draw.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ViewEdge {
    /// The source node's name.
    pub from: String,
    /// The target node's name.
    pub to: String,
    /// The relation, inverse kinds turned around.
    pub kind: LinkKind,
}

/// A filtered drawing of the graph: nodes in corpus order, absent ones after, edges sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct View {
    /// The nodes.
    pub nodes: Vec<ViewNode>,
    /// The edges.
    pub edges: Vec<ViewEdge>,
}

/// Where an edge ends in a drawing: a node index or an absent label.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum End {
    Node(usize),
    Absent(String),
}

fn canonical(kind: LinkKind) -> (LinkKind, bool) {
    match kind {
        LinkKind::SupersededBy => (LinkKind::Supersedes, true),
        LinkKind::AmendedBy => (LinkKind::Amends, true),
        k => (k, false),
    }
}

impl Graph {
    /// The part of the graph a filter keeps, ready to draw.
    #[must_use]
    pub fn view(&self, filter: &Filter) -> View {
        let kinds: BTreeSet<LinkKind> = filter.kinds.iter().map(|k| canonical(*k).0).collect();
        let mut keep: BTreeSet<usize> = (0..self.nodes.len())
            .filter(|i| {
                filter.statuses.is_empty() || filter.statuses.contains(&self.nodes[*i].status)
            })
            .collect();
        if let Some(center) = filter.around {
            let around = self.around(center);
            keep.retain(|i| around.contains(i) || *i == center);
            keep.insert(center);
        }
        let mut edges: BTreeSet<(End, End, LinkKind)> = BTreeSet::new();
        for e in &self.edges {
            let (kind, flip) = canonical(e.kind);
            if (!kinds.is_empty() && !kinds.contains(&kind)) || !keep.contains(&e.from) {
                continue;
            }
            let to = match &e.target {
                Target::Record { index } if keep.contains(index) => End::Node(*index),
                Target::Absent { label, .. } => End::Absent(label.clone()),
                _ => continue,
            };
            let from = End::Node(e.from);
            if from == to {
                continue;
            }
            let pair = match (flip, &to) {
                (true, End::Node(_)) => (to, from),
                _ => (from, to),
            };
            edges.insert((pair.0, pair.1, kind));
        }
        // A `related` link adds nothing where the pair already has another relation, and a
        // mention nothing where the pair has any relation.
        let pairs = |keep: fn(LinkKind) -> bool| -> BTreeSet<(End, End)> {
            edges
                .iter()
                .filter(|(_, _, k)| keep(*k))
                .flat_map(|(a, b, _)| [(a.clone(), b.clone()), (b.clone(), a.clone())])
                .collect()
        };
        let strong = pairs(|k| k.is_relation() && k != LinkKind::Related);
        let related = pairs(LinkKind::is_relation);
        let mut seen_related = BTreeSet::new();
        edges.retain(|(a, b, k)| {
            if *k == LinkKind::Mention {
                return !related.contains(&(a.clone(), b.clone()));
            }
            if *k != LinkKind::Related {
                return true;
            }
            let unordered = if a <= b {
                (a.clone(), b.clone())
            } else {
                (b.clone(), a.clone())
            };
            !strong.contains(&(a.clone(), b.clone())) && seen_related.insert(unordered)
        });
        self.to_view(&keep, &edges)
    }

    fn to_view(&self, keep: &BTreeSet<usize>, edges: &BTreeSet<(End, End, LinkKind)>) -> View {
        let absent: BTreeMap<String, String> = edges
            .iter()
            .filter_map(|(_, to, _)| match to {
                End::Absent(label) => Some(label.clone()),
                End::Node(_) => None,
            })
            .collect::<BTreeSet<_>>()
            .into_iter()
            .enumerate()
            .map(|(i, label)| (label, format!("a{i}")))
            .collect();
        let name = |end: &End| match end {
            End::Node(i) => format!("n{i}"),
            End::Absent(label) => absent[label].clone(),
        };
        let mut nodes: Vec<ViewNode> = keep
            .iter()
            .map(|i| {
                let n = &self.nodes[*i];
                let file = n.path.rsplit('/').next().unwrap_or(&n.path);
                ViewNode {
                    name: format!("n{i}"),
                    label: n
                        .id
                        .as_ref()
                        .map_or_else(|| file.to_string(), |id| id.raw.clone()),
                    title: Some(n.title.clone()),
                    status: Some(n.status),
                    path: Some(n.path.clone()),
                    absent: false,
                }
            })
            .collect();
        nodes.extend(absent.iter().map(|(label, name)| ViewNode {
            name: name.clone(),
            label: label.clone(),
            title: None,
            status: None,
            path: None,
            absent: true,
        }));
        let mut edges: Vec<ViewEdge> = edges
            .iter()
            .map(|(a, b, kind)| ViewEdge {
                from: name(a),
                to: name(b),
                kind: *kind,
            })
            .collect();
        edges.sort_by(|x, y| {
            let key = |e: &ViewEdge| (node_number(&e.from), node_number(&e.to), e.kind);
            key(x).cmp(&key(y))
        });
        View { nodes, edges }
    }

    /// The supersede and amend chain through `center` (both directions, followed to the
    /// ends) plus every record it links to or is linked from.
    fn around(&self, center: usize) -> BTreeSet<usize> {
        let chain: Vec<(usize, usize)> = self
            .supersessions()
            .into_iter()
            .chain(self.amendments())
            .collect();
        let mut out = BTreeSet::from([center]);
        let mut stack = vec![center];
        while let Some(n) = stack.pop() {
            for (a, b) in &chain {
                for (x, y) in [(*a, *b), (*b, *a)] {
                    if x == n && out.insert(y) {
                        stack.push(y);
                    }
                }
            }
        }
        for e in &self.edges {
            match e.to() {
                Some(to) if e.from == center => {
                    out.insert(to);
                }
                Some(to) if to == center => {
                    out.insert(e.from);
                }
                _ => {}
            }
        }
        out
    }
}

/// Orders `n2` before `n10` and records before absent ones.
fn node_number(name: &str) -> (bool, usize) {
    let absent = name.starts_with('a');
    (absent, name[1..].parse().unwrap_or(usize::MAX))
}
