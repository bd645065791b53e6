//! Phases 1–3 of the engine, one sentence at a time ([`attribute_sentence`]):
//! 1. **cues** ([`cues`]): reporting verbs from [`lexicon::cue`] and `according to`,
//!    outside quotation marks, dropping nouns (`the report`), passives and base forms
//!    without a plural subject;
//! 2. **speaker candidates** ([`speaker_candidate`]): each [`SpeakerRule`] is a function
//!    (`rule_according_to`, `rule_relative_clause`, `rule_subject`, `rule_inverted`,
//!    `rule_apposition`), tried in that order; a participle or coordinated cue inherits
//!    ([`SpeakerRule::Inherited`]); the candidate is resolved to a speaker at once
//!    ([`resolve_candidate`]) so a later cue of the sentence can inherit it;
//! 3. **content spans** ([`content_rule`], then [`settle_layout`], which also drops false
//!    attributions): the [`ContentRule`] that cuts the reported words after the cue
//!    (`that`-clause or not), before the attribution, or around a parenthetical one.
//!
//! A content made only of quotations gives one direct claim per quotation; with quotations
//! and other words it is a mixed claim; without quotations, an indirect one
//! ([`super::propagate`] makes them, and credits quotations without a cue).

use super::lexicon::{self, Class, Cue, Pronoun};
use super::quotes::QuoteSpan;
use super::rules::{ContentRule, Rule, SpeakerRule};
use super::speakers::{
    Gender, Mention, MentionKind, Registry, agent_noun, parse_bare_plural, parse_mention,
    parse_occupation, parse_open,
};
use super::tokens::{self, Sentence, Token};
use super::{ClaimKind, CueText, SpeakerKind};
use smallvec::SmallVec;
use std::ops::Range;

/// Where the subject search before a cue stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Boundary {
    Start,
    Comma,
    QuoteClose,
    Conj,
    TooFar,
}

/// How the content sits relative to the attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    After,
    Before,
    Whole,
    None,
}

/// One cue with its speaker and content.
#[derive(Debug, Clone)]
pub(super) struct Attr {
    pub(super) cue_tok: usize,
    pub(super) cue_text: CueText,
    pub(super) speaker: Option<usize>,
    pub(super) left: usize,
    layout: Layout,
    pub(super) content: Option<Range<usize>>,
    pub(super) speaker_rule: SpeakerRule,
    pub(super) content_rule: ContentRule,
    /// The rule chain's confidence times the evidence about the speaker.
    pub(super) confidence: f32,
}

/// A claim before ids are assigned.
pub(super) struct RawClaim {
    pub(super) range: Range<usize>,
    pub(super) kind: ClaimKind,
    pub(super) speaker: Option<usize>,
    pub(super) cue: Option<CueText>,
    pub(super) rule: Rule,
    pub(super) confidence: f32,
}

pub(super) struct Para<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token<'a>],
    pub(super) quotes: &'a [QuoteSpan],
    pub(super) base: usize,
    /// The paragraph read before this one, if any (for [`SpeakerRule::DescribedAntecedent`]).
    pub(super) before: Option<&'a super::propagate::Before<'a>>,
}

/// Whether a gap between two words holds a break: `,` `;` `:` `—` `–` `(` `)` `[`, by a byte
/// scan (a gap is a few bytes; the general searcher for a set of chars cost several times as
/// much).
#[inline(never)]
fn gap_breaks(gap: &str) -> bool {
    let b = gap.as_bytes();
    b.iter().enumerate().any(|(i, &c)| match c {
        b',' | b';' | b':' | b'(' | b')' | b'[' => true,
        // `—` U+2014 and `–` U+2013: E2 80 94 and E2 80 93
        0xE2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)),
        _ => false,
    })
}

impl Para<'_> {
    #[inline]
    pub(super) fn gap_before(&self, i: usize, s: &Sentence) -> &str {
        if i == s.tokens.start {
            return &self.text
                [s.range.start.min(self.toks[i].range.start)..self.toks[i].range.start];
        }
        if i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].range.end..self.toks[i].range.start]
    }

    /// Whether [`Para::gap_before`] token `i` (after the sentence's first) holds a break.
    ///
    /// (Inlined: the rules ask it hundreds of thousands of times a megabyte, and most gaps
    /// are one space, which breaks nothing; the others go to [`gap_breaks`].)
    #[inline]
    pub(super) fn breaks_before(&self, i: usize, s: &Sentence) -> bool {
        if i <= s.tokens.start || i >= self.toks.len() {
            return false;
        }
        let (a, b) = (self.toks[i - 1].range.end, self.toks[i].range.start);
        if b == a + 1 && self.text.as_bytes().get(a) == Some(&b' ') {
            return false;
        }
        gap_breaks(&self.text[a..b])
    }

    pub(super) fn pos(&self, byte: usize) -> usize {
        self.base + byte
    }

    /// End byte of token `i`, extended over its quotation's closing mark.
    fn tok_end(&self, i: usize) -> usize {
        let t = &self.toks[i];
        match t.quote {
            Some(q) => self.quotes[q].outer.end,
            None => t.range.end,
        }
    }

    /// Start byte of token `i`, extended over its quotation's opening mark.
    fn tok_start(&self, i: usize) -> usize {
        let t = &self.toks[i];
        match t.quote {
            Some(q) => self.quotes[q].outer.start.min(t.range.start),
            None => t.range.start,
        }
    }
}

/// Whether the cue at `k` stands where its frames let it report: `was accused of theft`,
/// `Accused of fraud, she …`, `is credited with saving …` (a frame's preposition right
/// after the verb, its object missing) are passives, no reports; a judgement `as` is one
/// only after a passive auxiliary and without an agent (`was described as “historic” by
/// the weather office` is [`SpeakerRule::PassiveAgent`]'s, and in `what she described as
/// “a theft”` the object is `what`); a verb that reports only in its frames (`saw the
/// ferry`, `hailed a taxi`) needs one.
fn in_frame(p: &Para, s: &Sentence, k: usize, c: Cue) -> bool {
    let passive_frame = c.weak
        && p.toks
            .get(k + 1)
            .filter(|_| k + 1 < s.tokens.end)
            .is_some_and(|n| {
                lexicon::object_frames(c.lemma)
                    .any(|f| f.len() > 1 && f[0] == "_" && f[1] == n.lower)
                    && (n.lower != "as" || passive(p, s, k) && by_agent(p, s, k + 1).is_none())
            });
    !passive_frame && (!c.frame || object_frame(p, s, Some(c), k + 1))
}

/// Finds the cues of a sentence.
fn cues(p: &Para, s: &Sentence) -> SmallVec<[(usize, usize, Option<Cue>); 4]> {
    let mut out = SmallVec::new();
    let toks = p.toks;
    // the sentence's last token inside a quotation so far
    let mut last_quote = None;
    for k in s.tokens.clone() {
        let t = &toks[k];
        if t.quote.is_some() {
            last_quote = Some(k);
            continue;
        }
        if t.lower == "according" {
            if toks
                .get(k + 1)
                .is_some_and(|n| n.lower == "to" && n.quote.is_none())
            {
                out.push((k, k + 2, None));
            }
            continue;
        }
        let cue = match t.cue() {
            Some(c) => Some(c),
            None if may_construct(p, s, k, last_quote) => construction_cue(p, s, k, last_quote),
            None => None,
        };
        if let Some(c) = cue
            && let Some(end) = cue_end(p, s, k, c, &out)
        {
            out.push((k, end, Some(c)));
        }
    }
    out
}

/// The end token of the cue `c` that the word at `k` makes (`point out`, `put it`, `spoke
/// of`: after the words it takes), or `None` when, in its place, it reports nothing: a
/// noun, an adjective, a passive, a negation, a request, a base form without its subject
/// (`earlier`: the sentence's cues before it).
///
/// (Apart from [`cues`], which runs on every word: the loop over the words keeps its few
/// values in registers, where these checks, inlined, spilled them on every word.)
#[inline(never)]
fn cue_end(
    p: &Para,
    s: &Sentence,
    k: usize,
    c: Cue,
    earlier: &[(usize, usize, Option<Cue>)],
) -> Option<usize> {
    let t = &p.toks[k];
    if t.cap && k != s.tokens.start && Some(k) != after_dateline(p, s) {
        return None;
    }
    // `The memo, written in May and obtained by the Ledger, warned …`, `The police,
    // called by a neighbour, found …`: a past participle (no base, -s, past or -ing form,
    // or one with its agent after it) right after a comma opens a reduced relative clause
    // about the noun before it, not a report
    let agent_next = !c.participle && p.toks.get(k + 1).is_some_and(|n| n.lower == "by");
    let participle_only =
        !(c.base || c.participle || c.past || t.lower.ends_with('s')) && t.cue().is_some();
    if (participle_only || agent_next) && p.gap_before(k, s).trim() == "," {
        return None;
    }
    // `In a post on X written in French, Roy said …`: without an auxiliary before it
    // (`has written`, `was written`), a past participle is an adjective, never the verb
    // that reports
    if participle_only
        && k > s.tokens.start
        && !(p.toks[k - 1].is(Class::PassiveAux)
            || matches!(p.toks[k - 1].lower, "has" | "have" | "had" | "having")
            || aux_or_adverb(&p.toks[k - 1]))
    {
        return None;
    }
    let mut end = k + 1 + usize::from(c.lemma == "put");
    if c.lemma == "point" {
        if p.toks.get(k + 1).is_some_and(|n| n.lower == "out") && !c.base {
            end = k + 2;
        } else if p.toks.get(k + 1).is_none_or(|n| n.lower != "to") || c.base {
            // (`pointed to rising costs`: its frame, [`object_frame`])
            return None;
        }
    }
    if !in_frame(p, s, k, c) {
        return None;
    }
    // `spoke of “anxiety”`, `spoke about …`: speaking is a cue only with what was said
    if c.lemma == "speak" {
        if p.toks
            .get(k + 1)
            .is_some_and(|n| matches!(n.lower, "of" | "about"))
        {
            end = k + 2;
        } else {
            return None;
        }
    }
    if noun_or_request(p, s, k, end, c) || naming_call(p, s, k) {
        return None;
    }
    if c.belief && !belief_reported(p, s, k, end, !earlier.is_empty()) {
        return None;
    }
    if !c.belief && negated(p, s, k) {
        return None;
    }
    // (`has been pressing … to` is a progressive, no passive)
    if !(c.frame && c.participle) && passive(p, s, k) && (c.thing || by_agent(p, s, end).is_none())
    {
        return None;
    }
    if c.base && !base_form_has_subject(p, s, k) {
        return None;
    }
    // `according to the agency's estimates`: a cue word inside the source's noun phrase
    // is a noun
    if earlier
        .last()
        .is_some_and(|&(_, e, cue): &(usize, usize, Option<Cue>)| {
            cue.is_none() && e < k && (e..=k).all(|i| !p.breaks_before(i, s)) && k - e <= 4
        })
    {
        return None;
    }
    if plural_noun_form(p, s, k, c) || participle_without_clause(p, s, k, end, c) {
        return None;
    }
    Some(end)
}

/// The verbs of [`light_verb`]'s constructions (`made the argument that …`).
const LIGHT_VERBS: &[&str] = &[
    "made",
    "makes",
    "expressed",
    "expresses",
    "voiced",
    "voices",
    "repeated",
];
/// The forms of `find` that [`document_finding`] reads as a document's finding.
const FIND_FORMS: &[&str] = &["found", "finds"];
/// The forms of `read` that [`document_reads`] reads as a document's words.
const READ_FORMS: &[&str] = &["read", "reads"];
/// The verbs of praise or blame that [`quoted_judgement`] reads as cues.
const JUDGEMENT_VERBS: &[&str] = &[
    "accused", "accuses", "praised", "praises", "blamed", "blames",
];
/// The forms of `put` that [`put_it`] reads as `put it`.
const PUT_FORMS: &[&str] = &["put", "puts"];

/// For each first byte (`.0`) and each last byte (`.1`) of a word in the lists of
/// [`construction_cue`]'s verbs, the lengths (bit `len`) such words have:
/// [`may_construct`] rules most words out with two loads.
static CONSTRUCTION_HEADS: ([u16; 256], [u16; 256]) = head_lengths(&[
    LIGHT_VERBS,
    FIND_FORMS,
    READ_FORMS,
    JUDGEMENT_VERBS,
    PUT_FORMS,
]);

/// [`CONSTRUCTION_HEADS`] of word lists (nonempty words of under 16 bytes), at compile time.
const fn head_lengths(lists: &[&[&str]]) -> ([u16; 256], [u16; 256]) {
    let (mut first, mut last) = ([0u16; 256], [0u16; 256]);
    let mut i = 0;
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            let w = lists[i][j].as_bytes();
            first[w[0] as usize] |= 1 << w.len();
            last[w[w.len() - 1] as usize] |= 1 << w.len();
            j += 1;
        }
        i += 1;
    }
    (first, last)
}

/// Whether [`construction_cue`] may find a cue at token `k` (false: it finds none), from
/// tests of a few instructions, so that most words of a sentence skip its chain: a verb of
/// sharing or a noun of saying, a word shaped like one of the constructions' verbs (its
/// first and last bytes and its length), or a lowercase word no list holds, ending like a
/// verb (`-d`, `-s`, `-g`), with a quotation close before it or right after it (the verbs
/// read from their place: [`speech_by_position`], [`verb_before_colon_quote`]).
fn may_construct(p: &Para, s: &Sentence, k: usize, last_quote: Option<usize>) -> bool {
    let t = &p.toks[k];
    let b = t.lower.as_bytes();
    let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
        return false;
    };
    let classes = t.classes();
    if classes & (Class::PostVerb.bit() | Class::SpeechNoun.bit()) != 0 {
        return true;
    }
    let (firsts, lasts) = &CONSTRUCTION_HEADS;
    if b.len() < 16 && (firsts[usize::from(first)] & lasts[usize::from(last)]) >> b.len() & 1 != 0 {
        return true;
    }
    classes == 0
        && !t.cap
        && b.len() >= 4
        && matches!(last, b'd' | b's' | b'g')
        && k > s.tokens.start
        && (last_quote.is_some_and(|q| q + 5 >= k)
            || p.toks.get(k + 1).is_some_and(|n| n.quote.is_some()))
}

/// The cue a construction makes at token `k` whose word is no cue form by itself (or not in
/// this frame): a verb placed as speech, a light verb, a shared post, a verb before a colon
/// and a quotation, a possessed noun of saying, a document's finding or words
/// (`last_quote`: see [`speech_by_position`]). (Not inlined into [`cues`]'s loop over the
/// words, where most words never get here: see [`cue_end`].)
#[inline(never)]
fn construction_cue(p: &Para, s: &Sentence, k: usize, last_quote: Option<usize>) -> Option<Cue> {
    speech_by_position(p, s, k, last_quote)
        .or_else(|| light_verb(p, s, k))
        .or_else(|| shared_post(p, s, k))
        .or_else(|| verb_before_colon_quote(p, s, k))
        .or_else(|| possessed_speech_noun(p, s, k))
        .or_else(|| document_finding(p, s, k))
        .or_else(|| document_reads(p, s, k))
        .or_else(|| quoted_judgement(p, s, k))
        .or_else(|| put_it(p, s, k))
}

/// `his remarks`, `the claims`, `the biggest states`: a weak cue's -s form after a noun
/// marker, a possessive or a superlative is a plural noun, not a verb.
fn plural_noun_form(p: &Para, s: &Sentence, k: usize, c: Cue) -> bool {
    let prev = (k > s.tokens.start).then(|| &p.toks[k - 1]);
    c.weak
        && !c.base
        && !c.participle
        && p.toks[k].lower.ends_with('s')
        && prev.is_some_and(|pv| {
            pv.is(Class::NounMarker)
                || pv.is_possessive()
                || !pv.cap
                    && pv.lower.len() > 5
                    && pv.lower.ends_with("est")
                    && !pv.is(Class::EstNoun)
        })
}

/// An `-ing` cue reports only after a comma, before `that`, after `with` (or a comma and
/// `one`, [`absolute_subject`]) and a noun phrase or fronting the sentence (`…, saying …`, `Citing the storm, …`); elsewhere it is no
/// verb of saying (`a long-running saying`).
fn participle_without_clause(p: &Para, s: &Sentence, k: usize, end: usize, c: Cue) -> bool {
    c.participle
        && !(p.breaks_before(k, s)
            || c.frame && progressive(p, s, k)
            || p.toks.get(end).is_some_and(|n| n.lower == "that")
            || with_subject(p, s, k).is_some()
            || absolute_subject(p, s, k)
            || fronted_end(p, s, k).is_some())
}

/// `has been pressing the board to …`, `is asking residents to …`: an `-ing` form at `k`
/// after a form of `be` is the clause's verb (a progressive), not a participle.
fn progressive(p: &Para, s: &Sentence, k: usize) -> bool {
    k > s.tokens.start
        && matches!(
            p.toks[k - 1].lower,
            "is" | "are" | "was" | "were" | "been" | "be" | "am"
        )
        && !p.breaks_before(k, s)
}

/// A cue form that reports nothing in its place: `who asked not to be named`, `asked to
/// leave` (a request, dropped here so that its subject never reaches the speakers); a
/// third-person form opening the sentence with no name or noun phrase after it, a plural
/// noun (`Questions remain …`, `Charges were laid …`; `Says Lee: …` and `Says the report,
/// …` stay inverted cues); a participle after a document's noun in an adjunct (`in a
/// statement posted on its website`).
fn noun_or_request(p: &Para, s: &Sentence, k: usize, end: usize, c: Cue) -> bool {
    let next = p.toks.get(end).filter(|_| end < s.tokens.end);
    let request = c.lemma == "ask" && next.is_some_and(|n| matches!(n.lower, "not" | "to"));
    let plural_noun = k == s.tokens.start
        && !(c.base || c.participle || c.past)
        && p.toks[k].lower.ends_with('s')
        && next.is_none_or(|n| {
            !(n.cap || n.quote.is_some() || n.is(Class::Determiner)) || n.lower == "that"
        });
    // `said in a statement posted on its website that …`: a weak past form after a
    // document's noun inside a prepositional phrase is a participle, not the sentence's cue
    // (a preposition, a determiner, the noun: `after official data showed …` is a clause)
    let participle = c.weak
        && c.past
        && k > s.tokens.start
        && p.toks[k - 1].is(Class::DocumentNoun)
        && (k.saturating_sub(4).max(s.tokens.start + 1)..k - 1)
            .rev()
            .take_while(|&i| !p.breaks_before(i + 1, s))
            .any(|i| p.toks[i].is(Class::Determiner) && p.toks[i - 1].is(Class::Preposition));
    // `The ruling that …`, `its warning that …`: an -ing form right after an article or a
    // possessive determiner is a noun
    let gerund = c.participle
        && k > s.tokens.start
        && matches!(
            p.toks[k - 1].lower,
            "a" | "an" | "the" | "its" | "his" | "her" | "their"
        )
        && !p.breaks_before(k, s);
    request || plural_noun || participle || gerund || after_article(p, s, k, c)
}

/// `in a written response`, `the revised estimates`: right after an article, a cue's past
/// form or participle (`c` of token `k`) is an adjective, its form in -s a noun, never a verb.
fn after_article(p: &Para, s: &Sentence, k: usize, c: Cue) -> bool {
    !c.base
        && !c.participle
        && k > s.tokens.start
        && matches!(p.toks[k - 1].lower, "a" | "an" | "the")
        && !p.breaks_before(k, s)
}

/// `what planners call “managed decline”`, `what the locals call “the Gut”`: a plural
/// present `call` after `what` and a subject that names no one (a plural noun, `they`,
/// `some`) frames a term in use, not anyone's words. A past (`what campaigners called “an
/// act of vandalism”`, one occasion's judgement), a singular (`what the mayor calls …`) and
/// a name (`what the Smiths call …`) stay cues.
pub(super) fn naming_call(p: &Para, s: &Sentence, k: usize) -> bool {
    if p.toks[k].lower != "call" {
        return false;
    }
    let mut j = k;
    let mut step = || {
        j = j.checked_sub(1).filter(|&i| i >= s.tokens.start)?;
        Some(&p.toks[j]).filter(|t| t.quote.is_none() && !p.breaks_before(j + 1, s))
    };
    let Some(subject) = step() else {
        return false;
    };
    if subject.cap || matches!(subject.lower, "i" | "we" | "you") {
        return false;
    }
    match step() {
        Some(w) if w.lower == "what" => true,
        Some(w) if matches!(w.lower, "the" | "some" | "many" | "most") => {
            step().is_some_and(|w| w.lower == "what")
        }
        _ => false,
    }
}

