//! Word lists compiled in from `data/`: abbreviations, hyphen prefixes,
//! contractions, sentence starters, credit labels and top-level domains.
//!
//! The files are plain text so that a linguist can edit them without touching
//! code; they are parsed once, on first use, into hash sets.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// How the sentence segmenter treats an abbreviation (see `data/abbreviations.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Comes before a name and never ends a sentence (`Mr.`, `St.`).
    Title,
    /// An abbreviation only before a number (`No. 10`, `p. 55`).
    Number,
    /// May end a sentence (`etc.`, `Inc.`, `a.m.`).
    Any,
}

pub struct Lexicon {
    /// Lower-case entries that match in any case.
    abbrev_any_case: HashMap<String, AbbrevClass>,
    /// Entries with a capital: match only as written.
    abbrev_exact: HashMap<String, AbbrevClass>,
    hyphen_prefixes: HashSet<String>,
    /// Lower-case word -> byte lengths of its parts.
    contractions: HashMap<String, Vec<usize>>,
    sentence_starters: HashSet<String>,
    tlds: HashSet<String>,
    credit_labels: HashSet<String>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut abbrev_any_case = HashMap::new();
        let mut abbrev_exact = HashMap::new();
        for line in lines(include_str!("../data/abbreviations.tsv")) {
            let mut cols = line.split('\t');
            let word = cols.next().unwrap_or_default();
            let class = match cols.next().map(str::trim) {
                Some("title") => AbbrevClass::Title,
                Some("number") => AbbrevClass::Number,
                Some("any") => AbbrevClass::Any,
                other => panic!("abbreviations.tsv: bad class {other:?} for {word:?}"),
            };
            if word.chars().any(char::is_uppercase) {
                abbrev_exact.insert(word.to_string(), class);
            } else {
                abbrev_any_case.insert(word.to_string(), class);
            }
        }
        let mut contractions = HashMap::new();
        for line in lines(include_str!("../data/contractions.tsv")) {
            let (word, parts) = line.split_once('\t').expect("contractions.tsv: two columns");
            let lens: Vec<usize> = parts.split(' ').map(str::len).collect();
            assert_eq!(lens.iter().sum::<usize>(), word.len(), "contractions.tsv: {word}");
            contractions.insert(word.to_lowercase(), lens);
        }
        Lexicon {
            abbrev_any_case,
            abbrev_exact,
            hyphen_prefixes: lines(include_str!("../data/hyphen_prefixes.txt")).map(str::to_string).collect(),
            contractions,
            sentence_starters: lines(include_str!("../data/sentence_starters.txt")).map(str::to_string).collect(),
            tlds: lines(include_str!("../data/tlds.txt")).map(str::to_string).collect(),
            credit_labels: lines(include_str!("../data/credit_labels.txt")).map(str::to_string).collect(),
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The class of `word` (without its final period) if it is a listed abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > 12 {
            return None;
        }
        if let Some(c) = self.abbrev_exact.get(word) {
            return Some(*c);
        }
        let mut buf = [0u8; 12];
        let lower = ascii_lower(word, &mut buf)?;
        self.abbrev_any_case.get(lower).copied()
    }

    pub fn is_hyphen_prefix(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        ascii_lower(word, &mut buf).is_some_and(|w| self.hyphen_prefixes.contains(w))
    }

    /// Byte lengths of the parts of a contraction written without an apostrophe.
    pub fn contraction(&self, word: &str) -> Option<&[usize]> {
        let mut buf = [0u8; 12];
        let lower = ascii_lower(word, &mut buf)?;
        self.contractions.get(lower).map(Vec::as_slice)
    }

    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word)
    }

    /// Labels of photo credits and captions (`Image:`, `Photo:`), as written.
    pub fn is_credit_label(&self, word: &str) -> bool {
        self.credit_labels.contains(word)
    }

    pub fn is_tld(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        ascii_lower(word, &mut buf).is_some_and(|w| self.tlds.contains(w))
    }
}

/// Lower-cases a short ASCII word into `buf`; `None` for non-ASCII or long words
/// (no list entry is either).
fn ascii_lower<'a>(word: &str, buf: &'a mut [u8; 12]) -> Option<&'a str> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).ok()
}
