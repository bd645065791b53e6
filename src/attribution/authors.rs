//! Documents introduced with their author, for the attributions that later name only the
//! document ([`super::rules::SpeakerRule::IntroducedDocumentAuthor`]).
//!
//! News introduces a document once with who wrote or sent it — `a report by the province's
//! fare watchdog`, `warning letters from the Sign Board`, `a text message the driver, Ivo
//! Kral, sent his boss` — and then lets the document speak: `The report also says …`, `“…,”
//! the message read.`, `The letter states that …`. The document's words are its author's.
//! [`note_introduced_documents`] reads every sentence for such an introduction and notes the
//! author under the document's noun in the [`Registry`], where `the` + that noun finds it.

use super::claims::Para;
use super::lexicon::Class;
use super::speakers::{MentionKind, Registry, described_author, parse_mention};
use super::tokens::{Sentence, Token};

/// Verbs by which someone makes a document (`the letter she wrote`, `a message the driver
/// sent`): a closed grammatical set of verbs of creation and transfer of a text.
const AUTHORING_VERBS: [&str; 8] = [
    "sent", "wrote", "signed", "drafted", "issued", "emailed", "texted", "posted",
];

/// The document noun token `t` heads, singular (`letters` → `letter`), if it heads one.
/// The plural is looked up only before `by`/`from`, where an introduction may follow.
fn document_noun<'t>(t: &Token<'t>, next: Option<&Token>) -> Option<&'t str> {
    if t.quote.is_some() || t.cap {
        return None;
    }
    if t.is(Class::DocumentNoun) {
        return Some(
            t.lower
                .strip_suffix('s')
                .filter(|stem| Class::DocumentNoun.has(stem))
                .unwrap_or(t.lower),
        );
    }
    let stem = t.lower.strip_suffix('s')?;
    (next.is_some_and(|n| matches!(n.lower, "by" | "from")) && Class::DocumentNoun.has(stem))
        .then_some(stem)
}

/// Whether token `k` ends the author's noun phrase (before it): a break, a quotation, a
/// clause's or a verb's word, a preposition other than `of`, a time word.
fn ends_author(p: &Para, s: &Sentence, k: usize) -> bool {
    let t = &p.toks[k];
    t.quote.is_some()
        || p.breaks_before(k, s)
        || t.is(Class::ClauseBoundary)
        || t.is(Class::TimeWord)
        || t.is(Class::Preposition) && t.lower != "of"
        || t.cue().is_some() && !t.cap
        || matches!(t.lower, "that" | "which" | "who" | "to")
}

/// `a report by X`, `letters from X`: the author's noun phrase after `by`/`from` at `k`.
fn author_after(p: &Para, s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let a = k + 1;
    let b = (a..s.tokens.end.min(a + 8))
        .find(|&j| j > a && ends_author(p, s, j))
        .unwrap_or(s.tokens.end.min(a + 8));
    (a < b && !ends_author(p, s, a)).then_some((a, b))
}

/// `a text message the driver, Ivo Kral, sent his boss`, `the letter that Ruiz signed`: the
/// author's noun phrase between the document's noun at `k` and a verb of authoring; of a
/// description and the name set beside it, the name.
fn author_before_verb(p: &Para, s: &Sentence, k: usize) -> Option<(usize, usize)> {
    // (`In a letter to parents, Obi wrote …`: the speaker's own document, whose later
    // `the letter` is [`super::rules::SpeakerRule::NamedDocumentAuthor`]'s)
    let spoken_in = (s.tokens.start..k)
        .rev()
        .take(4)
        .any(|j| matches!(p.toks[j].lower, "in" | "via" | "through"));
    let mut a = k + 1;
    if spoken_in || p.toks.get(a).is_some_and(|t| t.is(Class::Preposition)) {
        return None;
    }
    if p.toks.get(a).is_some_and(|t| t.lower == "that") {
        a += 1;
    }
    let end = s.tokens.end.min(a + 9);
    let v = (a + 1..end)
        .find(|&j| p.toks[j].quote.is_none() && AUTHORING_VERBS.contains(&p.toks[j].lower))?;
    // the pieces between commas: a name among them is the author
    let mut pieces: Vec<(usize, usize)> = Vec::new();
    let mut from = a;
    for j in a + 1..=v {
        if j == v || p.breaks_before(j, s) {
            if from < j {
                pieces.push((from, j));
            }
            from = j;
        }
    }
    if pieces
        .iter()
        .any(|&(x, y)| (x..y).any(|j| p.toks[j].quote.is_some()))
    {
        return None;
    }
    let name = pieces.iter().copied().find(|&(x, y)| {
        parse_mention(p.text, &p.toks[x..y]).is_some_and(|m| m.kind == MentionKind::Name)
    });
    name.or_else(|| (pieces.len() == 1).then(|| pieces[0]))
}

