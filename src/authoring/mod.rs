//! Writing records: `docket new` fills a record template and picks the next number, and
//! `docket init` sets up a config, a records folder and a first record. Files are written
//! through [`write_atomic_new`], never over another.

pub mod migrate;
pub mod numbering;
pub mod templates;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::atomic_write::write_atomic_new;
use crate::error::{Error, Result};
use crate::model::{Date, Decision};

/// What `docket new` is asked for.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// The record's title.
    pub title: String,
    /// The template name (`dr`, `adr`, `madr`, `nygard`, `hosting`).
    pub template: String,
    /// The series prefix (`DR`); default: the folder's.
    pub series: Option<String>,
    /// The status written.
    pub status: String,
    /// The decision date.
    pub date: Date,
    /// Ids of records this one supersedes.
    pub supersedes: Vec<String>,
    /// Ids of related records.
    pub related: Vec<String>,
    /// The options considered.
    pub options: Vec<String>,
    /// Decision criteria as `(name, weight)`.
    pub criteria: Vec<(String, String)>,
    /// Tags.
    pub tags: Vec<String>,
    /// A folder of templates replacing the built-ins of the same name.
    pub templates: Option<PathBuf>,
}

/// A record ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewRecord {
    /// Where it goes: the folder joined with its file name.
    pub path: PathBuf,
    /// Its id (`DR-004`, `0012`).
    pub id: String,
    /// Its text.
    pub text: String,
}

/// A link to another record, as templates see it.
#[derive(Debug, Serialize)]
struct LinkView {
    /// The target's id as written (`DR-001`, `0007`).
    id: String,
    /// The target's title.
    title: String,
    /// The target's heading text (`7. Title`, `DR-001: Title`).
    heading: String,
    /// The path from the new record to the target.
    path: String,
}

/// One criterion, as templates see it.
#[derive(Debug, Serialize)]
struct CriterionView<'a> {
    name: &'a str,
    weight: &'a str,
}

/// Fills the template for a new record in `dir`, whose records are `decisions` (as loaded,
/// paths relative to the same folder as `dir`). Unknown `--supersedes`/`--related` ids and
/// unknown templates are errors.
pub fn render_new(dir: &Path, decisions: &[Decision], options: &NewOptions) -> Result<NewRecord> {
    let numbering = numbering::next(decisions, options.series.as_deref());
    let id = numbering.id();
    let heading = heading(&numbering, &options.title);
    let file_name = numbering.file_name(&numbering::slug(&options.title));
    let links = |what: &str, ids: &[String]| -> Result<Vec<LinkView>> {
        ids.iter()
            .map(|raw| link_view(dir, decisions, what, raw))
            .collect()
    };
    let mut option_names = options.options.clone();
    if option_names.is_empty() {
        option_names = vec!["Option A".into(), "Option B".into()];
    }
    let criteria: Vec<CriterionView<'_>> = options
        .criteria
        .iter()
        .map(|(name, weight)| CriterionView { name, weight })
        .collect();
    let review = Date::from_days(options.date.to_days() + 365).unwrap_or(options.date);
    let mut context = Context::new();
    context.insert("id", &id);
    context.insert("number", &numbering.number);
    context.insert("series", &numbering.series);
    context.insert("title", &options.title);
    context.insert("heading", &heading);
    context.insert("status", &options.status);
    context.insert("date", &options.date.to_string());
    context.insert("review_date", &review.to_string());
    context.insert("supersedes", &links("--supersedes", &options.supersedes)?);
    context.insert("related", &links("--related", &options.related)?);
    context.insert("options", &option_names);
    context.insert("criteria", &criteria);
    context.insert("tags", &options.tags);
    let source = templates::source(&options.template, options.templates.as_deref())?;
    let text = render(&format!("{}.md", options.template), &source, &context)?;
    Ok(NewRecord {
        path: dir.join(file_name),
        id,
        text,
    })
}

/// Writes a record made by [`render_new`]; an existing file is [`Error::Exists`].
pub fn write_new(record: &NewRecord) -> Result<()> {
    write_atomic_new(&record.path, record.text.as_bytes())
}

