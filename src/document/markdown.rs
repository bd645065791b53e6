//! Reading Markdown articles with `pulldown-cmark`, into the same [`Document`] model as
//! pasted text.
//!
//! Front matter (YAML between `---` lines, or TOML between `+++` lines) gives the title,
//! date, author(s), description and publication. Blocks come from the markup: the first
//! `#` heading is the title when the front matter has none, other headings are
//! subheadings, paragraphs, block quotes and list items (prefixed "• ") are paragraphs,
//! emphasis and links become plain text (link targets are kept in [`MarkdownPage::links`]).
//! A "By …" or date paragraph right under the title becomes the byline or dateline, and an
//! emphasised paragraph right after an image is a caption. Raw HTML blocks (a `<figure>`
//! with its `<figcaption>`, a `<div>` of paragraphs) are read like a page fragment.
//!
//! As for HTML, [`Document::source`] is the *extracted* text, and offsets refer to it.

use super::date::date_at_start;
use super::html::{Piece, clean_byline, normalise_date};
use super::open::build::{Link, Run, SourceBuilder, strip_by};
use super::{BlockKind, DecodeError, Document, Meta};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A Markdown article read into a document, with its link targets.
#[derive(Debug, Clone, Default)]
pub struct MarkdownPage {
    /// The article.
    pub document: Document,
    /// Link texts (as ranges of [`Document::source`]) and their targets.
    pub links: Vec<Link>,
}

/// Header facts from front matter.
#[derive(Debug, Clone, Default, PartialEq)]
struct FrontMatter {
    title: Option<String>,
    date: Option<String>,
    authors: Vec<String>,
    description: Option<String>,
    publication: Option<String>,
    url: Option<String>,
}

/// Splits front matter off the text: (front matter, body).
fn split_front_matter(text: &str) -> (Option<FrontMatter>, &str) {
    let t = text.trim_start_matches('\u{feff}');
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(rest) = t.strip_prefix(fence) else {
            continue;
        };
        let Some(rest) = rest
            .strip_prefix('\n')
            .or_else(|| rest.strip_prefix("\r\n"))
        else {
            continue;
        };
        // the closing fence alone on a line
        let mut at = 0;
        for line in rest.split_inclusive('\n') {
            let l = line.trim_end();
            if l == fence || (!toml && l == "...") {
                let fm = &rest[..at];
                let body = &rest[at + line.len()..];
                let parsed = if toml { parse_toml(fm) } else { parse_yaml(fm) };
                return (Some(parsed), body);
            }
            at += line.len();
        }
    }
    (None, t)
}

fn unquote(v: &str) -> String {
    let v = v.trim();
    let v = v
        .strip_prefix('"')
        .and_then(|x| x.strip_suffix('"'))
        .or_else(|| v.strip_prefix('\'').and_then(|x| x.strip_suffix('\'')))
        .unwrap_or(v);
    v.trim().to_string()
}

fn set(fm: &mut FrontMatter, key: &str, values: Vec<String>) {
    let values: Vec<String> = values.into_iter().filter(|v| !v.is_empty()).collect();
    let first = values.first().cloned();
    match key.to_ascii_lowercase().as_str() {
        "title" | "headline" => fm.title = first.or(fm.title.take()),
        "date" | "published" | "pubdate" | "publishdate" | "date_published" => {
            fm.date = first.and_then(|d| normalise_date(&d)).or(fm.date.take());
        }
        "author" | "authors" | "byline" | "by" if fm.authors.is_empty() => {
            fm.authors = values.iter().filter_map(|v| clean_byline(v)).collect();
        }
        "description" | "dek" | "subtitle" | "summary" | "standfirst" | "excerpt" => {
            fm.description = fm.description.take().or(first);
        }
        "publication" | "site" | "publisher" | "source" | "outlet" => {
            fm.publication = fm.publication.take().or(first);
        }
        "canonical_url" | "canonical" | "canonicalurl" => fm.url = first.or(fm.url.take()),
        "url" | "link" | "permalink" => fm.url = fm.url.take().or(first),
        _ => {}
    }
}

