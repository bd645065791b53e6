//! Words and sentences of one paragraph's clean text.
//!
//! [`tokenize`] splits text into word tokens (letters and digits, with inner apostrophes,
//! hyphens, and the full stop of initials and abbreviations like `S.`, `U.S.`, `Rep.`);
//! punctuation stays in the gaps between tokens, where the rules look at it. Each token
//! knows which quotation (if any) it lies in. [`sentences`] groups tokens into sentences,
//! never splitting inside a quotation.

use super::lexicon::{self, Class};
use super::quotes::QuoteSpan;
use std::cell::Cell;
use std::ops::Range;

/// A word of the text.
#[derive(Debug, Clone)]
pub struct Token<'a> {
    /// Byte range in the paragraph text.
    pub range: Range<usize>,
    /// The word with ASCII letters lowercased (same byte length as the original).
    pub lower: &'a str,
    /// Starts with an uppercase letter.
    pub cap: bool,
    /// Index of the quotation containing it.
    pub quote: Option<usize>,
    /// The word's lexicon bits ([`lexicon::word_bits`]: its classes, with
    /// [`lexicon::CUE_FORM`]), looked up the first time they are asked for ([`Token::is`],
    /// [`Token::cue`]), since many words (in quotations, say) never are; [`UNKNOWN`] until then.
    bits: Cell<u64>,
}

/// [`Token::bits`] not looked up yet (were a word in every class, it would only be looked
/// up each time it is asked about).
const UNKNOWN: u64 = u64::MAX;

impl<'a> Token<'a> {
    /// The token cut to its first `len` bytes (`Ruiz’s` → `Ruiz`), with the lexicon bits of
    /// its shorter word. (A token's `lower` is never changed in place: its bits would go stale.)
    pub fn cut(&self, len: usize) -> Token<'a> {
        Token {
            range: self.range.start..self.range.start + len,
            lower: &self.lower[..len],
            cap: self.cap,
            quote: self.quote,
            bits: Cell::new(UNKNOWN),
        }
    }

    /// The word's lexicon bits, looked up once.
    fn bits(&self) -> u64 {
        let mut bits = self.bits.get();
        if bits == UNKNOWN {
            bits = lexicon::word_bits(self.lower);
            self.bits.set(bits);
        }
        bits
    }

    /// Whether the word is in `class`: [`Class::has`] of [`Token::lower`], as a bit test.
    pub fn is(&self, class: Class) -> bool {
        self.bits() & class.bit() != 0
    }

    /// [`lexicon::classes`] of [`Token::lower`], from the bits looked up once.
    pub fn classes(&self) -> u64 {
        self.bits() & !lexicon::CUE_FORM
    }

    /// Whether the word ends in a possessive `'s` (straight or curly apostrophe): `Ruiz's`,
    /// `the city’s`. (A plural's bare `s'` needs the text after the token to be told apart.)
    pub fn is_possessive(&self) -> bool {
        self.lower.ends_with("'s") || self.lower.ends_with("’s")
    }

    /// [`lexicon::cue`] of [`Token::lower`], looked up only when the word is a cue form.
    pub fn cue(&self) -> Option<lexicon::Cue> {
        if self.bits() & lexicon::CUE_FORM == 0 {
            return None;
        }
        lexicon::cue(self.lower)
    }
}

/// `c.is_alphanumeric()`, answered without Unicode tables for the general punctuation
/// block (U+2000–U+206F: curly quotes and apostrophes, dashes, thin spaces), which holds
/// no letter or digit and is most of the non-ASCII characters news text has.
fn is_alnum(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

fn is_inner_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑' | '&')
}

/// What the tokenizer needs to know of a byte, one table load: [`WORD`], [`UPPER`],
/// [`JOINER`], [`WIDE`].
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c >= 0x80 {
            WIDE | JOINER
        } else if c.is_ascii_uppercase() {
            WORD | UPPER
        } else if c.is_ascii_alphanumeric() {
            WORD
        } else if matches!(c, b'\'' | b'-' | b'&' | b',' | b'.') {
            JOINER
        } else {
            0
        };
        b += 1;
    }
    t
};
/// [`BYTE_CLASS`]: an ASCII letter or digit.
const WORD: u8 = 1;
/// [`BYTE_CLASS`]: an ASCII capital.
const UPPER: u8 = 2;
/// [`BYTE_CLASS`]: a byte after a word that may join it to more (an ASCII joiner, comma or
/// full stop, or any byte of a wider character): any other ends the word at once.
const JOINER: u8 = 4;
/// [`BYTE_CLASS`]: a byte of a character beyond ASCII (decoded to be classed).
const WIDE: u8 = 8;

