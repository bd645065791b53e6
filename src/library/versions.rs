//! Versions of one article: files of a library that hold the same story at different
//! times (a page saved before and after the newsroom edited it).
//!
//! Two files are versions of one article when their pages give the same canonical address
//! ([`crate::document::Meta::url`]: `<link rel=canonical>`, `og:url`, front matter `url`),
//! compared by [`url_key`]; a file without an address joins the story of its title and
//! publication — the one story with an address that has them, else the other files without
//! an address that have them. A file that has neither an address nor both a title and a
//! publication is a story of its own: a title alone ("Letters", "Corrections") is not
//! enough to say two files are one article.
//!
//! Within a story the versions are in time order: publication date, then the file's
//! modification time, then path. Grouping is pure: it works on the article list
//! ([`ArticleEntry`]) the library already loads.

use super::ArticleEntry;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;

/// Query parameters that only track where a reader came from: dropped from addresses.
const TRACKING: &[&str] = &[
    "fbclid", "gclid", "cmpid", "smid", "ref", "source", "mc_cid", "mc_eid", "ocid", "dclid",
];

/// The key that says two canonical addresses name one article: without the scheme, `www.`,
/// the fragment, tracking parameters (`utm_*`, `fbclid`…) and a trailing slash; the host
/// in lower case (paths keep their case: servers tell them apart).
///
/// ```
/// use hearsay::library::versions::url_key;
/// assert_eq!(
///     url_key("https://WWW.Example.org/2025/tide-gates/?utm_source=x#top"),
///     url_key("http://example.org/2025/tide-gates")
/// );
/// assert_ne!(url_key("https://example.org/a?id=1"), url_key("https://example.org/a?id=2"));
/// ```
pub fn url_key(url: &str) -> String {
    let u = url.trim();
    let u = u.split_once('#').map_or(u, |(before, _)| before);
    let rest = u.split_once("://").map_or(u, |(_, after)| after);
    let (host, path) = match rest.find(['/', '?']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = host.to_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    let host = host
        .strip_suffix(":443")
        .or_else(|| host.strip_suffix(":80"))
        .unwrap_or(host);
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    let mut params: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let name = p.split('=').next().unwrap_or("").to_ascii_lowercase();
            !name.is_empty() && !name.starts_with("utm_") && !TRACKING.contains(&name.as_str())
        })
        .collect();
    params.sort_unstable();
    let path = path.trim_end_matches('/');
    if params.is_empty() {
        format!("{host}{path}")
    } else {
        format!("{host}{path}?{}", params.join("&"))
    }
}

/// A title or publication for comparison: lower case, words only.
fn words_key(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The title-and-publication key of an article, when it has both.
fn title_key(e: &ArticleEntry) -> Option<(String, String)> {
    let publication = words_key(e.publication.as_deref()?);
    let publication = publication
        .strip_prefix("the ")
        .map_or(publication.clone(), str::to_string);
    let title = words_key(&e.title);
    (!title.is_empty() && !publication.is_empty()).then_some((title, publication))
}

/// The articles of a library grouped into stories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stories {
    /// For each article (index into the list grouped), its story (index into `stories`).
    pub story_of: Vec<usize>,
    /// Each story's articles (indices into the list grouped), oldest version first.
    pub stories: Vec<Vec<usize>>,
}

impl Stories {
    /// The versions of the story of article `i` (itself alone when it has no other).
    pub fn versions_of(&self, i: usize) -> &[usize] {
        self.story_of
            .get(i)
            .and_then(|&s| self.stories.get(s))
            .map_or(&[], Vec::as_slice)
    }

    /// The newest version of the story of article `i`.
    pub fn latest_of(&self, i: usize) -> usize {
        self.versions_of(i).last().copied().unwrap_or(i)
    }

    /// Stories with more than one version.
    pub fn with_versions(&self) -> impl Iterator<Item = &[usize]> {
        self.stories
            .iter()
            .filter(|s| s.len() > 1)
            .map(Vec::as_slice)
    }
}

