//! Corrections of the attribution analysis, made by hand and kept with the highlights.
//!
//! No analysis is right every time. A [`Correction`] records one fix the reader made:
//! - on a passage of the text (anchored like a highlight: text, context and source offsets,
//!   re-found after edits by [`super::anchor`], kept as orphaned when not found):
//!   [`Action::Reassign`] its speaker, mark it [`Action::NotAttribution`], or [`Action::Add`]
//!   an attribution the engine missed;
//! - on a speaker, by name: [`Action::Merge`] it into another, [`Action::Rename`] it, or
//!   change its kind ([`Action::SetKind`]).
//!
//! They are saved as `[[correction]]` tables in the article's highlights file:
//!
//! ```toml
//! [[correction]]
//! id = "c1f3a9c0b7d2e"
//! action = "reassign"             # reassign | not_attribution | add | merge | rename | set_kind
//! text = "…"                      # passage corrections: the passage, its context and offsets
//! prefix = "…"
//! suffix = "…"
//! start = 1234
//! end = 1300
//! speaker = "Ines Duarte"         # the speaker credited (reassign, add) or changed (merge, …)
//! speaker_kind = "person"         # a new speaker's kind (reassign, add), or the new kind
//! into = "Ines M. Duarte"         # merge: the speaker kept; rename: the new name
//! created = 2026-11-24T20:00:00Z
//! ```
//!
//! [`apply`] replays the corrections, in the order they were made, over a fresh
//! [`Analysis`]: speakers are renumbered in order of first attribution, their counts and the
//! [`Sourcing`](crate::attribution::Sourcing) are recomputed, and [`Applied`] says which
//! quotes, claims and speakers were corrected, and how many corrections took effect.

use std::collections::HashSet;
use std::ops::Range;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use toml::value::Datetime;

use super::anchor::{self, Flat, Summary};
use super::highlight::{Anchor, Highlight, Kind, now};
use crate::attribution::{Analysis, Claim, ClaimKind, Sourcing, SpeakerKind, SpeakerOut};
use crate::document::Document;

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The quote or claim at the passage is credited to `speaker`.
    Reassign,
    /// The passage is not an attribution: its claims and quotation are dropped.
    NotAttribution,
    /// The passage is an attribution the engine missed, by `speaker`.
    Add,
    /// Speaker `speaker` is the same as speaker `into` (whose name is kept).
    Merge,
    /// Speaker `speaker` is called `into`.
    Rename,
    /// Speaker `speaker` is of kind `speaker_kind`.
    SetKind,
}

impl Action {
    /// True for corrections anchored to a passage of the text (reassign, not an
    /// attribution, add); false for those naming speakers.
    pub fn is_anchored(self) -> bool {
        matches!(
            self,
            Action::Reassign | Action::NotAttribution | Action::Add
        )
    }

    /// The name used in the file (`reassign`, `not_attribution`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Action::Reassign => "reassign",
            Action::NotAttribution => "not_attribution",
            Action::Add => "add",
            Action::Merge => "merge",
            Action::Rename => "rename",
            Action::SetKind => "set_kind",
        }
    }
}

/// One correction, as stored in the `[[correction]]` array of the highlights file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    /// Stable, unique identifier (`c` and 12 hex digits).
    pub id: String,
    /// What the correction does.
    pub action: Action,
    /// The passage (anchored actions), reflowed; empty for speaker corrections.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text: String,
    /// Up to 32 characters before the passage.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prefix: String,
    /// Up to 32 characters after the passage.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub suffix: String,
    /// Byte offset of the passage's start in the article source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// Byte offset of the passage's end in the article source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// The speaker credited (reassign, add) or changed (merge, rename, set_kind).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub speaker: String,
    /// The kind of a new speaker (reassign, add), or the new kind (set_kind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_kind: Option<SpeakerKind>,
    /// Merge: the speaker kept; rename: the new name.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub into: String,
    /// When the correction was made.
    pub created: Datetime,
    /// Keys this version of hearsay does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
    /// Placement of the passage in the currently open document (computed at load).
    #[serde(skip)]
    pub anchor: Anchor,
}

impl Correction {
    /// Byte range of the passage in the article source (empty for speaker corrections).
    pub fn range(&self) -> Range<usize> {
        let s = self.start.unwrap_or(0);
        s..self.end.unwrap_or(s).max(s)
    }

    /// True when the correction's passage could not be found in the current article.
    pub fn is_orphaned(&self) -> bool {
        self.action.is_anchored() && self.anchor.is_orphaned()
    }