/// `Families on the east side`, `People living near the quarry`, `A dozen tenants`, `A
/// handful of neighbours`: the subject `a0..k` is a plural of people (a group's noun, the
/// plural of a person's noun, or a plural agent noun) after at most a quantity (`a
/// dozen`, `a handful of`, a number), followed by a post-modifier (a preposition or an
/// `-ing` participle) unless a quantity came first.
fn postmodified_plural(p: &Para, s: &Sentence, a0: usize, k: usize) -> bool {
    let toks = p.toks;
    if a0 >= k
        || k - a0 > 10
        || (a0 + 1..k).any(|i| p.breaks_before(i, s) || toks[i].quote.is_some())
    {
        return false;
    }
    let mut i = a0;
    let mut quantity = false;
    if matches!(toks[i].lower, "a" | "an")
        && toks.get(i + 1).is_some_and(|n| {
            matches!(
                n.lower,
                "dozen" | "handful" | "number" | "group" | "couple" | "few"
            )
        })
    {
        i += 2;
        quantity = true;
        if toks.get(i).is_some_and(|n| n.lower == "of") {
            i += 1;
        }
    } else if toks[i].is(Class::Quantifier) || toks[i].lower.chars().all(|c| c.is_ascii_digit()) {
        i += 1;
        quantity = true;
        if toks.get(i).is_some_and(|n| n.lower == "of") {
            i += 1;
        }
    }
    // (a lowercase modifier before the head: `Shop owners`, `east-side families`)
    if i + 1 < k && !toks[i + 1].is(Class::PostmodifierStart) && !toks[i + 1].lower.ends_with("ing")
    {
        i += 1;
    }
    if i >= k {
        return false;
    }
    let h = &toks[i];
    let people = h.is(Class::GroupNoun)
        || h.lower
            .strip_suffix('s')
            .is_some_and(|st| !st.ends_with('s') && Class::PersonNoun.has(st))
        || h.lower.ends_with('s') && agent_noun(h.lower);
    let post = toks
        .get(i + 1)
        .filter(|_| i + 1 < k)
        .is_some_and(|n| !n.cap && (n.is(Class::PostmodifierStart) || n.lower.ends_with("ing")));
    people && (post || quantity && i + 1 == k)
}

/// Whether a present-tense base form (`say`, `believe`) at `k` follows a subject it agrees
/// with: a plural or a pronoun, an auxiliary, or a quantified group (`Some in the fishing
/// community say`); not a noun after a determiner (`the say`).
fn base_form_has_subject(p: &Para, s: &Sentence, k: usize) -> bool {
    let toks = p.toks;
    // `Residents, many of whom have lived there for decades, say …`: the subject before
    // the parenthesis
    let (h, a0) = match parenthesized_subject(p, s, k) {
        Some((a, b)) => (b - 1, Some(a)),
        None => (k.saturating_sub(1), None),
    };
    let Some(pv) = (k > s.tokens.start).then(|| &toks[h]) else {
        return false;
    };
    let ok_prev = matches!(
        pv.lower,
        "they"
            | "who"
            | "we"
            | "i"
            | "you"
            | "would"
            | "will"
            | "could"
            | "can"
            | "did"
            | "does"
            | "do"
            | "might"
            | "may"
            | "also"
            | "often"
            | "still"
            | "now"
            | "both"
            | "all"
    ) || pv.is(Class::GroupNoun)
        // (`federal data show`: a mass noun of documents)
        || pv.is(Class::DocumentNoun)
        // (`do not think`: only a verb of belief gets here negated)
        || matches!(pv.lower, "not" | "never")
        || pv.lower.ends_with("n't")
        || pv.lower.ends_with("n’t")
        || (pv.lower.ends_with('s') && !pv.is(Class::NounMarker) && !pv.lower.ends_with("ss"))
        || pv.cap;
    // `Some in the fishing community say`: a plural quantifier opens the subject
    let a0 = a0.unwrap_or_else(|| subject_start(p, s, k).0);
    let quantified = a0 + 1 < k
        && matches!(toks[a0].lower, "some" | "many" | "most" | "several" | "few")
        && matches!(toks[a0 + 1].lower, "in" | "of" | "among" | "at");
    // `a solid Republican state`: a singular determiner opens no subject of a base form
    // (nor does one right before it: `on an earnings call that …`, `in a phone call`)
    let singular_det =
        |i: usize| matches!(toks[i].lower, "a" | "an" | "another" | "each" | "every");
    let singular = a0 < k && singular_det(a0)
        || k >= s.tokens.start + 2 && singular_det(k - 2) && !p.breaks_before(k - 1, s);
    // (`Ruiz’s report said`: after a possessive, a noun, which reports only with its
    // that-clause: `Ruiz’s claim that …`)
    let possessive = (pv.is_possessive()
        || pv.lower.ends_with('s') && p.text[pv.range.end..].starts_with(['’', '\'']))
        && toks.get(k + 1).is_none_or(|n| n.lower != "that");
    // (`police say`: a group noun that also marks a compound noun, `police report`, is
    // the subject of `say`, a verb that is never such a noun, and of any base form that
    // ends the sentence or opens `that`)
    let group_subject = pv.is(Class::GroupNoun)
        && (p.toks[k].lower == "say"
            || k + 1 == s.tokens.end
            || toks.get(k + 1).is_some_and(|n| n.lower == "that"));
    // `Families on the east side say`, `People living near the quarry say`, `A dozen
    // tenants say`: a plural of people with its post-modifier or its quantity
    let modified = p.toks[k].lower == "say" && postmodified_plural(p, s, a0, k)
        // (`figures from the program's administrator show`: a document and its author)
        || p.toks[k].cue().is_some_and(|c| c.document)
            && a0 < k
            && k - a0 <= 8
            && toks[a0].is(Class::DocumentNoun)
            && toks[a0].lower.ends_with('s')
            && toks.get(a0 + 1).is_some_and(|t| matches!(t.lower, "from" | "by"))
            && (a0 + 1..k).all(|i| !p.breaks_before(i, s) && toks[i].quote.is_none());
    (ok_prev || quantified || modified)
        && (!singular || modified)
        && !possessive
        && (!pv.is(Class::NounMarker) || group_subject)
        && pv.quote.is_none()
        && (h + 1 != k || !p.breaks_before(k, s))
}

/// `The audit, commissioned by the city after complaints, found …`, `Residents, many of whom
/// have lived there for decades, say …`, `The memo, written in May and obtained by the
/// Ledger, warned …`: for a cue at `k` right after a comma, the subject opening the sentence
/// (after a dateline; up to eight words, no quotation) before a parenthesis that runs to
/// the cue (at most thirty words, no quotation) and opens as a parenthesis does: a relative
/// pronoun, `many of whom`, a participle, an apposition's determiner. Its token range.
fn parenthesized_subject(p: &Para, s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let close = if k > s.tokens.start {
        p.gap_before(k, s).trim()
    } else {
        ""
    };
    let dashed = dash_gap(close);
    if close != "," && !dashed {
        return None;
    }
    let a = after_dateline(p, s).unwrap_or(s.tokens.start);
    let b = (a + 1..k.min(a + 9)).find(|&i| p.breaks_before(i, s))?;
    let opener = &p.toks[b];
    let open = p.gap_before(b, s).trim();
    // (`Three members — Ames, Bell and Cho — have told …`: between dashes, any words)
    let parenthesis = (open == "," || dashed && dash_gap(open))
        && b < k
        && k - b <= 30
        && !p.toks[a..k].iter().any(|t| t.quote.is_some())
        && (dashed
            || !opener.cap
                && (matches!(opener.lower, "who" | "which" | "whose" | "whom")
                    || opener.is(Class::Quantifier)
                        && p.toks.get(b + 1).is_some_and(|n| n.lower == "of")
                    || opener.is(Class::Determiner)
                    || opener.lower.ends_with("ed")
                    || opener.lower.ends_with("ing")
                    || opener.is(Class::IrregularParticiple)));
    parenthesis.then_some((a, b))
}

/// Whether the text between two words is a dash (`—`, `–`, `--`, a spaced hyphen).
fn dash_gap(gap: &str) -> bool {
    matches!(gap, "—" | "–" | "--" | "-")
}

/// Whether a verb of belief at `k` reports someone's view (`Engineers believe the dam will
/// hold`, `they don't think it is safe`): not inside the words of an earlier cue of the
/// sentence (`she said investigators believe …`: speech inside speech keeps the outer
/// level), not in a subordinate clause (`even though the city believes …, …`: a concession,
/// not a claim), and not with a verb right after it (`a year he thinks could be his best`:
/// a relative clause, not a parenthetical), nor with a first or second person subject
/// outside quotation marks (`I think`, `you feel`: a hedge, not a report).
fn belief_reported(p: &Para, s: &Sentence, k: usize, end: usize, earlier_cue: bool) -> bool {
    let (a0, _) = subject_start(p, s, k);
    if (a0..k).any(|i| matches!(p.toks[i].lower, "i" | "we" | "you")) {
        return false;
    }
    let subordinate = a0 > s.tokens.start && p.toks[a0 - 1].is(Class::Subordinator);
    let verb_next = end < s.tokens.end
        && !p.breaks_before(end, s)
        && p.toks[end].quote.is_none()
        && p.toks[end].is(Class::Verbish);
    !earlier_cue && !subordinate && !verb_next
}

/// A verb no list knows, read as a cue from its place beside a quotation (`“We were
/// lucky,” sighed Lee Park.`, `“Not again,” the skipper groaned.`): a past or present
/// verb form right after the quotation's closing comma and before a name, or after a
/// short noun phrase that follows the quotation, ending the sentence.
/// (`last_quote`: the sentence's last token before `k` inside a quotation.)
fn speech_by_position(p: &Para, s: &Sentence, k: usize, last_quote: Option<usize>) -> Option<Cue> {
    const BY_POSITION: Cue = weak_cue("say", false);
    // the cheap test first: a quotation within the five words before
    if k == s.tokens.start || last_quote.is_none_or(|q| q + 5 < k) {
        return None;
    }
    let t = &p.toks[k];
    let w = t.lower;
    let verb_form = w.len() >= 5
        && w.chars().all(|c| c.is_ascii_lowercase())
        && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us"));
    if t.cap || !verb_form || k == s.tokens.start || t.classes() != 0 {
        return None;
    }
    let quote_close = |i: usize| {
        p.toks[i].quote.is_some()
            && p.text[..p.tok_end(i)]
                .chars()
                .rev()
                .take(3)
                .any(|c| matches!(c, ',' | '!' | '?'))
    };
    let ends = |i: usize| i >= s.tokens.end || p.breaks_before(i, s) || p.toks[i].quote.is_some();
    // `“…,” sighed Lee Park.`
    if quote_close(k - 1) {
        let n = (k + 1..(k + 5).min(s.tokens.end))
            .find(|&i| ends(i))
            .unwrap_or(s.tokens.end);
        let np = k + 1..n;
        return (!np.is_empty()
            && n - k <= 5
            && ends(n)
            && (p.toks[k + 1].cap || p.toks[k + 1].is(Class::Determiner)))
        .then_some(BY_POSITION);
    }
    // `“…,” Lee Park sighed.`
    let a = (k.saturating_sub(4).max(s.tokens.start)..k)
        .find(|&i| i > s.tokens.start && p.toks[i].quote.is_none() && quote_close(i - 1))?;
    let np_ok = (p.toks[a].cap
        || p.toks[a].is(Class::Determiner)
        || matches!(p.toks[a].lower, "he" | "she" | "they"))
        && p.toks[a..k].iter().all(|t| t.quote.is_none());
    (np_ok && ends(k + 1)).then_some(BY_POSITION)
}

/// A weak cue read from its place or its frame rather than from the cue list (no other
/// flags; `np` when a noun phrase object is still what was said).
const fn weak_cue(lemma: &'static str, np: bool) -> Cue {
    Cue {
        lemma,
        base: false,
        participle: false,
        past: false,
        weak: true,
        object: false,
        belief: false,
        np,
        animate: false,
        document: false,
        against: false,
        thing: false,
        that: false,
        frame: false,
    }
}

/// The cue a construction of saying makes (a light verb, a possessed noun of saying): like
/// `said`, strong, with no flags.
const PLAIN_SAY: Cue = Cue {
    lemma: "say",
    base: false,
    participle: false,
    past: false,
    weak: false,
    object: false,
    belief: false,
    np: false,
    animate: false,
    document: false,
    against: false,
    thing: false,
    that: false,
    frame: false,
};

/// `made the argument that …`, `expressed concern that …`, `voiced the fear that …`: a light
/// verb whose object is a noun of saying followed by `that` is a cue.
fn light_verb(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    let w = p.toks[k].lower;
    if !LIGHT_VERBS.contains(&w) {
        return None;
    }
    let noun = (k + 1..(k + 4).min(s.tokens.end))
        .take_while(|&i| p.toks[i].quote.is_none() && !p.breaks_before(i, s))
        .find(|&i| p.toks[i].is(Class::SpeechNoun))?;
    p.toks
        .get(noun + 1)
        .is_some_and(|t| t.lower == "that" && noun + 1 < s.tokens.end)
        .then_some(PLAIN_SAY)
}

/// `She took to Instagram: “…”`, `The club shared a photo and the words: “…”`: a verb of
/// sharing (`words/post_verb.txt`; `take` with `to`) whose clause runs, unbroken, to a
/// colon and a quotation that ends the sentence is a cue: the quotation is the post.
fn shared_post(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    const POST: Cue = Cue {
        that: true,
        ..weak_cue("post", false)
    };
    let t = &p.toks[k];
    // (`in a statement shared on Instagram, the pair wrote: …`: a participle after a
    // document's noun is no post of its own, and a later cue is the one that reports)
    if k == s.tokens.start
        || t.cap
        || !t.is(Class::PostVerb)
        || p.toks[k - 1].is(Class::DocumentNoun)
    {
        return None;
    }
    let mut from = k + 1;
    if matches!(t.lower, "took" | "takes" | "taken" | "taking") {
        p.toks.get(from).filter(|n| n.lower == "to")?;
        from += 1;
    }
    let q = colon_quote_ahead(p, s, from)?;
    (!p.toks[from..q].iter().any(|t| t.cue().is_some())).then_some(POST)
}

/// `Another fan gushed: “So sad.”`, `…, with one penning: “Heartbroken.”`: a verb no list
/// knows (a past in -ed, a third person in -s or an -ing participle) right before a colon
/// and a quotation that ends the sentence is a cue by its place, as news introduces
/// quotations so.
fn verb_before_colon_quote(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    // (the cheap test first: a quotation right after the word)
    if k == s.tokens.start || k + 1 >= s.tokens.end || p.toks[k + 1].quote.is_none() {
        return None;
    }
    let t = &p.toks[k];
    let w = t.lower;
    if t.cap
        || t.quote.is_some()
        || w.len() < 4
        || t.classes() != 0
        || !w.chars().all(|c| c.is_ascii_lowercase())
    {
        return None;
    }
    let (past, participle) = (w.ends_with("ed"), w.ends_with("ing"));
    let third = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    if !(past || participle || third) {
        return None;
    }
    // (right before the colon, not a verb further back: `walking into a room: “…”`)
    colon_quote_ahead(p, s, k + 1).filter(|&q| q == k + 1)?;
    Some(Cue {
        past,
        participle,
        ..weak_cue("say", false)
    })
}

/// The quotation token that a colon introduces within fifteen words after token `from`,
/// with no break but commas before it, when the quotation ends the sentence (`… on
/// Monday: “Come and see.”`, `… a photo, with the caption: “…”`).
fn colon_quote_ahead(p: &Para, s: &Sentence, from: usize) -> Option<usize> {
    let e = s.tokens.end;
    let q = (from..(from + 15).min(e)).find(|&i| {
        p.toks[i].quote.is_some() || p.breaks_before(i, s) && p.gap_before(i, s).trim() != ","
    })?;
    let quote = p.toks[q].quote?;
    let colon = q > s.tokens.start && p.text[p.tok_end(q - 1)..p.tok_start(q)].trim() == ":";
    (colon && p.toks[q..e].iter().all(|t| t.quote == Some(quote))).then_some(q)
}

/// `…, a new report has found.`, `The study finds that …`: `find` is a cue only with a
/// document as its subject (a report, a study, a survey), right before it or after an
/// auxiliary; like any weak cue, only before a clause or ending a trailing attribution.
/// People a description names find only before `that` (`The researchers found that …`;
/// `Police found the car` is no report).
/// `It found that …` opening a sentence is a document's finding only when the `it` is a
/// document ([`SpeakerRule::ItAntecedent`] checks the sentence before).
fn document_finding(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    const FIND: Cue = weak_cue("find", false);
    const FIND_IT: Cue = Cue {
        document: true,
        ..weak_cue("find", false)
    };
    if !FIND_FORMS.contains(&p.toks[k].lower) || k == s.tokens.start {
        return None;
    }
    // (`The audit, commissioned by the city, found …`: the subject before the parenthesis)
    let h = match parenthesized_subject(p, s, k) {
        Some((_, b)) => b - 1,
        None => {
            let mut h = k - 1;
            if matches!(p.toks[h].lower, "has" | "have" | "had" | "also") && h > s.tokens.start {
                h -= 1;
            }
            if p.toks[h].quote.is_some() || p.breaks_before(h + 1, s) {
                return None;
            }
            h
        }
    };
    if h == s.tokens.start && p.toks[h].lower == "it" {
        return Some(FIND_IT);
    }
    // `The researchers also found that …`, `the study's authors found that …`: the findings
    // of people a description names, with `that` (a name in a story of how someone found
    // out, `Ruiz found that the door was locked`, is narration)
    let (t, that) = (
        &p.toks[h],
        p.toks.get(k + 1).is_some_and(|n| n.lower == "that"),
    );
    let people = !t.cap && (t.is(Class::GroupNoun) || t.is(Class::PersonNoun));
    (t.is(Class::DocumentNoun) || that && (people || finding_body(p, s, h))).then_some(FIND)
}

/// `The jury found that …`, `the Office of the Fare Advocate found that …`: a body that
/// weighs evidence states its findings with `found that` as a document does. The subject
/// ending at `h` is a body: a lowercase organisation's noun, or a capitalised name that
/// reads as an organisation's (a person's name finding that … is narration).
fn finding_body(p: &Para, s: &Sentence, h: usize) -> bool {
    let t = &p.toks[h];
    // (`if the company finds that …`: a condition, no finding)
    let subordinate = |a: usize| a > s.tokens.start && p.toks[a - 1].is(Class::Subordinator);
    if !t.cap {
        let a = if h > s.tokens.start && p.toks[h - 1].is(Class::Determiner) {
            h - 1
        } else {
            h
        };
        return t.is(Class::OrgNoun) && !subordinate(a);
    }
    let mut a = h;
    while a > s.tokens.start
        && h - a < 8
        && !p.breaks_before(a, s)
        && p.toks[a - 1].quote.is_none()
        && (p.toks[a - 1].cap || matches!(p.toks[a - 1].lower, "of" | "for" | "the" | "and"))
    {
        a -= 1;
    }
    !subordinate(a) && mention_of(p, a, h + 1).is_some_and(|m| m.kind == MentionKind::Organization)
}

/// `As Ruiz later put it, the pier …`, `Ruiz put it this way: “…”`: `put it` (the cue
/// ends after `it`) reports what follows a comma or a colon within a few words, like any
/// weak cue.
fn put_it(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    const PUT: Cue = weak_cue("put", false);
    let it = p.toks.get(k + 1).filter(|_| k + 1 < s.tokens.end)?;
    let frame = PUT_FORMS.contains(&p.toks[k].lower)
        && it.lower == "it"
        && it.quote.is_none()
        && (k + 2..(k + 5).min(s.tokens.end + 1))
            .any(|i| i == s.tokens.end || p.gap_before(i, s).contains([',', ':']));
    frame.then_some(PUT)
}

/// `Lee accused the mayor of “wasting money”`, `The fund praised the choir’s “tireless
/// work”`: a verb of praise or blame is a cue only when a quotation closes its object
/// (within a few words, no break between); elsewhere it reports no words
/// (`praised China's support`).
fn quoted_judgement(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    const JUDGE: Cue = weak_cue("judge", true);
    let w = p.toks[k].lower;
    if !JUDGEMENT_VERBS.contains(&w) || k == s.tokens.start {
        return None;
    }
    let q = (k + 1..(k + 7).min(s.tokens.end))
        .take_while(|&i| !p.breaks_before(i, s))
        .find(|&i| p.toks[i].quote.is_some())?;
    // the quotation ends the object: nothing but the sentence's end after it
    let last = (q..s.tokens.end).all(|i| p.toks[i].quote.is_some());
    last.then_some(JUDGE)
}

/// `“…,” the post read.`, `The statement reads: “…”`: `read` after a document's noun (not a
/// sign's, whose words are a slogan) is a cue when a quotation comes before it and it ends
/// the sentence, or a colon and a quotation follow it (`she read the letter` is no report).
fn document_reads(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    const READ: Cue = Cue {
        document: true,
        ..weak_cue("read", false)
    };
    if !READ_FORMS.contains(&p.toks[k].lower) || k == s.tokens.start {
        return None;
    }
    let noun = &p.toks[k - 1];
    if !noun.is(Class::DocumentNoun) || noun.is(Class::Inscription) || noun.quote.is_some() {
        return None;
    }
    let trailing = k + 1 == s.tokens.end && (s.tokens.start..k).any(|i| p.toks[i].quote.is_some());
    let colon_quote = p.toks.get(k + 1).is_some_and(|n| n.quote.is_some())
        && k + 1 < s.tokens.end
        && p.gap_before(k + 1, s).contains(':');
    (trailing || colon_quote).then_some(READ)
}

/// `Russia's announcement that …`, `the council's warning that …`: a noun of saying after a
/// possessive and before `that` is a cue, its owner the speaker.
fn possessed_speech_noun(p: &Para, s: &Sentence, k: usize) -> Option<Cue> {
    // (the noun's class first: a bit test, where most words stop)
    if !p.toks[k].is(Class::SpeechNoun) {
        return None;
    }
    let prev = p.toks.get(k.checked_sub(1)?)?;
    let possessive = prev.is_possessive();
    (k > s.tokens.start
        && possessive
        && p.toks.get(k + 1).is_some_and(|n| n.lower == "that")
        && k + 2 < s.tokens.end)
        .then_some(PLAIN_SAY)
}

/// Whether the cue `k` is a passive participle (`was described`, `is expected`).
fn passive(p: &Para, s: &Sentence, k: usize) -> bool {
    k > s.tokens.start
        && p.toks[k - 1].quote.is_none()
        && p.toks[k - 1].is(Class::PassiveAux)
        && !p.breaks_before(k, s)
}

