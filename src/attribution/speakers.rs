//! Speakers: reading a noun phrase as a speaker mention, and the registry that merges
//! mentions into speakers.
//!
//! [`parse_mention`] reads a few words (`Derek S. Maltz`, `Rep. Mills`, `he`, `people
//! familiar with the matter`, `the Pentagon`, `draft language reviewed by The Post`) as a
//! [`Mention`]. [`Registry`] turns mentions into speaker entities: a full name, its surname
//! and title + surname are one speaker with aliases; a pronoun resolves to the most recent
//! compatible speaker (or to a person named earlier in the same sentence); `these people`
//! continues the last anonymous group; a definite description after an inverted cue (`says
//! the 39-year-old founder`) resolves to the most recent person.

use super::lexicon::{self, Class, Pronoun};
use super::tokens::{self, Token};
use super::{SpeakerKind, SpeakerOut};
use rustc_hash::FxHashMap;
use smallvec::SmallVec;
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Gender known for a person, from a title or a resolved pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he / Mr.
    Male,
    /// she / Ms. / Mrs.
    Female,
}

/// What a mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MentionKind {
    /// A personal pronoun.
    Pronoun(Pronoun),
    /// A definite description of a person (`the 39-year-old founder`).
    Description,
    /// A person's name (possibly surname only).
    Name,
    /// An unnamed person (`a spokesperson for X`, `another player`).
    UnnamedPerson,
    /// An organisation.
    Organization,
    /// A group of people.
    Group,
    /// An anonymous source.
    Anonymous,
    /// A document.
    Document,
}

/// A speaker mention read from the text.
#[derive(Debug, Clone)]
pub struct Mention {
    /// What it is.
    pub kind: MentionKind,
    /// Name to show (`Derek S. Maltz`, `people familiar with the matter`).
    pub name: String,
    /// Title or descriptor before the name (`Rep.`, `Conservative Leader`).
    pub title: Option<String>,
    /// Gender implied by a title.
    pub gender: Option<Gender>,
    /// Whether the name has at least two name words (first name + surname).
    pub full: bool,
}

fn joined(text: &str, toks: &[Token]) -> String {
    span(text, toks).to_string()
}

/// The text from the first token's start to the last one's end (empty without tokens),
/// borrowed: [`joined`] without the copy, for a phrase that may not become a name.
fn span<'t>(text: &'t str, toks: &[Token]) -> &'t str {
    match (toks.first(), toks.last()) {
        (Some(a), Some(b)) => &text[a.range.start..b.range.end],
        _ => "",
    }
}

fn is_name_token(t: &Token) -> bool {
    t.cap && !t.is(Class::CapitalizedFunctionWord)
}

fn is_acronym(t: &Token, text: &str) -> bool {
    let w = &text[t.range.clone()];
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        && !w.contains('.')
}

/// Past-participle adjectives that do appear in speakers' noun phrases.
fn is_adjective_ed(w: &str) -> bool {
    // a hyphenated compound is an adjective, not a verb: `bow-tied`, `long-haired`
    w.contains('-') && !w.ends_with('-') && !w.starts_with('-') || Class::AdjectiveEd.has(w)
}

/// `w.trim_end_matches("’s").trim_end_matches("'s")` without building a substring searcher
/// for each pattern (it runs for every word of a name).
fn trim_possessives(mut w: &str) -> &str {
    while let Some(s) = w.strip_suffix("’s") {
        w = s;
    }
    while let Some(s) = w.strip_suffix("'s") {
        w = s;
    }
    w
}

/// Whether a word, its possessive cut (`Council’s`), is an organisation's noun: from the
/// token's own lexicon bits when it has no possessive.
fn is_org_word(t: &Token) -> bool {
    classes_of(t, trim_possessives(t.lower)) & Class::OrgNoun.bit() != 0
}

/// The classes of `w`, a word cut from the end of token `t` (`Council` of `Council’s`): the
/// token's own lexicon bits when nothing was cut, else a look-up of the shorter word.
fn classes_of(t: &Token, w: &str) -> u64 {
    if w.len() == t.lower.len() {
        t.classes()
    } else {
        lexicon::classes(w)
    }
}

/// Whether a word ends with a contracted verb (`they'd`, `we’ve`, `don't`, `I’m`): a
/// clause, no noun phrase.
fn ends_contracted(w: &str) -> bool {
    // (every ending has its apostrophe, `'` or the last byte of `’`, two or three bytes
    // from the word's end: most words are ruled out by two loads)
    let b = w.as_bytes();
    let apostrophe = |k: usize| b.len() >= k && matches!(b[b.len() - k], b'\'' | 0x99);
    (apostrophe(2) || apostrophe(3))
        && [
            "'d", "’d", "'ve", "’ve", "'re", "’re", "'ll", "’ll", "n't", "n’t", "'m", "’m",
        ]
        .iter()
        .any(|c| w.ends_with(c))
}

/// Reads tokens as a speaker mention, or `None` when they cannot name a speaker.
pub fn parse_mention(text: &str, toks: &[Token]) -> Option<Mention> {
    let mut toks = toks;
    while let Some(first) = toks.first() {
        if first.is(Class::LeadingFiller) && toks.len() > 1 {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    if toks.is_empty() || toks.len() > 12 {
        return None;
    }
    // `Ruiz’s claim that …`: a name in the possessive before a cue used as a noun is its
    // speaker
    if let Some(owner) = without_possessive(toks) {
        return parse_mention(text, &owner);
    }
    if toks.iter().any(|t| t.quote.is_some()) {
        return None;
    }
    if let Some(m) = partitive_source(text, toks).or_else(|| proportion(text, toks)) {
        return Some(m);
    }
    if toks.len() == 1
        && let Some(p) = lexicon::pronoun(toks[0].lower)
    {
        return Some(Mention {
            kind: MentionKind::Pronoun(p),
            name: toks[0].lower.to_string(),
            title: None,
            gender: None,
            full: false,
        });
    }
    if toks.iter().all(|t| {
        t.is(Class::TimeWord) || t.lower == "on" || t.lower.chars().all(|c| c.is_ascii_digit())
    }) {
        return None;
    }
    if let Some(m) = document_author(text, toks) {
        return m;
    }
    let head_end = head_end(toks);
    let pre = &toks[..head_end];
    if toks.iter().enumerate().any(|(i, t)| {
        t.is(Class::NpBreaker) && !t.cap && !relation_to(toks, head_end, i)
            || ends_contracted(t.lower)
    }) || pre.iter().enumerate().any(|(i, t)| {
        // (a head that is a document's noun too is no verb: `the report`, `a tweet`)
        let noun_head = i + 1 == pre.len() && t.is(Class::DocumentNoun);
        // (nor a word right after a determiner in a lowercase phrase: `the state water
        // board`; `the state Department of …` keeps the name alone)
        let after_det = i > 0
            && pre[i - 1].is(Class::Determiner)
            && pre.iter().all(|t| !t.cap || t.is(Class::Determiner));
        i > 0 && t.cue().is_some() && !t.cap && !noun_head && !after_det
            || i > 0 && !t.cap && t.lower.ends_with("ed") && !is_adjective_ed(t.lower)
    }) {
        return None;
    }
    // `the end the spokeswoman`, `After the meeting the coach`: two noun phrases side by
    // side are not one speaker (the caller tries the last one alone)
    if pre.windows(2).any(|w| {
        !w[1].cap
            && matches!(w[1].lower, "the" | "a" | "an")
            && !w[0].is(Class::Preposition)
            && !matches!(w[0].lower, "of" | "and" | "or" | "&")
    }) {
        return None;
    }
    // `Late`, `Still`: a sentence-initial time word or listed adverb alone names no one;
    // a capitalised word merely ending in -ly is a surname (`Tully said`, `Daly said`)
    if let [t] = pre
        && (t.is(Class::TimeWord) || t.is(Class::AuxOrAdverb))
    {
        return None;
    }
    pre.last()?;
    let name_all = span(text, toks);
    let lowercase_mods = pre[..pre.len() - 1]
        .iter()
        .filter(|t| !t.cap && !t.is(Class::Determiner))
        .count();
    if lowercase_mods > 4 {
        return None;
    }
    if let Some(m) = coordinated(text, pre) {
        return Some(m);
    }
    classify_head(text, toks, pre, head_end, name_all)
}

/// Where the head of the noun phrase `toks` ends: the index of the first post-modifier
/// word (`of`, `for`, `who`, a participle after a group's noun), or the phrase's length.
fn head_end(toks: &[Token]) -> usize {
    let mut head_end = toks.len();
    for (i, t) in toks.iter().enumerate().skip(1) {
        // `People living near the quarry`: a participle after a group's noun opens its
        // post-modifier
        if !t.cap
            && t.lower.ends_with("ing")
            && toks[i - 1].is(Class::GroupNoun)
            && i + 1 < toks.len()
        {
            head_end = i;
            break;
        }
        if t.is(Class::PostmodifierStart) && !(t.cap && i > 0) {
            // "Some of those officials": a quantifier's head is after "of"
            if t.lower == "of" && i == 1 && toks[0].is(Class::Quantifier) {
                continue;
            }
            // "Society of Motor Manufacturers": "of" inside a capitalised name
            // (but `Anna Berg of Lake Bank`: a first name and a surname before `of` are a
            // person's, the name after it where they work)
            if t.lower == "of"
                && toks[i - 1].cap
                && toks.get(i + 1).is_some_and(|n| n.cap)
                && !(i >= 2
                    && toks[i - 2].cap
                    && toks[i - 2].classes()
                        & (Class::FirstNameFemale.bit()
                            | Class::FirstNameMale.bit()
                            | Class::FirstNameEither.bit())
                        != 0)
            {
                continue;
            }
            head_end = i;
            break;
        }
    }
    head_end
}

/// `a source close to the mayor`, `an adviser to the minister`: whether the `to` at `i` ties
/// a source to the person or body they are close to or work for (so the phrase is one
/// speaker, never the mayor), not an infinitive: it follows `close`, or a head that names
/// people (`aide`, `sources`, `officials`) right before it.
fn relation_to(toks: &[Token], head_end: usize, i: usize) -> bool {
    let head =
        |t: &Token| t.is(Class::PersonNoun) || t.is(Class::AnonymousHead) || t.is(Class::GroupNoun);
    toks[i].lower == "to"
        && i > 0
        && i + 1 < toks.len()
        && (toks[i - 1].lower == "close" || i == head_end && head(&toks[i - 1]))
}

/// `Greta Olsen and Paul Hwang`, `the mayor and the fire chief`: two people joined by `and`
/// speak together, as one plural speaker named by the whole phrase (so the reader shows
/// both, and the sourcing summary counts them as named when the phrase ends in a name); an
/// organisation's name with `and` in it (`Fisheries and Oceans Department`) stays one.
fn coordinated(text: &str, pre: &[Token]) -> Option<Mention> {
    let k = pre.iter().position(|t| t.lower == "and" && !t.cap)?;
    let (left, right) = (&pre[..k], &pre[k + 1..]);
    let person_like = |side: &[Token]| {
        side.last().is_some_and(|h| {
            h.cap && is_name_token(h) && !h.is(Class::OrgNoun) || h.is(Class::PersonNoun)
        })
    };
    let opens = |side: &[Token]| {
        side.first()
            .is_some_and(|t| t.cap || matches!(t.lower, "the" | "a" | "an"))
    };
    if !(opens(left) && opens(right) && person_like(left) && person_like(right))
        || pre.iter().any(|t| t.cap && is_org_word(t))
    {
        return None;
    }
    Some(simple(
        MentionKind::UnnamedPerson,
        strip_det(span(text, pre)),
    ))
}

/// The kind of speaker a noun phrase names, read from its head word `pre.last()`: an
/// anonymous source, a name, a group, a person by role, a document or an organisation.
/// The classes `hc` of head word `h`, with a group's noun added when `h` is the plural of a
/// person's noun that no list holds in the plural (`several councillors`, `Councillors`).
fn with_plural_person(hc: u64, h: &str) -> u64 {
    if hc & (Class::GroupNoun.bit() | Class::PersonNoun.bit()) == 0
        && let Some(stem) = h.strip_suffix('s')
        && !stem.ends_with('s')
        && Class::PersonNoun.has(stem)
    {
        hc | Class::GroupNoun.bit()
    } else {
        hc
    }
}

fn classify_head(
    text: &str,
    toks: &[Token],
    pre: &[Token],
    head_end: usize,
    name_all: &str,
) -> Option<Mention> {
    let head = pre.last()?;
    let det = pre.first().map(|t| t.lower).unwrap_or("");
    // the possessive of a singular or a plural noun (`the agency's`, `economists'`)
    let h = trim_possessives(head.lower);
    let h = h
        .strip_suffix(['’', '\''])
        .filter(|h| h.ends_with('s'))
        .unwrap_or(h);

    // the head's classes, looked up once for the questions below
    let hc = with_plural_person(classes_of(head, h), h);
    let head_is = |c: Class| hc & c.bit() != 0;
    if let Some(m) = anonymous_source(toks, pre, det, h, name_all) {
        return Some(m);
    }
    // `Some in the fishing community`, `Many of the vendors`: a plural quantifier with the
    // group it picks from
    if let [_] = pre
        && matches!(h, "some" | "many" | "most" | "several" | "few")
        && (toks.len() == 1
            || toks.len() > head_end + 1
                && matches!(toks[head_end].lower, "in" | "of" | "among" | "at"))
    {
        return Some(simple(MentionKind::Group, name_all.to_string()));
    }
    // `Officials said`, `Residents say`, `Records show`: a sentence-initial capital on a
    // common noun
    let common = pre.len() == 1
        && (head_is(Class::GroupNoun)
            || head_is(Class::PersonNoun)
            || head_is(Class::OrgNoun)
            || head_is(Class::DocumentNoun));
    if head.cap && !common && !head.is(Class::CapitalizedFunctionWord) {
        return parse_name(text, toks, pre);
    }
    // `Anna Still`, `Thomas More`: a capitalised small word after a first name is a surname
    if head.cap
        && head.is(Class::CapitalizedFunctionWord)
        && pre.len() >= 2
        && is_name_token(&pre[pre.len() - 2])
        && !pre[pre.len() - 2].is(Class::Title)
    {
        let mut m = parse_name(text, toks, &pre[..pre.len() - 1])?;
        if m.kind == MentionKind::Name {
            m.name = joined(
                text,
                &pre[pre.len() - 1 - m.name.split_whitespace().count()..],
            );
            m.full = true;
            return Some(m);
        }
    }
    if head_is(Class::GroupNoun) {
        let org = pre.iter().any(|t| t.cap && is_acronym(t, text));
        let kind = if org {
            MentionKind::Organization
        } else {
            MentionKind::Group
        };
        return Some(simple(kind, name_all.to_string()));
    }
    let aged = det == "the" && pre.iter().any(|t| t.lower.ends_with("-year-old"));
    if head_is(Class::PersonNoun) || aged && !head.cap {
        let has_cap = pre.iter().any(|t| t.cap && t.lower != det);
        // `a spokeswoman for the Harbour Authority` → the Harbour Authority's spokeswoman
        if matches!(det, "a" | "an" | "one") && pre.len() == 2 && head_end + 1 < toks.len() {
            let rest = &toks[head_end + 1..];
            let rest = match rest {
                [the, tail @ ..] if the.lower == "the" => tail,
                _ => rest,
            };
            if toks[head_end].lower == "for" && !rest.is_empty() && rest.iter().all(|t| t.cap) {
                let name = format!("{} {}", joined(text, rest), head.lower);
                return Some(simple(MentionKind::UnnamedPerson, name));
            }
        }
        // `the city's environment officer`: a possessive makes it someone new
        if pre.iter().any(|t| t.is_possessive()) {
            return Some(simple(MentionKind::UnnamedPerson, name_all.to_string()));
        }
        // a bare singular noun lost its determiner to a comma (`the lanky, tall coach`)
        let bare = !Class::Determiner.has(det) && !has_cap && !det.ends_with("’s");
        if (matches!(det, "the" | "this" | "that") || bare) && toks.len() == head_end {
            return Some(simple(MentionKind::Description, name_all.to_string()));
        }
        if det == "the" && !has_cap {
            return Some(simple(MentionKind::Description, name_all.to_string()));
        }
        return Some(simple(MentionKind::UnnamedPerson, name_all.to_string()));
    }
    if head_is(Class::DocumentNoun) {
        return Some(simple(MentionKind::Document, strip_det(span(text, pre))));
    }
    if head_is(Class::OrgNoun) {
        return Some(simple(MentionKind::Organization, strip_det(name_all)));
    }
    None
}

/// `people familiar with the matter`, `a source`, `officials who spoke on condition of
/// anonymity`: an anonymous source, when the head and its modifiers say so.
/// `one of them`, `one of the engineers`, `two of the officials`: a part of a group, not
/// named, is an anonymous source.
fn partitive_source(text: &str, toks: &[Token]) -> Option<Mention> {
    let [n, of, rest @ ..] = toks else {
        return None;
    };
    let counted = matches!(n.lower, "one" | "two" | "three" | "another");
    let group = match rest {
        [t] => matches!(t.lower, "them" | "those" | "us"),
        [d, .., h] => {
            matches!(d.lower, "the" | "those" | "these" | "its" | "their")
                && !h.cap
                && h.lower.ends_with('s')
        }
        _ => false,
    };
    (counted && of.lower == "of" && group)
        .then(|| simple(MentionKind::Anonymous, joined(text, toks)))
}

/// `about half`, `Nearly 70 per cent`, `two-thirds`, `a majority`: a share of a group
/// named before (a survey's respondents, the people asked), a group of its own; an
/// approximation may open it. With `of` and a group after it, the caller reads that group.
fn proportion(text: &str, toks: &[Token]) -> Option<Mention> {
    let approx = |t: &Token| {
        matches!(
            t.lower,
            "about" | "nearly" | "almost" | "roughly" | "around" | "over" | "just" | "only"
        )
    };
    let core = toks.iter().position(|t| !approx(t))?;
    let share = match &toks[core..] {
        [t] => matches!(t.lower, "half" | "most") || is_share_word(t.lower),
        [n, t] => {
            matches!(n.lower, "a" | "the" | "one" | "two" | "three")
                && matches!(
                    t.lower,
                    "third" | "thirds" | "quarter" | "quarters" | "majority"
                )
                || n.lower.chars().all(|c| c.is_ascii_digit() || c == '.') && t.lower == "percent"
        }
        [n, per, cent] => {
            n.lower.chars().all(|c| c.is_ascii_digit() || c == '.')
                && per.lower == "per"
                && cent.lower == "cent"
        }
        _ => false,
    };
    share.then(|| simple(MentionKind::Group, joined(text, toks)))
}

/// `two-thirds`, `three-quarters`: a fraction written as one word.
fn is_share_word(w: &str) -> bool {
    w.split_once(['-', '‐'])
        .is_some_and(|(a, b)| is_number_word(a) && matches!(b, "thirds" | "quarters" | "fifths"))
}

/// `two`, `three`, `four`: a number word that counts fractions.
fn is_number_word(w: &str) -> bool {
    matches!(w, "two" | "three" | "four")
}

/// Whether a group's name is a bare share of a group (`Some`, `about half`, `70 per cent`):
/// it goes on with the group that spoke last.
fn is_share_of_group(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or("").to_lowercase();
    !name.contains(' ') && Class::Quantifier.has(&last)
        || matches!(
            last.as_str(),
            "half" | "cent" | "percent" | "third" | "thirds" | "quarter" | "quarters" | "majority"
        )
        || is_share_word(&last)
}

fn anonymous_source(
    toks: &[Token],
    pre: &[Token],
    det: &str,
    h: &str,
    name_all: &str,
) -> Option<Mention> {
    if !Class::AnonymousHead.has(h) {
        return None;
    }
    let anon_mod = toks.iter().any(|t| t.is(Class::AnonymousModifier))
        || matches!(det, "a" | "the" | "one" | "another")
        || toks.len() == 1 && matches!(h, "sources" | "people");
    let officials = matches!(h, "official" | "officials");
    let uncapitalised = pre.iter().all(|t| !t.cap || t.lower == det);
    if uncapitalised
        && (!officials && (anon_mod || matches!(h, "person" | "people" | "source" | "sources"))
            || officials
                && toks.iter().any(|t| {
                    matches!(
                        t.lower,
                        "familiar"
                            | "close"
                            | "briefed"
                            | "anonymity"
                            | "anonymous"
                            | "unnamed"
                            | "knowledge"
                            | "knowledgeable"
                    )
                }))
    {
        return Some(simple(MentionKind::Anonymous, name_all.to_string()));
    }
    None
}

/// Reads `the veteran trader`, `a retired welder`, `one fisherman` as a person described by
/// their occupation, from the shape of the head noun (`-er`, `-or`, `-ist`, `-ian`, `-ant`,
/// `-ent`), for a noun phrase whose place already says it names a speaker (right after
/// `“…,” says`).
///
/// With `any_head` (the phrase ends the sentence or its clause), any head noun will do
/// (`“…,” says the bow-tied maverick.`), but a document's, a time word or an `-ing` form.
pub fn parse_occupation(text: &str, toks: &[Token], any_head: bool) -> Option<Mention> {
    let (det, rest) = toks.split_first()?;
    let head = rest.last()?;
    if !matches!(det.lower, "the" | "a" | "an" | "one" | "another")
        || rest.len() > 4
        || rest.iter().any(|t| t.cap || t.quote.is_some())
        || rest
            .iter()
            .any(|t| !t.lower.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return None;
    }
    let h = head.lower;
    let agent = ["er", "or", "ist", "ian", "ant", "ent"]
        .iter()
        .any(|suf| h.len() > suf.len() + 3 && h.ends_with(suf));
    let open = any_head
        && h.len() > 3
        && !h.ends_with("ing")
        && !h.ends_with("ly")
        && !Class::DocumentNoun.has(h)
        && !Class::TimeWord.has(h)
        && !Class::NpBreaker.has(h)
        && lexicon::cue(h).is_none();
    if !(agent || open) || h.ends_with("ever") || h.ends_with("ether") {
        return None;
    }
    let kind = if det.lower == "the" {
        MentionKind::Description
    } else {
        MentionKind::UnnamedPerson
    };
    Some(simple(kind, joined(text, toks)))
}

/// `Ruiz’s` → `Ruiz`, `the mayor’s` → `the mayor`: the phrase with the possessive of its
/// last word taken off, when it has one.
fn without_possessive<'a>(toks: &[Token<'a>]) -> Option<Vec<Token<'a>>> {
    let (last, init) = toks.split_last()?;
    let stem = last
        .lower
        .strip_suffix("’s")
        .or_else(|| last.lower.strip_suffix("'s"))?;
    if stem.is_empty() || !last.cap && init.is_empty() {
        return None;
    }
    let mut v = init.to_vec();
    v.push(last.cut(stem.len()));
    Some(v)
}

