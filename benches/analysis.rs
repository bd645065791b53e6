//! Ingest + attribution throughput on ~1 MB and ~10 MB articles built by repeating the
//! annotated fixtures (`tests/fixtures/attribution/*.txt`). Run with `cargo bench`.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn corpus(size: usize) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/attribution");
    let mut parts: Vec<String> = std::fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .filter_map(|p| std::fs::read_to_string(p).ok())
                .collect()
        })
        .unwrap_or_default();
    parts.sort();
    assert!(!parts.is_empty(), "no fixtures found in {dir}");
    let mut out = String::with_capacity(size + 4096);
    while out.len() < size {
        for p in &parts {
            out.push_str(p);
            out.push_str("\n\n");
        }
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("ingest+analyze");
    g.sample_size(10);
    for (label, size) in [("1MB", 1 << 20), ("10MB", 10 << 20)] {
        let text = corpus(size);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(BenchmarkId::from_parameter(label), &text, |b, t| {
            b.iter(|| {
                let doc = hearsay::document::ingest_bytes(black_box(t.as_bytes()))
                    .expect("fixtures are UTF-8");
                black_box(hearsay::attribution::analyze(&doc))
            });
        });
    }
    g.finish();
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10);
    let text = corpus(1 << 20);
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("1MB", |b| {
        b.iter(|| hearsay::document::ingest_bytes(black_box(text.as_bytes())))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
