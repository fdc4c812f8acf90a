//! The tables the engine reads: response targets (RT-1, RT-2), business-hours
//! calendars (RT-4) and submission paths (PTH-n). Each row carries its rule
//! ID. The shipped tables below are static; a [`Ruleset`] holds its rows as
//! owned values (borrowing the shipped text) so that a portal owner's tables
//! can replace them at run time.

use super::classify::{self, Classification, Vocabulary};
use super::holidays::{HolidayList, HolidayListName};
use super::vocab::{Location, Plan, Severity};
use std::borrow::Cow;
use std::sync::Arc;

/// Text in a table: borrowed for the shipped rules, owned for an owner's.
pub type Text = Cow<'static, str>;

/// One published initial-response target.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ResponseTarget {
    pub rule: Text,
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

/// A link shown with a path.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Link {
    pub label: Text,
    pub url: Text,
}

/// The steps and links of one submission path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PathTemplate {
    pub rule: Text,
    pub steps: Vec<Text>,
    pub links: Vec<Link>,
}

/// Every table the engine reads, with an id naming their version.
#[derive(Clone, Debug, PartialEq)]
pub struct Ruleset {
    pub id: Text,
    pub response_targets: Vec<ResponseTarget>,
    pub calendars: Vec<Calendar>,
    pub paths: Vec<PathTemplate>,
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
                    rule: Cow::Borrowed(rule),
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
                .map(|&(rule, steps, links)| PathTemplate {
                    rule: Cow::Borrowed(rule),
                    steps: steps.iter().map(|&step| Cow::Borrowed(step)).collect(),
                    links: links
                        .iter()
                        .map(|&(label, url)| Link {
                            label: Cow::Borrowed(label),
                            url: Cow::Borrowed(url),
                        })
                        .collect(),
                })
                .collect(),
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

    pub fn path(&self, rule: &str) -> Option<&PathTemplate> {
        self.paths.iter().find(|row| row.rule == rule)
    }
}

pub const SHIPPED_ID: &str = "support-policy@2026.11";

