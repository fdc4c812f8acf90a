//! The left side of the widget: the description box with live suggestions,
//! then exactly the questions the engine lists for this decision
//! (`crate::widget::questions`).
//!
//! Every question has a slot, shown while the engine asks it, so nothing
//! moves under the visitor's focus; each is rendered by one function per
//! kind of control from a plain `Question` value: every distinct closure
//! type would be compiled into the wasm again, and a keyed list would cost
//! more than the slots.

use super::element::Rules;
use crate::engine::classify::Classification;
use crate::engine::contract::enums::CategorySource;
use crate::engine::{Decision, InputError};
use crate::widget::answers::{error_field, Answers};
use crate::widget::error_words;
use crate::widget::i18n::{Texts, UiLang};
use crate::widget::questions::{asked, Control, Question, QUESTIONS};
use leptos::prelude::*;

type DecisionMemo = Memo<Option<Result<Decision, InputError>>>;

#[component]
pub fn Form(
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    decision: DecisionMemo,
    rules: RwSignal<Rules>,
) -> impl IntoView {
    let texts = move || ui.get().texts();
    // What the text says: the decision already read it when there is one;
    // only before a product is chosen does the form read it itself.
    let text = Memo::new(move |_| {
        // Read again once the vocabulary arrives.
        super::locales::vocabulary_ready();
        decision.with(|d| match d {
            Some(Ok(decision)) => Classification {
                suggestions: decision.suggestions.clone(),
                signals: decision.signals.clone(),
                confident: (decision.category_source == CategorySource::Text)
                    .then_some(decision.category),
            },
            _ => answers.with(|a| {
                let description = a.get("description").unwrap_or_default();
                // A blank box needs no vocabulary.
                if description.trim().is_empty() {
                    Classification::default()
                } else {
                    rules.with(|r| r.ruleset.classify(description))
                }
            }),
        })
    });
    // Exactly what the engine asks; while it refuses an answer, what it
    // asked last, with the field in error.
    let questions = Memo::new(move |previous: Option<&Vec<&'static str>>| {
        decision.with(|d| asked(d.as_ref(), previous.map(Vec::as_slice)))
    });
    // The questions are rendered a few at a time, one browser task each, so
    // that starting the widget never blocks the host page for long.
    let rendered = RwSignal::new(0);
    render_in_steps(rendered, QUESTIONS.len());
    let error = Memo::new(move |_| {
        decision.with(|d| match d {
            Some(Err(error)) => Some((
                error_field(error).to_owned(),
                error_words(ui.get().texts(), error).to_owned(),
            )),
            _ => None,
        })
    });
    view! {
        <div class="triage-form">
            <label class="triage-describe">
                <span id="triage-describe-label" class="triage-question">{move || texts().describe}</span>
                <span class="triage-hint">{move || texts().describe_hint}</span>
                <textarea
                    name="description"
                    rows="5"
                    // The engine's limit: longer text cannot be typed or pasted.
                    maxlength=crate::engine::contract::fields::find("description")
                        .and_then(|field| field.limit)
                        .map(|limit| limit.to_string())
                    prop:value=move || answers.with(|a| a.get("description").unwrap_or_default().to_owned())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        answers.update(|a| {
                            a.set("description", &value);
                        });
                    }
                ></textarea>
            </label>
            <div class="triage-suggestions" role="group" aria-label=move || texts().looks_like>
                {move || {
                    text.with(|t| {
                        (!t.suggestions.is_empty())
                            .then(|| view! { <span class="triage-hint">{texts().looks_like}</span> })
                    })
                }}
                {move || {
                    text.with(|t| {
                        t.suggestions
                            .iter()
                            .take(3)
                            .map(|suggestion| suggestion_chip(suggestion, answers, texts()))
                            .collect_view()
                    })
                }}
            </div>
            <h2 class="triage-subheading">{move || texts().questions}</h2>
            {QUESTIONS
                .iter()
                .enumerate()
                .map(|(index, question)| {
                    let name = question.name;
                    let shown = move || questions.with(|list| list.contains(&name));
                    let problem = move || {
                        error
                            .with(|e| {
                                e.as_ref()
                                    .filter(|(field, _)| field == name)
                                    .map(|(_, message)| message.clone())
                            })
                    };
                    let ready = move || rendered.get() > index;
                    view! {
                        <div class="triage-slot" data-field=name hidden=move || !shown()>
                            <Show when=ready>
                                {control(question, answers, ui, problem)}
                                <p class="triage-error" role="alert" hidden=move || problem().is_none()>
                                    {move || problem().unwrap_or_default()}
                                </p>
                            </Show>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// Raises `rendered` by a few, once per browser task, up to `total`.
fn render_in_steps(rendered: RwSignal<usize>, total: usize) {
    const STEP: usize = 3;
    set_timeout(
        move || {
            let next = (rendered.get_untracked() + STEP).min(total);
            rendered.set(next);
            if next < total {
                render_in_steps(rendered, total);
            }
        },
        std::time::Duration::ZERO,
    );
}

fn suggestion_chip(
    suggestion: &crate::engine::classify::Suggestion,
    answers: RwSignal<Answers>,
    t: &'static Texts,
) -> impl IntoView {
    let pick = suggestion.category.as_str();
    let percent = (suggestion.score * 100.0).round() as u32;
    view! {
        <button
            type="button"
            class="triage-chip"
            aria-pressed=move || (answers.with(|a| a.get("category") == Some(pick))).to_string()
            on:click=move |_| {
                answers.update(|a| {
                    a.set("category", pick);
                })
            }
        >
            <strong>{t.category_name(suggestion.category)}</strong>
            " "
            <span class="triage-score">{format!("{percent}%")}</span>
            <span class="triage-matched">
                {t.matched_words}
                ": "
                <mark>{suggestion.matched.join(", ")}</mark>
            </span>
        </button>
    }
}

/// Renders one question with its control; `problem` is an input error
/// about its field. An unanswered question shows no answer (no radio
/// ticked); a select shows the field's contract default, which is what the
/// engine assumes.
fn control(
    question: &'static Question,
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    problem: impl Fn() -> Option<String> + Send + Sync + Copy + 'static,
) -> AnyView {
    let name = question.name;
    let label = move || question.label(ui.get().texts());
    let answer = move || answers.with(|a| a.get(name).map(str::to_owned));
    let shown = move || answer().or_else(|| question.default().map(str::to_owned));
    let pick = move |picked: &str| {
        answers.update(|a| {
            a.set(name, picked.trim());
        })
    };
    let options = move || question.options(ui.get().texts());
    let invalid = move || problem().is_some().to_string();
    match question.control {
        Control::Select => view! {
            <label class="triage-field">
                <span class="triage-question">{label}</span>
                <select
                    name=name
                    aria-invalid=invalid
                    on:change=move |event| pick(&event_target_value(&event))
                >
                    {move || {
                        options()
                            .into_iter()
                            .map(|(option, text)| {
                                view! {
                                    <option
                                        value=option
                                        selected=move || shown().unwrap_or_default() == option
                                    >
                                        {text}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        }
        .into_any(),
        Control::Radios => view! {
            <fieldset class="triage-radios">
                <legend class="triage-question">{label}</legend>
                {move || {
                    options()
                        .into_iter()
                        .map(|(option, text)| {
                            view! {
                                <label class="triage-radio">
                                    <input
                                        type="radio"
                                        name=format!("triage-{name}")
                                        value=option
                                        prop:checked=move || answer().as_deref() == Some(option)
                                        on:change=move |_| pick(option)
                                    />
                                    <span>{text}</span>
                                </label>
                            }
                        })
                        .collect_view()
                }}
            </fieldset>
        }
        .into_any(),
        Control::Check => view! {
            <label class="triage-check">
                <input
                    type="checkbox"
                    name=name
                    prop:checked=move || shown().as_deref() == Some("true")
                    on:change=move |event| {
                        pick(if event_target_checked(&event) { "true" } else { "false" })
                    }
                />
                <span>{label}</span>
            </label>
        }
        .into_any(),
        Control::Text | Control::Date => view! {
            <label class="triage-field">
                <span class="triage-question">{label}</span>
                <input
                    type=if question.control == Control::Date { "date" } else { "text" }
                    name=name
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=move || answer().unwrap_or_default()
                    aria-invalid=invalid
                    on:change=move |event| pick(&event_target_value(&event))
                />
            </label>
        }
        .into_any(),
    }
}
