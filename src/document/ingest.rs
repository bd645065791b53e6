//! Rebuilding an article's structure from text copied out of a browser, an e-mail or a file.
//!
//! The heuristics, in the order they apply:
//! 1. **Header.** The first line is the title. If a dateline (a line starting with a date,
//!    see [`super::date`]) or a byline (`By …`) follows within a few lines, the lines between
//!    are the dek, and the dateline's remainder is the publication.
//! 2. **Layout.** Blank lines, when the text has them, are the only paragraph breaks. Without
//!    them we look at line lengths: if most lines stop near one width the text is hard-wrapped
//!    at that width `W`, otherwise every line is a paragraph.
//! 3. **Breaks in hard-wrapped text.** A new paragraph starts at a line that is a single word
//!    after a finished sentence (pasted pages put a paragraph's first word alone on a line),
//!    after a finished sentence whose line stopped short (the next word would have fitted
//!    in `W`), and around an unwrapped line longer than `W` that ends a sentence.
//! 4. **Blocks.** A paragraph ending in a parenthesised photo credit (`(Name/Agency)`) is a
//!    caption; a short line without final punctuation between paragraphs is a subheading;
//!    a closing "… contributed to this report." is the contributors line.

use super::date::date_at_start;
use super::decode::{DecodeError, decode};
use super::text::{Clean, clean, count_removed, shown_bounds_in};
use super::{Block, BlockKind, Document, Meta};
use std::cell::Cell;
use std::ops::Range;

/// A line of the source: its byte range without the line ending, and its trimmed text.
#[derive(Debug, Clone)]
// One per source line, so kept small: a 50 MB article has about a million of them.
struct Line<'a> {
    text: &'a str,
    start: u32,
    /// The number of characters, counted the first time it is asked for (most lines of a
    /// text with blank lines between paragraphs never are); [`UNCOUNTED_CHARS`] until then.
    n_chars: Cell<u32>,
    /// [`count_words`] up to 30, counted the first time it is asked for (most lines of a
    /// text with blank lines between paragraphs never are); [`UNCOUNTED`] until then.
    words: Cell<u8>,
}

/// [`Line::words`] not counted yet.
const UNCOUNTED: u8 = u8::MAX;

/// [`Line::chars`] not counted yet (no line has as many: inputs are capped far below,
/// `decode::MAX_INPUT`).
const UNCOUNTED_CHARS: u32 = u32::MAX;

impl Line<'_> {
    /// Byte range of the trimmed line in the source.
    fn range(&self) -> Range<usize> {
        self.start as usize..self.start as usize + self.text.len()
    }
    fn chars(&self) -> usize {
        let mut n = self.n_chars.get();
        if n == UNCOUNTED_CHARS {
            n = u32::try_from(self.text.chars().count()).unwrap_or(UNCOUNTED_CHARS - 1);
            self.n_chars.set(n);
        }
        n as usize
    }
    fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
    fn words(&self) -> usize {
        let mut n = self.words.get();
        if n == UNCOUNTED {
            // only ever compared with small numbers: stop counting early
            n = count_words(self.text, 30) as u8;
            self.words.set(n);
        }
        usize::from(n)
    }
    fn first_word_chars(&self) -> usize {
        self.text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count())
    }
}

