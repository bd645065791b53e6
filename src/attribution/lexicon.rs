//! Word lists of news language, kept in one place: reporting verbs (cues), the words that
//! head a speaker's noun phrase, titles, pronouns, time words and the small function words
//! the rules skip over.
//!
//! The words are data: one file a class under `words/` (embedded with `include_str!`, each
//! opening with a line saying where its words come from), parsed once into one table that
//! maps a word to the set of its classes, so that every caller asks the same table
//! ([`Class::has`], [`cue`]). Every lookup takes a word already lowercased (ASCII folding is
//! enough: the lists are English).

use crate::document::date::{MONTHS, WEEKDAYS};
use rustc_hash::FxHashMap;
use std::sync::{LazyLock, OnceLock};

/// What kind of reporting verb a cue word is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cue {
    /// The lemma (`said` → `say`), shown by `--explain`.
    pub lemma: &'static str,
    /// Present-tense base form (`say`, `report`): needs a plural or pronoun subject.
    pub base: bool,
    /// `-ing` participle (`saying`, `adding`): takes the subject of its clause.
    pub participle: bool,
    /// Past tense (`said`, `told`): a report of what was said, which is rarely made of a
    /// thing (`the numbers say` is present).
    pub past: bool,
    /// The verb has common non-reporting senses (`added`, `noted`, `called`): it is a cue
    /// only before `that`, a quotation, a clause or at the end of a trailing attribution.
    pub weak: bool,
    /// The verb takes an indirect object before its clause (`told reporters that …`).
    pub object: bool,
    /// A verb of belief (`believe`, `think`): it reports a view, so a negation before it
    /// does not cancel the attribution (`does not think the plan will work`).
    pub belief: bool,
    /// A noun phrase as the verb's object is still what was said (`confirmed the figures`,
    /// `criticized the plan`), where `added three goals` is no report.
    pub np: bool,
    /// Only people use the verb in its sense of saying (`she recalls the winter`; `the
    /// company recalled the cars` is no report).
    pub animate: bool,
    /// Only a document's findings use the verb in its sense of reporting (`the figures show
    /// that …`, `the audit found that …`; `the mayor showed the plans` is no report).
    pub document: bool,
    /// `against` and a noun phrase is what was said (`cautioned against reading too much
    /// into the figures`, `argued against the merger`).
    pub against: bool,
    /// The verb reports only with a thing as its object (`questioned the figures`, `cited
    /// the storm`): with a person as its object or in the passive it has another sense
    /// (`police questioned the driver`, `he was cited for speeding`).
    pub thing: bool,
    /// The verb reports only before `that` or a quotation (`posted on its website that …`;
    /// `posted a loss as sales fell` is no report).
    pub that: bool,
    /// The verb reports only in one of its frames of an object and a preposition
    /// ([`object_frames`]: `sees the levy as a tax`, `hailed the deal as a breakthrough`);
    /// elsewhere it has another sense (`saw the ferry`, `hailed a taxi`).
    pub frame: bool,
}

/// Reporting verbs, one lemma a line: `lemma [weak] [object] [belief] [np] [animate] [document] [against] [thing] [that] [frame]: base 3rd-person past -ing [past-participle]`.
const CUES: &str = include_str!("words/cues.txt");

/// Looks a lowercased word up in the cue lexicon.
///
/// ```
/// use hearsay::attribution::lexicon::cue;
/// assert_eq!(cue("said").map(|c| c.lemma), Some("say"));
/// assert!(cue("saying").is_some_and(|c| c.participle));
/// assert!(cue("table").is_none());
/// ```
pub fn cue(word: &str) -> Option<Cue> {
    // fast reject: every form is 3..=12 ASCII letters
    if !(3..=12).contains(&word.len()) {
        return None;
    }
    // most words are ruled out by their first and last letters, without a hash probe
    let index = &*CUE_INDEX;
    if !index.may_hold(word) {
        return None;
    }
    index.get(word)
}

/// A lexicon table as it is built, keyed by the words.
type WordMap<V> = FxHashMap<&'static str, V>;

