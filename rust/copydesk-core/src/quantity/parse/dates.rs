//! Dates and clock times: `February 2022`, `Dec. 12, 2023`, `12 December 2025`,
//! `2.15pm`, `14:00 GMT`; which four-digit numbers are years.

use super::*;

impl<'a> Parser<'a> {
    /// `14:00`, `10:30am`, `14:00 GMT`.
    pub(super) fn clock(&mut self, i: usize) -> Option<usize> {
        let s = self.s(i);
        let parts: Vec<&str> = s.split(':').collect();
        let ok = (parts.len() == 2 || parts.len() == 3)
            && parts[0].len() <= 2
            && parts[1..].iter().all(|p| p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()));
        if !ok || self.name_before(i) {
            return Some(i + 1);
        }
        let h: u32 = parts[0].parse().ok()?;
        let m: u32 = parts[1].parse().ok()?;
        let sec: Option<u32> = parts.get(2).and_then(|p| p.parse().ok());
        if h > 24 || m > 59 || sec.is_some_and(|x| x > 59) {
            return Some(i + 1);
        }
        self.time(i, h, m, sec, self.cur_after(i, ""))
    }

    /// A clock time from its hour and minutes; reads an am/pm marker and a zone.
    pub(super) fn time(&mut self, first: usize, mut h: u32, m: u32, sec: Option<u32>, c: Cur<'a>) -> Option<usize> {
        let mut c = c;
        if let Some(w) = self.cw(&c, 0) {
            let w = w.to_ascii_lowercase();
            let pm = matches!(w.as_str(), "pm" | "p.m." | "p.m");
            let am = matches!(w.as_str(), "am" | "a.m." | "a.m");
            if (am || pm) && (1..=12).contains(&h) {
                if pm && h != 12 {
                    h += 12;
                } else if am && h == 12 {
                    h = 0;
                }
                c = self.adv(c, 1);
            }
        }
        let mut iso = match sec {
            Some(s) => format!("{h:02}:{m:02}:{s:02}"),
            None => format!("{h:02}:{m:02}"),
        };
        let mut zoned = false;
        if let Some(w) = self.cw(&c, 0) {
            if let Some(Calendar::Zone(z)) = self.tb.calendar.get(w).copied() {
                iso.push_str(z);
                c = self.adv(c, 1);
                zoned = true;
            }
        }
        // `9am-5pm`, `from 2pm to 4pm GMT`: a span of time, as an ISO interval.
        if let Some((end, c2)) = self.second_time(&c, first) {
            let zone = self.cw(&c2, 0).and_then(|w| match self.tb.calendar.get(w) {
                Some(Calendar::Zone(z)) => Some(*z),
                _ => None,
            });
            c = c2;
            if let (Some(z), false) = (zone, zoned) {
                iso.push_str(z);
                iso = format!("{iso}/{end}{z}");
                c = self.adv(c, 1);
            } else {
                iso = format!("{iso}/{end}");
            }
        }
        let q = Quantity { kind: K::Time, iso: Some(iso), ..self.plain_q(self.toks[first].start, c.end, f64::NAN) };
        self.push(q, first);
        Some(c.j)
    }

    /// The end of a span of time after `c`: `-5pm`, `to 4.30pm`, `and 17:00`.
    fn second_time(&self, c: &Cur<'a>, first: usize) -> Option<(String, Cur<'a>)> {
        let conn = self.cw(c, 0)?;
        let between = first > 0 && self.s(first - 1).eq_ignore_ascii_case("between");
        let ok = (is_dash(conn) && self.cidx(c, 0).is_some_and(|t| self.near(t)))
            || ["to", "until", "till"].iter().any(|w| conn.eq_ignore_ascii_case(w))
            || (between && conn.eq_ignore_ascii_case("and"));
        let j = self.cidx(c, 1)?;
        if !ok || !self.is_number(j) || !self.near(j) {
            return None;
        }
        let t = self.s(j);
        let (h, m, suffix, colon) = if let Some((a, b)) = t.split_once(':') {
            if b.len() != 2 || a.len() > 2 {
                return None;
            }
            (a.parse::<u32>().ok()?, b.parse::<u32>().ok()?, "", true)
        } else {
            let n = numeral(t)?;
            let m = match n.decimals {
                None => 0,
                Some(d) if d.len() == 2 => d.parse::<u32>().ok()?,
                _ => return None,
            };
            (n.int_text.parse::<u32>().ok()?, m, n.suffix, false)
        };
        let mut c2 = self.cur_after(j, suffix);
        let marker = self.cw(&c2, 0).map(|w| w.to_ascii_lowercase());
        let pm = matches!(marker.as_deref(), Some("pm" | "p.m." | "p.m"));
        let am = matches!(marker.as_deref(), Some("am" | "a.m." | "a.m"));
        if !(pm || am || (colon && suffix.is_empty())) || m > 59 {
            return None;
        }
        let h = if pm && (1..12).contains(&h) {
            h + 12
        } else if am && h == 12 {
            0
        } else {
            h
        };
        if h > 24 {
            return None;
        }
        if pm || am {
            c2 = self.adv(c2, 1);
        }
        Some((format!("{h:02}:{m:02}"), c2))
    }

    /// `2.15pm`, `3 pm`, `10.30am` (not `at 10.30`: as often a price).
    pub(super) fn time_of(&mut self, num: &Num<'a>) -> Option<usize> {
        let c = num.cur;
        let marker = self.cw(&c, 0).map(|w| w.to_ascii_lowercase());
        let is_marker = marker.as_deref().is_some_and(|w| matches!(w, "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m"));
        let tok = self.s(c.j - 1);
        let n = numeral(tok)?;
        let (h, m) = match n.decimals {
            None if n.is_plain_integer() => (n.value as u32, 0),
            Some(d) if d.len() == 2 && !n.grouped => (n.int_text.parse::<u32>().ok()?, d.parse::<u32>().ok()?),
            _ => return None,
        };
        if m > 59 || n.int_text.len() > 2 {
            return None;
        }
        if is_marker && (1..=12).contains(&h) && (c.suf.is_some() || self.cidx(&c, 0).is_some_and(|t| self.near(t))) {
            return self.time(num.first, h, m, None, c);
        }
        // `at 10.30` without am/pm is as often a price (`closed at 3.23`): not a time.
        None
    }

    /// `February 2022`, `Dec. 12, 2023`, `December 12`.
    pub(super) fn month_first(&mut self, i: usize, m: u32) -> Option<usize> {
        let j = i + 1;
        if !self.is_number(j) || !self.near(j) {
            return None;
        }
        let s = self.s(j);
        if let Some((a, b)) = s.split_once('-') {
            // `Sept. 20-24`: a span of days.
            let days = |x: &str| x.len() <= 2 && x.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
            if days(a) && days(b) {
                let q = self.date(i, self.toks[j].end, String::new());
                self.push(q, i);
                return Some(j + 1);
            }
        }
        let n = numeral(s)?;
        if n.is_plain_integer() && n.int_text.len() == 4 && n.suffix.is_empty() {
            let q = self.date(i, self.toks[j].end, format!("{}-{m:02}", n.int_text));
            self.push(q, i);
            return Some(j + 1);
        }
        let ord = matches!(n.suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");

        if n.is_plain_integer()
            && n.int_text.len() <= 2
            && (n.suffix.is_empty() || ord)
            && (1.0..=31.0).contains(&n.value)
        {
            let d = n.value as u32;
            let mut k = j + 1;
            if self.tok(k) == Some(",") {
                k += 1;
            }
            if let Some(y) = self.year_at(k) {
                let q = self.date(i, self.toks[k].end, format!("{y}-{m:02}-{d:02}"));
                self.push(q, i);
                return Some(k + 1);
            }
            let q = self.date(i, self.toks[j].end, format!("--{m:02}-{d:02}"));
            self.push(q, i);
            return Some(j + 1);
        }
        None
    }

    /// `AD 79`, `79 AD`, `500 BC`, `A.D. 1000`: a year of an era (`era` in
    /// `calendar.tsv`), however many digits; and the second year of a span
    /// whose first has the era (`between A.D. 1000 and 1260`, `from 500 BC
    /// to 300`). The era word is in the span; the ISO 8601 year counts
    /// astronomically (500 BC is `-0499`, 1 BC `0000`). An era word after
    /// the number is no era before a noun (`41 BC seats`: British Columbia);
    /// one before it only after a word that introduces a year (`in AD 79`,
    /// not `Windows CE 6`).
    pub(super) fn era_year(&mut self, num: &Num<'a>) -> Option<usize> {
        let whole = num.value.fract() == 0.0 && (1.0..=9999.0).contains(&num.value);
        if !num.plain || num.words || num.money.is_some() || num.high.is_some() || num.scaled || !whole {
            return None;
        }
        let era = |t: usize| match self.tok(t).and_then(|w| self.tb.calendar.get(w).copied()) {
            Some(Calendar::Era(bc)) => Some(bc),
            _ => None,
        };
        let introduced = |t: usize| t > 0 && (self.tb.is(self.s(t - 1), ctx::YEAR) || matches!(self.s(t - 1), "c." | "circa" | "ca."));
        let i = num.first;
        let next = self.cidx(&num.cur, 0).filter(|&j| self.near(j) && !self.cglued(&num.cur, 0));
        let noun_after = |j: usize| self.kind(j + 1) == Some(T::Word) && self.near(j + 1) && !self.tb.is(self.s(j + 1), ctx::FUNCTION) && self.s(j + 1).starts_with(|c: char| c.is_lowercase());
        let (first, last, bc) = if let Some(bc) = next.filter(|&j| !noun_after(j)).and_then(era) {
            (i, next?, bc)
        } else if let Some(bc) = (i > 0 && self.near(i) && introduced(i - 1)).then(|| era(i - 1)).flatten() {
            (i - 1, i, bc)
        } else {
            // The second year of a span: `between`/`from`, the first with its era, `and`/`to`.
            let prev = self.out.last().filter(|m| m.kind == K::Date && i >= 2 && m.end == self.toks[i - 2].end)?;
            let f = self.toks.partition_point(|t| t.start < prev.start);
            let span = f > 0 && self.tb.is(self.s(f - 1), ctx::SPAN_START) && self.tb.is(self.s(i - 1), ctx::SPAN_END);
            let bc = era(i - 2).or_else(|| era(f))?;
            // `from 500 BC to 1500` is no span of years before Christ.
            let earlier = prev.iso.as_deref().and_then(|y| y.parse::<f64>().ok()).is_some_and(|y| num.value < 1.0 - y);
            if !span || noun_after(i) || (bc && !earlier) {
                return None;
            }
            (i, i, bc)
        };
        let y = num.value as i64;
        let iso = if bc { format!("-{:04}", y - 1).replace("-0000", "0000") } else { format!("{y:04}") };
        let q = self.date(first, self.toks[last].end, iso);
        self.push(q, first);
        Some(last + 1)
    }

    /// A four-digit year at token `k`.
    pub(super) fn year_at(&self, k: usize) -> Option<&'a str> {
        if !self.is_number(k) || !self.near(k) {
            return None;
        }
        let s = self.s(k);
        (s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit())).then_some(s)
    }

    /// `12 December 2025`, `12th of December`: day at `i`, month at `mi`.
    pub(super) fn day_month(&mut self, first: usize, d: u32, m: u32, mi: usize) -> Option<usize> {
        let mut k = mi + 1;
        if self.tok(k) == Some(",") {
            k += 1;
        }
        if let Some(y) = self.year_at(k) {
            let q = self.date(first, self.toks[k].end, format!("{y}-{m:02}-{d:02}"));
            self.push(q, first);
            return Some(k + 1);
        }
        let q = self.date(first, self.toks[mi].end, format!("--{m:02}-{d:02}"));
        self.push(q, first);
        Some(mi + 1)
    }

    /// A plain four-digit number at `i` is a year unless a counted noun follows
    /// (`1500 troops`) with no word before it that introduces a year.
    pub(super) fn is_year(&self, i: usize) -> bool {
        // `an average of 1500`, `a total of 2000`
        if i >= 2 && self.s(i - 1) == "of" && self.tb.is(self.s(i - 2), ctx::AMOUNT) {
            return false;
        }
        if i > 0 && (self.tb.is(self.s(i - 1), ctx::YEAR) || self.tb.calendar.contains_key(self.s(i - 1))) {
            return true;
        }
        match self.tok(i + 1) {
            Some(w) if self.kind(i + 1) == Some(T::Word) => {
                let lower = w.chars().all(|c| c.is_lowercase());
                let plural = w.len() > 3
                    && w.ends_with('s')
                    && lower
                    && !in_list(
                        w,
                        &[
                            "was",
                            "has",
                            "this",
                            "its",
                            "as",
                            "is",
                            "his",
                            "those",
                            "these",
                            "across",
                            "always",
                            "perhaps",
                            "unless",
                            "whereas",
                            "elections",
                            "olympics",
                            "games",
                            "finals",
                            "midterms",
                            "series",
                            "nations",
                            "championships",
                            "awards",
                            "oscars",
                            "emmys",
                            "grammys",
                        ],
                    );
                let irregular = lower
                    && [
                        "children",
                        "people",
                        "men",
                        "women",
                        "staff",
                        "personnel",
                        "police",
                        "cattle",
                        "sheep",
                        "feet",
                        "troops",
                    ]
                    .iter()
                    .any(|x| w.ends_with(x));
                !(plural || irregular)
            }
            _ => true,
        }
    }

    /// A plain number that could be a year.
    pub(super) fn year_like(&self, n: &Num<'a>) -> bool {
        n.plain && n.digits == 4 && (YEAR_MIN..=YEAR_MAX).contains(&n.value)
    }
}
