//! Scoring and rendering: `score_decision` on a generated record of each style (the DR one
//! has a criteria table and costs), and a whole site build of 200 generated records into a temp folder
//! (first build, then a rebuild that finds every file unchanged). Run with
//! `cargo bench --bench build`.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../examples/gen-corpus/records.rs"]
mod records;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, criterion_group, criterion_main};
use docket::config::Config;
use docket::corpus::Corpus;
use docket::parse::ParseOptions;
use docket::score::score_decision;
use docket::site::{SiteOptions, build};
use docket::workspace::Workspace;

/// `n` generated records written into `records/` of a temp folder.
fn corpus_dir(n: usize) -> (tempfile::TempDir, Vec<PathBuf>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let folder = dir.path().join("records");
    std::fs::create_dir(&folder).expect("records folder");
    let plans = records::plan(n, 3);
    let files = plans
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let path = folder.join(&p.file);
            docket::atomic_write::write_atomic_if_changed(
                &path,
                records::record(&plans, i, 3).as_bytes(),
            )
            .expect("record written");
            path
        })
        .collect();
    (dir, files)
}

fn score(c: &mut Criterion) {
    let plans = records::plan(60, 7);
    let config = Config::default();
    let mut group = c.benchmark_group("score");
    for style in records::Style::ALL {
        let index = plans
            .iter()
            .position(|p| p.style == style && !p.long)
            .expect("60 records hold every style");
        let text = records::record(&plans, index, 7);
        let decision = docket::parse_record(&text, &plans[index].file).decision;
        group.bench_function(style.name(), |b| {
            b.iter(|| score_decision(black_box(&decision), &config.score));
        });
    }
    group.finish();
}

fn render(c: &mut Criterion) {
    let (dir, files) = corpus_dir(200);
    let corpus = Corpus::from_files_with(
        &files,
        ParseOptions {
            html: true,
            ..ParseOptions::default()
        },
    );
    let workspace = Workspace::from_corpus(corpus, Config::default());
    let out = dir.path().join("site");
    let options = SiteOptions::new(&out);
    let mut group = c.benchmark_group("site_200");
    group.sample_size(10);
    group.bench_function("build", |b| {
        b.iter(|| {
            std::fs::remove_dir_all(&out).ok();
            build(&workspace, &[], &options).expect("site builds")
        });
    });
    build(&workspace, &[], &options).expect("site builds");
    group.bench_function("rebuild_unchanged", |b| {
        b.iter(|| build(&workspace, &[], &options).expect("site builds"));
    });
    group.finish();
}

criterion_group!(benches, score, render);
criterion_main!(benches);
