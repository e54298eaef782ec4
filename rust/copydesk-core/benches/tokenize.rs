//! Criterion benchmarks of the core stages on the bundled sample articles
//! (Wikinews via GUM) and the reference article, concatenated.
//!
//!     cargo bench -p copydesk-core

use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn corpus() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut paths: Vec<_> = std::fs::read_dir(root.join("python/copydesk/data/sample"))
        .expect("bundled sample")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.push(root.join("tests/data/belarus-metro.txt"));
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).expect("read sample")).collect::<Vec<_>>().join("\n\n")
}

fn bench(c: &mut Criterion) {
    let text = corpus();
    let mut g = c.benchmark_group("core");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.bench_function("tokenize", |b| b.iter(|| copydesk_core::tokenize(black_box(&text))));
    let tokens = copydesk_core::tokenize(&text);
    g.bench_function("sentences_only", |b| b.iter(|| copydesk_core::sentences(black_box(&text), black_box(&tokens))));
    g.bench_function("tokenize_uax29", |b| b.iter(|| copydesk_core::tokenize_uax29(black_box(&text))));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
