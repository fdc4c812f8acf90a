//! The policy: case → decision, as one short pipeline. Each step decides one
//! part of the result from the rules of policy.md, with its tables in
//! [`tables`], and records which rule did it and why; every sentence comes
//! from the message catalogue ([`crate::engine::messages`]).

mod advice;
mod category;
mod coverage;
pub mod overlay;
mod path;
pub mod questions;
mod reopen;
mod response;
pub mod rules;
mod severity;
pub mod tables;

use crate::engine::contract::case::Case;
use crate::engine::contract::decision::{
    DecidedField, Decision, Notice, NoticeKind, Text, TraceEntry, CONTRACT_VERSION,
};
use crate::engine::contract::raw::{quoted_excerpt, InputError};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::messages::{self, Catalogue};
use crate::engine::time::zone::ZoneRules;
use chrono::{DateTime, Utc};
use tables::Ruleset;

/// Decides `case`. `now` stands in for a missing `submitted_at`; `zones`
/// answers time-zone questions. Errors name the offending field.
pub fn decide(
    case: &Case,
    now: DateTime<Utc>,
    ruleset: &Ruleset,
    zones: &dyn ZoneRules,
) -> Result<Decision, InputError> {
    let submitted_at = case.submitted_at_or(now)?;
    let time_zone = zones.canonical_name(&case.time_zone).ok_or_else(|| {
        InputError::new(
            "time_zone",
            format!(
                "{} is not an IANA time zone; write e.g. UTC, Europe/Berlin, Asia/Jakarta, America/New_York",
                quoted_excerpt(&case.time_zone)
            ),
        )
    })?;
    let calendar = ruleset.calendar(case.location).ok_or_else(|| {
        InputError::new(
            "location",
            format!(
                "the ruleset {} has no calendar for {}",
                ruleset.id, case.location
            ),
        )
    })?;
    // REO-4: dates are the visitor's local dates.
    let today = zones
        .localize(&time_zone, submitted_at)
        .map_or(submitted_at.date_naive(), |local| local.date_naive());
    reopen::check_closing_date(case, today)?;

    let classification = if case.description.trim().is_empty() {
        Default::default()
    } else {
        ruleset.classify(&case.description)
    };
    let mut run = Run {
        case,
        text: messages::for_locale(case.locale),
        notices: Vec::new(),
        trace: Vec::new(),
    };
    let kind = category::decide(&mut run, &classification);
    let supported = coverage::decide(&mut run, &kind);
    let severity = severity::decide(&mut run, &kind, supported, &classification);
    let clock = response::Clock {
        calendar,
        time_zone: &time_zone,
        submitted_at,
        zones,
    };
    let timing = response::decide(&mut run, &kind, supported, &severity, ruleset, &clock);
    let response = timing.response;
    let path = path::decide(&mut run, kind.category, severity.decided.is_some(), ruleset);
    let reopen = reopen::decide(&mut run, kind.category, today, ruleset);
    advice::decide(
        &mut run,
        &advice::Decided {
            kind: &kind,
            supported,
            path: path.rule,
        },
        &classification,
    );
    let questions = questions::decide(case, &kind, &severity, &classification);
    let unknown = questions::unknown(case, &kind, &questions);
    Ok(Decision {
        contract: CONTRACT_VERSION,
        ruleset: ruleset.id.clone(),
        category: kind.category,
        category_source: kind.source,
        suggestions: classification.suggestions,
        supported,
        severity: severity.decided,
        requested_severity: severity.requested,
        response,
        path,
        reopen,
        notices: run.notices,
        trace: run.trace,
        locale: run.text.language(),
        signals: classification.signals,
        severity_applies: severity.applies,
        questions,
        unknown,
        alternatives: timing.alternatives,
    })
}

/// The state of one decision while it is being made.
struct Run<'a> {
    case: &'a Case,
    /// The catalogue the decision's texts are written from.
    text: &'static Catalogue,
    notices: Vec<Notice>,
    trace: Vec<TraceEntry>,
}

type Args<'a> = &'a [(&'a str, &'a str)];

impl Run<'_> {
    /// Records that `rule` decided `field`, with the message `key`.
    fn trace(&mut self, rule: RuleId, field: DecidedField, key: &'static str, args: Args) {
        let why = self.text.text(key, args);
        self.trace.push(TraceEntry {
            rule,
            field,
            message: key,
            why,
        });
    }

    /// Adds a notice; a rule already noticed keeps its first notice (COH-2).
    fn notice(&mut self, rule: RuleId, kind: NoticeKind, key: &'static str, args: Args) {
        if self.noticed(rule) {
            return;
        }
        let text = self.text.text(key, args);
        self.notices.push(Notice {
            rule,
            kind,
            message: key,
            text,
        });
    }

    fn noticed(&self, rule: RuleId) -> bool {
        self.notices.iter().any(|notice| notice.rule == rule)
    }

    /// The visitor-facing name of a contract value, e.g. `product.azure` →
    /// "Azure" (COH-4: words, not codes).
    fn name(&self, family: &str, code: &str) -> Text {
        self.text.text(&messages::dotted(family, code), &[])
    }

    /// The message about the case's plan, or its wording for a case filed
    /// under no plan at all ("covered by no support plan" reads as nonsense).
    fn on_plan(&self, key: &'static str, no_plan: &'static str) -> &'static str {
        match self.case.plan {
            crate::engine::contract::enums::Plan::None => no_plan,
            _ => key,
        }
    }

    /// "4 hours", "1 hour 30 minutes", "45 minutes".
    fn duration(&self, minutes: u32) -> String {
        let (hours, rest) = (i64::from(minutes / 60), i64::from(minutes % 60));
        match (hours, rest) {
            (0, m) => self.text.count("duration.minutes", m, &[]),
            (h, 0) => self.text.count("duration.hours", h, &[]),
            (h, m) => {
                let hours = self.text.count("duration.hours", h, &[]);
                let minutes = self.text.count("duration.minutes", m, &[]);
                self.text.format(
                    "duration.hours-minutes",
                    &[("hours", &hours), ("minutes", &minutes)],
                )
            }
        }
    }

    /// Phrases as «a», «b».
    fn quote_all(&self, phrases: &[String]) -> String {
        let quoted: Vec<String> = phrases
            .iter()
            .map(|phrase| self.text.format("quote", &[("text", phrase)]))
            .collect();
        self.text.list(&quoted)
    }
}
