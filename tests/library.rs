//! The library on small corpora: indexing and re-indexing only what changed, moved files
//! keeping their analysis, interrupted runs resuming, two writers at once, a broken
//! database rebuilt, the speakers index (name variants merged, namesakes kept apart), search
//! with fields, and highlights and reading progress read from the highlights files.
//!
//! Every test keeps its database and files in a temporary folder, never the developer's.

mod common;

use common::corpus;
use hearsay::annotations::store::{Location, LocationKind, NewHighlight, Origin, Store};
use hearsay::library::people::{self, person_key};
use hearsay::library::{Corrections, Library, Progress, Query, articles};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

struct Fixture {
    _dir: tempfile::TempDir,
    root: PathBuf,
    db: PathBuf,
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("news");
    corpus::write_small(&root);
    let db = dir.path().join("data").join("library.sqlite");
    let root = root.canonicalize().unwrap();
    Fixture {
        _dir: dir,
        root,
        db,
    }
}

fn open(f: &Fixture) -> Library {
    Library::open_at(&f.db, &f.root).unwrap()
}

fn index(lib: &mut Library) -> hearsay::library::IndexReport {
    lib.index(&AtomicBool::new(false), &|_: Progress| {})
        .unwrap()
}

fn no_highlights(lib: &Library) -> Vec<hearsay::library::ArticleEntry> {
    let empty = tempfile::tempdir().unwrap();
    lib.articles(Some(empty.path())).unwrap()
}

#[test]
fn indexes_a_folder_and_lists_its_articles() {
    let f = fixture();
    let mut lib = open(&f);
    let r = index(&mut lib);
    assert_eq!((r.files, r.analysed, r.unchanged), (4, 4, 0), "{r:?}");
    assert!(r.failed.is_empty() && !r.interrupted, "{r:?}");
    let list = no_highlights(&lib);
    let titles: Vec<&str> = list.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Ferry crews refuse night shifts after the pier collapse",
            "Tide gates fail as the storm floods the lower harbour",
            "Auditors question harbour repair costs",
            "Fish prices climb as the winter catch shrinks",
        ]
    );
    let audit = &list[2]; // sorted by path: 2025/…, 2025/…, 2026/…, notes/…
    assert_eq!(audit.date.as_deref(), Some("2026-01-20"));
    assert_eq!(audit.publication.as_deref(), Some("The Harbor Ledger"));
    assert!(audit.quotes >= 1 && audit.speakers >= 2, "{audit:?}");
    assert!(audit.unnamed >= 1, "the anonymous source counts: {audit:?}");
    assert!(audit.unnamed_share().unwrap() > 0.0);
}

#[test]
fn reindexes_only_what_changed_and_a_moved_file_keeps_its_analysis() {
    let f = fixture();
    let mut lib = open(&f);
    index(&mut lib);
    let r = index(&mut lib);
    assert_eq!((r.unchanged, r.analysed, r.relinked), (4, 0, 0), "{r:?}");

    // a changed file is analysed again, the others are not opened
    let tide = f.root.join("2025/tide.txt");
    let mut text = std::fs::read_to_string(&tide).unwrap();
    text.push_str("\n“The shelters stay open,” Okonkwo said.\n");
    std::fs::write(&tide, text).unwrap();
    let r = index(&mut lib);
    assert_eq!((r.unchanged, r.analysed), (3, 1), "{r:?}");

    // touched but not changed: hashed, not analysed
    let f2 = std::fs::File::options()
        .write(true)
        .open(f.root.join("notes/market.txt"))
        .unwrap();
    f2.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
        .unwrap();
    let r = index(&mut lib);
    assert_eq!((r.analysed, r.relinked), (0, 1), "{r:?}");

    // moved: linked to the analysis it had
    std::fs::rename(f.root.join("notes/market.txt"), f.root.join("market.txt")).unwrap();
    let r = index(&mut lib);
    assert_eq!((r.analysed, r.relinked, r.removed), (0, 1, 1), "{r:?}");
    let list = no_highlights(&lib);
    assert!(list.iter().any(|a| a.path == f.root.join("market.txt")));
    assert_eq!(list.len(), 4);

    // deleted: gone from the list, the search and the speakers index
    std::fs::remove_file(f.root.join("market.txt")).unwrap();
    let r = index(&mut lib);
    assert_eq!(r.removed, 1);
    assert_eq!(no_highlights(&lib).len(), 3);
    let q = Query::parse("speaker:Marchetti").unwrap();
    assert!(lib.search(&q, 10).unwrap().is_empty());
    let people = lib.people(&Corrections::default()).unwrap();
    assert!(people.iter().all(|p| p.name != "Lucia Marchetti"));
}

