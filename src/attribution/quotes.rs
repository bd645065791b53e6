//! Finding quotations in one paragraph's clean text.
//!
//! [`scan`] walks the text once and returns the top-level spans inside quote marks:
//! curly `“…”` and straight `"…"` double quotes, guillemets, the `’’` / `''` closers that
//! pasted text produces, and top-level single quotes `‘…’` / `'…'` (British style). Single
//! quotes inside a double quote are part of it. Apostrophes (`don’t`, `’90s`, `parents’`,
//! `rock 'n' roll`, `'em`) and primes (`5′11″`, `6'2"`) never open a quotation: a straight
//! `'` before a lowercase word opens one only when its closer follows in the sentence, and a
//! mark after a plural's `s` (`the Joneses' dog`) closes nothing when a surer closer
//! follows. A mark left open is closed at the end of the paragraph ([`QuoteSpan::closed`]
//! is then false) so that an unbalanced mark never swallows the rest of the article; a
//! paragraph that opens a quotation without closing it is how news continues a quotation
//! into the next paragraph (a single one only when it opens the paragraph or a sentence, or
//! follows a colon or a comma).

use super::lexicon::Class;
use std::ops::Range;

/// A quotation found in a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte range of the whole quotation, marks included (to the paragraph end when open).
    pub outer: Range<usize>,
    /// Byte range of the words inside the marks, trimmed of white space.
    pub inner: Range<usize>,
    /// Whether a closing mark was found.
    pub closed: bool,
    /// Whether it is a top-level single-quoted span (`‘…’`).
    pub single: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Out,
    Double { open: usize, inner: usize },
    Single { open: usize, inner: usize },
}

fn is_open_context(prev: Option<char>) -> bool {
    match prev {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '‘' | '“' | '«' | '>'
                )
        }
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// Trims white space off a byte range of `text`.
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    r.start + lead..r.start + lead + t.len()
}

/// Finds the quotations of one paragraph.
///
/// ```
/// use hearsay::attribution::quotes::scan;
/// let text = "“It’s over,” she said. He called it a ‘win’ and left’’ then.";
/// let q = scan(text);
/// assert_eq!(&text[q[0].inner.clone()], "It’s over,");
/// assert!(q[0].closed);
/// ```
pub fn scan(text: &str) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    scan_into(text, &mut out);
    out
}

/// [`scan`] into `out` (emptied first), so that a caller reading paragraph after paragraph
/// reuses one list.
pub fn scan_into(text: &str, out: &mut Vec<QuoteSpan>) {
    out.clear();
    let mut state = State::Out;
    let mut prev: Option<char> = None;
    let bytes = text.as_bytes();
    // (without `«` `»` in the paragraph, the usual case, a mark starts with one of three
    // bytes, which memchr finds a vector at a time)
    let guillemets = memchr::memchr(0xC2, bytes).is_some();
    let mut pos = 0;
    while pos < text.len() {
        // Only quotation marks change the state; every other character just becomes `prev`.
        // Each mark starts with one of these bytes (`"`, `'`, or the lead byte of `«` `»`
        // (C2) or `“` `”` `‘` `’` `„` (E2)), so the run before the next such byte is skipped
        // in one byte scan.
        let rest = &bytes[pos..];
        let skip = if guillemets {
            rest.iter()
                .position(|&b| matches!(b, b'"' | b'\'' | 0xC2 | 0xE2))
        } else {
            memchr::memchr3(b'"', b'\'', 0xE2, rest)
        }
        .unwrap_or(rest.len());
        if skip > 0 {
            pos += skip;
            prev = text[..pos].chars().next_back();
            if pos >= text.len() {
                break;
            }
        }
        let i = pos;
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        let after = i + c.len_utf8();
        let next = text[after..].chars().next();
        pos = after;
        match state {
            State::Out => state = opening(text, c, prev, next, i, after, &mut pos),
            State::Double { open, inner } => {
                let close_len = match c {
                    '”' | '»' => Some(c.len_utf8()),
                    '"' => Some(1),
                    '’' | '\'' if next == Some('’') || next == Some('\'') => {
                        let n = next.map_or(0, char::len_utf8);
                        pos = after + n;
                        Some(c.len_utf8() + n)
                    }
                    '“' => {
                        // a new opener while one is open: the earlier mark was never closed
                        out.push(QuoteSpan {
                            outer: open..i,
                            inner: trim(text, inner..i),
                            closed: false,
                            single: false,
                        });
                        state = State::Double {
                            open: i,
                            inner: after,
                        };
                        None
                    }
                    _ => None,
                };
                if let Some(len) = close_len {
                    out.push(QuoteSpan {
                        outer: open..i + len,
                        inner: trim(text, inner..i),
                        closed: true,
                        single: false,
                    });
                    state = State::Out;
                    // the second mark of a doubled closer was consumed above
                    prev = Some(c);
                    continue;
                }
            }
            State::Single { open, inner } => match c {
                '’' | '\''
                    if is_single_closer(prev, next)
                        && !lone_letter_elision(text, i, open)
                        && !(possessive_plural(text, prev, after)
                            && single_closer_ahead(text, after, Ahead::Strong).is_some()) =>
                {
                    out.push(QuoteSpan {
                        outer: open..after,
                        inner: trim(text, inner..i),
                        closed: true,
                        single: true,
                    });
                    state = State::Out;
                }
                '“' | '"' if is_open_context(prev) => {
                    if let Some(end) = nested_double_end(text, c, after) {
                        pos = end;
                        prev = text[..end].chars().next_back();
                        continue;
                    }
                    // a double quote opening inside an unclosed single: the single was an
                    // apostrophe
                    state = State::Double {
                        open: i,
                        inner: after,
                    };
                }
                _ => {}
            },
        }
        prev = Some(c);
    }
    close_at_end(text, state, out);
    // drop empty spans (a lone mark at the paragraph end)
    out.retain(|q| !q.inner.is_empty());
}

