// The visitors of issue 11, end to end: a Tokyo admin on a Friday evening,
// an Indonesian CSP partner, a German partner on a phone, a screen-reader
// user while time passes, a follow-up on an old case, and what leaves the
// browser. Time is Playwright's clock: minutes pass without waiting.
import { join } from "node:path";
import { catalogue, expect, open, SCREENSHOTS, test } from "./fixtures.mjs";

const card = (page) => page.locator(".triage-card");
const live = (page) => page.locator(".triage-live");

/** Counts the changes of the live region's text from now on (`window.__announced`). */
async function listenToLiveRegion(page) {
  await page.evaluate(() => {
    const region = document.querySelector("support-triage").shadowRoot.querySelector(".triage-live");
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(region.textContent)).observe(region, {
      childList: true,
      characterData: true,
      subtree: true,
    });
  });
}
const announced = (page) => page.evaluate(() => window.__announced);

/** The card's text without its countdown. */
const cardWithoutCountdown = (page) =>
  card(page).evaluate((element) => {
    const copy = element.cloneNode(true);
    copy.querySelectorAll(".triage-countdown").forEach((node) => node.remove());
    return copy.innerText;
  });

test.describe("a Tokyo admin on a Friday evening", () => {
  test.use({ locale: "ja-JP", timezoneId: "Asia/Tokyo", viewport: { width: 1280, height: 900 } });

  test("an A request in Japanese: the holiday reason, the due time and the English 24x7 alternative", async ({ page, log }) => {
    const ja = await catalogue("ja.txt");
    // Friday 20 Nov 2026, 18:00 in Tokyo: the office closed at 17:30, and
    // Monday 23 Nov is Labour Thanksgiving Day.
    await page.clock.install({ time: new Date("2026-11-20T18:00:00+09:00") });
    await open(page);
    await page.getByLabel(ja.get("ui.describe")).fill("Dynamics 365 の本番環境が停止し、全員が受注を保存できません。");
    // The product named in the text is filled in, visibly, with an undo.
    await expect(page.getByLabel(ja.get("ui.product"))).toHaveValue("dynamics365");
    await expect(page.locator(".triage-proposal").first()).toContainText("Dynamics 365");
    await page.getByLabel(ja.get("ui.impact-name.critical")).check();
    // Before the commitment is answered the card says what it assumed.
    await expect(card(page).locator(".triage-assumptions")).toContainText(ja.get("ui.commit"));
    await page.locator("input[name=triage-commit_24x7][value=true]").check();
    await expect(card(page).locator(".triage-assumptions")).not.toContainText(ja.get("ui.commit"));
    await expect(card(page).getByText(ja.get("ui.severity-name.A"))).toBeVisible();
    const due = card(page).locator(".triage-due");
    await expect(due).toContainText("11月24日");
    await expect(due).toContainText("10:00");
    const timing = card(page).locator(".triage-timing");
    await expect(timing, "the holiday that keeps the office closed").toContainText("11月23日");
    await expect(timing, "English round-the-clock support: due today at 19:00").toContainText("19:00");
    await page.screenshot({ path: join(SCREENSHOTS, "tokyo-friday-evening.png"), fullPage: true });
    expect(log.errors).toEqual([]);
  });
});

test.describe("an Indonesian CSP partner", () => {
  test.use({ locale: "id-ID", timezoneId: "Asia/Jakarta" });

  test("filing for a customer is proposed from the text and confirmed with one press", async ({ widget: page }) => {
    const id = await catalogue("id.txt");
    await page
      .getByLabel(id.get("ui.describe"))
      .fill("Kami partner CSP, mengajukan atas nama pelanggan kami. VM Azure tidak bisa start sejak pagi.");
    await expect(page.getByLabel(id.get("ui.product"))).toHaveValue("azure");
    const question = page.locator(".triage-proposal", { hasText: id.get("ui.proposal-csp-customer") });
    await expect(question).toBeVisible();
    await question.getByRole("button", { name: id.get("ui.yes") }).click();
    await expect(page.getByLabel(id.get("ui.role"))).toHaveValue("partner_for_customer");
    await expect(page.getByLabel(id.get("ui.plan"))).toHaveValue("csp");
    await expect(question).toHaveCount(0);
    // Partners on Azure under CSP are asked about admin rights.
    await expect(page.locator("[data-field=admin_access]")).toBeVisible();
    await expect(card(page)).toContainText("Partner Center");
  });
});

