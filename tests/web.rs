//! The widget in a real headless browser (`wasm-pack test --headless --chrome`):
//! each test mounts the app into its own element, types and clicks as a
//! visitor would, and checks what is shown.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use support_triage::engine::messages;
use support_triage::web::App;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement,
    HtmlTextAreaElement,
};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh widget in its own element, with no draft or URL state left over,
/// once all its questions are rendered (they render a few per task).
async fn mount() -> HtmlElement {
    // In a real page the vocabulary is fetched beside the module after the
    // first paint; the test server has no such files, so it is installed.
    use support_triage::engine::classify::{install_shipped, vocabulary::Vocabulary};
    install_shipped(Vocabulary::from_lists(&[
        (
            "en",
            include_str!("../src/engine/classify/vocabulary/en.txt"),
        ),
        (
            "ja",
            include_str!("../src/engine/classify/vocabulary/ja.txt"),
        ),
        (
            "id",
            include_str!("../src/engine/classify/vocabulary/id.txt"),
        ),
        (
            "es",
            include_str!("../src/engine/classify/vocabulary/es.txt"),
        ),
        (
            "fr",
            include_str!("../src/engine/classify/vocabulary/fr.txt"),
        ),
        (
            "de",
            include_str!("../src/engine/classify/vocabulary/de.txt"),
        ),
        (
            "it",
            include_str!("../src/engine/classify/vocabulary/it.txt"),
        ),
        (
            "pt",
            include_str!("../src/engine/classify/vocabulary/pt.txt"),
        ),
        (
            "zh-Hans",
            include_str!("../src/engine/classify/vocabulary/zh-Hans.txt"),
        ),
        (
            "zh-Hant",
            include_str!("../src/engine/classify/vocabulary/zh-Hant.txt"),
        ),
    ]));
    // The classifier's learned model is fetched beside them likewise.
    let _ = support_triage::engine::classify::install_model(include_bytes!(
        "../src/engine/classify/vocabulary/model.bin"
    ));
    let window = web_sys::window().unwrap();
    window.local_storage().unwrap().unwrap().clear().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(
            &JsValue::NULL,
            "",
            Some(&window.location().pathname().unwrap()),
        )
        .unwrap();
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    std::mem::forget(leptos::mount::mount_to(host.clone(), || view! { <App /> }));
    for _ in 0..100 {
        if host
            .query_selector("[data-field=\"previous_case.after_hotfix\"] fieldset")
            .unwrap()
            .is_some()
        {
            return host;
        }
        settle().await;
    }
    panic!("the questions were never rendered");
}

/// Lets the reactive system and the browser catch up.
async fn settle() {
    wait_ms(30).await;
}

/// Waits until typed text is decided: the widget's pause after typing, and
/// a little more.
async fn settle_typing() {
    wait_ms(support_triage::web::TYPING_PAUSE_MS as i32 + 50).await;
}

async fn wait_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

fn find(host: &HtmlElement, selector: &str) -> Element {
    host.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn text(host: &HtmlElement, selector: &str) -> String {
    find(host, selector).text_content().unwrap_or_default()
}

fn fire(target: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&Event::new_with_event_init_dict(kind, &init).unwrap())
        .unwrap();
}

fn type_description(host: &HtmlElement, words: &str) {
    let area: HtmlTextAreaElement = find(host, "textarea").unchecked_into();
    area.set_value(words);
    fire(&area, "input");
}

fn choose(host: &HtmlElement, name: &str, value: &str) {
    let select: HtmlSelectElement = find(host, &format!("select[name={name}]")).unchecked_into();
    select.set_value(value);
    fire(&select, "change");
}

fn click_radio(host: &HtmlElement, name: &str, value: &str) {
    let radio: HtmlInputElement = find(
        host,
        &format!("input[name=\"triage-{name}\"][value=\"{value}\"]"),
    )
    .unchecked_into();
    radio.set_checked(true);
    fire(&radio, "change");
}

fn type_into(host: &HtmlElement, name: &str, value: &str) {
    let input: HtmlInputElement = find(host, &format!("input[name=\"{name}\"]")).unchecked_into();
    input.set_value(value);
    fire(&input, "change");
}

/// Whether the form asks the question about `field` now.
fn asks(host: &HtmlElement, field: &str) -> bool {
    !find(host, &format!(".triage-slot[data-field=\"{field}\"]")).has_attribute("hidden")
}

fn checked_radios(host: &HtmlElement, name: &str) -> u32 {
    host.query_selector_all(&format!("input[name=\"triage-{name}\"]:checked"))
        .unwrap()
        .length()
}

#[wasm_bindgen_test]
async fn typing_a_description_shows_suggestions_with_the_matched_words() {
    let host = mount().await;
    type_description(&host, "請求書の金額が間違っています");
    settle_typing().await;
    let chip = text(&host, ".triage-chip");
    assert!(chip.contains("Billing"), "{chip}");
    assert!(
        text(&host, ".triage-chip mark").contains("請求書"),
        "{chip}"
    );
}

