//! The mention grammar over the token stream.
//!
//! The parser walks the tokens left to right. At a token that can start a
//! mention (a number, a currency symbol, a sign, a number word, a month name)
//! it reads the number, then its tail (scale words, a unit, a currency, a
//! percent sign, a second number making a range), classifies the whole and
//! moves past it; otherwise it moves one token on. Every rule looks at a
//! bounded window of tokens, and everything a rule reads beyond that window
//! (digit groups, number words, phone-number runs) is consumed, so the parse
//! is linear in the number of tokens.

mod ages;
mod carry;
mod counted;
mod dates;
mod digits;
mod money;
mod names;
mod tail;
mod words;

use super::number::{numeral, Numeral};
use super::tables::{ctx, rate_name, Calendar, NumberWord, Tables, WordClass};
use super::{Change, Modifier, Quantity, QuantityKind as K};
use crate::token::{Token, TokenKind as T};

/// Where the tail of a mention continues: at token `j`, or first at `suf`,
/// letters glued inside the previous number token (`bn` in `3.5bn`).
#[derive(Clone, Copy, Debug)]
struct Cur<'a> {
    j: usize,
    suf: Option<&'a str>,
    /// Byte end of what has been consumed.
    end: usize,
    /// Byte end of the token holding `suf`.
    suf_end: usize,
}

/// A number read so far, before its tail is classified.
#[derive(Clone, Copy, Debug)]
struct Num<'a> {
    /// First token of the mention (a sign or currency symbol included).
    first: usize,
    start: usize,
    cur: Cur<'a>,
    value: f64,
    high: Option<f64>,
    /// A scale word or suffix was applied (`million`, `bn`).
    scaled: bool,
    /// The product of the scale words applied (1 for none).
    scale: f64,
    /// Digits only, no separators, decimals or suffix: a year or an id looks so.
    plain: bool,
    digits: usize,
    /// Written in words.
    words: bool,
    /// A bare fraction word (`half`): a mention only with a scale or unit.
    bare_fraction: bool,
    ordinal: bool,
    /// Currency written before the number (index into the currency table).
    money: Option<usize>,
}

/// What an amount is given per: a unit (`per barrel`, `a week`) or a noun
/// of `counted_nouns.tsv`'s class per (`per share`).
#[derive(Clone, Copy, Debug)]
enum Per {
    Unit(usize),
    Noun(&'static str),
}

/// What follows a number.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tail {
    Unit(usize),
    Currency(usize, f64),
}

pub struct Parser<'a> {
    text: &'a str,
    toks: &'a [Token],
    tb: &'static Tables,
    out: Vec<Quantity>,
}

const SPACES: [char; 4] = [' ', '\u{A0}', '\u{2009}', '\u{202F}'];

pub(super) const YEAR_MIN: f64 = 1500.0;
pub(super) const YEAR_MAX: f64 = 2199.0;

/// The most words between a word of change and its `by` (`increase world food needs by 50%`).
const BY_REACH: usize = 4;

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "\u{2013}" | "\u{2014}" | "\u{2212}" | "\u{2010}" | "--")
}

fn is_minus(s: &str) -> bool {
    matches!(s, "-" | "\u{2212}")
}

/// A word that makes what follows a rate: `per day`, `a barrel`, `an hour`.
fn is_per(w: &str) -> bool {
    in_list(w, &["per", "a", "an"])
}

fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

impl<'a> Parser<'a> {
    pub fn new(text: &'a str, toks: &'a [Token]) -> Self {
        Parser { text, toks, tb: Tables::get(), out: Vec::new() }
    }

    pub fn run(mut self) -> Vec<Quantity> {
        let mut i = 0;
        while i < self.toks.len() {
            i = match self.at(i) {
                Some(next) if next > i => next,
                _ => i + 1,
            };
        }
        self.out
    }

    // ---- token access -------------------------------------------------

    #[inline]
    fn s(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    #[inline]
    fn tok(&self, i: usize) -> Option<&'a str> {
        (i < self.toks.len()).then(|| self.s(i))
    }

    #[inline]
    fn kind(&self, i: usize) -> Option<T> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// The first token that starts at or after byte `end`, found by walking
    /// from token `from` (a mention's first, a few tokens back) rather than
    /// by a binary search over the document; the same answer either way.
    #[inline]
    fn token_from(&self, from: usize, end: usize) -> usize {
        if from >= self.toks.len() || self.toks[from].start >= end {
            return self.toks.partition_point(|t| t.start < end);
        }
        let mut k = from;
        while k < self.toks.len() && self.toks[k].start < end {
            k += 1;
        }
        k
    }