/// The title heading's text: `12. Title` for bare numbers, `DR-004: Title` for a series.
fn heading(numbering: &numbering::Numbering, title: &str) -> String {
    match numbering.series {
        Some(_) => format!("{}: {title}", numbering.id()),
        None => format!("{}. {title}", numbering.number),
    }
}

/// The record `raw` names among `decisions`, as a link from a record in `dir`.
fn link_view(dir: &Path, decisions: &[Decision], what: &str, raw: &str) -> Result<LinkView> {
    let wanted = match raw.trim().rsplit_once(['-', '_']) {
        Some((series, n)) => n
            .parse::<u32>()
            .ok()
            .map(|n| (Some(series.to_ascii_uppercase()), n)),
        None => raw.trim().parse::<u32>().ok().map(|n| (None, n)),
    };
    let target = decisions.iter().find(|d| match (&wanted, &d.id) {
        (Some((series, number)), Some(id)) => *series == id.series && *number == id.number,
        _ => false,
    });
    let Some(target) = target else {
        return Err(Error::InvalidValue {
            what: what.into(),
            value: raw.into(),
            message: "no record in the folder has this id".into(),
        });
    };
    let id = target
        .id
        .as_ref()
        .map_or(raw.to_string(), |i| i.raw.clone());
    let title = target.title.text.clone();
    let heading = match target.id.as_ref().and_then(|i| i.series.as_ref()) {
        Some(_) => format!("{id}: {title}"),
        None => format!("{}. {title}", target.id.as_ref().map_or(0, |i| i.number)),
    };
    Ok(LinkView {
        id,
        title,
        heading,
        path: relative(dir, Path::new(&target.path)),
    })
}

/// `target` written relative to `dir` (both relative to the same folder, or both absolute).
fn relative(dir: &Path, target: &Path) -> String {
    let dir: Vec<_> = dir
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    let target: Vec<_> = target
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .collect();
    let common = dir.iter().zip(&target).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<String> = vec!["..".to_string(); dir.len() - common];
    parts.extend(
        target[common..]
            .iter()
            .map(|c| c.as_os_str().to_string_lossy().into_owned()),
    );
    parts.join("/")
}

/// Renders one template source with Tera.
fn render(name: &str, source: &str, context: &Context) -> Result<String> {
    let mut tera = Tera::default();
    tera.add_raw_template(name, source)
        .map_err(|e| Error::from_template(name, &e))?;
    tera.render(name, context)
        .map_err(|e| Error::from_template(name, &e))
}

/// The config `docket init` writes, with the records folder filled in.
#[must_use]
pub fn init_config(records: &str) -> String {
    include_str!("../../templates/init/docket.toml").replace("{{ records }}", records)
}

/// The first record `docket init` writes, dated `date`.
#[must_use]
pub fn init_record(date: Date) -> String {
    include_str!("../../templates/init/0001-record-architecture-decisions.md")
        .replace("{{ date }}", &date.to_string())
}

/// The file name of the first record `docket init` writes.
pub const INIT_RECORD: &str = "0001-record-architecture-decisions.md";

/// Sets up `root`: `docket.toml` naming `records` (relative to `root`), that folder, and a
/// first record. An existing config is [`Error::Exists`]; nothing is written then. Returns
/// the files written.
pub fn init(root: &Path, records: &Path, date: Date) -> Result<Vec<PathBuf>> {
    let config = root.join(crate::config::CONFIG_FILE);
    if config.exists() {
        return Err(Error::Exists { path: config });
    }
    let folder = root.join(records);
    std::fs::create_dir_all(&folder).map_err(|source| Error::Io {
        path: folder.clone(),
        source,
    })?;
    let records_text = records.to_string_lossy().replace('\\', "/");
    write_atomic_new(&config, init_config(&records_text).as_bytes())?;
    let record = folder.join(INIT_RECORD);
    let mut written = vec![config];
    match write_atomic_new(&record, init_record(date).as_bytes()) {
        Ok(()) => written.push(record),
        Err(Error::Exists { .. }) => {}
        Err(err) => return Err(err),
    }
    Ok(written)
}