#[wasm_bindgen_test]
async fn the_card_asks_for_a_product_then_answers() {
    let host = mount().await;
    settle().await;
    assert!(text(&host, ".triage-card").contains("Choose the product"));
    choose(&host, "product", "dynamics365");
    click_radio(&host, "impact", "critical");
    settle().await;
    click_radio(&host, "commit_24x7", "true");
    settle().await;
    let card = text(&host, ".triage-card");
    assert!(card.contains("A: critical"), "{card}");
    assert!(card.contains("within 1 h"), "{card}");
    assert!(card.contains("Around the clock"), "{card}");
    assert!(find(&host, ".triage-steps").child_element_count() >= 3);
}

#[wasm_bindgen_test]
async fn without_the_24x7_commitment_b_is_proposed_and_the_warning_shown() {
    let host = mount().await;
    choose(&host, "product", "power_platform");
    click_radio(&host, "impact", "critical");
    settle().await;
    let severity = text(&host, ".triage-severity");
    assert!(severity.contains("B: moderate"), "{severity}");
    assert!(severity.contains("you asked for A"), "{severity}");
    assert!(
        severity.contains("around the clock"),
        "the SEV-2 warning is shown: {severity}"
    );
}

#[wasm_bindgen_test]
async fn the_form_asks_exactly_the_engines_questions() {
    let host = mount().await;
    assert!(asks(&host, "role") && asks(&host, "product") && asks(&host, "category"));
    assert!(!asks(&host, "impact"), "nothing else before a product");
    choose(&host, "product", "azure");
    settle().await;
    assert!(asks(&host, "impact"));
    assert_eq!(
        checked_radios(&host, "impact"),
        0,
        "an unanswered impact is not pre-ticked"
    );
    assert!(
        !asks(&host, "commit_24x7"),
        "no 24x7 question before the impact"
    );
    click_radio(&host, "impact", "critical");
    settle().await;
    assert!(
        asks(&host, "commit_24x7"),
        "a critical impact asks about 24x7"
    );
    assert_eq!(
        checked_radios(&host, "commit_24x7"),
        0,
        "nor is the 24x7 question"
    );
    assert!(!asks(&host, "admin_access"));
    choose(&host, "role", "partner_for_customer");
    choose(&host, "plan", "csp");
    settle().await;
    assert!(
        asks(&host, "admin_access"),
        "partners on Azure under CSP are asked about admin rights"
    );
    choose(&host, "category", "billing");
    settle().await;
    assert!(
        !asks(&host, "impact"),
        "billing has no severity to ask about"
    );
    let severity = text(&host, ".triage-severity");
    assert!(severity.contains("No A/B/C severity"), "{severity}");
}

#[wasm_bindgen_test]
async fn the_reopen_questions_and_verdict_follow_the_engine() {
    let host = mount().await;
    choose(&host, "product", "dynamics365");
    choose(&host, "category", "follow_up");
    settle().await;
    assert!(asks(&host, "previous_case.number"));
    assert!(!asks(&host, "previous_case.same_build"));
    type_into(&host, "previous_case.number", "2611050010001234");
    settle().await;
    for field in [
        "previous_case.closed_on",
        "previous_case.same_build",
        "previous_case.same_environment",
        "previous_case.same_error",
        "previous_case.after_hotfix",
    ] {
        assert!(asks(&host, field), "{field} is asked");
    }
    assert!(text(&host, ".triage-reopen").contains("Not known yet"));
    click_radio(&host, "previous_case.same_build", "false");
    settle().await;
    assert!(
        text(&host, ".triage-reopen").contains("new case"),
        "{}",
        text(&host, ".triage-reopen")
    );
    assert!(web_sys::window()
        .unwrap()
        .location()
        .hash()
        .unwrap()
        .contains("previous_case.same_build=false"));
}

