//! The attribution analysis as the reader uses it: speakers with their colours, the quote
//! marks to colour in the article, and the "stops" that `]`/`[` visit.
//!
//! Stops are every claim (direct, indirect, mixed) plus every quotation no claim covers,
//! in reading order, each anchored to a byte range of a block's clean text so it can be
//! found on the page at any width. Everything is computed once, when the article opens.

use crate::attribution::Analysis;
use crate::document::Document;
use std::collections::HashMap;
use std::ops::Range;

/// What kind of source a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SpeakerKind {
    /// A person.
    Person,
    /// An organisation.
    Organization,
    /// A group of people.
    Group,
    /// An anonymous source.
    Anonymous,
    /// A document or statement.
    Document,
}

impl SpeakerKind {
    /// The mark shown before the speaker's name.
    pub fn mark(self) -> &'static str {
        match self {
            SpeakerKind::Person => "●",
            SpeakerKind::Organization => "■",
            SpeakerKind::Group => "▲",
            SpeakerKind::Anonymous => "?",
            SpeakerKind::Document => "¶",
        }
    }

    /// The kind's name, for the legend.
    pub fn name(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organisation",
            SpeakerKind::Group => "group",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
        }
    }

    /// All kinds, for the legend.
    pub const ALL: [SpeakerKind; 5] = [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Group,
        SpeakerKind::Anonymous,
        SpeakerKind::Document,
    ];
}

/// A speaker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Fullest name.
    pub name: String,
    /// Person, organisation, …
    pub kind: SpeakerKind,
    /// Role, when the article gives one.
    pub role: Option<String>,
    /// Quotations credited to the speaker.
    pub quotes: usize,
    /// Claims credited to the speaker.
    pub claims: usize,
}

/// Whether a stop is a quotation or reported speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopKind {
    /// Words in quote marks.
    Quote,
    /// Reported speech without quote marks.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

impl StopKind {
    /// The mark shown before a claim in the list.
    pub fn mark(self) -> &'static str {
        match self {
            StopKind::Quote => "“ ",
            StopKind::Indirect => "≈ ",
            StopKind::Mixed => "“≈",
        }
    }

    /// The word used in the status bar.
    pub fn word(self) -> &'static str {
        match self {
            StopKind::Quote => "quote",
            StopKind::Indirect | StopKind::Mixed => "claim",
        }
    }
}

/// A place `]`/`[` visit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stop {
    /// Speaker index, if credited.
    pub speaker: Option<usize>,
    /// Quote or claim.
    pub kind: StopKind,
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

/// Claims by kind of source, for the summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourcingCounts {
    /// By named people.
    pub named: usize,
    /// By organisations.
    pub organizations: usize,
    /// By groups.
    pub groups: usize,
    /// By anonymous sources (and described but unnamed people).
    pub unnamed: usize,
    /// By documents.
    pub documents: usize,
    /// With no source.
    pub unattributed: usize,
}

impl SourcingCounts {
    /// All claims.
    pub fn total(&self) -> usize {
        self.named
            + self.organizations
            + self.groups
            + self.unnamed
            + self.documents
            + self.unattributed
    }

    /// Percentage of claims resting on unnamed sources, if there are claims.
    pub fn unnamed_percent(&self) -> Option<usize> {
        let t = self.total();
        (t > 0).then(|| (self.unnamed * 100 + t / 2) / t)
    }
}

/// Everything the reader shows about sources.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// Speakers, in order of first appearance (their index is their colour).
    pub speakers: Vec<Speaker>,
    /// Stops in reading order.
    pub stops: Vec<Stop>,
    /// Quotations in reading order.
    pub quotes: Vec<QuoteMark>,
    /// Claims by kind of source.
    pub sourcing: SourcingCounts,
}

impl Sources {
    /// Builds the stops from claims and quotations (each as `(block, range, speaker, kind)`),
    /// adding a quotation as a stop of its own only when no claim covers it.
    pub fn new(
        speakers: Vec<Speaker>,
        claims: Vec<Stop>,
        quotes: Vec<QuoteMark>,
        sourcing: SourcingCounts,
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
                    kind: StopKind::Quote,
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
        if let Some(p) = self.sourcing.unnamed_percent() {
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
            ("named", s.named),
            ("org", s.organizations),
            ("group", s.groups),
            ("unnamed", s.unnamed),
            ("doc", s.documents),
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
        use crate::attribution::{ClaimKind, SpeakerKind as K};
        let Analysis {
            speakers: out_speakers,
            quotes: out_quotes,
            claims: out_claims,
            sourcing: s,
        } = a;
        let index: HashMap<usize, usize> = out_speakers
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id, i))
            .collect();
        let sp = |id: Option<usize>| id.and_then(|id| index.get(&id).copied());
        let speakers = out_speakers
            .into_iter()
            .map(|s| Speaker {
                name: s.name,
                kind: match s.kind {
                    K::Person => SpeakerKind::Person,
                    K::Organization => SpeakerKind::Organization,
                    K::Group => SpeakerKind::Group,
                    K::Anonymous => SpeakerKind::Anonymous,
                    K::Document => SpeakerKind::Document,
                },
                role: s.role,
                quotes: s.quotes,
                claims: s.claims,
            })
            .collect();
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
                kind: match c.kind {
                    ClaimKind::Direct => StopKind::Quote,
                    ClaimKind::Indirect => StopKind::Indirect,
                    ClaimKind::Mixed => StopKind::Mixed,
                },
                block: c.block,
                range: c.text_range,
            })
            .collect();
        let sourcing = SourcingCounts {
            named: s.named_person,
            organizations: s.organization,
            // groups of people are unnamed sources (attribution::Sourcing::unnamed)
            groups: 0,
            unnamed: s.unnamed(),
            documents: s.document,
            unattributed: s.unattributed,
        };
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
            kind: StopKind::Indirect,
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
            SourcingCounts::default(),
        );
        assert_eq!(s.stops.len(), 2);
        assert_eq!(s.stops[0].block, 1);
        assert_eq!(s.stops[0].kind, StopKind::Quote);
        assert_eq!(s.quotes[0].block, 1);
    }

    #[test]
    fn quotes_become_stops_only_where_no_claim_or_earlier_quote_covers_them() {
        let stop = |block, range: Range<usize>| Stop {
            speaker: None,
            kind: StopKind::Indirect,
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
        let s = Sources::new(Vec::new(), claims, quotes, SourcingCounts::default());
        let own: Vec<(usize, Range<usize>)> = s
            .stops
            .iter()
            .filter(|s| s.kind == StopKind::Quote)
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
            sourcing: SourcingCounts {
                named: 5,
                unnamed: 3,
                ..SourcingCounts::default()
            },
            ..Sources::default()
        };
        assert_eq!(s.summary(), "0 quotes · 0 speakers · 38% of claims unnamed");
        assert_eq!(s.breakdown(), "5 named · 3 unnamed");
        assert_eq!(Sources::default().summary(), "0 quotes · 0 speakers");
    }
}
