//! One highlight: what was marked, where, and what the reader wrote about it.
//!
//! A [`Highlight`] is anchored by byte offsets into [`Document::source`](crate::document::Document)
//! *and* by its text with up to 32 characters of context on each side (the W3C
//! TextQuote/TextPosition pair), so it can be found again after the article is edited (see
//! [`super::anchor`]). Fields this version does not know are kept in `extra` and written back.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::ops::Range;
use toml::value::Datetime;

use crate::document::Block;

/// What kind of passage a highlight marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A quotation attributed to a speaker.
    Quote,
    /// A claim (a reported assertion) attributed to a speaker.
    Claim,
    /// Any other run of text the reader selected.
    Passage,
}

impl Kind {
    /// The name used in the file and in exports (`quote`, `claim`, `passage`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Quote => "quote",
            Kind::Claim => "claim",
            Kind::Passage => "passage",
        }
    }

    /// True for kinds that carry a fact-check [`Status`] (quotes and claims).
    pub fn is_checkable(self) -> bool {
        matches!(self, Kind::Quote | Kind::Claim)
    }
}

/// Fact-check status of a quote or claim.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Not checked yet.
    #[default]
    Unchecked,
    /// Checked and found accurate.
    Verified,
    /// Contested by other sources.
    Disputed,
    /// Checked and found false.
    False,
}

impl Status {
    /// The next status in the `c` cycle: unchecked → verified → disputed → false → unchecked.
    ///
    /// ```
    /// use hearsay::annotations::Status;
    /// assert_eq!(Status::Unchecked.next(), Status::Verified);
    /// assert_eq!(Status::False.next(), Status::Unchecked);
    /// ```
    pub fn next(self) -> Status {
        match self {
            Status::Unchecked => Status::Verified,
            Status::Verified => Status::Disputed,
            Status::Disputed => Status::False,
            Status::False => Status::Unchecked,
        }
    }

    /// The name used in the file and in exports.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchecked => "unchecked",
            Status::Verified => "verified",
            Status::Disputed => "disputed",
            Status::False => "false",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a highlight stands against the document currently open (not saved in the file).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub enum Anchor {
    /// Found at its saved offsets.
    #[default]
    InPlace,
    /// Its exact text was found elsewhere (the article was edited before it).
    Moved,
    /// Found by approximate matching; `score` is in `0.0..=1.0`.
    Fuzzy {
        /// Combined text, context and distance score of the match.
        score: f32,
    },
    /// Not found: kept with its saved text and offsets, never drawn, never dropped.
    Orphaned,
}

impl Anchor {
    /// True when the highlight could not be placed in the current document.
    pub fn is_orphaned(self) -> bool {
        matches!(self, Anchor::Orphaned)
    }
}

/// One highlight, as stored in the `[[highlight]]` array of the highlights file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Highlight {
    /// Stable, unique identifier.
    pub id: String,
    /// Quote, claim or passage.
    pub kind: Kind,
    /// The highlighted text, reflowed (paragraphs separated by a blank line).
    pub text: String,
    /// Up to 32 characters before the text, white space normalised.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 characters after the text, white space normalised.
    #[serde(default)]
    pub suffix: String,
    /// Byte offset of the start in the article source.
    pub start: usize,
    /// Byte offset of the end in the article source.
    pub end: usize,
    /// Who is quoted or makes the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
    /// The reader's note (may span lines; empty when there is none).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// The reader's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Fact-check status (quotes and claims only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// When the highlight was made.
    pub created: Datetime,
    /// When it was last changed by the reader.
    pub updated: Datetime,
    /// Keys this version of hearsay does not know, kept as they were.
    #[serde(flatten)]
    pub extra: toml::Table,
    /// Placement in the currently open document (computed at load, not saved).
    #[serde(skip)]
    pub anchor: Anchor,
}

impl Highlight {
    /// Byte range in the article source.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the highlight overlaps the source byte range `r` and is placed (not orphaned).
    pub fn overlaps(&self, r: &Range<usize>) -> bool {
        !self.anchor.is_orphaned() && self.start < r.end && r.start < self.end
    }

    /// The part of this highlight inside `block`, as a byte range into `block.text`, for drawing.
    /// `None` when it does not touch the block or is orphaned.
    pub fn text_range_in(&self, block: &Block) -> Option<Range<usize>> {
        if !self.overlaps(&block.range) {
            return None;
        }
        let s = block.to_text(self.start.max(block.range.start));
        let e = block.to_text(self.end.min(block.range.end));
        (s < e).then_some(s..e)
    }

