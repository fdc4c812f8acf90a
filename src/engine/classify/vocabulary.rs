//! The vocabulary: phrases per category and per signal, read from plain-text
//! lists (one per language, in `vocabulary/*.txt`) that a support person can
//! edit without touching code. The format is described in the folder's
//! `README.md`.

use super::language::Languages;
use super::normalize::normalize;
use super::trie::Trie;
use crate::engine::contract::enums::{Category, Product, Signal};
use crate::engine::contract::raw::quoted;

/// What a phrase is evidence for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Category(Category),
    Signal(Signal),
    /// The text names a product ("Dynamics 365", "D365"): the form proposes it.
    Product(Product),
}

impl Target {
    /// Its place among the model's outputs: categories, then signals, then
    /// products.
    pub fn output(self) -> usize {
        match self {
            Target::Category(category) => category as usize,
            Target::Signal(signal) => Category::ALL.len() + signal as usize,
            Target::Product(product) => Category::ALL.len() + Signal::ALL.len() + product as usize,
        }
    }
}

/// One normalised phrase.
#[derive(Clone, Debug, PartialEq)]
pub struct Phrase {
    pub chars: Vec<char>,
    pub target: Target,
    pub weight: f32,
    /// `*phrase`: may start inside a word.
    pub open_start: bool,
    /// `phrase*`: may end inside a word (`invoice*` matches `invoices`).
    pub open_end: bool,
}

impl Phrase {
    /// The end of the match when the phrase's characters stand from `start`
    /// to `end` of `chars` (found by the [`Trie`]): whether it starts and
    /// ends on a word boundary, or may not.
    pub fn fits(&self, chars: &[char], start: usize, end: usize) -> Option<usize> {
        let first = self.chars[0];
        let last = self.chars[self.chars.len() - 1];
        let starts_clean = self.open_start
            || !is_word_char(first)
            || start == 0
            || !is_word_char(chars[start - 1]);
        let ends_clean = self.open_end
            || !is_word_char(last)
            || chars.get(end).is_none_or(|&c| !is_word_char(c));
        if !(starts_clean && ends_clean) {
            return None;
        }
        // An open phrase matched inside a word reports the whole word.
        let word_end = if self.open_end && is_word_char(last) {
            end + chars[end..]
                .iter()
                .take_while(|&&c| is_word_char(c))
                .count()
        } else {
            end
        };
        Some(word_end)
    }
}

/// Whether an ASCII character is a letter or digit: one load, where the
/// comparisons of `is_ascii_alphanumeric` cost a dozen instructions, and
/// every pass over the text asks it of each character.
static ASCII_WORD: [bool; 128] = {
    let mut table = [false; 128];
    let mut code = 0;
    while code < 128 {
        table[code] = (code as u8).is_ascii_alphanumeric();
        code += 1;
    }
    table
};

/// `byte.is_ascii_alphanumeric()`, by [`ASCII_WORD`].
#[inline(always)]
pub fn is_ascii_word(byte: u8) -> bool {
    byte < 128 && ASCII_WORD[usize::from(byte)]
}

/// Letters and digits of scripts that separate words with spaces; Japanese
/// and Chinese characters are not, so their phrases match anywhere.
#[inline(always)]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        is_ascii_word(c as u8)
    } else {
        (c as u32) < 0x2E80 && c.is_alphanumeric()
    }
}

/// Every list, its phrases sorted and in tries for lookup.
#[derive(Debug, Default, PartialEq)]
pub struct Vocabulary {
    pub(super) phrases: Vec<Phrase>,
    /// Every phrase, tried where a word or a run of Japanese or Chinese
    /// starts.
    pub(super) trie: Trie,
    /// Phrases that may start inside a word (`*fehler`): the only ones
    /// tried in the middle of a Latin word.
    pub(super) open_trie: Trie,
    /// The negation cues, which cancel any phrase ("not slow").
    pub(super) negation: Cues,
    /// Cues that deny a signal rather than change the subject ("no
    /// workaround", "カスタムコードは使っていません"): a category's phrase after
    /// them still counts ("no invoice came" is about billing).
    pub(super) signal_negation: Cues,
    /// The words that tell a text's language, and the cues that are
    /// ordinary words in some language ("no" in Portuguese).
    pub(super) languages: Languages,
    /// Words that name a long number as no support case's (only `before`):
    /// "order 100045872", "注文番号 202611180001".
    pub(super) not_case: Cues,
}

/// Cues that stand before a phrase or after it, as read, and in tries.
#[derive(Debug, Default, PartialEq)]
pub(super) struct Cues {
    pub(super) before: Vec<Vec<char>>,
    pub(super) after: Vec<Vec<char>>,
    /// The cues before, written backwards: walked back from where a
    /// phrase starts.
    pub(super) before_trie: Trie,
    pub(super) after_trie: Trie,
}

impl Cues {
    fn build(&mut self) {
        let reversed: Vec<Vec<char>> = self
            .before
            .iter()
            .map(|cue| cue.iter().rev().copied().collect())
            .collect();
        self.before_trie = Trie::new(&numbered(reversed.iter()));
        self.after_trie = Trie::new(&numbered(self.after.iter()));
    }
}

