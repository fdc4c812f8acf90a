//! RT-1..8, SEV-2..4, SUP-LANG: the initial-response target, the clock it
//! runs on (24x7 or business hours) and the exact due time.

use super::category::Kind;
use super::severity::Severities;
use super::tables::{Calendar, Ruleset};
use super::Run;
use crate::engine::contract::decision::{Alternative, DecidedField, NoticeKind, Response, Wait};
use crate::engine::contract::enums::{
    AlternativeKind, Coverage, HolidayListName, Plan, Preview, Product, Role, Severity, WaitReason,
};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::time::clock::{BusinessHours, Deadline, NotDue};
use crate::engine::time::holidays::HolidayList;
use crate::engine::time::zone::ZoneRules;
use chrono::{DateTime, Datelike, Duration, Timelike, Utc};

/// The calendar and instant a response is timed from.
pub(super) struct Clock<'a> {
    pub calendar: &'a Calendar,
    /// The case's zone, in canonical spelling.
    pub time_zone: &'a str,
    pub submitted_at: DateTime<Utc>,
    pub zones: &'a dyn ZoneRules,
}

const FIELD: DecidedField = DecidedField::Response;

/// The response, and the other ways of filing that the policy allows.
pub(super) struct Timing {
    pub response: Option<Response>,
    pub alternatives: Vec<Alternative>,
}

pub(super) fn decide(
    run: &mut Run,
    kind: &Kind,
    supported: bool,
    severity: &Severities,
    ruleset: &Ruleset,
    clock: &Clock,
) -> Timing {
    let mut alternatives = Vec::new();
    let response = respond(
        run,
        kind,
        supported,
        severity,
        ruleset,
        clock,
        &mut alternatives,
    );
    Timing {
        response,
        alternatives,
    }
}

