//! UAX #29 word boundaries, through the unicode-segmentation crate.
//!
//! Used whole in the `uax29` mode, and for chunks of scripts that English rules
//! do not fit (Han, Kana, Thai, Hangul, Arabic, Hebrew, Devanagari, ...).

use super::{Token, TokenKind};
use crate::chars::{class_of, Class};
use unicode_segmentation::UnicodeSegmentation;

/// Tokens at UAX #29 word boundaries, whitespace segments left out.
pub fn tokenize_uax29(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    push_uax29(text, 0, text.len(), &mut out);
    out
}

/// Appends the UAX #29 words of `text[s..e]`, skipping whitespace-only segments.
pub(crate) fn push_uax29(text: &str, s: usize, e: usize, out: &mut Vec<Token>) {
    for (i, seg) in text[s..e].split_word_bound_indices() {
        let mut chars = seg.chars();
        let Some(first) = chars.next() else { continue };
        let kind = match class_of(first) {
            Class::Space => {
                if seg.chars().all(|c| class_of(c) == Class::Space) {
                    continue;
                }
                TokenKind::Symbol
            }
            Class::Letter => TokenKind::Word,
            Class::Digit => TokenKind::Number,
            Class::Quote => TokenKind::Quote,
            Class::Punct => TokenKind::Punct,
            Class::Emoji | Class::RegionalIndicator => TokenKind::Emoji,
            Class::Symbol | Class::Mark | Class::Other => TokenKind::Symbol,
        };
        out.push(Token { start: s + i, end: s + i + seg.len(), kind });
    }
}
