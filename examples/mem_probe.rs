//! Resident memory after each stage of opening an article the way the reader does (decode
//! and ingest, highlights store, layout, analysis, sidebar), read from /proc/self/status:
//! `cargo run --release --example mem_probe -- FILE`.

use std::sync::Arc;

#[cfg(all(target_os = "linux", target_env = "gnu"))]
unsafe extern "C" {
    /// glibc: gives freed heap memory back to the system, so the second figure shows what
    /// is live rather than what the allocator holds on to.
    fn malloc_trim(pad: usize) -> i32;
}

fn trim() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only releases free memory; it has no preconditions
    unsafe {
        malloc_trim(0);
    }
}

fn rss(stage: &str) {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        s.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1))
            .unwrap_or("?")
            .to_string()
    };
    let before = kb("VmRSS");
    trim();
    let s2 = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let after = s2
        .lines()
        .find(|l| l.starts_with("VmRSS"))
        .and_then(|l| l.split_whitespace().nth(1))
        .unwrap_or("?")
        .to_string();
    println!(
        "{stage:>10}: rss {before} kB, trimmed {after} kB, peak {} kB",
        kb("VmHWM")
    );
}

fn main() {
    use hearsay::annotations::{Origin, Store};
    use hearsay::tui::{App, Sources};
    let path = std::env::args().nth(1).expect("usage: mem_probe FILE");
    let bytes = std::fs::read(&path).expect("read the file");
    rss("read");
    let doc = Arc::new(hearsay::document::open_owned(bytes, Some(&path), None).expect("open"));
    rss("ingest");
    let origin = Origin::File(path.clone().into());
    let store = Store::open(&doc, &origin, None);
    let reading = store
        .as_ref()
        .ok()
        .and_then(|s| hearsay::tui::highlights::reading_store_for(&doc, &origin, s));
    rss("stores");
    let mut app = App::new(
        Arc::clone(&doc),
        "x",
        hearsay::config::Config::default(),
        &[],
    );
    app.attach_highlights(store);
    if let Some(r) = reading {
        app.attach_reading_store(r);
    }
    app.resize(200, 60);
    rss("layout");
    let d = Arc::clone(&doc);
    let sources = std::thread::spawn(move || {
        let a = hearsay::attribution::analyze(&d);
        rss("analysis");
        Sources::from_analysis(a)
    })
    .join()
    .expect("analysis thread");
    rss("sources");
    app.set_sources(sources);
    rss("reader");
}
