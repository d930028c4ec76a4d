//! Parser throughput: one record of each shape from `records/`, and a whole folder load.
//! Run with `cargo bench --bench parse`; set `DOCKET_BENCH_CORPUS` to a folder to add it.

// criterion's macros generate undocumented functions.
#![allow(missing_docs)]

use std::hint::black_box;
use std::path::PathBuf;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use docket::corpus::{Corpus, LoadOptions};

fn records() -> Vec<(String, String)> {
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

fn parse(c: &mut Criterion) {
    let records = records();
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

criterion_group!(benches, parse);
criterion_main!(benches);
