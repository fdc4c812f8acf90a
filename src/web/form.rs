//! The left side of the widget: the description box with live suggestions,
//! then only the questions the answers still need.
//!
//! The questions are a table of plain function pointers rendered by one
//! function per kind of control: every distinct closure type would be
//! compiled into the wasm again, so the table keeps the widget small.

use super::element::Rules;
use crate::engine::classify::Classification;
use crate::engine::contract::enums::{
    Category, CategorySource, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope,
};
use crate::engine::{Decision, InputError};
use crate::widget::answers::{flag, Answers, Question};
use crate::widget::i18n::{Texts, UiLang, SUPPORT_LANGUAGES};
use leptos::prelude::*;

type DecisionMemo = Memo<Option<Result<Decision, InputError>>>;
type Options = Vec<(&'static str, &'static str)>;

/// How a question is asked.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Control {
    Select,
    Radios,
    Check,
    Text,
}

/// One question of the form.
struct Field {
    question: Question,
    control: Control,
    name: &'static str,
    label: fn(&Texts) -> &'static str,
    options: fn(&Texts) -> Options,
    get: fn(&Answers) -> String,
    set: fn(&mut Answers, &str),
}

fn names<T: Copy>(
    all: &[T],
    value: fn(T) -> &'static str,
    name: impl Fn(T) -> &'static str,
) -> Options {
    all.iter().map(|&item| (value(item), name(item))).collect()
}

fn yes_no(t: &Texts) -> Options {
    vec![("1", t.yes), ("0", t.no)]
}

