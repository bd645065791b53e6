//! Re-anchoring measured on real articles: the Gender Gap Tracker dev set in `../shared/eval`
//! (read at test time, never copied). Every gold quote is highlighted, the article is edited,
//! and we count how many highlights land on the right words, are orphaned, or are misplaced.
//! Skips with a message when `../shared` is absent.

use hearsay::annotations::{Anchor, Location, LocationKind, NewHighlight, Origin, Store};
use hearsay::document::ingest;
use std::ops::Range;
use std::path::Path;

struct Article {
    text: String,
    /// Byte ranges of the gold quotes (sorted, not overlapping).
    quotes: Vec<Range<usize>>,
}

fn articles() -> Option<Vec<Article>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/ggt-dev");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipping: {} is absent", dir.display());
        return None;
    };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
    {
        let v: serde_json::Value = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
        let text = v["text"].as_str().unwrap().to_string();
        let bytes: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let mut quotes: Vec<Range<usize>> = v["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|q| {
                let s = bytes.get(q["start"].as_u64()? as usize).copied()?;
                let e = bytes.get(q["end"].as_u64()? as usize).copied()?;
                (e > s + 20).then_some(s..e)
            })
            .collect();
        quotes.sort_by_key(|r| r.start);
        quotes.dedup_by(|b, a| b.start < a.end); // drop overlaps
        out.push(Article { text, quotes });
    }
    Some(out)
}

