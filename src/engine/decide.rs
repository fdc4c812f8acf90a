//! Case → decision: each step decides one part of the result from the rules
//! of policy.md and records which rule did it, and why.

use super::case::Case;
use super::classify::{Classification, Signal};
use super::clock::BusinessHours;
use super::decision::{Decision, Notice, Path, Response, TraceEntry, CONTRACT_VERSION};
use super::holidays::{HolidayList, HolidayListName};
use super::input::{quoted_excerpt, InputError};
use super::ruleset::{Calendar, Ruleset};
use super::vocab::{
    Category, CategorySource, Coverage, Impact, Plan, Preview, Product, Reopen, Role, Scope,
    Severity,
};
use super::zone::ZoneRules;
use chrono::{DateTime, Duration, Months, Utc};

/// Decides `case`. `now` stands in for a missing `submitted_at`; `zones`
/// answers time-zone questions. Errors name the offending field.
pub fn decide(
    case: &Case,
    now: DateTime<Utc>,
    ruleset: &Ruleset,
    zones: &dyn ZoneRules,
) -> Result<Decision, InputError> {
    let submitted_at = case.submitted_at.unwrap_or(now);
    let Some(time_zone) = zones.canonical_name(&case.time_zone) else {
        return Err(InputError::new(
            "time_zone",
            format!(
                "{} is not an IANA time zone; write e.g. UTC, Europe/Berlin, Asia/Jakarta, America/New_York",
                quoted_excerpt(&case.time_zone)
            ),
        ));
    };
    let calendar = ruleset.calendar(case.location).ok_or_else(|| {
        InputError::new(
            "location",
            format!(
                "the ruleset {} has no calendar for {}",
                ruleset.id, case.location
            ),
        )
    })?;
    let mut run = Run {
        case,
        time_zone,
        notices: Vec::new(),
        trace: Vec::new(),
    };
    let classification = if case.description.trim().is_empty() {
        Classification::default()
    } else {
        ruleset.classify(&case.description)
    };
    let (category, category_source) = run.category(&classification);
    run.hints(&classification);
    let handling = Handling::of(category, case.scope);
    let supported = run.supported(category, handling);
    let requested_severity = case.impact.map(Severity::from_impact);
    let (severity, coverage) = run.severity(category, handling);
    let response = if supported {
        run.response(
            severity,
            coverage,
            handling,
            calendar,
            submitted_at,
            ruleset,
            zones,
        )
    } else {
        run.trace(
            "RT-1",
            "No initial-response target: support does not take this request through this path.",
        );
        None
    };
    let path = run.path(category, ruleset);
    let reopen = run.reopen(category, submitted_at);
    run.advice(category, severity);
    Ok(Decision {
        contract: CONTRACT_VERSION,
        ruleset: ruleset.id.clone(),
        category,
        category_source,
        suggestions: classification.suggestions,
        supported,
        severity,
        requested_severity,
        response,
        path,
        reopen,
        notices: run.notices,
        trace: run.trace,
        signals: classification.signals,
    })
}

/// How support treats the category: with an A/B/C severity, or as one of the
/// requests SEV-7 gives none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Handling {
    Technical,
    /// Advisory work (CLS-2, and performance across several areas, LIM-1).
    Advisory,
    /// Billing, subscription, licensing, marketplace, RCA (SEV-7).
    NoSeverity,
}

impl Handling {
    fn of(category: Category, scope: Scope) -> Self {
        match category {
            Category::Advisory => Handling::Advisory,
            Category::Performance if scope == Scope::MultipleAreas => Handling::Advisory,
            Category::Billing
            | Category::Subscription
            | Category::Licensing
            | Category::Marketplace
            | Category::RcaRequest => Handling::NoSeverity,
            _ => Handling::Technical,
        }
    }
}

/// The state of one decision while it is being made.
struct Run<'a> {
    case: &'a Case,
    /// The case's zone in canonical spelling.
    time_zone: String,
    notices: Vec<Notice>,
    trace: Vec<TraceEntry>,
}

