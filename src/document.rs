//! The document model: an article rebuilt from messy input into typed blocks.
//!
//! Every block keeps its clean, reflowed `text` *and* the byte range it came from in
//! [`Document::source`], plus an [`OffsetMap`] between the two. Later layers (attribution,
//! highlights, the reader) work on the clean text and anchor to source offsets, so an
//! annotation survives re-wrapping and the terminal never sees a raw control character.

pub mod date;
pub mod decode;
pub mod html;
pub mod ingest;
pub mod markdown;
pub mod open;
pub mod reflow;
pub mod text;

use serde::Serialize;
use std::ops::Range;

pub use decode::{DecodeError, decode};
pub use ingest::{ingest, ingest_bytes};
pub use open::{Format, open, open_owned};
pub use text::OffsetMap;

/// What a block is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    /// The headline.
    Title,
    /// The standfirst under the headline.
    Dek,
    /// The line with the publication date (and often the publication).
    Dateline,
    /// "By …" line.
    Byline,
    /// A photo caption; its credit is split into [`Block::credit`].
    Caption,
    /// A short heading inside the body.
    Subheading,
    /// A body paragraph.
    Paragraph,
    /// The "… contributed to this report." line at the end.
    Contributors,
}

/// One structural unit of the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// The block's role.
    pub kind: BlockKind,
    /// Clean text: single spaces, no control characters, hard wraps joined.
    pub text: String,
    /// Byte range in [`Document::source`] the block was read from.
    pub range: Range<usize>,
    /// Maps offsets in `text` to offsets in the source and back.
    pub map: OffsetMap,
    /// For captions: the photo credit (without parentheses), removed from `text`.
    pub credit: Option<String>,
}

impl Block {
    /// Source byte offset of a byte offset in `text`.
    pub fn to_source(&self, text_offset: usize) -> usize {
        self.map.to_source(text_offset)
    }

    /// Byte offset in `text` of a source offset (clamped into the block).
    pub fn to_text(&self, source_offset: usize) -> usize {
        self.map.to_text(source_offset)
    }
}

/// Header facts pulled out of the blocks, as `hearsay analyze` reports them.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Meta {
    /// Headline.
    pub title: Option<String>,
    /// Standfirst.
    pub dek: Option<String>,
    /// Publication date, ISO 8601 (`YYYY-MM-DD`) when it could be read.
    pub date: Option<String>,
    /// The publication named on the dateline.
    pub publication: Option<String>,
    /// Author names from the "By …" line.
    pub byline: Option<String>,
    /// The contributors line at the end, verbatim.
    pub contributors: Option<String>,
    /// The article's canonical address, from the page's metadata (HTML `<link
    /// rel=canonical>` or `og:url`, Markdown front matter `url`/`canonical_url`): versions
    /// of one article share it (see [`crate::library::versions`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// A rebuilt article.
#[derive(Debug, Clone, Default)]
pub struct Document {
    /// The decoded input. All offsets in the model are byte offsets into this string, which
    /// equals the input bytes whenever the input was valid UTF-8.
    pub source: String,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Header facts.
    pub meta: Meta,
    /// Problems met while reading (replaced bytes, stripped escape sequences, …).
    pub warnings: Vec<String>,
}

impl Document {
    /// Body paragraphs (kind [`BlockKind::Paragraph`]) in order, with their block index.
    pub fn paragraphs(&self) -> impl Iterator<Item = (usize, &Block)> {
        self.blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| b.kind == BlockKind::Paragraph)
    }

    /// Index of the block whose source range contains `offset` (or the next one after it).
    pub fn block_at(&self, offset: usize) -> Option<usize> {
        let i = self.blocks.partition_point(|b| b.range.end <= offset);
        (i < self.blocks.len()).then_some(i)
    }
}
