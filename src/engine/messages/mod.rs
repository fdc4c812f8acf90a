//! Every sentence the engine writes comes from a catalogue: one plain-text
//! file per language (`en.txt` beside this file), one message a line,
//! `key = text`, keyed by stable IDs, with named arguments in braces; `#`
//! starts a comment line. Product names and a portal's menu names stay as
//! the portal spells them. A plural is written as two keys, `key.one` and
//! `key.other`, chosen by the language's plural rule. A value in double
//! quotes keeps its outer spaces.
//!
//! The format is ours, not Project Fluent's: it needs no parser crate, no
//! plural-rule tables beyond the few languages shipped, and costs the widget
//! a few hundred bytes of code.

use std::sync::OnceLock;

/// The messages of one language, in file order.
#[derive(Debug)]
pub struct Catalogue {
    language: &'static str,
    entries: Vec<(&'static str, &'static str)>,
}

/// A problem in a catalogue file, with its line.
#[derive(Debug, PartialEq, Eq)]
pub struct CatalogueError {
    pub line: usize,
    pub message: String,
}

impl Catalogue {
    /// The built-in English messages.
    pub fn english() -> &'static Catalogue {
        static ENGLISH: OnceLock<Catalogue> = OnceLock::new();
        ENGLISH.get_or_init(|| {
            Catalogue::parse("en", include_str!("en.txt")).unwrap_or_else(|_| Catalogue {
                language: "en",
                entries: Vec::new(),
            })
        })
    }

    /// The catalogue for an interface language; English until others ship.
    pub fn for_locale(_locale: &str) -> &'static Catalogue {
        Catalogue::english()
    }

    /// Reads a catalogue file: `key = text` lines, `#` comments, blank lines.
    pub fn parse(language: &'static str, text: &'static str) -> Result<Catalogue, CatalogueError> {
        let mut entries = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(" = ") else {
                return Err(CatalogueError {
                    line: index + 1,
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
            if entries.iter().any(|&(seen, _)| seen == key) {
                return Err(CatalogueError {
                    line: index + 1,
                    message: format!("the key {key} is given twice"),
                });
            }
            entries.push((key, value));
        }
        Ok(Catalogue { language, entries })
    }

    /// The language the catalogue is written in.
    pub fn language(&self) -> &'static str {
        self.language
    }

    /// Every key, in file order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|&(key, _)| key)
    }

    /// The raw text of a key.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        // A few hundred keys: a linear search costs microseconds and spares
        // the widget a sort routine.
        self.entries
            .iter()
            .find(|&&(k, _)| k == key)
            .map(|&(_, text)| text)
    }

    /// The message `key` with its `{name}` arguments filled in. A missing
    /// key reads `⟦key⟧`, so that a gap shows (and a test finds it).
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.get(key) {
            Some(text) => fill(text, args),
            None => format!("⟦{key}⟧"),
        }
    }

    /// The plural form of `key` for the count `n` (`key.one` or `key.other`),
    /// with `{n}` and the other arguments filled in.
    pub fn count(&self, key: &str, n: i64, args: &[(&str, &str)]) -> String {
        let form = if n == 1 { "one" } else { "other" };
        let number = n.to_string();
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(args);
        self.format(&format!("{key}.{form}"), &all)
    }

    /// The argument names a key's text uses, in order.
    pub fn arguments(&self, key: &str) -> Vec<&'static str> {
        let mut names = Vec::new();
        let mut rest = self.get(key).unwrap_or_default();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            names.push(&rest[open + 1..open + close]);
            rest = &rest[open + close + 1..];
        }
        names
    }
}

/// Replaces each `{name}` by its argument; unknown names stay as written.
fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}') {
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
