//! Edits in place: `docket status`, `supersede`, `link`, `rename` and `renumber` plan byte
//! edits from the model (spans the parser recorded) and the graph (which links point where),
//! then write each changed file atomically. Bytes an edit does not name stay as they were:
//! line endings, a BOM and everything around the edit are kept.

use std::collections::BTreeMap;
use std::collections::btree_map::Entry;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use crate::atomic_write::{write_atomic, write_atomic_new};
use crate::corpus::absolute;
use crate::diagnostics::Edit;
use crate::error::{Error, Result};
use crate::model::{Date, Decision, LinkKind, LinkOrigin, SectionKind, Span, StatusKind};
use crate::parse::{
    WRITTEN_DATE_KEY, WRITTEN_STATUS_KEY, status_word_span, strip_bom, written_verb,
};
use crate::rules::{apply_edits, unified_diff};
use crate::workspace::Workspace;

/// The changes one command makes: byte edits and renames, per record file.
#[derive(Debug, Default)]
pub struct Plan {
    files: BTreeMap<usize, FilePlan>,
}

/// What changes in one record.
#[derive(Debug)]
struct FilePlan {
    /// The path as loaded.
    path: PathBuf,
    /// The text the parser saw (BOM removed); spans point into it.
    text: String,
    /// Byte edits to it, applied together.
    edits: Vec<Edit>,
    /// The new file name, when the file moves.
    rename_to: Option<PathBuf>,
}

impl FilePlan {
    fn new_text(&self) -> Result<String> {
        let (text, applied) = apply_edits(&self.text, &self.edits);
        if applied != dedup_len(&self.edits) {
            return Err(self.error("two edits overlap; nothing was written"));
        }
        Ok(text)
    }

    fn error(&self, message: &str) -> Error {
        Error::Edit {
            path: self.path.clone(),
            message: message.to_string(),
        }
    }
}

fn dedup_len(edits: &[Edit]) -> usize {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    sorted.dedup();
    sorted.len()
}

/// One file the plan changed, as reported after writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    /// The file's path after the change.
    pub path: PathBuf,
    /// The path it had before, when it moved.
    pub renamed_from: Option<PathBuf>,
}

impl Plan {
    /// Whether the plan changes nothing.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files
            .values()
            .all(|f| f.edits.is_empty() && f.rename_to.is_none())
    }

    fn file<'a>(&'a mut self, ws: &Workspace, index: usize) -> Result<&'a mut FilePlan> {
        match self.files.entry(index) {
            Entry::Occupied(entry) => Ok(entry.into_mut()),
            Entry::Vacant(entry) => {
                let d = &ws.corpus.decisions[index];
                let text = ws.corpus.sources.text(&d.path).ok_or_else(|| Error::Edit {
                    path: PathBuf::from(&d.path),
                    message: "the record's text was not loaded".into(),
                })?;
                Ok(entry.insert(FilePlan {
                    path: PathBuf::from(&d.path),
                    text: text.to_string(),
                    edits: Vec::new(),
                    rename_to: None,
                }))
            }
        }
    }

    fn edit(&mut self, ws: &Workspace, index: usize, edit: Edit) -> Result<()> {
        self.file(ws, index)?.edits.push(edit);
        Ok(())
    }

    /// The plan as a unified diff per file (`a/PATH`, `b/PATH`), renames as git writes them.
    pub fn diff(&self) -> Result<String> {
        let mut out = String::new();
        for file in self.files.values() {
            let old = file.path.to_string_lossy().replace('\\', "/");
            if let Some(to) = &file.rename_to {
                let new = to.to_string_lossy().replace('\\', "/");
                let _ = writeln!(out, "rename from {old}\nrename to {new}");
            }
            let new_text = file.new_text()?;
            if new_text != file.text {
                out.push_str(&unified_diff(&old, &file.text, &new_text));
            }
        }
        Ok(out)
    }

    /// Writes the plan: every file is checked first (still as docket read it, valid UTF-8, a
    /// free new name), then each is replaced atomically, its BOM kept; a moved file is written
    /// under its new name (never over another file) before the old one is removed.
    pub fn apply(&self) -> Result<Vec<Written>> {
        let mut ready = Vec::new();
        for file in self.files.values() {
            if file.edits.is_empty() && file.rename_to.is_none() {
                continue;
            }
            let bytes = std::fs::read(&file.path).map_err(|source| Error::Io {
                path: file.path.clone(),
                source,
            })?;
            let Ok(disk) = std::str::from_utf8(&bytes) else {
                return Err(file.error("the file is not valid UTF-8; docket edits only UTF-8"));
            };
            let body = strip_bom(disk);
            if body != file.text {
                return Err(file.error("the file changed since docket read it"));
            }
            if let Some(to) = &file.rename_to
                && to.exists()
            {
                return Err(Error::Exists { path: to.clone() });
            }
            let bom = &disk[..disk.len() - body.len()];
            ready.push((file, format!("{bom}{}", file.new_text()?)));
        }
        let mut written = Vec::new();
        for (file, text) in ready {
            if let Some(to) = &file.rename_to {
                write_atomic_new(to, text.as_bytes())?;
                std::fs::remove_file(&file.path).map_err(|source| Error::Io {
                    path: file.path.clone(),
                    source,
                })?;
            } else {
                write_atomic(&file.path, text.as_bytes())?;
            }
            written.push(Written {
                path: file.rename_to.clone().unwrap_or_else(|| file.path.clone()),
                renamed_from: file.rename_to.as_ref().map(|_| file.path.clone()),
            });
        }
        Ok(written)
    }
}

