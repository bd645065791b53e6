//! The reader's per-key work with highlights: one redraw at 200x60 of the sample with every
//! quote and claim highlighted (half with notes) and every other sentence highlighted as a
//! passage, and a scroll key (which also remembers the reading position) plus its redraw.
//!
//! `cargo bench --bench highlights_redraw`

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::annotations::{Location, LocationKind, Origin, Store};
use hearsay::config::Config;
use hearsay::document::open;
use hearsay::tui::{App, Sources};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

fn app(dir: &std::path::Path) -> App {
    let doc = open(
        include_bytes!("../assets/sample.txt"),
        Some("sample.txt"),
        None,
    )
    .expect("the sample opens");
    let store = Store::open_at(
        &doc,
        &Origin::File("sample.txt".into()),
        Location {
            path: dir.join("sample.txt.hearsay.toml"),
            kind: LocationKind::Sidecar,
        },
    );
    let sources = Sources::analyze(&doc);
    let stops = sources.stops.len();
    let mut app = App::new(doc, "sample.txt", Config::default(), &[]);
    app.attach_highlights(Ok(store));
    app.set_sources(sources);
    app.resize(200, 60);
    for i in 0..stops {
        app.press("] h").expect("keys");
        if i % 2 == 0 {
            app.press("a n o t e ctrl-s").expect("keys");
        }
    }
    app.press("g").expect("keys");
    for _ in 0..app.reader.page.lines.len() / 2 {
        app.press("j j h").expect("keys");
    }
    app.press("g ] ]").expect("keys");
    app
}

fn redraw(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app(dir.path());
    let n = app.marks.store.as_ref().map_or(0, |s| s.highlights().len());
    eprintln!("{n} highlights");
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("redraw 200x60 with highlights", |b| {
        b.iter(|| {
            terminal.clear().expect("clear");
            terminal
                .draw(|f| f.render_widget(black_box(&mut app), f.area()))
                .expect("draw");
        })
    });
    let mut app = self::app(dir.path());
    c.bench_function("key j + redraw 200x60 with highlights", |b| {
        b.iter(|| {
            app.press("j").expect("key");
            terminal
                .draw(|f| f.render_widget(black_box(&mut app), f.area()))
                .expect("draw");
        })
    });
}

criterion_group!(benches, redraw);
criterion_main!(benches);
