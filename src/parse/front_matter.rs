//! Front matter: YAML between `---` fences (or TOML between `+++`) read into a raw map. This is
//! the only module that imports the YAML crate, so it can be swapped; other YAML docket reads
//! (`yaml` code blocks, `.log4brains.yml`) goes through its entry points too.

// This module is the one place that may read YAML (see clippy.toml).
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;

use crate::diagnostics::{Code, Diagnostic};
use crate::model::{FrontMatterValue, Span};

/// How much YAML docket reads before giving up: bounds on nodes, nesting and alias expansion,
/// so a YAML bomb (anchors expanding each other) or a deeply nested value in front matter or a
/// `yaml` code block is a finding, never a hang or an out-of-memory. `[limits]` in
/// `docket.toml` sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YamlBudget {
    /// Most nodes (scalars, sequences, mappings) one document may hold.
    pub max_nodes: usize,
    /// Deepest nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most parse events aliases may replay in all (`*a` repeating what `&a` anchored).
    pub max_alias_events: usize,
}

impl Default for YamlBudget {
    /// Far above any front matter or example seen in records: 10,000 nodes, depth 32, 10,000
    /// replayed events.
    fn default() -> Self {
        YamlBudget {
            max_nodes: 10_000,
            max_depth: 32,
            max_alias_events: 10_000,
        }
    }
}

fn yaml_options(budget: YamlBudget) -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    let mut limits = serde_saphyr::Budget::default();
    limits.max_nodes = budget.max_nodes;
    limits.max_depth = budget.max_depth;
    limits.flow_nesting_limit = limits.flow_nesting_limit.min(budget.max_depth);
    options.budget = Some(limits);
    options.alias_limits.max_total_replayed_events = budget.max_alias_events;
    options
}

/// Whether a YAML error is the budget running out rather than the text being malformed. The
/// scanner's flow-nesting bound (`[[[[…`) reaches us as a scan error known only by its message.
fn is_over_budget(err: &serde_saphyr::Error) -> bool {
    let mut err = err;
    while let serde_saphyr::Error::WithSnippet { error, .. }
    | serde_saphyr::Error::AliasError { error, .. } = err
    {
        err = error;
    }
    matches!(
        err,
        serde_saphyr::Error::Budget { .. }
            | serde_saphyr::Error::AliasReplayLimitExceeded { .. }
            | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. }
    ) || err.to_string().contains("recursion limit exceeded")
}

/// The front matter found at the top of a record.
pub(crate) struct FrontMatter {
    pub(crate) map: Option<BTreeMap<String, FrontMatterValue>>,
    /// Byte offset where the markdown body starts.
    pub(crate) body_start: usize,
    /// The span of the block between the fences.
    pub(crate) content: Span,
}

/// Finds and reads front matter; `None` when the text has none.
pub(crate) fn read_front_matter(
    text: &str,
    path: &str,
    budget: YamlBudget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<FrontMatter> {
    let fence = if text.starts_with("---") {
        "---"
    } else if text.starts_with("+++") {
        "+++"
    } else {
        return None;
    };
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end() != fence {
        return None;
    }
    let content_start = first_end + 1;
    let mut pos = content_start;
    let mut close = None;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end();
        if line == fence || (fence == "---" && line == "...") {
            close = Some((pos, (line_end + 1).min(text.len())));
            break;
        }
        if line_end >= text.len() {
            break;
        }
        pos = line_end + 1;
    }
    let (content_end, body_start) = close?;
    let content = Span::new(content_start, content_end);
    let source = &text[content_start..content_end];
    let map = if fence == "---" {
        read_yaml(source, content_start, path, budget, diagnostics)
    } else {
        read_toml(source, content_start, path, diagnostics)
    };
    Some(FrontMatter {
        map,
        body_start,
        content,
    })
}

