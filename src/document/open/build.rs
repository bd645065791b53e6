//! Assembling a [`Document`] from blocks extracted out of markup (HTML, Markdown).
//!
//! Readers of structured formats know each block's kind from the markup; what they lack is
//! a plain-text source for the offsets to point into. [`SourceBuilder`] writes that source:
//! one block per line, blocks separated by a blank line, header blocks (title, dek, dateline,
//! byline) first. Block `text` and `map` come from [`clean`] over the written source, exactly
//! as for pasted text, so offsets and control-character stripping behave the same.

use super::super::ingest::split_credit;
use super::super::text::clean;
use super::super::{Block, BlockKind, Document, Meta};
use std::ops::Range;

/// A link found in the markup: where its text sits in the extracted source, and its target.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Byte range of the link text in [`Document::source`].
    pub range: Range<usize>,
    /// The `href` (or Markdown destination), as written in the page.
    pub href: String,
}

/// Inline text being gathered for one block, with white space collapsed as it comes and the
/// links inside it.
#[derive(Debug, Default, Clone)]
pub(crate) struct Run {
    /// Collapsed text (single spaces, no leading space; may end with one space).
    pub text: String,
    /// Links as ranges into `text`.
    pub links: Vec<(Range<usize>, String)>,
}

impl Run {
    /// Appends text, collapsing white space runs (and control characters) to single spaces.
    pub fn push(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
            } else {
                self.text.push(c);
            }
        }
    }

    /// Marks a line break (`<br>`): a `\n` that [`Run::split_lines`] resolves later.
    pub fn line_break(&mut self) {
        if self.text.ends_with(' ') {
            self.text.pop();
        }
        if !self.text.is_empty() {
            self.text.push('\n');
        }
    }

    /// Splits a run at its line breaks where a line ends a sentence, is short (a heading,
    /// a byline, a date), or is followed by an empty line; other breaks become spaces.
    pub fn split_lines(self) -> Vec<Run> {
        if !self.text.contains('\n') {
            return vec![self];
        }
        let Run { mut text, links } = self;
        // decide each break, then cut
        let mut cuts = Vec::new();
        let mut line_start = 0;
        let bytes: Vec<(usize, char)> = text.char_indices().collect();
        for (k, &(i, c)) in bytes.iter().enumerate() {
            if c != '\n' {
                continue;
            }
            let line = text[line_start..i].trim();
            let next_is_break = bytes.get(k + 1).is_some_and(|&(_, n)| n == '\n');
            let ends = line.ends_with(['.', '!', '?', '"', '”', ':', '’', ')']);
            let short = line.split_whitespace().count() <= 12;
            if line.is_empty() || next_is_break || ends || short {
                cuts.push(i);
            }
            line_start = i + 1;
        }
        // every break becomes a space (same length, so link ranges stay put)
        text = text.replace('\n', " ");
        let mut out = Vec::new();
        let mut start = 0;
        for end in cuts.into_iter().chain(std::iter::once(text.len())) {
            if end < start {
                continue;
            }
            let seg_links = links
                .iter()
                .filter(|(r, _)| r.start >= start && r.end <= end)
                .map(|(r, h)| (r.start - start..r.end - start, h.clone()))
                .collect();
            let mut run = Run {
                text: text[start..end].to_string(),
                links: seg_links,
            };
            // drop the leading space a cut leaves, keeping link offsets right
            if run.text.starts_with(' ') {
                run.text.remove(0);
                run.links = run
                    .links
                    .into_iter()
                    .filter(|(r, _)| r.start >= 1)
                    .map(|(r, h)| (r.start - 1..r.end - 1, h))
                    .collect();
            }
            if !run.is_blank() {
                out.push(run);
            }
            start = end + 1;
        }
        out
    }

    /// True when nothing but white space was gathered.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// Takes the gathered run, leaving an empty one.
    pub fn take(&mut self) -> Run {
        std::mem::take(self)
    }
}

/// Writes the extracted source and its blocks.
#[derive(Debug, Default)]
pub(crate) struct SourceBuilder {
    source: String,
    blocks: Vec<Block>,
    links: Vec<Link>,
    /// Control characters and escape sequences dropped from block text.
    dropped: usize,
}

