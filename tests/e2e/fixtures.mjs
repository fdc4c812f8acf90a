// The e2e suite's fixtures and helpers, in one place: `test` and `expect`
// from @playwright/test with
// - `log`: what the page reports (uncaught errors, console errors, requests,
//   dialogs, CSP violations, the latest `triage-change` decision);
// - `widget`: the page at `entry` (the widget's own page unless a spec says
//   otherwise), open and ready;
// - `axe`: axe-core's violations on the page (@axe-core/playwright);
// - `anotherVisitor`: a page in a fresh context, for a link opened elsewhere.
// Every context is one of Playwright's fixtures or closed by one, so it is
// closed even when an assertion fails. Plus `ready`, `open` and `catalogue`.
import { test as base, expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";

export { expect };

export const ROOT = resolve(import.meta.dirname, "../..");
export const SCREENSHOTS = join(ROOT, "target", "screenshots");

/** The rules axe-core checks. */
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * Waits until the widget has mounted (`data-ready`) and its stylesheet, a
 * <link> in each shadow root, has loaded: before that it is unstyled (and
 * axe-core would judge the browser's default colours).
 */
export async function ready(page) {
  await page.locator("support-triage .support-triage[data-ready]").first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll("support-triage")].every((element) =>
        [...(element.shadowRoot?.querySelectorAll("link[rel=stylesheet]") ?? [])].every((link) => link.sheet),
      ),
    null,
    { timeout: 30_000 },
  );
}

/** Opens `path` (relative to the served dist/) and waits until the widget is ready. */
export async function open(page, path = "/") {
  await page.goto(path);
  await ready(page);
}

/** Installed before the page's scripts: CSP violations and the latest decision. */
function recorder() {
  window.__violations = [];
  document.addEventListener("securitypolicyviolation", (event) =>
    window.__violations.push(`${event.violatedDirective}: ${event.blockedURI}`),
  );
  document.addEventListener("triage-change", (event) => (window.__decision = event.detail));
}

export const test = base.extend({
  /** The path `widget` opens. */
  entry: ["/", { option: true }],

  log: async ({ page }, use) => {
    const log = {
      /** Uncaught errors (`pageerror`). */
      errors: [],
      /** Uncaught errors and console errors, in order. */
      consoleErrors: [],
      requests: [],
      /** Messages of dialogs, each dismissed. */
      dialogs: [],
      violations: () => page.evaluate(() => window.__violations),
      decision: () => page.evaluate(() => window.__decision ?? null),
    };
    page.on("pageerror", (error) => {
      log.errors.push(error.message);
      log.consoleErrors.push(error.message);
    });
    page.on("console", (message) => message.type() === "error" && log.consoleErrors.push(message.text()));
    page.on("request", (request) => log.requests.push(request.url()));
    page.on("dialog", (dialog) => {
      log.dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    await page.addInitScript(recorder);
    await use(log);
  },

  // Depends on `log` so that its listeners are there before the page loads.
  widget: async ({ page, log, entry }, use) => {
    void log;
    await open(page, entry);
    await use(page);
  },

  axe: async ({ page }, use) => {
    await use(async () => {
      // Colours are judged when they are still: a button's background fades
      // in 120 ms (when its stylesheet applies, on hover), and axe-core would
      // judge it halfway. The widget's transitions are in its shadow roots,
      // which `document.getAnimations()` leaves out.
      await page.evaluate(() =>
        Promise.all(
          [document, ...[...document.querySelectorAll("support-triage")].map((element) => element.shadowRoot)]
            .filter(Boolean)
            .flatMap((root) => root.getAnimations())
            .map((animation) => animation.finished.catch(() => {})),
        ),
      );
      const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      return violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
  },

  anotherVisitor: async ({ browser }, use) => {
    const contexts = [];
    await use(async (url) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await open(page, url);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

/** A catalogue file: `key = value` lines, `#` comments, a value in double quotes keeps its spaces. */
export function parseCatalogue(text) {
  const entries = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const at = line.indexOf(" = ");
    if (at < 0) continue;
    let value = line.slice(at + 3).trim();
    if (value.length >= 2 && value.startsWith('"') && value.endsWith('"')) value = value.slice(1, -1);
    entries.set(line.slice(0, at).trim(), value);
  }
  return entries;
}

/** A file of src/locales/ (e.g. `ja.txt`, `why/ja.txt`) as key → text; null when there is none. */
export async function catalogue(name) {
  try {
    return parseCatalogue(await readFile(join(ROOT, "src", "locales", name), "utf8"));
  } catch (error) {
    if (error.code === "ENOENT") return null;
    throw error;
  }
}
