//! Pairing: the role of each quote mark and the pieces it delimits.
//!
//! One pass over the quote tokens, paragraph by paragraph (a paragraph is a
//! line). A stack holds the open quotations. Each mark is classified from what
//! touches it on either side ([`Side`]) and from the stack:
//!
//! * a mark that matches an open quotation near the top of the stack closes
//!   it, unless it is an apostrophe: `’`/`'` after a letter and before a word
//!   (`the students’ fault`) is held as a *pending* close and decided later —
//!   a clear closing mark further on (`fault,’ he said`) makes it an
//!   apostrophe, while the end of the paragraph, a new opening mark of the
//!   same kind or the close of an enclosing quotation makes it the close;
//! * otherwise a mark that can open (by its pair table and its sides) opens,
//!   except leading apostrophes (`’em`, `rock ’n’ roll`) and foot signs;
//! * anything else (apostrophes, unmatched closing marks) is not a quote.
//!
//! At the end of a paragraph a quotation still open is continued when the
//! next paragraph opens with the same mark (skipping up to three lines of page
//! furniture such as newsletter promos); otherwise it ends there, unclosed.
//!
//! Only the top [`MATCH_DEPTH`] entries are searched and the stack is capped at
//! [`MAX_DEPTH`], so the pass is linear in the number of tokens whatever the
//! input.

use super::marks::{self, Side, Tables};
use super::Doc;
use crate::token::TokenKind;

/// How deep below the top of the stack a closing mark may find its opener.
const MATCH_DEPTH: usize = 4;
/// Openers beyond this depth are ignored (news nests two or three deep).
const MAX_DEPTH: usize = 32;
/// Lines of page furniture a multi-paragraph quotation may run across.
pub(crate) const MAX_INTERRUPTION: usize = 3;

/// A quotation piece while the stage works on it (token indices).
#[derive(Clone, Debug)]
pub(crate) struct Piece {
    pub open_tok: usize,
    pub close_tok: Option<usize>,
    /// Last token of the piece: the closing mark, or the last token before
    /// the paragraph end (or before whatever cut the piece short).
    pub last_tok: usize,
    pub line: usize,
    /// Provisional group: index of the group's first piece.
    pub group: usize,
    pub parent: Option<usize>,
    pub depth: usize,
    pub marks: &'static str,
    pub alive: bool,
    /// The quotation goes on in a later paragraph.
    pub continued: bool,
}

enum Role {
    Close,
    Pending,
    Apostrophe,
}

struct Open {
    piece: usize,
    tok: usize,
    ch: char,
    /// First apostrophe-or-close mark seen for this entry (token index).
    pending: Option<usize>,
}

struct Pairer<'d, 'a> {
    doc: &'d Doc<'a>,
    tables: &'static Tables,
    pieces: Vec<Piece>,
    stack: Vec<Open>,
    /// A quotation to be continued: (group, opening mark, furniture lines left).
    cont: Option<(usize, char, usize)>,
    /// A token already decided not to be a quote (the second mark of `’n’`, an inch sign).
    skip: usize,
}

pub(crate) fn pair(doc: &Doc) -> Vec<Piece> {
    let mut p =
        Pairer { doc, tables: Tables::get(), pieces: Vec::new(), stack: Vec::new(), cont: None, skip: usize::MAX };
    for li in 0..doc.lines.len() {
        let line = &doc.lines[li];
        if let Some((g, ch, left)) = p.cont {
            let continues = doc.tokens[line.start].kind == TokenKind::Quote && doc.first_char(line.start) == ch;
            if !continues {
                p.cont = if left > 0 && doc.is_furniture(li) { Some((g, ch, left - 1)) } else { None };
            }
        }
        for i in line.start..line.end {
            if doc.tokens[i].kind == TokenKind::Quote && i != p.skip {
                p.mark(i, li);
            }
        }
        p.end_line(li);
    }
    p.pieces
}

impl Pairer<'_, '_> {
    fn left_side(&self, i: usize) -> Side {
        let t = self.doc.tokens[i];
        marks::side(self.doc.text[..t.start].chars().next_back())
    }

    fn right_side(&self, i: usize) -> Side {
        let t = self.doc.tokens[i];
        marks::side(self.doc.text[t.end..].chars().next())
    }

