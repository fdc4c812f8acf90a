//! The widget's pure logic, apart from Leptos and the browser so that it is
//! tested natively: the visitor's answers and their URL form
//! ([`answers`]), what the form asks ([`questions`]), the interface texts
//! ([`i18n`]), what the answer card shows of a decision, and the plain-text
//! summary. Everything here displays what the engine decided; none of it
//! decides anything itself.

pub mod answers;
pub mod calendar;
pub mod i18n;
pub mod proposals;
pub mod questions;

use crate::engine::contract::decision::{DecidedField, Decision, Notice, NoticeKind};
use crate::engine::contract::enums::{AlternativeKind, Impact, Product, Reopen, WaitReason};
use crate::engine::contract::fields::{self, Kind};
use crate::engine::messages;
use crate::engine::policy::rules::rule;
use crate::engine::{Case, InputError};
use answers::{error_field, Answers};
use chrono::{DateTime, NaiveDate, Utc};
use i18n::Texts;

/// What the widget shows for the answers: the decision on every answer the
/// engine accepts, and the answers it refused. A refused answer is set aside
/// (its field decided as unanswered, or its earlier case dropped) so that
/// one mistyped zone is corrected at its field while the rest of the card
/// stays.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Outcome {
    /// `None` while the product is unanswered (or itself refused).
    pub decision: Option<Decision>,
    /// The refused answers, in the order found.
    pub problems: Vec<InputError>,
}

impl Outcome {
    /// Decides `answers` with `decide`, setting refused answers aside one at
    /// a time: each round removes at least one answer, so the rounds are
    /// bounded by the number of answers.
    pub fn of(answers: &Answers, decide: impl Fn(&Case) -> Result<Decision, InputError>) -> Self {
        let mut kept = answers.clone();
        let mut problems = Vec::new();
        loop {
            let result = kept
                .to_case()
                .map(|case| case.and_then(|case| decide(&case)));
            match result {
                None => {
                    return Outcome {
                        decision: None,
                        problems,
                    }
                }
                Some(Ok(decision)) => {
                    return Outcome {
                        decision: Some(decision),
                        problems,
                    }
                }
                Some(Err(error)) => {
                    let set_aside = kept.set_aside(error_field(&error));
                    problems.push(error);
                    if !set_aside {
                        return Outcome {
                            decision: None,
                            problems,
                        };
                    }
                }
            }
        }
    }

    /// The visitor's words for the problem at `field`, if there is one.
    pub fn problem_at(&self, t: &Texts, field: &str) -> Option<&'static str> {
        self.problems
            .iter()
            .find(|error| error_field(error) == field)
            .map(|error| error_words(t, error))
    }
}

/// An unanswered question whose assumed answer the result depends on: the
/// card names it and the form marks it, until the visitor answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Assumption {
    /// The field, e.g. `commit_24x7`.
    pub field: &'static str,
    /// The value the engine assumed (the field's contract default).
    pub assumed: &'static str,
}

/// The decision's unanswered questions (`unknown`) for which another answer
/// would change what the visitor is told: the kind, the severity, the
/// response, the route or the verdict on an earlier case. `decide` decides
/// other answers the way the decision was made.
pub fn assumptions(
    answers: &Answers,
    decision: &Decision,
    decide: impl Fn(&Answers) -> Option<Decision>,
) -> Vec<Assumption> {
    let outcome = |d: &Decision| {
        (
            d.category,
            d.supported,
            d.severity,
            d.response
                .as_ref()
                .map(|r| (r.target_minutes, r.coverage, r.due)),
            d.path.rule,
            d.reopen,
        )
    };
    let decided = outcome(decision);
    decision
        .unknown
        .iter()
        .filter_map(|&name| {
            let field = fields::find(name)?;
            let assumed = field.default?;
            let values: &[&str] = match field.kind {
                Kind::Choice(values) => values,
                Kind::Flag => &["true", "false"],
                _ => return None,
            };
            let changes = values
                .iter()
                .filter(|&&value| value != assumed)
                .any(|value| {
                    let mut other = answers.clone();
                    other.set(name, value) && decide(&other).is_some_and(|d| outcome(&d) != decided)
                });
            changes.then_some(Assumption {
                field: name,
                assumed,
            })
        })
        .collect()
}

/// The notices of one kind, in decision order: the card shows severity
/// notes under the severity, response notes under the response, path notes
/// with the path, limits under "good to know", advice under advice.
pub fn notices_in(decision: &Decision, kind: NoticeKind) -> Vec<&Notice> {
    decision.notices_of(kind).collect()
}

/// The severity as the card and the summary say it.
pub fn severity_label(t: &Texts, decision: &Decision) -> &'static str {
    match decision.severity {
        Some(severity) => t.severity_name(severity),
        // No severity applies here (SEV-7, SEV-9); otherwise the impact is
        // still unanswered.
        None if !decision.severity_applies => t.no_severity,
        None => t.severity_pending,
    }
}

