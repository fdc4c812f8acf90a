//! The visitor's answers as the widget holds them: what they typed and
//! picked, which questions are still needed, and the round trip through the
//! page URL (a shareable link) and the local draft. Pure Rust, tested natively.

use crate::engine::contract::case::PreviousCase;
use crate::engine::contract::enums::{
    Category, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope,
};
use crate::engine::contract::language::Language;
use crate::engine::Case;

/// Everything the visitor has answered. Unanswered questions hold their
/// contract default, except the product, which the rules need.
#[derive(Clone, Debug, PartialEq)]
pub struct Answers {
    pub description: String,
    pub role: Role,
    pub product: Option<Product>,
    /// The visitor's own pick; `None` lets the description decide.
    pub category: Option<Category>,
    pub impact: Option<Impact>,
    pub commit_24x7: bool,
    pub coverage: Coverage,
    pub plan: Plan,
    /// BCP 47 tag of the language the customer wants support in.
    pub language: String,
    pub location: Location,
    pub time_zone: String,
    pub preview: Preview,
    pub admin_access: bool,
    pub scope: Scope,
    pub custom_code: bool,
    pub previous_case: String,
}

/// Answers a host page presets (the `<support-triage>` attributes).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Presets {
    pub role: Option<Role>,
    pub product: Option<Product>,
    pub plan: Option<Plan>,
    pub location: Option<Location>,
    pub time_zone: Option<String>,
    /// Support language (a page in Japanese suggests support in Japanese).
    pub language: Option<String>,
}

impl Presets {
    pub fn apply(&self, answers: &mut Answers) {
        if let Some(role) = self.role {
            answers.role = role;
        }
        if self.product.is_some() {
            answers.product = self.product;
        }
        if let Some(plan) = self.plan {
            answers.plan = plan;
        }
        if let Some(location) = self.location {
            answers.location = location;
        }
        if let Some(zone) = &self.time_zone {
            answers.time_zone = zone.clone();
        }
        if let Some(language) = &self.language {
            answers.language = language.clone();
        }
    }
}

/// A question the form can ask.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    Role,
    Product,
    Category,
    Impact,
    Coverage,
    Commit24x7,
    Plan,
    Language,
    Location,
    Preview,
    AdminAccess,
    Scope,
    CustomCode,
    PreviousCase,
}

impl Answers {
    /// Fresh answers for a visitor whose browser says `time_zone` and `language`.
    pub fn new(time_zone: &str, language: &str) -> Self {
        Answers {
            description: String::new(),
            role: Role::CustomerAdmin,
            product: None,
            category: None,
            impact: None,
            commit_24x7: false,
            coverage: Coverage::BusinessHours,
            plan: Plan::Standard,
            language: support_language_tag(language),
            location: location_of(time_zone),
            time_zone: time_zone.to_owned(),
            preview: Preview::Ga,
            admin_access: true,
            scope: Scope::SingleFunction,
            custom_code: false,
            previous_case: String::new(),
        }
    }

    /// The case to decide, once a product is chosen.
    pub fn to_case(&self) -> Option<Case> {
        let mut case = Case::new(self.product?);
        case.description = self.description.clone();
        case.role = self.role;
        case.category = self.category;
        case.impact = self.impact;
        case.commit_24x7 = self.commit_24x7;
        case.coverage = self.coverage;
        case.plan = self.plan;
        case.language = Language::parse(&self.language).unwrap_or_else(|_| Language::english());
        case.location = self.location;
        case.time_zone = self.time_zone.clone();
        case.preview = self.preview;
        case.admin_access = self.admin_access;
        case.scope = self.scope;
        case.custom_code = self.custom_code;
        let number = self.previous_case.trim();
        if !number.is_empty() {
            case.previous_case = Some(PreviousCase {
                number: number.to_owned(),
                closed_on: None,
                same_build: None,
                same_environment: None,
                same_error: None,
                after_hotfix: None,
            });
        }
        Some(case)
    }

    /// The questions the current answers still need, in the order asked.
    /// `category` is the category in force (chosen or read from the text).
    pub fn questions(&self, category: Option<Category>) -> Vec<Question> {
        let mut questions = vec![Question::Role, Question::Product, Question::Category];
        let technical = !matches!(
            category,
            Some(
                Category::Billing
                    | Category::Subscription
                    | Category::Licensing
                    | Category::Marketplace
                    | Category::RcaRequest
                    | Category::Advisory
            )
        );
        if technical && self.product != Some(Product::MarketplaceApp) {
            questions.push(Question::Impact);
            match self.impact {
                Some(Impact::Critical) => questions.push(Question::Commit24x7),
                Some(Impact::Moderate) => {
                    questions.push(Question::Coverage);
                    if self.coverage == Coverage::TwentyFourSeven {
                        questions.push(Question::Commit24x7);
                    }
                }
                _ => {}
            }
        }
        questions.extend([Question::Plan, Question::Language, Question::Location]);
        if technical {
            questions.push(Question::Preview);
        }
        if self.role == Role::PartnerForCustomer && self.product == Some(Product::Azure) {
            questions.push(Question::AdminAccess);
        }
        if category == Some(Category::Performance) {
            questions.push(Question::Scope);
        }
        if technical {
            questions.push(Question::CustomCode);
        }
        if category == Some(Category::FollowUp) || !self.previous_case.trim().is_empty() {
            questions.push(Question::PreviousCase);
        }
        questions
    }

