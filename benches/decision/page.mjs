// The decision benchmark, inside Chromium: evaluate() of the release wasm
// against json-rules-engine on the same severity and response-target rules,
// in one page. Calls are timed in batches of ten (the browser's clock is
// coarse): each sample is one batch's time per call.
import { evaluate, loadVocabulary } from "/embed.js";
import { Engine } from "/bench/json-rules-engine.js";
import { severityRules, targetRules } from "/bench/rules.mjs";

const BATCH = 10;
const SAMPLES = 400;
const WARM_UP = 300;

const at = "2026-11-20T09:00:00Z";
let long = "";
while (long.length < 2000) long += "After the update the invoice page is very slow and sometimes times out; 請求書の画面が遅い。 ";
const kinds = {
  "24x7 (A, Europe/Berlin)": { product: "dynamics365", impact: "critical", commit_24x7: true, time_zone: "Europe/Berlin", submitted_at: at },
  "business hours, Japan": { product: "dynamics365", impact: "moderate", location: "japan", time_zone: "Asia/Tokyo", submitted_at: at },
  "business hours, North America": { product: "dynamics365", impact: "minimal", location: "north_america", time_zone: "America/Los_Angeles", submitted_at: at },
  "business hours, elsewhere": { product: "power_platform", impact: "moderate", location: "other", time_zone: "Asia/Jakarta", plan: "professional_direct", submitted_at: at },
  "no target (billing on Azure)": { product: "azure", category: "billing", submitted_at: at },
  "with a 2,000-character description": { product: "dynamics365", impact: "moderate", location: "japan", time_zone: "Asia/Tokyo", submitted_at: at, description: long.slice(0, 2000) },
};

function percentiles(samples) {
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { p50: pick(0.5) * 1000, p99: pick(0.99) * 1000 };
}

function timeSync(run) {
  for (let i = 0; i < WARM_UP; i++) run();
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = performance.now();
    for (let i = 0; i < BATCH; i++) run();
    samples.push((performance.now() - start) / BATCH);
  }
  return percentiles(samples);
}

async function timeAsync(run) {
  for (let i = 0; i < WARM_UP; i++) await run();
  const samples = [];
  for (let s = 0; s < SAMPLES; s++) {
    const start = performance.now();
    for (let i = 0; i < BATCH; i++) await run();
    samples.push((performance.now() - start) / BATCH);
  }
  return percentiles(samples);
}

await loadVocabulary();
const results = { kinds: {}, crossOriginIsolated: self.crossOriginIsolated };
// Every kind warmed up before any is timed: the engine compiles the
// module's hot functions again, optimised, while it runs, and that one-off
// work would otherwise land in the first kind's samples.
for (const facts of Object.values(kinds)) for (let i = 0; i < WARM_UP; i++) evaluate(facts);
for (const [name, facts] of Object.entries(kinds)) results.kinds[name] = timeSync(() => evaluate(facts));

// json-rules-engine: severity first, then the target from it, as the engine does.
const severityEngine = new Engine(severityRules, { allowUndefinedFacts: true });
const targetEngine = new Engine(targetRules, { allowUndefinedFacts: true });
const facts = { product: "dynamics365", plan: "standard", impact: "moderate", commit_24x7: false };
async function jsonRules() {
  const { events } = await severityEngine.run(facts);
  const severity = events[0]?.params.severity;
  const target = await targetEngine.run({ ...facts, severity });
  return target.events[0]?.params;
}
const check = await jsonRules();
if (check?.minutes !== 240) throw new Error(`json-rules-engine decided ${JSON.stringify(check)}, not 240 minutes`);
results.jsonRulesEngine = await timeAsync(jsonRules);
const ours = evaluate({ ...facts, submitted_at: at });
if (ours.response.target_minutes !== 240) throw new Error("evaluate() disagrees with the rules");
window.__result = results;
