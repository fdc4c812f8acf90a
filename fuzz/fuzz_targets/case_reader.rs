#![no_main]
//! Any bytes as a case, the way `triage eval` and the JavaScript API take one:
//! JSON → `Raw` → `Case::from_raw` → `decide`, with the real zone database.
//! A bad case is an error naming its field, never a panic; a decision is
//! written as JSON whose instants are RFC 3339, its deadline never before
//! the clock starts, nor the clock before the case was submitted.

use chrono::{DateTime, FixedOffset, Utc};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{decide, Case, Raw, Ruleset};

fn rules() -> &'static Ruleset {
    static RULES: OnceLock<Ruleset> = OnceLock::new();
    RULES.get_or_init(Ruleset::shipped)
}

fn instant(value: &serde_json::Value) -> Option<DateTime<FixedOffset>> {
    let text = value.as_str()?;
    let parsed = DateTime::parse_from_rfc3339(text);
    assert!(parsed.is_ok(), "not RFC 3339: {text:?}");
    assert!(
        text.as_bytes()[4] == b'-',
        "not a four-digit year: {text:?}"
    );
    parsed.ok()
}

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<Raw>(data) else {
        return;
    };
    // Wednesday 18 November 2026, 03:15 UTC: when a case gives no time.
    let now = DateTime::<Utc>::from_timestamp(1_795_058_100, 0).unwrap();
    let case = match Case::from_raw(&raw) {
        Ok(case) => case,
        Err(error) => {
            assert!(!error.message.is_empty(), "an error says what is wrong");
            return;
        }
    };
    let decision = match decide(&case, now, rules(), &TzDatabase) {
        Ok(decision) => decision,
        Err(error) => {
            assert!(!error.message.is_empty(), "an error says what is wrong");
            return;
        }
    };
    let json = serde_json::to_value(&decision).expect("a decision is JSON");
    let response = &json["response"];
    let clock_starts = instant(&response["clock_starts"]);
    let due = instant(&response["due"]);
    let due_local = instant(&response["due_local"]);
    if let (Some(starts), Some(due)) = (clock_starts, due) {
        assert!(due >= starts, "due {due} before the clock starts {starts}");
    }
    if let (Some(due), Some(local)) = (due, due_local) {
        let apart = (due - local).num_seconds().abs();
        assert!(apart <= 30, "due_local {local} is not due {due}");
    }
    let submitted = match &raw {
        Raw::Object(fields) => fields.iter().find(|(name, _)| name == "submitted_at"),
        _ => None,
    };
    if let (Some((_, Raw::Text(text))), Some(starts)) = (submitted, clock_starts) {
        if let Ok(submitted) = DateTime::parse_from_rfc3339(text.trim()) {
            assert!(
                starts >= submitted,
                "the clock starts at {starts}, before submitted_at {submitted}"
            );
        }
    }
});
