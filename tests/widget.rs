//! The widget's pure logic, natively: answers ↔ URL ↔ the engine's input,
//! the questions asked (exactly the engine's), the answer card's grouping,
//! the interface languages, the summary.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use support_triage::engine::contract::decision::{Decision, NoticeKind};
use support_triage::engine::contract::enums::{Category, Location, Product, Severity};
use support_triage::engine::contract::fields::{self, Kind};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{decide, InputError, Raw, Ruleset};
use support_triage::widget::answers::{
    error_field, location_of, percent_decode, percent_encode, support_language_tag, Answers,
};
use support_triage::widget::i18n::{Texts, UiLang};

fn english() -> &'static Texts {
    UiLang::ENGLISH.texts()
}

fn japanese() -> &'static Texts {
    UiLang::parse("ja")
        .expect("Japanese is an interface language")
        .texts()
}
use support_triage::widget::questions::{asked, first_questions, Question, QUESTIONS};
use support_triage::widget::{
    assumptions, headline, notices_in, reasons, reopen_label, severity_label, summary, Outcome,
    Readable,
};

const NOW: &str = "2026-11-18T03:15:00Z";

fn fresh() -> Answers {
    Answers::new("Asia/Tokyo", "ja-JP")
}

fn answers(pairs: &[(&str, &str)]) -> Answers {
    let mut answers = fresh();
    for (name, value) in pairs {
        assert!(answers.set(name, value), "{name}={value} refused");
    }
    answers
}

fn outcome(answers: &Answers) -> Result<Decision, InputError> {
    let now: DateTime<Utc> = NOW.parse().unwrap();
    let case = answers.to_case().expect("a product is answered")?;
    decide(&case, now, &Ruleset::shipped(), &TzDatabase)
}

fn decide_now(case: &support_triage::engine::Case) -> Result<Decision, InputError> {
    decide(case, NOW.parse().unwrap(), &Ruleset::shipped(), &TzDatabase)
}

fn decision(pairs: &[(&str, &str)]) -> Decision {
    outcome(&answers(pairs)).unwrap()
}

#[test]
fn fresh_answers_follow_the_browser_and_answer_nothing_else() {
    let answers = fresh();
    assert_eq!(answers.get("location"), Some("japan"));
    assert_eq!(answers.get("language"), Some("ja"));
    assert_eq!(answers.get("time_zone"), Some("Asia/Tokyo"));
    assert_eq!(
        answers.get("product"),
        None,
        "the product is asked, not assumed"
    );
    assert_eq!(answers.get("impact"), None);
    assert_eq!(answers.get("commit_24x7"), None);
    assert!(answers.to_case().is_none(), "no decision before a product");
    assert_eq!(location_of("America/Chicago"), Location::NorthAmerica);
    assert_eq!(location_of("Europe/Paris"), Location::Other);
    assert_eq!(support_language_tag("zh-TW"), "zh-Hant");
    assert_eq!(support_language_tag("zh-CN"), "zh-Hans");
    assert_eq!(support_language_tag("pt-BR"), "pt");
    assert_eq!(support_language_tag("not a tag!"), "en");
}

#[test]
fn answers_round_trip_through_the_url_in_table_order() {
    let answers = answers(&[
        ("previous_case.same_build", "false"),
        ("description", "請求書が 100% 間違い & <b>? 🧾 שלום"),
        ("previous_case.number", "2611050010001234"),
        ("impact", "critical"),
        ("product", "azure"),
        ("role", "partner_for_customer"),
        ("commit_24x7", "true"),
        ("admin_access", "false"),
    ]);
    let query = answers.to_fragment();
    assert!(
        query.starts_with("role=partner_for_customer&product=azure&description="),
        "{query}"
    );
    assert!(
        query.ends_with("previous_case.number=2611050010001234&previous_case.same_build=false"),
        "{query}"
    );
    assert!(query.contains("commit_24x7=true"), "{query}");
    assert!(!query.contains(' ') && !query.contains('<'), "{query}");
    let back = Answers::from_fragment(&query, Answers::default());
    assert_eq!(back, answers);
    assert_eq!(
        Answers::from_fragment(&format!("?{query}"), Answers::default()),
        answers
    );
}