fn respond(
    run: &mut Run,
    kind: &Kind,
    supported: bool,
    severity: &Severities,
    ruleset: &Ruleset,
    clock: &Clock,
    alternatives: &mut Vec<Alternative>,
) -> Option<Response> {
    let case = run.case;
    if !supported {
        run.trace(RuleId::Sev9, FIELD, "why.response.not-supported", &[]);
        return None;
    }
    if case.plan == Plan::None {
        run.trace(RuleId::Rt1, FIELD, "why.response.no-plan", &[]);
        run.notice(RuleId::Rt1, NoticeKind::Response, "notice.rt1.no-plan", &[]);
        return None;
    }
    // RT-2, RT-6: the CSP benefit's times are for a partner filing for its
    // customer through Partner Center.
    let through_partner_center = case.role == Role::PartnerForCustomer;
    let (target_minutes, coverage) = if severity.applies {
        let Some(decided) = severity.decided else {
            run.trace(RuleId::Rt1, FIELD, "why.response.no-severity-yet", &[]);
            return None;
        };
        if case.plan == Plan::Csp && !through_partner_center {
            run.trace(RuleId::Rt1, FIELD, "why.response.csp-customer", &[]);
            run.notice(
                RuleId::Rt1,
                NoticeKind::Response,
                "notice.rt1.csp-customer",
                &[],
            );
            return None;
        }
        let published = case.plan == Plan::Csp
            || matches!(case.product, Product::Dynamics365 | Product::PowerPlatform);
        let row = ruleset
            .response_target(case.plan, decided)
            .filter(|_| published);
        let Some(row) = row else {
            let product = run.name("product", case.product.as_str());
            run.trace(
                RuleId::Rt1,
                FIELD,
                "why.response.unpublished",
                &[("product", &product)],
            );
            run.notice(
                RuleId::Rt1,
                NoticeKind::Response,
                "notice.rt1.unpublished",
                &[("product", &product)],
            );
            return None;
        };
        let (rule, minutes) = (row.rule, row.minutes);
        let plan = run.name("plan-phrase", case.plan.as_str());
        let within = run.duration(minutes);
        run.trace(
            rule,
            FIELD,
            "why.response.target",
            &[
                ("severity", decided.as_str()),
                ("plan", &plan),
                ("duration", &within),
            ],
        );
        if rule == RuleId::Rt2 && !case.language.is_english() {
            run.notice(RuleId::Rt2, NoticeKind::Response, "notice.rt2.english", &[]);
        }
        let coverage = coverage_of(run, kind, decided);
        if coverage.english_only {
            let alternative = english_24x7(minutes, clock);
            english_only_notice(run, clock, &alternative);
            alternatives.push(alternative);
        }
        (minutes, coverage.coverage)
    } else if case.plan == Plan::Csp && through_partner_center {
        let minutes = clock.calendar.working_day_minutes();
        let day = run.duration(minutes);
        run.trace(
            RuleId::Rt6,
            FIELD,
            "why.response.business-day",
            &[("duration", &day)],
        );
        (minutes, Coverage::BusinessHours)
    } else {
        let name = run.name("category", kind.category.as_str());
        run.trace(
            RuleId::Rt1,
            FIELD,
            "why.response.no-severity",
            &[("category", &name)],
        );
        return None;
    };
    support_language(run);
    let calendar = clock.calendar;
    let time_zone = clock.zone().to_owned();
    let calendar_name = run.name("calendar", calendar.location.as_str());
    run.trace(
        RuleId::Rt4,
        FIELD,
        "why.response.calendar",
        &[
            ("calendar", &calendar_name),
            ("opens", &clock_words(calendar.opens)),
            ("closes", &clock_words(calendar.closes)),
            ("zone", &time_zone),
        ],
    );
    let mut response = Response {
        target_minutes,
        coverage,
        calendar: calendar.location,
        time_zone,
        clock_starts: None,
        due: None,
        due_local: None,
        holiday_list: None,
        waits: None,
        answered_today_if_filed_by: None,
    };
    let zones = clock.zones;
    let duration = run.duration(target_minutes);
    if coverage == Coverage::TwentyFourSeven {
        let due = clock.submitted_at + Duration::minutes(i64::from(target_minutes));
        run.trace(
            RuleId::Rt5,
            FIELD,
            "why.response.around-the-clock",
            &[("duration", &duration)],
        );
        response.clock_starts = Some(clock.submitted_at);
        response.due = Some(due);
        response.due_local = zones.localize(&response.time_zone, due);
        return Some(response);
    }
    let case_list;
    let (holidays, list_name) = match &case.holidays {
        Some(dates) => {
            case_list = HolidayList::Dates(dates.clone());
            (&case_list, HolidayListName::Case)
        }
        None => (&calendar.holidays, calendar.holiday_list_name()),
    };
    let hours = BusinessHours {
        zone: &response.time_zone,
        opens: calendar.opens,
        closes: calendar.closes,
        holidays,
        zones,
    };
    match hours.walk(clock.submitted_at, target_minutes) {
        Ok(deadline) => {
            let due = wall_clock(zones, &response.time_zone, deadline.due);
            if deadline.clock_starts == clock.submitted_at {
                run.trace(
                    RuleId::Rt5,
                    FIELD,
                    "why.response.inside-hours",
                    &[("duration", &duration), ("due", &due)],
                );
            } else {
                let starts = wall_clock(zones, &response.time_zone, deadline.clock_starts);
                run.trace(
                    RuleId::Rt5,
                    FIELD,
                    "why.response.outside-hours",
                    &[("starts", &starts), ("duration", &duration), ("due", &due)],
                );
            }
            response.clock_starts = Some(deadline.clock_starts);
            response.due = Some(deadline.due);
            response.due_local = zones.localize(&response.time_zone, deadline.due);
            response.waits = wait_for_opening(run, &hours, clock.submitted_at, &deadline);
            response.answered_today_if_filed_by =
                answered_today(run, &hours, clock.submitted_at, target_minutes);
        }
        // Windows open, but fewer open minutes than the target within the
        // horizon: the target (or a list closing most days) is the cause.
        Err(NotDue::BeyondHorizon { open_minutes, .. }) => {
            let open = run.duration(open_minutes);
            let args = [("duration", duration.as_str()), ("open", open.as_str())];
            run.trace(RuleId::Rt5, FIELD, "why.response.beyond-horizon", &args);
            run.notice(
                RuleId::Rt5,
                NoticeKind::Response,
                "notice.rt5.beyond-horizon",
                &args,
            );
        }
        // No window opens at all: only the holiday list can close every
        // working day. (An unknown zone is refused before the policy runs.)
        Err(NotDue::NoWindow | NotDue::UnknownZone) => {
            run.trace(RuleId::Rt5, FIELD, "why.response.no-window", &[]);
            run.notice(
                RuleId::Rt5,
                NoticeKind::Response,
                "notice.rt5.no-window",
                &[],
            );
        }
    }
    let count = case.holidays.as_ref().map_or(0, Vec::len) as i64;
    let holidays_why = match list_name {
        HolidayListName::Case => run.text.count("holidays.case", count, &[]).into(),
        other => run.name("holidays", other.as_str()),
    };
    run.trace(
        RuleId::Rt8,
        FIELD,
        "why.response.holidays",
        &[("holidays", &holidays_why)],
    );
    if list_name == HolidayListName::None {
        run.notice(RuleId::Rt8, NoticeKind::Response, "notice.rt8.none", &[]);
    }
    response.holiday_list = Some(list_name);
    Some(response)
}