#[test]
fn the_speakers_index_merges_variants_and_keeps_namesakes_apart() {
    let f = fixture();
    let mut lib = open(&f);
    index(&mut lib);
    let people = lib.people(&Corrections::default()).unwrap();
    let mara: Vec<_> = people
        .iter()
        .filter(|p| p.variants.iter().any(|v| v.contains("Mara")))
        .collect();
    assert_eq!(mara.len(), 1, "{people:#?}");
    let mara = mara[0];
    assert_eq!(mara.articles, 3, "{mara:?}");
    assert!(
        mara.variants.iter().any(|v| v == "Mara T. Okonkwo"),
        "{mara:?}"
    );
    let jonas: Vec<_> = people.iter().filter(|p| p.name.contains("Jonas")).collect();
    assert_eq!(jonas.len(), 1);
    assert_eq!(jonas[0].articles, 1);
    assert!(!jonas[0].variants.iter().any(|v| v.contains("Mara")));

    // her words across the three articles, with article and date, oldest first
    let said = lib.statements(mara).unwrap();
    let dates: Vec<_> = said.iter().filter_map(|s| s.date.as_deref()).collect();
    let mut distinct = dates.clone();
    distinct.dedup();
    assert_eq!(
        distinct,
        ["2025-03-03", "2025-04-09", "2026-01-20"],
        "{said:#?}"
    );
    assert!(said.iter().any(|s| s.text.contains("The pier is not safe")));
    // the offset points at the words in the article as the reader opens it
    let pier = said.iter().find(|s| s.text.contains("pier")).unwrap();
    let doc = hearsay::document::open(
        &std::fs::read(&pier.path).unwrap(),
        pier.path.to_str(),
        None,
    )
    .unwrap();
    assert!(doc.source[pier.start..pier.end].contains("The pier is not safe"));
}

#[test]
fn corrections_merge_and_split_people() {
    let f = fixture();
    let mut lib = open(&f);
    index(&mut lib);
    let mut c = Corrections::default();
    c.add_merge(vec!["Jonas Okonkwo".into(), "Mara Okonkwo".into()]);
    let people = lib.people(&c).unwrap();
    let okonkwos: Vec<_> = people
        .iter()
        .filter(|p| p.name.contains("Okonkwo"))
        .collect();
    assert_eq!(okonkwos.len(), 1);
    assert_eq!(okonkwos[0].articles, 3);
    let mut c = Corrections::default();
    c.add_split("Mara T. Okonkwo".into(), vec![]);
    let people = lib.people(&c).unwrap();
    let maras: Vec<_> = people.iter().filter(|p| p.name.contains("Mara")).collect();
    assert_eq!(maras.len(), 2, "{maras:#?}");
}

#[test]
fn search_finds_words_phrases_and_fields() {
    let f = fixture();
    let mut lib = open(&f);
    index(&mut lib);
    let search = |q: &str| lib.search(&Query::parse(q).unwrap(), 50).unwrap();
    let hits = search("\"tide gates\"");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.path.ends_with("2025/tide.txt")));
    assert!(
        hits[0]
            .snippet_bracketed()
            .to_lowercase()
            .contains("[tide gates]"),
        "{hits:?}"
    );

    let hits = search("speaker:Okonkwo");
    let mut files: Vec<_> = hits.iter().map(|h| h.path.clone()).collect();
    files.sort();
    files.dedup();
    assert_eq!(files.len(), 3, "{hits:#?}");

    let hits = search("speaker:\"Jonas Okonkwo\"");
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("Nobody should cross"));

    let hits = search("kind:anonymous");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(hits[0].path.ends_with("2026/audit.html"));

    let hits = search("speaker:Okonkwo publication:\"harbor ledger\"");
    assert!(!hits.is_empty());
    assert!(
        hits.iter()
            .all(|h| h.publication.as_deref() == Some("The Harbor Ledger"))
    );

    let hits = search("publication:Northgate");
    assert_eq!(hits.len(), 1);
    assert!(search("zeppelin").is_empty());
    // FTS5 operators typed by the user are words, not syntax (no error, no surprise)
    assert!(search("NEAR(tide gates) OR *").is_empty());
}