#[test]
fn an_unanswered_question_stays_absent_everywhere() {
    let answers = answers(&[("product", "dynamics365"), ("impact", "critical")]);
    assert_eq!(answers.get("commit_24x7"), None);
    assert!(!answers.to_fragment().contains("commit_24x7"));
    let Raw::Object(entries) = answers.to_raw() else {
        panic!("the answers are an object");
    };
    assert!(entries
        .iter()
        .all(|(name, _)| name != "commit_24x7" && name != "coverage"));
    // The engine assumes the default, and says the question is still open.
    let decision = outcome(&answers).unwrap();
    assert!(
        decision.unknown.contains(&"commit_24x7"),
        "{:?}",
        decision.unknown
    );
    // Taking an answer back makes it unanswered again.
    let mut answers = answers;
    answers.set("impact", "");
    assert_eq!(answers.get("impact"), None);
}

#[test]
fn answers_become_the_engines_input_through_the_field_table() {
    let answers = answers(&[
        ("product", "dynamics365"),
        ("category", "follow_up"),
        ("commit_24x7", "false"),
        ("previous_case.number", " 2611050010001234 "),
        ("previous_case.closed_on", "2026-10-01"),
        ("previous_case.same_build", "true"),
        ("previous_case.same_error", "false"),
    ]);
    let Raw::Object(entries) = answers.to_raw() else {
        panic!("the answers are an object");
    };
    let field = |name: &str| {
        entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, raw)| raw)
    };
    assert_eq!(
        field("commit_24x7"),
        Some(&Raw::Bool(false)),
        "a flag is a boolean"
    );
    assert_eq!(field("product"), Some(&Raw::Text("dynamics365".into())));
    assert_eq!(
        field("previous_case"),
        Some(&Raw::Object(vec![
            ("number".into(), Raw::Text(" 2611050010001234 ".into())),
            ("closed_on".into(), Raw::Text("2026-10-01".into())),
            ("same_build".into(), Raw::Bool(true)),
            ("same_error".into(), Raw::Bool(false)),
        ])),
        "nested fields make a nested object, unanswered ones left out"
    );
    let case = answers.to_case().unwrap().unwrap();
    let previous = case.previous_case.unwrap();
    assert_eq!(previous.number, "2611050010001234");
    assert_eq!(previous.same_build, Some(true));
    assert_eq!(
        previous.same_environment, None,
        "unknown stays unknown (REO-0)"
    );
    assert_eq!(previous.same_error, Some(false));
    assert!(!case.commit_24x7);
    // Every kind of the table has a spelling the engine reads back.
    let mut all = Answers::default();
    assert!(all.set("holidays", "2026-12-29, 2026-12-30"));
    assert!(all.set("product", "azure"));
    let case = all.to_case().unwrap().unwrap();
    assert_eq!(case.holidays.map(|list| list.len()), Some(2));
}

#[test]
fn only_what_a_field_can_hold_is_kept() {
    let mut answers = fresh();
    assert!(
        !answers.set("product", "dynamics"),
        "not a spelling of the table"
    );
    assert!(!answers.set("commit", "true"), "not a field of the case");
    assert!(
        !answers.set("previous_case", "123"),
        "an object is answered by its fields"
    );
    assert!(!answers.set("previous_case.colour", "red"));
    assert!(!answers.set("custom_code", "maybe"));
    assert!(answers.set("custom_code", "1"), "the old spelling of yes");
    assert_eq!(answers.get("custom_code"), Some("true"));
    assert!(
        answers.set("time_zone", "Mars/Olympus"),
        "the engine judges zones"
    );
    assert_eq!(answers.get("product"), None);
}

