//! Reading a saved web page: the article out of the page, as the same [`Document`] model
//! as pasted text.
//!
//! 0. **Guard** (`guard.rs`): nesting deeper than 256, attributes past the first 256 of an
//!    element and attributes over 64 KB are cut before parsing (the HTML parser is quadratic
//!    in the first two, and later passes copy attribute values); pages over
//!    [`MAX_SCORED_ELEMENTS`] elements skip step 2.
//! 1. **Metadata** (`meta.rs`) comes from JSON-LD, Open Graph/`article:` tags, visible markup
//!    and the `<title>`; missing bylines and dates are read from "By …" and date lines at
//!    the top of the article.
//! 2. **The article container** is found by `dom_smoothie`, a maintained port of Mozilla's
//!    Readability (the algorithm behind Firefox's reader view), so we recover what a
//!    browser's reader view shows. Sure furniture (comment threads, asides, navigation,
//!    forms, share/related/ad boxes) is pruned first so a long comment thread cannot win
//!    over a short article. If no article is found, we walk the whole `<body>` and skip
//!    page furniture ourselves; if the page shows less text than its JSON-LD
//!    `articleBody`, that is read instead (pages rendered by scripts).
//! 3. **Blocks** (`walk.rs`) come from the markup: `<p>` and `<blockquote>` paragraphs,
//!    `<br>`-separated lines, headings as subheadings, list items as paragraphs starting
//!    with "• ", `<figcaption>` as captions with their credit (an element with a credit
//!    class or `<cite>`, or a trailing parenthesised credit). Captions Readability dropped
//!    are put back before the paragraph that followed them; header lines the article
//!    repeats at its top are dropped.
//!
//! The extracted text becomes [`Document::source`]: title, dek, dateline and byline lines,
//! then the body blocks separated by blank lines. **Offsets (and highlights) refer to that
//! extracted text**, not to the HTML. Links keep only their text in the article; their
//! targets are returned beside the document in [`Page::links`] (use [`read`] to get them;
//! [`super::open()`] returns the document alone).

mod guard;
mod meta;
mod walk;

use super::date::date_at_start;
use super::open::build::{Link, SourceBuilder};
use super::{BlockKind, DecodeError, Document, Meta, open};
use dom_query::Document as Dom;
use dom_smoothie::{Config, Readability};
use meta::{PageMeta, overlap, page_meta, squash, words};
use walk::walk;

pub(crate) use meta::{clean_byline, join_names, normalise_date};
pub(crate) use walk::Piece;

/// The blocks of an HTML fragment (as found inside Markdown), without article finding.
pub(crate) fn fragment_pieces(html: &str) -> Vec<Piece> {
    let (limited, _) = guard::limit(html);
    let frag = Dom::fragment(&*limited);
    walk(frag.root(), false)
}

/// Pages with more elements than this skip the Readability scoring (which makes several
/// passes over the tree) and go straight to the single-pass furniture-skipping walk.
pub const MAX_SCORED_ELEMENTS: usize = 60_000;

/// Pages nested deeper than this skip the Readability scoring too (its tree walks are
/// recursive); our own walk is iterative.
const MAX_SCORED_DEPTH: usize = guard::MAX_NESTING + 8;

/// A page read into a document, with the link targets the text no longer shows.
#[derive(Debug, Clone, Default)]
pub struct Page {
    /// The article.
    pub document: Document,
    /// Link texts (as ranges of [`Document::source`]) and their targets.
    pub links: Vec<Link>,
}

