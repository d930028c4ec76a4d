//! `docket graph`: the decision graph as text, DOT, Mermaid or JSON, and `--check` for the
//! graph findings (`DK6xx`) through the lint pipeline.

use std::fmt::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use docket::diagnostics::{Code, Family};
use docket::graph::{Filter, Graph, Target, View};
use docket::model::{LinkKind, StatusKind};
use docket::rules::{self, LintOptions};

use super::args::{FindingsFormat, InputArgs, OutputArgs, findings_exit_code, render_findings};
use super::output::emit;

/// Reads a status name as `--status` takes it: a known status or `unknown`.
pub(crate) fn parse_status(text: &str) -> Result<StatusKind, String> {
    let all: Vec<StatusKind> = StatusKind::KNOWN
        .into_iter()
        .chain([StatusKind::Unknown])
        .collect();
    parse_named(text, &all, StatusKind::as_str, "status")
}

fn parse_kind(text: &str) -> Result<LinkKind, String> {
    parse_named(text, &LinkKind::ALL, LinkKind::as_str, "link kind")
}

/// The value of `all` whose name is `text` (case-insensitive), or a message listing them.
fn parse_named<T: Copy>(
    text: &str,
    all: &[T],
    name: fn(T) -> &'static str,
    what: &str,
) -> Result<T, String> {
    all.iter()
        .copied()
        .find(|v| name(*v).eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|v| name(*v)).collect();
            format!("unknown {what} `{text}`; use one of {}", names.join(", "))
        })
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum GraphFormat {
    /// Each record with its links, absent targets named.
    Text,
    /// Graphviz DOT.
    Dot,
    /// A Mermaid flowchart.
    Mermaid,
    /// Nodes, edges and counts as JSON.
    Json,
}

/// Arguments of `docket graph`.
#[derive(Debug, Args)]
pub(crate) struct GraphArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    format: GraphFormat,
    /// Show only records with this status (repeatable).
    #[arg(long = "status", value_name = "STATUS", value_parser = parse_status)]
    statuses: Vec<StatusKind>,
    /// Show only links of this kind (repeatable): supersedes, amends, related, split-from,
    /// depends-on, other, mention.
    #[arg(long = "kind", value_name = "KIND", value_parser = parse_kind)]
    kinds: Vec<LinkKind>,
    /// Show only the chain around this record (`ADR-016`, a path or a file name).
    #[arg(long, value_name = "ID")]
    around: Option<String>,
    /// Report the graph findings (DK601–DK608) as `docket lint` does, with its suppressions
    /// and `[lint]` settings; exits 1 on any error. `--format json` prints them as JSON.
    #[arg(long)]
    check: bool,
    /// With --check, also report records with no link in or out (DK606).
    #[arg(long)]
    orphans: bool,
    #[command(flatten)]
    out: OutputArgs,
}