#[wasm_bindgen_test]
async fn an_answer_the_engine_refuses_is_shown_at_its_field() {
    let host = mount().await;
    choose(&host, "product", "dynamics365");
    settle().await;
    type_into(&host, "time_zone", "Mars/Olympus");
    settle().await;
    let error = find(&host, ".triage-slot[data-field=time_zone] .triage-error");
    assert!(!error.has_attribute("hidden"));
    assert!(
        error
            .text_content()
            .unwrap_or_default()
            .contains("not a time zone the browser knows"),
        "{:?}",
        error.text_content()
    );
    assert_eq!(
        find(&host, "input[name=time_zone]")
            .get_attribute("aria-invalid")
            .as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn the_why_panel_labels_design_decisions() {
    // The panel's texts are fetched beside the module in a real page; the
    // test server has no such files, so they are installed as fetched.
    let _ = messages::install_why("en", include_str!("../src/locales/why/en.txt").into());
    let _ = messages::install_quotes(include_str!("../src/locales/sources.txt").into());
    let host = mount().await;
    choose(&host, "product", "dynamics365");
    choose(&host, "category", "billing");
    settle().await;
    let why = text(&host, ".triage-why");
    assert!(why.contains("SEV-7"), "{why}");
    assert!(why.contains("Design decision of this project"), "{why}");
    let footers = host.query_selector_all(".triage-why footer").unwrap();
    for index in 0..footers.length() {
        let footer = footers
            .item(index)
            .unwrap()
            .text_content()
            .unwrap_or_default();
        assert!(
            !footer.trim_end().ends_with(':'),
            "an empty source: {footer:?}"
        );
    }
    assert!(
        host.query_selector(".triage-path-title").unwrap().is_some(),
        "the path's title heads its steps"
    );
}

#[wasm_bindgen_test]
async fn answers_live_in_the_url_fragment_and_start_over_clears_them() {
    let host = mount().await;
    choose(&host, "product", "azure");
    type_description(&host, "portal is slow");
    settle().await;
    let location = web_sys::window().unwrap().location();
    // The fragment, never the query: browsers send no fragment to a server.
    assert_eq!(location.search().unwrap(), "");
    let fragment = location.hash().unwrap();
    assert!(fragment.contains("product=azure"), "{fragment}");
    assert!(
        fragment.contains("description=portal%20is%20slow"),
        "{fragment}"
    );
    let start_over = host
        .query_selector_all(".triage-actions button")
        .unwrap()
        .item(1)
        .unwrap()
        .unchecked_into::<HtmlElement>();
    start_over.click();
    settle().await;
    let area: HtmlTextAreaElement = find(&host, "textarea").unchecked_into();
    assert_eq!(area.value(), "");
    assert!(!web_sys::window()
        .unwrap()
        .location()
        .hash()
        .unwrap()
        .contains("product"));
}

#[wasm_bindgen_test]
async fn the_interface_switches_to_japanese() {
    // In a real page the catalogue is fetched beside the module; the test
    // server has no such file, so it is installed as fetched.
    let _ = messages::install("ja", include_str!("../src/locales/ja.txt").into());
    let host = mount().await;
    let switcher: HtmlSelectElement = find(&host, ".triage-page-language select").unchecked_into();
    switcher.set_value("ja");
    fire(&switcher, "change");
    settle().await;
    let title = include_str!("../src/locales/ja.txt")
        .lines()
        .find_map(|line| line.strip_prefix("ui.title = "))
        .unwrap();
    assert_eq!(text(&host, "h1"), title);
    assert_eq!(
        find(&host, ".support-triage")
            .get_attribute("lang")
            .as_deref(),
        Some("ja")
    );
}

#[wasm_bindgen_test]
async fn visitor_text_is_shown_as_text_never_as_markup() {
    let host = mount().await;
    type_description(&host, "invoice <img src=x onerror=alert(1)>");
    settle_typing().await;
    assert!(host.query_selector("img").unwrap().is_none());
    let area: HtmlTextAreaElement = find(&host, "textarea").unchecked_into();
    assert_eq!(area.value(), "invoice <img src=x onerror=alert(1)>");
}

#[wasm_bindgen_test]
fn zones_keep_their_answers_after_many_others_were_asked() {
    use support_triage::engine::ZoneRules;
    use support_triage::web::zones::IntlZones;
    let zones = IntlZones::default();
    let at = chrono::DateTime::parse_from_rfc3339("2026-07-01T00:00:00Z")
        .unwrap()
        .with_timezone(&chrono::Utc);
    assert_eq!(
        zones.canonical_name("asia/tokyo").as_deref(),
        Some("Asia/Tokyo")
    );
    // More zones than are kept, unknown ones among them.
    for n in 0..40 {
        let name = if n % 2 == 0 {
            format!("Etc/GMT+{}", n % 12)
        } else {
            format!("Nowhere/{n}")
        };
        let _ = zones.offset_seconds(&name, at);
    }
    assert_eq!(zones.canonical_name("Nowhere/1"), None);
    assert_eq!(
        zones.canonical_name("asia/tokyo").as_deref(),
        Some("Asia/Tokyo")
    );
    assert_eq!(zones.offset_seconds("Asia/Tokyo", at), Some(9 * 3600));
    assert_eq!(zones.offset_seconds("Europe/Berlin", at), Some(2 * 3600));
}

#[wasm_bindgen_test]
fn the_browser_zone_is_the_same_with_temporal_or_intl_alone() {
    use js_sys::{global, Reflect};
    use support_triage::web::browser::time_zone;
    let options = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new())
        .resolved_options();
    let intl = Reflect::get(&options, &"timeZone".into())
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(time_zone(), intl);
    // A browser without Temporal.
    let temporal = Reflect::get(&global(), &"Temporal".into()).unwrap();
    Reflect::set(&global(), &"Temporal".into(), &JsValue::UNDEFINED).unwrap();
    let without = time_zone();
    Reflect::set(&global(), &"Temporal".into(), &temporal).unwrap();
    assert_eq!(without, intl);
}
