//! The command line outside the reader: exit codes, one-sentence errors, and output that
//! survives a closed pipe.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_hearsay");

fn hearsay(args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("XDG_CONFIG_HOME", env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("hearsay runs")
}

/// What a piped child wrote to standard error (read after it exited).
fn stderr_of(child: &mut std::process::Child) -> String {
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("read");
    err
}

#[test]
fn exit_codes_and_one_sentence_errors() {
    let missing = hearsay(&["analyze", "no/such/article.txt", "--json"]);
    assert_eq!(missing.status.code(), Some(1));
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.starts_with("hearsay: ") && err.contains("no/such/article.txt"),
        "{err}"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");

    let usage = hearsay(&["analyze", "--no-such-flag"]);
    assert_eq!(usage.status.code(), Some(2));

    let dir = tempfile::tempdir().expect("temp dir");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "\n\n").expect("write");
    let out = hearsay(&["analyze", empty.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("empty"));

    let binary = dir.path().join("photo.jpg");
    std::fs::write(&binary, b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01").expect("write");
    let out = hearsay(&["analyze", binary.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn analyze_json_has_the_documented_fields() {
    let out = hearsay(&["analyze", "assets/sample.txt", "--json"]);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    for key in [
        "title",
        "dek",
        "date",
        "publication",
        "byline",
        "captions",
        "contributors",
        "paragraphs",
        "warnings",
        "speakers",
        "quotes",
        "claims",
        "sourcing",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let p = &v["paragraphs"][0];
    let (start, end) = (p["start"].as_u64().unwrap(), p["end"].as_u64().unwrap());
    let src = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.txt")).unwrap();
    let para = String::from_utf8_lossy(&src[start as usize..end as usize]);
    let words: Vec<&str> = para.split_whitespace().collect();
    assert_eq!(words.join(" "), p["text"].as_str().unwrap());
}

#[test]
fn a_closed_pipe_ends_output_quietly() {
    let mut child = Command::new(BIN)
        .args(["analyze", "assets", "tests/fixtures/ingest", "--json"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay runs");
    drop(child.stdout.take()); // the reader went away, like `| head -0`
    let status = child.wait().expect("exits");
    let err = stderr_of(&mut child);
    assert!(!err.contains("panicked"), "{err}");
    assert!(status.success(), "{status:?}: {err}");
}

#[test]
fn analyze_jsonl_answers_each_line_before_the_input_ends() {
    use std::io::{BufRead, BufReader, Write};
    let mut child = Command::new(BIN)
        .args(["analyze", "--jsonl", "-"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
    let mut ask = |line: &str| {
        stdin.write_all(line.as_bytes()).expect("write");
        stdin.flush().expect("flush");
        let mut answer = String::new();
        // stdin is still open: an answer here means the line was analysed on its own
        stdout.read_line(&mut answer).expect("read");
        serde_json::from_str::<serde_json::Value>(&answer).expect("one JSON line")
    };
    let first =
        ask("{\"id\": \"a-1\", \"text\": \"Flood\\n\\nThe dam will hold, engineers said.\"}\n");
    assert_eq!(first["id"], "a-1");
    assert_eq!(first["claims"][0]["text"], "The dam will hold");
    assert_eq!(first["speakers"][0]["kind"], "group");
    let second = ask("{\"id\": 2, \"text\": \"  \"}\n");
    assert_eq!(second["id"], 2);
    assert_eq!(
        second["error"],
        "the input is empty: there is no article to read"
    );
    drop(stdin);
    let status = child.wait().expect("exits");
    let err = stderr_of(&mut child);
    assert_eq!(status.code(), Some(1), "one line failed: {err}");
    assert!(err.contains("1 of 2 lines could not be analysed"), "{err}");
}

/// A highlighted quote brings its own quotation marks; the listing must not add a second
/// pair (`““it was not an …`), and text without marks is still shown quoted.
#[test]
fn highlights_listing_does_not_double_quotation_marks() {
    use hearsay::annotations::{NewHighlight, Origin, Store};
    let dir = tempfile::tempdir().expect("temp dir");
    let article = dir.path().join("pier.txt");
    let story = "Pier repairs start in spring\n\n\
        \u{201c}It was not an easy winter for anyone on the water,\u{201d} said Mara Kell, \
        the harbour master.\n\n\
        \"We waited long enough,\" a fisherman said.\n\n\
        Work on the north pier starts in April.\n";
    std::fs::write(&article, story).expect("write");
    let doc = hearsay::document::ingest(story.to_string());
    let mut store = Store::open(&doc, &Origin::File(article.clone()), None).expect("store");
    for (from, to) in [
        ("\u{201c}It was", "water,\u{201d}"),
        ("\"We waited", "enough,\""),
        ("Work on", "April."),
    ] {
        let start = story.find(from).expect("start");
        let end = story.find(to).expect("end") + to.len();
        store
            .add(NewHighlight::quote(start..end, None))
            .expect("highlight");
    }
    store.save().expect("save");
    let out = common::run_in(dir.path(), &["highlights", "pier.txt"]);
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{listing}");
    for line in [
        "  \u{201c}It was not an easy winter for anyone on the water,\u{201d}\n",
        "  \"We waited long enough,\"\n",
        "  \u{201c}Work on the north pier starts in April.\u{201d}\n",
    ] {
        assert!(listing.contains(line), "{line:?} in:\n{listing}");
    }
    assert!(!listing.contains("\u{201c}\u{201c}"), "{listing}");
    assert!(!listing.contains("\u{201c}\""), "{listing}");
}