#[test]
fn an_interrupted_index_keeps_its_work_and_the_next_run_resumes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    corpus::write_corpus(&root, 60, 3_000);
    let db = dir.path().join("library.sqlite");
    let mut lib = Library::open_at(&db, &root).unwrap();
    let cancel = AtomicBool::new(false);
    let seen = AtomicUsize::new(0);
    let r = lib
        .index(&cancel, &|p: Progress| {
            if p.done >= 10 {
                cancel.store(true, Ordering::Relaxed);
            }
            seen.fetch_max(p.done, Ordering::Relaxed);
        })
        .unwrap();
    assert!(r.interrupted, "{r:?}");
    let kept = no_highlights(&lib).len();
    assert!((10..60).contains(&kept), "{kept} kept");
    let r = index(&mut lib);
    assert!(!r.interrupted);
    assert_eq!(r.unchanged, kept, "{r:?}");
    assert_eq!(r.analysed + r.relinked, 60 - kept, "{r:?}");
    assert_eq!(no_highlights(&lib).len(), 60);
}

#[test]
fn two_writers_on_one_library_wait_for_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    corpus::write_corpus(&root, 40, 3_000);
    let db = dir.path().join("library.sqlite");
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let (db, root) = (db.clone(), root.clone());
            std::thread::spawn(move || {
                let mut lib = Library::open_at(&db, &root).unwrap();
                lib.index(&AtomicBool::new(false), &|_: Progress| {})
                    .unwrap()
            })
        })
        .collect();
    for r in runs {
        let r = r.join().unwrap();
        assert!(r.failed.is_empty() && !r.interrupted, "{r:?}");
    }
    let lib = Library::open_at(&db, &root).unwrap();
    assert_eq!(no_highlights(&lib).len(), 40);
    assert!(lib.notice().is_none());
}

#[test]
fn a_corrupt_database_is_moved_aside_and_rebuilt() {
    let f = fixture();
    std::fs::create_dir_all(f.db.parent().unwrap()).unwrap();
    std::fs::write(
        &f.db,
        b"this is not a database, it is a shopping list\n".repeat(200),
    )
    .unwrap();
    let mut lib = open(&f);
    let notice = lib.notice().unwrap().to_string();
    assert!(
        notice.contains("moved to") && notice.contains("rebuilt") || notice.contains("built"),
        "{notice}"
    );
    let r = index(&mut lib);
    assert_eq!(r.analysed, 4);
}

#[test]
fn broken_files_are_reported_and_not_retried_until_they_change() {
    let f = fixture();
    std::fs::write(f.root.join("empty.txt"), b"").unwrap();
    std::fs::write(
        f.root.join("binary.txt"),
        [0u8, 159, 146, 150, 0, 1, 2, 3].repeat(64),
    )
    .unwrap();
    let mut lib = open(&f);
    let r = index(&mut lib);
    assert_eq!(r.analysed, 4);
    assert_eq!(r.failed.len(), 2, "{r:?}");
    let r = index(&mut lib);
    assert_eq!((r.failed.len(), r.unchanged), (0, 6), "{r:?}");
}

