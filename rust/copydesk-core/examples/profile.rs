//! Runs the tokenizer and segmenter over files many times, for profilers:
//!     cargo run --release --example profile -- FILE... 
fn main() {
    let text: String = std::env::args().skip(1).map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let iters: usize = std::env::var("ITERS").ok().and_then(|v| v.parse().ok()).unwrap_or(200);
    let mb = iters as f64 * text.len() as f64 / 1e6;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..iters {
        n += copydesk_core::tokenize(&text).len();
    }
    eprintln!("tokens: {n}, {:.1} MB/s", mb / t.elapsed().as_secs_f64());
    let tokens = copydesk_core::tokenize(&text);
    let t = std::time::Instant::now();
    n = 0;
    for _ in 0..iters {
        n += copydesk_core::sentences(&text, &tokens).len();
    }
    eprintln!("sentences alone: {n}, {:.1} MB/s", mb / t.elapsed().as_secs_f64());
}
