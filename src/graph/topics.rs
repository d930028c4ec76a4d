//! A record's topics (the component it decides for), from front matter `topic:` /
//! `component:`, a `Topic:` line, `topic:NAME` or configured tags, and the `[topics]` table.

use crate::config::GraphConfig;
use crate::model::Decision;

use super::parse_id;

const KEYS: &[&str] = &["topic", "topics", "component", "components"];

/// The record's topics, lower case, sorted and without repeats.
pub(crate) fn topics_of(
    d: &Decision,
    config: &GraphConfig,
    pairs: &[(String, String)],
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(fm) = &d.front_matter {
        for key in KEYS {
            if let Some(value) = fm.get(*key) {
                out.extend(value.to_text().split(',').map(str::to_string));
            }
        }
    }
    for key in KEYS {
        if let Some(field) = d.meta(key) {
            out.extend(field.value.split(',').map(str::to_string));
        }
    }
    for tag in &d.tags {
        let lower = tag.trim().to_lowercase();
        let named = ["topic:", "component:", "topic/", "component/"]
            .iter()
            .find_map(|p| lower.strip_prefix(p));
        if let Some(name) = named {
            out.push(name.to_string());
        } else if config
            .topic_tags
            .iter()
            .any(|t| t.trim().eq_ignore_ascii_case(&lower))
        {
            out.push(lower);
        }
    }
    for (record, topic) in pairs {
        if names_record(record, d) {
            out.push(topic.clone());
        }
    }
    let mut out: Vec<String> = out
        .into_iter()
        .map(|t| t.trim().to_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    out.sort();
    out.dedup();
    out
}

/// Whether a `[topics]` key names the record: its id (`DR-001` = `dr-1`), path or file name.
fn names_record(key: &str, d: &Decision) -> bool {
    if let (Some((series, number)), Some(id)) = (parse_id(key), &d.id) {
        return id.series == series && id.number == number;
    }
    let key = key.trim().trim_start_matches("./");
    let name = d.path.rsplit('/').next().unwrap_or(&d.path);
    d.path == key || d.path.ends_with(&format!("/{key}")) || name == key
}
