//! Highlights store: file format round trips, unknown keys, broken files, merging writers,
//! interrupted saves.

use hearsay::annotations::{
    Location, LocationKind, NewHighlight, Origin, Status, Store, StoreError, store,
};
use hearsay::document::{Document, ingest};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

const STORY: &str = "\
Harbour town votes to rebuild the old pier
By Marta Quill
March 3, 2026

PORT ELWIN — The town council voted 5 to 2 on Tuesday to rebuild the wooden pier that
collapsed in last winter's storms, ending a year of argument over its cost.

\"We will rebuild the pier, and we will do it properly this time,\" said Ines Duarte, the
council's chair, after the vote. She said the work would start in May.

Opponents said the estimate of 4.2 million crowns was too low. \"Nobody believes that
number,\" said Tomas Berg, who voted against the plan.

The harbour master, Olu Adeyemi, said fishing boats had lost a third of their mooring space
since the collapse.
";

fn doc() -> Document {
    ingest(STORY.to_string())
}

fn loc(dir: &Path) -> Location {
    Location {
        path: dir.join("story.txt.hearsay.toml"),
        kind: LocationKind::Sidecar,
    }
}

fn origin() -> Origin {
    Origin::File(PathBuf::from("story.txt"))
}

fn range_of(doc: &Document, needle: &str) -> std::ops::Range<usize> {
    let s = doc.source.find(needle).expect("needle in fixture");
    s..s + needle.len()
}

#[test]
fn add_save_reopen_keeps_everything() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.problem().is_none());
    let q = s
        .add(NewHighlight::quote(
            range_of(
                &doc,
                "We will rebuild the pier, and we will do it properly this time,",
            ),
            Some("Ines Duarte".into()),
        ))
        .unwrap();
    assert!(q.created);
    s.set_note(&q.id, "Promised before, in 2019.\nAsk for the minutes.")
        .unwrap();
    s.set_tags(
        &q.id,
        &["promise".into(), " budget ".into(), "promise".into()],
    )
    .unwrap();
    s.cycle_status(&q.id).unwrap();
    s.cycle_status(&q.id).unwrap();
    // a passage over a hard line break: text is reflowed, offsets span the break
    let p = s
        .add(NewHighlight::passage(range_of(
            &doc,
            "lost a third of their mooring space\nsince the collapse",
        )))
        .unwrap();
    s.set_reading(range_of(&doc, "Opponents").start);
    let report = s.save().unwrap();
    assert!(report.written);

    let text = std::fs::read_to_string(dir.path().join("story.txt.hearsay.toml")).unwrap();
    assert!(text.contains("version = 1"), "{text}");
    assert!(text.contains("[[highlight]]"), "{text}");
    assert!(text.contains("[reading]"), "{text}");
    assert!(text.contains("sha256 = \""), "{text}");

    let again = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(again.problem().is_none(), "{:?}", again.problem());
    assert!(again.summary().is_quiet(), "{}", again.summary());
    let h = again.get(&q.id).unwrap();
    assert_eq!(h.note, "Promised before, in 2019.\nAsk for the minutes.");
    assert_eq!(h.tags, ["promise", "budget"]);
    assert_eq!(h.status, Some(Status::Disputed));
    assert_eq!(h.speaker.as_deref(), Some("Ines Duarte"));
    assert_eq!(
        &doc.source[h.range()],
        "We will rebuild the pier, and we will do it properly this time,"
    );
    let p = again.get(&p.id).unwrap();
    assert_eq!(
        p.text,
        "lost a third of their mooring space since the collapse"
    );
    assert_eq!(p.status, None);
    assert_eq!(again.reading(), Some(range_of(&doc, "Opponents").start));
    assert_eq!(again.highlights(), s.highlights());
}