impl Clock<'_> {
    /// The zone the calendar runs in: its own, or the case's.
    fn zone(&self) -> &str {
        self.calendar.zone.as_deref().unwrap_or(self.time_zone)
    }
}

/// RT-5: why the clock starts at a later opening, with the holidays it
/// skips, and a notice saying so.
fn wait_for_opening(
    run: &mut Run,
    hours: &BusinessHours,
    submitted_at: DateTime<Utc>,
    deadline: &Deadline,
) -> Option<Wait> {
    if deadline.clock_starts <= submitted_at {
        return None;
    }
    let filed_on = hours.local_date(submitted_at)?;
    let opens_on = hours.local_date(deadline.clock_starts)?;
    let closed = hours.closed_days(filed_on, opens_on);
    let reason = if !closed.holidays.is_empty() {
        WaitReason::Holiday
    } else if filed_on == opens_on {
        WaitReason::BeforeOpening
    } else if closed.weekend {
        WaitReason::Weekend
    } else {
        WaitReason::AfterClosing
    };
    let opens = wall_clock(hours.zones, hours.zone, deadline.clock_starts);
    let holidays: Vec<String> = closed.holidays.iter().map(ToString::to_string).collect();
    let holidays = run.text.list(&holidays);
    let key = match reason {
        WaitReason::BeforeOpening => "notice.rt5.waits.before-opening",
        WaitReason::AfterClosing => "notice.rt5.waits.after-closing",
        WaitReason::Weekend => "notice.rt5.waits.weekend",
        WaitReason::Holiday if closed.holidays.len() == 1 => "notice.rt5.waits.holiday",
        WaitReason::Holiday => "notice.rt5.waits.holidays",
    };
    run.notice(
        RuleId::Rt5,
        NoticeKind::Response,
        key,
        &[("opens", &opens), ("holidays", &holidays)],
    );
    Some(Wait {
        reason,
        holidays: closed.holidays,
    })
}

/// RT-4, RT-5: the latest filing time still due by today's closing, while
/// the visitor can still make it, and a notice saying so.
fn answered_today(
    run: &mut Run,
    hours: &BusinessHours,
    submitted_at: DateTime<Utc>,
    target_minutes: u32,
) -> Option<DateTime<Utc>> {
    let latest = hours
        .latest_same_day_filing(submitted_at, target_minutes)
        .filter(|latest| submitted_at <= *latest)?;
    let time = wall_clock(hours.zones, hours.zone, latest);
    run.notice(
        RuleId::Rt4,
        NoticeKind::Response,
        "notice.rt4.answered-today",
        &[("time", &time)],
    );
    Some(latest)
}

/// RT-3, RT-5: the same request in English, on the 24x7 clock.
fn english_24x7(target_minutes: u32, clock: &Clock) -> Alternative {
    let due = clock
        .submitted_at
        .checked_add_signed(Duration::minutes(i64::from(target_minutes)));
    Alternative {
        kind: AlternativeKind::English24x7,
        rule: RuleId::Rt3,
        target_minutes,
        coverage: Coverage::TwentyFourSeven,
        due,
        due_local: due.and_then(|due| clock.zones.localize(clock.zone(), due)),
    }
}

/// RT-3's one notice: 24x7 is in English only, and when it would answer.
fn english_only_notice(run: &mut Run, clock: &Clock, alternative: &Alternative) {
    match alternative.due {
        Some(due) => {
            let due = wall_clock(clock.zones, clock.zone(), due);
            run.notice(
                RuleId::Rt3,
                NoticeKind::Response,
                "notice.rt3.english-24x7",
                &[("due", &due)],
            );
        }
        None => run.notice(RuleId::Rt3, NoticeKind::Response, "notice.rt3", &[]),
    }
}

/// The clock a decided severity runs on, and whether RT-3 (only) moved it
/// from 24x7 to business hours.
struct CoverageOf {
    coverage: Coverage,
    english_only: bool,
}

