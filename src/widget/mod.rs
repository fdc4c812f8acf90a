//! The widget's pure logic, apart from Leptos and the browser so that it is
//! tested natively: the visitor's answers and their URL form
//! ([`answers`]), what the form asks ([`questions`]), the interface texts
//! ([`i18n`]), what the answer card shows of a decision, and the plain-text
//! summary. Everything here displays what the engine decided; none of it
//! decides anything itself.

pub mod answers;
pub mod i18n;
pub mod questions;

use crate::engine::contract::decision::{DecidedField, Decision, Notice, NoticeKind};
use crate::engine::contract::enums::{Impact, Product, Reopen};
use crate::engine::policy::rules::rule;
use answers::Answers;
use i18n::Texts;

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
    /// What the source documents say, and the documents ("003 Dynamics 365
    /// / Power Platform support overview"); `None` for a pure design rule.
    pub sourced: Option<(&'static str, Vec<String>)>,
    /// The project's own decision, where the documents are silent; shown
    /// labelled as such (COH-3).
    pub design: Option<&'static str>,
}

/// The "Why?" panel: every trace entry, in order, with its rule's words.
pub fn reasons(decision: &Decision) -> Vec<Reason> {
    decision
        .trace
        .iter()
        .map(|entry| {
            let policy = rule(entry.rule);
            let sources = policy
                .sources
                .iter()
                .map(|source| format!("{} {}", source.code(), source.title()))
                .collect();
            Reason {
                rule: entry.rule.as_str(),
                why: entry.why.clone(),
                sourced: (!policy.sourced.is_empty()).then_some((policy.sourced, sources)),
                design: policy.has_design().then_some(policy.design),
            }
        })
        .collect()
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
            "{}: {} {} ({})",
            t.first_response,
            t.within,
            t.duration(i64::from(response.target_minutes)),
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
