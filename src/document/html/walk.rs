//! Turning a DOM subtree into article pieces: paragraphs, subheadings, list items, captions.
//!
//! The walk is iterative (an explicit stack), so a page of a hundred thousand unclosed
//! `<div>`s cannot overflow the call stack. Inline elements add their text to the current
//! run; block elements close it. In *boilerplate* mode (used when no article container was
//! found) navigation, headers, footers, asides, forms and elements whose class or id says
//! share/related/comments/ads are skipped as well.

use super::super::BlockKind;
use super::super::open::build::Run;
use dom_query::NodeRef;

/// A piece of the article, in reading order.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    /// A block of inline text with its kind.
    Block(BlockKind, Run),
    /// A figure caption and its credit.
    Caption(String, Option<String>),
}

impl Piece {
    /// The piece's text (caption without its credit).
    pub fn text(&self) -> &str {
        match self {
            Piece::Block(_, run) => run.text.trim(),
            Piece::Caption(c, _) => c.trim(),
        }
    }
}

/// Elements whose content is never article text.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "button", "iframe", "input", "label",
    "select", "textarea", "option", "img", "picture", "video", "audio", "canvas", "object",
    "embed", "head", "title", "meta", "link", "nav", "aside", "dialog", "menu",
];

/// Elements skipped too when hunting the article in a whole page.
const SKIP_BOILERPLATE: &[&str] = &["header", "footer"];

/// Elements that start and end a block.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "pre",
    "figure",
    "address",
    "details",
    "summary",
    "center",
    "header",
    "footer",
    "body",
    "html",
    "fieldset",
    "caption",
    "hgroup",
];

/// Words of a class or id that mark page furniture rather than article text.
const FURNITURE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "comment",
    "comments",
    "newsletter",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adunit",
    "adslot",
    "sponsor",
    "sponsored",
    "cookie",
    "cookies",
    "subscribe",
    "subscription",
    "paywall",
    "signup",
    "breadcrumb",
    "breadcrumbs",
    "sidebar",
    "widget",
    "recirc",
    "recirculation",
    "trending",
    "popular",
    "mostread",
    "outbrain",
    "taboola",
    "masthead",
    "toolbar",
    "modal",
    "banner",
    "skip",
    "nav",
    "navigation",
    "menu",
    "footer",
    "disqus",
    "tags",
    "newsletters",
];

/// The subset still removed inside an article container Readability already cleaned.
const CONTENT_FURNITURE: &[&str] = &[
    "share",
    "sharing",
    "social",
    "related",
    "newsletter",
    "promo",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adunit",
    "adslot",
    "sponsor",
    "sponsored",
    "subscribe",
    "signup",
    "outbrain",
    "taboola",
    "recirc",
    "comments",
    "disqus",
    "tags",
    "newsletters",
    "tag",
    "links",
];

/// Class names that hide text from sighted readers (screen-reader labels).
const HIDDEN_CLASSES: &[&str] = &[
    "visually-hidden",
    "visuallyhidden",
    "sr-only",
    "screen-reader-text",
    "screen-reader-only",
    "screenreader-only",
    "offscreen",
    "is-hidden",
    "u-hidden",
    "hidden",
    "hide",
    "a11y-hidden",
    "element-invisible",
    "vh",
];

/// Class-name words that mark a photo credit inside a caption.
const CREDIT: &[&str] = &[
    "byline",
    "credit",
    "credits",
    "copyright",
    "photographer",
    "source",
    "attribution",
];

