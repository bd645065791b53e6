//! Broadcast transcripts: paragraphs that open with a speaker's label in capitals
//! (`JOAN REYES: The creek went dry in June.`, `TESS ALDER, BYLINE: …`, `HOST: …`), the
//! way radio and television transcripts print who speaks, with no quotation marks.
//!
//! A turn of a named speaker is that speaker's words (one claim, rule
//! [`super::rules::SpeakerRule::TranscriptTurn`]); a turn of the host or the reporter is
//! their own narration, whose words are read like any other paragraph's (`She says it won't
//! refill` inside it is an attribution). A label is never itself a speaker mention of the
//! words after it: its tokens are left out of the paragraph's first sentence.

use super::lexicon::Class;

/// A turn's label: the speaker's name (or a role alone, `HOST`), the role after a comma
/// (`BYLINE`), and where the turn's words start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TurnLabel<'t> {
    /// The name part, in capitals as printed (`JOAN REYES`, `HOST`).
    pub name: &'t str,
    /// The part after a comma (`HOST`, `BYLINE`), if any.
    pub role: Option<&'t str>,
    /// Byte offset where the turn's words start (the paragraph's end when the label stands
    /// alone, as NPR prints a host's first turn).
    pub start: usize,
}

/// `JOAN REYES: …`, `TESS ALDER, BYLINE: …`, `HOST: …`: a paragraph opening with one to
/// five words in capitals (at least two letters, no lowercase letter; not a teaser label
/// such as `READ MORE`), perhaps a role after a comma, then a colon.
///
/// ```
/// use hearsay::attribution::transcript::turn_label;
/// let l = turn_label("TESS ALDER, BYLINE: The road runs past a creek.").unwrap();
/// assert_eq!((l.name, l.role), ("TESS ALDER", Some("BYLINE")));
/// assert!(turn_label("READ MORE: Floods close the road").is_none());
/// assert!(turn_label("Why it matters: The levy funds clinics.").is_none());
/// assert!(turn_label("A: We wait.").is_none());
/// assert_eq!(turn_label("REYES (through interpreter): We wait.").unwrap().name, "REYES");
/// ```
pub fn turn_label(text: &str) -> Option<TurnLabel<'_>> {
    // (memchr: one call a paragraph, where a byte iterator cost several hundred instructions)
    let colon = memchr::memchr(b':', &text.as_bytes()[..text.len().min(60)])?;
    let mut label = text[..colon].trim();
    // `REYES (through interpreter):`, `COOPER (voice-over):`: how the words came, not who
    if let Some(open) = label.find(" (").filter(|_| label.ends_with(')')) {
        label = label[..open].trim_end();
    }
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    let ok = letters >= 2
        && label.starts_with(|c: char| c.is_alphabetic())
        && label.chars().all(|c| {
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(c, ' ' | ',' | '.' | '\'' | '’' | '-' | '#')
        })
        && (1..=5).contains(&label.split_whitespace().count())
        && !label.split_whitespace().any(|w| {
            let w = w.to_lowercase();
            Class::Determiner.has(&w) || Class::Preposition.has(&w)
        })
        && !Class::Teaser.has(&label.to_lowercase());
    if !ok {
        return None;
    }
    let (name, role) = match label.split_once(',') {
        Some((n, r)) => (n.trim(), Some(r.trim()).filter(|r| !r.is_empty())),
        None => (label, None),
    };
    let words = text[colon + 1..].trim_start();
    Some(TurnLabel {
        name,
        role,
        start: text.len() - words.len(),
    })
}

/// Whether a label's part names the host's or the reporter's part (`HOST`, `BYLINE`,
/// `CNN ANCHOR`): one of its words is in `words/transcript_role.txt`.
fn is_role(part: &str) -> bool {
    part.split_whitespace()
        .any(|w| Class::TranscriptRole.has(&w.to_lowercase()))
}

/// What the whole text says about its turn labels, read once.
#[derive(Debug, Default, Clone)]
pub struct Turns {
    /// Whether the text is a broadcast transcript: two labelled paragraphs or more, and a
    /// host's or reporter's label among them or a speaker labelled twice (`JOAN REYES:` …
    /// `REYES:`). A wire roundup's section labels (`FED TALK:`, `ENERGY:`) are neither.
    pub broadcast: bool,
    /// The names (and surnames) of the hosts and reporters, in capitals as printed: their
    /// later turns (`ALDER:`) are narration too.
    hosts: Vec<String>,
}

impl Turns {
    /// Reads the labels of the given paragraphs.
    pub fn read<'t>(paragraphs: impl Iterator<Item = &'t str>) -> Turns {
        let (mut labelled, mut role_seen, mut again) = (0, false, false);
        let mut hosts = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        // (`UPDATE:`, `EDITOR'S NOTE:`: a notice, no turn)
        let notice = |l: &TurnLabel| {
            l.name
                .split_whitespace()
                .all(|w| Class::TranscriptUnnamed.has(&w.to_lowercase()))
        };
        for l in paragraphs.filter_map(turn_label).filter(|l| !notice(l)) {
            labelled += 1;
            let surname = l.name.split_whitespace().last().unwrap_or(l.name);
            again |= names.contains(&surname);
            names.push(surname);
            if l.role.is_some_and(is_role) {
                role_seen = true;
                hosts.push(l.name.to_string());
                if let Some(surname) = l.name.split_whitespace().last() {
                    hosts.push(surname.to_string());
                }
            } else if is_role(l.name) {
                role_seen = true;
            }
        }
        Turns {
            broadcast: labelled >= 2 && (role_seen || again),
            hosts,
        }
    }

    /// Whether a label is the host's or the reporter's (their narration, no claim of its
    /// own), or names no one (`UNIDENTIFIED PERSON`, `CROWD`).
    pub fn narration_or_unnamed(&self, l: &TurnLabel) -> bool {
        l.role.is_some_and(is_role)
            || is_role(l.name)
            || self.hosts.iter().any(|h| h == l.name)
            || l.name
                .split_whitespace()
                .any(|w| Class::TranscriptUnnamed.has(&w.to_lowercase()))
    }
}

/// A name printed in capitals, in the case a reader expects (`JOAN O'NEIL-REYES` → `Joan
/// O'Neil-Reyes`): each word's first letter, and the letter after an apostrophe or a
/// hyphen, upper; the rest lower.
///
/// ```
/// use hearsay::attribution::transcript::title_case;
/// assert_eq!(title_case("JOAN O'NEIL-REYES"), "Joan O'Neil-Reyes");
/// ```
pub fn title_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        if upper {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        upper = matches!(c, ' ' | '\'' | '’' | '-');
    }
    out
}
