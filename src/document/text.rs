//! Clean text out of a source range, with a map back to the source.
//!
//! [`clean`] joins hard-wrapped lines with single spaces, drops control characters and whole
//! terminal escape sequences (CSI, OSC, DCS and friends, 7-bit and C1), and keeps a map from
//! every byte of the result to the byte of the source it was copied from. We scan escape
//! sequences ourselves instead of using `strip-ansi-escapes`/`vte` because we need that
//! offset map and we need an unterminated OSC to stop at the end of its line rather than
//! swallow the rest of the article.

use serde::Serialize;
use smallvec::SmallVec;
use std::ops::Range;

/// Piecewise map between clean-text offsets and source offsets.
///
/// Each segment says: `len` bytes of text starting at `text` come from the source starting
/// at `source`, byte for byte (copied verbatim, or a single white-space byte written as a
/// space). Bytes between segments are synthetic (a single space standing for a longer run of
/// white space) or were dropped from the source (control characters).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OffsetMap {
    // most blocks map with a single segment (see `clean`): kept inline, it costs no heap
    // allocation of its own, which on a huge article is one per paragraph
    segments: SmallVec<[Segment; 1]>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
struct Segment {
    // u32 keeps the map small (inputs are capped far below 4 GiB by `decode::MAX_INPUT`)
    text: u32,
    source: u32,
    len: u32,
}

impl Segment {
    fn text(self) -> usize {
        self.text as usize
    }
    fn source(self) -> usize {
        self.source as usize
    }
    fn len(self) -> usize {
        self.len as usize
    }
}

impl OffsetMap {
    /// Source offset for a text offset. Offsets inside a synthetic space map to the end of
    /// the copied text before it, so `[start, end)` text ranges map to tight source ranges.
    pub fn to_source(&self, t: usize) -> usize {
        let i = self.segments.partition_point(|s| s.text() <= t);
        if i == 0 {
            return self.segments.first().map_or(0, |s| s.source());
        }
        let s = self.segments[i - 1];
        s.source() + (t - s.text()).min(s.len())
    }

    /// Source offset for the end of a text range ending at `t` (exclusive): just past the
    /// source of the range's last byte, so a range ending before a dropped escape sequence or
    /// a run of white space does not take them in.
    pub fn to_source_end(&self, t: usize) -> usize {
        let Some(last) = t.checked_sub(1) else {
            return self.to_source(0);
        };
        let i = self.segments.partition_point(|s| s.text() <= last);
        match i.checked_sub(1).map(|j| self.segments[j]) {
            Some(s) if last < s.text() + s.len() => s.source() + (t - s.text()),
            _ => self.to_source(t),
        }
    }

    /// Text offset for a source offset, clamped to the text.
    pub fn to_text(&self, src: usize) -> usize {
        let i = self.segments.partition_point(|s| s.source() <= src);
        if i == 0 {
            return 0;
        }
        let s = self.segments[i - 1];
        s.text() + (src - s.source()).min(s.len())
    }

    /// Source range for a text range.
    pub fn range_to_source(&self, r: Range<usize>) -> Range<usize> {
        let start = if r.start == r.end {
            self.to_source(r.start)
        } else {
            // the first byte of the range is copied (ranges start on real characters)
            let i = self.segments.partition_point(|s| s.text() <= r.start);
            match i.checked_sub(1).map(|j| self.segments[j]) {
                Some(s) if r.start < s.text() + s.len() => s.source() + (r.start - s.text()),
                _ => self
                    .segments
                    .get(i)
                    .map_or_else(|| self.to_source(r.start), |s| s.source()),
            }
        };
        start..self.to_source_end(r.end).max(start)
    }

    fn push(&mut self, text: usize, source: usize, len: usize) {
        if let Some(last) = self.segments.last_mut()
            && last.text() + last.len() == text
            && last.source() + last.len() == source
        {
            last.len += len as u32;
            return;
        }
        self.segments.push(Segment {
            text: text as u32,
            source: source as u32,
            len: len as u32,
        });
    }