/// The class bits of byte `i` of `bytes` (0 past the end: a gap that ends every word).
fn class_at(bytes: &[u8], i: usize) -> u8 {
    bytes.get(i).map_or(0, |&b| BYTE_CLASS[usize::from(b)])
}

/// The character starting at byte `i` of `text` (ASCII without decoding), if any.
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text[i..].chars().next(),
    }
}

/// Splits text into word tokens, marking the ones inside quotations. `lower` is
/// `text.to_ascii_lowercase()` (same byte offsets), which the tokens borrow from.
///
/// One pass over the bytes: runs of ASCII letters and digits are taken a byte at a time,
/// and only other characters are decoded.
pub fn tokenize<'a>(text: &str, lower: &'a str, quotes: &[QuoteSpan]) -> Vec<Token<'a>> {
    let mut out = Vec::new();
    tokenize_into(text, lower, quotes, &mut out);
    out
}

/// [`tokenize`] into `out` (emptied first), so that a caller reading paragraph after
/// paragraph reuses one list.
pub fn tokenize_into<'a>(
    text: &str,
    lower: &'a str,
    quotes: &[QuoteSpan],
    out: &mut Vec<Token<'a>>,
) {
    let bytes = text.as_bytes();
    out.clear();
    // sized up front (a word with its gap takes a few bytes), so the vector is not copied
    // as it grows
    out.reserve(text.len() / 4 + 1);
    // the quotation the next word may lie in (quotations are sorted), kept as its bounds
    // so that a word outside every quotation costs two compares
    let bounds = |k: usize| {
        quotes
            .get(k)
            .map_or((usize::MAX, usize::MAX), |q| (q.outer.start, q.outer.end))
    };
    let mut qi = 0;
    let (mut q_start, mut q_end) = bounds(0);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = BYTE_CLASS[usize::from(b)];
        // the word's first character: its length and whether it is a capital
        let (first, cap) = if class & WORD != 0 {
            (1, class & UPPER != 0)
        } else if class & WIDE == 0 {
            // the gaps between words: ASCII a byte at a time
            i += 1;
            continue;
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if !is_alnum(c) {
                i += c.len_utf8();
                continue;
            }
            (c.len_utf8(), c.is_uppercase())
        };
        let start = i;
        let (j, dotted) = word_end(text, i + first);
        let mut end = j;
        let mut bits = UNKNOWN;
        // keep the full stop of initials and abbreviations
        if bytes.get(j) == Some(&b'.') {
            if (j - start == first && cap) || dotted {
                end += 1;
            } else {
                // (a word that is no abbreviation keeps the bits looked up to say so)
                bits = lexicon::word_bits(&lower[start..j]);
                if bits & Class::Abbreviation.bit() != 0 {
                    end += 1;
                    bits = UNKNOWN;
                }
            }
        }
        while start >= q_end {
            qi += 1;
            (q_start, q_end) = bounds(qi);
        }
        out.push(Token {
            range: start..end,
            lower: &lower[start..end],
            cap,
            quote: (start >= q_start).then_some(qi),
            bits: Cell::new(bits),
        });
        i = end;
    }
}

/// Where the word whose characters run up to byte `j` ends: over letters and digits, inner
/// joiners and digit separators (`don’t`, `well-known`, `1,000`, `16.3`) and the full stops
/// of dotted acronyms (`U.S.`, `D.C.`); and whether it took in a full stop.
fn word_end(text: &str, mut j: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut dotted = false;
    loop {
        while class_at(bytes, j) & WORD != 0 {
            j += 1;
        }
        // most words end at a space or a mark that joins nothing: one table load
        let class = class_at(bytes, j);
        if class & JOINER == 0 {
            break;
        }
        let Some(cj) = char_at(text, j) else { break };
        // (an ASCII byte here is no letter or digit)
        if class & WIDE != 0 && is_alnum(cj) {
            j += cj.len_utf8();
            continue;
        }
        // only a joiner, a comma or a full stop can join
        let joiner = is_inner_joiner(cj);
        if !(joiner || cj == ',' || cj == '.') {
            break;
        }
        let after = j + cj.len_utf8();
        let Some(next) = char_at(text, after).filter(|&c| is_alnum(c)) else {
            break;
        };
        let last = text[..j].chars().next_back().unwrap_or(' ');
        let digits = last.is_ascii_digit() && next.is_ascii_digit();
        let joins = joiner
            || ((cj == ',' || cj == '.') && digits)
            || (cj == '.' && last.is_uppercase() && next.is_uppercase());
        if !joins {
            break;
        }
        dotted |= cj == '.';
        j = after;
    }
    (j, dotted)
}