impl Run<'_> {
    fn trace(&mut self, rule: &'static str, why: impl Into<String>) {
        self.trace.push(TraceEntry {
            rule: rule.into(),
            why: why.into(),
        });
    }

    fn notice(&mut self, rule: &'static str, text: impl Into<String>) {
        self.notices.push(Notice {
            rule,
            text: text.into(),
        });
    }

    /// CLS: the visitor's explicit answers first, then the text, then break-fix.
    fn category(&mut self, text: &Classification) -> (Category, CategorySource) {
        let case = self.case;
        let decided = if let Some(category) = case.category {
            self.trace(
                category.rule(),
                format!("Category {category} was chosen by the visitor; an explicit answer wins over the text (CLS-0)."),
            );
            (category, CategorySource::Explicit)
        } else if case.product == Product::MarketplaceApp {
            self.trace(
                "CLS-7",
                "The product is a commercial marketplace app published by an ISV: marketplace.",
            );
            (Category::Marketplace, CategorySource::Explicit)
        } else if case.preview != Preview::Ga {
            self.trace(
                "CLS-12",
                format!("The feature is in {}: preview.", case.preview),
            );
            (Category::Preview, CategorySource::Explicit)
        } else if let Some(category) = text.confident {
            let suggestion = &text.suggestions[0];
            self.trace(
                "CLS-0",
                format!(
                    "No category was chosen; the description points to {category} (score {}): {}.",
                    score_words(suggestion.score),
                    quote_all(&suggestion.matched)
                ),
            );
            self.trace(
                category.rule(),
                format!("Category {category}, from the description."),
            );
            (category, CategorySource::Text)
        } else {
            let why = match text.suggestions.as_slice() {
                [] if case.description.trim().is_empty() => "No category was chosen and there is no description: break-fix, the default for a technical problem.".to_owned(),
                [] => "No category was chosen and the description matched no known phrase: break-fix, the default for a technical problem.".to_owned(),
                suggestions => format!(
                    "No category was chosen and the description is not clear enough ({}): break-fix by default; pick the category that fits.",
                    suggestions
                        .iter()
                        .take(3)
                        .map(|s| format!("{} {}", s.category, score_words(s.score)))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            };
            if !text.suggestions.is_empty() {
                self.trace(
                    "CLS-0",
                    "The description's suggestions are too weak or tied to decide.",
                );
            }
            self.trace("CLS-1", why);
            (Category::BreakFix, CategorySource::Default)
        };
        if case.custom_code {
            self.trace(
                "CLS-14",
                "Custom code or a partner/ISV component is involved: the category stays, with LIM-2 and SEV-6 applied.",
            );
        }
        decided
    }

    /// COV, PRV, LIM-4, CLS-7: whether support takes the request at all.
    fn supported(&mut self, category: Category, handling: Handling) -> bool {
        let case = self.case;
        if matches!(
            case.preview,
            Preview::PrivatePreview | Preview::LimitedPreview
        ) {
            self.trace(
                "PRV-3",
                format!(
                    "A {} is supported by its preview program, not by support plans.",
                    case.preview
                ),
            );
            self.notice("PRV-3", "Private and limited previews are supported by the preview program: contact its engineering contact, or ask in the forums.");
            return false;
        }
        if category == Category::Marketplace {
            self.trace("CLS-7", "Microsoft gives no product support for commercial marketplace products: the ISV does.");
            return false;
        }
        if category == Category::RcaRequest {
            self.trace("LIM-4", "Support does no root-cause analysis; tenant-specific RCA requests are not fulfilled.");
            return false;
        }
        if case.role == Role::PartnerOwn && case.plan == Plan::Csp {
            self.trace(
                "COV-6",
                "The CSP support benefit does not cover the partner's own tenant.",
            );
            self.notice("COV-6", "Your own tenant is not covered by the CSP support benefit: file with your own support entitlement (MPN contract ID, Premier, or an Azure support plan).");
            return false;
        }
        if handling == Handling::Advisory
            && !matches!(
                case.plan,
                Plan::ProfessionalDirect | Plan::Unified | Plan::Csp
            )
        {
            self.trace("COV-1", format!("Advisory work is available only on Professional Direct and Unified, not on the {} plan.", case.plan));
            self.notice("COV-1", "How-to and advisory questions are not break-fix: the product documentation, the community forums or a partner can answer them. Advisory support needs Professional Direct or Unified.");
            return false;
        }
        if case.plan == Plan::None
            && handling == Handling::Technical
            && case.product == Product::Azure
        {
            self.trace("COV-7", "Azure charges a separate support fee: technical support needs a support plan or partner benefits.");
            self.notice("COV-7", "Azure technical support needs a support plan (or Signature Cloud Support / partner network benefits to pay its fee). Billing and subscription management are free.");
            return false;
        }
        self.trace("COV-1", match handling {
            Handling::Advisory => "Advisory work is available on this plan.",
            _ => "Billing, subscription management and technical break-fix support are available on every support plan.",
        });
        true
    }

    /// SEV-1..8, RT-3, RT-7: the severity and the clock it runs on.
    fn severity(&mut self, category: Category, handling: Handling) -> (Option<Severity>, Coverage) {
        let case = self.case;
        if handling != Handling::Technical {
            let instead = if case.plan == Plan::Csp {
                "an incident inside the CSP entitlement that is not break-fix gets up to one business day (RT-6)"
            } else {
                "no A/B/C response target is published for it"
            };
            self.trace(
                "SEV-7",
                format!(
                    "{category} is not break-fix: it has no A/B/C severity of its own; {instead}."
                ),
            );
            return (None, Coverage::BusinessHours);
        }
        let Some(impact) = case.impact else {
            self.trace(
                "SEV-1",
                "No business impact was stated, so no severity can be set.",
            );
            self.notice("SEV-1", "Say how the problem affects your business (production down, work impaired, or minor) to get a severity and a response time.");
            return (None, Coverage::BusinessHours);
        };
        let requested = Severity::from_impact(impact);
        self.trace(
            "SEV-1",
            format!("Severity follows the business impact stated: {impact}."),
        );
        self.trace(
            requested.rule(),
            format!(
                "{} business impact: severity {requested}.",
                impact_words(impact)
            ),
        );
        let mut severity = requested;
        if case.preview == Preview::PublicPreview && severity == Severity::A {
            severity = Severity::B;
            self.trace(
                "SEV-8",
                "A public preview has no 24x7 support, so A is not offered: B on business hours.",
            );
            self.notice("SEV-8", "Public previews get break-fix support in English only and no 24x7: the highest severity is B, on business hours.");
        }
        let mut coverage = match severity {
            Severity::A if case.commit_24x7 => {
                self.trace(
                    "SEV-2",
                    "A with the commitment to work with support 24x7 until resolution.",
                );
                Coverage::TwentyFourSeven
            }
            Severity::A => {
                severity = Severity::B;
                self.trace("SEV-2", "A needs a commitment to 24x7 work until resolution; without it Microsoft may lower it to B, so B is proposed.");
                self.notice("SEV-2", "Severity A commits you to work with Microsoft around the clock until it is resolved, and to accurate contact details. Without that commitment it may be lowered to B, so B is proposed: say you can commit to get A.");
                self.severity_b(false)
            }
            Severity::B => self.severity_b(true),
            Severity::C => {
                self.trace("SEV-4", "C is worked in business hours only.");
                if case.coverage == Coverage::TwentyFourSeven {
                    self.notice(
                        "SEV-4",
                        "Severity C is worked in business hours only, even when 24x7 is asked for.",
                    );
                }
                Coverage::BusinessHours
            }
        };
        if coverage == Coverage::TwentyFourSeven && case.preview == Preview::PublicPreview {
            coverage = Coverage::BusinessHours;
            self.trace(
                "RT-7",
                "A public-preview issue is on business hours whatever the severity.",
            );
        }
        if coverage == Coverage::TwentyFourSeven && !case.language.is_english() {
            coverage = Coverage::BusinessHours;
            self.trace("RT-3", format!("24x7 support is in English only; in {} the request is served in local business hours (RT-7).", case.language));
            self.notice("RT-3", "Round-the-clock support is given in English only. In another language your request is worked in local business hours: choose English to keep 24x7.");
        }
        if matches!(severity, Severity::A | Severity::B) {
            self.notice("SEV-5", "Microsoft may lower the severity if you cannot provide the resources or responses needed to keep working on the problem.");
        }
        (Some(severity), coverage)
    }

    /// SEV-3: a B runs 24x7 only when asked for with the commitment.
    fn severity_b(&mut self, from_request: bool) -> Coverage {
        let case = self.case;
        match (case.coverage, case.commit_24x7) {
            (Coverage::TwentyFourSeven, true) => {
                self.trace(
                    "SEV-3",
                    "B with 24x7 asked for and the commitment to work around the clock.",
                );
                Coverage::TwentyFourSeven
            }
            (Coverage::TwentyFourSeven, false) => {
                self.trace("SEV-3", "24x7 was asked for a B without the commitment to work around the clock: B stays, on business hours.");
                self.notice("SEV-3", "24x7 for a severity B commits you to work with Microsoft around the clock; without that commitment it may be lowered to C. It stays B, contacted in business hours.");
                Coverage::BusinessHours
            }
            (Coverage::BusinessHours, _) => {
                let why = if from_request {
                    "B with business-hours support is contacted only in business hours."
                } else {
                    "The proposed B is contacted only in business hours."
                };
                self.trace("SEV-3", why);
                Coverage::BusinessHours
            }
        }
    }

    /// RT-1, RT-2, RT-4..7: the target and, under 24x7, the exact due time.
    #[allow(clippy::too_many_arguments)]
    fn response(
        &mut self,
        severity: Option<Severity>,
        coverage: Coverage,
        handling: Handling,
        calendar: &Calendar,
        submitted_at: DateTime<Utc>,
        ruleset: &Ruleset,
        zones: &dyn ZoneRules,
    ) -> Option<Response> {
        let case = self.case;
        if case.plan == Plan::None {
            self.trace(
                "RT-1",
                "Response targets are published per support plan; without a plan there is none.",
            );
            self.notice("RT-1", "Without a support plan no initial-response time is promised. Billing and subscription-management support are available all the same.");
            return None;
        }
        let target_minutes = match severity {
            Some(severity) => {
                let row = ruleset.response_target(case.plan, severity)?;
                let rule: &'static str = if row.rule == "RT-2" { "RT-2" } else { "RT-1" };
                self.trace(
                    rule,
                    format!(
                        "Severity {severity} on the {} plan: initial response within {}.",
                        case.plan,
                        minutes_words(row.minutes)
                    ),
                );
                if rule == "RT-2" && !case.language.is_english() {
                    self.notice("RT-2", "The CSP response times hold for English-speaking support; local-language support is given in business hours.");
                }
                row.minutes
            }
            None if case.plan == Plan::Csp && handling != Handling::Technical => {
                let minutes = calendar.working_day_minutes();
                self.trace(
                    "RT-6",
                    format!("Not break-fix, inside the CSP entitlement: up to one business day, {} on this calendar.", minutes_words(minutes)),
                );
                minutes
            }
            None => return None,
        };
        if let Some(support_language) = case.language.support_language() {
            if !case.language.is_english() {
                self.trace(
                    "SUP-LANG",
                    format!(
                        "{} is a local support language, served in local business hours.",
                        support_language.name()
                    ),
                );
            }
        } else {
            self.trace("SUP-LANG", format!("{} is not a local support language: support is in English; translation may be offered outside business hours.", case.language));
            self.notice("SUP-LANG", "Support is given in English, Spanish, French, German, Italian, Portuguese, Traditional and Simplified Chinese, and Japanese. For other languages translation may be offered outside business hours.");
        }
        let time_zone = calendar
            .zone
            .as_deref()
            .unwrap_or(self.time_zone.as_str())
            .to_owned();
        self.trace(
            "RT-4",
            format!(
                "Calendar {}: {}–{} {}, Monday to Friday, holidays excluded.",
                calendar.location,
                clock_words(calendar.opens),
                clock_words(calendar.closes),
                time_zone
            ),
        );
        let mut response = Response {
            target_minutes,
            coverage,
            calendar: calendar.location,
            time_zone,
            clock_starts: None,
            due: None,
            due_local: None,
            holiday_list: None,
        };
        if coverage == Coverage::TwentyFourSeven {
            let due = submitted_at + Duration::minutes(i64::from(target_minutes));
            self.trace(
                "RT-5",
                format!(
                    "24x7: due {} after submission, around the clock.",
                    minutes_words(target_minutes)
                ),
            );
            response.clock_starts = Some(submitted_at);
            response.due = Some(due);
            response.due_local = zones.localize(&response.time_zone, due);
        } else {
            let case_list;
            let (holidays, list_name) = match &case.holidays {
                Some(dates) => {
                    case_list = HolidayList::Dates(dates.clone());
                    (&case_list, HolidayListName::Case)
                }
                None => (&calendar.holidays, calendar.holiday_list_name()),
            };
            let clock = BusinessHours {
                zone: &response.time_zone,
                opens: calendar.opens,
                closes: calendar.closes,
                holidays,
                zones,
            };
            let deadline = clock.deadline(submitted_at, target_minutes);
            match deadline {
                Some(deadline) => {
                    let starts = if deadline.clock_starts == submitted_at {
                        "filed inside a working window, the clock starts at once".to_owned()
                    } else {
                        format!(
                            "filed outside the working windows, the clock starts at the next opening, {}",
                            local_words(zones, &response.time_zone, deadline.clock_starts)
                        )
                    };
                    self.trace(
                        "RT-5",
                        format!(
                            "Business hours: {starts}; {} of open time run out {}.",
                            minutes_words(target_minutes),
                            local_words(zones, &response.time_zone, deadline.due)
                        ),
                    );
                    response.clock_starts = Some(deadline.clock_starts);
                    response.due = Some(deadline.due);
                    response.due_local = zones.localize(&response.time_zone, deadline.due);
                }
                None => {
                    self.trace("RT-5", "Business hours: no working window opens within three years of submission, so no due time can be given.");
                    self.notice("RT-5", "The holiday list closes every working day for years ahead: check the holidays given.");
                }
            }
            let holidays_why = match list_name {
                HolidayListName::Case => format!("the case's own list of {} dates, replacing the shipped one", case.holidays.as_ref().map_or(0, Vec::len)),
                HolidayListName::JapanNational => "Japan's national holidays (substitute and citizens' holidays included), computed for the year".to_owned(),
                HolidayListName::UsFederal => "the U.S. federal holidays on their observed days, computed for the year".to_owned(),
                HolidayListName::Owner => "the portal owner's list".to_owned(),
                HolidayListName::None => "none: this calendar ships no holiday list".to_owned(),
            };
            self.trace("RT-8", format!("Holidays: {holidays_why}."));
            if list_name == HolidayListName::None {
                self.notice("RT-8", "No public holidays are excluded for this calendar: the widget ships no list for it. Give your country's holidays in the case's holidays to exclude them.");
            }
            response.holiday_list = Some(list_name);
        }
        Some(response)
    }

    /// PTH-1..10: where to file, chosen from who files, the product and the category.
    fn path(&mut self, category: Category, ruleset: &Ruleset) -> Path {
        let case = self.case;
        let (rule, why): (&'static str, String) = match (case.role, case.product) {
            _ if category == Category::Marketplace => ("PTH-9", "Marketplace products are supported by their publisher (ISV).".into()),
            (Role::EndUser, _) => ("PTH-2", "An end user without an admin role cannot file; only a tenant admin can (COV-3).".into()),
            (Role::PartnerOwn, _) => ("PTH-6", "A partner's own tenant or subscriptions are filed in its own context.".into()),
            (Role::PartnerForCustomer, _) if matches!(category, Category::Billing | Category::Fraud) => {
                ("PTH-8", format!("A partner files {category} concerns for a customer through Partner Center."))
            }
            (Role::PartnerForCustomer, _) if category == Category::Licensing => {
                ("PTH-10", "Dynamics 365 plans, licensing and product licences go to Dynamics support.".into())
            }
            (Role::PartnerForCustomer, Product::Azure) if !case.admin_access => {
                ("PTH-4", "A CSP partner without admin rights on the customer's Azure files through the customer's portal domain.".into())
            }
            (Role::PartnerForCustomer, Product::Azure) => {
                ("PTH-3", "A CSP partner files a customer's Azure request from Partner Center, then the Azure portal.".into())
            }
            (Role::PartnerForCustomer, _) => (
                "PTH-5",
                format!("A CSP partner files a customer's {} request from Partner Center, then the Office 365 admin center.", case.product),
            ),
            (Role::CustomerAdmin, _) if category == Category::Subscription => {
                ("PTH-7", "Subscription management, including an error while creating a subscription, is filed from the Microsoft 365 admin portal.".into())
            }
            (Role::CustomerAdmin, _) if category == Category::Licensing => {
                ("PTH-10", "Dynamics 365 plans, licensing and product licences go to Dynamics support.".into())
            }
            (Role::CustomerAdmin, _) => ("PTH-1", "A customer admin files from the admin center (COV-3).".into()),
        };
        self.trace(rule, why);
        match ruleset.path(rule) {
            Some(template) => Path {
                rule: template.rule.clone(),
                steps: template.steps.to_vec(),
                links: template.links.to_vec(),
            },
            None => Path {
                rule: rule.into(),
                steps: Vec::new(),
                links: Vec::new(),
            },
        }
    }

    /// REO-1..5: reopen the earlier case, or file a new incident.
    fn reopen(&mut self, category: Category, submitted_at: DateTime<Utc>) -> Option<Reopen> {
        let previous = self.case.previous_case.as_ref()?;
        self.trace(
            "CLS-15",
            format!(
                "An earlier case {} was named: reopen it or file a new incident.",
                previous.number
            ),
        );
        let closed_long_ago = previous.closed_on.and_then(|closed| {
            let three_months_later = closed.checked_add_months(Months::new(3))?;
            Some(submitted_at.date_naive() >= three_months_later)
        });
        let (verdict, rule, why) = if closed_long_ago == Some(true) {
            (
                Reopen::NewIncident,
                "REO-4",
                "The earlier case was closed three months ago or more.",
            )
        } else if previous.after_hotfix {
            (Reopen::NewIncident, "REO-3", "A new error after a hotfix or after trying the earlier suggestions is a new error.")
        } else if !previous.same_build {
            (
                Reopen::NewIncident,
                "REO-1",
                "The build has changed since the earlier case.",
            )
        } else if !previous.same_environment {
            (
                Reopen::NewIncident,
                "REO-2",
                "The error is on another machine, user or document.",
            )
        } else if !previous.same_error {
            (
                Reopen::NewIncident,
                "REO-2",
                "The error differs from the earlier case's.",
            )
        } else {
            (Reopen::Reopen, "REO-1", "Same build, same error, same environment, no hotfix since: the earlier incident can be reopened (REO-2).")
        };
        self.trace(rule, why);
        if verdict == Reopen::NewIncident {
            self.trace(
                "REO-5",
                format!(
                    "The new incident quotes case {} so the work continues.",
                    previous.number
                ),
            );
            self.notice("REO-5", format!("File a new request and quote your earlier case number {} so the work continues.", previous.number));
        }
        if category == Category::FollowUp {
            self.notice("FUP-2", "A case may be closed after several failed attempts to reach you; if the problem remains, file a new request quoting the old number.");
        }
        Some(verdict)
    }

    /// What the description says that the answers do not: a nudge to answer it.
    fn hints(&mut self, text: &Classification) {
        let case = self.case;
        for hit in &text.signals {
            let words = quote_all(&hit.matched);
            match hit.signal {
                Signal::ProductionDown if case.impact.is_none() => self.notice(
                    "SEV-1",
                    format!("Your description says {words}: if production is down, state a critical business impact."),
                ),
                Signal::CustomCode if !case.custom_code => self.notice(
                    "CLS-14",
                    format!("Your description mentions {words}: if custom code or a partner's component is involved, say so; support then hands over evidence rather than fixing it (LIM-2)."),
                ),
                Signal::PreviousCase if case.previous_case.is_none() => self.notice(
                    "REO-5",
                    format!("Your description quotes {words}: give it as the earlier case number so the work continues."),
                ),
                Signal::Preview if case.preview == Preview::Ga => self.notice(
                    "PRV-1",
                    format!("Your description mentions {words}: if the feature is in preview, say which kind; previews have their own support rules."),
                ),
                Signal::OnBehalfOfCustomer if case.role != Role::PartnerForCustomer => self.notice(
                    "PTH-5",
                    format!("Your description mentions {words}: a partner filing for a customer starts from Partner Center (choose \"partner for a customer\")."),
                ),
                _ => {}
            }
        }
    }

    /// Advice that does not change the result: ESC, LIM, COV, PRV, FUP, PTH-11/12.
    fn advice(&mut self, category: Category, severity: Option<Severity>) {
        let case = self.case;
        if matches!(
            category,
            Category::BreakFix
                | Category::ServiceIncident
                | Category::Performance
                | Category::Preview
        ) {
            self.notice("ESC-1", "First check the service health dashboard for a known, documented problem; then troubleshoot software, settings and configuration with admin rights.");
        }
        if category == Category::ServiceIncident || case.role == Role::PartnerForCustomer {
            self.notice("ESC-2", "Hand to Microsoft: undocumented problems with services not working as described, unavailable services, bugs affecting appearance or operation, large-scale network disruptions, and regional issues with multi-tenant impact.");
        }
        match category {
            Category::Performance if case.scope == Scope::SingleFunction => {
                self.trace("LIM-1", "Performance isolated to one business function is break-fix, with up to four hours of support effort.");
                self.notice("LIM-1", "Support invests up to four hours in a performance problem of one business function; then a partner or the community takes over and the incident is closed. Premier and Unified customers may go on through an advisory case.");
            }
            Category::Performance => {
                self.trace(
                    "LIM-1",
                    "Performance across several business areas needs advisory services.",
                );
                self.notice("LIM-1", "A performance problem across several business areas needs advisory services (Professional Direct or Unified).");
            }
            Category::DataCorruption => {
                self.notice("LIM-3", "Microsoft does not repair corrupted data. It may run a script you or your partner supply in production, once it has been tested in a UAT environment.");
            }
            Category::RcaRequest => {
                self.notice("LIM-4", "Support does no root-cause analysis. Engineering publishes one only for service incidents affecting several customers; large incidents get a post-incident report (PIR), in English, on the service health dashboard.");
                self.notice(
                    "SEV-6",
                    "RCA requests are among the situations where Microsoft may lower severity.",
                );
            }
            Category::FollowUp => {
                self.trace("FUP-1", "Progress of an existing case is asked for with a new request quoting the existing case number.");
                self.notice("FUP-1", "File a new request with the existing case number. If the investigation is still going on, that status is the answer; a case closed because a workaround exists can be resumed any time the same way.");
                self.notice("LIM-6", "New features and fixes take up to 4–6 weeks to reach every server; notable changes are announced in the message center.");
            }
            Category::Preview => {
                self.notice(
                    "PRV-1",
                    "Previews are provided as is and are excluded from the service SLA.",
                );
                if case.preview == Preview::PublicPreview {
                    self.notice("PRV-2", "Public previews get technical support only for break-fix problems, in English, with no 24x7.");
                }
            }
            _ => {}
        }
        if case.custom_code {
            self.notice("LIM-2", "When the cause is custom code, partner or ISV software or the environment, support hands over the evidence so that you or your partner can continue.");
            self.notice("LIM-5", "A problem that cannot be reproduced on a standard, unmodified install gets best effort up to four hours, and may not get a root cause.");
            self.notice("COV-9", "With non-Microsoft or open-source software, support helps isolate the problem: full support when the service is the cause, commercially reasonable effort otherwise.");
            if severity.is_some() {
                self.notice("SEV-6", "Problems with customised processes or code are among the situations where Microsoft may lower severity.");
            }
        }
        match case.role {
            Role::CustomerAdmin | Role::EndUser => {
                if case.role == Role::EndUser {
                    self.notice("COV-3", "Only a user with a Power Platform admin role on the tenant can file. An admin can give you the Service Administrator role; there is no other way.");
                }
                if matches!(case.product, Product::Dynamics365 | Product::PowerPlatform) {
                    self.notice("COV-4", "Support staff do not file requests on your behalf (since 2021-10-27, for privacy): you file it yourself.");
                    self.notice(
                        "COV-5",
                        "One topic per request: split unrelated problems into separate requests.",
                    );
                    self.notice("COV-2", "Covered: generally available Dynamics 365 and Power Platform services bought from Microsoft (public previews within their limits). Services bought through another channel, such as an Enterprise Agreement, follow that agreement.");
                }
                if case.plan == Plan::Csp {
                    self.notice("RT-2", "CSP support is requested by your CSP partner through Partner Center: ask your partner to file it.");
                }
            }
            Role::PartnerForCustomer => {
                if matches!(case.product, Product::Dynamics365 | Product::PowerPlatform) {
                    self.notice("COV-8", "A partner gets support for a client either as an administrator of the client's tenant (with a plan for that tenant or partner benefits), or through the client's account with admin or owner rights, usually as delegated admin.");
                }
                if case.product == Product::Azure {
                    self.notice("PTH-3", "An indirect reseller needs its indirect provider to grant access to the customer's Azure account. A Partner Center helpdesk admin cannot file in the Azure portal but can create a support group there with permission to log requests.");
                }
                self.notice(
                    "PTH-12",
                    "Partner Center for Microsoft Cloud for US Government follows the same steps.",
                );
            }
            Role::PartnerOwn => {}
        }
        if matches!(case.role, Role::PartnerForCustomer | Role::PartnerOwn) {
            self.notice("COV-7", "Office 365, Dynamics CRM Online and Enterprise Mobility Suite charge no separate support fee; Azure does, which Signature Cloud Support or partner network benefits may pay. Billing and subscription-management support is free.");
        }
        if case.plan == Plan::Csp {
            self.notice(
                "PTH-11",
                "The CSP program offers no phone support: file online.",
            );
        }
    }
}

