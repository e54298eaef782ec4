//! Quantities: number grammar, number words, units, conversion, modifiers.
//!
//! [`quantities`] reads the token stream (never the text with a second set of
//! patterns: a number token's own text is split into its numeral and a glued
//! suffix such as `bn`, `km` or `pm`) and returns every numeric mention:
//! numbers, ordinals, measured quantities, money, percentages, dates, clock
//! times and ranges, each normalised as DESIGN.md specifies under "Quantity".
//!
//! The rules read a bounded window of tokens around each number, and every
//! token is consumed at most a bounded number of times, so the stage is linear
//! in the input. The tables (units, number words, currencies, modifiers,
//! months and zones) are data files in `data/`, parsed once (`tables.rs`).
//!
//! Layout: `number` parses the numeral inside one token; `parse` walks the
//! tokens (`parse/digits.rs` numbers in digits, `words.rs` number words,
//! `money.rs` currency prefixes, `dates.rs` dates and times, `tail.rs` scales,
//! units, composites and ranges, `names.rs` numbers that name things);
//! `normalize` rewrites the mentions found in canonical written forms.
//!
//! Values and decisions:
//! - `value` is the number as written, scaled (`1.2 million` → 1.2e6, `£3bn`
//!   → 3e9). A range's `value` is its first end and `high` its second; they
//!   are in increasing order except after `from` (`from 4.8 to 4.7 per cent`
//!   keeps the order written). `si_value` converts `value`.
//! - Money is in the currency's ISO 4217 code; minor units are converted
//!   (`50p` → 0.5 GBP, `19 cents` → 0.19 USD; factors in `currencies.tsv`).
//! - Dates and clock times carry no number: their `value` is NaN (the
//!   bindings give `None`, as the reference gold does for `February 2022`),
//!   and `iso` holds what they denote where it is determined (`2022-02`,
//!   `2025-12-12`, `--12-12` without a year, `2024`, a decade as its first
//!   three digits `199` (reduced precision, as `19` is a century), a span of
//!   years `2012/2013`, a time `14:15`, `14:00Z` with a zone). `’90s` is taken as the 1990s
//!   (`’20s` as the 2020s: two-digit decades below 30 are this century).
//! - A count (`cardinal`, or a range with no unit) carries `counted`, the
//!   noun phrase after it up to its first plural noun (`36 league games`;
//!   after `one`, the next noun: `one hand`), passing `of` and a determiner
//!   (`two of Johnson's deputies` stops at the name; `35m of its devices`);
//!   or the word a hyphen joins to it (`a 12-page report`, `four-cylinder`),
//!   which a suspended hyphen shares (`four-, five- and six-cylinder`: three
//!   counts of `cylinder`). Compounds that are no count are not read from
//!   words (`two-way`, `one-off`) and count nothing after digits (`30-strong`).
//! - A suspended hyphen shares its unit too: `a 7- or 8-inch screen` is 7 in
//!   and 8 in, the first span `7` alone.
//! - A bare number compared with an earlier amount takes the unit or the
//!   counted noun left out (`parse/carry.rs`): `rose 64.06 points to
//!   4,577.10` (`4,577.10` counts `points`: the same span), `up from 2.4
//!   million`, `compared with 63`, `from 14-18 mpg to 24` (24 mpg), `by 2
//!   percent but ... by 1` (1%); not a level after a percentage of change
//!   (`rose 5% to 120`), nor a year, date, time or ordinal. Its span stays
//!   the number.
//! - An amount right after a verb or word of change carries its direction
//!   (`rose 5%`, `up 58 points`, `increased by 5%`, `Dow +0.2%`, `lost 190
//!   points, or 0.6%`); not a level reached (`fell to 13176`, `down 1% at
//!   5884`) nor the size of a noun (`a 19% drop`).
//! - Ordinals carry their number (`21st` → 21) and no unit.
//! - `m` after a number is million (money, counts) or metres (sizes: `a
//!   1.2m-high wall`, `2m tall`, `1 m` with a space); `k` is thousand, or
//!   kilometres in a race (`a 5k run`).
//! - Years are plain four-digit numbers from 1500 to 2199 unless a counted
//!   noun follows (`1500 troops`); they are never quantities or ranges.
//! - Not reported: vague amounts (`dozens of`), a unit without a number,
//!   phone numbers and codes (eight digits or more, a leading zero, phone
//!   groups; but an amount written out in full, `3000000000 GBP` or
//!   `12000000 people`, is one), model and road names (`F-35`, `Boeing 737`, `M25`, `No 10`),
//!   labels (`category 4`, `page 12`), scores (`won 3-1`, `1 – 0`),
//!   scientific notation (`1.99×10−30`), digits glued to unknown letters (`5G`).

