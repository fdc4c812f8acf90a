//! The JavaScript API: `evaluate(case)` and `classify(text)`, taking and
//! returning plain objects in the contract.md shape.

use super::{now, with_engine};
use crate::engine::classify::vocabulary::Vocabulary;
use crate::engine::contract::tape::{self, Tape};
use crate::engine::{classify as classifier, evaluate as evaluate_raw, Raw};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/www/tape.js")]
extern "C" {
    fn build_value(words: &[u32], text: &str) -> JsValue;
    fn read_value(value: &JsValue) -> js_sys::Array;
}

thread_local! {
    /// Kept between calls, so that a decision reuses the last one's room.
    static TAPE: std::cell::RefCell<Tape> = Default::default();
}

/// Contract objects as plain JSON-like JS objects (maps as objects, `None`
/// as `null`), built by `www/tape.js` from a tape in one call rather than
/// one call from the module for each of a decision's hundred-odd values.
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    TAPE.with_borrow_mut(|tape| {
        tape.write(value)
            .map_err(|error| JsError::new(&error.to_string()))?;
        Ok(build_value(&tape.words, &tape.text))
    })
}

/// A plain JS value as an input tree: written as a tape by `www/tape.js`
/// (`read_value`) and read by [`tape::read`], so that it crosses in a few
/// calls rather than several for each field.
pub fn raw_from_js(value: &JsValue) -> Result<Raw, String> {
    let written = read_value(value);
    let words: js_sys::Float64Array = written.get(0).unchecked_into();
    let text = written.get(1).as_string().unwrap_or_default();
    tape::read(&words.to_vec(), &text)
}

/// Decides one case. Throws an `Error` whose message names the bad field.
#[wasm_bindgen]
pub fn evaluate(case: JsValue) -> Result<JsValue, JsError> {
    let raw = raw_from_js(&case)
        .map_err(|error| JsError::new(&format!("the case must be a plain object: {error}")))?;
    let decision = with_engine(|ruleset, zones| evaluate_raw(&raw, now(), ruleset, zones));
    match decision {
        Ok(decision) => to_js(&decision),
        Err(error) => Err(JsError::new(&error.to_string())),
    }
}

/// What a description says: `{ category, suggestions, signals, products }`,
/// where `category` is the category the text settles, or `null`.
#[wasm_bindgen]
pub fn classify(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Answer {
        category: Option<crate::engine::contract::enums::Category>,
        suggestions: Vec<crate::engine::classify::Suggestion>,
        signals: Vec<classifier::SignalHit>,
        products: Vec<classifier::ProductHit>,
    }
    let result = classifier::classify(text);
    to_js(&Answer {
        category: result.confident,
        suggestions: result.suggestions,
        signals: result.signals,
        products: result.products,
    })
}

/// Installs the classifier's shipped vocabulary and model from given text
/// and bytes rather than fetching them: for Node, where nothing is fetched
/// (`scripts/bench-wasm` times the classifier with both). `lists` is
/// `vocabulary/lists.txt` and `model` is `vocabulary/model.bin`, as the
/// build writes them beside the module.
#[wasm_bindgen(js_name = installClassifier)]
pub fn install_classifier(lists: &str, model: &[u8]) -> Result<(), JsError> {
    classifier::install_model(model).map_err(|error| JsError::new(&error))?;
    classifier::install_shipped(Vocabulary::from_lists(&[("shipped", lists)]));
    Ok(())
}

/// Makes an interface language's texts available to `evaluate` (fetched
/// beside the module, once): `await loadLocale("ja")`, then a case with
/// `"locale": "ja"` is decided in Japanese. Until then a decision's texts are
/// English and its `locale` says so. Resolves to the language's tag.
#[wasm_bindgen(js_name = loadLocale)]
pub async fn load_locale(tag: String) -> Result<JsValue, JsError> {
    let lang = crate::widget::i18n::UiLang::parse(&tag).ok_or_else(|| {
        JsError::new(&format!(
            "{} is not an interface language; use one of: {}",
            crate::engine::contract::raw::quoted(&tag),
            crate::engine::contract::language::interface_tags().join(", ")
        ))
    })?;
    super::locales::load(lang)
        .await
        .map_err(|problem| JsError::new(&problem))?;
    Ok(JsValue::from_str(lang.code()))
}

/// Fetches the classifier's vocabulary beside the module, once: `evaluate`
/// and `classify` read a description's words after it has arrived (the
/// widget loads it by itself after its first paint; `embed.js` awaits it).
#[wasm_bindgen(js_name = loadVocabulary)]
pub async fn load_vocabulary() -> Result<(), JsError> {
    super::locales::load_vocabulary()
        .await
        .map_err(|problem| JsError::new(&problem))
}
