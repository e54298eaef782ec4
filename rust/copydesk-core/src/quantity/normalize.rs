//! [`normalize`]: the text with each mention rewritten in one canonical
//! written form, and a map from the new offsets to the old.
//!
//! It reads the mentions [`super::quantities`] found (the text is not scanned
//! again; only a mention's own tokens are read, to keep how it joins its unit)
//! and copies the text between them unchanged. The forms:
//!
//! - Numbers in plain digits: no thousands separators, no exponent, no `.0`,
//!   the shortest digits of the value rounded to 15 significant digits, which
//!   drops the binary noise of scaling and conversion (`0.07 million` →
//!   `70000`, not `70000.00000000001`). `1.2 million` → `1200000`,
//!   `twenty-five` → `25`, `half a million` → `500000`. A whole number
//!   without a unit that would read as a year (1500 to 2199) keeps its
//!   thousands separator: `1,500 people`, `fifteen hundred` → `1,500`.
//!   A fraction spelled out stays spelled out, as the style guides set
//!   amounts below one (`a third of voters`, `half the condos`); a
//!   proportion takes digits on both sides (`one in five` → `1 in 5`,
//!   `nine out of ten` → `9 out of 10`).
//! - Ordinals in digits with their English suffix: `21st`, `second` → `2nd`, `11th`.
//! - Quantities: the number, a space and the canonical unit (`50 miles` →
//!   `50 mi`, `-5C` → `-5 °C`); `%` and `°` are glued (`12%`, `45°`). Units
//!   that are words (`data/unit_plurals.tsv`) are plural unless the number is
//!   1 (`12 months`, `1 year`), and stay joined to the number by a hyphen as
//!   an adjective (`a two-year contract` → `a 2-year contract`, `20-year-old`);
//!   a word between number and unit is kept (`two more years` → `2 more years`);
//!   before a suspended hyphen, whose unit is written once at the end, only
//!   the number (`a 7- or 8-inch screen` → `a 7- or 8 in screen`).
//!   A number that took its unit from the amount it is compared with is
//!   written with it, as alternatives are (`eight or nine euros` → `8 EUR or
//!   9 EUR`): `from 14-18 mpg to 24` → `from 14–18 mpg to 24 mpg`, `rose $5
//!   to 105` → `rose 5 USD to 105 USD`; a count that took a counted noun is
//!   a number (`rose 64.06 points to 4,577.10` → `… to 4577.1`).
//!   [`UnitSystem::Si`] writes `si_value` and `si_unit` instead where the
//!   dimension has them (`50 miles` → `80467.2 m`).
//! - Money: the amount and the ISO 4217 code (`£3bn` → `3000000000 GBP`,
//!   `50p` → `0.5 GBP`); percentages as `12%`, points as `2 pp`, `25 bp`.
//! - Ranges: both ends and the unit once, after the second (`300-400 km` →
//!   `300–400 km`, `$5-$10` → `5–10 USD`, `5-10 per cent` → `5–10%`). The
//!   ends are joined by an en dash, or by `to` when one is negative (`-18 to
//!   -4 °C`: a dash would read as a minus); a range written with words keeps
//!   its word, since the `between` or `from` before it stays as written
//!   (`between 5 and 10 per cent` → `between 5 and 10%`, `from 10 to 15
//!   years`).
//! - Dates and times: their `iso` (`February 2022` → `2022-02`, `2.15pm` →
//!   `14:15`), a decade as its first year (`the ’90s` → `the 1990s`: the ISO
//!   `199` would read as a number); unchanged where no `iso` is determined.
//!   Not rewritten unless asked for ([`KindSet::DEFAULT`]).
//!
//! Modifiers are outside mentions and stay as written (`around 50 miles` →
//! `around 50 mi`). A mention whose form is what was written is not a rewrite.
//!
//! Work is linear: each mention's form is bounded by a constant times its
//! length, and offsets map by binary search over the rewrites.

use std::fmt::Write;

use super::parse::{YEAR_MAX, YEAR_MIN};
use super::tables::{Tables, WordClass};
use super::{Quantity, QuantityKind as K};
use crate::token::{tokenize, Token, TokenKind};

/// Units as found (`mi`, `°C`) or in SI (`m`, `K`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UnitSystem {
    #[default]
    Canonical,
    Si,
}

