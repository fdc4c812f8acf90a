//! `train-classifier`: trains the description classifier's model from the
//! labelled training corpus and writes `src/engine/classify/vocabulary/model.bin`.
//!
//! ```console
//! cargo run --release --bin train-classifier           # train, report CV, write the model
//! cargo run --release --bin train-classifier -- --check # fail unless the committed model is reproduced byte for byte
//! ```
//!
//! It reads `tests/corpus/train/*.jsonl` and the older corpus
//! (`tests/corpus/<lang>.jsonl`, `tests/corpus/holdout.jsonl`), never
//! `tests/corpus/heldout/`, which is only for the final measure
//! (`tests/classify.rs`). Everything is deterministic: a fixed order, no
//! random numbers, f32 arithmetic in a fixed sequence, so the same corpus
//! gives the same bytes. The method is described in
//! `src/engine/classify/README.md`.

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    train::main()
}

#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::needless_range_loop)] // numeric code indexes several arrays at once
mod train {
    use serde_json::Value;
    use std::path::PathBuf;
    use std::process::ExitCode;
    use support_triage::engine::classify::model::{
        self, Model, CATEGORIES, OUTPUTS, PRODUCTS, SIGNALS,
    };
    use support_triage::engine::classify::vocabulary::Vocabulary;
    use support_triage::engine::contract::enums::{Category, Product, Signal};

    /// The training settings (chosen by cross-validation on the training
    /// corpus; see the README).
    #[derive(Clone, Copy, Debug)]
    pub struct Settings {
        pub bits: u8,
        pub epochs: usize,
        pub alpha: f32,
        pub beta: f32,
        pub l1: f32,
        pub l2: f32,
        /// The L1 of the yes/no outputs (signals, products).
        pub l1_binary: f32,
        pub folds: usize,
        /// Quantised weights smaller than this (in steps of 1/127 of the
        /// output's largest) are dropped: the model stays small.
        pub keep: i8,
        /// The same for the products' outputs.
        pub keep_products: i8,
        /// Which signals learn n-gram weights (bit `1 << signal`); the
        /// others' phrases alone, through the phrase features, drive them.
        pub signal_ngrams: u8,
        /// `keep` for the signals' outputs.
        pub keep_signals: i8,
        /// Steps either side of zero a quantised weight has (at most 127):
        /// fewer steps, fewer distinct bytes, a smaller download once
        /// gzipped.
        pub levels: u8,
    }

    pub const SETTINGS: Settings = Settings {
        bits: 14,
        epochs: 20,
        alpha: 0.1,
        beta: 1.0,
        l1: 10.5,
        l2: 0.01,
        l1_binary: 2.0,
        folds: 5,
        keep: 13,
        keep_products: 50,
        signal_ngrams: 0b1101_0010,
        keep_signals: 40,
        levels: 7,
    };

    pub struct Example {
        pub language: String,
        /// From `tests/corpus/train/` (not the older corpus).
        pub fresh: bool,
        pub hashes: Vec<u32>,
        pub phrases: [f32; OUTPUTS],
        pub category: usize,
        /// One per signal, then per product.
        pub binary: [bool; SIGNALS + PRODUCTS],
    }

