//! Who said what: quotations, speakers and attributed claims found in a [`Document`].
//!
//! The engine is rule-based and deterministic (no model, no network) and runs in one pass
//! over the body paragraphs, linear in the size of the text:
//! 1. [`quotes::scan`] finds the spans inside quote marks in each paragraph's clean text;
//! 2. [`tokens`] splits the text into words and sentences (never inside a quotation);
//! 3. [`claims`] finds reporting cues ([`lexicon::cue`], `according to`) outside quotations,
//!    reads the speaker next to each cue ([`speakers::parse_mention`]) in every order news
//!    uses, and cuts the reported content: a direct quotation, an indirect clause, or a mixed
//!    clause with quoted fragments;
//! 4. [`speakers::Registry`] merges mentions into speakers (full name, surname, title +
//!    surname), resolves pronouns and keeps anonymous sources apart;
//! 5. quotations without a cue continue the speaker of the paragraph (or of the previous
//!    paragraph, for a quotation running over several paragraphs).
//!
//! Offsets in the public output are byte offsets into [`Document::source`]; each quote and
//! claim also keeps its block index and its byte range in that block's clean `text`, for
//! the reader. Each attribution keeps the name of the rule that made it ([`Claim::rule`]),
//! which `hearsay analyze --explain` prints.

pub mod authors;
pub mod claims;
pub mod explain;
pub mod lexicon;
pub mod propagate;
pub mod quotes;
pub mod rules;
pub mod speakers;
pub mod tokens;
pub mod transcript;

use crate::document::{BlockKind, Document};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;

/// A cue as the article words it (`said`, `According to`): a string that stays inline (no
/// heap allocation) up to 24 bytes, which every cue fits.
pub type CueText = compact_str::CompactString;

/// What kind of source a speaker is (`person`, `organization`, … in JSON and in the
/// highlights file's corrections).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    /// A named (or described) person.
    Person,
    /// An organisation (`the Pentagon`, `NBC News`, `DEA officials`).
    Organization,
    /// A group of people (`legal experts`, `authorities`).
    Group,
    /// An anonymous source (`one person`, `people familiar with the matter`).
    Anonymous,
    /// A document (`a statement`, `draft language`).
    Document,
}

impl SpeakerKind {
    /// Every kind, in the order a picker offers them.
    pub const ALL: [SpeakerKind; 5] = [
        SpeakerKind::Person,
        SpeakerKind::Organization,
        SpeakerKind::Group,
        SpeakerKind::Anonymous,
        SpeakerKind::Document,
    ];

    /// The name used in JSON, files and exports (`person`, `organization`, …).
    ///
    /// ```
    /// assert_eq!(hearsay::attribution::SpeakerKind::Anonymous.as_str(), "anonymous");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
            SpeakerKind::Group => "group",
            SpeakerKind::Anonymous => "anonymous",
            SpeakerKind::Document => "document",
        }
    }
}

/// A speaker in the output.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpeakerOut {
    /// Id, referenced by quotes and claims (0-based, in order of first attribution).
    pub id: usize,
    /// The fullest name the article gives.
    pub name: String,
    /// Person, organisation, group, anonymous or document.
    pub kind: SpeakerKind,
    /// Other names the article uses for the speaker (surname, title + surname, …).
    pub aliases: Vec<String>,
    /// Role from an apposition or a title (`a spokesman for …`).
    pub role: Option<String>,
    /// Number of quotations attributed to the speaker.
    pub quotes: usize,
    /// Number of claims attributed to the speaker.
    pub claims: usize,
}

/// A quotation: the words inside quote marks ([`Quote::text`] reads them from the document).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Source byte offset of the opening mark.
    pub start: usize,
    /// Source byte offset one past the closing mark (or the paragraph end when unclosed).
    pub end: usize,
    /// Index of the body paragraph (in [`Document::paragraphs`] order), if in one (`u32`,
    /// like every offset kept per item: inputs are capped far below 4 GiB).
    pub paragraph: Option<u32>,
    /// Speaker id, or `None` when no one is credited.
    pub speaker: Option<usize>,
    /// The cue word that credits the speaker (`said`), if any (short: kept inline).
    pub cue: Option<CueText>,
    /// Index of the block in [`Document::blocks`].
    #[serde(skip)]
    pub block: usize,
    /// Byte range (marks included) in the block's clean text.
    #[serde(skip)]
    pub text_range: Range<usize>,
    /// Byte range of the words inside the marks, in the block's clean text.
    #[serde(skip)]
    pub inner_range: Range<u32>,
    /// How sure the engine is of the speaker, 0–1 (0 when no one is credited): the rule
    /// chain's own confidence times the evidence about the speaker (a pronoun resolved
    /// from context, a description, a verb with other senses lower it). A reader shows low
    /// ones as uncertain, for the user to check.
    pub confidence: f32,
    /// The rule that credited the speaker.
    #[serde(skip)]
    pub rule: rules::Rule,
}

