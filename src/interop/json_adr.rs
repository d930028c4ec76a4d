//! JSON-ADR v1 (the interchange format of the `adrs` tool): one bulk document with a record
//! per decision, its people, options with pros and cons, criteria as decision drivers and its
//! links by number. Output is deterministic: no generation time is written.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::error::Result;
use crate::model::{Decision, Item, LinkKind, StatusKind};
use crate::workspace::Workspace;

/// The JSON-ADR version written.
pub const VERSION: &str = "1.0.0";

/// The JSON Schema JSON-ADR v1 documents name.
pub const SCHEMA: &str =
    "https://raw.githubusercontent.com/joshrotenberg/adrs/main/schema/json-adr/v1.json";

#[derive(Serialize)]
struct Bulk<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    tool: Tool,
    repository: Repository,
    adrs: Vec<Adr<'a>>,
}

#[derive(Serialize)]
struct Tool {
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct Repository {
    adr_directory: String,
}

#[derive(Serialize)]
struct Adr<'a> {
    number: u32,
    title: &'a str,
    status: String,
    date: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    deciders: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    consulted: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    informed: Vec<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    context: Option<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    decision_drivers: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    considered_options: Vec<ConsideredOption<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    consequences: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    links: Vec<Link>,
    path: &'a str,
}

#[derive(Serialize)]
struct ConsideredOption<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    description: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pros: Vec<&'a str>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cons: Vec<&'a str>,
}

#[derive(Serialize)]
struct Link {
    #[serde(rename = "type")]
    kind: &'static str,
    target: u32,
}

/// The number each record gets: its own id's, unless an earlier record (in load order) has
/// that number already (two series, a duplicate) or it has none; those get the next numbers
/// after the highest, in load order.
#[must_use]
pub fn numbers(decisions: &[Decision]) -> Vec<u32> {
    let mut taken = BTreeSet::new();
    let mut out: Vec<Option<u32>> = decisions
        .iter()
        .map(|d| {
            d.id.as_ref()
                .map(|id| id.number)
                .filter(|n| *n > 0 && taken.insert(*n))
        })
        .collect();
    let mut next = taken.last().copied().unwrap_or(0);
    for slot in &mut out {
        if slot.is_none() {
            next += 1;
            *slot = Some(next);
        }
    }
    out.into_iter().map(Option::unwrap_or_default).collect()
}

/// The link type JSON-ADR writes for a kind; mentions are not links there.
fn link_type(kind: LinkKind) -> Option<&'static str> {
    match kind {
        LinkKind::Supersedes => Some("supersedes"),
        LinkKind::SupersededBy => Some("superseded-by"),
        LinkKind::Amends => Some("amends"),
        LinkKind::AmendedBy => Some("amended-by"),
        LinkKind::Related => Some("relates-to"),
        LinkKind::SplitFrom => Some("split-from"),
        LinkKind::DependsOn => Some("depends-on"),
        LinkKind::Other | LinkKind::Mention => None,
    }
}

/// The status as JSON-ADR tools write it (`Accepted`); an unknown status is the record's own
/// text, or `Proposed` when it states none.
fn status(d: &Decision) -> String {
    match d.status.kind {
        StatusKind::Unknown if !d.status.raw.trim().is_empty() => d.status.raw.trim().to_string(),
        StatusKind::Unknown => "Proposed".into(),
        kind => {
            let name = kind.as_str();
            name[..1].to_ascii_uppercase() + &name[1..]
        }
    }
}

fn names(field: Option<&crate::model::PeopleField>) -> Vec<String> {
    field.map(|f| f.names.clone()).unwrap_or_default()
}

fn texts(items: &[Item]) -> Vec<&str> {
    items.iter().map(|i| i.text.as_str()).collect()
}

/// The consequences as a list: good, bad, neutral, then mitigations.
fn consequences(d: &Decision) -> Option<String> {
    let c = &d.consequences;
    let lines: Vec<String> = [
        ("Good", &c.positive),
        ("Bad", &c.negative),
        ("Neutral", &c.neutral),
        ("Mitigation", &c.mitigation),
    ]
    .iter()
    .flat_map(|(label, items)| items.iter().map(move |i| format!("- {label}: {}", i.text)))
    .collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

/// The workspace's records as one JSON-ADR v1 bulk document, `adr_directory` naming where they
/// were read from.
pub fn to_json_adr(ws: &Workspace, adr_directory: &str) -> Result<String> {
    let decisions = &ws.corpus.decisions;
    let numbers = numbers(decisions);
    let adrs = decisions
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let people = &d.people;
            let mut deciders = names(people.deciders.as_ref());
            deciders.extend(names(people.decision_makers.as_ref()));
            let mut links: Vec<Link> = ws
                .graph
                .edges
                .iter()
                .filter(|e| e.from == i)
                .filter_map(|e| {
                    Some(Link {
                        kind: link_type(e.kind)?,
                        target: numbers[e.to()?],
                    })
                })
                .collect();
            links.dedup_by(|a, b| a.kind == b.kind && a.target == b.target);
            Adr {
                number: numbers[i],
                title: &d.title.text,
                status: status(d),
                date: d.date.as_ref().map_or_else(String::new, |f| {
                    f.date
                        .map_or_else(|| f.raw.clone(), |date| date.to_string())
                }),
                deciders,
                consulted: names(people.consulted.as_ref()),
                informed: names(people.informed.as_ref()),
                tags: &d.tags,
                context: d.context.as_ref().map(|t| t.text.as_str()),
                decision_drivers: d
                    .criteria
                    .iter()
                    .flat_map(|t| &t.criteria)
                    .map(|c| match &c.weight {
                        Some(w) if !w.raw.is_empty() => format!("{} ({})", c.name, w.raw),
                        _ => c.name.clone(),
                    })
                    .collect(),
                considered_options: d
                    .options
                    .iter()
                    .map(|o| ConsideredOption {
                        name: &o.name,
                        description: &o.description,
                        pros: texts(&o.pros),
                        cons: texts(&o.cons),
                    })
                    .collect(),
                decision: d.decision.as_ref().map(|t| t.text.as_str()),
                consequences: consequences(d),
                links,
                path: &d.path,
            }
        })
        .collect();
    let bulk = Bulk {
        schema: SCHEMA,
        version: VERSION,
        tool: Tool {
            name: "docket",
            version: env!("CARGO_PKG_VERSION"),
        },
        repository: Repository {
            adr_directory: adr_directory.to_string(),
        },
        adrs,
    };
    let mut out = serde_json::to_string_pretty(&bulk)?;
    out.push('\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_record;

    #[test]
    fn numbers_keep_ids_and_fill_the_rest_after_the_highest() {
        let records: Vec<Decision> = [
            ("0002-a.md", "# 2. A\n"),
            ("DR-002-b.md", "# DR-002: B\n"),
            ("notes.md", "# Notes\n"),
            ("0007-c.md", "# 7. C\n"),
        ]
        .iter()
        .map(|(path, text)| parse_record(text, path).decision)
        .collect();
        assert_eq!(numbers(&records), [2, 8, 9, 7]);
    }
}