    /// One line saying what the correction does, for lists and exports:
    /// `“We will…” → Ines Duarte`, `Maltz = Derek S. Maltz`.
    pub fn describe(&self) -> String {
        let passage = || {
            format!(
                "\u{201c}{}\u{201d}",
                super::highlight::excerpt(&self.text, 40)
            )
        };
        match self.action {
            Action::Reassign => format!("{} \u{2192} {}", passage(), self.speaker),
            Action::Add => format!("{} added, by {}", passage(), self.speaker),
            Action::NotAttribution => format!("{} is not an attribution", passage()),
            Action::Merge => format!("{} merged into {}", self.speaker, self.into),
            Action::Rename => format!("{} renamed {}", self.speaker, self.into),
            Action::SetKind => format!(
                "{} is a {}",
                self.speaker,
                self.speaker_kind.map_or("person", SpeakerKind::as_str)
            ),
        }
    }

    /// Places the passage in `flat` with the highlights' anchoring (offsets, exact text with
    /// context, approximate match, else orphaned). Speaker corrections stay in place.
    pub fn anchor(&mut self, flat: &Flat) -> Anchor {
        if !self.action.is_anchored() {
            self.anchor = Anchor::InPlace;
            return self.anchor;
        }
        let r = self.range();
        let mut h = Highlight {
            id: self.id.clone(),
            kind: Kind::Passage,
            text: std::mem::take(&mut self.text),
            prefix: std::mem::take(&mut self.prefix),
            suffix: std::mem::take(&mut self.suffix),
            start: r.start,
            end: r.end,
            speaker: None,
            note: String::new(),
            tags: Vec::new(),
            status: None,
            created: self.created,
            updated: self.created,
            extra: toml::Table::new(),
            anchor: Anchor::InPlace,
        };
        let a = anchor::anchor(flat, &mut h);
        self.text = h.text;
        self.prefix = h.prefix;
        self.suffix = h.suffix;
        self.start = Some(h.start);
        self.end = Some(h.end);
        self.anchor = a;
        a
    }
}

/// A correction to make (see [`Corrections::add`]).
#[derive(Debug, Clone, PartialEq)]
pub enum Change {
    /// Credit the quote or claim over `range` (source bytes) to `speaker`; `kind` is used when
    /// no speaker has that name yet.
    Reassign {
        /// Source byte range of the quote or claim.
        range: Range<usize>,
        /// The speaker's name.
        speaker: String,
        /// The kind of a new speaker.
        kind: SpeakerKind,
    },
    /// The quote or claim over `range` is not an attribution.
    NotAttribution {
        /// Source byte range.
        range: Range<usize>,
    },
    /// The passage over `range` is an attribution to `speaker`.
    Add {
        /// Source byte range of the reported content.
        range: Range<usize>,
        /// The speaker's name.
        speaker: String,
        /// The kind of a new speaker.
        kind: SpeakerKind,
    },
    /// Speaker `speaker` is the same as `into`.
    Merge {
        /// The speaker merged away.
        speaker: String,
        /// The speaker kept.
        into: String,
    },
    /// Speaker `speaker` is called `to`.
    Rename {
        /// The current name.
        speaker: String,
        /// The new name.
        to: String,
    },
    /// Speaker `speaker` is of kind `kind`.
    SetKind {
        /// The speaker.
        speaker: String,
        /// The new kind.
        kind: SpeakerKind,
    },
}

/// Errors of [`Corrections::add`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CorrectionError {
    /// The passage holds no visible text.
    #[error("nothing to correct in bytes {}..{} of the article; select some text", .0.start, .0.end)]
    EmptyRange(Range<usize>),
    /// A speaker name is empty.
    #[error("a speaker needs a name")]
    NoName,
    /// Merging a speaker into itself, or renaming to the same name.
    #[error("'{0}' is already that")]
    NoChange(String),
}

/// The corrections of one article, with what changed since the file was last read or
/// written (for merging with other processes' saves, as highlights are).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(from = "Vec<Correction>", into = "Vec<Correction>")]
pub struct Corrections {
    list: Vec<Correction>,
    synced: HashSet<String>,
    dirty: HashSet<String>,
    deleted: HashSet<String>,
}

impl PartialEq for Corrections {
    fn eq(&self, other: &Self) -> bool {
        self.list == other.list
    }
}

impl From<Vec<Correction>> for Corrections {
    fn from(list: Vec<Correction>) -> Self {
        let mut c = Corrections {
            synced: list.iter().map(|c| c.id.clone()).collect(),
            ..Corrections::default()
        };
        // hand-edited files may repeat an id: give the later ones a new id, never drop them
        let mut seen = HashSet::new();
        for mut x in list {
            if !seen.insert(x.id.clone()) {
                x.id = new_id(&x.describe(), |id| seen.contains(id));
                seen.insert(x.id.clone());
                c.dirty.insert(x.id.clone());
            }
            c.list.push(x);
        }
        c
    }
}

impl From<Corrections> for Vec<Correction> {
    fn from(c: Corrections) -> Self {
        c.list
    }
}

