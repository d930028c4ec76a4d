//! `docket show ID`: one record's status, date, chosen option, topics, the head of its
//! supersede chain, and its outgoing and incoming links with their resolved targets.

use std::fmt::Write;
use std::process::ExitCode;

use clap::Args;
use docket::graph::{Edge, Graph, Target};

use super::args::InputArgs;
use super::graph::find_one;
use super::output::emit;

/// Arguments of `docket show`.
#[derive(Debug, Args)]
pub(crate) struct ShowArgs {
    /// The record: an id (`ADR-016`, `adr-16`, `0004`), a path or a file name.
    id: String,
    #[command(flatten)]
    input: InputArgs,
}

pub(crate) fn run(args: &ShowArgs) -> anyhow::Result<ExitCode> {
    let workspace = args.input.load()?;
    let graph = &workspace.graph;
    let index = find_one(graph, &args.id)?;
    let d = &workspace.corpus.decisions[index];
    let node = &graph.nodes[index];
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", node.key, node.title);
    let field = |out: &mut String, name: &str, value: &str| {
        let _ = writeln!(out, "  {name:<9}{value}");
    };
    field(&mut out, "path", &node.path);
    let status = if d.status.raw.is_empty() {
        node.status.as_str().to_string()
    } else {
        format!("{} ({})", node.status.as_str(), d.status.raw)
    };
    field(&mut out, "status", &status);
    field(&mut out, "date", node.date.as_deref().unwrap_or("-"));
    field(&mut out, "chosen", node.chosen.as_deref().unwrap_or("-"));
    if !node.topics.is_empty() {
        field(&mut out, "topics", &node.topics.join(", "));
    }
    field(&mut out, "head", &head_line(graph, index));
    let _ = writeln!(out, "outgoing:");
    let mut any = false;
    for e in graph.outgoing(index) {
        any = true;
        let _ = writeln!(
            out,
            "  {:<14}{}",
            e.kind.as_str(),
            describe_target(graph, e)
        );
    }
    if !any {
        let _ = writeln!(out, "  (none)");
    }
    let _ = writeln!(out, "incoming:");
    let mut any = false;
    for e in graph.incoming(index) {
        any = true;
        let from = &graph.nodes[e.from];
        let _ = writeln!(
            out,
            "  {:<14}from {}  {}  [{}]",
            e.kind.as_str(),
            from.key,
            from.title,
            from.status.as_str()
        );
    }
    if !any {
        let _ = writeln!(out, "  (none)");
    }
    emit(&out, None)?;
    Ok(ExitCode::SUCCESS)
}

fn head_line(graph: &Graph, index: usize) -> String {
    let heads: Vec<usize> = graph.heads(index);
    if heads == [index] {
        return format!(
            "{} (current: nothing supersedes it)",
            graph.nodes[index].key
        );
    }
    heads
        .iter()
        .map(|h| {
            let n = &graph.nodes[*h];
            format!("{} {} [{}]", n.key, n.title, n.status.as_str())
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn describe_target(graph: &Graph, e: &Edge) -> String {
    let how = match (e.evidence, e.explicit) {
        (Some(ev), true) => format!("by {}", evidence_name(ev)),
        (Some(ev), false) => format!("inferred from {}", evidence_name(ev)),
        (None, _) => String::new(),
    };
    match &e.target {
        Target::Record { index } => {
            let n = &graph.nodes[*index];
            format!(
                "{}  {}  [{}]  ({how}: {})",
                n.key,
                n.title,
                n.status.as_str(),
                n.path
            )
        }
        Target::Absent { label, candidates } if candidates.is_empty() => {
            format!("{label}  (absent: not a record of this set)")
        }
        Target::Absent { label, candidates } => {
            format!("{label}  (ambiguous: {} records match)", candidates.len())
        }
        Target::File { path, exists } => match exists {
            Some(false) => format!("{path}  (file, missing)"),
            _ => format!("{path}  (file, not a record)"),
        },
    }
}

fn evidence_name(e: docket::graph::Evidence) -> &'static str {
    match e {
        docket::graph::Evidence::Path => "path",
        docket::graph::Evidence::Id => "id",
        docket::graph::Evidence::Number => "number",
        docket::graph::Evidence::Title => "title",
    }
}
