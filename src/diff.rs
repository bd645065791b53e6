//! What changed between two versions of an article, told by who said what.
//!
//! News articles are edited after publication, and the edits that matter are about sources:
//! a quotation added or removed, an anonymous source later named, a quotation given to
//! someone else, a claim softened. [`compare`] takes two documents with their analyses and
//! returns a [`Diff`]:
//! - [`Diff::rows`]: the new version block by block, with removed blocks where they stood,
//!   each marked unchanged, edited, added, removed or moved, with the words inserted and
//!   deleted inside changed sentences ([`align`], built on the `similar` crate);
//! - [`Diff::changes`]: the changes that matter, grouped ([`Group`]): headline, dek, byline
//!   and date; quotations added, removed, reworded or given to another speaker; sources
//!   named or unnamed, speakers added or removed ([`sources`], speakers compared by name and
//!   aliases); claims; and paragraphs added, removed, moved or edited;
//! - [`Diff::summary`]: one line, `3 quotes added, 1 removed, 1 source now named, headline
//!   changed`.
//!
//! Typo-sized edits, and changes of white space, punctuation or case only, are *minor*: they
//! are folded away (counted in [`Diff::minor_folded`]) unless [`Options::show_minor`].
//! A re-wrapped or reflowed copy of the same text has no change at all.
//!
//! [`snapshot`] keeps compressed copies of the texts an article had when it was highlighted,
//! so the reader can offer the diff when the text changes. No terminal code here: the TUI
//! draws a [`Diff`], `hearsay diff --json` prints it.

pub mod align;
pub mod snapshot;
pub mod sources;
pub mod words;

use crate::attribution::Analysis;
use crate::document::{BlockKind, Document};
use align::{Row, RowStatus};
use serde::Serialize;
use std::collections::BTreeMap;
use words::{Segment, bare, edit_size, normal, word_diff};

/// Version of the JSON `hearsay diff --json` prints; raised when a field changes meaning or
/// goes away (new fields may be added without raising it).
pub const SCHEMA_VERSION: u32 = 1;

/// One version of an article: its document and the analysis made of it.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its attribution analysis.
    pub analysis: &'a Analysis,
}

/// How to compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Largest edit, in letters and digits changed (see [`words::edit_size`]), still folded
    /// as minor. Default 3: a typo fixed, a digit changed in a year.
    pub minor_chars: usize,
    /// Keep minor changes in the list and marked in the text instead of folding them.
    pub show_minor: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            minor_chars: 3,
            show_minor: false,
        }
    }
}

/// The groups of the change list, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Headline, dek, byline, date.
    Header,
    /// Quotations.
    Quotes,
    /// Speakers and sources.
    Speakers,
    /// Claims in reported speech.
    Claims,
    /// Paragraphs.
    Text,
}

/// What kind of change an entry of the list is. The JSON names (`quote_added`, …) are part
/// of the stable schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// The headline changed.
    HeadlineChanged,
    /// The standfirst changed.
    DekChanged,
    /// The byline changed.
    BylineChanged,
    /// The publication date changed.
    DateChanged,
    /// A quotation is new.
    QuoteAdded,
    /// A quotation is gone.
    QuoteRemoved,
    /// A quotation's words changed.
    QuoteReworded,
    /// A quotation is credited to another speaker (or to one, or to no one).
    QuoteReattributed,
    /// An anonymous or described source is now named.
    SourceNamed,
    /// A named source is now anonymous or only described.
    SourceUnnamed,
    /// A speaker is new.
    SpeakerAdded,
    /// A speaker is gone.
    SpeakerRemoved,
    /// A claim in reported speech is new.
    ClaimAdded,
    /// A claim is gone.
    ClaimRemoved,
    /// A claim's words changed (softened, hardened, corrected).
    ClaimReworded,
    /// A claim is credited to another speaker.
    ClaimReattributed,
    /// A paragraph is new.
    ParagraphAdded,
    /// A paragraph is gone.
    ParagraphRemoved,
    /// A paragraph is in another place.
    ParagraphMoved,
    /// A paragraph was edited.
    ParagraphEdited,
}

impl ChangeKind {
    /// The group the change is listed in.
    pub fn group(self) -> Group {
        use ChangeKind::*;
        match self {
            HeadlineChanged | DekChanged | BylineChanged | DateChanged => Group::Header,
            QuoteAdded | QuoteRemoved | QuoteReworded | QuoteReattributed => Group::Quotes,
            SourceNamed | SourceUnnamed | SpeakerAdded | SpeakerRemoved => Group::Speakers,
            ClaimAdded | ClaimRemoved | ClaimReworded | ClaimReattributed => Group::Claims,
            ParagraphAdded | ParagraphRemoved | ParagraphMoved | ParagraphEdited => Group::Text,
        }
    }

