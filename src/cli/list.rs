//! `docket list`: the records of a folder as a table, JSON, CSV or a markdown index (the
//! table of contents adr-tools users generate), filtered by status or tag and sorted.

use std::fmt::Write;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use docket::corpus::display_path;
use docket::model::{Decision, StatusKind};
use serde::Serialize;

use super::args::{InputArgs, OutputArgs};
use super::graph::parse_status;
use super::output::emit;

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum ListFormat {
    /// Aligned columns.
    Table,
    /// An array of objects.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// A markdown index of links to the records.
    Markdown,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum SortKey {
    /// Series, then number (the load order).
    Id,
    /// Decision date, undated last.
    Date,
    /// Title, case-insensitive.
    Title,
    /// Status name.
    Status,
}

/// Arguments of `docket list`.
#[derive(Debug, Args)]
pub(crate) struct ListArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    format: ListFormat,
    /// Keep only records with this status (repeatable).
    #[arg(long = "status", value_name = "STATUS", value_parser = parse_status)]
    statuses: Vec<StatusKind>,
    /// Keep only records with this tag (repeatable; any of them), case-insensitive.
    #[arg(long = "tag", value_name = "TAG")]
    tags: Vec<String>,
    /// Sort order.
    #[arg(long, value_enum, default_value = "id")]
    sort: SortKey,
    #[command(flatten)]
    out: OutputArgs,
}

/// One row of the listing.
#[derive(Debug, Serialize)]
struct Row<'a> {
    id: Option<&'a str>,
    title: &'a str,
    status: &'static str,
    date: Option<String>,
    chosen: Option<&'a str>,
    tags: &'a [String],
    path: &'a str,
}

pub(crate) fn run(args: &ListArgs) -> anyhow::Result<ExitCode> {
    let paths = args.input.paths();
    let workspace = args.input.load()?;
    let corpus = &workspace.corpus;
    let mut records: Vec<&Decision> = corpus
        .decisions
        .iter()
        .filter(|d| args.statuses.is_empty() || args.statuses.contains(&d.status.kind))
        .filter(|d| {
            args.tags.is_empty()
                || d.tags
                    .iter()
                    .any(|t| args.tags.iter().any(|w| w.eq_ignore_ascii_case(t)))
        })
        .collect();
    sort(&mut records, args.sort);
    let rows: Vec<Row<'_>> = records.iter().map(|d| row(d)).collect();
    let text = match args.format {
        ListFormat::Table => table(&rows),
        ListFormat::Json => serde_json::to_string_pretty(&rows)? + "\n",
        ListFormat::Csv => csv(&rows),
        ListFormat::Markdown => {
            let root = paths
                .first()
                .filter(|p| p.is_dir())
                .map(|p| display_path(p));
            markdown(&rows, root.as_deref())
        }
    };
    emit(&text, args.out.output.as_deref())?;
    Ok(ExitCode::SUCCESS)
}

fn row(d: &Decision) -> Row<'_> {
    Row {
        id: d.id.as_ref().map(|i| i.raw.as_str()),
        title: &d.title.text,
        status: d.status.kind.as_str(),
        date: d
            .date
            .as_ref()
            .and_then(|f| f.date.map(|date| date.to_string())),
        chosen: d.chosen.as_ref().map(|c| c.name.as_str()),
        tags: &d.tags,
        path: &d.path,
    }
}

fn sort(records: &mut [&Decision], key: SortKey) {
    match key {
        SortKey::Id => {}
        SortKey::Date => records.sort_by_key(|d| {
            let date = d.date.as_ref().and_then(|f| f.date);
            (date.is_none(), date)
        }),
        SortKey::Title => records.sort_by_key(|d| d.title.text.to_lowercase()),
        SortKey::Status => records.sort_by_key(|d| d.status.kind.as_str()),
    }
}

const HEADERS: [&str; 5] = ["id", "title", "status", "date", "chosen"];

fn cells<'a>(r: &'a Row<'_>) -> [&'a str; 5] {
    [
        r.id.unwrap_or("-"),
        r.title,
        r.status,
        r.date.as_deref().unwrap_or("-"),
        r.chosen.unwrap_or("-"),
    ]
}

fn table(rows: &[Row<'_>]) -> String {
    let mut widths = HEADERS.map(str::len);
    for r in rows {
        for (w, c) in widths.iter_mut().zip(cells(r)) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let mut line = |values: [&str; 5]| {
        let padded: Vec<String> = values
            .iter()
            .zip(widths)
            .map(|(v, w)| format!("{v:<w$}"))
            .collect();
        let _ = writeln!(out, "{}", padded.join("  ").trim_end());
    };
    line(
        HEADERS
            .map(str::to_ascii_uppercase)
            .each_ref()
            .map(String::as_str),
    );
    for r in rows {
        line(cells(r));
    }
    out
}

/// RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.
fn csv(rows: &[Row<'_>]) -> String {
    let field = |v: &str| {
        if v.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", v.replace('"', "\"\""))
        } else {
            v.to_string()
        }
    };
    let mut out = String::new();
    let _ = writeln!(out, "{},path", HEADERS.join(","));
    for r in rows {
        let mut values: Vec<String> = cells(r).iter().map(|v| field(v)).collect();
        values.push(field(r.path));
        let _ = writeln!(out, "{}", values.join(","));
    }
    out
}

/// An index in the shape of adr-tools' `generate toc`, with status and date after each link;
/// links are relative to `root` so the file can live in the records folder.
fn markdown(rows: &[Row<'_>], root: Option<&str>) -> String {
    let mut out = String::from("# Architecture Decision Records\n\n");
    for r in rows {
        let path = root
            .and_then(|root| r.path.strip_prefix(root))
            .map_or(r.path, |p| p.trim_start_matches('/'));
        let label = match r.id {
            Some(id) if id.bytes().all(|b| b.is_ascii_digit()) => {
                format!("{}. {}", id.trim_start_matches('0'), r.title)
            }
            Some(id) => format!("{id}: {}", r.title),
            None => r.title.to_string(),
        };
        let mut notes = vec![r.status.to_string()];
        notes.extend(r.date.clone());
        let _ = writeln!(
            out,
            "* [{}](<{}>) ({})",
            escape_markdown(&label),
            path.replace('>', "%3E"),
            notes.join(", ")
        );
    }
    out
}

fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '[' | ']' | '\\' | '*' | '_' | '`' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