    /// Shifts every text offset left by `by` (used when a prefix of the text is cut off).
    fn cut_front(&mut self, by: usize) {
        let mut out = SmallVec::with_capacity(self.segments.len());
        for s in &self.segments {
            if s.text() + s.len() <= by {
                continue;
            }
            let skip = by.saturating_sub(s.text());
            out.push(Segment {
                text: (s.text() + skip - by) as u32,
                source: (s.source() + skip) as u32,
                len: (s.len() - skip) as u32,
            });
        }
        self.segments = out;
    }
}

/// Clean text with its offset map.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Clean {
    /// The cleaned text.
    pub text: String,
    /// Map back to the source.
    pub map: OffsetMap,
    /// Number of control characters or escape sequences dropped.
    pub dropped: usize,
}

impl Clean {
    /// Keeps only `text[range]` (trimmed to char boundaries by the caller), fixing the map.
    pub fn slice(&self, range: Range<usize>) -> Clean {
        let mut map = self.map.clone();
        map.cut_front(range.start);
        map.segments.retain(|s| s.text() < range.len());
        if let Some(last) = map.segments.last_mut() {
            last.len = last.len.min((range.len() - last.text()) as u32);
        }
        Clean {
            text: self.text[range].to_string(),
            map,
            dropped: self.dropped,
        }
    }
}

/// True for characters that must never reach the terminal: C0 (except white space handled
/// by the caller), DEL, C1, and bidi embedding/override/isolate controls.
pub fn is_forbidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// True for the characters that open an escape sequence: ESC and the C1 controls (every C1
/// control is dropped with whatever sequence it introduces).
fn is_escape_start(c: char) -> bool {
    c == '\u{1b}' || ('\u{80}'..='\u{9f}').contains(&c)
}

/// White space that [`clean`] turns into a single space (not the no-break spaces).
fn is_space(c: char) -> bool {
    c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}'
}

/// Length in bytes of what [`clean`] drops at the start of `s` as one item (a whole escape
/// sequence, or one control character), or `None` when `s` starts with text or white space.
fn removed_len(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    if is_escape_start(c) {
        Some(escape_len(s).max(1))
    } else if !is_space(c) && is_forbidden(c) {
        Some(c.len_utf8())
    } else {
        None
    }
}

/// Number of items (whole escape sequences, single control characters) that [`clean`]
/// drops from `source`: what a reader removed, counted the way it was removed. A byte scan
/// that only looks closer at the bytes such an item can start with.
///
/// ```
/// use hearsay::document::text::count_removed;
/// assert_eq!(count_removed("\x1b[31mred\x1b[0m and \x1b]0;title\x07 plain\n"), 3);
/// assert_eq!(count_removed("tab\tand new line\n"), 0);
/// ```
pub fn count_removed(source: &str) -> usize {
    let bytes = source.as_bytes();
    let mut n = 0;
    let mut i = 0;
    while i < bytes.len() {
        // sixteen bytes at a time over plain ASCII text, which holds no such item
        if let Some(chunk) = bytes[i..].first_chunk::<16>()
            && let x = u128::from_le_bytes(*chunk)
            && !(any_control_or_non_ascii(x as u64) | any_control_or_non_ascii((x >> 64) as u64))
        {
            i += 16;
            continue;
        }
        // else eight (and over eight bytes none of which can start such an item: a line
        // break, a tab, a curly quote's inner bytes)
        if let Some(chunk) = bytes[i..].first_chunk::<8>()
            && let x = u64::from_le_bytes(*chunk)
            && (!any_control_or_non_ascii(x) || !may_start_removed(x))
        {
            i += 8;
            continue;
        }
        let stop = (i + 8).min(bytes.len());
        while i < stop {
            // every dropped item starts with a C0 control, DEL, or (in UTF-8) 0xc2 (C1
            // controls) or 0xe2 (bidi controls); all of them start a character
            let candidate = matches!(bytes[i], 0x00..=0x1f | 0x7f | 0xc2 | 0xe2);
            match candidate.then(|| removed_len(&source[i..])).flatten() {
                Some(len) => {
                    n += 1;
                    i += len;
                }
                None => i += 1,
            }
        }
    }
    n
}

