//! Aligning two versions block by block (paragraphs, captions, headline …), then sentence by
//! sentence inside a changed paragraph, then word by word inside a changed sentence.
//!
//! 1. Every block is keyed by its text with white space collapsed, so a re-wrapped or
//!    reflowed version gives the same keys and no change.
//! 2. `similar`'s Myers diff aligns the two key sequences.
//! 3. A block deleted in one place and inserted, with the same text, in another is *moved*.
//! 4. Inside a replaced stretch, an old and a new block that share most of their words
//!    (see [`words::alike`]) are one block *edited*; the rest are *removed* and *added*.
//! 5. Left-over removed and added blocks that are still alike are one block edited: in
//!    place when no unchanged block stands between their two places, else moved.

use super::words::{self, Bag, Op, Segment, edit_size, word_diff};
use crate::document::{BlockKind, Document};
use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};
use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// Least [`words::similarity`] for an old and a new block in the same place to be one block edited.
pub const EDITED_SIMILARITY: f32 = 0.5;
/// How far ahead in a replaced stretch an old block looks for its new version.
const PAIR_WINDOW: usize = 8;
/// Most comparisons spent looking for moved-and-edited blocks (removed × added).
const MOVE_SEARCH_BUDGET: usize = 40_000;
/// Longest the block alignment may take before settling for a coarser answer.
const ALIGN_TIMEOUT: Duration = Duration::from_millis(400);

/// What happened to a block between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowStatus {
    /// The same text (white space aside).
    Unchanged,
    /// Edited in place.
    Edited,
    /// Edited in place, but only by a typo-sized change, punctuation or white space.
    Minor,
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In another place in the new version (perhaps edited too).
    Moved,
}

/// One block of the diff view: the new version's block (or a removed old one) with its
/// insertions and deletions marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// What happened to the block.
    pub status: RowStatus,
    /// The block's role (the new version's, for a block in both).
    pub kind: BlockKind,
    /// Index of the block in the old version's blocks, if it is there.
    pub old: Option<usize>,
    /// Index of the block in the new version's blocks, if it is there.
    pub new: Option<usize>,
    /// The text: equal runs, and deleted and inserted words where it changed.
    pub segments: Vec<Segment>,
}

