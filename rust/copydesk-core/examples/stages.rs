//! Runs the tokenizer and the segmenter once each over files, in functions of
//! their own, so that an instruction counter can report each stage:
//!     valgrind --tool=callgrind target/release/examples/stages FILE...
//!     callgrind_annotate --inclusive=yes callgrind.out.* | grep stage_
use copydesk_core::{Span, Token};
use std::hint::black_box;

#[inline(never)]
fn stage_tokens(text: &str) -> Vec<Token> {
    copydesk_core::tokenize(black_box(text))
}

#[inline(never)]
fn stage_sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    copydesk_core::sentences(black_box(text), black_box(tokens))
}

fn main() {
    let text: String = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    // Loads the word lists outside the measured calls.
    let warm = copydesk_core::tokenize("Mr. Smith said.");
    black_box(copydesk_core::sentences("Mr. Smith said.", &warm));
    let tokens = stage_tokens(&text);
    let sentences = stage_sentences(&text, &tokens);
    println!("{} bytes, {} tokens, {} sentences", text.len(), tokens.len(), sentences.len());
}
