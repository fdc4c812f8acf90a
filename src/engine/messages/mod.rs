//! Every sentence the engine and the widget write comes from a catalogue:
//! one plain-text file per interface language in `src/locales/`
//! (`<tag>.txt`), one message a line, `key = text`, keyed by stable IDs,
//! with named arguments in braces; `#` starts a comment line, and a value in
//! double quotes keeps its outer spaces. A plural is written as two keys,
//! `key.one` and `key.other`, chosen by the language's plural rule.
//! `src/locales/sources.txt` holds the source documents' own sentences in
//! the same format. Product names and a portal's menu names stay as the
//! portal spells them.
//!
//! Native builds (the CLI, the tests) carry every catalogue; the browser
//! build carries English and installs the visitor's language when it has
//! fetched it ([`install`]). A key a language lacks reads in English.
//!
//! The format is ours, not Project Fluent's: it needs no parser crate and no
//! plural-rule tables beyond the languages shipped, and costs the widget a
//! few hundred bytes of code.

use crate::engine::contract::decision::Text;
use crate::engine::contract::language::INTERFACE_LANGUAGES;
use std::borrow::Cow;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The messages of one language, in file order.
#[derive(Debug)]
pub struct Catalogue {
    language: &'static str,
    entries: Vec<(&'static str, &'static str)>,
    /// Where each key is: an open-addressing table of indices into
    /// `entries` (every decision looks up dozens of keys).
    index: KeyIndex,
    /// Where a missing key is looked up: English, for every other language.
    fallback: Option<&'static Catalogue>,
}

/// Keys to their place in a catalogue: open addressing over a table at most
/// half full, hashed with FNV-1a. Written by hand: a `HashMap` would bring
/// its SipHash and growth code into the widget for one table a language.
#[derive(Debug, Default)]
struct KeyIndex {
    slots: Vec<u16>,
}

const EMPTY_SLOT: u16 = u16::MAX;

impl KeyIndex {
    fn with_room_for(keys: usize) -> Self {
        let size = (keys.min(usize::from(EMPTY_SLOT) / 2) * 2).next_power_of_two();
        KeyIndex {
            slots: vec![EMPTY_SLOT; size.max(1)],
        }
    }

    fn start(&self, key: &str) -> usize {
        let mut hash: u32 = 0x811c_9dc5;
        for byte in key.bytes() {
            hash = (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193);
        }
        hash as usize & (self.slots.len() - 1)
    }

    /// Records `key` at `at`; `false` when it is there already (or the
    /// table is full: more keys than a catalogue line count allows).
    fn insert(&mut self, key: &str, at: usize, entries: &[(&str, &str)]) -> bool {
        let Ok(at) = u16::try_from(at) else {
            return false;
        };
        let mask = self.slots.len() - 1;
        let mut slot = self.start(key);
        for _ in 0..self.slots.len() {
            match self.slots[slot] {
                EMPTY_SLOT => {
                    self.slots[slot] = at;
                    return true;
                }
                seen if entries[usize::from(seen)].0 == key => return false,
                _ => slot = (slot + 1) & mask,
            }
        }
        false
    }

    fn find(&self, key: &str, entries: &[(&str, &str)]) -> Option<usize> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut slot = self.start(key);
        for _ in 0..self.slots.len() {
            match self.slots[slot] {
                EMPTY_SLOT => return None,
                seen if entries[usize::from(seen)].0 == key => return Some(usize::from(seen)),
                _ => slot = (slot + 1) & mask,
            }
        }
        None
    }
}

/// A problem in a catalogue file, with its line.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogueError {
    pub line: usize,
    pub message: String,
}

/// One slot per interface language, filled once.
static CATALOGUES: [OnceLock<Catalogue>; INTERFACE_LANGUAGES.len()] =
    [const { OnceLock::new() }; INTERFACE_LANGUAGES.len()];

/// The "Why?" texts (rule sentences, document titles) per language.
static WHY_CATALOGUES: [OnceLock<Catalogue>; INTERFACE_LANGUAGES.len()] =
    [const { OnceLock::new() }; INTERFACE_LANGUAGES.len()];

/// The sources' own sentences, once at hand.
static QUOTE_CATALOGUE: OnceLock<Catalogue> = OnceLock::new();

fn slot(tag: &str) -> Option<usize> {
    INTERFACE_LANGUAGES
        .iter()
        .position(|&(known, _)| known == tag)
}

/// The built-in English messages.
pub fn english() -> &'static Catalogue {
    CATALOGUES[0].get_or_init(|| {
        let text = include_str!("../../locales/en.txt");
        Catalogue::parse("en", text).unwrap_or_else(|_| Catalogue::empty("en"))
    })
}

