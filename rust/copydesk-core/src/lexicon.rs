//! Word lists compiled in from `data/`: abbreviations, hyphen prefixes,
//! contractions, sentence starters, credit labels, salutations, emoticons and
//! top-level domains.
//!
//! The files are plain text so that a linguist can edit them without touching
//! code; they are parsed once, on first use, into lookup tables: the short
//! words of the hot lists as packed `u64` keys in a small open-addressing
//! table, the rest in hash sets.

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

/// A word of one to eight ASCII bytes packed into a `u64`, first byte lowest,
/// with the high bit of its last byte set (ASCII leaves the high bits free):
/// that mark tells `a` from `a\0`, and no key is 0, so 0 marks an empty slot.
/// `None` for an empty, longer or non-ASCII word: not in any short list.
#[inline]
fn pack(w: &[u8]) -> Option<u64> {
    let n = w.len();
    // Two overlapping loads cover any length from two to eight; the bytes they
    // share are the same, so OR-ing them is exact.
    let x = match n {
        1 => u64::from(w[0]),
        2..=3 => u64::from(u16::from_le_bytes([w[0], w[1]])) | u64::from(u16::from_le_bytes([w[n - 2], w[n - 1]])) << (8 * (n - 2)),
        4..=8 => {
            let lo = u32::from_le_bytes([w[0], w[1], w[2], w[3]]);
            let hi = u32::from_le_bytes([w[n - 4], w[n - 3], w[n - 2], w[n - 1]]);
            u64::from(lo) | u64::from(hi) << (8 * (n - 4))
        }
        _ => return None,
    };
    (x & HI == 0).then_some(x | 0x80 << (8 * (n - 1)))
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// ASCII lower case of a packed key, eight bytes at once: a byte in `A..=Z`
/// gets bit 5. Only the 7 low bits of each byte are added to, so no carry
/// crosses a byte; the length mark (a high bit) is left as it is.
#[inline]
fn lower(key: u64) -> u64 {
    let x = key & !HI;
    let upper = x.wrapping_add((0x80 - u64::from(b'A')) * LO) & !x.wrapping_add((0x80 - u64::from(b'Z') - 1) * LO) & HI;
    key | upper >> 2
}

/// A few hundred short words in an open-addressing table of packed keys: a
/// lookup is one multiply and, at this load (at most half full), mostly one
/// compare, with no hashing loop and no string compare.
struct ShortMap<V> {
    keys: Box<[u64]>,
    values: Box<[V]>,
    shift: u32,
}

impl<V: Copy + Default> ShortMap<V> {
    fn new(entries: impl IntoIterator<Item = (u64, V)>) -> Self {
        let entries: Vec<(u64, V)> = entries.into_iter().collect();
        let size = (entries.len() * 2).next_power_of_two().max(16);
        let mut map = ShortMap { keys: vec![0; size].into(), values: vec![V::default(); size].into(), shift: 64 - size.trailing_zeros() };
        for (k, v) in entries {
            let mut h = map.slot(k);
            while map.keys[h] != 0 && map.keys[h] != k {
                h = (h + 1) & (size - 1);
            }
            map.keys[h] = k;
            map.values[h] = v;
        }
        map
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    #[inline]
    fn get(&self, key: u64) -> Option<V> {
        let mask = self.keys.len() - 1;
        let mut h = self.slot(key);
        loop {
            let k = self.keys[h];
            if k == key {
                return Some(self.values[h]);
            }
            if k == 0 {
                return None;
            }
            h = (h + 1) & mask;
        }
    }
}

/// A word list: the packed table for entries of up to eight ASCII bytes, a
/// hash map for any others (none in the data as shipped).
struct WordList<V> {
    short: ShortMap<V>,
    long: Map<V>,
    /// Words are looked up in ASCII lower case (and so only lower-case
    /// entries can match), else as written.
    any_case: bool,
}

impl<V: Copy + Default> WordList<V> {
    fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, V)>, any_case: bool) -> Self {
        let (mut short, mut long) = (Vec::new(), Map::default());
        for (w, v) in entries {
            match pack(w.as_ref().as_bytes()) {
                Some(k) => short.push((k, v)),
                None => {
                    long.insert(key(w.as_ref()), v);
                }
            }
        }
        WordList { short: ShortMap::new(short), long, any_case }
    }

    #[inline]
    fn get(&self, word: &str) -> Option<V> {
        match pack(word.as_bytes()) {
            Some(k) => self.short.get(if self.any_case { lower(k) } else { k }),
            None if self.long.is_empty() => None,
            None if self.any_case => {
                let mut buf = [0u8; 12];
                self.long.get(ascii_lower(word, &mut buf)?).copied()
            }
            None => self.long.get(word.as_bytes()).copied(),
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }

    fn keys_len(&self) -> impl Iterator<Item = usize> + '_ {
        let short = self.short.keys.iter().filter(|&&k| k != 0).map(|k| 8 - k.leading_zeros() as usize / 8);
        short.chain(self.long.keys().map(|k| k.len()))
    }
}

