//! What the description says, proposed as answers. A product or an earlier
//! case number the text names is filled in at once, visibly and with an
//! undo; a fact that changes who files or how urgent the request is (filing
//! for a customer, production down, custom code) is asked with a one-press
//! answer. A proposal never overwrites an answer the visitor gave, and one
//! they undid or declined is not made again.

use crate::engine::classify::Classification;
use crate::engine::contract::enums::{Product, Signal};
use crate::widget::answers::Answers;
use crate::widget::i18n::Texts;

/// What the text suggests answering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Idea {
    Product(Product),
    /// An earlier case's number.
    CaseNumber(String),
    /// A partner filing for its customer; `csp` when the text says CSP.
    ForCustomer {
        csp: bool,
    },
    ProductionDown,
    CustomCode,
}

/// One proposal, with the visitor's words that led to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    pub idea: Idea,
    /// The visitor's words, joined in the interface language when shown.
    pub words: Vec<String>,
    /// Filled in at once, with an undo, rather than asked.
    pub automatic: bool,
}

impl Proposal {
    /// The answers it sets, in the URL's spelling.
    pub fn changes(&self) -> Vec<(&'static str, String)> {
        match &self.idea {
            Idea::Product(product) => vec![("product", product.as_str().to_owned())],
            Idea::CaseNumber(number) => vec![("previous_case.number", number.clone())],
            Idea::ForCustomer { csp } => {
                let mut changes = vec![("role", "partner_for_customer".to_owned())];
                if *csp {
                    changes.push(("plan", "csp".to_owned()));
                }
                changes
            }
            Idea::ProductionDown => vec![("impact", "critical".to_owned())],
            Idea::CustomCode => vec![("custom_code", "true".to_owned())],
        }
    }

    /// Applies it to `answers`.
    pub fn apply(&self, answers: &mut Answers) {
        for (field, value) in self.changes() {
            answers.set(field, &value);
        }
    }

    /// Takes it back from `answers`: the fields it set are unanswered again.
    pub fn undo(&self, answers: &mut Answers) {
        for (field, value) in self.changes() {
            if answers.get(field) == Some(value.as_str()) {
                answers.remove(field);
            }
        }
    }

    /// Whether `answers` hold what it sets.
    pub fn holds(&self, answers: &Answers) -> bool {
        self.changes()
            .iter()
            .all(|(field, value)| answers.get(field) == Some(value.as_str()))
    }

    /// What the visitor reads: what was filled in, or the question asked.
    pub fn message(&self, t: &Texts) -> String {
        let text = t.catalogue;
        let words = text.list(&self.words);
        let words = words.as_str();
        match &self.idea {
            Idea::Product(product) => text.format(
                "ui.proposal-product",
                &[("words", words), ("product", t.product_name(*product))],
            ),
            Idea::CaseNumber(number) => {
                text.format("ui.proposal-case-number", &[("number", number)])
            }
            Idea::ForCustomer { csp: true } => text.format("ui.proposal-csp-customer", &[]),
            Idea::ForCustomer { csp: false } => text.format("ui.proposal-customer", &[]),
            Idea::ProductionDown => text.format("ui.proposal-production-down", &[("words", words)]),
            Idea::CustomCode => text.format("ui.proposal-custom-code", &[("words", words)]),
        }
    }
}

/// The proposals the text makes for these answers: only for questions
/// still unanswered, never one in `declined`.
pub fn proposals(answers: &Answers, text: &Classification, declined: &[Idea]) -> Vec<Proposal> {
    let unanswered = |field: &str| answers.get(field).is_none();
    let mut found = Vec::new();
    if unanswered("product") {
        if let Some(hit) = text.named_product() {
            found.push(Proposal {
                idea: Idea::Product(hit.product),
                words: hit.matched.clone(),
                automatic: true,
            });
        }
    }
    if unanswered("previous_case.number") {
        let number = text.said(Signal::PreviousCase).and_then(|hit| {
            hit.matched
                .iter()
                .find(|words| !words.is_empty() && words.chars().all(|c| c.is_ascii_digit()))
        });
        if let Some(number) = number {
            found.push(Proposal {
                idea: Idea::CaseNumber(number.clone()),
                words: vec![number.clone()],
                automatic: true,
            });
        }
    }
    if unanswered("role") {
        if let Some(hit) = text.said(Signal::OnBehalfOfCustomer) {
            let csp = unanswered("plan")
                && mentions_word(answers.get("description").unwrap_or_default(), "csp");
            found.push(Proposal {
                idea: Idea::ForCustomer { csp },
                words: hit.matched.clone(),
                automatic: false,
            });
        }
    }
    let asked = [
        ("impact", Signal::ProductionDown, Idea::ProductionDown),
        ("custom_code", Signal::CustomCode, Idea::CustomCode),
    ];
    for (field, wanted, idea) in asked {
        if let (true, Some(hit)) = (unanswered(field), text.said(wanted)) {
            found.push(Proposal {
                idea,
                words: hit.matched.clone(),
                automatic: false,
            });
        }
    }
    found.retain(|proposal| !declined.contains(&proposal.idea));
    found
}

/// Whether `text` holds `word` (ASCII, any case) as a whole word.
fn mentions_word(text: &str, word: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .any(|part| part.eq_ignore_ascii_case(word))
}
