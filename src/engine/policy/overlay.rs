//! A portal owner's rules on top of the shipped ones: their response-time
//! table, holiday lists, the steps and links of the paths, and extra
//! vocabulary. The overlay is JSON (a JS object in the browser) validated
//! against the schema in the README; any problem is an error naming its path,
//! and the shipped rules stay in force. Every list and string has a limit
//! (below), so a mistaken or hostile overlay can neither freeze the widget
//! nor flood the page, and link URLs are resolved the way a browser resolves
//! them ([`resolve_link`]).

use crate::engine::classify::normalize::normalize;
use crate::engine::classify::Vocabulary;
use crate::engine::contract::decision::Link;
use crate::engine::contract::enums::{Location, Plan, Severity};
use crate::engine::contract::raw::{date, quoted_excerpt, InputError, ObjectReader, Raw};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::policy::tables::{Ruleset, Step};
use crate::engine::time::clock::MAX_TARGET_MINUTES;
use crate::engine::time::holidays::HolidayList;
use std::borrow::Cow;
use std::sync::Arc;

const OVERLAY_FIELDS: &[&str] = &["id", "response_targets", "holidays", "paths", "vocabulary"];
const TARGET_FIELDS: &[&str] = &["plan", "severity", "minutes"];
const PATH_FIELDS: &[&str] = &["steps", "links"];
const LINK_FIELDS: &[&str] = &["label", "url"];

/// The longest response target an overlay may set: the longest sure to fall
/// due within the business-hours clock's three-year horizon on every shipped
/// calendar ([`MAX_TARGET_MINUTES`]); a longer one might never run out.
const MAX_MINUTES: f64 = MAX_TARGET_MINUTES as f64;

// The overlay's limits (README, "Owner rules"). Counts of characters are of
// Unicode scalar values, as the classifier counts them.
/// The overlay's `id`: it is repeated in every decision's `ruleset`.
const MAX_ID_CHARS: usize = 64;
/// `response_targets`: one row per plan and severity is all there is to set.
const MAX_TARGETS: usize = Plan::ALL.len() * Severity::ALL.len();
/// Dates in one calendar's `holidays`: a closure list for decades.
const MAX_HOLIDAYS: usize = 1000;
/// Steps of one path, and the characters of one step.
const MAX_STEPS: usize = 20;
const MAX_STEP_CHARS: usize = 500;
/// Links of one path, and the characters of a label and of a URL.
const MAX_LINKS: usize = 10;
const MAX_LABEL_CHARS: usize = 100;
const MAX_URL_CHARS: usize = 2000;
/// Vocabulary lists, the characters of a list's name and of one list.
const MAX_LISTS: usize = 10;
const MAX_LIST_NAME_CHARS: usize = 64;
const MAX_LIST_CHARS: usize = 20_000;
/// Phrases (negation cues included) in all the overlay's lists, and the
/// characters of one phrase once normalised. The classifier walks a trie of
/// the phrases from each place of a description where one can start: the
/// work per character grows with the length of the longest phrase and the
/// phrases that match there (the shipped lists' longest has 38
/// characters). At these limits the worst overlay (phrases nested in one
/// another, all matching everywhere) costs about 10 µs a character natively.
pub(crate) const MAX_PHRASES: usize = 200;
const MAX_PHRASE_CHARS: usize = 50;

impl Ruleset {
    /// These rules with `overlay` applied, or the first problem in it.
    pub fn with_overlay(&self, overlay: &Raw) -> Result<Ruleset, InputError> {
        let fields = ObjectReader::of(overlay, "", OVERLAY_FIELDS)?;
        let mut rules = self.clone();
        let id = match fields.text("id")? {
            Some(id) if !id.trim().is_empty() => not_longer("id", id.trim(), MAX_ID_CHARS)?,
            Some(_) => {
                return Err(InputError::new(
                    "id",
                    "is empty; name the overlay, e.g. \"contoso-2026-11\"",
                ))
            }
            None => "owner".to_owned(),
        };
        rules.id = Cow::Owned(format!("{}+{id}", self.id));
        if let Some(targets) = fields.list("response_targets")? {
            at_most(
                "response_targets",
                targets.len(),
                MAX_TARGETS,
                "rows (one per plan and severity)",
            )?;
            for (index, target) in targets.iter().enumerate() {
                apply_target(&mut rules, target, &format!("response_targets[{index}]."))?;
            }
        }
        if let Some(holidays) = fields.get("holidays") {
            apply_holidays(&mut rules, holidays)?;
        }
        if let Some(paths) = fields.get("paths") {
            apply_paths(&mut rules, paths)?;
        }
        if let Some(vocabulary) = fields.get("vocabulary") {
            rules.vocabulary = Some(Arc::new(extra_vocabulary(vocabulary)?));
        }
        Ok(rules)
    }
}