impl UnitSystem {
    pub fn name(self) -> &'static str {
        match self {
            UnitSystem::Canonical => "canonical",
            UnitSystem::Si => "si",
        }
    }

    pub fn from_name(name: &str) -> Option<UnitSystem> {
        [UnitSystem::Canonical, UnitSystem::Si].into_iter().find(|u| u.name() == name)
    }
}

/// A set of quantity kinds: which mentions to rewrite.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct KindSet(u8);

impl KindSet {
    pub const EMPTY: KindSet = KindSet(0);
    pub const ALL: KindSet = KindSet(u8::MAX);
    /// Every kind but dates and times: their ISO forms (`2022-02`, `--12-12`)
    /// are for machines, and read oddly in the sentence around them.
    pub const DEFAULT: KindSet = KindSet(!(1 << K::Date as u8) & !(1 << K::Time as u8));

    pub const fn with(self, kind: K) -> KindSet {
        KindSet(self.0 | 1 << kind as u8)
    }

    pub const fn contains(self, kind: K) -> bool {
        self.0 & (1 << kind as u8) != 0
    }
}

impl Default for KindSet {
    fn default() -> Self {
        KindSet::DEFAULT
    }
}

impl FromIterator<K> for KindSet {
    fn from_iter<I: IntoIterator<Item = K>>(kinds: I) -> Self {
        kinds.into_iter().fold(KindSet::EMPTY, KindSet::with)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NormalizeOptions {
    pub units: UnitSystem,
    pub kinds: KindSet,
}

/// One rewritten mention: `start..end` in the new text, `original_start..
/// original_end` in the original. Byte offsets, end exclusive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rewrite {
    pub start: usize,
    pub end: usize,
    pub original_start: usize,
    pub original_end: usize,
    pub kind: K,
}

/// The rewritten text and its rewrites, in order. Between rewrites the text
/// is the original's, so offsets there differ by a constant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    pub rewrites: Vec<Rewrite>,
}

impl Normalized {
    /// The original offset of byte offset `offset` (at most `text.len()`) of
    /// the new text. An offset inside a rewrite maps to the start of what it
    /// replaced, its end to the end: non-decreasing in `offset`.
    pub fn to_original(&self, offset: usize) -> usize {
        map_offset(&self.rewrites, offset, |r| (r.start, r.end), |r| (r.original_start, r.original_end))
    }

    /// The new offset of byte offset `original` of the original text; the
    /// inverse of [`Normalized::to_original`] outside rewrites.
    pub fn to_new(&self, original: usize) -> usize {
        map_offset(&self.rewrites, original, |r| (r.original_start, r.original_end), |r| (r.start, r.end))
    }
}

fn map_offset(
    rewrites: &[Rewrite],
    offset: usize,
    from: impl Fn(&Rewrite) -> (usize, usize),
    to: impl Fn(&Rewrite) -> (usize, usize),
) -> usize {
    // The last rewrite starting at or before `offset`.
    let i = rewrites.partition_point(|r| from(r).0 <= offset);
    let Some(r) = i.checked_sub(1).map(|i| &rewrites[i]) else { return offset };
    let ((_, from_end), (to_start, to_end)) = (from(r), to(r));
    if offset < from_end {
        to_start
    } else {
        to_end + (offset - from_end)
    }
}

/// `text` with the mentions of the kinds in `options` rewritten (see the
/// module docs). `quantities` are those of `text` ([`super::quantities`]);
/// any that are out of order, overlap, or fall off `text`'s char boundaries
/// are left as written.
pub fn normalize(text: &str, quantities: &[Quantity], options: &NormalizeOptions) -> Normalized {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut rewrites = Vec::new();
    let mut copied = 0;
    let mut last_end = 0;
    let mut form = String::new();
    for q in quantities {
        let fits = last_end <= q.start
            && q.start < q.end
            && q.end <= text.len()
            && text.is_char_boundary(q.start)
            && text.is_char_boundary(q.end);
        if !fits {
            continue;
        }
        last_end = q.end;
        if !options.kinds.contains(q.kind) {
            continue;
        }
        form.clear();
        if !write_form(&mut form, text, q, options.units) || form == text[q.start..q.end] {
            continue;
        }
        out.push_str(&text[copied..q.start]);
        let start = out.len();
        out.push_str(&form);
        rewrites.push(Rewrite { start, end: out.len(), original_start: q.start, original_end: q.end, kind: q.kind });
        copied = q.end;
    }
    out.push_str(&text[copied..]);
    Normalized { text: out, rewrites }
}

