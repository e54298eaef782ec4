//! Character classes for the tokenizer: a 128-entry table for ASCII (the fast
//! path) and Unicode general categories and emoji properties for the rest.

use unicode_properties::{EmojiStatus, GeneralCategory, UnicodeEmoji, UnicodeGeneralCategory};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Space,
    Letter,
    Digit,
    /// Combining marks, variation selectors and format characters (ZWJ, soft
    /// hyphen): they belong to whatever precedes them.
    Mark,
    Quote,
    Punct,
    Symbol,
    Emoji,
    RegionalIndicator,
    /// Controls and unassigned code points: a symbol token each.
    Other,
}

const fn ascii_table() -> [Class; 128] {
    let mut t = [Class::Other; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = match c {
            // Python's str.isspace() also counts the information separators 0x1c-0x1f.
            b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f => Class::Space,
            b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
            b'0'..=b'9' => Class::Digit,
            b'"' | b'\'' => Class::Quote,
            b'$' | b'+' | b'<' | b'=' | b'>' | b'^' | b'`' | b'|' | b'~' => Class::Symbol,
            0x21..=0x7e => Class::Punct,
            _ => Class::Other,
        };
        b += 1;
    }
    t
}

pub static ASCII: [Class; 128] = ascii_table();

/// Quotation marks that are not in the initial/final punctuation categories.
fn is_extra_quote(c: char) -> bool {
    matches!(
        c,
        '\u{201A}' | '\u{201E}' | '\u{300C}'..='\u{300F}' | '\u{301D}'..='\u{301F}' | '\u{FF02}' | '\u{FF07}'
            | '\u{FE41}'..='\u{FE44}' | '\u{2E42}' | '\u{275B}'..='\u{2760}' | '\u{1F676}'..='\u{1F678}'
    )
}

pub fn class_of(c: char) -> Class {
    if (c as u32) < 128 {
        return ASCII[c as usize];
    }
    // The commonest non-ASCII characters of Latin-script news, decided without
    // the property tables (each range is checked against them in the tests):
    // accented letters, dashes, curly quotes, bullets and the ellipsis.
    match c {
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}' => return Class::Letter,
        '\u{2010}'..='\u{2017}' | '\u{2020}'..='\u{2027}' => return Class::Punct,
        '\u{2018}'..='\u{201F}' => return Class::Quote,
        _ => {}
    }
    class_of_slow(c)
}

/// `class_of` from the Unicode property tables.
fn class_of_slow(c: char) -> Class {
    if c.is_whitespace() {
        return Class::Space;
    }
    if matches!(c, '\u{1F1E6}'..='\u{1F1FF}') {
        return Class::RegionalIndicator;
    }
    use GeneralCategory as G;
    match c.general_category() {
        G::UppercaseLetter | G::LowercaseLetter | G::TitlecaseLetter | G::ModifierLetter | G::OtherLetter => {
            Class::Letter
        }
        G::DecimalNumber | G::LetterNumber | G::OtherNumber => Class::Digit,
        G::NonspacingMark | G::SpacingMark | G::EnclosingMark | G::Format => Class::Mark,
        G::InitialPunctuation | G::FinalPunctuation => Class::Quote,
        _ if is_extra_quote(c) => Class::Quote,
        G::ConnectorPunctuation
        | G::DashPunctuation
        | G::OpenPunctuation
        | G::ClosePunctuation
        | G::OtherPunctuation => Class::Punct,
        G::OtherSymbol if is_emoji(c) => Class::Emoji,
        G::MathSymbol | G::CurrencySymbol | G::ModifierSymbol | G::OtherSymbol => Class::Symbol,
        _ => Class::Other,
    }
}

