//! `docket.toml`: read into plain structs with unknown keys rejected, each with its location.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::diagnostics::{Code, Severity};
use crate::error::{Error, Result};
use crate::model::Weight;

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which files are records.
    #[serde(default)]
    pub records: RecordsConfig,
    /// How `docket lint` checks records.
    #[serde(default)]
    pub lint: LintConfig,
    /// How links are resolved and which graph checks run.
    #[serde(default)]
    pub graph: GraphConfig,
    /// Topics (components) of records, for the conflicting-decisions check.
    #[serde(default)]
    pub topics: TopicsConfig,
    /// The scales `docket score` uses.
    #[serde(default)]
    pub score: ScoreConfig,
    /// How `docket build` writes the site.
    #[serde(default)]
    pub site: SiteConfig,
    /// How `docket new` writes records.
    #[serde(default)]
    pub new: NewConfig,
    /// Bounds on what docket reads, so hostile or accidental input cannot hang it.
    #[serde(default)]
    pub limits: LimitsConfig,
}

/// The `[limits]` section: the most docket reads. Past a bound it reports DK009 and skips
/// what is over it, instead of hanging or running out of memory.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LimitsConfig {
    /// The largest record file read, in bytes (default 10 MiB).
    pub max_file_size: u64,
    /// The most record files read in one run (default 10,000); the rest, in path order, are
    /// skipped.
    pub max_records: usize,
    /// The most YAML nodes front matter may hold (default 10,000).
    pub yaml_max_nodes: usize,
    /// The deepest front matter YAML may nest (default 32).
    pub yaml_max_depth: usize,
    /// The most events YAML aliases may replay in one front matter (default 10,000): bounds
    /// "billion laughs" alias bombs.
    pub yaml_max_alias_events: usize,
}

impl Default for LimitsConfig {
    fn default() -> Self {
        LimitsConfig {
            max_file_size: 10 * 1024 * 1024,
            max_records: 10_000,
            yaml_max_nodes: 10_000,
            yaml_max_depth: 32,
            yaml_max_alias_events: 10_000,
        }
    }
}

/// The `[new]` section: how `docket new` writes records.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewConfig {
    /// A folder of record templates (`dr.md`, `hosting.md`, …) replacing the built-ins of the
    /// same name, relative to the config file's folder.
    #[serde(default)]
    pub templates: Option<PathBuf>,
}

/// The `[site]` section: how `docket build` writes the decision site.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// A folder of templates replacing the built-in ones of the same name, relative to the
    /// config file's folder.
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// The path the site is served under (`/decisions/`); default: relative links.
    #[serde(default)]
    pub base_path: Option<String>,
    /// The site's title (default `Decisions`).
    #[serde(default)]
    pub title: Option<String>,
    /// The repository's web address, for linking the source of each record.
    #[serde(default)]
    pub repository_url: Option<String>,
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

/// The `[lint]` section: which rules run, at what severity, and the rules' settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LintConfig {
    /// Codes of rules to turn on, including those off by default (`DK203`).
    #[serde(default)]
    pub enable: Vec<Spanned<String>>,
    /// Codes of rules to turn off.
    #[serde(default)]
    pub disable: Vec<Spanned<String>>,
    /// Severity overrides by code: `DK105 = "info"`.
    #[serde(default)]
    pub severity: BTreeMap<Spanned<String>, Severity>,
    /// The statuses a record may have (default: proposed, accepted, rejected, deprecated,
    /// superseded, draft).
    #[serde(default)]
    pub statuses: Option<Vec<String>>,
    /// Required section headings per record format.
    #[serde(default)]
    pub required_sections: RequiredSections,
    /// Days a record may stay `proposed` before DK507 reports it (default 90).
    #[serde(default)]
    pub proposed_max_age_days: Option<u32>,
    /// Days past its review date before an accepted record is reported by DK506 (default 0).
    #[serde(default)]
    pub review_grace_days: Option<u32>,
    /// The config file and its text, for locating codes in errors.
    #[serde(skip)]
    pub source: Option<(PathBuf, String)>,
}

