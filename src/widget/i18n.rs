//! The widget's own words in the visitor's interface language, read from
//! the message catalogues (`src/locales/<tag>.txt`, keys `ui.*`) that also
//! hold the engine's texts. English is built in; another language reads in
//! English until its catalogue has been fetched and installed.

use crate::engine::contract::enums::{
    Category, CategorySource, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope,
    Severity,
};
use crate::engine::contract::language::{interface_locale, INTERFACE_LANGUAGES};
use crate::engine::messages::{self, Catalogue};
use std::sync::OnceLock;

/// An interface language, by its tag (`en`, `ja`, `zh-Hant`, …).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UiLang(&'static str);

impl UiLang {
    pub const ENGLISH: UiLang = UiLang("en");

    /// Every interface language, English first.
    pub fn all() -> impl Iterator<Item = UiLang> {
        INTERFACE_LANGUAGES.iter().map(|&(tag, _)| UiLang(tag))
    }

    /// The first of the browser's languages that the interface speaks
    /// (`zh-TW` → Traditional Chinese, `pt-BR` → Portuguese), else English.
    pub fn from_browser(languages: &[String]) -> Self {
        languages
            .iter()
            .find_map(|tag| UiLang::parse(tag))
            .unwrap_or(UiLang::ENGLISH)
    }

    /// The interface language a BCP 47 tag asks for.
    pub fn parse(tag: &str) -> Option<Self> {
        interface_locale(tag).map(UiLang)
    }

    pub const fn code(self) -> &'static str {
        self.0
    }

    /// The language's own name, for the switcher.
    pub fn name(self) -> &'static str {
        INTERFACE_LANGUAGES
            .iter()
            .find(|&&(tag, _)| tag == self.0)
            .map_or(self.0, |&(_, name)| name)
    }

    /// Whether its catalogue is at hand (English always is).
    pub fn is_loaded(self) -> bool {
        messages::is_loaded(self.0)
    }

    /// Its words: English until its catalogue is installed.
    pub fn texts(self) -> &'static Texts {
        static TEXTS: [OnceLock<Texts>; INTERFACE_LANGUAGES.len()] =
            [const { OnceLock::new() }; INTERFACE_LANGUAGES.len()];
        let index = INTERFACE_LANGUAGES
            .iter()
            .position(|&(tag, _)| tag == self.0)
            .filter(|_| self.is_loaded())
            .unwrap_or(0);
        TEXTS[index].get_or_init(|| Texts::of(messages::for_locale(INTERFACE_LANGUAGES[index].0)))
    }
}

