//! The business-hours clock (RT-4, RT-5, RT-6, RT-8): when does a response
//! target of N open minutes run out, counted only inside a calendar's working
//! windows, in its own zone, across daylight-saving changes and holidays?
//!
//! An instant is open when the calendar's wall clock shows a working day
//! (Monday to Friday, not a holiday) and a time inside the window. The walk
//! goes forward in real time, one stretch of constant UTC offset at a time
//! (at most a day), and takes the windows of the local dates that stretch
//! shows, so a year-long horizon costs a few hundred steps, never one per
//! minute. Counting real time this way, a date a zone skipped (Pacific/Apia
//! went from Thursday 29 December 2011 straight to Saturday 31 December)
//! opens no window, and a local time shown twice (clocks going back, or a
//! date repeated at the date line) is open each real time it is shown: every
//! real minute counts once, never twice, never not at all.

use crate::engine::time::holidays::HolidayList;
use crate::engine::time::zone::ZoneRules;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc, Weekday};

/// A calendar's working windows: Monday to Friday, `opens`..`closes` local
/// time in `zone`, minus `holidays`.
pub struct BusinessHours<'a> {
    pub zone: &'a str,
    /// Minutes after local midnight (`closes` may be 1440, midnight).
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

/// Why a target has no deadline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotDue {
    /// The zone is not a known IANA zone.
    UnknownZone,
    /// No working window opens within the horizon: the holiday list closes
    /// every working day.
    NoWindow,
    /// Windows open, but all the open time within the horizon is shorter
    /// than the target.
    BeyondHorizon {
        clock_starts: DateTime<Utc>,
        /// The whole open minutes there are within the horizon.
        open_minutes: u32,
    },
}

/// How far ahead of the submission the walk looks before giving up (a
/// holiday list could, in principle, close every day).
pub const HORIZON_DAYS: i64 = 3 * 366;

/// The longest response target sure to fall due within the horizon on every
/// shipped calendar with its shipped holidays, whenever it is filed. The
/// fewest open minutes in a horizon filed on any day of 1980–2096 are about
/// 374,000 on `japan` (374,340: 734 working days of 510 minutes from midnight
/// on 3 May 2008; a filing inside a window can lose part of one more),
/// 376,320 on `other` (784 working days of 480 minutes; 375,840 when its
/// zone skips a working day, as Pacific/Apia did in 2011) and 540,000 on
/// `north_america`;
/// 360,000 minutes (750 eight-hour days) leave a margin for changes to the
/// holiday laws. Owner targets are held to it (`tests/clock.rs` checks it).
pub const MAX_TARGET_MINUTES: u32 = 360_000;

/// The closed days a wait for the next opening passes over.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClosedDays {
    /// A Saturday or Sunday is among them.
    pub weekend: bool,
    /// The holidays among them that fall Monday to Friday (a holiday on a
    /// weekend closes nothing), oldest first, at most [`MAX_LISTED_HOLIDAYS`].
    pub holidays: Vec<NaiveDate>,
}

/// How many skipped holidays a wait lists; a longer run is cut short.
pub const MAX_LISTED_HOLIDAYS: usize = 30;

/// How far apart the walk asks for the zone's offset. No zone has changed its
/// offset and changed it back within a day (the closest such pair in the tz
/// database is four days apart, Africa/Freetown 1939), so no change is
/// missed; a change found is then pinned to the second.
const PROBE: Duration = Duration::days(1);

