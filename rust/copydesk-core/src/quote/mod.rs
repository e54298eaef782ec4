//! Quotations: mark roles, span pairing, paragraphs, attribution.
//!
//! [`quotes`] reads the token stream (quote marks are tokens of their own)
//! and the sentences, never the raw text with patterns of its own:
//!
//! 1. `pair`: one pass over the quote tokens, paragraph by paragraph, with a
//!    stack of open quotations. Each mark's role (opening, closing,
//!    apostrophe, foot or inch sign) is decided from both of its sides and
//!    from the stack; `’` after a letter and before a word is held until the
//!    text shows whether it closed anything (`the students’ fault,’ he said`).
//!    Multi-paragraph quotations (each paragraph opens, only the last closes)
//!    become pieces of one group, across lines of page furniture.
//! 2. `attribution`: `direct` or `partial`, and the speaker and reporting
//!    verb from the patterns of English news (`“…,” she said`, `said the
//!    minister`, `Allison told Metro: ‘…`, `according to X`), inherited by the
//!    later pieces of a quotation and by a quote that goes on from the
//!    previous speaker; for marks of the German convention, German word
//!    order and the press rule that a verbatim fragment in reported speech is
//!    direct (`Er sprach von einem „Fehler“`).
//!
//! Everything is linear in the number of tokens: the stack search is bounded,
//! and each attribution looks at a bounded window of tokens.

mod attribution;
mod marks;
mod pair;

use std::cell::Cell;

use crate::token::{Span, Token, TokenKind};

/// Whether a quotation is an utterance or a phrase in the writer's sentence.
/// The discriminants are codes for columnar output, like `TokenKind`'s.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum QuoteKind {
    /// A quoted utterance: `‘We will win,’ she said.`, `He told Metro: ‘…’`.
    Direct = 0,
    /// A quoted phrase inside the writer's own sentence: scare quotes,
    /// titles, `warned of a ‘serious possibility’`.
    Partial = 1,
}

impl QuoteKind {
    pub const ALL: [QuoteKind; 2] = [QuoteKind::Direct, QuoteKind::Partial];

    pub fn name(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
        }
    }
}

/// One quotation piece, in byte offsets (end exclusive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quote {
    /// The opening mark.
    pub start: usize,
    /// After the closing mark; when the quotation is left open, the end of
    /// the paragraph (trailing space excluded).
    pub end: usize,
    /// The closing mark was found.
    pub closed: bool,
    pub kind: QuoteKind,
    /// Pieces of one multi-paragraph quotation share a group; every
    /// quotation has one, numbered from 0 in document order.
    pub group: usize,
    /// 0 for a quotation in the writer's text, 1 inside another, ...
    pub depth: usize,
    /// Index (in the returned list) of the quotation this one is inside.
    pub parent: Option<usize>,
    /// The marks used: `‘’`, `“”`, `"`, `'`, `«»`, `„“`, `»«`, `「」`, …
    pub marks: &'static str,
    /// Who speaks (`Allison`, `the minister`, `they`).
    pub speaker: Option<Span>,
    /// The reporting verb (`told`, `said`, `according to`).
    pub cue: Option<Span>,
}

/// The quotations of `text`, in document order, given its tokens and
/// sentences (byte offsets). When `sentences` is empty the sentences are
/// computed here.
pub fn quotes(text: &str, tokens: &[Token], sentences: &[Span]) -> Vec<Quote> {
    if !tokens.iter().any(|t| t.kind == TokenKind::Quote) {
        return Vec::new();
    }
    let computed;
    let sentences = if sentences.is_empty() {
        computed = crate::token::sentences(text, tokens);
        &computed[..]
    } else {
        sentences
    };
    let doc = Doc::new(text, tokens, sentences);
    let pieces = compact(pair::pair(&doc));
    let attrs = attribution::attribute(&doc, &pieces);

    let mut group_ids = vec![usize::MAX; pieces.len()];
    let mut next_group = 0;
    pieces
        .iter()
        .zip(attrs)
        .map(|(p, a)| {
            // Provisional group ids are indices of pieces (after compaction)
            // that open their group, so a group is numbered at its first piece.
            let g = &mut group_ids[p.group];
            if *g == usize::MAX {
                *g = next_group;
                next_group += 1;
            }
            Quote {
                start: tokens[p.open_tok].start,
                end: tokens[p.last_tok].end,
                closed: p.close_tok.is_some(),
                kind: a.kind,
                group: *g,
                depth: p.depth,
                parent: p.parent,
                marks: p.marks,
                speaker: a.speaker,
                cue: a.cue,
            }
        })
        .collect()
}

/// Drops the pieces found not to be quotations and renumbers parents and
/// provisional groups.
fn compact(pieces: Vec<pair::Piece>) -> Vec<pair::Piece> {
    let mut new_index = vec![usize::MAX; pieces.len()];
    let mut n = 0;
    for (i, p) in pieces.iter().enumerate() {
        if p.alive {
            new_index[i] = n;
            n += 1;
        }
    }
    let mut out: Vec<pair::Piece> = Vec::with_capacity(n);
    for p in pieces.iter().filter(|p| p.alive) {
        let mut q = p.clone();
        // A dropped parent's children were moved up when it was dropped.
        q.parent = p.parent.map(|i| new_index[i]).filter(|&i| i != usize::MAX);
        q.depth = q.parent.map_or(0, |i| out[i].depth + 1);
        // A group's first piece is never dropped once a later piece joins it;
        // a lone dropped first piece has no other members.
        q.group = new_index[p.group];
        if q.group == usize::MAX {
            q.group = out.len();
        }
        out.push(q);
    }
    out
}