/// Groups articles into stories (see the module documentation). Every article is in
/// exactly one story; stories are in the order of their first article in `entries`.
pub fn group(entries: &[ArticleEntry]) -> Stories {
    let mut story_of = vec![usize::MAX; entries.len()];
    let mut stories: Vec<Vec<usize>> = Vec::new();
    let mut by_url: HashMap<String, usize> = HashMap::new();
    // the stories with an address that have a title and publication
    let mut url_titles: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        let Some(url) = e.url.as_deref().map(url_key).filter(|k| !k.is_empty()) else {
            continue;
        };
        let s = *by_url.entry(url).or_insert_with(|| {
            stories.push(Vec::new());
            stories.len() - 1
        });
        stories[s].push(i);
        story_of[i] = s;
        if let Some(k) = title_key(e) {
            let list = url_titles.entry(k).or_default();
            if !list.contains(&s) {
                list.push(s);
            }
        }
    }
    let mut by_title: HashMap<(String, String), usize> = HashMap::new();
    for (i, e) in entries.iter().enumerate() {
        if story_of[i] != usize::MAX {
            continue;
        }
        let s = match title_key(e) {
            Some(k) => match url_titles.get(&k).map(Vec::as_slice) {
                Some(&[only]) => only,
                _ => *by_title.entry(k).or_insert_with(|| {
                    stories.push(Vec::new());
                    stories.len() - 1
                }),
            },
            None => {
                stories.push(Vec::new());
                stories.len() - 1
            }
        };
        stories[s].push(i);
        story_of[i] = s;
    }
    for s in &mut stories {
        s.sort_by(|&a, &b| {
            let (x, y) = (&entries[a], &entries[b]);
            x.date
                .cmp(&y.date)
                .then(x.mtime.cmp(&y.mtime))
                .then_with(|| x.path.cmp(&y.path))
        });
    }
    // stories in the order of their first article in the list
    let mut order: Vec<usize> = (0..stories.len()).collect();
    order.sort_by_key(|&s| stories[s].iter().min().copied().unwrap_or(usize::MAX));
    let mut renumber = vec![0; stories.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let mut sorted = vec![Vec::new(); stories.len()];
    for (old, s) in stories.into_iter().enumerate() {
        sorted[renumber[old]] = s;
    }
    for s in &mut story_of {
        *s = renumber[*s];
    }
    Stories {
        story_of,
        stories: sorted,
    }
}

/// One version of a story, for scripts (`hearsay library versions DIR --json`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Version {
    /// The file.
    pub path: PathBuf,
    /// Its headline.
    pub title: String,
    /// Publication date (ISO 8601), when known.
    pub date: Option<String>,
    /// The file's modification time, UTC (`YYYY-MM-DDTHH:MM:SSZ`).
    pub modified: String,
    /// SHA-256 of its bytes.
    pub hash: String,
    /// Quotations.
    pub quotes: usize,
    /// Speakers.
    pub speakers: usize,
}

/// A story with several versions, for scripts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Story {
    /// The newest version's headline.
    pub title: String,
    /// The publication, when known.
    pub publication: Option<String>,
    /// The canonical address, when a version gives one.
    pub url: Option<String>,
    /// The versions, oldest first.
    pub versions: Vec<Version>,
}

/// A modification time (nanoseconds since the epoch) as UTC, to the second.
///
/// ```
/// assert_eq!(hearsay::library::versions::modified(1_795_550_400_000_000_000), "2026-11-24T20:00:00Z");
/// ```
pub fn modified(mtime_ns: i64) -> String {
    let secs = u64::try_from(mtime_ns / 1_000_000_000).unwrap_or(0);
    crate::annotations::highlight::datetime_from_unix(secs).to_string()
}