impl Corrections {
    /// The corrections, in the order they were made.
    pub fn list(&self) -> &[Correction] {
        &self.list
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Corrections made or removed in memory since the last load or save.
    pub fn is_dirty(&self) -> bool {
        !self.dirty.is_empty() || !self.deleted.is_empty()
    }

    /// The correction with this id.
    pub fn get(&self, id: &str) -> Option<&Correction> {
        self.list.iter().find(|c| c.id == id)
    }

    /// Corrections whose passage is not in the current article (kept, never applied).
    pub fn orphaned(&self) -> impl Iterator<Item = &Correction> {
        self.list.iter().filter(|c| c.is_orphaned())
    }

    /// Places every anchored correction in `flat` and counts the results; those that moved
    /// are saved with their new place on the next save.
    pub fn anchor_all(&mut self, flat: &Flat) -> Summary {
        let mut sum = Summary::default();
        for c in self.list.iter_mut().filter(|c| c.action.is_anchored()) {
            let a = c.anchor(flat);
            sum.add(a);
            if matches!(a, Anchor::Moved | Anchor::Fuzzy { .. }) {
                self.dirty.insert(c.id.clone());
            }
        }
        sum
    }

    /// Records a correction (passages are anchored in `flat`, the document's flat text).
    /// Returns its id; [`Corrections::remove`] with it undoes it.
    pub fn add(&mut self, flat: &Flat, change: Change) -> Result<String, CorrectionError> {
        let name = |s: String| {
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            if s.is_empty() {
                Err(CorrectionError::NoName)
            } else {
                Ok(s)
            }
        };
        let mut c = Correction {
            id: String::new(),
            action: Action::Reassign,
            text: String::new(),
            prefix: String::new(),
            suffix: String::new(),
            start: None,
            end: None,
            speaker: String::new(),
            speaker_kind: None,
            into: String::new(),
            created: now(),
            extra: toml::Table::new(),
            anchor: Anchor::InPlace,
        };
        let passage = |c: &mut Correction, range: Range<usize>| {
            let r = flat.trim(flat.from_source(range.clone()));
            if r.is_empty() {
                return Err(CorrectionError::EmptyRange(range));
            }
            let src = flat.to_source(r.clone());
            c.text = flat.quote(r.clone());
            c.prefix = flat.prefix(r.start).to_string();
            c.suffix = flat.suffix(r.end).to_string();
            c.start = Some(src.start);
            c.end = Some(src.end);
            Ok(())
        };
        let is_add = matches!(change, Change::Add { .. });
        let is_merge = matches!(change, Change::Merge { .. });
        match change {
            Change::Reassign {
                range,
                speaker,
                kind,
            }
            | Change::Add {
                range,
                speaker,
                kind,
            } => {
                if is_add {
                    c.action = Action::Add;
                }
                c.speaker = name(speaker)?;
                c.speaker_kind = Some(kind);
                passage(&mut c, range)?;
            }
            Change::NotAttribution { range } => {
                c.action = Action::NotAttribution;
                passage(&mut c, range)?;
            }
            Change::Merge { speaker, into: to } | Change::Rename { speaker, to } => {
                c.action = if is_merge {
                    Action::Merge
                } else {
                    Action::Rename
                };
                c.speaker = name(speaker)?;
                c.into = name(to)?;
                if c.speaker == c.into {
                    return Err(CorrectionError::NoChange(c.speaker));
                }
            }
            Change::SetKind { speaker, kind } => {
                c.action = Action::SetKind;
                c.speaker = name(speaker)?;
                c.speaker_kind = Some(kind);
            }
        }
        c.id = new_id(&c.describe(), |id| {
            self.get(id).is_some() || self.synced.contains(id) || self.deleted.contains(id)
        });
        let id = c.id.clone();
        self.dirty.insert(id.clone());
        self.list.push(c);
        Ok(id)
    }

    /// Removes a correction (undo of [`Corrections::add`]). Returns its place and itself,
    /// for [`Corrections::put`] (redo).
    pub fn remove(&mut self, id: &str) -> Option<(usize, Correction)> {
        let i = self.list.iter().position(|c| c.id == id)?;
        self.dirty.remove(id);
        self.deleted.insert(id.to_string());
        Some((i, self.list.remove(i)))
    }

    /// Puts back a removed correction at its place (`at`, as [`Corrections::remove`]
    /// returned it: the order corrections were made in matters), re-anchored in `flat`.
    pub fn put(&mut self, flat: &Flat, at: usize, mut c: Correction) {
        c.anchor(flat);
        self.deleted.remove(&c.id);
        self.dirty.insert(c.id.clone());
        self.list.retain(|x| x.id != c.id);
        self.list.insert(at.min(self.list.len()), c);
    }

    /// Merges the corrections on disk (`disk`, just read) into memory, by id: one another
    /// process added is taken (and anchored in `flat`), one we removed stays removed, one
    /// saved before and gone from disk was removed elsewhere. Corrections never change once
    /// made, so there is nothing else to reconcile. Returns (taken, removed).
    pub fn merge(&mut self, disk: &Corrections, flat: &Flat) -> (usize, usize) {
        let ours: HashSet<&str> = self.list.iter().map(|c| c.id.as_str()).collect();
        let on_disk: HashSet<&str> = disk.list.iter().map(|c| c.id.as_str()).collect();
        let mut taken = Vec::new();
        for d in &disk.list {
            if !ours.contains(d.id.as_str()) && !self.deleted.contains(&d.id) {
                let mut d = d.clone();
                d.anchor(flat);
                taken.push(d);
            }
        }
        let before = self.list.len();
        let (synced, dirty) = (&self.synced, &self.dirty);
        self.list.retain(|c| {
            on_disk.contains(c.id.as_str()) || dirty.contains(&c.id) || !synced.contains(&c.id)
        });
        let removed = before - self.list.len();
        let n = taken.len();
        self.list.extend(taken);
        self.list
            .sort_by_key(|c| super::highlight::datetime_key(&c.created));
        (n, removed)
    }

    /// Marks everything as saved (after the file was written).
    pub fn saved(&mut self) {
        self.synced = self.list.iter().map(|c| c.id.clone()).collect();
        self.dirty.clear();
        self.deleted.clear();
    }
}

/// A new id: `c` and 12 hex digits, not taken.
fn new_id(seed: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut n: u64 = 0;
    loop {
        let mut hasher = Sha256::new();
        hasher.update(seed.as_bytes());
        hasher.update(format!("{:?}{n}", std::time::SystemTime::now()).as_bytes());
        let digest = hasher.finalize();
        let hex: String = digest[..6].iter().map(|b| format!("{b:02x}")).collect();
        let id = format!("c{hex}");
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}

/// What [`apply`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Corrections that changed the analysis.
    pub applied: usize,
    /// Corrections whose passage is not in the article (kept, listed, not applied).
    pub orphaned: usize,
    /// Corrections that found nothing to change (a speaker no longer found, a passage that
    /// is no quote or claim any more).
    pub unmatched: usize,
    /// For each quote of the corrected analysis, whether a correction changed it.
    pub quotes: Vec<bool>,
    /// For each claim, whether a correction changed or added it.
    pub claims: Vec<bool>,
    /// For each speaker, whether a correction changed it (merged, renamed, kind, new).
    pub speakers: Vec<bool>,
}

impl Applied {
    /// `2 corrections applied, 1 orphaned` (empty when there were none).
    pub fn summary(&self) -> String {
        let plural = |n: usize| if n == 1 { "correction" } else { "corrections" };
        let mut parts = Vec::new();
        if self.applied > 0 {
            parts.push(format!("{} {} applied", self.applied, plural(self.applied)));
        }
        if self.orphaned > 0 {
            parts.push(format!(
                "{} {} orphaned (text not found)",
                self.orphaned,
                plural(self.orphaned)
            ));
        }
        if self.unmatched > 0 {
            parts.push(format!(
                "{} {} with nothing to correct",
                self.unmatched,
                plural(self.unmatched)
            ));
        }
        parts.join(", ")
    }

