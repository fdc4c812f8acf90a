//! Input as it arrives, before validation: a small JSON-like tree that every
//! door (serde_json in the CLI, a walk over the JS value in the browser) can
//! produce, so that one validator gives the same errors everywhere.

use super::fields::{DATE_YEARS, SUBMISSION_YEARS};
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
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
            // Whole numbers that a double holds exactly (JavaScript's safe
            // integers) are written out; others are described, which spares
            // the widget the float formatter.
            Raw::Number(value) if value.is_nan() => "NaN".into(),
            Raw::Number(value) if value.is_infinite() => "an infinite number".into(),
            Raw::Number(value) if value.fract() != 0.0 => "a fractional number".into(),
            Raw::Number(value) if value.abs() <= MAX_SAFE_INTEGER => {
                format!("the number {}", *value as i64)
            }
            Raw::Number(_) => "a whole number of 16 or more digits".into(),
            Raw::Text(text) => format!("the string {}", quoted_excerpt(text)),
            Raw::List(_) => "an array".into(),
            Raw::Object(_) => "an object".into(),
        }
    }
}

/// 2⁵³ − 1, JavaScript's `Number.MAX_SAFE_INTEGER`: every whole number up
/// to it is exactly a double, so the number written is the number given.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

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

/// Text in double quotes with quotes, backslashes, control characters and the
/// invisible characters that reorder or hide text (bidirectional controls,
/// zero-width characters, line separators) escaped, so that no input can
/// drive a terminal or disguise itself. Written by hand: `{:?}` would compile
/// Unicode's printable-character tables into the widget.
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
            c if c.is_control() || is_invisible_format(c) => {
                out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Format characters that change how text around them shows (U+061C,
/// U+200B–U+200F, U+2028–U+202E, U+2060–U+206F, U+FEFF, U+FFF9–U+FFFB).
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{61c}'
            | '\u{200b}'..='\u{200f}'
            | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}'
    )
}

/// A count with thousands separators: `123456` → `123,456`.
pub fn grouped(count: usize) -> String {
    let mut digits = Vec::new();
    let mut rest = count;
    loop {
        if digits.len() % 4 == 3 {
            digits.push(b',');
        }
        digits.push(b'0' + (rest % 10) as u8);
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    digits.iter().rev().map(|&b| char::from(b)).collect()
}

/// `text` when it holds at most `limit` characters; otherwise an error that
/// names both, e.g. `description: is 123,456 characters; the limit is 100,000`.
pub fn within<'t>(path: &str, text: &'t str, limit: usize) -> Result<&'t str, InputError> {
    // Characters are counted as the bytes that start one (UTF-8 continuation
    // bytes are 10xxxxxx), which costs the widget less than `chars().count()`.
    let count = text.bytes().filter(|&b| b & 0xC0 != 0x80).count();
    if count <= limit {
        return Ok(text);
    }
    Err(InputError::new(
        path,
        format!(
            "is {} characters; the limit is {}",
            grouped(count),
            grouped(limit)
        ),
    ))
}

/// An object key as it may appear in an error's path: a plain name
/// (letters, digits, `_`, `-`, at most 64) as it is, anything else quoted,
/// escaped and shortened, so that a key such as `previous_case.number` at
/// the top level never reads as the nested field, and no key reaches a
/// terminal raw.
fn key_in_path(key: &str) -> String {
    let plain = !key.is_empty()
        && key.len() <= 64
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        key.to_owned()
    } else {
        quoted_excerpt(key)
    }
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
                    format!("{prefix}{}", key_in_path(name)),
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

/// Whether `text` has the shape of `pattern`, where `d` stands for an ASCII
/// digit and every other byte for itself.
fn shaped(text: &[u8], pattern: &str) -> bool {
    text.len() == pattern.len()
        && text.iter().zip(pattern.bytes()).all(|(&b, p)| {
            if p == b'd' {
                b.is_ascii_digit()
            } else {
                b == p
            }
        })
}

/// The number written by the ASCII digits `digits`.
fn number(digits: &[u8]) -> u32 {
    digits
        .iter()
        .fold(0, |value, digit| value * 10 + u32::from(digit - b'0'))
}

/// The error for a date or instant whose year lies outside `years`.
fn outside(path: &str, text: &str, years: (i32, i32)) -> InputError {
    InputError::new(
        path,
        format!(
            "{} is outside the years {}–{} this engine accepts",
            quoted_excerpt(text),
            years.0,
            years.1
        ),
    )
}

