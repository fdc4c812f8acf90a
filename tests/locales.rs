//! Every interface language's catalogue (`src/locales/<tag>.txt`, with its
//! "Why?" texts in `src/locales/why/<tag>.txt`) holds exactly English's
//! keys, each with the same named arguments, so that no visitor meets a
//! missing message or an unfilled `{argument}`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;
use support_triage::engine::messages::Catalogue;

fn catalogues() -> Vec<(String, &'static Catalogue)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/locales");
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Some(tag) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".txt"))
        else {
            continue;
        };
        if tag == "sources" {
            continue;
        }
        // A language's messages and its "Why?" texts, checked as one; the
        // "Why?" texts may also stand in the language's one file.
        let mut text = std::fs::read_to_string(&path).unwrap();
        let why = std::path::Path::new(dir)
            .join("why")
            .join(format!("{tag}.txt"));
        text.push('\n');
        text.push_str(&std::fs::read_to_string(why).unwrap_or_default());
        let text: &'static str = Box::leak(text.into_boxed_str());
        let language: &'static str = Box::leak(tag.to_owned().into_boxed_str());
        let catalogue = Catalogue::parse(language, text)
            .unwrap_or_else(|error| panic!("{tag}.txt line {}: {}", error.line, error.message));
        found.push((tag.to_owned(), &*Box::leak(Box::new(catalogue))));
    }
    found.sort_by(|a, b| a.0.cmp(&b.0));
    found
}

#[test]
fn every_language_has_every_key_with_the_same_arguments() {
    let all = catalogues();
    let english = all.iter().find(|(tag, _)| tag == "en").expect("en.txt").1;
    let keys: BTreeSet<&str> = english.keys().collect();
    assert!(all.len() >= 2, "only {} catalogue(s)", all.len());
    let mut problems = Vec::new();
    for (tag, catalogue) in &all {
        let theirs: BTreeSet<&str> = catalogue.keys().collect();
        for missing in keys.difference(&theirs) {
            problems.push(format!("{tag}: lacks {missing}"));
        }
        for extra in theirs.difference(&keys) {
            problems.push(format!("{tag}: has {extra}, which English does not"));
        }
        for key in keys.intersection(&theirs) {
            let want: BTreeSet<&str> = english.arguments(key).into_iter().collect();
            let got: BTreeSet<&str> = catalogue.arguments(key).into_iter().collect();
            if want != got {
                problems.push(format!(
                    "{tag}: {key} has arguments {got:?}, English {want:?}"
                ));
            }
            if catalogue
                .get(key)
                .is_some_and(|text| text.trim().is_empty())
            {
                problems.push(format!("{tag}: {key} is empty"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

/// Decisions in every language: the texts are that language's (the decision
/// says so), every message is found and every argument filled, for every
/// role × product × plan × category × impact.
#[test]
fn decisions_read_whole_in_every_language() {
    use support_triage::engine::contract::enums::{Category, Impact, Plan, Product, Role};
    use support_triage::engine::contract::language::interface_tags;
    use support_triage::engine::time::zone::TzDatabase;
    use support_triage::engine::{decide, Case, Ruleset};

    let ruleset = Ruleset::shipped();
    let now = "2026-11-20T09:30:00Z".parse().unwrap();
    let mut problems = Vec::new();
    let mut decided = 0;
    for tag in interface_tags() {
        for &product in Product::ALL {
            for &role in Role::ALL {
                for &plan in Plan::ALL {
                    let categories = Category::ALL.iter().copied().map(Some).chain([None]);
                    for category in categories {
                        for impact in Impact::ALL.iter().copied().map(Some).chain([None]) {
                            let mut case = Case::new(product);
                            (case.role, case.plan, case.category, case.impact) =
                                (role, plan, category, impact);
                            case.locale = tag;
                            case.time_zone = "Asia/Tokyo".into();
                            let decision = decide(&case, now, &ruleset, &TzDatabase).unwrap();
                            decided += 1;
                            if decision.locale != tag {
                                problems.push(format!("{tag}: decision says {}", decision.locale));
                            }
                            let texts = decision
                                .notices
                                .iter()
                                .map(|n| &*n.text)
                                .chain(decision.trace.iter().map(|t| &*t.why))
                                .chain(decision.path.steps.iter().map(|s| s.as_ref()))
                                .chain(decision.path.links.iter().map(|l| l.label.as_ref()))
                                .chain([decision.path.title.as_ref()]);
                            for text in texts {
                                if text.contains('⟦') || text.contains('{') || text.contains('}')
                                {
                                    problems.push(format!("{tag}: {text}"));
                                }
                            }
                        }
                    }
                }
            }
        }
    }
    problems.sort();
    problems.dedup();
    assert!(decided > 30_000, "{decided} decisions");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// A suggestion's score and "from your words" label are written as each
/// language writes them: French, German and Spanish put a non-breaking
/// space before the percent sign (and French before its colon), Japanese
/// and Chinese a full-width colon.
#[test]
fn a_suggestions_score_and_label_follow_each_languages_typography() {
    for (tag, catalogue) in catalogues() {
        let score = catalogue.format("ui.score", &[("percent", "87")]);
        let spaced = matches!(tag.as_str(), "fr" | "de" | "es");
        assert_eq!(score, if spaced { "87\u{a0}%" } else { "87%" }, "{tag}");
        let label = catalogue.format("ui.matched-words", &[]);
        let colon = match tag.as_str() {
            "fr" => "\u{a0}:",
            "ja" | "zh-Hans" | "zh-Hant" => "：",
            _ => ":",
        };
        assert!(label.ends_with(colon), "{tag}: {label}");
    }
}
