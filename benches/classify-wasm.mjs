// Times classify() on 2,000-character descriptions inside the shipped module
// (dist/, as Trunk builds it), run by Node (V8, the engine Chromium uses),
// with the shipped lists and model installed. Called by scripts/bench-wasm.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { performance } from "node:perf_hooks";

// The bindings (wasm-bindgen --target web) and their module's bytes.
const bindings = process.argv[2];
const widget = await import(pathToFileURL(bindings).href);
await widget.default({
  module_or_path: readFileSync(bindings.replace(/\.js$/, "_bg.wasm")),
});

// The shipped lists and model, as the build writes them beside the module
// for the browser to fetch.
const vocabulary = join(dirname(bindings), "vocabulary");
widget.installClassifier(
  readFileSync(join(vocabulary, "lists.txt"), "utf8"),
  readFileSync(join(vocabulary, "model.bin")),
);

const sentence =
  "After the update the invoice page is very slow and sometimes times out; 請求書の画面が遅い。 ";
let description = "";
while (description.length < 2000) description += sentence;
description = description.slice(0, 2000);

// About 2,000 characters of distinct customer descriptions from the training
// corpus, one language after another (as the native benchmark's).
const corpus = fileURLToPath(new URL("../tests/corpus/train/", import.meta.url));
/** About 2,000 characters of distinct descriptions in `languages`, in turn. */
function distinctIn(languages) {
  const lines = languages.map((language) =>
    readFileSync(`${corpus}${language}.jsonl`, "utf8").split("\n").filter(Boolean),
  );
  let text = "";
  for (let line = 0; [...text].length < 2000; line++) {
    for (const language of lines) {
      text += JSON.parse(language[line]).text + " ";
      if ([...text].length >= 2000) break;
    }
  }
  return [...text].slice(0, 2000).join("");
}
const distinct = distinctIn(["en", "ja", "id", "de", "zh-Hans", "fr"]);

/**
 * Times classify() on `text` in seven rounds of 1,000 calls; prints the
 * median of the rounds' medians and the best round's (on a shared machine a
 * round can be slowed by the neighbours; the best is what the code costs).
 */
function time(label, text) {
  for (let i = 0; i < 200; i++) widget.classify(text); // warm up
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    const times = [];
    for (let i = 0; i < 1000; i++) {
      const start = performance.now();
      widget.classify(text);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    rounds.push({ median: times[500], p95: times[950] });
  }
  rounds.sort((a, b) => a.median - b.median);
  const us = (ms) => `${(ms * 1000).toFixed(0)} µs`;
  const result = widget.classify(text);
  console.log(
    `classify, ${label}, wasm in Node ${process.version}: median ${us(rounds[3].median)} (best round ${us(rounds[0].median)}), p95 ${us(rounds[3].p95)}, 7 × 1,000 calls (top: ${result.suggestions[0].category})`,
  );
}

time("2,000 characters", description);
time("2,000 characters of distinct descriptions", distinct);
// One language at a time: Japanese and Chinese give three n-grams a
// character and a phrase search at each, Latin scripts a few a word.
for (const language of ["en", "ja", "zh-Hans"]) {
  time(`2,000 characters of distinct descriptions in ${language}`, distinctIn([language]));
}