/// Whether a claim is quoted, reported, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    /// Words inside quote marks.
    Direct,
    /// Reported speech without quote marks.
    Indirect,
    /// Reported speech with quoted fragments.
    Mixed,
}

/// An attribution: reported content ([`Claim::text`]), who it is credited to, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// Direct, indirect or mixed.
    pub kind: ClaimKind,
    /// Speaker id, or `None` when the cue's source could not be read.
    pub speaker: Option<usize>,
    /// The cue (`said`, `told`, `according to`), if any (short: kept inline).
    pub cue: Option<CueText>,
    /// Source byte offset of the content.
    pub start: usize,
    /// Source byte offset one past the content.
    pub end: usize,
    /// Index of the body paragraph, if in one.
    pub paragraph: Option<u32>,
    /// Index of the block in [`Document::blocks`].
    #[serde(skip)]
    pub block: usize,
    /// Byte range of the content in the block's clean text.
    #[serde(skip)]
    pub text_range: Range<usize>,
    /// How sure the engine is of this attribution, 0–1 (0 when it has no speaker); see
    /// [`Quote::confidence`].
    pub confidence: f32,
    /// The rule that made the attribution (shown by `--explain`).
    #[serde(skip)]
    pub rule: rules::Rule,
}

impl Quote {
    /// The words inside the marks, white space collapsed, read from `doc` (the document
    /// the analysis was made of; another document gives an empty text).
    ///
    /// ```
    /// let doc = hearsay::document::ingest("Title\n\n“We will rebuild,” Ana Ruiz said.\n".into());
    /// let a = hearsay::attribution::analyze(&doc);
    /// assert_eq!(a.quotes[0].text(&doc), "We will rebuild,");
    /// ```
    pub fn text<'d>(&self, doc: &'d Document) -> Cow<'d, str> {
        let r = &self.inner_range;
        block_text(doc, self.block, &(r.start as usize..r.end as usize))
    }
}

impl Claim {
    /// The reported content (for direct claims, the quotation with its marks), white space
    /// collapsed, read from `doc` (the document the analysis was made of; another document
    /// gives an empty text).
    ///
    /// ```
    /// let doc = hearsay::document::ingest("Title\n\nThe dam will hold, engineers said.\n".into());
    /// let a = hearsay::attribution::analyze(&doc);
    /// assert_eq!(a.claims[0].text(&doc), "The dam will hold");
    /// ```
    pub fn text<'d>(&self, doc: &'d Document) -> Cow<'d, str> {
        block_text(doc, self.block, &self.text_range)
    }
}

/// A range of a block's clean text with white space collapsed. Clean text already has single
/// spaces, so this borrows; only a kept no-break space (or a range of a foreign document)
/// makes it allocate.
fn block_text<'d>(doc: &'d Document, block: usize, range: &Range<usize>) -> Cow<'d, str> {
    let s = doc
        .blocks
        .get(block)
        .and_then(|b| b.text.get(range.clone()))
        .unwrap_or("");
    if is_collapsed(s) {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(s.split_whitespace().collect::<Vec<_>>().join(" "))
    }
}

/// Whether `s` has no white space but single ASCII spaces between words.
fn is_collapsed(s: &str) -> bool {
    let mut after_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || after_space {
                return false;
            }
            after_space = true;
        } else {
            after_space = false;
        }
    }
    s.is_empty() || !after_space
}

/// How an article sources its claims: counts by kind of speaker.
///
/// Unnamed sources ([`Sourcing::unnamed`]) are the claims of anonymous sources (`a source`,
/// `people familiar with the matter`), of people described but not named (`a spokeswoman
/// for the agency`) and of groups of people (`officials`, `administration officials`,
/// `residents`, `DEA officials`): no one the reader could call by name stands behind them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Sourcing {
    /// Claims credited to a named person.
    pub named_person: usize,
    /// Claims credited to an unnamed but described person (`a spokesperson for …`).
    pub unnamed_person: usize,
    /// Claims credited to an organisation.
    pub organization: usize,
    /// Claims credited to a group of people (`legal experts`, `residents`), or to an
    /// organisation's unnamed people (`DEA officials`).
    pub group: usize,
    /// Claims credited to an anonymous source.
    pub anonymous: usize,
    /// Claims credited to a document.
    pub document: usize,
    /// Claims with no speaker.
    pub unattributed: usize,
}