/// A document named as the speaker stands for its author: `a statement released by X` →
/// X; `a statement from the Harbour Authority` → the Harbour Authority; `her statement` →
/// she (resolved as a pronoun). `Some(None)`: a document's author that names no one.
fn document_author(text: &str, toks: &[Token]) -> Option<Option<Mention>> {
    for (i, t) in toks.iter().enumerate() {
        // `a report by the fare watchdog`: `by` right after the document's noun
        if t.lower == "by" && i > 0 && toks[i - 1].is(Class::DocumentNoun) && i + 1 < toks.len() {
            let rest = &toks[i + 1..];
            return Some(parse_mention(text, rest).or_else(|| described_author(text, rest)));
        }
        if matches!(t.lower, "released" | "issued" | "published" | "posted")
            && let Some(by) = (i + 1..(i + 5).min(toks.len())).find(|&k| toks[k].lower == "by")
            && by + 1 < toks.len()
            && toks[..i].iter().any(|d| d.is(Class::DocumentNoun))
        {
            let rest = &toks[by + 1..];
            return Some(parse_mention(text, rest).map(|mut m| {
                if m.kind == MentionKind::Name && rest.len() > 1 {
                    m.kind = MentionKind::Organization;
                }
                m
            }));
        }
    }
    document_owner(text, toks).map(Some)
}

/// `a report by the city's transit auditor`: an author no list knows, described by `the`
/// and at most four lowercase words (a possessive among them), is a body (or its office),
/// named by that description, as `the trust warned` is in [`parse_open`]; never a document.
pub fn described_author(text: &str, toks: &[Token]) -> Option<Mention> {
    let (det, rest) = toks.split_first()?;
    let head = rest.last()?;
    let word = |t: &Token| {
        !t.cap
            && t.quote.is_none()
            && t.lower
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
            && !t.is(Class::NpBreaker)
            && !t.is(Class::Preposition)
    };
    (det.lower == "the"
        && rest.len() <= 4
        && rest.iter().all(word)
        && head.lower.len() > 3
        && !head.lower.ends_with(['\'', '’', 's'])
        && !head.is(Class::DocumentNoun))
    .then(|| simple(MentionKind::Organization, strip_det(&joined(text, toks))))
}

/// `a statement from X` → X; `her statement` → she; `the agency's report` → the agency.
fn document_owner(text: &str, toks: &[Token]) -> Option<Mention> {
    if let [owner, doc] = toks
        && doc.is(Class::DocumentNoun)
    {
        let p = match owner.lower {
            "his" => Pronoun::He,
            "her" => Pronoun::She,
            "their" => Pronoun::They,
            "its" => Pronoun::It,
            _ => return None,
        };
        return Some(Mention {
            kind: MentionKind::Pronoun(p),
            name: owner.lower.to_string(),
            title: None,
            gender: None,
            full: false,
        });
    }
    // `the EDS estimates`, `a Pentagon report` → the organisation that wrote it (a
    // capitalised noun is the name's own last word: `the U.S. Geological Survey`)
    if let Some((doc, init)) = toks.split_last()
        && doc.is(Class::DocumentNoun)
        && !doc.cap
        && let names = match init.first() {
            Some(d) if d.is(Class::Determiner) => &init[1..],
            _ => init,
        }
        && !names.is_empty()
        && names.iter().all(|t| t.cap && t.quote.is_none())
        && let Some(m) = parse_mention(text, names)
        && matches!(m.kind, MentionKind::Organization | MentionKind::Name)
    {
        return Some(m);
    }
    // `the operator's annual filings` → the operator
    if let Some((doc, init)) = toks.split_last()
        && doc.is(Class::DocumentNoun)
        && let Some(k) = init.iter().position(|t| {
            t.is_possessive()
                || t.lower.ends_with('s') && text[t.range.end..].starts_with(['’', '\''])
        })
    {
        return parse_mention(text, &toks[..=k]);
    }
    let from = toks.iter().position(|t| t.lower == "from")?;
    if from == 0
        || from + 1 >= toks.len()
        || !toks[..from].iter().any(|d| d.is(Class::DocumentNoun))
    {
        return None;
    }
    let rest = &toks[from + 1..];
    let mut m = parse_mention(text, rest)?;
    if m.kind == MentionKind::Name && rest[0].lower == "the" {
        m.kind = MentionKind::Organization;
    }
    Some(m)
}

/// Open-class recognition, for a strong cue (`say`, `tell`, `according to`) only: a
/// determiner-led noun phrase of lowercase words (`the beekeepers`, `one tour guide`, `the
/// treasurer`) names a speaker even when its head is in no list; a plural head makes it a
/// group. The head must look like a person's noun (an agent suffix: `treasurer`,
/// `beekeepers`), unless `past_speech`: before `said`/`told`, a past report that things
/// rarely make, any head but a document's will do (`the pilots said`). The caller gives
/// such a speaker a lower confidence.
pub fn parse_open(text: &str, toks: &[Token], past_speech: bool) -> Option<Mention> {
    let (det, rest) = toks.split_first()?;
    let head = rest.last()?;
    let plural_det = matches!(
        det.lower,
        "some" | "many" | "several" | "most" | "few" | "two" | "three" | "four" | "five"
    );
    // `an NHL scout`, `a Toronto cabbie`: capitalised words before the head of an
    // indefinite phrase are its modifiers (a league, a city), the head stays lowercase
    let indefinite = matches!(det.lower, "a" | "an" | "one" | "another");
    if !(indefinite || det.lower == "the" || plural_det)
        || rest.len() > 4
        || head.cap
        || rest
            .iter()
            .any(|t| t.cap && !indefinite || t.quote.is_some())
        || rest.iter().any(ends_open_np)
    {
        return None;
    }
    let h = head.lower;
    if h.len() < 4 || h.ends_with("ing") || h.ends_with("ly") || lexicon::cue(h).is_some() {
        return None;
    }
    let plural = h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us");
    let stem = if plural { &h[..h.len() - 1] } else { h };
    let agent = agent_noun(h);
    let document = Class::DocumentNoun.has(h) || Class::DocumentNoun.has(stem);
    if !(agent || past_speech && !document) {
        return None;
    }
    let kind = if plural {
        MentionKind::Group
    } else if plural_det {
        return None;
    } else if !agent && det.lower == "the" {
        // `the trust warned that …`: a definite singular head of no person's shape that no
        // list knows is a body named before (the lists hold the person nouns without an
        // agent suffix: pilot, nurse, chef), never the last person named (`a clerk` stays
        // someone new)
        return Some(simple(
            MentionKind::Organization,
            strip_det(&joined(text, toks)),
        ));
    } else if det.lower == "the" {
        MentionKind::Description
    } else {
        MentionKind::UnnamedPerson
    };
    Some(simple(kind, joined(text, toks)))
}

/// A word that cannot stand inside an open-class noun phrase (`the skipper`, `bee farmers`):
/// not a plain word of letters and hyphens, a verb, a time word, a preposition, a function
/// word or a pronoun. Shared by [`parse_open`]'s and [`parse_bare_plural`]'s checks.
fn ends_open_np(t: &Token) -> bool {
    !t.lower.chars().all(|c| c.is_alphabetic() || c == '-')
        || t.is(Class::NpBreaker)
        || t.is(Class::Verbish)
        || t.is(Class::TimeWord)
        || t.is(Class::Preposition)
        || t.is(Class::FunctionWord)
        || lexicon::pronoun(t.lower).is_some()
}

