//! Helpers shared by the native test files.
#![allow(dead_code)]

use std::process::{Child, Command, Stdio};
use support_triage::engine::contract::decision::DecidedField;
use support_triage::engine::contract::enums::{
    Category, CategorySource, Coverage, HolidayListName, Impact, Location, Plan, Preview, Product,
    Reopen, Role, Scope, Signal,
};
use support_triage::engine::contract::fields;
use support_triage::engine::Case;

/// The instant the command-line tests decide at.
pub const NOW: &str = "2026-11-18T03:15:00Z";

/// `triage` started with every stream piped.
pub fn spawn_triage(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_triage"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("triage runs")
}

/// The contract codes no sentence may show (COH-4).
pub struct Codes {
    /// Enum spellings and field names with an underscore: matched anywhere.
    joined: Vec<&'static str>,
    /// Bare codes that are not English words: matched as whole words.
    bare: &'static [&'static str],
}

impl Codes {
    pub fn new() -> Self {
        let mut joined: Vec<&'static str> = [
            Role::NAMES,
            Product::NAMES,
            Category::NAMES,
            Impact::NAMES,
            Coverage::NAMES,
            Plan::NAMES,
            Location::NAMES,
            Preview::NAMES,
            Scope::NAMES,
            CategorySource::NAMES,
            Reopen::NAMES,
            Signal::NAMES,
            HolidayListName::NAMES,
        ]
        .concat();
        joined.extend(fields::names(fields::CASE));
        joined.extend(fields::names(fields::PREVIOUS_CASE));
        joined.retain(|code| code.contains('_'));
        joined.sort_unstable();
        joined.dedup();
        Codes {
            joined,
            bare: &[
                "ja",
                "id",
                "en",
                "ga",
                "csp",
                "dynamics365",
                "microsoft365",
                "ems",
                "japan",
            ],
        }
    }

    /// What COH-4 finds wrong with a sentence, if anything.
    pub fn problem(&self, text: &str) -> Option<String> {
        if text.contains('⟦') {
            return Some("a missing catalogue key (⟦…⟧)".into());
        }
        if text.contains('{') {
            return Some("an unfilled argument ({…})".into());
        }
        if let Some(code) = self.joined.iter().find(|code| text.contains(**code)) {
            return Some(format!("the code {code:?}"));
        }
        self.bare
            .iter()
            .find(|code| has_word(text, code))
            .map(|code| format!("the bare code {code:?}"))
    }
}

/// Whether `word` occurs in `text` with no letter, digit or `_` on either side.
fn has_word(text: &str, word: &str) -> bool {
    let bytes = text.as_bytes();
    let is_word = |byte: u8| byte.is_ascii_alphanumeric() || byte == b'_';
    text.match_indices(word).any(|(start, _)| {
        let end = start + word.len();
        (start == 0 || !is_word(bytes[start - 1])) && (end >= bytes.len() || !is_word(bytes[end]))
    })
}

/// The decision fields every decision of `case` must trace a rule for (COH-3).
pub fn decided_fields(case: &Case) -> Vec<DecidedField> {
    let mut fields = vec![
        DecidedField::Category,
        DecidedField::Supported,
        DecidedField::Severity,
        DecidedField::Response,
        DecidedField::Path,
    ];
    if case.previous_case.is_some() {
        fields.push(DecidedField::Reopen);
    }
    fields
}