fn split_lines(source: &str) -> Vec<Line<'_>> {
    let bytes = source.as_bytes();
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', bytes).count() + 1);
    // `source.split_inclusive('\n')`, its line ends found by memchr a vector at a time
    let ends = memchr::memchr_iter(b'\n', bytes)
        .map(|nl| nl + 1)
        .chain((bytes.last() != Some(&b'\n') && !bytes.is_empty()).then_some(bytes.len()));
    // (a text without an ESC or a byte that may start a C1 control, nearly every one, has
    // no escape sequence for a line's bounds to look for)
    let may_escape = memchr::memchr2(0x1b, 0xc2, bytes).is_some();
    let mut start = 0;
    for end in ends {
        // (`trim_end_matches(['\n', '\r'])` by bytes: each is a whole character)
        let mut body_end = end;
        while body_end > start && matches!(bytes[body_end - 1], b'\n' | b'\r') {
            body_end -= 1;
        }
        let body = &source[start..body_end];
        // a BOM at the very start is not text
        let lead = if start == 0 && body.starts_with('\u{feff}') {
            3
        } else {
            0
        };
        let raw = &source[start + lead..start + body.len()];
        // whole escape sequences go with the white space around the text
        let shown = shown_bounds_in(raw, may_escape);
        let off = start + lead + shown.start;
        let trimmed = &raw[shown];
        lines.push(Line {
            text: trimmed,
            // inputs are capped far below 4 GiB (`decode::MAX_INPUT`)
            start: off as u32,
            n_chars: Cell::new(UNCOUNTED_CHARS),
            words: Cell::new(UNCOUNTED),
        });
        start = end;
    }
    lines
}

/// The bytes that are ASCII white space or may start a wider white-space character (C2,
/// E1, E2, E3): [`count_words`] skips any other byte inside a word with one load.
static MAY_BE_SPACE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1..=0xE3);
        b += 1;
    }
    t
};

/// `s.split_whitespace().take(max).count()` in one pass over the bytes, decoding only the
/// characters that may be white space beyond ASCII (their UTF-8 starts with C2, E1, E2 or
/// E3); any other byte is part of a word.
fn count_words(s: &str, max: usize) -> usize {
    let bytes = s.as_bytes();
    let (mut n, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let space = match bytes[i] {
            b'\t'..=b'\r' | b' ' => {
                i += 1;
                true
            }
            0xC2 | 0xE1..=0xE3 => {
                let c = s[i..].chars().next().unwrap_or(' ');
                i += c.len_utf8();
                c.is_whitespace()
            }
            _ => {
                // the rest of the run of bytes that are neither white space nor may start it
                // (a word's other bytes change nothing below)
                i += 1;
                while i < bytes.len() && !MAY_BE_SPACE[usize::from(bytes[i])] {
                    i += 1;
                }
                false
            }
        };
        if space {
            in_word = false;
        } else if !in_word {
            in_word = true;
            n += 1;
            if n >= max {
                break;
            }
        }
    }
    n.min(max)
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "rep.", "reps.", "sen.", "sens.", "gov.", "gen.", "lt.", "col.",
    "sgt.", "capt.", "st.", "prof.", "rev.", "hon.", "pres.", "supt.", "no.", "vs.", "v.", "jan.",
    "feb.", "aug.", "sept.", "oct.", "nov.", "dec.", "mt.", "ft.", "insp.", "det.", "cmdr.",
    "adm.", "maj.", "cpl.", "pvt.", "atty.", "sr.", "jr.",
];

/// Whether a line ends a sentence (or a clause that a paragraph can end on).
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_']);
    let Some(last) = t.chars().next_back() else {
        return false;
    };
    if !matches!(last, '.' | '!' | '?' | ':' | '…') {
        return false;
    }
    if last == '.' {
        let word = t.rsplit(char::is_whitespace).next().unwrap_or(t);
        let lower = word.to_lowercase();
        let w = lower.trim_start_matches(['“', '"', '(', '‘']);
        // initials ("S.") and titles ("Rep.") do not end sentences
        if ABBREVIATIONS.contains(&w)
            || (w.chars().count() == 2 && w.chars().next().is_some_and(char::is_alphabetic))
        {
            return false;
        }
    }
    true
}

/// Whether a word can open a paragraph: a capital, a digit or an opening mark.
fn starts_paragraph_word(text: &str) -> bool {
    text.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(
                c,
                '“' | '"' | '‘' | '\'' | '(' | '[' | '—' | '–' | '¿' | '¡'
            )
    })
}

/// A single-word line that opens a paragraph (the pasted "first word alone" layout).
fn is_lone_opening_word(line: &Line) -> bool {
    line.chars() <= 24
        && line.words() == 1
        && starts_paragraph_word(line.text)
        && !ends_sentence(line.text)
}