/// `… but beekeepers say`, `After the storm, bee farmers say`: a bare plural of people
/// (one to three lowercase words, the last a plural agent noun or a listed person's or
/// group's noun) before `say`/`tell` is a group, by open-class recognition. When the phrase
/// `opens` the sentence, its first word's capital is the sentence's (`Wildlife specialists
/// say`), if a lowercase head follows it.
pub fn parse_bare_plural(text: &str, toks: &[Token], opens: bool) -> Option<Mention> {
    let head = toks.last().filter(|_| toks.len() <= 3)?;
    let h = head.lower;
    let bad = |t: &Token| t.cap || t.quote.is_some() || t.is(Class::Determiner) || ends_open_np(t);
    let sentence_cap = opens && toks.len() > 1 && !toks[0].is(Class::Determiner);
    let skip = usize::from(sentence_cap && toks[0].cap && toks[0].quote.is_none());
    if toks[skip..].iter().any(bad) || h.len() < 5 || !h.ends_with('s') || h.ends_with("ss") {
        return None;
    }
    let stem = &h[..h.len() - 1];
    let person = agent_noun(h) || Class::PersonNoun.has(stem) || Class::GroupNoun.has(h);
    if !person || h == "others" || Class::DocumentNoun.has(h) || Class::DocumentNoun.has(stem) {
        return None;
    }
    Some(simple(MentionKind::Group, joined(text, toks)))
}

/// Whether a lowercased noun has the shape of a person's noun, an agent suffix
/// (`treasurer`, `beekeepers`, `residents`, `trainee`), so that `a common belief says` or
/// `the numbers say` name no one.
///
/// ```
/// use hearsay::attribution::speakers::agent_noun;
/// assert!(agent_noun("beekeepers") && agent_noun("skipper") && !agent_noun("concern"));
/// ```
pub fn agent_noun(h: &str) -> bool {
    let plural = h.ends_with('s') && !h.ends_with("ss") && !h.ends_with("us");
    let stem = if plural { &h[..h.len() - 1] } else { h };
    [
        "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "men", "ee",
    ]
    .iter()
    .any(|suf| stem.len() > suf.len() + 2 && stem.ends_with(suf))
}

fn strip_det(s: &str) -> String {
    for d in ["the ", "The ", "a ", "A ", "an ", "An "] {
        if let Some(r) = s.strip_prefix(d) {
            return r.to_string();
        }
    }
    s.to_string()
}

fn simple(kind: MentionKind, name: String) -> Mention {
    Mention {
        kind,
        name,
        title: None,
        gender: None,
        full: false,
    }
}

/// `Kestrel Energy`, `Brightwave Labs`, `Halden Holdings Ltd.`: a capitalised run of two
/// words or more whose last word (its possessive cut) closes a company's name
/// ([`Class::OrgNameEnd`]) names an organisation, however unknown its first words.
fn closes_company_name(run: &[Token]) -> bool {
    let [first, .., last] = run else {
        return false;
    };
    first.cap
        && last.cap
        && classes_of(last, trim_possessives(last.lower)) & Class::OrgNameEnd.bit() != 0
}

/// The short name of a company's full name `run` (`kettleworth` for `Kettleworth
/// Appliances`, `blue harbour` for `Blue Harbour Foods Ltd.`), lowercased: the one or two
/// words before the words that close it ([`closes_company_name`]), when they are no
/// place, title or common word (`Federal`, `Canadian`, `The`), so a one-word alias never
/// merges a country or a headline's phrase into the company.
fn company_short_name(run: &[Token]) -> Option<String> {
    if !closes_company_name(run) {
        return None;
    }
    let k = run.iter().rposition(|t| {
        classes_of(t, trim_possessives(t.lower)) & (Class::OrgNameEnd.bit() | Class::OrgNoun.bit())
            == 0
    })? + 1;
    let short = &run[..k];
    if k > 2
        || short.iter().any(|t| {
            !t.cap
                || t.lower.contains('.')
                || t.classes()
                    & (Class::NonPersonCap.bit()
                        | Class::Title.bit()
                        | Class::CapitalizedFunctionWord.bit()
                        | Class::Determiner.bit())
                    != 0
        })
    {
        return None;
    }
    let mut out = String::new();
    for t in short {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(t.lower);
    }
    Some(out)
}

/// Reads a phrase whose head is capitalised: a person's name (with titles and descriptors
/// before it) or an organisation.
fn parse_name(text: &str, toks: &[Token], pre: &[Token]) -> Option<Mention> {
    // the capitalised run ending at the head
    let mut start = pre.len() - 1;
    while start > 0 {
        let t = &pre[start - 1];
        if is_name_token(t) || t.is(Class::Particle) && start > 1 && pre[start - 2].cap {
            start -= 1;
        } else {
            break;
        }
    }
    let is_org_tok = |t: &Token| t.cap && is_org_word(t);
    // `Society of Motor Manufacturers and Traders`: connectors inside an organisation's name
    let mut wide = start;
    while wide > 1 {
        let t = &pre[wide - 1];
        if is_name_token(t) {
            wide -= 1;
        } else if matches!(t.lower, "of" | "and" | "&" | "for") && pre[wide - 2].cap {
            wide -= 2;
        } else {
            break;
        }
    }
    if wide < start && pre[wide..start].iter().any(is_org_tok) {
        start = wide;
    }
    let run = &pre[start..];
    // `Genentech Inc. Chairman Art Levinson`: a title before the last words of the run
    // makes them a person's name, whatever organisation comes before the title
    // (`Secretary of State Ana Ruiz`: `of` and one word after a title are part of it)
    let title_end = title_end(run);
    let titled = title_end
        .filter(|&e| e < run.len() && !run[e..].iter().any(is_org_tok))
        .map(|e| e - 1);
    let org = titled.is_none()
        && (run.iter().any(is_org_tok)
            || closes_company_name(run)
            || (run.len() == 1 && is_acronym(&run[0], text)));
    // `Vancouver's Bo Horvat`: a possessive before the name is a descriptor
    let mut run = run;
    let mut lead_poss = 0;
    if let Some(k) = run.iter().rposition(Token::is_possessive)
        && k + 2 < run.len() + 1
        && k + 1 < run.len()
        && !org
    {
        lead_poss = k + 1;
        run = &run[k + 1..];
    }
    let start = start + lead_poss;
    let possessive = run.iter().any(Token::is_possessive);
    if org || possessive {
        let all = strip_det(span(text, toks));
        return Some(simple(MentionKind::Organization, all));
    }
    // strip titles at the front of the run
    // through the last title word (`Foreign Affairs Minister Chrystia Freeland`), and an
    // occupation written as a title (`Farmer Bridget Hallam`, `Hydrologist Priya Ng`)
    let mut n = usize::from(
        run.len() >= 3 && (run[0].is(Class::PersonNoun) || job_word_before_first_name(run)),
    );
    while n + 1 < run.len() && run[n].is(Class::Title) {
        n += 1;
    }
    if let Some(last) = (n..run.len().saturating_sub(1))
        .rev()
        .find(|&i| run[i].is(Class::Title) && !run[i].is(Class::NonPersonCap))
    {
        n = last + 1;
    }
    if let Some(e) = titled.map(|t| t + 1)
        && e > n
        && e < run.len()
    {
        n = e;
    }
    let name_toks = &run[n..];
    // suffixes do not make a first name
    let core: SmallVec<[&Token; 6]> = name_toks.iter().filter(|t| !t.is(Class::Suffix)).collect();
    if core.is_empty() {
        return None;
    }
    // `Lee Park`, `Jordan Hill`: after a first name, a place word is a surname
    let first_name = core.len() == 2
        && !core[0].is(Class::NonPersonCap)
        && core[0].classes()
            & (Class::FirstNameFemale.bit()
                | Class::FirstNameMale.bit()
                | Class::FirstNameEither.bit())
            != 0;
    // (an organisation has no title: `U.S.` in `the U.S. Coast Guard` is part of its name)
    if !first_name && core.iter().any(|t| t.is(Class::NonPersonCap)) {
        return Some(simple(MentionKind::Organization, joined(text, run)));
    }
    let title_toks = &pre[..start + n];
    // `The Riverside Project`, `the Brightwave Group`: a capitalised name right after `the`,
    // with no title and no first name, is no person's
    if n == 0
        && matches!(title_toks, [t] if t.lower == "the")
        && core[0].classes()
            & (Class::FirstNameFemale.bit()
                | Class::FirstNameMale.bit()
                | Class::FirstNameEither.bit())
            == 0
    {
        return Some(simple(MentionKind::Organization, joined(text, name_toks)));
    }
    let title = (!title_toks.is_empty()).then(|| span(text, title_toks));
    Some(Mention {
        kind: MentionKind::Name,
        name: joined(text, name_toks),
        title: title.map(strip_det),
        gender: name_gender(&run[..n], &core),
        full: core.len() >= 2,
    })
}

/// `Singer Rita Moss`, `Hydrologist Priya Ng`: a capitalised word shaped like a job noun
/// (`-er`, `-ist`, `-ian` …) that is no first name itself, right before a first name that
/// opens a full name (any two-word name after an `-ist`/`-ian` word), is a descriptor (the person's role), not part of the name.
fn job_word_before_first_name(run: &[Token]) -> bool {
    let first_names =
        Class::FirstNameFemale.bit() | Class::FirstNameMale.bit() | Class::FirstNameEither.bit();
    run.len() >= 3
        && run[0].classes() & first_names == 0
        && !run[0].is(Class::NonPersonCap)
        && !run[0].lower.ends_with('s')
        && agent_noun(run[0].lower)
        // (`-ist`, `-ian` name trades, not families: the next word need be no listed first name)
        && (run[1].classes() & first_names != 0
            || run.len() == 3 && (run[0].lower.ends_with("ist") || run[0].lower.ends_with("ian")))
}

/// A name's gender, from its title (`Mr`, `Queen`), else from its first name (`Maria
/// Lopez` is a woman, `Tom Reyes` a man).
fn name_gender(titles: &[Token], core: &[&Token]) -> Option<Gender> {
    let by_title = titles.iter().find_map(|t| match t.lower {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "father" | "brother" => {
            Some(Gender::Male)
        }
        "mrs" | "mrs." | "ms" | "ms." | "dame" | "lady" | "queen" | "princess" | "sister" => {
            Some(Gender::Female)
        }
        _ => None,
    });
    by_title.or_else(|| {
        // (two-letter names and particles, `Lu`, `Al`, are too often a surname or a clan
        // name in other naming orders)
        let first = core.first().filter(|_| core.len() >= 2)?;
        if first.lower.len() < 3 || first.is(Class::Particle) || first.is(Class::NonPersonCap) {
            return None;
        }
        if first.is(Class::FirstNameFemale) {
            Some(Gender::Female)
        } else if first.is(Class::FirstNameMale) {
            Some(Gender::Male)
        } else {
            None
        }
    })
}

/// The gender the first-name lists give the first word of a full name, if any.
fn first_name_gender(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let first = words.next()?.to_lowercase();
    words.next()?;
    if Class::FirstNameFemale.has(&first) {
        Some(Gender::Female)
    } else if Class::FirstNameMale.has(&first) {
        Some(Gender::Male)
    } else {
        None
    }
}

/// One past the last word of the titles in a capitalised run, when a title comes before
/// its last word: `Genentech Inc. Chairman` in `Genentech Inc. Chairman Art Levinson`,
/// `Secretary of State` (a title, `of` and one word) in `Secretary of State Ana Ruiz`.
fn title_end(run: &[Token]) -> Option<usize> {
    let is_title = |t: &Token| t.is(Class::Title) && !t.is(Class::NonPersonCap);
    let last = (0..run.len().saturating_sub(1))
        .rev()
        .find(|&i| is_title(&run[i]))?;
    let mut e = last + 1;
    if e + 2 < run.len() && matches!(run[e].lower, "of" | "for") && run[e + 1].cap {
        e += 2;
    }
    (e < run.len()).then_some(e)
}

/// A speaker entity in the registry.
#[derive(Debug, Clone)]
pub struct Entity {
    /// Display name.
    pub name: String,
    /// Kind.
    pub kind: SpeakerKind,
    /// Other names it went by.
    pub aliases: Vec<String>,
    /// Role from an apposition or a title.
    pub role: Option<String>,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// Lowercased surname (persons).
    pub surname: Option<String>,
    /// Plural (group, most anonymous sources, organisations' officials).
    pub plural: bool,
    /// Position (document byte offset) of the last time it spoke.
    pub last_spoke: Option<usize>,
}

/// A person's name seen anywhere in the text (not only as a speaker). A long article names
/// the same people again and again, so the spelling is kept once in [`Registry`] and each
/// sighting holds its index.
#[derive(Debug, Clone, Copy)]
struct SeenName {
    /// Named as a sentence's subject (its first words).
    subject: bool,
    /// Named as a clause's subject (the sentence's first words, or before a verb).
    clause_subject: bool,
    /// Bytes from the sentence's start to the name.
    into_sentence: u32,
    gender: Option<Gender>,
    /// Index of the spelling in `Registry::spellings`.
    spelling: u32,
    at: usize,
    /// Named in the possessive inside its sentence (`hit Colm Dwyer’s van`): a person the
    /// text mentions, not one it stands nearer to a pronoun than its subject.
    owner: bool,
}

/// Where a name was seen: its tokens in the sentence, whether it opens the sentence (or is
/// in apposition to its opening words), whether it is a clause's subject, and the sentence's
/// document-wide start.
struct Sighting {
    run: Range<usize>,
    opens: bool,
    clause_subject: bool,
    base: usize,
    /// In the possessive, not opening the sentence ([`SeenName::owner`]).
    owner: bool,
}

/// How a seen name is written: the full name, its lowercased surname and its title.
#[derive(Debug)]
struct Spelling {
    name: String,
    surname: String,
    title: Option<String>,
}

/// Turns mentions into speaker ids, merging names and resolving pronouns.
///
/// The maps hash with FxHash (`rustc-hash`): their keys are short words and names, they are
/// only looked up (never iterated, so their order cannot reach the output); an article
/// crafted to collide its names would only slow its own analysis, read locally.
#[derive(Debug, Default)]
pub struct Registry {
    /// The entities, indexed by id.
    pub entities: Vec<Entity>,
    seen: Vec<SeenName>,
    /// The distinct spellings of the seen names.
    spellings: Vec<Spelling>,
    /// Full name and title → index in `spellings`.
    spelling_ids: FxHashMap<(String, Option<String>), u32>,
    /// Index in `seen` of the latest full name with each surname.
    last_seen: FxHashMap<String, usize>,
    /// Index in `seen` of the latest full name with each first name (`Curie` for `Curie
    /// Kim`: features and British papers name people by their first name again).
    first_seen: FxHashMap<String, usize>,
    /// Organisations named in the text (capitalised names of two words or more) and where:
    /// what `the agency` or `CTA` refers back to.
    orgs_seen: Vec<(u32, usize)>,
    /// The distinct names in `orgs_seen` (a long article names the same ones again and
    /// again), and each name's index there.
    org_names: Vec<String>,
    org_ids: FxHashMap<String, u32>,
    /// The last organisation named as a sentence's subject (its first words), and where.
    subject_org: Option<(u32, usize)>,
    /// Initials of the organisations seen → index in `orgs_seen` of the latest one.
    org_initials: FxHashMap<String, usize>,
    /// A company's short name, lowercased (`kettleworth` for `Kettleworth Appliances`, named
    /// in the body text) → the full name's index in `org_names` and where it was first named.
    org_short: FxHashMap<String, (u32, usize)>,
    /// The first word of a two-word short name (`brenholm` for `Brenholm Ferry Lines`), as
    /// `org_short` has it: a speaker named by it alone is the company (`Brenholm said`),
    /// though a capitalised word alone elsewhere is no sighting of it.
    org_first: FxHashMap<String, (u32, usize)>,
    /// Normalised names and aliases → entity id (the first entity to use them).
    names: FxHashMap<String, usize>,
    /// Lowercased surname → the latest person entity with it.
    surnames: FxHashMap<String, usize>,
    /// In a Q&A, the interviewee, found once at the first answer (`Some(None)`: no one).
    interviewee: Option<Option<usize>>,
    /// Who `I` is in the paragraph being read (a Q&A answer's interviewee), if anyone.
    first_person: Option<usize>,
    /// People a `he` or `she` of their gender has been resolved to: their gender is the
    /// text's, no longer only their first name's.
    pronoun_gendered: rustc_hash::FxHashSet<usize>,
    /// A name normalised for a look-up in `names` ([`Registry::name_id`]), kept to be
    /// written over rather than allocated for each mention.
    norm_buf: String,
    /// A surname worked out for a look-up ([`Registry::resolve_name`]), kept to be written
    /// over rather than allocated for each mention.
    surname_buf: String,
    /// Documents speakers spoke in (`said in a statement`, `wrote in an email`): the
    /// document's noun, lowercased → the latest such speaker, whom a later `the statement
    /// said` speaks for ([`crate::attribution::rules::SpeakerRule::NamedDocumentAuthor`]).
    document_authors: FxHashMap<String, (usize, bool)>,
    /// Turn-taking between two people
    /// ([`crate::attribution::rules::QuoteRule::DialogueTurn`]), set by the paragraph reader.
    pub turns: Turns,
}

