//! The rule IDs of policy.md, as one typed enum: decisions name the rules
//! that decided them, and the engine compares IDs as values, never as text.

use serde::{Serialize, Serializer};

/// Declares [`RuleId`]: one variant per policy.md ID, with its spelling.
macro_rules! rule_ids {
    ($($variant:ident = $text:literal),+ $(,)?) => {
        /// A rule of policy.md, by ID.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId { $($variant),+ }

        impl RuleId {
            /// Every rule, in policy.md order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant),+];

            /// The ID as policy.md writes it, e.g. `SEV-2`.
            pub const fn as_str(self) -> &'static str {
                match self { $(RuleId::$variant => $text),+ }
            }

            /// Reads an ID as policy.md writes it, in any case.
            pub fn parse(text: &str) -> Option<Self> {
                let upper = text.trim().to_ascii_uppercase();
                match upper.as_str() { $($text => Some(RuleId::$variant),)+ _ => None }
            }
        }
    };
}

rule_ids! {
    Cov1 = "COV-1", Cov2 = "COV-2", Cov3 = "COV-3", Cov4 = "COV-4", Cov5 = "COV-5",
    Cov6 = "COV-6", Cov7 = "COV-7", Cov8 = "COV-8", Cov9 = "COV-9",
    Cls0 = "CLS-0", Cls1 = "CLS-1", Cls2 = "CLS-2", Cls3 = "CLS-3", Cls4 = "CLS-4",
    Cls5 = "CLS-5", Cls6 = "CLS-6", Cls7 = "CLS-7", Cls8 = "CLS-8", Cls9 = "CLS-9",
    Cls10 = "CLS-10", Cls11 = "CLS-11", Cls12 = "CLS-12", Cls13 = "CLS-13",
    Cls14 = "CLS-14", Cls15 = "CLS-15",
    SevA = "SEV-A", SevB = "SEV-B", SevC = "SEV-C",
    Sev1 = "SEV-1", Sev2 = "SEV-2", Sev3 = "SEV-3", Sev4 = "SEV-4", Sev5 = "SEV-5",
    Sev6 = "SEV-6", Sev7 = "SEV-7", Sev8 = "SEV-8", Sev9 = "SEV-9",
    Rt1 = "RT-1", Rt2 = "RT-2", Rt3 = "RT-3", Rt4 = "RT-4", Rt5 = "RT-5",
    Rt6 = "RT-6", Rt7 = "RT-7", SupLang = "SUP-LANG", Rt8 = "RT-8",
    Esc1 = "ESC-1", Esc2 = "ESC-2",
    Pth1 = "PTH-1", Pth2 = "PTH-2", Pth3 = "PTH-3", Pth4 = "PTH-4", Pth5 = "PTH-5",
    Pth6 = "PTH-6", Pth7 = "PTH-7", Pth8 = "PTH-8", Pth9 = "PTH-9", Pth10 = "PTH-10",
    Pth11 = "PTH-11", Pth12 = "PTH-12", Pth13 = "PTH-13",
    Lim1 = "LIM-1", Lim2 = "LIM-2", Lim3 = "LIM-3", Lim4 = "LIM-4", Lim5 = "LIM-5",
    Lim6 = "LIM-6",
    Prv1 = "PRV-1", Prv2 = "PRV-2", Prv3 = "PRV-3",
    Reo1 = "REO-1", Reo2 = "REO-2", Reo3 = "REO-3", Reo4 = "REO-4", Reo0 = "REO-0",
    Reo5 = "REO-5", Fup1 = "FUP-1", Fup2 = "FUP-2",
    Coh1 = "COH-1", Coh2 = "COH-2", Coh3 = "COH-3", Coh4 = "COH-4",
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_unit_variant("RuleId", *self as u32, self.as_str())
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}