#[test]
fn unknown_keys_and_tables_survive_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let r = range_of(&doc, "Nobody believes that\nnumber,");
    std::fs::write(
        &path,
        format!(
            r#"version = 1
colour_scheme = "amber"

[article]
source = "story.txt"
sha256 = "0"
title = "Old title"
fetched = 2026-03-03T10:00:00Z

[[highlight]]
id = "keep1"
kind = "quote"
text = "Nobody believes that number,"
prefix = "was too low. \""
suffix = "\" said Tomas Berg, who voted ag"
start = {}
end = {}
speaker = "Tomas Berg"
created = 2026-03-03T10:00:00Z
updated = 2026-03-03T10:05:00Z
colour = "red"
reviewed_at = 2026-03-04T08:00:00Z

[highlight.origin]
device = "tablet"

[[bookmark]]
at = 12

[ui]
theme = "sepia"

[reading]
offset = 0
context = "Harbour town"
scroll_hint = 3
"#,
            r.start, r.end
        ),
    )
    .unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.problem().is_none(), "{:?}", s.problem());
    s.set_note("keep1", "Check the estimate").unwrap();
    s.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for kept in [
        "colour_scheme = \"amber\"",
        "fetched = 2026-03-03T10:00:00Z",
        "colour = \"red\"",
        "reviewed_at = 2026-03-04T08:00:00Z",
        "[[bookmark]]",
        "at = 12",
        "note = \"Check the estimate\"",
        "device = \"tablet\"",
        "theme = \"sepia\"",
        "scroll_hint = 3",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    // the previous version is kept as .bak
    // and what was kept still parses into the same structure
    let again: toml::Table = text.parse().unwrap();
    assert_eq!(
        again["highlight"][0]["origin"]["device"].as_str(),
        Some("tablet")
    );
    assert_eq!(again["ui"]["theme"].as_str(), Some("sepia"));
    let bak = std::fs::read_to_string(store::backup_path(&path)).unwrap();
    assert!(bak.contains("title = \"Old title\""));
}

#[test]
fn broken_file_is_reported_and_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let broken = "version = 1\n[article]\nsource = \"story.txt\"\n[[highlight]]\nid = \"a\"\nkind = \"quote\ntext = \"x\"\n";
    std::fs::write(&path, broken).unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let err = s.problem().expect("broken file is a problem");
    match err {
        StoreError::Parse {
            line,
            column,
            path: p,
            ..
        } => {
            assert_eq!(p, &path);
            assert_eq!(*line, 6);
            assert!(*column >= 8, "column {column}");
        }
        other => panic!("expected a parse error, got {other:?}"),
    }
    let msg = err.to_string();
    assert!(msg.contains("line 6"), "{msg}");
    assert!(s.is_read_only());
    let add = s.add(NewHighlight::passage(range_of(&doc, "Opponents said")));
    assert!(matches!(add, Err(StoreError::ReadOnly(_))), "{add:?}");
    s.set_reading(10);
    assert!(matches!(s.save(), Err(StoreError::ReadOnly(_))));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(!store::backup_path(&path).exists());
}

#[test]
fn schema_error_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let text = "version = 1\n[article]\nsource = \"s\"\nsha256 = \"x\"\n\n[[highlight]]\nid = \"a\"\nkind = \"rumour\"\ntext = \"x\"\nstart = 0\nend = 1\ncreated = 2026-01-01T00:00:00Z\nupdated = 2026-01-01T00:00:00Z\n";
    std::fs::write(&path, text).unwrap();
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    match s.problem() {
        Some(StoreError::Parse { line, message, .. }) => {
            assert_eq!(*line, 8, "{message}");
            assert!(
                message.contains("rumour") || message.contains("variant"),
                "{message}"
            );
        }
        other => panic!("expected parse error, got {other:?}"),
    }
}

#[test]
fn a_file_broken_by_someone_else_before_a_save_is_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    s.save().unwrap();
    std::fs::write(&path, "version = = 1\n").unwrap();
    s.add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    assert!(matches!(s.save(), Err(StoreError::ReadOnly(_))));
    assert!(s.is_read_only());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "version = = 1\n");
}

#[test]
fn newer_version_is_read_only() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    std::fs::write(&path, "version = 2\n[article]\nwhatever = true\n").unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(matches!(
        s.problem(),
        Some(StoreError::NewerVersion { version: 2, .. })
    ));
    assert!(
        s.add(NewHighlight::passage(range_of(&doc, "Opponents")))
            .is_err()
    );
}

