//! Finding highlights again in a document that may have changed since they were made.
//!
//! [`Flat`] is the document's visible text (all blocks, white space collapsed to single
//! spaces, blocks joined by a space) with a map back to source byte offsets. Working on it
//! makes prefix/suffix context and exact matching immune to re-wrapping and to paragraphs
//! being split or joined. [`anchor`] places one highlight, in order:
//! 1. at its saved offsets, when the text there is still the same;
//! 2. at an exact occurrence of its text, the one whose prefix/suffix fit best (ties: the
//!    nearest to the old place);
//! 3. at the best approximate match: candidate places come from exact hits of short pieces
//!    of the text and of its context (pieces that occur too often are ignored), and each
//!    candidate window is scored by edit distance (semi-global alignment, cost bounded by
//!    [`MAX_FUZZY_CHARS`]), context similarity and distance from the old place;
//! 4. otherwise it is orphaned: kept with its saved text and offsets, never dropped.

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use super::highlight::{Anchor, Highlight};
use crate::document::Document;

/// Characters of context kept on each side of a highlight (as W3C annotation tools do).
pub const CONTEXT_CHARS: usize = 32;

/// Longest text (in characters) aligned in one piece; longer texts are matched by their
/// head and tail.
pub const MAX_FUZZY_CHARS: usize = 1500;

/// Pieces of text occurring more often than this are useless as seeds.
const MAX_SEED_HITS: usize = 48;
/// Candidate windows aligned per highlight.
const MAX_CANDIDATES: usize = 6;

/// The document's visible text, white space normalised, mapped back to source offsets.
#[derive(Debug, Clone, Default)]
pub struct Flat {
    norm: String,
    segs: Vec<Seg>,
    block_starts: Vec<usize>,
    source_len: usize,
}

/// `len` bytes of `norm` starting at `norm` were copied from the source at `src`.
#[derive(Debug, Clone, Copy)]
struct Seg {
    norm: usize,
    src: usize,
    len: usize,
}

impl Flat {
    /// Builds the flat text of `doc`.
    ///
    /// ```
    /// use hearsay::annotations::anchor::Flat;
    /// use hearsay::document::ingest;
    /// let doc = ingest("Title\n\nOne two\nthree.\n\nFour.\n".into());
    /// let flat = Flat::new(&doc);
    /// assert_eq!(flat.text(), "Title One two three. Four.");
    /// let r = flat.text().find("two three").unwrap();
    /// assert_eq!(&doc.source[flat.to_source(r..r + 9)], "two\nthree");
    /// ```
    pub fn new(doc: &Document) -> Flat {
        let mut f = Flat {
            source_len: doc.source.len(),
            ..Flat::default()
        };
        for b in &doc.blocks {
            if b.text.trim().is_empty() {
                continue;
            }
            if !f.norm.is_empty() {
                f.norm.push(' ');
            }
            f.block_starts.push(f.norm.len());
            for (i, c) in b.text.char_indices() {
                if c.is_whitespace() {
                    if !f.norm.is_empty() && !f.norm.ends_with(' ') {
                        f.norm.push(' ');
                    }
                    continue;
                }
                let src = b.map.to_source(i);
                f.push_seg(src, c.len_utf8());
                f.norm.push(c);
            }
            if f.norm.ends_with(' ') {
                f.norm.pop();
            }
        }
        f
    }

    fn push_seg(&mut self, src: usize, len: usize) {
        let norm = self.norm.len();
        if let Some(last) = self.segs.last_mut()
            && last.norm + last.len == norm
            && last.src + last.len == src
        {
            last.len += len;
            return;
        }
        self.segs.push(Seg { norm, src, len });
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.norm
    }

    /// Source byte range of a range of the flat text.
    pub fn to_source(&self, r: Range<usize>) -> Range<usize> {
        let i = self.segs.partition_point(|s| s.norm <= r.start);
        let start = match i.checked_sub(1).map(|j| self.segs[j]) {
            Some(s) if r.start < s.norm + s.len => s.src + (r.start - s.norm),
            _ => self.segs.get(i).map_or(self.source_len, |s| s.src),
        };
        let j = self.segs.partition_point(|s| s.norm < r.end);
        let end = match j.checked_sub(1).map(|k| self.segs[k]) {
            Some(s) => s.src + (r.end - s.norm).min(s.len),
            None => start,
        };
        start..end.max(start)
    }