/// The agent of a passive cue: `by` and a noun phrase to the sentence end or a break,
/// within a few words of the cue (`was described as “historic” by the weather office`).
fn by_agent(p: &Para, s: &Sentence, from: usize) -> Option<(usize, usize)> {
    let by = (from..(from + 10).min(s.tokens.end))
        .take_while(|&k| k == from || !p.breaks_before(k, s) || p.toks[k - 1].quote.is_some())
        .find(|&k| p.toks[k].lower == "by" && p.toks[k].quote.is_none())?;
    let a = by + 1;
    let mut b = a;
    while b < s.tokens.end && b - a < 8 && p.toks[b].quote.is_none() && !p.breaks_before(b, s) {
        b += 1;
    }
    // the phrase ends the sentence or its clause
    (b > a && (b == s.tokens.end || p.breaks_before(b, s)) && !attributed_after(p, s, b))
        .then_some((a, b))
}

/// `Drivers were told of it by text message, one dispatcher said.`: a clause after the
/// agent that holds a `say`/`tell` cue of its own is the sentence's attribution (the
/// passive is part of the reported words).
fn attributed_after(p: &Para, s: &Sentence, b: usize) -> bool {
    b < s.tokens.end
        && p.gap_before(b, s).contains(',')
        && (b..s.tokens.end).any(|k| {
            p.toks[k].quote.is_none()
                && p.toks[k]
                    .cue()
                    .is_some_and(|c| matches!(c.lemma, "say" | "tell"))
        })
}

/// Speaker rule [`SpeakerRule::PassiveAgent`]: `The storm was described as “historic” by
/// the weather office`, the agent after `by` is the speaker; the sentence is the claim.
fn rule_passive(p: &Para, s: &Sentence, c: usize, cend: usize, cand: &mut Candidate) -> bool {
    if !passive(p, s, c) {
        return false;
    }
    let Some((a, b)) = by_agent(p, s, cend) else {
        return false;
    };
    let Some(m) = mention_of(p, a, b).filter(|m| !matches!(m.kind, MentionKind::Pronoun(_))) else {
        return false;
    };
    cand.mention = Some((a, b, m));
    cand.rule = SpeakerRule::PassiveAgent;
    cand.passive = true;
    true
}

/// `has not said`, `didn’t say`, `never confirmed`, `declined to say`: a cue denied or
/// refused is no attribution.
fn negated(p: &Para, s: &Sentence, k: usize) -> bool {
    let mut i = k;
    // over adverbs between the negation and the cue (`has not yet said`)
    while i > s.tokens.start && i + 3 > k {
        let w = p.toks[i - 1].lower;
        if p.toks[i - 1].quote.is_some() || p.breaks_before(i, s) {
            return false;
        }
        if matches!(w, "not" | "never") || w.ends_with("n't") || w.ends_with("n’t") {
            return true;
        }
        if w == "to" {
            return i >= s.tokens.start + 2
                && matches!(
                    p.toks[i - 2].lower,
                    "declined" | "declines" | "refused" | "refuses" | "declining" | "refusing"
                );
        }
        if !aux_or_adverb(&p.toks[i - 1]) && !matches!(w, "yet" | "publicly" | "immediately") {
            return false;
        }
        i -= 1;
    }
    false
}

/// [`lexicon::is_aux_or_adverb`] of a token's word, from the classes the token keeps (no
/// lookup of the word again).
fn aux_or_adverb(t: &Token) -> bool {
    t.is(Class::AuxOrAdverb)
        || t.lower.len() > 4 && t.lower.ends_with("ly") && !t.is(Class::LyNotAdverb)
}

/// Walks back from a cue to the start of its subject.
fn subject_start(p: &Para, s: &Sentence, c: usize) -> (usize, Boundary) {
    let mut k = c;
    while k > s.tokens.start {
        let prev = k - 1;
        if p.toks[prev].quote.is_some() {
            return (k, Boundary::QuoteClose);
        }
        if p.breaks_before(k, s) {
            return (k, Boundary::Comma);
        }
        if p.toks[prev].is(Class::ClauseBoundary) && !p.toks[prev].cap {
            match left_conjunct(p, s, prev, k) {
                Some(m) => {
                    k = m;
                    continue;
                }
                None => return (k, Boundary::Conj),
            }
        }
        if c - prev > 14 {
            return (k, Boundary::TooFar);
        }
        k = prev;
    }
    (s.tokens.start, Boundary::Start)
}

/// `Greta Olsen and Paul Hwang said`, `The mayor and the fire chief said`: when the words
/// before `and` (at `and_at`; the right conjunct starts at `right`) are a name or a person's
/// noun phrase that opens the clause, the subject takes both conjuncts; returns the left
/// one's start.
fn left_conjunct(p: &Para, s: &Sentence, and_at: usize, right: usize) -> Option<usize> {
    let t = &p.toks;
    if t[and_at].lower != "and"
        || !(t[right].cap || matches!(t[right].lower, "the" | "a" | "an"))
        || and_at == s.tokens.start
    {
        return None;
    }
    let last = &t[and_at - 1];
    if !(last.cap && last.quote.is_none() || last.is(Class::PersonNoun)) {
        return None;
    }
    let mut m = and_at;
    while m > s.tokens.start && and_at - m < 5 && !p.breaks_before(m, s) {
        let w = &t[m - 1];
        if w.quote.is_some() || !(w.cap || w.is(Class::Determiner) || w.is(Class::PersonNoun)) {
            break;
        }
        m -= 1;
    }
    let opens = m == s.tokens.start
        || p.breaks_before(m, s)
        || t[m - 1].quote.is_some()
        || t[m - 1].is(Class::ClauseBoundary) && !t[m - 1].cap;
    (opens && m < and_at).then_some(m)
}

/// Drops auxiliaries, adverbs and time adjuncts at the end of a subject (`Trump on
/// Monday`, `experts have`), and fillers at its start.
fn strip_subject(p: &Para, mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        if b <= a {
            break;
        }
        let t = &p.toks[b - 1];
        let weekday = t.is(Class::Weekday);
        let negative = t.lower.ends_with("n't") || t.lower.ends_with("n’t");
        if (!t.cap && (aux_or_adverb(t) || t.is(Class::TimeWord) || negative)) || weekday {
            b -= 1;
            // "on Monday", "last week"
            if b > a
                && matches!(
                    p.toks[b - 1].lower,
                    "on" | "last" | "this" | "late" | "early" | "in"
                )
            {
                b -= 1;
            }
            continue;
        }
        break;
    }
    while a < b && p.toks[a].is(Class::LeadingFiller) && b - a > 1 {
        a += 1;
    }
    (a, b)
}

/// The noun phrase right after a cue, when it ends at a break (inverted attribution).
fn inverted_np(p: &Para, s: &Sentence, from: usize) -> Option<(usize, usize)> {
    let first = p.toks.get(from)?;
    if from >= s.tokens.end || first.quote.is_some() || p.breaks_before(from, s) {
        return None;
    }
    if first.is(Class::Preposition) || first.is(Class::TimeWord) && !first.cap {
        return None;
    }
    let mut j = from;
    while j < s.tokens.end && j - from < 12 {
        let t = &p.toks[j];
        if t.quote.is_some() || (j > from && p.breaks_before(j, s)) {
            break;
        }
        if t.is(Class::ClauseBoundary)
            && !(t.lower == "and"
                && j > from
                && p.toks[j - 1].cap
                && p.toks.get(j + 1).is_some_and(|n| n.cap))
        {
            break;
        }
        // (a capitalised cue word is part of a name: `the founder of Studiocomix Press`)
        if j > from && t.cue().is_some() && !t.cap {
            break;
        }
        if j > from && t.is(Class::AdjunctOpener) && p.toks[j - 1].cap {
            break;
        }
        if j > from && matches!(t.lower, "who" | "whose") {
            break;
        }
        // `and said his members were “ready”`: a verb after the phrase makes it the
        // subject of the reported clause, never the speaker
        if j > from && !t.cap && t.is(Class::Verbish) && t.lower != "also" {
            return None;
        }
        j += 1;
    }
    if j == from {
        return None;
    }
    // `said a clerk who asked not to be named …`: a relative clause runs on after the phrase
    let relative =
        j < s.tokens.end && matches!(p.toks[j].lower, "who" | "whose") && !p.breaks_before(j, s);
    // the phrase must end at a break: a comma, a quotation, the sentence end, or, after a
    // name, an adjunct (`said Mike Hawes on Monday`, `says Greenspan while visiting`)
    let mut end = j;
    let ends_ok = j >= s.tokens.end
        || relative
        || p.toks[j].quote.is_some()
        || p.breaks_before(j, s)
        || p.toks[j - 1].cap && p.toks[j].is(Class::AdjunctOpener);
    if !ends_ok {
        return None;
    }
    // `said Ruiz’s “bold plan”`: a possessive is a determiner of what follows, not a speaker
    let last = &p.toks[j - 1];
    let after = &p.text[last.range.end..];
    if last.is_possessive() || last.lower.ends_with('s') && after.starts_with(['’', '\'']) {
        return None;
    }
    // trailing time words inside the phrase: "said Lohmar on Saturday"
    let (_, b) = strip_subject(p, from, end);
    end = b.max(from + 1);
    Some((from, end))
}

/// A person's name in apposition after a description of them (`the board's chairwoman, Edna
/// Marlowe`, `his brother, Carl Fenn`): the description `a..b` must name a person by role,
/// the name must be the whole next comma chunk.
fn named_apposition(p: &Para, s: &Sentence, a: usize, b: usize) -> Option<(usize, usize, Mention)> {
    let e = s.tokens.end;
    // the cheap checks first: most noun phrases after a cue end the sentence
    if b >= e
        || p.toks[b].quote.is_some()
        || !p.toks[b].cap
        || !p.breaks_before(b, s)
        || p.gap_before(b, s).trim() != ","
    {
        return None;
    }
    let mut k = b + 1;
    while k < e && p.toks[k].quote.is_none() && !p.breaks_before(k, s) && k - b < 6 {
        k += 1;
    }
    // the name ends the sentence, or a comma / quotation follows it
    if k < e && p.toks[k].quote.is_none() && !p.breaks_before(k, s) {
        return None;
    }
    let (na, nb) = strip_subject(p, b, k);
    if na >= nb || !p.toks[na..nb].iter().all(|t| t.cap) {
        return None;
    }
    let desc = mention_of(p, a, b)?;
    // (`A Liberal MP, Ana Ruiz`: a title led by a determiner names no one by itself)
    let titled = desc.kind == MentionKind::Name
        && p.toks[a].is(Class::Determiner)
        && p.toks[b - 1].is(Class::Title);
    if !(titled
        || matches!(
            desc.kind,
            MentionKind::Description | MentionKind::UnnamedPerson
        ))
    {
        return None;
    }
    let name = mention_of(p, na, nb)?;
    (name.kind == MentionKind::Name).then_some((na, nb, name))
}

fn looks_appositive(p: &Para, a: usize) -> bool {
    let t = &p.toks[a];
    !t.cap
        || matches!(
            t.lower,
            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "who" | "which" | "whose"
        )
        || t.lower.chars().all(|c| c.is_ascii_digit())
        || t.is_possessive()
}

/// The comma-separated chunk ending before token `end` (exclusive).
fn chunk_before(p: &Para, s: &Sentence, end: usize) -> Option<usize> {
    if end <= s.tokens.start {
        return None;
    }
    let mut k = end - 1;
    loop {
        if p.toks[k].quote.is_some() {
            // a quotation closes the chunk before it
            return (k + 1 < end).then_some(k + 1);
        }
        if k == s.tokens.start || p.breaks_before(k, s) {
            return Some(k);
        }
        if end - k > 25 {
            return None;
        }
        k -= 1;
    }
}

fn mention_of(p: &Para, a: usize, b: usize) -> Option<Mention> {
    if a >= b {
        return None;
    }
    parse_mention(p.text, &p.toks[a..b])
}

/// The subject of a sentence: its longest leading noun phrase (past a participial clause
/// opening the sentence, [`participial_opener`]).
fn sentence_subject(p: &Para, s: &Sentence, from: usize) -> Option<(usize, usize, Mention)> {
    let mut start = from;
    if let Some(k) = participial_opener(p, s, from) {
        start = k;
    }
    // skip a short adverbial chunk ("In an interview Monday, …")
    for attempt in 0..2 {
        let hi = (start + 9).min(s.tokens.end);
        let bare = bare_plural_subject(p, s, start);
        // (a phrase ending at `j` holds no break when `j` is at most the first break after
        // `start`: found once, not for each `j`)
        let first_break = (start + 1..hi)
            .find(|&k| p.breaks_before(k, s))
            .unwrap_or(hi);
        let mut j = hi;
        while j > start {
            let next_ok = j >= s.tokens.end || !p.toks[j].cap || p.breaks_before(j, s);
            if next_ok
                && j <= first_break
                && let Some(m) = mention_of(p, start, j)
            {
                // (`Ferry pilots, who …`: never `Ferry` alone before the group's noun)
                return Some(bare.filter(|b| b.1 > j).unwrap_or((start, j, m)));
            }
            j -= 1;
        }
        if bare.is_some() {
            return bare;
        }
        if attempt == 0 {
            let mut k = start + 1;
            while k < s.tokens.end && k - start <= 8 && !p.breaks_before(k, s) {
                k += 1;
            }
            if k < s.tokens.end && k - start <= 8 && p.breaks_before(k, s) {
                start = k;
                continue;
            }
        }
        break;
    }
    None
}

/// `Ferry pilots`, `Bus drivers`: a bare plural of people (see [`parse_bare_plural`]) of up
/// to three words opening at `start`, whose first word's capital is the sentence's. Its end
/// is the next comma, relative pronoun or verb-like word; words of a capitalised name are
/// no part of it.
fn bare_plural_subject(p: &Para, s: &Sentence, start: usize) -> Option<(usize, usize, Mention)> {
    let opens = start == s.tokens.start;
    (start + 2..=(start + 3).min(s.tokens.end))
        .rev()
        .filter(|&k| {
            let Some(t) = p.toks.get(k).filter(|_| k < s.tokens.end) else {
                return true;
            };
            p.breaks_before(k, s)
                || !t.cap
                    && (t.cue().is_some()
                        || t.is(Class::AuxOrAdverb)
                        || t.is(Class::Verbish)
                        || matches!(t.lower, "who" | "whose"))
        })
        .filter(|&k| !(start + 1..k).any(|i| p.breaks_before(i, s)))
        .find_map(|k| parse_bare_plural(p.text, &p.toks[start..k], opens).map(|m| (start, k, m)))
}

/// `says the system works on the assumption that …`, `said she's longed to move beyond that
/// status`: right after a cue that takes no object, a noun phrase (not a time: `said this
/// week that …`) or a pronoun with its verb opens the reported clause, so a `that` further
/// on belongs to it (a noun's complement, a demonstrative), not to the cue.
fn clause_opens_at(p: &Para, s: &Sentence, j: usize, cue: Option<Cue>) -> bool {
    if j >= s.tokens.end || cue.is_none_or(|c| c.object) {
        return false;
    }
    let t = &p.toks[j];
    if t.quote.is_some() {
        return false;
    }
    // (`he's`, `they’re`: the word before its first apostrophe, found by bytes; `’` is
    // E2 80 99)
    let b = t.lower.as_bytes();
    let apostrophe =
        (0..b.len()).find(|&i| b[i] == b'\'' || b[i..].starts_with(&[0xE2, 0x80, 0x99]));
    let contracted = apostrophe.is_some_and(|i| lexicon::pronoun(&t.lower[..i]).is_some());
    let timed = (j + 1..(j + 3).min(s.tokens.end)).any(|k| {
        let n = &p.toks[k];
        n.is(Class::TimeWord) || n.is(Class::Weekday) || n.lower == "other"
    });
    // (`made the argument that …`: a light verb's noun of saying takes the clause)
    let speech_noun = (j + 1..(j + 4).min(s.tokens.end)).any(|k| {
        p.toks[k].is(Class::SpeechNoun) && p.toks.get(k + 1).is_some_and(|n| n.lower == "that")
    });
    contracted || t.is(Class::Determiner) && t.lower != "that" && !timed && !speech_noun
}

/// `Testifying on Monday, the nurse …`, `Speaking to reporters, Ruiz …`, `Asked about the
/// plan, the minister …`: a capitalised `-ing` word opening the sentence (at `from`) before
/// a lowercase word, or a past participle before a preposition or a question word, is a
/// participle, not a name (`Manning said` is one), and its clause up to the first comma is
/// no subject: the token after that comma. A dateline before it is skipped too.
fn participial_opener(p: &Para, s: &Sentence, from: usize) -> Option<usize> {
    let from = if from == s.tokens.start {
        after_dateline(p, s).unwrap_or(from)
    } else {
        from
    };
    let t = p.toks.get(from).filter(|_| from < s.tokens.end)?;
    let next = p.toks.get(from + 1).filter(|_| from + 1 < s.tokens.end)?;
    // `Asked whether …, Pressed by reporters, …`: a past participle before a preposition or
    // a question word opens such a clause too
    let past = t.lower.len() >= 5
        && (t.lower.ends_with("ed") || t.is(Class::IrregularParticiple))
        && (next.is(Class::Preposition)
            || matches!(
                next.lower,
                "whether" | "if" | "why" | "how" | "what" | "when"
            ));
    if !t.cap
        || t.quote.is_some()
        || t.lower.len() < 6 && !past
        || !(t.lower.ends_with("ing") || past)
        || next.cap
        || next.quote.is_some()
        || p.breaks_before(from + 1, s)
        || next.cue().is_some()
        || next.is(Class::Verbish)
    {
        return None;
    }
    (from + 2..(from + 14).min(s.tokens.end))
        .take_while(|&k| p.toks[k].quote.is_none())
        .find(|&k| p.gap_before(k, s).trim() == ",")
}

/// `told colleagues, “…”`, `told the packed hall on Monday, “…”`: a short object, a comma
/// and a quotation, which is what was said (not `asked him and he said, “…”`): the
/// quotation's first token.
fn object_before_quote(p: &Para, s: &Sentence, j: usize) -> Option<usize> {
    let e = s.tokens.end;
    let in_object = |k: usize| {
        let t = &p.toks[k];
        t.quote.is_none()
            && !p.breaks_before(k, s)
            && t.cue().is_none()
            && !t.is(Class::Verbish)
            && !matches!(
                t.lower,
                "and" | "but" | "or" | "then" | "he" | "she" | "they" | "we" | "i"
            )
    };
    (j + 1..(j + 7).min(e))
        .take_while(|&k| in_object(k - 1))
        .find(|&k| p.toks[k].quote.is_some())
        .filter(|&q| p.gap_before(q, s).trim_matches([' ', '“', '"', '‘', '\'']) == ",")
}

/// Skips an object after `told`/`urged` (`told The Post`, `told reporters`).
fn skip_object(p: &Para, s: &Sentence, mut j: usize) -> usize {
    let e = s.tokens.end;
    if j >= e || p.toks[j].quote.is_some() {
        return j;
    }
    if let Some(q) = object_before_quote(p, s, j) {
        return q;
    }
    let t = &p.toks[j];
    if lexicon::pronoun(t.lower).is_some() && !matches!(t.lower, "it") {
        return j;
    }
    if matches!(t.lower, "the" | "a" | "an") && p.toks.get(j + 1).is_some_and(|n| n.cap) {
        j += 1;
    }
    // `told host Evan Solomon`, `told CBC's chief correspondent Ana Ruiz`
    let mut k = j;
    while k < e
        && k - j < 3
        && !p.toks[k].cap
        && p.toks[k].quote.is_none()
        && !p.toks[k].is(Class::ClauseStart)
        && !p.toks[k].is(Class::Verbish)
        && !p.toks[k].is(Class::Preposition)
        && p.toks[k].lower != "that"
    {
        k += 1;
    }
    if k > j && k < e && p.toks[k].cap && p.toks[k].quote.is_none() && !p.breaks_before(k, s) {
        j = k;
    }
    if j < e && p.toks[j].cap {
        while j < e
            && (p.toks[j].cap || p.toks[j].lower == "of")
            && p.toks[j].quote.is_none()
            && !(j > s.tokens.start && p.breaks_before(j, s))
        {
            j += 1;
        }
        return j;
    }
    // `told her the pier …`: `her` is the object when a determiner or a subject follows
    let her_object = t.lower == "her"
        && p.toks.get(j + 1).is_some_and(|n| {
            n.is(Class::Determiner) || lexicon::pronoun(n.lower).is_some() || n.cap
        });
    if matches!(
        t.lower,
        "the" | "a" | "an" | "his" | "her" | "their" | "its"
    ) && !her_object
    {
        return (j + 2).min(e);
    }
    if her_object {
        return j + 1;
    }
    if matches!(
        t.lower,
        "him"
            | "her"
            | "them"
            | "me"
            | "us"
            | "you"
            | "reporters"
            | "court"
            | "police"
            | "lawmakers"
            | "journalists"
            | "parliament"
            | "listeners"
            | "viewers"
            | "readers"
            | "supporters"
            | "members"
            | "investigators"
            | "officers"
            | "jurors"
            | "students"
            | "congress"
            | "everyone"
            | "people"
    ) {
        return j + 1;
    }
    // `assured investors the ferry …`, `warned shareholders it …`: a plural noun no list
    // knows, then a clause opening with a determiner, a pronoun or a name
    let plural = t.lower.len() > 3 && t.lower.ends_with('s') && !t.lower.ends_with("ss");
    let clause_next = p.toks.get(j + 1).is_some_and(|n| {
        j + 1 < e
            && n.quote.is_none()
            && !p.breaks_before(j + 1, s)
            && (n.is(Class::Determiner) || lexicon::pronoun(n.lower).is_some() || n.cap)
    });
    if plural
        && !t.cap
        && !t.is(Class::Verbish)
        && t.cue().is_none()
        && clause_next
        && looks_like_clause(p, s, j + 1)
    {
        return j + 1;
    }
    j
}

