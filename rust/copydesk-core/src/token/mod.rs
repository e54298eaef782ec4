//! Tokens and sentences.
//!
//! [`tokenize`] scans the text once into [`Token`]s following Universal
//! Dependencies conventions for English; [`tokenize_uax29`] gives plain UAX #29
//! word boundaries; [`sentences`] groups tokens into sentences.
//!
//! Invariants, for every input (tested by property tests on both sides of the
//! binding): tokens are ordered and do not overlap, start and end on `char`
//! boundaries, are never empty or whitespace-only, and together cover every
//! non-whitespace character of the text.

mod scan;
mod sentence;
mod uax29;

pub use scan::tokenize;
pub use sentence::sentences;
pub use uax29::tokenize_uax29;

/// What a token is. The discriminants are the codes in the `kinds` arrays
/// handed to Python and Arrow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum TokenKind {
    Word = 0,
    Number = 1,
    Punct = 2,
    Quote = 3,
    Symbol = 4,
    Url = 5,
    Email = 6,
    Hashtag = 7,
    Mention = 8,
    Emoji = 9,
}

impl TokenKind {
    pub const ALL: [TokenKind; 10] = [
        TokenKind::Word,
        TokenKind::Number,
        TokenKind::Punct,
        TokenKind::Quote,
        TokenKind::Symbol,
        TokenKind::Url,
        TokenKind::Email,
        TokenKind::Hashtag,
        TokenKind::Mention,
        TokenKind::Emoji,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TokenKind::Word => "word",
            TokenKind::Number => "number",
            TokenKind::Punct => "punct",
            TokenKind::Quote => "quote",
            TokenKind::Symbol => "symbol",
            TokenKind::Url => "url",
            TokenKind::Email => "email",
            TokenKind::Hashtag => "hashtag",
            TokenKind::Mention => "mention",
            TokenKind::Emoji => "emoji",
        }
    }
}

/// A token: byte offsets into the text, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// A span of text: byte offsets, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}
