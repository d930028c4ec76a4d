//! What rules read: the corpus, the lint settings and `today`, with helpers that every rule
//! shares (option references, link names and paths). Nothing here reads markdown.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::config::{Config, GraphConfig, LintConfig};
use crate::corpus::Corpus;
use crate::diagnostics::{Diagnostic, Family};
use crate::graph::Graph;
use crate::model::{Date, Decision, Link, RecordId, Span, same_option};
use crate::parse::{OPTION_STOP_WORDS, option_reference};
use crate::workspace::Workspace;

use super::Rule;

/// A record as it is on a git ref, for `--changed-since` collision checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseRecord {
    /// The path, as the corpus writes paths.
    pub path: String,
    /// The record's id on the ref.
    pub id: RecordId,
}

/// Settings for one run of the rules; the `[lint]`, `[score]`, `[graph]` and `[topics]`
/// settings come from the workspace's config.
#[derive(Debug, Default)]
pub struct LintOptions {
    /// The date date-dependent rules compare against; those rules stay quiet without it.
    pub today: Option<Date>,
    /// Records on the `--changed-since` ref; DK205 stays quiet without them.
    pub base: Option<Vec<BaseRecord>>,
    /// Report only on these paths (the records changed since the ref).
    pub only_paths: Option<BTreeSet<String>>,
    /// Run only the rules of these families (`graph --check`: links; `score --check`: options
    /// and costs); all families when empty.
    pub families: Vec<Family>,
}

/// A rule's view of the run.
pub struct LintContext<'a> {
    /// The records and their texts.
    pub corpus: &'a Corpus,
    /// The links between the records, resolved once by the workspace.
    pub graph: &'a Graph,
    /// The whole `docket.toml` (rules read `[lint]` through [`LintContext::config`]).
    pub settings: &'a Config,
    /// The run's settings.
    pub options: &'a LintOptions,
    by_path: BTreeMap<&'a str, usize>,
    // The score and graph checks each report many codes from one run; the run is cached so
    // that each code's registry entry only picks its own findings out of it.
    score_findings: OnceLock<BTreeMap<String, Vec<Diagnostic>>>,
    graph_findings: OnceLock<Vec<Diagnostic>>,
}

impl<'a> LintContext<'a> {
    /// A context over a loaded workspace.
    #[must_use]
    pub fn new(workspace: &'a Workspace, options: &'a LintOptions) -> Self {
        let corpus = &workspace.corpus;
        let by_path = corpus
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_str(), i))
            .collect();
        LintContext {
            corpus,
            graph: &workspace.graph,
            settings: &workspace.config,
            options,
            by_path,
            score_findings: OnceLock::new(),
            graph_findings: OnceLock::new(),
        }
    }

    /// The score and cost findings of one record, from one `score::check` run per record.
    #[must_use]
    pub fn score_findings(&self, path: &str) -> &[Diagnostic] {
        let all = self.score_findings.get_or_init(|| {
            self.corpus
                .decisions
                .iter()
                .map(|d| (d.path.clone(), crate::score::check(d, &self.settings.score)))
                .collect()
        });
        all.get(path).map_or(&[], Vec::as_slice)
    }

    /// The graph findings of the workspace, from one `graph::check` run. Orphans (DK606) are
    /// always looked for here: whether they are reported is the registry's `enable` choice.
    #[must_use]
    pub fn graph_findings(&self) -> &[Diagnostic] {
        self.graph_findings.get_or_init(|| {
            let config = GraphConfig {
                orphans: true,
                ..self.settings.graph.clone()
            };
            crate::graph::check(self.graph, &config)
        })
    }

    /// The `[lint]` settings.
    #[must_use]
    pub fn config(&self) -> &LintConfig {
        &self.settings.lint
    }

    /// The text of a record, as the parser saw it.
    #[must_use]
    pub fn source(&self, path: &str) -> &str {
        self.corpus.sources.text(path).unwrap_or("")
    }

    /// The record at a path.
    #[must_use]
    pub fn decision(&self, path: &str) -> Option<&'a Decision> {
        self.by_path.get(path).map(|&i| &self.corpus.decisions[i])
    }

    /// The record a link of `from` points at, as the graph resolved it; `None` for targets
    /// outside the set.
    #[must_use]
    pub fn resolve(&self, from: &Decision, link: &Link) -> Option<&'a Decision> {
        let index = *self.by_path.get(from.path.as_str())?;
        self.graph
            .outgoing(index)
            .find(|e| e.span == link.span && e.kind == link.kind)
            .and_then(crate::graph::Edge::to)
            .map(|to| &self.corpus.decisions[to])
    }
}

