//! `docket score`: every scale and layout on small fixtures, the findings, the seed and corpus
//! records from `../shared`, the score laws as properties, and the command line.
#![allow(
    clippy::float_cmp,
    reason = "the fixtures' totals are sums of halves and small integers, exact in binary"
)]

use std::path::{Path, PathBuf};

use docket::config::ScoreConfig;
use docket::diagnostics::SourceMap;
use docket::diagnostics::render::{HumanOptions, render_human};
use docket::model::{
    CriteriaTable, Criterion, Rating, RatingMark, Span, TableKind, TableLayout, Weight, WeightLevel,
};
use docket::parse::parse_record;
use docket::score::{
    RecordScore, ScaleKind, Scorecard, Verdict, WeightKind, score_decision, score_table, to_human,
};

fn tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests")
}

/// Scores a text as the record at `path`, with the text in a source map for rendering.
fn score_text(text: &str, path: &str, config: &ScoreConfig) -> (RecordScore, SourceMap) {
    let decision = parse_record(text, path).decision;
    let mut sources = SourceMap::new();
    sources.insert(path, text.to_string());
    (score_decision(&decision, config), sources)
}

/// Scores `tests/fixtures/score/<name>` with the default scales.
fn fixture(name: &str) -> RecordScore {
    fixture_with(name, &ScoreConfig::default())
}

fn fixture_with(name: &str, config: &ScoreConfig) -> RecordScore {
    let rel = format!("fixtures/score/{name}");
    let text = std::fs::read_to_string(tests_dir().join(&rel)).expect("fixture exists");
    score_text(&text, &rel, config).0
}

fn card(record: &RecordScore) -> &Scorecard {
    record
        .tables
        .first()
        .expect("the fixture has a criteria table")
}

fn totals(card: &Scorecard) -> Vec<(&str, f64)> {
    card.options
        .iter()
        .map(|o| (o.name.as_str(), o.total))
        .collect()
}

fn codes(record: &RecordScore) -> Vec<&str> {
    record.diagnostics.iter().map(|d| d.code).collect()
}

/// A path under `../shared`, or `None` with a note when it is absent (a failure when `CI=true`).
#[allow(clippy::print_stderr, reason = "the skip note is the point")]
fn shared(rel: &str) -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared")
        .join(rel);
    if path.exists() {
        return Some(path);
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "{} is missing and CI=true",
        path.display()
    );
    eprintln!("note: skipping, {} is absent", path.display());
    None
}

#[test]
fn every_fixture_renders_as_its_snapshot() {
    let root = tests_dir().join("fixtures/score");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&root)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    files.sort();
    assert!(files.len() >= 15, "{files:?}");
    for path in files {
        let rel = path
            .strip_prefix(tests_dir())
            .expect("under tests/")
            .to_string_lossy()
            .replace('\\', "/");
        let text = std::fs::read_to_string(&path).expect("readable");
        let (record, sources) = score_text(&text, &rel, &ScoreConfig::default());
        let name = rel
            .trim_start_matches("fixtures/score/")
            .trim_end_matches(".md")
            .replace('/', "__");
        // The report, then its findings as `docket score` prints them (the lint renderer).
        let mut shown = to_human(std::slice::from_ref(&record), &sources);
        if !record.diagnostics.is_empty() {
            shown.push('\n');
            shown.push_str(&render_human(
                &record.diagnostics,
                &sources,
                HumanOptions::default(),
            ));
        }
        insta::assert_snapshot!(name, shown);
    }
}

mod scales {
    use super::*;

