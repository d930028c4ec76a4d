//! People by role: owner, deciders, decision makers, consulted, informed and approvers, split
//! from a `Key: value` line or the list under it.

use super::metadata::{MetaEntry, find};
use super::text;
use super::vocabulary::Field;
use crate::model::{People, PeopleField};

fn people_field(meta: &[MetaEntry<'_>], field: Field, src: &str) -> Option<PeopleField> {
    let e = find(meta, field)?;
    let mut names: Vec<String> = Vec::new();
    let mut raw = if e.line.is_some() {
        text::raw(src, e.span)
    } else {
        e.value.clone()
    };
    let mut value = e.value.clone();
    if value.is_empty()
        && let Some(items) = e.list
    {
        value = items
            .iter()
            .filter_map(|i| i.lines().first().map(|l| l.text.clone()))
            .collect::<Vec<_>>()
            .join(", ");
        raw.clone_from(&value);
    }
    for part in value.split([',', ';', '&']).flat_map(|p| p.split(" and ")) {
        let name = part.trim().trim_start_matches('@').trim();
        if !name.is_empty() {
            names.push(name.to_string());
        }
    }
    Some(PeopleField {
        raw,
        names,
        span: e.span,
    })
}

pub(super) fn find_people(meta: &[MetaEntry<'_>], src: &str) -> People {
    People {
        owner: people_field(meta, Field::Owner, src),
        deciders: people_field(meta, Field::Deciders, src),
        decision_makers: people_field(meta, Field::DecisionMakers, src),
        consulted: people_field(meta, Field::Consulted, src),
        informed: people_field(meta, Field::Informed, src),
        approved_by: people_field(meta, Field::ApprovedBy, src),
    }
}
