//! mdBook's preprocessor protocol: mdBook sends `[context, book]` as JSON on stdin and reads
//! the book back. docket appends a "Decisions" part: an index chapter listing every record and
//! a chapter per record with its status, dates, chosen option, score table, links in and out,
//! and its text. Both mdBook 0.5 (`items`) and 0.4 (`sections`) books are read.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::error::{Error, Result};
use crate::model::{Decision, LinkKind};
use crate::parse::written_verb;
use crate::score::{fmt_plain, score_decision};
use crate::workspace::{Workspace, WorkspaceOptions};

/// The preprocessor's settings, from `[preprocessor.docket]` in `book.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Settings {
    /// Records folders, relative to the book's root (`records = "docs/decisions"` or a list);
    /// default: the `[records] dirs` of the `docket.toml` in or above the book's root.
    pub records: Vec<PathBuf>,
    /// The part title (`part-title`, default `Decisions`).
    pub part_title: String,
    /// The folder of the generated chapters in the book (`folder`, default `decisions`).
    pub folder: String,
}

impl Settings {
    fn from_context(context: &Value) -> Result<Settings> {
        let table = &context["config"]["preprocessor"]["docket"];
        let invalid = |key: &str, message: &str| Error::InvalidValue {
            what: format!("[preprocessor.docket] {key}"),
            value: table[key].to_string(),
            message: message.into(),
        };
        let records = match &table["records"] {
            Value::Null => Vec::new(),
            Value::String(one) => vec![PathBuf::from(one)],
            Value::Array(many) => many
                .iter()
                .map(|v| v.as_str().map(PathBuf::from))
                .collect::<Option<Vec<_>>>()
                .ok_or_else(|| invalid("records", "expected a path or a list of paths"))?,
            _ => return Err(invalid("records", "expected a path or a list of paths")),
        };
        let text = |key: &str, default: &str| -> Result<String> {
            match &table[key] {
                Value::Null => Ok(default.to_string()),
                Value::String(s) if !s.trim().is_empty() => Ok(s.trim().to_string()),
                _ => Err(invalid(key, "expected a non-empty string")),
            }
        };
        Ok(Settings {
            records,
            part_title: text("part-title", "Decisions")?,
            folder: text("folder", "decisions")?.trim_matches('/').to_string(),
        })
    }
}

/// Whether docket supports a renderer: every renderer gets plain markdown chapters.
#[must_use]
pub fn supports(_renderer: &str) -> bool {
    true
}

/// Runs the preprocessor over mdBook's input (`[context, book]`) and returns the book.
pub fn preprocess(input: &str) -> Result<String> {
    let value: Value = serde_json::from_str(input)?;
    let (Some(context), Some(book)) = (value.get(0), value.get(1)) else {
        return Err(Error::InvalidValue {
            what: "mdBook input".into(),
            value: String::new(),
            message: "expected `[context, book]` as JSON on stdin".into(),
        });
    };
    let settings = Settings::from_context(context)?;
    let root = PathBuf::from(context["root"].as_str().unwrap_or("."));
    let ws = load(&root, &settings)?;
    let mut book = book.clone();
    let key = if book.get("sections").is_some() {
        "sections"
    } else {
        "items"
    };
    let items = book
        .get_mut(key)
        .and_then(Value::as_array_mut)
        .ok_or_else(|| Error::InvalidValue {
            what: "mdBook input".into(),
            value: key.into(),
            message: "the book has no chapter list".into(),
        })?;
    items.push(json!({ "PartTitle": settings.part_title }));
    items.push(decisions_part(&ws, &settings, &root, key == "sections"));
    Ok(serde_json::to_string(&book)?)
}

