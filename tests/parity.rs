//! One fixture, two doors: `triage eval` here, the JavaScript API in
//! tests/e2e/embed.spec.mjs. This side checks that the CLI decides every
//! case of the fixture exactly as the engine does in-process.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use std::io::Write;
use std::process::{Command, Stdio};
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