/// Who spoke the last paragraph that was one quotation and its short attribution, whether
/// that quotation asked a question, and, once a second person has answered, who speaks
/// next: the other one.
#[derive(Debug, Default, Clone, Copy)]
pub struct Turns {
    /// The last turn's speaker, and whether the turn was a question.
    pub last: Option<(usize, bool)>,
    /// The speaker of the next turn that names no one, in a dialogue.
    pub next: Option<usize>,
}

impl Turns {
    /// The turns after a paragraph: `turn` is its speaker and whether it asked a question,
    /// when it was one quotation and its short attribution (else the dialogue is over). Two
    /// people set up a dialogue when the second answers the first's question; then each
    /// turn hands over to the other.
    pub fn after(self, turn: Option<(usize, bool)>) -> Turns {
        let Some((id, question)) = turn else {
            return Turns::default();
        };
        let next = match self.last {
            Some((x, asked)) if x != id && (asked || self.next.is_some()) => Some(x),
            _ => None,
        };
        Turns {
            last: Some((id, question)),
            next,
        }
    }
}

/// How far back (bytes) a clause subject can still be the topic a pronoun picks up.
const TOPIC_WINDOW: usize = 2000;

/// A known gender `g` fits the one a pronoun asks for (`None` on either side fits anything).
fn gender_fits(g: Option<Gender>, wanted: Option<Gender>) -> bool {
    g.is_none_or(|g| Some(g) == wanted) || wanted.is_none()
}

/// The last word of `name` lowercased, skipping trailing suffixes (`Jr.`) but never the
/// first word. Each word is lowercased once, from the end, and the last one lowered is kept.
fn surname_of(name: &str) -> String {
    let mut sur = String::new();
    surname_into(name, &mut sur);
    sur
}

/// [`surname_of`] written into `sur` (emptied first), so a caller with a buffer makes no
/// new string.
fn surname_into(name: &str, sur: &mut String) {
    let mut words = name.split_whitespace().rev();
    sur.clear();
    if let Some(w) = words.next() {
        lower_into(w, sur);
    }
    for w in words {
        if !Class::Suffix.has(sur) {
            break;
        }
        lower_into(w, sur);
    }
}

/// `w.to_lowercase()` written into `out` (emptied first): by the cheaper ASCII lowercasing
/// when `w` is ASCII (nearly every name), with no new allocation when `out` has room.
fn lower_into(w: &str, out: &mut String) {
    out.clear();
    if w.is_ascii() {
        out.push_str(w);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&w.to_lowercase());
    }
}

/// `s` trimmed, lowercased and without a leading article: one copy, made in ASCII (nearly
/// every name) by the cheaper ASCII lowercasing; the article is cut from that copy.
fn norm(s: &str) -> String {
    let mut l = String::new();
    norm_into(s, &mut l);
    l
}

/// [`norm`] written into `l` (emptied first).
fn norm_into(s: &str, l: &mut String) {
    lower_into(s.trim(), l);
    for d in ["the ", "a ", "an "] {
        if l.starts_with(d) {
            l.drain(..d.len());
            return;
        }
    }
}

/// Whether the gap between two capitalised words breaks their run (a name goes on over
/// a space alone, the usual gap, which is answered without a search).
fn breaks_name(gap: &str) -> bool {
    gap != " " && gap.contains([',', ';', ':', '(', ')', '—', '–', '-', '|', '/'])
}

/// The words of `s` between spaces, as bytes: `s.split(' ')` without a char searcher (the
/// registry's name tests run over every speaker for some mentions).
fn space_words(s: &str) -> impl Iterator<Item = &[u8]> {
    s.as_bytes().split(|&b| b == b' ')
}

/// Whether one of the words of `s` between spaces is `word`, ASCII case aside.
fn has_word(s: &str, word: &str) -> bool {
    space_words(s).any(|w| w.eq_ignore_ascii_case(word.as_bytes()))
}

/// [`trim_possessives`] of a word's bytes.
fn trim_possessive_bytes(mut w: &[u8]) -> &[u8] {
    while let Some(s) = w.strip_suffix("’s".as_bytes()) {
        w = s;
    }
    while let Some(s) = w.strip_suffix(b"'s") {
        w = s;
    }
    w
}

/// Whether `name` normalised ([`norm`]) is not `word` but has it as one of its words:
/// `Harbour Ferry Company` for `company`. In place for an ASCII name (no copy: the test
/// runs over every organisation that spoke, for each `the company`).
fn names_other_with_word(name: &str, word: &str) -> bool {
    if !name.is_ascii() {
        let n = norm(name);
        return n != word && n.split(' ').any(|w| w == word);
    }
    // (`word` is normalised, so lowercase: an ASCII case-blind comparison is norm's)
    let t = name.trim();
    let rest = ["the ", "a ", "an "]
        .iter()
        .find(|d| t.len() >= d.len() && t[..d.len()].eq_ignore_ascii_case(d))
        .map_or(t, |d| &t[d.len()..]);
    !rest.eq_ignore_ascii_case(word) && has_word(rest, word)
}

impl Registry {
    /// The entity `names` maps `name` normalised ([`norm`]) to, normalised in a buffer kept
    /// for it (no copy a look-up).
    fn name_id(&mut self, name: &str) -> Option<usize> {
        norm_into(name, &mut self.norm_buf);
        self.names.get(self.norm_buf.as_str()).copied()
    }

    /// Records the capitalised names of a sentence (for surname look-ups and same-sentence
    /// pronouns). `at` is a document-wide position.
    /// `body`: the sentence is the article's body text (not a headline or a caption).
    pub fn note_names(&mut self, text: &str, toks: &[Token], base: usize, body: bool) {
        // (`CEDAR FALLS, Iowa — …`: the dateline names no one; the sentence starts after it)
        let opening = tokens::after_dateline(text, toks).unwrap_or(0);
        if let Some(t) = toks.get(opening) {
            self.gender_from_pronoun(t, base);
        }
        let mut i = opening;
        while i < toks.len() {
            if !is_name_token(&toks[i]) || toks[i].quote.is_some() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < toks.len()
                && toks[j].quote.is_none()
                && (is_name_token(&toks[j])
                    || toks[j].is(Class::Particle) && j + 1 < toks.len() && toks[j + 1].cap)
                && !breaks_name(&text[toks[j - 1].range.end..toks[j].range.start])
            {
                j += 1;
            }
            let run = &toks[i..j];
            // one parse of the run serves the organisation and the person sightings
            let (owner, parsed) = parse_run(text, run);
            if self.note_org(text, toks, i..j, parsed.as_ref(), base, body)
                || j == i + 1 && self.note_short_name(&toks[i], i == opening, base)
            {
                i = j;
                continue;
            }
            // `a Grateful Dead gig`, `the Kismot Killer`: a capitalised run after an article
            // names a thing, a band or a place, not a person (`the Rev. Ann Cole` keeps her
            // title)
            if i > 0
                && matches!(toks[i - 1].lower, "a" | "an" | "the")
                && !toks[i - 1].cap
                && !toks[i].is(Class::Title)
            {
                i = j;
                continue;
            }
            // a clause's subject: the sentence's first words, or a name its verb follows
            // (`When asked about it, Mulder paused`, `a remark that Scheer found odd`)
            let before = text[..toks[i].range.start].trim_end();
            let after = toks
                .get(j)
                .map_or(&text[toks[j - 1].range.end..], |n| {
                    &text[toks[j - 1].range.end..n.range.start]
                })
                .trim_start();
            // a photo credit or an aside in brackets is nobody's topic: `( Jo Lee / Star )`
            let aside = before.ends_with(['(', '[', '/']) || after.starts_with([')', ']', '/']);
            // (`the city where he and Dorsey are from`: the second of two conjuncts or a
            // name after a preposition is nobody's topic)
            let conjunct = i > 0
                && (matches!(toks[i - 1].lower, "and" | "or" | "nor" | "&")
                    || toks[i - 1].is(Class::Preposition));
            // (the sentence's subject: its first words, or a name in apposition to them)
            let opens = i == opening || appositive_subject(text, toks, opening, (i, j), after);
            // (a name inside a reported question is nobody's topic)
            let clause_subject = topic_after_verb(toks, opening, i)
                || (!aside && opens
                    || fronted_topic(toks, i, after)
                    || !conjunct
                        && toks.get(j).is_some_and(|n| {
                            !n.cap
                                && n.quote.is_none()
                                && text[toks[j - 1].range.end..n.range.start].trim().is_empty()
                                && !is_function_token(n)
                        }))
                    && !in_asked_question(text, toks, opening, i)
                    // (`hit Colm Dwyer’s van`: the noun after an owner is no verb)
                    && (!owner || opens);
            let lone = topic_word(toks, i, j, opens);
            if j == i + 1
                && clause_subject
                && let Some(&k) = self
                    .last_seen
                    .get(lone)
                    .or_else(|| self.first_seen.get(lone))
            {
                // a surname of a name seen before: the person is mentioned again here
                let into = into_sentence(toks, i);
                self.seen_again(k, base + toks[i].range.start, into, opens, None);
                i = j;
                continue;
            }
            if j == i + 1
                && clause_subject
                && i != opening
                && self.note_lone_surname(text, toks, i, base)
                || j == i + 1 && i != opening && self.note_relative_first_name(text, toks, i, base)
            {
                i = j;
                continue;
            }
            if clause_subject && self.note_titled_surname(parsed.as_ref(), toks, i, opens, base) {
                i = j;
                continue;
            }
            if let Some(m) = parsed
                && m.kind == MentionKind::Name
                && m.full
            {
                let sighting = Sighting {
                    run: i..j,
                    opens,
                    clause_subject,
                    base,
                    owner: owner && !opens,
                };
                self.note_full_name(text, toks, m, &sighting);
            }
            i = j;
        }
    }

    /// Records a person's full name `m` seen at `at.run` (a sighting for surname, first-name
    /// and pronoun look-ups), with the gender its title, a role noun before it or the role
    /// its sentence describes it with tells.
    fn note_full_name(&mut self, text: &str, toks: &[Token], m: Mention, at: &Sighting) {
        let (i, j) = (at.run.start, at.run.end);
        let gender = m.gender;
        // (the spelling's surname is the name's, worked out once per spelling)
        let spelling = self.spelling(m.name, m.title);
        let sp = &self.spellings[spelling as usize];
        // `Her daughter, Fiona Whitfield, …`: a relative named in full later leaves the bare
        // surname to the person it named first (news tells relatives apart by first names)
        let relative = self.last_seen.get(&sp.surname).is_some_and(|&k| {
            let other = &self.spellings[self.seen[k].spelling as usize].name;
            other != &sp.name && !first_names_agree(other, &sp.name)
        });
        if let Some(first) = sp.name.split_whitespace().next() {
            lower_into(first, &mut self.norm_buf);
            if !Class::Title.has(&self.norm_buf) {
                match self.first_seen.get_mut(self.norm_buf.as_str()) {
                    Some(k) => *k = self.seen.len(),
                    None => {
                        self.first_seen
                            .insert(self.norm_buf.clone(), self.seen.len());
                    }
                }
            }
        }
        let role_gender = i.checked_sub(1).and_then(|k| role_gender(&toks[k]));
        let described = if at.opens {
            described_gender(text, toks, j)
        } else {
            None
        };
        if !relative {
            self.mark_last_seen(spelling);
        }
        self.seen.push(SeenName {
            subject: at.opens,
            clause_subject: at.clause_subject,
            into_sentence: into_sentence(toks, i),
            gender: described.or(gender).or(role_gender),
            spelling,
            at: at.base + toks[i].range.start,
            owner: at.owner,
        });
    }

    /// `Sam Marsh trains smiths. She took on Kit Tate in May.`: a sentence opening with `he`
    /// or `she` (`t`) tells the gender of the previous sentence's subject, the one name in
    /// it, when nothing else did (a first name given to both, a surname alone), so a later
    /// pronoun of the other gender skips that person.
    fn gender_from_pronoun(&mut self, t: &Token, base: usize) {
        let Some(g) = pronoun_gender(t.lower).filter(|_| t.quote.is_none()) else {
            return;
        };
        let at = base + t.range.start;
        // the last name seen, opening its sentence and alone in it (`…, Lohmar said. She
        // was …` or `Lohmar said Emery fled. He …` tell nothing)
        let Some(k) = self.seen.len().checked_sub(1).filter(|&k| {
            let s = &self.seen[k];
            s.subject && s.at < at && s.at + TOPIC_WINDOW / 4 > at
        }) else {
            return;
        };
        let entity = self.by_surname(&self.spelled(&self.seen[k]).surname);
        if self.seen[k].gender.is_some()
            || entity.is_some_and(|id| self.entities[id].gender.is_some())
        {
            return;
        }
        self.seen[k].gender = Some(g);
        if let Some(id) = entity {
            self.entities[id].gender = Some(g);
        }
    }

    /// `Mr. Reyes did not react.`: a surname after a title (`Mr.`, `Dr.`, `Sen.`) as a
    /// clause's subject is a sighting of that person (the full name seen before with the
    /// surname, else the titled surname itself), the gender a title tells kept with it, so
    /// the next `he` or `she` may pick the person up (US papers name people this way after
    /// the first reference).
    /// Whether it did (`m` is the run `i..` parsed, `subject` whether it opens the sentence).
    fn note_titled_surname(
        &mut self,
        m: Option<&Mention>,
        toks: &[Token],
        i: usize,
        subject: bool,
        base: usize,
    ) -> bool {
        let Some(m) = m.filter(|m| m.kind == MentionKind::Name && !m.full && m.title.is_some())
        else {
            return false;
        };
        let into = into_sentence(toks, i);
        let at = base + toks[i].range.start;
        let surname = surname_of(&m.name);
        if let Some(&k) = self.last_seen.get(&surname) {
            self.seen_again(k, at, into, subject, m.gender);
            return true;
        }
        let spelling = self.spelling(m.name.clone(), m.title.clone());
        self.last_seen.insert(surname, self.seen.len());
        self.seen.push(SeenName {
            subject,
            clause_subject: true,
            into_sentence: into,
            gender: m.gender,
            spelling,
            at,
            owner: false,
        });
        true
    }

