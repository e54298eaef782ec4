//! Sentence segmentation: pySBD's golden rules in full, and the news
//! conventions the segmenter is built for.

use copydesk_core::{sentences, tokenize};

fn split(text: &str) -> Vec<&str> {
    let tokens = tokenize(text);
    sentences(text, &tokens).iter().map(|s| &text[s.start..s.end]).collect()
}

/// All 48 English golden rules of pySBD (MIT; tests/data/golden_rules_en.jsonl).
#[test]
fn golden_rules_48_of_48() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/golden_rules_en.jsonl");
    let data = std::fs::read_to_string(path).expect("tests/data/golden_rules_en.jsonl");
    let mut failed = Vec::new();
    let mut n = 0;
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let rule: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = rule["text"].as_str().unwrap();
        let expected: Vec<&str> = rule["sentences"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().trim()).collect();
        n += 1;
        if split(text) != expected {
            failed.push(format!("rule {}: {:?}", rule["rule_no"], split(text)));
        }
    }
    assert_eq!(n, 48);
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn abbreviations_initials_and_decimals() {
    assert_eq!(split("Dr. Jane Smith met Sen. John R. Doe at 10 a.m. on Monday."), [
        "Dr. Jane Smith met Sen. John R. Doe at 10 a.m. on Monday."
    ]);
    assert_eq!(split("Inflation rose 2.5 per cent. Prices of oil fell."), [
        "Inflation rose 2.5 per cent.",
        "Prices of oil fell."
    ]);
    assert_eq!(split("The firm is based in the U.S. It has 300 staff."), [
        "The firm is based in the U.S.",
        "It has 300 staff."
    ]);
}

#[test]
fn a_sentence_ending_inside_a_quotation_ends_after_the_closing_mark() {
    assert_eq!(split("He said: ‘It will only grow.’ Nobody replied."), [
        "He said: ‘It will only grow.’",
        "Nobody replied."
    ]);
    assert_eq!(split("“Stop!” she said. Then she left."), ["“Stop!” she said.", "Then she left."]);
    assert_eq!(split("(That was before 2020.) Now it is different."), [
        "(That was before 2020.)",
        "Now it is different."
    ]);
}

#[test]
fn paragraph_breaks_headlines_and_datelines() {
    let text = "Floods hit the north\n\nLONDON (Reuters) — Heavy rain caused floods on Monday. Roads were closed\nTrains stopped.";
    assert_eq!(split(text), [
        "Floods hit the north",
        "LONDON (Reuters) —",
        "Heavy rain caused floods on Monday.",
        "Roads were closed",
        "Trains stopped."
    ]);
    assert_eq!(split("Kyiv, Ukraine — Sirens sounded overnight."), ["Kyiv, Ukraine —", "Sirens sounded overnight."]);
}

#[test]
fn ellipses() {
    assert_eq!(split("I never meant that... She left."), ["I never meant that...", "She left."]);
    assert_eq!(split("It was… well, odd."), ["It was… well, odd."]);
}

#[test]
fn lower_case_after_a_bare_period_starts_a_sentence_but_not_after_a_quote() {
    assert_eq!(split("call them at noon. they know"), ["call them at noon.", "they know"]);
    assert_eq!(split("'This is great.' she said."), ["'This is great.' she said."]);
}

#[test]
fn references_and_credits() {
    assert_eq!(split("He moved to Prague in 1891. [3] In 1892 he left."), [
        "He moved to Prague in 1891. [3]",
        "In 1892 he left."
    ]);
    assert_eq!(split("Crowds at the rally Image: Reuters."), ["Crowds at the rally", "Image: Reuters."]);
}

#[test]
fn informal_text_conventions() {
    assert_eq!(split("that was fun :) Now I have a son."), ["that was fun :)", "Now I have a son."]);
    assert_eq!(split("great day! i loved it"), ["great day!", "i loved it"]);
    assert_eq!(split("see http://a.example/x http://b.example/y"), ["see http://a.example/x", "http://b.example/y"]);
    assert_eq!(split("Call me. ***** The end."), ["Call me.", "*****", "The end."]);
    assert_eq!(split("Best regards, Jane Doe"), ["Best regards,", "Jane Doe"]);
    assert_eq!(split("Regards, Debra"), ["Regards,", "Debra"]);
    assert_eq!(split("Yes, Debra will come."), ["Yes, Debra will come."]);
    assert_eq!(split("Talks failed, officials said. (Reuters) Markets fell."), [
        "Talks failed, officials said. (Reuters)",
        "Markets fell."
    ]);
    assert_eq!(split("He left. (He came back later.) Then it rained."), [
        "He left.",
        "(He came back later.)",
        "Then it rained."
    ]);
}

#[test]
fn sentences_cover_every_token_in_order() {
    // "Q.*(Q.(N." was found by the quotes fuzz target: a bracket opened
    // after a sentence's end and left open at the end of the text.
    for text in ["", "...", "a. b. c.", "\"", "1. 2. 3.", "Mr. Mr. Mr.", "‘’‘’", "x\n\n\ny", "?!?!", "Q.*(Q.(N.", "End. (Reuters"] {
        let tokens = tokenize(text);
        let spans = sentences(text, &tokens);
        let mut t = 0;
        for s in &spans {
            assert!(s.start < s.end);
            assert_eq!(s.start, tokens[t].start, "{text:?}");
            while t < tokens.len() && tokens[t].end <= s.end {
                t += 1;
            }
            assert_eq!(tokens[t - 1].end, s.end, "{text:?}");
        }
        assert_eq!(t, tokens.len(), "{text:?}");
    }
}