#[derive(Debug, Default)]
struct Tally {
    total: usize,
    right: usize,
    orphaned: usize,
    misplaced: usize,
    fuzzy: usize,
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> f64 {
    let i = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let u = a.end.max(b.end) - a.start.min(b.start);
    i as f64 / u.max(1) as f64
}

/// Highlights every quote of `a`, applies `edit` (which returns the edited text and, per
/// quote, where it should now be, or `None` when it was removed), re-opens and tallies.
fn run(
    articles: &[Article],
    edit: impl Fn(&Article) -> (String, Vec<Option<Range<usize>>>),
    tally: &mut Tally,
    wrong_orphans: &mut usize,
) {
    for a in articles {
        let dir = tempfile::tempdir().unwrap();
        let loc = Location {
            path: dir.path().join("a.hearsay.toml"),
            kind: LocationKind::Sidecar,
        };
        let origin = Origin::File("a.txt".into());
        let doc = ingest(a.text.clone());
        let mut s = Store::open_at(&doc, &origin, loc.clone());
        let ids: Vec<Option<String>> = a
            .quotes
            .iter()
            .map(|r| {
                s.add(NewHighlight::quote(r.clone(), None))
                    .ok()
                    .filter(|x| x.created)
                    .map(|x| x.id)
            })
            .collect();
        s.save().unwrap();
        let (edited, expected) = edit(a);
        let doc2 = ingest(edited);
        let s2 = Store::open_at(&doc2, &origin, loc);
        for (id, want) in ids.iter().zip(expected) {
            let Some(id) = id else { continue };
            let h = s2.get(id).unwrap();
            tally.total += 1;
            if matches!(h.anchor, Anchor::Fuzzy { .. }) {
                tally.fuzzy += 1;
            }
            match (h.anchor.is_orphaned(), want) {
                (true, None) => tally.right += 1,
                (true, Some(_)) => {
                    tally.orphaned += 1;
                    *wrong_orphans += 1;
                }
                (false, None) => {
                    tally.misplaced += 1;
                    if std::env::var_os("HEARSAY_EVAL_VERBOSE").is_some() {
                        eprintln!(
                            "deleted but placed {:?}:\n  saved {:?}\n  got   {:?}",
                            h.anchor,
                            s.get(id).map(|x| x.text.as_str()),
                            &doc2.source[h.range()]
                        );
                    }
                }
                (false, Some(w)) => {
                    if overlap(&h.range(), &w) >= 0.8 {
                        tally.right += 1;
                    } else {
                        tally.misplaced += 1;
                        if std::env::var_os("HEARSAY_EVAL_VERBOSE").is_some() {
                            eprintln!(
                                "misplaced {:?}:\n  want {:?}\n  got  {:?}",
                                h.anchor,
                                &doc2.source[w],
                                &doc2.source[h.range()]
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Paragraphs (lines) re-wrapped at 64 columns, blank lines between them, CRLF line ends.
fn rewrap(a: &Article) -> (String, Vec<Option<Range<usize>>>) {
    // map every byte of the old text to the new one while rebuilding
    let mut out = String::new();
    let mut map = vec![0usize; a.text.len() + 1];
    let mut col = 0;
    let mut i = 0;
    for (li, line) in a.text.split('\n').enumerate() {
        if li > 0 {
            map[i] = out.len();
            out.push_str("\r\n\r\n");
            i += 1;
            col = 0;
        }
        for (wi, word) in line.split(' ').enumerate() {
            if wi > 0 {
                map[i] = out.len();
                if col + 1 + word.chars().count() > 64 {
                    out.push_str("\r\n");
                    col = 0;
                } else {
                    out.push(' ');
                    col += 1;
                }
                i += 1;
            }
            for k in 0..word.len() {
                map[i + k] = out.len() + k;
            }
            out.push_str(word);
            col += word.chars().count();
            i += word.len();
        }
    }
    map[a.text.len()] = out.len();
    let expected = a
        .quotes
        .iter()
        .map(|r| Some(map[r.start]..map[r.end - 1] + 1))
        .collect();
    (out, expected)
}

/// A new first paragraph, and the middle word of every quote replaced by another word.
fn change_words(a: &Article) -> (String, Vec<Option<Range<usize>>>) {
    let lead = "Editor's note: this story was updated with new figures.\n";
    let mut out = String::from(lead);
    let mut at = 0;
    let mut expected = Vec::new();
    for r in &a.quotes {
        out.push_str(&a.text[at..r.start]);
        let start = out.len();
        let q = &a.text[r.clone()];
        let words: Vec<&str> = q.split(' ').collect();
        let mid = words.len() / 2;
        let changed: Vec<&str> = words
            .iter()
            .enumerate()
            .map(|(i, w)| if i == mid { "reportedly" } else { w })
            .collect();
        out.push_str(&changed.join(" "));
        expected.push(Some(start..out.len()));
        at = r.end;
    }
    out.push_str(&a.text[at..]);
    (out, expected)
}

/// Every fifth word of every quote replaced (a heavy copy edit).
fn change_many_words(a: &Article) -> (String, Vec<Option<Range<usize>>>) {
    let mut out = String::new();
    let mut at = 0;
    let mut expected = Vec::new();
    for r in &a.quotes {
        out.push_str(&a.text[at..r.start]);
        let start = out.len();
        let changed: Vec<&str> = a.text[r.clone()]
            .split(' ')
            .enumerate()
            .map(|(i, w)| if i % 5 == 2 { "allegedly" } else { w })
            .collect();
        out.push_str(&changed.join(" "));
        expected.push(Some(start..out.len()));
        at = r.end;
    }
    out.push_str(&a.text[at..]);
    (out, expected)
}

/// Every third quote's paragraph (line) deleted.
fn delete_paragraphs(a: &Article) -> (String, Vec<Option<Range<usize>>>) {
    let line_of = |b: usize| a.text[..b].matches('\n').count();
    let doomed: std::collections::HashSet<usize> = a
        .quotes
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 1)
        .flat_map(|(_, r)| line_of(r.start)..=line_of(r.end))
        .collect();
    let mut out = String::new();
    let mut new_start = Vec::new(); // line index -> start in out (None when deleted)
    for (li, line) in a.text.split('\n').enumerate() {
        if doomed.contains(&li) {
            new_start.push(None);
            continue;
        }
        new_start.push(Some(out.len()));
        out.push_str(line);
        out.push('\n');
    }
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(a.text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let expected = a
        .quotes
        .iter()
        .map(|r| {
            let (l1, l2) = (line_of(r.start), line_of(r.end));
            if doomed.contains(&l1) || doomed.contains(&l2) {
                return None;
            }
            let delta = new_start[l1]? as isize - line_starts[l1] as isize;
            Some((r.start as isize + delta) as usize..(r.end as isize + delta) as usize)
        })
        .collect();
    (out, expected)
}

#[test]
fn reanchoring_on_real_articles() {
    let Some(articles) = articles() else { return };
    type Edit = fn(&Article) -> (String, Vec<Option<Range<usize>>>);
    let scenarios: [(&str, Edit); 4] = [
        ("re-wrapped, CRLF", rewrap),
        (
            "lead paragraph added + a word changed in every quote",
            change_words,
        ),
        ("every fifth word of every quote changed", change_many_words),
        ("every third quoted paragraph deleted", delete_paragraphs),
    ];
    // the scenarios are independent: run them side by side
    let report: Vec<(&str, Tally)> = std::thread::scope(|scope| {
        let handles: Vec<_> = scenarios
            .iter()
            .map(|&(name, edit)| {
                let articles = &articles;
                scope.spawn(move || {
                    let mut t = Tally::default();
                    let mut wrong_orphans = 0;
                    run(articles, edit, &mut t, &mut wrong_orphans);
                    eprintln!(
                        "{name}: {} highlights, {} right ({:.1} %), {} orphaned wrongly, {} misplaced, {} by approximate match",
                        t.total,
                        t.right,
                        100.0 * t.right as f64 / t.total.max(1) as f64,
                        wrong_orphans,
                        t.misplaced,
                        t.fuzzy
                    );
                    (name, t)
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let (_, wrap) = &report[0];
    assert!(wrap.total > 200, "{wrap:?}");
    assert_eq!(
        wrap.right, wrap.total,
        "re-wrapping must not lose anything: {wrap:?}"
    );
    assert_eq!(wrap.fuzzy, 0, "{wrap:?}");
    let (_, words) = &report[1];
    assert!(words.right as f64 >= 0.99 * words.total as f64, "{words:?}");
    assert!(
        words.misplaced as f64 <= 0.01 * words.total as f64,
        "{words:?}"
    );
    let (_, many) = &report[2];
    assert!(many.right as f64 >= 0.99 * many.total as f64, "{many:?}");
    assert!(
        many.misplaced as f64 <= 0.02 * many.total as f64,
        "{many:?}"
    );
    let (_, del) = &report[3];
    assert!(del.right as f64 >= 0.95 * del.total as f64, "{del:?}");
    assert!(del.misplaced as f64 <= 0.02 * del.total as f64, "{del:?}");
}
