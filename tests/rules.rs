//! Every rule of policy.md decides its part: one or more vectors per rule ID,
//! written from the policy text, in `fixtures/rules.json`. Every decision a
//! vector makes is also held to the coherence rules of policy.md §9
//! (COH-1..4); `tests/coherence.rs` walks the whole space of enum answers.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{DateTime, Utc};
use serde_json::Value;
use support_triage::engine::contract::decision::{DecidedField, Decision};
use support_triage::engine::contract::enums::Role;
use support_triage::engine::contract::rule_id::RuleId;
use support_triage::engine::messages;
use support_triage::engine::policy::rules::RULES;
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{decide, Case, InputError, Raw, Ruleset};

const FIXTURES: &str = include_str!("fixtures/rules.json");

/// The keys a vector may have (a misspelt key would silently check nothing).
const VECTOR_KEYS: &[&str] = &[
    "rule",
    "says",
    "case",
    "expect",
    "trace",
    "no_trace",
    "notices",
    "no_notices",
    "includes",
    "text_includes",
    "steps_exclude",
    "notices_exclude",
    "error_path",
];

fn fixtures() -> Value {
    serde_json::from_str(FIXTURES).expect("tests/fixtures/rules.json is valid JSON")
}

fn vectors(fixtures: &Value) -> &Vec<Value> {
    fixtures["vectors"]
        .as_array()
        .expect("fixtures have a vectors array")
}

fn now(fixtures: &Value) -> DateTime<Utc> {
    fixtures["now"]
        .as_str()
        .expect("fixtures give `now`")
        .parse()
        .expect("`now` is an RFC 3339 instant")
}

