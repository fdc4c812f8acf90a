#![no_main]
//! The business-hours clock over every zone of the tz database: any instant
//! of the years 1900–9999 (to the nanosecond), any target up to beyond the
//! horizon, any working window, shipped or arbitrary holidays. It never
//! panics; a deadline never comes before the request, and between the clock
//! starting and the deadline there is at least the target's time.

use arbitrary::Arbitrary;
use chrono::{DateTime, Days, Duration, Utc};
use chrono_tz::TZ_VARIANTS;
use libfuzzer_sys::fuzz_target;
use support_triage::engine::time::clock::BusinessHours;
use support_triage::engine::time::holidays::HolidayList;
use support_triage::engine::time::zone::TzDatabase;

#[derive(Debug, Arbitrary)]
struct Input {
    /// Index into the tz database's zones.
    zone: u16,
    /// Seconds and nanoseconds, folded into 1900-01-01..=9999-12-31.
    seconds: i64,
    nanos: u32,
    /// Folded into 0..=600,000 (the owner limit is 360,000).
    minutes: u32,
    /// Minutes after local midnight, folded into 0..=1440.
    opens: u16,
    closes: u16,
    holidays: Holidays,
}

#[derive(Debug, Arbitrary)]
enum Holidays {
    None,
    JapanNational,
    UsFederal,
    /// Days after the submission's UTC date, folded into 0..1200.
    Dates(Vec<u16>),
}

const FIRST: i64 = -2_208_988_800; // 1900-01-01T00:00:00Z
const LAST: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z

fuzz_target!(|input: Input| {
    let zone = TZ_VARIANTS[usize::from(input.zone) % TZ_VARIANTS.len()].name();
    let seconds = FIRST + input.seconds.rem_euclid(LAST - FIRST + 1);
    let submitted = DateTime::<Utc>::from_timestamp(seconds, input.nanos % 1_000_000_000)
        .expect("within chrono's range");
    let minutes = input.minutes % 600_001;
    let holidays = match &input.holidays {
        Holidays::None => HolidayList::None,
        Holidays::JapanNational => HolidayList::JapanNational,
        Holidays::UsFederal => HolidayList::UsFederal,
        Holidays::Dates(days) => HolidayList::Dates(
            days.iter()
                .filter_map(|&day| {
                    submitted
                        .date_naive()
                        .checked_add_days(Days::new(u64::from(day % 1200)))
                })
                .collect(),
        ),
    };
    let hours = BusinessHours {
        zone,
        opens: input.opens % 1441,
        closes: input.closes % 1441,
        holidays: &holidays,
        zones: &TzDatabase,
    };
    if let Some(deadline) = hours.deadline(submitted, minutes) {
        assert!(
            deadline.clock_starts >= submitted,
            "{zone}: the clock starts at {} before the request at {submitted}",
            deadline.clock_starts
        );
        assert!(
            deadline.due - deadline.clock_starts >= Duration::minutes(i64::from(minutes)),
            "{zone}: {minutes} minutes from {} are due at {}",
            deadline.clock_starts,
            deadline.due
        );
    }
});