/// Splits a trailing parenthesised photo credit off caption text.
///
/// ```
/// use hearsay::document::ingest::split_credit;
/// assert_eq!(
///     split_credit("A harbour at dawn. (Ana Ruiz/Coastal Wire)"),
///     Some(("A harbour at dawn.", "Ana Ruiz/Coastal Wire"))
/// );
/// assert_eq!(split_credit("He left (finally)."), None);
/// ```
pub fn split_credit(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_end();
    let inner_end = t.strip_suffix(')')?;
    let open = inner_end.rfind('(')?;
    let inner = inner_end[open + 1..].trim();
    let before = inner_end[..open].trim_end();
    if inner.is_empty() || before.is_empty() || inner.chars().count() > 120 {
        return None;
    }
    let lower = inner.to_lowercase();
    let agency = [
        "photo",
        "getty",
        "reuters",
        "afp",
        "associated press",
        "images",
        "credit",
        "courtesy",
        "bloomberg",
        "epa",
        "shutterstock",
        "pool",
    ]
    .iter()
    .any(|k| lower.contains(k))
        || inner == "AP";
    let slash = inner.contains('/') && inner.chars().next().is_some_and(char::is_uppercase);
    (agency || slash).then_some((before, inner))
}

/// `OTTAWA — …` / `LONDON (Reuters) - …`: a body paragraph opening with a place dateline.
fn opens_with_dateline_place(text: &str) -> bool {
    let head: String = text.chars().take(40).collect();
    let Some(dash) = [" —", " –", " -"].iter().filter_map(|d| head.find(d)).min() else {
        return false;
    };
    let place = head[..dash]
        .trim_end_matches(|c: char| c == ')' || c.is_alphabetic() && c.is_lowercase() || c == '(');
    let letters: Vec<char> = place.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().take(4).all(|c| c.is_uppercase())
}

/// Lines that pages insert between paragraphs and that are not part of the article.
const BOILERPLATE: &[&str] = &[
    "advertisement",
    "story continues below advertisement",
    "article continued below",
    "article continues below",
    "continue reading below",
    "story continues below",
    "skip advertisement",
    "continue reading the main story",
];

fn is_boilerplate(text: &str) -> bool {
    text.len() <= 40
        && BOILERPLATE.contains(&text.trim_end_matches(['.', ':']).to_lowercase().as_str())
}

fn is_contributors(text: &str) -> bool {
    let l = text.to_lowercase();
    text.chars().count() <= 400
        && (l.contains("contributed to this report")
            || l.contains("contributed reporting")
            || l.contains("contributed to this article")
            || l.contains("contributed to this story")
            || l.starts_with("additional reporting by")
            || l.starts_with("reporting by"))
}

fn is_byline(line: &Line) -> bool {
    let t = line.text;
    (t.starts_with("By ") || t.starts_with("by ") || t.starts_with("BY "))
        && line.words() <= 14
        && !ends_sentence(t.trim_end_matches(['.']).trim_end())
}

fn dateline(line: &Line) -> Option<(String, Option<String>)> {
    if line.chars() > 120 {
        return None;
    }
    let found = date_at_start(line.text)?;
    let rest = line.text[found.len..]
        .trim_start_matches([',', ' ', '|', '·', '-', '—', '–', '•'])
        .trim();
    if rest.split_whitespace().count() > 8 {
        return None;
    }
    let lower = rest.to_lowercase();
    let publication = (!rest.is_empty()
        && !lower.starts_with("at ")
        && !rest.starts_with(|c: char| c.is_ascii_digit()))
    .then(|| rest.to_string());
    Some((found.iso, publication))
}

