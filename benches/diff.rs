//! `hearsay::diff` on two versions of a ~20 KB and a ~1 MB article, built from the fictional
//! fixture `tests/fixtures/diff/lighthouse.txt` (numbered copies of its body, so paragraphs
//! are distinct). The new version rewords every 5th paragraph, drops every 17th, adds one
//! after every 23rd and moves every 97th to the end. Run with
//! `cargo bench --bench diff`; figures in the README.
//!
//! - `compare/*`: [`hearsay::diff::compare`] alone, both versions already read and analysed
//!   (what the diff view and the reader's "changed since you highlighted it" add);
//! - `end_to_end/*`: reading both texts, analysing both and comparing them (what
//!   `hearsay diff OLD NEW` does, on one core).

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hearsay::attribution::analyze;
use hearsay::diff::{Options, Version, compare};
use hearsay::document::{Document, ingest};
use std::hint::black_box;

const BASE: &str = include_str!("../tests/fixtures/diff/lighthouse.txt");

/// (old, new) versions of about `size` bytes.
fn versions(size: usize) -> (String, String) {
    let mut parts = BASE.split("\n\n").map(str::trim).filter(|p| !p.is_empty());
    let header: Vec<&str> = parts.by_ref().take(4).collect();
    let body: Vec<&str> = parts.collect();
    let mut paras = Vec::new();
    let mut len = 0;
    let mut i = 0;
    while len < size {
        let p = format!("In part {i}, {}", body[i % body.len()]);
        len += p.len() + 2;
        paras.push(p);
        i += 1;
    }
    let mut new = Vec::with_capacity(paras.len() + paras.len() / 20);
    let mut moved = Vec::new();
    for (k, p) in paras.iter().enumerate() {
        if k % 97 == 96 {
            moved.push(p.clone());
        } else if k % 17 == 16 {
            // dropped
        } else if k % 5 == 4 {
            new.push(
                p.replacen(" the ", " the very ", 1)
                    .replacen("will", "may", 1),
            );
        } else {
            new.push(p.clone());
        }
        if k % 23 == 22 {
            new.push(format!(
                "“Part {k} is new,” said Vera Lund{k}, a spokeswoman for the harbour."
            ));
        }
    }
    new.extend(moved);
    let join = |v: &[String]| format!("{}\n\n{}\n", header.join("\n\n"), v.join("\n\n"));
    (join(&paras), join(&new))
}

fn run(
    old: &Document,
    new: &Document,
    a: &hearsay::attribution::Analysis,
    b: &hearsay::attribution::Analysis,
) -> usize {
    let d = compare(
        Version {
            doc: old,
            analysis: a,
        },
        Version {
            doc: new,
            analysis: b,
        },
        &Options::default(),
    );
    d.changes.len()
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("diff");
    g.sample_size(10);
    for (label, size) in [("20KB", 20 << 10), ("1MB", 1 << 20)] {
        let (old, new) = versions(size);
        g.throughput(Throughput::Bytes((old.len() + new.len()) as u64));
        let (a, b) = (ingest(old.clone()), ingest(new.clone()));
        let (ra, rb) = (analyze(&a), analyze(&b));
        assert!(run(&a, &b, &ra, &rb) > 0, "the versions differ");
        g.bench_with_input(BenchmarkId::new("compare", label), &(), |bench, ()| {
            bench.iter(|| black_box(run(black_box(&a), black_box(&b), &ra, &rb)));
        });
        g.bench_with_input(
            BenchmarkId::new("end_to_end", label),
            &(&old, &new),
            |bench, (old, new)| {
                bench.iter(|| {
                    let (a, b) = (ingest((*old).clone()), ingest((*new).clone()));
                    let (ra, rb) = (analyze(&a), analyze(&b));
                    black_box(run(&a, &b, &ra, &rb))
                });
            },
        );
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
