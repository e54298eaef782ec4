//! Like `profile`, one document at a time, as the Python batch path calls the
//! core: the `text` of each line of JSON Lines files.
//!     ITERS=3 cargo run --release --example profile_docs -- FILE.jsonl...
fn main() {
    let docs: Vec<String> = std::env::args()
        .skip(1)
        .flat_map(|p| {
            let data = std::fs::read_to_string(p).unwrap();
            data.lines()
                .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok()?.get("text")?.as_str().map(str::to_owned))
                .collect::<Vec<_>>()
        })
        .collect();
    let iters: usize = std::env::var("ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(3);
    let mb = iters as f64 * docs.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let time = |name: &str, f: &dyn Fn(&str, usize) -> usize| {
        let t = std::time::Instant::now();
        let n: usize = (0..iters).map(|_| docs.iter().enumerate().map(|(k, d)| f(d, k)).sum::<usize>()).sum();
        eprintln!("{name}: {n}, {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    };
    let tokens: Vec<_> = docs.iter().map(|d| copydesk_core::tokenize(d)).collect();
    let sentences: Vec<_> = docs.iter().zip(&tokens).map(|(d, t)| copydesk_core::sentences(d, t)).collect();
    time("tokens", &|d, _| copydesk_core::tokenize(d).len());
    time("sentences alone", &|d, k| copydesk_core::sentences(d, &tokens[k]).len());
    time("quotes alone", &|d, k| copydesk_core::quotes(d, &tokens[k], &sentences[k]).len());
    time("quantities alone", &|d, k| copydesk_core::quantities(d, &tokens[k]).len());
}