/// Required section headings per format; a format left out keeps docket's default list.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RequiredSections {
    /// DR-style records.
    pub dr: Option<Vec<String>>,
    /// ADRs with bold metadata lines.
    pub adr_bold: Option<Vec<String>>,
    /// Nygard / adr-tools records.
    pub nygard: Option<Vec<String>>,
    /// MADR 2 records.
    pub madr2: Option<Vec<String>>,
    /// MADR 3/4 records.
    pub madr: Option<Vec<String>>,
    /// log4brains records.
    pub log4brains: Option<Vec<String>>,
    /// Freeform records.
    pub freeform: Option<Vec<String>>,
}

impl LintConfig {
    /// Every code the section names, with its byte span in the config file.
    #[must_use]
    pub fn named_codes(&self) -> Vec<(&str, std::ops::Range<usize>)> {
        let mut out: Vec<(&str, std::ops::Range<usize>)> = self
            .enable
            .iter()
            .chain(&self.disable)
            .chain(self.severity.keys())
            .map(|c| (c.get_ref().as_str(), c.span()))
            .collect();
        out.sort_by_key(|(_, span)| span.start);
        out
    }

    /// Turns on a rule as if `[lint] enable` named it (`graph --orphans`).
    pub fn enable_code(&mut self, code: Code) {
        self.enable
            .push(Spanned::new(0..0, code.as_str().to_string()));
    }

    /// An error pointing at the config text at `offset`.
    #[must_use]
    pub fn error_at(&self, offset: usize, message: String) -> Error {
        let (path, text) = self
            .source
            .clone()
            .unwrap_or_else(|| (PathBuf::from(CONFIG_FILE), String::new()));
        let (line, column) = line_column(&text, offset);
        Error::Config {
            path,
            line,
            column,
            message,
        }
    }
}

/// The 1-based line and column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
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

/// `[score]`: what weights and ratings are worth when `docket score` recomputes a criteria
/// table. A legend in a record overrides the values for that record.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreConfig {
    /// Whether an option rated ❌ on a Critical criterion is eliminated (default on).
    #[serde(default = "default_true")]
    pub critical_gate: bool,
    /// What each weight level is worth.
    #[serde(default)]
    pub weights: WeightLevels,
    /// What ✅ / ⚠️ / ❌ (and Yes / Partial / No) are worth.
    #[serde(default)]
    pub ratings: RatingValues,
    /// Quality words as a fraction of the way from ❌ to ✅, replacing the built-in value of the
    /// word: `excellent`, `great`, `good`, `ok`, `okay`, `average`, `fair`, `poor`, `bad`.
    #[serde(default)]
    pub words: BTreeMap<String, f64>,
    /// What-if weights from the command line (`--weight "Name=Critical"`), by criterion name.
    #[serde(skip)]
    pub weight_overrides: Vec<(String, Weight)>,
}

impl Default for ScoreConfig {
    fn default() -> Self {
        ScoreConfig {
            critical_gate: true,
            weights: WeightLevels::default(),
            ratings: RatingValues::default(),
            words: BTreeMap::new(),
            weight_overrides: Vec::new(),
        }
    }
}

/// `[score.weights]`: the value of each named weight level.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeightLevels {
    /// Critical or Must (default 5).
    #[serde(default = "default_critical")]
    pub critical: f64,
    /// High or Should (default 3).
    #[serde(default = "default_high")]
    pub high: f64,
    /// Medium or Could (default 2).
    #[serde(default = "default_medium")]
    pub medium: f64,
    /// Low (default 1).
    #[serde(default = "default_low")]
    pub low: f64,
}

impl Default for WeightLevels {
    fn default() -> Self {
        WeightLevels {
            critical: default_critical(),
            high: default_high(),
            medium: default_medium(),
            low: default_low(),
        }
    }
}

/// `[score.ratings]`: the value of each rating mark.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingValues {
    /// ✅, ✔, Yes (default 1).
    #[serde(default = "default_good")]
    pub good: f64,
    /// ⚠️, Partial (default 0.5).
    #[serde(default = "default_partial")]
    pub partial: f64,
    /// ❌, No (default 0).
    #[serde(default)]
    pub bad: f64,
}

