//! The learned model: a linear model over hashed character n-grams
//! ([`super::features`]) and the vocabulary's phrase hits, trained by
//! `src/bin/train-classifier.rs` from `tests/corpus/train/` and shipped as
//! `vocabulary/model.bin` (format in `README.md` beside this file).
//!
//! Categories are a softmax over the first [`CATEGORIES`] outputs divided by
//! a temperature fitted on cross-validation folds, so a score reads as the
//! chance that the category is right. Each signal and each product is a
//! yes/no output of its own (a logistic), with a threshold of its own.

#![allow(clippy::needless_range_loop)] // numeric code indexes several arrays at once

use crate::engine::contract::enums::{Category, Product, Signal};

pub const CATEGORIES: usize = Category::ALL.len();
pub const SIGNALS: usize = Signal::ALL.len();
pub const PRODUCTS: usize = Product::ALL.len();
/// Outputs, and phrase features: categories, then signals, then products.
pub const OUTPUTS: usize = CATEGORIES + SIGNALS + PRODUCTS;
pub const MAGIC: &[u8; 4] = b"STC2";
/// A phrase feature's value is the weight of the distinct phrases of its
/// target that matched, up to this.
pub const PHRASE_CAP: f32 = 3.0;

/// Quantised weights summed per output.
pub type Sums = [i32; OUTPUTS];

/// How much a word must weigh for an output (in logits) to be shown as one
/// of the words that led to it.
pub const WORD_WEIGHT: f32 = 1.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    /// log2 of the number of n-gram buckets.
    pub bits: u8,
    /// Divides the category logits (calibration).
    pub temperature: f32,
    /// The lowest category probability that decides the category.
    pub confident: f32,
    /// Per signal and product output, the lowest probability that reports it.
    pub thresholds: [f32; SIGNALS + PRODUCTS],
    pub bias: [f32; OUTPUTS],
    /// Per output, what one step of a quantised weight is worth.
    pub scale: [f32; OUTPUTS],
    /// The non-zero quantised weights, row by row (one row per bucket, then
    /// one per phrase feature): row `r`'s are
    /// `entries[starts[r]..starts[r + 1]]`, each an output and its weight.
    /// Most weights are zero, so a row holds one or two and the table stays
    /// small enough to stay in the processor's cache.
    starts: Box<[u32]>,
    entries: Box<[(u8, i8)]>,
    /// See [`Model::silent`].
    silent: Box<[u64]>,
    /// See [`Model::faint`].
    faint: Box<[u64]>,
}

impl Default for Model {
    /// No learned n-grams: each phrase hit counts for its own target only
    /// (what the classifier falls back to before the model has arrived).
    fn default() -> Self {
        let bits = 0;
        let mut weights = vec![0; (1 + OUTPUTS) * OUTPUTS];
        for output in 0..OUTPUTS {
            weights[(1 + output) * OUTPUTS + output] = 100;
        }
        let mut model = Model::with_weights(bits, [0.0; OUTPUTS], [0.02; OUTPUTS], &weights);
        model.confident = 0.6;
        model
    }
}

fn push_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> Option<usize> {
    let mut value = 0usize;
    for shift in (0..35).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        value |= usize::from(byte & 0x7F) << shift;
        if byte < 0x80 {
            return Some(value);
        }
    }
    None
}

impl Model {
    pub fn buckets(&self) -> usize {
        1 << self.bits
    }

    /// The bucket of a feature hash.
    #[inline(always)]
    pub fn bucket(&self, hash: u32) -> usize {
        // As 64 bits, so that no bits (one bucket) shifts all 32 out.
        (u64::from(hash) >> (32 - u32::from(self.bits))) as usize
    }

    /// A model of `weights`, one row of [`OUTPUTS`] per bucket, then one
    /// per phrase feature; the temperature 1, the thresholds 0.5.
    pub fn with_weights(
        bits: u8,
        bias: [f32; OUTPUTS],
        scale: [f32; OUTPUTS],
        weights: &[i8],
    ) -> Model {
        let mut starts = vec![0];
        let mut entries = Vec::new();
        // A bit per row (the phrase features' rows too: unused).
        let mut silent = vec![0u64; (weights.len() / OUTPUTS).div_ceil(64)];
        let mut faint = silent.clone();
        for (row, weights) in weights.chunks(OUTPUTS).enumerate() {
            // At least what the words of a span of this bucket alone weigh
            // more for one category than another, or for a signal or
            // product (more than 0), as the classifier weighs a span to
            // show it.
            let (mut low, mut high) = (0.0, 0.0);
            let first = entries.len();
            for (output, &weight) in weights.iter().enumerate() {
                if weight == 0 {
                    continue;
                }
                entries.push((output as u8, weight));
                let weight = scale[output] * f32::from(weight);
                if weight < low {
                    low = weight;
                } else if weight > high {
                    high = weight;
                }
            }
            starts.push(entries.len() as u32);
            let bit = 1 << (row % 64);
            if entries.len() == first {
                silent[row / 64] |= bit;
            }
            if high - low < WORD_WEIGHT {
                faint[row / 64] |= bit;
            }
        }
        Model {
            bits,
            temperature: 1.0,
            confident: 0.5,
            thresholds: [0.5; SIGNALS + PRODUCTS],
            bias,
            scale,
            starts: starts.into(),
            entries: entries.into(),
            silent: silent.into(),
            faint: faint.into(),
        }
    }

