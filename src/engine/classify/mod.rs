//! Understanding the visitor's own words (CLS-0): the description is matched
//! against a vocabulary of phrases per category and per signal, in ten
//! languages, and yields suggestions with a score and the phrases matched.
//!
//! Matching works on normalised characters ([`normalize`]), not on words, so
//! Japanese and Chinese need no word splitting; Latin-script phrases must
//! start and end on a word boundary unless the vocabulary marks them open
//! with `*`. A phrase directly preceded (or, in Japanese, followed) by a
//! negation cue does not count: "not slow, but it crashes" is not about
//! performance. The vocabulary is data, one reviewable list per language,
//! in `vocabulary/`.

pub mod normalize;
pub mod vocabulary;

pub use crate::engine::contract::decision::{SignalHit, Suggestion};
pub use crate::engine::contract::enums::Signal;
use crate::engine::contract::enums::{Category, Product};
use normalize::Normalized;
use serde::Serialize;
use std::sync::OnceLock;
use vocabulary::is_word_char;
pub use vocabulary::Vocabulary;

/// What a description says.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Classification {
    /// Categories the text points to, best first.
    pub suggestions: Vec<Suggestion>,
    /// Facts other rules need (impact, preview, custom code, case number…).
    pub signals: Vec<SignalHit>,
    /// Products the text names, most named first: the form proposes the
    /// first while the product is unanswered.
    pub products: Vec<ProductHit>,
    /// The category the text settles, when one clearly leads.
    #[serde(skip)]
    pub confident: Option<Category>,
}

/// A product the text names, with the words that named it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductHit {
    pub product: Product,
    pub matched: Vec<String>,
}

/// The lowest score at which the leading category is taken from the text.
pub const CONFIDENT_SCORE: f64 = 0.5;

/// The shipped vocabulary, built once: compiled in natively; in the browser
/// installed once its lists are fetched ([`install_shipped`]), and empty
/// until then (the text suggests nothing yet; the answers still decide).
pub fn shipped() -> &'static Vocabulary {
    #[cfg(not(target_arch = "wasm32"))]
    return SHIPPED.get_or_init(Vocabulary::shipped);
    #[cfg(target_arch = "wasm32")]
    {
        static EMPTY: OnceLock<Vocabulary> = OnceLock::new();
        SHIPPED
            .get()
            .unwrap_or_else(|| EMPTY.get_or_init(Vocabulary::default))
    }
}

static SHIPPED: OnceLock<Vocabulary> = OnceLock::new();

/// Whether the shipped vocabulary is at hand (always, natively).
pub fn is_ready() -> bool {
    cfg!(not(target_arch = "wasm32")) || SHIPPED.get().is_some()
}

/// Installs the shipped lists fetched at run time (the browser's).
pub fn install_shipped(lists: &[(&str, &str)]) {
    let _ = SHIPPED.set(Vocabulary::from_lists(lists));
}

/// Classifies `text` with the shipped vocabulary.
pub fn classify(text: &str) -> Classification {
    shipped().classify(text)
}

/// Evidence gathered for one category or signal.
#[derive(Default)]
struct Evidence {
    weight: f32,
    phrases: Vec<usize>,
    matched: Vec<String>,
}

impl Evidence {
    fn add(&mut self, phrase: usize, weight: f32, words: &str) {
        if !self.phrases.contains(&phrase) {
            self.phrases.push(phrase);
            self.weight += weight;
        }
        if !self.matched.iter().any(|seen| seen == words) {
            self.matched.push(words.to_owned());
        }
    }
}