test.describe("a screen-reader user while time passes", () => {
  test.use({ locale: "en-US", timezoneId: "America/Los_Angeles" });
  // Los Angeles (UTC-8 in November); the support calendar opens at 06:00 there.
  const at = (local) => new Date(`${local}-08:00`);

  async function slowdown(page) {
    await page.getByLabel("What is wrong?").fill("Sales app is very slow");
    await page.getByLabel("Which product?").selectOption("dynamics365");
    await page.getByLabel("Work goes on, but impaired").check();
    await expect(card(page)).toContainText("within 4 hours");
  }

  test("one live region outside the card, one announcement for a typed sentence", async ({ widget: page }) => {
    expect(await page.locator("support-triage [aria-live]").count()).toBe(1);
    expect(await card(page).locator("[aria-live]").count()).toBe(0);
    await page.getByLabel("Which product?").selectOption("dynamics365");
    await expect(live(page)).toContainText("file through");
    await listenToLiveRegion(page);
    await page.getByLabel("What is wrong?").pressSequentially("The invoice we received charges us twice", { delay: 20 });
    await expect(live(page)).toContainText("Billing");
    await page.waitForTimeout(1500);
    const heard = await announced(page);
    expect(heard.length, heard.join("\n")).toBe(1);
    expect(heard[0].length, "short").toBeLessThan(200);
  });

  test("three minutes pass: no announcement and no change but a countdown to a fixed instant", async ({ page }) => {
    await page.clock.install({ time: at("2026-11-17T10:00:00") }); // a Tuesday, in business hours
    await open(page);
    await slowdown(page);
    await page.clock.runFor(2000); // the answer settles and is announced
    await expect(card(page).locator(".triage-due")).toContainText("14:00");
    await expect(card(page).locator(".triage-countdown")).toHaveText("4 hours left");
    const before = await cardWithoutCountdown(page);
    await listenToLiveRegion(page);
    await page.clock.runFor("03:00");
    await expect(card(page).locator(".triage-countdown")).toHaveText("3 hours, 57 minutes left");
    expect(await cardWithoutCountdown(page)).toEqual(before);
    expect(await announced(page)).toEqual([]);
  });

  test("over the weekend the due time stays at Monday's opening; later the card offers to recalculate", async ({ page }) => {
    await page.clock.install({ time: at("2026-11-21T10:00:00") }); // a Saturday
    await open(page);
    await slowdown(page);
    const due = card(page).locator(".triage-due");
    await expect(due).toContainText("Mon, Nov 23, 10:00");
    await expect(card(page).locator(".triage-timing")).toContainText("closed for the weekend");
    await expect(card(page).locator(".triage-countdown")).toHaveText("48 hours left");
    await page.clock.runFor("09:00");
    await expect(card(page).locator(".triage-stale")).toBeHidden();
    await page.clock.runFor("01:00");
    await expect(card(page).locator(".triage-countdown")).toHaveText("47 hours, 50 minutes left");
    await expect(due).toContainText("Mon, Nov 23, 10:00");
    const stale = card(page).locator(".triage-stale");
    await expect(stale).toBeVisible();
    // Monday 06:01: filed now, the clock starts at once.
    await page.clock.setSystemTime(at("2026-11-23T06:01:00"));
    await page.clock.runFor(20_000);
    await stale.getByRole("button", { name: "Recalculate for now" }).click();
    await expect(due).toContainText("Mon, Nov 23, 10:01");
    await expect(card(page).locator(".triage-countdown")).toHaveText("4 hours left");
  });
});

