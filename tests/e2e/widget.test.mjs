// End-to-end: the release build in headless Chromium, driven as a visitor
// would, with screenshots under target/screenshots/ for a reviewer.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { catalogue, launch, ready, serve, SCREENSHOTS } from "./support.mjs";

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

let browser;
let site;

before(async () => {
  await mkdir(SCREENSHOTS, { recursive: true });
  site = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await site?.close();
});

async function open(options = {}, query = "") {
  const context = await browser.newContext({
    locale: "en-US",
    timezoneId: "America/Los_Angeles",
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${site.url}/${query}`);
  await ready(page);
  return { context, page, errors };
}

const card = (page) => page.locator(".triage-card");

async function axe(page) {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}

describe("a visitor", () => {
  test("goes from an outage to severity A, a due time and a path", async () => {
    const { context, page, errors } = await open();
    await page.getByLabel("What is wrong?").fill("Production is down: nobody can save sales orders, error 0x80040216");
    await page.getByLabel("Which product?").selectOption("dynamics365");
    await page.getByLabel("Production is down or badly degraded: we need help now").check();
    await page.locator("input[name=triage-commit_24x7][value=true]").check();
    await assert.doesNotReject(card(page).getByText("A: critical").waitFor());
    const text = await card(page).innerText();
    assert.match(text, /within 1 h/);
    assert.match(text, /Around the clock/);
    assert.match(text, /left/, "a countdown is shown");
    assert.ok((await page.locator(".triage-steps li").count()) >= 3);
    await page.locator(".triage-why summary").click();
    assert.match(await page.locator(".triage-why").innerText(), /SEV-2/);
    await page.screenshot({ path: join(SCREENSHOTS, "en-outage.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("in Japanese, from a typed description to a severity, a due time and a path", async () => {
    const ja = await catalogue("ja.txt");
    const { context, page, errors } = await open({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });
    await page.locator("h1", { hasText: ja.get("ui.title") }).waitFor();
    await page.getByLabel(ja.get("ui.describe")).fill("本番環境でエラーが発生し、受注を保存できません。業務に支障が出ています");
    await page.getByLabel(ja.get("ui.product")).selectOption("dynamics365");
    await page.getByLabel(ja.get("ui.impact-name.moderate")).check();
    const answer = card(page);
    await answer.getByText(ja.get("ui.severity-name.B")).waitFor();
    const text = await answer.innerText();
    assert.match(text, /4\s*時間/, text);
    assert.ok(text.includes(ja.get("ui.where-to-file")), text);
    assert.match(text, /Power Platform/, "the path names the admin center");
    assert.doesNotMatch(text, /\bleft\b|\bhours\b|\bwithin\b/, "no English word order or words");
    assert.equal(await page.getByLabel(ja.get("ui.location")).inputValue(), "japan", "the calendar follows the browser's zone");
    await page.screenshot({ path: join(SCREENSHOTS, "ja-break-fix.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  });

  test("sees live suggestions with their own words while typing", async () => {
    const { context, page } = await open();
    await page.getByLabel("What is wrong?").pressSequentially("we were charged twice on the invoice", { delay: 5 });
    const chip = page.locator(".triage-chip").first();
    await chip.waitFor();
    assert.match(await chip.innerText(), /Billing/);
    assert.match(await chip.locator("mark").innerText(), /charged twice/);
    await chip.click();
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    assert.equal(await page.getByLabel("Kind of issue").inputValue(), "billing");
    await context.close();
  });

  test("shares a link that reproduces the answer, and keeps a draft across reloads", async () => {
    const { context, page } = await open();
    await page.getByLabel("What is wrong?").fill("Azure portal very slow");
    await page.getByLabel("Which product?").selectOption("azure");
    await page.getByLabel("Work goes on, but impaired").check();
    await card(page).getByText("B: moderate").waitFor();
    const link = page.url();
    assert.match(link, /product=azure/);
    const shared = await browser.newPage();
    await shared.goto(link);
    await ready(shared);
    assert.equal(await shared.getByLabel("What is wrong?").inputValue(), "Azure portal very slow");
    await card(shared).getByText("B: moderate").waitFor();
    await shared.close();
    await page.goto(`${site.url}/`);
    await ready(page);
    assert.equal(await page.getByLabel("What is wrong?").inputValue(), "Azure portal very slow", "the draft survives");
    await page.getByRole("button", { name: "Start over" }).click();
    assert.equal(await page.getByLabel("What is wrong?").inputValue(), "");
    await page.reload();
    await ready(page);
    assert.equal(await page.getByLabel("What is wrong?").inputValue(), "", "start over cleared the draft");
    await context.close();
  });

  test("copies a plain-text summary", async () => {
    const { context, page } = await open({ permissions: ["clipboard-read", "clipboard-write"] });
    await page.getByLabel("What is wrong?").fill("The invoice amount is wrong");
    await page.getByLabel("Which product?").selectOption("power_platform");
    // The words are read once the vocabulary has arrived (after the first paint).
    await card(page).getByText("Billing", { exact: true }).waitFor();
    await page.getByRole("button", { name: "Copy summary" }).click();
    await page.getByRole("status").getByText("Summary copied").waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /^The invoice amount is wrong/);
    assert.match(copied, /Kind of issue: Billing/);
    await context.close();
  });

  test("can do everything with the keyboard, with a visible focus", async () => {
    const { context, page } = await open();
    // The widget lives in a shadow root: the focused element is inside it.
    const focusedTag = () => page.evaluate(() => (document.activeElement.shadowRoot?.activeElement ?? document.activeElement).tagName);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    assert.equal(await focusedTag(), "TEXTAREA");
    const outline = await page.evaluate(
      () => getComputedStyle(document.activeElement.shadowRoot.activeElement).outlineStyle,
    );
    assert.notEqual(outline, "none", "the focus is visible");
    await page.keyboard.type("invoice is wrong");
    // The suggestions appear once the vocabulary has arrived (after the first paint).
    await page.locator(".triage-chip").first().waitFor();
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement.shadowRoot.activeElement.className), "triage-chip");
    await page.keyboard.press("Enter");
    assert.equal(await page.locator(".triage-chip").first().getAttribute("aria-pressed"), "true");
    await context.close();
  });

  test("announces results to screen readers", async () => {
    const { context, page } = await open();
    assert.equal(await page.locator(".triage-card [aria-live=polite]").count(), 1);
    await context.close();
  });
});

describe("accessibility (axe-core)", () => {
  for (const scheme of ["light", "dark"]) {
    test(`no violations, ${scheme} scheme, empty and answered`, async () => {
      const { context, page } = await open({ colorScheme: scheme });
      assert.deepEqual(await axe(page), []);
      await page.getByLabel("What is wrong?").fill("our plugin fails, production down");
      await page.getByLabel("Which product?").selectOption("dynamics365");
      await page.getByLabel("Production is down or badly degraded: we need help now").check();
      await page.locator(".triage-why summary").click();
      assert.deepEqual(await axe(page), []);
      await context.close();
    });
  }

  test("usable at 320 px: nothing wider than the screen", async () => {
    const { context, page } = await open({ viewport: { width: 320, height: 800 } });
    await page.getByLabel("Which product?").selectOption("azure");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 320, `the page is ${overflow}px wide`);
    await page.screenshot({ path: join(SCREENSHOTS, "narrow-320.png"), fullPage: true });
    await context.close();
  });
});
