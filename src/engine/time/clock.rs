//! The business-hours clock (RT-4, RT-5, RT-6, RT-8): when does a response
//! target of N open minutes run out, counted only inside a calendar's working
//! windows, in its own zone, across daylight-saving changes and holidays?
//!
//! The walk goes window by window (one per working day), never minute by
//! minute, so a year-long horizon costs a few hundred steps.

use crate::engine::time::holidays::HolidayList;
use crate::engine::time::zone::ZoneRules;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

/// A calendar's working windows: Monday to Friday, `opens`..`closes` local
/// time in `zone`, minus `holidays`.
pub struct BusinessHours<'a> {
    pub zone: &'a str,
    /// Minutes after local midnight.
    pub opens: u16,
    pub closes: u16,
    pub holidays: &'a HolidayList,
    pub zones: &'a dyn ZoneRules,
}

/// When the clock starts and when the target runs out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline {
    pub clock_starts: DateTime<Utc>,
    pub due: DateTime<Utc>,
}

/// How far ahead the walk looks before giving up (a holiday list could, in
/// principle, close every day).
const HORIZON_DAYS: i64 = 3 * 366;

impl BusinessHours<'_> {
    /// The deadline of `minutes` open minutes from `submitted_at`, or `None`
    /// when the zone is unknown or no window opens within three years.
    pub fn deadline(&self, submitted_at: DateTime<Utc>, minutes: u32) -> Option<Deadline> {
        let mut remaining = Duration::minutes(i64::from(minutes));
        let mut clock_starts = None;
        let first_day = self.zones.localize(self.zone, submitted_at)?.date_naive();
        let mut holidays = YearCache::new(self.holidays);
        for offset in 0..HORIZON_DAYS {
            let day = first_day + Duration::days(offset);
            if !is_weekday(day) || holidays.contains(day) {
                continue;
            }
            let Some((opens, closes)) = self.window(day) else {
                continue;
            };
            if closes <= submitted_at {
                continue;
            }
            let start = opens.max(submitted_at);
            let clock_starts = *clock_starts.get_or_insert(start);
            let open_here = closes - start;
            if remaining <= open_here {
                return Some(Deadline {
                    clock_starts,
                    due: start + remaining,
                });
            }
            remaining -= open_here;
        }
        None
    }

    /// The day's window as instants, or `None` for an empty window.
    fn window(&self, day: NaiveDate) -> Option<(DateTime<Utc>, DateTime<Utc>)> {
        let at = |minutes: u16| {
            let time =
                NaiveTime::from_hms_opt(u32::from(minutes / 60), u32::from(minutes % 60), 0)?;
            local_to_utc(self.zones, self.zone, day.and_time(time))
        };
        let (opens, closes) = (at(self.opens)?, at(self.closes)?);
        (opens < closes).then_some((opens, closes))
    }
}

fn is_weekday(day: NaiveDate) -> bool {
    !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// The instant a local wall-clock time names in `zone`. An ambiguous time
/// (clocks going back) is its first occurrence; a time skipped by clocks
/// going forward is read with the offset before the change, i.e. it lands
/// just after the gap, as a wall clock would show it.
pub fn local_to_utc(
    zones: &dyn ZoneRules,
    zone: &str,
    local: NaiveDateTime,
) -> Option<DateTime<Utc>> {
    let as_utc = local.and_utc();
    let before = zones.offset_seconds(zone, as_utc - Duration::days(1))?;
    let after = zones.offset_seconds(zone, as_utc + Duration::days(1))?;
    let candidate = |offset: i32| as_utc - Duration::seconds(i64::from(offset));
    let valid: Vec<DateTime<Utc>> = [before, after]
        .into_iter()
        .filter(|&offset| zones.offset_seconds(zone, candidate(offset)) == Some(offset))
        .map(candidate)
        .collect();
    valid.into_iter().min().or(Some(candidate(before)))
}

/// Holidays of the years the walk passes through, each computed once.
struct YearCache<'a> {
    list: &'a HolidayList,
    year: i32,
    days: Vec<NaiveDate>,
}

impl<'a> YearCache<'a> {
    fn new(list: &'a HolidayList) -> Self {
        YearCache {
            list,
            year: i32::MIN,
            days: Vec::new(),
        }
    }

    fn contains(&mut self, day: NaiveDate) -> bool {
        if day.year() != self.year {
            self.year = day.year();
            self.days = self.list.of_year(self.year);
        }
        self.days.binary_search(&day).is_ok()
    }
}
