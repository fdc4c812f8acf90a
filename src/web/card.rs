//! The right side of the widget: the answer card, updated on every change.

use super::browser;
use crate::engine::contract::decision::{Notice, NoticeKind};
use crate::engine::{Decision, InputError};
use crate::widget::answers::Answers;
use crate::widget::i18n::UiLang;
use crate::widget::{notices_in, reasons, reopen_label, severity_label, summary};
use chrono::{DateTime, Utc};
use leptos::prelude::*;

type DecisionMemo = Memo<Option<Result<Decision, InputError>>>;

#[component]
pub fn AnswerCard(
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    decision: DecisionMemo,
    now: RwSignal<DateTime<Utc>>,
) -> impl IntoView {
    let texts = move || ui.get().texts();
    let copied = RwSignal::new(false);
    let quotes_ready = RwSignal::new(crate::engine::messages::quotes().is_some());
    let due_text = move |decision: &Decision| -> Option<String> {
        let response = decision.response.as_ref()?;
        let due = response.due?;
        let locale = ui.get().code();
        let visitor_zone = answers.with(|a| a.get("time_zone").unwrap_or("UTC").to_owned());
        let yours = browser::format_instant(due, &visitor_zone, locale);
        let theirs = browser::format_instant(due, &response.time_zone, locale);
        Some(if response.time_zone == visitor_zone {
            texts().due(&yours, None)
        } else {
            // The support calendar's place, in the visitor's words ("Japan").
            let place = texts().location_name(response.calendar);
            texts().due(&yours, Some((&theirs, place)))
        })
    };
    let copy = move |_| {
        decision.with(|d| {
            if let Some(Ok(decision)) = d {
                let due = due_text(decision);
                let text = answers.with(|a| summary(texts(), a, decision, due.as_deref()));
                browser::copy_to_clipboard(&text);
                copied.set(true);
            }
        })
    };
    let start_over = move |_| {
        let mut fresh = answers
            .with(|a| Answers::new(&browser::time_zone(), a.get("language").unwrap_or("en")));
        fresh.set("locale", ui.get_untracked().code());
        answers.set(fresh);
        copied.set(false);
    };
    let body = move || {
        decision.with(|d| match d {
            None => view! { <p class="triage-placeholder">{texts().choose_product}</p> }.into_any(),
            Some(Err(error)) => {
                view! { <p class="triage-error" role="alert">{error.to_string()}</p> }.into_any()
            }
            Some(Ok(decision)) => {
                let due = due_text(decision);
                view! { <DecisionView decision=decision.clone() ui due now quotes_ready /> }
                    .into_any()
            }
        })
    };
    view! {
        <section class="triage-card" aria-labelledby="triage-answer-heading">
            <h2 id="triage-answer-heading">{move || texts().answer}</h2>
            <div aria-live="polite" aria-atomic="false">{body}</div>
            <div class="triage-actions">
                <button type="button" class="triage-primary" on:click=copy>{move || texts().copy_summary}</button>
                <button type="button" on:click=start_over>{move || texts().start_over}</button>
            </div>
            <p class="triage-status" role="status">{move || copied.get().then(|| texts().copied)}</p>
        </section>
    }
}

