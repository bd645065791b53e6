//! The article laid out at one width: a list of screen lines, each a byte range into a
//! block's text (or into a line the reader composes, like the date · publication line).
//!
//! Lines carry a sort key `(block, offset)` that never decreases down the page, so a reading
//! position kept as a key survives a re-layout at another width: the new top line is the
//! last one whose key is not after it. Only the visible lines are ever styled and drawn.

use crate::document::reflow::wrap;
use crate::document::{BlockKind, Document};
use std::ops::Range;

/// How a line is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineStyle {
    /// Empty line between blocks.
    Blank,
    /// Headline.
    Title,
    /// Standfirst.
    Dek,
    /// Date · publication · byline.
    Meta,
    /// A thin rule under the header and above the contributors.
    Rule,
    /// Body paragraph.
    Body,
    /// Subheading.
    Subheading,
    /// Photo caption.
    Caption,
    /// Photo credit.
    Credit,
    /// Contributors line.
    Contributors,
}

/// Where a line's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineText {
    /// No text.
    None,
    /// `range` of `doc.blocks[block].text`.
    Block {
        /// Block index.
        block: usize,
        /// Byte range in the block's text.
        range: Range<usize>,
    },
    /// `range` of the page's composed string number `index`.
    Extra {
        /// Index of the composed string.
        index: usize,
        /// Byte range in that string.
        range: Range<usize>,
    },
}

/// A reading position: block index and byte offset in its text (or past its end for the
/// lines the reader adds after a block).
pub type Anchor = (usize, usize);

/// What a line's three numbers mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// `a`, `b` are the position key; no text.
    None,
    /// Block `a`, text `b..c`; the key is `(a, b)`.
    Block,
    /// Composed string `a`, text `b..c`; the key is the string's.
    Extra,
}

/// One screen line, packed into 16 bytes: a 50 MB article lays out to about a million lines,
/// so a line is kept as small as the numbers it needs (offsets are below 4 GiB, as inputs are
/// capped far lower by `decode::MAX_INPUT`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageLine {
    /// How it is drawn.
    pub style: LineStyle,
    source: Source,
    /// Columns of indent inside the text column.
    pub indent: u16,
    a: u32,
    b: u32,
    c: u32,
}

impl PageLine {
    /// Where the line's text comes from.
    pub fn text(&self) -> LineText {
        let (a, b, c) = (self.a as usize, self.b as usize, self.c as usize);
        match self.source {
            Source::None => LineText::None,
            Source::Block => LineText::Block {
                block: a,
                range: b..c,
            },
            Source::Extra => LineText::Extra {
                index: a,
                range: b..c,
            },
        }
    }

    /// The line's block and text range, when it shows a block's text.
    pub fn block_range(&self) -> Option<(usize, Range<usize>)> {
        (self.source == Source::Block)
            .then_some((self.a as usize, self.b as usize..self.c as usize))
    }
}

/// Narrows an offset to the 32 bits a page line keeps.
fn n32(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

/// The article laid out for a text column of `width` columns.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    /// Width of the text column.
    pub width: usize,
    /// Screen lines, top to bottom.
    pub lines: Vec<PageLine>,
    /// Composed strings (meta line, credits, rules) that lines can point into, each with the
    /// position key of its lines.
    extras: Vec<(String, Anchor)>,
}

/// Indent of captions and their credits.
const CAPTION_INDENT: usize = 2;

/// "2026-03-04" → "March 4, 2026"; anything else is returned as is.
pub fn human_date(iso: &str) -> String {
    crate::document::date::written(iso).unwrap_or_else(|| iso.to_string())
}