    /// Range of the flat text for a source byte range (clamped, on character boundaries).
    pub fn from_source(&self, r: Range<usize>) -> Range<usize> {
        let i = self.segs.partition_point(|s| s.src <= r.start);
        let start = match i.checked_sub(1).map(|j| self.segs[j]) {
            Some(s) if r.start < s.src + s.len => s.norm + (r.start - s.src),
            _ => self.segs.get(i).map_or(self.norm.len(), |s| s.norm),
        };
        let j = self.segs.partition_point(|s| s.src < r.end);
        let end = match j.checked_sub(1).map(|k| self.segs[k]) {
            Some(s) => s.norm + (r.end - s.src).min(s.len),
            None => 0,
        };
        let start = self.norm.floor_char_boundary(start);
        start..self.norm.ceil_char_boundary(end).max(start)
    }

    /// The text of a flat range as stored in a highlight: blocks separated by a blank line.
    pub fn quote(&self, r: Range<usize>) -> String {
        let mut out = String::with_capacity(r.len() + 8);
        let mut at = r.start;
        for &bs in &self.block_starts {
            // the joining space sits just before each block start
            if bs > r.start && bs <= r.end && bs > at {
                out.push_str(&self.norm[at..bs - 1]);
                out.push_str("\n\n");
                at = bs;
            }
        }
        out.push_str(&self.norm[at..r.end]);
        out
    }

    /// Up to [`CONTEXT_CHARS`] characters before flat offset `at`.
    pub fn prefix(&self, at: usize) -> &str {
        let before = &self.norm[..at];
        let start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i);
        &before[start..]
    }

    /// Up to [`CONTEXT_CHARS`] characters after flat offset `at`.
    pub fn suffix(&self, at: usize) -> &str {
        let after = &self.norm[at..];
        let end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        &after[..end]
    }

    /// Trims white space at both ends of a flat range.
    pub fn trim(&self, r: Range<usize>) -> Range<usize> {
        let s = &self.norm[r.clone()];
        let lead = s.len() - s.trim_start().len();
        let trail = s.len() - s.trim_end().len();
        if lead == s.len() {
            return r.start..r.start;
        }
        r.start + lead..r.end - trail
    }
}

/// Collapses every run of white space to one space and trims the ends.
///
/// ```
/// use hearsay::annotations::anchor::normalize;
/// assert_eq!(normalize("  a\n\nb\t c "), "a b c");
/// ```
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// What re-anchoring did to a set of highlights.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Found at their saved offsets.
    pub in_place: usize,
    /// Found by their exact text elsewhere.
    pub moved: usize,
    /// Found by approximate matching.
    pub fuzzy: usize,
    /// Not found.
    pub orphaned: usize,
}

impl Summary {
    /// Highlights that are placed somewhere other than their saved offsets.
    pub fn reanchored(&self) -> usize {
        self.moved + self.fuzzy
    }

    /// True when nothing moved and nothing was orphaned (the status bar stays silent).
    pub fn is_quiet(&self) -> bool {
        self.reanchored() == 0 && self.orphaned == 0
    }

    /// Counts one result.
    pub fn add(&mut self, a: Anchor) {
        match a {
            Anchor::InPlace => self.in_place += 1,
            Anchor::Moved => self.moved += 1,
            Anchor::Fuzzy { .. } => self.fuzzy += 1,
            Anchor::Orphaned => self.orphaned += 1,
        }
    }
}

impl fmt::Display for Summary {
    /// `2 highlights re-anchored, 1 orphaned`; `highlights in place` when quiet.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let plural = |n: usize| if n == 1 { "highlight" } else { "highlights" };
        match (self.reanchored(), self.orphaned) {
            (0, 0) => f.write_str("highlights in place"),
            (r, 0) => write!(f, "{r} {} re-anchored", plural(r)),
            (0, o) => write!(f, "{o} {} orphaned", plural(o)),
            (r, o) => write!(f, "{r} {} re-anchored, {o} orphaned", plural(r)),
        }
    }
}

