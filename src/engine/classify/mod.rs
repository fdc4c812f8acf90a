//! Understanding the visitor's own words (CLS-0): the description is matched
//! against a vocabulary of phrases per category and per signal, in ten
//! languages, and yields suggestions with a score and the phrases matched.
//!
//! Matching works on normalised characters ([`normalize`]), not on words, so
//! Japanese and Chinese need no word splitting; Latin-script phrases must
//! start and end on a word boundary unless the vocabulary marks them open
//! with `*`. A phrase directly preceded (or, in Japanese, followed) by a
//! negation cue does not count: "not slow, but it crashes" is not about
//! performance; nor does a workaround, custom code or a preview the text
//! says is absent ("we use no preview feature"). Negations stop at the end
//! of a clause. The vocabulary is data, one reviewable list per language,
//! in `vocabulary/`.

pub mod features;
mod language;
pub mod model;
pub mod normalize;
mod trie;
pub mod vocabulary;

pub use crate::engine::contract::decision::{SignalHit, Suggestion};
pub use crate::engine::contract::enums::Signal;
use crate::engine::contract::enums::{Category, Product};
use language::Reading;
pub use model::Model;
use model::WORD_WEIGHT;
use normalize::Normalized;
use serde::Serialize;
use std::cmp::Ordering;
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

impl Classification {
    /// The signals the text says in words that can be shown: one the
    /// model guessed from the text as a whole, with no word to quote,
    /// decides and proposes nothing (the visitor could not check it).
    pub fn said_signals(&self) -> impl Iterator<Item = &SignalHit> {
        self.signals.iter().filter(|hit| !hit.matched.is_empty())
    }

    /// The signal, when the text says it (see [`Self::said_signals`]).
    pub fn said(&self, signal: Signal) -> Option<&SignalHit> {
        self.said_signals().find(|hit| hit.signal == signal)
    }

    /// The product the text names most, when it names it ("D365"): a
    /// product that the words only suggest to the model ("the whole company
    /// cannot log in") is not set for the visitor.
    pub fn named_product(&self) -> Option<&ProductHit> {
        self.products.iter().find(|hit| hit.named)
    }
}

/// A product the text names, with the words that named it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ProductHit {
    pub product: Product,
    pub matched: Vec<String>,
    /// Whether the text names it (a phrase of its list, "D365"), rather
    /// than only reads like it to the model.
    #[serde(skip)]
    pub named: bool,
}

/// The shipped vocabulary, built once: compiled in natively; in the browser
/// installed once its lists are fetched ([`install_shipped`]), and empty
/// until then (the text suggests nothing yet; the answers still decide).
pub fn shipped() -> &'static Vocabulary {
    #[cfg(not(target_arch = "wasm32"))]
    return SHIPPED.get_or_init(Vocabulary::shipped);
    #[cfg(target_arch = "wasm32")]
    {
        static EMPTY: OnceLock<Vocabulary> = OnceLock::new();
        // From no lists rather than `default()`: one way to build a
        // vocabulary in the widget's module.
        SHIPPED
            .get()
            .unwrap_or_else(|| EMPTY.get_or_init(|| Vocabulary::from_lists(&[])))
    }
}

static SHIPPED: OnceLock<Vocabulary> = OnceLock::new();
static MODEL: OnceLock<Model> = OnceLock::new();

/// The shipped model (`vocabulary/model.bin`): compiled in natively, fetched
/// in the browser ([`install_model`]). Until it arrives the phrases alone
/// score ([`Model::default`]).
pub fn shipped_model() -> &'static Model {
    #[cfg(not(target_arch = "wasm32"))]
    return MODEL.get_or_init(|| {
        Model::parse(SHIPPED_MODEL).expect("the shipped model reads (tests/classify.rs)")
    });
    #[cfg(target_arch = "wasm32")]
    {
        static FALLBACK: OnceLock<Model> = OnceLock::new();
        MODEL
            .get()
            .unwrap_or_else(|| FALLBACK.get_or_init(Model::default))
    }
}

/// The shipped model's bytes (native builds).
#[cfg(not(target_arch = "wasm32"))]
pub const SHIPPED_MODEL: &[u8] = include_bytes!("vocabulary/model.bin");

/// Whether the shipped vocabulary and model are at hand (always, natively).
pub fn is_ready() -> bool {
    cfg!(not(target_arch = "wasm32")) || (SHIPPED.get().is_some() && MODEL.get().is_some())
}

/// Installs the shipped vocabulary built from the lists fetched at run
/// time (the browser's). Only the first is kept.
pub fn install_shipped(vocabulary: Vocabulary) {
    let _ = SHIPPED.set(vocabulary);
}

