//! A pre-pass that keeps pathological markup from making the HTML parser quadratic.
//!
//! The HTML parsing algorithm scans the stack of open elements for many start tags, so a
//! page with a hundred thousand unclosed `<div>`s takes minutes to parse. Before parsing we
//! estimate the nesting depth with a light tag scanner (skipping comments and raw-text
//! elements) and drop start tags that would nest deeper than a limit no real page reaches.
//! Their text stays; only the extra wrapping goes.
//!
//! The same scanner bounds attributes, as browsers bound what they keep of hostile markup:
//! the tokenizer compares each new attribute with all the earlier ones of its element
//! (quadratic in their number), and later passes copy and match attribute values many
//! times. A start tag keeps its first [`MAX_ATTRIBUTES`] attributes, and an attribute longer
//! than [`MAX_ATTRIBUTE_LEN`] bytes (a base64 image, a padded hostile value) is dropped. The
//! start tags are read with the tokenizer's own rules (quotes only count in values), so the
//! parser never sees more than the limits.

use std::borrow::Cow;

/// Deepest nesting kept. Real article pages stay well under 100.
pub(crate) const MAX_NESTING: usize = 256;

/// Attributes kept per start tag. Real elements carry a few dozen at most.
pub(crate) const MAX_ATTRIBUTES: usize = 256;

/// Longest attribute kept (`name="value"`, bytes). Longer ones are dropped whole: a cut
/// link target or image would be wrong, a missing one is only missing.
pub(crate) const MAX_ATTRIBUTE_LEN: usize = 64 * 1024;

/// What [`limit`] removed from the markup.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Limited {
    /// Start tags dropped for nesting deeper than [`MAX_NESTING`].
    pub deep_tags: usize,
    /// Attributes dropped past [`MAX_ATTRIBUTES`] on their element.
    pub extra_attributes: usize,
    /// Attributes dropped for being longer than [`MAX_ATTRIBUTE_LEN`].
    pub long_attributes: usize,
}

impl Limited {
    /// One warning per kind of thing removed, for the document's warnings.
    pub(crate) fn warnings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.deep_tags > 0 {
            out.push(format!(
                "the page nests elements more than {MAX_NESTING} deep: the extra nesting was ignored"
            ));
        }
        if self.extra_attributes > 0 {
            out.push(format!(
                "{} attribute(s) past the first {MAX_ATTRIBUTES} of an element were ignored",
                self.extra_attributes
            ));
        }
        if self.long_attributes > 0 {
            out.push(format!(
                "{} attribute(s) longer than {} KB were ignored",
                self.long_attributes,
                MAX_ATTRIBUTE_LEN / 1024
            ));
        }
        out
    }
}

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "command", "basefont", "frame", "isindex",
];

/// Elements whose end tag is often left out (closed implicitly by the next one).
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "rt",
    "rp", "colgroup", "caption", "html", "head", "body",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
];

/// The tag name starting at `s` (after `<` or `</`), lower-cased, and its byte length.
fn tag_name(s: &str) -> (String, usize) {
    let n = s
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
        .count();
    (s[..n].to_ascii_lowercase(), n)
}

/// End of a `<!…>` or `<?…>` tag starting at `i` (index just past `>`), honouring quotes.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = 0u8;
    while i < b.len() {
        let c = b[i];
        if quote != 0 {
            if c == quote {
                quote = 0;
            }
        } else if c == b'"' || c == b'\'' {
            quote = c;
        } else if c == b'>' {
            return i + 1;
        }
        i += 1;
    }
    b.len()
}

fn is_space(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0C' | b'\r' | b' ')
}

/// A start tag as the HTML tokenizer reads it.
struct StartTag {
    /// Index just past the tag's `>` (the input's length when it never closes).
    end: usize,
    /// Byte range of each attribute (`name`, `name=value`, `name="value"`).
    attributes: Vec<std::ops::Range<usize>>,
    /// True when the tag ends with `/>`.
    self_closing: bool,
}

/// Reads the attributes of a start tag from `i` (just past its name) following the
/// tokenizer's states: a quote starts a value only after `=`, so `<a b"c d>` has two
/// attributes, as the parser will see.
fn start_tag(b: &[u8], mut i: usize) -> StartTag {
    // the rest of the tag name, as the tokenizer reads it
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        // before attribute name
        while i < b.len() && (is_space(b[i]) || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return StartTag {
                end: b.len(),
                attributes,
                self_closing: false,
            };
        }
        if b[i] == b'>' {
            return StartTag {
                end: i + 1,
                attributes,
                self_closing,
            };
        }
        self_closing = false;
        let start = i;
        // attribute name (a leading `=` belongs to it)
        i += 1;
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let mut end = i;
        // after attribute name
        let mut j = i;
        while j < b.len() && is_space(b[j]) {
            j += 1;
        }
        if j < b.len() && b[j] == b'=' {
            j += 1;
            while j < b.len() && is_space(b[j]) {
                j += 1;
            }
            match b.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    j += 1;
                    while j < b.len() && b[j] != q {
                        j += 1;
                    }
                    j = (j + 1).min(b.len());
                }
                Some(b'>') | None => {}
                Some(_) => {
                    while j < b.len() && !is_space(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                }
            }
            end = j;
            i = j;
        }
        attributes.push(start..end);
    }
}