/// RT-1 (source 003) and RT-2 (source 001), in minutes.
pub const RESPONSE_TARGETS: &[(&str, Plan, Severity, u32)] = &[
    ("RT-1", Plan::Standard, Severity::A, 60),
    ("RT-1", Plan::Standard, Severity::B, 4 * 60),
    ("RT-1", Plan::Standard, Severity::C, 8 * 60),
    ("RT-1", Plan::ProfessionalDirect, Severity::A, 60),
    ("RT-1", Plan::ProfessionalDirect, Severity::B, 2 * 60),
    ("RT-1", Plan::ProfessionalDirect, Severity::C, 4 * 60),
    ("RT-1", Plan::Unified, Severity::A, 60),
    ("RT-1", Plan::Unified, Severity::B, 2 * 60),
    ("RT-1", Plan::Unified, Severity::C, 4 * 60),
    ("RT-2", Plan::Csp, Severity::A, 2 * 60),
    ("RT-2", Plan::Csp, Severity::B, 4 * 60),
    ("RT-2", Plan::Csp, Severity::C, 8 * 60),
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

const PARTNER_CENTER: (&str, &str) = ("Partner Center", "https://partner.microsoft.com/dashboard");
const AZURE_PORTAL: (&str, &str) = ("Azure portal", "https://portal.azure.com");
const M365_ADMIN: (&str, &str) = ("Microsoft 365 admin center", "https://admin.microsoft.com");
const PP_ADMIN: (&str, &str) = (
    "Power Platform admin center",
    "https://admin.powerplatform.microsoft.com",
);
const DYNAMICS_SUPPORT: (&str, &str) = (
    "Dynamics support",
    "https://docs.microsoft.com/dynamics365/customer-engagement/admin/contact-technical-support",
);

/// PTH-1..10: what to click, in order, and where.
/// A shipped path: its rule, its steps, and its links as (label, url).
type ShippedPath = (
    &'static str,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
);

pub const PATHS: &[ShippedPath] = &[
    (
        "PTH-1",
        &[
            "Sign in to the Power Platform admin center with an account that has a Power Platform admin role on the tenant holding the subscription.",
            "Open Help + support and select New support request.",
            "Describe one topic only: file a separate request for each unrelated problem.",
            "Choose the severity that matches your business impact and give contact details you will answer.",
        ],
        &[PP_ADMIN],
    ),
    (
        "PTH-2",
        &[
            "You cannot file this request yourself: only a user with a Power Platform admin role on the tenant can.",
            "Ask your tenant administrator to file it for you, with the details below.",
            "Or ask the administrator to give you the Service Administrator role, then file it from the Power Platform admin center.",
        ],
        &[PP_ADMIN],
    ),
    (
        "PTH-3",
        &[
            "Sign in to Partner Center and select Service requests, then Customer request.",
            "Search for the customer and open it.",
            "From the New request menu select Azure: the Azure portal opens in the customer's context.",
            "Select New support request.",
            "In Basics, set the Support plan field to \"Cloud Solution Provider\".",
            "In Contact information, enter your own details, not your customer's.",
            "Select Create. Later, follow the request with Manage support requests in the Azure portal.",
        ],
        &[PARTNER_CENTER, AZURE_PORTAL],
    ),
    (
        "PTH-4",
        &[
            "In Partner Center, open the customer's account page and copy its domain name.",
            "Open https://portal.azure.com/<customer domain name>.",
            "Select the Azure subscription that needs support.",
            "Select New support request and follow the prompts.",
        ],
        &[PARTNER_CENTER, AZURE_PORTAL],
    ),
    (
        "PTH-5",
        &[
            "Sign in to Partner Center and select Service requests, then Customer request (start from Partner Center so the partner–customer relationship is kept).",
            "Search for the customer and open it.",
            "From the New request menu select \"Office 365, Dynamics 365, Enterprise Mobility Suite\": the Office 365 admin center opens.",
            "In Create a service request, choose the support topic category (More... shows further topics).",
            "Complete the form with your own contact details, not your customer's, and select Submit.",
            "Later, follow the request with See all support tickets in the Office 365 admin center.",
        ],
        &[PARTNER_CENTER, M365_ADMIN],
    ),
    (
        "PTH-6",
        &[
            "Sign in directly to the Azure portal or the Office 365 admin center: this shows your own context, not a customer's.",
            "Create the support request for your own subscription.",
            "Give your own support entitlement (MPN contract ID, Premier, or an Azure support plan): the CSP benefit does not cover your own tenant.",
        ],
        &[AZURE_PORTAL, M365_ADMIN],
    ),
    (
        "PTH-7",
        &[
            "Sign in to the Microsoft 365 admin portal with Power Platform admin credentials.",
            "Open the Admin app and select Support, then New support request, in the left navigation.",
            "In \"Need help?\", type your subscription-management question.",
            "If the suggested articles do not solve it, select Contact support at the bottom and complete the request.",
        ],
        &[M365_ADMIN],
    ),
    (
        "PTH-8",
        &[
            "Sign in to Partner Center and select Service requests, then Customer request.",
            "Search for the customer and open it.",
            "Select New request and file the billing, dispute or fraud concern with your own contact details.",
        ],
        &[PARTNER_CENTER],
    ),
    (
        "PTH-9",
        &[
            "Microsoft gives no product support for commercial marketplace products: the publisher (ISV) does.",
            "On the Marketplace page, select the product you need help with.",
            "Use the support contact on the product's page: the ISV's support link, e-mail or phone number.",
        ],
        &[("Microsoft commercial marketplace", "https://appsource.microsoft.com")],
    ),
    (
        "PTH-10",
        &[
            "Contact Dynamics support for Dynamics 365 plan subscriptions, licensing, billing, Finance & Operations or product licences.",
            "Sign in with an admin account of the tenant and describe the licence or plan concerned.",
        ],
        &[
            DYNAMICS_SUPPORT,
            (
                "Microsoft Dynamics support FAQ",
                "https://support.microsoft.com/help/4052881/faq-microsoft-dynamics-365-for-unified-operations-iur",
            ),
        ],
    ),
];