    /// The person of the sighting `self.seen[k]` named again at `at` (`into` bytes into its
    /// sentence) as a clause's subject, with the gender the new mention tells, if any.
    fn seen_again(&mut self, k: usize, at: usize, into: u32, subject: bool, g: Option<Gender>) {
        let mut again = self.seen[k];
        again.at = at;
        again.into_sentence = into;
        again.subject = subject;
        again.clause_subject = true;
        again.gender = g.or(again.gender);
        self.mark_last_seen(again.spelling);
        self.seen.push(again);
    }

    /// The sighting about to be pushed is the latest of its spelling's surname (the
    /// surname, worked out once per spelling, is usually a key already: no copy of it then).
    fn mark_last_seen(&mut self, spelling: u32) {
        let surname = &self.spellings[spelling as usize].surname;
        match self.last_seen.get_mut(surname) {
            Some(k) => *k = self.seen.len(),
            None => {
                self.last_seen.insert(surname.clone(), self.seen.len());
            }
        }
    }

    /// `When asked, Mulder didn’t hesitate`: a capitalised word alone inside the sentence
    /// (at `i`, a clause's subject), right before a verb, no place, organisation or common
    /// noun, is noted as a person's surname the next `he` or `she` may pick up. It stays out
    /// of the surname look-ups: no full name was seen.
    fn note_lone_surname(&mut self, text: &str, toks: &[Token], i: usize, base: usize) -> bool {
        let verb_next = toks.get(i + 1).is_some_and(|n| {
            n.is(Class::Verbish)
                || n.lower.ends_with("n't")
                || n.lower.ends_with("n’t")
                || n.lower.len() > 4 && n.lower.ends_with("ed")
        });
        if i == 0 || !verb_next || !lone_surname(&toks[i]) {
            return false;
        }
        let spelling = self.spelling(text[toks[i].range.clone()].to_string(), None);
        self.seen.push(SeenName {
            subject: false,
            clause_subject: true,
            into_sentence: into_sentence(toks, i),
            gender: None,
            spelling,
            at: base + toks[i].range.start,
            owner: false,
        });
        true
    }

    /// `Moss’s husband, Tom, runs the till.`, `Her son, Eli, …`: a first name alone set off by
    /// commas right after a person's noun (at `i`, a clause's subject) names that person,
    /// with the gender the first name or the noun tells, for the next `he` or `she` (features
    /// name relatives by their first names). Whether it was noted.
    fn note_relative_first_name(
        &mut self,
        text: &str,
        toks: &[Token],
        i: usize,
        base: usize,
    ) -> bool {
        let t = &toks[i];
        let noun = &toks[i - 1];
        let commas = text[noun.range.end..t.range.start].trim() == ","
            && toks
                .get(i + 1)
                .is_some_and(|n| text[t.range.end..n.range.start].trim() == ",");
        let person = noun.is(Class::PersonNoun) || role_gender(noun).is_some();
        if !commas || !is_first_name(t.lower) || noun.cap || !person {
            return false;
        }
        let gender = first_name_gender(&text[t.range.clone()]).or_else(|| role_gender(noun));
        let spelling = self.spelling(text[t.range.clone()].to_string(), None);
        self.seen.push(SeenName {
            subject: true,
            clause_subject: true,
            into_sentence: into_sentence(toks, i),
            gender,
            spelling,
            at: base + t.range.start,
            owner: false,
        });
        true
    }

    /// Records the capitalised run `run` (widened over `of`, `and` to the organisation's
    /// whole name: `Society of Motor Manufacturers and Traders`) when it names an
    /// organisation; whether it did.
    fn note_org(
        &mut self,
        text: &str,
        toks: &[Token],
        run: Range<usize>,
        parsed: Option<&Mention>,
        base: usize,
        body: bool,
    ) -> bool {
        let (i, j) = (run.start, run.end);
        let mut wide = j;
        while wide + 1 < toks.len()
            && matches!(toks[wide].lower, "of" | "and" | "for" | "&")
            && is_name_token(&toks[wide + 1])
            && toks[wide + 1].quote.is_none()
        {
            wide += 2;
            while wide < toks.len() && is_name_token(&toks[wide]) && toks[wide].quote.is_none() {
                wide += 1;
            }
        }
        // (`Ana Ruiz of Harbour Trust` stays a person's name)
        if wide > j && parsed.is_some_and(|m| m.kind == MentionKind::Name && m.full) {
            wide = j;
        }
        let org_run = &toks[i..wide];
        let widened = if wide > j && org_run.len() > 1 {
            parse_name(text, org_run, org_run)
        } else {
            None
        };
        if let Some(m) = widened.as_ref().or(parsed)
            && m.kind == MentionKind::Organization
        {
            let m = m.clone();
            let ini = initials(&m.name);
            if ini.len() >= 2 {
                self.org_initials.insert(ini, self.orgs_seen.len());
            }
            let next = u32::try_from(self.org_names.len()).unwrap_or(u32::MAX);
            let id = match self.org_ids.entry(m.name) {
                Entry::Occupied(e) => *e.get(),
                Entry::Vacant(e) => {
                    self.org_names.push(e.key().clone());
                    *e.insert(next)
                }
            };
            self.orgs_seen.push((id, base + toks[i].range.start));
            if body && let Some(short) = company_short_name(&toks[i..j]) {
                let seen = (id, base + toks[i].range.start);
                if let Some((first, _)) = short.split_once(' ') {
                    self.org_first.entry(first.to_string()).or_insert(seen);
                }
                self.org_short.entry(short).or_insert(seen);
            }
            if i == 0 || i == 1 && toks[0].lower == "the" {
                self.subject_org = Some((id, base + toks[i].range.start));
            }
            return true;
        }
        false
    }

    /// `Kettleworth cut 200 jobs` after `Kettleworth Appliances`: a lone capitalised word
    /// (`t`) that is the short name of a company named before is a sighting of the company
    /// (what `the company` or `it` refers back to), not a person's surname; whether it was.
    fn note_short_name(&mut self, t: &Token, opens: bool, base: usize) -> bool {
        if self.org_short.is_empty() {
            return false;
        }
        let at = base + t.range.start;
        let Some(&(id, _)) = self
            .org_short
            .get(trim_possessives(t.lower))
            .filter(|&&(_, p)| p < at)
        else {
            return false;
        };
        self.orgs_seen.push((id, at));
        if opens {
            self.subject_org = Some((id, at));
        }
        true
    }

    /// The company whose short name `name` is (`Kettleworth` for `Kettleworth Appliances`,
    /// named in the body text before `at`), as a speaker: an alias of the full name, like a
    /// person's surname. Never a name a person seen in the text bears.
    fn company_by_short_name(&mut self, name: &str, at: usize) -> Option<usize> {
        if self.org_short.is_empty() {
            return None;
        }
        lower_into(name, &mut self.norm_buf);
        let key = self.norm_buf.as_str();
        let &(org, _) = self
            .org_short
            .get(key)
            .or_else(|| self.org_first.get(key))
            .filter(|&&(_, p)| p < at)?;
        if self.surnames.contains_key(key) || self.last_seen.contains_key(key) {
            return None;
        }
        let full = self.org_names[org as usize].clone();
        let id = self.by_name_or_new(
            &simple(MentionKind::Organization, full),
            SpeakerKind::Organization,
        );
        if self.entities[id].kind != SpeakerKind::Organization {
            return None;
        }
        self.add_alias(id, name);
        Some(id)
    }

    /// The index of a seen name's spelling, added when new.
    fn spelling(&mut self, name: String, title: Option<String>) -> u32 {
        let next = u32::try_from(self.spellings.len()).unwrap_or(u32::MAX);
        match self.spelling_ids.entry((name, title)) {
            Entry::Occupied(e) => *e.get(),
            Entry::Vacant(e) => {
                let (name, title) = e.key().clone();
                self.spellings.push(Spelling {
                    surname: surname_of(&name),
                    name,
                    title,
                });
                *e.insert(next)
            }
        }
    }

    /// How a seen name is written.
    fn spelled(&self, s: &SeenName) -> &Spelling {
        &self.spellings[s.spelling as usize]
    }

    fn add(&mut self, e: Entity) -> usize {
        let id = self.entities.len();
        self.names.entry(norm(&e.name)).or_insert(id);
        for a in &e.aliases {
            self.names.entry(norm(a)).or_insert(id);
        }
        if e.kind == SpeakerKind::Person
            && let Some(sur) = &e.surname
        {
            self.surnames.insert(sur.clone(), id);
        }
        self.entities.push(e);
        id
    }

    fn add_alias(&mut self, id: usize, alias: &str) {
        let e = &mut self.entities[id];
        if !alias.is_empty() && e.name != alias && !e.aliases.iter().any(|a| a == alias) {
            e.aliases.push(alias.to_string());
            self.names.entry(norm(alias)).or_insert(id);
        }
    }

    /// The most recent entity that spoke satisfying `ok`.
    fn recent(&self, before: usize, ok: impl Fn(&Entity) -> bool) -> Option<usize> {
        self.recent_but(before, None, ok)
    }

    /// The most recent entity but `skip` that spoke satisfying `ok`.
    fn recent_but(
        &self,
        before: usize,
        skip: Option<usize>,
        ok: impl Fn(&Entity) -> bool,
    ) -> Option<usize> {
        self.entities
            .iter()
            .enumerate()
            .filter(|&(i, e)| Some(i) != skip && e.last_spoke.is_some_and(|p| p <= before) && ok(e))
            .max_by_key(|(_, e)| e.last_spoke)
            .map(|(i, _)| i)
    }

    /// Resolves a mention at document position `at` (the mention's start) to an entity id.
    /// `sentence_start` bounds the same-sentence look-back for pronouns.
    /// `hint` is the gender of a pronoun opening the reported clause (`X said she …`).
    pub fn resolve(
        &mut self,
        m: &Mention,
        at: usize,
        sentence_start: usize,
        hint: Option<Gender>,
    ) -> Option<usize> {
        match &m.kind {
            MentionKind::Pronoun(p) => self.resolve_pronoun(*p, at, sentence_start),
            MentionKind::Description => self.resolve_description(m, at, hint),
            MentionKind::Name => {
                if self.plural_common_noun(m) {
                    return Some(self.by_name_or_new(m, SpeakerKind::Group));
                }
                if m.title.is_none()
                    && let Some(id) = self.company_by_short_name(&m.name, at)
                {
                    return Some(id);
                }
                let id = self.resolve_name(m, at);
                if self.entities[id].gender.is_none()
                    && self.entities[id].kind == SpeakerKind::Person
                {
                    self.entities[id].gender = hint;
                }
                Some(id)
            }
            MentionKind::Anonymous => Some(self.resolve_anonymous(m, at)),
            MentionKind::Organization => Some(self.resolve_org(m, at)),
            MentionKind::Group => {
                // a bare `Some`, `Many` goes on with the group that spoke last
                if is_share_of_group(&m.name)
                    && let Some(id) = self.recent(at, |e| {
                        e.plural && matches!(e.kind, SpeakerKind::Group | SpeakerKind::Anonymous)
                    })
                {
                    self.add_alias(id, &m.name);
                    return Some(id);
                }
                Some(self.by_name_or_new(m, SpeakerKind::Group))
            }
            MentionKind::Document => Some(self.by_name_or_new(m, SpeakerKind::Document)),
            MentionKind::UnnamedPerson => Some(self.by_name_or_new(m, SpeakerKind::Person)),
        }
    }

    /// A description (`the mayor`, `the 39-year-old founder`): the person whose title
    /// has its head noun; a bare title no one holds is someone new; else the person last
    /// named as a subject, or the last person who spoke.
    fn resolve_description(
        &mut self,
        m: &Mention,
        at: usize,
        hint: Option<Gender>,
    ) -> Option<usize> {
        // `the mayor` after `Mayor Ana Ruiz`: the person whose title or role has the
        // description's head noun
        let head = m.name.rsplit(' ').next().unwrap_or("").to_lowercase();
        if let Some(id) = self.with_role(&head, at) {
            self.description_alias(id, m);
            return Some(id);
        }
        // a bare title no one named holds is someone new: `The minister said …`
        // (`the lanky, bespectacled professor` describes someone known)
        if Class::Title.has(&head)
            && m.name.split(' ').count() == 2
            && m.name.to_lowercase().starts_with("the ")
        {
            return Some(self.by_name_or_new(m, SpeakerKind::Person));
        }
        // the person last named in the text, or the last person who spoke
        let ok = |g: Option<Gender>| hint.is_none() || g.is_none_or(|g| Some(g) == hint);
        let named = self
            .seen
            .iter()
            .rev()
            .filter(|s| s.at < at && s.subject)
            .find(|s| {
                ok(s.gender.or_else(|| {
                    self.by_surname(&self.spelled(s).surname)
                        .and_then(|id| self.entities[id].gender)
                }))
            })
            .cloned();
        // (`A resident who asked not to be named said … “…,” the woman said`: an unnamed
        // speaker is referred back to by a description too)
        let spoke = self.recent(at, |e| {
            (e.kind == SpeakerKind::Person || e.kind == SpeakerKind::Anonymous && !e.plural)
                && ok(e.gender)
        });
        let id = match (named, spoke) {
            (Some(n), Some(id)) if self.entities[id].last_spoke.is_some_and(|t| t > n.at) => id,
            (Some(n), _) => self.person_from_seen(&n),
            (None, Some(id)) => id,
            // no one to refer to: the description names the speaker
            (None, None) => self.by_name_or_new(m, SpeakerKind::Person),
        };
        // `the 32-year-old labourer says he …` tells the person's gender too
        if self.entities[id].gender.is_none() {
            self.entities[id].gender = hint;
        }
        self.description_alias(id, m);
        Some(id)
    }

    /// A definite description that refers back to a named person (`the minister` for
    /// Chrystia Freeland) is one more way the text names them: an alias.
    fn description_alias(&mut self, id: usize, m: &Mention) {
        let e = &self.entities[id];
        let definite = m.name.starts_with("the ") || m.name.starts_with("The ");
        if definite
            && e.kind == SpeakerKind::Person
            && e.surname.is_some()
            && space_words(&m.name).count() <= 4
            && !m.name.contains(',')
        {
            let alias = format!("the {}", &m.name[4..]);
            self.add_alias(id, &alias);
        }
    }

