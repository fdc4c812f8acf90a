//! The widget's pure logic, apart from Leptos and the browser so that it is
//! tested natively: the visitor's answers and their URL form
//! ([`answers`]), the interface texts ([`i18n`]), how notices are grouped on
//! the answer card, and the plain-text summary.

pub mod answers;
pub mod i18n;

use crate::engine::contract::decision::{Decision, Notice, NoticeKind};
use answers::Answers;
use i18n::Texts;

/// The notices of one kind, in decision order.
pub fn notices_in(decision: &Decision, kind: NoticeKind) -> Vec<&Notice> {
    decision.notices_of(kind).collect()
}

/// The severity as the card and the summary say it.
pub fn severity_label(t: &Texts, decision: &Decision) -> &'static str {
    match decision.severity {
        Some(severity) => t.severity_name(severity),
        // No severity applies here; otherwise the impact is still unanswered.
        None if !decision.severity_applies => t.no_severity,
        None => t.severity_pending,
    }
}

/// A plain-text summary to paste into the real request form. `due` is the
/// due time as already formatted for the visitor.
pub fn summary(t: &Texts, answers: &Answers, decision: &Decision, due: Option<&str>) -> String {
    let mut lines = Vec::new();
    if !answers.description.trim().is_empty() {
        lines.push(answers.description.trim().to_owned());
        lines.push(String::new());
    }
    lines.push(format!(
        "{}: {}",
        t.kind,
        t.category_name(decision.category)
    ));
    if let Some(product) = answers.product {
        lines.push(format!("{}: {}", t.product, t.product_name(product)));
    }
    if let Some(impact) = answers.impact {
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
    if !answers.previous_case.trim().is_empty() {
        lines.push(format!(
            "{}: {}",
            t.previous_case,
            answers.previous_case.trim()
        ));
    }
    lines.push(format!(
        "{}: {} ({})",
        t.where_to_file, decision.path.rule, decision.ruleset
    ));
    lines.join("\n")
}