impl SourceBuilder {
    /// Appends a block of the given kind from plain text. Returns false (and writes nothing)
    /// when the text is blank once cleaned.
    pub fn push(&mut self, kind: BlockKind, text: &str) -> bool {
        self.push_run(
            kind,
            Run {
                text: text.to_string(),
                links: Vec::new(),
            },
        )
    }

    /// Appends a block from a gathered run, keeping its links.
    pub fn push_run(&mut self, kind: BlockKind, run: Run) -> bool {
        let mut collapsed = Run::default();
        collapsed.push(&run.text);
        let trimmed_start = collapsed.text.len() - collapsed.text.trim_start().len();
        let line = collapsed.text.trim();
        if line.is_empty() {
            return false;
        }
        let start = self.begin_block();
        self.source.push_str(line);
        let range = start..self.source.len();
        let c = clean(&self.source, range.clone());
        if c.text.is_empty() {
            self.source.truncate(start);
            self.trim_separator();
            return false;
        }
        self.dropped += c.dropped;
        // the run was collapsed already, so its offsets only shift by the trimmed prefix
        let same = collapsed.text == run.text;
        for (r, href) in run.links {
            if !same {
                break;
            }
            let s = r.start.saturating_sub(trimmed_start).min(line.len());
            let e = r.end.saturating_sub(trimmed_start).min(line.len());
            if s < e && line.is_char_boundary(s) && line.is_char_boundary(e) {
                self.links.push(Link {
                    range: start + s..start + e,
                    href,
                });
            }
        }
        self.blocks.push(Block {
            kind,
            text: c.text,
            range,
            map: c.map,
            credit: None,
        });
        true
    }

    /// Appends a caption. The credit, when given, is written after the caption in parentheses
    /// (as pasted text shows it) and kept out of the block text; otherwise a trailing
    /// parenthesised credit in the caption is split off as in pasted text.
    pub fn push_caption(&mut self, caption: &str, credit: Option<&str>) -> bool {
        let mut run = Run::default();
        run.push(caption);
        let caption = run.text.trim().to_string();
        let mut credit_run = Run::default();
        credit_run.push(credit.unwrap_or_default());
        let credit = credit_run.text.trim();
        let credit = credit
            .trim_start_matches('(')
            .trim_end_matches(')')
            .trim()
            .to_string();
        let (line, keep, credit) = if !credit.is_empty() {
            let line = if caption.is_empty() {
                format!("({credit})")
            } else {
                format!("{caption} ({credit})")
            };
            (line, caption.len(), Some(credit))
        } else if let Some((before, credit)) = split_credit(&caption) {
            (caption.clone(), before.len(), Some(credit.to_string()))
        } else {
            (caption.clone(), caption.len(), None)
        };
        if line.is_empty() {
            return false;
        }
        let start = self.begin_block();
        self.source.push_str(&line);
        let range = start..self.source.len();
        let keep_range = start..start + keep;
        let c = clean(&self.source, keep_range);
        if c.text.is_empty() {
            // a credit with no caption, or only control characters: nothing to show
            self.source.truncate(start);
            self.trim_separator();
            return false;
        }
        self.dropped += c.dropped;
        self.blocks.push(Block {
            kind: BlockKind::Caption,
            text: c.text,
            range,
            map: c.map,
            credit,
        });
        true
    }

    fn begin_block(&mut self) -> usize {
        if !self.source.is_empty() {
            self.source.push_str("\n\n");
        }
        self.source.len()
    }

    fn trim_separator(&mut self) {
        let len = self.source.trim_end_matches('\n').len();
        self.source.truncate(len);
    }

    /// Blocks written so far.
    pub fn blocks(&self) -> &[Block] {
        &self.blocks
    }

    /// Cleans the header facts the caller read from the markup (a `<meta>` author, a
    /// front-matter title) as block text is cleaned: they are shown and exported too. What
    /// is dropped from a fact the page also shows as a block was counted with the block.
    fn clean_meta(&mut self, meta: &mut Meta) {
        let fields = [
            &mut meta.title,
            &mut meta.dek,
            &mut meta.date,
            &mut meta.publication,
            &mut meta.byline,
            &mut meta.contributors,
        ];
        for field in fields {
            let Some(value) = field.as_mut() else {
                continue;
            };
            let c = clean(value, 0..value.len());
            if c.dropped == 0 {
                continue;
            }
            if !self.blocks.iter().any(|b| b.text.contains(&c.text)) {
                self.dropped += c.dropped;
            }
            *field = (!c.text.is_empty()).then_some(c.text);
        }
    }

