//! Exports as other tools take them: Readwise CSV (read back with Python's `csv`), Markdown
//! notes whose front matter is YAML, W3C Web Annotation JSON validated against the Working
//! Group's own schemas, the sourcing audit; corrections carried by all of them; and
//! `hearsay export -o -` on standard output.

mod common;

use hearsay::annotations::{Change, NewHighlight, Origin, Status, Store};
use hearsay::attribution::{SpeakerKind, analyze};
use hearsay::document::{Document, ingest};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A fictional article with a named speaker, an anonymous source and an organisation.
const STORY: &str = "\
Night buses return to the valley
By Tove Lindqvist
March 3, 2026

GRANHOLM — Night buses will run again between the valley towns from April, the regional
transport authority said on Monday, two years after the service was cut.

\"People who work late had no way home,\" said Astrid Berg, who led the campaign. \"Now they
have one, and the bars will stay open later, I am told.\"

One driver, who asked not to be named, said the timetable left no time for breaks.

The authority said the buses would cost 4 million crowns a year.
";

/// Runs the hearsay binary in `dir` (its own HOME, config and data folders).
fn hearsay(args: &[&str], dir: &Path) -> Output {
    common::run_in(dir, args)
}

fn range_of(doc: &Document, needle: &str) -> std::ops::Range<usize> {
    let s = doc.source.find(needle).expect("needle in fixture");
    s..s + needle.len()
}

/// An article with three highlights and two corrections, saved beside it.
fn setup() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let article = dir.path().join("buses.txt");
    std::fs::write(&article, STORY).unwrap();
    let doc = ingest(STORY.to_string());
    let mut s = Store::open(&doc, &Origin::File(article.clone()), None).unwrap();
    let q = s
        .add(NewHighlight::quote(
            range_of(&doc, "People who work late had no way home,"),
            Some("Astrid Berg".into()),
        ))
        .unwrap();
    s.set_note(
        &q.id,
        "Call her back about the \"bars\" line.\nAsk for dates.",
    )
    .unwrap();
    s.set_tags(&q.id, &["transport".into(), "night life".into()])
        .unwrap();
    s.set_status(&q.id, Status::Verified).unwrap();
    let c = s
        .add(NewHighlight::claim(
            range_of(&doc, "the buses would cost 4 million crowns a year"),
            None,
        ))
        .unwrap();
    s.set_status(&c.id, Status::Disputed).unwrap();
    s.add(NewHighlight::passage(range_of(
        &doc,
        "two years after the service was cut",
    )))
    .unwrap();
    let a = analyze(&doc);
    let driver = a
        .claims
        .iter()
        .find(|c| c.text(&doc).contains("timetable"))
        .cloned()
        .expect("the driver's claim");
    let first = a.quotes[0].clone();
    let (cs, flat) = s.corrections_mut().unwrap();
    cs.add(
        flat,
        Change::Reassign {
            range: driver.start..driver.end,
            speaker: "Nils Ek".into(),
            kind: SpeakerKind::Person,
        },
    )
    .unwrap();
    cs.add(
        flat,
        Change::Reassign {
            range: first.start..first.end,
            speaker: "Astrid M. Berg".into(),
            kind: SpeakerKind::Person,
        },
    )
    .unwrap();
    s.save().unwrap();
    (dir, article)
}

