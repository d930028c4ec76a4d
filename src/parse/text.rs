//! Small text helpers shared by the parse modules: `Key: value` lines, leading markers,
//! record ids in text and file names, and name normalisation for matching.

use super::markdown::Line;
use super::vocabulary::{FOLDER_RECORD_STEMS, OPTION_PREFIXES, is_series_prefix};
use crate::model::{FileNameId, RecordId, Span, option_key};

/// A `Key: value` line: bold (`**Status:** Accepted`) or plain (`Date: 2016-02-12`).
#[derive(Debug, Clone)]
pub(crate) struct KeyValue {
    pub(crate) key: String,
    pub(crate) norm: String,
    pub(crate) value: String,
    /// The value's plain text starts at this byte of the line's text.
    pub(crate) value_at: usize,
    pub(crate) value_span: Span,
    pub(crate) bold: bool,
}

/// The lower case of a text when every char keeps its byte length, so an offset found in
/// it is an offset in `text` too. Comparing the whole lengths is not enough: the Kelvin sign
/// shrinks and `İ` grows, and together they cancel out.
pub(crate) fn lowercase_same_offsets(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    text.chars()
        .all(|c| c.to_lowercase().map(char::len_utf8).sum::<usize>() == c.len_utf8())
        .then_some(lower)
}

/// Lower-cases a key and keeps letters, digits and single spaces (`Decision-Makers` → `decision makers`).
pub(crate) fn normalise_key(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    for word in key
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Splits a line into key and value. Plain keys must be short (one to four words) so prose
/// such as `Note: this is…` passes only when it looks like a field.
pub(crate) fn key_value(line: &Line, src: &str) -> Option<KeyValue> {
    let text = line.text.as_str();
    // Leading emoji before the key (`✅ **Status:**`) is rare; the key must start the line.
    let (key, value_at, bold) = if let Some(first) = line.strong.iter().find(|f| f.at == 0) {
        let inner = first.text.trim();
        if let Some(k) = inner.strip_suffix(KEY_COLONS) {
            (k.trim().to_string(), first.at + first.text.len(), true)
        } else if text[first.text.len().min(text.len())..]
            .trim_start()
            .starts_with(KEY_COLONS)
        {
            let colon = text[first.text.len()..].find(KEY_COLONS)? + first.text.len();
            (inner.to_string(), colon + colon_len(text, colon), true)
        } else if let Some((k, _)) = inner.split_once(KEY_COLONS)
            && short_key(k)
        {
            // The colon inside the bold, value and all: `**Status: Active**`.
            let colon = first.text.find(KEY_COLONS)? + first.at;
            (k.trim().to_string(), colon + colon_len(text, colon), true)
        } else {
            return None;
        }
    } else {
        let colon = text.find(KEY_COLONS)?;
        // An emoji or symbol may stand before the key (`📆 Date: 15.04.2025`).
        let key = text[..colon].trim_start_matches(|c: char| {
            c.is_whitespace() || !(c.is_ascii() || c.is_alphanumeric())
        });
        let after = colon + colon_len(text, colon);
        if !short_key(key) || text[after..].starts_with("//") {
            return None;
        }
        (key.trim().to_string(), after, false)
    };
    if key.is_empty() || key.len() > 60 {
        return None;
    }
    let value_at = value_at.min(text.len());
    let value = text[value_at..].trim().to_string();
    let value_span = value_span_in_source(line, src);
    Some(KeyValue {
        norm: normalise_key(&key),
        key,
        value,
        value_at,
        value_span,
        bold,
    })
}

/// The colons that end a key: ASCII, and the full-width one CJK text writes (`状态：已采纳`).
pub(crate) const KEY_COLONS: [char; 2] = [':', '\u{ff1a}'];

/// The byte length of the colon at `at` (the full-width one takes three).
fn colon_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

/// Whether text before a colon looks like a field key: one to four words of letters,
/// digits, spaces, `-`, `_` or `/`.
fn short_key(key: &str) -> bool {
    let words = key.split_whitespace().count();
    (1..=4).contains(&words)
        && key.len() <= 40
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '_' || c == '/')
}