impl Row {
    /// The row's text as in the new version (deleted runs left out).
    pub fn new_text(&self) -> String {
        self.segments
            .iter()
            .filter(|s| s.op != Op::Delete)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// The rows, and where each block of either version went.
#[derive(Debug, Clone, Default)]
pub struct Alignment {
    /// Rows in the new version's order, removed blocks where they stood.
    pub rows: Vec<Row>,
    /// Row of each old block (`None` for none).
    pub old_row: Vec<Option<usize>>,
    /// Row of each new block.
    pub new_row: Vec<Option<usize>>,
}

/// Key of a block: a hash of its words, so white space never makes a difference.
fn key(text: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for w in text.split_whitespace() {
        w.hash(&mut h);
    }
    h.finish()
}

/// What an old or a new block became while aligning.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Fate {
    /// Not decided yet (removed or added unless paired).
    Open,
    /// Paired in place with this block of the other version.
    Edited(usize),
    /// Moved to (or from) this block of the other version.
    Moved(usize),
}

/// Aligns the blocks of two documents. `minor_chars` is the largest edit (see
/// [`edit_size`]) of a block still counted [`RowStatus::Minor`].
pub fn align(old: &Document, new: &Document, minor_chars: usize) -> Alignment {
    let ok: Vec<u64> = old.blocks.iter().map(|b| key(&b.text)).collect();
    let nk: Vec<u64> = new.blocks.iter().map(|b| key(&b.text)).collect();
    let ops = block_ops(&ok, &nk);
    let mut old_fate = vec![Fate::Open; ok.len()];
    let mut new_fate = vec![Fate::Open; nk.len()];
    let mut deleted = Vec::new();
    let mut inserted = Vec::new();
    for op in &ops {
        match *op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => deleted.extend(old_index..old_index + old_len),
            DiffOp::Insert {
                new_index, new_len, ..
            } => inserted.extend(new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                deleted.extend(old_index..old_index + old_len);
                inserted.extend(new_index..new_index + new_len);
            }
        }
    }
    // 3. the same text elsewhere: moved
    let mut by_key: HashMap<u64, VecDeque<usize>> = HashMap::new();
    for &o in &deleted {
        if !old.blocks[o].text.trim().is_empty() {
            by_key.entry(ok[o]).or_default().push_back(o);
        }
    }
    for &n in &inserted {
        if let Some(o) = by_key.get_mut(&nk[n]).and_then(VecDeque::pop_front) {
            old_fate[o] = Fate::Moved(n);
            new_fate[n] = Fate::Moved(o);
        }
    }
    // words of the blocks that may pair, made once
    let old_bags: HashMap<usize, Bag> = deleted
        .iter()
        .filter(|&&o| old_fate[o] == Fate::Open)
        .map(|&o| (o, Bag::new(&old.blocks[o].text)))
        .collect();
    let new_bags: HashMap<usize, Bag> = inserted
        .iter()
        .filter(|&&n| new_fate[n] == Fate::Open)
        .map(|&n| (n, Bag::new(&new.blocks[n].text)))
        .collect();
    let alike = |o: usize, n: usize| match (old_bags.get(&o), new_bags.get(&n)) {
        (Some(a), Some(b)) => a.alike(b, EDITED_SIMILARITY),
        _ => None,
    };
    // 4. pairs in place inside replaced stretches
    for op in &ops {
        if let DiffOp::Replace {
            old_index,
            old_len,
            new_index,
            new_len,
        } = *op
        {
            let mut next = new_index;
            let end = new_index + new_len;
            for (o, fate) in old_fate
                .iter_mut()
                .enumerate()
                .skip(old_index)
                .take(old_len)
            {
                if *fate != Fate::Open {
                    continue;
                }
                let best = (next..end.min(next + PAIR_WINDOW))
                    .filter(|&n| new_fate[n] == Fate::Open)
                    .filter_map(|n| alike(o, n).map(|s| (n, s)))
                    .max_by(|a, b| a.1.total_cmp(&b.1));
                if let Some((n, _)) = best {
                    *fate = Fate::Edited(n);
                    new_fate[n] = Fate::Edited(o);
                    next = n + 1;
                }
            }
        }
    }
    // 5. moved and edited
    let left_old: Vec<usize> = deleted
        .iter()
        .copied()
        .filter(|&o| old_fate[o] == Fate::Open)
        .collect();
    let left_new: Vec<usize> = inserted
        .iter()
        .copied()
        .filter(|&n| new_fate[n] == Fate::Open)
        .collect();
    if left_old.len() * left_new.len() <= MOVE_SEARCH_BUDGET {
        let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
        for &o in &left_old {
            for &n in &left_new {
                if let Some(s) = alike(o, n) {
                    pairs.push((s, o, n));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, o, n) in pairs {
            if old_fate[o] == Fate::Open && new_fate[n] == Fate::Open {
                old_fate[o] = Fate::Moved(n);
                new_fate[n] = Fate::Moved(o);
            }
        }
    }
    // an old block is in place at a new index between the unchanged blocks around it
    let mut kept: Vec<Option<usize>> = vec![None; ok.len()];
    for op in &ops {
        if let DiffOp::Equal { .. } = op {
            for (o, n) in op.old_range().zip(op.new_range()) {
                kept[o] = Some(n);
            }
        }
    }
    let mut lo = vec![None; ok.len()];
    let mut hi = vec![nk.len(); ok.len()];
    for o in 1..ok.len() {
        lo[o] = kept[o - 1].or(lo[o - 1]);
    }
    for o in (0..ok.len().saturating_sub(1)).rev() {
        hi[o] = kept[o + 1].unwrap_or(hi[o + 1]);
    }
    let in_place = |o: usize, n: usize| lo[o].is_none_or(|l| l < n) && n < hi[o];
    // rows, in the new order; a removed block stands where it stood
    let mut out = Alignment {
        rows: Vec::with_capacity(nk.len() + deleted.len()),
        old_row: vec![None; ok.len()],
        new_row: vec![None; nk.len()],
    };
    for op in &ops {
        let (olds, news) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            for (o, n) in olds.zip(news) {
                out.push(Some(o), Some(n), RowStatus::Unchanged, new, vec![]);
            }
            continue;
        }
        let (mut o, mut n) = (olds.start, news.start);
        while o < olds.end || n < news.end {
            let of = (o < olds.end).then(|| old_fate[o]);
            let nf = (n < news.end).then(|| new_fate[n]);
            match (of, nf) {
                (Some(Fate::Edited(p)), Some(_)) if p == n => {
                    let segments = paragraph_diff(&old.blocks[o].text, &new.blocks[n].text);
                    let status = if edit_size(&segments) <= minor_chars {
                        RowStatus::Minor
                    } else {
                        RowStatus::Edited
                    };
                    out.push(Some(o), Some(n), status, new, segments);
                    o += 1;
                    n += 1;
                }
                (Some(Fate::Open), _) => {
                    let text = &old.blocks[o].text;
                    let row = out.rows.len();
                    out.rows.push(Row {
                        status: RowStatus::Removed,
                        kind: old.blocks[o].kind,
                        old: Some(o),
                        new: None,
                        segments: vec![Segment::new(Op::Delete, text.as_str())],
                    });
                    out.old_row[o] = Some(row);
                    o += 1;
                }
                (Some(Fate::Moved(_)), _) => o += 1,
                (_, Some(Fate::Moved(p))) => {
                    let (segments, status) = if ok[p] == nk[n] {
                        let status = if in_place(p, n) {
                            RowStatus::Unchanged
                        } else {
                            RowStatus::Moved
                        };
                        (vec![], status)
                    } else {
                        let segments = paragraph_diff(&old.blocks[p].text, &new.blocks[n].text);
                        let status = if !in_place(p, n) {
                            RowStatus::Moved
                        } else if edit_size(&segments) <= minor_chars {
                            RowStatus::Minor
                        } else {
                            RowStatus::Edited
                        };
                        (segments, status)
                    };
                    out.push(Some(p), Some(n), status, new, segments);
                    n += 1;
                }
                (_, Some(_)) => {
                    // open, or edited with an old block further on
                    let text = &new.blocks[n].text;
                    if new_fate[n] == Fate::Open {
                        let segments = vec![Segment::new(Op::Insert, text.as_str())];
                        out.push(None, Some(n), RowStatus::Added, new, segments);
                        n += 1;
                    } else if o < olds.end {
                        // the old block this one pairs with comes later: the old ones
                        // before it are handled first
                        o += 1;
                    } else {
                        n += 1;
                    }
                }
                (_, None) => o += 1,
            }
        }
    }
    out
}

/// The diff of two key sequences. Keys found on one side only cannot be equal to anything:
/// they are left out before `similar`'s Myers diff runs on the keys both sides share (so
/// its cost grows with the blocks moved, not with the blocks edited), and come back as
/// deletions and insertions between the equal blocks.
fn block_ops(ok: &[u64], nk: &[u64]) -> Vec<DiffOp> {
    let in_old: std::collections::HashSet<u64> = ok.iter().copied().collect();
    let in_new: std::collections::HashSet<u64> = nk.iter().copied().collect();
    let of: Vec<usize> = (0..ok.len()).filter(|&i| in_new.contains(&ok[i])).collect();
    let nf: Vec<usize> = (0..nk.len()).filter(|&j| in_old.contains(&nk[j])).collect();
    let a: Vec<u64> = of.iter().map(|&i| ok[i]).collect();
    let b: Vec<u64> = nf.iter().map(|&j| nk[j]).collect();
    let shared = capture_diff_slices_deadline(
        Algorithm::Myers,
        &a,
        &b,
        Some(Instant::now() + ALIGN_TIMEOUT),
    );
    let mut ops = Vec::new();
    let (mut o, mut n) = (0, 0);
    let gap = |ops: &mut Vec<DiffOp>, o: usize, po: usize, n: usize, pn: usize| {
        let (ol, nl) = (po - o, pn - n);
        match (ol, nl) {
            (0, 0) => {}
            (_, 0) => ops.push(DiffOp::Delete {
                old_index: o,
                old_len: ol,
                new_index: n,
            }),
            (0, _) => ops.push(DiffOp::Insert {
                old_index: o,
                new_index: n,
                new_len: nl,
            }),
            _ => ops.push(DiffOp::Replace {
                old_index: o,
                old_len: ol,
                new_index: n,
                new_len: nl,
            }),
        }
    };
    for op in shared {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for k in 0..len {
                let (po, pn) = (of[old_index + k], nf[new_index + k]);
                gap(&mut ops, o, po, n, pn);
                match ops.last_mut() {
                    Some(DiffOp::Equal {
                        old_index,
                        new_index,
                        len,
                    }) if *old_index + *len == po && *new_index + *len == pn => *len += 1,
                    _ => ops.push(DiffOp::Equal {
                        old_index: po,
                        new_index: pn,
                        len: 1,
                    }),
                }
                (o, n) = (po + 1, pn + 1);
            }
        }
    }
    gap(&mut ops, o, ok.len(), n, nk.len());
    ops
}