#[test]
fn two_writers_keep_each_others_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut a = Store::open_at(&doc, &origin(), loc(dir.path()));
    let mut b = Store::open_at(&doc, &origin(), loc(dir.path()));
    let ha = a
        .add(NewHighlight::passage(range_of(
            &doc,
            "ending a year of argument",
        )))
        .unwrap();
    a.save().unwrap();
    let hb = b
        .add(NewHighlight::quote(
            range_of(&doc, "Nobody believes that\nnumber,"),
            Some("Tomas Berg".into()),
        ))
        .unwrap();
    let rep = b.save().unwrap();
    assert_eq!(rep.merged_in, 1);
    assert!(b.get(&ha.id).is_some(), "b sees a's highlight after saving");
    // a edits its note, b deletes a's highlight: a later save by a must not resurrect it
    // unless a changed it after the delete
    let hc = a
        .add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    a.save().unwrap();
    b.delete(&ha.id).unwrap();
    b.save().unwrap();
    a.set_reading(5);
    let rep = a.save().unwrap();
    assert_eq!(rep.removed, 1, "a drops the highlight b deleted");
    let c = Store::open_at(&doc, &origin(), loc(dir.path()));
    let ids: Vec<&str> = c.highlights().iter().map(|h| h.id.as_str()).collect();
    assert!(ids.contains(&hb.id.as_str()), "{ids:?}");
    assert!(ids.contains(&hc.id.as_str()), "{ids:?}");
    assert!(!ids.contains(&ha.id.as_str()), "{ids:?}");
    assert_eq!(c.reading(), Some(5));
}

#[test]
fn concurrent_edits_of_one_highlight_keep_the_newer() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut a = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = a
        .add(NewHighlight::passage(range_of(
            &doc,
            "ending a year of argument",
        )))
        .unwrap();
    a.save().unwrap();
    let mut b = Store::open_at(&doc, &origin(), loc(dir.path()));
    // b changes the note: a (not having touched it) takes b's version on its next save
    b.set_note(&h.id, "from b").unwrap();
    b.save().unwrap();
    a.add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    a.save().unwrap();
    assert_eq!(a.get(&h.id).unwrap().note, "from b");
    let c = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(c.get(&h.id).unwrap().note, "from b");
    assert_eq!(c.highlights().len(), 2);
}

#[test]
fn many_writers_in_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let words = [
        "council", "pier", "storms", "argument", "chair", "May", "estimate", "boats",
    ];
    std::thread::scope(|scope| {
        for w in words {
            let doc = &doc;
            let dir = dir.path();
            scope.spawn(move || {
                let mut s = Store::open_at(doc, &origin(), loc(dir));
                s.add(NewHighlight::passage(range_of(doc, w))).unwrap();
                s.save().unwrap();
            });
        }
    });
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(s.highlights().len(), words.len());
}

#[test]
fn leftover_temp_file_from_a_killed_save_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s
        .add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    s.save().unwrap();
    let good = std::fs::read_to_string(&path).unwrap();
    // a save killed after writing half of its temporary file
    let tmp = dir.path().join(".story.txt.hearsay.toml.tmp.999.1");
    std::fs::write(&tmp, &good[..good.len() / 2]).unwrap();
    let mut again = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(again.problem().is_none());
    assert!(again.get(&h.id).is_some());
    again.set_note(&h.id, "still here").unwrap();
    again.save().unwrap();
    assert!(
        !tmp.exists(),
        "stale temp files are cleaned up under the lock"
    );
    let after = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(after.get(&h.id).unwrap().note, "still here");
}

#[test]
fn delete_then_put_is_undo() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s
        .add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    s.save().unwrap();
    let gone = s.delete(&h.id).unwrap();
    s.save().unwrap();
    assert!(
        Store::open_at(&doc, &origin(), loc(dir.path()))
            .get(&h.id)
            .is_none()
    );
    s.put(gone).unwrap();
    s.save().unwrap();
    assert!(
        Store::open_at(&doc, &origin(), loc(dir.path()))
            .get(&h.id)
            .is_some()
    );
    // adding the same text twice gives the same highlight
    let again = s
        .add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    assert_eq!(again.id, h.id);
    assert!(!again.created);
    assert!(matches!(
        s.set_note("nope", "x"),
        Err(StoreError::UnknownId(_))
    ));
    assert!(matches!(
        s.add(NewHighlight::passage(0..0)),
        Err(StoreError::EmptyRange(_))
    ));
}