    /// `Builders have complained`, `Protesters said`: a capitalised one-word "name" that is
    /// a plural agent noun (`-ers`, `-ists`, …) and no one's surname in the text is a group.
    fn plural_common_noun(&self, m: &Mention) -> bool {
        // (only a one-word name ending in `s` can be one: most are ruled out without a copy)
        if m.full || m.title.is_some() || m.name.contains(' ') || !m.name.ends_with(['s', 'S']) {
            return false;
        }
        let w = m.name.to_lowercase();
        let Some(stem) = w.strip_suffix('s') else {
            return false;
        };
        let agent = ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|suf| stem.len() >= 6 && stem.ends_with(suf));
        agent
            && !m.full
            && m.title.is_none()
            && !m.name.contains(' ')
            && !self.last_seen.contains_key(&w)
            && !self.surnames.contains_key(&w)
            && lexicon::classes(stem)
                & (Class::FirstNameFemale.bit()
                    | Class::FirstNameMale.bit()
                    | Class::FirstNameEither.bit())
                == 0
    }

    /// An anonymous source: `these people`, `the source` go on with the last anonymous
    /// source of that number.
    fn resolve_anonymous(&mut self, m: &Mention, at: usize) -> usize {
        let n = norm(&m.name);
        let continuing = matches!(
            n.as_str(),
            "people"
                | "these people"
                | "those people"
                | "the people"
                | "same people"
                | "these sources"
                | "those sources"
                | "sources"
                | "person"
                | "same person"
                | "that person"
                | "this person"
                | "source"
                | "same source"
                | "these officials"
                | "those officials"
        );
        if continuing {
            let plural = !n.ends_with("person") && !n.ends_with("source");
            if let Some(id) = self.recent(at, |e| {
                e.kind == SpeakerKind::Anonymous && e.plural == plural
            }) {
                self.add_alias(id, &m.name);
                return id;
            }
        }
        self.by_name_or_new(m, SpeakerKind::Anonymous)
    }

    /// An organisation: an acronym or description of one named before, `the company`
    /// for the last one with that word in its name, else itself.
    fn resolve_org(&mut self, m: &Mention, at: usize) -> usize {
        // `the company`, `the ministry`: the last organisation with that word in its name
        let n = norm(&m.name);
        if !n.contains(' ')
            && !m.name.starts_with(char::is_uppercase)
            && let Some(id) = self.recent(at, |e| {
                e.kind == SpeakerKind::Organization && names_other_with_word(&e.name, &n)
            })
        {
            self.add_alias(id, &m.name);
            return id;
        }
        if let Some(id) = self.org_referred_to(m, at) {
            return id;
        }
        if let Some(id) = self.company_by_short_name(&m.name, at) {
            return id;
        }
        self.by_name_or_new(m, SpeakerKind::Organization)
    }

    /// The person whose title or role holds the word `head` (`mayor` for `Mayor Ana
    /// Ruiz`): the latest one named before `at`, among speakers and seen names.
    fn with_role(&mut self, head: &str, at: usize) -> Option<usize> {
        let has = |t: &str| has_word(t, head);
        let seen = self
            .seen
            .iter()
            .rev()
            .filter(|s| s.at < at)
            .take(64)
            .find(|s| self.spelled(s).title.as_deref().is_some_and(has))
            .copied();
        if let Some(s) = seen {
            return Some(self.person_from_seen(&s));
        }
        let by_role = self
            .entities
            .iter()
            .rposition(|e| e.kind == SpeakerKind::Person && e.role.as_deref().is_some_and(has));
        // (`the spokeswoman` after `Northwind's spokeswoman`, `the official` after `an
        // official with the Harbour Authority`: an unnamed speaker's own words hold the
        // noun; among the recent speakers only, so a long text of many speakers stays linear)
        let first = self.entities.len().saturating_sub(64);
        let by_words = self.entities[first..]
            .iter()
            .rposition(|e| {
                matches!(e.kind, SpeakerKind::Person | SpeakerKind::Anonymous)
                    && !e.plural
                    && space_words(&e.name)
                        .skip(1)
                        .any(|w| trim_possessive_bytes(w).eq_ignore_ascii_case(head.as_bytes()))
                    // (a description, not a name: it has a lowercase word)
                    && e.name.split(' ').any(|w| w.starts_with(char::is_lowercase))
            })
            .map(|i| first + i);
        by_role.max(by_words)
    }

    /// An organisation named earlier that `m` refers back to: an acronym of its name (`CTA`
    /// for `Canadian Transport Agency`), or a description by an organisation noun (`the
    /// agency` after `the Harbour Authority`, within a few paragraphs).
    fn org_referred_to(&mut self, m: &Mention, at: usize) -> Option<usize> {
        let acronym =
            (2..=6).contains(&m.name.len()) && m.name.chars().all(|c| c.is_ascii_uppercase());
        let description = !m.name.contains(' ')
            && m.name.starts_with(|c: char| c.is_lowercase())
            && Class::OrgNoun.has(&m.name);
        if !acronym && !description {
            return None;
        }
        let found = if acronym {
            let &k = self.org_initials.get(&m.name)?;
            let (name, p) = self.orgs_seen[k];
            (p < at).then(|| self.org_names[name as usize].clone())?
        } else {
            // (each name's last word lowercased in one buffer)
            let mut w = String::new();
            self.orgs_seen
                .iter()
                .rev()
                .filter(|(_, p)| *p < at)
                .take_while(|(_, p)| p + TOPIC_WINDOW > at)
                .map(|&(name, _)| &self.org_names[name as usize])
                .find(|name| {
                    // `the agency` for any organisation, `the council` for a council,
                    // `the company` for a company (`Kestrel Energy`)
                    name.rsplit(' ').next().is_some_and(|last| {
                        lower_into(last, &mut w);
                        let c = lexicon::classes(trim_possessives(&w));
                        c & Class::OrgNoun.bit() != 0
                            && (w == m.name || Class::GenericOrg.has(&m.name))
                            || c & Class::OrgNameEnd.bit() != 0 && Class::GenericOrg.has(&m.name)
                    })
                })
                .cloned()?
        };
        let id = self.by_name_or_new(
            &simple(MentionKind::Organization, found),
            SpeakerKind::Organization,
        );
        if self.entities[id].kind != SpeakerKind::Organization {
            return None;
        }
        self.add_alias(id, &m.name);
        Some(id)
    }

    fn by_surname(&self, surname: &str) -> Option<usize> {
        self.surnames.get(surname).copied()
    }

    /// The person named last as a clause's subject within the byte range `range` (a
    /// sentence), as a speaker id: whom a lead-in sentence introduces.
    pub fn clause_subject_in(&mut self, range: Range<usize>) -> Option<usize> {
        let named = self
            .seen
            .iter()
            .rev()
            .skip_while(|s| s.at >= range.end)
            .take_while(|s| s.at >= range.start)
            .find(|s| s.clause_subject)
            .copied()?;
        Some(self.person_from_seen(&named))
    }

    fn person_from_seen(&mut self, seen: &SeenName) -> usize {
        let s = self.spelled(seen);
        // (`Sam Brook` is not `Nadia Brook`: relatives share a surname; `Al Hashish` is
        // the surname of `Fouzia Al Hashish`)
        if let Some(id) = self.by_surname(&s.surname).filter(|&id| {
            let e = &self.entities[id].name;
            !e.contains(' ')
                || !s.name.contains(' ')
                || s.name.ends_with(e.as_str())
                || e.ends_with(s.name.as_str())
                || first_names_agree(e, &s.name)
        }) {
            return id;
        }
        let mut aliases = Vec::new();
        let sur = s
            .name
            .split_whitespace()
            .rfind(|w| !Class::Suffix.has(&w.to_lowercase()))
            .unwrap_or("")
            .to_string();
        if sur != s.name {
            aliases.push(sur);
        }
        let e = Entity {
            name: s.name.clone(),
            kind: SpeakerKind::Person,
            aliases,
            role: s.title.clone(),
            gender: seen.gender,
            surname: Some(s.surname.clone()),
            plural: false,
            last_spoke: None,
        };
        self.add(e)
    }

    fn resolve_name(&mut self, m: &Mention, at: usize) -> usize {
        // (the surname written in a buffer the registry keeps for it, given back below)
        let mut surname = std::mem::take(&mut self.surname_buf);
        surname_into(&m.name, &mut surname);
        // an existing speaker with the same name or surname
        let found = self.name_id(&m.name).or_else(|| {
            self.by_surname(&surname).filter(|&id| {
                let e = &self.entities[id];
                !m.full || !e.name.contains(' ') || first_names_agree(&e.name, &m.name)
            })
        });
        let id = match found {
            Some(id) => {
                if m.full
                    && !self.entities[id].name.contains(' ')
                    && self.entities[id].kind == SpeakerKind::Person
                {
                    let old = std::mem::replace(&mut self.entities[id].name, m.name.clone());
                    self.names.entry(norm(&m.name)).or_insert(id);
                    self.add_alias(id, &old);
                }
                id
            }
            None if !m.full => {
                // a surname seen earlier as a full name
                let seen = self
                    .last_seen
                    .get(&surname)
                    .or_else(|| self.first_seen.get(&surname))
                    .map(|&i| self.seen[i])
                    .filter(|s| s.at <= at);
                match seen {
                    Some(s) => self.person_from_seen(&s),
                    None => self.add(Entity {
                        name: m.name.clone(),
                        kind: SpeakerKind::Person,
                        aliases: Vec::new(),
                        role: None,
                        gender: None,
                        surname: Some(surname.clone()),
                        plural: false,
                        last_spoke: None,
                    }),
                }
            }
            None => {
                let sur = m
                    .name
                    .split_whitespace()
                    .rfind(|w| !Class::Suffix.has(&w.to_lowercase()))
                    .unwrap_or("")
                    .to_string();
                let id = self.add(Entity {
                    name: m.name.clone(),
                    kind: SpeakerKind::Person,
                    aliases: Vec::new(),
                    role: None,
                    gender: None,
                    surname: Some(surname.clone()),
                    plural: false,
                    last_spoke: None,
                });
                self.add_alias(id, &sur);
                id
            }
        };
        if m.name != self.entities[id].name {
            self.add_alias(id, &m.name);
        }
        if let Some(t) = &m.title {
            // (`title surname`, written in the look-up buffer rather than a new string)
            let mut alias = std::mem::take(&mut self.norm_buf);
            alias.clear();
            alias.push_str(t);
            alias.push(' ');
            alias.push_str(m.name.split_whitespace().last().unwrap_or(""));
            self.add_alias(id, &alias);
            self.norm_buf = alias;
            if self.entities[id].role.is_none() {
                self.entities[id].role = Some(t.clone());
            }
        }
        if self.entities[id].gender.is_none() {
            self.entities[id].gender = m.gender;
        }
        self.surname_buf = surname;
        id
    }

    fn by_name_or_new(&mut self, m: &Mention, kind: SpeakerKind) -> usize {
        if let Some(id) = self.name_id(&m.name) {
            return id;
        }
        let n = norm(&m.name);
        let plural = match kind {
            SpeakerKind::Anonymous => {
                let raw = m.name.to_lowercase();
                let one = ["a ", "an ", "one ", "another "]
                    .iter()
                    .any(|d| raw.starts_with(d));
                !(one || n.ends_with("person") || n.ends_with("source") || n.ends_with("official"))
            }
            SpeakerKind::Group | SpeakerKind::Organization => true,
            // people named together (`Greta Olsen and Paul Hwang`)
            SpeakerKind::Person => n.contains(" and "),
            _ => false,
        };
        self.add(Entity {
            name: m.name.clone(),
            kind,
            aliases: Vec::new(),
            role: None,
            gender: None,
            surname: None,
            plural,
            last_spoke: None,
        })
    }

    /// `speaker` (the most recent person who spoke with a compatible gender), else the most
    /// recent full name in the text with a compatible gender.
    fn person_by_gender(
        &mut self,
        at: usize,
        gender: Option<Gender>,
        speaker: Option<usize>,
    ) -> Option<usize> {
        let ok = |g: Option<Gender>| gender_fits(g, gender);
        if speaker.is_some() {
            return speaker;
        }
        let named = self
            .seen
            .iter()
            .rev()
            .filter(|s| s.at < at)
            .find(|s| {
                let g = s.gender.or_else(|| {
                    self.by_surname(&self.spelled(s).surname)
                        .and_then(|id| self.entities[id].gender)
                });
                ok(g)
            })
            .cloned();
        named.map(|s| self.person_from_seen(&s))
    }

    /// A person named as a clause's subject in a sentence between the last compatible
    /// speaker's and the pronoun's (`Smith spoke. Jones paused. “…,” he said.` → Jones): the
    /// topic has moved to them. With no compatible speaker yet, the last clause subject of
    /// the pronoun's gender a few paragraphs back (`Ruth Hale walks past Kestrel Point. “…,”
    /// she says.` → Hale, not the place after the preposition). Names in the pronoun's own
    /// sentence are left to the same-sentence rule; `at` is the start of the pronoun's
    /// sentence.
    fn subject_since_speaker(
        &mut self,
        at: usize,
        gender: Option<Gender>,
        speaker: Option<usize>,
    ) -> Option<usize> {
        let ok = |g: Option<Gender>| gender_fits(g, gender);
        let spoke = match speaker {
            Some(id) => self.entities[id].last_spoke?,
            None => 0,
        };
        // a speaker known to be of the pronoun's gender gives way only to someone who looks
        // like a person (`Marlow Heath lost its allotments.` is a place)
        let sure = speaker.is_some_and(|id| self.entities[id].gender.is_some());
        let named = self
            .seen
            .iter()
            .rev()
            // a topic is picked up within a few paragraphs, not across the article
            .take_while(|s| s.at > spoke && s.at + TOPIC_WINDOW > at)
            // a name in the speaker's own sentence (`Smith said Jones lied`) is not a new topic
            .filter(|s| s.at < at && s.clause_subject && s.at - s.into_sentence as usize > spoke)
            .find(|s| {
                let g = s.gender.or_else(|| {
                    self.by_surname(&self.spelled(s).surname)
                        .and_then(|id| self.entities[id].gender)
                });
                // (with no speaker to fall back on, only a person known to be of the
                // pronoun's gender: `the restaurant's Kismot Killer dish` is no one)
                let named_person = || {
                    let sp = self.spelled(s);
                    sp.title.is_some()
                        || sp.name.split_whitespace().next().is_some_and(is_first_name)
                };
                ok(g)
                    && (speaker.is_some() || g.is_some() && g == gender)
                    && (!sure || g.is_some() || named_person())
            })
            .copied()?;
        let id = self.person_from_seen(&named);
        ok(self.entities[id].gender).then_some(id)
    }

    fn resolve_pronoun(&mut self, p: Pronoun, at: usize, sentence_start: usize) -> Option<usize> {
        let gender = match p {
            Pronoun::He => Some(Gender::Male),
            Pronoun::She => Some(Gender::Female),
            _ => None,
        };
        match p {
            Pronoun::He | Pronoun::She => {
                // a person named earlier in the same sentence
                let same = self
                    .seen
                    .iter()
                    .rev()
                    .take_while(|s| s.at >= sentence_start)
                    .find(|s| {
                        s.at >= sentence_start
                            && s.at < at
                            && s.gender.is_none_or(|g| Some(g) == gender)
                    })
                    // (the sentence's own subject, `Curie, 21, came second, but she …`, or a
                    // name known as a person's)
                    .filter(|s| {
                        s.subject
                            || self.spelled(s).title.is_some()
                            || self.by_surname(&self.spelled(s).surname).is_some()
                    })
                    .cloned();
                let id = if let Some(s) = same {
                    let id = self.person_from_seen(&s);
                    (self.entities[id].gender.is_none_or(|g| Some(g) == gender)).then_some(id)
                } else {
                    None
                };
                let id = id.or_else(|| {
                    let ok =
                        |g: Option<Gender>| g.is_none_or(|g| Some(g) == gender) || gender.is_none();
                    // the most recent person who spoke with a compatible gender
                    // (not people named together: `she` is one of them, not both; not
                    // the `I` of the paragraph, a transcript's speaker)
                    let speaker = self.recent_but(at, self.first_person, |e| {
                        // (`a clerk who asked not to be named` is one person too)
                        matches!(e.kind, SpeakerKind::Person | SpeakerKind::Anonymous)
                            && !e.plural
                            && ok(e.gender)
                    });
                    self.subject_since_speaker(sentence_start, gender, speaker)
                        .or_else(|| self.person_by_gender(at, gender, speaker))
                        // a gender read only from a first name is a preference, not a
                        // filter: `Andrea`, `Jean`, `Kim` name men and women (but not once
                        // the text called the person `she`: `“They knew,” she said.`)
                        .or_else(|| {
                            self.recent(at, |e| {
                                e.kind == SpeakerKind::Person
                                    && e.gender.is_some()
                                    && e.gender == first_name_gender(&e.name)
                            })
                            .filter(|id| !self.pronoun_gendered.contains(id))
                        })
                });
                if let Some(id) = id {
                    if self.entities[id].gender.is_none() {
                        self.entities[id].gender = gender;
                    }
                    if self.entities[id].gender == gender {
                        self.pronoun_gendered.insert(id);
                    }
                }
                id
            }
            Pronoun::They => self.recent(at, |e| {
                e.plural
                    && matches!(
                        e.kind,
                        SpeakerKind::Group
                            | SpeakerKind::Anonymous
                            | SpeakerKind::Organization
                            | SpeakerKind::Person
                    )
            }),
            Pronoun::It => self
                .recent(at, |e| {
                    matches!(e.kind, SpeakerKind::Organization | SpeakerKind::Document)
                })
                .or_else(|| self.retyped_as_org(at))
                // (only an `It` opening its sentence: `what it says is` has its antecedent
                // in its own sentence)
                .or_else(|| {
                    (at == sentence_start)
                        .then(|| self.org_just_named(at))
                        .flatten()
                }),
            Pronoun::I => self.first_person,
            Pronoun::We => None,
        }
    }

    /// `Verizon said … It added …`: the text calls the last speaker `it`, so a one-word
    /// name taken for a person (no first name, title, role or gender known) is an
    /// organisation.
    fn retyped_as_org(&mut self, at: usize) -> Option<usize> {
        let id = self.recent(at, |_| true)?;
        let e = &mut self.entities[id];
        let bare = e.kind == SpeakerKind::Person
            && !e.name.contains(' ')
            && e.role.is_none()
            && e.gender.is_none()
            && e.aliases.is_empty()
            && lexicon::classes(&e.name.to_lowercase())
                & (Class::FirstNameFemale.bit()
                    | Class::FirstNameMale.bit()
                    | Class::FirstNameEither.bit())
                == 0;
        if !bare {
            return None;
        }
        e.kind = SpeakerKind::Organization;
        e.plural = true;
        if let Some(sur) = e.surname.take()
            && self.surnames.get(&sur) == Some(&id)
        {
            self.surnames.remove(&sur);
        }
        Some(id)
    }

    /// `Brightwave said …`, and no `Ann Brightwave` anywhere in the text: news names a
    /// person in full at least once, so a one-word name taken for a person (no first name,
    /// title, role, gender or other spelling) that is no seen person's surname is an
    /// organisation's. `texts` are the document's blocks (a possessive `Alex Nedeljkovic's`
    /// is no name sighting, so a first name right before the word counts too). Run once,
    /// after the whole text is read.
    pub fn retype_unintroduced_names(&mut self, texts: &[&str]) {
        let candidates: Vec<usize> = (0..self.entities.len())
            .filter(|&i| {
                let e = &self.entities[i];
                e.kind == SpeakerKind::Person
                    && e.role.is_none()
                    && e.gender.is_none()
                    && e.aliases.is_empty()
                    && !e.name.contains([' ', '.'])
                    && e.name.chars().next().is_some_and(char::is_uppercase)
                    && !is_first_name(&e.name)
                    && !self.last_seen.contains_key(&e.name.to_lowercase())
            })
            .collect();
        if candidates.is_empty() {
            return;
        }
        let names: rustc_hash::FxHashSet<&str> = candidates
            .iter()
            .map(|&i| self.entities[i].name.as_str())
            .collect();
        let introduced = names_after_first_names(texts, &names);
        for i in candidates {
            if !introduced.contains(&self.entities[i].name) {
                self.entities[i].kind = SpeakerKind::Organization;
                self.entities[i].plural = true;
            }
        }
    }

    /// The group (or plural anonymous source) that spoke last before `at`, within a few
    /// paragraphs: whom a later `another added` is one of.
    pub fn group_spoke_last(&self, at: usize) -> Option<usize> {
        self.recent(at, |e| {
            e.plural
                && matches!(e.kind, SpeakerKind::Group | SpeakerKind::Anonymous)
                && e.last_spoke.is_some_and(|p| p + TOPIC_WINDOW > at)
        })
    }

    /// The interviewee of a Q&A (asked at its first answer, at `at`): the person the
    /// introduction names most often before it (the first of equals), found once.
    pub fn interviewee(&mut self, at: usize) -> Option<usize> {
        if let Some(found) = self.interviewee {
            return found;
        }
        let mut counts: FxHashMap<&str, (usize, usize)> = FxHashMap::default();
        for (i, s) in self.seen.iter().enumerate().take_while(|(_, s)| s.at < at) {
            let surname = self.spellings[s.spelling as usize].surname.as_str();
            counts.entry(surname).or_insert((0, i)).0 += 1;
        }
        let best = counts
            .values()
            .max_by_key(|&&(n, first)| (n, std::cmp::Reverse(first)))
            .map(|&(_, first)| self.seen[first]);
        let found = best.map(|s| self.person_from_seen(&s));
        self.interviewee = Some(found);
        found
    }

    /// The person a transcript's label names (`Okafor:`, `Ruth Okafor:`): a person speaker or
    /// a person seen with that name or surname; never an organisation (`Mashable:`).
    pub fn labelled_person(&mut self, label: &str) -> Option<usize> {
        let surname = surname_of(label);
        let id = self
            .names
            .get(&norm(label))
            .copied()
            .or_else(|| self.by_surname(&surname))
            .or_else(|| {
                let k = *self.last_seen.get(&surname)?;
                let seen = self.seen[k];
                Some(self.person_from_seen(&seen))
            })?;
        (self.entities[id].kind == SpeakerKind::Person).then_some(id)
    }

    /// The person a broadcast transcript's label names (`JOAN REYES`, later `REYES`), given
    /// in the reader's case (`Joan Reyes`), at document position `at`: the person of that
    /// name or surname, or someone new (gender from the first name).
    pub fn turn_speaker(&mut self, name: &str, at: usize) -> usize {
        let m = Mention {
            kind: MentionKind::Name,
            name: name.to_string(),
            title: None,
            gender: first_name_gender(name),
            full: name.contains(' '),
        };
        let id = self.resolve_name(&m, at);
        if self.entities[id].gender.is_none() {
            self.entities[id].gender = m.gender;
        }
        id
    }

    /// Sets who `I` is in the paragraph about to be read (`None` after it).
    pub fn set_first_person(&mut self, id: Option<usize>) {
        self.first_person = id;
    }

    /// `A Vancouver hockey coach says … ¶ Stephen Gillis said …`: a lede often describes its
    /// person before naming them. A person described with `a`/`an` and no name (or with
    /// `the` when the person is then titled so: `the mayor` → `Mayor Ruth Okafor`), speaking in
    /// the lede (`lede`: the speakers of the first two paragraphs' attributions, each with
    /// where the attribution starts), is the next person named, when named as a clause's
    /// subject a paragraph or two on and gender and title agree (`Health Minister Jane Doe` is not `a
    /// nurse`): the description becomes that person's alias. Run once, after the whole text
    /// is read. The described entity and the named one, when they are two (else the
    /// described one is renamed).
    pub fn name_described_lede(&mut self, lede: &[(usize, usize)]) -> Option<(usize, usize)> {
        let &(d, at) = lede.iter().find(|&&(id, _)| {
            let e = &self.entities[id];
            let l = e.name.to_lowercase();
            e.kind == SpeakerKind::Person
                && !e.plural
                && e.surname.is_none()
                && (l.starts_with("a ") || l.starts_with("an ") || l.starts_with("the "))
                // (`a spokeswoman for the city`, `an official with the union` speak for
                // an organisation whose named people are others; `the minister responsible
                // for seniors` is one person)
                && !speaks_for_body(&l)
        })?;
        let head = description_head(&self.entities[d].name)?;
        let k = self.seen.partition_point(|s| s.at <= at);
        // the first person named after it, as a clause's subject, not far on
        let s = *self
            .seen
            .get(k)
            // (opening its sentence: not in apposition to another role, `The board's chair,
            // Jane Doe, said`)
            .filter(|s| s.clause_subject && s.into_sentence == 0 && s.at < at + TOPIC_WINDOW / 2)?;
        // (a person the text named before the description is not who it describes: `Nina
        // Holt and Ray Dunn split. A friend of the couple said … Holt, who …`)
        if self.seen[..k].iter().any(|e| e.spelling == s.spelling) {
            return None;
        }
        let sp = self.spelled(&s);
        // a definite description (`the mayor`) is only someone titled so (`Mayor Ruth Okafor`)
        let definite = self.entities[d].name.to_lowercase().starts_with("the ");
        if sp
            .title
            .as_deref()
            .map_or(definite, |t| !t.to_lowercase().contains(&head))
        {
            return None;
        }
        let gender = s.gender.or_else(|| first_name_gender(&sp.name));
        let described = self.entities[d].gender.or_else(|| gender_of_role(&head));
        if described.zip(gender).is_some_and(|(a, b)| a != b) {
            return None;
        }
        let desc = self.entities[d].name.clone();
        let named = self
            .names
            .get(&norm(&sp.name))
            .copied()
            .or_else(|| self.by_surname(&sp.surname))
            .filter(|&n| self.entities[n].kind == SpeakerKind::Person);
        if let Some(n) = named.filter(|&n| n != d) {
            self.add_alias(n, &desc);
            return Some((d, n));
        }
        let (name, surname) = (sp.name.clone(), sp.surname.clone());
        let e = &mut self.entities[d];
        e.name = name.clone();
        e.surname = Some(surname.clone());
        e.gender = e.gender.or(gender);
        self.names.entry(norm(&name)).or_insert(d);
        self.surnames.insert(surname, d);
        self.add_alias(d, &desc);
        None
    }

    /// `The Harbour Authority closed the pier. It said …`: the organisation last named as a
    /// sentence's subject, in the sentences just before, when no organisation has spoken.
    fn org_just_named(&mut self, at: usize) -> Option<usize> {
        let (name, p) = self.subject_org.filter(|&(_, p)| p < at)?;
        if p + TOPIC_WINDOW / 2 < at {
            return None;
        }
        let name = self.org_names[name as usize].clone();
        let id = self.by_name_or_new(
            &simple(MentionKind::Organization, name),
            SpeakerKind::Organization,
        );
        (self.entities[id].kind == SpeakerKind::Organization).then_some(id)
    }

    /// Whether entity `id` can be the `he` or `she` of gender `g`: one person, of that gender
    /// or of none known (never an organisation, a group or a document).
    pub fn is_person_of(&self, id: usize, g: Gender) -> bool {
        let e = &self.entities[id];
        e.kind == SpeakerKind::Person && !e.plural && gender_fits(e.gender, Some(g))
    }

    /// Who a `he` or `she` of gender `g` opening a sentence at `at` stands for, by the
    /// pronoun rules.
    pub fn pronoun_antecedent(&mut self, g: Gender, at: usize) -> Option<usize> {
        let p = match g {
            Gender::Male => Pronoun::He,
            Gender::Female => Pronoun::She,
        };
        self.resolve_pronoun(p, at, at)
    }

    /// Whether a name that may stand for a person of `gender` was seen in `from..to` (a
    /// nearer antecedent for a pronoun than a description before it).
    pub fn named_between(&self, from: usize, to: usize, gender: Option<Gender>) -> bool {
        self.seen
            .iter()
            .rev()
            .skip_while(|s| s.at >= to)
            .take_while(|s| s.at > from)
            .any(|s| !s.owner && gender_fits(s.gender, gender))
    }

    /// Notes that `id` spoke in a document called by the noun `noun` (`in a statement`).
    pub fn note_document_author(&mut self, noun: &str, id: usize) {
        self.note_author(noun, id, false);
    }

    /// Notes that `id` wrote or sent the document the text introduced with the noun `noun`
    /// (`a report by X`, `letters from X`, `a message X sent`).
    pub fn note_introduced_document(&mut self, noun: &str, id: usize) {
        self.note_author(noun, id, true);
    }

    fn note_author(&mut self, noun: &str, id: usize, introduced: bool) {
        if let Some(v) = self.document_authors.get_mut(noun) {
            *v = (id, introduced);
        } else {
            self.document_authors
                .insert(noun.to_string(), (id, introduced));
        }
    }

    /// The latest speaker who spoke in a document called by the noun `noun`, if any.
    pub fn document_author(&self, noun: &str) -> Option<usize> {
        self.document_authors.get(noun).map(|&(id, _)| id)
    }

    /// Whether the latest author of a document called `noun` is one the text introduced
    /// with it (`a report by X`) rather than one who spoke in it (`said in a report`).
    pub fn document_introduced(&self, noun: &str) -> bool {
        self.document_authors.get(noun).is_some_and(|&(_, i)| i)
    }

    /// Whether a speaker already goes by `name` (or an alias like it).
    pub fn knows(&mut self, name: &str) -> bool {
        self.name_id(name).is_some()
    }

    /// Marks an entity as having spoken at `at`.
    pub fn spoke(&mut self, id: usize, at: usize) {
        if let Some(e) = self.entities.get_mut(id) {
            e.last_spoke = Some(e.last_spoke.map_or(at, |p| p.max(at)));
        }
    }

    /// Sets an entity's role when it has none.
    ///
    /// `Brightwater, a regional utility, said …`: a role headed by an organisation's noun
    /// makes a name that no first name, title or gender marks as a person an organisation.
    pub fn set_role(&mut self, id: usize, role: &str) {
        if let Some(e) = self.entities.get_mut(id)
            && e.role.is_none()
            && !role.is_empty()
        {
            e.role = Some(role.to_string());
            if role_names_org(role) {
                self.unnamed_person_is_org(id);
            }
        }
    }

    /// `Dunmore Mills declined an interview. It said …`: a name an `it` refers back to is an
    /// organisation's, unless a first name, a title or a gender marks it as a person's.
    pub fn referred_to_as_it(&mut self, id: usize) {
        self.unnamed_person_is_org(id);
    }

    /// Makes a person entity that no first name, title or gender marks as a person an
    /// organisation.
    fn unnamed_person_is_org(&mut self, id: usize) {
        let Some(e) = self.entities.get_mut(id) else {
            return;
        };
        let named_person = e.gender.is_some()
            || e.name.split(' ').next().is_some_and(is_first_name)
            || e.name
                .split(' ')
                .next()
                .is_some_and(|w| Class::Title.has(&w.to_lowercase()));
        if e.kind == SpeakerKind::Person && !named_person {
            e.kind = SpeakerKind::Organization;
            e.plural = true;
            // (`Mills` is no alias of `Dunmore Mills` the company, as it was of the person)
            if let Some(last) = e.name.rsplit(' ').next().filter(|l| *l != e.name) {
                let last = last.to_string();
                e.aliases.retain(|a| *a != last);
            }
            if let Some(sur) = e.surname.take()
                && self.surnames.get(&sur) == Some(&id)
            {
                self.surnames.remove(&sur);
            }
        }
    }

    /// The output record of an entity (counts filled in by the caller).
    pub fn out(&self, id: usize, new_id: usize) -> SpeakerOut {
        let e = &self.entities[id];
        SpeakerOut {
            id: new_id,
            name: e.name.clone(),
            kind: e.kind,
            aliases: e.aliases.clone(),
            role: e.role.clone(),
            quotes: 0,
            claims: 0,
        }
    }
}

