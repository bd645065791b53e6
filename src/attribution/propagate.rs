//! The engine's driver and its last phases: per paragraph, the sentences' attributions
//! ([`claims::attribute_sentence`]) become claims and credit the quotations inside them;
//! quotations without a cue then take a speaker by a [`QuoteRule`] (propagation); the
//! speakers are numbered and counted at the end ([`finish`]).

use super::claims::{self, Attr, Para, RawClaim};
use super::lexicon;
use super::quotes::{self, QuoteSpan};
use super::rules::{ContentRule, QuoteRule, Rule, SpeakerRule};
use super::speakers::{self, Gender, Mention, Registry, pronoun_gender};
use super::tokens::{self, Sentence};
use super::transcript::{self, TurnLabel};
use super::{Analysis, Claim, ClaimKind, CueText, Quote, Sourcing};
use crate::document::Document;
use smallvec::SmallVec;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::VecDeque;
use std::ops::Range;

/// How many paragraphs without attribution a speaker carries over to cue-less quotations.
const CARRY_PARAGRAPHS: usize = 2;

/// Who a quotation is credited to: entity id, cue, rule, confidence.
type Credit = (usize, Option<CueText>, Rule, f32);

/// A speaker and the cue that credited them.
type Said = (usize, Option<CueText>);

/// The speaker of the last attributed paragraph and how many paragraphs ago it was.
type Carry = (usize, Option<CueText>, usize);

/// What the analysis asks about the whole text: whether its quotations are British style
/// (single quotation marks outnumber double ones), which takes a pass over every analysed
/// block, made only when a single-quoted span needs it (most articles have none).
struct Marks<'d> {
    doc: &'d Document,
    blocks: &'d [usize],
    single_style: OnceCell<bool>,
    /// The quotations the pass for [`Marks::single_style`] scanned in the blocks after the
    /// one being read, up to [`SCANNED_SPANS`] of them: each block's are handed to its
    /// paragraph when it is read ([`Marks::take_quotes`]), so those blocks are not scanned
    /// twice; the lists are dropped once the last such block is read.
    scanned: RefCell<Scanned>,
    /// The block being read.
    reading: Cell<usize>,
    /// Whether the text is a Q&A and whether a transcript (see [`Marks::interview`]).
    interview: OnceCell<(bool, bool)>,
    /// The broadcast transcript's turn labels (see [`transcript::Turns`]).
    turns: OnceCell<transcript::Turns>,
}

impl Marks<'_> {
    /// The text's turn labels: a pass over the blocks' first words, made only when a
    /// paragraph opens with a label in capitals.
    fn turns(&self) -> &transcript::Turns {
        self.turns.get_or_init(|| {
            transcript::Turns::read(
                self.blocks
                    .iter()
                    .map(|&bi| self.doc.blocks[bi].text.as_str()),
            )
        })
    }

    /// Whether single quotation marks outnumber double ones in the analysed blocks.
    fn single_style(&self) -> bool {
        *self.single_style.get_or_init(|| {
            let (mut singles, mut all) = (0, 0);
            let mut scanned = self.scanned.borrow_mut();
            let mut qs = Vec::new();
            let mut full = false;
            for &bi in self.blocks {
                quotes::scan_into(&self.doc.blocks[bi].text, &mut qs);
                singles += qs.iter().filter(|q| q.single).count();
                all += qs.len();
                if full || bi <= self.reading.get() {
                    continue;
                }
                if scanned.spans.len() + qs.len() > SCANNED_SPANS {
                    full = true;
                    continue;
                }
                if !qs.is_empty() {
                    scanned.spans.extend_from_slice(&qs);
                    let end = scanned.spans.len();
                    scanned.blocks.push_back((bi, end));
                }
                scanned.covered = bi;
            }
            singles * 2 > all
        })
    }

    /// Block `bi`'s quotations into `qs`, when the pass for [`Marks::single_style`] has
    /// scanned it (blocks are read in order: the ones before it are dropped); whether it had.
    fn take_quotes(&self, bi: usize, qs: &mut Vec<QuoteSpan>) -> bool {
        if self.single_style.get().is_none() {
            return false;
        }
        let mut scanned = self.scanned.borrow_mut();
        if bi > scanned.covered {
            return false;
        }
        let Scanned {
            spans,
            blocks,
            taken,
            ..
        } = &mut *scanned;
        qs.clear();
        while let Some(&(b, end)) = blocks.front().filter(|&&(b, _)| b <= bi) {
            if b == bi {
                qs.extend_from_slice(&spans[*taken..end]);
            }
            *taken = end;
            blocks.pop_front();
        }
        // (a block the pass found no quotation in has none: `qs` stays empty)
        if blocks.is_empty() && bi == scanned.covered {
            *scanned = Scanned::default();
        }
        true
    }

    /// Whether the text is a Q&A interview (at least two paragraphs open with `Q:` and two
    /// with `A:`) and whether a transcript (at least two open with the same speaker's label,
    /// `Okafor: …`): a pass over the blocks' first words, made only when a paragraph opens
    /// like an answer.
    fn interview(&self) -> (bool, bool) {
        *self.interview.get_or_init(|| {
            let (mut questions, mut answers) = (0, 0);
            let mut labels: Vec<&str> = Vec::new();
            let mut transcript = false;
            for &bi in self.blocks {
                let text = &self.doc.blocks[bi].text;
                questions += usize::from(qa_marker(text, 'Q').is_some());
                answers += usize::from(qa_marker(text, 'A').is_some());
                if let Some((label, _)) = speaker_label(text) {
                    transcript |= labels.contains(&label);
                    labels.push(label);
                }
            }
            (questions >= 2 && answers >= 2, transcript)
        })
    }
}