/// The one record `query` names (an id such as `DR-004` or `7`, a path, a file name).
pub fn find_record(ws: &Workspace, query: &str) -> Result<usize> {
    let found = ws.graph.find(query);
    match found.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::InvalidValue {
            what: "record".into(),
            value: query.into(),
            message: "no record has this id, path or file name".into(),
        }),
        many => Err(Error::InvalidValue {
            what: "record".into(),
            value: query.into(),
            message: format!(
                "several records match: {}",
                many.iter()
                    .map(|i| ws.corpus.decisions[*i].path.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }),
    }
}

/// `docket status ID STATUS`: the record's status word becomes `status` (a status emoji before
/// it goes, as it named the old status); with `date`, its decision date becomes that date.
/// A record with no status or date gets the field where its kind of record keeps it.
pub fn set_status(
    ws: &Workspace,
    index: usize,
    status: StatusKind,
    date: Option<Date>,
) -> Result<Plan> {
    let mut plan = Plan::default();
    status_edits(&mut plan, ws, index, status)?;
    if let Some(date) = date {
        date_edit(&mut plan, ws, index, date)?;
    }
    Ok(plan)
}

/// `docket supersede OLD NEW`: OLD becomes superseded and states `Superseded by NEW`; NEW
/// states `Supersedes OLD`. Links already there are not written twice.
pub fn supersede(ws: &Workspace, old: usize, new: usize) -> Result<Plan> {
    if old == new {
        return Err(Error::InvalidValue {
            what: "record".into(),
            value: ws.corpus.decisions[old].label().into(),
            message: "a record cannot supersede itself".into(),
        });
    }
    let mut plan = Plan::default();
    if ws.corpus.decisions[old].status.kind != StatusKind::Superseded {
        status_edits(&mut plan, ws, old, StatusKind::Superseded)?;
    }
    add_link(&mut plan, ws, old, LinkKind::SupersededBy, new)?;
    add_link(&mut plan, ws, new, LinkKind::Supersedes, old)?;
    Ok(plan)
}

/// `docket link A KIND B`: A states the relation to B, and B the reverse (`supersedes` ↔
/// `superseded-by`, `amends` ↔ `amended-by`, `related` ↔ `related`) unless `reverse` is off.
/// Kinds with no reverse (`split-from`, `depends-on`) are written on A only.
pub fn link(ws: &Workspace, from: usize, kind: LinkKind, to: usize, reverse: bool) -> Result<Plan> {
    if from == to {
        return Err(Error::InvalidValue {
            what: "record".into(),
            value: ws.corpus.decisions[from].label().into(),
            message: "a record cannot link to itself".into(),
        });
    }
    let mut plan = Plan::default();
    add_link(&mut plan, ws, from, kind, to)?;
    if reverse {
        let back = match kind {
            LinkKind::Related => Some(LinkKind::Related),
            other => other.inverse(),
        };
        if let Some(back) = back {
            add_link(&mut plan, ws, to, back, from)?;
        }
    }
    Ok(plan)
}

