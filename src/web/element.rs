//! The `<support-triage>` custom element: its presets from attributes, its
//! owner rules (a JS object or a same-origin URL), and mounting the widget
//! into its shadow root. The element class itself is `www/element.js`.

use super::{App, Embedding};
use crate::engine::contract::raw::quoted;
use crate::engine::Ruleset;
use crate::widget::answers::{support_language_tag, Answers};
use crate::widget::i18n::UiLang;
use leptos::mount::mount_to;
use leptos::prelude::*;
use std::cell::RefCell;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

#[wasm_bindgen(module = "/www/element.js")]
extern "C" {
    fn define_element(
        css_url: &str,
        mount: &Closure<dyn Fn(HtmlElement, HtmlElement)>,
        unmount: &Closure<dyn Fn(HtmlElement)>,
        rules_changed: &Closure<dyn Fn(HtmlElement)>,
        presets_changed: &Closure<dyn Fn(HtmlElement)>,
    );
}

#[wasm_bindgen]
extern "C" {
    /// The URL of the module that loaded the widget (its JS glue).
    #[wasm_bindgen(thread_local_v2, js_namespace = ["import", "meta"], js_name = url)]
    static MODULE_URL: String;
}

/// The owner rules in force for one element, and what went wrong with them.
#[derive(Clone)]
pub struct Rules {
    pub ruleset: Arc<Ruleset>,
    pub problem: Option<String>,
}

impl Rules {
    pub fn shipped() -> Self {
        Rules {
            ruleset: Arc::new(Ruleset::shipped()),
            problem: None,
        }
    }
}

struct Mounted {
    host: HtmlElement,
    rules: RwSignal<Rules>,
    presets: RwSignal<Answers>,
    _handle: Box<dyn std::any::Any>,
}

thread_local! {
    static MOUNTED: RefCell<Vec<Mounted>> = const { RefCell::new(Vec::new()) };
}

/// A URL relative to the widget's module (where its files are published).
pub fn module_relative(path: &str) -> Option<String> {
    MODULE_URL.with(|url| {
        web_sys::Url::new_with_base(path, url)
            .ok()
            .map(|u| u.href())
    })
}

/// Defines `<support-triage>`; elements already on the page upgrade at once.
pub fn define() {
    let css_url = module_relative("./widget.css").unwrap_or_else(|| "widget.css".into());
    // Each element mounts in a browser task of its own, so that neither the
    // module's start nor a page full of widgets blocks the host page for long.
    let mount = Closure::<dyn Fn(HtmlElement, HtmlElement)>::new(|host, container| {
        set_timeout(
            move || mount_element(host, container),
            std::time::Duration::ZERO,
        )
    });
    let unmount = Closure::<dyn Fn(HtmlElement)>::new(unmount_element);
    let rules_changed = Closure::<dyn Fn(HtmlElement)>::new(|host: HtmlElement| load_rules(&host));
    let presets_changed = Closure::<dyn Fn(HtmlElement)>::new(|host: HtmlElement| {
        let signal = MOUNTED
            .with_borrow(|mounted| mounted.iter().find(|m| m.host == host).map(|m| m.presets));
        if let Some(signal) = signal {
            signal.set(presets(&host, true));
        }
    });
    define_element(&css_url, &mount, &unmount, &rules_changed, &presets_changed);
    // The element class holds on to these for the life of the page.
    mount.forget();
    unmount.forget();
    rules_changed.forget();
    presets_changed.forget();
}

/// How long a widget waits for its visitor's language before it shows in
/// English (with a note that their language is on its way).
const LANGUAGE_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// Mounts the widget once its interface language is at hand: a visitor
/// whose language is not English sees their own from the first paint, not
/// English that changes under their eyes a moment later (the catalogue is
/// fetched on demand, some 60–130 ms). A slow or failed fetch does not
/// keep the widget away: after [`LANGUAGE_WAIT`] it shows all the same.
fn mount_element(host: HtmlElement, container: HtmlElement) {
    // The language only: the attributes are read (and a bad one reported)
    // when the widget is built, since the host page may change them meanwhile.
    let quiet = presets(&host, false);
    let answers = super::initial_answers(&quiet, host.has_attribute("sync-url"));
    let language = super::interface_language(&answers);
    if language.is_loaded() {
        // In a task of its own: reading the draft (the page's first use of
        // local storage) and building the widget are each long enough.
        return set_timeout(
            move || mount_now(host, container),
            std::time::Duration::ZERO,
        );
    }
    let pending = std::rc::Rc::new(std::cell::Cell::new(Some((host, container))));
    let mount_once = move || {
        if let Some((host, container)) = pending.take() {
            mount_now(host, container);
        }
    };
    let on_time = mount_once.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let _ = super::locales::load(language).await;
        mount_once();
    });
    set_timeout(on_time, LANGUAGE_WAIT);
}

fn mount_now(host: HtmlElement, container: HtmlElement) {
    if !host.is_connected() {
        return; // removed from the page while its language was on its way
    }
    // A remount (an attribute changed) keeps the rules already loaded, so the
    // widget never shows the shipped ones while an overlay is fetched again.
    let kept = rules_signal(&host).map(|signal| signal.get_untracked());
    unmount_element(host.clone());
    let rules = RwSignal::new(kept.unwrap_or_else(Rules::shipped));
    let presets = RwSignal::new(presets(&host, true));
    let embedding = Embedding {
        host: Some(host.clone()),
        sync_url: host.has_attribute("sync-url"),
        presets,
        rules,
    };
    let handle = mount_to(
        container,
        move || view! { <App embedding=embedding.clone() /> },
    );
    MOUNTED.with_borrow_mut(|mounted| {
        mounted.push(Mounted {
            host: host.clone(),
            rules,
            presets,
            _handle: Box::new(handle),
        })
    });
    load_rules(&host);
}

