//! What a count counts: the noun phrase after a plain number.
//!
//! Without a part-of-speech tagger the rule leans on English agreement: a
//! count other than one takes a plural noun, so the phrase runs from the
//! first word after the number to the first plural (`36 league games`,
//! `800,000 eligible pensioners`); after `one` it is the next word (`one
//! hand`). Function words, numbers, punctuation and line breaks end the
//! search (`1000 come from Asia` counts nothing). Irregular plurals and the
//! stop words are in `data/counted_nouns.tsv`. The search reads at most
//! `MAX_WORDS` tokens past the number, so the stage stays linear.

use super::Parser;
use crate::quantity::tables::{COUNTED_OF, COUNTED_PLURAL, COUNTED_STOP};
use crate::token::{Span, TokenKind as T};

/// The longest noun phrase looked at: `20 decently sized coal-fired power plants`.
const MAX_WORDS: usize = 5;

impl<'a> Parser<'a> {
    /// The counted noun phrase after a count ending at byte `end` (its first token `first`).
    pub(super) fn counted_after(&self, first: usize, end: usize, value: f64) -> Option<Span> {
        let mut j = self.token_from(first, end);
        if !self.near(j) || self.toks[j].start == end {
            return None;
        }
        // `one of the students`, `35m of its devices`: a part of a plural whole.
        let mut one = value == 1.0;
        if self.tok(j).is_some_and(|w| w.eq_ignore_ascii_case("of")) {
            one = false;
            j += 1;
            if self.near(j) && self.kind(j) == Some(T::Word) && self.tb.counted_class(self.s(j)) & COUNTED_OF != 0 {
                j += 1;
            }
        } else if self.kind(j) == Some(T::Word) && self.tb.is_more(self.s(j)) {
            // `eight more picks`
            j += 1;
        }
        let first = j;
        for t in first..(first + MAX_WORDS).min(self.toks.len()) {
            if !self.near(t) || self.kind(t) != Some(T::Word) {
                return None;
            }
            let w = self.s(t);
            if matches!(w, "'s" | "\u{2019}s") {
                continue; // `two of Johnson's deputies`
            }
            let class = self.tb.counted_class(w);
            if class & COUNTED_STOP != 0 || self.tb.word(w).is_some() {
                return None;
            }
            if is_plural(w, class) || (one && t == first) {
                return Some(Span { start: self.toks[first].start, end: self.toks[t].end });
            }
        }
        None
    }
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

    fn counted(text: &str) -> Vec<(&str, Option<&str>)> {
        let toks = tokenize(text);
        quantities(text, &toks)
            .into_iter()
            .map(|q| (&text[q.start..q.end], q.counted.map(|c| &text[c.start..c.end])))
            .collect()
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
