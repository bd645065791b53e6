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

/// Runs hearsay with a deadline: a hang is a failure with what was printed, not a stuck suite.
#[cfg(unix)]
fn hearsay_within(args: &[&str], secs: u64) -> (Option<i32>, String, String) {
    let mut child = Command::new(BIN)
        .args(args)
        .env("XDG_CONFIG_HOME", env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("hearsay runs");
    let mut out = child.stdout.take().expect("stdout");
    let mut err = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = out.read_to_string(&mut s);
        s
    });
    let err_reader = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = err.read_to_string(&mut s);
        s
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    let status = loop {
        if let Some(s) = child.try_wait().expect("wait") {
            break s;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "hearsay {args:?} still running after {secs} s; printed: {}",
                reader.join().unwrap_or_default()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    let stdout = reader.join().expect("stdout read");
    let stderr = err_reader.join().expect("stderr read");
    (status.code(), stdout, stderr)
}

#[cfg(unix)]
#[test]
fn analyze_a_folder_skips_fifos_sockets_and_loops_and_says_so() {
    use std::os::unix::net::UnixListener;
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    for (name, speaker) in [
        ("a.txt", "Mara Voss"),
        ("c.txt", "Teo Lind"),
        ("e.md", "Ada Prim"),
    ] {
        std::fs::write(
            d.join(name),
            format!("Harbour news\n\n“The tide came early,” said {speaker}.\n"),
        )
        .expect("write");
    }
    let fifo = d.join("b.txt");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let _socket = UnixListener::bind(d.join("d.txt")).expect("socket");
    std::fs::create_dir(d.join("sub")).expect("mkdir");
    std::os::unix::fs::symlink("..", d.join("sub/loop")).expect("symlink");
    std::os::unix::fs::symlink("nowhere.txt", d.join("f.txt")).expect("symlink");

    let (code, out, err) = hearsay_within(&["analyze", d.to_str().expect("utf-8"), "--json"], 60);
    assert_eq!(code, Some(0), "{err}");
    let paths: Vec<String> = out
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            v["path"]
                .as_str()
                .expect("path")
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect();
    assert_eq!(paths, ["a.txt", "c.txt", "e.md"]);
    for (name, why) in [
        ("b.txt", "a FIFO"),
        ("d.txt", "a socket"),
        ("loop", "a loop"),
        ("f.txt", "a link to nothing"),
    ] {
        assert!(
            err.lines().any(|l| l.contains(name) && l.contains(why)),
            "no line for {name} ({why}) in: {err}"
        );
    }

    // named on the command line, a pipe is read as `cat` would (`analyze <(curl …)`)
    let mut writer = Command::new("sh")
        .arg("-c")
        .arg("printf 'Pipe news\\n\\n“It flowed,” said Ines Ray.\\n' > \"$0\"")
        .arg(&fifo)
        .spawn()
        .expect("sh runs");
    let (code, out, err) =
        hearsay_within(&["analyze", fifo.to_str().expect("utf-8"), "--json"], 60);
    let _ = writer.wait();
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Ines Ray"), "{out}");
}

#[cfg(unix)]
#[test]
fn analyze_unordered_prints_every_article_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    for i in 0..12 {
        std::fs::write(
            dir.path().join(format!("{i:02}.txt")),
            format!("Report {i}\n\n“We counted {i} boats,” said the harbour master.\n"),
        )
        .expect("write");
    }
    let (code, out, err) = hearsay_within(
        &[
            "analyze",
            dir.path().to_str().expect("utf-8"),
            "--unordered",
        ],
        60,
    );
    assert_eq!(code, Some(0), "{err}");
    let mut paths: Vec<&str> = out.lines().filter_map(|l| l.split('"').nth(3)).collect();
    paths.sort_unstable();
    paths.dedup();
    assert_eq!(paths.len(), 12, "{out}");
}