fn apply_target(rules: &mut Ruleset, raw: &Raw, prefix: &str) -> Result<(), InputError> {
    let fields = ObjectReader::of(raw, prefix, TARGET_FIELDS)?;
    let required = |name: &str| InputError::new(format!("{prefix}{name}"), "is required");
    let plan = fields
        .choice("plan", Plan::NAMES)?
        .and_then(Plan::parse)
        .ok_or_else(|| required("plan"))?;
    let severity = fields
        .choice("severity", Severity::NAMES)?
        .and_then(Severity::parse)
        .ok_or_else(|| required("severity"))?;
    let minutes = match fields.get("minutes") {
        Some(Raw::Number(n)) if n.fract() == 0.0 && (1.0..=MAX_MINUTES).contains(n) => *n as u32,
        Some(Raw::Number(n)) if n.fract() == 0.0 && *n > MAX_MINUTES => {
            return Err(InputError::new(
                fields.path("minutes"),
                format!(
                    "is more than {MAX_TARGET_MINUTES} minutes, the longest target sure to \
                     fall due within the business-hours clock's three-year horizon; \
                     use at most {MAX_TARGET_MINUTES}"
                ),
            ))
        }
        Some(other) => {
            return Err(InputError::wrong_type(
                &fields.path("minutes"),
                &format!("a whole number of minutes from 1 to {MAX_TARGET_MINUTES}"),
                other,
            ))
        }
        None => return Err(required("minutes")),
    };
    match rules
        .response_targets
        .iter_mut()
        .find(|row| row.plan == plan && row.severity == severity)
    {
        Some(row) => row.minutes = minutes,
        None => rules
            .response_targets
            .push(crate::engine::policy::tables::ResponseTarget {
                rule: if plan == Plan::Csp {
                    RuleId::Rt2
                } else {
                    RuleId::Rt1
                },
                plan,
                severity,
                minutes,
            }),
    }
    Ok(())
}

fn apply_holidays(rules: &mut Ruleset, raw: &Raw) -> Result<(), InputError> {
    let names: Vec<&str> = Location::ALL.iter().map(|l| l.as_str()).collect();
    let fields = ObjectReader::of(raw, "holidays.", &names)?;
    for location in Location::ALL {
        let Some(list) = fields.list(location.as_str())? else {
            continue;
        };
        at_most(
            &fields.path(location.as_str()),
            list.len(),
            MAX_HOLIDAYS,
            "dates",
        )?;
        let dates = list
            .iter()
            .enumerate()
            .map(|(index, item)| date(&format!("holidays.{location}[{index}]"), item))
            .collect::<Result<Vec<_>, _>>()?;
        if let Some(calendar) = rules.calendars.iter_mut().find(|c| c.location == *location) {
            calendar.holidays = HolidayList::Dates(dates);
        }
    }
    Ok(())
}

fn apply_paths(rules: &mut Ruleset, raw: &Raw) -> Result<(), InputError> {
    let mut known: Vec<&str> = rules.paths.iter().map(|p| p.rule.as_str()).collect();
    known.dedup();
    let Raw::Object(entries) = raw else {
        return Err(InputError::wrong_type(
            "paths",
            "an object keyed by path rule, e.g. \"PTH-1\"",
            raw,
        ));
    };
    ObjectReader::of(raw, "paths.", &known)?;
    for (rule, value) in entries {
        let prefix = format!("paths.{rule}.");
        let fields = ObjectReader::of(value, &prefix, PATH_FIELDS)?;
        let steps = list_of(&fields, "steps", MAX_STEPS, step)?;
        let links = list_of(&fields, "links", MAX_LINKS, link)?;
        // Every route of the rule takes the owner's steps and links.
        for path in rules.paths.iter_mut().filter(|p| p.rule.as_str() == rule) {
            if let Some(steps) = &steps {
                path.owner_steps = true;
                path.steps = steps
                    .iter()
                    .map(|text| Step {
                        text: Cow::Owned(text.clone()),
                        needs_severity: false,
                    })
                    .collect();
            }
            if let Some(links) = &links {
                path.owner_links = true;
                path.links = links.clone();
            }
        }
    }
    Ok(())
}

