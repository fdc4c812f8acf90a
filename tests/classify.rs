//! The description classifier (CLS-0) against a labelled corpus of visitor
//! descriptions in ten languages (tests/corpus/*.jsonl, written before the
//! matcher), plus normalisation, negation and the vocabulary's own checks.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use support_triage::engine::classify::normalize::normalize;
use support_triage::engine::classify::vocabulary::{Signal, Vocabulary, SHIPPED_LISTS};
use support_triage::engine::classify::{classify, Classification};
use support_triage::engine::vocab::Category;

const CORPUS: &[(&str, &str)] = &[
    ("en", include_str!("corpus/en.jsonl")),
    ("ja", include_str!("corpus/ja.jsonl")),
    ("id", include_str!("corpus/id.jsonl")),
    ("es", include_str!("corpus/es.jsonl")),
    ("fr", include_str!("corpus/fr.jsonl")),
    ("de", include_str!("corpus/de.jsonl")),
    ("it", include_str!("corpus/it.jsonl")),
    ("pt", include_str!("corpus/pt.jsonl")),
    ("zh-Hans", include_str!("corpus/zh-Hans.jsonl")),
    ("zh-Hant", include_str!("corpus/zh-Hant.jsonl")),
];

/// What the engine would decide from the text alone: the confident category,
/// else break-fix by default.
fn decided(result: &Classification) -> Category {
    result.confident.unwrap_or(Category::BreakFix)
}

#[test]
fn corpus_accuracy_meets_the_floor() {
    let mut total = 0;
    let mut top1 = 0;
    let mut top3 = 0;
    let mut misses = Vec::new();
    for (language, lines) in CORPUS {
        let (mut n, mut hit1, mut hit3) = (0, 0, 0);
        for line in lines.lines().filter(|line| !line.trim().is_empty()) {
            let item: Value = serde_json::from_str(line).unwrap();
            let want = Category::parse(item["category"].as_str().unwrap()).unwrap();
            let text = item["text"].as_str().unwrap();
            let result = classify(text);
            let first = decided(&result);
            let in_top3 = first == want
                || result
                    .suggestions
                    .iter()
                    .take(3)
                    .any(|s| s.category == want);
            n += 1;
            hit1 += usize::from(first == want);
            hit3 += usize::from(in_top3);
            if first != want {
                let got: Vec<String> = result
                    .suggestions
                    .iter()
                    .take(3)
                    .map(|s| format!("{}:{:.2}{:?}", s.category, s.score, s.matched))
                    .collect();
                misses.push(format!(
                    "[{language}] want {want}, got {first} {got:?}: {text}"
                ));
            }
        }
        println!(
            "{language:8} {n:3} descriptions  top-1 {:5.1}%  top-3 {:5.1}%",
            100.0 * hit1 as f64 / n as f64,
            100.0 * hit3 as f64 / n as f64
        );
        assert!(n >= 20, "{language} has only {n} descriptions");
        total += n;
        top1 += hit1;
        top3 += hit3;
    }
    let top1_rate = 100.0 * top1 as f64 / total as f64;
    let top3_rate = 100.0 * top3 as f64 / total as f64;
    println!("all      {total:3} descriptions  top-1 {top1_rate:5.1}%  top-3 {top3_rate:5.1}%");
    for miss in &misses {
        println!("  miss {miss}");
    }
    assert!(total >= 300, "the corpus has only {total} descriptions");
    assert!(
        top1_rate >= 90.0,
        "top-1 accuracy {top1_rate:.1}% is below 90%"
    );
    assert!(
        top3_rate >= 98.0,
        "top-3 accuracy {top3_rate:.1}% is below 98%"
    );
}

/// Descriptions written after the vocabulary, to see how it generalises
/// beyond the corpus it was built with. Reported, with a lower floor.
#[test]
fn held_out_descriptions_are_reported() {
    let lines = include_str!("corpus/holdout.jsonl");
    let (mut n, mut hit1, mut hit3) = (0, 0, 0);
    for line in lines.lines().filter(|line| !line.trim().is_empty()) {
        let item: Value = serde_json::from_str(line).unwrap();
        let want = Category::parse(item["category"].as_str().unwrap()).unwrap();
        let result = classify(item["text"].as_str().unwrap());
        n += 1;
        hit1 += usize::from(decided(&result) == want);
        hit3 += usize::from(
            decided(&result) == want
                || result
                    .suggestions
                    .iter()
                    .take(3)
                    .any(|s| s.category == want),
        );
    }
    let top1 = 100.0 * hit1 as f64 / n as f64;
    let top3 = 100.0 * hit3 as f64 / n as f64;
    println!("held out {n:3} descriptions  top-1 {top1:5.1}%  top-3 {top3:5.1}%");
    assert!(
        top1 >= 75.0,
        "held-out top-1 accuracy {top1:.1}% is below 75%"
    );
}
