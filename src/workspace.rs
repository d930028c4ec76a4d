//! One load for every command: find `docket.toml` one way (walking up from the first path, as
//! cargo and ruff do), walk and parse the records once, and build the decision graph once.
//! `lint`, `graph`, `score`, `show`, `list` and `export` all start from a [`Workspace`].
//!
//! ```no_run
//! use docket::workspace::{Workspace, WorkspaceOptions};
//!
//! let ws = Workspace::load(&["records".into()], &WorkspaceOptions::default())?;
//! println!("{} records, {} links", ws.corpus.decisions.len(), ws.graph.edges.len());
//! # Ok::<(), docket::Error>(())
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::config::{CONFIG_FILE, Config};
use crate::corpus::{Corpus, LoadOptions, absolute, display_path};
use crate::error::{Error, Result};
use crate::graph::Graph;
use crate::parse::ParseOptions;

/// How to load a workspace.
#[derive(Debug, Clone, Default)]
pub struct WorkspaceOptions {
    /// The config file to read instead of looking for one (`--config FILE`).
    pub config: Option<PathBuf>,
    /// Extra extensions to read in folders (`--ext txt`).
    pub extra_extensions: Vec<String>,
    /// Also render each record as sanitised HTML (`docket build`).
    pub html: bool,
    /// Counts the files read, for a progress bar.
    pub progress: Option<std::sync::Arc<crate::corpus::Progress>>,
}

/// Records, their settings and their graph, loaded once.
#[derive(Debug, Default)]
pub struct Workspace {
    /// The settings: the `docket.toml` found, else the defaults.
    pub config: Config,
    /// The config file read, if any.
    pub config_path: Option<PathBuf>,
    /// The parsed records, their texts and the findings of reading and parsing them.
    pub corpus: Corpus,
    /// The links between the records, resolved once. Links resolve against each record's own
    /// file, so the graph is the same whichever folder docket runs from.
    pub graph: Graph,
}

impl Workspace {
    /// Loads the records under `paths` (the current folder when empty): finds the config,
    /// walks and parses the records, and builds the graph (non-record link targets checked
    /// against the file system). A missing path or an invalid config is an error.
    pub fn load(paths: &[PathBuf], options: &WorkspaceOptions) -> Result<Workspace> {
        let here = [PathBuf::from(".")];
        let paths = if paths.is_empty() { &here[..] } else { paths };
        for path in paths {
            if !path.exists() {
                return Err(Error::MissingPath { path: path.clone() });
            }
        }
        let config_path = match &options.config {
            Some(file) if !file.is_file() => {
                return Err(Error::MissingPath { path: file.clone() });
            }
            Some(file) => Some(file.clone()),
            None => find_config(&paths[0]),
        };
        let config = match &config_path {
            Some(file) => Config::from_file(file)?,
            None => Config::default(),
        };
        let root = config_path
            .as_deref()
            .and_then(Path::parent)
            .map(|p| {
                if p.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    p
                }
            })
            .map(Path::to_path_buf);
        let load = LoadOptions {
            extra_extensions: options.extra_extensions.clone(),
            records: config.records.clone(),
            root,
            parse: ParseOptions {
                html: options.html,
                ..ParseOptions::default()
            },
            limits: config.limits.clone(),
            progress: options.progress.clone(),
        };
        let corpus = Corpus::load(paths, &load)?;
        let graph = linked(&corpus, &config);
        Ok(Workspace {
            config,
            config_path,
            corpus,
            graph,
        })
    }

    /// A workspace over records already parsed (tests, embedding): links resolve between the
    /// records' paths as written.
    #[must_use]
    pub fn from_corpus(corpus: Corpus, config: Config) -> Workspace {
        let graph = Graph::build(&corpus.decisions, &config.graph, &config.topics);
        Workspace {
            config,
            config_path: None,
            corpus,
            graph,
        }
    }
}

impl Workspace {
    /// Parses the records at `changed` again (paths as found by the load) and rebuilds the
    /// graph; every other record keeps its parse. Returns the indices of the records parsed
    /// again, or `None` when the change needs a full [`Workspace::load`]: a path that is not
    /// a loaded record (a file added, removed or renamed, the config), or a record whose new
    /// id moves it in the corpus order.
    pub fn reload_records(
        &mut self,
        changed: &[PathBuf],
        parse: ParseOptions,
    ) -> Option<Vec<usize>> {
        let by_path: HashMap<&str, usize> = self
            .corpus
            .decisions
            .iter()
            .enumerate()
            .map(|(i, d)| (d.path.as_str(), i))
            .collect();
        let mut indices: Vec<usize> = changed
            .iter()
            .map(|p| by_path.get(display_path(p).as_str()).copied())
            .collect::<Option<_>>()?;
        indices.sort_unstable();
        indices.dedup();
        for &i in &indices {
            if !self.corpus.reparse(i, parse, &self.config.limits) {
                return None;
            }
        }
        self.graph = linked(&self.corpus, &self.config);
        Some(indices)
    }
}

/// The graph of a loaded corpus, links resolved against each record's own file and
/// non-record targets checked on disk.
fn linked(corpus: &Corpus, config: &Config) -> Graph {
    let mut graph = Graph::build_from(&corpus.decisions, &origin(), &config.graph, &config.topics);
    graph.mark_files(|p| Path::new(p).exists());
    graph
}

/// The `docket.toml` for a path: in its folder (a file's own folder) or the nearest one above,
/// stopping at the repository root (the folder holding `.git`). Outside a repository it
/// climbs no higher than the current folder, so a `docket.toml` in an unrelated parent (`~`,
/// `/tmp`) never applies.
#[must_use]
pub fn find_config(path: &Path) -> Option<PathBuf> {
    let start = absolute(path);
    let first = if start.is_dir() {
        start.as_path()
    } else {
        start.parent()?
    };
    let repository = first.ancestors().find(|d| d.join(".git").exists());
    let cwd = std::env::current_dir().ok().map(|c| absolute(&c));
    let top = repository.or_else(|| cwd.as_deref().filter(|c| first.starts_with(c)));
    for d in first.ancestors() {
        let candidate = d.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(relative_to_cwd(&candidate));
        }
        if top.is_none_or(|t| d == t) {
            return None;
        }
    }
    None
}

/// A path below the current folder written relative to it, for messages.
fn relative_to_cwd(path: &Path) -> PathBuf {
    let cwd = std::env::current_dir().map(|c| absolute(&c));
    match cwd {
        Ok(cwd) => path
            .strip_prefix(&cwd)
            .map_or_else(|_| path.to_path_buf(), Path::to_path_buf),
        Err(_) => path.to_path_buf(),
    }
}

/// The folder record paths are relative to, with `/` separators, for link resolution.
fn origin() -> String {
    crate::corpus::display_path(&absolute(Path::new(".")))
}
