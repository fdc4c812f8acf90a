//! The case's fields, as one table: name, kind, allowed values and default.
//! The validator reads a case through it, the widget writes its answers
//! (form, URL fragment, draft) through it, and the engine's list of
//! questions names its rows.

use super::enums::{Category, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope};

// The limits of a case, in one place (README, "Limits"). Lengths count
// characters (Unicode scalar values), not bytes.

/// The longest `description`, in characters: more is refused, not cut.
pub const DESCRIPTION_MAX_CHARS: usize = 100_000;
/// The longest `previous_case.number`, in characters.
pub const CASE_NUMBER_MAX_CHARS: usize = 64;
/// The longest `time_zone`, in characters (the longest IANA name has 32).
pub const TIME_ZONE_MAX_CHARS: usize = 64;
/// The longest `language` tag, in characters.
pub const LANGUAGE_TAG_MAX_CHARS: usize = 64;
/// The most dates `holidays` may list.
pub const HOLIDAYS_MAX_DATES: usize = 1_000;
/// The years a date (`holidays[]`, `previous_case.closed_on`) may have.
pub const DATE_YEARS: (i32, i32) = (1900, 9999);
/// The years `submitted_at` may have, as written. It ends ten years short of
/// 9999 so that every instant a decision writes (the clock looks at most a
/// few years ahead) stays a four-digit RFC 3339 year.
pub const SUBMISSION_YEARS: (i32, i32) = (1900, 9989);

/// What a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One of a closed set of spellings.
    Choice(&'static [&'static str]),
    /// `true` or `false`.
    Flag,
    /// Free text.
    Text,
    /// A BCP 47 language tag.
    LanguageTag,
    /// An interface language (`en`, `ja`, … or a regional tag such as `pt-BR`).
    Locale,
    /// An IANA time-zone name.
    TimeZone,
    /// A list of `YYYY-MM-DD` dates.
    Dates,
    /// A `YYYY-MM-DD` date.
    Date,
    /// An RFC 3339 instant.
    Instant,
    /// A nested object with fields of its own.
    Object(&'static [Field]),
}

/// One field of the case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    /// The contract default as the URL form writes it; `None`: no default
    /// (required, or absent until given).
    pub default: Option<&'static str>,
    /// Whether a case must give it (no decision without it).
    pub required: bool,
    /// The most characters (text) or items (lists) it may hold.
    pub limit: Option<usize>,
}

impl Field {
    /// The allowed spellings of a choice; empty for other kinds.
    pub fn allowed(&self) -> &'static [&'static str] {
        match self.kind {
            Kind::Choice(names) => names,
            _ => &[],
        }
    }

    /// The field with a limit on its length (text) or size (lists).
    const fn limited(self, limit: usize) -> Field {
        Field {
            limit: Some(limit),
            ..self
        }
    }
}

const fn field(name: &'static str, kind: Kind, default: Option<&'static str>) -> Field {
    Field {
        name,
        kind,
        default,
        required: false,
        limit: None,
    }
}

const fn required(name: &'static str, kind: Kind) -> Field {
    Field {
        name,
        kind,
        default: None,
        required: true,
        limit: None,
    }
}

/// The earlier case's fields (REO-0..5).
pub const PREVIOUS_CASE: &[Field] = &[
    required("number", Kind::Text).limited(CASE_NUMBER_MAX_CHARS),
    field("closed_on", Kind::Date, None),
    field("same_build", Kind::Flag, None),
    field("same_environment", Kind::Flag, None),
    field("same_error", Kind::Flag, None),
    field("after_hotfix", Kind::Flag, None),
];

/// The case's fields, in contract order.
pub const CASE: &[Field] = &[
    field("role", Kind::Choice(Role::NAMES), Some("customer_admin")),
    required("product", Kind::Choice(Product::NAMES)),
    field("description", Kind::Text, Some("")).limited(DESCRIPTION_MAX_CHARS),
    field("category", Kind::Choice(Category::NAMES), None),
    field("impact", Kind::Choice(Impact::NAMES), None),
    field("commit_24x7", Kind::Flag, Some("false")),
    field(
        "coverage",
        Kind::Choice(Coverage::NAMES),
        Some("business_hours"),
    ),
    field("plan", Kind::Choice(Plan::NAMES), Some("standard")),
    field("language", Kind::LanguageTag, Some("en")).limited(LANGUAGE_TAG_MAX_CHARS),
    field("location", Kind::Choice(Location::NAMES), Some("other")),
    field("time_zone", Kind::TimeZone, Some("UTC")).limited(TIME_ZONE_MAX_CHARS),
    field("holidays", Kind::Dates, None).limited(HOLIDAYS_MAX_DATES),
    field("submitted_at", Kind::Instant, None),
    field("locale", Kind::Locale, Some("en")),
    field("admin_access", Kind::Flag, Some("true")),
    field("preview", Kind::Choice(Preview::NAMES), Some("ga")),
    field("scope", Kind::Choice(Scope::NAMES), Some("single_function")),
    field("custom_code", Kind::Flag, Some("false")),
    field("previous_case", Kind::Object(PREVIOUS_CASE), None),
];

/// The names of a table's fields.
pub fn names(fields: &[Field]) -> Vec<&'static str> {
    fields.iter().map(|field| field.name).collect()
}

/// A field of the case by name; nested fields as `previous_case.number`.
pub fn find(path: &str) -> Option<&'static Field> {
    match path.split_once('.') {
        Some((outer, inner)) => match find(outer)?.kind {
            Kind::Object(fields) => fields.iter().find(|field| field.name == inner),
            _ => None,
        },
        None => CASE.iter().find(|field| field.name == path),
    }
}
