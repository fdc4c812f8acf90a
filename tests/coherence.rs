//! A decision never contradicts itself (policy.md §9, COH-1..4), checked on
//! the whole space of enum answers: every role × product × plan × category
//! (or none) × impact (or none) × coverage × commitment × language class ×
//! release stage × scope × custom code × earlier case (none, or a number
//! only), plus `admin_access: false` where it matters (a partner's Azure).
//! Each decision is also held to the rules of the 2026-11 revision that
//! the walk can see (SEV-7/8/9, RT-1/3/6, COV-6/8, PTH-n, PRV-2/3, REO-0),
//! and the path table is linted: every row must decide some case.
//!
//! Failures are gathered, counted per kind and shown with a few example
//! cases each, rather than stopping at the first.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::Codes;

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::{BTreeMap, HashMap};
use std::panic::{self, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;
use support_triage::engine::contract::decision::{DecidedField, Decision, Link};
use support_triage::engine::contract::enums::{
    Category, Coverage, Impact, Location, Plan, Preview, Product, Reopen, Role, Scope, Severity,
};
use support_triage::engine::contract::fields;
use support_triage::engine::contract::language::Language;
use support_triage::engine::contract::rule_id::RuleId;
use support_triage::engine::policy::tables::{PathRow, Plans, Ruleset, PATH_ROWS, REOPEN_ROWS};
use support_triage::engine::time::zone::TzDatabase;
use support_triage::engine::{decide, Case, PreviousCase};

/// Every case of the walk is filed at this instant (a Wednesday, inside
/// the 09:00–17:00 window of the `other` calendar in UTC).
const SUBMITTED_AT: &str = "2026-11-18T10:00:00Z";

/// Examples shown per kind of failure, and in all.
const EXAMPLES_PER_KIND: usize = 3;
const EXAMPLES_SHOWN: usize = 20;

/// Thread names of the walk, so the panic hook can keep them quiet.
const WALKER: &str = "coherence-walker";

/// The language classes: English, a local language other than English
/// (SUP-LANG), and a language that is not a SUP-LANG language.
const LANGUAGES: [&str; 3] = ["en", "ja", "id"];

fn submitted_at() -> DateTime<Utc> {
    SUBMITTED_AT.parse().expect("SUBMITTED_AT is RFC 3339")
}

/// Categories that are not break-fix (SEV-7), as decided for a scope
/// (performance across several areas is advisory, LIM-1).
fn not_break_fix(category: Category, scope: Scope) -> bool {
    matches!(
        category,
        Category::Advisory
            | Category::Billing
            | Category::Subscription
            | Category::Licensing
            | Category::Fraud
            | Category::Marketplace
            | Category::RcaRequest
    ) || (category == Category::Performance && scope == Scope::MultipleAreas)
}

fn is_dynamics(product: Product) -> bool {
    matches!(product, Product::Dynamics365 | Product::PowerPlatform)
}

fn is_azure_or_office(product: Product) -> bool {
    matches!(
        product,
        Product::Azure | Product::Microsoft365 | Product::Ems
    )
}

/// The case in one line, for a failure's example.
fn describe(case: &Case) -> String {
    let or_none = |value: Option<&'static str>| value.unwrap_or("-");
    format!(
        "role={} product={} plan={} category={} impact={} coverage={} commit_24x7={} language={} preview={} scope={} custom_code={} previous_case={} admin_access={}",
        case.role,
        case.product,
        case.plan,
        or_none(case.category.map(Category::as_str)),
        or_none(case.impact.map(Impact::as_str)),
        case.coverage,
        case.commit_24x7,
        case.language,
        case.preview,
        case.scope,
        case.custom_code,
        if case.previous_case.is_some() { "{number}" } else { "-" },
        case.admin_access,
    )
}

/// What the checks need to know of one sentence; computed once per
/// distinct sentence (most recur across millions of decisions).
#[derive(Clone, Debug)]
struct TextFacts {
    coh4: Option<String>,
    mentions_severity: bool,
    choosing_severity: bool,
    partner_center: bool,
}

impl TextFacts {
    fn of(text: &str, codes: &Codes) -> Self {
        let lower = text.to_lowercase();
        let mentions_severity = lower.contains("severity");
        TextFacts {
            coh4: codes.problem(text),
            mentions_severity,
            choosing_severity: mentions_severity
                && (lower.contains("choos") || lower.contains("select") || lower.contains("pick")),
            partner_center: lower.contains("partner center"),
        }
    }
}

/// One kind of failure: how often, and a few cases that show it.
#[derive(Default)]
struct Kind {
    count: u64,
    examples: Vec<String>,
}

/// What one walker found.
#[derive(Default)]
struct Findings {
    decisions: u64,
    kinds: BTreeMap<String, Kind>,
    /// How often each row of PATH_ROWS was the first to match.
    rows_used: Vec<u64>,
    /// How often each rule was the decided path.
    path_rules: BTreeMap<RuleId, u64>,
}

impl Findings {
    fn fail(&mut self, kind: String, case: &Case, detail: impl FnOnce() -> String) {
        let entry = self.kinds.entry(kind).or_default();
        entry.count += 1;
        if entry.examples.len() < EXAMPLES_PER_KIND {
            entry
                .examples
                .push(format!("{} → {}", describe(case), detail()));
        }
    }

    fn merge(&mut self, other: Findings) {
        self.decisions += other.decisions;
        for (name, kind) in other.kinds {
            let entry = self.kinds.entry(name).or_default();
            entry.count += kind.count;
            for example in kind.examples {
                if entry.examples.len() < EXAMPLES_PER_KIND {
                    entry.examples.push(example);
                }
            }
        }
        if self.rows_used.len() < other.rows_used.len() {
            self.rows_used.resize(other.rows_used.len(), 0);
        }
        for (total, used) in self.rows_used.iter_mut().zip(other.rows_used) {
            *total += used;
        }
        for (rule, count) in other.path_rules {
            *self.path_rules.entry(rule).or_default() += count;
        }
    }

    /// The report: counts per kind, then up to EXAMPLES_SHOWN examples,
    /// a few of each kind.
    fn report(&self) -> String {
        let total: u64 = self.kinds.values().map(|kind| kind.count).sum();
        let mut out = format!(
            "{total} failures in {} kinds over {} decisions:\n",
            self.kinds.len(),
            self.decisions
        );
        for (name, kind) in &self.kinds {
            out.push_str(&format!("  {:>9}  {name}\n", kind.count));
        }
        out.push_str("examples:\n");
        let mut shown = 0;
        'kinds: for round in 0..EXAMPLES_PER_KIND {
            for (name, kind) in &self.kinds {
                if let Some(example) = kind.examples.get(round) {
                    out.push_str(&format!("- [{name}] {example}\n"));
                    shown += 1;
                    if shown >= EXAMPLES_SHOWN {
                        break 'kinds;
                    }
                }
            }
        }
        out
    }
}

