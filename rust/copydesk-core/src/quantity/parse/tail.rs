//! What follows a number: scale words, the `m`/`k` decision, units and
//! currencies, composites (`6ft 2in`), primes (`6' 1"`) and ranges.

use super::*;
use crate::quantity::tables::COUNTED_OF;

/// How far `words_near` looks for a word of context: tokens before, after.
pub(super) const NEAR_BEFORE: usize = 8;
pub(super) const NEAR_AFTER: usize = 5;

impl<'a> Parser<'a> {
    /// Reads scale words after the number at the cursor.
    pub(super) fn scales(&self, num: &mut Num<'a>) {
        loop {
            let c = num.cur;
            let Some(w) = self.cw(&c, 0) else { return };
            if self.ckind(&c, 0) != Some(T::Word) {
                return;
            }
            if !self.cglued(&c, 0) && !self.cidx(&c, 0).is_some_and(|t| self.near(t)) {
                return;
            }
            let Some(nw) = self.tb.word(w) else { return };
            match nw.class {
                WordClass::Scale | WordClass::Hundred => {}
                WordClass::Dozen if !w.ends_with('s') => {}
                _ => return,
            }
            if (num.words || num.scaled) && w.len() <= 3 {
                return; // `five m` is not five million, nor `16 billion b` 16e18
            }
            if w == "T" && num.money.is_none() {
                return; // `$2.174T` is a trillion; `5T` is not
            }
            let letter = matches!(w, "m" | "k" | "K");
            if letter && num.money.is_none() && self.letter_is_unit(w, &c) {
                return;
            }
            num.value *= nw.value;
            if let Some(h) = num.high.as_mut() {
                *h *= nw.value;
            }
            num.scaled = true;
            num.scale *= nw.value;
            num.plain = false;
            num.cur = self.adv(c, 1);
        }
    }

    /// After a number, `m` is metres and `k` kilometres in a size or race
    /// (`a 1.2m-high wall`, `a 5k run`), million and thousand otherwise.
    pub(super) fn letter_is_unit(&self, w: &str, c: &Cur<'a>) -> bool {
        let next = self.cw(c, 1);
        let next_glued = self.cglued(c, 1);
        if w == "m" {
            if next == Some("-") && next_glued {
                return self.cw(c, 2).is_some_and(|a| self.tb.is(a, ctx::LENGTH));
            }
            if next.is_some_and(|a| self.tb.is(a, ctx::LENGTH)) {
                return true;
            }
            // `37m (121ft)`: a conversion in brackets says what the `m` measures.
            if next == Some("(") {
                if let Some(t) = self.cidx(c, 2).filter(|&t| self.is_number(t)) {
                    if let Some(n) = numeral(self.s(t)) {
                        if let Some((Tail::Unit(u), _)) = self.tail_at(&self.cur_after(t, n.suffix), false) {
                            return self.tb.units[u].dimension == "length";
                        }
                    }
                }
            }
            // `1 m`, `2 m x 3 m`: with a space, metres unless a counted noun follows (`3 m people`).
            if !self.cglued(c, 0) {
                let counted = next.is_some_and(|a| {
                    a == "of" || (a.len() > 3 && a.ends_with('s') && a.chars().all(|ch| ch.is_lowercase()))
                });
                return !counted;
            }
            return false;
        }
        // k, K
        let after_a = {
            let first = match c.suf {
                Some(_) => c.j.checked_sub(2),
                None => c.j.checked_sub(2),
            };
            first.is_some_and(|f| self.is_a(f))
        };
        if next.is_some_and(|a| self.tb.is(a, ctx::RACE)) {
            return true;
        }
        if next == Some("-") && next_glued && self.cw(c, 2).is_some_and(|a| self.tb.is(a, ctx::RACE)) {
            return true;
        }
        after_a && !self.ckind(c, 1).is_some_and(|k| k == T::Word)
    }

