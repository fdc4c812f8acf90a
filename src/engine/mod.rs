//! The decision engine: pure Rust, no DOM and no wasm dependency. It turns a
//! case into a decision exactly as `shared/spec/contract.md` defines, from the
//! rules of `shared/spec/policy.md`.
//!
//! - [`contract`]: the case and decision types, their enums and how raw input
//!   is read and validated;
//! - [`time`]: zones, holidays and the business-hours clock;
//! - [`classify`]: what the visitor's own words say;
//! - [`policy`]: the rules, as one pipeline of steps with their tables;
//! - [`messages`]: every sentence the engine writes, from a catalogue.
#![forbid(unsafe_code)]

pub mod classify;
pub mod contract;
pub mod messages;
pub mod policy;
pub mod time;

pub use contract::case::{Case, PreviousCase};
pub use contract::decision::Decision;
pub use contract::raw::{InputError, Raw};
pub use policy::decide;
pub use policy::tables::Ruleset;
pub use time::zone::ZoneRules;

use chrono::{DateTime, Utc};

/// Validates one input tree and decides it.
pub fn evaluate(
    raw: &Raw,
    now: DateTime<Utc>,
    ruleset: &Ruleset,
    zones: &dyn ZoneRules,
) -> Result<Decision, InputError> {
    decide(&Case::from_raw(raw)?, now, ruleset, zones)
}