fn unmount_element(host: HtmlElement) {
    let removed: Vec<Mounted> = MOUNTED.with_borrow_mut(|mounted| {
        let (gone, kept) = mounted.drain(..).partition(|m| m.host == host);
        *mounted = kept;
        gone
    });
    drop(removed);
}

/// The answers an element's attributes preset: `filing-as`, `product`,
/// `plan`, `location` and `time-zone` are the case fields `role`, `product`,
/// `plan`, `location` and `time_zone`, in the engine's spellings; `lang` is
/// the interface language and suggests the support language. A value the
/// field can never hold is ignored and, when `report`, reported on the
/// console, never thrown at the host page.
fn presets(host: &HtmlElement, report: bool) -> Answers {
    const ATTRIBUTES: [(&str, &str); 5] = [
        ("filing-as", "role"),
        ("product", "product"),
        ("plan", "plan"),
        ("location", "location"),
        ("time-zone", "time_zone"),
    ];
    let mut presets = Answers::default();
    let warn = |message: String| {
        if report {
            web_sys::console::warn_1(&format!("<support-triage>: {message}").into());
        }
    };
    for (attribute, field) in ATTRIBUTES {
        let value = host.get_attribute(attribute).or_else(|| {
            // `role` is ARIA's: the old spelling still works, for now.
            let old = (field == "role")
                .then(|| host.get_attribute("role"))
                .flatten()?;
            warn(format!(
                "role={} is ARIA's attribute; write filing-as={} instead",
                quoted(&old),
                quoted(&old)
            ));
            Some(old)
        });
        let Some(value) = value else {
            continue;
        };
        if !presets.set(field, value.trim()) {
            warn(format!(
                "{attribute}={} is not a known value; it is ignored",
                quoted(&value)
            ));
        }
    }
    if let Some(lang) = host.get_attribute("lang") {
        presets.set("language", &support_language_tag(&lang));
        if let Some(ui) = UiLang::parse(&lang) {
            presets.set("locale", ui.code());
        }
    }
    presets
}

fn rules_signal(host: &HtmlElement) -> Option<RwSignal<Rules>> {
    MOUNTED.with_borrow(|mounted| mounted.iter().find(|m| m.host == *host).map(|m| m.rules))
}

/// Applies the element's owner rules: its `rules` property (a plain object)
/// wins over its `rules` attribute (a same-origin URL). A bad overlay keeps
/// the shipped rules, shows owners what is wrong, and logs it.
fn load_rules(host: &HtmlElement) {
    let Some(signal) = rules_signal(host) else {
        return;
    };
    let property = js_sys::Reflect::get(host, &"rules".into()).unwrap_or(JsValue::NULL);
    if !property.is_null() && !property.is_undefined() {
        signal.set(apply_overlay(property.clone()));
        // Owner phrases join the shipped vocabulary: applied again once it
        // has arrived, if it had not yet.
        if !crate::engine::classify::is_ready() {
            let host = host.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if super::locales::load_vocabulary().await.is_ok() {
                    if let Some(signal) = rules_signal(&host) {
                        signal.set(apply_overlay(property));
                    }
                }
            });
        }
        return;
    }
    match host
        .get_attribute("rules")
        .filter(|url| !url.trim().is_empty())
    {
        Some(url) => {
            let host = host.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Owner phrases join the shipped vocabulary: wait for it.
                let _ = super::locales::load_vocabulary().await;
                let rules = match fetch_overlay(&url).await {
                    Ok(value) => apply_overlay(value),
                    Err(problem) => failed(format!("rules {}: {problem}", quoted(&url))),
                };
                if let Some(signal) = rules_signal(&host) {
                    signal.set(rules);
                }
            });
        }
        None => signal.set(Rules::shipped()),
    }
}

fn apply_overlay(value: JsValue) -> Rules {
    match super::api::raw_from_js(&value) {
        Ok(raw) => match Ruleset::shipped().with_overlay(&raw) {
            Ok(ruleset) => Rules {
                ruleset: Arc::new(ruleset),
                problem: None,
            },
            Err(error) => failed(format!("rules: {error}")),
        },
        Err(error) => failed(format!("rules: not a JSON object: {error}")),
    }
}

fn failed(problem: String) -> Rules {
    web_sys::console::error_1(
        &format!("<support-triage>: {problem}; the shipped rules stay in force").into(),
    );
    Rules {
        problem: Some(problem),
        ..Rules::shipped()
    }
}

/// Fetches a same-origin JSON overlay.
async fn fetch_overlay(url: &str) -> Result<JsValue, String> {
    let window = web_sys::window().ok_or("no window")?;
    let base = window.location().href().map_err(|_| "no page URL")?;
    let resolved =
        web_sys::Url::new_with_base(url, &base).map_err(|_| "is not a URL".to_owned())?;
    let origin = window.location().origin().map_err(|_| "no page origin")?;
    if resolved.origin() != origin {
        return Err(format!(
            "must be on this site ({origin}), not {}",
            resolved.origin()
        ));
    }
    let response = super::browser::fetch(&resolved.href()).await?;
    let json = response.json().map_err(|_| "is not JSON".to_owned())?;
    wasm_bindgen_futures::JsFuture::from(json)
        .await
        .map_err(|_| "is not valid JSON".to_owned())
}