impl BusinessHours<'_> {
    /// The deadline of `minutes` open minutes from `submitted_at`, or `None`
    /// when the zone is unknown or the target does not run out within the
    /// horizon (see [`BusinessHours::walk`] for which).
    pub fn deadline(&self, submitted_at: DateTime<Utc>, minutes: u32) -> Option<Deadline> {
        self.walk(submitted_at, minutes).ok()
    }

    /// The deadline of `minutes` open minutes from `submitted_at`, or why
    /// there is none within [`HORIZON_DAYS`] of it.
    pub fn walk(&self, submitted_at: DateTime<Utc>, minutes: u32) -> Result<Deadline, NotDue> {
        let target = Duration::minutes(i64::from(minutes));
        let mut remaining = target;
        let mut clock_starts = None;
        let mut holidays = YearCache::new(self.holidays);
        let horizon = submitted_at + Duration::days(HORIZON_DAYS);
        let mut at = submitted_at;
        let mut offset = self.offset(at.timestamp())?;
        while at < horizon {
            // From `at` until `until` the wall clock reads `instant + shift`.
            let (until, next_offset) = self.same_offset_until(at, offset, horizon)?;
            let shift = Duration::seconds(i64::from(offset));
            let shown_until = until.naive_utc() + shift;
            let mut day = (at.naive_utc() + shift).date();
            while day.and_time(NaiveTime::MIN) < shown_until {
                if is_weekday(day) && !holidays.contains(day) {
                    let midnight = (day.and_time(NaiveTime::MIN) - shift).and_utc();
                    let start = (midnight + Duration::minutes(i64::from(self.opens))).max(at);
                    let stop = (midnight + Duration::minutes(i64::from(self.closes))).min(until);
                    if start < stop {
                        let clock_starts = *clock_starts.get_or_insert(start);
                        if remaining <= stop - start {
                            return Ok(Deadline {
                                clock_starts,
                                due: start + remaining,
                            });
                        }
                        remaining -= stop - start;
                    }
                }
                let Some(next) = day.succ_opt() else { break };
                day = next;
            }
            at = until;
            offset = next_offset;
        }
        Err(match clock_starts {
            None => NotDue::NoWindow,
            Some(clock_starts) => NotDue::BeyondHorizon {
                clock_starts,
                open_minutes: u32::try_from((target - remaining).num_minutes()).unwrap_or(0),
            },
        })
    }

    /// The calendar's local date at `at`.
    pub fn local_date(&self, at: DateTime<Utc>) -> Option<NaiveDate> {
        Some(self.zones.localize(self.zone, at)?.date_naive())
    }

    /// The closed days from `from` up to, not including, `until` (local
    /// dates); at most [`HORIZON_DAYS`] of them are looked at.
    pub fn closed_days(&self, from: NaiveDate, until: NaiveDate) -> ClosedDays {
        let mut closed = ClosedDays::default();
        let mut holidays = YearCache::new(self.holidays);
        let mut day = from;
        for _ in 0..=HORIZON_DAYS {
            if day >= until {
                break;
            }
            if !is_weekday(day) {
                closed.weekend = true;
            } else if holidays.contains(day) && closed.holidays.len() < MAX_LISTED_HOLIDAYS {
                closed.holidays.push(day);
            }
            let Some(next) = day.succ_opt() else { break };
            day = next;
        }
        closed
    }

    /// The latest instant on the local date of `at` at which a request of
    /// `minutes` is still due by that day's closing, when the date is a
    /// working day with room for the target. Checked with the walk itself,
    /// so a daylight-saving change inside the window counts as it does there.
    pub fn latest_same_day_filing(&self, at: DateTime<Utc>, minutes: u32) -> Option<DateTime<Utc>> {
        let day = self.local_date(at)?;
        let room = u32::from(self.closes.saturating_sub(self.opens));
        if !is_weekday(day) || YearCache::new(self.holidays).contains(day) || room < minutes {
            return None;
        }
        let midnight = day.and_time(NaiveTime::MIN);
        let closing_time =
            midnight.checked_add_signed(Duration::minutes(i64::from(self.closes)))?;
        let closing = local_to_utc(self.zones, self.zone, closing_time)?;
        let latest = closing.checked_sub_signed(Duration::minutes(i64::from(minutes)))?;
        let deadline = self.deadline(latest, minutes)?;
        // (A window closing at midnight closes on the next date's 00:00.)
        let same_day = self.local_date(latest) == Some(day) && deadline.due <= closing;
        same_day.then_some(latest)
    }

    fn offset(&self, timestamp: i64) -> Result<i32, NotDue> {
        let at = DateTime::from_timestamp(timestamp, 0).ok_or(NotDue::UnknownZone)?;
        self.zones
            .offset_seconds(self.zone, at)
            .ok_or(NotDue::UnknownZone)
    }

    /// The end of the stretch from `at` (whose offset is `offset`) over which
    /// the offset stays the same, at most a day and never past `limit`, with
    /// the offset that follows it.
    fn same_offset_until(
        &self,
        at: DateTime<Utc>,
        offset: i32,
        limit: DateTime<Utc>,
    ) -> Result<(DateTime<Utc>, i32), NotDue> {
        let probe = (at + PROBE).min(limit);
        let there = self.offset(probe.timestamp())?;
        if there == offset {
            return Ok((probe, offset));
        }
        // Offsets change on whole seconds: find the first second with the
        // new one, after `at` (whose offset is still the old one).
        let before_at = at.timestamp();
        let (mut before, mut after) = (before_at, probe.timestamp().max(before_at + 1));
        while after - before > 1 {
            let middle = before + (after - before) / 2;
            if self.offset(middle)? == offset {
                before = middle;
            } else {
                after = middle;
            }
        }
        let change = DateTime::from_timestamp(after, 0).ok_or(NotDue::UnknownZone)?;
        Ok((change, self.offset(after)?))
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
    days: std::rc::Rc<[NaiveDate]>,
}

impl<'a> YearCache<'a> {
    fn new(list: &'a HolidayList) -> Self {
        YearCache {
            list,
            year: i32::MIN,
            days: std::rc::Rc::new([]),
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
