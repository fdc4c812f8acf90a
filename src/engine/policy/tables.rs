//! The tables the policy reads, each row carrying its rule ID: response
//! targets (RT-1, RT-2), business-hours calendars (RT-4), submission paths
//! (PTH-n) with the first-match table that chooses one, and the first-match
//! table of the reopen verdict (REO-0..4). A [`Ruleset`] holds them as owned
//! rows (borrowing the shipped ones) so that a portal owner's tables can
//! replace them at run time.
//!
//! Path steps and titles are catalogue keys (`messages/en.txt`), so that
//! they read in the visitor's language; an owner's steps are their own words.

use crate::engine::classify::{self, Classification, Vocabulary};
use crate::engine::contract::decision::{Link, Text};
use crate::engine::contract::enums::{
    Category, HolidayListName, Location, Plan, Product, Reopen, Role, Severity,
};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::time::holidays::HolidayList;
use std::borrow::Cow;
use std::sync::Arc;

/// One published initial-response target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseTarget {
    pub rule: RuleId,
    pub plan: Plan,
    pub severity: Severity,
    pub minutes: u32,
}

/// A business-hours calendar of RT-4: daily window in its own zone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Calendar {
    pub location: Location,
    /// The calendar's IANA zone; `None` means the case's own `time_zone`.
    pub zone: Option<Text>,
    /// Opening and closing time, in minutes after local midnight.
    pub opens: u16,
    pub closes: u16,
    /// The holidays it excludes unless a case gives its own (RT-8).
    pub holidays: HolidayList,
}

impl Calendar {
    /// The name a decision gives this calendar's own holiday list.
    pub fn holiday_list_name(&self) -> HolidayListName {
        match self.holidays {
            HolidayList::JapanNational => HolidayListName::JapanNational,
            HolidayList::UsFederal => HolidayListName::UsFederal,
            HolidayList::None => HolidayListName::None,
            HolidayList::Dates(_) => HolidayListName::Owner,
        }
    }

    /// Open minutes in one working day (RT-6's "one business day").
    pub fn working_day_minutes(&self) -> u32 {
        u32::from(self.closes.saturating_sub(self.opens))
    }
}

/// One step of a path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// A catalogue key for a shipped step; the owner's own words otherwise.
    pub text: Text,
    /// Shown only when the decision has a severity (COH-1: no "choose the
    /// severity" without one).
    pub needs_severity: bool,
}

/// The steps and links of one route.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathTemplate {
    pub rule: RuleId,
    /// Names the route among the rule's routes, e.g. `pth13-azure`.
    pub route: &'static str,
    /// Whether the steps are an owner's own words rather than catalogue keys.
    pub owner_steps: bool,
    /// Whether the links' labels are an owner's own words rather than
    /// catalogue keys.
    pub owner_links: bool,
    pub steps: Vec<Step>,
    pub links: Vec<Link>,
}

/// Which plans a path row applies to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plans {
    Any,
    /// Filed under the CSP partner benefit.
    Csp,
    /// Any plan but CSP.
    NotCsp,
}

/// A row of the path-selection table: the first row whose conditions all
/// hold decides the path. An empty list matches anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PathRow {
    pub rule: RuleId,
    pub route: &'static str,
    pub roles: &'static [Role],
    pub products: &'static [Product],
    pub plans: Plans,
    pub categories: &'static [Category],
    /// PTH-4: whether the partner holds admin rights on the customer's Azure.
    pub admin_access: Option<bool>,
    /// Another rule the choice rests on, traced with it (COV-8).
    pub because: Option<RuleId>,
    /// Catalogue key of the trace's explanation.
    pub why: &'static str,
}

/// What a reopen row asks of one answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer {
    Any,
    Yes,
    No,
}

impl Answer {
    /// Whether a known-or-unknown answer satisfies this condition: an
    /// unknown answer satisfies only `Any` (REO-0).
    pub fn admits(self, answer: Option<bool>) -> bool {
        match self {
            Answer::Any => true,
            Answer::Yes => answer == Some(true),
            Answer::No => answer == Some(false),
        }
    }
}

/// A row of the reopen table (REO-0..4): first match decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReopenRow {
    pub rule: RuleId,
    /// `None`: no verdict yet (REO-0).
    pub verdict: Option<Reopen>,
    /// Closed three months ago or more (REO-4).
    pub aged: Answer,
    pub after_hotfix: Answer,
    pub same_build: Answer,
    pub same_environment: Answer,
    pub same_error: Answer,
    /// Catalogue key of the trace's explanation.
    pub why: &'static str,
}

