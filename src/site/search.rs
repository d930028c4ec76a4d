//! The search index, built once at build time: each record's id, title, status, tags and
//! plain text. The bundled `search.js` filters the index list with it in the browser, so
//! search needs no server and no third-party script.

use rayon::prelude::*;
use serde::Serialize;

use crate::model::Decision;

use super::view::RecordRow;

/// One record in the search index.
#[derive(Debug, Clone, Serialize)]
pub struct SearchEntry {
    /// The page's slug; index rows carry it as `data-slug`.
    pub slug: String,
    /// The page, relative to the site root.
    pub url: String,
    /// The id.
    pub key: String,
    /// The title.
    pub title: String,
    /// The status kind.
    pub status: String,
    /// Tags.
    pub tags: Vec<String>,
    /// The text searched, lower-cased: title, chosen option, options, context, decision.
    pub text: String,
}

/// The index entries of the records, in site order.
pub(crate) fn search_entries(decisions: &[Decision], rows: &[RecordRow]) -> Vec<SearchEntry> {
    decisions
        .par_iter()
        .zip(rows)
        .map(|(d, row)| search_entry(d, row))
        .collect()
}

/// One record's index entry.
pub(crate) fn search_entry(d: &Decision, row: &RecordRow) -> SearchEntry {
    let mut parts: Vec<&str> = vec![&row.key, &row.title];
    parts.extend(d.title.long.as_deref());
    parts.extend(d.chosen.as_ref().map(|c| c.name.as_str()));
    parts.extend(d.options.iter().map(|o| o.name.as_str()));
    parts.extend(d.tags.iter().map(String::as_str));
    parts.extend(d.context.as_ref().map(|t| t.text.as_str()));
    parts.extend(d.decision.as_ref().map(|t| t.text.as_str()));
    let text = parts
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    SearchEntry {
        slug: row.slug.clone(),
        url: row.url.clone(),
        key: row.key.clone(),
        title: row.title.clone(),
        status: row.status.kind.clone(),
        tags: row.tags.clone(),
        text,
    }
}

/// The index as JSON, and as a script that sets `window.DOCKET_SEARCH` (pages opened from
/// disk cannot fetch the JSON file, but they can load a script).
pub(crate) fn search_files(entries: &[SearchEntry]) -> crate::error::Result<(String, String)> {
    let json = serde_json::to_string(entries)?;
    // `</` inside a script would end it early; JSON allows the escaped form.
    let script = format!("window.DOCKET_SEARCH = {};\n", json.replace("</", "<\\/"));
    Ok((format!("{json}\n"), script))
}
