//! `annotate_block` over a JSON Lines file on one thread, and its parts
//! (parse, analyse, write) separately, for profilers and CPU accounting:
//!     ITERS=5 cargo run --release --example annotate_jsonl -- FILE.jsonl
//! PART=block|parse|analyze|write runs only that part (for callgrind).
use copydesk_core::jsonl::{annotate_block, JsonlOptions};
use copydesk_core::{analyze, json::write_layers, Layers};

fn main() {
    let path = std::env::args().nth(1).expect("a JSON Lines file");
    let data = std::fs::read(&path).unwrap();
    let iters: usize = std::env::var("ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(5);
    let part = std::env::var("PART").unwrap_or_default();
    let layers = Layers { tokens: false, sentences: true, quotes: true, quantities: true };
    let opts = JsonlOptions { source: path.clone(), text_field: "text".into(), id_field: "id".into(), layers, bytes: false };
    let texts: Vec<String> = data
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice::<serde_json::Value>(l).unwrap()["text"].as_str().unwrap().to_string())
        .collect();
    let mb = texts.iter().map(|t| t.len()).sum::<usize>() as f64 / 1e6;
    let pool = rayon::ThreadPoolBuilder::new().num_threads(1).build().unwrap();
    let time = |name: &str, f: &(dyn Fn() -> usize + Sync)| {
        if !part.is_empty() && part != name {
            return;
        }
        let t = std::time::Instant::now();
        let n: usize = (0..iters).map(|_| pool.install(f)).sum();
        let secs = t.elapsed().as_secs_f64() / iters as f64;
        eprintln!("{name:8}: {n:>10}, {:6.2} ms/MB, {:6.1} MB/s", secs * 1e3 / mb, mb / secs);
    };
    time("block", &|| annotate_block(&data, 1, &opts).out_len());
    time("parse", &|| {
        data.split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice::<std::collections::BTreeMap<&str, &serde_json::value::RawValue>>(l).unwrap().len())
            .sum()
    });
    time("analyze", &|| texts.iter().map(|t| { let a = analyze(t, layers); a.sentences.len() + a.quotes.len() + a.quantities.len() }).sum());
    let analyses: Vec<_> = if part.is_empty() || part == "write" { texts.iter().map(|t| analyze(t, layers)).collect() } else { Vec::new() };
    time("write", &|| {
        let mut out = String::new();
        for (t, a) in texts.iter().zip(&analyses) {
            write_layers(t, a, layers, false, &mut out);
        }
        out.len()
    });
}