/// The stories of `entries` that have more than one version, in list order.
pub fn stories(entries: &[ArticleEntry]) -> Vec<Story> {
    let grouped = group(entries);
    grouped
        .with_versions()
        .map(|ids| {
            let latest = &entries[ids[ids.len() - 1]];
            Story {
                title: latest.title.clone(),
                publication: ids
                    .iter()
                    .rev()
                    .find_map(|&i| entries[i].publication.clone()),
                url: ids.iter().rev().find_map(|&i| entries[i].url.clone()),
                versions: ids
                    .iter()
                    .map(|&i| {
                        let e = &entries[i];
                        Version {
                            path: e.path.clone(),
                            title: e.title.clone(),
                            date: e.date.clone(),
                            modified: modified(e.mtime),
                            hash: e.hash.clone(),
                            quotes: e.quotes,
                            speakers: e.speakers,
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        path: &str,
        title: &str,
        publication: Option<&str>,
        url: Option<&str>,
        mtime: i64,
    ) -> ArticleEntry {
        ArticleEntry {
            path: PathBuf::from(path),
            hash: path.to_string(),
            title: title.into(),
            publication: publication.map(str::to_string),
            date: Some("2025-05-02".into()),
            url: url.map(str::to_string),
            mtime,
            bytes: 100,
            quotes: 1,
            claims: 1,
            speakers: 1,
            unnamed: 0,
            highlights: 0,
            read: None,
        }
    }

    #[test]
    fn same_address_is_one_story_in_time_order() {
        let list = [
            entry(
                "/n/b.html",
                "Tide gates fail again",
                Some("Saltmarsh Gazette"),
                Some("https://gazette.example/tide-gates?utm_medium=rss"),
                20,
            ),
            entry(
                "/n/other.html",
                "Ferry strike ends",
                Some("Saltmarsh Gazette"),
                Some("https://gazette.example/ferry"),
                5,
            ),
            entry(
                "/n/a.html",
                "Tide gates fail",
                Some("Saltmarsh Gazette"),
                Some("http://www.gazette.example/tide-gates/"),
                10,
            ),
        ];
        let g = group(&list);
        assert_eq!(g.stories.len(), 2);
        assert_eq!(
            g.versions_of(0),
            [2, 0],
            "oldest first, whatever the headline"
        );
        assert_eq!(g.versions_of(1), [1]);
        assert_eq!(g.latest_of(2), 0);
        assert_eq!(g.with_versions().count(), 1);
    }

    #[test]
    fn without_an_address_the_title_and_publication_decide() {
        let list = [
            entry(
                "/n/x1.txt",
                "Council delays the levy vote",
                Some("The Valley Courier"),
                None,
                1,
            ),
            entry(
                "/n/x2.md",
                "Council Delays the Levy Vote",
                Some("Valley Courier"),
                None,
                2,
            ),
            // same title, other publication: another article
            entry(
                "/n/y.txt",
                "Council delays the levy vote",
                Some("Northgate Post"),
                None,
                3,
            ),
            // a title alone says nothing
            entry("/n/z1.txt", "Letters", None, None, 4),
            entry("/n/z2.txt", "Letters", None, None, 5),
        ];
        let g = group(&list);
        assert_eq!(g.versions_of(0), [0, 1]);
        assert_eq!(g.versions_of(2), [2]);
        assert_eq!(g.versions_of(3), [3]);
        assert_eq!(g.versions_of(4), [4]);
    }

    #[test]
    fn a_copy_without_address_joins_the_one_story_with_its_title() {
        let list = [
            entry(
                "/n/a.html",
                "Harbour fees rise",
                Some("Quillmark Daily"),
                Some("https://quill.example/fees"),
                1,
            ),
            entry(
                "/n/a.txt",
                "Harbour fees rise",
                Some("Quillmark Daily"),
                None,
                2,
            ),
            // two different addresses with one title: the copy cannot tell which it is
            entry(
                "/n/c1.html",
                "Weekly briefing",
                Some("Quillmark Daily"),
                Some("https://quill.example/brief-1"),
                3,
            ),
            entry(
                "/n/c2.html",
                "Weekly briefing",
                Some("Quillmark Daily"),
                Some("https://quill.example/brief-2"),
                4,
            ),
            entry(
                "/n/c.txt",
                "Weekly briefing",
                Some("Quillmark Daily"),
                None,
                5,
            ),
        ];
        let g = group(&list);
        assert_eq!(g.versions_of(1), [0, 1]);
        assert_eq!(g.versions_of(2), [2]);
        assert_eq!(g.versions_of(3), [3]);
        assert_eq!(g.versions_of(4), [4]);
        let s = stories(&list);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].url.as_deref(), Some("https://quill.example/fees"));
        assert_eq!(s[0].versions[0].modified, "1970-01-01T00:00:00Z");
    }

    #[test]
    fn addresses_differing_in_what_matters_stay_apart() {
        assert_ne!(
            url_key("https://a.example/x"),
            url_key("https://a.example/y")
        );
        assert_ne!(
            url_key("https://a.example/x"),
            url_key("https://b.example/x")
        );
        assert_eq!(
            url_key("https://a.example/x?b=2&a=1"),
            url_key("https://a.example/x?a=1&b=2&fbclid=z")
        );
        assert_eq!(
            url_key("https://a.example:443/x"),
            url_key("https://a.example/x")
        );
    }
}
