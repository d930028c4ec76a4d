//! Model → HTML: rendering the site of any record (index, graph, timeline, platforms and the
//! record's page) never panics and never fails.
#![no_main]

use docket::Corpus;
use docket::config::Config;
use docket::corpus::decode_source;
use docket::parse::{ParseOptions, parse_record_with};
use docket::site::{SiteOptions, build};
use docket::workspace::Workspace;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let (text, _) = decode_source(bytes, "0001-fuzz.md");
    let parsed = parse_record_with(
        &text,
        "0001-fuzz.md",
        ParseOptions {
            html: true,
            ..ParseOptions::default()
        },
    );
    let mut corpus = Corpus::default();
    corpus
        .sources
        .insert("0001-fuzz.md", docket::parse::strip_bom(&text).to_string());
    corpus.decisions.push(parsed.decision);
    let workspace = Workspace::from_corpus(corpus, Config::default());
    // Written into one folder per process; a rebuild writes only the files that changed.
    let out = std::env::temp_dir().join(format!("docket-fuzz-site-{}", std::process::id()));
    build(&workspace, &parsed.diagnostics, &SiteOptions::new(out))
        .expect("the built-in templates render any record");
});
