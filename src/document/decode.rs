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
/// UTF-8 with U+FFFD and says how many bytes were replaced. Text that starts with a UTF-16
/// byte order mark (as Windows Notepad saves "Unicode") is read as UTF-16, without the mark.
///
/// ```
/// use hearsay::document::decode;
/// assert_eq!(decode(b"caf\xe9 au lait").unwrap().warnings.len(), 1);
/// assert!(decode(b"\x89PNG\r\n\x1a\n\0\0\0").is_err());
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if bytes.len() > MAX_INPUT {
        return Err(DecodeError::TooLarge(bytes.len() / (1024 * 1024)));
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        return decode_utf16(encoding, &bytes[bom..]);
    }
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
    // UTF-16 (by its byte order mark) can be valid UTF-8 too, and is not what it says
    if encoding_rs::Encoding::for_bom(&bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return decode(&bytes);
    }
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

/// Decodes UTF-16 (after its byte order mark): NUL characters still mean a binary file.
fn decode_utf16(
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
) -> Result<Decoded, DecodeError> {
    let (text, errors) = encoding.decode_without_bom_handling(bytes);
    if text.contains('\0') {
        return Err(DecodeError::Binary("NUL characters"));
    }
    if text.trim().is_empty() {
        return Err(DecodeError::Empty);
    }
    let warnings = if errors {
        vec![format!(
            "the file is not valid {}: some characters are shown as �",
            encoding.name()
        )]
    } else {
        Vec::new()
    };
    Ok(Decoded {
        text: text.into_owned(),
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owned_bytes_decode_like_borrowed_ones() {
        // UTF-16 of ASCII text is also valid UTF-8 (with NULs): its mark decides
        let utf16: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Plain words.".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        for bytes in [utf16, b"caf\xe9 au lait".to_vec(), b"plain text".to_vec()] {
            assert_eq!(
                decode_owned(bytes.clone()).map(|d| (d.text, d.warnings)),
                decode(&bytes).map(|d| (d.text, d.warnings))
            );
        }
        assert_eq!(decode_owned(b"\xff\xfeP\0".to_vec()).unwrap().text, "P");
        assert!(decode_owned(b"  \n".to_vec()).is_err());
    }

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
    fn reads_utf16_with_a_byte_order_mark() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Tide “high”\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let d = decode(&le).unwrap();
        assert_eq!(d.text, "Tide “high”\n");
        assert!(d.warnings.is_empty());
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Tide\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&be).unwrap().text, "Tide\n");
        assert_eq!(decode(b"\xff\xfe \0\n\0"), Err(DecodeError::Empty));
        assert!(matches!(
            decode(b"\xff\xfeA\0\0\0B\0"),
            Err(DecodeError::Binary(_))
        ));
        // an unpaired surrogate is replaced and said
        let d = decode(b"\xff\xfeA\0\x00\xd8B\0").unwrap();
        assert_eq!(d.text, "A\u{fffd}B");
        assert_eq!(d.warnings.len(), 1);
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
