//! The rule catalogue: every rule ID of policy.md, typed, with its source
//! documents and its sentences, so that each `trace` entry can be shown with
//! the words it stands on. A rule's `sourced` sentence is what the documents
//! say; its `design` sentence is the project's own decision (policy.md marks
//! it "(design)"); a rule may have both.

use crate::engine::contract::rule_id::RuleId;

/// A source document under `shared/seeds/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// 000: Dynamics 365 Customer Engagement cloud-support notes (Japanese).
    D000,
    /// 001: Partner Center, reporting a problem for a customer (Japanese + English).
    D001,
    /// 002: Partner Center, escalating to Microsoft (Japanese + English).
    D002,
    /// 003: Dynamics 365 / Power Platform support overview (Indonesian).
    D003,
}

impl Source {
    pub const ALL: [Source; 4] = [Source::D000, Source::D001, Source::D002, Source::D003];

    /// The document's number, as its file name starts.
    pub const fn code(self) -> &'static str {
        match self {
            Source::D000 => "000",
            Source::D001 => "001",
            Source::D002 => "002",
            Source::D003 => "003",
        }
    }

    /// The document's title, in English.
    pub const fn title(self) -> &'static str {
        match self {
            Source::D000 => {
                "Dynamics 365 Customer Engagement: notes for using cloud support (2022)"
            }
            Source::D001 => "Partner Center: report a service problem on behalf of a customer",
            Source::D002 => "Partner Center: escalate problems to Microsoft",
            Source::D003 => "Dynamics 365 / Power Platform support overview",
        }
    }
}

/// The catalogue entry of a rule.
pub fn rule(id: RuleId) -> &'static Rule {
    // RULES lists every ID once, in the enum's order (a test checks it).
    &RULES[id as usize]
}

/// One rule of policy.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    /// The documents the sourced sentence comes from; empty for a rule that
    /// is the project's design alone.
    pub sources: &'static [Source],
    /// What the source documents say; empty for a pure design rule.
    pub sourced: &'static str,
    /// The project's own decision, where the documents are silent; empty
    /// when the rule is the documents' alone.
    pub design: &'static str,
}

impl Rule {
    /// Whether any part of the rule is the project's own design.
    pub fn has_design(&self) -> bool {
        !self.design.is_empty()
    }
}

use RuleId::*;
use Source::*;

const fn sourced(id: RuleId, sources: &'static [Source], text: &'static str) -> Rule {
    Rule {
        id,
        sources,
        sourced: text,
        design: "",
    }
}

const fn both(
    id: RuleId,
    sources: &'static [Source],
    text: &'static str,
    design: &'static str,
) -> Rule {
    Rule {
        id,
        sources,
        sourced: text,
        design,
    }
}

const fn design(id: RuleId, text: &'static str) -> Rule {
    Rule {
        id,
        sources: &[],
        sourced: "",
        design: text,
    }
}

