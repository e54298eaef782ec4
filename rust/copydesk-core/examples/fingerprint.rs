//! Fingerprints of every layer's output (tokens, sentences, UAX #29 words,
//! and every field of quotes and quantities), one line per document, so that a
//! speed change can be checked to leave them byte-identical:
//!     cargo run --release --example fingerprint -- FILE... > before.txt
//! A `.jsonl` file is read as JSON Lines (each record's `text`); a `.json`
//! file gives every string under a key named `text`, `originalText`, `Input`,
//! `req` or `inputs`; any other file is one document. `DUMP_FULL=1` prints
//! every token, sentence, quote and quantity instead of hashes.
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;

const KEYS: [&str; 5] = ["text", "originalText", "Input", "req", "inputs"];

fn strings(v: &serde_json::Value, key: Option<&str>, out: &mut Vec<String>) {
    match v {
        serde_json::Value::Object(m) => m.iter().for_each(|(k, v)| strings(v, Some(k), out)),
        serde_json::Value::Array(a) => a.iter().for_each(|v| strings(v, key, out)),
        serde_json::Value::String(s) if key.is_some_and(|k| KEYS.contains(&k)) => out.push(s.clone()),
        _ => {}
    }
}

fn main() {
    let full = std::env::var_os("DUMP_FULL").is_some();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut total = DefaultHasher::new();
    for path in std::env::args().skip(1) {
        let data = std::fs::read_to_string(&path).unwrap();
        let docs: Vec<(String, String)> = if path.ends_with(".jsonl") {
            data.lines()
                .enumerate()
                .filter(|(_, l)| !l.trim().is_empty())
                .filter_map(|(k, l)| {
                    let v: serde_json::Value = serde_json::from_str(l).ok()?;
                    Some((format!("{path}:{}", k + 1), v.get("text")?.as_str()?.to_owned()))
                })
                .collect()
        } else if path.ends_with(".json") {
            let v: serde_json::Value = serde_json::from_str(&data).unwrap();
            let mut texts = Vec::new();
            strings(&v, None, &mut texts);
            texts.into_iter().enumerate().map(|(k, t)| (format!("{path}#{k}"), t)).collect()
        } else {
            vec![(path.clone(), data)]
        };
        for (name, text) in docs {
            let tokens = copydesk_core::tokenize(&text);
            let sentences = copydesk_core::sentences(&text, &tokens);
            let uax = copydesk_core::tokenize_uax29(&text);
            let quotes = copydesk_core::quotes(&text, &tokens, &sentences);
            let quantities = copydesk_core::quantities(&text, &tokens);
            // One line per item; Debug prints every field, and f64 Debug is
            // exact (the shortest round trip).
            let layers: [(&str, Vec<String>); 5] = [
                ("T", tokens.iter().map(|t| format!("{} {} {}", t.start, t.end, t.kind.name())).collect()),
                ("S", sentences.iter().map(|s| format!("{} {}", s.start, s.end)).collect()),
                ("U", uax.iter().map(|t| format!("{} {} {}", t.start, t.end, t.kind.name())).collect()),
                ("Q", quotes.iter().map(|q| format!("{q:?}")).collect()),
                ("N", quantities.iter().map(|q| format!("{q:?}")).collect()),
            ];
            if full {
                writeln!(out, "# {name}").unwrap();
                for (tag, lines) in &layers {
                    lines.iter().for_each(|l| writeln!(out, "{tag} {l}").unwrap());
                }
                continue;
            }
            write!(out, "{name}").unwrap();
            for (_, lines) in &layers {
                let mut h = DefaultHasher::new();
                lines.hash(&mut h);
                let digest = h.finish();
                digest.hash(&mut total);
                write!(out, " {} {digest:016x}", lines.len()).unwrap();
            }
            writeln!(out).unwrap();
        }
    }
    writeln!(out, "TOTAL {:016x}", total.finish()).unwrap();
}