pub(crate) fn run(args: &GraphArgs) -> anyhow::Result<ExitCode> {
    let output = args.out.output.as_deref();
    let mut workspace = args.input.load()?;
    if args.check {
        if args.orphans {
            workspace.config.lint.enable_code(Code::OrphanRecord);
        }
        let options = LintOptions {
            families: vec![Family::Links],
            ..LintOptions::default()
        };
        let findings = rules::run(&workspace, &options);
        let format = match args.format {
            GraphFormat::Json => FindingsFormat::Json,
            _ => FindingsFormat::Human,
        };
        let sources = &workspace.corpus.sources;
        let text = render_findings(format, output.is_some(), &findings, sources);
        emit(&text, output)?;
        return Ok(findings_exit_code(&findings, false, None));
    }
    let graph = &workspace.graph;
    let around = match &args.around {
        Some(query) => Some(find_one(graph, query)?),
        None => None,
    };
    let filter = Filter {
        statuses: args.statuses.clone(),
        kinds: args.kinds.clone(),
        around,
    };
    let view = graph.view(&filter);
    let text = match args.format {
        GraphFormat::Text => render_text(graph, &view, &filter),
        GraphFormat::Dot => docket::graph::to_dot(&view),
        GraphFormat::Mermaid => docket::graph::to_mermaid(&view),
        GraphFormat::Json => {
            let json = serde_json::json!({
                "nodes": view.nodes,
                "edges": view.edges,
                "links": graph.edges.iter().map(|e| serde_json::json!({
                    "from": graph.nodes[e.from].key,
                    "path": graph.nodes[e.from].path,
                    "kind": e.kind,
                    "verb": e.verb,
                    "text": e.text,
                    "href": e.href,
                    "target": e.target,
                    "to": e.to().map(|i| &graph.nodes[i].key),
                    "evidence": e.evidence,
                    "explicit": e.explicit,
                    "span": e.span,
                })).collect::<Vec<_>>(),
                "ignored": graph.ignored.iter().map(|i| serde_json::json!({
                    "from": graph.nodes[i.from].key,
                    "text": i.text,
                    "reason": i.reason,
                })).collect::<Vec<_>>(),
                "summary": graph.summary(),
            });
            serde_json::to_string_pretty(&json)? + "\n"
        }
    };
    emit(&text, output)?;
    Ok(ExitCode::SUCCESS)
}

/// The one record a query names; none or several is a usage failure.
pub(crate) fn find_one(graph: &Graph, query: &str) -> anyhow::Result<usize> {
    match graph.find(query).as_slice() {
        [one] => Ok(*one),
        [] => anyhow::bail!("no record `{query}` among the records read"),
        many => {
            let paths: Vec<&str> = many.iter().map(|i| graph.nodes[*i].path.as_str()).collect();
            anyhow::bail!(
                "`{query}` names several records: {}; give a path",
                paths.join(", ")
            )
        }
    }
}

/// Each kept record with the links it states (inverse kinds as written), absent targets named.
fn render_text(graph: &Graph, view: &View, filter: &Filter) -> String {
    let mut out = String::new();
    let kept: std::collections::BTreeSet<&str> = view
        .nodes
        .iter()
        .filter_map(|n| n.path.as_deref())
        .collect();
    for (i, node) in graph.nodes.iter().enumerate() {
        if !kept.contains(node.path.as_str()) {
            continue;
        }
        let _ = writeln!(
            out,
            "{}  {}  [{}]  {}",
            node.key,
            node.title,
            node.status.as_str(),
            node.path
        );
        for e in graph.outgoing(i) {
            if !filter.kinds.is_empty() && !filter.kinds.iter().any(|k| same_kind(*k, e.kind)) {
                continue;
            }
            let what = match &e.target {
                Target::Record { index } => {
                    let to = &graph.nodes[*index];
                    if !kept.contains(to.path.as_str()) {
                        continue;
                    }
                    format!("{}  {}  [{}]", to.key, to.title, to.status.as_str())
                }
                Target::Absent { label, candidates } if candidates.is_empty() => {
                    format!("{label}  (absent: no record with this id or path is in the set)")
                }
                Target::Absent { label, candidates } => {
                    format!("{label}  (ambiguous: {} records match)", candidates.len())
                }
                Target::File { .. } => continue,
            };
            let _ = writeln!(out, "  {:<13} → {what}", e.kind.as_str());
        }
    }
    let s = graph.summary();
    let _ = writeln!(
        out,
        "\n{} records; {} record links: {} resolved, {} unresolved (absent); {} links to other files; {} links name no record",
        s.records, s.edges, s.resolved, s.unresolved, s.files, s.ignored
    );
    out
}

/// Whether a `--kind` value selects an edge kind; `supersedes` and `superseded-by` select
/// each other, as do `amends` and `amended-by`.
fn same_kind(wanted: LinkKind, kind: LinkKind) -> bool {
    wanted == kind || wanted.inverse() == Some(kind)
}
