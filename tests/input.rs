//! Bad input never panics and never loses the visitor's text: every problem
//! is an error naming the field and what is allowed.
#![cfg(not(target_arch = "wasm32"))]

use support_triage::engine::{Case, InputError, Raw};

fn parse(json: &str) -> Result<Case, InputError> {
    let raw: Raw = serde_json::from_str(json).expect("test input is JSON");
    Case::from_raw(&raw)
}

fn error(json: &str) -> InputError {
    parse(json).expect_err("input should be rejected")
}

#[test]
fn defaults_follow_the_contract() {
    let case = parse(r#"{"product":"azure"}"#).unwrap();
    assert_eq!(case.role.as_str(), "customer_admin");
    assert_eq!(case.coverage.as_str(), "business_hours");
    assert_eq!(case.plan.as_str(), "standard");
    assert_eq!(case.language.as_str(), "en");
    assert_eq!(case.location.as_str(), "other");
    assert_eq!(case.time_zone, "UTC");
    assert!(case.holidays.is_none() && case.submitted_at.is_none());
    assert!(case.admin_access && !case.commit_24x7 && !case.custom_code);
    assert_eq!(case.preview.as_str(), "ga");
    assert_eq!(case.scope.as_str(), "single_function");
}

#[test]
fn explicit_null_means_the_default() {
    let case = parse(r#"{"product":"azure","impact":null,"plan":null}"#).unwrap();
    assert!(case.impact.is_none());
    assert_eq!(case.plan.as_str(), "standard");
}

#[test]
fn every_enum_field_lists_its_allowed_values() {
    for (field, allowed) in [
        ("role", "customer_admin, end_user, partner_for_customer, partner_own"),
        ("category", "break_fix, advisory, billing, subscription, licensing, fraud, marketplace, service_incident, performance, data_corruption, rca_request, preview, follow_up"),
        ("impact", "critical, moderate, minimal"),
        ("coverage", "24x7, business_hours"),
        ("plan", "standard, professional_direct, unified, csp, none"),
        ("location", "north_america, japan, other"),
        ("preview", "ga, public_preview, private_preview, limited_preview"),
        ("scope", "single_function, multiple_areas"),
    ] {
        let error = error(&format!(r#"{{"product":"azure","{field}":"Nope"}}"#));
        assert_eq!(error.path, field);
        assert!(error.message.ends_with(&format!("use one of: {allowed}")), "{error}");
        assert_eq!(error.allowed.join(", "), allowed);
    }
}

#[test]
fn enum_spellings_are_exact() {
    let error = error(r#"{"product":"Azure"}"#);
    assert_eq!(error.path, "product");
    assert!(error
        .to_string()
        .contains("the string \"Azure\" is not allowed"));
}

#[test]
fn an_enum_given_a_number_is_named() {
    let error = error(r#"{"product":"azure","impact":3}"#);
    assert_eq!(error.path, "impact");
    assert!(error
        .message
        .starts_with("the number 3 is not allowed here"));
}

#[test]
fn unknown_and_duplicate_fields_are_errors() {
    let unknown = error(r#"{"product":"azure","comit_24x7":true}"#);
    assert_eq!(unknown.path, "comit_24x7");
    assert!(
        unknown.message.contains("commit_24x7"),
        "lists the real fields: {unknown}"
    );
    let twice = error(r#"{"product":"azure","impact":"minimal","impact":"critical"}"#);
    assert_eq!(twice.path, "impact");
    assert!(twice.message.contains("twice"));
}

#[test]
fn holidays_must_be_calendar_dates() {
    let bad = error(r#"{"product":"azure","holidays":["2026-12-25","2026-02-30"]}"#);
    assert_eq!(bad.path, "holidays[1]");
    assert!(bad.message.contains("YYYY-MM-DD"));
    let loose = error(r#"{"product":"azure","holidays":["2026-1-1"]}"#);
    assert_eq!(loose.path, "holidays[0]");
    let not_list = error(r#"{"product":"azure","holidays":"2026-12-25"}"#);
    assert_eq!(not_list.path, "holidays");
    let empty = parse(r#"{"product":"azure","holidays":[]}"#).unwrap();
    assert_eq!(
        empty.holidays,
        Some(vec![]),
        "an empty list replaces the shipped one"
    );
}

#[test]
fn submitted_at_must_be_rfc_3339() {
    let bad = error(r#"{"product":"azure","submitted_at":"18/11/2026 10:00"}"#);
    assert_eq!(bad.path, "submitted_at");
    assert!(bad.message.contains("RFC 3339"));
    let offset =
        parse(r#"{"product":"azure","submitted_at":"2026-11-18T12:15:00+09:00"}"#).unwrap();
    assert_eq!(
        offset.submitted_at.unwrap().to_rfc3339(),
        "2026-11-18T03:15:00+00:00"
    );
}

#[test]
fn language_tags_are_checked_and_canonicalised() {
    assert_eq!(
        parse(r#"{"product":"azure","language":"ZH-hant-tw"}"#)
            .unwrap()
            .language
            .as_str(),
        "zh-Hant-TW"
    );
    assert_eq!(
        parse(r#"{"product":"azure","language":"pt_BR"}"#)
            .unwrap()
            .language
            .as_str(),
        "pt-BR"
    );
    let bad = error(r#"{"product":"azure","language":"日本語"}"#);
    assert_eq!(bad.path, "language");
    assert!(bad.message.contains("BCP 47"));
}

#[test]
fn previous_case_needs_a_number_and_checks_its_fields() {
    let missing = error(r#"{"product":"azure","previous_case":{"same_build":true}}"#);
    assert_eq!(missing.path, "previous_case.number");
    let wrong = error(r#"{"product":"azure","previous_case":{"number":"1","after_hotfix":"no"}}"#);
    assert_eq!(wrong.path, "previous_case.after_hotfix");
    let unknown =
        error(r#"{"product":"azure","previous_case":{"number":"1","closed":"2026-01-01"}}"#);
    assert_eq!(unknown.path, "previous_case.closed");
    let not_object = error(r#"{"product":"azure","previous_case":"123"}"#);
    assert_eq!(not_object.path, "previous_case");
}

#[test]
fn the_visitors_text_is_kept_exactly() {
    let text =
        "  請求書の金額が間違っています 🧾\u{200F}שלום مرحبا\n<img src=x onerror=alert(1)>  ";
    let json = serde_json::json!({"product": "dynamics365", "description": text}).to_string();
    assert_eq!(parse(&json).unwrap().description, text);
}

#[test]
fn non_object_input_is_an_error_without_a_path() {
    for json in ["[]", "\"azure\"", "null", "true"] {
        let error = error(json);
        assert_eq!(error.path, "");
        assert!(
            error.message.starts_with("expected a JSON object"),
            "{error}"
        );
    }
}