/// The quotations [`Marks::single_style`]'s pass scanned, not yet handed to their blocks.
#[derive(Default)]
struct Scanned {
    /// The spans of every block with quotations, in block order.
    spans: Vec<QuoteSpan>,
    /// Each such block not read yet, and where its spans end in `spans`.
    blocks: VecDeque<(usize, usize)>,
    /// How many of `spans` were handed out (or passed over) already.
    taken: usize,
    /// The last block whose quotations (if any) are in `spans`: the ones after it were
    /// not kept, and are scanned when read.
    covered: usize,
}

/// How many quotations [`Marks::single_style`]'s pass keeps for the blocks to come (about
/// 160 KB): a long text's later blocks are scanned again, so memory does not grow with it.
const SCANNED_SPANS: usize = 4096;

/// The output under construction, in reading order with registry ids as speakers.
struct Out {
    quotes: Vec<Quote>,
    claims: Vec<Claim>,
}

/// One paragraph's quotations and claims while its sentences are read (one value, emptied
/// for each paragraph, so its lists are allocated once).
#[derive(Default)]
struct ParaState {
    q_speaker: Vec<Option<Credit>>,
    q_claimed: Vec<bool>,
    claims: Vec<RawClaim>,
    /// Per sentence: the attributed speaker (for quotations without a cue).
    sent_speaker: Vec<Option<Said>>,
    /// Per sentence: its run of quotations (sorted and disjoint, so contiguous).
    sent_quotes: Vec<Range<usize>>,
    /// Per sentence: the speaker of the next attributed quotation after it.
    next_quote_speaker: Vec<Option<Said>>,
    /// Whether the paragraph's uncredited single-quoted spans are scare quotes (the
    /// article quotes with double marks), left out of the quotations.
    scare_singles: bool,
}

/// Lists one paragraph's analysis fills and the next one reuses (their allocations, not
/// their contents): the lowercased text, tokens, sentences, quotations and [`ParaState`].
#[derive(Default)]
struct Scratch {
    lower: String,
    toks: Vec<tokens::Token<'static>>,
    sents: Vec<Sentence>,
    quotes: Vec<QuoteSpan>,
    st: ParaState,
}

/// An emptied vector's allocation, for elements of another type of the same layout (the
/// tokens of the next paragraph, which borrow another text).
fn recycle<T, U>(mut v: Vec<T>) -> Vec<U> {
    v.clear();
    // (collecting a vector's own iterator into a same-sized type reuses its allocation)
    v.into_iter()
        .map(|_| unreachable!("the vector is empty"))
        .collect()
}

/// Runs the analysis over the given blocks.
pub(crate) fn run(doc: &Document, blocks: &[usize], paragraph_of: &[Option<u32>]) -> Analysis {
    let mut reg = Registry::default();
    let mut carry: Option<Carry> = None;
    let marks = Marks {
        doc,
        blocks,
        single_style: OnceCell::new(),
        scanned: RefCell::default(),
        reading: Cell::new(0),
        interview: OnceCell::new(),
        turns: OnceCell::new(),
    };
    // (the lists are sized up front for news text, about a quotation every 160 bytes and a
    // claim every 100, so a long text does not copy them as they grow; a denser text grows
    // them as before; slack is given back below, and pages never written are never mapped)
    let size = doc.source.len();
    let mut out = Out {
        quotes: Vec::with_capacity(size / 160),
        claims: Vec::with_capacity(size / 100),
    };
    let mut scratch = Scratch::default();
    let mut before: Option<usize> = None;
    for &bi in blocks {
        let at = (bi, paragraph_of[bi]);
        let before = Before::of(doc, before.replace(bi));
        paragraph(
            doc,
            at,
            &marks,
            (&mut reg, &mut carry),
            before.as_ref(),
            &mut out,
            &mut scratch,
        );
    }
    out.claims.shrink_to_fit();
    out.quotes.shrink_to_fit();
    let texts: Vec<&str> = blocks
        .iter()
        .map(|&b| doc.blocks[b].text.as_str())
        .collect();
    reg.retype_unintroduced_names(&texts);
    name_described_lede(doc, &mut reg, &mut out);
    finish(&reg, out.claims, out.quotes)
}

/// `A Vancouver hockey coach says … ¶ Stephen Gillis said …`: the lede's described speaker
/// is the person named next ([`Registry::name_described_lede`]); their attributions are
/// credited to that person.
fn name_described_lede(doc: &Document, reg: &mut Registry, out: &mut Out) {
    let lede: Vec<(usize, usize)> = out
        .claims
        .iter()
        .take_while(|c| c.paragraph.is_none_or(|p| p <= 1))
        .filter(|c| c.paragraph.is_some())
        .filter_map(|c| {
            Some((
                c.speaker?,
                doc.blocks[c.block].range.start + c.text_range.start,
            ))
        })
        .collect();
    let Some((from, to)) = reg.name_described_lede(&lede) else {
        return;
    };
    for c in &mut out.claims {
        if c.speaker == Some(from) {
            c.speaker = Some(to);
        }
    }
    for q in &mut out.quotes {
        if q.speaker == Some(from) {
            q.speaker = Some(to);
        }
    }
}

/// `Okafor: We wait.`, `Ruth Okafor:We wait.`: a paragraph opening with one to three
/// capitalised words (not all in capitals, as `READ MORE:` is) and a colon, then its words:
/// the label, and where the words start.
fn speaker_label(text: &str) -> Option<(&str, usize)> {
    let colon = memchr::memchr(b':', &text.as_bytes()[..text.len().min(41)])?;
    let label = &text[..colon];
    let words = text[colon + 1..].trim_start();
    let ok = !words.is_empty()
        && (1..=3).contains(&label.split(' ').count())
        && label.split(' ').all(|w| {
            w.starts_with(|c: char| c.is_uppercase()) && w.chars().all(char::is_alphabetic)
        })
        && label.chars().any(char::is_lowercase);
    ok.then(|| (label, text.len() - words.len()))
}