/// A sentence: a run of tokens and the text it spans.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Token indices.
    pub tokens: Range<usize>,
    /// Byte range in the text, from the first mark or word to the last.
    pub range: Range<usize>,
}

/// The index in `toks` (a sentence's tokens, `text` their paragraph) of the first token
/// after a dateline opening the sentence (`OTTAWA —`, `CEDAR FALLS, Iowa —`, `WASHINGTON
/// (Aug. 13) --`, `NEW YORK, Nov 23 (Reuters) -`): a place in capitals, perhaps a state or
/// a date, and a dash (a hyphen set off by spaces, as wires print it, too). Where the story
/// was filed is never a speaker, a claim's words or a pronoun's antecedent.
pub fn after_dateline(text: &str, toks: &[Token]) -> Option<usize> {
    let first = toks.first()?;
    let word = &text[first.range.clone()];
    if word.len() < 3 || word.chars().any(char::is_lowercase) {
        return None;
    }
    (1..toks.len().min(8)).find(|&i| {
        let gap = &text[toks[i - 1].range.end..toks[i].range.start];
        gap.contains(['—', '–']) || gap.contains("--") || gap.contains(" - ")
    })
}

/// Whether `rest` (the text after a word) is a full stop, perhaps a short credit in
/// brackets, then a dash (`. —`, `. (AP) --`): the stop closed an abbreviation the dash goes
/// on from.
fn dash_after_stop(rest: &str) -> bool {
    let Some(mut r) = rest.strip_prefix('.').map(str::trim_start) else {
        return false;
    };
    if let Some(inner) = r.strip_prefix('(') {
        match inner.find(')') {
            Some(k) if k <= 30 => r = inner[k + 1..].trim_start(),
            _ => return false,
        }
    }
    r.starts_with(['—', '–']) || r.starts_with("--")
}

/// Whether `gap` (text between two tokens) ends a sentence.
fn gap_ends_sentence(gap: &str) -> bool {
    // a full stop glued to the next word (`e.GO`) is not a sentence end
    gap.contains(['.', '!', '?', '…']) && gap.contains(char::is_whitespace)
}

/// Splits a paragraph's tokens into sentences.
pub fn sentences(text: &str, tokens: &[Token], quotes: &[QuoteSpan]) -> Vec<Sentence> {
    let mut out = Vec::new();
    sentences_into(text, tokens, quotes, &mut out);
    out
}

/// [`sentences`] into `out` (emptied first), so that a caller reading paragraph after
/// paragraph reuses one list.
pub fn sentences_into(text: &str, tokens: &[Token], quotes: &[QuoteSpan], out: &mut Vec<Sentence>) {
    out.clear();
    if tokens.is_empty() {
        return;
    }
    let mut start_tok = 0;
    let mut start_byte = 0;
    for i in 0..tokens.len() {
        let a = &tokens[i];
        let Some(b) = tokens.get(i + 1) else { break };
        // never split inside one quotation
        if a.quote.is_some() && a.quote == b.quote {
            continue;
        }
        // (the usual gap, a single space, ends nothing but after a full stop: read as a
        // byte, the common case costs no string slicing)
        if b.range.start == a.range.end + 1
            && text.as_bytes()[a.range.end] == b' '
            && !a.lower.ends_with('.')
        {
            continue;
        }
        let gap = &text[a.range.end..b.range.start];
        // (a single space, the usual gap, ends nothing)
        let mut ends = gap != " " && gap_ends_sentence(gap);
        if !ends && a.lower.ends_with('.') && lexicon::can_end_sentence(a.lower) {
            ends = b.cap && b.is(Class::CapitalizedFunctionWord);
        }
        // `PORT ELLIS, Ore. — The …`: a dateline's abbreviated state before its dash
        // opens the sentence, it ends none
        if !ends || start_tok == 0 && i < 7 && dash_after_stop(&text[a.range.end..]) {
            continue;
        }
        // `“Are there prizes?” Lincicome asked.`: a trailing attribution after a quotation
        // belongs to its sentence
        // (but after a quotation closed by a full stop, an attribution that opens a quotation
        // of its own starts a new sentence: `Ana said, “No.” Lee said, “Yes.”`)
        if a.quote.is_some()
            && b.quote.is_none()
            && !(gap.trim_start().starts_with('.') && opens_quotation(text, tokens, i + 1))
            && trailing_attribution(text, tokens, i + 1)
        {
            continue;
        }
        // the next sentence starts with a capital, a digit or an opening mark
        let opens = gap.trim_end().ends_with(['“', '"', '‘', '«', '(', '—']);
        let next_ok = b.cap
            || b.lower.starts_with(|c: char| c.is_ascii_digit())
            || opens
            || b.quote.is_some();
        // "?” she asked" does not end the sentence
        if !next_ok {
            continue;
        }
        // a gap starting an open quote mid-sentence but not ending a sentence: `said: “`
        let cut = split_point(text, a.range.end, b.range.start, quotes);
        out.push(Sentence {
            tokens: start_tok..i + 1,
            range: start_byte..cut,
        });
        start_tok = i + 1;
        start_byte = cut;
    }
    out.push(Sentence {
        tokens: start_tok..tokens.len(),
        range: start_byte..text.len(),
    });
    // tighten byte ranges to non-space text
    for s in out.iter_mut() {
        let t = &text[s.range.clone()];
        let rest = t.trim_start();
        let lead = t.len() - rest.len();
        let len = rest.trim_end().len();
        s.range = s.range.start + lead..s.range.start + lead + len;
    }
}

