//! The business-hours clock: hand-computed vectors (fixtures/clock.json),
//! shipped holiday lists against the official calendars, local-time edge
//! cases, the three-year horizon, properties over random submissions, and the
//! clock against a minute-stepping reference in every zone chrono-tz knows.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, Duration, NaiveDate, Offset, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::{Tz, TZ_VARIANTS};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;
use support_triage::engine::contract::enums::Location;
use support_triage::engine::time::clock::{
    local_to_utc, BusinessHours, NotDue, HORIZON_DAYS, MAX_TARGET_MINUTES,
};
use support_triage::engine::time::holidays::{japan_national, us_federal_observed, HolidayList};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Raw, Ruleset, ZoneRules};

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
    assert_eq!(HolidayList::JapanNational.of_year(2026).to_vec(), want);
}

#[test]
fn remembered_years_are_the_years_computed() {
    // More years than are kept, in both lists, twice over: the second pass
    // reads what the first kept or computes again what it let go.
    for _ in 0..2 {
        for year in 2020..2036 {
            let mut japan = japan_national(year);
            japan.sort();
            assert_eq!(
                HolidayList::JapanNational.of_year(year).to_vec(),
                japan,
                "{year}"
            );
            let mut us = us_federal_observed(year);
            us.sort();
            us.dedup();
            assert_eq!(HolidayList::UsFederal.of_year(year).to_vec(), us, "{year}");
        }
    }
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
    let deadline = with_clock(Location::Japan, "UTC", Some(every_day.clone()), |clock| {
        clock.deadline(instant("2026-01-05T10:00:00+09:00"), 60)
    });
    assert_eq!(deadline, None);
    let walk = with_clock(Location::Japan, "UTC", Some(every_day), |clock| {
        clock.walk(instant("2026-01-05T10:00:00+09:00"), 60)
    });
    assert_eq!(walk, Err(NotDue::NoWindow));
}

#[test]
fn a_target_longer_than_the_horizon_holds_is_told_apart_from_a_closed_calendar() {
    // From Monday 5 Jan 2026 09:00 the horizon (1098 days) ends on Sunday
    // 7 Jan 2029: 156 weeks and Monday to Friday of one more, 785 working
    // days of 480 minutes.
    let submitted = instant("2026-01-05T09:00:00Z");
    assert_eq!(
        submitted + Duration::days(HORIZON_DAYS),
        instant("2029-01-07T09:00:00Z")
    );
    let walk = with_clock(Location::Other, "UTC", None, |clock| {
        clock.walk(submitted, 400_000)
    });
    assert_eq!(
        walk,
        Err(NotDue::BeyondHorizon {
            clock_starts: submitted,
            open_minutes: 785 * 480,
        })
    );
    let just_fits = with_clock(Location::Other, "UTC", None, |clock| {
        clock.walk(submitted, 785 * 480)
    });
    assert_eq!(
        just_fits.map(|deadline| deadline.due),
        Ok(instant("2029-01-05T17:00:00Z"))
    );
}

fn raw(json: &str) -> Raw {
    serde_json::from_str(json).expect("test JSON")
}

