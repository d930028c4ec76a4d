//! The two seed records the project started from must parse perfectly: the full model of each is
//! snapshotted, and the facts the foundation issue lists are asserted one by one.

// Reason: a seed test reads as one list of facts; amounts compared are exact literals.
#![allow(clippy::too_many_lines, clippy::float_cmp, clippy::type_complexity)]

mod common;

use docket::model::{ChosenSource, Decision, LinkKind, RatingMark, StatusKind, WeightLevel};

fn seed(prefix: &str) -> Option<(Decision, Vec<docket::diagnostics::Diagnostic>)> {
    let dir = common::shared("seeds")?;
    let path = std::fs::read_dir(&dir)
        .expect("seeds folder is readable")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .unwrap_or_else(|| panic!("seed {prefix}* missing in {}", dir.display()));
    let text = std::fs::read_to_string(&path).expect("seed is UTF-8");
    // A stable path keeps the snapshot independent of where ../shared lives.
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let parsed = docket::parse_record(&text, &format!("seeds/{name}"));
    Some((parsed.decision, parsed.diagnostics))
}

#[test]
fn seed_000_dr_001_full_model() {
    let Some((d, diags)) = seed("000_") else {
        return;
    };
    assert!(diags.is_empty(), "{diags:?}");
    let id = d.id.as_ref().unwrap();
    assert_eq!(
        (id.raw.as_str(), id.series.as_deref(), id.number),
        ("DR-001", Some("DR"), 1)
    );
    assert_eq!(d.title.text, "Backend Hosting Platform");
    assert_eq!(
        d.title.long.as_deref(),
        Some("Backend Hosting Platform for FastAPI + Celery Workers")
    );
    assert_eq!(d.status.kind, StatusKind::Accepted);
    assert_eq!(d.status.raw, "✅ **Accepted**");
    let date = d.date.as_ref().unwrap();
    assert_eq!(date.date.unwrap().to_string(), "2025-12-22");
    assert_eq!(date.note.as_deref(), Some("Session 2"));
    assert_eq!(
        d.due_date.as_ref().unwrap().raw,
        "N/A (Decision already made)"
    );
    assert!(d.due_date.as_ref().unwrap().date.is_none());
    assert_eq!(
        d.effective_date.as_ref().unwrap().date.unwrap().to_string(),
        "2025-12-22"
    );
    let review = d.review_date.as_ref().unwrap();
    assert_eq!(review.raw, "Phase 12 (before production deployment)");
    assert!(review.date.is_none());
    assert_eq!(d.people.owner.as_ref().unwrap().names, ["TIP Team"]);
    assert_eq!(d.people.approved_by.as_ref().unwrap().names, ["TIP Team"]);

    let names: Vec<&str> = d.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["Render", "Railway", "AWS (EC2/ECS)"]);
    assert!(d.options[0].selected && !d.options[1].selected);
    let counts: Vec<(usize, usize)> = d
        .options
        .iter()
        .map(|o| (o.pros.len(), o.cons.len()))
        .collect();
    assert_eq!(counts, [(8, 2), (4, 4), (4, 4)]);
    let costs: Vec<Vec<(Option<&str>, f64, f64, bool)>> = d
        .options
        .iter()
        .map(|o| {
            o.costs
                .iter()
                .map(|c| {
                    let m = c.amount.as_ref().unwrap();
                    (c.phase.as_deref(), m.low, m.high, m.approximate)
                })
                .collect()
        })
        .collect();
    assert_eq!(
        costs,
        [
            vec![
                (Some("MVP"), 0.0, 0.0, false),
                (Some("Production"), 14.0, 14.0, false)
            ],
            vec![
                (Some("MVP"), 5.0, 5.0, true),
                (Some("Production"), 15.0, 30.0, false)
            ],
            vec![
                (Some("MVP"), 25.0, 50.0, false),
                (Some("Production"), 100.0, 300.0, false)
            ],
        ]
    );
    assert_eq!(d.options[0].costs[0].note.as_deref(), Some("free tier"));
    let total = d
        .costs
        .iter()
        .find(|c| c.is_total)
        .expect("Decision section total");
    assert_eq!(total.amount.as_ref().unwrap().low, 14.0);
    let parts: Vec<f64> = total
        .parts
        .iter()
        .map(|p| p.amount.as_ref().unwrap().low)
        .collect();
    assert_eq!(parts, [7.0, 7.0]);

    let chosen = d.chosen.as_ref().unwrap();
    assert_eq!(
        (chosen.name.as_str(), chosen.source),
        ("Render", ChosenSource::SelectedMarker)
    );
    assert_eq!(d.criteria.len(), 1);
    let table = &d.criteria[0];
    assert_eq!(table.options, ["Render", "Railway", "AWS"]);
    assert_eq!(table.criteria.len(), 7);
    assert!(table.criteria.iter().all(|c| c.ratings.len() == 3));
    let worker = &table.criteria[0];
    assert_eq!(worker.name, "Built-in Worker Support");
    assert_eq!(
        worker.weight.as_ref().unwrap().level,
        Some(WeightLevel::Critical)
    );
    assert_eq!(worker.ratings[2].mark, RatingMark::Partial);
    assert_eq!(worker.ratings[2].note.as_deref(), Some("Manual"));
    assert_eq!(table.winner.as_ref().unwrap().name, "Render");

    assert_eq!(
        (
            d.consequences.positive.len(),
            d.consequences.negative.len(),
            d.consequences.mitigation.len()
        ),
        (5, 3, 3)
    );
    assert_eq!(d.links.len(), 1);
    let link = &d.links[0];
    assert_eq!(link.kind, LinkKind::Related);
    assert_eq!(link.target.id.as_ref().unwrap().raw, "DR-002");
    assert!(link.target.href.is_none());
    assert_eq!(d.references.len(), 4);
    insta::assert_json_snapshot!("seed_000", d);
}

