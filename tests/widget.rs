//! The widget's pure logic, natively: answers ↔ case and URL, the questions
//! asked, the interface languages, the summary.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use support_triage::engine::vocab::{Category, Impact, Location, Product, Role};
use support_triage::engine::zone::TzDatabase;
use support_triage::engine::{decide, Ruleset};
use support_triage::widget::answers::{
    location_of, percent_decode, percent_encode, support_language_tag, Answers, Question,
};
use support_triage::widget::i18n::{UiLang, EN, ID, JA};
use support_triage::widget::{notices_in, summary, NoticeGroup};

fn fresh() -> Answers {
    Answers::new("Asia/Tokyo", "ja-JP")
}

#[test]
fn fresh_answers_follow_the_browser() {
    let answers = fresh();
    assert_eq!(answers.location, Location::Japan);
    assert_eq!(answers.language, "ja");
    assert_eq!(answers.time_zone, "Asia/Tokyo");
    assert_eq!(answers.product, None, "the product is asked, not assumed");
    assert!(answers.to_case().is_none());
    assert_eq!(location_of("America/Chicago"), Location::NorthAmerica);
    assert_eq!(location_of("Europe/Paris"), Location::Other);
    assert_eq!(support_language_tag("zh-TW"), "zh-Hant");
    assert_eq!(support_language_tag("zh-CN"), "zh-Hans");
    assert_eq!(support_language_tag("pt-BR"), "pt");
    assert_eq!(support_language_tag("not a tag!"), "en");
}

#[test]
fn answers_round_trip_through_the_url() {
    let mut answers = fresh();
    answers.description = "請求書が 100% 間違い & <b>? 🧾 שלום".into();
    answers.product = Some(Product::Azure);
    answers.role = Role::PartnerForCustomer;
    answers.impact = Some(Impact::Critical);
    answers.commit_24x7 = true;
    answers.admin_access = false;
    answers.previous_case = "2611050010001234".into();
    let query = answers.to_query();
    assert!(query.contains("product=azure"), "{query}");
    assert!(!query.contains(' ') && !query.contains('<'), "{query}");
    let back = Answers::from_query(&query, Answers::new("UTC", "en"));
    assert_eq!(back, answers);
}

#[test]
fn a_damaged_link_keeps_what_it_can() {
    let base = fresh();
    let back = Answers::from_query(
        "?product=nope&impact=minimal&description=%E8%AB%8B%ZZ&junk",
        base.clone(),
    );
    assert_eq!(back.product, None, "an unknown product is ignored");
    assert_eq!(back.impact, Some(Impact::Minimal));
    assert_eq!(back.description, "請%ZZ", "a broken escape stays as typed");
    assert_eq!(back.location, base.location);
}

#[test]
fn percent_encoding_is_reversible_for_any_text() {
    for text in ["", "a b+c", "100%", "請求書 🧾", "مرحبا\u{200F}", "x=1&y=2"] {
        assert_eq!(percent_decode(&percent_encode(text)), text);
    }
    assert_eq!(percent_decode("a+b%20c"), "a b c");
}

#[test]
fn only_the_needed_questions_are_asked() {
    let mut answers = fresh();
    answers.product = Some(Product::Dynamics365);
    let asked = answers.questions(Some(Category::BreakFix));
    assert!(asked.contains(&Question::Impact));
    assert!(
        !asked.contains(&Question::Commit24x7),
        "no 24x7 question before the impact"
    );
    assert!(!asked.contains(&Question::AdminAccess));
    answers.impact = Some(Impact::Critical);
    assert!(answers
        .questions(Some(Category::BreakFix))
        .contains(&Question::Commit24x7));
    let billing = answers.questions(Some(Category::Billing));
    assert!(
        !billing.contains(&Question::Impact),
        "billing has no severity to ask about"
    );
    assert!(answers
        .questions(Some(Category::Performance))
        .contains(&Question::Scope));
    assert!(answers
        .questions(Some(Category::FollowUp))
        .contains(&Question::PreviousCase));
    answers.role = Role::PartnerForCustomer;
    answers.product = Some(Product::Azure);
    assert!(answers
        .questions(Some(Category::BreakFix))
        .contains(&Question::AdminAccess));
}

#[test]
fn every_interface_language_names_every_value() {
    for lang in UiLang::ALL {
        let t = lang.texts();
        for category in Category::ALL {
            assert!(!t.category_name(*category).is_empty());
        }
        assert!(!t.title.is_empty() && !t.copy_summary.is_empty());
    }
    assert_eq!(
        UiLang::from_browser(&["fr-FR".into(), "ja-JP".into()]),
        UiLang::Ja
    );
    assert_eq!(UiLang::from_browser(&["de".into()]), UiLang::En);
    assert_eq!(EN.duration(150), "2 h 30 min");
    assert_eq!(JA.duration(60 * 24 + 5), "1 日 5 分");
    assert_eq!(ID.duration(0), "0 menit");
}

#[test]
fn the_summary_carries_the_answer() {
    let mut answers = fresh();
    answers.product = Some(Product::Dynamics365);
    answers.description = "請求書の金額が間違っています".into();
    answers.impact = Some(Impact::Moderate);
    let case = answers.to_case().unwrap();
    let now: DateTime<Utc> = "2026-11-20T08:45:00Z".parse().unwrap();
    let decision = decide(&case, now, &Ruleset::shipped(), &TzDatabase).unwrap();
    let text = summary(&EN, &answers, &decision, Some("Tue 24 Nov, 13:00"));
    assert!(text.starts_with("請求書の金額が間違っています"), "{text}");
    assert!(text.contains("Kind of issue: Billing"), "{text}");
    assert!(
        text.contains(&format!("Where to file: {}", decision.path.rule)),
        "{text}"
    );
    let japanese = summary(&JA, &answers, &decision, None);
    assert!(japanese.contains("問い合わせの種類: 請求"), "{japanese}");
}

#[test]
fn notices_are_grouped_for_the_card() {
    let mut answers = fresh();
    answers.product = Some(Product::Dynamics365);
    answers.impact = Some(Impact::Critical);
    answers.category = Some(Category::DataCorruption);
    let case = answers.to_case().unwrap();
    let now: DateTime<Utc> = "2026-11-18T03:15:00Z".parse().unwrap();
    let decision = decide(&case, now, &Ruleset::shipped(), &TzDatabase).unwrap();
    let severity: Vec<&str> = notices_in(&decision, NoticeGroup::Severity)
        .iter()
        .map(|n| n.rule)
        .collect();
    let limits: Vec<&str> = notices_in(&decision, NoticeGroup::Limit)
        .iter()
        .map(|n| n.rule)
        .collect();
    assert!(severity.contains(&"SEV-2"), "{severity:?}");
    assert!(limits.contains(&"LIM-3"), "{limits:?}");
}

#[test]
fn presets_from_a_host_page_apply_over_fresh_answers() {
    use support_triage::widget::answers::Presets;
    let mut answers = Answers::new("Europe/Berlin", "en-US");
    Presets {
        role: Some(Role::PartnerForCustomer),
        product: Some(Product::Azure),
        language: Some("ja".into()),
        time_zone: Some("Asia/Tokyo".into()),
        ..Presets::default()
    }
    .apply(&mut answers);
    assert_eq!(answers.role, Role::PartnerForCustomer);
    assert_eq!(answers.product, Some(Product::Azure));
    assert_eq!(answers.language, "ja");
    assert_eq!(answers.time_zone, "Asia/Tokyo");
    assert_eq!(
        answers.plan.as_str(),
        "standard",
        "what is not preset keeps its default"
    );
}