    /// True when the quote at `i` was corrected.
    pub fn quote(&self, i: usize) -> bool {
        self.quotes.get(i).copied().unwrap_or(false)
    }

    /// True when the claim at `i` was corrected.
    pub fn claim(&self, i: usize) -> bool {
        self.claims.get(i).copied().unwrap_or(false)
    }

    /// True when the speaker with id `i` was corrected.
    pub fn speaker(&self, i: usize) -> bool {
        self.speakers.get(i).copied().unwrap_or(false)
    }
}

/// Whether an item over `item` is the target of a correction over `passage`: one contains
/// the other (a highlight inside a quotation's marks, a claim around a quoted fragment).
pub fn targets(passage: &Range<usize>, item: Range<usize>) -> bool {
    item.start < item.end
        && ((passage.start <= item.start && item.end <= passage.end)
            || (item.start <= passage.start && passage.end <= item.end))
}

/// The working state of [`apply`]: speakers with a stable key (their index in `speakers`,
/// never reused while corrections run).
struct Work<'a> {
    a: &'a mut Analysis,
    alive: Vec<bool>,
    corrected_speakers: HashSet<usize>,
    corrected_items: HashSet<(bool, usize, usize)>,
}

impl Work<'_> {
    /// The speaker called `name` (or known by it as an alias); an exact match first, then
    /// ignoring case.
    fn find(&self, name: &str) -> Option<usize> {
        let live = || {
            self.a
                .speakers
                .iter()
                .enumerate()
                .filter(|(i, _)| self.alive[*i])
        };
        live()
            .find(|(_, s)| s.name == name)
            .or_else(|| live().find(|(_, s)| s.aliases.iter().any(|a| a == name)))
            .or_else(|| live().find(|(_, s)| s.name.eq_ignore_ascii_case(name)))
            .map(|(i, _)| i)
    }

    /// The speaker called `name`, made (of `kind`) when there is none.
    fn find_or_make(&mut self, name: &str, kind: SpeakerKind) -> usize {
        if let Some(i) = self.find(name) {
            return i;
        }
        let i = self.a.speakers.len();
        self.a.speakers.push(SpeakerOut {
            id: i,
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            role: None,
            quotes: 0,
            claims: 0,
        });
        self.alive.push(true);
        self.corrected_speakers.insert(i);
        i
    }

    fn mark_quote(&mut self, q: usize) {
        let q = &self.a.quotes[q];
        self.corrected_items.insert((true, q.start, q.end));
    }

    fn mark_claim(&mut self, c: usize) {
        let c = &self.a.claims[c];
        self.corrected_items.insert((false, c.start, c.end));
    }

    /// Credits every quote and claim the passage targets to `speaker`; how many.
    fn credit(&mut self, passage: &Range<usize>, speaker: Option<usize>) -> usize {
        let mut n = 0;
        for i in 0..self.a.quotes.len() {
            let q = &self.a.quotes[i];
            if targets(passage, q.start..q.end) {
                self.a.quotes[i].speaker = speaker;
                self.mark_quote(i);
                n += 1;
            }
        }
        for i in 0..self.a.claims.len() {
            let c = &self.a.claims[i];
            if targets(passage, c.start..c.end) {
                self.a.claims[i].speaker = speaker;
                self.mark_claim(i);
                n += 1;
            }
        }
        n
    }

    fn apply(&mut self, doc: &Document, c: &Correction) -> bool {
        let passage = c.range();
        let kind = c.speaker_kind.unwrap_or(SpeakerKind::Person);
        match c.action {
            Action::Reassign => {
                let hits = self
                    .a
                    .quotes
                    .iter()
                    .any(|q| targets(&passage, q.start..q.end))
                    || self
                        .a
                        .claims
                        .iter()
                        .any(|x| targets(&passage, x.start..x.end));
                if !hits {
                    return false;
                }
                let s = self.find_or_make(&c.speaker, kind);
                self.credit(&passage, Some(s)) > 0
            }
            Action::NotAttribution => {
                let (q, cl) = (self.a.quotes.len(), self.a.claims.len());
                self.a.quotes.retain(|x| !targets(&passage, x.start..x.end));
                self.a.claims.retain(|x| !targets(&passage, x.start..x.end));
                q != self.a.quotes.len() || cl != self.a.claims.len()
            }
            Action::Add => {
                let s = self.find_or_make(&c.speaker, kind);
                if self.credit(&passage, Some(s)) > 0
                    && self
                        .a
                        .claims
                        .iter()
                        .any(|x| targets(&passage, x.start..x.end))
                {
                    return true;
                }
                let Some(claim) = new_claim(doc, &passage, s) else {
                    return false;
                };
                let at = self
                    .a
                    .claims
                    .partition_point(|x| (x.start, x.end) <= (claim.start, claim.end));
                self.a.claims.insert(at, claim);
                self.mark_claim(at);
                true
            }
            Action::Merge => {
                let (Some(from), Some(to)) = (self.find(&c.speaker), self.find(&c.into)) else {
                    return false;
                };
                if from == to {
                    return false;
                }
                for q in &mut self.a.quotes {
                    if q.speaker == Some(from) {
                        q.speaker = Some(to);
                    }
                }
                for x in &mut self.a.claims {
                    if x.speaker == Some(from) {
                        x.speaker = Some(to);
                    }
                }
                let gone = self.a.speakers[from].clone();
                let kept = &mut self.a.speakers[to];
                for alias in std::iter::once(gone.name).chain(gone.aliases) {
                    if alias != kept.name && !kept.aliases.contains(&alias) {
                        kept.aliases.push(alias);
                    }
                }
                if kept.role.is_none() {
                    kept.role = gone.role;
                }
                self.alive[from] = false;
                self.corrected_speakers.insert(to);
                true
            }
            Action::Rename => {
                let Some(i) = self.find(&c.speaker) else {
                    return false;
                };
                let s = &mut self.a.speakers[i];
                let old = std::mem::replace(&mut s.name, c.into.clone());
                s.aliases.retain(|a| *a != c.into);
                if !s.aliases.contains(&old) {
                    s.aliases.push(old);
                }
                self.corrected_speakers.insert(i);
                true
            }
            Action::SetKind => {
                let Some(i) = self.find(&c.speaker) else {
                    return false;
                };
                self.a.speakers[i].kind = kind;
                self.corrected_speakers.insert(i);
                true
            }
        }
    }
}