#[test]
fn sidecar_is_chosen_beside_a_writable_article_and_data_dir_for_stdin() {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("story.txt");
    let l = Location::resolve(&Origin::File(article.clone()), "abc", None).unwrap();
    assert_eq!(l.kind, LocationKind::Sidecar);
    assert_eq!(l.path, dir.path().join("story.txt.hearsay.toml"));
    let conf = dir.path().join("notes");
    let l = Location::resolve(&Origin::File(article), "abc", Some(&conf)).unwrap();
    assert_eq!(l.kind, LocationKind::Configured);
    assert_eq!(l.path, conf.join("abc.toml"));
    let l = Location::resolve(&Origin::Stdin, "abc", None).unwrap();
    assert_eq!(l.kind, LocationKind::DataDir);
    assert!(
        l.path.ends_with("hearsay/highlights/abc.toml"),
        "{}",
        l.path.display()
    );
}

#[cfg(unix)]
#[test]
fn unwritable_folder_falls_back_to_the_data_dir() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let ro = dir.path().join("ro");
    std::fs::create_dir(&ro).unwrap();
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o555)).unwrap();
    // root can write anywhere: then the sidecar is right
    let probe_ok = std::fs::write(ro.join("probe"), "").is_ok();
    let l = Location::resolve(&Origin::File(ro.join("story.txt")), "abc", None).unwrap();
    if probe_ok {
        eprintln!("running as a user who can write to read-only folders; sidecar expected");
        assert_eq!(l.kind, LocationKind::Sidecar);
    } else {
        assert_eq!(l.kind, LocationKind::DataDir);
    }
    std::fs::set_permissions(&ro, std::fs::Permissions::from_mode(0o755)).unwrap();
}

fn unicode_text() -> impl Strategy<Value = String> {
    // any characters, including control ones, quotes, backslashes and new lines
    proptest::collection::vec(any::<char>(), 0..40).prop_map(|v| v.into_iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn notes_and_tags_round_trip(note in unicode_text(), tags in proptest::collection::vec(unicode_text(), 0..4), speaker in unicode_text()) {
        let dir = tempfile::tempdir().unwrap();
        let doc = doc();
        let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
        let h = s.add(NewHighlight::claim(range_of(&doc, "the estimate of 4.2 million crowns was too low"), Some(speaker.clone()))).unwrap();
        s.set_note(&h.id, &note).unwrap();
        s.set_tags(&h.id, &tags).unwrap();
        s.save().unwrap();
        let again = Store::open_at(&doc, &origin(), loc(dir.path()));
        prop_assert!(again.problem().is_none(), "{:?}", again.problem());
        prop_assert_eq!(again.highlights(), s.highlights());
        let got = again.get(&h.id).unwrap();
        prop_assert_eq!(&got.note, note.trim_end());
        prop_assert_eq!(got.speaker.clone(), Some(speaker.clone()).filter(|s| !s.trim().is_empty()));
        prop_assert_eq!(again.to_toml(), s.to_toml());
    }
}

/// The child side of `killed_writer_leaves_a_readable_file`: saves in a loop until killed.
#[test]
#[ignore = "run as a child process by killed_writer_leaves_a_readable_file"]
fn save_loop_child() {
    let Some(dir) = std::env::var_os("HEARSAY_SAVE_LOOP") else {
        return;
    };
    let dir = PathBuf::from(dir);
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(&dir));
    let id = s
        .add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap()
        .id;
    for i in 0..200_000usize {
        s.set_note(&id, &"note ".repeat(i % 500)).unwrap();
        s.save().unwrap();
    }
}

