//! A number whose unit is elided in a comparison takes the unit of the
//! number it is compared with.
//!
//! News English leaves out the unit (or the counted noun) of the second of
//! two amounts compared: `rose 64.06 points to 4,577.10`, `3.9 million
//! headsets, up from 2.4 million`, `460 cars ... compared with 63`, `from
//! 14-18 mpg to 24`, `increased by 2 percent but the Nasdaq decreased by 1`.
//! A bare number (a plain count with nothing counted, no range, no year,
//! date, time or ordinal) right after a connector of `context_words.tsv`
//! takes the unit, or the counted noun, of the source: the nearest earlier
//! amount in the same sentence (dates and times aside), ending within `REACH`
//! tokens of the connector, if it has a unit or a counted noun (a bare one is
//! itself what the number is compared with: `rose 3 percent to 150, against
//! 140`); when that mention restates the one before it (`lost 162.31 points,
//! or 2.14%, to fall to 7,425.81`) the restated one.
//! The connector decides whether the source fits:
//!
//! - `level` (`to`, `at`): the source is an amount of change (`rose 64.06
//!   points to 4,577.10`) or follows a `base` word (`from 14-18 mpg to 24`);
//! - `base` (`from`): a word of rise or fall before it (`up from 2.4
//!   million`), the source is an amount of change (`rose 5 points from 100`)
//!   or a word of change is among the few words before the source (`rose to
//!   3.9 million headsets from 2.4 million`);
//! - `compare` (`compared with`, `versus`, `against`): any source; the word
//!   may stand one function word before the number (`compared with 63`);
//!   `subset` (`including`, `excluding`) likewise, right before the number (`6 million
//!   homes, including 1.5 million in Los Angeles`);
//! - `parallel` (`by`): the source follows the same word (`increased by 2
//!   percent but the Nasdaq decreased by 1`).
//!
//! Parallel clauses compare too (`parallel` below): `fell 1% to 1,463.78
//! points, while the TA-125 lost 1.1% to 1,334.20`, `435 homes by open sale
//! and 187 by tender`.
//!
//! The other way round, a bare level right before `up` or `down` and its
//! change takes the change's unit (`7,425.81, down 162.31 points`), and a
//! bare number before `or` or `of the` takes the unit or noun written once
//! after the second (`8 or $9`, `2 or 3 times`, `280 million of the 1.5
//! billion shekels`). And the
//! number in `a day or two`, `another pick or two` takes the singular noun
//! or unit of the `a` before it.
//!
//! After `level` and `base` a percentage that measures a change is not
//! carried: `rose 5% to 120` is a level of 120, not 120%. A price in a minor
//! unit (`84.75 cents`) is not carried either (`to 1.20` is more likely
//! dollars). Nothing is carried across an elided scale (`$5 billion, up from
//! 4.5`); money carries its currency, not a rate (`$2 a barrel to 80` is 80
//! USD); a clock hour after `at` (`at 10 on Monday`) and a proportion take
//! nothing. The number keeps its span; it takes the source's counted span
//! (the noun stays where it is written), or its unit with the kind, dimension
//! and SI value that unit gives its own value. Numbers that have a noun of
//! their own (`rose 20 points to 400 shares`) or a unit are not bare and keep
//! theirs. The look back is bounded (`REACH` tokens, `MENTIONS` mentions), so
//! the stage stays linear.

use super::super::number::numeral;
use super::super::tables::{context_of, ctx, Unit, WordClass, COUNTED_OF};
use super::{Parser, K};
use crate::quantity::Quantity;
use crate::token::{Span, TokenKind as T};

/// The most tokens between the source's end and the connector.
const REACH: usize = 12;

/// The most earlier mentions looked at.
const MENTIONS: usize = 6;

/// The words before the source where a word of change makes `from` a base.
const CHANGE_REACH: usize = 3;

/// How a bare number is joined to the amount it is compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Connector {
    Level,
    Base,
    Compare,
    /// The connector's token.
    Parallel(usize),
}