    #[test]
    fn yes_partial_no_with_moscow_weights_gate_the_must() {
        let r = fixture("scales/yes-partial-no-with-moscow-weights.md");
        let c = card(&r);
        assert_eq!(c.weights.kind, WeightKind::Levels);
        assert_eq!(
            totals(c),
            [("Auth0", 7.0), ("Keycloak", 9.0), ("Cognito", 2.0)]
        );
        assert!(c.options[2].eliminated, "Cognito is No on a Must");
        assert_eq!(c.winner.as_deref(), Some("Keycloak"));
        assert_eq!(c.verdict, Verdict::Agrees);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn numbers_out_of_ten_use_the_declared_maximum() {
        let c = &fixture("scales/numbers-out-of-ten.md").tables[0];
        assert_eq!((c.scale.kind, c.scale.max), (ScaleKind::Numbers, 10.0));
        assert_eq!(totals(c), [("Terraform", 68.0), ("Pulumi", 70.0)]);
        assert_eq!(c.best_possible, 90.0);
        assert_eq!(c.winner.as_deref(), Some("Pulumi"));
    }

    #[test]
    fn weighted_parts_in_brackets_are_checked() {
        let r = fixture("scales/numbers-with-weighted-parts.md");
        assert_eq!(totals(card(&r)), [("Go", 68.0), ("Rust", 67.0)]);
        assert_eq!(codes(&r), ["DK318"], "only Rust's `5 (20)` is wrong");
        assert!(r.diagnostics[0].message.contains("5 × weight 3 is 15"));
    }

    #[test]
    fn stars_count_filled_stars() {
        let c = &fixture("scales/stars.md").tables[0];
        assert_eq!((c.scale.kind, c.scale.max), (ScaleKind::Stars, 5.0));
        assert_eq!(
            totals(c),
            [("Hugo", 26.0), ("Jekyll", 19.0), ("Eleventy", 23.0)]
        );
    }

    #[test]
    fn quality_words_sit_between_bad_and_good() {
        let c = &fixture("scales/quality-words.md").tables[0];
        assert_eq!(totals(c), [("Vue", 6.75), ("React", 6.0), ("Svelte", 5.75)]);
        let mut config = ScoreConfig::default();
        config.words.insert("fair".into(), 1.0);
        let c = &fixture_with("scales/quality-words.md", &config).tables[0];
        assert_eq!(c.winner.as_deref(), Some("React"), "fair = excellent");
    }

    #[test]
    fn percentage_weights_are_fractions_of_one() {
        let r = fixture("scales/percentage-weights.md");
        let c = card(&r);
        assert_eq!(c.weights.kind, WeightKind::Percentages);
        assert_eq!(totals(c)[0].0, "OpenSearch");
        assert!((totals(c)[0].1 - 3.9).abs() < 1e-9);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn fractional_weights_not_summing_to_one_are_reported() {
        let r = fixture("scales/fractional-weights-not-summing-to-one.md");
        assert_eq!(card(&r).weights.kind, WeightKind::Fractions);
        assert_eq!(codes(&r), ["DK314"]);
        assert!(r.diagnostics[0].message.contains("`0.9`, not 1"));
        // The stated totals are weight × rating as written, not renormalised.
        assert!(
            card(&r)
                .options
                .iter()
                .all(|o| o.stated.as_ref().unwrap().matches == Some(true))
        );
    }

    #[test]
    fn a_legend_written_as_a_list_overrides_ratings_and_weight_levels() {
        let r = fixture("scales/legend-as-a-list.md");
        let c = card(&r);
        assert_eq!(c.weights.high, 4.0);
        assert_eq!(c.weights.medium, 2.0, "not in the legend");
        // LaunchDarkly 4 × 2 + 2 × 0 = 8; Unleash 4 × 1 + 2 × 2 = 8.
        assert_eq!(totals(c), [("LaunchDarkly", 8.0), ("Unleash", 8.0)]);
        assert_eq!(c.verdict, Verdict::AgreesTied);
        assert_eq!(codes(&r), ["DK321"]);
    }

    #[test]
    fn config_changes_the_values_and_the_gate() {
        let mut config = ScoreConfig::default();
        config.weights.critical = 10.0;
        config.ratings.partial = 0.0;
        let c = &fixture_with("findings/declared-winner-eliminated.md", &config).tables[0];
        assert_eq!(totals(c), [("MongoDB", 7.0), ("Postgres", 10.0)]);
        config.critical_gate = false;
        let c = &fixture_with("findings/declared-winner-eliminated.md", &config).tables[0];
        assert!(!c.options[0].eliminated);
        assert_eq!(c.winner.as_deref(), Some("Postgres"));
    }
}

mod layouts {
    use super::*;

    #[test]
    fn criteria_rows_with_a_total_row_and_a_percentage_row() {
        let r = fixture("layouts/criteria-rows-with-total-row.md");
        let c = card(&r);
        assert_eq!(c.layout, TableLayout::CriteriaRows);
        assert_eq!(totals(c), [("Fly.io", 4.0), ("Render", 3.5)]);
        assert_eq!(c.options[0].normalised, Some(80.0));
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn options_as_rows_use_the_record_legend() {
        let r = fixture("layouts/option-rows-with-legend.md");
        let c = card(&r);
        assert_eq!(c.layout, TableLayout::OptionRows);
        assert_eq!(c.scale.levels[0].value, 3.0);
        assert_eq!(totals(c), [("Fastly", 8.0), ("Cloudflare", 9.0)]);
        assert_eq!(c.verdict, Verdict::Agrees);
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn a_separate_weights_table_weights_the_scores_table() {
        let r = fixture("layouts/separate-weights-table.md");
        let c = card(&r);
        assert_eq!(c.layout, TableLayout::SeparateWeights);
        assert_eq!(c.criteria[0].weight_value, 0.5);
        assert_eq!(c.winner.as_deref(), Some("Cloudflare"));
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }

    #[test]
    fn a_separate_weights_table_can_weight_options_as_rows() {
        let c = &fixture("layouts/separate-weights-with-options-as-rows.md").tables[0];
        assert_eq!(c.layout, TableLayout::SeparateWeights);
        assert_eq!(
            totals(c),
            [("Kafka", 8.0), ("SQS FIFO", 8.5), ("Redis Streams", 5.0)]
        );
        assert!(c.options[2].eliminated, "❌ on the Critical ordering");
    }

    #[test]
    fn a_pugh_matrix_scores_against_its_baseline() {
        let r = fixture("layouts/pugh-matrix.md");
        let c = card(&r);
        assert_eq!(c.scale.kind, ScaleKind::Pugh);
        assert_eq!(c.scale.baseline.as_deref(), Some("Current (baseline)"));
        assert_eq!(
            totals(c),
            [
                ("Current (baseline)", 0.0),
                ("Kubernetes", 0.0),
                ("Nomad", 4.0),
                ("ECS", 3.0)
            ]
        );
        assert_eq!(c.criteria.len(), 4, "the `Sum of` rows are not criteria");
        assert!(r.diagnostics.is_empty(), "{:?}", r.diagnostics);
    }
}

mod findings {
    use super::*;

    #[test]
    fn wrong_stated_totals_are_errors_at_the_cell() {
        let r = fixture("findings/stated-totals-wrong.md");
        assert_eq!(codes(&r), ["DK311"]);
        let d = &r.diagnostics[0];
        assert!(
            d.message.contains("`5` for `Elasticsearch`"),
            "{}",
            d.message
        );
        assert!(d.message.contains("computed 4"), "{}", d.message);
    }

    #[test]
    fn a_declared_winner_that_loses_is_an_error() {
        let r = fixture("findings/declared-winner-loses.md");
        let c = card(&r);
        assert_eq!(c.verdict, Verdict::Disagrees);
        assert_eq!(c.winner.as_deref(), Some("Render"));
        assert_eq!(codes(&r), ["DK310"]);
    }

    #[test]
    fn a_declared_winner_the_gate_eliminates_is_an_error() {
        let r = fixture("findings/declared-winner-eliminated.md");
        let c = card(&r);
        assert_eq!(c.verdict, Verdict::DeclaredEliminated);
        assert_eq!(totals(c), [("MongoDB", 7.0), ("Postgres", 5.0)]);
        assert_eq!(codes(&r), ["DK310"]);
    }

    #[test]
    fn the_winner_flips_when_operational_burden_weighs_more_than_5() {
        let c = &fixture("findings/winner-flips-at-known-weight.md").tables[0];
        let s = c.sensitivity.as_ref().expect("one option wins");
        let burden = &s.weights[1];
        assert_eq!(burden.criterion, "Operational burden");
        let flip = burden.raise.as_ref().expect("raising it flips the winner");
        assert_eq!(flip.at, 5.0);
        assert_eq!(flip.new_winner, "DynamoDB");
        assert!(s.weights[0].lower.is_none() && s.weights[2].lower.is_none());
        // Just past the threshold, the what-if run agrees.
        let config = ScoreConfig {
            weight_overrides: vec![(
                "operational burden".into(),
                docket::parse::read_weight("5.01"),
            )],
            ..ScoreConfig::default()
        };
        let r = fixture_with("findings/winner-flips-at-known-weight.md", &config);
        assert_eq!(card(&r).winner.as_deref(), Some("DynamoDB"));
        assert_eq!(codes(&r), ["DK310"]);
    }

    #[test]
    fn unknown_cells_are_reported_where_they_are() {
        let r = fixture("findings/unknown-cells.md");
        assert_eq!(codes(&r), ["DK312", "DK316", "DK312"]);
        let text =
            std::fs::read_to_string(tests_dir().join("fixtures/score/findings/unknown-cells.md"))
                .unwrap();
        assert_eq!(r.diagnostics[0].span.slice(&text), "maybe");
        assert_eq!(r.diagnostics[2].span.slice(&text), "7");
        assert_eq!(card(&r).options[1].unscored, 2);
        assert_eq!(totals(card(&r)), [("Sentry", 5.0), ("Rollbar", 1.0)]);
    }

    #[test]
    fn an_unknown_weight_leaves_its_criterion_out() {
        let r = fixture("findings/unknown-weight.md");
        assert_eq!(codes(&r), ["DK313"]);
        assert_eq!(card(&r).criteria[1].weight_value, 0.0);
    }

    /// Issue 10: a rated table under any heading is scored, with a legend written as bullets,
    /// and a `❓` cell is unknown: unscored, and no unreadable rating to report.
    #[test]
    fn issue_10_marks_anywhere_with_unknown_and_bullet_legend() {
        let r = fixture("comparisons/marks-anywhere-with-unknown-and-bullet-legend.md");
        assert_eq!(
            totals(card(&r)),
            [("Pingwell", 6.0), ("Upcast", 4.0), ("Beaconly", 2.0)]
        );
        assert_eq!(card(&r).verdict, Verdict::Agrees);
        assert_eq!(card(&r).options[2].unscored, 1);
        assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
    }

    /// Issue 10: rows rated `1`–`3` among ✅ / ❌ rows sit on the same scale, and a row of prose
    /// (`Price`) counts for nothing without a finding per cell.
    #[test]
    fn issue_10_number_rows_and_prose_rows_among_marks() {
        let r = fixture("comparisons/number-rows-and-prose-rows-among-marks.md");
        assert_eq!(
            totals(card(&r)),
            [("Natter", 5.5), ("Chirp", 4.0), ("Relay", 1.5)]
        );
        assert_eq!(card(&r).best_possible, 6.0);
        assert_eq!(card(&r).criteria[6].weight_value, 0.0);
        assert!(r.diagnostics.is_empty(), "{:?}", codes(&r));
    }

    /// Issue 10: a comparison of free text is kept in the model but never scored.
    #[test]
    fn issue_10_free_text_comparison_is_not_scored() {
        let r = fixture("comparisons/free-text-comparison-is-not-scored.md");
        assert!(r.tables.is_empty());
        assert!(r.diagnostics.is_empty());
    }

    #[test]
    fn a_declared_winner_that_is_not_an_option_is_reported() {
        let r = fixture("findings/declared-winner-not-an-option.md");
        assert_eq!(card(&r).verdict, Verdict::DeclaredUnknown);
        assert_eq!(codes(&r), ["DK320"]);
    }

    #[test]
    fn cost_lines_are_checked_and_normalised_per_month() {
        let r = fixture("costs/cost-lines-checked.md");
        assert!(r.tables.is_empty());
        assert_eq!(codes(&r), ["DK401", "DK402", "DK403"]);
        assert_eq!(r.costs.phases, ["MVP", "Production", "Other"]);
        let self_hosted = &r.costs.options[1];
        let production = self_hosted.phases[1].as_ref().unwrap();
        assert_eq!(production.monthly.as_ref().unwrap().low, 50.0, "$600/year");
        let setup = self_hosted.phases[2].as_ref().unwrap();
        assert!(setup.monthly.is_none());
        assert_eq!(setup.one_off.as_ref().unwrap().to_text(), "$200");
    }
}

mod shared_data {
    use super::*;

    #[test]
    fn seed_000_render_wins_and_agrees() {
        let Some(path) = shared("seeds/000_ccb0f5bf810d0e21.txt") else {
            return;
        };
        let text = std::fs::read_to_string(path).unwrap();
        let (r, sources) = score_text(
            &text,
            "seeds/000_ccb0f5bf810d0e21.txt",
            &ScoreConfig::default(),
        );
        let c = card(&r);
        assert_eq!(c.winner.as_deref(), Some("Render"));
        assert_eq!(c.verdict, Verdict::Agrees);
        let railway = &c.options[1];
        assert!(railway.eliminated);
        assert_eq!(
            railway.gate_failures[0].criterion,
            "Built-in Worker Support"
        );
        let aws = &c.options[2];
        assert!(!aws.eliminated);
        assert_eq!(aws.gate_partials[0].raw, "⚠️ Manual");
        let s = c.sensitivity.as_ref().unwrap();
        assert!(!s.any_weight_flips(), "Render is ✅ on every row");
        let costs: Vec<Vec<String>> = r
            .costs
            .options
            .iter()
            .map(|o| {
                o.phases
                    .iter()
                    .map(|p| p.as_ref().unwrap().monthly.as_ref().unwrap().to_text())
                    .collect()
            })
            .collect();
        assert_eq!(r.costs.phases, ["MVP", "Production"]);
        assert_eq!(
            costs,
            [["$0", "$14"], ["~$5", "$15-30"], ["$25-50", "$100-300"]]
        );
        assert!(
            !codes(&r)
                .iter()
                .any(|c| c.starts_with("DK30") || c.starts_with("DK40")),
            "{:?}",
            r.diagnostics
        );
        insta::assert_snapshot!("seed_000_human", to_human(&[r], &sources));
    }

    #[test]
    fn corpus_uv_record_agrees_with_every_stated_total() {
        let Some(root) = shared("corpus") else {
            return;
        };
        let corpus =
            docket::Corpus::load(&[root], &docket::corpus::LoadOptions::default()).unwrap();
        let decision = corpus
            .decisions
            .iter()
            .find(|d| d.path.ends_with("gemmadanks__radio-astronomy-playground/docs/design/architecture/adr/002-manage-dependencies-with-uv.md"))
            .expect("the uv record is in the corpus");
        let r = score_decision(decision, &ScoreConfig::default());
        let c = card(&r);
        assert_eq!(c.layout, TableLayout::OptionRows);
        assert_eq!(c.scale.levels[0].value, 3.0, "the legend's ✅ = 3");
        let stated: Vec<(&str, Option<f64>, Option<bool>)> = c
            .options
            .iter()
            .map(|o| {
                let s = o.stated.as_ref().unwrap();
                (o.name.as_str(), s.value, s.matches)
            })
            .collect();
        assert_eq!(
            stated.len(),
            8,
            "spack, after the stray ` |` line, is read too"
        );
        assert_eq!(
            &stated[..3],
            [
                ("uv", Some(26.0), Some(true)),
                ("Poetry", Some(25.0), Some(true)),
                ("PDM", Some(24.0), Some(true))
            ]
        );
        assert!(stated.iter().all(|s| s.2 == Some(true)), "{stated:?}");
        assert_eq!(c.winner.as_deref(), Some("uv"));
    }

    #[test]
    fn our_records_agree_with_their_tables() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("records");
        let corpus =
            docket::Corpus::load(&[root], &docket::corpus::LoadOptions::default()).unwrap();
        let scored: Vec<RecordScore> = corpus
            .decisions
            .iter()
            .map(|d| score_decision(d, &ScoreConfig::default()))
            .filter(|r| !r.tables.is_empty())
            .collect();
        let names: Vec<&str> = scored.iter().map(|r| r.label.as_str()).collect();
        assert_eq!(names, ["0009", "DR-001", "DR-002", "DR-003"]);
        for r in &scored {
            assert_eq!(card(r).verdict, Verdict::Agrees, "{}", r.path);
            assert!(
                card(r)
                    .options
                    .iter()
                    .all(|o| o.stated.as_ref().is_some_and(|s| s.matches == Some(true))),
                "{}",
                r.path
            );
            assert!(r.diagnostics.is_empty(), "{}: {:?}", r.path, r.diagnostics);
        }
    }
}

mod laws {
    use super::*;
    use proptest::prelude::*;

    fn table(weights: &[Weight], marks: &[Vec<RatingMark>]) -> CriteriaTable {
        let options: Vec<String> = (0..marks[0].len()).map(|o| format!("Option {o}")).collect();
        CriteriaTable {
            kind: TableKind::Scored,
            layout: TableLayout::CriteriaRows,
            heading: None,
            criteria: weights
                .iter()
                .zip(marks)
                .enumerate()
                .map(|(c, (w, row))| Criterion {
                    name: format!("Criterion {c}"),
                    span: Span::default(),
                    weight: Some(w.clone()),
                    ratings: row
                        .iter()
                        .zip(&options)
                        .map(|(m, o)| Rating {
                            option: o.clone(),
                            raw: String::new(),
                            mark: m.clone(),
                            note: None,
                            span: Span::default(),
                        })
                        .collect(),
                    winner: None,
                })
                .collect(),
            options,
            stated_totals: Vec::new(),
            legend: Vec::new(),
            winner: None,
            span: Span::default(),
        }
    }

    fn number(n: f64) -> Weight {
        Weight {
            raw: n.to_string(),
            level: None,
            number: Some(n),
            percent: false,
            span: Span::default(),
        }
    }

    fn mark() -> impl Strategy<Value = RatingMark> {
        prop_oneof![
            Just(RatingMark::Good),
            Just(RatingMark::Partial),
            Just(RatingMark::Bad)
        ]
    }

    fn weight() -> impl Strategy<Value = Weight> + Clone {
        prop_oneof![
            3 => (1u32..=10).prop_map(|n| number(f64::from(n))),
            1 => Just(Weight { raw: "Critical".into(), level: Some(WeightLevel::Critical), number: None, percent: false, span: Span::default() }),
        ]
    }

    /// Criteria weights and a `[criterion][option]` grid of marks.
    fn grid(
        weight: impl Strategy<Value = Weight> + Clone,
    ) -> impl Strategy<Value = (Vec<Weight>, Vec<Vec<RatingMark>>)> {
        (1usize..6, 2usize..5).prop_flat_map(move |(criteria, options)| {
            (
                proptest::collection::vec(weight.clone(), criteria),
                proptest::collection::vec(proptest::collection::vec(mark(), options), criteria),
            )
        })
    }

    const HEADS: &[&str] = &[
        "Criterion",
        "Weight",
        "Option",
        "A",
        "B",
        "C (baseline)",
        "Total",
        "Notes",
        "",
    ];
    const CELLS: &[&str] = &[
        "✅",
        "⚠️ Manual",
        "❌",
        "Yes",
        "No",
        "Partial",
        "7/10",
        "7 (28)",
        "0",
        "★★☆",
        "⭐",
        "+",
        "++",
        "S",
        "-",
        "−2",
        "",
        "banana",
        "30%",
        "0.3",
        "Critical",
        "High",
        "Weight",
        "Total",
        "$5/month",
        "Excellent",
        "9",
        "100",
        "-3",
    ];

    fn raise(m: &RatingMark) -> Option<RatingMark> {
        match m {
            RatingMark::Bad => Some(RatingMark::Partial),
            RatingMark::Partial => Some(RatingMark::Good),
            _ => None,
        }
    }

    proptest! {
        #[test]
        fn scaling_every_weight_keeps_the_ranking(
            (weights, marks) in grid((1u32..=10).prop_map(|n| number(f64::from(n)))),
            k in 0.001f64..1000.0,
        ) {
            let config = ScoreConfig::default();
            let before = score_table(&table(&weights, &marks), &config);
            let scaled: Vec<Weight> = weights.iter().map(|w| number(w.number.unwrap() * k)).collect();
            let after = score_table(&table(&scaled, &marks), &config);
            let ranks = |c: &Scorecard| c.options.iter().map(|o| o.rank).collect::<Vec<_>>();
            prop_assert_eq!(ranks(&before), ranks(&after));
            prop_assert_eq!(before.winner, after.winner);
        }

        #[test]
        fn raising_the_winner_on_any_criterion_keeps_it_winning(
            (weights, marks) in grid(weight()),
            pick in any::<proptest::sample::Index>(),
        ) {
            let config = ScoreConfig::default();
            let before = score_table(&table(&weights, &marks), &config);
            let Some(winner) = before.winner.clone() else { return Ok(()); };
            let w = before.options.iter().position(|o| o.name == winner).unwrap();
            let c = pick.index(marks.len());
            let Some(higher) = raise(&marks[c][w]) else { return Ok(()); };
            let mut raised = marks.clone();
            raised[c][w] = higher;
            let after = score_table(&table(&weights, &raised), &config);
            prop_assert_eq!(after.winner.as_deref(), Some(winner.as_str()));
            prop_assert!(after.options[w].total >= before.options[w].total);
        }

        #[test]
        fn any_table_scores_and_renders_without_panicking(
            head in proptest::collection::vec(proptest::sample::select(HEADS), 2..6),
            rows in proptest::collection::vec(proptest::collection::vec(proptest::sample::select(CELLS), 1..7), 1..7),
            legend in proptest::sample::select(&["", "✅ = 3, ⚠️ = 2, ❌ = 1", "Weights: Critical = 9, Low = 0", "+ = 2, - = -2"][..]),
            winner in proptest::sample::select(&["", "**Winner:** A", "**Winner:** Total", "Chosen option: \"B\""][..]),
        ) {
            let row = |cells: &[&str]| format!("| {} |", cells.join(" | "));
            let body: Vec<String> = rows.iter().map(|r| row(r)).collect();
            let text = format!(
                "# X\n\n## Decision Matrix\n\n{}\n|{}\n{}\n\n{legend}\n\n{winner}\n",
                row(&head),
                "---|".repeat(head.len()),
                body.join("\n")
            );
            let (record, sources) = score_text(&text, "x.md", &ScoreConfig::default());
            let _ = to_human(std::slice::from_ref(&record), &sources);
            let _ = docket::score::to_markdown(std::slice::from_ref(&record));
            let _ = docket::score::to_json(&[record], &sources).unwrap();
        }

        #[test]
        fn a_reported_rating_flip_really_flips(
            (weights, marks) in grid(weight()),
        ) {
            let config = ScoreConfig::default();
            let before = score_table(&table(&weights, &marks), &config);
            let Some(flip) = before.sensitivity.as_ref().and_then(|s| s.ratings.clone()) else { return Ok(()); };
            let mut changed = marks.clone();
            for ch in &flip.changes {
                let o = before.options.iter().position(|x| x.name == ch.option).unwrap();
                let c = before.criteria.iter().position(|x| x.name == ch.criterion).unwrap();
                changed[c][o] = match ch.to.as_str() { "✅" => RatingMark::Good, "⚠️" => RatingMark::Partial, _ => RatingMark::Bad };
            }
            let after = score_table(&table(&weights, &changed), &config);
            prop_assert_ne!(after.winner, before.winner);
        }
    }
}

mod cli {
    use super::*;
    use assert_cmd::Command;

    fn docket() -> Command {
        let mut cmd = Command::cargo_bin("docket").unwrap();
        cmd.current_dir(tests_dir());
        cmd
    }

    fn stdout(cmd: &mut Command) -> String {
        String::from_utf8(cmd.output().unwrap().stdout).unwrap()
    }

    #[test]
    fn check_exits_1_only_on_error_findings() {
        docket()
            .args([
                "score",
                "--check",
                "fixtures/score/findings/declared-winner-loses.md",
            ])
            .assert()
            .code(1);
        docket()
            .args([
                "score",
                "--check",
                "fixtures/score/findings/unknown-cells.md",
            ])
            .assert()
            .code(0);
        docket()
            .args(["score", "fixtures/score/findings/declared-winner-loses.md"])
            .assert()
            .code(0);
    }

    #[test]
    fn a_what_if_weight_changes_the_winner() {
        let path = "fixtures/score/findings/winner-flips-at-known-weight.md";
        let out = stdout(docket().args(["score", path, "--weight", "Operational burden=6"]));
        assert!(
            out.contains("Winner: DynamoDB, but the record declares Postgres"),
            "{out}"
        );
        assert!(out.contains("6 (what-if)"), "{out}");
        docket()
            .args(["score", "--check", path, "--weight", "Operational burden=6"])
            .assert()
            .code(1);
        docket()
            .args([
                "score",
                "--check",
                path,
                "--weight",
                "Operational burden=High",
            ])
            .assert()
            .code(0);
    }

    #[test]
    fn bad_what_if_weights_are_failures() {
        let path = "fixtures/score/findings/winner-flips-at-known-weight.md";
        docket()
            .args(["score", path, "--weight", "Nope=High"])
            .assert()
            .code(2);
        docket()
            .args(["score", path, "--weight", "Operational burden=banana"])
            .assert()
            .code(2);
        docket()
            .args(["score", path, "--weight", "no equals sign"])
            .assert()
            .code(2);
        docket()
            .args(["score", "fixtures/score/missing.md"])
            .assert()
            .code(2);
    }

    #[test]
    fn json_output_is_versioned_and_complete() {
        let out = stdout(docket().args([
            "score",
            "--format",
            "json",
            "fixtures/score/findings/stated-totals-wrong.md",
        ]));
        let json: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(json["version"], 1);
        let record = &json["records"][0];
        let table = &record["tables"][0];
        assert_eq!(table["winner"], "Elasticsearch");
        assert_eq!(table["verdict"], "agrees");
        assert_eq!(table["options"][1]["total"], 4.0);
        assert_eq!(table["options"][1]["stated"]["matches"], false);
        let d = &record["diagnostics"][0];
        assert_eq!(
            (d["code"].as_str(), d["start"]["line"].as_u64()),
            (Some("DK311"), Some(9))
        );
    }

    #[test]
    fn markdown_output_reads_back_with_agreeing_totals() {
        for name in [
            "findings/winner-flips-at-known-weight.md",
            "layouts/option-rows-with-legend.md",
            "layouts/pugh-matrix.md",
        ] {
            let out = stdout(docket().args([
                "score",
                "--format",
                "markdown",
                &format!("fixtures/score/{name}"),
            ]));
            assert!(out.contains("**Winner:**"), "{out}");
            // Pasted back into a record, the table parses, and every total it states agrees.
            let (again, _) = score_text(&out, "pasted.md", &ScoreConfig::default());
            let c = card(&again);
            let stated: Vec<_> = c.options.iter().filter_map(|o| o.stated.as_ref()).collect();
            assert_eq!(stated.len(), c.options.len(), "{name}:\n{out}");
            assert!(
                stated.iter().all(|s| s.matches == Some(true)),
                "{name}:\n{out}"
            );
            assert!(
                !again.diagnostics.iter().any(|d| d.code == "DK311"),
                "{name}: {:?}",
                again.diagnostics
            );
        }
    }

    #[test]
    fn a_folder_uses_its_docket_toml() {
        let out = stdout(docket().args(["score", "--check", "fixtures/corpora/score/gate-off"]));
        assert!(out.contains("Winner: MongoDB, agreeing"), "{out}");
        assert!(out.contains("Winner: Statuspage, agreeing"), "{out}");
        docket()
            .args(["score", "--check", "fixtures/corpora/score/gate-off"])
            .assert()
            .code(0);
        // A record named alone finds its folder's docket.toml too (issue 9: one config lookup).
        docket()
            .args([
                "score",
                "--check",
                "fixtures/corpora/score/gate-off/DR-001-booking-database.md",
            ])
            .assert()
            .code(0);
        // The same record away from that config, with the default scales: MongoDB is gated out.
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            "tests/fixtures/corpora/score/gate-off/DR-001-booking-database.md",
            dir.path().join("DR-001-booking-database.md"),
        )
        .unwrap();
        docket()
            .args(["score", "--check"])
            .arg(dir.path())
            .assert()
            .code(1);
    }

    #[test]
    fn output_goes_to_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("score.md");
        docket()
            .args([
                "score",
                "--format",
                "markdown",
                "fixtures/score/scales/stars.md",
                "--output",
            ])
            .arg(&file)
            .assert()
            .code(0)
            .stdout("");
        assert!(
            std::fs::read_to_string(file)
                .unwrap()
                .contains("| Build speed | High (3) |")
        );
    }

    #[test]
    fn a_folder_without_tables_says_so() {
        let out = stdout(docket().args(["score", "fixtures/parse/nygard"]));
        assert!(
            out.starts_with("No criteria tables or cost estimates in "),
            "{out}"
        );
    }
}
