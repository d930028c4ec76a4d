//! Graph checks (DK601–DK608): unresolved links, one-sided and cyclic supersedes, stale
//! chains, accepted records replaced without being retired, orphans, conflicting decisions
//! and broken relative links. Pure: findings come back as data for the CLI or the lint rules.

use std::collections::{BTreeMap, BTreeSet};

use crate::config::GraphConfig;
use crate::diagnostics::{Code, Diagnostic, Label, sort_diagnostics};
use crate::model::{LinkKind, Span, StatusKind, same_option};

use super::{Edge, Graph, Node, Target};

/// Every graph finding, sorted by (path, span, code). Severities are the defaults: DK603,
/// DK605 and DK607 are errors; DK601, DK602 and DK608 warnings; DK604 and DK606 info.
#[must_use]
pub fn check(graph: &Graph, config: &GraphConfig) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    unresolved_links(graph, &mut out);
    one_sided(graph, &mut out);
    cycles(graph, &mut out);
    stale_chains(graph, &mut out);
    accepted_replaced(graph, &mut out);
    if config.orphans {
        orphans(graph, &mut out);
    }
    conflicts(graph, &mut out);
    broken_files(graph, &mut out);
    sort_diagnostics(&mut out);
    out
}

fn key(node: &Node) -> &str {
    &node.key
}

fn label(node: &Node, span: Span, message: impl Into<String>) -> Label {
    Label {
        path: node.path.clone(),
        span,
        message: message.into(),
    }
}

fn with_label(mut d: Diagnostic, l: Label) -> Diagnostic {
    d.labels.push(l);
    d
}

/// DK601: a record reference with no record behind it.
fn unresolved_links(graph: &Graph, out: &mut Vec<Diagnostic>) {
    for e in &graph.edges {
        let Target::Absent {
            label: target,
            candidates,
        } = &e.target
        else {
            continue;
        };
        let from = &graph.nodes[e.from];
        let mut d = Diagnostic::new(
            Code::UnresolvedLink,
            &from.path,
            e.span,
            format!(
                "`{}` links to `{target}` ({}), which is not a record of this set",
                key(from),
                e.kind.as_str()
            ),
        );
        let names = |list: &[usize]| {
            list.iter()
                .map(|i| format!("`{}` ({})", graph.nodes[*i].key, graph.nodes[*i].path))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let help = if candidates.is_empty() {
            let near = near_records(graph, e);
            if near.is_empty() {
                "add the record to this folder, or fix or remove the link".to_string()
            } else {
                format!("did you mean {}?", names(&near))
            }
        } else {
            format!(
                "`{target}` matches several records: {}; link to one by its path",
                names(candidates)
            )
        };
        d = d.with_help(help);
        out.push(d);
    }
}

/// Records with the link's file name, else records of the same series whose number is one
/// digit away, or whose title matches the text after the id.
fn near_records(graph: &Graph, e: &Edge) -> Vec<usize> {
    if let Some(name) = e.href.as_deref().and_then(|h| h.split(['#', '?']).next()) {
        let name = name.rsplit('/').next().unwrap_or(name);
        let same: Vec<usize> = (0..graph.nodes.len())
            .filter(|i| graph.nodes[*i].path.rsplit('/').next() == Some(name))
            .collect();
        if !same.is_empty() {
            return same;
        }
    }
    let Some((series, number)) = e
        .text
        .split([':', ' ', '('])
        .find_map(super::parse_id)
        .or_else(|| {
            let href = e.href.as_deref()?;
            let name = href.rsplit('/').next()?;
            super::parse_id(name.split(['-', '_', '.']).next()?)
        })
    else {
        return Vec::new();
    };
    let digits = number.to_string();
    let title = crate::model::word_key(e.text.split_once(':').map_or("", |(_, t)| t));
    let mut near: Vec<usize> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(i, n)| {
            *i != e.from
                && (n.id.as_ref().is_some_and(|id| {
                    id.series == series
                        && super::resolve::one_edit_apart(&id.number.to_string(), &digits)
                }) || (!title.is_empty() && crate::model::word_key(&n.title) == title))
        })
        .map(|(i, _)| i)
        .collect();
    near.truncate(3);
    near
}

