//! The business-hours clock: hand-computed vectors (fixtures/clock.json),
//! shipped holiday lists against the official calendars, local-time edge
//! cases, and properties over random submissions.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, Duration, NaiveDate, Timelike, Utc, Weekday};
use proptest::prelude::*;
use serde_json::Value;
use support_triage::engine::contract::enums::Location;
use support_triage::engine::time::clock::{local_to_utc, BusinessHours};
use support_triage::engine::time::holidays::{japan_national, us_federal_observed, HolidayList};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{Ruleset, ZoneRules};

const FIXTURES: &str = include_str!("fixtures/clock.json");

fn instant(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    text.parse().unwrap()
}

/// The shipped calendar of `location`, with `holidays` in place of its list
/// when given, in `zone` when it has none of its own.
fn with_clock<T>(
    location: Location,
    zone: &str,
    holidays: Option<HolidayList>,
    run: impl FnOnce(&BusinessHours) -> T,
) -> T {
    let ruleset = Ruleset::shipped();
    let calendar = ruleset.calendar(location).unwrap();
    let holidays = holidays.unwrap_or_else(|| calendar.holidays.clone());
    let clock = BusinessHours {
        zone: calendar.zone.as_deref().unwrap_or(zone),
        opens: calendar.opens,
        closes: calendar.closes,
        holidays: &holidays,
        zones: &TzDatabase,
    };
    run(&clock)
}