/// `For Ruiz, every lost hive hurts.`, `To Lee, who …`, `As for Park, …`: a name (at `i`,
/// `after` the text following it) in a prepositional phrase opening the sentence and closed
/// by a comma is the sentence's topic, which a feature's next `she says` picks up, although a
/// name after a preposition is otherwise nobody's topic.
fn fronted_topic(toks: &[Token], i: usize, after: &str) -> bool {
    let opener = match i {
        1 => matches!(toks[0].lower, "for" | "to"),
        2 => toks[0].lower == "as" && toks[1].lower == "for",
        _ => false,
    };
    opener && after.starts_with(',')
}

/// A capitalised run of two words or more parsed as a name, the possessive cut first (`Lou
/// Akins’s farm …` names Lou Akins, its owner); whether it was in the possessive.
fn parse_run(text: &str, run: &[Token]) -> (bool, Option<Mention>) {
    if run.len() < 2 {
        return (false, None);
    }
    match without_possessive(run) {
        Some(owner) => (true, parse_name(text, &owner, &owner)),
        None => (false, parse_name(text, run, run)),
    }
}

/// Whether the name at token `i` is a topic by its place after a verb: the person asked
/// (`I asked Moss whether Diaz will start.`: who answers next, [`addressee`]) or a subject
/// after its verb (`Also in the hall was Lou Akins, a farmer.`, `Then there is Lou Akins.`).
fn topic_after_verb(toks: &[Token], opening: usize, i: usize) -> bool {
    let copula = |k: usize| {
        matches!(toks[k].lower, "was" | "were" | "is" | "came") && toks[k].quote.is_none()
    };
    // (`Among those waiting was farmer Lou Akins`: a role noun may stand between)
    let role = |k: usize| {
        !toks[k].cap
            && toks[k].quote.is_none()
            && !is_function_token(&toks[k])
            && !toks[k].is(Class::Preposition)
    };
    addressee(toks, opening, i)
        || i > opening + 1 && copula(i - 1)
        || i > opening + 2 && role(i - 1) && copula(i - 2)
}

