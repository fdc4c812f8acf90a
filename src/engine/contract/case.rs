//! The case (contract.md, "Case (input)"): typed, defaulted and validated.

use super::enums::{Category, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope};
use super::fields::{self, Kind};
use super::language::{interface_locale, interface_tags, Language};
use super::raw::{date, grouped, instant, quoted_excerpt, within, InputError, ObjectReader, Raw};
use chrono::{DateTime, Datelike, NaiveDate, Utc};

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

    /// When the request is filed: `submitted_at`, or else `now`, which must
    /// lie in the same years as a given `submitted_at` (1900–9989) so that
    /// every instant of the decision has a four-digit RFC 3339 year. (A
    /// `submitted_at` read by [`Case::from_raw`] is in range; one set by
    /// hand is checked too, allowing for its offset.)
    pub fn submitted_at_or(&self, now: DateTime<Utc>) -> Result<DateTime<Utc>, InputError> {
        let (first, last) = fields::SUBMISSION_YEARS;
        let (at, years) = match self.submitted_at {
            Some(at) => (at, (first - 1)..=(last + 1)),
            None => (now, first..=last),
        };
        if years.contains(&at.year()) {
            return Ok(at);
        }
        let what = match self.submitted_at {
            Some(_) => "falls",
            None => "is missing, and the instant standing in for it falls",
        };
        Err(InputError::new(
            "submitted_at",
            format!(
                "{what} in the year {}, outside the years {first}–{last} this engine accepts",
                at.year()
            ),
        ))
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
            let limit = fields::DESCRIPTION_MAX_CHARS;
            case.description = within("description", description, limit)?.to_owned();
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
            let tag = within("language", tag.trim(), fields::LANGUAGE_TAG_MAX_CHARS)?;
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
            case.time_zone =
                within("time_zone", zone.trim(), fields::TIME_ZONE_MAX_CHARS)?.to_owned();
        }
        if let Some(list) = object.list("holidays")? {
            let limit = fields::HOLIDAYS_MAX_DATES;
            if list.len() > limit {
                return Err(InputError::new(
                    "holidays",
                    format!(
                        "has {} dates; the limit is {}",
                        grouped(list.len()),
                        grouped(limit)
                    ),
                ));
            }
            let dates = list
                .iter()
                .enumerate()
                .map(|(index, item)| date(&format!("holidays[{index}]"), item))
                .collect::<Result<Vec<_>, _>>()?;
            case.holidays = Some(dates);
        }
        if let Some(text) = object.text("submitted_at")? {
            case.submitted_at = Some(instant("submitted_at", text)?);
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
        let number = within(
            "previous_case.number",
            number,
            fields::CASE_NUMBER_MAX_CHARS,
        )?;
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
