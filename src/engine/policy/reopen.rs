//! CLS-15, REO-0..5, FUP-2: reopen the earlier case or file a new incident,
//! by the first row of the reopen table that the known answers fit.

use super::tables::Ruleset;
use super::Run;
use crate::engine::contract::case::Case;
use crate::engine::contract::decision::{DecidedField, NoticeKind};
use crate::engine::contract::enums::{Category, Reopen};
use crate::engine::contract::raw::InputError;
use crate::engine::contract::rule_id::RuleId;
use chrono::{Months, NaiveDate};

/// REO-4 (design): a closing date after the submission's local date is bad input.
pub(super) fn check_closing_date(case: &Case, today: NaiveDate) -> Result<(), InputError> {
    let closed_on = case
        .previous_case
        .as_ref()
        .and_then(|previous| previous.closed_on);
    match closed_on {
        Some(closed) if closed > today => Err(InputError::new(
            "previous_case.closed_on",
            format!(
                "{closed} is after the day of submission ({today}, in the case's time zone); give the day the earlier case was closed"
            ),
        )),
        _ => Ok(()),
    }
}

/// The reopen questions, in the order REO-0 names them.
pub const QUESTIONS: [&str; 4] = [
    "same_build",
    "same_environment",
    "same_error",
    "after_hotfix",
];

pub(super) fn decide(
    run: &mut Run,
    category: Category,
    today: NaiveDate,
    ruleset: &Ruleset,
) -> Option<Reopen> {
    let case = run.case;
    let previous = case.previous_case.as_ref()?;
    let field = DecidedField::Reopen;
    let number = previous.number.as_str();
    run.trace(
        RuleId::Cls15,
        field,
        "why.reopen.earlier-case",
        &[("number", number)],
    );
    // REO-4: calendar months on the local date, the day clamped to the month's end.
    let aged = previous.closed_on.map(|closed| {
        closed
            .checked_add_months(Months::new(3))
            .is_none_or(|three_months_later| three_months_later <= today)
    });
    let row = ruleset.reopen_rows.iter().find(|row| {
        row.aged.admits(aged)
            && row.after_hotfix.admits(previous.after_hotfix)
            && row.same_build.admits(previous.same_build)
            && row.same_environment.admits(previous.same_environment)
            && row.same_error.admits(previous.same_error)
    })?;
    run.trace(row.rule, field, row.why, &[("number", number)]);
    match row.verdict {
        Some(Reopen::NewIncident) => {
            run.trace(
                RuleId::Reo5,
                field,
                "why.reopen.quote-number",
                &[("number", number)],
            );
            run.notice(
                RuleId::Reo5,
                NoticeKind::Advice,
                "notice.reo5.quote-number",
                &[("number", number)],
            );
        }
        Some(Reopen::Reopen) => {}
        None => {
            let missing: Vec<String> = QUESTIONS
                .iter()
                .zip([
                    previous.same_build,
                    previous.same_environment,
                    previous.same_error,
                    previous.after_hotfix,
                ])
                .filter(|(_, answer)| answer.is_none())
                .map(|(name, _)| run.name("reopen-question", name).into_owned())
                .collect();
            let missing = run.text.list(&missing);
            run.notice(
                RuleId::Reo0,
                NoticeKind::Advice,
                "notice.reo0",
                &[("number", number), ("questions", &missing)],
            );
        }
    }
    if category == Category::FollowUp {
        run.notice(RuleId::Fup2, NoticeKind::Advice, "notice.fup2", &[]);
    }
    row.verdict
}