/// Estimated hard-wrap width of the body, when it is hard-wrapped at all.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut lens: Vec<usize> = lines
        .windows(2)
        .filter(|w| !w[0].is_blank() && !w[1].is_blank())
        .filter(|w| w[0].chars() <= 110 && w[0].words() >= 3 && !ends_sentence(w[0].text))
        .map(|w| w[0].chars())
        .collect();
    let nonblank = lines.iter().filter(|l| !l.is_blank()).count();
    if lens.len() < 2 || lens.len() * 4 < nonblank {
        return None;
    }
    lens.sort_unstable();
    let median = lens[lens.len() / 2];
    // the widest ordinary wrapped line, ignoring stray long lines
    let widest = lens
        .iter()
        .copied()
        .filter(|&l| l * 5 <= median * 6)
        .max()
        .unwrap_or(median);
    (median >= 30).then_some(widest)
}

/// Groups body lines into raw blocks (ranges of line indices).
fn group(
    lines: &[Line],
    body: Range<usize>,
    blank_mode: bool,
    width: Option<usize>,
) -> Vec<Range<usize>> {
    let mut groups: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let close = |current: &mut Option<Range<usize>>, groups: &mut Vec<Range<usize>>| {
        if let Some(g) = current.take() {
            groups.push(g);
        }
    };
    for i in body {
        let line = &lines[i];
        if line.is_blank() {
            close(&mut current, &mut groups);
            continue;
        }
        let Some(g) = current.as_mut() else {
            current = Some(i..i + 1);
            continue;
        };
        let prev = &lines[i - 1];
        // a credit spans at most a few lines: look back only that far (keeps this linear)
        let tail_text = || {
            lines[g.start.max(i.saturating_sub(3))..i]
                .iter()
                .map(|l| l.text)
                .collect::<Vec<_>>()
                .join(" ")
        };
        let prev_is_lone = g.len() == 1 && is_lone_opening_word(prev);
        let brk = if is_boilerplate(prev.text) || is_boilerplate(line.text) {
            true
        } else if prev_is_lone {
            false
        } else if prev.text.ends_with(')') && split_credit(&tail_text()).is_some() {
            true
        } else if blank_mode {
            false
        } else if let Some(w) = width {
            let done = ends_sentence(prev.text);
            // a little slack: browsers and wrappers rarely fill a line to the last column
            let fits = prev.chars() + 1 + line.first_word_chars() <= w + 3;
            let long = |l: &Line| l.chars() > w + 10;
            // a heading stops well short of the wrap width
            let subheading_before = done_or_start(lines, i - 1)
                && is_short_heading(prev)
                && prev.chars() + 1 + line.first_word_chars() + 10 <= w
                && starts_paragraph_word(line.text);
            // a lone capitalised word without final punctuation only ever opens a paragraph
            // (a paragraph's last word alone on a line carries its full stop)
            (is_lone_opening_word(line)
                && (done || !prev.text.ends_with([',', ';', '—', '–', '-', '('])))
                || (done && fits && starts_paragraph_word(line.text))
                || (done && (long(prev) || long(line)) && starts_paragraph_word(line.text))
                || (done && is_contributors(line.text))
                || subheading_before
        } else {
            true
        };
        if brk {
            close(&mut current, &mut groups);
            current = Some(i..i + 1);
        } else if let Some(g) = current.as_mut() {
            g.end = i + 1;
        }
    }
    close(&mut current, &mut groups);
    groups
}

/// True when the line before `i` ends a sentence or `i` starts the body.
fn done_or_start(lines: &[Line], i: usize) -> bool {
    i == 0 || lines[i - 1].is_blank() || ends_sentence(lines[i - 1].text)
}

fn is_short_heading(line: &Line) -> bool {
    let last = line.text.chars().next_back().unwrap_or('.');
    // (the tests of its ends first: most paragraphs end with a full stop, and their
    // characters and words are then never counted)
    !matches!(
        last,
        '.' | ',' | ';' | ':' | '!' | '”' | '"' | '’' | '\'' | ')' | '—' | '-'
    ) && !line.text.starts_with(['“', '"', '‘', '('])
        && line.chars() <= 70
        && line.words() >= 2
        && line.words() <= 10
        && starts_paragraph_word(line.text)
}