impl Default for RatingValues {
    fn default() -> Self {
        RatingValues {
            good: default_good(),
            partial: default_partial(),
            bad: 0.0,
        }
    }
}

fn default_critical() -> f64 {
    5.0
}

fn default_high() -> f64 {
    3.0
}

fn default_medium() -> f64 {
    2.0
}

fn default_low() -> f64 {
    1.0
}

fn default_good() -> f64 {
    1.0
}

fn default_partial() -> f64 {
    0.5
}

/// The name of the configuration file looked for at a root.
pub const CONFIG_FILE: &str = "docket.toml";

impl Config {
    /// Reads a config file. Finding it is `workspace::find_config`'s job.
    pub fn from_file(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Config::from_toml(&text, path)
    }

    /// Parses configuration text; `path` is used in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Config> {
        let mut config: Config = toml::from_str(text).map_err(|err| {
            let (line, column) = line_column(text, err.span().map_or(0, |s| s.start));
            Error::Config {
                path: path.to_path_buf(),
                line,
                column,
                message: err.message().trim().to_string(),
            }
        })?;
        config.lint.source = Some((path.to_path_buf(), text.to_string()));
        if let (Some(templates), Some(dir)) = (&config.site.templates, path.parent()) {
            config.site.templates = Some(dir.join(templates));
        }
        if let (Some(templates), Some(dir)) = (&config.new.templates, path.parent()) {
            config.new.templates = Some(dir.join(templates));
        }
        if config.graph.orphans {
            // `[graph] orphans = true` is the graph's way of saying `[lint] enable = ["DK606"]`.
            config.lint.enable_code(Code::OrphanRecord);
        }
        Ok(config)
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
    fn lint_codes_keep_their_locations() {
        let text = "[lint]\ndisable = [\"DK105\"]\n\n[lint.severity]\nDK999 = \"info\"\n";
        let config = Config::from_toml(text, Path::new("docket.toml")).unwrap();
        let codes = config.lint.named_codes();
        assert_eq!(codes[0].0, "DK105");
        assert_eq!(codes[1].0, "DK999");
        let err = config.lint.error_at(codes[1].1.start, "unknown".into());
        assert!(err.to_string().contains("line 5, column 1"), "{err}");
    }

    #[test]
    fn unknown_lint_keys_and_formats_are_errors() {
        for text in [
            "[lint]\nenabel = []\n",
            "[lint.required_sections]\nnygrd = [\"context\"]\n",
            "[lint.severity]\nDK101 = \"fatal\"\n",
        ] {
            assert!(
                Config::from_toml(text, Path::new("docket.toml")).is_err(),
                "{text}"
            );
        }
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

    #[test]
    fn limits_default_and_override() {
        let defaults = Config::from_toml("", Path::new("docket.toml")).unwrap();
        assert_eq!(defaults.limits, LimitsConfig::default());
        let text = "[limits]\nmax_file_size = 1_000\nyaml_max_depth = 4\n";
        let limits = Config::from_toml(text, Path::new("docket.toml"))
            .unwrap()
            .limits;
        assert_eq!((limits.max_file_size, limits.yaml_max_depth), (1000, 4));
        assert_eq!(limits.max_records, 10_000);
        let err = Config::from_toml("[limits]\nmax_size = 1\n", Path::new("docket.toml"));
        assert!(err.is_err());
    }

    #[test]
    fn score_section_overrides_defaults() {
        let text = "[score]\ncritical_gate = false\n[score.weights]\ncritical = 10\n\
                    [score.ratings]\npartial = 0.25\n[score.words]\ngood = 0.8\n";
        let config = Config::from_toml(text, Path::new("docket.toml")).unwrap();
        let score = config.score;
        assert!(!score.critical_gate);
        assert_eq!((score.weights.critical, score.weights.high), (10.0, 3.0));
        assert_eq!((score.ratings.good, score.ratings.partial), (1.0, 0.25));
        assert_eq!(score.words.get("good"), Some(&0.8));
        let defaults = Config::from_toml("", Path::new("docket.toml"))
            .unwrap()
            .score;
        assert_eq!(defaults, ScoreConfig::default());
        assert!(defaults.critical_gate);
    }
}
