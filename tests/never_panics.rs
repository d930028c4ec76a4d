//! `parse_record` is total: no input makes it panic, and every span it returns lies inside the
//! text on char boundaries; scoring, linting and rendering the site of whatever it returns never
//! panic or fail either (the proptest side of the `fuzz/` targets, issue 14). Crashes found by
//! fuzzing become named cases here.

use docket::corpus::decode_source;
use docket::model::Span;
use proptest::prelude::*;

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: {span:?} outside 0..{}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} splits a char"
    );
}

fn parse_and_check(text: &str) {
    let parsed = docket::parse_record(text, "fuzz.md");
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let d = &parsed.decision;
    check_span(text, d.title.span, "title");
    if let Some(span) = d.status.span {
        check_span(text, span, "status");
    }
    for link in &d.links {
        check_span(text, link.span, "link");
    }
    for s in &d.sections {
        check_span(text, s.span, "section");
        check_span(text, s.body_span, "section body");
    }
    for c in &d.code_blocks {
        check_span(text, c.span, "code block");
    }
    for diag in &parsed.diagnostics {
        check_span(text, diag.span, diag.code);
    }
    // The export serialises whatever was parsed.
    serde_json::to_string(d).expect("the model always serialises");
}

/// Fragments that exercise every extractor, glued in random order.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "# DR-001: Title\n",
        "# 12. Title\n",
        "Title\n=====\n",
        "---\nstatus: accepted\n---\n",
        "---\n",
        "+++\n",
        "**Status:** ✅ **Accepted**\n",
        "* Status: superseded by [ADR-2](0002-x.md)\n",
        "## Status\n\nSuperceded by [3. Foo](0003-foo.md)\n",
        "## Options Considered\n",
        "### Option 1: A (SELECTED)\n",
        "**Pros:**\n- ✅ good\n",
        "**Cons:**\n- ❌ bad\n",
        "**Cost Estimate:**\n- MVP: ~$5-10/month (free)\n",
        "- **Total:** $14/month\n",
        "| Criterion | Weight | A | B |\n|---|---|---|---|\n| x | Critical | ✅ | ⚠️ Manual |\n",
        "| Option | a | Overall score |\n|-|-|-|\n| Weight | 3 | |\n| A | ✅ | 3 |\n",
        "**Winner:** A (best)\n",
        "Chosen option: \"A\n",
        "```toml\nx = [\n```\n",
        "```yaml\n: :\n```\n",
        "```json\n{\n",
        "<!-- docket-disable DK1",
        "> | Status | RFC |\n",
        "- [ADR-7](adr-007.md)\n",
        "**Related ADRs:**\n",
        "  - nested DR-002\n",
        "\r\n",
        "\u{feff}",
        "✅ ⚠️ ➡️\n",
        "Date: 31/02/2020\n",
        "- **2025-01-19:** x\n",
        "![status](https://img.shields.io/badge/status-accepted-green)\n",
        "1. ",
        "**",
        "[",
        "](",
        "`",
        "|",
        "\n\n",
        "    indented\n",
        "<div>\n",
        "💥",
        "é",
    ])
    .prop_map(str::to_string)
}

/// Fragments of the vocabulary the parser reads since issues 9 and 10: CJK keys and statuses,
/// full-width colons, options by number, comparison tables with emoji marks, chosen-option
/// statements, mentions of bare ids, costs and dates; glued with characters whose lower case
/// has another byte length (`İ`, the Kelvin sign `K`, the Ångström sign `Å`).
fn vocabulary_fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "# ADR 7：选用 方案B\n",
        "# 使用 Zoom\n",
        "状态：已接受\n",
        "状态: 已被取代\n",
        "**状态**：草案\n",
        "ステータス：承認済み\n",
        "决策日期：2024年3月5日\n",
        "日期：2024-13-45\n",
        "Date：5 März 2024\n",
        "Date: 1. Jänner 2020\n",
        "## 备选方案\n",
        "## 决策\n\n采用 方案B：因为便宜。\n",
        "不采用 方案A。\n",
        "### 方案A：单体\n",
        "### 方案B：微服务 (SELECTED)\n",
        "### Option 2: Render ✅ Selected\n",
        "### Opção B - Fly.io\n",
        "## Decision\n\nWe will use Option 2.\n",
        "## Decision Outcome\n\nChosen option: \"Option 2\", because\n",
        "Chosen Option `(3)`. Problems with `(1)` remain.\n",
        "Chosen option: “",
        "Selected approach: **Render** (cheap)\n",
        "**Winner:** Option 1 & 3\n",
        "Option 1, 2 and 3 is the best option.\n",
        "We chose (b) over (a).\n",
        "| Option | 成本 | 速度 |\n|---|---|---|\n| 方案A | 🟢 | 🔴 |\n| 方案B | ⭐⭐⭐ | ✅✅ |\n",
        "| Criterion | Weight | Option 1 | Option 2 |\n|:-|:-:|-:|-|\n| 速度 | 高 | 👍 | 👎 |\n",
        "| 🟢 = good, 🔴 = bad |\n",
        "Legend: ✅ = 3, ⚠️ = 2, ❌ = 1\n",
        "| | Option 1 | Option 2 |\n|-|-|-|\n| Cost | $5/month | €10 / mo |\n",
        "**Cost:** ¥1000/月 (free)\n",
        "Supersedes ADR 7\n",
        "See ADR 7 and DR-012.\n",
        "Related: [ADR 3](../README.md)\n",
        "[x](./0003-y/README.md)\n",
        "[x](..\\adr\\0003-y.md)\n",
        "Superseded by [ADR-0004](0004-use-z.md#section)\n",
        "被 ADR-5 取代\n",
        "已被 [ADR 9](0009.md) 取代\n",
        "```json\n{ // comment\n \"a\": \"// not\" /* x\n```\n",
        "```json\n/* ",
        "Option ",
        "Option K. ",
        "Opção ",
        "方案",
        "：",
        "，",
        "。",
        "İ",
        "\u{212a}",
        "\u{212b}",
        "\u{2126}",
        "ẞ",
        "ß",
        "ǅ",
        "ﬃ",
        "👍🏽",
        "🇩🇪",
        "\u{200b}",
        " (",
        "**",
        "\"",
        "`",
        ", ",
        ". ",
        " & ",
        "#",
        "|",
        "\n",
        "- ",
        "1. ",
    ])
    .prop_map(str::to_string)
}

