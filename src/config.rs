//! `docket.toml`: read into plain structs with unknown keys rejected, each with its location.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which files are records.
    #[serde(default)]
    pub records: RecordsConfig,
    /// How links are resolved and which graph checks run.
    #[serde(default)]
    pub graph: GraphConfig,
    /// Topics (components) of records, for the conflicting-decisions check.
    #[serde(default)]
    pub topics: TopicsConfig,
}

/// The `[graph]` section: link resolution and graph checks.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct GraphConfig {
    /// Id series counted as record references besides those used by the records (`["RFC"]`).
    #[serde(default)]
    pub series: Vec<String>,
    /// Whether records with no link in or out are reported (DK606).
    #[serde(default)]
    pub orphans: bool,
    /// Tags that name a topic (`["backend", "database"]`); `topic:NAME` tags always do.
    #[serde(default)]
    pub topic_tags: Vec<String>,
}

/// The `[topics]` table: either `"DR-001" = "backend"` (record to topic) or
/// `backend = ["DR-001", "ADR-016"]` (topic to records). Keys may be ids or file paths.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct TopicsConfig {
    /// The entries as written.
    pub entries: BTreeMap<String, TopicEntry>,
}

/// One `[topics]` entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum TopicEntry {
    /// `"DR-001" = "backend"`: the key is a record, the value its topic.
    Topic(String),
    /// `backend = ["DR-001", "ADR-016"]`: the key is a topic, the value its records.
    Records(Vec<String>),
}

impl TopicsConfig {
    /// Every (record, topic) pair, sorted.
    #[must_use]
    pub fn pairs(&self) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        for (key, entry) in &self.entries {
            match entry {
                TopicEntry::Topic(topic) => out.push((key.clone(), topic.clone())),
                TopicEntry::Records(records) => {
                    out.extend(records.iter().map(|r| (r.clone(), key.clone())));
                }
            }
        }
        out.sort();
        out.dedup();
        out
    }

    /// Adds another file's entries (a later key replaces an earlier one).
    pub fn merge(&mut self, other: TopicsConfig) {
        self.entries.extend(other.entries);
    }
}

/// Which files under the root are records.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsConfig {
    /// Directories to search, relative to the root (default: the root itself).
    #[serde(default)]
    pub dirs: Vec<PathBuf>,
    /// Glob patterns (relative to the root) of files to skip.
    #[serde(default)]
    pub ignore: Vec<String>,
    /// File extensions read as records, case-insensitive.
    #[serde(default = "default_extensions")]
    pub extensions: Vec<String>,
    /// Whether `README.md`, `index.md` and template files are skipped.
    #[serde(default = "default_true")]
    pub skip_readme_and_templates: bool,
}

impl Default for RecordsConfig {
    fn default() -> Self {
        RecordsConfig {
            dirs: Vec::new(),
            ignore: Vec::new(),
            extensions: default_extensions(),
            skip_readme_and_templates: true,
        }
    }
}

fn default_extensions() -> Vec<String> {
    vec!["md".to_string(), "markdown".to_string()]
}

fn default_true() -> bool {
    true
}

/// The name of the configuration file looked for at a root.
pub const CONFIG_FILE: &str = "docket.toml";

impl Config {
    /// Reads `docket.toml` from `root` when it exists; the defaults otherwise.
    pub fn load(root: &Path) -> Result<Config> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Ok(Config::default());
        }
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
            path: path.clone(),
            source,
        })?;
        Config::from_toml(&text, &path)
    }

    /// Parses configuration text; `path` is used in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config> {
        toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |s| s.start);
            let before = &text[..offset.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                message: err.message().trim().to_string(),
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_keys_are_errors_with_a_location() {
        let err =
            Config::from_toml("[records]\ndirz = []\n", Path::new("docket.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("line 2, column 1"), "{msg}");
        assert!(msg.contains("dirz"), "{msg}");
    }

    #[test]
    fn topics_accept_both_directions() {
        let text = "[graph]\norphans = true\ntopic-tags = [\"backend\"]\n\n[topics]\n\"DR-001\" = \"backend\"\ndatabase = [\"DR-002\", \"ADR-015\"]\n";
        let config = Config::from_toml(text, Path::new("docket.toml")).unwrap();
        assert!(config.graph.orphans);
        assert_eq!(config.graph.topic_tags, ["backend"]);
        let pairs = config.topics.pairs();
        let want = [
            ("ADR-015", "database"),
            ("DR-001", "backend"),
            ("DR-002", "database"),
        ];
        let got: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(a, b)| (a.as_str(), b.as_str()))
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_bad_topic_value_is_an_error() {
        let err = Config::from_toml("[topics]\nbackend = 3\n", Path::new("docket.toml"));
        assert!(err.is_err());
    }
}