/// The `that` opening the content within a few words after the cue (`told reporters on
/// Monday that …`), with nothing in between that breaks the clause: no quotation, break,
/// other verb or subject; a `that` after a preposition is a pronoun or a determiner.
fn that_soon(p: &Para, s: &Sentence, j: usize) -> Option<usize> {
    let e = s.tokens.end;
    for k in j..(j + 12).min(e) {
        let t = &p.toks[k];
        if t.quote.is_some() || (k > j && p.breaks_before(k, s)) {
            break;
        }
        if t.lower == "that" {
            // (`says all of that was …`, `said in that case …`: after a preposition, `that`
            // is a pronoun or a determiner, not the clause's)
            if k > j && p.toks[k - 1].is(Class::Preposition) {
                break;
            }
            return Some(k);
        }
        // (`in a statement posted on its website that …`: a participle, no verb of its own;
        // `in a written statement on Monday that …`: one before the noun, an adjective)
        let cue = t.cue();
        let participle = k > j
            && (cue.is_some_and(|c| c.weak && c.past) && p.toks[k - 1].is(Class::DocumentNoun)
                || cue.is_some_and(|c| c.weak && !c.base && !c.participle)
                    && p.toks.get(k + 1).is_some_and(|n| n.is(Class::DocumentNoun))
                || cue.is_some_and(|c| after_article(p, s, k, c)));
        if k > j
            && (cue.is_some() && !participle
                || t.is(Class::Verbish)
                || matches!(
                    t.lower,
                    "he" | "she"
                        | "they"
                        | "it"
                        | "we"
                        | "i"
                        | "there"
                        | "was"
                        | "were"
                        | "be"
                        | "been"
                ))
        {
            break;
        }
    }
    None
}

/// `wrote on X: “…”`, `said in a statement on Monday: “…”`, `posted a photo with the
/// caption: “…”`: a few words after the cue (no verb, no other break) up to a colon and a
/// quotation are an adjunct or an object; the quotation is what was said. Its first token.
fn quote_after_colon(p: &Para, s: &Sentence, j: usize) -> Option<usize> {
    let e = s.tokens.end;
    for k in j..(j + 10).min(e) {
        let t = &p.toks[k];
        if t.quote.is_some() {
            return (k > j && p.gap_before(k, s).contains(':')).then_some(k);
        }
        if k > j && p.breaks_before(k, s) || t.cue().is_some() || t.is(Class::Verbish) {
            return None;
        }
    }
    None
}

/// Where the reported content after a cue starts: past `that`, an object, time words and
/// short adjuncts (`in a statement`). Returns the token index and whether `that` was seen.
fn content_start(p: &Para, s: &Sentence, from: usize, cue: Option<Cue>) -> (usize, bool) {
    let e = s.tokens.end;
    let mut j = from;
    // `reiterated, as he did in May, that …`: an aside between commas before `that`
    if j < e && p.breaks_before(j, s) && p.gap_before(j, s).trim() == "," {
        let aside_end = (j + 1..(j + 15).min(e))
            .take_while(|&k| p.toks[k].quote.is_none())
            .find(|&k| p.breaks_before(k, s));
        if let Some(k) = aside_end
            && p.gap_before(k, s).trim() == ","
            && p.toks[k].lower == "that"
        {
            return (k + 1, true);
        }
    }
    if let Some(q) = quote_after_colon(p, s, j) {
        return (q, false);
    }
    // (`points to the clinic as a model that …`: in a frame, a later `that` is the object's)
    if !clause_opens_at(p, s, j, cue)
        && let Some(k) = that_soon(p, s, j)
        && !object_frame(p, s, cue, j)
    {
        return (k + 1, true);
    }
    // `posted a team photo with the caption: “…”`: a post's words are the quotation after
    // the colon that closes its clause, not its object
    if cue.is_some_and(|c| c.that)
        && let Some(q) = colon_quote_ahead(p, s, j)
    {
        return (q, false);
    }
    // (`has asked the province for a grant`: in a frame, the object is part of the claim)
    if cue.is_some_and(|c| c.object) && !object_frame(p, s, cue, j) {
        // (`warned jurors not to read …`, `urged reporters to wait`: an appeal's object is
        // part of what was asked, and stays in the claim)
        let k = skip_object(p, s, j);
        let appeal = p
            .toks
            .get(k)
            .is_some_and(|n| k < e && matches!(n.lower, "to" | "not"));
        if !appeal {
            j = k;
        }
    }
    loop {
        if j >= e || p.toks[j].quote.is_some() {
            break;
        }
        let t = &p.toks[j];
        let weekday = t.is(Class::Weekday);
        // `told reporters on Monday the pier …`, `said in March the …`: a date adjunct
        let dated = t.is(Class::Preposition)
            && !t.cap
            && p.toks.get(j + 1).is_some_and(|n| {
                j + 1 < e && n.quote.is_none() && (n.is(Class::Weekday) || n.is(Class::Month))
            });
        if dated {
            j += 2;
            continue;
        }
        if (!t.cap && t.is(Class::TimeWord) && t.lower != "this") || weekday {
            j += 1;
            continue;
        }
        if !t.cap
            && aux_or_adverb(t)
            && p.toks.get(j + 1).is_some_and(|_| p.breaks_before(j + 1, s))
        {
            j += 1;
            continue;
        }
        if t.is(Class::Preposition) {
            // a short adjunct ending at a comma or at the clause's subject pronoun
            let mut found = None;
            for k in j + 1..(j + 7).min(e) {
                let tk = &p.toks[k];
                // `said on condition of anonymity because they …`: a reason follows (see
                // `is_adjunct_tail`)
                if tk.quote.is_some() || tk.lower == "because" {
                    // `posted on X on Monday: “…”`: the adjunct ends at the colon
                    if tk.quote.is_some() && p.gap_before(k, s).contains(':') {
                        found = Some(k);
                    }
                    break;
                }
                if p.breaks_before(k, s)
                    || matches!(
                        tk.lower,
                        "he" | "she" | "they" | "it" | "we" | "i" | "there" | "you"
                    )
                {
                    found = Some(k);
                    break;
                }
            }
            if let Some(k) = found {
                j = k;
                if p.toks[j].lower == "that" {
                    j += 1;
                }
                continue;
            }
        }
        break;
    }
    (j, false)
}

/// Whether the words from token `j` read as a clause (`the warning is …`, `Kim was …`,
/// `he …`) rather than a noun phrase object (`the existence of such a link`).
fn looks_like_clause(p: &Para, s: &Sentence, j: usize) -> bool {
    let e = s.tokens.end;
    let Some(t) = p.toks.get(j).filter(|_| j < e) else {
        return false;
    };
    if t.quote.is_some() {
        return true;
    }
    // (`reassured the staff who were worried`: a relative clause is no reported one)
    let relative = |w: &str| matches!(w, "who" | "whom" | "whose" | "which");
    if relative(t.lower) {
        return false;
    }
    let subject = |w: &str| {
        matches!(
            w,
            "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there"
        )
    };
    // `it’s considering …`
    let contracted = t
        .lower
        .split(['\'', '’'])
        .next()
        .is_some_and(|w| subject(w) && w.len() < t.lower.len());
    if subject(t.lower) || contracted {
        return true;
    }
    if t.cap
        && let Some(n) = p.toks.get(j + 1).filter(|_| j + 1 < e)
        && !n.cap
        && n.quote.is_none()
        // (`Title 14 of the act`, `Route 9`: a number after a name is no verb)
        && n.lower.starts_with(|c: char| c.is_alphabetic())
        && !p.breaks_before(j + 1, s)
        && !n.is(Class::Preposition)
        && !n.is(Class::ClauseBoundary)
        && !n.lower.ends_with("ly")
        && !n.is(Class::PersonNoun)
        && !n.is(Class::GroupNoun)
    {
        return true;
    }
    // (`added a goal as the crowd went home`, `fumed at the referee who had …`: a verb after
    // a subordinator or a relative pronoun is its own clause's)
    (j + 1..(j + 6).min(e))
        .take_while(|&k| {
            !p.breaks_before(k, s)
                && p.toks[k].quote.is_none()
                && !p.toks[k].is(Class::Subordinator)
                && !relative(p.toks[k].lower)
        })
        .any(|k| {
            let w = p.toks[k].lower;
            // (`three more unanswered goals`: an -ed word after a determiner or quantifier
            // is an adjective)
            let prev = &p.toks[k - 1];
            let adjective = prev.is(Class::Determiner)
                || prev.is(Class::Quantifier)
                || matches!(prev.lower, "more" | "most" | "less" | "very");
            let past = w.len() > 4 && w.ends_with("ed") || irregular_past(p, s, k);
            p.toks[k].is(Class::Verbish) && w != "also" && w != "not"
                || !p.toks[k].cap && past && !adjective
        })
}

/// `its members lost a third …`, `the council knew …`: whether token `k` is the simple past
/// of an irregular verb, a clause's verb like a past in -ed; a form that is its participle
/// too is one only when no preposition follows it, nor its agent (`the tickets sold in
/// June`, `the windfalls made solely by …` are participles), unless a number follows the
/// preposition (`lost about 300 jobs`).
fn irregular_past(p: &Para, s: &Sentence, k: usize) -> bool {
    let t = &p.toks[k];
    if t.is(Class::IrregularPast) {
        return true;
    }
    let e = s.tokens.end;
    let by = (k + 1..(k + 3).min(e)).any(|i| p.toks[i].lower == "by");
    let preposition = k + 1 < e
        && p.toks[k + 1].is(Class::Preposition)
        && !p
            .toks
            .get(k + 2)
            .is_some_and(|n| n.lower.starts_with(|c: char| c.is_ascii_digit()));
    t.is(Class::IrregularParticiple) && !by && !preposition
}

/// Whether the tokens `j..end` are only an adjunct (`in an interview with The Post`).
fn is_adjunct_tail(p: &Para, s: &Sentence, j: usize) -> bool {
    let e = s.tokens.end;
    if j >= e {
        return true;
    }
    let t = &p.toks[j];
    let opener = t.is(Class::Preposition)
        || t.is(Class::TimeWord)
        || matches!(
            t.lower,
            "while" | "as" | "when" | "after" | "before" | "during"
        )
        || !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly") && e - j <= 3;
    if !opener || e - j > 25 {
        return false;
    }
    for k in j..e {
        let w = p.toks[k].lower;
        // `said on condition of anonymity because they …`: the reason they gave is no content
        if k > j && w == "because" && p.toks.get(k + 1).is_none_or(|n| n.lower != "of") {
            return true;
        }
        // (`in a statement posted on its website`, `in an e-mailed statement`: a weak past
        // form after a determiner or a document's noun is a participle of the adjunct)
        let participle = k > j
            && (p.toks[k - 1].is(Class::Determiner) || p.toks[k - 1].is(Class::DocumentNoun))
            && p.toks[k].cue().is_some_and(|c| c.weak && c.past);
        if p.toks[k].quote.is_some()
            || p.toks[k].is(Class::Verbish)
            || matches!(w, "he" | "she" | "they" | "it" | "we" | "there")
            || p.toks[k].cue().is_some() && !participle
        {
            return false;
        }
    }
    true
}

/// Whether the words before an attribution are reported content (not just `In particular`,
/// nor the question put to the speaker, `Asked whether …`).
fn substantive(p: &Para, s: &Sentence, left: usize) -> bool {
    let toks = &p.toks[s.tokens.start..left];
    if toks.iter().any(|t| t.quote.is_some()) {
        return true;
    }
    if toks.len() == 2 {
        return short_clause(&toks[0], &toks[1]);
    }
    if toks.len() < 3 {
        return false;
    }
    let first = &toks[0];
    if toks.len() <= 5
        && (first.is(Class::Preposition)
            || first.is(Class::TimeWord)
            || first.is(Class::LeadingFiller))
    {
        return false;
    }
    // `Asked whether he would run again, he said …`: the question put to the speaker
    let question = first.lower == "asked"
        && matches!(
            toks[1].lower,
            "whether" | "if" | "about" | "why" | "how" | "what" | "when" | "who" | "where"
        );
    !question
}

/// `Stocks fell, traders said.`, `Talks stalled, she said.`: two words before a trailing
/// attribution are reported content when they are a complete clause, a subject and a
/// finite verb in the past (an irregular past or an `-ed` form that is no adjective), not
/// an adjunct (`In particular`, `If elected`, `Not surprised`).
fn short_clause(subject: &Token, verb: &Token) -> bool {
    let adjunct = subject.is(Class::Preposition)
        || subject.is(Class::TimeWord)
        || subject.is(Class::LeadingFiller)
        || subject.is(Class::Subordinator)
        || subject.is(Class::AuxOrAdverb)
        || subject.is(Class::FunctionWord)
        || matches!(
            subject.lower,
            "not" | "never" | "asked" | "when" | "once" | "if"
        );
    let past = verb.is(Class::IrregularPast)
        || verb.lower.len() > 4 && verb.lower.ends_with("ed") && !verb.is(Class::AdjectiveEd);
    !adjunct && !verb.cap && subject.quote.is_none() && verb.quote.is_none() && past
}

pub(super) fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
    if r.end <= r.start {
        return r.start..r.start;
    }
    let s = &text[r.clone()];
    let t = s.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–' | '-')
    });
    let t2 = t.trim_end_matches('.');
    let t = if t2.ends_with(|c: char| c.is_alphanumeric() || c == ')') {
        t2
    } else {
        t
    };
    let lead = t.len()
        - t.trim_start_matches(|c: char| {
            c.is_whitespace() || matches!(c, ',' | ';' | ':' | '—' | '–')
        })
        .len();
    (r.start + lead)..(r.start + t.len()).max(r.start + lead)
}

/// Phase 2's result for one cue: the speaker candidate and where the attribution sits.
struct Candidate {
    /// The speaker's tokens and mention, when a rule read one.
    mention: Option<(usize, usize, Mention)>,
    /// A role read beside the speaker (an apposition).
    role: Option<String>,
    rule: SpeakerRule,
    /// First token of the attribution (speaker and cue).
    left: usize,
    /// Token after the attribution.
    right: usize,
    /// The cue takes the speaker of an earlier cue or of the sentence's subject.
    inherited: bool,
    /// Where the subject search before the cue stopped.
    boundary: Boundary,
    /// The subject's tokens before the cue (empty when none).
    seg: (usize, usize),
    /// The speaker was read by open-class recognition (no list knew its head).
    open: bool,
    /// A fronted participial cue: the token after its clause's comma.
    fronted: Option<usize>,
    /// A passive cue with its agent: the whole sentence is the claim.
    passive: bool,
    /// Where the mention is, when it stands in an earlier paragraph (not at its tokens).
    at: Option<usize>,
}

impl Candidate {
    fn new(rule: SpeakerRule, c: usize, cend: usize, boundary: Boundary) -> Candidate {
        Candidate {
            mention: None,
            role: None,
            rule,
            left: c,
            right: cend,
            inherited: false,
            boundary,
            seg: (c, c),
            open: false,
            fronted: None,
            passive: false,
            at: None,
        }
    }

    fn role_from(&mut self, p: &Para, a: usize, b: usize) {
        self.role = Some(p.text[p.toks[a].range.start..p.toks[b - 1].range.end].to_string());
    }
}

/// Speaker rule [`SpeakerRule::AccordingTo`]: `according to X`, X running to the next break.
fn rule_according_to(p: &Para, s: &Sentence, c: usize, cend: usize) -> Candidate {
    let boundary = if c == s.tokens.start {
        Boundary::Start
    } else {
        Boundary::Comma
    };
    let mut cand = Candidate::new(SpeakerRule::Subject, c, cend, boundary);
    let mut j = cend;
    while j < s.tokens.end
        && j - cend < 12
        && p.toks[j].quote.is_none()
        && !(j > cend && p.breaks_before(j, s))
    {
        let w = p.toks[j].lower;
        if j > cend
            && p.toks[j].is(Class::ClauseBoundary)
            && !(w == "and" && p.toks[j - 1].cap && p.toks.get(j + 1).is_some_and(|n| n.cap))
        {
            break;
        }
        j += 1;
    }
    let (a, b) = strip_subject(p, cend, j);
    let open = mention_of(p, a, b).is_none();
    let found = mention_of(p, a, b)
        .or_else(|| parse_open(p.text, &p.toks[a..b], false))
        .or_else(|| according_to_source(p, a, b));
    if let Some(m) = found {
        cand.open = open;
        cand.mention = Some((a, b, m));
        cand.right = j;
        cand.rule = SpeakerRule::AccordingTo;
        if let Some((ka, kb, name)) = named_apposition(p, s, a, b) {
            // `according to the group's lawyer, Priya Anand`
            cand.role_from(p, a, b);
            cand.mention = Some((ka, kb, name));
            cand.right = kb;
        }
    }
    cand
}

/// After `according to`, whatever no list knows is still a source: the owner of a
/// possessive (`according to the company's quarterly results` → the company), else the
/// noun phrase itself as a document (`according to preliminary results`).
fn according_to_source(p: &Para, a: usize, b: usize) -> Option<Mention> {
    let toks = &p.toks[a..b];
    if toks.is_empty() || toks.len() > 6 || toks.iter().any(|t| t.quote.is_some()) {
        return None;
    }
    if let Some(k) = toks.iter().position(Token::is_possessive)
        && k + 1 < toks.len()
    {
        return mention_of(p, a, a + k + 1);
    }
    let head = toks.last()?;
    let words = toks
        .iter()
        .all(|t| t.lower.chars().all(|c| c.is_alphabetic() || c == '-'));
    (words && !head.cap && head.lower.len() > 3 && !head.is(Class::NpBreaker)).then(|| Mention {
        kind: MentionKind::Document,
        name: p.text[toks[0].range.start..head.range.end].to_string(),
        title: None,
        gender: None,
        full: false,
    })
}

/// Speaker rule [`SpeakerRule::RelativeClause`]: `… by Bortis who noted that …`, the
/// antecedent of the relative pronoun before the subject-less cue.
fn rule_relative_clause(p: &Para, s: &Sentence, a0: usize, cand: &mut Candidate) -> bool {
    if a0 < 1 || !matches!(p.toks[a0 - 1].lower, "who" | "which") {
        return false;
    }
    // the antecedent: a noun phrase a list knows, or an open-class one (`the vendors who say`)
    let np = |k: usize| {
        mention_of(p, k, a0 - 1).or_else(|| parse_open(p.text, &p.toks[k..a0 - 1], false))
    };
    let found = (a0.saturating_sub(6).max(s.tokens.start)..a0 - 1).find(|&k| {
        (k == s.tokens.start
            || p.breaks_before(k, s)
            || p.toks[k - 1].is(Class::Preposition)
            || !p.toks[k - 1].cap && p.toks[k].cap
            || p.toks[k].is(Class::Determiner))
            && np(k).is_some()
    });
    let Some(k) = found else { return false };
    let Some(m) = np(k) else {
        return false;
    };
    cand.mention = Some((k, a0 - 1, m));
    cand.left = a0 - 1;
    cand.rule = SpeakerRule::RelativeClause;
    true
}

/// Speaker rules [`SpeakerRule::Subject`] (the words before the cue name the speaker) and
/// [`SpeakerRule::LastNounPhrase`] (the last noun phrase of a longer clause does).
///
/// A noun phrase no list knows is an open-class candidate before any cue (`the skipper
/// argued that …`), read by [`parse_open`] (any head when `any_head`); the caller lowers
/// its confidence.
fn rule_subject(p: &Para, s: &Sentence, a0: usize, any_head: bool, cand: &mut Candidate) {
    let (a, b) = cand.seg;
    let open = |st: usize| parse_open(p.text, &p.toks[st..b], any_head);
    if let Some(m) = mention_of(p, a, b).or_else(|| {
        let m = open(a);
        cand.open = m.is_some();
        m
    }) {
        cand.left = a0;
        // `the lanky, bespectacled professor said`: the determiner's chunk
        if cand.boundary == Boundary::Comma
            && m.kind == MentionKind::Description
            && let Some(k) = chunk_before(p, s, a0)
            && a0 - k <= 3
            && p.toks[k].is(Class::Determiner)
            && p.toks[k..a0].iter().all(|t| !t.cap || t.lower == "the")
        {
            cand.left = k;
        }
        cand.mention = Some((a, b, m));
        return;
    }
    for st in a + 1..b {
        let t = &p.toks[st];
        if (t.cap || t.is(Class::Determiner))
            && b - st <= 6
            && let Some(m) = mention_of(p, st, b).or_else(|| {
                let m = open(st);
                cand.open = m.is_some();
                m
            })
            && !matches!(m.kind, MentionKind::Pronoun(_))
        {
            cand.mention = Some((st, b, m));
            cand.left = st;
            cand.rule = SpeakerRule::LastNounPhrase;
            return;
        }
    }
}

