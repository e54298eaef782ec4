//! One document in, every requested layer out; batches over rayon.

use crate::quantity::{self, Quantity};
use crate::quote::{self, Quote};
use crate::token::{self, Span, Token};
use rayon::prelude::*;

/// Which layers to compute. A layer that is off costs nothing (but the
/// stages it feeds: quotes read sentences, so asking for quotes segments the
/// sentences of a document that has quotation marks even when they are not
/// returned).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layers {
    pub tokens: bool,
    pub sentences: bool,
    pub quotes: bool,
    pub quantities: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Layers { tokens: true, sentences: true, quotes: true, quantities: true }
    }
}

/// Everything found in one document, in byte offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Empty unless the tokens layer was asked for (later stages still read them).
    pub tokens: Vec<Token>,
    pub sentences: Vec<Span>,
    pub quotes: Vec<Quote>,
    pub quantities: Vec<Quantity>,
}

pub fn analyze(text: &str, layers: Layers) -> Analysis {
    let tokens = token::tokenize(text);
    let sentences = if layers.sentences { token::sentences(text, &tokens) } else { Vec::new() };
    // Without the sentences layer, quotes segment sentences themselves, and
    // only for a document that has quotation marks at all.
    let quotes = if layers.quotes { quote::quotes(text, &tokens, &sentences) } else { Vec::new() };
    let quantities = if layers.quantities { quantity::quantities(text, &tokens) } else { Vec::new() };
    Analysis {
        tokens: if layers.tokens { tokens } else { Vec::new() },
        sentences: if layers.sentences { sentences } else { Vec::new() },
        quotes,
        quantities,
    }
}

/// Analyses documents in parallel on the current rayon pool, in input order.
pub fn analyze_batch<S: AsRef<str> + Sync>(texts: &[S], layers: Layers) -> Vec<Analysis> {
    texts.par_iter().map(|t| analyze(t.as_ref(), layers)).collect()
}
