//! CLS-0..14: what kind of issue it is — the visitor's explicit answer, else
//! the product or release stage, else what the text clearly says, else
//! break-fix — and the release stage the rest of the rules read (CLS-12).

use super::Run;
use crate::engine::classify::Classification;
use crate::engine::contract::decision::DecidedField;
use crate::engine::contract::enums::{Category, CategorySource, Preview, Product, Scope, Signal};
use crate::engine::contract::rule_id::RuleId;

/// How support treats a category: with an A/B/C severity, or without one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handling {
    /// Break-fix work with a severity (CLS-1 and the technical categories).
    Technical,
    /// Advisory work (CLS-2, and performance across several areas, LIM-1).
    Advisory,
    /// Billing, subscription, licensing, fraud, marketplace, RCA (SEV-7).
    NoSeverity,
}

impl Handling {
    pub fn of(category: Category, scope: Scope) -> Self {
        match category {
            Category::Advisory => Handling::Advisory,
            Category::Performance if scope == Scope::MultipleAreas => Handling::Advisory,
            Category::Billing
            | Category::Subscription
            | Category::Licensing
            | Category::Fraud
            | Category::Marketplace
            | Category::RcaRequest => Handling::NoSeverity,
            Category::BreakFix
            | Category::ServiceIncident
            | Category::Performance
            | Category::DataCorruption
            | Category::Preview
            | Category::FollowUp => Handling::Technical,
        }
    }
}

/// What kind of request the case is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Kind {
    pub category: Category,
    pub source: CategorySource,
    pub handling: Handling,
    /// The release stage the rules apply: the visitor's answer, or a
    /// public preview when only the text names a preview (CLS-12).
    pub preview: Preview,
    /// Whether `preview` was read from the text rather than answered.
    pub preview_from_text: bool,
}

pub(super) fn decide(run: &mut Run, text: &Classification) -> Kind {
    let case = run.case;
    let preview_from_text = !case.gave("preview") && text.said(Signal::Preview).is_some();
    let preview = if preview_from_text {
        Preview::PublicPreview
    } else {
        case.preview
    };
    let field = DecidedField::Category;
    let (category, source) = if let Some(category) = case.category {
        let name = run.name("category", category.as_str());
        run.trace(
            category.rule(),
            field,
            "why.category.explicit",
            &[("category", &name)],
        );
        (category, CategorySource::Explicit)
    } else if case.product == Product::MarketplaceApp {
        run.trace(RuleId::Cls7, field, "why.category.marketplace-product", &[]);
        (Category::Marketplace, CategorySource::Explicit)
    } else if preview != Preview::Ga {
        let stage = run.name("preview", preview.as_str());
        let key = if preview_from_text {
            "why.category.preview-from-text"
        } else {
            "why.category.preview"
        };
        run.trace(RuleId::Cls12, field, key, &[("stage", &stage)]);
        let source = if preview_from_text {
            CategorySource::Text
        } else {
            CategorySource::Explicit
        };
        (Category::Preview, source)
    } else if let Some(category) = text.confident {
        let suggestion = &text.suggestions[0];
        let name = run.name("category", category.as_str());
        let words = run.quote_all(&suggestion.matched);
        let score = score_words(suggestion.score);
        run.trace(
            RuleId::Cls0,
            field,
            "why.category.from-text",
            &[("category", &name), ("score", &score), ("words", &words)],
        );
        run.trace(
            category.rule(),
            field,
            "why.category.text-decided",
            &[("category", &name)],
        );
        (category, CategorySource::Text)
    } else {
        if !text.suggestions.is_empty() {
            let unclear: Vec<String> = text
                .suggestions
                .iter()
                .take(3)
                .map(|s| {
                    let name = run.name("category", s.category.as_str());
                    run.text.format(
                        "why.category.suggestion",
                        &[("category", &name), ("score", &score_words(s.score))],
                    )
                })
                .collect();
            let unclear = run.text.list(&unclear);
            run.trace(
                RuleId::Cls0,
                field,
                "why.category.unclear",
                &[("suggestions", &unclear)],
            );
        }
        let key = match text.suggestions.is_empty() {
            true if case.description.trim().is_empty() => "why.category.no-description",
            true => "why.category.no-match",
            false => "why.category.default",
        };
        run.trace(RuleId::Cls1, field, key, &[]);
        (Category::BreakFix, CategorySource::Default)
    };
    if case.custom_code {
        run.trace(RuleId::Cls14, field, "why.category.custom-code", &[]);
    }
    Kind {
        category,
        source,
        handling: Handling::of(category, case.scope),
        preview,
        preview_from_text,
    }
}

/// A score in 0..1 as a percentage, `97%`: it reads the same in every
/// language (no decimal point or comma), and needs no float formatter (it
/// costs the widget several kilobytes).
fn score_words(score: f64) -> String {
    let percent = (score.clamp(0.0, 1.0) * 100.0).round() as u32;
    format!("{percent}%")
}