/// The shipped lists' names, one per language, in the order they are read:
/// natively ([`SHIPPED_LISTS`]) and in the browser, which fetches them
/// joined in this order into one file (`vocabulary/lists.txt`, by
/// `scripts/bundle-vocabulary.mjs`) after the first paint.
pub const SHIPPED_NAMES: &[&str] = &[
    "en", "ja", "id", "es", "fr", "de", "it", "pt", "zh-Hans", "zh-Hant",
];

/// The shipped lists, one per language (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub const SHIPPED_LISTS: &[(&str, &str)] = &[
    ("en", include_str!("vocabulary/en.txt")),
    ("ja", include_str!("vocabulary/ja.txt")),
    ("id", include_str!("vocabulary/id.txt")),
    ("es", include_str!("vocabulary/es.txt")),
    ("fr", include_str!("vocabulary/fr.txt")),
    ("de", include_str!("vocabulary/de.txt")),
    ("it", include_str!("vocabulary/it.txt")),
    ("pt", include_str!("vocabulary/pt.txt")),
    ("zh-Hans", include_str!("vocabulary/zh-Hans.txt")),
    ("zh-Hant", include_str!("vocabulary/zh-Hant.txt")),
];

/// `lists` cut into parts of about `size` bytes, each starting at a section
/// heading (a line `[…]`): each reads as a list of its own, so a long text
/// can be added a part at a time ([`Vocabulary::add_list`]).
pub fn sections_in_parts(lists: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = lists;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .as_bytes()
            .get(size..)
            .and_then(|after| after.windows(2).position(|pair| pair == b"\n["))
            .map_or(rest.len(), |at| size + at + 1);
        let (part, after) = rest.split_at(cut);
        rest = after;
        Some(part)
    })
}

/// A line of a list that cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VocabularyError {
    pub list: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for VocabularyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} line {}: {}", self.list, self.line, self.message)
    }
}

impl Vocabulary {
    /// The shipped lists (native builds). They are checked by the test
    /// suite; a line that could not be read would be skipped rather than
    /// break the widget.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn shipped() -> Self {
        Vocabulary::from_lists(SHIPPED_LISTS)
    }

    /// A vocabulary of named lists, as fetched or compiled in.
    #[inline(never)]
    pub fn from_lists(lists: &[(&str, &str)]) -> Self {
        let mut vocabulary = Vocabulary::default();
        for (name, text) in lists {
            let _ = vocabulary.add_list(name, text);
        }
        vocabulary.sort();
        vocabulary
    }

    /// Adds one list; every line that can be read is added, and the first
    /// line that cannot is reported.
    pub fn add_list(&mut self, name: &str, text: &str) -> Result<(), VocabularyError> {
        let mut first_error = None;
        let mut section: Option<Section> = None;
        for (number, line) in text.lines().enumerate() {
            let error = |message: String| VocabularyError {
                list: name.to_owned(),
                line: number + 1,
                message,
            };
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(heading) = line
                .strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
            {
                section = Section::parse(heading.trim());
                if let Some(Section::Language) = section {
                    self.languages.open();
                }
                if section.is_none() {
                    first_error.get_or_insert(error(format!(
                        "unknown section [{heading}]; use a category ({}), signal:NAME ({}), product:NAME ({}), negation:before, negation:after, negation:signals:before, negation:signals:after, language, not negation or not case",
                        Category::NAMES.join(", "),
                        Signal::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", "),
                        Product::NAMES.join(", ")
                    )));
                }
                continue;
            }
            let Some(section) = section else {
                first_error.get_or_insert(error("a phrase before any [section]".into()));
                continue;
            };
            match self.add_line(section, line) {
                Ok(()) => {}
                Err(message) => {
                    first_error.get_or_insert(error(message));
                }
            }
        }
        self.sort();
        first_error.map_or(Ok(()), Err)
    }

    fn add_line(&mut self, section: Section, line: &str) -> Result<(), String> {
        let (phrase, weight) = match split_weight(line) {
            (phrase, Some(weight)) => {
                let weight = parse_weight(weight).ok_or_else(|| {
                    format!(
                        "weight {} is not a number from 0.1 to 5, e.g. 2 or 0.5",
                        quoted(weight)
                    )
                })?;
                (phrase, weight)
            }
            (phrase, None) => (phrase, 1.0),
        };
        let open_start = phrase.starts_with('*');
        let open_end = phrase.ends_with('*');
        let chars: Vec<char> = normalize(phrase.trim_matches('*')).chars().collect();
        if chars.is_empty() {
            return Err(format!("{} has no letters once normalised", quoted(phrase)));
        }
        let target = match section {
            Section::Category(category) => Target::Category(category),
            Section::Signal(signal) => Target::Signal(signal),
            Section::Product(product) => Target::Product(product),
            Section::Negation { signals, before } => {
                let cues = match signals {
                    true => &mut self.signal_negation,
                    false => &mut self.negation,
                };
                match before {
                    true => cues.before.push(chars),
                    false => cues.after.push(chars),
                }
                return Ok(());
            }
            Section::Language => {
                self.languages.add_word(&chars);
                return Ok(());
            }
            Section::NotNegation => return self.languages.add_not_cue(chars),
            Section::NotCase => {
                self.not_case.before.push(chars);
                return Ok(());
            }
        };
        self.phrases.push(Phrase {
            chars,
            target,
            weight,
            open_start,
            open_end,
        });
        Ok(())
    }

    /// Sorts the phrases added and builds the tries: a vocabulary built a
    /// list at a time ([`Vocabulary::add_list`]) is ready once this is done.
    pub fn sort(&mut self) {
        // A phrase listed again for the same target (in another language's
        // list, or an owner's) is the same phrase: sorted by target too, so
        // that every repeat lies beside the first and is dropped, and the
        // first listing (its weight) wins.
        self.phrases.sort_by(|a, b| {
            a.chars
                .cmp(&b.chars)
                .then(a.target.output().cmp(&b.target.output()))
        });
        self.phrases
            .dedup_by(|a, b| a.chars == b.chars && a.target == b.target);
        self.negation.build();
        self.signal_negation.build();
        self.not_case.build();
        self.languages.build();
        self.trie = Trie::new(&numbered(self.phrases.iter().map(|phrase| &phrase.chars)));
        let open: Vec<(usize, &[char])> = self
            .phrases
            .iter()
            .enumerate()
            .filter(|(_, phrase)| phrase.open_start)
            .map(|(index, phrase)| (index, phrase.chars.as_slice()))
            .collect();
        self.open_trie = Trie::new(&open);
    }

    /// A copy to add an owner's lists to: what the lists gave, with its
    /// lookup tables built afresh rather than copied (the widget's module
    /// holds no code to copy a trie).
    pub fn copy(&self) -> Vocabulary {
        let cues = |cues: &Cues| Cues {
            before: cues.before.clone(),
            after: cues.after.clone(),
            ..Cues::default()
        };
        let mut copy = Vocabulary {
            phrases: self.phrases.clone(),
            negation: cues(&self.negation),
            signal_negation: cues(&self.signal_negation),
            languages: self.languages.clone(),
            not_case: cues(&self.not_case),
            ..Vocabulary::default()
        };
        copy.sort();
        copy
    }

    /// How many phrases the vocabulary holds.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }
}

