//! The attribution analysis as the reader uses it: speakers with their colours, the quote
//! marks to colour in the article, and the "stops" that `]`/`[` visit.
//!
//! Stops are every claim (direct, indirect, mixed) plus every quotation no claim covers,
//! in reading order, each anchored to a byte range of a block's clean text so it can be
//! found on the page at any width. Everything is computed once, when the article opens.

use crate::attribution::{Analysis, ClaimKind, Sourcing, SpeakerKind, SpeakerOut};
use crate::document::Document;
use crate::document::reflow::pack;
use std::collections::HashMap;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// A speaker, as the analysis gives it.
pub type Speaker = SpeakerOut;

/// How the reader draws a kind of speaker: the mark before the name and the legend's word.
/// (The kinds themselves are the analysis's, [`SpeakerKind`].)
pub trait KindMark {
    /// The mark shown before the speaker's name.
    fn mark(self) -> &'static str;
    /// The kind's name, for the legend.
    fn legend(self) -> &'static str;
}

impl KindMark for SpeakerKind {
    fn mark(self) -> &'static str {
        match self {
            SpeakerKind::Person => "●",
            SpeakerKind::Organization => "■",
            SpeakerKind::Group => "▲",
            // hollow: a person without a name
            SpeakerKind::Anonymous => "○",
            SpeakerKind::Document => "¶",
        }
    }

    fn legend(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
        }
    }
}

/// Every kind of speaker, in the legend's order.
pub const KINDS: [SpeakerKind; 5] = [
    SpeakerKind::Person,
    SpeakerKind::Organization,
    SpeakerKind::Group,
    SpeakerKind::Anonymous,
    SpeakerKind::Document,
];

/// How the reader draws a kind of stop (a claim's kind; a quotation no claim covers is a
/// [`ClaimKind::Direct`] stop).
pub trait StopMark {
    /// The mark shown before a claim in the list.
    fn mark(self) -> &'static str;
    /// The word used in the status bar.
    fn word(self) -> &'static str;
}

impl StopMark for ClaimKind {
    fn mark(self) -> &'static str {
        match self {
            ClaimKind::Direct => "“ ",
            ClaimKind::Indirect => "≈ ",
            ClaimKind::Mixed => "“≈",
        }
    }

    fn word(self) -> &'static str {
        match self {
            ClaimKind::Direct => "quote",
            ClaimKind::Indirect | ClaimKind::Mixed => "claim",
        }
    }
}

/// Below this confidence an attribution is drawn as uncertain, for the user to check: a
/// `?` beside the claim in the sidebar and in the article's margin, the quote underlined
/// (italic without colours), and "uncertain" in the status bar.
///
/// The engine's confidence ([`crate::attribution::Claim::confidence`]) starts from its
/// rule's (0.7–0.9 for a speaker read from the grammar of the sentence, 0.55–0.8 for a
/// quotation credited from its paragraph or a neighbour) and drops with weak evidence (a
/// pronoun resolved from context, a description for a name). 0.65 lets through what the
/// grammar says plainly and flags the guesses: a quote handed on from an earlier
/// paragraph, a speaker read off a clause's last noun phrase with little else for it.
pub const UNCERTAIN_BELOW: f32 = 0.65;

/// Whether an attribution of `confidence` to a speaker is uncertain (see
/// [`UNCERTAIN_BELOW`]). An attribution to no one is not: it has no speaker to doubt, and
/// is drawn as unattributed instead.
///
/// ```
/// use hearsay::tui::sources::is_uncertain;
/// assert!(is_uncertain(Some(2), 0.55));
/// assert!(!is_uncertain(Some(2), 0.85));
/// assert!(!is_uncertain(None, 0.0));
/// ```
pub fn is_uncertain(speaker: Option<usize>, confidence: f32) -> bool {
    speaker.is_some() && confidence < UNCERTAIN_BELOW
}

/// Whether the reader draws `stop`'s attribution as uncertain (see [`UNCERTAIN_BELOW`]).
pub fn uncertain(stop: &Stop) -> bool {
    is_uncertain(stop.speaker, stop.confidence)
}

/// A place `]`/`[` visit.
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    /// Speaker index, if credited.
    pub speaker: Option<usize>,
    /// Quote (direct), reported or mixed.
    pub kind: ClaimKind,
    /// Block index.
    pub block: usize,
    /// Byte range in the block's clean text.
    pub range: Range<usize>,
    /// How sure the analysis is of the speaker, 0–1 (see [`uncertain`]).
    pub confidence: f32,
}

