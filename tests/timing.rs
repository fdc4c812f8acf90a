//! Timing a visitor can plan with (RT-3, RT-4, RT-5, RT-8): why the clock
//! waits for a later opening (`response.waits`), the latest filing time still
//! answered the same day (`response.answered_today_if_filed_by`) and the
//! English round-the-clock alternative (`alternatives`). Vectors computed by
//! hand from the calendars of RT-4 and the shipped holiday lists.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Value};
use support_triage::engine::contract::decision::NoticeKind;
use support_triage::engine::contract::rule_id::RuleId;
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Decision, Raw, Ruleset};

/// Decides a case given as JSON, read through the contract's reader.
fn decide(case: Value) -> Decision {
    let raw: Raw = serde_json::from_value(case).expect("the case parses");
    let never = "2000-01-01T00:00:00Z".parse().unwrap();
    evaluate(&raw, never, &Ruleset::shipped(), &TzDatabase).expect("the case is valid")
}

/// The decision as the contract writes it.
fn json_of(decision: &Decision) -> Value {
    serde_json::to_value(decision).unwrap()
}

fn instant(text: &str) -> DateTime<Utc> {
    text.parse().unwrap()
}

/// A Power Platform / Dynamics 365 request on the Japan calendar.
fn japan(impact: &str, language: &str, submitted_at: &str) -> Value {
    json!({
        "product": "dynamics365",
        "plan": "standard",
        "impact": impact,
        "commit_24x7": true,
        "language": language,
        "location": "japan",
        "submitted_at": submitted_at,
    })
}

/// The catalogue key of the notice `rule` gave, if any.
fn notice_key(decision: &Decision, rule: RuleId) -> Option<&'static str> {
    decision
        .notices_of(NoticeKind::Response)
        .find(|notice| notice.rule == rule)
        .map(|notice| notice.message)
}

fn notice_text(decision: &Decision, rule: RuleId) -> String {
    decision
        .notices
        .iter()
        .find(|notice| notice.rule == rule)
        .map(|notice| notice.text.to_string())
        .unwrap_or_default()
}

#[test]
fn japanese_a_on_friday_evening_waits_for_tuesday_past_the_holiday() {
    // Fri 20 Nov 2026 18:00 JST; Mon 23 Nov is Labour Thanksgiving Day.
    let decision = decide(japan("critical", "ja", "2026-11-20T09:00:00Z"));
    let out = json_of(&decision);
    let response = &out["response"];
    assert_eq!(response["coverage"], "business_hours");
    assert_eq!(response["clock_starts"], "2026-11-24T00:00:00Z");
    assert_eq!(response["due"], "2026-11-24T01:00:00Z");
    assert_eq!(response["due_local"], "2026-11-24T10:00:00+09:00");
    assert_eq!(
        response["waits"],
        json!({ "reason": "holiday", "holidays": ["2026-11-23"] })
    );
    // 16:30 JST was the last filing answered on Friday; 18:00 is past it.
    assert!(response.get("answered_today_if_filed_by").is_none());
    assert_eq!(
        out["alternatives"],
        json!([{
            "kind": "english_24x7",
            "rule": "RT-3",
            "target_minutes": 60,
            "coverage": "24x7",
            "due": "2026-11-20T10:00:00Z",
            "due_local": "2026-11-20T19:00:00+09:00",
        }])
    );
    assert_eq!(
        notice_key(&decision, RuleId::Rt3),
        Some("notice.rt3.english-24x7")
    );
    assert!(notice_text(&decision, RuleId::Rt3).contains("2026-11-20 19:00 Asia/Tokyo"));
    assert_eq!(
        notice_key(&decision, RuleId::Rt5),
        Some("notice.rt5.waits.holiday")
    );
    let wait = notice_text(&decision, RuleId::Rt5);
    assert!(wait.contains("2026-11-24 09:00 Asia/Tokyo"), "{wait}");
    assert!(wait.contains("2026-11-23"), "{wait}");
    assert_eq!(notice_key(&decision, RuleId::Rt4), None);
}