impl Sourcing {
    /// Counts `claims` by the kind of their speaker (ids index `speakers`). A person counts
    /// as named when the name's last word is capitalised (`Ana Ruiz`) or it is one word
    /// (`Ruiz`), and as unnamed when described (`a retired welder`, `A librarian` opening a
    /// sentence, `Harbour Authority spokeswoman`).
    pub fn count(speakers: &[SpeakerOut], claims: &[Claim]) -> Sourcing {
        let mut sourcing = Sourcing::default();
        // what each speaker counts as, worked out once (not once a claim)
        let kinds: Vec<(SpeakerKind, bool)> = speakers
            .iter()
            .map(|s| {
                let mut words = s.name.split_whitespace();
                let last = words.next_back().unwrap_or("");
                let named = words.next().is_none() || last.starts_with(char::is_uppercase);
                (propagate::people_of_organisation(s), named)
            })
            .collect();
        for c in claims {
            match c.speaker.and_then(|s| kinds.get(s)).copied() {
                None => sourcing.unattributed += 1,
                Some((SpeakerKind::Person, true)) => sourcing.named_person += 1,
                Some((SpeakerKind::Person, false)) => sourcing.unnamed_person += 1,
                Some((SpeakerKind::Organization, _)) => sourcing.organization += 1,
                Some((SpeakerKind::Group, _)) => sourcing.group += 1,
                Some((SpeakerKind::Anonymous, _)) => sourcing.anonymous += 1,
                Some((SpeakerKind::Document, _)) => sourcing.document += 1,
            }
        }
        sourcing
    }

    /// Claims credited to a source that is not named: anonymous sources, described but
    /// unnamed persons and groups of people (as the reader's sourcing summary counts them).
    ///
    /// ```
    /// let doc = hearsay::document::ingest(
    ///     "Title\n\nThe port will close, administration officials said.\n".into(),
    /// );
    /// let a = hearsay::attribution::analyze(&doc);
    /// assert_eq!(a.sourcing.unnamed(), 1);
    /// ```
    pub fn unnamed(&self) -> usize {
        self.anonymous + self.unnamed_person + self.group
    }

    /// Percentage of claims resting on unnamed sources (rounded), if there are claims.
    ///
    /// ```
    /// let s = hearsay::attribution::Sourcing { named_person: 5, anonymous: 3, ..Default::default() };
    /// assert_eq!(s.unnamed_percent(), Some(38));
    /// ```
    pub fn unnamed_percent(&self) -> Option<usize> {
        let t = self.total();
        (t > 0).then(|| (self.unnamed() * 100 + t / 2) / t)
    }

    /// Every claim counted.
    pub fn total(&self) -> usize {
        self.named_person
            + self.unnamed_person
            + self.organization
            + self.group
            + self.anonymous
            + self.document
            + self.unattributed
    }
}

/// The ids (below `n`) of the speakers credited with a claim or a quotation, in order of
/// their first attribution: by block, then offset in the block's text, then id. The engine
/// numbers speakers in this order, and so do corrections when they renumber.
pub(crate) fn first_attribution_order(n: usize, claims: &[Claim], quotes: &[Quote]) -> Vec<usize> {
    let mut first: Vec<Option<(usize, usize)>> = vec![None; n];
    let items = claims
        .iter()
        .map(|c| (c.speaker, c.block, c.text_range.start))
        .chain(
            quotes
                .iter()
                .map(|q| (q.speaker, q.block, q.text_range.start)),
        );
    for (speaker, block, at) in items {
        if let Some(id) = speaker.filter(|&id| id < n) {
            let key = (block, at);
            if first[id].is_none_or(|f| key < f) {
                first[id] = Some(key);
            }
        }
    }
    let mut order: Vec<(usize, usize, usize)> = first
        .iter()
        .enumerate()
        .filter_map(|(id, f)| f.map(|(b, at)| (b, at, id)))
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, _, id)| id).collect()
}

