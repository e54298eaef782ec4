//! Numbers written in words: `twenty-five`, `one hundred and twelve`, `a dozen`,
//! `half a million`, `two-thirds`, `twenty-first`.

use super::*;
use crate::quantity::tables::{COUNTED_NO_COUNT, COUNTED_OF, COUNTED_STOP};

/// The most digits read after a spoken `point` (`three point one four one five nine`).
const MAX_DECIMALS: usize = 12;

impl<'a> Parser<'a> {
    pub(super) fn at_words(&mut self, i: usize) -> Option<usize> {
        if self.word(i).is_some_and(|w| w.class == WordClass::Minus) {
            // `minus 5C`, `minus-130 degrees`
            let mut k = i + 1;
            if self.tok(k) == Some("-") && self.glued(k) {
                k += 1;
            }
            if self.is_number(k) && self.near(k) {
                return self.at_number(k, -1.0, i);
            }
        }
        // Inside a hyphenated compound: `production-four-door`.
        if i >= 2 && self.s(i - 1) == "-" && self.glued(i) && self.glued(i - 1) && self.kind(i - 2) == Some(T::Word) {
            return None;
        }
        // `BBC One`, `Channel Four`: a name.
        if self.s(i).starts_with(|c: char| c.is_uppercase()) && self.name_before(i) {
            return None;
        }
        // `an hour and a half`, `a year and a half`: one and a half units.
        if self.is_a(i) {
            let k = i + 1;
            if let Some(h) = self.tok(k).and_then(|w| self.tb.unit_forms.longest(w, |n| self.tok(k + n))) {
                let e = k + h.len;
                let half = ["and", "a", "half"]
                    .iter()
                    .enumerate()
                    .all(|(n, w)| self.tok(e + n).is_some_and(|t| t.eq_ignore_ascii_case(w)));
                if half && !h.glued {
                    let mut num = self.word_num(i, e + 3, 1.5, false);
                    num.cur = self.cur_after(e + 2, "");
                    let q = self.classify(&num, Some(Tail::Unit(h.value)))?;
                    self.push(q, i);
                    return Some(e + 3);
                }
            }
        }
        let num = self.words(i)?;
        // `four-cylinder`, `a three-point shot`: a count of what the word after
        // the hyphen names (`counted_after`); `two-way`, `one-sided`,
        // `third-party` are compound adjectives, not quantities.
        let c = num.cur;
        if self.cw(&c, 0) == Some("-") && self.cglued(&c, 0) && self.cglued(&c, 1) && self.ckind(&c, 1) == Some(T::Word)
        {
            let next = self.cw(&c, 1).unwrap_or("");
            let unit = self.tb.unit_forms.longest(next, |k| self.cw(&c, 1 + k)).is_some()
                || self.tb.currency_after.longest(next, |k| self.cw(&c, 1 + k)).is_some();
            // A whole number of things: not `a third-party`, `zero-emission`.
            let whole = !num.ordinal && num.value >= 1.0 && num.value.fract() == 0.0;
            let counts = whole && self.cidx(&c, 0).is_some_and(|h| self.compound_noun(h).is_some());
            if !unit && !counts && self.tb.word(next).is_none() {
                return Some(c.j);
            }
        }
        self.finish(num)
    }

    pub(super) fn is_a(&self, i: usize) -> bool {
        self.kind(i) == Some(T::Word) && matches!(self.s(i), "a" | "an" | "A" | "An")
    }

    /// A fraction written in words at `j`: `a half`, `one-half`, `two-thirds`,
    /// `three-quarters`, `a third`. Returns the value and the index after it.
    pub(super) fn fraction_words(&self, j: usize) -> Option<(f64, usize)> {
        let w = self.word(j)?;
        if w.class != WordClass::Unit || w.value >= 10.0 {
            return None;
        }
        // `one-half`, `three-quarters`, `three quarters`
        let k = if self.tok(j + 1) == Some("-") && self.glued(j + 1) && self.glued(j + 2) { j + 2 } else { j + 1 };
        let f = self.word(k)?.fraction?;
        let plural = self.s(k).ends_with('s');
        if plural != (w.value > 1.0) {
            return None;
        }
        Some((w.value * f, k + 1))
    }

