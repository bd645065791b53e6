//! The analysis benchmark's work (`benches/analysis.rs`: ingest + attribution of one text)
//! done `N` times in one function, so a profiler can count its instructions alone while
//! other work loads the machine:
//!
//! ```text
//! cargo build --release --example analysis_probe
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='*ingest_and_analyze*' \
//!     target/release/examples/analysis_probe FILE [N]
//! ```
//!
//! Instructions per run = the total callgrind reports / `N` (default 1). Each run
//! prints its wall time and the page faults it took (fresh memory from the system).

use std::hint::black_box;

/// Ingests and analyses `text` `n` times, dropping each result (as the benchmark does).
#[inline(never)]
fn ingest_and_analyze(text: &[u8], n: usize) {
    for _ in 0..n {
        let (t, faults) = (std::time::Instant::now(), minor_faults());
        let doc = hearsay::document::ingest_bytes(black_box(text)).expect("a UTF-8 text");
        let t1 = t.elapsed();
        let a = black_box(hearsay::attribution::analyze(&doc));
        let t2 = t.elapsed();
        drop(a);
        drop(doc);
        let t3 = t.elapsed();
        let ms = |d: std::time::Duration| d.as_secs_f64() * 1e3;
        eprintln!(
            "{:.1} ms (ingest {:.1}, analysis {:.1}, drop {:.1}), {} page faults",
            ms(t3),
            ms(t1),
            ms(t2 - t1),
            ms(t3 - t2),
            minor_faults() - faults
        );
    }
}

/// Page faults the process has taken so far (served without reading a file).
fn minor_faults() -> i64 {
    // SAFETY: getrusage only writes the struct it is given
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: as above; RUSAGE_SELF is always valid
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut u) };
    u.ru_minflt
}

fn main() {
    let mut args = std::env::args().skip(1);
    let path = args.next().expect("usage: analysis_probe FILE [N]");
    let n = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let text = std::fs::read(&path).expect("read the file");
    ingest_and_analyze(&text, n);
}