/// Whether the words from token `b` run, within a few words and no sentence end, to a
/// quotation opened after a comma or colon (`Lee said, “…”`).
fn opens_quotation(text: &str, tokens: &[Token], b: usize) -> bool {
    for m in b + 1..(b + 8).min(tokens.len()) {
        let gap = &text[tokens[m - 1].range.end..tokens[m].range.start];
        if gap.contains(['.', '!', '?']) {
            return false;
        }
        if tokens[m].quote.is_some() {
            return gap.contains([',', ':']);
        }
    }
    false
}

/// Whether the words from token `b` are a short attribution that ends its sentence:
/// `Lincicome asked.`, `said Smith.`, `she says before leaving`.
fn trailing_attribution(text: &str, tokens: &[Token], b: usize) -> bool {
    // the speaker may carry an apposition: `Ana Ruiz, a lawyer for the family, said.`
    let mut commas = 0;
    for m in b..(b + 24).min(tokens.len()) {
        if m > b {
            let gap = &text[tokens[m - 1].range.end..tokens[m].range.start];
            if gap.contains([';', ':', '.', '!', '?', '“', '"', '(', '—'])
                || tokens[m].quote.is_some()
            {
                return false;
            }
            if gap.contains(',') {
                commas += 1;
                if commas > 2 {
                    return false;
                }
            }
        }
        if commas == 0 && m >= b + 5 {
            return false;
        }
        let Some(c) = tokens[m].cue() else {
            continue;
        };
        if c.base || c.participle || tokens[m].cap {
            return false;
        }
        if m == b {
            return true;
        }
        let Some(next) = tokens.get(m + 1) else {
            return true;
        };
        let gap = &text[tokens[m].range.end..next.range.start];
        return gap.contains(['.', ',', '!', '?'])
            || next.is(Class::Weekday)
            || matches!(
                next.lower,
                "before"
                    | "after"
                    | "while"
                    | "as"
                    | "when"
                    | "in"
                    | "on"
                    | "during"
                    | "at"
                    | "with"
                    | "last"
                    | "earlier"
                    | "later"
                    | "recently"
                    | "today"
                    | "yesterday"
            );
    }
    false
}

