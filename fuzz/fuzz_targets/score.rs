//! Model → results: scoring any record's tables and costs, rendering the scores, and running
//! every lint rule (several read the scores) never panics.
#![no_main]

use docket::config::Config;
use docket::corpus::decode_source;
use docket::rules::LintOptions;
use docket::workspace::Workspace;
use docket::{Corpus, parse_record};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (text, _) = decode_source(bytes, "0001-fuzz.md");
    let parsed = parse_record(&text, "0001-fuzz.md");
    let config = Config::default();
    let score = docket::score::score_decision(&parsed.decision, &config.score);
    let mut corpus = Corpus::default();
    corpus
        .sources
        .insert("0001-fuzz.md", docket::parse::strip_bom(&text).to_string());
    let scores = [score];
    let _ = docket::score::to_human(&scores, &corpus.sources);
    let _ = docket::score::to_json(&scores, &corpus.sources);
    corpus.decisions.push(parsed.decision);
    corpus.diagnostics = parsed.diagnostics;
    let workspace = Workspace::from_corpus(corpus, config);
    let _ = docket::rules::run(&workspace, &LintOptions::default());
});