/// A lexicon table as it is read: a word of up to 15 bytes (nearly every word) is keyed by
/// one integer that packs its bytes and length ([`pack`]), so a probe hashes two machine
/// words and compares integers, with no pointer to follow to the word's text
/// ([`Packed`]). Longer words are keyed by their text.
struct Table<V> {
    short: Packed<V>,
    long: WordMap<V>,
    /// For each first byte of a word in the table, the last bytes (bit `last % 64`) that
    /// such a word ends with: [`Table::may_hold`] rules most other words out at once.
    ends: [u64; 256],
}

impl<V: Copy + Default> Table<V> {
    fn new(words: WordMap<V>) -> Self {
        let mut t = Table {
            short: Packed::with_room(words.len()),
            long: WordMap::default(),
            ends: [0; 256],
        };
        for (w, v) in words {
            if let (Some(&first), Some(&last)) = (w.as_bytes().first(), w.as_bytes().last()) {
                t.ends[usize::from(first)] |= 1 << (last % 64);
            }
            match pack(w) {
                // (the empty word, the only one packed to 0, is never listed)
                Some(k) if k != 0 => t.short.insert(k, v),
                _ => {
                    t.long.insert(w, v);
                }
            }
        }
        t
    }

    /// Whether the table may hold `w` (false: it does not), from its first and last bytes.
    fn may_hold(&self, w: &str) -> bool {
        match (w.as_bytes().first(), w.as_bytes().last()) {
            (Some(&first), Some(&last)) => self.ends[usize::from(first)] >> (last % 64) & 1 != 0,
            _ => true,
        }
    }

    fn get(&self, w: &str) -> Option<V> {
        match pack(w) {
            Some(k) => self.short.get(k),
            None => self.get_long(w),
        }
    }

    /// A word too long to pack, from the hash map: apart, so that the packed probe (nearly
    /// every word) is a small function that saves no registers.
    #[inline(never)]
    #[cold]
    fn get_long(&self, w: &str) -> Option<V> {
        self.long.get(w).copied()
    }
}

/// A fixed table of packed words ([`pack`]), open-addressed and probed linearly from the
/// key's hash, kept at most half full: a probe is a multiply, a shift and one or two
/// integer compares in neighbouring slots, where a general hash map spent several times
/// that on every token of every sentence. Key 0 marks an empty slot (no listed word packs
/// to 0). The tables are fixed and built from our own lists, so there is no DoS concern.
struct Packed<V> {
    /// Each slot's key (as two halves: 8-byte aligned, so that a slot of a `u64` value
    /// takes 24 bytes) and value (`V::default()` in an empty slot).
    slots: Box<[([u64; 2], V)]>,
    /// `64 - log2(slots.len())`: the hash's top bits index a slot.
    shift: u32,
}

impl<V: Copy + Default> Packed<V> {
    /// An empty table with room for `n` keys.
    fn with_room(n: usize) -> Self {
        let len = (2 * n).next_power_of_two().max(16);
        Packed {
            slots: vec![([0; 2], V::default()); len].into_boxed_slice(),
            shift: 64 - len.trailing_zeros(),
        }
    }