/// Writes the canonical form of `q`; `false` when it has none (a date
/// without an ISO form, a number that is not finite).
fn write_form(out: &mut String, text: &str, q: &Quantity, units: UnitSystem) -> bool {
    match q.kind {
        K::Date | K::Time => match q.iso.as_deref() {
            Some(iso) if iso.len() == 3 && iso.bytes().all(|b| b.is_ascii_digit()) => {
                let _ = write!(out, "{iso}0s");
                true
            }
            Some(iso) => {
                out.push_str(iso);
                true
            }
            None => false,
        },
        K::Ordinal => write_ordinal(out, q.value),
        K::Number => {
            let span = &text[q.start..q.end];
            if let Some(done) = write_proportion(out, span) {
                return done;
            }
            let spelled = span.bytes().any(|b| b.is_ascii_alphabetic());
            if spelled && q.value != 0.0 && q.value.abs() < 1.0 {
                return false;
            }
            write_count(out, q.value)
        }
        // `3,000 tests per day`: a count per unit of time keeps its words
        // after the number, in either system.
        K::Quantity if q.unit.is_some_and(|u| u.starts_with('/')) => write_count(out, q.value),
        K::Quantity | K::Money | K::Percent | K::Range => write_measure(out, text, q, units),
    }
}

/// The shortest digits of `v` at 15 significant digits, without exponent.
fn write_number(out: &mut String, v: f64) -> bool {
    if !v.is_finite() {
        return false;
    }
    // `{:e}` rounds to 15 significant digits; `{}` then gives the shortest
    // digits of that value, never in exponent form. -0 prints as 0.
    let rounded: f64 = format!("{v:.14e}").parse().unwrap_or(v);
    let _ = write!(out, "{}", if rounded == 0.0 { 0.0 } else { rounded });
    true
}

/// A number without a unit: a whole number that would read as a year in
/// plain digits (1500 to 2199) keeps a thousands separator (`1,500`).
fn write_count(out: &mut String, v: f64) -> bool {
    if v.fract() == 0.0 && (YEAR_MIN..=YEAR_MAX).contains(&v) {
        let n = v as u64;
        let _ = write!(out, "{},{:03}", n / 1000, n % 1000);
        return true;
    }
    write_number(out, v)
}

/// A composite written with two numbers (`6ft 2in`, `a 6-foot-2 forward`,
/// `three years and six months`) in the same two units, the first whole:
/// `6 ft 2 in`, `3 years 6 months`. `None` for any other mention: one number
/// (`twenty-five-year`, `2 1/2 ft`: the words or digits of one number are
/// joined by a hyphen or a space) is no composite.
fn write_composite(out: &mut String, span: &str, value: f64, unit: Option<&str>) -> Option<bool> {
    let tables = Tables::get();
    let big = unit?;
    let &small = tables.composites.get(big)?;
    let factor = |u: &str| tables.units.iter().find(|x| x.canonical == u).and_then(|x| x.factor);
    let per = factor(big)? / factor(small)?;
    // Runs of number tokens; a word between two numbers (`ft`, `and`) starts a new run.
    let toks = tokenize(span);
    let is_number = |t: &Token| {
        t.kind == TokenKind::Number || tables.word(&span[t.start..t.end]).is_some_and(|n| matches!(n.class, WordClass::Unit | WordClass::Tens))
    };
    let mut runs = 0;
    let mut in_run = false;
    for t in &toks {
        let joint = matches!(&span[t.start..t.end], "-" | "/");
        if is_number(t) {
            runs += usize::from(!in_run);
            in_run = true;
        } else if !joint {
            in_run = false;
        }
    }
    if runs < 2 || !(0.0..1e15).contains(&value) {
        return None;
    }
    let whole = value.trunc();
    let rest = ((value - whole) * per * 1e9).round() / 1e9;
    let name = |u: &str, n: f64| -> String {
        let plural = if n == 1.0 { None } else { tables.unit_plurals.get(u).copied() };
        plural.unwrap_or(u).to_string()
    };
    write_number(out, whole);
    let _ = write!(out, " {}", name(big, whole));
    if rest != 0.0 {
        out.push(' ');
        write_number(out, rest);
        let _ = write!(out, " {}", name(small, rest));
    }
    Some(true)
}

