//! The attribution rules: cues, the speaker beside each cue, and the reported content.
//!
//! Each sentence is read on its own. Every cue outside quotation marks (a reporting verb
//! from [`lexicon::cue`] or `according to`) gets a speaker from one of these rules, tried in
//! order:
//! - `subject`: the noun phrase right before the cue, back to a comma, a quotation, a
//!   conjunction or the sentence start (`Legal experts have said …`, `“…,” Maltz said`);
//! - `inverted`: the noun phrase right after the cue (`“…,” said one person.`);
//! - `apposition`: `NAME, APPOSITION, said` or `ROLE, NAME, told` (the apposition is the role);
//! - `inherited`: a participle or coordinated cue (`…, saying …`, `… and said …`) takes the
//!   speaker of the sentence's earlier cue or its subject.
//!
//! The content is then cut by the position of the speaker and cue:
//! - `content-after`: `X said (that) …`, `X told Y that …`, `X said, “…”`;
//! - `content-before`: `…, X said.` / `“…,” said X.` (a trailing attribution also takes
//!   over the cues inside its content);
//! - `parenthetical`: `Such efforts, he said, were not …` (the whole sentence).
//!
//! A content made only of quotations gives one direct claim per quotation; with quotations
//! and other words it is a mixed claim; without quotations, an indirect one. Quotations of a
//! sentence outside every content get the sentence's speaker; quotations of sentences without
//! any cue continue the paragraph's speaker, or the previous paragraph's.

use super::lexicon::{self, Class, Cue};
use super::quotes::{self, QuoteSpan};
use super::speakers::{Gender, Mention, MentionKind, Registry, parse_mention, parse_occupation};
use super::tokens::{self, Sentence, Token};
use super::{Analysis, Claim, ClaimKind, CueText, Quote, Sourcing, SpeakerKind};
use crate::document::Document;
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
struct Attr {
    cue_tok: usize,
    cue_text: CueText,
    speaker: Option<usize>,
    left: usize,
    layout: Layout,
    content: Option<Range<usize>>,
    speaker_rule: &'static str,
    content_rule: &'static str,
}

/// Who a quotation is credited to: entity id, cue, rule.
type Credit = (usize, Option<CueText>, &'static str);

/// A claim before ids are assigned.
struct RawClaim {
    range: Range<usize>,
    kind: ClaimKind,
    speaker: Option<usize>,
    cue: Option<CueText>,
    rule: &'static str,
}

struct Para<'a> {
    text: &'a str,
    toks: &'a [Token<'a>],
    quotes: &'a [QuoteSpan],
    base: usize,
}

/// How many paragraphs without attribution a speaker carries over to cue-less quotations.
const CARRY_PARAGRAPHS: usize = 2;

const BREAK_CHARS: [char; 8] = [',', ';', ':', '—', '–', '(', ')', '['];

