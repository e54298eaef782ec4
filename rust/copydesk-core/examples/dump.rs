//! Fingerprints of the tokenizer and segmenter output, one line per document,
//! so that a speed change can be checked to leave every output byte-identical:
//!     cargo run --release --example dump -- FILE... > before.txt
//! A `.jsonl` file is read as JSON Lines (each record's `text`); any other file
//! is one document. `DUMP_FULL=1` prints every token and sentence instead.
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::Write;

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
        } else {
            vec![(path.clone(), data)]
        };
        for (name, text) in docs {
            let tokens = copydesk_core::tokenize(&text);
            let sentences = copydesk_core::sentences(&text, &tokens);
            let uax = copydesk_core::tokenize_uax29(&text);
            if full {
                writeln!(out, "# {name}").unwrap();
                for t in &tokens {
                    writeln!(out, "T {} {} {} {:?}", t.start, t.end, t.kind.name(), t.text(&text)).unwrap();
                }
                for s in &sentences {
                    writeln!(out, "S {} {}", s.start, s.end).unwrap();
                }
                for t in &uax {
                    writeln!(out, "U {} {} {}", t.start, t.end, t.kind.name()).unwrap();
                }
                continue;
            }
            let mut h = DefaultHasher::new();
            for t in &tokens {
                (t.start, t.end, t.kind as u8).hash(&mut h);
            }
            let th = h.finish();
            let mut h = DefaultHasher::new();
            for s in &sentences {
                (s.start, s.end).hash(&mut h);
            }
            let sh = h.finish();
            let mut h = DefaultHasher::new();
            for t in &uax {
                (t.start, t.end, t.kind as u8).hash(&mut h);
            }
            let uh = h.finish();
            (th, sh, uh).hash(&mut total);
            writeln!(out, "{name} {} {th:016x} {} {sh:016x} {uh:016x}", tokens.len(), sentences.len()).unwrap();
        }
    }
    writeln!(out, "TOTAL {:016x}", total.finish()).unwrap();
}
