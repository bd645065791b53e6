//! Real article texts from `../shared/eval/ggt-dev` (read at test time, never copied into
//! the project) wrapped in a news-site page with navigation, ads, related links, comments
//! and a footer: the HTML reader must give back the article's paragraphs, and attribution
//! must find the same claims (text and speaker) as in the pasted text. Skips when
//! `../shared` is absent.

mod common;

use common::{assert_well_formed, f1};
use hearsay::attribution::analyze;
use hearsay::document::{BlockKind, open};
use std::path::PathBuf;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A page in the shape of a big news site around the paragraphs.
fn page(paragraphs: &[&str]) -> String {
    let mut h = String::from(
        "<!doctype html><html lang=en><head><meta charset=utf-8>\
         <title>Test story | The Daily Example</title>\
         <meta property='og:site_name' content='The Daily Example'>\
         <meta property='og:title' content='Test story'>\
         <script>window.dl=[];function t(){dl.push(arguments)}</script>\
         <script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":\"Test story\",\
         \"author\":{\"@type\":\"Person\",\"name\":\"Staff Writer\"},\
         \"datePublished\":\"2019-01-02T10:00:00Z\"}</script></head><body>\
         <header class=site-header><a href=/>The Daily Example</a><nav><ul>\
         <li><a href=/news>News</a></li><li><a href=/sports>Sports</a></li>\
         <li><a href=/opinion>Opinion</a></li><li><a href=/subscribe>Subscribe</a></li>\
         </ul></nav></header><main><article><header><h1>Test story</h1>\
         <div class=byline>By <a rel=author href=/s>Staff Writer</a></div>\
         <time datetime='2019-01-02T10:00:00Z'>January 2, 2019</time>\
         <div class=share-bar><button>Share</button><a href='#'>Email</a></div></header>\
         <div class=article-body>",
    );
    for (i, p) in paragraphs.iter().enumerate() {
        h.push_str(&format!("<p>{}</p>\n", escape(p)));
        if i == 2 {
            h.push_str(
                "<div class='ad-slot'><span>Advertisement</span><script>t('ad')</script></div>",
            );
        }
        if i == 5 {
            h.push_str(
                "<aside class=related><h3>Related</h3><ul><li><a href=/r1>Another story \
                 about the same subject</a></li><li><a href=/r2>Yet another one</a></li>\
                 </ul></aside>",
            );
        }
    }
    h.push_str(
        "</div></article><section class=comments><h2>Comments</h2><div class=comment>\
         <p>First! This is the best article I have read all week, thanks for writing it.</p>\
         </div></section></main><footer class=site-footer><p>Copyright The Daily Example. \
         All rights reserved. Privacy policy. Terms of service.</p></footer></body></html>",
    );
    h
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn shared_articles_survive_a_trip_through_html() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/ggt-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    files.sort();
    let mut scores = Vec::new();
    let (mut quotes, mut kept) = (0, 0);
    // (claim text, speaker name) found from the pasted text / also found from the page
    let (mut pasted_claims, mut page_claims, mut both) = (0, 0, 0);
    for path in files
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).expect("read")).expect("json");
        let Some(text) = json["text"].as_str() else {
            continue;
        };
        let paragraphs: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let html = page(&paragraphs);
        let doc = open(html.as_bytes(), Some("story.html"), None).expect("opens");
        assert_well_formed(&doc);
        assert_eq!(doc.meta.title.as_deref(), Some("Test story"));
        assert_eq!(doc.meta.byline.as_deref(), Some("Staff Writer"));
        assert_eq!(doc.meta.date.as_deref(), Some("2019-01-02"));
        let body: Vec<&str> = doc
            .blocks
            .iter()
            .filter(|b| {
                !matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Dateline | BlockKind::Byline
                )
            })
            .map(|b| b.text.as_str())
            .collect();
        let got = body.join("\n");
        let score = f1(text, &got);
        assert!(
            score >= 0.95,
            "{}: word F1 {score:.3}\n{got}",
            path.display()
        );
        for furniture in [
            "Advertisement",
            "Another story",
            "First! This",
            "Copyright The Daily",
        ] {
            assert!(
                !doc.source.contains(furniture),
                "{}: {furniture}",
                path.display()
            );
        }
        scores.push(score);
        let claims = |d: &hearsay::document::Document| {
            let a = analyze(d);
            a.claims
                .iter()
                .map(|c| {
                    let who = c.speaker.and_then(|s| a.speaker(s)).map(|s| s.name.clone());
                    (norm(&c.text(d)), who)
                })
                .collect::<Vec<_>>()
        };
        let pasted = claims(&open(text.as_bytes(), None, None).expect("text opens"));
        let from_page = claims(&doc);
        pasted_claims += pasted.len();
        page_claims += from_page.len();
        both += pasted.iter().filter(|c| from_page.contains(c)).count();
        let flat = norm(&doc.source);
        for q in json["quotes"].as_array().into_iter().flatten() {
            if let Some(qt) = q["text"].as_str().map(norm)
                && norm(text).contains(&qt)
            {
                quotes += 1;
                kept += usize::from(flat.contains(&qt));
            }
        }
    }
    if scores.is_empty() {
        eprintln!("skipping: no articles in {}", dir.display());
        return;
    }
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    eprintln!(
        "{} articles, mean word F1 {mean:.4}, quotes kept verbatim {kept}/{quotes}",
        scores.len()
    );
    eprintln!(
        "claims from pasted text {pasted_claims}, from the page {page_claims}, \
         same text and speaker {both}"
    );
    assert!(mean >= 0.98, "mean word F1 {mean:.4}");
    assert!(
        both * 100 >= pasted_claims * 95,
        "attribution finds {both} of {pasted_claims} claims it finds in pasted text"
    );
    assert_eq!(
        kept, quotes,
        "every quote of the text is in the extracted text"
    );
}
