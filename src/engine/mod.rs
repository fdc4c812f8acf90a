//! The decision engine: pure Rust, no DOM and no wasm dependency. It turns a
//! case into a decision exactly as `shared/spec/contract.md` defines, from the
//! rules of `shared/spec/policy.md`.

pub mod case;
pub mod classify;
pub mod clock;
pub mod decide;
pub mod decision;
pub mod holidays;
pub mod input;
pub mod language;
pub mod overlay;
pub mod rules;
pub mod ruleset;
pub mod vocab;
pub mod zone;

pub use case::{Case, PreviousCase};
pub use decide::decide;
pub use decision::Decision;
pub use input::{InputError, Raw};
pub use ruleset::Ruleset;
pub use zone::ZoneRules;

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
