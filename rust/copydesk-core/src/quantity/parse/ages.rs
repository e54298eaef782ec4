//! Ages written as a bare number: the news conventions that leave out
//! `years old`.
//!
//! - apposition after a name: `Maddon, 66, has used the downtime`, `Jamie
//!   Armstrong, 25, said`;
//! - after `aged` or `age` (`aged 35`, `at age 35`, `ages 5 to 12`);
//! - after a person and a verb of age, at the end of the clause: `his
//!   daughter Maria, who was 10.`, `He will be 35 by the end of the year`,
//!   `she turned 40 last week`.
//!
//! The number takes the unit `year` (a duration, as in `a 20-year-old`); its
//! span stays the number. Only whole numbers up to 120 are ages, and nothing
//! that counts something (`aged 35 cases`) or has a unit.

use super::super::tables::context_of;
use super::carry::Carried;
use super::*;

/// The oldest age read.
const OLDEST: f64 = 120.0;

impl<'a> Parser<'a> {
    /// The age the bare number `q`, whose words start at token `before`, is.
    pub(super) fn age(&self, q: &Quantity, before: usize) -> Option<Carried> {
        let bare = (q.kind == K::Number || q.kind == K::Range) && q.unit.is_none() && q.counted.is_none();
        let whole = |v: f64| v.fract() == 0.0 && (1.0..=OLDEST).contains(&v);
        if !bare || !whole(q.value) || !q.high.map_or(true, whole) || before == 0 || !self.near(before) {
            return None;
        }
        let class = |t: usize| if self.kind(t) == Some(T::Word) { context_of(self.s(t)) } else { 0 };
        let next = self.token_from(before, q.end);
        let aged = class(before - 1) & ctx::AGED != 0;
        // `California, 55, Texas, 38`, `Manchester United, 3, Chelsea, 1`,
        // `One, 2, and 3`: a list of pairs or of numbers, no ages.
        let listed = (next + 1..(next + 6).min(self.toks.len()))
            .take_while(|&k| !self.gap(k).contains('\n'))
            .any(|k| self.is_number(k) && matches!(self.s(k - 1), "," | "and"));
        let apposition = q.kind == K::Number && before >= 2 && self.s(before - 1) == "," && self.named(before - 2) && self.tok(next) == Some(",") && !listed;
        let clause_end = match self.tok(next) {
            None => true,
            Some(w) => matches!(w, "." | "," | ";") || class(next) & ctx::AGE_END != 0,
        };
        let verb = before - 1;
        let subject = if self.s(verb).eq_ignore_ascii_case("be") && verb >= 2 && self.s(verb - 1).eq_ignore_ascii_case("will") { verb.checked_sub(2) } else { verb.checked_sub(1) };
        let person = q.kind == K::Number && clause_end && class(verb) & ctx::AGE_VERB != 0 && subject.is_some_and(|s| class(s) & ctx::PERSON != 0);
        if !(aged || apposition || person) {
            return None;
        }
        let mut year = Carried::of_unit(&self.tb.units[self.tb.unit_index("year")?]);
        if let (Carried::Unit { kind, .. }, K::Range) = (&mut year, q.kind) {
            *kind = K::Range;
        }
        Some(year)
    }

    /// Token `t` ends a name: a capitalised word that is no function word,
    /// month or day (`Maddon`, `Jamie Armstrong`; not `In March, 12, ...`).
    fn named(&self, t: usize) -> bool {
        let w = self.s(t);
        self.kind(t) == Some(T::Word)
            && w.starts_with(|c: char| c.is_uppercase())
            && !self.tb.is(w, ctx::FUNCTION)
            && !self.tb.calendar.contains_key(w)
    }
}

#[cfg(test)]
mod tests {
    use crate::{quantities, tokenize};

    /// The mention written `m` in `text` as (kind, unit).
    fn of<'t>(text: &'t str, m: &str) -> (&'static str, Option<&'static str>) {
        let qs = quantities(text, &tokenize(text));
        let q = qs.iter().find(|q| &text[q.start..q.end] == m).unwrap_or_else(|| panic!("{m:?} not in {text:?}"));
        (q.kind.name(), q.unit)
    }

    #[test]
    fn ages_written_as_a_bare_number() {
        assert_eq!(of("Maddon, 66, has used the downtime to get in shape.", "66"), ("quantity", Some("year")));
        assert_eq!(of("Jamie Armstrong, 25, said she ended up in Reno.", "25"), ("quantity", Some("year")));
        assert_eq!(of("Thomas Sam, 42, and his wife Manju Sam, 36, from Sydney", "42"), ("quantity", Some("year")));
        assert_eq!(of("Men aged 35 or above were screened.", "35"), ("quantity", Some("year")));
        assert_eq!(of("He retired at age 62.", "62"), ("quantity", Some("year")));
        assert_eq!(of("children ages 5 to 12", "5 to 12"), ("range", Some("year")));
        assert_eq!(of("their older daughter Maria who was 10.", "10"), ("quantity", Some("year")));
        assert_eq!(of("He will be 35 by the end of the year.", "35"), ("quantity", Some("year")));
        assert_eq!(of("She turned 40 last week.", "40"), ("quantity", Some("year")));
    }

    #[test]
    fn numbers_that_are_no_ages() {
        // A list, a date, a count, a score, a number too large or not whole.
        assert_eq!(of("Chapters One, 2, 3 and 4 are new.", "2"), ("cardinal", None));
        assert_eq!(of("In March, 12, the lowest, was reached.", "12"), ("cardinal", None));
        assert_eq!(of("Smith, 250, was the total.", "250"), ("cardinal", None));
        assert_eq!(of("Smith, 4.5, was the rating.", "4.5"), ("cardinal", None));
        assert_eq!(of("He was 3 for 4 at the plate.", "3"), ("cardinal", None));
        assert_eq!(of("It was 10 when we left.", "10"), ("cardinal", None));
        assert_eq!(of("He was 5 of the 10 finalists.", "5"), ("cardinal", None));
        assert_eq!(of("aged 35 cases of wine", "35"), ("cardinal", None));
        // Lists of names and numbers; rankings and scores after a verb of age.
        assert_eq!(of("The big prizes are California, 55, Texas, 38, and Florida, 29.", "55"), ("cardinal", None));
        assert_eq!(of("The big prizes are California, 55, Texas, 38, and Florida, 29.", "38"), ("cardinal", None));
        assert_eq!(of("In the House, 51, in the Senate, 49.", "51"), ("cardinal", None));
        assert_eq!(of("Manchester United, 3, Chelsea, 1.", "3"), ("cardinal", None));
        assert_eq!(of("He was 87 at tea when he was dismissed.", "87"), ("cardinal", None));
        assert_eq!(of("He is 2 in the world rankings.", "2"), ("cardinal", None));
        assert_eq!(of("He was 3 and 2 in his last five starts.", "3"), ("cardinal", None));
    }
}
