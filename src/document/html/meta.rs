//! Header facts of a web page: title, dek, byline, date and publication.
//!
//! Sources, most trusted first: JSON-LD (`NewsArticle` and friends, also inside `@graph`),
//! Open Graph and `article:` meta tags, other common meta names, then visible markup
//! (`<h1>`, `rel=author`, `.byline`, `<time datetime>`, a standfirst element), and last the
//! `<title>` with the site name cut off.

use super::super::date::date_at_start;
use super::super::open::build::strip_by;
use dom_query::Document as Dom;
use serde_json::Value;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageMeta {
    /// Headline.
    pub title: Option<String>,
    /// A visible standfirst under the headline.
    pub standfirst: Option<String>,
    /// The description from metadata (may not be shown on the page).
    pub description: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Site or publication name.
    pub publication: Option<String>,
    /// The article text from JSON-LD `articleBody`, when the page carries it.
    pub article_body: Option<String>,
    /// The canonical address: `<link rel=canonical>`, else `og:url`, else JSON-LD `url`.
    pub url: Option<String>,
}

/// Collapses white space and trims.
pub(crate) fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapsed text, or `None` when blank.
pub(crate) fn non_empty(s: impl AsRef<str>) -> Option<String> {
    let s = squash(s.as_ref());
    (!s.is_empty()).then_some(s)
}

fn meta_content(dom: &Dom, selectors: &[&str]) -> Option<String> {
    selectors.iter().find_map(|sel| {
        dom.select(sel)
            .nodes()
            .iter()
            .find_map(|n| n.attr("content").and_then(non_empty))
    })
}