    /// The slot a key's probe starts at (Fibonacci hashing of its two halves).
    fn home(&self, key: u128) -> usize {
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        (x.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    /// Adds a key that is not in the table yet (nonzero; the table has room).
    fn insert(&mut self, key: u128, v: V) {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        while self.slots[i].0 != [0; 2] {
            i = (i + 1) & mask;
        }
        self.slots[i] = (halves(key), v);
    }

    fn get(&self, key: u128) -> Option<V> {
        // (key 0, the empty word's, would match an empty slot)
        if key == 0 {
            return None;
        }
        let key = halves(key);
        let mask = self.slots.len() - 1;
        let mut i = self.home(u128::from(key[0]) | u128::from(key[1]) << 64);
        loop {
            let (k, v) = self.slots[i];
            if k == key {
                return Some(v);
            }
            // (an empty slot ends the probe)
            if k == [0; 2] {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

/// A packed key as its low and high halves.
fn halves(key: u128) -> [u64; 2] {
    [key as u64, (key >> 64) as u64]
}

/// A word of at most 15 bytes as one integer: its bytes from the lowest byte up and its
/// length in the top byte, so that two words have the same key only if they are the same
/// word. Read with a few overlapping loads rather than byte by byte.
fn pack(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let n = b.len();
    let (lo, hi) = match n {
        16.. => return None,
        8..=15 => {
            let lo = u64::from_le_bytes(*b.first_chunk::<8>()?);
            // the bytes after the first eight: a load that ends at the last byte, shifted
            // down past the bytes it shares with `lo` (all of them when n == 8)
            let tail = u64::from_le_bytes(*b.last_chunk::<8>()?);
            (lo, tail.checked_shr(8 * (16 - n) as u32).unwrap_or(0))
        }
        4..=7 => {
            let head = u64::from(u32::from_le_bytes(*b.first_chunk::<4>()?));
            let tail = u64::from(u32::from_le_bytes(*b.last_chunk::<4>()?));
            (head | tail << (8 * (n - 4)), 0)
        }
        1..=3 => {
            let at = |i: usize| u64::from(b[i]) << (8 * i);
            (at(0) | at(n / 2) | at(n - 1), 0)
        }
        0 => (0, 0),
    };
    Some(u128::from(lo) | u128::from(hi) << 64 | (n as u128) << 120)
}

/// Every cue form, looked up in one hash probe.
static CUE_INDEX: LazyLock<Table<Cue>> = LazyLock::new(|| {
    let mut m = WordMap::default();
    for (lemma, flags, forms) in data_lines(CUES).filter_map(|l| {
        let (head, forms) = l.split_once(':')?;
        let mut head = head.split_whitespace();
        Some((head.next()?, head.collect::<Vec<_>>(), forms))
    }) {
        let (weak, object) = (flags.contains(&"weak"), flags.contains(&"object"));
        let belief = flags.contains(&"belief");
        let np = flags.contains(&"np");
        let animate = flags.contains(&"animate");
        let document = flags.contains(&"document");
        let (against, thing) = (flags.contains(&"against"), flags.contains(&"thing"));
        let that = flags.contains(&"that");
        let frame = flags.contains(&"frame");
        // (`-` holds the place of a form left out: mostly a noun, `the question`, `posts`)
        for (i, f) in forms
            .split_whitespace()
            .enumerate()
            .filter(|&(_, f)| f != "-")
        {
            m.entry(f).or_insert(Cue {
                lemma,
                base: i == 0,
                participle: i == 3,
                past: i == 2,
                weak,
                object,
                belief,
                np,
                animate,
                document,
                against,
                thing,
                that,
                frame,
            });
        }
    }
    Table::new(m)
});

/// Frames of weak reporting verbs with an object and a preposition, one a line: `lemma:
/// pattern` (`accuse: _ of`, `point: to`; `_` the verb's object).
const OBJECT_FRAMES: &str = include_str!("words/object_frames.txt");

/// Every object frame, parsed once: the lemma and its pattern's words.
static FRAMES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    data_lines(OBJECT_FRAMES)
        .filter_map(|l| {
            let (lemma, pattern) = l.split_once(':')?;
            Some((lemma.trim(), pattern.split_whitespace().collect()))
        })
        .collect()
});

/// The frames in which the weak reporting verb `lemma` reports with an object and a
/// preposition, no clause (`accused the board of ignoring the data`): each a pattern of
/// words after the verb, `_` standing for its object.
///
/// ```
/// use hearsay::attribution::lexicon::object_frames;
/// assert!(object_frames("accuse").any(|f| f == ["_", "of"]));
/// assert_eq!(object_frames("say").count(), 0);
/// ```
pub fn object_frames(lemma: &str) -> impl Iterator<Item = &'static [&'static str]> {
    FRAMES
        .iter()
        .filter(move |(l, _)| *l == lemma)
        .map(|(_, f)| f.as_slice())
}

/// The lines of a word-list file that hold data: comments (`#`) and blank lines skipped.
/// Objects after which `say` reports nothing, one phrase a line (`said nothing`, `said a
/// few words`).
const SAID_NO_CONTENT: &str = include_str!("words/said_no_content.txt");

/// Every phrase of [`SAID_NO_CONTENT`], its words lowercased, parsed once.
static SAID_NO_CONTENT_PHRASES: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    data_lines(SAID_NO_CONTENT)
        .map(|l| l.split_whitespace().collect())
        .collect()
});

/// The number of words of the object of `say` that opens `words` (lowercased) when it names
/// a speech act or an amount of talk rather than what was said (`nothing`, `a few words`).
///
/// ```
/// use hearsay::attribution::lexicon::said_no_content;
/// assert_eq!(said_no_content(&["a", "few", "words", "at"]), Some(3));
/// assert_eq!(said_no_content(&["the", "pier"]), None);
/// ```
pub fn said_no_content(words: &[&str]) -> Option<usize> {
    SAID_NO_CONTENT_PHRASES
        .iter()
        .filter(|ph| words.starts_with(ph))
        .map(Vec::len)
        .max()
}

fn data_lines(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// A word class of the lexicon: a data file under `words/`, or a list the crate keeps
/// elsewhere (calendar names, in [`crate::document::date`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Words between a subject and its cue that are skipped: auxiliaries and adverbs. (`words/aux_or_adverb.txt`)
    AuxOrAdverb,
    /// Words that start a new clause: a subject before a cue never reaches back past them. (`words/clause_boundary.txt`)
    ClauseBoundary,
    /// Words that open a sentence or clause but are not part of a speaker's name. (`words/leading_filler.txt`)
    LeadingFiller,
    /// Determiners and quantifiers that may open a speaker's noun phrase. (`words/determiner.txt`)
    Determiner,
    /// Words that can never be inside a speaker's noun phrase (verbs and function words). (`words/np_breaker.txt`)
    NpBreaker,
    /// Singular nouns that name a person by role (`a spokesman`, `the coach`). (`words/person_noun.txt`)
    PersonNoun,
    /// Plural nouns that name a group of people (`legal experts`, `authorities`). (`words/group_noun.txt`)
    GroupNoun,
    /// Nouns that head an organisation's name (`the ministry`, `the mayor's office`). (`words/org_noun.txt`)
    OrgNoun,
    /// Nouns that head a document or publication (`a statement`, `draft language`). (`words/document_noun.txt`)
    DocumentNoun,
    /// Titles that come before a name (`Rep.`, `President`, `Dr.`) and are not part of it. (`words/title.txt`)
    Title,
    /// Words that are capitalised at a sentence start but never part of a name. (`words/capitalized_function_word.txt`)
    CapitalizedFunctionWord,
    /// Time words that trail a cue (`said Monday`, `said last week`) and are skipped. (`words/time_word.txt`)
    TimeWord,
    /// Words that start a reported clause right after a cue (`said he …`, `told court she …`). (`words/clause_start.txt`)
    ClauseStart,
    /// Words after which a lowercased `say`/`report`/`note` is a noun, not a verb. (`words/noun_marker.txt`)
    NounMarker,
    /// Words that, opening the words after a cue, show the cue continues its clause (`Such efforts, he said, were not …`): the attribution is a parenthetical. (`words/verbish.txt`)
    Verbish,
    /// Nominal words marking an anonymous source (`one person`, `people familiar with …`). (`words/anonymous_head.txt`)
    AnonymousHead,
    /// Modifiers that make a source anonymous (`familiar with`, `a second person`). (`words/anonymous_modifier.txt`)
    AnonymousModifier,
    /// Single-word abbreviations that keep their full stop inside a word token. (`words/abbreviation.txt`)
    Abbreviation,
    /// Abbreviations that may also end a sentence (`… in the U.S. The …`). (`words/can_end_sentence.txt`)
    CanEndSentence,
    /// Particle (`words/particle.txt`)
    Particle,
    /// Suffix (`words/suffix.txt`)
    Suffix,
    /// Capitalised words that are places or common nouns, not people. (`words/non_person_cap.txt`, `words/places.txt`)
    NonPersonCap,
    /// Words that stop the head search of a noun phrase (its post-modifiers begin). (`words/postmodifier_start.txt`)
    PostmodifierStart,
    /// Past-participle adjectives that do appear in speakers' noun phrases. (`words/adjective_ed.txt`)
    AdjectiveEd,
    /// Quantifier (`words/quantifier.txt`)
    Quantifier,
    /// Small words that cannot be a clause's verb after a name (`Jones of Ottawa`, `Smith and`). (`words/function_word.txt`)
    FunctionWord,
    /// PassiveAux (`words/passive_aux.txt`)
    PassiveAux,
    /// Preposition (`words/preposition.txt`)
    Preposition,
    /// Words that open an adjunct after an inverted speaker's name. (`words/adjunct_opener.txt`)
    AdjunctOpener,
    /// Subordinator (`words/subordinator.txt`)
    Subordinator,
    /// Nouns and titles of a man (`husband`, `spokesman`, `Mr`): they tell a speaker's gender. (`words/male_role.txt`)
    MaleRole,
    /// Nouns and titles of a woman (`wife`, `spokeswoman`, `Ms`): they tell a speaker's gender. (`words/female_role.txt`)
    FemaleRole,
    /// Women's first names (Moby Word II, public domain): a name's gender.
    FirstNameFemale,
    /// Men's first names (Moby Word II, public domain): a name's gender.
    FirstNameMale,
    /// First names given to women and men alike (Moby Word II, public domain).
    FirstNameEither,
    /// Weekday names (from [`WEEKDAYS`]).
    Weekday,
    /// Month names (from [`MONTHS`]).
    Month,
    /// Labels that open a teaser for another story (`read more`, `watch`), lowercased. (`words/teaser.txt`)
    Teaser,
    /// Nouns of titled works after which a short quotation is a title (`the documentary “Low Tide”`). (`words/work_noun.txt`)
    WorkNoun,
    /// Nouns by which news refers back to any organisation named before (`the agency`). (`words/generic_org.txt`)
    GenericOrg,
    /// Nouns of saying that a light verb turns into a cue before a that-clause (`made the argument that`). (`words/speech_noun.txt`)
    SpeechNoun,
    /// Words ending in `-ly` that are not adverbs (`family`, `daily`). (`words/ly_not_adverb.txt`)
    LyNotAdverb,
    /// Nouns ending in `-est` that are no superlatives (`request`, `protest`). (`words/est_noun.txt`)
    EstNoun,
    /// Things that carry written words (`placard`, `sign`, `banner`): what they read is a slogan. (`words/inscription.txt`)
    Inscription,
    /// The simple past of irregular verbs, unlike their participle (`knew`, `took`): a
    /// clause's verb after a cue, like a past in -ed. (`words/irregular_past.txt`)
    IrregularPast,
    /// Irregular past forms that are their participle too (`lost`, `sold`): a clause's verb
    /// only when no preposition follows. (`words/irregular_participle.txt`)
    IrregularParticiple,
    /// Words that close a company's or a project's name (`Kestrel Energy`, `Greenway Project`): the name is
    /// an organisation's. (`words/org_name_end.txt`)
    OrgNameEnd,
    /// Words clipped at the front (`'tis`, `'em`, `'n'`), lowercased without their
    /// apostrophe: the mark before them opens no quotation. (`words/elision.txt`)
    Elision,
    /// Verbs of sharing a post (`shared`, `took` with `to`): before a colon and a quotation
    /// that ends the sentence, they report the quotation. (`words/post_verb.txt`)
    PostVerb,
    /// The parts a broadcast transcript labels beside a name (`host`, `byline`): the turn is
    /// narration. (`words/transcript_role.txt`)
    TranscriptRole,
    /// Words of a transcript label that names no one (`unidentified`, `crowd`).
    /// (`words/transcript_unnamed.txt`)
    TranscriptUnnamed,
}

/// Every class kept in a data file, with that file.
const LISTS: [(Class, &str); 50] = [
    (Class::AuxOrAdverb, include_str!("words/aux_or_adverb.txt")),
    (
        Class::ClauseBoundary,
        include_str!("words/clause_boundary.txt"),
    ),
    (
        Class::LeadingFiller,
        include_str!("words/leading_filler.txt"),
    ),
    (Class::Determiner, include_str!("words/determiner.txt")),
    (Class::NpBreaker, include_str!("words/np_breaker.txt")),
    (Class::PersonNoun, include_str!("words/person_noun.txt")),
    (Class::GroupNoun, include_str!("words/group_noun.txt")),
    (Class::OrgNoun, include_str!("words/org_noun.txt")),
    (Class::DocumentNoun, include_str!("words/document_noun.txt")),
    (Class::Title, include_str!("words/title.txt")),
    (
        Class::CapitalizedFunctionWord,
        include_str!("words/capitalized_function_word.txt"),
    ),
    (Class::TimeWord, include_str!("words/time_word.txt")),
    (Class::ClauseStart, include_str!("words/clause_start.txt")),
    (Class::NounMarker, include_str!("words/noun_marker.txt")),
    (Class::Verbish, include_str!("words/verbish.txt")),
    (
        Class::AnonymousHead,
        include_str!("words/anonymous_head.txt"),
    ),
    (
        Class::AnonymousModifier,
        include_str!("words/anonymous_modifier.txt"),
    ),
    (Class::Abbreviation, include_str!("words/abbreviation.txt")),
    (
        Class::CanEndSentence,
        include_str!("words/can_end_sentence.txt"),
    ),
    (Class::Particle, include_str!("words/particle.txt")),
    (Class::Suffix, include_str!("words/suffix.txt")),
    (
        Class::NonPersonCap,
        include_str!("words/non_person_cap.txt"),
    ),
    (
        Class::PostmodifierStart,
        include_str!("words/postmodifier_start.txt"),
    ),
    (Class::AdjectiveEd, include_str!("words/adjective_ed.txt")),
    (Class::Quantifier, include_str!("words/quantifier.txt")),
    (Class::FunctionWord, include_str!("words/function_word.txt")),
    (Class::PassiveAux, include_str!("words/passive_aux.txt")),
    (Class::Preposition, include_str!("words/preposition.txt")),
    (
        Class::AdjunctOpener,
        include_str!("words/adjunct_opener.txt"),
    ),
    (Class::Subordinator, include_str!("words/subordinator.txt")),
    (Class::MaleRole, include_str!("words/male_role.txt")),
    (Class::FemaleRole, include_str!("words/female_role.txt")),
    (Class::LyNotAdverb, include_str!("words/ly_not_adverb.txt")),
    (Class::EstNoun, include_str!("words/est_noun.txt")),
    (Class::Inscription, include_str!("words/inscription.txt")),
    (
        Class::IrregularPast,
        include_str!("words/irregular_past.txt"),
    ),
    (
        Class::IrregularParticiple,
        include_str!("words/irregular_participle.txt"),
    ),
    (Class::Teaser, include_str!("words/teaser.txt")),
    (Class::WorkNoun, include_str!("words/work_noun.txt")),
    (Class::GenericOrg, include_str!("words/generic_org.txt")),
    (Class::SpeechNoun, include_str!("words/speech_noun.txt")),
    (Class::OrgNameEnd, include_str!("words/org_name_end.txt")),
    (Class::Elision, include_str!("words/elision.txt")),
    (Class::PostVerb, include_str!("words/post_verb.txt")),
    (
        Class::TranscriptRole,
        include_str!("words/transcript_role.txt"),
    ),
    (
        Class::TranscriptUnnamed,
        include_str!("words/transcript_unnamed.txt"),
    ),
    // places are capitalised words that name no person: one class with `non_person_cap.txt`
    (Class::NonPersonCap, include_str!("words/places.txt")),
    (
        Class::FirstNameFemale,
        include_str!("words/first_names_female.txt"),
    ),
    (
        Class::FirstNameMale,
        include_str!("words/first_names_male.txt"),
    ),
    (
        Class::FirstNameEither,
        include_str!("words/first_names_either.txt"),
    ),
];

/// Every listed word with the set of its classes (bit `1 << class`), built once
/// ([`words`]). (A `OnceLock` rather than a `LazyLock`: [`word_bits`] asks whether it is
/// built apart from building it, so that its probe makes no call and saves no registers.)
static WORDS: OnceLock<Table<u64>> = OnceLock::new();

/// [`WORDS`], built the first time it is asked for.
fn words() -> &'static Table<u64> {
    WORDS.get_or_init(build_words)
}

