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
use super::DecidedMemo;
use crate::engine::classify::Classification;
use crate::engine::contract::enums::CategorySource;
use crate::widget::answers::Answers;
use crate::widget::i18n::{Texts, UiLang};
use crate::widget::proposals::{proposals, Idea, Proposal};
use crate::widget::questions::{asked, Control, Question, QUESTIONS};
use crate::widget::Assumption;
use leptos::prelude::*;

#[component]
pub fn Form(
    answers: RwSignal<Answers>,
    settled: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    decided: DecidedMemo,
    rules: RwSignal<Rules>,
    assumed: Memo<Vec<Assumption>>,
) -> impl IntoView {
    let texts = move || ui.get().texts();
    // What the text says: the decision already read it when there is one;
    // only before a product is chosen does the form read it itself.
    let text = Memo::new(move |_| {
        // Read again once the vocabulary arrives.
        super::locales::vocabulary_ready();
        decided.with(|d| match &d.outcome.decision {
            Some(decision) => Classification {
                suggestions: decision.suggestions.clone(),
                signals: decision.signals.clone(),
                products: Vec::new(),
                confident: (decision.category_source == CategorySource::Text)
                    .then_some(decision.category),
            },
            None => settled.with(|a| {
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
    // What the box shows when the answers change it (a link, "Start over",
    // an undo): a memo, so that the box is written only when the text is.
    let description =
        Memo::new(move |_| answers.with(|a| a.get("description").unwrap_or_default().to_owned()));
    // Exactly what the engine asks, with any field in error.
    let questions = Memo::new(move |previous: Option<&Vec<&'static str>>| {
        decided.with(|d| asked(&d.outcome, previous.map(Vec::as_slice)))
    });
    // What the text proposes: filled in at once (with an undo) or asked.
    let declined = RwSignal::new(Vec::<Idea>::new());
    let filled = RwSignal::new(Vec::<Proposal>::new());
    let offered =
        Memo::new(move |_| answers.with(|a| text.with(|t| declined.with(|d| proposals(a, t, d)))));
    Effect::new(move |_| {
        let automatic: Vec<Proposal> = offered.with(|list| {
            list.iter()
                .filter(|proposal| proposal.automatic)
                .cloned()
                .collect()
        });
        if automatic.is_empty() {
            return;
        }
        answers.update(|a| automatic.iter().for_each(|proposal| proposal.apply(a)));
        filled.update(|list| list.extend(automatic));
    });
    let undo = move |proposal: Proposal| {
        answers.update(|a| proposal.undo(a));
        declined.update(|list| list.push(proposal.idea.clone()));
        filled.update(|list| list.retain(|other| *other != proposal));
    };
    let accept = move |proposal: Proposal| answers.update(|a| proposal.apply(a));
    let decline = move |proposal: Proposal| declined.update(|list| list.push(proposal.idea));
    // The questions are rendered a few at a time, one browser task each, so
    // that starting the widget never blocks the host page for long.
    let rendered = RwSignal::new(0);
    render_in_steps(rendered, QUESTIONS.len());

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
                    prop:value=description
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
            <ul class="triage-proposals">
                {move || {
                    let t = texts();
                    // What was filled in (with its undo), then what is asked (yes or no).
                    let mut shown: Vec<(Proposal, bool)> = filled.with(|list| {
                        answers.with(|a| {
                            list.iter().filter(|p| p.holds(a)).map(|p| (p.clone(), true)).collect()
                        })
                    });
                    offered.with(|list| {
                        shown.extend(list.iter().filter(|p| !p.automatic).map(|p| (p.clone(), false)))
                    });
                    shown
                        .into_iter()
                        .map(|(proposal, filled_in)| {
                            let message = proposal.message(t);
                            let no = proposal.clone();
                            view! {
                                <li class="triage-proposal">
                                    <span>{message}</span>
                                    " "
                                    <button
                                        type="button"
                                        on:click=move |_| {
                                            if filled_in { undo(proposal.clone()) } else { accept(proposal.clone()) }
                                        }
                                    >
                                        {if filled_in { t.undo } else { t.yes }}
                                    </button>
                                    {(!filled_in).then(|| view! {
                                        <button type="button" on:click=move |_| decline(no.clone())>{t.no}</button>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
            <h2 class="triage-subheading">{move || texts().questions}</h2>
            {QUESTIONS
                .iter()
                .enumerate()
                .map(|(index, question)| {
                    let name = question.name;
                    let shown = move || questions.with(|list| list.contains(&name));
                    let problem = move || {
                        decided.with(|d| d.outcome.problem_at(ui.get().texts(), name))
                    };
                    // An unanswered question the answer depends on: what is assumed.
                    let assumption = move || {
                        assumed.with(|list| {
                            list.iter()
                                .find(|assumption| assumption.field == name)
                                .map(|assumption| question.assumed_words(ui.get().texts(), assumption.assumed))
                        })
                    };
                    let ready = move || rendered.get() > index;
                    view! {
                        <div class="triage-slot" data-field=name hidden=move || !shown()>
                            <Show when=ready>
                                {control(question, answers, ui, problem)}
                                <p class="triage-assumed" hidden=move || assumption().is_none()>
                                    {move || assumption().unwrap_or_default()}
                                </p>
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
            <span class="triage-score">
                {t.catalogue.format("ui.score", &[("percent", &percent.to_string())])}
            </span>
            // A suggestion none of the visitor's words stand out for (the
            // model's second guess) shows no "from your words" label.
            {(!suggestion.matched.is_empty())
                .then(|| {
                    view! {
                        <span class="triage-matched">
                            // The label ends with its language's colon; a
                            // full-width one (：) has its own space.
                            {t.matched_words}
                            {(!t.matched_words.ends_with('：')).then_some(" ")}
                            <mark>{t.catalogue.list(&suggestion.matched)}</mark>
                        </span>
                    }
                })}
        </button>
    }
}

/// Renders one question with its control; `problem` is an input error
/// about its field. An unanswered question shows no answer: no radio
/// ticked, a select on its "not answered" option.
fn control(
    question: &'static Question,
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    problem: impl Fn() -> Option<&'static str> + Send + Sync + Copy + 'static,
) -> AnyView {
    let name = question.name;
    let label = move || question.label(ui.get().texts());
    let answer = move || answers.with(|a| a.get(name).map(str::to_owned));
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
                                        prop:selected=move || answer().unwrap_or_default() == option
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
                    prop:checked=move || answer().as_deref() == Some("true")
                    on:change=move |event| {
                        pick(if event_target_checked(&event) { "true" } else { "false" })
                    }
                />
                <span>{label}</span>
            </label>
        }
        .into_any(),
        Control::Zone => {
            // The browser's zones, listed when the field is first used:
            // some four hundred options are not worth building at start.
            let zones = RwSignal::new(Vec::<String>::new());
            let list_id = format!("triage-zones-{name}");
            view! {
                <label class="triage-field">
                    <span class="triage-question">{label}</span>
                    <span class="triage-hint">{move || ui.get().texts().zone_hint}</span>
                    <input
                        type="text"
                        name=name
                        list=list_id.clone()
                        autocomplete="off"
                        spellcheck="false"
                        prop:value=move || answer().unwrap_or_default()
                        aria-invalid=invalid
                        on:focus=move |_| {
                            if zones.with_untracked(Vec::is_empty) {
                                zones.set(super::browser::time_zones());
                            }
                        }
                        on:change=move |event| pick(&event_target_value(&event))
                    />
                    <datalist id=list_id>
                        {move || {
                            zones
                                .get()
                                .into_iter()
                                .map(|zone| view! { <option value=zone></option> })
                                .collect_view()
                        }}
                    </datalist>
                </label>
            }
            .into_any()
        }
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
