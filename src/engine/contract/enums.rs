//! The closed vocabularies of the contract (`contract.md`): every enum a case
//! or a decision may carry, with its exact JSON spelling in one place.

use super::rule_id::RuleId;
use serde::{Serialize, Serializer};

/// Declares a contract enum: its variants, their JSON spellings, parsing and
/// the list of allowed spellings that input errors quote.
macro_rules! contract_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every value, in contract order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// Every spelling, in contract order.
            pub const NAMES: &'static [&'static str] = &[$($text),+];

            /// The contract's spelling of this value.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the contract's exact spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

contract_enum!(
    /// Who is filing the request.
    Role {
        CustomerAdmin = "customer_admin",
        EndUser = "end_user",
        PartnerForCustomer = "partner_for_customer",
        PartnerOwn = "partner_own",
    }
);

contract_enum!(
    /// The affected product (`microsoft365` covers Office 365).
    Product {
        Dynamics365 = "dynamics365",
        PowerPlatform = "power_platform",
        Azure = "azure",
        Microsoft365 = "microsoft365",
        Ems = "ems",
        MarketplaceApp = "marketplace_app",
    }
);

contract_enum!(
    /// The kinds of issue of policy.md §2.
    Category {
        BreakFix = "break_fix",
        Advisory = "advisory",
        Billing = "billing",
        Subscription = "subscription",
        Licensing = "licensing",
        Fraud = "fraud",
        Marketplace = "marketplace",
        ServiceIncident = "service_incident",
        Performance = "performance",
        DataCorruption = "data_corruption",
        RcaRequest = "rca_request",
        Preview = "preview",
        FollowUp = "follow_up",
    }
);

impl Category {
    /// The policy rule that defines this category (CLS-1..13).
    pub const fn rule(self) -> RuleId {
        match self {
            Category::BreakFix => RuleId::Cls1,
            Category::Advisory => RuleId::Cls2,
            Category::Billing => RuleId::Cls3,
            Category::Subscription => RuleId::Cls4,
            Category::Licensing => RuleId::Cls5,
            Category::Fraud => RuleId::Cls6,
            Category::Marketplace => RuleId::Cls7,
            Category::ServiceIncident => RuleId::Cls8,
            Category::Performance => RuleId::Cls9,
            Category::DataCorruption => RuleId::Cls10,
            Category::RcaRequest => RuleId::Cls11,
            Category::Preview => RuleId::Cls12,
            Category::FollowUp => RuleId::Cls13,
        }
    }
}

contract_enum!(
    /// Business impact as the visitor states it (SEV-A/B/C).
    Impact {
        Critical = "critical",
        Moderate = "moderate",
        Minimal = "minimal",
    }
);

contract_enum!(
    /// How the response clock runs.
    Coverage {
        TwentyFourSeven = "24x7",
        BusinessHours = "business_hours",
    }
);

contract_enum!(
    /// The support plan the request is filed under.
    Plan {
        Standard = "standard",
        ProfessionalDirect = "professional_direct",
        Unified = "unified",
        Csp = "csp",
        None = "none",
    }
);

contract_enum!(
    /// Where the customer is: picks the RT-4 calendar.
    Location {
        NorthAmerica = "north_america",
        Japan = "japan",
        Other = "other",
    }
);

contract_enum!(
    /// The release stage of the affected feature (PRV-1).
    Preview {
        Ga = "ga",
        PublicPreview = "public_preview",
        PrivatePreview = "private_preview",
        LimitedPreview = "limited_preview",
    }
);

contract_enum!(
    /// Reach of a performance problem (LIM-1).
    Scope {
        SingleFunction = "single_function",
        MultipleAreas = "multiple_areas",
    }
);

contract_enum!(
    /// Severity A (critical), B (moderate), C (minimal).
    Severity {
        A = "A",
        B = "B",
        C = "C",
    }
);

impl Severity {
    /// The severity a stated business impact asks for (SEV-1).
    pub const fn from_impact(impact: Impact) -> Self {
        match impact {
            Impact::Critical => Severity::A,
            Impact::Moderate => Severity::B,
            Impact::Minimal => Severity::C,
        }
    }

    /// The rule that defines this severity level.
    pub const fn rule(self) -> RuleId {
        match self {
            Severity::A => RuleId::SevA,
            Severity::B => RuleId::SevB,
            Severity::C => RuleId::SevC,
        }
    }
}

contract_enum!(
    /// Where the decided category came from.
    CategorySource {
        Explicit = "explicit",
        Text = "text",
        Default = "default",
    }
);

contract_enum!(
    /// REO-1..4 verdict on an earlier case.
    Reopen {
        Reopen = "reopen",
        NewIncident = "new_incident",
    }
);

contract_enum!(
    /// A fact in the description that rules other than the category need.
    Signal {
        /// Production is down (impact critical).
        ProductionDown = "production_down",
        /// Many users or tenants are affected.
        ManyUsers = "many_users",
        /// Work goes on around the problem (impact moderate or minimal).
        Workaround = "workaround",
        /// The feature is in preview or beta.
        Preview = "preview",
        /// Custom code, customisation, or partner / ISV code is involved.
        CustomCode = "custom_code",
        /// An earlier case is referred to.
        PreviousCase = "previous_case",
        /// A subscription cannot be created.
        CannotCreateSubscription = "cannot_create_subscription",
        /// A partner files on behalf of its customer.
        OnBehalfOfCustomer = "on_behalf_of_customer",
    }
);

contract_enum!(
    /// The holiday list a business-hours clock used (RT-8).
    HolidayListName {
        JapanNational = "japan_national",
        UsFederal = "us_federal",
        None = "none",
        /// The case's own `holidays`.
        Case = "case",
        /// A list supplied by the portal owner's rules.
        Owner = "owner",
    }
);

contract_enum!(
    /// Why the business-hours clock starts after the submission (RT-5).
    WaitReason {
        /// Filed on a working day before its window opens.
        BeforeOpening = "before_opening",
        /// Filed on a working day after its window closed; the next working
        /// day follows with no weekend or holiday between.
        AfterClosing = "after_closing",
        /// A weekend lies before the next opening, and no holiday.
        Weekend = "weekend",
        /// One or more holidays lie before the next opening (maybe a
        /// weekend too).
        Holiday = "holiday",
    }
);

contract_enum!(
    /// A way of filing the same request that the policy allows and that
    /// would be answered differently.
    AlternativeKind {
        /// In English, with round-the-clock support (RT-3).
        English24x7 = "english_24x7",
    }
);