/// Reads a web page.
///
/// Errors with [`DecodeError::Empty`] only when the page has no readable text at all.
///
/// ```
/// use hearsay::document::{html, BlockKind};
/// let page = html::read(
///     "<html><head><meta property='og:site_name' content='The Courier'>\
///      <meta name='author' content='Ana Ruiz'></head><body><nav>Home | World</nav>\
///      <article><h1>Tide rises</h1><p>“It came fast,” she said.</p></article></body></html>",
/// )
/// .unwrap();
/// let doc = &page.document;
/// assert_eq!(doc.meta.title.as_deref(), Some("Tide rises"));
/// assert_eq!(doc.meta.byline.as_deref(), Some("Ana Ruiz"));
/// assert_eq!(doc.source, "Tide rises\n\nBy Ana Ruiz\n\n“It came fast,” she said.");
/// ```
pub fn read(html: &str) -> Result<Page, DecodeError> {
    let (limited, removed) = guard::limit(html);
    let mut warnings = removed.warnings();
    let html: &str = &limited;
    let dom = Dom::from(html);
    let mut pm = page_meta(&dom);
    let (elements, depth) = shape(&dom);
    let figures = figure_captions(&dom);

    let mut pieces = Vec::new();
    if elements <= MAX_SCORED_ELEMENTS && depth <= MAX_SCORED_DEPTH {
        let cfg = Config {
            keep_classes: true,
            ..Config::default()
        };
        walk::prune(dom.root());
        // a heuristic library run on arbitrary pages: a bug in it must not take the reader
        // down, so a panic there means "no article found" (the walk below takes over)
        let parsed = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
            Readability::with_document(dom, None, Some(cfg)).and_then(|mut r| r.parse())
        }));
        if parsed.is_err() {
            warnings.push("the article finder failed on this page".to_string());
        }
        if let Ok(Ok(article)) = parsed {
            // what Readability read of the metadata fills our gaps
            if pm.byline.is_none() {
                // not a photo credit Readability took for the byline
                pm.byline = article
                    .byline
                    .as_deref()
                    .and_then(clean_byline)
                    .filter(|b| {
                        !figures.iter().any(|(f, _)| {
                        matches!(f, Piece::Caption(_, Some(c)) if c.contains(b.as_str()))
                    })
                    });
            }
            if pm.date.is_none() {
                pm.date = article.published_time.as_deref().and_then(normalise_date);
            }
            if pm.publication.is_none() {
                pm.publication = article.site_name.as_deref().and_then(meta::non_empty);
            }
            let content = Dom::from(article.content);
            pieces = walk(content.root(), false);
        }
    } else {
        warnings.push(format!(
            "the page is very large ({elements} elements, nested {depth} deep): \
             read without the article-finding heuristics"
        ));
    }
    if words_in(&pieces) < 20 {
        // Readability found no article: take the page's text minus its furniture
        let dom = Dom::from(html);
        let whole = dom.body().map(|b| walk(b, true)).unwrap_or_default();
        if words_in(&whole) > words_in(&pieces) {
            let found_little = words_in(&whole) >= 3 * words_in(&pieces);
            if found_little && elements <= MAX_SCORED_ELEMENTS && depth <= MAX_SCORED_DEPTH {
                warnings.push(
                    "no article container found in the page: showing all of its text \
                     except navigation, asides and footers"
                        .to_string(),
                );
            }
            pieces = whole;
        }
    }
    if let Some(body) = &pm.article_body {
        // pages rendered by scripts carry the text only in their structured data
        let theirs = body.split_whitespace().count();
        if theirs >= 50 && theirs * 2 > words_in(&pieces) * 3 {
            pieces = body_pieces(body);
            warnings.push(
                "the page's visible text is incomplete: the article was read from its \
                 structured data (JSON-LD articleBody)"
                    .to_string(),
            );
        }
    }
    let mut page = assemble(&pm, pieces, figures);
    if page.document.blocks.is_empty() {
        return Err(DecodeError::Empty);
    }
    page.document.warnings.extend(warnings);
    Ok(page)
}

/// Paragraphs of a JSON-LD `articleBody`: markup when it holds some, else one paragraph
/// per line.
fn body_pieces(body: &str) -> Vec<Piece> {
    if body.contains("</p>") || body.contains("<br") {
        let frag = Dom::fragment(body);
        return walk(frag.root(), false);
    }
    body.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut run = open::build::Run::default();
            run.push(l);
            Piece::Block(BlockKind::Paragraph, run)
        })
        .collect()
}

