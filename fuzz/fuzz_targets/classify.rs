#![no_main]
//! Any text as a description: the classifier never panics, scores stay
//! within 0..1, and every word it reports as matched is the visitor's own.

use libfuzzer_sys::fuzz_target;
use support_triage::engine::classify::classify;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let words = classify(&text);
    for suggestion in &words.suggestions {
        assert!(
            (0.0..=1.0).contains(&suggestion.score),
            "score {}",
            suggestion.score
        );
        for matched in &suggestion.matched {
            assert!(
                text.contains(matched.as_str()),
                "{matched:?} is not in the text"
            );
        }
    }
    for signal in &words.signals {
        for matched in &signal.matched {
            assert!(
                text.contains(matched.as_str()),
                "{matched:?} is not in the text"
            );
        }
    }
    if let Some(category) = words.confident {
        assert_eq!(words.suggestions[0].category, category);
    }
});