/// A claim over a source range the engine did not find, by speaker `s`: direct when the
/// passage is a quotation in marks, mixed when it holds one, else indirect.
fn new_claim(doc: &Document, passage: &Range<usize>, s: usize) -> Option<Claim> {
    let block = doc.block_at(passage.start)?;
    let b = &doc.blocks[block];
    let start = b.to_text(passage.start.max(b.range.start));
    let end = b.to_text(passage.end.min(b.range.end));
    if start >= end {
        return None;
    }
    let text = b.text.get(start..end)?;
    let is_mark = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}');
    let kind = if text.starts_with(is_mark) && text.ends_with(is_mark) {
        ClaimKind::Direct
    } else if text.contains(is_mark) {
        ClaimKind::Mixed
    } else {
        ClaimKind::Indirect
    };
    let paragraph = doc
        .paragraphs()
        .position(|(i, _)| i == block)
        .and_then(|n| u32::try_from(n).ok());
    Some(Claim {
        kind,
        speaker: Some(s),
        cue: None,
        start: b.to_source(start),
        end: b.to_source(end),
        paragraph,
        block,
        text_range: start..end,
        // added by the reader's own hand: as sure as an attribution gets
        confidence: 1.0,
        rule: crate::attribution::rules::Rule::Correction,
    })
}