#[test]
fn the_same_request_in_english_runs_around_the_clock_with_no_alternative() {
    let decision = decide(japan("critical", "en", "2026-11-20T09:00:00Z"));
    let out = json_of(&decision);
    let response = &out["response"];
    assert_eq!(response["coverage"], "24x7");
    assert_eq!(response["due"], "2026-11-20T10:00:00Z");
    assert!(response.get("waits").is_none());
    assert!(response.get("answered_today_if_filed_by").is_none());
    assert_eq!(out["alternatives"], json!([]));
    assert_eq!(notice_key(&decision, RuleId::Rt3), None);
    assert_eq!(notice_key(&decision, RuleId::Rt4), None);
}

#[test]
fn a_committed_b_around_the_clock_in_japanese_has_the_english_alternative() {
    let mut case = japan("moderate", "ja", "2026-11-20T09:00:00Z");
    case["coverage"] = json!("24x7");
    let out = json_of(&decide(case));
    assert_eq!(out["response"]["coverage"], "business_hours");
    assert_eq!(out["alternatives"][0]["kind"], "english_24x7");
    assert_eq!(out["alternatives"][0]["target_minutes"], 240);
    assert_eq!(out["alternatives"][0]["due"], "2026-11-20T13:00:00Z");
}

#[test]
fn no_alternative_when_english_would_not_run_around_the_clock_either() {
    // A B on business hours; a C; a public-preview issue (RT-7).
    let mut b = japan("moderate", "ja", "2026-11-20T09:00:00Z");
    b["coverage"] = json!("business_hours");
    let c = japan("minimal", "ja", "2026-11-20T09:00:00Z");
    let mut preview = japan("critical", "ja", "2026-11-20T09:00:00Z");
    preview["preview"] = json!("public_preview");
    preview["category"] = json!("break_fix");
    for case in [b, c, preview] {
        let decision = decide(case.clone());
        assert_eq!(decision.alternatives, vec![], "{case}");
        assert_eq!(notice_key(&decision, RuleId::Rt3), None, "{case}");
    }
}

#[test]
fn the_latest_filing_answered_today_is_closing_minus_the_target() {
    // Professional Direct C: 4 hours; Fri 20 Nov 10:00 JST, closing 17:30.
    let mut case = japan("minimal", "en", "2026-11-20T01:00:00Z");
    case["plan"] = json!("professional_direct");
    let decision = decide(case);
    let response = decision.response.as_ref().unwrap();
    assert_eq!(response.target_minutes, 240);
    assert_eq!(
        response.answered_today_if_filed_by,
        Some(instant("2026-11-20T04:30:00Z")) // 13:30 JST
    );
    assert_eq!(response.due, Some(instant("2026-11-20T05:00:00Z")));
    assert_eq!(response.waits, None);
    assert_eq!(
        json_of(&decision)["response"]["answered_today_if_filed_by"],
        "2026-11-20T04:30:00Z"
    );
    assert_eq!(
        notice_key(&decision, RuleId::Rt4),
        Some("notice.rt4.answered-today")
    );
    assert!(notice_text(&decision, RuleId::Rt4).contains("2026-11-20 13:30 Asia/Tokyo"));

    // Filed exactly at that time: still answered today, due at closing.
    let mut at_the_latest = japan("minimal", "en", "2026-11-20T04:30:00Z");
    at_the_latest["plan"] = json!("professional_direct");
    let response = decide(at_the_latest).response.unwrap();
    assert_eq!(
        response.answered_today_if_filed_by,
        Some(instant("2026-11-20T04:30:00Z"))
    );
    assert_eq!(response.due, Some(instant("2026-11-20T08:30:00Z")));

    // Standard C, 8 hours: 09:30 JST; at 10:00 the visitor is past it.
    let standard = decide(japan("minimal", "en", "2026-11-20T00:00:00Z"));
    let response = standard.response.unwrap();
    assert_eq!(response.target_minutes, 480);
    assert_eq!(
        response.answered_today_if_filed_by,
        Some(instant("2026-11-20T00:30:00Z"))
    );
    let late = decide(japan("minimal", "en", "2026-11-20T01:00:00Z"));
    assert_eq!(
        late.response.as_ref().unwrap().answered_today_if_filed_by,
        None
    );
    assert_eq!(notice_key(&late, RuleId::Rt4), None);
}