/// The verdict on the earlier case, when the decision has one to give:
/// reopen, a new incident, or not known yet (REO-0).
pub fn reopen_label(t: &Texts, decision: &Decision) -> Option<&'static str> {
    let decided = decision
        .trace
        .iter()
        .any(|entry| entry.field == DecidedField::Reopen);
    decided.then_some(match decision.reopen {
        Some(Reopen::Reopen) => t.reopen,
        Some(Reopen::NewIncident) => t.new_incident,
        None => t.reopen_unknown,
    })
}

/// One line of the "Why?" panel: a rule that decided part of the answer,
/// how, and what it stands on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub rule: &'static str,
    pub why: String,
    /// What the source documents say, in the visitor's language; `None` for
    /// a pure design rule.
    pub sourced: Option<&'static str>,
    /// The documents it stands on, each with its own words when at hand.
    pub cited: Vec<Cited>,
    /// The project's own decision, where the documents are silent; shown
    /// labelled as such (COH-3).
    pub design: Option<&'static str>,
}

/// A source document a rule cites.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited {
    /// "003 Dynamics 365 / Power Platform support overview", in the
    /// visitor's language.
    pub title: String,
    /// The language the document is written in (`ja`, `id`).
    pub language: &'static str,
    /// The document's own sentence, in its own language, once the quotes
    /// are at hand.
    pub quote: Option<&'static str>,
}

/// The "Why?" panel: every trace entry, in order, with its rule's words
/// once the "Why?" texts are at hand (`why`; natively they always are).
pub fn reasons(t: &Texts, decision: &Decision) -> Vec<Reason> {
    let quotes = messages::quotes();
    let why = messages::why_for(t.language());
    decision
        .trace
        .iter()
        .map(|entry| {
            let policy = rule(entry.rule);
            let cited = policy
                .sources
                .iter()
                .map(|source| Cited {
                    title: match why {
                        Some(why) => format!("{} {}", source.code(), source.title(why)),
                        None => source.code().to_owned(),
                    },
                    language: source.language(),
                    quote: quotes.and_then(|quotes| source.quote(entry.rule, quotes)),
                })
                .collect();
            Reason {
                rule: entry.rule.as_str(),
                why: entry.why.to_string(),
                sourced: why.and_then(|why| policy.sourced_text(why)),
                cited,
                design: why.and_then(|why| policy.design_text(why)),
            }
        })
        .collect()
}

/// The one sentence a screen reader hears when the answer changes, and the
/// phone's summary bar shows: the kind, the severity, when, where to file.
/// `due` is the due time as already formatted for the visitor.
pub fn headline(t: &Texts, decision: &Decision, due: Option<&str>) -> String {
    let text = t.catalogue;
    let mut parts = vec![t.category_name(decision.category).to_owned()];
    if decision.severity_applies {
        let severity = severity_label(t, decision);
        parts.push(text.format("ui.headline-severity", &[("severity", severity)]));
    }
    match (&decision.response, due) {
        (Some(_), Some(due)) => parts.push(text.format("ui.headline-due", &[("time", due)])),
        (Some(response), None) => parts.push(t.within(i64::from(response.target_minutes))),
        (None, _) => {}
    }
    parts.push(text.format("ui.headline-path", &[("path", &decision.path.title)]));
    parts.join(" · ")
}

/// The decision in words beside its codes, for the host page's
/// `triage-change` event: what the visitor reads, in their language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Readable {
    /// The interface language of these words.
    pub locale: &'static str,
    pub category: &'static str,
    pub severity: &'static str,
    /// "within 4 hours", when a target is published.
    pub first_response: Option<String>,
    /// The due time on the visitor's clock, formatted for them.
    pub due: Option<String>,
    /// The due time on the support calendar's clock.
    pub due_support: Option<String>,
    pub path: String,
    /// The [`headline`].
    pub summary: String,
}

impl Readable {
    /// Its fields by their JSON names (`None`: null), for the host's event.
    pub fn fields(&self) -> [(&'static str, Option<&str>); 8] {
        [
            ("locale", Some(self.locale)),
            ("category", Some(self.category)),
            ("severity", Some(self.severity)),
            ("first_response", self.first_response.as_deref()),
            ("due", self.due.as_deref()),
            ("due_support", self.due_support.as_deref()),
            ("path", Some(&self.path)),
            ("summary", Some(&self.summary)),
        ]
    }

    pub fn new(
        t: &Texts,
        decision: &Decision,
        due: Option<String>,
        due_support: Option<String>,
    ) -> Self {
        Readable {
            locale: t.language(),
            category: t.category_name(decision.category),
            severity: severity_label(t, decision),
            first_response: decision
                .response
                .as_ref()
                .map(|response| t.within(i64::from(response.target_minutes))),
            summary: headline(t, decision, due.as_deref()),
            due,
            due_support,
            path: decision.path.title.to_string(),
        }
    }
}

/// How the widget writes moments for the visitor: the browser's `Intl` in
/// the widget, plain numbers natively.
pub struct Formats<'a> {
    /// A day and time on the visitor's clock: "Tue 24 Nov, 10:00".
    pub instant: &'a dyn Fn(DateTime<Utc>) -> String,
    /// A time of day on the visitor's clock: "16:30".
    pub time: &'a dyn Fn(DateTime<Utc>) -> String,
    /// A calendar date: "Mon 23 Nov".
    pub date: &'a dyn Fn(NaiveDate) -> String,
}