/// `one in five` → `1 in 5`, `nine out of ten` → `9 out of 10`: `None`
/// when `span` is no proportion (each side one whole number, in digits or a word).
fn write_proportion(out: &mut String, span: &str) -> Option<bool> {
    let (part, joint, whole) = [" in ", " out of "]
        .iter()
        .find_map(|j| span.find(j).map(|at| (&span[..at], j.trim(), &span[at + j.len()..])))?;
    let whole_number = |w: &str| -> Option<u64> {
        let v = match super::number::numeral(w) {
            Some(n) if n.suffix.is_empty() => n.value,
            _ => Tables::get().word(w)?.value,
        };
        (v.fract() == 0.0 && (0.0..1e15).contains(&v)).then_some(v as u64)
    };
    let (a, b) = (whole_number(part)?, whole_number(whole)?);
    let _ = write!(out, "{a} {joint} {b}");
    Some(true)
}

fn write_ordinal(out: &mut String, v: f64) -> bool {
    if !(0.0..1e15).contains(&v) || v.fract() != 0.0 {
        return false;
    }
    let n = v as u64;
    let suffix = match (n % 100, n % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    let _ = write!(out, "{n}{suffix}");
    true
}

/// How a range's ends are joined.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Connector {
    Dash,
    To,
    Through,
    And,
}

/// What the form keeps of how a mention was written, read from its tokens.
struct Shape<'s> {
    /// The unit is joined to the number by a hyphen, as an adjective (`two-year`).
    hyphen: bool,
    /// What follows such a unit inside the mention (`-old`).
    after: &'s str,
    /// A word between the number and its unit (`more` in `two more years`).
    more: Option<&'s str>,
    connector: Connector,
}

fn shape<'s>(span: &'s str, before: &str, unit: Option<&str>) -> Shape<'s> {
    let toks: Vec<Token> = tokenize(span);
    let word = |i: usize| &span[toks[i].start..toks[i].end];
    let glued = |i: usize| i > 0 && toks[i - 1].end == toks[i].start;
    let is = |i: usize, w: &str| word(i).eq_ignore_ascii_case(w);
    let more = (0..toks.len()).map(word).find(|w| Tables::get().is_more(w));
    let connector = if (0..toks.len()).any(|i| is(i, "to")) {
        Connector::To
    } else if (0..toks.len()).any(|i| is(i, "through") || is(i, "thru")) {
        Connector::Through
    } else if (0..toks.len()).any(|i| is(i, "and")) && ends_with_word(before, "between") {
        // `and` also joins number words (`two hundred and fifty`): it is the
        // range's only after `between`.
        Connector::And
    } else {
        Connector::Dash
    };
    let mut shape = Shape { hyphen: false, after: "", more, connector };
    let Some(unit) = unit else { return shape };
    let mut m = toks.len();
    if m >= 4 && is(m - 1, "old") && word(m - 2) == "-" && glued(m - 2) && glued(m - 1) {
        shape.after = &span[toks[m - 2].start..];
        m -= 2;
    }
    // The unit's form is the last one to three tokens, after a glued hyphen.
    let tb = Tables::get();
    for k in 1..=3 {
        let Some(h) = m.checked_sub(k + 1).filter(|&h| h > 0) else { break };
        if !matches!(word(h), "-" | "\u{2010}") || !glued(h) || !glued(h + 1) {
            continue;
        }
        let rest = |j: usize| (h + 1 + j < m).then(|| word(h + 1 + j));
        if let Some(hit) = tb.unit_forms.longest(word(h + 1), rest) {
            if hit.len == k && tb.units[hit.value].canonical == unit {
                shape.hyphen = true;
                break;
            }
        }
    }
    shape
}

/// `text` ends with the word `w` (any case), trailing spaces aside.
fn ends_with_word(text: &str, w: &str) -> bool {
    let t = text.trim_end().as_bytes();
    let n = w.len();
    t.len() >= n
        && t[t.len() - n..].eq_ignore_ascii_case(w.as_bytes())
        && (t.len() == n || !t[t.len() - n - 1].is_ascii_alphanumeric())
}