#[test]
fn killed_writer_leaves_a_readable_file() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let keep = s
        .add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap()
        .id;
    s.save().unwrap();
    let exe = std::env::current_exe().unwrap();
    for round in 0..4u64 {
        let mut child = std::process::Command::new(&exe)
            .args([
                "save_loop_child",
                "--exact",
                "--ignored",
                "--test-threads=1",
            ])
            .env("HEARSAY_SAVE_LOOP", dir.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // wait until the child is saving (its highlight is on disk), then kill it mid-loop
        let path = dir.path().join("story.txt.hearsay.toml");
        let t0 = std::time::Instant::now();
        while !std::fs::read_to_string(&path).is_ok_and(|t| t.contains("fishing boats"))
            && t0.elapsed() < std::time::Duration::from_secs(20)
        {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        std::thread::sleep(std::time::Duration::from_millis(20 + 13 * round));
        child.kill().unwrap();
        child.wait().unwrap();
        let again = Store::open_at(&doc, &origin(), loc(dir.path()));
        assert!(
            again.problem().is_none(),
            "round {round}: {:?}",
            again.problem()
        );
        assert!(
            again.get(&keep).is_some(),
            "round {round}: lost a highlight"
        );
    }
    // and the next save works, cleaning up what the killed writer left
    s.set_note(&keep, "after the kills").unwrap();
    s.save().unwrap();
    let after = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(after.get(&keep).unwrap().note, "after the kills");
    let temps = std::fs::read_dir(dir.path())
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(".tmp.")
        })
        .count();
    assert_eq!(temps, 0);
}

#[test]
fn lookups_for_drawing_and_the_sidebar() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    // white space around the selection is trimmed off
    let r = range_of(&doc, " the estimate of 4.2 million crowns was too low. ");
    let claim = s
        .add(NewHighlight::claim(r.clone(), Some("Opponents".into())))
        .unwrap()
        .id;
    let inner = s
        .add(NewHighlight::passage(range_of(&doc, "4.2 million")))
        .unwrap()
        .id;
    let h = s.get(&claim).unwrap();
    assert_eq!(
        &doc.source[h.range()],
        "the estimate of 4.2 million crowns was too low."
    );
    assert_eq!(s.find_range(r).map(|h| h.id.as_str()), Some(claim.as_str()));
    assert!(s.find_range(range_of(&doc, "Tomas Berg")).is_none());
    // the innermost highlight wins under the cursor
    let at = range_of(&doc, "million").start;
    assert_eq!(s.at(at).map(|h| h.id.as_str()), Some(inner.as_str()));
    assert_eq!(
        s.at(range_of(&doc, "estimate").start)
            .map(|h| h.id.as_str()),
        Some(claim.as_str())
    );
    // drawing: the part of each highlight inside a block, as block text offsets
    let (_, block) = doc
        .paragraphs()
        .find(|(_, b)| b.text.contains("4.2 million"))
        .unwrap();
    let drawn: Vec<&str> = s
        .overlapping(block.range.clone())
        .filter_map(|h| h.text_range_in(block).map(|r| &block.text[r]))
        .collect();
    assert_eq!(
        drawn,
        [
            "the estimate of 4.2 million crowns was too low.",
            "4.2 million"
        ]
    );
    assert_eq!(s.get(&claim).unwrap().status, Some(Status::Unchecked));
    let before = s.cycle_status(&claim).unwrap();
    assert_eq!(before.status, Some(Status::Unchecked));
    assert_eq!(s.get(&claim).unwrap().status, Some(Status::Verified));
}

#[test]
fn repeated_ids_in_a_hand_edited_file_are_renamed_not_dropped_or_multiplied() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let a = range_of(&doc, "Opponents said");
    let b = range_of(&doc, "fishing boats");
    let entry = |r: &std::ops::Range<usize>, text: &str| {
        format!(
            "[[highlight]]\nid = \"same\"\nkind = \"passage\"\ntext = \"{text}\"\nstart = {}\nend = {}\ncreated = 2026-03-03T10:00:00Z\nupdated = 2026-03-03T10:00:00Z\n\n",
            r.start, r.end
        )
    };
    std::fs::write(
        &path,
        format!(
            "version = 1\n[article]\nsource = \"story.txt\"\n\n{}{}",
            entry(&a, "Opponents said"),
            entry(&b, "fishing boats")
        ),
    )
    .unwrap();
    for _ in 0..3 {
        let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
        assert_eq!(s.highlights().len(), 2);
        s.set_reading(1);
        s.set_reading(2);
        s.save().unwrap();
    }
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let texts: Vec<&str> = s.highlights().iter().map(|h| h.text.as_str()).collect();
    assert_eq!(texts, ["Opponents said", "fishing boats"]);
    assert_ne!(s.highlights()[0].id, s.highlights()[1].id);
}