    /// A unit or currency at the cursor; returns it and the number of words.
    pub(super) fn tail_at(&self, c: &Cur<'a>, allow_currency: bool) -> Option<(Tail, usize)> {
        let w0 = self.cw(c, 0)?;
        let glued0 = self.cglued(c, 0);
        if !glued0 && !self.cidx(c, 0).is_some_and(|t| self.near(t) || self.gap(t).chars().all(|ch| ch == ' ')) {
            return None;
        }
        let words = |k: usize| self.cw(c, k);
        let cur = if allow_currency { self.tb.currency_after.longest(w0, words) } else { None };
        let unit = self.tb.unit_forms.longest(w0, words);
        let cur = cur.filter(|h| !h.glued || glued0 || (h.value.1 != 1.0 && self.spaced_price(c, h.len)));
        // `2 in thick`: a glued-only form after a space, when a size follows.
        let sized = |n: usize| self.cw(c, n).is_some_and(|w| self.tb.is(w, ctx::LENGTH) && w != "in");
        // `1.3 A/cm2`: a symbol read only glued (`=A`) is the unit of a rate written after a space.
        let unit = unit.filter(|h| !h.glued || glued0 || sized(h.len) || self.per_unit_after(&self.adv(*c, h.len)));
        match (cur, unit) {
            (Some(cu), Some(u)) if u.len > cu.len => Some((Tail::Unit(u.value), u.len)),
            (Some(cu), _) => Some((Tail::Currency(cu.value.0, cu.value.1), cu.len)),
            (None, Some(u)) => Some((Tail::Unit(u.value), u.len)),
            (None, None) => None,
        }
    }

    /// `down 68 p at 1112 p`: a one-letter minor unit (`50p`, read only
    /// glued) spaced from a price of a market report, between a word of
    /// change or level and punctuation or another level word.
    fn spaced_price(&self, c: &Cur<'a>, len: usize) -> bool {
        let Some(t) = self.cidx(c, 0) else { return false };
        let market = |k: usize| self.kind(k) == Some(T::Word) && self.tb.is(self.s(k), ctx::UP | ctx::DOWN | ctx::LEVEL | ctx::BASE);
        let closes = match self.tok(t + len) {
            None => true,
            // `at 5 p. m.` is a clock time.
            Some(".") => !self.tok(t + len + 1).is_some_and(|w| w.eq_ignore_ascii_case("m") || w.eq_ignore_ascii_case("m.")),
            Some(w) => matches!(w, "," | ";" | ")") || market(t + len),
        };
        t >= 2 && self.kind(t - 1) == Some(T::Number) && market(t - 2) && closes
    }

    /// A `/` glued between a unit and a unit of length, area, volume, mass
    /// or time at the cursor: `/cm`, `/m2`, `/kg`, `/h` (not `/B`, glued-only).
    pub(super) fn per_unit_after(&self, c: &Cur<'a>) -> bool {
        if self.cw(c, 0) != Some("/") || !self.cglued(c, 0) || !self.cglued(c, 1) {
            return false;
        }
        let c1 = self.adv(*c, 1);
        let Some(w) = self.cw(&c1, 0) else { return false };
        self.tb.unit_forms.longest(w, |k| self.cw(&c1, k)).is_some_and(|h| {
            !h.glued && matches!(self.tb.units[h.value].dimension, "length" | "area" | "volume" | "mass" | "duration")
        })
    }

    /// `kt` is a kiloton and `kn` a knot, unless the words around the number
    /// say otherwise: a speed word makes `kt` a knot (`winds of 40 kt`), a
    /// money word `kn` the Croatian kuna (`the ticket cost me 150 kn`), as a
    /// size word makes `m` metres. Only the abbreviations, written up to
    /// `written_end`; `first` is the number's first token.
    pub(super) fn tail_by_context(&self, t: Tail, written_end: usize, first: usize) -> Tail {
        let Tail::Unit(u) = t else { return t };
        let canon = self.tb.units[u].canonical;
        let w = &self.text[..written_end];
        let abbreviation = w.ends_with(canon) && !w[..w.len() - canon.len()].ends_with(char::is_alphabetic);
        if !abbreviation {
            return t;
        }
        match canon {
            "kt" if self.words_near(first, ctx::SPEED, NEAR_BEFORE, NEAR_AFTER) => self.tb.unit_index("kn").map_or(t, Tail::Unit),
            // A knot unless a money word stands right before (`cost me 150 kn`).
            "kn" if self.words_near(first, ctx::MONEY, 3, 0) && !self.words_near(first, ctx::SPEED, NEAR_BEFORE, NEAR_AFTER) => {
                self.tb.currencies.iter().position(|c| c.code == "HRK").map_or(t, |m| Tail::Currency(m, 1.0))
            }
            _ => t,
        }
    }

