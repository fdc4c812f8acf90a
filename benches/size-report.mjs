// The widget's size and boot speed, measured on the release build in dist/:
// bytes shipped (raw and gzip), time from navigation to an interactive
// widget in headless Chromium, and the longest main-thread task while it
// starts. Writes target/size-report.md; exits 1 when a budget is broken.
// Run by scripts/size-report (after `trunk build --release`).
import { readdir, readFile, writeFile, mkdir } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { join } from "node:path";
import { DIST, ROOT, launch, serve } from "../tests/e2e/support.mjs";

const BUDGET_GZIP = 200 * 1024;
const BUDGET_LONG_TASK_MS = 50;
const RUNS = 7;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The files a host page loads for the widget (the demo pages are not counted). */
async function widgetFiles() {
  const files = ["embed.js", "support-triage.js", "support-triage_bg.wasm", "widget.css"];
  for (const crate of await readdir(join(DIST, "snippets"))) {
    for (const name of await readdir(join(DIST, "snippets", crate, "www"))) {
      files.push(join("snippets", crate, "www", name));
    }
  }
  return files;
}

async function sizes() {
  const rows = [];
  for (const name of await widgetFiles()) {
    const body = await readFile(join(DIST, name));
    rows.push({ name, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  return rows;
}

// Installed before the page's own scripts: records long tasks and the
// moment the widget is mounted and its description box usable.
const PROBE = () => {
  window.__boot = { longTasks: [], ready: null };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__boot.longTasks.push(entry.duration);
  }).observe({ type: "longtask", buffered: true });
  // The widget renders into the <support-triage> element's shadow root,
  // which a MutationObserver on the document cannot see: poll each frame.
  const look = () => {
    const box = document.querySelector("support-triage")?.shadowRoot?.querySelector(".support-triage[data-ready] textarea");
    if (box) window.__boot.ready = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

async function boot(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__boot?.ready !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(500); // let trailing tasks report
  const result = await page.evaluate(() => ({
    ready: window.__boot.ready,
    longest: Math.max(0, ...window.__boot.longTasks),
    tasks: window.__boot.longTasks.length,
  }));
  await context.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const files = await sizes();
const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
const site = await serve();
const browser = await launch();
const runs = [];
try {
  for (let i = 0; i < RUNS; i++) runs.push(await boot(browser, `${site.url}/`));
} finally {
  await browser.close();
  await site.close();
}
const ready = median(runs.map((r) => r.ready));
const longest = median(runs.map((r) => r.longest));
const best = Math.min(...runs.map((r) => r.longest));
const worst = Math.max(...runs.map((r) => r.longest));

const lines = [
  "# support-triage: size and boot report",
  "",
  "| file | raw | gzip |",
  "| --- | ---: | ---: |",
  ...files.map((f) => `| ${f.name.replace(/-[0-9a-f]{16}/, "")} | ${kb(f.raw)} | ${kb(f.gzip)} |`),
  `| **total** | **${kb(total.raw)}** | **${kb(total.gzip)}** |`,
  "",
  `Budget: ${kb(BUDGET_GZIP)} gzip in all. ${total.gzip <= BUDGET_GZIP ? "Met" : "BROKEN"}.`,
  "",
  `Boot in headless Chromium (${RUNS} runs, loopback server): navigation to an interactive widget, median ${ready.toFixed(0)} ms;`,
  `longest main-thread task while starting: median ${longest.toFixed(0)} ms, best run ${best.toFixed(0)} ms, worst ${worst.toFixed(0)} ms.`,
  `Chromium reports only tasks over 50 ms, so 0 means none. The budget (${BUDGET_LONG_TASK_MS} ms) fails only when even the`,
  `best run breaks it: one slow run on a busy machine is noise, every run slow is a regression. ${best <= BUDGET_LONG_TASK_MS ? "Met" : "BROKEN"}.`,
  "",
];
const report = lines.join("\n");
await mkdir(join(ROOT, "target"), { recursive: true });
await writeFile(join(ROOT, "target", "size-report.md"), report);
console.log(report);
const broken = total.gzip > BUDGET_GZIP || best > BUDGET_LONG_TASK_MS;
console.log(`size-report: ${broken ? "0 passed, 1 failed" : "1 passed, 0 failed"}`);
process.exit(broken ? 1 : 0);
