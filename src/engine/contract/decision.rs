//! The decision (contract.md, "Decision (output)").

use super::enums::{
    AlternativeKind, Category, CategorySource, Coverage, HolidayListName, Location, Reopen,
    Severity, Signal, WaitReason,
};
use super::rule_id::RuleId;
use super::tape::{fixed, fixed_list, text, text_list};
use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// Version of contract.md this engine speaks.
pub const CONTRACT_VERSION: &str = "1";

/// Text that is shipped (borrowed) or an owner's (owned).
pub type Text = Cow<'static, str>;

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    #[serde(serialize_with = "fixed")]
    pub contract: &'static str,
    #[serde(serialize_with = "text")]
    pub ruleset: Text,
    pub category: Category,
    pub category_source: CategorySource,
    pub suggestions: Vec<Suggestion>,
    pub supported: bool,
    pub severity: Option<Severity>,
    pub requested_severity: Option<Severity>,
    pub response: Option<Response>,
    pub path: Path,
    pub reopen: Option<Reopen>,
    pub notices: Vec<Notice>,
    pub trace: Vec<TraceEntry>,
    /// The language the texts are written in.
    #[serde(serialize_with = "fixed")]
    pub locale: &'static str,
    /// Facts the description states (production down, preview, a case
    /// number…), for the UI to propose answers. Added to contract 1.
    pub signals: Vec<SignalHit>,
    /// Whether an A/B/C severity applies to this request at all (SEV-7,
    /// SEV-9): when it does and `severity` is null, the impact is unknown.
    pub severity_applies: bool,
    /// The case fields that matter for this decision, in the order a form
    /// asks them.
    #[serde(serialize_with = "fixed_list")]
    pub questions: Vec<&'static str>,
    /// The questions among them that the case left unanswered (their
    /// contract default was assumed, or the rule waits for them).
    #[serde(serialize_with = "fixed_list")]
    pub unknown: Vec<&'static str>,
    /// Other ways of filing this request that the policy allows, with when
    /// each would be answered (e.g. in English around the clock, RT-3).
    pub alternatives: Vec<Alternative>,
}

impl Decision {
    /// Whether some trace entry names `rule`.
    pub fn traces(&self, rule: RuleId) -> bool {
        self.trace.iter().any(|entry| entry.rule == rule)
    }

    /// The notices of one kind, in decision order.
    pub fn notices_of(&self, kind: NoticeKind) -> impl Iterator<Item = &Notice> {
        self.notices
            .iter()
            .filter(move |notice| notice.kind == kind)
    }
}

/// A category the description points to, with the phrases that matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub category: Category,
    pub score: f64,
    pub matched: Vec<String>,
}

/// A signal found in the text, with the words that showed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SignalHit {
    pub signal: Signal,
    pub matched: Vec<String>,
}

/// The expected initial response.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Response {
    pub target_minutes: u32,
    pub coverage: Coverage,
    pub calendar: Location,
    pub time_zone: String,
    #[serde(serialize_with = "utc", skip_serializing_if = "Option::is_none")]
    pub clock_starts: Option<DateTime<Utc>>,
    #[serde(serialize_with = "utc", skip_serializing_if = "Option::is_none")]
    pub due: Option<DateTime<Utc>>,
    #[serde(serialize_with = "local", skip_serializing_if = "Option::is_none")]
    pub due_local: Option<DateTime<FixedOffset>>,
    /// Which holiday list the business-hours clock used (RT-8).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holiday_list: Option<HolidayListName>,
    /// Why the business-hours clock starts after the submission, when it
    /// does (RT-5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub waits: Option<Wait>,
    /// Business hours: the latest instant of the submission's working day
    /// (in the calendar's zone) at which a request is still due by that
    /// day's closing; present while the submission is not later than it.
    #[serde(serialize_with = "utc", skip_serializing_if = "Option::is_none")]
    pub answered_today_if_filed_by: Option<DateTime<Utc>>,
}

/// Why the clock waits for the next opening, and the holidays it skips.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Wait {
    pub reason: WaitReason,
    /// The holidays (local dates of the calendar) from the submission's date
    /// up to the opening's that close a working day, oldest first.
    #[serde(serialize_with = "dates")]
    pub holidays: Vec<NaiveDate>,
}

