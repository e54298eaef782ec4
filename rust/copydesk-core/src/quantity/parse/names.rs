//! Numbers that name rather than count: `Boeing 737`, `No 10`, `F-35`, `category 4`,
//! picture formats (`a 1080p TV`, `a 4K TV`).

use super::*;

impl<'a> Parser<'a> {
    /// A capitalised word right before the number names a product, a road or
    /// an office: `Boeing 737`, `Windows 11`, `No 10`, `F-35`, `COVID-19`.
    pub(super) fn name_before(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let p = self.s(i - 1);
        // `F-35`, `COVID-19`, `Su-57`: a word, a hyphen and the number, all glued.
        if is_dash(p) && self.glued(i) && i >= 2 && self.glued(i - 1) {
            let w = self.s(i - 2);
            let prefix = w.chars().all(|c| c.is_lowercase())
                && in_list(w, &["mid", "pre", "post", "early", "late", "over", "under", "top", "sub", "ex"]);
            return !prefix && (self.kind(i - 2) == Some(T::Word) || self.kind(i - 2) == Some(T::Number));
        }
        if matches!(p, "No" | "No." | "no." | "Nos." | "nos." | "#" | "Number" | "Nr." | "Nr") {
            return true;
        }
        if self.kind(i - 1) == Some(T::Word) && self.near(i) && !self.glued(i) && self.tb.is(p, ctx::LABEL) {
            return true;
        }
        if self.kind(i - 1) != Some(T::Word) || !self.near(i) || self.glued(i) {
            return false;
        }
        let cap = p.chars().any(char::is_uppercase);
        let has_digit = p.chars().any(|c| c.is_ascii_digit());
        if !(cap || has_digit) {
            return false;
        }
        if self.tb.is(p, ctx::FUNCTION) || self.tb.calendar.contains_key(p) {
            return false;
        }
        if self.tb.currency_before.longest(p, |_| None).is_some() {
            return false;
        }
        true
    }

    /// A bare number in brackets after a name is a shirt number (`Prescott (4)`);
    /// a number before capitalised words ending in `Street` is an address; a
    /// number before `Pro` or `Max` names a model.
    pub(super) fn name_after(&self, num: &Num<'a>) -> bool {
        let j = num.cur.j;
        if num.cur.suf.is_some() {
            return false;
        }
        // `1600 Pennsylvania Avenue`, `10 Downing Street`: an address.
        // `737 Max`, `11 Pro Max`: a model's name.
        if self.near(j) && self.kind(j) == Some(T::Word) && self.tb.model_suffixes.contains_key(self.s(j)) {
            return true;
        }
        let mut k = j;
        // `9 E 71st St`: an ordinal street number is part of the name.
        let ordinal = |k: usize| {
            self.is_number(k)
                && numeral(self.s(k)).is_some_and(|n| matches!(n.suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th"))
        };
        while k < j + 4
            && ((self.kind(k) == Some(T::Word) && self.s(k).starts_with(|c: char| c.is_uppercase())) || ordinal(k))
        {
            if self.tb.is(self.s(k), ctx::STREET) {
                return true;
            }
            k += 1;
        }
        let f = num.first;
        f >= 2
            && self.s(f - 1) == "("
            && self.tok(j) == Some(")")
            && self.kind(f - 2) == Some(T::Word)
            && self.s(f - 2).starts_with(|c: char| c.is_uppercase())
    }

    /// `a 1080p TV`, `720p footage`, `1080p at 60fps`, `a 4K TV`, `8K video`:
    /// a number with a glued `p`, `i` or `K` before a screen word (the
    /// `screen` class of `context_words.tsv`) or a frame rate names a picture
    /// format; without one it is left to the amount (`shares fell to 240p`).
    pub(super) fn picture_format(&self, num: &Num<'a>) -> bool {
        let c = &num.cur;
        let Some(letter) = self.cw(c, 0).filter(|_| self.cglued(c, 0)) else { return false };
        if num.words || num.money.is_some() || num.high.is_some() || !matches!(letter, "p" | "i" | "K" | "k") {
            return false;
        }
        let Some(next) = self.cidx(c, 1).filter(|&k| self.near(k) && !self.glued(k)) else { return false };
        if self.tb.is(self.s(next), ctx::SCREEN) {
            return true;
        }
        // `1080p at 60fps`, `720p @ 30 fps`
        let at = matches!(self.s(next), "at" | "@");
        let rate = |k: usize| {
            let w = self.tok(k).unwrap_or("");
            let suffix = if self.is_number(k) { numeral(w).map_or("", |n| n.suffix) } else { "" };
            suffix.eq_ignore_ascii_case("fps") || (self.is_number(k) && self.tok(k + 1).is_some_and(|u| u.eq_ignore_ascii_case("fps")))
        };
        at && rate(next + 1)
    }
}