#[test]
fn highlights_and_reading_progress_come_from_the_highlights_files() {
    let f = fixture();
    let mut lib = open(&f);
    index(&mut lib);
    let tide = f.root.join("2025/tide.txt");
    let doc = std::sync::Arc::new(
        hearsay::document::open(&std::fs::read(&tide).unwrap(), tide.to_str(), None).unwrap(),
    );
    let loc = Location {
        path: hearsay::annotations::store::sidecar_path(&tide),
        kind: LocationKind::Sidecar,
    };
    let mut store = Store::open_at(&doc, &Origin::File(tide.clone()), loc);
    let at = doc.source.find("We were told").unwrap();
    store.add(NewHighlight::passage(at..at + 20)).unwrap();
    store.set_reading(doc.source.len() / 2);
    store.save().unwrap();
    let mut list = lib
        .articles(Some(Path::new("/nonexistent-hearsay-dir")))
        .unwrap();
    assert!(
        list.iter().all(|a| a.highlights == 0),
        "a configured folder is used alone"
    );
    let empty = tempfile::tempdir().unwrap();
    articles::fill_annotations(&mut list, None, Some(empty.path()));
    let entry = list.iter().find(|a| a.path == tide).unwrap();
    assert_eq!(entry.highlights, 1);
    let read = entry.read.unwrap();
    assert!((40..=60).contains(&read), "{read}");
}

#[test]
fn a_generated_corpus_never_merges_namesakes() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    corpus::write_corpus(&root, 80, 2_500);
    let mut lib = Library::open_at(&dir.path().join("db.sqlite"), &root).unwrap();
    let r = index(&mut lib);
    assert_eq!(r.analysed, 80, "{r:?}");
    let people = lib.people(&Corrections::default()).unwrap();
    for p in &people {
        if p.kind != "person" {
            continue;
        }
        // every variant of one person has the same first name and surname
        let keys: Vec<_> = p.variants.iter().map(|v| person_key(v)).collect();
        assert!(keys.windows(2).all(|w| w[0] == w[1]), "{p:?}");
    }
    // each fictional person who speaks is one row, however they were named
    for (full, middle, _) in corpus::PEOPLE {
        let rows = people::find(&people, full);
        assert!(rows.len() <= 1, "{full}: {rows:?}");
        if let Some(p) = rows.first() {
            assert!(p.variants.iter().all(|v| v == full || v == middle), "{p:?}");
        }
    }
}

/// The full-text index is written a batch at a time (not by triggers): after new, changed,
/// removed and re-analysed articles it still matches the passages exactly (FTS5's own
/// integrity check, which compares it with the content table), and searches find the new
/// words and not the old ones.
#[test]
fn the_full_text_index_follows_every_kind_of_change() {
    let f = fixture();
    let check = |f: &Fixture| {
        let conn = rusqlite::Connection::open(&f.db).unwrap();
        conn.execute(
            "INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .unwrap();
        let (passages, indexed): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM passages), (SELECT count(*) FROM passages_fts)",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert_eq!(passages, indexed);
    };
    let found = |lib: &Library, q: &str| lib.search(&Query::parse(q).unwrap(), 10).unwrap().len();
    let mut lib = open(&f);
    index(&mut lib);
    check(&f);
    assert!(found(&lib, "brinewater") == 0);

    let tide = f.root.join("2025/tide.txt");
    let old = std::fs::read_to_string(&tide).unwrap();
    std::fs::write(
        &tide,
        old.replace("harbour", "estuary") + "\nThe brinewater pumps stay open.\n",
    )
    .unwrap();
    std::fs::remove_file(f.root.join("notes/market.txt")).unwrap();
    index(&mut lib);
    check(&f);
    assert!(found(&lib, "brinewater") == 1);
    assert_eq!(found(&lib, "\"winter catch\""), 0, "the removed article");

    // an analysis made by an older version is replaced in place
    {
        let conn = rusqlite::Connection::open(&f.db).unwrap();
        conn.execute("UPDATE articles SET analyzer = analyzer - 1", [])
            .unwrap();
    }
    let r = index(&mut lib);
    assert_eq!(r.analysed, 3, "{r:?}");
    check(&f);
    assert_eq!(no_highlights(&lib).len(), 3);
    assert!(found(&lib, "brinewater") == 1);
    let conn = rusqlite::Connection::open(&f.db).unwrap();
    let stale: i64 = conn
        .query_row(
            "SELECT count(*) FROM articles WHERE hash LIKE 'stale:%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stale, 0);
    // the check does fail on a passage the full-text index lacks
    conn.execute(
        "INSERT INTO passages(article, start, body, speakers, kinds)
         SELECT article, 0, 'a lone passage', '', '' FROM passages LIMIT 1",
        [],
    )
    .unwrap();
    assert!(
        conn.execute(
            "INSERT INTO passages_fts(passages_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .is_err()
    );
}
