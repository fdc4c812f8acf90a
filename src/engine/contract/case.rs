//! The case (contract.md, "Case (input)"): typed, defaulted and validated.

use super::enums::{Category, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope};
use super::fields::{self, Kind};
use super::language::{interface_locale, interface_tags, Language};
use super::raw::{date, quoted_excerpt, InputError, ObjectReader, Raw};
use chrono::{DateTime, NaiveDate, Utc};

/// A visitor's case, with every contract default applied.
#[derive(Clone, Debug, PartialEq)]
pub struct Case {
    pub role: Role,
    pub product: Product,
    pub description: String,
    pub category: Option<Category>,
    pub impact: Option<Impact>,
    pub commit_24x7: bool,
    pub coverage: Coverage,
    pub plan: Plan,
    pub language: Language,
    pub location: Location,
    pub time_zone: String,
    /// `None`: the calendar's shipped list; `Some`: replaces it, even when empty.
    pub holidays: Option<Vec<NaiveDate>>,
    /// `None`: the moment the decision is made.
    pub submitted_at: Option<DateTime<Utc>>,
    pub admin_access: bool,
    pub preview: Preview,
    pub scope: Scope,
    pub custom_code: bool,
    pub previous_case: Option<PreviousCase>,
    /// The interface language of the decision's texts (`en`, `ja`, …).
    pub locale: &'static str,
    /// The fields the case gave, by name (the others hold their default).
    pub given: Vec<&'static str>,
}

/// An earlier case the visitor refers to (REO-1..5, FUP-1..2).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PreviousCase {
    pub number: String,
    pub closed_on: Option<NaiveDate>,
    /// REO-1..3's answers; `None` while unknown (REO-0).
    pub same_build: Option<bool>,
    pub same_environment: Option<bool>,
    pub same_error: Option<bool>,
    pub after_hotfix: Option<bool>,
}

impl Case {
    /// A case about `product` with every other field at its contract default.
    pub fn new(product: Product) -> Self {
        Case {
            role: Role::CustomerAdmin,
            product,
            description: String::new(),
            category: None,
            impact: None,
            commit_24x7: false,
            coverage: Coverage::BusinessHours,
            plan: Plan::Standard,
            language: Language::english(),
            location: Location::Other,
            time_zone: "UTC".into(),
            holidays: None,
            submitted_at: None,
            admin_access: true,
            preview: Preview::Ga,
            scope: Scope::SingleFunction,
            custom_code: false,
            previous_case: None,
            locale: "en",
            given: vec!["product"],
        }
    }

    /// Whether the case gave `field` rather than leaving it to its default.
    pub fn gave(&self, field: &str) -> bool {
        self.given.contains(&field)
    }

    /// Validates an input tree against the contract. The first problem found
    /// is returned, with the path of the field it concerns.
    pub fn from_raw(raw: &Raw) -> Result<Case, InputError> {
        let object = ObjectReader::of(raw, "", &fields::names(fields::CASE))?;
        let product = object
            .choice("product", Product::NAMES)?
            .and_then(Product::parse)
            .ok_or_else(|| {
                let mut error = InputError::new(
                    "product",
                    format!("is required; use one of: {}", Product::NAMES.join(", ")),
                );
                error.allowed = Product::NAMES.to_vec();
                error
            })?;
        let mut case = Case::new(product);
        if let Some(role) = object.choice("role", Role::NAMES)?.and_then(Role::parse) {
            case.role = role;
        }
        if let Some(description) = object.text("description")? {
            case.description = description.to_owned();
        }
        case.category = object
            .choice("category", Category::NAMES)?
            .and_then(Category::parse);
        case.impact = object
            .choice("impact", Impact::NAMES)?
            .and_then(Impact::parse);
        if let Some(value) = object.boolean("commit_24x7")? {
            case.commit_24x7 = value;
        }
        if let Some(value) = object
            .choice("coverage", Coverage::NAMES)?
            .and_then(Coverage::parse)
        {
            case.coverage = value;
        }
        if let Some(value) = object.choice("plan", Plan::NAMES)?.and_then(Plan::parse) {
            case.plan = value;
        }
        if let Some(tag) = object.text("language")? {
            case.language = Language::parse(tag).map_err(|why| {
                InputError::new("language", format!("{} {why}", quoted_excerpt(tag)))
            })?;
        }
        if let Some(value) = object
            .choice("location", Location::NAMES)?
            .and_then(Location::parse)
        {
            case.location = value;
        }
        if let Some(zone) = object.text("time_zone")? {
            case.time_zone = zone.trim().to_owned();
        }
        if let Some(list) = object.list("holidays")? {
            let dates = list
                .iter()
                .enumerate()
                .map(|(index, item)| date(&format!("holidays[{index}]"), item))
                .collect::<Result<Vec<_>, _>>()?;
            case.holidays = Some(dates);
        }
        if let Some(text) = object.text("submitted_at")? {
            let instant = DateTime::parse_from_rfc3339(text.trim()).map_err(|_| {
                InputError::new(
                    "submitted_at",
                    format!(
                        "{} is not an RFC 3339 instant; write e.g. 2026-11-18T03:15:00Z or 2026-11-18T12:15:00+09:00",
                        quoted_excerpt(text)
                    ),
                )
            })?;
            case.submitted_at = Some(instant.with_timezone(&Utc));
        }
        if let Some(value) = object.boolean("admin_access")? {
            case.admin_access = value;
        }
        if let Some(value) = object
            .choice("preview", Preview::NAMES)?
            .and_then(Preview::parse)
        {
            case.preview = value;
        }
        if let Some(value) = object.choice("scope", Scope::NAMES)?.and_then(Scope::parse) {
            case.scope = value;
        }
        if let Some(value) = object.boolean("custom_code")? {
            case.custom_code = value;
        }
        if let Some(tag) = object.text("locale")? {
            case.locale = interface_locale(tag).ok_or_else(|| {
                let mut error = InputError::new(
                    "locale",
                    format!(
                        "{} is not an interface language; use one of: {}",
                        quoted_excerpt(tag),
                        interface_tags().join(", ")
                    ),
                );
                error.allowed = interface_tags();
                error
            })?;
        }
        if let Some(raw) = object.get("previous_case") {
            case.previous_case = PreviousCase::from_raw(raw)?;
        }
        case.given = fields::CASE
            .iter()
            .filter(|field| object.get(field.name).is_some())
            .filter(|field| !matches!(field.kind, Kind::Object(_)) || case.previous_case.is_some())
            .map(|field| field.name)
            .collect();
        Ok(case)
    }
}

impl PreviousCase {
    fn from_raw(raw: &Raw) -> Result<Option<PreviousCase>, InputError> {
        if *raw == Raw::Null {
            return Ok(None);
        }
        let object =
            ObjectReader::of(raw, "previous_case.", &fields::names(fields::PREVIOUS_CASE))?;
        let number = object
            .text("number")?
            .map(str::trim)
            .filter(|number| !number.is_empty())
            .ok_or_else(|| {
                InputError::new(
                    "previous_case.number",
                    "is required: the earlier case's number, as a string",
                )
            })?;
        let closed_on = match object.get("closed_on") {
            None | Some(Raw::Null) => None,
            Some(value) => Some(date("previous_case.closed_on", value)?),
        };
        Ok(Some(PreviousCase {
            number: number.to_owned(),
            closed_on,
            same_build: object.boolean("same_build")?,
            same_environment: object.boolean("same_environment")?,
            same_error: object.boolean("same_error")?,
            after_hotfix: object.boolean("after_hotfix")?,
        }))
    }
}