/// Every rule, in [`RuleId`] order.
pub const RULES: &[Rule] = &[
    sourced(Cov1, &[D003], "Billing, subscription-management and technical break-fix support are available on every support plan. Advisory, escalation and account management are available only on Professional Direct and Unified."),
    sourced(Cov2, &[D003], "Covered: Dynamics 365 and Power Platform services that are generally available and bought from Microsoft; public previews too, within PRV-2. Services bought through another channel (e.g. an Enterprise Agreement) follow that agreement."),
    sourced(Cov3, &[D003], "Only a user with a Power Platform admin role on the tenant that holds the subscription can file in the Power Platform admin center. End users cannot; their permissions must be raised (an admin can give them the Service Administrator role). There is no other way."),
    sourced(Cov4, &[D000], "Since 2021-10-27, for privacy, support staff do not file tickets on a customer's behalf: the customer files it."),
    sourced(Cov5, &[D000], "A request that covers several unrelated topics is split: one request per topic, filed from the admin center."),
    both(Cov6, &[D001], "A CSP partner's own tenant is not covered by the CSP support benefit: requests about the partner's own subscriptions need the partner's own support entitlement (MPN contract ID, Premier, or an Azure support plan).", "Every decision about a partner's own tenant cites COV-6, whatever the plan: with the CSP plan the request is not supported; with another plan the visitor is told that plan, not the CSP benefit, is what covers it."),
    sourced(Cov7, &[D001], "Office 365, Dynamics CRM Online and Enterprise Mobility Suite charge no separate support fee to partners or customers; Azure charges one, which Signature Cloud Support or MPN benefits may pay. The benefit applies to all CSP partners, paid or on trial. Billing and subscription-management support is included free."),
    both(Cov8, &[D003], "A partner building or running apps for a client gets support either (a) as an administrator of the client's tenant, with a plan bought for that tenant or with partner benefits (Advanced Support for Partners, partner network support), or (b) through the client's account, holding admin or owner rights on the client's subscription, usually as delegated admin.", "A partner acting for a customer goes through Partner Center only under the CSP plan. Under any other plan it files in the customer's own tenant as its delegated administrator: PTH-1 for Dynamics 365 / Power Platform, PTH-13 for Azure, Microsoft 365 and EMS, and the decision cites COV-8."),
    sourced(Cov9, &[D003], "Non-Microsoft technology or open-source software beside Dynamics 365: support helps isolate the problem; full support when the service or platform is the cause, commercially reasonable effort otherwise, and possibly a referral to the other software's own support channel."),
    design(Cls0, "Free text in the description suggests a category with a confidence and the phrases that matched; the visitor's explicit answers always win over the suggestion."),
    sourced(Cls1, &[D003, D002], "Break-fix: the service fails in normal use and needs intervention to work again; bugs and irregularities in appearance or operation; unavailable services; undocumented behaviour against the service description. Technical support with a severity."),
    sourced(Cls2, &[D003, D001], "Advisory: how-to, understanding how a feature works, training, consulting, best practice. Not break-fix: documentation, forums or a partner; advisory only on Professional Direct and Unified; CSP: up to one business day."),
    sourced(Cls3, &[D001, D003], "Billing: invoices, charges, disputes, refunds. Billing support on every plan; partners via Partner Center."),
    sourced(Cls4, &[D003], "Subscription: buying, renewing, cancelling, cannot create a subscription, licence counts. A subscription-management request."),
    sourced(Cls5, &[D001], "Licensing: Dynamics 365 plan subscriptions, product licences, Finance & Operations licensing. Dynamics support."),
    sourced(Cls6, &[D001], "Fraud: suspected fraud, unrecognised purchases, compromised billing. The partner files through Partner Center."),
    sourced(Cls7, &[D001], "Marketplace: a product bought from the commercial marketplace, published by an ISV. Microsoft gives no product support: contact the ISV."),
    sourced(Cls8, &[D002], "Service incident: outage, many users or tenants affected, regional or multi-tenant impact, large-scale network disruption. Check service health first, then escalate."),
    sourced(Cls9, &[D003], "Performance: slow, timeouts, latency. Isolated to one business function: break-fix, up to 4 hours of effort; across several business areas: advisory."),
    sourced(Cls10, &[D003], "Data corruption: corrupt, damaged, lost or inconsistent data. Microsoft does not repair data; it may run a customer or partner script that was tested in UAT."),
    sourced(Cls11, &[D003, D000], "RCA request: asks for a root-cause analysis or post-incident report. Support does no RCA."),
    both(Cls12, &[D003], "Preview: the feature or service is in preview or beta.", "When only the text says \"preview\" and the release stage is not given, the decision treats it as a public preview (the common kind: SEV-8 and PRV-2 apply) and asks which kind it is."),
    sourced(Cls13, &[D000], "Follow-up: asks about progress of an existing case, or a long-term fix. A new request quoting the original case number."),
    design(Cls14, "Custom code, customised processes, partner or ISV code: the category stays what it is, with LIM-2 and SEV-6 applied."),
    sourced(Cls15, &[D003], "Reopen or new: see REO-1..5."),
    sourced(SevA, &[D003, D001], "Severity A, critical: significant loss or degradation of services, needs immediate attention; production services down."),
    sourced(SevB, &[D003, D001], "Severity B, moderate: moderate loss or degradation; work continues impaired; production partially impacted."),
    sourced(SevC, &[D003, D001], "Severity C, minimal: business functions with minor impediments; services still available, or only non-production affected."),
    sourced(Sev1, &[D001], "Severity is set by the business impact that the visitor states."),
    sourced(Sev2, &[D003], "Choosing A commits the customer to continuous 24x7 work with Microsoft until resolution, and to accurate contact details; without that commitment Microsoft may lower it to B. So the widget proposes B when the visitor cannot commit to 24x7, and says why."),
    both(Sev3, &[D003], "Choosing 24x7 for a B commits the customer likewise, or Microsoft may lower it to C. A B with business-hours support is contacted only in business hours.", "When 24x7 is asked for a B without the commitment, the widget keeps B on business hours and says why."),
    sourced(Sev4, &[D003], "C is worked in business hours only."),
    sourced(Sev5, &[D003], "Microsoft may lower severity when the customer cannot provide adequate resources or responses."),
    sourced(Sev6, &[D003], "Other situations where Microsoft may lower severity: RCA requests, problems with customised processes or code, and tickets whose proposed resolution is waiting on the customer. The widget warns of this risk."),
    design(Sev7, "Categories that are not break-fix (advisory, billing, subscription, licensing, fraud, marketplace, RCA) get no A/B/C severity of their own; the result says which response rule applies instead. Fraud is among them because RT-2's source sentence covers technical break-fix incidents only; a CSP fraud concern is inside the entitlement, so RT-6."),
    sourced(Sev8, &[D003], "Public preview: break-fix only, English only, no 24x7 (PRV-2), so A (which needs 24x7) is not offered; the highest is B in business hours."),
    design(Sev9, "A request that is not supported through the chosen path (COV, PRV-3, LIM-4, CLS-7) gets no severity and no response target, and nothing in the decision tells the visitor to choose a severity."),
    both(Rt1, &[D003], "Power Platform / Dynamics 365 plans: A < 1 hour on every plan, 24x7; B < 4 hours Standard, < 2 hours Professional Direct and Unified, business hours (24x7 on request); C < 8 hours Standard, < 4 hours Professional Direct and Unified, business hours.", "The table is for Dynamics 365 and Power Platform only. Azure, Microsoft 365 and EMS requests that do not go through the CSP benefit have no published target in these sources: no response target, and a notice says that the product's own support plan sets it."),
    sourced(Rt2, &[D001], "CSP partners filing for a customer through Partner Center, technical break-fix: A 2 hours, B 4 hours, C 8 hours. These times hold for English-speaking support only; local-language support is given in business hours."),
    sourced(Rt3, &[D003], "24x7 is in English, for A and B. Other languages, and other severities, are served in local business hours."),
    sourced(Rt4, &[D003], "Business hours: most countries 09:00–17:00 on working days, weekends and public holidays excluded; North America 06:00–18:00 Pacific time, Monday to Friday, holidays excluded; Japan 09:00–17:30 on working days."),
    design(Rt5, "Under business-hours coverage the response clock runs only inside business hours: a request filed outside them starts the clock at the next opening. Under 24x7 the deadline is submission + duration. Deadlines are exact instants, correct across daylight-saving changes, shown in the visitor's own time zone and in the support calendar's."),
    both(Rt6, &[D001], "Incidents inside the CSP entitlement that are not break-fix: up to one business day.", "One business day = the length of that calendar's working day, counted on the business-hours clock."),
    design(Rt7, "A preview issue or a request in a non-English language is on business hours whatever the severity."),
    sourced(SupLang, &[D003], "Local languages: English, Spanish, French, German, Italian, Portuguese, Traditional Chinese, Simplified Chinese, Japanese. Translation may be offered for other languages outside business hours."),
    design(Rt8, "Holidays come from a per-calendar list that a portal owner can supply; the widget ships a default list per calendar and says which list it used."),
    sourced(Esc1, &[D002], "First check the service health dashboard for a known, documented problem; then troubleshoot software, settings and configuration with admin rights."),
    sourced(Esc2, &[D002], "Hand to Microsoft: undocumented problems with services not working as described; unavailable services; bugs and irregularities in appearance or operation; large-scale network disruptions; regional issues with multi-tenant impact."),
    both(Pth1, &[D003, D000], "Customer admin, Dynamics 365 / Power Platform: Power Platform admin center → Help + support → New support request. Dynamics 365 Customer Engagement requests are filed from the admin center.", "This path is for Dynamics 365 and Power Platform only."),
    both(Pth2, &[D003], "End user without an admin role: cannot file; ask a tenant admin to file, or to grant the Service Administrator role.", "The role named fits the product: Power Platform / Dynamics 365, a Power Platform admin or Service Administrator role; Azure, a role that may create support requests on the subscription (e.g. Support Request Contributor); Microsoft 365 / EMS, the Service Support Administrator role. An end user is never told \"you file it yourself\"."),
    sourced(Pth3, &[D001], "CSP partner for a customer, Azure: Partner Center → Service requests → Customer request → find the customer → New request → Azure → New support request; Support plan \"Cloud Solution Provider\"; the partner's contact details; Create; follow up with \"Manage support requests\". An indirect reseller needs its indirect provider to grant access to the customer's Azure account. A Partner Center helpdesk admin cannot file in the Azure portal but can create a support group there with permission to log requests."),
    sourced(Pth4, &[D001], "CSP partner without admin rights on the customer's Azure: copy the customer's domain from its account page in Partner Center → open portal.azure.com/<customer domain> → pick the subscription → New support request."),
    sourced(Pth5, &[D001, D002], "CSP partner for a customer, Office 365 / Microsoft 365, Dynamics 365, Enterprise Mobility Suite: Partner Center → Service requests → Customer request → New request → \"Office 365, Dynamics 365, Enterprise Mobility Suite\" → support topic → the partner's contact details → Submit. Start from Partner Center so the partner–customer relationship is kept."),
    sourced(Pth6, &[D001], "Partner about its own tenant or subscriptions: sign in directly to the Azure portal or the Office 365 admin center (own context), and give the support entitlement of COV-6."),
    sourced(Pth7, &[D003], "No subscription yet, or an error while creating one: Microsoft 365 admin portal → Admin → Support → New support request → \"Need help?\" → type the question → \"Contact support\". Needs Power Platform admin sign-in."),
    sourced(Pth8, &[D001], "Billing, disputes, fraud (partner for customer): Partner Center → Service requests → Customer request, as PTH-3/PTH-5."),
    sourced(Pth9, &[D001], "Commercial marketplace product: the product's Marketplace page lists the ISV's support link, support e-mail and/or phone number."),
    sourced(Pth10, &[D001], "Dynamics 365 plan subscriptions, licensing, billing, Finance & Operations, product licences, or more technical support: Dynamics support."),
    sourced(Pth11, &[D001], "The CSP program offers no phone support."),
    sourced(Pth12, &[D001], "Partner Center for Microsoft Cloud for US Government follows the same steps."),
    design(Pth13, "Customer admin, Azure: Azure portal → Help + support → Create a support request (in the customer's own subscription). Customer admin, Microsoft 365 or EMS: Microsoft 365 admin center → Support → New service request."),
    sourced(Lim1, &[D003], "Performance isolated to one business function: break-fix, up to four hours of support effort; then a partner or the community, and the incident is closed. Premier and Unified customers may go on through an advisory case. Performance across several business areas needs advisory services."),
    sourced(Lim2, &[D003], "When the cause is custom code, partner or ISV software, the environment, or anything outside Microsoft's core code, support hands over the evidence so the customer or partner can continue."),
    sourced(Lim3, &[D003], "Data corruption: Microsoft does not repair corrupted data; it may run a script supplied by the partner or customer in production if it was tested in UAT first."),
    sourced(Lim4, &[D003, D000], "Support does no root-cause analysis. Engineering writes one only for published service incidents; published RCAs are in English only; tenant-specific RCA requests are not fulfilled. Large incidents get a post-incident report (PIR), downloadable in English from the service health dashboard."),
    sourced(Lim5, &[D003, D000], "Not reproducible on a standard, unmodified install, or tied to a customised database: best effort up to four hours; then a partner or the community, and the incident is closed. An issue that cannot be reproduced may not get a root cause."),
    sourced(Lim6, &[D000], "New features and fixes take up to 4–6 weeks to reach every server; notable changes are announced in the message center."),
    sourced(Prv1, &[D003], "Kinds: public preview (in the admin center or Lifecycle Services, for all customers), private preview (a few customers working with engineering), limited preview (a fixed number of customers). Previews are provided as is and are excluded from the service SLA."),
    both(Prv2, &[D003], "Public preview: technical support only for break-fix, only in English, no 24x7.", "A public-preview request of any other category (advisory, performance across several areas, …) is not supported, whatever the plan."),
    both(Prv3, &[D003], "Support covers generally available programs; previews may be supported through forums or other channels.", "Private and limited previews: the engineering contact of the preview program, or forums."),
    sourced(Reo1, &[D003], "Same software and hardware (same build, no new security update, patch or hotfix installed): the incident can be reopened. A different build: new incident."),
    sourced(Reo2, &[D003], "Same error as the original, on the same environment, machine or document: reopen. On a new machine, for a different user, or on a different document: new incident."),
    sourced(Reo3, &[D003], "A new error after installing a hotfix or trying the original incident's suggestions: new incident."),
    both(Reo4, &[D003], "Closed three months ago or more: new incident.", "\"Three months\" are calendar months on the local date of submission in the case's time zone: the case is new when the closing date + 3 months (the day clamped to the month's last day) is on or before that date. A closing date later than the submission date is a bad-input error."),
    design(Reo0, "The same-build, same-environment, same-error and after-hotfix answers may each be unknown. The verdict is \"new incident\" as soon as one known answer or the age (REO-4) decides it; \"reopen\" only when every answer that REO-1..3 need is known and allows it; otherwise no verdict yet, with a notice naming the questions still to answer."),
    sourced(Reo5, &[D000], "A new incident about an earlier case quotes the earlier case number so the work continues."),
    sourced(Fup1, &[D000], "Progress of a long-term fix: file a new request with the existing case number; if the investigation is still going on, that status is the answer. A case closed because a workaround exists can be resumed any time the same way."),
    sourced(Fup2, &[D000], "A case may be closed after several failed attempts to reach the customer; if the problem remains, file a new request quoting the old number."),
    design(Coh1, "No notice or trace entry contradicts a decided field: nothing about choosing a severity when there is none; no response-time promise when there is no response target; no \"hand it to Microsoft\", \"file online\" or Partner Center advice when the path leads away from Microsoft or the request is not supported; no severity-lowering warning when there is no severity; no \"you file it yourself\" to an end user who cannot file."),
    design(Coh2, "Each rule appears at most once in the notices, and a rule that is traced twice is traced for two different fields."),
    design(Coh3, "Every rule that decided a field is in the trace, and a design rule is labelled as such wherever its source is shown."),
    design(Coh4, "Texts speak to the visitor in words, not codes: language names, product names, never internal codes inside a sentence."),
];
