//! Who said what, compared: the quotations and claims of two analyses matched by their text
//! (exactly, then fuzzily, so a reworded quote is one quote reworded and not one removed and
//! one added), and speakers compared by who they are (name and aliases), never by id, which
//! is only a position in one analysis.

use super::align::Alignment;
use super::words::{Bag, bare, edit_size, normal, word_diff};
use super::{Change, ChangeKind, Version};
use crate::attribution::{ClaimKind, SpeakerKind, SpeakerOut};
use std::collections::{HashMap, HashSet, VecDeque};

/// Least [`super::words::similarity`] for an old and a new quotation (or claim) to be one reworded.
pub const REWORDED_SIMILARITY: f32 = 0.5;
/// Most comparisons spent pairing reworded items across the whole article; past it only
/// items in the same (edited) paragraph are compared.
const PAIR_BUDGET: usize = 40_000;

/// A quotation or a claim, as compared.
#[derive(Debug)]
struct Item<'a> {
    /// White space collapsed.
    text: String,
    /// Letters and digits, lower-cased (the exact-match key).
    key: String,
    speaker: Option<&'a SpeakerOut>,
    block: usize,
    words: Bag,
}

fn quotes<'a>(v: &Version<'a>) -> Vec<Item<'a>> {
    v.analysis
        .quotes
        .iter()
        .map(|q| item(v, &q.text(v.doc), q.speaker, q.block))
        .collect()
}

/// Claims in reported speech (indirect or mixed): direct ones are the quotations.
fn claims<'a>(v: &Version<'a>) -> Vec<Item<'a>> {
    v.analysis
        .claims
        .iter()
        .filter(|c| c.kind != ClaimKind::Direct)
        .map(|c| item(v, &c.text(v.doc), c.speaker, c.block))
        .collect()
}

fn item<'a>(v: &Version<'a>, text: &str, speaker: Option<usize>, block: usize) -> Item<'a> {
    let text = normal(text);
    Item {
        key: bare(&text),
        words: Bag::new(&text),
        text,
        speaker: speaker.and_then(|id| v.analysis.speaker(id)),
        block,
    }
}

/// The names a speaker goes by, lower-cased.
fn names(s: &SpeakerOut) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&s.name)
        .chain(&s.aliases)
        .map(|n| normal(n).to_lowercase())
}

/// Whether two speakers of two analyses are the same source: the same name, one's name among
/// the other's aliases, or (for named sources of one kind) an alias in common.
///
/// ```
/// use hearsay::attribution::{SpeakerKind, SpeakerOut};
/// use hearsay::diff::sources::same_speaker;
/// let s = |id, name: &str, aliases: &[&str]| SpeakerOut {
///     id, name: name.into(), kind: SpeakerKind::Person,
///     aliases: aliases.iter().map(|a| a.to_string()).collect(),
///     role: None, quotes: 1, claims: 0,
/// };
/// assert!(same_speaker(&s(0, "Ana Ruiz", &["Ruiz"]), &s(3, "Ruiz", &[])));
/// assert!(!same_speaker(&s(0, "Ana Ruiz", &["Ruiz"]), &s(0, "Tomas Bell", &["Bell"])));
/// ```
pub fn same_speaker(a: &SpeakerOut, b: &SpeakerOut) -> bool {
    let (na, nb) = (
        normal(&a.name).to_lowercase(),
        normal(&b.name).to_lowercase(),
    );
    if na == nb || names(b).any(|n| n == na) || names(a).any(|n| n == nb) {
        return true;
    }
    if a.kind != b.kind || !is_named(a) || !is_named(b) {
        return false;
    }
    let ka: HashSet<String> = names(a).collect();
    names(b).any(|n| ka.contains(&n))
}

/// Whether a speaker is a named source (a person or organisation called by a name), as
/// opposed to an anonymous or merely described one (`a spokesperson`, `one official`).
pub fn is_named(s: &SpeakerOut) -> bool {
    /// Words that open a description, capitalised or not (`An official …`).
    const DETERMINERS: &[&str] = &[
        "a", "an", "the", "one", "another", "some", "two", "three", "several", "many",
    ];
    let mut words = s.name.split_whitespace().peekable();
    if words
        .peek()
        .is_some_and(|w| DETERMINERS.contains(&w.to_lowercase().as_str()))
    {
        words.next();
    }
    matches!(s.kind, SpeakerKind::Person | SpeakerKind::Organization)
        && words.any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

fn same(a: Option<&SpeakerOut>, b: Option<&SpeakerOut>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => same_speaker(a, b),
        _ => false,
    }
}