/// Places every highlight in `flat` (see [`anchor`]) and counts the results.
pub fn anchor_all(flat: &Flat, highlights: &mut [Highlight]) -> Summary {
    let mut sum = Summary::default();
    for h in highlights {
        sum.add(anchor(flat, h));
    }
    sum
}

/// Places one highlight in `flat`, updating its offsets, context (and, for an approximate
/// match, its text) when it moved, and setting [`Highlight::anchor`].
pub fn anchor(flat: &Flat, h: &mut Highlight) -> Anchor {
    let result = locate(flat, h);
    let a = match result {
        None => Anchor::Orphaned,
        Some((r, a)) => {
            let src = flat.to_source(r.clone());
            let a = if src == h.range() && a == Anchor::Moved {
                Anchor::InPlace
            } else {
                a
            };
            if a != Anchor::InPlace {
                if matches!(a, Anchor::Fuzzy { .. }) {
                    h.text = flat.quote(r.clone());
                }
                h.prefix = flat.prefix(r.start).to_string();
                h.suffix = flat.suffix(r.end).to_string();
                h.start = src.start;
                h.end = src.end;
            }
            a
        }
    };
    h.anchor = a;
    a
}

fn locate(flat: &Flat, h: &Highlight) -> Option<(Range<usize>, Anchor)> {
    let needle = normalize(&h.text);
    if needle.is_empty() {
        return None;
    }
    let here = flat.from_source(h.range());
    if flat.norm.get(here.clone()) == Some(needle.as_str()) {
        return Some((here, Anchor::InPlace));
    }
    let old = flat.from_source(h.start..h.start).start;
    let prefix = normalize_keep_edges(&h.prefix);
    let suffix = normalize_keep_edges(&h.suffix);
    if let Some(r) = exact(flat, &needle, &prefix, &suffix, old) {
        return Some((r, Anchor::Moved));
    }
    fuzzy(flat, &needle, &prefix, &suffix, old).map(|(r, score)| {
        (
            r,
            Anchor::Fuzzy {
                score: score as f32,
            },
        )
    })
}

/// Normalises inner white space but keeps one space at an edge that had some (context
/// strings end or start next to the highlight, where a space is significant).
fn normalize_keep_edges(s: &str) -> String {
    let mut n = normalize(s);
    if s.starts_with(char::is_whitespace) {
        n.insert(0, ' ');
    }
    if s.ends_with(char::is_whitespace) && !n.ends_with(' ') {
        n.push(' ');
    }
    n
}