/// A quotation still open at the paragraph's end runs on into the next paragraph: a double
/// one always, a single one when it opened the paragraph or followed a colon (elsewhere the
/// mark was an apostrophe).
fn close_at_end(text: &str, state: State, out: &mut Vec<QuoteSpan>) {
    let single = match state {
        State::Double { .. } => false,
        State::Single { open, .. } if opens_a_speech(text, open) => true,
        _ => return,
    };
    if let State::Double { open, inner } | State::Single { open, inner } = state {
        out.push(QuoteSpan {
            outer: open..text.len(),
            inner: trim(text, inner..text.len()),
            closed: false,
            single,
        });
    }
}

/// What a mark `c` at byte `i` (the next character at `after`) opens outside a quotation:
/// `State::Out` when it opens nothing. A doubled single mark used as a double opener moves
/// `pos` past its second mark.
fn opening(
    text: &str,
    c: char,
    prev: Option<char>,
    next: Option<char>,
    i: usize,
    after: usize,
    pos: &mut usize,
) -> State {
    match c {
        '“' | '«' | '„' => State::Double {
            open: i,
            inner: after,
        },
        // a doubled straight opener, as pasted text has it (`""Tim's …`): one opener
        '"' if is_open_context(prev)
            && next == Some('"')
            && text[after + 1..]
                .chars()
                .next()
                .is_some_and(|n| n.is_alphanumeric()) =>
        {
            *pos = after + 1;
            State::Double {
                open: i,
                inner: after + 1,
            }
        }
        // straight quote: opens at a word start, never after a digit (inches)
        '"' if is_open_context(prev) && next.is_some_and(|n| !n.is_whitespace()) => State::Double {
            open: i,
            inner: after,
        },
        '‘' | '\'' => {
            if (next == Some('‘') || next == Some('\'')) && is_open_context(prev) {
                // a doubled single mark used as a double opener (‘‘ or '')
                *pos = after + next.map_or(0, char::len_utf8);
                State::Double {
                    open: i,
                    inner: *pos,
                }
            } else if is_open_context(prev)
                && next.is_some_and(|n| {
                    n.is_alphabetic()
                        && !elision(text, after)
                        && (c == '‘' || n.is_uppercase() || lowercase_single(text, after))
                        // (`'24 hours a day,' she said`; never a decade, `’90s`)
                        || n.is_ascii_digit() && !decade(text, after) && lowercase_single(text, after)
                })
            {
                State::Single {
                    open: i,
                    inner: after,
                }
            } else {
                State::Out
            }
        }
        _ => State::Out,
    }
}

/// A double quotation nested in a single one, British style (`'She told me "go", and I
/// went,' he said`): for an opening double mark `c` (its next character at `after`), the
/// byte after its closer, when a closer of the single quotation follows it.
fn nested_double_end(text: &str, c: char, after: usize) -> Option<usize> {
    let close = if c == '“' { '”' } else { '"' };
    let end = after + text[after..].find(close)? + close.len_utf8();
    single_closer_ahead(text, end, Ahead::Strong).map(|_| end)
}

