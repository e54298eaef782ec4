//! Quotation marks and the word lists of the quote stage, compiled in from
//! `data/` and parsed once.
//!
//! `data/quote_marks.txt` lists the pairs (`“”`, `„“`, `«»`, `"` …); the
//! role a mark plays in a given place (opening, closing, apostrophe, foot
//! sign) is decided by the pairing stage from the mark's two sides and the
//! stack of open quotations.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lexicon::WordMap;

/// One pair of quotation marks. `marks` is the first field of the data
/// line: the opening and closing mark, or one mark when it does both.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pair {
    pub open: char,
    pub close: char,
    pub marks: &'static str,
    /// The press convention of the pair's languages (second column of
    /// `quote_marks.txt`): a verbatim fragment in a sentence of reported
    /// speech is the speaker's direct speech (German `„…“`, `»…«`).
    pub reported_fragments: bool,
}

/// Word lists of `data/quote_words_de.txt`, one set per category.
#[derive(Default)]
pub(crate) struct Words {
    /// Words that make a sentence reported speech: subjunctive forms (`sei`,
    /// `habe`), `laut`, `zufolge`.
    pub reported: HashSet<&'static str>,
    /// Words that introduce a name rather than words said (`genannt`, `namens`).
    pub naming: HashSet<&'static str>,
    /// Personal pronouns that can name a speaker (`er`, `sie`, `wir`).
    pub pronoun: HashSet<&'static str>,
    /// Determiners of a speaker phrase (`der`, `die`, `eine`, `seine`).
    pub determiner: HashSet<&'static str>,
    /// Definite articles and their contractions with a preposition, which a
    /// proper name takes (`der „Spiegel“`, `im „Traumschiff“`).
    pub definite: HashSet<&'static str>,
    /// Function words that end a speaker phrase (`und`, `dass`, `mit`).
    pub stop: HashSet<&'static str>,
    /// Words that open a clause in front of its verb without being its
    /// subject (`Weiter sagte er`, `Vor Gericht sagte Müller`).
    pub fronted: HashSet<&'static str>,
    /// Adverbs between a subject and its verb (`Müller sagte heute`).
    pub adverb: HashSet<&'static str>,
    /// Finite auxiliaries of a clause ending in a participle (`hat … gesagt`).
    pub auxiliary: HashSet<&'static str>,
}

pub(crate) struct Tables {
    pub pairs: Vec<Pair>,
    cues: HashSet<&'static str>,
    /// `cues` again, for ASCII words: a packed-key lookup behind a filter
    /// that most words fail, with no copy or hash.
    ascii_cues: WordMap<()>,
    /// Separable reporting verbs (`stellte+fest`): the verb form and the
    /// particles that make it a cue when they close its clause.
    split: HashMap<&'static str, Vec<&'static str>>,
    elisions: HashSet<&'static str>,
    furniture: HashSet<&'static str>,
    pub de: Words,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Tables {
    fn load() -> Tables {
        let pairs = lines(include_str!("../../data/quote_marks.txt"))
            .map(|line| {
                let mut fields = line.split_whitespace();
                let marks = fields.next().expect("quote_marks.txt: empty line");
                let reported_fragments = match fields.next() {
                    None => false,
                    Some("reported-fragments") => true,
                    Some(other) => panic!("quote_marks.txt: unknown convention {other:?}"),
                };
                let mut cs = marks.chars();
                let open = cs.next().expect("quote_marks.txt: empty line");
                let close = cs.next().unwrap_or(open);
                assert!(cs.next().is_none(), "quote_marks.txt: more than two marks in {line:?}");
                Pair { open, close, marks, reported_fragments }
            })
            .collect();
        let mut de = Words::default();
        for line in lines(include_str!("../../data/quote_words_de.txt")) {
            let mut fields = line.split_whitespace();
            let set = match fields.next() {
                Some("reported") => &mut de.reported,
                Some("naming") => &mut de.naming,
                Some("pronoun") => &mut de.pronoun,
                Some("determiner") => &mut de.determiner,
                Some("definite") => &mut de.definite,
                Some("stop") => &mut de.stop,
                Some("fronted") => &mut de.fronted,
                Some("adverb") => &mut de.adverb,
                Some("auxiliary") => &mut de.auxiliary,
                other => panic!("quote_words_de.txt: unknown category {other:?}"),
            };
            set.extend(fields);
        }
        let mut cues = HashSet::new();
        let mut split: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        for form in lines(include_str!("../../data/reporting_verbs.txt")).flat_map(str::split_whitespace) {
            match form.split_once('+') {
                Some((verb, particle)) => {
                    let ps = split.entry(verb).or_default();
                    if !ps.contains(&particle) {
                        ps.push(particle);
                    }
                }
                None => {
                    cues.insert(form);
                }
            }
        }
        Tables {
            pairs,
            ascii_cues: WordMap::new(cues.iter().map(|w| (*w, ())), true),
            cues,
            split,
            elisions: lines(include_str!("../../data/quote_elisions.txt")).collect(),
            furniture: lines(include_str!("../../data/quote_interruptions.txt")).collect(),
            de,
        }
    }

    /// Whether the pair reported as `marks` follows the convention that a
    /// verbatim fragment in reported speech is direct speech.
    pub fn reported_fragments(&self, marks: &str) -> bool {
        self.pairs.iter().any(|p| p.reported_fragments && p.marks == marks)
    }

    /// `word` (any case) is in `set`, a list of lower-case words.
    pub fn in_set(set: &HashSet<&'static str>, word: &str) -> bool {
        with_lower(word, |w| set.contains(w))
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
        // Lower-casing an ASCII word is ASCII; others need Unicode's rules.
        if word.is_ascii() {
            return word.len() <= 24 && self.ascii_cues.contains_key(word);
        }
        with_lower(word, |w| self.cues.contains(w))
    }

    /// The particles of a separable reporting verb form (`stellte` → `fest`,
    /// `klar`, `dar`).
    pub fn split_particles(&self, word: &str) -> Option<&[&'static str]> {
        with_lower(word, |w| self.split.get(w).map(Vec::as_slice))
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
