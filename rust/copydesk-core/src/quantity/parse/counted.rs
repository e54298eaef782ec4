//! What a count counts: the noun phrase after a plain number.
//!
//! Without a part-of-speech tagger the rule leans on English agreement: a
//! count other than one takes a plural noun, so the phrase runs from the
//! first word after the number to the first plural (`36 league games`,
//! `800,000 eligible pensioners`); after `one` it is the next word (`one
//! hand`). Function words, numbers, punctuation and line breaks end the
//! search (`1000 come from Asia` counts nothing), except an `and` or `or`
//! joining words before the noun they share (`460 Kia and Hyundai
//! vehicles`). A word-led hyphenated word is one word of the phrase,
//! whatever its parts (`14 first-team players`, `two gas-only powertrain
//! options`); one led by a cardinal (`three-bed`) is a number of its own. A
//! model's name runs on to its noun (`63000 Model 3 sedans`, `two new 737
//! Max jets`) or is the plural itself (`63,150 Model 3s`), and so does a
//! measurement before the noun (`eight million 250ml bottles`). A fraction
//! counts a part of a whole that may be singular (`a third of the
//! population`, `half the condos`); a whole with a count of its own is what
//! that count counts (`two-thirds of the combined 4.3M digital and physical
//! sales`, `3 of 10 people`). Irregular plurals and the stop words are in
//! `data/counted_nouns.tsv`.
//!
//! A number glued by a hyphen to a word counts that word, singular as a
//! compound writes it: `a 12-page report`, `a four-cylinder engine`; with a
//! suspended hyphen the word is written once and shared by every number
//! (`four-, five- and six-cylinder`). Words that make such a compound
//! something other than a count (`one-off`, `two-way`, `30-strong`) are the
//! `no_count` class of the table. The search reads at most `MAX_WORDS`
//! words past the number, within a bound on tokens (`MAX_SUSPENDED` numbers
//! after a suspended hyphen), so the stage stays linear.

use super::{in_list, numeral, Parser, WordClass};
use crate::quantity::tables::ctx;
use crate::quantity::tables::{COUNTED_NO_COUNT, COUNTED_OF, COUNTED_PLURAL, COUNTED_STOP};
use crate::token::{Span, TokenKind as T};

/// The most words of a noun phrase looked at: `20 decently sized coal-fired power plants`.
const MAX_WORDS: usize = 5;

/// The most parts of a hyphenated word read past its first: `state-of-the-art`.
const MAX_PARTS: usize = 4;

/// The most numbers read after a suspended hyphen: `5-, 10-, 20- and 30-year bonds`.
const MAX_SUSPENDED: usize = 8;

/// A hyphen inside a word (not a dash, which makes a range: `7–8`).
pub(super) fn is_hyphen(s: &str) -> bool {
    matches!(s, "-" | "\u{2010}")
}