    /// `a half`, `a third`, `a quarter` at `j` (`j` is the article).
    pub(super) fn a_fraction(&self, j: usize) -> Option<(f64, usize)> {
        if !self.is_a(j) {
            return None;
        }
        let w = self.word(j + 1)?;
        let f = w.fraction?;
        let s = self.s(j + 1);
        if s.ends_with('s') && !s.eq_ignore_ascii_case("halves") {
            return None;
        }
        Some((f, j + 2))
    }

    /// Parses number words starting at `i`.
    pub(super) fn words(&self, i: usize) -> Option<Num<'a>> {
        let first_word = self.s(i);
        let mut j = i;
        let mut sign = 1.0;
        if let Some(w) = self.word(i) {
            if w.class == WordClass::Minus {
                let next_num = self.word(i + 1).is_some_and(|n| matches!(n.class, WordClass::Unit | WordClass::Tens));
                if !next_num {
                    return None;
                }
                sign = -1.0;
                j += 1;
            }
        }
        let start_tok = i;
        let num_start = j;
        let mut total = 0.0;
        let mut current = 0.0;
        #[derive(PartialEq, Clone, Copy)]
        enum Last {
            None,
            Article,
            Unit,
            Tens,
            Hundred,
            Scale(f64),
            Fraction,
        }
        let mut last = Last::None;
        let mut bare_fraction = false;
        let mut end_tok = j; // exclusive
                             // Leading article: `a hundred`, `a dozen`, `a third`.
        if self.is_a(j) {
            if let Some((f, k)) = self.a_fraction(j) {
                // `a third goal`, `a second term`: an ordinal after all.
                if let Some(w) = self.tok(k).filter(|_| self.kind(k) == Some(T::Word)) {
                    let noun = w.chars().all(|c| c.is_lowercase())
                        && !self.tb.is(w, ctx::FUNCTION)
                        && !in_list(
                            w,
                            &[
                                "of", "more", "fewer", "higher", "lower", "larger", "smaller", "bigger", "mile",
                                "century", "hour", "million", "billion", "thousand", "dozen",
                            ],
                        )
                        && self.tb.unit_forms.longest(w, |_| None).is_none();
                    if noun {
                        let ord = self.word(j + 1).filter(|x| x.class == WordClass::Ordinal);
                        return ord.map(|o| {
                            let mut num = self.word_num(j + 1, j + 2, o.value, false);
                            num.ordinal = true;
                            num
                        });
                    }
                }
                // `a quarter million`
                if let Some(n) = self
                    .word(k)
                    .filter(|n| n.class == WordClass::Scale && self.s(k).len() > 3 && !self.s(k).ends_with('s'))
                {
                    return Some(self.word_num(start_tok, k + 1, sign * f * n.value, false));
                }
                // `a third`, `a quarter of a century`, `a half`
                let num = self.word_num(start_tok, k, sign * f, true);
                // `a half` alone is rarely a number; `a third of` is.
                return Some(num);
            }
            let w = self.word(j + 1)?;
            let singular_scale =
                w.class == WordClass::Scale && !self.s(j + 1).ends_with('s') && self.s(j + 1).len() > 3;
            if !(w.class == WordClass::Hundred || w.class == WordClass::Dozen || singular_scale) {
                return None;
            }
            current = 1.0;
            last = Last::Article;
            j += 1;
        } else if let Some(w) = self.word(j) {
            match w.class {
                WordClass::Fraction | WordClass::Ordinal
                    if w.fraction.is_some()
                        && !self.s(j).ends_with('s')
                        && self.word(j + 1).is_some_and(|n| {
                            n.class == WordClass::Scale && self.s(j + 1).len() > 3 && !self.s(j + 1).ends_with('s')
                        }) =>
                {
                    // `half million`, `quarter million`
                    let n = self.word(j + 1)?;
                    return Some(self.word_num(start_tok, j + 2, sign * w.fraction.unwrap_or(1.0) * n.value, false));
                }
                WordClass::Ordinal => {
                    if self.ordinal_excluded(j) {
                        return None;
                    }
                    let mut num = self.word_num(start_tok, j + 1, w.value, false);
                    num.ordinal = true;
                    return Some(num);
                }
                WordClass::Fraction if self.s(j).eq_ignore_ascii_case("half") => {
                    // `half a million`, `half an hour`
                    if self.is_a(j + 1) {
                        let next = self.word(j + 2);
                        if next.is_some_and(|n| {
                            (n.class == WordClass::Scale && self.s(j + 2).len() > 3) || n.class == WordClass::Dozen
                        }) {
                            let n = next?;
                            return Some(self.word_num(start_tok, j + 3, sign * 0.5 * n.value, false));
                        }
                        let mut num = self.word_num(start_tok, j + 2, sign * 0.5, false);
                        num.bare_fraction = true;
                        num.cur.end = self.toks[j].end;
                        return Some(num);
                    }
                    // `half of them`: a fraction of something (not `the second half of`).
                    let next = self.tok(j + 1).unwrap_or("");
                    let period = j > 0
                        && (self.word(j - 1).is_some_and(|w| w.class == WordClass::Ordinal)
                            || in_list(
                                self.s(j - 1),
                                &["the", "this", "that", "each", "latter", "other", "front", "back", "last", "better"],
                            ));
                    // `half the condos`, `half its staff`: a determiner stands for
                    // `of the` (not in `cut in half the next day`).
                    let determiner = self.tb.counted_class(next) & COUNTED_OF != 0
                        && !self.prev_is(j, &["in", "by"])
                        && self.near(j + 1)
                        && self.kind(j + 2) == Some(T::Word)
                        && self.near(j + 2);
                    if (next.eq_ignore_ascii_case("of") || determiner) && !period {
                        return Some(self.word_num(start_tok, j + 1, sign * 0.5, false));
                    }
                    // `half hour`, `a half-mile`: half of a unit.
                    let k = if next == "-" && self.glued(j + 1) { j + 2 } else { j + 1 };
                    let unit = self
                        .tok(k)
                        .is_some_and(|w| self.tb.unit_forms.longest(w, |n| self.tok(k + n)).is_some_and(|h| !h.glued));
                    if unit && !period {
                        return Some(self.word_num(start_tok, j + 1, sign * 0.5, false));
                    }
                    return None;
                }
                WordClass::Unit | WordClass::Tens => {}
                _ => return None,
            }
            if first_word.eq_ignore_ascii_case("one") && self.one_is_pronoun(j) {
                return None;
            }
        } else {
            return None;
        }
        while j < self.toks.len() {
            // `twenty-five`, `two-thirds`: a hyphen glued inside a number.
            if self.s(j) == "-" && self.glued(j) && self.glued(j + 1) && last != Last::None {
                match self.word(j + 1) {
                    Some(n) if n.class == WordClass::Unit && last == Last::Tens && n.value < 10.0 => {
                        j += 1;
                        continue;
                    }
                    Some(n) if n.class == WordClass::Ordinal && last == Last::Tens && n.value < 10.0 => {
                        let mut num = self.word_num(start_tok, j + 2, sign * (total + current + n.value), false);
                        num.ordinal = true;
                        return Some(num);
                    }
                    Some(n)
                        if n.fraction.is_some()
                            && last == Last::Unit
                            && (self.s(j + 1).ends_with('s') || current == 1.0) =>
                    {
                        current *= n.fraction.unwrap_or(1.0);
                        end_tok = j + 2;
                        last = Last::Fraction;
                        break;
                    }
                    _ => break,
                }
            }
            let Some(w) = self.word(j) else {
                // `one hundred and twelve`
                if self.s(j).eq_ignore_ascii_case("and") && self.kind(j) == Some(T::Word) {
                    if matches!(last, Last::Hundred | Last::Scale(_))
                        && self.word(j + 1).is_some_and(|n| matches!(n.class, WordClass::Unit | WordClass::Tens))
                    {
                        j += 1;
                        continue;
                    }
                    if matches!(last, Last::Unit | Last::Tens | Last::Hundred | Last::Scale(_)) {
                        // `one and a half`, `one and one-half`
                        let frac = self.a_fraction(j + 1).or_else(|| self.fraction_words(j + 1));
                        if let Some((f, k)) = frac {
                            // `one million and a half` is 1.5 million
                            match last {
                                Last::Scale(v) if v >= 1000.0 && current == 0.0 => total += f * v,
                                _ => current += f,
                            }
                            end_tok = k;
                            last = Last::Fraction;
                            j = k;
                            // a scale may follow: `one and a half million`
                            if let Some(n) = self.word(j) {
                                if n.class == WordClass::Scale && self.s(j).len() > 3 && !self.s(j).ends_with('s') {
                                    current *= n.value;
                                    end_tok = j + 1;
                                }
                            }
                        }
                    }
                }
                break;
            };
            match w.class {
                WordClass::Unit | WordClass::Ordinal | WordClass::Fraction
                    if last == Last::Unit
                        && total == 0.0
                        && j == num_start + 1
                        && current < 10.0
                        && w.fraction.is_some()
                        && !self.glued(j)
                        // `two hundredth` is the 200th, `two hundredths` 0.02.
                        && (w.value < 100.0 || self.s(j).ends_with('s') == (current > 1.0)) =>
                {
                    // `one fourth`, `two thirds`, `three quarters`
                    let plural = self.s(j).ends_with('s');
                    if plural != (current > 1.0) {
                        break;
                    }
                    current *= w.fraction.unwrap_or(1.0);
                    last = Last::Fraction;
                    j += 1;
                    end_tok = j;
                    break;
                }
                WordClass::Unit => {
                    if !(matches!(last, Last::None | Last::Hundred | Last::Scale(_))
                        || last == Last::Tens && w.value < 10.0)
                    {
                        break;
                    }
                    if last == Last::Tens && !self.glued(j) && self.s(j - 1) != "-" {
                        // `twenty five`: accepted with a space too.
                    }
                    current += w.value;
                    last = Last::Unit;
                }
                WordClass::Tens => {
                    if !matches!(last, Last::None | Last::Hundred | Last::Scale(_)) {
                        break;
                    }
                    current += w.value;
                    last = Last::Tens;
                }
                WordClass::Hundred => {
                    if !matches!(last, Last::Unit | Last::Article | Last::Tens) {
                        break;
                    }
                    current = current.max(1.0) * 100.0;
                    last = Last::Hundred;
                }
                WordClass::Scale => {
                    let s = self.s(j);
                    if s.len() <= 3 || s.ends_with('s') {
                        break; // letter scales and plurals only after digits
                    }
                    if !matches!(last, Last::Unit | Last::Tens | Last::Hundred | Last::Article)
                        && !matches!(last, Last::Scale(v) if v > w.value)
                    {
                        break;
                    }
                    if w.value >= 1000.0 {
                        total += current.max(1.0) * w.value;
                        current = 0.0;
                    } else {
                        current = current.max(1.0) * w.value;
                    }
                    last = Last::Scale(w.value);
                }
                WordClass::Ordinal if last != Last::Article && last != Last::Fraction => {
                    // `one hundred twenty fifth`, `two hundredth`, `three hundred and first`
                    let v = if w.value >= 100.0 && matches!(last, Last::Unit | Last::Tens | Last::Hundred) {
                        total + current.max(1.0) * w.value
                    } else if (w.value < 10.0 && matches!(last, Last::Tens | Last::Hundred | Last::Scale(_)))
                        || (w.value < 100.0 && matches!(last, Last::Hundred | Last::Scale(_)))
                    {
                        total + current + w.value
                    } else {
                        break;
                    };
                    let mut num = self.word_num(start_tok, j + 1, sign * v, false);
                    num.ordinal = true;
                    return Some(num);
                }
                WordClass::Dozen => {
                    if self.s(j).ends_with('s') || !matches!(last, Last::Unit | Last::Article) {
                        break;
                    }
                    current *= 12.0;
                    last = Last::Scale(12.0);
                }
                _ => break,
            }
            j += 1;
            end_tok = j;
        }
        if last == Last::Article || last == Last::None {
            return None;
        }
        // `five point five`, `two point three million`: decimals spoken, one
        // digit word after another. Not `at one point two men left`.
        let mut decimals = 0.0;
        if matches!(last, Last::Unit | Last::Tens | Last::Hundred)
            && self.tok(end_tok).is_some_and(|w| w.eq_ignore_ascii_case("point"))
            && !(start_tok > 0 && self.s(start_tok - 1).eq_ignore_ascii_case("at"))
        {
            let digit = |k: usize| self.near(k).then(|| self.word(k)).flatten().filter(|n| n.class == WordClass::Unit && n.value < 10.0);
            let mut k = end_tok + 1;
            let mut place = 0.1;
            while let Some(d) = digit(k).filter(|_| k < end_tok + 1 + MAX_DECIMALS) {
                decimals += d.value * place;
                place /= 10.0;
                k += 1;
            }
            if k > end_tok + 1 && self.near(end_tok) {
                end_tok = k;
            } else {
                decimals = 0.0;
            }
        }
        let current = current + decimals;
        if last == Last::Fraction && total == 0.0 && current < 1.0 {
            bare_fraction = false;
        }
        let mut num = self.word_num(start_tok, end_tok, sign * (total + current), false);
        num.bare_fraction = bare_fraction;
        if let Last::Scale(v) = last {
            if current == 0.0 && v >= 1000.0 {
                num.scale = v;
            }
        }
        Some(num)
    }

    pub(super) fn word_num(&self, first: usize, end_tok: usize, value: f64, article_fraction: bool) -> Num<'a> {
        let last = end_tok - 1;
        let mut num = Num {
            first,
            start: self.toks[first].start,
            cur: self.cur_after(last, ""),
            value,
            high: None,
            scaled: false,
            scale: 1.0,
            plain: false,
            digits: 0,
            words: true,
            bare_fraction: false,
            ordinal: false,
            money: None,
        };
        if article_fraction {
            num.bare_fraction = false;
        }
        num
    }

    /// `no one`, `one another`, `the one`, `one's`: not the number.
    pub(super) fn one_is_pronoun(&self, j: usize) -> bool {
        let before = j > 0
            && in_list(
                self.s(j - 1),
                &[
                    "no", "the", "this", "that", "any", "every", "each", "which", "someone", "little", "only", "last",
                    "next", "same", "another", "right", "wrong", "big", "new", "old", "first", "other",
                ],
            )
            && !self.is_number(j + 1)
            && self.tok(j + 1).is_none_or(|w| self.tb.unit_forms.longest(w, |_| None).is_none());
        let after = self.tok(j + 1).is_some_and(|w| in_list(w, &["another", "'s", "\u{2019}s", "anothers", "self"]));
        // `one-off`, `one-way`, `one-on-one`: the stop and `no_count` words of `counted_nouns.tsv`.
        let compound = self.tok(j + 1) == Some("-")
            && self.glued(j + 2)
            && self.tok(j + 2).is_some_and(|w| self.tb.counted_class(w) & (COUNTED_STOP | COUNTED_NO_COUNT) != 0);
        before || after || compound
    }

    /// `second` as a unit of time (`a second`, `30 second`) or a verb; `first` in names.
    pub(super) fn ordinal_excluded(&self, j: usize) -> bool {
        let s = self.s(j);
        if s.eq_ignore_ascii_case("second") {
            if j > 0 && (self.is_a(j - 1) || self.is_number(j - 1) || self.prev_is(j, &["split", "per", "every"])) {
                return true;
            }
            if self.tok(j + 1).is_some_and(|w| in_list(w, &["hand", "-", "guess", "guessing"])) {
                return true;
            }
            if self.tok(j + 1) == Some("to") && self.tok(j + 2).is_some_and(|w| w.eq_ignore_ascii_case("last")) {
                return true;
            }
        }
        false
    }
}