    /// The text on one line, cut to `max_chars` characters with an ellipsis (for lists).
    ///
    /// ```
    /// # use hearsay::annotations::highlight::excerpt;
    /// assert_eq!(excerpt("a  long\n\ntext here", 6), "a long…");
    /// ```
    pub fn excerpt(&self, max_chars: usize) -> String {
        excerpt(&self.text, max_chars)
    }

    /// [`Highlight::excerpt`] as a quotation, the way the lists show it: in curly quotation
    /// marks, unless the text brings its own opening mark (a highlighted quote usually
    /// does), which is not doubled.
    ///
    /// ```
    /// # use hearsay::annotations::highlight::quoted_excerpt;
    /// assert_eq!(quoted_excerpt("Work starts in April.", 40), "\u{201c}Work starts in April.\u{201d}");
    /// assert_eq!(quoted_excerpt("\u{201c}Not easy,\u{201d} she said", 40), "\u{201c}Not easy,\u{201d} she said");
    /// assert_eq!(quoted_excerpt("\"Long enough,\" he said", 12), "\"Long enough…");
    /// ```
    pub fn quoted_excerpt(&self, max_chars: usize) -> String {
        quoted_excerpt(&self.text, max_chars)
    }

    /// The note's first line (for lists), empty when there is no note.
    pub fn note_first_line(&self) -> &str {
        self.note.lines().next().unwrap_or("")
    }
}

/// `text` on one line (white space collapsed), cut to `max_chars` characters with an ellipsis.
pub fn excerpt(text: &str, max_chars: usize) -> String {
    let one = super::anchor::normalize(text);
    match one.char_indices().nth(max_chars) {
        Some((i, _)) => format!("{}…", one[..i].trim_end()),
        None => one,
    }
}

/// [`excerpt`] in quotation marks unless it opens with one (see [`Highlight::quoted_excerpt`]).
pub fn quoted_excerpt(text: &str, max_chars: usize) -> String {
    let e = excerpt(text, max_chars);
    let opens_quoted = e.starts_with([
        '\u{201c}', '"', '\u{2018}', '\'', '\u{ab}', '\u{bb}', '\u{201e}', '\u{201a}', '\u{2039}',
        '\u{300c}',
    ]);
    if opens_quoted {
        e
    } else {
        format!("\u{201c}{e}\u{201d}")
    }
}

/// The current time as a TOML datetime in UTC, to the second.
pub fn now() -> Datetime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    datetime_from_unix(secs)
}

/// A TOML UTC datetime for a Unix time in seconds.
///
/// ```
/// use hearsay::annotations::highlight::datetime_from_unix;
/// assert_eq!(datetime_from_unix(0).to_string(), "1970-01-01T00:00:00Z");
/// assert_eq!(datetime_from_unix(1_795_550_400).to_string(), "2026-11-24T20:00:00Z");
/// ```
pub fn datetime_from_unix(secs: u64) -> Datetime {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // civil-from-days (H. Hinnant's algorithm)
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Datetime {
        date: Some(toml::value::Date {
            year: year.clamp(0, 9999) as u16,
            month: month as u8,
            day: day as u8,
        }),
        time: Some(toml::value::Time {
            hour: (rem / 3600) as u8,
            minute: (rem / 60 % 60) as u8,
            second: (rem % 60) as u8,
            nanosecond: 0,
        }),
        offset: Some(toml::value::Offset::Z),
    }
}

/// A sort key for datetimes (UTC when an offset is given); missing parts count as zero.
pub(crate) fn datetime_key(d: &Datetime) -> (i64, i64) {
    let days = d.date.map_or(0, |dt| {
        let (y, m, dd) = (i64::from(dt.year), i64::from(dt.month), i64::from(dt.day));
        // days-from-civil
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y.rem_euclid(400);
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + dd - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    });
    let mut secs = d.time.map_or(0, |t| {
        i64::from(t.hour) * 3600 + i64::from(t.minute) * 60 + i64::from(t.second)
    });
    if let Some(toml::value::Offset::Custom { minutes }) = d.offset {
        secs -= i64::from(minutes) * 60;
    }
    let nanos = d.time.map_or(0, |t| i64::from(t.nanosecond));
    (days * 86_400 + secs, nanos)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datetime_key_orders_and_round_trips_unix_time() {
        for secs in [0u64, 59, 86_399, 951_782_400, 1_795_550_400, 4_102_444_800] {
            let d = datetime_from_unix(secs);
            assert_eq!(datetime_key(&d).0, secs as i64, "{d}");
        }
        let a: Datetime = "2026-11-24T20:00:00+01:00".parse().unwrap();
        let b: Datetime = "2026-11-24T19:30:00Z".parse().unwrap();
        assert!(datetime_key(&a) < datetime_key(&b));
    }
}