/// A quotation to colour in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteMark {
    /// Block index.
    pub block: usize,
    /// Byte range (marks included) in the block's clean text.
    pub range: Range<usize>,
    /// Speaker index, if credited.
    pub speaker: Option<usize>,
    /// How sure the analysis is of the speaker, 0–1 (see [`uncertain`]).
    pub confidence: f32,
}

impl QuoteMark {
    /// Whether the reader draws this quotation's speaker as uncertain.
    pub fn uncertain(&self) -> bool {
        is_uncertain(self.speaker, self.confidence)
    }
}

/// What joins the phrases of a summary line.
const SEPARATOR: &str = " · ";

/// A line of the sourcing summary ([`Sources::summary_lines`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SummaryLine {
    /// The text.
    pub text: String,
    /// A headline figure (drawn bold), or a detail.
    pub strong: bool,
}

/// Claims resting on unnamed sources: anonymous ones, described but unnamed people and groups.
pub fn unnamed(s: &Sourcing) -> usize {
    s.unnamed()
}

/// All claims counted in `s`.
pub fn total(s: &Sourcing) -> usize {
    s.total()
}

/// Percentage of claims resting on unnamed sources, if there are claims.
pub fn unnamed_percent(s: &Sourcing) -> Option<usize> {
    s.unnamed_percent()
}

/// What the corrections changed, for the reader to mark.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Corrected {
    /// For each stop, whether a correction changed or added it.
    pub stops: Vec<bool>,
    /// For each speaker, whether a correction changed it.
    pub speakers: Vec<bool>,
    /// Corrections whose text is no longer in the article, described.
    pub orphaned: Vec<String>,
    /// `2 corrections applied, 1 orphaned` (empty without corrections).
    pub summary: String,
}

impl Corrected {
    /// Whether stop `i` was corrected by hand.
    pub fn stop(&self, i: usize) -> bool {
        self.stops.get(i).copied().unwrap_or(false)
    }

    /// Whether speaker `i` was corrected by hand.
    pub fn speaker(&self, i: usize) -> bool {
        self.speakers.get(i).copied().unwrap_or(false)
    }
}

/// Everything the reader shows about sources.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Sources {
    /// Speakers, in order of first appearance (their index is their colour).
    pub speakers: Vec<Speaker>,
    /// Stops in reading order.
    pub stops: Vec<Stop>,
    /// Quotations in reading order.
    pub quotes: Vec<QuoteMark>,
    /// Claims by kind of source.
    pub sourcing: Sourcing,
    /// What corrections made by hand changed (see [`crate::tui::corrections`]).
    pub corrected: Corrected,
}

impl Sources {
    /// Builds the stops from claims and quotations (each as `(block, range, speaker, kind)`),
    /// adding a quotation as a stop of its own only when no claim covers it.
    pub fn new(
        speakers: Vec<Speaker>,
        claims: Vec<Stop>,
        quotes: Vec<QuoteMark>,
        sourcing: Sourcing,
    ) -> Sources {
        // claims in reading order, with the furthest (block, end) reached so far: a quote is
        // covered when that furthest point among the claims starting before its end lies in
        // its block past its start. Linear after the sort; a huge article has 10^5 of each.
        // unstable sorts: in place, where a stable one wants a buffer of half the list
        let mut stops = claims;
        stops.sort_unstable_by_key(|s| (s.block, s.range.start, s.range.end));
        let reach: Vec<(usize, usize)> = stops
            .iter()
            .scan((0, 0), |m, s| {
                *m = (*m).max((s.block, s.range.end));
                Some(*m)
            })
            .collect();
        let mut quotes = quotes;
        quotes.sort_unstable_by_key(|q| (q.block, q.range.start, q.range.end));
        let mut own: Option<(usize, usize)> = None;
        for q in &quotes {
            let before = stops[..reach.len()]
                .partition_point(|s| (s.block, s.range.start) < (q.block, q.range.end));
            let by_claim = before
                .checked_sub(1)
                .is_some_and(|i| reach[i].0 == q.block && reach[i].1 > q.range.start);
            // a quote already made a stop of its own covers the quotes overlapping it too
            let by_quote = own.is_some_and(|(b, end)| b == q.block && end > q.range.start);
            if !by_claim && !by_quote {
                stops.push(Stop {
                    speaker: q.speaker,
                    kind: ClaimKind::Direct,
                    block: q.block,
                    range: q.range.clone(),
                    confidence: q.confidence,
                });
                own = Some(match own {
                    Some((b, end)) if b == q.block => (b, end.max(q.range.end)),
                    _ => (q.block, q.range.end),
                });
            }
        }
        stops.sort_unstable_by_key(|s| (s.block, s.range.start, s.range.end));
        stops.shrink_to_fit();
        quotes.shrink_to_fit();
        Sources {
            speakers,
            stops,
            quotes,
            sourcing,
            corrected: Corrected::default(),
        }
    }

