//! The pages of the site as views: index, one page per record, graph, timeline and
//! platforms, each a struct the matching template receives as `page`.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::graph::{Adjacency, Target};
use crate::model::{Decision, StatusKind, option_key, same_option};
use crate::score::{RecordScore, fmt_plain};
use crate::workspace::Workspace;

use super::files::{LocalFiles, Rewrite, rewrite_links};
use super::svg::{GraphDrawing, graph_drawing};
use super::view::{
    RecordPage, RecordRow, StatusView, cost_view, fields, finding_views, link_views, scorecard_view,
};

/// The index: every record, and the statuses and tags to filter by.
#[derive(Debug, Clone, Serialize)]
pub struct IndexPage {
    /// Every record, in site order.
    pub records: Vec<RecordRow>,
    /// The statuses the records have, in lifecycle order.
    pub statuses: Vec<StatusView>,
    /// The tags the records have, sorted.
    pub tags: Vec<String>,
    /// The id series the records have (`ADR`, `DR`), sorted; `has_unnumbered` tells whether
    /// some record has none.
    pub series: Vec<String>,
    /// Whether some record has no series (a bare number or no id).
    pub has_unnumbered: bool,
    /// The options (platforms) the records weigh, sorted case-blind, each once.
    pub platforms: Vec<PlatformChoice>,
}

/// An option in the index's platform filter.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformChoice {
    /// The option key rows list in `option_keys`.
    pub key: String,
    /// The name as first written.
    pub name: String,
}

/// The graph page.
#[derive(Debug, Clone, Serialize)]
pub struct GraphPage {
    /// The drawing.
    pub drawing: GraphDrawing,
    /// The statuses drawn, for the legend.
    pub statuses: Vec<StatusView>,
}

/// The records of one month.
#[derive(Debug, Clone, Serialize)]
pub struct MonthGroup {
    /// `2025-12`.
    pub month: String,
    /// Its records, newest first.
    pub records: Vec<RecordRow>,
}

/// The timeline page.
#[derive(Debug, Clone, Serialize)]
pub struct TimelinePage {
    /// Months, newest first.
    pub months: Vec<MonthGroup>,
    /// Records without a decision date.
    pub undated: Vec<RecordRow>,
}

/// One record's view of an option (a platform).
#[derive(Debug, Clone, Serialize)]
pub struct PlatformUse {
    /// The record.
    pub record: RecordRow,
    /// The option's name there.
    pub name: String,
    /// `chosen`, `rejected` (another option was chosen) or `considered`.
    pub role: String,
    /// Its computed total in the record's criteria tables (`12 of 15 (80%), rank 1`).
    pub ratings: Vec<String>,
    /// Its costs per phase (`MVP: $5/mo`).
    pub costs: Vec<String>,
}

/// An option across every record that weighs it.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformView {
    /// The name as first written.
    pub name: String,
    /// A fragment id for linking to it.
    pub anchor: String,
    /// How many records chose it.
    pub chosen: usize,
    /// How many records chose another option over it.
    pub rejected: usize,
    /// Where it was weighed.
    pub uses: Vec<PlatformUse>,
}

/// The platforms page.
#[derive(Debug, Clone, Serialize)]
pub struct PlatformsPage {
    /// Every option, by name.
    pub platforms: Vec<PlatformView>,
}

/// The statuses present in `rows`, in lifecycle order.
fn statuses_of(rows: &[RecordRow]) -> Vec<StatusView> {
    let mut seen: BTreeMap<usize, StatusView> = BTreeMap::new();
    for row in rows {
        let order = StatusKind::KNOWN
            .iter()
            .position(|k| k.as_str() == row.status.kind)
            .unwrap_or(StatusKind::KNOWN.len());
        seen.entry(order).or_insert_with(|| StatusView {
            raw: String::new(),
            ..row.status.clone()
        });
    }
    seen.into_values().collect()
}

