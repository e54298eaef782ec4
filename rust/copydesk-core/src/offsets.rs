//! Byte offsets to code-point offsets.
//!
//! The core works in UTF-8 byte offsets; Python indexes `str` by code point.
//! [`CharCursor`] converts offsets in one pass when they arrive in order (as
//! token and sentence offsets do) and stays correct, if slower, when they do not.
//! ASCII text needs no conversion at all.

/// Converts byte offsets into `text` to code-point offsets.
pub struct CharCursor<'a> {
    bytes: &'a [u8],
    ascii: bool,
    byte: usize,
    char: usize,
}

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

impl<'a> CharCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCursor { bytes: text.as_bytes(), ascii: text.is_ascii(), byte: 0, char: 0 }
    }

    /// Whether offsets convert to themselves (pure ASCII text).
    pub fn is_identity(&self) -> bool {
        self.ascii
    }

    /// The code-point offset of byte offset `b` (a char boundary, at most `len`).
    #[inline]
    pub fn to_char(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if b >= self.byte {
            self.char += self.bytes[self.byte..b].iter().filter(|&&x| is_char_start(x)).count();
        } else {
            self.char -= self.bytes[b..self.byte].iter().filter(|&&x| is_char_start(x)).count();
        }
        self.byte = b;
        self.char
    }
}

/// Code-point offsets to byte offsets, for callers that hand in `str` indices.
pub fn char_to_byte(text: &str, chars: usize) -> Option<usize> {
    if text.is_ascii() {
        return (chars <= text.len()).then_some(chars);
    }
    text.char_indices().map(|(i, _)| i).chain(std::iter::once(text.len())).nth(chars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_forwards_backwards_and_at_the_end() {
        let text = "a’b😀c";
        let byte_of: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
        let mut cur = CharCursor::new(text);
        for (c, &b) in byte_of.iter().enumerate() {
            assert_eq!(cur.to_char(b), c);
        }
        for (c, &b) in byte_of.iter().enumerate().rev() {
            assert_eq!(cur.to_char(b), c);
            assert_eq!(char_to_byte(text, c), Some(b));
        }
        assert_eq!(char_to_byte(text, byte_of.len()), None);
        assert!(CharCursor::new("plain").is_identity());
    }
}