/// The flat subset of YAML front matter articles use: `key: value`, `key: [a, b]`, and
/// `key:` followed by `- item` lines.
fn parse_yaml(src: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let mut list_key: Option<String> = None;
    let mut list: Vec<String> = Vec::new();
    for line in src.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ")
            && list_key.is_some()
        {
            // `- name: X` items (author objects) keep their name
            let item = item
                .strip_prefix("name:")
                .map_or_else(|| unquote(item), unquote);
            list.push(item);
            continue;
        }
        if line.starts_with([' ', '\t']) {
            if let Some(v) = trimmed.strip_prefix("name:")
                && list_key.is_some()
            {
                list.push(unquote(v));
            }
            continue;
        }
        if let Some(k) = list_key.take() {
            set(&mut fm, &k, std::mem::take(&mut list));
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let value = value.trim();
        if value.is_empty() {
            list_key = Some(key.trim().to_string());
        } else if let Some(inner) = value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            set(&mut fm, key.trim(), inner.split(',').map(unquote).collect());
        } else {
            set(&mut fm, key.trim(), vec![unquote(value)]);
        }
    }
    if let Some(k) = list_key {
        set(&mut fm, &k, list);
    }
    fm
}

/// TOML front matter (Hugo's `+++`), read with the `toml` crate.
fn parse_toml(src: &str) -> FrontMatter {
    let mut fm = FrontMatter::default();
    let Ok(table) = src.parse::<toml::Table>() else {
        return fm;
    };
    for (k, v) in &table {
        let values: Vec<String> = match v {
            toml::Value::String(s) => vec![s.trim().to_string()],
            toml::Value::Datetime(d) => vec![d.to_string()],
            toml::Value::Array(a) => a
                .iter()
                .filter_map(|x| x.as_str().map(|s| s.trim().to_string()))
                .collect(),
            _ => Vec::new(),
        };
        set(&mut fm, k, values);
    }
    fm
}

/// A block gathered from the event stream.
enum Gathered {
    Block(BlockKind, Run),
    /// A caption (from a `<figure>` in an HTML block) and its credit.
    Caption(String, Option<String>),
    /// A paragraph that held only an image.
    Image,
    /// A paragraph that was entirely emphasis (a caption candidate).
    Emphasis(Run),
}

/// Reads a Markdown article.
///
/// ```
/// use hearsay::document::{markdown, BlockKind};
/// let doc = markdown::read("---\ntitle: Tide rises\nauthor: Ana Ruiz\ndate: 2025-03-04\n---\n\
///     The *water* rose.\n\n> “It came fast,” she said.\n").unwrap();
/// assert_eq!(doc.meta.title.as_deref(), Some("Tide rises"));
/// assert_eq!(doc.meta.byline.as_deref(), Some("Ana Ruiz"));
/// assert_eq!(doc.meta.date.as_deref(), Some("2025-03-04"));
/// let paras: Vec<_> = doc.paragraphs().map(|(_, b)| b.text.as_str()).collect();
/// assert_eq!(paras, ["The water rose.", "“It came fast,” she said."]);
/// ```
pub fn read(text: &str) -> Result<Document, DecodeError> {
    read_page(text).map(|p| p.document)
}