fn words_in(pieces: &[Piece]) -> usize {
    pieces
        .iter()
        .map(|p| p.text().split_whitespace().count())
        .sum()
}

/// Number of elements and deepest nesting, counted without recursion.
fn shape(dom: &Dom) -> (usize, usize) {
    let mut count = 0;
    let mut deepest = 0;
    let mut stack = vec![(dom.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        if node.is_element() {
            count += 1;
        }
        deepest = deepest.max(d);
        stack.extend(node.children_it(false).map(|c| (c, d + 1)));
    }
    (count, deepest)
}

/// The main article element: the `<article>` holding the headline, else the first
/// `<article>`, else `<main>`, else `<body>`.
fn article_root(dom: &Dom) -> Option<dom_query::NodeRef<'_>> {
    let articles = dom.select("article");
    let nodes = articles.nodes();
    nodes
        .iter()
        .find(|a| !a.find(&["h1"]).is_empty())
        .or_else(|| nodes.first())
        .cloned()
        .or_else(|| dom.select("main").nodes().first().cloned())
        .or_else(|| dom.body())
}

/// Figure captions of the article, each with the text of the first paragraph after it (so
/// a caption Readability dropped can be put back in place).
fn figure_captions(dom: &Dom) -> Vec<(Piece, Option<String>)> {
    let Some(root) = article_root(dom) else {
        return Vec::new();
    };
    let mut out: Vec<(Piece, Option<String>)> = Vec::new();
    let mut pending = 0;
    for node in root.descendants_it() {
        let Some(name) = node.node_name() else {
            continue;
        };
        match &*name {
            "figcaption" if out.len() < 50 && !walk::in_furniture(&node) => {
                out.extend(walk(node, false).into_iter().map(|p| (p, None)));
                pending = out.len();
            }
            "p" if pending > 0 => {
                let text = squash(&node.text());
                if text.split_whitespace().count() >= 8 && !walk::in_furniture(&node) {
                    for (_, anchor) in out.iter_mut().rev().take_while(|(_, a)| a.is_none()) {
                        *anchor = Some(text.clone());
                    }
                    pending = 0;
                }
            }
            _ => {}
        }
    }
    out
}

/// Puts back captions the article container lost, before the paragraph that followed them.
fn restore_captions(pieces: &mut Vec<Piece>, figures: Vec<(Piece, Option<String>)>) {
    let mut inserts: Vec<(usize, Piece)> = Vec::new();
    for (fig, anchor) in figures {
        let Piece::Caption(text, _) = &fig else {
            continue;
        };
        let present = pieces.iter_mut().find_map(|p| match p {
            Piece::Caption(c, credit) if same_text(c, text) => Some(Some(credit)),
            Piece::Block(_, r) if same_text(&r.text, text) => Some(None),
            _ => None,
        });
        if let Some(credit) = present {
            // Readability may have taken the credit away (it removes "byline" elements)
            if let (Some(credit @ None), Piece::Caption(_, found @ Some(_))) = (credit, &fig) {
                *credit = found.clone();
            }
            continue;
        }
        let at = anchor.and_then(|a| pieces.iter().position(|p| same_text(p.text(), &a)));
        if let Some(at) = at {
            inserts.push((at, fig));
        }
    }
    // later positions first, so earlier indices stay valid; equal positions keep order
    for (at, fig) in inserts.into_iter().rev() {
        pieces.insert(at, fig);
    }
}

/// Same words, ignoring case and punctuation.
fn same_text(a: &str, b: &str) -> bool {
    let (wa, wb) = (words(a), words(b));
    !wa.is_empty() && wa == wb
}