/// Lower-case words of an element's class, id and component attributes (`related-stories`, `shareBar` →
/// related, stories, share, bar).
fn name_words(node: &NodeRef) -> Vec<String> {
    let mut names = String::new();
    if let Some(c) = node.class() {
        names.push_str(&c);
    }
    for attr in [
        "id",
        "data-component",
        "data-testid",
        "data-module",
        "data-type",
    ] {
        if let Some(v) = node.attr(attr) {
            names.push(' ');
            names.push_str(&v);
        }
    }
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in names.chars() {
        let boundary = !c.is_alphanumeric() || (c.is_uppercase() && prev_lower);
        if boundary && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        }
        prev_lower = c.is_lowercase() || c.is_ascii_digit();
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// True when an element's class or id has one of `words`.
fn marked(node: &NodeRef, words: &[&str]) -> bool {
    name_words(node).iter().any(|w| words.contains(&w.as_str()))
}

/// True for elements hidden from readers.
fn hidden(node: &NodeRef) -> bool {
    node.has_attr("hidden")
        || node.class().is_some_and(|c| {
            c.split_whitespace()
                .any(|t| HIDDEN_CLASSES.contains(&t.to_ascii_lowercase().as_str()))
        })
        || node.attr("aria-hidden").is_some_and(|v| &*v == "true")
        || node.attr("style").is_some_and(|s| {
            let s: String = s
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_ascii_lowercase();
            s.contains("display:none") || s.contains("visibility:hidden")
        })
}

fn is_furniture(node: &NodeRef, name: &str, boilerplate: bool) -> bool {
    // paragraphs and headings are content even when a class happens to say otherwise
    if matches!(
        name,
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "body" | "html" | "figcaption" | "li"
    ) {
        return false;
    }
    let words = name_words(node);
    // pull quotes repeat the article's own words
    if words
        .windows(2)
        .any(|w| w[0] == "pull" && matches!(w[1].as_str(), "quote" | "out"))
        || words.iter().any(|w| w == "pullquote")
    {
        return true;
    }
    if !boilerplate {
        return words
            .iter()
            .any(|w| CONTENT_FURNITURE.contains(&w.as_str()));
    }
    if SKIP_BOILERPLATE.contains(&name) {
        return true;
    }
    if let Some(role) = node.attr("role") {
        let role = role.to_ascii_lowercase();
        if matches!(
            role.as_str(),
            "navigation" | "banner" | "contentinfo" | "complementary" | "search" | "dialog"
        ) {
            return true;
        }
    }
    words.iter().any(|w| FURNITURE.contains(&w.as_str()))
}

/// Words in the `<p>` elements under a node.
fn paragraph_words(node: &NodeRef) -> usize {
    node.find(&["p"])
        .iter()
        .map(|p| p.text().split_whitespace().count())
        .sum()
}

/// A photo caption outside `<figcaption>`: `<p class="caption">`, `<div class="wp-caption-text">`.
fn is_caption_box(node: &NodeRef, name: &str) -> bool {
    matches!(name, "p" | "div" | "span")
        && name_words(node)
            .iter()
            .any(|w| matches!(w.as_str(), "caption" | "imagecaption" | "photocaption"))
        && !name_words(node)
            .iter()
            .any(|w| w == "wrapper" || w == "container")
        && node.text().len() <= 600
}

/// A list whose every item is just a link (related stories, tags).
fn is_link_list(node: &NodeRef) -> bool {
    let items: Vec<NodeRef> = node
        .element_children()
        .into_iter()
        .filter(|c| c.node_name().is_some_and(|n| &*n == "li"))
        .collect();
    items.len() >= 2
        && items.iter().all(|li| {
            let text: String = li.text().split_whitespace().collect();
            let linked: String = li
                .find(&["a"])
                .iter()
                .map(|a| a.text().split_whitespace().collect::<String>())
                .collect();
            !text.is_empty() && linked.len() * 10 >= text.len() * 9
        })
}

/// A "Read more: <link>" line pointing at another story.
fn is_teaser(run: &Run) -> bool {
    let t = run.text.trim();
    let lower = t.to_lowercase();
    let labelled = [
        "read more",
        "read also",
        "also read",
        "related",
        "see also",
        "watch",
        "listen",
        "more:",
        "recommended",
        "don't miss",
        "trending",
    ]
    .iter()
    .any(|p| {
        // the label as whole words ("Watchdogs said…" is not "Watch:")
        lower
            .strip_prefix(p)
            .is_some_and(|rest| rest.chars().next().is_none_or(|c| !c.is_alphanumeric()))
    });
    let linked: usize = run.links.iter().map(|(r, _)| r.len()).sum();
    labelled && linked * 10 >= t.len() * 5 && t.split_whitespace().count() <= 30
}

/// Standalone lines that are page furniture whatever their markup.
pub(crate) fn is_furniture_text(text: &str) -> bool {
    let t: String = text
        .trim()
        .trim_end_matches([':', '.', '…', '›', '»', '→'])
        .to_lowercase();
    matches!(
        t.as_str(),
        "advertisement"
            | "ad"
            | "sponsored"
            | "sponsored content"
            | "story continues below advertisement"
            | "story continues below"
            | "article continues below"
            | "continue reading"
            | "continue reading below"
            | "read more"
            | "skip advertisement"
            | "share"
            | "share this article"
            | "share this story"
            | "sign up"
            | "subscribe"
            | "click here"
            | "related"
            | "related articles"
            | "related stories"
            | "more on this story"
    )
}

/// True when `node` sits inside page furniture (an aside, nav, footer, or an element whose
/// class or id says so).
pub(crate) fn in_furniture(node: &NodeRef) -> bool {
    node.ancestors_it(Some(64)).any(|a| {
        let name = a
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        matches!(name.as_str(), "aside" | "nav" | "footer") || is_furniture(&a, &name, false)
    })
}

/// Class/id words of blocks removed from the page before the article is looked for.
const PRUNE: &[&str] = &[
    "comments",
    "commentlist",
    "disqus",
    "related",
    "share",
    "sharing",
    "social",
    "newsletter",
    "newsletters",
    "recirc",
    "outbrain",
    "taboola",
    "advert",
    "advertisement",
    "sponsored",
    "adunit",
    "adslot",
    "cookie",
    "cookies",
    "paywall",
    "breadcrumb",
    "breadcrumbs",
    "trending",
    "mostread",
    "popular",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "search",
    "sidebar",
    "masthead",
];

/// Removes what is surely not the article (navigation, asides, forms, footers, comment
/// threads, share bars, related links, ads) before Readability scores the page: its
/// retries without its own "unlikely candidate" filter can otherwise pick a long comment
/// thread over a short article. Never removes an element holding the headline or much of
/// the page's paragraph text.
pub(crate) fn prune(root: NodeRef) {
    let words_in_p = paragraph_words;
    let total = words_in_p(&root).max(1);
    let mut doomed = std::collections::HashSet::new();
    for node in root.descendants_it() {
        if !node.is_element() {
            continue;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if matches!(
            name.as_str(),
            "html" | "body" | "main" | "article" | "p" | "h1"
        ) {
            continue;
        }
        let role = node
            .attr("role")
            .map(|r| r.to_ascii_lowercase())
            .unwrap_or_default();
        let words = name_words(&node);
        let furniture = matches!(
            name.as_str(),
            "nav" | "aside" | "form" | "dialog" | "footer"
        ) || matches!(
            role.as_str(),
            "navigation" | "complementary" | "contentinfo" | "search" | "dialog"
        ) || node.id_attr().is_some_and(|id| &*id == "respond")
            || words.iter().any(|w| PRUNE.contains(&w.as_str()));
        // comment threads go however long they are; other boxes only when small
        let comments = words
            .iter()
            .any(|w| matches!(w.as_str(), "comments" | "commentlist" | "disqus"));
        // inside a box already going: nothing to decide (keeps this linear in the page)
        if !furniture || node.ancestors_it(None).any(|a| doomed.contains(&a.id)) {
            continue;
        }
        if node.find(&["h1"]).is_empty() && (comments || words_in_p(&node) * 10 < total * 4) {
            doomed.insert(node.id);
        }
    }
    for id in doomed {
        NodeRef::new(id, root.tree).remove_from_parent();
    }
}

enum Step<'a> {
    Enter(NodeRef<'a>),
    /// Close a block of this kind.
    Close(BlockKind),
    /// Close a list item.
    CloseItem,
    /// End a link that started at this run offset.
    EndLink(usize, String, usize),
    /// End a figcaption.
    EndCaption,
    /// End a credit element inside a caption.
    EndCredit,
}

/// Walks `root` and returns its pieces. `boilerplate` skips page furniture too.
pub(crate) fn walk(root: NodeRef, boilerplate: bool) -> Vec<Piece> {
    let mut w = Walker {
        pieces: Vec::new(),
        run: Run::default(),
        caption: None,
        credit_depth: 0,
        bullet: false,
        generation: 0,
    };
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => w.enter(node, boilerplate, &mut stack),
            Step::Close(kind) => w.flush(kind),
            Step::CloseItem => {
                w.flush(BlockKind::Paragraph);
                w.bullet = false;
            }
            Step::EndLink(start, href, generation) => {
                if generation == w.generation {
                    w.end_link(start, href);
                }
            }
            Step::EndCaption => w.end_caption(),
            Step::EndCredit => {
                w.credit_depth = w.credit_depth.saturating_sub(1);
                w.generation += 1;
            }
        }
    }
    w.flush(BlockKind::Paragraph);
    w.pieces
}

