//! The library on 10,000 generated articles (about 200 MB, fictional, from
//! `tests/common/corpus.rs`): re-open with nothing changed (database open + the list the
//! library view shows first), one changed file re-indexed, searches, the speakers index.
//!
//! The corpus and its database are made once in `target/library-bench/` (the first index
//! is timed then and printed, with the process's peak memory; `HEARSAY_BENCH_ARTICLES`
//! changes the count). The first index of the 10k corpus is better measured with the real
//! binary: `scripts/library_bench.sh` (see README).

#[path = "../tests/common/corpus.rs"]
#[allow(dead_code)]
mod corpus;

use criterion::{Criterion, criterion_group, criterion_main};
use hearsay::library::{Corrections, Library, Progress, Query};
use hearsay::tui::library::{LibraryView, draw};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::atomic::AtomicBool;
use std::time::Instant;

struct Setup {
    root: PathBuf,
    db: PathBuf,
    empty: PathBuf,
    changed: PathBuf,
}

fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn setup() -> Setup {
    let n: usize = std::env::var("HEARSAY_BENCH_ARTICLES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000);
    let base = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/library-bench");
    let root = base.join(format!("corpus-{n}"));
    let marker = root.join(".complete");
    if !marker.exists() {
        let _ = std::fs::remove_dir_all(&root);
        let t = Instant::now();
        let paths = corpus::write_corpus(&root, n, 20_000);
        let bytes: u64 = paths
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len()))
            .sum();
        std::fs::write(&marker, "").unwrap();
        eprintln!(
            "corpus: {n} articles, {:.1} MB, written in {:.1} s",
            bytes as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }
    let db = base.join(format!("library-{n}.sqlite"));
    if !db.exists() {
        let t = Instant::now();
        let mut lib = Library::open_at(&db, &root).unwrap();
        let r = lib
            .index(&AtomicBool::new(false), &|_: Progress| {})
            .unwrap();
        eprintln!(
            "first index: {} articles ({} analysed, {} failed) in {:.2} s on {} threads; peak memory {} kB",
            r.files,
            r.analysed,
            r.failed.len(),
            t.elapsed().as_secs_f64(),
            rayon::current_num_threads(),
            peak_kib()
        );
    }
    let empty = base.join("no-highlights");
    std::fs::create_dir_all(&empty).unwrap();
    let changed = root.join("batch-000/story-00001.txt");
    Setup {
        root,
        db,
        empty,
        changed,
    }
}

fn library(c: &mut Criterion) {
    let s = setup();
    c.bench_function("library/reopen_and_list", |b| {
        b.iter(|| {
            let lib = Library::open_at(&s.db, &s.root).unwrap();
            black_box(lib.articles(Some(&s.empty)).unwrap().len())
        })
    });
    // what the library view does before its first frame: open, list, lay out, draw
    c.bench_function("library/reopen_to_first_frame_120x40", |b| {
        b.iter(|| {
            let lib = Library::open_at(&s.db, &s.root).unwrap();
            let mut view = LibraryView::new(
                lib.root().to_path_buf(),
                lib.articles(Some(&s.empty)).unwrap(),
            );
            let area = Rect::new(0, 0, 120, 40);
            let mut buf = Buffer::empty(area);
            draw::draw(&mut view, area, &mut buf);
            black_box(buf.area.width)
        })
    });
    let original = std::fs::read_to_string(&s.changed).unwrap();
    let mut lib = Library::open_at(&s.db, &s.root).unwrap();
    let mut flip = false;
    let mut rewritten = false;
    c.bench_function("library/reindex_one_changed", |b| {
        b.iter(|| {
            flip = !flip;
            rewritten = true;
            let text = if flip {
                format!("{original}\n“One more line,” Mara Okonkwo said.\n")
            } else {
                original.clone()
            };
            std::fs::write(&s.changed, text).unwrap();
            let r = lib
                .index(&AtomicBool::new(false), &|_: Progress| {})
                .unwrap();
            assert_eq!(r.analysed + r.relinked, 1, "{r:?}");
        })
    });
    // the corpus is only written when that benchmark ran (a filtered run may use a
    // corpus it must not touch)
    if rewritten {
        std::fs::write(&s.changed, &original).unwrap();
    }
    lib.index(&AtomicBool::new(false), &|_: Progress| {})
        .unwrap();
    for q in [
        "lighthouse",
        "\"night shift\"",
        "speaker:Okonkwo",
        "speaker:\"Priya Castellane\" budget",
        "kind:anonymous audit",
        "publication:\"Fenwick Herald\" flood",
    ] {
        let query = Query::parse(q).unwrap();
        c.bench_function(&format!("library/search {q}"), |b| {
            b.iter(|| black_box(lib.search(&query, 50).unwrap().len()))
        });
    }
    c.bench_function("library/speakers_index", |b| {
        b.iter(|| black_box(lib.people(&Corrections::default()).unwrap().len()))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = library
}
criterion_main!(benches);
