//! Text made safe to write to a terminal. File names, notes, tags and speakers come from
//! files anyone can write; printed as they are, an ESC or C1 byte in them starts an escape
//! sequence (a new window title, a clipboard write, a cleared screen) and a bidi override
//! reorders what follows it. Here every such character is shown instead: C0 controls and
//! DEL as their Unicode control pictures (`␛` for ESC), C1 controls and bidi
//! embedding/override/isolate controls (see [`is_forbidden`]) as `�`; or, in JSON and TOML,
//! escaped as `\u001B`.

use crate::document::text::is_forbidden;
use std::borrow::Cow;

/// `s` on one line with every control and bidi control made visible (new lines and tabs
/// too: `␊`, `␉`). For file names and one-line messages.
///
/// ```
/// use hearsay::printable::printable;
/// assert_eq!(printable("a\u{1b}[2Jb\tc\u{202e}d"), "a␛[2Jb␉c�d");
/// assert_eq!(printable("plain"), "plain");
/// ```
pub fn printable(s: &str) -> Cow<'_, str> {
    visible(s, &[])
}

/// Like [`printable`] but keeps new lines and tabs, for text of several lines (exports,
/// listings).
///
/// ```
/// use hearsay::printable::printable_text;
/// assert_eq!(printable_text("a\n\tb\u{7}"), "a\n\tb␇");
/// ```
pub fn printable_text(s: &str) -> Cow<'_, str> {
    visible(s, &['\n', '\t'])
}

/// `s` with every forbidden character except new lines and tabs written as a `\uXXXX`
/// escape, for JSON and TOML basic strings (which read it back as the character itself):
/// the text stays whole and the terminal sees no control. Only correct where every such
/// character stands inside a JSON string or a TOML basic string.
///
/// ```
/// use hearsay::printable::escaped;
/// assert_eq!(escaped("{\"a\":\"x\u{9b}y\"}"), r#"{"a":"x\u009By"}"#);
/// ```
pub fn escaped(s: &str) -> Cow<'_, str> {
    let bad = |c: char| is_forbidden(c) && !matches!(c, '\n' | '\t');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{:04X}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

fn visible<'a>(s: &'a str, keep: &[char]) -> Cow<'a, str> {
    let bad = |c: char| is_forbidden(c) && !keep.contains(&c);
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    s.chars()
        .map(|c| match c as u32 {
            _ if !bad(c) => c,
            n @ 0..=0x1f => char::from_u32(0x2400 + n).unwrap_or('\u{fffd}'),
            0x7f => '\u{2421}',
            _ => '\u{fffd}',
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_escape_introducer_is_made_visible() {
        let s = "\x1b]52;c;eA==\x07 \u{9b}31m \u{9d}0;t\u{9c} \x7f \u{2066}x\u{2069} \r";
        let p = printable(s);
        assert!(!p.chars().any(is_forbidden), "{p:?}");
        assert_eq!(p, "␛]52;c;eA==␇ �31m �0;t� ␡ �x� ␍");
        assert_eq!(printable("a\nb"), "a␊b");
        assert_eq!(printable_text("a\nb\r\n"), "a\nb␍\n");
    }

    #[test]
    fn escaped_json_reads_back_whole() {
        let value = "evil \x1b]52;c;eA==\x07 \u{9b}31m \u{202e}x\ny";
        let json = serde_json::to_string(&value).expect("a string serializes");
        let safe = escaped(&json);
        assert!(!safe.chars().any(is_forbidden), "{safe}");
        let back: String = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn clean_text_is_borrowed() {
        assert!(matches!(printable("café ‘ok’ 東京"), Cow::Borrowed(_)));
        assert!(matches!(printable_text("a\n\tb"), Cow::Borrowed(_)));
        assert!(matches!(escaped("{\"a\": \"b\"}\n"), Cow::Borrowed(_)));
    }
}
