//! Tokenizer behaviour: Universal Dependencies conventions for English, the
//! token kinds, the invariants, and UAX #29 conformance.

use copydesk_core::{tokenize, tokenize_uax29, Token, TokenKind};

fn words(text: &str) -> Vec<&str> {
    tokenize(text).iter().map(|t| t.text(text)).collect()
}

fn kinds(text: &str) -> Vec<(&str, &'static str)> {
    tokenize(text).iter().map(|t| (t.text(text), t.kind.name())).collect()
}

#[test]
fn clitics_split_with_either_apostrophe() {
    assert_eq!(words("Russia’s army"), ["Russia", "’s", "army"]);
    assert_eq!(words("Russia's army"), ["Russia", "'s", "army"]);
    assert_eq!(words("they don’t know"), ["they", "do", "n’t", "know"]);
    assert_eq!(words("I'm sure we'll go, they've said"), ["I", "'m", "sure", "we", "'ll", "go", ",", "they", "'ve", "said"]);
    assert_eq!(words("can't won't"), ["ca", "n't", "wo", "n't"]);
    assert_eq!(words("JFK Jr.'s book"), ["JFK", "Jr.", "'s", "book"]);
}

#[test]
fn apostrophes_that_are_not_clitics() {
    assert_eq!(words("O'Neill and rock'n'roll"), ["O'Neill", "and", "rock'n'roll"]);
    assert_eq!(words("the students' fault"), ["the", "students", "'", "fault"]);
    assert_eq!(words("in the '90s"), ["in", "the", "'90s"]);
}

#[test]
fn contractions_without_apostrophe_from_the_table() {
    assert_eq!(words("I cannot, gonna try"), ["I", "can", "not", ",", "gon", "na", "try"]);
    assert_eq!(words("dont"), ["do", "nt"]);
}

#[test]
fn hyphens_split_except_after_listed_prefixes() {
    assert_eq!(words("a well-known anti-war e-mail"), ["a", "well", "-", "known", "anti-war", "e-mail"]);
    assert_eq!(words("a 20-year-old"), ["a", "20", "-", "year", "-", "old"]);
    assert_eq!(words("pages 300-400"), ["pages", "300-400"]);
    assert_eq!(words("self-driving"), ["self", "-", "driving"]);
}

#[test]
fn numbers_keep_separators_and_split_from_units() {
    assert_eq!(kinds("5,000"), [("5,000", "number")]);
    // Indian grouping is one number; commas that group nothing split.
    assert_eq!(words("Rs 1,20,000 and 12,34,567.50"), ["Rs", "1,20,000", "and", "12,34,567.50"]);
    assert_eq!(words("1,22,22 and 1,2,3"), ["1", ",", "22", ",", "22", "and", "1", ",", "2", ",", "3"]);
    assert_eq!(words("1.2 million at 10:30 on 9/11"), ["1.2", "million", "at", "10:30", "on", "9/11"]);
    assert_eq!(words("50 miles (70km)"), ["50", "miles", "(", "70", "km", ")"]);
    assert_eq!(words("the 15th in the 1990s"), ["the", "15th", "in", "the", "1990s"]);
    assert_eq!(words("£3bn and $5"), ["£", "3", "bn", "and", "$", "5"]);
    assert_eq!(kinds("$100.00."), [("$", "symbol"), ("100.00", "number"), (".", "punct")]);
}

#[test]
fn abbreviations_and_initials_keep_their_period() {
    assert_eq!(words("Mr. Smith of the U.S. left at 5 a.m., e.g. today."), [
        "Mr.", "Smith", "of", "the", "U.S.", "left", "at", "5", "a.m.", ",", "e.g.", "today", "."
    ]);
    assert_eq!(words("J. K. Rowling"), ["J.", "K.", "Rowling"]);
    assert_eq!(words("Albert I. Jones"), ["Albert", "I.", "Jones"]);
    assert_eq!(words("you and I. Did"), ["you", "and", "I", ".", "Did"]);
    // `No.` is an abbreviation only before a number.
    assert_eq!(words("No. 10"), ["No.", "10"]);
    assert_eq!(words("I said no. Then"), ["I", "said", "no", ".", "Then"]);
    // Month abbreviations are capitalised; the verb is not.
    assert_eq!(words("on Jan. 5 she sat."), ["on", "Jan.", "5", "she", "sat", "."]);
}