/// Applies `corrections` (in order) to `analysis` of `doc`: the analysis becomes the
/// corrected one (speakers renumbered in order of first attribution, counts and sourcing
/// recomputed). Orphaned corrections are skipped and counted.
///
/// ```
/// use hearsay::annotations::anchor::Flat;
/// use hearsay::annotations::correction::{Change, Corrections, apply};
/// use hearsay::attribution::{SpeakerKind, analyze};
/// let doc = hearsay::document::ingest(
///     "Title\n\n“The pier will hold,” said Ana Ruiz.\n".into(),
/// );
/// let mut analysis = analyze(&doc);
/// let q = analysis.quotes[0].clone();
/// let mut corrections = Corrections::default();
/// let flat = Flat::new(&doc);
/// corrections
///     .add(&flat, Change::Reassign { range: q.start..q.end, speaker: "Tomas Vidal".into(), kind: SpeakerKind::Person })
///     .unwrap();
/// let applied = apply(&mut analysis, &doc, corrections.list());
/// assert_eq!(applied.applied, 1);
/// assert_eq!(analysis.speakers[analysis.quotes[0].speaker.unwrap()].name, "Tomas Vidal");
/// assert!(applied.quote(0));
/// ```
pub fn apply(analysis: &mut Analysis, doc: &Document, corrections: &[Correction]) -> Applied {
    let mut applied = Applied::default();
    if corrections.is_empty() {
        applied.quotes = vec![false; analysis.quotes.len()];
        applied.claims = vec![false; analysis.claims.len()];
        applied.speakers = vec![false; analysis.speakers.len()];
        return applied;
    }
    let mut w = Work {
        alive: vec![true; analysis.speakers.len()],
        a: analysis,
        corrected_speakers: HashSet::new(),
        corrected_items: HashSet::new(),
    };
    for c in corrections {
        if c.is_orphaned() {
            applied.orphaned += 1;
        } else if w.apply(doc, c) {
            applied.applied += 1;
        } else {
            applied.unmatched += 1;
        }
    }
    let Work {
        alive,
        corrected_speakers,
        corrected_items,
        ..
    } = w;
    renumber(analysis, &alive);
    // renumber keeps the old ids in `id` until it sets the new ones: map through names
    applied.quotes = analysis
        .quotes
        .iter()
        .map(|q| corrected_items.contains(&(true, q.start, q.end)))
        .collect();
    applied.claims = analysis
        .claims
        .iter()
        .map(|c| corrected_items.contains(&(false, c.start, c.end)))
        .collect();
    applied.speakers = analysis
        .speakers
        .iter()
        .map(|s| corrected_speakers.contains(&s.id))
        .collect();
    for (i, s) in analysis.speakers.iter_mut().enumerate() {
        s.id = i;
    }
    applied
}

/// The analysis of `doc` with `corrections` applied, and what they did.
pub fn analyze_corrected(doc: &Document, corrections: &[Correction]) -> (Analysis, Applied) {
    let mut analysis = crate::attribution::analyze(doc);
    let applied = apply(&mut analysis, doc, corrections);
    (analysis, applied)
}