    /// How many rows the model has: the buckets, then the phrase features.
    pub fn rows(&self) -> usize {
        self.starts.len() - 1
    }

    /// The non-zero weights of a row, each with its output.
    #[inline(always)]
    fn entries(&self, row: usize) -> &[(u8, i8)] {
        &self.entries[self.starts[row] as usize..self.starts[row + 1] as usize]
    }

    /// The weight row of a bucket or of a phrase feature (`buckets() + slot`).
    pub fn row(&self, row: usize) -> [i8; OUTPUTS] {
        let mut out = [0; OUTPUTS];
        for &(output, weight) in self.entries(row) {
            out[usize::from(output)] = weight;
        }
        out
    }

    /// What a phrase feature (a target's slot) at 1 adds to an output's
    /// logit.
    pub fn phrase_weight(&self, slot: usize, output: usize) -> f32 {
        let weight = self
            .entries(self.buckets() + slot)
            .iter()
            .find(|&&(to, _)| usize::from(to) == output)
            .map_or(0, |&(_, weight)| weight);
        self.scale[output] * f32::from(weight)
    }

    /// Every weight, row after row (for training).
    pub fn weights(&self) -> Vec<i8> {
        (0..self.rows()).flat_map(|row| self.row(row)).collect()
    }

    /// How many weights are not zero.
    pub fn nonzero(&self) -> usize {
        self.entries.len()
    }

