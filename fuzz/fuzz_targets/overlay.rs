#![no_main]
//! Any bytes as an owner overlay: JSON → `Raw` → `Ruleset::with_overlay`. A
//! bad overlay is an error naming its field, never a panic; a good one's
//! links go to `https:` or stay on the page's site (as the WHATWG URL
//! parser, the `url` crate, reads them), and valid cases are still decided
//! under it.

use chrono::DateTime;
use libfuzzer_sys::fuzz_target;
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{evaluate, Raw, Ruleset};
use url::{ParseError, Url};

const CASES: &[&str] = &[
    r#"{"product":"dynamics365","impact":"moderate","location":"japan","submitted_at":"2026-12-28T17:00:00+09:00"}"#,
    r#"{"product":"azure","role":"partner_for_customer","plan":"csp","impact":"critical","commit_24x7":true}"#,
    r#"{"product":"microsoft365","plan":"unified","impact":"minimal","location":"north_america","description":"PO number on the invoice is wrong, not slow; 請求書の金額 case 123456789"}"#,
    r#"{"product":"power_platform","location":"other","time_zone":"Pacific/Apia","submitted_at":"2011-12-29T16:00:00-10:00","impact":"minimal"}"#,
];

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = serde_json::from_slice::<Raw>(data) else {
        return;
    };
    let rules = match Ruleset::shipped().with_overlay(&raw) {
        Ok(rules) => rules,
        Err(error) => {
            assert!(!error.message.is_empty(), "an error says what is wrong");
            return;
        }
    };
    let page = Url::parse("https://widget.invalid/support/page").unwrap();
    for path in &rules.paths {
        for link in &path.links {
            let relative = Url::parse(&link.url) == Err(ParseError::RelativeUrlWithoutBase);
            if let Ok(url) = page.join(&link.url) {
                let same_site = url.host_str() == Some("widget.invalid");
                assert!(
                    same_site || url.scheme() == "https" && !relative,
                    "{:?} leads to {url}",
                    link.url
                );
            }
        }
    }
    let now = DateTime::from_timestamp(1_795_058_100, 0).unwrap();
    for case in CASES {
        let case: Raw = serde_json::from_str(case).unwrap();
        if let Err(error) = evaluate(&case, now, &rules, &TzDatabase) {
            panic!("a valid case is refused under a valid overlay: {error}");
        }
    }
});
