//! The features the learned model reads: character n-grams of the normalised
//! text, hashed into a fixed number of buckets. Shared by the classifier and
//! its training program (`src/bin/train-classifier.rs`), so both see exactly
//! the same features.
//!
//! - Words of scripts that separate words with spaces (Latin letters and
//!   digits) are padded with boundary marks and give their 3-grams and
//!   the whole word, plus the pair of the word and the one before it. A
//!   typo spoils a few n-grams of a word, not all of them; a German
//!   compound shares the n-grams of its parts. (4- and 5-grams as well
//!   tripled a word's features and the work, and cross-validation scored
//!   no better: 87.0 % top-1 with them, 87.3 % without, at 8,192 buckets.)
//! - Runs of Japanese and Chinese characters give their 1- and 2-grams
//!   (with boundary marks at the run's ends): no word splitting is needed,
//!   and "請求書" and "請求" share what they share. (3-grams as well gave
//!   each character three features, not two, and cross-validation scored
//!   no better: 90.4 % top-1 and 97.7 % top-3 with them, 90.3 % and
//!   98.0 % without, on 2026-11-24's corpus.)
//! - Digits read as `0`: every case number of the same length looks alike.
//!
//! The work is a bounded number of hashes per character: linear in the text.

use super::vocabulary::is_word_char;

/// A feature: its hash (the model keeps the top bits as the bucket) and
/// the characters it came from (for explanations).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Feature {
    pub hash: u32,
    pub start: u32,
    pub end: u32,
}

const FNV_PRIME: u32 = 0x0100_0193;
/// The longest word whose n-grams are all taken; longer ones (hashes,
/// base64) give those of their first characters only. A longer run of
/// Japanese or Chinese (a sentence with no mark) is read this many
/// characters at a time: all of it is words.
const LONGEST_WORD: usize = 40;

/// A character's code, spread (each character is hashed once).
#[inline(always)]
fn spread(c: char) -> u32 {
    (c as u32).wrapping_mul(0x9E37_79B1) ^ 0x7F4A_7C15
}

/// Hashes a sequence of spread characters with a seed (a polynomial hash,
/// then [`mix`]).
#[inline(always)]
fn hash_of(seed: u32, codes: &[u32]) -> u32 {
    let mut hash = seed.wrapping_mul(0x2545_F491);
    for &code in codes {
        hash = step(hash, code);
    }
    mix(hash)
}

/// One step of the polynomial hash of n-grams.
#[inline(always)]
fn step(hash: u32, code: u32) -> u32 {
    hash.wrapping_mul(FNV_PRIME).wrapping_add(code)
}

/// A final avalanche (murmur3's) so that the top bits are well spread.
#[inline(always)]
fn mix(mut hash: u32) -> u32 {
    hash ^= hash >> 16;
    hash = hash.wrapping_mul(0x85EB_CA6B);
    hash ^= hash >> 13;
    hash = hash.wrapping_mul(0xC2B2_AE35);
    hash ^ (hash >> 16)
}

/// Japanese and Chinese characters (no spaces between words).
#[inline(always)]
pub fn is_cjk(c: char) -> bool {
    (c as u32) >= 0x2E80 && (is_kana_or_ideograph(c) || c.is_alphanumeric())
}

/// Kana and the unified ideographs: every one of them a letter, known
/// without the slower Unicode tables (most of a Japanese or Chinese text).
#[inline(always)]
pub fn is_kana_or_ideograph(c: char) -> bool {
    is_hiragana(c) || is_katakana(c) || is_ideograph(c)
}

/// Hiragana letters and the iteration marks.
#[inline(always)]
pub fn is_hiragana(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x309D..=0x309F)
}

/// Katakana letters, the prolonged sound mark and the iteration marks.
#[inline(always)]
pub fn is_katakana(c: char) -> bool {
    matches!(c as u32, 0x30A1..=0x30FA | 0x30FC..=0x30FF)
}

/// The unified ideographs (kanji, hanzi).
#[inline(always)]
pub fn is_ideograph(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF)
}

#[inline(always)]
fn fold_digit(c: char) -> char {
    if c.is_ascii_digit() {
        '0'
    } else {
        c
    }
}

const BEGIN: char = '\u{1}';
const END: char = '\u{2}';

/// Calls `emit` for every feature of the normalised `chars`, in text order,
/// but those of the words and characters inside `negated` (the phrases a
/// negation cue cancels, as disjoint spans in text order: "slow" of "not
/// slow, but it crashes" is no evidence of slowness).
pub fn for_each(chars: &[char], negated: &[(usize, usize)], emit: impl FnMut(Feature)) {
    walk(chars, false, negated, |_| true, one_by_one(emit));
}

