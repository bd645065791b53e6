//! The redraw benchmark's frame (`benches/redraw.rs`: the sample analysed, 200x60, sidebar
//! open, a quote marked, a search on) drawn `N` times in one function, so a profiler can
//! count the instructions of a frame alone while other work loads the machine:
//!
//! ```text
//! cargo build --release --example redraw_probe
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*draw_frames*' \
//!     target/release/examples/redraw_probe [N] [WIDTHxHEIGHT]
//! ```
//!
//! Instructions per frame = the total callgrind reports / `N` (default 100). With a third
//! argument, a key (`]`), each frame follows that key press and is drawn over the last
//! one (the benchmark's `key ] + redraw`).

use hearsay::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

#[path = "../benches/common/sample_app.rs"]
mod sample_app;

/// Draws `n` fresh frames (cleared first, so the diff cannot skip unchanged cells), or
/// `n` frames each after pressing `key`.
#[inline(never)]
fn draw_frames(app: &mut App, terminal: &mut Terminal<TestBackend>, n: usize, key: Option<&str>) {
    for _ in 0..n {
        match key {
            Some(k) => app.press(k).expect("a key"),
            None => terminal.clear().expect("clear"),
        }
        terminal
            .draw(|f| f.render_widget(black_box(&mut *app), f.area()))
            .expect("draw");
    }
}

fn main() {
    let mut args = std::env::args().skip(1);
    let n = args.next().and_then(|a| a.parse().ok()).unwrap_or(100);
    let (w, h) = args
        .next()
        .and_then(|a| {
            let (w, h) = a.split_once('x')?;
            Some((w.parse().ok()?, h.parse().ok()?))
        })
        .unwrap_or((200, 60));
    let mut app = sample_app::sample_app(w, h);
    let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
    let key = args.next();
    draw_frames(&mut app, &mut terminal, n, key.as_deref());
    println!("{n} frames at {w}x{h}");
}
