//! Numbers written in digits: digit groups, decades, ordinals, hyphenated and
//! slashed tokens (`2030-06-30`, `2012-13`, `300-400`, `3/4`), phone numbers and codes.

use super::*;

impl<'a> Parser<'a> {
    pub(super) fn at_number(&mut self, i: usize, sign: f64, first: usize) -> Option<usize> {
        let s = self.s(i);
        let b = s.as_bytes();
        if matches!(b[0], b'\'') || s.starts_with('\u{2019}') || s.starts_with('\u{2018}') {
            return self.decade(i, first);
        }
        // Phone numbers and other digit runs.
        if let Some(n) = self.skip_run(i, false) {
            return Some(n);
        }
        // Long digit strings and numbers with a leading zero are codes and
        // phone numbers, not amounts: `07700900095`, `92995299770`, `0401`;
        // so is a number right before one (`21 995556144`, `1234 5678`).
        let zone_next = matches!(self.tok(i + 1).and_then(|w| self.tb.calendar.get(w)), Some(Calendar::Zone(_)));
        if phone_token(s) && !(s.len() == 4 && zone_next) && !self.written_out_amount(i) {
            return Some(i + 1);
        }
        if self.is_number(i + 1) && self.near(i + 1) && !self.glued(i + 1) && s.bytes().all(|c| c.is_ascii_digit()) {
            let t = self.s(i + 1);
            let long_pair = s.len() >= 3 && t.len() >= 4 && t.bytes().all(|c| c.is_ascii_digit());
            let group = s.len() <= 3 && t.len() == 3;
            if (phone_token(t) || long_pair) && !group {
                return Some(i + 2);
            }
        }
        // `(541) 754-3010`, `(19) 38294427`: an area code in brackets.
        if i > 0 && self.s(i - 1) == "(" && self.tok(i + 1) == Some(")") && self.is_number(i + 2) && self.near(i + 2) {
            let t = self.s(i + 2);
            let digits = t.bytes().filter(u8::is_ascii_digit).count();
            if digits >= 6 && !t.contains([',', '.']) {
                return Some(i + 3);
            }
        }
        if s.contains(':') {
            return self.clock(i);
        }
        // `1⁄32`: a fraction written with the fraction slash.
        if self.tok(i + 1) == Some("\u{2044}") && self.glued(i + 1) && self.is_number(i + 2) && self.glued(i + 2) {
            let (a, b) = (numeral(s), numeral(self.s(i + 2)));
            if let (Some(a), Some(b)) = (a, b) {
                if a.is_plain_integer() && b.is_plain_integer() && b.value > 0.0 && b.suffix.is_empty() {
                    let mut num = self.num_from(i + 2, first, &b, sign);
                    num.value = sign * a.value / b.value;
                    num.plain = false;
                    return self.finish(num);
                }
            }
        }
        // `2.998×10−8`, `1.3x10^6`, `6.02 × 10²³`, `12.32e+14`: scientific notation.
        if let Some((n, value, last)) = self.scientific(i) {
            let mut num = self.num_from(i, first, &n, sign);
            num.value = sign * value;
            num.cur = self.cur_after(last, "");
            num.plain = false;
            num.scaled = true;
            return self.finish(num);
        }
        // `0401 GMT`: a time written as four digits before a zone.
        if s.len() == 4 && s.bytes().all(|c| c.is_ascii_digit()) {
            if let Some(Calendar::Zone(_)) = self.tok(i + 1).and_then(|w| self.tb.calendar.get(w).copied()) {
                let (h, m): (u32, u32) = (s[..2].parse().ok()?, s[2..].parse().ok()?);
                if h < 24 && m < 60 && self.near(i + 1) {
                    return self.time(first, h, m, None, self.cur_after(i, ""));
                }
            }
        }
        if s.contains('-') || s.contains('\u{2010}') {
            return self.hyphenated(i, sign, first);
        }
        if s.contains('/') {
            return self.slashed(i, sign, first);
        }
        let n = numeral(s)?;
        // `South Korea 1 – 0`, `won 3 - 1`: a score; but not with a unit (`up to 1–2 km`).
        if n.is_plain_integer() && n.suffix.is_empty() && n.value <= 30.0 && sign > 0.0 {
            if let (Some(d), true) = (self.tok(i + 1), self.is_number(i + 2)) {
                if is_dash(d) && self.near(i + 1) && self.near(i + 2) {
                    if let Some(b) = numeral(self.s(i + 2))
                        .filter(|b| b.is_plain_integer() && b.suffix.is_empty() && b.value <= 30.0)
                    {
                        let context = (i.saturating_sub(5)..i).any(|k| self.tb.is(self.s(k), ctx::SCORE))
                            || self.tok(i + 3).is_some_and(|w| self.tb.is(w, ctx::SCORE))
                            || (i > 0
                                && self.kind(i - 1) == Some(T::Word)
                                && self.s(i - 1).starts_with(|c: char| c.is_uppercase()));
                        if n.value >= b.value || (context && !self.measured(i + 2)) {
                            return Some(i + 3);
                        }
                    }
                }
            }
        }
        // `2012–13`, `1990 - 2000`: a span of years; with a unit, a range (`1500–1600 km`).
        if n.is_plain_integer() && n.int_text.len() == 4 && n.suffix.is_empty() && sign > 0.0 {
            if let (Some(d), true) = (self.tok(i + 1), self.is_number(i + 2)) {
                if is_dash(d) && self.near(i + 1) && self.near(i + 2) && !self.measured(i + 2) {
                    if let Some(b) = numeral(self.s(i + 2)) {
                        if let Some(iso) = year_span(&n, &b) {
                            let q = self.date(first, self.toks[i + 2].end, iso);
                            self.push(q, first);
                            return Some(i + 3);
                        }
                    }
                }
            }
        }
        let mut num = self.num_from(i, first, &n, sign);
        // A whole number and a fraction: `10 1/2 miles`, `2 ¾`.
        if n.is_plain_integer()
            && n.suffix.is_empty()
            && self.is_number(i + 1)
            && self.near(i + 1)
            && !self.glued(i + 1)
        {
            let t = self.s(i + 1);
            let frac = match t.split_once('/') {
                Some((a, b)) if a.len() <= 2 && b.len() <= 2 && !b.contains('/') => {
                    match (a.parse::<f64>(), b.parse::<f64>()) {
                        (Ok(a), Ok(b)) if [2.0, 3.0, 4.0, 5.0, 8.0, 16.0].contains(&b) && a < b && a >= 1.0 => {
                            Some(a / b)
                        }
                        _ => None,
                    }
                }
                None => t
                    .chars()
                    .next()
                    .and_then(crate::quantity::number::vulgar_fraction)
                    .filter(|_| t.chars().count() == 1),
                _ => None,
            };
            if let Some(f) = frac {
                num.value = sign * (n.value + f);
                num.plain = false;
                num.cur = self.cur_after(i + 1, "");
                return self.finish(num);
            }
        }
        // Thousands in groups of three after a space: `816 000`, `$13 009 million`.
        if n.is_plain_integer() && n.int_text.len() <= 3 && n.suffix.is_empty() {
            let mut j = i + 1;
            let mut v = n.value;
            while self.is_number(j)
                && self.near(j)
                && !self.glued(j)
                && self.s(j).len() == 3
                && self.s(j).bytes().all(|c| c.is_ascii_digit())
            {
                v = v * 1000.0 + self.s(j).parse::<f64>().unwrap_or(0.0);
                j += 1;
            }
            // The last group may carry the decimals: `1 234 567.89`.
            let mut last_suffix = "";
            if j > i + 1 && self.is_number(j) && self.near(j) && !self.glued(j) {
                let t = self.s(j);
                if let Some(g) = numeral(t).filter(|g| g.int_text.len() == 3 && !g.grouped && g.decimals.is_some()) {
                    v = v * 1000.0 + g.value;
                    last_suffix = g.suffix;
                    j += 1;
                }
            }
            if j > i + 1 {
                num.value = sign * v;
                num.plain = false;
                num.cur = self.cur_after(j - 1, last_suffix);
            }
        }
        // Ordinals and decades written with a suffix.
        let suf = num.cur.suf.unwrap_or("");
        if !suf.is_empty() && n.is_plain_integer() && sign > 0.0 {
            let lower = suf.to_ascii_lowercase();
            let v = n.value as u64;
            let want = match (v % 100, v % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            if matches!(lower.as_str(), "st" | "nd" | "rd" | "th") && lower == want {
                return self.ordinal_digits(i, first, n.value);
            }
            if lower == "s" {
                return self.decade(i, first);
            }
        }
        self.finish(num)
    }

    /// The value of a number in scientific notation whose mantissa is token
    /// `i`, and the exponent's last token: `2.998×10−8`, `1.3x10^6`, `1.99 x
    /// 10^-30`, `6.02 × 10²³`, `12.32e+14`, `12e-1`. Ten must carry its
    /// exponent (`^`, a glued sign after `×`, superscripts): `2 x 10` is a
    /// product, `4 x 10-metre` a size.
    fn scientific(&self, i: usize) -> Option<(Numeral<'a>, f64, usize)> {
        let s = self.s(i);
        // `1.3x10` is one token: the mantissa before the `x`.
        let mantissa = s.strip_suffix("10").and_then(|m| m.strip_suffix(['x', 'X'])).filter(|m| !m.is_empty());
        let ten_glued = mantissa.is_some();
        let n = numeral(mantissa.unwrap_or(s))?;
        if !n.suffix.is_empty() && !matches!(n.suffix, "e" | "E") {
            return None;
        }
        let glued_sign = |k: usize| self.tok(k).is_some_and(|x| is_minus(x) || x == "+") && self.glued(k);
        let sign_of = |k: usize| if self.tok(k) == Some("+") { 1.0 } else { -1.0 };
        let power = |k: usize, neg: f64| -> Option<(Numeral<'a>, f64, usize)> {
            let e = numeral(self.tok(k)?).filter(|e| e.is_plain_integer() && e.suffix.is_empty() && self.glued(k))?;
            Some((n, n.value * 10f64.powf(neg * e.value), k))
        };
        // `12.32e+14`, `12e-1`: an exponent split at its sign.
        let e_here = matches!(n.suffix, "e" | "E") && !n.int_text.is_empty();
        let e_next = n.suffix.is_empty() && matches!(self.tok(i + 1), Some("e" | "E")) && self.glued(i + 1);
        if e_here || e_next {
            let k = if e_here { i + 1 } else { i + 2 };
            return glued_sign(k).then(|| power(k + 1, sign_of(k))).flatten();
        }
        // The ten: glued into the mantissa's token (`1.3x10`) or after a times sign.
        let ten = if ten_glued {
            i
        } else if n.suffix.is_empty()
            && self.tok(i + 1).is_some_and(|x| matches!(x, "×" | "x" | "X" | "*" | "·"))
            && self.near(i + 1)
            && self.near(i + 2)
        {
            i + 2
        } else {
            return None;
        };
        let t = self.s(ten);
        if ten > i {
            // `10²³`, `10⁻⁸`: the superscripts after the ten, in however many tokens.
            if !t.starts_with("10") {
                return None;
            }
            let is_sup = |c: char| superscript_digit(c).is_some() || matches!(c, '⁻' | '⁺');
            let from = self.toks[ten].start + 2;
            let sup_len: usize = self.text[from..].chars().take_while(|&c| is_sup(c)).map(char::len_utf8).sum();
            let last = (ten..(ten + 4).min(self.toks.len())).find(|&k| self.toks[k].end == from + sup_len);
            if let (true, Some(last)) = (sup_len > 0, last) {
                let mut e = 0.0;
                let mut neg = 1.0;
                for (at, c) in self.text[from..from + sup_len].chars().enumerate() {
                    match c {
                        '⁻' if at == 0 => neg = -1.0,
                        '⁺' if at == 0 => {}
                        _ => e = e * 10.0 + f64::from(superscript_digit(c)?),
                    }
                }
                return Some((n, n.value * 10f64.powf(neg * e), last));
            }
            if t != "10" {
                return None;
            }
        }
        let mut k = ten + 1;
        let caret = self.tok(k) == Some("^") && self.glued(k);
        if caret {
            k += 1;
        }
        let mut neg = 1.0;
        if glued_sign(k) {
            neg = sign_of(k);
            k += 1;
        } else if !caret {
            return None;
        }
        // `2.998×10−8`: without a caret, only after the times sign itself.
        let times_sign = ten > i && self.s(i + 1) == "×";
        if !(caret || times_sign) {
            return None;
        }
        power(k, neg)
    }

    pub(super) fn num_from(&self, i: usize, first: usize, n: &Numeral<'a>, sign: f64) -> Num<'a> {
        Num {
            first,
            start: self.toks[first].start,
            cur: self.cur_after(i, n.suffix),
            value: sign * n.value,
            high: None,
            scaled: false,
            scale: 1.0,
            plain: n.is_plain_integer() && n.suffix.is_empty() && sign > 0.0,
            digits: n.int_text.len(),
            words: false,
            bare_fraction: false,
            ordinal: false,
            money: None,
        }
    }

    /// The number token at `i` has a unit, currency or percent sign after it.
    fn measured(&self, i: usize) -> bool {
        numeral(self.s(i)).is_some_and(|n| self.tail_at(&self.cur_after(i, n.suffix), true).is_some())
    }

    /// A long digit string at `i` that is an amount written out in full, as
    /// `normalize` writes large numbers: no leading zero, and a unit or
    /// currency after it (`3000000000 GBP`, `31557600 s`) or round thousands
    /// (`12000000 people`). Phone numbers and codes are neither.
    fn written_out_amount(&self, i: usize) -> bool {
        let s = self.s(i);
        if s.starts_with('0') || !s.bytes().all(|c| c.is_ascii_digit()) {
            return false;
        }
        s.ends_with("000") || self.tail_at(&self.cur_after(i, ""), true).is_some()
    }

    /// A run of numbers that is a phone number or a code: `+44 20 7946 0958`,
    /// `(020) 7946 0958`, `555-123-4567`. Returns the index after it, or
    /// `None` if the run at `i` is not one. `plus`: a `+` came first.
    pub(super) fn skip_run(&self, i: usize, plus: bool) -> Option<usize> {
        let s = self.s(i);
        let lead_zero = s.len() >= 3 && s.starts_with('0') && s.bytes().all(|c| c.is_ascii_digit());
        let multi_hyphen = s.bytes().filter(|&c| c == b'-').count() >= 2 && !is_iso_date(s);
        if multi_hyphen {
            return Some(i + 1);
        }
        let mut j = i + 1;
        let mut numbers = 1;
        let mut groups_ok = s.len() <= 3 && s.bytes().all(|c| c.is_ascii_digit());
        while j < self.toks.len() && self.near(j) {
            let t = self.s(j);
            if self.is_number(j) {
                numbers += 1;
                let group = t.len() >= 3
                    && t.as_bytes()[..3].iter().all(u8::is_ascii_digit)
                    && (t.len() == 3
                        || (t.as_bytes()[3] == b'.' && t.len() > 4 && t[4..].bytes().all(|c| c.is_ascii_digit())));
                groups_ok &= group && !self.glued(j);
            } else if (matches!(t, "(" | ")" | "-" | ".") && self.is_number(j + 1) && self.near(j + 1))
                || (t == ")" && self.glued(j))
            {
                groups_ok = false;
            } else {
                break;
            }
            j += 1;
        }
        let phone = plus || (numbers >= 3 && !groups_ok) || (lead_zero && numbers >= 2);
        phone.then_some(j)
    }

    /// `'90s`, `1990s`, `80s`: a decade.
    pub(super) fn decade(&mut self, i: usize, first: usize) -> Option<usize> {
        let s = self.s(i);
        let digits: String = s.chars().filter(char::is_ascii_digit).collect();
        let tail = s.trim_start_matches(|c: char| !c.is_ascii_digit()).trim_start_matches(|c: char| c.is_ascii_digit());
        if !tail.eq_ignore_ascii_case("s") || !digits.ends_with('0') {
            return Some(i + 1);
        }
        let iso = match digits.len() {
            4 => digits[..3].to_string(),
            2 => {
                // `in their 80s` is an age.
                if i > 0
                    && (self.prev_is(i, &["their", "his", "her", "my", "your", "our", "early", "mid", "late", "mid-"]))
                {
                    return Some(i + 1);
                }
                let d: u32 = digits.parse().ok()?;
                if d >= 30 {
                    format!("19{}", &digits[..1])
                } else {
                    format!("20{}", &digits[..1])
                }
            }
            _ => return Some(i + 1),
        };
        let q = self.date(first, self.toks[i].end, iso);
        self.push(q, first);
        Some(i + 1)
    }

    pub(super) fn ordinal_digits(&mut self, i: usize, first: usize, v: f64) -> Option<usize> {
        // `12th of December 2025`, `the 12th December`: a date.
        let mut j = i + 1;
        if self.tok(j).is_some_and(|w| w == "of") {
            j += 1;
        }
        if let Some(Calendar::Month(m)) = self.tok(j).and_then(|w| self.tb.calendar.get(w).copied()) {
            if (1.0..=31.0).contains(&v) {
                return self.day_month(first, v as u32, m, j);
            }
        }
        let q = Quantity { kind: K::Ordinal, ..self.plain_q(self.toks[first].start, self.toks[i].end, v) };
        self.push(q, first);
        Some(i + 1)
    }

    /// A token with hyphens between digits: `2030-06-30`, `2012-13`, `300-400`, `3-1`.
    pub(super) fn hyphenated(&mut self, i: usize, sign: f64, first: usize) -> Option<usize> {
        let s = self.s(i);
        if is_iso_date(s) {
            let q = self.date(first, self.toks[i].end, s.to_string());
            self.push(q, first);
            return Some(i + 1);
        }
        let parts: Vec<&str> = s.split(['-', '\u{2010}']).collect();
        if parts.len() != 2 {
            return Some(i + 1);
        }
        if phone_token(s) {
            return Some(i + 1);
        }
        let a = numeral(parts[0]).filter(|n| n.suffix.is_empty())?;
        let b = numeral(parts[1])?;
        if let Some(iso) = year_span(&a, &b) {
            let q = self.date(first, self.toks[i].end, iso);
            self.push(q, first);
            return Some(i + 1);
        }
        // `12-14 May 2024`: a span of days.
        if let Some(Calendar::Month(mo)) = self.tok(i + 1).and_then(|w| self.tb.calendar.get(w).copied()) {
            let (d1, d2) = (a.value as u32, b.value as u32);
            if a.is_plain_integer()
                && b.is_plain_integer()
                && b.suffix.is_empty()
                && (1..=31).contains(&d1)
                && d2 > d1
                && d2 <= 31
                && self.near(i + 1)
            {
                let (end, iso) = match self.year_at(i + 2) {
                    Some(y) => (self.toks[i + 2].end, format!("{y}-{mo:02}-{d1:02}/{y}-{mo:02}-{d2:02}")),
                    None => (self.toks[i + 1].end, format!("--{mo:02}-{d1:02}/--{mo:02}-{d2:02}")),
                };
                let q = self.date(first, end, iso);
                self.push(q, first);
                return Some(if end == self.toks[i + 1].end { i + 2 } else { i + 3 });
            }
        }
        // A score: `won 3-1`, `a 2-0 win`.
        let after = self.tok(i + 1).unwrap_or("");
        if self.prev_in(i, ctx::SCORE) || self.tb.is(after, ctx::SCORE) || a.value >= b.value {
            return Some(i + 1);
        }
        if sign < 0.0 || self.name_before(i) {
            return Some(i + 1);
        }
        let mut num = self.num_from(i, first, &b, 1.0);
        num.value = a.value;
        num.high = Some(b.value);
        num.plain = false;
        self.finish(num)
    }

    /// `3/4`, `12/05/2024`, `2023/24`.
    pub(super) fn slashed(&mut self, i: usize, sign: f64, first: usize) -> Option<usize> {
        let s = self.s(i);
        let parts: Vec<&str> = s.split('/').collect();
        let all_digits = parts.iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()));
        if parts.len() == 3 && all_digits && parts[2].len() == 4 && parts[0].len() <= 2 && parts[1].len() <= 2 {
            let (a, b, y): (u32, u32, &str) = (parts[0].parse().ok()?, parts[1].parse().ok()?, parts[2]);
            // Day first (British and most of the world) unless the first part cannot be a month.
            let iso = if (1..=31).contains(&a) && (13..=31).contains(&b) {
                Some(format!("{y}-{a:02}-{b:02}"))
            } else if (13..=31).contains(&a) && (1..=12).contains(&b) {
                Some(format!("{y}-{b:02}-{a:02}"))
            } else {
                None
            };
            if (1..=31).contains(&a) && (1..=31).contains(&b) {
                let mut q = self.date(first, self.toks[i].end, String::new());
                q.iso = iso;
                self.push(q, first);
            }
            return Some(i + 1);
        }
        if parts.len() == 2 && all_digits {
            let a: f64 = parts[0].parse().ok()?;
            let b: f64 = parts[1].parse().ok()?;
            if parts[0].len() == 4 && (parts[1].len() == 2 || parts[1].len() == 4) {
                // `2023/24`: a financial or academic year.
                let an = numeral(parts[0])?;
                let bn = numeral(parts[1])?;
                if let Some(iso) = year_span(&an, &bn) {
                    let q = self.date(first, self.toks[i].end, iso);
                    self.push(q, first);
                }
                return Some(i + 1);
            }
            let denominators = [2.0, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0, 16.0, 32.0, 64.0, 100.0];
            if denominators.contains(&b) && a < b && a >= 1.0 {
                let n = numeral("0").unwrap();
                let mut num = self.num_from(i, first, &n, sign);
                num.value = sign * a / b;
                num.plain = false;
                return self.finish(num);
            }
        }
        Some(i + 1)
    }
}

