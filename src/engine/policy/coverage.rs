//! COV-1, COV-6, COV-7, PRV-2, PRV-3, LIM-4, CLS-7: whether support takes the
//! request through the chosen path at all. Every rule that says no is
//! traced (COH-3), not only the first.

use super::category::{Handling, Kind};
use super::Run;
use crate::engine::contract::decision::{DecidedField, NoticeKind};
use crate::engine::contract::enums::{Category, Plan, Preview, Product, Role};
use crate::engine::contract::rule_id::RuleId;

const FIELD: DecidedField = DecidedField::Supported;
const LIMITS: NoticeKind = NoticeKind::Limits;

pub(super) fn decide(run: &mut Run, kind: &Kind) -> bool {
    let case = run.case;
    let mut supported = true;
    if matches!(
        kind.preview,
        Preview::PrivatePreview | Preview::LimitedPreview
    ) {
        let stage = run.name("preview", kind.preview.as_str());
        run.trace(
            RuleId::Prv3,
            FIELD,
            "why.supported.private-preview",
            &[("stage", &stage)],
        );
        run.notice(RuleId::Prv3, LIMITS, "notice.prv3", &[]);
        supported = false;
    }
    // CLS-7: a marketplace product is the ISV's, whatever kind of issue it has.
    if kind.category == Category::Marketplace || case.product == Product::MarketplaceApp {
        run.trace(RuleId::Cls7, FIELD, "why.supported.marketplace", &[]);
        supported = false;
    }
    if kind.category == Category::RcaRequest {
        run.trace(RuleId::Lim4, FIELD, "why.supported.rca", &[]);
        supported = false;
    }
    if case.role == Role::PartnerOwn && case.plan == Plan::Csp {
        run.trace(RuleId::Cov6, FIELD, "why.supported.partner-own-csp", &[]);
        run.notice(RuleId::Cov6, LIMITS, "notice.cov6.csp", &[]);
        supported = false;
    }
    if kind.preview == Preview::PublicPreview && kind.handling != Handling::Technical {
        let name = run.name("category", kind.category.as_str());
        run.trace(
            RuleId::Prv2,
            FIELD,
            "why.supported.public-preview",
            &[("category", &name)],
        );
        run.notice(RuleId::Prv2, LIMITS, "notice.prv2.not-break-fix", &[]);
        supported = false;
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
            FIELD,
            run.on_plan(
                "why.supported.advisory-plan",
                "why.supported.advisory-no-plan",
            ),
            &[("plan", &plan)],
        );
        run.notice(RuleId::Cov1, LIMITS, "notice.cov1.advisory", &[]);
        supported = false;
    }
    if case.plan == Plan::None
        && kind.handling == Handling::Technical
        && case.product == Product::Azure
    {
        run.trace(RuleId::Cov7, FIELD, "why.supported.azure-no-plan", &[]);
        run.notice(RuleId::Cov7, LIMITS, "notice.cov7.azure-no-plan", &[]);
        supported = false;
    }
    if case.role == Role::PartnerOwn && case.plan != Plan::Csp {
        // COV-6 (design): every decision about a partner's own tenant cites it.
        let plan = run.name("plan-phrase", case.plan.as_str());
        run.trace(
            RuleId::Cov6,
            FIELD,
            run.on_plan(
                "why.supported.partner-own",
                "why.supported.partner-own-no-plan",
            ),
            &[("plan", &plan)],
        );
        match supported && case.plan != Plan::None {
            true => run.notice(
                RuleId::Cov6,
                LIMITS,
                "notice.cov6.own-plan",
                &[("plan", &plan)],
            ),
            false => run.notice(RuleId::Cov6, LIMITS, "notice.cov6.own-tenant", &[]),
        }
    }
    if supported {
        let key = match kind.handling {
            Handling::Advisory => "why.supported.advisory",
            _ => "why.supported.every-plan",
        };
        run.trace(RuleId::Cov1, FIELD, key, &[]);
    }
    supported
}
