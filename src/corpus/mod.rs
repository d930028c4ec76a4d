//! A folder of records: discovering files, reading and decoding them, and parsing them in
//! parallel into a [`Corpus`]. Every byte of markdown goes to `parse`; no rules run here.

mod discover;
mod load;

pub use discover::{
    Discovered, absolute, discover_records, is_skipped_name, repository_record_dirs,
};
pub use load::decode_source;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::config::{LimitsConfig, RecordsConfig};
use crate::diagnostics::{Code, Diagnostic, SourceMap, sort_diagnostics};
use crate::error::{Error, Result};
use crate::model::{Decision, Span};
use crate::parse::{ParseOptions, YamlBudget, parse_record_with};

/// Parsed records with their texts and every finding from reading and parsing them.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Records sorted by (series, number, path).
    pub decisions: Vec<Decision>,
    /// The texts the parser saw.
    pub sources: SourceMap,
    /// Findings from reading and parsing, sorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Options for loading: which files of a folder are records. `Workspace::load` fills them
/// from the one `docket.toml` it finds.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// Extra extensions to read in folders (`--ext txt`).
    pub extra_extensions: Vec<String>,
    /// The `[records]` section: folders, ignore globs, extensions, README and template skipping.
    pub records: RecordsConfig,
    /// The folder `[records] dirs` and `ignore` are relative to (the config file's folder).
    pub root: Option<PathBuf>,
    /// What parsing does besides reading the model (`html` for `docket build`).
    pub parse: ParseOptions,
    /// The `[limits]` section: largest file, most records, YAML budget.
    pub limits: LimitsConfig,
    /// Counts files as they are read, for a progress bar.
    pub progress: Option<Arc<Progress>>,
}

/// How far a load has got: files found and files read so far. The loader counts; a caller
/// on another thread may draw it.
#[derive(Debug, Default)]
pub struct Progress {
    total: AtomicUsize,
    done: AtomicUsize,
}

impl Progress {
    /// `(files read, files to read)`; the total is 0 until the files are found.
    #[must_use]
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }
}

/// Writes a path with `/` separators, as the model stores it.
#[must_use]
pub fn display_path(path: &Path) -> String {
    let s = path.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

/// The parse options with `[limits]`' YAML budget.
fn with_yaml_budget(parse: ParseOptions, limits: &LimitsConfig) -> ParseOptions {
    ParseOptions {
        yaml: YamlBudget {
            max_nodes: limits.yaml_max_nodes,
            max_depth: limits.yaml_max_depth,
            max_alias_events: limits.yaml_max_alias_events,
        },
        ..parse
    }
}

/// Reads a file unless it is larger than `max` bytes (`Ok(None)`). Only regular files are
/// opened: a FIFO named `x.md` would block forever. Reads at most `max + 1` bytes whatever the
/// file claims, so a device or a growing file cannot exhaust memory.
fn read_at_most(file: &Path, max: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    if !std::fs::metadata(file)?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(file)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= max).then_some(bytes))
}

fn too_large(path: &str, file: &Path, max: u64) -> Diagnostic {
    let size = std::fs::metadata(file).map_or(max + 1, |m| m.len());
    Diagnostic::new(
        Code::LimitExceeded,
        path,
        Span::default(),
        format!("`{path}` is {size} bytes, over the limit of {max} bytes; it was not read"),
    )
    .with_help(
        "exclude it with `[records] ignore`, or raise `[limits] max_file_size` in docket.toml",
    )
}

fn too_many(path: &str, found: usize, max: usize) -> Diagnostic {
    Diagnostic::new(
        Code::LimitExceeded,
        path,
        Span::default(),
        format!(
            "{found} record files were found, over the limit of {max}; `{path}` and the {} after it were not read",
            found - max - 1
        ),
    )
    .with_help("point docket at the records folder, or raise `[limits] max_records` in docket.toml")
}

fn unreadable_file(path: &str, message: &str) -> Diagnostic {
    Diagnostic::new(
        Code::UnreadableFile,
        path,
        Span::default(),
        format!("`{path}` cannot be read: {message}"),
    )
    .with_help("check that the file exists and is readable, or ignore it in docket.toml")
}