/// Drops speakers that are merged away or credited with nothing, orders the rest by first
/// attribution, points quotes and claims at the new ids, and recounts. Each speaker's `id`
/// is left as its old key (the caller maps corrections through it, then sets `id`).
fn renumber(a: &mut Analysis, alive: &[bool]) {
    let n = a.speakers.len();
    // a merged-away speaker is credited with nothing any more (its items moved)
    let order: Vec<usize> = crate::attribution::first_attribution_order(n, &a.claims, &a.quotes)
        .into_iter()
        .filter(|&id| alive[id])
        .collect();
    let mut map: Vec<Option<usize>> = vec![None; n];
    let mut old = std::mem::take(&mut a.speakers);
    for id in order {
        map[id] = Some(a.speakers.len());
        let mut s = std::mem::replace(
            &mut old[id],
            SpeakerOut {
                id,
                name: String::new(),
                kind: SpeakerKind::Person,
                aliases: Vec::new(),
                role: None,
                quotes: 0,
                claims: 0,
            },
        );
        s.id = id;
        s.quotes = 0;
        s.claims = 0;
        a.speakers.push(s);
    }
    for c in &mut a.claims {
        c.speaker = c.speaker.and_then(|id| map.get(id).copied().flatten());
        if let Some(s) = c.speaker {
            a.speakers[s].claims += 1;
        }
    }
    for q in &mut a.quotes {
        q.speaker = q.speaker.and_then(|id| map.get(id).copied().flatten());
        if let Some(s) = q.speaker {
            a.speakers[s].quotes += 1;
        }
    }
    a.sourcing = Sourcing::count(&a.speakers, &a.claims);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::analyze;
    use crate::document::ingest;

    const STORY: &str = "Ferry fares to rise\n\n\
        “The crossing cannot run at a loss,” said Petra Lind, the operator’s director.\n\n\
        Lind said the new fares would start in June. “We waited two years,” she said.\n\n\
        The council said it would review the decision. Commuters were angry.\n";

    fn setup() -> (Document, Analysis, Flat) {
        let doc = ingest(STORY.into());
        let a = analyze(&doc);
        let flat = Flat::new(&doc);
        (doc, a, flat)
    }

    fn range(doc: &Document, needle: &str) -> Range<usize> {
        let s = doc.source.find(needle).expect("needle");
        s..s + needle.len()
    }

    fn name_of(a: &Analysis, s: Option<usize>) -> Option<&str> {
        s.map(|s| a.speakers[s].name.as_str())
    }

    #[test]
    fn reassign_to_a_new_speaker_renumbers_and_recounts() {
        let (doc, mut a, flat) = setup();
        assert_eq!(name_of(&a, a.quotes[0].speaker), Some("Petra Lind"));
        let q = a.quotes[0].clone();
        let mut cs = Corrections::default();
        cs.add(
            &flat,
            Change::Reassign {
                range: q.start..q.end,
                speaker: "Harbour board".into(),
                kind: SpeakerKind::Organization,
            },
        )
        .unwrap();
        let before = a.sourcing.clone();
        let applied = apply(&mut a, &doc, cs.list());
        assert_eq!((applied.applied, applied.orphaned), (1, 0));
        assert_eq!(name_of(&a, a.quotes[0].speaker), Some("Harbour board"));
        assert_eq!(
            a.speakers[0].name, "Harbour board",
            "first attribution first"
        );
        assert_eq!(a.speakers[0].kind, SpeakerKind::Organization);
        assert!(applied.quote(0) && applied.speaker(0) && !applied.quote(1));
        // the direct claim over the same quotation moved with it
        assert_eq!(a.sourcing.organization, before.organization + 1);
        assert_eq!(a.sourcing.named_person + 1, before.named_person);
        for (i, s) in a.speakers.iter().enumerate() {
            assert_eq!(s.id, i);
            let n = a.quotes.iter().filter(|q| q.speaker == Some(i)).count();
            assert_eq!(s.quotes, n, "{}", s.name);
        }
    }

    #[test]
    fn not_an_attribution_and_add() {
        let (doc, mut a, flat) = setup();
        let council = a
            .claims
            .iter()
            .find(|c| c.text(&doc).contains("review"))
            .cloned()
            .expect("council claim");
        let claims = a.claims.len();
        let mut cs = Corrections::default();
        cs.add(
            &flat,
            Change::NotAttribution {
                range: council.start..council.end,
            },
        )
        .unwrap();
        cs.add(
            &flat,
            Change::Add {
                range: range(&doc, "Commuters were angry"),
                speaker: "a reporter".into(),
                kind: SpeakerKind::Anonymous,
            },
        )
        .unwrap();
        let applied = apply(&mut a, &doc, cs.list());
        assert_eq!(applied.applied, 2);
        assert_eq!(a.claims.len(), claims);
        assert!(!a.claims.iter().any(|c| c.text(&doc).contains("review")));
        let i = a
            .claims
            .iter()
            .position(|c| c.text(&doc) == "Commuters were angry")
            .expect("added claim");
        assert!(applied.claim(i));
        assert_eq!(a.claims[i].kind, ClaimKind::Indirect);
        assert_eq!(name_of(&a, a.claims[i].speaker), Some("a reporter"));
        assert_eq!(a.sourcing.anonymous, 1);
    }

    #[test]
    fn merge_rename_and_kind() {
        let (doc, mut a, _) = setup();
        let flat = Flat::new(&doc);
        let council = a
            .speakers
            .iter()
            .find(|s| s.name.contains("council"))
            .map(|s| s.name.clone())
            .expect("council speaker");
        let mut cs = Corrections::default();
        cs.add(
            &flat,
            Change::Rename {
                speaker: "Petra Lind".into(),
                to: "Petra M. Lind".into(),
            },
        )
        .unwrap();
        cs.add(
            &flat,
            Change::Merge {
                speaker: council.clone(),
                into: "Petra M. Lind".into(),
            },
        )
        .unwrap();
        cs.add(
            &flat,
            Change::SetKind {
                speaker: "Lind".into(),
                kind: SpeakerKind::Document,
            },
        )
        .unwrap();
        assert_eq!(
            cs.add(
                &flat,
                Change::Merge {
                    speaker: "x".into(),
                    into: "x".into()
                }
            ),
            Err(CorrectionError::NoChange("x".into()))
        );
        let applied = apply(&mut a, &doc, cs.list());
        assert_eq!(applied.applied, 3, "{}", applied.summary());
        assert_eq!(a.speakers.len(), 1);
        let s = &a.speakers[0];
        assert_eq!(s.name, "Petra M. Lind");
        assert_eq!(s.kind, SpeakerKind::Document);
        assert!(s.aliases.contains(&"Petra Lind".to_string()));
        assert!(s.aliases.contains(&council));
        assert_eq!(s.claims, a.claims.len());
        assert_eq!(a.sourcing.document, a.claims.len());
    }

    #[test]
    fn orphaned_and_unmatched_are_counted_not_applied() {
        let (doc, mut a, flat) = setup();
        let mut cs = Corrections::default();
        let q = a.quotes[0].clone();
        cs.add(
            &flat,
            Change::Reassign {
                range: q.start..q.end,
                speaker: "Someone Else".into(),
                kind: SpeakerKind::Person,
            },
        )
        .unwrap();
        cs.add(
            &flat,
            Change::Rename {
                speaker: "Nobody Here".into(),
                to: "Still Nobody".into(),
            },
        )
        .unwrap();
        // the article is rewritten: the quotation is gone
        let edited = ingest(STORY.replace(
            "“The crossing cannot run at a loss,” said Petra Lind, the operator’s director.",
            "Timetables were printed in April for every island route.",
        ));
        let mut list: Vec<Correction> = cs.list().to_vec();
        for c in &mut list {
            c.anchor(&Flat::new(&edited));
        }
        assert!(list[0].is_orphaned());
        let mut b = analyze(&edited);
        let applied = apply(&mut b, &edited, &list);
        assert_eq!(
            (applied.applied, applied.orphaned, applied.unmatched),
            (0, 1, 1)
        );
        assert_eq!(
            applied.summary(),
            "1 correction orphaned (text not found), 1 correction with nothing to correct"
        );
        drop(doc);
        let _ = &mut a;
    }

    #[test]
    fn a_moved_passage_re_anchors_and_still_applies() {
        let (_, _, flat) = setup();
        let doc = ingest(STORY.into());
        let q = analyze(&doc).quotes[1].clone();
        let mut cs = Corrections::default();
        cs.add(
            &flat,
            Change::Reassign {
                range: q.start..q.end,
                speaker: "Jon Ek".into(),
                kind: SpeakerKind::Person,
            },
        )
        .unwrap();
        let edited = ingest(STORY.replace(
            "Ferry fares to rise\n\n",
            "Ferry fares to rise\n\nA new first paragraph, added later.\n\n",
        ));
        let mut list = cs.list().to_vec();
        let summary = {
            let mut c = Corrections::from(list.clone());
            let s = c.anchor_all(&Flat::new(&edited));
            list = c.list().to_vec();
            s
        };
        assert_eq!(summary.moved, 1);
        let mut b = analyze(&edited);
        let applied = apply(&mut b, &edited, &list);
        assert_eq!(applied.applied, 1);
        let i = b
            .quotes
            .iter()
            .position(|x| x.text(&edited).contains("two years"))
            .unwrap();
        assert_eq!(name_of(&b, b.quotes[i].speaker), Some("Jon Ek"));
    }

    #[test]
    fn corrections_round_trip_through_toml_and_merge() {
        let (_, a, flat) = setup();
        let q = a.quotes[0].clone();
        let mut ours = Corrections::default();
        let id = ours
            .add(
                &flat,
                Change::Reassign {
                    range: q.start..q.end,
                    speaker: "Jon Ek".into(),
                    kind: SpeakerKind::Person,
                },
            )
            .unwrap();
        #[derive(Serialize, Deserialize)]
        struct File {
            #[serde(rename = "correction")]
            c: Corrections,
        }
        let text = toml::to_string(&File { c: ours.clone() }).unwrap();
        assert!(text.contains("[[correction]]") && text.contains("action = \"reassign\""));
        let back: File = toml::from_str(&text).unwrap();
        assert_eq!(back.c.list()[0].text, ours.list()[0].text);
        assert!(!back.c.is_dirty());
        // another process added one; we removed ours
        let mut theirs = back.c.clone();
        theirs
            .add(
                &flat,
                Change::SetKind {
                    speaker: "Jon Ek".into(),
                    kind: SpeakerKind::Group,
                },
            )
            .unwrap();
        let mut mine = back.c;
        let (at, removed) = mine.remove(&id).unwrap();
        assert_eq!(mine.merge(&theirs, &flat), (1, 0));
        assert_eq!(mine.list().len(), 1);
        assert_eq!(mine.list()[0].action, Action::SetKind);
        mine.put(&flat, at, removed);
        assert_eq!(mine.list()[0].id, id, "put back at its place in time");
    }
}