/// `The company's annual report`, `Kestrel Energy's filing`: the owner named in the
/// possessive before the document's noun at `k` (at most two modifiers between), with the
/// noun: the whole phrase, which [`parse_mention`] reads as its owner.
fn possessive_owner(p: &Para, s: &Sentence, k: usize) -> Option<(usize, usize)> {
    let q = (k.saturating_sub(3).max(s.tokens.start)..k)
        .rev()
        .take_while(|&j| !p.breaks_before(j + 1, s) && p.toks[j].quote.is_none())
        .find(|&j| p.toks[j].is_possessive())?;
    if (q + 1..k).any(|j| p.toks[j].cap || p.toks[j].is_possessive()) {
        return None;
    }
    // the owner's phrase: back over names and modifiers to its determiner, if any
    let mut a = q;
    while a > s.tokens.start && q - a < 5 && !p.breaks_before(a, s) {
        let t = &p.toks[a - 1];
        if t.quote.is_some()
            || !t.cap
                && (t.is(Class::Preposition)
                    || t.is(Class::FunctionWord)
                    || t.is(Class::NpBreaker)
                    || t.cue().is_some())
        {
            break;
        }
        a -= 1;
        if t.is(Class::Determiner) {
            break;
        }
    }
    Some((a, k + 1))
}

/// Notes, for every document sentence `s` introduces with its author (`a report by X`,
/// `letters from X`, `a message X sent`), X as the author of that noun in `reg`, so a later
/// `the report says` is X's ([`super::rules::SpeakerRule::IntroducedDocumentAuthor`]).
/// Only tokens of the document-noun class (or a plural before `by`/`from`) are looked at.
pub(super) fn note_introduced_documents(p: &Para, s: &Sentence, reg: &mut Registry) {
    let sentence_pos = p.pos(s.range.start);
    for k in s.tokens.clone() {
        let next = p.toks.get(k + 1).filter(|_| k + 1 < s.tokens.end);
        let Some(noun) = document_noun(&p.toks[k], next) else {
            continue;
        };
        let span = match next.map(|n| n.lower) {
            Some("by" | "from") => author_after(p, s, k + 1),
            _ => possessive_owner(p, s, k).or_else(|| author_before_verb(p, s, k)),
        };
        let Some((a, b)) = span else {
            continue;
        };
        let author = &p.toks[a..b];
        let Some(mut m) =
            parse_mention(p.text, author).or_else(|| described_author(p.text, author))
        else {
            continue;
        };
        // a document's author is someone who writes: never a pronoun's antecedent guessed
        // here, nor another document
        if matches!(m.kind, MentionKind::Pronoun(_) | MentionKind::Document) {
            continue;
        }
        // (`from the Sign Board`: a name after `the` is a body's)
        if m.kind == MentionKind::Name && p.toks[a].lower == "the" {
            m.kind = MentionKind::Organization;
        }
        let at = p.pos(p.toks[a].range.start);
        if let Some(id) = reg.resolve(&m, at, sentence_pos, None) {
            reg.note_introduced_document(noun, id);
        }
    }
}
