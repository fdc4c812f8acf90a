//! The rule catalogue: every rule ID of policy.md with its source document and
//! its sentence, so that each `trace` entry can be shown with the words it
//! stands on. Rules marked `design` are the project's own.

/// One rule of policy.md.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: &'static str,
    /// Source documents under `shared/seeds/` (`000`..`003`); empty for a
    /// pure design rule.
    pub sources: &'static [&'static str],
    /// Whether the rule (or part of it) is the project's design, not the documents'.
    pub design: bool,
    pub text: &'static str,
}

/// What each source document is, for citing it.
pub const SOURCES: &[(&str, &str)] = &[
    (
        "000",
        "Dynamics 365 Customer Engagement: notes for using cloud support (2022)",
    ),
    (
        "001",
        "Partner Center: report a service problem on behalf of a customer",
    ),
    ("002", "Partner Center: escalate problems to Microsoft"),
    ("003", "Dynamics 365 / Power Platform support overview"),
];

/// Looks a rule up by ID.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|rule| rule.id == id)
}

const fn r(id: &'static str, sources: &'static [&'static str], text: &'static str) -> Rule {
    Rule {
        id,
        sources,
        design: false,
        text,
    }
}

const fn design(id: &'static str, sources: &'static [&'static str], text: &'static str) -> Rule {
    Rule {
        id,
        sources,
        design: true,
        text,
    }
}

pub const RULES: &[Rule] = &[
    r("COV-1", &["003"], "Billing, subscription-management and technical break-fix support are available on every support plan. Advisory, escalation and account management are available only on Professional Direct and Unified."),
    r("COV-2", &["003"], "Covered: Dynamics 365 and Power Platform services that are generally available and bought from Microsoft; public previews too, within PRV-2. Services bought through another channel (e.g. an Enterprise Agreement) follow that agreement."),
    r("COV-3", &["003"], "Only a user with a Power Platform admin role on the tenant that holds the subscription can file in the Power Platform admin center. End users cannot; their permissions must be raised (an admin can give them the Service Administrator role). There is no other way."),
    r("COV-4", &["000"], "Since 2021-10-27, for privacy, support staff do not file tickets on a customer's behalf: the customer files it."),
    r("COV-5", &["000"], "A request that covers several unrelated topics is split: one request per topic, filed from the admin center."),
    r("COV-6", &["001"], "A CSP partner's own tenant is not covered by the CSP support benefit: requests about the partner's own subscriptions need the partner's own support entitlement (MPN contract ID, Premier, or an Azure support plan)."),
    r("COV-7", &["001"], "Office 365, Dynamics CRM Online and Enterprise Mobility Suite charge no separate support fee to partners or customers; Azure charges one, which Signature Cloud Support or MPN benefits may pay. The benefit applies to all CSP partners, paid or on trial. Billing and subscription-management support is included free."),
    r("COV-8", &["003"], "A partner building or running apps for a client gets support either (a) as an administrator of the client's tenant, with a plan bought for that tenant or with partner benefits, or (b) through the client's account, holding admin or owner rights on the client's subscription, usually as delegated admin."),
    r("COV-9", &["003"], "Non-Microsoft technology or open-source software beside Dynamics 365: support helps isolate the problem; full support when the service or platform is the cause, commercially reasonable effort otherwise, and possibly a referral to the other software's own support channel."),
    design("CLS-0", &[], "Free text in the description suggests a category with a confidence and the phrases that matched; the visitor's explicit answers always win over the suggestion."),
    r("CLS-1", &["003", "002"], "Break-fix: the service fails in normal use and needs intervention to work again; bugs and irregularities in appearance or operation; unavailable services; undocumented behaviour against the service description. Technical support with a severity."),
    r("CLS-2", &["003", "001"], "Advisory: how-to, understanding how a feature works, training, consulting, best practice. Not break-fix: documentation, forums or a partner; advisory only on ProDirect/Unified; CSP: up to one business day."),
    r("CLS-3", &["001", "003"], "Billing: invoices, charges, disputes, refunds. Billing support on every plan; partners via Partner Center."),
    r("CLS-4", &["003"], "Subscription: buying, renewing, cancelling, cannot create a subscription, licence counts. A subscription-management request."),
    r("CLS-5", &["001"], "Licensing: Dynamics 365 plan subscriptions, product licences, Finance & Operations licensing. Dynamics support."),
    r("CLS-6", &["001"], "Fraud: suspected fraud, unrecognised purchases, compromised billing. The partner files through Partner Center."),
    r("CLS-7", &["001"], "Marketplace: a product bought from the commercial marketplace, published by an ISV. Microsoft gives no product support: contact the ISV."),
    r("CLS-8", &["002"], "Service incident: outage, many users or tenants affected, regional or multi-tenant impact, large-scale network disruption. Check service health first, then escalate."),
    r("CLS-9", &["003"], "Performance: slow, timeouts, latency. Isolated to one business function: break-fix, up to 4 hours of effort; across several business areas: advisory."),
    r("CLS-10", &["003"], "Data corruption: corrupt, damaged, lost or inconsistent data. Microsoft does not repair data; it may run a customer or partner script that was tested in UAT."),
    r("CLS-11", &["003", "000"], "RCA request: asks for a root-cause analysis or post-incident report. Support does no RCA."),
    r("CLS-12", &["003"], "Preview: the feature or service is in preview or beta."),
    r("CLS-13", &["000"], "Follow-up: asks about progress of an existing case, or a long-term fix. A new request quoting the original case number."),
    design("CLS-14", &[], "Custom code, customised processes, partner or ISV code: the category stays what it is, with LIM-2 and SEV-6 applied."),
    r("CLS-15", &["003"], "Reopen or new: see REO-1..5."),
    r("SEV-A", &["003", "001"], "Severity A, critical: significant loss or degradation of services, needs immediate attention; production services down."),
    r("SEV-B", &["003", "001"], "Severity B, moderate: moderate loss or degradation; work continues impaired; production partially impacted."),
    r("SEV-C", &["003", "001"], "Severity C, minimal: business functions with minor impediments; services still available, or only non-production affected."),
    r("SEV-1", &["001"], "Severity is set by the business impact that the visitor states."),
    r("SEV-2", &["003"], "Choosing A commits the customer to continuous 24x7 work with Microsoft until resolution, and to accurate contact details; without that commitment Microsoft may lower it to B."),
    design("SEV-3", &["003"], "Choosing 24x7 for a B commits the customer likewise, or Microsoft may lower it to C. A B with business-hours support is contacted only in business hours. (design) When 24x7 is asked for a B without the commitment, the widget keeps B on business hours and says why."),
    r("SEV-4", &["003"], "C is worked in business hours only."),
    r("SEV-5", &["003"], "Microsoft may lower severity when the customer cannot provide adequate resources or responses."),
    r("SEV-6", &["003"], "Other situations where Microsoft may lower severity: RCA requests, problems with customised processes or code, and tickets whose proposed resolution is waiting on the customer."),
    design("SEV-7", &[], "Categories that are not break-fix (advisory, billing, subscription, licensing, marketplace, RCA) get no A/B/C severity of their own; the result says which response rule applies instead."),
    r("SEV-8", &["003"], "Public preview: break-fix only, English only, no 24x7, so A (which needs 24x7) is not offered; the highest is B in business hours."),
    r("RT-1", &["003"], "Power Platform / Dynamics 365 plans: A < 1 hour on every plan, 24x7; B < 4 hours Standard, < 2 hours Professional Direct and Unified, business hours (24x7 on request); C < 8 hours Standard, < 4 hours Professional Direct and Unified, business hours."),
    r("RT-2", &["001"], "CSP partners filing for a customer through Partner Center, technical break-fix: A 2 hours, B 4 hours, C 8 hours. These times hold for English-speaking support only; local-language support is given in business hours."),
    r("RT-3", &["003"], "24x7 is in English, for A and B. Other languages, and other severities, are served in local business hours."),
    r("RT-4", &["003"], "Business hours: most countries 09:00–17:00 on working days, weekends and public holidays excluded; North America 06:00–18:00 Pacific time, Monday to Friday, holidays excluded; Japan 09:00–17:30 on working days."),
    design("RT-5", &[], "Under business-hours coverage the response clock runs only inside business hours: a request filed outside them starts the clock at the next opening. Under 24x7 the deadline is submission + duration."),
    design("RT-6", &["001"], "Incidents inside the CSP entitlement that are not break-fix: up to one business day. (design) One business day = the length of that calendar's working day, counted on the business-hours clock."),
    design("RT-7", &[], "A preview issue or a request in a non-English language is on business hours whatever the severity."),
    design("RT-8", &[], "Holidays come from a per-calendar list that a portal owner can supply; the widget ships a default list per calendar and says which list it used."),
    r("SUP-LANG", &["003"], "Local languages: English, Spanish, French, German, Italian, Portuguese, Traditional Chinese, Simplified Chinese, Japanese. Translation may be offered for other languages outside business hours."),
    r("ESC-1", &["002"], "First check the service health dashboard for a known, documented problem; then troubleshoot software, settings and configuration with admin rights."),
    r("ESC-2", &["002"], "Hand to Microsoft: undocumented problems with services not working as described; unavailable services; bugs and irregularities in appearance or operation; large-scale network disruptions; regional issues with multi-tenant impact."),
    r("PTH-1", &["003", "000"], "Customer admin, Dynamics 365 / Power Platform: Power Platform admin center → Help + support → New support request. Dynamics 365 Customer Engagement requests are filed from the admin center."),
    r("PTH-2", &["003"], "End user without an admin role: cannot file; ask a tenant admin to file, or to grant the Service Administrator role."),
    r("PTH-3", &["001"], "CSP partner for a customer, Azure: Partner Center → Service requests → Customer request → find the customer → New request → Azure → New support request; Support plan \"Cloud Solution Provider\"; the partner's contact details; Create; follow up with \"Manage support requests\"."),
    r("PTH-4", &["001"], "CSP partner without admin rights on the customer's Azure: copy the customer's domain from its account page in Partner Center → open portal.azure.com/<customer domain> → pick the subscription → New support request."),
    r("PTH-5", &["001", "002"], "CSP partner for a customer, Office 365 / Microsoft 365, Dynamics 365, Enterprise Mobility Suite: Partner Center → Service requests → Customer request → New request → \"Office 365, Dynamics 365, Enterprise Mobility Suite\" → support topic → the partner's contact details → Submit. Start from Partner Center so the partner–customer relationship is kept."),
    r("PTH-6", &["001"], "Partner about its own tenant or subscriptions: sign in directly to the Azure portal or the Office 365 admin center (own context), and give the support entitlement of COV-6."),
    r("PTH-7", &["003"], "No subscription yet, or an error while creating one: Microsoft 365 admin portal → Admin → Support → New support request → \"Need help?\" → type the question → \"Contact support\". Needs Power Platform admin sign-in."),
    r("PTH-8", &["001"], "Billing, disputes, fraud (partner for customer): Partner Center → Service requests → Customer request, as PTH-3/PTH-5."),
    r("PTH-9", &["001"], "Commercial marketplace product: the product's Marketplace page lists the ISV's support link, support e-mail and/or phone number."),
    r("PTH-10", &["001"], "Dynamics 365 plan subscriptions, licensing, billing, Finance & Operations, product licences, or more technical support: Dynamics support."),
    r("PTH-11", &["001"], "The CSP program offers no phone support."),
    r("PTH-12", &["001"], "Partner Center for Microsoft Cloud for US Government follows the same steps."),
    r("LIM-1", &["003"], "Performance isolated to one business function: break-fix, up to four hours of support effort; then a partner or the community, and the incident is closed. Premier and Unified customers may go on through an advisory case. Performance across several business areas needs advisory services."),
    r("LIM-2", &["003"], "When the cause is custom code, partner or ISV software, the environment, or anything outside Microsoft's core code, support hands over the evidence so the customer or partner can continue."),
    r("LIM-3", &["003"], "Data corruption: Microsoft does not repair corrupted data; it may run a script supplied by the partner or customer in production if it was tested in UAT first."),
    r("LIM-4", &["003", "000"], "Support does no root-cause analysis. Engineering writes one only for published service incidents; published RCAs are in English only; tenant-specific RCA requests are not fulfilled. Large incidents get a post-incident report (PIR), downloadable in English from the service health dashboard."),
    r("LIM-5", &["003", "000"], "Not reproducible on a standard, unmodified install, or tied to a customised database: best effort up to four hours; then a partner or the community, and the incident is closed. An issue that cannot be reproduced may not get a root cause."),
    r("LIM-6", &["000"], "New features and fixes take up to 4–6 weeks to reach every server; notable changes are announced in the message center."),
    r("PRV-1", &["003"], "Previews (public, private, limited) are provided as is and are excluded from the service SLA."),
    r("PRV-2", &["003"], "Public preview: technical support only for break-fix, only in English, no 24x7."),
    design("PRV-3", &["003"], "Private and limited previews: the engineering contact of the preview program, or forums."),
    r("REO-1", &["003"], "Same software and hardware (same build, no new security update, patch or hotfix installed): the incident can be reopened. A different build: new incident."),
    r("REO-2", &["003"], "Same error as the original, on the same environment, machine or document: reopen. On a new machine, for a different user, or on a different document: new incident."),
    r("REO-3", &["003"], "A new error after installing a hotfix or trying the original incident's suggestions: new incident."),
    r("REO-4", &["003"], "Closed three months ago or more: new incident."),
    r("REO-5", &["000"], "A new incident about an earlier case quotes the earlier case number so the work continues."),
    r("FUP-1", &["000"], "Progress of a long-term fix: file a new request with the existing case number; if the investigation is still going on, that status is the answer. A case closed because a workaround exists can be resumed any time the same way."),
    r("FUP-2", &["000"], "A case may be closed after several failed attempts to reach the customer; if the problem remains, file a new request quoting the old number."),
];
