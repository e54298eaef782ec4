//! Quotation marks and the word lists of the quote stage, compiled in from
//! `data/` and parsed once.
//!
//! `data/quote_marks.txt` lists the pairs (`“”`, `„“`, `«»`, `"` …); the
//! role a mark plays in a given place (opening, closing, apostrophe, foot
//! sign) is decided by the pairing stage from the mark's two sides and the
//! stack of open quotations.

use std::collections::HashSet;
use std::sync::OnceLock;

/// One pair of quotation marks. `marks` is the data line itself: the opening
/// and closing mark, or one mark when it does both.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pair {
    pub open: char,
    pub close: char,
    pub marks: &'static str,
}

pub(crate) struct Tables {
    pub pairs: Vec<Pair>,
    cues: HashSet<&'static str>,
    elisions: HashSet<&'static str>,
    furniture: HashSet<&'static str>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Tables {
    fn load() -> Tables {
        let pairs = lines(include_str!("../../data/quote_marks.txt"))
            .map(|line| {
                let mut cs = line.chars();
                let open = cs.next().expect("quote_marks.txt: empty line");
                let close = cs.next().unwrap_or(open);
                assert!(cs.next().is_none(), "quote_marks.txt: more than two marks in {line:?}");
                Pair { open, close, marks: line }
            })
            .collect();
        Tables {
            pairs,
            cues: lines(include_str!("../../data/reporting_verbs.txt")).flat_map(str::split_whitespace).collect(),
            elisions: lines(include_str!("../../data/quote_elisions.txt")).collect(),
            furniture: lines(include_str!("../../data/quote_interruptions.txt")).collect(),
        }
    }

    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::load)
    }

    /// Whether `c` opens some pair.
    pub fn opens(&self, c: char) -> bool {
        self.pairs.iter().any(|p| p.open == c)
    }

    /// Whether `close` closes a quotation opened with `open`.
    pub fn closes(&self, open: char, close: char) -> bool {
        self.pairs.iter().any(|p| p.open == open && p.close == close)
    }

    /// The marks string of the pair `open`…`close`, or of `open`'s first pair.
    pub fn marks(&self, open: char, close: Option<char>) -> &'static str {
        close
            .and_then(|c| self.pairs.iter().find(|p| p.open == open && p.close == c))
            .or_else(|| self.pairs.iter().find(|p| p.open == open))
            .map_or("", |p| p.marks)
    }

    /// A reporting verb form (`said`, `told`, `adding`), in any case.
    pub fn is_cue(&self, word: &str) -> bool {
        with_lower(word, |w| self.cues.contains(w))
    }

    /// A word written after a leading apostrophe (`em`, `til`, `n`).
    pub fn is_elision(&self, word: &str) -> bool {
        if self.elisions.contains(word) {
            return true;
        }
        // 'Tis, 'Twas: a capital first letter only.
        let mut cs = word.chars();
        match cs.next() {
            Some(c) if c.is_ascii_uppercase() && cs.all(|c| c.is_ascii_lowercase()) => {
                with_lower(word, |w| self.elisions.contains(w))
            }
            _ => false,
        }
    }

    /// A word that marks a line as page furniture (`newsletter`, `subscribe`).
    pub fn is_furniture(&self, word: &str) -> bool {
        with_lower(word, |w| self.furniture.contains(w))
    }
}

/// Calls `f` with an ASCII-lower-cased copy of a short word (any word longer
/// than 24 bytes is in no list); non-ASCII words are lower-cased with an
/// allocation (rare: German cue verbs).
fn with_lower<R: Default>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let b = word.as_bytes();
    if b.len() > 24 {
        return R::default();
    }
    if !b.is_ascii() {
        return f(&word.to_lowercase());
    }
    let mut buf = [0u8; 24];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).map_or_else(|_| R::default(), f)
}

/// What touches a mark on one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Side {
    /// Whitespace, a line break, or the start or end of the text.
    Space,
    /// A letter or digit.
    Alnum,
    /// Punctuation that ends something: `. , ; : ! ? … ) ] }`.
    Close,
    /// Punctuation that starts something or joins: `( [ { — – - /`.
    Open,
    /// Another quotation mark.
    Quote,
    /// Anything else (symbols, emoji).
    Other,
}

pub(crate) fn side(c: Option<char>) -> Side {
    let Some(c) = c else { return Side::Space };
    if c.is_alphanumeric() {
        return Side::Alnum;
    }
    if c.is_whitespace() {
        return Side::Space;
    }
    match c {
        '.' | ',' | ';' | ':' | '!' | '?' | '\u{2026}' | ')' | ']' | '}' | '%' => Side::Close,
        '(' | '[' | '{' | '\u{2014}' | '\u{2013}' | '-' | '/' | '\u{00BF}' | '\u{00A1}' => Side::Open,
        _ if is_quote_char(c) => Side::Quote,
        _ => Side::Other,
    }
}

/// Characters the tokenizer emits as quote tokens.
pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2018}'..='\u{201F}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{2E42}'
            | '\u{300C}'..='\u{300F}'
            | '\u{301D}'..='\u{301F}'
            | '\u{FE41}'..='\u{FE44}'
            | '\u{FF02}'
            | '\u{FF07}'
            | '\u{275B}'..='\u{2760}'
    )
}

/// Marks that can be an apostrophe as well as a closing quote.
pub(crate) fn is_apostrophe_like(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Marks that only ever open a quotation (`„`, `‚`, `「`): they open even
/// where their sides look odd.
pub(crate) fn only_opens(c: char) -> bool {
    matches!(
        c,
        '\u{201E}'
            | '\u{201A}'
            | '\u{300C}'
            | '\u{300E}'
            | '\u{301D}'
            | '\u{FE41}'
            | '\u{FE43}'
            | '\u{275D}'
            | '\u{275B}'
            | '\u{201F}'
            | '\u{201B}'
    )
}

/// Guillemets are set off by spaces in French (`« Bonjour »`).
pub(crate) fn spaced_ok(c: char) -> bool {
    matches!(c, '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}')
}

/// Feet and inch signs written with quote marks after a number.
pub(crate) fn is_single_mark(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2032}')
}

pub(crate) fn is_double_mark(c: char) -> bool {
    matches!(c, '"' | '\u{201D}' | '\u{2033}')
}