fn write_measure(out: &mut String, text: &str, q: &Quantity, units: UnitSystem) -> bool {
    let (mut low, mut high, mut unit) = (q.value, q.high, q.unit);
    if units == UnitSystem::Si {
        if let Some((si_low, si_high, si_unit)) = in_si(q) {
            (low, high, unit) = (si_low, si_high, Some(si_unit));
        }
    }
    if !low.is_finite() || high.is_some_and(|h| !h.is_finite()) {
        return false;
    }
    let span = &text[q.start..q.end];
    // A price read across a bracket (`C$6 (US$4.46) per share`) has its rate
    // words outside the span, which keeps its own currency.
    let rate_words = span.contains('/')
        || span.split(|c: char| c.is_whitespace() || c == '-').any(|w| matches!(w.to_ascii_lowercase().as_str(), "per" | "a" | "an"));
    if q.dimension == Some("currency") && !rate_words {
        unit = unit.and_then(|u| u.split('/').next());
    }
    // `a 7- or 8-inch screen`: a suspended hyphen, the unit written once after
    // the last number; the others (a number alone, a hyphen left hanging after
    // it) keep their number and the hyphen.
    let hanging = text[q.end..].strip_prefix(['-', '\u{2010}']).is_some_and(|r| r.starts_with([',', ' ']));
    if high.is_none() && hanging {
        let last = tokenize(span).last().map_or("", |t| &span[t.start..t.end]);
        if last.ends_with(|c: char| c.is_ascii_digit()) || Tables::get().word(last).is_some() {
            return write_number(out, low);
        }
    }
    if units == UnitSystem::Canonical && high.is_none() {
        if let Some(done) = write_composite(out, span, low, unit) {
            return done;
        }
    }
    let sh = shape(span, &text[..q.start], q.unit);
    let word_unit = unit.and_then(|u| Tables::get().unit_plurals.get_key_value(u)).map(|(one, many)| (*one, *many));
    // `-old` stays only where the unit stays a word joined by a hyphen.
    if !sh.after.is_empty() && (word_unit.is_none() || !sh.hyphen) {
        return false;
    }
    let write_end = if unit.is_some() { write_number } else { write_count };
    write_end(out, low);
    if let Some(high) = high {
        let hyphen = if sh.hyphen && word_unit.is_some() { "-" } else { "" };
        match sh.connector {
            Connector::Dash if low >= 0.0 && high >= 0.0 => out.push('\u{2013}'),
            Connector::Dash | Connector::To => {
                let _ = write!(out, "{hyphen} to ");
            }
            Connector::Through => {
                let _ = write!(out, "{hyphen} through ");
            }
            Connector::And => {
                let _ = write!(out, "{hyphen} and ");
            }
        }
        write_end(out, high);
    }
    let Some(unit) = unit else { return true };
    match word_unit {
        Some((one, _)) if sh.hyphen => {
            let _ = write!(out, "-{one}{}", sh.after);
        }
        _ => {
            if let Some(more) = sh.more {
                out.push(' ');
                out.push_str(more);
            }
            if sh.more.is_some() || !matches!(unit.split('/').next(), Some("%" | "°")) {
                out.push(' ');
            }
            let plural = high.is_some() || low.abs() != 1.0;
            out.push_str(match word_unit {
                Some((_, many)) if plural => many,
                _ => unit,
            });
        }
    }
    true
}

