//! What a correction costs in the reader: each one redoes the analysis with every saved
//! correction applied (on the UI thread), so this measures the analysis of the bundled
//! sample alone, with 20 corrections applied, and the exports of an article with them.
//! Run with `cargo bench --bench corrections`.

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::annotations::anchor::Flat;
use hearsay::annotations::correction::{Change, Corrections, analyze_corrected};
use hearsay::annotations::export::{Article, Format, render_all};
use hearsay::annotations::{Location, LocationKind, Origin, Store};
use hearsay::attribution::{SpeakerKind, analyze};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let text = include_str!("../assets/sample.txt");
    let doc = hearsay::document::ingest(text.to_string());
    let flat = Flat::new(&doc);
    let a = analyze(&doc);
    let mut corrections = Corrections::default();
    for (i, q) in a.quotes.iter().take(20).enumerate() {
        let change = if i % 2 == 0 {
            Change::Reassign {
                range: q.start..q.end,
                speaker: format!("Source {}", i % 5),
                kind: SpeakerKind::Person,
            }
        } else {
            Change::NotAttribution {
                range: q.start..q.end,
            }
        };
        corrections
            .add(&flat, change)
            .expect("a quote is a passage");
    }
    let list = corrections.list().to_vec();
    let mut g = c.benchmark_group("corrections");
    g.bench_function("analyze sample", |b| b.iter(|| black_box(analyze(&doc))));
    g.bench_function("analyze sample + 20 corrections", |b| {
        b.iter(|| black_box(analyze_corrected(&doc, &list)))
    });
    let dir = std::env::temp_dir().join(format!("hearsay-bench-{}", std::process::id()));
    let store = Store::open_at(
        &doc,
        &Origin::Named("sample".into()),
        Location {
            path: dir.join("sample.toml"),
            kind: LocationKind::Configured,
        },
    );
    let art = Article::new(&doc, &store);
    for (name, f) in [
        ("export audit", Format::Audit),
        ("export json", Format::Json),
        ("export md", Format::Markdown),
    ] {
        g.bench_function(name, |b| {
            b.iter(|| black_box(render_all(std::slice::from_ref(&art), f).unwrap()))
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