    /// The file: magic, bits, then little-endian f32s (temperature,
    /// confident, thresholds, bias, scale), then the non-zero weights
    /// output by output: their count (LEB128), then all the weights, one
    /// byte each, zigzagged (0, -1, 1, -2…), then each output's count and
    /// its rows as gaps from the previous row (LEB128). Like kinds of
    /// bytes together gzip 5 % smaller than each gap beside its weight.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.bits);
        let floats = [self.temperature, self.confident]
            .into_iter()
            .chain(self.thresholds)
            .chain(self.bias)
            .chain(self.scale);
        for value in floats {
            out.extend_from_slice(&value.to_le_bytes());
        }
        let mut by_output: Vec<Vec<(usize, i8)>> = vec![Vec::new(); OUTPUTS];
        for row in 0..self.rows() {
            for &(output, weight) in self.entries(row) {
                by_output[usize::from(output)].push((row, weight));
            }
        }
        push_varint(&mut out, by_output.iter().map(Vec::len).sum());
        for &(_, weight) in by_output.iter().flatten() {
            out.push(((weight << 1) ^ (weight >> 7)) as u8);
        }
        for weights in &by_output {
            push_varint(&mut out, weights.len());
            let mut previous = 0;
            for &(row, _) in weights {
                push_varint(&mut out, row - previous);
                previous = row;
            }
        }
        out
    }

    pub fn parse(bytes: &[u8]) -> Result<Model, String> {
        const SHORT: &str = "the model file is cut short";
        if bytes.get(..4) != Some(MAGIC) {
            return Err("not a classifier model of this version (no STC2 mark)".into());
        }
        let bits = *bytes.get(4).ok_or(SHORT)?;
        if bits > 20 {
            return Err("the model file asks for more than 20 bucket bits".into());
        }
        // Temperature, confident, thresholds, bias, scale.
        const NUMBERS: usize = 2 + SIGNALS + PRODUCTS + 2 * OUTPUTS;
        let mut at = 5 + 4 * NUMBERS;
        let mut numbers = [0.0f32; NUMBERS];
        for (number, chunk) in numbers
            .iter_mut()
            .zip(bytes.get(5..at).ok_or(SHORT)?.chunks_exact(4))
        {
            *number = f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
            // Trained ones stay within a few units; bounded, no score can
            // overflow to infinity or NaN.
            if number.is_nan() || number.abs() > 10_000.0 {
                return Err("the model file holds a number that is not within ±10000".into());
            }
        }
        let [temperature, confident, ref rest @ ..] = numbers;
        let (mut thresholds, mut bias, mut scale) =
            ([0.0; SIGNALS + PRODUCTS], [0.0; OUTPUTS], [0.0; OUTPUTS]);
        let (first, last) = rest.split_at(thresholds.len());
        thresholds.copy_from_slice(first);
        bias.copy_from_slice(&last[..OUTPUTS]);
        scale.copy_from_slice(&last[OUTPUTS..]);
        let rows = (1usize << bits) + OUTPUTS;
        // The weights come first, the rows after them: read side by side.
        let weight_count = read_varint(bytes, &mut at).ok_or(SHORT)?;
        let mut weight_at = at;
        let rows_at = at.saturating_add(weight_count);
        at = rows_at;
        let mut weights = vec![0i8; rows * OUTPUTS];
        for output in 0..OUTPUTS {
            let count = read_varint(bytes, &mut at).ok_or(SHORT)?;
            let mut row = 0usize;
            for _ in 0..count {
                row = row.saturating_add(read_varint(bytes, &mut at).ok_or(SHORT)?);
                if row >= rows || weight_at >= rows_at {
                    return Err("a model weight lies beyond its rows".into());
                }
                // In the file: a row was read after it, at `rows_at` or later.
                let zigzag = bytes[weight_at];
                weight_at += 1;
                weights[row * OUTPUTS + output] = (zigzag >> 1) as i8 ^ -((zigzag & 1) as i8);
            }
        }
        if weight_at != rows_at || at != bytes.len() {
            return Err("the model file's weights and rows do not add up".into());
        }
        if temperature <= 0.0 {
            return Err("the model's temperature is not positive".into());
        }
        let mut model = Model::with_weights(bits, bias, scale, &weights);
        model.temperature = temperature;
        model.confident = confident;
        model.thresholds = thresholds;
        Ok(model)
    }

    /// A bit per bucket, set for those with no weight (about half: the
    /// n-grams that fall there say nothing). A text's buckets start from
    /// this as if already counted, so one test passes over both.
    pub fn silent(&self) -> &[u64] {
        &self.silent
    }

    /// Whether a span of this bucket alone weighs less than [`WORD_WEIGHT`]
    /// for anything, as the classifier weighs a span to show it (most
    /// buckets): it is never shown, so its row need only be added to the
    /// text's total.
    #[inline(always)]
    pub fn faint(&self, bucket: usize) -> bool {
        self.faint[bucket / 64] >> (bucket % 64) & 1 != 0
    }

    /// Adds a bucket's weights to `sums`, and returns a bit per output it
    /// has weights for (gathered in a register: or-ing them into memory
    /// one by one chains every step to the last).
    #[inline(always)]
    pub fn add_row(&self, sums: &mut Sums, bucket: usize) -> u64 {
        let mut touched = 0;
        for &(output, weight) in self.entries(bucket) {
            sums[usize::from(output)] += i32::from(weight);
            touched |= 1 << output;
        }
        touched
    }

    /// The outputs' logits for a text with these distinct buckets and these
    /// phrase feature values.
    pub fn logits(&self, buckets: &[u32], phrases: &[f32; OUTPUTS]) -> [f32; OUTPUTS] {
        let mut sums = [0; OUTPUTS];
        for &bucket in buckets {
            self.add_row(&mut sums, bucket as usize);
        }
        self.logits_of(&sums, phrases)
    }

    /// The outputs' logits for a text whose distinct buckets' weights sum
    /// to `sums`, with these phrase feature values.
    pub fn logits_of(&self, sums: &Sums, phrases: &[f32; OUTPUTS]) -> [f32; OUTPUTS] {
        let mut logits = [0.0f32; OUTPUTS];
        for output in 0..OUTPUTS {
            logits[output] = self.bias[output] + self.scale[output] * sums[output] as f32;
        }
        let first_phrase_row = self.buckets();
        for (slot, &value) in phrases.iter().enumerate() {
            if value > 0.0 {
                for &(output, weight) in self.entries(first_phrase_row + slot) {
                    let output = usize::from(output);
                    logits[output] += value * self.scale[output] * f32::from(weight);
                }
            }
        }
        logits
    }

    /// Category probabilities from logits (calibrated softmax).
    pub fn categories(&self, logits: &[f32; OUTPUTS]) -> [f32; CATEGORIES] {
        softmax(&logits[..CATEGORIES], self.temperature)
    }
}

pub fn softmax(logits: &[f32], temperature: f32) -> [f32; CATEGORIES] {
    let top = logits.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut out = [0.0; CATEGORIES];
    let mut total = 0.0;
    for (out, &logit) in out.iter_mut().zip(logits) {
        *out = ((logit - top) / temperature).exp();
        total += *out;
    }
    for out in &mut out {
        *out /= total;
    }
    out
}

pub fn sigmoid(logit: f32) -> f32 {
    1.0 / (1.0 + (-logit).exp())
}
