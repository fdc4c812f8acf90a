// The decision benchmark (issue 14): evaluate() of the release build against
// json-rules-engine (npm, pinned) on the same severity and response-target
// rules, side by side in one page of headless Chromium. Build first
// (`trunk build --release`); scripts/bench-decision does both. Writes
// target/decision-bench.md. The size and boot report (size-report.mjs)
// runs it too, through `decisionBenchmark()`.
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import httpServer from "http-server";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchOptions } from "../tests/e2e/chromium.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const HERE = join(ROOT, "benches", "decision");

/**
 * Runs the benchmark on the build in dist/ (or $DIST); returns the report's
 * lines, the measured figures and json-rules-engine's p50 over the
 * business-hours decision's.
 */
export async function decisionBenchmark() {
  // json-rules-engine as one browser module.
  const bundle = await build({
    entryPoints: [join(HERE, "entry.mjs")],
    bundle: true,
    format: "esm",
    platform: "browser",
    minify: true,
    write: false,
    logLevel: "error",
  });
  const files = {
    "/bench/json-rules-engine.js": bundle.outputFiles[0].text,
    "/bench/rules.mjs": await readFile(join(HERE, "rules.mjs"), "utf8"),
    "/bench/page.mjs": await readFile(join(HERE, "page.mjs"), "utf8"),
    "/bench/": '<!doctype html><meta charset="utf-8"><title>decision benchmark</title><script type="module" src="/bench/page.mjs"></script>',
  };

  const site = httpServer.createServer({ root: process.env.DIST ?? join(ROOT, "dist"), cache: -1, showDir: "false" });
  await new Promise((ok) => site.server.listen(0, "127.0.0.1", ok));
  const origin = `http://127.0.0.1:${site.server.address().port}`;
  const browser = await chromium.launch(launchOptions);
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (error) => errors.push(error.message));
    // The bench's own files, and cross-origin isolation for a finer clock.
    await page.route(`${origin}/**`, async (route) => {
      const path = new URL(route.request().url()).pathname;
      const isolation = { "cross-origin-opener-policy": "same-origin", "cross-origin-embedder-policy": "require-corp" };
      if (path in files) {
        const type = path.endsWith("/") ? "text/html" : "text/javascript";
        return route.fulfill({ body: files[path], contentType: type, headers: isolation });
      }
      const response = await route.fetch();
      return route.fulfill({ response, headers: { ...response.headers(), ...isolation } });
    });
    await page.goto(`${origin}/bench/`);
    await page.waitForFunction(() => window.__result, null, { timeout: 300_000, polling: 500 }).catch(() => {
      throw new Error(`the benchmark page did not finish: ${errors.join("; ")}`);
    });
    const result = await page.evaluate(() => window.__result);
    const us = (value) => `${value.toFixed(1)} µs`;
    const ours = result.kinds["business hours, Japan"];
    const ratio = result.jsonRulesEngine.p50 / ours.p50;
    const lines = [
      "# support-triage: decision benchmark (Chromium, release build)",
      "",
      `${(await browser.version())}, cross-origin isolated: ${result.crossOriginIsolated}; each sample is a batch of 10 calls.`,
      "",
      "| decision through `evaluate()` | p50 | p99 |",
      "| --- | ---: | ---: |",
      ...Object.entries(result.kinds).map(([name, t]) => `| ${name} | ${us(t.p50)} | ${us(t.p99)} |`),
      `| json-rules-engine 7.3.1, the same severity and target rules | ${us(result.jsonRulesEngine.p50)} | ${us(result.jsonRulesEngine.p99)} |`,
      "",
      `json-rules-engine p50 / business-hours decision p50: ${ratio.toFixed(1)}× (the issue asks for at least 25×).`,
    ];
    await mkdir(join(ROOT, "target"), { recursive: true });
    await writeFile(join(ROOT, "target", "decision-bench.md"), `${lines.join("\n")}\n`);
    return { lines, result, ratio };
  } finally {
    await browser.close();
    site.server.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { lines } = await decisionBenchmark();
  console.log(lines.join("\n"));
}