/// Installs the shipped model fetched at run time (the browser's).
pub fn install_model(bytes: &[u8]) -> Result<(), String> {
    let model = Model::parse(bytes)?;
    let _ = MODEL.set(model);
    Ok(())
}

/// Classifies `text` with the shipped vocabulary and model.
pub fn classify(text: &str) -> Classification {
    shipped().classify(text)
}

/// The most characters of a description read: the description's own limit
/// (`src/engine/contract/fields.rs`). A longer paste is read up to there, so
/// the work for any input is bounded.
pub const MAX_CHARS: usize = 100_000;
/// The signals that name something a text may say is absent ("there are
/// no plugins", "no workaround"): the words the model learnt for them do
/// not count after a negation. The others are said with one ("we cannot
/// create a subscription", "nobody can work").
const DENIABLE: [Signal; 3] = [Signal::CustomCode, Signal::Workaround, Signal::Preview];
/// The digits of a support case's number (design: Microsoft's have 15 or
/// 16): a number as long is a case's whatever names it.
const CASE_DIGITS: usize = 15;
/// The fewest digits of a number read as a case's (or a ticket's).
const CASE_NUMBER_LEAST: usize = 8;
/// The most characters between two phrases of a list a denial reaches
/// along ("no custom code or plugins"): a short word and a space each side.
const LIST_GAP: usize = 6;
/// How far a phrase may stand before a number to name it ("faktur
/// 8801234567", "error code: 2147942402").
const NUMBER_NAMED_WITHIN: usize = 3;
/// The most words shown for one suggestion, signal or product.
const MAX_WORDS: usize = 4;
/// The lowest probability at which a category is suggested at all.
pub const SUGGESTION_FLOOR: f64 = 0.03;
/// The most categories suggested.
pub const MAX_SUGGESTIONS: usize = 5;

/// The vocabulary's phrases found in a text: per target (categories, then
/// signals, then products), the weight of its distinct phrases and where
/// they stand.
pub struct PhraseHits {
    pub weight: [f32; model::OUTPUTS],
    pub spans: Vec<Vec<(usize, usize)>>,
    /// Per target, whether the text denies it: every phrase of it found
    /// stands after or before a cue that denies a signal ("no workaround").
    /// The signal is not reported. The phrases of what may be absent
    /// ([`DENIABLE`], and the preview category) weigh for nothing; those of
    /// other signals still weigh for the model ("no users can sign in").
    pub denied: [bool; model::OUTPUTS],
    /// Where the signals' phrases the text denies stand ("plugin" of
    /// "aucun plugin"), in text order: no word that led to anything.
    pub denials: Vec<(usize, usize)>,
    /// Where the phrases a negation cue cancels stand ("slow" of "not slow,
    /// but it crashes"), and those of what may be absent and is said to be
    /// ("aucun plugin"), disjoint and in text order: their words give the
    /// model no n-grams either.
    pub negated: Vec<(usize, usize)>,
    /// The languages the text reads as, when a cue needed them: the words
    /// shown reuse them rather than read the text again.
    pub languages: Option<u32>,
}

/// What the model reads of a text.
pub struct TextFeatures {
    pub normalized: Normalized,
    pub features: Vec<features::Feature>,
    pub phrases: PhraseHits,
}