/// The source span of a line's value: after the first `:` (and any closing `**`), trimmed.
fn value_span_in_source(line: &Line, src: &str) -> Span {
    let raw = line.span.slice(src);
    let Some(colon) = raw.find(KEY_COLONS) else {
        return line.span;
    };
    let mut start = colon + raw[colon..].chars().next().map_or(1, char::len_utf8);
    let rest = &raw[start..];
    let skipped = rest.len() - rest.trim_start_matches(['*', '_']).len();
    start += skipped;
    let rest = &raw[start..];
    start += rest.len() - rest.trim_start().len();
    // A hard break (`\`) is no part of the value, nor the bold's closing `**` when the colon
    // sat inside it (`**Status: Active**`).
    let mut value = raw[start..].trim_end().trim_end_matches('\\').trim_end();
    for mark in ["**", "__"] {
        if value.matches(mark).count() % 2 == 1 {
            value = value.strip_suffix(mark).unwrap_or(value).trim_end();
        }
    }
    let end = start + value.len();
    Span::new(line.span.start + start, line.span.start + end)
}

/// The raw source text of a span, trimmed.
pub(crate) fn raw(src: &str, span: Span) -> String {
    span.slice(src).trim().to_string()
}

/// Markers that open a pro/con/consequence line, with their polarity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Polarity {
    Good,
    Bad,
    Warn,
    Neutral,
}

const MARKERS: &[(&str, Polarity)] = &[
    ("✅", Polarity::Good),
    ("✔️", Polarity::Good),
    ("✔", Polarity::Good),
    ("☑️", Polarity::Good),
    ("👍", Polarity::Good),
    ("➕", Polarity::Good),
    ("🟢", Polarity::Good),
    ("❌", Polarity::Bad),
    ("✖️", Polarity::Bad),
    ("✖", Polarity::Bad),
    ("✗", Polarity::Bad),
    ("👎", Polarity::Bad),
    ("➖", Polarity::Bad),
    ("🔴", Polarity::Bad),
    ("⛔", Polarity::Bad),
    ("⚠️", Polarity::Warn),
    ("⚠", Polarity::Warn),
    ("🟡", Polarity::Warn),
    ("➡️", Polarity::Neutral),
    ("➡", Polarity::Neutral),
];

/// Splits a leading marker off a line: an emoji, or MADR's `Good, because` / `Bad, because`.
pub(crate) fn split_marker(text: &str) -> (Option<(String, Polarity)>, &str) {
    let t = text.trim_start();
    for (m, p) in MARKERS {
        if let Some(rest) = t.strip_prefix(m) {
            let rest = rest.trim_start_matches('\u{fe0f}').trim_start();
            return (Some(((*m).to_string(), *p)), rest);
        }
    }
    let lower = t.to_ascii_lowercase();
    for (word, p) in [
        ("good", Polarity::Good),
        ("bad", Polarity::Bad),
        ("neutral", Polarity::Neutral),
        ("pro", Polarity::Good),
        ("con", Polarity::Bad),
    ] {
        if lower.starts_with(word) {
            let after = &t[word.len()..];
            if let Some(rest) = after.strip_prefix(',').or_else(|| after.strip_prefix(':')) {
                let rest = rest.trim_start();
                return (Some((t[..word.len()].to_string(), p)), rest);
            }
        }
    }
    (None, t)
}

/// A record id at the start of `text`: `DR-001`, `ADR 16`, `adr-0015`, `12.` or `0004`.
/// Returns the id and the byte length it used (separator not included).
pub(crate) fn id_at_start(text: &str, require_series: bool) -> Option<(RecordId, usize)> {
    let t = text;
    let letters: usize = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphabetic())
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let series = &t[..letters];
    let series_ok = !series.is_empty()
        && series.len() <= 6
        && (series.chars().all(|c| c.is_ascii_uppercase()) || is_lower_series(series));
    if !series.is_empty() && !series_ok {
        return None;
    }
    if series.is_empty() && require_series {
        return None;
    }
    let mut i = letters;
    if !series.is_empty() {
        let rest = &t[i..];
        // `ADR #0012` (a number sign after a space) is written as often as `ADR-0012`.
        if rest.starts_with(" #") {
            i += 2;
        } else if rest.starts_with(['-', '_', ' ', '#']) {
            i += 1;
        }
    }
    let digits: usize = t[i..].bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let end = i + digits;
    // A digit run must end at a word boundary: `2FA` is not an id.
    if t[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let number: u32 = t[i..end].parse().ok()?;
    let raw = &t[..end];
    let series = (!series.is_empty()).then_some(series);
    Some((RecordId::new(raw, series, number), end))
}