/// `docket rename ID "Title"`: the title heading, the file name's slug, and every link in the
/// loaded records that points at the file or quotes the old title.
pub fn rename(ws: &Workspace, index: usize, title: &str) -> Result<Plan> {
    let title = title.trim();
    if title.is_empty() {
        return Err(Error::InvalidValue {
            what: "title".into(),
            value: title.into(),
            message: "the new title is empty".into(),
        });
    }
    let d = &ws.corpus.decisions[index];
    let old_title = d.title.text.clone();
    let mut plan = Plan::default();
    let text = plan.file(ws, index)?.text.clone();
    let span = d.title.span;
    let Some(at) = (span.start < span.end)
        .then(|| text[span.start..span.end].rfind(&old_title))
        .flatten()
    else {
        return Err(Error::Edit {
            path: PathBuf::from(&d.path),
            message: "the record has no title heading to rename".into(),
        });
    };
    let start = span.start + at;
    plan.edit(
        ws,
        index,
        replace(start..start + old_title.len(), title.to_string()),
    )?;
    let path = Path::new(&d.path);
    let new_name = renamed_file(path, d, title);
    retarget(&mut plan, ws, index, &new_name, |label| {
        label
            .contains(&old_title)
            .then(|| label.replacen(&old_title, title, 1))
    })?;
    Ok(plan)
}

/// `docket renumber ID N`: the file name's number, the id the record states (title heading,
/// id line) and every link that points at the file or names the old id. A number another
/// record of the series has is refused.
pub fn renumber(ws: &Workspace, index: usize, number: u32) -> Result<Plan> {
    let d = &ws.corpus.decisions[index];
    let Some(id) = &d.id else {
        return Err(Error::Edit {
            path: PathBuf::from(&d.path),
            message: "the record has no number to change".into(),
        });
    };
    let series = id.series.clone();
    if let Some(taken) = ws.corpus.decisions.iter().enumerate().find(|(i, other)| {
        *i != index
            && other
                .id
                .as_ref()
                .is_some_and(|o| o.series == series && o.number == number)
    }) {
        return Err(Error::InvalidValue {
            what: "number".into(),
            value: number.to_string(),
            message: format!("{} already has it", taken.1.path),
        });
    }
    // The file name's number moves with the record's only when it is the record's number
    // (`0007-x.md` for record 7, not `000_x.txt` holding DR-001).
    let file_id = d.file_id.as_ref().filter(|f| {
        f.to_record_id().same_record(id) || (f.prefix.is_none() && f.number == id.number)
    });
    let mut plan = Plan::default();
    let text = plan.file(ws, index)?.text.clone();
    // The id the record states: in its title heading and on id lines.
    let old_number = id.number;
    let stated_number = d.stated_id.as_ref().map_or(old_number, |s| s.number);
    let mut places: Vec<(Span, bool)> = d
        .id_fields
        .iter()
        .map(|span| {
            (
                *span,
                text[span.start..span.end].starts_with(char::is_alphabetic),
            )
        })
        .collect();
    if let Some(stated) = &d.stated_id {
        places.push((d.title.span, stated.series.is_some()));
    }
    for (span, series) in places {
        let written = &text[span.start..span.end];
        let found = [old_number, stated_number]
            .into_iter()
            .find_map(|wanted| id_occurrences(written, wanted, series).into_iter().next());
        if let Some(range) = found {
            let at = span.start + range.start;
            let new = renumbered(&written[range.clone()], number);
            plan.edit(ws, index, replace(at..at + range.len(), new))?;
        }
    }
    let name = Path::new(&d.path)
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let new_name = match file_id.and_then(|f| name.find(&f.digits).map(|at| (f, at))) {
        Some((f, at)) => format!(
            "{}{}{}",
            &name[..at],
            renumbered(&f.digits, number),
            &name[at + f.digits.len()..]
        ),
        None => name.clone(),
    };
    retarget(&mut plan, ws, index, &new_name, |label| {
        // `ADR-7` or `DR-007` in a label, else a leading `7.`; a bare-numbered record is
        // often named `ADR-7` too.
        let first = [true, false]
            .into_iter()
            .find_map(|series| id_occurrences(label, old_number, series).into_iter().next())?;
        Some(format!(
            "{}{}{}",
            &label[..first.start],
            renumbered(&label[first.clone()], number),
            &label[first.end..]
        ))
    })?;
    Ok(plan)
}