/// Builds [`WORDS`] from the lists.
fn build_words() -> Table<u64> {
    let mut m: WordMap<u64> = WordMap::default();
    for (class, file) in LISTS {
        for w in data_lines(file) {
            *m.entry(w).or_default() |= class.bit();
        }
    }
    // calendar words, from the crate's one list of them: time words, never a person's name
    // (but `May`, also a first name)
    let time = Class::TimeWord.bit() | Class::NonPersonCap.bit();
    for w in WEEKDAYS {
        *m.entry(w).or_default() |= Class::Weekday.bit() | time;
    }
    for (w, _) in &MONTHS[..12] {
        let name = if *w == "may" {
            0
        } else {
            Class::NonPersonCap.bit()
        };
        *m.entry(w).or_default() |= Class::Month.bit() | Class::TimeWord.bit() | name;
    }
    // the cue forms `cue` can find, so that one probe of a token also says whether it may
    // be a cue ([`CUE_FORM`], kept by the token, never in `classes`)
    for forms in data_lines(CUES).filter_map(|l| Some(l.split_once(':')?.1)) {
        for f in forms
            .split_whitespace()
            .filter(|f| (3..=12).contains(&f.len()))
        {
            *m.entry(f).or_default() |= CUE_FORM;
        }
    }
    Table::new(m)
}