    /// A short label for the change list (`quote reworded`).
    pub fn label(self) -> &'static str {
        use ChangeKind::*;
        match self {
            HeadlineChanged => "headline changed",
            DekChanged => "dek changed",
            BylineChanged => "byline changed",
            DateChanged => "date changed",
            QuoteAdded => "quote added",
            QuoteRemoved => "quote removed",
            QuoteReworded => "quote reworded",
            QuoteReattributed => "quote given to another speaker",
            SourceNamed => "source now named",
            SourceUnnamed => "source no longer named",
            SpeakerAdded => "speaker added",
            SpeakerRemoved => "speaker removed",
            ClaimAdded => "claim added",
            ClaimRemoved => "claim removed",
            ClaimReworded => "claim reworded",
            ClaimReattributed => "claim given to another speaker",
            ParagraphAdded => "paragraph added",
            ParagraphRemoved => "paragraph removed",
            ParagraphMoved => "paragraph moved",
            ParagraphEdited => "paragraph edited",
        }
    }
}

/// One entry of the change list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// What changed.
    pub kind: ChangeKind,
    /// Where it is listed.
    pub group: Group,
    /// A typo-sized change, or one of punctuation, case or white space only.
    pub minor: bool,
    /// The row of [`Diff::rows`] where it shows, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The old text (quotation, claim, field, paragraph), if there was one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old: Option<String>,
    /// The new text, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new: Option<String>,
    /// The speaker before, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_speaker: Option<String>,
    /// The speaker now, by name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_speaker: Option<String>,
    /// The word diff of `old` and `new`, when both are there and differ.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<Segment>,
}

impl Change {
    /// The label with the speakers concerned: `quote reworded (Ana Ruiz)`,
    /// `source now named (one official → Greta Holm)`.
    pub fn heading(&self) -> String {
        let label = self.kind.label();
        match (&self.old_speaker, &self.new_speaker) {
            (Some(a), Some(b)) if a != b => format!("{label} ({a} → {b})"),
            (Some(a), _) | (None, Some(a)) => format!("{label} ({a})"),
            _ => label.to_string(),
        }
    }

    /// An empty change of a kind (fields are filled with struct update syntax).
    pub fn new(kind: ChangeKind) -> Change {
        Change {
            kind,
            group: kind.group(),
            minor: false,
            row: None,
            old: None,
            new: None,
            old_speaker: None,
            new_speaker: None,
            words: Vec::new(),
        }
    }
}

/// What changed between two versions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// One line: `3 quotes added, 1 removed, 1 source now named, headline changed`.
    pub summary: String,
    /// Number of (listed) changes of each kind.
    pub counts: BTreeMap<ChangeKind, usize>,
    /// Minor changes folded away (0 when they are shown).
    pub minor_folded: usize,
    /// The changes, by group, then in reading order.
    pub changes: Vec<Change>,
    /// The new version block by block, with removed blocks where they stood.
    pub rows: Vec<Row>,
}

