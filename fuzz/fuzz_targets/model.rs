#![no_main]
//! Any bytes as a classifier model (a host can hand one to
//! `installClassifier`): reading it never panics; a model it accepts writes
//! back to bytes that read as the same model, and classifies a text with
//! scores within 0..1.

use libfuzzer_sys::fuzz_target;
use support_triage::engine::classify::{model::Model, shipped};

fuzz_target!(|data: &[u8]| {
    let Ok(model) = Model::parse(data) else {
        return;
    };
    assert_eq!(Model::parse(&model.to_bytes()).as_ref(), Ok(&model));
    let words = shipped().classify_with(&model, "the invoice is wrong, 請求書が二重です");
    for suggestion in &words.suggestions {
        assert!((0.0..=1.0).contains(&suggestion.score), "score {}", suggestion.score);
    }
});
