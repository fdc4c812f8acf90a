//! A portal owner's rules on top of the shipped ones: their response-time
//! table, holiday lists, the steps and links of the paths, and extra
//! vocabulary. The overlay is JSON (a JS object in the browser) validated
//! against the schema in the README; any problem is an error naming its path,
//! and the shipped rules stay in force.

use crate::engine::classify::Vocabulary;
use crate::engine::contract::decision::Link;
use crate::engine::contract::enums::{Location, Plan, Severity};
use crate::engine::contract::raw::{date, quoted_excerpt, InputError, ObjectReader, Raw};
use crate::engine::contract::rule_id::RuleId;
use crate::engine::policy::tables::{Ruleset, Step};
use crate::engine::time::holidays::HolidayList;
use std::borrow::Cow;
use std::sync::Arc;

const OVERLAY_FIELDS: &[&str] = &["id", "response_targets", "holidays", "paths", "vocabulary"];
const TARGET_FIELDS: &[&str] = &["plan", "severity", "minutes"];
const PATH_FIELDS: &[&str] = &["steps", "links"];
const LINK_FIELDS: &[&str] = &["label", "url"];

/// The longest response target an overlay may set: a year of minutes.
const MAX_MINUTES: f64 = 366.0 * 24.0 * 60.0;

impl Ruleset {
    /// These rules with `overlay` applied, or the first problem in it.
    pub fn with_overlay(&self, overlay: &Raw) -> Result<Ruleset, InputError> {
        let fields = ObjectReader::of(overlay, "", OVERLAY_FIELDS)?;
        let mut rules = self.clone();
        let id = match fields.text("id")? {
            Some(id) if !id.trim().is_empty() => id.trim().to_owned(),
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
        Some(other) => {
            return Err(InputError::wrong_type(
                &fields.path("minutes"),
                "a whole number of minutes from 1 to 527040",
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
        let steps = list_of(&fields, "steps", text)?;
        let links = list_of(&fields, "links", link)?;
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

/// Each item of the list field `name`, read by `item` with its own path.
fn list_of<T>(
    fields: &ObjectReader,
    name: &str,
    item: fn(&str, &Raw) -> Result<T, InputError>,
) -> Result<Option<Vec<T>>, InputError> {
    let Some(items) = fields.list(name)? else {
        return Ok(None);
    };
    items
        .iter()
        .enumerate()
        .map(|(index, raw)| item(&format!("{}[{index}]", fields.path(name)), raw))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn text(path: &str, raw: &Raw) -> Result<String, InputError> {
    match raw {
        Raw::Text(text) if !text.trim().is_empty() => Ok(text.trim().to_owned()),
        Raw::Text(_) => Err(InputError::new(path, "is empty")),
        other => Err(InputError::wrong_type(path, "a string", other)),
    }
}

/// A link the widget will show: http(s) or relative, never a script URL.
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
    )?;
    let url = text(
        &format!("{path}.url"),
        fields.get("url").unwrap_or(&Raw::Null),
    )?;
    let lower = url.to_ascii_lowercase();
    let safe = lower.starts_with("https://")
        || lower.starts_with("http://")
        || (url.starts_with('/') && !url.starts_with("//"));
    if !safe {
        return Err(InputError::new(
            format!("{path}.url"),
            format!(
                "{} is not allowed; links must start with https://, http:// or /",
                quoted_excerpt(&url)
            ),
        ));
    }
    Ok(Link {
        label: Cow::Owned(label),
        url: Cow::Owned(url),
    })
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
    let mut vocabulary = Vocabulary::shipped();
    for (name, list) in entries {
        let path = format!("vocabulary.{name}");
        let Raw::Text(text) = list else {
            return Err(InputError::wrong_type(
                &path,
                "a string in the vocabulary format",
                list,
            ));
        };
        vocabulary.add_list(name, text).map_err(|error| {
            InputError::new(&path, format!("line {}: {}", error.line, error.message))
        })?;
    }
    Ok(vocabulary)
}