impl Rule {
    /// A finding of this rule at its default severity.
    #[must_use]
    pub fn report(&self, path: &str, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(self.code, path, span, message)
    }
}

/// How messages name a record: its id when that has a series (`DR-001`), else its file name.
#[must_use]
pub(crate) fn record_name(d: &Decision) -> &str {
    match &d.id {
        Some(id) if id.series.is_some() => &id.raw,
        _ => file_name(&d.path),
    }
}

/// How a link to a record is written: `DR-001: Title`, or adr-tools' `2. Title` for bare numbers.
#[must_use]
pub(crate) fn link_text(d: &Decision) -> String {
    match &d.id {
        Some(id) if id.series.is_some() => format!("{}: {}", id.raw, d.title.text),
        Some(id) => format!("{}. {}", id.number, d.title.text),
        None => d.title.text.clone(),
    }
}

/// The folder part of a `/`-separated path (`""` for a bare file name).
#[must_use]
pub(crate) fn folder_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..i])
}

/// The file-name part of a `/`-separated path.
#[must_use]
pub(crate) fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

/// The path from `from`'s folder to `to`, for writing a relative link.
#[must_use]
pub(crate) fn relative_href(from: &str, to: &str) -> String {
    let from_parts: Vec<&str> = folder_of(from)
        .split('/')
        .filter(|p| !p.is_empty())
        .collect();
    let to_parts: Vec<&str> = to.split('/').filter(|p| !p.is_empty()).collect();
    let common = from_parts
        .iter()
        .zip(&to_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let mut out: Vec<&str> = vec![".."; from_parts.len() - common];
    out.extend(&to_parts[common..]);
    out.join("/")
}

/// The significant words of a name, lower-cased, with a plural `s` dropped.
fn words(name: &str) -> BTreeSet<String> {
    name.split(|c: char| !c.is_alphanumeric())
        .map(str::to_lowercase)
        .filter(|w| !w.is_empty() && !OPTION_STOP_WORDS.contains(&w.as_str()))
        .map(|w| {
            if w.len() > 3 && w.ends_with('s') {
                w[..w.len() - 1].to_string()
            } else {
                w
            }
        })
        .collect()
}

/// Whether a chosen-option statement refers to one of `options`, as records write it in the
/// wild: the same name ([`same_option`](crate::model::same_option)), a reference by position (`Option 2`, `2`,
/// `Option 2 - Vogen`, `1 & 3`), or the same significant words (`bats` for `Use bats`).
#[must_use]
pub fn refers_to_option(chosen: &str, options: &[&str]) -> bool {
    if options.iter().any(|o| same_option(o, chosen)) {
        return true;
    }
    if let Some(r) = option_reference(chosen)
        && r.positions.iter().all(|n| (1..=options.len()).contains(n))
    {
        return true;
    }
    let chosen_words = words(chosen);
    options.iter().any(|o| {
        let option_words = words(o);
        if chosen_words.is_empty() || option_words.is_empty() {
            return false;
        }
        let shared = chosen_words.intersection(&option_words).count();
        shared == chosen_words.len()
            || shared == option_words.len()
            || shared * 2 >= chosen_words.len().max(option_words.len())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chosen_option_references_table() {
        let options = [
            "Do not test bash scripts",
            "Use alias for mocking",
            "Use bats",
        ];
        let rows = [
            ("bare name for a 'Use X' option", "bats", true),
            ("by position", "Option 2", true),
            ("by bare position", "3", true),
            ("several positions", "1 & 3", true),
            ("position past the end", "Option 7", false),
            ("position and name", "Option 3 - Bats", true),
            ("plural and case", "use BATS", true),
            ("another tool", "shunit2", false),
        ];
        for (name, chosen, want) in rows {
            assert_eq!(refers_to_option(chosen, &options), want, "{name}");
        }
    }

    #[test]
    fn relative_hrefs_between_records() {
        assert_eq!(relative_href("r/h/a.md", "r/d/b.md"), "../d/b.md");
        assert_eq!(relative_href("r/h/a.md", "r/h/b.md"), "b.md");
    }
}