/// The response notices of a decision on `rules`.
fn response_notices(rules: &Ruleset, case: &str) -> Vec<String> {
    let now = instant("2026-11-18T03:15:00Z");
    let decision =
        serde_json::to_value(evaluate(&raw(case), now, rules, &TzDatabase).unwrap()).unwrap();
    assert_eq!(decision["response"]["due"], Value::Null, "{decision}");
    decision["notices"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|notice| notice["rule"] == "RT-5")
        .map(|notice| notice["message"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn the_notice_blames_the_holiday_list_only_when_it_closes_every_day() {
    let target = format!(
        r#"{{"response_targets":[{{"plan":"standard","severity":"C","minutes":{MAX_TARGET_MINUTES}}}]}}"#
    );
    let rules = Ruleset::shipped().with_overlay(&raw(&target)).unwrap();
    // 40 working days off leave about 357,600 open minutes in the horizon:
    // too few for the longest target, yet windows open.
    let start = day("2027-01-04");
    let weekdays = (0..60)
        .map(|n| start + Duration::days(n))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .take(40)
        .map(|d| format!("\"{d}\""))
        .collect::<Vec<_>>()
        .join(",");
    let case = format!(
        r#"{{"product":"dynamics365","impact":"minimal","location":"other","time_zone":"UTC","submitted_at":"2026-11-18T09:00:00Z","holidays":[{weekdays}]}}"#
    );
    assert_eq!(
        response_notices(&rules, &case),
        ["notice.rt5.beyond-horizon"]
    );
    // A list that closes every working day for three years is the list's doing.
    let start = day("2026-11-18");
    let every_day = (0..HORIZON_DAYS + 2)
        .map(|n| start + Duration::days(n))
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .map(|d| format!("\"{d}\""))
        .collect::<Vec<_>>()
        .join(",");
    let case = format!(
        r#"{{"product":"dynamics365","impact":"minimal","location":"other","time_zone":"UTC","submitted_at":"2026-11-18T09:00:00Z","holidays":[{every_day}]}}"#
    );
    assert_eq!(response_notices(&rules, &case), ["notice.rt5.no-window"]);
}

#[test]
fn an_owner_target_longer_than_the_horizon_holds_is_refused() {
    let overlay = |minutes: u32| {
        raw(&format!(
            r#"{{"response_targets":[{{"plan":"standard","severity":"C","minutes":1}},{{"plan":"standard","severity":"B","minutes":{minutes}}}]}}"#
        ))
    };
    let error = Ruleset::shipped()
        .with_overlay(&overlay(MAX_TARGET_MINUTES + 1))
        .expect_err("a target that cannot fall due within the horizon");
    assert_eq!(error.path, "response_targets[1].minutes");
    assert!(
        error.message.contains(&MAX_TARGET_MINUTES.to_string()),
        "names the maximum: {error}"
    );
    assert!(Ruleset::shipped()
        .with_overlay(&overlay(MAX_TARGET_MINUTES))
        .is_ok());
}

/// The longest target an owner may set runs out within the horizon on every
/// shipped calendar with its shipped holidays, filed at any time of any day
/// (sampled every 29 days and 7 hours, so every weekday and every time of day
/// comes round), across the years the holiday rules cover, and in Apia
/// around the Friday it skipped.
#[test]
fn the_longest_owner_target_falls_due_on_every_shipped_calendar() {
    let mut fewest: Vec<(Location, &str, u32, DateTime<Utc>)> = Vec::new();
    for (location, zone, from, to) in [
        (Location::NorthAmerica, "UTC", 1980, 2097),
        (Location::Japan, "UTC", 1980, 2097),
        (Location::Other, "UTC", 1980, 2097),
        (Location::Other, "Pacific/Apia", 2008, 2012),
    ] {
        let mut least = (u32::MAX, instant(&format!("{from}-01-01T00:00:00Z")));
        let mut submitted = least.1;
        while submitted.year() < to {
            let open = with_clock(location, zone, None, |clock| {
                match clock.walk(submitted, u32::MAX / 2) {
                    Err(NotDue::BeyondHorizon { open_minutes, .. }) => open_minutes,
                    other => panic!("{other:?}"),
                }
            });
            if open < least.0 {
                least = (open, submitted);
            }
            submitted += Duration::days(29) + Duration::hours(7);
        }
        fewest.push((location, zone, least.0, least.1));
    }
    println!("fewest open minutes in a horizon: {fewest:?}");
    for (location, zone, open, submitted) in fewest {
        assert!(
            open >= MAX_TARGET_MINUTES,
            "{location:?} in {zone} from {submitted}: {open} open minutes"
        );
    }
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

// ---- the clock against a minute-stepping reference, in every zone ---------

fn offset_of(tz: Tz, at: DateTime<Utc>) -> i32 {
    tz.offset_from_utc_datetime(&at.naive_utc())
        .fix()
        .local_minus_utc()
}

/// The instants in 1970–2037 at which `tz` changes its UTC offset (probed
/// every two days, then pinned to the second), and every offset it has then.
fn offset_changes(tz: Tz) -> (Vec<DateTime<Utc>>, Vec<i32>) {
    let end = instant("2038-01-01T00:00:00Z").timestamp();
    let mut at = instant("1970-01-01T00:00:00Z").timestamp();
    let offset = |t: i64| offset_of(tz, DateTime::from_timestamp(t, 0).unwrap());
    let (mut changes, mut offsets) = (Vec::new(), vec![offset(at)]);
    while at < end {
        let probe = at + 2 * 86_400;
        let now = offset(at);
        if offset(probe) == now {
            at = probe;
            continue;
        }
        let (mut before, mut after) = (at, probe);
        while after - before > 1 {
            let middle = before + (after - before) / 2;
            if offset(middle) == now {
                before = middle;
            } else {
                after = middle;
            }
        }
        changes.push(DateTime::from_timestamp(after, 0).unwrap());
        offsets.push(offset(after));
        at = after;
    }
    (changes, offsets)
}

/// A working week: `opens`..`closes` local time, Monday to Friday, not on
/// `holidays`.
#[derive(Clone, Debug)]
struct Week {
    opens: u16,
    closes: u16,
    holidays: Vec<NaiveDate>,
}

/// The reference: from `submitted`, step `step` seconds at a time through
/// real time, count a step as open when the wall clock of `tz` at its start
/// shows a working day and a time inside the window, and stop when the open
/// steps add up to `minutes`. `None` after 60 days.
fn stepped_deadline(
    tz: Tz,
    week: &Week,
    submitted: DateTime<Utc>,
    minutes: u32,
    step: i64,
) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
    let step = Duration::seconds(step);
    let mut open = Duration::zero();
    let mut clock_starts = None;
    let mut at = submitted;
    while at < submitted + Duration::days(60) {
        let local = at.with_timezone(&tz).naive_local();
        let minute = (local.hour() * 60 + local.minute()) as u16;
        let day = local.date();
        if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !week.holidays.contains(&day)
            && (week.opens..week.closes).contains(&minute)
        {
            clock_starts.get_or_insert(at);
            open += step;
            if open == Duration::minutes(i64::from(minutes)) {
                return Some((clock_starts?, at + step));
            }
        }
        at += step;
    }
    None
}

/// One comparison of the clock with the reference, or what differed.
fn agrees(
    tz: Tz,
    week: &Week,
    submitted: DateTime<Utc>,
    minutes: u32,
    step: i64,
) -> Result<(), String> {
    let holidays = HolidayList::Dates(week.holidays.clone());
    let clock = BusinessHours {
        zone: tz.name(),
        opens: week.opens,
        closes: week.closes,
        holidays: &holidays,
        zones: &TzDatabase,
    };
    let got = clock
        .deadline(submitted, minutes)
        .map(|deadline| (deadline.clock_starts, deadline.due));
    let want = stepped_deadline(tz, week, submitted, minutes, step);
    if got == want {
        Ok(())
    } else {
        Err(format!(
            "{tz}, {week:?}, filed {submitted} ({}), {minutes} min: clock {got:?}, reference {want:?}",
            submitted.with_timezone(&tz)
        ))
    }
}

/// In every zone chrono-tz knows, the clock gives exactly the reference's
/// start and due for short targets, on the `other` calendar's week and on
/// random windows (which catch offset changes inside opening hours) with a
/// few holidays: from random instants of 1970–2037 and from instants just
/// before and after the zone's offset changes; and around every change that
/// moves the wall clock by twelve hours or more (a date skipped or repeated
/// at the date line), from several instants each.
#[test]
fn the_clock_counts_what_a_minute_by_minute_reference_counts_in_every_zone() {
    let started = std::time::Instant::now();
    let ruleset = Ruleset::shipped();
    let other = ruleset.calendar(Location::Other).unwrap();
    let (first, last) = (
        instant("1970-01-01T00:00:00Z"),
        instant("2038-01-01T00:00:00Z"),
    );
    let span_minutes = (last - first).num_minutes() as u64;
    let mut failures = Vec::new();
    let mut checked = 0;
    for tz in TZ_VARIANTS {
        let (changes, offsets) = offset_changes(tz);
        // Steps of a minute, or of half a minute in a zone whose offset was
        // not a whole number of minutes (Africa/Monrovia, -0:44:30 until
        // 1972), so that every opening and closing falls on a step.
        let step = if offsets.iter().all(|offset| offset % 60 == 0) {
            60
        } else {
            30
        };
        assert!(
            offsets.iter().all(|offset| offset % step as i32 == 0),
            "{tz}"
        );
        let mut runner = TestRunner::new(Config {
            cases: 6,
            failure_persistence: None,
            ..Config::default()
        });
        let cases = (
            (any::<bool>(), any::<u64>(), -5_760i64..1_440),
            1u32..=600,
            (any::<bool>(), 0u16..=1_320, 120u16..=1_440),
            prop::collection::vec(0i64..10, 0..3),
        );
        let result = runner.run(
            &cases,
            |((near_change, pick, shift), minutes, (shipped_week, opens, length), days_off)| {
                let submitted = if near_change && !changes.is_empty() {
                    changes[(pick % changes.len() as u64) as usize] + Duration::minutes(shift)
                } else {
                    first + Duration::minutes((pick % span_minutes) as i64)
                };
                let local_day = submitted.with_timezone(&tz).date_naive();
                let week = Week {
                    opens: if shipped_week { other.opens } else { opens },
                    closes: if shipped_week {
                        other.closes
                    } else {
                        (opens + length).min(1_440)
                    },
                    holidays: days_off
                        .iter()
                        .map(|&n| local_day + Duration::days(n))
                        .collect(),
                };
                agrees(tz, &week, submitted, minutes, step).map_err(TestCaseError::fail)
            },
        );
        checked += 6;
        if let Err(error) = result {
            failures.push(error.to_string());
        }
        // The date line: every jump of twelve hours or more, from before,
        // at and after it, on the `other` week and on a week open all day.
        for (index, change) in changes.iter().enumerate() {
            if (offsets[index + 1] - offsets[index]).abs() < 12 * 3_600 {
                continue;
            }
            for (opens, closes) in [(other.opens, other.closes), (0, 1_440)] {
                let week = Week {
                    opens,
                    closes,
                    holidays: Vec::new(),
                };
                for before in [-4_320i64, -1_440, -480, -1, 0, 1, 360] {
                    for minutes in [1, 60, 480, 600] {
                        checked += 1;
                        let submitted = *change + Duration::minutes(before);
                        if let Err(failure) = agrees(tz, &week, submitted, minutes, step) {
                            failures.push(failure);
                        }
                    }
                }
            }
        }
    }
    println!(
        "{checked} cases in {} zones in {:.1?}",
        TZ_VARIANTS.len(),
        started.elapsed()
    );
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The browser's zone table ([`OffsetTable`]) learns offsets from a slow
/// source in six-hour blocks with bisection: fed by chrono-tz's copy of the
/// IANA database, it answers exactly as the database does, in every zone,
/// at every change of offset (found to the second) and at instants between.
#[test]
fn the_offset_table_answers_as_the_zone_database_does() {
    use chrono::{Offset, TimeZone};
    use support_triage::engine::time::offsets::{OffsetTable, BLOCK};
    let database = |zone: chrono_tz::Tz, at: i64| {
        Some(
            zone.offset_from_utc_datetime(&DateTime::from_timestamp(at, 0)?.naive_utc())
                .fix()
                .local_minus_utc(),
        )
    };
    // 1900 to 2100 in steps that are no multiple of the block, so that
    // every part of a block is asked about somewhere.
    let (from, to) = (-2_208_988_800_i64, 4_102_444_800_i64);
    let step = 7 * BLOCK + 3_607;
    let mut changes = 0;
    for zone in chrono_tz::TZ_VARIANTS {
        let mut table = OffsetTable::default();
        let mut probes = 0;
        let mut probe = |at| {
            probes += 1;
            database(zone, at)
        };
        let mut at = from;
        let mut previous = None;
        while at < to {
            let want = database(zone, at);
            assert_eq!(table.offset(at, &mut probe), want, "{zone} at {at}");
            // Where the offset changed since the last instant, the table
            // knows the second of the change.
            if previous != want {
                let (mut before, mut after) = (at - step, at);
                while after - before > 1 {
                    let middle = before + (after - before) / 2;
                    if database(zone, middle) == want {
                        after = middle;
                    } else {
                        before = middle;
                    }
                }
                for second in [after - 1, after] {
                    assert_eq!(
                        table.offset(second, &mut probe),
                        database(zone, second),
                        "{zone} at {second}"
                    );
                }
                changes += 1;
            }
            previous = want;
            at += step;
        }
        // Asked again, nothing is probed.
        let before = probes;
        let mut count = |_| -> Option<i32> { unreachable!("already known") };
        let _ = table.offset(from, &mut count);
        assert_eq!(probes, before);
    }
    assert!(changes > 10_000, "{changes} changes checked");
}

/// The command line reads a zone as the browser does: in any case, every
/// spelling of a zone answering as the canonical one.
#[test]
fn the_zone_database_reads_names_in_any_case() {
    use support_triage::engine::time::zone::ZoneRules;
    let at = DateTime::parse_from_rfc3339("2026-07-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc);
    for (given, canonical, offset) in [
        ("Asia/Tokyo", "Asia/Tokyo", 9 * 3600),
        ("asia/tokyo", "Asia/Tokyo", 9 * 3600),
        ("AMERICA/LOS_ANGELES", "America/Los_Angeles", -7 * 3600),
        ("europe/berlin", "Europe/Berlin", 2 * 3600),
        ("UTC", "UTC", 0),
    ] {
        assert_eq!(
            TzDatabase.canonical_name(given).as_deref(),
            Some(canonical),
            "{given}"
        );
        assert_eq!(
            TzDatabase.offset_seconds(given, at),
            Some(offset),
            "{given}"
        );
    }
    assert_eq!(TzDatabase.canonical_name("Asia/Tokio"), None);
    assert_eq!(TzDatabase.offset_seconds("", at), None);
}
