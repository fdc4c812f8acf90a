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

// ---- Issue 13: dates, output instants, error messages, limits ----------

use chrono::{DateTime, Utc};
use serde_json::Value;
use support_triage::engine::contract::fields;
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Ruleset};

/// The decision's JSON for `json`, decided at a fixed `now`.
fn decide_json(json: &str) -> Value {
    decide_at(json, "2026-11-18T00:00:00Z").expect("the case is decided")
}

fn decide_at(json: &str, now: &str) -> Result<Value, InputError> {
    let raw: Raw = serde_json::from_str(json).expect("test input is JSON");
    let now = DateTime::parse_from_rfc3339(now)
        .unwrap()
        .with_timezone(&Utc);
    evaluate(&raw, now, &Ruleset::shipped(), &TzDatabase)
        .map(|decision| serde_json::to_value(decision).unwrap())
}

fn submitted(text: &str) -> Result<Case, InputError> {
    parse(&serde_json::json!({"product": "azure", "submitted_at": text}).to_string())
}

/// Reads an RFC 3339 instant the way a strict reader would: exactly
/// `YYYY-MM-DDTHH:MM:SS[.fff]` then `Z` or `±HH:MM`, a four-digit year.
fn strict_instant(text: &str) -> DateTime<Utc> {
    let bytes = text.as_bytes();
    assert!(text.is_ascii(), "{text} is ASCII");
    assert_eq!(&text[4..5], "-", "{text}");
    assert_eq!(&text[10..11], "T", "{text}");
    assert!(
        bytes[..4].iter().all(u8::is_ascii_digit),
        "{text}: four-digit year"
    );
    let zone = &text[19..];
    let zone = zone.trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    assert!(
        zone == "Z" || (zone.len() == 6 && &zone[3..4] == ":"),
        "{text}: offset Z or ±HH:MM"
    );
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

#[test]
fn leap_second_wall_times_are_refused() {
    for text in ["2026-11-18T03:15:60Z", "2016-12-31T23:59:60Z"] {
        let error = submitted(text).expect_err(text);
        assert_eq!(error.path, "submitted_at");
        assert!(error.message.contains("leap second"), "{error}");
    }
    assert!(submitted("2026-11-18T03:15:59Z").is_ok());
}

#[test]
fn offsets_take_ascii_signs_only() {
    let error = submitted("2026-11-18T03:15:00\u{2212}08:00").expect_err("U+2212");
    assert_eq!(error.path, "submitted_at");
    assert!(error.message.contains("RFC 3339"), "{error}");
    let ascii = submitted("2026-11-18T03:15:00-08:00").unwrap();
    assert_eq!(
        ascii.submitted_at.unwrap().to_rfc3339(),
        "2026-11-18T11:15:00+00:00"
    );
}

#[test]
fn instants_are_written_as_every_rfc_3339_reader_reads_them() {
    // What JavaScript's Date reads as well as RFC 3339: `T` and `Z` in
    // capitals, seconds, a two-digit `±HH:MM` offset.
    for text in [
        "2026-11-18t03:15:00Z",
        "2026-11-18T03:15:00z",
        "2026-11-18 03:15:00Z",
        "2026-11-18T03:15Z",
        "2026-11-18T03:15:00+0900",
        "2026-11-18T03:15:00+09",
        "2026-11-18T24:00:00Z",
        "2026-11-18T03:15:00+24:00",
        "2026-11-18T03:15:00.Z",
        "+02026-11-18T03:15:00Z",
        "2026-11-18",
        "２０２６-11-18T03:15:00Z",
    ] {
        let error = submitted(text).expect_err(text);
        assert_eq!(error.path, "submitted_at", "{text}");
        assert!(error.message.contains("RFC 3339"), "{text}: {error}");
    }
    let too_fine = submitted("2026-11-18T03:15:00.1234567891Z").expect_err("ten digits");
    assert!(too_fine.message.contains("nine digits"), "{too_fine}");
    for (text, utc) in [
        ("2026-11-18T03:15:00Z", "2026-11-18T03:15:00+00:00"),
        ("  2026-11-18T12:15:00+09:00 ", "2026-11-18T03:15:00+00:00"),
        ("2026-11-18T03:15:00-00:00", "2026-11-18T03:15:00+00:00"),
        ("2026-11-18T03:15:00.5Z", "2026-11-18T03:15:00.500+00:00"),
        (
            "2026-11-18T03:15:00.123456789Z",
            "2026-11-18T03:15:00.123456789+00:00",
        ),
        ("2026-11-18T03:15:00+23:59", "2026-11-17T03:16:00+00:00"),
    ] {
        assert_eq!(
            submitted(text).unwrap().submitted_at.unwrap().to_rfc3339(),
            utc,
            "{text}"
        );
    }
}

#[test]
fn dates_lie_in_the_years_1900_to_9999() {
    for text in [
        "1899-12-31T23:59:59Z",
        "0000-01-01T00:00:00Z",
        "9990-01-01T00:00:00Z",
        "9999-12-31T23:59:59Z",
    ] {
        let error = submitted(text).expect_err(text);
        assert_eq!(error.path, "submitted_at");
        assert!(error.message.contains("1900"), "{text}: {error}");
    }
    assert!(submitted("1900-01-01T00:00:00Z").is_ok());
    assert!(submitted("9989-12-31T23:59:59Z").is_ok());
    let holiday = error(r#"{"product":"azure","holidays":["2026-12-25","1899-12-25"]}"#);
    assert_eq!(holiday.path, "holidays[1]");
    assert!(holiday.message.contains("1900"), "{holiday}");
    let year_zero = error(r#"{"product":"azure","holidays":["0000-01-01"]}"#);
    assert_eq!(year_zero.path, "holidays[0]");
    assert!(parse(r#"{"product":"azure","holidays":["1900-01-01","9999-12-31"]}"#).is_ok());
    let closed =
        error(r#"{"product":"azure","previous_case":{"number":"1","closed_on":"1776-07-04"}}"#);
    assert_eq!(closed.path, "previous_case.closed_on");
}

#[test]
fn output_instants_keep_the_inputs_precision() {
    // 24x7: clock_starts is submitted_at itself, to the nanosecond.
    let around_the_clock = decide_json(
        r#"{"product":"azure","role":"partner_for_customer","plan":"csp","impact":"critical",
            "commit_24x7":true,"submitted_at":"2026-11-18T03:15:00.5Z"}"#,
    );
    let response = &around_the_clock["response"];
    assert_eq!(response["coverage"], "24x7");
    assert_eq!(response["clock_starts"], "2026-11-18T03:15:00.500Z");
    assert_eq!(response["due"], "2026-11-18T05:15:00.500Z");
    // Business hours, inside the window: the clock starts at the instant
    // given, never before it.
    let inside = decide_json(
        r#"{"product":"dynamics365","impact":"minimal","location":"japan",
            "submitted_at":"2026-11-18T10:00:00.000000001+09:00"}"#,
    );
    let response = &inside["response"];
    assert_eq!(response["coverage"], "business_hours");
    let submitted = strict_instant("2026-11-18T01:00:00.000000001Z");
    let starts = strict_instant(response["clock_starts"].as_str().unwrap());
    assert_eq!(starts, submitted, "{response}");
    let due = strict_instant(response["due"].as_str().unwrap());
    let due_local = strict_instant(response["due_local"].as_str().unwrap());
    assert!(due > starts && due == due_local, "{response}");
    // Whole seconds stay whole.
    let whole = decide_json(
        r#"{"product":"dynamics365","impact":"minimal","location":"japan",
            "submitted_at":"2026-11-18T10:00:00+09:00"}"#,
    );
    assert_eq!(whole["response"]["clock_starts"], "2026-11-18T01:00:00Z");
}

#[test]
fn due_local_denotes_the_same_instant_as_due_in_zones_with_second_offsets() {
    // Liberia kept Monrovia Mean Time, UTC−00:44:30, until 1972.
    let decision = decide_json(
        r#"{"product":"dynamics365","impact":"minimal","time_zone":"Africa/Monrovia",
            "submitted_at":"1960-06-01T10:00:00Z"}"#,
    );
    let response = &decision["response"];
    let due = strict_instant(response["due"].as_str().unwrap());
    let local = response["due_local"].as_str().unwrap();
    assert_eq!(strict_instant(local), due, "{response}");
    assert!(
        local.ends_with("-00:45") || local.ends_with("-00:44"),
        "{local}"
    );
}

#[test]
fn every_output_instant_lies_in_the_years_0000_to_9999() {
    for json in [
        r#"{"product":"dynamics365","impact":"minimal","location":"japan","submitted_at":"9989-12-31T17:00:00-23:59"}"#,
        r#"{"product":"azure","role":"partner_for_customer","plan":"csp","impact":"critical","commit_24x7":true,"submitted_at":"9989-12-31T23:59:59-23:59"}"#,
        r#"{"product":"dynamics365","impact":"minimal","time_zone":"Pacific/Kiritimati","submitted_at":"1900-01-01T00:00:00+23:59"}"#,
    ] {
        let decision = decide_json(json);
        let response = &decision["response"];
        for field in ["clock_starts", "due", "due_local"] {
            let text = response[field]
                .as_str()
                .unwrap_or_else(|| panic!("{field}: {response}"));
            strict_instant(text);
        }
    }
    // The instant that stands in for a missing submitted_at is held to the
    // same range.
    let error = decide_at(
        r#"{"product":"dynamics365","impact":"minimal","location":"japan"}"#,
        "9999-12-31T00:00:00Z",
    )
    .expect_err("now in 9999");
    assert_eq!(error.path, "submitted_at");
    assert!(error.message.contains("9989"), "{error}");
    // So is a case built by hand rather than read.
    let mut case = Case::new(support_triage::engine::contract::enums::Product::Dynamics365);
    case.submitted_at = Some(strict_instant("9999-12-31T00:00:00Z"));
    let now = strict_instant("2026-11-18T00:00:00Z");
    let error = support_triage::engine::decide(&case, now, &Ruleset::shipped(), &TzDatabase)
        .expect_err("submitted in 9999");
    assert_eq!(error.path, "submitted_at");
}

#[test]
fn unknown_keys_are_quoted_escaped_and_shortened() {
    let hostile = "\u{1b}]0;owned\u{7}\u{1b}[31mred\u{9b}2J";
    let json = serde_json::json!({"product": "azure", hostile: true}).to_string();
    let error = error(&json);
    let shown = error.to_string();
    assert!(!shown.chars().any(char::is_control), "{shown:?}");
    assert!(shown.contains("\\u{1b}]0;owned"), "{shown}");
    let long = "k".repeat(100_000);
    let json = serde_json::json!({"product": "azure", long: true}).to_string();
    let error = error_of(&json);
    assert!(
        error.to_string().len() < 400,
        "{} bytes",
        error.to_string().len()
    );
    assert!(error.path.len() < 100, "{}", error.path.len());
    let nested =
        serde_json::json!({"product": "azure", "previous_case": {"number": "1", hostile: 1}});
    let error = error_of(&nested.to_string());
    assert!(error.path.starts_with("previous_case."), "{}", error.path);
    assert!(!error.to_string().chars().any(char::is_control), "{error}");
}

fn error_of(json: &str) -> InputError {
    error(json)
}

#[test]
fn a_dotted_top_level_key_is_not_the_nested_field() {
    let error = error(r#"{"product":"azure","previous_case.number":"123"}"#);
    assert_ne!(error.path, "previous_case.number");
    assert!(fields::find(&error.path).is_none(), "{}", error.path);
    assert_ne!(
        support_triage::widget::answers::error_field(&error),
        "previous_case.number"
    );
    assert!(
        error.to_string().contains("\"previous_case.number\""),
        "{error}"
    );
    // A plain unknown key still names itself.
    assert_eq!(
        error_of(r#"{"product":"azure","comit_24x7":true}"#).path,
        "comit_24x7"
    );
}

#[test]
fn large_whole_numbers_are_not_called_fractional() {
    for (number, words) in [
        ("1000000000000000", "the number 1000000000000000"),
        ("9007199254740991", "the number 9007199254740991"),
        ("-9007199254740991", "the number -9007199254740991"),
        ("9007199254740992", "a whole number of 16 or more digits"),
        ("1e300", "a whole number of 16 or more digits"),
        ("3", "the number 3"),
        ("2.5", "a fractional number"),
    ] {
        let error = error(&format!(r#"{{"product":"azure","impact":{number}}}"#));
        assert!(
            error
                .message
                .starts_with(&format!("{words} is not allowed")),
            "{number}: {error}"
        );
    }
    assert_eq!(Raw::Number(f64::NAN).kind(), "NaN");
    assert_eq!(Raw::Number(f64::INFINITY).kind(), "an infinite number");
}

#[test]
fn a_description_over_100000_characters_is_refused() {
    let at_limit = "語".repeat(100_000);
    let json = serde_json::json!({"product": "azure", "description": at_limit}).to_string();
    assert_eq!(parse(&json).unwrap().description.chars().count(), 100_000);
    let over = "x".repeat(123_456);
    let json = serde_json::json!({"product": "azure", "description": over}).to_string();
    let error = error(&json);
    assert_eq!(error.path, "description");
    assert_eq!(error.message, "is 123,456 characters; the limit is 100,000");
}

#[test]
fn case_numbers_time_zones_and_language_tags_have_length_limits() {
    for (field, limit) in [("time_zone", 64), ("language", 64)] {
        let json = serde_json::json!({"product": "azure", field: "a".repeat(65)}).to_string();
        let error = error(&json);
        assert_eq!(error.path, field);
        assert_eq!(
            error.message,
            format!("is 65 characters; the limit is {limit}")
        );
    }
    let number = |n: usize| {
        serde_json::json!({"product": "azure", "previous_case": {"number": "7".repeat(n)}})
            .to_string()
    };
    assert!(parse(&number(64)).is_ok());
    let error = error(&number(65));
    assert_eq!(error.path, "previous_case.number");
    assert_eq!(error.message, "is 65 characters; the limit is 64");
}

#[test]
fn holiday_lists_hold_at_most_1000_dates() {
    let list = |n: usize| {
        let dates: Vec<String> = (0..n)
            .map(|i| {
                let day = chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                    + chrono::Duration::days(i as i64);
                day.to_string()
            })
            .collect();
        serde_json::json!({"product": "azure", "holidays": dates}).to_string()
    };
    assert_eq!(parse(&list(1000)).unwrap().holidays.unwrap().len(), 1000);
    let error = error(&list(1001));
    assert_eq!(error.path, "holidays");
    assert_eq!(error.message, "has 1,001 dates; the limit is 1,000");
}

#[test]
fn the_field_table_states_the_limits() {
    for (path, limit) in [
        ("description", 100_000),
        ("time_zone", 64),
        ("language", 64),
        ("holidays", 1_000),
        ("previous_case.number", 64),
    ] {
        assert_eq!(fields::find(path).unwrap().limit, Some(limit), "{path}");
    }
    assert_eq!(fields::find("impact").unwrap().limit, None);
}