/// Like [`for_each`], but a word met before in the text gives only its
/// pair with the word before it: its other features were all given at its
/// first occurrence, and the classifier counts a bucket once (keeping its
/// first feature).
pub fn for_each_first(chars: &[char], negated: &[(usize, usize)], emit: impl FnMut(Feature)) {
    walk(chars, true, negated, |_| true, one_by_one(emit));
}

/// A group's features handed to `emit` one at a time.
fn one_by_one(mut emit: impl FnMut(Feature)) -> impl FnMut(&[Feature]) {
    move |features| {
        for &feature in features {
            emit(feature);
        }
    }
}

/// [`for_each_first`]'s features that `wanted` keeps (asked of each hash
/// once, in text order), a word or a run of Japanese or Chinese characters
/// at a time, never none: one call a word rather than one a feature, and
/// one place that calls, so the caller's code is inlined into the loop (a
/// Latin word's features share its span; a Japanese or Chinese n-gram
/// stands for its own characters). Returns whether the text gave any
/// feature, wanted or not.
pub fn for_each_group_first(
    chars: &[char],
    negated: &[(usize, usize)],
    wanted: impl FnMut(u32) -> bool,
    emit: impl FnMut(&[Feature]),
) -> bool {
    walk(chars, true, negated, wanted, emit)
}

/// The words met so far: an open-addressed table of (hash + 1,
/// start, length taken); 0 is an empty slot.
struct Met {
    slots: Vec<(u32, u32, u32)>,
    len: usize,
}

impl Met {
    /// Whether the word at `start` (`taken` characters, hashed to `hash`)
    /// was met before; records it when not.
    fn check(&mut self, chars: &[char], hash: u32, start: usize, taken: usize) -> bool {
        if self.len * 2 >= self.slots.len() {
            let old = std::mem::replace(&mut self.slots, vec![(0, 0, 0); (self.len * 4).max(64)]);
            for entry in old.into_iter().filter(|e| e.0 != 0) {
                let mask = self.slots.len() - 1;
                let mut slot = entry.0 as usize & mask;
                while self.slots[slot].0 != 0 {
                    slot = (slot + 1) & mask;
                }
                self.slots[slot] = entry;
            }
        }
        let key = hash | 1;
        let slots = &mut self.slots[..];
        let mask = slots.len() - 1;
        let mut slot = key as usize & mask;
        let word = &chars[start..start + taken];
        loop {
            let (found, from, length) = slots[slot];
            if found == 0 {
                slots[slot] = (key, start as u32, taken as u32);
                self.len += 1;
                return false;
            }
            if found == key && length as usize == taken {
                let other = &chars[from as usize..from as usize + taken];
                if other
                    .iter()
                    .zip(word)
                    .all(|(&a, &b)| fold_digit(a) == fold_digit(b))
                {
                    return true;
                }
            }
            slot = (slot + 1) & mask;
        }
    }
}

