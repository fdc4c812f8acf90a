//! Time-zone rules, behind a trait: natively the engine uses the chrono-tz
//! database; in the browser the web layer answers from the browser's own
//! `Intl` data, so the shipped wasm carries no zone database.

use chrono::{DateTime, FixedOffset, Utc};

/// Answers "what is the UTC offset of this IANA zone at this instant?".
pub trait ZoneRules {
    /// Offset east of UTC in seconds, or `None` when `zone` is not a known
    /// IANA zone name.
    fn offset_seconds(&self, zone: &str, at: DateTime<Utc>) -> Option<i32>;

    /// The zone's name in its canonical spelling (`asia/tokyo` → `Asia/Tokyo`),
    /// or `None` when it is not a known zone.
    fn canonical_name(&self, zone: &str) -> Option<String>;

    /// The instant shown as a local time of `zone`.
    fn localize(&self, zone: &str, at: DateTime<Utc>) -> Option<DateTime<FixedOffset>> {
        let offset = FixedOffset::east_opt(self.offset_seconds(zone, at)?)?;
        Some(at.with_timezone(&offset))
    }
}

/// The IANA database compiled in by chrono-tz (native builds only).
#[cfg(not(target_arch = "wasm32"))]
#[derive(Clone, Copy, Debug, Default)]
pub struct TzDatabase;

#[cfg(not(target_arch = "wasm32"))]
impl ZoneRules for TzDatabase {
    fn offset_seconds(&self, zone: &str, at: DateTime<Utc>) -> Option<i32> {
        use chrono::Offset;
        let tz = database_zone(zone)?;
        Some(at.with_timezone(&tz).offset().fix().local_minus_utc())
    }

    fn canonical_name(&self, zone: &str) -> Option<String> {
        Some(database_zone(zone)?.name().to_owned())
    }
}

/// The database's zone of a name, case-insensitively, as the browser's
/// `Intl` reads it, so both doors agree. The exact spelling is looked up
/// first: a hash lookup, where the case-insensitive one compares the name
/// with every zone's (a deadline asks for offsets dozens of times).
#[cfg(not(target_arch = "wasm32"))]
fn database_zone(zone: &str) -> Option<chrono_tz::Tz> {
    zone.parse()
        .or_else(|_| chrono_tz::Tz::from_str_insensitive(zone))
        .ok()
}