#[cfg(unix)]
#[test]
fn a_symlinked_highlights_file_stays_a_link() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let real = dir.path().join("synced");
    std::fs::create_dir(&real).unwrap();
    let target = real.join("story.toml");
    let link = dir.path().join("story.txt.hearsay.toml");
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    // the link points at a file kept elsewhere
    std::fs::write(&target, "version = 1\n[article]\nsource = \"story.txt\"\n").unwrap();
    std::os::unix::fs::symlink(&target, &link).unwrap();
    s.save().unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&target)
            .unwrap()
            .contains("Opponents said")
    );
}

#[test]
fn reversed_offsets_in_a_hand_edited_file_are_put_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    std::fs::write(
        dir.path().join("story.txt.hearsay.toml"),
        "version = 1\n[article]\nsource = \"story.txt\"\n\n[[highlight]]\nid = \"r\"\nkind = \"passage\"\ntext = \"words nowhere in the article\"\nstart = 900\nend = 12\ncreated = 2026-03-03T10:00:00Z\nupdated = 2026-03-03T10:00:00Z\n",
    )
    .unwrap();
    let s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let h = s.get("r").unwrap();
    assert!(h.anchor.is_orphaned());
    assert!(h.start <= h.end, "{}..{}", h.start, h.end);
}

#[test]
fn reading_position_of_an_unchanged_article_is_kept_and_clamped() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let at = range_of(&doc, "Opponents").start;
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.set_reading(at);
    s.save().unwrap();
    let path = dir.path().join("story.txt.hearsay.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(&format!("offset = {at}")), "{text}");
    // the same article: the saved offset is taken as it is
    assert_eq!(
        Store::open_at(&doc, &origin(), loc(dir.path())).reading(),
        Some(at)
    );
    // a hand-edited offset past the end is clamped to the article
    std::fs::write(
        &path,
        text.replace(&format!("offset = {at}"), "offset = 999999"),
    )
    .unwrap();
    assert_eq!(
        Store::open_at(&doc, &origin(), loc(dir.path())).reading(),
        Some(doc.source.len())
    );
    // another text: the position is found again by its context
    let edited = ingest(format!("A new first paragraph.\n\n{}", doc.source));
    std::fs::write(&path, &text).unwrap();
    let moved = Store::open_at(&edited, &origin(), loc(dir.path())).reading();
    assert_eq!(moved, Some(at + "A new first paragraph.\n\n".len()));
}

#[test]
fn a_save_leaves_no_lock_file_beside_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    s.save().unwrap();
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["story.txt.hearsay.toml"], "{names:?}");
}

#[test]
fn a_file_too_large_to_read_back_is_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let a = s
        .add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    s.save().unwrap();
    let before = std::fs::read(&loc(dir.path()).path).unwrap();
    let note = "n".repeat(store::MAX_FILE as usize);
    s.set_note(&a.id, &note).unwrap();
    let err = s.save().unwrap_err();
    assert!(matches!(err, StoreError::TooLarge { .. }), "{err}");
    assert!(err.to_string().contains("nothing was saved"), "{err}");
    // the file on disk is the last one that could be read, and it still opens
    assert_eq!(std::fs::read(&loc(dir.path()).path).unwrap(), before);
    assert!(!s.is_read_only());
    let again = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(again.problem().is_none());
    assert_eq!(again.highlights().len(), 1);
}

#[cfg(unix)]
#[test]
fn a_link_to_another_articles_highlights_is_read_only_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let other = dir.path().join("other.txt.hearsay.toml");
    let theirs = "version = 1\n\n[article]\nsource = \"other.txt\"\nsha256 = \"0123abcd\"\n";
    std::fs::write(&other, theirs).unwrap();
    std::os::unix::fs::symlink(&other, &loc(dir.path()).path).unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.is_read_only());
    let why = s.problem().unwrap().to_string();
    assert!(
        why.contains("other.txt") && why.contains("another article"),
        "{why}"
    );
    assert!(
        s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
            .is_err()
    );
    assert!(s.save().is_err());
    assert_eq!(std::fs::read_to_string(&other).unwrap(), theirs);
}

#[cfg(unix)]
#[test]
fn a_link_made_to_another_articles_file_after_opening_is_not_written_through() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    let other = dir.path().join("other.txt.hearsay.toml");
    let theirs = "version = 1\n\n[article]\nsource = \"other.txt\"\nsha256 = \"0123abcd\"\n";
    std::fs::write(&other, theirs).unwrap();
    std::os::unix::fs::symlink(&other, &loc(dir.path()).path).unwrap();
    let err = s.save().unwrap_err().to_string();
    assert!(err.contains("another article"), "{err}");
    assert_eq!(std::fs::read_to_string(&other).unwrap(), theirs);
}

