//! The JSON Lines reader on any bytes: no panic, one output line per
//! non-blank input line, every output line valid JSON with an id.
#![no_main]
use copydesk_core::jsonl::{annotate_block, annotate_lines, JsonlOptions};
use copydesk_core::Layers;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = JsonlOptions {
        source: "fuzz".into(),
        text_field: "text".into(),
        id_field: "id".into(),
        layers: Layers { tokens: true, sentences: true, quotes: true, quantities: true },
        bytes: false,
    };
    let block = annotate_block(data, 1, &opts);
    let expected = data.split(|&b| b == b'\n').filter(|l| !l.iter().all(u8::is_ascii_whitespace)).count();
    assert_eq!(block.records, expected);
    let out = block.out();
    let out = std::str::from_utf8(&out).expect("output is UTF-8");
    assert_eq!(out.lines().count(), expected);
    for line in out.lines() {
        let v: serde_json::Value = serde_json::from_str(line).expect("output line is JSON");
        assert!(v.get("id").is_some());
    }
    // A block cut inside its first line, the start carried over as the head, reads the same.
    let cut = data.iter().position(|&b| b == b'\n').unwrap_or(data.len()) / 2;
    assert_eq!(annotate_lines(&data[..cut], &data[cut..], 1, &opts).out(), block.out());
});