/// Where to cut between two sentences: after the terminal punctuation (and a closing
/// quotation mark) in the gap, before the next sentence's opening mark.
fn split_point(text: &str, from: usize, to: usize, quotes: &[QuoteSpan]) -> usize {
    // a quotation ending in the gap: cut after its end (quotations are sorted and disjoint)
    let mut cut = from;
    let k = quotes.partition_point(|q| q.outer.end <= from);
    for q in &quotes[k..] {
        if q.outer.end > to {
            break;
        }
        cut = cut.max(q.outer.end);
    }
    let gap = &text[cut..to];
    // after the last terminal punctuation mark that is followed only by space / opening marks
    let mut best = cut;
    for (k, ch) in gap.char_indices() {
        if matches!(ch, '.' | '!' | '?' | '…' | ')' | ']') {
            best = cut + k + ch.len_utf8();
        }
        if ch.is_whitespace() {
            break;
        }
    }
    if best == cut {
        // whitespace position
        let ws = gap.find(char::is_whitespace).map_or(to, |k| cut + k);
        return ws.min(to);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokenizer as first written, over a vector of decoded characters: the reference
    /// the byte scan must agree with.
    fn reference(text: &str, lower: &str) -> Vec<(Range<usize>, bool)> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if !c.is_alphanumeric() {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                if j < chars.len() && chars[j].1.is_alphanumeric() {
                    j += 1;
                    continue;
                }
                if j + 1 < chars.len() && chars[j + 1].1.is_alphanumeric() {
                    let cj = chars[j].1;
                    let digits = chars[j - 1].1.is_ascii_digit() && chars[j + 1].1.is_ascii_digit();
                    if is_inner_joiner(cj) || ((cj == ',' || cj == '.') && digits) {
                        j += 1;
                        continue;
                    }
                    if cj == '.' && chars[j - 1].1.is_uppercase() && chars[j + 1].1.is_uppercase() {
                        j += 1;
                        continue;
                    }
                }
                break;
            }
            let mut end = chars.get(j).map_or(text.len(), |c| c.0);
            if j < chars.len() && chars[j].1 == '.' {
                let word = &text[start..end];
                let single_cap = word.chars().count() == 1 && c.is_uppercase();
                if single_cap || Class::Abbreviation.has(&lower[start..end]) || word.contains('.') {
                    end += 1;
                    j += 1;
                }
            }
            out.push((start..end, c.is_uppercase()));
            i = j;
        }
        out
    }

    fn words(text: &str) -> Vec<&str> {
        let lower = text.to_ascii_lowercase();
        tokenize(text, &lower, &[])
            .iter()
            .map(|t| &text[t.range.clone()])
            .collect()
    }

    #[test]
    fn words_keep_joiners_separators_and_abbreviations() {
        assert_eq!(
            words("Rep. Ana O’Neil-Ruiz of the U.S. said 1,000 (16.3%) don’t. J. Doe e.GO"),
            [
                "Rep.",
                "Ana",
                "O’Neil-Ruiz",
                "of",
                "the",
                "U.S.",
                "said",
                "1,000",
                "16.3",
                "don’t",
                "J.",
                "Doe",
                "e",
                "GO"
            ]
        );
        assert_eq!(
            words("Élise Ørsted, naïve—café; Σοφία’s Ö.Ä. 日本 x"),
            [
                "Élise",
                "Ørsted",
                "naïve",
                "café",
                "Σοφία’s",
                "Ö.Ä.",
                "日本",
                "x"
            ]
        );
        assert_eq!(words("--- … “ ”"), Vec::<&str>::new());
    }

    #[test]
    fn a_datelines_abbreviated_state_ends_no_sentence() {
        let split = |text: &str| {
            let lower = text.to_ascii_lowercase();
            let toks = tokenize(text, &lower, &[]);
            let sents = sentences(text, &toks, &[]);
            let first = &toks[sents[0].tokens.clone()];
            (
                sents.len(),
                after_dateline(text, first).map(|i| first[i].lower.to_string()),
            )
        };
        assert_eq!(
            split("PORT ELLIS, Ore. — The pier shut."),
            (1, Some("the".to_string()))
        );
        assert_eq!(
            split("PORT ELLIS, Ore. (AP) -- The pier shut."),
            (1, Some("the".to_string()))
        );
        assert_eq!(
            split("OTTAWA — The pier shut. It opened."),
            (2, Some("the".to_string()))
        );
        // a full stop before a dash inside a paragraph still ends its sentence
        assert_eq!(split("Lee left. Then Ana came. — The pier shut.").0, 3);
        assert_eq!(split("Lee Park left. Ana came.").1, None);
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
        for c in ['a', 'É', 'ß', '日', '²', '9', 'Σ'] {
            assert!(is_alnum(c), "{c:?}");
        }
        for c in [' ', '“', '’', '—', '\u{a0}', '.'] {
            assert!(!is_alnum(c), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_scan_agrees_with_the_char_reference(
            s in "[a-zA-Z0-9 .,'’&‐‑\\-“”éÉßΣσ日²ǅ\u{301}\u{a0}]{0,40}"
        ) {
            let lower = s.to_ascii_lowercase();
            let got: Vec<(Range<usize>, bool)> = tokenize(&s, &lower, &[])
                .into_iter()
                .map(|t| (t.range, t.cap))
                .collect();
            proptest::prop_assert_eq!(got, reference(&s, &lower));
        }
    }
}
