//! Resident memory after each stage of opening an article (ingest, analysis, reader layout),
//! read from /proc/self/status: `cargo run --release --example mem_probe -- FILE`.

fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap();
    s.lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .collect::<Vec<_>>()
        .join(" ")
}
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    println!("read: {}", rss());
    let doc = hearsay::document::open(&bytes, Some(&path), None).unwrap();
    drop(bytes);
    println!("ingest: {} blocks={}", rss(), doc.blocks.len());
    let a = hearsay::attribution::analyze(&doc);
    println!(
        "analyze: {} quotes={} claims={} speakers={}",
        rss(),
        a.quotes.len(),
        a.claims.len(),
        a.speakers.len()
    );
    let mut app = hearsay::tui::App::new(doc, "x", hearsay::config::Config::default(), &[]);
    println!("app: {}", rss());
    app.resize(200, 60);
    println!("resize: {}", rss());
    drop(a);
}