/// `Q: What now?`, `A. We wait.`: a paragraph opening with the letter `letter` and a colon
/// or full stop, then a space, is a Q&A question or answer; where its words start.
pub(super) fn qa_marker(text: &str, letter: char) -> Option<usize> {
    let rest = text.strip_prefix(letter)?;
    let rest = rest.strip_prefix(':').or_else(|| rest.strip_prefix('.'))?;
    let words = rest.trim_start();
    (words.len() < rest.len() && !words.is_empty()).then(|| text.len() - words.len())
}

/// Speaker rule [`SpeakerRule::Interviewee`]: in a Q&A, an answer paragraph (`A: …`) is the
/// interviewee's words, and its `I` is the interviewee. The claim spans the answer; its
/// sentences are still read for the attributions inside it.
fn answer_claim(p: &Para, start: usize, id: usize, cue: &str) -> RawClaim {
    let range = claims::trim_content(p.text, start..p.text.len());
    let rule = Rule::Cue(SpeakerRule::Interviewee, ContentRule::After);
    RawClaim {
        kind: if p.quotes.is_empty() {
            ClaimKind::Indirect
        } else {
            ClaimKind::Mixed
        },
        range,
        speaker: Some(id),
        cue: Some(CueText::from(cue)),
        rule,
        confidence: rule.confidence(),
    }
}

/// A Q&A answer (`A: …`, the interviewee's) or a transcript's labelled paragraph
/// (`Okafor: …`, when the label names a person seen before): its claim.
fn answer(p: &Para, marks: &Marks, reg: &mut Registry) -> Option<RawClaim> {
    if let Some(start) = qa_marker(p.text, 'A')
        && marks.interview().0
    {
        let id = reg.interviewee(p.base)?;
        return Some(answer_claim(p, start, id, "A:"));
    }
    let (label, start) = speaker_label(p.text).filter(|_| marks.interview().1)?;
    let id = reg.labelled_person(label)?;
    Some(answer_claim(p, start, id, &p.text[..=label.len()]))
}

/// `Why it matters: The levy …`, `Zoom in: Growers have argued …`, `Parting ways: The pair
/// …`, `What they're saying: “…”`: a paragraph opening with a short label (one to five
/// words, the first capitalised, no reporting verb unless it asks a question), a colon and a
/// capitalised word (or a quotation, after a question): where the words after the label
/// start (`Lee took to Instagram: “…”` is no label). The label names
/// the section, never a speaker of its words.
fn section_label(text: &str, toks: &[tokens::Token]) -> Option<usize> {
    let n = toks
        .iter()
        .take(5)
        .position(|t| text.as_bytes().get(t.range.end) == Some(&b':'))?;
    let label = &toks[..=n];
    let next = toks.get(n + 1)?;
    // (`What they're saying:`: a label asking a question may hold a verb of saying)
    let question = matches!(
        label[0].lower,
        "what" | "why" | "how" | "where" | "when" | "who"
    );
    let ok = label[0].cap
        && label[0].lower.len() >= 2
        && label
            .iter()
            .all(|t| t.quote.is_none() && (question || t.cue().is_none()))
        && (next.quote.is_none() && next.cap || next.quote.is_some() && question);
    // (the words start after the colon and its spaces: at a quotation's opening mark)
    let after = toks[n].range.end + 1;
    ok.then(|| after + (text[after..].len() - text[after..].trim_start().len()))
}

/// Leaves a transcript's turn label (the words before byte `start`) out of the
/// paragraph's sentences: a sentence of nothing but the label goes.
fn drop_label(toks: &[tokens::Token], sents: &mut Vec<Sentence>, start: usize) {
    let first = toks.partition_point(|t| t.range.start < start);
    sents.retain_mut(|s| {
        if s.tokens.start < first {
            s.tokens.start = first.min(s.tokens.end);
            s.range.start = s.range.start.max(start).min(s.range.end);
        }
        !s.tokens.is_empty()
    });
}

/// Speaker rule [`SpeakerRule::TranscriptTurn`]: a broadcast transcript's turn of a named
/// speaker (`JOAN REYES: …`, later `REYES: …`) is one claim of that speaker, spanning the
/// turn; the host's and the reporter's turns, and unnamed voices, make none.
fn turn_claim(p: &Para, l: &TurnLabel, marks: &Marks, reg: &mut Registry) -> Option<RawClaim> {
    if l.start >= p.text.len() || marks.turns().narration_or_unnamed(l) {
        return None;
    }
    let id = reg.turn_speaker(&transcript::title_case(l.name), p.pos(0));
    let rule = Rule::Cue(SpeakerRule::TranscriptTurn, ContentRule::After);
    Some(RawClaim {
        rule,
        confidence: rule.confidence(),
        ..answer_claim(p, l.start, id, p.text[..l.start].trim_end())
    })
}