/// Declares [`Texts`]: one field per interface message.
macro_rules! texts {
    ($($field:ident = $key:literal),+ $(,)?) => {
        /// Every fixed string the widget shows, in one language.
        pub struct Texts {
            /// The catalogue the words come from (names, templates).
            pub catalogue: &'static Catalogue,
            $(pub $field: &'static str,)+
        }

        impl Texts {
            fn of(catalogue: &'static Catalogue) -> Self {
                // One loop over the keys, not one inlined look-up per field.
                let [$($field),+] = [$($key),+].map(|key| catalogue.get(key).unwrap_or(key));
                Texts {
                    catalogue,
                    $($field,)+
                }
            }
        }
    };
}

texts! {
    language_fallback = "ui.language-fallback",
    loading_language = "ui.loading-language",
    original_wording = "ui.original-wording",
    invalid_time_zone = "ui.invalid-time-zone",
    invalid_date = "ui.invalid-date",
    closed_after_submission = "ui.closed-after-submission",
    invalid_answer = "ui.invalid-answer",
    title = "ui.title",
    intro = "ui.intro",
    page_language = "ui.page-language",
    describe = "ui.describe",
    describe_hint = "ui.describe-hint",
    looks_like = "ui.looks-like",
    matched_words = "ui.matched-words",
    questions = "ui.questions",
    role = "ui.role",
    product = "ui.product",
    category = "ui.category",
    category_from_text = "ui.category-from-text",
    impact = "ui.impact",
    commit = "ui.commit",
    commit_hint = "ui.commit-hint",
    coverage = "ui.coverage",
    plan = "ui.plan",
    support_language = "ui.support-language",
    location = "ui.location",
    time_zone = "ui.time-zone",
    preview = "ui.preview",
    admin_access = "ui.admin-access",
    scope = "ui.scope",
    custom_code = "ui.custom-code",
    previous_case = "ui.previous-case",
    closed_on = "ui.closed-on",
    same_build = "ui.same-build",
    same_environment = "ui.same-environment",
    same_error = "ui.same-error",
    after_hotfix = "ui.after-hotfix",
    yes = "ui.yes",
    no = "ui.no",
    answer = "ui.answer",
    choose_product = "ui.choose-product",
    kind = "ui.kind",
    severity = "ui.severity",
    no_severity = "ui.no-severity",
    severity_pending = "ui.severity-pending",
    first_response = "ui.first-response",
    no_target = "ui.no-target",
    clock_starts = "ui.clock-starts",
    holidays = "ui.holidays",
    where_to_file = "ui.where-to-file",
    not_supported = "ui.not-supported",
    will_not = "ui.will-not",
    advice = "ui.advice",
    why = "ui.why",
    source = "ui.source",
    design_decision = "ui.design-decision",
    copy_summary = "ui.copy-summary",
    copied = "ui.copied",
    start_over = "ui.start-over",
    owner_rules_problem = "ui.owner-rules-problem",
    reopen = "ui.reopen",
    new_incident = "ui.new-incident",
    reopen_unknown = "ui.reopen-unknown",
    earlier_case = "ui.earlier-case",
    not_answered = "ui.not-answered",
    undo = "ui.undo",
    see_answer = "ui.see-answer",
    nothing_to_copy = "ui.nothing-to-copy",
    cleared = "ui.cleared",
    add_to_calendar = "ui.add-to-calendar",
    assumed_heading = "ui.assumed-heading",
    recalculate = "ui.recalculate",
    zone_hint = "ui.zone-hint",
}

impl Texts {
    /// The language the words are in.
    pub fn language(&self) -> &'static str {
        self.catalogue.language()
    }

    fn word(&self, family: &str, code: &str) -> &'static str {
        self.catalogue
            .get(&format!("ui.{family}-name.{code}"))
            .unwrap_or_default()
    }

    pub fn role_name(&self, role: Role) -> &'static str {
        self.word("role", role.as_str())
    }
    pub fn product_name(&self, product: Product) -> &'static str {
        self.word("product", product.as_str())
    }
    pub fn category_name(&self, category: Category) -> &'static str {
        self.word("category", category.as_str())
    }
    pub fn impact_words(&self, impact: Impact) -> &'static str {
        self.word("impact", impact.as_str())
    }
    pub fn coverage_name(&self, coverage: Coverage) -> &'static str {
        self.word("coverage", coverage.as_str())
    }
    pub fn plan_name(&self, plan: Plan) -> &'static str {
        self.word("plan", plan.as_str())
    }
    pub fn location_name(&self, location: Location) -> &'static str {
        self.word("location", location.as_str())
    }
    pub fn preview_name(&self, preview: Preview) -> &'static str {
        self.word("preview", preview.as_str())
    }
    pub fn scope_name(&self, scope: Scope) -> &'static str {
        self.word("scope", scope.as_str())
    }
    pub fn severity_name(&self, severity: Severity) -> &'static str {
        self.word("severity", severity.as_str())
    }
    pub fn source_name(&self, source: CategorySource) -> &'static str {
        self.word("source", source.as_str())
    }

    /// "within 4 hours", in the language's word order.
    pub fn within(&self, minutes: i64) -> String {
        let duration = self.duration(minutes);
        self.catalogue
            .format("ui.within", &[("duration", &duration)])
    }

    /// "4 hours left", in the language's word order.
    pub fn time_left(&self, minutes: i64) -> String {
        let duration = self.duration(minutes);
        self.catalogue
            .format("ui.time-left", &[("duration", &duration)])
    }

    /// "(you asked for A)".
    pub fn requested(&self, severity: Severity) -> String {
        self.catalogue
            .format("ui.requested", &[("severity", severity.as_str())])
    }

    /// A due time in the visitor's zone, and in the support calendar's when
    /// it differs: "Tue 24 Nov, 10:00 (your time) — 09:00 in Tokyo".
    pub fn due(&self, time: &str, calendar: Option<(&str, &str)>) -> String {
        match calendar {
            None => self.catalogue.format("ui.due-here", &[("time", time)]),
            Some((calendar_time, city)) => self.catalogue.format(
                "ui.due-both",
                &[
                    ("time", time),
                    ("calendar_time", calendar_time),
                    ("city", city),
                ],
            ),
        }
    }

    /// A duration in the interface language: through the browser's `Intl`
    /// in the widget, through the catalogue's plural rules natively.
    pub fn duration(&self, minutes: i64) -> String {
        let minutes = minutes.max(0);
        #[cfg(target_arch = "wasm32")]
        if let Some(words) = crate::web::browser::format_duration(minutes, self.language()) {
            return words;
        }
        let (hours, rest) = (minutes / 60, minutes % 60);
        let text = self.catalogue;
        match (hours, rest) {
            (0, m) => text.count("duration.minutes", m, &[]),
            (h, 0) => text.count("duration.hours", h, &[]),
            (h, m) => {
                let hours = text.count("duration.hours", h, &[]);
                let minutes = text.count("duration.minutes", m, &[]);
                text.format(
                    "duration.hours-minutes",
                    &[("hours", &hours), ("minutes", &minutes)],
                )
            }
        }
    }
}

/// The support languages of SUP-LANG, plus Indonesian, as (tag, own name).
pub const SUPPORT_LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("ja", "日本語"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
    ("es", "Español"),
    ("fr", "Français"),
    ("de", "Deutsch"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("id", "Bahasa Indonesia"),
];