/// The value, high end and unit of `q` in SI, where its dimension has an SI unit.
fn in_si(q: &Quantity) -> Option<(f64, Option<f64>, &'static str)> {
    let si_unit = q.si_unit?;
    let low = q.si_value?;
    let Some(high) = q.high else { return Some((low, None, si_unit)) };
    let tb = Tables::get();
    let u = &tb.units[tb.unit_index(q.unit?)?];
    Some((low, Some(high * u.factor? + u.offset), si_unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::quantities;

    fn norm_with(text: &str, options: NormalizeOptions) -> Normalized {
        normalize(text, &quantities(text, &tokenize(text)), &options)
    }

    fn norm(text: &str) -> String {
        norm_with(text, NormalizeOptions::default()).text
    }

    fn si(text: &str) -> String {
        norm_with(text, NormalizeOptions { units: UnitSystem::Si, ..Default::default() }).text
    }

    fn all_kinds(text: &str) -> String {
        norm_with(text, NormalizeOptions { kinds: KindSet::ALL, ..Default::default() }).text
    }

    #[test]
    fn numbers_in_plain_digits() {
        assert_eq!(norm("around 1.2 million casualties"), "around 1200000 casualties");
        assert_eq!(norm("twenty-five people"), "25 people");
        assert_eq!(norm("half a million people"), "500000 people");
        assert_eq!(norm("5,000 troops and 816 000 voters"), "5000 troops and 816000 voters");
        assert_eq!(norm("one other country"), "1 other country");
        assert_eq!(norm("0.07 million"), "70000");
        // Plain, these would read as years.
        assert_eq!(
            norm("Officials said 1,500 had been counted, and fifteen hundred"),
            "Officials said 1,500 had been counted, and 1,500"
        );
        assert_eq!(norm("1,500 to 2,000 people, 1,500 km and £1,500"), "1,500 to 2,000 people, 1500 km and 1500 GBP");
        // Already canonical: no rewrite.
        let n = norm_with("about 1200000 casualties", NormalizeOptions::default());
        assert_eq!((n.text.as_str(), n.rewrites.len()), ("about 1200000 casualties", 0));
    }

    #[test]
    fn composites_in_their_two_units() {
        assert_eq!(norm("a 6-foot-2 forward, 6ft 2in tall"), "a 6 ft 2 in forward, 6 ft 2 in tall");
        assert_eq!(norm("jailed for three years and six months"), "jailed for 3 years 6 months");
        assert_eq!(norm("1 hour 30 minutes"), "1 h 30 min");
        // One number is no composite.
        assert_eq!(norm("1.5 years"), "1.5 years");
        assert_eq!(norm("A twenty-five-year contract"), "A 25-year contract");
        assert_eq!(norm("a twenty-five-year-old nurse"), "a 25-year-old nurse");
        assert_eq!(norm("2 1/2 ft"), "2.5 ft");
        assert_eq!(norm("a 6-foot-2-inch frame"), "a 6 ft 2 in frame");
    }

    #[test]
    fn fractions_spelled_out_and_proportions_in_digits() {
        assert_eq!(norm("A third of voters and half the condos"), "A third of voters and half the condos");
        assert_eq!(norm("one in five adults, nine out of ten voters"), "1 in 5 adults, 9 out of 10 voters");
        assert_eq!(norm("1 in 5 adults"), "1 in 5 adults");
    }

    #[test]
    fn number_digits_without_exponent_or_noise() {
        let mut s = String::new();
        for (v, want) in [
            (3e9, "3000000000"),
            (1e21, "1000000000000000000000"),
            (1200000.0000000002, "1200000"),
            (0.1 + 0.2, "0.3"),
            (255.14999999999998, "255.15"),
            (-0.0, "0"),
            (-5.0, "-5"),
            (2.5, "2.5"),
            (1e-7, "0.0000001"),
        ] {
            s.clear();
            assert!(write_number(&mut s, v));
            assert_eq!(s, want, "{v:e}");
        }
        assert!(!write_number(&mut s, f64::NAN));
        assert!(!write_number(&mut s, f64::INFINITY));
    }

    #[test]
    fn ordinals_with_english_suffixes() {
        assert_eq!(norm("the twenty-first century"), "the 21st century");
        assert_eq!(
            norm("the second time, the 3rd day, the 11th hour, the 112th"),
            "the 2nd time, the 3rd day, the 11th hour, the 112th"
        );
    }

    #[test]
    fn quantities_with_canonical_units() {
        let text = "Speaking from around 50 miles (70km) from the Belarusian border";
        assert_eq!(norm(text), "Speaking from around 50 mi (70 km) from the Belarusian border");
        assert_eq!(norm("It was -5C and 45 degrees and 2.5kg"), "It was -5 °C and 45° and 2.5 kg");
        assert_eq!(norm("a 1.2m-high wall"), "a 1.2 m-high wall");
    }

    #[test]
    fn word_units_plural_unless_one_and_hyphenated_as_adjectives() {
        assert_eq!(
            norm("this 12 months, one year, 1.5 yrs, two decades"),
            "this 12 months, 1 year, 1.5 years, 2 decades"
        );
        assert_eq!(norm("three centuries"), "3 centuries");
        assert_eq!(norm("a two-year contract"), "a 2-year contract");
        assert_eq!(norm("a 20-year-old man"), "a 20-year-old man");
        assert_eq!(norm("a twenty-year-old man"), "a 20-year-old man");
        assert_eq!(norm("a five-mile walk"), "a 5 mi walk");
        assert_eq!(
            norm("at the very least two more years of stagnation"),
            "at the very least 2 more years of stagnation"
        );
    }

    #[test]
    fn a_suspended_hyphen_keeps_the_unit_once() {
        assert_eq!(norm("a 7- or 8-inch touchscreen"), "a 7- or 8 in touchscreen");
        assert_eq!(si("a 7- or 8-inch touchscreen"), "a 0.1778- or 0.2032 m touchscreen");
        assert_eq!(norm("two- or three-day visits"), "2- or 3-day visits");
        assert_eq!(norm("four-, five- and six-cylinder engines"), "4-, 5- and 6-cylinder engines");
        // A dash after a unit is no suspended hyphen: the unit stays.
        assert_eq!(norm("ran 50 miles- a record"), "ran 50 mi- a record");
    }

    #[test]
    fn si_units_on_request() {
        assert_eq!(si("around 50 miles (70km)"), "around 80467.2 m (70000 m)");
        assert_eq!(si("-5C"), "268.15 K");
        assert_eq!(si("6ft 2in"), "1.8796 m");
        assert_eq!(si("300-400 km"), "300000–400000 m");
        // No SI unit: money, percentages, decibels stay canonical.
        assert_eq!(si("£3bn, 12 per cent, 90 decibels"), "3000000000 GBP, 12%, 90 dB");
        assert_eq!(si("a 20-year-old"), "a 20-year-old");
    }

    #[test]
    fn money_as_amount_and_code() {
        assert_eq!(norm("Prices rose to £3bn"), "Prices rose to 3000000000 GBP");
        assert_eq!(
            norm("£3.5bn and $40 and 50p and 19 cents and 1.5 million euros"),
            "3500000000 GBP and 40 USD and 0.5 GBP and 0.19 USD and 1500000 EUR"
        );
    }

    #[test]
    fn percentages_and_points() {
        assert_eq!(norm("12 per cent, 12%, 2 percentage points, 25 basis points"), "12%, 12%, 2 pp, 25 bp");
    }

    #[test]
    fn ranges() {
        assert_eq!(norm("300-400 km"), "300–400 km");
        assert_eq!(norm("$5-$10"), "5–10 USD");
        assert_eq!(norm("5-10 per cent"), "5–10%");
        assert_eq!(norm("between 5 and 10 per cent"), "between 5 and 10%");
        assert_eq!(norm("from 10 to 15 years"), "from 10 to 15 years");
        assert_eq!(norm("between two hundred and fifty and three hundred people"), "between 250 and 300 people");
        assert_eq!(norm("four to five thousand"), "4000 to 5000");
        assert_eq!(norm("from -18 °C to -34 °C"), "from -18 to -34 °C");
        assert_eq!(norm("a 10- to 15-year sentence"), "a 10- to 15-year sentence");
        assert_eq!(norm("a ten- to fifteen-year sentence"), "a 10- to 15-year sentence");
        assert_eq!(norm("a 10-15-year sentence"), "a 10–15-year sentence");
    }

    #[test]
    fn a_count_per_unit_of_time_keeps_its_words() {
        assert_eq!(norm("to provide three thousand tests per day."), "to provide 3000 tests per day.");
        assert_eq!(si("He smoked 20 a day."), "He smoked 20 a day.");
    }

    #[test]
    fn a_carried_unit_is_written_and_the_number_kept() {
        // The span is the number alone; the form writes it with the unit it
        // took, once, and normalizing again changes nothing.
        let text = "mileage rose from about 14-18 mpg to 24 for SUVs";
        assert_eq!(norm(text), "mileage rose from about 14–18 mpg to 24 mpg for SUVs");
        assert_eq!(norm(&norm(text)), norm(text));
        assert_eq!(norm("The stock rose $5 to 105."), "The stock rose 5 USD to 105 USD.");
        assert_eq!(si("It retreated 2 miles to 30."), "It retreated 3218.688 m to 48280.32 m.");
        assert_eq!(norm("by 2 percent but the Nasdaq decreased by 1."), "by 2% but the Nasdaq decreased by 1%.");
        // A carried counted noun leaves a number.
        assert_eq!(norm("The S&P 500 rose 64.06 points to 4,577.10."), "The S&P 500 rose 64.06 points to 4577.1.");
    }

    #[test]
    fn dates_and_times_only_on_request() {
        let text = "invaded Ukraine in February 2022, at 2.15pm on 12 December 2025, in the ’90s";
        assert_eq!(norm(text), text);
        assert_eq!(all_kinds(text), "invaded Ukraine in 2022-02, at 14:15 on 2025-12-12, in the 1990s");
        assert_eq!(all_kinds("at 14:15 GMT"), "at 14:15Z");
    }

    #[test]
    fn chosen_kinds_only() {
        let money = NormalizeOptions { kinds: KindSet::EMPTY.with(K::Money), ..Default::default() };
        assert_eq!(norm_with("one man paid £3bn", money).text, "one man paid 3000000000 GBP");
        let none = NormalizeOptions { kinds: KindSet::EMPTY, ..Default::default() };
        assert_eq!(norm_with("one man paid £3bn", none).text, "one man paid £3bn");
        assert!(KindSet::DEFAULT.contains(K::Range) && !KindSet::DEFAULT.contains(K::Date));
        assert_eq!([K::Money, K::Date].into_iter().collect::<KindSet>(), KindSet::EMPTY.with(K::Date).with(K::Money));
    }

    #[test]
    fn the_map_between_offsets() {
        let text = "He ran 50 miles (70km) in £3bn shoes.";
        let n = norm_with(text, NormalizeOptions::default());
        assert_eq!(n.text, "He ran 50 mi (70 km) in 3000000000 GBP shoes.");
        let spans: Vec<(&str, &str)> =
            n.rewrites.iter().map(|r| (&n.text[r.start..r.end], &text[r.original_start..r.original_end])).collect();
        assert_eq!(spans, [("50 mi", "50 miles"), ("70 km", "70km"), ("3000000000 GBP", "£3bn")]);
        // Outside rewrites the text is the original's, offsets shifted.
        let mut prev = (0, 0);
        for r in &n.rewrites {
            assert_eq!(n.text[prev.0..r.start], text[prev.1..r.original_start]);
            prev = (r.end, r.original_end);
        }
        assert_eq!(n.text[prev.0..], text[prev.1..]);
        // Every offset maps monotonically into bounds; rewrites' ends map exactly.
        let mut last = 0;
        for o in 0..=n.text.len() {
            let back = n.to_original(o);
            assert!(back >= last && back <= text.len());
            last = back;
        }
        for r in &n.rewrites {
            assert_eq!((n.to_original(r.start), n.to_original(r.end)), (r.original_start, r.original_end));
            assert_eq!((n.to_new(r.original_start), n.to_new(r.original_end)), (r.start, r.end));
            assert_eq!(n.to_original(r.start + 1), r.original_start);
        }
        assert_eq!(n.to_original(0), 0);
        assert_eq!(n.to_original(n.text.len()), text.len());
        assert_eq!(n.to_new(text.len()), n.text.len());
        assert_eq!(n.to_original(3), 3);
    }

    #[test]
    fn mentions_that_do_not_fit_are_left_alone() {
        let text = "5 km";
        let mut qs = quantities(text, &tokenize(text));
        qs.push(qs[0].clone());
        let mut off = qs[0].clone();
        off.end = 99;
        qs.push(off);
        let n = normalize(text, &qs, &NormalizeOptions::default());
        assert_eq!((n.text.as_str(), n.rewrites.len()), ("5 km", 0));
        let n = normalize("50 miles", &quantities("50 miles", &tokenize("50 miles")), &NormalizeOptions::default());
        assert_eq!(n.text, "50 mi");
    }

    #[test]
    fn the_reference_article() {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/belarus-metro.txt"))
            .unwrap();
        let n = norm_with(&text, NormalizeOptions::default());
        let rewritten: Vec<(&str, &str)> =
            n.rewrites.iter().map(|r| (&text[r.original_start..r.original_end], &n.text[r.start..r.end])).collect();
        assert_eq!(
            rewritten,
            [
                ("one", "1"),
                ("50 miles", "50 mi"),
                ("70km", "70 km"),
                ("1.2 million", "1200000"),
                ("two more years", "2 more years"),
            ]
        );
        assert!(n.text.contains("around 50 mi (70 km) from"));
        assert!(n.text.contains("around 1200000 casualties"));
    }
}