#[test]
fn a_damaged_link_keeps_what_it_can() {
    let base = fresh();
    let back = Answers::from_fragment(
        "?product=nope&impact=minimal&description=%E8%AB%8B%ZZ&junk&commit_24x7=perhaps",
        base.clone(),
    );
    assert_eq!(back.get("product"), None, "an unknown product is ignored");
    assert_eq!(back.get("impact"), Some("minimal"));
    assert_eq!(
        back.get("description"),
        Some("請%ZZ"),
        "a broken escape stays as typed"
    );
    assert_eq!(back.get("commit_24x7"), None);
    assert_eq!(back.get("location"), base.get("location"));
}

#[test]
fn percent_encoding_is_reversible_for_any_text() {
    for text in ["", "a b+c", "100%", "請求書 🧾", "مرحبا\u{200F}", "x=1&y=2"] {
        assert_eq!(percent_decode(&percent_encode(text)), text);
    }
    assert_eq!(percent_decode("a+b%20c"), "a b c");
}

#[test]
fn the_engines_errors_name_the_field_to_correct() {
    let cases: &[(&[(&str, &str)], &str)] = &[
        (&[("time_zone", "Mars/Olympus")], "time_zone"),
        (&[("language", "not a tag!")], "language"),
        (&[("holidays", "2026-12-29,2026-13-40")], "holidays"),
        (
            &[
                ("previous_case.number", "42"),
                ("previous_case.closed_on", "2027-01-01"),
            ],
            "previous_case.closed_on",
        ),
        (
            &[("previous_case.closed_on", "2026-10-01")],
            "previous_case.number",
        ),
    ];
    for (pairs, field) in cases {
        let mut answers = answers(pairs);
        answers.set("product", "dynamics365");
        let error = outcome(&answers).unwrap_err();
        assert_eq!(error_field(&error), *field, "{error}");
        // The refused answer is set aside: the rest is still decided, and
        // the form asks the field in error with the engine's questions.
        let shown = Outcome::of(&answers, decide_now);
        assert_eq!(shown.problems, std::slice::from_ref(&error), "{pairs:?}");
        let decision = shown.decision.as_ref().expect("decided without it");
        let asked_now = asked(&shown, None);
        assert!(asked_now.starts_with(&decision.questions), "{asked_now:?}");
        if Question::of(field).is_some() {
            assert!(asked_now.contains(field), "{field} is shown: {asked_now:?}");
            assert!(shown.problem_at(english(), field).is_some());
        }
    }
}

#[test]
fn the_form_asks_exactly_the_engines_questions() {
    assert_eq!(first_questions(), ["role", "product", "category"]);
    assert_eq!(
        asked(&Outcome::default(), None),
        first_questions(),
        "no decision yet"
    );
    let cases: &[&[(&str, &str)]] = &[
        &[("product", "dynamics365")],
        &[("product", "dynamics365"), ("impact", "critical")],
        &[
            ("product", "azure"),
            ("impact", "moderate"),
            ("coverage", "24x7"),
        ],
        &[
            ("product", "azure"),
            ("role", "partner_for_customer"),
            ("plan", "csp"),
        ],
        &[("product", "power_platform"), ("category", "billing")],
        &[("product", "power_platform"), ("category", "performance")],
        &[("product", "dynamics365"), ("category", "follow_up")],
        &[("product", "marketplace_app")],
        &[("product", "dynamics365"), ("preview", "private_preview")],
        &[
            ("product", "dynamics365"),
            ("previous_case.number", "2611050010001234"),
        ],
    ];
    let mut seen = Vec::new();
    for pairs in cases {
        let decision = decision(pairs);
        let shown = asked(
            &Outcome {
                decision: Some(decision.clone()),
                problems: Vec::new(),
            },
            None,
        );
        assert_eq!(shown, decision.questions, "{pairs:?}");
        assert!(shown.starts_with(&first_questions()), "{shown:?}");
        // The form's slots stand in the engine's order.
        let in_form_order: Vec<&str> = QUESTIONS
            .iter()
            .map(|question| question.name)
            .filter(|name| shown.contains(name))
            .collect();
        assert_eq!(in_form_order, shown, "{pairs:?}");
        seen.extend(shown);
    }
    // The engine decides, the widget does not: billing has no impact question.
    let billing = decision(&[("product", "power_platform"), ("category", "billing")]);
    assert!(!billing.questions.contains(&"impact"));
    // Every question the engine asked has the widget's words in every
    // language, and offers exactly the field table's values.
    for name in seen {
        let question = Question::of(name).unwrap_or_else(|| panic!("the form cannot ask {name}"));
        for lang in UiLang::all() {
            let t = lang.texts();
            assert!(!question.label(t).is_empty());
            let options = question.options(t);
            assert!(options.iter().all(|(_, words)| !words.is_empty()), "{name}");
            let field = fields::find(name).unwrap();
            let values: Vec<&str> = options
                .iter()
                .map(|(value, _)| *value)
                .filter(|value| !value.is_empty())
                .collect();
            match field.kind {
                Kind::Choice(allowed) => assert_eq!(values, allowed, "{name}"),
                Kind::Flag => assert_eq!(values, ["true", "false"], "{name}"),
                _ => {}
            }
        }
    }
    // Every question of the form is a field of the engine's table.
    for question in QUESTIONS {
        assert!(fields::find(question.name).is_some(), "{}", question.name);
    }
}

