//! Runs each stage once over files (tokens, sentences, quotes, quantities), in
//! functions of their own, so that an instruction counter can report each:
//!     valgrind --tool=callgrind target/release/examples/stages FILE...
//!     callgrind_annotate --inclusive=yes callgrind.out.* | grep stage_
use copydesk_core::{Quantity, Quote, Span, Token};
use std::hint::black_box;

#[inline(never)]
fn stage_tokens(text: &str) -> Vec<Token> {
    copydesk_core::tokenize(black_box(text))
}

#[inline(never)]
fn stage_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    copydesk_core::sentences(black_box(text), black_box(tokens))
}

#[inline(never)]
fn stage_quotes(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Quote> {
    copydesk_core::quotes(black_box(text), black_box(tokens), black_box(sentences))
}

#[inline(never)]
fn stage_quantities(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    copydesk_core::quantities(black_box(text), black_box(tokens))
}

fn main() {
    let text: String = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    // Loads the word lists outside the measured calls.
    let warm = copydesk_core::tokenize("Mr. Smith said.");
    let warm_sentences = copydesk_core::sentences("Mr. Smith said.", &warm);
    black_box(copydesk_core::quotes("Mr. Smith said.", &warm, &warm_sentences));
    black_box(copydesk_core::quantities("Mr. Smith said.", &warm));
    let tokens = stage_tokens(&text);
    let sentences = stage_sentences(&text, &tokens);
    let quotes = stage_quotes(&text, &tokens, &sentences);
    let quantities = stage_quantities(&text, &tokens);
    println!(
        "{} bytes, {} tokens, {} sentences, {} quotes, {} quantities",
        text.len(),
        tokens.len(),
        sentences.len(),
        quotes.len(),
        quantities.len()
    );
}
