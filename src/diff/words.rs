//! Word-level differences between two short texts (a sentence, a quote, a headline), and the
//! measures the comparison is built on: a normal form that ignores white space, a similarity
//! score for pairing paragraphs, and the size of an edit for folding "minor" ones.

use serde::Serialize;
use similar::{Algorithm, ChangeTag, TextDiff};
use std::time::Duration;

/// Longest a single word diff may take before `similar` settles for a coarser answer (only
/// reached by one enormous paragraph rewritten throughout).
const WORD_DIFF_TIMEOUT: Duration = Duration::from_millis(50);

/// What a piece of text is in a diff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    /// In both versions.
    Equal,
    /// Only in the new version.
    Insert,
    /// Only in the old version.
    Delete,
}

/// A run of text with one [`Op`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    /// Whether the text was kept, inserted or deleted.
    pub op: Op,
    /// The text, white space included as it separates words.
    pub text: String,
}

impl Segment {
    /// A segment.
    pub fn new(op: Op, text: impl Into<String>) -> Segment {
        Segment {
            op,
            text: text.into(),
        }
    }
}

/// Appends `text` to `out`, joining it to the last segment when that has the same op.
pub fn push(out: &mut Vec<Segment>, op: Op, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.op == op => last.text.push_str(text),
        _ => out.push(Segment::new(op, text)),
    }
}

/// The word-level diff of `old` and `new`: equal, deleted and inserted runs in reading order
/// (a deletion before the insertion that replaces it). White space between two changed
/// words is kept with them, so `will rebuild` → `may repair` is one deletion and one
/// insertion, not four pieces.
///
/// ```
/// use hearsay::diff::words::{Op, word_diff};
/// let d = word_diff("The dam will hold.", "The dam may hold.");
/// let changed: Vec<_> = d.iter().filter(|s| s.op != Op::Equal).map(|s| (s.op, s.text.as_str())).collect();
/// assert_eq!(changed, [(Op::Delete, "will"), (Op::Insert, "may")]);
/// ```
pub fn word_diff(old: &str, new: &str) -> Vec<Segment> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(WORD_DIFF_TIMEOUT)
        .diff_unicode_words(old, new);
    let mut out: Vec<Segment> = Vec::new();
    // deletions and insertions of one changed stretch are gathered, then written as one
    // deletion followed by one insertion
    let (mut del, mut ins) = (String::new(), String::new());
    let flush = |out: &mut Vec<Segment>, del: &mut String, ins: &mut String| {
        push(out, Op::Delete, del);
        push(out, Op::Insert, ins);
        del.clear();
        ins.clear();
    };
    let changes: Vec<_> = diff.iter_all_changes().collect();
    for (i, c) in changes.iter().enumerate() {
        let text = c.value();
        match c.tag() {
            ChangeTag::Delete => del.push_str(text),
            ChangeTag::Insert => ins.push_str(text),
            ChangeTag::Equal => {
                let between_changes = (!del.is_empty() || !ins.is_empty())
                    && text.trim().is_empty()
                    && changes[i + 1..]
                        .iter()
                        .find(|n| n.tag() != ChangeTag::Equal || !n.value().trim().is_empty())
                        .is_some_and(|n| n.tag() != ChangeTag::Equal);
                if between_changes {
                    del.push_str(text);
                    ins.push_str(text);
                } else {
                    flush(&mut out, &mut del, &mut ins);
                    push(&mut out, Op::Equal, text);
                }
            }
        }
    }
    flush(&mut out, &mut del, &mut ins);
    trim_edges(out)
}

/// Moves white space at the ends of a deletion or insertion into the neighbouring equal text,
/// so marks hug the words.
fn trim_edges(segments: Vec<Segment>) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::with_capacity(segments.len());
    for s in segments {
        if s.op == Op::Equal {
            push(&mut out, Op::Equal, &s.text);
            continue;
        }
        let lead = s.text.len() - s.text.trim_start().len();
        let core = s.text.trim();
        if core.is_empty() {
            continue;
        }
        let trail = s.text.len() - lead - core.len();
        // a leading space goes before the change only once (the deletion carries it)
        let keep_lead = !matches!(out.last(), Some(l) if l.op != Op::Equal);
        if keep_lead {
            push(&mut out, Op::Equal, &s.text[..lead]);
        }
        out.push(Segment::new(s.op, core));
        if trail > 0 && s.op == Op::Insert {
            push(&mut out, Op::Equal, &s.text[s.text.len() - trail..]);
        }
    }
    // a deletion's dropped trailing space is carried by the insertion after it, or was the
    // same space the equal text after it starts with
    out
}

