//! The browser layer (wasm32 only): the Leptos widget and the browser's
//! answers to the engine's questions (time zones, the current time). The
//! widget's logic lives in [`crate::widget`]; this layer renders it.

pub mod api;
pub mod browser;
pub mod card;
pub mod form;
pub mod zones;

use crate::engine::{decide, Decision, InputError, Ruleset};
use crate::widget::answers::Answers;
use crate::widget::i18n::UiLang;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::JsCast;
use zones::IntlZones;

thread_local! {
    static ZONES: IntlZones = IntlZones::default();
    static RULESET: Ruleset = Ruleset::shipped();
}

/// Decides a case with the shipped rules and the browser's zone data.
pub fn decide_here(case: &crate::engine::Case, now: DateTime<Utc>) -> Result<Decision, InputError> {
    ZONES.with(|zones| RULESET.with(|ruleset| decide(case, now, ruleset, zones)))
}

/// Runs `f` with the shipped rules and the browser's zone data.
pub fn with_engine<T>(f: impl FnOnce(&Ruleset, &IntlZones) -> T) -> T {
    ZONES.with(|zones| RULESET.with(|ruleset| f(ruleset, zones)))
}

/// Mounts the widget into the page's `#support-triage` element, or its body,
/// when there is a page (the module also loads in workers and Node, for its
/// JavaScript API alone).
pub fn mount() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let host = document
        .get_element_by_id("support-triage")
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.body());
    if let Some(host) = host {
        // Mount in a task of its own, after the module's instantiation, so
        // that neither blocks the host page for long.
        set_timeout(
            move || std::mem::forget(leptos::mount::mount_to(host, App)),
            Duration::ZERO,
        );
        // Build the vocabulary once the page is idle, not on the first keystroke.
        set_timeout(
            || {
                crate::engine::classify::shipped();
            },
            Duration::from_millis(300),
        );
    }
}

/// The current instant, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The answers a visitor starts with: the page URL's, else the saved draft,
/// else fresh ones from the browser's zone and language.
pub fn initial_answers() -> Answers {
    let languages = browser::languages();
    let fresh = Answers::new(
        &browser::time_zone(),
        languages.first().map_or("en", String::as_str),
    );
    let query = browser::query();
    let saved = if query.is_empty() {
        browser::draft().unwrap_or_default()
    } else {
        query
    };
    Answers::from_query(&saved, fresh)
}

/// The whole widget: the description, the questions still needed, and the
/// answer card, all updated on every change.
#[component]
pub fn App() -> impl IntoView {
    let ui = RwSignal::new(UiLang::from_browser(&browser::languages()));
    let answers = RwSignal::new(initial_answers());
    let now = RwSignal::new(now());
    set_interval(move || now.set(self::now()), Duration::from_secs(1));
    // The decision follows the answers and the minute; the countdown follows the second.
    let minute = Memo::new(move |_| {
        now.get()
            .duration_trunc(TimeDelta::minutes(1))
            .unwrap_or_else(|_| now.get())
    });
    let decision = Memo::new(move |_| {
        let case = answers.with(Answers::to_case)?;
        Some(decide_here(&case, minute.get()))
    });
    Effect::new(move |_| browser::remember(&answers.with(Answers::to_query)));
    let texts = move || ui.get().texts();
    view! {
        <div class="support-triage" lang=move || ui.get().code() data-ready="true">
            <header class="triage-header">
                <h1>{move || texts().title}</h1>
                <label class="triage-page-language">
                    <span>{move || texts().page_language}</span>
                    <select on:change=move |event| {
                        if let Some(lang) = UiLang::parse(&event_target_value(&event)) {
                            ui.set(lang);
                        }
                    }>
                        {UiLang::ALL
                            .into_iter()
                            .map(|lang| {
                                view! {
                                    <option value=lang.code() selected=move || ui.get() == lang>
                                        {lang.name()}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </label>
            </header>
            <p class="triage-intro">{move || texts().intro}</p>
            <div class="triage-layout">
                <form::Form answers ui decision />
                <card::AnswerCard answers ui decision now />
            </div>
        </div>
    }
}