/// SEV-2..4, RT-3, RT-7: the clock a decided severity runs on.
fn coverage_of(run: &mut Run, kind: &Kind, severity: Severity) -> CoverageOf {
    let case = run.case;
    let mut coverage = match severity {
        Severity::A => Coverage::TwentyFourSeven,
        Severity::B => match (case.coverage, case.commit_24x7) {
            (Coverage::TwentyFourSeven, true) => {
                run.trace(RuleId::Sev3, FIELD, "why.response.b-24x7", &[]);
                Coverage::TwentyFourSeven
            }
            (Coverage::TwentyFourSeven, false) => {
                run.trace(
                    RuleId::Sev3,
                    FIELD,
                    "why.response.b-24x7-not-committed",
                    &[],
                );
                run.notice(RuleId::Sev3, NoticeKind::Response, "notice.sev3", &[]);
                Coverage::BusinessHours
            }
            (Coverage::BusinessHours, _) => {
                run.trace(RuleId::Sev3, FIELD, "why.response.b-business-hours", &[]);
                Coverage::BusinessHours
            }
        },
        Severity::C => {
            run.trace(RuleId::Sev4, FIELD, "why.response.c", &[]);
            if case.coverage == Coverage::TwentyFourSeven {
                run.notice(RuleId::Sev4, NoticeKind::Response, "notice.sev4", &[]);
            }
            Coverage::BusinessHours
        }
    };
    if coverage == Coverage::TwentyFourSeven && kind.preview == Preview::PublicPreview {
        coverage = Coverage::BusinessHours;
        run.trace(RuleId::Rt7, FIELD, "why.response.preview-hours", &[]);
    }
    let english_only = coverage == Coverage::TwentyFourSeven && !case.language.is_english();
    if english_only {
        coverage = Coverage::BusinessHours;
        let language = language_name(run);
        run.trace(
            RuleId::Rt3,
            FIELD,
            "why.response.english-only",
            &[("language", &language)],
        );
    }
    CoverageOf {
        coverage,
        english_only,
    }
}

/// SUP-LANG: whether the language asked for is a local support language.
fn support_language(run: &mut Run) {
    let case = run.case;
    if case.language.is_english() {
        return;
    }
    let language = language_name(run);
    if case.language.support_language().is_some() {
        run.trace(
            RuleId::SupLang,
            FIELD,
            "why.response.local-language",
            &[("language", &language)],
        );
    } else {
        run.trace(
            RuleId::SupLang,
            FIELD,
            "why.response.other-language",
            &[("language", &language)],
        );
        run.notice(
            RuleId::SupLang,
            NoticeKind::Response,
            "notice.sup-lang",
            &[],
        );
    }
}

/// The support language's name in words (COH-4), or "the language you chose".
fn language_name(run: &Run) -> String {
    let tag = run.case.language.as_str();
    let code = match run.case.language.support_language() {
        Some(language) => language.code(),
        None => tag.split('-').next().unwrap_or(tag),
    };
    let key = crate::engine::messages::dotted("language", code);
    match run.text.get(&key) {
        Some(name) => name.to_owned(),
        None => run.text.format("language.other", &[]),
    }
}

/// Minutes after midnight as `HH:MM`.
pub fn clock_words(minutes: u16) -> String {
    let mut text = String::with_capacity(5);
    push_padded(&mut text, (minutes / 60).into(), 2);
    text.push(':');
    push_padded(&mut text, (minutes % 60).into(), 2);
    text
}

/// Appends `value` in decimal with zeros before it up to `width` digits. By
/// hand: `format!` cost a decision more than the rest of its line.
fn push_padded(text: &mut String, value: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut rest = value;
    let mut start = digits.len();
    while start == digits.len() || rest > 0 {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    for _ in digits.len() - start..width {
        text.push('0');
    }
    text.extend(digits[start..].iter().map(|&digit| char::from(digit)));
}

/// An instant as the zone's wall clock shows it, e.g. "2026-03-09 06:00
/// America/Los_Angeles": numbers only, so that it reads in every language.
/// Written by hand: chrono's strftime machinery would be compiled into the
/// widget for this one line.
fn wall_clock(zones: &dyn ZoneRules, zone: &str, at: DateTime<Utc>) -> String {
    let (local, zone) = match zones.localize(zone, at) {
        Some(local) => (local.naive_local(), zone),
        None => (at.naive_utc(), "UTC"),
    };
    let mut text = String::with_capacity(17 + zone.len());
    // Years are 1900–9999 (DATE_YEARS), never negative.
    push_padded(&mut text, local.year().unsigned_abs(), 4);
    for (separator, value) in [
        ('-', local.month()),
        ('-', local.day()),
        (' ', local.hour()),
        (':', local.minute()),
    ] {
        text.push(separator);
        push_padded(&mut text, value, 2);
    }
    text.push(' ');
    text.push_str(zone);
    text
}
