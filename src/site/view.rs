//! View structs: what the site templates receive, with everything worked out (page URLs,
//! status labels and CSS classes, formatted dates, score percentages). Their field names are
//! the contract for people who override templates (`docs/site.md` lists them).

use serde::Serialize;

use crate::diagnostics::{Diagnostic, SourceMap};
use crate::graph::{Adjacency, Edge, Graph, Target};
use crate::model::{Decision, LinkKind, StatusKind, option_key};
use crate::score::{RecordScore, Scorecard, Verdict, fmt_plain};

use super::svg::{BarChart, bar_chart};

/// What every page knows about the site.
#[derive(Debug, Clone, Serialize)]
pub struct SiteView {
    /// The site's title.
    pub title: String,
    /// The prefix that turns a site-relative URL into a link from the current page: `../`
    /// on record pages, empty at the top, or the `--base-path`.
    pub root: String,
    /// The page being shown (`index`, `record`, `graph`, `timeline`, `platforms`).
    pub current: String,
    /// How many records the site has.
    pub records: usize,
}

/// A status as pages show it: a word (colour is never the only signal) and a CSS class.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// `Accepted`.
    pub label: String,
    /// `status-accepted`.
    pub class: String,
    /// The kind in lower case (`accepted`), for filters.
    pub kind: String,
    /// The status as the record writes it.
    pub raw: String,
}

impl StatusView {
    fn of(kind: StatusKind, raw: &str) -> StatusView {
        let word = kind.as_str();
        let mut label = word.to_string();
        if let Some(first) = label.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        StatusView {
            label,
            class: format!("status-{word}"),
            kind: word.to_string(),
            raw: raw.to_string(),
        }
    }
}

/// One record in a list (index, timeline, platforms, links).
#[derive(Debug, Clone, Serialize)]
pub struct RecordRow {
    /// The id, or the file name when the record has none (`DR-001`).
    pub key: String,
    /// The title.
    pub title: String,
    /// The page, relative to the site root (`records/dr-001-backend-hosting.html`).
    pub url: String,
    /// The page's file stem, unique in the site.
    pub slug: String,
    /// The status.
    pub status: StatusView,
    /// The decision date as `YYYY-MM-DD` (or `YYYY-MM`).
    pub date: Option<String>,
    /// The chosen option.
    pub chosen: Option<String>,
    /// Tags.
    pub tags: Vec<String>,
    /// The id's series prefix (`DR`, `ADR`); empty for bare numbers and records without id.
    pub series: String,
    /// The options the record weighs (chosen or considered), each once, in record order.
    pub options: Vec<String>,
    /// The same options as keys (lower case, suffixes dropped), for the platform filter.
    pub option_keys: Vec<String>,
    /// The record's file, as docket read it.
    pub path: String,
}

impl RecordRow {
    pub(crate) fn new(decision: &Decision, graph: &Graph, index: usize, slug: &str) -> RecordRow {
        let node = &graph.nodes[index];
        let options = record_options(decision);
        RecordRow {
            key: node.key.clone(),
            title: node.title.clone(),
            url: format!("records/{slug}.html"),
            slug: slug.to_string(),
            status: StatusView::of(node.status, &decision.status.raw),
            date: decision
                .date
                .as_ref()
                .and_then(|d| d.date)
                .map(|d| d.to_string()),
            chosen: decision.chosen.as_ref().map(|c| c.name.clone()),
            tags: decision.tags.clone(),
            series: decision
                .id
                .as_ref()
                .and_then(|id| id.series.clone())
                .unwrap_or_default(),
            options: options.clone(),
            option_keys: options.iter().map(|o| option_key(o)).collect(),
            path: decision.path.clone(),
        }
    }
}

/// The options a record weighs, the chosen one included, each once (by option key).
fn record_options(decision: &Decision) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    decision
        .chosen
        .iter()
        .map(|c| &c.name)
        .chain(decision.options.iter().map(|o| &o.name))
        .filter(|name| {
            let key = option_key(name);
            !key.is_empty() && seen.insert(key)
        })
        .cloned()
        .collect()
}

/// A label and a value in a record's metadata panel.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// `Deciders`.
    pub name: String,
    /// `Ana, Bo`.
    pub value: String,
}

/// A link to or from another record, or to something that is not one.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// The relation in words (`superseded by`, `mentions`).
    pub relation: String,
    /// Whether this is a mention in prose rather than a stated relation.
    pub mention: bool,
    /// The other record, when the link resolves to one.
    pub record: Option<RecordRow>,
    /// The link text when it names no record of the site.
    pub text: String,
}

/// One row of a criteria table.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionRow {
    /// The criterion.
    pub name: String,
    /// The weight as written.
    pub weight: String,
    /// The ratings as written, one per option column.
    pub cells: Vec<String>,
}

/// One option's computed total.
#[derive(Debug, Clone, Serialize)]
pub struct TotalView {
    /// The option.
    pub option: String,
    /// The total (`12.5`).
    pub total: String,
    /// The total as a share of the best possible (`83%`).
    pub percent: Option<String>,
    /// 1 for the best.
    pub rank: usize,
    /// Whether the Critical gate eliminated it.
    pub eliminated: bool,
    /// Whether it is the computed winner.
    pub winner: bool,
}

