//! Parser throughput: one generated record of each style (DR, Nygard, MADR 4), the records
//! of `records/`, and a whole folder load. Run with `cargo bench --bench parse`; set
//! `DOCKET_BENCH_CORPUS` to a folder (`gen-corpus` output) to load that instead of `records/`.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

#[path = "../examples/gen-corpus/records.rs"]
mod records;

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use docket::corpus::{Corpus, LoadOptions};
use docket::parse::{ParseOptions, parse_record_with};

/// One record of `style` from a small generated corpus.
fn sample(style: records::Style) -> String {
    let plans = records::plan(60, 7);
    let index = plans
        .iter()
        .rposition(|p| p.style == style && !p.long)
        .expect("60 records hold every style");
    records::record(&plans, index, 7)
}

fn parse_one(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_one");
    for style in records::Style::ALL {
        let text = sample(style);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(style.name(), |b| {
            b.iter(|| parse_record_with(black_box(&text), "0001-x.md", ParseOptions::default()));
        });
        group.bench_function(format!("{}_html", style.name()), |b| {
            b.iter(|| {
                parse_record_with(
                    black_box(&text),
                    "0001-x.md",
                    ParseOptions {
                        html: true,
                        ..ParseOptions::default()
                    },
                )
            });
        });
    }
    group.finish();
}

fn records_dir() -> Vec<(String, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("records");
    let corpus = Corpus::load(&[root], &LoadOptions::default()).expect("records/ loads");
    corpus
        .decisions
        .iter()
        .map(|d| {
            (
                d.path.clone(),
                corpus.sources.text(&d.path).unwrap_or("").to_string(),
            )
        })
        .collect()
}

fn parse_folder(c: &mut Criterion) {
    let records = records_dir();
    let bytes: usize = records.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("records", |b| {
        b.iter(|| {
            for (path, text) in &records {
                black_box(docket::parse_record(black_box(text), path));
            }
        });
    });
    group.finish();

    let folder = std::env::var_os("DOCKET_BENCH_CORPUS").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("records"),
        PathBuf::from,
    );
    c.bench_function("load_folder", |b| {
        b.iter(|| {
            black_box(
                Corpus::load(std::slice::from_ref(&folder), &LoadOptions::default())
                    .expect("folder loads"),
            )
        });
    });
}

criterion_group!(benches, parse_one, parse_folder);
criterion_main!(benches);