/// Every table the engine reads, with an id naming their version.
#[derive(Clone, Debug, PartialEq)]
pub struct Ruleset {
    pub id: Text,
    pub response_targets: Vec<ResponseTarget>,
    pub calendars: Vec<Calendar>,
    pub paths: Vec<PathTemplate>,
    pub path_rows: Vec<PathRow>,
    pub reopen_rows: Vec<ReopenRow>,
    /// The classifier's vocabulary when an owner extends it; `None` is the
    /// shipped one (built once, shared).
    pub vocabulary: Option<Arc<Vocabulary>>,
}

impl Default for Ruleset {
    fn default() -> Self {
        Ruleset::shipped()
    }
}

impl Ruleset {
    /// The rules distilled from the four source documents.
    pub fn shipped() -> Self {
        Ruleset {
            id: Cow::Borrowed(SHIPPED_ID),
            response_targets: RESPONSE_TARGETS
                .iter()
                .map(|&(rule, plan, severity, minutes)| ResponseTarget {
                    rule,
                    plan,
                    severity,
                    minutes,
                })
                .collect(),
            calendars: CALENDARS
                .iter()
                .map(|(location, zone, opens, closes, holidays)| Calendar {
                    location: *location,
                    zone: zone.map(Cow::Borrowed),
                    opens: *opens,
                    closes: *closes,
                    holidays: holidays.clone(),
                })
                .collect(),
            paths: PATHS
                .iter()
                .map(|&(rule, route, steps, links)| PathTemplate {
                    rule,
                    route,
                    owner_steps: false,
                    owner_links: false,
                    steps: steps
                        .iter()
                        .map(|&key| Step {
                            text: Cow::Borrowed(key),
                            needs_severity: key.ends_with(".severity"),
                        })
                        .collect(),
                    links: links
                        .iter()
                        .map(|&(label, url)| Link {
                            label: Cow::Borrowed(label),
                            url: Cow::Borrowed(url),
                        })
                        .collect(),
                })
                .collect(),
            path_rows: PATH_ROWS.to_vec(),
            reopen_rows: REOPEN_ROWS.to_vec(),
            vocabulary: None,
        }
    }

    /// Reads a description with this rule set's vocabulary.
    pub fn classify(&self, text: &str) -> Classification {
        match &self.vocabulary {
            Some(vocabulary) => vocabulary.classify(text),
            None => classify::classify(text),
        }
    }

    pub fn response_target(&self, plan: Plan, severity: Severity) -> Option<&ResponseTarget> {
        self.response_targets
            .iter()
            .find(|row| row.plan == plan && row.severity == severity)
    }

    pub fn calendar(&self, location: Location) -> Option<&Calendar> {
        self.calendars.iter().find(|row| row.location == location)
    }

    pub fn path(&self, route: &str) -> Option<&PathTemplate> {
        self.paths.iter().find(|row| row.route == route)
    }
}

pub const SHIPPED_ID: &str = "support-policy@2026.11";

/// RT-1 (source 003) and RT-2 (source 001), in minutes.
pub const RESPONSE_TARGETS: &[(RuleId, Plan, Severity, u32)] = &[
    (RuleId::Rt1, Plan::Standard, Severity::A, 60),
    (RuleId::Rt1, Plan::Standard, Severity::B, 4 * 60),
    (RuleId::Rt1, Plan::Standard, Severity::C, 8 * 60),
    (RuleId::Rt1, Plan::ProfessionalDirect, Severity::A, 60),
    (RuleId::Rt1, Plan::ProfessionalDirect, Severity::B, 2 * 60),
    (RuleId::Rt1, Plan::ProfessionalDirect, Severity::C, 4 * 60),
    (RuleId::Rt1, Plan::Unified, Severity::A, 60),
    (RuleId::Rt1, Plan::Unified, Severity::B, 2 * 60),
    (RuleId::Rt1, Plan::Unified, Severity::C, 4 * 60),
    (RuleId::Rt2, Plan::Csp, Severity::A, 2 * 60),
    (RuleId::Rt2, Plan::Csp, Severity::B, 4 * 60),
    (RuleId::Rt2, Plan::Csp, Severity::C, 8 * 60),
];

/// RT-4 (source 003) with the RT-8 holiday list each ships.
pub const CALENDARS: &[(Location, Option<&str>, u16, u16, HolidayList)] = &[
    (
        Location::NorthAmerica,
        Some("America/Los_Angeles"),
        6 * 60,
        18 * 60,
        HolidayList::UsFederal,
    ),
    (
        Location::Japan,
        Some("Asia/Tokyo"),
        9 * 60,
        17 * 60 + 30,
        HolidayList::JapanNational,
    ),
    (Location::Other, None, 9 * 60, 17 * 60, HolidayList::None),
];