/// The bit of [`word_bits`] that marks a form of a reporting verb (above every class bit).
pub const CUE_FORM: u64 = 1 << 63;

/// A lowercased word's classes, with [`CUE_FORM`] when [`cue`] finds it, in one hash
/// probe: what a [`super::tokens::Token`] keeps, so that its class questions are bit tests.
///
/// A hyphenated word no list holds takes the noun classes of its last part (`co-author`,
/// `ex-husband`, `vice-chair`: people as `author`, `husband`, `chair` are).
pub fn word_bits(w: &str) -> u64 {
    let Some(words) = WORDS.get() else {
        return first_word_bits(w);
    };
    match pack(w) {
        // (a word no list holds, most of those asked about, is ruled out as hyphenated from
        // its packed bytes: no scan of the word for a hyphen)
        Some(k) => match words.short.get(k) {
            Some(bits) => bits,
            None if holds_byte(k, b'-') => hyphenated_bits(w),
            None => 0,
        },
        None => long_word_bits(w),
    }
}

/// [`word_bits`] the first time: builds the table.
#[cold]
#[inline(never)]
fn first_word_bits(w: &str) -> u64 {
    words();
    word_bits(w)
}

/// [`word_bits`] of a word too long to pack: apart, so that the probe of a packed word
/// (nearly every word) saves no registers.
#[cold]
#[inline(never)]
fn long_word_bits(w: &str) -> u64 {
    words().get_long(w).unwrap_or_else(|| hyphenated_bits(w))
}