/// Whether any of the eight bytes packed in `x` may start an item [`clean`] drops: a C0
/// control but the white space from tab to carriage return, DEL, 0xc2 or 0xe2 (the
/// candidates of [`count_removed`], each byte tested exactly: no carry crosses a byte).
fn may_start_removed(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const LOWS: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // 0x80 in each byte below `n` (n <= 0x80), and in each byte equal to `b`
    let below = |n: u64| !(((x & LOWS) + ONES * (0x80 - n)) | x) & !LOWS;
    let equal = |b: u64| {
        let t = x ^ (ONES * b);
        !(((t & LOWS) + LOWS) | t | LOWS)
    };
    let controls = below(0x09) | (below(0x20) & !below(0x0e));
    controls | equal(0x7f) | equal(0xc2) | equal(0xe2) != 0
}

/// Whether any of the eight bytes packed in `x` is a C0 control, DEL or not ASCII (the
/// usual bit tricks: a byte below 0x20 borrows into its top bit when 0x20 is taken away; a
/// byte from 0x7f up has its top bit set, itself or once 1 is added).
fn any_control_or_non_ascii(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    let below_space = x.wrapping_sub(ONES * 0x20) & !x & TOPS;
    let del_or_above = (x.wrapping_add(ONES) | x) & TOPS;
    below_space | del_or_above != 0
}

/// The part of a line a reader shows: from its first to its last character that is neither
/// white space nor dropped, skipping whole escape sequences (a sequence at the start of a
/// line must not be cut in half by trimming its ESC alone). An empty range at the end for a
/// line with nothing to show.
///
/// ```
/// use hearsay::document::text::shown_bounds;
/// let line = "  \x1b[31mRed at start\x1b[0m text.\x1b[0m \r";
/// assert_eq!(&line[shown_bounds(line)], "Red at start\x1b[0m text.");
/// ```
pub fn shown_bounds(line: &str) -> Range<usize> {
    shown_bounds_in(line, true)
}

/// [`shown_bounds`] of a line of a text that holds an ESC or a 0xc2 byte somewhere when
/// `may_escape` (without, no line has an escape sequence to look for: the caller searched
/// the whole text once instead of each line twice).
pub(crate) fn shown_bounds_in(line: &str, may_escape: bool) -> Range<usize> {
    let dropped_or_space = |c: char| is_space(c) || is_forbidden(c);
    // (a line that starts and ends with a printable ASCII character, as most do, has
    // nothing to trim at either end)
    let printable = |b: Option<&u8>| b.is_some_and(|b| (0x21..0x7f).contains(b));
    let (start, mut end) =
        if printable(line.as_bytes().first()) && printable(line.as_bytes().last()) {
            (0, line.len())
        } else {
            let mut start = 0;
            loop {
                let rest = &line[start..];
                let trimmed =
                    rest.trim_start_matches(|c: char| dropped_or_space(c) && !is_escape_start(c));
                start += rest.len() - trimmed.len();
                match trimmed.chars().next() {
                    Some(c) if is_escape_start(c) => start += escape_len(trimmed).max(1),
                    _ => break,
                }
            }
            let body = &line[start..];
            (start, start + body.trim_end_matches(dropped_or_space).len())
        };
    // (memchr: most lines are passed over at the speed of a vector search)
    let bytes = &line.as_bytes()[start..end];
    let has_escape = may_escape
        && (memchr::memchr(0x1b, bytes).is_some()
            || (memchr::memchr(0xc2, bytes).is_some()
                && bytes
                    .windows(2)
                    .any(|w| w[0] == 0xc2 && (0x80..=0x9f).contains(&w[1]))));
    if has_escape {
        // a sequence at the end ("text.\x1b[0m"): walk forward to the last shown character
        let mut last = start;
        let mut i = start;
        while i < end {
            if let Some(n) = removed_len(&line[i..]) {
                i += n;
                continue;
            }
            let c = line[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if !is_space(c) {
                last = i;
            }
        }
        end = last;
    }
    if end <= start {
        return line.len()..line.len();
    }
    start..end
}

/// Length in bytes of the escape sequence starting at `s` (which starts with ESC or a C1
/// introducer), never past the end of its line.
fn escape_len(s: &str) -> usize {
    let mut chars = s.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let first_len = first.len_utf8();
    // Which kind of sequence, and where its body starts.
    let (kind, body) = match first {
        '\u{1b}' => match chars.next() {
            Some((i, '[')) => ('[', i + 1),
            Some((i, ']')) => (']', i + 1),
            Some((i, 'P' | 'X' | '^' | '_')) => (']', i + 1),
            Some((i, c)) if ('\u{20}'..='\u{2f}').contains(&c) => {
                // ESC intermediates final (e.g. ESC ( B)
                let rest = &s[i..];
                let n = rest
                    .char_indices()
                    .find(|(_, c)| !('\u{20}'..='\u{2f}').contains(c))
                    .map_or(rest.len(), |(j, c)| j + c.len_utf8());
                return i + n;
            }
            Some((i, c)) if c != '\n' => return i + c.len_utf8(),
            _ => return first_len,
        },
        '\u{9b}' => ('[', first_len),
        '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => (']', first_len),
        _ => return first_len,
    };
    let rest = &s[body..];
    if kind == '[' {
        for (j, c) in rest.char_indices() {
            match c {
                '\u{30}'..='\u{3f}' | '\u{20}'..='\u{2f}' => continue,
                '\u{40}'..='\u{7e}' => return body + j + 1,
                _ => return body + j, // malformed: drop the introducer and parameters
            }
        }
        return s.len();
    }
    // string sequences end at BEL, ST (ESC \ or U+009C), or the end of the line
    let mut it = rest.char_indices().peekable();
    while let Some((j, c)) = it.next() {
        match c {
            '\u{7}' | '\u{9c}' => return body + j + c.len_utf8(),
            '\u{1b}' => {
                if let Some((_, '\\')) = it.peek() {
                    return body + j + 2;
                }
                return body + j;
            }
            '\n' => return body + j,
            _ => {}
        }
    }
    s.len()
}