#[test]
fn the_reopen_questions_come_when_the_engine_asks_them() {
    let named = decision(&[
        ("product", "dynamics365"),
        ("previous_case.number", "2611050010001234"),
    ]);
    for question in [
        "previous_case.closed_on",
        "previous_case.same_build",
        "previous_case.same_environment",
        "previous_case.same_error",
        "previous_case.after_hotfix",
    ] {
        assert!(named.questions.contains(&question), "{question}");
        assert!(Question::of(question).is_some());
    }
    assert_eq!(
        reopen_label(english(), &named),
        Some(english().reopen_unknown)
    );
    let same = decision(&[
        ("product", "dynamics365"),
        ("previous_case.number", "2611050010001234"),
        ("previous_case.closed_on", "2026-10-20"),
        ("previous_case.same_build", "true"),
        ("previous_case.same_environment", "true"),
        ("previous_case.same_error", "true"),
        ("previous_case.after_hotfix", "false"),
    ]);
    assert_eq!(reopen_label(english(), &same), Some(english().reopen));
    let changed = decision(&[
        ("product", "dynamics365"),
        ("previous_case.number", "2611050010001234"),
        ("previous_case.same_build", "false"),
    ]);
    assert_eq!(
        reopen_label(japanese(), &changed),
        Some(japanese().new_incident)
    );
    let none = decision(&[("product", "dynamics365")]);
    assert_eq!(
        reopen_label(english(), &none),
        None,
        "no earlier case, no verdict"
    );
    assert!(!none.questions.contains(&"previous_case.closed_on"));
}

#[test]
fn notices_are_grouped_by_their_kind() {
    let decision = decision(&[
        ("product", "dynamics365"),
        ("impact", "critical"),
        ("category", "data_corruption"),
        ("description", "our plugin corrupted the records"),
    ]);
    let mut count = 0;
    for kind in NoticeKind::ALL {
        let group = notices_in(&decision, kind);
        assert!(group.iter().all(|notice| notice.kind == kind));
        count += group.len();
    }
    assert_eq!(
        count,
        decision.notices.len(),
        "every notice is in one group"
    );
    let rules = |kind| -> Vec<&str> {
        notices_in(&decision, kind)
            .iter()
            .map(|notice| notice.rule.as_str())
            .collect()
    };
    assert!(
        rules(NoticeKind::Severity).contains(&"SEV-2"),
        "{:?}",
        decision.notices
    );
    assert!(
        rules(NoticeKind::Limits).contains(&"LIM-3"),
        "{:?}",
        decision.notices
    );
}