test.describe("a follow-up on an old case", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/London" });

  test("the case number in the text fills the earlier-case question, then the reopen questions lead to a verdict", async ({ widget: page }) => {
    await page.getByLabel("What is wrong?").fill("Same error again in Dynamics 365 as in case 2611050010001234, after the fix was applied");
    await expect(page.getByLabel("Earlier case number")).toHaveValue("2611050010001234");
    const filled = page.locator(".triage-proposal", { hasText: "2611050010001234" });
    await expect(filled).toBeVisible();
    await page.getByLabel("When was the earlier case closed?").fill("2026-11-10");
    await page.getByLabel("When was the earlier case closed?").blur();
    for (const field of ["same_build", "same_environment", "same_error", "after_hotfix"]) {
      await page.locator(`input[name=triage-previous_case\\.${field}][value=true]`).check();
    }
    const verdict = card(page).locator(".triage-reopen");
    await expect(verdict).toBeVisible();
    await expect(verdict).not.toHaveText("Not known yet: answer the questions about the earlier case");
    // Undo takes the number back, and it is not proposed again.
    await filled.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByLabel("Earlier case number")).toHaveValue("");
    await expect(page.locator(".triage-proposal", { hasText: "2611050010001234" })).toHaveCount(0);
  });
});

test.describe("time zones", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/Berlin" });

  test("a mistyped zone is shown at its field while the card stays; the browser's zones are offered", async ({ widget: page }) => {
    await page.getByLabel("Which product?").selectOption("dynamics365");
    await page.getByLabel("Work goes on, but impaired").check();
    const zone = page.getByLabel("Your time zone");
    await zone.fill("Tokyo");
    await zone.blur();
    await expect(page.locator("[data-field=time_zone] .triage-error")).toContainText("not a time zone");
    await expect(zone).toHaveAttribute("aria-invalid", "true");
    await expect(card(page).getByText("B: moderate")).toBeVisible();
    await zone.focus();
    const options = await page.locator("[data-field=time_zone] datalist option").count();
    expect(options).toBeGreaterThan(300);
    await zone.fill("Asia/Tokyo");
    await zone.blur();
    await expect(page.locator("[data-field=time_zone] .triage-error")).toBeHidden();
  });

  test("a link shared from Tokyo shows the opener's own time as theirs", async ({ widget: page }) => {
    await page.goto("/#product=dynamics365&impact=moderate&time_zone=Asia%2FTokyo&location=japan&language=en");
    await page.reload();
    await expect(card(page).getByText("B: moderate")).toBeVisible();
    const due = await card(page).locator(".triage-due").innerText();
    // Berlin is 8 hours behind Tokyo in November: the two times differ.
    const [yours, theirs] = [...due.matchAll(/(\d\d):(\d\d)/g)].map((m) => Number(m[1]));
    expect(due).toContain("(your time)");
    expect(due).toContain("in Japan");
    expect((theirs - yours + 24) % 24).toBe(8);
  });
});

test.describe("private by construction", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/Paris" });

  test("no request to any server carries the description; the answers live in the fragment", async ({ page, context }) => {
    const secret = "Zebra quartz 7731: the payroll export leaks salaries";
    const requests = [];
    context.on("request", (request) => requests.push(`${request.method()} ${request.url()}\n${request.postData() ?? ""}`));
    await open(page);
    await page.getByLabel("What is wrong?").pressSequentially(secret, { delay: 5 });
    await page.getByLabel("Which product?").selectOption("dynamics365");
    await page.getByLabel("Work goes on, but impaired").check();
    await page.locator(".triage-why summary").click();
    await expect(card(page).getByText("B: moderate")).toBeVisible();
    expect(page.url()).toContain("#");
    expect(new URL(page.url()).search).toBe("");
    // A reload and a shared link bring the answers back from the fragment.
    await page.reload();
    await expect(page.getByLabel("What is wrong?")).toHaveValue(secret);
    const traces = [secret, encodeURIComponent(secret), "Zebra", "7731", "payroll"];
    for (const request of requests) {
      for (const trace of traces) expect(request, "a request carried what the visitor typed").not.toContain(trace);
    }
    expect(requests.length).toBeGreaterThan(3);
  });

  test("an older link's query moves to the fragment", async ({ page }) => {
    await open(page, "/?product=azure&impact=minimal");
    await expect(card(page).getByText("C: minimal")).toBeVisible();
    expect(new URL(page.url()).search).toBe("");
    expect(new URL(page.url()).hash).toContain("product=azure");
  });
});

