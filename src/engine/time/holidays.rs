//! Shipped holiday lists (RT-8), computed by rule for any year rather than
//! typed in for a few: Japan's national holidays for the `japan` calendar,
//! the U.S. federal holidays for `north_america`; `other` ships none.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::cell::RefCell;
use std::rc::Rc;

use super::remembered;

/// Where a calendar's holidays come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HolidayList {
    /// Japan's national holidays (国民の祝日に関する法律, as in force since 2020),
    /// with substitute holidays and citizens' holidays.
    JapanNational,
    /// U.S. federal holidays (5 U.S.C. 6103) on their observed days.
    UsFederal,
    /// No holidays are excluded.
    None,
    /// An explicit list of local dates (a case's or a portal owner's).
    Dates(Vec<NaiveDate>),
}

/// How many computed years are kept: a decision's clock walks one or two,
/// a page's decisions a handful.
const KEPT_YEARS: usize = 8;

/// A shipped list's year: the list, the year, its holidays.
type ComputedYear = (HolidayList, i32, Rc<[NaiveDate]>);

thread_local! {
    /// The shipped lists' years already computed (the rules take longer than
    /// the rest of a deadline).
    static COMPUTED: RefCell<Vec<ComputedYear>> = const { RefCell::new(Vec::new()) };
}

impl HolidayList {
    /// The holidays of one year, sorted.
    pub fn of_year(&self, year: i32) -> Rc<[NaiveDate]> {
        let rule = match self {
            HolidayList::JapanNational => japan_national,
            HolidayList::UsFederal => us_federal_observed,
            HolidayList::None => return Rc::new([]),
            HolidayList::Dates(dates) => {
                return sorted(dates.iter().copied().filter(|d| d.year() == year).collect())
            }
        };
        COMPUTED.with_borrow_mut(|computed| {
            let is = |(list, of, _): &ComputedYear| list == self && *of == year;
            let make = || (self.clone(), year, sorted(rule(year)));
            remembered(computed, KEPT_YEARS, is, make).2.clone()
        })
    }
}

fn sorted(mut days: Vec<NaiveDate>) -> Rc<[NaiveDate]> {
    days.sort();
    days.dedup();
    days.into()
}

fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

/// The `n`th (1-based) `weekday` of a month; `n = 5` may not exist.
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    nth_weekday(year, month, weekday, 5).or_else(|| nth_weekday(year, month, weekday, 4))
}

/// Day of March of the vernal equinox and of September of the autumnal one,
/// by the National Astronomical Observatory's approximation (valid 1980–2099).
fn equinox_days(year: i32) -> (u32, u32) {
    let years = f64::from(year - 1980);
    let leap_shift = f64::from((year - 1980).div_euclid(4));
    let vernal = (20.8431 + 0.242194 * years - leap_shift).floor();
    let autumnal = (23.2488 + 0.242194 * years - leap_shift).floor();
    (vernal as u32, autumnal as u32)
}

/// Japan's national holidays of `year`.
pub fn japan_national(year: i32) -> Vec<NaiveDate> {
    let (vernal, autumnal) = equinox_days(year);
    // The 2020 and 2021 Olympic years moved three holidays by special law.
    let (marine, mountain, sports) = match year {
        2020 => (date(2020, 7, 23), date(2020, 8, 10), date(2020, 7, 24)),
        2021 => (date(2021, 7, 22), date(2021, 8, 8), date(2021, 7, 23)),
        _ => (
            nth_weekday(year, 7, Weekday::Mon, 3),
            date(year, 8, 11),
            nth_weekday(year, 10, Weekday::Mon, 2),
        ),
    };
    let mut days: Vec<NaiveDate> = [
        date(year, 1, 1),
        nth_weekday(year, 1, Weekday::Mon, 2),
        date(year, 2, 11),
        date(year, 2, 23),
        date(year, 3, vernal),
        date(year, 4, 29),
        date(year, 5, 3),
        date(year, 5, 4),
        date(year, 5, 5),
        marine,
        mountain,
        nth_weekday(year, 9, Weekday::Mon, 3),
        date(year, 9, autumnal),
        sports,
        date(year, 11, 3),
        date(year, 11, 23),
    ]
    .into_iter()
    .flatten()
    .collect();
    days.sort();
    // Citizens' holiday: an ordinary day between two holidays.
    let mut citizens = Vec::new();
    for pair in days.windows(2) {
        let between = pair[0] + Duration::days(1);
        if pair[1] - pair[0] == Duration::days(2) && between.weekday() != Weekday::Sun {
            citizens.push(between);
        }
    }
    // Substitute holiday: a holiday on a Sunday moves to the next ordinary day.
    let mut substitutes = Vec::new();
    for holiday in &days {
        if holiday.weekday() == Weekday::Sun {
            let mut substitute = *holiday + Duration::days(1);
            while days.contains(&substitute) {
                substitute += Duration::days(1);
            }
            substitutes.push(substitute);
        }
    }
    days.extend(citizens);
    days.extend(substitutes);
    days
}

/// The U.S. federal holidays whose observed day falls in `year`: a Saturday
/// holiday is observed the Friday before, a Sunday one the Monday after (so
/// 31 December can observe the next New Year's Day).
pub fn us_federal_observed(year: i32) -> Vec<NaiveDate> {
    let observed = |day: NaiveDate| match day.weekday() {
        Weekday::Sat => day - Duration::days(1),
        Weekday::Sun => day + Duration::days(1),
        _ => day,
    };
    let fixed_dates = |y: i32| {
        let juneteenth = if y >= 2021 { date(y, 6, 19) } else { None };
        [
            date(y, 1, 1),
            juneteenth,
            date(y, 7, 4),
            date(y, 11, 11),
            date(y, 12, 25),
        ]
    };
    let mut days: Vec<NaiveDate> = fixed_dates(year)
        .into_iter()
        .chain(fixed_dates(year + 1))
        .flatten()
        .map(observed)
        .chain(
            [
                nth_weekday(year, 1, Weekday::Mon, 3),
                nth_weekday(year, 2, Weekday::Mon, 3),
                last_weekday(year, 5, Weekday::Mon),
                nth_weekday(year, 9, Weekday::Mon, 1),
                nth_weekday(year, 10, Weekday::Mon, 2),
                nth_weekday(year, 11, Weekday::Thu, 4),
            ]
            .into_iter()
            .flatten(),
        )
        .filter(|day| day.year() == year)
        .collect();
    days.sort();
    days
}