/// The catalogue of an interface language (`en`, `ja`, …); English when the
/// language is unknown or (in the browser) not fetched yet.
pub fn for_locale(tag: &str) -> &'static Catalogue {
    let Some(index) = slot(tag).filter(|&index| index > 0) else {
        return english();
    };
    #[cfg(not(target_arch = "wasm32"))]
    {
        CATALOGUES[index].get_or_init(|| {
            let (tag, _) = INTERFACE_LANGUAGES[index];
            Catalogue::parse(tag, BUILT_IN[index])
                .map(|catalogue| catalogue.falling_back_to(english()))
                .unwrap_or_else(|_| Catalogue::empty(tag).falling_back_to(english()))
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        CATALOGUES[index].get().unwrap_or_else(english)
    }
}

/// Whether a language's catalogue is at hand (always, natively).
pub fn is_loaded(tag: &str) -> bool {
    match slot(tag) {
        Some(0) => true,
        Some(index) => cfg!(not(target_arch = "wasm32")) || CATALOGUES[index].get().is_some(),
        None => false,
    }
}

/// Installs a language's catalogue fetched at run time (the browser's);
/// the text is kept for the life of the page.
pub fn install(tag: &str, text: String) -> Result<&'static Catalogue, CatalogueError> {
    let index = slot(tag).ok_or_else(|| CatalogueError {
        line: 0,
        message: format!("{tag} is not an interface language"),
    })?;
    if let Some(catalogue) = CATALOGUES[index].get() {
        return Ok(catalogue);
    }
    let (tag, _) = INTERFACE_LANGUAGES[index];
    let catalogue = Catalogue::parse(tag, Box::leak(text.into_boxed_str()))?;
    Ok(CATALOGUES[index].get_or_init(|| catalogue.falling_back_to(english())))
}

/// A language's "Why?" texts (`rule.<ID>`, `rule.<ID>.design`,
/// `source-title.<doc>`): always natively; in the browser once fetched.
pub fn why_for(tag: &str) -> Option<&'static Catalogue> {
    let index = slot(tag)?;
    #[cfg(not(target_arch = "wasm32"))]
    {
        let english = || {
            WHY_CATALOGUES[0].get_or_init(|| {
                Catalogue::parse("en", BUILT_IN_WHY[0]).unwrap_or_else(|_| Catalogue::empty("en"))
            })
        };
        if index == 0 {
            return Some(english());
        }
        // A language may keep its "Why?" texts in its one catalogue file.
        if BUILT_IN_WHY[index].is_empty() {
            return Some(for_locale(tag));
        }
        Some(WHY_CATALOGUES[index].get_or_init(|| {
            let (tag, _) = INTERFACE_LANGUAGES[index];
            Catalogue::parse(tag, BUILT_IN_WHY[index])
                .unwrap_or_else(|_| Catalogue::empty(tag))
                .falling_back_to(english())
        }))
    }
    #[cfg(target_arch = "wasm32")]
    {
        // A language may keep its "Why?" texts in its one catalogue file.
        WHY_CATALOGUES[index]
            .get()
            .or_else(|| CATALOGUES[index].get().filter(|c| c.has(WHY_MARKER)))
    }
}

/// A key every "Why?" catalogue holds.
#[cfg(target_arch = "wasm32")]
const WHY_MARKER: &str = "rule.SEV-1";

/// Installs a language's "Why?" texts fetched at run time.
pub fn install_why(tag: &str, text: String) -> Result<(), CatalogueError> {
    let index = slot(tag).ok_or_else(|| CatalogueError {
        line: 0,
        message: format!("{tag} is not an interface language"),
    })?;
    let (tag, _) = INTERFACE_LANGUAGES[index];
    let catalogue = Catalogue::parse(tag, Box::leak(text.into_boxed_str()))?;
    let _ = WHY_CATALOGUES[index].set(catalogue);
    Ok(())
}

/// The source documents' own sentences (`source.<RULE>.<doc>`), when at
/// hand: always natively, once fetched in the browser.
pub fn quotes() -> Option<&'static Catalogue> {
    #[cfg(not(target_arch = "wasm32"))]
    if let Some(text) = QUOTES {
        return Some(
            QUOTE_CATALOGUE.get_or_init(|| {
                Catalogue::parse("", text).unwrap_or_else(|_| Catalogue::empty(""))
            }),
        );
    }
    QUOTE_CATALOGUE.get()
}

/// Installs the sources' sentences fetched at run time.
pub fn install_quotes(text: String) -> Result<(), CatalogueError> {
    let catalogue = Catalogue::parse("", Box::leak(text.into_boxed_str()))?;
    let _ = QUOTE_CATALOGUE.set(catalogue);
    Ok(())
}

impl Catalogue {
    fn empty(language: &'static str) -> Self {
        Catalogue {
            language,
            entries: Vec::new(),
            index: KeyIndex::default(),
            fallback: None,
        }
    }