/// Each item of the list field `name` (at most `limit` of them), read by
/// `item` with its own path.
fn list_of<T>(
    fields: &ObjectReader,
    name: &str,
    limit: usize,
    item: fn(&str, &Raw) -> Result<T, InputError>,
) -> Result<Option<Vec<T>>, InputError> {
    let Some(items) = fields.list(name)? else {
        return Ok(None);
    };
    at_most(&fields.path(name), items.len(), limit, "items")?;
    items
        .iter()
        .enumerate()
        .map(|(index, raw)| item(&format!("{}[{index}]", fields.path(name)), raw))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// A non-empty string of at most `limit` characters, trimmed.
fn text(path: &str, raw: &Raw, limit: usize) -> Result<String, InputError> {
    match raw {
        Raw::Text(text) if !text.trim().is_empty() => not_longer(path, text.trim(), limit),
        Raw::Text(_) => Err(InputError::new(path, "is empty")),
        other => Err(InputError::wrong_type(path, "a string", other)),
    }
}

fn step(path: &str, raw: &Raw) -> Result<String, InputError> {
    text(path, raw, MAX_STEP_CHARS)
}

/// `text` when it has at most `limit` characters.
fn not_longer(path: &str, text: &str, limit: usize) -> Result<String, InputError> {
    let length = text.chars().count();
    if length > limit {
        return Err(InputError::new(
            path,
            format!("is {length} characters long; at most {limit} are allowed"),
        ));
    }
    Ok(text.to_owned())
}

/// An error when a list at `path` has more than `limit` items.
fn at_most(path: &str, count: usize, limit: usize, items: &str) -> Result<(), InputError> {
    if count > limit {
        return Err(InputError::new(
            path,
            format!("has {count} {items}; at most {limit} are allowed"),
        ));
    }
    Ok(())
}

/// A link the widget will show: to an `https:` URL or on the page's own site.
fn link(path: &str, raw: &Raw) -> Result<Link, InputError> {
    let fields = ObjectReader::of(raw, "", LINK_FIELDS).map_err(|error| InputError {
        path: format!(
            "{path}{}{}",
            if error.path.is_empty() { "" } else { "." },
            error.path
        ),
        ..error
    })?;
    let label = text(
        &format!("{path}.label"),
        fields.get("label").unwrap_or(&Raw::Null),
        MAX_LABEL_CHARS,
    )?;
    let url_path = format!("{path}.url");
    let url = text(
        &url_path,
        fields.get("url").unwrap_or(&Raw::Null),
        MAX_URL_CHARS,
    )?;
    let url = resolve_link(&url).map_err(|why| {
        InputError::new(
            &url_path,
            format!(
                "{} is not allowed: it {why}; links must be https:// URLs or paths on this site, e.g. /support",
                quoted_excerpt(&url)
            ),
        )
    })?;
    Ok(Link {
        label: Cow::Owned(label),
        url: Cow::Owned(url),
    })
}

/// A link URL as a browser reads it (the WHATWG URL Standard's basic URL
/// parser, on a page whose URL is `http:` or `https:`), accepted only when it
/// leads to an `https:` URL or stays on the page's own site; it comes back
/// cleaned as the browser would clean it, so that what the widget shows is
/// what was checked.
///
/// Only what decides where a link goes is mirrored, not a whole parser (the
/// `url` crate would add 21 to 65 KB gzip to the widget; README): leading and
/// trailing C0 controls and spaces are trimmed and every tab and newline
/// removed; a scheme is an ASCII letter, then letters, digits, `+`, `-` or
/// `.`, then `:`; in `http:` and `https:` URLs `\` is `/` before the query.
/// So a URL without a scheme keeps the page's host unless its first two
/// characters are slashes or backslashes (`//host`, `/\host`, `\\host`,
/// `/<TAB>/host`), which begin a host name. One with a scheme must be
/// `https://host…` (`https:host` is relative on an `https:` page and
/// absolute on an `http:` one), without a user name or password (a link
/// reading `https://portal.example@other.example` goes to `other.example`),
/// with a port, if any, from 0 to 65535. The host name itself is not
/// checked further (IDNA, IPv4 forms): a browser takes the link to `https:`
/// or, if it cannot read the host, nowhere.
pub fn resolve_link(url: &str) -> Result<String, &'static str> {
    let url: String = url
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let mut bytes = url.into_bytes();
    let at = |bytes: &[u8], from: usize, set: &[u8]| {
        from + bytes[from.min(bytes.len())..]
            .iter()
            .position(|b| set.contains(b))
            .unwrap_or(bytes.len().saturating_sub(from))
    };
    let slashes = |bytes: &[u8], from: usize| {
        from + bytes[from.min(bytes.len())..]
            .iter()
            .take_while(|&&b| b == b'/' || b == b'\\')
            .count()
    };
    // A scheme: a letter, then letters, digits, `+`, `-` or `.`, then `:`.
    let scheme = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || b"+-.".contains(b)))
        .filter(|&end| bytes[0].is_ascii_alphabetic() && bytes[end] == b':');
    match scheme {
        None if bytes.is_empty() => return Err("is nothing but spaces and control characters"),
        None if slashes(&bytes, 0) > 1 => {
            return Err("leads to another site (two slashes at the start begin a host name)")
        }
        None => {}
        Some(end) if !bytes[..end].eq_ignore_ascii_case(b"https") => {
            return Err("has a scheme other than https:")
        }
        Some(end) => {
            let from = slashes(&bytes, end + 1);
            if from < end + 3 {
                return Err("needs // after https:");
            }
            let authority = &bytes[from..at(&bytes, from, b"/\\?#")];
            if authority.contains(&b'@') {
                return Err("has a user name or password before its host name");
            }
            // The host: up to a `:`, or a bracketed IPv6 address.
            let host_end = match authority.first() {
                Some(b'[') => (at(authority, 0, b"]") + 1).min(authority.len()),
                _ => at(authority, 0, b":"),
            };
            if host_end == 0 {
                return Err("has no host name");
            }
            let digits = match authority[host_end..].split_first() {
                Some((b':', digits)) => digits,
                // Anything else after an IPv6 address.
                Some(_) => b"?",
                None => b"",
            };
            let mut port = 0;
            for &digit in digits {
                port = port * 10 + u32::from(digit.wrapping_sub(b'0'));
                if !digit.is_ascii_digit() || port > 65535 {
                    return Err("has a port that is not a number from 0 to 65535");
                }
            }
        }
    }
    // `\` is `/` up to the query or fragment; after them it is itself.
    let end = at(&bytes, 0, b"?#");
    for byte in &mut bytes[..end] {
        if *byte == b'\\' {
            *byte = b'/';
        }
    }
    Ok(String::from_utf8(bytes).unwrap_or_default())
}

