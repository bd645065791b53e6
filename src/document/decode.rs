//! Bytes in, text out: UTF-8 decoding with clear refusals for what is not an article.

use thiserror::Error;

/// Largest input we read (bytes). Far above any article; stops a mistaken `hearsay /dev/sda`.
pub const MAX_INPUT: usize = 256 * 1024 * 1024;

/// Why some bytes cannot be read as an article.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DecodeError {
    /// Nothing but white space.
    #[error("the input is empty: there is no article to read")]
    Empty,
    /// NUL bytes or mostly control bytes: an image, an archive, an executable.
    #[error(
        "this looks like a binary file, not text (found {0}); open a text, HTML or Markdown article"
    )]
    Binary(&'static str),
    /// Beyond [`MAX_INPUT`].
    #[error("the input is {0} MB, over the {limit} MB limit", limit = MAX_INPUT / (1024 * 1024))]
    TooLarge(usize),
}

/// Decoded text plus what had to be repaired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text. Identical to the input bytes when they were valid UTF-8.
    pub text: String,
    /// Human-readable notes about repairs (invalid bytes replaced).
    pub warnings: Vec<String>,
}

/// Decodes article bytes: refuses empty, binary and oversized input, replaces invalid
/// UTF-8 with U+FFFD and says how many bytes were replaced.
///
/// ```
/// use hearsay::document::decode;
/// assert_eq!(decode(b"caf\xe9 au lait").unwrap().warnings.len(), 1);
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    check(bytes)?;
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => {
            let lossy = String::from_utf8_lossy(bytes).into_owned();
            let replaced = lossy.matches('\u{fffd}').count();
            warnings.push(format!(
                "the file is not valid UTF-8: {replaced} invalid byte sequence(s) shown as �"
            ));
            lossy
        }
    };
    not_empty(Decoded { text, warnings })
}

/// [`decode`] for bytes the caller gives away: valid UTF-8 becomes the text without a copy
/// (on a 50 MB article that copy is 50 MB more at the busiest moment).
pub fn decode_owned(bytes: Vec<u8>) -> Result<Decoded, DecodeError> {
    check(&bytes)?;
    match String::from_utf8(bytes) {
        Ok(text) => not_empty(Decoded {
            text,
            warnings: Vec::new(),
        }),
        Err(e) => decode(e.as_bytes()),
    }
}

fn not_empty(d: Decoded) -> Result<Decoded, DecodeError> {
    if d.text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    Ok(d)
}

/// Refuses oversized and binary input.
fn check(bytes: &[u8]) -> Result<(), DecodeError> {
    if bytes.len() > MAX_INPUT {
        return Err(DecodeError::TooLarge(bytes.len() / (1024 * 1024)));
    }
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return Err(DecodeError::Binary("NUL bytes"));
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b))
        .count();
    if head.len() >= 32 && controls * 10 > head.len() {
        return Err(DecodeError::Binary("many control bytes"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_empty_and_binary() {
        assert_eq!(decode(b""), Err(DecodeError::Empty));
        assert_eq!(decode(b" \n\t\n"), Err(DecodeError::Empty));
        assert_eq!(decode(b"\xef\xbb\xbf\n"), Err(DecodeError::Empty));
        assert!(matches!(decode(b"GIF89a\0\0"), Err(DecodeError::Binary(_))));
        let noise: Vec<u8> = (0..200u8).map(|i| i % 8).collect();
        assert!(matches!(decode(&noise), Err(DecodeError::Binary(_))));
    }

    #[test]
    fn replaces_invalid_utf8_with_a_warning() {
        let d = decode(b"na\xefve \xff text").unwrap();
        assert!(d.text.contains('\u{fffd}'));
        assert_eq!(d.warnings.len(), 1);
        assert!(d.warnings[0].contains("UTF-8"));
        assert!(
            decode("plain ‘text’".as_bytes())
                .unwrap()
                .warnings
                .is_empty()
        );
    }
}