fn load(root: &Path, settings: &Settings) -> Result<Workspace> {
    let mut paths: Vec<PathBuf> = settings.records.iter().map(|p| root.join(p)).collect();
    let mut options = WorkspaceOptions::default();
    if paths.is_empty() {
        let config = crate::workspace::find_config(root).ok_or_else(|| Error::InvalidValue {
            what: "[preprocessor.docket] records".into(),
            value: String::new(),
            message: "set it to the records folder, or add a docket.toml with [records] dirs"
                .into(),
        })?;
        let dirs = crate::config::Config::from_file(&config)?.records.dirs;
        let base = config.parent().unwrap_or(Path::new(".")).to_path_buf();
        paths = dirs.iter().map(|d| base.join(d)).collect();
        options.config = Some(config);
    }
    Workspace::load(&paths, &options)
}

/// The chapter file each record gets: its file name as `.md`, made unique.
fn chapter_paths(decisions: &[Decision], folder: &str) -> Vec<String> {
    let mut used = BTreeSet::new();
    decisions
        .iter()
        .map(|d| {
            let name = Path::new(&d.path)
                .file_stem()
                .map_or_else(|| "record".into(), |s| s.to_string_lossy().into_owned());
            let mut candidate = format!("{folder}/{name}.md");
            let mut n = 2;
            while !used.insert(candidate.clone()) {
                candidate = format!("{folder}/{name}-{n}.md");
                n += 1;
            }
            candidate
        })
        .collect()
}

/// The heading a record's chapter and links show: `DR-001: Title`, `7. Title`.
fn heading(d: &Decision) -> String {
    crate::authoring::record_heading(d)
}

/// A link from one generated chapter to another (both in the same folder).
fn chapter_link(text: &str, path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    format!("[{}](<{name}>)", text.replace(['[', ']'], ""))
}

fn chapter(
    name: &str,
    content: &str,
    path: &str,
    parents: &[&str],
    sub: &[Value],
    old: bool,
) -> Value {
    let mut chapter = json!({
        "name": name,
        "content": content,
        "number": null,
        "sub_items": sub,
        "path": path,
        "source_path": null,
        "parent_names": parents,
    });
    if old {
        chapter["__non_exhaustive"] = Value::Null;
    }
    json!({ "Chapter": chapter })
}

fn decisions_part(ws: &Workspace, settings: &Settings, root: &Path, old: bool) -> Value {
    let decisions = &ws.corpus.decisions;
    let paths = chapter_paths(decisions, &settings.folder);
    let mut order: Vec<usize> = (0..decisions.len()).collect();
    order.sort_by(|a, b| {
        let key = |d: &Decision| {
            (
                d.id.as_ref().map(|i| (i.series.clone(), i.number)),
                d.path.clone(),
            )
        };
        key(&decisions[*a]).cmp(&key(&decisions[*b]))
    });
    let mut index = String::new();
    let _ = writeln!(index, "# {}\n", settings.part_title);
    let _ = writeln!(
        index,
        "{} records.\n\n| Record | Status | Date |\n|---|---|---|",
        decisions.len()
    );
    for &i in &order {
        let d = &decisions[i];
        let _ = writeln!(
            index,
            "| {} | {} | {} |",
            chapter_link(&heading(d), &paths[i]),
            d.status.kind.as_str(),
            date_text(d)
        );
    }
    let parents = [settings.part_title.as_str()];
    let records: Vec<Value> = order
        .iter()
        .map(|&i| {
            let d = &decisions[i];
            let content = record_chapter(ws, i, &paths, root);
            chapter(&heading(d), &content, &paths[i], &parents, &[], old)
        })
        .collect();
    chapter(
        &settings.part_title,
        &index,
        &format!("{}/index.md", settings.folder),
        &[],
        &records,
        old,
    )
}

fn date_text(d: &Decision) -> String {
    d.date.as_ref().map_or_else(String::new, |f| {
        f.date
            .map_or_else(|| f.raw.clone(), |date| date.to_string())
    })
}