/// The shipped vocabulary plus the owner's lists, in the vocabulary format.
fn extra_vocabulary(raw: &Raw) -> Result<Vocabulary, InputError> {
    let Raw::Object(entries) = raw else {
        return Err(InputError::wrong_type(
            "vocabulary",
            "an object of named lists in the vocabulary format, e.g. {\"contoso-en\": \"[billing]\\nPO number\"}",
            raw,
        ));
    };
    at_most("vocabulary", entries.len(), MAX_LISTS, "lists")?;
    let mut vocabulary = crate::engine::classify::shipped().copy();
    let mut phrases = 0;
    for (name, list) in entries {
        at_most(
            "vocabulary",
            name.chars().count(),
            MAX_LIST_NAME_CHARS,
            "characters in a list name",
        )?;
        let path = format!("vocabulary.{name}");
        let Raw::Text(text) = list else {
            return Err(InputError::wrong_type(
                &path,
                "a string in the vocabulary format",
                list,
            ));
        };
        not_longer(&path, text, MAX_LIST_CHARS)?;
        let line_error = |line: usize, message: String| {
            InputError::new(&path, format!("line {line}: {message}"))
        };
        // The phrases as the list reader will take them: every line but
        // blank ones, comments and [headings], without `= weight` and `*`.
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty()
                || line.starts_with('#')
                || line.starts_with('[') && line.ends_with(']')
            {
                continue;
            }
            phrases += 1;
            if phrases > MAX_PHRASES {
                return Err(line_error(
                    number + 1,
                    format!(
                        "phrase {phrases} of the overlay's lists; at most {MAX_PHRASES} are \
                         allowed in all"
                    ),
                ));
            }
            let (phrase, _) = crate::engine::classify::vocabulary::split_weight(line);
            let length = normalize(phrase.trim().trim_matches('*')).chars().count();
            if length > MAX_PHRASE_CHARS {
                return Err(line_error(
                    number + 1,
                    format!(
                        "the phrase {} is {length} characters long; at most {MAX_PHRASE_CHARS} are allowed",
                        quoted_excerpt(phrase)
                    ),
                ));
            }
        }
        vocabulary
            .add_list(name, text)
            .map_err(|error| line_error(error.line, error.message))?;
    }
    Ok(vocabulary)
}