    /// Token `j` exists, is in line `li` and is a word.
    fn word_at(&self, j: usize, li: usize) -> Option<&str> {
        let line = &self.doc.lines[li];
        (j >= line.start && j < line.end && self.doc.tokens[j].kind == TokenKind::Word).then(|| self.doc.tok(j))
    }

    fn adjacent(&self, a: usize, b: usize) -> bool {
        self.doc.tokens[a].end == self.doc.tokens[b].start
    }

    fn mark(&mut self, i: usize, li: usize) {
        let c = self.doc.first_char(i);
        let left = self.left_side(i);
        let right = self.right_side(i);
        if self.is_foot_or_inch(i, c, li) {
            return;
        }
        // A leading apostrophe: ’em, 'til, rock ’n’ roll.
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}') && matches!(left, Side::Space | Side::Open | Side::Quote) {
            if let Some(w) = self.word_at(i + 1, li).filter(|_| self.adjacent(i, i + 1)) {
                if self.tables.is_elision(w) {
                    if w == "n" && i + 2 < self.doc.lines[li].end && self.adjacent(i + 1, i + 2) {
                        self.skip = i + 2;
                    }
                    return;
                }
            }
        }
        // Not a pure opening position: may close.
        let opening_position =
            matches!(left, Side::Space | Side::Open) && !matches!(right, Side::Space | Side::Close | Side::Quote);
        if !opening_position {
            if let Some(k) = self.matching_entry(c) {
                if marks::is_apostrophe_like(c) && left == Side::Alnum {
                    // After a letter, ’ closes only the innermost quotation
                    // (`“the Smiths’.”` inside ‘…’ is an apostrophe).
                    if k + 1 != self.stack.len() {
                        return;
                    }
                    match self.apostrophe_role(i, c, li) {
                        Role::Close => {}
                        Role::Pending => {
                            if self.stack[k].pending.is_none() {
                                self.stack[k].pending = Some(i);
                            }
                            return;
                        }
                        Role::Apostrophe => return,
                    }
                }
                self.close_entry(k, i, Some(c));
                return;
            }
            // An opening mark set where the closing one belongs (`“Yes,“ he
            // said`, a common slip): the same mark cannot nest in itself, so
            // in a closing position it closes.
            let closing_position = matches!(left, Side::Alnum | Side::Close | Side::Quote)
                && matches!(right, Side::Space | Side::Close | Side::Quote);
            if closing_position && !marks::is_apostrophe_like(c) && self.stack.last().is_some_and(|e| e.ch == c) {
                self.close_entry(self.stack.len() - 1, i, Some(c));
                return;
            }
        }
        if self.can_open(i, c, left, right) {
            self.open(i, c, li);
        }
    }

    /// The stack entry (index) that mark `c` can close, searching the top few.
    fn matching_entry(&self, c: char) -> Option<usize> {
        let n = self.stack.len();
        (n.saturating_sub(MATCH_DEPTH)..n).rev().find(|&k| self.tables.closes(self.stack[k].ch, c))
    }

    /// `’`/`'` after a letter, with a quotation open that it could close:
    /// before a word it is undecided (`the students’ fault` or `a ‘serious
    /// possibility’ that`) unless an attribution follows (`’ he said`);
    /// before punctuation and the same mark (`the Joneses’.’`) it is an
    /// apostrophe; otherwise it closes.
    fn apostrophe_role(&self, i: usize, c: char, li: usize) -> Role {
        let line = &self.doc.lines[li];
        let toks = self.doc.tokens;
        match self.right_side(i) {
            Side::Space => {}
            Side::Close => {
                let same_mark_follows = i + 2 < line.end
                    && self.adjacent(i, i + 1)
                    && self.adjacent(i + 1, i + 2)
                    && toks[i + 2].kind == TokenKind::Quote
                    && self.doc.first_char(i + 2) == c;
                return if same_mark_follows { Role::Apostrophe } else { Role::Close };
            }
            _ => return Role::Close,
        }
        let j = i + 1;
        if j >= line.end || !matches!(toks[j].kind, TokenKind::Word | TokenKind::Number) {
            return Role::Close;
        }
        let w = self.doc.tok(j);
        if self.tables.is_cue(w) || w.eq_ignore_ascii_case("according") {
            return Role::Close;
        }
        if super::attribution::is_pronoun(w) && j + 1 < line.end && self.tables.is_cue(self.doc.tok(j + 1)) {
            return Role::Close;
        }
        Role::Pending
    }

    fn can_open(&self, i: usize, c: char, left: Side, right: Side) -> bool {
        if !self.tables.opens(c) || self.stack.len() >= MAX_DEPTH {
            return false;
        }
        if marks::only_opens(c) {
            return right != Side::Space || left == Side::Space;
        }
        if right == Side::Space && !marks::spaced_ok(c) {
            return false;
        }
        if right == Side::Space && left != Side::Space {
            return false;
        }
        let left_ok = match left {
            Side::Space | Side::Open | Side::Quote | Side::Other => true,
            // said:“We — a missing space after a colon or comma.
            Side::Close => {
                !self.tables.closes(c, c) && right == Side::Alnum && matches!(self.doc.prev_char(i), Some(':' | ','))
            }
            Side::Alnum => false,
        };
        if !left_ok {
            return false;
        }
        if c == '\u{2019}' {
            // ’ opens (Swedish style, or a typo for ‘) only before a capital and
            // when the text does not already use ‘’.
            let next_upper = self.doc.text[self.doc.tokens[i].end..].chars().next().is_some_and(char::is_uppercase);
            return next_upper && !self.stack.iter().any(|e| e.ch == '\u{2018}');
        }
        true
    }

    fn open(&mut self, i: usize, c: char, li: usize) {
        // A mark of the same kind cannot nest directly in itself: the one on
        // top ends here (at its pending close if it has one).
        if let Some(top) = self.stack.last() {
            if top.ch == c {
                let k = self.stack.len() - 1;
                if let Some(p) = top.pending {
                    self.close_entry(k, p, None);
                } else {
                    self.cut_entry(k, i);
                }
            }
        }
        let mut group = self.pieces.len();
        if let Some((g, ch, _)) = self.cont {
            if ch == c && i == self.doc.lines[li].start && self.stack.is_empty() {
                group = g;
            }
            self.cont = None;
        }
        let parent = self.stack.last().map(|e| e.piece);
        let depth = self.stack.len();
        self.pieces.push(Piece {
            open_tok: i,
            close_tok: None,
            last_tok: i,
            line: li,
            group,
            parent,
            depth,
            marks: self.tables.marks(c, None),
            alive: true,
            continued: false,
        });
        self.stack.push(Open { piece: self.pieces.len() - 1, tok: i, ch: c, pending: None });
    }

    /// Closes stack entry `k` at mark `i` (its pending close when `c` is
    /// `None`); entries above it are resolved first.
    fn close_entry(&mut self, k: usize, i: usize, c: Option<char>) {
        while self.stack.len() > k + 1 {
            let top = self.stack.len() - 1;
            match self.stack[top].pending {
                Some(p) if p < i => self.close_entry(top, p, None),
                _ => self.drop_entry(top),
            }
        }
        let e = self.stack.pop().expect("entry");
        let close_char = c.unwrap_or_else(|| self.doc.first_char(i));
        let piece = &mut self.pieces[e.piece];
        piece.close_tok = Some(i);
        piece.last_tok = i;
        piece.marks = self.tables.marks(e.ch, Some(close_char));
        if c.is_none() {
            // Closed at a pending mark: pieces opened after it are not inside.
            self.reparent_after(e.piece, i);
        }
    }

    /// An opener inside a quotation that closed without closing it: not a quote.
    fn drop_entry(&mut self, k: usize) {
        let e = self.stack.remove(k);
        self.pieces[e.piece].alive = false;
        self.reparent_after(e.piece, e.tok);
    }

    /// Ends stack entry `k` unclosed before token `i`.
    fn cut_entry(&mut self, k: usize, i: usize) {
        while self.stack.len() > k {
            let e = self.stack.pop().expect("entry");
            let piece = &mut self.pieces[e.piece];
            piece.last_tok = i.saturating_sub(1).max(e.tok);
        }
    }

    /// Pieces opened after token `after` that had `piece` as parent move up a
    /// level. Only pieces created while `piece` was open are looked at, and a
    /// piece has at most [`MAX_DEPTH`] open ancestors: linear overall.
    fn reparent_after(&mut self, piece: usize, after: usize) {
        let parent = self.pieces[piece].parent;
        let first = self.pieces[piece + 1..].partition_point(|q| q.open_tok <= after) + piece + 1;
        for idx in first..self.pieces.len() {
            if self.pieces[idx].parent == Some(piece) {
                self.pieces[idx].parent = parent;
            }
            self.pieces[idx].depth = self.pieces[idx].parent.map_or(0, |p| self.pieces[p].depth + 1);
        }
    }

    /// Feet and inches: `6' 2"`, `6’2”`, `5′ 10″`.
    fn is_foot_or_inch(&mut self, i: usize, c: char, li: usize) -> bool {
        let line = &self.doc.lines[li];
        let toks = self.doc.tokens;
        if i == line.start || toks[i - 1].kind != TokenKind::Number || !self.adjacent(i - 1, i) {
            return false;
        }
        // 6'2": the tokenizer reads '2 as a number ('90s).
        if marks::is_double_mark(c) && i >= line.start + 2 {
            let num = self.doc.tok(i - 1);
            if num.starts_with(|ch: char| marks::is_single_mark(ch))
                && toks[i - 2].kind == TokenKind::Number
                && self.adjacent(i - 2, i - 1)
            {
                return true;
            }
        }
        if marks::is_single_mark(c) && i + 2 < line.end {
            let gap = &self.doc.text[toks[i].end..toks[i + 1].start];
            if toks[i + 1].kind == TokenKind::Number
                && gap.len() <= 1
                && toks[i + 2].kind == TokenKind::Quote
                && marks::is_double_mark(self.doc.first_char(i + 2))
                && self.adjacent(i + 1, i + 2)
            {
                self.skip = i + 2;
                return true;
            }
        }
        false
    }

    /// Whether the quotation opened at token `tok` reads as direct speech
    /// opening: at the start of its paragraph or sentence, or after `:`/`,`
    /// or a reporting verb.
    fn direct_opening(&self, tok: usize, li: usize) -> bool {
        let line = &self.doc.lines[li];
        if tok == line.start {
            return true;
        }
        let prev = self.doc.tok(tok - 1);
        matches!(prev, ":" | "," | "." | "!" | "?" | "\u{2014}" | "\u{2013}" | "-") || self.tables.is_cue(prev)
    }

    /// Whether paragraph `li + 1` (after at most [`MAX_INTERRUPTION`] lines of
    /// page furniture) opens with mark `ch`.
    fn continues_after(&self, li: usize, ch: char) -> bool {
        let lines = &self.doc.lines;
        for (n, line) in lines[li + 1..].iter().enumerate() {
            if self.doc.tokens[line.start].kind == TokenKind::Quote && self.doc.first_char(line.start) == ch {
                return true;
            }
            if n >= MAX_INTERRUPTION || !self.doc.is_furniture(li + 1 + n) {
                return false;
            }
        }
        false
    }

    fn end_line(&mut self, li: usize) {
        if self.stack.is_empty() {
            return;
        }
        let last = self.doc.lines[li].end - 1;
        // Inner entries first: closed at a pending mark, or left open.
        while self.stack.len() > 1 {
            let k = self.stack.len() - 1;
            self.finish_open_entry(k, last);
        }
        let e = &self.stack[0];
        let (tok, ch, piece) = (e.tok, e.ch, e.piece);
        // With a pending close (`‘The workers’ union…`), a paragraph of the
        // quotation ends like a sentence; a headline (`‘Serious possibility’
        // Belarus could invade`) does not.
        let ends_like_speech = e.pending.is_none()
            || matches!(self.doc.tok(last).chars().next_back(), Some('.' | '!' | '?' | '\u{2026}' | ',' | ':' | ';'));
        if ends_like_speech && self.direct_opening(tok, li) && self.continues_after(li, ch) {
            self.stack.clear();
            let p = &mut self.pieces[piece];
            p.last_tok = last;
            p.continued = true;
            self.cont = Some((p.group, ch, MAX_INTERRUPTION));
        } else {
            self.finish_open_entry(0, last);
        }
    }

    fn finish_open_entry(&mut self, k: usize, last: usize) {
        if let Some(p) = self.stack[k].pending {
            self.close_entry(k, p, None);
        } else {
            let e = self.stack.remove(k);
            self.pieces[e.piece].last_tok = last;
        }
    }
}
