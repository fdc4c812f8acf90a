//! Time-zone rules from the browser's own `Intl` data: the widget ships no
//! zone database, yet accepts every IANA zone the browser knows.

use crate::engine::time::offsets::OffsetTable;
use crate::engine::time::remembered;
use crate::engine::ZoneRules;
use chrono::{DateTime, NaiveDate, Timelike, Utc};
use js_sys::{Array, Date, Intl, Object, Reflect};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

/// Asks `Intl.DateTimeFormat` for a zone's wall-clock time at an instant,
/// and remembers the answers as stretches of constant offset
/// ([`OffsetTable`]): the clock asks about many instants, `Intl` answers in
/// microseconds, the table in nanoseconds. Formatters and tables are kept
/// per zone; a page meets a handful of zones, so a list does (a map would
/// cost more bytes).
#[derive(Default)]
pub struct IntlZones {
    zones: RefCell<Vec<KnownZone>>,
}

struct KnownZone {
    name: String,
    formatter: Option<Intl::DateTimeFormat>,
    /// The zone's spelling as `Intl` resolves it (asked once: `None` when
    /// the zone is unknown).
    canonical: Option<String>,
    offsets: OffsetTable,
}

/// The most zones remembered at once.
const KEPT_ZONES: usize = 32;

impl IntlZones {
    /// Runs `f` on the zone's entry, made on first use.
    fn with_zone<T>(&self, zone: &str, f: impl FnOnce(&mut KnownZone) -> T) -> T {
        let mut zones = self.zones.borrow_mut();
        let make = || {
            let formatter = new_formatter(zone);
            KnownZone {
                name: zone.to_owned(),
                canonical: formatter
                    .as_ref()
                    .map(|formatter| canonical_name(formatter, zone)),
                formatter,
                offsets: OffsetTable::default(),
            }
        };
        f(remembered(
            &mut zones,
            KEPT_ZONES,
            |known| known.name == zone,
            make,
        ))
    }
}

/// The zone's name as the formatter resolved it. Intl may also swap a link
/// for its target (Asia/Kolkata ↔ Asia/Calcutta); only its spelling is
/// taken, so that the CLI and the browser agree.
fn canonical_name(formatter: &Intl::DateTimeFormat, zone: &str) -> String {
    match resolved_zone(formatter) {
        Some(name) if name.eq_ignore_ascii_case(zone) => name,
        _ => zone.to_owned(),
    }
}

/// The zone a formatter resolved to (its `resolvedOptions().timeZone`).
pub fn resolved_zone(formatter: &Intl::DateTimeFormat) -> Option<String> {
    Reflect::get(&formatter.resolved_options(), &"timeZone".into())
        .ok()?
        .as_string()
}

/// `new Intl.DateTimeFormat("en-US", {timeZone, ...})`, which throws a
/// RangeError for an unknown zone: `Reflect.construct` turns that into `None`.
fn new_formatter(zone: &str) -> Option<Intl::DateTimeFormat> {
    let options = Object::new();
    let set = |key: &str, value: &str| Reflect::set(&options, &key.into(), &value.into()).ok();
    set("timeZone", zone)?;
    set("hourCycle", "h23")?;
    for field in ["year", "month", "day", "hour", "minute", "second"] {
        set(field, "numeric")?;
    }
    let constructor = Reflect::get(&js_sys::global(), &"Intl".into())
        .and_then(|intl| Reflect::get(&intl, &"DateTimeFormat".into()))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let args = Array::of2(&JsValue::from_str("en-US"), &options);
    Reflect::construct(&constructor, &args)
        .ok()
        .map(JsCast::unchecked_into)
}

impl ZoneRules for IntlZones {
    fn canonical_name(&self, zone: &str) -> Option<String> {
        self.with_zone(zone, |known| known.canonical.clone())
    }

    fn offset_seconds(&self, zone: &str, at: DateTime<Utc>) -> Option<i32> {
        self.with_zone(zone, |known| {
            let formatter = known.formatter.as_ref()?;
            let mut probe = |seconds| intl_offset(formatter, seconds);
            known.offsets.offset(at.timestamp(), &mut probe)
        })
    }
}

/// The zone's offset at `seconds` after the epoch, from its formatter's
/// wall-clock fields.
fn intl_offset(formatter: &Intl::DateTimeFormat, seconds: i64) -> Option<i32> {
    let at = DateTime::from_timestamp(seconds, 0)?;
    let date = Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
    let mut fields = [0i64; 6];
    for part in formatter.format_to_parts(&date).iter() {
        let kind = Reflect::get(&part, &"type".into()).ok()?.as_string()?;
        let slot = match kind.as_str() {
            "year" => 0,
            "month" => 1,
            "day" => 2,
            "hour" => 3,
            "minute" => 4,
            "second" => 5,
            _ => continue,
        };
        let value = Reflect::get(&part, &"value".into()).ok()?.as_string()?;
        fields[slot] = value.parse().ok()?;
    }
    let [year, month, day, hour, minute, second] = fields;
    let local = NaiveDate::from_ymd_opt(year as i32, month as u32, day as u32)?.and_hms_opt(
        (hour % 24) as u32,
        minute as u32,
        second as u32,
    )?;
    let utc_wall = at.naive_utc().with_nanosecond(0)?;
    Some((local - utc_wall).num_seconds() as i32)
}
