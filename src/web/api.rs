//! The JavaScript API: `evaluate(case)` and `classify(text)`, taking and
//! returning plain objects in the contract.md shape.

use super::{now, with_engine};
use crate::engine::{classify as classifier, evaluate as evaluate_raw, Raw};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Contract objects as plain JSON-like JS objects (maps as objects, `None` as `null`).
pub fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|error| JsError::new(&error.to_string()))
}

/// Decides one case. Throws an `Error` whose message names the bad field.
#[wasm_bindgen]
pub fn evaluate(case: JsValue) -> Result<JsValue, JsError> {
    let raw: Raw = serde_wasm_bindgen::from_value(case)
        .map_err(|error| JsError::new(&format!("the case must be a plain object: {error}")))?;
    let decision = with_engine(|ruleset, zones| evaluate_raw(&raw, now(), ruleset, zones));
    match decision {
        Ok(decision) => to_js(&decision),
        Err(error) => Err(JsError::new(&error.to_string())),
    }
}

/// What a description says: `{ category, suggestions, signals }`, where
/// `category` is the category the text settles, or `null`.
#[wasm_bindgen]
pub fn classify(text: &str) -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Answer {
        category: Option<crate::engine::vocab::Category>,
        suggestions: Vec<crate::engine::decision::Suggestion>,
        signals: Vec<classifier::SignalHit>,
    }
    let result = classifier::classify(text);
    to_js(&Answer {
        category: result.confident,
        suggestions: result.suggestions,
        signals: result.signals,
    })
}
