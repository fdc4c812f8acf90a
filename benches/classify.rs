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

    /// A megabyte of distinct nine-digit numbers, one a line.
    pub fn pasted_log() -> String {
        let mut log = String::with_capacity(1 << 20);
        let mut n: u32 = 100_000_000;
        while log.len() < 1 << 20 {
            log.push_str(&n.to_string());
            log.push('\n');
            n += 7_919;
        }
        log
    }

    pub fn descriptions(c: &mut Criterion) {
        let long = description();
        c.bench_function("classify: 2,000 characters", |b| {
            b.iter(|| classify(black_box(&long)))
        });
        let log = pasted_log();
        c.bench_function(
            "classify: 1 MB pasted log of distinct 9-digit numbers",
            |b| b.iter(|| classify(black_box(&log))),
        );
        let short = "請求書の金額が間違っています";
        c.bench_function("classify: one Japanese sentence", |b| {
            b.iter(|| classify(black_box(short)))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group! {
    name = benches;
    config = criterion::Criterion::default().sample_size(20);
    targets = bench::descriptions
}
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