/// The text up to [`MAX_CHARS`] characters.
pub fn capped(text: &str) -> &str {
    // A character is at least one byte.
    if text.len() <= MAX_CHARS {
        return text;
    }
    match text.char_indices().nth(MAX_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

impl Vocabulary {
    /// Classifies `text` with the shipped model.
    pub fn classify(&self, text: &str) -> Classification {
        self.classify_with(shipped_model(), text)
    }

    /// The features of `text`: its n-grams and the phrases it holds.
    pub fn features(&self, text: &str) -> TextFeatures {
        let normalized = Normalized::new(capped(text));
        let phrases = self.phrase_hits(&normalized);
        let mut found = Vec::new();
        features::for_each(&normalized.chars, &phrases.negated, |feature| {
            found.push(feature)
        });
        TextFeatures {
            normalized,
            features: found,
            phrases,
        }
    }

    /// Classifies `text` with `model`.
    pub fn classify_with(&self, model: &Model, text: &str) -> Classification {
        let text = capped(text);
        let normalized = Normalized::new(text);
        let phrases = self.phrase_hits(&normalized);
        // Each bucket counts once, however often its n-gram recurs: more
        // of the same words is no more evidence, and the work stays linear.
        // A bucket counts for the span of the text its first feature came
        // from (for the explanations); one with no weight counts for nothing.
        let mut seen = model.silent().to_vec();
        let seen = &mut seen[..];
        let mut spans = Spans::new(normalized.chars.len());
        let wanted = |hash: u32| {
            let bucket = model.bucket(hash);
            let (word, bit) = (bucket / 64, 1u64 << (bucket % 64));
            let new = seen[word] & bit == 0;
            seen[word] |= bit;
            new
        };
        let any =
            features::for_each_group_first(&normalized.chars, &phrases.negated, wanted, |group| {
                for (at, feature) in group.iter().enumerate() {
                    let bucket = model.bucket(feature.hash);
                    let here = (feature.start as usize, feature.end as usize);
                    if here != spans.open.at {
                        // A span of one faint bucket (most Japanese and
                        // Chinese n-grams) is never shown: its weights go
                        // to the total only.
                        let alone = group.get(at + 1).is_none_or(|next| {
                            (next.start, next.end) != (feature.start, feature.end)
                        });
                        if alone && model.faint(bucket) {
                            model.add_row(&mut spans.total, bucket);
                            continue;
                        }
                        spans.open(model, here);
                    }
                    let open = &mut spans.open;
                    open.touched |= model.add_row(&mut open.sums, bucket);
                }
            });
        spans.close(model);
        if !any && phrases.weight.iter().all(|&w| w == 0.0) {
            return Classification::default();
        }
        let original = |(start, end): (usize, usize)| {
            let (from, _) = normalized.origin[start];
            let (_, to) = normalized.origin[end - 1];
            text[from as usize..to as usize].to_owned()
        };
        // Read at most once for the words shown, however many are tried.
        let reading = Reading::new(&self.languages, &normalized.chars, phrases.languages);
        let logits = model.logits_of(&spans.total, &phrases.weight);
        let probabilities = model.categories(&logits);
        // Per span, what it weighs for the categories on average (by their
        // probabilities): a word leads to a category when it weighs more
        // for it than that.
        let weight = |span: &Span, output: usize| model.scale[output] * span.sums[output] as f32;
        let mean_weights: Vec<f32> = spans
            .shown
            .iter()
            .map(|span| {
                // Over the categories it weighs for (in order): the others
                // add nothing, and a span weighs for a few of thirteen.
                let (mut mean, mut touched) = (0.0, span.touched & CATEGORY_BITS);
                while touched != 0 {
                    let k = touched.trailing_zeros() as usize;
                    touched &= touched - 1;
                    mean += probabilities[k] * weight(span, k);
                }
                mean
            })
            .collect();
        // Which of the visitor's words weigh most for an output.
        // None for a signal or product whose every word stands where the
        // text says it is absent ("there are no plugins"): not reported.
        let words_for = |output: usize, against: bool| -> Option<Vec<String>> {
            let mut shown: Vec<(usize, usize)> = phrases.spans[output].clone();
            // A product the text names shows the words that name it
            // ("Business Central"), not the model's other words for it
            // ("pour", "erro"): the form says "You mentioned …" with them.
            let names_product = output >= model::CATEGORIES + model::SIGNALS && !shown.is_empty();
            if shown.len() < MAX_WORDS && !names_product {
                let mut units: Vec<((usize, usize), f32)> = spans
                    .shown
                    .iter()
                    .zip(&mean_weights)
                    .map(|(span, &mean)| {
                        let weight = weight(span, output);
                        (span.at, if against { weight - mean } else { weight })
                    })
                    // A common word ("from", "your", "não": a list's
                    // `[language]` words) is no reason to show.
                    .filter(|&((start, end), weight)| {
                        weight >= WORD_WEIGHT
                            && !self.languages.is_common(&normalized.chars[start..end])
                    })
                    .collect();
                // No word of its own, no n-gram that weighs enough: the
                // phrases of other targets that led to it ("Early Access", a
                // category's phrase, for the preview signal).
                if shown.is_empty() && units.is_empty() {
                    for slot in (0..model::OUTPUTS).filter(|&slot| phrases.weight[slot] > 0.0) {
                        let weight = phrases.weight[slot] * model.phrase_weight(slot, output);
                        if weight >= WORD_WEIGHT {
                            units.extend(phrases.spans[slot].iter().map(|&span| (span, weight)));
                        }
                    }
                }
                // A product is not led to by a signal's phrase the text
                // denies ("aucun plugin"); a signal of something that may
                // be absent is not led to by words the text says are, and
                // without other words it is not reported.
                let deniable = output
                    .checked_sub(model::CATEGORIES)
                    .and_then(|index| Signal::ALL.get(index))
                    .is_some_and(|signal| DENIABLE.contains(signal));
                if !against && !units.is_empty() {
                    units.retain(|&((start, end), _)| {
                        if deniable {
                            !self.denies(&normalized, (start, end), &reading)
                        } else {
                            !phrases.denials.iter().any(|d| d.0 < end && start < d.1)
                        }
                    });
                    if deniable && shown.is_empty() && units.is_empty() {
                        return None;
                    }
                }
                let weights: Vec<f32> = units.iter().map(|unit| unit.1).collect();
                for index in ranked(&weights, &|&a, &b| units[a].0.cmp(&units[b].0)) {
                    let span = units[index].0;
                    if shown.len() >= MAX_WORDS {
                        break;
                    }
                    if !shown.iter().any(|s| s.0 < span.1 && span.0 < s.1) {
                        shown.push(span);
                    }
                }
            }
            // A Japanese or Chinese character read alone is a fragment ("客"
            // of お客様), and so is katakana cut out of a longer word ("トナ"
            // of パートナー): not a word a visitor would take for a reason.
            // It shows as the short word of its kind around it (客様,
            // パートナー), or not at all. The vocabulary's own words (慢) show
            // as they are.
            let chars = &normalized.chars;
            let katakana = |at: usize| chars.get(at).is_some_and(|&c| features::is_katakana(c));
            let fragment = |&(start, end): &(usize, usize)| {
                (end - start == 1 && features::is_cjk(chars[start])
                    || katakana(start) && (start > 0 && katakana(start - 1) || katakana(end)))
                    && !phrases.spans[output].contains(&(start, end))
            };
            for span in shown.iter_mut().filter(|span| fragment(span)) {
                *span = word_around(chars, span.0).unwrap_or(*span);
            }
            shown.sort_unstable();
            merge_adjacent(chars, &mut shown);
            shown.retain(|span| !fragment(span));
            let mut words: Vec<String> = Vec::new();
            for span in shown {
                let word = original(span);
                if !words.contains(&word) {
                    words.push(word);
                }
            }
            Some(words)
        };
        // A visitor who says they use no preview is not filing a preview
        // case, whatever the words around the denial weigh: it is neither
        // suggested nor settled.
        let no_preview = phrases.denied[model::CATEGORIES + Signal::Preview as usize];
        let order: Vec<usize> = ranked(&probabilities, &usize::cmp)
            .filter(|&k| !(no_preview && k == Category::Preview as usize))
            .take(MAX_SUGGESTIONS)
            .collect();
        let suggestions: Vec<Suggestion> = order
            .iter()
            .filter(|&&k| f64::from(probabilities[k]) >= SUGGESTION_FLOOR)
            .map(|&k| Suggestion {
                category: Category::ALL[k],
                score: (f64::from(probabilities[k]) * 100.0).round() / 100.0,
                matched: words_for(k, true).unwrap_or_default(),
            })
            .collect();
        let (top, second) = (probabilities[order[0]], probabilities[order[1]]);
        let confident = (top >= model.confident && top > second).then(|| Category::ALL[order[0]]);
        let mut signals = Vec::new();
        for (index, &signal) in Signal::ALL.iter().enumerate() {
            let output = model::CATEGORIES + index;
            let probability = model::sigmoid(logits[output]);
            // An earlier case is one its number or words name, not a guess.
            let learned = signal != Signal::PreviousCase && probability >= model.thresholds[index];
            // A signal whose phrases the text denies ("no workaround") is
            // not reported, even when the words around them suggest it.
            if (phrases.weight[output] > 0.0 || learned) && !phrases.denied[output] {
                if let Some(matched) = words_for(output, false) {
                    signals.push(SignalHit { signal, matched });
                }
            }
        }
        let (mut ranks, mut named) = (Vec::new(), Vec::new());
        for (index, &product) in Product::ALL.iter().enumerate() {
            let output = model::CATEGORIES + model::SIGNALS + index;
            let probability = model::sigmoid(logits[output]);
            if phrases.weight[output] > 0.0
                || probability >= model.thresholds[model::SIGNALS + index]
            {
                let Some(matched) = words_for(output, false) else {
                    continue;
                };
                ranks.push(phrases.weight[output] + probability);
                named.push(ProductHit {
                    product,
                    matched,
                    named: phrases.weight[output] > 0.0,
                });
            }
        }
        Classification {
            suggestions,
            signals,
            // Ties keep the products' order.
            products: ranked(&ranks, &usize::cmp)
                .map(|index| named[index].clone())
                .collect(),
            confident,
        }
    }

    /// Whether the phrase `index` names what may be absent and can be said
    /// to be ("we use no preview feature", "プレビュー機能は使っていません"):
    /// then it is evidence of nothing, as a negated phrase is, and its
    /// signal is denied.
    fn absent(&self, index: usize) -> bool {
        match self.phrases[index].target {
            vocabulary::Target::Signal(signal) => DENIABLE.contains(&signal),
            vocabulary::Target::Category(category) => category == Category::Preview,
            vocabulary::Target::Product(_) => false,
        }
    }

    /// Whether a negation cue, or one that denies a signal, stands before
    /// the word at `span`, two words away at most ("there are no plugins",
    /// "we have no custom plugins"), or right after it, or the question it
    /// is in is answered "no": the text says what the word names is absent,
    /// so it leads to no signal. (`reading`: the text's languages, read
    /// once.)
    fn denies(&self, text: &Normalized, (start, end): (usize, usize), reading: &Reading) -> bool {
        self.negation.precede(text, start, reading, true)
            || self.negation.follow(text, end, reading)
            || self.signal_denied(text, (start, end), reading)
    }

    /// Whether a cue that denies a signal stands before the phrase at
    /// `span` or after it ("no workaround", "回避策はありません"), or answers
    /// the question the phrase is in ("Custom code? No.").
    fn signal_denied(
        &self,
        text: &Normalized,
        (start, end): (usize, usize),
        reading: &Reading,
    ) -> bool {
        let cues = &self.signal_negation;
        cues.precede(text, start, reading, true)
            || cues.follow(text, end, reading)
            || text.answer(end).is_some_and(|(from, to)| {
                cues.end(&text.chars[from..to], reading) || cues.follow(text, from, reading)
            })
    }

    /// The phrases of the vocabulary in the normalised `chars`.
    pub fn phrase_hits(&self, text: &Normalized) -> PhraseHits {
        let chars = &text.chars[..];
        let slot = |index: usize| self.phrases[index].target.output();
        let slots = model::OUTPUTS;
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
        let mut negated: Vec<(usize, usize)> = Vec::new();
        // Per target: whether some phrase of it is found denied ("no
        // workaround"), and whether some is found and not denied.
        let mut denial = [false; model::OUTPUTS];
        let mut stated = [false; model::OUTPUTS];
        let reading = Reading::new(&self.languages, chars, None);
        // Where the last denied phrase ends, and its target.
        let mut denied_last = (0, usize::MAX);
        let mut try_at = |start: usize, trie: &trie::Trie| {
            let here = hits.len();
            let mut cue_before = None;
            trie.each_prefix(chars, start, |index, length| {
                let Some(end) = self.phrases[index].fits(chars, start, start + length) else {
                    return;
                };
                let slot = slot(index);
                if end <= reach[slot] || end < longest[slot] {
                    return;
                }
                let absent = self.absent(index);
                // A list shares the denial before it ("no custom code or
                // plugins", "tidak ada custom code atau plugin", 没有自定义
                // 代码或插件): a phrase of what may be absent that starts at
                // most a short word after a denied one of its target ends,
                // in the same clause ("Custom code? No. Plugins? Yes.").
                let listed = absent
                    && denied_last.1 == slot
                    && start.wrapping_sub(denied_last.0) <= LIST_GAP
                    && text.clause_start(start) <= denied_last.0;
                if listed
                    || *cue_before
                        .get_or_insert_with(|| self.negation.precede(text, start, &reading, false))
                    || *cue_after[end]
                        .get_or_insert_with(|| self.negation.follow(text, end, &reading))
                    || absent && self.signal_denied(text, (start, end), &reading)
                {
                    denied_last = (end, slot);
                    denial[slot] |= absent;
                    // Places are tried in text order: joined with the last
                    // span when they overlap, the spans stay disjoint.
                    match negated.last_mut() {
                        Some(last) if start < last.1 => last.1 = last.1.max(end),
                        _ => negated.push((start, end)),
                    }
                    return;
                }
                longest[slot] = end;
                hits.push((start, end, index));
            });
            if hits.len() == here {
                return;
            }
            let mut kept = here;
            for read in here..hits.len() {
                if hits[read].1 == longest[slot(hits[read].2)] {
                    hits[kept] = hits[read];
                    kept += 1;
                }
            }
            hits.truncate(kept);
            // Every target with a longest match here has a hit kept.
            for &(_, _, index) in &hits[here..] {
                let slot = slot(index);
                reach[slot] = reach[slot].max(std::mem::take(&mut longest[slot]));
            }
        };
        // Phrases start where a Latin word starts, or at any Japanese or
        // Chinese character (or sign); in the middle of a Latin word only
        // those open at the start may begin. A word is read as one piece:
        // most of its characters start nothing and are passed over without
        // a search. No phrase starts with a space (normalising trims them).
        // Case and ticket numbers: words of CASE_NUMBER_LEAST digits or
        // more, read with the words rather than in a pass of their own over
        // the text (most of a Japanese or Chinese text is no word; accents
        // are folded, so "e12345678" is a word of letters, not a number).
        let mut numbers_at = Vec::new();
        let mut start = 0;
        while start < chars.len() {
            if chars[start] != ' ' && self.trie.may_start(chars, start) {
                try_at(start, &self.trie);
            }
            if !is_word_char(chars[start]) {
                start += 1;
                continue;
            }
            let end = start
                + chars[start..]
                    .iter()
                    .take_while(|&&c| is_word_char(c))
                    .count();
            if end - start >= CASE_NUMBER_LEAST
                && chars[start..end].iter().all(char::is_ascii_digit)
            {
                numbers_at.push((start, end));
            }
            for inside in start + 1..end {
                if self.open_trie.may_start_inside(chars, inside) {
                    try_at(inside, &self.open_trie);
                }
            }
            start = end;
        }
        let mut found = PhraseHits {
            weight: [0.0; model::OUTPUTS],
            spans: vec![Vec::new(); slots],
            denied: [false; model::OUTPUTS],
            denials: Vec::new(),
            negated,
            languages: None,
        };
        let is_signal =
            |index: usize| matches!(self.phrases[index].target, vocabulary::Target::Signal(_));
        // Each distinct phrase counts once; each target shows a few words;
        // none counts inside a negated phrase ("custom plugin" of "no
        // custom plugin" for "plugin").
        let mut counted = vec![false; self.phrases.len()];
        let mut next = 0;
        for &(start, end, index) in &hits {
            while next < found.negated.len() && found.negated[next].1 <= start {
                next += 1;
            }
            if next < found.negated.len() && found.negated[next].0 < end {
                continue;
            }
            let slot = slot(index);
            // A list before a denied phrase shares its denial, within its
            // clause ("カスタムコードやプラグインは使っていません", "custom
            // code dan plugin tidak ada"): a phrase of what may be absent
            // that ends at most a short word before a negated one starts.
            if self.absent(index)
                && found.negated.get(next).is_some_and(|&(from, _)| {
                    from - end <= LIST_GAP && text.clause_start(from) <= start
                })
            {
                denial[slot] = true;
                // Behind the place read: passed over as the reading goes on.
                found.negated.push((start, end));
                continue;
            }
            // A signal's phrase after "no" or before "はありません"; a
            // workaround asked for ("is there any workaround?") is none.
            let asked = matches!(
                self.phrases[index].target,
                vocabulary::Target::Signal(Signal::Workaround)
            ) && text.asks(end);
            let denied =
                is_signal(index) && (asked || self.signal_denied(text, (start, end), &reading));
            stated[slot] |= !denied;
            denial[slot] |= denied;
            if denied {
                found.denials.push((start, end));
            }
            if !std::mem::replace(&mut counted[index], true) {
                found.weight[slot] += self.phrases[index].weight;
            }
            let spans = &mut found.spans[slot];
            if spans.len() < MAX_WORDS
                && !spans.iter().any(|&(s, e)| chars[s..e] == chars[start..end])
            {
                spans.push((start, end));
            }
        }
        // A long number is most likely an earlier case's, unless a phrase
        // of another subject ("Nomor faktur 8801234567", "error code
        // 2147942402") or a word for another kind of number ("order
        // 100045872", "注文番号 202611180001") names it and it is shorter
        // than a support case's. Then it is evidence of nothing, as a
        // negated phrase is: the model learnt long numbers as cases'.
        let mut numbers = 0;
        let (mut next, mut named_by) = (0, None);
        for (start, end) in numbers_at {
            while next < hits.len() && hits[next].0 < start {
                let (_, word_end, index) = hits[next];
                if word_end <= start && named_by.is_none_or(|(at, _)| at <= word_end) {
                    named_by = Some((word_end, slot(index)));
                }
                next += 1;
            }
            let other_subject = named_by.is_some_and(|(word_end, slot)| {
                start - word_end <= NUMBER_NAMED_WITHIN
                    && slot < model::CATEGORIES
                    && slot != Category::FollowUp as usize
            });
            // The word may stand before a particle (注文番号は…, 订单号是…).
            let particle = start > 0 && "はがのをでも是为為".contains(chars[start - 1]);
            if end - start < CASE_DIGITS
                && (other_subject
                    || self
                        .not_case
                        .precede(text, start - usize::from(particle), &reading, false))
            {
                found.negated.push((start, end));
                continue;
            }
            numbers += 1;
            for slot in [
                Category::FollowUp as usize,
                model::CATEGORIES + Signal::PreviousCase as usize,
            ] {
                if found.spans[slot].len() < MAX_WORDS {
                    found.spans[slot].push((start, end));
                }
            }
        }
        // In text order, joined where they overlap (a number inside a
        // negated phrase).
        found.negated.sort_unstable();
        found.negated.dedup_by(|next, last| {
            let overlap = next.0 < last.1;
            if overlap {
                last.1 = last.1.max(next.1);
            }
            overlap
        });
        if numbers > 0 {
            found.weight[Category::FollowUp as usize] += 0.5;
            found.weight[model::CATEGORIES + Signal::PreviousCase as usize] += 1.0;
            stated[model::CATEGORIES + Signal::PreviousCase as usize] = true;
        }
        for slot in 0..slots {
            found.denied[slot] = denial[slot] && !stated[slot];
        }
        found.languages = reading.languages();
        for weight in &mut found.weight {
            *weight = weight.min(model::PHRASE_CAP);
        }
        found
    }
}

impl vocabulary::Cues {
    /// Whether a cue ends where `text` ends, and counts in a text that
    /// reads as `reading` does. A cue that starts with a letter must start
    /// a word.
    fn end(&self, text: &[char], reading: &Reading) -> bool {
        let mut found = false;
        self.before_trie
            .each_cue(text, text.len(), true, &mut |cue, length| {
                let starts_word = length == text.len()
                    || !is_word_char(text[text.len() - length])
                    || !is_word_char(text[text.len() - length - 1]);
                if !found && starts_word {
                    found = reading.counts(&self.before[cue]);
                }
            });
        found
    }

    /// Whether a cue stands before `start` and counts in a text that reads
    /// as `reading` does: right before, or one short word away ("not a
    /// billing question"); `far`, two words away, one of them short at
    /// most ("aucune fonctionnalité en préversion", "not using any public
    /// preview"). Never across the end of a clause.
    fn precede(&self, text: &Normalized, start: usize, reading: &Reading, far: bool) -> bool {
        /// The longest word reached over.
        const LONGEST: usize = 20;
        let chars = &text.chars[..start];
        let clause = text.clause_start(start);
        let (mut end, mut long_words) = (trim_end_space(chars).len(), 0);
        for words in 0..=1 + usize::from(far) {
            if end < clause {
                return false;
            }
            if self.end(&chars[..end], reading) {
                return true;
            }
            let word = chars[..end]
                .iter()
                .rev()
                .take(LONGEST + 1)
                .take_while(|&&c| is_word_char(c))
                .count();
            long_words += usize::from(word > 3);
            if words > usize::from(far)
                || word == 0
                || word > LONGEST
                || long_words > usize::from(far)
            {
                return false;
            }
            end = trim_end_space(&chars[..end - word]).len();
        }
        false
    }

    /// Whether a cue stands right after `end` (a space may come between,
    /// not the end of a clause), and counts in a text that reads as
    /// `reading` does.
    #[inline(always)]
    fn follow(&self, text: &Normalized, end: usize, reading: &Reading) -> bool {
        let after = &text.chars[end..];
        let after = match after.strip_prefix(&[' ']) {
            Some(_) if text.clause_start(end + 1) > end => return false,
            Some(rest) => rest,
            None => after,
        };
        let mut found = false;
        self.after_trie.each_cue(after, 0, false, &mut |cue, _| {
            if !found {
                found = reading.counts(&self.after[cue]);
            }
        });
        found
    }
}

fn trim_end_space(chars: &[char]) -> &[char] {
    chars.strip_suffix(&[' ']).unwrap_or(chars)
}

/// A span of the text (a word, or an n-gram of Japanese or Chinese) and
/// what the buckets first met there weigh, per output.
#[derive(Clone, Copy)]
struct Span {
    at: (usize, usize),
    sums: model::Sums,
    /// A bit per output whose sum is not zero.
    touched: u64,
}

/// A bit per category in a span's `touched`.
const CATEGORY_BITS: u64 = (1 << model::CATEGORIES) - 1;

/// The text's spans as its features are read: all of them summed (for the
/// logits), and those that weigh enough for some output to be shown as a
/// word that led to it. A span's features come together (a word's all at
/// once, a Japanese or Chinese n-gram's one or two in a row), so one span
/// is open at a time.
struct Spans {
    total: model::Sums,
    shown: Vec<Span>,
    open: Span,
}

impl Spans {
    /// Spans for a text of `chars` characters.
    fn new(chars: usize) -> Self {
        Spans {
            total: [0; model::OUTPUTS],
            // About one span in twenty characters is shown (one in 16 to
            // 24 for 2,000 of any language): room for them from the start,
            // not regrown a span at a time.
            shown: Vec::with_capacity(chars / 16),
            // No span ends at 0: the first feature opens one.
            open: Span {
                at: (0, 0),
                sums: [0; model::OUTPUTS],
                touched: 0,
            },
        }
    }

    /// Closes the open span and opens the one `at`.
    #[inline(always)]
    fn open(&mut self, model: &Model, at: (usize, usize)) {
        self.close(model);
        self.open = Span {
            at,
            sums: [0; model::OUTPUTS],
            touched: 0,
        };
    }

    /// Closes the open span.
    fn close(&mut self, model: &Model) {
        keep(&mut self.total, &mut self.shown, model, &self.open);
    }
}

/// Adds a closed span to the total, and keeps it when it could lead to
/// an output: a category when its weights for the categories spread by
/// [`WORD_WEIGHT`] (a word is shown for a category when it weighs that
/// much more for it than on average), a signal or product when it
/// weighs that much for it. ([`Model::faint`] bounds this rule for a
/// bucket alone: a change here is a change there.)
fn keep(total: &mut model::Sums, shown: &mut Vec<Span>, model: &Model, span: &Span) {
    // A category it has no weight for weighs 0.
    let (mut low, mut high) = if span.touched & CATEGORY_BITS == CATEGORY_BITS {
        (f32::INFINITY, f32::NEG_INFINITY)
    } else {
        (0.0, 0.0)
    };
    let mut leads = false;
    let mut touched = span.touched;
    while touched != 0 {
        let output = touched.trailing_zeros() as usize;
        touched &= touched - 1;
        let sum = span.sums[output];
        total[output] += sum;
        let weight = model.scale[output] * sum as f32;
        if output < model::CATEGORIES {
            if weight < low {
                low = weight;
            }
            if weight > high {
                high = weight;
            }
        } else if weight >= WORD_WEIGHT {
            leads = true;
        }
    }
    if leads || high - low >= WORD_WEIGHT {
        shown.push(*span);
    }
}

/// The word a lone kanji or katakana character at `at` belongs to: the run
/// of characters of its kind around it (環境 of 環境で, エラー), with the
/// honorific お or ご before kanji (お客様, ご請求), when it is short enough
/// to be one word; `None` in a longer run (Chinese, written without kana
/// between its words). Looks at most a word's length each way.
fn word_around(chars: &[char], at: usize) -> Option<(usize, usize)> {
    const KANJI: usize = 4;
    const KATAKANA: usize = 10;
    let kind = |c: char| match c {
        _ if features::is_ideograph(c) || c == '々' => Some(KANJI),
        _ if features::is_katakana(c) => Some(KATAKANA),
        _ => None,
    };
    let longest = kind(chars[at])?;
    let same = |c: char| kind(c) == Some(longest);
    let before = chars[..at]
        .iter()
        .rev()
        .take(longest)
        .take_while(|&&c| same(c))
        .count();
    let after = chars[at + 1..]
        .iter()
        .take(longest)
        .take_while(|&&c| same(c))
        .count();
    let (start, end) = (at - before, at + 1 + after);
    let honorific = longest == KANJI && start > 0 && matches!(chars[start - 1], 'お' | 'ご');
    (end - start >= 2 && end - start <= longest).then_some((start - usize::from(honorific), end))
}

/// Joins spans that overlap ("operasional berhenti" and "berhenti total"
/// show as "operasional berhenti total"), and spans of Japanese or Chinese
/// characters that touch, so "請求" and "求書" show as "請求書".
fn merge_adjacent(chars: &[char], spans: &mut Vec<(usize, usize)>) {
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for &(start, end) in spans.iter() {
        match merged.last_mut() {
            Some(last)
                if start < last.1
                    || start == last.1
                        && features::is_cjk(chars[start])
                        && features::is_cjk(chars[last.1 - 1]) =>
            {
                last.1 = last.1.max(end)
            }
            _ => merged.push((start, end)),
        }
    }
    *spans = merged;
}

/// The indices of `scores`, highest first, `ties` ordering equal scores,
/// each found when asked for: every ranking the classifier makes
/// (categories, products, the words shown) wants the first few of at most
/// a few hundred. A search per index asked for, not a sort: a sort routine
/// costs the module about 1 KB gzip.
fn ranked<'a>(
    scores: &'a [f32],
    ties: &'a dyn Fn(&usize, &usize) -> Ordering,
) -> impl Iterator<Item = usize> + 'a {
    let before = move |a: usize, b: usize| {
        scores[b].total_cmp(&scores[a]).then_with(|| ties(&a, &b)) == Ordering::Less
    };
    let mut taken = vec![false; scores.len()];
    std::iter::from_fn(move || {
        let mut best = None;
        for index in (0..scores.len()).filter(|&index| !taken[index]) {
            if best.is_none_or(|best| before(index, best)) {
                best = Some(index);
            }
        }
        taken[best?] = true;
        best
    })
}