/// What a bare number takes from its source.
#[derive(Clone, Copy, Debug)]
pub(super) enum Carried {
    Counted(Span),
    Unit { kind: K, unit: &'static str, dimension: &'static str, factor: Option<(f64, f64, &'static str)> },
}

impl Carried {
    /// A unit of the table, with the kind and the SI conversion it gives.
    pub(super) fn of_unit(u: &Unit) -> Carried {
        let kind = if u.dimension == "ratio" { K::Percent } else { K::Quantity };
        let factor = u.factor.zip(u.si_unit).map(|(f, si)| (f, u.offset, si));
        Carried::Unit { kind, unit: u.canonical, dimension: u.dimension, factor }
    }

    /// Gives `q` what it carries.
    pub(super) fn apply(self, q: &mut Quantity) {
        match self {
            Carried::Counted(span) => q.counted = Some(span),
            Carried::Unit { kind, unit, dimension, factor } => {
                q.kind = kind;
                q.unit = Some(unit);
                q.dimension = Some(dimension);
                if let Some((f, offset, si)) = factor {
                    q.si_value = Some(q.value * f + offset);
                    q.si_unit = Some(si);
                }
            }
        }
    }
}

impl<'a> Parser<'a> {
    /// What the bare number `q`, whose words (its modifier included) start
    /// at token `before`, takes from the amount it is compared with.
    pub(super) fn carried(&self, q: &Quantity, before: usize) -> Option<Carried> {
        if q.kind != K::Number || q.high.is_some() || q.counted.is_some() || before == 0 || !self.near(before) {
            return None;
        }
        let k = before - 1;
        let class = |t: usize| if self.kind(t) == Some(T::Word) { context_of(self.s(t)) } else { 0 };
        // `compared with 63`, `in comparison to 40`: read before `to` as a level.
        let (conn, first) = if k > 0 && class(k) & ctx::FUNCTION != 0 && class(k - 1) & ctx::COMPARE != 0 && self.near(k) {
            (Connector::Compare, k - 1)
        } else if class(k) & ctx::LEVEL != 0 {
            (Connector::Level, k)
        } else if class(k) & ctx::BASE != 0 {
            (Connector::Base, k)
        } else if class(k) & (ctx::COMPARE | ctx::SUBSET) != 0 {
            (Connector::Compare, k)
        } else if class(k) & ctx::PARALLEL != 0 {
            (Connector::Parallel(k), k)
        } else {
            return None;
        };
        // `at 10 on Monday`: a small whole number after `at` is a clock hour.
        if self.s(k).eq_ignore_ascii_case("at") && q.value.fract() == 0.0 && q.value <= 24.0 {
            return None;
        }
        if self.proportion_span(q) {
            return None;
        }
        let lo = self.window(first, REACH);
        if lo == first {
            return None;
        }
        let floor = self.toks[lo].start;
        let has = |m: &Quantity| m.unit.is_some() || m.counted.is_some();
        // The nearest amount (dates and times are none); a bare one is what
        // the number is compared with, and it has nothing to give (`rose 3
        // percent to 150 after earnings, against 140`).
        let (idx, mut src) = self
            .out
            .iter()
            .enumerate()
            .rev()
            .take(MENTIONS)
            .take_while(|(_, m)| m.end > floor)
            .find(|(_, m)| !matches!(m.kind, K::Date | K::Time))?;
        if !has(src) {
            return None;
        }
        // `lost 162.31 points, or 2.14%, to fall to`: the restated amount.
        if let Some(prev) = idx.checked_sub(1).map(|p| &self.out[p]) {
            let f = self.toks[..first].partition_point(|t| t.start < src.start);
            let words = f - self.modifier_before(f).map_or(0, |(_, len)| len);
            if prev.end > floor && has(prev) && self.restated_by(prev, src, words) {
                src = prev;
            }
        }
        if matches!(src.kind, K::Date | K::Time | K::Ordinal) {
            return None;
        }
        // The source's first token and the word before it, its modifier aside.
        let f = self.toks[..first].partition_point(|t| t.start < src.start);
        let lead = self.lead(f);
        let change_word = |t: usize| class(t) & (ctx::UP | ctx::DOWN) != 0;
        let fits = match conn {
            Connector::Level => src.change.is_some() || lead.is_some_and(|t| class(t) & ctx::BASE != 0),
            Connector::Base => {
                src.change.is_some()
                    || (k > 0 && change_word(k - 1))
                    || (f.saturating_sub(CHANGE_REACH)..f).any(|t| change_word(t) && self.kind(t) == Some(T::Word))
            }
            Connector::Compare => true,
            Connector::Parallel(c) => lead.is_some_and(|t| self.s(t).eq_ignore_ascii_case(self.s(c))),
        };
        let rate_of_change = src.dimension == Some("ratio") && src.change.is_some();
        if !fits || (rate_of_change && matches!(conn, Connector::Level | Connector::Base)) {
            return None;
        }
        // `$5 billion, up from 4.5`: the scale is elided with the unit and is
        // not carried; a number that writes none takes nothing.
        if self.scaled(src) && !self.scaled(q) {
            return None;
        }
        self.taken_from(src, f)
    }

    /// The first token of the window before token `first`: up to `reach`
    /// tokens back, not past the end of a sentence or a line.
    fn window(&self, first: usize, reach: usize) -> usize {
        let mut lo = first;
        while lo > 0 && first - lo < reach {
            let t = lo - 1;
            let ends = self.kind(t) == Some(T::Punct) && matches!(self.s(t), "." | "!" | "?" | ";");
            if ends || self.gap(lo).contains('\n') {
                break;
            }
            lo = t;
        }
        lo
    }

    /// A bare number in a clause set against an earlier one takes the unit
    /// or noun of the earlier clause's amount, written the same way:
    ///
    /// - market reports: both clauses a percentage of change and then the
    ///   level reached, after `to`, `at` or `of` (`clause`), with a
    ///   `contrast` word between them: `ended down 1% at 1,463.78 points,
    ///   while the TA-125 lost 1.1% to end at 1,334.20`. Without the change
    ///   in each clause, two levels are as likely two measures (`closed at
    ///   7,000 points, but the pound was at 1.30`);
    /// - after `and` or a `contrast` word, followed by the same preposition
    ///   (`alike`) as the amount before it: `435 homes by open sale and 187 by
    ///   tender`.
    pub(super) fn parallel(&self, q: &Quantity, before: usize) -> Option<Carried> {
        if q.kind != K::Number || q.high.is_some() || q.counted.is_some() || before == 0 || !self.near(before) || self.proportion_span(q) {
            return None;
        }
        let class = |t: usize| if self.kind(t) == Some(T::Word) { context_of(self.s(t)) } else { 0 };
        let lead = before - 1;
        let lo = self.window(lead, 2 * REACH);
        let floor = self.toks[lo].start;
        let mut amounts = self.out.iter().enumerate().rev().take(MENTIONS).take_while(|(_, m)| m.end > floor).filter(|(_, m)| !matches!(m.kind, K::Date | K::Time));
        let rate_of_change = |m: &Quantity| m.dimension == Some("ratio") && m.change.is_some();
        let src = if class(lead) & ctx::LEVEL != 0 {
            let contrast = self.toks[(lo..lead).rev().find(|&t| class(t) & ctx::CONTRAST != 0)?].start;
            let (_, change) = amounts.next()?;
            let (i, src) = amounts.next()?;
            let level = src.change.is_none() && src.dimension != Some("ratio") && src.kind != K::Ordinal;
            if !rate_of_change(change) || change.start < contrast || src.end > contrast || !level {
                return None;
            }
            let changed = i.checked_sub(1).is_some_and(|p| self.out[p].end > floor && rate_of_change(&self.out[p]));
            let f = self.toks[..lead].partition_point(|t| t.start < src.start);
            if !changed || self.lead(f).map_or(true, |t| class(t) & ctx::CLAUSE == 0) {
                return None;
            }
            src
        } else if class(lead) & ctx::CONTRAST != 0 || self.s(lead).eq_ignore_ascii_case("and") {
            let next = self.token_from(before, q.end);
            let prep = self.tok(next).filter(|_| class(next) & ctx::ALIKE != 0 && self.near(next))?;
            let (_, src) = amounts.next().filter(|(_, m)| m.end <= self.toks[lead].start && m.kind != K::Ordinal)?;
            let after = self.token_from(lead.saturating_sub(REACH), src.counted.map_or(src.end, |c| c.end));
            if after >= lead || !self.s(after).eq_ignore_ascii_case(prep) {
                return None;
            }
            src
        } else {
            return None;
        };
        if !(src.unit.is_some() || src.counted.is_some()) || (self.scaled(src) && !self.scaled(q)) {
            return None;
        }
        self.taken_from(src, self.toks[..lead].partition_point(|t| t.start < src.start))
    }

    /// What a bare number takes from `src`, whose first token is `f`: its
    /// counted noun, its currency (not a rate: `$2 a barrel to 80` holds no
    /// `a barrel`; not a minor unit: `84.75 cents ... to 1.20`), or its unit
    /// of the table (not a rate made up of two: `h/week`).
    fn taken_from(&self, src: &Quantity, f: usize) -> Option<Carried> {
        if let (None, Some(span)) = (src.unit, src.counted) {
            return Some(Carried::Counted(span));
        }
        let (unit, dimension) = (src.unit?, src.dimension?);
        if dimension == "currency" {
            let unit = unit.split('/').next().unwrap_or(unit);
            return (!self.minor_unit(src, f)).then_some(Carried::Unit { kind: K::Money, unit, dimension, factor: None });
        }
        Some(Carried::of_unit(&self.tb.units[self.tb.unit_index(unit)?]))
    }

    /// What the bare number just before `q` takes from it when `q` is the
    /// change that reached it, written after it with `up` or `down`: the
    /// level of a market report (`7,425.81, down 162.31 points`, `(16369.03
    /// up 58.06 points)`). Not a percentage (`closed at 120, up 5%`), nor
    /// across an elided scale.
    pub(super) fn carried_back(&self, q: &Quantity, before: usize) -> Option<Carried> {
        if q.change.is_none() || q.dimension == Some("ratio") || before == 0 || !self.near(before) {
            return None;
        }
        let level = self.out.last()?;
        if level.kind != K::Number || level.high.is_some() || level.counted.is_some() || self.proportion_span(level) {
            return None;
        }
        let adverb = before - 1;
        if !matches!(self.s(adverb).to_ascii_lowercase().as_str(), "up" | "down") {
            return None;
        }
        // Only the level, an optional comma and the adverb between them.
        let mut k = adverb;
        if k > 0 && self.s(k - 1) == "," {
            k -= 1;
        }
        if k == 0 || self.toks[k - 1].end != level.end || self.scaled(q) != self.scaled(level) {
            return None;
        }
        self.taken_from(q, self.toks.partition_point(|t| t.start < q.start))
    }

    /// What the bare number just before `q` takes from it when only `or`
    /// (`eight or nine euros`, `5 or 6%`, `8 or $9`, `2 or 3 times`) or `of`
    /// and a determiner (`280 million of the 1.5 billion shekels`) stand
    /// between them: the unit or noun written once, with the second. (A count's noun after `of the`, `5 of the 10
    /// players`, is already read by `counted.rs`.) Not across an elided
    /// scale (`5 or $6 million`), not a fraction, not from a unit written as
    /// an adjective (`five of the three-ton satellites`).
    pub(super) fn shared_back(&self, q: &Quantity, before: usize) -> Option<Carried> {
        if matches!(q.kind, K::Date | K::Time | K::Ordinal | K::Range) || before < 2 || self.proportion_span(q) {
            return None;
        }
        let last = self.out.last()?;
        if last.kind != K::Number || last.high.is_some() || last.counted.is_some() || last.value < 1.0 || self.proportion_span(last) {
            return None;
        }
        let or = self.s(before - 1).eq_ignore_ascii_case("or");
        let k = if or { before - 1 } else { before - 2 };
        let of_det = !or && self.s(k).eq_ignore_ascii_case("of") && self.tb.counted_class(self.s(before - 1)) & COUNTED_OF != 0;
        if !(or || of_det) || k == 0 || self.toks[k - 1].end != last.end || !(k..=before).all(|t| self.near(t) && !self.glued(t)) {
            return None;
        }
        // `five of the three-ton satellites`, `two of the 5 km races`: a unit
        // that measures a noun after it does not measure the part before
        // (alternatives share it: `a 1 or 2 day contract`).
        let adjective = self.text[q.start..q.end].trim_start_matches(['-', '−']).contains('-');
        let next = self.token_from(before, q.end);
        let noun_after = q.unit.is_some() && self.near(next) && self.tok(next).is_some_and(|w| self.noun_shaped(w));
        if self.scaled(q) != self.scaled(last) || (of_det && (adjective || noun_after)) {
            return None;
        }
        self.taken_from(q, before)
    }

    /// `a day or two`, `another pick or two`: the number after `or` counts
    /// or measures the singular noun of the `a` before it (2 days, 2 picks).
    pub(super) fn or_more(&self, q: &Quantity, before: usize) -> Option<Carried> {
        if q.kind != K::Number || q.counted.is_some() || q.value < 2.0 || q.value.fract() != 0.0 || before < 3 {
            return None;
        }
        let (or, noun, det) = (before - 1, before - 2, before - 3);
        let spaced = |t: usize| self.near(t) && !self.glued(t);
        if !(self.s(or).eq_ignore_ascii_case("or") && spaced(before) && spaced(or) && spaced(noun)) {
            return None;
        }
        if self.kind(noun) != Some(T::Word) || !matches!(self.s(det).to_ascii_lowercase().as_str(), "a" | "an" | "another") {
            return None;
        }
        let w = self.s(noun);
        if let Some(hit) = self.tb.unit_forms.longest(w, |_| None).filter(|h| !h.glued && h.len == 1 && w.len() > 1) {
            return Some(Carried::of_unit(&self.tb.units[hit.value]));
        }
        self.noun_shaped(w).then(|| Carried::Counted(Span { start: self.toks[noun].start, end: self.toks[noun].end }))
    }

    /// `1 in 5`, `nine out of 10`: a proportion measures itself and takes no unit.
    fn proportion_span(&self, q: &Quantity) -> bool {
        let span = &self.text[q.start..q.end];
        span.contains(" in ") || span.contains(" out of ")
    }

    /// `q` is written with a scale word or letter (`5 billion`, `$5bn`, `2.4m`).
    fn scaled(&self, q: &Quantity) -> bool {
        let mut t = self.toks.partition_point(|x| x.start < q.start);
        while t < self.toks.len() && self.toks[t].end <= q.end {
            let s = self.s(t);
            let word = if self.kind(t) == Some(T::Number) { numeral(s).map_or("", |n| n.suffix) } else { s };
            if self.tb.word(word).is_some_and(|w| w.class == WordClass::Scale) {
                return true;
            }
            t += 1;
        }
        false
    }

    /// The token before the words of a mention starting at token `first`,
    /// a modifier (`from about 14-18 mpg`) passed over.
    fn lead(&self, first: usize) -> Option<usize> {
        first.checked_sub(1 + self.modifier_before(first).map_or(0, |(_, len)| len))
    }

    /// The money `src`, whose first token is `f`, is written in a minor unit
    /// (`84.75 cents`, `50p`): its factor is not 1.
    fn minor_unit(&self, src: &Quantity, f: usize) -> bool {
        let mut t = f;
        while t < self.toks.len() && self.toks[t].start < src.end && t - f < REACH {
            let s = self.s(t);
            let word = if self.kind(t) == Some(T::Number) { numeral(s).map_or("", |n| n.suffix) } else { s };
            let hit = (!word.is_empty()).then(|| self.tb.currency_after.longest(word, |k| self.tok(t + k))).flatten();
            if hit.is_some_and(|h| h.value.1 != 1.0) {
                return true;
            }
            t += 1;
        }
        false
    }
}

#[cfg(test)]
mod tests {
    use crate::{quantities, tokenize};

    /// Each mention as (text, kind, unit, counted).
    fn read(text: &str) -> Vec<(&str, &'static str, Option<&str>, Option<&str>)> {
        let toks = tokenize(text);
        quantities(text, &toks)
            .into_iter()
            .map(|q| (&text[q.start..q.end], q.kind.name(), q.unit, q.counted.map(|c| &text[c.start..c.end])))
            .collect()
    }

    /// The mention written `m` in `text` as (kind, unit, counted).
    fn of<'t>(text: &'t str, m: &str) -> (&'static str, Option<&'t str>, Option<&'t str>) {
        let got = read(text);
        let hit = got.iter().find(|x| x.0 == m).unwrap_or_else(|| panic!("{m:?} not in {got:?}"));
        (hit.1, hit.2, hit.3)
    }

    #[test]
    fn a_level_after_a_change_takes_its_unit() {
        let text = "The S&P 500 rose 64.06 points to 4,577.10.";
        assert_eq!(of(text, "4,577.10"), ("cardinal", None, Some("points")));
        let qs = quantities(text, &tokenize(text));
        // The same span as the source's noun; the number's own span unchanged.
        assert_eq!((&text[qs[1].start..qs[1].end], qs[1].counted), ("4,577.10", qs[0].counted));
        assert_eq!(of("The river rose 2 metres to 9 after the storm.", "9"), ("quantity", Some("m"), None));
        assert_eq!(of("The FTSE closed up 58 points at 7,500 on Friday.", "7,500"), ("cardinal", None, Some("points")));
        assert_eq!(of("The stock rose $5 to 105.", "105"), ("money", Some("USD"), None));
        // A restatement in between is passed over.
        let text = "London's blue chip index has lost 162.31 points, or 2.14%, to fall to 7,425.81.";
        assert_eq!(of(text, "7,425.81"), ("cardinal", None, Some("points")));
    }

    #[test]
    fn a_unit_carried_converts_the_number_itself() {
        let text = "The glacier retreated 2 miles to 30 in a decade.";
        let q = quantities(text, &tokenize(text)).into_iter().find(|q| &text[q.start..q.end] == "30").unwrap();
        assert_eq!((q.kind.name(), q.unit, q.dimension, q.si_unit), ("quantity", Some("mi"), Some("length"), Some("m")));
        assert!((q.si_value.unwrap() - 30.0 * 1609.344).abs() < 1e-6);
        assert_eq!(q.value, 30.0);
    }

    #[test]
    fn a_base_after_up_from_takes_the_noun() {
        let text = "Sales rose 60% in 2018 to 3.9 million headsets, up from 2.4 million in 2017.";
        assert_eq!(of(text, "2.4 million"), ("cardinal", None, Some("headsets")));
        assert_eq!(of(text, "2017"), ("date", None, None));
        assert_eq!(of("Unemployment was 5.2%, down from 5.6 a year earlier.", "5.6"), ("percent", Some("%"), None));
        assert_eq!(of("The index rose 5 points from 100.", "100"), ("cardinal", None, Some("points")));
    }

    #[test]
    fn a_compared_number_takes_the_noun_or_unit() {
        let text = "About 460 cars have been stolen so far this year compared with 63 during the same period.";
        assert_eq!(of(text, "63"), ("cardinal", None, Some("cars")));
        assert_eq!(of("Inflation was 5% versus 4 last year.", "4"), ("percent", Some("%"), None));
        assert_eq!(of("They won 300 seats against 250 in 2019.", "250"), ("cardinal", None, Some("seats")));
        let t = "About 460 cars have been stolen so far this year compared to 63 during the same period.";
        assert_eq!(of(t, "63"), ("cardinal", None, Some("cars")));
        // Money takes the currency, not the rate its span does not hold.
        assert_eq!(of("Oil rose $2 a barrel to 80.", "80"), ("money", Some("USD"), None));
    }

    #[test]
    fn a_level_before_its_change() {
        let text = "Toronto Stock Exchange (16369.03 up 58.06 points).";
        assert_eq!(of(text, "16369.03"), ("cardinal", None, Some("points")));
        assert_eq!(of("The FTSE closed at 7,425.81, down 162.31 points.", "7,425.81"), ("cardinal", None, Some("points")));
        assert_eq!(of("Shares closed at 120, up 5%.", "120"), ("cardinal", None, None));
        assert_eq!(of("Brent was at 80, up $2.", "80"), ("money", Some("USD"), None));
        // A change that is no change (`up` not before it) gives nothing.
        assert_eq!(of("He counted 30 and 40 points.", "30"), ("cardinal", None, None));
    }

    #[test]
    fn a_noun_or_two() {
        assert_eq!(of("in a day or two", "two"), ("quantity", Some("day"), None));
        assert_eq!(of("a mile or two away", "two"), ("quantity", Some("mi"), None));
        assert_eq!(of("to add another pick or two", "two"), ("cardinal", None, Some("pick")));
        assert_eq!(of("either this or two others", "two"), ("cardinal", None, Some("others")));
    }

    #[test]
    fn a_range_with_a_unit_then_to() {
        let text = "mileage rose from about 14-18 mpg to 24 for SUVs";
        assert_eq!(of(text, "24"), ("quantity", Some("mpg"), None));
    }

    #[test]
    fn a_parallel_by_takes_the_unit() {
        let text = "The DAX increased by 2 percent but the Nasdaq decreased by 1.";
        assert_eq!(of(text, "1"), ("percent", Some("%"), None));
    }

    #[test]
    fn parallel_clauses() {
        let text = "The TA-25 ended down 1% at 1,463.78 points, while the TA-125 lost 1.1% to end at 1,334.20.";
        assert_eq!(of(text, "1,334.20"), ("cardinal", None, Some("points")));
        let text = "The index rose 0.2% to a close of 1,463.87 points, while the TA-125 climbed 0.1% to 1,333.18.";
        assert_eq!(of(text, "1,333.18"), ("cardinal", None, Some("points")));
        assert_eq!(of("Brent rose 2% to $60, while WTI gained 1.5% to 55.", "55"), ("money", Some("USD"), None));
        let text = "The launches will offer 435 homes by open sale and 187 by tender on Saturday.";
        assert_eq!(of(text, "187"), ("cardinal", None, Some("homes")));
        assert_eq!(of("It killed 12 people in Paris and 3 in Lyon.", "3"), ("cardinal", None, Some("people")));
        // Not without the contrast, the same word, or the same preposition; not from a change or a percentage.
        assert_eq!(of("The index closed at 1,463 points and the TA-125 ended at 1,334.", "1,334"), ("cardinal", None, None));
        assert_eq!(of("It killed 12 people in Paris and 3 on Monday.", "3"), ("cardinal", None, None));
        assert_eq!(of("5 people died in Paris and 3 in 2019.", "3"), ("cardinal", None, None));
        assert_eq!(of("Unemployment is 5%, while the rate is 4.", "4"), ("cardinal", None, None));
        assert_eq!(of("It rose 5 points, while the other was at 12.", "12"), ("cardinal", None, None));
        // Two levels without a change in each clause are as likely two measures.
        assert_eq!(of("The FTSE 100 closed at 7,000 points, but the pound was at 1.30.", "1.30"), ("cardinal", None, None));
        assert_eq!(of("The dollar was at 110 yen, while the euro was at 1.10.", "1.10"), ("cardinal", None, None));
        assert_eq!(of("The temperature was 30 C, while the humidity was 80.", "80"), ("cardinal", None, None));
        assert_eq!(of("The Nasdaq closed at 8,000 points, while the Dow closed at 26,000 points and oil at 60.", "60"), ("cardinal", None, None));
        assert_eq!(of("A baker's dozen is 13 units whilst a gross is 144.", "144"), ("cardinal", None, None));
    }

    #[test]
    fn a_subset_takes_the_noun() {
        let text = "More than 6 million homes nationwide including 1.5 million in the Los Angeles region lost power.";
        assert_eq!(of(text, "1.5 million"), ("cardinal", None, Some("homes")));
        // A function word after `including` is no comparison: `the 1.3 million seller`.
        let text = "the author of three books (including the 1.3 million seller ALTERNATIVE CURES)";
        assert_eq!(of(text, "1.3 million"), ("cardinal", None, None));
    }

    #[test]
    fn a_number_before_or_and_of_the_shares_the_second() {
        assert_eq!(of("It costs about 8 or $9.", "8"), ("money", Some("USD"), None));
        assert_eq!(of("eight or nine euros", "eight"), ("money", Some("EUR"), None));
        assert_eq!(of("just a 1 or 2 day contract", "1"), ("quantity", Some("day"), None));
        assert_eq!(of("We could have scored two or three goals.", "two"), ("cardinal", None, Some("goals")));
        assert_eq!(of("He raised 280 million of the 1.5 billion shekels he needs.", "280 million"), ("money", Some("ILS"), None));
        assert_eq!(of("Only 3 of its 20 stores opened.", "3"), ("cardinal", None, Some("stores")));
        // A fraction counts its whole (`counted.rs`), the same noun.
        assert_eq!(of("Half of the 10 players left.", "Half"), ("cardinal", None, Some("players")));
        // Not across an elided scale, an adjective's unit or a word other than `or`/`of the`.
        assert_eq!(of("It costs 5 or $6 million.", "5"), ("cardinal", None, None));
        assert_eq!(of("to develop five of the three-ton satellites", "five"), ("cardinal", None, None));
        assert_eq!(of("two of the 5 km races were cancelled", "two"), ("cardinal", None, None));
        assert_eq!(of("Three of the 20 mg tablets were missing.", "Three"), ("cardinal", None, None));
        assert_eq!(of("He scored 2 and 3 goals.", "2"), ("cardinal", None, None));
        assert_eq!(of("It takes 5 to 6 of the 10 tasks.", "5 to 6"), ("range", None, Some("tasks")));
    }

    #[test]
    fn what_is_not_carried() {
        // A level after a percentage of change stays bare; a number with its own unit keeps it.
        assert_eq!(of("The index rose 5% to 120.", "120"), ("cardinal", None, None));
        assert_eq!(of("The index fell 1% at 5884.", "5884"), ("cardinal", None, None));
        assert_eq!(of("The stock rose $5 to $105.", "$105"), ("money", Some("USD"), None));
        // Years, dates and ordinals keep their kind.
        assert_eq!(of("It rose 3 points in 2019.", "2019"), ("date", None, None));
        assert_eq!(of("It rose 3 points to 5th place.", "5th"), ("ordinal", None, None));
        // A noun of its own.
        assert_eq!(of("It rose 20 points to 400 shares.", "400"), ("cardinal", None, Some("shares")));
        // Scores are no mentions, so nothing to carry from.
        assert_eq!(read("Arsenal won 3-1, compared with 2 last week."), [("2", "cardinal", None, None)]);
        // Not across a sentence, nor from too far back.
        assert_eq!(of("The index rose 5 points. It was compared with 63.", "63"), ("cardinal", None, None));
        let far = "It rose 5 points on a day when traders in the city and the rest of the country went home early to 120.";
        assert_eq!(of(far, "120"), ("cardinal", None, None));
        // `to` after an amount that is no change, `from` without a change.
        assert_eq!(of("He walked 5 miles to 3 villages.", "3"), ("cardinal", None, Some("villages")));
        assert_eq!(of("He drove 20 miles to 10 and then home.", "10"), ("cardinal", None, None));
        assert_eq!(of("He took 5 apples from 3 baskets.", "3"), ("cardinal", None, Some("baskets")));
        assert_eq!(of("He drove 20 miles from 12 in the morning.", "12"), ("cardinal", None, None));
        // `by` before only one of them.
        assert_eq!(of("Prices rose 2 percent and fell by 1.", "1"), ("cardinal", None, None));
        // A price in cents: `to 1.20` is more likely dollars.
        assert_eq!(of("Shares rose 5 cents to 1.20.", "1.20"), ("cardinal", None, None));
        // The nearest amount is bare: it is the one compared with.
        let t = "Shares of Apple rose 3 percent to 150 after earnings, against 140 for Microsoft.";
        assert_eq!(of(t, "140"), ("cardinal", None, None));
        // A scale elided with the unit is not carried.
        assert_eq!(of("Revenue was $5 billion, up from 4.5.", "4.5"), ("cardinal", None, None));
        // A clock hour after `at`; a proportion.
        assert_eq!(of("The Dow fell 200 points, or 1.2%, at 10 on Monday.", "10"), ("cardinal", None, None));
        assert_eq!(of("The ratio fell 3 points to 1 in 5.", "1 in 5"), ("cardinal", None, None));
    }
}