/// A criteria table with its computed scores and a bar chart of the totals.
#[derive(Debug, Clone, Serialize)]
pub struct ScorecardView {
    /// The heading above the table.
    pub heading: Option<String>,
    /// The option columns.
    pub options: Vec<String>,
    /// The criteria.
    pub criteria: Vec<CriterionRow>,
    /// Computed totals, in column order.
    pub totals: Vec<TotalView>,
    /// The best total possible.
    pub best_possible: String,
    /// What the computed winner says of the declared one.
    pub verdict: String,
    /// The bar chart of totals.
    pub chart: BarChart,
}

/// Options' costs side by side, per phase and month.
#[derive(Debug, Clone, Serialize)]
pub struct CostTableView {
    /// Phase names (`MVP`, `Production`).
    pub phases: Vec<String>,
    /// One row per option.
    pub rows: Vec<CostRow>,
}

/// One option's costs.
#[derive(Debug, Clone, Serialize)]
pub struct CostRow {
    /// The option.
    pub option: String,
    /// The cost per phase (`$15-30/mo`), empty where none is stated.
    pub cells: Vec<String>,
}

/// A lint finding on a record page.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// `DK612`.
    pub code: String,
    /// `dangling-link`.
    pub name: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The message.
    pub message: String,
    /// 1-based line.
    pub line: usize,
    /// What to do.
    pub help: Option<String>,
}

/// Everything a record page shows.
#[derive(Debug, Clone, Serialize)]
pub struct RecordPage {
    /// The record as lists show it.
    pub record: RecordRow,
    /// A longer title the record states.
    pub long_title: Option<String>,
    /// The record's text as sanitised HTML, links to other records pointed at their pages.
    pub html: String,
    /// Status, dates, people, chosen option.
    pub fields: Vec<FieldView>,
    /// The current records when this one is superseded (empty otherwise).
    pub superseded_by: Vec<RecordRow>,
    /// Links out: stated relations first, then mentions.
    pub outgoing: Vec<LinkView>,
    /// Links in: stated relations first, then mentions.
    pub incoming: Vec<LinkView>,
    /// Criteria tables with computed scores.
    pub scorecards: Vec<ScorecardView>,
    /// The cost comparison, when options state costs.
    pub costs: Option<CostTableView>,
    /// Lint findings on this record.
    pub findings: Vec<FindingView>,
    /// The record's source in the repository, when `repository_url` is set.
    pub source_url: Option<String>,
}

/// The relation an edge states, read from its own end (`supersedes`) or the other
/// (`superseded by`).
fn relation_words(kind: LinkKind, verb: &str) -> String {
    match kind {
        LinkKind::Other if !verb.is_empty() => verb.to_string(),
        LinkKind::Mention => "mentions".to_string(),
        other => other.as_str().replace('-', " "),
    }
}

fn incoming_words(kind: LinkKind, verb: &str) -> String {
    match kind {
        LinkKind::Mention => "mentioned by".to_string(),
        LinkKind::Related => "related".to_string(),
        other => format!("{} (stated by)", relation_words(other, verb)),
    }
}

/// The links of a record, out and in, relations before mentions.
pub(crate) fn link_views(
    graph: &Graph,
    adjacency: &Adjacency<'_>,
    index: usize,
    rows: &[RecordRow],
) -> (Vec<LinkView>, Vec<LinkView>) {
    let out_view = |e: &Edge| LinkView {
        relation: relation_words(e.kind, &e.verb),
        mention: e.kind == LinkKind::Mention,
        record: match &e.target {
            Target::Record { index } => Some(rows[*index].clone()),
            _ => None,
        },
        text: e.text.clone(),
    };
    let in_view = |e: &Edge| LinkView {
        relation: incoming_words(e.kind, &e.verb),
        mention: e.kind == LinkKind::Mention,
        record: Some(rows[e.from].clone()),
        text: e.text.clone(),
    };
    let mut outgoing: Vec<LinkView> = graph.outgoing(index).map(out_view).collect();
    let mut incoming: Vec<LinkView> = adjacency.incoming(index).map(in_view).collect();
    outgoing.sort_by_key(|l| l.mention);
    incoming.sort_by_key(|l| l.mention);
    dedup_links(&mut outgoing);
    dedup_links(&mut incoming);
    (outgoing, incoming)
}

/// Keeps the first of the links that would read the same on the page: a record mentioned three
/// times in another is listed once.
fn dedup_links(links: &mut Vec<LinkView>) {
    let mut seen = std::collections::HashSet::new();
    links.retain(|l| {
        let other = l.record.as_ref().map_or(&l.text, |r| &r.slug);
        seen.insert((l.relation.clone(), other.clone()))
    });
}