/// Reads `YYYY-MM-DD…` or a written date into `YYYY-MM-DD`.
pub(crate) fn normalise_date(s: &str) -> Option<String> {
    let t = s.trim();
    let b = t.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
    {
        let (y, m, d): (u32, u32, u32) = (
            t[..4].parse().ok()?,
            t[5..7].parse().ok()?,
            t[8..10].parse().ok()?,
        );
        return ((1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| t[..10].to_string());
    }
    date_at_start(t).map(|d| d.iso)
}

/// The JSON-LD object describing the article, if the page has one.
fn json_ld_article(dom: &Dom) -> Option<Value> {
    fn is_article(v: &Value) -> bool {
        let ty = |t: &str| {
            t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting"
        };
        match v.get("@type") {
            Some(Value::String(t)) => ty(t),
            Some(Value::Array(a)) => a.iter().any(|t| t.as_str().is_some_and(ty)),
            _ => false,
        }
    }
    fn find(v: &Value, depth: usize) -> Option<&Value> {
        if depth > 6 {
            return None;
        }
        match v {
            Value::Array(a) => a.iter().find_map(|x| find(x, depth + 1)),
            Value::Object(o) => {
                if is_article(v) {
                    return Some(v);
                }
                o.get("@graph").and_then(|g| find(g, depth + 1))
            }
            _ => None,
        }
    }
    dom.select(r#"script[type="application/ld+json"]"#)
        .nodes()
        .iter()
        .find_map(|n| {
            let text = n.text();
            let text = text.trim().trim_end_matches(';');
            let v: Value = serde_json::from_str(text).ok()?;
            find(&v, 0).cloned()
        })
}

fn ld_str(v: &Value, key: &str) -> Option<String> {
    match v.get(key)? {
        Value::String(s) => non_empty(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(non_empty),
        Value::Array(a) => a.first().and_then(|x| match x {
            Value::String(s) => non_empty(s),
            Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(non_empty),
            _ => None,
        }),
        _ => None,
    }
}

/// Author names from a JSON-LD `author` value (a string, a Person, or a list of either).
fn ld_authors(v: &Value) -> Vec<String> {
    let one = |x: &Value| match x {
        Value::String(s) => non_empty(s),
        Value::Object(o) => o.get("name").and_then(Value::as_str).and_then(non_empty),
        _ => None,
    };
    match v.get("author") {
        Some(Value::Array(a)) => a.iter().filter_map(one).collect(),
        Some(x) => one(x).into_iter().collect(),
        None => Vec::new(),
    }
}

/// "A", "A and B", "A, B and C".
pub(crate) fn join_names(names: &[String]) -> Option<String> {
    let mut uniq: Vec<&String> = Vec::new();
    for n in names {
        if !uniq.iter().any(|u| u.eq_ignore_ascii_case(n)) {
            uniq.push(n);
        }
    }
    match uniq.as_slice() {
        [] => None,
        [a] => Some(a.to_string()),
        [rest @ .., last] => Some(format!(
            "{} and {last}",
            rest.iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

/// Lower-case words of a text, for loose comparisons.
pub(crate) fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b`.
pub(crate) fn overlap(a: &str, b: &str) -> f64 {
    let wa = words(a);
    if wa.is_empty() {
        return 0.0;
    }
    let wb = words(b);
    wa.iter().filter(|w| wb.contains(w)).count() as f64 / wa.len() as f64
}

/// Cuts a site name off a page title ("Headline | The Courier", "Courier - Headline").
pub(crate) fn strip_site(title: &str, publication: Option<&str>) -> String {
    let seps = [" | ", " - ", " – ", " — ", " · ", " :: ", " » "];
    let mut t = squash(title);
    for _ in 0..2 {
        let Some((at, sep)) = seps
            .iter()
            .filter_map(|s| t.rfind(s).map(|i| (i, *s)))
            .max_by_key(|(i, _)| *i)
        else {
            break;
        };
        let (head, tail) = (&t[..at], &t[at + sep.len()..]);
        let is_site = |part: &str| {
            publication.is_some_and(|p| overlap(part, p) >= 0.99 || overlap(p, part) >= 0.99)
                || part.split_whitespace().count() <= 3
        };
        if is_site(tail) && head.split_whitespace().count() >= 2 {
            t = head.trim().to_string();
        } else if let Some((first, rest)) = seps
            .iter()
            .filter_map(|s| t.find(s).map(|i| (i, *s)))
            .min_by_key(|(i, _)| *i)
            .map(|(i, s)| (&t[..i], &t[i + s.len()..]))
            && publication.is_some_and(|p| overlap(first, p) >= 0.99)
        {
            t = rest.trim().to_string();
        } else {
            break;
        }
    }
    t
}

/// The site name at the end of a page title ("Headline :: Valley Echo" → "Valley Echo").
pub(crate) fn site_suffix(title: &str) -> Option<String> {
    let t = squash(title);
    let (at, sep) = [" | ", " - ", " – ", " — ", " · ", " :: ", " » "]
        .iter()
        .filter_map(|s| t.rfind(s).map(|i| (i, *s)))
        .max_by_key(|(i, _)| *i)?;
    let (head, tail) = (&t[..at], t[at + sep.len()..].trim());
    (head.split_whitespace().count() >= 2 && (1..=4).contains(&tail.split_whitespace().count()))
        .then(|| tail.to_string())
}

/// Cleans a byline: drops "By", trailing dates or roles after a pipe, extra white space.
pub(crate) fn clean_byline(s: &str) -> Option<String> {
    let s = squash(s);
    let s = strip_by(&s);
    let s = s
        .split(['|', '\n', '•', '·'])
        .next()
        .unwrap_or_default()
        .trim();
    // "Ana Ruiz Published March 4, 2025": cut where a date or its label starts
    let cut = s
        .match_indices(' ')
        .map(|(i, _)| i + 1)
        .find(|&i| {
            let rest = &s[i..];
            date_at_start(rest).is_some()
                || ["Published", "Updated", "Posted"]
                    .iter()
                    .any(|w| rest.starts_with(w))
        })
        .unwrap_or(s.len());
    let s = s[..cut].trim();
    let s = s.trim_end_matches([',', ';', '.', ':', '-', '—']).trim();
    let n = s.split_whitespace().count();
    (!s.is_empty() && n <= 16 && s.chars().count() <= 150 && !s.starts_with("http"))
        .then(|| s.to_string())
}

/// Reads the page's header facts.
pub(crate) fn page_meta(dom: &Dom) -> PageMeta {
    let ld = json_ld_article(dom);
    let ld = ld.as_ref();

    let publication = meta_content(dom, &[r#"meta[property="og:site_name"]"#])
        .or_else(|| ld.and_then(|v| ld_str(v, "publisher")))
        .or_else(|| meta_content(dom, &[r#"meta[name="application-name"]"#]));
    let pubref = publication.as_deref();

    // title
    let metas: Vec<String> = [
        ld.and_then(|v| ld_str(v, "headline")),
        meta_content(
            dom,
            &[
                r#"meta[property="og:title"]"#,
                r#"meta[name="twitter:title"]"#,
                r#"meta[name="title"]"#,
            ],
        ),
    ]
    .into_iter()
    .flatten()
    .map(|t| strip_site(&t, pubref))
    .collect();
    let h1_in = |sel: &str| {
        dom.select(sel)
            .nodes()
            .iter()
            .map(|n| squash(&n.text()))
            .find(|t| !t.is_empty() && pubref.is_none_or(|p| !t.eq_ignore_ascii_case(p)))
    };
    let article_h1 = h1_in("article h1").or_else(|| h1_in("main h1"));
    let any_h1 = h1_in("h1");
    let publication = publication.or_else(|| {
        dom.select("head title")
            .nodes()
            .first()
            .and_then(|n| site_suffix(&n.text()))
    });
    let pubref = publication.as_deref();
    let page_title = dom
        .select("head title")
        .nodes()
        .first()
        .map(|n| strip_site(&n.text(), pubref))
        .filter(|t| !t.is_empty());
    let title = article_h1
        .filter(|t| t.chars().count() <= 300)
        .or_else(|| {
            any_h1.clone().filter(|h| {
                metas.is_empty()
                    || metas
                        .iter()
                        .any(|m| overlap(h, m) >= 0.6 || overlap(m, h) >= 0.6)
            })
        })
        .or_else(|| metas.first().cloned())
        .or(any_h1)
        .or(page_title)
        .filter(|t| t.chars().count() <= 300);

    // byline
    let mut byline = ld.map(ld_authors).and_then(|a| join_names(&a));
    if byline.is_none() {
        byline = meta_content(
            dom,
            &[
                r#"meta[name="author"]"#,
                r#"meta[name="byl"]"#,
                r#"meta[property="article:author"]"#,
                r#"meta[name="sailthru.author"]"#,
                r#"meta[name="parsely-author"]"#,
            ],
        )
        .and_then(|s| clean_byline(&s))
        .filter(|s| pubref.is_none_or(|p| !s.eq_ignore_ascii_case(p)));
    }
    if byline.is_none() {
        let names: Vec<String> = dom
            .select(r#"a[rel="author"], [itemprop="author"] [itemprop="name"]"#)
            .nodes()
            .iter()
            .filter_map(|n| clean_byline(&n.text()))
            .collect();
        byline = join_names(&names);
    }
    if byline.is_none() {
        byline = dom
            .select(r#"[class*="byline"], [class*="author-name"], [itemprop="author"]"#)
            .nodes()
            .iter()
            .filter(|n| {
                // photo credits in captions are not the article's byline
                !n.ancestors_it(Some(32)).any(|a| {
                    a.node_name()
                        .is_some_and(|name| matches!(&*name, "figure" | "figcaption"))
                })
            })
            .filter_map(|n| clean_byline(&n.text()))
            .next();
    }

    // date
    let date = meta_content(
        dom,
        &[
            r#"meta[property="article:published_time"]"#,
            r#"meta[itemprop="datePublished"]"#,
            r#"meta[name="pubdate"]"#,
            r#"meta[name="publish-date"]"#,
            r#"meta[name="parsely-pub-date"]"#,
            r#"meta[name="date"]"#,
            r#"meta[name="dc.date"]"#,
            r#"meta[name="DC.date.issued"]"#,
        ],
    )
    .and_then(|d| normalise_date(&d))
    .or_else(|| {
        ld.and_then(|v| v.get("datePublished").and_then(Value::as_str))
            .and_then(normalise_date)
    })
    .or_else(|| {
        dom.select(r#"[itemprop="datePublished"], time[datetime]"#)
            .nodes()
            .iter()
            .find_map(|n| {
                n.attr("datetime")
                    .or_else(|| n.attr("content"))
                    .and_then(|d| normalise_date(&d))
                    .or_else(|| normalise_date(&n.text()))
            })
    });

    // dek
    let description = ld.and_then(|v| ld_str(v, "description")).or_else(|| {
        meta_content(
            dom,
            &[
                r#"meta[property="og:description"]"#,
                r#"meta[name="description"]"#,
                r#"meta[name="twitter:description"]"#,
            ],
        )
    });
    let standfirst = dom
        .select(
            r#"[class*="standfirst"], [class*="dek"], [class*="subtitle"], [class*="subheadline"],
               [class*="sub-headline"], [class*="article-summary"], [itemprop="description"]"#,
        )
        .nodes()
        .iter()
        .filter(|n| {
            n.node_name().is_some_and(|name| {
                !matches!(
                    &*name,
                    "meta" | "body" | "html" | "article" | "main" | "section"
                )
            }) && !n.ancestors_it(Some(40)).any(|a| {
                a.node_name()
                    .is_some_and(|name| matches!(&*name, "aside" | "nav" | "footer"))
            })
        })
        .map(|n| squash(&n.text()))
        .find(|t| (20..=600).contains(&t.chars().count()));

    let article_body = ld
        .and_then(|v| v.get("articleBody"))
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|b| !b.is_empty())
        .map(str::to_string);

    let url = dom
        .select(r#"link[rel~="canonical"]"#)
        .nodes()
        .iter()
        .find_map(|n| n.attr("href").and_then(non_empty))
        .or_else(|| meta_content(dom, &[r#"meta[property="og:url"]"#]))
        .or_else(|| ld.and_then(|v| ld_str(v, "url")))
        .filter(|u| u.contains("://"));

    PageMeta {
        url,
        article_body,
        title,
        standfirst,
        description,
        byline,
        date,
        publication,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_canonical_address_comes_from_the_link_then_open_graph() {
        let url = |html: &str| page_meta(&Dom::from(html)).url;
        assert_eq!(
            url(
                "<html><head><meta property='og:url' content='https://gazette.example/og'>\
                 <link rel='canonical' href='https://gazette.example/tide-gates'></head></html>"
            )
            .as_deref(),
            Some("https://gazette.example/tide-gates")
        );
        assert_eq!(
            url("<html><head><meta property='og:url' content='https://gazette.example/og'></head></html>")
                .as_deref(),
            Some("https://gazette.example/og")
        );
        assert_eq!(
            url("<html><head><link rel='canonical' href='/relative'></head></html>"),
            None
        );
    }

    #[test]
    fn dates_normalise() {
        assert_eq!(
            normalise_date("2025-03-04T10:00:00Z").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(
            normalise_date("March 4, 2025 10:00").as_deref(),
            Some("2025-03-04")
        );
        assert_eq!(normalise_date("2025-13-04"), None);
        assert_eq!(normalise_date("soon"), None);
    }

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(
            strip_site(
                "Harbour floods again | The Tidewater Courier",
                Some("The Tidewater Courier")
            ),
            "Harbour floods again"
        );
        assert_eq!(
            strip_site("Courier - Harbour floods again", Some("Courier")),
            "Harbour floods again"
        );
        assert_eq!(
            strip_site("Harbour floods - Courier", None),
            "Harbour floods"
        );
        assert_eq!(
            strip_site("Red - Green - Blue tides are back", None),
            "Red - Green - Blue tides are back"
        );
    }

    #[test]
    fn names_join_and_bylines_clean() {
        let n = |v: &[&str]| join_names(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(
            n(&["A B", "C D", "E F"]).as_deref(),
            Some("A B, C D and E F")
        );
        assert_eq!(n(&["A B", "a b"]).as_deref(), Some("A B"));
        assert_eq!(
            clean_byline("  By  Ana Ruiz | Staff ").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(clean_byline("https://x.org/ana"), None);
        assert_eq!(
            clean_byline("By Ana Ruiz Updated March 4, 2025").as_deref(),
            Some("Ana Ruiz")
        );
        assert_eq!(
            clean_byline("Ana Ruiz, March 4, 2025").as_deref(),
            Some("Ana Ruiz")
        );
    }
}
