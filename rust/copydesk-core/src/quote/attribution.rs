//! Direct or partial, and who said it.
//!
//! Reads the tokens around each piece, within its sentence and paragraph,
//! with the reporting verbs of `data/reporting_verbs.txt`:
//!
//! * after the closing mark: `“…,” she said.`, `‘…’, they added.`,
//!   `“…,” said the minister.`, `“…,” Smith, 45, told reporters.`;
//! * before the opening mark: `Allison told Metro: ‘…`, `He said, “…`,
//!   `A business leader told the Guardian that there was ‘…’` (the subject of
//!   the nearest reporting verb of the sentence; passives such as `is claimed
//!   to be` name no speaker);
//! * `according to X` in the sentence, and a sentence-final `…, she said.`;
//! * then inheritance: the pieces of a multi-paragraph quotation share its
//!   speaker, and an unattributed quote opening the paragraph after an
//!   attributed one (or following it in the same paragraph) continues it.
//!
//! Pieces in marks whose convention is `reported-fragments`
//! (`data/quote_marks.txt`: German `„…“`, `»…«`) also follow German copy,
//! with the words of `data/quote_words_de.txt`:
//!
//! * a verbatim fragment in a sentence of reported speech (a reporting verb,
//!   separable ones included: `stellte … fest`; the subjunctive `sei`,
//!   `habe`; `laut`, `zufolge`, `, so X,`; `nach Angaben`) is direct speech,
//!   unless it reads as a name or a title (`der „Spiegel“`, `Zeitschrift
//!   „Radikal“`, `„Tatort“-Kommissar`, `Motto „…“`); an unattributed short
//!   title after a colon and a lone word in marks are partial;
//! * the speaker follows German word order: `sagte er`, `Am Montag sagte
//!   der Minister`, `Die Partei hatte … kritisiert`, `So wird er zitiert`,
//!   `„…“, so die Polizei`, `„…“ (Polizei)`, `Müller (SPD): „…“`, and a
//!   subjunctive sentence goes on with the speaker of the sentence before.
//!
//! Every search is bounded by a fixed number of tokens.

use super::marks::Tables;
use super::pair::Piece;
use super::{gallop, gallop_back, Doc, QuoteKind};
use crate::token::{Span, TokenKind};

/// How far (tokens) a search for a cue or `according to` reaches.
const WINDOW: usize = 40;
/// Longest speaker noun phrase, in tokens.
const MAX_NP: usize = 8;

pub(crate) struct Attr {
    pub kind: QuoteKind,
    pub speaker: Option<Span>,
    pub cue: Option<Span>,
}

/// `w` in ASCII lower case, in `buf`; empty for long or non-ASCII words
/// (none of which is in the word lists here).
fn lower<'b>(w: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let b = w.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return "";
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..b.len()]).unwrap_or("")
}

pub(crate) fn is_pronoun(w: &str) -> bool {
    matches!(w, "he" | "she" | "they" | "we" | "I" | "it" | "He" | "She" | "They" | "We" | "It" | "you" | "You")
}

fn is_determiner(w: &str) -> bool {
    matches!(
        lower(w, &mut [0; 16]),
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "one"
            | "two"
            | "three"
            | "several"
            | "some"
            | "many"
            | "another"
            | "other"
            | "both"
            | "each"
    )
}

/// Words that end a speaker noun phrase (and never start one).
fn is_stop(w: &str) -> bool {
    matches!(
        lower(w, &mut [0; 16]),
        "and"
            | "or"
            | "but"
            | "nor"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "when"
            | "while"
            | "where"
            | "as"
            | "after"
            | "before"
            | "because"
            | "if"
            | "since"
            | "though"
            | "although"
            | "on"
            | "in"
            | "at"
            | "to"
            | "from"
            | "for"
            | "by"
            | "with"
            | "without"
            | "during"
            | "about"
            | "into"
            | "over"
            | "under"
            | "than"
            | "then"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "last"
            | "earlier"
            | "later"
            | "recently"
            | "also"
            | "previously"
            | "once"
            | "still"
            | "now"
            | "not"
            | "is"
            | "was"
            | "were"
            | "are"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "could"
            | "should"
            | "can"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "there"
            | "here"
            | "so"
            | "this"
            | "these"
            | "those"
            | "what"
            | "how"
            | "why"
            | "just"
            | "even"
            | "all"
            | "said"
            | "says"
            | "told"
            | "asked"
            | "according"
            | "adding"
            | "saying"
            | "again"
            | "however"
            | "instead"
            | "meanwhile"
            | "of"
            | "up"
            | "out"
            | "off"
            | "like"
            | "unlike"
            | "despite"
            | "against"
            | "among"
            | "between"
            | "through"
            | "amid"
            | "until"
            | "whether"
            | "it's"
            | "such"
            | "very"
            | "too"
            | "no"
            | "yes"
            | "you"
            | "whilst"
            | "via"
            | "per"
            | "toward"
            | "towards"
            | "upon"
            | "within"
            | "across"
            | "including"
            | "unless"
    )
}

/// Auxiliaries and adverbs between a subject and its verb (`has said`,
/// `later told`, `repeatedly warned`).
fn is_aux_or_adverb(w: &str) -> bool {
    let mut buf = [0; 16];
    let lw = lower(w, &mut buf);
    matches!(
        lw,
        "has"
            | "have"
            | "had"
            | "was"
            | "were"
            | "is"
            | "are"
            | "been"
            | "also"
            | "later"
            | "previously"
            | "then"
            | "recently"
            | "once"
            | "earlier"
            | "again"
            | "further"
            | "will"
            | "would"
            | "could"
            | "may"
            | "might"
            | "did"
            | "does"
            | "do"
            | "just"
            | "reportedly"
            | "allegedly"
            | "publicly"
            | "privately"
            | "separately"
            | "simply"
            | "often"
            | "never"
            | "always"
            | "not"
            | "n't"
            | "n’t"
            | "be"
            | "should"
            | "must"
            | "can"
    ) || (lw.len() > 4 && lw.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase))
}

fn is_be(w: &str) -> bool {
    matches!(lower(w, &mut [0; 16]), "is" | "was" | "were" | "are" | "been" | "be" | "being")
}

