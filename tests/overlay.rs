//! Owner-supplied rules: the overlay schema, applied and validated.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Raw, Ruleset};

const EXAMPLE: &str = include_str!("../www/overlay.example.json");

fn raw(json: &str) -> Raw {
    serde_json::from_str(json).expect("test JSON")
}

fn decide(rules: &Ruleset, case: &str) -> serde_json::Value {
    let now: DateTime<Utc> = "2026-11-18T03:15:00Z".parse().unwrap();
    serde_json::to_value(evaluate(&raw(case), now, rules, &TzDatabase).unwrap()).unwrap()
}

fn overlay_error(json: &str) -> support_triage::engine::InputError {
    Ruleset::shipped()
        .with_overlay(&raw(json))
        .expect_err("the overlay should be rejected")
}

#[test]
fn the_example_overlay_applies() {
    let rules = Ruleset::shipped().with_overlay(&raw(EXAMPLE)).unwrap();
    assert_eq!(rules.id, "support-policy@2026.11+contoso-2026-11");
    let b = decide(&rules, r#"{"product":"dynamics365","impact":"moderate"}"#);
    assert_eq!(
        b["response"]["target_minutes"], 180,
        "the owner's response table"
    );
    assert_eq!(b["ruleset"], "support-policy@2026.11+contoso-2026-11");
    assert_eq!(
        b["path"]["steps"][0],
        "Open the Contoso IT portal and choose \"Microsoft cloud support\"."
    );
    assert_eq!(
        b["path"]["links"][0]["url"],
        "https://it.contoso.example/support"
    );
    let year_end = decide(
        &rules,
        r#"{"product":"dynamics365","impact":"minimal","location":"japan","submitted_at":"2026-12-28T17:00:00+09:00"}"#,
    );
    assert_eq!(year_end["response"]["holiday_list"], "owner");
    assert_eq!(
        year_end["response"]["due"], "2027-01-04T07:30:00Z",
        "the owner's year-end closure is skipped"
    );
    let words = decide(
        &rules,
        r#"{"product":"dynamics365","description":"Where do I put the PO number?"}"#,
    );
    assert_eq!(
        words["category"], "billing",
        "the owner's vocabulary is used"
    );
}

#[test]
fn an_untouched_table_keeps_the_shipped_rows() {
    let rules = Ruleset::shipped()
        .with_overlay(&raw(r#"{"id":"x"}"#))
        .unwrap();
    let c = decide(&rules, r#"{"product":"dynamics365","impact":"minimal"}"#);
    assert_eq!(c["response"]["target_minutes"], 480);
}

#[test]
fn every_problem_names_its_path() {
    for (json, path, says) in [
        (r#"{"colour":"blue"}"#, "colour", "not a field"),
        (
            r#"{"response_targets":[{"plan":"gold","severity":"A","minutes":10}]}"#,
            "response_targets[0].plan",
            "use one of",
        ),
        (
            r#"{"response_targets":[{"plan":"standard","severity":"A","minutes":-5}]}"#,
            "response_targets[0].minutes",
            "whole number",
        ),
        (
            r#"{"response_targets":[{"plan":"standard","severity":"A"}]}"#,
            "response_targets[0].minutes",
            "required",
        ),
        (
            r#"{"holidays":{"japan":["2026-13-01"]}}"#,
            "holidays.japan[0]",
            "YYYY-MM-DD",
        ),
        (
            r#"{"holidays":{"mars":[]}}"#,
            "holidays.mars",
            "not a field",
        ),
        (
            r#"{"paths":{"PTH-99":{"steps":["x"]}}}"#,
            "paths.PTH-99",
            "not a field",
        ),
        (
            r#"{"paths":{"PTH-1":{"steps":[""]}}}"#,
            "paths.PTH-1.steps[0]",
            "empty",
        ),
        (
            r#"{"paths":{"PTH-1":{"links":[{"label":"x","url":"javascript:alert(1)"}]}}}"#,
            "paths.PTH-1.links[0].url",
            "not allowed",
        ),
        (
            r#"{"vocabulary":{"mine":"[bilings]\nfoo"}}"#,
            "vocabulary.mine",
            "line 1: unknown section",
        ),
        (r#"{"id":""}"#, "id", "empty"),
        (r#"[1,2]"#, "", "JSON object"),
    ] {
        let error = overlay_error(json);
        assert_eq!(error.path, path, "{json}: {error}");
        assert!(error.message.contains(says), "{json}: {error}");
    }
}