    /// Finishes the document: marks a closing contributors line, and fills the header facts
    /// the caller did not know from the blocks.
    pub fn finish(mut self, mut meta: Meta) -> (Document, Vec<Link>) {
        self.clean_meta(&mut meta);
        let n = self.blocks.len();
        for i in n.saturating_sub(2)..n {
            let b = &mut self.blocks[i];
            if b.kind == BlockKind::Paragraph && is_contributors(&b.text) {
                b.kind = BlockKind::Contributors;
            }
        }
        for b in &self.blocks {
            match b.kind {
                BlockKind::Title => {
                    meta.title.get_or_insert_with(|| b.text.clone());
                }
                BlockKind::Dek => {
                    meta.dek.get_or_insert_with(|| b.text.clone());
                }
                BlockKind::Byline => {
                    meta.byline
                        .get_or_insert_with(|| strip_by(&b.text).to_string());
                }
                BlockKind::Contributors => {
                    meta.contributors.get_or_insert_with(|| b.text.clone());
                }
                _ => {}
            }
        }
        let mut warnings = Vec::new();
        if self.dropped > 0 {
            warnings.push(format!(
                "removed {} control character(s) or escape sequence(s) from the text",
                self.dropped
            ));
        }
        self.blocks.shrink_to_fit();
        self.source.shrink_to_fit();
        let doc = Document {
            source: self.source,
            blocks: self.blocks,
            meta,
            warnings,
        };
        (doc, self.links)
    }
}

/// Removes a leading "By " from a byline.
pub(crate) fn strip_by(s: &str) -> &str {
    let t = s.trim();
    for p in ["By ", "by ", "BY "] {
        if let Some(rest) = t.strip_prefix(p) {
            return rest.trim();
        }
    }
    t
}

/// The "… contributed to this report." line that closes many articles.
pub(crate) fn is_contributors(text: &str) -> bool {
    let l = text.to_lowercase();
    text.chars().count() <= 400
        && (l.contains("contributed to this report")
            || l.contains("contributed reporting")
            || l.contains("contributed to this article")
            || l.contains("contributed to this story")
            || l.starts_with("additional reporting by")
            || l.starts_with("reporting by"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_breaks_split_where_lines_end() {
        let mut run = Run::default();
        for part in [
            "Mill fire",
            "by Dora Kettleby",
            "The mill burned for six hours on a night of strong winds when",
            "nobody was around.",
            "",
            "Next one.",
        ] {
            run.push(part);
            run.line_break();
        }
        let texts: Vec<String> = run.split_lines().into_iter().map(|r| r.text).collect();
        assert_eq!(
            texts,
            [
                "Mill fire",
                "by Dora Kettleby",
                "The mill burned for six hours on a night of strong winds when nobody was around.",
                "Next one."
            ]
        );
    }

    #[test]
    fn blocks_index_the_written_source() {
        let mut b = SourceBuilder::default();
        assert!(b.push(BlockKind::Title, "  A  headline\n"));
        assert!(!b.push(BlockKind::Paragraph, " \n\t"));
        let mut run = Run::default();
        run.push("Read ");
        let s = run.text.len();
        run.push("the report");
        run.links
            .push((s..run.text.len(), "https://example.org/r".into()));
        run.push(" today.");
        assert!(b.push_run(BlockKind::Paragraph, run));
        assert!(b.push_caption("Boats at dawn.", Some("Ana Ruiz/Coast Wire")));
        let (doc, links) = b.finish(Meta::default());
        assert_eq!(
            doc.source,
            "A headline\n\nRead the report today.\n\nBoats at dawn. (Ana Ruiz/Coast Wire)"
        );
        for bl in &doc.blocks {
            assert_eq!(
                &doc.source[bl.map.range_to_source(0..bl.text.len())],
                bl.text
            );
        }
        assert_eq!(doc.blocks[2].text, "Boats at dawn.");
        assert_eq!(doc.blocks[2].credit.as_deref(), Some("Ana Ruiz/Coast Wire"));
        assert_eq!(&doc.source[links[0].range.clone()], "the report");
        assert_eq!(doc.meta.title.as_deref(), Some("A headline"));
    }
}