const FIELDS: &[Field] = &[
    Field {
        question: Question::Role,
        control: Control::Select,
        name: "role",
        label: |t| t.role,
        options: |t| names(Role::ALL, Role::as_str, |r| t.role_name(r)),
        get: |a| a.role.as_str().into(),
        set: |a, v| a.role = Role::parse(v).unwrap_or(a.role),
    },
    Field {
        question: Question::Product,
        control: Control::Select,
        name: "product",
        label: |t| t.product,
        options: |t| {
            let mut options = vec![("", "—")];
            options.extend(names(Product::ALL, Product::as_str, |p| t.product_name(p)));
            options
        },
        get: |a| a.product.map_or("", Product::as_str).into(),
        set: |a, v| a.product = Product::parse(v),
    },
    Field {
        question: Question::Category,
        control: Control::Select,
        name: "category",
        label: |t| t.category,
        options: |t| {
            let mut options = vec![("", t.category_from_text)];
            options.extend(names(Category::ALL, Category::as_str, |c| {
                t.category_name(c)
            }));
            options
        },
        get: |a| a.category.map_or("", Category::as_str).into(),
        set: |a, v| a.category = Category::parse(v),
    },
    Field {
        question: Question::Impact,
        control: Control::Radios,
        name: "impact",
        label: |t| t.impact,
        options: |t| names(Impact::ALL, Impact::as_str, |i| t.impact_words(i)),
        get: |a| a.impact.map_or("", Impact::as_str).into(),
        set: |a, v| a.impact = Impact::parse(v),
    },
    Field {
        question: Question::Coverage,
        control: Control::Radios,
        name: "coverage",
        label: |t| t.coverage,
        options: |t| names(Coverage::ALL, Coverage::as_str, |c| t.coverage_name(c)),
        get: |a| a.coverage.as_str().into(),
        set: |a, v| a.coverage = Coverage::parse(v).unwrap_or(a.coverage),
    },
    Field {
        question: Question::Commit24x7,
        control: Control::Radios,
        name: "commit",
        label: |t| t.commit,
        options: yes_no,
        get: |a| flag(a.commit_24x7),
        set: |a, v| a.commit_24x7 = v == "1",
    },
    Field {
        question: Question::Plan,
        control: Control::Select,
        name: "plan",
        label: |t| t.plan,
        options: |t| names(Plan::ALL, Plan::as_str, |p| t.plan_name(p)),
        get: |a| a.plan.as_str().into(),
        set: |a, v| a.plan = Plan::parse(v).unwrap_or(a.plan),
    },
    Field {
        question: Question::Language,
        control: Control::Select,
        name: "language",
        label: |t| t.support_language,
        options: |_| SUPPORT_LANGUAGES.to_vec(),
        get: |a| a.language.clone(),
        set: |a, v| a.language = v.to_owned(),
    },
    Field {
        question: Question::Location,
        control: Control::Select,
        name: "location",
        label: |t| t.location,
        options: |t| names(Location::ALL, Location::as_str, |l| t.location_name(l)),
        get: |a| a.location.as_str().into(),
        set: |a, v| a.location = Location::parse(v).unwrap_or(a.location),
    },
    Field {
        question: Question::Location,
        control: Control::Text,
        name: "time_zone",
        label: |t| t.time_zone,
        options: |_| Vec::new(),
        get: |a| a.time_zone.clone(),
        set: |a, v| a.time_zone = v.trim().to_owned(),
    },
    Field {
        question: Question::Preview,
        control: Control::Select,
        name: "preview",
        label: |t| t.preview,
        options: |t| names(Preview::ALL, Preview::as_str, |p| t.preview_name(p)),
        get: |a| a.preview.as_str().into(),
        set: |a, v| a.preview = Preview::parse(v).unwrap_or(a.preview),
    },
    Field {
        question: Question::AdminAccess,
        control: Control::Radios,
        name: "admin_access",
        label: |t| t.admin_access,
        options: yes_no,
        get: |a| flag(a.admin_access),
        set: |a, v| a.admin_access = v == "1",
    },
    Field {
        question: Question::Scope,
        control: Control::Radios,
        name: "scope",
        label: |t| t.scope,
        options: |t| names(Scope::ALL, Scope::as_str, |s| t.scope_name(s)),
        get: |a| a.scope.as_str().into(),
        set: |a, v| a.scope = Scope::parse(v).unwrap_or(a.scope),
    },
    Field {
        question: Question::CustomCode,
        control: Control::Check,
        name: "custom_code",
        label: |t| t.custom_code,
        options: |_| Vec::new(),
        get: |a| flag(a.custom_code),
        set: |a, v| a.custom_code = v == "1",
    },
    Field {
        question: Question::PreviousCase,
        control: Control::Text,
        name: "previous_case",
        label: |t| t.previous_case,
        options: |_| Vec::new(),
        get: |a| a.previous_case.clone(),
        set: |a, v| a.previous_case = v.to_owned(),
    },
];

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
        decision.with(|d| match d {
            Some(Ok(decision)) => Classification {
                suggestions: decision.suggestions.clone(),
                signals: decision.signals.clone(),
                confident: (decision.category_source == CategorySource::Text)
                    .then_some(decision.category),
            },
            _ => answers.with(|a| {
                // A blank box needs no vocabulary (built later, when the page is idle).
                if a.description.trim().is_empty() {
                    Classification::default()
                } else {
                    rules.with(|r| r.ruleset.classify(&a.description))
                }
            }),
        })
    });
    // The category in force: the visitor's pick, else what the text settles.
    let category = Memo::new(move |_| {
        answers
            .with(|a| a.category)
            .or_else(|| text.with(|t| t.confident))
    });
    let questions = Memo::new(move |_| answers.with(|a| a.questions(category.get())));
    // The questions are rendered a few at a time, one browser task each, so
    // that starting the widget never blocks the host page for long.
    let rendered = RwSignal::new(0);
    render_in_steps(rendered, FIELDS.len());
    let error = Memo::new(move |_| {
        decision.with(|d| match d {
            Some(Err(error)) => Some((error.path.clone(), error.message.clone())),
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
                    prop:value=move || answers.with(|a| a.description.clone())
                    on:input=move |event| {
                        let value = event_target_value(&event);
                        answers.update(|a| a.description = value);
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
            {FIELDS
                .iter()
                .enumerate()
                .map(|(index, field)| {
                    let shown = move || questions.with(|list| list.contains(&field.question));
                    let problem = move || {
                        error.with(|e| e.as_ref().filter(|(path, _)| path == field.name).map(|(_, m)| m.clone()))
                    };
                    let ready = move || rendered.get() > index;
                    view! {
                        <div class="triage-slot" hidden=move || !shown()>
                            <Show when=ready>
                                {control(field, answers, ui, problem)}
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
    let pick = suggestion.category;
    let percent = (suggestion.score * 100.0).round() as u32;
    view! {
        <button
            type="button"
            class="triage-chip"
            aria-pressed=move || (answers.with(|a| a.category) == Some(pick)).to_string()
            on:click=move |_| answers.update(|a| a.category = Some(pick))
        >
            <strong>{t.category_name(pick)}</strong>
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

/// Renders one field with its control; `problem` is an input error about it.
fn control(
    field: &'static Field,
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    problem: impl Fn() -> Option<String> + Send + Sync + Copy + 'static,
) -> AnyView {
    let label = move || (field.label)(ui.get().texts());
    let value = move || answers.with(|a| (field.get)(a));
    let pick = move |picked: String| answers.update(|a| (field.set)(a, &picked));
    let options = move || (field.options)(ui.get().texts());
    match field.control {
        Control::Select => view! {
            <label class="triage-field">
                <span class="triage-question">{label}</span>
                <select name=field.name on:change=move |event| pick(event_target_value(&event))>
                    {move || {
                        options()
                            .into_iter()
                            .map(|(option, text)| {
                                view! { <option value=option selected=move || value() == option>{text}</option> }
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
                                        name=format!("triage-{}", field.name)
                                        value=option
                                        prop:checked=move || value() == option
                                        on:change=move |_| pick(option.to_owned())
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
                    name=field.name
                    prop:checked=move || value() == "1"
                    on:change=move |event| pick(flag(event_target_checked(&event)))
                />
                <span>{label}</span>
            </label>
        }
        .into_any(),
        Control::Text => view! {
            <label class="triage-field">
                <span class="triage-question">{label}</span>
                <input
                    type="text"
                    name=field.name
                    autocomplete="off"
                    spellcheck="false"
                    prop:value=value
                    aria-invalid=move || problem().is_some().to_string()
                    on:change=move |event| pick(event_target_value(&event))
                />
            </label>
            <p class="triage-error" role="alert" hidden=move || problem().is_none()>
                {move || problem().unwrap_or_default()}
            </p>
        }
        .into_any(),
    }
}