#[test]
fn web_and_print_conventions() {
    assert_eq!(kinds("thanks :-) see you ;D"), [("thanks", "word"), (":-)", "emoji"), ("see", "word"), ("you", "word"), (";D", "emoji")]);
    assert_eq!(words("(Paris):"), ["(", "Paris", ")", ":"]);
    assert_eq!(words("stairways [...] used"), ["stairways", "[...]", "used"]);
    assert_eq!(kinds("US$15"), [("US", "word"), ("$", "symbol"), ("15", "number")]);
    assert_eq!(kinds("on 01-Feb-02 at"), [("on", "word"), ("01-Feb-02", "number"), ("at", "word")]);
    assert_eq!(words("Feb 11,2000 and 1,234,567"), ["Feb", "11", ",", "2000", "and", "1,234,567"]);
    assert_eq!(kinds("mailto:jo@example.com"), [("mailto:jo@example.com", "email")]);
    assert_eq!(words("don`t"), ["do", "n`t"]);
    assert_eq!(words("flat 39A in 3D"), ["flat", "39A", "in", "3D"]);
}

#[test]
fn terminal_punctuation_runs_are_one_token() {
    assert_eq!(words("What?! No... Really!!!"), ["What", "?!", "No", "...", "Really", "!!!"]);
    assert_eq!(words("wait -- what"), ["wait", "--", "what"]);
}

#[test]
fn urls_emails_hashtags_mentions_whole() {
    assert_eq!(kinds("see https://example.com/a_b-c?x=1&y=2."), [
        ("see", "word"),
        ("https://example.com/a_b-c?x=1&y=2", "url"),
        (".", "punct")
    ]);
    assert_eq!(kinds("(www.bbc.co.uk/news)"), [("(", "punct"), ("www.bbc.co.uk/news", "url"), (")", "punct")]);
    assert_eq!(kinds("https://en.wikipedia.org/wiki/Foo_(bar)"), [("https://en.wikipedia.org/wiki/Foo_(bar)", "url")]);
    assert_eq!(kinds("<jane.doe@example.com>"), [("<", "symbol"), ("jane.doe@example.com", "email"), (">", "symbol")]);
    assert_eq!(kinds("#StandWithUkraine @BBCNews"), [("#StandWithUkraine", "hashtag"), ("@BBCNews", "mention")]);
    assert_eq!(kinds("read Space.com"), [("read", "word"), ("Space.com", "url")]);
}

#[test]
fn emoji_sequences_whole() {
    let family = "👨\u{200D}👩\u{200D}👧";
    let text = format!("ok {family} 👍🏽 🇺🇦 ❤️!");
    assert_eq!(kinds(&text), [
        ("ok", "word"),
        (family, "emoji"),
        ("👍🏽", "emoji"),
        ("🇺🇦", "emoji"),
        ("❤️", "emoji"),
        ("!", "punct")
    ]);
}

#[test]
fn quote_marks_are_tokens() {
    assert_eq!(kinds("‘Hello,’ “world”"), [
        ("‘", "quote"),
        ("Hello", "word"),
        (",", "punct"),
        ("’", "quote"),
        ("“", "quote"),
        ("world", "word"),
        ("”", "quote")
    ]);
    assert_eq!(words("«Bonjour»"), ["«", "Bonjour", "»"]);
}

#[test]
fn other_scripts_follow_uax29() {
    assert_eq!(words("東京は晴れ"), tokenize_uax29("東京は晴れ").iter().map(|t| t.text("東京は晴れ")).collect::<Vec<_>>());
    assert_eq!(words("Привет, мир"), ["Привет", ",", "мир"]);
    assert_eq!(words("שלום עולם"), ["שלום", "עולם"]);
}

