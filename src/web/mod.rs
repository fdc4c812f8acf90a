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
use crate::widget::{assumptions, headline, Outcome, Readable};
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
    /// Whether the answers live in the page URL's fragment and a local draft.
    pub sync_url: bool,
    /// Answers the host page presets (the element's attributes, its `lang`
    /// as the interface and support language); they change with them.
    pub presets: RwSignal<Answers>,
    pub rules: RwSignal<Rules>,
}

impl Default for Embedding {
    fn default() -> Self {
        Embedding {
            host: None,
            sync_url: true,
            presets: RwSignal::new(Answers::default()),
            rules: RwSignal::new(Rules::shipped()),
        }
    }
}

/// Answers before the visitor says anything: the browser's zone and
/// language proposed, the interface language the visitor last chose (else
/// the browser's), then the host page's presets.
pub fn fresh_answers(presets: &Answers) -> Answers {
    let languages = browser::languages();
    let mut fresh = Answers::new(
        &browser::time_zone(),
        languages.first().map_or("en", String::as_str),
    );
    let lang = browser::chosen_language()
        .and_then(|tag| UiLang::parse(&tag))
        .unwrap_or_else(|| UiLang::from_browser(&languages));
    fresh.set("locale", lang.code());
    fresh.merge(presets);
    fresh
}

/// The answers a visitor starts with: fresh ones, then (when the widget owns
/// the URL) the link's answers, else the saved draft.
pub fn initial_answers(presets: &Answers, sync_url: bool) -> Answers {
    let fresh = fresh_answers(presets);
    if !sync_url {
        return fresh;
    }
    let link = browser::link_answers();
    let saved = if link.is_empty() {
        browser::draft().unwrap_or_default()
    } else {
        link
    };
    Answers::from_fragment(&saved, fresh)
}

/// The interface language: the case's `locale`, remembered with the
/// answers, and the language of the engine's texts too.
pub fn interface_language(answers: &Answers) -> UiLang {
    answers
        .get("locale")
        .and_then(UiLang::parse)
        .unwrap_or(UiLang::ENGLISH)
}