    fn falling_back_to(mut self, fallback: &'static Catalogue) -> Self {
        self.fallback = Some(fallback);
        self
    }

    /// Reads a catalogue file: `key = text` lines, `#` comments, blank lines.
    pub fn parse(language: &'static str, text: &'static str) -> Result<Catalogue, CatalogueError> {
        let mut entries: Vec<(&'static str, &'static str)> = Vec::new();
        let mut index = KeyIndex::with_room_for(text.lines().count());
        for (line_index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(" = ") else {
                return Err(CatalogueError {
                    line: line_index + 1,
                    message: "expected `key = text`".into(),
                });
            };
            // A value in double quotes keeps its outer spaces (", ").
            let value = value.trim();
            let value = value
                .strip_prefix('"')
                .and_then(|inner| inner.strip_suffix('"'))
                .unwrap_or(value);
            let key = key.trim();
            if !index.insert(key, entries.len(), &entries) {
                return Err(CatalogueError {
                    line: line_index + 1,
                    message: format!("the key {key} is given twice"),
                });
            }
            entries.push((key, value));
        }
        Ok(Catalogue {
            language,
            entries,
            index,
            fallback: None,
        })
    }

    /// The language the catalogue is written in.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// Every key of this catalogue (not its fallback's), in file order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|&(key, _)| key)
    }

    /// The raw text of a key, in English when this language lacks it.
    // Called from hundreds of places: one copy, not one inlined per caller.
    #[inline(never)]
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.index
            .find(key, &self.entries)
            .map(|at| self.entries[at].1)
            .or_else(|| self.fallback.and_then(|fallback| fallback.get(key)))
    }

    /// Whether this language itself (not its fallback) has the key.
    pub fn has(&self, key: &str) -> bool {
        self.index.find(key, &self.entries).is_some()
    }

    /// The message `key` with its `{name}` arguments filled in. A missing
    /// key reads `⟦key⟧`, so that a gap shows (and a test finds it).
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        self.text(key, args).into_owned()
    }

    /// [`Catalogue::format`], borrowing a message that has no arguments
    /// rather than copying it.
    #[inline(never)]
    pub fn text(&self, key: &str, args: &[(&str, &str)]) -> Text {
        match self.get(key) {
            // Without arguments every `{name}` stays as written.
            Some(text) if args.is_empty() || find(text, b'{').is_none() => Cow::Borrowed(text),
            Some(text) => Cow::Owned(fill(text, args)),
            None => Cow::Owned(format!("⟦{key}⟧")),
        }
    }

    /// `items` as a list of this language: "a, b" or 「a、b」.
    pub fn list(&self, items: &[String]) -> String {
        items.join(&self.format("list.separator", &[]))
    }

    /// The plural form of `key` for the count `n` (`key.one` or `key.other`,
    /// by the language's rule), with `{n}` and the other arguments filled in.
    pub fn count(&self, key: &str, n: i64, args: &[(&str, &str)]) -> String {
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        self.format(&dotted(key, plural_form(self.language, n)), &all)
    }

    /// The argument names a key's text uses, in order.
    pub fn arguments(&self, key: &str) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.get(key).unwrap_or_default();
        while let Some(open) = find(rest, b'{') {
            let Some(close) = find(&rest[open..], b'}') else {
                break;
            };
            names.push(&rest[open + 1..open + close]);
            rest = &rest[open + close + 1..];
        }
        names
    }
}

/// `family.code`, a catalogue key made of two (without `format!`, which
/// costs a decision more than its lookup).
pub fn dotted(family: &str, code: &str) -> String {
    let mut key = String::with_capacity(family.len() + 1 + code.len());
    key.push_str(family);
    key.push('.');
    key.push_str(code);
    key
}

/// CLDR's cardinal plural category for whole numbers, for the shipped
/// languages: Japanese, Chinese and Indonesian have one form; French and
/// Portuguese count 0 and 1 as singular; the others only 1.
pub fn plural_form(language: &str, n: i64) -> &'static str {
    match language.split('-').next().unwrap_or(language) {
        "ja" | "zh" | "id" => "other",
        "fr" | "pt" if n == 0 || n == 1 => "one",
        _ if n == 1 => "one",
        _ => "other",
    }
}

/// Where an ASCII byte first is in `text`. A plain loop: a message is short,
/// and `str::find` sets up a searcher that costs more than the search.
fn find(text: &str, byte: u8) -> Option<usize> {
    text.bytes().position(|b| b == byte)
}

/// Replaces each `{name}` by its argument; unknown names stay as written.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = find(rest, b'{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match find(after, b'}') {
            Some(close) => {
                let name = &after[..close];
                match args.iter().find(|(key, _)| *key == name) {
                    Some((_, value)) => out.push_str(value),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}