/// Reads and decides one vector's case: the validated case and its
/// decision, or the input error (from validation or from deciding); `Err`
/// when the case is not even an input tree.
fn run(
    vector: &Value,
    now: DateTime<Utc>,
    ruleset: &Ruleset,
) -> Result<Result<(Case, Decision), InputError>, String> {
    let raw: Raw = serde_json::from_value(vector["case"].clone())
        .map_err(|error| format!("the case does not parse: {error}"))?;
    Ok(Case::from_raw(&raw).and_then(|case| {
        let decision = decide(&case, now, ruleset, &TzDatabase)?;
        Ok((case, decision))
    }))
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

fn strings(value: &Value) -> impl Iterator<Item = &str> {
    value
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
}

/// The path's title and steps.
fn path_texts(decision: &Decision) -> impl Iterator<Item = &str> {
    std::iter::once(decision.path.title.as_ref())
        .chain(decision.path.steps.iter().map(|s| s.as_ref()))
}

fn contains_ignoring_case(text: &str, phrase: &str) -> bool {
    text.to_lowercase().contains(&phrase.to_lowercase())
}

/// The vector's own checks on one decision.
fn vector_problems(vector: &Value, decision: &Decision) -> Vec<String> {
    let json = serde_json::to_value(decision).expect("a decision serialises");
    let mut problems = Vec::new();
    if let Some(expect) = vector.get("expect") {
        contains(&json, expect, "", &mut problems);
    }
    for (list, field, present) in [
        ("trace", "trace", true),
        ("no_trace", "trace", false),
        ("notices", "notices", true),
        ("no_notices", "notices", false),
    ] {
        let found = rule_ids(&json, field);
        for rule in strings(&vector[list]) {
            if RuleId::parse(rule).is_none() {
                problems.push(format!("{list}: {rule} is not a rule ID of policy.md"));
            }
            if found.iter().any(|id| id == rule) != present {
                let verb = if present { "lacks" } else { "should not have" };
                problems.push(format!("{field} {verb} {rule} (has {found:?})"));
            }
        }
    }
    if let Some(includes) = vector.get("includes").and_then(Value::as_object) {
        for (field, wanted) in includes {
            let got: Vec<&str> = strings(&json[field.as_str()]).collect();
            for want in strings(wanted) {
                if !got.contains(&want) {
                    problems.push(format!("{field} lacks {want:?} (has {got:?})"));
                }
            }
        }
    }
    let notice_texts = || decision.notices.iter().map(|notice| &*notice.text);
    for phrase in strings(&vector["text_includes"]) {
        if !path_texts(decision)
            .chain(notice_texts())
            .any(|text| contains_ignoring_case(text, phrase))
        {
            problems.push(format!(
                "no path step or notice says {phrase:?} (steps: {:?})",
                decision.path.steps
            ));
        }
    }
    for phrase in strings(&vector["steps_exclude"]) {
        for text in path_texts(decision).filter(|text| contains_ignoring_case(text, phrase)) {
            problems.push(format!("a path step says {phrase:?}: {text:?}"));
        }
    }
    for phrase in strings(&vector["notices_exclude"]) {
        for notice in &decision.notices {
            if contains_ignoring_case(&notice.text, phrase) {
                problems.push(format!(
                    "notice {} says {phrase:?}: {:?}",
                    notice.rule, notice.text
                ));
            }
        }
    }
    problems
}

#[test]
fn every_rule_vector_holds() {
    let fixtures = fixtures();
    let now = now(&fixtures);
    let ruleset = Ruleset::shipped();
    let mut failures = Vec::new();
    let vectors = vectors(&fixtures);
    for (index, vector) in vectors.iter().enumerate() {
        let label = format!("vector {index} ({})", vector["rule"]);
        if let Some(object) = vector.as_object() {
            let unknown: Vec<&String> = object
                .keys()
                .filter(|key| !VECTOR_KEYS.contains(&key.as_str()))
                .collect();
            if !unknown.is_empty() {
                failures.push(format!("{label}: unknown keys {unknown:?}"));
            }
        }
        let result = match run(vector, now, &ruleset) {
            Ok(result) => result,
            Err(problem) => {
                failures.push(format!("{label}: {problem}"));
                continue;
            }
        };
        if let Some(want) = vector.get("error_path").and_then(Value::as_str) {
            match result {
                Err(error) if error.path == want => {}
                Err(error) => failures.push(format!(
                    "{label}: rejected at {:?} ({error}), want an input error at {want:?}",
                    error.path
                )),
                Ok((_, decision)) => failures.push(format!(
                    "{label}: accepted (reopen {:?}), want an input error at {want:?}",
                    decision.reopen
                )),
            }
            continue;
        }
        let decision = match result {
            Ok((_, decision)) => decision,
            Err(error) => {
                failures.push(format!("{label}: rejected: {error}"));
                continue;
            }
        };
        let problems = vector_problems(vector, &decision);
        if !problems.is_empty() {
            failures.push(format!("{label}: {}", problems.join("; ")));
        }
    }
    println!("{} rule vectors checked", vectors.len());
    assert!(
        failures.is_empty(),
        "{} of {} vectors failed:\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

/// COH-1..4 and SEV-9 on one decision.
fn coherence_problems(case: &Case, decision: &Decision) -> Vec<String> {
    use RuleId::*;
    let mut problems = Vec::new();
    let noticed = |rule: RuleId| decision.notices.iter().any(|notice| notice.rule == rule);
    // COH-1
    if decision.severity.is_none() {
        for rule in [Sev2, Sev3, Sev5, Sev6, Sev8] {
            if noticed(rule) {
                problems.push(format!("COH-1: severity is null but {rule} is noticed"));
            }
        }
        for text in path_texts(decision).filter(|text| contains_ignoring_case(text, "severity")) {
            problems.push(format!(
                "COH-1: severity is null but the path says {text:?}"
            ));
        }
    } else if !decision.supported {
        problems.push("COH-1: a severity for a request that is not supported".into());
    }
    if decision.response.is_none() {
        for rule in [Rt2, Rt3, Rt5, Rt6, Rt7, Sev3] {
            if noticed(rule) || decision.traces(rule) {
                problems.push(format!(
                    "COH-1: response is null but {rule} is traced or noticed"
                ));
            }
        }
    } else if !decision.supported {
        problems.push("SEV-9: a response target for a request that is not supported".into());
    }
    if decision.path.rule == Pth9 || !decision.supported {
        for rule in [Esc2, Pth11, Pth12] {
            if noticed(rule) {
                problems.push(format!(
                    "COH-1: {rule} noticed though the path is {} and supported is {}",
                    decision.path.rule, decision.supported
                ));
            }
        }
    }
    if case.role == Role::EndUser && noticed(Cov4) {
        problems.push("COH-1: an end user is told COV-4 (you file it yourself)".into());
    }
    // COH-2
    for (index, notice) in decision.notices.iter().enumerate() {
        if decision.notices[..index]
            .iter()
            .any(|earlier| earlier.rule == notice.rule)
        {
            problems.push(format!("COH-2: {} noticed twice", notice.rule));
        }
    }
    for (index, entry) in decision.trace.iter().enumerate() {
        if decision.trace[..index]
            .iter()
            .any(|earlier| earlier.rule == entry.rule && earlier.field == entry.field)
        {
            problems.push(format!(
                "COH-2: {} traced twice for {:?}",
                entry.rule, entry.field
            ));
        }
    }
    // COH-3
    for field in common::decided_fields(case) {
        if !decision.trace.iter().any(|entry| entry.field == field) {
            problems.push(format!("COH-3: no trace entry for {field:?}"));
        }
    }
    if !decision
        .trace
        .iter()
        .any(|entry| entry.rule == decision.path.rule && entry.field == DecidedField::Path)
    {
        problems.push(format!(
            "COH-3: the path rule {} is not traced",
            decision.path.rule
        ));
    }
    // COH-4
    let codes = common::Codes::new();
    let texts = path_texts(decision)
        .map(|text| ("path", text))
        .chain(decision.notices.iter().map(|n| ("notice", &*n.text)))
        .chain(decision.trace.iter().map(|t| ("trace", &*t.why)));
    for (place, text) in texts {
        if let Some(problem) = codes.problem(text) {
            problems.push(format!("COH-4: {place} text shows {problem}: {text:?}"));
        }
    }
    problems
}

/// policy.md §9 holds for every decision a vector makes, whatever rule the
/// vector is about.
#[test]
fn every_vector_decision_is_coherent() {
    let fixtures = fixtures();
    let now = now(&fixtures);
    let ruleset = Ruleset::shipped();
    let mut failures = Vec::new();
    for (index, vector) in vectors(&fixtures).iter().enumerate() {
        let Ok(Ok((case, decision))) = run(vector, now, &ruleset) else {
            continue; // every_rule_vector_holds reports these
        };
        let problems = coherence_problems(&case, &decision);
        if !problems.is_empty() {
            failures.push(format!(
                "vector {index} ({}): {}",
                vector["rule"],
                problems.join("; ")
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} vectors make incoherent decisions:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_rule_has_a_vector() {
    let fixtures = fixtures();
    let covered: Vec<&str> = vectors(&fixtures)
        .iter()
        .filter_map(|vector| vector["rule"].as_str())
        .collect();
    let unknown: Vec<&&str> = covered
        .iter()
        .filter(|rule| RuleId::parse(rule).is_none())
        .collect();
    assert!(
        unknown.is_empty(),
        "vectors name unknown rules: {unknown:?}"
    );
    let missing: Vec<&str> = RULES
        .iter()
        .map(|rule| rule.id.as_str())
        .filter(|id| !covered.contains(id))
        .collect();
    assert!(
        missing.is_empty(),
        "rules without a test vector: {missing:?}"
    );
}

/// The catalogue lists every rule once, in [`RuleId`] order (the engine
/// looks a rule up by its enum index).
#[test]
fn catalogue_is_in_rule_id_order() {
    assert_eq!(
        RULES.len(),
        RuleId::ALL.len(),
        "one catalogue entry per RuleId"
    );
    for (index, (rule, id)) in RULES.iter().zip(RuleId::ALL).enumerate() {
        assert_eq!(
            rule.id, *id,
            "RULES[{index}] is {}, RuleId::ALL[{index}] is {id}",
            rule.id
        );
    }
}

fn policy_text() -> String {
    let policy_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/spec/policy.md");
    std::fs::read_to_string(policy_path).unwrap_or_else(|error| {
        panic!("{policy_path}: {error}; the repository expects shared/ beside it")
    })
}

/// Whether `text` is spelt like a rule ID: `SEV-2`, `SUP-LANG`, `PTH-13`.
fn is_rule_id(text: &str) -> bool {
    text.starts_with(|c: char| c.is_ascii_uppercase())
        && text.contains('-')
        && text
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
}

/// The rule ID a policy.md line defines: `- **ID**`, a table row `| ID |`,
/// or a paragraph starting `**ID**`.
fn defined_id(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let id = if let Some(rest) = line.strip_prefix("- **") {
        rest.split("**").next()
    } else if let Some(rest) = line.strip_prefix("| ") {
        rest.split(" |").next()
    } else {
        line.strip_prefix("**")
            .and_then(|rest| rest.split("**").next())
    };
    id.filter(|id| is_rule_id(id))
}

/// The catalogue holds every rule ID that policy.md defines, and no other.
#[test]
fn catalogue_matches_policy() {
    let policy = policy_text();
    let mut defined: Vec<&str> = Vec::new();
    for id in policy.lines().filter_map(defined_id) {
        if !defined.contains(&id) {
            defined.push(id);
        }
    }
    let catalogued: Vec<&str> = RULES.iter().map(|rule| rule.id.as_str()).collect();
    let missing: Vec<&&str> = defined
        .iter()
        .filter(|id| !catalogued.contains(id))
        .collect();
    let extra: Vec<&&str> = catalogued
        .iter()
        .filter(|id| !defined.contains(id))
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

fn push_new<'a>(list: &mut Vec<&'a str>, id: &'a str) {
    if !list.contains(&id) {
        list.push(id);
    }
}

/// COH-3, second half: a rule that policy.md marks "(design…)" — in its own
/// text, in the revision note's list, or by its section's heading — has a
/// design sentence in the catalogue, so that it is labelled as design
/// wherever its source is shown.
#[test]
fn design_rules_are_labelled() {
    let policy = policy_text();
    let mut marked: Vec<&str> = Vec::new();
    let mut current: Option<&str> = None;
    let mut section_is_design = false;
    let mut in_revision_note = false;
    for line in policy.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with("**Revised") {
            in_revision_note = true;
        }
        if trimmed.is_empty() {
            in_revision_note = false;
        }
        if in_revision_note {
            for word in trimmed.split([',', ' ', ':']) {
                if is_rule_id(word) {
                    push_new(&mut marked, word);
                }
            }
        }
        if let Some(heading) = trimmed.strip_prefix("## ") {
            section_is_design = heading.contains("(design");
            current = None;
            continue;
        }
        if let Some(id) = defined_id(line) {
            current = Some(id);
            if section_is_design {
                push_new(&mut marked, id);
            }
        } else if trimmed.is_empty() || trimmed.starts_with("- ") || trimmed.starts_with('|') {
            current = None;
        }
        if let Some(id) = current {
            if trimmed.contains("(design") {
                push_new(&mut marked, id);
            }
        }
    }
    let new_ones = ["SEV-9", "PTH-13", "REO-0", "COH-1", "COH-4"];
    for id in new_ones {
        assert!(
            marked.contains(&id),
            "the parser missed the design rule {id}: {marked:?}"
        );
    }
    let unlabelled: Vec<&&str> = marked
        .iter()
        .filter(|id| {
            RULES
                .iter()
                .find(|rule| rule.id.as_str() == **id)
                .is_some_and(|rule| !rule.design)
        })
        .collect();
    let labelled_only_in_code: Vec<&str> = RULES
        .iter()
        .filter(|rule| rule.design && !marked.contains(&rule.id.as_str()))
        .map(|rule| rule.id.as_str())
        .collect();
    println!(
        "{} rules marked design in policy.md; catalogue-only design sentences: {labelled_only_in_code:?}",
        marked.len()
    );
    assert!(
        unlabelled.is_empty(),
        "policy.md marks these rules as design, the catalogue has no design sentence for them: {unlabelled:?}"
    );
}

/// Every rule's sentences are in the English catalogue, and every source a
/// rule cites is quoted in its own language in `src/locales/sources.txt`.
#[test]
fn every_rule_has_its_sentences_and_its_sources_words() {
    let english = messages::why_for("en").expect("the English Why? texts");
    let quotes = messages::quotes().expect("src/locales/sources.txt");
    let mut problems = Vec::new();
    for rule in RULES {
        if rule.sourced != rule.sourced_text(english).is_some() {
            problems.push(format!("{}: sourced sentence", rule.id));
        }
        if rule.design != rule.design_text(english).is_some() {
            problems.push(format!("{}: design sentence", rule.id));
        }
        for source in rule.sources {
            if source.quote(rule.id, quotes).is_none_or(str::is_empty) {
                problems.push(format!("{}: no quote from {}", rule.id, source.code()));
            }
        }
    }
    assert!(problems.is_empty(), "{problems:?}");
}
