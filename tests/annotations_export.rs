//! Export golden tests: Markdown, W3C Web Annotation JSON, Readwise CSV and normalised TOML.

use hearsay::annotations::{
    Format, Location, LocationKind, NewHighlight, Origin, Status, Store, export,
};
use hearsay::document::{Document, ingest};
use std::path::Path;

const STORY: &str = "\
Library to open on Sundays after petition
By Noor Hadid
April 9, 2026

BRENNVIK — The town library will open on Sundays from May, the culture committee decided
on Wednesday, after a petition signed by 2,300 residents.

\"A library that is shut when people are free is only half a library,\" said Camille Roy,
who started the petition. \"We asked for four hours, and we got them.\"

The committee's chair, Jonas Veld, said the extra hours would cost 310,000 crowns a year.
\"It is money well spent, but it is not free,\" he said, adding that evening hours on
Thursdays would end to pay for part of it.

Some staff were unhappy. A librarian, who asked not to be named, said the rota had been
drawn up without asking them.
";

fn loc(dir: &Path) -> Location {
    Location {
        path: dir.join("library.txt.hearsay.toml"),
        kind: LocationKind::Sidecar,
    }
}

fn origin() -> Origin {
    Origin::File("library.txt".into())
}

fn range_of(doc: &Document, needle: &str) -> std::ops::Range<usize> {
    let s = doc.source.find(needle).expect("needle in fixture");
    s..s + needle.len()
}

/// A store with fixed ids and timestamps, loaded from disk (so loading is covered too).
fn fixture(dir: &Path) -> (Document, Store) {
    let doc = ingest(STORY.to_string());
    let mut s = Store::open_at(&doc, &origin(), loc(dir));
    let a = s
        .add(NewHighlight::quote(
            range_of(
                &doc,
                "A library that is shut when people are free is only half a library,",
            ),
            Some("Camille Roy".into()),
        ))
        .unwrap();
    s.set_tags(&a.id, &["access".into(), "public services".into()])
        .unwrap();
    s.set_status(&a.id, Status::Verified).unwrap();
    let b = s
        .add(NewHighlight::claim(
            range_of(&doc, "the extra hours would cost 310,000 crowns a year"),
            Some("Jonas Veld".into()),
        ))
        .unwrap();
    s.set_note(
        &b.id,
        "Budget line 4.2 says 290,000.\nAsk the \"finance\" office, then update.",
    )
    .unwrap();
    s.set_status(&b.id, Status::Disputed).unwrap();
    s.set_tags(&b.id, &["budget".into()]).unwrap();
    let c = s
        .add(NewHighlight::passage(range_of(
            &doc,
            "Some staff were unhappy. A librarian, who asked not to be named, said the rota had been\ndrawn up without asking them.",
        )))
        .unwrap();
    s.set_note(&c.id, "Follow up with the union, ça urge.")
        .unwrap();
    let d = s
        .add(NewHighlight::quote(
            range_of(&doc, "We asked for four hours, and we got them."),
            Some("Camille Roy".into()),
        ))
        .unwrap();
    s.set_reading(range_of(&doc, "The committee's chair").start);
    s.save().unwrap();
    // pin ids and timestamps so the goldens are stable
    let path = loc(dir).path;
    let mut text = std::fs::read_to_string(&path).unwrap();
    for (id, fixed) in [
        (&a.id, "hl-roy-1"),
        (&b.id, "hl-veld"),
        (&c.id, "hl-staff"),
        (&d.id, "hl-roy-2"),
    ] {
        text = text.replace(id.as_str(), fixed);
    }
    let stamp = s.get(&a.id).unwrap().created.to_string();
    let mut fixed = String::new();
    for line in text.lines() {
        let (k, _) = line.split_once(" = ").unwrap_or((line, ""));
        match k {
            "created" => fixed.push_str("created = 2026-04-09T18:30:00Z"),
            "updated" => fixed.push_str("updated = 2026-04-10T07:15:00Z"),
            _ => fixed.push_str(line),
        }
        fixed.push('\n');
    }
    assert!(!fixed.contains(&stamp));
    std::fs::write(&path, fixed).unwrap();
    let s = Store::open_at(&doc, &origin(), loc(dir));
    assert!(s.problem().is_none(), "{:?}", s.problem());
    (doc, s)
}

#[test]
fn markdown_export() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, s) = fixture(dir.path());
    insta::assert_snapshot!(export::render(&s, &doc, Format::Markdown).unwrap());
}

#[test]
fn web_annotation_export() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, s) = fixture(dir.path());
    let json = export::render(&s, &doc, Format::Json).unwrap();
    // the position selector counts code points of the source
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for item in v["first"]["items"].as_array().unwrap() {
        let sel = &item["target"]["selector"];
        let exact = sel[0]["exact"].as_str().unwrap();
        let (start, end) = (
            sel[1]["start"].as_u64().unwrap() as usize,
            sel[1]["end"].as_u64().unwrap() as usize,
        );
        let slice: String = doc.source.chars().skip(start).take(end - start).collect();
        assert_eq!(
            slice.split_whitespace().collect::<Vec<_>>().join(" "),
            exact
        );
    }
    // the target is the article's absolute file URI: the folder differs from clone to clone
    let target = v["first"]["items"][0]["target"]["source"].as_str().unwrap();
    assert!(target.starts_with("file:///"), "{target}");
    assert!(target.ends_with("/library.txt"), "{target}");
    let folder = &target[..target.len() - "/library.txt".len()];
    insta::assert_snapshot!(json.replace(folder, "file://[folder]"));
}

#[test]
fn readwise_csv_export() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, s) = fixture(dir.path());
    let csv = export::render(&s, &doc, Format::Csv).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let headers: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        headers,
        [
            "Highlight",
            "Title",
            "Author",
            "URL",
            "Note",
            "Location",
            "Date"
        ]
    );
    assert_eq!(r.records().count(), 4);
    insta::assert_snapshot!(csv);
}

#[test]
fn toml_export_is_the_normalised_file() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, s) = fixture(dir.path());
    let text = export::render(&s, &doc, Format::Toml).unwrap();
    let reparsed: hearsay::annotations::HighlightsFile = toml::from_str(&text).unwrap();
    assert_eq!(&reparsed.highlights, s.highlights());
    insta::assert_snapshot!(text);
}

#[test]
fn export_writes_a_file_beside_the_highlights() {
    let dir = tempfile::tempdir().unwrap();
    let (doc, s) = fixture(dir.path());
    let path = export::default_path(s.location(), Format::Markdown);
    assert_eq!(path, dir.path().join("library.txt.hearsay.md"));
    export::write(&s, &doc, Format::Markdown, &path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("---\ntitle: \"Library to open on Sundays after petition\"\n"));
    assert!(text.contains("\n---\n\n# Library to open on Sundays after petition\n"));
}
