//! Runs each stage over files many times, for profilers:
//!     ITERS=20 cargo run --release --example profile -- FILE...
fn main() {
    let text: String = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let iters: usize = std::env::var("ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let mb = iters as f64 * text.len() as f64 / 1e6;
    let time = |name: &str, f: &dyn Fn() -> usize| {
        let t = std::time::Instant::now();
        let n: usize = (0..iters).map(|_| f()).sum();
        eprintln!("{name}: {n}, {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    };
    let tokens = copydesk_core::tokenize(&text);
    let sentences = copydesk_core::sentences(&text, &tokens);
    time("tokens", &|| copydesk_core::tokenize(&text).len());
    time("sentences alone", &|| copydesk_core::sentences(&text, &tokens).len());
    time("quotes alone", &|| copydesk_core::quotes(&text, &tokens, &sentences).len());
    time("quantities alone", &|| copydesk_core::quantities(&text, &tokens).len());
}