/// A paragraph: one line of text (token range, end exclusive).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line {
    pub start: usize,
    pub end: usize,
}

/// The document as the stage sees it.
pub(crate) struct Doc<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub sentences: &'a [Span],
    pub lines: Vec<Line>,
    /// The sentence last found by `Ctx::sentence`, where the next search starts.
    pub sentence_hint: Cell<usize>,
}

/// `from + s[from..].partition_point(pred)`, by steps doubling from `from`:
/// the cost grows with the distance to the answer, not with the document.
pub(crate) fn gallop<T>(s: &[T], from: usize, pred: impl Fn(&T) -> bool) -> usize {
    let mut lo = from;
    let mut step = 1;
    while lo + step <= s.len() && pred(&s[lo + step - 1]) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(s.len());
    lo + s[lo..hi].partition_point(pred)
}

/// `s[..to].partition_point(pred)`, by steps doubling back from `to`.
pub(crate) fn gallop_back<T>(s: &[T], to: usize, pred: impl Fn(&T) -> bool) -> usize {
    let mut hi = to;
    let mut step = 1;
    while hi >= step && !pred(&s[hi - step]) {
        hi -= step;
        step *= 2;
    }
    let lo = hi.saturating_sub(step);
    lo + s[lo..hi].partition_point(pred)
}

/// Whether the whitespace `text[a..b]` holds a line break.
fn line_break(text: &str, a: usize, b: usize) -> bool {
    let gap = &text.as_bytes()[a..b];
    match gap {
        [] | [b' '] => false,
        [c] => *c == b'\n' || *c == b'\r',
        _ => memchr::memchr2(b'\n', b'\r', gap).is_some() || text[a..b].contains(['\u{2028}', '\u{2029}', '\u{85}']),
    }
}

impl<'a> Doc<'a> {
    fn new(text: &'a str, tokens: &'a [Token], sentences: &'a [Span]) -> Doc<'a> {
        let mut doc = Doc { text, tokens, sentences, lines: Vec::new(), sentence_hint: Cell::new(0) };
        let mut start = 0;
        let bytes = text.as_bytes();
        let rare = ["\u{2028}", "\u{2029}", "\u{85}"].iter().any(|b| memchr::memmem::find(bytes, b.as_bytes()).is_some());
        if rare || tokens.len() < 2 {
            for i in 1..=tokens.len() {
                if i == tokens.len() || line_break(text, tokens[i - 1].end, tokens[i].start) {
                    doc.lines.push(Line { start, end: i });
                    start = i;
                }
            }
            return doc;
        }
        // Only `\n` and `\r` break lines here: visit the gaps that hold one
        // instead of testing every gap.
        let mut i = 1;
        for p in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // The first token after `p`: the gap before it holds `p` unless `p` is inside token `i - 1`.
            i = gallop(tokens, i, |t| t.start <= p);
            if i >= tokens.len() {
                break;
            }
            if tokens[i - 1].end <= p && i > start {
                doc.lines.push(Line { start, end: i });
                start = i;
            }
        }
        doc.lines.push(Line { start, end: tokens.len() });
        doc
    }

    #[inline]
    pub fn tok(&self, i: usize) -> &'a str {
        self.tokens[i].text(self.text)
    }

    #[inline]
    pub fn first_char(&self, i: usize) -> char {
        self.tok(i).chars().next().unwrap_or('\0')
    }

    /// The character just before token `i`.
    pub fn prev_char(&self, i: usize) -> Option<char> {
        self.text[..self.tokens[i].start].chars().next_back()
    }

    /// Whether line `li` is page furniture that a multi-paragraph quotation
    /// may run across: a newsletter promo, a `MORE:` link, a short line
    /// without final punctuation. Never a line with a quote mark. (Asked only
    /// for the few lines after a quotation left open.)
    pub fn is_furniture(&self, li: usize) -> bool {
        let Line { start, end } = self.lines[li];
        let tables = marks::Tables::get();
        let toks = &self.tokens[start..end];
        if toks.iter().any(|t| t.kind == TokenKind::Quote) {
            return false;
        }
        let words = toks.iter().filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number)).count();
        let last = self.tok(end - 1);
        let terminal = matches!(last.chars().next_back(), Some('.' | '!' | '?' | '\u{2026}' | ':'));
        if words <= 10 && !terminal {
            return true;
        }
        if words > 40 {
            return false;
        }
        // A label such as `MORE:`, `READ MORE:` or a photo credit (`Image:`).
        let label = toks.iter().take(3).position(|t| t.text(self.text) == ":").is_some_and(|k| {
            let lex = crate::lexicon::Lexicon::get();
            k > 0
                && (k == 1 && lex.is_credit_label(toks[0].text(self.text))
                    || toks[..k].iter().all(|t| {
                        let w = t.text(self.text);
                        t.kind == TokenKind::Word && w.len() >= 2 && !w.chars().any(char::is_lowercase)
                    }))
        });
        label || toks.iter().any(|t| t.kind == TokenKind::Word && tables.is_furniture(t.text(self.text)))
    }
}

#[cfg(test)]
mod tests;
