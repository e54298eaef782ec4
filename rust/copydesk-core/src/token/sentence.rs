//! Sentence segmentation over the token stream.
//!
//! A sentence ends at a line break, or at terminal punctuation (`.` `?` `!`,
//! ellipses) that the next token confirms: a capitalised word, an opening
//! quote or bracket. Closing quotes and brackets right after the terminal
//! belong to the sentence it ends. Abbreviations and initials (tokens that
//! keep their period) end a sentence only before a word that usually starts
//! one. Numbered and bulleted list items start sentences of their own.
//!
//! Each token is visited a bounded number of times: linear in the input.

use super::{Span, Token, TokenKind};
use crate::chars::{is_ascii_letter, is_lower_start, is_upper_start};
use crate::lexicon::{AbbrevClass, Lexicon};

/// Sentence spans (byte offsets) of `text`, given its tokens.
///
/// Every token belongs to exactly one sentence; sentences are ordered and run
/// from their first token's start to their last token's end.
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Span> {
    Segmenter { text, tokens, lex: Lexicon::get(), out: Vec::new(), start: 0, words: 0, long_words: 0, list: None }
        .run()
}


#[derive(Clone, Copy, PartialEq, Eq)]
enum MarkerKind {
    Digit,
    Lower,
    Upper,
}

struct Segmenter<'a> {
    text: &'a str,
    tokens: &'a [Token],
    lex: &'static Lexicon,
    out: Vec<Span>,
    /// First token of the current sentence.
    start: usize,
    /// Words and numbers in the current sentence so far.
    words: usize,
    /// Words of two letters or more in the current sentence so far. Only
    /// ever compared with zero, so the fast path stops counting at one.
    long_words: usize,
    /// The last list-item marker seen in this paragraph.
    list: Option<(MarkerKind, u32)>,
}

/// Whether the whitespace `text[a..b]` holds a line break; most gaps are one space.
#[inline(always)]
fn line_break_between(text: &str, a: usize, b: usize) -> bool {
    if b <= a + 1 {
        return b == a + 1 && matches!(text.as_bytes()[a], b'\n' | b'\r');
    }
    long_gap_breaks_line(&text[a..b])
}

#[cold]
fn long_gap_breaks_line(gap: &str) -> bool {
    let b = gap.as_bytes();
    // Most such gaps are a few bytes (`\n\n`): a loop is cheaper than memchr's setup.
    let newline = if b.len() < 32 { b.iter().any(|&c| c == b'\n' || c == b'\r') } else { memchr::memchr2(b'\n', b'\r', b).is_some() };
    newline || !gap.is_ascii() && gap.contains(['\u{2028}', '\u{2029}', '\u{85}'])
}

/// A word token of two letters or more (by its first two characters).
#[inline(always)]
fn is_long_word(text: &str, t: Token) -> bool {
    let b = &text.as_bytes()[t.start..t.end];
    b.len() >= 2
        && (is_ascii_letter(b[1]) || b[1] >= 0x80)
        && if b[0] < 0x80 { is_ascii_letter(b[0]) } else { t.text(text).chars().next().is_some_and(char::is_alphabetic) }
}

#[inline]
fn w_is_comma(text: &str, t: Token) -> bool {
    t.end == t.start + 1 && text.as_bytes()[t.start] == b','
}

fn is_closer(s: &str) -> bool {
    matches!(s, "\"" | "'" | "\u{201D}" | "\u{2019}" | "\u{00BB}" | "\u{203A}" | ")" | "]" | "}")
}

fn is_bullet(s: &str) -> bool {
    s.len() == 3
        && matches!(s, "\u{2022}" | "\u{2043}" | "\u{25E6}" | "\u{2023}" | "\u{25AA}" | "\u{25CF}" | "\u{2219}" | "\u{25A0}")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "\u{2013}" | "\u{2014}")
}

