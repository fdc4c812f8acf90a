//! The decision (contract.md, "Decision (output)").

use super::classify::SignalHit;
use super::holidays::HolidayListName;
use super::ruleset::{Link, Text};
use super::vocab::{Category, CategorySource, Coverage, Location, Reopen, Severity};
use chrono::{DateTime, FixedOffset, SecondsFormat, Utc};
use serde::{Serialize, Serializer};

/// Version of contract.md this engine speaks.
pub const CONTRACT_VERSION: &str = "1";

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    pub contract: &'static str,
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
    /// Facts the description states (production down, preview, a case
    /// number…), for the UI to prefill answers. Added to contract 1.
    pub signals: Vec<SignalHit>,
}

impl Decision {
    /// Whether some trace entry names `rule`.
    pub fn traces(&self, rule: &str) -> bool {
        self.trace.iter().any(|entry| entry.rule == rule)
    }
}

/// A category the description points to, with the phrases that matched.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Suggestion {
    pub category: Category,
    pub score: f64,
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
}

fn utc<S: Serializer>(instant: &Option<DateTime<Utc>>, serializer: S) -> Result<S::Ok, S::Error> {
    match instant {
        Some(instant) => {
            serializer.serialize_str(&instant.to_rfc3339_opts(SecondsFormat::Secs, true))
        }
        None => serializer.serialize_none(),
    }
}

fn local<S: Serializer>(
    instant: &Option<DateTime<FixedOffset>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match instant {
        Some(instant) => {
            serializer.serialize_str(&instant.to_rfc3339_opts(SecondsFormat::Secs, false))
        }
        None => serializer.serialize_none(),
    }
}

/// Where and how to file.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Path {
    pub rule: Text,
    pub steps: Vec<Text>,
    pub links: Vec<Link>,
}

/// A warning or piece of advice, with the rule behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub rule: &'static str,
    pub text: String,
}

/// One rule that decided part of the result, and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TraceEntry {
    pub rule: Text,
    pub why: String,
}