/// DK602: `A amends B` with no `amended by A` in B, or the other way round. One-sided
/// supersedes are left to lint's DK509, which can fix them, so no pair is reported twice.
fn one_sided(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let stated: BTreeSet<(usize, usize, LinkKind)> = graph
        .edges
        .iter()
        .filter_map(|e| Some((e.from, e.to()?, e.kind)))
        .collect();
    let mut reported = BTreeSet::new();
    for e in &graph.edges {
        let (Some(to), Some(inverse)) = (e.to(), e.kind.inverse()) else {
            continue;
        };
        if matches!(e.kind, LinkKind::Supersedes | LinkKind::SupersededBy) {
            continue;
        }
        if to == e.from
            || stated.contains(&(to, e.from, inverse))
            || !reported.insert((e.from, to, e.kind))
        {
            continue;
        }
        let (from, target) = (&graph.nodes[e.from], &graph.nodes[to]);
        let d = Diagnostic::new(Code::OneSidedLink, &from.path, e.span, {
            // `amends` / `is amended by`: the passive side takes "is".
            let active = matches!(e.kind, LinkKind::Supersedes | LinkKind::Amends);
            let (said, unsaid) = if active { ("", " is") } else { (" is", "") };
            format!(
                "`{}` says it{said} {} `{}`, but `{}` does not say it{unsaid} {} `{}`",
                key(from),
                verb_phrase(e.kind),
                key(target),
                key(target),
                verb_phrase(inverse),
                key(from)
            )
        })
        .with_help(format!(
            "state it on both sides: add `{} {}` (linking to `{}`) to `{}`",
            capitalised(inverse),
            key(from),
            from.path,
            target.path
        ));
        out.push(with_label(
            d,
            label(
                target,
                target.status_span.unwrap_or(target.title_span),
                "the other record",
            ),
        ));
    }
}

fn verb_phrase(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Supersedes => "supersedes",
        LinkKind::SupersededBy => "superseded by",
        LinkKind::Amends => "amends",
        LinkKind::AmendedBy => "amended by",
        _ => kind.as_str(),
    }
}

fn capitalised(kind: LinkKind) -> &'static str {
    match kind {
        LinkKind::Supersedes => "Supersedes",
        LinkKind::SupersededBy => "Superseded by",
        LinkKind::Amends => "Amends",
        LinkKind::AmendedBy => "Amended by",
        _ => "Related",
    }
}

/// The span of the edge in `from` that states a supersede relation with `other`.
fn supersede_span(graph: &Graph, from: usize, other: usize) -> Span {
    graph
        .outgoing(from)
        .find(|e| {
            e.to() == Some(other) && matches!(e.kind, LinkKind::Supersedes | LinkKind::SupersededBy)
        })
        .map_or_else(|| status_or_title(&graph.nodes[from]), |e| e.span)
}

fn status_or_title(node: &Node) -> Span {
    node.status_span.unwrap_or(node.title_span)
}

/// DK603: records that supersede each other round in a circle; one finding per cycle, on its
/// first record.
fn cycles(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let mut older: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (new, old) in graph.supersessions() {
        older.entry(new).or_default().push(old);
    }
    let mut reported: BTreeSet<Vec<usize>> = BTreeSet::new();
    for &start in older.keys() {
        let Some(cycle) = cycle_through(start, &older) else {
            continue;
        };
        let mut members = cycle.clone();
        members.sort_unstable();
        if !reported.insert(members) {
            continue;
        }
        let first = cycle[0];
        let node = &graph.nodes[first];
        let names: Vec<String> = cycle
            .iter()
            .chain(std::iter::once(&first))
            .map(|i| format!("`{}`", graph.nodes[*i].key))
            .collect();
        let mut d = Diagnostic::new(
            Code::SupersedeCycle,
            &node.path,
            supersede_span(graph, first, cycle[1 % cycle.len()]),
            format!("supersedes form a cycle: {}", names.join(" → ")),
        )
        .with_help("a record can only replace older ones: remove the link that points back");
        for k in 1..cycle.len() {
            let (a, b) = (cycle[k], cycle[(k + 1) % cycle.len()]);
            let n = &graph.nodes[a];
            let says = format!("`{}` supersedes `{}` here", n.key, graph.nodes[b].key);
            d.labels.push(label(n, supersede_span(graph, a, b), says));
        }
        out.push(d);
    }
}

/// The cycle through `start` in the supersedes relation, starting at its smallest node.
fn cycle_through(start: usize, older: &BTreeMap<usize, Vec<usize>>) -> Option<Vec<usize>> {
    // Depth-first search keeping the current path; a back edge to `start` closes the cycle.
    let mut path = vec![start];
    let mut iters = vec![0usize];
    let mut on_path = BTreeSet::from([start]);
    let mut done = BTreeSet::new();
    while let Some(&node) = path.last() {
        let next = older
            .get(&node)
            .and_then(|v| v.get(*iters.last()?))
            .copied();
        *iters.last_mut()? += 1;
        match next {
            Some(n) if n == start => {
                let min = path
                    .iter()
                    .position(|x| x == path.iter().min().unwrap_or(&start))?;
                path.rotate_left(min);
                return Some(path);
            }
            Some(n) if !on_path.contains(&n) && !done.contains(&n) => {
                path.push(n);
                iters.push(0);
                on_path.insert(n);
            }
            Some(_) => {}
            None => {
                on_path.remove(&node);
                done.insert(node);
                path.pop();
                iters.pop();
            }
        }
    }
    None
}