impl Segmenter<'_> {
    fn tok(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    /// The bytes of token `i`: for comparisons, without the char-boundary
    /// checks of a `str` slice.
    #[inline]
    fn tok_bytes(&self, i: usize) -> &[u8] {
        let t = self.tokens[i];
        &self.text.as_bytes()[t.start..t.end]
    }

    #[inline]
    fn is_bullet_at(&self, i: usize) -> bool {
        let t = self.tokens[i];
        t.end - t.start == 3 && is_bullet(self.tok(i))
    }

    /// A line break between token `i` and the next.
    #[inline(always)]
    fn breaks_line(&self, i: usize) -> bool {
        line_break_between(self.text, self.tokens[i].end, self.tokens[i + 1].start)
    }

    fn gap(&self, i: usize) -> &str {
        &self.text[self.tokens[i].end..self.tokens[i + 1].start]
    }

    fn adjacent(&self, i: usize) -> bool {
        self.tokens[i].end == self.tokens[i + 1].start
    }

    /// Ends the current sentence after token `last`; the next starts at `last + 1`.
    fn close(&mut self, last: usize) {
        self.out.push(Span { start: self.tokens[self.start].start, end: self.tokens[last].end });
        self.start = last + 1;
        self.words = 0;
        self.long_words = 0;
    }

    #[inline]
    fn count(&mut self, i: usize) {
        self.count_token(self.tokens[i]);
    }

    /// Counts a word or number into `words`, and a word of two letters or
    /// more into `long_words`.
    #[inline(always)]
    fn count_token(&mut self, t: Token) {
        match t.kind {
            TokenKind::Number => self.words += 1,
            TokenKind::Word => {
                self.words += 1;
                self.long_words += usize::from(self.is_long_word(t));
            }
            _ => {}
        }
    }

    #[inline(always)]
    fn is_long_word(&self, t: Token) -> bool {
        is_long_word(self.text, t)
    }

    /// The fast path of the main loop. From token `i` (not the first of its
    /// sentence), counts the tokens that the loop would only count, and
    /// returns the first that needs more (or the last token). A token is only
    /// counted if it is not followed by a line break or a colon (a credit
    /// label) and it is not terminal punctuation (`terminal_end`), a possible
    /// list marker (`list_marker`: a number or letter of one or two bytes with
    /// `.` or `)` after it), a bullet, a separator line, a comma that may close
    /// a salutation, a `.` that may open a spaced ellipsis, an emoji or a url:
    /// most tokens. The state it touches is kept in locals, and the function
    /// is out of line so that the loop gets registers of its own.
    #[inline(never)]
    fn skip_plain(&mut self, mut i: usize) -> usize {
        let (tokens, text) = (self.tokens, self.text);
        let b = text.as_bytes();
        let (mut words, mut long_words) = (self.words, self.long_words);
        while i + 1 < tokens.len() {
            let (t, next) = (tokens[i], tokens[i + 1].start);
            if b[next] == b':' || line_break_between(text, t.end, next) {
                break;
            }
            let len = t.end - t.start;
            let adjacent = t.end == next;
            let plain = match t.kind {
                TokenKind::Word => b[t.end - 1] != b'.' && (len >= 2 || !adjacent),
                TokenKind::Number => len > 2 || len == 1 && !adjacent,
                TokenKind::Quote => true,
                TokenKind::Punct => match b[t.start] {
                    b'.' | b'?' | b'!' | b'[' | b'*' | b'=' | b'_' | b'~' | b'#' => false,
                    b'-' => len < 4,
                    b',' => i - self.start > 3,
                    // Non-ASCII: two-byte marks (`·` `¿`), and the em and en dash
                    // (other three-byte marks may be bullets or an ellipsis).
                    0x80.. => {
                        let w = &b[t.start..t.end];
                        len == 2 || w == "\u{2014}".as_bytes() || w == "\u{2013}".as_bytes()
                    }
                    _ => true,
                },
                _ => false,
            };
            if !plain {
                break;
            }
            match t.kind {
                TokenKind::Word => {
                    words += 1;
                    // Only `long_words > 0` is ever asked: once it holds, skip the test.
                    if long_words == 0 {
                        long_words = usize::from(is_long_word(text, t));
                    }
                }
                TokenKind::Number => words += 1,
                _ => {}
            }
            i += 1;
        }
        self.words = words;
        self.long_words = long_words;
        i
    }

    fn run(mut self) -> Vec<Span> {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            // Fast path: most tokens are inside a sentence, and can neither end
            // it nor start a list item, bullet or credit line.
            if i != self.start {
                i = self.skip_plain(i);
            }
            if i == self.start {
                if let Some(m) = self.list_marker(i) {
                    self.list = Some(m);
                }
                if let Some(end) = self.dateline(i) {
                    for k in i..=end {
                        self.count(k);
                    }
                    self.close(end);
                    i = end + 1;
                    continue;
                }
            } else if self.is_bullet_at(i) || self.is_credit_line(i) {
                self.close(i - 1);
            } else if let Some(m) = self.list_marker(i) {
                if self.words > 0 && self.list.is_some_and(|(k, v)| k == m.0 && v + 1 == m.1) {
                    self.close(i - 1);
                }
                self.list = Some(m);
            }
            if i + 1 == n {
                self.count(i);
                self.close(i);
                break;
            }
            if self.breaks_line(i) {
                self.count(i);
                self.close(i);
                self.list = None;
                i += 1;
                continue;
            }
            let t = self.tokens[i];
            if t.kind == TokenKind::Punct
                && self.tok_bytes(i) == b"."
                && self.tok_bytes(i + 1) == b"."
                && self.text.as_bytes()[t.end..self.tokens[i + 1].start] == *b" "
            {
                i = self.spaced_ellipsis(i);
                continue;
            }
            let has_words_before = self.long_words > 0;
            self.count(i);
            // An emoticon or emoji ends a sentence of informal text when a
            // capitalised word follows (`see you :) Now I have…`); a url ends
            // one when another url follows (a list of links).
            let next_kind = self.tokens[i + 1].kind;
            let ends_informally = match t.kind {
                TokenKind::Emoji => is_upper_start(self.tok(i + 1)),
                TokenKind::Url => next_kind == TokenKind::Url,
                _ => false,
            };
            if ends_informally && has_words_before && !self.adjacent(i) {
                self.close(i);
                i += 1;
                continue;
            }
            // A greeting or closing (`Best regards,` `Hi,`) before a capitalised
            // word is a sentence of its own.
            if w_is_comma(self.text, t) && i > self.start && i - self.start <= 3 && !self.adjacent(i) {
                let phrase = &self.text[self.tokens[self.start].start..self.tokens[i - 1].end];
                if is_upper_start(self.tok(i + 1)) && self.lex.is_salutation(phrase) {
                    self.close(i);
                    i += 1;
                    continue;
                }
            }
            // A separator line (`*****`, `=====`, `_____`) stands alone.
            if self.is_separator(i) {
                if i > self.start {
                    self.close(i - 1);
                }
                self.close(i);
                i += 1;
                continue;
            }
            if let Some(last) = self.terminal_end(i) {
                let last = self.reference_marks(last);
                if has_words_before || t.kind == TokenKind::Word && self.long_words > 0 {
                    let next = last + 1;
                    if next < n && !self.breaks_line(last) && self.ends_before(i, next) {
                        for k in i + 1..=last {
                            self.count(k);
                        }
                        self.close(last);
                        i = next;
                        continue;
                    }
                }
                // The closers and terminals after `i` were judged with it: go on
                // from the last of them (which still meets line breaks), so that a
                // long run of them is looked at once.
                if last > i {
                    for k in i + 1..last {
                        self.count(k);
                    }
                    i = last;
                    continue;
                }
            }
            i += 1;
        }
        if self.start < n {
            self.close(n - 1);
        }
        self.out
    }

    /// If token `i` is terminal punctuation, the index of the last token of
    /// the sentence it may end (after closing quotes and brackets).
    fn terminal_end(&self, i: usize) -> Option<usize> {
        let t = self.tokens[i];
        let b = self.text.as_bytes();
        let terminal = match t.kind {
            TokenKind::Punct => {
                matches!(b[t.start], b'.' | b'?' | b'!') || self.tok(i).starts_with('\u{2026}') || self.tok(i).starts_with("[...")
            }
            TokenKind::Word => t.end - t.start > 1 && b[t.end - 1] == b'.',
            _ => false,
        };
        if !terminal {
            return None;
        }
        let mut last = i;
        while last + 1 < self.tokens.len()
            && self.adjacent(last)
            && (is_closer(self.tok(last + 1)) || self.tokens[last + 1].kind == TokenKind::Punct && matches!(self.tok(last + 1).as_bytes()[0], b'.' | b'?' | b'!'))
        {
            last += 1;
        }
        Some(last)
    }

    /// Whether terminal token `i` ends a sentence, the next sentence starting
    /// at token `next`.
    fn ends_before(&self, i: usize, next: usize) -> bool {
        let w = self.tok(i);
        let nt = self.tokens[next];
        let nw = self.tok(next);
        let kind = self.tokens[i].kind;
        // Glued to what follows (`draft).doc`, `@example. com`): not an end.
        if self.adjacent(next - 1) {
            return false;
        }
        // After a closing quote or bracket, lower case continues the sentence
        // (`"Great." she said`, `(… engineer.) at the`); right after a period
        // or question mark it starts a new one, as informal text often does
        // (`call them at noon. they know`), except after abbreviations and `!`
        // (`Yahoo! in`).
        if is_lower_start(nw) {
            let closed = next > i + 1;
            // `!` glued to a capitalised word is part of a name (`Yahoo! in`).
            let name_bang = w.contains('!') && i > 0 && self.adjacent(i - 1) && is_upper_start(self.tok(i - 1));
            return !closed && kind == TokenKind::Punct && (w == "." || w.contains(['?', '!']) && !name_bang);
        }
        let capital = is_upper_start(nw);
        if kind == TokenKind::Word {
            return self.abbreviation_ends(w, nw, capital);
        }
        if w.len() > 1 && !w.contains(['?', '!']) || w.starts_with('\u{2026}') {
            // An ellipsis: the sentence ends only if a new one visibly starts.
            return capital;
        }
        // A period before a number goes on (`No. 5`, `N°. 1026`); so does any
        // terminal before punctuation that continues a sentence.
        // After a closing quote, a dash introduces its attribution (`"…game." - Matthew Ingram`).
        let continues = matches!(nw.as_bytes()[0], b',' | b';' | b':' | b')' | b']' | b'}' | b'%' | b'/' | b'&')
            || nt.kind == TokenKind::Number && w == "."
            || next > i + 1 && is_dash(nw);
        !continues
    }

    /// An abbreviation or initial ends a sentence only before a word that
    /// usually starts one, and only after a clause long enough to be a sentence
    /// ("At 5 a.m. Mr. Smith went" goes on; "he left at 6 P.M. Mr. Smith then" ends).
    fn abbreviation_ends(&self, w: &str, nw: &str, capital: bool) -> bool {
        let core = &w[..w.len() - 1];
        let starter = self.lex.is_sentence_starter(nw)
            || nw.len() > 2 && nw.ends_with('.') && self.lex.abbreviation(&nw[..nw.len() - 1]) == Some(AbbrevClass::Title);
        match self.lex.abbreviation(core) {
            Some(AbbrevClass::Title | AbbrevClass::Number) => false,
            _ if core.chars().count() == 1 => starter,
            _ => capital && starter && self.words >= 4,
        }
    }

    /// Footnote and reference marks right after a sentence's end belong to it:
    /// `…in 1891. [3] In…`. Returns the sentence's new last token.
    fn reference_marks(&self, last: usize) -> usize {
        let n = self.tokens.len();
        if last + 2 < n && self.tok(last + 1) == "(" && !self.breaks_line(last) {
            return self.source_credit(last);
        }
        if last + 2 >= n || self.tok(last + 1) != "[" || self.breaks_line(last) {
            return last;
        }
        let mut k = last + 2;
        while k < n && k < last + 8 && (self.tokens[k].kind == TokenKind::Number || matches!(self.tok(k), "," | "-" | "\u{2013}")) {
            k += 1;
        }
        if k > last + 2 && k < n && self.tok(k) == "]" {
            k
        } else {
            last
        }
    }

    /// A source credited in brackets after a sentence belongs to it:
    /// `…said of Islamic Jihad. (Jerusalem Post) "We're…"`. The brackets hold
    /// a few capitalised words and no sentence of their own, and what follows
    /// starts a new sentence or a new line. Returns the sentence's new last token.
    fn source_credit(&self, last: usize) -> usize {
        let n = self.tokens.len();
        let first = last + 2;
        if !is_upper_start(self.tok(first)) {
            return last;
        }
        let mut k = first;
        while k < n && k < first + 6 && self.tokens[k].kind == TokenKind::Word && (k + 1 == n || !self.breaks_line(k)) {
            k += 1;
        }
        let closes = k < n && self.tok(k) == ")";
        let then_new = k + 1 >= n || self.breaks_line(k) || is_upper_start(self.tok(k + 1)) || self.tokens[k + 1].kind == TokenKind::Quote;
        if closes && k > first && then_new {
            k
        } else {
            last
        }
    }

    /// A run of three or more `*` `=` `_` `~` `#` (or a longer run of `-`):
    /// the separator lines of mail and web pages.
    fn is_separator(&self, i: usize) -> bool {
        let t = self.tokens[i];
        let b = &self.text.as_bytes()[t.start..t.end];
        t.kind == TokenKind::Punct
            && match b.first() {
                Some(b'*' | b'=' | b'_' | b'~' | b'#') => b.len() >= 3,
                Some(b'-') => b.len() >= 4,
                _ => false,
            }
    }

    /// A photo credit or caption label (`Image: Reuters.`) opens a sentence of its own.
    fn is_credit_line(&self, i: usize) -> bool {
        i + 1 < self.tokens.len()
            && self.text.as_bytes()[self.tokens[i + 1].start] == b':'
            && self.adjacent(i)
            && self.tok(i + 1) == ":"
            && self.lex.is_credit_label(self.tok(i))
    }

    /// A list-item marker at token `i` (`1.`, `2)`, `a.`, `b)`) followed by a
    /// capitalised word: its kind and value.
    #[inline(always)]
    fn list_marker(&self, i: usize) -> Option<(MarkerKind, u32)> {
        let t = self.tokens[i];
        if t.end - t.start > 2 || !matches!(t.kind, TokenKind::Number | TokenKind::Word) {
            return None;
        }
        self.short_list_marker(i)
    }

    /// `list_marker` for a word or number of one or two bytes.
    #[inline(never)]
    fn short_list_marker(&self, i: usize) -> Option<(MarkerKind, u32)> {
        let t = self.tokens[i];
        let n = self.tokens.len();
        let w = self.tok(i);
        let (kind, value, mut j) = if t.kind == TokenKind::Number && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
            (MarkerKind::Digit, w.parse().ok()?, i + 1)
        } else {
            let b = w.as_bytes();
            let letter = *b.first()?;
            if !letter.is_ascii_alphabetic() || !(b.len() == 1 || b.len() == 2 && b[1] == b'.') {
                return None;
            }
            let kind = if letter.is_ascii_lowercase() { MarkerKind::Lower } else { MarkerKind::Upper };
            (kind, (letter.to_ascii_lowercase() - b'a') as u32 + 1, i + 1)
        };
        // The marker's own punctuation: "." ")" ".)" glued to it.
        let mut punct = w.len() == 2;
        while j < n && self.adjacent(j - 1) && matches!(self.tok(j), "." | ")") {
            punct = true;
            j += 1;
        }
        (punct && j < n && !self.adjacent(j - 1) && is_upper_start(self.tok(j))).then_some((kind, value))
    }

    /// A dateline at the start of a paragraph: capitalised place words, an
    /// optional agency in brackets, then a spaced dash (`LONDON (Reuters) —`,
    /// `Evansville, Indiana, United States -`).
    /// Returns the index of the dash.
    fn dateline(&self, i: usize) -> Option<usize> {
        let start = self.tokens[i].start;
        let at_paragraph_start = i == 0 || start > 0 && self.text.as_bytes()[start - 1] == b'\n';
        if !at_paragraph_start {
            return None;
        }
        // Place words: capitalised, and either all in capitals (LONDON) or
        // with a comma between place and region (Taipei, Taiwan).
        let mut j = i;
        let (mut words, mut all_caps, mut commas) = (0, true, 0);
        while j < self.tokens.len() && j < i + 8 {
            let w = self.tok(j);
            if self.tokens[j].kind == TokenKind::Word && is_upper_start(w) {
                words += 1;
                all_caps &= w.chars().all(|c| !c.is_lowercase());
            } else if w == "," && words > 0 {
                commas += 1;
            } else {
                break;
            }
            j += 1;
        }
        if words == 0 || !(all_caps || commas > 0) || j >= self.tokens.len() {
            return None;
        }
        if self.tok(j) == "(" {
            let close = (j + 1..(j + 6).min(self.tokens.len())).find(|&k| self.tok(k) == ")")?;
            j = close + 1;
        }
        (j + 1 < self.tokens.len()
            && is_dash(self.tok(j))
            && !self.adjacent(j - 1)
            && !self.adjacent(j)
            && is_upper_start(self.tok(j + 1))
            && !self.breaks_line(j))
            .then_some(j)
    }

    /// A spaced ellipsis `. . .` starting at token `i`. Returns the index of the
    /// token to continue from.
    fn spaced_ellipsis(&mut self, i: usize) -> usize {
        let n = self.tokens.len();
        let mut k = i;
        while k + 1 < n && self.tok(k + 1) == "." && self.gap(k) == " " {
            k += 1;
        }
        let dots = k - i + 1;
        let glued = i > self.start && self.tokens[i - 1].end == self.tokens[i].start;
        let mut last = k;
        while last + 1 < n && self.adjacent(last) && is_closer(self.tok(last + 1)) {
            last += 1;
        }
        if dots < 3 {
            // Two dots: the first is an ordinary token, the second is looked at as terminal.
            self.count(i);
            return i + 1;
        }
        if last + 1 >= n || self.breaks_line(last) {
            return last + 1;
        }
        let nw = self.tok(last + 1);
        if !(is_upper_start(nw) && nw != "I") {
            return last + 1;
        }
        if glued && dots >= 4 {
            // "compounds. . . . The": a period, then an ellipsis opening the next sentence.
            self.close(i);
            return last + 1;
        }
        self.close(last);
        last + 1
    }
}
