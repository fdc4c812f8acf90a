//! The English catalogue holds every message the engine writes, and every
//! message it holds is used: a key named in the policy's code or tables that
//! the catalogue lacks would show as `⟦key⟧` to a visitor.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use support_triage::engine::messages::{self, Catalogue};

/// Every string literal in the engine's policy sources that looks like a key.
fn keys_named_in_code() -> BTreeSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/engine/policy");
    let mut keys = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for literal in source.split('"').skip(1).step_by(2) {
            let is_key = ["why.", "notice.", "path."]
                .iter()
                .any(|prefix| literal.starts_with(prefix))
                && literal
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'));
            if is_key && !literal.ends_with('.') {
                keys.insert(literal.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_the_policy_names_is_in_the_catalogue() {
    let english = messages::english();
    let keys = keys_named_in_code();
    assert!(keys.len() > 100, "found only {} keys", keys.len());
    let missing: Vec<&String> = keys
        .iter()
        .filter(|key| english.get(key).is_none())
        .collect();
    assert!(missing.is_empty(), "missing from en.txt: {missing:?}");
}

#[test]
fn every_policy_message_in_the_catalogue_is_used() {
    let named = keys_named_in_code();
    let unused: Vec<&str> = messages::english()
        .keys()
        .filter(|key| {
            ["why.", "notice.", "path.pth"]
                .iter()
                .any(|p| key.starts_with(p))
        })
        .filter(|key| !named.contains(*key))
        .collect();
    assert!(
        unused.is_empty(),
        "en.txt messages nothing uses: {unused:?}"
    );
}

#[test]
fn arguments_are_filled_and_plurals_chosen() {
    let english = messages::english();
    assert_eq!(english.count("duration.hours", 1, &[]), "1 hour");
    assert_eq!(english.count("duration.hours", 4, &[]), "4 hours");
    assert_eq!(
        english.format(
            "why.severity.level",
            &[("impact", "Critical"), ("severity", "A")]
        ),
        "Critical business impact: severity A."
    );
    assert_eq!(english.format("no.such.key", &[]), "⟦no.such.key⟧");
    assert_eq!(
        english.arguments("why.severity.level"),
        ["impact", "severity"]
    );
    assert_eq!(english.format("list.separator", &[]), ", ");
}

#[test]
fn a_malformed_catalogue_names_its_line() {
    let error = Catalogue::parse("xx", "# fine\nkey = text\nno equals sign here\n").unwrap_err();
    assert_eq!(error.line, 3);
    assert!(Catalogue::parse("xx", "a = 1\na = 2\n").is_err());
}