/// Whether `series` (at most six ASCII letters) is a series written in any case (`adr`),
/// lower-cased on the stack.
fn is_lower_series(series: &str) -> bool {
    let mut buf = [0u8; 6];
    let Some(slot) = buf.get_mut(..series.len()) else {
        return false;
    };
    slot.copy_from_slice(series.as_bytes());
    slot.make_ascii_lowercase();
    std::str::from_utf8(slot).is_ok_and(is_series_prefix)
}

/// Strips an id prefix from a heading: `ADR-016: Fly.io` → (`ADR-016`, `Fly.io`),
/// `12. Use Foo` → (`12`, `Use Foo`). Bare numbers need a separator or zero padding.
pub(crate) fn split_title_id(text: &str) -> (Option<RecordId>, &str) {
    let t = text.trim();
    let (t, bracketed) = match t.strip_prefix('[') {
        Some(rest) => (rest, true),
        None => (t, false),
    };
    let Some((id, used)) = id_at_start(t, false) else {
        return (None, text.trim());
    };
    let mut rest = &t[used..];
    if bracketed {
        let Some(r) = rest.strip_prefix(']') else {
            return (None, text.trim());
        };
        rest = r;
    }
    let trimmed = rest.trim_start();
    let sep = trimmed
        .strip_prefix(['.', ':', '\u{ff1a}', ')', '-', '–', '—', '|'])
        .map(str::trim_start);
    let title = match sep {
        Some(after) => after,
        None if id.series.is_some() || bracketed => trimmed,
        None if id.raw.len() >= 3 && id.raw.starts_with('0') && rest.starts_with(' ') => trimmed,
        None => return (None, text.trim()),
    };
    if title.is_empty() || (id.series.is_none() && title.starts_with(|c: char| c.is_ascii_digit()))
    {
        return (None, text.trim());
    }
    (Some(id), title)
}

/// The id a file name starts with: `0001-record.md` → `0001`, `adr-007-deployment.md` →
/// `adr` `007`, `DR-001-backend.md` → `DR` `001`. Prefixes follow the rules of ids in titles
/// (upper case or a known series such as `adr`), so `notes-1.md` has none; date slugs
/// (`2026-01-20-…`, `20200925-…`) are not ids.
pub(crate) fn file_name_id(path: &str) -> Option<FileNameId> {
    let name = record_file_name(path);
    let stem = name.split('.').next().unwrap_or(name);
    if is_date_slug(stem) {
        return None;
    }
    let (id, used) = id_at_start(stem, false)?;
    let after = &stem[used..];
    if !(after.is_empty() || after.starts_with(['-', '_', ' '])) {
        return None;
    }
    let digits = id.raw.bytes().rev().take_while(u8::is_ascii_digit).count();
    let prefix = id
        .series
        .as_ref()
        .map(|series| stem[..series.len()].to_string());
    Some(FileNameId {
        prefix,
        digits: id.raw[id.raw.len() - digits..].to_string(),
        number: id.number,
    })
}

/// The name a record is known by: its file name, or for a folder record
/// (`0004-x/README.md`, `2025-01-17-x/index.md`), its folder's name.
pub(crate) fn record_file_name(path: &str) -> &str {
    let mut parts = path.rsplit(['/', '\\']).filter(|p| !p.is_empty());
    let name = parts.next().unwrap_or(path);
    match parts.next() {
        Some(folder) if is_folder_record_name(name) && is_record_folder_name(folder) => folder,
        _ => name,
    }
}

/// Whether a file name is one that makes a numbered or dated folder a record (`README.md`,
/// `index.md`).
pub(crate) fn is_folder_record_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower
        .rsplit_once('.')
        .is_some_and(|(stem, ext)| ext == "md" && FOLDER_RECORD_STEMS.contains(&stem))
}