/// Phases 1–4 over one paragraph (block `at.0`, body paragraph `at.1`), its quotations and
/// claims appended to `out`.
fn paragraph(
    doc: &Document,
    at: (usize, Option<u32>),
    marks: &Marks,
    (reg, carry): (&mut Registry, &mut Option<Carry>),
    before: Option<&Before>,
    out: &mut Out,
    scratch: &mut Scratch,
) {
    let (bi, paragraph) = at;
    let block = &doc.blocks[bi];
    let text = block.text.as_str();
    let mut qs = std::mem::take(&mut scratch.quotes);
    let mut lower = std::mem::take(&mut scratch.lower);
    let mut toks = recycle(std::mem::take(&mut scratch.toks));
    let mut sents = std::mem::take(&mut scratch.sents);
    marks.reading.set(bi);
    let scanned = marks.take_quotes(bi, &mut qs);
    let teaser = read(text, &mut lower, (&mut qs, scanned), &mut toks, &mut sents);
    let p = Para {
        text,
        toks: &toks,
        quotes: if teaser { &[] } else { &qs },
        base: block.range.start,
        before,
    };
    let st = &mut scratch.st;
    let turn = transcript::turn_label(text).filter(|_| !teaser && marks.turns().broadcast);
    if let Some(l) = turn {
        // the label is no part of the turn's words, nor a speaker of them
        drop_label(&toks, &mut sents, l.start);
    } else if let Some(start) = section_label(text, &toks) {
        drop_label(&toks, &mut sents, start);
    }
    st.reset(p.quotes, &sents);
    let answer = match turn {
        Some(l) => turn_claim(&p, &l, marks, reg),
        None => answer(&p, marks, reg),
    };
    reg.set_first_person(answer.as_ref().and_then(|c| c.speaker));
    // a transcript's labelled paragraph in the interview style (`Okafor: …`): its `I` is the
    // label's person, but no claim of its own (news-dev's annotators count none)
    let answer = answer.filter(|c| {
        c.cue.as_deref() == Some("A:") || c.rule.speaker_rule() == Some(SpeakerRule::TranscriptTurn)
    });
    for (si, s) in sents.iter().enumerate() {
        reg.note_names(text, &toks[s.tokens.clone()], p.base, paragraph.is_some());
        if teaser {
            continue;
        }
        let prev = si.checked_sub(1).map(|i| &sents[i]);
        let attrs = claims::attribute_sentence(&p, s, prev, reg);
        super::authors::note_introduced_documents(&p, s, reg);
        credit_sentence(&p, s, si, &attrs, reg, st);
    }
    if !teaser {
        propagate(&p, &sents, marks, carry.clone(), reg, st);
        if let Some(c) = claims::embedded_post(&p, reg) {
            // the post's own attributions end where the post does, before its link
            for other in &mut st.claims {
                if other.range.start < c.range.end && other.range.end > c.range.end {
                    other.range.end = c.range.end;
                }
            }
            st.claims.push(c);
        }
    }
    reg.set_first_person(None);
    if let Some(c) = answer {
        if turn.is_some() {
            // a speaker's turn is one claim: the attributions inside it are that speaker's
            // report of others (speech inside speech goes to the outer speaker)
            st.claims.clear();
            st.q_claimed.iter_mut().for_each(|c| *c = true);
        }
        st.claims.push(c);
    }
    // a single-quoted span nobody is credited with, where the article quotes with double
    // marks, is a scare quote or a title (`the so-called ‘quiet zone’`): not listed
    st.scare_singles = p.quotes.iter().any(|q| q.single) && !marks.single_style();
    emit(doc, (bi, paragraph), &p, reg, carry, st, out);
    scratch.toks = recycle(toks);
    scratch.lower = lower;
    scratch.sents = sents;
    scratch.quotes = qs;
}

/// Reads paragraph `text` into the lists given (emptied first): its quotations (unless
/// `qs.1` says they are in `qs.0` already), its lowercased text, its tokens (which borrow
/// that) and its sentences. Whether it is a teaser (`READ MORE: …`, `WATCH: …`: a link to
/// another story, whose words nobody says here, nor are its quotation marks quotations of
/// this article).
fn read<'t>(
    text: &'t str,
    lower: &'t mut String,
    (qs, scanned): (&mut Vec<QuoteSpan>, bool),
    toks: &mut Vec<tokens::Token<'t>>,
    sents: &mut Vec<Sentence>,
) -> bool {
    if !scanned {
        quotes::scan_into(text, qs);
    }
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let lower: &'t String = lower;
    tokens::tokenize_into(text, lower, qs, toks);
    tokens::sentences_into(text, toks, qs, sents);
    is_teaser(text, toks)
}

/// The described person who is the subject of a paragraph's closing sentence, where, and
/// the pronoun gender its role word rules out ([`claims::closing_described`]).
pub(super) type Closing = (Mention, usize, Option<Gender>);

/// What a paragraph's closing sentence leaves to the next: its described person
/// ([`Closing`]) and its subject with where it stands ([`claims::closing_subject`]).
type Closings = (Option<Closing>, Option<(Mention, usize)>);

/// The paragraph read before the current one: what a he/she opening the current one may
/// take from its closing sentence (`The defendant sat still. ¶ Later he said …`), worked out
/// only when a rule asks (the paragraph is read again then; most paragraphs never need it).
pub(super) struct Before<'d> {
    text: &'d str,
    base: usize,
    /// The closing sentence's described person and its group subject, read together.
    closing: OnceCell<Closings>,
}