struct Walker {
    pieces: Vec<Piece>,
    run: Run,
    /// Inside a figcaption: its caption and credit runs (the main run waits outside).
    caption: Option<(Run, Run)>,
    credit_depth: usize,
    /// A list item started: its first text gets a bullet.
    bullet: bool,
    /// Bumped whenever the run text goes to changes, so a link that spans a block break
    /// does not index into the wrong run.
    generation: usize,
}

impl Walker {
    /// The run text goes to: the caption's credit, the caption, or the article.
    fn target(&mut self) -> &mut Run {
        match &mut self.caption {
            Some((_, credit)) if self.credit_depth > 0 => credit,
            Some((caption, _)) => caption,
            None => &mut self.run,
        }
    }

    fn flush(&mut self, kind: BlockKind) {
        if self.caption.is_some() {
            // blocks inside a caption only add a space
            self.target().push(" ");
            return;
        }
        self.generation += 1;
        for run in self.run.take().split_lines() {
            if !run.is_blank() && !is_furniture_text(&run.text) && !is_teaser(&run) {
                self.pieces.push(Piece::Block(kind, run));
            }
        }
    }

    fn end_link(&mut self, start: usize, href: String) {
        let run = self.target();
        let end = run.text.trim_end().len();
        if start > end || !run.text.is_char_boundary(start) {
            return;
        }
        let start = start
            + (run.text[start.min(end)..end].len()
                - run.text[start.min(end)..end].trim_start().len());
        if start < end && !href.is_empty() {
            run.links.push((start..end, href));
        }
    }