#[test]
fn the_severity_line_says_only_what_was_decided() {
    let pending = decision(&[("product", "dynamics365")]);
    assert_eq!(
        severity_label(english(), &pending),
        english().severity_pending
    );
    let billing = decision(&[("product", "dynamics365"), ("category", "billing")]);
    assert!(!billing.severity_applies);
    assert_eq!(severity_label(english(), &billing), english().no_severity);
    let unsupported = decision(&[
        ("product", "dynamics365"),
        ("impact", "critical"),
        ("preview", "private_preview"),
    ]);
    assert!(!unsupported.supported);
    assert_eq!(
        severity_label(english(), &unsupported),
        english().no_severity
    );
    let decided = decision(&[("product", "dynamics365"), ("impact", "moderate")]);
    assert_eq!(severity_label(english(), &decided), "B: moderate");
}

#[test]
fn the_why_panel_labels_design_decisions() {
    let billing = decision(&[("product", "dynamics365"), ("category", "billing")]);
    let why = reasons(english(), &billing);
    assert_eq!(why.len(), billing.trace.len());
    let sev7 = why
        .iter()
        .find(|reason| reason.rule == "SEV-7")
        .expect("SEV-7 traced");
    assert!(
        sev7.sourced.is_none(),
        "a design rule has no source to show"
    );
    assert!(sev7.design.is_some_and(|text| !text.is_empty()));
    let critical = decision(&[("product", "dynamics365"), ("impact", "critical")]);
    let why = reasons(english(), &critical);
    let sev2 = why
        .iter()
        .find(|reason| reason.rule == "SEV-2")
        .expect("SEV-2 traced");
    assert!(sev2.sourced.is_some_and(|text| !text.is_empty()));
    let cited = &sev2.cited;
    assert!(
        cited.iter().any(|source| source.title.starts_with("003 ")),
        "{cited:?}"
    );
    // The sources' own words, in the document's language (003: Indonesian).
    let quote = cited
        .iter()
        .find(|source| source.title.starts_with("003 "))
        .unwrap();
    assert_eq!(quote.language, "id");
    assert!(quote.quote.is_some_and(|words| !words.is_empty()));
    assert!(sev2.design.is_none());
    for lang in UiLang::all() {
        assert!(!lang.texts().design_decision.is_empty());
        assert!(!lang.texts().reopen_unknown.is_empty());
    }
}

#[test]
fn every_interface_language_names_every_value() {
    for lang in UiLang::all() {
        let t = lang.texts();
        for category in Category::ALL {
            assert!(!t.category_name(*category).is_empty());
        }
        assert!(!t.title.is_empty() && !t.copy_summary.is_empty());
    }
    let lang = |tags: &[&str]| {
        UiLang::from_browser(&tags.iter().map(|tag| tag.to_string()).collect::<Vec<_>>()).code()
    };
    assert_eq!(lang(&["ko-KR", "ja-JP"]), "ja");
    assert_eq!(lang(&["ko"]), "en");
    assert_eq!(lang(&["zh-TW"]), "zh-Hant");
    assert_eq!(lang(&["zh-HK"]), "zh-Hant");
    assert_eq!(lang(&["zh-CN"]), "zh-Hans");
    assert_eq!(lang(&["zh-SG"]), "zh-Hans");
    assert_eq!(lang(&["pt-BR"]), "pt");
    assert_eq!(lang(&["pt-PT"]), "pt");
    assert_eq!(lang(&["de-CH"]), "de");
    assert_eq!(UiLang::all().count(), 10);
    // Natively, durations follow the catalogue's plural rules.
    assert_eq!(english().duration(150), "2 hours 30 minutes");
    assert_eq!(english().duration(60), "1 hour");
    assert_eq!(english().within(240), "within 4 hours");
}

#[test]
fn the_summary_carries_the_answer() {
    let answers = answers(&[
        ("product", "dynamics365"),
        ("description", "請求書の金額が間違っています"),
        ("impact", "moderate"),
    ]);
    let decision = outcome(&answers).unwrap();
    let text = summary(english(), &answers, &decision, Some("Tue 24 Nov, 13:00"));
    assert!(text.starts_with("請求書の金額が間違っています"), "{text}");
    assert!(text.contains("Kind of issue: Billing"), "{text}");
    assert!(text.contains("Which product?: Dynamics 365"), "{text}");
    assert!(
        text.contains(&format!(
            "Where to file: {} ({}",
            decision.path.title, decision.path.rule
        )),
        "{text}"
    );
    let japanese = summary(japanese(), &answers, &decision, None);
    assert!(japanese.contains("問い合わせの種類: 請求"), "{japanese}");
}