/// Cleans `source[range]`: white space runs become one space, a line-end hyphen between
/// letters joins the two halves keeping the hyphen, control characters and escape
/// sequences are dropped. Leading and trailing white space is trimmed.
///
/// ```
/// use hearsay::document::text::clean;
/// let src = "The\nquick  brown\r\n\x1b[31mfox\x1b[0m jumps";
/// let c = clean(src, 0..src.len());
/// assert_eq!(c.text, "The quick brown fox jumps");
/// assert_eq!(&src[c.map.range_to_source(16..19)], "fox");
/// ```
pub fn clean(source: &str, range: Range<usize>) -> Clean {
    // the text is never longer than its source range: allocated once, trimmed at the end
    let mut out = Clean {
        text: String::with_capacity(range.len()),
        ..Clean::default()
    };
    let s = &source[range.clone()];
    let mut pending_space = false;
    let mut ws_start = 0;
    let mut i = 0;
    while i < s.len() {
        if let Some(n) = removed_len(&s[i..]) {
            i += n;
            out.dropped += 1;
            continue;
        }
        let c = s[i..].chars().next().unwrap_or(' ');
        let n = c.len_utf8();
        if is_space(c) {
            if !pending_space {
                ws_start = i;
            }
            pending_space = !out.text.is_empty();
            i += n;
            continue;
        }
        if pending_space {
            let joins_hyphen = out.text.ends_with('-')
                && out.text[..out.text.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && c.is_lowercase()
                && line_break_between(s, i);
            if !joins_hyphen {
                // synthetic: stands for whatever run of white space was there. A run of one
                // byte (the usual line break or space) maps 1:1, so the map keeps one segment
                // per stretch of text instead of one per word
                if i - ws_start == 1 {
                    out.map.push(out.text.len(), range.start + ws_start, 1);
                }
                out.text.push(' ');
            }
            pending_space = false;
        }
        // copy the whole run of ordinary characters at once
        let end = i + n + ordinary_run(&s[i + n..]);
        let at = out.text.len();
        out.text.push_str(&s[i..end]);
        out.map.push(at, range.start + i, end - i);
        i = end;
    }
    // blocks live as long as the document: give back what the growing buffers over-allocated
    out.text.shrink_to_fit();
    out.map.segments.shrink_to_fit();
    out
}

/// Byte length of the leading run of characters that [`clean`] copies unchanged. A single
/// space between two printable ASCII characters is copied as it is (it is what `clean`
/// would write for it, mapped one to one), so a line is copied in a few runs, not a run a
/// word.
fn ordinary_run(s: &str) -> usize {
    const ONES: u128 = u128::from_le_bytes([1; 16]);
    const LOWS: u128 = ONES * 0x7f;
    let bytes = s.as_bytes();
    let mut i = 0;
    // sixteen bytes at a time while they are printable ASCII with lone spaces (the usual
    // run of prose): what the byte loop below would take, without a branch a byte
    while let Some(chunk) = bytes[i..].first_chunk::<16>() {
        let x = u128::from_le_bytes(*chunk);
        if any_control_or_non_ascii(x as u64) | any_control_or_non_ascii((x >> 64) as u64) {
            break;
        }
        // 0x80 in each byte that is a space (exact: no carry leaves a byte)
        let y = x ^ (ONES * 0x20);
        let spaces = !(((y & LOWS) + LOWS) | y | LOWS);
        if spaces & (spaces >> 8) != 0 {
            break;
        }
        // a space last is taken or not with the byte after it: the next sixteen start at
        // it (the fifteen before it are taken: a space among them has a printable byte next)
        i += if spaces >> 127 != 0 { 15 } else { 16 };
    }
    ordinary_run_from(s, i)
}

/// [`ordinary_run`] a byte (or character) at a time from byte `i`, which starts a run's
/// character.
fn ordinary_run_from(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    let printable = |b: &u8| (0x21..0x7f).contains(b);
    while i < bytes.len() {
        let b = bytes[i];
        if printable(&b) {
            i += 1;
            continue;
        }
        if b == b' ' && bytes.get(i + 1).is_some_and(printable) {
            i += 2;
            continue;
        }
        if b < 0x80 {
            break;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        let special = ('\u{80}'..='\u{9f}').contains(&c) || is_space(c) || is_forbidden(c);
        if special {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// True when the white space right before `i` contains a line break.
fn line_break_between(s: &str, i: usize) -> bool {
    let before = &s[..i];
    let ws_start = before.trim_end_matches(char::is_whitespace).len();
    before[ws_start..].contains('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Clean {
        clean(s, 0..s.len())
    }

    proptest::proptest! {
        #[test]
        fn the_eight_byte_test_finds_every_candidate(bytes: [u8; 8]) {
            let candidate = bytes
                .iter()
                .any(|&b| matches!(b, 0x00..=0x08 | 0x0e..=0x1f | 0x7f | 0xc2 | 0xe2));
            proptest::prop_assert_eq!(may_start_removed(u64::from_le_bytes(bytes)), candidate);
        }

        #[test]
        fn the_sixteen_byte_scan_takes_what_the_byte_loop_takes(
            s in "[ab .,\n\t\u{85}\u{a0}é“]{0,70}"
        ) {
            proptest::prop_assert_eq!(ordinary_run(&s), ordinary_run_from(&s, 0));
        }

        #[test]
        fn removed_items_are_counted_as_clean_drops_them(
            s in "[a \t\n\r\x00\x07\x1b\x7f\u{85}\u{9b}\u{a0}\u{202e}“’\\[\\]m;]{0,40}"
        ) {
            proptest::prop_assert_eq!(count_removed(&s), clean(&s, 0..s.len()).dropped);
        }
    }

    #[test]
    fn joins_lines_with_single_spaces() {
        assert_eq!(c("a\nb  c\t\td\r\ne").text, "a b c d e");
        assert_eq!(c("  lead and trail \n").text, "lead and trail");
    }

    #[test]
    fn hyphen_at_line_end_is_kept_and_joined() {
        assert_eq!(c("narco-\nterrorist").text, "narco-terrorist");
        // not across a plain space, not before a capital or digit
        assert_eq!(c("well- known").text, "well- known");
        assert_eq!(c("pre-\n2020").text, "pre- 2020");
        assert_eq!(c("the -\nlist").text, "the - list");
    }

    #[test]
    fn strips_escape_sequences_and_controls() {
        let s = "a\x1b]52;c;ZXZpbA==\x07b\x1b[2Jc\u{9b}31md\x1b]0;title\x1b\\e\u{7}f\u{85}g";
        assert_eq!(c(s).text, "abcdefg");
        // an unterminated OSC stops at the end of its line
        assert_eq!(c("x\x1b]0;oops\nnext line").text, "x next line");
        assert_eq!(c("bidi\u{202e}txet").text, "biditxet");
    }

    #[test]
    fn a_sequence_at_either_end_of_a_line_is_outside_what_is_shown() {
        for (line, shown) in [
            (
                "\x1b[31mRed at start\x1b[0m text.",
                "Red at start\x1b[0m text.",
            ),
            ("  \u{9b}1mC1 at start", "C1 at start"),
            ("\x1b]0;title\x07\x1b[2J  Both \x07", "Both"),
            ("Ends in a reset.\x1b[0m\r", "Ends in a reset."),
            ("Ends in an OSC \x1b]8;;http://x.invalid", "Ends in an OSC"),
            ("\x1b[0m \u{7} \x1b(B", ""),
            ("plain line", "plain line"),
            ("", ""),
        ] {
            assert_eq!(&line[shown_bounds(line)], shown, "{line:?}");
        }
    }

    /// [`ordinary_run`] a byte at a time, as it read before it took eight at once.
    fn ordinary_run_bytewise(s: &str) -> usize {
        let bytes = s.as_bytes();
        let printable = |b: &u8| (0x21..0x7f).contains(b);
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if printable(&b) {
                i += 1;
            } else if b == b' ' && bytes.get(i + 1).is_some_and(printable) {
                i += 2;
            } else if b < 0x80 {
                break;
            } else {
                let Some(c) = s[i..].chars().next() else {
                    break;
                };
                if ('\u{80}'..='\u{9f}').contains(&c) || is_space(c) || is_forbidden(c) {
                    break;
                }
                i += c.len_utf8();
            }
        }
        i
    }

    proptest::proptest! {
        #[test]
        fn ordinary_runs_read_eight_bytes_at_once_as_one_at_a_time(
            s in "[a-z A-Z.,\\t\\n~\\x7f\\x1f\u{e9}\u{a0}\u{2019}\u{85}]{0,48}"
        ) {
            proptest::prop_assert_eq!(ordinary_run(&s), ordinary_run_bytewise(&s));
        }

        #[test]
        fn the_count_is_what_clean_drops_and_bounds_keep_what_it_shows(
            s in "[a b.\t\r\x1b\x07\\\\\\[\\]();0-9mP(\u{9b}\u{9c}\u{9d}\u{85}\u{202e}\u{a0}]{0,40}"
        ) {
            let all = c(&s);
            proptest::prop_assert_eq!(count_removed(&s), all.dropped);
            proptest::prop_assert_eq!(c(&s[shown_bounds(&s)]).text, all.text);
        }
    }

    #[test]
    fn map_points_back_into_source() {
        let s = "One\ntwo   three\x1b[1m four";
        let cl = c(s);
        assert_eq!(cl.text, "One two three four");
        for word in ["One", "two", "three", "four"] {
            let t = cl.text.find(word).unwrap();
            let r = cl.map.range_to_source(t..t + word.len());
            assert_eq!(&s[r], word);
        }
        let r = cl.map.range_to_source(0..cl.text.len());
        assert_eq!(r, 0..s.len());
    }

    #[test]
    fn single_space_joins_keep_one_segment() {
        // a hard-wrapped paragraph maps with one segment, not one per word
        let s = "one two three\nfour five\nsix";
        assert_eq!(c(s).map.segments.len(), 1);
        // longer runs of white space and dropped escapes still split the map
        let s = "one  two\r\nthree \x1b[1mfour";
        let cl = c(s);
        assert_eq!(cl.text, "one two three four");
        assert_eq!(cl.map.segments.len(), 4);
        // the end of a word before a dropped escape maps tightly
        let t = cl.text.find("three").unwrap();
        assert_eq!(&s[cl.map.range_to_source(t..t + 5)], "three");
        assert_eq!(&s[cl.map.range_to_source(t..t + 6)], "three \x1b[1m");
    }

    #[test]
    fn slice_keeps_map() {
        let s = "alpha\nbeta gamma";
        let cl = c(s);
        let sub = cl.slice(6..10);
        assert_eq!(sub.text, "beta");
        assert_eq!(&s[sub.map.range_to_source(0..4)], "beta");
    }
}