    /// "25 quotes · 11 speakers · 38% of claims unnamed".
    pub fn summary(&self) -> String {
        let mut parts = self.count_phrases();
        if let Some(p) = unnamed_percent(&self.sourcing) {
            parts.push(format!("{p}% of claims unnamed"));
        }
        parts.join(SEPARATOR)
    }

    /// "25 quotes · 11 speakers".
    pub fn counts(&self) -> String {
        self.count_phrases().join(SEPARATOR)
    }

    /// "25 quotes", "11 speakers".
    fn count_phrases(&self) -> Vec<String> {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        vec![
            plural(self.quotes.len(), "quote", "quotes"),
            plural(self.speakers.len(), "speaker", "speakers"),
        ]
    }

    /// "12 named · 5 org · 9 unnamed · 2 doc · 1 no source", the kinds that occur.
    pub fn breakdown(&self) -> String {
        self.breakdown_phrases().join(SEPARATOR)
    }

    /// The phrases of [`Sources::breakdown`].
    fn breakdown_phrases(&self) -> Vec<String> {
        let s = &self.sourcing;
        let parts: Vec<String> = [
            ("named", s.named_person),
            ("org", s.organization),
            ("group", s.group),
            // groups are unnamed sources too (in the share), listed on their own here
            ("unnamed", s.unnamed_person + s.anonymous),
            ("doc", s.document),
            ("no source", s.unattributed),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| format!("{n} {w}"))
        .collect();
        if parts.is_empty() {
            vec!["no attributed claims".to_string()]
        } else {
            parts
        }
    }

    /// The sourcing summary for a box `width` columns wide: the counts, the share of claims
    /// resting on unnamed sources, and the claims by kind of source. Each line is whole
    /// phrases joined by " · ": a line breaks between phrases, never inside one ("7
    /// unnamed" stays together). The share is said in full where it fits, shorter where
    /// not. Only a phrase wider than the whole box (under 23 columns) is longer than a line.
    ///
    /// ```
    /// use hearsay::attribution::Sourcing;
    /// use hearsay::tui::Sources;
    /// let s = Sources {
    ///     sourcing: Sourcing { named_person: 19, organization: 4, anonymous: 7, document: 1,
    ///                          ..Sourcing::default() },
    ///     ..Sources::default()
    /// };
    /// let lines: Vec<String> = s.summary_lines(24).into_iter().map(|l| l.text).collect();
    /// assert_eq!(lines, ["0 quotes · 0 speakers", "23% of claims unnamed",
    ///                    "19 named · 4 org", "7 unnamed · 1 doc"]);
    /// ```
    pub fn summary_lines(&self, width: usize) -> Vec<SummaryLine> {
        let line = |strong| move |text| SummaryLine { text, strong };
        let mut out: Vec<SummaryLine> = pack(&self.count_phrases(), SEPARATOR, width)
            .into_iter()
            .map(line(true))
            .collect();
        if let Some(p) = unnamed_percent(&self.sourcing) {
            let long = format!("{p}% of claims from unnamed sources");
            let text = if long.width() <= width {
                long
            } else {
                format!("{p}% of claims unnamed")
            };
            out.push(SummaryLine { text, strong: true });
        }
        out.extend(
            pack(&self.breakdown_phrases(), SEPARATOR, width)
                .into_iter()
                .map(line(false)),
        );
        out
    }

    /// "Name, role" (or just the name), for the status bar.
    pub fn speaker_label(&self, speaker: Option<usize>) -> String {
        match speaker.and_then(|i| self.speakers.get(i)) {
            Some(s) => match &s.role {
                Some(r) => format!("{}, {r}", s.name),
                None => s.name.clone(),
            },
            None => "no speaker credited".to_string(),
        }
    }
}

