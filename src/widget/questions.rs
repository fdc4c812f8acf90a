//! What the form asks, and how. Which questions: exactly the decision's
//! `questions`; the values a question offers: the engine's field table. The
//! widget adds only how a question looks: its control and its words in the
//! interface language, keyed by field name.

use crate::engine::contract::enums::{
    Category, Coverage, Impact, Location, Plan, Preview, Product, Role, Scope,
};
use crate::engine::contract::fields::{self, Kind};
use crate::widget::answers::error_field;
use crate::widget::i18n::{Texts, SUPPORT_LANGUAGES};
use crate::widget::Outcome;

/// How a question is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    Select,
    Radios,
    Check,
    Text,
    Date,
    /// A time zone: free text with the browser's zones offered as you type.
    Zone,
}

/// How one field of the case is asked.
#[derive(Clone, Copy)]
pub struct Question {
    /// The engine's field path, e.g. `impact`, `previous_case.number`.
    pub name: &'static str,
    pub control: Control,
    label: fn(&Texts) -> &'static str,
    /// The words for one of the field's values.
    option: fn(&Texts, &'static str) -> &'static str,
    /// The words of an empty first option (the question left to the
    /// engine); `None`: no such option.
    blank: Option<fn(&Texts) -> &'static str>,
}

const fn ask(
    name: &'static str,
    control: Control,
    label: fn(&Texts) -> &'static str,
    option: fn(&Texts, &'static str) -> &'static str,
) -> Question {
    Question {
        name,
        control,
        label,
        option,
        blank: None,
    }
}

fn as_given(_: &Texts, value: &'static str) -> &'static str {
    value
}

fn yes_no(t: &Texts, value: &'static str) -> &'static str {
    if value == "true" {
        t.yes
    } else {
        t.no
    }
}

/// The words for a value of a contract enum, or the value itself.
fn named<T: Copy>(
    value: &'static str,
    parse: fn(&str) -> Option<T>,
    name: impl Fn(T) -> &'static str,
) -> &'static str {
    parse(value).map_or(value, name)
}

/// How the form asks each field the engine may ask about, in the order the
/// engine asks them (a test checks that every decision's questions follow
/// this order and have an entry here).
pub const QUESTIONS: &[Question] = &[
    ask(
        "role",
        Control::Select,
        |t| t.role,
        |t, v| named(v, Role::parse, |r| t.role_name(r)),
    ),
    Question {
        blank: Some(|_| "—"),
        ..ask(
            "product",
            Control::Select,
            |t| t.product,
            |t, v| named(v, Product::parse, |p| t.product_name(p)),
        )
    },
    Question {
        blank: Some(|t| t.category_from_text),
        ..ask(
            "category",
            Control::Select,
            |t| t.category,
            |t, v| named(v, Category::parse, |c| t.category_name(c)),
        )
    },
    ask(
        "impact",
        Control::Radios,
        |t| t.impact,
        |t, v| named(v, Impact::parse, |i| t.impact_words(i)),
    ),
    ask(
        "coverage",
        Control::Radios,
        |t| t.coverage,
        |t, v| named(v, Coverage::parse, |c| t.coverage_name(c)),
    ),
    ask("commit_24x7", Control::Radios, |t| t.commit, yes_no),
    ask(
        "plan",
        Control::Select,
        |t| t.plan,
        |t, v| named(v, Plan::parse, |p| t.plan_name(p)),
    ),
    ask(
        "language",
        Control::Select,
        |t| t.support_language,
        |_, v| {
            SUPPORT_LANGUAGES
                .iter()
                .find(|(tag, _)| *tag == v)
                .map_or(v, |&(_, name)| name)
        },
    ),
    ask(
        "location",
        Control::Select,
        |t| t.location,
        |t, v| named(v, Location::parse, |l| t.location_name(l)),
    ),
    ask("time_zone", Control::Zone, |t| t.time_zone, as_given),
    ask(
        "preview",
        Control::Select,
        |t| t.preview,
        |t, v| named(v, Preview::parse, |p| t.preview_name(p)),
    ),
    ask("admin_access", Control::Radios, |t| t.admin_access, yes_no),
    ask(
        "scope",
        Control::Radios,
        |t| t.scope,
        |t, v| named(v, Scope::parse, |s| t.scope_name(s)),
    ),
    ask("custom_code", Control::Check, |t| t.custom_code, yes_no),
    ask(
        "previous_case.number",
        Control::Text,
        |t| t.previous_case,
        as_given,
    ),
    ask(
        "previous_case.closed_on",
        Control::Date,
        |t| t.closed_on,
        as_given,
    ),
    ask(
        "previous_case.same_build",
        Control::Radios,
        |t| t.same_build,
        yes_no,
    ),
    ask(
        "previous_case.same_environment",
        Control::Radios,
        |t| t.same_environment,
        yes_no,
    ),
    ask(
        "previous_case.same_error",
        Control::Radios,
        |t| t.same_error,
        yes_no,
    ),
    ask(
        "previous_case.after_hotfix",
        Control::Radios,
        |t| t.after_hotfix,
        yes_no,
    ),
];

impl Question {
    /// How the form asks the field `name`.
    pub fn of(name: &str) -> Option<&'static Question> {
        QUESTIONS.iter().find(|question| question.name == name)
    }

    /// The question, in the interface language.
    pub fn label(&self, t: &Texts) -> &'static str {
        (self.label)(t)
    }

    /// The values offered, with their words: a choice's spellings from the
    /// field table, `true`/`false` for a flag, the support languages for a
    /// language tag; after an empty first option: the question's own (the
    /// product's "—"), or "not answered" for a select whose field has a
    /// default, so that no answer is shown as given before it is.
    pub fn options(&self, t: &Texts) -> Vec<(&'static str, &'static str)> {
        let values: Vec<&'static str> = match fields::find(self.name).map(|field| field.kind) {
            Some(Kind::Choice(allowed)) => allowed.to_vec(),
            Some(Kind::Flag) => vec!["true", "false"],
            Some(Kind::LanguageTag) => SUPPORT_LANGUAGES.iter().map(|(tag, _)| *tag).collect(),
            _ => Vec::new(),
        };
        let blank = match self.blank {
            Some(blank) => Some(blank(t)),
            None if self.control == Control::Select && self.default().is_some() => {
                Some(t.not_answered)
            }
            None => None,
        };
        blank
            .map(|blank| ("", blank))
            .into_iter()
            .chain(
                values
                    .into_iter()
                    .map(|value| (value, (self.option)(t, value))),
            )
            .collect()
    }

