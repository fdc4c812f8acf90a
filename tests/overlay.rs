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

fn link_overlay(url: &str) -> String {
    serde_json::json!({"paths": {"PTH-1": {"links": [{"label": "Portal", "url": url}]}}})
        .to_string()
}

/// Where a browser takes each of these (WHATWG URL, on an https: page):
/// another site, or a scheme other than https:. Every one is refused.
#[test]
fn link_urls_that_leave_the_site_or_https_are_refused() {
    for url in [
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r\n/evil.example",
        "\\\\evil.example",
        "\\/evil.example",
        "//evil.example/support",
        "\u{0}//evil.example",
        "\u{1f} /\\evil.example",
        "\t//evil.example",
        "http://portal.example/support",
        "HTTP://portal.example/support",
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        "java\tscript:alert(1)",
        "\u{0}javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "mailto:support@portal.example",
        "evil.example:443/support",
        "https:evil.example",
        "https:/evil.example",
        "https://",
        "https:///",
        "https://?q",
        "https://:443/",
        "https://portal.example@evil.example/",
        "https://user:pass@portal.example/",
        "https://portal.example:99999/",
        "https://portal.example:8o8o/",
    ] {
        let error = overlay_error(&link_overlay(url));
        assert_eq!(error.path, "paths.PTH-1.links[0].url", "{url:?}: {error}");
        assert!(error.message.contains("is not allowed"), "{url:?}: {error}");
        assert!(
            !error.message.contains(['\t', '\n', '\r', '\u{0}']),
            "{url:?}: the message quotes the URL escaped: {error}"
        );
    }
}

