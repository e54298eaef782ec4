//! Numerals inside one number token: `5,000`, `1.2`, `1e6`, `2½`, `½`, and
//! the letters glued after them (`3.5bn`, `2.15pm`, `10st`).

/// A numeral at the start of a token's text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Numeral<'a> {
    pub value: f64,
    /// The integer part as written (with any thousands commas).
    pub int_text: &'a str,
    /// Digits after the decimal point, if any.
    pub decimals: Option<&'a str>,
    /// Thousands commas were used.
    pub grouped: bool,
    /// Written with an exponent (`1e6`) or a vulgar fraction (`2½`).
    pub special: bool,
    /// Everything after the numeral (letters such as `bn`, `km`, `pm`).
    pub suffix: &'a str,
}

impl Numeral<'_> {
    /// Digits only, no separators, no decimals: what a year or a plain count looks like.
    pub fn is_plain_integer(&self) -> bool {
        self.decimals.is_none() && !self.grouped && !self.special
    }
}

pub fn vulgar_fraction(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅖' => 0.4,
        '⅗' => 0.6,
        '⅘' => 0.8,
        '⅙' => 1.0 / 6.0,
        '⅚' => 5.0 / 6.0,
        '⅐' => 1.0 / 7.0,
        '⅛' => 0.125,
        '⅜' => 0.375,
        '⅝' => 0.625,
        '⅞' => 0.875,
        '⅑' => 1.0 / 9.0,
        '⅒' => 0.1,
        _ => return None,
    })
}

/// Parses the numeral at the start of `s`. `None` when `s` does not start
/// with one, when its thousands commas are not in groups of three, or when
/// what follows is not letters (`3.5.2`, `1,2`).
pub fn numeral(s: &str) -> Option<Numeral<'_>> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut grouped = false;
    let mut group_len = 0usize;
    let mut first_group = true;
    // Groups of three (`1,200,000`) or Indian grouping, twos before the last
    // three (`12,00,000`); both end in three.
    let (mut western, mut indian, mut twos) = (true, true, 0);
    while i < b.len() {
        match b[i] {
            b'0'..=b'9' => {
                group_len += 1;
                i += 1;
            }
            b',' if i + 1 < b.len() && b[i + 1].is_ascii_digit() => {
                if first_group {
                    western &= (1..=3).contains(&group_len);
                    indian &= (1..=2).contains(&group_len);
                } else {
                    western &= group_len == 3;
                    indian &= group_len == 2;
                    twos += 1;
                }
                if !western && !indian {
                    return None;
                }
                grouped = true;
                first_group = false;
                group_len = 0;
                i += 1;
            }
            _ => break,
        }
    }
    if grouped && (group_len != 3 || !(western || (indian && twos > 0))) {
        return None;
    }
    let int_end = i;
    let int_text = &s[..int_end];
    let mut decimals = None;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() && int_end > 0 {
        let d0 = i + 1;
        i = d0;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        decimals = Some(&s[d0..i]);
    }
    let mut special = false;
    let mut frac = 0.0;
    let mut exp_end = None;
    // An exponent: `1e6`, `2.5e-3`, only as the whole rest of the token.
    if i < b.len() && int_end > 0 && matches!(b[i], b'e' | b'E') {
        let mut j = i + 1;
        if j < b.len() && matches!(b[j], b'-' | b'+') {
            j += 1;
        }
        let ds = j;
        while j < b.len() && b[j].is_ascii_digit() {
            j += 1;
        }
        if j > ds && j == b.len() && !grouped {
            exp_end = Some(j);
            special = true;
        }
    }
    if exp_end.is_none() {
        if let Some(c) = s[i..].chars().next() {
            if let Some(f) = vulgar_fraction(c) {
                if decimals.is_none() {
                    frac = f;
                    special = true;
                    i += c.len_utf8();
                }
            }
        }
    }
    if int_end == 0 && !special {
        return None;
    }
    let num_end = exp_end.unwrap_or(i);
    let suffix = &s[num_end..];
    if !suffix.chars().all(|c| c.is_alphabetic() || matches!(c, '²' | '³' | '2' | '3')) {
        return None;
    }
    if suffix.starts_with(|c: char| !c.is_alphabetic()) {
        return None;
    }
    let value = if let Some(e) = exp_end {
        s[..e].parse::<f64>().ok()?
    } else {
        let body_end = decimals.map_or(int_end, |d| d.as_ptr() as usize - s.as_ptr() as usize + d.len());
        let body = &s[..body_end];
        let v = if body.is_empty() {
            0.0
        } else if grouped {
            body.chars().filter(|&c| c != ',').collect::<String>().parse::<f64>().ok()?
        } else {
            body.parse::<f64>().ok()?
        };
        v + frac
    };
    if !value.is_finite() {
        return None;
    }
    Some(Numeral { value, int_text, decimals, grouped, special, suffix })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals() {
        let n = numeral("5,000").unwrap();
        assert_eq!((n.value, n.grouped, n.suffix), (5000.0, true, ""));
        assert_eq!(numeral("1.2").unwrap().value, 1.2);
        assert_eq!(numeral("1,234,567.5").unwrap().value, 1234567.5);
        // Indian grouping: twos before the last three.
        assert_eq!(numeral("1,20,000").unwrap().value, 120000.0);
        assert_eq!(numeral("12,34,567.5").unwrap().value, 1234567.5);
        for bad in ["1,20", "12,34,56", "1,20,000,00", "123,45,678", "1,2000"] {
            assert!(numeral(bad).is_none(), "{bad}");
        }
        assert_eq!(numeral("1e6").unwrap().value, 1e6);
        assert_eq!(numeral("2½").unwrap().value, 2.5);
        assert_eq!(numeral("½").unwrap().value, 0.5);
        let n = numeral("3.5bn").unwrap();
        assert_eq!((n.value, n.suffix), (3.5, "bn"));
        let n = numeral("2.15pm").unwrap();
        assert_eq!((n.value, n.decimals, n.suffix), (2.15, Some("15"), "pm"));
        assert_eq!(numeral("10st").unwrap().suffix, "st");
        assert!(numeral("1,2").is_none());
        assert!(numeral("12,34").is_none());
        assert!(numeral("3.5.2").is_none());
        assert!(numeral("1234,567").is_none());
        assert_eq!(numeral("2e").unwrap().suffix, "e");
    }
}