/// [`word_bits`] of a hyphenated word no list holds: the people classes of its last part.
#[cold]
#[inline(never)]
fn hyphenated_bits(w: &str) -> u64 {
    // (`rsplit_once('-')` by a plain byte scan: words are short, and the general char
    // searcher cost ~150 instructions a word)
    match w
        .bytes()
        .rposition(|b| b == b'-')
        .map(|i| (&w[..i], &w[i + 1..]))
    {
        Some((head, last)) if !head.is_empty() && last.len() > 2 => {
            let people = Class::PersonNoun.bit()
                | Class::GroupNoun.bit()
                | Class::MaleRole.bit()
                | Class::FemaleRole.bit();
            words().get(last).map_or(0, |b| b & people)
        }
        _ => 0,
    }
}

/// Whether the word packed in `key` ([`pack`]) holds the byte `b` (not 0, nor a length up
/// to 15): a zero-byte test on each half of the key XOR `b` in every byte, exact (no carry
/// from one byte into the next).
fn holds_byte(key: u128, b: u8) -> bool {
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    let zero_byte = |x: u64| !(((x & LOWS) + LOWS) | x | LOWS) != 0;
    let pattern = u64::from_le_bytes([b; 8]);
    zero_byte(key as u64 ^ pattern) || zero_byte((key >> 64) as u64 ^ pattern)
}

