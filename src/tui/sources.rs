//! The attribution analysis as the reader uses it: speakers with their colours, the quote
//! marks to colour in the article, and the "stops" that `]`/`[` visit.
//!
//! Stops are every claim (direct, indirect, mixed) plus every quotation no claim covers,
//! in reading order, each anchored to a byte range of a block's clean text so it can be
//! found on the page at any width. Everything is computed once, when the article opens.

use crate::attribution::{Analysis, ClaimKind, Sourcing, SpeakerKind, SpeakerOut};
use crate::document::Document;
use std::collections::HashMap;
use std::ops::Range;

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
            SpeakerKind::Anonymous => "?",
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

/// A place `]`/`[` visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// Speaker index, if credited.
    pub speaker: Option<usize>,
    /// Quote (direct), reported or mixed.
    pub kind: ClaimKind,
    /// Block index.
    pub block: usize,
    /// Byte range in the block's clean text.
    pub range: Range<usize>,
}

/// A quotation to colour in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteMark {
    /// Block index.
    pub block: usize,
    /// Byte range (marks included) in the block's clean text.
    pub range: Range<usize>,
    /// Speaker index, if credited.
    pub speaker: Option<usize>,
}

/// Claims resting on unnamed sources: anonymous ones and described but unnamed people.
pub fn unnamed(s: &Sourcing) -> usize {
    s.anonymous + s.unnamed_person
}

/// All claims counted in `s`.
pub fn total(s: &Sourcing) -> usize {
    s.named_person
        + s.unnamed_person
        + s.organization
        + s.group
        + s.anonymous
        + s.document
        + s.unattributed
}

/// Percentage of claims resting on unnamed sources, if there are claims.
pub fn unnamed_percent(s: &Sourcing) -> Option<usize> {
    let t = total(s);
    (t > 0).then(|| (unnamed(s) * 100 + t / 2) / t)
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
        }
    }

    /// "25 quotes · 11 speakers · 38% of claims unnamed".
    pub fn summary(&self) -> String {
        let mut parts = vec![self.counts()];
        if let Some(p) = unnamed_percent(&self.sourcing) {
            parts.push(format!("{p}% of claims unnamed"));
        }
        parts.join(" · ")
    }

    /// "25 quotes · 11 speakers".
    pub fn counts(&self) -> String {
        let plural =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "{} · {}",
            plural(self.quotes.len(), "quote", "quotes"),
            plural(self.speakers.len(), "speaker", "speakers")
        )
    }

    /// "12 named · 5 org · 9 unnamed · 2 doc · 1 no source", the kinds that occur.
    pub fn breakdown(&self) -> String {
        let s = &self.sourcing;
        let parts: Vec<String> = [
            ("named", s.named_person),
            ("org", s.organization),
            ("group", s.group),
            ("unnamed", unnamed(s)),
            ("doc", s.document),
            ("no source", s.unattributed),
        ]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(w, n)| format!("{n} {w}"))
        .collect();
        if parts.is_empty() {
            "no attributed claims".to_string()
        } else {
            parts.join(" · ")
        }
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
            })
            .collect();
        let claims: Vec<Stop> = out_claims
            .into_iter()
            .map(|c| Stop {
                speaker: sp(c.speaker),
                kind: c.kind,
                block: c.block,
                range: c.text_range,
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
        };
        let inside = QuoteMark {
            block: 3,
            range: 20..30,
            speaker: Some(0),
        };
        let alone = QuoteMark {
            block: 1,
            range: 0..5,
            speaker: None,
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
        };
        let mark = |block, range: Range<usize>| QuoteMark {
            block,
            range,
            speaker: None,
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
