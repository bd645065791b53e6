//! Opening saved web pages: a typical article page, a 2 MB page (Readability scoring
//! runs), and a 20 MB page (too many elements: the single-pass walk); and hostile markup
//! (issue 17): one element with 200,000 attributes (2.3 MB, was 48 s) and a page with one
//! 20 MB attribute (was 51 s for 54 MB), which the guard bounds before parsing.

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::document::open;
use std::hint::black_box;

/// A news page padded to about `bytes` with paragraphs, links and furniture.
fn page(bytes: usize) -> String {
    let mut page = String::from(
        "<!doctype html><html><head><title>Long read - Gazette</title>\
         <meta property='og:title' content='Long read'></head><body>\
         <nav><a href=/>Home</a></nav><article><h1>Long read</h1>",
    );
    let mut i = 0;
    while page.len() < bytes {
        page.push_str(&format!(
            "<div class=chunk><p>Paragraph {i} of the long read, in which the council \
             debates the harbour wall once again and nobody agrees on anything.</p>\
             <p>“Quote number {i},” said <a href=/p{i}>a resident</a>.</p>\
             <aside class=related><a href=/r{i}>Related {i}</a></aside></div>\n"
        ));
        i += 1;
    }
    page.push_str("</article></body></html>");
    page
}

fn bench(c: &mut Criterion) {
    let fixture = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/html/courier.html"
    ))
    .unwrap_or_default();
    c.bench_function("open courier.html (7 KB)", |b| {
        b.iter(|| open(black_box(&fixture), Some("courier.html"), None))
    });
    let mut g = c.benchmark_group("large pages");
    g.sample_size(10);
    for mb in [2, 20] {
        let p = page(mb * 1024 * 1024);
        g.bench_function(format!("open {mb} MB page"), |b| {
            b.iter(|| open(black_box(p.as_bytes()), None, None))
        });
    }
    g.finish();
    let mut g = c.benchmark_group("hostile pages");
    g.sample_size(10);
    let attrs: String = (0..200_000).map(|i| format!(" a{i}=x")).collect();
    let many = format!(
        "<html><body><article><h1>Pier</h1><div{attrs}><p>{}</p></div></article></body></html>",
        "The pier reopened on Monday after a year of repairs. ".repeat(20)
    );
    g.bench_function(
        format!(
            "one element with 200,000 attributes ({} MB)",
            many.len() >> 20
        ),
        |b| b.iter(|| open(black_box(many.as_bytes()), None, None)),
    );
    let long = format!(
        "<html><body><article><h1>Pier</h1><div title=\"{}\"><p>{}</p></div></article></body></html>",
        "w".repeat(20 << 20),
        "The pier reopened on Monday after a year of repairs. ".repeat(20)
    );
    g.bench_function("one 20 MB attribute (21 MB page)", |b| {
        b.iter(|| open(black_box(long.as_bytes()), None, None))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