/// Links to https: URLs and on the page's own site are kept, cleaned as the
/// browser cleans them: what is shown is what was checked.
#[test]
fn https_and_same_site_links_are_kept_as_the_browser_reads_them() {
    for (url, kept) in [
        (
            "https://it.contoso.example/support",
            "https://it.contoso.example/support",
        ),
        ("HTTPS://Portal.example/a", "HTTPS://Portal.example/a"),
        (
            "https://portal.example:8443/a?b=c#d",
            "https://portal.example:8443/a?b=c#d",
        ),
        ("https://[2001:db8::1]:443/", "https://[2001:db8::1]:443/"),
        ("https:\\\\portal.example\\a", "https://portal.example/a"),
        ("/support", "/support"),
        (
            "/escalations?from=widget#form",
            "/escalations?from=widget#form",
        ),
        ("/a\\b?c\\d#e\\f", "/a/b?c\\d#e\\f"),
        (" /support\t/new\n ", "/support/new"),
        ("support/faq.html", "support/faq.html"),
        ("./faq", "./faq"),
        ("../faq", "../faq"),
        ("?topic=billing", "?topic=billing"),
        ("#faq", "#faq"),
        ("/ /evil.example", "/ /evil.example"),
        ("%2F%2Fevil.example", "%2F%2Fevil.example"),
        ("1evil.example:80", "1evil.example:80"),
    ] {
        let rules = Ruleset::shipped()
            .with_overlay(&raw(&link_overlay(url)))
            .unwrap_or_else(|error| panic!("{url:?}: {error}"));
        let decision = decide(&rules, r#"{"product":"dynamics365"}"#);
        assert_eq!(decision["path"]["rule"], "PTH-1");
        assert_eq!(decision["path"]["links"][0]["url"], kept, "{url:?}");
    }
}

fn many(item: &str, count: usize) -> String {
    vec![item; count].join(",")
}

/// Each limit: the largest allowed value passes, one more is refused with an
/// error naming the field.
#[test]
fn every_list_and_string_of_an_overlay_has_a_limit() {
    let targets = |count: usize| {
        let rows: Vec<String> = ["standard", "professional_direct", "unified", "csp", "none"]
            .iter()
            .flat_map(|plan| {
                ["A", "B", "C"].map(|severity| {
                    format!(r#"{{"plan":"{plan}","severity":"{severity}","minutes":60}}"#)
                })
            })
            .cycle()
            .take(count)
            .collect();
        format!(r#"{{"response_targets":[{}]}}"#, rows.join(","))
    };
    let path = |field: &str| format!(r#"{{"paths":{{"PTH-1":{field}}}}}"#);
    let link = |label: &str, url: &str| format!(r#"{{"label":"{label}","url":"{url}"}}"#);
    let lists = |count: usize| -> Vec<(String, String)> {
        (0..count)
            .map(|n| (format!("list-{n}"), "[billing]\nPO number\n".to_owned()))
            .collect()
    };
    let phrases = |count: usize, length: usize| -> String {
        let mut text = String::from("# owner phrases\n[billing]\n");
        for n in 0..count {
            let phrase = format!("p{n:03}");
            text.push_str(&phrase);
            text.push_str(&"x".repeat(length.saturating_sub(phrase.len())));
            text.push_str(" = 2\n");
        }
        text
    };
    let vocabulary = |lists: Vec<(String, String)>| {
        let map: serde_json::Map<String, serde_json::Value> = lists
            .into_iter()
            .map(|(name, text)| (name, serde_json::Value::String(text)))
            .collect();
        serde_json::json!({ "vocabulary": map }).to_string()
    };
    let holidays = |count: usize| {
        let dates: Vec<String> = (0..count)
            .map(|n| {
                format!(
                    r#""{}-{:02}-{:02}""#,
                    2026 + n / 336,
                    n % 336 / 28 + 1,
                    n % 28 + 1
                )
            })
            .collect();
        format!(r#"{{"holidays":{{"japan":[{}]}}}}"#, dates.join(","))
    };
    let long_list = |chars: usize| {
        let mut text = String::from("[billing]\nPO number\n");
        text.push('#');
        text.push_str(&"請".repeat(chars - text.chars().count()));
        text
    };
    // (allowed, refused, path of the error)
    let cases: Vec<(String, String, &str)> = vec![
        (
            format!(r#"{{"id":"{}"}}"#, "請".repeat(64)),
            format!(r#"{{"id":"{}"}}"#, "請".repeat(65)),
            "id",
        ),
        (targets(15), targets(16), "response_targets"),
        (holidays(1000), holidays(1001), "holidays.japan"),
        (
            path(&format!(r#"{{"steps":[{}]}}"#, many(r#""Step""#, 20))),
            path(&format!(r#"{{"steps":[{}]}}"#, many(r#""Step""#, 21))),
            "paths.PTH-1.steps",
        ),
        (
            path(&format!(r#"{{"steps":["{}"]}}"#, "é".repeat(500))),
            path(&format!(r#"{{"steps":["{}"]}}"#, "é".repeat(501))),
            "paths.PTH-1.steps[0]",
        ),
        (
            path(&format!(
                r#"{{"links":[{}]}}"#,
                many(&link("Portal", "/support"), 10)
            )),
            path(&format!(
                r#"{{"links":[{}]}}"#,
                many(&link("Portal", "/support"), 11)
            )),
            "paths.PTH-1.links",
        ),
        (
            path(&format!(
                r#"{{"links":[{}]}}"#,
                link(&"L".repeat(100), "/support")
            )),
            path(&format!(
                r#"{{"links":[{}]}}"#,
                link(&"L".repeat(101), "/support")
            )),
            "paths.PTH-1.links[0].label",
        ),
        (
            path(&format!(
                r#"{{"links":[{}]}}"#,
                link("Portal", &format!("/{}", "a".repeat(1999)))
            )),
            path(&format!(
                r#"{{"links":[{}]}}"#,
                link("Portal", &format!("/{}", "a".repeat(2000)))
            )),
            "paths.PTH-1.links[0].url",
        ),
        (vocabulary(lists(10)), vocabulary(lists(11)), "vocabulary"),
        (
            vocabulary(vec![("n".repeat(64), "[billing]\nPO number\n".into())]),
            vocabulary(vec![("n".repeat(65), "[billing]\nPO number\n".into())]),
            "vocabulary",
        ),
        (
            vocabulary(vec![("big".into(), long_list(20_000))]),
            vocabulary(vec![("big".into(), long_list(20_001))]),
            "vocabulary.big",
        ),
        (
            vocabulary(vec![
                ("a".into(), phrases(120, 10)),
                ("b".into(), phrases(80, 10)),
            ]),
            vocabulary(vec![
                ("a".into(), phrases(120, 10)),
                ("b".into(), phrases(81, 10)),
            ]),
            "vocabulary.b",
        ),
        (
            vocabulary(vec![("mine".into(), phrases(1, 50))]),
            vocabulary(vec![("mine".into(), phrases(1, 51))]),
            "vocabulary.mine",
        ),
    ];
    for (allowed, refused, path) in cases {
        if let Err(error) = Ruleset::shipped().with_overlay(&raw(&allowed)) {
            panic!("{path}: at the limit: {error}");
        }
        let error = overlay_error(&refused);
        assert_eq!(error.path, path, "{error}");
        assert!(
            error.message.contains("at most") || error.message.contains("longer than"),
            "{error}"
        );
    }
}

#[test]
fn a_phrase_is_measured_once_normalised_and_named_by_its_line() {
    // Punctuation and repeated spaces do not count; `*` and weights do not.
    let long_written = format!("*{}* = 2", "a -- ".repeat(12));
    let rules = Ruleset::shipped()
        .with_overlay(&raw(
            &serde_json::json!({"vocabulary": {"mine": format!("[billing]\n{long_written}\n")}})
                .to_string(),
        ))
        .unwrap();
    assert!(rules.vocabulary.is_some());
    let error = overlay_error(
        &serde_json::json!({"vocabulary": {"mine": format!("# note\n[billing]\nok\n{}\n", "w".repeat(51))}})
            .to_string(),
    );
    assert_eq!(error.path, "vocabulary.mine");
    assert!(error.message.starts_with("line 4: "), "{error}");
    let error = overlay_error(
        &serde_json::json!({"vocabulary": {"mine": format!("[negation:before]\n{}\n", "no\n".repeat(201))}})
            .to_string(),
    );
    assert!(
        error.message.contains("at most 200") || error.message.contains("more than 200"),
        "{error}"
    );
}

/// Many owner phrases that all match at every character (each inside the
/// next) once made each character of a description cost work for every pair
/// of them: about 140 s for 10,000 characters. Within the limits it is
/// linear: a generous bound, far above the few milliseconds it takes. The
/// overlay (`tests/fixtures/worst-overlay.json`, also timed by `cargo bench
/// --bench classify`): 200 phrases of あ, 50 characters long down to 11,
/// spread over five categories and signals, each inside the next.
#[test]
fn the_worst_vocabulary_within_the_limits_classifies_in_linear_time() {
    let rules = Ruleset::shipped()
        .with_overlay(&raw(include_str!("fixtures/worst-overlay.json")))
        .unwrap();
    let vocabulary = rules.vocabulary.as_deref().unwrap();
    let started = std::time::Instant::now();
    let words = vocabulary.classify(&"あ".repeat(20_000));
    assert!(!words.suggestions.is_empty());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(5),
        "{:?} for 20,000 characters",
        started.elapsed()
    );
}