/// A calendar date written `YYYY-MM-DD`, in the years 1900–9999.
pub fn date(path: &str, raw: &Raw) -> Result<NaiveDate, InputError> {
    let Raw::Text(text) = raw else {
        return Err(InputError::wrong_type(
            path,
            "a date string YYYY-MM-DD",
            raw,
        ));
    };
    let text = text.trim();
    let bytes = text.as_bytes();
    let parsed = shaped(bytes, "dddd-dd-dd")
        .then(|| {
            let year = number(&bytes[0..4]) as i32;
            Some((
                year,
                NaiveDate::from_ymd_opt(year, number(&bytes[5..7]), number(&bytes[8..10]))?,
            ))
        })
        .flatten();
    match parsed {
        Some((year, _)) if year < DATE_YEARS.0 || year > DATE_YEARS.1 => {
            Err(outside(path, text, DATE_YEARS))
        }
        Some((_, date)) => Ok(date),
        None => Err(InputError::new(
            path,
            format!(
                "{} is not a calendar date; write YYYY-MM-DD, e.g. 2026-12-25",
                quoted_excerpt(text)
            ),
        )),
    }
}

/// An RFC 3339 instant as every RFC 3339 reader, JavaScript's `Date`
/// included, reads it: `YYYY-MM-DDTHH:MM:SS`, then optionally `.` and one to
/// nine digits of a second, then `Z` or an offset `±HH:MM` with an ASCII
/// sign. `T` and `Z` are capitals; seconds run 00–59 (no leap second `:60`,
/// which no clock here can count); the year, as written, lies in 1900–9989
/// ([`SUBMISSION_YEARS`]). Surrounding white space is ignored. The instant
/// keeps its fraction of a second, to the nanosecond.
pub fn instant(path: &str, text: &str) -> Result<DateTime<Utc>, InputError> {
    let fail = |why: &str| InputError::new(path, format!("{} {why}", quoted_excerpt(text)));
    let not_rfc_3339 = || {
        let mut why = String::from("is not an RFC 3339 instant");
        if text.contains('\u{2212}') {
            why.push_str(" (write the offset's minus sign as the ASCII hyphen -)");
        }
        why.push_str("; write e.g. 2026-11-18T03:15:00Z or 2026-11-18T12:15:00+09:00");
        fail(&why)
    };
    let bytes = text.trim().as_bytes();
    if bytes.len() < 20 || !shaped(&bytes[..19], "dddd-dd-ddTdd:dd:dd") {
        return Err(not_rfc_3339());
    }
    let mut rest = &bytes[19..];
    let mut nanos = 0;
    if let [b'.', fraction @ ..] = rest {
        let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
        if digits > 9 {
            return Err(fail(
                "has more than nine digits after the decimal point; the engine counts to the nanosecond",
            ));
        }
        if digits == 0 {
            return Err(not_rfc_3339());
        }
        nanos = number(&fraction[..digits]) * 10u32.pow(9 - digits as u32);
        rest = &fraction[digits..];
    }
    let offset_seconds = match rest {
        b"Z" => 0,
        [sign @ (b'+' | b'-'), offset @ ..] if shaped(offset, "dd:dd") => {
            let (hours, minutes) = (number(&offset[0..2]), number(&offset[3..5]));
            if hours > 23 || minutes > 59 {
                return Err(not_rfc_3339());
            }
            let seconds = i64::from(hours * 3600 + minutes * 60);
            if *sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return Err(not_rfc_3339()),
    };
    let field = |at: usize| number(&bytes[at..at + 2]);
    if field(17) == 60 {
        return Err(fail(
            "names a leap second (:60), which the engine does not count; write :59 or the next minute's :00",
        ));
    }
    let year = number(&bytes[0..4]) as i32;
    let (Some(date), Some(time)) = (
        NaiveDate::from_ymd_opt(year, field(5), field(8)),
        NaiveTime::from_hms_nano_opt(field(11), field(14), field(17), nanos),
    ) else {
        return Err(not_rfc_3339());
    };
    if year < SUBMISSION_YEARS.0 || year > SUBMISSION_YEARS.1 {
        return Err(outside(path, text, SUBMISSION_YEARS));
    }
    Ok(date.and_time(time).and_utc() - Duration::seconds(offset_seconds))
}