impl Vocabulary {
    /// Matches `text` and scores each category.
    pub fn classify(&self, text: &str) -> Classification {
        let normalized = Normalized::new(text);
        let mut categories: Vec<Evidence> =
            Category::ALL.iter().map(|_| Evidence::default()).collect();
        let mut signals: Vec<Evidence> = Signal::ALL.iter().map(|_| Evidence::default()).collect();
        let mut products: Vec<Evidence> =
            Product::ALL.iter().map(|_| Evidence::default()).collect();
        let chars = &normalized.chars;
        let original = |start: usize, end: usize| {
            let (from, _) = normalized.origin[start];
            let (_, to) = normalized.origin[end - 1];
            text[from..to].to_owned()
        };
        // Each target's place: categories, then signals, then products.
        let slot = |index: usize| match self.phrases[index].target {
            vocabulary::Target::Category(category) => category as usize,
            vocabulary::Target::Signal(signal) => Category::ALL.len() + signal as usize,
            vocabulary::Target::Product(product) => {
                Category::ALL.len() + Signal::ALL.len() + product as usize
            }
        };
        let slots = Category::ALL.len() + Signal::ALL.len() + Product::ALL.len();
        // A phrase inside a longer match for the same thing adds nothing
        // ("請求" inside "請求書"). Of the phrases of one target matched at one
        // place only the longest (and any as long) can count, and only when
        // it ends later than every match of its target that starts earlier.
        // So the hits kept, and the negation cues tried, stay few however
        // many phrases match at one place, and one pass finds them.
        let mut hits: Vec<(usize, usize, usize)> = Vec::new();
        // Per target: the furthest end of its matches starting earlier, and
        // of its longest match starting here.
        let mut reach = vec![0; slots];
        let mut longest = vec![0; slots];
        // Whether a cue stands before a start, or after an end, is worked
        // out once for each place.
        let mut cue_after = vec![None; chars.len() + 1];
        for start in 0..chars.len() {
            let here = hits.len();
            let mut cue_before = None;
            for index in self.candidates(chars, start) {
                let Some(end) = self.phrases[index].match_at(chars, start) else {
                    continue;
                };
                let slot = slot(index);
                if end <= reach[slot]
                    || end < longest[slot]
                    || *cue_before.get_or_insert_with(|| self.negated_before(chars, start))
                    || *cue_after[end].get_or_insert_with(|| self.negated_after(chars, end))
                {
                    continue;
                }
                longest[slot] = end;
                hits.push((start, end, index));
            }
            if hits.len() == here {
                continue;
            }
            let mut kept = here;
            for read in here..hits.len() {
                if hits[read].1 == longest[slot(hits[read].2)] {
                    hits[kept] = hits[read];
                    kept += 1;
                }
            }
            hits.truncate(kept);
            for (reach, longest) in reach.iter_mut().zip(&mut longest) {
                *reach = (*reach).max(std::mem::take(longest));
            }
        }
        for &(start, end, index) in &hits {
            let phrase = &self.phrases[index];
            let evidence = match phrase.target {
                vocabulary::Target::Category(category) => &mut categories[category as usize],
                vocabulary::Target::Signal(signal) => &mut signals[signal as usize],
                vocabulary::Target::Product(product) => &mut products[product as usize],
            };
            evidence.add(index, phrase.weight, &original(start, end));
        }
        // A long number is most likely an earlier case's.
        for (start, end) in case_numbers(chars) {
            let words = original(start, end);
            signals[Signal::PreviousCase as usize].add(usize::MAX, 1.0, &words);
            categories[Category::FollowUp as usize].add(usize::MAX, 0.5, &words);
        }
        let total: f32 = categories.iter().map(|evidence| evidence.weight).sum();
        let mut suggestions: Vec<Suggestion> = Category::ALL
            .iter()
            .zip(categories)
            .filter(|(_, evidence)| evidence.weight > 0.0)
            .map(|(&category, evidence)| Suggestion {
                category,
                score: score(evidence.weight, total),
                matched: evidence.matched,
            })
            .collect();
        suggestions.sort_by(|a, b| b.score.total_cmp(&a.score));
        let confident = match suggestions.as_slice() {
            [first, rest @ ..]
                if first.score >= CONFIDENT_SCORE
                    && rest.first().is_none_or(|second| second.score < first.score) =>
            {
                Some(first.category)
            }
            _ => None,
        };
        let signals = Signal::ALL
            .iter()
            .zip(signals)
            .filter(|(_, evidence)| evidence.weight > 0.0)
            .map(|(&signal, evidence)| SignalHit {
                signal,
                matched: evidence.matched,
            })
            .collect();
        let mut named: Vec<(f32, ProductHit)> = Product::ALL
            .iter()
            .zip(products)
            .filter(|(_, evidence)| evidence.weight > 0.0)
            .map(|(&product, evidence)| {
                let matched = evidence.matched;
                (evidence.weight, ProductHit { product, matched })
            })
            .collect();
        named.sort_by(|a, b| b.0.total_cmp(&a.0));
        let products = named.into_iter().map(|(_, hit)| hit).collect();
        Classification {
            suggestions,
            signals,
            products,
            confident,
        }
    }

    /// Whether a negation cue stands right before `start` (a short word such
    /// as "a" may come between: "not a billing question").
    fn negated_before(&self, chars: &[char], start: usize) -> bool {
        let before = trim_end_space(&chars[..start]);
        let without_short_word = {
            let word = before
                .iter()
                .rev()
                .take(4)
                .take_while(|&&c| is_word_char(c))
                .count();
            (1..=3)
                .contains(&word)
                .then(|| trim_end_space(&before[..before.len() - word]))
        };
        let cue_ends = |text: &[char], cue: &[char]| {
            text.ends_with(cue)
                && (!is_word_char(cue[0])
                    || text.len() == cue.len()
                    || !is_word_char(text[text.len() - cue.len() - 1]))
        };
        self.negation_before.iter().any(|cue| {
            cue_ends(before, cue) || without_short_word.is_some_and(|text| cue_ends(text, cue))
        })
    }

    /// Whether a negation cue stands right after `end`.
    fn negated_after(&self, chars: &[char], end: usize) -> bool {
        let after = &chars[end..];
        let after = after.strip_prefix(&[' ']).unwrap_or(after);
        self.negation_after.iter().any(|cue| after.starts_with(cue))
    }
}

fn trim_end_space(chars: &[char]) -> &[char] {
    chars.strip_suffix(&[' ']).unwrap_or(chars)
}

/// Share of the evidence, damped when the evidence is thin: one weak phrase
/// alone never reads as certainty.
fn score(weight: f32, total: f32) -> f64 {
    let share = f64::from(weight / total);
    let strength = 1.0 - (-1.2 * f64::from(weight)).exp();
    ((share * strength) * 100.0).round() / 100.0
}

/// Runs of eight or more digits standing alone: case and ticket numbers.
fn case_numbers(chars: &[char]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut start = 0;
    while start < chars.len() {
        if !chars[start].is_ascii_digit() {
            start += 1;
            continue;
        }
        let end = start
            + chars[start..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
        let alone = (start == 0 || !chars[start - 1].is_ascii_alphanumeric())
            && chars.get(end).is_none_or(|c| !c.is_ascii_alphanumeric());
        if alone && end - start >= 8 {
            found.push((start, end));
        }
        start = end;
    }
    found
}
