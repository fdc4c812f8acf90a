//! The right side of the widget: the answer card, updated on every change.

use super::{browser, due_texts, Debounce, DecidedMemo};
use crate::engine::contract::decision::{Notice, NoticeKind};
use crate::engine::Decision;
use crate::widget::answers::Answers;
use crate::widget::i18n::UiLang;
use crate::widget::questions::Question;
use crate::widget::{
    calendar, headline, notices_in, reasons, reopen_label, said_by_timing, severity_label, summary,
    timing_notes, Assumption, Formats,
};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use std::time::Duration;

#[component]
pub fn AnswerCard(
    answers: RwSignal<Answers>,
    ui: RwSignal<UiLang>,
    decided: DecidedMemo,
    clock: RwSignal<DateTime<Utc>>,
    assumed: Memo<Vec<Assumption>>,
    presets: RwSignal<Answers>,
    recalculated: RwSignal<u32>,
    card_heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let texts = move || ui.get().texts();
    // One status line for what the buttons did; it clears itself.
    let status = RwSignal::new(None::<&'static str>);
    let clear_status = Debounce::new();
    let say = move |text: &'static str| {
        status.set(Some(text));
        clear_status.run_after(Duration::from_secs(6), move || status.set(None));
    };
    let quotes_ready = RwSignal::new(crate::engine::messages::quotes().is_some());
    let copy = move |_| {
        let t = texts();
        let copied = decided.with(|d| {
            let decision = d.outcome.decision.as_ref()?;
            let due = due_line(decision, ui.get_untracked());
            let text = answers.with(|a| summary(t, a, decision, due.as_deref()));
            browser::copy_to_clipboard(&text);
            Some(())
        });
        say(match copied {
            Some(()) => t.copied,
            None => t.nothing_to_copy,
        });
    };
    // "Start over" returns to the host page's presets; the answers it
    // cleared can be brought back until the next change.
    let cleared = RwSignal::new(None::<Answers>);
    let start_over = move |_| {
        let before = answers.get_untracked();
        let mut fresh = presets.with_untracked(super::fresh_answers);
        fresh.set("locale", ui.get_untracked().code());
        answers.set(fresh);
        cleared.set(Some(before));
        say(texts().cleared);
    };
    let undo_start_over = move |_| {
        if let Some(before) = cleared.get_untracked() {
            answers.set(before);
        }
        cleared.set(None);
        status.set(None);
    };
    let body = move || {
        decided.with(|d| match &d.outcome.decision {
            None => view! { <p class="triage-placeholder">{texts().choose_product}</p> }.into_any(),
            Some(decision) => view! {
                <DecisionView
                    decision=decision.clone()
                    decided_at=d.at
                    ui
                    clock
                    assumed
                    recalculated
                    quotes_ready
                />
            }
            .into_any(),
        })
    };
    view! {
        <section class="triage-card" aria-labelledby="triage-answer-heading">
            <h2 id="triage-answer-heading" tabindex="-1" node_ref=card_heading>{move || texts().answer}</h2>
            // Not a live region: the widget's one short announcement says
            // what changed (`.triage-live`).
            <div>{body}</div>
            <div class="triage-actions">
                <button type="button" class="triage-primary" on:click=copy>{move || texts().copy_summary}</button>
                <button type="button" on:click=start_over>{move || texts().start_over}</button>
            </div>
            <p class="triage-status" role="status">
                {move || status.get()}
                {move || {
                    (cleared.with(Option::is_some) && status.get() == Some(texts().cleared))
                        .then(|| view! {
                            " "
                            <button type="button" class="triage-undo" on:click=undo_start_over>
                                {texts().undo}
                            </button>
                        })
                }}
            </p>
        </section>
    }
}

/// The due time as the summary and the headline say it.
fn due_line(decision: &Decision, lang: UiLang) -> Option<String> {
    let (yours, theirs) = due_texts(decision, lang)?;
    let t = lang.texts();
    let response = decision.response.as_ref()?;
    Some(match theirs {
        None => t.due(&yours, None),
        Some(theirs) => t.due(&yours, Some((&theirs, t.location_name(response.calendar)))),
    })
}

/// Notices as a list; nothing when there are none.
fn notes(notices: Vec<&Notice>) -> impl IntoView {
    lines(
        "triage-notes",
        notices.iter().map(|n| n.text.to_string()).collect(),
    )
}