test.describe("a German partner on a phone", () => {
  test.use({ locale: "de-DE", timezoneId: "Europe/Berlin", viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  test("the answer's headline stays in sight while typing, and leads to the card", async ({ widget: page }) => {
    const de = await catalogue("de.txt");
    const text = page.getByLabel(de.get("ui.describe"));
    await text.fill("Unsere Dynamics 365 Produktion steht, alle Benutzer sind betroffen");
    await page.getByLabel(de.get("ui.impact-name.critical")).check();
    await text.focus();
    const bar = page.locator(".triage-bar");
    await expect(bar).toBeVisible();
    await expect(bar).toContainText(de.get("ui.see-answer"));
    await expect(bar).toBeInViewport();
    // One line: it leaves the suggestions under the box in sight (four
    // lines of headline had covered the first one).
    const chip = page.locator(".triage-chip").first();
    await chip.scrollIntoViewIfNeeded();
    await text.focus();
    const [barBox, chipBox] = [await bar.boundingBox(), await chip.boundingBox()];
    expect(barBox.height, "the bar is one line").toBeLessThan(60);
    expect(chipBox.y + chipBox.height, "the first suggestion is above the bar").toBeLessThanOrEqual(barBox.y);
    const heading = page.locator("#triage-answer-heading");
    await expect(heading).not.toBeInViewport();
    await bar.click();
    await expect(heading).toBeInViewport();
    await expect(heading).toBeFocused();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(overflow).toBeLessThanOrEqual(360);
  });
});

test.describe("copy, start over and undo", () => {
  test.use({ locale: "en-US", timezoneId: "Europe/Berlin", permissions: ["clipboard-read", "clipboard-write"] });

  test("copying an empty form says so; the confirmation goes away; start over can be undone", async ({ page }) => {
    await page.clock.install({ time: new Date("2026-11-17T10:00:00+01:00") });
    await open(page);
    await page.getByRole("button", { name: "Copy summary" }).click();
    const status = page.locator(".triage-status");
    await expect(status).toContainText("Nothing to copy yet");
    await page.clock.runFor("00:07");
    await expect(status).toHaveText("");
    await page.getByLabel("What is wrong?").fill("The invoice amount is wrong");
    await page.getByLabel("Which product?").selectOption("power_platform");
    await page.getByRole("button", { name: "Start over" }).click();
    await expect(page.getByLabel("What is wrong?")).toHaveValue("");
    await status.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByLabel("What is wrong?")).toHaveValue("The invoice amount is wrong");
    await expect(page.getByLabel("Which product?")).toHaveValue("power_platform");
  });
});

test.describe("screenshots", () => {
  for (const scheme of ["light", "dark"]) {
    for (const width of [360, 1280]) {
      test.describe(() => {
        test.use({ colorScheme: scheme, viewport: { width, height: 900 }, locale: "en-US", timezoneId: "Asia/Tokyo" });

        test(`${width} px, ${scheme}`, async ({ page, axe }) => {
          await page.clock.install({ time: new Date("2026-11-20T18:00:00+09:00") });
          await open(page);
          await page.getByLabel("What is wrong?").fill("Dynamics 365 production is down, see case 2611050010001234");
          await page.getByLabel("Production is down or badly degraded: we need help now").check();
          await page.getByLabel("Support in").selectOption("ja");
          await expect(card(page).locator(".triage-timing")).toContainText("public holiday");
          await page.clock.runFor(2000);
          expect(await axe()).toEqual([]);
          await page.screenshot({ path: join(SCREENSHOTS, `visitor-${width}-${scheme}.png`), fullPage: width > 400 });
        });
      });
    }
  }
});
