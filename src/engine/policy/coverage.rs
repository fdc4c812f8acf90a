//! COV-1, COV-6, COV-7, PRV-2, PRV-3, LIM-4, CLS-7: whether support takes the
//! request through the chosen path at all.

use super::category::{Handling, Kind};
use super::Run;
use crate::engine::contract::decision::{DecidedField, NoticeKind};
use crate::engine::contract::enums::{Category, Plan, Preview, Product, Role};
use crate::engine::contract::rule_id::RuleId;

pub(super) fn decide(run: &mut Run, kind: &Kind) -> bool {
    let case = run.case;
    let field = DecidedField::Supported;
    let limits = NoticeKind::Limits;
    if matches!(
        kind.preview,
        Preview::PrivatePreview | Preview::LimitedPreview
    ) {
        let stage = run.name("preview", kind.preview.as_str());
        run.trace(
            RuleId::Prv3,
            field,
            "why.supported.private-preview",
            &[("stage", &stage)],
        );
        run.notice(RuleId::Prv3, limits, "notice.prv3", &[]);
        return false;
    }
    if kind.category == Category::Marketplace {
        run.trace(RuleId::Cls7, field, "why.supported.marketplace", &[]);
        return false;
    }
    if kind.category == Category::RcaRequest {
        run.trace(RuleId::Lim4, field, "why.supported.rca", &[]);
        return false;
    }
    if case.role == Role::PartnerOwn && case.plan == Plan::Csp {
        run.trace(RuleId::Cov6, field, "why.supported.partner-own-csp", &[]);
        run.notice(RuleId::Cov6, limits, "notice.cov6.csp", &[]);
        return false;
    }
    if kind.preview == Preview::PublicPreview && kind.handling != Handling::Technical {
        let name = run.name("category", kind.category.as_str());
        run.trace(
            RuleId::Prv2,
            field,
            "why.supported.public-preview",
            &[("category", &name)],
        );
        run.notice(RuleId::Prv2, limits, "notice.prv2.not-break-fix", &[]);
        return false;
    }
    if kind.handling == Handling::Advisory
        && !matches!(
            case.plan,
            Plan::ProfessionalDirect | Plan::Unified | Plan::Csp
        )
    {
        let plan = run.name("plan-phrase", case.plan.as_str());
        run.trace(
            RuleId::Cov1,
            field,
            "why.supported.advisory-plan",
            &[("plan", &plan)],
        );
        run.notice(RuleId::Cov1, limits, "notice.cov1.advisory", &[]);
        return false;
    }
    if case.plan == Plan::None
        && kind.handling == Handling::Technical
        && case.product == Product::Azure
    {
        run.trace(RuleId::Cov7, field, "why.supported.azure-no-plan", &[]);
        run.notice(RuleId::Cov7, limits, "notice.cov7.azure-no-plan", &[]);
        return false;
    }
    let key = match kind.handling {
        Handling::Advisory => "why.supported.advisory",
        _ => "why.supported.every-plan",
    };
    run.trace(RuleId::Cov1, field, key, &[]);
    if case.role == Role::PartnerOwn {
        let plan = run.name("plan-phrase", case.plan.as_str());
        run.trace(
            RuleId::Cov6,
            field,
            "why.supported.partner-own",
            &[("plan", &plan)],
        );
        run.notice(
            RuleId::Cov6,
            limits,
            "notice.cov6.own-plan",
            &[("plan", &plan)],
        );
    }
    true
}
