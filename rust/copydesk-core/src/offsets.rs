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
    /// Positions of the continuation bytes, when listed (see [`CharCursor::indexed`]).
    continuation: Option<Vec<u32>>,
    /// Continuation bytes before `byte`, when they are listed.
    seen: usize,
    byte: usize,
    char: usize,
}

/// Code points in `bytes` (a whole number of UTF-8 sequences): the bytes that
/// are not continuation bytes (`0b10xx_xxxx`), counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    let mut continuation = 0;
    let mut words = bytes.chunks_exact(8);
    for w in &mut words {
        let w = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
        // Bit 7 of each byte set and bit 6 clear.
        continuation += (w & !(w << 1) & 0x8080_8080_8080_8080).count_ones() as usize;
    }
    continuation += words.remainder().iter().filter(|&&b| b & 0xC0 == 0x80).count();
    bytes.len() - continuation
}

/// The positions of the continuation bytes of `bytes`, or `None` when there
/// are more than `max` (ASCII words are skipped eight bytes at a time).
fn continuation_bytes(bytes: &[u8], max: usize) -> Option<Vec<u32>> {
    let mut found = Vec::new();
    let mut push = |at: usize, b: u8| {
        if b & 0xC0 == 0x80 {
            found.push(at as u32);
        }
    };
    let mut words = bytes.chunks_exact(8);
    for (k, w) in (&mut words).enumerate() {
        if u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]) & 0x8080_8080_8080_8080 != 0 {
            w.iter().enumerate().for_each(|(j, &b)| push(8 * k + j, b));
        }
    }
    let tail = bytes.len() - words.remainder().len();
    words.remainder().iter().enumerate().for_each(|(j, &b)| push(tail + j, b));
    (found.len() <= max).then_some(found)
}

impl<'a> CharCursor<'a> {
    pub fn new(text: &'a str) -> Self {
        CharCursor { bytes: text.as_bytes(), ascii: text.is_ascii(), continuation: None, seen: 0, byte: 0, char: 0 }
    }

    /// As [`CharCursor::new`], for many offsets or several runs of them over
    /// one text: when the text is mostly ASCII, its continuation bytes are
    /// listed once, and an offset converts by stepping through the list
    /// rather than counting the bytes since the last offset.
    pub fn indexed(text: &'a str) -> Self {
        let mut cursor = Self::new(text);
        if !cursor.ascii && u32::try_from(text.len()).is_ok() {
            cursor.continuation = continuation_bytes(text.as_bytes(), text.len() / 16);
        }
        cursor
    }

    /// Whether offsets convert to themselves (pure ASCII text).
    pub fn is_identity(&self) -> bool {
        self.ascii
    }

    /// Back to the start of the text, for another run of ordered offsets
    /// (cheaper than a new cursor: the text is not checked for ASCII again).
    pub fn rewind(&mut self) {
        self.byte = 0;
        self.char = 0;
        self.seen = 0;
    }

    /// The code-point offset of byte offset `b` (a char boundary, at most `len`).
    #[inline]
    pub fn to_char(&mut self, b: usize) -> usize {
        if self.ascii {
            return b;
        }
        if let Some(list) = &self.continuation {
            // Code points before `b` are its bytes less the continuation bytes.
            if b >= self.byte {
                while self.seen < list.len() && (list[self.seen] as usize) < b {
                    self.seen += 1;
                }
            } else {
                while self.seen > 0 && list[self.seen - 1] as usize >= b {
                    self.seen -= 1;
                }
            }
            self.byte = b;
            return b - self.seen;
        }
        if b >= self.byte {
            self.char += count_chars(&self.bytes[self.byte..b]);
        } else {
            self.char -= count_chars(&self.bytes[b..self.byte]);
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
        cur.rewind();
        assert_eq!(cur.to_char(byte_of[3]), 3);
    }

    #[test]
    fn counts_code_points_across_word_boundaries() {
        let text = "Zürich – 東京 😀 naïve café ‘quoted’ and more plain text after it";
        let long = format!("{}{text}{}", "plain ascii words ".repeat(40), " and more".repeat(30));
        for t in [text, long.as_str()] {
            let mut plain = CharCursor::new(t);
            let mut indexed = CharCursor::indexed(t);
            assert_eq!(indexed.continuation.is_some(), t.len() > 200, "listed only when few");
            let bs: Vec<usize> = (0..=t.len()).filter(|&b| t.is_char_boundary(b)).collect();
            // Forwards, backwards, and jumping about.
            let order = bs.iter().chain(bs.iter().rev()).chain(bs.iter().step_by(7)).chain(bs.iter().rev().step_by(3));
            for &b in order {
                let expected = t[..b].chars().count();
                assert_eq!(plain.to_char(b), expected);
                assert_eq!(indexed.to_char(b), expected);
            }
            indexed.rewind();
            assert_eq!(indexed.to_char(t.len()), t.chars().count());
        }
        for a in 0..=text.len() {
            for b in a..=text.len() {
                if text.is_char_boundary(a) && text.is_char_boundary(b) {
                    assert_eq!(count_chars(&text.as_bytes()[a..b]), text[a..b].chars().count());
                }
            }
        }
    }
}
