//! The machine-readable analysis printed by `hearsay analyze --json`.
//!
//! [`Report`] owns its data (the Python module keeps it after the document is gone);
//! [`ReportView`] borrows everything from the document and its analysis and serialises to
//! the same JSON without copying any text, so `hearsay analyze` on a 50 MB article holds
//! no second copy of its paragraphs, quotes or claims.

use crate::annotations::correction::Applied;
use crate::attribution::{self, Analysis, Claim, Quote, Sourcing, SpeakerOut};
use crate::document::{Block, BlockKind, Document};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// A caption and its credit.
#[derive(Debug, Serialize)]
pub struct CaptionOut {
    /// Caption text without the credit.
    pub text: String,
    /// Photo credit, without parentheses.
    pub credit: Option<String>,
}

/// A body paragraph with its byte range in the input.
#[derive(Debug, Serialize)]
pub struct ParagraphOut {
    /// Reflowed text.
    pub text: String,
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
}

/// A quotation with its words, as printed.
#[derive(Debug, Serialize)]
pub struct QuoteOut {
    /// The words inside the marks, white space collapsed.
    pub text: String,
    /// Offsets, paragraph, speaker and cue.
    #[serde(flatten)]
    pub quote: Quote,
    /// True when a correction saved with the article changed it (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// A claim with its reported content, as printed.
#[derive(Debug, Serialize)]
pub struct ClaimOut {
    /// The reported content (for direct claims, the quotation with its marks).
    pub text: String,
    /// Kind, speaker, cue, offsets and paragraph.
    #[serde(flatten)]
    pub claim: Claim,
    /// True when a correction saved with the article changed or added it (absent otherwise).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub corrected: bool,
}

/// What the corrections saved with the article did (`hearsay analyze` without `--raw`).
#[derive(Debug, Serialize)]
pub struct CorrectionsOut {
    /// Corrections that changed the analysis.
    pub applied: usize,
    /// Corrections whose text is no longer in the article (kept, not applied).
    pub orphaned: usize,
    /// Corrections that found nothing to change.
    pub unmatched: usize,
    /// Ids of the speakers a correction changed (renamed, merged, new, kind).
    pub speakers: Vec<usize>,
}

/// Everything `hearsay analyze --json` reports about one article.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Headline.
    pub title: Option<String>,
    /// Standfirst.
    pub dek: Option<String>,
    /// ISO 8601 publication date.
    pub date: Option<String>,
    /// Publication name from the dateline.
    pub publication: Option<String>,
    /// Author names.
    pub byline: Option<String>,
    /// Photo captions.
    pub captions: Vec<CaptionOut>,
    /// The contributors line.
    pub contributors: Option<String>,
    /// Body paragraphs.
    pub paragraphs: Vec<ParagraphOut>,
    /// Problems met while reading the input.
    pub warnings: Vec<String>,
    /// Who speaks in the article.
    pub speakers: Vec<SpeakerOut>,
    /// Every quotation, in reading order.
    pub quotes: Vec<QuoteOut>,
    /// Every attribution (direct, indirect, mixed), in reading order.
    pub claims: Vec<ClaimOut>,
    /// Claims counted by kind of source.
    pub sourcing: Sourcing,
    /// What the saved corrections did; absent when none were applied (`--raw`, or none saved).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub corrections: Option<CorrectionsOut>,
}

impl Report {
    /// Builds the report of a document.
    pub fn new(doc: &Document) -> Self {
        Self::with_analysis(doc, attribution::analyze(doc))
    }

    /// Builds the report of a document from an attribution analysis already made.
    pub fn with_analysis(doc: &Document, analysis: attribution::Analysis) -> Self {
        Self::corrected(doc, analysis, None)
    }

    /// Builds the report of a document from an analysis with corrections applied
    /// ([`crate::annotations::correction::apply`]), marking what they changed.
    pub fn corrected(
        doc: &Document,
        analysis: attribution::Analysis,
        applied: Option<&Applied>,
    ) -> Self {
        let m = &doc.meta;
        Report {
            title: m.title.clone(),
            dek: m.dek.clone(),
            date: m.date.clone(),
            publication: m.publication.clone(),
            byline: m.byline.clone(),
            captions: doc
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Caption)
                .map(|b| CaptionOut {
                    text: b.text.clone(),
                    credit: b.credit.clone(),
                })
                .collect(),
            contributors: m.contributors.clone(),
            paragraphs: doc
                .paragraphs()
                .map(|(_, b)| ParagraphOut {
                    text: b.text.clone(),
                    start: b.range.start,
                    end: b.range.end,
                })
                .collect(),
            warnings: doc.warnings.clone(),
            speakers: analysis.speakers,
            quotes: analysis
                .quotes
                .into_iter()
                .enumerate()
                .map(|(i, quote)| QuoteOut {
                    text: quote.text(doc).into_owned(),
                    quote,
                    corrected: applied.is_some_and(|a| a.quote(i)),
                })
                .collect(),
            claims: analysis
                .claims
                .into_iter()
                .enumerate()
                .map(|(i, claim)| ClaimOut {
                    text: claim.text(doc).into_owned(),
                    claim,
                    corrected: applied.is_some_and(|a| a.claim(i)),
                })
                .collect(),
            sourcing: analysis.sourcing,
            corrections: applied.map(CorrectionsOut::of),
        }
    }
}

impl CorrectionsOut {
    fn of(a: &Applied) -> CorrectionsOut {
        CorrectionsOut {
            applied: a.applied,
            orphaned: a.orphaned,
            unmatched: a.unmatched,
            speakers: (0..a.speakers.len()).filter(|&i| a.speaker(i)).collect(),
        }
    }
}