impl Class {
    /// The class's bit in the set [`classes`] returns.
    pub fn bit(self) -> u64 {
        1 << self as u8
    }

    /// Whether the lowercased word `w` is in this class.
    ///
    /// ```
    /// use hearsay::attribution::lexicon::Class;
    /// assert!(Class::GroupNoun.has("experts"));
    /// assert!(!Class::GroupNoun.has("table"));
    /// ```
    pub fn has(self, w: &str) -> bool {
        classes(w) & self.bit() != 0
    }
}

/// The classes of a lowercased word, as a bit set (`1 << Class as u8`), in one hash probe.
pub fn classes(w: &str) -> u64 {
    word_bits(w) & !CUE_FORM
}

/// Personal pronouns that can stand for a speaker, with their gender and number.
pub fn pronoun(word: &str) -> Option<Pronoun> {
    Some(match word {
        "he" => Pronoun::He,
        "she" => Pronoun::She,
        "they" => Pronoun::They,
        "it" => Pronoun::It,
        "we" => Pronoun::We,
        "i" => Pronoun::I,
        _ => return None,
    })
}

/// A speaker pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pronoun {
    /// `he`
    He,
    /// `she`
    She,
    /// `they`
    They,
    /// `it`
    It,
    /// `we`
    We,
    /// `I` (first person, in quotes or letters)
    I,
}

