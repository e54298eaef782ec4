//! The quantity stage's tables, compiled in from `data/` and parsed once on
//! first use: units (and the plurals of those written as words), number
//! words, currencies, modifiers, months and zones.
//!
//! Multi-word forms (`sq km`, `km/h`, `more than`, `US$`) are cut into tokens
//! by the tokenizer itself when the tables load, so that a form matches the
//! token stream exactly as the text's own tokens were cut.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::Modifier;
use crate::lexicon::WordMap;
use crate::token::{tokenize, Token};

/// FxHash (as in rustc): the keys are short words, and SipHash's DoS
/// resistance buys nothing for tables fixed at build time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut b = [0u8; 8];
            b[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ i as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<FxHasher>>;

fn lines(data: &'static str) -> impl Iterator<Item = &'static str> {
    data.lines().map(|l| l.trim_end_matches('\r')).filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
}

/// One form of a phrase: its tokens, how it matches case, and whether it
/// must be glued to what precedes it.
struct Form<V> {
    toks: Vec<&'static str>,
    any_case: bool,
    /// A capitalised form matches too (not for words that are also names:
    /// `Stone`, `Miles`, `Pound`).
    title_ok: bool,
    glued: bool,
    value: V,
}

/// Phrases (sequences of tokens) mapped to values, looked up by their first
/// token (or, for a table built reversed, by their last).
pub(crate) struct Phrases<V> {
    /// While the tables load: the forms by their first (or last) token, lower-cased.
    by_key: HashMap<String, Vec<Form<V>>>,
    reversed: bool,
    /// Once loaded (`freeze`): the key's index into `lists`.
    index: WordMap<usize>,
    lists: Vec<Vec<Form<V>>>,
}

/// A match: the value and how many tokens it covers.
pub(crate) struct Hit<V> {
    pub value: V,
    pub len: usize,
    pub glued: bool,
}

impl<V: Copy> Phrases<V> {
    fn new(reversed: bool) -> Self {
        Phrases { by_key: HashMap::default(), reversed, index: WordMap::new::<&str>([], true), lists: Vec::new() }
    }

    /// Moves the forms into the lookup that `longest` reads.
    fn freeze(&mut self) {
        let (keys, lists): (Vec<String>, Vec<Vec<Form<V>>>) = std::mem::take(&mut self.by_key).into_iter().unzip();
        self.index = WordMap::new(keys.into_iter().enumerate().map(|(k, w)| (w, k)), true);
        self.lists = lists;
    }

    /// Adds a form. `any_case`: matches in any case (else as written).
    fn add(&mut self, form: &'static str, value: V, any_case: bool, glued: bool) {
        let toks: Vec<Token> = tokenize(form);
        if toks.is_empty() {
            return;
        }
        let mut texts: Vec<&'static str> = toks.iter().map(|t| &form[t.start..t.end]).collect();
        // A final period is the sentence's, not the form's (`lb.` matches `lb`).
        if texts.len() > 1 && texts.last() == Some(&".") {
            texts.pop();
        }
        if self.reversed {
            texts.reverse();
        }
        let key = texts[0].to_ascii_lowercase();
        let title_ok = context_of(&key) & ctx::NAME_LIKE == 0;
        self.by_key.entry(key).or_default().push(Form { toks: texts, any_case, title_ok, glued, value });
    }

    /// The longest form matching `words(0), words(1), ...`, where `words(k)`
    /// is the k-th token's text going forward (or backward for a reversed
    /// table) and `None` past the end. `first` overrides the first token's
    /// text (a suffix inside a number token: `2.5km`).
    pub fn longest<'t>(&self, first: &'t str, words: impl Fn(usize) -> Option<&'t str>) -> Option<Hit<V>> {
        let forms = &self.lists[*self.index.get(first)?];
        let mut best: Option<Hit<V>> = None;
        for f in forms {
            let ok = f.toks.iter().enumerate().all(|(k, want)| {
                let got = if k == 0 { Some(first) } else { words(k) };
                got.is_some_and(|g| {
                    g == *want || (f.any_case && g.eq_ignore_ascii_case(want) && (f.title_ok || k > 0 || !is_title(g)))
                })
            });
            if ok && best.as_ref().is_none_or(|b| f.toks.len() > b.len) {
                best = Some(Hit { value: f.value, len: f.toks.len(), glued: f.glued });
            }
        }
        best
    }
}

/// A unit of measurement (a row of `units.tsv`).
#[derive(Debug)]
pub struct Unit {
    pub canonical: &'static str,
    pub dimension: &'static str,
    /// `si = value * factor + offset`; `None` when the dimension has no SI unit.
    pub factor: Option<f64>,
    pub offset: f64,
    pub si_unit: Option<&'static str>,
}

/// A currency (a row of `currencies.tsv`).
#[derive(Debug)]
pub struct Currency {
    pub code: &'static str,
}

/// Classes of `context_words.tsv` (bits of [`Tables::context`]).
pub mod ctx {
    pub const FUNCTION: u64 = 1;
    pub const CHANGE: u64 = 1 << 1;
    pub const AMOUNT: u64 = 1 << 2;
    pub const LABEL: u64 = 1 << 3;
    pub const SCORE: u64 = 1 << 4;
    pub const YEAR: u64 = 1 << 5;
    pub const LENGTH: u64 = 1 << 6;
    pub const RACE: u64 = 1 << 7;
    pub const STREET: u64 = 1 << 8;
    pub const AMBIGUOUS_CODE: u64 = 1 << 9;
    pub const NAME_LIKE: u64 = 1 << 10;
    pub const UP: u64 = 1 << 11;
    pub const DOWN: u64 = 1 << 12;
    pub const PARTICLE_VERB: u64 = 1 << 13;
    pub const LEVEL: u64 = 1 << 14;
    pub const BASE: u64 = 1 << 15;
    pub const COMPARE: u64 = 1 << 16;
    pub const PARALLEL: u64 = 1 << 17;
    pub const SCREEN: u64 = 1 << 18;
    pub const CLAUSE: u64 = 1 << 19;
    pub const CONTRAST: u64 = 1 << 20;
    pub const ALIKE: u64 = 1 << 21;
    pub const SUBSET: u64 = 1 << 22;
    pub const AGED: u64 = 1 << 23;
    pub const PERSON: u64 = 1 << 24;
    pub const AGE_VERB: u64 = 1 << 25;
    pub const AGE_END: u64 = 1 << 26;
    pub const SPEED: u64 = 1 << 27;
    pub const MONEY: u64 = 1 << 28;
    pub const TEMPERATURE: u64 = 1 << 29;
    pub const SPAN_START: u64 = 1 << 30;
    pub const SPAN_END: u64 = 1 << 31;
    pub const RELATIVE: u64 = 1 << 32;

    pub(super) fn from_name(name: &str) -> u64 {
        match name {
            "function" => FUNCTION,
            "change" => CHANGE,
            "amount" => AMOUNT,
            "label" => LABEL,
            "score" => SCORE,
            "year" => YEAR,
            "length" => LENGTH,
            "race" => RACE,
            "street" => STREET,
            "ambiguous_code" => AMBIGUOUS_CODE,
            "name_like" => NAME_LIKE,
            "up" => UP,
            "down" => DOWN,
            "particle_verb" => PARTICLE_VERB,
            "screen" => SCREEN,
            "level" => LEVEL,
            "base" => BASE,
            "compare" => COMPARE,
            "parallel" => PARALLEL,
            "clause" => CLAUSE,
            "contrast" => CONTRAST,
            "alike" => ALIKE,
            "subset" => SUBSET,
            "aged" => AGED,
            "span_start" => SPAN_START,
            "span_end" => SPAN_END,
            "relative" => RELATIVE,
            "person" => PERSON,
            "age_verb" => AGE_VERB,
            "age_end" => AGE_END,
            "speed" => SPEED,
            "money" => MONEY,
            "temperature" => TEMPERATURE,
            other => panic!("context_words.tsv: bad class {other:?}"),
        }
    }
}

/// `context_words.tsv`: lower-cased word -> its classes, loaded once.
fn context() -> &'static WordMap<u64> {
    static CONTEXT: OnceLock<WordMap<u64>> = OnceLock::new();
    CONTEXT.get_or_init(load_context)
}