impl<'d> Before<'d> {
    /// Block `bi` of `doc`, if any, as the paragraph before the next one.
    fn of(doc: &'d Document, bi: Option<usize>) -> Option<Before<'d>> {
        let block = &doc.blocks[bi?];
        Some(Before {
            text: &block.text,
            base: block.range.start,
            closing: OnceCell::new(),
        })
    }

    /// [`claims::closing_described`] of the paragraph's last sentence (none in a teaser).
    pub(super) fn closing_described(&self) -> Option<&Closing> {
        self.closing().0.as_ref()
    }

    /// [`claims::closing_subject`] of the paragraph's last sentence (none in a teaser): what
    /// a `they` or a `the statement` opening the next paragraph may stand for.
    pub(super) fn closing_subject(&self) -> Option<&(Mention, usize)> {
        self.closing().1.as_ref()
    }

    /// Whether the paragraph holds the lowercased word `w` (`statement` in `The couple
    /// shared a statement.`), in any case.
    pub(super) fn names_word(&self, w: &str) -> bool {
        self.text
            .split(|c: char| !c.is_alphanumeric())
            .any(|x| x.eq_ignore_ascii_case(w))
    }

    /// The paragraph read again, once, for what its closing sentence leaves to the next.
    fn closing(&self) -> &Closings {
        self.closing.get_or_init(|| {
            let (mut lower, mut qs, mut toks, mut sents) = Default::default();
            let teaser = read(
                self.text,
                &mut lower,
                (&mut qs, false),
                &mut toks,
                &mut sents,
            );
            let p = Para {
                text: self.text,
                toks: &toks,
                quotes: &qs,
                base: self.base,
                before: None,
            };
            match sents.last().filter(|_| !teaser) {
                Some(s) => (
                    claims::closing_described(&p, s),
                    claims::closing_subject(&p, s),
                ),
                None => (None, None),
            }
        })
    }
}

impl ParaState {
    /// Empties the state for a paragraph with quotations `qs` and sentences `sents`.
    fn reset(&mut self, qs: &[QuoteSpan], sents: &[Sentence]) {
        self.q_speaker.clear();
        self.q_speaker.resize(qs.len(), None);
        self.q_claimed.clear();
        self.q_claimed.resize(qs.len(), false);
        self.claims.clear();
        self.sent_speaker.clear();
        self.sent_speaker.resize(sents.len(), None);
        self.sent_quotes.clear();
        self.sent_quotes.extend(sents.iter().map(|s| {
            let a = qs.partition_point(|q| q.outer.start < s.range.start);
            let b = qs.partition_point(|q| q.outer.start < s.range.end.max(s.range.start + 1));
            a..b.max(a)
        }));
    }
}

/// Whether a paragraph is a teaser for another story: it opens with a capitalised label
/// from [`lexicon::Class::Teaser`] (`READ MORE:`, `Watch:`, `Related:`) and a colon.
fn is_teaser(text: &str, toks: &[tokens::Token]) -> bool {
    let label = toks
        .iter()
        .take(3)
        .take_while(|t| t.cap && t.quote.is_none())
        .position(|t| text[t.range.end..].starts_with(':'));
    label.is_some_and(|n| {
        let words: Vec<&str> = toks[..=n].iter().map(|t| t.lower).collect();
        lexicon::Class::Teaser.has(&words.join(" "))
    })
}

/// `placards reading “…”`, `a sign that read “…”`: a quotation borne by a thing that
/// carries written words ([`lexicon::Class::Inscription`]) is a slogan, nobody's speech.
fn inscription(p: &Para, start: usize) -> bool {
    let k = p.toks.partition_point(|t| t.range.start < start);
    k >= 2
        && matches!(p.toks[k - 1].lower, "reading" | "read" | "reads" | "saying")
        && p.toks[k.saturating_sub(5)..k - 1]
            .iter()
            .any(|t| t.is(lexicon::Class::Inscription))
}

/// A sentence's attributions become claims: one direct claim per quotation when the content
/// is only quotations, else one indirect or mixed claim; its other quotations take the
/// nearest cue's speaker ([`QuoteRule::InAttributedSentence`]).
fn credit_sentence(
    p: &Para,
    s: &Sentence,
    si: usize,
    attrs: &[Attr],
    reg: &mut Registry,
    st: &mut ParaState,
) {
    let qs = p.quotes;
    for qi in st.sent_quotes[si].clone() {
        if st.q_speaker[qi].is_none()
            && let Some((id, cue)) = what_called(p, s, qs[qi].outer.start, attrs, reg)
        {
            let q = QuoteRule::WhatCalled;
            st.q_speaker[qi] = Some((id, Some(cue), Rule::Quote(q), q.confidence()));
        }
    }
    for a in attrs {
        let Some(id) = a.speaker else { continue };
        reg.spoke(id, p.pos(p.toks[a.cue_tok].range.start));
        if st.sent_speaker[si].is_none() {
            st.sent_speaker[si] = Some((id, Some(a.cue_text.clone())));
        }
        let Some(r) = a.content.clone() else { continue };
        let r = claims::trim_content(p.text, r);
        if r.is_empty() {
            continue;
        }
        let inside: SmallVec<[usize; 4]> = st.sent_quotes[si]
            .clone()
            .filter(|&qi| qs[qi].outer.start >= r.start && qs[qi].outer.end <= r.end + 3)
            .collect();
        // (the tokens are in text order: from the first starting in the content, up to the
        // last that may end in it)
        let toks = &p.toks[s.tokens.clone()];
        let words_outside = toks[toks.partition_point(|t| t.range.start < r.start)..]
            .iter()
            .take_while(|t| t.range.start <= r.end)
            .any(|t| t.quote.is_none() && t.range.end <= r.end);
        let rule = Rule::Cue(a.speaker_rule, a.content_rule);
        let cue = Some(a.cue_text.clone());
        let confidence = a.confidence;
        for &qi in &inside {
            if st.q_speaker[qi].is_none() {
                st.q_speaker[qi] = Some((id, cue.clone(), rule, confidence));
            }
        }
        if !inside.is_empty() && !words_outside {
            for &qi in &inside {
                if !st.q_claimed[qi] {
                    st.q_claimed[qi] = true;
                    st.claims.push(RawClaim {
                        range: qs[qi].outer.clone(),
                        kind: ClaimKind::Direct,
                        speaker: Some(id),
                        cue: cue.clone(),
                        rule,
                        confidence,
                    });
                }
            }
        } else {
            for &qi in &inside {
                st.q_claimed[qi] = true;
            }
            st.claims.push(RawClaim {
                range: r,
                kind: if inside.is_empty() {
                    ClaimKind::Indirect
                } else {
                    ClaimKind::Mixed
                },
                speaker: Some(id),
                cue,
                rule,
                confidence,
            });
        }
    }
    if attrs.is_empty() {
        return;
    }
    for qi in st.sent_quotes[si].clone() {
        if st.q_speaker[qi].is_some() || naming_frame(p, s, qi) {
            continue;
        }
        let qpos = qs[qi].outer.start;
        let near = attrs
            .iter()
            .filter(|a| a.speaker.is_some())
            .min_by_key(|a| p.toks[a.cue_tok].range.start.abs_diff(qpos));
        if let Some(a) = near {
            st.q_speaker[qi] = a.speaker.map(|id| {
                let q = QuoteRule::InAttributedSentence;
                (
                    id,
                    Some(a.cue_text.clone()),
                    Rule::Quote(q),
                    a.confidence * q.confidence(),
                )
            });
        }
    }
}

/// Quote rule [`QuoteRule::WhatCalled`]: `in what one driver called “a wall of smoke”`,
/// `what critics call “…”`, `what she described as “…”`: the speaker of a `what NP called`
/// clause (two to six words after `what`, naming someone) right before the quotation at
/// byte `qstart`, in a sentence another cue attributes (whose speaker would take it), when
/// no attribution of the sentence stands on that verb already. The
/// speaker and the verb's words.
fn what_called(
    p: &Para,
    s: &Sentence,
    qstart: usize,
    attrs: &[Attr],
    reg: &mut Registry,
) -> Option<(usize, CueText)> {
    // (with no speaker in the sentence, nothing to take: the cheap test first)
    if attrs.iter().all(|a| a.speaker.is_none()) {
        return None;
    }
    let q = (s.tokens.start..s.tokens.end).find(|&k| p.toks[k].range.start >= qstart)?;
    let mut v = q.checked_sub(1).filter(|&v| v > s.tokens.start)?;
    let first = v;
    if p.toks[v].lower == "as" {
        v -= 1;
    }
    let verb = p.toks[v].lower;
    let naming = matches!(
        verb,
        "called" | "call" | "calls" | "dubbed" | "termed" | "labelled" | "labeled"
    ) && v == first
        || v < first
            && matches!(
                verb,
                "described" | "describe" | "describes" | "characterized" | "characterised"
            );
    // (with no attribution in the sentence, the quotation stays with the scare-quote and
    // propagation handling: a bare `what critics call “…”` is mostly a label)
    if !naming || attrs.iter().all(|a| a.speaker.is_none()) || attrs.iter().any(|a| a.cue_tok == v)
    {
        return None;
    }
    let w = (v.saturating_sub(6).max(s.tokens.start)..v.saturating_sub(1))
        .rev()
        .find(|&k| p.toks[k].lower == "what")?;
    if (w + 1..=v).any(|k| p.breaks_before(k, s) || p.toks[k].quote.is_some()) {
        return None;
    }
    let np = &p.toks[w + 1..v];
    let m =
        speakers::parse_mention(p.text, np).or_else(|| speakers::parse_open(p.text, np, true))?;
    let at = p.pos(np[0].range.start);
    let id = reg.resolve(&m, at, p.pos(p.toks[s.tokens.start].range.start), None)?;
    let cue = CueText::from(&p.text[p.toks[v].range.start..p.toks[first].range.end]);
    Some((id, cue))
}

/// Phase 4, propagation: quotations in sentences without a cue continue the paragraph's
/// speaker, or the previous paragraph's, or take the next attributed quotation's.
fn propagate(
    p: &Para,
    sents: &[Sentence],
    marks: &Marks,
    carry: Option<Carry>,
    reg: &mut Registry,
    st: &mut ParaState,
) {
    let qs: &[QuoteSpan] = p.quotes;
    // (a paragraph without quotations has nothing to propagate)
    if qs.is_empty() {
        return;
    }
    let mut next_quote_speaker = std::mem::take(&mut st.next_quote_speaker);
    next_quote_speaker.clear();
    next_quote_speaker.resize(sents.len(), None);
    let mut upcoming = None;
    for si in (0..sents.len()).rev() {
        next_quote_speaker[si] = upcoming.clone();
        if !st.sent_quotes[si].is_empty() && st.sent_speaker[si].is_some() {
            upcoming = st.sent_speaker[si].clone();
        }
    }
    let mut prev: Option<Said> = None;
    // the gender of an unresolved `he`/`she` cue earlier in the paragraph, whose speech the
    // next quotations go on with
    let mut held: Option<Gender> = None;
    for (si, s) in sents.iter().enumerate() {
        // (both worked out when first asked, once a sentence: a sentence whose quotations
        // a cue credited asks neither)
        let has_quotes = !st.sent_quotes[si].is_empty();
        let own_cell = OnceCell::new();
        let own = || *own_cell.get_or_init(|| if has_quotes { pronoun_cue(p, s) } else { None });
        // (the words outside the quotations, counted up to the fourth)
        let outside_cell = OnceCell::new();
        let words_outside = || {
            *outside_cell.get_or_init(|| {
                p.toks[s.tokens.clone()]
                    .iter()
                    .filter(|t| t.quote.is_none())
                    .take(4)
                    .count()
            })
        };
        for qi in st.sent_quotes[si].clone() {
            if st.q_speaker[qi].is_some() {
                continue;
            }
            // single-quoted spans are titles and scare quotes unless a cue credits them or
            // the article quotes with single marks
            if qs[qi].single && !marks.single_style() || naming_frame(p, s, qi) {
                continue;
            }
            // a quotation that makes (most of) its sentence, not a scare quote; or one of
            // six words or more that holds a clause of its own (`the policy “is as likely to
            // be a negative as a positive”`), someone's words whatever stands around them,
            // unless the sentence names a document whose wording it may be (`the draft order
            // would have allowed the authority to “suspend operations at …”`)
            // (worked out only when asked: the words counted up to the sixth)
            let sentence_level = || {
                words_outside() <= 3
                    || qs[qi].outer.start <= s.range.start
                    || p.text[qs[qi].inner.clone()]
                        .split_whitespace()
                        .nth(5)
                        .is_some()
                        && !p.toks[s.tokens.clone()]
                            .iter()
                            .any(|t| t.quote.is_none() && t.is(lexicon::Class::DocumentNoun))
            };
            let found = if let Some(x) = prev.clone() {
                Some((x, QuoteRule::ContinuesParagraph))
            } else if !sentence_level() {
                None
            } else if let Some(id) = lead_in(p, sents, si, reg, st) {
                Some(((id, None), QuoteRule::LeadIn))
            } else if let Some(id) = reg.turns.next.filter(|_| lone_quotation(p)) {
                Some(((id, None), QuoteRule::DialogueTurn))
            } else if let Some(c) = carry.clone() {
                Some(((c.0, c.1), QuoteRule::ContinuesPreviousParagraph))
            } else {
                next_quote_speaker[si]
                    .clone()
                    .map(|x| (x, QuoteRule::SpeakerOfNextQuote))
            };
            // (`“It rose fast,” he said.`, the `he` unresolved: never an organisation's)
            let found = found
                .filter(|((id, _), _)| own().or(held).is_none_or(|g| reg.is_person_of(*id, g)));
            if let Some(((id, cue), rule)) = found {
                st.q_speaker[qi] = Some((id, cue, Rule::Quote(rule), rule.confidence()));
                st.sent_speaker[si].get_or_insert((id, None));
            }
        }
        if let Some(x) = st.sent_speaker[si].clone() {
            prev = Some(x);
            held = None;
        } else if own().is_some() {
            held = own();
        }
    }
    st.next_quote_speaker = next_quote_speaker;
}

/// A quotation that names rather than reports: a short phrase (at most four words, ten for a
/// work's title, none of them `I`, `we` or `you`) right after a naming frame (`so-called`, `known as`, `referred
/// to as`, `billed as`, `dubbed`, `nicknamed`, `rated`, `titled`, `termed`, `what planners
/// call`: [`claims::naming_call`]; a work's noun, `his book`, `author of`) is a name, a
/// title or a scare quote (`a policy dubbed “Fair Fares”`, `the school was rated “good”`),
/// never the paragraph's speaker's words.
fn naming_frame(p: &Para, s: &Sentence, qi: usize) -> bool {
    let toks = &p.toks[s.tokens.clone()];
    let Some(k) = toks.iter().position(|t| t.quote == Some(qi)) else {
        return false;
    };
    let words = toks[k..].iter().take_while(|t| t.quote == Some(qi));
    let mut n = 0;
    for t in words {
        n += 1;
        if matches!(
            t.lower,
            "i" | "we" | "you" | "me" | "us" | "my" | "our" | "your"
        ) {
            return false;
        }
    }
    let before = |back: usize| {
        k.checked_sub(back)
            .map(|i| &toks[i])
            .filter(|t| t.quote.is_none())
            .map_or("", |t| t.lower)
    };
    // (`his book “Salt Roads”`, `author of “Salt Roads”`: a work's title)
    let work = |i: usize| {
        k.checked_sub(i)
            .map(|i| &toks[i])
            .is_some_and(|t| t.quote.is_none() && t.is(lexicon::Class::WorkNoun))
    };
    // (a work's title may run to ten words; a name or a scare quote, four; `told the paper,
    // “…”`, `said in a video: “…”` quote someone)
    let bare = !p
        .gap_before(s.tokens.start + k, s)
        .contains([',', ':', ';', '—']);
    if n <= 10 && bare && (work(1) || before(1) == "of" && work(2)) {
        return true;
    }
    if n > 4 {
        return false;
    }
    match before(1) {
        "so-called" | "dubbed" | "nicknamed" | "rated" | "titled" | "entitled" | "termed" => true,
        "called" => before(2) == "so",
        "call" => claims::naming_call(p, s, s.tokens.start + k - 1),
        "as" => {
            matches!(before(2), "known" | "billed" | "styled")
                || before(2) == "to" && before(3) == "referred"
        }
        _ => false,
    }
}

/// The gender of a `he` or `she` beside a cue in the sentence (`“…,” he said`, `she told`,
/// `said he`), outside its quotations: a quotation there is that person's, whoever
/// propagation would credit.
fn pronoun_cue(p: &Para, s: &Sentence) -> Option<Gender> {
    let toks = &p.toks[s.tokens.clone()];
    let cue_at = |k: usize| {
        toks.get(k)
            .is_some_and(|n| n.quote.is_none() && n.cue().is_some())
    };
    toks.iter().enumerate().find_map(|(k, t)| {
        // (a word inside a quotation ruled out first, by a field)
        if t.quote.is_some() {
            return None;
        }
        let g = pronoun_gender(t.lower)?;
        (cue_at(k + 1) || k > 0 && cue_at(k - 1)).then_some(g)
    })
}

/// [`QuoteRule::LeadIn`]: the person the sentence before `si` names as a clause's subject
/// (or the person a he/she opening it stands for), when that sentence holds no quotation
/// and no attribution.
fn lead_in(
    p: &Para,
    sents: &[Sentence],
    si: usize,
    reg: &mut Registry,
    st: &ParaState,
) -> Option<usize> {
    let before = si.checked_sub(1)?;
    if !st.sent_quotes[before].is_empty() || st.sent_speaker[before].is_some() {
        return None;
    }
    let r = &sents[before].range;
    reg.clause_subject_in(p.pos(r.start)..p.pos(r.end))
        .or_else(|| {
            // `He looked down at his hands. “…”`: a he/she opening it, resolved
            let t = &p.toks[sents[before].tokens.start];
            let g = (t.quote.is_none())
                .then(|| pronoun_gender(t.lower))
                .flatten()?;
            reg.pronoun_antecedent(g, p.pos(t.range.start))
        })
}

/// Whether the paragraph is one closed quotation and nothing else (a dialogue's turn).
fn lone_quotation(p: &Para) -> bool {
    matches!(p.quotes, [q] if q.closed) && p.toks.iter().all(|t| t.quote.is_some())
}

/// A paragraph's turn in a dialogue: its speaker, and whether it asked a question, when it
/// is one closed quotation and an attribution of at most six words.
fn turn_of(p: &Para, st: &ParaState) -> Option<(usize, bool)> {
    let [q] = p.quotes else { return None };
    let &(id, ..) = st.q_speaker.first()?.as_ref()?;
    // (the words outside counted up to the seventh)
    let outside = p.toks.iter().filter(|t| t.quote.is_none()).take(7).count();
    let asked = p.text[q.inner.clone()].trim_end().ends_with('?');
    (q.closed && outside <= 6).then_some((id, asked))
}

/// The paragraph's quotations and claims, mapped to source offsets, appended to `out`; the
/// speaker of its last attribution carries over to the next paragraphs, for a while.
fn emit(
    doc: &Document,
    (bi, paragraph): (usize, Option<u32>),
    p: &Para,
    reg: &mut Registry,
    carry: &mut Option<Carry>,
    st: &mut ParaState,
    out: &mut Out,
) {
    let block = &doc.blocks[bi];
    for (qi, span) in p.quotes.iter().enumerate() {
        if inscription(p, span.outer.start) {
            continue;
        }
        if span.single && st.q_speaker[qi].is_none() && st.scare_singles {
            continue;
        }
        if let Some((id, cue, rule, confidence)) = st.q_speaker[qi].clone() {
            reg.spoke(id, p.pos(span.outer.start));
            if !st.q_claimed[qi] {
                st.claims.push(RawClaim {
                    range: span.outer.clone(),
                    kind: ClaimKind::Direct,
                    speaker: Some(id),
                    cue,
                    rule,
                    confidence,
                });
            }
        }
        let src = block.map.range_to_source(span.outer.clone());
        let credit = st.q_speaker[qi].as_ref();
        out.quotes.push(Quote {
            start: src.start,
            end: src.end,
            paragraph,
            speaker: credit.map(|x| x.0),
            cue: credit.and_then(|x| x.1.clone()),
            block: bi,
            text_range: span.outer.clone(),
            inner_range: narrow(span.inner.start)..narrow(span.inner.end),
            rule: credit.map_or(Rule::Unattributed, |x| x.2),
            confidence: credit.map_or(0.0, |x| rounded(x.3)),
        });
    }
    reg.turns = reg.turns.after(turn_of(p, st));
    st.claims.sort_by_key(|c| (c.range.start, c.range.end));
    let last = st
        .claims
        .iter()
        .rev()
        .find_map(|c| c.speaker.map(|id| (id, c.cue.clone())));
    *carry = match last {
        Some((id, cue)) => Some((id, cue, 0)),
        None => carry
            .take()
            .and_then(|(id, cue, age)| (age < CARRY_PARAGRAPHS).then_some((id, cue, age + 1))),
    };
    out.claims.extend(st.claims.drain(..).map(|c| {
        let src = block.map.range_to_source(c.range.clone());
        Claim {
            kind: c.kind,
            speaker: c.speaker,
            cue: c.cue,
            start: src.start,
            end: src.end,
            paragraph,
            block: bi,
            text_range: c.range,
            rule: c.rule,
            confidence: rounded(c.confidence),
        }
    }));
}

/// The kind a speaker counts as in the sourcing summary: an organisation named by its
/// people (`DEA officials`, `Pentagon spokespeople`) is a group of unnamed people.
pub(crate) fn people_of_organisation(s: &super::SpeakerOut) -> super::SpeakerKind {
    let head = s.name.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    if s.kind == super::SpeakerKind::Organization
        && head.ends_with('s')
        && super::lexicon::Class::GroupNoun.has(&head)
    {
        super::SpeakerKind::Group
    } else {
        s.kind
    }
}

/// A confidence rounded to two decimals, as `--json` shows it.
fn rounded(x: f32) -> f32 {
    (x.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// A clean-text offset as kept in a [`Quote`] (inputs are capped far below 4 GiB).
fn narrow(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Renumbers the speakers in order of first attribution (by block, then offset in the
/// block, then registry id, over claims and quotes alike), and counts claims and quotations.
fn finish(reg: &Registry, mut claims: Vec<Claim>, mut quotes: Vec<Quote>) -> Analysis {
    let order = super::first_attribution_order(reg.entities.len(), &claims, &quotes);
    let mut map: Vec<Option<usize>> = vec![None; reg.entities.len()];
    let mut speakers = Vec::with_capacity(order.len());
    for id in order {
        map[id] = Some(speakers.len());
        speakers.push(reg.out(id, speakers.len()));
    }
    for c in &mut claims {
        let speaker = c.speaker.and_then(|id| map[id]);
        c.speaker = speaker;
        if let Some(s) = speaker {
            speakers[s].claims += 1;
        }
    }
    let sourcing = Sourcing::count(&speakers, &claims);
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