    fn end_caption(&mut self) {
        self.generation += 1;
        if let Some((caption, credit)) = self.caption.take() {
            let c = caption.text.trim().to_string();
            let cr = credit.text.trim().to_string();
            if !c.is_empty() || !cr.is_empty() {
                self.pieces
                    .push(Piece::Caption(c, (!cr.is_empty()).then_some(cr)));
            }
        }
    }

    fn enter<'a>(&mut self, node: NodeRef<'a>, boilerplate: bool, stack: &mut Vec<Step<'a>>) {
        if node.is_text() {
            let t = node.text();
            if self.bullet && self.caption.is_none() && !t.trim().is_empty() {
                self.run.push("• ");
                self.bullet = false;
            }
            self.target().push(&t);
            return;
        }
        if !node.is_element() && !node.is_document() && !node.is_fragment() {
            return;
        }
        let name = node
            .node_name()
            .map(|n| n.to_ascii_lowercase())
            .unwrap_or_default();
        if SKIP.contains(&name.as_str()) || (node.is_element() && hidden(&node)) {
            return;
        }
        if node.is_element() && is_furniture(&node, &name, boilerplate) {
            return;
        }
        // forms are sign-up boxes and search fields, except on sites that wrap the whole
        // page in one (ASP.NET)
        if name == "form" && paragraph_words(&node) < 50 {
            return;
        }
        if matches!(name.as_str(), "ul" | "ol") && is_link_list(&node) {
            return;
        }
        let children = |stack: &mut Vec<Step<'a>>| {
            let kids: Vec<NodeRef<'a>> = node.children_it(true).collect();
            stack.extend(kids.into_iter().map(Step::Enter));
        };
        match name.as_str() {
            "br" => {
                if self.caption.is_none() {
                    self.run.line_break();
                } else {
                    self.target().push(" ");
                }
            }
            "hr" => self.flush(BlockKind::Paragraph),
            _ if name == "figcaption"
                || (self.caption.is_none() && is_caption_box(&node, &name)) =>
            {
                self.flush(BlockKind::Paragraph);
                if self.caption.is_none() {
                    self.generation += 1;
                    self.caption = Some((Run::default(), Run::default()));
                    stack.push(Step::EndCaption);
                }
                children(stack);
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush(BlockKind::Paragraph);
                stack.push(Step::Close(BlockKind::Subheading));
                children(stack);
            }
            "li" => {
                self.flush(BlockKind::Paragraph);
                stack.push(Step::CloseItem);
                children(stack);
                self.bullet = self.caption.is_none();
            }
            "a" => {
                let start = self.target().text.len();
                let href = node
                    .attr("href")
                    .map(|h| h.trim().to_string())
                    .filter(|h| !h.starts_with('#') && !h.starts_with("javascript:"))
                    .unwrap_or_default();
                stack.push(Step::EndLink(start, href, self.generation));
                children(stack);
            }
            "td" | "th" => {
                self.target().push(" ");
                children(stack);
            }
            _ if BLOCK.contains(&name.as_str()) => {
                self.flush(BlockKind::Paragraph);
                stack.push(Step::Close(BlockKind::Paragraph));
                children(stack);
            }
            _ => {
                if self.caption.is_some()
                    && self.credit_depth == 0
                    && (name == "cite" || marked(&node, CREDIT))
                {
                    self.credit_depth += 1;
                    self.generation += 1;
                    self.target().push(" ");
                    stack.push(Step::EndCredit);
                }
                children(stack);
            }
        }
    }
}
