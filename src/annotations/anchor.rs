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

/// How far (bytes of flat text) from its old place a highlight is first looked for.
const LOCAL_REACH: usize = 8192;

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

/// `len` bytes of `norm` starting at `norm` come byte for byte from the source at `src`.
/// Offsets are u32 (inputs are capped far below 4 GiB by `decode::MAX_INPUT`): a flat text
/// of a huge article has hundreds of thousands of segments.
#[derive(Debug, Clone, Copy)]
struct Seg {
    norm: u32,
    src: u32,
    len: u32,
}

impl Seg {
    fn norm(self) -> usize {
        self.norm as usize
    }
    fn src(self) -> usize {
        self.src as usize
    }
    fn len(self) -> usize {
        self.len as usize
    }
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
        Flat::of_blocks(doc, 0..doc.blocks.len())
    }

    /// The flat text of some of `doc`'s blocks only (offsets stay those of the source).
    fn of_blocks(doc: &Document, blocks: Range<usize>) -> Flat {
        let mut f = Flat {
            source_len: doc.source.len(),
            ..Flat::default()
        };
        for b in &doc.blocks[blocks] {
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
                        // a plain space stands for one byte of the source: mapping it keeps
                        // one segment per stretch of text instead of one per word
                        if c == ' ' {
                            f.push_seg(b.map.to_source(i), 1);
                        }
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
                if let Some(last) = f.segs.last_mut()
                    && last.norm() + last.len() > f.norm.len()
                {
                    last.len -= 1;
                }
            }
        }
        f.segs.retain(|s| s.len > 0);
        f.norm.shrink_to_fit();
        f.segs.shrink_to_fit();
        f
    }

    fn push_seg(&mut self, src: usize, len: usize) {
        let norm = self.norm.len();
        if let Some(last) = self.segs.last_mut()
            && last.norm() + last.len() == norm
            && last.src() + last.len() == src
        {
            last.len += len as u32;
            return;
        }
        self.segs.push(Seg {
            norm: norm as u32,
            src: src as u32,
            len: len as u32,
        });
    }

    /// The normalised text.
    pub fn text(&self) -> &str {
        &self.norm
    }

    /// Source byte range of a range of the flat text.
    pub fn to_source(&self, r: Range<usize>) -> Range<usize> {
        let i = self.segs.partition_point(|s| s.norm() <= r.start);
        let start = match i.checked_sub(1).map(|j| self.segs[j]) {
            Some(s) if r.start < s.norm() + s.len() => s.src() + (r.start - s.norm()),
            _ => self.segs.get(i).map_or(self.source_len, |s| s.src()),
        };
        let j = self.segs.partition_point(|s| s.norm() < r.end);
        let end = match j.checked_sub(1).map(|k| self.segs[k]) {
            Some(s) => s.src() + (r.end - s.norm()).min(s.len()),
            None => start,
        };
        start..end.max(start)
    }

    /// Range of the flat text for a source byte range (clamped, on character boundaries).
    pub fn from_source(&self, r: Range<usize>) -> Range<usize> {
        let i = self.segs.partition_point(|s| s.src() <= r.start);
        let start = match i.checked_sub(1).map(|j| self.segs[j]) {
            Some(s) if r.start < s.src() + s.len() => s.norm() + (r.start - s.src()),
            _ => self.segs.get(i).map_or(self.norm.len(), |s| s.norm()),
        };
        let j = self.segs.partition_point(|s| s.src() < r.end);
        let end = match j.checked_sub(1).map(|k| self.segs[k]) {
            Some(s) => s.norm() + (r.end - s.src()).min(s.len()),
            None => 0,
        };
        let start = self.norm.floor_char_boundary(start);
        start..self.norm.ceil_char_boundary(end).max(start)
    }

    /// The text of a flat range as stored in a highlight: blocks separated by a blank line.
    pub fn quote(&self, r: Range<usize>) -> String {
        let r = self.clamp(r);
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
        let at = self.norm.floor_char_boundary(at);
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
        let at = self.norm.floor_char_boundary(at);
        let after = &self.norm[at..];
        let end = after
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(after.len(), |(i, _)| i);
        &after[..end]
    }

    /// `r` inside the text, on character boundaries, `start <= end`.
    fn clamp(&self, r: Range<usize>) -> Range<usize> {
        let start = self.norm.floor_char_boundary(r.start);
        start..self.norm.ceil_char_boundary(r.end).max(start)
    }

    /// Trims white space at both ends of a flat range.
    pub fn trim(&self, r: Range<usize>) -> Range<usize> {
        let r = self.clamp(r);
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
            // offsets that still hold the text but are not exactly the saved ones (the
            // source changed under them) count as moved, so they are saved tidy
            let a = match a {
                Anchor::Moved | Anchor::InPlace if src == h.range() => Anchor::InPlace,
                Anchor::InPlace => Anchor::Moved,
                a => a,
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
    let fuzzy_anchor = |(r, score): (Range<usize>, f64)| {
        (
            r,
            Anchor::Fuzzy {
                score: score as f32,
            },
        )
    };
    if let Some((r, ctx)) = exact(flat, &needle, &prefix, &suffix, old) {
        // an exact copy in other surroundings may be a restatement elsewhere in the article,
        // while the highlight itself was edited in place: prefer the edited one when its
        // context fits well
        let context_chars = prefix.trim().chars().count() + suffix.trim().chars().count();
        if 2 * ctx < context_chars.min(32)
            && let Some((fr, score)) = fuzzy(flat, &needle, &prefix, &suffix, old)
            && (fr.end <= r.start || r.end <= fr.start)
            && context_similarity(flat, &fr, &prefix, &suffix) >= 0.8
        {
            return Some(fuzzy_anchor((fr, score)));
        }
        return Some((r, Anchor::Moved));
    }
    fuzzy(flat, &needle, &prefix, &suffix, old).map(fuzzy_anchor)
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

/// Best exact occurrence of `needle`, by context fit and then distance from `old`; with the
/// number of context characters that fit.
fn exact(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
) -> Option<(Range<usize>, usize)> {
    let mut best: Option<(usize, usize, usize)> = None; // (ctx, distance, pos)
    for (pos, _) in flat.norm.match_indices(needle).take(10_000) {
        let ctx = common_suffix(prefix, &flat.norm[..pos])
            + common_prefix(suffix, &flat.norm[pos + needle.len()..]);
        let dist = pos.abs_diff(old);
        if best.is_none_or(|(c, d, _)| ctx > c || (ctx == c && dist < d)) {
            best = Some((ctx, dist, pos));
        }
    }
    best.map(|(ctx, _, pos)| (pos..pos + needle.len(), ctx))
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
    // look near the old place first (most edits move text a little); the whole text only
    // when nothing good is there
    let all = 0..flat.norm.len();
    let reach = (4 * needle.len()).max(LOCAL_REACH);
    let near = flat.norm.floor_char_boundary(old.saturating_sub(reach))
        ..flat
            .norm
            .ceil_char_boundary((old + needle.len() + reach).min(all.end));
    if near == all {
        return fuzzy_in(flat, needle, prefix, suffix, old, &all).map(|(r, score, _)| (r, score));
    }
    let local = fuzzy_in(flat, needle, prefix, suffix, old, &near);
    if let Some((r, score, sim)) = &local
        && *sim >= 0.85
    {
        return Some((r.clone(), *score));
    }
    let global = fuzzy_in(flat, needle, prefix, suffix, old, &all);
    [local, global]
        .into_iter()
        .flatten()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(r, score, _)| (r, score))
}

/// Approximate match with seeds taken from `window` of the flat text: the accepted range,
/// its score and its text similarity.
fn fuzzy_in(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
    window: &Range<usize>,
) -> Option<(Range<usize>, f64, f64)> {
    let m = needle.chars().count();
    let mut best: Option<(Range<usize>, f64, f64, f64)> = None; // range, score, sim, ctx
    let ctx_weight = (24.0 / m as f64).clamp(0.2, 0.45);
    for diag in candidates(flat, needle, prefix, suffix, old, window) {
        let slack = needle.len() / 3 + 24;
        let lo = flat
            .norm
            .floor_char_boundary(diag.saturating_sub(slack + prefix.len()));
        let hi = flat
            .norm
            .ceil_char_boundary((diag + needle.len() + slack + suffix.len()).min(flat.norm.len()));
        if lo >= hi {
            continue;
        }
        let Some(r) = align_in_context(prefix, needle, suffix, &flat.norm[lo..hi]) else {
            continue;
        };
        let r = flat.trim(snap_to_words(&flat.norm, lo + r.start..lo + r.end));
        if r.is_empty() {
            continue;
        }
        let found = &flat.norm[r.clone()];
        let dist = strsim::levenshtein(needle, found);
        let sim = 1.0 - dist as f64 / m.max(found.chars().count()) as f64;
        let ctx = context_similarity(flat, &r, prefix, suffix);
        let prox = 1.0 - (r.start.abs_diff(old) as f64 / flat.norm.len().max(1) as f64).min(1.0);
        let score = (0.9 - ctx_weight) * sim + ctx_weight * ctx + 0.1 * prox;
        let excellent = sim >= 0.9 && ctx >= 0.9;
        if best.as_ref().is_none_or(|b| score > b.1) {
            best = Some((r, score, sim, ctx));
        }
        if excellent {
            break;
        }
    }
    let (r, score, sim, ctx) = best?;
    let accept = if m < 16 {
        sim >= 0.8 && ctx >= 0.6
    } else {
        sim >= 0.7 || (sim >= 0.55 && ctx >= 0.7)
    };
    accept.then_some((r, score, sim))
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
fn candidates(
    flat: &Flat,
    needle: &str,
    prefix: &str,
    suffix: &str,
    old: usize,
    window: &Range<usize>,
) -> Vec<usize> {
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
        seed(flat, window, &needle[s..e], |p| {
            vote(p as isize - s as isize, 1)
        });
        c += step;
    }
    let pchars: Vec<usize> = prefix.char_indices().map(|(i, _)| i).collect();
    if pchars.len() >= 8 {
        let s = pchars[pchars.len().saturating_sub(16)];
        let piece = &prefix[s..];
        seed(flat, window, piece, |p| vote((p + piece.len()) as isize, 2));
    }
    let schars: Vec<usize> = suffix.char_indices().map(|(i, _)| i).collect();
    if schars.len() >= 8 {
        let e = schars.get(16).copied().unwrap_or(suffix.len());
        seed(flat, window, &suffix[..e], |p| {
            vote(p as isize - needle.len() as isize, 2)
        });
    }
    vote(old as isize, 1);
    let mut ranked: Vec<(usize, usize)> = votes
        .into_values()
        .map(|(v, sum, n)| (v, sum / n.max(1)))
        .collect();
    ranked.sort_by_key(|&(v, d)| (std::cmp::Reverse(v), d.abs_diff(old)));
    // places with far fewer votes than the best are not worth an alignment
    let top = ranked.first().map_or(0, |r| r.0);
    ranked
        .into_iter()
        .take(MAX_CANDIDATES)
        .filter(|&(v, _)| v * 4 >= top)
        .map(|(_, d)| d)
        .collect()
}

/// Calls `f` with each position of `piece` in `window` of the flat text, unless it is too
/// common there.
fn seed(flat: &Flat, window: &Range<usize>, piece: &str, mut f: impl FnMut(usize)) {
    if piece.trim().chars().count() < 3 {
        return;
    }
    let hits: Vec<usize> = flat.norm[window.clone()]
        .match_indices(piece)
        .map(|(p, _)| window.start + p)
        .take(MAX_SEED_HITS + 1)
        .collect();
    if hits.len() <= MAX_SEED_HITS {
        hits.into_iter().for_each(&mut f);
    }
}

/// Semi-global alignment of `prefix + needle + suffix` against `text` (free start and end in
/// `text`), returning the byte range of `text` the needle part is aligned to. Aligning the
/// context too puts the boundaries where the saved context says they are, even when the
/// needle's own first or last words were changed. Cost O(|pattern|·|text|).
fn align_in_context(prefix: &str, needle: &str, suffix: &str, text: &str) -> Option<Range<usize>> {
    let p: Vec<char> = prefix
        .chars()
        .chain(needle.chars())
        .chain(suffix.chars())
        .collect();
    let i1 = prefix.chars().count();
    let i2 = i1 + needle.chars().count();
    let offsets: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain([text.len()])
        .collect();
    let t: Vec<char> = text.chars().collect();
    let n = t.len();
    if i2 == i1 || n == 0 {
        return None;
    }
    // per cell of the current row: cost, and the text columns where the needle starts and
    // ends on the best path through it (set when the path leaves rows i1 and i2)
    let mut prev: Vec<(u32, u32, u32)> = (0..=n as u32).map(|j| (0, j, j)).collect();
    let mut cur = vec![(0u32, 0u32, 0u32); n + 1];
    for (i, &pc) in p.iter().enumerate() {
        let at = |cell: (u32, u32, u32), j: usize| {
            let ns = if i == i1 { j as u32 } else { cell.1 };
            let ne = if i == i2 { j as u32 } else { cell.2 };
            (cell.0, ns, ne)
        };
        cur[0] = at((prev[0].0 + 1, prev[0].1, prev[0].2), 0);
        for j in 1..=n {
            let d = at(prev[j - 1], j - 1);
            let mut best = (d.0 + u32::from(pc != t[j - 1]), d.1, d.2);
            let up = at(prev[j], j);
            if up.0 + 1 < best.0 {
                best = (up.0 + 1, up.1, up.2);
            }
            let left = cur[j - 1];
            if left.0 + 1 < best.0 {
                best = (left.0 + 1, left.1, left.2);
            }
            cur[j] = best;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let (end, &(_, ns, ne)) = prev.iter().enumerate().min_by_key(|&(_, c)| c.0)?;
    let ne = if i2 == p.len() { end } else { ne as usize };
    let ns = (ns as usize).min(ne);
    Some(offsets[ns]..offsets[ne])
}

/// Widens a match that starts or ends inside a word to the whole word.
fn snap_to_words(norm: &str, r: Range<usize>) -> Range<usize> {
    let word = |c: char| c.is_alphanumeric();
    let inside = |at: usize| norm[..at].ends_with(word) && norm[at..].starts_with(word);
    let mut start = r.start;
    while inside(start) {
        start -= norm[..start].chars().next_back().map_or(1, char::len_utf8);
    }
    let mut end = r.end.max(start);
    while inside(end) {
        end += norm[end..].chars().next().map_or(1, char::len_utf8);
    }
    start..end
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

/// [`offset_context`] read straight from the document, without building the flat text of
/// all of it: only the block at `offset` and enough of the next ones are flattened.
pub fn offset_context_in(doc: &Document, offset: usize) -> String {
    let first = doc.blocks.partition_point(|b| b.range.end <= offset);
    let mut last = first;
    let mut bytes = 0;
    while last < doc.blocks.len() && bytes < 8 * CONTEXT_CHARS {
        let b = &doc.blocks[last];
        bytes += b.text.len() - b.to_text(offset).min(b.text.len());
        last += 1;
    }
    offset_context(&Flat::of_blocks(doc, first..last), offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_from_the_document_matches_the_flat_text() {
        let src = "A title\n\nFirst para\ngraph, wrapped\r\nhere.\n\nShort.\n\nA\u{a0}third one with \x1b[1mbold\x1b[0m words and more words to pass the context length.\n";
        let doc = crate::document::ingest(src.to_string());
        let flat = Flat::new(&doc);
        for offset in (0..=src.len()).filter(|&o| src.is_char_boundary(o)) {
            assert_eq!(
                offset_context_in(&doc, offset),
                offset_context(&flat, offset),
                "at {offset}"
            );
        }
    }

    #[test]
    fn align_finds_best_window() {
        let t = "the quick brawn fox";
        let r = align_in_context("", "quick brown", "", t).unwrap();
        assert_eq!(&t[r], "quick brawn");
        // the context decides where an edited first word begins
        let t = "he said: I have reportedly be careful, and left";
        let r = align_in_context("he said: ", "I have to be careful,", " and left", t).unwrap();
        assert_eq!(&t[r], "I have reportedly be careful,");
    }

    #[test]
    fn snapping_completes_words() {
        let t = "a reportedly b";
        assert_eq!(&t[snap_to_words(t, 3..8)], "reportedly");
        assert_eq!(&t[snap_to_words(t, 2..12)], "reportedly");
        assert_eq!(&t[snap_to_words(t, 1..12)], " reportedly");
    }

    proptest::proptest! {
        #[test]
        fn flat_maps_any_offsets_without_panicking(text in "\\PC{0,80}(\n\n\\PC{0,40}){0,3}", a in 0usize..200, b in 0usize..200) {
            let doc = crate::document::ingest(text);
            let flat = Flat::new(&doc);
            let r = flat.from_source(a.min(b)..a.max(b));
            proptest::prop_assert!(r.start <= r.end && r.end <= flat.text().len());
            let src = flat.to_source(r.clone());
            proptest::prop_assert!(src.start <= src.end && src.end <= doc.source.len());
            let _ = (flat.quote(a..b), flat.prefix(a), flat.suffix(b), flat.trim(b..a));
            // a flat range maps to source text with the same words
            let t = flat.trim(r);
            let src = flat.to_source(t.clone());
            proptest::prop_assert_eq!(normalize(&doc.source[src]), flat.text()[t].to_string());
        }
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
