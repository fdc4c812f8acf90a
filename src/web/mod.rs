//! The browser layer (wasm32 only): the Leptos widget and the browser's
//! answers to the engine's questions (time zones, the current time).

pub mod api;
pub mod zones;

use crate::engine::vocab::{Impact, Plan, Product, Role};
use crate::engine::{decide, Case, Decision, Ruleset};
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use zones::IntlZones;

/// Mounts the widget into the page body.
/// Mounts the widget into the page body, when there is a page (the module
/// also loads in workers and Node, for its JavaScript API alone).
pub fn mount() {
    console_error_panic_hook::set_once();
    if web_sys::window()
        .and_then(|window| window.document())
        .is_some()
    {
        leptos::mount::mount_to_body(App);
    }
}

/// The current instant, from the browser's clock.
pub fn now() -> DateTime<Utc> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default()
}

/// The built-in sample: a CSP partner reporting a production outage on a
/// customer's Azure subscription.
pub fn sample_case() -> Case {
    let mut case = Case::new(Product::Azure);
    case.role = Role::PartnerForCustomer;
    case.plan = Plan::Csp;
    case.impact = Some(Impact::Critical);
    case.commit_24x7 = true;
    case
}

#[component]
pub fn App() -> impl IntoView {
    let case = sample_case();
    let result = decide(&case, now(), &Ruleset::shipped(), &IntlZones::default());
    view! {
        <main class="support-triage">
            <h1>"Support triage"</h1>
            <p class="intro">
                "Sample case: a CSP partner, a customer's Azure production service down, able to work around the clock."
            </p>
            {match result {
                Ok(decision) => view! { <DecisionCard decision /> }.into_any(),
                Err(error) => view! { <p role="alert">{error.to_string()}</p> }.into_any(),
            }}
        </main>
    }
}

#[component]
fn DecisionCard(decision: Decision) -> impl IntoView {
    let severity = decision
        .severity
        .map_or_else(|| "none".to_owned(), |severity| severity.to_string());
    let response = decision.response.as_ref().map(|response| {
        let due = response
            .due
            .map(|due| due.format("%Y-%m-%d %H:%M UTC").to_string())
            .unwrap_or_else(|| "on the business-hours clock".into());
        format!(
            "{} minutes ({}), due {due}",
            response.target_minutes, response.coverage
        )
    });
    view! {
        <section aria-live="polite">
            <dl>
                <dt>"Category"</dt>
                <dd>{decision.category.as_str()}</dd>
                <dt>"Severity"</dt>
                <dd>{severity}</dd>
                <dt>"Initial response"</dt>
                <dd>{response.unwrap_or_else(|| "no published target".into())}</dd>
                <dt>"Path"</dt>
                <dd>{decision.path.rule.to_string()}</dd>
            </dl>
            <ol class="steps">
                {decision.path.steps.iter().map(|step| view! { <li>{step.to_string()}</li> }).collect_view()}
            </ol>
            <h2>"Why"</h2>
            <ul class="trace">
                {decision
                    .trace
                    .iter()
                    .map(|entry| view! { <li><strong>{entry.rule.to_string()}</strong>" "{entry.why.clone()}</li> })
                    .collect_view()}
            </ul>
        </section>
    }
}
