//! copydesk-core: the pure-Rust core of copydesk.
//!
//! The text is scanned once into tokens ([`token::tokenize`]); every later
//! stage reads the token stream. All offsets here are byte offsets into the
//! UTF-8 text; the bindings convert them to code-point offsets at the edge
//! ([`offsets`]).

pub mod analysis;
pub mod json;
pub mod jsonl;
mod chars;
mod lexicon;
pub mod offsets;
pub mod quantity;
pub mod quote;
pub mod token;

pub use analysis::{analyze, analyze_batch, Analysis, Layers};
pub use quantity::{
    normalize, quantities, Change, KindSet, Modifier, NormalizeOptions, Normalized, Quantity, QuantityKind, Rewrite,
    UnitSystem,
};
pub use quote::{quotes, Quote, QuoteKind};
pub use token::{sentences, tokenize, tokenize_uax29, Span, Token, TokenKind};
