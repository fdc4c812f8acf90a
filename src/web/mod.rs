//! The browser layer (wasm32 only): the Leptos widget and the browser's
//! answers to the engine's questions (time zones, the current time). The
//! widget's logic lives in [`crate::widget`]; this layer renders it.

pub mod api;
pub mod browser;
pub mod card;
pub mod element;
pub mod form;
pub mod locales;
pub mod zones;

use crate::engine::{decide, Decision, InputError, Ruleset};
use crate::widget::answers::Answers;
use crate::widget::i18n::UiLang;
use chrono::{DateTime, DurationRound, TimeDelta, Utc};
use element::Rules;
use leptos::prelude::*;
use std::time::Duration;
use zones::IntlZones;

thread_local! {
    static ZONES: IntlZones = IntlZones::default();
    static RULESET: Ruleset = Ruleset::shipped();
}

/// Runs `f` with the shipped rules and the browser's zone data.
pub fn with_engine<T>(f: impl FnOnce(&Ruleset, &IntlZones) -> T) -> T {
    ZONES.with(|zones| RULESET.with(|ruleset| f(ruleset, zones)))
}

/// Decides a validated case with `ruleset` and the browser's zone data.
pub fn decide_with(
    ruleset: &Ruleset,
    case: &crate::engine::Case,
    now: DateTime<Utc>,
) -> Result<Decision, InputError> {
    ZONES.with(|zones| decide(case, now, ruleset, zones))
}

/// Starts the module: defines `<support-triage>`, whose elements mount the
/// widget. The classifier's vocabulary is fetched once the page has painted.
pub fn start() {
    // Panic messages in the console while developing; a release build
    // aborts on panic and spares the hook's formatting code.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    if web_sys::window()
        .and_then(|window| window.document())
        .is_none()
    {
        return; // a worker or Node: the JavaScript API alone
    }
    element::define();
    // The classifier's vocabulary arrives after the first paint.
    set_timeout(
        || {
            wasm_bindgen_futures::spawn_local(async {
                if let Err(problem) = locales::load_vocabulary().await {
                    web_sys::console::warn_1(&format!("<support-triage>: {problem}").into());
                }
            })
        },
        Duration::from_millis(300),
    );
}

/// The current instant, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// How a widget is placed on its page.
#[derive(Clone)]
pub struct Embedding {
    /// The `<support-triage>` element, which dispatches `triage-change`.
    pub host: Option<web_sys::HtmlElement>,
    /// Whether the answers live in the page URL and a local draft.
    pub sync_url: bool,
    /// The interface language the host page asks for.
    pub ui: Option<UiLang>,
    /// Answers the host page presets (the element's attributes).
    pub presets: Answers,
    pub rules: RwSignal<Rules>,
}

impl Default for Embedding {
    fn default() -> Self {
        Embedding {
            host: None,
            sync_url: true,
            ui: None,
            presets: Answers::default(),
            rules: RwSignal::new(Rules::shipped()),
        }
    }
}

/// The answers a visitor starts with: the host page's presets on fresh
/// answers from the browser's zone and language, then (when the widget owns
/// the URL) the page URL's answers, else the saved draft.
pub fn initial_answers(embedding: &Embedding) -> Answers {
    let languages = browser::languages();
    let mut fresh = Answers::new(
        &browser::time_zone(),
        languages.first().map_or("en", String::as_str),
    );
    let lang = embedding
        .ui
        .unwrap_or_else(|| UiLang::from_browser(&languages));
    fresh.set("locale", lang.code());
    fresh.merge(&embedding.presets);
    if !embedding.sync_url {
        return fresh;
    }
    let query = browser::query();
    let saved = if query.is_empty() {
        browser::draft().unwrap_or_default()
    } else {
        query
    };
    Answers::from_query(&saved, fresh)
}

/// Tells the host page about a new decision: a `triage-change` event
/// carrying it in the contract's shape.
fn announce(host: &web_sys::HtmlElement, decision: &Decision) {
    let Ok(detail) = api::to_js(decision) else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("triage-change", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The whole widget: the description, the questions still needed, and the
/// answer card, all updated on every change.
#[component]
pub fn App(#[prop(optional)] embedding: Option<Embedding>) -> impl IntoView {
    let embedding = embedding.unwrap_or_default();
    let answers = RwSignal::new(initial_answers(&embedding));
    // The interface language is the case's `locale`: remembered with the
    // answers, and the language of the engine's texts too.
    let ui = RwSignal::new(
        answers
            .with_untracked(|a| a.get("locale").and_then(UiLang::parse))
            .unwrap_or(UiLang::ENGLISH),
    );
    let language_failed = RwSignal::new(false);
    let language_loading = RwSignal::new(false);
    Effect::new(move |_| {
        let lang = ui.get();
        answers.update(|a| {
            a.set("locale", lang.code());
        });
        if lang.is_loaded() {
            language_failed.set(false);
            return;
        }
        language_loading.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = locales::load(lang).await;
            language_loading.set(false);
            match loaded {
                // Its words replace English's everywhere, the engine's too.
                Ok(()) => ui.update(|_| ()),
                Err(problem) => {
                    web_sys::console::warn_1(&format!("<support-triage>: {problem}").into());
                    language_failed.set(true);
                }
            }
        });
    });
    let rules = embedding.rules;
    let now = RwSignal::new(now());
    set_interval(move || now.set(self::now()), Duration::from_secs(1));
    // The decision follows the answers, the rules and the minute; the
    // countdown follows the second.
    let minute = Memo::new(move |_| {
        now.get()
            .duration_trunc(TimeDelta::minutes(1))
            .unwrap_or_else(|_| now.get())
    });
    // No decision before the product is answered; the engine's own
    // validation otherwise, so an error names the field to correct.
    let decision = Memo::new(move |_| {
        // Decided again once the vocabulary arrives: the text then speaks.
        locales::vocabulary_ready();
        let case = answers.with(Answers::to_case)?;
        Some(case.and_then(|case| rules.with(|r| decide_with(&r.ruleset, &case, minute.get()))))
    });
    if embedding.sync_url {
        Effect::new(move |_| browser::remember(&answers.with(Answers::to_query)));
    }
    if let Some(host) = embedding.host.clone() {
        Effect::new(move |_| {
            decision.with(|d| {
                if let Some(Ok(decision)) = d {
                    announce(&host, decision);
                }
            })
        });
    }
    let texts = move || ui.get().texts();
    let problem = move || rules.with(|r| r.problem.clone());
    let card_ready = RwSignal::new(false);
    set_timeout(move || card_ready.set(true), Duration::ZERO);
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
                        {UiLang::all()
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
            <p class="triage-owner-note" role="status" hidden=move || problem().is_none()>
                // The details are on the console, for the site owner.
                {move || problem().map(|_| texts().owner_rules_problem)}
            </p>
            <p
                class="triage-language-note"
                role="status"
                hidden=move || !language_failed.get() && !language_loading.get()
            >
                {move || match language_failed.get() {
                    true => texts().language_fallback,
                    false => texts().loading_language,
                }}
            </p>
            <p class="triage-intro">{move || texts().intro}</p>
            <div class="triage-layout">
                <form::Form answers ui decision rules />
                // The card follows in the next browser task: starting stays short.
                <Show when=move || card_ready.get()>
                    <card::AnswerCard answers ui decision now />
                </Show>
            </div>
        </div>
    }
}