fn is_participle(w: &str) -> bool {
    let mut buf = [0; 16];
    let lw = lower(w, &mut buf);
    lw.ends_with("ed") || matches!(lw, "said" | "told" | "written" | "wrote")
}

fn is_naming_verb(w: &str) -> bool {
    matches!(
        lower(w, &mut [0; 16]),
        "called"
            | "calling"
            | "described"
            | "describing"
            | "dubbed"
            | "branded"
            | "labelled"
            | "labeled"
            | "labelling"
            | "labeling"
    )
}

fn is_terminal(w: &str) -> bool {
    matches!(w.chars().next(), Some('.' | '!' | '?' | '\u{2026}'))
}

struct Found {
    speaker: Span,
    cue: Span,
}

struct Ctx<'d, 'a> {
    doc: &'d Doc<'a>,
    tables: &'static Tables,
    /// The piece is set in marks of the German convention
    /// (`reported-fragments`): German word lists apply too.
    de: bool,
}

impl Ctx<'_, '_> {
    /// A personal pronoun that can name a speaker.
    fn pronoun(&self, w: &str) -> bool {
        is_pronoun(w) || self.de && Tables::in_set(&self.tables.de.pronoun, w)
    }

    /// A word that ends a speaker phrase (German ones in lower case only).
    fn stop(&self, w: &str) -> bool {
        is_stop(w) || self.de && self.tables.de.stop.contains(w)
    }

    fn determiner(&self, w: &str) -> bool {
        is_determiner(w) || self.de && Tables::in_set(&self.tables.de.determiner, w)
    }

