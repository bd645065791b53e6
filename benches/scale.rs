//! How hearsay scales with the size of the article (issue 7): ingestion throughput on 1, 10
//! and 50 MB built from the bundled sample, the first frame (ingest + layout + first draw to
//! a `TestBackend`) for the sample and for 10 MB, and one keypress's redraw at 200x60 at the
//! top, middle and bottom of a 50 MB article.
//!
//! `cargo bench --bench scale`

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use hearsay::config::Config;
use hearsay::document::open;
use hearsay::tui::{App, Sources};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Duration;

const SAMPLE: &str = include_str!("../assets/sample.txt");

/// The sample's header once, then its body repeated to about `bytes`.
fn article_of(bytes: usize) -> String {
    let body_start = SAMPLE.match_indices('\n').nth(3).map_or(0, |(i, _)| i + 1);
    let body = &SAMPLE[body_start..];
    let mut s = String::with_capacity(bytes + SAMPLE.len());
    s.push_str(SAMPLE);
    while s.len() < bytes {
        s.push('\n');
        s.push_str(body);
    }
    s
}

fn ingest(c: &mut Criterion) {
    let mut g = c.benchmark_group("ingest");
    g.sample_size(10).measurement_time(Duration::from_secs(10));
    for mb in [1usize, 10, 50] {
        let text = article_of(mb << 20);
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_with_input(
            BenchmarkId::from_parameter(format!("{mb}MB")),
            &text,
            |b, t| b.iter(|| open(black_box(t.as_bytes()), None, None).map(|d| d.blocks.len())),
        );
    }
    g.finish();
}

fn first_frame(c: &mut Criterion) {
    let mut g = c.benchmark_group("first_frame_120x40");
    g.sample_size(10);
    for (name, text) in [
        ("sample", SAMPLE.to_string()),
        ("10MB", article_of(10 << 20)),
    ] {
        g.bench_with_input(BenchmarkId::from_parameter(name), &text, |b, t| {
            b.iter(|| {
                let doc = open(t.as_bytes(), Some("a.txt"), None).expect("opens");
                let mut app = App::new(doc, "a.txt", Config::default(), &[]);
                app.resize(120, 40);
                let mut term = Terminal::new(TestBackend::new(120, 40)).expect("backend");
                term.draw(|f| f.render_widget(&mut app, f.area()))
                    .expect("draw");
                black_box(term.backend().buffer().area.width)
            })
        });
    }
    g.finish();
}

fn redraw(c: &mut Criterion) {
    let doc = open(article_of(50 << 20).as_bytes(), Some("big.txt"), None).expect("opens");
    let mut app = App::new(doc, "big.txt", Config::default(), &[]);
    app.resize(200, 60);
    // with the sidebar filled, as the reader has it once the analysis is done
    app.set_sources(Sources::analyze(&app.doc));
    let mut term = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    let mut g = c.benchmark_group("redraw_200x60_50MB");
    for (pos, keys) in [("top", "g"), ("middle", "g"), ("bottom", "G")] {
        app.press(keys).expect("keys");
        if pos == "middle" {
            let half = app.doc.blocks.len() / 2;
            app.scroll_to_text(half, 0);
        }
        g.bench_function(pos, |b| {
            b.iter(|| {
                app.press("j").expect("keys");
                app.press("k").expect("keys");
                term.draw(|f| f.render_widget(&mut app, f.area()))
                    .expect("draw");
            })
        });
    }
    g.finish();
}

criterion_group!(benches, ingest, first_frame, redraw);
criterion_main!(benches);