/// Speaker rule [`SpeakerRule::Inverted`]: `“…,” said one person`, the noun phrase right
/// after the cue, with a name in apposition or a role after a comma.
fn rule_inverted(p: &Para, s: &Sentence, c: usize, cend: usize, cand: &mut Candidate) {
    let Some((na, nb)) = inverted_np(p, s, cend) else {
        return;
    };
    // `“…,” says the veteran trader`: right after a quotation, the noun phrase after the cue
    // is its speaker, whatever their trade
    // (any head when the phrase closes the sentence or its clause: `“…,” says the bow-tied
    // maverick, noting …`; not `the tall, bearded skipper`, cut at its comma)
    // `said a clerk who …` (no comma: a restrictive clause, part of the description)
    let relative =
        nb < s.tokens.end && matches!(p.toks[nb].lower, "who" | "whose") && !p.breaks_before(nb, s);
    let closes = nb >= s.tokens.end
        || relative
        || p.toks[nb].quote.is_some()
        || p.toks[nb].lower.ends_with("ing")
        || p.toks[nb].is(Class::ClauseBoundary);
    let m = mention_of(p, na, nb).or_else(|| {
        (c > s.tokens.start && p.toks[c - 1].quote.is_some())
            .then(|| parse_occupation(p.text, &p.toks[na..nb], closes))
            .flatten()
            // (`said a clerk who …`: the relative clause says a person is meant)
            .or_else(|| {
                relative
                    .then(|| parse_open(p.text, &p.toks[na..nb], true))
                    .flatten()
            })
    });
    let m = m.or_else(|| {
        let open = closing_description(p, s, c, na, nb, closes);
        cand.open = open.is_some();
        open
    });
    let Some(mut m) = m.filter(|m| !matches!(m.kind, MentionKind::Pronoun(_))) else {
        return;
    };
    if relative && m.kind != MentionKind::Name && unnamed_by_request(p, nb, s.tokens.end) {
        m.kind = MentionKind::Anonymous;
    }
    cand.mention = Some((na, nb, m));
    cand.right = nb;
    cand.rule = SpeakerRule::Inverted;
    if let Some((ka, kb, name)) = named_apposition(p, s, na, nb) {
        // `said the board's chairwoman, Edna Marlowe`: the name is the speaker, the
        // description before it the role
        cand.role_from(p, na, nb);
        cand.mention = Some((ka, kb, name));
        cand.right = kb;
    } else if nb < s.tokens.end
        && p.toks[nb].quote.is_none()
        && p.breaks_before(nb, s)
        && p.gap_before(nb, s).contains(',')
        && looks_appositive(p, nb)
        && !matches!(p.toks[nb].lower, "who" | "which" | "whose")
        // (`…, said Ruiz, and a third car rolled …`: the sentence goes on, no role)
        && !p.toks[nb].is(Class::ClauseBoundary)
    {
        let mut k = nb + 1;
        while k < s.tokens.end && !p.breaks_before(k, s) && p.toks[k].quote.is_none() {
            k += 1;
        }
        if k - nb <= 12 && !(nb..k).any(|i| p.toks[i].is(Class::Verbish)) {
            cand.role_from(p, nb, k);
            cand.right = k;
        }
    } else if relative {
        // the relative clause, to the next break, belongs to the attribution (its role)
        let mut k = nb + 1;
        while k < s.tokens.end && !p.breaks_before(k, s) && p.toks[k].quote.is_none() {
            k += 1;
        }
        cand.role_from(p, na, k);
        cand.right = k;
    }
}

/// Speaker rule [`SpeakerRule::Apposition`]: `NAME, APPOSITION, said` or `ROLE, NAME, said`,
/// the nearest chunk that is a full name, else the nearest one that can name a speaker.
fn rule_apposition(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) {
    let mut end = c;
    let mut best: Option<(usize, usize, Mention)> = None;
    for _ in 0..5 {
        let Some(k) = chunk_before(p, s, end) else {
            break;
        };
        // (`Testifying on Monday, the nurse, who …, told`: a participial clause is no name)
        if participial_opener(p, s, k).is_some() {
            break;
        }
        // (`“…,” lead author Jo Lind, a chemist, told …`: right after the quotation, a
        // lowercase role before a name opens the speaker's phrase, no apposition)
        let role_first = k > s.tokens.start
            && p.toks[k - 1].quote.is_some()
            && p.toks[end - 1].cap
            && !matches!(p.toks[k].lower, "who" | "which" | "whose");
        if (role_first || !looks_appositive(p, k))
            && let Some(m) = mention_of(p, k, end)
            && !matches!(m.kind, MentionKind::Pronoun(_))
        {
            // `Tom Reyes, Harbourview MLA, said`: a chunk ending in a title is a role
            let full = m.kind == MentionKind::Name && m.full && !p.toks[end - 1].is(Class::Title);
            if full || best.is_none() {
                best = Some((k, end, m));
            }
            if full {
                break;
            }
        }
        if k == s.tokens.start {
            break;
        }
        end = k;
    }
    let Some((k, end, mut m)) = best.or_else(|| open_head_of_apposition(p, s, c)) else {
        return;
    };
    if let Some(pair) = aged_pair(p, &m, end, c) {
        m = pair;
    } else if end != c {
        let r = &p.text[p.toks[end].range.start..p.toks[c - 1].range.end];
        if !r.starts_with("who") && !r.starts_with("which") {
            cand.role = Some(r.to_string());
        }
    } else if let Some(k0) = chunk_before(p, s, k)
        && k0 == s.tokens.start
        && k0 < k
        && looks_appositive(p, k0)
    {
        cand.role_from(p, k0, k);
    }
    cand.left = k;
    // `…, the group's organiser, NAME, said`: the description is the role, not part of the
    // content before it (also before a trailing apposition: `“…,” the study's lead author,
    // Dr. Ana Moss, a chemist at Bay College, told …`, whose role that one stays)
    if (cand.role.is_none() || end != c)
        && let Some(k0) = chunk_before(p, s, k)
        && k0 > s.tokens.start
        && k0 < k
        && (p.gap_before(k0, s).trim() == "," || p.toks[k0 - 1].quote.is_some())
        && named_apposition(p, s, k0, k).is_some()
    {
        if cand.role.is_none() {
            cand.role_from(p, k0, k);
        }
        cand.left = k0;
    }
    cand.mention = Some((k, end, m));
    cand.rule = SpeakerRule::Apposition;
}

/// `Kira Dunne, 34, and Wes Harlan, 36, confirmed`: a full name and its age, then `and` and a
/// second full name (with or without its age) right before the cue, name the pair, one
/// speaker as `Ana Ruiz and Tom Reyes said` is; the ages are no role.
fn aged_pair(p: &Para, first: &Mention, end: usize, c: usize) -> Option<Mention> {
    let is_age = |k: usize| {
        p.toks[k].lower.len() <= 3 && p.toks[k].lower.bytes().all(|b| b.is_ascii_digit())
    };
    if first.kind != MentionKind::Name || !first.full || end + 4 > c || !is_age(end) {
        return None;
    }
    if p.toks[end + 1].lower != "and" {
        return None;
    }
    let b = if is_age(c - 1) { c - 1 } else { c };
    let second = &p.toks[end + 2..b];
    if second.len() < 2 || second.len() > 4 || !second.iter().all(|t| t.cap && t.quote.is_none()) {
        return None;
    }
    let last = &second[second.len() - 1];
    let name = &p.text[second[0].range.start..last.range.end];
    Some(Mention {
        kind: MentionKind::UnnamedPerson,
        name: format!("{} and {name}", first.name),
        title: None,
        gender: None,
        full: false,
    })
}

/// `The skipper, a retired teacher from Brenholm, said`: a noun phrase no list knows,
/// opening the sentence with `the` or a possessive, in apposition with a description of a
/// person right before the cue, is that person (open-class recognition); the description is
/// the role.
fn open_head_of_apposition(p: &Para, s: &Sentence, c: usize) -> Option<(usize, usize, Mention)> {
    let k1 = chunk_before(p, s, c)?;
    let person = |m: &Mention| {
        matches!(
            m.kind,
            MentionKind::Description | MentionKind::UnnamedPerson
        )
    };
    if !looks_appositive(p, k1) || !mention_of(p, k1, c).is_some_and(|m| person(&m)) {
        return None;
    }
    let k0 = chunk_before(p, s, k1).filter(|&k0| k0 == s.tokens.start && k0 + 1 < k1)?;
    if !matches!(
        p.toks[k0].lower,
        "the" | "his" | "her" | "their" | "our" | "my"
    ) {
        return None;
    }
    let m =
        parse_open(p.text, &p.toks[k0..k1], true).filter(|m| m.kind != MentionKind::Document)?;
    Some((k0, k1, m))
}

/// `who asked not to be named`, `who spoke on condition of anonymity`: a relative clause
/// (tokens `a..b`) saying the source is unnamed by request.
fn unnamed_by_request(p: &Para, a: usize, b: usize) -> bool {
    p.toks[a..b].iter().any(|t| {
        matches!(
            t.lower,
            "named" | "identified" | "anonymity" | "authorized" | "authorised" | "permitted"
        )
    })
}

/// Speaker rule [`SpeakerRule::Described`]: `…, a clerk who asked not to be named because
/// she was not allowed to speak, said`: the noun phrase before a relative clause that runs
/// up to the cue (the clause is the speaker's role).
fn rule_described(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) {
    let Some(mut k) = chunk_before(p, s, c) else {
        return;
    };
    // `One scout, who asked not to be named …, told me …`: the relative clause set off by
    // commas, the noun phrase in the chunk before it (a person, whatever its head)
    let set_off = matches!(p.toks[k].lower, "who" | "whose")
        && p.gap_before(k, s).trim() == ","
        && !p.toks[k].cap;
    let w = if set_off {
        let w = k;
        match chunk_before(p, s, k) {
            Some(k0) if k0 < w && w - k0 <= 6 => k = k0,
            _ => return,
        }
        w
    } else {
        match (k + 1..c).find(|&i| matches!(p.toks[i].lower, "who" | "whose")) {
            Some(w) => w,
            None => return,
        }
    };
    let unnamed = |m: &Mention| !matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::Name);
    // (`An NHL scout, who …`: a determiner-led phrase is a description, not the name in it)
    let listed = mention_of(p, k, w).filter(|m| unnamed(m) || !set_off);
    cand.open = listed.is_none();
    let Some(mut m) = listed
        .or_else(|| parse_open(p.text, &p.toks[k..w], true))
        .filter(unnamed)
    else {
        cand.open = false;
        return;
    };
    if unnamed_by_request(p, w, c) {
        m.kind = MentionKind::Anonymous;
    }
    if !set_off {
        cand.role_from(p, k, c);
    }
    cand.mention = Some((k, w, m));
    cand.left = k;
    cand.rule = SpeakerRule::Described;
}

/// Speaker rule [`SpeakerRule::Parenthesized`]: `The memo, written in May and obtained by
/// the Ledger, warned …`, `Residents, many of whom have lived there for decades, say …`:
/// the subject opening the sentence before a parenthesis that runs up to the cue at `c`
/// ([`parenthesized_subject`]; `c` the first token after it, the cue or an auxiliary before
/// it), a listed mention or a determiner-led noun phrase.
fn rule_parenthesized(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) {
    let Some((a, b)) = parenthesized_subject(p, s, c) else {
        return;
    };
    let listed = mention_of(p, a, b);
    let open = listed.is_none();
    let Some(m) = listed
        .or_else(|| parse_open(p.text, &p.toks[a..b], true))
        .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
    else {
        return;
    };
    cand.open = open;
    cand.mention = Some((a, b, m));
    cand.left = a;
    cand.rule = SpeakerRule::Parenthesized;
}

/// Speaker rule [`SpeakerRule::Described`] without commas: `A woman who lives near the pier
/// said …`, `Residents who fled the fire told …`: a subject with a restrictive relative
/// clause (the last `who` before the cue at `c`, no comma between) running up to the cue is
/// the noun phrase before `who`, never a noun inside the clause (`the pier`); not when the
/// clause holds only the cue's own subject (`The man who police said was armed`).
fn rule_restrictive_relative(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) -> bool {
    // the last `who` before the cue, with no comma or quotation between them
    let lo = c.saturating_sub(25).max(s.tokens.start + 1);
    let Some(w) = (lo..c)
        .rev()
        .take_while(|&i| p.toks[i].quote.is_none() && !p.breaks_before(i + 1, s))
        .find(|&i| matches!(p.toks[i].lower, "who" | "whose"))
    else {
        return false;
    };
    // (`The man who police said was armed`: the cue's own subject inside the clause)
    if p.breaks_before(w, s) || w + 1 >= c || mention_of(p, w + 1, c).is_some() {
        return false;
    }
    let (k, _) = subject_start(p, s, w);
    if k >= w || w - k > 8 {
        return false;
    }
    // (`A clerk at the depot who …`: the head before its prepositional phrase, shown whole)
    let head_end = (k + 1..w)
        .find(|&i| p.toks[i].is(Class::Preposition))
        .unwrap_or(w);
    let listed = mention_of(p, k, w).or_else(|| mention_of(p, k, head_end));
    let open = listed.is_none();
    let Some(mut m) = listed
        .or_else(|| parse_open(p.text, &p.toks[k..head_end], true))
        .filter(|m| !matches!(m.kind, MentionKind::Pronoun(_)))
    else {
        return false;
    };
    if head_end < w && m.kind != MentionKind::Name {
        m.name = p.text[p.toks[k].range.start..p.toks[w - 1].range.end].to_string();
    }
    if unnamed_by_request(p, w, c) {
        m.kind = MentionKind::Anonymous;
    }
    cand.open = open;
    cand.role_from(p, k, c);
    cand.mention = Some((k, w, m));
    cand.left = k;
    cand.rule = SpeakerRule::Described;
    true
}

/// Whether token `e`, before the conjunction at `conj`, looks like a finite verb: a regular
/// past (`leaned`, not an adjective such as `retired`), a listed verb or auxiliary, or a word
/// with a particle after it (`leant over`, `stood up`; not an `-ing` participle).
fn looks_like_verb(p: &Para, e: usize, conj: usize) -> bool {
    let t = &p.toks[e];
    if t.cap || t.quote.is_some() {
        return false;
    }
    let w = t.lower;
    let particle = e + 1 < conj
        && matches!(
            p.toks[e + 1].lower,
            "over" | "up" | "back" | "out" | "around" | "forward" | "down" | "aside"
        )
        && !w.ends_with("ing");
    w.ends_with("ed") && !t.is(Class::AdjectiveEd) || t.is(Class::Verbish) || particle
}

/// Speaker rule [`SpeakerRule::Coordinated`]: `Lee smiled and said …`, the subject of the
/// first of two coordinated verbs (the clause before `and` opens with a noun phrase and a
/// short verb phrase follows it).
fn rule_coordinated(p: &Para, s: &Sentence, a0: usize, cand: &mut Candidate) {
    let conj = a0 - 1;
    if !matches!(p.toks[conj].lower, "and" | "but" | "then" | "or") || conj == s.tokens.start {
        return;
    }
    // the clause before the conjunction: back to a break, a quotation or the sentence start
    let mut k0 = conj;
    while k0 > s.tokens.start
        && p.toks[k0 - 1].quote.is_none()
        && !p.breaks_before(k0, s)
        && conj - k0 < 10
    {
        k0 -= 1;
    }
    if k0 < conj && p.toks[k0].quote.is_some() {
        k0 += 1;
    }
    // the noun phrase is followed by one to four lowercase words, the first a verb's place:
    // a word that looks like a verb first (`a man in the front row leaned over and said`),
    // else the first that can be one
    let places = k0 + 1..conj.min(k0 + 9);
    let verb_like = places
        .clone()
        .find(|&e| conj - e <= 4 && looks_like_verb(p, e, conj));
    for e in verb_like.into_iter().chain(places) {
        let verb = &p.toks[e];
        if verb.cap
            || conj - e > 4
            || verb.is(Class::Preposition)
            || verb.is(Class::Determiner)
            || verb.is(Class::FunctionWord)
        {
            continue;
        }
        let Some(m) = mention_of(p, k0, e) else {
            continue;
        };
        if matches!(m.kind, MentionKind::Document) {
            return;
        }
        cand.mention = Some((k0, e, m));
        cand.left = k0;
        cand.rule = SpeakerRule::Coordinated;
        return;
    }
}

/// The comma that ends a participial clause opening its sentence (`Declaring the pier
/// unsafe, the mayor …`): the token after it, when the cue `k` opens the sentence and the
/// clause holds at least two words.
fn fronted_end(p: &Para, s: &Sentence, k: usize) -> Option<usize> {
    if k != s.tokens.start && Some(k) != after_dateline(p, s) {
        return None;
    }
    (k + 3..(k + 30).min(s.tokens.end)).find(|&i| {
        let gap = p.gap_before(i, s);
        p.toks[i].quote.is_none()
            && gap.contains(',')
            && gap
                .chars()
                .all(|c| matches!(c, ',' | '”' | '"' | '’' | ' '))
    })
}

/// The first token after a dateline opening the sentence ([`tokens::after_dateline`]).
fn after_dateline(p: &Para, s: &Sentence) -> Option<usize> {
    tokens::after_dateline(p.text, &p.toks[s.tokens.clone()]).map(|i| s.tokens.start + i)
}

/// Speaker rule [`SpeakerRule::Fronted`]: `Citing the storm, the council delayed the vote`,
/// a participial cue opening the sentence takes the main clause's subject after its comma;
/// the participle's own words are the content.
fn rule_fronted(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) -> bool {
    let Some(k) = fronted_end(p, s, c) else {
        return false;
    };
    let Some((a, b, m)) = sentence_subject(p, s, k)
        .filter(|(a, _, m)| *a == k && !matches!(m.kind, MentionKind::Document))
    else {
        return false;
    };
    cand.mention = Some((a, b, m));
    cand.rule = SpeakerRule::Fronted;
    cand.fronted = Some(k);
    true
}

/// `…, with the inspector calling the site “a disgrace”`: the first token of the noun phrase
/// between `with` and the participle cue at `k` (a few words, no break between; `with` after
/// a comma or opening the sentence), the participle clause's own subject.
fn with_subject(p: &Para, s: &Sentence, k: usize) -> Option<usize> {
    if k == s.tokens.start || p.breaks_before(k, s) {
        return None;
    }
    let w = (k.saturating_sub(6).max(s.tokens.start)..k.saturating_sub(1))
        .rev()
        .take_while(|&i| p.toks[i].quote.is_none() && !p.breaks_before(i + 1, s))
        .find(|&i| p.toks[i].lower == "with")?;
    (w == s.tokens.start || p.breaks_before(w, s)).then_some(w + 1)
}

/// `Fans rushed to comment, one writing: “…”`: a participle cue after a comma and a short
/// noun phrase opening with `one`, `another`, `some` or `many` (an absolute construction,
/// `with` left out): the participle reports.
fn absolute_subject(p: &Para, s: &Sentence, k: usize) -> bool {
    (k.saturating_sub(3).max(s.tokens.start + 1)..k).any(|a| {
        p.gap_before(a, s).trim() == ","
            && matches!(p.toks[a].lower, "one" | "another" | "some" | "many")
            && (a + 1..=k).all(|i| !p.breaks_before(i, s) && p.toks[i].quote.is_none())
    })
}

/// Speaker rule [`SpeakerRule::WithClause`]: a participle cue after `with` and a noun phrase
/// is that phrase's report (`The yard was shut, with the inspector calling it “a
/// disgrace”`), not the main clause's subject's.
fn rule_with_clause(p: &Para, s: &Sentence, c: usize, cand: &mut Candidate) -> bool {
    let Some(a) = with_subject(p, s, c) else {
        return false;
    };
    let Some(m) = mention_of(p, a, c).filter(|m| !matches!(m.kind, MentionKind::Document)) else {
        return false;
    };
    cand.mention = Some((a, c, m));
    cand.rule = SpeakerRule::WithClause;
    cand.left = a - 1;
    true
}

/// Phase 2: the speaker candidate of the cue `c..cend`, the rules tried in their order.
fn speaker_candidate(p: &Para, s: &Sentence, c: usize, cend: usize, cue: Option<Cue>) -> Candidate {
    let Some(cue) = cue else {
        return rule_according_to(p, s, c, cend);
    };
    let (a0, bd) = subject_start(p, s, c);
    let (a, b) = strip_subject(p, a0, c);
    let mut cand = Candidate::new(SpeakerRule::Subject, c, cend, bd);
    cand.seg = (a, b);
    if cue.participle && (rule_fronted(p, s, c, &mut cand) || rule_with_clause(p, s, c, &mut cand))
        || rule_passive(p, s, c, cend, &mut cand)
    {
        return cand;
    }
    // (`Three board members — Ames, Bell and Cho — said …`: the dashes set off the subject's
    // members, never its name)
    if !cue.participle && a == b && bd == Boundary::Comma && dash_gap(p.gap_before(a0, s).trim()) {
        rule_parenthesized(p, s, a0, &mut cand);
        if cand.mention.is_some() {
            return cand;
        }
    }
    if cue.participle {
        cand.inherited = true;
    } else if !(a == b && bd == Boundary::Conj && rule_relative_clause(p, s, a0, &mut cand)) {
        if bd == Boundary::Conj && a < b && rule_restrictive_relative(p, s, c, &mut cand) {
            return cand;
        }
        if a < b {
            // any head before `said`/`told`, a past report that things rarely make, or
            // before a cue with `that` right after it (`the trust warned that …`)
            let that_next = p.toks.get(cend).is_some_and(|t| t.lower == "that");
            let said = matches!(cue.lemma, "say" | "tell") && cue.past;
            rule_subject(p, s, a0, said || that_next, &mut cand);
            if cand.mention.is_none()
                && matches!(cue.lemma, "say" | "tell")
                && let Some(m) = parse_bare_plural(p.text, &p.toks[a..b], a == s.tokens.start)
            {
                cand.mention = Some((a, b, m));
                cand.open = true;
                cand.left = a0;
            }
            if cand.open && cue.weak && !clause_follows(p, s, cend, cue) {
                cand.mention = None;
                cand.open = false;
            }
        } else if let Some(app) = opening_apposition(p, s, c, cend, bd) {
            return app;
        } else if !cue.object || c > s.tokens.start && p.toks[c - 1].quote.is_some() {
            // (`told the inquiry` is an object, but `“…,” warned the engineer` is inverted)
            rule_inverted(p, s, c, cend, &mut cand);
        }
    }
    if cand.mention.is_none() && !cand.inherited && a == b && bd == Boundary::Comma {
        rule_apposition(p, s, c, &mut cand);
    }
    if cand.mention.is_none() && !cand.inherited && a == b && bd == Boundary::Comma {
        rule_described(p, s, c, &mut cand);
    }
    if cand.mention.is_none() && !cand.inherited && a == b && bd == Boundary::Comma {
        rule_parenthesized(p, s, a0, &mut cand);
    }
    if cand.mention.is_none() && !cue.participle && a == b && bd == Boundary::Conj {
        rule_coordinated(p, s, a0, &mut cand);
    }
    if cand.mention.is_none()
        && (a == b || bd == Boundary::Conj && !new_subject(p, a0, a, b))
        && matches!(bd, Boundary::Conj | Boundary::Start | Boundary::Comma)
    {
        cand.inherited = true;
    }
    cand
}