#[test]
fn presets_from_a_host_page_apply_over_fresh_answers() {
    let mut answers = Answers::new("Europe/Berlin", "en-US");
    let mut presets = Answers::default();
    for (name, value) in [
        ("role", "partner_for_customer"),
        ("product", "azure"),
        ("language", "ja"),
        ("time_zone", "Asia/Tokyo"),
    ] {
        assert!(presets.set(name, value));
    }
    assert!(!presets.set("plan", "gold"), "an unknown value is refused");
    answers.merge(&presets);
    assert_eq!(answers.get("role"), Some("partner_for_customer"));
    assert_eq!(answers.get("product"), Some("azure"));
    assert_eq!(answers.get("language"), Some("ja"));
    assert_eq!(answers.get("time_zone"), Some("Asia/Tokyo"));
    assert_eq!(
        answers.get("plan"),
        None,
        "what is not preset stays unanswered"
    );
}

#[test]
fn a_mistyped_zone_is_refused_at_its_field_and_the_card_stays() {
    let mut typed = answers(&[("product", "dynamics365"), ("impact", "moderate")]);
    typed.set("time_zone", "Tokyo");
    let shown = Outcome::of(&typed, decide_now);
    assert_eq!(shown.problems.len(), 1);
    assert_eq!(error_field(&shown.problems[0]), "time_zone");
    assert_eq!(
        shown.problem_at(english(), "time_zone"),
        Some(english().invalid_time_zone)
    );
    let decision = shown.decision.expect("the rest is still decided");
    assert_eq!(decision.severity, Some(Severity::B));
    // Nothing refused: no problems, the same decision as the engine's.
    let fine = answers(&[("product", "dynamics365"), ("impact", "moderate")]);
    let shown = Outcome::of(&fine, decide_now);
    assert!(shown.problems.is_empty());
    assert_eq!(shown.decision, Some(outcome(&fine).unwrap()));
    // No product: nothing to decide, nothing refused.
    assert_eq!(Outcome::of(&fresh(), decide_now), Outcome::default());
}

#[test]
fn the_card_names_the_unanswered_questions_its_answer_depends_on() {
    let decide_answers = |a: &Answers| Outcome::of(a, decide_now).decision;
    // Production down: whether the visitor can work around the clock
    // decides between A and B, so it is named; a question whose answer
    // would change nothing is not.
    let down = answers(&[("product", "dynamics365"), ("impact", "critical")]);
    let decision = decide_answers(&down).unwrap();
    let assumed = assumptions(&down, &decision, decide_answers);
    let fields: Vec<&str> = assumed.iter().map(|a| a.field).collect();
    assert!(fields.contains(&"commit_24x7"), "{fields:?}");
    let commit = assumed.iter().find(|a| a.field == "commit_24x7").unwrap();
    assert_eq!(commit.assumed, "false");
    for field in &fields {
        assert!(decision.unknown.contains(field), "{field} is unanswered");
    }
    // Once answered, it is no longer an assumption.
    let mut answered = down.clone();
    answered.set("commit_24x7", "true");
    let decision = decide_answers(&answered).unwrap();
    let assumed = assumptions(&answered, &decision, decide_answers);
    assert!(
        assumed.iter().all(|a| a.field != "commit_24x7"),
        "{assumed:?}"
    );
    assert_eq!(decision.severity, Some(Severity::A));
}