/// Words between a subject and its cue that are skipped: auxiliaries and adverbs.
pub fn is_aux_or_adverb(w: &str) -> bool {
    Class::AuxOrAdverb.has(w) || (w.len() > 4 && w.ends_with("ly") && !Class::LyNotAdverb.has(w))
}

/// Abbreviations that may also end a sentence (`… in the U.S. The …`).
pub fn can_end_sentence(w: &str) -> bool {
    Class::CanEndSentence.has(w) || (w.len() >= 4 && w.matches('.').count() >= 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hyphenated_word_takes_only_the_people_classes_of_its_last_part() {
        assert!(Class::PersonNoun.has("co-author"));
        assert!(Class::MaleRole.has("ex-husband"));
        assert!(!Class::PersonNoun.has("author-"));
        // (its last part's other classes stay out: `pre-monday` is no weekday)
        assert!(Class::Weekday.has("monday") && !Class::Weekday.has("pre-monday"));
        assert_eq!(word_bits("well-known"), 0);
    }

    #[test]
    fn every_listed_word_is_found_in_its_class() {
        for (class, file) in LISTS {
            for w in data_lines(file) {
                assert!(class.has(w), "{w:?} not in {class:?}");
            }
        }
        for w in WEEKDAYS {
            assert!(Class::Weekday.has(w));
        }
        assert!(data_lines(CUES).all(|l| {
            l.split_once(':').is_some_and(|(_, forms)| {
                forms
                    .split_whitespace()
                    .all(|f| f == "-" || CUE_INDEX.get(f).is_some())
            })
        }));
        // the first/last byte filter never rules out a word the table holds
        assert!(data_lines(CUES).all(|l| {
            l.split_once(':').is_some_and(|(_, forms)| {
                forms
                    .split_whitespace()
                    .all(|f| f == "-" || CUE_INDEX.may_hold(f))
            })
        }));
        assert!(!CUE_INDEX.may_hold("the") && !CUE_INDEX.may_hold("table"));
        // a word's bits say whether it is a cue form, and never make it a class member
        for w in [
            "said",
            "says",
            "told",
            "adding",
            "according",
            "the",
            "spokesman",
            "",
        ] {
            assert_eq!(word_bits(w) & CUE_FORM != 0, cue(w).is_some(), "{w:?}");
            assert_eq!(classes(w), word_bits(w) & !CUE_FORM);
        }
        // words that share a prefix, or differ only in length, are told apart
        assert!(cue("say").is_some() && cue("sa").is_none() && cue("sayss").is_none());
        assert_eq!(classes(""), 0);
        assert_eq!(classes("a-very-long-word-indeed"), 0);
    }

    proptest::proptest! {
        #[test]
        fn a_packed_word_is_its_bytes_and_length(w in "[a-z’é-]{0,17}") {
            let b = w.as_bytes();
            let mut buf = [0u8; 16];
            let expected = (b.len() <= 15).then(|| {
                buf[..b.len()].copy_from_slice(b);
                buf[15] = b.len() as u8;
                u128::from_le_bytes(buf)
            });
            proptest::prop_assert_eq!(pack(&w), expected);
            if let Some(k) = expected {
                for b in [b'-', b'a', b'z', 0x99] {
                    proptest::prop_assert_eq!(holds_byte(k, b), w.as_bytes().contains(&b));
                }
            }
        }
    }
}