impl Para<'_> {
    fn gap_before(&self, i: usize, s: &Sentence) -> &str {
        if i == s.tokens.start {
            return &self.text
                [s.range.start.min(self.toks[i].range.start)..self.toks[i].range.start];
        }
        if i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].range.end..self.toks[i].range.start]
    }

    fn breaks_before(&self, i: usize, s: &Sentence) -> bool {
        i > s.tokens.start && self.gap_before(i, s).contains(BREAK_CHARS)
    }

    fn pos(&self, byte: usize) -> usize {
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

/// Finds the cues of a sentence.
fn cues(p: &Para, s: &Sentence) -> Vec<(usize, usize, Option<Cue>)> {
    let mut out = Vec::new();
    let toks = p.toks;
    for k in s.tokens.clone() {
        let t = &toks[k];
        if t.quote.is_some() {
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
        let Some(c) = lexicon::cue(t.lower) else {
            continue;
        };
        if t.cap && k != s.tokens.start {
            continue;
        }
        let mut end = k + 1;
        if c.lemma == "point" {
            if toks.get(k + 1).is_some_and(|n| n.lower == "out") && !c.base {
                end = k + 2;
            } else {
                continue;
            }
        }
        let prev = (k > s.tokens.start).then(|| &toks[k - 1]);
        if let Some(pv) = prev
            && pv.quote.is_none()
            && Class::PassiveAux.has(pv.lower)
            && !p.breaks_before(k, s)
        {
            continue;
        }
        if c.base {
            let Some(pv) = prev else { continue };
            let ok_prev = matches!(
                pv.lower,
                "they"
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
            ) || Class::GroupNoun.has(pv.lower)
                || (pv.lower.ends_with('s')
                    && !Class::NounMarker.has(pv.lower)
                    && !pv.lower.ends_with("ss"))
                || pv.cap;
            if !ok_prev
                || Class::NounMarker.has(pv.lower)
                || pv.quote.is_some()
                || p.breaks_before(k, s)
            {
                continue;
            }
        }
        // `his remarks`, `the claims`: nouns, not verbs
        if c.weak
            && !c.base
            && !c.participle
            && t.lower.ends_with('s')
            && prev.is_some_and(|pv| {
                Class::NounMarker.has(pv.lower)
                    || pv.lower.ends_with("'s")
                    || pv.lower.ends_with("’s")
            })
        {
            continue;
        }
        if c.participle {
            let after_comma = p.breaks_before(k, s);
            let that_next = toks.get(end).is_some_and(|n| n.lower == "that");
            if !(after_comma || that_next) {
                continue;
            }
        }
        out.push((k, end, Some(c)));
    }
    out
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
        if Class::ClauseBoundary.has(p.toks[prev].lower) && !p.toks[prev].cap {
            return (k, Boundary::Conj);
        }
        if c - prev > 14 {
            return (k, Boundary::TooFar);
        }
        k = prev;
    }
    (s.tokens.start, Boundary::Start)
}

/// Drops auxiliaries, adverbs and time adjuncts at the end of a subject (`Trump on
/// Monday`, `experts have`), and fillers at its start.
fn strip_subject(p: &Para, mut a: usize, mut b: usize) -> (usize, usize) {
    loop {
        if b <= a {
            break;
        }
        let t = &p.toks[b - 1];
        let weekday = Class::Weekday.has(t.lower);
        if (!t.cap && (lexicon::is_aux_or_adverb(t.lower) || Class::TimeWord.has(t.lower)))
            || weekday
        {
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
    while a < b && Class::LeadingFiller.has(p.toks[a].lower) && b - a > 1 {
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
    if Class::Preposition.has(first.lower) || Class::TimeWord.has(first.lower) && !first.cap {
        return None;
    }
    let mut j = from;
    while j < s.tokens.end && j - from < 12 {
        let t = &p.toks[j];
        if t.quote.is_some() || (j > from && p.breaks_before(j, s)) {
            break;
        }
        if Class::ClauseBoundary.has(t.lower)
            && !(t.lower == "and"
                && j > from
                && p.toks[j - 1].cap
                && p.toks.get(j + 1).is_some_and(|n| n.cap))
        {
            break;
        }
        if j > from && lexicon::cue(t.lower).is_some() {
            break;
        }
        if j > from && Class::AdjunctOpener.has(t.lower) && p.toks[j - 1].cap {
            break;
        }
        j += 1;
    }
    if j == from {
        return None;
    }
    // the phrase must end at a break: a comma, a quotation, the sentence end, or, after a
    // name, an adjunct (`said Mike Hawes on Monday`, `says Greenspan while visiting`)
    let mut end = j;
    let ends_ok = j >= s.tokens.end
        || p.toks[j].quote.is_some()
        || p.breaks_before(j, s)
        || p.toks[j - 1].cap && Class::AdjunctOpener.has(p.toks[j].lower);
    if !ends_ok {
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
    if !matches!(
        desc.kind,
        MentionKind::Description | MentionKind::UnnamedPerson
    ) {
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
        || t.lower.ends_with("’s")
        || t.lower.ends_with("'s")
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

/// The subject of a sentence: its longest leading noun phrase.
fn sentence_subject(p: &Para, s: &Sentence, from: usize) -> Option<(usize, usize, Mention)> {
    let mut start = from;
    // skip a short adverbial chunk ("In an interview Monday, …")
    for attempt in 0..2 {
        let hi = (start + 9).min(s.tokens.end);
        let mut j = hi;
        while j > start {
            let next_ok = j >= s.tokens.end || !p.toks[j].cap || p.breaks_before(j, s);
            if next_ok
                && !(start..j).any(|k| k > start && p.breaks_before(k, s))
                && let Some(m) = mention_of(p, start, j)
            {
                return Some((start, j, m));
            }
            j -= 1;
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

/// Skips an object after `told`/`urged` (`told The Post`, `told reporters`).
fn skip_object(p: &Para, s: &Sentence, mut j: usize) -> usize {
    let e = s.tokens.end;
    if j >= e || p.toks[j].quote.is_some() {
        return j;
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
        && !Class::ClauseStart.has(p.toks[k].lower)
        && !Class::Verbish.has(p.toks[k].lower)
        && !Class::Preposition.has(p.toks[k].lower)
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
    if matches!(t.lower, "the" | "his" | "her" | "their" | "its") {
        return (j + 2).min(e);
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
    j
}

/// Where the reported content after a cue starts: past `that`, an object, time words and
/// short adjuncts (`in a statement`). Returns the token index and whether `that` was seen.
fn content_start(p: &Para, s: &Sentence, from: usize, cue: Option<Cue>) -> (usize, bool) {
    let e = s.tokens.end;
    let mut j = from;
    // "that" within a few words, with nothing in between that breaks the clause
    for k in j..(j + 12).min(e) {
        let t = &p.toks[k];
        if t.quote.is_some() || (k > j && p.breaks_before(k, s)) {
            break;
        }
        if t.lower == "that" {
            return (k + 1, true);
        }
        if k > j
            && (lexicon::cue(t.lower).is_some()
                || Class::Verbish.has(t.lower)
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
    if cue.is_some_and(|c| c.object) {
        j = skip_object(p, s, j);
    }
    loop {
        if j >= e || p.toks[j].quote.is_some() {
            break;
        }
        let t = &p.toks[j];
        let weekday = Class::Weekday.has(t.lower);
        if (!t.cap && Class::TimeWord.has(t.lower) && t.lower != "this") || weekday {
            j += 1;
            continue;
        }
        if !t.cap
            && lexicon::is_aux_or_adverb(t.lower)
            && p.toks.get(j + 1).is_some_and(|_| p.breaks_before(j + 1, s))
        {
            j += 1;
            continue;
        }
        if Class::Preposition.has(t.lower) {
            // a short adjunct ending at a comma or at the clause's subject pronoun
            let mut found = None;
            for k in j + 1..(j + 7).min(e) {
                let tk = &p.toks[k];
                if tk.quote.is_some() {
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
        && !p.breaks_before(j + 1, s)
        && !Class::Preposition.has(n.lower)
        && !Class::ClauseBoundary.has(n.lower)
        && !n.lower.ends_with("ly")
        && !Class::PersonNoun.has(n.lower)
        && !Class::GroupNoun.has(n.lower)
    {
        return true;
    }
    (j + 1..(j + 6).min(e))
        .take_while(|&k| !p.breaks_before(k, s) && p.toks[k].quote.is_none())
        .any(|k| {
            let w = p.toks[k].lower;
            Class::Verbish.has(w) && w != "also" && w != "not"
                || !p.toks[k].cap && w.len() > 4 && w.ends_with("ed")
        })
}

/// Whether the tokens `j..end` are only an adjunct (`in an interview with The Post`).
fn is_adjunct_tail(p: &Para, s: &Sentence, j: usize) -> bool {
    let e = s.tokens.end;
    if j >= e {
        return true;
    }
    let t = &p.toks[j];
    let opener = Class::Preposition.has(t.lower)
        || Class::TimeWord.has(t.lower)
        || matches!(
            t.lower,
            "while" | "as" | "when" | "after" | "before" | "during"
        )
        || !t.cap && t.lower.len() > 4 && t.lower.ends_with("ly") && e - j <= 3;
    if !opener || e - j > 25 {
        return false;
    }
    (j..e).all(|k| {
        let w = p.toks[k].lower;
        p.toks[k].quote.is_none()
            && !Class::Verbish.has(w)
            && !matches!(w, "he" | "she" | "they" | "it" | "we" | "there")
            && lexicon::cue(w).is_none()
    })
}

/// Whether the words before an attribution are reported content (not just `In particular`).
fn substantive(p: &Para, s: &Sentence, left: usize) -> bool {
    let toks = &p.toks[s.tokens.start..left];
    if toks.iter().any(|t| t.quote.is_some()) {
        return true;
    }
    if toks.len() < 3 {
        return false;
    }
    let first = &toks[0].lower;
    if toks.len() <= 5
        && (Class::Preposition.has(first)
            || Class::TimeWord.has(first)
            || Class::LeadingFiller.has(first))
    {
        return false;
    }
    true
}

fn trim_content(text: &str, r: Range<usize>) -> Range<usize> {
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

/// Reads one sentence: its cues, their speakers and contents.
fn attribute_sentence(p: &Para, s: &Sentence, reg: &mut Registry) -> Vec<Attr> {
    let mut attrs: Vec<Attr> = Vec::new();
    let sentence_pos = p.pos(s.range.start);
    for (c, cend, cue) in cues(p, s) {
        let cue_text = CueText::from(&p.text[p.toks[c].range.start..p.toks[cend - 1].range.end]);
        let according = cue.is_none();
        let weak = cue.is_some_and(|c| c.weak);
        let mut mention: Option<(usize, usize, Mention)> = None;
        let mut role: Option<String> = None;
        let mut speaker_rule = "subject";
        let mut left = c;
        let mut right = cend;
        let mut inherited = false;
        let (boundary, seg_a, seg_b);
        if according {
            // according to X: X runs to the next break
            let mut j = cend;
            while j < s.tokens.end
                && j - cend < 12
                && p.toks[j].quote.is_none()
                && !(j > cend && p.breaks_before(j, s))
            {
                let w = p.toks[j].lower;
                if j > cend
                    && Class::ClauseBoundary.has(w)
                    && !(w == "and"
                        && p.toks[j - 1].cap
                        && p.toks.get(j + 1).is_some_and(|n| n.cap))
                {
                    break;
                }
                j += 1;
            }
            let (a, b) = strip_subject(p, cend, j);
            if let Some(m) = mention_of(p, a, b) {
                mention = Some((a, b, m));
                right = j;
                speaker_rule = "according-to";
                if let Some((ka, kb, name)) = named_apposition(p, s, a, b) {
                    // `according to the group's lawyer, Priya Anand`
                    role = Some(p.text[p.toks[a].range.start..p.toks[b - 1].range.end].into());
                    mention = Some((ka, kb, name));
                    right = kb;
                }
            }
            boundary = if c == s.tokens.start {
                Boundary::Start
            } else {
                Boundary::Comma
            };
            seg_a = c;
            seg_b = c;
        } else {
            let (a0, bd) = subject_start(p, s, c);
            let (a, b) = strip_subject(p, a0, c);
            boundary = bd;
            seg_a = a;
            seg_b = b;
            let participle = cue.is_some_and(|c| c.participle);
            if participle {
                inherited = true;
            } else if a == b
                && bd == Boundary::Conj
                && a0 >= 1
                && matches!(p.toks[a0 - 1].lower, "who" | "which")
                && let Some(k) = (a0.saturating_sub(6).max(s.tokens.start)..a0 - 1).find(|&k| {
                    mention_of(p, k, a0 - 1).is_some()
                        && (k == s.tokens.start
                            || p.breaks_before(k, s)
                            || Class::Preposition.has(p.toks[k - 1].lower)
                            || !p.toks[k - 1].cap && p.toks[k].cap)
                })
                && let Some(m) = mention_of(p, k, a0 - 1)
            {
                // `… by Bortis who noted that …`: the relative clause's antecedent
                mention = Some((k, a0 - 1, m));
                left = a0 - 1;
                speaker_rule = "relative-clause";
            } else if a < b {
                if let Some(m) = mention_of(p, a, b) {
                    left = a0;
                    // `the lanky, bespectacled professor said`: the determiner's chunk
                    if boundary == Boundary::Comma
                        && m.kind == MentionKind::Description
                        && let Some(k) = chunk_before(p, s, a0)
                        && a0 - k <= 3
                        && Class::Determiner.has(p.toks[k].lower)
                        && p.toks[k..a0].iter().all(|t| !t.cap || t.lower == "the")
                    {
                        left = k;
                    }
                    mention = Some((a, b, m));
                } else {
                    // a longer clause before the cue: its last noun phrase
                    for st in a + 1..b {
                        let t = &p.toks[st];
                        if (t.cap || Class::Determiner.has(t.lower))
                            && b - st <= 6
                            && let Some(m) = mention_of(p, st, b)
                            && !matches!(m.kind, MentionKind::Pronoun(_))
                        {
                            mention = Some((st, b, m));
                            left = st;
                            break;
                        }
                    }
                }
            } else if !cue.is_some_and(|c| c.object)
                && let Some((na, nb)) = inverted_np(p, s, cend)
                && let Some(m) = mention_of(p, na, nb).or_else(|| {
                    // `“…,” says the veteran trader`: right after a quotation, the noun phrase
                    // after the cue is its speaker, whatever their trade
                    (c > s.tokens.start && p.toks[c - 1].quote.is_some())
                        .then(|| parse_occupation(p.text, &p.toks[na..nb]))
                        .flatten()
                })
                && !matches!(m.kind, MentionKind::Pronoun(_))
            {
                mention = Some((na, nb, m));
                right = nb;
                speaker_rule = "inverted";
                if let Some((ka, kb, name)) = named_apposition(p, s, na, nb) {
                    // `said the board's chairwoman, Edna Marlowe`: the name is the speaker,
                    // the description before it the role
                    role = Some(p.text[p.toks[na].range.start..p.toks[nb - 1].range.end].into());
                    mention = Some((ka, kb, name));
                    right = kb;
                } else if nb < s.tokens.end
                    && p.toks[nb].quote.is_none()
                    && p.breaks_before(nb, s)
                    && p.gap_before(nb, s).contains(',')
                    && looks_appositive(p, nb)
                    && !matches!(p.toks[nb].lower, "who" | "which" | "whose")
                {
                    let mut k = nb + 1;
                    while k < s.tokens.end && !p.breaks_before(k, s) && p.toks[k].quote.is_none() {
                        k += 1;
                    }
                    if k - nb <= 12 && !(nb..k).any(|i| Class::Verbish.has(p.toks[i].lower)) {
                        role = Some(
                            p.text[p.toks[nb].range.start..p.toks[k - 1].range.end].to_string(),
                        );
                        right = k;
                    }
                }
            }
            if mention.is_none() && !inherited && a == b && boundary == Boundary::Comma {
                // NAME, APPOSITION, said  /  ROLE, NAME, said: the nearest chunk that is a
                // full name, else the nearest one that can name a speaker
                let mut end = c;
                let mut best: Option<(usize, usize, Mention)> = None;
                for _ in 0..5 {
                    let Some(k) = chunk_before(p, s, end) else {
                        break;
                    };
                    if !looks_appositive(p, k)
                        && let Some(m) = mention_of(p, k, end)
                        && !matches!(m.kind, MentionKind::Pronoun(_))
                    {
                        let full = m.kind == MentionKind::Name && m.full;
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
                if let Some((k, end, m)) = best {
                    if end != c {
                        let r = &p.text[p.toks[end].range.start..p.toks[c - 1].range.end];
                        if !r.starts_with("who") && !r.starts_with("which") {
                            role = Some(r.to_string());
                        }
                    } else if let Some(k0) = chunk_before(p, s, k)
                        && k0 == s.tokens.start
                        && k0 < k
                        && looks_appositive(p, k0)
                    {
                        role = Some(
                            p.text[p.toks[k0].range.start..p.toks[k - 1].range.end].to_string(),
                        );
                    }
                    left = k;
                    // `…, the group's organiser, NAME, said`: the description is the role, not
                    // part of the content before it
                    if role.is_none()
                        && end == c
                        && let Some(k0) = chunk_before(p, s, k)
                        && k0 > s.tokens.start
                        && k0 < k
                        && p.gap_before(k0, s).trim() == ","
                        && named_apposition(p, s, k0, k).is_some()
                    {
                        role = Some(
                            p.text[p.toks[k0].range.start..p.toks[k - 1].range.end].to_string(),
                        );
                        left = k0;
                    }
                    mention = Some((k, end, m));
                    speaker_rule = "apposition";
                }
            }
            if mention.is_none()
                && (a == b || boundary == Boundary::Conj)
                && matches!(boundary, Boundary::Conj | Boundary::Start | Boundary::Comma)
            {
                inherited = true;
            }
        }
        // `X said she …`: the pronoun opening the clause tells X's gender
        let hint = (right..(right + 5).min(s.tokens.end))
            .take_while(|&k| p.toks[k].quote.is_none() && (k == right || !p.breaks_before(k, s)))
            .find_map(|k| match p.toks[k].lower {
                "he" => Some(Gender::Male),
                "she" => Some(Gender::Female),
                _ => None,
            });
        let mut speaker = None;
        if role
            .as_deref()
            .is_some_and(|r| r.chars().all(|c| c.is_ascii_digit() || c.is_whitespace()))
        {
            role = None;
        }
        if let Some((ma, _, m)) = &mention {
            let at = p.pos(p.toks[*ma].range.start);
            speaker = reg.resolve(m, at, sentence_pos, hint);
            if let (Some(id), Some(r)) = (speaker, &role) {
                reg.set_role(id, r);
            }
        } else if inherited {
            speaker_rule = "inherited";
            if let Some(prev) = attrs.iter().rev().find(|x| x.speaker.is_some()) {
                speaker = prev.speaker;
            } else if let Some((sa, _, m)) = sentence_subject(p, s, s.tokens.start) {
                let at = p.pos(p.toks[sa].range.start);
                speaker = reg.resolve(&m, at, sentence_pos, hint);
            }
            left = if seg_a < seg_b { seg_a } else { c };
        }
        let Some(id) = speaker else { continue };

        // the content
        let (j, had_that) = content_start(p, s, right, cue);
        // `…, calling capital punishment “inhumane.”`: a participle without `that` goes on
        // with the claim before it
        if cue.is_some_and(|c| c.participle)
            && !had_that
            && let Some(prev) = attrs.last_mut()
            && prev.speaker == Some(id)
            && prev.layout == Layout::After
            && let Some(r) = prev.content.clone()
        {
            prev.content = Some(r.start..s.range.end);
            continue;
        }
        let starts_quote = j < s.tokens.end && p.toks[j].quote.is_some();
        let tail = j >= s.tokens.end || is_adjunct_tail(p, s, j);
        let participle = cue.is_some_and(|c| c.participle);
        let colon_quote = right < s.tokens.end
            && p.toks[right].quote.is_some()
            && p.gap_before(right, s).contains(':');
        let comma_after = !participle
            && !colon_quote
            && right < s.tokens.end
            && (p.breaks_before(right, s)
                || j > right && j < s.tokens.end && p.breaks_before(j, s) && !had_that);
        let before_sub = substantive(p, s, left) && boundary != Boundary::Conj;
        let first_after = p.toks.get(j).map(|t| t.lower).unwrap_or("");
        let before_subordinate = p
            .toks
            .get(s.tokens.start)
            .is_some_and(|t| t.quote.is_none() && Class::Subordinator.has(t.lower));
        let mut layout;
        let content_rule;
        if tail {
            if before_sub && !participle {
                layout = Layout::Before;
                content_rule = "content-before";
            } else {
                layout = Layout::None;
                content_rule = "no-content";
            }
        } else if comma_after {
            if left > s.tokens.start
                && (Class::Verbish.has(first_after) || before_subordinate && before_sub)
                && !starts_quote
            {
                layout = Layout::Whole;
                content_rule = "parenthetical";
            } else if before_sub {
                layout = Layout::Before;
                content_rule = "content-before";
            } else {
                layout = Layout::After;
                content_rule = "content-after";
            }
        } else if before_sub
            && boundary == Boundary::Comma
            && Class::Verbish.has(first_after)
            && !according
        {
            layout = Layout::Whole;
            content_rule = "parenthetical";
        } else {
            layout = Layout::After;
            content_rule = if had_that {
                "content-after-that"
            } else {
                "content-after"
            };
        }
        if according && layout == Layout::After && before_sub {
            // `…, according to X.` / `… according to X and …`: the words before it
            layout = Layout::Before;
        }
        // `said Greenspan while visiting …`: words after an inverted name are not reported
        if speaker_rule == "inverted"
            && layout == Layout::After
            && !had_that
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
            && !had_that
            && !starts_quote
            && !colon_quote
            && p.toks[s.tokens.start..left]
                .iter()
                .any(|t| t.quote.is_some())
            && !looks_like_clause(p, s, j)
        {
            layout = Layout::Before;
        }
        // `told reporters the building …`: an object, then a clause
        let object_cue = cue.is_some_and(|c| c.object)
            && !(j > right
                && j < s.tokens.end
                && !Class::Preposition.has(p.toks[j].lower)
                && p.toks[j].lower != "to");
        if layout == Layout::After
            && (weak || object_cue || cue.is_some_and(|c| c.participle && c.weak))
        {
            let clause = had_that
                || starts_quote
                || looks_like_clause(p, s, j)
                || p.gap_before(j.min(p.toks.len().saturating_sub(1)), s)
                    .contains(':');
            let call = cue.is_some_and(|c| matches!(c.lemma, "call" | "describe"));
            // `asked how …`, `asked him to …`: questions and requests, not claims
            if cue.is_some_and(|c| c.lemma == "ask") && !starts_quote {
                continue;
            }
            let quote_soon = (j..(j + 8).min(s.tokens.end)).any(|k| p.toks[k].quote.is_some());
            if call {
                if !(quote_soon
                    || matches!(
                        first_after,
                        "it" | "him" | "her" | "them" | "himself" | "herself" | "themselves"
                    ))
                {
                    continue;
                }
            } else if !clause {
                // `“…,” she recalled of that day`: the quotation before is the claim
                let quote_before = p.toks[s.tokens.start..left]
                    .iter()
                    .any(|t| t.quote.is_some());
                if before_sub
                    && quote_before
                    && matches!(boundary, Boundary::Comma | Boundary::QuoteClose)
                {
                    layout = Layout::Before;
                } else {
                    continue;
                }
            }
        }
        if layout == Layout::After
            && weak
            && !starts_quote
            && (j..s.tokens.end)
                .filter(|&k| p.toks[k].quote.is_none())
                .count()
                < 3
            && !(j..s.tokens.end).any(|k| p.toks[k].quote.is_some())
        {
            continue;
        }
        let content = match layout {
            Layout::After => {
                if j >= s.tokens.end {
                    None
                } else {
                    Some(p.tok_start(j)..s.range.end)
                }
            }
            Layout::Before => {
                if left > s.tokens.start {
                    Some(s.range.start..p.tok_end(left - 1))
                } else {
                    None
                }
            }
            Layout::Whole => Some(s.range.clone()),
            Layout::None => None,
        };
        if layout == Layout::Before {
            // a trailing attribution takes over the cues inside its content
            attrs.retain(|x| x.cue_tok >= left);
        }
        if let Some(mn) = &mention
            && lexicon::pronoun(p.toks[mn.0].lower).is_none()
        {
            let _ = mn;
        }
        attrs.push(Attr {
            cue_tok: c,
            cue_text,
            speaker: Some(id),
            left,
            layout,
            content,
            speaker_rule,
            content_rule,
        });
    }
    // an After content stops where the next attribution in the sentence begins
    for i in 0..attrs.len() {
        if attrs[i].layout != Layout::After {
            continue;
        }
        if let Some(next) = attrs.get(i + 1)
            && let Some(r) = attrs[i].content.clone()
        {
            let mut l = next.left;
            if l > 0 && Class::ClauseBoundary.has(p.toks[l - 1].lower) {
                l -= 1;
            }
            if l > 0 && l > next.cue_tok.saturating_sub(20) {
                let end = p.tok_end(l.saturating_sub(1)).max(r.start);
                if end > r.start && end < r.end && p.toks[l].range.start > r.start {
                    attrs[i].content = Some(r.start..end);
                }
            }
        }
    }
    attrs
}

/// Runs the analysis over the given blocks.
pub(crate) fn run(doc: &Document, blocks: &[usize], paragraph_of: &[Option<u32>]) -> Analysis {
    let mut reg = Registry::default();
    let mut carry: Option<(usize, Option<CueText>, usize)> = None;
    // A first pass counts the quotations (scanned again per paragraph below, so no list of
    // every quotation is kept) and the words that may be cues
    let (mut singles, mut all, mut cue_words) = (0, 0, 0);
    for &bi in blocks {
        let text = &doc.blocks[bi].text;
        for q in quotes::scan(text) {
            singles += usize::from(q.single);
            all += 1;
        }
        cue_words += count_cue_words(text);
    }
    // British style: single quotation marks outnumber double ones
    let single_style = singles * 2 > all;
    // Built in reading order with registry ids as speakers; `finish` renumbers them. Every
    // quotation gives one quote, and at most one direct claim; every cue at most one other
    // claim. Reserving that bound up front (the pages never written cost no memory, and the
    // slack is given back below) spares a long article the copy a growing vector makes,
    // when the old and the new buffer are both resident.
    let mut out_quotes: Vec<Quote> = Vec::with_capacity(all);
    let mut out_claims: Vec<Claim> = Vec::with_capacity(all + cue_words);
    for &bi in blocks {
        let block = &doc.blocks[bi];
        let qs = quotes::scan(&block.text);
        let text = block.text.as_str();
        let lower = text.to_ascii_lowercase();
        let toks = tokens::tokenize(text, &lower, &qs);
        let sents = tokens::sentences(text, &toks, &qs);
        let p = Para {
            text,
            toks: &toks,
            quotes: &qs,
            base: block.range.start,
        };
        let mut q_speaker: Vec<Option<Credit>> = vec![None; qs.len()];
        let mut q_claimed = vec![false; qs.len()];
        let mut para_claims: Vec<RawClaim> = Vec::new();
        // per sentence: the attributed speaker (for quotes without a cue)
        let mut sent_speaker: Vec<Option<(usize, Option<CueText>)>> = vec![None; sents.len()];
        // quotations are sorted and disjoint: each sentence owns a contiguous run of them
        let sent_quotes: Vec<Range<usize>> = sents
            .iter()
            .map(|s| {
                let a = qs.partition_point(|q| q.outer.start < s.range.start);
                let b = qs.partition_point(|q| q.outer.start < s.range.end.max(s.range.start + 1));
                a..b.max(a)
            })
            .collect();
        for (si, s) in sents.iter().enumerate() {
            reg.note_names(text, &toks[s.tokens.clone()], p.base);
            let attrs = attribute_sentence(&p, s, &mut reg);
            for a in &attrs {
                let Some(id) = a.speaker else { continue };
                reg.spoke(id, p.pos(p.toks[a.cue_tok].range.start));
                if sent_speaker[si].is_none() {
                    sent_speaker[si] = Some((id, Some(a.cue_text.clone())));
                }
                let Some(r) = a.content.clone() else { continue };
                let r = trim_content(text, r);
                if r.is_empty() {
                    continue;
                }
                let inside: Vec<usize> = sent_quotes[si]
                    .clone()
                    .filter(|&qi| qs[qi].outer.start >= r.start && qs[qi].outer.end <= r.end + 3)
                    .collect();
                let words_outside = toks[s.tokens.clone()]
                    .iter()
                    .any(|t| t.quote.is_none() && t.range.start >= r.start && t.range.end <= r.end);
                let rule: &'static str = rule_name(a.speaker_rule, a.content_rule);
                for &qi in &inside {
                    if q_speaker[qi].is_none() {
                        q_speaker[qi] = Some((id, Some(a.cue_text.clone()), rule));
                    }
                }
                if !inside.is_empty() && !words_outside {
                    for &qi in &inside {
                        if !q_claimed[qi] {
                            q_claimed[qi] = true;
                            para_claims.push(RawClaim {
                                range: qs[qi].outer.clone(),
                                kind: ClaimKind::Direct,
                                speaker: Some(id),
                                cue: Some(a.cue_text.clone()),
                                rule,
                            });
                        }
                    }
                } else {
                    for &qi in &inside {
                        q_claimed[qi] = true;
                    }
                    para_claims.push(RawClaim {
                        range: r,
                        kind: if inside.is_empty() {
                            ClaimKind::Indirect
                        } else {
                            ClaimKind::Mixed
                        },
                        speaker: Some(id),
                        cue: Some(a.cue_text.clone()),
                        rule,
                    });
                }
            }
            // other quotations of an attributed sentence: the nearest attribution's speaker
            if !attrs.is_empty() {
                for qi in sent_quotes[si].clone() {
                    if q_speaker[qi].is_some() {
                        continue;
                    }
                    let qpos = qs[qi].outer.start;
                    let near = attrs
                        .iter()
                        .filter(|a| a.speaker.is_some())
                        .min_by_key(|a| p.toks[a.cue_tok].range.start.abs_diff(qpos));
                    if let Some(a) = near {
                        q_speaker[qi] = a.speaker.map(|id| {
                            (id, Some(a.cue_text.clone()), "quote-in-attributed-sentence")
                        });
                    }
                }
            }
        }
        // quotations in sentences without a cue: continue the paragraph's speaker; the
        // first quotation-bearing sentence after it lends its speaker to earlier ones
        let mut next_quote_speaker: Vec<Option<(usize, Option<CueText>)>> = vec![None; sents.len()];
        let mut upcoming = None;
        for si in (0..sents.len()).rev() {
            next_quote_speaker[si] = upcoming.clone();
            if !sent_quotes[si].is_empty() && sent_speaker[si].is_some() {
                upcoming = sent_speaker[si].clone();
            }
        }
        let mut prev: Option<(usize, Option<CueText>)> = None;
        for (si, s) in sents.iter().enumerate() {
            let words_outside = toks[s.tokens.clone()]
                .iter()
                .filter(|t| t.quote.is_none())
                .count();
            for qi in sent_quotes[si].clone() {
                if q_speaker[qi].is_some() {
                    continue;
                }
                // single-quoted spans are titles and scare quotes unless a cue credits them
                // or the article quotes with single marks
                if qs[qi].single && !single_style {
                    continue;
                }
                // a quotation that makes (most of) its sentence, not a scare quote
                let sentence_level = words_outside <= 3 || qs[qi].outer.start <= s.range.start;
                let found = if let Some(x) = prev.clone() {
                    Some((x, "continues-paragraph-speaker"))
                } else if !sentence_level {
                    None
                } else if let Some(c) = carry.clone() {
                    Some(((c.0, c.1), "continues-previous-paragraph"))
                } else {
                    next_quote_speaker[si]
                        .clone()
                        .map(|x| (x, "speaker-of-next-quote"))
                };
                if let Some(((id, cue), rule)) = found {
                    q_speaker[qi] = Some((id, cue, rule));
                    sent_speaker[si].get_or_insert((id, None));
                }
            }
            if let Some(x) = sent_speaker[si].clone() {
                prev = Some(x);
            }
        }
        for qi in 0..qs.len() {
            if let Some((id, cue, rule)) = q_speaker[qi].clone() {
                reg.spoke(id, p.pos(qs[qi].outer.start));
                if !q_claimed[qi] {
                    para_claims.push(RawClaim {
                        range: qs[qi].outer.clone(),
                        kind: ClaimKind::Direct,
                        speaker: Some(id),
                        cue: cue.clone(),
                        rule,
                    });
                }
            }
            let span = &qs[qi];
            let src = block.map.range_to_source(span.outer.clone());
            out_quotes.push(Quote {
                start: src.start,
                end: src.end,
                paragraph: paragraph_of[bi],
                speaker: q_speaker[qi].as_ref().map(|x| x.0),
                cue: q_speaker[qi].as_ref().and_then(|x| x.1.clone()),
                block: bi,
                text_range: span.outer.clone(),
                inner_range: narrow(span.inner.start)..narrow(span.inner.end),
                rule: q_speaker[qi].as_ref().map_or("unattributed", |x| x.2),
            });
        }
        para_claims.sort_by_key(|c| (c.range.start, c.range.end));
        // the speaker of the paragraph's last attribution carries over to quotations in the
        // next paragraphs, for a while
        let last = para_claims
            .iter()
            .rev()
            .find_map(|c| c.speaker.map(|id| (id, c.cue.clone())));
        carry = match last {
            Some((id, cue)) => Some((id, cue, 0)),
            None => carry
                .and_then(|(id, cue, age)| (age < CARRY_PARAGRAPHS).then_some((id, cue, age + 1))),
        };
        out_claims.extend(para_claims.into_iter().map(|c| {
            let src = block.map.range_to_source(c.range.clone());
            Claim {
                kind: c.kind,
                speaker: c.speaker,
                cue: c.cue,
                start: src.start,
                end: src.end,
                paragraph: paragraph_of[bi],
                block: bi,
                text_range: c.range,
                rule: c.rule,
            }
        }));
    }
    out_claims.shrink_to_fit();
    out_quotes.shrink_to_fit();
    finish(&reg, out_claims, out_quotes)
}

/// A clean-text offset as kept in a [`Quote`] (inputs are capped far below 4 GiB).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// How many maximal runs of ASCII letters in `text` are cue words or `according`: at least
/// as many as the cue tokens, which are such runs.
fn count_cue_words(text: &str) -> usize {
    let b = text.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            i += 1;
        }
        let len = i - start;
        if (3..=12).contains(&len) {
            let mut buf = [0u8; 12];
            buf[..len].copy_from_slice(&b[start..i]);
            buf.make_ascii_lowercase();
            let w = std::str::from_utf8(&buf[..len]).unwrap_or("");
            if w == "according" || lexicon::cue(w).is_some() {
                n += 1;
            }
        }
    }
    n
}

fn rule_name(speaker: &'static str, content: &'static str) -> &'static str {
    match (speaker, content) {
        ("subject", "content-after-that") => "subject + cue + that-clause",
        ("subject", "content-after") => "subject + cue + content",
        ("subject", "content-before") => "content, + subject + cue",
        ("subject", "parenthetical") => "parenthetical: …, subject + cue, …",
        ("inverted", "content-before") => "content, + cue + speaker (inverted)",
        ("inverted", _) => "cue + speaker (inverted) + content",
        ("apposition", "content-before") => "content, + name, apposition, + cue",
        ("apposition", _) => "name, apposition, + cue + content",
        ("according-to", _) => "according to + source",
        ("inherited", _) => "participle/coordinated cue inherits the speaker",
        (_, "parenthetical") => "parenthetical attribution",
        _ => "attribution",
    }
}

/// Renumbers the speakers in order of first attribution (by block, then offset in the
/// block, then registry id, over claims and quotes alike), and counts claims and quotations.
fn finish(reg: &Registry, mut claims: Vec<Claim>, mut quotes: Vec<Quote>) -> Analysis {
    // each entity's first attribution, then entities sorted by it
    let mut first: Vec<Option<(usize, usize)>> = vec![None; reg.entities.len()];
    let items = claims
        .iter()
        .map(|c| (c.speaker, c.block, c.text_range.start))
        .chain(
            quotes
                .iter()
                .map(|q| (q.speaker, q.block, q.text_range.start)),
        );
    for (speaker, block, at) in items {
        if let Some(id) = speaker {
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
    let mut map: Vec<Option<usize>> = vec![None; reg.entities.len()];
    let mut speakers = Vec::with_capacity(order.len());
    for (_, _, id) in order {
        map[id] = Some(speakers.len());
        speakers.push(reg.out(id, speakers.len()));
    }
    let mut sourcing = Sourcing::default();
    for c in &mut claims {
        let speaker = c.speaker.and_then(|id| map[id]);
        c.speaker = speaker;
        if let Some(s) = speaker {
            speakers[s].claims += 1;
        }
        match speaker.map(|s| {
            (
                &speakers[s].kind,
                speakers[s].name.contains(char::is_uppercase)
                    || speakers[s].name.split_whitespace().count() == 1,
            )
        }) {
            None => sourcing.unattributed += 1,
            Some((SpeakerKind::Person, true)) => sourcing.named_person += 1,
            Some((SpeakerKind::Person, false)) => sourcing.unnamed_person += 1,
            Some((SpeakerKind::Organization, _)) => sourcing.organization += 1,
            Some((SpeakerKind::Group, _)) => sourcing.group += 1,
            Some((SpeakerKind::Anonymous, _)) => sourcing.anonymous += 1,
            Some((SpeakerKind::Document, _)) => sourcing.document += 1,
        }
    }
    for q in &mut quotes {
        let speaker = q.speaker.and_then(|id| map[id]);
        q.speaker = speaker;
        if let Some(s) = speaker {
            speakers[s].quotes += 1;
        }
    }
    Analysis {
        speakers,
        quotes,
        claims,
        sourcing,
    }
}