/// Returns the markup with start tags beyond [`MAX_NESTING`] removed and attributes past
/// [`MAX_ATTRIBUTES`] or longer than [`MAX_ATTRIBUTE_LEN`] dropped (borrowed when nothing had
/// to go), and what was removed.
pub(crate) fn limit(html: &str) -> (Cow<'_, str>, Limited) {
    limit_with(html, MAX_NESTING, MAX_ATTRIBUTES, MAX_ATTRIBUTE_LEN)
}

fn limit_with(
    html: &str,
    max_depth: usize,
    max_attributes: usize,
    max_len: usize,
) -> (Cow<'_, str>, Limited) {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied into `out`
    let mut depth = 0usize;
    let mut limited = Limited::default();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let lt = i + off;
        let rest = &html[lt + 1..];
        if rest.starts_with("!--") {
            i = rest.find("-->").map_or(b.len(), |e| lt + 1 + e + 3);
            continue;
        }
        if rest.starts_with('!') || rest.starts_with('?') {
            i = tag_end(b, lt + 1);
            continue;
        }
        if let Some(close) = rest.strip_prefix('/') {
            let (name, _) = tag_name(close);
            if !name.is_empty() && !OPTIONAL_END.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            i = tag_end(b, lt + 1);
            continue;
        }
        let (name, n) = tag_name(rest);
        if name.is_empty() || !rest.as_bytes()[0].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let tag = start_tag(b, lt + 1 + n);
        let end = tag.end;
        let too_many = tag.attributes.len().saturating_sub(max_attributes);
        let too_long = tag
            .attributes
            .iter()
            .take(max_attributes)
            .filter(|r| r.len() > max_len)
            .count();
        // where this tag starts in `out` when it was rewritten
        let mut rewritten_at = None;
        if too_many + too_long > 0 {
            limited.extra_attributes += too_many;
            limited.long_attributes += too_long;
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            rewritten_at = Some(o.len());
            o.push_str(&html[lt..tag.attributes[0].start]);
            for r in tag
                .attributes
                .iter()
                .take(max_attributes)
                .filter(|r| r.len() <= max_len)
            {
                o.push_str(&html[r.clone()]);
                o.push(' ');
            }
            let last = tag.attributes.last().map_or(end, |r| r.end);
            o.push_str(&html[last..end]);
            copied = end;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower_rest = &html[end..];
            // find the end tag case-insensitively without lower-casing the whole page
            let skip = find_ascii_ci(lower_rest, &close).unwrap_or(lower_rest.len());
            i = end + skip;
            continue;
        }
        if VOID.contains(&name.as_str())
            || tag.self_closing
            || OPTIONAL_END.contains(&name.as_str())
        {
            i = end;
            continue;
        }
        depth += 1;
        if depth > max_depth {
            // drop this start tag (whether or not its attributes were just copied)
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            match rewritten_at {
                Some(at) => o.truncate(at),
                None => o.push_str(&html[copied..lt]),
            }
            copied = end;
            depth -= 1;
            limited.deep_tags += 1;
        }
        i = end;
    }
    let text = match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    };
    (text, limited)
}

/// Byte offset of `needle` (ASCII) in `hay`, ignoring ASCII case.
fn find_ascii_ci(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || h.len() < n.len() {
        return None;
    }
    let first = n[0].to_ascii_lowercase();
    (0..=h.len() - n.len())
        .find(|&i| h[i].to_ascii_lowercase() == first && h[i..i + n.len()].eq_ignore_ascii_case(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit_nesting(html: &str, max: usize) -> Cow<'_, str> {
        limit_with(html, max, MAX_ATTRIBUTES, MAX_ATTRIBUTE_LEN).0
    }

    #[test]
    fn drops_only_the_excess_start_tags() {
        let deep = "<div>".repeat(10) + "text";
        assert_eq!(limit_nesting(&deep, 3), "<div><div><div>text");
        let ok = "<div><p>a<p>b</div><script>if (a<b) {'<div>'}</script><!-- <div> -->";
        assert!(matches!(limit_nesting(ok, 1), Cow::Borrowed(_)));
        let closed = "<div></div>".repeat(20);
        assert!(matches!(limit_nesting(&closed, 1), Cow::Borrowed(_)));
    }

    #[test]
    fn keeps_the_first_attributes_and_drops_long_ones() {
        let (out, l) = limit_with("<p a=1 b='2' c d=\"x y\">t</p>", 9, 2, 99);
        assert_eq!(out, "<p a=1 b='2' >t</p>");
        assert_eq!(l.extra_attributes, 2);
        let (out, l) = limit_with("<img src=\"0123456789\" alt='x'/>", 9, 9, 8);
        assert_eq!(out, "<img alt='x' />");
        assert_eq!(l.long_attributes, 1);
        // a quote inside a name does not start a value: the parser sees three attributes
        let (_, l) = limit_with("<p a\"b c d\">t", 9, 2, 99);
        assert_eq!(l.extra_attributes, 1);
        let (out, _) = limit_with("<p a b c", 9, 1, 99);
        assert_eq!(out, "<p a ");
        // a tag dropped for depth after its attributes were trimmed goes whole
        let (out, l) = limit_with("<div a b><div a='<' b>t", 1, 1, 99);
        assert_eq!(out, "<div a >t");
        assert_eq!(l.deep_tags, 1);
    }

    #[test]
    fn survives_broken_tags() {
        for s in [
            "<",
            "<div",
            "<div a='>",
            "</",
            "<!--",
            "<script>",
            "<a\u{e9}>",
            "<é",
            "<p a='",
            "<p =a>",
            "<p a = >",
        ] {
            let _ = limit_nesting(s, 2);
            let _ = limit_with(s, 2, 1, 1);
        }
    }
}
