//! One fixture, two doors: `triage eval` here, the JavaScript API in
//! tests/e2e/embed.spec.mjs. This side checks that the CLI decides every
//! case of the fixture exactly as the engine does in-process, and that the
//! tape the JavaScript API hands its decisions over on holds the same value.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
use support_triage::engine::contract::tape::{self, word, Tape};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Raw, Ruleset};

const FIXTURE: &str = include_str!("fixtures/parity.json");

#[test]
fn the_cli_decides_the_shared_fixture_as_the_engine_does() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let cases = fixture["cases"].as_array().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_triage"))
        .args(["eval", "--compact"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(Value::Array(cases.clone()).to_string().as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    let from_cli: Value = serde_json::from_slice(&output.stdout).unwrap();
    let never = "2000-01-01T00:00:00Z".parse().unwrap();
    for (index, case) in cases.iter().enumerate() {
        let raw: Raw = serde_json::from_value(case.clone()).unwrap();
        let direct = evaluate(&raw, never, &Ruleset::shipped(), &TzDatabase).unwrap();
        assert_eq!(
            from_cli[index],
            serde_json::to_value(direct).unwrap(),
            "case {index}"
        );
    }
}

/// Reads a tape back as a JSON value, the way `www/tape.js` builds a JS
/// value from it (natively every name is text: no addresses to follow).
/// Numbers come back as floats, JavaScript's one kind of number.
fn read_tape(tape: &Tape) -> Value {
    fn value(words: &mut std::slice::Iter<u32>, text: &mut std::vec::IntoIter<u16>) -> Value {
        let mut next = || {
            *words
                .next()
                .expect("the tape ends in the middle of a value")
        };
        match next() {
            word::NULL => Value::Null,
            word::FALSE => Value::Bool(false),
            word::TRUE => Value::Bool(true),
            word::NUMBER => {
                let low = u64::from(next());
                let high = u64::from(next());
                float(f64::from_bits(high << 32 | low))
            }
            word::TEXT => {
                let units: Vec<u16> = text.take(next() as usize).collect();
                Value::String(String::from_utf16(&units).expect("a length cuts a character"))
            }
            word::ARRAY => {
                let mut list = Vec::new();
                while words.as_slice().first() != Some(&word::END) {
                    list.push(value(words, text));
                }
                words.next();
                Value::Array(list)
            }
            word::OBJECT => {
                let mut object = serde_json::Map::new();
                while words.as_slice().first() != Some(&word::END) {
                    let Value::String(key) = value(words, text) else {
                        panic!("an object's key is not a string");
                    };
                    object.insert(key, value(words, text));
                }
                words.next();
                Value::Object(object)
            }
            other => panic!("{other} does not start a value"),
        }
    }
    let mut text = tape.text.encode_utf16().collect::<Vec<_>>().into_iter();
    let mut words = tape.words.iter();
    let read = value(&mut words, &mut text);
    assert!(
        words.next().is_none() && text.next().is_none(),
        "the tape holds more than one value"
    );
    read
}

fn float(number: f64) -> Value {
    serde_json::Number::from_f64(number).map_or(Value::Null, Value::Number)
}

/// `value` with every number a float, as JavaScript reads it.
fn as_javascript_reads(value: Value) -> Value {
    match value {
        Value::Number(number) => float(number.as_f64().unwrap()),
        Value::Array(list) => Value::Array(list.into_iter().map(as_javascript_reads).collect()),
        Value::Object(object) => Value::Object(
            object
                .into_iter()
                .map(|(key, value)| (key, as_javascript_reads(value)))
                .collect(),
        ),
        other => other,
    }
}

#[test]
fn the_tape_holds_what_the_json_holds() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let never = "2000-01-01T00:00:00Z".parse().unwrap();
    let mut tape = Tape::default();
    for (index, case) in fixture["cases"].as_array().unwrap().iter().enumerate() {
        let raw: Raw = serde_json::from_value(case.clone()).unwrap();
        let decision = evaluate(&raw, never, &Ruleset::shipped(), &TzDatabase).unwrap();
        tape.write(&decision).unwrap();
        let json = as_javascript_reads(serde_json::to_value(&decision).unwrap());
        assert_eq!(read_tape(&tape), json, "case {index}");
    }
}

#[test]
fn the_tape_writes_every_shape_serde_has() {
    #[derive(serde::Serialize)]
    enum Shape {
        Unit,
        Newtype(u8),
        Tuple(i32, &'static str),
        Struct { flag: bool },
    }
    #[derive(serde::Serialize)]
    struct Everything {
        shapes: Vec<Shape>,
        absent: Option<u8>,
        present: Option<f64>,
        not_finite: f64,
        negative: i64,
        tiny: f32,
        letter: char,
        // UTF-16 lengths: a character outside the BMP is two units.
        text: &'static str,
        pair: (u8, bool),
        unit: (),
        map: std::collections::BTreeMap<&'static str, u8>,
    }
    let everything = Everything {
        shapes: vec![
            Shape::Unit,
            Shape::Newtype(7),
            Shape::Tuple(-1, "x"),
            Shape::Struct { flag: true },
        ],
        absent: None,
        present: Some(0.75),
        not_finite: f64::NAN,
        negative: -42,
        tiny: 0.5,
        letter: '𠮷',
        text: "請求書 😀 \"quoted\" \\ \n\u{1}",
        pair: (1, false),
        unit: (),
        map: [("a", 1), ("ü", 2)].into_iter().collect(),
    };
    let mut tape = Tape::default();
    tape.write(&everything).unwrap();
    let json = as_javascript_reads(serde_json::to_value(&everything).unwrap());
    assert_eq!(read_tape(&tape), json);
    // Written again, the tape holds the new value alone.
    tape.write(&Shape::Unit).unwrap();
    assert_eq!(read_tape(&tape), Value::from("Unit"));
}

#[test]
fn a_map_key_that_is_not_a_string_is_refused() {
    let map: std::collections::BTreeMap<u8, u8> = [(1, 2)].into_iter().collect();
    let error = Tape::default().write(&map).unwrap_err();
    assert_eq!(error.to_string(), "a map key is not a string");
}

/// `value` as `www/tape.js` (`read_value`) writes a JS value for the module.
fn written_by_javascript(value: &Value) -> (Vec<f64>, String) {
    fn walk(value: &Value, words: &mut Vec<f64>, text: &mut String) {
        let string = |s: &str, words: &mut Vec<f64>, text: &mut String| {
            words.extend([f64::from(word::TEXT), s.encode_utf16().count() as f64]);
            text.push_str(s);
        };
        match value {
            Value::Null => words.push(f64::from(word::NULL)),
            Value::Bool(flag) => {
                words.push(f64::from(if *flag { word::TRUE } else { word::FALSE }))
            }
            Value::Number(number) => {
                words.extend([f64::from(word::NUMBER), number.as_f64().unwrap()])
            }
            Value::String(s) => string(s, words, text),
            Value::Array(list) => {
                words.push(f64::from(word::ARRAY));
                list.iter().for_each(|item| walk(item, words, text));
                words.push(f64::from(word::END));
            }
            Value::Object(object) => {
                words.push(f64::from(word::OBJECT));
                for (key, item) in object {
                    string(key, words, text);
                    walk(item, words, text);
                }
                words.push(f64::from(word::END));
            }
        }
    }
    let (mut words, mut text) = (Vec::new(), String::new());
    walk(value, &mut words, &mut text);
    (words, text)
}

#[test]
fn a_case_read_from_javascript_is_the_case_json_gives() {
    let fixture: Value = serde_json::from_str(FIXTURE).unwrap();
    let mut values: Vec<Value> = fixture["cases"].as_array().unwrap().clone();
    // Every kind of value, and strings outside ASCII and the BMP, whose
    // lengths JavaScript counts in UTF-16 units.
    values.push(serde_json::json!({
        "description": "請求書 😀 \"quoted\" \\ 𠮷",
        "list": [1.5, -2, null, true, false, [], {}, ["ü", {"k": "v"}]],
        "": "an empty key",
        "empty": ""
    }));
    for (index, value) in values.iter().enumerate() {
        let (words, text) = written_by_javascript(value);
        let expected: Raw = serde_json::from_value(value.clone()).unwrap();
        assert_eq!(tape::read(&words, &text), Ok(expected), "value {index}");
    }
}

#[test]
fn what_is_not_json_data_is_named() {
    let not_json = [
        f64::from(word::OBJECT),
        f64::from(word::TEXT),
        1.0,
        f64::from(word::NOT_JSON),
        f64::from(word::TEXT),
        8.0,
    ];
    assert_eq!(
        tape::read(&not_json, "ffunction"),
        Err("function is not JSON data".to_owned())
    );
    let deep = [f64::from(word::ARRAY), f64::from(word::TOO_DEEP)];
    // A tape nested past what JavaScript writes is refused, not followed.
    let nested = vec![f64::from(word::ARRAY); 100_000];
    assert_eq!(
        tape::read(&nested, ""),
        Err("the value could not be read".to_owned())
    );
    assert_eq!(
        tape::read(&deep, ""),
        Err(format!("nested more than {} levels deep", tape::MAX_DEPTH))
    );
}

proptest::proptest! {
    /// A tape `www/tape.js` would never write still reads without a panic.
    #[test]
    fn any_tape_reads_without_a_panic(
        words in proptest::collection::vec(
            proptest::prop_oneof![0.0..12.0f64, proptest::num::f64::ANY],
            0..64,
        ),
        text in ".{0,16}",
    ) {
        let _ = tape::read(&words, &text);
    }
}