/// `The shelves were empty by noon, said one clerk at the north depot.`: after the reported
/// words, a determiner-led phrase closing the sentence (or running into a relative clause)
/// after the cue at `c` is its speaker whatever its head, read before its prepositional
/// phrase and shown whole (open-class recognition; never a document, `said the report`).
fn closing_description(
    p: &Para,
    s: &Sentence,
    c: usize,
    na: usize,
    nb: usize,
    closes: bool,
) -> Option<Mention> {
    let after_content =
        c > s.tokens.start && (p.toks[c - 1].quote.is_some() || p.breaks_before(c, s));
    // (the phrase ends the sentence, but for a time, or runs into `who`: not `…, said the
    // water came “…”`, where the comma closed the subject's apposition)
    let ends = (nb..s.tokens.end).all(|i| {
        let t = &p.toks[i];
        t.is(Class::TimeWord) || t.is(Class::Weekday) || matches!(t.lower, "on" | "last")
    }) || nb < s.tokens.end && matches!(p.toks[nb].lower, "who" | "whose");
    if !(after_content && closes && ends) {
        return None;
    }
    // (before the cue, a subject with its relative clause between commas is the speaker:
    // `One driver, who asked not to be named, said the timetable left …`)
    let subject_before = (s.tokens.start + 1..c)
        .any(|i| matches!(p.toks[i].lower, "who" | "whose") && p.breaks_before(i, s));
    let q = (na + 1..nb)
        .find(|&i| p.toks[i].is(Class::Preposition))
        .unwrap_or(nb);
    // a short noun phrase: a determiner, at most two modifiers and a head, none a verb's
    // past or a second determiner (`the timetable left no time`)
    let short = q - na <= 4
        && !p.toks[na + 1..q].iter().any(|t| {
            t.is(Class::Determiner)
                || t.is(Class::Quantifier)
                || t.lower.ends_with("ed") && !t.is(Class::AdjectiveEd)
        });
    if subject_before || !short {
        return None;
    }
    let mut m = parse_open(p.text, &p.toks[na..q], true)?;
    m.name = p.text[p.toks[na].range.start..p.toks[nb - 1].range.end].to_string();
    Some(m)
}

/// `Farms may spray at night, but beekeepers say …`: words between a coordinating
/// conjunction (before `a0`) and its cue (tokens `a..b`) that no rule read as a speaker are
/// still a new subject, so the cue never inherits the first clause's, unless they are an
/// adjunct (`and on Monday said`, `but in a statement said`).
fn new_subject(p: &Para, a0: usize, a: usize, b: usize) -> bool {
    let t = &p.toks[a];
    a < b
        && a0 > 0
        && matches!(
            p.toks[a0 - 1].lower,
            "and" | "but" | "while" | "whereas" | "yet" | "or"
        )
        && !(t.is(Class::Preposition)
            || t.is(Class::TimeWord)
            || t.is(Class::AdjunctOpener)
            || !t.cap && aux_or_adverb(t))
}

/// Whether a clause, `that` or a quotation follows the weak cue ending at `cend`, or the cue
/// ends its clause (a trailing attribution, `“…,” the beekeepers insisted`), or the cue
/// stands in one of its frames ([`object_frame`]: `pointed to rising costs`): only then may a
/// speaker no list knows be read before it (`the four-seater boasts a low price` is no
/// report, and its subject must not reach the speakers).
fn clause_follows(p: &Para, s: &Sentence, cend: usize, cue: Cue) -> bool {
    let (j, had_that) = content_start(p, s, cend, Some(cue));
    had_that
        || j >= s.tokens.end
        || p.breaks_before(j, s)
        || looks_like_clause(p, s, j)
        || object_frame(p, s, Some(cue), j)
}

/// `A port spokesman, Dell Voss, said the minister …`: a role and a full name before the
/// cue are its subject ([`SpeakerRule::Apposition`]), never the noun phrase after the cue.
fn opening_apposition(
    p: &Para,
    s: &Sentence,
    c: usize,
    cend: usize,
    bd: Boundary,
) -> Option<Candidate> {
    if bd != Boundary::Comma {
        return None;
    }
    let mut cand = Candidate::new(SpeakerRule::Apposition, c, cend, bd);
    rule_apposition(p, s, c, &mut cand);
    let named = cand
        .mention
        .as_ref()
        .is_some_and(|(_, _, m)| m.kind == MentionKind::Name && m.full);
    (named && cand.role.is_some()).then_some(cand)
}

/// `X said she …`: the pronoun opening the clause after the attribution tells X's gender.
fn pronoun_hint(p: &Para, s: &Sentence, right: usize) -> Option<Gender> {
    (right..(right + 5).min(s.tokens.end))
        .take_while(|&k| p.toks[k].quote.is_none() && (k == right || !p.breaks_before(k, s)))
        .find_map(|k| match p.toks[k].lower {
            "he" => Some(Gender::Male),
            "she" => Some(Gender::Female),
            _ => None,
        })
}

/// [`resolve_candidate`], noting the document a person or an organisation spoke in (`said
/// in a statement`) for a later `the statement said` ([`SpeakerRule::NamedDocumentAuthor`]),
/// and that a name an `it` stands for is an organisation's ([`SpeakerRule::ItAntecedent`]).
fn resolve_noting_document(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    cand: &mut Candidate,
    attrs: &[Attr],
    reg: &mut Registry,
) -> Option<usize> {
    let id = resolve_candidate(p, s, prev, cand, attrs, reg)?;
    if cand.rule == SpeakerRule::ItAntecedent {
        reg.referred_to_as_it(id);
    }
    if matches!(
        reg.entities[id].kind,
        SpeakerKind::Person | SpeakerKind::Organization
    ) && let Some(noun) = spoken_in_document(p, s)
    {
        reg.note_document_author(noun, id);
    }
    Some(id)
}

/// Resolution of a candidate to a registry speaker ([`SpeakerRule::Inherited`] takes the
/// sentence's earlier speaker, or its subject's).
fn resolve_candidate(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    cand: &mut Candidate,
    attrs: &[Attr],
    reg: &mut Registry,
) -> Option<usize> {
    let sentence_pos = p.pos(s.range.start);
    let hint = pronoun_hint(p, s, cand.right);
    // a number, or only adverbs (`Olsen, however, said`, `Ruiz, too, said`), is no role
    if cand.role.as_deref().is_some_and(|r| {
        r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace())
            || r.split([' ', ','])
                .filter(|w| !w.is_empty())
                .all(|w| !w.starts_with(char::is_uppercase) && lexicon::is_aux_or_adverb(w))
    }) {
        cand.role = None;
    }
    if let Some((
        _,
        _,
        Mention {
            kind: MentionKind::Pronoun(Pronoun::They),
            ..
        },
    )) = cand.mention
        && let Some(id) = they_from_previous_subject(p, prev, reg)
    {
        return Some(id);
    }
    if let Some((id, introduced)) = named_document_author(p, cand, reg) {
        cand.rule = if introduced {
            SpeakerRule::IntroducedDocumentAuthor
        } else {
            SpeakerRule::NamedDocumentAuthor
        };
        return Some(id);
    }
    if let Some(id) = document_author(p, prev, cand, reg) {
        cand.rule = SpeakerRule::DocumentAuthor;
        return Some(id);
    }
    if let Some((ma, _, m)) = &cand.mention {
        let at = cand.at.unwrap_or_else(|| p.pos(p.toks[*ma].range.start));
        let speaker = reg.resolve(m, at, sentence_pos, hint);
        if let (Some(id), Some(r)) = (speaker, &cand.role) {
            reg.set_role(id, r);
        }
        return speaker;
    }
    if !cand.inherited {
        return None;
    }
    cand.rule = SpeakerRule::Inherited;
    cand.left = if cand.seg.0 < cand.seg.1 {
        cand.seg.0
    } else {
        cand.left
    };
    if let Some(prev) = attrs.iter().rev().find(|x| x.speaker.is_some()) {
        return prev.speaker;
    }
    // (`HALIFAX — A longshore worker who … says`: never the dateline)
    let st = after_dateline(p, s).unwrap_or(s.tokens.start);
    let (mut sa, mut sb, mut m) = sentence_subject(p, s, st).or_else(|| open_subject(p, s, st))?;
    // `A Green Party councillor, Ana Ruiz, took the other side, saying …`: the name set
    // beside the subject's description is the subject
    if let Some((na, nb, name)) = named_apposition(p, s, sa, sb) {
        cand.role_from(p, sa, sb);
        (sa, sb, m) = (na, nb, name);
    }
    // `An official who asked not to be named said …`: unnamed by request
    if sb < cand.right
        && matches!(p.toks[sb].lower, "who" | "whose")
        && unnamed_by_request(p, sb, cand.right)
        && !matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_))
    {
        m.kind = MentionKind::Anonymous;
    }
    let at = p.pos(p.toks[sa].range.start);
    let id = reg.resolve(&m, at, sentence_pos, hint);
    if let (Some(id), Some(r)) = (id, &cand.role) {
        reg.set_role(id, r);
    }
    id
}

/// The subject noun phrase of sentence `prev`, ending before its verb (`Scientists from
/// the institute surveyed …`), after a fronted prepositional phrase (`In a letter to
/// members, the association …`).
fn previous_subject(p: &Para, prev: &Sentence) -> Option<(usize, usize, Mention)> {
    let st = prev.tokens.start;
    let from = if p.toks[st].is(Class::Preposition) {
        (st + 1..(st + 9).min(prev.tokens.end)).find(|&k| p.breaks_before(k, prev))?
    } else {
        st
    };
    let (a, b, m) = sentence_subject(p, prev, from)?;
    let verb = (a + 1..b).find(|&k| {
        let (t, w) = (&p.toks[k], p.toks[k].lower);
        // (a document's noun heading the phrase is no verb: `The final report`; nor is a
        // word right after a determiner: `The state water board`)
        !(t.cap || k + 1 == b && t.is(Class::DocumentNoun) || p.toks[k - 1].is(Class::Determiner))
            && (t.is(Class::Verbish)
                || t.cue().is_some()
                || w.ends_with("ed")
                    && !t.is(Class::AdjectiveEd)
                    && !t.is(Class::PostmodifierStart))
    });
    match verb {
        Some(k) => Some((a, k, mention_of(p, a, k)?)),
        None => Some((a, b, m)),
    }
}

/// Speaker rule [`SpeakerRule::ItAntecedent`]: `The audit came out on Friday. It
/// recommends …`, `The Ferry Users Association criticised the timetable. It said …`: an
/// `it` opening the sentence takes the previous sentence's subject when that is a document
/// or an organisation, before any organisation or document that spoke earlier (news moves
/// on to the thing it has just introduced). Whether it fired.
fn rule_it_antecedent(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    cand: &mut Candidate,
) -> bool {
    let Some((
        a,
        _,
        Mention {
            kind: MentionKind::Pronoun(Pronoun::It),
            ..
        },
    )) = cand.mention
    else {
        return false;
    };
    // (`In a statement, it said …`: after a fronted prepositional phrase too)
    let st = s.tokens.start;
    let fronted = a > st + 1
        && a - st <= 8
        && p.toks[st].is(Class::Preposition)
        && p.gap_before(a, s).trim() == ","
        && (st + 1..a).all(|k| !p.breaks_before(k, s) && p.toks[k].quote.is_none());
    let Some(prev) = prev.filter(|_| a == st || fronted) else {
        return false;
    };
    let Some((pa, pb, m)) = previous_subject(p, prev) else {
        return false;
    };
    if !(matches!(m.kind, MentionKind::Document | MentionKind::Organization)
        || company_like_name(&m))
    {
        return false;
    }
    cand.mention = Some((pa, pb, m));
    cand.rule = SpeakerRule::ItAntecedent;
    true
}

/// `Dunmore Mills declined an interview. It said …`: a name of two or more words with no
/// title, no gender and no first name the lists know, which an `it` refers back to, is a
/// company's.
fn company_like_name(m: &Mention) -> bool {
    let first = m
        .name
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    m.kind == MentionKind::Name
        && m.full
        && m.title.is_none()
        && m.gender.is_none()
        && !Class::FirstNameFemale.has(&first)
        && !Class::FirstNameMale.has(&first)
        && !Class::FirstNameEither.has(&first)
}

/// Speaker rule [`SpeakerRule::GroupMember`]: `Two neighbours spoke to the paper. “…,” one
/// said. “…,” another added.`, `Fans wrote in. One said: …`, `“…,” said one.`: a bare `one`
/// or `another` as the cue's whole subject (or its whole inverted speaker) is a member of
/// the group the previous sentence names (its subject, else its first group noun phrase),
/// else of the group that spoke last. Whether it fired.
fn rule_group_member(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    (c, cend): (usize, usize),
    cand: &mut Candidate,
    reg: &Registry,
) -> bool {
    if cand.mention.is_some() {
        return false;
    }
    let member =
        |k: usize| matches!(p.toks[k].lower, "one" | "another") && p.toks[k].quote.is_none();
    let edge = |k: usize| {
        k == s.tokens.start
            || k >= s.tokens.end
            || p.breaks_before(k, s)
            || p.toks[k].quote.is_some()
            || p.toks[k - 1].quote.is_some()
    };
    // (`Another simply posted …`: adverbs between the member and its cue)
    let mut m0 = c.saturating_sub(1);
    while m0 > s.tokens.start
        && p.toks[m0].is(Class::AuxOrAdverb)
        && !p.toks[m0].cap
        && !p.breaks_before(m0 + 1, s)
    {
        m0 -= 1;
    }
    let (left, right) = if c > s.tokens.start && member(c - 1) && edge(c - 1) {
        (c - 1, cend)
    } else if c > s.tokens.start && member(m0) && edge(m0) && p.toks[m0].lower == "another" {
        // (only `another` after `one NOUN`, below)
        let m = another_of(p, prev, (m0, cend));
        let Some(m) = m else {
            return false;
        };
        cand.mention = Some(m);
        cand.left = cand.left.min(m0);
        cand.rule = SpeakerRule::GroupMember;
        return true;
    } else if cend < s.tokens.end && member(cend) && edge(cend + 1) {
        (c, cend + 1)
    } else {
        return false;
    };
    let named = prev.and_then(|prev| group_named_in(p, prev));
    // `One resident wrote that … Another posted …`: after `one NOUN`, `another` is another
    // of that noun, someone new
    if named.is_none()
        && p.toks[left].lower == "another"
        && let Some(m) = another_of(p, prev, (left, right))
    {
        cand.mention = Some(m);
        cand.left = cand.left.min(left);
        cand.right = cand.right.max(right);
        cand.rule = SpeakerRule::GroupMember;
        return true;
    }
    let mention = match named {
        Some(m) => m,
        None => {
            let at = p.pos(p.toks[left].range.start);
            let Some(id) = reg.group_spoke_last(at) else {
                return false;
            };
            let m = Mention {
                kind: MentionKind::Group,
                name: reg.entities[id].name.clone(),
                title: None,
                gender: None,
                full: false,
            };
            (left, right, m)
        }
    };
    cand.mention = Some(mention);
    cand.left = cand.left.min(left);
    cand.right = cand.right.max(right);
    cand.rule = SpeakerRule::GroupMember;
    true
}

/// The group sentence `prev` names: its subject when that is a group (`Two neighbours
/// spoke to the paper.`), else its first plural noun phrase of people a list knows (`The
/// paper spoke to two neighbours.`).
/// `One resident wrote that … Another posted …`: the subject of sentence `prev` (or of the
/// previous paragraph's closing sentence) is `one` and a person's noun; a bare `another`
/// (at `left..right`) is another of that noun, someone new.
fn another_of(
    p: &Para,
    prev: Option<&Sentence>,
    (left, right): (usize, usize),
) -> Option<(usize, usize, Mention)> {
    // (in a paragraph's first sentence, the previous paragraph's closing subject)
    let m = match prev {
        Some(prev) => previous_subject(p, prev)?.2,
        None => p.before?.closing_subject()?.0.clone(),
    };
    let noun = m
        .name
        .strip_prefix("one ")
        .or_else(|| m.name.strip_prefix("One "))
        .filter(|_| m.kind == MentionKind::UnnamedPerson)?;
    Some((
        left,
        right,
        Mention {
            kind: MentionKind::UnnamedPerson,
            name: format!("another {noun}"),
            title: None,
            gender: None,
            full: false,
        },
    ))
}

fn group_named_in(p: &Para, prev: &Sentence) -> Option<(usize, usize, Mention)> {
    if let Some(subject) =
        previous_subject(p, prev).filter(|(_, _, m)| m.kind == MentionKind::Group)
    {
        return Some(subject);
    }
    let h = prev
        .tokens
        .clone()
        .find(|&k| p.toks[k].quote.is_none() && p.toks[k].is(Class::GroupNoun))?;
    let a = (prev.tokens.start..h)
        .rev()
        .take_while(|&k| {
            let t = &p.toks[k];
            !p.breaks_before(k + 1, prev)
                && t.quote.is_none()
                && (t.is(Class::Determiner)
                    || t.is(Class::Quantifier)
                    || t.lower.bytes().all(|b| b.is_ascii_digit()))
        })
        .last()
        .unwrap_or(h);
    let m = mention_of(p, a, h + 1)?;
    (m.kind == MentionKind::Group).then_some((a, h + 1, m))
}

/// Speaker rule [`SpeakerRule::DescribedAntecedent`]: `The defendant, a roofer, sat still.
/// Later he said …`, `A neighbour watched from her porch. She said …`: a he/she opening the
/// sentence (after at most two adverbs) takes the previous sentence's subject when that is a
/// description of a person whose role word is not of the other gender, and no name that may
/// be the pronoun's stands between the two. In a paragraph's first sentence, the previous
/// paragraph's closing sentence is the one before it ([`super::propagate::Before`]).
/// Whether it fired.
fn rule_described_antecedent(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    cand: &mut Candidate,
    reg: &Registry,
) -> bool {
    let Some((
        a,
        _,
        Mention {
            kind: MentionKind::Pronoun(pr @ (Pronoun::He | Pronoun::She)),
            ..
        },
    )) = cand.mention
    else {
        return false;
    };
    let opens = a - s.tokens.start <= 2
        && (s.tokens.start..a).all(|k| {
            let t = &p.toks[k];
            t.is(Class::TimeWord) || aux_or_adverb(t)
        });
    if !opens {
        return false;
    }
    let gender = match pr {
        Pronoun::He => Gender::Male,
        _ => Gender::Female,
    };
    // (`The defendant sat still. ¶ Later he said …`: the previous paragraph's last sentence)
    let Some(prev) = prev else {
        let Some((m, at, not)) = p.before.and_then(|b| b.closing_described()) else {
            return false;
        };
        if *not == Some(gender)
            || reg.named_between(*at, p.pos(p.toks[a].range.start), Some(gender))
        {
            return false;
        }
        let b = cand.mention.as_ref().map_or(a + 1, |m| m.1);
        cand.mention = Some((a, b, m.clone()));
        cand.at = Some(*at);
        cand.rule = SpeakerRule::DescribedAntecedent;
        return true;
    };
    let Some((pa, pb, m, not)) = described_subject(p, prev) else {
        return false;
    };
    if not == Some(gender)
        || reg.named_between(
            p.pos(p.toks[pa].range.start),
            p.pos(p.toks[a].range.start),
            Some(gender),
        )
    {
        return false;
    }
    cand.mention = Some((pa, pb, m));
    cand.rule = SpeakerRule::DescribedAntecedent;
    true
}

/// The subject of sentence `s` when it describes a person (`The defendant, a roofer`, `A
/// neighbour`), and the pronoun gender its role word rules out (`mother` is no `he`).
fn described_subject(p: &Para, s: &Sentence) -> Option<(usize, usize, Mention, Option<Gender>)> {
    let (pa, pb, m) = previous_subject(p, s)?;
    if !matches!(
        m.kind,
        MentionKind::Description | MentionKind::UnnamedPerson
    ) {
        return None;
    }
    let not = if (pa..pb).any(|k| p.toks[k].is(Class::FemaleRole)) {
        Some(Gender::Male)
    } else if (pa..pb).any(|k| p.toks[k].is(Class::MaleRole)) {
        Some(Gender::Female)
    } else {
        None
    };
    Some((pa, pb, m, not))
}

/// [`described_subject`] of paragraph `p`'s last sentence `s`, where it stands: what a
/// he/she opening the next paragraph may take.
pub(super) fn closing_described(
    p: &Para,
    s: &Sentence,
) -> Option<(Mention, usize, Option<Gender>)> {
    let (pa, _, m, not) = described_subject(p, s)?;
    Some((m, p.pos(p.toks[pa].range.start), not))
}