impl<'a> Parser<'a> {
    /// The counted noun phrase after a count ending at byte `end` (its first token `first`).
    pub(super) fn counted_after(&self, first: usize, end: usize, value: f64) -> Option<Span> {
        let mut j = self.token_from(first, end);
        if j < self.toks.len() && self.toks[j].start == end && is_hyphen(self.s(j)) {
            // `a 12-page report`; `four-, five- and six-cylinder`: the word after the last hyphen.
            let h = self.suspended(j).map_or(j, |k| k + 1);
            let w = self.compound_noun(h)?;
            return Some(Span { start: self.toks[w].start, end: self.toks[w].end });
        }
        if !self.near(j) || self.toks[j].start == end {
            return None;
        }
        // `one of the students`, `35m of its devices`: a part of a plural whole.
        let mut one = value == 1.0;
        // `a third of the population`, `half the condos`: a fraction of a
        // whole that may be singular.
        let fraction = value > 0.0 && value < 1.0;
        let determiner = |t: usize| self.near(t) && self.kind(t) == Some(T::Word) && self.tb.counted_class(self.s(t)) & COUNTED_OF != 0;
        let mut part_of = false;
        if self.tok(j).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            one = false;
            part_of = fraction;
            j += 1;
            if determiner(j) {
                j += 1;
            }
        } else if fraction && determiner(j) {
            part_of = true;
            j += 1;
        } else if self.kind(j) == Some(T::Word) && self.tb.is_more(self.s(j)) {
            // `eight more picks`
            j += 1;
        }
        // `of the 300 workers`, `3 of 10 people`: a whole whose own count comes first.
        let whole = j > 0 && (part_of || self.tok(j - 1).is_some_and(|w| w.eq_ignore_ascii_case("of")) || determiner(j - 1));
        let mut first = j;
        // `a 12 page document`, `a three course meal`: a singular noun before
        // another noun is a compound written without its hyphen; it is what
        // is counted when no plural noun follows.
        let compound = (!one && !part_of && self.spaced_compound(first)).then(|| Span { start: self.toks[first].start, end: self.toks[first].end });
        let span = |a: usize, b: usize| Some(Span { start: self.toks[a].start, end: self.toks[b].end });
        // `n` counts the words read: a hyphenated word, a model's name with
        // its number or a measurement is one; a joining `and` or a possessive
        // none. The tokens read stay bounded all the same.
        let (mut t, mut n) = (first, 0);
        let last = (first + 4 * MAX_WORDS).min(self.toks.len());
        while t < last && n < MAX_WORDS {
            if !self.near(t) {
                return compound;
            }
            if self.is_number(t) {
                // `Model 3 sedans`, `737 Max jets`, `Tesla delivered 63,150 Model 3s`.
                if let Some(plural) = self.model_number(t, first) {
                    if plural {
                        return span(first, t);
                    }
                    (t, n) = (t + 1, n + 1);
                    continue;
                }
                // `of the combined 4.3M digital and physical sales`, `3 of 10
                // people`: the whole is what its own count counts.
                if whole && n <= 1 && first == j {
                    let mut k = t + 1;
                    while k < last && self.near(k) && self.kind(k) == Some(T::Word) && self.tb.word(self.s(k)).is_some() {
                        k += 1;
                    }
                    if self.measure_end(t).is_some() || (k < last && self.unit_at(k)) {
                        return compound;
                    }
                    (first, t, n, one, part_of) = (k, k, 0, false, false);
                    continue;
                }
                // `eight million 250ml bottles`, `2.9 million 9 liter cases`: a
                // measurement before the noun (itself a quantity of its own).
                if n == 0 && !one && !part_of {
                    if let Some(e) = self.measure_end(t) {
                        (t, n) = (e + 1, n + 1);
                        continue;
                    }
                }
                return compound;
            }
            if self.kind(t) != Some(T::Word) {
                return compound;
            }
            let w = self.s(t);
            if matches!(w, "'s" | "\u{2019}s") {
                t += 1;
                continue; // `two of Johnson's deputies`
            }
            let class = self.tb.counted_class(w);
            // `4.3M digital and physical sales`, `460 Kia and Hyundai
            // vehicles`: words joined before the noun they share.
            let joins = t > first && in_list(w, &["and", "or"]) && self.near(t + 1) && self.kind(t + 1) == Some(T::Word);
            if joins {
                t += 1;
                continue;
            }
            // `14 first-team players`, `two gas-only powertrain options`: a
            // hyphenated word is one word, whatever its parts.
            let e = self.hyphenated_word(t).unwrap_or(t);
            let word = &self.text[self.toks[t].start..self.toks[e].end];
            // `50 US states`: an acronym in capitals is no stop word (`us`).
            let acronym = w.len() > 1 && w.bytes().all(|b| b.is_ascii_uppercase());
            if e == t && ((class & COUNTED_STOP != 0 && !acronym) || self.tb.word(w).is_some()) {
                return compound;
            }
            if one && n == 0 {
                // After `one`, the next word; but `one based in London`,
                // `one prepared to follow`: a participle (regular: -ed) before
                // a function word makes `one` a pronoun.
                let participle = is_participle(word);
                let then_function = self.kind(e + 1) != Some(T::Word) || self.tb.counted_class(self.s(e + 1)) & COUNTED_STOP != 0;
                if participle && then_function {
                    return None;
                }
                // `one first-team player`, `one thought-provoking film`: a
                // hyphenated adjective before its noun counts both.
                let noun = e > t
                    && self.near(e + 1)
                    && self.kind(e + 1) == Some(T::Word)
                    && self.tb.counted_class(self.s(e + 1)) & COUNTED_STOP == 0
                    && self.tb.word(self.s(e + 1)).is_none()
                    && !(self.tok(e + 2).is_some_and(is_hyphen) && self.glued(e + 2));
                return span(t, if noun { e + 1 } else { e });
            }
            if is_plural(word, self.tb.counted_class(self.s(e))) {
                return span(first, e);
            }
            // A singular whole is one noun, or a name and a noun (`of the US
            // population`), ending before a function word, punctuation or a
            // participle (`of the population voted`); a participle is no noun
            // (`of those screened were`). Longer, it runs into its verb (`of
            // the city lost power`): nothing. A possessive or a plural after
            // it goes on (`the Group's population`, `half the gas stations`).
            if part_of && (n == 0 || (n == 1 && self.s(first).starts_with(char::is_uppercase))) {
                let possessive = self.tok(e + 1).is_some_and(|n| matches!(n, "'s" | "\u{2019}s")) && self.glued(e + 1);
                let next = self.tok(e + 1).filter(|_| self.near(e + 1) && self.kind(e + 1) == Some(T::Word));
                // `of the combined 4.3M sales`: an amount goes on.
                let amount = self.near(e + 1) && self.is_number(e + 1);
                let ends = !possessive
                    && !amount
                    && next.is_none_or(|n| is_participle(n) || self.tb.counted_class(n) & COUNTED_STOP != 0);
                if ends {
                    return (!is_participle(word)).then(|| Span { start: self.toks[first].start, end: self.toks[e].end });
                }
            }
            (t, n) = (e + 1, n + 1);
        }
        compound
    }

    /// The last token of a hyphenated word led by a word at `t`, its parts
    /// glued words: `first-team`, `coal-fired`, `gas-only`, `state-of-the-art`.
    /// Not one led by a cardinal number word (`three-bed`, `twenty-five`:
    /// numbers of their own); an ordinal leads one (`first-team`).
    fn hyphenated_word(&self, t: usize) -> Option<usize> {
        let cardinal = self.tb.word(self.s(t)).is_some_and(|x| !matches!(x.class, WordClass::Ordinal | WordClass::Fraction));
        if cardinal {
            return None;
        }
        let mut e = t;
        while e < t + 2 * MAX_PARTS
            && self.tok(e + 1).is_some_and(is_hyphen)
            && self.glued(e + 1)
            && self.glued(e + 2)
            && self.kind(e + 2) == Some(T::Word)
        {
            e += 2;
        }
        (e > t).then_some(e)
    }

    /// A unit or currency name starts at token `k`: `liter`, `ml`, `dollar`.
    fn unit_at(&self, k: usize) -> bool {
        let Some(first) = self.tok(k) else { return false };
        let words = |n: usize| self.tok(k + n);
        self.tb.unit_forms.longest(first, words).is_some() || self.tb.currency_after.longest(first, words).is_some()
    }

    /// The last token of a measurement that starts with the number at `t`
    /// and qualifies a noun: `250ml`, `9 liter`, `9-liter`. Not a number
    /// with a suffix (`1990s`, `2nd`: no unit).
    fn measure_end(&self, t: usize) -> Option<usize> {
        if numeral(self.s(t)).is_none_or(|x| !x.suffix.is_empty()) {
            return None;
        }
        let mut k = t + 1;
        if self.tok(k).is_some_and(is_hyphen) && self.glued(k) && self.glued(k + 1) {
            k += 1; // `9-liter`
        } else if !self.near(k) {
            return None;
        }
        let hit = self.tb.unit_forms.longest(self.tok(k)?, |n| self.tok(k + n))?;
        Some(k + hit.len - 1)
    }

    /// The number at `t` inside a model's name in a counted phrase that
    /// starts at `first`: after a capitalised word (`Model 3`, `Boeing 737`,
    /// as `name_before` reads it) or before a model suffix (`737 Max`).
    /// `Some(true)` when the name itself is the plural (`Model 3s`, `737s`).
    fn model_number(&self, t: usize, first: usize) -> Option<bool> {
        let named = (t > first && self.name_before(t))
            || (self.near(t + 1) && !self.glued(t + 1) && self.kind(t + 1) == Some(T::Word) && self.tb.model_suffixes.contains_key(self.s(t + 1)));
        if !named {
            return None;
        }
        let suffix = numeral(self.s(t)).map_or("", |x| x.suffix);
        match suffix {
            "" => Some(false),
            "s" => Some(true),
            _ => None,
        }
    }

    /// The word at `t` and the next are lower-case words of a noun compound
    /// (`page document`, `course meal`, `cylinder engine`): the first is no
    /// plural, participle, gerund, adjective or adverb by its ending
    /// (`beheading`, `different`, `decently`), stop, function, number or
    /// `no_count` word (`5 fold`); the second no stop, number or street word
    /// (`3901 conshocken ave`).
    fn spaced_compound(&self, t: usize) -> bool {
        let lower = |k: usize| {
            self.near(k)
                && self.kind(k) == Some(T::Word)
                && self.s(k).len() >= 3
                && self.s(k).bytes().all(|b| b.is_ascii_lowercase())
                && self.tb.counted_class(self.s(k)) & COUNTED_STOP == 0
                && self.tb.word(self.s(k)).is_none()
        };
        if !lower(t) || !lower(t + 1) || self.glued(t + 1) || self.tb.is(self.s(t + 1), ctx::STREET) {
            return false;
        }
        let w = self.s(t);
        const NOT_NOUN: [&str; 9] = ["ly", "ing", "ent", "ous", "ful", "ible", "able", "ive", "ical"];
        self.noun_shaped(w)
            && !is_plural(w, self.tb.counted_class(w))
            && !NOT_NOUN.iter().any(|e| w.ends_with(e))
            && !self.tb.is(w, ctx::FUNCTION)
    }

    /// A lower-case word of three letters or more that may name what is
    /// counted: no participle (`one-sided`), stop, `no_count` or number word.
    pub(super) fn noun_shaped(&self, w: &str) -> bool {
        w.len() >= 3
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && !is_participle(w)
            && self.tb.counted_class(w) & (COUNTED_STOP | COUNTED_NO_COUNT) == 0
            && self.tb.word(w).is_none()
    }

    /// The word after the hyphen at `h` (glued to a number before it and to
    /// the word) when the compound counts it: `12-page`, `four-cylinder`,
    /// `three-point`. Not a name or an initial (`7-Eleven`, `3-D`: lower case
    /// and three letters or more), a function or number word (`one-on-one`,
    /// `twenty-five`, `nineteen-fifties`), a unit or currency (`20-year`,
    /// `10-dollar`: those are quantities) or a word qualifying one
    /// (`100-metric-ton`), a participle (`one-sided`, `four-legged`:
    /// adjectives), nor a `no_count` word or its plural (`one-off`,
    /// `two-way`, `30-strong`, `one-liners`).
    pub(super) fn compound_noun(&self, h: usize) -> Option<usize> {
        let w = h + 1;
        if !is_hyphen(self.tok(h)?) || !self.glued(h) || !self.glued(w) || self.kind(w) != Some(T::Word) {
            return None;
        }
        let s = self.s(w);
        // `one-liners` as `one-liner`.
        let no_count = |x: &str| self.tb.counted_class(x) & COUNTED_NO_COUNT != 0;
        let idiom = no_count(s) || s.strip_suffix('s').is_some_and(no_count);
        // `a 100-metric-ton rocket`, `a 10-square-mile area`: the word qualifies a unit.
        let qualifies =
            self.tok(w + 1).is_some_and(is_hyphen) && self.glued(w + 1) && self.glued(w + 2) && self.unit_at(w + 2);
        let counts = self.noun_shaped(s) && !idiom && !qualifies && !self.unit_at(w) && !self.number_plural(s);
        counts.then_some(w)
    }

    /// `fifties`, `thousands`, `firsts`: a number word made plural (`the
    /// nineteen-fifties`, `three twenty-firsts`).
    fn number_plural(&self, s: &str) -> bool {
        let Some(stem) = s.strip_suffix('s') else { return false };
        self.tb.word(stem).is_some() || s.strip_suffix("ies").is_some_and(|b| self.tb.word(&format!("{b}y")).is_some())
    }

    /// After `7-` in `a 7- or 8-inch screen` or `four-` in `four-, five- and
    /// six-cylinder`, a hyphen left hanging (`hanging`): the last number,
    /// whose unit or compound word (`8-inch`, `six-cylinder`) all of them
    /// share. The numbers are joined by commas and a final `and` or `or`;
    /// `10- to 15-year` is a range and read as one (`tail.rs`).
    pub(super) fn suspended(&self, h: usize) -> Option<usize> {
        if !self.hanging(h) {
            return None;
        }
        let mut k = h + 1;
        for _ in 0..MAX_SUSPENDED {
            if self.tok(k) == Some(",") {
                k += 1;
            }
            let last = self.tok(k).is_some_and(|w| in_list(w, &["and", "or"]));
            if last {
                k += 1;
            }
            if !self.near(k) || self.glued(k) || self.one_token_number(k).is_none() {
                return None;
            }
            if last {
                return Some(k);
            }
            if !self.hanging(k + 1) {
                return None;
            }
            k += 2;
        }
        None
    }

    /// A hyphen glued to the number before it, with a comma or a space after:
    /// `7-` in `7- or 8-inch`, `four-,`.
    fn hanging(&self, h: usize) -> bool {
        self.tok(h).is_some_and(is_hyphen)
            && self.glued(h)
            && (self.tok(h + 1) == Some(",") || (self.near(h + 1) && !self.glued(h + 1)))
    }
}

