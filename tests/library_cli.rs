//! `hearsay library …` for scripts: index, speakers, search and quotes (text and JSON),
//! corrections saved to the people file, errors that say how to fix them. Every run has
//! its own HOME and XDG folders (never the developer's).

mod common;

use common::corpus;
use std::path::Path;
use std::process::{Command, Output};

fn hearsay(home: &Path, args: &[&str]) -> Output {
    Command::new(common::pty::BIN)
        .args(args)
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env_remove("HEARSAY_CONFIG")
        .output()
        .expect("hearsay runs")
}

fn stdout(o: &Output) -> String {
    assert!(
        o.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

#[test]
fn index_speakers_search_and_quotes_for_scripts() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_corpus(&news, 30, 2_500);
    let dir = news.to_str().unwrap();

    let out = stdout(&hearsay(home.path(), &["library", "index", dir]));
    assert!(out.contains("30 articles (30 analysed"), "{out}");
    assert!(home.path().join("data/hearsay/library.sqlite").exists());
    let out = stdout(&hearsay(home.path(), &["library", "index", dir]));
    assert!(out.contains("30 unchanged"), "{out}");

    let people: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &["library", "speakers", dir, "--json"],
    )))
    .unwrap();
    let people = people.as_array().unwrap();
    assert!(!people.is_empty());
    let top = &people[0];
    let name = top["name"].as_str().unwrap().to_string();
    assert!(top["articles"].as_u64().unwrap() >= 2, "{top}");

    let quotes: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &["library", "quotes", dir, "--speaker", &name, "--json"],
    )))
    .unwrap();
    let quotes = quotes.as_array().unwrap();
    let files: std::collections::HashSet<_> =
        quotes.iter().map(|q| q["path"].as_str().unwrap()).collect();
    assert_eq!(files.len() as u64, top["articles"].as_u64().unwrap());

    let surname = name.rsplit(' ').next().unwrap();
    let hits: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &[
            "library",
            "search",
            dir,
            &format!("speaker:{surname}"),
            "--json",
        ],
    )))
    .unwrap();
    assert!(!hits.as_array().unwrap().is_empty());

    let text = stdout(&hearsay(
        home.path(),
        &["library", "search", dir, "harbour"],
    ));
    assert!(text.to_lowercase().contains("[harbour]"), "{text}");
}

#[test]
fn versions_of_one_article_are_listed_with_their_timeline() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_versions(&news);
    let dir = news.to_str().unwrap();
    let stories: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &["library", "versions", dir, "--json"],
    )))
    .unwrap();
    let stories = stories.as_array().unwrap();
    assert_eq!(
        stories.len(),
        1,
        "the ferry article has one version: {stories:?}"
    );
    let story = &stories[0];
    assert_eq!(story["title"], "Tide gates fail again on the east quay");
    assert_eq!(story["publication"], "Saltmarsh Gazette");
    let files: Vec<&str> = story["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["path"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(
        files,
        [
            "tide-gates-0900.html",
            "tide-gates-1400.html",
            "tide-gates-saved.md"
        ],
        "oldest first"
    );
    assert_eq!(story["versions"][0]["modified"], "2025-05-02T09:05:00Z");
    assert_eq!(
        story["versions"][0]["title"],
        "Tide gates fail on the east quay"
    );
    let text = stdout(&hearsay(home.path(), &["library", "versions", dir]));
    assert!(
        text.starts_with("Tide gates fail again on the east quay (Saltmarsh Gazette)"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(!text.contains("ferry"), "{text}");
}

#[test]
fn corrections_are_saved_in_the_people_file() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_corpus(&news, 20, 2_500);
    let dir = news.to_str().unwrap();
    let people: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &["library", "speakers", dir, "--json"],
    )))
    .unwrap();
    let names: Vec<String> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["kind"] == "person")
        .map(|p| p["name"].as_str().unwrap().to_string())
        .take(2)
        .collect();
    assert_eq!(names.len(), 2);
    let before = people.as_array().unwrap().len();
    let o = hearsay(
        home.path(),
        &["library", "merge", dir, &names[0], &names[1]],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let file = std::fs::read_to_string(home.path().join("data/hearsay/people.toml")).unwrap();
    assert!(
        file.contains("[[merge]]") && file.contains(&names[0]),
        "{file}"
    );
    let after: serde_json::Value = serde_json::from_str(&stdout(&hearsay(
        home.path(),
        &["library", "speakers", dir, "--json"],
    )))
    .unwrap();
    assert_eq!(after.as_array().unwrap().len(), before - 1);

    // a broken file is reported with line and column and left alone
    std::fs::write(
        home.path().join("data/hearsay/people.toml"),
        "version = 1\n[[merge]\n",
    )
    .unwrap();
    let o = hearsay(
        home.path(),
        &["library", "merge", dir, &names[0], &names[1]],
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("line 2"), "{err}");
    let file = std::fs::read_to_string(home.path().join("data/hearsay/people.toml")).unwrap();
    assert_eq!(file, "version = 1\n[[merge]\n");
}

#[test]
fn errors_say_how_to_fix_them() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("news");
    corpus::write_corpus(&news, 3, 2_000);
    let dir = news.to_str().unwrap();
    let o = hearsay(home.path(), &["library", "search", dir, "kind:martian"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown kind 'martian'"));
    let o = hearsay(
        home.path(),
        &["library", "quotes", dir, "--speaker", "Nobody Atall"],
    );
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("hearsay library speakers"));
    let o = hearsay(home.path(), &["library", "index", "/nonexistent/folder"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/folder"));
    // without a folder and none configured
    let o = hearsay(home.path(), &["library"]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("[library] dir"));
}