/// A proposal quotes the visitor's words: a product the words only suggest
/// to the model ("the whole company…" for Dynamics 365) is not set, and a
/// signal with no word to show is not proposed.
#[test]
fn nothing_is_proposed_without_the_visitors_words() {
    use support_triage::engine::classify::{Classification, ProductHit, Signal, SignalHit};
    use support_triage::widget::proposals::proposals;
    let text = "the whole company cannot log in since 9am";
    let mut visitor = fresh();
    visitor.set("description", text);
    let read = Ruleset::shipped().classify(text);
    assert!(read.named_product().is_none(), "{:?}", read.products);
    assert!(proposals(&visitor, &read, &[]).is_empty());
    let guessed = Classification {
        signals: vec![SignalHit {
            signal: Signal::CustomCode,
            matched: Vec::new(),
        }],
        products: vec![ProductHit {
            product: Product::Azure,
            matched: vec!["whole".into()],
            named: false,
        }],
        ..Classification::default()
    };
    assert!(proposals(&visitor, &guessed, &[]).is_empty());
    let named = Ruleset::shipped().classify("our D365 sales hub shows an error");
    assert_eq!(
        named.named_product().map(|hit| hit.product),
        Some(Product::Dynamics365)
    );
}

/// The visitor's words are quoted as a list of their language: 「本番が
/// 止まって、業務に支障」 in Japanese, "down, nobody can work" in English.
#[test]
fn quoted_words_are_listed_as_the_language_lists_them() {
    use support_triage::engine::classify::{Classification, Signal, SignalHit};
    use support_triage::widget::proposals::proposals;
    let mut visitor = fresh();
    visitor.set(
        "description",
        "本番が止まっています。業務に支障が出ています",
    );
    let read = Classification {
        signals: vec![SignalHit {
            signal: Signal::ProductionDown,
            matched: vec!["本番が止まって".into(), "業務に支障".into()],
        }],
        ..Classification::default()
    };
    let found = proposals(&visitor, &read, &[]);
    assert!(
        found[0]
            .message(japanese())
            .contains("「本番が止まって、業務に支障」"),
        "{}",
        found[0].message(japanese())
    );
    assert!(found[0]
        .message(english())
        .contains("“本番が止まって, 業務に支障”"));
}

#[test]
fn what_the_text_says_is_proposed_never_imposed() {
    use support_triage::widget::proposals::{proposals, Idea};
    let text = "Our Dynamics 365 production is down since this morning, \
                see case 2611050010001234. I'm a CSP partner filing on behalf of my customer; \
                a custom plugin is involved.";
    let mut visitor = fresh();
    visitor.set("description", text);
    let classification = Ruleset::shipped().classify(text);
    let found = proposals(&visitor, &classification, &[]);
    let ideas: Vec<&Idea> = found.iter().map(|p| &p.idea).collect();
    assert_eq!(
        ideas,
        [
            &Idea::Product(Product::Dynamics365),
            &Idea::CaseNumber("2611050010001234".into()),
            &Idea::ForCustomer { csp: true },
            &Idea::ProductionDown,
            &Idea::CustomCode,
        ]
    );
    // Named things are filled in at once; facts about the visitor are asked.
    assert!(found[0].automatic && found[1].automatic);
    assert!(found[2..].iter().all(|p| !p.automatic));
    assert!(found[0].message(english()).contains("Dynamics 365"));
    assert!(found[1].message(english()).contains("2611050010001234"));
    // Applied, they hold and are not proposed again; undone, the fields are
    // unanswered again.
    let mut applied = visitor.clone();
    for proposal in &found {
        proposal.apply(&mut applied);
        assert!(proposal.holds(&applied));
    }
    assert_eq!(applied.get("role"), Some("partner_for_customer"));
    assert_eq!(applied.get("plan"), Some("csp"));
    assert_eq!(applied.get("impact"), Some("critical"));
    assert!(proposals(&applied, &classification, &[]).is_empty());
    found[0].undo(&mut applied);
    assert_eq!(applied.get("product"), None);
    // A declined idea is not made again; an answer the visitor gave is
    // never overwritten.
    let declined = [Idea::Product(Product::Dynamics365)];
    assert!(proposals(&applied, &classification, &declined).is_empty());
    let mut own = visitor.clone();
    own.set("product", "azure");
    own.set("impact", "minimal");
    let left = proposals(&own, &classification, &[]);
    assert!(left
        .iter()
        .all(|p| !matches!(p.idea, Idea::Product(_) | Idea::ProductionDown)));
    // The case number leads to the reopen questions and, answered, a verdict.
    let mut follow_up = answers(&[("product", "dynamics365"), ("description", text)]);
    found[1].apply(&mut follow_up);
    let decision = outcome(&follow_up).unwrap();
    assert!(decision.questions.contains(&"previous_case.same_build"));
    for field in [
        "previous_case.same_build",
        "previous_case.same_environment",
        "previous_case.same_error",
        "previous_case.after_hotfix",
    ] {
        follow_up.set(field, "true");
    }
    follow_up.set("previous_case.closed_on", "2026-11-10");
    let decision = outcome(&follow_up).unwrap();
    assert!(reopen_label(english(), &decision).is_some());
    assert!(
        decision.reopen.is_some(),
        "a verdict: {:?}",
        decision.reopen
    );
}