    /// A word of the context class `class` in the sentence of token `i`, up
    /// to `before` tokens before it and `after` after.
    pub(super) fn words_near(&self, i: usize, class: u64, before: usize, after: usize) -> bool {
        let stop = |k: usize| matches!(self.s(k), "." | "!" | "?" | ";") || self.gap(k).contains('\n');
        let word = |k: usize| self.kind(k) == Some(T::Word) && self.tb.is(self.s(k), class);
        let mut k = i;
        while k > 0 && i - k < before && !stop(k) {
            k -= 1;
            if word(k) {
                return true;
            }
        }
        let mut k = i + 1;
        while k < self.toks.len() && k - i <= after && !stop(k) {
            if word(k) {
                return true;
            }
            k += 1;
        }
        false
    }

    pub(super) fn is_a_word(&self, w: &str) -> bool {
        matches!(w, "a" | "an" | "A" | "An")
    }

    pub(super) fn composite(&self, num: &mut Num<'a>, u: usize) {
        let canon = self.tb.units[u].canonical;
        let Some(&next_unit) = self.tb.composites.get(canon) else { return };
        let c = num.cur;
        let Some(mut t) = self.cidx(&c, 0) else { return };
        // `5 feet and 2 inches`, `three years and six months`
        let and = self.tok(t).is_some_and(|w| w.eq_ignore_ascii_case("and")) && self.near(t);
        if and {
            t += 1;
        }
        if !self.near(t) || self.glued(t) {
            return;
        }
        // The second number: digits (`2`, `9in`) or a number word (`six`).
        let (value, c2) = match (numeral(self.s(t)), self.word(t)) {
            (Some(n), _) if self.is_number(t) => (n.value, self.cur_after(t, n.suffix)),
            (_, Some(w)) if matches!(w.class, WordClass::Unit | WordClass::Tens) => (w.value, self.cur_after(t, "")),
            _ => return,
        };
        let unit2 = match self.tail_at(&c2, false) {
            Some((Tail::Unit(u2), len)) => Some((u2, len)),
            // `5 ft 2 in`: `in` after a space is inches unless what follows
            // reads as its object (`5 ft 2 in London`, `in the box`, `in 2019`).
            _ if canon == "ft" && self.cw(&c2, 0) == Some("in") => {
                let object = self.cidx(&c2, 1).is_some_and(|a| {
                    let w = self.tok(a).unwrap_or("");
                    self.near(a)
                        && (self.kind(a) == Some(T::Number)
                            || (self.kind(a) == Some(T::Word)
                                && (w.starts_with(char::is_uppercase)
                                    || self.is_a_word(w)
                                    || self.tb.counted_class(w) & COUNTED_OF != 0)))
                });
                (!object).then(|| self.tb.unit_index("in").map(|i| (i, 1))).flatten()
            }
            _ => None,
        };
        if let Some((u2, len)) = unit2 {
            let canon2 = self.tb.units[u2].canonical;
            let (f1, f2) = (self.tb.units[u].factor.unwrap_or(1.0), self.tb.units[u2].factor.unwrap_or(1.0));
            // The smaller part is less than one of the larger (`one year and 18 months` is two).
            if canon2 == next_unit && value * f2 < f1 {
                num.value += value * f2 / f1;
                num.cur = self.adv(c2, len);
            }
        }
    }