/// DK604: a record replaced by one that is itself replaced: the chain's head is elsewhere.
fn stale_chains(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let adjacency = graph.adjacency();
    for (i, node) in graph.nodes.iter().enumerate() {
        let direct = adjacency.replaced_by(i);
        let stale: Vec<usize> = direct
            .iter()
            .copied()
            .filter(|r| !adjacency.replaced_by(*r).is_empty())
            .collect();
        let Some(&via) = stale.first() else { continue };
        let heads: Vec<String> = adjacency
            .heads(i)
            .into_iter()
            .filter(|h| *h != i)
            .map(|h| format!("`{}`", graph.nodes[h].key))
            .collect();
        if heads.is_empty() {
            continue;
        }
        let d = Diagnostic::new(
Code::SupersededBySuperseded,
            &node.path,
            supersede_span(graph, i, via),
            format!(
                "`{}` is superseded by `{}`, which is itself superseded; the current decision is {}",
                node.key,
                graph.nodes[via].key,
                heads.join(" and ")
            ),
        )
        .with_help("readers following this record should go to the head of the chain; link it from here if that helps");
        out.push(d);
    }
}

/// DK605: an accepted record superseded by another accepted one; the old one should say so.
fn accepted_replaced(graph: &Graph, out: &mut Vec<Diagnostic>) {
    for (new, old) in graph.supersessions() {
        let (n, o) = (&graph.nodes[new], &graph.nodes[old]);
        if n.status != StatusKind::Accepted || o.status != StatusKind::Accepted {
            continue;
        }
        let d = Diagnostic::new(
            Code::AcceptedSupersedesAccepted,
            &o.path,
            status_or_title(o),
            format!(
                "`{}` is still accepted, but accepted `{}` supersedes it",
                o.key, n.key
            ),
        )
        .with_help(format!(
            "set `{}`'s status to `Superseded by {}`",
            o.key, n.key
        ));
        out.push(with_label(
            d,
            label(n, supersede_span(graph, new, old), "superseded here"),
        ));
    }
}

/// DK606: a record with no resolved link in or out.
fn orphans(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let mut linked = BTreeSet::new();
    for e in &graph.edges {
        if let Some(to) = e.to() {
            linked.insert(e.from);
            linked.insert(to);
        }
    }
    for (i, node) in graph.nodes.iter().enumerate() {
        if linked.contains(&i) {
            continue;
        }
        out.push(
            Diagnostic::new(
Code::OrphanRecord,
                &node.path,
                node.title_span,
                format!(
                    "`{}` links to no record and no record links to it",
                    node.key
                ),
            )
            .with_help(
                "add a Related, Supersedes or Depends on line, or stop reporting orphans (`[graph] orphans = false` for `graph --check`; disable the rule under `[lint]`)",
            ),
        );
    }
}

/// DK607: two accepted records on one topic that chose different options.
fn conflicts(graph: &Graph, out: &mut Vec<Diagnostic>) {
    let mut by_topic: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, node) in graph.nodes.iter().enumerate() {
        if node.status == StatusKind::Accepted && node.chosen.is_some() {
            for topic in &node.topics {
                by_topic.entry(topic).or_default().push(i);
            }
        }
    }
    let mut reported = BTreeSet::new();
    for (topic, records) in by_topic {
        for (k, &b) in records.iter().enumerate() {
            for &a in &records[..k] {
                let (na, nb) = (&graph.nodes[a], &graph.nodes[b]);
                let (ca, cb) = (
                    na.chosen.as_deref().unwrap_or(""),
                    nb.chosen.as_deref().unwrap_or(""),
                );
                if ca == cb || same_option(ca, cb) || !reported.insert((a, b)) {
                    continue;
                }
                let d = Diagnostic::new(
Code::ConflictingDecisions,
                    &nb.path,
                    nb.chosen_span.unwrap_or(nb.title_span),
                    format!(
                        "`{}` chooses `{cb}` for `{topic}`, but accepted `{}` chooses `{ca}`",
                        nb.key, na.key
                    ),
                )
                .with_help(
                    "supersede one record with the other, or give them different topics; a topic comes from front matter `topic:`/`component:`, a `topic:NAME` tag, `[graph] topic-tags`, or `[topics]` in docket.toml (`\"DR-001\" = \"backend\"`)",
                );
                out.push(with_label(
                    d,
                    label(
                        na,
                        na.chosen_span.unwrap_or(na.title_span),
                        format!("`{ca}` chosen here"),
                    ),
                ));
            }
        }
    }
}

/// DK608: a relation link to a relative file that is not a record and does not exist.
fn broken_files(graph: &Graph, out: &mut Vec<Diagnostic>) {
    for e in &graph.edges {
        let Target::File {
            path,
            exists: Some(false),
        } = &e.target
        else {
            continue;
        };
        let from = &graph.nodes[e.from];
        out.push(
            Diagnostic::new(
                Code::BrokenRelativeLink,
                &from.path,
                e.span,
                format!(
                    "`{}` links to `{}`, which does not exist",
                    from.key,
                    e.href.as_deref().unwrap_or(path)
                ),
            )
            .with_help(format!(
                "no file at `{path}`: fix the path or remove the link"
            )),
        );
    }
}
