//! SEV-1..9: the severity the stated business impact asks for and the one
//! the rules give. Coverage (24x7 or business hours) is the response's.

use super::category::{Handling, Kind};
use super::Run;
use crate::engine::classify::Classification;
use crate::engine::contract::decision::{DecidedField, NoticeKind};
use crate::engine::contract::enums::{Category, Preview, Scope, Severity, Signal};
use crate::engine::contract::rule_id::RuleId;

/// What the severity step decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Severities {
    /// What the stated impact alone would give.
    pub requested: Option<Severity>,
    /// What the rules give; `None` when none applies or the impact is unknown.
    pub decided: Option<Severity>,
    /// Whether an A/B/C severity applies to this request at all.
    pub applies: bool,
}

pub(super) fn decide(
    run: &mut Run,
    kind: &Kind,
    supported: bool,
    text: &Classification,
) -> Severities {
    let case = run.case;
    let field = DecidedField::Severity;
    let requested = case.impact.map(Severity::from_impact);
    let none = Severities {
        requested,
        decided: None,
        applies: false,
    };
    if kind.category == Category::Performance {
        let key = match case.scope {
            Scope::SingleFunction => "why.severity.performance-one",
            Scope::MultipleAreas => "why.severity.performance-many",
        };
        run.trace(RuleId::Lim1, field, key, &[]);
    }
    if !supported {
        run.trace(RuleId::Sev9, field, "why.severity.not-supported", &[]);
        return none;
    }
    if kind.handling != Handling::Technical {
        let name = run.name("category", kind.category.as_str());
        run.trace(
            RuleId::Sev7,
            field,
            "why.severity.not-break-fix",
            &[("category", &name)],
        );
        return none;
    }
    let Some(impact) = case.impact else {
        run.trace(RuleId::Sev1, field, "why.severity.no-impact", &[]);
        match text.said(Signal::ProductionDown) {
            Some(hit) => {
                let words = run.quote_all(&hit.matched);
                run.notice(
                    RuleId::Sev1,
                    NoticeKind::Severity,
                    "notice.sev1.production-down",
                    &[("words", &words)],
                );
            }
            None => run.notice(
                RuleId::Sev1,
                NoticeKind::Severity,
                "notice.sev1.state-impact",
                &[],
            ),
        }
        return Severities {
            applies: true,
            ..none
        };
    };
    let asked = Severity::from_impact(impact);
    let impact_name = run.name("impact", impact.as_str());
    run.trace(
        RuleId::Sev1,
        field,
        "why.severity.impact",
        &[("impact", &impact_name)],
    );
    run.trace(
        asked.rule(),
        field,
        "why.severity.level",
        &[("impact", &impact_name), ("severity", asked.as_str())],
    );
    let mut severity = asked;
    if kind.preview == Preview::PublicPreview && severity == Severity::A {
        severity = Severity::B;
        run.trace(RuleId::Sev8, field, "why.severity.public-preview", &[]);
        run.notice(RuleId::Sev8, NoticeKind::Severity, "notice.sev8", &[]);
    }
    if severity == Severity::A {
        if case.commit_24x7 {
            run.trace(RuleId::Sev2, field, "why.severity.a-committed", &[]);
        } else {
            severity = Severity::B;
            run.trace(RuleId::Sev2, field, "why.severity.a-not-committed", &[]);
            run.notice(RuleId::Sev2, NoticeKind::Severity, "notice.sev2", &[]);
        }
    }
    if matches!(severity, Severity::A | Severity::B) {
        run.notice(RuleId::Sev5, NoticeKind::Severity, "notice.sev5", &[]);
    }
    if case.custom_code {
        run.notice(
            RuleId::Sev6,
            NoticeKind::Severity,
            "notice.sev6.custom-code",
            &[],
        );
    }
    Severities {
        requested,
        decided: Some(severity),
        applies: true,
    }
}