/// Pairs old and new items: equal texts first, in order; then the most alike left-over pairs
/// above [`REWORDED_SIMILARITY`].
fn pair(old: &[Item], new: &[Item], al: &Alignment) -> Vec<(Option<usize>, Option<usize>)> {
    let mut old_pair = vec![None; old.len()];
    let mut new_pair = vec![None; new.len()];
    let mut by_key: HashMap<&str, VecDeque<usize>> = HashMap::new();
    for (i, it) in old.iter().enumerate() {
        by_key.entry(&it.key).or_default().push_back(i);
    }
    for (j, it) in new.iter().enumerate() {
        if let Some(i) = by_key
            .get_mut(it.key.as_str())
            .and_then(VecDeque::pop_front)
        {
            old_pair[i] = Some(j);
            new_pair[j] = Some(i);
        }
    }
    let left_old: Vec<usize> = (0..old.len()).filter(|&i| old_pair[i].is_none()).collect();
    let left_new: Vec<usize> = (0..new.len()).filter(|&j| new_pair[j].is_none()).collect();
    let everywhere = left_old.len() * left_new.len() <= PAIR_BUDGET;
    let row_of_old = |i: usize| al.old_row.get(old[i].block).copied().flatten();
    let row_of_new = |j: usize| al.new_row.get(new[j].block).copied().flatten();
    let mut candidates = Vec::new();
    for &i in &left_old {
        for &j in &left_new {
            if !everywhere && (row_of_old(i).is_none() || row_of_old(i) != row_of_new(j)) {
                continue;
            }
            let s = old[i].words.dice(&new[j].words);
            if s >= REWORDED_SIMILARITY {
                candidates.push((s, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, i, j) in candidates {
        if old_pair[i].is_none() && new_pair[j].is_none() {
            old_pair[i] = Some(j);
            new_pair[j] = Some(i);
        }
    }
    let mut out: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    for (i, p) in old_pair.iter().enumerate() {
        if p.is_none() {
            out.push((Some(i), None));
        }
    }
    for (j, p) in new_pair.iter().enumerate() {
        out.push((*p, Some(j)));
    }
    out
}

/// What the comparison of quotes (or claims) produced, before minor folding.
pub(super) struct Found {
    pub changes: Vec<Change>,
    /// (old speaker, new speaker) pairs where a source went from unnamed to named or back,
    /// with the change already recorded.
    pub renamed: HashSet<(String, String)>,
}

/// Which family of items is compared.
#[derive(Clone, Copy)]
pub(super) enum Family {
    Quotes,
    Claims,
}

/// Compares the quotes (or claims) of two versions.
pub(super) fn compare(
    family: Family,
    old: &Version,
    new: &Version,
    al: &Alignment,
    minor_chars: usize,
    found: &mut Found,
) {
    let (o, n) = match family {
        Family::Quotes => (quotes(old), quotes(new)),
        Family::Claims => (claims(old), claims(new)),
    };
    let (added, removed, reworded, reattributed) = match family {
        Family::Quotes => (
            ChangeKind::QuoteAdded,
            ChangeKind::QuoteRemoved,
            ChangeKind::QuoteReworded,
            ChangeKind::QuoteReattributed,
        ),
        Family::Claims => (
            ChangeKind::ClaimAdded,
            ChangeKind::ClaimRemoved,
            ChangeKind::ClaimReworded,
            ChangeKind::ClaimReattributed,
        ),
    };
    let name = |s: Option<&SpeakerOut>| s.map(|s| s.name.clone());
    for (i, j) in pair(&o, &n, al) {
        match (i.map(|i| &o[i]), j.map(|j| &n[j])) {
            (Some(a), None) => found.changes.push(Change {
                old: Some(a.text.clone()),
                old_speaker: name(a.speaker),
                row: al.old_row.get(a.block).copied().flatten(),
                ..Change::new(removed)
            }),
            (None, Some(b)) => found.changes.push(Change {
                new: Some(b.text.clone()),
                new_speaker: name(b.speaker),
                row: al.new_row.get(b.block).copied().flatten(),
                ..Change::new(added)
            }),
            (Some(a), Some(b)) => {
                let row = al.new_row.get(b.block).copied().flatten();
                if a.key != b.key {
                    let words = word_diff(&a.text, &b.text);
                    found.changes.push(Change {
                        old: Some(a.text.clone()),
                        new: Some(b.text.clone()),
                        old_speaker: name(a.speaker),
                        new_speaker: name(b.speaker),
                        row,
                        minor: edit_size(&words) <= minor_chars,
                        words,
                        ..Change::new(reworded)
                    });
                } else if a.text != b.text {
                    // punctuation, case or quote marks only
                    found.changes.push(Change {
                        old: Some(a.text.clone()),
                        new: Some(b.text.clone()),
                        row,
                        minor: true,
                        words: word_diff(&a.text, &b.text),
                        ..Change::new(reworded)
                    });
                }
                if same(a.speaker, b.speaker) {
                    continue;
                }
                let named = (
                    a.speaker.is_some_and(|s| !is_named(s)),
                    b.speaker.map(is_named),
                );
                let kind = match named {
                    (true, Some(true)) => Some(ChangeKind::SourceNamed),
                    _ if a.speaker.is_some_and(is_named)
                        && b.speaker.is_some_and(|s| !is_named(s)) =>
                    {
                        Some(ChangeKind::SourceUnnamed)
                    }
                    _ => None,
                };
                let (from, to) = (name(a.speaker), name(b.speaker));
                if let Some(kind) = kind {
                    let key = (
                        from.clone().unwrap_or_default(),
                        to.clone().unwrap_or_default(),
                    );
                    if !found.renamed.insert(key) {
                        continue;
                    }
                    found.changes.push(Change {
                        new: Some(b.text.clone()),
                        old_speaker: from,
                        new_speaker: to,
                        row,
                        ..Change::new(kind)
                    });
                } else {
                    found.changes.push(Change {
                        new: Some(b.text.clone()),
                        old_speaker: from,
                        new_speaker: to,
                        row,
                        ..Change::new(reattributed)
                    });
                }
            }
            (None, None) => {}
        }
    }
}

/// Speakers in one version with no one of the same identity in the other (those that were
/// only renamed, unnamed ↔ named, are left out: that change is said once).
pub(super) fn speakers(old: &Version, new: &Version, al: &Alignment, found: &mut Found) {
    let first_block = |v: &Version, id: usize| {
        let q = v
            .analysis
            .quotes
            .iter()
            .filter(|q| q.speaker == Some(id))
            .map(|q| q.block);
        let c = v
            .analysis
            .claims
            .iter()
            .filter(|c| c.speaker == Some(id))
            .map(|c| c.block);
        q.chain(c).min()
    };
    let from: HashSet<&str> = found.renamed.iter().map(|(a, _)| a.as_str()).collect();
    let to: HashSet<&str> = found.renamed.iter().map(|(_, b)| b.as_str()).collect();
    let mut out = Vec::new();
    for s in &old.analysis.speakers {
        if s.quotes + s.claims > 0
            && !from.contains(s.name.as_str())
            && !new.analysis.speakers.iter().any(|t| same_speaker(s, t))
        {
            out.push(Change {
                old_speaker: Some(s.name.clone()),
                row: first_block(old, s.id).and_then(|b| al.old_row.get(b).copied().flatten()),
                ..Change::new(ChangeKind::SpeakerRemoved)
            });
        }
    }
    for s in &new.analysis.speakers {
        if s.quotes + s.claims > 0
            && !to.contains(s.name.as_str())
            && !old.analysis.speakers.iter().any(|t| same_speaker(s, t))
        {
            out.push(Change {
                new_speaker: Some(s.name.clone()),
                row: first_block(new, s.id).and_then(|b| al.new_row.get(b).copied().flatten()),
                ..Change::new(ChangeKind::SpeakerAdded)
            });
        }
    }
    found.changes.extend(out);
}