impl Sources {
    /// The reader's view of an attribution analysis. Speaker ids are mapped to list indices
    /// (in the analysis's order of first attribution, which also gives each its colour);
    /// quotes and claims keep their block and clean-text ranges.
    ///
    /// The analysis is consumed, so on a huge article the reader's view is never held
    /// alongside all of it.
    pub fn from_analysis(a: Analysis) -> Sources {
        let Analysis {
            speakers,
            quotes: out_quotes,
            claims: out_claims,
            sourcing,
        } = a;
        let index: HashMap<usize, usize> = speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let sp = |id: Option<usize>| id.and_then(|id| index.get(&id).copied());
        // `into_iter().map().collect()` reuses each list's own allocation (a stop is smaller
        // than a claim), so the reader's view takes no memory beyond the analysis it replaces
        let quotes: Vec<QuoteMark> = out_quotes
            .into_iter()
            .map(|q| QuoteMark {
                block: q.block,
                range: q.text_range,
                speaker: sp(q.speaker),
                confidence: q.confidence,
            })
            .collect();
        let claims: Vec<Stop> = out_claims
            .into_iter()
            .map(|c| Stop {
                speaker: sp(c.speaker),
                kind: c.kind,
                block: c.block,
                range: c.text_range,
                confidence: c.confidence,
            })
            .collect();
        Sources::new(speakers, claims, quotes, sourcing)
    }

    /// Analyses a document and builds the reader's view of it.
    pub fn analyze(doc: &Document) -> Sources {
        Sources::from_analysis(crate::attribution::analyze(doc))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncovered_quotes_become_stops_in_reading_order() {
        let claim = Stop {
            speaker: Some(0),
            kind: ClaimKind::Indirect,
            block: 3,
            range: 10..40,
            confidence: 0.9,
        };
        let inside = QuoteMark {
            block: 3,
            range: 20..30,
            speaker: Some(0),
            confidence: 0.9,
        };
        let alone = QuoteMark {
            block: 1,
            range: 0..5,
            speaker: None,
            confidence: 0.0,
        };
        let s = Sources::new(
            vec![],
            vec![claim],
            vec![inside, alone],
            Sourcing::default(),
        );
        assert_eq!(s.stops.len(), 2);
        assert_eq!(s.stops[0].block, 1);
        assert_eq!(s.stops[0].kind, ClaimKind::Direct);
        assert_eq!(s.quotes[0].block, 1);
    }

    #[test]
    fn quotes_become_stops_only_where_no_claim_or_earlier_quote_covers_them() {
        let stop = |block, range: Range<usize>| Stop {
            speaker: None,
            kind: ClaimKind::Indirect,
            block,
            range,
            confidence: 0.0,
        };
        let mark = |block, range: Range<usize>| QuoteMark {
            block,
            range,
            speaker: None,
            confidence: 0.0,
        };
        let claims = vec![stop(1, 5..8), stop(0, 20..30), stop(0, 0..10)];
        let quotes = vec![
            mark(0, 2..4),   // inside a claim
            mark(0, 12..18), // between claims: a stop
            mark(0, 25..40), // overlaps a claim
            mark(1, 0..5),   // touches a claim's start only: a stop
            mark(1, 7..9),   // overlaps a claim's end
            mark(2, 0..3),   // no claim in the block: a stop
            mark(2, 1..2),   // inside the quote before
        ];
        let s = Sources::new(Vec::new(), claims, quotes, Sourcing::default());
        let own: Vec<(usize, Range<usize>)> = s
            .stops
            .iter()
            .filter(|s| s.kind == ClaimKind::Direct)
            .map(|s| (s.block, s.range.clone()))
            .collect();
        assert_eq!(own, vec![(0, 12..18), (1, 0..5), (2, 0..3)]);
        assert_eq!(s.stops.len(), 6);
        assert!(
            s.stops
                .windows(2)
                .all(|w| (w[0].block, w[0].range.start) <= (w[1].block, w[1].range.start))
        );
        assert_eq!(s.quotes.len(), 7);
    }

    #[test]
    fn summary_counts_and_rounds() {
        let s = Sources {
            sourcing: Sourcing {
                named_person: 5,
                anonymous: 2,
                unnamed_person: 1,
                ..Sourcing::default()
            },
            ..Sources::default()
        };
        assert_eq!(s.summary(), "0 quotes · 0 speakers · 38% of claims unnamed");
        assert_eq!(s.breakdown(), "5 named · 3 unnamed");
        assert_eq!(Sources::default().summary(), "0 quotes · 0 speakers");
    }
}