/// Whether a folder's name is numbered or dated (`0004-use-x`, `2025-01-17-key-management`),
/// as a folder holding one record is named.
pub(crate) fn is_record_folder_name(folder: &str) -> bool {
    if is_date_slug(folder) {
        return true;
    }
    id_at_start(folder, false).is_some_and(|(id, used)| {
        id.series.is_none() && folder[used..].starts_with(['-', '_']) && used >= 2
    })
}

/// Whether a file stem starts with a date (`2026-01-20-…` or `20200925-…`), as log4brains names
/// files, or with a year and month only (`2026-01-content-management`), as some sets name
/// records by the month they were written.
pub(crate) fn is_date_slug(stem: &str) -> bool {
    let b = stem.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let year_ok = b.first().is_some_and(|c| *c == b'1' || *c == b'2');
    let month_ok = matches!(stem.get(5..7), Some(m) if ("01"..="12").contains(&m));
    year_ok
        && ((digits(0..4)
            && b.get(4) == Some(&b'-')
            && digits(5..7)
            && month_ok
            && (digits(8..10) && b.get(7) == Some(&b'-')
                || !b.get(7).is_some_and(u8::is_ascii_digit)))
            || (digits(0..8) && !b.get(8).is_some_and(u8::is_ascii_digit)))
}

/// Every record id written in free text (`DR-002`, `ADR-0015`), with its byte offset.
/// Bare numbers are not ids here; the series must be upper case or `adr`.
pub(crate) fn ids_in_text(text: &str) -> Vec<(RecordId, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let boundary = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if boundary
            && may_start_id(&bytes[i..])
            && let Some((id, used)) = id_at_start(&text[i..], true)
        {
            out.push((id, i));
            i += used;
            continue;
        }
        i += 1;
    }
    out
}

/// Whether `bytes` can start an id with a series (1–6 ASCII letters, an optional separator,
/// then a digit): the cheap test that spares [`id_at_start`] every other word of prose.
fn may_start_id(bytes: &[u8]) -> bool {
    let letters = bytes
        .iter()
        .take(7)
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    if letters == 0 || letters > 6 {
        return false;
    }
    let rest = &bytes[letters..];
    let digit_at = if rest.starts_with(b" #") {
        2
    } else {
        usize::from(matches!(rest.first(), Some(b'-' | b'_' | b' ' | b'#')))
    };
    rest.get(digit_at).is_some_and(u8::is_ascii_digit)
}

/// An option name's key ([`option_key`]) with an `Option N:` prefix dropped first. The
/// model's names have that prefix removed already, but parse also compares names as written
/// in headings and bold runs (`**Option 1: Render**`), where it still stands.
pub(crate) fn name_key(name: &str) -> String {
    option_key(strip_option_number(name.trim()))
}