/// Whether a body piece repeats a header fact (and so is dropped from the body).
fn repeats_header(p: &Piece, pm: &PageMeta, dek: Option<&str>) -> bool {
    let Piece::Block(_, run) = p else {
        return false;
    };
    let t = run.text.trim();
    let n = t.split_whitespace().count();
    pm.title.as_deref().is_some_and(|x| same_text(t, x))
        || dek.is_some_and(|x| same_text(t, x))
        || (n <= 16 && is_by_line(t))
        || pm
            .byline
            .as_deref()
            .is_some_and(|b| n <= 16 && overlap(b, t) >= 0.99 && overlap(t, b) >= 0.5)
        || (n <= 12 && date_at_start(t).is_some())
}

/// "By …" (any case of "by").
fn is_by_line(t: &str) -> bool {
    t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
}

/// Fills byline and date the page's metadata lacked from "By …" and date lines at the top
/// of the article.
fn header_from_lead(pm: &mut PageMeta, pieces: &[Piece]) {
    for p in pieces.iter().take(6) {
        let Piece::Block(_, run) = p else {
            continue;
        };
        let t = run.text.trim();
        let n = t.split_whitespace().count();
        if n > 16 {
            break;
        }
        if pm.byline.is_none() && is_by_line(t) {
            pm.byline = clean_byline(t);
        } else if pm.date.is_none()
            && n <= 12
            && let Some(d) = date_at_start(t)
        {
            pm.date = Some(d.iso);
        }
    }
}

/// Writes the header and the body pieces into a document.
fn assemble(pm: &PageMeta, mut pieces: Vec<Piece>, figures: Vec<(Piece, Option<String>)>) -> Page {
    let mut pm = pm.clone();
    header_from_lead(&mut pm, &pieces);
    let pm = &pm;
    let body_text: String = pieces
        .iter()
        .take(12)
        .map(Piece::text)
        .collect::<Vec<_>>()
        .join(" ");
    // the dek shown on the page: a standfirst, else the description when the page shows it
    let dek = pm.standfirst.clone().or_else(|| {
        pm.description
            .clone()
            .filter(|d| words(d).len() >= 4 && squash(&body_text).contains(d.as_str()))
    });
    // drop header facts the article container repeats at its top
    // (captions may sit between them)
    let mut repeated = Vec::new();
    for (i, p) in pieces.iter().enumerate().take(8) {
        if repeats_header(p, pm, dek.as_deref()) {
            repeated.push(i);
        } else if !matches!(p, Piece::Caption(..)) {
            break;
        }
    }
    for i in repeated.into_iter().rev() {
        pieces.remove(i);
    }
    // a heading with nothing under it closes some other box (top stories, more on this)
    while matches!(pieces.last(), Some(Piece::Block(BlockKind::Subheading, _))) {
        pieces.pop();
    }
    restore_captions(&mut pieces, figures);
    // and a title heading anywhere (some pages repeat the headline over the body)
    if let Some(t) = pm.title.as_deref() {
        pieces.retain(
            |p| !matches!(p, Piece::Block(BlockKind::Subheading, r) if same_text(&r.text, t)),
        );
    }

    let mut b = SourceBuilder::default();
    if let Some(t) = &pm.title {
        b.push(BlockKind::Title, t);
    }
    if let Some(d) = &dek {
        b.push(BlockKind::Dek, d);
    }
    if let Some(date) = pm.date.as_deref().and_then(super::date::written) {
        let line = match &pm.publication {
            Some(p) => format!("{date} · {p}"),
            None => date,
        };
        b.push(BlockKind::Dateline, &line);
    }
    if let Some(by) = &pm.byline {
        b.push(BlockKind::Byline, &format!("By {by}"));
    }
    for p in pieces {
        match p {
            Piece::Block(kind, run) => {
                b.push_run(kind, run);
            }
            Piece::Caption(c, credit) => {
                b.push_caption(&c, credit.as_deref());
            }
        }
    }
    let meta = Meta {
        title: pm.title.clone(),
        dek: dek.or_else(|| pm.description.clone()),
        date: pm.date.clone(),
        publication: pm.publication.clone(),
        byline: pm.byline.clone(),
        contributors: None,
        url: pm.url.clone(),
    };
    let (document, links) = b.finish(meta);
    Page { document, links }
}