    /// Token `i` starts where token `i - 1` ends.
    #[inline]
    fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i - 1].end == self.toks[i].start
    }

    /// The text between token `i - 1` and token `i`.
    fn gap(&self, i: usize) -> &'a str {
        if i == 0 || i >= self.toks.len() {
            return "";
        }
        &self.text[self.toks[i - 1].end..self.toks[i].start]
    }

    /// Token `i` follows token `i - 1` on the same line, at most one space apart.
    fn near(&self, i: usize) -> bool {
        let g = self.gap(i);
        i > 0 && i < self.toks.len() && (g.is_empty() || (g.chars().count() == 1 && g.starts_with(SPACES)))
    }

    /// Token `i - 1` is one of `list`, in any case.
    fn prev_is(&self, i: usize, list: &[&str]) -> bool {
        i > 0 && in_list(self.s(i - 1), list)
    }

    /// Token `i - 1` is in a `context_words.tsv` class.
    fn prev_in(&self, i: usize, class: u64) -> bool {
        i > 0 && self.tb.is(self.s(i - 1), class)
    }

    fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(T::Number)
    }

    /// A number written in one token, in digits or as a word (`8`, `8in`,
    /// `nine`, `twenty`): the cursor after it, where a unit written after it
    /// starts (inside the token for `8in`).
    fn one_token_number(&self, k: usize) -> Option<Cur<'a>> {
        if self.is_number(k) {
            return Some(self.cur_after(k, numeral(self.s(k)).map_or("", |n| n.suffix)));
        }
        self.word(k).filter(|n| matches!(n.class, WordClass::Unit | WordClass::Tens)).map(|_| self.cur_after(k, ""))
    }

    fn word(&self, i: usize) -> Option<NumberWord> {
        if self.kind(i) != Some(T::Word) {
            return None;
        }
        self.tb.word(self.s(i))
    }

    // ---- cursors ------------------------------------------------------

    fn cur_after(&self, i: usize, suffix: &'a str) -> Cur<'a> {
        let t = &self.toks[i];
        if suffix.is_empty() {
            Cur { j: i + 1, suf: None, end: t.end, suf_end: t.end }
        } else {
            Cur { j: i + 1, suf: Some(suffix), end: t.end - suffix.len(), suf_end: t.end }
        }
    }

    /// The k-th word from the cursor.
    fn cw(&self, c: &Cur<'a>, k: usize) -> Option<&'a str> {
        let t = match c.suf {
            Some(s) if k == 0 => return Some(s),
            Some(_) => c.j + k - 1,
            None => c.j + k,
        };
        self.tok(t).map(|w| &w[..w.len() - self.sentence_period(t)])
    }

    /// 1 when token `t` is a word of letters that took the sentence's period
    /// (`5 sq ft.`, `$80 per sq m.`): the tail reads it, and the mention
    /// ends, without the period. `a.m.` keeps its periods.
    fn sentence_period(&self, t: usize) -> usize {
        let w = self.s(t);
        let stem = w.strip_suffix('.').unwrap_or("");
        let letters = !stem.is_empty() && stem.bytes().all(|b| b.is_ascii_alphabetic());
        usize::from(letters && self.kind(t) == Some(T::Word))
    }

    /// The token index of the k-th word, `None` for a glued suffix.
    fn cidx(&self, c: &Cur<'a>, k: usize) -> Option<usize> {
        match c.suf {
            Some(_) if k == 0 => None,
            Some(_) => Some(c.j + k - 1),
            None => Some(c.j + k),
        }
    }

    /// The k-th word is attached to what precedes it.
    fn cglued(&self, c: &Cur<'a>, k: usize) -> bool {
        match self.cidx(c, k) {
            None => true,
            Some(t) => self.glued(t),
        }
    }

    fn ckind(&self, c: &Cur<'a>, k: usize) -> Option<T> {
        match self.cidx(c, k) {
            None => Some(T::Word),
            Some(t) => self.kind(t),
        }
    }

    fn adv(&self, c: Cur<'a>, n: usize) -> Cur<'a> {
        if n == 0 {
            return c;
        }
        match c.suf {
            Some(_) if n == 1 => Cur { j: c.j, suf: None, end: c.suf_end, suf_end: c.suf_end },
            Some(_) => self.cur_past(c.j + n - 2),
            None => self.cur_past(c.j + n - 1),
        }
    }

    /// The cursor after token `t`, which ends the mention so far.
    fn cur_past(&self, t: usize) -> Cur<'a> {
        let end = self.toks[t].end - self.sentence_period(t);
        Cur { j: t + 1, suf: None, end, suf_end: end }
    }

    // ---- the dispatcher -------------------------------------------------

    /// Tries a mention at token `i`; returns the index after what it
    /// consumed (mention or not), or `None` to move one token on.
    fn at(&mut self, i: usize) -> Option<usize> {
        let kind = self.toks[i].kind;
        match kind {
            T::Number => self.at_number(i, 1.0, i),
            T::Symbol | T::Punct => {
                let s = self.s(i);
                if kind == T::Symbol || !s.is_ascii() {
                    if let Some(n) = self.money_prefix(i) {
                        return Some(n);
                    }
                }
                // A sign glued to a number, not glued to what precedes: `-5C`, `−3`.
                if is_minus(s)
                    && self.is_number(i + 1)
                    && self.glued(i + 1)
                    && (i == 0 || !self.glued(i) || matches!(self.s(i - 1), "(" | "[" | "/"))
                {
                    return self.at_number(i + 1, -1.0, i);
                }
                if s == "+" && self.is_number(i + 1) && self.glued(i + 1) {
                    // `+44 20 7946 0958`: an international phone number; `+0.2%` a change.
                    let digits = self.s(i + 1).bytes().filter(u8::is_ascii_digit).count();
                    let run = self.skip_run(i + 1, false);
                    let two = (self.is_number(i + 2) && self.near(i + 2)) || self.tok(i + 2) == Some(")");
                    if run.is_some() || two || digits >= 7 {
                        return Some(self.skip_run(i + 1, true).unwrap_or(i + 2));
                    }
                    return self.at_number(i + 1, 1.0, i + 1);
                }
                // `.534`, `.001 per cent`: a decimal without its zero.
                if s == "." && self.is_number(i + 1) && self.glued(i + 1) && (i == 0 || !self.glued(i)) {
                    let t = self.s(i + 1);
                    if let Some(n) = numeral(t).filter(|n| n.is_plain_integer()) {
                        let v: f64 = format!("0.{}", n.int_text).parse().ok()?;
                        let mut num = self.num_from(i + 1, i, &n, 1.0);
                        num.value = v;
                        num.plain = false;
                        return self.finish(num).or(Some(i + 2));
                    }
                }
                None
            }
            T::Word => {
                let s = self.s(i);
                if !self.tb.starts.contains_key(s) {
                    // Not a number word, month or currency: only `USD10m`-like words remain.
                    if s.len() > 2 && s.as_bytes()[0].is_ascii_uppercase() && s.bytes().any(|b| b.is_ascii_digit()) {
                        return self.word_money(i);
                    }
                    return None;
                }
                // `a`, `an`: only before a number word (`a dozen`, `a third`).
                if self.is_a(i) && self.kind(i + 1) == Some(T::Word) {
                    let and_a_half =
                        self.tok(i + 2) == Some("and") && self.tok(i + 3).is_some_and(|w| self.is_a_word(w));
                    return if and_a_half || self.tb.starts.contains_key(self.s(i + 1)) { self.at_words(i) } else { None };
                }
                if let Some(n) = self.money_prefix(i) {
                    return Some(n);
                }
                if s.len() > 2 && s.bytes().any(|b| b.is_ascii_digit()) {
                    if let Some(n) = self.word_money(i) {
                        return Some(n);
                    }
                }
                if let Some(Calendar::Month(m)) = self.tb.calendar.get(self.s(i)).copied() {
                    return self.month_first(i, m);
                }
                self.at_words(i)
            }
            T::Quote => {
                // `’90s` is one number token; nothing else starts here.
                None
            }
            _ => None,
        }
    }

    // ---- numbers written in digits -------------------------------------

    // ---- money written with a symbol or code before the number ----------

    // ---- numbers written in words ---------------------------------------

    // ---- dates written with a month name -------------------------------

    // ---- the tail ---------------------------------------------------------

    /// Completes a number: scales, tail, range, classification; pushes the mention.
    fn finish(&mut self, mut num: Num<'a>) -> Option<usize> {
        // Times with am/pm: `2.15pm`, `3 p.m.`, `10.30am`.
        if !num.words && num.money.is_none() && num.high.is_none() && num.value >= 0.0 {
            if let Some(t) = self.time_of(&num) {
                return Some(t);
            }
        }
        if self.picture_format(&num) {
            return Some(num.cur.j);
        }
        if let Some(t) = self.era_year(&num) {
            return Some(t);
        }
        if num.ordinal {
            let q = self.classify(&num, None)?;
            self.push(q, num.first);
            return Some(num.cur.j);
        }
        self.scales(&mut num);
        // The tail: `more` between the number and its unit (`two more years`).
        let mut c = num.cur;
        let mut tail = None;
        let mut skip = 0;
        if let Some(w) = self.cw(&c, 0) {
            if (self.tb.is_more(w) && self.ckind(&c, 0) == Some(T::Word))
                || (num.bare_fraction && self.is_a_word(w))
            {
                skip = 1;
            } else if (num.words || self.slash_fraction(&num)) && w.eq_ignore_ascii_case("of") && self.cw(&c, 1).is_some_and(|a| self.is_a_word(a)) {
                // `a hundredth of a second`, `1/16 of a pint`: the fraction in that unit.
                skip = 2;
            }
        }
        let mut hyphen_unit = false;
        if let Some((t, n)) = self.tail_at(&self.adv(c, skip), num.money.is_none()) {
            // `World Cup 2018 day five`: a year before a singular noun, not 2018
            // days; but a unit symbol or currency code is no noun (`1500 km`, `2000 USD`).
            let c2 = self.adv(c, skip + n);
            let singular = !self.text[..c2.end].ends_with(['s', 'S']);
            let old = self.cw(&c2, 0).is_some_and(|w| w.eq_ignore_ascii_case("old") || w == "-");
            let symbol = self
                .cidx(&self.adv(c, skip), 0)
                .is_some_and(|k| self.symbol(&self.text[self.toks[k].start..c2.end], t));
            if !(self.year_like(&num) && singular && !old && !symbol && c.suf.is_none()) {
                tail = Some(t);
                c = c2;
            }
        } else if skip == 0 && self.cw(&c, 0) == Some("-") && self.cglued(&c, 0) && self.cglued(&c, 1) {
            // `a 20-year-old`, `a 1.2m-high wall`, `two-year`
            let c1 = self.adv(c, 1);
            if let Some((t, n)) = self.tail_at(&c1, num.money.is_none()) {
                tail = Some(t);
                c = self.adv(c1, n);
                hyphen_unit = true;
                // `a 6-foot-2 forward`: feet and inches, hyphenated as an adjective.
                let feet = matches!(t, Tail::Unit(u) if self.tb.units[u].canonical == "ft");
                if feet && self.cw(&c, 0) == Some("-") && self.cglued(&c, 0) && self.cglued(&c, 1) {
                    let inches = self.cidx(&c, 1).and_then(|k| match self.word(k) {
                        Some(w) if w.class == WordClass::Unit => Some(w.value),
                        Some(_) => None,
                        None => numeral(self.s(k)).filter(|i| self.is_number(k) && i.is_plain_integer() && i.suffix.is_empty()).map(|i| i.value),
                    });
                    if let Some(i) = inches.filter(|&i| i < 12.0) {
                        num.value += i / 12.0;
                        c = self.adv(c, 2);
                        // `a 6-foot-2-inch frame`: the inches named too.
                        if self.cw(&c, 0) == Some("-") && self.cglued(&c, 0) && self.cglued(&c, 1) {
                            let c1 = self.adv(c, 1);
                            if let Some((Tail::Unit(u), n)) = self.tail_at(&c1, false) {
                                if self.tb.units[u].canonical == "in" {
                                    c = self.adv(c1, n);
                                }
                            }
                        }
                    }
                }
                if self.cw(&c, 0) == Some("-")
                    && self.cglued(&c, 0)
                    && self.cw(&c, 1).is_some_and(|w| w.eq_ignore_ascii_case("old"))
                {
                    c = self.adv(c, 2);
                }
            }
        }
        if tail.is_none() && skip == 0 && num.money.is_none() {
            // `a 7- or 8-inch screen`: a suspended hyphen; the unit is written
            // once, after the last number, and measures each. The span stays
            // `7`. (`7- or 8 mm` as `normalize` writes it.)
            if let Some(k) = self.cidx(&c, 0).and_then(|h| self.suspended(h)) {
                let hyphen = self.tok(k + 1).is_some_and(counted::is_hyphen) && self.glued(k + 1);
                let last = if hyphen { Some(self.cur_after(k + 1, "")) } else { self.one_token_number(k) };
                if let Some((t @ Tail::Unit(_), _)) = last.and_then(|last| self.tail_at(&last, false)) {
                    tail = Some(t);
                    hyphen_unit = true;
                }
            }
        }
        if tail.is_none() && num.bare_fraction {
            return None;
        }
        // `kt`, `kn`: kiloton or knot, knot or kuna, by the words around.
        tail = tail.map(|t| self.tail_by_context(t, c.end, num.first));
        // `24703 L-202`, `SCP-173C`, `Boeing 777F`: a letter that names a model.
        if let Some(Tail::Unit(u)) = tail {
            // `3km-5km`, `10kg-15kg`: a range written with the unit twice, no model.
            let same_unit_after = |k: usize| {
                let n = numeral(self.s(k));
                let at = self.cur_after(k, n.map_or("", |n| n.suffix));
                matches!(self.tail_at(&at, false), Some((Tail::Unit(v), _)) if v == u)
            };
            let model = self.cw(&c, 0).is_some_and(is_dash)
                && self.cglued(&c, 0)
                && self.cglued(&c, 1)
                && self.ckind(&c, 1) == Some(T::Number)
                && !self.cidx(&c, 1).is_some_and(same_unit_after);
            let letter = self.text[..c.end].ends_with(|ch: char| ch.is_ascii_uppercase())
                && self.cidx(&num.cur, 0).is_none_or(|t| self.glued(t));
            let named = letter
                && num.first > 0
                && (self.name_before(num.first) || (self.s(num.first - 1) == "-" && self.glued(num.first)));
            // `3A/B` names; `1.3A/cm2` is a rate.
            let slash_name = letter && self.cw(&c, 0) == Some("/") && self.cglued(&c, 0) && !self.per_unit_after(&c);
            if model || named || slash_name {
                return Some(c.j);
            }
        }
        // `361 million pounds`: money, not weight.
        if let Some(Tail::Unit(u)) = tail {
            if self.tb.units[u].canonical == "lb" && num.scale >= 1e6 && self.cw(&c, 0).is_none_or(|w| w != "of") {
                if let Some(gbp) = self.tb.currencies.iter().position(|x| x.code == "GBP") {
                    tail = Some(Tail::Currency(gbp, 1.0));
                }
            }
        }
        // `m` and `k` read as units after a number: metres, kilometres.
        if tail.is_none() {
            if let Some(w) = self.cw(&c, 0) {
                if matches!(w, "m" | "k" | "K") && num.money.is_none() && self.letter_is_unit(w, &c) {
                    let canon = if w == "m" { "m" } else { "km" };
                    if let Some(u) = self.tb.unit_index(canon) {
                        tail = Some(Tail::Unit(u));
                        // `1.2m-high`: the adjective is not part of the quantity.
                        c = self.adv(c, 1);
                    }
                }
            }
        }
        // `highs of 30 C`, `12 C melting point`: a spaced capital C or F is
        // degrees only near a temperature word (`Section 5 C`, `Grade 3 C` are letters).
        if tail.is_none() && num.money.is_none() && !num.words && c.suf.is_none() {
            let letter = self.cw(&c, 0).filter(|w| matches!(*w, "C" | "F"));
            if let Some((t, w)) = self.cidx(&c, 0).zip(letter).filter(|&(t, _)| self.near(t) && !self.glued(t)) {
                // `C-section`, `3 C grades`: the letter of a word or a grade.
                let glued_after = self.glued(t + 1) && (matches!(self.kind(t + 1), Some(T::Word | T::Number)) || self.tok(t + 1).is_some_and(is_dash));
                let counted = self.tok(t + 1).is_some_and(|a| self.noun_shaped(a) && a.ends_with('s') && !self.tb.is(a, ctx::TEMPERATURE));
                let word_after = glued_after || counted;
                let high_of = num.first >= 2
                    && self.s(num.first - 1).eq_ignore_ascii_case("of")
                    && in_list(self.s(num.first - 2), &["high", "low"]);
                let warm = high_of || self.words_near(num.first, ctx::TEMPERATURE, tail::NEAR_BEFORE, tail::NEAR_AFTER);
                if !word_after && warm && !self.name_before(num.first) {
                    if let Some(u) = self.tb.unit_index(if w == "C" { "°C" } else { "°F" }) {
                        tail = Some(Tail::Unit(u));
                        c = self.adv(c, 1);
                    }
                }
            }
        }
        // Letters glued to the number that are nothing we know: `5G`, `3D`, `4x4`.
        if tail.is_none() && c.suf.is_some() {
            return Some(c.j);
        }
        if tail.is_none() && self.cglued(&c, 0) && self.ckind(&c, 0) == Some(T::Word) && !num.words {
            return Some(c.j + 1);
        }
        num.cur = c;
        // Composite: `6ft 2in`, `10st 4lb`, `2h 30min`.
        if let Some(Tail::Unit(u)) = tail {
            if !hyphen_unit {
                self.composite(&mut num, u);
            }
        }
        // Primes: `6' 1"`.
        if tail.is_none() && !num.words && num.money.is_none() {
            if let Some(t) = self.primes(&mut num) {
                tail = Some(t);
            }
        }
        // A range: `300-400 km`, `10 to 15 years`, `between 5 and 10 per cent`, `$5-$10`.
        self.range(&mut num, &mut tail);
        if tail.is_none() {
            self.proportion(&mut num);
        }
        let mut q = self.classify(&num, tail)?;
        let mut next = num.cur.j;
        let money = q.dimension == Some("currency");
        if let Some((per, after)) = q.unit.and_then(|_| self.rate_after(num.cur, money)) {
            // `/` and `per` make any unit a rate; `a` only a unit of time (`40 km an hour`).
            let written = self.cw(&num.cur, 0).is_some_and(|w| w == "/" || w.eq_ignore_ascii_case("per"));
            if self.rate(&mut q, per, written) {
                if let Some(c) = after {
                    q.end = c.end;
                    next = c.j;
                }
            }
        }
        self.push(q, num.first);
        Some(next)
    }

    /// Makes `q` a rate: a price per anything (`$58.24 per barrel` ->
    /// `USD/bbl`, `63 cents per share` -> `USD/share`), any other amount per
    /// unit of time (`40 hours a week` -> `h/week`, dimension
    /// `duration/duration`; `5% a year` -> `%/year`), or, written with `/` or
    /// `per` (`written`), a measure per unit of length, area, volume or mass
    /// (`10 kV/cm` -> `kV/cm`, dimension `voltage/length`, SI `V/m`;
    /// `1.3 A/cm2` -> `A/cm²`), with the SI value per SI unit where the amount
    /// has one (not for temperatures, whose SI value has an offset).
    fn rate(&self, q: &mut Quantity, per: Per, written: bool) -> bool {
        let (Some(unit), Some(dim)) = (q.unit, q.dimension) else { return false };
        match per {
            Per::Noun(noun) if dim == "currency" => q.unit = Some(rate_name(unit, noun)),
            Per::Unit(u) if dim == "currency" => q.unit = Some(rate_name(unit, self.tb.units[u].canonical)),
            Per::Unit(u) if !dim.contains('/') && self.per_dimension(u, dim, written) => {
                let per = &self.tb.units[u];
                (q.si_value, q.si_unit) = match (q.si_value, q.si_unit, per.factor, per.si_unit) {
                    (Some(v), Some(si), Some(f), Some(per_si)) if dim != "temperature" => (Some(v / f), Some(rate_name(si, per_si))),
                    _ => (None, None),
                };
                // A rate the table names (`barrel-a-day` is `bbl/d`: `bbl/…`
                // with the factor of bbl over day; `2 kg/m3` is kg/m³), else `unit/per`.
                let ratio = self.tb.unit_index(unit).and_then(|i| Some(self.tb.units[i].factor? / per.factor?));
                // A rate named as written (`10 km per litre` is km/L, fuel economy) comes first.
                let as_written = rate_name(unit, per.canonical);
                let named = self.tb.units.iter().find(|x| x.canonical == as_written).or_else(|| {
                    self.tb.units.iter().find(|x| {
                        let same = matches!((x.factor, ratio), (Some(a), Some(b)) if (a - b).abs() <= 1e-9 * a.abs().max(b.abs()));
                        same && x.canonical.strip_prefix(unit).is_some_and(|r| r.starts_with('/'))
                    })
                });
                match named {
                    Some(x) => {
                        (q.unit, q.dimension, q.si_unit) = (Some(x.canonical), Some(x.dimension), x.si_unit);
                        q.si_value = q.si_value.and(x.si_unit).and(x.factor).map(|f| q.value * f);
                    }
                    None => (q.unit, q.dimension) = (Some(as_written), Some(rate_name(dim, per.dimension))),
                }
            }
            _ => return false,
        }
        true
    }

    /// A proper fraction written with a slash, nothing else: `1/16`, `1⁄32` (U+2044).
    fn slash_fraction(&self, num: &Num<'a>) -> bool {
        let written = &self.text[num.start..num.cur.end];
        let digits_slash = written.chars().all(|ch| ch.is_ascii_digit() || ch == '/' || ch == '\u{2044}');
        num.cur.suf.is_none() && num.high.is_none() && !num.scaled && num.value > 0.0 && num.value < 1.0 && digits_slash && written.contains(['/', '\u{2044}'])
    }

    /// Whether a unit can be what a measure is given per: time (`a week`,
    /// `/h`), or, written with `/` or `per`, length, area, volume or mass
    /// (`/cm`, `/m2`, `per litre`, `/kg`), for a measure of `dim` other than
    /// a ratio (`5% a year` is a rate; `5% per kg` no).
    fn per_dimension(&self, u: usize, dim: &str, written: bool) -> bool {
        match self.tb.units[u].dimension {
            "duration" => true,
            "length" | "area" | "volume" | "mass" => written && dim != "ratio",
            _ => false,
        }
    }

    /// `written` is the unit's symbol (`km`, `t`, `mph`; not a word unit such
    /// as `day`) or the currency's ISO code.
    fn symbol(&self, written: &str, tail: Tail) -> bool {
        match tail {
            Tail::Unit(u) => {
                // `km`, and abbreviations of several parts (`sq m`, `cu ft`); not words (`day`).
                let canonical = self.tb.units[u].canonical;
                let abbreviated = written.split(' ').all(|p| (1..=3).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
                (written == canonical || abbreviated) && !self.tb.unit_plurals.contains_key(canonical)
            }
            Tail::Currency(m, _) => written == self.tb.currencies[m].code,
        }
    }

    /// Decides the kind of a finished number and builds the mention.
    fn classify(&self, num: &Num<'a>, tail: Option<Tail>) -> Option<Quantity> {
        let end = num.cur.end;
        let start = num.start;
        if !num.value.is_finite() {
            return None;
        }
        let mut q = self.plain_q(start, end, num.value);
        q.high = num.high;
        let ranged = num.high.is_some();
        if let Some(m) = num.money {
            q.kind = if ranged { K::Range } else { K::Money };
            q.unit = Some(self.tb.currencies[m].code);
            q.dimension = Some("currency");
            return Some(q);
        }
        match tail {
            Some(Tail::Currency(m, f)) => {
                q.kind = if ranged { K::Range } else { K::Money };
                q.value *= f;
                q.high = q.high.map(|h| h * f);
                q.unit = Some(self.tb.currencies[m].code);
                q.dimension = Some("currency");
                return Some(q);
            }
            Some(Tail::Unit(u)) => {
                let unit = &self.tb.units[u];
                q.kind = if ranged {
                    K::Range
                } else if unit.dimension == "ratio" {
                    K::Percent
                } else {
                    K::Quantity
                };
                q.unit = Some(unit.canonical);
                q.dimension = Some(unit.dimension);
                if let (Some(f), Some(si)) = (unit.factor, unit.si_unit) {
                    q.si_value = Some(num.value * f + unit.offset);
                    q.si_unit = Some(si);
                }
                return Some(q);
            }
            None => {}
        }
        if num.ordinal {
            q.kind = K::Ordinal;
            return Some(q);
        }
        if ranged {
            // `16-18 Industrial Avenue`: an address.
            if !num.words && self.name_after(num) {
                return None;
            }
            q.kind = K::Range;
            return Some(q);
        }
        let i = num.first;
        if num.plain && !num.words && self.name_after(num) {
            return None;
        }
        if num.plain && !num.words {
            if num.digits == 4 && (YEAR_MIN..=YEAR_MAX).contains(&num.value) && self.is_year(i) {
                let mut d = self.date(num.first, end, self.s(i).to_string());
                d.start = start;
                return Some(d);
            }
            if self.name_before(i) {
                return None;
            }
        }
        if !num.words && !num.scaled && self.name_before(i) {
            return None;
        }
        q.kind = K::Number;
        Some(q)
    }

    // ---- building mentions --------------------------------------------------

    fn plain_q(&self, start: usize, end: usize, value: f64) -> Quantity {
        Quantity {
            start,
            end,
            kind: K::Number,
            value,
            high: None,
            unit: None,
            dimension: None,
            si_value: None,
            si_unit: None,
            modifier: None,
            iso: None,
            counted: None,
            change: None,
        }
    }

    fn date(&self, first: usize, end: usize, iso: String) -> Quantity {
        Quantity {
            kind: K::Date,
            iso: (!iso.is_empty()).then_some(iso),
            ..self.plain_q(self.toks[first].start, end, f64::NAN)
        }
    }

    /// The direction of change of an amount whose words start at token
    /// `before` (its modifier included): a word of change right before it
    /// (`rose 5%`, `up 58 points`), or a few words before `by` (`increased
    /// by 5%`, `grow sales by 35%`, `increase world food needs by 50%`); a
    /// sign on a percentage (`Dow +0.2%`, `FTSE -0.6%`); or the change of the
    /// amount it restates (`lost 190 points, or 0.6%`) or of the one before a
    /// gapped verb (`down 2.3%, Burlington by 2.6%`). A noun after the amount
    /// does not count:
    /// `a 19% drop` is the size of a drop, as the CQE annotation has it.
    fn change_around(&self, q: &Quantity, before: usize) -> Option<Change> {
        let of = |k: usize| {
            let c = if self.kind(k) == Some(T::Word) { super::tables::context_of(self.s(k)) } else { 0 };
            // `made up 40%`, `gave up 517 yards`: a particle, not a change.
            let particle = (self.s(k).eq_ignore_ascii_case("up") || self.s(k).eq_ignore_ascii_case("down"))
                && k > 0
                && self.near(k)
                && self.kind(k - 1) == Some(T::Word)
                && super::tables::context_of(self.s(k - 1)) & ctx::PARTICLE_VERB != 0;
            if particle {
                None
            } else if c & ctx::UP != 0 {
                Some(Change::Up)
            } else if c & ctx::DOWN != 0 {
                Some(Change::Down)
            } else {
                None
            }
        };
        if q.kind == K::Percent {
            if self.text[q.start..].starts_with(['-', '\u{2212}']) {
                return Some(Change::Down);
            }
            if before > 0 && self.s(before - 1) == "+" && self.toks[before - 1].end == q.start {
                return Some(Change::Up);
            }
        }
        if before == 0 || !self.near(before) {
            return None;
        }
        let k = before - 1;
        if self.s(k).eq_ignore_ascii_case("by") {
            // The nearest word of change among the few words before `by`,
            // not past punctuation: `increase world food needs by 50%`.
            let words = (1..=BY_REACH).take_while(|&back| k >= back && self.near(k + 1 - back) && self.kind(k - back) == Some(T::Word));
            let gap = words.clone().count();
            if let Some(change) = words.clone().find_map(|back| of(k - back)) {
                return Some(change);
            }
            // A verb gapped in a list of changes: `Ross was down 2.3%,
            // Burlington by 2.6%`: the change of the amount before the comma.
            let comma = k > gap && self.s(k - gap - 1) == ",";
            let prev = self.out.last().filter(|p| comma && p.end <= self.toks[k - gap - 1].start);
            let adjacent = prev.is_some_and(|p| self.text[p.end..self.toks[k - gap - 1].start].trim().is_empty());
            return prev.filter(|_| adjacent).and_then(|p| p.change);
        }
        if let Some(prev) = self.restates(q, before) {
            return prev.change;
        }
        of(k)
    }

    /// The mention that the one whose words start at token `before` restates,
    /// and whose change it shares: `lost 190 points, or 0.6%`; `fell 100 km (60
    /// miles)`; a share without the comma (`grew by 125,600 jobs or 2.2%`:
    /// only a percentage restating an amount with a unit or a counted noun,
    /// so `rose 5 or 6%` stays two alternatives). (Not its bound: the reference gold leaves `70km` in
    /// `around 50 miles (70km)` without one.)
    fn restates(&self, q: &Quantity, before: usize) -> Option<&Quantity> {
        let prev = self.out.last()?;
        self.restated_by(prev, q, before).then_some(prev)
    }

    /// `q`, whose words start at token `before`, restates `prev`: only `(`,
    /// `, or`, or (for a percentage of a changed amount) `or` between them.
    fn restated_by(&self, prev: &Quantity, q: &Quantity, before: usize) -> bool {
        let open = match before.checked_sub(1).map(|k| self.s(k)) {
            Some("(") => before - 1,
            Some(w) if w.eq_ignore_ascii_case("or") && before >= 2 && self.s(before - 2) == "," => before - 2,
            Some(w) if w.eq_ignore_ascii_case("or") && q.kind == K::Percent && prev.change.is_some() && prev.kind != K::Percent && (prev.unit.is_some() || prev.counted.is_some()) => {
                before - 1
            }
            _ => return false,
        };
        let between = &self.text[prev.counted.map_or(prev.end, |c| c.end).min(self.toks[open].start)..self.toks[open].start];
        between.chars().all(|c| c == ' ')
    }

    /// The unit of time after `per`, `a` or `an` written at byte `end` (after
    /// a count or its noun, whose first token is `first`): `tests per day`,
    /// `times a minute`, `20 a week`. Not `a week ago` or `earlier`
    /// (`relative`), nor before another word (`5 a second time`).
    fn per_time(&self, first: usize, end: usize) -> Option<usize> {
        let j = self.token_from(first, end);
        let spaced = |t: usize| self.near(t) && !self.glued(t);
        if !(spaced(j) && spaced(j + 1) && is_per(self.s(j))) {
            return None;
        }
        let k = j + 1;
        let hit = self.tb.unit_forms.longest(self.s(k), |n| self.tok(k + n)).filter(|h| !h.glued)?;
        let after = k + hit.len;
        let word = |w: &str| self.kind(after) == Some(T::Word) && w.starts_with(|c: char| c.is_lowercase()) && !self.tb.is(w, ctx::FUNCTION);
        let later = self.tok(after).is_some_and(|w| self.tb.is(w, ctx::RELATIVE) || word(w));
        (self.tb.units[hit.value].dimension == "duration" && !later).then_some(hit.value)
    }

    /// The modifier written right before token `first` (`around`, `more than`)
    /// and its length in tokens.
    fn modifier_before(&self, first: usize) -> Option<(Modifier, usize)> {
        let words = |k: usize| first.checked_sub(1 + k).map(|t| self.s(t));
        let hit = self.tb.modifiers.longest(self.s(first.checked_sub(1)?), words)?;
        Some((hit.value, hit.len))
    }

    /// Adds the modifier written before token `first` and pushes the mention;
    /// a day number followed by a month becomes a date.
    fn push(&mut self, mut q: Quantity, first: usize) {
        if q.kind == K::Number && q.value.fract() == 0.0 && (1.0..=31.0).contains(&q.value) {
            // `12 December 2025`, `12 December`.
            let i = self.token_from(first, q.end);
            if i < self.toks.len() && self.near(i) {
                if let Some(Calendar::Month(m)) = self.tb.calendar.get(self.s(i)).copied() {
                    let digits = self.text[q.start..q.end].bytes().all(|c| c.is_ascii_digit());
                    if digits {
                        let mut k = i + 1;
                        if self.tok(k) == Some(",") {
                            k += 1;
                        }
                        let d = q.value as u32;
                        if let Some(y) = self.year_at(k) {
                            q = Quantity {
                                start: q.start,
                                ..self.date(first, self.toks[k].end, format!("{y}-{m:02}-{d:02}"))
                            };
                        } else {
                            q = Quantity {
                                start: q.start,
                                ..self.date(first, self.toks[i].end, format!("--{m:02}-{d:02}"))
                            };
                        }
                    }
                }
            }
        }
        if let Some(last) = self.out.last() {
            if last.end > q.start {
                return;
            }
        }
        let mut before = first;
        if let Some((modifier, len)) = self.modifier_before(first) {
            let dated = matches!(q.kind, K::Date | K::Time | K::Ordinal);
            if !dated || modifier == Modifier::Approximately {
                q.modifier = Some(modifier);
                before = first - len;
            }
        }
        if !matches!(q.kind, K::Date | K::Time | K::Ordinal) {
            q.change = self.change_around(&q, before);
        }
        if q.modifier.is_none() && !matches!(q.kind, K::Date | K::Time | K::Ordinal | K::Range) {
            // `65 or over`, `500 or more`
            let j = self.token_from(first, q.end);
            if j < self.toks.len() && self.near(j) {
                if let Some(hit) = self.tb.modifiers_after.longest(self.s(j), |k| self.tok(j + k)) {
                    q.modifier = Some(hit.value);
                }
            }
        }
        if q.kind == K::Number || (q.kind == K::Range && q.unit.is_none()) {
            q.counted = self.counted_after(first, q.end, q.value);
        }
        // `3,000 tests per day`, `78,000 times a minute`: a count per unit of time.
        if q.kind == K::Number {
            if let Some(per) = self.per_time(first, q.counted.map_or(q.end, |c| c.end)) {
                let per = &self.tb.units[per];
                q.kind = K::Quantity;
                q.unit = Some(rate_name("", per.canonical));
                q.dimension = Some("frequency");
                q.si_value = per.factor.map(|f| q.value / f);
                q.si_unit = q.si_value.map(|_| "Hz");
            }
        }
        // `rose 64.06 points to 4,577.10`: the unit of the amount compared (`carry.rs`).
        if let Some(carried) = self.carried(&q, before).or_else(|| self.or_more(&q, before)).or_else(|| self.parallel(&q, before)).or_else(|| self.age(&q, before)) {
            carried.apply(&mut q);
        }
        // `7,425.81, down 162.31 points`: the level before its change.
        if let Some(carried) = self.carried_back(&q, before).or_else(|| self.shared_back(&q, before)) {
            if let Some(level) = self.out.last_mut() {
                carried.apply(level);
            }
        }
        self.out.push(q);
    }
}