impl Alignment {
    fn push(
        &mut self,
        old: Option<usize>,
        new: Option<usize>,
        status: RowStatus,
        doc: &Document,
        segments: Vec<Segment>,
    ) {
        let row = self.rows.len();
        let n = new.unwrap_or_default();
        let segments = if segments.is_empty() {
            vec![Segment::new(Op::Equal, doc.blocks[n].text.as_str())]
        } else {
            segments
        };
        self.rows.push(Row {
            status,
            kind: doc.blocks[n].kind,
            old,
            new,
            segments,
        });
        if let Some(o) = old {
            self.old_row[o] = Some(row);
        }
        if let Some(n) = new {
            self.new_row[n] = Some(row);
        }
    }
}

/// The diff of two versions of a paragraph: sentences aligned first (a sentence kept as it
/// was is one equal run), then words inside the sentences that changed.
///
/// ```
/// use hearsay::diff::align::paragraph_diff;
/// use hearsay::diff::words::Op;
/// let d = paragraph_diff(
///     "The dam held. Crews worked all night. Roads reopened.",
///     "The dam held. Crews worked through the night. Roads reopened.",
/// );
/// let deleted: Vec<&str> = d.iter().filter(|s| s.op == Op::Delete).map(|s| s.text.as_str()).collect();
/// assert_eq!(deleted, ["all"]);
/// ```
pub fn paragraph_diff(old: &str, new: &str) -> Vec<Segment> {
    let os: Vec<&str> = old.split_sentence_bounds().collect();
    let ns: Vec<&str> = new.split_sentence_bounds().collect();
    let okeys: Vec<String> = os.iter().map(|s| words::normal(s)).collect();
    let nkeys: Vec<String> = ns.iter().map(|s| words::normal(s)).collect();
    let ops = capture_diff_slices_deadline(
        Algorithm::Myers,
        &okeys,
        &nkeys,
        Some(Instant::now() + ALIGN_TIMEOUT),
    );
    let mut out = Vec::new();
    for op in ops {
        let (o, n) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            words::push(&mut out, Op::Equal, &ns[n].concat());
        } else {
            for s in word_diff(&os[o].concat(), &ns[n].concat()) {
                words::push(&mut out, s.op, &s.text);
            }
        }
    }
    out
}
