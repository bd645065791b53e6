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
//! Instructions per frame = the total callgrind reports / `N` (default 100).

use hearsay::tui::App;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;

#[path = "../benches/common/sample_app.rs"]
mod sample_app;

/// Draws `n` fresh frames (cleared first, so the diff cannot skip unchanged cells).
#[inline(never)]
fn draw_frames(app: &mut App, terminal: &mut Terminal<TestBackend>, n: usize) {
    for _ in 0..n {
        terminal.clear().expect("clear");
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
    draw_frames(&mut app, &mut terminal, n);
    println!("{n} frames at {w}x{h}");
}