impl Corpus {
    /// Loads records from files and folders. A file named here is read whatever its extension;
    /// a folder is walked with `options.records`. A missing path is an error.
    pub fn load(paths: &[PathBuf], options: &LoadOptions) -> Result<Corpus> {
        let mut files: Vec<PathBuf> = Vec::new();
        let mut unreadable = Vec::new();
        let mut records = options.records.clone();
        records
            .extensions
            .extend(options.extra_extensions.iter().cloned());
        for path in paths {
            if path.is_dir() {
                let found = discover_records(path, options.root.as_deref(), &records)?;
                files.extend(found.files);
                unreadable.extend(found.unreadable);
            } else if path.is_file() {
                files.push(path.clone());
            } else {
                return Err(Error::MissingPath { path: path.clone() });
            }
        }
        files.dedup();
        let mut over = None;
        if files.len() > options.limits.max_records {
            let first_skipped = display_path(&files[options.limits.max_records]);
            over = Some(too_many(
                &first_skipped,
                files.len(),
                options.limits.max_records,
            ));
            files.truncate(options.limits.max_records);
        }
        let parse = with_yaml_budget(options.parse, &options.limits);
        if let Some(progress) = &options.progress {
            progress.total.store(files.len(), Ordering::Relaxed);
        }
        let mut corpus = Corpus::read_all(
            &files,
            parse,
            options.limits.max_file_size,
            options.progress.as_deref(),
        );
        corpus.diagnostics.extend(over);
        for (path, message) in unreadable {
            corpus
                .diagnostics
                .push(unreadable_file(&display_path(&path), &message));
        }
        sort_diagnostics(&mut corpus.diagnostics);
        Ok(corpus)
    }

    /// Reads and parses the given files in parallel; unreadable files become findings.
    #[must_use]
    pub fn from_files(files: &[PathBuf]) -> Corpus {
        Corpus::from_files_with(files, ParseOptions::default())
    }

    /// [`Corpus::from_files`] with parse options (HTML rendering for the site).
    #[must_use]
    pub fn from_files_with(files: &[PathBuf], parse: ParseOptions) -> Corpus {
        Corpus::from_files_limited(files, parse, LimitsConfig::default().max_file_size)
    }

    /// [`Corpus::from_files_with`] skipping (and reporting, DK009) files over `max_file_size`
    /// bytes.
    #[must_use]
    pub fn from_files_limited(
        files: &[PathBuf],
        parse: ParseOptions,
        max_file_size: u64,
    ) -> Corpus {
        Corpus::read_all(files, parse, max_file_size, None)
    }

    /// Reads and parses `files` in parallel, counting each in `progress`.
    fn read_all(
        files: &[PathBuf],
        parse: ParseOptions,
        max_file_size: u64,
        progress: Option<&Progress>,
    ) -> Corpus {
        let results: Vec<(String, String, Option<Decision>, Vec<Diagnostic>)> = files
            .par_iter()
            .map(|file| {
                if let Some(progress) = progress {
                    progress.done.fetch_add(1, Ordering::Relaxed);
                }
                let path = display_path(file);
                match read_at_most(file, max_file_size) {
                    Ok(None) => {
                        let d = too_large(&path, file, max_file_size);
                        (path, String::new(), None, vec![d])
                    }
                    Ok(Some(bytes)) => {
                        let (text, mut diags) = decode_source(&bytes, &path);
                        let parsed = parse_record_with(&text, &path, parse);
                        diags.extend(parsed.diagnostics);
                        (path, text, Some(parsed.decision), diags)
                    }
                    Err(err) => {
                        let d = unreadable_file(&path, &err.to_string());
                        (path, String::new(), None, vec![d])
                    }
                }
            })
            .collect();
        let mut corpus = Corpus::default();
        for (path, text, decision, diags) in results {
            let text = match crate::parse::strip_bom(&text) {
                body if body.len() < text.len() => body.to_string(),
                _ => text,
            };
            corpus.sources.insert(&path, text);
            corpus.decisions.extend(decision);
            corpus.diagnostics.extend(diags);
        }
        corpus.decisions.sort_by_cached_key(order_key);
        sort_diagnostics(&mut corpus.diagnostics);
        corpus
    }

    /// Reads and parses the record at `index` again from its file, replacing its decision,
    /// text and findings; the other records keep theirs (`docket serve` after one file
    /// changed). Returns `false`, changing nothing, when the file cannot be read or the
    /// record would move in the corpus order: those changes need a full load.
    pub fn reparse(&mut self, index: usize, parse: ParseOptions, limits: &LimitsConfig) -> bool {
        let Some(old) = self.decisions.get(index) else {
            return false;
        };
        let path = old.path.clone();
        // A file now over `max_file_size` (or unreadable) needs the full load's finding.
        let Ok(Some(bytes)) = read_at_most(Path::new(&path), limits.max_file_size) else {
            return false;
        };
        let (text, mut diags) = decode_source(&bytes, &path);
        let parsed = parse_record_with(&text, &path, with_yaml_budget(parse, limits));
        if order_key(&parsed.decision) != order_key(old) {
            return false;
        }
        diags.extend(parsed.diagnostics);
        self.decisions[index] = parsed.decision;
        let text = crate::parse::strip_bom(&text).to_string();
        self.sources.insert(&path, text);
        self.diagnostics.retain(|d| d.path != path);
        self.diagnostics.extend(diags);
        sort_diagnostics(&mut self.diagnostics);
        true
    }
}

/// Records are sorted by (series, number, path).
fn order_key(d: &Decision) -> (Option<String>, Option<u32>, String) {
    (
        d.id.as_ref().and_then(|i| i.series.clone()),
        d.id.as_ref().map(|i| i.number),
        d.path.clone(),
    )
}