/// The subject of paragraph `p`'s last sentence `s` (`The couple shared a statement.`),
/// where it stands: what a `they` or `the statement` opening the next paragraph may take.
pub(super) fn closing_subject(p: &Para, s: &Sentence) -> Option<(Mention, usize)> {
    let (a, _, m) = previous_subject(p, s)?;
    Some((m, p.pos(p.toks[a].range.start)))
}

/// Speaker rules [`SpeakerRule::NamedDocumentAuthor`]: `Bay Power said in a statement that
/// … “We are sorry,” the statement said.`: `the` and a document's noun alone, when a
/// speaker spoke earlier in a document of that noun ([`spoken_in_document`]), is that
/// speaker's; and [`SpeakerRule::IntroducedDocumentAuthor`]: the same when the text
/// introduced the document with its author (`a report by X`, [`super::authors`]). The
/// author, and whether it was introduced so.
fn named_document_author(p: &Para, cand: &Candidate, reg: &Registry) -> Option<(usize, bool)> {
    let (ma, mb, m) = cand.mention.as_ref()?;
    // (`the statement`, `the written response`: `the`, a modifier at most, the noun)
    if matches!(m.kind, MentionKind::Name | MentionKind::Pronoun(_))
        || !(2..=3).contains(&(mb - ma))
        || p.toks[*ma].lower != "the"
        || p.toks[mb - 1].cap
    {
        return None;
    }
    let noun = p.toks[mb - 1].lower;
    reg.document_author(noun)
        .map(|id| (id, reg.document_introduced(noun)))
}

/// `said in a statement`, `wrote in an email to staff`, `told reporters in a written
/// statement`: the noun of the document the sentence's speaker spoke in (`in`, `via` or
/// `through`, a determiner, at most two modifiers, the document's noun).
fn spoken_in_document<'t>(p: &Para<'t>, s: &Sentence) -> Option<&'t str> {
    let e = s.tokens.end;
    // (over the slice of words, without a bounds check each: the scan runs for every
    // attribution to a person or an organisation)
    let words = p
        .toks
        .get(s.tokens.start..e.saturating_sub(2))
        .unwrap_or(&[]);
    words.iter().enumerate().find_map(|(i, t)| {
        if t.quote.is_some() || !matches!(t.lower, "in" | "via" | "through") {
            return None;
        }
        let k = s.tokens.start + i;
        if !matches!(
            p.toks[k + 1].lower,
            "a" | "an" | "its" | "his" | "her" | "their"
        ) {
            return None;
        }
        let run = (k + 2..(k + 5).min(e))
            .take_while(|&i| p.toks[i].quote.is_none() && !p.breaks_before(i, s));
        run.clone()
            .find(|&i| p.toks[i].is(Class::DocumentNoun))
            .or_else(|| written_reply_noun(p, run))
            .map(|i| p.toks[i].lower)
    })
}

/// `in a written response to questions`, `in an emailed reply`: a noun no list calls a
/// document's, after a modifier (`written`, `emailed`) that makes it one (a cue's past form:
/// something written or sent), before what follows it. Its token, if any.
fn written_reply_noun(p: &Para, mut run: impl Iterator<Item = usize>) -> Option<usize> {
    let m = run.next()?;
    let n = run.next()?;
    let (mt, nt) = (&p.toks[m], &p.toks[n]);
    let written = mt.cue().is_some_and(|c| !c.base && !c.participle);
    let noun = !nt.cap
        && nt.cue().is_none()
        && !nt.is(Class::Preposition)
        && !nt.is(Class::FunctionWord)
        && !nt.is(Class::TimeWord);
    (written && noun).then_some(n)
}

/// Speaker rule [`SpeakerRule::DocumentAuthor`]: `Bay Power asked regulators for a rate
/// rise. The filing showed …`: a document named by `the` and its noun alone (no owner, no
/// modifier), not spoken of as a source before, right after a sentence of its paragraph
/// whose subject is an organisation or a person named in full, is that subject's (the one
/// who filed, wrote or issued it).
fn document_author(
    p: &Para,
    prev: Option<&Sentence>,
    cand: &Candidate,
    reg: &mut Registry,
) -> Option<usize> {
    let (ma, mb, m) = cand.mention.as_ref()?;
    if m.kind != MentionKind::Document || mb - ma != 2 || p.toks[*ma].lower != "the" {
        return None;
    }
    if reg.knows(&m.name) {
        return None;
    }
    // (in a paragraph's first sentence, the previous paragraph's closing one when it names
    // the document: `The couple shared a statement. ¶ “…,” the statement read.`)
    let (subject, at, from) = match prev {
        Some(prev) => {
            let (a, _, subject) = previous_subject(p, prev)?;
            (
                subject,
                p.pos(p.toks[a].range.start),
                p.pos(prev.range.start),
            )
        }
        None => {
            // (only when that paragraph introduced the document: `shared a statement`)
            let before = p.before.filter(|b| b.names_word(p.toks[mb - 1].lower))?;
            let (subject, at) = before.closing_subject()?.clone();
            (subject, at, at)
        }
    };
    // (an organisation, a person named in full, or people together: `the couple`)
    let author = matches!(subject.kind, MentionKind::Organization | MentionKind::Group)
        || subject.kind == MentionKind::Name && subject.full;
    if !author {
        return None;
    }
    reg.resolve(&subject, at, from, None)
}

/// `Researchers at the university looked at the survey. They believe …`: `they` takes the
/// group that is the previous sentence's subject, before any group that spoke earlier; in a
/// paragraph's first sentence, the previous paragraph's closing one (`The couple shared a
/// statement. ¶ “…,” they wrote.`).
fn they_from_previous_subject(
    p: &Para,
    prev: Option<&Sentence>,
    reg: &mut Registry,
) -> Option<usize> {
    let Some(prev) = prev else {
        let (m, at) = p
            .before
            .and_then(|b| b.closing_subject())
            .filter(|(m, _)| m.kind == MentionKind::Group)?;
        return reg.resolve(m, *at, *at, None);
    };
    let (a, _, m) = previous_subject(p, prev)?;
    if !matches!(m.kind, MentionKind::Group) {
        return None;
    }
    reg.resolve(
        &m,
        p.pos(p.toks[a].range.start),
        p.pos(prev.range.start),
        None,
    )
}

/// `A fisherman who asked not to be named said …`: a determiner-led noun phrase no list
/// knows, opening the sentence before a relative clause, read by open-class recognition.
fn open_subject(p: &Para, s: &Sentence, st: usize) -> Option<(usize, usize, Mention)> {
    let rel = (st + 2..(st + 6).min(s.tokens.end))
        .find(|&k| matches!(p.toks[k].lower, "who" | "whose"))?;
    parse_open(p.text, &p.toks[st..rel], false).map(|m| (st, rel, m))
}

/// What phase 3 knows about one cue and its speaker.
struct Site {
    cue: Option<Cue>,
    rule: SpeakerRule,
    left: usize,
    right: usize,
    boundary: Boundary,
    /// First token of the content after the cue, and whether `that` was skipped.
    j: usize,
    had_that: bool,
    /// The speaker is people (a person, a group, an anonymous source), not an
    /// organisation or a document.
    people: bool,
    /// The content opens with a quotation ([`opens_with_quote`]).
    starts_quote: bool,
    /// The cue's words are a quotation after a colon ([`colon_quote`]).
    colon_quote: bool,
    /// A break right after the attribution (or where the content starts, without `that`),
    /// for a cue no participle and no colon's quotation.
    comma_after: bool,
    /// Substantive words before the attribution ([`substantive`]), no conjunction's.
    before_sub: bool,
}

impl Site {
    /// The site of the cue `cue` whose speaker candidate is `cand`, its content from token
    /// `j` (`had_that`: after a `that`), with the facts about the words around it that
    /// [`content_rule`] and [`settle_layout`] both ask, worked out once.
    fn new(
        p: &Para,
        s: &Sentence,
        (cue, cand): (Option<Cue>, &Candidate),
        (j, had_that): (usize, bool),
        people: bool,
    ) -> Site {
        let (right, left, e) = (cand.right, cand.left, s.tokens.end);
        let colon_quote = colon_quote(p, s, right, j);
        let comma_after = !cue.is_some_and(|c| c.participle)
            && !colon_quote
            && right < e
            && (p.breaks_before(right, s)
                || j > right && j < e && p.breaks_before(j, s) && !had_that);
        Site {
            cue,
            rule: cand.rule,
            left,
            right,
            boundary: cand.boundary,
            j,
            had_that,
            people,
            starts_quote: opens_with_quote(p, s, j),
            colon_quote,
            comma_after,
            before_sub: substantive(p, s, left) && cand.boundary != Boundary::Conj,
        }
    }

    fn weak(&self) -> bool {
        self.cue.is_some_and(|c| c.weak)
    }
    fn participle(&self) -> bool {
        self.cue.is_some_and(|c| c.participle)
    }
    fn according(&self) -> bool {
        self.cue.is_none()
    }
}

/// Whether the content from token `j` opens with a quotation that is someone's words, not
/// a work's title in the speaker's apposition (`said Tom Reyes, author of “Salt Roads,”
/// about …`: after a work's noun, or its `of`).
fn opens_with_quote(p: &Para, s: &Sentence, j: usize) -> bool {
    let work = |i: usize| {
        i >= s.tokens.start && p.toks[i].quote.is_none() && p.toks[i].is(Class::WorkNoun)
    };
    let title = j > s.tokens.start
        && !p.gap_before(j, s).contains([',', ':', ';', '—'])
        && (work(j - 1) || j > s.tokens.start + 1 && p.toks[j - 1].lower == "of" && work(j - 2));
    j < s.tokens.end && p.toks[j].quote.is_some() && !title
}

/// `said: “…”`, `said only: “…”`, `wrote on X: “…”`: the cue's words are a quotation after
/// a colon, right after the cue or where its content starts.
fn colon_quote(p: &Para, s: &Sentence, right: usize, j: usize) -> bool {
    [right, j]
        .into_iter()
        .any(|k| k < s.tokens.end && p.toks[k].quote.is_some() && p.gap_before(k, s).contains(':'))
}

/// Phase 3: where the content sits ([`ContentRule`]), before the filters.
fn content_rule(p: &Para, s: &Sentence, x: &Site) -> (Layout, ContentRule) {
    let (j, left) = (x.j, x.left);
    let (starts_quote, comma_after, before_sub) = (x.starts_quote, x.comma_after, x.before_sub);
    // (`pointed to rising costs`, `called on the province to …`: a frame, not an adjunct;
    // `said that in 1990, ferries …`: after `that`, a fronted adjunct of the clause)
    let fronted = x.had_that
        && (j + 1..s.tokens.end)
            .find(|&k| p.gap_before(k, s).contains(','))
            .is_some_and(|k| looks_like_clause(p, s, k));
    let tail = (j >= s.tokens.end || !fronted && is_adjunct_tail(p, s, j))
        && !object_frame(p, s, x.cue, j);
    let verb_after = p.toks.get(j).is_some_and(|t| t.is(Class::Verbish));
    let before_subordinate = p
        .toks
        .get(s.tokens.start)
        .is_some_and(|t| t.quote.is_none() && t.is(Class::Subordinator));
    if tail {
        if before_sub && !x.participle() {
            (Layout::Before, ContentRule::Before)
        } else {
            (Layout::None, ContentRule::NoContent)
        }
    } else if comma_after {
        if left > s.tokens.start
            && (verb_after || before_subordinate && before_sub)
            && !starts_quote
        {
            (Layout::Whole, ContentRule::Parenthetical)
        } else if before_sub {
            (Layout::Before, ContentRule::Before)
        } else {
            (Layout::After, ContentRule::After)
        }
    } else if before_sub && x.boundary == Boundary::Comma && verb_after && !x.according() {
        (Layout::Whole, ContentRule::Parenthetical)
    } else if x.had_that {
        (Layout::After, ContentRule::ThatClause)
    } else {
        (Layout::After, ContentRule::After)
    }
}

/// Phase 3's adjustments and false-attribution filters: the final layout, or `None` when
/// the cue is not an attribution (a question, a non-speech sense, too short a clause).
fn settle_layout(p: &Para, s: &Sentence, x: &Site, mut layout: Layout) -> Option<Layout> {
    let (j, right, left) = (x.j, x.right, x.left);
    let (starts_quote, colon_quote) = (x.starts_quote, x.colon_quote);
    let (comma_after, before_sub) = (x.comma_after, x.before_sub);
    let first_after = p.toks.get(j).map(|t| t.lower).unwrap_or("");
    let quote_before = p.toks[s.tokens.start..left]
        .iter()
        .any(|t| t.quote.is_some());
    if x.according() && layout == Layout::After && before_sub {
        // `…, according to X.` / `… according to X and …`: the words before it
        layout = Layout::Before;
    }
    if said_no_content(p, s, x) {
        return None;
    }
    // `said Greenspan while visiting …`: words after an inverted name are not reported
    if x.rule == SpeakerRule::Inverted
        && layout == Layout::After
        && !x.had_that
        && !comma_after
        && !starts_quote
    {
        layout = if before_sub {
            Layout::Before
        } else {
            Layout::None
        };
    }
    // `“…,” he said his voice breaking`: after a quotation, only a clause is reported
    if layout == Layout::After
        && !x.had_that
        && !starts_quote
        && !colon_quote
        && quote_before
        && !looks_like_clause(p, s, j)
        && !urged_to(p, s, x, j)
    {
        layout = Layout::Before;
    }
    // `told reporters the building …`: an object, then a clause
    let object_cue = x.cue.is_some_and(|c| c.object)
        && !(j > right
            && j < s.tokens.end
            && !p.toks[j].is(Class::Preposition)
            && p.toks[j].lower != "to");
    if layout == Layout::After && (x.weak() || object_cue) && !object_frame(p, s, x.cue, j) {
        let clause = x.had_that
            || starts_quote
            || looks_like_clause(p, s, j)
            || p.gap_before(j.min(p.toks.len().saturating_sub(1)), s)
                .contains(':');
        let call = x
            .cue
            .is_some_and(|c| matches!(c.lemma, "call" | "describe"));
        // `asked how …`, `asked him to …`: questions and requests, not claims;
        // `questioned the driver`: a verb that reports only of things, said of a person;
        // `posted a loss`: a verb that reports only before `that` or a quotation
        if x.cue.is_some_and(|c| c.lemma == "ask") && !starts_quote
            || x.cue.is_some_and(|c| c.thing) && person_object(p, s, j)
            || x.cue.is_some_and(|c| c.that) && !x.had_that && !starts_quote && !colon_quote
        {
            return None;
        }
        let quote_soon = (j..(j + 8).min(s.tokens.end)).any(|k| p.toks[k].quote.is_some());
        if call {
            if !(quote_soon
                || matches!(
                    first_after,
                    "it" | "him" | "her" | "them" | "himself" | "herself" | "themselves"
                ))
            {
                return None;
            }
        } else if !clause {
            // `“…,” she recalled of that day`: the quotation before is the claim
            if before_sub
                && quote_before
                && matches!(x.boundary, Boundary::Comma | Boundary::QuoteClose)
            {
                layout = Layout::Before;
            } else if !quoted_object(p, s, j)
                && !urged_to(p, s, x, j)
                && !np_object(p, s, x, j)
                && !against_object(p, s, x, j)
            {
                return None;
            }
        }
    }
    if layout == Layout::After
        && x.weak()
        && !starts_quote
        && (j..s.tokens.end)
            .filter(|&k| p.toks[k].quote.is_none())
            .count()
            < 3
        && !(j..s.tokens.end).any(|k| p.toks[k].quote.is_some())
    {
        return None;
    }
    Some(layout)
}

/// The content rule that really decided where the content is: [`settle_layout`] may move
/// it (`“…,” he said his voice breaking`: the quotation before, not the words after), and
/// `--explain` must then name the rule of where it now sits, not the one first tried.
fn settled_rule(first: Layout, settled: Layout, rule: ContentRule) -> ContentRule {
    if first == settled {
        return rule;
    }
    match settled {
        Layout::Before => ContentRule::Before,
        Layout::Whole => ContentRule::Parenthetical,
        Layout::None => ContentRule::NoContent,
        Layout::After => rule,
    }
}

/// Whether the words from token `j` go on with `, and` / `, but` and a clause, or with a
/// clause of reason or concession (`She left, she recalls, because the mill closed`): the
/// second half of a sentence split by a parenthetical attribution.
fn continues_with_clause(p: &Para, s: &Sentence, j: usize) -> bool {
    j + 1 < s.tokens.end
        && p.toks[j].quote.is_none()
        && matches!(
            p.toks[j].lower,
            "and" | "but" | "because" | "although" | "though"
        )
        && p.gap_before(j, s).contains(',')
        && looks_like_clause(p, s, j + 1)
}

/// Whether the content goes on after a parenthetical attribution (`Fees are too high for
/// some, she said, especially the newest arrivals.`): more words after its comma that are
/// no adjunct of the cue and hold no other cue.
fn continues_content(p: &Para, s: &Sentence, right: usize, j: usize) -> bool {
    let rest = j..s.tokens.end;
    j < s.tokens.end
        && j >= right
        && !p.toks[j].is(Class::ClauseBoundary)
        && !p.toks[s.tokens.clone()].iter().any(|t| t.quote.is_some())
        && p.gap_before(j, s).trim() == ","
        && rest.clone().filter(|&k| p.toks[k].quote.is_none()).count() >= 3
        && !rest.clone().any(|k| p.toks[k].quote.is_some())
        && !is_adjunct_tail(p, s, j)
        // (another attribution after it keeps its own words: `…, she said, and Lee said …`)
        && !rest.clone().any(|k| {
            p.toks[k].cue()
                .is_some_and(|c| !c.base && !c.participle && matches!(c.lemma, "say" | "tell"))
        })
}

/// `urged residents to stay indoors`, `warned drivers to slow down`: an appeal, its object
/// and the infinitive are the claim.
fn urged_to(p: &Para, s: &Sentence, x: &Site, j: usize) -> bool {
    x.cue.is_some_and(|c| matches!(c.lemma, "urge" | "warn"))
        && (j..(j + 7).min(s.tokens.end))
            .take_while(|&k| k == j || !p.breaks_before(k, s))
            .any(|k| p.toks[k].lower == "to" && k + 1 < s.tokens.end)
}

/// `accused the board of ignoring the data`, `called on the province to fund …`,
/// `credited the volunteers with saving …`, `pointed to rising costs`: a weak cue in one of
/// its frames of an object and a preposition ([`lexicon::object_frames`]) reports without a
/// clause; the object and what follows are the claim (as with `criticized the council for
/// …`). The object is one to six words on, no quotation, no break, no other cue; two words
/// at least must follow the frame.
fn object_frame(p: &Para, s: &Sentence, cue: Option<Cue>, j: usize) -> bool {
    let Some(c) =
        cue.filter(|c| c.weak && (!c.participle || c.frame && j >= 2 && progressive(p, s, j - 1)))
    else {
        return false;
    };
    let e = s.tokens.end;
    let plain = |k: usize| k < e && p.toks[k].quote.is_none() && (k == j || !p.breaks_before(k, s));
    lexicon::object_frames(c.lemma).any(|frame| {
        let mut k = j;
        for (n, &w) in frame.iter().enumerate() {
            if w != "_" {
                if !plain(k) || p.toks[k].lower != w {
                    return false;
                }
                k += 1;
                continue;
            }
            // the object: up to the frame's next word, one to six words on
            let Some(&next) = frame.get(n + 1) else {
                return false;
            };
            let Some(at) = (k + 1..(k + 7).min(e))
                .take_while(|&i| plain(i - 1) && p.toks[i - 1].cue().is_none())
                .find(|&i| plain(i) && p.toks[i].lower == next)
            else {
                return false;
            };
            k = at;
        }
        // `saw the ferry as it left`, `saw two men as the alarm rang`, `praised the crews as
        // well`: `as` opening a clause or an adverb is no judgement; after a judging `as`,
        // one word may be the claim (`dismissed the claim as nonsense`)
        let judging = frame.last() == Some(&"as");
        let clause_as = judging
            && k < e
            && (matches!(
                p.toks[k].lower,
                "he" | "she" | "it" | "they" | "we" | "i" | "you" | "well" | "if" | "though"
            ) || p.toks[k].is(Class::Subordinator));
        // `pressed the board to reopen talks`: an appeal is made to people or a body,
        // never to a thing (`pressed the button to start`)
        let appeal = frame.first() == Some(&"_") && frame.last() == Some(&"to");
        let addressed = !appeal
            || person_object(p, s, j)
            || (j..k).any(|i| p.toks[i].is(Class::OrgNoun) || p.toks[i].cap);
        (k..(k + 2 - usize::from(judging))).all(plain) && !clause_as && addressed
    })
}

/// `confirmed the existence of the plumes`, `criticized the council for the delay`: a cue
/// whose noun-phrase object is still what was said ([`Cue::np`]); for some verbs only when
/// people speak ([`Cue::animate`]: `the company recalled the cars` is no report); an object
/// opening with a capital is a name or a title (`confirmed Ana Ruiz as harbour master`);
/// in a temporal clause it is an event (`a day after the utility confirmed the leak`).
fn np_object(p: &Para, s: &Sentence, x: &Site, j: usize) -> bool {
    x.cue.is_some_and(|c| c.np && (x.people || !c.animate))
        && !(x.left > s.tokens.start
            && matches!(
                p.toks[x.left - 1].lower,
                "after" | "before" | "when" | "since" | "until" | "once"
            ))
        && j < s.tokens.end
        && !p.breaks_before(j, s)
        && p.toks[j..s.tokens.end]
            .iter()
            .filter(|t| t.quote.is_none())
            .count()
            >= 3
        && !p.toks[j].cap
}

