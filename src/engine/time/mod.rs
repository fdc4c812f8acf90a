//! Time: IANA zones, holiday lists and the business-hours clock.

pub mod clock;
pub mod holidays;
pub mod offsets;
pub mod zone;
