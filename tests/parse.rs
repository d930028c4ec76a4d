//! Parser fixtures, one idea each: every shape in the wild and every malformed case. Each file's
//! full model is snapshotted, and the facts that name the fixture are asserted in a table.

use std::path::Path;

use docket::corpus::decode_source;
use docket::model::{Decision, LinkKind, RatingMark, StatusKind, TableKind, TableLayout};

fn parse_fixture(rel: &str) -> (Decision, Vec<&'static str>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parse")
        .join(rel);
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (text, mut diags) = decode_source(&bytes, rel);
    let parsed = docket::parse_record(&text, rel);
    diags.extend(parsed.diagnostics);
    docket::diagnostics::sort_diagnostics(&mut diags);
    (parsed.decision, diags.iter().map(|d| d.code).collect())
}

/// One row per fixture: what the file is about, as the reader of the fixture expects it.
struct Row {
    file: &'static str,
    format: &'static str,
    id: Option<&'static str>,
    title: &'static str,
    status: StatusKind,
    date: Option<&'static str>,
    chosen: Option<&'static str>,
    codes: &'static [&'static str],
}

const ROWS: &[Row] = &[
    Row {
        file: "dr/full-dr-record.md",
        format: "dr",
        id: Some("DR-004"),
        title: "Search Hosting",
        status: StatusKind::Accepted,
        date: Some("2026-03-02"),
        chosen: Some("Meilisearch Cloud"),
        codes: &[],
    },
    Row {
        file: "dr/selected-platform-line.md",
        format: "dr",
        id: Some("DR-012"),
        title: "Email Delivery",
        status: StatusKind::Accepted,
        date: Some("2026-04-14"),
        chosen: Some("Postmark"),
        codes: &[],
    },
    Row {
        file: "dr/cost-ranges-and-periods.md",
        format: "dr",
        id: Some("DR-021"),
        title: "Cache Hosting",
        status: StatusKind::Proposed,
        date: Some("2026-05-06"),
        chosen: Some("Upstash"),
        codes: &[],
    },
    Row {
        file: "adr-bold/alternatives-only-rejected.md",
        format: "adr-bold",
        id: Some("ADR-012"),
        title: "Queue for Image Processing",
        status: StatusKind::Accepted,
        date: Some("2026-02-03"),
        chosen: Some("Amazon SQS"),
        codes: &[],
    },
    Row {
        file: "adr-bold/split-from-and-related.md",
        format: "adr-bold",
        id: Some("ADR-018"),
        title: "Staging Database Refresh",
        status: StatusKind::Accepted,
        date: Some("2026-06-11"),
        chosen: Some("anonymised production snapshot"),
        codes: &[],
    },
    Row {
        file: "adr-bold/status-with-emoji.md",
        format: "adr-bold",
        id: Some("ADR-031"),
        title: "Feature Flags",
        status: StatusKind::Accepted,
        date: Some("2026-07-22"),
        chosen: Some("Unleash"),
        codes: &[],
    },
    Row {
        file: "nygard/accepted.md",
        format: "nygard",
        id: Some("1"),
        title: "Record architecture decisions",
        status: StatusKind::Accepted,
        date: Some("2026-01-05"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "nygard/superceded-spelling.md",
        format: "nygard",
        id: Some("2"),
        title: "Use a monorepo",
        status: StatusKind::Superseded,
        date: Some("2026-01-12"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "nygard/supersedes-and-amends.md",
        format: "nygard",
        id: Some("3"),
        title: "Use Foo",
        status: StatusKind::Accepted,
        date: Some("2026-02-09"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "nygard/status-other-language.md",
        format: "nygard",
        id: Some("4"),
        title: "Protokolle als JSON schreiben",
        status: StatusKind::Accepted,
        date: Some("2026-03-16"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "madr2/status-bullets.md",
        format: "madr2",
        id: None,
        title: "Use Playwright for end-to-end tests",
        status: StatusKind::Accepted,
        date: Some("2026-02-01"),
        chosen: Some("Playwright"),
        codes: &[],
    },
    Row {
        file: "madr4/front-matter.md",
        format: "madr",
        id: None,
        title: "Sign container images with Sigstore",
        status: StatusKind::Accepted,
        date: Some("2026-04-20"),
        chosen: Some("Sigstore cosign"),
        codes: &[],
    },
    Row {
        file: "madr4/broken-front-matter.md",
        format: "madr2",
        id: None,
        title: "Rotate database credentials monthly",
        status: StatusKind::Unknown,
        date: None,
        chosen: Some("Monthly rotation through the secrets manager"),
        codes: &["DK002"],
    },
    Row {
        file: "log4brains/2026-01-20-use-log4brains.md",
        format: "log4brains",
        id: None,
        title: "Use Log4brains to manage the ADRs",
        status: StatusKind::Accepted,
        date: Some("2026-01-20"),
        chosen: Some("Log4brains"),
        codes: &[],
    },
    Row {
        file: "freeform/no-status-prose.md",
        format: "freeform",
        id: None,
        title: "Why we moved the blog to a static site",
        status: StatusKind::Unknown,
        date: None,
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/status-in-table.md",
        format: "freeform",
        id: None,
        title: "Adopt OpenTelemetry for tracing",
        status: StatusKind::Accepted,
        date: Some("2026-08-03"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/status-badge.md",
        format: "freeform",
        id: None,
        title: "Serve images in AVIF",
        status: StatusKind::Accepted,
        date: Some("2026-09-14"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/status-heading-bold.md",
        format: "freeform",
        id: None,
        title: "Split the monolith's billing module",
        status: StatusKind::Proposed,
        date: None,
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/empty.md",
        format: "freeform",
        id: None,
        title: "Empty",
        status: StatusKind::Unknown,
        date: None,
        chosen: None,
        codes: &["DK003", "DK004"],
    },
    Row {
        file: "malformed/no-title.md",
        format: "freeform",
        id: None,
        title: "Context",
        status: StatusKind::Accepted,
        date: Some("2026-02-18"),
        chosen: None,
        codes: &["DK007"],
    },
    Row {
        file: "malformed/two-h1s.md",
        format: "nygard",
        id: Some("7"),
        title: "Use Redis for sessions",
        status: StatusKind::Accepted,
        date: Some("2026-03-09"),
        chosen: None,
        codes: &["DK005"],
    },
    Row {
        file: "malformed/setext-heading.md",
        format: "nygard",
        id: Some("9"),
        title: "Use setext headings for the title",
        status: StatusKind::Accepted,
        date: Some("2026-04-01"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/html-comments.md",
        format: "nygard",
        id: Some("10"),
        title: "Cache tide tables at the edge",
        status: StatusKind::Unknown,
        date: Some("2026-04-22"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/whole-file-in-code-fence.md",
        format: "freeform",
        id: None,
        title: "Whole file in code fence",
        status: StatusKind::Unknown,
        date: None,
        chosen: None,
        codes: &["DK004", "DK006"],
    },
    Row {
        file: "malformed/broken-code-blocks.md",
        format: "nygard",
        id: Some("12"),
        title: "Keep service configuration in the repository",
        status: StatusKind::Accepted,
        date: Some("2026-06-02"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/crlf-line-endings.md",
        format: "nygard",
        id: Some("13"),
        title: "Store files with CRLF line endings",
        status: StatusKind::Accepted,
        date: Some("2026-06-30"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/bom.md",
        format: "nygard",
        id: Some("14"),
        title: "Accept files that start with a byte order mark",
        status: StatusKind::Accepted,
        date: Some("2026-07-07"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "malformed/non-utf8.md",
        format: "nygard",
        id: Some("15"),
        title: "Decode files that are not UTF-8",
        status: StatusKind::Accepted,
        date: Some("2026-07-15"),
        chosen: None,
        codes: &["DK001"],
    },
    Row {
        file: "tables/factor-by-option-free-text.md",
        format: "nygard",
        id: Some("7"),
        title: "Host the booking API on Skyport",
        status: StatusKind::Accepted,
        date: Some("2026-02-11"),
        chosen: Some("Skyport"),
        codes: &[],
    },
    Row {
        file: "tables/marks-with-unknown-and-bullet-legend.md",
        format: "nygard",
        id: Some("21"),
        title: "Pick a search engine",
        status: StatusKind::Proposed,
        date: Some("2026-04-01"),
        chosen: Some("Findly"),
        codes: &[],
    },
    Row {
        file: "tables/not-a-provider-list.md",
        format: "nygard",
        id: Some("30"),
        title: "Keep free-tier hosting for previews",
        status: StatusKind::Accepted,
        date: Some("2026-05-09"),
        chosen: Some("Run previews on a free tier"),
        codes: &[],
    },
    Row {
        file: "tables/not-before-after-metrics.md",
        format: "nygard",
        id: Some("31"),
        title: "Cache product pages at the edge",
        status: StatusKind::Accepted,
        date: Some("2026-05-20"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "tables/not-feature-availability.md",
        format: "nygard",
        id: Some("32"),
        title: "Use Findly for search",
        status: StatusKind::Accepted,
        date: Some("2026-06-02"),
        chosen: Some("Findly"),
        codes: &[],
    },
    Row {
        file: "tables/not-metadata-changelog-or-links.md",
        format: "nygard",
        id: Some("33"),
        title: "Rotate API keys every 90 days",
        status: StatusKind::Accepted,
        date: None,
        chosen: None,
        codes: &[],
    },
    Row {
        file: "tables/winner-column.md",
        format: "nygard",
        id: Some("12"),
        title: "Service stack for the audit tool",
        status: StatusKind::Accepted,
        date: Some("2026-03-04"),
        chosen: Some("Quill"),
        codes: &[],
    },
];

#[test]
fn every_fixture_has_a_row() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse");
    let mut files: Vec<String> = walkdir::WalkDir::new(&root)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    files.sort();
    let mut rows: Vec<&str> = ROWS.iter().map(|r| r.file).collect();
    rows.sort_unstable();
    assert_eq!(files, rows);
}

#[test]
fn fixture_facts() {
    for row in ROWS {
        let (d, codes) = parse_fixture(row.file);
        let f = row.file;
        assert_eq!(d.format.as_str(), row.format, "{f}: format");
        assert_eq!(d.id.as_ref().map(|i| i.raw.as_str()), row.id, "{f}: id");
        assert_eq!(d.title.text, row.title, "{f}: title");
        assert_eq!(d.status.kind, row.status, "{f}: status");
        assert_eq!(
            d.date
                .as_ref()
                .and_then(|x| x.date)
                .map(|x| x.to_string())
                .as_deref(),
            row.date,
            "{f}: date"
        );
        assert_eq!(
            d.chosen.as_ref().map(|c| c.name.as_str()),
            row.chosen,
            "{f}: chosen"
        );
        assert_eq!(codes, row.codes, "{f}: diagnostics");
    }
}

#[test]
fn status_raw_text_is_kept() {
    let (d, _) = parse_fixture("adr-bold/status-with-emoji.md");
    assert_eq!(d.status.raw, "✅ **Accepted**");
    let (d, _) = parse_fixture("nygard/superceded-spelling.md");
    assert_eq!(d.status.raw, "Superceded by [3. Use Foo](0003-use-foo.md)");
    let (d, _) = parse_fixture("nygard/status-other-language.md");
    assert_eq!(d.status.raw, "Akzeptiert");
}

#[test]
fn link_forms() {
    let links = |f: &str| -> Vec<(LinkKind, String)> {
        parse_fixture(f)
            .0
            .links
            .iter()
            .map(|l| {
                (
                    l.kind,
                    l.target
                        .href
                        .clone()
                        .unwrap_or_else(|| l.target.id.as_ref().unwrap().raw.clone()),
                )
            })
            .collect()
    };
    assert_eq!(
        links("nygard/superceded-spelling.md"),
        [(LinkKind::SupersededBy, "0003-use-foo.md".into())]
    );
    assert_eq!(
        links("nygard/supersedes-and-amends.md"),
        [
            (LinkKind::Supersedes, "0001-old.md".into()),
            (LinkKind::AmendedBy, "0004-tweak.md".into())
        ]
    );
    let madr = parse_fixture("madr2/status-bullets.md").0;
    assert_eq!(madr.links.len(), 1);
    assert_eq!(
        (madr.links[0].kind, madr.links[0].verb.as_str()),
        (LinkKind::Other, "refines")
    );
    let split = links("adr-bold/split-from-and-related.md");
    assert_eq!(
        split[0],
        (LinkKind::SplitFrom, "adr-009-environments.md".into())
    );
    assert!(split[1..].iter().all(|(k, _)| *k == LinkKind::Related));
}

#[test]
fn malformed_inputs_keep_their_spans_aligned() {
    // CRLF: the status value's span covers exactly the word.
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parse/malformed/crlf-line-endings.md");
    let text = std::fs::read_to_string(path).unwrap();
    let d = docket::parse_record(&text, "crlf.md").decision;
    assert_eq!(d.status.span.unwrap().slice(&text), "Accepted");
    // BOM: spans index the text after the BOM, so the title slice is the heading text.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse/malformed/bom.md");
    let text = std::fs::read_to_string(path).unwrap();
    let stripped = text
        .strip_prefix('\u{feff}')
        .expect("fixture starts with a BOM");
    let d = docket::parse_record(&text, "bom.md").decision;
    assert!(d.title.span.slice(stripped).contains("byte order mark"));
}

#[test]
fn code_block_checks() {
    let (d, _) = parse_fixture("malformed/broken-code-blocks.md");
    let checks: Vec<(&str, bool)> = d
        .code_blocks
        .iter()
        .filter_map(|c| Some((c.lang.as_deref()?, c.check.as_ref()?.ok)))
        .collect();
    assert_eq!(
        checks,
        [
            ("toml", false),
            ("toml", true),
            ("yaml", false),
            ("yaml", true),
            ("json", false),
            ("json", true)
        ]
    );
    for block in d
        .code_blocks
        .iter()
        .filter(|c| c.check.as_ref().is_some_and(|k| !k.ok))
    {
        let span = block.check.as_ref().unwrap().error_span.unwrap();
        assert!(
            block.span.start <= span.start && span.end <= block.span.end,
            "error span inside its block"
        );
    }
}

#[test]
fn suppressions_are_collected() {
    let (d, _) = parse_fixture("malformed/html-comments.md");
    assert_eq!(d.suppressions.len(), 1);
    assert_eq!(d.suppressions[0].codes, ["DK101"]);
}

/// Issue 10: comparison tables are found wherever they stand, and tables that compare nothing
/// (provider lists, before / after metrics, plan tiers, metadata, changelogs, links) are not.
#[test]
fn issue_10_comparison_tables() {
    let tables = |rel: &str| parse_fixture(rel).0.criteria;
    let free_text = tables("tables/factor-by-option-free-text.md");
    assert_eq!(free_text.len(), 1);
    assert_eq!(free_text[0].kind, TableKind::Comparison);
    assert_eq!(free_text[0].options, ["Skyport", "Harborline"]);
    assert_eq!(free_text[0].criteria[0].ratings[0].raw, "$9/month, flat");

    let winners = tables("tables/winner-column.md");
    assert_eq!(winners.len(), 2);
    assert_eq!(winners[0].options, ["Quill", "Lattice"]);
    let named: Vec<Option<&str>> = winners[0]
        .criteria
        .iter()
        .map(|c| c.winner.as_deref())
        .collect();
    assert_eq!(named, [Some("Tie"), Some("Quill"), Some("Quill")]);
    assert_eq!(winners[1].layout, TableLayout::OptionRows);
    assert_eq!(winners[1].options, ["Postgres table", "Redstream"]);
    assert_eq!(winners[1].criteria[1].winner.as_deref(), Some("Redstream"));

    let marks = tables("tables/marks-with-unknown-and-bullet-legend.md");
    assert_eq!(marks[0].kind, TableKind::Scored);
    assert_eq!(marks[0].criteria[2].ratings[2].mark, RatingMark::Unknown);
    assert_eq!(marks[0].criteria[1].ratings[2].mark, RatingMark::Partial);
    let legend: Vec<(&str, f64)> = marks[0]
        .legend
        .iter()
        .map(|e| (e.symbol.as_str(), e.value))
        .collect();
    assert_eq!(legend, [("✅", 2.0), ("🟡", 1.0), ("❌", 0.0)]);

    for negative in [
        "tables/not-a-provider-list.md",
        "tables/not-before-after-metrics.md",
        "tables/not-feature-availability.md",
        "tables/not-metadata-changelog-or-links.md",
    ] {
        assert!(tables(negative).is_empty(), "{negative} has no comparison");
    }
}

#[test]
fn snapshots() {
    insta::glob!("fixtures/parse/**/*.md", |path| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parse");
        let rel = path
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let (d, codes) = parse_fixture(&rel);
        insta::assert_json_snapshot!(serde_json::json!({ "decision": d, "diagnostics": codes }));
    });
}