    /// `6' 1"` and `6′1″`: feet and inches.
    pub(super) fn primes(&self, num: &mut Num<'a>) -> Option<Tail> {
        let c = num.cur;
        let t = self.cidx(&c, 0)?;
        let foot = matches!(self.tok(t).unwrap_or(""), "'" | "\u{2032}" | "\u{2019}");
        if !foot || !self.glued(t) {
            return None;
        }
        let ft = self.tb.unit_index("ft")?;
        let n2 = t + 1;
        if self.is_number(n2)
            && self.near(n2)
            && matches!(self.tok(n2 + 1), Some("\"" | "\u{2033}" | "\u{201D}"))
            && self.glued(n2 + 1)
        {
            let inches = numeral(self.s(n2)).filter(|n| n.suffix.is_empty() && n.value < 12.0)?;
            num.value += inches.value / 12.0;
            num.cur = self.cur_after(n2 + 1, "");
            return Some(Tail::Unit(ft));
        }
        // `6'` alone before a space and not a closing quote: feet only after a number with an inches mark.
        None
    }

    /// `one in five adults`, `nine out of 10 voters`, `1 in 100`: a proportion,
    /// read as one number (0.2, 0.9, 0.01) whose span runs to the whole. The
    /// part and the whole are whole numbers written in one token each, the
    /// part the smaller; the whole is no year (`one in 2019`) and is neither
    /// scaled nor measured (`one in 20 million`, `2 in 10 minutes`, `3 in 10%`).
    pub(super) fn proportion(&self, num: &mut Num<'a>) {
        let part = num.value;
        if num.high.is_some() || num.money.is_some() || num.ordinal || num.scaled || part < 1.0 || part.fract() != 0.0 {
            return;
        }
        let c = num.cur;
        let Some(j) = self.cidx(&c, 0) else { return };
        let k = match self.tok(j) {
            Some(w) if w.eq_ignore_ascii_case("in") => j + 1,
            Some(w) if w.eq_ignore_ascii_case("out") && self.tok(j + 1).is_some_and(|o| o.eq_ignore_ascii_case("of")) => j + 2,
            _ => return,
        };
        let spaced = |t: usize| self.near(t) && !self.glued(t);
        if !(spaced(j) && spaced(k) && (k == j + 1 || spaced(j + 1))) {
            return;
        }
        let whole = if self.is_number(k) {
            match numeral(self.s(k)) {
                Some(n) if n.suffix.is_empty() && n.decimals.is_none() && !n.special => {
                    let year = !n.grouped && n.int_text.len() == 4 && (YEAR_MIN..=YEAR_MAX).contains(&n.value);
                    if year {
                        return;
                    }
                    n.value
                }
                _ => return,
            }
        } else {
            match self.word(k) {
                Some(w) if matches!(w.class, WordClass::Unit | WordClass::Tens | WordClass::Hundred) => w.value,
                _ => return,
            }
        };
        if whole <= part {
            return;
        }
        let after = self.cur_after(k, "");
        let measured = self.tail_at(&after, true).is_some()
            || self.cw(&after, 0).is_some_and(|w| self.tb.word(w).is_some() || is_dash(w) || w == "%");
        if measured {
            return;
        }
        num.value = part / whole;
        num.cur = after;
        num.plain = false;
    }