/// The engine's notices that [`timing_notes`] says in the visitor's own
/// words and clock: the card shows those instead.
pub const TIMING_NOTICES: [&str; 3] = [
    "notice.rt5.waits.",
    "notice.rt4.answered-today",
    "notice.rt3.english-24x7",
];

/// Whether a notice is one [`timing_notes`] says instead.
pub fn said_by_timing(notice: &Notice) -> bool {
    TIMING_NOTICES
        .iter()
        .any(|key| notice.message.starts_with(key))
}

/// What a visitor needs to plan around the due time, from the engine's
/// facts: why the clock starts later (the office closed, the holidays it
/// skips), the latest filing time still answered today, and the policy's
/// alternatives (English round-the-clock support).
pub fn timing_notes(t: &Texts, decision: &Decision, formats: &Formats) -> Vec<String> {
    let text = t.catalogue;
    let mut notes = Vec::new();
    let Some(response) = &decision.response else {
        return notes;
    };
    if let (Some(wait), Some(opens)) = (&response.waits, response.clock_starts) {
        let opens = (formats.instant)(opens);
        notes.push(match wait.reason {
            WaitReason::Holiday => {
                let holidays: Vec<String> =
                    wait.holidays.iter().map(|d| (formats.date)(*d)).collect();
                text.count(
                    "ui.wait-holiday",
                    holidays.len() as i64,
                    &[("opens", &opens), ("holidays", &text.list(&holidays))],
                )
            }
            WaitReason::Weekend => text.format("ui.wait-weekend", &[("opens", &opens)]),
            WaitReason::AfterClosing => text.format("ui.wait-after-closing", &[("opens", &opens)]),
            WaitReason::BeforeOpening => {
                text.format("ui.wait-before-opening", &[("opens", &opens)])
            }
        });
    }
    if let Some(latest) = response.answered_today_if_filed_by {
        notes.push(text.format("ui.same-day", &[("time", &(formats.time)(latest))]));
    }
    for alternative in &decision.alternatives {
        match (alternative.kind, alternative.due) {
            (AlternativeKind::English24x7, Some(due)) => notes.push(text.format(
                "ui.english-alternative",
                &[("due", &(formats.instant)(due))],
            )),
            (AlternativeKind::English24x7, None) => {}
        }
    }
    notes
}

/// A plain-text summary to paste into the real request form. `due` is the
/// due time as already formatted for the visitor.
pub fn summary(t: &Texts, answers: &Answers, decision: &Decision, due: Option<&str>) -> String {
    let mut lines = Vec::new();
    let description = answers.get("description").unwrap_or_default().trim();
    if !description.is_empty() {
        lines.push(description.to_owned());
        lines.push(String::new());
    }
    lines.push(format!(
        "{}: {}",
        t.kind,
        t.category_name(decision.category)
    ));
    if let Some(product) = answers.get("product").and_then(Product::parse) {
        lines.push(format!("{}: {}", t.product, t.product_name(product)));
    }
    if let Some(impact) = answers.get("impact").and_then(Impact::parse) {
        lines.push(format!("{}: {}", t.impact, t.impact_words(impact)));
    }
    lines.push(format!("{}: {}", t.severity, severity_label(t, decision)));
    if let Some(response) = &decision.response {
        let mut line = format!(
            "{}: {} ({})",
            t.first_response,
            t.within(i64::from(response.target_minutes)),
            t.coverage_name(response.coverage)
        );
        if let Some(due) = due {
            line.push_str(&format!(", {due}"));
        }
        lines.push(line);
    }
    let number = answers
        .get("previous_case.number")
        .unwrap_or_default()
        .trim();
    if !number.is_empty() {
        let mut line = format!("{}: {number}", t.previous_case);
        if let Some(verdict) = reopen_label(t, decision) {
            line.push_str(&format!(" ({verdict})"));
        }
        lines.push(line);
    }
    lines.push(format!(
        "{}: {} ({}, {})",
        t.where_to_file, decision.path.title, decision.path.rule, decision.ruleset
    ));
    lines.join("\n")
}

/// What the visitor reads at a field the engine rejected: the engine's own
/// message is for scripts (English, with the field's path); the visitor
/// gets the widget's words for that kind of field, in their language.
pub fn error_words(t: &Texts, error: &InputError) -> &'static str {
    match answers::error_field(error) {
        "time_zone" => t.invalid_time_zone,
        "previous_case.closed_on" if error.message.contains("after the day of submission") => {
            t.closed_after_submission
        }
        "previous_case.closed_on" | "holidays" | "submitted_at" => t.invalid_date,
        _ => t.invalid_answer,
    }
}