impl Diff {
    /// True when nothing changed (minor changes aside, when they are folded).
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

/// Compares two versions of an article.
///
/// ```
/// use hearsay::{attribution::analyze, document::ingest};
/// use hearsay::diff::{Options, Version, compare};
/// let old = ingest("Bridge to reopen\n\n“We will rebuild,” Mayor Ana Ruiz said.\n".into());
/// let new = ingest(
///     "Bridge to reopen\n\n“We will rebuild,” Mayor Ana Ruiz said.\n\n\
///      “It will take a year,” said Tomas Bell, an engineer.\n".into(),
/// );
/// let (a, b) = (analyze(&old), analyze(&new));
/// let d = compare(
///     Version { doc: &old, analysis: &a },
///     Version { doc: &new, analysis: &b },
///     &Options::default(),
/// );
/// assert_eq!(d.summary, "1 quote added, 1 speaker added, 1 paragraph added");
/// ```
pub fn compare(old: Version, new: Version, opts: &Options) -> Diff {
    let al = align::align(old.doc, new.doc, opts.minor_chars);
    let mut found = sources::Found {
        changes: header(old.doc, new.doc, &al, opts.minor_chars),
        renamed: Default::default(),
    };
    sources::compare(
        sources::Family::Quotes,
        &old,
        &new,
        &al,
        opts.minor_chars,
        &mut found,
    );
    sources::compare(
        sources::Family::Claims,
        &old,
        &new,
        &al,
        opts.minor_chars,
        &mut found,
    );
    sources::speakers(&old, &new, &al, &mut found);
    let mut changes = found.changes;
    changes.extend(paragraphs(old.doc, &al.rows));
    let mut rows = al.rows;
    let minor_folded = if opts.show_minor {
        0
    } else {
        for r in rows.iter_mut().filter(|r| r.status == RowStatus::Minor) {
            let text = r.new_text();
            r.segments = vec![Segment::new(words::Op::Equal, text)];
        }
        let before = changes.len();
        changes.retain(|c| !c.minor);
        before - changes.len()
    };
    changes.sort_by_key(|c| (c.group, c.row.unwrap_or(usize::MAX)));
    let mut counts = BTreeMap::new();
    for c in &changes {
        *counts.entry(c.kind).or_insert(0) += 1;
    }
    Diff {
        summary: summary(&changes, minor_folded),
        counts,
        minor_folded,
        changes,
        rows,
    }
}

/// Analyses two documents (side by side, on two threads) and compares them: [`compare`] for
/// callers that have no analysis yet.
///
/// ```
/// use hearsay::diff::{Options, compare_documents};
/// use hearsay::document::ingest;
/// let old = ingest("Title\n\nThe dam will hold, engineers said.\n".into());
/// let new = ingest("Title\n\nThe dam may hold, engineers said.\n".into());
/// let d = compare_documents(&old, &new, &Options::default());
/// assert_eq!(d.summary, "1 claim reworded, 1 paragraph edited");
/// ```
pub fn compare_documents(old: &Document, new: &Document, opts: &Options) -> Diff {
    let (a, b) = rayon::join(
        || crate::attribution::analyze(old),
        || crate::attribution::analyze(new),
    );
    compare(
        Version {
            doc: old,
            analysis: &a,
        },
        Version {
            doc: new,
            analysis: &b,
        },
        opts,
    )
}

/// Headline, dek, byline and date, compared.
fn header(
    old: &Document,
    new: &Document,
    al: &align::Alignment,
    minor_chars: usize,
) -> Vec<Change> {
    let (a, b) = (&old.meta, &new.meta);
    let row_of = |kind: BlockKind| {
        let n = new.blocks.iter().position(|x| x.kind == kind);
        n.and_then(|n| al.new_row[n]).or_else(|| {
            let o = old.blocks.iter().position(|x| x.kind == kind)?;
            al.old_row[o]
        })
    };
    let fields = [
        (
            ChangeKind::HeadlineChanged,
            &a.title,
            &b.title,
            BlockKind::Title,
            true,
        ),
        (ChangeKind::DekChanged, &a.dek, &b.dek, BlockKind::Dek, true),
        (
            ChangeKind::BylineChanged,
            &a.byline,
            &b.byline,
            BlockKind::Byline,
            true,
        ),
        // a date is never a typo: a day changed is a day changed
        (
            ChangeKind::DateChanged,
            &a.date,
            &b.date,
            BlockKind::Dateline,
            false,
        ),
    ];
    let mut out = Vec::new();
    for (kind, x, y, block, may_be_minor) in fields {
        let (x, y) = (x.as_deref().map(normal), y.as_deref().map(normal));
        if x == y {
            continue;
        }
        let words = match (&x, &y) {
            (Some(x), Some(y)) => word_diff(x, y),
            _ => Vec::new(),
        };
        let minor = may_be_minor
            && match (&x, &y) {
                (Some(x), Some(y)) => bare(x) == bare(y) || edit_size(&words) <= minor_chars,
                _ => false,
            };
        out.push(Change {
            old: x,
            new: y,
            minor,
            row: row_of(block),
            words,
            ..Change::new(kind)
        });
    }
    out
}

/// Body blocks added, removed, moved or edited.
fn paragraphs<'a>(old: &'a Document, rows: &'a [Row]) -> impl Iterator<Item = Change> + 'a {
    rows.iter().enumerate().filter_map(move |(i, r)| {
        if matches!(
            r.kind,
            BlockKind::Title | BlockKind::Dek | BlockKind::Byline | BlockKind::Dateline
        ) {
            return None;
        }
        let old_text = || r.old.map(|o| old.blocks[o].text.clone());
        let change = match r.status {
            RowStatus::Unchanged => return None,
            RowStatus::Added => Change {
                new: Some(r.new_text()),
                ..Change::new(ChangeKind::ParagraphAdded)
            },
            RowStatus::Removed => Change {
                old: old_text(),
                ..Change::new(ChangeKind::ParagraphRemoved)
            },
            RowStatus::Moved => Change {
                old: old_text(),
                new: Some(r.new_text()),
                words: moved_words(r),
                ..Change::new(ChangeKind::ParagraphMoved)
            },
            RowStatus::Edited | RowStatus::Minor => Change {
                minor: r.status == RowStatus::Minor,
                old: old_text(),
                new: Some(r.new_text()),
                words: r.segments.clone(),
                ..Change::new(ChangeKind::ParagraphEdited)
            },
        };
        Some(Change {
            row: Some(i),
            ..change
        })
    })
}

/// The word diff of a moved row, when it was edited too.
fn moved_words(r: &Row) -> Vec<Segment> {
    if r.segments.iter().any(|s| s.op != words::Op::Equal) {
        r.segments.clone()
    } else {
        Vec::new()
    }
}

/// The summary line: counts by kind in a fixed order, the noun said once per group (`3
/// quotes added, 1 removed`), then the folded minor edits.
///
/// ```
/// use hearsay::diff::{Change, ChangeKind, summary};
/// let c = |k| Change::new(k);
/// let list = [c(ChangeKind::QuoteAdded), c(ChangeKind::QuoteAdded), c(ChangeKind::QuoteRemoved),
///             c(ChangeKind::SourceNamed), c(ChangeKind::HeadlineChanged)];
/// assert_eq!(summary(&list, 0), "2 quotes added, 1 removed, 1 source now named, headline changed");
/// assert_eq!(summary(&[], 2), "no changes (2 minor edits folded)");
/// ```
pub fn summary(changes: &[Change], minor_folded: usize) -> String {
    use ChangeKind::*;
    let count = |k: ChangeKind| changes.iter().filter(|c| c.kind == k && !c.minor).count();
    // (noun singular, noun plural, [(kind, verb)]); the empty one stands for the header
    type Phrases<'a> = (&'a str, &'a str, &'a [(ChangeKind, &'a str)]);
    let groups: [Phrases; 7] = [
        (
            "quote",
            "quotes",
            &[
                (QuoteAdded, "added"),
                (QuoteRemoved, "removed"),
                (QuoteReworded, "reworded"),
                (QuoteReattributed, "given to another speaker"),
            ],
        ),
        ("source", "sources", &[(SourceNamed, "now named")]),
        ("source", "sources", &[(SourceUnnamed, "no longer named")]),
        (
            "speaker",
            "speakers",
            &[(SpeakerAdded, "added"), (SpeakerRemoved, "removed")],
        ),
        (
            "claim",
            "claims",
            &[
                (ClaimAdded, "added"),
                (ClaimRemoved, "removed"),
                (ClaimReworded, "reworded"),
                (ClaimReattributed, "given to another speaker"),
            ],
        ),
        ("", "", &[]),
        (
            "paragraph",
            "paragraphs",
            &[
                (ParagraphEdited, "edited"),
                (ParagraphAdded, "added"),
                (ParagraphRemoved, "removed"),
                (ParagraphMoved, "moved"),
            ],
        ),
    ];
    let mut parts: Vec<String> = Vec::new();
    for (one, many, kinds) in groups {
        if kinds.is_empty() {
            for (k, what) in [
                (HeadlineChanged, "headline changed"),
                (DekChanged, "dek changed"),
                (BylineChanged, "byline changed"),
                (DateChanged, "date changed"),
            ] {
                if count(k) > 0 {
                    parts.push(what.to_string());
                }
            }
            continue;
        }
        let mut first = true;
        for &(k, verb) in kinds {
            let n = count(k);
            if n == 0 {
                continue;
            }
            parts.push(if first {
                format!("{n} {} {verb}", if n == 1 { one } else { many })
            } else {
                format!("{n} {verb}")
            });
            first = false;
        }
    }
    let minor = changes.iter().filter(|c| c.minor).count();
    let mut line = if parts.is_empty() {
        "no changes".to_string()
    } else {
        parts.join(", ")
    };
    let plural = |n: usize| if n == 1 { "edit" } else { "edits" };
    if minor_folded > 0 {
        line.push_str(&format!(
            " ({minor_folded} minor {} folded)",
            plural(minor_folded)
        ));
    } else if minor > 0 {
        line.push_str(&format!(" ({minor} minor {})", plural(minor)));
    }
    line
}
