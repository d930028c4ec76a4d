//! `docket.toml`: read into plain structs with unknown keys rejected, each with its location.

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
}
