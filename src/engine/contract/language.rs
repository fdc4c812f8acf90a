//! The language the customer wants support in (a BCP 47 tag) and what
//! SUP-LANG / RT-3 make of it.

use std::fmt;

/// A well-formed BCP 47 tag in canonical case (`ja`, `en-US`, `zh-Hant`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Language(String);

/// The local support languages of SUP-LANG.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SupportLanguage {
    English,
    Spanish,
    French,
    German,
    Italian,
    Portuguese,
    TraditionalChinese,
    SimplifiedChinese,
    Japanese,
}

impl SupportLanguage {
    /// The language's tag, as the interface languages spell it.
    pub const fn code(self) -> &'static str {
        match self {
            SupportLanguage::English => "en",
            SupportLanguage::Spanish => "es",
            SupportLanguage::French => "fr",
            SupportLanguage::German => "de",
            SupportLanguage::Italian => "it",
            SupportLanguage::Portuguese => "pt",
            SupportLanguage::TraditionalChinese => "zh-Hant",
            SupportLanguage::SimplifiedChinese => "zh-Hans",
            SupportLanguage::Japanese => "ja",
        }
    }
}

impl Language {
    pub fn english() -> Self {
        Language("en".into())
    }

    /// Checks the tag's shape (RFC 5646 subtags: a 2–3 letter language, then
    /// 1–8 letter-or-digit subtags) and puts it in canonical case.
    pub fn parse(tag: &str) -> Result<Self, &'static str> {
        let tag = tag.trim().replace('_', "-");
        let mut canonical = Vec::new();
        for (index, subtag) in tag.split('-').enumerate() {
            let valid = !subtag.is_empty()
                && subtag.len() <= 8
                && subtag.chars().all(|c| c.is_ascii_alphanumeric());
            if !valid {
                return Err("is not a BCP 47 language tag; write e.g. en, ja, id, zh-Hant");
            }
            canonical.push(match (index, subtag.len()) {
                (0, 2..=3) if subtag.chars().all(|c| c.is_ascii_alphabetic()) => {
                    subtag.to_ascii_lowercase()
                }
                (0, _) => {
                    return Err("does not start with a 2- or 3-letter language code; write e.g. en, ja, id, zh-Hant")
                }
                (_, 4) if subtag.chars().all(|c| c.is_ascii_alphabetic()) => {
                    let lower = subtag.to_ascii_lowercase();
                    lower[..1].to_ascii_uppercase() + &lower[1..]
                }
                (_, 2) => subtag.to_ascii_uppercase(),
                _ => subtag.to_ascii_lowercase(),
            });
        }
        Ok(Language(canonical.join("-")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    fn primary(&self) -> &str {
        self.0.split('-').next().unwrap_or_default()
    }

    /// The SUP-LANG local language this tag asks for, if it is one of them.
    /// Chinese without a script or region is taken as Simplified.
    pub fn support_language(&self) -> Option<SupportLanguage> {
        let subtags: Vec<&str> = self.0.split('-').skip(1).collect();
        Some(match self.primary() {
            "en" => SupportLanguage::English,
            "es" => SupportLanguage::Spanish,
            "fr" => SupportLanguage::French,
            "de" => SupportLanguage::German,
            "it" => SupportLanguage::Italian,
            "pt" => SupportLanguage::Portuguese,
            "ja" => SupportLanguage::Japanese,
            "zh" if subtags
                .iter()
                .any(|s| matches!(*s, "Hant" | "TW" | "HK" | "MO")) =>
            {
                SupportLanguage::TraditionalChinese
            }
            "zh" => SupportLanguage::SimplifiedChinese,
            _ => return None,
        })
    }

    pub fn is_english(&self) -> bool {
        self.primary() == "en"
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

include!(concat!(env!("OUT_DIR"), "/languages.rs"));

/// The interface languages' tags, English first (contract.md, `locale`).
pub fn interface_tags() -> Vec<&'static str> {
    INTERFACE_LANGUAGES.iter().map(|&(tag, _)| tag).collect()
}

/// The interface language a tag asks for: `ja-JP` → `ja`, `zh-TW` and
/// `zh-HK` → `zh-Hant`, `zh-CN`, `zh-SG` and plain `zh` → `zh-Hans`, `pt-BR`
/// and `pt-PT` → `pt`; `None` when no interface language fits.
pub fn interface_locale(tag: &str) -> Option<&'static str> {
    let language = Language::parse(tag).ok()?;
    let wanted = match language.primary() {
        "zh" => match language.support_language() {
            Some(SupportLanguage::TraditionalChinese) => "zh-Hant",
            _ => "zh-Hans",
        },
        primary => primary,
    };
    INTERFACE_LANGUAGES
        .iter()
        .map(|&(known, _)| known)
        .find(|&known| known == wanted)
}