#[test]
fn a_b_filed_at_four_is_past_its_same_day_filing_time() {
    // Standard B, 4 hours, Fri 16:00 JST: 90 minutes on Friday, the rest on
    // Tuesday (Monday is a holiday) from 09:00: 11:30 JST.
    let mut case = japan("moderate", "en", "2026-11-20T07:00:00Z");
    case["coverage"] = json!("business_hours");
    let decision = decide(case);
    let response = decision.response.unwrap();
    assert_eq!(response.target_minutes, 240);
    assert_eq!(response.answered_today_if_filed_by, None);
    assert_eq!(response.waits, None, "filed inside a window: no wait");
    assert_eq!(response.due, Some(instant("2026-11-24T02:30:00Z")));
}

#[test]
fn a_weekend_wait_lists_no_holiday() {
    // Sat 28 Nov 10:00 JST: Monday 30 November 09:00 JST.
    let decision = decide(japan("minimal", "en", "2026-11-28T01:00:00Z"));
    let out = json_of(&decision);
    assert_eq!(
        out["response"]["waits"],
        json!({ "reason": "weekend", "holidays": [] })
    );
    assert_eq!(out["response"]["clock_starts"], "2026-11-30T00:00:00Z");
    assert_eq!(out["response"]["due"], "2026-11-30T08:00:00Z");
    assert!(out["response"].get("answered_today_if_filed_by").is_none());
    assert_eq!(
        notice_key(&decision, RuleId::Rt5),
        Some("notice.rt5.waits.weekend")
    );
    // Friday 27 November after closing: the weekend too.
    let friday = decide(japan("minimal", "en", "2026-11-27T09:00:00Z"));
    let wait = friday.response.unwrap().waits.unwrap();
    assert_eq!(json!(wait.reason.as_str()), "weekend");
}

#[test]
fn before_opening_the_clock_starts_the_same_morning() {
    // Tue 24 Nov 08:00 JST, standard C: opens 09:00, due 17:00; filing by
    // 09:30 is still answered today.
    let decision = decide(japan("minimal", "en", "2026-11-23T23:00:00Z"));
    let out = json_of(&decision);
    let response = &out["response"];
    assert_eq!(
        response["waits"],
        json!({ "reason": "before_opening", "holidays": [] })
    );
    assert_eq!(response["clock_starts"], "2026-11-24T00:00:00Z");
    assert_eq!(response["due"], "2026-11-24T08:00:00Z");
    assert_eq!(
        response["answered_today_if_filed_by"],
        "2026-11-24T00:30:00Z"
    );
    assert_eq!(
        notice_key(&decision, RuleId::Rt5),
        Some("notice.rt5.waits.before-opening")
    );
    assert_eq!(
        notice_key(&decision, RuleId::Rt4),
        Some("notice.rt4.answered-today")
    );
}

#[test]
fn after_closing_on_tuesday_the_clock_starts_on_wednesday() {
    let decision = decide(japan("minimal", "en", "2026-11-24T09:00:00Z"));
    let out = json_of(&decision);
    assert_eq!(
        out["response"]["waits"],
        json!({ "reason": "after_closing", "holidays": [] })
    );
    assert_eq!(out["response"]["clock_starts"], "2026-11-25T00:00:00Z");
    assert_eq!(
        notice_key(&decision, RuleId::Rt5),
        Some("notice.rt5.waits.after-closing")
    );
}

/// A standard C on the North America calendar (06:00–18:00 Pacific).
fn north_america(submitted_at: &str) -> Value {
    json!({
        "product": "power_platform",
        "impact": "minimal",
        "location": "north_america",
        "submitted_at": submitted_at,
    })
}