/// Returns whether any feature was given (before `wanted` filtered it).
fn walk(
    chars: &[char],
    skip_met: bool,
    negated: &[(usize, usize)],
    mut wanted: impl FnMut(u32) -> bool,
    mut emit: impl FnMut(&[Feature]),
) -> bool {
    let mut any = false;
    // The negated spans not yet passed, from `negated[next]` on.
    let mut next = 0;
    let mut met = Met {
        slots: Vec::new(),
        len: 0,
    };
    // The word's spread characters between boundary marks (an array: the
    // widget's module is built for size, and there `Vec::push` is a call).
    let mut padded = [0u32; LONGEST_WORD + 2];
    // A word's features (its 3-grams, itself and its pair), or a run's
    // (two n-grams from each place at most).
    let empty = Feature {
        hash: 0,
        start: 0,
        end: 0,
    };
    let mut group = [empty; 2 * (LONGEST_WORD + 2)];
    let mut previous_word: Option<u32> = None;
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let latin = is_word_char(c);
        if !latin && !is_cjk(c) {
            if c != ' ' {
                previous_word = None;
            }
            at += 1;
            continue;
        }
        let start = at;
        let same = |c: char| if latin { is_word_char(c) } else { is_cjk(c) };
        while at < chars.len() && same(chars[at]) && (latin || at - start < LONGEST_WORD) {
            at += 1;
        }
        let end = at;
        while next < negated.len() && negated[next].1 <= start {
            next += 1;
        }
        // Spans inside a negated phrase give nothing; a word or run with
        // any is not remembered as met (elsewhere it may not be negated).
        let ahead = &negated[next..];
        // (Indexing, not `first()`: the size-built module would call it.)
        let partly_negated = next < negated.len() && negated[next].0 < end;
        let is_negated = |from: usize, to: usize| {
            ahead
                .iter()
                .take_while(|&&(start, _)| start < to)
                .any(|&(start, end)| start <= from && to <= end)
        };
        if latin && partly_negated && is_negated(start, end) {
            previous_word = None;
            continue;
        }
        let taken = (end - start).min(LONGEST_WORD);
        padded[0] = spread(BEGIN);
        for (slot, &c) in padded[1..].iter_mut().zip(&chars[start..start + taken]) {
            *slot = spread(fold_digit(c));
        }
        padded[taken + 1] = spread(END);
        let padded = &padded[..taken + 2];
        let word = if latin { hash_of(16, padded) } else { 0 };
        // Only words: a run of Japanese or Chinese rarely recurs whole,
        // and when it does its n-grams' buckets are all counted already.
        let again = skip_met && latin && !partly_negated && met.check(chars, word, start, taken);
        // n-grams from each place: 3 for words, 1 and 2 for Japanese and
        // Chinese, each a step of one polynomial hash, told apart by
        // `seed` (a loop of its own for each: this runs for every feature).
        let seed = |n: u32| n.wrapping_mul(0x27D4_EB2F);
        let len = if again { 0 } else { padded.len() };
        let mut count = 0;
        // Most features are filtered out (the classifier's buckets with no
        // weight, or counted already), so before they are stored.
        let mut add = |hash: u32, start: usize, end: usize| {
            any = true;
            if wanted(hash) {
                group[count] = Feature {
                    hash,
                    start: start as u32,
                    end: end as u32,
                };
                count += 1;
            }
        };
        if latin {
            // A word's n-grams stand for the whole word.
            for from in 0..len.saturating_sub(2) {
                let hash = step(step(padded[from], padded[from + 1]), padded[from + 2]);
                add(mix(hash ^ seed(3)), start, end);
            }
            if !again {
                add(word, start, end);
            }
            if let Some(before) = previous_word {
                let pair = mix(before.wrapping_mul(31) ^ word.rotate_left(7) ^ 0x5bd1_e995);
                add(pair, start, end);
            }
            previous_word = Some(word);
        } else {
            // A Japanese or Chinese n-gram stands for its own characters:
            // each character's unigram, and its bigram with the next one
            // or a boundary mark (unigrams of the marks alone say nothing).
            for from in 0..len.saturating_sub(1) {
                let first = start + from.saturating_sub(1);
                if from != 0 && !(partly_negated && is_negated(first, first + 1)) {
                    add(mix(padded[from] ^ seed(9)), first, first + 1);
                }
                let stop = (start + from + 1).min(end).max(first + 1);
                if !(partly_negated && is_negated(first, stop)) {
                    let hash = step(padded[from], padded[from + 1]);
                    add(mix(hash ^ seed(10)), first, stop);
                }
            }
            previous_word = None;
        }
        if count > 0 {
            emit(&group[..count]);
        }
    }
    any
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hashes(text: &str) -> Vec<u32> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        for_each(&chars, &[], |f| out.push(f.hash));
        out
    }

    #[test]
    fn spans_stay_inside_the_text() {
        for text in ["a", "ab cd", "請求書の金額", "x請求y", "12345678 case"] {
            let chars: Vec<char> = text.chars().collect();
            for_each(&chars, &[], |f| {
                assert!(
                    f.start < f.end && f.end as usize <= chars.len(),
                    "{text} {f:?}"
                );
            });
        }
    }

    #[test]
    fn the_fast_cjk_ranges_agree_with_unicode() {
        for code in (0x2E00..0xA000).chain(0xF900..0x10000) {
            if let Some(c) = char::from_u32(code) {
                assert_eq!(is_cjk(c), code >= 0x2E80 && c.is_alphanumeric(), "{code:x}");
            }
        }
    }

    /// A text's characters, and the features [`for_each_first`] gives.
    fn first_features(text: &str) -> (Vec<char>, Vec<Feature>) {
        let chars: Vec<char> = text.chars().collect();
        let mut first = Vec::new();
        for_each_first(&chars, &[], |f| first.push(f));
        (chars, first)
    }

    #[test]
    fn first_features_are_the_first_of_all() {
        let (chars, first) =
            first_features("the bill the BILL 12 34 請求書 の 請求書 bill x 請求書の請求書");
        let mut all = Vec::new();
        for_each(&chars, &[], |f| all.push(f));
        let mut expected = Vec::new();
        for f in &all {
            if !expected.iter().any(|e: &Feature| e.hash == f.hash) {
                expected.push(*f);
            }
        }
        let mut kept = Vec::new();
        for f in &first {
            if !kept.iter().any(|e: &Feature| e.hash == f.hash) {
                kept.push(*f);
            }
        }
        assert_eq!(kept, expected);
        assert!(first.len() < all.len());
    }

    /// The classifier keeps one span open at a time: a span's features
    /// come together, never again after another span's (in long runs, with
    /// negated spans and repeated words too).
    #[test]
    fn a_spans_features_come_together() {
        let long_run = "請求書の金額が間違っています".repeat(4);
        for text in [
            "the bill the BILL 12 34 請求書 の 請求書 bill x 請求書の請求書",
            "no custom plugin, but プラグインは使っていません and ａｂｃ漢字かなカナ",
            long_run.as_str(),
        ] {
            let chars: Vec<char> = text.chars().collect();
            for negated in [&[][..], &[(3, 6), (20, 26)][..]] {
                let mut spans: Vec<(u32, u32)> = Vec::new();
                for_each_first(&chars, negated, |f| {
                    if spans.last() != Some(&(f.start, f.end)) {
                        assert!(!spans.contains(&(f.start, f.end)), "{text}: {f:?}");
                        spans.push((f.start, f.end));
                    }
                });
            }
        }
    }

    #[test]
    fn groups_hold_the_wanted_features_in_order() {
        let (chars, first) = first_features("the bill the BILL 請求書の金額 bill x 請求書");
        // Every other hash asked for, as the classifier skips the buckets
        // it has counted or has no weight for.
        let mut asked = 0;
        let mut grouped = Vec::new();
        let any = for_each_group_first(
            &chars,
            &[],
            |_| {
                asked += 1;
                asked % 2 == 0
            },
            |group| {
                assert!(!group.is_empty());
                grouped.extend_from_slice(group);
            },
        );
        assert!(any);
        assert_eq!(asked, first.len(), "each feature is asked about once");
        let wanted: Vec<Feature> = first.iter().skip(1).step_by(2).copied().collect();
        assert_eq!(grouped, wanted);
        // None wanted: no group, but the text still gave features.
        let mut groups = 0;
        assert!(for_each_group_first(
            &chars,
            &[],
            |_| false,
            |_| groups += 1
        ));
        assert_eq!(groups, 0);
        assert!(!for_each_group_first(
            &[' ', '!'],
            &[],
            |_| true,
            |_| groups += 1
        ));
    }

    #[test]
    fn a_long_japanese_run_gives_features_to_its_end() {
        let text: Vec<char> = "あ".repeat(70).chars().chain("請求書".chars()).collect();
        let mut last = 0;
        for_each_first(&text, &[], |f| last = last.max(f.end));
        assert_eq!(last as usize, text.len());
    }

    #[test]
    fn negated_words_give_no_features_there_only() {
        let text = "not slow but slow";
        let chars: Vec<char> = text.chars().collect();
        let spans = |negated: &[(usize, usize)]| {
            let mut out = Vec::new();
            for_each(&chars, negated, |f| out.push((f.start, f.end)));
            out
        };
        let negated = spans(&[(4, 8)]);
        assert!(negated
            .iter()
            .all(|&(start, end)| !(start >= 4 && end <= 8)));
        assert!(
            negated.contains(&(13, 17)),
            "the second slow is not negated"
        );
        assert!(spans(&[]).contains(&(4, 8)));
        // A word met negated first still gives all its features later.
        let mut first = Vec::new();
        for_each_first(&chars, &[(4, 8)], |f| first.push(f.hash));
        let mut all = Vec::new();
        for_each(&chars, &[(4, 8)], |f| all.push(f.hash));
        all.sort_unstable();
        all.dedup();
        first.sort_unstable();
        first.dedup();
        assert_eq!(first, all);
        // Japanese: the characters of a negated phrase inside a run.
        let text: Vec<char> = "遅いのではなく".chars().collect();
        let mut kept = Vec::new();
        for_each(&text, &[(0, 2)], |f| kept.push((f.start, f.end)));
        assert!(kept.iter().all(|&(_, end)| end > 2), "{kept:?}");
        assert!(!kept.is_empty());
    }

    #[test]
    fn digits_fold_and_words_share_ngrams() {
        assert_eq!(hashes("case 12345678"), hashes("case 87654321"));
        let a = hashes("rechnung");
        let b = hashes("rechnungsadresse");
        assert!(a.iter().filter(|h| b.contains(h)).count() >= 5);
    }
}
