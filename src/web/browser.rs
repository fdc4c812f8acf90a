//! What the widget asks of the browser: its zone and languages, the page
//! URL and local storage (so answers survive a reload and can be shared),
//! the clipboard, and dates formatted for the visitor's locale.

use chrono::{DateTime, Utc};
use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

const DRAFT_KEY: &str = "support-triage:draft";
const LANGUAGE_KEY: &str = "support-triage:language";

/// The browser's IANA time zone, UTC when it will not say.
pub fn time_zone() -> String {
    temporal_time_zone()
        .or_else(|| {
            super::zones::resolved_zone(&Intl::DateTimeFormat::new(&Array::new(), &Object::new()))
        })
        .unwrap_or_else(|| "UTC".into())
}

/// `Temporal.Now.timeZoneId()`, where the browser has Temporal: it answers
/// at once, while the first `Intl` object of a page costs 15–20 ms (its
/// locale data), which the widget's start must not pay.
fn temporal_time_zone() -> Option<String> {
    let temporal = Reflect::get(&js_sys::global(), &"Temporal".into()).ok()?;
    let now = Reflect::get(&temporal, &"Now".into()).ok()?;
    let zone_id: js_sys::Function = Reflect::get(&now, &"timeZoneId".into())
        .ok()?
        .dyn_into()
        .ok()?;
    // A named zone; an offset (`+09:00`, a machine set to one) is left to
    // `Intl`, which names it (`Etc/GMT-9`).
    zone_id
        .call0(&now)
        .ok()?
        .as_string()
        .filter(|zone| zone.contains('/') || zone == "UTC")
}

/// The visitor's preferred languages, best first.
pub fn languages() -> Vec<String> {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return vec!["en".into()];
    };
    let list: Vec<String> = navigator
        .languages()
        .iter()
        .filter_map(|language| language.as_string())
        .collect();
    if list.is_empty() {
        navigator.language().into_iter().collect()
    } else {
        list
    }
}

/// The answers a link carries: the page URL's fragment, without the `#`;
/// an older link's query when there is no fragment (it is moved to the
/// fragment by the next [`remember`]).
pub fn link_answers() -> String {
    let Some(location) = web_sys::window().map(|window| window.location()) else {
        return String::new();
    };
    let fragment = location.hash().unwrap_or_default();
    let fragment = fragment.trim_start_matches('#');
    if !fragment.is_empty() {
        return fragment.to_owned();
    }
    location
        .search()
        .unwrap_or_default()
        .trim_start_matches('?')
        .to_owned()
}

/// Puts the answers in the page URL's fragment (no new history entry; any
/// query dropped) and in the local draft. A fragment never leaves the
/// browser: not with a reload, a shared link or the page's own requests.
pub fn remember(fragment: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = if fragment.is_empty() {
        path
    } else {
        format!("{path}#{fragment}")
    };
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
    }
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = if fragment.is_empty() {
            storage.remove_item(DRAFT_KEY)
        } else {
            storage.set_item(DRAFT_KEY, fragment)
        };
    }
}

/// The interface language the visitor last chose, on this site.
pub fn chosen_language() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(LANGUAGE_KEY)
        .ok()?
}

/// Remembers the visitor's choice of interface language (not what they
/// typed: that stays in the page's fragment and draft only).
pub fn choose_language(tag: &str) {
    if let Some(Ok(Some(storage))) = web_sys::window().map(|window| window.local_storage()) {
        let _ = storage.set_item(LANGUAGE_KEY, tag);
    }
}

/// The saved draft, if any.
pub fn draft() -> Option<String> {
    web_sys::window()?
        .local_storage()
        .ok()??
        .get_item(DRAFT_KEY)
        .ok()?
        .filter(|draft| !draft.is_empty())
}

/// Copies text to the clipboard; the browser may refuse, silently.
pub fn copy_to_clipboard(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}

/// An instant as a short local date and time in `zone`, in the visitor's
/// locale: "Mon, 24 Nov, 10:00" or "11月24日(月) 10:00".
pub fn format_instant(at: DateTime<Utc>, zone: &str, locale: &str) -> String {
    let parts = [
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "short"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
    ];
    format_with(at, zone, locale, &parts)
}

/// An instant as a time of day in `zone`: "16:30".
pub fn format_time(at: DateTime<Utc>, zone: &str, locale: &str) -> String {
    let parts = [
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("hourCycle", "h23"),
    ];
    format_with(at, zone, locale, &parts)
}