pub(crate) fn index_page(rows: &[RecordRow]) -> IndexPage {
    let mut tags: Vec<String> = rows.iter().flat_map(|r| r.tags.iter().cloned()).collect();
    tags.sort();
    tags.dedup();
    let mut series: Vec<String> = rows
        .iter()
        .filter(|r| !r.series.is_empty())
        .map(|r| r.series.clone())
        .collect();
    series.sort();
    series.dedup();
    let mut platforms: BTreeMap<String, PlatformChoice> = BTreeMap::new();
    for row in rows {
        for (name, key) in row.options.iter().zip(&row.option_keys) {
            platforms
                .entry(key.clone())
                .or_insert_with(|| PlatformChoice {
                    key: key.clone(),
                    name: name.clone(),
                });
        }
    }
    let mut platforms: Vec<PlatformChoice> = platforms.into_values().collect();
    platforms.sort_by(|a, b| (a.name.to_lowercase(), &a.key).cmp(&(b.name.to_lowercase(), &b.key)));
    IndexPage {
        records: rows.to_vec(),
        statuses: statuses_of(rows),
        tags,
        series,
        has_unnumbered: rows.iter().any(|r| r.series.is_empty()),
        platforms,
    }
}

pub(crate) fn graph_page(workspace: &Workspace, rows: &[RecordRow]) -> GraphPage {
    GraphPage {
        drawing: graph_drawing(&workspace.graph, rows),
        statuses: statuses_of(rows),
    }
}

pub(crate) fn timeline_page(rows: &[RecordRow]) -> TimelinePage {
    let mut months: BTreeMap<String, Vec<RecordRow>> = BTreeMap::new();
    let mut undated = Vec::new();
    for row in rows {
        match &row.date {
            Some(date) => months
                .entry(date.get(..7).unwrap_or(date).to_string())
                .or_default()
                .push(row.clone()),
            None => undated.push(row.clone()),
        }
    }
    let months = months
        .into_iter()
        .rev()
        .map(|(month, mut records)| {
            // Newest first; the sort is stable, so equal dates keep site order.
            records.sort_by(|a, b| b.date.cmp(&a.date));
            MonthGroup { month, records }
        })
        .collect();
    TimelinePage { months, undated }
}

/// An option's role in a record.
fn role(decision: &Decision, name: &str, selected: bool) -> &'static str {
    match &decision.chosen {
        _ if selected => "chosen",
        Some(c) if same_option(&c.name, name) => "chosen",
        Some(_) => "rejected",
        None => "considered",
    }
}

fn platform_use(
    decision: &Decision,
    score: &RecordScore,
    row: &RecordRow,
    name: &str,
    selected: bool,
) -> PlatformUse {
    let ratings = score
        .tables
        .iter()
        .filter_map(|t| {
            let o = t.options.iter().find(|o| same_option(&o.name, name))?;
            let pct = o
                .normalised
                .map_or_else(String::new, |n| format!(" ({}%)", fmt_plain(n.round())));
            Some(format!(
                "{} of {}{pct}, rank {}",
                fmt_plain(o.total),
                fmt_plain(t.best_possible),
                o.rank
            ))
        })
        .collect();
    let costs = cost_view(score)
        .and_then(|table| {
            let row = table
                .rows
                .iter()
                .find(|r| same_option(&r.option, name))?
                .clone();
            Some(
                table
                    .phases
                    .iter()
                    .zip(row.cells)
                    .filter(|(_, cell)| !cell.is_empty())
                    .map(|(phase, cell)| format!("{phase}: {cell}"))
                    .collect(),
            )
        })
        .unwrap_or_default();
    PlatformUse {
        record: row.clone(),
        name: name.to_string(),
        role: role(decision, name, selected).to_string(),
        ratings,
        costs,
    }
}

/// What the platforms page shows of one record: each option it weighs, with its key.
pub(crate) fn platform_uses(
    decision: &Decision,
    score: &RecordScore,
    row: &RecordRow,
) -> Vec<(String, PlatformUse)> {
    decision
        .options
        .iter()
        .map(|o| (option_key(&o.name), o))
        .filter(|(key, _)| !key.is_empty())
        .map(|(key, o)| (key, platform_use(decision, score, row, &o.name, o.selected)))
        .collect()
}