    fn root() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    }

    pub fn model_path() -> PathBuf {
        root().join("src/engine/classify/vocabulary/model.bin")
    }

    /// The training files, in a fixed order.
    pub fn training_files() -> Vec<(String, PathBuf)> {
        let corpus = root().join("tests/corpus");
        let mut files = Vec::new();
        // (An experiment may point at a frozen copy of train/.)
        let train_dir = std::env::var_os("TRAIN_CORPUS")
            .map(PathBuf::from)
            .unwrap_or_else(|| corpus.join("train"));
        let mut train: Vec<PathBuf> = std::fs::read_dir(train_dir)
            .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        train.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
        train.sort();
        for path in train {
            let language = path.file_stem().unwrap().to_string_lossy().into_owned();
            files.push((language, path));
        }
        let mut old: Vec<PathBuf> = std::fs::read_dir(&corpus)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "jsonl"))
            .collect();
        old.sort();
        for path in old {
            let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
            let language = if stem == "holdout" {
                "mixed".into()
            } else {
                stem
            };
            files.push((language, path));
        }
        files
    }

    pub fn load(vocabulary: &Vocabulary) -> Vec<Example> {
        let mut examples = Vec::new();
        for (language, path) in training_files() {
            let fresh = path.parent() != Some(root().join("tests/corpus").as_path());
            assert!(!path.components().any(|c| c.as_os_str() == "heldout"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (number, line) in text.lines().enumerate() {
                if line.trim().is_empty() {
                    continue;
                }
                let item: Value = serde_json::from_str(line)
                    .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), number + 1));
                let category = item["category"]
                    .as_str()
                    .and_then(Category::parse)
                    .unwrap_or_else(|| panic!("{}:{}: category", path.display(), number + 1));
                let mut binary = [false; SIGNALS + PRODUCTS];
                if let Some(signals) = item["signals"].as_array() {
                    for signal in signals {
                        let signal = signal.as_str().and_then(Signal::parse).unwrap_or_else(|| {
                            panic!("{}:{}: signal {signal}", path.display(), number + 1)
                        });
                        binary[signal as usize] = true;
                    }
                }
                if let Some(product) = item["product"].as_str() {
                    let product = Product::parse(product).unwrap_or_else(|| {
                        panic!("{}:{}: product {product}", path.display(), number + 1)
                    });
                    binary[SIGNALS + product as usize] = true;
                }
                let text = item["text"].as_str().unwrap_or_default();
                let features = vocabulary.features(text);
                examples.push(Example {
                    language: language.clone(),
                    fresh,
                    hashes: features.features.iter().map(|f| f.hash).collect(),
                    phrases: features.phrases.weight,
                    category: category as usize,
                    binary,
                });
            }
        }
        examples
    }

    /// Distinct buckets of an example, in first-seen order.
    fn buckets(example: &Example, bits: u8) -> Vec<u32> {
        let size = 1usize << bits;
        let mut seen = vec![false; size];
        let mut out = Vec::new();
        for &hash in &example.hashes {
            let bucket = (hash >> (32 - u32::from(bits))) as usize;
            if !std::mem::replace(&mut seen[bucket], true) {
                out.push(bucket as u32);
            }
        }
        out
    }

    /// FTRL-proximal (McMahan et al. 2013) per weight: sparse, since a
    /// weight whose accumulated gradient stays under the L1 is exactly zero.
    struct Ftrl {
        z: Vec<f32>,
        n: Vec<f32>,
        settings: Settings,
    }

    impl Ftrl {
        fn weight(&self, index: usize, l1: f32) -> f32 {
            let z = self.z[index];
            if z.abs() <= l1 {
                return 0.0;
            }
            let s = &self.settings;
            -(z - z.signum() * l1) / ((s.beta + self.n[index].sqrt()) / s.alpha + s.l2)
        }

        fn update(&mut self, index: usize, gradient: f32, weight: f32) {
            let n = self.n[index];
            let sigma = ((n + gradient * gradient).sqrt() - n.sqrt()) / self.settings.alpha;
            self.z[index] += gradient - sigma * weight;
            self.n[index] = n + gradient * gradient;
        }
    }

    fn l1_of(output: usize, settings: &Settings) -> f32 {
        if output < CATEGORIES {
            settings.l1
        } else {
            settings.l1_binary
        }
    }

    /// Float weights after training on `examples` (indices into them).
    pub fn fit(
        examples: &[Example],
        chosen: &[usize],
        settings: Settings,
        support: Option<&[bool]>,
    ) -> (Vec<f32>, [f32; OUTPUTS]) {
        let rows = (1usize << settings.bits) + OUTPUTS;
        let mut ftrl = Ftrl {
            z: vec![0.0; rows * OUTPUTS],
            n: vec![0.0; rows * OUTPUTS],
            settings,
        };
        // The bias: plain AdaGrad, not regularised.
        let mut bias = [0.0f32; OUTPUTS];
        let mut bias_n = [0.0f32; OUTPUTS];
        let prepared: Vec<(Vec<u32>, &Example)> = chosen
            .iter()
            .map(|&i| (buckets(&examples[i], settings.bits), &examples[i]))
            .collect();
        let phrase_row = 1usize << settings.bits;
        let mut order: Vec<usize> = (0..prepared.len()).collect();
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut weights = [0.0f32; OUTPUTS];
        for _ in 0..settings.epochs {
            // A fixed shuffle (xorshift, fixed seed) per epoch.
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for &at in &order {
                let (rows_of, example) = &prepared[at];
                let active: Vec<(usize, f32)> = rows_of
                    .iter()
                    .map(|&b| (b as usize, 1.0))
                    .chain(
                        (0..OUTPUTS)
                            .filter(|&s| example.phrases[s] > 0.0)
                            .map(|s| (phrase_row + s, example.phrases[s])),
                    )
                    .collect();
                let mut logits = bias;
                let mut current = Vec::with_capacity(active.len() * OUTPUTS);
                for &(row, value) in &active {
                    for output in 0..OUTPUTS {
                        let at = row * OUTPUTS + output;
                        let w = if support.is_some_and(|s| !s[at]) {
                            0.0
                        } else {
                            ftrl.weight(at, l1_of(output, &settings))
                        };
                        current.push(w);
                        logits[output] += w * value;
                    }
                }
                let p = model::softmax(&logits[..CATEGORIES], 1.0);
                for output in 0..OUTPUTS {
                    weights[output] = if output < CATEGORIES {
                        p[output] - f32::from(u8::from(output == example.category))
                    } else {
                        model::sigmoid(logits[output])
                            - f32::from(u8::from(example.binary[output - CATEGORIES]))
                    };
                }
                for (index, &(row, value)) in active.iter().enumerate() {
                    for output in 0..OUTPUTS {
                        let at = row * OUTPUTS + output;
                        if support.is_some_and(|s| !s[at]) {
                            continue;
                        }
                        ftrl.update(
                            at,
                            weights[output] * value,
                            current[index * OUTPUTS + output],
                        );
                    }
                }
                for output in 0..OUTPUTS {
                    let g = weights[output];
                    bias_n[output] += g * g;
                    bias[output] -= settings.alpha * g / (1.0 + bias_n[output].sqrt());
                }
            }
        }
        let mut out = vec![0.0f32; rows * OUTPUTS];
        for (index, value) in out.iter_mut().enumerate() {
            if support.is_none_or(|s| s[index]) {
                *value = ftrl.weight(index, l1_of(index % OUTPUTS, &settings));
            }
        }
        (out, bias)
    }

    /// Fits, keeps the weights that survive quantisation at `keep`, and
    /// fits again on those alone (without L1), then quantises.
    pub fn train(examples: &[Example], chosen: &[usize], settings: Settings) -> Model {
        let (weights, bias) = fit(examples, chosen, settings, None);
        let mut first = quantise(&weights, bias, settings, false).weights();
        let buckets = 1usize << settings.bits;
        for signal in 0..SIGNALS {
            if settings.signal_ngrams & (1 << signal) == 0 {
                for row in 0..buckets {
                    first[row * OUTPUTS + CATEGORIES + signal] = 0;
                }
            }
        }
        // A signal is not read from another signal's phrases: one fact's
        // words ("production is down") are no evidence of another (many
        // users), however often the two came together in training.
        for signal in 0..SIGNALS {
            for other in (0..SIGNALS).filter(|&other| other != signal) {
                first[(buckets + CATEGORIES + other) * OUTPUTS + CATEGORIES + signal] = 0;
            }
        }
        let support: Vec<bool> = first.iter().map(|&w| w != 0).collect();
        let refit = Settings {
            l1: 0.0,
            l1_binary: 0.0,
            ..settings
        };
        let (weights, bias) = fit(examples, chosen, refit, Some(&support));
        let model = quantise(&weights, bias, settings, true);
        let mut kept = model.weights();
        for (weight, &kept) in kept.iter_mut().zip(&support) {
            if !kept {
                *weight = 0;
            }
        }
        Model::with_weights(model.bits, model.bias, model.scale, &kept)
    }

    /// Quantises float weights to i8 with a scale per output.
    /// Quantises float weights to i8 with a scale per output; unless
    /// `all`, drops those under the settings' `keep`.
    pub fn quantise(weights: &[f32], bias: [f32; OUTPUTS], settings: Settings, all: bool) -> Model {
        let bits = settings.bits;
        let keep_of = |output: usize| {
            if all {
                1
            } else if output >= CATEGORIES + SIGNALS {
                settings.keep_products
            } else if output >= CATEGORIES {
                settings.keep_signals
            } else {
                settings.keep
            }
        };
        let mut scale = [0.0f32; OUTPUTS];
        for output in 0..OUTPUTS {
            let top = weights
                .iter()
                .skip(output)
                .step_by(OUTPUTS)
                .fold(0.0f32, |m, w| m.max(w.abs()));
            scale[output] = if top > 0.0 { top / 127.0 } else { 1.0 };
        }
        // Dropped by size in 127ths of the largest, kept in `levels` steps.
        let coarse = 127.0 / f32::from(settings.levels);
        let quantised: Vec<i8> = weights
            .iter()
            .enumerate()
            .map(|(i, &w)| {
                let q = (w / scale[i % OUTPUTS]).round().clamp(-127.0, 127.0) as i8;
                if q.abs() < keep_of(i % OUTPUTS) {
                    0
                } else {
                    (w / (scale[i % OUTPUTS] * coarse)).round() as i8
                }
            })
            .collect();
        let scale = scale.map(|scale| scale * coarse);
        Model::with_weights(bits, bias, scale, &quantised)
    }

    /// What the model gives an example: its output logits.
    pub fn logits(model: &Model, example: &Example) -> [f32; OUTPUTS] {
        model.logits(&buckets(example, model.bits), &example.phrases)
    }

    /// Out-of-fold logits for every example (fold = position modulo folds).
    pub fn cross_validate(examples: &[Example], settings: Settings) -> Vec<[f32; OUTPUTS]> {
        let mut out = vec![[0.0; OUTPUTS]; examples.len()];
        for fold in 0..settings.folds {
            let rest: Vec<usize> = (0..examples.len())
                .filter(|i| i % settings.folds != fold)
                .collect();
            let model = train(examples, &rest, settings);
            for i in (0..examples.len()).filter(|i| i % settings.folds == fold) {
                out[i] = logits(&model, &examples[i]);
            }
        }
        out
    }

    /// The temperature that minimises the out-of-fold log loss.
    pub fn fit_temperature(examples: &[Example], logits: &[[f32; OUTPUTS]]) -> f32 {
        let mut best = (f64::INFINITY, 1.0f32);
        for step in 10..=300 {
            let t = step as f32 / 100.0;
            let loss: f64 = examples
                .iter()
                .zip(logits)
                .map(|(e, l)| {
                    -f64::from(model::softmax(&l[..CATEGORIES], t)[e.category].max(1e-9)).ln()
                })
                .sum();
            if loss < best.0 {
                best = (loss, t);
            }
        }
        best.1
    }

    /// The confidence at which the category is taken from the text: more
    /// likely than all the others together. Below it the suggestions are
    /// offered and break_fix stands. Not fitted: out of fold, every lower
    /// threshold took more categories right (at 0.3, 84.0 % of all
    /// descriptions; at 0.5, 81.0 %; at 0.76, the threshold at which 95 % of
    /// the categories so taken were right, 73.2 %), but below a half the
    /// text's favourite is likelier wrong than right, and a vague text
    /// ("Teams", 0.40) would be given a category it does not name.
    pub const CONFIDENT: f32 = 0.5;

    pub fn ranked(p: &[f32; CATEGORIES]) -> Vec<usize> {
        let mut order: Vec<usize> = (0..CATEGORIES).collect();
        order.sort_by(|&a, &b| p[b].total_cmp(&p[a]).then(a.cmp(&b)));
        order
    }

    fn decided(p: &[f32; CATEGORIES], threshold: f32) -> usize {
        let order = ranked(p);
        if p[order[0]] >= threshold && p[order[0]] > p[order[1]] {
            order[0]
        } else {
            Category::BreakFix as usize
        }
    }

    /// Per yes/no output, the threshold with the best F1 out of fold.
    pub fn fit_thresholds(
        examples: &[Example],
        logits: &[[f32; OUTPUTS]],
    ) -> [f32; SIGNALS + PRODUCTS] {
        let mut thresholds = [0.5; SIGNALS + PRODUCTS];
        for (output, threshold) in thresholds.iter_mut().enumerate() {
            let mut best = (-1.0f64, 0.5f32);
            for step in (20..=95).rev() {
                let t = step as f32 / 100.0;
                let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
                for (e, l) in examples.iter().zip(logits) {
                    let said = model::sigmoid(l[CATEGORIES + output]) >= t;
                    match (said, e.binary[output]) {
                        (true, true) => tp += 1.0,
                        (true, false) => fp += 1.0,
                        (false, true) => fn_ += 1.0,
                        _ => {}
                    }
                }
                let f1 = if tp == 0.0 {
                    0.0
                } else {
                    2.0 * tp / (2.0 * tp + fp + fn_)
                };
                if f1 > best.0 {
                    best = (f1, t);
                }
            }
            *threshold = best.1;
        }
        thresholds
    }

    pub fn report(
        examples: &[Example],
        logits: &[[f32; OUTPUTS]],
        temperature: f32,
        thresholds: &[f32; SIGNALS + PRODUCTS],
        confident: f32,
    ) {
        let probabilities: Vec<[f32; CATEGORIES]> = logits
            .iter()
            .map(|l| model::softmax(&l[..CATEGORIES], temperature))
            .collect();
        let mut languages: Vec<&str> = examples.iter().map(|e| e.language.as_str()).collect();
        languages.sort();
        languages.dedup();
        let line = |name: &str, chosen: &dyn Fn(&Example) -> bool| {
            let (mut n, mut t1, mut t3, mut dec) = (0, 0, 0, 0);
            for (e, p) in examples.iter().zip(&probabilities) {
                if !chosen(e) {
                    continue;
                }
                let order = ranked(p);
                n += 1;
                t1 += usize::from(order[0] == e.category);
                t3 += usize::from(order[..3].contains(&e.category));
                dec += usize::from(decided(p, confident) == e.category);
            }
            if n > 0 {
                println!(
                    "  {name:18} {n:4}  top-1 {:5.1}%  top-3 {:5.1}%  decided {:5.1}%",
                    100.0 * t1 as f64 / n as f64,
                    100.0 * t3 as f64 / n as f64,
                    100.0 * dec as f64 / n as f64
                );
            }
        };
        println!("cross-validation ({} folds), per language:", SETTINGS.folds);
        for language in &languages {
            line(language, &|e| e.language == *language);
        }
        println!("per category:");
        for (k, category) in Category::ALL.iter().enumerate() {
            line(category.as_str(), &|e| e.category == k);
        }
        line("all", &|_| true);
        line("all of train/", &|e| e.fresh);
        println!("calibration (top suggestion's score → share right):");
        for bin in 0..10 {
            let (lo, hi) = (bin as f32 / 10.0, (bin + 1) as f32 / 10.0);
            let (mut n, mut right, mut sum) = (0, 0, 0.0);
            for (e, p) in examples.iter().zip(&probabilities) {
                let order = ranked(p);
                let top = p[order[0]];
                if top >= lo && (top < hi || bin == 9) {
                    n += 1;
                    sum += top;
                    right += usize::from(order[0] == e.category);
                }
            }
            if n > 0 {
                println!(
                    "  {lo:.1}–{hi:.1} {n:4}  mean score {:.2}  right {:5.1}%",
                    sum / n as f32,
                    100.0 * right as f64 / n as f64
                );
            }
        }
        println!("signals and products (precision / recall):");
        for output in 0..SIGNALS + PRODUCTS {
            let name = if output < SIGNALS {
                Signal::ALL[output].as_str()
            } else {
                Product::ALL[output - SIGNALS].as_str()
            };
            let (mut tp, mut fp, mut fn_) = (0, 0, 0);
            for (e, l) in examples.iter().zip(logits) {
                // As the classifier reports it: a phrase hit, or the
                // output over its threshold (an earlier case only from its
                // number or phrases).
                let learned = model::sigmoid(l[CATEGORIES + output]) >= thresholds[output]
                    && output != Signal::PreviousCase as usize;
                let said = e.phrases[CATEGORIES + output] > 0.0 || learned;
                match (said, e.binary[output]) {
                    (true, true) => tp += 1,
                    (true, false) => fp += 1,
                    (false, true) => fn_ += 1,
                    _ => {}
                }
            }
            println!(
                "  {name:28} {:4}  precision {:5.1}%  recall {:5.1}%",
                tp + fn_,
                100.0 * tp as f64 / (tp + fp).max(1) as f64,
                100.0 * tp as f64 / (tp + fn_).max(1) as f64
            );
        }
    }

    pub fn build(settings: Settings, verbose: bool) -> Model {
        let vocabulary = Vocabulary::shipped();
        let examples = load(&vocabulary);
        let oof = cross_validate(&examples, settings);
        let temperature = fit_temperature(&examples, &oof);
        let confident = CONFIDENT;
        let thresholds = fit_thresholds(&examples, &oof);
        if verbose {
            println!(
                "{} training descriptions; temperature {temperature}, confident at {confident}",
                examples.len()
            );
            report(&examples, &oof, temperature, &thresholds, confident);
        }
        let all: Vec<usize> = (0..examples.len()).collect();
        let mut model = train(&examples, &all, settings);
        model.temperature = temperature;
        model.confident = confident;
        model.thresholds = thresholds;
        model
    }

    pub fn main() -> ExitCode {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let check = args.iter().any(|a| a == "--check");
        let mut settings = SETTINGS;
        for arg in &args {
            if let Some((key, value)) = arg.trim_start_matches("--").split_once('=') {
                let number: f32 = value.parse().expect("a number");
                match key {
                    "bits" => settings.bits = number as u8,
                    "epochs" => settings.epochs = number as usize,
                    "alpha" => settings.alpha = number,
                    "beta" => settings.beta = number,
                    "l1" => settings.l1 = number,
                    "l2" => settings.l2 = number,
                    "l1-binary" => settings.l1_binary = number,
                    "keep" => settings.keep = number as i8,
                    "keep-products" => settings.keep_products = number as i8,
                    "signal-ngrams" => settings.signal_ngrams = number as u8,
                    "keep-signals" => settings.keep_signals = number as i8,
                    "levels" => settings.levels = number as u8,
                    _ => panic!("unknown setting {key}"),
                }
            }
        }
        let model = build(settings, !check);
        let bytes = model.to_bytes();
        let nonzero = model.nonzero();
        let path = model_path();
        if check {
            let committed = std::fs::read(&path).unwrap_or_default();
            if committed == bytes {
                println!(
                    "{}: reproduced byte for byte ({} bytes)",
                    path.display(),
                    bytes.len()
                );
                return ExitCode::SUCCESS;
            }
            eprintln!(
                "{}: the committed model ({} bytes) differs from the one trained now ({} bytes); run `cargo run --release --bin train-classifier` and commit it",
                path.display(),
                committed.len(),
                bytes.len()
            );
            return ExitCode::FAILURE;
        }
        if args.iter().any(|a| a == "--dry-run") {
            println!(
                "{} bytes, {nonzero} non-zero weights (not written)",
                bytes.len()
            );
            if let Ok(path) = std::env::var("MODEL_OUT") {
                std::fs::write(path, &bytes).unwrap();
            }
            return ExitCode::SUCCESS;
        }
        std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        println!(
            "wrote {} ({} bytes, {nonzero} non-zero weights)",
            path.display(),
            bytes.len()
        );
        ExitCode::SUCCESS
    }
}