/// Notices as a list; nothing when there are none.
fn notes(notices: Vec<&Notice>) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <ul class="triage-notes">
                {notices.iter().map(|n| view! { <li>{n.text.clone()}</li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn DecisionView(
    decision: Decision,
    ui: RwSignal<UiLang>,
    due: Option<String>,
    now: RwSignal<DateTime<Utc>>,
    quotes_ready: RwSignal<bool>,
) -> impl IntoView {
    let t = ui.get_untracked().texts();
    let why_decision = decision.clone();
    let severity = severity_label(t, &decision);
    let lowered = match (decision.requested_severity, decision.severity) {
        (Some(asked), Some(given)) if asked != given => Some(format!("({})", t.requested(asked))),
        _ => None,
    };
    let reopen = reopen_label(t, &decision);
    let response = decision.response.clone();
    let due_at = response.as_ref().and_then(|r| r.due);
    let countdown = move || {
        due_at.map(|due| {
            let left = (due - now.get()).num_minutes();
            t.time_left(left)
        })
    };
    let limits = notices_in(&decision, NoticeKind::Limits);
    let advice = notices_in(&decision, NoticeKind::Advice);
    view! {
        {(!decision.supported).then(|| view! { <p class="triage-warning">{t.not_supported}</p> })}
        <dl class="triage-facts">
            <dt>{t.kind}</dt>
            <dd>
                <strong>{t.category_name(decision.category)}</strong>
                " "
                <span class="triage-hint">{t.source_name(decision.category_source)}</span>
            </dd>
            <dt>{t.severity}</dt>
            <dd class="triage-severity">
                <strong>{severity}</strong>
                " "
                {lowered}
                {notes(notices_in(&decision, NoticeKind::Severity))}
            </dd>
            <dt>{t.first_response}</dt>
            <dd class="triage-response">
                {match response {
                    Some(r) => view! {
                        <strong>{t.within(i64::from(r.target_minutes))}</strong>
                        " · "
                        {t.coverage_name(r.coverage)}
                        {due.map(|due| view! { <p class="triage-due">{due}</p> })}
                        <p class="triage-countdown">{countdown}</p>
                    }
                    .into_any(),
                    None => view! { <span>{t.no_target}</span> }.into_any(),
                }}
                {notes(notices_in(&decision, NoticeKind::Response))}
            </dd>
            {reopen.map(|verdict| view! {
                <dt>{t.earlier_case}</dt>
                <dd class="triage-reopen">
                    <strong>{verdict}</strong>
                </dd>
            })}
        </dl>
        <h3>{t.where_to_file}</h3>
        <div class="triage-path">
            <h4 class="triage-path-title">{decision.path.title.to_string()}</h4>
            <ol class="triage-steps">
                {decision.path.steps.iter().map(|step| view! { <li>{step.to_string()}</li> }).collect_view()}
            </ol>
            <ul class="triage-links">
                {decision
                    .path
                    .links
                    .iter()
                    .map(|link| {
                        view! {
                            <li>
                                <a href=link.url.to_string() target="_blank" rel="noopener noreferrer">
                                    {link.label.to_string()}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            {notes(notices_in(&decision, NoticeKind::Path))}
        </div>
        {(!limits.is_empty()).then(|| view! {
            <h3>{t.will_not}</h3>
            {notes(limits.clone())}
        })}
        {(!advice.is_empty()).then(|| view! {
            <h3>{t.advice}</h3>
            {notes(advice.clone())}
        })}
        <details
            class="triage-why"
            on:toggle=move |_| {
                // The sources' own words arrive when first wanted.
                if !quotes_ready.get_untracked() {
                    let lang = ui.get_untracked();
                    wasm_bindgen_futures::spawn_local(async move {
                        if super::locales::load_why(lang).await.is_ok() {
                            quotes_ready.set(true);
                        }
                    });
                }
            }
        >
            <summary>{t.why}</summary>
            <ol>
                {move || {
                    quotes_ready.track();
                    reasons(t, &why_decision)
                        .into_iter()
                        .map(|reason| {
                            view! {
                                <li>
                                    <strong class="triage-rule">{reason.rule}</strong>
                                    " "
                                    {reason.why}
                                    {reason.sourced.map(|text| view! {
                                        <blockquote class="triage-sourced">
                                            {text}
                                            <footer>
                                                {format!("{}: ", t.source)}
                                                {reason
                                                    .cited
                                                    .into_iter()
                                                    .map(|cited| view! {
                                                        <span class="triage-cited">
                                                            {cited.title}
                                                            {cited.quote.map(|quote| view! {
                                                                " · "
                                                                {t.original_wording}
                                                                ": "
                                                                <q lang=cited.language>{quote}</q>
                                                            })}
                                                        </span>
                                                    })
                                                    .collect_view()}
                                            </footer>
                                        </blockquote>
                                    })}
                                    {reason.design.map(|text| view! {
                                        <blockquote class="triage-design">
                                            {text}
                                            <footer>{t.design_decision}</footer>
                                        </blockquote>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </details>
    }
}