/// The platforms page; `scores` holds every record's score (the one for record `i` at `i`).
pub(crate) fn platforms_page(
    decisions: &[Decision],
    scores: &[Option<RecordScore>],
    rows: &[RecordRow],
) -> PlatformsPage {
    let mut by_key: BTreeMap<String, PlatformView> = BTreeMap::new();
    for (i, d) in decisions.iter().enumerate() {
        for o in &d.options {
            let key = option_key(&o.name);
            if key.is_empty() {
                continue;
            }
            let entry = by_key.entry(key.clone()).or_insert_with(|| PlatformView {
                name: o.name.clone(),
                anchor: super::slugify(&key),
                chosen: 0,
                rejected: 0,
                uses: Vec::new(),
            });
            if entry.uses.iter().any(|u| u.record.slug == rows[i].slug) {
                continue;
            }
            let score = scores[i]
                .as_ref()
                .expect("every record is scored before the platforms page");
            let use_ = platform_use(d, score, &rows[i], &o.name, o.selected);
            entry.chosen += usize::from(use_.role == "chosen");
            entry.rejected += usize::from(use_.role == "rejected");
            entry.uses.push(use_);
        }
    }
    let mut platforms: Vec<PlatformView> = by_key.into_values().collect();
    platforms.sort_by(|a, b| {
        (a.name.to_lowercase(), &a.anchor).cmp(&(b.name.to_lowercase(), &b.anchor))
    });
    PlatformsPage { platforms }
}

/// `&`, `<`, `>` and `"` as they appear in an attribute value ammonia wrote.
fn attribute_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// What every record page is made from: the workspace, its graph's adjacency, every
/// record's row and score, and the prefix leading from a record page to the site root.
pub(crate) struct RecordInputs<'a> {
    pub(crate) workspace: &'a Workspace,
    pub(crate) adjacency: Adjacency<'a>,
    pub(crate) rows: &'a [RecordRow],
    pub(crate) scores: &'a [Option<RecordScore>],
    pub(crate) root: String,
}

/// Record `index`'s page, with `findings` (its own). Local files the record links to are
/// collected in `local`, which also knows `[site] repository_url`.
pub(crate) fn record_page(
    inputs: &RecordInputs<'_>,
    findings: &[&crate::diagnostics::Diagnostic],
    index: usize,
    local: &mut LocalFiles,
) -> RecordPage {
    let RecordInputs {
        workspace,
        adjacency,
        rows,
        scores,
        root,
    } = inputs;
    let score = scores[index]
        .as_ref()
        .expect("the records whose pages are rendered are scored");
    let graph = &workspace.graph;
    let decision = &workspace.corpus.decisions[index];
    let hrefs: Vec<(String, String)> = graph
        .outgoing(index)
        .filter_map(|e| match (&e.href, &e.target) {
            (Some(href), Target::Record { index }) => {
                Some((attribute_text(href), format!("{root}{}", rows[*index].url)))
            }
            _ => None,
        })
        .collect();
    let html = decision
        .html
        .as_ref()
        .map(|h| {
            let linked = h.with_hrefs(&hrefs);
            rewrite_links(linked.as_str(), |value, image| {
                if !image && hrefs.iter().any(|(_, to)| to == value) {
                    return Rewrite::Keep;
                }
                local.rewrite(&decision.path, value, image)
            })
        })
        .unwrap_or_default();
    let heads = adjacency.heads(index);
    let superseded_by = if heads == [index] {
        Vec::new()
    } else {
        heads.iter().map(|h| rows[*h].clone()).collect()
    };
    let (outgoing, incoming) = link_views(graph, adjacency, index, rows);
    RecordPage {
        record: rows[index].clone(),
        long_title: decision.title.long.clone(),
        html,
        fields: fields(decision),
        superseded_by,
        outgoing,
        incoming,
        scorecards: score.tables.iter().map(scorecard_view).collect(),
        costs: cost_view(score),
        findings: finding_views(findings, &decision.path, &workspace.corpus.sources),
        source_url: local
            .repository_url
            .as_ref()
            .map(|url| format!("{}/{}", url.trim_end_matches('/'), decision.path)),
    }
}