    fn is_upper(&self, i: usize) -> bool {
        self.tok(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// The first part of a separable German reporting verb whose particle
    /// follows before `end` (`stellte … fest`, `kündigte … an`).
    fn split_cue(&self, v: usize, end: usize) -> bool {
        if !self.de || !self.is_word(v) {
            return false;
        }
        let Some(particles) = self.tables.split_particles(self.tok(v)) else { return false };
        (v + 1..end.min(v + 1 + WINDOW)).any(|k| {
            self.is_word(k) && particles.iter().any(|p| *p == self.tok(k)) && {
                // The particle ends its clause: punctuation, a conjunction
                // or the end follows.
                k + 1 >= end
                    || matches!(self.kind(k + 1), TokenKind::Punct | TokenKind::Quote)
                    || matches!(self.tok(k + 1), "und" | "oder" | "aber" | "sondern" | "doch")
            }
        })
    }

    /// A reporting verb at `v`, a separable one included (its particle
    /// before `end`).
    fn cue_at(&self, v: usize, end: usize) -> bool {
        self.is_cue(v) || self.split_cue(v, end)
    }

    fn tok(&self, i: usize) -> &str {
        self.doc.tok(i)
    }

    fn kind(&self, i: usize) -> TokenKind {
        self.doc.tokens[i].kind
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span { start: self.doc.tokens[a].start, end: self.doc.tokens[b].end }
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word
    }

    fn is_cue(&self, i: usize) -> bool {
        self.is_word(i) && self.tables.is_cue(self.tok(i))
    }

    /// Token range (start, end exclusive) of the sentence holding token `i`,
    /// within its line `li`.
    fn sentence(&self, i: usize, li: usize) -> (usize, usize) {
        let line = &self.doc.lines[li];
        let (mut a, mut b) = (line.start, line.end);
        let sents = self.doc.sentences;
        let at = self.doc.tokens[i].start;
        // Searched from the last sentence found and from `i`, not across the
        // document: the calls come in document order, mostly.
        let hint = self.doc.sentence_hint.get().min(sents.len());
        let s = if hint == 0 || sents[hint - 1].end <= at {
            gallop(sents, hint, |s| s.end <= at)
        } else {
            gallop_back(sents, hint, |s| s.end <= at)
        };
        self.doc.sentence_hint.set(s);
        if let Some(s) = sents.get(s).filter(|s| s.start <= at) {
            let toks = self.doc.tokens;
            a = a.max(gallop_back(toks, i, |t| t.start < s.start).min(i));
            b = b.min(gallop(toks, i + 1, |t| t.end <= s.end));
        }
        (a, b)
    }

    /// `’` of a plural possessive (`the players’ union`): right after a word
    /// ending in s, before a space and a word. (The pairing stage has already
    /// decided it closes nothing, or it would not be inside a speaker phrase.)
    fn possessive_apostrophe(&self, t: usize) -> bool {
        let toks = self.doc.tokens;
        t > 0
            && t + 1 < toks.len()
            && matches!(self.tok(t), "\u{2019}" | "'")
            && toks[t - 1].end == toks[t].start
            && self.is_word(t - 1)
            && self.tok(t - 1).ends_with(['s', 'S'])
            && toks[t].end < toks[t + 1].start
            && self.is_word(t + 1)
    }

    /// A speaker noun phrase starting at `j` (before `end`): a pronoun, or
    /// words (names, titles, determiners) up to a stop word, a reporting
    /// verb or punctuation. Returns (first, last) tokens.
    fn np_forward(&self, j: usize, end: usize) -> Option<(usize, usize)> {
        if j >= end || !matches!(self.kind(j), TokenKind::Word | TokenKind::Number) {
            return None;
        }
        let w = self.tok(j);
        if self.pronoun(w) {
            return Some((j, j));
        }
        if self.stop(w) || self.is_cue(j) {
            return None;
        }
        if self.de && !self.determiner(w) && Tables::in_set(&self.tables.de.fronted, w) {
            return None;
        }
        let mut last = None;
        let mut k = j;
        while k < end && k - j < MAX_NP {
            match self.kind(k) {
                TokenKind::Word => {
                    let w = self.tok(k);
                    if k > j && (self.stop(w) || self.is_cue(k) || self.pronoun(w)) {
                        break;
                    }
                    // German: after a capitalised noun or name, a lower-case
                    // word is past the phrase (`Müller optimistisch`, `die
                    // Zeitung den Minister`), but for a genitive article
                    // (`der Sprecher der Polizei`).
                    if self.de
                        && k > j
                        && !self.is_upper(k)
                        && !matches!(w, "der" | "des" | "eines" | "einer")
                        && (j..k).any(|t| self.is_word(t) && self.is_upper(t))
                    {
                        break;
                    }
                    last = Some(k);
                }
                TokenKind::Number => last = Some(k),
                TokenKind::Punct if self.tok(k) == "-" && k > j && k + 1 < end && self.is_word(k + 1) => {}
                TokenKind::Quote if k > j && k + 1 < end && self.possessive_apostrophe(k) => {}
                _ => break,
            }
            k += 1;
        }
        let last = last?;
        if (j..=last).all(|t| self.determiner(self.tok(t))) {
            return None;
        }
        Some((j, last))
    }

    /// The subject of the reporting verb at `v`, reading back to `start`:
    /// skips auxiliaries and adverbs; `None` for a passive (`is claimed`).
    fn np_backward(&self, v: usize, start: usize) -> Option<(usize, usize)> {
        let mut k = v;
        let mut skipped = 0;
        let mut be = false;
        while k > start
            && skipped < 3
            && self.is_word(k - 1)
            && (is_aux_or_adverb(self.tok(k - 1)) || self.de && self.tables.de.adverb.contains(self.tok(k - 1)))
        {
            be |= is_be(self.tok(k - 1));
            k -= 1;
            skipped += 1;
        }
        if be && is_participle(self.tok(v)) {
            return None;
        }
        if k == start || k == 0 {
            return None;
        }
        // A party or place in brackets after a name: `Heribert Rech (CDU) sagte`.
        if self.de && self.tok(k - 1) == ")" {
            if let Some(o) = (start.max(k.saturating_sub(6))..k - 1).rev().find(|&m| self.tok(m) == "(") {
                if o > start {
                    return self.np_backward_from(o, start).map(|(a, _)| (a, k - 1));
                }
            }
        }
        if self.tok(v).ends_with("ing") {
            // `with one poster writing`: the phrase right before; `…, saying`,
            // `whilst promising`: the sentence's subject, taken only when it
            // is plainly a name or a pronoun.
            if let Some((a, b)) = self.np_backward_from(k, start) {
                if a > start && self.tok(a - 1).eq_ignore_ascii_case("with") {
                    return Some((a, b));
                }
            }
            return self.sentence_subject(start, v);
        }
        // An apposition: `Jeff Rathke, a State Department spokesman, said`.
        if self.tok(k - 1) == "," {
            let lo = start.max(k.saturating_sub(16));
            let c = (lo..k - 1).rev().find(|&m| self.tok(m) == ",")?;
            k = c;
            if k == start {
                return None;
            }
        }
        self.np_backward_from(k, start)
    }

    /// The noun phrase ending right before token `k` (not before `start`).
    fn np_backward_from(&self, mut k: usize, start: usize) -> Option<(usize, usize)> {
        if k <= start {
            return None;
        }
        let last = k - 1;
        if self.is_word(last) && self.pronoun(self.tok(last)) {
            return Some((last, last));
        }
        let mut first = None;
        while k > start && last + 1 - k < MAX_NP {
            let t = k - 1;
            match self.kind(t) {
                TokenKind::Word => {
                    let w = self.tok(t);
                    if self.stop(w) || self.tables.is_cue(w) || self.pronoun(w) {
                        break;
                    }
                }
                TokenKind::Number => {}
                TokenKind::Punct if self.tok(t) == "-" && t > start && self.is_word(t - 1) => {}
                TokenKind::Quote if t > start && self.possessive_apostrophe(t) => {}
                _ => break,
            }
            first = Some(t);
            k -= 1;
        }
        let first = first?;
        if !matches!(self.kind(first), TokenKind::Word | TokenKind::Number) {
            return None;
        }
        if (first..=last).all(|t| self.determiner(self.tok(t))) {
            return None;
        }
        // A lower-case phrase without a determiner is rarely a speaker
        // (`the war was coming`); names and titled phrases are: `team
        // member Rodaba Noori` gives the name.
        let upper = |t: usize| self.tok(t).chars().next().is_some_and(char::is_uppercase);
        let w = self.tok(first);
        let mut first = first;
        if !upper(first) && !self.determiner(w) && self.kind(first) != TokenKind::Number {
            first = (first..=last).find(|&t| upper(t))?;
        }
        Some((first, last))
    }

    /// The subject at the start of the sentence `[start, v)`: a pronoun or a
    /// run of capitalised words followed by a verb-like lower-case word.
    fn sentence_subject(&self, start: usize, v: usize) -> Option<(usize, usize)> {
        if start >= v || !self.is_word(start) {
            return None;
        }
        if self.pronoun(self.tok(start)) {
            return Some((start, start));
        }
        if self.determiner(self.tok(start)) {
            // `The defeat forced…`: where the phrase ends is not plain.
            return None;
        }
        let mut k = start;
        while k < v
            && self.is_word(k)
            && self.tok(k).chars().next().is_some_and(char::is_uppercase)
            && k - start < MAX_NP
        {
            k += 1;
        }
        (k > start && k < v && self.is_word(k) && self.tok(k).chars().next().is_some_and(char::is_lowercase))
            .then(|| (start, k - 1))
    }

    /// Who speaks in `to say`, `to tell` (the `to` at token `to`): the
    /// object of an earlier `X to …` in the sentence (`prompted Putin to make
    /// use of a speech … to say`), else the sentence's subject (`He wanted
    /// to say`).
    fn infinitive_subject(&self, to: usize, start: usize) -> Option<(usize, usize)> {
        let lo = start.max(to.saturating_sub(WINDOW));
        for k in (lo + 1..=to).rev() {
            if !self.tok(k).eq_ignore_ascii_case("to") || !self.is_word(k - 1) {
                continue;
            }
            let x = self.tok(k - 1);
            if matches!(x, "him" | "her" | "them") {
                return Some((k - 1, k - 1));
            }
            if x.chars().next().is_some_and(char::is_uppercase) && k - 1 > start {
                // The run of capitalised words before `to`: `Boris Johnson`.
                let mut a = k - 1;
                while a > start
                    && k - a < MAX_NP
                    && self.is_word(a - 1)
                    && self.tok(a - 1).chars().next().is_some_and(char::is_uppercase)
                {
                    a -= 1;
                }
                return Some((a, k - 1));
            }
        }
        self.sentence_subject(start, to)
    }

    /// A reporting clause starting at `j`: `she said`, `said the minister`,
    /// `Smith, 45, told`, `the minister has said`.
    fn cue_clause(&self, j: usize, end: usize) -> Option<Found> {
        if j >= end {
            return None;
        }
        if self.cue_at(j, end) {
            let (a, b) = self.np_forward(j + 1, end)?;
            return Some(Found { speaker: self.span(a, b), cue: self.span(j, j) });
        }
        let (a, b) = self.np_forward(j, end)?;
        let mut k = b + 1;
        // An apposition: `Smith, 45, told reporters`, `Jones, the mayor, said`.
        if k < end && self.tok(k) == "," {
            if let Some(c) = (k + 1..end.min(k + 16)).find(|&m| self.tok(m) == ",") {
                if c + 1 < end && (self.is_cue(c + 1) || self.is_word(c + 1) && is_aux_or_adverb(self.tok(c + 1))) {
                    k = c + 1;
                }
            }
        }
        let mut skipped = 0;
        while k < end && skipped < 3 && self.is_word(k) && !self.is_cue(k) && is_aux_or_adverb(self.tok(k)) {
            k += 1;
            skipped += 1;
        }
        (k < end && self.is_cue(k)).then(|| Found { speaker: self.span(a, b), cue: self.span(k, k) })
    }

    /// `according to X` in tokens `[a, b)`.
    fn according_to(&self, a: usize, b: usize) -> Option<Found> {
        (a..b.saturating_sub(2)).find_map(|k| {
            if !self.tok(k).eq_ignore_ascii_case("according") || !self.tok(k + 1).eq_ignore_ascii_case("to") {
                return None;
            }
            let (s, e) = self.np_forward(k + 2, b)?;
            Some(Found { speaker: self.span(s, e), cue: self.span(k, k + 1) })
        })
    }

    /// The reporting verb nearest before the opening mark in its sentence,
    /// with its subject.
    fn before_open(&self, open: usize, start: usize, end: usize) -> Option<Found> {
        let lo = start.max(open.saturating_sub(WINDOW));
        for v in (lo..open).rev() {
            if !self.cue_at(v, end) {
                continue;
            }
            if self.de {
                if let Some((a, b)) = self.german_subject(v, start, open) {
                    return Some(Found { speaker: self.span(a, b), cue: self.span(v, v) });
                }
            }
            if v > start && self.tok(v - 1).eq_ignore_ascii_case("to") {
                if let Some((a, b)) = self.infinitive_subject(v - 1, start) {
                    return Some(Found { speaker: self.span(a, b), cue: self.span(v, v) });
                }
                continue;
            }
            if let Some((a, b)) = self.np_backward(v, start) {
                // Naming verbs also head modifiers (`a group called ‘…’`):
                // their subject must look like one (a capital).
                if !is_naming_verb(self.tok(v)) || self.tok(a).chars().next().is_some_and(char::is_uppercase) {
                    return Some(Found { speaker: self.span(a, b), cue: self.span(v, v) });
                }
            }
            // Inverted, right before the quote and with nothing before it
            // that could be its subject: `Said one resident: “…`.
            let clause_start = v == start || matches!(self.kind(v - 1), TokenKind::Punct | TokenKind::Quote);
            if let Some((a, b)) = self.np_forward(v + 1, open).filter(|_| clause_start) {
                let np_like = self.tok(a).chars().next().is_some_and(char::is_uppercase) || self.determiner(self.tok(a));
                if b + 2 == open && matches!(self.tok(b + 1), ":" | ",") && np_like {
                    return Some(Found { speaker: self.span(a, b), cue: self.span(v, v) });
                }
            }
        }
        None
    }

    /// German word order: the subject after the verb when the verb is
    /// followed by a pronoun (`sagte er`) or when something else opens the
    /// clause (`Vor Gericht sagte der Angeklagte`, `Weiter erklärte Müller`).
    /// `None` leaves the subject to the reading before the verb.
    fn german_subject(&self, v: usize, start: usize, open: usize) -> Option<(usize, usize)> {
        let de = &self.tables.de;
        if v + 1 < open && self.is_word(v + 1) && self.pronoun(self.tok(v + 1)) {
            return Some((v + 1, v + 1));
        }
        // The first token of the verb's clause, after a conjunction.
        let lo = start.max(v.saturating_sub(WINDOW));
        let mut c = (lo..v)
            .rev()
            .find(|&k| matches!(self.tok(k), "," | ":" | ";" | "." | "(" | "\u{2013}" | "\u{2014}"))
            .map_or(lo, |k| k + 1);
        // (A quotation's closing mark after its final stop is no part of
        // the clause: `„…“ Wörtlich sagte er`.)
        while c < v && self.kind(c) == TokenKind::Quote {
            c += 1;
        }
        if c < v && matches!(self.tok(c), "Doch" | "Aber" | "Und" | "Denn" | "doch" | "aber" | "und" | "denn") {
            c += 1;
        }
        if c >= v {
            // The verb opens its clause after a quotation: `„…“, zitiert die
            // Zeitung den Minister` (after an apposition's comma, `Müller,
            // der Sprecher, sagte`, the subject is before).
            let after_quote = v >= 2 && self.tok(v - 1) == "," && self.kind(v - 2) == TokenKind::Quote;
            if !after_quote {
                return None;
            }
            let (a, b) = self.np_forward(v + 1, open)?;
            return (self.is_upper(a) || self.determiner(self.tok(a))).then_some((a, b));
        }
        // The finite verb: an auxiliary when the reporting verb is a
        // participle at the end (`Die Polizei hat … mitgeteilt`).
        let f = (c + 1..v).find(|&k| self.is_word(k) && de.auxiliary.contains(self.tok(k))).unwrap_or(v);
        let limit = if f == v { open } else { v };
        if f + 1 < limit && self.is_word(f + 1) && self.pronoun(self.tok(f + 1)) {
            return Some((f + 1, f + 1));
        }
        // An adverb in front of the verb, known (`Weiter`, `Am Montag`) or
        // read from its ending before a subject with an article (`Kritisch
        // bewertet die Partei`).
        let adverb_like = |k: usize| {
            let w = self.tok(k);
            k + 1 == v
                && v + 1 < limit
                && self.determiner(self.tok(v + 1))
                && ["lich", "isch", "ig", "weise"].iter().any(|e| w.ends_with(e))
        };
        if self.is_word(c) && (Tables::in_set(&de.fronted, self.tok(c)) || adverb_like(c)) {
            let (a, b) = self.np_forward(f + 1, limit)?;
            return (self.is_upper(a) || self.determiner(self.tok(a))).then_some((a, b));
        }
        if f < v {
            // `Der Wirtschaftsrat der CDU hatte … gefordert`.
            return self.np_backward_from(f, c).filter(|&(a, _)| a == c);
        }
        None
    }

    /// A German reporting verb after the quote at the end of its clause
    /// (`Die Partei hatte die „maroden Systeme“ kritisiert.`), with its subject.
    fn cue_after_close(&self, close: usize, start: usize, end: usize) -> Option<Found> {
        (close + 1..end.min(close + 1 + WINDOW)).find_map(|v| {
            // Not a participle used as an adjective: `die als „…“ bezeichnete Koalition`.
            if !self.cue_at(v, end) || v == close + 1 && v + 1 < end && self.is_word(v + 1) && self.is_upper(v + 1) {
                return None;
            }
            let (a, b) = self.german_subject(v, start, v)?;
            Some(Found { speaker: self.span(a, b), cue: self.span(v, v) })
        })
    }

    /// German attributions without a verb in `[a, b)`: `, so X,` (`so X.`)
    /// and, unless `after` (the tokens after a quote), `laut X`.
    fn german_source(&self, a: usize, b: usize, after: bool) -> Option<Found> {
        (a..b).find_map(|k| {
            if !self.is_word(k) {
                return None;
            }
            let w = self.tok(k);
            let so = w == "so" && k > a && self.tok(k - 1) == ",";
            if !(so || !after && w.eq_ignore_ascii_case("laut")) {
                return None;
            }
            let (s, e) = self.np_forward(k + 1, b)?;
            // `, so X,` is a parenthesis of its own: X ends at a comma or a stop.
            let closed = e + 1 >= b || matches!(self.tok(e + 1), "," | "." | "!" | "?" | ";" | ")");
            ((self.is_upper(s) || self.determiner(self.tok(s))) && (!so || closed))
                .then(|| Found { speaker: self.span(s, e), cue: self.span(k, k) })
        })
    }

    /// The source in brackets right after a quote: `„…“ (Deutsche Bahn).`
    fn bracket_source(&self, close: usize, end: usize) -> Option<Found> {
        if close + 3 >= end || self.tok(close + 1) != "(" {
            return None;
        }
        let r = (close + 2..end.min(close + 3 + MAX_NP)).find(|&k| self.tok(k) == ")")?;
        let name = (close + 2..r).all(|k| match self.kind(k) {
            TokenKind::Word => self.is_upper(k) || k > close + 2 && self.tok(k - 1) == "-",
            TokenKind::Punct => self.tok(k) == "-",
            _ => false,
        });
        (name && r > close + 2).then(|| Found { speaker: self.span(close + 2, r - 1), cue: self.span(close + 1, close + 1) })
    }

    /// A speaker named before a colon with no verb, as German copy sets a
    /// statement: `Steinbrück: „…“`, `Die Vorsitzende des Verbands, Anna
    /// Schmidt: „…“`. The clause must read as a noun phrase: capitalised
    /// words, determiners, `von`, commas and brackets.
    fn colon_speaker(&self, open: usize, start: usize) -> Option<Found> {
        if open == 0 || self.tok(open - 1) != ":" {
            return None;
        }
        let colon = open - 1;
        let lo = start.max(colon.saturating_sub(2 * MAX_NP + 1));
        let c = match (lo..colon).rev().find(|&k| matches!(self.tok(k), "." | ":" | ";" | "!" | "?")) {
            Some(k) => k + 1,
            None if lo == start => start,
            None => return None,
        };
        if c >= colon || colon - c > 2 * MAX_NP || !self.is_word(c) || !self.is_upper(c) {
            return None;
        }
        let np_like = (c..colon).all(|k| match self.kind(k) {
            TokenKind::Word => {
                let w = self.tok(k);
                self.is_upper(k) || self.determiner(w) || matches!(w, "von" | "vom" | "van" | "de" | "und")
            }
            TokenKind::Number => true,
            TokenKind::Punct => matches!(self.tok(k), "," | "(" | ")" | "-"),
            _ => false,
        });
        (np_like && !(c..colon).any(|k| self.is_cue(k)))
            .then(|| Found { speaker: self.span(c, colon - 1), cue: self.span(colon, colon) })
    }

    /// A reporting clause after a comma later in the sentence that runs to
    /// its end: `The plan was a ‘farce’, the minister said.`
    fn sentence_final(&self, from: usize, end: usize) -> Option<Found> {
        let hi = end.min(from + WINDOW);
        (from..hi).find_map(|k| {
            if self.tok(k) != "," {
                return None;
            }
            let f = self.cue_clause(k + 1, end)?;
            // The clause must end the sentence (or the sentence goes on with
            // a comma or a preposition: `she said on Monday`).
            let after = self.doc.tokens[k + 1..end]
                .iter()
                .position(|t| t.start >= f.cue.end.max(f.speaker.end))
                .map(|p| p + k + 1);
            match after {
                None => Some(f),
                Some(m) if self.kind(m) == TokenKind::Punct || self.stop(self.tok(m)) => Some(f),
                _ => None,
            }
        })
    }
}

/// Kind, speaker and cue of each piece.
pub(crate) fn attribute(doc: &Doc, pieces: &[Piece]) -> Vec<Attr> {
    let tables = Tables::get();
    let cx = Ctx { doc, tables, de: false };
    let mut group_size = vec![0usize; pieces.len()];
    for p in pieces {
        group_size[p.group] += 1;
    }
    let mut out: Vec<Attr> = pieces
        .iter()
        .map(|p| {
            let cx = Ctx { doc, tables, de: tables.reported_fragments(p.marks) };
            let (mut found, after_attr) = if p.depth == 0 { own_attribution(&cx, p) } else { (None, false) };
            let mut kind = kind_of(&cx, p, group_size[p.group] > 1, after_attr);
            if cx.de && p.depth == 0 {
                if kind == QuoteKind::Partial && reported_fragment(&cx, p) {
                    kind = QuoteKind::Direct;
                } else if kind == QuoteKind::Direct
                    && found.is_none()
                    && !after_attr
                    && group_size[p.group] == 1
                    && !p.continued
                    && title_like(&cx, p)
                {
                    kind = QuoteKind::Partial;
                }
                if kind == QuoteKind::Direct && found.is_none() {
                    found = previous_sentence_speaker(&cx, p);
                }
            }
            Attr { kind, speaker: found.as_ref().map(|f| f.speaker), cue: found.map(|f| f.cue) }
        })
        .collect();

    // The pieces of a quotation share the first speaker found for it.
    let mut group_attr: Vec<Option<(Span, Option<Span>)>> = vec![None; pieces.len()];
    for (p, a) in pieces.iter().zip(&out) {
        if let (Some(s), None) = (a.speaker, group_attr[p.group]) {
            group_attr[p.group] = Some((s, a.cue));
        }
    }
    // A quote that goes on from the previous speaker: an unattributed direct
    // piece in the same paragraph as an attributed one, or opening the next.
    let mut last: Option<(Span, usize)> = None;
    for (i, p) in pieces.iter().enumerate() {
        if p.depth > 0 {
            continue;
        }
        if out[i].speaker.is_none() {
            if let Some((s, c)) = group_attr[p.group] {
                out[i].speaker = Some(s);
                out[i].cue = c;
            }
        }
        match (out[i].speaker, last) {
            (Some(s), _) => last = Some((s, p.line)),
            (None, _) if out[i].kind != QuoteKind::Direct => {}
            (None, Some((s, line))) if continues_speaker(&cx, p, line) => {
                out[i].speaker = Some(s);
                if group_attr[p.group].is_none() {
                    group_attr[p.group] = Some((s, None));
                }
                last = Some((s, p.line));
            }
            _ => last = None,
        }
    }
    out
}

/// An unattributed quote goes on from the speaker of the quote before (in
/// line `last_line`) when it opens its paragraph, the next one, or follows
/// that quote's sentence in the same paragraph (`“…,” he said. “…”`), not
/// when the writer introduces it (`Jones disagreed: “…”`).
fn continues_speaker(cx: &Ctx, p: &Piece, last_line: usize) -> bool {
    let line = &cx.doc.lines[p.line];
    if p.open_tok == line.start {
        return p.line <= last_line + 1;
    }
    p.line == last_line && is_terminal(cx.tok(p.open_tok - 1))
}

fn starts_sentence(cx: &Ctx, p: &Piece) -> bool {
    let line = &cx.doc.lines[p.line];
    p.open_tok == line.start || is_terminal(cx.tok(p.open_tok - 1)) || cx.sentence(p.open_tok, p.line).0 == p.open_tok
}

/// The piece's own attribution, and whether it came right after the
/// closing mark (`“…,” she said`).
fn own_attribution(cx: &Ctx, p: &Piece) -> (Option<Found>, bool) {
    let line = &cx.doc.lines[p.line];
    let (s_start, s_end) = cx.sentence(p.open_tok, p.line);
    if let Some(c) = p.close_tok {
        let mut j = c + 1;
        if j < line.end && matches!(cx.tok(j), "," | "\u{2014}" | "\u{2013}") {
            j += 1;
        }
        // Right after the quote, possibly in the next sentence as the
        // segmenter sees it (`“We won.” Smith said.`).
        let end = line.end.min(j + 2 * MAX_NP + 8);
        if let Some(f) = cx.cue_clause(j, end) {
            return (Some(f), true);
        }
    }
    let after = p.close_tok.unwrap_or(p.last_tok) + 1;
    let (_, c_end) = if after < line.end { cx.sentence(after.min(line.end - 1), p.line) } else { (s_start, s_end) };
    if cx.de {
        if let Some(c) = p.close_tok {
            // `„…“, so die Polizei.` right after the quote, or `„…“
            // (Polizei Berlin).` in brackets.
            if let Some(f) = cx.german_source(c + 1, (c + 3).min(line.end), true).or_else(|| cx.bracket_source(c, line.end)) {
                return (Some(f), true);
            }
            // `, so X,` elsewhere in the sentence: `Es sei, so die Polizei, „…“`.
            let lo = s_start.max(p.open_tok.saturating_sub(WINDOW));
            if let Some(f) = cx
                .german_source(c + 1, c_end.min(c + 1 + WINDOW), true)
                .or_else(|| cx.german_source(lo, p.open_tok, true))
            {
                return (Some(f), false);
            }
        }
    }
    let found = cx
        .before_open(p.open_tok, s_start, s_end.max(c_end))
        .or_else(|| cx.according_to(after, c_end.min(after + WINDOW)))
        .or_else(|| cx.according_to(s_start.max(p.open_tok.saturating_sub(WINDOW)), p.open_tok))
        .or_else(|| if p.close_tok.is_some() { cx.sentence_final(after, c_end) } else { None })
        .or_else(|| {
            if !cx.de {
                return None;
            }
            cx.german_source(s_start.max(p.open_tok.saturating_sub(WINDOW)), p.open_tok, false)
                .or_else(|| cx.colon_speaker(p.open_tok, s_start))
                .or_else(|| p.close_tok.and_then(|c| cx.cue_after_close(c, s_start, s_end)))
        })
        .or_else(|| colon_paragraph(cx, p));
    (found, false)
}

/// A quotation opening a paragraph after one that ends with a colon: the
/// attribution is that colon's clause (`Der Minister sagte auf Twitter:` /
/// `„…“`).
fn colon_paragraph(cx: &Ctx, p: &Piece) -> Option<Found> {
    let line = &cx.doc.lines[p.line];
    if p.open_tok != line.start || p.line == 0 {
        return None;
    }
    let prev = &cx.doc.lines[p.line - 1];
    let colon = prev.end - 1;
    if cx.tok(colon) != ":" {
        return None;
    }
    let (start, _) = cx.sentence(colon, p.line - 1);
    cx.before_open(colon + 1, start, colon + 1).or_else(|| if cx.de { cx.colon_speaker(colon + 1, start) } else { None })
}

/// For a German fragment with no attribution in its own sentence: the
/// speaker of the reporting verb in the sentence before, in the same
/// paragraph (`Müller betonte, dass … sei. Das sei „nicht hinnehmbar“.`):
/// reported speech goes on in the subjunctive.
fn previous_sentence_speaker(cx: &Ctx, p: &Piece) -> Option<Found> {
    let line = &cx.doc.lines[p.line];
    let (s_start, _) = cx.sentence(p.open_tok, p.line);
    if s_start <= line.start {
        return None;
    }
    let (prev_start, _) = cx.sentence(s_start - 1, p.line);
    cx.before_open(s_start, prev_start, s_start)
}

fn kind_of(cx: &Ctx, p: &Piece, multi: bool, after_attr: bool) -> QuoteKind {
    if multi || p.continued {
        return QuoteKind::Direct;
    }
    let line = &cx.doc.lines[p.line];
    let inner_end = p.close_tok.unwrap_or(p.last_tok + 1);
    let words =
        (p.open_tok + 1..inner_end).filter(|&k| matches!(cx.kind(k), TokenKind::Word | TokenKind::Number)).count();
    let ends_punct = p.close_tok.is_some_and(|c| {
        c > p.open_tok + 1
            && matches!(cx.tok(c - 1).chars().next(), Some('.' | ',' | '!' | '?' | '\u{2026}' | ':' | ';'))
    });
    let prev = (p.open_tok > line.start).then(|| p.open_tok - 1);
    let starts_upper = (p.open_tok + 1..inner_end)
        .find(|&k| matches!(cx.kind(k), TokenKind::Word | TokenKind::Number))
        .is_some_and(|k| cx.tok(k).chars().next().is_some_and(|c| c.is_uppercase() || c.is_numeric()));
    let at_start = starts_sentence(cx, p);
    if at_start {
        if p.close_tok.is_none() || after_attr {
            return QuoteKind::Direct;
        }
        let c = p.close_tok.unwrap_or(p.last_tok);
        // Not attributed, nothing inside ends it, and the writer's sentence
        // goes on: `“Succession” won an Emmy`, `“Minister quits” — The
        // Times`, `“Oppenheimer”, the biopic, won`: a title or a name. (A
        // longer quote before a comma is speech whose cue we do not know.)
        let writer_goes_on = c + 1 < line.end
            && (matches!(cx.kind(c + 1), TokenKind::Word | TokenKind::Number)
                || matches!(cx.tok(c + 1), "\u{2014}" | "\u{2013}" | "-" | "--")
                || cx.tok(c + 1) == "," && words <= 4);
        if writer_goes_on && !ends_punct {
            return QuoteKind::Partial;
        }
        return QuoteKind::Direct;
    }
    let Some(prev) = prev else { return QuoteKind::Direct };
    let prev_w = cx.tok(prev);
    // After a reporting verb, or its clause: `said Smith,`, `told The
    // Huffington Post,`, `sagte er:`.
    let s_start = cx.sentence(p.open_tok, p.line).0;
    let after_cue = cx.is_cue(prev)
        || matches!(prev_w, "," | ":") && (prev.saturating_sub(8).max(s_start)..prev).any(|k| cx.is_cue(k));
    match prev_w {
        ":" if words >= 3 || ends_punct || after_cue => QuoteKind::Direct,
        // `said, “We…`; a lower-case fragment (`told the police, “everything
        // he did”.`) is the writer's sentence going on.
        "," if after_attr || (after_cue && words >= 3 && (ends_punct || words >= 8 || starts_upper)) => {
            QuoteKind::Direct
        }
        "\u{2014}" | "\u{2013}" | "(" if after_attr || ends_punct && words >= 3 => QuoteKind::Direct,
        _ if after_cue && words >= 3 && (ends_punct || p.close_tok.is_none()) => QuoteKind::Direct,
        _ => QuoteKind::Partial,
    }
}

/// The convention of German copy (marks with `reported-fragments`): a
/// verbatim fragment set in a sentence of reported speech is what the
/// speaker said, direct speech (`Er sprach von einem „tragischen Versagen“`,
/// `Es sei „zu früh“`, `bezeichnete den Plan als „Unsinn“`), unless it reads
/// as a name or a title.
fn reported_fragment(cx: &Ctx, p: &Piece) -> bool {
    let Some(close) = p.close_tok else { return false };
    let line = &cx.doc.lines[p.line];
    let (s_start, s_end) = cx.sentence(p.open_tok, p.line);
    // Evidence of reported speech in the sentence, outside the quote.
    let de = &cx.tables.de;
    // A participle right after the quote and before its noun is an
    // adjective (`die als „…“ bezeichnete Koalition`), not a report.
    let attributive = |k: usize| k == close + 1 && k + 1 < s_end && cx.is_word(k + 1) && cx.is_upper(k + 1);
    let (lo, hi) = (s_start.max(p.open_tok.saturating_sub(WINDOW)), s_end.min(close + 1 + WINDOW));
    // A passive with no agent names no speaker (`war als „…“ eingestuft
    // worden`); with one it does (`wird von vielen als „…“ bezeichnet`).
    let passive_aux = |k: usize| cx.is_word(k) && matches!(cx.tok(k), "wird" | "wurde" | "werden" | "wurden" | "worden");
    let agentless = |k: usize| {
        // (`zu betonen` is an infinitive, whatever `wurde` is near.)
        let infinitive = k > lo && cx.tok(k - 1) == "zu";
        let passive = !infinitive && ((k + 1 < hi && passive_aux(k + 1)) || (lo..k).any(passive_aux));
        passive && !(lo..k).any(|m| matches!(cx.tok(m), "von" | "vom" | "seitens"))
    };
    let reported = (lo..hi).filter(|&k| k < p.open_tok || k > close).any(|k| {
        cx.is_word(k)
            && (cx.cue_at(k, s_end) && !attributive(k) && !agentless(k)
                || Tables::in_set(&de.reported, cx.tok(k))
                || cx.tok(k) == "so" && k > s_start && cx.tok(k - 1) == "," && k + 1 < s_end && {
                    let n = cx.tok(k + 1);
                    cx.determiner(n) || cx.is_upper(k + 1)
                })
    });
    reported && !name_like(cx, p, close, s_start, line.end)
}

/// A quote that names something rather than quoting words: a compound
/// (`„Firefox“-Entwickler`), the object of `bezeichnete … als`, after a
/// naming word (`genannt „Big Joe“`,
/// `unter dem Motto „…“`), a title opening with an article (`„Der
/// Spiegel“`), in apposition to a noun (`die Zeitschrift „Radikal“`), or
/// capitalised throughout after a definite article (`der „Süddeutschen
/// Zeitung“`).
fn name_like(cx: &Ctx, p: &Piece, close: usize, s_start: usize, line_end: usize) -> bool {
    let de = &cx.tables.de;
    if close + 1 < line_end && cx.tok(close + 1) == "-" && cx.doc.tokens[close].end == cx.doc.tokens[close + 1].start {
        return true;
    }
    // Words of the quote, the parts of a hyphenated compound counted as one
    // (`HRS-freie Woche`: two words, both capitalised).
    let inner: Vec<usize> = (p.open_tok + 1..close)
        .filter(|&k| cx.is_word(k) && !(k > p.open_tok + 1 && cx.tok(k - 1) == "-"))
        .collect();
    let Some(&first) = inner.first() else { return true };
    let line_start = cx.doc.lines[p.line].start;
    let prev = (p.open_tok > line_start).then(|| p.open_tok - 1);
    let next = (close + 1 < line_end).then(|| close + 1);
    let naming = |k: usize| cx.is_word(k) && Tables::in_set(&de.naming, cx.tok(k));
    // `genannt „…“`, `Motto „…“`, `mit Namen wie „…“`.
    if prev.is_some_and(|k| naming(k) || cx.tok(k) == "wie" && k > line_start && naming(k - 1)) {
        return true;
    }
    // A gloss in brackets, `(„Demokraten“)`, or a name with its acronym,
    // `„militante Gruppe“ (mg)`.
    if prev.is_some_and(|k| cx.tok(k) == "(") && next.is_some_and(|k| cx.tok(k) == ")") {
        return true;
    }
    if next.is_some_and(|k| cx.tok(k) == "(" && k + 2 < line_end && cx.is_word(k + 1) && cx.tok(k + 2) == ")") {
        return true;
    }
    // What a naming verb describes, rather than its words: `bezeichnete den
    // „alten Don“ als Lügner` (the words said follow `als`).
    if next.is_some_and(|k| cx.tok(k) == "als") {
        return true;
    }
    // A term as the subject of the writer's sentence: `„Gentrification“
    // ist ein Begriff`.
    if p.open_tok == s_start && inner.len() == 1 && next.is_some_and(|k| cx.is_word(k)) {
        return true;
    }
    let Some(prev) = prev.filter(|&k| cx.is_word(k)) else { return false };
    let definite = Tables::in_set(&de.definite, cx.tok(prev));
    // A single word after the article that the sentence does not go on
    // from as an adjective: `der „mg“ zu verfassen`, not `die „stärkste“ WM`.
    if definite && inner.len() == 1 && !next.is_some_and(|k| cx.is_word(k) && cx.is_upper(k)) {
        return true;
    }
    if !cx.is_upper(first) {
        return false;
    }
    if cx.determiner(cx.tok(first)) && inner.len() > 1 {
        return true;
    }
    // A noun right before (not the sentence's first word, not a verb).
    if cx.is_upper(prev) && prev > s_start && !cx.is_cue(prev) {
        return true;
    }
    definite && inner.iter().all(|&k| cx.is_upper(k))
}

/// An unattributed quote that German copy sets for a title or a heading,
/// not for words said: after a colon with no final stop inside (`Die
/// Tournee heißt jetzt: „Confessions on a Dance Floor“.`; a quoted sentence
/// keeps its stop inside the marks), or a lone word standing as its own
/// sentence (`»Linksammlung«`).
fn title_like(cx: &Ctx, p: &Piece) -> bool {
    let Some(close) = p.close_tok else { return false };
    let line = &cx.doc.lines[p.line];
    // (Past the closing marks of quotes nested at its end: `… habe‘“`.)
    let mut last = close - 1;
    while last > p.open_tok && cx.kind(last) == TokenKind::Quote {
        last -= 1;
    }
    let ends_stop = last > p.open_tok && matches!(cx.tok(last).chars().next(), Some('.' | '!' | '?' | '\u{2026}'));
    if ends_stop {
        return false;
    }
    let after_colon = p.open_tok > line.start && cx.tok(p.open_tok - 1) == ":";
    let words = (p.open_tok + 1..close).filter(|&k| matches!(cx.kind(k), TokenKind::Word | TokenKind::Number)).count();
    let lone = words == 1
        && close - p.open_tok == 2
        && starts_sentence(cx, p)
        && (close + 1 >= line.end || is_terminal(cx.tok(close + 1)));
    (after_colon && words <= 8 && colon_paragraph_free(cx, p)) || lone
}

/// No reporting verb in the clause before the colon that opens the quote.
fn colon_paragraph_free(cx: &Ctx, p: &Piece) -> bool {
    let line = &cx.doc.lines[p.line];
    let lo = line.start.max(p.open_tok.saturating_sub(WINDOW));
    let (s_start, s_end) = cx.sentence(p.open_tok, p.line);
    !(lo.max(s_start)..p.open_tok).any(|k| cx.is_word(k) && cx.cue_at(k, s_end))
}
