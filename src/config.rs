//! `docket.toml`: read into plain structs with unknown keys rejected, each with its location.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::error::{Error, Result};
use crate::model::Weight;

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Which files are records.
    #[serde(default)]
    pub records: RecordsConfig,
    /// The scales `docket score` uses.
    #[serde(default)]
    pub score: ScoreConfig,
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
