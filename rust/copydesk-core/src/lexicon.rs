//! Word lists compiled in from `data/`: abbreviations, hyphen prefixes,
//! contractions, sentence starters, credit labels, salutations, emoticons and
//! top-level domains.
//!
//! The files are plain text so that a linguist can edit them without touching
//! code; they are parsed once, on first use, into hash sets.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// FxHash (as in rustc): the keys are a few thousand short, trusted words,
/// so a fast non-cryptographic hash is the right one.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

type Fx = BuildHasherDefault<FxHasher>;
type Map<V> = HashMap<Box<[u8]>, V, Fx>;
type Set = HashSet<Box<[u8]>, Fx>;

fn key(s: &str) -> Box<[u8]> {
    s.as_bytes().into()
}

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
    abbrev_any_case: Map<AbbrevClass>,
    /// Entries with a capital: match only as written.
    abbrev_exact: Map<AbbrevClass>,
    /// The longest entry, in bytes: longer words need no lookup.
    abbrev_max_len: usize,
    hyphen_prefixes: Set,
    /// Lower-case word -> byte lengths of its parts.
    contractions: Map<Vec<usize>>,
    /// The last two letters of every contraction, lower case, as a bitset
    /// (row: the first of the two letters, bit: the second): a filter run on
    /// every word before the hash lookup.
    contraction_endings: [u32; 26],
    sentence_starters: Set,
    tlds: Set,
    credit_labels: Set,
    salutations: Set,
    /// ASCII emoticons, longest first.
    emoticons: Vec<&'static [u8]>,
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut abbrev_any_case = Map::default();
        let mut abbrev_exact = Map::default();
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
                abbrev_exact.insert(key(word), class);
            } else {
                abbrev_any_case.insert(key(word), class);
            }
        }
        let mut contractions = Map::default();
        let mut contraction_endings = [0u32; 26];
        for line in lines(include_str!("../data/contractions.tsv")) {
            let (word, parts) = line.split_once('\t').expect("contractions.tsv: two columns");
            let lens: Vec<usize> = parts.split(' ').map(str::len).collect();
            assert_eq!(lens.iter().sum::<usize>(), word.len(), "contractions.tsv: {word}");
            let lower = word.to_lowercase();
            let b = lower.as_bytes();
            let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
            assert!(x.is_ascii_lowercase() && y.is_ascii_lowercase(), "contractions.tsv: {word}");
            contraction_endings[(x - b'a') as usize] |= 1 << (y - b'a');
            contractions.insert(key(&lower), lens);
        }
        let set = |data: &'static str| lines(data).map(key).collect::<Set>();
        let abbrev_max_len = abbrev_any_case.keys().chain(abbrev_exact.keys()).map(|k| k.len()).max().unwrap_or(0).min(12);
        Lexicon {
            abbrev_any_case,
            abbrev_exact,
            abbrev_max_len,
            hyphen_prefixes: set(include_str!("../data/hyphen_prefixes.txt")),
            contractions,
            contraction_endings,
            sentence_starters: set(include_str!("../data/sentence_starters.txt")),
            tlds: set(include_str!("../data/tlds.txt")),
            credit_labels: set(include_str!("../data/credit_labels.txt")),
            salutations: set(include_str!("../data/salutations.txt")),
            emoticons: {
                let mut e: Vec<&'static [u8]> = lines(include_str!("../data/emoticons.txt")).map(str::as_bytes).collect();
                e.sort_by_key(|x| std::cmp::Reverse(x.len()));
                e
            },
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The class of `word` (without its final period) if it is a listed abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if word.len() > self.abbrev_max_len {
            return None;
        }
        if let Some(c) = self.abbrev_exact.get(word.as_bytes()) {
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
    #[inline]
    pub fn contraction(&self, word: &str) -> Option<&[usize]> {
        let b = word.as_bytes();
        if b.len() < 4 || b.len() > 8 {
            return None;
        }
        let (x, y) = (b[b.len() - 2].to_ascii_lowercase(), b[b.len() - 1].to_ascii_lowercase());
        if !(x.is_ascii_lowercase() && y.is_ascii_lowercase())
            || self.contraction_endings[(x - b'a') as usize] & (1 << (y - b'a')) == 0
        {
            return None;
        }
        let mut buf = [0u8; 12];
        let lower = ascii_lower(word, &mut buf)?;
        self.contractions.get(lower).map(Vec::as_slice)
    }

    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.sentence_starters.contains(word.as_bytes())
    }

    /// Labels of photo credits and captions (`Image:`, `Photo:`), as written.
    pub fn is_credit_label(&self, word: &str) -> bool {
        self.credit_labels.contains(word.as_bytes())
    }

    /// A greeting or closing of a letter (`Best regards`, `Hi`), any case.
    pub fn is_salutation(&self, phrase: &str) -> bool {
        phrase.len() <= 24 && self.salutations.contains(phrase.to_ascii_lowercase().as_bytes())
    }

    /// The length of the longest emoticon `bytes` starts with.
    pub fn emoticon_at(&self, bytes: &[u8]) -> Option<usize> {
        if !matches!(bytes.first(), Some(b':' | b';' | b'=' | b'(' | b')' | b'^' | b'<' | b'>' | b'-' | b'\\' | b'/' | b'*')) {
            return None;
        }
        self.emoticons.iter().find(|e| bytes.starts_with(e)).map(|e| e.len())
    }

    pub fn is_tld(&self, word: &str) -> bool {
        let mut buf = [0u8; 12];
        ascii_lower(word, &mut buf).is_some_and(|w| self.tlds.contains(w))
    }
}

/// Lower-cases a short ASCII word into `buf`; `None` for non-ASCII or long words
/// (no list entry is either).
fn ascii_lower<'a>(word: &str, buf: &'a mut [u8; 12]) -> Option<&'a [u8]> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(&buf[..b.len()])
}
