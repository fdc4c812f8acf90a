//! PTH-1..13 with COV-8: where and how to file, chosen by the first row of
//! the path table that fits who files, the product, the plan, the category
//! and the partner's admin rights.

use super::tables::{PathRow, Plans, Ruleset};
use super::Run;
use crate::engine::contract::case::Case;
use crate::engine::contract::decision::{DecidedField, Link, Path};
use crate::engine::contract::enums::{Category, Plan, Product};

impl PathRow {
    /// Whether every condition of the row holds for the case.
    pub fn fits(&self, case: &Case, category: Category) -> bool {
        let plan_fits = match self.plans {
            Plans::Any => true,
            Plans::Csp => case.plan == Plan::Csp,
            Plans::NotCsp => case.plan != Plan::Csp,
        };
        (self.roles.is_empty() || self.roles.contains(&case.role))
            && (self.products.is_empty() || self.products.contains(&case.product))
            && plan_fits
            && (self.categories.is_empty() || self.categories.contains(&category))
            && self
                .admin_access
                .is_none_or(|wanted| wanted == case.admin_access)
    }
}

/// The index of the first row of `rows` that fits, if any.
pub fn choose(rows: &[PathRow], case: &Case, category: Category) -> Option<usize> {
    rows.iter().position(|row| row.fits(case, category))
}

pub(super) fn decide(
    run: &mut Run,
    category: Category,
    has_severity: bool,
    ruleset: &Ruleset,
) -> Path {
    let case = run.case;
    let field = DecidedField::Path;
    let product = run.name("product", case.product.as_str());
    let admin_role = run.name("admin-role", admin_family(case.product));
    let args: [(&str, &str); 2] = [("product", &product), ("admin_role", &admin_role)];
    let Some(row) = choose(&ruleset.path_rows, case, category).map(|i| ruleset.path_rows[i]) else {
        // The shipped table ends in rows that catch every case; an owner's
        // table might not.
        return Path {
            rule: crate::engine::contract::rule_id::RuleId::Pth1,
            title: run.text.text("path.title.none", &[]),
            steps: Vec::new(),
            links: Vec::new(),
        };
    };
    run.trace(row.rule, field, row.why, &args);
    if let Some(because) = row.because {
        let plan = run.name("plan-phrase", case.plan.as_str());
        run.trace(
            because,
            field,
            run.on_plan(
                "why.path.delegated-admin",
                "why.path.delegated-admin-no-plan",
            ),
            &[("plan", &plan)],
        );
    }
    let title = run.text.text(&format!("path.title.{}", row.route), &args);
    let Some(template) = ruleset.path(row.route) else {
        return Path {
            rule: row.rule,
            title,
            steps: Vec::new(),
            links: Vec::new(),
        };
    };
    let steps = template
        .steps
        .iter()
        .filter(|step| has_severity || !step.needs_severity)
        .map(|step| match template.owner_steps {
            true => step.text.clone(),
            false => run.text.text(&step.text, &args),
        })
        .collect();
    Path {
        rule: row.rule,
        title,
        steps,
        links: template
            .links
            .iter()
            .map(|link| Link {
                label: match template.owner_links {
                    true => link.label.clone(),
                    false => run.text.text(&link.label, &[]),
                },
                url: link.url.clone(),
            })
            .collect(),
    }
}

/// Which admin role an end user needs for a product (PTH-2).
fn admin_family(product: Product) -> &'static str {
    match product {
        Product::Dynamics365 | Product::PowerPlatform | Product::MarketplaceApp => "dynamics",
        Product::Azure => "azure",
        Product::Microsoft365 | Product::Ems => "microsoft365",
    }
}