/// The metadata panel: status, dates, people, chosen option.
pub(crate) fn fields(decision: &Decision) -> Vec<FieldView> {
    let mut out = Vec::new();
    let mut push = |name: &str, value: String| {
        if !value.trim().is_empty() {
            out.push(FieldView {
                name: name.to_string(),
                value,
            });
        }
    };
    push("Status", decision.status.raw.replace("**", ""));
    let dates = [
        ("Date", &decision.date),
        ("Updated", &decision.updated_date),
        ("Effective", &decision.effective_date),
        ("Review", &decision.review_date),
        ("Due", &decision.due_date),
    ];
    for (name, field) in dates {
        if let Some(d) = field {
            push(
                name,
                d.date.map_or_else(|| d.raw.clone(), |x| x.to_string()),
            );
        }
    }
    let p = &decision.people;
    let people = [
        ("Owner", &p.owner),
        ("Deciders", &p.deciders),
        ("Decision makers", &p.decision_makers),
        ("Consulted", &p.consulted),
        ("Informed", &p.informed),
        ("Approved by", &p.approved_by),
    ];
    for (name, field) in people {
        if let Some(f) = field {
            push(name, f.names.join(", "));
        }
    }
    if let Some(c) = &decision.chosen {
        push("Chosen", c.name.clone());
    }
    if !decision.tags.is_empty() {
        push("Tags", decision.tags.join(", "));
    }
    push("Format", decision.format.as_str().to_string());
    push("File", decision.path.clone());
    out
}

fn verdict_words(card: &Scorecard) -> String {
    let winner = card.winner.clone().unwrap_or_default();
    let declared = card.declared.as_ref().map_or("", |d| d.name.as_str());
    match card.verdict {
        Verdict::Agrees => format!("The computed winner, {winner}, is the option chosen."),
        Verdict::AgreesTied => {
            format!("The option chosen, {declared}, shares the top total.")
        }
        Verdict::Disagrees => {
            format!("{winner} scores higher than the option chosen, {declared}.")
        }
        Verdict::DeclaredEliminated => {
            format!("The Critical gate eliminates the option chosen, {declared}.")
        }
        Verdict::DeclaredUnknown => {
            format!("The option chosen, {declared}, is not a column of this table.")
        }
        Verdict::NoDeclared => format!("Computed winner: {winner}. The record names none."),
        Verdict::NoWinner => "No option is left to win.".to_string(),
    }
}

/// A criteria table's scores as a view.
pub(crate) fn scorecard_view(card: &Scorecard) -> ScorecardView {
    let options: Vec<String> = card.options.iter().map(|o| o.name.clone()).collect();
    let criteria = card
        .criteria
        .iter()
        .map(|c| CriterionRow {
            name: c.name.clone(),
            weight: c.weight.as_ref().map(|w| w.raw.clone()).unwrap_or_default(),
            cells: options
                .iter()
                .map(|o| {
                    c.cells
                        .iter()
                        .find(|cell| &cell.option == o)
                        .map(|cell| cell.raw.clone())
                        .unwrap_or_default()
                })
                .collect(),
        })
        .collect();
    let totals: Vec<TotalView> = card
        .options
        .iter()
        .map(|o| TotalView {
            option: o.name.clone(),
            total: fmt_plain(o.total),
            percent: o.normalised.map(|n| format!("{}%", fmt_plain(n.round()))),
            rank: o.rank,
            eliminated: o.eliminated,
            winner: card.winner.as_deref() == Some(o.name.as_str()),
        })
        .collect();
    let chart = bar_chart(
        &card
            .options
            .iter()
            .map(|o| (o.name.as_str(), o.total, o.eliminated))
            .collect::<Vec<_>>(),
        card.best_possible,
    );
    ScorecardView {
        heading: card.heading.clone(),
        options,
        criteria,
        totals,
        best_possible: fmt_plain(card.best_possible),
        verdict: verdict_words(card),
        chart,
    }
}

/// The cost comparison as a view; `None` when no option states a cost.
pub(crate) fn cost_view(score: &RecordScore) -> Option<CostTableView> {
    let costs = &score.costs;
    if costs.options.is_empty() {
        return None;
    }
    let rows = costs
        .options
        .iter()
        .map(|o| CostRow {
            option: o.option.clone(),
            cells: o
                .phases
                .iter()
                .map(|p| {
                    let Some(p) = p else { return String::new() };
                    let mut parts = Vec::new();
                    if let Some(m) = &p.monthly {
                        parts.push(format!("{}/mo", m.to_text()));
                    }
                    if let Some(m) = &p.one_off {
                        parts.push(format!("{} once", m.to_text()));
                    }
                    if parts.is_empty() {
                        p.lines.join("; ")
                    } else {
                        parts.join(" + ")
                    }
                })
                .collect(),
        })
        .collect();
    Some(CostTableView {
        phases: costs.phases.clone(),
        rows,
    })
}

/// The findings on one record, in the order lint prints them.
pub(crate) fn finding_views(
    findings: &[&Diagnostic],
    path: &str,
    sources: &SourceMap,
) -> Vec<FindingView> {
    findings
        .iter()
        .map(|d| FindingView {
            code: d.code.to_string(),
            name: d.name.to_string(),
            severity: d.severity.as_str().to_string(),
            message: d.message.clone(),
            line: sources.line_col(path, d.span.start).line,
            help: d.help.clone(),
        })
        .collect()
}
