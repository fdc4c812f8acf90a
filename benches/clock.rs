//! Deadline computation on the business-hours clock: `cargo bench --bench clock`.

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use chrono::{DateTime, Utc};
    use criterion::{black_box, Criterion};
    use support_triage::engine::time::clock::BusinessHours;
    use support_triage::engine::time::holidays::HolidayList;
    use support_triage::engine::time::zone::TzDatabase;
    use support_triage::engine::{decide, Case, Raw, Ruleset};

    fn instant(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text)
            .unwrap()
            .with_timezone(&Utc)
    }

    pub fn deadlines(c: &mut Criterion) {
        let japan = HolidayList::JapanNational;
        let clock = BusinessHours {
            zone: "Asia/Tokyo",
            opens: 9 * 60,
            closes: 17 * 60 + 30,
            holidays: &japan,
            zones: &TzDatabase,
        };
        let friday_evening = instant("2026-11-20T17:45:00+09:00");
        c.bench_function("deadline: 8 hours, over a weekend and a holiday", |b| {
            b.iter(|| clock.deadline(black_box(friday_evening), black_box(480)))
        });
        c.bench_function("deadline: a year of open time (250 working days)", |b| {
            b.iter(|| clock.deadline(black_box(friday_evening), black_box(250 * 510)))
        });
        let raw: Raw = serde_json::from_str(
            r#"{"product":"dynamics365","impact":"minimal","location":"north_america","submitted_at":"2026-03-06T17:00:00-08:00"}"#,
        )
        .unwrap();
        let case = Case::from_raw(&raw).unwrap();
        let ruleset = Ruleset::shipped();
        c.bench_function("whole decision, business hours", |b| {
            b.iter(|| decide(black_box(&case), friday_evening, &ruleset, &TzDatabase))
        });
    }
}

#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_group!(benches, bench::deadlines);
#[cfg(not(target_arch = "wasm32"))]
criterion::criterion_main!(benches);

#[cfg(target_arch = "wasm32")]
fn main() {}