/// The attribution analysis of a document.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// Speakers, in order of their first attribution.
    pub speakers: Vec<SpeakerOut>,
    /// Quotations in reading order.
    pub quotes: Vec<Quote>,
    /// Claims in reading order.
    pub claims: Vec<Claim>,
    /// Counts of claims by kind of source.
    pub sourcing: Sourcing,
}

impl Analysis {
    /// The speaker with this id.
    pub fn speaker(&self, id: usize) -> Option<&SpeakerOut> {
        self.speakers.get(id)
    }
}

/// Whether a block is analysed: body paragraphs and captions; a "title" that reads like a
/// body paragraph (a long sentence) when the input had no real headline.
fn analysed(kind: BlockKind, text: &str) -> bool {
    match kind {
        BlockKind::Paragraph | BlockKind::Caption => true,
        // a Q&A's question, set apart like a heading, is read for the attributions in it
        // (`Q: The union says the depot is short of staff. Is it?`)
        BlockKind::Subheading => propagate::qa_marker(text, 'Q').is_some(),
        BlockKind::Title => {
            text.split_whitespace().count() >= 14 && text.trim_end().ends_with(['.', '”', '"'])
        }
        _ => false,
    }
}

/// Finds the quotations, speakers and claims of a document.
///
/// ```
/// let doc = hearsay::document::ingest(
///     "Headline here\n\n“We will rebuild the bridge,” Mayor Ana Ruiz said on Monday.\n".into(),
/// );
/// let a = hearsay::attribution::analyze(&doc);
/// assert_eq!(a.quotes[0].text(&doc), "We will rebuild the bridge,");
/// assert_eq!(a.speakers[0].name, "Ana Ruiz");
/// ```
pub fn analyze(doc: &Document) -> Analysis {
    let mut paragraph_of = vec![None; doc.blocks.len()];
    for (n, (i, _)) in doc.paragraphs().enumerate() {
        paragraph_of[i] = u32::try_from(n).ok();
    }
    let blocks: Vec<usize> = doc
        .blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| analysed(b.kind, &b.text))
        .map(|(i, _)| i)
        .collect();
    propagate::run(doc, &blocks, &paragraph_of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapsed_text_is_recognised() {
        assert!(is_collapsed(""));
        assert!(is_collapsed("one two three"));
        assert!(!is_collapsed(" lead"));
        assert!(!is_collapsed("trail "));
        assert!(!is_collapsed("two  spaces"));
        assert!(!is_collapsed("no\u{a0}break"));
        let doc =
            crate::document::ingest("Title\n\n“We  will \t rebuild,” Ana Ruiz said.\n".into());
        let a = analyze(&doc);
        let t = a.quotes[0].text(&doc);
        assert!(matches!(t, Cow::Borrowed("We will rebuild,")), "{t:?}");
    }

    #[test]
    fn text_collapses_a_kept_no_break_space() {
        let doc = crate::document::ingest(
            "Title\n\n“We will\u{a0} rebuild,” Ana Ruiz said. Talks end\u{a0}today, aides said.\n"
                .into(),
        );
        let a = analyze(&doc);
        let q = &a.quotes[0];
        assert_eq!(q.text(&doc), "We will rebuild,");
        assert!(matches!(q.text(&doc), Cow::Owned(_)));
        assert!(matches!(a.speakers[..], [_, _]));
        let texts: Vec<String> = a.claims.iter().map(|c| c.text(&doc).into_owned()).collect();
        assert_eq!(texts, ["“We will rebuild,”", "Talks end today"]);
    }

    /// The speaker name of the only quotation of a one-paragraph article.
    fn quote_speaker(paragraph: &str) -> Option<String> {
        let doc = crate::document::ingest(format!("Title\n\n{paragraph}\n"));
        let a = analyze(&doc);
        let id = a.quotes.first()?.speaker?;
        a.speakers
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.name.clone())
    }

    #[test]
    fn speakers_named_after_a_description_or_by_trade() {
        let cases = [
            (
                "“We will rebuild,” said the mill’s owner, Ana Ruiz.",
                "Ana Ruiz",
            ),
            ("“We will rebuild,” says Ruiz’s dad, Tomas.", "Tomas"),
            (
                "“We will rebuild,” said a retired welder.",
                "a retired welder",
            ),
            (
                "“We will rebuild,” Rosa Every, a planner, said.",
                "Rosa Every",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(quote_speaker(text).as_deref(), Some(want), "{text}");
        }
    }
}
