//! The quotation stage on the reference article (hand-annotated gold in
//! `tests/data/belarus-metro.gold.jsonl`) and on the properties every output
//! must have.

use copydesk_core::quote::{quotes, Quote, QuoteKind};
use copydesk_core::{sentences, tokenize};

const TEXT: &str = include_str!("../../../tests/data/belarus-metro.txt");
const GOLD: &str = include_str!("../../../tests/data/belarus-metro.gold.jsonl");

/// A gold quote: code-point start and end, closed, kind, group, accepted
/// speaker names.
type GoldQuote = (usize, usize, bool, &'static str, Option<&'static str>, &'static [&'static str]);

/// The gold quotes (copied from the gold file; `gold_file_agrees` checks it).
const EXPECTED: &[GoldQuote] = &[
    (
        29,
        50,
        true,
        "partial",
        None,
        &["An authority", "George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (184, 205, true, "partial", None, &["George Allison", "Allison", "UK Defence Journal editor George Allison"]),
    (
        945,
        1124,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        1273,
        1467,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        1468,
        1688,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        1689,
        1815,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        1816,
        2004,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        2005,
        2171,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        2172,
        2393,
        false,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (
        2395,
        2527,
        true,
        "direct",
        Some("g1"),
        &["George Allison", "Allison", "UK Defence Journal editor George Allison"],
    ),
    (3900, 3958, true, "partial", None, &["A well-connected business leader", "business leader", "they"]),
    (3960, 4082, true, "direct", None, &["A well-connected business leader", "business leader", "they"]),
    (4095, 4156, false, "direct", Some("g2"), &["A well-connected business leader", "business leader", "they"]),
    (4157, 4259, false, "direct", Some("g2"), &["A well-connected business leader", "business leader", "they"]),
    (4260, 4344, true, "direct", Some("g2"), &["A well-connected business leader", "business leader", "they"]),
    (4529, 4551, true, "partial", None, &["Putin", "Vladimir Putin"]),
];

/// Byte offset of code point `cp` in `text`.
fn byte_at(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

fn analyse(text: &str) -> Vec<Quote> {
    let toks = tokenize(text);
    let sents = sentences(text, &toks);
    quotes(text, &toks, &sents)
}

#[test]
fn gold_file_agrees() {
    // The article in the gold line is the text file, and every expected
    // span is in it (minimal JSON reading: the fields appear in order).
    assert!(GOLD.contains("\"id\": \"belarus-metro\""));
    for &(s, e, closed, kind, _, _) in EXPECTED {
        let needle = format!("{{\"start\": {s}, \"end\": {e}, \"closed\": {closed}, \"kind\": \"{kind}\"");
        assert!(GOLD.contains(&needle), "not in gold: {needle}");
    }
    assert_eq!(
        GOLD.matches("\"start\"").count() - GOLD.split("\"quantities\"").nth(1).unwrap().matches("\"start\"").count(),
        EXPECTED.len()
    );
}

#[test]
fn reference_article() {
    let found = analyse(TEXT);
    let mut report = String::new();
    for q in &found {
        let sp = q.speaker.map_or("-", |s| &TEXT[s.start..s.end]);
        report.push_str(&format!(
            "{}..{} {} {} g{} d{} {:?} speaker={sp:?} | {}\n",
            q.start,
            q.end,
            if q.closed { "closed" } else { "open" },
            q.kind.name(),
            q.group,
            q.depth,
            q.marks,
            TEXT[q.start..q.end].chars().take(40).collect::<String>()
        ));
    }
    println!("{report}");
    assert_eq!(found.len(), EXPECTED.len(), "piece count\n{report}");
    let mut speakers_ok = 0;
    let mut gold_groups: Vec<(Option<&str>, usize)> = Vec::new();
    for (q, &(s, e, closed, kind, group, names)) in found.iter().zip(EXPECTED) {
        assert_eq!((q.start, q.end), (byte_at(TEXT, s), byte_at(TEXT, e)), "span of gold {s}..{e}\n{report}");
        assert_eq!(q.closed, closed, "closed of {s}..{e}");
        assert_eq!(q.kind.name(), kind, "kind of {s}..{e}");
        assert_eq!(q.marks, "‘’");
        assert_eq!(q.depth, 0);
        gold_groups.push((group, q.group));
        let said = q.speaker.map_or(String::new(), |sp| TEXT[sp.start..sp.end].trim().to_lowercase());
        if said.chars().count() >= 2
            && names.iter().any(|n| n.to_lowercase().contains(&said) || said.contains(&n.to_lowercase()))
        {
            speakers_ok += 1;
        }
    }
    // Same group in gold <=> same group in the output.
    for (i, a) in gold_groups.iter().enumerate() {
        for b in &gold_groups[i + 1..] {
            let gold_same = a.0.is_some() && a.0 == b.0;
            assert_eq!(gold_same, a.1 == b.1, "grouping\n{report}");
        }
    }
    // Groups are numbered in document order.
    let mut max = 0;
    for q in &found {
        assert!(q.group <= max + 1 || q.group == 0);
        max = max.max(q.group);
    }
    println!("speakers right: {speakers_ok}/{}", EXPECTED.len());
    assert!(speakers_ok >= 14, "speakers right: {speakers_ok}\n{report}");
    assert!(found.iter().all(|q| q.kind != QuoteKind::Direct || q.speaker.is_some()));
}
