//! RT-1..8, SEV-2..4, SUP-LANG: the initial-response target, the clock it
//! runs on (24x7 or business hours) and the exact due time.

use super::category::Kind;
use super::severity::Severities;
use super::tables::{Calendar, Ruleset};
use super::Run;
use crate::engine::contract::decision::{DecidedField, NoticeKind, Response};
use crate::engine::contract::enums::{
    Coverage, HolidayListName, Plan, Preview, Product, Role, Severity,
};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::time::clock::{BusinessHours, NotDue};
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

pub(super) fn decide(
    run: &mut Run,
    kind: &Kind,
    supported: bool,
    severity: &Severities,
    ruleset: &Ruleset,
    clock: &Clock,
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
        (minutes, coverage_of(run, kind, decided))
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
    let time_zone = calendar
        .zone
        .as_deref()
        .unwrap_or(clock.time_zone)
        .to_owned();
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
        HolidayListName::Case => run.text.count("holidays.case", count, &[]),
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

/// SEV-2..4, RT-3, RT-7: the clock a decided severity runs on.
fn coverage_of(run: &mut Run, kind: &Kind, severity: Severity) -> Coverage {
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
    if coverage == Coverage::TwentyFourSeven && !case.language.is_english() {
        coverage = Coverage::BusinessHours;
        let language = language_name(run);
        run.trace(
            RuleId::Rt3,
            FIELD,
            "why.response.english-only",
            &[("language", &language)],
        );
        run.notice(RuleId::Rt3, NoticeKind::Response, "notice.rt3", &[]);
    }
    coverage
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
    let key = match run.case.language.support_language() {
        Some(language) => format!("language.{}", language.code()),
        None => format!("language.{}", tag.split('-').next().unwrap_or(tag)),
    };
    match run.text.get(&key) {
        Some(_) => run.text.format(&key, &[]),
        None => run.text.format("language.other", &[]),
    }
}

/// Minutes after midnight as `HH:MM`.
pub fn clock_words(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
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
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} {zone}",
        local.year(),
        local.month(),
        local.day(),
        local.hour(),
        local.minute()
    )
}