/// `cautioned against reading too much into the figures`, `argued against the merger`: a
/// cue that reports with `against` ([`Cue::against`]) and a noun phrase after it (two words
/// at least, outside quotation marks) is a claim, `against` included.
fn against_object(p: &Para, s: &Sentence, x: &Site, j: usize) -> bool {
    x.cue.is_some_and(|c| c.against)
        && j + 2 < s.tokens.end
        && p.toks[j].lower == "against"
        && p.toks[j].quote.is_none()
        && !p.breaks_before(j + 1, s)
        && !p.toks[j + 1].cap
}

/// `questioned the driver`, `cited him for speeding`: whether the object from token `j` names
/// a person (an object pronoun, a name, a noun of people), for the verbs that report only
/// with a thing as their object ([`Cue::thing`]); `questioned her account` is a thing.
fn person_object(p: &Para, s: &Sentence, j: usize) -> bool {
    let e = s.tokens.end;
    let Some(t) = p.toks.get(j).filter(|t| j < e && t.quote.is_none()) else {
        return false;
    };
    let ends_at = |k: usize| k >= e || p.breaks_before(k, s) || p.toks[k].is(Class::Preposition);
    if matches!(t.lower, "him" | "them" | "me" | "us") || t.lower == "her" && ends_at(j + 1) {
        return true;
    }
    // the noun phrase: to a break, a preposition, a clause or a relative pronoun
    let k = (j..(j + 6).min(e))
        .find(|&k| {
            k > j && p.breaks_before(k, s)
                || p.toks[k].quote.is_some()
                || p.toks[k].is(Class::Preposition)
                || p.toks[k].is(Class::ClauseBoundary)
                || p.toks[k].is(Class::Verbish)
                || matches!(p.toks[k].lower, "that" | "whether" | "who" | "whom")
        })
        .unwrap_or((j + 6).min(e));
    let Some(head) = (k > j).then(|| &p.toks[k - 1]) else {
        return false;
    };
    let possessive = head.is_possessive();
    let people = [Class::PersonNoun, Class::GroupNoun, Class::AnonymousHead];
    // (`questioned the skipper about the fire`: a noun of a person's shape questioned about
    // something; `questioned the plan’s cost over …` is a thing)
    let about = agent_noun(head.lower)
        && p.toks
            .get(k)
            .is_some_and(|n| k < e && matches!(n.lower, "about" | "over"));
    // (`questioned the nominee who …`: `who` says a person is meant)
    let who = p
        .toks
        .get(k)
        .is_some_and(|n| k < e && matches!(n.lower, "who" | "whom"));
    people.iter().any(|&c| head.is(c))
        || !possessive && p.toks[j..k].iter().all(|t| t.cap)
        || about
        || who
}

/// `criticized the plan as a “dangerous gamble”`, `spoke of “anxiety” over …`: the object
/// of a cue holds the speaker's own words, so the object is reported content (a mixed
/// claim) though it is no clause.
fn quoted_object(p: &Para, s: &Sentence, j: usize) -> bool {
    // `will continue to provide “…”`: an infinitive is the verb's complement, not its object
    if p.toks.get(j).is_none_or(|t| t.lower == "to") {
        return false;
    }
    (j..(j + 15).min(s.tokens.end))
        .take_while(|&k| k == j || !p.gap_before(k, s).contains([';', ':', '(', '—']))
        .any(|k| p.toks[k].quote.is_some())
}

/// `said nothing`, `said a few words at the funeral`, `says all the right things`: `say`
/// with an object that names a speech act or an amount of talk
/// ([`lexicon::said_no_content`]), then the sentence's end, a break or a preposition,
/// reports nothing (`said nothing was done`, `said much of it was rotten` are clauses, and
/// reported).
fn said_no_content(p: &Para, s: &Sentence, x: &Site) -> bool {
    let e = s.tokens.end;
    if x.had_that || x.cue.is_none_or(|c| c.lemma != "say") || x.j >= e {
        return false;
    }
    let words: SmallVec<[&str; 4]> = (x.j..(x.j + 4).min(e))
        .take_while(|&k| p.toks[k].quote.is_none() && (k == x.j || !p.breaks_before(k, s)))
        .map(|k| p.toks[k].lower)
        .collect();
    lexicon::said_no_content(&words).is_some_and(|n| {
        let k = x.j + n;
        // (`said much of the pier was rotten`: a partitive opens a clause)
        k >= e
            || p.breaks_before(k, s)
            || p.toks[k].is(Class::Preposition) && p.toks[k].lower != "of"
    })
}

/// The content's byte range in the paragraph for a layout.
fn content_range(
    p: &Para,
    s: &Sentence,
    layout: Layout,
    left: usize,
    j: usize,
) -> Option<Range<usize>> {
    // `OTTAWA — The ferry will not sail, the operator said`: a dateline opening the
    // paragraph is where the story was filed, not what was said
    let start = || {
        (s.tokens.start == 0)
            .then(|| after_dateline(p, s))
            .flatten()
            .filter(|&i| i < left.max(s.tokens.start + 1))
            .map_or(s.range.start, |i| p.tok_start(i))
    };
    match layout {
        Layout::After => (j < s.tokens.end).then(|| p.tok_start(j)..s.range.end),
        Layout::Before => (left > s.tokens.start).then(|| start()..p.tok_end(left - 1)),
        Layout::Whole => Some(start()..s.range.end),
        Layout::None => None,
    }
}

/// Speaker rule [`SpeakerRule::EmbeddedPost`]: a social-media post embedded in the page,
/// `… pic.twitter.com/x — Ana Ruiz (@anaruiz) June 3, 2019`: the words before the dash are
/// its author's claim.
pub(super) fn embedded_post(p: &Para, reg: &mut Registry) -> Option<RawClaim> {
    // the last `(@`: found from its rare `@`, a vector at a time (a substring searcher
    // built for each paragraph cost more than the search)
    let bytes = p.text.as_bytes();
    let handle = memchr::memrchr_iter(b'@', bytes).find_map(|i| {
        let before = i.checked_sub(1)?;
        (bytes[before] == b'(').then_some(before)
    })?;
    let dash = p.text[..handle].rfind(['—', '–'])?;
    // the author's name: the words between the dash and the handle
    let name_toks: Vec<Token> = p
        .toks
        .iter()
        .filter(|t| t.range.start > dash && t.range.end <= handle)
        .cloned()
        .collect();
    if name_toks.is_empty() || name_toks.len() > 5 || !name_toks.iter().all(|t| t.cap) {
        return None;
    }
    let m = parse_mention(p.text, &name_toks)?;
    if !matches!(m.kind, MentionKind::Name | MentionKind::Organization) {
        return None;
    }
    // the post: from the paragraph start to its link or the dash
    let body = &p.text[..dash];
    let end = body
        .find("pic.twitter.com")
        .or_else(|| body.find("https://"))
        .unwrap_or(dash);
    let range = trim_content(p.text, 0..end);
    if p.text[range.clone()].split_whitespace().count() < 4 {
        return None;
    }
    let at = p.pos(name_toks[0].range.start);
    let id = reg.resolve(&m, at, p.pos(0), None)?;
    reg.spoke(id, at);
    let rule = Rule::Cue(SpeakerRule::EmbeddedPost, ContentRule::Before);
    Some(RawClaim {
        range,
        kind: ClaimKind::Indirect,
        speaker: Some(id),
        cue: None,
        rule,
        confidence: rule.confidence() * mention_evidence(Some(&m)),
    })
}

/// `Vendors, who say prices will rise, are worried`, `The yard shut, with the inspector
/// calling it “a disgrace”, and …`: where a relative or `with` clause whose content starts
/// at `j` ends, at its comma (the end byte of the word before it).
fn clause_comma(p: &Para, s: &Sentence, j: usize) -> Option<usize> {
    (j + 1..s.tokens.end)
        .find(|&k| p.toks[k].quote.is_none() && p.gap_before(k, s).contains(','))
        .map(|k| p.tok_end(k - 1))
}

/// Reads one sentence: its cues (phase 1), their speakers (phase 2, resolved at once so a
/// later cue can inherit) and contents (phase 3).
///
/// `prev` is the sentence before it in the paragraph, whose subject a `they` may take.
pub(super) fn attribute_sentence(
    p: &Para,
    s: &Sentence,
    prev: Option<&Sentence>,
    reg: &mut Registry,
) -> SmallVec<[Attr; 2]> {
    // (a sentence has few attributions: kept inline, they cost no allocation)
    let mut attrs: SmallVec<[Attr; 2]> = SmallVec::new();
    for (c, cend, cue) in cues(p, s) {
        let cue_text = CueText::from(&p.text[p.toks[c].range.start..p.toks[cend - 1].range.end]);
        let mut cand = speaker_candidate(p, s, c, cend, cue);
        rule_it_antecedent(p, s, prev, &mut cand);
        rule_described_antecedent(p, s, prev, &mut cand, reg);
        rule_group_member(p, s, prev, (c, cend), &mut cand, reg);
        // (`show`, `find` report only a document's findings: `the figures show …`, also
        // one its owner speaks through, `The company's annual report shows that …`)
        if cue.is_some_and(|c| c.document)
            && !cand.mention.as_ref().is_some_and(|&(ma, mb, ref m)| {
                m.kind == MentionKind::Document
                    || p.toks[mb - 1].is(Class::DocumentNoun)
                    // (`figures from the program's administrator show`: its author's)
                    || p.toks[ma].is(Class::DocumentNoun)
                        && p.toks.get(ma + 1).is_some_and(|t| matches!(t.lower, "from" | "by"))
            })
        {
            continue;
        }
        let evidence = mention_evidence(cand.mention.as_ref().map(|m| &m.2))
            * if cue.is_some_and(|c| c.weak) {
                0.9
            } else {
                1.0
            }
            * if cand.open { 0.8 } else { 1.0 };
        let Some(id) = resolve_noting_document(p, s, prev, &mut cand, &attrs, reg) else {
            continue;
        };
        let (j, had_that) = content_start(p, s, cand.right, cue);
        // `…, calling capital punishment “inhumane.”`: a participle without `that` goes on
        // with the claim before it
        if cue.is_some_and(|c| c.participle)
            && !had_that
            && !looks_like_clause(p, s, j)
            && let Some(prev) = attrs.last_mut()
            && prev.speaker == Some(id)
            && prev.layout == Layout::After
            && let Some(r) = prev.content.clone()
        {
            prev.content = Some(r.start..s.range.end);
            continue;
        }
        let people = matches!(
            reg.entities[id].kind,
            SpeakerKind::Person | SpeakerKind::Group | SpeakerKind::Anonymous
        );
        let site = Site::new(p, s, (cue, &cand), (j, had_that), people);
        let (layout, mut content_rule) = if cand.passive {
            (Layout::Whole, ContentRule::Parenthetical)
        } else {
            content_rule(p, s, &site)
        };
        let Some(mut layout) = (if cand.passive {
            Some(layout)
        } else {
            settle_layout(p, s, &site, layout).inspect(|&settled| {
                content_rule = settled_rule(layout, settled, content_rule);
            })
        }) else {
            continue;
        };
        // `The roads are bad, Holt said, and the city needs crews.`: both halves are hers
        if layout == Layout::Before
            && (continues_with_clause(p, s, j) || continues_content(p, s, cand.right, j))
        {
            layout = Layout::Whole;
            content_rule = ContentRule::Parenthetical;
        }
        let mut content = content_range(p, s, layout, cand.left, j);
        if let Some(k) = cand.fronted
            && let Some(r) = content.as_mut()
        {
            r.end = r.end.min(p.tok_end(k - 1));
        }
        // `Testifying on Monday, the nurse told …`: a fronted participle whose words are
        // all adjuncts reports nothing of its own
        if content.as_ref().is_some_and(|r| r.end <= r.start) {
            content = None;
        }
        if matches!(
            cand.rule,
            SpeakerRule::RelativeClause | SpeakerRule::WithClause
        ) && layout == Layout::After
            && let Some(r) = content.as_mut()
        {
            r.end = r.end.min(clause_comma(p, s, j).unwrap_or(r.end));
        }
        if layout == Layout::Before {
            // `The chain says it sold …, below what analysts forecast, according to Retail
            // Data Co.`: a trailing `according to` after the sentence's own report sources
            // a clause inside it, and makes no attribution
            if cue.is_none() && attrs.iter().any(|x| owns_sentence(p, s, x)) {
                continue;
            }
            // a trailing attribution takes over the cues inside its content
            attrs.retain(|x| x.cue_tok >= cand.left);
        }
        attrs.push(Attr {
            cue_tok: c,
            cue_text,
            speaker: Some(id),
            left: cand.left,
            layout,
            content,
            speaker_rule: cand.rule,
            content_rule,
            confidence: Rule::Cue(cand.rule, content_rule).confidence() * evidence,
        });
    }
    drop_inner_reports(p, s, &mut attrs, reg);
    cut_after_contents(p, &mut attrs);
    attrs
}

/// How far a speaker mention's words alone can be trusted (a factor, 0–1): a full name
/// most, a pronoun or a description (resolved from context) least.
fn mention_evidence(m: Option<&Mention>) -> f32 {
    match m.map(|m| (&m.kind, m.full)) {
        None => 1.0,
        Some((MentionKind::Name, true)) => 1.0,
        Some((MentionKind::Name, false)) => 0.95,
        Some((MentionKind::Pronoun(_), _)) => 0.85,
        Some((MentionKind::Description, _)) => 0.85,
        Some(_) => 0.95,
    }
}

/// `The chain says it sold 4 million units, below the 5 million analysts forecast,
/// according to Retail Data Co.`: whether attribution `x` is the sentence's own report, its
/// subject opening the sentence and its content after the cue, so a trailing `according
/// to` sources a clause inside that content (a figure, a forecast) and not the sentence.
fn owns_sentence(p: &Para, s: &Sentence, x: &Attr) -> bool {
    x.layout == Layout::After
        && x.content.is_some()
        && matches!(
            x.speaker_rule,
            SpeakerRule::Subject | SpeakerRule::Apposition
        )
        && p.toks[x.cue_tok].lower != "according"
        && (x.left == s.tokens.start || after_dateline(p, s) == Some(x.left))
}

/// `The chain says it sold 4 million units, below the 5 million analysts forecast, …`: a
/// cue whose speaker stands inside the content of the sentence's own report
/// ([`owns_sentence`]) and that would take its words from around itself (a parenthetical
/// or trailing layout) is a clause of that content (`[that] analysts forecast`), no
/// attribution.
fn inner_aside(p: &Para, s: &Sentence, outer: &Attr, inner: &Attr) -> bool {
    owns_sentence(p, s, outer)
        && inner.layout != Layout::After
        && inner.left > outer.cue_tok
        && p.toks[inner.cue_tok].lower != "according"
        && outer
            .content
            .as_ref()
            .is_some_and(|r| p.toks[inner.left].range.start > r.start)
}

/// Speech inside speech goes to the outer speaker whoever the inner one is: `Lund said he
/// was glad that Orr told the staff in person`, `Szabo testified that Whitford told him to
/// …`. A cue whose subject (read by [`SpeakerRule::Subject`] or
/// [`SpeakerRule::LastNounPhrase`]) stands inside the content after an earlier cue of the
/// sentence, right after a `that` or a subordinator (`because`, `when`) that opens a clause
/// of that content, is part of the report, no attribution of its own; a coordinated report,
/// `…, but Orr said …`, is not inside. An opening `according to` is such an outer report
/// too: `According to an assessment seen by the Ledger, analysts concluded that …` is the
/// assessment's.
fn embedded_report(p: &Para, outer: &Attr, inner: &Attr) -> bool {
    let Some(r) = outer.content.as_ref() else {
        return false;
    };
    let l = inner.left;
    if outer.layout != Layout::After
        || !matches!(
            inner.speaker_rule,
            SpeakerRule::Subject | SpeakerRule::LastNounPhrase
        )
        || inner.cue_tok <= outer.cue_tok
        || l == 0
        || p.toks[l].range.start < r.start
        || p.toks[l].range.start >= r.end
    {
        return false;
    }
    // (`Szabo testified that Whitford told him …`: the inner subject opens the content)
    if p.toks[l].range.start - r.start < 2 {
        return true;
    }
    let before = &p.toks[l - 1];
    if before.quote.is_some() || before.range.start <= r.start {
        return false;
    }
    if before.is(Class::Subordinator) {
        return true;
    }
    // (`deaths that Lohmar said are unrelated`, `a bylaw that councillors called a
    // “nuisance”`: a relative `that`, its gap right after the inner cue, reports there)
    let next = p.toks.get(inner.cue_tok + 1);
    let gap = next.is_none_or(|n| {
        n.is(Class::Verbish)
            || n.is(Class::Determiner) && !matches!(p.toks[inner.cue_tok].lower, "told" | "tells")
    });
    before.lower == "that" && !gap
}

/// Speech inside speech goes to the outer speaker: `Lee said the size of the hole suggested
/// that thieves used a drill`, `Kay said the files showed a “classic” error`. A cue whose
/// subject, a thing's noun phrase (no person, group or anonymous source), opens the content
/// after an earlier cue of the sentence is the verb of the reported clause, not an
/// attribution of its own: the outer content keeps it whole.
fn drop_inner_reports(p: &Para, s: &Sentence, attrs: &mut SmallVec<[Attr; 2]>, reg: &Registry) {
    let mut i = 0;
    while i + 1 < attrs.len() {
        let inner = &attrs[i + 1];
        let thing = inner.speaker.is_some_and(|id| {
            !matches!(
                reg.entities[id].kind,
                SpeakerKind::Person | SpeakerKind::Group | SpeakerKind::Anonymous
            )
        });
        if thing && subject_opens_content(p, &attrs[i], inner)
            || embedded_report(p, &attrs[i], inner)
            || inner_aside(p, s, &attrs[i], inner)
        {
            attrs.remove(i + 1);
        } else {
            i += 1;
        }
    }
}

/// Whether `inner`'s cue follows a subject that opens `outer`'s content after its verb of
/// saying: a noun phrase of at most eight words, with no comma, clause boundary, verb or
/// quotation in it or before the cue (`According to the survey, users report …` has a
/// source set before the clause, no verb whose clause it is).
fn subject_opens_content(p: &Para, outer: &Attr, inner: &Attr) -> bool {
    let Some(r) = outer.content.as_ref() else {
        return false;
    };
    if outer.layout != Layout::After
        || inner.layout != Layout::After
        || inner.speaker_rule == SpeakerRule::Inherited
        || p.toks[outer.cue_tok].lower == "according"
        || inner.cue_tok <= outer.cue_tok
    {
        return false;
    }
    let Some(first) =
        (outer.cue_tok + 1..inner.cue_tok).find(|&k| p.toks[k].range.start >= r.start)
    else {
        return false;
    };
    p.toks[first].range.start - r.start < 2
        && inner.cue_tok - first <= 8
        && (first..=inner.cue_tok).all(|k| {
            let t = &p.toks[k];
            (k == first || !gap_breaks(&p.text[p.toks[k - 1].range.end..t.range.start]))
                && (k == inner.cue_tok
                    || t.quote.is_none()
                        && t.cue().is_none()
                        && !t.is(Class::ClauseBoundary)
                        && !t.is(Class::AuxOrAdverb)
                        && !t.is(Class::Verbish))
        })
}

/// An After content stops where the next attribution in the sentence begins.
fn cut_after_contents(p: &Para, attrs: &mut [Attr]) {
    for i in 0..attrs.len() {
        if attrs[i].layout != Layout::After {
            continue;
        }
        if let Some(next) = attrs.get(i + 1)
            && let Some(r) = attrs[i].content.clone()
        {
            let mut l = next.left;
            // `confirmed the split but said she …`: a coordinated cue whose subject is the
            // sentence's ends the content at its conjunction
            if next.speaker_rule == SpeakerRule::Coordinated && p.toks[l].range.start < r.start {
                l = next.cue_tok;
                while l > 0 && matches!(p.toks[l - 1].lower, "and" | "but" | "then" | "or") {
                    l -= 1;
                }
            }
            if l > 0 && p.toks[l - 1].is(Class::ClauseBoundary) {
                l -= 1;
            }
            // `A woman who said she was a volunteer said …`: a report inside the relative
            // clause that describes the next attribution's speaker is part of that
            // description, no claim of its own
            if next.speaker_rule == SpeakerRule::Described
                && p.toks[l].range.start <= r.start
                && next.cue_tok > l
            {
                attrs[i].content = None;
                continue;
            }
            if l > 0 && l > next.cue_tok.saturating_sub(20) {
                let end = p.tok_end(l.saturating_sub(1)).max(r.start);
                if end > r.start && end < r.end && p.toks[l].range.start > r.start {
                    // two words left before the next attribution are no claim of their
                    // own (`According to the survey, Out of | the Cold users report …`)
                    let words = p.text[r.start..end].split_whitespace().count();
                    attrs[i].content = (words >= 3).then_some(r.start..end);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tokens_aux_or_adverb_is_the_lexicons() {
        let text = "has not yet publicly really been family daily quickly said the will";
        let lower = text.to_ascii_lowercase();
        for t in tokens::tokenize(text, &lower, &[]) {
            assert_eq!(
                aux_or_adverb(&t),
                lexicon::is_aux_or_adverb(t.lower),
                "{}",
                t.lower
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn a_gap_breaks_where_it_holds_a_break_char(gap in "[ ,;:()\\[\\].a—–‒―’“”-]{0,6}") {
            let chars = [',', ';', ':', '—', '–', '(', ')', '['];
            proptest::prop_assert_eq!(gap_breaks(&gap), gap.contains(chars));
        }
    }
}