#[test]
fn hand_computed_deadlines() {
    let fixtures: Value = serde_json::from_str(FIXTURES).unwrap();
    let vectors = fixtures["vectors"].as_array().unwrap();
    let mut failures = Vec::new();
    for vector in vectors {
        let location = Location::parse(vector["location"].as_str().unwrap()).unwrap();
        let zone = vector["time_zone"].as_str().unwrap_or("UTC");
        let holidays = vector["holidays"].as_array().map(|dates| {
            HolidayList::Dates(dates.iter().map(|d| day(d.as_str().unwrap())).collect())
        });
        let submitted = instant(vector["submitted_at"].as_str().unwrap());
        let minutes = vector["minutes"].as_u64().unwrap() as u32;
        let got = with_clock(location, zone, holidays, |clock| {
            clock.deadline(submitted, minutes)
        });
        let want = (
            instant(vector["clock_starts"].as_str().unwrap()),
            instant(vector["due"].as_str().unwrap()),
        );
        match got {
            Some(deadline) if (deadline.clock_starts, deadline.due) == want => {}
            other => failures.push(format!("{}: got {other:?}, want {want:?}", vector["why"])),
        }
    }
    println!("{} clock vectors checked", vectors.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The March and November changes in Los Angeles, and October in Sydney,
/// each move the deadline by exactly the hour a fixed offset would miss.
#[test]
fn daylight_saving_changes_differ_from_a_fixed_offset_by_an_hour() {
    for (location, zone, submitted, fixed_offset_due) in [
        (
            Location::NorthAmerica,
            "UTC",
            "2026-03-06T17:00:00-08:00",
            "2026-03-09T21:00:00Z",
        ),
        (
            Location::NorthAmerica,
            "UTC",
            "2026-10-30T17:00:00-07:00",
            "2026-11-02T20:00:00Z",
        ),
        (
            Location::Other,
            "Australia/Sydney",
            "2026-10-02T16:00:00+10:00",
            "2026-10-05T06:00:00Z",
        ),
    ] {
        let due = with_clock(location, zone, None, |clock| {
            clock.deadline(instant(submitted), 480)
        })
        .unwrap()
        .due;
        let fixed = instant(fixed_offset_due);
        assert_eq!(
            (due - fixed).num_minutes().abs(),
            60,
            "{submitted}: {due} vs fixed {fixed}"
        );
    }
}

#[test]
fn japan_2026_national_holidays_match_the_cabinet_office_list() {
    let want: Vec<NaiveDate> = [
        "2026-01-01",
        "2026-01-12",
        "2026-02-11",
        "2026-02-23",
        "2026-03-20",
        "2026-04-29",
        "2026-05-03",
        "2026-05-04",
        "2026-05-05",
        "2026-05-06",
        "2026-07-20",
        "2026-08-11",
        "2026-09-21",
        "2026-09-22",
        "2026-09-23",
        "2026-10-12",
        "2026-11-03",
        "2026-11-23",
    ]
    .into_iter()
    .map(day)
    .collect();
    assert_eq!(HolidayList::JapanNational.of_year(2026), want);
}

#[test]
fn japan_2025_substitute_holidays() {
    let days = japan_national(2025);
    // Feb 23, May 4 and Nov 23 fall on Sundays; May 4's substitute skips May 5.
    for substitute in ["2025-02-24", "2025-05-06", "2025-11-24"] {
        assert!(
            days.contains(&day(substitute)),
            "{substitute} missing from {days:?}"
        );
    }
    assert_eq!(HolidayList::JapanNational.of_year(2025).len(), 19);
}

#[test]
fn japan_equinoxes_follow_the_observatory_dates() {
    // Published dates: vernal 2024-03-20, 2025-03-20, 2027-03-21, 2028-03-20;
    // autumnal 2024-09-22, 2025-09-23, 2027-09-23, 2028-09-22.
    for equinox in [
        "2024-03-20",
        "2025-03-20",
        "2027-03-21",
        "2028-03-20",
        "2024-09-22",
        "2025-09-23",
        "2027-09-23",
        "2028-09-22",
    ] {
        let date = day(equinox);
        assert!(japan_national(date.year()).contains(&date), "{equinox}");
    }
}

#[test]
fn us_federal_holidays_on_their_observed_days() {
    let want_2026: Vec<NaiveDate> = [
        "2026-01-01",
        "2026-01-19",
        "2026-02-16",
        "2026-05-25",
        "2026-06-19",
        "2026-07-03",
        "2026-09-07",
        "2026-10-12",
        "2026-11-11",
        "2026-11-26",
        "2026-12-25",
    ]
    .into_iter()
    .map(day)
    .collect();
    assert_eq!(us_federal_observed(2026), want_2026);
    let want_2027: Vec<NaiveDate> = [
        "2027-01-01",
        "2027-01-18",
        "2027-02-15",
        "2027-05-31",
        "2027-06-18",
        "2027-07-05",
        "2027-09-06",
        "2027-10-11",
        "2027-11-11",
        "2027-11-25",
        "2027-12-24",
        "2027-12-31",
    ]
    .into_iter()
    .map(day)
    .collect();
    assert_eq!(us_federal_observed(2027), want_2027);
    assert!(
        !us_federal_observed(2028).contains(&day("2028-01-01")),
        "observed on 2027-12-31 instead"
    );
}

#[test]
fn holiday_lists_work_for_any_year() {
    for year in [1990, 2030, 2099] {
        assert!(japan_national(year).len() >= 16, "{year}");
        assert!(us_federal_observed(year).len() >= 9, "{year}");
    }
}

#[test]
fn a_local_time_skipped_by_spring_forward_lands_after_the_gap() {
    let local = day("2026-03-08").and_hms_opt(2, 30, 0).unwrap();
    let utc = local_to_utc(&TzDatabase, "America/Los_Angeles", local).unwrap();
    assert_eq!(utc, instant("2026-03-08T03:30:00-07:00"));
}

#[test]
fn an_ambiguous_local_time_is_its_first_occurrence() {
    let local = day("2026-11-01").and_hms_opt(1, 30, 0).unwrap();
    let utc = local_to_utc(&TzDatabase, "America/Los_Angeles", local).unwrap();
    assert_eq!(utc, instant("2026-11-01T01:30:00-07:00"));
}

#[test]
fn a_list_that_closes_every_day_gives_no_deadline_instead_of_looping() {
    let start = day("2026-01-01");
    let every_day = HolidayList::Dates((0..4 * 366).map(|n| start + Duration::days(n)).collect());
    let deadline = with_clock(Location::Japan, "UTC", Some(every_day), |clock| {
        clock.deadline(instant("2026-01-05T10:00:00+09:00"), 60)
    });
    assert_eq!(deadline, None);
}

#[test]
fn a_year_long_target_is_reached() {
    // 260 working days minus holidays of 480 minutes each: roughly a year of open time.
    let minutes = 250 * 480;
    let deadline = with_clock(Location::Other, "Europe/Berlin", None, |clock| {
        clock.deadline(instant("2026-01-05T09:00:00+01:00"), minutes)
    })
    .unwrap();
    assert!(
        deadline.due.year() == 2026 && deadline.due.month() == 12,
        "{deadline:?}"
    );
}

// ---- properties ----------------------------------------------------------

/// Whether the calendar is open during the minute starting at `at`, decided
/// from the wall clock (UTC → local), the opposite direction to the clock's.
fn open_at(location: Location, zone: &str, at: DateTime<Utc>) -> bool {
    let ruleset = Ruleset::shipped();
    let calendar = ruleset.calendar(location).unwrap();
    let zone = calendar.zone.as_deref().unwrap_or(zone);
    let local = TzDatabase.localize(zone, at).unwrap();
    let minute = (local.hour() * 60 + local.minute()) as u16;
    let date = local.date_naive();
    !matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
        && !calendar.holidays.of_year(date.year()).contains(&date)
        && (calendar.opens..calendar.closes).contains(&minute)
}

const ZONES: &[&str] = &[
    "UTC",
    "Europe/Berlin",
    "America/Sao_Paulo",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Chatham",
    "America/St_Johns",
];

fn case_strategy() -> impl Strategy<Value = (Location, &'static str, DateTime<Utc>, u32)> {
    let location = prop::sample::select(vec![
        Location::NorthAmerica,
        Location::Japan,
        Location::Other,
    ]);
    let zone = prop::sample::select(ZONES.to_vec());
    // Whole minutes between 2025 and 2030, so minutes can be counted one by one.
    let minute = 0i64..(5 * 366 * 24 * 60);
    let target = 0u32..3_000;
    (location, zone, minute, target).prop_map(|(location, zone, minute, target)| {
        (
            location,
            zone,
            instant("2025-01-01T00:00:00Z") + Duration::minutes(minute),
            target,
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn due_follows_clock_start_follows_submission((location, zone, submitted, target) in case_strategy()) {
        let deadline = with_clock(location, zone, None, |clock| clock.deadline(submitted, target)).unwrap();
        prop_assert!(deadline.clock_starts >= submitted);
        prop_assert!(deadline.due >= deadline.clock_starts);
    }

    #[test]
    fn open_minutes_between_start_and_due_equal_the_target((location, zone, submitted, target) in case_strategy()) {
        let deadline = with_clock(location, zone, None, |clock| clock.deadline(submitted, target)).unwrap();
        let mut open = 0;
        let mut at = deadline.clock_starts;
        while at < deadline.due {
            open += u32::from(open_at(location, zone, at));
            at += Duration::minutes(1);
        }
        prop_assert_eq!(open, target);
        if target > 0 {
            prop_assert!(open_at(location, zone, deadline.clock_starts), "the clock starts at an open minute");
        }
        let mut before = submitted;
        while before < deadline.clock_starts {
            prop_assert!(!open_at(location, zone, before), "no open minute is skipped before the start");
            before += Duration::minutes(1);
        }
    }

    #[test]
    fn a_later_submission_is_never_due_earlier(
        (location, zone, submitted, target) in case_strategy(),
        later_by in 0i64..(10 * 24 * 60),
    ) {
        let later = submitted + Duration::minutes(later_by);
        let (first, second) = with_clock(location, zone, None, |clock| {
            (clock.deadline(submitted, target).unwrap(), clock.deadline(later, target).unwrap())
        });
        prop_assert!(second.due >= first.due);
    }
}