    /// The words for one of the values it offers: "No" for `false`.
    pub fn value_words(&self, t: &Texts, value: &'static str) -> &'static str {
        self.options(t)
            .into_iter()
            .find(|(option, _)| *option == value)
            .map_or(value, |(_, words)| words)
    }

    /// "Not answered yet: the answer assumes “No”."
    pub fn assumed_words(&self, t: &Texts, assumed: &'static str) -> String {
        let value = self.value_words(t, assumed);
        t.catalogue.format("ui.assumed-here", &[("value", value)])
    }

    /// The field's contract default as the URL writes it: what a select
    /// shows while the question is unanswered.
    pub fn default(&self) -> Option<&'static str> {
        fields::find(self.name).and_then(|field| field.default)
    }
}

/// The questions to show. With a decision: exactly its `questions`. Before
/// there is one (no product yet): the leading choices of the engine's field
/// table up to the kind of issue — who files, the product, the category —
/// with which every decision's questions begin; while an answer the engine
/// refused keeps the decision away, what was asked last (`previous`). A
/// field with a refused answer is always among them, so that the visitor
/// sees where to correct it.
pub fn asked(outcome: &Outcome, previous: Option<&[&'static str]>) -> Vec<&'static str> {
    let mut questions = match (&outcome.decision, previous) {
        (Some(decision), _) => decision.questions.clone(),
        (None, Some(previous)) if !outcome.problems.is_empty() => previous.to_vec(),
        (None, _) => first_questions(),
    };
    for error in &outcome.problems {
        if let Some(question) = Question::of(error_field(error)) {
            if !questions.contains(&question.name) {
                questions.push(question.name);
            }
        }
    }
    questions
}

/// The questions before there is a decision: the engine's opening ones.
pub fn first_questions() -> Vec<&'static str> {
    crate::engine::policy::questions::OPENING.to_vec()
}
