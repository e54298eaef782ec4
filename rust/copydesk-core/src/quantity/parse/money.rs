//! Money written with a symbol or code before the number: `£3.5bn`, `US$15`,
//! `USD 3bn`, `RM79`, `$US113`.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn money_prefix(&mut self, i: usize) -> Option<usize> {
        let hit = self.tb.currency_before.longest(self.s(i), |k| self.tok(i + k))?;
        let j = i + hit.len;
        // `Y=` (the wire services' yen) only as written, glued to its number: not `Y = 5`.
        if self.s(j - 1) == "=" && (i + 1..=j).any(|k| !self.glued(k)) {
            return None;
        }
        let neg = self.tok(j).is_some_and(is_minus) && self.is_number(j + 1) && self.glued(j + 1);
        let j = if neg { j + 1 } else { j };
        if !self.is_number(j) || !self.near(j) {
            return None;
        }
        // A word-like code (`Rs`, `USD`) must be a separate token before the number.
        let s = self.s(j);
        if s.contains([':', '/']) || s.starts_with(['\'', '\u{2019}']) {
            return None;
        }
        let (lo, hi, suffix) = if s.contains('-') {
            let (a, b) = s.split_once('-')?;
            let a = numeral(a).filter(|n| n.suffix.is_empty())?;
            let b = numeral(b)?;
            (a, Some(b.value), b.suffix)
        } else {
            let n = numeral(s)?;
            (n, None, n.suffix)
        };
        let sign = if neg { -1.0 } else { 1.0 };
        let mut num = self.num_from(j, i, &lo, sign);
        num.cur = self.cur_after(j, suffix);
        num.high = hi;
        num.plain = false;
        num.money = Some(hit.value);
        // `$13 009 million`
        if lo.is_plain_integer() && lo.int_text.len() <= 3 && suffix.is_empty() && hi.is_none() {
            let mut k = j + 1;
            let mut v = lo.value;
            while self.is_number(k)
                && self.near(k)
                && !self.glued(k)
                && self.s(k).len() == 3
                && self.s(k).bytes().all(|c| c.is_ascii_digit())
            {
                v = v * 1000.0 + self.s(k).parse::<f64>().unwrap_or(0.0);
                k += 1;
            }
            if k > j + 1 {
                num.value = sign * v;
                num.cur = self.cur_after(k - 1, "");
            }
        }
        self.finish(num).or(Some(j + 1))
    }

    /// What an amount is given per: `$58.24 per barrel`, `£3,500 a month`,
    /// `63 cents per share`, `a $5-a-day habit`, `£24 a-year`, `40 hours a
    /// week`, `40 h/week`. Returns it and, when the rate words follow the amount, the
    /// cursor after them. Across a bracketed restatement (`C$6 (US$4.46) per
    /// share`) both sums take the rate and keep their spans (`None`). Not
    /// `$3bn a year ago`, which dates the sum.
    pub(super) fn rate_after(&self, c: Cur<'a>, money: bool) -> Option<(Per, Option<Cur<'a>>)> {
        if c.suf.is_some() {
            return None;
        }
        let mut t = self.cidx(&c, 0)?;
        let across = match self.tok(t)? {
            // Only sums: a measure read across a bracket would need its SI
            // value there too.
            "(" | ")" if !money => return None,
            "(" => {
                let close = (t + 1..(t + 10).min(self.toks.len())).find(|&k| self.s(k) == ")")?;
                if !(t + 1..close).any(|k| self.is_number(k)) {
                    return None;
                }
                t = close + 1;
                true
            }
            ")" => {
                t += 1;
                true
            }
            _ => false,
        };
        // `$5-a-day`: the rate hyphenated onto the sum.
        let hyphened = self.tok(t) == Some("-") && self.glued(t);
        if hyphened {
            t += 1;
        }
        let w = self.tok(t)?;
        let prefixed = |p: &str| w.len() > p.len() && w.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        let (per, after) = if let Some(rest) = ["a-", "an-", "per-"].iter().find(|p| prefixed(p)).map(|p| &w[p.len()..]) {
            // `a-year`, `a-day`: one token.
            let per = match self.tb.unit_forms.longest(rest, |_| None) {
                Some(u) => Per::Unit(u.value),
                None => Per::Noun(self.tb.per_noun(rest)?),
            };
            (per, self.cur_past(t))
        } else {
            // `h/week`, `USD/share`: the written form of a rate.
            let slash = w == "/" && self.glued(t) && self.glued(t + 1);
            let per = is_per(w);
            if !slash && (!per || self.glued(t) != hyphened || !self.near(t) || !self.near(t + 1)) {
                return None;
            }
            let c1 = self.cur_past(t);
            match self.tail_at(&c1, false) {
                Some((Tail::Unit(u), n)) => (Per::Unit(u), self.adv(c1, n)),
                _ if self.kind(t + 1) == Some(T::Word) => (Per::Noun(self.tb.per_noun(self.s(t + 1))?), self.adv(c1, 1)),
                _ => return None,
            }
        };
        if self.cw(&after, 0).is_some_and(|w| self.tb.is(w, ctx::RELATIVE)) {
            return None;
        }
        Some((per, (!across).then_some(after)))
    }

    /// Money written as one word: `USD10m`, `RM79`, `EUR50m`, `$US113bn`.
    pub(super) fn word_money(&mut self, i: usize) -> Option<usize> {
        let num = self.word_money_num(i)?;
        self.finish(num).or(Some(i + 1))
    }

    pub(super) fn word_money_num(&self, i: usize) -> Option<Num<'a>> {
        let s = self.s(i);
        let k = s.find(|c: char| c.is_ascii_digit())?;
        if k < 1 {
            return None;
        }
        let (p, rest) = s.split_at(k);
        if !p.bytes().all(|b| b.is_ascii_alphabetic()) || !p.bytes().any(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let after_dollar = i > 0 && self.s(i - 1) == "$" && self.glued(i);
        let (cur, first) = if after_dollar {
            // `$US113`, `$A82`: written for `US$`, `A$`.
            let h = self.tb.currency_before.longest(p, |k| (k == 1).then_some("$"))?;
            (h.value, i - 1)
        } else {
            if p.len() < 2 {
                return None;
            }
            match self.tb.currency_before.longest(p, |_| None) {
                Some(h) => (h.value, i),
                None => {
                    // `PS2.7m`, `PS21,700` (unidecode's `£`); `PS5` is a console.
                    let &cur = self.tb.amount_symbols.get(p)?;
                    let n = numeral(rest)?;
                    let scaled = self.tb.word(n.suffix).is_some_and(|x| x.class == WordClass::Scale);
                    if !(n.grouped || n.decimals.is_some() || scaled) {
                        return None;
                    }
                    (cur, i)
                }
            }
        };
        let n = numeral(rest)?;
        // `COP28`, `G20`: a three-letter code before a short bare number is a name.
        let scale_next = self.tok(i + 1).is_some_and(|w| self.tb.word(w).is_some_and(|x| x.class == WordClass::Scale));
        if !after_dollar
            && p.len() == 3
            && n.is_plain_integer()
            && n.int_text.len() < 3
            && n.suffix.is_empty()
            && !scale_next
        {
            return None;
        }
        let mut num = self.num_from(i, first, &n, 1.0);
        num.plain = false;
        num.money = Some(cur);
        Some(num)
    }
}