/// A pictographic emoji: presentation as emoji by default, or a modifier base
/// (text-default symbols such as © and ™ stay symbols).
fn is_emoji(c: char) -> bool {
    matches!(
        c.emoji_status(),
        EmojiStatus::EmojiPresentation
            | EmojiStatus::EmojiModifierBase
            | EmojiStatus::EmojiPresentationAndModifierBase
            | EmojiStatus::EmojiPresentationAndEmojiComponent
            | EmojiStatus::EmojiPresentationAndModifierAndEmojiComponent
    ) || matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// Characters that continue an emoji sequence after its base.
pub fn is_emoji_modifier(c: char) -> bool {
    matches!(c, '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}' | '\u{20E3}')
}

pub const ZWJ: char = '\u{200D}';

/// Letters of scripts that UAX #29 segments differently from Latin-script
/// English (Han, Kana, Thai, Hangul, ...): a chunk holding one is segmented by
/// UAX #29 word boundaries instead of the English rules.
pub fn needs_uax29(c: char) -> bool {
    // General Punctuation (curly quotes, dashes) has no letters: no table lookup.
    (c as u32) >= 0x0590 && !matches!(c, '\u{2000}'..='\u{206F}') && c.is_alphabetic() && !matches!(c, '\u{1D00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{FB00}'..='\u{FB06}')
}

#[inline]
pub fn is_upper_start(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

#[inline]
pub fn is_lower_start(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_lowercase)
}

/// `b.is_ascii_alphabetic()` in three instructions: folding to lower case
/// (`| 0x20`) maps `A..=Z` onto `a..=z` and every other byte outside it.
#[inline(always)]
pub fn is_ascii_letter(b: u8) -> bool {
    (b | 0x20).wrapping_sub(b'a') < 26
}

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` that is an ASCII letter (SWAR: eight
/// bytes at once). Each byte is first cut to 7 bits and folded to lower case,
/// so the two additions below never carry into the next byte.
#[inline(always)]
fn ascii_letter_bits(x: u64) -> u64 {
    let y = (x & !HI) | (0x20 * LO);
    let ge_a = y.wrapping_add((0x80 - u64::from(b'a')) * LO);
    let gt_z = y.wrapping_add((0x80 - u64::from(b'z') - 1) * LO);
    ge_a & !gt_z & !x & HI
}

/// The end of the run of ASCII letters that starts at `i`: the index of the
/// first byte from `i` on that is not `[A-Za-z]`, or `bytes.len()`.
#[inline]
pub fn ascii_letters_end(bytes: &[u8], i: usize) -> usize {
    ascii_letters_run(bytes, i).0
}

/// `ascii_letters_end`, and the byte found there (a space at the end of the
/// text), which the caller looks at next: no second load or bounds check.
#[inline(always)]
pub fn ascii_letters_run(bytes: &[u8], mut i: usize) -> (usize, u8) {
    // Eight bytes a step; words are short, so most take one step.
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let other = !ascii_letter_bits(x) & HI;
        if other != 0 {
            // Little-endian: the lowest set bit is the first non-letter.
            let k = other.trailing_zeros() / 8;
            return (i + k as usize, (x >> (8 * k)) as u8);
        }
        i += 8;
    }
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphabetic() {
            return (i, bytes[i]);
        }
        i += 1;
    }
    (i, b' ')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_of_shortcuts_match_the_tables() {
        for c in ('\u{80}'..='\u{FF}').chain('\u{2000}'..='\u{206F}') {
            assert_eq!(class_of(c), class_of_slow(c), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn general_punctuation_has_no_letters() {
        assert!(('\u{2000}'..='\u{206F}').all(|c| !c.is_alphabetic()));
    }

    #[test]
    fn is_ascii_letter_is_exact() {
        for b in 0..=255u8 {
            assert_eq!(is_ascii_letter(b), b.is_ascii_alphabetic(), "{b:#x}");
        }
    }

    #[test]
    fn ascii_letters_end_matches_bytewise() {
        let naive = |b: &[u8], i: usize| i + b[i..].iter().take_while(|c| c.is_ascii_alphabetic()).count();
        // Every byte value at every position of a 17-byte run of letters.
        for v in 0..=255u8 {
            for pos in 0..17 {
                let mut b = *b"abcdefghijKLMNOPQ";
                b[pos] = v;
                for i in 0..b.len() {
                    let end = naive(&b, i);
                    assert_eq!(ascii_letters_run(&b, i), (end, b.get(end).copied().unwrap_or(b' ')), "byte {v:#x} at {pos}, from {i}");
                }
            }
        }
        assert_eq!(ascii_letters_end(b"", 0), 0);
    }
}
