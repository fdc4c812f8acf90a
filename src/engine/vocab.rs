//! The closed vocabularies of the contract (`contract.md`): every enum a case
//! or a decision may carry, with its exact JSON spelling in one place.

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

            /// The contract's spelling of this value.
            pub const fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the contract's exact spelling.
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// The spellings accepted as input, for error messages.
            pub fn allowed() -> Vec<&'static str> {
                Self::ALL.iter().map(|value| value.as_str()).collect()
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
    pub const fn rule(self) -> &'static str {
        match self {
            Category::BreakFix => "CLS-1",
            Category::Advisory => "CLS-2",
            Category::Billing => "CLS-3",
            Category::Subscription => "CLS-4",
            Category::Licensing => "CLS-5",
            Category::Fraud => "CLS-6",
            Category::Marketplace => "CLS-7",
            Category::ServiceIncident => "CLS-8",
            Category::Performance => "CLS-9",
            Category::DataCorruption => "CLS-10",
            Category::RcaRequest => "CLS-11",
            Category::Preview => "CLS-12",
            Category::FollowUp => "CLS-13",
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
    pub const fn rule(self) -> &'static str {
        match self {
            Severity::A => "SEV-A",
            Severity::B => "SEV-B",
            Severity::C => "SEV-C",
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
