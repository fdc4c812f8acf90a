//! The contract of `shared/spec/contract.md`: the case a visitor gives, the
//! decision the engine returns, the closed vocabularies both use, and the
//! reading of raw input into a validated case.

pub mod case;
pub mod decision;
pub mod enums;
pub mod fields;
pub mod language;
pub mod raw;
pub mod rule_id;
pub mod tape;
