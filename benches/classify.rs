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

    /// About 2,000 characters of distinct customer descriptions from the
    /// training corpus, one language after another: every word new, as in a
    /// long message written in mixed languages.
    pub fn distinct_descriptions() -> String {
        distinct_in(&[
            include_str!("../tests/corpus/train/en.jsonl"),
            include_str!("../tests/corpus/train/ja.jsonl"),
            include_str!("../tests/corpus/train/id.jsonl"),
            include_str!("../tests/corpus/train/de.jsonl"),
            include_str!("../tests/corpus/train/zh-Hans.jsonl"),
            include_str!("../tests/corpus/train/fr.jsonl"),
        ])
    }

    /// About 2,000 characters of distinct descriptions from `corpora`, a
    /// line of each in turn.
    pub fn distinct_in(corpora: &[&str]) -> String {
        let mut lines: Vec<_> = corpora.iter().map(|corpus| corpus.lines()).collect();
        let mut text = String::new();
        'fill: loop {
            for lines in &mut lines {
                let line = lines.next().expect("the corpus has enough lines");
                let case: serde_json::Value = serde_json::from_str(line).expect("a corpus line");
                text.push_str(case["text"].as_str().expect("a text"));
                text.push(' ');
                if text.chars().count() >= 2000 {
                    break 'fill;
                }
            }
        }
        text.chars().take(2000).collect()
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
        {
            use support_triage::engine::classify::{features, normalize::Normalized, shipped};
            let long = distinct_descriptions();
            let normalized = Normalized::new(&long);
            c.bench_function("part: normalise", |b| {
                b.iter(|| Normalized::new(black_box(&long)))
            });
            c.bench_function("part: phrases", |b| {
                b.iter(|| shipped().phrase_hits(black_box(&normalized)))
            });
            c.bench_function("part: n-grams", |b| {
                b.iter(|| {
                    let mut n = 0u32;
                    features::for_each_first(black_box(&normalized.chars), &[], |f| n ^= f.hash);
                    n
                })
            });
        }
        let distinct = distinct_descriptions();
        c.bench_function("classify: 2,000 characters of distinct descriptions", |b| {
            b.iter(|| classify(black_box(&distinct)))
        });
        // Japanese alone: two n-grams a character and a phrase search at
        // each, where a Latin word gives a few.
        let japanese = distinct_in(&[include_str!("../tests/corpus/train/ja.jsonl")]);
        c.bench_function(
            "classify: 2,000 characters of distinct Japanese descriptions",
            |b| b.iter(|| classify(black_box(&japanese))),
        );
        let chinese = distinct_in(&[include_str!("../tests/corpus/train/zh-Hans.jsonl")]);
        c.bench_function(
            "classify: 2,000 characters of distinct Chinese descriptions",
            |b| b.iter(|| classify(black_box(&chinese))),
        );
        let log = pasted_log();
        c.bench_function(
            "classify: 1 MB pasted log of distinct 9-digit numbers",
            |b| b.iter(|| classify(black_box(&log))),
        );
        // The worst owner vocabulary within the overlay's limits (200
        // phrases each inside the next, all matching everywhere).
        let overlay: support_triage::engine::Raw =
            serde_json::from_str(include_str!("../tests/fixtures/worst-overlay.json"))
                .expect("the fixture reads");
        let rules = support_triage::engine::Ruleset::shipped()
            .with_overlay(&overlay)
            .expect("the fixture is within the limits");
        let owners = rules.vocabulary.as_deref().expect("the overlay has lists");
        let nested = "あ".repeat(10_000);
        c.bench_function(
            "classify: 10,000 characters, the worst owner vocabulary",
            |b| b.iter(|| owners.classify(black_box(&nested))),
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
