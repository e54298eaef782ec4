//! The tokenizer: one pass over the UTF-8 bytes.
//!
//! The text is cut at whitespace into chunks (an ASCII byte table decides most
//! bytes without decoding). Each chunk is then lexed left to right: urls and
//! emails are taken whole, words and numbers are scanned with the connectors
//! they may contain (`5,000`, `U.S`, `O'Neil`, `anti-war`) and then split as
//! Universal Dependencies English does (clitics, hyphens, `70km`), and every
//! other character becomes a punctuation, quote, symbol or emoji token.
//!
//! Most chunks are simple (`word`, `word,`, `Russia’s`, `2022.`): a fast path
//! emits them directly, with what the general lexer would emit for them. ASCII
//! letters are found eight bytes a step, and word lists are looked up behind
//! cheap filters (see `lexicon`).
//!
//! Every byte is looked at a bounded number of times, so the scan is linear.

use super::uax29::push_uax29;
use super::{Token, TokenKind};
use crate::chars::{ascii_letters_end, ascii_letters_run, class_of, is_emoji_modifier, is_upper_start, needs_uax29, Class, ASCII, ZWJ};
use crate::lexicon::{AbbrevClass, Lexicon};

/// Tokenizes `text` following Universal Dependencies conventions for English.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut out);
    out
}

/// Like [`tokenize`], appending to `out` (reuses its allocation).
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let mut lexer = Lexer { text, bytes: text.as_bytes(), out, lex: Lexicon::get() };
    lexer.run();
}

/// How far a chunk has been searched for the colons of urls and the at signs
/// of email addresses.
struct SpecialFinder {
    colon: usize,
    at: usize,
}

/// The shapes of word that `Lexer::simple_word` takes.
#[derive(Clone, Copy)]
enum Simple {
    Clitic,
    Digits,
}

struct Lexer<'a, 'o> {
    text: &'a str,
    bytes: &'a [u8],
    out: &'o mut Vec<Token>,
    lex: &'static Lexicon,
}

/// The char at byte `i` and its class. `i` must be on a char boundary.
#[inline]
fn char_at(text: &str, i: usize) -> (char, Class, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        (b as char, ASCII[b as usize], 1)
    } else {
        let c = text[i..].chars().next().unwrap_or('\u{FFFD}');
        (c, class_of(c), c.len_utf8())
    }
}

/// `memchr` for the short haystacks of chunks: below 32 bytes a plain loop
/// is cheaper than its setup.
#[inline]
fn find_byte(needle: u8, hay: &[u8]) -> Option<usize> {
    if hay.len() < 32 {
        hay.iter().position(|&b| b == needle)
    } else {
        memchr::memchr(needle, hay)
    }
}

#[inline]
fn is_alnum(class: Class) -> bool {
    matches!(class, Class::Letter | Class::Digit)
}

/// Apostrophes inside words: straight, curly, and the backtick some typists use.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`')
}

/// Clitics that Universal Dependencies splits off after an apostrophe.
fn is_clitic(s: &str) -> bool {
    matches!(s.len(), 1 | 2)
        && ["s", "m", "d", "re", "ve", "ll"].iter().any(|c| s.eq_ignore_ascii_case(c))
}

impl Lexer<'_, '_> {
    #[inline]
    fn push(&mut self, start: usize, end: usize, kind: TokenKind) {
        debug_assert!(start < end);
        self.out.push(Token { start, end, kind });
    }

    fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            // A chunk: a maximal run of non-whitespace. Most start with an
            // ASCII letter (which is not whitespace), so letters are looked
            // for before whitespace is skipped.
            let start = i;
            let mut complex_script = false;
            let next;
            (i, next) = ascii_letters_run(self.bytes, i);
            if i > start {
                // Fast path: most chunks are ASCII letters, perhaps with one
                // punctuation mark after them (`word`, `word,`).
                if ASCII.get(next as usize) == Some(&Class::Space) {
                    self.emit_letters(start, i);
                    // The space after the word (or the end of the text) is known: skip it.
                    i += 1;
                    continue;
                }
                let after = self.bytes.get(i + 1).copied().unwrap_or(b' ');
                if matches!(next, b',' | b';' | b':' | b')' | b'?' | b'!' | b'.') && ASCII.get(after as usize) == Some(&Class::Space) {
                    if next == b'.' && self.period_is_part_of(&self.text[start..i], i) {
                        self.push(start, i + 1, TokenKind::Word);
                    } else {
                        self.emit_letters(start, i);
                        self.push(i, i + 1, TokenKind::Punct);
                    }
                    // Past the mark and the space after it.
                    i += 2;
                    continue;
                }
                if let Some(end) = self.clitic_end(i) {
                    if let Some(next) = self.simple_word(start, end, Simple::Clitic) {
                        i = next;
                        continue;
                    }
                }
            } else {
                // No letter: `next` is the byte at `i`.
                let b = next;
                if b < 0x80 {
                    if b == b' ' || ASCII[b as usize] == Class::Space {
                        i += 1;
                        continue;
                    }
                } else {
                    let (c, _, len) = char_at(self.text, i);
                    if c.is_whitespace() {
                        i += len;
                        continue;
                    }
                }
                if b.is_ascii_digit() {
                    let end = i + self.digit_run(i);
                    if let Some(next) = self.simple_word(start, end, Simple::Digits) {
                        i = next;
                        continue;
                    }
                }
            }
            while i < n {
                let b = self.bytes[i];
                if b < 0x80 {
                    if ASCII[b as usize] == Class::Space {
                        break;
                    }
                    i += 1;
                } else {
                    let (c, _, len) = char_at(self.text, i);
                    if c.is_whitespace() {
                        break;
                    }
                    complex_script |= needs_uax29(c);
                    i += len;
                }
            }
            if complex_script {
                push_uax29(self.text, start, i, self.out);
            } else {
                self.chunk(start, i);
            }
        }
    }

    /// Where a word of ASCII letters that ends at `letters_end` ends if an
    /// apostrophe and more ASCII letters follow (`Russia’s`, `don't`).
    #[inline(always)]
    fn clitic_end(&self, letters_end: usize) -> Option<usize> {
        let b = self.bytes;
        let apostrophe = match b.get(letters_end) {
            Some(b'\'') => 1,
            Some(0xE2) if b[letters_end..].starts_with("\u{2019}".as_bytes()) => 3,
            _ => return None,
        };
        let end = ascii_letters_end(b, letters_end + apostrophe);
        (end > letters_end + apostrophe).then_some(end)
    }

    /// The fast path for a chunk that starts with a word of ASCII letters
    /// with an apostrophe between them, or of ASCII digits (`start..end`),
    /// which `lex_word` would scan whole (the apostrophe joins the letters on
    /// both sides, and nothing in the word can start a url or an email
    /// address): if the word is followed by whitespace, or by one punctuation
    /// mark and whitespace, emits it as `lex_word` would and returns where
    /// the next chunk may start.
    #[inline(never)]
    fn simple_word(&mut self, start: usize, end: usize, shape: Simple) -> Option<usize> {
        let emit = |lexer: &mut Self| match shape {
            Simple::Clitic => lexer.emit_piece(start, end, true),
            Simple::Digits => lexer.push(start, end, TokenKind::Number),
        };
        let next = self.bytes.get(end).copied().unwrap_or(b' ');
        if ASCII.get(next as usize) == Some(&Class::Space) {
            emit(self);
            return Some(end + 1);
        }
        let after = self.bytes.get(end + 1).copied().unwrap_or(b' ');
        if !(matches!(next, b',' | b';' | b':' | b')' | b'?' | b'!' | b'.') && ASCII.get(after as usize) == Some(&Class::Space)) {
            return None;
        }
        if next == b'.' && self.period_is_part_of(&self.text[start..end], end) {
            self.push(start, end + 1, TokenKind::Word);
        } else {
            emit(self);
            self.push(end, end + 1, TokenKind::Punct);
        }
        Some(end + 2)
    }

    /// Lexes one whitespace-free chunk, taking urls and emails whole first.
    fn chunk(&mut self, s: usize, e: usize) {
        let mut finder = SpecialFinder { colon: s, at: s };
        let mut p = s;
        while let Some((a, b, kind)) = self.find_url_or_email(p, e, &mut finder) {
            self.lex_range(p, a);
            self.push(a, b, kind);
            p = b;
        }
        self.lex_range(p, e);
    }

    fn lex_range(&mut self, s: usize, e: usize) {
        let mut p = s;
        while p < e {
            p = self.lex_one(p, s, e);
        }
    }

    /// The first url (`scheme://…`, `www.…`) or email address in `[s, e)`.
    /// `finder` remembers how far colons and at signs have been searched, so
    /// that a chunk of many candidates is still scanned once.
    fn find_url_or_email(&self, s: usize, e: usize, finder: &mut SpecialFinder) -> Option<(usize, usize, TokenKind)> {
        if e - s < 5 {
            return None;
        }
        let url = self.find_url(s, e, finder);
        // An address that starts before the url wins; one inside it is part of it.
        let limit = url.map_or(e, |(a, _, _)| a);
        self.find_email(s, limit, e, finder).or(url)
    }

    fn find_url(&self, s: usize, e: usize, finder: &mut SpecialFinder) -> Option<(usize, usize, TokenKind)> {
        let chunk = &self.bytes[s..e];
        // `www.` right after any opening punctuation.
        let lead = chunk.iter().position(|b| b.is_ascii_alphanumeric()).unwrap_or(0);
        let mut url_start = chunk[lead..].starts_with(b"www.").then_some(s + lead);
        // `scheme://` anywhere, found through its colon.
        finder.colon = finder.colon.max(s);
        while url_start.is_none() {
            let Some(k) = find_byte(b':', &self.bytes[finder.colon..e]).map(|k| finder.colon + k) else {
                finder.colon = e;
                break;
            };
            if self.bytes[k + 1..e].starts_with(b"//") {
                let mut a = k;
                while a > s && self.bytes[a - 1].is_ascii_alphabetic() {
                    a -= 1;
                }
                if k - a >= 2 {
                    url_start = Some(a);
                }
            }
            finder.colon = k + 1;
        }
        let a = url_start?;
        let b = self.trim_url_end(a, e);
        (b > a + 4).then_some((a, b, TokenKind::Url))
    }

    /// The first email address that starts in `[s, limit)` (it may run to `e`).
    fn find_email(&self, s: usize, limit: usize, e: usize, finder: &mut SpecialFinder) -> Option<(usize, usize, TokenKind)> {
        let local_char = |c: u8| c.is_ascii_alphanumeric() || matches!(c, b'.' | b'_' | b'%' | b'+' | b'-');
        finder.at = finder.at.max(s);
        while finder.at < limit {
            let Some(at) = find_byte(b'@', &self.bytes[finder.at..e]).map(|k| finder.at + k) else {
                finder.at = e;
                return None;
            };
            finder.at = at + 1;
            let mut a = at;
            while a > s && local_char(self.bytes[a - 1]) {
                a -= 1;
            }
            while a < at && !self.bytes[a].is_ascii_alphanumeric() {
                a += 1;
            }
            if self.bytes[s..a].ends_with(b"mailto:") {
                a -= b"mailto:".len();
            }
            if a >= limit {
                return None;
            }
            let mut b = at + 1;
            while b < e && (self.bytes[b].is_ascii_alphanumeric() || matches!(self.bytes[b], b'.' | b'-')) {
                b += 1;
            }
            while b > at + 1 && !self.bytes[b - 1].is_ascii_alphanumeric() {
                b -= 1;
            }
            // `name@host` with no dot is still an address in mail headers (`Sara/HOU/ECT@ECT`).
            if a < at && b > at + 1 {
                return Some((a, b, TokenKind::Email));
            }
        }
        None
    }

    /// Drops trailing punctuation from a url, keeping a closing bracket whose
    /// opening bracket is part of it (`…/Foo_(bar)`).
    fn trim_url_end(&self, a: usize, mut b: usize) -> usize {
        let url = &self.bytes[a..b];
        let (paren, bracket) = (memchr::memchr(b'(', url).is_some(), memchr::memchr(b'[', url).is_some());
        while b > a {
            let (c, _, len) = self.char_before(b);
            let keep = match c {
                ')' => paren,
                ']' => bracket,
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | '>' | '}' | '\u{2019}' | '\u{201D}' | '\u{2026}' => false,
                _ => true,
            };
            if keep {
                break;
            }
            b -= len;
        }
        b
    }

    fn char_before(&self, i: usize) -> (char, Class, usize) {
        let mut j = i - 1;
        while !self.text.is_char_boundary(j) {
            j -= 1;
        }
        char_at(self.text, j)
    }

    /// The first character after `i` that is not whitespace, if any.
    fn next_visible(&self, mut i: usize) -> Option<(char, Class)> {
        while i < self.bytes.len() {
            let (c, class, len) = char_at(self.text, i);
            if class != Class::Space {
                return Some((c, class));
            }
            i += len;
        }
        None
    }

    /// Lexes one token (or a word that splits into several) at `p` within the
    /// chunk `[s, e)`; returns where the next one starts.
    fn lex_one(&mut self, p: usize, s: usize, e: usize) -> usize {
        let (c, class, len) = char_at(self.text, p);
        let next = if p + len < e { Some(char_at(self.text, p + len)) } else { None };
        match class {
            Class::Letter | Class::Digit => self.lex_word(p, p, e),
            Class::Quote => {
                if is_apostrophe(c) || c == '\u{2018}' {
                    if let Some((_, Class::Digit, _)) = next {
                        // '90s, ’06: the apostrophe belongs to the number.
                        return self.lex_word(p, p + len, e);
                    }
                    if is_apostrophe(c) && p > s {
                        // A clitic after a period-final abbreviation: Jr.'s
                        let w_end = self.scan_letters(p + len, e);
                        if w_end > p + len && is_clitic(&self.text[p + len..w_end]) {
                            self.push(p, w_end, TokenKind::Word);
                            return w_end;
                        }
                    }
                }
                self.push(p, p + len, TokenKind::Quote);
                p + len
            }
            Class::Punct | Class::Symbol if p == s && self.emoticon_end(p, e).is_some() => {
                let end = self.emoticon_end(p, e).unwrap_or(p + len);
                self.push(p, end, TokenKind::Emoji);
                end
            }
            Class::Punct => match c {
                '[' if self.text[p..e].starts_with("[...]") || self.text[p..e].starts_with("[\u{2026}]") => {
                    let end = p + self.text[p..e].find(']').map_or(len, |k| k + 1);
                    self.push(p, end, TokenKind::Punct);
                    end
                }
                '.' | '?' | '!' => {
                    let end = self.run_of(p, e, |c| matches!(c, '.' | '?' | '!'));
                    self.push(p, end, TokenKind::Punct);
                    end
                }
                '-' | '*' | '=' | '_' | '#' | '\u{2014}' | '\u{2013}' | '\u{2026}' => {
                    if c == '#' {
                        if let Some((_, Class::Letter, _)) = next {
                            let end = self.scan_word_chars(p + len, e);
                            self.push(p, end, TokenKind::Hashtag);
                            return end;
                        }
                    }
                    let end = self.run_of(p, e, |d| d == c);
                    self.push(p, end, TokenKind::Punct);
                    end
                }
                '@' if matches!(next, Some((_, Class::Letter | Class::Digit, _)) | Some(('_', _, _))) => {
                    let end = self.scan_word_chars(p + len, e);
                    self.push(p, end, TokenKind::Mention);
                    end
                }
                _ => {
                    self.push(p, p + len, TokenKind::Punct);
                    p + len
                }
            },
            Class::Emoji | Class::RegionalIndicator => {
                let end = self.scan_emoji(p, c, e);
                self.push(p, end, TokenKind::Emoji);
                end
            }
            Class::Symbol | Class::Mark | Class::Other | Class::Space => {
                let end = self.skip_marks(p + len, e);
                self.push(p, end, TokenKind::Symbol);
                end
            }
        }
    }

    /// An ASCII emoticon (`:-)`, `;D`, `^^`) standing alone at `p`: where it ends.
    fn emoticon_end(&self, p: usize, e: usize) -> Option<usize> {
        let len = self.lex.emoticon_at(&self.bytes[p..e])?;
        let end = p + len;
        (end == e || !self.bytes[end].is_ascii_alphanumeric()).then_some(end)
    }

    /// End of a run of characters matching `pred` starting at `p`.
    fn run_of(&self, mut p: usize, e: usize, pred: impl Fn(char) -> bool) -> usize {
        while p < e {
            let (c, _, len) = char_at(self.text, p);
            if !pred(c) {
                break;
            }
            p += len;
        }
        p
    }

    fn skip_marks(&self, mut p: usize, e: usize) -> usize {
        while p < e {
            let (_, class, len) = char_at(self.text, p);
            if class != Class::Mark {
                break;
            }
            p += len;
        }
        p
    }

    fn scan_letters(&self, mut p: usize, e: usize) -> usize {
        while p < e {
            let (_, class, len) = char_at(self.text, p);
            if !matches!(class, Class::Letter | Class::Mark) {
                break;
            }
            p += len;
        }
        p
    }

    /// Letters, digits, marks and underscores: the body of a hashtag or mention.
    fn scan_word_chars(&self, mut p: usize, e: usize) -> usize {
        while p < e {
            let (c, class, len) = char_at(self.text, p);
            if !(matches!(class, Class::Letter | Class::Digit | Class::Mark) || c == '_') {
                break;
            }
            p += len;
        }
        p
    }

    /// An emoji sequence: a flag (two regional indicators), or a base with
    /// modifiers, variation selectors and ZWJ-joined further bases.
    fn scan_emoji(&self, p: usize, first: char, e: usize) -> usize {
        let mut q = p + first.len_utf8();
        if class_of(first) == Class::RegionalIndicator {
            if q < e {
                let (_, class, len) = char_at(self.text, q);
                if class == Class::RegionalIndicator {
                    q += len;
                }
            }
            return q;
        }
        while q < e {
            let (c, _, len) = char_at(self.text, q);
            if is_emoji_modifier(c) {
                q += len;
            } else if c == ZWJ && q + len < e {
                let (d, class, dlen) = char_at(self.text, q + len);
                if matches!(class, Class::Emoji | Class::Symbol) || d == '\u{2640}' || d == '\u{2642}' {
                    q += len + dlen;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        q
    }

    /// Scans a word or number starting at `p` (the token starts at `tok_start`,
    /// which is before `p` for `'90s`), then emits it split as UD does.
    /// Returns where the next token starts.
    fn lex_word(&mut self, tok_start: usize, p: usize, e: usize) -> usize {
        let mut q = p;
        let mut prev = Class::Letter;
        let mut has_hyphen = false;
        let mut has_apostrophe = false;
        let mut has_dot = false;
        let mut date = false;
        // Where a numeral in Indian grouping ends (`1,20,000`), read once at its first comma.
        let mut lakh_end: Option<Option<usize>> = None;
        while q < e {
            let (c, class, len) = char_at(self.text, q);
            match class {
                Class::Letter | Class::Digit => {
                    prev = class;
                    q += len;
                    continue;
                }
                Class::Mark => {
                    q += len;
                    continue;
                }
                _ => {}
            }
            // A connector joins the word only with alphanumerics on both sides.
            let Some((_, next, _)) = (q + len < e).then(|| char_at(self.text, q + len)) else { break };
            if !is_alnum(next) {
                break;
            }
            let digits = prev == Class::Digit && next == Class::Digit;
            let letters = prev == Class::Letter && next == Class::Letter;
            let joins = match c {
                '.' => true,
                // Thousands separators take groups of three: `5,000` but `11,2000`;
                // or Indian grouping, in twos before the last three: `12,34,567`.
                ',' => {
                    let lakh = *lakh_end.get_or_insert_with(|| self.lakh_end(p, q));
                    digits && (self.digit_run(q + len) == 3 || lakh.is_some_and(|end| q < end))
                }
                ':' | '/' => digits,
                '-' | '\u{2010}' => {
                    // `01-Feb-02` is one date; otherwise digits with letters split.
                    let month_date = prev == Class::Digit && next == Class::Letter && self.month_date_after(q + len, e);
                    date |= month_date;
                    digits || letters || month_date || date && prev == Class::Letter && next == Class::Digit
                }
                '\'' | '\u{2019}' | '`' => letters,
                '&' => letters,
                '_' => true,
                _ => false,
            };
            if !joins {
                break;
            }
            has_hyphen |= matches!(c, '-' | '\u{2010}');
            has_apostrophe |= is_apostrophe(c);
            has_dot |= c == '.';
            q += len;
        }
        let core_end = q;
        let core = &self.text[p..core_end];
        if tok_start < p || date {
            self.push(tok_start, core_end, TokenKind::Number);
            return core_end;
        }

        // A final period that belongs to the word: abbreviations and initials.
        if core_end < e && self.bytes[core_end] == b'.' && self.period_is_part_of(core, core_end) {
            self.push(tok_start, core_end + 1, TokenKind::Word);
            return core_end + 1;
        }
        if has_dot && !has_hyphen && !has_apostrophe {
            let kind = if self.bytes[p].is_ascii_digit() {
                TokenKind::Number
            } else if core.rsplit('.').next().is_some_and(|tld| self.lex.is_tld(tld)) {
                TokenKind::Url
            } else {
                TokenKind::Word
            };
            self.push(tok_start, core_end, kind);
            return core_end;
        }
        if has_hyphen {
            self.emit_hyphenated(tok_start, core_end);
        } else {
            self.emit_piece(tok_start, core_end, has_apostrophe);
        }
        core_end
    }

    /// The length of the run of ASCII digits at `i`.
    fn digit_run(&self, i: usize) -> usize {
        self.bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count()
    }

    /// The end of a numeral in Indian grouping whose first comma is at
    /// `comma` (the numeral starts at `p`): one or two digits, at most
    /// `MAX_TWOS` groups of two, a last group of three, and no digit group
    /// after (`1,20,000`, `12,34,567`). The bound keeps a run of `1,22,22,…`,
    /// split token by token, linear.
    fn lakh_end(&self, p: usize, comma: usize) -> Option<usize> {
        const MAX_TWOS: usize = 8; // 99,99,99,99,99,99,99,99,999: beyond f64's integers
        let first = comma - p;
        if !(1..=2).contains(&first) || self.digit_run(p) != first {
            return None;
        }
        let mut i = comma;
        let mut twos = 0;
        while self.bytes.get(i) == Some(&b',') && twos <= MAX_TWOS {
            match self.digit_run(i + 1) {
                2 => twos += 1,
                3 if twos > 0 => {
                    let end = i + 4;
                    let more = self.bytes.get(end) == Some(&b',') && self.bytes.get(end + 1).is_some_and(u8::is_ascii_digit);
                    return (!more).then_some(end);
                }
                _ => return None,
            }
            i += 3;
        }
        None
    }

    /// `Feb-02` at `i`: three letters, a hyphen and a digit (the tail of `01-Feb-02`).
    fn month_date_after(&self, i: usize, e: usize) -> bool {
        i + 5 <= e
            && self.bytes[i..i + 3].iter().all(u8::is_ascii_alphabetic)
            && self.bytes[i + 3] == b'-'
            && self.bytes[i + 4].is_ascii_digit()
    }

    /// Whether the period right after `core` is part of the token.
    fn period_is_part_of(&self, core: &str, dot: usize) -> bool {
        if let Some(class) = self.lex.abbreviation(core) {
            return class != AbbrevClass::Number
                || matches!(self.next_visible(dot + 1), Some((_, Class::Digit)));
        }
        let mut chars = core.chars();
        let first = chars.next();
        if chars.next().is_none() {
            // A single letter: an initial (J. Smith) or a list letter (a. b. c.).
            // The pronoun I is an initial only after a name: "Albert I. Jones"
            // but "you and I. Did you".
            return match first {
                Some('I') => self.prev_is_name(dot - 1),
                Some(c) => c.is_alphabetic(),
                None => false,
            };
        }
        // Letters separated by periods, one or two at a time: U.S, e.g, Ph.D, a.m
        core.bytes().any(|b| b == b'.')
            && core.split('.').all(|seg| (1..=2).contains(&seg.chars().count()) && seg.chars().all(char::is_alphabetic))
    }

    /// The token before byte `i` (separated from it by whitespace) is a
    /// capitalised word of two letters or more: a name.
    fn prev_is_name(&self, i: usize) -> bool {
        self.out.last().is_some_and(|t| {
            let w = t.text(self.text);
            t.kind == TokenKind::Word && t.end < i && w.len() >= 2 && is_upper_start(w) && w.chars().all(char::is_alphabetic)
        })
    }

    /// A core with hyphens between letters: split at each hyphen unless the
    /// part before it is a prefix that UD keeps joined (anti-war, e-mail).
    fn emit_hyphenated(&mut self, s: usize, e: usize) {
        let mut part_start = s;
        let mut joined_from = s;
        let mut apostrophe = false;
        let mut i = s;
        while i < e {
            let (c, _, len) = char_at(self.text, i);
            apostrophe |= is_apostrophe(c);
            if matches!(c, '-' | '\u{2010}') {
                let left = &self.text[part_start..i];
                let (_, before, _) = self.char_before(i);
                let (_, after, _) = char_at(self.text, i + len);
                let digits = before == Class::Digit && after == Class::Digit;
                if !digits && !self.lex.is_hyphen_prefix(left) {
                    self.emit_piece(joined_from, i, apostrophe);
                    self.push(i, i + len, TokenKind::Punct);
                    joined_from = i + len;
                    apostrophe = false;
                }
                part_start = i + len;
            }
            i += len;
        }
        if joined_from < e {
            self.emit_piece(joined_from, e, apostrophe);
        }
    }

    /// Emits a word of ASCII letters, split if it is a listed contraction (`gon` `na`).
    #[inline(always)]
    fn emit_letters(&mut self, s: usize, e: usize) {
        if self.lex.may_be_contraction(&self.bytes[s..e]) && self.lex.contraction(&self.text[s..e]).is_some() {
            self.emit_piece(s, e, false);
        } else {
            self.out.push(Token { start: s, end: e, kind: TokenKind::Word });
        }
    }

    /// Emits a word or number without hyphens: splits clitics (`do` `n't`,
    /// `Russia` `’s`), listed contractions (`gon` `na`) and a number glued to
    /// the letters after it (`70` `km`, but `15th` and `1990s` stay whole).
    fn emit_piece(&mut self, s: usize, e: usize, has_apostrophe: bool) {
        let word = &self.text[s..e];
        if has_apostrophe {
            if let Some(a) = word.rfind(is_apostrophe) {
                let apos_len = word[a..].chars().next().map_or(1, char::len_utf8);
                let suffix = &word[a + apos_len..];
                if a > 0 && is_clitic(suffix) {
                    self.emit_piece(s, s + a, false);
                    self.push(s + a, e, TokenKind::Word);
                    return;
                }
                if a > 1 && suffix.eq_ignore_ascii_case("t") && word.as_bytes()[a - 1].eq_ignore_ascii_case(&b'n') {
                    self.push(s, s + a - 1, TokenKind::Word);
                    self.push(s + a - 1, e, TokenKind::Word);
                    return;
                }
            }
            self.push(s, e, TokenKind::Word);
            return;
        }
        let first_digit = word.as_bytes()[0].is_ascii_digit() || !word.as_bytes()[0].is_ascii_alphabetic() && word.starts_with(|c: char| class_of(c) == Class::Digit);
        if first_digit {
            // Digits then letters: split unless an ordinal or decade suffix.
            let digits_end = word
                .char_indices()
                .find(|&(_, c)| !matches!(class_of(c), Class::Digit | Class::Mark) && !matches!(c, '.' | ',' | ':' | '/'))
                .map_or(word.len(), |(i, _)| i);
            if digits_end < word.len() {
                let rest = &word[digits_end..];
                // Ordinals, decades, and one capital letter (`39A`, `3D`, `5G`) stay whole.
                let glued = ["st", "nd", "rd", "th", "s"].iter().any(|x| rest.eq_ignore_ascii_case(x))
                    || rest.len() == 1 && rest.as_bytes()[0].is_ascii_uppercase();
                if !glued && rest.chars().all(char::is_alphabetic) {
                    self.push(s, s + digits_end, TokenKind::Number);
                    self.push(s + digits_end, e, TokenKind::Word);
                    return;
                }
            }
            self.push(s, e, TokenKind::Number);
            return;
        }
        if let Some(parts) = self.lex.contraction(word) {
            let mut a = s;
            for &len in parts {
                self.push(a, a + len, TokenKind::Word);
                a += len;
            }
            return;
        }
        self.push(s, e, TokenKind::Word);
    }
}
