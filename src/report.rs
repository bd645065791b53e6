//! The machine-readable analysis printed by `hearsay analyze --json`.

use crate::annotations::correction::Applied;
use crate::attribution::{self, Claim, Quote, Sourcing, SpeakerOut};
use crate::document::{BlockKind, Document};
use serde::Serialize;

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
            corrections: applied.map(|a| CorrectionsOut {
                applied: a.applied,
                orphaned: a.orphaned,
                unmatched: a.unmatched,
                speakers: (0..a.speakers.len()).filter(|&i| a.speaker(i)).collect(),
            }),
        }
    }
}