/// The link kind a command-line word names: `superseded-by`, `superseded by`, `Amends`,
/// `related`.
#[must_use]
pub fn parse_link_kind(word: &str) -> Option<LinkKind> {
    let word = word.trim().to_lowercase().replace(['-', '_'], " ");
    LinkKind::ALL
        .into_iter()
        .filter(|k| written_verb(*k).is_some())
        .find(|k| {
            k.as_str().replace('-', " ") == word
                || written_verb(*k).is_some_and(|v| v.to_lowercase() == word)
        })
}

/// Moves record `index` to `new_name` in its folder, and points every link at the new name;
/// `label` rewrites a link's text when it quotes what changed.
fn retarget(
    plan: &mut Plan,
    ws: &Workspace,
    index: usize,
    new_name: &str,
    label: impl Fn(&str) -> Option<String>,
) -> Result<()> {
    let d = &ws.corpus.decisions[index];
    let path = Path::new(&d.path);
    let old_name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    if new_name != old_name {
        let to = path.with_file_name(new_name);
        if to.exists() {
            return Err(Error::Exists { path: to });
        }
        plan.file(ws, index)?.rename_to = Some(to);
    }
    let target = absolute(path);
    // Link texts that quote the title or id (`[7. Old title](…)`, `ADR-7`).
    for edge in ws.graph.edges.iter().filter(|e| e.to() == Some(index)) {
        let text = plan.file(ws, edge.from)?.text.clone();
        let span = edge.span;
        let Some(written) = text.get(span.start..span.end) else {
            continue;
        };
        let label_range = match written.strip_prefix('[') {
            Some(rest) => rest.find(']').map(|end| 1..1 + end),
            None => Some(0..written.len()),
        };
        if let Some(range) = label_range
            && let Some(new) = label(&written[range.clone()])
        {
            let at = span.start + range.start;
            plan.edit(ws, edge.from, replace(at..at + range.len(), new))?;
        }
    }
    // Every destination naming the file: inline links, reference definitions, autolinks.
    if new_name != old_name {
        for from in 0..ws.corpus.decisions.len() {
            let text = plan.file(ws, from)?.text.clone();
            let folder = absolute(Path::new(&ws.corpus.decisions[from].path))
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            for range in file_references(&text, &old_name) {
                let destination = &text[destination_start(&text, range.start)..range.end];
                let destination = destination.trim_start_matches('<');
                // A bare file name the label edit already renumbered (`see 0007-x.md`).
                let taken = plan.files.get(&from).is_some_and(|f| {
                    f.edits
                        .iter()
                        .any(|e| e.span.start < range.end && range.start < e.span.end)
                });
                if !taken && absolute(&folder.join(destination)) == target {
                    plan.edit(ws, from, replace(range, new_name.to_string()))?;
                }
            }
        }
    }
    Ok(())
}