/// A regular past participle by its ending (`sided`, `based`; not `seed`, `bed`).
fn is_participle(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !w.ends_with("eed")
}

/// A plural noun by its ending (`games`, `TDs`, `categories`) or by the table
/// (`people`, `staff`); not `-ss`, `-us`, `-is` words nor possessives.
fn is_plural(w: &str, class: u8) -> bool {
    if class & COUNTED_PLURAL != 0 {
        return true;
    }
    let b = w.as_bytes();
    let n = b.len();
    if w.ends_with("men") && n > 4 {
        // `fishermen`, `businesswomen`
        return true;
    }
    if n < 3 || !w.ends_with('s') || w.ends_with("'s") || w.ends_with("\u{2019}s") {
        return false;
    }
    if n == 3 {
        // `TDs`, `MPs`: an acronym's plural.
        return b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase();
    }
    let before = b[n - 2].to_ascii_lowercase();
    !matches!(before, b's' | b'u' | b'i' | b'\'') && b[..n - 1].iter().all(|c| !c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use crate::{quantities, tokenize};

    /// Each mention as (text, unit, counted).
    fn read(text: &str) -> Vec<(&str, Option<&str>, Option<&str>)> {
        let toks = tokenize(text);
        quantities(text, &toks)
            .into_iter()
            .map(|q| (&text[q.start..q.end], q.unit, q.counted.map(|c| &text[c.start..c.end])))
            .collect()
    }

    /// Each mention as (text, counted).
    fn counted(text: &str) -> Vec<(&str, Option<&str>)> {
        read(text).into_iter().map(|(t, _, c)| (t, c)).collect()
    }

    #[test]
    fn a_count_runs_to_its_plural_noun() {
        assert_eq!(counted("about 1.2m people live there"), [("1.2m", Some("people"))]);
        assert_eq!(counted("22 goals in 36 league games"), [("22", Some("goals")), ("36", Some("league games"))]);
        assert_eq!(counted("800,000 eligible pensioners were"), [("800,000", Some("eligible pensioners"))]);
        assert_eq!(counted("36,000 staff"), [("36,000", Some("staff"))]);
        assert_eq!(counted("60 commercial fishermen"), [("60", Some("commercial fishermen"))]);
        assert_eq!(counted("rushed for 2 TDs"), [("2", Some("TDs"))]);
        assert_eq!(counted("eight more picks"), [("eight", Some("picks"))]);
        assert_eq!(counted("10 to 15 workers"), [("10 to 15", Some("workers"))]);
    }

    #[test]
    fn one_counts_the_next_noun_or_a_plural_whole() {
        assert_eq!(counted("one hand behind her head"), [("one", Some("hand"))]);
        assert_eq!(counted("one of the students"), [("one", Some("students"))]);
        assert_eq!(counted("35m of its devices"), [("35m", Some("devices"))]);
        assert_eq!(counted("two of Johnson\u{2019}s deputies"), [("two", Some("Johnson\u{2019}s deputies"))]);
        // A participle before a function word makes `one` a pronoun.
        assert_eq!(counted("one based in London"), [("one", None)]);
        assert_eq!(counted("a government, one prepared to follow"), [("one", None)]);
        assert_eq!(counted("one detained."), [("one", None)]);
        assert_eq!(counted("one undocumented immigrant"), [("one", Some("undocumented"))]);
    }

    #[test]
    fn a_hyphen_compound_counts_its_word() {
        assert_eq!(counted("a 12-page report"), [("12", Some("page"))]);
        assert_eq!(counted("a 3-cylinder engine"), [("3", Some("cylinder"))]);
        assert_eq!(counted("a 10-point lead"), [("10", Some("point"))]);
        assert_eq!(counted("the 18,000-person agency"), [("18,000", Some("person"))]);
        assert_eq!(counted("a 10-15-page report"), [("10-15", Some("page"))]);
        assert_eq!(counted("a four-cylinder engine"), [("four", Some("cylinder"))]);
        assert_eq!(counted("a four-door car"), [("four", Some("door"))]);
        assert_eq!(counted("a five-star hotel"), [("five", Some("star"))]);
        assert_eq!(counted("from three-point range"), [("three", Some("point"))]);
        assert_eq!(counted("Four-cylinder engines"), [("Four", Some("cylinder"))]);
    }

    #[test]
    fn compounds_that_count_nothing() {
        // Digits stay a plain count with nothing counted.
        for (text, n) in [
            ("the 30-strong squad", "30"),
            ("a 3-nil win", "3"),
            ("a 10-fold rise", "10"),
            ("a 4-legged robot", "4"),
            ("a 3-D film", "3"),
            ("a 2,000-square-foot house", "2,000"),
        ] {
            assert_eq!(counted(text), [(n, None)], "{text}");
        }
        // Number words are not read.
        for text in [
            "a one-off payment",
            "a two-way street",
            "a one-sided match",
            "a one-time fee",
            "a one-on-one meeting",
            "one-liners",
            "a third-party app",
            "the first-team squad",
            "a six-speed gearbox",
            "a zero-emission car",
            "a four-legged robot",
            "the nineteen-fifties",
        ] {
            assert_eq!(counted(text), [], "{text}");
        }
        // Numbers in words, fractions, units, names, scores and years keep their reading.
        assert_eq!(counted("twenty-five people"), [("twenty-five", Some("people"))]);
        assert_eq!(counted("two-thirds of voters"), [("two-thirds", Some("voters"))]);
        assert_eq!(read("a three-day visit"), [("three-day", Some("day"), None)]);
        assert_eq!(read("a 20-year-old man"), [("20-year-old", Some("year"), None)]);
        assert_eq!(read("300-400 km"), [("300-400 km", Some("km"), None)]);
        assert_eq!(counted("10-15 people"), [("10-15", Some("people"))]);
        assert_eq!(counted("Covid-19 cases, F-35 jets, the G-7 summit; they won 3-1"), []);
        assert_eq!(counted("the 2012-13 season"), [("2012-13", None)]);
    }

    #[test]
    fn a_suspended_hyphen_shares_the_word() {
        let all = [("four", Some("cylinder")), ("five", Some("cylinder")), ("six", Some("cylinder"))];
        assert_eq!(counted("four-, five- and six-cylinder engine options"), all);
        assert_eq!(counted("four-, five-, and six-cylinder engines"), all);
        assert_eq!(counted("one- or two-bedroom flats"), [("one", Some("bedroom")), ("two", Some("bedroom"))]);
        assert_eq!(counted("a 7- or 8-page report"), [("7", Some("page")), ("8", Some("page"))]);
        // A dash is no suspended hyphen, nor a hyphen before anything but a number.
        assert_eq!(counted("aged 7- and over"), [("7", None)]);
    }

    #[test]
    fn a_suspended_hyphen_shares_the_unit() {
        assert_eq!(read("a 7- or 8-inch touchscreen"), [("7", Some("in"), None), ("8-inch", Some("in"), None)]);
        let bonds = read("5-, 10- and 30-year bonds");
        assert_eq!(bonds, [("5", Some("year"), None), ("10", Some("year"), None), ("30-year", Some("year"), None)]);
        assert_eq!(read("two- or three-day visits"), [("two", Some("day"), None), ("three-day", Some("day"), None)]);
        // `to` makes a range.
        assert_eq!(read("a 10- to 15-year sentence"), [("10- to 15-year", Some("year"), None)]);
        assert_eq!(counted("a 10- to 15-page report"), [("10- to 15", Some("page"))]);
    }

    #[test]
    fn a_hyphenated_adjective_is_one_word_of_the_phrase() {
        assert_eq!(counted("As many as 14 first-team players left"), [("14", Some("first-team players"))]);
        assert_eq!(counted("about 20 decently sized coal-fired power plants"), [("20", Some("decently sized coal-fired power plants"))]);
        assert_eq!(counted("offered two gas-only powertrain options"), [("two", Some("gas-only powertrain options"))]);
        assert_eq!(counted("five state-owned banks"), [("five", Some("state-owned banks"))]);
        assert_eq!(counted("30 long-term patients"), [("30", Some("long-term patients"))]);
        assert_eq!(counted("three well-known brands"), [("three", Some("well-known brands"))]);
        assert_eq!(counted("two state-of-the-art stadiums"), [("two", Some("state-of-the-art stadiums"))]);
        assert_eq!(counted("doing 20 push-ups"), [("20", Some("push-ups"))]);
        assert_eq!(counted("one first-team player"), [("one", Some("first-team player"))]);
        assert_eq!(counted("one run-in"), [("one", Some("run-in"))]);
        // Number-led compounds keep their own reading.
        assert_eq!(read("two 20-year-old men"), [("two", None, None), ("20-year-old", Some("year"), None)]);
        assert_eq!(counted("two three-bed apartments"), [("two", None), ("three", Some("bed"))]);
        assert_eq!(read("a five-year plan"), [("five-year", Some("year"), None)]);
        // No plural after it, or a verb or clause before it: nothing.
        assert_eq!(counted("she scored 3 last-minute."), [("3", None)]);
        assert_eq!(counted("one state-owned."), [("one", None)]);
        assert_eq!(counted("30 were long-term patients"), [("30", None)]);
        assert_eq!(counted("Of the 14, first-team players"), [("14", None)]);
    }

    #[test]
    fn a_model_name_or_a_measurement_inside_the_phrase() {
        let tesla = counted("the delivery of about 63000 Model 3 sedans and 27000 Model S and Model X vehicles");
        assert_eq!(tesla, [("63000", Some("Model 3 sedans")), ("27000", Some("Model S and Model X vehicles"))]);
        assert_eq!(counted("Tesla delivered 63,150 Model 3s"), [("63,150", Some("Model 3s"))]);
        assert_eq!(counted("grounding two new 737 Max jets"), [("two", Some("new 737 Max jets"))]);
        assert_eq!(counted("20 Boeing 737s"), [("20", Some("Boeing 737s"))]);
        let bottles = read("the production of eight million 250ml bottles of hand sanitiser");
        assert_eq!(bottles, [("eight million", None, Some("250ml bottles")), ("250ml", Some("mL"), None)]);
        // A count per unit of time keeps its noun (`parse/mod.rs` `per_time`).
        assert_eq!(read("sells 2.9 million 9 liter cases a year")[0], ("2.9 million", Some("/year"), Some("9 liter cases")));
        // A name or a measurement with no noun after it counts nothing; a
        // bare number in the phrase is no name (`30 737 jets`).
        assert_eq!(counted("they sold 20 Model 3"), [("20", None)]);
        assert_eq!(counted("bought 30 new 737 jets"), [("30", None), ("737", Some("jets"))]);
        assert_eq!(read("ran 2 5 km"), [("2", None, None), ("5 km", Some("km"), None)]);
        assert_eq!(read("2 10 minutes later"), [("2", None, None), ("10 minutes", Some("min"), None)]);
    }

    #[test]
    fn a_whole_counted_by_its_own_number() {
        let sales = counted("Nearly two-thirds of the combined 4.3M digital and physical sales");
        assert_eq!(sales, [("two-thirds", Some("digital and physical sales")), ("4.3M", Some("digital and physical sales"))]);
        assert_eq!(counted("three of the 18 tasks"), [("three", Some("tasks")), ("18", Some("tasks"))]);
        assert_eq!(counted("3 of 10 people"), [("3", Some("people")), ("10", Some("people"))]);
        // Not a measurement: `half of the 20 km roads` counts no `km roads`.
        assert_eq!(read("half of the 20 km roads"), [("half", None, None), ("20 km", Some("km"), None)]);
    }

    #[test]
    fn no_noun_no_count() {
        assert_eq!(counted("About 1000 come from Asia."), [("1000", None)]);
        assert_eq!(counted("rose to 4,577.10."), [("4,577.10", None)]);
        assert_eq!(counted("200 of them"), [("200", None)]);
        assert_eq!(counted("He was 66.\nPeople"), [("66", None)]);
        // Units and money are not counts.
        assert_eq!(counted("50 miles away, $5 bills"), [("50 miles", None), ("$5", None)]);
    }
}