/// Reads a Markdown article, keeping link targets.
pub fn read_page(text: &str) -> Result<MarkdownPage, DecodeError> {
    let (fm, body) = split_front_matter(text);
    let fm = fm.unwrap_or_default();
    let gathered = gather(body);

    let mut b = SourceBuilder::default();
    let mut meta = Meta {
        title: fm.title.clone(),
        dek: fm.description.clone(),
        date: fm.date.clone(),
        publication: fm.publication.clone(),
        byline: super::html::join_names(&fm.authors),
        contributors: None,
        url: fm.url.clone(),
    };
    let mut items = gathered.into_iter().peekable();
    // title: front matter, else a leading level-1 heading
    let mut title = fm.title.clone();
    if let Some(Gathered::Block(BlockKind::Title, _)) = items.peek()
        && let Some(Gathered::Block(_, run)) = items.next()
    {
        let t = run.text.trim().to_string();
        if title.as_deref().is_none_or(|x| x == t) {
            title = Some(t);
        } else {
            // the front matter title wins; the heading stays as a subheading
            if let Some(x) = &title {
                b.push(BlockKind::Title, x);
            }
            b.push_run(BlockKind::Subheading, run);
            title = None;
        }
    }
    if let Some(t) = &title {
        b.push(BlockKind::Title, t);
        meta.title = Some(t.clone());
    }
    if let Some(d) = &fm.description {
        b.push(BlockKind::Dek, d);
    }
    // front matter date and author become dateline and byline lines
    let mut have_dateline = false;
    let mut have_byline = false;
    if let Some(date) = &fm.date {
        let mut line = super::date::written(date).unwrap_or_else(|| date.clone());
        if let Some(p) = &fm.publication {
            line.push_str(" · ");
            line.push_str(p);
        }
        have_dateline = b.push(BlockKind::Dateline, &line);
    }
    if let Some(by) = &meta.byline {
        have_byline = b.push(BlockKind::Byline, &format!("By {by}"));
    }
    // a "By …" or date paragraph at the top
    let mut head = 0;
    let mut prev_image = false;
    for g in items {
        match g {
            Gathered::Block(kind, run) => {
                let t = run.text.trim();
                let n = t.split_whitespace().count();
                let mut kind = if kind == BlockKind::Title {
                    BlockKind::Subheading
                } else {
                    kind
                };
                if head < 3 && kind == BlockKind::Paragraph && n <= 14 {
                    if t.starts_with("By ") || t.starts_with("by ") || t.starts_with("BY ") {
                        kind = BlockKind::Byline;
                        meta.byline.get_or_insert_with(|| strip_by(t).to_string());
                        if have_byline {
                            head += 1;
                            continue;
                        }
                    } else if let Some(d) = date_at_start(t) {
                        kind = BlockKind::Dateline;
                        meta.date.get_or_insert(d.iso);
                        if have_dateline {
                            head += 1;
                            continue;
                        }
                    }
                }
                if !matches!(kind, BlockKind::Byline | BlockKind::Dateline) {
                    head = 3;
                } else {
                    head += 1;
                }
                b.push_run(kind, run);
                prev_image = false;
            }
            Gathered::Caption(c, credit) => {
                b.push_caption(&c, credit.as_deref());
                prev_image = false;
            }
            Gathered::Image => prev_image = true,
            Gathered::Emphasis(run) => {
                if prev_image {
                    b.push_caption(&run.text, None);
                } else {
                    head = 3;
                    b.push_run(BlockKind::Paragraph, run);
                }
                prev_image = false;
            }
        }
    }
    if b.blocks().is_empty() {
        return Err(DecodeError::Empty);
    }
    let (document, links) = b.finish(meta);
    Ok(MarkdownPage { document, links })
}

/// Walks the Markdown events into blocks.
fn gather(body: &str) -> Vec<Gathered> {
    let mut out = Vec::new();
    let mut run = Run::default();
    let mut heading: Option<u8> = None;
    let mut seen_any = false;
    let mut image_depth = 0usize;
    let mut links: Vec<(usize, String)> = Vec::new();
    // per paragraph: did it hold an image, text outside emphasis, emphasis?
    let mut para_image = false;
    let mut para_plain = false;
    let mut emph_depth = 0usize;
    let mut item_prefix = false;

    let flush = |run: &mut Run, out: &mut Vec<Gathered>, kind: BlockKind, seen_any: &mut bool| {
        if !run.is_blank() {
            out.push(Gathered::Block(kind, run.take()));
            *seen_any = true;
        } else {
            *run = Run::default();
        }
    };

    let opts = Options::ENABLE_STRIKETHROUGH;
    // raw HTML blocks are gathered whole, then read like a page fragment
    let mut html_block = String::new();
    for ev in Parser::new_ext(body, opts) {
        if let Event::Html(h) = &ev {
            html_block.push_str(h);
            continue;
        }
        if !html_block.is_empty() {
            flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
            let pieces = html_pieces(&std::mem::take(&mut html_block));
            seen_any |= !pieces.is_empty();
            out.extend(pieces);
        }
        match ev {
            Event::Start(tag) => match tag {
                Tag::Heading { level, .. } => {
                    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                    heading = Some(level as u8);
                }
                Tag::Paragraph => {
                    if !item_prefix {
                        flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                    }
                    para_image = false;
                    para_plain = false;
                }
                Tag::Item => {
                    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                    run.push("• ");
                    item_prefix = true;
                }
                Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_) | Tag::Table(_) => {
                    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                    item_prefix = false;
                }
                Tag::TableRow | Tag::TableHead => {
                    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                }
                Tag::Emphasis | Tag::Strong => emph_depth += 1,
                Tag::Image { .. } => {
                    image_depth += 1;
                    para_image = true;
                }
                Tag::Link { dest_url, .. } => {
                    links.push((run.text.len(), dest_url.to_string()));
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Heading(_) => {
                    let kind = if heading == Some(1) && !seen_any {
                        BlockKind::Title
                    } else {
                        BlockKind::Subheading
                    };
                    heading = None;
                    flush(&mut run, &mut out, kind, &mut seen_any);
                }
                TagEnd::Paragraph => {
                    item_prefix = false;
                    if run.is_blank() && para_image {
                        run = Run::default();
                        out.push(Gathered::Image);
                    } else if !para_plain && !run.is_blank() && run.text.trim() != "•" {
                        out.push(Gathered::Emphasis(run.take()));
                        seen_any = true;
                    } else {
                        flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                    }
                }
                TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::TableRow
                | TagEnd::TableHead
                | TagEnd::Table => {
                    item_prefix = false;
                    if run.text.trim() == "•" {
                        run = Run::default();
                    }
                    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
                }
                TagEnd::Emphasis | TagEnd::Strong => emph_depth = emph_depth.saturating_sub(1),
                TagEnd::Image => image_depth = image_depth.saturating_sub(1),
                TagEnd::Link => {
                    if let Some((start, href)) = links.pop()
                        && run.text.is_char_boundary(start.min(run.text.len()))
                    {
                        let end = run.text.trim_end().len();
                        let start = start.min(end);
                        let lead =
                            run.text[start..end].len() - run.text[start..end].trim_start().len();
                        if start + lead < end {
                            run.links.push((start + lead..end, href));
                        }
                    }
                }
                _ => {}
            },
            Event::Text(t) | Event::Code(t) if image_depth == 0 => {
                if emph_depth == 0 && !t.trim().is_empty() {
                    para_plain = true;
                }
                run.push(&t);
            }
            Event::SoftBreak | Event::HardBreak => run.push(" "),
            Event::FootnoteReference(_) | Event::TaskListMarker(_) => {}
            Event::InlineHtml(_) => {}
            Event::Rule => flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any),
            _ => {}
        }
    }
    flush(&mut run, &mut out, BlockKind::Paragraph, &mut seen_any);
    out.extend(html_pieces(&html_block));
    out
}

