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
    "script", "style", "noscript", "template", "svg", "math", "button", "iframe", "form", "input",
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
    if !boilerplate {
        return marked(node, CONTENT_FURNITURE);
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
    marked(node, FURNITURE)
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

enum Step<'a> {
    Enter(NodeRef<'a>),
    /// Close a block of this kind.
    Close(BlockKind),
    /// End a link that started at this run offset.
    EndLink(usize, String),
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
    };
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(node) => w.enter(node, boilerplate, &mut stack),
            Step::Close(kind) => w.flush(kind),
            Step::EndLink(start, href) => w.end_link(start, href),
            Step::EndCaption => w.end_caption(),
            Step::EndCredit => w.credit_depth = w.credit_depth.saturating_sub(1),
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
        let run = self.run.take();
        if !run.is_blank() && !is_furniture_text(&run.text) {
            self.pieces.push(Piece::Block(kind, run));
        }
    }

    fn end_link(&mut self, start: usize, href: String) {
        let run = self.target();
        let end = run.text.trim_end().len();
        let start = start
            + (run.text[start.min(end)..end].len()
                - run.text[start.min(end)..end].trim_start().len());
        if start < end && !href.is_empty() {
            run.links.push((start..end, href));
        }
    }

    fn end_caption(&mut self) {
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
        if matches!(name.as_str(), "ul" | "ol") && is_link_list(&node) {
            return;
        }
        let children = |stack: &mut Vec<Step<'a>>| {
            let kids: Vec<NodeRef<'a>> = node.children_it(true).collect();
            stack.extend(kids.into_iter().map(Step::Enter));
        };
        match name.as_str() {
            "br" => {
                let run = self.target();
                let ends = run
                    .text
                    .trim_end()
                    .ends_with(['.', '!', '?', '"', '”', ':', '’']);
                if ends && self.caption.is_none() {
                    self.flush(BlockKind::Paragraph);
                } else {
                    self.target().push(" ");
                }
            }
            "hr" => self.flush(BlockKind::Paragraph),
            "figcaption" => {
                self.flush(BlockKind::Paragraph);
                if self.caption.is_none() {
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
                stack.push(Step::Close(BlockKind::Paragraph));
                children(stack);
                if self.caption.is_none() {
                    self.run.push("• ");
                }
            }
            "a" => {
                let start = self.target().text.len();
                let href = node
                    .attr("href")
                    .map(|h| h.trim().to_string())
                    .filter(|h| !h.starts_with('#') && !h.starts_with("javascript:"))
                    .unwrap_or_default();
                stack.push(Step::EndLink(start, href));
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
                if self.caption.is_some() && self.credit_depth == 0 && marked(&node, CREDIT) {
                    self.credit_depth += 1;
                    self.target().push(" ");
                    stack.push(Step::EndCredit);
                }
                children(stack);
            }
        }
    }
}