/// Whether a single mark between `prev` and `next` can close a single quotation: it ends a
/// word (`… friends’ but`, `… apart.’`), so it is no apostrophe inside one (`don’t`).
fn is_single_closer(prev: Option<char>, next: Option<char>) -> bool {
    !is_word_char(next) && prev.is_some_and(|c| !c.is_whitespace())
}

/// Whether a straight `'` before a lowercase letter (its word starting at `after`) opens a
/// quotation (`had 'drifted apart' but`): only when a closing mark follows in the same
/// sentence before any other opening one, and not around a lone letter (`rock 'n' roll`).
/// Other clipped words (`sittin'`, `'em`) have no closer of their own, so they open nothing.
fn lowercase_single(text: &str, after: usize) -> bool {
    single_closer_ahead(text, after, Ahead::Fragment)
        .is_some_and(|close| text[after..close].chars().count() > 1)
}

/// Whether the word at byte `after` (right after a single mark) is a decade clipped at the
/// front (`'90s`, `’60s`): its mark is an apostrophe.
fn decade(text: &str, after: usize) -> bool {
    let b = text.as_bytes();
    b.len() >= after + 3
        && b[after].is_ascii_digit()
        && b[after + 1].is_ascii_digit()
        && b[after + 2] == b's'
}

/// Whether the word at byte `after` (right after a single mark) is clipped at the front
/// (`'Tis`, `'em`, `’til`): its mark is an apostrophe.
fn elision(text: &str, after: usize) -> bool {
    let word = text[after..]
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    word.len() <= 6 && Class::Elision.has(&word.to_ascii_lowercase())
}

/// What [`single_closer_ahead`] looks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Ahead {
    /// The closer of a fragment opened before a lowercase word: any mark that ends a word,
    /// in the same sentence.
    Fragment,
    /// A closer no plural possessive can be (see [`possessive_plural`]), anywhere after.
    Strong,
}

/// The byte offset of the first mark after `from` that can close a single quotation (as
/// `ahead` says), unless an opening mark or a double quotation mark comes first.
fn single_closer_ahead(text: &str, from: usize, ahead: Ahead) -> Option<usize> {
    let mut prev = text[..from].chars().next_back();
    let mut chars = text[from..].char_indices().peekable();
    while let Some((j, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let at = from + j;
        match c {
            '"' | '“' | '”' | '‘' => return None,
            '.' | '!' | '?' if ahead == Ahead::Fragment && next.is_none_or(char::is_whitespace) => {
                return None;
            }
            '\'' | '’' if is_open_context(prev) && next.is_some_and(char::is_alphabetic) => {
                return None;
            }
            '\'' | '’'
                if is_single_closer(prev, next)
                    && !(ahead == Ahead::Strong
                        && possessive_plural(text, prev, at + c.len_utf8())) =>
            {
                return Some(at);
            }
            _ => {}
        }
        prev = Some(c);
    }
    None
}

/// Whether a mark after an `s` and before a space and a lowercase word may be a plural
/// possessive's apostrophe (`the Joneses’ dog`, `the players’ union`) rather than a
/// closing mark (`stayed ‘close friends’ but`): `after` is the byte after the mark.
fn possessive_plural(text: &str, prev: Option<char>, after: usize) -> bool {
    let mut rest = text[after..].chars();
    prev == Some('s') && rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase)
}

/// Whether the mark at byte `i` closes a lone letter after an apostrophe that is not the
/// quotation's own opening mark at `open` (`rock 'n' roll`, `rock ’n’ roll`).
fn lone_letter_elision(text: &str, i: usize, open: usize) -> bool {
    let mut back = text[..i].char_indices().rev();
    let letter = back.next().is_some_and(|(_, c)| c.is_alphabetic());
    let mark = back
        .next()
        .filter(|&(j, c)| j != open && matches!(c, '\'' | '’' | '‘'));
    letter && mark.is_some() && back.next().is_none_or(|(_, c)| c.is_whitespace())
}

/// Whether a quotation opening at byte `open` starts a speech that may run on into the next
/// paragraph: it opens the paragraph, a sentence or follows a colon or a comma (`She wrote:
/// 'We are sad.`, `The pair split. 'We are sad.`).
fn opens_a_speech(text: &str, open: usize) -> bool {
    let before = text[..open].trim_end();
    before.is_empty() || before.ends_with([':', ',', '.', '!', '?'])
}