fn block(source: &str, kind: BlockKind, range: Range<usize>) -> Block {
    let c = clean(source, range.clone());
    block_from(kind, range, c, None)
}

fn block_from(kind: BlockKind, range: Range<usize>, c: Clean, credit: Option<String>) -> Block {
    Block {
        kind,
        text: c.text,
        range,
        map: c.map,
        credit,
    }
}

/// Reads article bytes: decodes them (see [`decode`]) and rebuilds the structure.
pub fn ingest_bytes(bytes: &[u8]) -> Result<Document, DecodeError> {
    let decoded = decode(bytes)?;
    let mut doc = ingest(decoded.text);
    doc.warnings.splice(0..0, decoded.warnings);
    Ok(doc)
}

/// Rebuilds the structure of an article given as text.
///
/// ```
/// use hearsay::document::{ingest, BlockKind};
/// let doc = ingest("A headline\nBy Ana Ruiz\n\nFirst paragraph.\n\nSecond one.\n".into());
/// assert_eq!(doc.meta.title.as_deref(), Some("A headline"));
/// assert_eq!(doc.meta.byline.as_deref(), Some("Ana Ruiz"));
/// assert_eq!(doc.paragraphs().count(), 2);
/// ```
pub fn ingest(source: String) -> Document {
    let lines = split_lines(&source);
    let mut blocks = Vec::new();
    let mut meta = Meta::default();

    // 1. header
    let mut nonblank = (0..lines.len()).filter(|&i| !lines[i].is_blank());
    let mut body_start = 0;
    if let Some(t) = nonblank.next() {
        let first = &lines[t];
        let first_is_meta = is_byline(first) || dateline(first).is_some();
        // headlines are short and do not end with a full stop
        if !first_is_meta
            && first.chars() <= 150
            && first.words() <= 24
            && !first.text.ends_with('.')
            && !opens_with_dateline_place(first.text)
        {
            blocks.push(block(&source, BlockKind::Title, first.range()));
            body_start = t + 1;
        }
        // dek lines until a meta line, then the run of meta lines
        let candidates: Vec<usize> = std::iter::once(t)
            .chain(nonblank)
            .filter(|&i| i >= body_start)
            .take(10)
            .collect();
        if let Some(pos) = candidates
            .iter()
            .position(|&i| is_byline(&lines[i]) || dateline(&lines[i]).is_some())
        {
            let dek_lines = &candidates[..pos];
            let dek_chars: usize = dek_lines.iter().map(|&i| lines[i].chars()).sum();
            if pos <= 6 && dek_chars <= 700 {
                if let (Some(&a), Some(&b)) = (dek_lines.first(), dek_lines.last()) {
                    blocks.push(block(
                        &source,
                        BlockKind::Dek,
                        lines[a].range().start..lines[b].range().end,
                    ));
                }
                let mut j = pos;
                while let Some(&i) = candidates.get(j) {
                    let line = &lines[i];
                    if let Some((iso, publication)) = dateline(line) {
                        meta.date.get_or_insert(iso);
                        if let Some(p) = publication {
                            meta.publication.get_or_insert(p);
                        }
                        blocks.push(block(&source, BlockKind::Dateline, line.range()));
                    } else if is_byline(line) {
                        blocks.push(block(&source, BlockKind::Byline, line.range()));
                    } else {
                        break;
                    }
                    body_start = i + 1;
                    j += 1;
                }
            }
        }
    }

    // 2. layout of the body
    let body = body_start..lines.len();
    let body_lines = &lines[body.clone()];
    let blank_lines = body_lines
        .windows(2)
        .filter(|w| w[0].is_blank() && !w[1].is_blank())
        .count();
    let nonblank_body = body_lines.iter().filter(|l| !l.is_blank()).count();
    let blank_mode =
        blank_lines >= 2 && blank_lines * 8 >= nonblank_body.saturating_sub(blank_lines);
    let width = if blank_mode {
        None
    } else {
        wrap_width(body_lines)
    };

    // 3. groups -> blocks
    let groups = group(&lines, body, blank_mode, width);
    // (a block a group, nearly: the list is not copied as it grows)
    blocks.reserve(groups.len());
    let n = groups.len();
    for (gi, g) in groups.into_iter().enumerate() {
        let range = lines[g.start].range().start..lines[g.end - 1].range().end;
        if range.len() > MAX_PARAGRAPH {
            // an unsplittable run of text (a whole article on one line): bounded pieces,
            // so that layout and analysis work on paragraphs of ordinary size
            for piece in pieces(&source, range) {
                let c = clean(&source, piece.clone());
                if !c.text.is_empty() {
                    blocks.push(block_from(BlockKind::Paragraph, piece, c, None));
                }
            }
            continue;
        }
        let c = clean(&source, range.clone());
        if c.text.is_empty() || is_boilerplate(&c.text) {
            continue;
        }
        if let Some((before, credit)) = split_credit(&c.text) {
            let credit = credit.to_string();
            let kept = c.slice(0..before.len());
            blocks.push(block_from(BlockKind::Caption, range, kept, Some(credit)));
            continue;
        }
        let kind = if gi + 2 >= n && is_contributors(&c.text) {
            BlockKind::Contributors
        } else if g.len() == 1
            && gi + 1 < n
            && is_short_heading(&lines[g.start])
            && (blank_mode || width.is_none() || gi > 0)
        {
            BlockKind::Subheading
        } else {
            BlockKind::Paragraph
        };
        blocks.push(block_from(kind, range, c, None));
    }

    for b in &blocks {
        match b.kind {
            BlockKind::Title => meta.title = Some(b.text.clone()),
            BlockKind::Dek => meta.dek = Some(b.text.clone()),
            BlockKind::Byline => {
                let name = b.text.get(3..).unwrap_or_default().trim();
                meta.byline.get_or_insert(name.to_string());
            }
            BlockKind::Contributors => meta.contributors = Some(b.text.clone()),
            _ => {}
        }
    }
    // the blocks live as long as the document: give back the growing Vec's slack
    blocks.shrink_to_fit();
    let mut doc = Document {
        source: String::new(),
        blocks,
        meta,
        warnings: Vec::new(),
    };
    let escapes = count_removed(&source);
    if escapes > 0 {
        doc.warnings.push(format!(
            "removed {escapes} control character(s) or escape sequence(s) from the text"
        ));
    }
    doc.source = source;
    doc
}