#[test]
fn north_america_across_the_spring_change() {
    // Sat 7 Mar 2026 10:00 PST; clocks go forward on Sunday 8 March: the
    // clock starts Mon 06:00 PDT (13:00Z), 8 hours later 14:00 PDT.
    let response = decide(north_america("2026-03-07T18:00:00Z"))
        .response
        .unwrap();
    assert_eq!(json!(response.waits.unwrap().reason.as_str()), "weekend");
    assert_eq!(response.clock_starts, Some(instant("2026-03-09T13:00:00Z")));
    assert_eq!(response.due, Some(instant("2026-03-09T21:00:00Z")));
    assert_eq!(response.answered_today_if_filed_by, None);

    // Mon 9 Mar 05:00 PDT: before opening; 18:00 PDT − 8 h = 10:00 PDT.
    let response = decide(north_america("2026-03-09T12:00:00Z"))
        .response
        .unwrap();
    assert_eq!(
        json!(response.waits.unwrap().reason.as_str()),
        "before_opening"
    );
    assert_eq!(
        response.answered_today_if_filed_by,
        Some(instant("2026-03-09T17:00:00Z"))
    );

    // Fri 6 Mar 09:00 PST, before the change: 18:00 PST − 8 h = 10:00 PST.
    let response = decide(north_america("2026-03-06T17:00:00Z"))
        .response
        .unwrap();
    assert_eq!(response.waits, None);
    assert_eq!(
        response.answered_today_if_filed_by,
        Some(instant("2026-03-06T18:00:00Z"))
    );
}

#[test]
fn north_america_skips_thanksgiving() {
    // Wed 25 Nov 2026 19:00 PST: Thursday is Thanksgiving; Fri 06:00 PST.
    let response = decide(north_america("2026-11-26T03:00:00Z"))
        .response
        .unwrap();
    let out = serde_json::to_value(&response).unwrap();
    assert_eq!(
        out["waits"],
        json!({ "reason": "holiday", "holidays": ["2026-11-26"] })
    );
    assert_eq!(out["clock_starts"], "2026-11-27T14:00:00Z");
}

/// A standard C on the `other` calendar in Berlin, with the case's holidays.
fn berlin(submitted_at: &str, holidays: &[&str]) -> Value {
    json!({
        "product": "dynamics365",
        "impact": "minimal",
        "time_zone": "Europe/Berlin",
        "holidays": holidays,
        "submitted_at": submitted_at,
    })
}

#[test]
fn the_case_holiday_list_is_the_one_a_wait_names() {
    // Wed 23 Dec 2026 18:00 CET; the case closes 24–26 December (the 26th
    // is a Saturday: it closes nothing more and is not listed).
    let holidays = ["2026-12-24", "2026-12-25", "2026-12-26"];
    let decision = decide(berlin("2026-12-23T17:00:00Z", &holidays));
    let out = json_of(&decision);
    assert_eq!(out["response"]["holiday_list"], "case");
    assert_eq!(
        out["response"]["waits"],
        json!({ "reason": "holiday", "holidays": ["2026-12-24", "2026-12-25"] })
    );
    assert_eq!(out["response"]["clock_starts"], "2026-12-28T08:00:00Z");
    assert_eq!(
        notice_key(&decision, RuleId::Rt5),
        Some("notice.rt5.waits.holidays")
    );
    let text = notice_text(&decision, RuleId::Rt5);
    assert!(text.contains("2026-12-24, 2026-12-25"), "{text}");

    // Filed on a holiday itself: that date is skipped too.
    let on_the_day = decide(berlin("2026-12-24T09:00:00Z", &holidays));
    let response = on_the_day.response.unwrap();
    assert_eq!(
        response.waits.unwrap().holidays,
        vec!["2026-12-24".parse().unwrap(), "2026-12-25".parse().unwrap()]
    );
    assert_eq!(response.answered_today_if_filed_by, None);

    // An empty list replaces the shipped one: nothing is skipped.
    let empty = decide(berlin("2026-12-23T17:00:00Z", &[]))
        .response
        .unwrap();
    assert_eq!(json!(empty.waits.unwrap().reason.as_str()), "after_closing");
}

