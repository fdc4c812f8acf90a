//! The catalogues the widget fetches on demand: the visitor's interface
//! language (English is built in), and, when the "Why?" panel opens, the
//! rule sentences in that language and the source documents' own
//! sentences. All are plain-text files beside the module (`locales/<tag>.txt`,
//! `locales/why/<tag>.txt`, `locales/sources.txt`), on the widget's origin.

use crate::engine::classify;
use crate::engine::classify::vocabulary::{self, Vocabulary};
use crate::engine::messages;
use crate::widget::i18n::UiLang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Fetches a file of `locales/`, relative to the widget's module.
async fn fetch_text(name: &str) -> Result<String, String> {
    fetch_beside_module(&format!("./locales/{name}")).await
}

/// Fetches a text file relative to the widget's module.
async fn fetch_beside_module(path: &str) -> Result<String, String> {
    let url = super::element::module_relative(path).ok_or("no module URL")?;
    let response = super::browser::fetch(&url)
        .await
        .map_err(|problem| format!("{url} {problem}"))?;
    let text = response.text().map_err(|_| "no text")?;
    wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(|| format!("{url} is not text"))
}

/// Makes `lang`'s catalogue available; `Err` says why it could not be.
pub async fn load(lang: UiLang) -> Result<(), String> {
    if lang.is_loaded() {
        return Ok(());
    }
    let text = fetch_text(&format!("{}.txt", lang.code())).await?;
    messages::install(lang.code(), text)
        .map(|_| ())
        .map_err(|error| format!("line {}: {}", error.line, error.message))
}

/// Makes the "Why?" panel's texts available: the rule sentences in the
/// visitor's language and the sources' own sentences, once each.
pub async fn load_why(lang: UiLang) -> Result<(), String> {
    let problem =
        |error: messages::CatalogueError| format!("line {}: {}", error.line, error.message);
    if messages::why_for(lang.code()).is_none() {
        load(lang).await?;
    }
    if messages::why_for(lang.code()).is_none() {
        let text = fetch_text(&format!("why/{}.txt", lang.code())).await?;
        messages::install_why(lang.code(), text).map_err(problem)?;
    }
    if messages::quotes().is_none() {
        let text = fetch_text("sources.txt").await?;
        messages::install_quotes(text).map_err(problem)?;
    }
    Ok(())
}

thread_local! {
    /// Whether the classifier's vocabulary is at hand: what reads the
    /// visitor's words follows it, so suggestions appear once it arrives.
    static VOCABULARY_READY: ArcRwSignal<bool> = ArcRwSignal::new(classify::is_ready());
}

/// Tracks, in a reactive context, whether the vocabulary is at hand.
pub fn vocabulary_ready() -> bool {
    VOCABULARY_READY.with(|ready| ready.get())
}

/// The response of a started fetch, when it is a 2xx.
async fn answered(request: js_sys::Promise) -> Option<web_sys::Response> {
    wasm_bindgen_futures::JsFuture::from(request)
        .await
        .ok()
        .and_then(|response| response.dyn_into().ok())
        .filter(|response: &web_sys::Response| response.ok())
}

/// Fetches the classifier's vocabulary (`vocabulary/lists.txt`: the lists of
/// every language, joined at build time by `scripts/bundle-vocabulary.mjs`)
/// and its model once, after the first paint: nothing before the first
/// typed words needs them. Callers at the same time (the widget, the
/// element's rules, `embed.js`) wait for the one load; a failed one is tried
/// again by the next caller.
pub async fn load_vocabulary() -> Result<(), String> {
    // One load at a time: a caller meanwhile waits for it, a task at a
    // time, and then finds the vocabulary there (or tries again).
    while VOCABULARY_LOADING.get() {
        super::browser::next_task().await;
    }
    if classify::is_ready() {
        return Ok(());
    }
    VOCABULARY_LOADING.set(true);
    let loaded = fetch_and_install_vocabulary().await;
    VOCABULARY_LOADING.set(false);
    loaded
}

thread_local! {
    /// Whether a load of the vocabulary is under way.
    static VOCABULARY_LOADING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

async fn fetch_and_install_vocabulary() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    // Both requests start now (a fetch's promise is eager); then each is read.
    let fetch = |path: &str| {
        window.fetch_with_str(&super::element::module_relative(path).unwrap_or_default())
    };
    let model_request = fetch("./vocabulary/model.bin");
    let lists_request = fetch("./vocabulary/lists.txt");
    let failed = || "vocabulary/lists.txt could not be fetched".to_owned();
    let response = answered(lists_request).await.ok_or_else(failed)?;
    let text = response.text().map_err(|_| failed())?;
    let lists = wasm_bindgen_futures::JsFuture::from(text)
        .await
        .ok()
        .and_then(|text| text.as_string())
        .ok_or_else(failed)?;
    // The learned model (`vocabulary/model.bin`, the classifier's n-gram
    // weights), fetched alongside the lists.
    let failed = || "vocabulary/model.bin could not be fetched".to_owned();
    let response = answered(model_request).await.ok_or_else(failed)?;
    let buffer = response.array_buffer().map_err(|_| failed())?;
    let buffer = wasm_bindgen_futures::JsFuture::from(buffer)
        .await
        .map_err(|_| failed())?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    // Read a part at a time, a browser task each: all ten languages at once
    // would hold the page for some 40 ms on a slow phone.
    let mut shipped = Vocabulary::default();
    for part in vocabulary::sections_in_parts(&lists, LIST_PART_BYTES) {
        super::browser::next_task().await;
        let _ = shipped.add_list("shipped", part);
    }
    super::browser::next_task().await;
    shipped.sort();
    // Installed together, so that nothing reads a text with the model but
    // without its lists.
    classify::install_model(&bytes)?;
    classify::install_shipped(shipped);
    super::browser::next_task().await;
    VOCABULARY_READY.with(|ready| ready.set(true));
    Ok(())
}

/// About how much of the lists one browser task reads.
const LIST_PART_BYTES: usize = 8 * 1024;