/// Scores, lints and renders the site of one record: none of it may panic, and rendering the
/// built-in templates may not fail.
fn score_lint_and_render(text: &str) {
    use docket::config::Config;
    use docket::parse::{ParseOptions, parse_record_with};
    let options = ParseOptions {
        html: true,
        ..ParseOptions::default()
    };
    let parsed = parse_record_with(text, "0001-fuzz.md", options);
    let config = Config::default();
    let score = docket::score::score_decision(&parsed.decision, &config.score);
    let mut corpus = docket::Corpus::default();
    corpus
        .sources
        .insert("0001-fuzz.md", docket::parse::strip_bom(text).to_string());
    let scores = [score];
    let _ = docket::score::to_human(&scores, &corpus.sources);
    docket::score::to_json(&scores, &corpus.sources).expect("scores serialise");
    corpus.decisions.push(parsed.decision);
    corpus.diagnostics = parsed.diagnostics;
    let workspace = docket::workspace::Workspace::from_corpus(corpus, config);
    let findings = docket::rules::run(&workspace, &docket::rules::LintOptions::default());
    let out = SITE_OUT.get_or_init(|| tempfile::tempdir().expect("temp dir"));
    docket::site::build(
        &workspace,
        &findings,
        &docket::site::SiteOptions::new(out.path().join("site")),
    )
    .expect("the built-in templates render any record");
}

/// One site folder for every case: a rebuild writes only the files that changed.
static SITE_OUT: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();

/// 2000 cases, or `PROPTEST_CASES` when set: an explicit count would override the variable,
/// and a longer local run (`PROPTEST_CASES=50000`) should be one command away.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn any_string(text in any::<String>()) {
        parse_and_check(&text);
    }

    #[test]
    fn record_shaped_text(parts in prop::collection::vec(fragment(), 0..40)) {
        parse_and_check(&parts.concat());
    }

    #[test]
    fn vocabulary_shaped_text(parts in prop::collection::vec(
        prop_oneof![vocabulary_fragment(), fragment()], 0..60,
    )) {
        parse_and_check(&parts.concat());
    }

    #[test]
    fn any_bytes_through_the_loader(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let (text, _) = decode_source(&bytes, "bytes.md");
        parse_and_check(&text);
    }
}

proptest! {
    // A site render costs tens of parses, so a tenth of the cases; the fuzz targets go further.
    #![proptest_config(ProptestConfig { cases: cases() / 10, ..ProptestConfig::default() })]

    #[test]
    fn scoring_linting_and_rendering_record_shaped_text(parts in prop::collection::vec(
        prop_oneof![vocabulary_fragment(), fragment()], 0..60,
    )) {
        score_lint_and_render(&parts.concat());
    }
}

#[test]
fn pathological_cases() {
    let cases: Vec<(&str, String)> = vec![
        ("deep block quotes", ">".repeat(5000) + " x"),
        (
            "deep lists",
            (0..2000).fold(String::new(), |mut acc, i| {
                acc.push_str(&"  ".repeat(i));
                acc.push_str("- x\n");
                acc
            }),
        ),
        (
            "unclosed front matter",
            "---\nstatus: accepted\n# Title\n".to_string(),
        ),
        ("front matter only", "---\n---".to_string()),
        (
            "huge table row",
            format!("|{}\n|{}\n", " a |".repeat(3000), "-|".repeat(3000)),
        ),
        (
            "ragged criteria table",
            "| Criterion | Weight | A |\n|---|---|---|\n| x |\n| y | High | ✅ | ❌ | extra |\n"
                .to_string(),
        ),
        (
            "lone surrogate-like bytes decoded",
            String::from_utf8_lossy(&[0xed, 0xa0, 0x80, b'#', b' ', b'x']).into_owned(),
        ),
        (
            "many headings",
            "# a\n## b\n### c\n#### d\n##### e\n###### f\n".repeat(500),
        ),
        ("bom only", "\u{feff}".to_string()),
        ("crlf only", "\r\n".repeat(100)),
        ("emoji status", "**Status:** ⚠️".to_string()),
        ("status heading colon only", "## Status:\n".to_string()),
    ];
    for (name, text) in cases {
        let result = std::panic::catch_unwind(|| parse_and_check(&text));
        assert!(result.is_ok(), "{name} panicked");
    }
}

/// Found by `any_string`: lower-casing `İ` changes its byte length, and an index taken in the
/// lower-cased text was used on the original.
#[test]
fn lowercase_changes_byte_length() {
    for text in [
        "| a | Weight | b |\n|-|-|-|\n| x | 1 | İİ y |\n",
        "## Options Considered\n\n### İİİ (SELECTED)\n",
        "## Status\n\nSUPERSEDED BY İ 5\n",
        "- Gİod, x\n",
    ] {
        parse_and_check(text);
    }
}
