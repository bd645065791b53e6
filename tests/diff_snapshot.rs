//! Snapshots of highlighted texts (`hearsay::diff::snapshot`): kept compressed, once per
//! text, only for articles with highlights, and compared with the current text when it
//! changed.

use hearsay::diff::ChangeKind;
use hearsay::diff::snapshot::{self, SnapshotError};
use hearsay::document::ingest;
use std::fs;

const BASE: &str = include_str!("fixtures/diff/lighthouse.txt");

fn highlights_file(dir: &std::path::Path, sha256: &str, highlights: usize) -> std::path::PathBuf {
    let path = dir.join("article.txt.hearsay.toml");
    let mut toml =
        format!("version = 1\n\n[article]\nsource = \"article.txt\"\nsha256 = \"{sha256}\"\n");
    for i in 0..highlights {
        toml.push_str(&format!(
            "\n[[highlight]]\nid = \"h{i}\"\nkind = \"passage\"\nstart = 0\nend = 10\ntext = \"Lighthouse\"\n"
        ));
    }
    fs::write(&path, toml).expect("write the highlights file");
    path
}

#[test]
fn a_snapshot_round_trips_compressed_and_is_written_once() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("snapshots");
    let doc = ingest(BASE.repeat(4));
    assert!(snapshot::save_in(&dir, &doc).expect("saved"));
    assert!(
        !snapshot::save_in(&dir, &doc).expect("already there"),
        "written twice"
    );
    let sha = hearsay::annotations::store::content_hash(&doc);
    let path = snapshot::path_in(&dir, &sha);
    let packed = fs::metadata(&path).expect("the snapshot file").len() as usize;
    assert!(
        packed < doc.source.len() / 2,
        "{packed} bytes for {}",
        doc.source.len()
    );
    assert_eq!(
        snapshot::load_in(&dir, &sha).expect("read"),
        Some(doc.source.clone())
    );
    assert_eq!(
        snapshot::load_in(&dir, &"0".repeat(64)).expect("none"),
        None
    );
    // no temporary file is left behind
    let names: Vec<_> = fs::read_dir(&dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn a_damaged_snapshot_is_an_error_that_names_the_file() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let sha = "ab".repeat(32);
    fs::write(snapshot::path_in(tmp.path(), &sha), b"not zstd at all").expect("write");
    let err = snapshot::load_in(tmp.path(), &sha).expect_err("damaged");
    assert!(matches!(err, SnapshotError::Io { .. }), "{err:?}");
    assert!(err.to_string().contains(&format!("{sha}.zst")), "{err}");
}

#[test]
fn only_articles_with_highlights_are_remembered() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("snapshots");
    let doc = ingest(BASE.to_string());
    let sha = hearsay::annotations::store::content_hash(&doc);
    let none = tmp.path().join("missing.toml");
    assert!(!snapshot::remember_in(&dir, &doc, &none).expect("no file, nothing to do"));
    let empty = highlights_file(tmp.path(), &sha, 0);
    assert!(!snapshot::remember_in(&dir, &doc, &empty).expect("no highlights"));
    assert!(!dir.exists());
    let with = highlights_file(tmp.path(), &sha, 2);
    assert!(snapshot::remember_in(&dir, &doc, &with).expect("remembered"));
    assert!(snapshot::path_in(&dir, &sha).exists());
}

#[test]
fn a_changed_text_is_compared_with_the_one_highlighted() {
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let dir = tmp.path().join("snapshots");
    let old = ingest(BASE.to_string());
    let old_sha = hearsay::annotations::store::content_hash(&old);
    let file = highlights_file(tmp.path(), &old_sha, 1);
    // first session: highlights saved on the old text, its snapshot kept
    let first = snapshot::at_open_in(&dir, &old, &file);
    assert!(
        first.since.is_none() && first.problem.is_none(),
        "{first:?}"
    );
    assert!(snapshot::path_in(&dir, &old_sha).exists());

    // the article was edited: the highlights file still names the old text
    let new = ingest(BASE.replacen(
        "An official involved in the hiring said",
        "Personnel chief Greta Holm said",
        1,
    ));
    let seen = snapshot::at_open_in(&dir, &new, &file);
    assert!(seen.problem.is_none(), "{:?}", seen.problem);
    let d = seen.since.expect("the text changed");
    assert!(
        d.changes.iter().any(|c| c.kind == ChangeKind::SourceNamed),
        "{:#?}",
        d.changes
    );
    assert_eq!(d.summary, "1 source now named, 1 paragraph edited");
    // and the new text is kept too, for the next change
    let new_sha = hearsay::annotations::store::content_hash(&new);
    assert!(snapshot::path_in(&dir, &new_sha).exists());

    // without the earlier snapshot there is nothing to compare
    fs::remove_file(snapshot::path_in(&dir, &old_sha)).expect("remove");
    assert!(snapshot::at_open_in(&dir, &new, &file).since.is_none());
}
