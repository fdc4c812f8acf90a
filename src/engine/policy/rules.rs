//! The rule catalogue: every rule ID of policy.md with its source
//! documents and which of its parts are sourced or the project's own
//! design, so that each `trace` entry can be shown with the words it stands
//! on. The sentences themselves live in the message catalogues.

use crate::engine::contract::rule_id::RuleId;
use crate::engine::messages::Catalogue;

/// A source document under `shared/seeds/`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    /// 000: Dynamics 365 Customer Engagement cloud-support notes (Japanese).
    D000,
    /// 001: Partner Center, reporting a problem for a customer (Japanese + English).
    D001,
    /// 002: Partner Center, escalating to Microsoft (Japanese + English).
    D002,
    /// 003: Dynamics 365 / Power Platform support overview (Indonesian).
    D003,
}

impl Source {
    pub const ALL: [Source; 4] = [Source::D000, Source::D001, Source::D002, Source::D003];

    /// The document's number, as its file name starts.
    pub const fn code(self) -> &'static str {
        match self {
            Source::D000 => "000",
            Source::D001 => "001",
            Source::D002 => "002",
            Source::D003 => "003",
        }
    }

    /// The document's title, in the catalogue's language.
    pub fn title(self, text: &Catalogue) -> String {
        text.format(&format!("source-title.{}", self.code()), &[])
    }

    /// The original sentence of a rule in this document, in the document's
    /// own language (Japanese or Indonesian), when the quotes are at hand.
    pub fn quote(self, rule: RuleId, quotes: &Catalogue) -> Option<&'static str> {
        quotes.get(&format!("source.{rule}.{}", self.code()))
    }

    /// The language the document is written in (for the quote's `lang`).
    pub const fn language(self) -> &'static str {
        match self {
            Source::D003 => "id",
            _ => "ja",
        }
    }
}

/// The catalogue entry of a rule.
pub fn rule(id: RuleId) -> &'static Rule {
    // RULES lists every ID once, in the enum's order (a test checks it).
    &RULES[id as usize]
}

/// One rule of policy.md. Its sentences are in the message catalogues
/// (`rule.<ID>` for what the sources say, `rule.<ID>.design` for the
/// project's own decision), so that they read in the visitor's language;
/// the original wording of the sources is in `src/locales/sources.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    /// The documents the sourced sentence comes from; empty for a rule that
    /// is the project's design alone.
    pub sources: &'static [Source],
    /// Whether the documents say part of it.
    pub sourced: bool,
    /// Whether part of it is the project's own decision, where the
    /// documents are silent (policy.md: "(design)").
    pub design: bool,
}

impl Rule {
    /// What the source documents say, in the catalogue's language.
    pub fn sourced_text(&self, text: &Catalogue) -> Option<&'static str> {
        self.sourced
            .then(|| text.get(&format!("rule.{}", self.id)))
            .flatten()
    }

    /// The project's own decision, in the catalogue's language.
    pub fn design_text(&self, text: &Catalogue) -> Option<&'static str> {
        self.design
            .then(|| text.get(&format!("rule.{}.design", self.id)))
            .flatten()
    }
}

use RuleId::*;
use Source::*;

const fn sourced(id: RuleId, sources: &'static [Source]) -> Rule {
    Rule {
        id,
        sources,
        sourced: true,
        design: false,
    }
}

const fn both(id: RuleId, sources: &'static [Source]) -> Rule {
    Rule {
        id,
        sources,
        sourced: true,
        design: true,
    }
}

const fn design(id: RuleId) -> Rule {
    Rule {
        id,
        sources: &[],
        sourced: false,
        design: true,
    }
}

/// Every rule, in [`RuleId`] order.
pub const RULES: &[Rule] = &[
    sourced(Cov1, &[D003]),
    sourced(Cov2, &[D003]),
    sourced(Cov3, &[D003]),
    sourced(Cov4, &[D000]),
    sourced(Cov5, &[D000]),
    both(Cov6, &[D001]),
    sourced(Cov7, &[D001]),
    both(Cov8, &[D003]),
    sourced(Cov9, &[D003]),
    design(Cls0),
    sourced(Cls1, &[D003, D002]),
    sourced(Cls2, &[D003, D001]),
    sourced(Cls3, &[D001, D003]),
    sourced(Cls4, &[D003]),
    sourced(Cls5, &[D001]),
    sourced(Cls6, &[D001]),
    sourced(Cls7, &[D001]),
    sourced(Cls8, &[D002]),
    sourced(Cls9, &[D003]),
    sourced(Cls10, &[D003]),
    sourced(Cls11, &[D003, D000]),
    both(Cls12, &[D003]),
    sourced(Cls13, &[D000]),
    design(Cls14),
    sourced(Cls15, &[D003]),
    sourced(SevA, &[D003, D001]),
    sourced(SevB, &[D003, D001]),
    sourced(SevC, &[D003, D001]),
    sourced(Sev1, &[D001]),
    sourced(Sev2, &[D003]),
    both(Sev3, &[D003]),
    sourced(Sev4, &[D003]),
    sourced(Sev5, &[D003]),
    sourced(Sev6, &[D003]),
    design(Sev7),
    sourced(Sev8, &[D003]),
    design(Sev9),
    both(Rt1, &[D003]),
    sourced(Rt2, &[D001]),
    sourced(Rt3, &[D003]),
    sourced(Rt4, &[D003]),
    design(Rt5),
    both(Rt6, &[D001]),
    design(Rt7),
    sourced(SupLang, &[D003]),
    design(Rt8),
    sourced(Esc1, &[D002]),
    sourced(Esc2, &[D002]),
    both(Pth1, &[D003, D000]),
    both(Pth2, &[D003]),
    sourced(Pth3, &[D001]),
    sourced(Pth4, &[D001]),
    sourced(Pth5, &[D001, D002]),
    sourced(Pth6, &[D001]),
    sourced(Pth7, &[D003]),
    sourced(Pth8, &[D001]),
    sourced(Pth9, &[D001]),
    sourced(Pth10, &[D001]),
    sourced(Pth11, &[D001]),
    sourced(Pth12, &[D001]),
    design(Pth13),
    sourced(Lim1, &[D003]),
    sourced(Lim2, &[D003]),
    sourced(Lim3, &[D003]),
    sourced(Lim4, &[D003, D000]),
    sourced(Lim5, &[D003, D000]),
    sourced(Lim6, &[D000]),
    sourced(Prv1, &[D003]),
    both(Prv2, &[D003]),
    both(Prv3, &[D003]),
    sourced(Reo1, &[D003]),
    sourced(Reo2, &[D003]),
    sourced(Reo3, &[D003]),
    both(Reo4, &[D003]),
    design(Reo0),
    sourced(Reo5, &[D000]),
    sourced(Fup1, &[D000]),
    sourced(Fup2, &[D000]),
    design(Coh1),
    design(Coh2),
    design(Coh3),
    design(Coh4),
];