/// Sentences as a list of that class; nothing when there are none. Every
/// list of the card is this one view, compiled once.
fn lines(class: &'static str, items: Vec<String>) -> impl IntoView {
    (!items.is_empty()).then(|| {
        view! {
            <ul class=class>
                {items.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        }
    })
}

#[component]
fn DecisionView(
    decision: Decision,
    decided_at: DateTime<Utc>,
    ui: RwSignal<UiLang>,
    clock: RwSignal<DateTime<Utc>>,
    assumed: Memo<Vec<Assumption>>,
    recalculated: RwSignal<u32>,
    quotes_ready: RwSignal<bool>,
) -> impl IntoView {
    let lang = ui.get_untracked();
    let t = lang.texts();
    let due = due_line(&decision, lang);
    let why_decision = decision.clone();
    let severity = severity_label(t, &decision);
    let lowered = match (decision.requested_severity, decision.severity) {
        (Some(asked), Some(given)) if asked != given => Some(format!("({})", t.requested(asked))),
        _ => None,
    };
    let reopen = reopen_label(t, &decision);
    let response = decision.response.clone();
    let due_at = response.as_ref().and_then(|r| r.due);
    // Counts down to a fixed instant: the due time of a request filed at
    // `decided_at`, which passing time does not move.
    let countdown = move || {
        due_at.map(|due| {
            // Whole minutes rounded up: "4 hours left" until a minute has gone.
            let left = ((due - clock.get()).num_seconds() + 59).div_euclid(60);
            t.time_left(left)
        })
    };
    // After a while the times no longer describe filing now: say for when
    // they are, and offer to recompute them.
    let stale = move || (clock.get() - decided_at).num_minutes() >= 10;
    let own_zone = browser::time_zone();
    let filed_at = browser::format_instant(decided_at, &own_zone, lang.code());
    let timing = {
        let locale = lang.code();
        let instant = |at| browser::format_instant(at, &own_zone, locale);
        let time = |at| browser::format_time(at, &own_zone, locale);
        let date = |date| browser::format_date(date, locale);
        let formats = Formats {
            instant: &instant,
            time: &time,
            date: &date,
        };
        timing_notes(t, &decision, &formats)
    };
    let add_to_calendar = {
        let decision = decision.clone();
        let due = due.clone();
        move |_| {
            let Some(at) = decision.response.as_ref().and_then(|r| r.due) else {
                return;
            };
            let title = t.catalogue.format(
                "ui.calendar-title",
                &[("kind", t.category_name(decision.category))],
            );
            let details = headline(t, &decision, due.as_deref());
            let file = calendar::event(at, super::now(), &title, &details);
            browser::download("first-response.ics", "text/calendar", &file);
        }
    };
    let assumptions = move || {
        assumed.with(|list| {
            list.iter()
                .filter_map(|assumption| {
                    let question = Question::of(assumption.field)?;
                    Some(format!(
                        "{} — {}",
                        question.label(t),
                        question.value_words(t, assumption.assumed)
                    ))
                })
                .collect::<Vec<_>>()
        })
    };
    let limits = notices_in(&decision, NoticeKind::Limits);
    let advice = notices_in(&decision, NoticeKind::Advice);
    view! {
        {(!decision.supported).then(|| view! { <p class="triage-warning">{t.not_supported}</p> })}
        {move || {
            let list = assumptions();
            (!list.is_empty()).then(|| view! {
                <div class="triage-assumptions">
                    <h3>{t.assumed_heading}</h3>
                    {lines("triage-assumed-list", list)}
                </div>
            })
        }}
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
                        {due.map(|due| view! {
                            <p class="triage-due">
                                {t.catalogue.format("ui.file-now", &[("due", &due)])}
                            </p>
                            {lines("triage-timing", timing.clone())}
                            <p class="triage-countdown">{countdown}</p>
                            <p class="triage-stale" hidden=move || !stale()>
                                {t.catalogue.format("ui.times-for", &[("time", &filed_at)])}
                                " "
                                <button type="button" on:click=move |_| recalculated.update(|n| *n += 1)>
                                    {t.recalculate}
                                </button>
                            </p>
                            <button type="button" class="triage-calendar" on:click=add_to_calendar.clone()>
                                {t.add_to_calendar}
                            </button>
                        })}
                    }
                    .into_any(),
                    None => view! { <span>{t.no_target}</span> }.into_any(),
                }}
                {notes(
                    notices_in(&decision, NoticeKind::Response)
                        .into_iter()
                        .filter(|notice| !said_by_timing(notice))
                        .collect(),
                )}
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