    /// Reads the second half of a range after the cursor.
    pub(super) fn range(&self, num: &mut Num<'a>, tail: &mut Option<Tail>) {
        if num.high.is_some() {
            // `300-400` was one token: its unit is read already.
            return;
        }
        if num.ordinal {
            return;
        }
        let c = num.cur;
        let Some(conn) = self.cw(&c, 0) else { return };
        let Some(ct) = self.cidx(&c, 0) else { return };
        let before = if num.first > 0 { self.s(num.first - 1) } else { "" };
        let between = before.eq_ignore_ascii_case("between");
        let from = before.eq_ignore_ascii_case("from");
        let dash = is_dash(conn);
        let to = conn.eq_ignore_ascii_case("to");
        // `from 450 sq ft up to 900 sq ft`
        let up_to =
            from && conn.eq_ignore_ascii_case("up") && self.tok(ct + 1).is_some_and(|w| w.eq_ignore_ascii_case("to"));
        let through = conn.eq_ignore_ascii_case("through") || conn.eq_ignore_ascii_case("thru");
        let ok = dash || to || up_to || through || (between && conn.eq_ignore_ascii_case("and"));
        if !ok || (dash && !self.near(ct)) {
            return;
        }
        // `rose 5% to 7%`, `increased by $43bn to $419bn`: a change, not a range
        // (`dropped by 1 to 1.5 degrees` is one: checked below by the ratio).
        let by = before.eq_ignore_ascii_case("by");
        if to && !from && !between && !by && self.tb.is(before, ctx::CHANGE) {
            return;
        }
        let mut j = if up_to { ct + 2 } else { ct + 1 };
        // `8- to 16-meter`: a suspended hyphen.
        let suspended = dash && self.glued(ct) && self.tok(ct + 1).is_some_and(|w| w.eq_ignore_ascii_case("to"));
        if suspended {
            j = ct + 2;
            // `a 10-to-15-year sentence`, `0-to-60 mph`: the range hyphenated as one adjective.
            if self.tok(j) == Some("-") && self.glued(j) && self.glued(j + 1) && self.glued(ct + 1) {
                j += 1;
            }
        }
        if num.money.is_some() {
            if let Some(h) = self.tb.currency_before.longest(self.tok(j).unwrap_or(""), |k| self.tok(j + k)) {
                if h.value == num.money.unwrap_or(usize::MAX) {
                    j += h.len;
                }
            }
        }
        // `from -18 °C to -34 °C`
        let mut sign2 = 1.0;
        if !dash && self.tok(j).is_some_and(is_minus) && self.is_number(j + 1) && self.glued(j + 1) {
            sign2 = -1.0;
            j += 1;
        }
        let second = if num.money.is_some() && self.kind(j) == Some(T::Word) {
            // `from RM120,000 to RM300,000`
            match self.word_money_num(j) {
                Some(n2) if n2.money == num.money => n2,
                _ => return,
            }
        } else if self.is_number(j) {
            let s = self.s(j);
            if s.contains(['-', ':', '/']) {
                return;
            }
            let Some(n) = numeral(s) else { return };
            if self.skip_run(j, false).is_some() {
                return;
            }
            let mut n2 = self.num_from(j, j, &n, sign2);
            n2.money = num.money;
            n2
        } else if self.kind(j) == Some(T::Word) {
            match self.words(j) {
                Some(n2) if !n2.ordinal && !n2.bare_fraction => n2,
                _ => return,
            }
        } else {
            return;
        };
        let mut second = second;
        self.scales(&mut second);
        let mut c2 = second.cur;
        let mut tail2 = None;
        if num.money.is_none() {
            if let Some((t, n)) = self.tail_at(&c2, true) {
                c2 = self.adv(c2, n);
                tail2 = Some(self.tail_by_context(t, c2.end, j));
            } else if self.cw(&c2, 0) == Some("-") && self.cglued(&c2, 0) && self.cglued(&c2, 1) {
                // `16-meter`
                let c3 = self.adv(c2, 1);
                if let Some((t @ Tail::Unit(_), n)) = self.tail_at(&c3, false) {
                    tail2 = Some(t);
                    c2 = self.adv(c3, n);
                }
            }
        }
        if c2.suf.is_some() {
            return;
        }
        // Years are not the ends of a range of quantities: `from 2010 to 2015`
        // are two dates, `in 2018 to 3.9 million` a date and a number.
        if tail.is_none() && tail2.is_none() && self.year_like(num) {
            return;
        }
        // Units must agree; a unit after the second applies to both.
        let unit_ok = match (*tail, tail2) {
            (Some(a), Some(b)) => a == b,
            (None, _) => true,
            (Some(_), None) => dash || from,
        };
        if !unit_ok {
            return;
        }
        // `four to five thousand`, `5-10 million`: the scale of the second applies to both.
        let mut low = num.value;
        if second.scale > 1.0 && num.scale == 1.0 && low * second.scale <= second.value {
            low *= second.scale;
        }
        // Ranges go up; `from 4.8 to 4.7 per cent` keeps the order written.
        if low >= second.value && !(from && low != second.value) {
            return;
        }
        if by && to && second.value > 3.0 * low.abs() {
            return;
        }
        num.value = low;
        num.high = Some(second.value);
        num.plain = false;
        num.cur = c2;
        if tail.is_none() {
            *tail = tail2;
        }
    }
}