/// Tells the host page about a new decision: a `triage-change` event
/// carrying it in the contract's shape, with its words beside the codes
/// (`readable`).
fn announce(host: &web_sys::HtmlElement, decision: &Decision, readable: &Readable) {
    let Ok(detail) = api::to_js(decision) else {
        return;
    };
    // Set field by field: a serde serializer per struct costs the widget bytes.
    let words = js_sys::Object::new();
    for (name, value) in readable.fields() {
        let value = value.map_or(wasm_bindgen::JsValue::NULL, wasm_bindgen::JsValue::from_str);
        let _ = js_sys::Reflect::set(&words, &name.into(), &value);
    }
    let _ = js_sys::Reflect::set(&detail, &"readable".into(), &words);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("triage-change", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// The outcome for the answers, and the moment it was decided for.
#[derive(Clone, Debug, PartialEq)]
pub struct Decided {
    pub outcome: Outcome,
    /// "If you file now": the instant the deadline is computed from. It
    /// moves only when the answers change or the visitor asks, never
    /// because time passed.
    pub at: DateTime<Utc>,
}

pub type DecidedMemo = Memo<Decided>;

/// The due time on the visitor's own clock (the browser's zone, whatever
/// zone a shared link carried) and on the support calendar's, formatted.
pub fn due_texts(decision: &Decision, lang: UiLang) -> Option<(String, Option<String>)> {
    let response = decision.response.as_ref()?;
    let due = response.due?;
    let locale = lang.code();
    let own_zone = browser::time_zone();
    let yours = browser::format_instant(due, &own_zone, locale);
    let theirs = (response.time_zone != own_zone)
        .then(|| browser::format_instant(due, &response.time_zone, locale));
    Some((yours, theirs))
}

/// Runs the latest of several calls after a delay; earlier ones are
/// dropped (a settled announcement, a message that clears itself).
#[derive(Clone, Copy)]
pub struct Debounce(StoredValue<u32>);

impl Default for Debounce {
    fn default() -> Self {
        Debounce(StoredValue::new(0))
    }
}

impl Debounce {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn run_after(self, delay: Duration, f: impl FnOnce() + 'static) {
        self.0.update_value(|calls| *calls += 1);
        let mine = self.0.get_value();
        set_timeout(
            move || {
                if self.0.get_value() == mine {
                    f();
                }
            },
            delay,
        );
    }
}

/// How long typing pauses before the description is decided: short enough
/// that suggestions follow a sentence, long enough to skip most keystrokes.
pub const TYPING_PAUSE_MS: u64 = 150;

/// The whole widget: the description, the questions still needed, and the
/// answer card.
#[component]
pub fn App(#[prop(optional)] embedding: Option<Embedding>) -> impl IntoView {
    let embedding = embedding.unwrap_or_default();
    let answers = RwSignal::new(
        embedding
            .presets
            .with_untracked(|presets| initial_answers(presets, embedding.sync_url)),
    );
    let presets = embedding.presets;
    let ui = RwSignal::new(answers.with_untracked(interface_language));
    // A host page's new `lang` arrives through the answers.
    Effect::new(move |_| {
        let asked = answers.with(|a| a.get("locale").and_then(UiLang::parse));
        if let Some(lang) = asked.filter(|lang| *lang != ui.get_untracked()) {
            ui.set(lang);
        }
    });
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
    // Attribute changes on the host page: the fields whose presets changed
    // take the new values; the visitor's other answers stay.
    Effect::new(move |previous: Option<Answers>| {
        let current = presets.get();
        if let Some(previous) = previous {
            answers.update(|a| {
                for (field, value) in previous.iter() {
                    if current.get(field).is_none() && a.get(field) == Some(value) {
                        a.remove(field);
                    }
                }
                for (field, value) in current.iter() {
                    if previous.get(field) != Some(value) {
                        a.set(field, value);
                    }
                }
            });
        }
        current
    });
    // The answers as decided: the same as the visitor's, except that a
    // description being typed is taken when typing pauses, so that no
    // keystroke waits on the classifier and the decision. Any other answer
    // is taken at once, with the text typed so far.
    let settled = RwSignal::new(answers.get_untracked());
    let typing = Debounce::new();
    Effect::new(move |_| {
        let current = answers.get();
        if settled.with_untracked(|s| s.differs_only_in(&current, "description")) {
            typing.run_after(Duration::from_millis(TYPING_PAUSE_MS), move || {
                settled.set(answers.get_untracked())
            });
        } else {
            settled.set(current);
        }
    });
    let rules = embedding.rules;
    // Pressing "recalculate for now" moves the moment decided for.
    let recalculated = RwSignal::new(0u32);
    // The first decision and the card wait for the browser task after the
    // form's: starting stays short enough not to hold the host page.
    let card_ready = RwSignal::new(false);
    set_timeout(move || card_ready.set(true), Duration::ZERO);
    // No decision before the product is answered; a refused answer is set
    // aside and shown at its field.
    let decided = Memo::new(move |_| {
        if !card_ready.get() {
            return Decided {
                outcome: Outcome::default(),
                at: now(),
            };
        }
        // Decided again once the vocabulary arrives: the text then speaks.
        locales::vocabulary_ready();
        recalculated.track();
        // Whole minutes: the due times a host page receives read cleanly.
        let at = now()
            .duration_trunc(TimeDelta::minutes(1))
            .unwrap_or_else(|_| now());
        let outcome = answers
            .with(|a| rules.with(|r| Outcome::of(a, |case| decide_with(&r.ruleset, case, at))));
        Decided { outcome, at }
    });
    // The countdown follows the clock; nothing else does.
    let clock = RwSignal::new(now());
    set_interval(move || clock.set(self::now()), Duration::from_secs(15));
    let assumed = Memo::new(move |_| {
        decided.with(|d| {
            let Some(decision) = &d.outcome.decision else {
                return Vec::new();
            };
            settled.with(|a| {
                rules.with(|r| {
                    assumptions(a, decision, |other| {
                        Outcome::of(other, |case| decide_with(&r.ruleset, case, d.at)).decision
                    })
                })
            })
        })
    });
    if embedding.sync_url {
        Effect::new(move |_| browser::remember(&answers.with(Answers::to_fragment)));
    }
    // The headline: what a screen reader hears and a phone's bar shows.
    let headline = Memo::new(move |_| {
        let lang = ui.get();
        decided.with(|d| {
            d.outcome.decision.as_ref().map(|decision| {
                let due = due_texts(decision, lang).map(|(yours, _)| yours);
                headline(lang.texts(), decision, due.as_deref())
            })
        })
    });
    if let Some(host) = embedding.host.clone() {
        Effect::new(move |_| {
            let lang = ui.get();
            decided.with(|d| {
                if let Some(decision) = &d.outcome.decision {
                    let (due, due_support) = due_texts(decision, lang).unzip();
                    let readable =
                        Readable::new(lang.texts(), decision, due, due_support.flatten());
                    announce(&host, decision, &readable);
                }
            })
        });
    }
    // Announced once the answer has settled: a second after the last
    // change, so typing a sentence is announced once, not per keystroke.
    let announced = RwSignal::new(String::new());
    let settle = Debounce::new();
    Effect::new(move |_| {
        let text = headline.get().unwrap_or_default();
        settle.run_after(Duration::from_millis(1000), move || announced.set(text));
    });
    let texts = move || ui.get().texts();
    let problem = move || rules.with(|r| r.problem.clone());
    let card_heading = NodeRef::<leptos::html::H2>::new();
    let to_card = move |_| {
        if let Some(heading) = card_heading.get_untracked() {
            heading.scroll_into_view();
            let _ = heading.focus();
        }
    };
    view! {
        <div class="support-triage" lang=move || ui.get().code() data-ready="true">
            <header class="triage-header">
                <h1>{move || texts().title}</h1>
                <label class="triage-page-language">
                    <span>{move || texts().page_language}</span>
                    <select on:change=move |event| {
                        if let Some(lang) = UiLang::parse(&event_target_value(&event)) {
                            browser::choose_language(lang.code());
                            ui.set(lang);
                        }
                    }>
                        {UiLang::all()
                            .map(|lang| {
                                view! {
                                    <option value=lang.code() prop:selected=move || ui.get() == lang>
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
            // The one live region: a sentence per settled change of the answer.
            <p class="triage-live" role="status" aria-live="polite" aria-atomic="true">
                {move || announced.get()}
            </p>
            <div class="triage-layout">
                <form::Form answers settled ui decided rules assumed />
                <Show when=move || card_ready.get()>
                    <card::AnswerCard answers ui decided clock assumed presets recalculated card_heading />
                </Show>
            </div>
            // On a phone the card is below the form: this bar keeps the
            // answer in sight while typing, and goes to it.
            <button
                type="button"
                class="triage-bar"
                hidden=move || headline.with(Option::is_none)
                on:click=to_card
            >
                <span class="triage-bar-text">{move || headline.get().unwrap_or_default()}</span>
                <span class="triage-bar-go">{move || texts().see_answer}</span>
            </button>
        </div>
    }
}
