//! Advice that changes no field: what to check first (ESC), what support
//! will not do (LIM, COV, PRV), how the route works (PTH-3, PTH-11, PTH-12,
//! COV-3..8), follow-ups (FUP), and what the description says that the
//! answers do not. Nothing here may contradict a decided field (COH-1).

use super::category::Kind;
use super::Run;
use crate::engine::classify::Classification;
use crate::engine::contract::decision::{DecidedField, NoticeKind};
use crate::engine::contract::enums::{Category, Plan, Preview, Product, Role, Scope, Signal};
use crate::engine::contract::rule_id::RuleId;

/// The fields already decided, which the advice must agree with.
pub(super) struct Decided<'a> {
    pub kind: &'a Kind,
    pub supported: bool,
    pub path: RuleId,
}

/// The routes that start from Partner Center.
const PARTNER_CENTER_ROUTES: [RuleId; 4] = [RuleId::Pth3, RuleId::Pth4, RuleId::Pth5, RuleId::Pth8];

pub(super) fn decide(run: &mut Run, decided: &Decided, text: &Classification) {
    let case = run.case;
    let category = decided.kind.category;
    // Advice about filing with Microsoft, only when the request goes there.
    let to_microsoft = decided.supported && decided.path != RuleId::Pth9;
    let advice = NoticeKind::Advice;
    let limits = NoticeKind::Limits;
    let path = NoticeKind::Path;
    hints(run, decided, text);
    if to_microsoft
        && matches!(
            category,
            Category::BreakFix
                | Category::ServiceIncident
                | Category::Performance
                | Category::Preview
        )
    {
        run.notice(RuleId::Esc1, advice, "notice.esc1", &[]);
    }
    if to_microsoft
        && (category == Category::ServiceIncident || case.role == Role::PartnerForCustomer)
    {
        run.notice(RuleId::Esc2, advice, "notice.esc2", &[]);
    }
    match category {
        Category::Performance if case.scope == Scope::SingleFunction => {
            run.notice(RuleId::Lim1, limits, "notice.lim1.one-function", &[]);
        }
        Category::Performance => run.notice(RuleId::Lim1, limits, "notice.lim1.many-areas", &[]),
        Category::DataCorruption => run.notice(RuleId::Lim3, limits, "notice.lim3", &[]),
        Category::RcaRequest => run.notice(RuleId::Lim4, limits, "notice.lim4", &[]),
        Category::FollowUp => {
            run.trace(RuleId::Fup1, DecidedField::Path, "why.path.follow-up", &[]);
            run.notice(RuleId::Fup1, advice, "notice.fup1", &[]);
            run.notice(RuleId::Lim6, limits, "notice.lim6", &[]);
        }
        Category::Preview => {
            run.notice(RuleId::Prv1, limits, "notice.prv1", &[]);
            if decided.kind.preview == Preview::PublicPreview {
                run.notice(RuleId::Prv2, limits, "notice.prv2.break-fix-only", &[]);
            }
        }
        _ => {}
    }
    if case.custom_code && decided.supported {
        run.notice(RuleId::Lim2, limits, "notice.lim2", &[]);
        run.notice(RuleId::Lim5, limits, "notice.lim5", &[]);
        run.notice(RuleId::Cov9, limits, "notice.cov9", &[]);
    }
    let dynamics = matches!(case.product, Product::Dynamics365 | Product::PowerPlatform);
    match case.role {
        Role::EndUser if dynamics => run.notice(RuleId::Cov3, path, "notice.cov3", &[]),
        Role::CustomerAdmin if dynamics && to_microsoft && decided.path == RuleId::Pth1 => {
            run.notice(RuleId::Cov4, path, "notice.cov4", &[]);
            run.notice(RuleId::Cov5, path, "notice.cov5", &[]);
        }
        Role::PartnerForCustomer if case.plan != Plan::Csp && to_microsoft => {
            let plan = run.name("plan-phrase", case.plan.as_str());
            run.notice(
                RuleId::Cov8,
                path,
                run.on_plan("notice.cov8.delegated", "notice.cov8.delegated-no-plan"),
                &[("plan", &plan)],
            );
        }
        Role::PartnerForCustomer if dynamics && to_microsoft => {
            run.notice(RuleId::Cov8, path, "notice.cov8.csp", &[]);
        }
        _ => {}
    }
    if dynamics && decided.supported && matches!(case.role, Role::CustomerAdmin | Role::EndUser) {
        run.notice(RuleId::Cov2, limits, "notice.cov2", &[]);
    }
    if case.role == Role::CustomerAdmin && case.plan == Plan::Csp && to_microsoft {
        let rule = match case.product {
            Product::Azure => RuleId::Pth3,
            _ => RuleId::Pth5,
        };
        run.notice(rule, path, "notice.csp-customer", &[]);
    }
    if to_microsoft && decided.path == RuleId::Pth3 {
        run.notice(RuleId::Pth3, path, "notice.pth3", &[]);
    }
    if to_microsoft && PARTNER_CENTER_ROUTES.contains(&decided.path) {
        run.notice(RuleId::Pth12, path, "notice.pth12", &[]);
    }
    if matches!(case.role, Role::PartnerForCustomer | Role::PartnerOwn) && decided.supported {
        run.notice(RuleId::Cov7, limits, "notice.cov7.fees", &[]);
    }
    if case.plan == Plan::Csp && to_microsoft {
        run.notice(RuleId::Pth11, path, "notice.pth11", &[]);
    }
}

/// What the description says that the answers do not: a nudge to answer it.
fn hints(run: &mut Run, decided: &Decided, text: &Classification) {
    let case = run.case;
    for hit in text.said_signals() {
        let words = run.quote_all(&hit.matched);
        let words = [("words", words.as_str())];
        match hit.signal {
            Signal::CustomCode if !case.custom_code && decided.supported => run.notice(
                RuleId::Cls14,
                NoticeKind::Advice,
                "notice.hint.custom-code",
                &words,
            ),
            Signal::PreviousCase if case.previous_case.is_none() => run.notice(
                RuleId::Reo5,
                NoticeKind::Advice,
                "notice.hint.case-number",
                &words,
            ),
            Signal::Preview if decided.kind.preview_from_text => run.notice(
                RuleId::Prv1,
                NoticeKind::Advice,
                "notice.hint.preview",
                &words,
            ),
            Signal::OnBehalfOfCustomer
                if case.role != Role::PartnerForCustomer && decided.supported =>
            {
                run.notice(
                    RuleId::Cov8,
                    NoticeKind::Advice,
                    "notice.hint.for-customer",
                    &words,
                )
            }
            _ => {}
        }
    }
}