/// Byte ranges of `name` in `text` where it ends a link destination (`(0007-x.md)`,
/// `(../adr/0007-x.md#ctx)`, `[7]: 0007-x.md`).
fn file_references(text: &str, name: &str) -> Vec<Range<usize>> {
    text.match_indices(name)
        .filter(|(at, _)| {
            let before = text[..*at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            before.is_some_and(|c| matches!(c, '(' | '/' | '<' | ' ' | ':'))
                && after.is_none_or(|c| matches!(c, ')' | '#' | '>' | ' ' | '\r' | '\n' | '"'))
        })
        .map(|(at, _)| at..at + name.len())
        .collect()
}

/// Where the destination ending at `end` starts: after the `(`, `<` or space before it.
fn destination_start(text: &str, end: usize) -> usize {
    text[..end]
        .rfind(['(', '<', ' ', '\t', '\n'])
        .map_or(0, |at| at + 1)
}

/// The file name `d` gets for `title`: its id prefix as written, a new slug, its extension.
fn renamed_file(path: &Path, d: &Decision, title: &str) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let extension = path
        .extension()
        .map_or_else(|| "md".into(), |e| e.to_string_lossy().into_owned());
    let slug = super::numbering::slug(title);
    let stem = name.strip_suffix(&format!(".{extension}")).unwrap_or(&name);
    // Keep what identifies the record: `0007-`, `adr-007-`, `DR-001_`, `2024-05-01-`.
    let keep = match &d.file_id {
        Some(file_id) => stem
            .find(&file_id.digits)
            .map(|at| at + file_id.digits.len()),
        None => date_prefix_len(stem),
    };
    match keep {
        Some(end) => {
            let separator = stem[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '-' | '_'))
                .unwrap_or('-');
            format!("{}{separator}{slug}.{extension}", &stem[..end])
        }
        None => format!("{slug}.{extension}"),
    }
}

/// The length of a leading `YYYY-MM-DD` or `YYYYMMDD` in a file stem.
fn date_prefix_len(stem: &str) -> Option<usize> {
    let bytes = stem.as_bytes();
    let digits = |r: Range<usize>| {
        bytes
            .get(r)
            .is_some_and(|b| b.iter().all(u8::is_ascii_digit))
    };
    if digits(0..4) && bytes.get(4) == Some(&b'-') && digits(5..7) && bytes.get(7) == Some(&b'-') {
        digits(8..10).then_some(10)
    } else {
        digits(0..8).then_some(8)
    }
}

/// Ranges of the id numbered `number` in `text`: `ADR-007`, `ADR 7` for series ids; for bare
/// ids the leading `7.` or `0007` number.
fn id_occurrences(text: &str, number: u32, series: bool) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if !bytes[at].is_ascii_digit() {
            at += 1;
            continue;
        }
        let start = at;
        while at < bytes.len() && bytes[at].is_ascii_digit() {
            at += 1;
        }
        let whole_number = (start == 0 || !bytes[start - 1].is_ascii_alphanumeric())
            && (at == bytes.len() || !bytes[at].is_ascii_alphanumeric());
        let matches = text[start..at].parse::<u32>().ok() == Some(number);
        let placed = if series {
            // After a series prefix: `ADR-`, `DR `, `adr_`.
            start >= 2
                && matches!(bytes[start - 1], b'-' | b' ' | b'_')
                && bytes[start - 2].is_ascii_alphabetic()
        } else {
            // A bare id leads the text: `7. Title`, `0007`.
            text[..start].trim().is_empty()
        };
        if whole_number && matches && placed {
            out.push(start..at);
        }
    }
    out
}

/// `number` written in the width of `old` (`007` → `012`).
fn renumbered(old: &str, number: u32) -> String {
    format!("{number:0width$}", width = old.len())
}

fn replace(range: Range<usize>, with: String) -> Edit {
    Edit {
        span: Span::new(range.start, range.end),
        replacement: with,
    }
}

fn insert(at: usize, with: String) -> Edit {
    replace(at..at, with)
}

/// The line ending a text uses.
fn newline(text: &str) -> &'static str {
    if text.contains("\r\n") { "\r\n" } else { "\n" }
}

