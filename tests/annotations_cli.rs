//! `hearsay highlights` and `hearsay export` from the command line.

use hearsay::annotations::{NewHighlight, Origin, Status, Store};
use hearsay::document::ingest;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const STORY: &str = "\
Bakery wins award for rye loaf
By Ilse Varga

SKARBY — A family bakery on the market square won the national bread prize on Saturday
for a sourdough rye its owners have baked the same way for forty years.

\"My grandmother would laugh at the fuss,\" said Henrik Blom, who runs the bakery with his
sister. \"It is flour, water, salt and patience.\"
";

fn hearsay(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(args)
        .current_dir(dir)
        .env("XDG_DATA_HOME", dir.join("data"))
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("HOME", dir)
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bread.txt"), STORY).unwrap();
    dir
}

fn add_quote(dir: &Path) -> String {
    let article = dir.join("bread.txt");
    let doc = ingest(STORY.to_string());
    let mut s = Store::open(&doc, &Origin::File(article), None).unwrap();
    let start = doc.source.find("My grandmother").unwrap();
    let id = s
        .add(NewHighlight::quote(
            start..start + "My grandmother would laugh at the fuss,".len(),
            Some("Henrik Blom".into()),
        ))
        .unwrap()
        .id;
    s.set_note(&id, "Lovely line for the intro.\nSecond thought.")
        .unwrap();
    s.set_tags(&id, &["food".into(), "people".into()]).unwrap();
    s.set_status(&id, Status::Verified).unwrap();
    s.save().unwrap();
    id
}

#[test]
fn highlights_lists_what_is_saved() {
    let dir = setup();
    let out = hearsay(&["highlights", "bread.txt"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("No highlights for 'bread.txt' yet"),
        "{stdout}"
    );
    assert!(stdout.contains("bread.txt.hearsay.toml"), "{stdout}");

    let id = add_quote(dir.path());
    let out = hearsay(&["highlights", "bread.txt"], dir.path());
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.starts_with("1 highlight for 'bread.txt'"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("{id}  [quote, verified]  Henrik Blom")),
        "{stdout}"
    );
    assert!(
        stdout.contains("“My grandmother would laugh at the fuss,”"),
        "{stdout}"
    );
    assert!(
        stdout.contains("note: Lovely line for the intro. (+1 line)"),
        "{stdout}"
    );
    assert!(stdout.contains("tags: food, people"), "{stdout}");
}

#[test]
fn export_writes_each_format() {
    let dir = setup();
    add_quote(dir.path());
    let out = hearsay(
        &["export", "bread.txt", "--format", "md", "-o", "out.md"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let md = std::fs::read_to_string(dir.path().join("out.md")).unwrap();
    assert!(
        md.starts_with("---\ntitle: \"Bakery wins award for rye loaf\"\n"),
        "{md}"
    );
    assert!(md.contains("\n# Bakery wins award for rye loaf\n"), "{md}");
    assert!(md.contains("## Henrik Blom"), "{md}");
    assert!(
        md.contains("> — quote · **verified** · #food · #people"),
        "{md}"
    );

    let out = hearsay(&["export", "bread.txt", "--format", "json"], dir.path());
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["total"], 1);

    let out = hearsay(&["export", "bread.txt", "--format", "csv"], dir.path());
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(
        csv.starts_with("Highlight,Title,Author,URL,Note,Location,Date\n"),
        "{csv}"
    );

    let out = hearsay(&["export", "bread.txt", "--format", "toml"], dir.path());
    let toml_text = String::from_utf8(out.stdout).unwrap();
    // the normalised file is the saved one, except `source`, which is the article as opened
    let saved = std::fs::read_to_string(dir.path().join("bread.txt.hearsay.toml")).unwrap();
    let without_source = |s: &str| -> Vec<String> {
        s.lines()
            .filter(|l| !l.starts_with("source = "))
            .map(String::from)
            .collect()
    };
    assert_eq!(without_source(&toml_text), without_source(&saved));
    assert!(toml_text.contains("source = \"bread.txt\""), "{toml_text}");
}

#[test]
fn broken_file_is_one_clear_error_and_stays_as_it_was() {
    let dir = setup();
    let path = dir.path().join("bread.txt.hearsay.toml");
    std::fs::write(&path, "version = 1\n[article\nsource = 'x'\n").unwrap();
    for args in [
        &["highlights", "bread.txt"][..],
        &["export", "bread.txt", "--format", "md"][..],
    ] {
        let out = hearsay(args, dir.path());
        assert_eq!(out.status.code(), Some(1));
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("bread.txt.hearsay.toml' is broken at line 2, column"),
            "{stderr}"
        );
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "version = 1\n[article\nsource = 'x'\n"
    );
}

#[test]
fn missing_article_is_an_error() {
    let dir = setup();
    let out = hearsay(&["highlights", "nope.txt"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("could not read 'nope.txt'"), "{stderr}");
}

#[test]
fn stdin_article_uses_the_data_folder() {
    let dir = setup();
    let mut child = Command::new(env!("CARGO_BIN_EXE_hearsay"))
        .args(["highlights", "-"])
        .current_dir(dir.path())
        .env("XDG_DATA_HOME", dir.path().join("data"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(STORY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sha = hearsay::annotations::store::content_hash(&ingest(STORY.to_string()));
    let expected = dir
        .path()
        .join("data")
        .join("hearsay")
        .join("highlights")
        .join(format!("{sha}.toml"));
    assert!(stdout.contains(&expected.display().to_string()), "{stdout}");
}

#[test]
fn configured_folder_holds_the_highlights() {
    let dir = setup();
    std::fs::write(
        dir.path().join("conf.toml"),
        "[highlights]\ndir = \"notes-folder\"\n",
    )
    .unwrap();
    let out = hearsay(
        &["highlights", "bread.txt", "--config", "conf.toml"],
        dir.path(),
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sha = hearsay::annotations::store::content_hash(&ingest(STORY.to_string()));
    assert!(
        stdout.contains(&format!("notes-folder/{sha}.toml")),
        "{stdout}"
    );
}
