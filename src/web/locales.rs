//! The catalogues the widget fetches on demand: the visitor's interface
//! language (English is built in), and, when the "Why?" panel opens, the
//! rule sentences in that language and the source documents' own
//! sentences. All are plain-text files beside the module (`locales/<tag>.txt`,
//! `locales/why/<tag>.txt`, `locales/sources.txt`), on the widget's origin.

use crate::engine::messages;
use crate::widget::i18n::UiLang;
use wasm_bindgen::JsCast;

/// Fetches a file of `locales/`, relative to the widget's module.
async fn fetch_text(name: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let url =
        super::element::module_relative(&format!("./locales/{name}")).ok_or("no module URL")?;
    let response = wasm_bindgen_futures::JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| format!("{url} could not be fetched"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "no response")?;
    if !response.ok() {
        return Err(format!("{url} answered HTTP {}", response.status()));
    }
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
