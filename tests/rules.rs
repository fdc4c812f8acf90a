//! Every rule of policy.md decides its part: one or more vectors per rule ID,
//! written from the policy text, in `fixtures/rules.json`.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use support_triage::engine::rules::RULES;
use support_triage::engine::zone::TzDatabase;
use support_triage::engine::{evaluate, Raw, Ruleset};

const FIXTURES: &str = include_str!("fixtures/rules.json");

fn fixtures() -> Value {
    serde_json::from_str(FIXTURES).expect("tests/fixtures/rules.json is valid JSON")
}

/// `expected` is contained in `actual`: objects by key, everything else equal.
fn contains(actual: &Value, expected: &Value, path: &str, problems: &mut Vec<String>) {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => {
            for (key, want) in expected {
                let here = format!("{path}.{key}");
                match actual.get(key) {
                    Some(got) => contains(got, want, &here, problems),
                    None => problems.push(format!("{here}: missing, want {want}")),
                }
            }
        }
        _ if actual == expected => {}
        _ => problems.push(format!("{path}: got {actual}, want {expected}")),
    }
}

fn rule_ids(decision: &Value, field: &str) -> Vec<String> {
    decision[field]
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .filter_map(|entry| entry["rule"].as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_rule_vector_holds() {
    let fixtures = fixtures();
    let now = fixtures["now"].as_str().unwrap().parse().unwrap();
    let ruleset = Ruleset::shipped();
    let mut failures = Vec::new();
    let vectors = fixtures["vectors"].as_array().unwrap();
    for (index, vector) in vectors.iter().enumerate() {
        let label = format!("vector {index} ({})", vector["rule"]);
        let raw: Raw = serde_json::from_value(vector["case"].clone()).unwrap();
        let decision = match evaluate(&raw, now, &ruleset, &TzDatabase) {
            Ok(decision) => serde_json::to_value(decision).unwrap(),
            Err(error) => {
                failures.push(format!("{label}: rejected: {error}"));
                continue;
            }
        };
        let mut problems = Vec::new();
        if let Some(expect) = vector.get("expect") {
            contains(&decision, expect, "", &mut problems);
        }
        for (list, field, present) in [
            ("trace", "trace", true),
            ("notices", "notices", true),
            ("no_notices", "notices", false),
        ] {
            let found = rule_ids(&decision, field);
            for rule in vector[list].as_array().into_iter().flatten() {
                let rule = rule.as_str().unwrap();
                if found.iter().any(|id| id == rule) != present {
                    let verb = if present { "lacks" } else { "should not have" };
                    problems.push(format!("{field} {verb} {rule} (has {found:?})"));
                }
            }
        }
        if !problems.is_empty() {
            failures.push(format!("{label}: {}", problems.join("; ")));
        }
    }
    println!("{} rule vectors checked", vectors.len());
    assert!(
        failures.is_empty(),
        "{} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_vector() {
    let fixtures = fixtures();
    let covered: Vec<&str> = fixtures["vectors"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|vector| vector["rule"].as_str())
        .collect();
    let missing: Vec<&str> = RULES
        .iter()
        .map(|rule| rule.id)
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a test vector: {missing:?}"
    );
}

/// The catalogue holds every rule ID that policy.md defines, and no other.
#[test]
fn catalogue_matches_policy() {
    let policy_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/spec/policy.md");
    let policy = std::fs::read_to_string(policy_path).unwrap_or_else(|error| {
        panic!("{policy_path}: {error}; the repository expects shared/ beside it")
    });
    let mut defined: Vec<String> = Vec::new();
    for line in policy.lines() {
        let line = line.trim_start();
        let id = if let Some(rest) = line.strip_prefix("- **") {
            rest.split("**").next()
        } else if let Some(rest) = line.strip_prefix("| ") {
            rest.split(" |")
                .next()
                .filter(|id| id.contains('-') && !id.contains(' '))
        } else {
            line.strip_prefix("**")
                .and_then(|rest| rest.split("**").next())
        };
        if let Some(id) = id.filter(|id| id.chars().next().is_some_and(|c| c.is_ascii_uppercase()))
        {
            if !defined.iter().any(|known| known == id) {
                defined.push(id.to_owned());
            }
        }
    }
    let catalogued: Vec<&str> = RULES.iter().map(|rule| rule.id).collect();
    let missing: Vec<&String> = defined
        .iter()
        .filter(|id| !catalogued.contains(&id.as_str()))
        .collect();
    let extra: Vec<&&str> = catalogued
        .iter()
        .filter(|id| !defined.iter().any(|known| known == *id))
        .collect();
    assert!(
        defined.len() > 60,
        "found only {} rule IDs in policy.md: {defined:?}",
        defined.len()
    );
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing from the catalogue: {missing:?}; not in policy.md: {extra:?}"
    );
}