mod normalize;
mod number;
mod parse;
mod tables;

pub use normalize::{normalize, KindSet, NormalizeOptions, Normalized, Rewrite, UnitSystem};

use crate::token::{Span, Token};

/// What a mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum QuantityKind {
    /// A bare number (`one`, `1.2 million`).
    Number = 0,
    /// `15th`, `second`, `twenty-first`.
    Ordinal = 1,
    /// A number with a unit of measurement (`50 miles`, `4 years`).
    Quantity = 2,
    /// An amount of money (`£3.5bn`); the unit is the ISO 4217 code.
    Money = 3,
    /// A percentage (`12%`, unit `%`) or percentage points (unit `pp`).
    Percent = 4,
    /// A date, year or decade.
    Date = 5,
    /// A clock time.
    Time = 6,
    /// A range of any of the above (`300-400 km`, `between 5 and 10 per cent`).
    Range = 7,
}

impl QuantityKind {
    pub const ALL: [QuantityKind; 8] = [
        QuantityKind::Number,
        QuantityKind::Ordinal,
        QuantityKind::Quantity,
        QuantityKind::Money,
        QuantityKind::Percent,
        QuantityKind::Date,
        QuantityKind::Time,
        QuantityKind::Range,
    ];

    pub fn name(self) -> &'static str {
        match self {
            // "cardinal" (as the reference gold and OntoNotes name it) keeps a
            // plain count apart from the token kind "number".
            QuantityKind::Number => "cardinal",
            QuantityKind::Ordinal => "ordinal",
            QuantityKind::Quantity => "quantity",
            QuantityKind::Money => "money",
            QuantityKind::Percent => "percent",
            QuantityKind::Date => "date",
            QuantityKind::Time => "time",
            QuantityKind::Range => "range",
        }
    }

    pub fn from_name(name: &str) -> Option<QuantityKind> {
        QuantityKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

/// A word before a mention that qualifies it (`around 50 miles`); the words
/// themselves are outside the mention's span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Modifier {
    Approximately = 0,
    MoreThan = 1,
    LessThan = 2,
    AtLeast = 3,
    AtMost = 4,
    UpTo = 5,
    Exactly = 6,
}

impl Modifier {
    pub const ALL: [Modifier; 7] = [
        Modifier::Approximately,
        Modifier::MoreThan,
        Modifier::LessThan,
        Modifier::AtLeast,
        Modifier::AtMost,
        Modifier::UpTo,
        Modifier::Exactly,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Modifier::Approximately => "approximately",
            Modifier::MoreThan => "more_than",
            Modifier::LessThan => "less_than",
            Modifier::AtLeast => "at_least",
            Modifier::AtMost => "at_most",
            Modifier::UpTo => "up_to",
            Modifier::Exactly => "exactly",
        }
    }

    pub fn from_name(name: &str) -> Option<Modifier> {
        Modifier::ALL.into_iter().find(|m| m.name() == name)
    }
}

/// The direction of a change that an amount measures (`rose 5%`, `fell 190
/// points`); the words are outside the mention's span.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum Change {
    Up = 0,
    Down = 1,
}

impl Change {
    pub fn name(self) -> &'static str {
        match self {
            Change::Up => "up",
            Change::Down => "down",
        }
    }
}

/// One numeric mention. Offsets are bytes into the text, end exclusive.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub start: usize,
    pub end: usize,
    pub kind: QuantityKind,
    /// The number as written, scaled; NaN for dates and times (see the module docs).
    pub value: f64,
    /// The high end of a range.
    pub high: Option<f64>,
    /// Canonical unit (`km`, `°C`, `year`, `GBP`, `%`, `pp`).
    pub unit: Option<&'static str>,
    /// `length`, `mass`, `duration`, `currency`, `ratio`, ...
    pub dimension: Option<&'static str>,
    /// `value` in the SI unit of the dimension, where it has one.
    pub si_value: Option<f64>,
    pub si_unit: Option<&'static str>,
    pub modifier: Option<Modifier>,
    /// ISO 8601 form of a date or time, where determined.
    pub iso: Option<String>,
    /// What a plain count counts: the noun phrase after it, up to its plural
    /// head (`1.2m people`, `36 league games`, `one of the students`).
    pub counted: Option<Span>,
    /// The amount of a rise or a fall (`rose 5%` up, `fell 190 points` down).
    pub change: Option<Change>,
}

impl Quantity {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

/// Every numeric mention in `text`, ordered by start and non-overlapping.
/// `tokens` must be the tokens of `text` ([`crate::tokenize`]).
pub fn quantities(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    parse::Parser::new(text, tokens).run()
}
