#![no_main]
//! The overlay's link check (`resolve_link`, a minimal mirror of the WHATWG
//! URL parser) against the `url` crate, a complete one: every URL it accepts
//! resolves, on an `https:` and on an `http:` page, to an `https:` URL or to
//! the page's own site, and exactly as the URL the owner wrote does.

use libfuzzer_sys::fuzz_target;
use support_triage::engine::policy::overlay::resolve_link;
use url::{ParseError, Url};

fuzz_target!(|data: &[u8]| {
    let Ok(written) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(kept) = resolve_link(written) else {
        return;
    };
    let relative = Url::parse(written) == Err(ParseError::RelativeUrlWithoutBase);
    for page in [
        "https://widget.invalid/support/page?q=1#top",
        "http://widget.invalid/support/",
    ] {
        let page = Url::parse(page).unwrap();
        let resolved = page.join(&kept);
        assert_eq!(
            resolved,
            page.join(written),
            "{written:?} is kept as {kept:?}, which resolves elsewhere"
        );
        let Ok(url) = resolved else {
            continue;
        };
        let same_site = url.scheme() == page.scheme()
            && url.host_str() == Some("widget.invalid")
            && url.port().is_none();
        assert!(
            url.scheme() == "https" || same_site,
            "{written:?} leads to {url} from {page}"
        );
        if relative {
            assert!(same_site, "{written:?} leaves {page} for {url}");
        }
    }
});
