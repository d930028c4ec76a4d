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
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/status-line-with-dates.md",
        format: "nygard",
        id: Some("7"),
        title: "Queue uploads through Larkspur",
        status: StatusKind::Accepted,
        date: Some("2025-01-10"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "adr-bold/status-accepted-on-date.md",
        format: "adr-bold",
        id: Some("ADR-044"),
        title: "Nightly Backups to Cold Storage",
        status: StatusKind::Accepted,
        date: Some("2024-09-17"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "adr-bold/last-modified-only.md",
        format: "adr-bold",
        id: Some("ADR-052"),
        title: "Rate Limits for the Public API",
        status: StatusKind::Accepted,
        date: Some("2024-03-02"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/date-of-decision-under-status.md",
        format: "nygard",
        id: Some("11"),
        title: "Keep sessions in Tallowdb",
        status: StatusKind::Accepted,
        date: Some("2024-08-21"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "madr2/month-only-date.md",
        format: "madr2",
        id: None,
        title: "Use Fernwick for feature flags",
        status: StatusKind::Accepted,
        date: Some("2024-05"),
        chosen: Some("Fernwick"),
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/month-name-date-german.md",
        format: "nygard",
        id: Some("5"),
        title: "Berichte als PDF erzeugen",
        status: StatusKind::Accepted,
        date: Some("2024-05"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/reverted-status.md",
        format: "nygard",
        id: Some("8"),
        title: "Cache search results in the browser",
        status: StatusKind::Deprecated,
        date: Some("2025-06-03"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/partially-superseded.md",
        format: "nygard",
        id: Some("9"),
        title: "Export reports as CSV",
        status: StatusKind::Accepted,
        date: Some("2023-11-20"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "freeform/status-column-table.md",
        format: "freeform",
        id: None,
        title: "Choose a log shipper",
        status: StatusKind::Accepted,
        date: Some("2024-01-02"),
        chosen: None,
        codes: &[],
    },
    // Issue 10: dates and statuses in the shapes records outside the corpus write.
    Row {
        file: "nygard/status-table-in-section.md",
        format: "nygard",
        id: Some("13"),
        title: "Print labels in the browser",
        status: StatusKind::Rejected,
        date: Some("2024-02-15"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "relations/front-matter-keys.md",
        format: "madr",
        id: None,
        title: "Schedule jobs with a workflow engine",
        status: StatusKind::Superseded,
        date: Some("2026-03-04"),
        chosen: Some("Temporal"),
        codes: &[],
    },
    Row {
        file: "relations/status-text.md",
        format: "nygard",
        id: Some("8"),
        title: "Verify claimant identity with a document check",
        status: StatusKind::Superseded,
        date: Some("2026-02-19"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "relations/related-heading-german.md",
        format: "adr-bold",
        id: Some("ADR-005"),
        title: "Protokolle zentral sammeln",
        status: StatusKind::Accepted,
        date: None,
        chosen: None,
        codes: &[],
    },
    Row {
        file: "mentions/prose-mentions.md",
        format: "nygard",
        id: Some("7"),
        title: "Cache product pages at the edge",
        status: StatusKind::Accepted,
        date: Some("2026-05-11"),
        chosen: None,
        codes: &[],
    },
    // A year-month slug is no number (issue 10).
    Row {
        file: "ids/2026-01-content-management.md",
        format: "nygard",
        id: None,
        title: "Content management for the help pages",
        status: StatusKind::Accepted,
        date: Some("2026-01-14"),
        chosen: None,
        codes: &[],
    },
    // The file name's number is the id when the heading writes another (issue 10).
    Row {
        file: "ids/0007-heading-number-differs.md",
        format: "nygard",
        id: Some("0007"),
        title: "Use Redis for sessions",
        status: StatusKind::Accepted,
        date: Some("2026-02-02"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "madr4/options-spelt-twice.md",
        format: "madr",
        id: None,
        title: "Team knowledge base",
        status: StatusKind::Accepted,
        date: Some("2026-03-09"),
        chosen: Some("Note.ly"),
        codes: &[],
    },
    Row {
        file: "adr-bold/options-as-table-columns.md",
        format: "adr-bold",
        id: Some("ADR-004"),
        title: "Use Quayside for container images",
        status: StatusKind::Accepted,
        date: Some("2026-02-17"),
        chosen: Some("Quayside"),
        codes: &[],
    },
    Row {
        file: "nygard/numbered-options-title-choice.md",
        format: "nygard",
        id: Some("7"),
        title: "Migrate to Streamlet for event processing",
        status: StatusKind::Accepted,
        date: Some("2026-05-04"),
        chosen: Some("Streamlet"),
        codes: &[],
    },
    Row {
        file: "madr2/chosen-line-unquoted.md",
        format: "madr2",
        id: None,
        title: "Community forum",
        status: StatusKind::Accepted,
        date: Some("2026-01-22"),
        chosen: Some("Threadhall"),
        codes: &[],
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
    Row {
        file: "nygard/status-block-quote.md",
        format: "nygard",
        id: Some("ADR014"),
        title: "Keep upload sessions in the database",
        status: StatusKind::Accepted,
        date: Some("2025-06-02"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "adr-bold/status-bold-colon-inside.md",
        format: "adr-bold",
        id: None,
        title: "Pick a survey tool for the pilot",
        status: StatusKind::Accepted,
        date: Some("2025-07-25"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/superseded-sentence.md",
        format: "freeform",
        id: Some("4"),
        title: "Sign download links in the web app",
        status: StatusKind::Superseded,
        date: Some("2021-05-11"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/superseded-prose-only.md",
        format: "freeform",
        id: Some("5"),
        title: "Queue exports in memory",
        status: StatusKind::Unknown,
        date: Some("2021-06-01"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/cjk-fields.md",
        format: "freeform",
        id: Some("ADR-0007"),
        title: "报表导出改用异步任务",
        status: StatusKind::Superseded,
        date: Some("2026-01-15"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "freeform/cjk-status-heading.md",
        format: "freeform",
        id: Some("0003"),
        title: "使用只读副本承载查询",
        status: StatusKind::Accepted,
        date: Some("2025-11-20"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "madr2/emoji-date-key.md",
        format: "madr2",
        id: None,
        title: "Pick a hosting provider for the preview site",
        status: StatusKind::Unknown,
        date: Some("2025-04-08"),
        chosen: Some("Skyline Pages"),
        codes: &[],
    },
    Row {
        file: "freeform/2025-03-04-token-signing/README.md",
        format: "freeform",
        id: None,
        title: "Sign service tokens with rotating keys",
        status: StatusKind::Unknown,
        date: Some("2025-03-04"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "nygard/front-matter-nygard.md",
        format: "nygard",
        id: Some("12"),
        title: "Retry outgoing messages",
        status: StatusKind::Accepted,
        date: Some("2024-02-08"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "relations/nested-related-list.md",
        format: "nygard",
        id: Some("12"),
        title: "Park poisoned messages in a holding queue",
        status: StatusKind::Accepted,
        date: Some("2026-04-09"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "options/option-number-choice.md",
        format: "nygard",
        id: Some("14"),
        title: "Reports will run on the batch cluster",
        status: StatusKind::Accepted,
        date: None,
        chosen: Some("Batch cluster"),
        codes: &[],
    },
    Row {
        file: "options/option-letter-german.md",
        format: "freeform",
        id: Some("ADR 0007"),
        title: "Zwischenspeicher für Preislisten",
        status: StatusKind::Accepted,
        date: None,
        chosen: Some("Speicher im Prozess mit fester Laufzeit"),
        codes: &[],
    },
    Row {
        file: "options/chosen-extends-option.md",
        format: "adr-bold",
        id: Some("ADR-004"),
        title: "Use Quillstack for the document API",
        status: StatusKind::Accepted,
        date: Some("2026-02-10"),
        chosen: Some("Quillstack (Rust)"),
        codes: &[],
    },
    Row {
        file: "options/group-headings.md",
        format: "freeform",
        id: Some("9"),
        title: "Maintenance page",
        status: StatusKind::Unknown,
        date: Some("2026-03-04"),
        chosen: Some("Load balancer rule swap"),
        codes: &[],
    },
    Row {
        file: "options/option-groups-multi-part.md",
        format: "madr2",
        id: None,
        title: "Shared catalogue in the portal",
        status: StatusKind::Accepted,
        date: Some("2026-05-19"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "options/misspelt-options-heading.md",
        format: "madr2",
        id: None,
        title: "Image storage",
        status: StatusKind::Unknown,
        date: None,
        chosen: Some("Vaultbox"),
        codes: &[],
    },
    Row {
        file: "options/chosen-bracketed-number.md",
        format: "madr2",
        id: None,
        title: "Layout of the deployment repository",
        status: StatusKind::Unknown,
        date: None,
        chosen: Some("Use the path pattern: resources/<GROUP>/<KINDS>/<NAME>.yaml"),
        codes: &[],
    },
    Row {
        file: "options/table-rows.md",
        format: "madr2",
        id: None,
        title: "Queue for nightly exports",
        status: StatusKind::Unknown,
        date: None,
        chosen: Some("Brookline Queue"),
        codes: &[],
    },
    Row {
        file: "options/table-rows-lettered.md",
        format: "freeform",
        id: Some("ADR-0004"),
        title: "报价单的保存方式",
        status: StatusKind::Accepted,
        date: Some("2026-03-02"),
        chosen: Some("服务端定时快照"),
        codes: &[],
    },
    Row {
        file: "options/bold-numbered-paragraphs.md",
        format: "nygard",
        id: Some("12"),
        title: "Pass the retry budget through the worker factory",
        status: StatusKind::Accepted,
        date: Some("2026-02-10"),
        chosen: None,
        codes: &[],
    },
    Row {
        file: "options/grouped-pros-cons-headings.md",
        format: "madr2",
        id: None,
        title: "Where to publish the partner handbook",
        status: StatusKind::Unknown,
        date: None,
        chosen: Some("Password page"),
        codes: &[],
    },
    Row {
        file: "options/count-phrase-no-choice.md",
        format: "freeform",
        id: Some("8"),
        title: "Example projects for retry policies",
        status: StatusKind::Accepted,
        date: Some("2026-04-01"),
        chosen: None,
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

/// Issue 10: the last change is kept beside the decision date, the raw status word is kept
/// when it maps to a standard kind, and a month-only date keeps its precision.
#[test]
fn issue_10_updated_dates_raw_words_and_month_precision() {
    let updated = |f: &str| {
        parse_fixture(f)
            .0
            .updated_date
            .and_then(|u| u.date)
            .map(|d| d.to_string())
    };
    assert_eq!(
        updated("nygard/status-line-with-dates.md").as_deref(),
        Some("2026-02-24")
    );
    assert_eq!(
        updated("adr-bold/last-modified-only.md").as_deref(),
        Some("2024-03-02")
    );
    assert_eq!(updated("nygard/date-of-decision-under-status.md"), None);
    let (d, _) = parse_fixture("nygard/reverted-status.md");
    assert_eq!(d.status.raw, "Reverted");
    let (d, _) = parse_fixture("madr2/month-only-date.md");
    let date = d.date.and_then(|f| f.date).expect("a month");
    assert_eq!(date.precision, docket::model::DatePrecision::Month);
}

#[test]
fn link_forms() {
    // Stated relations only; mentions have their own fixtures.
    let links = |f: &str| -> Vec<(LinkKind, String)> {
        parse_fixture(f)
            .0
            .links
            .iter()
            .filter(|l| l.kind.is_relation())
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
        (LinkKind::Related, "refines")
    );
    let split = links("adr-bold/split-from-and-related.md");
    assert_eq!(
        split[0],
        (LinkKind::SplitFrom, "adr-009-environments.md".into())
    );
    assert!(split[1..].iter().all(|(k, _)| *k == LinkKind::Related));
}

/// Issue 10: relations in front matter, in status text and under other languages' headings,
/// and mentions in prose, kept apart from the stated relations.
#[test]
fn issue_10_relations_and_mentions() {
    let links = |f: &str| -> Vec<(LinkKind, String)> {
        parse_fixture(f)
            .0
            .links
            .iter()
            .map(|l| {
                let t = &l.target;
                let target = t
                    .href
                    .clone()
                    .or_else(|| t.id.as_ref().map(|i| i.raw.clone()));
                (l.kind, target.unwrap_or_else(|| t.text.clone()))
            })
            .collect()
    };
    assert_eq!(
        links("relations/front-matter-keys.md"),
        [
            (LinkKind::Amends, "ADR-0014".into()),
            (LinkKind::Amends, "16".into()),
            (LinkKind::Related, "ADR-0020".into()),
            (LinkKind::Related, "ADR-0022".into()),
            (LinkKind::SupersededBy, "ADR-0031".into()),
            (LinkKind::Supersedes, "0011-use-cron-jobs.md".into()),
        ]
    );
    assert_eq!(
        links("relations/status-text.md"),
        [
            (LinkKind::SupersededBy, "ADR #0012".into()),
            (LinkKind::Amends, "0006-manual-identity-review.md".into()),
            (LinkKind::AmendedBy, "0009-retry-failed-checks.md".into()),
        ]
    );
    assert_eq!(
        links("relations/related-heading-german.md"),
        [
            (LinkKind::Related, "ADR-002-katalog.md".into()),
            (LinkKind::Related, "ADR-004".into()),
            (LinkKind::Related, "ADR-003-alarme.md".into()),
        ]
    );
    assert_eq!(
        links("mentions/prose-mentions.md"),
        [
            (LinkKind::Supersedes, "0003-render-on-request.md".into()),
            (LinkKind::Mention, "0004-cdn-provider.md".into()),
            (LinkKind::Mention, "ADR-0005".into()),
            (LinkKind::Mention, "ADR 6".into()),
            (
                LinkKind::Mention,
                "https://code.example.org/shop/web/blob/main/docs/adr/0005-price-freshness.md"
                    .into()
            ),
        ]
    );
    let (d, _) = parse_fixture("ids/0007-heading-number-differs.md");
    assert_eq!(d.stated_id.map(|i| i.raw).as_deref(), Some("8"));
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

/// Issue 10: one option named twice in different spellings is one option; headings that are
/// option parts or write-up headings are no options; numbered names lose the number; a
/// comparison table's columns are the options of a record with no options list.
#[test]
fn issue_10_option_names() {
    let names = |f: &str| -> Vec<String> {
        parse_fixture(f)
            .0
            .options
            .iter()
            .map(|o| o.name.clone())
            .collect()
    };
    assert_eq!(
        names("madr4/options-spelt-twice.md"),
        ["Docuverse", "Note.ly", "Pagewise"]
    );
    let (d, _) = parse_fixture("madr4/options-spelt-twice.md");
    assert_eq!(
        d.options[1].pros.len(),
        2,
        "the sibling Pros heading is Note.ly's"
    );
    assert_eq!(
        names("nygard/numbered-options-title-choice.md"),
        ["Batchwright", "Streamlet", "Flowmill"]
    );
    assert_eq!(
        names("adr-bold/options-as-table-columns.md"),
        ["Harbourline", "Quayside", "Dockwell"]
    );
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