#[test]
fn a_wait_lists_at_most_thirty_holidays() {
    // Every working day of 2027 until 1 July is a holiday.
    let start: chrono::NaiveDate = "2027-01-01".parse().unwrap();
    let days: Vec<String> = (0..181)
        .map(|n| (start + Duration::days(n)).to_string())
        .collect();
    let days: Vec<&str> = days.iter().map(String::as_str).collect();
    let response = decide(berlin("2026-12-31T17:00:00Z", &days))
        .response
        .unwrap();
    let wait = response.waits.unwrap();
    assert_eq!(wait.holidays.len(), 30);
    assert_eq!(wait.holidays[0], start);
    assert_eq!(response.clock_starts, Some(instant("2027-07-01T07:00:00Z")));
}

#[test]
fn around_the_clock_has_no_wait_and_no_same_day_time() {
    for at in [
        "2026-11-20T09:00:00Z",
        "2026-11-21T03:00:00Z",
        "2026-11-20T01:00:00Z",
    ] {
        let mut case = japan("moderate", "en", at);
        case["coverage"] = json!("24x7");
        let out = json_of(&decide(case));
        assert_eq!(out["response"]["coverage"], "24x7");
        assert!(out["response"].get("waits").is_none(), "{at}");
        assert!(
            out["response"].get("answered_today_if_filed_by").is_none(),
            "{at}"
        );
    }
}

#[test]
fn every_decision_has_its_alternatives_field() {
    let out = json_of(&decide(json!({ "product": "azure" })));
    assert_eq!(out["alternatives"], json!([]));
    assert!(out["response"].is_null());
}

#[test]
fn the_timing_notices_read_in_every_language() {
    for locale in [
        "ja", "id", "es", "fr", "de", "it", "pt", "zh-Hans", "zh-Hant",
    ] {
        let mut case = japan("critical", "ja", "2026-11-20T09:00:00Z");
        case["locale"] = json!(locale);
        let decision = decide(case);
        for rule in [RuleId::Rt3, RuleId::Rt5] {
            let text = notice_text(&decision, rule);
            assert!(
                !text.is_empty() && !text.contains('{'),
                "{locale} {rule}: {text}"
            );
        }
        assert!(notice_text(&decision, RuleId::Rt5).contains("2026-11-23"));
    }
}

#[test]
fn the_same_day_filing_time_is_the_latest_in_every_zone() {
    use chrono_tz::TZ_VARIANTS;
    use support_triage::engine::time::clock::BusinessHours;
    use support_triage::engine::time::holidays::HolidayList;
    let mut seed: u64 = 0x5eed_7141;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        seed >> 33
    };
    let start = instant("2000-01-01T00:00:00Z");
    let mut checked = 0;
    for tz in TZ_VARIANTS {
        let hours = BusinessHours {
            zone: tz.name(),
            opens: 9 * 60,
            closes: 17 * 60,
            holidays: &HolidayList::None,
            zones: &TzDatabase,
        };
        for _ in 0..12 {
            let at = start + Duration::minutes((next() % (30 * 366 * 1440)) as i64);
            let minutes = [30, 60, 240, 480][(next() % 4) as usize];
            let Some(latest) = hours.latest_same_day_filing(at, minutes) else {
                continue;
            };
            checked += 1;
            let day = hours.local_date(at);
            assert_eq!(hours.local_date(latest), day, "{} {at}", tz.name());
            let on_time = hours.deadline(latest, minutes).unwrap();
            let late = hours
                .deadline(latest + Duration::minutes(1), minutes)
                .unwrap();
            assert_eq!(on_time.clock_starts, latest, "{} {at}", tz.name());
            assert_ne!(hours.local_date(late.due), day, "{} {at}", tz.name());
        }
    }
    assert!(checked > 1000, "only {checked} same-day times checked");
}