/// The first and last bytes of a set of words, by length, as bitsets (row:
/// the low five bits of the first byte, bit: those of the last, so the same in
/// either ASCII case; words of 16 bytes or more share a length): a filter of
/// a few instructions, with no false negatives, that most words of a text fail.
pub(crate) struct Ends([[u32; 32]; 17]);

impl Ends {
    pub(crate) fn new() -> Self {
        Ends([[0; 32]; 17])
    }

    pub(crate) fn insert(&mut self, word: &[u8]) {
        if let (Some(&a), Some(&z)) = (word.first(), word.last()) {
            self.0[word.len().min(16)][usize::from(a & 31)] |= 1 << (z & 31);
        }
    }

    /// `false`: `word` is not in the set.
    #[inline(always)]
    pub fn may_contain(&self, word: &[u8]) -> bool {
        match (word.first(), word.last()) {
            (Some(&a), Some(&z)) => self.0[word.len().min(16)][usize::from(a & 31)] >> (z & 31) & 1 != 0,
            _ => false,
        }
    }
}

/// Words mapped to values, looked up in ASCII lower case (`any_case`) or as
/// written, like a `HashMap<&str, V>` queried with the lower-cased word: the
/// `Ends` filter rules out most words of a text, and a word of up to eight
/// ASCII bytes is then one packed-key probe (`pack`), with no
/// hashing loop and no copy; other words go to a hash map.
pub(crate) struct WordMap<V> {
    ends: Ends,
    short: ShortMap<u32>,
    long: Map<u32>,
    values: Vec<V>,
    any_case: bool,
}

impl<V> WordMap<V> {
    /// A later entry for the same word replaces an earlier one, as in a map.
    pub(crate) fn new<S: AsRef<str>>(entries: impl IntoIterator<Item = (S, V)>, any_case: bool) -> Self {
        let (mut ends, mut short, mut long, mut values) = (Ends::new(), Vec::new(), Map::default(), Vec::new());
        for (w, v) in entries {
            let w = w.as_ref();
            let k = u32::try_from(values.len()).expect("WordMap: too many words");
            values.push(v);
            ends.insert(w.as_bytes());
            match pack(w.as_bytes()) {
                Some(key) => short.push((key, k)),
                None => {
                    long.insert(key(w), k);
                }
            }
        }
        WordMap { ends, short: ShortMap::new(short), long, values, any_case }
    }

    /// The filter inline, at every caller; the lookup out of line.
    #[inline(always)]
    pub fn get(&self, word: &str) -> Option<&V> {
        if !self.ends.may_contain(word.as_bytes()) {
            return None;
        }
        self.lookup(word)
    }

    #[inline(never)]
    fn lookup(&self, word: &str) -> Option<&V> {
        let k = match pack(word.as_bytes()) {
            Some(key) => self.short.get(if self.any_case { lower(key) } else { key })?,
            None if self.long.is_empty() => return None,
            None if self.any_case => {
                let mut buf = [0u8; 32];
                *self.long.get(lower_into(word, &mut buf)?)?
            }
            None => *self.long.get(word.as_bytes())?,
        };
        Some(&self.values[k as usize])
    }