/// Longest paragraph kept whole (bytes of source). A longer one is no paragraph a writer
/// made (a whole article on one line, say) and is cut into pieces of about this size.
pub const MAX_PARAGRAPH: usize = 32 * 1024;

/// Cuts `source[range]` into pieces of at most [`MAX_PARAGRAPH`] bytes: after the last
/// sentence end (`.`, `?`, `!`, optionally closing quote, then a space) in a piece's last
/// quarter, else at its last space, else at a character boundary.
///
/// ```
/// use hearsay::document::ingest::{MAX_PARAGRAPH, pieces};
/// let text = "One sentence here. ".repeat(MAX_PARAGRAPH / 10);
/// let ps = pieces(&text, 0..text.len());
/// assert!(ps.len() > 1 && ps.iter().all(|p| p.len() <= MAX_PARAGRAPH));
/// assert!(text[ps[0].clone()].ends_with(". "));
/// assert_eq!(ps.last().unwrap().end, text.len());
/// ```
pub fn pieces(source: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    while range.end - start > MAX_PARAGRAPH {
        let mut limit = start + MAX_PARAGRAPH;
        while !source.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &source[start..limit];
        let quarter = window.len() * 3 / 4;
        let sentence = window
            .match_indices(' ')
            .rev()
            .take_while(|(i, _)| *i >= quarter)
            .find(|(i, _)| {
                window[..*i]
                    .trim_end_matches(['”', '"', '’', '\'', ')'])
                    .ends_with(['.', '?', '!'])
            })
            .map(|(i, _)| i + 1);
        let space = || {
            window
                .char_indices()
                .rev()
                .find(|(_, c)| c.is_whitespace())
                .map(|(i, c)| i + c.len_utf8())
        };
        let cut = sentence
            .or_else(space)
            .filter(|&c| c > 0)
            .unwrap_or(window.len());
        out.push(start..start + cut);
        start += cut;
    }
    out.push(start..range.end);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(s: &str) -> Vec<String> {
        ingest(s.to_string())
            .paragraphs()
            .map(|(_, b)| b.text.clone())
            .collect()
    }

    #[test]
    fn sentence_ends_ignore_initials_and_titles() {
        assert!(ends_sentence("the end."));
        assert!(ends_sentence("he said.”"));
        assert!(ends_sentence("really?’’"));
        assert!(!ends_sentence("Derek S."));
        assert!(!ends_sentence("according to Rep."));
        assert!(!ends_sentence("no stop here"));
    }

    #[test]
    fn a_first_line_ending_in_a_full_stop_is_not_a_title() {
        let doc = ingest("This is a paragraph.\n\nAnd another one.\n".into());
        assert_eq!(doc.meta.title, None);
        assert_eq!(doc.paragraphs().count(), 2);
    }

    #[test]
    fn a_place_dateline_opens_the_body_not_a_title() {
        assert!(opens_with_dateline_place("OTTAWA — The minister said"));
        assert!(opens_with_dateline_place("LONDON (Reuters) - Shares fell"));
        assert!(!opens_with_dateline_place("Ferry cuts — what next"));
        let doc = ingest("OTTAWA — The minister says talks will resume\n\nMore text.\n".into());
        assert_eq!(doc.meta.title, None);
    }

    #[test]
    fn page_boilerplate_lines_are_dropped() {
        let p =
            paragraphs("Headline here\n\nOne.\n\nStory continues below advertisement\n\nTwo.\n");
        assert_eq!(p, ["One.", "Two."]);
    }

    #[test]
    fn lone_word_opens_a_paragraph_but_a_lone_last_word_does_not() {
        let text = "Title line\nThe\nfirst paragraph runs on for a while and then it wraps at the\nend.\nSecond\nparagraph starts after a lone word and wraps at the usual\nwidth of the page and ends here.\n";
        let p = paragraphs(text);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(p[0].ends_with("at the end."));
        assert!(p[1].starts_with("Second paragraph"));
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_split_whitespace_counts_them(
            s in "[a b\t\r\n\x0b\x0c\u{85}\u{a0}\u{1680}\u{2009}\u{2028}\u{205f}\u{3000}é日’—ᚠ。\x1b]{0,40}",
            max in 0usize..8,
        ) {
            proptest::prop_assert_eq!(count_words(&s, max), s.split_whitespace().take(max).count());
        }

        #[test]
        fn lines_are_split_as_split_inclusive_splits_them(s in "[ab \r\n\u{feff}é\x1b\u{9b}m]{0,24}") {
            let mut want = Vec::new();
            let mut start = 0;
            for piece in s.split_inclusive('\n') {
                let body = piece.trim_end_matches(['\n', '\r']);
                let lead = if start == 0 && body.starts_with('\u{feff}') { 3 } else { 0 };
                let raw = &s[start + lead..start + body.len()];
                let shown = crate::document::text::shown_bounds(raw);
                want.push((start + lead + shown.start, &raw[shown]));
                start += piece.len();
            }
            let got: Vec<(usize, &str)> = split_lines(&s)
                .iter()
                .map(|l| (l.start as usize, l.text))
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn caption_credit_is_split() {
        let doc = ingest("Title\n\nA boat at dawn. (Ana Ruiz/Wire)\n\nBody text.\n".into());
        let cap = doc
            .blocks
            .iter()
            .find(|b| b.kind == BlockKind::Caption)
            .unwrap();
        assert_eq!(cap.text, "A boat at dawn.");
        assert_eq!(cap.credit.as_deref(), Some("Ana Ruiz/Wire"));
    }
}