/// A number token shaped like a phone number or a code: eight digits or
/// more, a leading zero, or digits in phone groups (`754-3010`, `3333-33333`).
pub(super) fn phone_token(s: &str) -> bool {
    let digits = |p: &str| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit());
    if digits(s) {
        return s.len() >= 8 || (s.len() >= 2 && s.starts_with('0'));
    }
    let Some((a, b)) = s.split_once('-') else { return false };
    if !digits(a) || !digits(b) {
        return false;
    }
    let (la, lb) = (a.len(), b.len());
    let round = a.ends_with("00") && b.ends_with("000");
    (la == 3 && lb == 4 && !round) || lb >= 7 || (la >= 2 && a.starts_with('0')) || (la >= 4 && lb >= 4 && la + lb >= 9)
}

/// `2030-06-30`.
pub(super) fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
        && (1..=12).contains(&s[5..7].parse::<u32>().unwrap_or(0))
        && (1..=31).contains(&s[8..10].parse::<u32>().unwrap_or(0))
}

/// `2012-13`, `1990-2000`, `2023/24`: a span of years as an ISO interval.
pub(super) fn year_span(a: &Numeral<'_>, b: &Numeral<'_>) -> Option<String> {
    if !a.is_plain_integer() || a.int_text.len() != 4 || !b.is_plain_integer() || !b.suffix.is_empty() {
        return None;
    }
    let y = a.value as u32;
    if !(1000..=2100).contains(&y) {
        return None;
    }
    let end = match b.int_text.len() {
        2 => y / 100 * 100 + b.value as u32,
        4 => b.value as u32,
        _ => return None,
    };
    (end > y && end <= y + 100).then(|| format!("{y}/{end}"))
}

/// The digit a superscript stands for: `²` -> 2.
fn superscript_digit(c: char) -> Option<u8> {
    let d = match c {
        '⁰' => 0,
        '¹' => 1,
        '²' => 2,
        '³' => 3,
        '⁴' => 4,
        '⁵' => 5,
        '⁶' => 6,
        '⁷' => 7,
        '⁸' => 8,
        '⁹' => 9,
        _ => return None,
    };
    Some(d)
}
