// End-to-end: the release build in headless Chromium, driven as a visitor
// would, with screenshots under target/screenshots/ for a reviewer.
import { join } from "node:path";
import { catalogue, expect, open, ready, SCREENSHOTS, test } from "./fixtures.mjs";

test.use({ locale: "en-US", timezoneId: "America/Los_Angeles", viewport: { width: 1280, height: 900 } });

const card = (page) => page.locator(".triage-card");
const description = (page) => page.getByLabel("What is wrong?");

/** A production outage on Dynamics 365 with a 24x7 commitment: severity A, within 1 hour, around the clock. */
async function outage(page, text = "Production is down: nobody can save sales orders, error 0x80040216") {
  await description(page).fill(text);
  await page.getByLabel("Which product?").selectOption("dynamics365");
  await page.getByLabel("Production is down or badly degraded: we need help now").check();
  await page.locator("input[name=triage-commit_24x7][value=true]").check();
}

test.describe("a visitor", () => {
  test("goes from an outage to severity A, a due time and a path", async ({ widget: page, log }) => {
    await outage(page);
    await expect(card(page).getByText("A: critical")).toBeVisible();
    const text = await card(page).innerText();
    expect(text).toMatch(/within 1 h/);
    expect(text).toMatch(/Around the clock/);
    expect(text, "a countdown is shown").toMatch(/left/);
    expect(await page.locator(".triage-steps li").count()).toBeGreaterThanOrEqual(3);
    await page.locator(".triage-why summary").click();
    await expect(page.locator(".triage-why")).toContainText("SEV-2", { useInnerText: true });
    await page.screenshot({ path: join(SCREENSHOTS, "en-outage.png"), fullPage: true });
    expect(log.errors).toEqual([]);
  });

  test.describe(() => {
    test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo" });

    test("in Japanese, from a typed description to a severity, a due time and a path", async ({ widget: page, log }) => {
      const ja = await catalogue("ja.txt");
      await expect(page.locator("h1", { hasText: ja.get("ui.title") })).toBeVisible();
      await page.getByLabel(ja.get("ui.describe")).fill("本番環境でエラーが発生し、受注を保存できません。業務に支障が出ています");
      await page.getByLabel(ja.get("ui.product")).selectOption("dynamics365");
      await page.getByLabel(ja.get("ui.impact-name.moderate")).check();
      const answer = card(page);
      await expect(answer.getByText(ja.get("ui.severity-name.B"))).toBeVisible();
      const text = await answer.innerText();
      expect(text).toMatch(/4\s*時間/);
      expect(text).toContain(ja.get("ui.where-to-file"));
      expect(text, "the path names the admin center").toMatch(/Power Platform/);
      expect(text, "no English word order or words").not.toMatch(/\bleft\b|\bhours\b|\bwithin\b/);
      await expect(page.getByLabel(ja.get("ui.location")), "the calendar follows the browser's zone").toHaveValue("japan");
      await page.screenshot({ path: join(SCREENSHOTS, "ja-break-fix.png"), fullPage: true });
      expect(log.errors).toEqual([]);
    });
  });

  test("sees live suggestions with their own words while typing", async ({ widget: page }) => {
    await description(page).pressSequentially("we were charged twice on the invoice", { delay: 5 });
    const chip = page.locator(".triage-chip").first();
    await expect(chip).toContainText("Billing", { useInnerText: true });
    await expect(chip.locator("mark")).toContainText("charged twice", { useInnerText: true });
    await chip.click();
    await expect(chip).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Kind of issue")).toHaveValue("billing");
  });

  test("shares a link that reproduces the answer, and keeps a draft across reloads", async ({ widget: page, anotherVisitor }) => {
    await description(page).fill("Azure portal very slow");
    await page.getByLabel("Which product?").selectOption("azure");
    await page.getByLabel("Work goes on, but impaired").check();
    await expect(card(page).getByText("B: moderate")).toBeVisible();
    const link = page.url();
    expect(link).toMatch(/product=azure/);
    const shared = await anotherVisitor(link);
    await expect(description(shared)).toHaveValue("Azure portal very slow");
    await expect(card(shared).getByText("B: moderate")).toBeVisible();
    await open(page, "/");
    await expect(description(page), "the draft survives").toHaveValue("Azure portal very slow");
    await page.getByRole("button", { name: "Start over" }).click();
    await expect(description(page)).toHaveValue("");
    await page.reload();
    await ready(page);
    await expect(description(page), "start over cleared the draft").toHaveValue("");
  });

  test.describe(() => {
    test.use({ permissions: ["clipboard-read", "clipboard-write"] });

    test("copies a plain-text summary", async ({ widget: page }) => {
      await description(page).fill("The invoice amount is wrong");
      await page.getByLabel("Which product?").selectOption("power_platform");
      // The words are read once the vocabulary has arrived (after the first paint).
      await expect(card(page).getByText("Billing", { exact: true })).toBeVisible();
      await page.getByRole("button", { name: "Copy summary" }).click();
      await expect(page.getByRole("status").getByText("Summary copied")).toBeVisible();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toMatch(/^The invoice amount is wrong/);
      expect(copied).toMatch(/Kind of issue: Billing/);
    });
  });

  test("can do everything with the keyboard, with a visible focus", async ({ widget: page }) => {
    // The widget lives in a shadow root: the focused element is inside it.
    const focused = (property) =>
      page.evaluate((property) => {
        const element = document.activeElement.shadowRoot?.activeElement ?? document.activeElement;
        return property === "outline" ? getComputedStyle(element).outlineStyle : element[property];
      }, property);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await focused("tagName")).toBe("TEXTAREA");
    expect(await focused("outline"), "the focus is visible").not.toBe("none");
    await page.keyboard.type("invoice is wrong");
    // The suggestions appear once the vocabulary has arrived (after the
    // first paint), and follow the text as it settles: the chips are found
    // by what they say, not by their place, which a later reading may change.
    const billing = page.locator(".triage-chip", { hasText: "Billing" });
    await expect(page.locator(".triage-chip").first()).toContainText("Billing");
    await page.keyboard.press("Tab");
    expect(await focused("className")).toBe("triage-chip");
    expect(await focused("innerText")).toContain("Billing");
    await page.keyboard.press("Enter");
    await expect(billing).toHaveAttribute("aria-pressed", "true");
  });

  test("keeps the focus on a suggestion while the text is read again", async ({ widget: page }) => {
    const chip = page.locator(".triage-chip").first();
    await description(page).fill("invoice is wrong");
    await expect(chip).toBeVisible();
    const before = await chip.innerText();
    await chip.focus();
    // More words arrive (a paste, a dictation) while the chip has the focus.
    await description(page).evaluate((box) => {
      box.value += " and we were charged twice this month";
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await expect(chip).not.toHaveText(before);
    expect(
      await chip.evaluate((element) => element.getRootNode().activeElement === element),
      "the chip read again is the one focused",
    ).toBe(true);
    await page.keyboard.press("Enter");
    await expect(chip).toHaveAttribute("aria-pressed", "true");
  });

});

test.describe("accessibility (axe-core)", () => {
  for (const scheme of ["light", "dark"]) {
    test.describe(() => {
      test.use({ colorScheme: scheme });

      test(`no violations, ${scheme} scheme, empty and answered`, async ({ widget: page, axe }) => {
        expect(await axe()).toEqual([]);
        await description(page).fill("our plugin fails, production down");
        await page.getByLabel("Which product?").selectOption("dynamics365");
        await page.getByLabel("Production is down or badly degraded: we need help now").check();
        await page.locator(".triage-why summary").click();
        expect(await axe()).toEqual([]);
        // A suggestion pressed: its highlighted words keep their contrast.
        await page.locator(".triage-chip").first().click();
        await expect(page.locator(".triage-chip").first()).toHaveAttribute("aria-pressed", "true");
        expect(await axe()).toEqual([]);
      });
    });
  }

  test.describe(() => {
    test.use({ viewport: { width: 320, height: 800 } });

    test("usable at 320 px: nothing wider than the screen", async ({ widget: page }) => {
      await page.getByLabel("Which product?").selectOption("azure");
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(overflow, `the page is ${overflow}px wide`).toBeLessThanOrEqual(320);
      await page.screenshot({ path: join(SCREENSHOTS, "narrow-320.png"), fullPage: true });
    });
  });
});