#[test]
fn seed_003_adr_016_full_model() {
    let Some((d, diags)) = seed("003_") else {
        return;
    };
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(d.id.as_ref().unwrap().raw, "ADR-016");
    assert_eq!(d.title.text, "Fly.io Backend Hosting");
    assert_eq!(
        (d.status.kind, d.status.raw.as_str()),
        (StatusKind::Accepted, "Accepted")
    );
    assert_eq!(
        d.date.as_ref().unwrap().date.unwrap().to_string(),
        "2025-01-19"
    );
    assert_eq!(
        d.people.deciders.as_ref().unwrap().names,
        ["Solution Architect"]
    );
    let context = d.meta("Context").expect("Context metadata line");
    assert_eq!(context.value, "AI-driven development (Claude Code)");

    let names: Vec<&str> = d.options.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "AWS (EC2 + ALB)",
            "Heroku",
            "Railway",
            "Render",
            "Vercel Serverless Functions"
        ]
    );
    assert!(d.options.iter().all(|o| !o.selected && o.verdict.is_some()));
    let chosen = d.chosen.as_ref().unwrap();
    assert_eq!(
        (chosen.name.as_str(), chosen.source),
        ("Fly.io", ChosenSource::DecisionEmphasis)
    );

    let split: Vec<_> = d
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::SplitFrom)
        .collect();
    assert_eq!(split.len(), 1);
    assert_eq!(
        split[0].target.href.as_deref(),
        Some("adr-007-deployment.md")
    );
    assert_eq!(split[0].target.id.as_ref().unwrap().raw, "ADR-007");
    let related: Vec<&str> = d
        .links
        .iter()
        .filter(|l| l.kind == LinkKind::Related)
        .map(|l| l.target.id.as_ref().unwrap().raw.as_str())
        .collect();
    assert_eq!(related, ["ADR-001", "ADR-015", "ADR-018"]);
    assert_eq!(
        d.links.iter().filter(|l| l.kind.is_relation()).count(),
        4,
        "the four stated relations"
    );
    assert!(
        d.links.iter().all(|l| !l.target.text.starts_with("BR-")),
        "no BR-… business rule becomes a link or a mention"
    );

    assert_eq!(
        (
            d.consequences.positive.len(),
            d.consequences.negative.len(),
            d.consequences.neutral.len()
        ),
        (8, 3, 2)
    );
    let toml: Vec<_> = d
        .code_blocks
        .iter()
        .filter(|c| c.lang.as_deref() == Some("toml"))
        .collect();
    assert_eq!(toml.len(), 2);
    assert!(toml.iter().all(|c| c.check.as_ref().is_some_and(|k| k.ok)));
    assert_eq!(d.changelog.len(), 1);
    assert_eq!(d.changelog[0].date.date.unwrap().to_string(), "2025-01-19");
    insta::assert_json_snapshot!("seed_003", d);
}