/// A calendar date: "Mon, 23 Nov" or "11月23日(月)".
pub fn format_date(date: chrono::NaiveDate, locale: &str) -> String {
    // Noon UTC of the date, shown in UTC: the same date everywhere.
    let noon = date
        .and_hms_opt(12, 0, 0)
        .map(|at| at.and_utc())
        .unwrap_or_default();
    let parts = [("weekday", "short"), ("day", "numeric"), ("month", "short")];
    format_with(noon, "UTC", locale, &parts)
}

/// `at` through `Intl.DateTimeFormat` with these options; RFC 3339 when the
/// browser will not format it.
fn format_with(at: DateTime<Utc>, zone: &str, locale: &str, parts: &[(&str, &str)]) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"timeZone".into(), &zone.into());
    for (key, value) in parts {
        let _ = Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    let locales = Array::of1(&JsValue::from_str(locale));
    let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let format = Intl::DateTimeFormat::new(&locales, &options).format();
    format
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
}

/// A duration in words through the browser's `Intl`: `DurationFormat`
/// ("2 hours, 30 minutes", "2時間30分") where the browser has it, else
/// `NumberFormat` with units; `None` when neither answers.
pub fn format_duration(minutes: i64, locale: &str) -> Option<String> {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let locales = Array::of1(&JsValue::from_str(locale));
    let duration_format = Reflect::get(&intl, &"DurationFormat".into()).ok()?;
    if let Ok(constructor) = duration_format.dyn_into::<js_sys::Function>() {
        let options = Object::new();
        let _ = Reflect::set(&options, &"style".into(), &"long".into());
        let formatter = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
        let duration = Object::new();
        if hours > 0 {
            let _ = Reflect::set(&duration, &"hours".into(), &(hours as f64).into());
        }
        if rest > 0 || hours == 0 {
            let _ = Reflect::set(&duration, &"minutes".into(), &(rest as f64).into());
        }
        let format: js_sys::Function = Reflect::get(&formatter, &"format".into())
            .ok()?
            .dyn_into()
            .ok()?;
        return format.call1(&formatter, &duration).ok()?.as_string();
    }
    let unit = |unit: &str, value: i64| -> Option<String> {
        let options = Object::new();
        for (key, text) in [("style", "unit"), ("unit", unit), ("unitDisplay", "long")] {
            let _ = Reflect::set(&options, &key.into(), &text.into());
        }
        Intl::NumberFormat::new(&locales, &options)
            .format()
            .call1(&JsValue::NULL, &JsValue::from_f64(value as f64))
            .ok()?
            .as_string()
    };
    match (hours, rest) {
        (0, minutes) => unit("minute", minutes),
        (hours, 0) => unit("hour", hours),
        (hours, minutes) => Some(format!(
            "{} {}",
            unit("hour", hours)?,
            unit("minute", minutes)?
        )),
    }
}

/// The browser's time zones (`Intl.supportedValuesOf("timeZone")`), for the
/// zone picker; empty where the browser cannot list them.
pub fn time_zones() -> Vec<String> {
    let Ok(intl) = Reflect::get(&js_sys::global(), &"Intl".into()) else {
        return Vec::new();
    };
    let Ok(supported) = Reflect::get(&intl, &"supportedValuesOf".into()) else {
        return Vec::new();
    };
    let Ok(supported) = supported.dyn_into::<js_sys::Function>() else {
        return Vec::new();
    };
    supported
        .call1(&JsValue::NULL, &"timeZone".into())
        .ok()
        .and_then(|list| list.dyn_into::<Array>().ok())
        .map(|list| list.iter().filter_map(|zone| zone.as_string()).collect())
        .unwrap_or_default()
}

/// Saves `text` as a file the visitor downloads, made in the browser.
pub fn download(file_name: &str, mime: &str, text: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &url);
        let _ = link.set_attribute("download", file_name);
        if let Some(link) = link.dyn_ref::<web_sys::HtmlElement>() {
            link.click();
        }
    }
    // Revoked once the download has started, not before.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
}

/// Resolves in a later browser task: long work awaits it between parts, so
/// that the page can paint and answer its visitor meanwhile.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Fetches a URL; an answer other than 2xx is an error saying which.
pub async fn fetch(url: &str) -> Result<web_sys::Response, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(|_| "could not be fetched".to_owned())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("answered HTTP {}", response.status()));
    }
    Ok(response)
}