#[derive(Clone, Copy)]
enum Section {
    Category(Category),
    Signal(Signal),
    Product(Product),
    /// Negation cues: for signals only or for every phrase, before the
    /// phrase or after it.
    Negation {
        signals: bool,
        before: bool,
    },
    /// Words that tell a text is in the list's language.
    Language,
    /// Other lists' cues that are ordinary words in that language.
    NotNegation,
    /// Words that name a number as no support case's.
    NotCase,
}

impl Section {
    fn parse(heading: &str) -> Option<Self> {
        match heading {
            "negation:before" => Some(Section::Negation {
                signals: false,
                before: true,
            }),
            "negation:after" => Some(Section::Negation {
                signals: false,
                before: false,
            }),
            "negation:signals:before" => Some(Section::Negation {
                signals: true,
                before: true,
            }),
            "negation:signals:after" => Some(Section::Negation {
                signals: true,
                before: false,
            }),
            "language" => Some(Section::Language),
            "not negation" => Some(Section::NotNegation),
            "not case" => Some(Section::NotCase),
            _ => match heading.split_once(':') {
                Some(("signal", signal)) => Signal::parse(signal).map(Section::Signal),
                Some(("product", product)) => Product::parse(product).map(Section::Product),
                Some(_) => None,
                None => Category::parse(heading).map(Section::Category),
            },
        }
    }
}

/// A list line's phrase and, after `=`, its weight: "invoice = 2", or
/// "invoice=2" as the widget fetches the lists (`scripts/bundle-vocabulary.mjs`).
pub fn split_weight(line: &str) -> (&str, Option<&str>) {
    // Bytes and ASCII spaces: Unicode trimming would cost the widget's
    // module 0.5 KB.
    match line.bytes().rposition(|byte| byte == b'=') {
        Some(at) => (line[..at].trim_ascii(), Some(line[at + 1..].trim_ascii())),
        None => (line, None),
    }
}

/// Each of `lists` with its index.
fn numbered<'a>(lists: impl Iterator<Item = &'a Vec<char>>) -> Vec<(usize, &'a [char])> {
    lists.map(Vec::as_slice).enumerate().collect()
}

/// A weight written `2`, `0.5` or `1.25`, from 0.1 to 5. Parsed by hand:
/// a float parser would cost the widget more bytes than the whole rule set.
fn parse_weight(text: &str) -> Option<f32> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 1
        || fraction.len() > 2
        || !digits(whole)
        || !digits(fraction)
    {
        return None;
    }
    let hundredths = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(2)
        .fold(u32::from(whole.as_bytes()[0] - b'0'), |n, b| {
            n * 10 + u32::from(b - b'0')
        });
    (10..=500)
        .contains(&hundredths)
        .then(|| hundredths as f32 / 100.0)
}
