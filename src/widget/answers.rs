//! The visitor's answers as the widget holds them: the fields they answered,
//! keyed by the engine's field names (`fields::CASE`, nested ones as
//! `previous_case.number`), each written as the URL writes it; a field that
//! is absent is unanswered. The same table turns the answers into the
//! engine's input (a [`Raw`] tree validated by [`Case::from_raw`]) and
//! carries them through the page URL and the local draft. Pure Rust, tested
//! natively.

use crate::engine::contract::enums::Location;
use crate::engine::contract::fields::{self, Field, Kind};
use crate::engine::contract::language::{Language, SupportLanguage};
use crate::engine::{Case, InputError, Raw};

/// What the visitor answered, in the order of the field table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Answers {
    /// (field path, value in the URL spelling).
    values: Vec<(String, String)>,
}

impl Answers {
    /// Fresh answers for a visitor whose browser says `time_zone` and
    /// `language`: the zone, the calendar it suggests and the support
    /// language are proposed; nothing else is answered.
    pub fn new(time_zone: &str, language: &str) -> Self {
        let mut answers = Answers::default();
        answers.set("time_zone", time_zone);
        answers.set("location", location_of(time_zone).as_str());
        answers.set("language", &support_language_tag(language));
        answers
    }

    /// The answer to a field, if any.
    pub fn get(&self, path: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(name, _)| name == path)
            .map(|(_, value)| value.as_str())
    }

    /// The answered fields and their values, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.values
            .iter()
            .map(|(name, value)| (name.as_str(), value.as_str()))
    }

    /// Answers a field. An empty value takes the answer back. A value the
    /// field can never hold (not one of a choice's spellings, a flag other
    /// than `true`/`false`) or a name that is no field of the case is
    /// refused, and `false` returned; other values are kept as given, for
    /// the engine to judge.
    pub fn set(&mut self, path: &str, value: &str) -> bool {
        let Some((position, field)) = locate(path) else {
            return false;
        };
        if value.is_empty() {
            self.values.retain(|(name, _)| name != path);
            return true;
        }
        let value = match field.kind {
            Kind::Choice(allowed) => match allowed.iter().find(|name| **name == value.trim()) {
                Some(name) => (*name).to_owned(),
                None => return false,
            },
            Kind::Flag => match value.trim() {
                // "1"/"0": links written before the flags were spelt out.
                "true" | "1" => "true".to_owned(),
                "false" | "0" => "false".to_owned(),
                _ => return false,
            },
            _ => value.to_owned(),
        };
        match self.values.iter_mut().find(|(name, _)| name == path) {
            Some(slot) => slot.1 = value,
            None => {
                let at = self
                    .values
                    .iter()
                    .position(|(name, _)| locate(name).is_some_and(|(other, _)| other > position))
                    .unwrap_or(self.values.len());
                self.values.insert(at, (path.to_owned(), value));
            }
        }
        true
    }

    /// Takes an answer back.
    pub fn remove(&mut self, path: &str) {
        self.values.retain(|(name, _)| name != path);
    }

    /// Sets aside the answer to `path` that the engine refused; when `path`
    /// itself is unanswered (a nested object missing a required field), the
    /// whole object's answers. `false` when there was nothing to set aside.
    pub fn set_aside(&mut self, path: &str) -> bool {
        let before = self.values.len();
        self.remove(path);
        if self.values.len() == before {
            if let Some((object, _)) = path.split_once('.') {
                let prefix = format!("{object}.");
                self.values.retain(|(name, _)| !name.starts_with(&prefix));
            }
        }
        self.values.len() < before
    }

    /// Whether `other` holds the same answers as these but for `field`'s,
    /// which differs.
    pub fn differs_only_in(&self, other: &Answers, field: &str) -> bool {
        let rest = |answers: &Answers| {
            answers
                .values
                .iter()
                .filter(|(name, _)| name != field)
                .cloned()
                .collect::<Vec<_>>()
        };
        self.get(field) != other.get(field) && rest(self) == rest(other)
    }

    /// Answers `other`'s fields over these (a host page's presets).
    pub fn merge(&mut self, other: &Answers) {
        for (path, value) in other.iter() {
            self.set(path, value);
        }
    }

    /// The answers as the engine's input: flags as booleans, dates lists as
    /// lists, nested fields as a nested object, the rest as strings.
    pub fn to_raw(&self) -> Raw {
        let mut entries = Vec::new();
        for field in fields::CASE {
            match field.kind {
                Kind::Object(nested) => {
                    let inner: Vec<(String, Raw)> = nested
                        .iter()
                        .filter_map(|inner| {
                            let value = self.get(&format!("{}.{}", field.name, inner.name))?;
                            Some((inner.name.to_owned(), raw(inner, value)))
                        })
                        .collect();
                    if !inner.is_empty() {
                        entries.push((field.name.to_owned(), Raw::Object(inner)));
                    }
                }
                _ => {
                    if let Some(value) = self.get(field.name) {
                        entries.push((field.name.to_owned(), raw(field, value)));
                    }
                }
            }
        }
        Raw::Object(entries)
    }

    /// The case to decide, validated by the engine. `None` while a required
    /// field (the product) is not answered yet: there is no decision then.
    pub fn to_case(&self) -> Option<Result<Case, InputError>> {
        match Case::from_raw(&self.to_raw()) {
            Err(error) if is_required(&error) && self.get(&error.path).is_none() => None,
            result => Some(result),
        }
    }

    /// The answers as a URL fragment's text (`product=azure&impact=critical…`),
    /// with the engine's field names and spellings. A fragment, never a
    /// query: browsers do not send it to any server.
    pub fn to_fragment(&self) -> String {
        self.values
            .iter()
            .map(|(name, value)| format!("{name}={}", percent_encode(value)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Answers read back from a fragment (or a query of an older link) over
    /// `base`; what is missing or can never be right (an unknown field, a
    /// spelling no choice has) keeps the value of `base`, so a damaged link
    /// loses nothing else.
    pub fn from_fragment(fragment: &str, base: Answers) -> Answers {
        let mut answers = base;
        for pair in fragment.trim_start_matches(['#', '?']).split('&') {
            if let Some((name, value)) = pair.split_once('=') {
                answers.set(&percent_decode(name), &percent_decode(value));
            }
        }
        answers
    }
}

/// A field of the case by path, with its place in the table (nested fields
/// sort inside their object). An object itself is answered through its
/// fields, so it has no place of its own.
fn locate(path: &str) -> Option<((usize, usize), &'static Field)> {
    let (outer, inner) = match path.split_once('.') {
        Some((outer, inner)) => (outer, Some(inner)),
        None => (path, None),
    };
    let index = fields::CASE.iter().position(|field| field.name == outer)?;
    match (fields::CASE[index].kind, inner) {
        (Kind::Object(nested), Some(inner)) => {
            let at = nested.iter().position(|field| field.name == inner)?;
            Some(((index, at), &nested[at]))
        }
        (Kind::Object(_), None) | (_, Some(_)) => None,
        (_, None) => Some(((index, 0), &fields::CASE[index])),
    }
}

/// Whether an error is about a top-level field of the table that has no
/// default (the product): while unanswered, there is nothing to decide.
fn is_required(error: &InputError) -> bool {
    !error.path.contains('.') && locate(&error.path).is_some_and(|(_, field)| field.required)
}

/// One answer as the engine reads it.
fn raw(field: &Field, value: &str) -> Raw {
    match field.kind {
        Kind::Flag => match value {
            "true" => Raw::Bool(true),
            "false" => Raw::Bool(false),
            other => Raw::Text(other.to_owned()),
        },
        Kind::Dates => Raw::List(
            value
                .split(',')
                .map(str::trim)
                .filter(|date| !date.is_empty())
                .map(|date| Raw::Text(date.to_owned()))
                .collect(),
        ),
        _ => Raw::Text(value.to_owned()),
    }
}

/// The field an input error is about: its path without a list index
/// (`holidays[2]` → `holidays`), so the form can show it there.
pub fn error_field(error: &InputError) -> &str {
    error.path.split('[').next().unwrap_or_default()
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
        ("zh", Some(SupportLanguage::TraditionalChinese)) => "zh-Hant".into(),
        ("zh", _) => "zh-Hans".into(),
        (primary, _) => primary.into(),
    }
}

/// The RT-4 calendar a time zone suggests, as a first answer the visitor
/// can change.
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