/// Whether token `i` (a name) is the person asked in its sentence: right after an `ask` verb
/// (`asked Moss`), or after one and a role noun (`asked goalie Tom Moss`, `asking
/// councillor Ruiz`). The person asked is the one whose answer the text quotes next.
fn addressee(toks: &[Token], opening: usize, i: usize) -> bool {
    let ask = |t: &Token| t.quote.is_none() && t.cue().is_some_and(|c| c.lemma == "ask");
    match i.checked_sub(opening) {
        Some(1..) if ask(&toks[i - 1]) => true,
        Some(2..) => {
            let role = &toks[i - 1];
            !role.cap
                && role.quote.is_none()
                && !is_function_token(role)
                && !role.is(Class::Preposition)
                && ask(&toks[i - 2])
        }
        _ => false,
    }
}

/// Whether token `i` (a name) stands inside a question reported after an `ask` verb earlier
/// in its sentence (`asked the coach whether Diaz will start`, `asked why Ruiz left`): the
/// question names whom it is about, not who speaks next. The question ends at a comma: the
/// name after it (`When asked whether she had regrets, Ruiz paused`) is the main clause's.
fn in_asked_question(text: &str, toks: &[Token], opening: usize, i: usize) -> bool {
    let Some(q) = (opening..i).rev().find(|&k| {
        matches!(
            toks[k].lower,
            "whether" | "if" | "why" | "how" | "what" | "when"
        ) && toks[k].quote.is_none()
    }) else {
        return false;
    };
    if text[toks[q].range.end..toks[i].range.start].contains([',', ';', ':', '—', '–']) {
        return false;
    }
    (opening..q).any(|k| toks[k].quote.is_none() && toks[k].cue().is_some_and(|c| c.lemma == "ask"))
}

/// `Cris Vega, a farm worker, is a mother of four …`, `Sam Orr, a grandfather, …`: the
/// gender a sentence's subject is described with, by a role noun after `a`/`an` in its
/// apposition or after `is`/`was` (the name's run ends before token `j`). It outweighs a
/// first name's gender, which names of both sexes share.
fn described_gender(text: &str, toks: &[Token], j: usize) -> Option<Gender> {
    let role_after = |k: usize| -> Option<Gender> {
        if !toks.get(k).is_some_and(|t| matches!(t.lower, "a" | "an")) {
            return None;
        }
        toks.get(k + 1..(k + 4).min(toks.len()))?
            .iter()
            .take_while(|t| !t.cap && t.quote.is_none() && t.lower != "of")
            .find_map(role_gender)
    };
    let gap = |k: usize| &text[toks[k - 1].range.end..toks[k].range.start];
    if j >= toks.len() {
        return None;
    }
    if gap(j).trim() == ","
        && let Some(g) = role_after(j)
    {
        return Some(g);
    }
    // past an apposition between commas, the verb
    let mut k = j;
    if gap(j).trim() == "," {
        k = (j + 1..(j + 12).min(toks.len())).find(|&k| gap(k).trim() == ",")?;
    }
    let verb = toks.get(k)?;
    if !matches!(verb.lower, "is" | "was") {
        return None;
    }
    role_after(k + 1)
}

/// The head noun of a description (`a longtime nurse at the hospital` → `nurse`): its last
/// word before a post-modifier, lowercased.
/// `a spokeswoman for the city`, `an official with the union`: a lowercased description
/// whose head a `for`/`with` follows (not a post-positive adjective's `for`, `the minister
/// responsible for seniors`), someone speaking for a body.
fn speaks_for_body(l: &str) -> bool {
    let words: Vec<&str> = l.split_whitespace().collect();
    words
        .windows(2)
        .find(|w| matches!(w[1], "for" | "with"))
        .is_some_and(|w| !Class::PostmodifierStart.has(w[0]))
}

fn description_head(desc: &str) -> Option<String> {
    let words: Vec<&str> = desc.split_whitespace().skip(1).collect();
    let end = words
        .iter()
        .position(|w| {
            let l = w.to_lowercase();
            Class::PostmodifierStart.has(&l) || l == "who"
        })
        .unwrap_or(words.len());
    words[..end].last().map(|w| w.to_lowercase())
}

/// The gender a `he` or `she` tells.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" => Some(Gender::Male),
        "she" => Some(Gender::Female),
        _ => None,
    }
}

/// The word a one-word name at `i` (ending at `j`) is looked up by as a topic: the word
/// itself, or, for the owner of a relative or a role opening the sentence (`Aranda's son
/// drove down.`, the one a later `she` picks up; `Apatow's name` is not), the owner without
/// its possessive.
fn topic_word<'t>(toks: &[Token<'t>], i: usize, j: usize, opens: bool) -> &'t str {
    let kin = toks.get(j).is_some_and(|n| {
        n.classes() & (Class::MaleRole.bit() | Class::FemaleRole.bit() | Class::PersonNoun.bit())
            != 0
    });
    let w = toks[i].lower;
    if opens && kin {
        w.strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w)
    } else {
        w
    }
}

/// `Rita Vos of Harbour Bank,`: a name's affiliation, `of`/`at` and a capitalised name
/// (at `j`, after the person's name) closed by a comma, so the apposition runs on to it.
fn affiliation(text: &str, toks: &[Token], j: usize) -> bool {
    if !toks
        .get(j)
        .is_some_and(|t| matches!(t.lower, "of" | "at") && t.quote.is_none())
    {
        return false;
    }
    let mut k = j + 1;
    while k < toks.len() && k - j <= 5 && toks[k].quote.is_none() {
        let t = &toks[k];
        if !(t.cap || k > j + 1 && matches!(t.lower, "of" | "the" | "and" | "&")) {
            return false;
        }
        let gap = toks
            .get(k + 1)
            .map_or("", |n| &text[t.range.end..n.range.start]);
        if gap.trim() == "," {
            return t.cap;
        }
        if !gap.trim().is_empty() {
            return false;
        }
        k += 1;
    }
    false
}

/// `The foreman, Tom Banner, sat at the back.`, `Its chief, Ana Ruiz, 54, …`: a name (at
/// `i`, `after` the text following it) set off by commas right after a short noun phrase
/// opening the sentence (at `opening`, led by a determiner) is that phrase's apposition, so
/// it names the clause's subject.
fn appositive_subject(
    text: &str,
    toks: &[Token],
    opening: usize,
    (i, j): (usize, usize),
    after: &str,
) -> bool {
    if i < opening + 2 || i - opening > 6 || !(after.starts_with(',') || affiliation(text, toks, j))
    {
        return false;
    }
    let gap = |k: usize| &text[toks[k - 1].range.end..toks[k].range.start];
    toks[opening].is(Class::Determiner)
        && gap(i).trim() == ","
        && (opening + 1..i).all(|k| !gap(k).contains([',', ';', ':', '(', '—', '–']))
}

/// Whether a capitalised word standing alone can be a person's surname: no place,
/// organisation, title, group, person's noun, time word or function word, and no acronym.
fn lone_surname(t: &Token) -> bool {
    t.cap
        && t.lower.len() > 2
        && t.lower.bytes().all(|b| b.is_ascii_lowercase())
        && t.classes()
            & (Class::NonPersonCap.bit()
                | Class::OrgNoun.bit()
                | Class::GroupNoun.bit()
                | Class::PersonNoun.bit()
                | Class::Title.bit()
                | Class::TimeWord.bit()
                | Class::CapitalizedFunctionWord.bit()
                | Class::FunctionWord.bit()
                | Class::Determiner.bit()
                | Class::DocumentNoun.bit())
            == 0
        && lexicon::pronoun(t.lower).is_none()
}

/// Whether `word` (as written) is a first name of any gender.
/// Whether a role's head noun (its last word before the post-modifiers: `a regional utility`,
/// `the city's largest employer`) names an organisation (`utility`, `company`, `charity`).
///
/// ```
/// use hearsay::attribution::speakers::role_names_org;
/// assert!(role_names_org("a regional utility based in Halifax"));
/// assert!(!role_names_org("a defence analyst at the Centre for Policy"));
/// ```
pub fn role_names_org(role: &str) -> bool {
    let words: Vec<String> = role
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .take(12)
        .map(str::to_lowercase)
        .collect();
    let end = (1..words.len())
        .find(|&i| Class::PostmodifierStart.has(&words[i]))
        .unwrap_or(words.len());
    words
        .get(end.wrapping_sub(1))
        .is_some_and(|h| Class::OrgNoun.has(h) && !Class::PersonNoun.has(h))
}

fn is_first_name(word: &str) -> bool {
    lexicon::classes(&word.to_lowercase())
        & (Class::FirstNameFemale.bit() | Class::FirstNameMale.bit() | Class::FirstNameEither.bit())
        != 0
}

/// Which of `names` stand right after a capitalised first name somewhere in `texts`
/// (`Alex Nedeljkovic's`, `Ann Pellworth-Hale`): one pass over the text, whatever the
/// number of names, so a text of many one-word speakers costs no more than its length.
fn names_after_first_names(
    texts: &[&str],
    names: &rustc_hash::FxHashSet<&str>,
) -> rustc_hash::FxHashSet<String> {
    let mut found = rustc_hash::FxHashSet::default();
    for text in texts {
        // the previous run of word characters, and where it ended
        let mut prev: Option<(usize, usize)> = None;
        let mut start = None;
        let ends = text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')));
        for (i, c) in ends {
            let part = c.is_alphabetic() || matches!(c, '-' | '\'' | '\u{2019}');
            match (start, part) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let word = &text[s..i];
                    if let Some((ps, pe)) = prev
                        && (s == pe || (s == pe + 1 && text.as_bytes()[pe] == b' '))
                    {
                        let bare = word
                            .split('-')
                            .next()
                            .unwrap_or(word)
                            .trim_end_matches(['\'', '\u{2019}'])
                            .trim_end_matches("'s")
                            .trim_end_matches("\u{2019}s");
                        let hit = [word, bare].into_iter().find(|w| names.contains(w));
                        if let Some(name) = hit {
                            let before = &text[ps..pe];
                            let first = &before[before
                                .rfind(|ch: char| !ch.is_alphabetic())
                                .map_or(0, |k| {
                                    k + before[k..].chars().next().map_or(1, char::len_utf8)
                                })..];
                            if first.chars().next().is_some_and(char::is_uppercase)
                                && is_first_name(first)
                            {
                                found.insert(name.to_string());
                            }
                        }
                    }
                    prev = Some((s, i));
                    start = None;
                }
                _ => {}
            }
        }
    }
    found
}

/// Bytes from the start of the sentence `toks` to its token `i`.
fn into_sentence(toks: &[Token], i: usize) -> u32 {
    let from = toks.first().map_or(0, |t| t.range.start);
    u32::try_from(toks[i].range.start - from).unwrap_or(u32::MAX)
}

/// Small words that cannot be a clause's verb after a name (`Jones of Ottawa`, `Smith and`):
/// a function word (from the token's lexicon bits) or a possessive.
fn is_function_token(t: &Token) -> bool {
    t.is(Class::FunctionWord) || t.is_possessive()
}

/// [`gender_of_role`] of a token's word, from its lexicon bits (no look-up of the word).
fn role_gender(t: &Token) -> Option<Gender> {
    let c = t.classes();
    if c & Class::MaleRole.bit() != 0 {
        Some(Gender::Male)
    } else if c & Class::FemaleRole.bit() != 0 {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Gender implied by a role word before a name (`husband Omar …`, `wife Ana …`).
fn gender_of_role(w: &str) -> Option<Gender> {
    if Class::MaleRole.has(w) {
        Some(Gender::Male)
    } else if Class::FemaleRole.has(w) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The capitals of a name's words, small words left out (`Canadian Transport Agency` →
/// `CTA`, `Bank of Canada` → `BC`).
fn initials(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| !matches!(*w, "of" | "and" | "the" | "for" | "&" | "on" | "de"))
        .filter_map(|w| w.chars().next())
        .filter(char::is_ascii_uppercase)
        .collect()
}

fn first_names_agree(a: &str, b: &str) -> bool {
    let fa = a.split_whitespace().next().unwrap_or("");
    let fb = b.split_whitespace().next().unwrap_or("");
    fa == fb || fa.starts_with(fb) || fb.starts_with(fa)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_organisations_word_is_found_as_in_its_normalised_name() {
        let names = [
            "Harbour Ferry Company",
            "  The Company ",
            "company",
            "A Ferry company",
            "an Company",
            "Theatre Company",
            "company store",
            "The École Board",
            "Café Company",
        ];
        for name in names {
            for word in ["company", "board", "école", "the", "store", "ferry company"] {
                let n = norm(name);
                let want = n != word && n.split(' ').any(|w| w == word);
                assert_eq!(
                    names_other_with_word(name, word),
                    want,
                    "{name:?} / {word:?}"
                );
            }
        }
    }
}