#[cfg(unix)]
#[test]
fn a_dangling_link_is_kept_and_its_target_created() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let synced = dir.path().join("synced");
    std::fs::create_dir(&synced).unwrap();
    let link = loc(dir.path()).path;
    std::os::unix::fs::symlink("synced/story.toml", &link).unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(!s.is_read_only());
    s.add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    s.save().unwrap();
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(synced.join("story.toml"))
            .unwrap()
            .contains("Opponents said")
    );
    // a link into a folder that does not exist: read-only, said, nothing replaced
    let dir2 = tempfile::tempdir().unwrap();
    let link2 = loc(dir2.path()).path;
    std::os::unix::fs::symlink("gone/story.toml", &link2).unwrap();
    let s = Store::open_at(&doc, &origin(), loc(dir2.path()));
    let why = s.problem().map(ToString::to_string).unwrap_or_default();
    assert!(why.contains("gone/story.toml"), "{why}");
    assert!(
        std::fs::symlink_metadata(&link2)
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[test]
fn backups_keep_three_generations_by_default_and_as_many_as_asked() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = loc(dir.path()).path;
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    let words = [
        "Opponents said",
        "fishing boats",
        "Tomas Berg",
        "Ines Duarte",
        "The harbour",
    ];
    for w in words {
        s.add(NewHighlight::passage(range_of(&doc, w))).unwrap();
        s.save().unwrap();
    }
    let count =
        |p: &Path| std::fs::read_to_string(p).map_or(0, |t| t.matches("[[highlight]]").count());
    // the newest backup holds the state before the last save, and so on back
    assert_eq!(count(&store::backup_path(&path)), 4);
    assert_eq!(count(&store::backup_path_n(&path, 2)), 3);
    assert_eq!(count(&store::backup_path_n(&path, 3)), 2);
    assert!(!store::backup_path_n(&path, 4).exists());

    let dir = tempfile::tempdir().unwrap();
    let path = loc(dir.path()).path;
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    s.set_backups(1);
    for w in words {
        s.add(NewHighlight::passage(range_of(&doc, w))).unwrap();
        s.save().unwrap();
    }
    assert_eq!(count(&store::backup_path(&path)), 4);
    assert!(!store::backup_path_n(&path, 2).exists());
}

#[test]
fn a_change_is_handed_to_the_saver_without_waiting_for_the_save() {
    use hearsay::annotations::saver::{Place, open_in_background};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let doc = Arc::new(doc());
    let loading = open_in_background(&doc, origin(), Place::At(loc(dir.path())), 3, |_| ());
    let (mut s, mut saver, ()) = loading.wait().unwrap();
    // another window is saving: it holds the lock for as long as it likes
    let lock = std::fs::File::create(store::lock_path(&loc(dir.path()).path)).unwrap();
    lock.lock().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let range = range_of(&doc, "Opponents said");
    let keypress = std::thread::spawn(move || {
        s.add(NewHighlight::passage(range)).unwrap();
        saver.submit(s.take_changes());
        let saving = saver.is_saving();
        tx.send(()).unwrap();
        (s, saver, saving)
    });
    // the key's work ends while the save is still waiting on the lock
    rx.recv_timeout(std::time::Duration::from_secs(30))
        .expect("the keypress waited on the save");
    let (s, saver, saving) = keypress.join().unwrap();
    assert!(saving);
    assert!(!loc(dir.path()).path.exists());
    drop(lock);
    let outcomes = saver.finish();
    assert!(outcomes.iter().all(|o| o.result.is_ok()), "{outcomes:?}");
    let again = Store::open_at(&*doc, &origin(), loc(dir.path()));
    assert_eq!(again.highlights().len(), 1);
    assert_eq!(again.highlights()[0].id, s.highlights()[0].id);
}