fn load_context() -> WordMap<u64> {
    // Owned keys: the map keeps no reference to them once packed.
    let mut context: HashMap<String, u64> = HashMap::default();
    for line in lines(include_str!("../../data/context_words.tsv")) {
        let (class, words) = line.split_once('\t').expect("context_words.tsv: two columns");
        let bit = ctx::from_name(class);
        for w in words.split('|') {
            assert!(!w.bytes().any(|b| b.is_ascii_uppercase()) || bit == ctx::AMBIGUOUS_CODE, "{w:?}");
            let key = if bit == ctx::AMBIGUOUS_CODE { w.to_ascii_lowercase() } else { w.to_owned() };
            *context.entry(key).or_default() |= bit;
        }
    }
    WordMap::new(context, true)
}

/// The `context_words.tsv` classes of `w` (0 for none), in any ASCII case.
#[inline]
pub fn context_of(w: &str) -> u64 {
    context().get(w).copied().unwrap_or(0)
}

/// Classes of `counted_nouns.tsv`.
pub const COUNTED_PLURAL: u8 = 1;
pub const COUNTED_STOP: u8 = 2;
pub const COUNTED_OF: u8 = 4;
pub const COUNTED_SKIP: u8 = 8;
pub const COUNTED_PER: u8 = 16;
pub const COUNTED_NO_COUNT: u8 = 32;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum WordClass {
    Unit,
    Tens,
    Hundred,
    Scale,
    Ordinal,
    Fraction,
    Dozen,
    Minus,
}