/// One record's chapter: a facts table, the score table, links in and out, then its text.
fn record_chapter(ws: &Workspace, index: usize, paths: &[String], root: &Path) -> String {
    let d = &ws.corpus.decisions[index];
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", heading(d));
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| Status | {} |", d.status.kind.as_str());
    let date = date_text(d);
    if !date.is_empty() {
        let _ = writeln!(out, "| Date | {date} |");
    }
    if let Some(chosen) = &d.chosen {
        let _ = writeln!(out, "| Chosen | {} |", chosen.name);
    }
    if !d.tags.is_empty() {
        let _ = writeln!(out, "| Tags | {} |", d.tags.join(", "));
    }
    let source = Path::new(&d.path);
    let source = source.strip_prefix(root).unwrap_or(source);
    let _ = writeln!(
        out,
        "| Source | `{}` |",
        source.to_string_lossy().replace('\\', "/")
    );
    let score = score_decision(d, &ws.config.score);
    for card in &score.tables {
        let _ = writeln!(
            out,
            "\n**Score{}**\n\n| Rank | Option | Total | |\n|---|---|---|---|",
            card.heading
                .as_ref()
                .map_or_else(String::new, |h| format!(": {h}"))
        );
        for option in card.ranked() {
            let note = if option.eliminated {
                "eliminated"
            } else if card.winner.as_deref() == Some(option.name.as_str()) {
                "winner"
            } else {
                ""
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {note} |",
                option.rank,
                option.name,
                fmt_plain(option.total)
            );
        }
    }
    let links = link_lines(ws, index, paths);
    if !links.is_empty() {
        let _ = writeln!(out, "\n**Links**\n");
        for line in links {
            let _ = writeln!(out, "- {line}");
        }
    }
    let _ = writeln!(out, "\n---\n");
    out.push_str(body(ws, d));
    out
}

/// Links out and in, as `Supersedes [DR-001: …](…)` lines.
fn link_lines(ws: &Workspace, index: usize, paths: &[String]) -> Vec<String> {
    let decisions = &ws.corpus.decisions;
    let mut lines = Vec::new();
    for edge in ws.graph.outgoing(index) {
        let Some(to) = edge.to().filter(|to| *to != index) else {
            continue;
        };
        let verb = match edge.kind {
            LinkKind::Mention => "Mentions".to_string(),
            kind => written_verb(kind).map_or_else(|| edge.verb.clone(), str::to_string),
        };
        lines.push(format!(
            "{verb} {}",
            chapter_link(&heading(&decisions[to]), &paths[to])
        ));
    }
    for edge in ws.graph.incoming(index) {
        let from = chapter_link(&heading(&decisions[edge.from]), &paths[edge.from]);
        let line = match edge.kind {
            LinkKind::Mention => format!("Mentioned by {from}"),
            LinkKind::Related => format!("Related to {from}"),
            kind => match kind.inverse().and_then(written_verb) {
                Some(verb) => format!("{verb} {from}"),
                None => format!("{from} {}", edge.verb),
            },
        };
        lines.push(line);
    }
    lines.sort();
    lines.dedup();
    lines
}

/// The record's text after its title heading (front matter and title left out).
fn body<'a>(ws: &'a Workspace, d: &Decision) -> &'a str {
    let text = ws.corpus.sources.text(&d.path).unwrap_or_default();
    let start = if d.title.span.end > 0 {
        text[d.title.span.end..]
            .find('\n')
            .map_or(text.len(), |i| d.title.span.end + i + 1)
    } else {
        0
    };
    text.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_read_book_toml_values() {
        let context = json!({"config": {"preprocessor": {"docket": {
            "records": ["a", "b"], "part-title": "Hosting decisions", "folder": "/adr/"
        }}}});
        let settings = Settings::from_context(&context).unwrap();
        assert_eq!(settings.records, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(settings.part_title, "Hosting decisions");
        assert_eq!(settings.folder, "adr");
        let bad = json!({"config": {"preprocessor": {"docket": {"records": 3}}}});
        assert!(Settings::from_context(&bad).is_err());
        let none = Settings::from_context(&json!({})).unwrap();
        assert_eq!(none.part_title, "Decisions");
        assert!(none.records.is_empty());
    }

    #[test]
    fn input_that_is_not_a_pair_is_an_error() {
        assert!(preprocess("{}").is_err());
        assert!(preprocess("not json").is_err());
    }
}
