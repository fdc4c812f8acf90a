//! Input as it arrives, before validation: a small JSON-like tree that every
//! door (serde_json in the CLI, serde-wasm-bindgen in the browser) can
//! produce, so that one validator gives the same errors everywhere.

use chrono::NaiveDate;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use std::fmt;

/// An untyped input value. Object keys keep their order, duplicates included,
/// so the validator can report them.
#[derive(Clone, Debug, PartialEq)]
pub enum Raw {
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    List(Vec<Raw>),
    Object(Vec<(String, Raw)>),
}

impl Raw {
    /// A short description of the value's JSON type, for error messages.
    pub fn kind(&self) -> String {
        match self {
            Raw::Null => "null".into(),
            Raw::Bool(value) => format!("the boolean {value}"),
            // Whole numbers are written out; others are not, which spares
            // the widget the float formatter.
            Raw::Number(value) if value.fract() == 0.0 && value.abs() < 1e15 => {
                format!("the number {}", *value as i64)
            }
            Raw::Number(_) => "a fractional number".into(),
            Raw::Text(text) => format!("the string {}", quoted_excerpt(text)),
            Raw::List(_) => "an array".into(),
            Raw::Object(_) => "an object".into(),
        }
    }
}

/// Quotes at most 40 characters of a value, so that a 1 MB string never ends
/// up inside an error message.
pub fn quoted_excerpt(text: &str) -> String {
    const LIMIT: usize = 40;
    let mut excerpt: String = text.chars().take(LIMIT).collect();
    if text.chars().nth(LIMIT).is_some() {
        excerpt.push('…');
    }
    quoted(&excerpt)
}

/// Text in double quotes with quotes, backslashes and control characters
/// escaped, JSON-style. Written by hand: `{:?}` would compile Unicode's
/// printable-character tables into the widget.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Raw, D::Error> {
        Raw::deserialize(deserializer)
    }
    fn visit_bool<E>(self, value: bool) -> Result<Raw, E> {
        Ok(Raw::Bool(value))
    }
    fn visit_i64<E>(self, value: i64) -> Result<Raw, E> {
        Ok(Raw::Number(value as f64))
    }
    fn visit_u64<E>(self, value: u64) -> Result<Raw, E> {
        Ok(Raw::Number(value as f64))
    }
    fn visit_f64<E>(self, value: f64) -> Result<Raw, E> {
        Ok(Raw::Number(value))
    }
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Raw, E> {
        Ok(Raw::Text(value.to_owned()))
    }
    fn visit_string<E: de::Error>(self, value: String) -> Result<Raw, E> {
        Ok(Raw::Text(value))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Raw::List(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Raw>()? {
            entries.push((key, value));
        }
        Ok(Raw::Object(entries))
    }
}

/// Why a case could not be decided: the path of the offending field, what is
/// wrong, and (for closed vocabularies) the values that are allowed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct InputError {
    /// Path of the field, e.g. `impact`, `holidays[2]`, `previous_case.number`;
    /// empty when the case as a whole is wrong.
    pub path: String,
    /// What is wrong and what to do about it.
    pub message: String,
    /// The accepted spellings, when the field has a closed set of values.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<&'static str>,
}

impl InputError {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        InputError {
            path: path.into(),
            message: message.into(),
            allowed: Vec::new(),
        }
    }

    /// A value outside a closed vocabulary.
    pub fn not_allowed(path: &str, got: &Raw, allowed: Vec<&'static str>) -> Self {
        InputError {
            path: path.into(),
            message: format!(
                "{} is not allowed here; use one of: {}",
                got.kind(),
                allowed.join(", ")
            ),
            allowed,
        }
    }

    /// A value of the wrong JSON type.
    pub fn wrong_type(path: &str, expected: &str, got: &Raw) -> Self {
        InputError::new(path, format!("expected {expected}, got {}", got.kind()))
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for InputError {}

/// Reads the fields of one input object, checked against the names it may have.
pub struct ObjectReader<'a> {
    prefix: String,
    entries: &'a [(String, Raw)],
}

impl<'a> ObjectReader<'a> {
    pub fn of(raw: &'a Raw, prefix: &str, known: &[&str]) -> Result<Self, InputError> {
        let Raw::Object(entries) = raw else {
            let path = prefix.trim_end_matches('.');
            return Err(InputError::wrong_type(path, "a JSON object", raw));
        };
        for (index, (name, _)) in entries.iter().enumerate() {
            if !known.contains(&name.as_str()) {
                return Err(InputError::new(
                    format!("{prefix}{name}"),
                    format!(
                        "is not a field of the contract; the fields are: {}",
                        known.join(", ")
                    ),
                ));
            }
            if entries[..index].iter().any(|(earlier, _)| earlier == name) {
                return Err(InputError::new(
                    format!("{prefix}{name}"),
                    "is given twice; keep one",
                ));
            }
        }
        Ok(ObjectReader {
            prefix: prefix.to_owned(),
            entries,
        })
    }

    pub fn path(&self, name: &str) -> String {
        format!("{}{name}", self.prefix)
    }

    /// The field's value; an explicit `null` counts as absent (the default).
    pub fn get(&self, name: &str) -> Option<&'a Raw> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
            .filter(|value| **value != Raw::Null)
    }

    pub fn text(&self, name: &str) -> Result<Option<&'a str>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::Text(text)) => Ok(Some(text)),
            Some(other) => Err(InputError::wrong_type(&self.path(name), "a string", other)),
        }
    }

    pub fn boolean(&self, name: &str) -> Result<Option<bool>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::Bool(value)) => Ok(Some(*value)),
            Some(other) => Err(InputError::wrong_type(
                &self.path(name),
                "true or false",
                other,
            )),
        }
    }

    pub fn list(&self, name: &str) -> Result<Option<&'a [Raw]>, InputError> {
        match self.get(name) {
            None => Ok(None),
            Some(Raw::List(items)) => Ok(Some(items)),
            Some(other) => Err(InputError::wrong_type(&self.path(name), "an array", other)),
        }
    }

    /// The field's spelling when it is one of `allowed`; any other value is
    /// an error that lists them.
    pub fn choice(
        &self,
        name: &str,
        allowed: &'static [&'static str],
    ) -> Result<Option<&'static str>, InputError> {
        let Some(raw) = self.get(name) else {
            return Ok(None);
        };
        if let Raw::Text(text) = raw {
            if let Some(&spelling) = allowed.iter().find(|&&spelling| spelling == text.trim()) {
                return Ok(Some(spelling));
            }
        }
        Err(InputError::not_allowed(
            &self.path(name),
            raw,
            allowed.to_vec(),
        ))
    }
}

/// A calendar date written `YYYY-MM-DD`.
pub fn date(path: &str, raw: &Raw) -> Result<NaiveDate, InputError> {
    let Raw::Text(text) = raw else {
        return Err(InputError::wrong_type(
            path,
            "a date string YYYY-MM-DD",
            raw,
        ));
    };
    let text = text.trim();
    let well_formed = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    let number = |range: std::ops::Range<usize>| text.get(range).and_then(|part| part.parse().ok());
    let parsed = well_formed
        .then(|| NaiveDate::from_ymd_opt(number(0..4)? as i32, number(5..7)?, number(8..10)?))
        .flatten();
    match parsed {
        Some(date) => Ok(date),
        _ => Err(InputError::new(
            path,
            format!(
                "{} is not a calendar date; write YYYY-MM-DD, e.g. 2026-12-25",
                quoted_excerpt(text)
            ),
        )),
    }
}