/// The first row of the path table whose conditions hold for the case and
/// its decided category (an empty list matches anything).
fn first_row(rows: &[PathRow], case: &Case, category: Category) -> Option<usize> {
    rows.iter().position(|row| {
        (row.roles.is_empty() || row.roles.contains(&case.role))
            && (row.products.is_empty() || row.products.contains(&case.product))
            && match row.plans {
                Plans::Any => true,
                Plans::Csp => case.plan == Plan::Csp,
                Plans::NotCsp => case.plan != Plan::Csp,
            }
            && (row.categories.is_empty() || row.categories.contains(&category))
            && row
                .admin_access
                .is_none_or(|access| access == case.admin_access)
    })
}

/// One thread of the walk.
struct Walker {
    ruleset: Ruleset,
    now: DateTime<Utc>,
    codes: Codes,
    texts: HashMap<String, TextFacts>,
    findings: Findings,
    languages: Vec<Language>,
}

impl Walker {
    fn new() -> Self {
        Walker {
            ruleset: Ruleset::shipped(),
            now: submitted_at(),
            codes: Codes::new(),
            texts: HashMap::new(),
            findings: Findings {
                rows_used: vec![0; PATH_ROWS.len()],
                ..Findings::default()
            },
            languages: LANGUAGES
                .iter()
                .map(|tag| Language::parse(tag).expect("a valid tag"))
                .collect(),
        }
    }