/// Best exact occurrence of `needle`, by context fit and then distance from `old`.
fn exact(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<Range<usize>> {
    let mut best: Option<(usize, usize, usize)> = None; // (ctx, distance, pos)
    for (pos, _) in flat.norm.match_indices(needle).take(10_000) {
        let ctx = common_suffix(prefix, &flat.norm[..pos])
            + common_prefix(suffix, &flat.norm[pos + needle.len()..]);
        let dist = pos.abs_diff(old);
        if best.is_none_or(|(c, d, _)| ctx > c || (ctx == c && dist < d)) {
            best = Some((ctx, dist, pos));
        }
    }
    best.map(|(_, _, pos)| pos..pos + needle.len())
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Approximate match: returns the flat range and its combined score.
fn fuzzy(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<(Range<usize>, f64)> {
    let m = needle.chars().count();
    if m > MAX_FUZZY_CHARS {
        return fuzzy_long(flat, needle, prefix, suffix, old);
    }
    let mut best: Option<(Range<usize>, f64, f64, f64)> = None; // range, score, sim, ctx
    for diag in candidates(flat, needle, prefix, suffix, old) {
        let slack = needle.len() / 3 + 24;
        let lo = flat.norm.floor_char_boundary(diag.saturating_sub(slack));
        let hi = flat
            .norm
            .ceil_char_boundary((diag + needle.len() + slack).min(flat.norm.len()));
        if lo >= hi {
            continue;
        }
        let Some((r, dist)) = align(needle, &flat.norm[lo..hi]) else {
            continue;
        };
        let r = flat.trim(lo + r.start..lo + r.end);
        if r.is_empty() {
            continue;
        }
        let len = flat.norm[r.clone()].chars().count();
        let sim = 1.0 - dist as f64 / m.max(len) as f64;
        let ctx = context_similarity(flat, &r, prefix, suffix);
        let prox = 1.0 - (r.start.abs_diff(old) as f64 / flat.norm.len().max(1) as f64).min(1.0);
        let score = 0.7 * sim + 0.2 * ctx + 0.1 * prox;
        if best.as_ref().is_none_or(|b| score > b.1) {
            best = Some((r, score, sim, ctx));
        }
    }
    let (r, score, sim, ctx) = best?;
    let accept = if m < 16 {
        sim >= 0.8 && ctx >= 0.6
    } else {
        sim >= 0.7 || (sim >= 0.55 && ctx >= 0.7)
    };
    accept.then_some((r, score))
}

/// Long texts: find the head and the tail separately and take the span between them.
fn fuzzy_long(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<(Range<usize>, f64)> {
    let piece = MAX_FUZZY_CHARS / 3;
    let head_end = needle
        .char_indices()
        .nth(piece)
        .map_or(needle.len(), |(i, _)| i);
    let tail_start = needle
        .char_indices()
        .rev()
        .nth(piece - 1)
        .map_or(0, |(i, _)| i);
    let (head, tail) = (&needle[..head_end], &needle[tail_start..]);
    let (hr, hs) = fuzzy(flat, head, prefix, "", old)?;
    let tail_old = hr.start + tail_start;
    let (tr, ts) = fuzzy(flat, tail, "", suffix, tail_old)?;
    let span = tr.end.checked_sub(hr.start)?;
    let ratio = span as f64 / needle.len() as f64;
    (tr.start >= hr.end && (0.7..=1.4).contains(&ratio))
        .then(|| (hr.start..tr.end, (hs + ts) / 2.0))
}

/// Candidate start offsets (in the flat text) for `needle`, most promising first.
fn candidates(flat: &Flat, needle: &str, prefix: &str, suffix: &str, old: usize) -> Vec<usize> {
    let m = needle.chars().count();
    let bucket = (needle.len() / 4).max(32);
    let mut votes: HashMap<usize, (usize, usize, usize)> = HashMap::new(); // bucket -> (votes, sum, n)
    let mut vote = |diag: isize, w: usize| {
        let d = diag.max(0) as usize;
        let e = votes.entry(d / bucket).or_insert((0, 0, 0));
        e.0 += w;
        e.1 += d;
        e.2 += 1;
    };
    let q = (m / 12).clamp(4, 12);
    let step = q.max(m / 24);
    let starts: Vec<usize> = needle.char_indices().map(|(i, _)| i).collect();
    let mut c = 0;
    while c + q <= starts.len() {
        let s = starts[c];
        let e = starts.get(c + q).copied().unwrap_or(needle.len());
        seed(flat, &needle[s..e], |p| vote(p as isize - s as isize, 1));
        c += step;
    }
    let pchars: Vec<usize> = prefix.char_indices().map(|(i, _)| i).collect();
    if pchars.len() >= 8 {
        let s = pchars[pchars.len().saturating_sub(16)];
        let piece = &prefix[s..];
        seed(flat, piece, |p| vote((p + piece.len()) as isize, 2));
    }
    let schars: Vec<usize> = suffix.char_indices().map(|(i, _)| i).collect();
    if schars.len() >= 8 {
        let e = schars.get(16).copied().unwrap_or(suffix.len());
        seed(flat, &suffix[..e], |p| {
            vote(p as isize - needle.len() as isize, 2)
        });
    }
    vote(old as isize, 1);
    let mut ranked: Vec<(usize, usize)> = votes
        .into_values()
        .map(|(v, sum, n)| (v, sum / n.max(1)))
        .collect();
    ranked.sort_by_key(|&(v, d)| (std::cmp::Reverse(v), d.abs_diff(old)));
    ranked
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|(_, d)| d)
        .collect()
}

/// Calls `f` with each position of `piece` in the flat text, unless it is too common.
fn seed(flat: &Flat, piece: &str, mut f: impl FnMut(usize)) {
    if piece.trim().chars().count() < 3 {
        return;
    }
    let hits: Vec<usize> = flat
        .norm
        .match_indices(piece)
        .map(|(p, _)| p)
        .take(MAX_SEED_HITS + 1)
        .collect();
    if hits.len() <= MAX_SEED_HITS {
        hits.into_iter().for_each(&mut f);
    }
}

/// Semi-global alignment: the substring of `text` with the smallest edit distance to
/// `pattern`. Returns its byte range in `text` and the distance. Cost O(|pattern|·|text|).
fn align(pattern: &str, text: &str) -> Option<(Range<usize>, usize)> {
    let p: Vec<char> = pattern.chars().collect();
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let t: Vec<char> = text.chars().collect();
    let n = t.len();
    if p.is_empty() || n == 0 {
        return None;
    }
    // cost and start column of the best alignment ending at each column (two rows)
    let mut prev_cost = vec![0u32; n + 1];
    let mut prev_start: Vec<u32> = (0..=n as u32).collect();
    let mut cost = vec![0u32; n + 1];
    let mut start = vec![0u32; n + 1];
    for (i, &pc) in p.iter().enumerate() {
        cost[0] = i as u32 + 1;
        start[0] = 0;
        for j in 1..=n {
            let mut c = prev_cost[j - 1] + u32::from(pc != t[j - 1]);
            let mut s = prev_start[j - 1];
            if prev_cost[j] + 1 < c {
                c = prev_cost[j] + 1;
                s = prev_start[j];
            }
            if cost[j - 1] + 1 < c {
                c = cost[j - 1] + 1;
                s = start[j - 1];
            }
            cost[j] = c;
            start[j] = s;
        }
        std::mem::swap(&mut prev_cost, &mut cost);
        std::mem::swap(&mut prev_start, &mut start);
    }
    let (end, &dist) = prev_cost.iter().enumerate().min_by_key(|&(_, c)| *c)?;
    let (start, dist) = (prev_start[end] as usize, dist as usize);
    Some((offsets[start]..offsets[end], dist))
}

/// Similarity (0..=1) of the saved context with the context around `r`.
fn context_similarity(flat: &Flat, r: &Range<usize>, prefix: &str, suffix: &str) -> f64 {
    let side = |saved: &str, actual: &str| {
        if saved.trim().is_empty() {
            if actual.trim().is_empty() { 1.0 } else { 0.5 }
        } else {
            strsim::normalized_levenshtein(saved.trim(), actual.trim())
        }
    };
    let p = side(prefix, flat.prefix(r.start));
    let s = side(suffix, flat.suffix(r.end));
    (p + s) / 2.0
}

/// Re-finds a reading position saved as a source offset plus the text that followed it.
/// Returns the new source offset (the old one, clamped, when the context is gone).
pub fn anchor_offset(flat: &Flat, offset: usize, context: &str) -> usize {
    let context = normalize(context);
    let here = flat.from_source(offset..offset).start;
    if context.is_empty() || flat.norm[here..].starts_with(&context) {
        return offset.min(flat.source_len);
    }
    let best = flat
        .norm
        .match_indices(&context)
        .map(|(p, _)| p)
        .min_by_key(|p| p.abs_diff(here));
    match best {
        Some(p) => flat.to_source(p..p).start,
        None => offset.min(flat.source_len),
    }
}

/// The context saved with a reading position: the text starting at source `offset`.
pub fn offset_context(flat: &Flat, offset: usize) -> String {
    let here = flat.from_source(offset..offset).start;
    flat.suffix(here).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn align_finds_best_window() {
        let (r, d) = align("quick brown", "the quick brawn fox").unwrap();
        assert_eq!(&"the quick brawn fox"[r], "quick brawn");
        assert_eq!(d, 1);
    }

    #[test]
    fn summary_wording() {
        let s = Summary {
            in_place: 3,
            moved: 1,
            fuzzy: 1,
            orphaned: 1,
        };
        assert_eq!(s.to_string(), "2 highlights re-anchored, 1 orphaned");
        let s = Summary {
            moved: 1,
            ..Summary::default()
        };
        assert_eq!(s.to_string(), "1 highlight re-anchored");
        assert!(Summary::default().is_quiet());
    }
}