    #[inline(always)]
    pub fn contains_key(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

/// ASCII lower case of a word of up to 32 bytes into `buf` (other bytes
/// copied as they are); `None` for a longer word.
fn lower_into<'a>(word: &str, buf: &'a mut [u8; 32]) -> Option<&'a [u8]> {
    let b = word.as_bytes();
    let d = buf.get_mut(..b.len())?;
    for (d, s) in d.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(d)
}

/// How the sentence segmenter treats an abbreviation (see `data/abbreviations.tsv`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Comes before a name and never ends a sentence (`Mr.`, `St.`).
    Title,
    /// An abbreviation only before a number (`No. 10`, `p. 55`).
    Number,
    /// May end a sentence (`etc.`, `Inc.`, `a.m.`).
    #[default]
    Any,
}

pub struct Lexicon {
    /// Lower-case entries that match in any case.
    abbrev_any_case: WordList<AbbrevClass>,
    /// Entries with a capital: match only as written.
    abbrev_exact: WordList<AbbrevClass>,
    /// The longest entry, in bytes: longer words need no lookup.
    abbrev_max_len: usize,
    /// The first and last bytes of every abbreviation of up to eight bytes,
    /// by length, as bitsets (row: the low five bits of the first byte, bit:
    /// those of the last; the same in either ASCII case): a filter before the
    /// lookups, which most words fail.
    abbrev_ends: [[u32; 32]; 9],
    hyphen_prefixes: WordList<()>,
    /// Lower-case word -> index in `contraction_parts`.
    contractions: WordList<u16>,
    /// Byte lengths of the parts of each contraction.
    contraction_parts: Vec<Vec<usize>>,
    /// The last two letters of every contraction that `contraction` can
    /// return (four to eight letters), by length, as bitsets (row: the low
    /// five bits of the first of the two letters, which are the same in either
    /// case; bit: those of the second): a filter run on every word before the
    /// table lookup.
    contraction_endings: [[u32; 32]; 5],
    sentence_starters: Set,
    tlds: WordList<()>,
    credit_labels: Set,
    salutations: Set,
    /// ASCII emoticons by first byte, longest first within each.
    emoticons: Vec<&'static [u8]>,
    /// The range of `emoticons` that starts with each ASCII byte.
    emoticons_by_first: [(u8, u8); 128],
}

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