/// `Option 1: Render` → `Render`; names without an `Option N` prefix stay as they are.
fn strip_option_number(name: &str) -> &str {
    let Some(rest) = OPTION_PREFIXES.iter().find_map(|p| {
        name.get(..p.len())
            .filter(|head| head.eq_ignore_ascii_case(p))
            .map(|_| &name[p.len()..])
    }) else {
        return name;
    };
    let rest = rest.trim_start();
    let number = rest
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_alphanumeric())
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    match rest[number..]
        .trim_start()
        .strip_prefix([':', '-', '.', '–'])
    {
        Some(after) if number <= 2 => after,
        _ => name,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_ids() {
        let cases = [
            (
                "ADR-016: Fly.io Backend Hosting",
                Some("ADR-016"),
                "Fly.io Backend Hosting",
            ),
            (
                "DR-001: Backend Hosting Platform",
                Some("DR-001"),
                "Backend Hosting Platform",
            ),
            ("12. Use Foo", Some("12"), "Use Foo"),
            ("0004 Record decisions", Some("0004"), "Record decisions"),
            ("ADR 0003 - Use X", Some("ADR 0003"), "Use X"),
            ("[ADR-12] Bracketed", Some("ADR-12"), "Bracketed"),
            ("2FA for admins", None, "2FA for admins"),
            ("Use Postgres", None, "Use Postgres"),
            ("2019 review", None, "2019 review"),
        ];
        for (text, id, title) in cases {
            let (got, rest) = split_title_id(text);
            assert_eq!(got.map(|i| i.raw), id.map(str::to_string), "{text}");
            assert_eq!(rest, title, "{text}");
        }
    }

    #[test]
    fn file_name_ids() {
        let cases = [
            ("dir/0004-one-crate.md", Some((None, "0004", 4))),
            ("docs/adr-007-deployment.md", Some((Some("adr"), "007", 7))),
            ("adr-016-fly.md", Some((Some("adr"), "016", 16))),
            ("DR-001.md", Some((Some("DR"), "001", 1))),
            ("0001-record.md", Some((None, "0001", 1))),
            ("windows\\0002-x.md", Some((None, "0002", 2))),
            ("readme.md", None),
            ("README.md", None),
            ("0004x.md", None),
            ("notes-1.md", None),
            ("2026-01-20-use-log4brains.md", None),
            ("2026-01-content-management.md", None),
            ("20200925-use-markdown.md", None),
            ("0012-10-factor-app.md", Some((None, "0012", 12))),
        ];
        for (path, want) in cases {
            let got = file_name_id(path).map(|f| (f.prefix.clone(), f.digits.clone(), f.number));
            let want = want.map(|(p, d, n)| (p.map(str::to_string), d.to_string(), n));
            assert_eq!(got, want, "{path}");
        }
        let id = file_name_id("docs/adr-007-deployment.md")
            .unwrap()
            .to_record_id();
        assert_eq!(
            (id.raw.as_str(), id.series.as_deref(), id.number),
            ("ADR-007", Some("ADR"), 7)
        );
    }

    /// The cases of both date-slug rules docket used to have: the parser's (a plausible year,
    /// a full `YYYY-MM-DD`) and the rules' (any four digits and `-MM-`). The parser's is kept:
    /// the rules' took adr-tools names such as `0012-10-factor-app` for dates.
    #[test]
    fn folder_records_are_named_by_their_folder() {
        for (path, name) in [
            (
                "decision-records/2025-01-17-key-rotation/README.md",
                "2025-01-17-key-rotation",
            ),
            ("adr/0004-use-x/index.md", "0004-use-x"),
            ("adr/0004-use-x/notes.md", "notes.md"),
            ("docs/README.md", "README.md"),
            ("adr/v2-notes/README.md", "README.md"),
            ("0005-plain.md", "0005-plain.md"),
        ] {
            assert_eq!(record_file_name(path), name, "{path}");
        }
        assert_eq!(
            file_name_id("adr/0004-use-x/README.md").map(|f| f.number),
            Some(4)
        );
    }

    #[test]
    fn date_slugs() {
        let rows = [
            ("log4brains dashed date", "2026-01-20-use-log4brains", true),
            ("compact date", "20200925-slug", true),
            ("compact date alone", "20200925", true),
            ("adr-tools number", "0004-one-crate", false),
            ("number then a number word", "0012-10-factor-app", false),
            ("number then digits and dash", "0001-02-x", false),
            ("year and month only", "2026-01-notes", true),
            ("year and month, nothing after", "2026-01", true),
            (
                "year then a number that is no month",
                "2026-13-notes",
                false,
            ),
            ("year, month and more digits", "2026-011-notes", false),
            ("nine digits", "202009251-slug", false),
            ("eight digits not a year", "00000001-slug", false),
            ("prefixed id", "adr-016-fly", false),
            ("no digits", "readme", false),
        ];
        for (name, stem, want) in rows {
            assert_eq!(is_date_slug(stem), want, "{name}");
        }
    }

    #[test]
    fn names_match_after_folding() {
        assert_eq!(name_key("AWS (EC2/ECS)"), name_key("aws"));
        assert_eq!(name_key("Option 1: Render"), "render");
        assert_eq!(name_key("alternative B - Fly.io"), "fly.io");
        assert_eq!(name_key("Optionally Render"), "optionally render");
        assert_eq!(name_key("Fly.io"), "fly.io");
    }

    #[test]
    fn ids_in_prose() {
        let ids: Vec<String> = ids_in_text("see DR-002 and BR-024 and ADR #0012, not 2FA or x-1")
            .into_iter()
            .map(|(i, _)| i.raw)
            .collect();
        assert_eq!(ids, ["DR-002", "BR-024", "ADR #0012"]);
    }
}