#[test]
fn savers_of_two_windows_bring_each_others_highlights_back() {
    use hearsay::annotations::saver::{Place, open_in_background};
    use std::sync::Arc;
    let dir = tempfile::tempdir().unwrap();
    let doc = Arc::new(doc());
    let (mut a, mut sa, ()) =
        open_in_background(&doc, origin(), Place::At(loc(dir.path())), 3, |_| ())
            .wait()
            .unwrap();
    let (mut b, mut sb, ()) =
        open_in_background(&doc, origin(), Place::At(loc(dir.path())), 3, |_| ())
            .wait()
            .unwrap();
    let ha = a
        .add(NewHighlight::passage(range_of(&doc, "Opponents said")))
        .unwrap();
    sa.submit(a.take_changes());
    for o in sa.finish() {
        a.absorb(o.merged);
    }
    let hb = b
        .add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    b.set_note(&hb.id, "check the harbour log").unwrap();
    sb.submit(b.take_changes());
    // b's save took a's highlight from the disk; the reader's store gets it
    let mut got = Vec::new();
    for o in sb.finish() {
        assert!(o.result.is_ok());
        got.extend(o.merged.incoming.iter().map(|h| h.id.clone()));
        b.absorb(o.merged);
    }
    assert_eq!(got, std::slice::from_ref(&ha.id));
    assert!(b.get(&ha.id).is_some() && b.get(&hb.id).is_some());
    let disk = Store::open_at(&*doc, &origin(), loc(dir.path()));
    assert_eq!(disk.get(&hb.id).unwrap().note, "check the harbour log");
    assert_eq!(disk.highlights().len(), 2);
}

#[test]
fn a_hand_edited_file_keeps_its_comments_and_layout_and_unknown_tables() {
    let dir = tempfile::tempdir().unwrap();
    let doc = doc();
    let path = dir.path().join("story.txt.hearsay.toml");
    let r = range_of(&doc, "Nobody believes that\nnumber,");
    let hand = format!(
        "# My notes on the pier story -- keep this file tidy!\nversion = 1\n\n[article]\n\
         source = \"story.txt\"\nsha256 = \"0\"\n\n# Berg's doubt: follow up with the auditor\n\
         [[highlight]]\nid = \"keep1\"\nkind = \"quote\"\ntext = \"Nobody believes that number,\"\n\
         start = {}   # checked by hand\nend = {}\nnote = '''\nCall the auditor.\nAsk for the 2025 figures.\n'''\n\
         created = 2026-03-03T10:00:00Z\nupdated = 2026-03-03T10:05:00Z\n\n\
         # checks another tool adds\n[[fact_check]]\nid = \"c1\"\nsays = \"4.2 million crowns\"\n\n\
         # Berg is the council's Berg\n[[correction]]\nid = \"m1\"\naction = \"merge\"\n\
         speaker = \"Berg\"\ninto = \"Ola Berg\"\ncreated = 2026-03-03T10:06:00Z\n",
        r.start, r.end
    );
    std::fs::write(&path, &hand).unwrap();
    let mut s = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert!(s.problem().is_none(), "{:?}", s.problem());
    s.add(NewHighlight::passage(range_of(&doc, "fishing boats")))
        .unwrap();
    s.set_tags("keep1", &["budget".into()]).unwrap();
    s.save().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for kept in [
        "# My notes on the pier story -- keep this file tidy!\nversion = 1\n",
        "# Berg's doubt: follow up with the auditor\n[[highlight]]\nid = \"keep1\"",
        "   # checked by hand\n",
        "note = '''\nCall the auditor.\nAsk for the 2025 figures.\n'''\n",
        "# checks another tool adds\n[[fact_check]]\nid = \"c1\"\nsays = \"4.2 million crowns\"\n",
        "# Berg is the council's Berg\n[[correction]]\nid = \"m1\"\naction = \"merge\"\n",
        "tags = [\"budget\"]",
        "text = \"fishing boats\"",
    ] {
        assert!(text.contains(kept), "lost {kept:?} in:\n{text}");
    }
    let again = Store::open_at(&doc, &origin(), loc(dir.path()));
    assert_eq!(again.highlights().len(), 2);
    assert_eq!(
        again.get("keep1").unwrap().note,
        "Call the auditor.\nAsk for the 2025 figures.\n"
    );
    assert!(again.file().extra.contains_key("fact_check"));
    assert_eq!(again.corrections().list().len(), 1);
}