fn read_yaml(
    source: &str,
    base: usize,
    path: &str,
    budget: YamlBudget,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<String, FrontMatterValue>> {
    if source.trim().is_empty() {
        return Some(BTreeMap::new());
    }
    match serde_saphyr::from_str_with_options::<serde_json::Value>(source, yaml_options(budget)) {
        Ok(serde_json::Value::Object(map)) => {
            Some(map.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
        Ok(serde_json::Value::Null) => Some(BTreeMap::new()),
        Ok(_) => {
            diagnostics.push(front_matter_error(
                path,
                Span::new(base, base + source.len()),
                "front matter is not a mapping of keys to values",
            ));
            None
        }
        Err(err) if is_over_budget(&err) => {
            let span = yaml_error_span(&err, source, base);
            diagnostics.push(
                Diagnostic::new(
                    Code::LimitExceeded,
                    path,
                    span,
                    format!(
                        "front matter is over the YAML budget ({} nodes, depth {}, {} alias events); it was not read",
                        budget.max_nodes, budget.max_depth, budget.max_alias_events
                    ),
                )
                .with_help(
                    "remove the anchors and aliases or the nesting, or raise `[limits] yaml_max_nodes`, `yaml_max_depth` or `yaml_max_alias_events` in docket.toml",
                ),
            );
            None
        }
        Err(err) => {
            let message = err.to_string();
            let span = yaml_error_span(&err, source, base);
            diagnostics.push(front_matter_error(
                path,
                span,
                &format!("front matter is not valid YAML: {}", first_line(&message)),
            ));
            None
        }
    }
}

fn read_toml(
    source: &str,
    base: usize,
    path: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<BTreeMap<String, FrontMatterValue>> {
    match source.parse::<toml::Table>() {
        Ok(table) => Some(table.into_iter().map(|(k, v)| (k, from_toml(v))).collect()),
        Err(err) => {
            let span = err
                .span()
                .map_or(Span::new(base, base + source.len()), |r| {
                    Span::new(base + r.start, base + r.end)
                });
            diagnostics.push(front_matter_error(
                path,
                span,
                &format!(
                    "front matter is not valid TOML: {}",
                    first_line(err.message())
                ),
            ));
            None
        }
    }
}

fn front_matter_error(path: &str, span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(Code::InvalidFrontMatter, path, span, message)
        .with_help("fix the front matter so it parses; docket read the record without it")
}

fn first_line(message: &str) -> &str {
    message.lines().next().unwrap_or(message).trim()
}

/// The span from a 1-based line and column of a YAML error to the end of that line.
fn yaml_error_span(err: &serde_saphyr::Error, source: &str, base: usize) -> Span {
    let whole = Span::new(base, base + source.len());
    let Some(location) = err.location() else {
        return whole;
    };
    let line = usize::try_from(location.line()).unwrap_or(0);
    let column = usize::try_from(location.column()).unwrap_or(1);
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let col = l
                .char_indices()
                .nth(column.saturating_sub(1))
                .map_or(l.trim_end().len(), |(b, _)| b);
            return Span::new(
                base + offset + col,
                base + offset + l.trim_end().len().max(col),
            );
        }
        offset += l.len();
    }
    whole
}

fn from_toml(value: toml::Value) -> FrontMatterValue {
    match value {
        toml::Value::String(s) => FrontMatterValue::String(s),
        toml::Value::Integer(i) => FrontMatterValue::Integer(i),
        toml::Value::Float(f) => FrontMatterValue::Number(f),
        toml::Value::Boolean(b) => FrontMatterValue::Bool(b),
        // Dates stay strings, as in YAML front matter.
        toml::Value::Datetime(d) => FrontMatterValue::String(d.to_string()),
        toml::Value::Array(items) => {
            FrontMatterValue::List(items.into_iter().map(from_toml).collect())
        }
        toml::Value::Table(t) => {
            FrontMatterValue::Map(t.into_iter().map(|(k, v)| (k, from_toml(v))).collect())
        }
    }
}

fn from_json(value: serde_json::Value) -> FrontMatterValue {
    match value {
        serde_json::Value::Null => FrontMatterValue::Null,
        serde_json::Value::Bool(b) => FrontMatterValue::Bool(b),
        serde_json::Value::Number(n) => n.as_i64().map_or_else(
            || FrontMatterValue::Number(n.as_f64().unwrap_or(0.0)),
            FrontMatterValue::Integer,
        ),
        serde_json::Value::String(s) => FrontMatterValue::String(s),
        serde_json::Value::Array(items) => {
            FrontMatterValue::List(items.into_iter().map(from_json).collect())
        }
        serde_json::Value::Object(map) => {
            FrontMatterValue::Map(map.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
    }
}

/// A YAML document read into a map, for the config files of other ADR tools
/// (`.log4brains.yml`); `None` when it does not parse or is not a mapping.
pub(crate) fn read_yaml_map(source: &str) -> Option<BTreeMap<String, FrontMatterValue>> {
    let options = yaml_options(YamlBudget::default());
    match serde_saphyr::from_str_with_options::<serde_json::Value>(source, options) {
        Ok(serde_json::Value::Object(map)) => {
            Some(map.into_iter().map(|(k, v)| (k, from_json(v))).collect())
        }
        _ => None,
    }
}

/// Whether a YAML document parses, for checking `yaml` code blocks; returns the error message
/// and its byte span relative to the block.
pub(crate) fn check_yaml(
    source: &str,
    budget: YamlBudget,
) -> Result<(), (String, Option<(usize, usize)>)> {
    // Multi-document streams are common in Kubernetes examples.
    match serde_saphyr::from_multiple_with_options::<serde::de::IgnoredAny>(
        source,
        yaml_options(budget),
    ) {
        Ok(_) => Ok(()),
        Err(err) => {
            let message = err.to_string();
            let rel = err
                .location()
                .map(|_| yaml_error_span(&err, source, 0))
                .map(|s| (s.start, s.end));
            Err((first_line(&message).to_string(), rel))
        }
    }
}