#[derive(Clone, Copy, Debug)]
pub struct NumberWord {
    pub class: WordClass,
    pub value: f64,
    /// Set for words that are also fractions (`third`, `fifth`).
    pub fraction: Option<f64>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Calendar {
    Month(u32),
    Weekday(u32),
    Zone(&'static str),
    /// An era: `AD`, `CE` (false); `BC`, `BCE` (true, before year 1).
    Era(bool),
}

pub struct Tables {
    pub units: Vec<Unit>,
    /// Canonical units written as words -> their plurals (`year` -> `years`).
    pub unit_plurals: HashMap<&'static str, &'static str>,
    /// `composites.tsv`: a canonical unit -> the smaller unit written after it (`ft` -> `in`).
    pub composites: HashMap<&'static str, &'static str>,
    /// Unit forms -> index into `units`.
    pub unit_forms: Phrases<usize>,
    pub currencies: Vec<Currency>,
    /// Symbols and codes written before the number -> currency index.
    pub currency_before: Phrases<usize>,
    /// Names and codes written after the number -> (currency index, factor).
    pub currency_after: Phrases<(usize, f64)>,
    /// Symbols read only glued to an amount that cannot be a model number
    /// (`PS2.7m`, not `PS5`) -> currency index (`~` in `currencies.tsv`).
    pub amount_symbols: HashMap<&'static str, usize>,
    /// Number words, keyed in lower case (`k`/`m`/`bn` as written): looked
    /// up as written and in lower case.
    words_as_written: WordMap<NumberWord>,
    words: WordMap<NumberWord>,
    /// Modifiers, matched backwards from the word before a mention.
    pub modifiers: Phrases<Modifier>,
    /// Modifiers written after a mention (`or more`), matched forwards.
    pub modifiers_after: Phrases<Modifier>,
    /// Month and weekday names and zones, as written.
    pub calendar: WordMap<Calendar>,
    /// The words of `counted_nouns.tsv`, lower case -> (the word, its class bits `COUNTED_*`).
    counted: WordMap<(&'static str, u8)>,
    /// `model_suffixes.txt`: `Pro` in `iPhone 11 Pro`, as written.
    pub model_suffixes: WordMap<()>,
    /// Words that may start a mention, lower-cased: looked up in any ASCII case.
    pub starts: WordMap<()>,
}

impl Tables {
    fn load() -> Tables {
        let mut units = Vec::new();
        let mut unit_forms = Phrases::new(false);
        for line in lines(include_str!("../../data/units.tsv")) {
            let c: Vec<&'static str> = line.split('\t').collect();
            assert!(c.len() == 6, "units.tsv: six columns: {line:?}");
            let factor = (!c[2].is_empty()).then(|| c[2].parse::<f64>().expect("units.tsv: factor"));
            let offset = if c[3].is_empty() { 0.0 } else { c[3].parse::<f64>().expect("units.tsv: offset") };
            let idx = units.len();
            units.push(Unit {
                canonical: c[0],
                dimension: c[1],
                factor,
                offset,
                si_unit: (!c[4].is_empty() && factor.is_some()).then_some(c[4]),
            });
            for form in c[5].split('|') {
                let (form, glued) = match form.strip_prefix('=') {
                    Some(f) => (f, true),
                    None => (form, false),
                };
                unit_forms.add(form, idx, any_case(form), glued);
            }
        }

        let mut unit_plurals = HashMap::default();
        for line in lines(include_str!("../../data/unit_plurals.tsv")) {
            let (one, many) = line.split_once('\t').expect("unit_plurals.tsv: two columns");
            unit_plurals.insert(one, many);
        }

        let mut composites = HashMap::default();
        for line in lines(include_str!("../../data/composites.tsv")) {
            let (big, small) = line.split_once('\t').expect("composites.tsv: two columns");
            assert!(units.iter().any(|u: &Unit| u.canonical == big) && units.iter().any(|u: &Unit| u.canonical == small), "composites.tsv: {line:?}");
            composites.insert(big, small);
        }

        let mut currencies = Vec::new();
        let mut currency_before = Phrases::new(false);
        let mut currency_after = Phrases::new(false);
        let mut amount_symbols = HashMap::default();
        for line in lines(include_str!("../../data/currencies.tsv")) {
            let c: Vec<&'static str> = line.split('\t').collect();
            assert!(c.len() == 3, "currencies.tsv: three columns: {line:?}");
            let idx = currencies.len();
            currencies.push(Currency { code: c[0] });
            let ambiguous = |code: &str| context_of(code) & ctx::AMBIGUOUS_CODE != 0;
            let named_only = c[1] == "-";
            if !ambiguous(c[0]) && !named_only {
                currency_before.add(c[0], idx, false, false);
            }
            if !named_only {
                currency_after.add(c[0], (idx, 1.0), false, false);
            }
            for sym in c[1].split('|').filter(|s| !s.is_empty() && !named_only && !ambiguous(s)) {
                if let Some(ascii) = sym.strip_prefix('~') {
                    amount_symbols.insert(ascii, idx);
                    continue;
                }
                // The first currency listing a symbol is its default.
                if currency_before
                    .by_key
                    .get(&sym.to_ascii_lowercase())
                    .is_some_and(|v| v.iter().any(|f| f.toks.concat() == sym))
                {
                    continue;
                }
                currency_before.add(sym, idx, false, false);
                // A one-character symbol may follow the number too: `100€`, `100,000 ₭`.
                if sym.chars().count() == 1 {
                    currency_after.add(sym, (idx, 1.0), false, false);
                }
            }
            for name in c[2].split('|').filter(|s| !s.is_empty()) {
                let (name, factor) = match name.split_once('*') {
                    Some((n, f)) => (n, f.parse::<f64>().expect("currencies.tsv: factor")),
                    None => (name, 1.0),
                };
                // One-letter minor units (`50p`) only glued to the number.
                currency_after.add(name, (idx, factor), true, name.len() == 1);
            }
        }

        let mut words: HashMap<&'static str, NumberWord> = HashMap::default();
        for line in lines(include_str!("../../data/number_words.tsv")) {
            let c: Vec<&'static str> = line.split('\t').collect();
            assert!(c.len() == 3, "number_words.tsv: three columns: {line:?}");
            let class = match c[1] {
                "unit" => WordClass::Unit,
                "tens" => WordClass::Tens,
                "hundred" => WordClass::Hundred,
                "scale" => WordClass::Scale,
                "ordinal" => WordClass::Ordinal,
                "fraction" => WordClass::Fraction,
                "dozen" => WordClass::Dozen,
                "minus" => WordClass::Minus,
                other => panic!("number_words.tsv: bad class {other:?}"),
            };
            let value: f64 = c[2].parse().expect("number_words.tsv: value");
            match words.get_mut(c[0]) {
                // `third` is an ordinal and a fraction.
                Some(w) if class == WordClass::Fraction => w.fraction = Some(value),
                Some(_) => panic!("number_words.tsv: {} twice", c[0]),
                None => {
                    let fraction = (class == WordClass::Fraction).then_some(value);
                    words.insert(c[0], NumberWord { class, value, fraction });
                }
            }
        }

        let mut modifiers = Phrases::new(true);
        let mut modifiers_after = Phrases::new(false);
        for line in lines(include_str!("../../data/modifiers.tsv")) {
            let c: Vec<&'static str> = line.split('\t').collect();
            assert!(c.len() == 2 || c.len() == 3, "modifiers.tsv: two or three columns: {line:?}");
            let m =
                Modifier::from_name(c[1].trim()).unwrap_or_else(|| panic!("modifiers.tsv: bad modifier {:?}", c[1]));
            match c.get(2).map(|x| x.trim()) {
                None => modifiers.add(c[0], m, true, false),
                Some("after") => modifiers_after.add(c[0], m, true, false),
                Some(other) => panic!("modifiers.tsv: bad position {other:?}"),
            }
        }

        let mut calendar = HashMap::default();
        for line in lines(include_str!("../../data/calendar.tsv")) {
            let c: Vec<&'static str> = line.split('\t').collect();
            assert!(c.len() == 3, "calendar.tsv: three columns: {line:?}");
            let entry = match c[0] {
                "month" => Calendar::Month(c[1].parse().expect("calendar.tsv: month")),
                "weekday" => Calendar::Weekday(c[1].parse().expect("calendar.tsv: weekday")),
                "zone" => Calendar::Zone(c[1]),
                "era" => Calendar::Era(match c[1] {
                    "+" => false,
                    "-" => true,
                    other => panic!("calendar.tsv: era value {other:?}, + or -"),
                }),
                other => panic!("calendar.tsv: bad class {other:?}"),
            };
            for form in c[2].split('|') {
                calendar.insert(form, entry);
            }
        }

        let mut counted: HashMap<&'static str, u8> = HashMap::default();
        for line in lines(include_str!("../../data/counted_nouns.tsv")) {
            let (class, forms) = line.split_once('\t').expect("counted_nouns.tsv: two columns");
            let bit = match class {
                "plural" => COUNTED_PLURAL,
                "stop" => COUNTED_STOP,
                "of" => COUNTED_OF,
                "skip" => COUNTED_SKIP,
                "per" => COUNTED_PER,
                "no_count" => COUNTED_NO_COUNT,
                other => panic!("counted_nouns.tsv: bad class {other:?}"),
            };
            for form in forms.split('|') {
                *counted.entry(form).or_default() |= bit;
            }
        }

        let model_suffixes = WordMap::new(lines(include_str!("../../data/model_suffixes.txt")).map(|w| (w.trim(), ())), false);

        let starts = words
            .keys()
            .chain(calendar.keys())
            .copied()
            .chain(["a", "an"])
            .chain(currency_before.by_key.keys().map(String::as_str))
            .map(|w| (w.to_ascii_lowercase(), ()));
        let starts = WordMap::new(starts, true);
        unit_forms.freeze();
        currency_before.freeze();
        currency_after.freeze();
        modifiers.freeze();
        modifiers_after.freeze();
        let words_as_written = WordMap::new(words.iter().map(|(w, x)| (*w, *x)), false);
        let words = WordMap::new(words, true);
        let calendar = WordMap::new(calendar, false);
        let counted = WordMap::new(counted.into_iter().map(|(w, class)| (w, (w, class))), true);
        Tables {
            units,
            unit_plurals,
            composites,
            unit_forms,
            currencies,
            currency_before,
            currency_after,
            amount_symbols,
            words_as_written,
            words,
            modifiers,
            modifiers_after,
            calendar,
            counted,
            model_suffixes,
            starts,
        }
    }

    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(Tables::load)
    }

    /// A number word, looked up in lower case; the letter scales (`k`, `m`,
    /// `bn`, `M`) as written.
    pub fn word(&self, w: &str) -> Option<NumberWord> {
        if let Some(x) = self.words_as_written.get(w) {
            return Some(*x);
        }
        // Letter scales (`k`, `M`, `bn`) match only as listed.
        self.words.get(w).copied().filter(|x| !(x.class == WordClass::Scale && w.len() <= 3))
    }

    /// Whether `w` is in any of the `context_words.tsv` classes `class`, in any ASCII case.
    #[inline]
    pub fn is(&self, w: &str, class: u64) -> bool {
        context_of(w) & class != 0
    }

    /// The `counted_nouns.tsv` classes of a word (0 for none), in any case.
    pub fn counted_class(&self, w: &str) -> u8 {
        self.counted.get(w).map_or(0, |&(_, class)| class)
    }

    /// `more` in `two more years`, `eight more picks`: a word between a number
    /// and its unit or noun (the `skip` class of `counted_nouns.tsv`).
    pub fn is_more(&self, w: &str) -> bool {
        self.counted_class(w) & COUNTED_SKIP != 0
    }

    /// A noun a price is given per (`share` in `63 cents per share`), as the table spells it.
    pub fn per_noun(&self, w: &str) -> Option<&'static str> {
        self.counted.get(w).filter(|(_, class)| class & COUNTED_PER != 0).map(|&(k, _)| k)
    }

    pub fn unit_index(&self, canonical: &str) -> Option<usize> {
        self.units.iter().position(|u| u.canonical == canonical)
    }
}

fn is_title(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
}

/// Forms of three or more characters written in lower-case ASCII letters,
/// spaces, periods and hyphens match in any case.
fn any_case(form: &str) -> bool {
    form.len() >= 3
        && form.bytes().all(|b| b.is_ascii_lowercase() || matches!(b, b' ' | b'.' | b'-'))
        && form.bytes().any(|b| b.is_ascii_lowercase())
}

/// The name of a rate, `what/per`: its unit (`USD/bbl`, `USD/share`,
/// `h/week`), dimension (`length/duration`) or SI unit (`m/s`). Interned, so
/// that a mention's fields stay `&'static str`; the set is bounded by the
/// unit and currency tables times the units and per-nouns.
pub fn rate_name(what: &'static str, per: &'static str) -> &'static str {
    use std::sync::Mutex;
    static RATES: OnceLock<Mutex<HashMap<(&'static str, &'static str), &'static str>>> = OnceLock::new();
    let mut rates = RATES.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
    rates.entry((what, per)).or_insert_with(|| Box::leak(format!("{what}/{per}").into_boxed_str()))
}