fn export(dir: &Path, format: &str) -> String {
    let out = hearsay(&["export", "buses.txt", "--format", format], dir);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Runs a Python snippet on `input` (standard input); `None` (with the reason printed)
/// when Python 3 or the module is missing.
fn python(code: &str, input: &str, module: &str) -> Option<String> {
    let probe = Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output();
    if !probe.is_ok_and(|o| o.status.success()) {
        eprintln!("skipped: python3 with the '{module}' module is not available");
        return None;
    }
    let mut child = Command::new("python3")
        .args(["-c", code])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn export_to_dash_writes_standard_output() {
    let (dir, _) = setup();
    let out = hearsay(
        &["export", "buses.txt", "--format", "csv", "-o", "-"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!dir.path().join("-").exists(), "wrote a file named '-'");
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("Highlight,Title,Author,URL,Note,Location,Date\n"),
        "{text}"
    );
}

#[test]
fn readwise_csv_parses_with_python_and_has_the_seven_columns() {
    let (dir, _) = setup();
    let csv = export(dir.path(), "csv");
    let code = r#"
import csv, json, sys
rows = list(csv.reader(sys.stdin))
print(json.dumps(rows))
"#;
    let Some(out) = python(code, &csv, "csv") else {
        return;
    };
    let rows: Vec<Vec<String>> = serde_json::from_str(&out).unwrap();
    assert_eq!(
        rows[0],
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
    assert_eq!(rows.len(), 4, "{rows:?}");
    let doc = ingest(STORY.to_string());
    for r in &rows[1..] {
        assert_eq!(r.len(), 7);
        assert_eq!(r[1], "Night buses return to the valley");
        assert_eq!(r[2], "Tove Lindqvist");
        // Location is the byte offset of the TOML file's `start`
        let at: usize = r[5].parse().unwrap();
        assert!(doc.source[at..].starts_with(r[0].split_whitespace().next().unwrap()));
        // Date: when the highlight was made, as Readwise reads it
        assert_eq!(r[6].len(), "2026-03-03 10:00:00".len(), "{}", r[6]);
        assert_eq!(&r[6][4..5], "-");
        assert_eq!(&r[6][10..11], " ");
    }
    let quote = rows
        .iter()
        .find(|r| r[0].starts_with("People who work late"))
        .unwrap();
    assert!(quote[4].starts_with("Speaker: Astrid M. Berg (corrected by hand)\n"));
    assert!(quote[4].contains("Call her back about the \"bars\" line.\nAsk for dates."));
    assert!(quote[4].ends_with(".transport .night-life"));
}

#[test]
fn markdown_front_matter_parses_as_yaml() {
    let (dir, _) = setup();
    let md = export(dir.path(), "md");
    assert!(md.starts_with("---\n"), "{md}");
    let end = md[4..].find("\n---\n").expect("front matter closed") + 4;
    let yaml = &md[4..end];
    let code = r#"
import json, sys, yaml
print(json.dumps(yaml.safe_load(sys.stdin.read())))
"#;
    let body = &md[end + 5..];
    assert!(body.contains("\n## Astrid M. Berg\n"), "{body}");
    assert!(body.contains("*speaker corrected by hand*"), "{body}");
    assert!(
        body.contains("hearsay://open?source=buses.txt&sha256="),
        "{body}"
    );
    assert!(body.contains("## Corrections by hand"), "{body}");
    let Some(out) = python(code, yaml, "yaml") else {
        return;
    };
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["title"], "Night buses return to the valley");
    assert_eq!(v["author"], "Tove Lindqvist");
    assert_eq!(v["date"], "2026-03-03");
    assert_eq!(v["source"], "buses.txt");
    assert_eq!(v["corrections"], 2);
    assert_eq!(v["highlights"], 3);
    let tags: Vec<&str> = v["tags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(tags, ["hearsay", "transport", "night-life"]);
    let s = &v["sourcing"];
    // the driver (anonymous) is now a named person
    assert_eq!(s["anonymous"], 0, "{s}");
    assert!(s["named_person"].as_u64().unwrap() >= 2, "{s}");
}

#[test]
fn the_audit_lists_speakers_claims_and_corrections() {
    let (dir, _) = setup();
    let md = export(dir.path(), "audit");
    assert!(md.starts_with("# Sourcing audit: Night buses return to the valley\n"));
    assert!(
        md.contains("Nils Ek (person) — *corrected by hand*"),
        "{md}"
    );
    assert!(md.contains("*attribution corrected by hand*"), "{md}");
    assert!(md.contains("status **disputed**"), "{md}");
    assert!(md.contains("of claims on unnamed sources"), "{md}");
    assert!(
        md.contains("Corrected by hand: 2 corrections (2 corrections applied)"),
        "{md}"
    );
    let csv = export(dir.path(), "audit-csv");
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let ek = rows
        .iter()
        .find(|r| &r[1] == "Nils Ek")
        .expect("Nils Ek row");
    assert_eq!(&ek[4], "yes");
    assert_eq!(&ek[10], "yes");
    assert!(ek[5].contains("timetable"));
}

/// The W3C Web Annotation Working Group's test assertions (copied into the fixtures with
/// their licence; see `tests/fixtures/web-annotation/SOURCE.md`).
fn schemas() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/web-annotation")
}

/// Base URI the assertions' relative ids (`annotations.json`, `id.json`) resolve against.
const BASE: &str = "https://w3c.test/web-annotation/";

/// The schemas of the `must` assertions a `.test` file lists, with their names.
fn must_assertions(test: &str) -> Vec<(String, serde_json::Value)> {
    let list: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(schemas().join(test)).unwrap()).unwrap();
    list["assertions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let rel = a.as_str().unwrap();
            let text = std::fs::read_to_string(schemas().join(rel)).unwrap();
            (rel.to_string(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

/// Checks `instance` against every `must` assertion of `test`: each is expected valid
/// (`expectedResult`), and a failure is reported with the assertion's own message.
fn check_musts(test: &str, instance: &serde_json::Value, registry: &jsonschema::Registry) -> usize {
    let mut checked = 0;
    for (name, schema) in must_assertions(test) {
        assert_eq!(schema["expectedResult"], "valid", "{name}");
        let v = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .with_base_uri(BASE)
            .with_registry(registry)
            .build(&schema)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let errors: Vec<String> = v.iter_errors(instance).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "{name}: {}\n{errors:?}\n{}",
            schema["errorMessage"],
            serde_json::to_string_pretty(instance).unwrap()
        );
        checked += 1;
    }
    checked
}

#[test]
fn web_annotation_export_validates_against_the_w3c_schemas() {
    let (dir, _) = setup();
    let text = export(dir.path(), "json");
    let collection: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut defs = Vec::new();
    for entry in std::fs::read_dir(schemas().join("definitions")).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        let value: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        defs.push((format!("{BASE}{name}"), value));
    }
    let registry = jsonschema::Registry::new()
        .draft(jsonschema::Draft::Draft4)
        .extend(defs.iter().map(|(u, v)| (u.as_str(), v)))
        .unwrap()
        .prepare()
        .unwrap();
    let items = collection["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 5, "3 highlights and 2 corrections");
    let mut checked = 0;
    for item in items {
        // each annotation on its own carries the context, as the assertions expect
        let mut a = item.clone();
        a["@context"] = collection["@context"].clone();
        checked += check_musts("annotations/annotationMusts.test", &a, &registry);
    }
    checked += check_musts("collections/collectionMusts.test", &collection, &registry);
    let mut page = collection["first"].clone();
    page["@context"] = collection["@context"].clone();
    checked += check_musts("collections/pages/pageMusts.test", &page, &registry);
    assert!(checked > 100, "only {checked} assertions checked");
    // corrections are annotations with motivation `editing`
    let edits: Vec<&serde_json::Value> = items
        .iter()
        .filter(|i| i["motivation"] == "editing")
        .collect();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().any(|e| {
        e["body"]["value"]
            .as_str()
            .unwrap()
            .ends_with("\u{2192} Nils Ek")
    }));
    // and a highlight whose speaker a correction changed says so
    assert!(
        items
            .iter()
            .any(|i| i["hearsay:speaker"] == "Astrid M. Berg"
                && i["hearsay:speakerCorrected"] == true)
    );
}

/// The shared folder (`../shared` beside the repository, or `/work/shared`), if present.
fn shared() -> Option<PathBuf> {
    [
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"),
        PathBuf::from("/work/shared"),
    ]
    .into_iter()
    .find(|p| p.join("seed").is_dir())
}

#[test]
fn the_audit_lists_every_speaker_and_claim_of_the_seed() {
    let Some(shared) = shared() else {
        eprintln!("skipped: no shared folder with the seed article (../shared or /work/shared)");
        return;
    };
    let seed = std::fs::read_dir(shared.join("seed"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("a seed article");
    let bytes = std::fs::read(&seed).unwrap();
    let doc = hearsay::document::open(&bytes, seed.to_str(), None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let location = hearsay::annotations::Location {
        path: dir.path().join("seed.hearsay.toml"),
        kind: hearsay::annotations::LocationKind::Sidecar,
    };
    let store = Store::open_at(&doc, &Origin::File(seed.clone()), location);
    let art = hearsay::annotations::export::Article::new(&doc, &store);
    let a = analyze(&doc);
    assert!(
        a.speakers.len() > 5 && a.claims.len() > 10,
        "a real article"
    );
    let md = hearsay::annotations::export::audit_markdown(&art);
    for s in &a.speakers {
        let name = s.name.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            md.contains(&format!("### {name} ({}", s.kind.as_str())),
            "speaker '{name}' missing from the audit"
        );
    }
    for c in &a.claims {
        let text = c.text(&doc);
        assert!(md.contains(text.as_ref()), "claim '{text}' missing");
    }
    let csv = hearsay::annotations::export::audit_csv(std::slice::from_ref(&art)).unwrap();
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    let quiet = a.speakers.iter().filter(|s| s.claims == 0).count();
    assert_eq!(rows.len(), a.claims.len() + quiet);
    for s in &a.speakers {
        assert!(
            rows.iter().any(|r| r[1] == s.name),
            "{} not in the CSV",
            s.name
        );
    }
    eprintln!(
        "seed audit: {} speakers, {} claims",
        a.speakers.len(),
        a.claims.len()
    );
}