impl Lexicon {
    fn load() -> Lexicon {
        let mut abbrev_any_case = Vec::new();
        let mut abbrev_exact = Vec::new();
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
                abbrev_exact.push((word, class));
            } else {
                abbrev_any_case.push((word, class));
            }
        }
        let mut contractions = Vec::new();
        let mut contraction_parts = Vec::new();
        let mut contraction_endings = [[0u32; 32]; 5];
        for line in lines(include_str!("../data/contractions.tsv")) {
            let (word, parts) = line.split_once('\t').expect("contractions.tsv: two columns");
            let lens: Vec<usize> = parts.split(' ').map(str::len).collect();
            assert_eq!(lens.iter().sum::<usize>(), word.len(), "contractions.tsv: {word}");
            let lower = word.to_lowercase();
            let b = lower.as_bytes();
            let (x, y) = (b[b.len() - 2], b[b.len() - 1]);
            assert!(x.is_ascii_lowercase() && y.is_ascii_lowercase(), "contractions.tsv: {word}");
            if (4..=8).contains(&b.len()) {
                contraction_endings[b.len() - 4][usize::from(x & 31)] |= 1 << (y & 31);
            }
            // A word listed twice keeps its last parts, as a map insert would.
            contraction_parts.push(lens);
            contractions.push((lower, u16::try_from(contraction_parts.len() - 1).expect("contractions.tsv: too many")));
        }
        let set = |data: &'static str| lines(data).map(key).collect::<Set>();
        // Only emoticons with the same first byte can match at a position, so
        // grouping them by it (stably, longest first) finds the same one.
        let mut emoticons: Vec<&'static [u8]> = lines(include_str!("../data/emoticons.txt")).map(str::as_bytes).collect();
        assert!(emoticons.len() < 256 && emoticons.iter().all(|e| e[0] < 0x80), "emoticons.txt: ASCII, fewer than 256");
        emoticons.sort_by_key(|x| (x[0], std::cmp::Reverse(x.len())));
        let mut emoticons_by_first = [(0u8, 0u8); 128];
        for (k, e) in emoticons.iter().enumerate() {
            let r = &mut emoticons_by_first[usize::from(e[0])];
            if r.0 == r.1 {
                r.0 = k as u8;
            }
            r.1 = k as u8 + 1;
        }
        let list = |data: &'static str| WordList::new(lines(data).map(|w| (w, ())), true);
        let mut abbrev_ends = [[0u32; 32]; 9];
        for (w, _) in abbrev_any_case.iter().chain(&abbrev_exact) {
            let b = w.as_bytes();
            if (1..=8).contains(&b.len()) {
                abbrev_ends[b.len()][usize::from(b[0] & 31)] |= 1 << (b[b.len() - 1] & 31);
            }
        }
        let abbrev_any_case = WordList::new(abbrev_any_case, true);
        let abbrev_exact = WordList::new(abbrev_exact, false);
        let abbrev_max_len = abbrev_any_case.keys_len().chain(abbrev_exact.keys_len()).max().unwrap_or(0).min(12);
        Lexicon {
            abbrev_any_case,
            abbrev_exact,
            abbrev_max_len,
            abbrev_ends,
            hyphen_prefixes: list(include_str!("../data/hyphen_prefixes.txt")),
            contractions: WordList::new(contractions, true),
            contraction_parts,
            contraction_endings,
            sentence_starters: set(include_str!("../data/sentence_starters.txt")),
            tlds: list(include_str!("../data/tlds.txt")),
            credit_labels: set(include_str!("../data/credit_labels.txt")),
            salutations: set(include_str!("../data/salutations.txt")),
            emoticons,
            emoticons_by_first,
        }
    }

    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::load)
    }

    /// The class of `word` (without its final period) if it is a listed abbreviation.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        let b = word.as_bytes();
        let n = b.len();
        if n > self.abbrev_max_len || n == 0 {
            return None;
        }
        if n <= 8 && self.abbrev_ends[n][usize::from(b[0] & 31)] >> (b[n - 1] & 31) & 1 == 0 {
            return None;
        }
        match pack(b) {
            // Packed once for both tables (a short ASCII word is in neither long map).
            Some(k) => self.abbrev_exact.short.get(k).or_else(|| self.abbrev_any_case.short.get(lower(k))),
            None => self.abbrev_exact.get(word).or_else(|| self.abbrev_any_case.get(word)),
        }
    }

    pub fn is_hyphen_prefix(&self, word: &str) -> bool {
        self.hyphen_prefixes.contains(word)
    }

    /// Byte lengths of the parts of a contraction written without an apostrophe.
    #[inline]
    pub fn contraction(&self, word: &str) -> Option<&[usize]> {
        if !self.may_be_contraction(word.as_bytes()) {
            return None;
        }
        self.contraction_lookup(word)
    }

    /// False for most words that are not contractions, true for all that are:
    /// nine words in ten fail this filter. (A word that is not letters may
    /// pass it, and then fails the lookup.)
    #[inline(always)]
    pub fn may_be_contraction(&self, b: &[u8]) -> bool {
        let n = b.len();
        if !(4..=8).contains(&n) {
            return false;
        }
        let (x, y) = (b[n - 2] & 31, b[n - 1] & 31);
        self.contraction_endings[n - 4][usize::from(x)] >> y & 1 != 0
    }

    #[inline(never)]
    fn contraction_lookup(&self, word: &str) -> Option<&[usize]> {
        self.contractions.get(word).map(|k| self.contraction_parts[usize::from(k)].as_slice())
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
        let (a, b) = self.emoticons_by_first[usize::from(bytes[0])];
        self.emoticons[usize::from(a)..usize::from(b)].iter().find(|e| bytes.starts_with(e)).map(|e| e.len())
    }

    pub fn is_tld(&self, word: &str) -> bool {
        self.tlds.contains(word)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_is_exact() {
        assert_eq!(pack(b""), None);
        assert_eq!(pack(b"abcdefghi"), None);
        assert_eq!(pack("né".as_bytes()), None);
        assert_ne!(pack(b"a"), pack(b"a\0"));
        for n in 1..=8 {
            let w = &b"abcdefgh"[..n];
            let mut x = 0u64;
            for (k, &b) in w.iter().enumerate() {
                x |= u64::from(b) << (8 * k);
            }
            assert_eq!(pack(w), Some(x | 0x80 << (8 * (n - 1))));
        }
    }

    #[test]
    fn lower_is_ascii_lowercase() {
        for b in 0..0x80u8 {
            for n in 1..=8 {
                for pos in 0..n {
                    let mut w = *b"AbCdEfGh";
                    w[pos] = b;
                    let w = &w[..n];
                    assert_eq!(pack(w).map(lower), pack(&w.to_ascii_lowercase()), "{w:?}");
                }
            }
        }
    }

    #[test]
    fn word_lists_match_hash_sets() {
        let lex = Lexicon::get();
        let probes = [
            "cannot", "CANNOT", "CanNot", "can", "cannot.", "gonna", "Gonna", "dont", "ive", "wont", "want", "shouldnt",
            "shouldnt1", "é", "dont\u{e9}", "Jan", "jan", "JAN", "mr", "Mr", "MR", "no", "No", "p", "P", "Calif", "calif",
            "anti", "ANTI", "e", "co", "com", "Com", "uk", "news", "newsy", "", "a\0", "etc", "Etc", "approx", "vs", "v",
        ];
        let abbrev: Vec<(String, AbbrevClass)> = lines(include_str!("../data/abbreviations.tsv"))
            .map(|l| {
                let mut c = l.split('\t');
                let w = c.next().unwrap().to_owned();
                let class = match c.next().map(str::trim) {
                    Some("title") => AbbrevClass::Title,
                    Some("number") => AbbrevClass::Number,
                    _ => AbbrevClass::Any,
                };
                (w, class)
            })
            .collect();
        for p in probes.iter().copied().chain(abbrev.iter().map(|(w, _)| w.as_str())) {
            let naive_abbrev = abbrev.iter().rev().find(|(w, _)| w.chars().any(char::is_uppercase) && w == p).or_else(|| {
                abbrev.iter().rev().find(|(w, _)| !w.chars().any(char::is_uppercase) && p.is_ascii() && p.len() <= 12 && *w == p.to_ascii_lowercase())
            });
            let expected = if p.len() > lex.abbrev_max_len { None } else { naive_abbrev.map(|(_, c)| *c) };
            assert_eq!(lex.abbreviation(p), expected, "abbreviation {p:?}");
            let in_list = |data: &'static str| p.is_ascii() && p.len() <= 12 && lines(data).any(|w| w == p.to_ascii_lowercase());
            assert_eq!(lex.is_tld(p), in_list(include_str!("../data/tlds.txt")), "tld {p:?}");
            assert_eq!(lex.is_hyphen_prefix(p), in_list(include_str!("../data/hyphen_prefixes.txt")), "prefix {p:?}");
            let contraction = lines(include_str!("../data/contractions.tsv"))
                .filter_map(|l| l.split_once('\t'))
                .filter(|(w, _)| (4..=8).contains(&p.len()) && p.is_ascii() && w.to_lowercase() == p.to_ascii_lowercase())
                .last()
                .map(|(_, parts)| parts.split(' ').map(str::len).collect::<Vec<_>>());
            assert_eq!(lex.contraction(p).map(<[usize]>::to_vec), contraction, "contraction {p:?}");
        }
    }
}