#[test]
fn the_headline_says_kind_severity_when_and_where_in_the_visitors_language() {
    let decision = decision(&[("product", "dynamics365"), ("impact", "moderate")]);
    let line = headline(english(), &decision, Some("Wed 18 Nov, 16:15"));
    assert!(
        line.contains(english().category_name(decision.category)),
        "{line}"
    );
    assert!(line.contains("B: moderate"), "{line}");
    assert!(line.contains("Wed 18 Nov, 16:15"), "{line}");
    assert!(line.contains(&*decision.path.title), "{line}");
    let readable = Readable::new(english(), &decision, Some("16:15".into()), None);
    assert_eq!(readable.locale, "en");
    assert_eq!(readable.severity, "B: moderate");
    assert_eq!(readable.first_response.as_deref(), Some("within 4 hours"));
    assert_eq!(
        readable.summary,
        headline(english(), &decision, Some("16:15"))
    );
    let japanese_line = headline(japanese(), &decision, None);
    assert!(!japanese_line.contains("severity"), "{japanese_line}");
}

#[test]
fn the_calendar_file_is_one_valid_event_at_the_due_time() {
    use support_triage::widget::calendar::event;
    let due: DateTime<Utc> = "2026-11-24T01:00:00Z".parse().unwrap();
    let stamp: DateTime<Utc> = "2026-11-20T09:00:00Z".parse().unwrap();
    let details =
        "障害・不具合 · 重大度 A · 回答期限 11月24日(火) 10:00, file; here\\now\nnext line "
            .repeat(3);
    let file = event(due, stamp, "Support, first response", &details);
    assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(file.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    assert!(file.contains("\r\nDTSTART:20261124T010000Z\r\n"));
    assert!(file.contains("\r\nDTEND:20261124T011500Z\r\n"));
    assert!(file.contains("\r\nDTSTAMP:20261120T090000Z\r\n"));
    assert!(file.contains("SUMMARY:Support\\, first response\r\n"));
    for line in file.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    // Unfolded, the description is the text, escaped.
    let unfolded = file.replace("\r\n ", "");
    let description = unfolded
        .lines()
        .find_map(|line| line.strip_prefix("DESCRIPTION:"))
        .unwrap();
    assert_eq!(
        description.trim_end_matches('\r'),
        details
            .replace('\\', "\\\\")
            .replace(';', "\\;")
            .replace(',', "\\,")
            .replace('\n', "\\n")
    );
}

#[test]
fn a_description_being_typed_is_told_apart_from_other_answers() {
    let before = answers(&[("product", "azure"), ("description", "the portal")]);
    let mut typed = before.clone();
    typed.set("description", "the portal is slow");
    assert!(before.differs_only_in(&typed, "description"));
    let mut other = typed.clone();
    other.set("impact", "moderate");
    assert!(!before.differs_only_in(&other, "description"));
    assert!(
        !before.differs_only_in(&before, "description"),
        "nothing differs"
    );
}