fn impact_words(impact: Impact) -> &'static str {
    match impact {
        Impact::Critical => "Critical",
        Impact::Moderate => "Moderate",
        Impact::Minimal => "Minimal",
    }
}

/// "1 hour", "4 hours", "8 hours 30 minutes", "45 minutes".
pub fn minutes_words(minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let hours_part = match hours {
        0 => String::new(),
        1 => "1 hour".into(),
        n => format!("{n} hours"),
    };
    match (hours, rest) {
        (_, 0) => hours_part,
        (0, m) => format!("{m} minutes"),
        (_, m) => format!("{hours_part} {m} minutes"),
    }
}

/// Minutes after midnight as `HH:MM`.
pub fn clock_words(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// An instant as the calendar's wall clock shows it, e.g. "Mon 2026-03-09 06:00 America/Los_Angeles".
fn local_words(zones: &dyn ZoneRules, zone: &str, at: DateTime<Utc>) -> String {
    match zones.localize(zone, at) {
        Some(local) => format!("{} {zone}", wall_clock(&local)),
        None => format!("{} UTC", wall_clock(&at)),
    }
}

/// "Mon 2026-03-09 06:00", written by hand: chrono's strftime machinery
/// would be compiled into the widget for this one line.
fn wall_clock<Tz: chrono::TimeZone>(at: &DateTime<Tz>) -> String {
    use chrono::{Datelike, Timelike};
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    format!(
        "{} {:04}-{:02}-{:02} {:02}:{:02}",
        DAYS[at.weekday().num_days_from_monday() as usize],
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute()
    )
}

/// Phrases as «a», «b».
fn quote_all(phrases: &[String]) -> String {
    phrases
        .iter()
        .map(|phrase| format!("«{phrase}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A score in 0..1 as `0.97`, without the float formatter (it costs the
/// widget several kilobytes).
fn score_words(score: f64) -> String {
    let hundredths = (score.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