/// Another way of filing the request, and when it would be answered.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Alternative {
    pub kind: AlternativeKind,
    /// The rule that offers it.
    pub rule: RuleId,
    pub target_minutes: u32,
    pub coverage: Coverage,
    #[serde(serialize_with = "utc")]
    pub due: Option<DateTime<Utc>>,
    /// `due` in the response's zone.
    #[serde(serialize_with = "local")]
    pub due_local: Option<DateTime<FixedOffset>>,
}

// Output instants keep the input's precision: a `submitted_at` with a
// fraction of a second gives a `clock_starts` (and a 24x7 `due`) with the
// same fraction, written with 3, 6 or 9 digits as needed (whole seconds
// with none), so no output instant reads earlier than `submitted_at`.

fn utc<S: Serializer>(instant: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error> {
    match instant {
        Some(instant) => {
            serializer.serialize_str(&instant.to_rfc3339_opts(SecondsFormat::AutoSi, true))
        }
        None => serializer.serialize_none(),
    }
}

fn dates<S: Serializer>(days: &[NaiveDate], serializer: S) -> Result<S::Ok, S::Error> {
    // `YYYY-MM-DD`, as the case's `holidays` are written.
    serializer.collect_seq(days.iter().map(NaiveDate::to_string))
}

fn local<S: Serializer>(
    instant: &Option<DateTime<FixedOffset>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match instant {
        Some(instant) => serializer.serialize_str(&rfc3339_local(instant)),
        None => serializer.serialize_none(),
    }
}

/// An instant in RFC 3339 with its local offset. RFC 3339 offsets are whole
/// minutes; a zone whose offset has seconds (local mean times, e.g.
/// Africa/Monrovia's −00:44:30 until 1972) is written with the offset rounded
/// to the nearest minute (half a minute away from zero) and the wall-clock
/// time moved with it, so the text still denotes exactly the same instant,
/// its wall clock within 30 seconds of the zone's own.
pub fn rfc3339_local(instant: &DateTime<FixedOffset>) -> String {
    let seconds = instant.offset().local_minus_utc();
    let shown = if seconds % 60 == 0 {
        *instant
    } else {
        let rounded = (seconds + 30 * seconds.signum()) / 60 * 60;
        let offset = FixedOffset::east_opt(rounded)
            .or_else(|| FixedOffset::east_opt(seconds / 60 * 60))
            .unwrap_or(*instant.offset());
        instant.with_timezone(&offset)
    };
    shown.to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// Where and how to file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    pub rule: RuleId,
    /// A short name of the route, e.g. "Partner Center, then the Azure portal".
    #[serde(serialize_with = "text")]
    pub title: Text,
    #[serde(serialize_with = "text_list")]
    pub steps: Vec<Text>,
    pub links: Vec<Link>,
}

/// A link shown with a path.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Link {
    #[serde(serialize_with = "text")]
    pub label: Text,
    #[serde(serialize_with = "text")]
    pub url: Text,
}

/// What part of the answer a notice is about: the interface groups by it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The severity: what raises or lowers it.
    Severity,
    /// The response target and its clock.
    Response,
    /// Where and how to file.
    Path,
    /// What support will not do, or does not cover.
    Limits,
    /// What to check or do first.
    Advice,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 5] = [
        NoticeKind::Severity,
        NoticeKind::Response,
        NoticeKind::Path,
        NoticeKind::Limits,
        NoticeKind::Advice,
    ];
}

/// A warning or piece of advice, with the rule behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub rule: RuleId,
    pub kind: NoticeKind,
    /// The catalogue key the text was written from.
    #[serde(serialize_with = "fixed")]
    pub message: &'static str,
    #[serde(serialize_with = "text")]
    pub text: Text,
}

/// The field of the decision a trace entry decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DecidedField {
    Category,
    Supported,
    Severity,
    Response,
    Path,
    Reopen,
}

/// One rule that decided part of the result, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TraceEntry {
    pub rule: RuleId,
    pub field: DecidedField,
    /// The catalogue key the text was written from.
    #[serde(serialize_with = "fixed")]
    pub message: &'static str,
    #[serde(serialize_with = "text")]
    pub why: Text,
}