    /// The answers as a URL query (`product=azure&impact=critical…`), with
    /// the contract's field names; defaults are left out.
    pub fn to_query(&self) -> String {
        let fresh = Answers::new(&self.time_zone, &self.language);
        let mut pairs: Vec<(&str, String)> = Vec::new();
        let mut put = |key: &'static str, value: String, default: String| {
            if value != default {
                pairs.push((key, value));
            }
        };
        let text = |value: Option<&'static str>| value.unwrap_or_default().to_owned();
        put("description", self.description.clone(), String::new());
        put(
            "role",
            self.role.as_str().into(),
            fresh.role.as_str().into(),
        );
        put(
            "product",
            text(self.product.map(Product::as_str)),
            String::new(),
        );
        put(
            "category",
            text(self.category.map(Category::as_str)),
            String::new(),
        );
        put(
            "impact",
            text(self.impact.map(Impact::as_str)),
            String::new(),
        );
        put("commit_24x7", flag(self.commit_24x7), flag(false));
        put(
            "coverage",
            self.coverage.as_str().into(),
            fresh.coverage.as_str().into(),
        );
        put(
            "plan",
            self.plan.as_str().into(),
            fresh.plan.as_str().into(),
        );
        put("language", self.language.clone(), String::new());
        put("location", self.location.as_str().into(), String::new());
        put("time_zone", self.time_zone.clone(), String::new());
        put(
            "preview",
            self.preview.as_str().into(),
            fresh.preview.as_str().into(),
        );
        put("admin_access", flag(self.admin_access), flag(true));
        put(
            "scope",
            self.scope.as_str().into(),
            fresh.scope.as_str().into(),
        );
        put("custom_code", flag(self.custom_code), flag(false));
        put("previous_case", self.previous_case.clone(), String::new());
        pairs
            .iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Answers read back from a query; what is missing or unreadable keeps
    /// the value of `base`, so a damaged link loses nothing else.
    pub fn from_query(query: &str, base: Answers) -> Answers {
        let mut answers = base;
        for pair in query.trim_start_matches('?').split('&') {
            let Some((key, value)) = pair.split_once('=') else {
                continue;
            };
            let value = percent_decode(value);
            let value = value.as_str();
            match key {
                "description" => answers.description = value.to_owned(),
                "role" => set(&mut answers.role, Role::parse(value)),
                "product" => answers.product = Product::parse(value).or(answers.product),
                "category" => answers.category = Category::parse(value).or(answers.category),
                "impact" => answers.impact = Impact::parse(value).or(answers.impact),
                "commit_24x7" => answers.commit_24x7 = value == "1",
                "coverage" => set(&mut answers.coverage, Coverage::parse(value)),
                "plan" => set(&mut answers.plan, Plan::parse(value)),
                "language" if Language::parse(value).is_ok() => answers.language = value.to_owned(),
                "location" => set(&mut answers.location, Location::parse(value)),
                "time_zone" if !value.is_empty() => answers.time_zone = value.to_owned(),
                "preview" => set(&mut answers.preview, Preview::parse(value)),
                "admin_access" => answers.admin_access = value != "0",
                "scope" => set(&mut answers.scope, Scope::parse(value)),
                "custom_code" => answers.custom_code = value == "1",
                "previous_case" => answers.previous_case = value.to_owned(),
                _ => {}
            }
        }
        answers
    }
}

fn set<T>(slot: &mut T, parsed: Option<T>) {
    if let Some(value) = parsed {
        *slot = value;
    }
}

/// A yes/no answer as the URL and the form write it: "1" or "0".
pub fn flag(value: bool) -> String {
    if value { "1" } else { "0" }.to_owned()
}

/// The support language closest to a browser language: `ja-JP` → `ja`,
/// `zh-TW` → `zh-Hant`; anything else as given (SUP-LANG then explains).
pub fn support_language_tag(browser: &str) -> String {
    let Ok(language) = Language::parse(browser) else {
        return "en".into();
    };
    let tag = language.as_str();
    let primary = tag.split('-').next().unwrap_or("en");
    match (primary, language.support_language()) {
        ("zh", Some(crate::engine::contract::language::SupportLanguage::TraditionalChinese)) => {
            "zh-Hant".into()
        }
        ("zh", _) => "zh-Hans".into(),
        (primary, _) => primary.into(),
    }
}

/// The RT-4 calendar a time zone suggests.
pub fn location_of(time_zone: &str) -> Location {
    const NORTH_AMERICA: &[&str] = &[
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Phoenix",
        "America/Los_Angeles",
        "America/Anchorage",
        "America/Toronto",
        "America/Vancouver",
        "America/Edmonton",
        "America/Winnipeg",
        "America/Halifax",
        "America/St_Johns",
        "America/Detroit",
        "America/Boise",
        "America/Indiana/Indianapolis",
        "Pacific/Honolulu",
        "America/Regina",
        "America/Mexico_City",
    ];
    if time_zone == "Asia/Tokyo" {
        Location::Japan
    } else if NORTH_AMERICA.contains(&time_zone)
        || time_zone.starts_with("US/")
        || time_zone.starts_with("Canada/")
    {
        Location::NorthAmerica
    } else {
        Location::Other
    }
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// Decodes `%XX` escapes and `+` as a space; malformed escapes stay as typed.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(high), Some(low)) => {
                    out.push((high * 16 + low) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' => out.push(b' '),
            byte => out.push(byte),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