/// The text of a raw HTML block (a `<figure>`, a `<div>` of paragraphs) as blocks.
fn html_pieces(html: &str) -> Vec<Gathered> {
    if html.trim().is_empty() {
        return Vec::new();
    }
    super::html::fragment_pieces(html)
        .into_iter()
        .map(|p| match p {
            Piece::Block(kind, run) => Gathered::Block(kind, run),
            Piece::Caption(c, credit) => Gathered::Caption(c, credit),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_gives_the_canonical_address() {
        let (fm, _) = split_front_matter(
            "---\nurl: https://courier.example/levy\ncanonical_url: https://courier.example/levy-vote\n---\nBody\n",
        );
        assert_eq!(
            fm.unwrap().url.as_deref(),
            Some("https://courier.example/levy-vote")
        );
        let doc =
            read("+++\ntitle = \"Levy\"\nurl = \"https://courier.example/levy\"\n+++\nText.\n")
                .unwrap();
        assert_eq!(
            doc.meta.url.as_deref(),
            Some("https://courier.example/levy")
        );
    }

    #[test]
    fn yaml_front_matter() {
        let (fm, body) = split_front_matter(
            "---\ntitle: \"Tide: a story\"\ndate: 2025-03-04T09:00:00Z\nauthors:\n  - Ana Ruiz\n  - name: Bo Lind\n# note\ndescription: Water rose.\n---\nBody\n",
        );
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Tide: a story"));
        assert_eq!(fm.date.as_deref(), Some("2025-03-04"));
        assert_eq!(fm.authors, ["Ana Ruiz", "Bo Lind"]);
        assert_eq!(fm.description.as_deref(), Some("Water rose."));
        assert_eq!(body, "Body\n");
    }

    #[test]
    fn toml_front_matter() {
        let (fm, _) = split_front_matter(
            "+++\ntitle = 'Tide'\ndate = 2025-03-04\nauthor = ['Ana Ruiz', 'Bo Lind']\n+++\nx",
        );
        let fm = fm.unwrap();
        assert_eq!(fm.title.as_deref(), Some("Tide"));
        assert_eq!(fm.date.as_deref(), Some("2025-03-04"));
        assert_eq!(fm.authors, ["Ana Ruiz", "Bo Lind"]);
    }

    #[test]
    fn no_front_matter_without_closing_fence() {
        let (fm, body) = split_front_matter("---\ntitle: x\nno end");
        assert!(fm.is_none());
        assert!(body.starts_with("---"));
    }
}