/// The date · publication · byline line, if the article has any of them.
pub fn meta_line(doc: &Document) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(d) = &doc.meta.date {
        parts.push(human_date(d));
    }
    if let Some(p) = &doc.meta.publication {
        parts.push(p.clone());
    }
    if let Some(b) = &doc.meta.byline {
        parts.push(format!("By {b}"));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

impl Page {
    /// Lays `doc` out for a text column `width` columns wide (at least 1).
    pub fn build(doc: &Document, width: usize) -> Page {
        let width = width.max(1);
        let mut page = Page {
            width,
            lines: Vec::new(),
            extras: Vec::new(),
        };
        // about one line per `width` bytes of text plus a blank line per block
        let text: usize = doc.blocks.iter().map(|b| b.text.len()).sum();
        page.lines
            .reserve(text / width.max(20) + 2 * doc.blocks.len());
        let meta = meta_line(doc);
        let mut meta_done = false;
        let header_end = doc
            .blocks
            .iter()
            .position(|b| {
                !matches!(
                    b.kind,
                    BlockKind::Title | BlockKind::Dek | BlockKind::Dateline | BlockKind::Byline
                )
            })
            .unwrap_or(doc.blocks.len());
        for (i, block) in doc.blocks.iter().enumerate() {
            let end = block.text.len();
            match block.kind {
                BlockKind::Dateline | BlockKind::Byline => {
                    if !meta_done && let Some(m) = &meta {
                        meta_done = true;
                        page.extra_lines(m, LineStyle::Meta, 0, i);
                        page.blank((i, end + 1));
                    }
                }
                BlockKind::Caption => {
                    page.block_lines(doc, i, LineStyle::Caption, CAPTION_INDENT);
                    if let Some(c) = &block.credit {
                        page.extra_lines(
                            &format!("Photo: {c}"),
                            LineStyle::Credit,
                            CAPTION_INDENT,
                            i,
                        );
                    }
                    page.blank((i, end + 2));
                }
                BlockKind::Contributors => {
                    page.rule((i, 0));
                    page.blank((i, 0));
                    page.block_lines(doc, i, LineStyle::Contributors, 0);
                    page.blank((i, end + 1));
                }
                kind => {
                    let style = match kind {
                        BlockKind::Title => LineStyle::Title,
                        BlockKind::Dek => LineStyle::Dek,
                        BlockKind::Subheading => LineStyle::Subheading,
                        _ => LineStyle::Body,
                    };
                    page.block_lines(doc, i, style, 0);
                    page.blank((i, end + 1));
                }
            }
            if i + 1 == header_end && header_end > 0 {
                page.rule((i, end + 2));
                page.blank((i, end + 3));
            }
        }
        // no trailing blank line
        while page.lines.len() > 1
            && page
                .lines
                .last()
                .is_some_and(|l| l.style == LineStyle::Blank)
        {
            page.lines.pop();
        }
        page.lines.shrink_to_fit();
        page
    }

    fn block_lines(&mut self, doc: &Document, block: usize, style: LineStyle, indent: usize) {
        let text = &doc.blocks[block].text;
        let w = self.width.saturating_sub(indent).max(1);
        let indent = if self.width > indent { indent } else { 0 };
        for range in wrap(text, w) {
            self.lines.push(PageLine {
                style,
                source: Source::Block,
                indent: indent as u16,
                a: n32(block),
                b: n32(range.start),
                c: n32(range.end),
            });
        }
    }

    /// Key for a line added after the current last line: never before it.
    fn next_key(&self, key: Anchor) -> Anchor {
        self.lines
            .len()
            .checked_sub(1)
            .map_or(key, |i| self.key(i).max(key))
    }

    fn push_extra(&mut self, s: String, key: Anchor) -> u32 {
        self.extras.push((s, key));
        n32(self.extras.len() - 1)
    }

    fn extra_lines(&mut self, s: &str, style: LineStyle, indent: usize, block: usize) {
        let key = self.next_key((block, 0));
        let index = self.push_extra(s.to_string(), key);
        let w = self.width.saturating_sub(indent).max(1);
        let indent = if self.width > indent { indent } else { 0 };
        for range in wrap(s, w) {
            self.lines.push(PageLine {
                style,
                source: Source::Extra,
                indent: indent as u16,
                a: index,
                b: n32(range.start),
                c: n32(range.end),
            });
        }
    }

    fn rule(&mut self, key: Anchor) {
        let n = self.width.min(24);
        let key = self.next_key(key);
        let index = self.push_extra("─".repeat(n), key);
        self.lines.push(PageLine {
            style: LineStyle::Rule,
            source: Source::Extra,
            indent: 0,
            a: index,
            b: 0,
            c: n32(n * '─'.len_utf8()),
        });
    }

    fn blank(&mut self, key: Anchor) {
        let (block, offset) = self.next_key(key);
        self.lines.push(PageLine {
            style: LineStyle::Blank,
            source: Source::None,
            indent: 0,
            a: n32(block),
            b: n32(offset),
            c: 0,
        });
    }

    /// Position key of line `i` (non-decreasing down the page; `(0, 0)` past the end).
    pub fn key(&self, i: usize) -> Anchor {
        self.lines.get(i).map_or((0, 0), |l| self.line_key(l))
    }

    fn line_key(&self, l: &PageLine) -> Anchor {
        match l.source {
            Source::Extra => self.extras.get(l.a as usize).map_or((0, 0), |e| e.1),
            Source::None | Source::Block => (l.a as usize, l.b as usize),
        }
    }

    /// Index of the line a reading position falls on: the last line whose key is not after
    /// `anchor` (0 when the anchor is before everything).
    pub fn line_of(&self, anchor: Anchor) -> usize {
        self.lines
            .partition_point(|l| self.line_key(l) <= anchor)
            .saturating_sub(1)
    }

    /// Index of the line showing byte `offset` of block `block`'s text, if it is laid out.
    pub fn line_of_text(&self, block: usize, offset: usize) -> Option<usize> {
        let i = self.line_of((block, offset));
        match self.lines.get(i)?.block_range() {
            Some((b, _)) if b == block => Some(i),
            _ => None,
        }
    }

    /// The text of line `i`, resolved against the document.
    pub fn text<'a>(&'a self, doc: &'a Document, i: usize) -> &'a str {
        match self.lines.get(i).map(PageLine::text) {
            Some(LineText::Block { block, range }) => doc
                .blocks
                .get(block)
                .and_then(|b| b.text.get(range))
                .unwrap_or(""),
            Some(LineText::Extra { index, range }) => self
                .extras
                .get(index)
                .and_then(|s| s.0.get(range))
                .unwrap_or(""),
            _ => "",
        }
    }

    /// Indices of the lines that start a block (paragraph, caption, subheading, …), the
    /// stops of next/previous-paragraph.
    pub fn block_starts(&self) -> impl Iterator<Item = usize> + '_ {
        self.lines
            .iter()
            .enumerate()
            .filter_map(|(i, l)| match l.block_range() {
                Some((_, range)) if range.start == 0 => Some(i),
                _ => None,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::ingest;

    fn doc() -> Document {
        ingest(
            "A headline about ferries\nBy Jo Reporter\n\nFirst paragraph has a few words in it.\n\nSecond one, also short.\n"
                .to_string(),
        )
    }

    #[test]
    fn lays_out_header_and_body_with_monotonic_keys() {
        let d = doc();
        let p = Page::build(&d, 20);
        let texts: Vec<&str> = (0..p.lines.len()).map(|i| p.text(&d, i)).collect();
        assert_eq!(texts[0], "A headline about");
        assert_eq!(texts[1], "ferries");
        assert!(texts.contains(&"By Jo Reporter"), "{texts:?}");
        assert!(texts.contains(&"First paragraph has"), "{texts:?}");
        assert!((1..p.lines.len()).all(|i| p.key(i - 1) <= p.key(i)));
        assert!(
            p.lines
                .iter()
                .all(|l| p.text(&d, 0).len() <= 20 && l.indent <= 2)
        );
    }

    #[test]
    fn anchor_survives_relayout() {
        let d = doc();
        let narrow = Page::build(&d, 12);
        let wide = Page::build(&d, 60);
        let (b, _) = d.paragraphs().nth(1).unwrap();
        let i = narrow.line_of_text(b, 0).unwrap();
        let j = wide.line_of(narrow.key(i));
        assert!(wide.text(&d, j).starts_with("Second one"));
    }

    #[test]
    fn width_one_does_not_panic() {
        let d = doc();
        let p = Page::build(&d, 1);
        assert!(p.lines.len() > 10);
        assert_eq!(Page::build(&d, 0).width, 1);
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(human_date("2026-03-04"), "March 4, 2026");
        assert_eq!(human_date("someday"), "someday");
    }
}
