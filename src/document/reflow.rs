//! Wrapping clean block text to a width, as byte ranges into the text.
//!
//! Returning ranges (not strings) lets the reader map any visible cell back to the text and
//! from there to the source (aeosynth/bk's `wrap()` does the same), so highlights and the
//! reading position survive a resize. Widths are terminal columns (unicode-width); lines
//! break at white space, and a word wider than the line is split at grapheme boundaries.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

/// Wraps `text` to at most `width` columns. Every returned range starts at a word and ends
/// before the space where the line broke; concatenating the ranges with single spaces (or
/// nothing, for split words) gives back the text. Empty text gives one empty line.
///
/// ```
/// use hearsay::document::reflow::wrap;
/// let t = "the quick brown fox";
/// let lines: Vec<&str> = wrap(t, 10).into_iter().map(|r| &t[r]).collect();
/// assert_eq!(lines, ["the quick", "brown fox"]);
/// ```
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line_start: Option<usize> = None;
    let mut line_end = 0;
    let mut line_w = 0;
    let words = text
        .split(' ')
        .map(|w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
        .filter(|(_, w)| !w.is_empty());
    for (ws, word) in words {
        let w = word.width();
        match line_start {
            Some(_) if line_w + 1 + w <= width => {
                line_end = ws + word.len();
                line_w += 1 + w;
            }
            _ => {
                if let Some(s) = line_start.take() {
                    lines.push(s..line_end);
                }
                if w <= width {
                    line_start = Some(ws);
                    line_end = ws + word.len();
                    line_w = w;
                } else {
                    // split an over-long word at grapheme boundaries
                    let mut start = ws;
                    let mut cur_w = 0;
                    for (gi, g) in word.grapheme_indices(true) {
                        let gw = g.width();
                        if cur_w + gw > width && cur_w > 0 {
                            lines.push(start..ws + gi);
                            start = ws + gi;
                            cur_w = 0;
                        }
                        cur_w += gw;
                    }
                    line_start = Some(start);
                    line_end = ws + word.len();
                    line_w = cur_w;
                }
            }
        }
    }
    if let Some(s) = line_start {
        lines.push(s..line_end);
    }
    if lines.is_empty() {
        lines.push(0..0);
    }
    lines
}

/// `items` joined by `sep` into lines of at most `width` columns, breaking only between
/// items, never inside one (an item wider than `width` is a line of its own): for short
/// phrases that must stay whole, like "7 unnamed" in a summary.
///
/// ```
/// use hearsay::document::reflow::pack;
/// let p = ["19 named", "4 org", "7 unnamed", "1 doc"];
/// assert_eq!(pack(&p, " · ", 20), ["19 named · 4 org", "7 unnamed · 1 doc"]);
/// assert_eq!(pack(&p, " · ", 3), ["19 named", "4 org", "7 unnamed", "1 doc"]);
/// ```
pub fn pack<S: AsRef<str>>(items: &[S], sep: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for it in items.iter().map(AsRef::as_ref) {
        if cur.is_empty() {
            cur.push_str(it);
        } else if cur.width() + sep.width() + it.width() <= width {
            cur.push_str(sep);
            cur.push_str(it);
        } else {
            lines.push(std::mem::replace(&mut cur, it.to_string()));
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(t: &str, w: usize) -> Vec<&str> {
        wrap(t, w).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn wraps_at_spaces() {
        assert_eq!(lines("aa bb cc dd", 5), ["aa bb", "cc dd"]);
        assert_eq!(lines("aa bb cc dd", 100), ["aa bb cc dd"]);
        assert_eq!(lines("", 10), [""]);
    }

    #[test]
    fn splits_long_words_and_counts_wide_chars() {
        assert_eq!(lines("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        // CJK characters are two columns wide
        assert_eq!(lines("日本語の文", 4), ["日本", "語の", "文"]);
        assert_eq!(lines("x", 1), ["x"]);
    }

    #[test]
    fn keeps_punctuation_with_words() {
        assert_eq!(lines("“Hello,” she said.", 9), ["“Hello,”", "she said."]);
    }

    #[test]
    fn width_zero_does_not_panic() {
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }
}