    /// Every case of one role and product.
    fn walk(&mut self, role: Role, product: Product) {
        let categories: Vec<Option<Category>> = std::iter::once(None)
            .chain(Category::ALL.iter().copied().map(Some))
            .collect();
        let impacts: Vec<Option<Impact>> = std::iter::once(None)
            .chain(Impact::ALL.iter().copied().map(Some))
            .collect();
        let admin_access: &[bool] = if role == Role::PartnerForCustomer && product == Product::Azure
        {
            &[true, false]
        } else {
            &[true]
        };
        let languages = self.languages.clone();
        for &plan in Plan::ALL {
            for &category in &categories {
                for &impact in &impacts {
                    for &coverage in Coverage::ALL {
                        for commit_24x7 in [false, true] {
                            for language in &languages {
                                for &preview in Preview::ALL {
                                    for &scope in Scope::ALL {
                                        for custom_code in [false, true] {
                                            for previous in [false, true] {
                                                for &admin in admin_access {
                                                    let mut case = Case::new(product);
                                                    case.role = role;
                                                    case.plan = plan;
                                                    case.category = category;
                                                    case.impact = impact;
                                                    case.coverage = coverage;
                                                    case.commit_24x7 = commit_24x7;
                                                    case.language = language.clone();
                                                    case.location = Location::Other;
                                                    case.time_zone = "UTC".into();
                                                    case.submitted_at = Some(self.now);
                                                    case.admin_access = admin;
                                                    case.preview = preview;
                                                    case.scope = scope;
                                                    case.custom_code = custom_code;
                                                    case.previous_case =
                                                        previous.then(|| PreviousCase {
                                                            number: "2611180010000123".into(),
                                                            closed_on: None,
                                                            same_build: None,
                                                            same_environment: None,
                                                            same_error: None,
                                                            after_hotfix: None,
                                                        });
                                                    case.given = given(&case);
                                                    self.decide_and_check(&case);
                                                }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    fn decide_and_check(&mut self, case: &Case) {
        self.findings.decisions += 1;
        let outcome = panic::catch_unwind(AssertUnwindSafe(|| {
            decide(case, self.now, &self.ruleset, &TzDatabase)
        }));
        match outcome {
            Ok(Ok(decision)) => self.check(case, &decision),
            Ok(Err(error)) => {
                self.findings
                    .fail("input error on a valid case".into(), case, || {
                        error.to_string()
                    })
            }
            Err(panic) => {
                let message = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                self.findings
                    .fail("decide panicked".into(), case, || message)
            }
        }
    }

    fn facts(&mut self, text: &str) -> TextFacts {
        if let Some(facts) = self.texts.get(text) {
            return facts.clone();
        }
        let facts = TextFacts::of(text, &self.codes);
        self.texts.insert(text.to_owned(), facts.clone());
        facts
    }

    fn check(&mut self, case: &Case, d: &Decision) {
        use RuleId::*;
        let noticed = |rule: RuleId| d.notices.iter().any(|notice| notice.rule == rule);
        let traced = |rule: RuleId| d.traces(rule);
        let traced_for = |rule: RuleId, field: DecidedField| {
            d.trace.iter().any(|t| t.rule == rule && t.field == field)
        };
        let mut fails: Vec<(String, String)> = Vec::new();
        let mut fail = |kind: String, detail: String| fails.push((kind, detail));

        // ---- COH-1: nothing contradicts a decided field ----
        if d.severity.is_none() {
            for rule in [Sev2, Sev3, Sev5, Sev6, Sev8] {
                if noticed(rule) {
                    fail(format!("COH-1 severity null, notice {rule}"), String::new());
                }
            }
            for rule in [SevA, SevB, SevC, Sev2, Sev3, Sev8] {
                if traced(rule) {
                    fail(
                        format!("COH-1 severity null, trace {rule}"),
                        trace_why(d, rule),
                    );
                }
            }
        } else if !d.supported {
            fail(
                "COH-1 severity with supported false".into(),
                format!("{:?}", d.severity),
            );
        }
        if d.response.is_none() {
            for rule in [Rt2, Rt3, Rt5, Rt6, Rt7, Sev3] {
                if noticed(rule) {
                    fail(
                        format!("COH-1 response null, notice {rule}"),
                        notice_text(d, rule),
                    );
                }
                if traced(rule) {
                    fail(
                        format!("COH-1 response null, trace {rule}"),
                        trace_why(d, rule),
                    );
                }
            }
            for rule in [Rt4, Rt8] {
                if noticed(rule) || traced(rule) {
                    fail(
                        format!("COH-1 (extra) response null, {rule} traced or noticed"),
                        trace_why(d, rule),
                    );
                }
            }
        } else if !d.supported {
            fail("SEV-9 response with supported false".into(), String::new());
        }
        let away = d.path.rule == Pth9 || !d.supported;
        if away {
            for rule in [Esc2, Pth11, Pth12] {
                if noticed(rule) {
                    fail(
                        format!(
                            "COH-1 {rule} noticed on path {} / supported {}",
                            if d.path.rule == Pth9 { "PTH-9" } else { "any" },
                            d.supported
                        ),
                        String::new(),
                    );
                }
            }
        }
        if case.role == Role::EndUser && noticed(Cov4) {
            fail("COH-1 end user told COV-4".into(), notice_text(d, Cov4));
        }

        // ---- COH-2: once per notice; twice in trace only for two fields ----
        for (index, notice) in d.notices.iter().enumerate() {
            if d.notices[..index]
                .iter()
                .any(|earlier| earlier.rule == notice.rule)
            {
                fail(
                    format!("COH-2 notice {} twice", notice.rule),
                    notice.text.to_string(),
                );
            }
        }
        for (index, entry) in d.trace.iter().enumerate() {
            if d.trace[..index]
                .iter()
                .any(|earlier| earlier.rule == entry.rule && earlier.field == entry.field)
            {
                fail(
                    format!("COH-2 trace {} twice for {:?}", entry.rule, entry.field),
                    entry.why.to_string(),
                );
            }
        }

        // ---- COH-3: every decided field, and the rules behind it, traced ----
        for field in common::decided_fields(case) {
            if !d.trace.iter().any(|entry| entry.field == field) {
                fail(format!("COH-3 no trace for field {field:?}"), String::new());
            }
        }
        if !traced_for(d.path.rule, DecidedField::Path) {
            fail(
                format!("COH-3 path rule {} not traced for path", d.path.rule),
                String::new(),
            );
        }
        if case.role == Role::PartnerOwn && !traced(Cov6) {
            fail(
                format!(
                    "COH-3 partner_own without COV-6 traced (plan {})",
                    case.plan
                ),
                String::new(),
            );
        }
        // COV-8 decides the delegated-admin routes into the customer's tenant.
        if case.role == Role::PartnerForCustomer
            && case.plan != Plan::Csp
            && matches!(d.path.rule, Pth1 | Pth13)
            && !traced(Cov8)
        {
            fail(
                format!(
                    "COH-3 partner_for_customer, plan not csp, without COV-8 traced (path {})",
                    d.path.rule
                ),
                String::new(),
            );
        }
        let prv2_applies = case.preview == Preview::PublicPreview
            && not_break_fix(d.category, case.scope)
            && !matches!(d.category, Category::Marketplace | Category::RcaRequest);
        if prv2_applies {
            if d.supported {
                fail(
                    format!("PRV-2 public preview of {} supported", d.category),
                    String::new(),
                );
            } else if !traced(Prv2) {
                fail(
                    format!(
                        "COH-3 unsupported public preview of {} without PRV-2 traced",
                        d.category
                    ),
                    String::new(),
                );
            }
        }
        if matches!(
            case.preview,
            Preview::PrivatePreview | Preview::LimitedPreview
        ) {
            if d.supported {
                fail(
                    "PRV-3 private/limited preview supported".into(),
                    String::new(),
                );
            }
            if !traced(Prv3) {
                fail(
                    "COH-3 private/limited preview without PRV-3 traced".into(),
                    String::new(),
                );
            }
        }
        if case.previous_case.is_some() {
            // Only a number: no answer and no age decide anything (REO-0).
            if d.reopen.is_some() {
                fail(
                    format!("REO-0 verdict {:?} from a case number alone", d.reopen),
                    String::new(),
                );
            } else {
                if !traced(Reo0) {
                    fail(
                        "COH-3 reopen null without REO-0 traced".into(),
                        String::new(),
                    );
                }
                if !noticed(Reo0) {
                    fail(
                        "REO-0 reopen null without a REO-0 notice".into(),
                        String::new(),
                    );
                }
            }
        } else if d.reopen.is_some() {
            fail(
                "CLS-15 a reopen verdict without an earlier case".into(),
                String::new(),
            );
        }

        // ---- The 2026-11 rules the walk can see ----
        if let Some(category) = case.category {
            if d.category != category {
                fail(
                    format!("CLS-0 explicit category {category} became {}", d.category),
                    String::new(),
                );
            }
        }
        if not_break_fix(d.category, case.scope) && d.severity.is_some() {
            fail(format!("SEV-7 severity for {}", d.category), String::new());
        }
        if d.category == Category::Fraud && traced(Rt2) {
            fail("SEV-7 fraud traced RT-2".into(), trace_why(d, Rt2));
        }
        let coverage = d.response.as_ref().map(|response| response.coverage);
        if case.preview == Preview::PublicPreview {
            if d.severity == Some(Severity::A) {
                fail("SEV-8 severity A on a public preview".into(), String::new());
            }
            if coverage == Some(Coverage::TwentyFourSeven) {
                fail("RT-7 24x7 on a public preview".into(), String::new());
            }
        }
        if !case.language.is_english() && coverage == Some(Coverage::TwentyFourSeven) {
            fail(format!("RT-3 24x7 in {}", case.language), String::new());
        }
        // Timing: the English 24x7 alternative exactly where RT-3 moved the
        // clock, earlier than (or as early as) the response; a wait only for
        // a clock that starts late; a same-day filing time not yet past.
        let moved_by_rt3 = traced(Rt3);
        let offered = !d.alternatives.is_empty();
        if moved_by_rt3 != offered {
            fail(
                format!(
                    "RT-3 traced {moved_by_rt3}, {} alternative(s)",
                    d.alternatives.len()
                ),
                String::new(),
            );
        }
        for alternative in &d.alternatives {
            let response_due = d.response.as_ref().and_then(|response| response.due);
            // (A business-hours clock with no due time at all is later still.)
            let earlier = match (alternative.due, response_due) {
                (Some(alternative), Some(response)) => alternative <= response,
                (Some(_), None) => true,
                (None, _) => false,
            };
            if coverage != Some(Coverage::BusinessHours) || !earlier {
                fail(
                    "RT-3 alternative not earlier than a business-hours response".into(),
                    format!("{:?} vs {response_due:?}", alternative.due),
                );
            }
        }
        if let Some(response) = &d.response {
            let late_start = response.clock_starts.is_some_and(|at| at > self.now)
                && response.coverage == Coverage::BusinessHours;
            if response.waits.is_some() != late_start {
                fail(
                    format!("RT-5 waits {:?}", response.waits),
                    format!("clock starts {:?}", response.clock_starts),
                );
            }
            let same_day_ok = match response.answered_today_if_filed_by {
                None => !noticed(Rt4),
                Some(latest) => {
                    response.coverage == Coverage::BusinessHours
                        && self.now <= latest
                        && noticed(Rt4)
                }
            };
            if !same_day_ok {
                fail(
                    "RT-4 same-day filing time and its notice disagree".into(),
                    format!("{:?}", response.answered_today_if_filed_by),
                );
            }
        }
        if d.severity == Some(Severity::A) && !case.commit_24x7 {
            fail("SEV-2 A without the 24x7 commitment".into(), String::new());
        }
        if d.severity == Some(Severity::C) && coverage == Some(Coverage::TwentyFourSeven) {
            fail("SEV-4 C on 24x7".into(), String::new());
        }
        if d.severity == Some(Severity::B)
            && coverage == Some(Coverage::TwentyFourSeven)
            && !(case.coverage == Coverage::TwentyFourSeven && case.commit_24x7)
        {
            fail(
                "SEV-3 B on 24x7 without asking and committing".into(),
                String::new(),
            );
        }
        let through_csp_benefit = case.role == Role::PartnerForCustomer && case.plan == Plan::Csp;
        if is_azure_or_office(case.product) && !through_csp_benefit {
            if d.response.is_some() {
                fail(
                    format!("RT-1 response for {} outside the CSP benefit", case.product),
                    String::new(),
                );
            } else if d.supported && d.severity.is_some() && !noticed(Rt1) {
                fail(
                    format!("RT-1 no notice for the missing {} target", case.product),
                    String::new(),
                );
            }
        }
        let rt6_applies = through_csp_benefit
            && d.supported
            && matches!(
                d.category,
                Category::Advisory | Category::Billing | Category::Subscription | Category::Fraud
            )
            && case.preview == Preview::Ga;
        if rt6_applies {
            match &d.response {
                Some(response) if response.target_minutes == 480 && traced(Rt6) => {}
                Some(response) => fail(
                    format!(
                        "RT-6 {} under csp: not one business day with RT-6 traced",
                        d.category
                    ),
                    format!(
                        "target {} minutes, RT-6 traced {}",
                        response.target_minutes,
                        traced(Rt6)
                    ),
                ),
                None => fail(
                    format!("RT-6 {} under csp: no response", d.category),
                    String::new(),
                ),
            }
        }
        if case.role == Role::PartnerOwn {
            if !noticed(Cov6) {
                fail(
                    format!(
                        "COV-6 partner_own without a COV-6 notice (plan {})",
                        case.plan
                    ),
                    String::new(),
                );
            }
            if case.plan == Plan::Csp && d.supported {
                fail(
                    "COV-6 partner_own under csp supported".into(),
                    String::new(),
                );
            }
        }
        // Paths (PTH-1, PTH-13, COV-8's delegated admin, PTH-2, PTH-6, PTH-9).
        let path = d.path.rule;
        if path == Pth1 && !is_dynamics(case.product) {
            fail(format!("PTH-1 for {}", case.product), String::new());
        }
        if path == Pth13 && !is_azure_or_office(case.product) {
            fail(format!("PTH-13 for {}", case.product), String::new());
        }
        let marketplace =
            case.product == Product::MarketplaceApp || d.category == Category::Marketplace;
        if marketplace && path != Pth9 {
            fail(
                format!("PTH-9 marketplace filed through {path}"),
                String::new(),
            );
        }
        if !marketplace {
            match case.role {
                Role::EndUser if path != Pth2 => {
                    fail(format!("PTH-2 end user sent to {path}"), String::new())
                }
                Role::PartnerOwn if path != Pth6 => {
                    fail(format!("PTH-6 partner_own sent to {path}"), String::new())
                }
                Role::PartnerForCustomer => {
                    let partner_center = matches!(path, Pth3 | Pth4 | Pth5 | Pth8);
                    let licensing = path == Pth10 && d.category == Category::Licensing;
                    if case.plan == Plan::Csp {
                        if !(partner_center || licensing) {
                            fail(
                                format!(
                                    "COV-8 partner under csp not through Partner Center ({path})"
                                ),
                                String::new(),
                            );
                        }
                    } else {
                        let delegated = if is_dynamics(case.product) {
                            Pth1
                        } else {
                            Pth13
                        };
                        if path != delegated && !licensing {
                            fail(
                                format!("COV-8 partner, plan not csp, {} sent to {path} (want {delegated})", case.product),
                                String::new(),
                            );
                        }
                    }
                }
                Role::CustomerAdmin
                    if is_azure_or_office(case.product)
                        && !matches!(d.category, Category::Subscription | Category::Licensing)
                        && path != Pth13 =>
                {
                    fail(
                        format!("PTH-13 customer admin of {} sent to {path}", case.product),
                        String::new(),
                    );
                }
                _ => {}
            }
        }
        if d.severity.is_some() && !d.severity_applies {
            fail(
                "severity_applies false with a severity".into(),
                String::new(),
            );
        }
        if !d.supported && d.severity_applies {
            fail(
                "severity_applies true for a request that is not supported".into(),
                String::new(),
            );
        }
        if d.severity_applies && case.impact.is_some() && d.severity.is_none() {
            fail(
                "severity_applies true, impact given, severity null".into(),
                String::new(),
            );
        }

        // ---- COH-4, and COH-1's texts: what the sentences say ----
        let severity_null = d.severity.is_none();
        let mut texts: Vec<(&'static str, Option<RuleId>, &str)> =
            Vec::with_capacity(1 + d.path.steps.len() + d.notices.len() + d.trace.len());
        texts.push(("path title", None, d.path.title.as_ref()));
        texts.extend(
            d.path
                .steps
                .iter()
                .map(|step| ("path step", None, step.as_ref())),
        );
        texts.extend(d.notices.iter().map(|n| ("notice", Some(n.rule), &*n.text)));
        texts.extend(d.trace.iter().map(|t| ("trace", Some(t.rule), &*t.why)));
        for (place, rule, text) in texts {
            let facts = self.facts(text);
            if let Some(problem) = &facts.coh4 {
                let rule = rule.map(RuleId::as_str).unwrap_or("path");
                fail(
                    format!("COH-4 {place} ({rule}) shows {problem}"),
                    text.to_owned(),
                );
            }
            if severity_null {
                if place.starts_with("path") && facts.mentions_severity {
                    fail(
                        format!("COH-1 severity null, {place} mentions severity"),
                        text.to_owned(),
                    );
                }
                if place == "notice" && facts.choosing_severity {
                    let rule = rule.map(RuleId::as_str).unwrap_or("");
                    fail(
                        format!("COH-1 severity null, notice {rule} asks to choose a severity"),
                        text.to_owned(),
                    );
                }
            }
            if away && place == "notice" && facts.partner_center {
                let rule = rule.map(RuleId::as_str).unwrap_or("");
                fail(
                    format!(
                        "COH-1 Partner Center advice ({rule}) on an unsupported request or PTH-9"
                    ),
                    text.to_owned(),
                );
            }
        }

        // ---- The path table ----
        *self.findings.path_rules.entry(path).or_default() += 1;
        match first_row(&self.ruleset.path_rows, case, d.category) {
            Some(index) => {
                self.findings.rows_used[index] += 1;
                let row = &self.ruleset.path_rows[index];
                // A route is told by its links' addresses (their labels are
                // in the decision's language).
                let urls = |links: &[Link]| links.iter().map(|l| l.url.clone()).collect::<Vec<_>>();
                let links = self
                    .ruleset
                    .path(row.route)
                    .map(|template| urls(&template.links));
                if row.rule != path || links.is_some_and(|links| links != urls(&d.path.links)) {
                    fail(
                        format!(
                            "table: path differs from the first matching row {index} ({} {})",
                            row.rule, row.route
                        ),
                        format!("decided {path}"),
                    );
                }
            }
            None => fail(
                "table: no path row matches".into(),
                format!("decided {path}"),
            ),
        }

        for (kind, detail) in fails {
            self.findings.fail(kind, case, || detail);
        }
    }
}

fn trace_why(d: &Decision, rule: RuleId) -> String {
    d.trace
        .iter()
        .find(|entry| entry.rule == rule)
        .map(|entry| entry.why.to_string())
        .unwrap_or_default()
}

fn notice_text(d: &Decision, rule: RuleId) -> String {
    d.notices
        .iter()
        .find(|notice| notice.rule == rule)
        .map(|notice| notice.text.to_string())
        .unwrap_or_default()
}

/// The fields the walk sets, in contract order.
fn given(case: &Case) -> Vec<&'static str> {
    fields::CASE
        .iter()
        .map(|field| field.name)
        .filter(|name| match *name {
            "description" | "holidays" | "locale" => false,
            "category" => case.category.is_some(),
            "impact" => case.impact.is_some(),
            "previous_case" => case.previous_case.is_some(),
            _ => true,
        })
        .collect()
}

/// Walks every (role, product) pair over all cores; walker threads'
/// panics are caught per decision and kept quiet.
fn walk_everything() -> (Findings, std::time::Duration) {
    let jobs: Vec<(Role, Product)> = Role::ALL
        .iter()
        .flat_map(|&role| Product::ALL.iter().map(move |&product| (role, product)))
        .collect();
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(jobs.len());
    let next = AtomicUsize::new(0);
    let previous_hook = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some(WALKER) {
            previous_hook(info);
        }
    }));
    let started = Instant::now();
    let mut findings = Findings {
        rows_used: vec![0; PATH_ROWS.len()],
        ..Findings::default()
    };
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .name(WALKER.into())
                    .spawn_scoped(scope, || {
                        let mut walker = Walker::new();
                        loop {
                            let job = next.fetch_add(1, Ordering::Relaxed);
                            let Some(&(role, product)) = jobs.get(job) else {
                                break;
                            };
                            walker.walk(role, product);
                        }
                        walker.findings
                    })
                    .expect("a walker thread starts")
            })
            .collect();
        for handle in handles {
            findings.merge(handle.join().expect("a walker thread ends"));
        }
    });
    (findings, started.elapsed())
}

#[test]
fn every_decision_of_the_enum_space_is_coherent() {
    let (mut findings, elapsed) = walk_everything();
    // The rule-table lint: every row of the first-match table decides some
    // case, and every route rule is some decision's path.
    for (index, &used) in findings.rows_used.clone().iter().enumerate() {
        if used == 0 {
            let row = &PATH_ROWS[index];
            let kind = format!(
                "table: row {index} ({} {}) never chosen",
                row.rule, row.route
            );
            findings.kinds.entry(kind).or_default().count += 1;
        }
    }
    use RuleId::*;
    for rule in [
        Pth1, Pth2, Pth3, Pth4, Pth5, Pth6, Pth7, Pth8, Pth9, Pth10, Pth13,
    ] {
        if !findings.path_rules.contains_key(&rule) {
            findings
                .kinds
                .entry(format!("table: {rule} is no decision's path"))
                .or_default()
                .count += 1;
        }
    }
    let per_decision = elapsed.as_secs_f64() * 1e6 / findings.decisions.max(1) as f64;
    println!(
        "{} decisions in {:.1} s ({per_decision:.1} µs each, wall clock over all threads)",
        findings.decisions,
        elapsed.as_secs_f64()
    );
    println!("paths: {:?}", findings.path_rules);
    println!("path rows used: {:?}", findings.rows_used);
    assert!(findings.kinds.is_empty(), "{}", findings.report());
}

/// REO-0..4 on every combination of the earlier case's answers: `new
/// incident` as soon as one known answer or the age decides it; `reopen`
/// only when every answer is known and allows it; otherwise no verdict,
/// with REO-0 traced and noticed. Every row of the reopen table is used.
#[test]
fn reopen_verdicts_follow_reo0() {
    let now = submitted_at();
    let ruleset = Ruleset::shipped();
    let answers = [None, Some(true), Some(false)];
    // Closed recently, or exactly three months before SUBMITTED_AT's date.
    let old = NaiveDate::from_ymd_opt(2026, 8, 18).expect("a date");
    let closed = [
        None,
        Some(NaiveDate::from_ymd_opt(2026, 11, 2).expect("a date")),
        Some(old),
    ];
    let mut failures = Vec::new();
    let mut rules_used: BTreeMap<RuleId, u32> = BTreeMap::new();
    for closed_on in closed {
        for same_build in answers {
            for same_environment in answers {
                for same_error in answers {
                    for after_hotfix in answers {
                        let previous = PreviousCase {
                            number: "123".into(),
                            closed_on,
                            same_build,
                            same_environment,
                            same_error,
                            after_hotfix,
                        };
                        let mut case = Case::new(Product::Dynamics365);
                        case.impact = Some(Impact::Moderate);
                        case.submitted_at = Some(now);
                        case.previous_case = Some(previous.clone());
                        case.given = given(&case);
                        let aged = closed_on == Some(old);
                        let new = aged
                            || after_hotfix == Some(true)
                            || same_build == Some(false)
                            || same_environment == Some(false)
                            || same_error == Some(false);
                        let known = [same_build, same_environment, same_error, after_hotfix]
                            .iter()
                            .all(Option::is_some);
                        let want = if new {
                            Some(Reopen::NewIncident)
                        } else if known {
                            Some(Reopen::Reopen)
                        } else {
                            None
                        };
                        let decision = match decide(&case, now, &ruleset, &TzDatabase) {
                            Ok(decision) => decision,
                            Err(error) => {
                                failures.push(format!("{previous:?}: rejected: {error}"));
                                continue;
                            }
                        };
                        for entry in &decision.trace {
                            if entry.field == DecidedField::Reopen {
                                *rules_used.entry(entry.rule).or_default() += 1;
                            }
                        }
                        if decision.reopen != want {
                            failures.push(format!(
                                "{previous:?}: reopen {:?}, want {want:?}",
                                decision.reopen
                            ));
                        }
                        if want.is_none()
                            && !(decision.traces(RuleId::Reo0)
                                && decision.notices.iter().any(|n| n.rule == RuleId::Reo0))
                        {
                            failures.push(format!(
                                "{previous:?}: no verdict without REO-0 traced and noticed"
                            ));
                        }
                        if want == Some(Reopen::NewIncident)
                            && !decision.notices.iter().any(|n| n.rule == RuleId::Reo5)
                        {
                            failures.push(format!(
                                "{previous:?}: a new incident without the REO-5 notice"
                            ));
                        }
                    }
                }
            }
        }
    }
    let unused: Vec<RuleId> = REOPEN_ROWS
        .iter()
        .map(|row| row.rule)
        .filter(|rule| !rules_used.contains_key(rule))
        .collect();
    if !unused.is_empty() {
        failures.push(format!("reopen rows never traced: {unused:?}"));
    }
    assert!(
        failures.is_empty(),
        "{} failures (of 243 cases):\n{}",
        failures.len(),
        failures
            .iter()
            .take(30)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// The checker itself finds what COH-4 forbids, and only that.
#[test]
fn coh4_checker_finds_raw_codes() {
    let codes = Codes::new();
    for bad in [
        "Calendar japan: 09:00–17:30",
        "in ja the request is served in business hours",
        "id is not a local support language",
        "A power_platform request",
        "Advisory is not available on the csp plan",
        "Category break_fix was chosen",
        "⟦path.pth1.1⟧",
        "Initial response within {n} hours",
    ] {
        assert!(codes.problem(bad).is_some(), "missed: {bad}");
    }
    for good in [
        "Japanese is a local support language; Japan's calendar applies.",
        "Give your MPN contract ID.",
        "Open https://portal.azure.com/<customer domain name>.",
        "Office 365, Dynamics 365, Enterprise Mobility Suite (EMS) and Power Platform",
        "Business hours: 09:00–17:00 America/Los_Angeles, 24x7 otherwise.",
    ] {
        assert_eq!(codes.problem(good), None, "{good}");
    }
}
