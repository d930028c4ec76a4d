//! Writing records: `docket new` fills a record template and picks the next number, and
//! `docket init` sets up a config, a records folder and a first record. Files are written
//! through [`write_atomic_new`], never over another, and `docket new` holds a lock on the
//! folder while it picks the number and writes.

pub mod edit;
mod lock;
pub mod migrate;
pub mod naming;
pub mod numbering;
pub mod templates;

use std::path::{Path, PathBuf};

use serde::Serialize;
use tera::{Context, Tera};

use crate::atomic_write::write_atomic_new;
use crate::error::{Error, Result};
use crate::model::{Date, Decision};
use naming::Naming;

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
    /// Its id (`DR-004`, `0012`); none for a date-slug record.
    pub id: Option<String>,
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

/// Writes a new record in `dir`, whose records are `decisions` (as loaded, paths relative to
/// the same folder as `dir`), and returns it. Choosing the name and writing the file are one
/// critical section under a lock on the folder: the folder's names are re-read inside it, so
/// records that other processes wrote since `decisions` were loaded are counted, and the file
/// is written create-new, moving on to the next name should one appear anyway. Unknown
/// `--supersedes`/`--related` ids and unknown templates are errors.
pub fn create_new(dir: &Path, decisions: &[Decision], options: &NewOptions) -> Result<NewRecord> {
    let _lock = lock::FolderLock::acquire(dir)?;
    let mut name = naming::naming(decisions, options.series.as_deref(), options.date);
    name.skip_taken(&numbering::slug(&options.title), &naming::names_in(dir)?);
    write_first_free(dir, decisions, options, name)
}

/// Renders and writes the record named `naming`, create-new; while that name is taken, tries
/// the next one ([`Naming::bump`]).
fn write_first_free(
    dir: &Path,
    decisions: &[Decision],
    options: &NewOptions,
    mut naming: Naming,
) -> Result<NewRecord> {
    let mut attempts = 0;
    loop {
        let record = render_new(dir, decisions, options, &naming)?;
        match write_atomic_new(&record.path, record.text.as_bytes()) {
            Ok(()) => return Ok(record),
            Err(Error::Exists { .. }) if attempts < MAX_ATTEMPTS => {
                attempts += 1;
                naming.bump();
            }
            Err(err) => return Err(err),
        }
    }
}

/// How many taken names [`create_new`] moves past before it gives up: only files written by
/// something that ignores the folder lock can be in the way, so a few are plenty.
const MAX_ATTEMPTS: u32 = 100;

/// Fills the template for a new record in `dir` named by `naming`; see [`create_new`].
pub fn render_new(
    dir: &Path,
    decisions: &[Decision],
    options: &NewOptions,
    naming: &Naming,
) -> Result<NewRecord> {
    let id = naming.id();
    let heading = naming.heading(&options.title);
    let file_name = naming.file_name(&numbering::slug(&options.title));
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
    let numbered = match naming {
        Naming::Numbered(n) => Some(n),
        Naming::Dated { .. } => None,
    };
    let mut context = Context::new();
    context.insert("id", &id);
    context.insert("number", &numbered.map(|n| n.number));
    context.insert("series", &numbered.and_then(|n| n.series.as_ref()));
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

/// The record `raw` names among `decisions`, as a link from a record in `dir`.
fn link_view(dir: &Path, decisions: &[Decision], what: &str, raw: &str) -> Result<LinkView> {
    let wanted = match raw.trim().rsplit_once(['-', '_']) {
        Some((series, n)) => n
            .parse::<u32>()
            .ok()
            .map(|n| (Some(series.to_ascii_uppercase()), n)),
        None => raw.trim().parse::<u32>().ok().map(|n| (None, n)),
    };
    // Date-slug records have no id: they are named by file name (`2026-01-20-use-x`).
    let by_name = |d: &&Decision| {
        let name = crate::parse::record_file_name(&d.path);
        name.strip_suffix(".md").unwrap_or(name) == raw.trim().trim_end_matches(".md")
    };
    let target = decisions
        .iter()
        .find(|d| match (&wanted, &d.id) {
            (Some((series, number)), Some(id)) => *series == id.series && *number == id.number,
            _ => false,
        })
        .or_else(|| decisions.iter().find(by_name));
    let Some(target) = target else {
        return Err(Error::InvalidValue {
            what: what.into(),
            value: raw.into(),
            message: "no record in the folder has this id or file name".into(),
        });
    };
    let id = target
        .id
        .as_ref()
        .map_or(raw.to_string(), |i| i.raw.clone());
    Ok(LinkView {
        id,
        title: target.title.text.clone(),
        heading: record_heading(target),
        path: relative(dir, Path::new(&target.path)),
    })
}

/// How a link names a record: `DR-001: Title` for a series id, `7. Title` for a bare number,
/// the title alone for a record with no id.
pub(crate) fn record_heading(d: &Decision) -> String {
    let title = &d.title.text;
    match &d.id {
        Some(id) if id.series.is_some() => format!("{}: {title}", id.raw),
        Some(id) => format!("{}. {title}", id.number),
        None => title.clone(),
    }
}

/// `target` written relative to `dir` (both relative to the same folder, or both absolute).
pub(crate) fn relative(dir: &Path, target: &Path) -> String {
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

#[cfg(test)]
mod tests {
    use super::naming::{DateStyle, Naming};
    use super::numbering::Numbering;
    use super::{NewOptions, write_first_free};
    use crate::model::Date;

    fn options(title: &str) -> NewOptions {
        NewOptions {
            title: title.into(),
            template: "nygard".into(),
            series: None,
            status: "proposed".into(),
            date: Date::from_ymd(2026, 3, 2).unwrap(),
            supersedes: Vec::new(),
            related: Vec::new(),
            options: Vec::new(),
            criteria: Vec::new(),
            tags: Vec::new(),
            templates: None,
        }
    }

    /// The second guard: a name that turns up taken after the scan (written by something
    /// that ignores the lock) is passed over, and the file there is left alone.
    #[test]
    fn a_taken_name_moves_on_to_the_next() {
        let dir = tempfile::tempdir().unwrap();
        let taken = dir.path().join("0003-x.md");
        crate::atomic_write::write_atomic(&taken, b"keep me").unwrap();
        let numbered = Naming::Numbered(Numbering {
            series: None,
            prefix: None,
            number: 3,
            width: 4,
        });
        let record = write_first_free(dir.path(), &[], &options("X"), numbered).unwrap();
        assert_eq!(record.path, dir.path().join("0004-x.md"));
        assert!(record.text.starts_with("# 4. X\n"), "{}", record.text);
        assert_eq!(std::fs::read(&taken).unwrap(), b"keep me");
        let dated = Naming::Dated {
            style: DateStyle::Compact,
            date: options("X").date,
            attempt: 1,
        };
        crate::atomic_write::write_atomic(&dir.path().join("20260302-x.md"), b"keep").unwrap();
        let record = write_first_free(dir.path(), &[], &options("X"), dated).unwrap();
        assert_eq!(record.path, dir.path().join("20260302-x-2.md"));
        assert_eq!(record.id, None);
        assert!(record.text.starts_with("# X\n"), "{}", record.text);
    }
}
