//! Finding quotations in one paragraph's clean text.
//!
//! [`scan`] walks the text once and returns the top-level spans inside quote marks:
//! curly `“…”` and straight `"…"` double quotes, guillemets, the `’’` / `''` closers that
//! pasted text produces, and top-level single quotes `‘…’` (British style), also straight
//! ones that double as the apostrophe (`'drifted apart'`; `'em`, `'til`, `rock 'n' roll`
//! are elisions). Single quotes inside a double quote are part of it. Apostrophes (`don’t`,
//! `’90s`, `parents’`) and primes (`5′11″`, `6'2"`) never open a quotation. A mark left open
//! is closed at the end of the paragraph ([`QuoteSpan::closed`] is then false) so that an
//! unbalanced mark never swallows the rest of the article; a paragraph that opens a
//! quotation without closing it is how news continues a quotation into the next paragraph
//! (a single mark only when it opened the paragraph or followed a colon).

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
                '’' | '\'' if !is_word_char(next) && is_word_char_or_punct(prev) => {
                    out.push(QuoteSpan {
                        outer: open..after,
                        inner: trim(text, inner..i),
                        closed: true,
                        single: true,
                    });
                    state = State::Out;
                }
                '“' | '"' if is_open_context(prev) => {
                    // a double quote opening inside an unclosed single: the single was an apostrophe
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
/// mark always; a single mark only when it opened the paragraph or followed a colon (`'We're
/// sad. … a family.`), since elsewhere an unclosed single mark was an apostrophe.
fn close_at_end(text: &str, state: State, out: &mut Vec<QuoteSpan>) {
    let (open, inner, single) = match state {
        State::Double { open, inner } => (open, inner, false),
        State::Single { open, inner }
            if text[..open].trim().is_empty() || text[..open].trim_end().ends_with(':') =>
        {
            (open, inner, true)
        }
        _ => return,
    };
    out.push(QuoteSpan {
        outer: open..text.len(),
        inner: trim(text, inner..text.len()),
        closed: false,
        single,
    });
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
                && next.is_some_and(|n| n.is_alphabetic())
                && (c == '‘' || next.is_some_and(char::is_uppercase) || !elision(&text[after..]))
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

/// Whether the text after a straight `'` starts with a word it shortens (`'em`, `'til`,
/// `'cause`, `rock 'n' roll`), where the mark is an apostrophe: a lowercase word after any
/// other `'` opens a quotation (`had 'drifted apart'`).
fn elision(after: &str) -> bool {
    let word = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    matches!(
        word,
        "em" | "til" | "cause" | "n" | "bout" | "round" | "tis" | "twas" | "cos" | "nuff" | "s"
    )
}

fn is_word_char_or_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| !c.is_whitespace())
}
