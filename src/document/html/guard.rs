//! A pre-pass that keeps pathological markup from making the HTML parser quadratic.
//!
//! The HTML parsing algorithm scans the stack of open elements for many start tags, so a
//! page with a hundred thousand unclosed `<div>`s takes minutes to parse. Before parsing we
//! estimate the nesting depth with a light tag scanner (skipping comments and raw-text
//! elements) and drop start tags that would nest deeper than a limit no real page reaches.
//! Their text stays; only the extra wrapping goes.

use std::borrow::Cow;

/// Deepest nesting kept. Real article pages stay well under 100.
pub(crate) const MAX_NESTING: usize = 256;

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

/// End of the tag starting at `i` (index just past `>`), honouring quoted attributes.
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

/// Returns the markup with start tags beyond `max` nesting removed (borrowed when nothing
/// had to go).
pub(crate) fn limit_nesting(html: &str, max: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0; // bytes of `html` already copied into `out`
    let mut depth = 0usize;
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
        let end = tag_end(b, lt + 1 + n);
        let self_closing = html[..end].ends_with("/>");
        if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            let lower_rest = &html[end..];
            // find the end tag case-insensitively without lower-casing the whole page
            let skip = find_ascii_ci(lower_rest, &close).unwrap_or(lower_rest.len());
            i = end + skip;
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closing || OPTIONAL_END.contains(&name.as_str()) {
            i = end;
            continue;
        }
        depth += 1;
        if depth > max {
            // drop this start tag
            let o = out.get_or_insert_with(|| String::with_capacity(html.len()));
            o.push_str(&html[copied..lt]);
            copied = end;
            depth -= 1;
        }
        i = end;
    }
    match out {
        None => Cow::Borrowed(html),
        Some(mut o) => {
            o.push_str(&html[copied..]);
            Cow::Owned(o)
        }
    }
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
        ] {
            let _ = limit_nesting(s, 2);
        }
    }
}