/// `text` with white space collapsed to single spaces and trimmed: the form in which two
/// versions of a paragraph count as the same text (a re-wrap changes nothing).
pub fn normal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Letters and digits only, lower-cased: two texts with the same key differ only in white
/// space, punctuation, quote-mark style or case.
pub fn bare(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// How alike two texts are, from 0 (no word in common) to 1 (the same words): the Dice
/// coefficient of their bags of lower-cased words. Cheap (linear), blind to order, and used
/// to pair paragraphs and quotes before the exact word diff is made.
///
/// ```
/// use hearsay::diff::words::similarity;
/// assert_eq!(similarity("the dam will hold", "The dam will hold"), 1.0);
/// assert!(similarity("the dam will hold", "the dam may hold") > 0.7);
/// assert_eq!(similarity("abc", "xyz"), 0.0);
/// ```
pub fn similarity(a: &str, b: &str) -> f32 {
    likeness(a, b).0
}

/// Whether two texts are versions of one another, and how alike: `Some(score)` when they
/// share at least `least` of their words ([`similarity`]), or when the shorter one (four
/// words or more) is nearly all in the longer one: a paragraph that lost or gained a whole
/// sentence is still the same paragraph.
///
/// ```
/// use hearsay::diff::words::alike;
/// let long = "Crews welcomed the plan. “We lost two boats there,” said a skipper.";
/// assert!(alike("Crews welcomed the plan.", long, 0.5).is_some());
/// assert!(alike("Crews went home.", long, 0.5).is_none());
/// ```
pub fn alike(a: &str, b: &str, least: f32) -> Option<f32> {
    let (dice, contained, shorter) = likeness(a, b);
    (dice >= least || (shorter >= 4 && contained >= 0.8)).then_some(dice)
}

/// The words of a text as sorted hashes (lower-cased, punctuation trimmed): made once per
/// paragraph or quote, then compared with any number of others without allocating.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bag(Vec<u64>);

impl Bag {
    /// The bag of words of `text`.
    pub fn new(text: &str) -> Bag {
        // FNV-1a over the lower-cased characters: words are short and only compared with
        // each other, so a fast hash is enough (a collision only makes two words "equal")
        let mut v: Vec<u64> = text
            .split_whitespace()
            .filter_map(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                if w.is_empty() {
                    return None;
                }
                let h = w
                    .chars()
                    .flat_map(char::to_lowercase)
                    .fold(0xcbf2_9ce4_8422_2325_u64, |h, c| {
                        (h ^ u64::from(u32::from(c))).wrapping_mul(0x0100_0000_01b3)
                    });
                Some(h)
            })
            .collect();
        v.sort_unstable();
        Bag(v)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether the text had no word.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Words in common (counted with repetition).
    fn common(&self, other: &Bag) -> usize {
        let (a, b) = (&self.0, &other.0);
        let (mut i, mut j, mut n) = (0, 0, 0);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    /// The Dice coefficient of the two bags (see [`similarity`]).
    pub fn dice(&self, other: &Bag) -> f32 {
        let total = self.len() + other.len();
        if total == 0 {
            return 0.0;
        }
        2.0 * self.common(other) as f32 / total as f32
    }

    /// Whether the two texts are versions of one another (see [`alike`]), and how alike.
    pub fn alike(&self, other: &Bag, least: f32) -> Option<f32> {
        let common = self.common(other);
        let shorter = self.len().min(other.len());
        let total = self.len() + other.len();
        if total == 0 || shorter == 0 {
            return None;
        }
        let dice = 2.0 * common as f32 / total as f32;
        let contained = common as f32 / shorter as f32;
        (dice >= least || (shorter >= 4 && contained >= 0.8)).then_some(dice)
    }
}

/// (Dice coefficient, share of the shorter text's words in the longer, words in the shorter).
fn likeness(a: &str, b: &str) -> (f32, f32, u32) {
    let (x, y) = (Bag::new(a), Bag::new(b));
    if x.is_empty() || y.is_empty() {
        let same = if bare(a) == bare(b) { 1.0 } else { 0.0 };
        return (same, same, 0);
    }
    let common = x.common(&y);
    let shorter = x.len().min(y.len());
    (
        2.0 * common as f32 / (x.len() + y.len()) as f32,
        common as f32 / shorter as f32,
        shorter as u32,
    )
}

/// The size of an edit in characters, ignoring white space, punctuation and case: for each
/// changed stretch of the word diff, the edit distance between what was deleted and what was
/// inserted (`goverment` → `government` is 1). Used to fold typo-sized edits as minor.
pub fn edit_size(segments: &[Segment]) -> usize {
    let mut total = 0;
    let mut i = 0;
    while i < segments.len() {
        let s = &segments[i];
        match s.op {
            Op::Equal => i += 1,
            Op::Delete => {
                let ins = segments
                    .get(i + 1)
                    .filter(|n| n.op == Op::Insert)
                    .map_or("", |n| n.text.as_str());
                total += strsim::levenshtein(&bare(&s.text), &bare(ins));
                i += if ins.is_empty() { 1 } else { 2 };
            }
            Op::Insert => {
                total += bare(&s.text).chars().count();
                i += 1;
            }
        }
    }
    total
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s.op {
                Op::Equal => s.text.clone(),
                Op::Insert => format!("{{+{}+}}", s.text),
                Op::Delete => format!("[-{}-]", s.text),
            })
            .collect()
    }

    #[test]
    fn changed_words_are_marked_and_neighbours_kept() {
        let d = word_diff(
            "The mayor will rebuild the bridge soon.",
            "The mayor may repair the bridge soon.",
        );
        assert_eq!(
            render(&d),
            "The mayor [-will rebuild-]{+may repair+} the bridge soon."
        );
        let d = word_diff("Rain fell.", "Heavy rain fell all night.");
        assert_eq!(render(&d), "[-Rain-]{+Heavy rain+} fell {+all night+}.");
    }

    #[test]
    fn the_new_text_is_the_equal_and_inserted_runs() {
        let (old, new) = ("a b c d e f", "a x c d y f z");
        let d = word_diff(old, new);
        let rebuilt_new: String = d
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect();
        let rebuilt_old: String = d
            .iter()
            .filter(|s| s.op != Op::Insert)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(normal(&rebuilt_new), new);
        assert_eq!(normal(&rebuilt_old), old);
    }

    #[test]
    fn edit_size_counts_characters_not_words() {
        assert_eq!(
            edit_size(&word_diff("the goverment said", "the government said")),
            1
        );
        assert_eq!(edit_size(&word_diff("it is.", "it is!")), 0);
        assert!(edit_size(&word_diff("it will", "it will not")) >= 3);
    }
}