/// Whitespace as Python's `str.isspace()` sees it (the tokenizer's notion).
fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// The invariants every tokenization keeps.
fn check_invariants(text: &str, tokens: &[Token]) {
    let mut prev_end = 0;
    for t in tokens {
        assert!(t.start < t.end && t.end <= text.len(), "{t:?} in {text:?}");
        assert!(t.start >= prev_end, "overlap at {t:?} in {text:?}");
        assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
        assert!(!t.text(text).chars().all(is_space), "whitespace token {t:?}");
        assert!(text[prev_end..t.start].chars().all(is_space), "uncovered text before {t:?} in {text:?}");
        prev_end = t.end;
    }
    assert!(text[prev_end..].chars().all(is_space));
}

#[test]
fn invariants_on_awkward_input() {
    for text in [
        "",
        " ",
        "\0",
        "\x1f\x1c",
        "a\u{0301}b",
        "\u{0301}start",
        "'''",
        "’’’’",
        "....",
        "x@",
        "@",
        "#",
        "http://",
        "www.",
        "a-",
        "-a",
        "1,",
        ",1",
        "U.S.A.",
        "\u{FEFF}bom",
        "\u{200D}\u{200D}",
        "🇺",
        "e\u{301}\u{301}\u{301}",
        "مرحبا بالعالم",
        "a\u{2028}b",
        "1.2.3.4.5.6",
        "’90s ’em 'n'",
        "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    ] {
        check_invariants(text, &tokenize(text));
        check_invariants(text, &tokenize_uax29(text));
    }
}

#[test]
fn linear_on_long_runs() {
    // A megabyte without whitespace, of digits, of dots and of quotes: each
    // is one pass (a quadratic scan would take minutes here); `,22,22,…` is
    // no Indian grouping, split at every comma.
    for unit in ["1", ".", "'", "a-", "anti-", "\u{201C}", "x@y.", "a@b.c,", "http://a.b/", ")", "x:", "?)", "www.a ", ",22"] {
        let text = unit.repeat(1 << 20);
        let tokens = tokenize(&text);
        check_invariants(&text, &tokens);
        let sentences = copydesk_core::sentences(&text, &tokens);
        assert_eq!(sentences.first().map(|s| s.start), tokens.first().map(|t| t.start));
    }
}

/// Unicode's WordBreakTest: the uax29 mode gives exactly the non-whitespace
/// segments of every test line.
#[test]
fn word_break_test_passes_in_full() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/WordBreakTest.txt");
    let data = std::fs::read_to_string(path).expect("tests/data/WordBreakTest.txt");
    let mut cases = 0;
    for line in data.lines() {
        let line = line.split('#').next().unwrap().trim();
        if line.is_empty() {
            continue;
        }
        let mut text = String::new();
        let mut segments = Vec::new();
        let mut seg_start = 0;
        for item in line.split_whitespace() {
            match item {
                "÷" => {
                    if text.len() > seg_start {
                        segments.push((seg_start, text.len()));
                    }
                    seg_start = text.len();
                }
                "×" => {}
                hex => text.push(char::from_u32(u32::from_str_radix(hex, 16).unwrap()).unwrap()),
            }
        }
        let expected: Vec<(usize, usize)> = segments
            .into_iter()
            .filter(|&(s, e)| !text[s..e].chars().all(is_space))
            .collect();
        let got: Vec<(usize, usize)> = tokenize_uax29(&text).iter().map(|t| (t.start, t.end)).collect();
        assert_eq!(got, expected, "WordBreakTest line: {line}");
        cases += 1;
    }
    assert!(cases > 1800, "only {cases} cases read");
}

#[test]
fn kind_codes_are_stable() {
    // The codes are part of the Python and Arrow interface.
    let codes: Vec<u8> = TokenKind::ALL.iter().map(|k| *k as u8).collect();
    assert_eq!(codes, (0..10).collect::<Vec<u8>>());
}