/// The report of a document borrowed from it and its analysis: the JSON of [`Report`],
/// field for field, with every text written from the document as it is serialised.
///
/// ```
/// use hearsay::report::{Report, ReportView};
/// let doc = hearsay::document::ingest("Flood\n\nThe dam will hold, engineers said.\n".into());
/// let analysis = hearsay::attribution::analyze(&doc);
/// let view = serde_json::to_string(&ReportView::new(&doc, &analysis, None)).unwrap();
/// assert_eq!(view, serde_json::to_string(&Report::new(&doc)).unwrap());
/// ```
#[derive(Serialize)]
pub struct ReportView<'a> {
    title: Option<&'a str>,
    dek: Option<&'a str>,
    date: Option<&'a str>,
    publication: Option<&'a str>,
    byline: Option<&'a str>,
    captions: Captions<'a>,
    contributors: Option<&'a str>,
    paragraphs: Paragraphs<'a>,
    warnings: &'a [String],
    speakers: &'a [SpeakerOut],
    quotes: Quotes<'a>,
    claims: Claims<'a>,
    sourcing: &'a Sourcing,
    #[serde(skip_serializing_if = "Option::is_none")]
    corrections: Option<CorrectionsOut>,
}

impl<'a> ReportView<'a> {
    /// The report of `doc` from `analysis` (made of `doc`; with `applied`, the corrections
    /// applied to it, see [`crate::annotations::correction::apply`]).
    pub fn new(doc: &'a Document, analysis: &'a Analysis, applied: Option<&'a Applied>) -> Self {
        let m = &doc.meta;
        ReportView {
            title: m.title.as_deref(),
            dek: m.dek.as_deref(),
            date: m.date.as_deref(),
            publication: m.publication.as_deref(),
            byline: m.byline.as_deref(),
            captions: Captions(doc),
            contributors: m.contributors.as_deref(),
            paragraphs: Paragraphs(doc),
            warnings: &doc.warnings,
            speakers: &analysis.speakers,
            quotes: Quotes {
                doc,
                quotes: &analysis.quotes,
                applied,
            },
            claims: Claims {
                doc,
                claims: &analysis.claims,
                applied,
            },
            sourcing: &analysis.sourcing,
            corrections: applied.map(CorrectionsOut::of),
        }
    }
}

/// A caption of the document, as [`CaptionOut`] writes it.
#[derive(Serialize)]
struct CaptionRef<'a> {
    text: &'a str,
    credit: Option<&'a str>,
}

struct Captions<'a>(&'a Document);

impl Serialize for Captions<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let captions = self
            .0
            .blocks
            .iter()
            .filter(|b| b.kind == BlockKind::Caption);
        s.collect_seq(captions.map(|b: &Block| CaptionRef {
            text: &b.text,
            credit: b.credit.as_deref(),
        }))
    }
}

/// A paragraph of the document, as [`ParagraphOut`] writes it.
#[derive(Serialize)]
struct ParagraphRef<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

struct Paragraphs<'a>(&'a Document);

impl Serialize for Paragraphs<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.paragraphs().map(|(_, b)| ParagraphRef {
            text: &b.text,
            start: b.range.start,
            end: b.range.end,
        }))
    }
}

/// A quotation, as [`QuoteOut`] writes it.
#[derive(Serialize)]
struct QuoteRef<'a> {
    text: Cow<'a, str>,
    #[serde(flatten)]
    quote: &'a Quote,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
}

struct Quotes<'a> {
    doc: &'a Document,
    quotes: &'a [Quote],
    applied: Option<&'a Applied>,
}

impl Serialize for Quotes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.quotes.iter().enumerate().map(|(i, quote)| QuoteRef {
            text: quote.text(self.doc),
            quote,
            corrected: self.applied.is_some_and(|a| a.quote(i)),
        }))
    }
}

/// A claim, as [`ClaimOut`] writes it.
#[derive(Serialize)]
struct ClaimRef<'a> {
    text: Cow<'a, str>,
    #[serde(flatten)]
    claim: &'a Claim,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    corrected: bool,
}

struct Claims<'a> {
    doc: &'a Document,
    claims: &'a [Claim],
    applied: Option<&'a Applied>,
}

impl Serialize for Claims<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.claims.iter().enumerate().map(|(i, claim)| ClaimRef {
            text: claim.text(self.doc),
            claim,
            corrected: self.applied.is_some_and(|a| a.claim(i)),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every fixture article: the borrowed view writes the very JSON of the owned report.
    #[test]
    fn the_view_writes_the_owned_reports_json() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut seen = 0;
        for dir in ["attribution", "html", "ingest", "md"] {
            let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                if !["txt", "html", "md"].contains(&ext)
                    || path.to_string_lossy().contains(".expected.")
                {
                    continue;
                }
                let bytes = std::fs::read(&path).unwrap();
                let doc = crate::document::open(&bytes, path.to_str(), None).unwrap();
                let analysis = attribution::analyze(&doc);
                let owned = serde_json::to_string_pretty(&Report::new(&doc)).unwrap();
                let view = serde_json::to_string_pretty(&ReportView::new(&doc, &analysis, None));
                assert_eq!(view.unwrap(), owned, "{}", path.display());
                // with corrections applied (none here: the `corrections` key appears)
                let applied = Applied::default();
                let again = attribution::analyze(&doc);
                let owned = Report::corrected(&doc, again, Some(&applied));
                let view = ReportView::new(&doc, &analysis, Some(&applied));
                assert_eq!(
                    serde_json::to_string(&view).unwrap(),
                    serde_json::to_string(&owned).unwrap()
                );
                seen += 1;
            }
        }
        assert!(seen >= 10, "only {seen} fixtures");
    }
}
