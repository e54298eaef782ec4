//! Tokens, sentences, UAX #29 words and the JSON writer on any UTF-8 text:
//! no panic, and the offset invariants hold.
#![no_main]
use copydesk_core::{json, sentences, tokenize, tokenize_uax29, Analysis, Layers};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for tokens in [tokenize(text), tokenize_uax29(text)] {
        let mut prev = 0;
        for t in &tokens {
            assert!(prev <= t.start && t.start < t.end && t.end <= text.len());
            assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
            prev = t.end;
        }
    }
    let tokens = tokenize(text);
    let spans = sentences(text, &tokens);
    let mut prev = 0;
    for s in &spans {
        assert!(prev <= s.start && s.start < s.end && s.end <= text.len());
        prev = s.end;
    }
    let layers = Layers { tokens: true, sentences: true, quotes: false, quantities: false };
    let mut out = String::new();
    json::write_layers(text, &Analysis { tokens, sentences: spans, quotes: Vec::new(), quantities: Vec::new() }, layers, false, &mut out);
    let parsed: serde_json::Value = serde_json::from_str(&format!("{{{out}}}")).expect("valid JSON");
    assert!(parsed["tokens"].is_array());
});
