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
use crate::engine::contract::enums::Category;
pub use crate::engine::contract::enums::Signal;
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
    /// The category the text settles, when one clearly leads.
    #[serde(skip)]
    pub confident: Option<Category>,
}

/// The lowest score at which the leading category is taken from the text.
pub const CONFIDENT_SCORE: f64 = 0.5;

/// The shipped vocabulary, built once.
pub fn shipped() -> &'static Vocabulary {
    static SHIPPED: OnceLock<Vocabulary> = OnceLock::new();
    SHIPPED.get_or_init(Vocabulary::shipped)
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
        let chars = &normalized.chars;
        let original = |start: usize, end: usize| {
            let (from, _) = normalized.origin[start];
            let (_, to) = normalized.origin[end - 1];
            text[from..to].to_owned()
        };
        let mut hits = Vec::new();
        for start in 0..chars.len() {
            for index in self.candidates(chars, start) {
                let phrase = &self.phrases[index];
                if let Some(end) = phrase.match_at(chars, start) {
                    if !self.negated(chars, start, end) {
                        hits.push((start, end, index));
                    }
                }
            }
        }
        // A phrase inside a longer match for the same thing adds nothing
        // ("請求" inside "請求書"). Hits are in order of their start, and no
        // phrase is longer than `longest`, so only near neighbours can contain one.
        let longest = self
            .phrases
            .iter()
            .map(|p| p.chars.len())
            .max()
            .unwrap_or(0);
        let inside_longer = |position: usize| {
            let (start, end, index) = hits[position];
            let target = self.phrases[index].target;
            let earliest = hits[..position].partition_point(|&(s, _, _)| s + longest < start);
            hits[earliest..]
                .iter()
                .take_while(|&&(s, _, _)| s <= start)
                .any(|&(s, e, i)| {
                    self.phrases[i].target == target
                        && s <= start
                        && end <= e
                        && e - s > end - start
                })
        };
        let kept: Vec<usize> = (0..hits.len())
            .filter(|&position| !inside_longer(position))
            .collect();
        for position in kept {
            let (start, end, index) = hits[position];
            let phrase = &self.phrases[index];
            let evidence = match phrase.target {
                vocabulary::Target::Category(category) => &mut categories[category as usize],
                vocabulary::Target::Signal(signal) => &mut signals[signal as usize],
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
        Classification {
            suggestions,
            signals,
            confident,
        }
    }

    /// Whether a negation cue stands right before `start` (a short word such
    /// as "a" may come between: "not a billing question") or right after `end`.
    fn negated(&self, chars: &[char], start: usize, end: usize) -> bool {
        let before = trim_end_space(&chars[..start]);
        let without_short_word = {
            let word = before
                .iter()
                .rev()
                .take_while(|&&c| is_word_char(c))
                .count();
            (1..=3)
                .contains(&word)
                .then(|| trim_end_space(&before[..before.len() - word]))
        };
        let after = &chars[end..];
        let after = after.strip_prefix(&[' ']).unwrap_or(after);
        let cue_ends = |text: &[char], cue: &[char]| {
            text.ends_with(cue)
                && (!is_word_char(cue[0])
                    || text.len() == cue.len()
                    || !is_word_char(text[text.len() - cue.len() - 1]))
        };
        self.negation_before.iter().any(|cue| {
            cue_ends(before, cue) || without_short_word.is_some_and(|text| cue_ends(text, cue))
        }) || self.negation_after.iter().any(|cue| after.starts_with(cue))
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