/// The start of the line holding byte `at`.
fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Just past the newline ending the line holding byte `at` (the text's end on its last line).
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

/// Text to insert at the end of the line holding `at`: `line` on a line of its own, with a
/// newline first when that line has none (the file's last line).
fn after_line(text: &str, at: usize, line: &str) -> Edit {
    let nl = newline(text);
    let end = line_end(text, at);
    if end == text.len() && !text.ends_with('\n') {
        insert(end, format!("{nl}{line}"))
    } else {
        insert(end, format!("{line}{nl}"))
    }
}

/// Where front matter's closing `---` line starts.
fn front_matter_close(text: &str) -> Option<usize> {
    let first = text.lines().next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut at = line_end(text, 0);
    while at < text.len() {
        let end = line_end(text, at);
        if matches!(text[at..end].trim_end(), "---" | "...") {
            return Some(at);
        }
        at = end;
    }
    None
}

/// The first heading after the title.
fn first_section_start(d: &Decision) -> Option<usize> {
    d.sections
        .iter()
        .find(|s| s.level >= 2 && s.span.start >= d.title.span.end)
        .map(|s| s.span.start)
}

/// The last metadata line between the title and the first section (`**Date:** …`,
/// `Date: …`), outside front matter: where new fields and relation lines go.
fn header_anchor(d: &Decision, text: &str) -> Option<usize> {
    let from = line_end(text, d.title.span.end.min(text.len()));
    let to = first_section_start(d).unwrap_or(text.len());
    let dates = [
        &d.date,
        &d.updated_date,
        &d.effective_date,
        &d.review_date,
        &d.due_date,
    ];
    d.metadata
        .iter()
        .map(|m| m.span)
        .chain(d.status.span)
        .chain(dates.into_iter().flatten().map(|f| f.span))
        .chain(d.links.iter().map(|l| l.span))
        .chain(d.people.fields().into_iter().flatten().map(|f| f.span))
        .filter(|s| s.start >= from && s.end <= to)
        .map(|s| s.start)
        .max()
}

/// How a metadata line is written: its list marker and whether the key is bold.
fn field_line(text: &str, at: usize, key: &str, value: &str) -> String {
    let line = &text[line_start(text, at)..line_end(text, at)];
    let body = line.trim_start();
    let indent = &line[..line.len() - body.len()];
    let (marker, rest) = ["- ", "* ", "+ "]
        .iter()
        .find_map(|m| body.strip_prefix(m).map(|r| (*m, r)))
        .unwrap_or(("", body));
    if rest.starts_with("**") {
        format!("{indent}{marker}**{key}:** {value}")
    } else {
        format!("{indent}{marker}{key}: {value}")
    }
}

/// An edit adding `key: value` where `d` keeps its fields: front matter, the metadata lines
/// under the title, else a new line under the title.
fn field_edit(d: &Decision, text: &str, key: &str, value: &str) -> Edit {
    let nl = newline(text);
    if let Some(close) = front_matter_close(text) {
        return insert(close, format!("{}: {value}{nl}", key.to_ascii_lowercase()));
    }
    if let Some(anchor) = header_anchor(d, text) {
        return after_line(text, anchor, &field_line(text, anchor, key, value));
    }
    let line = if d.format == crate::model::Format::Nygard {
        format!("{key}: {value}")
    } else {
        format!("**{key}:** {value}")
    };
    title_paragraph(d, text, &line)
}

/// An edit adding `line` as a paragraph of its own under the title heading.
fn title_paragraph(d: &Decision, text: &str, line: &str) -> Edit {
    let nl = newline(text);
    let at = if d.title.span.end > d.title.span.start {
        line_end(text, d.title.span.end)
    } else {
        front_matter_close(text).map_or(0, |c| line_end(text, c))
    };
    insert(at, format!("{nl}{line}{nl}"))
}

fn status_edits(plan: &mut Plan, ws: &Workspace, index: usize, status: StatusKind) -> Result<()> {
    if status == StatusKind::Unknown {
        return Err(Error::InvalidValue {
            what: "status".into(),
            value: status.as_str().into(),
            message: "choose a known status".into(),
        });
    }
    let d = &ws.corpus.decisions[index];
    let text = plan.file(ws, index)?.text.clone();
    let word = capitalised(status.as_str());
    let edit = match d.status.span {
        Some(span) => {
            let raw = &text[span.start..span.end];
            match status_word_span(raw) {
                Some(found) => {
                    let old = &raw[found.clone()];
                    // A status emoji before the word (`✅ **Accepted**`) named the old status.
                    let lead = raw[..found.start].trim_end_matches([' ', '*', '_']);
                    let symbols = lead
                        .char_indices()
                        .rev()
                        .take_while(|(_, c)| !c.is_ascii() && !c.is_alphanumeric())
                        .last()
                        .map(|(i, _)| i..lead.len());
                    if let Some(symbols) = symbols.filter(|_| status != d.status.kind) {
                        let spaces = raw[symbols.end..].len()
                            - raw[symbols.end..].trim_start_matches(' ').len();
                        let end = symbols.end + spaces;
                        plan.edit(
                            ws,
                            index,
                            replace(span.start + symbols.start..span.start + end, String::new()),
                        )?;
                    }
                    replace(
                        span.start + found.start..span.start + found.end,
                        same_case(old, &word),
                    )
                }
                None => replace(span.start..span.end, word),
            }
        }
        None => match d.sections.iter().find(|s| s.kind == SectionKind::Status) {
            Some(section) => after_line(
                &text,
                section.span.start,
                &format!("{}{word}", newline(&text)),
            ),
            None => field_edit(d, &text, WRITTEN_STATUS_KEY, &word),
        },
    };
    plan.edit(ws, index, edit)
}

fn date_edit(plan: &mut Plan, ws: &Workspace, index: usize, date: Date) -> Result<()> {
    let d = &ws.corpus.decisions[index];
    let text = plan.file(ws, index)?.text.clone();
    let edit = match &d.date {
        Some(field) => replace(field.span.start..field.span.end, date.to_string()),
        None => field_edit(d, &text, WRITTEN_DATE_KEY, &date.to_string()),
    };
    plan.edit(ws, index, edit)
}

/// Adds `from → to` of `kind` to `from`'s text where that record states its relations,
/// unless the graph already has that link.
fn add_link(plan: &mut Plan, ws: &Workspace, from: usize, kind: LinkKind, to: usize) -> Result<()> {
    let present = ws
        .graph
        .edges
        .iter()
        .any(|e| e.from == from && e.to() == Some(to) && e.kind == kind);
    if present {
        return Ok(());
    }
    let Some(verb) = written_verb(kind) else {
        return Err(Error::InvalidValue {
            what: "link kind".into(),
            value: kind.as_str().into(),
            message: "docket does not write this kind of link".into(),
        });
    };
    let d = &ws.corpus.decisions[from];
    let target = &ws.corpus.decisions[to];
    let folder = absolute(Path::new(&d.path))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default();
    let href = super::relative(&folder, &absolute(Path::new(&target.path)));
    let markdown = format!("[{}]({href})", super::record_heading(target));
    let text = plan.file(ws, from)?.text.clone();
    let nl = newline(&text);
    let front_end = front_matter_close(&text).unwrap_or(0);
    // Beside the record's last stated relation, in the same style.
    let last = d
        .links
        .iter()
        .filter(|l| l.kind.is_relation() && l.origin != LinkOrigin::Prose)
        .filter(|l| l.span.start > front_end)
        // A list of related records holds related records only: `Amends [x]` in it is read
        // as related.
        .filter(|l| {
            l.origin != LinkOrigin::LinkList
                || kind == LinkKind::Related
                || l.kind != LinkKind::Related
        })
        .max_by_key(|l| l.span.start);
    let edit = match last {
        Some(l) if l.origin == LinkOrigin::Metadata => {
            let line = &text[line_start(&text, l.span.start)..l.span.start];
            let line = if line.contains(':') {
                field_line(&text, l.span.start, verb, &markdown)
            } else {
                format!("{verb} {markdown}")
            };
            after_line(&text, l.span.start, &line)
        }
        Some(l) if l.origin == LinkOrigin::LinkList => {
            let line = &text[line_start(&text, l.span.start)..line_end(&text, l.span.start)];
            let body = line.trim_start();
            let indent = &line[..line.len() - body.len()];
            let marker = ["- ", "* ", "+ "]
                .iter()
                .find(|m| body.starts_with(**m))
                .copied()
                .unwrap_or("- ");
            // A list of bare links under a related heading needs no verb for `related`.
            let new = if l.verb.is_empty() && kind == LinkKind::Related {
                format!("{indent}{marker}{markdown}")
            } else {
                format!("{indent}{marker}{verb} {markdown}")
            };
            after_line(&text, l.span.start, &new)
        }
        Some(l) => {
            let end = line_end(&text, l.span.start);
            let next_blank = text[end..line_end(&text, end)].trim().is_empty();
            if next_blank {
                insert(end, format!("{nl}{verb} {markdown}{nl}"))
            } else {
                after_line(&text, l.span.start, &format!("{verb} {markdown}"))
            }
        }
        None => link_without_precedent(d, &text, verb, &markdown),
    };
    plan.edit(ws, from, edit)
}

/// Where a first relation goes: the Status section (adr-tools), a related-records section,
/// the metadata lines under the title, else a paragraph under the title.
fn link_without_precedent(d: &Decision, text: &str, verb: &str, link: &str) -> Edit {
    let nl = newline(text);
    let content_end = |body: Span| {
        let trimmed = text[body.start..body.end].trim_end();
        line_end(text, body.start + trimmed.len().max(1) - 1)
    };
    if let Some(section) = d.sections.iter().find(|s| s.kind == SectionKind::Status) {
        return insert(
            content_end(section.body_span),
            format!("{nl}{verb} {link}{nl}"),
        );
    }
    if let Some(section) = d.sections.iter().find(|s| s.kind == SectionKind::Links) {
        return insert(
            content_end(section.body_span),
            format!("{nl}- {verb} {link}{nl}"),
        );
    }
    if front_matter_close(text).is_none()
        && let Some(anchor) = header_anchor(d, text)
    {
        return after_line(text, anchor, &field_line(text, anchor, verb, link));
    }
    title_paragraph(d, text, &format!("{verb} {link}"))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// `word` in the case of `model`: `ACCEPTED`, `Accepted` or `accepted`.
fn same_case(model: &str, word: &str) -> String {
    if model.chars().any(char::is_alphabetic) && !model.chars().any(char::is_lowercase) {
        word.to_uppercase()
    } else if model.starts_with(char::is_uppercase) {
        capitalised(&word.to_lowercase())
    } else {
        word.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_where_they_name_the_record() {
        let cases: &[(&str, u32, bool, &[&str])] = &[
            ("ADR-007: Deploy", 7, true, &["007"]),
            ("adr 7 and ADR-17", 7, true, &["7"]),
            ("7. Deploy on 2024-07-07", 7, false, &["7"]),
            ("0007", 7, false, &["0007"]),
            ("Deploy 7", 7, false, &[]),
            ("DR-0071", 7, true, &[]),
        ];
        for (text, number, series, expected) in cases {
            let found: Vec<&str> = id_occurrences(text, *number, *series)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            assert_eq!(&found, expected, "{text}");
        }
    }

    #[test]
    fn file_references_end_destinations() {
        let text = "[a](0007-x.md) [b](../d/0007-x.md#top) x0007-x.md [c]: 0007-x.md\n";
        let found: Vec<usize> = file_references(text, "0007-x.md")
            .into_iter()
            .map(|r| r.start)
            .collect();
        assert_eq!(found.len(), 3);
        assert_eq!(destination_start(text, found[1]), 19);
    }

    #[test]
    fn case_follows_the_word_replaced() {
        assert_eq!(same_case("ACCEPTED", "superseded"), "SUPERSEDED");
        assert_eq!(same_case("Accepted", "superseded"), "Superseded");
        assert_eq!(same_case("accepted", "Superseded"), "superseded");
    }

    #[test]
    fn date_prefixes() {
        assert_eq!(date_prefix_len("2024-05-01-x"), Some(10));
        assert_eq!(date_prefix_len("20240501-x"), Some(8));
        assert_eq!(date_prefix_len("use-x"), None);
    }
}