// Links: (catalogue key of the label, as the visitor's portal names it; URL).
const PARTNER_CENTER: (&str, &str) = (
    "link.partner-center",
    "https://partner.microsoft.com/dashboard",
);
const AZURE_PORTAL: (&str, &str) = ("link.azure-portal", "https://portal.azure.com");
const M365_ADMIN: (&str, &str) = ("link.m365-admin", "https://admin.microsoft.com");
const PP_ADMIN: (&str, &str) = ("link.pp-admin", "https://admin.powerplatform.microsoft.com");
const DYNAMICS_SUPPORT: (&str, &str) = (
    "link.dynamics-support",
    "https://docs.microsoft.com/dynamics365/customer-engagement/admin/contact-technical-support",
);

/// A shipped route: its rule, its name, its step keys, its links as (label, url).
type ShippedPath = (
    RuleId,
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

/// PTH-1..13: what to click, in order, and where. A step key ending in
/// `.severity` is shown only when the decision has a severity.
pub const PATHS: &[ShippedPath] = &[
    (
        RuleId::Pth1,
        "pth1",
        &["path.pth1.1", "path.pth1.2", "path.pth1.3", "path.pth1.severity"],
        &[PP_ADMIN],
    ),
    (
        RuleId::Pth2,
        "pth2",
        &["path.pth2.1", "path.pth2.2", "path.pth2.3"],
        &[],
    ),
    (
        RuleId::Pth3,
        "pth3",
        &[
            "path.pth3.1",
            "path.pth3.2",
            "path.pth3.3",
            "path.pth3.4",
            "path.pth3.5",
            "path.pth3.6",
            "path.pth3.7",
        ],
        &[PARTNER_CENTER, AZURE_PORTAL],
    ),
    (
        RuleId::Pth4,
        "pth4",
        &["path.pth4.1", "path.pth4.2", "path.pth4.3", "path.pth4.4"],
        &[PARTNER_CENTER, AZURE_PORTAL],
    ),
    (
        RuleId::Pth5,
        "pth5",
        &[
            "path.pth5.1",
            "path.pth5.2",
            "path.pth5.3",
            "path.pth5.4",
            "path.pth5.5",
            "path.pth5.6",
        ],
        &[PARTNER_CENTER, M365_ADMIN],
    ),
    (
        RuleId::Pth6,
        "pth6",
        &["path.pth6.1", "path.pth6.2", "path.pth6.3"],
        &[AZURE_PORTAL, M365_ADMIN],
    ),
    (
        RuleId::Pth7,
        "pth7",
        &["path.pth7.1", "path.pth7.2", "path.pth7.3", "path.pth7.4"],
        &[M365_ADMIN],
    ),
    (
        RuleId::Pth8,
        "pth8",
        &["path.pth8.1", "path.pth8.2", "path.pth8.3"],
        &[PARTNER_CENTER],
    ),
    (
        RuleId::Pth9,
        "pth9",
        &["path.pth9.1", "path.pth9.2", "path.pth9.3"],
        &[("link.marketplace", "https://appsource.microsoft.com")],
    ),
    (
        RuleId::Pth10,
        "pth10",
        &["path.pth10.1", "path.pth10.2"],
        &[
            DYNAMICS_SUPPORT,
            (
                "link.dynamics-faq",
                "https://support.microsoft.com/help/4052881/faq-microsoft-dynamics-365-for-unified-operations-iur",
            ),
        ],
    ),
    (
        RuleId::Pth13,
        "pth13-azure",
        &[
            "path.pth13-azure.1",
            "path.pth13-azure.2",
            "path.pth13-azure.3",
            "path.pth13-azure.severity",
        ],
        &[AZURE_PORTAL],
    ),
    (
        RuleId::Pth13,
        "pth13-m365",
        &[
            "path.pth13-m365.1",
            "path.pth13-m365.2",
            "path.pth13-m365.3",
            "path.pth13-m365.severity",
        ],
        &[M365_ADMIN],
    ),
];

const DYNAMICS: &[Product] = &[Product::Dynamics365, Product::PowerPlatform];
const MICROSOFT_365: &[Product] = &[Product::Microsoft365, Product::Ems];
const AZURE: &[Product] = &[Product::Azure];
const PARTNER: &[Role] = &[Role::PartnerForCustomer];
const ADMIN: &[Role] = &[Role::CustomerAdmin];

const fn row(rule: RuleId, route: &'static str, why: &'static str) -> PathRow {
    PathRow {
        rule,
        route,
        roles: &[],
        products: &[],
        plans: Plans::Any,
        categories: &[],
        admin_access: None,
        because: None,
        why,
    }
}

/// PTH-1..13 (and COV-8's delegated admin): who files, for which product,
/// under which plan and category → the route. First match wins; the last
/// rows catch every remaining combination, so every case has a path.
pub const PATH_ROWS: &[PathRow] = &[
    PathRow {
        categories: &[Category::Marketplace],
        ..row(RuleId::Pth9, "pth9", "why.path.marketplace")
    },
    PathRow {
        products: &[Product::MarketplaceApp],
        ..row(RuleId::Pth9, "pth9", "why.path.marketplace")
    },
    PathRow {
        roles: &[Role::EndUser],
        ..row(RuleId::Pth2, "pth2", "why.path.end-user")
    },
    PathRow {
        roles: &[Role::PartnerOwn],
        ..row(RuleId::Pth6, "pth6", "why.path.partner-own")
    },
    PathRow {
        roles: PARTNER,
        plans: Plans::Csp,
        categories: &[Category::Billing, Category::Fraud],
        ..row(RuleId::Pth8, "pth8", "why.path.partner-billing")
    },
    PathRow {
        roles: PARTNER,
        products: DYNAMICS,
        categories: &[Category::Licensing],
        ..row(RuleId::Pth10, "pth10", "why.path.licensing")
    },
    PathRow {
        roles: PARTNER,
        products: AZURE,
        plans: Plans::Csp,
        admin_access: Some(false),
        ..row(RuleId::Pth4, "pth4", "why.path.partner-azure-no-admin")
    },
    PathRow {
        roles: PARTNER,
        products: AZURE,
        plans: Plans::Csp,
        ..row(RuleId::Pth3, "pth3", "why.path.partner-azure")
    },
    PathRow {
        roles: PARTNER,
        plans: Plans::Csp,
        ..row(RuleId::Pth5, "pth5", "why.path.partner-office")
    },
    PathRow {
        roles: PARTNER,
        products: DYNAMICS,
        because: Some(RuleId::Cov8),
        ..row(RuleId::Pth1, "pth1", "why.path.delegated-dynamics")
    },
    PathRow {
        roles: PARTNER,
        products: AZURE,
        because: Some(RuleId::Cov8),
        ..row(RuleId::Pth13, "pth13-azure", "why.path.delegated-azure")
    },
    PathRow {
        roles: PARTNER,
        because: Some(RuleId::Cov8),
        ..row(RuleId::Pth13, "pth13-m365", "why.path.delegated-m365")
    },
    PathRow {
        roles: ADMIN,
        products: DYNAMICS,
        categories: &[Category::Subscription],
        ..row(RuleId::Pth7, "pth7", "why.path.subscription")
    },
    PathRow {
        roles: ADMIN,
        products: DYNAMICS,
        categories: &[Category::Licensing],
        ..row(RuleId::Pth10, "pth10", "why.path.licensing")
    },
    PathRow {
        roles: ADMIN,
        products: DYNAMICS,
        ..row(RuleId::Pth1, "pth1", "why.path.admin-dynamics")
    },
    PathRow {
        roles: ADMIN,
        products: AZURE,
        ..row(RuleId::Pth13, "pth13-azure", "why.path.admin-azure")
    },
    PathRow {
        roles: ADMIN,
        products: MICROSOFT_365,
        ..row(RuleId::Pth13, "pth13-m365", "why.path.admin-m365")
    },
];

const fn reopen(rule: RuleId, verdict: Option<Reopen>, why: &'static str) -> ReopenRow {
    ReopenRow {
        rule,
        verdict,
        aged: Answer::Any,
        after_hotfix: Answer::Any,
        same_build: Answer::Any,
        same_environment: Answer::Any,
        same_error: Answer::Any,
        why,
    }
}

const NEW: Option<Reopen> = Some(Reopen::NewIncident);

/// REO-0..4: the first row whose answers match gives the verdict. A known
/// answer that makes it new decides at once; reopening needs every answer.
pub const REOPEN_ROWS: &[ReopenRow] = &[
    ReopenRow {
        aged: Answer::Yes,
        ..reopen(RuleId::Reo4, NEW, "why.reopen.aged")
    },
    ReopenRow {
        after_hotfix: Answer::Yes,
        ..reopen(RuleId::Reo3, NEW, "why.reopen.hotfix")
    },
    ReopenRow {
        same_build: Answer::No,
        ..reopen(RuleId::Reo1, NEW, "why.reopen.build")
    },
    ReopenRow {
        same_environment: Answer::No,
        ..reopen(RuleId::Reo2, NEW, "why.reopen.environment")
    },
    ReopenRow {
        same_error: Answer::No,
        ..reopen(RuleId::Reo2, NEW, "why.reopen.error")
    },
    ReopenRow {
        after_hotfix: Answer::No,
        same_build: Answer::Yes,
        same_environment: Answer::Yes,
        same_error: Answer::Yes,
        ..reopen(RuleId::Reo1, Some(Reopen::Reopen), "why.reopen.same")
    },
    reopen(RuleId::Reo0, None, "why.reopen.unknown"),
];
