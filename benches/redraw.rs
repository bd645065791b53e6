//! One redraw of the reader at 200x60 with the sample article analysed, the sidebar open, a
//! quote marked and a search active (the work done after every key press), and a key press
//! plus its redraw (`]` in the article, `j`/`k` in the speakers list).
//!
//! `cargo bench --bench redraw`

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::tui::App;
use hearsay::tui::page::Page;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

#[path = "common/sample_app.rs"]
mod sample_app;

fn app() -> App {
    sample_app::sample_app(200, 60)
}

fn redraw(c: &mut Criterion) {
    let mut app = app();
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).expect("backend");
    c.bench_function("redraw 200x60", |b| {
        b.iter(|| {
            // a fresh frame each time: clear so the diff cannot skip unchanged cells
            terminal.clear().expect("clear");
            terminal
                .draw(|f| f.render_widget(black_box(&mut app), f.area()))
                .expect("draw");
        })
    });
    c.bench_function("baseline: empty frame 200x60", |b| {
        b.iter(|| {
            terminal.clear().expect("clear");
            terminal
                .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
                .expect("draw");
        })
    });
    let mut app = self::app();
    c.bench_function("key ] + redraw 200x60", |b| {
        b.iter(|| {
            app.press("]").expect("key");
            terminal
                .draw(|f| f.render_widget(black_box(&mut app), f.area()))
                .expect("draw");
        })
    });
    // the speakers list: each speaker's name and role wrapped to the box, the list scrolled
    // to keep the selection whole
    let mut app = self::app();
    app.press("tab").expect("keys");
    let mut down = true;
    c.bench_function("key j/k in the speakers list + redraw 200x60", |b| {
        b.iter(|| {
            if app.sidebar.speaker_sel + 1 >= app.sources.speakers.len() {
                down = false;
            } else if app.sidebar.speaker_sel == 0 {
                down = true;
            }
            app.press(if down { "j" } else { "k" }).expect("key");
            terminal
                .draw(|f| f.render_widget(black_box(&mut app), f.area()))
                .expect("draw");
        })
    });
    c.bench_function("lay out the sample at 78 columns", |b| {
        b.iter(|| black_box(Page::build(black_box(&app.doc), 78)).lines.len())
    });
}

criterion_group!(benches, redraw);
criterion_main!(benches);
