//! Which of the case's fields matter for this decision, in the order a form
//! asks them, and which of those the case left unanswered: the interface
//! asks exactly these and copies no policy.

use super::category::{Handling, Kind};
use super::reopen::QUESTIONS as REOPEN_QUESTIONS;
use super::severity::Severities;
use crate::engine::classify::Classification;
use crate::engine::contract::case::Case;
use crate::engine::contract::enums::{
    Category, CategorySource, Coverage, Plan, Preview, Product, Role, Severity, Signal,
};

/// The questions every case starts with: who files, about which product,
/// and (when the text does not settle it) what kind of request it is. They
/// are all an interface can ask before there is a decision.
pub const OPENING: [&str; 3] = ["role", "product", "category"];

pub(super) fn decide(
    case: &Case,
    kind: &Kind,
    severity: &Severities,
    text: &Classification,
) -> Vec<&'static str> {
    let mut questions = OPENING.to_vec();
    if severity.applies {
        questions.push("impact");
        match severity.requested {
            Some(Severity::A) => questions.push("commit_24x7"),
            Some(Severity::B) => {
                questions.push("coverage");
                if case.coverage == Coverage::TwentyFourSeven {
                    questions.push("commit_24x7");
                }
            }
            _ => {}
        }
    }
    questions.extend(["plan", "language", "location", "time_zone"]);
    let about_a_feature = kind.handling != Handling::NoSeverity;
    if about_a_feature && case.product != Product::MarketplaceApp || kind.preview != Preview::Ga {
        questions.push("preview");
    }
    if case.role == Role::PartnerForCustomer
        && case.product == Product::Azure
        && case.plan == Plan::Csp
    {
        questions.push("admin_access");
    }
    if kind.category == Category::Performance {
        questions.push("scope");
    }
    if severity.applies {
        questions.push("custom_code");
    }
    let case_number_named = text.said(Signal::PreviousCase).is_some();
    if kind.category == Category::FollowUp || case.previous_case.is_some() || case_number_named {
        questions.push("previous_case.number");
        if case.previous_case.is_some() {
            questions.push("previous_case.closed_on");
            questions.extend(REOPEN_QUESTIONS.iter().map(|name| match *name {
                "same_build" => "previous_case.same_build",
                "same_environment" => "previous_case.same_environment",
                "same_error" => "previous_case.same_error",
                _ => "previous_case.after_hotfix",
            }));
        }
    }
    questions
}

/// The questions the case has not answered. A category the text settled
/// counts as answered (the visitor sees it and can change it).
pub(super) fn unknown(case: &Case, kind: &Kind, questions: &[&'static str]) -> Vec<&'static str> {
    questions
        .iter()
        .copied()
        .filter(|&question| match question.split_once('.') {
            Some((_, inner)) => !previous_case_answered(case, inner),
            None if question == "category" => kind.source == CategorySource::Default,
            None => !case.gave(question),
        })
        .collect()
}

fn previous_case_answered(case: &Case, field: &str) -> bool {
    let Some(previous) = &case.previous_case else {
        return false;
    };
    match field {
        "number" => true,
        "closed_on" => previous.closed_on.is_some(),
        "same_build" => previous.same_build.is_some(),
        "same_environment" => previous.same_environment.is_some(),
        "same_error" => previous.same_error.is_some(),
        "after_hotfix" => previous.after_hotfix.is_some(),
        _ => false,
    }
}
