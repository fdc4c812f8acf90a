//! Classifying a description: `cargo bench --bench classify`.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use criterion::{black_box, Criterion};
    use support_triage::engine::classify::classify;

    /// About 2,000 characters of mixed English and Japanese.
    pub fn description() -> String {
        let sentence = "After the update the invoice page is very slow and sometimes times out; 請求書の画面が遅い。 ";
        sentence.chars().cycle().take(2000).collect()
    }

    pub fn descriptions(c: &mut Criterion) {
        let long = description();
        c.bench_function("classify: 2,000 characters", |b| {
            b.iter(|| classify(black_box(&long)))
        });
        let short = "請求書の金額が間違っています";
        c.bench_function("classify: one Japanese sentence", |b| {
            b.iter(|| classify(black_box(short)))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::descriptions);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
